/**
 * The export fixtures in a workbook, checked with All sheets over the fake Excel: the same hand-worked answers
 * as kor-check and Open file. A CSV is pasted into a sheet (its text cells, as a paste keeps them); a
 * workbook's sheets hold what Excel's range.values gives (dates as serials, formulas as their cached values,
 * text-formatted cells as text, a merged title in its first cell).
 */
import * as os from "os";
import * as path from "path";
import { mkdtempSync, rmSync } from "fs";
import * as ExcelJS from "exceljs";
import { readAllSheets } from "../../src/excel/allSheets";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { dayFromIso, dayFromYmd, excelSerialFromDay } from "../../src/rules/dates";
import { decodeBytes, readCsvText } from "../../src/reading/csv";
import { plainCellValue } from "../../src/taskpane/browser/files";
import { EXPORT_FIXTURES, expectAnswer, type Expected, type ExportFixture } from "../fixtures/exports/fixtures";
import { fakeContext, type FakeSheetDef } from "./allSheets-fake";
import type { OverviewRow } from "../../src/bulk/overview";

const TODAY = dayFromIso("2026-01-15");
jest.setTimeout(30_000);

const single = EXPORT_FIXTURES.filter((f) => f.bytes !== undefined && f.args === undefined && f.expected.length === 1);
const workbooks = EXPORT_FIXTURES.filter((f) => f.workbook !== undefined && f.args === undefined);

function expectLine(line: OverviewRow | undefined, e: Expected): void {
  expect(line).toBeDefined();
  if (line !== undefined) expectAnswer(line, line.problems.map((p) => p.code), e);
}

describe.each(single.map((f) => [f.name, f] as const))("All sheets over %s", (_name, f) => {
  it("gives the hand-worked answer", async () => {
    const cells = readCsvText(decodeBytes(f.bytes?.() ?? Buffer.alloc(0)).text).records;
    const result = await readAllSheets(fakeContext([{ name: "Export", cells }]).context, { keepFrom: 2023 });
    const [line] = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    // A file's encoding is not a sheet's: pasted into Excel, the text is decoded already.
    const e = f.expected[0];
    expectLine(line, { ...e, problemCodes: e.problemCodes?.filter((c) => c !== "encoding-mixed") });
  });
});

/** A workbook's sheets as Excel's range.values gives them. */
async function sheetsOf(f: ExportFixture): Promise<FakeSheetDef[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kor-allsheets-"));
  try {
    const file = path.join(dir, f.fileName);
    await f.workbook?.(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets.map((ws) => {
      const cells: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const out: unknown[] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          // A merged area's other cells read as empty in Excel.
          const v = cell.isMerged && cell.master !== cell ? "" : plainCellValue(cell.value);
          out[c - 1] = v instanceof Date ? excelSerialFromDay(dayFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())) : v;
        });
        cells[r - 1] = Array.from(out, (v) => v ?? "");
      });
      return { name: ws.name, cells: Array.from(cells, (r) => r ?? []) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(workbooks.map((f) => [f.name, f] as const))("All sheets over the workbook %s", (_name, f) => {
  it("gives the hand-worked answer for every sheet", async () => {
    const result = await readAllSheets(fakeContext(await sheetsOf(f)).context, { keepFrom: 2023 });
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => l.label)).toEqual(f.expected.map((e) => e.sheet));
    f.expected.forEach((e) => expectLine(lines.find((l) => l.label === e.sheet), e));
  });
});
