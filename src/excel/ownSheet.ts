/**
 * The add-in writes only to sheets of its own. Such a sheet carries a worksheet custom property (ExcelApi
 * 1.12) naming what it holds; a sheet with the same name but without that mark is the user's and is never
 * overwritten. One place for that rule, used by the year report and the overview.
 */
import { visibleControls } from "../i18n/safeText";
import { queueDateSystemProbe } from "./dateSystem";

/** Worksheet custom property that marks a sheet as made by this add-in. */
export const OWN_SHEET_MARK_KEY = "KorForExcel";

/**
 * Worksheet custom property with the area the add-in last wrote, "rows×columns" from A1 (e.g. "57x6"). A
 * value outside that area on the next write is the user's: the sheet is then not cleared without asking.
 */
export const OWN_SHEET_AREA_KEY = "KorForExcelArea";

export type OwnSheet =
  /**
   * `dateSerialOffset`: what to subtract from a 1900-system serial to write a date in the workbook's own
   * system (DATE_1904_OFFSET in a 1904 workbook, src/excel/dateSystem.ts), so a written date shows its day.
   */
  | { readonly kind: "open"; readonly sheet: Excel.Worksheet; readonly dateSerialOffset: number }
  /** A sheet of that name exists without our mark: it is the user's, never overwritten. */
  | { readonly kind: "refused" }
  /** Our sheet, but the user put values outside the area we wrote: ask before clearing it. */
  | { readonly kind: "edited" };

/** "57x6" → rows and columns; null for a missing or unreadable value (a sheet from an older version). */
function parseArea(value: string): { rows: number; cols: number } | null {
  const m = /^(\d+)x(\d+)$/.exec(value);
  return m === null ? null : { rows: Number(m[1]), cols: Number(m[2]) };
}

/** Records the area just written (call before the write's sync). */
export function markWrittenArea(sheet: Excel.Worksheet, rows: number, cols: number): void {
  sheet.customProperties.add(OWN_SHEET_AREA_KEY, `${rows}x${cols}`);
}

/**
 * Text cells get the text number format "@" (set before the values are written): Excel would otherwise read
 * a written string starting with "=", "+" or "-" as a formula or a number (a group name
 * `=WEBSERVICE(…)`, a label "-2025"). Their control and direction characters are shown as \uXXXX escapes.
 */
export function asTextCells<T extends string | number>(values: readonly (readonly T[])[], formats: readonly (readonly string[])[]): { values: (string | number)[][]; formats: string[][] } {
  return {
    values: values.map((row) => row.map((v) => (typeof v === "string" ? visibleControls(v) : v))),
    formats: formats.map((row, r) => row.map((f, c) => (typeof values[r][c] === "string" ? "@" : f))),
  };
}

/**
 * The sheet `name` ready to be (re)written, or why not: "refused" when a sheet of that name exists without
 * the mark `markValue` (it is not ours); "edited" when it is ours but holds values outside the area the
 * add-in last wrote and `replaceEdited` is not set (the caller asks the user first). An existing own sheet
 * is cleared, its charts deleted; a missing one is added and marked. Syncs: one to look for the sheet (and
 * ask the workbook its date system, unless `probeDateSystem` is false), one more when it exists (its mark,
 * area, used range and charts: methods are not called on a null object).
 * API calculation is suspended until the caller's next sync.
 */
export async function openOwnSheet(
  context: Excel.RequestContext,
  name: string,
  markValue: string,
  options: { readonly replaceEdited?: boolean; readonly probeDateSystem?: boolean } = {},
): Promise<OwnSheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  existing.load("name");
  const dateSystem = queueDateSystemProbe(context, options.probeDateSystem !== false);
  await context.sync(); // 1: is there a sheet of that name, and which date system does the workbook use?
  const dateSerialOffset = dateSystem.offset();
  if (existing.isNullObject) {
    context.application.suspendApiCalculationUntilNextSync();
    const sheet = context.workbook.worksheets.add(name);
    sheet.customProperties.add(OWN_SHEET_MARK_KEY, markValue);
    return { kind: "open", sheet, dateSerialOffset };
  }
  const mark = existing.customProperties.getItemOrNullObject(OWN_SHEET_MARK_KEY);
  mark.load("value");
  const area = existing.customProperties.getItemOrNullObject(OWN_SHEET_AREA_KEY);
  area.load("value");
  const used = existing.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const charts = existing.charts;
  charts.load("items/name");
  await context.sync(); // 2: is it ours, and did the user add anything outside our area?
  if (mark.isNullObject || mark.value !== markValue) return { kind: "refused" };
  const written = area.isNullObject ? null : parseArea(area.value);
  if (written !== null && !used.isNullObject && options.replaceEdited !== true) {
    const outside = used.rowIndex + used.rowCount > written.rows || used.columnIndex + used.columnCount > written.cols;
    if (outside) return { kind: "edited" };
  }
  context.application.suspendApiCalculationUntilNextSync();
  existing.getRange().clear();
  for (const chart of charts.items) chart.delete();
  return { kind: "open", sheet: existing, dateSerialOffset };
}
