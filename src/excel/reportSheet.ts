/**
 * "Write report to sheet": creates or refreshes a sheet of its own ("KOR 2026") with the year report as a
 * formatted table and a native line chart of cumulative countable turnover against the threshold.
 *
 * Never touches the user's cells: the sheet is marked with a worksheet custom property when created, and
 * a sheet with the same name but without that mark is refused, not overwritten. Syncs: one to look for
 * the sheet, one more when it exists (its mark and old charts: methods are not called on a null object),
 * and one for the whole write (values in one 2-D array, formats, chart) with calculation suspended.
 */
import type { Lang } from "../i18n/types";
import type { YearSummary } from "../rules/summary-types";
import { S, tPlain as t } from "../taskpane/strings";
import { buildReport, REPORT_WIDTH } from "./reportContent";
import { asTextCells, markWrittenArea, openOwnSheet } from "./ownSheet";

/** Marks (under OWN_SHEET_MARK_KEY, src/excel/ownSheet.ts) a year-report sheet made by this add-in. */
export const REPORT_MARK_VALUE = "year-report";

/**
 * "edited": the sheet is the add-in's, but the user put values outside the area it wrote; nothing was
 * changed. Ask, then call again with `replaceEdited`.
 */
export type WriteResult = { kind: "written"; sheetName: string } | { kind: "refused"; sheetName: string } | { kind: "edited"; sheetName: string };

export interface WriteOptions {
  /** The user agreed to replace an own sheet that they edited outside the report's area. */
  readonly replaceEdited?: boolean;
  /** The workbook's sheet the previous year was taken from (a sheet per year), named in the report. */
  readonly previousYearSheet?: string | null;
  /** Ask the workbook its date system (ExcelApi 1.2), so the dates are written in it. Default true. */
  readonly probeDateSystem?: boolean;
}

export function reportSheetName(year: number, lang: Lang): string {
  return t(lang, S.reportSheetName(year));
}

export async function writeReportSheet(
  context: Excel.RequestContext,
  summary: YearSummary,
  lang: Lang,
  sourceName: string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const name = reportSheetName(summary.year, lang);
  const own = await openOwnSheet(context, name, REPORT_MARK_VALUE, options);
  if (own.kind !== "open") return { kind: own.kind, sheetName: name };
  const sheet = own.sheet;

  // Dates as serials of the workbook's own system (a 1904 workbook would show a 1900 serial 4 years late).
  const content = buildReport(summary, lang, sourceName, options.previousYearSheet ?? null, own.dateSerialOffset);
  const rows = content.values.length;
  const all = sheet.getRangeByIndexes(0, 0, rows, REPORT_WIDTH);
  // Formats first: a text cell is formatted as text before its value arrives, so it never becomes a formula.
  const cells = asTextCells(content.values, content.formats);
  all.numberFormat = cells.formats;
  all.values = cells.values;
  markWrittenArea(sheet, rows, REPORT_WIDTH);
  all.format.wrapText = false;
  all.format.verticalAlignment = "Top";

  const title = sheet.getRangeByIndexes(content.titleRow, 0, 1, REPORT_WIDTH);
  title.format.font.bold = true;
  title.format.font.size = 16;
  for (const r of content.headingRows) {
    const h = sheet.getRangeByIndexes(r, 0, 1, REPORT_WIDTH);
    h.format.font.bold = true;
    h.format.font.size = 13;
  }
  for (const r of content.tableHeaderRows) {
    const h = sheet.getRangeByIndexes(r, 0, 1, REPORT_WIDTH);
    h.format.font.bold = true;
    h.format.fill.color = "#DCE6F2";
    h.format.borders.getItem("EdgeBottom").style = "Continuous";
  }
  sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 190;
  sheet.getRangeByIndexes(0, 1, 1, REPORT_WIDTH - 1).format.columnWidth = 95;

  const { headerRow, lastRow, crossingPoint } = content.chart;
  if (lastRow > headerRow) {
    const data = sheet.getRangeByIndexes(headerRow, 0, lastRow - headerRow + 1, 3);
    const chart = sheet.charts.add("LineMarkers", data, "Columns");
    chart.name = "KorCumulative";
    chart.title.text = t(lang, S.report.chartTitle(summary.year));
    chart.legend.position = "Bottom";
    chart.setPosition(sheet.getRangeByIndexes(0, REPORT_WIDTH + 1, 1, 1), sheet.getRangeByIndexes(18, REPORT_WIDTH + 7, 1, 1));
    const threshold = chart.series.getItemAt(1);
    threshold.format.line.color = "#C50F1F";
    threshold.format.line.lineStyle = "Dash";
    threshold.markerStyle = "None";
    if (crossingPoint !== null) {
      const point = chart.series.getItemAt(0).points.getItemAt(crossingPoint);
      point.hasDataLabel = true;
      point.markerStyle = "Diamond";
      point.markerSize = 10;
    }
  }
  sheet.activate();
  await context.sync(); // 2: the whole write
  return { kind: "written", sheetName: name };
}
