/**
 * Sheet names as Dutch bookkeepers write them, and the same workbook in the pane (Open file reads every row of
 * every sheet) and in kor-check (which keeps only the rows of the years a report reads: YearWindow).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { lendsYears, summarizeWithSheets, type YearSheet } from "../../src/bulk/sheetYears";
import type { InvoiceSource } from "../../src/excel/source";
import { readTable } from "../../src/reading/headers";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { analyze } from "../../src/taskpane/model";
import { sheetBookXlsx } from "./sheetBook";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import { fakeContext } from "../excel/allSheets-fake";
import { runCli, tempDir } from "../cli/fixtures";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
type Line = [iso: string, customer: string, euros: number, rate: string];

function sheetCells(lines: readonly Line[]): unknown[][] {
  return [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])];
}

function yearSheet(name: string, lines: readonly Line[]): YearSheet {
  const t = readTable(sheetCells(lines));
  return { sheet: name, rows: t.rows, problems: t.problems };
}

describe("a year written as '25", () => {
  it("lendsYears reads 'YY as 20YY", () => {
    const holds = (y: number): boolean => y === 2024;
    for (const name of ["Verkoop '24", "Verkoop ’24", "Omzet '24", "Verkoop '23-'24"]) expect([name, lendsYears(name, holds)]).toEqual([name, true]);
    expect(lendsYears("Verkoop '25", holds)).toBe(false);
    expect(lendsYears("Bakkerij 't Hoekje", holds)).toBe(false);
  });

  it('"Verkoop \'25" takes its previous year from "Verkoop \'24", without a note that the name names no year', () => {
    const y24 = yearSheet("Verkoop '24", [["2024-03-01", "A", 15000, "21"], ["2024-10-01", "B", 7000, "21"]]);
    const y25 = yearSheet("Verkoop '25", [["2025-03-01", "C", 5000, "21"]]);
    const { summary, from } = summarizeWithSheets(y25, [y24, y25], { today: TODAY });
    expect(from?.sheet).toBe("Verkoop '24");
    expect([summary.previousYearCents, summary.verdict]).toEqual([2_200_000, "not-eligible"]);
    expect(summary.problems.some((p) => p.code === "sheet-name-without-year")).toBe(false);
  });
});

describe("a sheet named by the year it started, read whole (the pane) and by years (kor-check)", () => {
  // "Verkoop sinds 2021" holds 2021 through 2024 (2024: €22,000); "2025" holds €5,000. The name names 2021, a year
  // the sheet holds: it lends its 2024 to the 2025 report, whether or not the reader kept the 2021 rows.
  const SINDS: Line[] = [
    ["2021-05-01", "A", 3000, "21"],
    ["2022-05-01", "A", 4000, "21"],
    ["2023-05-01", "A", 5000, "21"],
    ["2024-03-01", "B", 15000, "21"],
    ["2024-10-01", "C", 7000, "21"],
  ];
  const Y25: Line[] = [["2025-03-01", "D", 5000, "21"]];

  it("the year report of an opened file (analyze): 2024 from the sheet, not eligible", () => {
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "2025", origin: "sheet", tableName: null, values: sheetCells(Y25),
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, [yearSheet("Verkoop sinds 2021", SINDS)]);
    expect([a.previousYearSheet, a.summary.previousYearCents, a.summary.verdict]).toEqual(["Verkoop sinds 2021", 2_200_000, "not-eligible"]);
  });

  it("kor-check: the same", async () => {
    const tmp = tempDir("kor-review1-");
    try {
      const file = path.join(tmp.dir, "sinds.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, { "Verkoop sinds 2021": SINDS, "2025": Y25 }));
      const { stdout } = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; verdict: string; previousYear: number | null; previousYearSheet: string | null; problems: { code: string }[] }[];
      const i = items.find((x) => x.sheet === "2025")!;
      expect([i.previousYearSheet, i.previousYear, i.verdict]).toEqual(["Verkoop sinds 2021", 22000, "not-eligible"]);
      expect(i.problems.some((p) => p.code === "sheet-name-without-year")).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });

  it("the year report in Excel (readOtherLists keeps 2023 on): the same", async () => {
    const defs = [{ name: "Verkoop sinds 2021", cells: sheetCells(SINDS) }, { name: "2025", cells: sheetCells(Y25) }];
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-2}", 2023);
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "2025", origin: "sheet", tableName: null, values: defs[1].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, others);
    expect([a.previousYearSheet, a.summary.previousYearCents, a.summary.verdict]).toEqual(["Verkoop sinds 2021", 2_200_000, "not-eligible"]);
  });

  it("All sheets in Excel: the same", async () => {
    const { context } = fakeContext([{ name: "Verkoop sinds 2021", cells: sheetCells(SINDS) }, { name: "2025", cells: sheetCells(Y25) }]);
    const { units } = await readAllSheets(context, { keepFrom: 2023 });
    const line = buildOverview(units, EMPTY_GROUPING, { today: TODAY }).find((l) => l.label === "2025")!;
    expect([line.previousYearSheet, line.previousYearCents, line.verdict]).toEqual(["Verkoop sinds 2021", 2_200_000, "not-eligible"]);
  });
});

describe("a year only in an Excel table's name (kor-check and an opened file see no tables)", () => {
  // Worksheet "Blad1" holds one table "Omzet2024" (2024: €22,000); worksheet "2025" holds €5,000. kor-check reads
  // "Blad1", whose name names no year: 2024 is not taken, and a note says so. Excel reads "Blad1 › Omzet2024": the
  // same answer.
  const Y24: Line[] = [["2024-03-01", "B", 15000, "21"], ["2024-10-01", "C", 7000, "21"]];
  const Y25: Line[] = [["2025-03-01", "D", 5000, "21"]];
  const defs = [
    { name: "Blad1", cells: sheetCells(Y24), tables: [{ name: "Omzet2024", row: 0, col: 0, rows: 3, cols: 4 }] },
    { name: "2025", cells: sheetCells(Y25) },
  ];
  const answer = [null, 0, "assumed-zero", "eligible", true];

  it("kor-check", async () => {
    const tmp = tempDir("kor-review1-");
    try {
      const file = path.join(tmp.dir, "tabel.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, { Blad1: Y24, "2025": Y25 }));
      const items = JSON.parse((await runCli([file, "--format", "json", "--lang", "en"], TODAY)).stdout) as { sheet: string; verdict: string; previousYear: number | null; previousYearBasis: string; previousYearSheet: string | null; problems: { code: string }[] }[];
      const i = items.find((x) => x.sheet === "2025")!;
      expect([i.previousYearSheet, i.previousYear, i.previousYearBasis, i.verdict, i.problems.some((p) => p.code === "sheet-name-without-year")]).toEqual(answer);
    } finally {
      tmp.cleanup();
    }
  });

  it("the year report in Excel", async () => {
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-2}", 2023);
    expect(others.map((o) => o.sheet)).toEqual(["Blad1 › Omzet2024"]);
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "2025", origin: "sheet", tableName: null, values: defs[1].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, others);
    const s = a.summary;
    expect([a.previousYearSheet, s.previousYearCents, s.previousYearBasis, s.verdict, s.problems.some((p) => p.code === "sheet-name-without-year")]).toEqual(answer);
    // The note names the worksheet, whose name it is about, as kor-check's does.
    expect(s.problems.find((p) => p.code === "sheet-name-without-year")?.message.en).toMatch(/^Sheet "Blad1" has turnover of 2024, but its name names no year/);
  });

  it("All sheets in Excel", async () => {
    const { context } = fakeContext(defs);
    const { units } = await readAllSheets(context, { keepFrom: 2023 });
    const l = buildOverview(units, EMPTY_GROUPING, { today: TODAY }).find((x) => x.label === "2025")!;
    expect([l.previousYearSheet, l.previousYearCents, l.previousYearBasis, l.verdict, l.problems.some((p) => p.code === "sheet-name-without-year")]).toEqual(answer);
  });
});
