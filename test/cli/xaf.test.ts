/**
 * kor-check on auditfiles: one business over two years (same VAT number), the crossing named by invoice,
 * the sanity line, and files that are refused. Hand-worked answers in the comments.
 */
import * as path from "path";
import { mkdirSync } from "fs";
import { dayFromIso } from "../../src/rules/dates";
import { billionLaughs, invoice, writeXaf, type GenFile, type GenTx } from "../support/xaf-generator";
import { tempDir, writeText, runCli, type CliRun } from "./fixtures";
import { csvColumnsBeforePartial } from "../../src/cli/output";
import { isOwnOutput } from "../../src/cli/ownOutput";

const TODAY = dayFromIso("2027-01-20");
jest.setTimeout(30_000);

const run = (args: string[]): Promise<CliRun> => runCli(args, TODAY);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

const CUSTOMERS = [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }];
const H = { id: "H", perc: 21 };

/** 2025: twelve invoices of €1,500 (the 15th of each month) = €18,000: within the limit. */
function year2025(): GenFile {
  const txs: GenTx[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    txs.push(invoice({ nr: String(m), date: `2025-${mm}-15`, ref: `F2025-${mm}`, customer: "C1", parts: [{ acc: "8000", net: 150000, vat: H }] }));
  }
  return { fiscalYear: 2025, customers: CUSTOMERS, taxRegIdent: "NL001234567B01", companyName: "Bakkerij Test", journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] };
}

/**
 * 2026: €1,500 on the 10th of each month (12 × = €18,000), F2026-013 on 15 Dec (€19,500), F2026-014 on
 * 20 Dec: running total €21,000 > €20,000, so the limit is crossed by F2026-014 on 20 December 2026.
 */
function year2026(): GenFile {
  const txs: GenTx[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    txs.push(invoice({ nr: String(m), date: `2026-${mm}-10`, ref: `F2026-0${mm}`, customer: "C1", parts: [{ acc: "8000", net: 150000, vat: H }] }));
  }
  txs.push(invoice({ nr: "13", date: "2026-12-15", ref: "F2026-013", customer: "C1", parts: [{ acc: "8000", net: 150000, vat: H }] }));
  txs.push(invoice({ nr: "14", date: "2026-12-20", ref: "F2026-014", customer: "C1", parts: [{ acc: "8000", net: 150000, vat: H }] }));
  return { ...year2025(), fiscalYear: 2026, journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

describe("kor-check on auditfiles", () => {
  it("checks two years of one business as one, names the crossing by invoice, and gives the sanity line", async () => {
    const a = writeText(at("klant-2025.xaf"), writeXaf(year2025()));
    const b = writeText(at("klant-2026.xaf"), writeXaf(year2026()));
    const r = await run([b, a, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    const s = items[0];
    expect(s.file).toBe(`${a} + ${b}`);
    expect(s.sheet).toBe("Bakkerij Test (NL001234567B01)");
    expect(s.year).toBe(2026);
    expect(s.countable).toBe(21000);
    expect(s.previousYear).toBe(18000);
    expect(s.previousYearBasis).toBe("data");
    expect(s.crossing).toEqual({ date: "2026-12-20", row: expect.any(Number), reference: "entry F2026-014 of 20 December 2026", amount: 1500, caveat: null });
    expect(s.auditfiles.map((x: Json) => x.consistent)).toEqual([true, true]);
    expect(s.auditfiles[1].sanity).toContain("XAF 3.2, Bakkerij Test, 2026: 42 lines, debit €25,410.00, credit €25,410.00: matches the file's own totals");
    expect(r.code).toBe(0);
  });

  it("names the entries, not sequence numbers, in the warnings that list rows (VAT shown, a country that contradicts)", async () => {
    // 2025 alone: €18,000, within the limit, every invoice with 21% VAT (vat-shown-in-kor, 12 entries).
    const a = writeText(at("klant-2025.xaf"), writeXaf(year2025()));
    const many = (JSON.parse((await run([a, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    const shown = many.problems.find((p: Json) => p.code === "vat-shown-in-kor");
    expect(shown.message).toContain("(entry F2025-01 of 15 January 2025; entry F2025-02 of 15 February 2025;");
    expect(shown.message).not.toMatch(/rows? \d/);
    // One invoice of €15,000 at 21% to a customer in Germany: the VAT warning and the country warning name it.
    const one: GenFile = {
      ...year2025(),
      fiscalYear: 2026,
      customers: [{ id: "C2", name: "Müller", tp: "C", taxCountry: "DE" }],
      journals: [{ id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "F2", customer: "C2", parts: [{ acc: "8000", net: 1500000, vat: H }] })] }],
    };
    const b = writeText(at("klant-2026.xaf"), writeXaf(one));
    const s = (JSON.parse((await run([b, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    const vat = s.problems.find((p: Json) => p.code === "vat-shown-in-kor");
    expect(vat.message).toMatch(/^Entry F2 of 1 March 2026 shows VAT \(€3,150\.00\)/);
    const abroad = s.problems.find((p: Json) => p.code === "counted-nl-country-abroad");
    expect(abroad.message).toMatch(/^Entry F2 of 1 March 2026: /);
    expect(s.auditfiles[0].sanity).toContain("matches the file's own totals. 1 sales entry read;");
    const nl = (JSON.parse((await run([b, "--format", "json", "--lang", "nl"])).stdout) as Json[])[0];
    expect(nl.problems.find((p: Json) => p.code === "vat-shown-in-kor").message).toMatch(/^Boeking F2 van 1 maart 2026 vermeldt btw/);
  });

  it("counts an invoice with a 21% and a 9% line as one invoice showing VAT, named once", async () => {
    const one: GenFile = {
      ...year2025(),
      fiscalYear: 2026,
      journals: [{ id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 100000, vat: H }, { acc: "8010", net: 50000, vat: { id: "L", perc: 9 } }] })] }],
    };
    const f = writeText(at("klant-2026.xaf"), writeXaf(one));
    const s = (JSON.parse((await run([f, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    const vat = s.problems.find((p: Json) => p.code === "vat-shown-in-kor");
    expect(vat.message).toMatch(/^Entry V1 of 1 March 2026 shows VAT while turnover is within the KOR/);
    expect(vat.message).not.toContain("2 invoices");
  });

  it("says once what a category or country fix means for an auditfile: the VAT code with --codes, the customer's country", async () => {
    // One invoice of €15,000 at 21% to a customer in Germany: "give it the category 'buitenland'" cannot be done
    // to an entry; its category comes from its VAT code.
    const de: GenFile = {
      ...year2025(),
      fiscalYear: 2026,
      customers: [{ id: "C2", name: "Müller", tp: "C", taxCountry: "DE" }],
      journals: [{ id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "F2", customer: "C2", parts: [{ acc: "8000", net: 1500000, vat: H }] })] }],
    };
    const file = writeText(at("duitsland-2026.xaf"), writeXaf(de));
    const s = (JSON.parse((await run([file, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    const advice = s.problems.filter((p: Json) => p.code === "auditfile-category-advice");
    expect(advice).toHaveLength(1);
    expect(advice[0].message).toContain("give the VAT code of those entries that category with --codes");
    expect(advice[0].message).toContain("fill in the customer's country in the bookkeeping package");
    // Two auditfiles of one business, combined: the same note, once.
    const both = (JSON.parse((await run([writeText(at("nl-2025.xaf"), writeXaf(year2025())), file, "--format", "json", "--lang", "nl"])).stdout) as Json[])[0];
    expect(both.problems.filter((p: Json) => p.code === "auditfile-category-advice").map((p: Json) => p.message)).toEqual([expect.stringContaining("met --codes")]);
    // Only Dutch customers: nothing to fix, no note.
    const nl = (JSON.parse((await run([writeText(at("alleen-nl-2025.xaf"), writeXaf(year2025())), "--format", "json"])).stdout) as Json[])[0];
    expect(nl.problems.map((p: Json) => p.code)).not.toContain("auditfile-category-advice");
  });

  it("shows the crossing invoice and the sanity line in the table", async () => {
    const b = writeText(at("klant-2026.xaf"), writeXaf(year2026()));
    const r = await run([b, "--lang", "nl"]);
    expect(r.stdout).toContain("boeking F2026-014 van 20 december 2026");
    expect(r.stdout).toContain("Auditfiles:");
    expect(r.stdout).toContain("klopt met de eigen totalen van het bestand");
    expect(r.stdout).toMatch(/Bakkerij Test \(NL001234567B01\)/);
  });

  it("without the 2025 file, assumes the previous year as €0 and says so", async () => {
    const b = writeText(at("klant-2026.xaf"), writeXaf(year2026()));
    const items = JSON.parse((await run([b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items[0].previousYearAssumed).toBe(true);
  });

  it("finds .xaf files in a folder", async () => {
    mkdirSync(at("map"));
    writeText(at("map/2026.xaf"), writeXaf(year2026()));
    writeText(at("map/iets.xml"), "<x/>");
    const items = JSON.parse((await run([at("map"), "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items.map((i: Json) => i.file)).toEqual([at("map/2026.xaf")]);
  });

  it("counts two exports of the same year once, with a warning that they agree", async () => {
    // Before, the two were checked apart (two reports of €21,000); together they must not count €42,000.
    const a = writeText(at("a.xaf"), writeXaf(year2026()));
    const b = writeText(at("b.xaf"), writeXaf(year2026()));
    const r = await run([a, b, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].countable).toBe(21000);
    expect(items[0].crossing.reference).toBe("entry F2026-014 of 20 December 2026");
    const overlap = items[0].problems.filter((p: Json) => p.code === "xaf-overlap");
    expect(overlap).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: "b.xaf and a.xaf belong to the same business and both cover 1 January 2026 to 31 December 2026. The entries of those days were counted once, from a.xaf; those in b.xaf agree with them (14 entries, counting €21,000.00).",
      }),
    ]);
  });

  it("exits 1 and reports a file whose totals do not match", async () => {
    const b = writeText(at("klant-2026.xaf"), writeXaf({ ...year2026(), totals: { lines: 41, debit: "25410.00", credit: "25410.00" } }));
    const r = await run([b, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items[0].eligible).toBeNull();
    expect(items[0].auditfiles[0].consistent).toBe(false);
    expect(items[0].problems.some((p: Json) => p.message.includes("41 lines according to the file, 42 read"))).toBe(true);
    expect(r.code).toBe(1);
  });

  it("refuses a truncated file and a billion-laughs file, each with its reason, and goes on with the others", async () => {
    const text = writeXaf(year2026());
    const cut = writeText(at("cut.xaf"), text.slice(0, 3000));
    const bomb = writeText(at("bomb.xaf"), billionLaughs());
    const good = writeText(at("good.xaf"), text);
    const r = await run([cut, bomb, good, "--lang", "en"]);
    expect(r.stdout).toContain(`${cut}: The auditfile stops halfway`);
    expect(r.stdout).toContain(`${bomb}: This file contains a DOCTYPE declaration`);
    expect(r.stdout).toContain("entry F2026-014 of 20 December 2026");
    expect(r.code).toBe(1);
  });
});

describe("kor-check --codes on auditfiles", () => {
  it("maps the firm's own VAT code with --codes, so a 0% code that was refused is counted", async () => {
    const spec: GenFile = {
      ...year2026(),
      journals: [
        {
          id: "VK",
          desc: "Verkoop",
          type: "S",
          txs: [invoice({ nr: "1", date: "2026-03-01", ref: "F1", customer: "C1", parts: [{ acc: "8040", net: 40000, vat: { id: "N0", perc: 0 } }] })],
        },
      ],
    };
    const f = writeText(at("klant.xaf"), writeXaf(spec));
    const before = JSON.parse((await run([f, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(before[0].countable).toBe(0);
    expect(before[0].eligible).toBeNull();
    const codes = writeText(at("codes.csv"), "N0,export\n");
    const r = await run([f, "--codes", codes, "--format", "json", "--lang", "en"]);
    expect(r.stderr).toBe("");
    const after = JSON.parse(r.stdout) as Json[];
    expect(after[0].countable).toBe(400);
    expect(after[0].eligible).toBe(true);
    // The report says how the codes were read, as a sheet's report does (docs/cli.md, --codes).
    expect(after[0].problems).toContainEqual(expect.objectContaining({ severity: "warning", code: "code-mapping", message: 'Own codes read as: "N0" → export.' }));
  });
});

describe("kor-check on auditfile lines it cannot read", () => {
  /** F1 €1,000 and F2 €5,000 (both 21%, Jansen, March 2026); the file gives no totals (a warning only). */
  function twoInvoices(): string {
    const txs = [
      invoice({ nr: "1", date: "2026-03-01", ref: "F1", customer: "C1", parts: [{ acc: "8000", net: 100000, vat: H }] }),
      invoice({ nr: "2", date: "2026-04-01", ref: "F2", customer: "C1", parts: [{ acc: "8000", net: 500000, vat: H }] }),
    ];
    return writeXaf({ ...year2026(), totals: "none", journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });
  }

  it.each([
    ["empty", "<amnt/>"],
    ["missing", ""],
  ])("refuses a revenue line whose <amnt> is %s, naming the entry and line, instead of counting it as €0", async (_, replacement) => {
    const text = twoInvoices();
    expect(text.split("<amnt>5000.00</amnt>")).toHaveLength(2);
    const f = writeText(at("klant.xaf"), text.replace("<amnt>5000.00</amnt>", replacement));
    const r = await run([f, "--format", "json", "--lang", "en"]);
    const s = (JSON.parse(r.stdout) as Json[])[0];
    expect(s.countable).toBe(1000);
    expect(s.eligible).toBeNull();
    expect(s.problems.map((p: Json) => p.message)).toContainEqual(expect.stringContaining("entry F2 of 1 April 2026, line 2: the amount (<amnt>) is empty or missing; this entry was not counted."));
    expect(r.code).toBe(1);
    const nl = await run([f, "--lang", "nl"]);
    expect(nl.stdout.replace(/\s+/g, " ")).toContain("boeking F2 van 1 april 2026, regel 2: het bedrag (<amnt>) is leeg of ontbreekt");
  });
});

describe("kor-check on auditfiles without sales", () => {
  it("refuses an auditfile without entries with its reason, not a verdict on €0, and goes on with the others", async () => {
    const text = writeXaf(year2026());
    const none = writeText(at("stamgegevens.xaf"), text.replace(/<transactions>[\s\S]*<\/transactions>/, ""));
    const empty = writeText(at("leeg.xaf"), writeXaf({ ...year2025(), journals: [] }));
    const good = writeText(at("good.xaf"), text);
    const r = await run([none, empty, good, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    for (const f of [none, empty]) {
      const item = items.find((i: Json) => i.file === f);
      expect(item.eligible).toBeNull();
      expect(item.verdict).not.toBe("eligible");
      expect(item.error).toContain("The auditfile contains no entries");
    }
    expect(items.find((i: Json) => i.file === good).countable).toBe(21000);
    expect(r.code).toBe(1);
    const nl = await run([none, "--lang", "nl"]);
    expect(nl.stdout.replace(/\s+/g, " ")).toContain("De auditfile bevat geen boekingen");
  });

  it("says an auditfile with entries but no sales entry has no sales, and gives no confident verdict on €0", async () => {
    const bank = { id: "BNK", desc: "Bank", type: "B", txs: [{ nr: "1", date: "2026-02-01", lines: [{ acc: "1300", cents: 10000, side: "D" as const }, { acc: "1300", cents: 10000, side: "C" as const }] }] };
    const f = writeText(at("geen-verkoop.xaf"), writeXaf({ ...year2026(), journals: [bank] }));
    const r = await run([f, "--format", "json", "--lang", "en"]);
    const s = (JSON.parse(r.stdout) as Json[])[0];
    expect(s.eligible).toBeNull();
    expect(s.problems.map((p: Json) => p.message)).toContainEqual(expect.stringContaining("The auditfile has 1 entry (0 memorial and 0 opening) but not one sales entry"));
    expect(r.code).toBe(1);
  });
});

describe("kor-check on hostile auditfiles", () => {
  it("refuses elements nested deeper than 64 levels with its reason, and goes on with the others", async () => {
    const text = writeXaf(year2026());
    const deep = writeText(at("deep.xaf"), text.replace("</company>", `${"<x>".repeat(100)}${"</x>".repeat(100)}</company>`));
    const fine = writeText(at("fine.xaf"), text.replace("</company>", `${"<x>".repeat(50)}${"</x>".repeat(50)}</company>`));
    const r = await run([deep, fine, "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    const bad = items.find((i: Json) => i.file === deep);
    expect(bad.eligible).toBeNull();
    expect(bad.error).toContain("nested more than 64 levels deep");
    expect(items.find((i: Json) => i.file === fine).countable).toBe(21000);
    expect(r.code).toBe(1);
    const nl = await run([deep, "--lang", "nl"]);
    expect(nl.stdout.replace(/\s+/g, " ")).toContain("meer dan 64 lagen diep genest");
  });
});

describe("kor-check on auditfiles too large to check", () => {
  const MiB = 1024 * 1024;

  it("refuses an auditfile with one text past the limit, alone, before holding it, and checks the others", async () => {
    const text = writeXaf(year2026());
    const big = writeText(at("big.xaf"), writeXaf({ ...year2026(), companyName: "B".repeat(5000) }));
    const good = writeText(at("good.xaf"), text);
    const r = await runCli([big, good, "--format", "json", "--lang", "en"], TODAY, { limits: { xafTextChars: 4096 } });
    const items = JSON.parse(r.stdout) as Json[];
    expect(items.find((i: Json) => i.file === big).error).toContain("too large to check: one text in the auditfile is longer than 4,096 characters");
    expect(items.find((i: Json) => i.file === good).countable).toBe(21000);
    const nl = await runCli([big, "--lang", "nl"], TODAY, { limits: { xafTextChars: 4096 } });
    expect(nl.stdout.replace(/\s+/g, " ")).toContain("één tekst in de auditfile is langer dan 4.096 tekens");
  });

  it("refuses an auditfile larger than the file limit, alone, and checks the others", async () => {
    const text = writeXaf(year2026());
    const big = writeText(at("big.xaf"), text.replace("</company>", `${"\n<x/>".repeat(250_000)}</company>`));
    const good = writeText(at("good.xaf"), text);
    const r = await runCli([big, good, "--format", "json", "--lang", "en"], TODAY, { limits: { xafBytes: MiB } });
    const items = JSON.parse(r.stdout) as Json[];
    expect(items.find((i: Json) => i.file === big).error).toContain("too large to check: the file is larger than 1 MB");
    expect(items.find((i: Json) => i.file === good).countable).toBe(21000);
    expect(r.code).toBe(1);
  });

  it("cuts a long name it keeps to 1,000 characters with '…'", async () => {
    const f = writeText(at("long.xaf"), writeXaf({ ...year2026(), companyName: "B".repeat(3000) }));
    const s = (JSON.parse((await run([f, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.sheet).toBe(`${"B".repeat(999)}… (NL001234567B01)`);
    expect(s.auditfiles[0].company).toBe(`${"B".repeat(999)}…`);
    expect(s.countable).toBe(21000);
  });
});

describe("kor-check on overlapping auditfiles of one business", () => {
  const sale = (nr: string, date: string, net: number): GenTx => invoice({ nr, date, ref: nr, customer: "C1", parts: [{ acc: "8000", net, vat: H }] });
  const file = (start: string, end: string, txs: GenTx[], extra: Partial<GenFile> = {}): GenFile => ({ ...year2025(), fiscalYear: Number(end.slice(0, 4)), period: { start, end }, journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }], ...extra });
  const monthly = (year: number, months: number[], net: number): GenTx[] => months.map((m) => sale(`F${year}-${m}`, `${year}-${String(m).padStart(2, "0")}-10`, net));
  const months = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

  it("joins a 2025 file that runs into January 2026 with the 2026 file: 2025's crossing reaches 2026, January counted once", async () => {
    // 2025: 12 × €2,000 = €24,000 > €20,000. The 2025 export runs to 31 January 2026 and holds F2026-1 (€1,000),
    // as the 2026 export does. 2026: 11 × €1,000 = €11,000 (not €12,000). 2026 fails the previous-year test
    // (kor-rules.md section 4). Before, the files were checked apart: the 2026 file said "within the KOR" on €0 assumed.
    const a = writeText(at("klant-2025.xaf"), writeXaf(file("2025-01-01", "2026-01-31", [...monthly(2025, months(1, 12), 200000), ...monthly(2026, [1], 100000)])));
    const b = writeText(at("klant-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000))));
    const r = await run([b, a, "--year", "2026", "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    const s = items[0];
    expect(s.file).toBe(`${a} + ${b}`);
    expect(s.countable).toBe(11000);
    expect(s.previousYear).toBe(24000);
    expect(s.verdict).toBe("not-eligible");
    expect(s.eligible).toBe(false);
    expect(s.problems.filter((p: Json) => p.code === "xaf-overlap").map((p: Json) => [p.severity, p.message])).toEqual([
      ["warning", "klant-2025.xaf and klant-2026.xaf belong to the same business and both cover 1 January 2026 to 31 January 2026. The entries of those days were counted once, from klant-2026.xaf; those in klant-2025.xaf agree with them (1 entry, counting €1,000.00)."],
    ]);
  });

  it("says two exports of the same days that differ, counts one of them only, and gives no confident verdict", async () => {
    // h1: January–June 2026, 6 × €1,000. q1: January–March 2026 with only two of those entries (€2,000).
    // Counted: h1's €6,000 (it ends last); q1's €2,000 is not added. Their January–March differ: an error of 2026.
    const h1 = writeText(at("h1.xaf"), writeXaf(file("2026-01-01", "2026-06-30", monthly(2026, months(1, 6), 100000))));
    const q1 = writeText(at("q1.xaf"), writeXaf(file("2026-01-01", "2026-03-31", monthly(2026, [1, 2], 100000))));
    const r = await run([q1, h1, "--year", "2026", "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].countable).toBe(6000);
    expect(items[0].eligible).toBeNull();
    expect(r.code).toBe(1);
    expect(items[0].problems.filter((p: Json) => p.code === "xaf-overlap").map((p: Json) => [p.severity, p.message])).toEqual([
      ["error", "q1.xaf and h1.xaf belong to the same business and both cover 1 January 2026 to 31 March 2026, but their entries of those days differ: h1.xaf has 3 entries (counting €3,000.00), q1.xaf 2 entries (counting €2,000.00). Only those of h1.xaf were counted (never both: the turnover would count twice), so a result that depends on these days is uncertain. Check which export is complete and give one auditfile per period."],
    ]);
  });

  it("counts both of two exports of the same days with different invoices of equal totals, as an error, not one of them as agreeing", async () => {
    // a.xaf and b.xaf: the same VAT number and year, each 12 × €1,000 = €12,000, with different invoices (A-… and B-…):
    // two administrations of one business, or a wrong export. Before: "agree" (same count and total), €12,000 counted,
    // eligible, exit 0. Now: €24,000 counted (entries only b.xaf has count too), an error of 2026, exit 1.
    const own = (prefix: string): GenTx[] => months(1, 12).map((m) => sale(`${prefix}-${m}`, `2026-${String(m).padStart(2, "0")}-10`, 100000));
    const a = writeText(at("adm-a.xaf"), writeXaf(file("2026-01-01", "2026-12-31", own("A"))));
    const b = writeText(at("adm-b.xaf"), writeXaf(file("2026-01-01", "2026-12-31", own("B"))));
    const r = await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"]);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].countable).toBe(24000);
    expect(items[0].eligible).not.toBe(true);
    expect(r.code).toBe(1);
    expect(items[0].problems.filter((p: Json) => p.code === "xaf-overlap").map((p: Json) => [p.severity, p.message])).toEqual([
      ["error", "adm-b.xaf and adm-a.xaf belong to the same business and both cover 1 January 2026 to 31 December 2026, but their entries of those days differ: adm-a.xaf has 12 entries (counting €12,000.00), adm-b.xaf 12 entries (counting €12,000.00) (as many entries and the same amount, but not the same entries). Counted were those of adm-a.xaf and the 12 entries only adm-b.xaf has (counting €12,000.00; two administrations of one business both count, an entry in both counts once), so a result that depends on these days is uncertain. Check which export is complete and give one auditfile per period."],
    ]);
  });

  it("counts an entry a file holds twice outside its period once more than the other file holds it, not zero times", async () => {
    // The 2025 export holds F2025-X of 10 December 2025 (€100) once; the 2026 export holds two entries F2025-X of
    // that day and amount (two transactions). One is the 2025 file's; the other is counted: 2025 = €24,000 + €100 +
    // €100 = €24,200. Before, both were taken for the 2025 file's one (€24,100).
    const x = (nr: string): GenTx => invoice({ nr, date: "2025-12-10", ref: "F2025-X", customer: "C1", parts: [{ acc: "8000", net: 10000, vat: H }] });
    const a = writeText(at("klant-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", [...monthly(2025, months(1, 12), 200000), x("T1")])));
    const b = writeText(at("klant-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", [x("T1"), x("T2"), ...monthly(2026, months(1, 11), 100000)])));
    const s = (JSON.parse((await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.previousYear).toBe(24200);
    expect(s.problems.find((p: Json) => p.code === "xaf-duplicate-entry").message).toBe(
      "1 entry in klant-2026.xaf is dated outside that file's own period, on days klant-2025.xaf covers, and is in it too (same reference, date and amount; counting €100.00): counted once, from klant-2025.xaf.",
    );
  });

  it("joins the files of one KvK number whose VAT numbers differ (one package writes the btw-id, another the omzetbelastingnummer)", async () => {
    const a = writeText(at("klant-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 200000), { taxRegIdent: "NL001234567B01", companyIdent: "12345678" })));
    const b = writeText(at("klant-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000), { taxRegIdent: "NL867512345B01", companyIdent: "12345678" })));
    const items = JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].previousYear).toBe(24000);
    expect(items[0].eligible).toBe(false);
    // Said, as the other file's turnover decides: were they two businesses, the 2026 verdict would be another.
    expect(items[0].problems.filter((p: Json) => p.code === "xaf-joined-kvk").map((p: Json) => p.message)).toEqual([
      "klant-2025.xaf (NL001234567B01) and klant-2026.xaf (NL867512345B01) have different VAT numbers but the same KvK number (12345678), so they were checked as one business (a sole trader has a VAT ID and a turnover tax number; packages write one or the other). If they are two businesses, check the files one at a time.",
    ]);
    // A package's own company number ("1" in both) is no KvK number: different VAT numbers stay apart.
    const c = writeText(at("ander-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, [1], 100000), { taxRegIdent: "NL999999999B01" })));
    const d = writeText(at("klant-2025b.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, [1], 100000), { taxRegIdent: "NL001234567B01" })));
    expect(JSON.parse((await run([c, d, "--format", "json", "--lang", "en"])).stdout)).toHaveLength(2);
  });

  it("says a file without VAT or KvK number was not joined with a file of the same company name, whose previous year is then missing", async () => {
    const a = writeText(at("zonder-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 200000), { taxRegIdent: "", companyName: "Bakkerij Zonder" })));
    const b = writeText(at("zonder-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000), { taxRegIdent: "", companyName: "Bakkerij  zonder" })));
    const items = JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items).toHaveLength(2);
    const w = items.find((i) => i.file === b).problems.filter((p: Json) => p.code === "xaf-not-joined").map((p: Json) => p.message);
    expect(w).toEqual([
      "zonder-2026.xaf was not joined with zonder-2025.xaf of the same name (Bakkerij  zonder): zonder-2026.xaf and zonder-2025.xaf have no VAT number and no KvK number (taxRegIdent, companyIdent), so whether they are one business cannot be told. A previous year in the other file was not used here. If it is one business, give the previous year with --previous-year-turnover or export the auditfile again with the VAT number.",
    ]);
  });

  it("says a file with a VAT number was not joined with a file of the same name that has none, on the numbered file's report too", async () => {
    // zonder-2025.xaf has no number, met-2026.xaf has one: whether they are one business cannot be told. Before, only
    // the file without a number was told; the 2026 report, whose previous year is in the other file, said nothing.
    const a = writeText(at("zonder-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 200000), { taxRegIdent: "", companyName: "Bakkerij Half" })));
    const b = writeText(at("met-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000), { companyName: "Bakkerij Half" })));
    const items = JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.file === b).problems.filter((p: Json) => p.code === "xaf-not-joined").map((p: Json) => p.message)).toEqual([
      "met-2026.xaf was not joined with zonder-2025.xaf of the same name (Bakkerij Half): zonder-2025.xaf has no VAT number and no KvK number (taxRegIdent, companyIdent), so whether they are one business cannot be told. A previous year in the other file was not used here. If it is one business, give the previous year with --previous-year-turnover or export the auditfile again with the VAT number.",
    ]);
  });

  it("does not join two businesses that both wrote a placeholder for their VAT number", async () => {
    // taxRegIdent "-" in both: before, "-" joined them as one business (the turnover of both in one report).
    const a = writeText(at("een.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000), { taxRegIdent: "-", companyName: "Bakkerij Een" })));
    const b = writeText(at("twee.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 150000), { taxRegIdent: "-", companyName: "Slagerij Twee" })));
    const items = JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items.map((i) => i.countable).sort((x: number, y: number) => x - y)).toEqual([11000, 16500]);
  });

  it("joins the files of one Dutch VAT number written with and without its NL", async () => {
    const a = writeText(at("klant-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 200000), { taxRegIdent: "001234567B01" })));
    const b = writeText(at("klant-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", monthly(2026, months(1, 11), 100000), { taxRegIdent: "NL001234567B01" })));
    const items = JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].previousYear).toBe(24000);
    expect(items[0].eligible).toBe(false);
  });

  it("counts a late entry the previous year's file holds with another amount once, from that file, as an error", async () => {
    // 2025: 12 × €1,600 = €19,200 (F2025-12 of 10 December: €1,600). The 2026 export also holds F2025-12 of that day,
    // but for €1,700. Before: counted in both (2025 = €20,900, over the limit: "not eligible"). Now: 2025 = €19,200
    // from the 2025 file, and an error, as which amount is right cannot be told (the verdict hangs on it).
    const a = writeText(at("k-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 160000))));
    const b = writeText(at("k-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", [sale("F2025-12", "2025-12-10", 170000), ...monthly(2026, months(1, 11), 100000)])));
    const r = await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"]);
    const s = (JSON.parse(r.stdout) as Json[])[0];
    expect(s.previousYear).toBe(19200);
    expect(s.eligible).toBeNull();
    expect(r.code).toBe(1);
    expect(s.problems.filter((p: Json) => p.code === "xaf-duplicate-entry").map((p: Json) => [p.severity, p.message])).toEqual([
      [
        "error",
        "1 entry in k-2026.xaf (entry F2025-12 of 10 December 2025) is dated outside that file's own period, on days k-2025.xaf covers, which holds that entry too, but with another amount or VAT code (counting €1,700.00 in k-2026.xaf, €1,600.00 in k-2025.xaf). Only the one in k-2025.xaf was counted (never both: the turnover would count twice), so a result that depends on that year is uncertain. Check which amount is right.",
      ],
    ]);
  });

  it("counts a late entry two exports of the next year both hold once, not once per export", async () => {
    // 2025: 12 × €1,500 = €18,000, without X (28 December 2025, €1,500). The exports of January–June and July–December
    // 2026 both hold X: 2025 = €19,500. Before: €21,000 (X twice), over the limit.
    const x = sale("X", "2025-12-28", 150000);
    const a = writeText(at("k-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 150000))));
    const h1 = writeText(at("k-2026-h1.xaf"), writeXaf(file("2026-01-01", "2026-06-30", [x, ...monthly(2026, months(1, 6), 100000)])));
    const h2 = writeText(at("k-2026-h2.xaf"), writeXaf(file("2026-07-01", "2026-12-31", [x, ...monthly(2026, months(7, 11), 100000)])));
    const s = (JSON.parse((await run([a, h1, h2, "--year", "2026", "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.previousYear).toBe(19500);
    expect(s.countable).toBe(11000);
    expect(s.eligible).toBe(true);
    expect(s.problems.filter((p: Json) => p.code === "xaf-duplicate-entry").map((p: Json) => p.message)).toEqual([
      expect.stringMatching(/^1 entry in k-2026-h[12]\.xaf is dated outside that file's own period and is in k-2026-h[12]\.xaf in the same way \(same reference, date and amount; counting €1,500\.00\): counted once, from k-2026-h[12]\.xaf\.$/),
    ]);
  });

  it("matches a credit note with its invoice's reference and day after the invoice itself, in either order of the files", async () => {
    // k.xaf: F1 (€15,000) and F2 (€6,000). o.xaf, the same year: a credit note F1 of that day (−€3,000), F1 and F2.
    // The invoices agree; the credit note is only in o.xaf: €18,000, an error. Before, the credit note was taken for
    // k.xaf's F1 and o.xaf's F1 then counted again (€36,000).
    const t = (nr: string, ref: string, net: number): GenTx => invoice({ nr, date: "2026-03-01", ref, customer: "C1", parts: [{ acc: "8000", net, vat: H }] });
    const k = writeText(at("k.xaf"), writeXaf(file("2026-01-01", "2026-12-31", [t("1", "F1", 1500000), t("2", "F2", 600000)])));
    const o = writeText(at("o.xaf"), writeXaf(file("2026-01-01", "2026-12-31", [t("1", "F1", -300000), t("2", "F1", 1500000), t("3", "F2", 600000)])));
    for (const order of [[k, o], [o, k]]) {
      const r = await run([...order, "--year", "2026", "--format", "json", "--lang", "en"]);
      const s = (JSON.parse(r.stdout) as Json[])[0];
      expect(s.countable).toBe(18000);
      expect(r.code).toBe(1);
    }
  });

  it("counts an entry dated before its file's period that the previous year's file also holds once", async () => {
    // The 2026 export also holds F2025-12 of 10 December 2025 (€2,000), as the 2025 export does: 2025 is €24,000, not €26,000.
    const a = writeText(at("klant-2025.xaf"), writeXaf(file("2025-01-01", "2025-12-31", monthly(2025, months(1, 12), 200000))));
    const b = writeText(at("klant-2026.xaf"), writeXaf(file("2026-01-01", "2026-12-31", [...monthly(2025, [12], 200000), ...monthly(2026, months(1, 11), 100000)])));
    const s = (JSON.parse((await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.previousYear).toBe(24000);
    expect(s.problems.find((p: Json) => p.code === "xaf-duplicate-entry").message).toBe(
      "1 entry in klant-2026.xaf is dated outside that file's own period, on days klant-2025.xaf covers, and is in it too (same reference, date and amount; counting €2,000.00): counted once, from klant-2025.xaf.",
    );
  });
});

describe("kor-check on auditfiles that do not cover a year whole (the header's period)", () => {
  const sale = (nr: string, date: string, net: number): GenTx => invoice({ nr, date, ref: nr, customer: "C1", parts: [{ acc: "8000", net, vat: H }] });
  const fy = (start: string, end: string, txs: GenTx[]): GenFile => ({ ...year2025(), fiscalYear: Number(end.slice(0, 4)), period: { start, end }, journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });

  it("says a fiscal year from July to June covers both calendar years in part, and gives no confident verdict", async () => {
    const f = writeText(at("fy2526.xaf"), writeXaf(fy("2025-07-01", "2026-06-30", [sale("A1", "2025-09-01", 500000), sale("A2", "2026-03-01", 800000)])));
    const r = await run([f, "--year", "2026", "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(1);
    const s = (JSON.parse(r.stdout) as Json[])[0];
    const period = s.problems.filter((p: Json) => p.code === "xaf-period").map((p: Json) => p.message);
    expect(period).toEqual([
      expect.stringContaining("The auditfile(s) cover 2025 only in part: from 1 July 2025 to 31 December 2025 (the period in their header)"),
      expect.stringContaining("The auditfile(s) cover 2026 only in part: from 1 January 2026 to 30 June 2026"),
    ]);
    // Only a previous year's turnover can be given (there is no option for the year checked itself).
    expect(period[1]).not.toContain("or give the 2026 turnover");
    expect(period[1]).toContain("If 2026 is the year before the year checked, you can also give its turnover that counts (kor-check --previous-year-turnover");
  });

  it("says an entry dated in a year the file does not cover is not that year's turnover", async () => {
    const f = writeText(at("klant-2026.xaf"), writeXaf(fy("2026-01-01", "2026-12-31", [sale("V1", "2025-12-31", 50000), sale("V2", "2026-02-01", 600000)])));
    const r = await run([f, "--year", "2026", "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(1);
    const s = (JSON.parse(r.stdout) as Json[])[0];
    expect(s.problems.find((p: Json) => p.code === "xaf-period").message).toContain("1 entry is dated in 2025 (counting €500.00), but the auditfile(s) cover 1 January 2026 to 31 December 2026");
  });

  it("joins two broken fiscal years: the year they cover whole is fine, the previous year only in part is said", async () => {
    const a = writeText(at("fy2526.xaf"), writeXaf(fy("2025-07-01", "2026-06-30", [sale("A1", "2025-09-01", 500000), sale("A2", "2026-03-01", 800000)])));
    const b = writeText(at("fy2627.xaf"), writeXaf(fy("2026-07-01", "2027-06-30", [sale("B1", "2026-09-01", 500000)])));
    const r = await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(1);
    const items = JSON.parse(r.stdout) as Json[];
    expect(items).toHaveLength(1);
    const period = items[0].problems.filter((p: Json) => p.code === "xaf-period").map((p: Json) => p.message);
    expect(period).toEqual([expect.stringContaining("cover 2025 only in part: from 1 July 2025 to 31 December 2025")]);
  });

  it("labels a previous year the files cover only in part as incomplete, with the period, in the table, the JSON and the CSV", async () => {
    // fy2526 + fy2627 cover 1 July 2025 to 30 June 2027: 2026 whole (A2 €8,000 + B1 €5,000 = €13,000), 2025 only
    // from 1 July (A1 €5,000). €5,000 is not the 2025 turnover: the first half of 2025 is in no file.
    const a = writeText(at("fy2526.xaf"), writeXaf(fy("2025-07-01", "2026-06-30", [sale("A1", "2025-09-01", 500000), sale("A2", "2026-03-01", 800000)])));
    const b = writeText(at("fy2627.xaf"), writeXaf(fy("2026-07-01", "2027-06-30", [sale("B1", "2026-09-01", 500000)])));
    const json = await run([a, b, "--year", "2026", "--format", "json", "--lang", "en"]);
    const s = (JSON.parse(json.stdout) as Json[])[0];
    expect(s.countable).toBe(13000);
    expect(s.previousYear).toBe(5000);
    expect(s.eligible).toBeNull();
    expect(s.previousYearPartial).toEqual({
      covered: [{ from: "2025-07-01", to: "2025-12-31" }],
      note: "incomplete: the auditfiles cover only 1 July 2025 to 31 December 2025 of 2025, so this is not the turnover of all of 2025",
    });
    // The EU-KOR's previous year is the same entries: labelled the same (before, €5,000 stood there as 2025's Union turnover).
    expect(s.eu).toMatchObject({ previousUnion: 5000, previousUnionBasis: "data" });
    expect(s.eu.previousUnionPartial).toEqual(s.previousYearPartial);
    const table = (await run([a, b, "--year", "2026", "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(table).toContain("Previous year €5,000.00 — incomplete: the auditfiles cover only 1 July 2025 to 31 December 2025 of 2025");
    expect(table).toContain("Within the Union threshold · Previous year: €5,000.00 — incomplete: the auditfiles cover only 1 July 2025 to 31 December 2025 of 2025, so this is not the turnover of all of 2025");
    const csv = (await run([a, b, "--year", "2026", "--format", "csv"])).stdout.split(/\r?\n/);
    const header = csv[0].split(";");
    const line = csv[1].split(";");
    expect(header[header.length - 1]).toBe("vorig_jaar_onvolledig");
    expect(line[header.indexOf("vorig_jaar")]).toBe("5000,00");
    expect(line[header.length - 1]).toBe("onvolledig: de auditfiles dekken van 2025 alleen 1 juli 2025 tot en met 31 december 2025, dus dit is niet de omzet van heel 2025");
    // A kor-check CSV of before this column is still recognised as kor-check's own output.
    expect(isOwnOutput(`${csvColumnsBeforePartial("nl").join(";")}\r\nklant.xaf;Bakkerij;2026\r\n`)).toBe(true);
  });

  it("labels a previous year of only stray entries (a year no header covers) as not the year's turnover", async () => {
    // A 2026 file with one entry dated 31 December 2025 (€500): 2025's €500 is that entry, not the 2025 turnover.
    const f = writeText(at("klant-2026.xaf"), writeXaf(fy("2026-01-01", "2026-12-31", [sale("V1", "2025-12-31", 50000), sale("V2", "2026-02-01", 600000)])));
    const s = (JSON.parse((await run([f, "--year", "2026", "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.previousYear).toBe(500);
    expect(s.eligible).toBeNull();
    expect(s.previousYearPartial).toEqual({ covered: [], note: "incomplete: the auditfiles do not cover 2025, so this is only entries dated in 2025, not the year's turnover" });
  });

  it("checks the header's year of a 2025 auditfile with an entry dated in 2026, not 2026 on that one entry", async () => {
    // Header 2025; F1 of 1 June 2025 (€10,000) and a stray F2 of 1 February 2026 (€15,000). Without --year the
    // 2025 report: €10,000, within (2024 assumed €0). Before, the stray entry picked 2026: a 2026 report on €15,000.
    const f = writeText(at("klant-2025.xaf"), writeXaf(fy("2025-01-01", "2025-12-31", [sale("F1", "2025-06-01", 1000000), sale("F2", "2026-02-01", 1500000)])));
    const s = (JSON.parse((await run([f, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.year).toBe(2025);
    expect(s.countable).toBe(10000);
    expect(s.eligible).toBe(true);
    expect(s.problems.find((p: Json) => p.code === "xaf-later-entries").message).toBe(
      "The auditfile(s) run to 2025 (the period in their header), so 2025 was checked. 1 entry is dated in 2026; it did not pick the year. Check 2026 with --year 2026, together with the auditfile of 2026.",
    );
    // --year still decides.
    const y = (JSON.parse((await run([f, "--year", "2026", "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(y.year).toBe(2026);
    expect(y.eligible).toBeNull();
  });

  it("says nothing for files of whole calendar years", async () => {
    const a = writeText(at("klant-2025.xaf"), writeXaf(year2025()));
    const b = writeText(at("klant-2026.xaf"), writeXaf(year2026()));
    const s = (JSON.parse((await run([a, b, "--format", "json", "--lang", "en"])).stdout) as Json[])[0];
    expect(s.problems.map((p: Json) => p.code)).not.toContain("xaf-period");
    expect(s.previousYearPartial).toBeNull();
  });
});
