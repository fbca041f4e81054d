/**
 * A workbook with a sheet per year for the sheet-per-year tests: each sheet has `header` and one row per line,
 * the first cell an ISO date written as a date cell.
 */
import * as ExcelJS from "exceljs";
import { d } from "../cli/fixtures";

export async function sheetBookXlsx(header: readonly string[], book: Record<string, readonly (readonly [string, ...unknown[]])[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, lines] of Object.entries(book)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([...header]);
    for (const [iso, ...rest] of lines) ws.addRow([d(iso), ...rest]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
