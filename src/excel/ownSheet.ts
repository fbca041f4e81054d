/**
 * The add-in writes only to sheets of its own. Such a sheet carries a worksheet custom property (ExcelApi
 * 1.12) naming what it holds; a sheet with the same name but without that mark is the user's and is never
 * overwritten. One place for that rule, used by the year report and the overview.
 */

/** Worksheet custom property that marks a sheet as made by this add-in. */
export const OWN_SHEET_MARK_KEY = "KorForExcel";

/**
 * The sheet `name` ready to be (re)written, or null when a sheet of that name exists without the mark
 * `markValue` (refuse: it is not ours). An existing own sheet is cleared, its charts deleted; a missing one
 * is added and marked. Syncs: one to look for the sheet, one more when it exists (its mark and charts:
 * methods are not called on a null object). API calculation is suspended until the caller's next sync.
 */
export async function openOwnSheet(context: Excel.RequestContext, name: string, markValue: string): Promise<Excel.Worksheet | null> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  existing.load("name");
  await context.sync(); // 1: is there a sheet of that name?
  if (existing.isNullObject) {
    context.application.suspendApiCalculationUntilNextSync();
    const sheet = context.workbook.worksheets.add(name);
    sheet.customProperties.add(OWN_SHEET_MARK_KEY, markValue);
    return sheet;
  }
  const mark = existing.customProperties.getItemOrNullObject(OWN_SHEET_MARK_KEY);
  mark.load("value");
  const charts = existing.charts;
  charts.load("items/name");
  await context.sync(); // 2: is it ours?
  if (mark.isNullObject || mark.value !== markValue) return null;
  context.application.suspendApiCalculationUntilNextSync();
  existing.getRange().clear();
  for (const chart of charts.items) chart.delete();
  return existing;
}
