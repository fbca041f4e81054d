/**
 * "Write overview to sheet": the same rules as the yearly report (src/excel/reportSheet.ts). The overview
 * goes on a sheet of its own; the user's cells are never changed; a sheet with the overview's name that the
 * add-in did not create (no worksheet custom property mark) is refused, never overwritten.
 * Syncs: one to look for the sheet, one more when it exists (its mark), one for the whole write.
 */
import type { Lang } from "../i18n/types";
import type { Day } from "../rules/dates";
import type { OverviewRow } from "../bulk/overview";
import type { WriteOptions, WriteResult } from "./reportSheet";
import { asTextCells, markWrittenArea, openOwnSheet } from "./ownSheet";
import { buildOverviewContent, OVERVIEW_WIDTH } from "./overviewContent";

export const OVERVIEW_MARK_VALUE = "overview";

export function overviewSheetName(lang: Lang): string {
  return lang === "nl" ? "KOR overzicht" : "KOR overview";
}

export async function writeOverviewSheet(
  context: Excel.RequestContext,
  lines: readonly OverviewRow[],
  lang: Lang,
  today: Day,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const name = overviewSheetName(lang);
  const own = await openOwnSheet(context, name, OVERVIEW_MARK_VALUE, options);
  if (own.kind !== "open") return { kind: own.kind, sheetName: name };
  const sheet = own.sheet;
  // Dates as serials of the workbook's own system (a 1904 workbook would show a 1900 serial 4 years late).
  const content = buildOverviewContent(lines, lang, today, own.dateSerialOffset);
  const all = sheet.getRangeByIndexes(0, 0, content.values.length, OVERVIEW_WIDTH);
  // Formats first: group names and labels travel with a received workbook and must never become formulas.
  const cells = asTextCells(content.values, content.formats);
  all.numberFormat = cells.formats;
  all.values = cells.values;
  markWrittenArea(sheet, content.values.length, OVERVIEW_WIDTH);
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.size = 16;
  const header = sheet.getRangeByIndexes(content.headerRow, 0, 1, OVERVIEW_WIDTH);
  header.format.font.bold = true;
  header.format.fill.color = "#DCE6F2";
  header.format.borders.getItem("EdgeBottom").style = "Continuous";
  sheet.getRangeByIndexes(content.headerRow, 0, content.values.length - content.headerRow, OVERVIEW_WIDTH).format.autofitColumns();
  sheet.freezePanes.freezeRows(content.headerRow + 1);
  sheet.activate();
  await context.sync(); // 3: the whole write
  return { kind: "written", sheetName: name };
}
