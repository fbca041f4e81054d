/**
 * kor-check against hostile names and cells: formula injection in its CSV, control characters and direction
 * overrides in the terminal table, CSV and JSON, and --out safety.
 */
import * as path from "path";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { randomBytes } from "crypto";
import { spawnSync } from "child_process";
import JSZip from "jszip";
import { csvColumnsBeforeEu, csvHeader, LEGACY_CSV_COLUMNS } from "../../src/cli/output";
import { parseCsv } from "../../src/reading/csv";
import type { CliIo } from "../../src/cli/main";
import Papa from "papaparse";
import { dayFromIso } from "../../src/rules/dates";
import { invoice, writeXaf } from "../support/xaf-generator";
import { CROSSING_2025, tempDir, writeText, writeXlsx, runCli, type CliRun } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
jest.setTimeout(30_000);

const run = (args: string[], extra: Partial<CliIo> = {}): Promise<CliRun> => runCli(args, TODAY, extra);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

type Json = Record<string, unknown>;
const GOOD_CSV = "Datum;Bedrag;Categorie\n1-3-2025;100,00;21\n";

describe("kor-check --format csv: no formula injection", () => {
  it("prefixes file and sheet names that start with =, +, -, @ with a quote; numbers stay numbers", async () => {
    const hostile = writeText(at('=HYPERLINK("x.test",1).csv'), GOOD_CSV);
    const book = await writeXlsx(at("=1+2.xlsx"), { "-2025": CROSSING_2025, "@SUM(A1)": CROSSING_2025, "+31 Amsterdam": CROSSING_2025 });
    const r = await run([hostile, book, "--format", "csv", "--lang", "nl"]);
    const records = Papa.parse<string[]>(r.stdout.trim(), { delimiter: ";" }).data.slice(1);
    const sheets = records.map((rec) => rec[1]);
    expect(sheets.sort()).toEqual(["'+31 Amsterdam", "'-2025", "'=HYPERLINK(\"x.test\",1)", "'@SUM(A1)"]);
    // Paths here start with "/" (a temp dir): nothing to prefix, and nothing else may start a formula.
    expect(records.every((rec) => rec.every((f) => !/^[=+\-@\t\r]/.test(f)))).toBe(true);
    // Amounts are still plain numbers (decimal comma in Dutch), not quoted text.
    expect(records.find((rec) => rec[1] === "'-2025")![3]).toBe("20250,00");
  });

  it("quotes a relative file name that starts with =", async () => {
    writeText(at("=1+2.csv"), GOOD_CSV);
    const cwd = process.cwd();
    process.chdir(tmp.dir);
    try {
      const r = await run(["=1+2.csv", "--format", "csv", "--lang", "en"]);
      const line = r.stdout.split("\r\n")[1];
      expect(line.startsWith("'=1+2.csv,'=1+2,")).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("control characters and direction overrides", () => {
  const ESC_CLEAR = "\u001B[2J";
  it("are shown as escapes in the table, CSV and JSON, never raw", async () => {
    const book = await writeXlsx(at("klant.xlsx"), {
      "Blad\u202E1": [
        ["Datum", "Bedrag"],
        ["2025-03-01", `12${"\u202E"}34`],
      ],
    });
    const csv = writeText(at("export\u202Evsc.csv"), `Datum;Bedrag\n${ESC_CLEAR}kapot;100\n`);
    for (const format of ["table", "csv", "json"]) {
      const r = await run([book, csv, "--format", format, "--lang", "en"]);
      // JSON keeps file and sheet names exact (programs open those files); its messages are escaped.
      const shown = format === "json" ? JSON.stringify((JSON.parse(r.stdout) as { problems: { message: string }[] }[]).map((i) => i.problems)) : r.stdout;
      expect(shown).not.toMatch(/[\u001B\u202E]/);
      expect(r.stderr).not.toMatch(/[\u001B\u202E]/);
      if (format !== "json") expect(r.stdout).toContain("Blad\\u202E1");
      if (format === "csv") continue; // the CSV has no messages
      // In JSON the backslash of the escape is itself escaped.
      expect(r.stdout).toMatch(/\\{1,2}u001B\[2Jkapot/);
      expect(r.stdout).toMatch(/12\\{1,2}u202E34/);
    }
  });

  it("writes them in JSON and JSON lines as \\uXXXX escapes: no raw character in the output, file and sheet names exact when parsed", async () => {
    const sheet = "Blad\u202E1\u2028\u0085\u{E0068}";
    const book = await writeXlsx(at("klant\u202Exslx.xlsx"), { [sheet]: [["Datum", "Bedrag"], ["2025-03-01", 100]] });
    const csv = writeText(at("export\u202Evsc\u2029\u007F.csv"), "Datum;Bedrag\n1-3-2025;100\n");
    const broken = writeText(at("kapot\u202E.xlsx"), "geen zip");
    for (const format of ["json", "jsonl"]) {
      const r = await run([book, csv, broken, "--format", format, "--lang", "en", "--jobs", "1"]);
      expect(r.stdout).not.toMatch(/[\u007F-\u009F\u2028\u2029\u202E]|\u{E0068}/u);
      expect(r.stdout).toContain("klant\\u202Exslx.xlsx");
      expect(r.stdout).toContain('"Blad\\u202E1\\u2028\\u0085\\uDB40\\uDC68"');
      const items = (format === "json" ? (JSON.parse(r.stdout) as Json[]) : r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Json)).map((i) => [i.file, i.sheet, i.error === null]);
      expect(items).toEqual(
        expect.arrayContaining([
          [book, sheet, true],
          [csv, "export\u202Evsc\u2029\u007F", true],
          [broken, null, false],
        ]),
      );
    }
  });

  it("shows invisible format characters (soft hyphen, invisible operators, tag characters) as escapes in the table and CSV, as the pane does", async () => {
    const hidden = "\u00AD\u2062\u206E\uFFF9\u{E0068}";
    const shownHidden = "\\u00AD\\u2062\\u206E\\uFFF9\\u{E0068}";
    const csv = writeText(at(`export${hidden}.csv`), `Datum;Bedrag\n1-3-2025;1${hidden}00\n`);
    for (const format of ["table", "csv"]) {
      const r = await run([csv, "--format", format, "--lang", "en"]);
      expect(r.stdout).not.toMatch(/[\u00AD\u2062\u206E\uFFF9]|\u{E0068}/u);
      expect(r.stdout).toContain(`export${shownHidden}.csv`);
      if (format === "table") expect(r.stdout).toContain(`"1${shownHidden}00"`);
    }
  });

  it("are shown as escapes in an auditfile's invoice reference that names the crossing: table, CSV, JSON", async () => {
    const ref = "F\u202E1\u009B2J"; // an auditfile is XML: no ESC, but the 8-bit CSI
    const tx = (nr: number, date: string, euros: number) => invoice({ nr: String(nr), date, ref: `${ref}${nr}`, customer: "C1", parts: [{ acc: "8000", net: euros * 100, vat: { id: "H", perc: 21 } }] });
    const xaf = writeText(at("boeken.xaf"), writeXaf({ fiscalYear: 2026, customers: [{ id: "C1", name: "Klant", tp: "C" }], journals: [{ id: "V", desc: "Verkoop", type: "S", txs: [tx(1, "2026-03-01", 15000), tx(2, "2026-09-01", 6000)] }] }));
    for (const format of ["table", "csv", "json"]) {
      const r = await run([xaf, "--format", format, "--lang", "nl"]);
      expect(r.stdout).not.toMatch(/[\u009B\u202E]/);
      // The verdict names the invoice that crossed the limit, with the reference shown, not obeyed.
      if (format === "table") expect(r.stdout).toContain("boeking F\\u202E1\\u009B2J2 van 1 september 2026");
      if (format === "json") expect((JSON.parse(r.stdout) as { crossing: { reference: string } }[])[0].crossing.reference).toBe("boeking F\\u202E1\\u009B2J2 van 1 september 2026");
    }
  });

  it("are escaped in every error on stderr: a --codes file that cannot be read, a bad option value, an --out that cannot be written", async () => {
    const csv = writeText(at("facturen.csv"), GOOD_CSV);
    const hostile = `\u001B[31mRED\u202E`;
    // The codes file path goes through a file, so opening it fails (ENOTDIR) and the reason repeats the path.
    const codes = await run(["--codes", `${csv}/${hostile}`, csv, "--lang", "en"]);
    expect(codes.code).toBe(2);
    expect(codes.stderr).toContain("could not be read");
    expect(codes.stderr).not.toMatch(/[\u001B\u202E]/);
    expect(codes.stderr).toContain("\\u001B[31mRED\\u202E");

    const year = await run(["--year", hostile, csv, "--lang", "en"]);
    expect(year.code).toBe(2);
    expect(year.stderr).not.toMatch(/[\u001B\u202E]/);
    expect(year.stderr).toContain("\\u001B[31mRED\\u202E");

    // A name the folder accepts but whose temporary file is too long (NAME_MAX): writing fails after the checks.
    for (const format of ["table", "json"]) {
      const out = at(`${hostile}${"x".repeat(240)}.txt`);
      const r = await run(["--out", out, csv, "--format", format, "--lang", "en"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("kor-check: ");
      expect(r.stderr).not.toMatch(/[\u001B\u202E]/);
      expect(r.stderr).toContain("\\u001B[31mRED\\u202E");
    }
  });
});

describe("kor-check --out", () => {
  it("refuses to overwrite one of its inputs (also spelled another way, or found in a folder)", async () => {
    const book = await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    const before = readFileSync(book);
    for (const target of [book, path.join(tmp.dir, ".", "client.xlsx")]) {
      // (An .xlsx name is refused anyway: kor-check writes no workbooks.)
      const r = await run(["--out", target, book, "--format", "json", "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(readFileSync(book).equals(before)).toBe(true);
    }
    const list = writeText(at("client.csv"), GOOD_CSV);
    for (const target of [list, path.join(tmp.dir, ".", "client.csv")]) {
      const r = await run(["--out", target, list, "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("that is one of the files to check");
      expect(readFileSync(list, "utf8")).toBe(GOOD_CSV);
    }
    // A folder as input: the workbook found in it is an input too.
    const r = await run(["--out", book, tmp.dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("does not write through a symbolic link", async () => {
    const book = await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    const precious = writeText(at("precious.txt"), "keep me");
    symlinkSync(precious, at("report.csv"));
    const r = await run(["--out", at("report.csv"), book, "--format", "csv", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("symbolic link");
    expect(readFileSync(precious, "utf8")).toBe("keep me");
  });

  it("does not overwrite a file that kor-check did not write, but replaces its own earlier output", async () => {
    const book = await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    const other = writeText(at("notes.csv"), "my own notes");
    const r = await run(["--out", other, book, "--format", "csv", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("was not written by kor-check");
    expect(readFileSync(other, "utf8")).toBe("my own notes");
    const report = at("overzicht.csv");
    for (let i = 0; i < 2; i++) {
      const again = await run(["--out", report, book, "--format", "csv", "--lang", "nl"]);
      expect(again.code).toBe(0);
    }
    expect(readFileSync(report, "utf8").split("\r\n")[0]).toBe(csvHeader("nl"));
    // No temporary file is left behind.
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  // Before 2 Dec 2026 the table of one sheet (a block of "File  …", "Sheet  …" lines) was not recognised as
  // kor-check's own: running the same check again refused to replace its own report.
  it.each(["table", "csv", "json", "jsonl"])("replaces its own --format %s report of one file, of several, and of none, in either language", async (format) => {
    // A long folder name wraps the table's "File" line over several lines.
    mkdirSync(at("klanten-".repeat(30)));
    const book = await writeXlsx(at(path.join("klanten-".repeat(30), "client.xlsx")), { Facturen: CROSSING_2025 });
    const second = await writeXlsx(at("client2.xlsx"), { Facturen: CROSSING_2025 });
    const report = at(`overzicht.${format}`);
    for (const [inputs, lang] of [[[book], "nl"], [[book], "en"], [[book], "nl"], [[book, second], "en"], [[at("missing.xlsx")], "nl"], [[book], "en"]] as const) {
      const again = await run(["--out", report, ...inputs, "--format", format, "--lang", lang]);
      expect(again.stderr).not.toContain("was not written by kor-check");
      expect(again.stderr).not.toContain("niet door kor-check geschreven");
      expect(again.code).toBe(inputs[0].endsWith("missing.xlsx") ? 1 : 0);
    }
    expect(readFileSync(report, "utf8")).toContain("client.xlsx");
  });
});

describe("kor-check --out: the format follows the file name", () => {
  it("writes CSV, JSON or JSON lines when --out ends in .csv, .json or .jsonl and --format is not given", async () => {
    const book = writeText(at("=1+2.csv"), GOOD_CSV);
    const csv = at("rep.csv");
    expect((await run(["--out", csv, book, "--lang", "nl"])).code).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.split("\r\n")[0]).toBe(csvHeader("nl"));
    // The sheet named after the file, which starts with =, is written as text, not left as a formula.
    expect(text).not.toMatch(/(^|[;\n])=1\+2/);
    expect(text).toContain(";'=1+2;");
    const json = at("rep.JSON");
    expect((await run(["--out", json, book, "--lang", "en"])).code).toBe(0);
    expect((JSON.parse(readFileSync(json, "utf8")) as Json[])[0]).toMatchObject({ file: book });
    const jsonl = at("rep.jsonl");
    expect((await run(["--out", jsonl, book, "--lang", "en"])).code).toBe(0);
    expect((JSON.parse(readFileSync(jsonl, "utf8").trim().split("\n")[0]) as Json).file).toBe(book);
    // Any other name keeps the table.
    const txt = at("rep.txt");
    expect((await run(["--out", txt, book, "--lang", "en"])).code).toBe(0);
    expect(readFileSync(txt, "utf8")).toMatch(/^File {2}/);
  });

  it("refuses an Excel workbook name, which it cannot write, and writes nothing", async () => {
    const book = writeText(at("a.csv"), GOOD_CSV);
    for (const name of ["out.xlsx", "out.XLSM", "out.xls", "out.ods"]) {
      for (const extra of [[], ["--format", "csv"]]) {
        const en = await run(["--out", at(name), book, "--lang", "en", ...extra]);
        expect(en.code).toBe(2);
        expect(en.stderr).toContain(`--out ${at(name)}: kor-check does not write Excel workbooks`);
        const nl = await run(["--out", at(name), book, "--lang", "nl", ...extra]);
        expect(nl.code).toBe(2);
        expect(nl.stderr).toContain(`--out ${at(name)}: kor-check schrijft geen Excel-werkmappen`);
      }
    }
    expect(readdirSync(tmp.dir)).toEqual(["a.csv"]);
  });

  it("refuses a --format that contradicts the name's extension", async () => {
    const book = writeText(at("a.csv"), GOOD_CSV);
    const cases: [string, string, string][] = [
      ["rep.csv", "table", ".csv"],
      ["rep.csv", "json", ".csv"],
      ["rep.json", "csv", ".json"],
      ["rep.json", "jsonl", ".json"],
      ["rep.jsonl", "table", ".jsonl"],
    ];
    for (const [name, format, ext] of cases) {
      const en = await run(["--out", at(name), "--format", format, book, "--lang", "en"]);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(`--out ${at(name)}: the name ends in ${ext} but --format is ${format}.`);
      const nl = await run(["--out", at(name), "--format", format, book, "--lang", "nl"]);
      expect(nl.code).toBe(2);
      expect(nl.stderr).toContain(`--out ${at(name)}: de naam eindigt op ${ext}, maar --format is ${format}.`);
    }
    expect(readdirSync(tmp.dir)).toEqual(["a.csv"]);
    // A matching --format, or a name without one of these extensions, is fine.
    expect((await run(["--out", at("ok.csv"), "--format", "CSV", book])).code).toBe(0);
    expect((await run(["--out", at("ok.txt"), "--format", "json", book])).code).toBe(0);
  });
});

describe("a binary file named .csv", () => {
  it("is reported as not a text (CSV) file, not as a list without a header with garbage as a column", async () => {
    const bytes = Buffer.alloc(50_000);
    let x = 9;
    for (let i = 0; i < bytes.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    writeFileSync(at("binary.csv"), bytes);
    const json = await run([at("binary.csv"), "--format", "json", "--lang", "en"]);
    expect(json.code).toBe(1);
    const items = JSON.parse(json.stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].error).toMatch(/^this is not a text \(CSV\) file: it holds binary data/);
    const nl = await run([at("binary.csv"), "--lang", "nl"]);
    expect(nl.code).toBe(1);
    expect(nl.stdout + nl.stderr).toContain("dit is geen tekstbestand (CSV)");
    expect(nl.stdout + nl.stderr).not.toContain("Geen kopregel");
  });
});

describe("a CSV whose header is wider than a sheet", () => {
  it("is not read, named with the reason, and the other files are checked", async () => {
    const wide = writeText(at("breed.csv"), `Factuurdatum;Bedrag excl. btw;BTW %${";".repeat(500_000)}\n1-3-2026;100;21\n`);
    const good = writeText(at("goed.csv"), GOOD_CSV);
    const r = await run([wide, good, "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(1);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items.find((i) => i.file === wide)?.error).toMatch(/^too large to check: the header row or a row above it has more than 16,384 columns/);
    expect(items.find((i) => i.file === good)?.error).toBeNull();
  });
});

describe("scanning a folder", () => {
  it("skips kor-check's own CSV and JSON output written into the folder, and says so", async () => {
    await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    for (const [format, name] of [["csv", "overzicht.csv"], ["json", "overzicht.json"]]) {
      expect((await run([tmp.dir, "--format", format, "--out", at(name), "--lang", "nl"])).code).toBe(0);
    }
    const r = await run([tmp.dir, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as { file: string }[];
    expect(items.map((i) => path.basename(i.file))).toEqual(["client.xlsx"]);
    expect(r.stderr).toContain(`${at("overzicht.csv")} skipped: this is kor-check's own output`);
    expect(r.code).toBe(0);
  });

  it("still knows a CSV of an earlier kor-check (before the EU-KOR columns) as its own", async () => {
    await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    const old = writeText(at("vorige-week.csv"), `${csvColumnsBeforeEu("en").join(",")}\r\nclient.xlsx,Facturen,2025\r\n`);
    const scan = await run([tmp.dir, "--format", "json", "--lang", "en"]);
    expect((JSON.parse(scan.stdout) as { file: string }[]).map((i) => path.basename(i.file))).toEqual(["client.xlsx"]);
    expect(scan.stderr).toContain(`${old} skipped: this is kor-check's own output`);
  });

  it("still knows a CSV of an earlier kor-check (before the action and note columns) as its own: skipped in a folder, replaced by --out", async () => {
    await writeXlsx(at("client.xlsx"), { Facturen: CROSSING_2025 });
    const old = writeText(at("vorig-jaar.csv"), `${LEGACY_CSV_COLUMNS.nl.join(";")}\r\nklant.xlsx;Facturen;2025;20250,00;101,3;niet binnen de KOR;nee;2025-09-16;4;500,00;0,00;ja;2027-01-01;2026-12-03;0;\r\n`);
    const scan = await run([tmp.dir, "--format", "json", "--lang", "en"]);
    expect((JSON.parse(scan.stdout) as { file: string }[]).map((i) => path.basename(i.file))).toEqual(["client.xlsx"]);
    expect(scan.stderr).toContain(`${old} skipped: this is kor-check's own output`);
    const again = await run(["--out", old, at("client.xlsx"), "--format", "csv", "--lang", "nl"]);
    expect(again.code).toBe(0);
    expect(readFileSync(old, "utf8").split("\r\n")[0]).toBe(csvHeader("nl"));
  });

  it("puts an unreadable file's reason in the CSV's fout column, with the action and note empty", async () => {
    const broken = writeText(at("kapot.xlsx"), "not a zip");
    const r = await run([broken, "--format", "csv", "--lang", "nl"]);
    const [header, line] = parseCsv(r.stdout, ";");
    expect(line).toHaveLength(header.length);
    expect(line[header.indexOf("bestand")]).toBe(broken);
    expect(line[header.indexOf("fout")]).not.toBe("");
    expect([line[header.indexOf("actie")], line[header.indexOf("let_op")]]).toEqual(["", ""]);
  });

  it("follows symbolic links, reads a linked folder once and reports a loop and a broken link", async () => {
    mkdirSync(at("klanten"));
    mkdirSync(at("archief"));
    await writeXlsx(at("archief/oud.xlsx"), { Facturen: CROSSING_2025 });
    symlinkSync(at("archief"), at("klanten/archief-link"));
    symlinkSync(at("klanten"), at("klanten/lus")); // a loop
    symlinkSync(at("bestaat-niet.xlsx"), at("klanten/kapot.xlsx"));
    const r = await run([at("klanten"), "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
    expect(items.filter((i) => i.error === null).map((i) => i.file)).toEqual([at("klanten/archief-link/oud.xlsx")]);
    const errors = Object.fromEntries(items.filter((i) => i.error !== null).map((i) => [path.basename(i.file), i.error]));
    expect(errors).toEqual({
      "kapot.xlsx": "file or folder not found",
      lus: "symbolic link to a folder that is already being read (a loop); not read again",
    });
    expect(r.code).toBe(1);
  });

  it("calls links that point round to themselves a loop of links, not a folder already read", async () => {
    mkdirSync(at("klanten"));
    writeText(at("klanten/goed.csv"), GOOD_CSV);
    symlinkSync("l2", at("klanten/l1"));
    symlinkSync("l1", at("klanten/l2"));
    symlinkSync("zelf", at("klanten/zelf"));
    symlinkSync("l1", at("klanten/l3.csv"));
    const r = await run([at("klanten"), at("klanten/l3.csv"), "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
    const loop = "symbolic link that points to itself, or round a circle of links (a loop); not read";
    expect(items.filter((i) => i.error !== null).map((i) => [path.basename(i.file), i.error])).toEqual([
      ["l1", loop],
      ["l2", loop],
      ["l3.csv", loop],
      ["zelf", loop],
    ]);
    // l3.csv given by name as well as found in the folder: one problem, said once (as a file read twice is read once).
    const nl = await run([at("klanten/zelf"), "--format", "json", "--lang", "nl"]);
    expect((JSON.parse(nl.stdout) as { error: string }[])[0].error).toBe("symbolische link die naar zichzelf wijst, of in een kring van links rondgaat (een lus); niet gelezen");
  });

  // Opening a named pipe waits until a program writes into it: before 2 Dec 2026 a FIFO named .csv given by name
  // hung the run for ever (--jobs 1 and the pool alike), and in a folder it was left out without a word.
  (process.platform === "win32" ? it.skip : it)("lists a named pipe or a device with a name it reads as not read, at once", async () => {
    mkdirSync(at("klanten"));
    writeText(at("klanten/goed.csv"), GOOD_CSV);
    for (const name of ["klanten/pijp.csv", "klanten/notities.txt", "los.csv"]) expect(spawnSync("mkfifo", [at(name)]).status).toBe(0);
    const notRegular = "not a regular file but a named pipe, socket or device; not read (save the data to a file and give that)";
    for (const jobs of ["1", "2"]) {
      const r = await run([at("klanten"), at("los.csv"), "/dev/null", "--jobs", jobs, "--format", "json", "--lang", "en"]);
      const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
      expect(items.map((i) => [i.file, i.error])).toEqual([
        [at("klanten/goed.csv"), null],
        [at("klanten/pijp.csv"), notRegular],
        [at("los.csv"), notRegular],
        ["/dev/null", notRegular],
      ]);
      expect(r.code).toBe(1);
    }
  });

  // Before 2 Dec 2026 such a file was "file or folder not found", though it was right there.
  (process.platform === "linux" ? it : it.skip)("says a file whose name is not UTF-8 cannot be opened by that name, not that it is not found", async () => {
    mkdirSync(at("klanten"));
    writeText(at("klanten/goed.csv"), GOOD_CSV);
    // "café.csv" in Latin-1, as an old zip file or Windows program leaves it on Linux.
    writeFileSync(Buffer.concat([Buffer.from(`${at("klanten")}/caf`), Buffer.from([0xe9]), Buffer.from(".csv")]), GOOD_CSV);
    const shown = at("klanten/caf\uFFFD.csv");
    const r = await run([at("klanten"), at("weg.csv"), "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
    expect(items.map((i) => [i.file, i.error])).toEqual([
      [at("klanten/goed.csv"), null],
      [shown, expect.stringMatching(/^not read: this file's name is not valid UTF-8 .*rename it/)],
      [at("weg.csv"), "file or folder not found"],
    ]);
    // Given by name (the shell passes the bytes, Node reads U+FFFD): the same, said once.
    const byName = await run([shown, at("klanten"), "--format", "json", "--lang", "nl"]);
    const errors = (JSON.parse(byName.stdout) as { error: string | null }[]).filter((i) => i.error !== null);
    expect(errors).toEqual([expect.objectContaining({ file: shown, error: expect.stringMatching(/^niet gelezen: de naam van dit bestand is geen geldige UTF-8/) })]);
    expect(byName.code).toBe(1);
  });

  // Before 2 Dec 2026 `cat a.csv | kor-check -` said "file or folder not found".
  it("says it does not read standard input when given - (and no file is named -), in both languages", async () => {
    const good = writeText(at("goed.csv"), GOOD_CSV);
    const r = await run(["-", good, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
    // In JSON the files that could not be opened come after the checked ones.
    expect(items.map((i) => [i.file, i.error])).toEqual([
      [good, null],
      ["-", "kor-check does not read standard input (-); give the file's name, or save the input as a file first"],
    ]);
    expect(r.code).toBe(1);
    expect((await run(["-", "--lang", "nl"])).stdout).toContain("kor-check leest niet van standaardinvoer (-); geef de naam van het bestand");
  });

  it("says a folder it may not read is a folder, not a protected file", async () => {
    mkdirSync(at("klanten"));
    mkdirSync(at("klanten/dicht"));
    writeText(at("klanten/goed.csv"), GOOD_CSV);
    const fsp = (await import("fs")).promises;
    const readdir = fsp.readdir.bind(fsp);
    const spy = jest.spyOn(fsp, "readdir").mockImplementation(((dir: string, options: { withFileTypes: true }) => {
      if (String(dir).endsWith("dicht")) return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: "EACCES" }));
      return readdir(dir, options);
    }) as typeof fsp.readdir);
    try {
      const r = await run([at("klanten"), "--format", "json", "--lang", "en"]);
      const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
      expect(items.find((i) => i.file === at("klanten/dicht"))?.error).toBe("no permission to open this folder (it is protected); its files were not read");
      expect(items.find((i) => i.file === at("klanten/goed.csv"))?.error).toBeNull();
      const nl = await run([at("klanten/dicht"), "--format", "json", "--lang", "nl"]);
      expect((JSON.parse(nl.stdout) as { error: string }[])[0].error).toBe("geen toestemming om deze map te openen (de map is beveiligd); de bestanden erin zijn niet gelezen");
    } finally {
      spy.mockRestore();
    }
  });
});

/** A workbook whose shared strings (or sheet) are replaced by `xml`, re-zipped with deflate. */
async function bomb(file: string, part: "xl/sharedStrings.xml" | "xl/worksheets/sheet1.xml", xml: string): Promise<string> {
  await writeXlsx(file, { Facturen: [["Datum", "Bedrag", "Klant"], ["2025-03-01", 100, "Jansen"]] });
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file(part, xml);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } }));
  return file;
}

const sst = (strings: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;

describe("files that would exhaust memory or time fail alone", () => {
  const limits = { sharedStringsBytes: 1024 * 1024, sharedStrings: 1000, sheetBytes: 200 * 1024, csvBytes: 64 * 1024 };

  it("a shared-strings bomb: reported as too large, the good files still checked, exit 1", async () => {
    const good = await writeXlsx(at("a-goed.xlsx"), { Facturen: CROSSING_2025 });
    // 4 MB of text that deflates to a few kB.
    const big = await bomb(at("b-bom.xlsx"), "xl/sharedStrings.xml", sst(["Datum", "Bedrag", "Jansen", "A".repeat(4 * 1024 * 1024)]));
    const good2 = writeText(at("c-goed.csv"), GOOD_CSV);
    const r = await run([good, big, good2, "--format", "json", "--lang", "en"], { limits });
    const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
    expect(items.filter((i) => i.error === null).map((i) => i.file)).toEqual([good, good2]);
    expect(items.find((i) => i.file === big)!.error).toBe(
      "too large to check: the workbook's texts unpack to more than 1 MB. Is it an invoice list? Split the file or save only the invoices.",
    );
    expect(r.code).toBe(1);
  });

  it("too many shared strings", async () => {
    const strings = ["Datum", "Bedrag", "Jansen", ...Array.from({ length: 5000 }, (_, i) => `k${i}`)];
    const big = await bomb(at("veel.xlsx"), "xl/sharedStrings.xml", sst(strings));
    const r = await run([big, "--format", "json", "--lang", "nl"], { limits });
    expect((JSON.parse(r.stdout) as { error: string }[])[0].error).toMatch(/^te groot om te controleren: de werkmap heeft meer dan 1\.000 verschillende teksten/);
    expect(r.code).toBe(1);
  });

  it("a sheet that inflates past the limit, and a CSV past its size limit", async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}"><v>1</v></c></row>`).join("");
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>${rows}</sheetData></worksheet>`;
    const big = await bomb(at("lang.xlsx"), "xl/worksheets/sheet1.xml", sheet);
    const csv = writeText(at("groot.csv"), `Datum;Bedrag\n${"1-3-2025;100,00\n".repeat(10000)}`);
    const r = await run([big, csv, "--format", "json", "--lang", "en"], { limits });
    const errors = (JSON.parse(r.stdout) as { error: string }[]).map((i) => i.error);
    expect(errors).toEqual([expect.stringMatching(/^too large to check: the sheets unpack to more than 0 MB/), expect.stringMatching(/^too large to check: the file is larger than 0 MB/)]);
    expect(r.code).toBe(1);
  });

  // Before 2 Dec 2026 a CSV of 140 million empty lines ended the whole run with a fatal error (one array of that
  // many records); 20 million and one empty lines (20 MB) are refused alone with the default limits, in the pool too.
  it("a CSV with more than 20 million lines: too large, the other files checked (default limits, --jobs 1 and 2)", async () => {
    const lines = writeText(at("leeg.csv"), `Datum;Bedrag\n1-3-2025;100,00\n${"\n".repeat(20_000_000)}`);
    const good = writeText(at("goed.csv"), GOOD_CSV);
    for (const jobs of ["1", "2"]) {
      const r = await run([lines, good, "--jobs", jobs, "--format", "json", "--lang", "en"]);
      const items = JSON.parse(r.stdout) as { file: string; error: string | null }[];
      expect(items.map((i) => [i.file, i.error])).toEqual([
        [good, null],
        [lines, "too large to check: the file has more than 20,000,000 lines, while an Excel sheet has at most 1,048,576 rows. Is it an invoice list? Split the file or save only the invoices."],
      ]);
      expect(r.code).toBe(1);
    }
  });

  // One shared string is joined into one string by the XML parser before any count sees it: refused while it
  // streams, by its size, with the default limits (256 MB for all texts would let a 200 MB one through).
  // Text that does not repeat (letters and digits at random): repeated, it would be refused sooner, by the
  // compression ratio (test/cli/xlsxParts.test.ts).
  it("one giant shared string, also made of many formatted runs, or one giant text in a sheet: too large (default limits)", async () => {
    const noise = (chars: number): string => randomBytes(Math.ceil((chars * 3) / 4)).toString("base64").replace(/[+/=]/g, "x").slice(0, chars);
    const one = await bomb(at("een.xlsx"), "xl/sharedStrings.xml", sst(["Datum", "Bedrag", "Jansen", noise(10 * 1024 * 1024)]));
    const richText = `<si>${Array.from({ length: 100_000 }, () => `<r><rPr><b/></rPr><t>${noise(100)}</t></r>`).join("")}</si>`;
    const runs = await bomb(at("runs.xlsx"), "xl/sharedStrings.xml", sst(["Datum", "Bedrag", "Jansen"]).replace("</sst>", `${richText}</sst>`));
    const inline = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${noise(10 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    const cell = await bomb(at("cel.xlsx"), "xl/worksheets/sheet1.xml", inline);
    const r = await run([one, runs, cell, "--format", "json", "--lang", "en"]);
    const errors = (JSON.parse(r.stdout) as { error: string }[]).map((i) => i.error);
    const message = "too large to check: one text of the workbook unpacks to more than 8 MB, while an Excel cell holds at most 32,767 characters. Is it an invoice list? Split the file or save only the invoices.";
    expect(errors).toEqual([message, message, message]);
    expect(r.code).toBe(1);
  });

  it("a text as long as an Excel cell allows is read", async () => {
    const full = "Jansen " + "A".repeat(32_760);
    // The sheet refers to five texts (Datum, Bedrag, Klant, 2025-03-01, Jansen): the long one takes Jansen's place (a
    // text the sheet refers to but the file lacks makes the workbook damaged).
    const file = await bomb(at("vol.xlsx"), "xl/sharedStrings.xml", sst(["Datum", "Bedrag", "Klant", "2025-03-01", full]));
    const r = await run([file, "--format", "json", "--lang", "en"]);
    expect((JSON.parse(r.stdout) as { error: string | null }[])[0].error).toBeNull();
  });
});
