/**
 * An ISO date cell (`t="d"`, `<v>2026-04-01T00:00:00Z</v>`: valid OOXML, written by some tools, never by
 * Excel's default save) as the calendar day it names. Shared by kor-check's sheet reader (src/cli/sheetRows.ts)
 * and the panel's Open file (src/taskpane/browser/files.ts), which must read such a cell alike.
 *
 * Pure: no exceljs, no DOM; works in the page, a Web Worker and Node alike.
 */
import { dayFromYmd, isValidYmd, isoFromDay } from "../rules/dates";

const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;

/**
 * An ISO date cell's text (its `<v>`, unescaped) as the calendar day it names, as text (`2026-04-01`): the
 * reading layer reads it as that day, with no time zone in between (the date part is the day as written; a
 * time is ignored), and never moves text by a 1904 workbook's offset. Text that is not such a date is handed
 * over as it is, so the reader reports it.
 */
export function isoDateCell(text: string): string {
  const m = ISO_DAY.exec(text);
  if (m === null) return text;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? isoFromDay(dayFromYmd(y, mo, d)) : text;
}
