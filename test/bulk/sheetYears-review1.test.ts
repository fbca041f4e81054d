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
