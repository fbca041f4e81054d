/**
 * kor-check on .xlsx cells as other programs write them (Apache POI, LibreOffice, scripts), which exceljs'
 * streaming reader misread without a word: formulas whose cached value is an error, a boolean or missing,
 * ISO date cells (t="d"), inline strings of several runs, and date1904="true". Each workbook is written with
 * exceljs, then its sheet XML (and workbook.xml) replaced with the cells under test.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { dayFromIso } from "../../src/rules/dates";
import { runCli, tempDir, writeXlsx, type CliRun } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;

/** 1 March 2026 and 1 April 2026 as 1900-system serials. */
const MARCH_1 = 46082;
const APRIL_1 = 46113;

/**
 * A workbook with header Datum/Bedrag/Categorie, row 2 = 1 March 2026, €15,000, 21%, and row 3 = `row3`
 * (cells A3, B3, C3 as XML). `workbookPr` replaces workbook.xml's workbookPr attributes.
 */
async function workbook(name: string, row3: string, opts: { workbookPr?: string; row2?: string } = {}): Promise<string> {
  const file = path.join(tmp.dir, name);
  await writeXlsx(file, { Facturen: [["x"]] });
  const zip = await JSZip.loadAsync(readFileSync(file));
  const row2 = opts.row2 ?? `${num("A2", MARCH_1)}${num("B2", 15000)}${inline("C2", "21")}`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>` +
    `<row r="1">${inline("A1", "Datum")}${inline("B1", "Bedrag")}${inline("C1", "Categorie")}</row>` +
    `<row r="2">${row2}</row><row r="3">${row3}</row></sheetData></worksheet>`;
  zip.file("xl/worksheets/sheet1.xml", sheet);
  if (opts.workbookPr !== undefined) {
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<workbookPr[^>]*>/, `<workbookPr ${opts.workbookPr}/>`);
    zip.file("xl/workbook.xml", wb);
  }
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function check(file: string, lang: "en" | "nl" = "en"): Promise<{ r: CliRun; item: Json }> {
  const r = await runCli([file, "--format", "json", "--lang", lang], TODAY);
  return { r, item: (JSON.parse(r.stdout) as Json[])[0] };
}

const messages = (item: Json): string[] => (item.problems as Json[]).map((p) => `${p.row}: ${p.message}`);

describe("formula cells: their calculated value, or a row error — never a silently dropped invoice", () => {
  it("an amount formula giving #N/A is an error naming row 3 (the invoice was silently left out)", async () => {
    const file = await workbook("na.xlsx", `${num("A3", APRIL_1)}<c r="B3" t="e"><f>VLOOKUP(1,Z1:Z2,2,0)</f><v>#N/A</v></c>${inline("C3", "21")}`);
    const { r, item } = await check(file);
    expect(messages(item)).toEqual(["3: Row 3: the amount cell shows the Excel error #N/A. Fix the formula or clear the cell."]);
    expect(item.countable).toBe(15000);
    expect(r.code).toBe(1);
  });

  it("a date formula giving #VALUE! is an error naming row 3", async () => {
    const file = await workbook("value.xlsx", `<c r="A3" t="e"><f>DATE(2026,13,40)+Z1</f><v>#VALUE!</v></c>${num("B3", 6000)}${inline("C3", "21")}`);
    const { item } = await check(file);
    expect(messages(item)).toEqual(["3: Row 3: the date cell shows the Excel error #VALUE!. Fix the formula or clear the cell."]);
  });

  it("a category formula giving #N/A is refused (it was read as an empty category and counted)", async () => {
    const file = await workbook("cat.xlsx", `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3" t="e"><f>VLOOKUP(A3,Codes,2,0)</f><v>#N/A</v></c>`);
    const { item } = await check(file);
    expect(messages(item)).toEqual(["3: Row 3: the category cell shows the Excel error #N/A. Fix the formula or clear the cell."]);
    expect(item.countable).toBe(15000);
  });

  it("a formula giving TRUE is not €1.00: the same error as a TRUE typed in the cell", async () => {
    const file = await workbook("bool.xlsx", `${num("A3", APRIL_1)}<c r="B3" t="b"><f>B2&gt;100</f><v>1</v></c>${inline("C3", "21")}`);
    const { item } = await check(file);
    expect(messages(item)).toEqual(["3: Row 3: the amount cell contains TRUE (true/false), not an amount."]);
    expect(item.countable).toBe(15000);
  });

  it("a formula without a calculated value (amount or date) is an error naming its row, in Dutch too", async () => {
    const amount = await workbook("noresult.xlsx", `${num("A3", APRIL_1)}<c r="B3"><f>B2*0.5</f></c>${inline("C3", "21")}`);
    const date = await workbook("noresult-date.xlsx", `<c r="A3"><f>Z1+1</f></c>${num("B3", 6000)}${inline("C3", "21")}`);
    const a = await check(amount);
    expect(messages(a.item)).toEqual([
      "3: Row 3: the amount cell contains a formula without a calculated value. Open the file in Excel and save it, so Excel calculates the formula.",
    ]);
    expect(a.item.countable).toBe(15000);
    expect(a.r.code).toBe(1);
    const nl = await check(date, "nl");
    expect(messages(nl.item)).toEqual([
      "3: Rij 3: de datumcel bevat een formule zonder berekende waarde. Open het bestand in Excel en sla het op, dan rekent Excel de formule uit.",
    ]);
  });

  it('a date formula giving "" beside an amount is "an amount without a date" (the invoice was silently left out: "within the KOR", 0 problems)', async () => {
    const file = await workbook("blank-date.xlsx", `<c r="A3" t="str"><f>IF(Z3="","",Z3)</f><v></v></c>${num("B3", 6000)}${inline("C3", "21")}`);
    const { r, item } = await check(file);
    expect(messages(item)).toEqual(["3: Row 3: amount without a date. Enter the invoice date or clear the row."]);
    expect(item.countable).toBe(15000);
    expect(r.code).toBe(1);
    // In a 1904 workbook a cached 0 is no invoice of 1 January 1904 either.
    const zero = await workbook("blank-date-1904.xlsx", `<c r="A3"><f>Z3</f><v>0</v></c>${num("B3", 6000)}${inline("C3", "21")}`, {
      workbookPr: 'date1904="1"',
      row2: `${num("A2", MARCH_1 - 1462)}${num("B2", 15000)}${inline("C2", "21")}`,
    });
    expect(messages((await check(zero)).item).filter((m) => !m.includes("1904 date system"))).toEqual(["3: Row 3: amount without a date. Enter the invoice date or clear the row."]);
  });

  it("cached results 0, text and a date serial still read: a 0 amount, text categories, a date formula", async () => {
    const file = await workbook(
      "zero.xlsx",
      `<c r="A3"><f>A2+31</f><v>${APRIL_1}</v></c><c r="B3"><f>B2*0</f><v>0</v></c><c r="C3" t="str"><f>"2"&amp;"1"</f><v>21</v></c>`,
      { row2: `${num("A2", MARCH_1)}<c r="B2"><f>5000*3</f><v>15000</v></c><c r="C2" t="str"><f>""</f><v></v></c>` },
    );
    const { r, item } = await check(file);
    // The amount formula's 0 is an empty amount, as Excel mode and the panel read it: "a date but no amount".
    expect(item.problems.map((p: Json) => [p.code, p.rows])).toEqual([["dates-without-amount", [3]]]);
    expect(item).toMatchObject({ countable: 15000, rows: 1 });
    expect(r.code).toBe(0);
  });

  it('an amount formula whose cached result is "" beside a date is "a date but no amount", as in the panel, not a row skipped without a word', async () => {
    const file = await workbook("leeg-bedrag.xlsx", `<c r="A3"><f>A2+31</f><v>${APRIL_1}</v></c><c r="B3" t="str"><f>IF(Z3="","",Z3)</f><v></v></c>${inline("C3", "21")}`);
    const { item } = await check(file);
    expect(item.problems.map((p: Json) => [p.code, p.rows])).toEqual([["dates-without-amount", [3]]]);
    expect(item.countable).toBe(15000);
  });
});

describe("ISO date cells and inline text runs", () => {
  it('a t="d" date cell is that calendar day (it was read as serial 2026, 18 July 1905)', async () => {
    const file = await workbook("iso.xlsx", `<c r="A3" t="d"><v>2026-04-01T00:00:00Z</v></c>${num("B3", 6000)}${inline("C3", "21")}`);
    const { item } = await check(file);
    expect(item.problems).toEqual([]);
    expect(item).toMatchObject({ year: 2026, countable: 21000, rows: 2, crossing: { date: "2026-04-01", row: 3 } });
  });

  it('a t="d" date late in the evening stays on its day, also in a 1904 workbook; a t="d" text that is no date is an error', async () => {
    const late = await workbook("late.xlsx", `<c r="A3" t="d"><v>2026-04-01T23:30:00</v></c>${num("B3", 6000)}${inline("C3", "21")}`, {
      workbookPr: 'date1904="1"',
      row2: `${num("A2", MARCH_1 - 1462)}${num("B2", 15000)}${inline("C2", "21")}`,
    });
    expect((await check(late)).item).toMatchObject({ year: 2026, countable: 21000, crossing: { date: "2026-04-01", row: 3 } });
    const bad = await workbook("bad.xlsx", `<c r="A3" t="d"><v>2026-02-30</v></c>${num("B3", 6000)}${inline("C3", "21")}`);
    const { item } = await check(bad);
    expect(item.countable).toBe(15000);
    expect(item.problems.map((p: Json) => p.row)).toEqual([3]);
  });

  it("an inline string of several runs is read whole (only the last run was kept: 6 + 000 read as €0)", async () => {
    const file = await workbook("runs.xlsx", `${num("A3", APRIL_1)}<c r="B3" t="inlineStr"><is><r><t>6</t></r><r><rPr><b/></rPr><t>000</t></r></is></c>${inline("C3", "21")}`);
    const { item } = await check(file);
    expect(item.problems).toEqual([]);
    expect(item).toMatchObject({ countable: 21000, crossing: { date: "2026-04-01", row: 3, amount: 6000 } });
  });

  it("an inline string's phonetic guide is not part of its text", async () => {
    const file = await workbook("rph.xlsx", `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3" t="inlineStr"><is><t>21</t><rPh sb="0" eb="2"><t>x</t></rPh></is></c>`);
    const { item } = await check(file);
    expect(item.problems).toEqual([]);
    expect(item.countable).toBe(21000);
  });
});

describe("the 1904 date system", () => {
  const rows = { row2: `${num("A2", MARCH_1 - 1462)}${num("B2", 15000)}${inline("C2", "21")}` };
  const row3 = `${num("A3", APRIL_1 - 1462)}${num("B3", 6000)}${inline("C3", "21")}`;

  it.each(['date1904="true"', 'date1904="1"', "date1904=' true '"])("%s: the dates are read in the 1904 system (they were 4 years and a day early)", async (attr) => {
    const file = await workbook("mac.xlsx", row3, { workbookPr: attr, ...rows });
    const { item } = await check(file);
    expect(item).toMatchObject({ year: 2026, countable: 21000, crossing: { date: "2026-04-01", row: 3 } });
    // Said with the report, as the pane says it: a wrong system setting in the workbook shifts every date.
    expect((item.problems as Json[]).filter((p) => p.code === "date-system-1904")).toEqual([
      expect.objectContaining({ row: null, severity: "warning", message: expect.stringContaining("1904 date system") }),
    ]);
  });

  it('date1904="false" and no attribute: the 1900 system, without the 1904 note', async () => {
    for (const attr of ['date1904="false"', 'defaultThemeVersion="164011"']) {
      const file = await workbook("pc.xlsx", `${num("A3", APRIL_1)}${num("B3", 6000)}${inline("C3", "21")}`, { workbookPr: attr });
      const { item } = await check(file);
      expect(item).toMatchObject({ year: 2026, countable: 21000, crossing: { date: "2026-04-01", row: 3 } });
      expect((item.problems as Json[]).map((p) => p.code)).not.toContain("date-system-1904");
    }
  });

  it("a date formula's result is read in the 1904 system too", async () => {
    const file = await workbook("mac-f.xlsx", `<c r="A3"><f>A2+31</f><v>${APRIL_1 - 1462}</v></c>${num("B3", 6000)}${inline("C3", "21")}`, { workbookPr: 'date1904="1"', ...rows });
    expect((await check(file)).item).toMatchObject({ year: 2026, countable: 21000, crossing: { date: "2026-04-01", row: 3 } });
  });
});

describe("a SUM formula on a dated row: the invoice's amount, unless it adds up the amount column (docs/exports.md, Rows)", () => {
  const sum = (ref: string, formula: string, v: number): string => `<c r="${ref}"><f>${formula}</f><v>${v}</v></c>`;

  it("=SUM(B2*1) and =SUM(D3:E3) on dated rows with a customer count (€23,000; they were skipped as totals lines)", async () => {
    const file = await workbook("sum-invoice.xlsx", `${num("A3", APRIL_1)}${sum("B3", "SUM(D3:E3)", 8000)}${inline("C3", "21")}${num("D3", 5000)}${num("E3", 3000)}`, {
      row2: `${num("A2", MARCH_1)}${sum("B2", "SUM(15000*1)", 15000)}${inline("C2", "21")}`,
    });
    const { item } = await check(file);
    expect(item.countable).toBe(23000);
    expect(messages(item)).toEqual([]);
  });

  it("=SUM(B2:B2), =SUM(B1:B2) and =SUM(B:B) add up the amount column above: a totals line, skipped", async () => {
    for (const formula of ["SUM(B2:B2)", "SUM($B$1:B2)", "SUM(B:B)"]) {
      const file = await workbook(`sum-total-${formula.length}.xlsx`, `${num("A3", APRIL_1)}${sum("B3", formula, 15000)}${inline("C3", "21")}`);
      const { item } = await check(file);
      expect([formula, item.countable]).toEqual([formula, 15000]);
    }
  });

  it("=SUM(B2:B2) on an undated row is a totals line, as before", async () => {
    const file = await workbook("sum-undated.xlsx", `${sum("B3", "SUM(B2:B2)", 15000)}`);
    const { item } = await check(file);
    expect(item.countable).toBe(15000);
  });
});

describe("damaged cells: an error naming the row, or the file damaged, never a number (as the pane: test/taskpane/damaged-file.test.ts)", () => {
  it("a number cell holding '5000abc' or '0x10' is no amount: row 3's error (0x10 was counted as €16)", async () => {
    for (const text of ["5000abc", "0x10"]) {
      const file = await workbook(`bad-${text}.xlsx`, `${num("A3", APRIL_1)}<c r="B3"><v>${text}</v></c>${inline("C3", "21")}`);
      const { item } = await check(file);
      expect(item.countable).toBe(15000);
      expect(messages(item)).toEqual([expect.stringMatching(new RegExp(`^3: Row 3: .*${text}`)) as unknown]);
    }
  });

  it("a text cell pointing at a shared string the file lacks: the file is damaged, naming the cell (it was read as an empty amount)", async () => {
    const file = await workbook("sst.xlsx", `${num("A3", APRIL_1)}<c r="B3" t="s"><v>99999</v></c>${inline("C3", "21")}`);
    const { r, item } = await check(file);
    expect(item.error).toMatch(/^damaged \.xlsx file: cell B3 of sheet Facturen refers to text number 99999, which is not in the file/);
    expect(r.code).toBe(1);
  });
  // Before 2 Dec 2026 a cell at ZZZZZZ3 made row 3 a list of 321 million places: this 1 kB workbook took 36 seconds
  // per such row, bounded only by --timeout. Excel refuses a cell past XFD, and so does the pane (exceljs).
  it("a cell past column XFD, the last of a sheet: the file is damaged, naming the cell", async () => {
    for (const ref of ["XFE3", "ZZZZZZ3"]) {
      const file = await workbook(`far-${ref}.xlsx`, `${num("A3", APRIL_1)}${num("B3", 100)}${num(ref, 5)}`);
      const { r, item } = await check(file);
      expect(item.error).toBe(
        `damaged .xlsx file: cell ${ref} of sheet Facturen lies beyond column XFD, the last column of an Excel sheet; Excel does not open it like this. Open it in the program that made it and save it again as .xlsx`,
      );
      expect(r.code).toBe(1);
    }
    const last = await workbook("xfd.xlsx", `${num("A3", APRIL_1)}${num("B3", 100)}${num("XFD3", 5)}`);
    expect((await check(last)).item).toMatchObject({ error: null, countable: 15100 });
  });

  // Before 2 Dec 2026 such a row was read and counted here, while the pane laid out every row before it (row
  // 100,000,000: 22 s and 1 GB), dropped it (from 4,294,967,295 on) or read "1e300" as row 1, over the header.
  it("a row numbered past 1,048,576, the last of a sheet: the file is damaged, naming the row, as in the pane", async () => {
    const plain = await workbook("rows.xlsx", `${num("A3", APRIL_1)}${num("B3", 100)}`);
    for (const far of ["1048577", "100000000", "4294967296", "1e300"]) {
      const zip = await JSZip.loadAsync(readFileSync(plain));
      const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace('<row r="3">', `<row r="${far}">`);
      zip.file("xl/worksheets/sheet1.xml", xml);
      const file = path.join(tmp.dir, `far-${far}.xlsx`);
      writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
      const { r, item } = await check(file);
      expect(item.error).toBe(
        `damaged .xlsx file: row ${far} of sheet Facturen lies beyond row 1,048,576, the last row of an Excel sheet; Excel does not open it like this. Open it in the program that made it and save it again as .xlsx`,
      );
      expect(r.code).toBe(1);
    }
    const zip = await JSZip.loadAsync(readFileSync(plain));
    zip.file("xl/worksheets/sheet1.xml", (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace('<row r="3">', '<row r="1048576">'));
    const last = path.join(tmp.dir, "last-row.xlsx");
    writeFileSync(last, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await check(last)).item).toMatchObject({ error: null, countable: 15100 });
  });
});
