import * as path from "path";
import ExcelJS from "exceljs";
import { plainCellValue } from "../../src/taskpane/browser/files";
import { SAMPLE_FILE_NAME, sampleValues } from "../../src/taskpane/browser/sample";
import { readTable } from "../../src/reading/headers";

describe("assets/sample-invoices.xlsx", () => {
  it("holds exactly the sample rows (regenerate with `node scripts/make-sample.js`)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.resolve(__dirname, "..", "..", "assets", SAMPLE_FILE_NAME));
    const ws = wb.worksheets[0];
    const values: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(plainCellValue(ws.getRow(r).getCell(c).value));
      values.push(row);
    }
    const fromFile = readTable(values);
    const fromCode = readTable(sampleValues());
    expect(fromFile.rows).toEqual(fromCode.rows);
    expect(fromFile.problems).toEqual(fromCode.problems);
  });
});
