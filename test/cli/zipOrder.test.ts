/**
 * The .xlsx read part by part by kor-check itself (src/cli/zipOrder.ts): a workbook from exceljs' streaming
 * writer (the sheet before the shared strings, sizes after the data) reads every row every time, and a file
 * cut short fails. test/cli/xlsxParts.test.ts has the workbooks without shared strings and damaged zips.
 */
import * as path from "path";
import { readFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { readXlsx, workbookReader } from "../../src/cli/read";
import { tempDir, writeText } from "./fixtures";

// Reads on a shared two-core machine: give them room.
jest.setTimeout(120_000);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

/** Written as exceljs' streaming writer does: the sheet before the shared strings, sizes after the data. */
async function streamedWorkbook(file: string, rows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Factuurdatum", "Klant", "Bedrag excl. btw"]).commit();
  for (let i = 0; i < rows; i++) ws.addRow([45_700 + (i % 300), `Klant ${i % 7}`, 100 + i]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

describe("an .xlsx read part by part", () => {
  it("reads the same invoices from a streamed-writer workbook, sheet named, every row", async () => {
    const file = await streamedWorkbook(path.join(tmp.dir, "streamed-2.xlsx"), 3_000);
    for (let k = 0; k < 10; k++) {
      const read = await readXlsx(file, { year: null });
      expect(read.skipped).toEqual([]);
      expect(read.sheets.map((s) => [s.sheet, s.rowCount])).toEqual([["Facturen", 3_000]]);
    }
  });

  it("fails on a file cut short (it does not hang or read an empty sheet)", async () => {
    const file = await streamedWorkbook(path.join(tmp.dir, "whole.xlsx"), 500);
    const original = readFileSync(file);
    const cut = writeText(path.join(tmp.dir, "cut.xlsx"), original.subarray(0, Math.floor(original.length / 2)));
    await expect(readXlsx(cut, { year: null })).rejects.toBeDefined();
  });
});

describe("exceljs' streaming reader loaded on its own", () => {
  it("is the class the package exports as stream.xlsx.WorkbookReader (the module path is exceljs 4.4's)", () => {
    expect(workbookReader()).toBe(ExcelJS.stream.xlsx.WorkbookReader);
  });
});
