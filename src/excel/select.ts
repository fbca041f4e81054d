/** Selecting the rows a warning points at, so the user sees them in the sheet. One sync. */
import { columnLetter } from "../reading/headers";

/** Most rows selected at once; Excel's address strings for a multi-area selection are limited. */
export const MAX_SELECTED_ROWS = 200;

/** "A2:H4,A9:H9": contiguous sheet rows merged, columns from `firstColumn` over `columnCount` columns. */
export function rowsAddress(rows: readonly number[], firstColumn: number, columnCount: number): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b).slice(0, MAX_SELECTED_ROWS);
  const a = columnLetter(firstColumn);
  const b = columnLetter(firstColumn + Math.max(1, columnCount) - 1);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(`${a}${sorted[i]}:${b}${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/**
 * Activates the sheet with id `sheetKey` and selects the given sheet rows over `columnCount` columns from
 * `firstColumn`: the invoice columns, or (columnCount 1) the offending cells of one column, which Excel then
 * scrolls into view.
 */
export async function selectRows(
  context: Excel.RequestContext,
  sheetKey: string,
  rows: readonly number[],
  firstColumn: number,
  columnCount: number,
): Promise<void> {
  if (rows.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(sheetKey);
  sheet.activate();
  sheet.getRanges(rowsAddress(rows, firstColumn, columnCount)).select();
  await context.sync();
}

/**
 * Shows an invoice list: activates the sheet (by id, else by name) and, for an Excel table, selects the
 * table's range, so reading "the table around the selection, else the active sheet" finds that list. One sync.
 */
export async function activateList(context: Excel.RequestContext, sheetKey: string, tableName: string | null): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetKey);
  sheet.activate();
  if (tableName !== null) sheet.tables.getItem(tableName).getRange().select();
  await context.sync();
}
