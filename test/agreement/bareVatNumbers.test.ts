/**
 * A column headed just "BTW" holding whole numbers that are also VAT rates (21, 9): a workbook stores € 21,00 of
 * VAT as the number 21, whatever its "€ #,##0.00" format (the readers keep values, not formats). The amounts
 * beside it decide (docs/exports.md "Columns"), the same on every surface that reads a header row: the pane in
 * Excel mode, Open file (.xlsx and CSV), kor-check (.xlsx and CSV; JSON and table) and All sheets (Excel and an
 * opened file).
 *
 *  - invoices of € 100,00 with 21 / 9 beside them: rate and VAT amount are the same number, so the sheet is refused
 *    with the reason (before: read as rates, the VAT amounts lost; a KOR participant was not told VAT shown on
 *    the invoice is owed); choosing the VAT column reads them;
 *  - 21 beside € 233,33 (9% of it): the VAT amount, and for a participant the warning that VAT shown is owed;
 *  - 21 / 9 beside gross amounts of € 121,00 / € 109,00: turnover € 100,00 each either way (before: refused as
 *    amounts including VAT only).
 */
import * as path from "path";
import { readFileSync, writeFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { analyze, unitsOfFile, type SheetSettings } from "../../src/taskpane/model";
import { readFileSource } from "../../src/taskpane/browser/files";
import { readAllSheets } from "../../src/excel/allSheets";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { fileLike } from "../taskpane/xlsxXml";
import { fakeContext } from "../excel/allSheets-fake";
import { runCli, tempDir } from "../cli/fixtures";

jest.setTimeout(60_000);

const TODAY = dayFromIso("2026-01-15");
type Row = readonly [string, number, number];

/** The sheet as Excel's range.values gives it: dates as serials, amounts as numbers. */
function excelValues(header: readonly string[], rows: readonly Row[]): unknown[][] {
  return [[...header], ...rows.map(([iso, a, v]) => [excelSerialFromDay(dayFromIso(iso)), a, v])];
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("kor-barevat-");
});
afterEach(() => tmp.cleanup());

/** An .xlsx with the amounts formatted as euros, and a CSV of the same cells as a package writes them ("21"). */
async function files(header: readonly string[], rows: readonly Row[]): Promise<{ xlsx: string; csv: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Facturen");
  ws.addRow([...header]);
  for (const [iso, a, v] of rows) {
    const r = ws.addRow([new Date(`${iso}T00:00:00Z`), a, v]);
    r.getCell(2).numFmt = "€ #,##0.00";
    r.getCell(3).numFmt = "€ #,##0.00";
  }
  const xlsx = path.join(tmp.dir, "facturen.xlsx");
  await wb.xlsx.writeFile(xlsx);
  const csv = path.join(tmp.dir, "facturen-csv.csv");
  const nl = (n: number): string => String(n).replace(".", ",");
  writeFileSync(csv, [header.join(";"), ...rows.map(([iso, a, v]) => `${iso.split("-").reverse().join("-")};${nl(a)};${v}`)].join("\r\n"));
  return { xlsx, csv };
}

/** Every surface's reading of the sheet: the pane's analyses, All sheets' lines and kor-check's JSON items. */
async function surfaces(header: readonly string[], rows: readonly Row[], settings: SheetSettings = {}, cliArgs: readonly string[] = []) {
  const { xlsx, csv } = await files(header, rows);
  const values = excelValues(header, rows);
  const excel = { key: "sheet:Facturen", name: "Facturen", origin: "sheet" as const, tableName: null, values, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
  const openedXlsx = await readFileSource(fileLike("facturen.xlsx", readFileSync(xlsx)));
  const openedCsv = await readFileSource(fileLike("facturen.csv", readFileSync(csv)));
  const panes = { "pane Excel mode": analyze(excel, settings, TODAY), "Open file xlsx": analyze(openedXlsx, settings, TODAY), "Open file csv": analyze(openedCsv, settings, TODAY) };
  const allSheets = {
    "All sheets (Excel)": buildOverview((await readAllSheets(fakeContext([{ name: "Facturen", cells: values }]).context, { keepFrom: 2023 })).units, EMPTY_GROUPING, { today: TODAY }),
    "All sheets (Open file)": buildOverview(unitsOfFile([openedXlsx]), EMPTY_GROUPING, { today: TODAY }),
  };
  const run = await runCli([xlsx, csv, ...cliArgs, "--format", "json", "--lang", "en"], TODAY);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- kor-check's parsed JSON output
  const items = JSON.parse(run.stdout) as any[];
  return { panes, allSheets, items, code: run.code, xlsx };
}

const HEADER = ["Factuurdatum", "Bedrag", "BTW"] as const;
const HUNDREDS: readonly Row[] = [["2025-03-01", 100, 21], ["2025-04-01", 100, 21], ["2025-05-01", 100, 9]];

describe("a bare BTW column of whole numbers that are also rates", () => {
  it("beside invoices of € 100,00 it may be either: every surface refuses the sheet with the reason and a row", async () => {
    const s = await surfaces(HEADER, HUNDREDS);
    for (const [name, a] of Object.entries(s.panes)) {
      expect({ name, code: a.wholeTableProblem?.code }).toEqual({ name, code: "vat-column-ambiguous" });
      expect(a.wholeTableProblem?.message.en).toContain('Column "BTW" (C) holds only whole numbers that are also VAT rates');
      expect(a.wholeTableProblem?.message.en).toContain("(row 2: 21% of €100.00 is €21.00)");
    }
    for (const [name, lines] of Object.entries(s.allSheets)) expect({ name, lines }).toEqual({ name, lines: [] });
    expect(s.code).toBe(1);
    expect(s.items.map((i) => ({ error: /may be rates or VAT amounts/.test(i.error ?? ""), codes: i.problems.map((p: { code: string }) => p.code) }))).toEqual(
      new Array(2).fill({ error: true, codes: ["vat-column-ambiguous"] }),
    );
    const table = await runCli([s.xlsx, "--lang", "en"], TODAY);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("may be rates or VAT amounts in whole euros");
  });

  it("credit notes of −€ 100,00 (or a package that signs credit minus) are as undecided: refused on every surface, not read as rates", async () => {
    const s = await surfaces(HEADER, HUNDREDS.map(([d, a, v]) => [d, -a, v] as const));
    for (const [name, a] of Object.entries(s.panes)) expect({ name, code: a.wholeTableProblem?.code }).toEqual({ name, code: "vat-column-ambiguous" });
    for (const [name, lines] of Object.entries(s.allSheets)) expect({ name, lines }).toEqual({ name, lines: [] });
    expect(s.items.map((i) => i.problems.map((p: { code: string }) => p.code))).toEqual([["vat-column-ambiguous"], ["vat-column-ambiguous"]]);
  });

  it("the user's choice of the VAT column reads them as VAT amounts: a participant is told VAT shown is owed", async () => {
    const settings: SheetSettings = { columns: { vat: 2 }, participation: "in", inKorSince: "2024-01-01" };
    const s = await surfaces(HEADER, HUNDREDS, settings, ["--vat-column", "C", "--in-kor-since", "2024-01-01"]);
    for (const [name, a] of Object.entries(s.panes)) {
      expect({ name, cents: a.summary.countableCents, shown: a.summary.problems.some((p) => p.code === "vat-shown-in-kor") }).toEqual({ name, cents: 30000, shown: true });
    }
    for (const item of s.items) expect({ cents: Math.round(item.countable * 100), shown: item.problems.some((p: { code: string }) => p.code === "vat-shown-in-kor") }).toEqual({ cents: 30000, shown: true });
  });

  it("21 beside € 233,33 (9% of it) is the VAT amount everywhere", async () => {
    const rows: readonly Row[] = [["2025-03-01", 233.33, 21], ["2025-04-01", 100, 9]];
    const s = await surfaces(HEADER, rows, { participation: "in", inKorSince: "2024-01-01" }, ["--in-kor-since", "2024-01-01"]);
    for (const [name, a] of Object.entries(s.panes)) {
      expect({ name, vat: a.table.rows.map((r) => r.vatCents), shown: a.summary.problems.some((p) => p.code === "vat-shown-in-kor") }).toEqual({ name, vat: [2100, 900], shown: true });
    }
    for (const item of s.items) expect(item.problems.some((p: { code: string }) => p.code === "vat-shown-in-kor")).toBe(true);
  });

  it("beside gross amounts it is the VAT either way: € 121,00 and € 109,00 are € 200,00 of turnover, not refused", async () => {
    const s = await surfaces(["Factuurdatum", "Totaal incl. btw", "BTW"], [["2025-03-01", 121, 21], ["2025-04-01", 109, 9]]);
    for (const [name, a] of Object.entries(s.panes)) expect({ name, cents: a.summary.countableCents, refused: a.wholeTableProblem }).toEqual({ name, cents: 20000, refused: null });
    for (const [name, lines] of Object.entries(s.allSheets)) expect({ name, cents: lines.map((l) => l.countableCents) }).toEqual({ name, cents: [20000] });
    expect(s.items.map((i) => Math.round(i.countable * 100))).toEqual([20000, 20000]);
  });
});
