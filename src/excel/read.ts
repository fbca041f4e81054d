/**
 * Reading the invoice data from the workbook with a fixed, small number of `context.sync()` calls.
 *
 * Where: the Excel table around the selection, else the active sheet's used range (values only).
 * Sync 1 finds it; for a used range that fits in one request, sync 2 reads all its values and we are done
 * (2 syncs however many rows). A table costs one sync more (its size is only known after sync 1).
 * A large area (more cells than MAX_CELLS_PER_SYNC) is read as the header block first, then only the
 * chosen columns, in row blocks: Excel on the web limits a request/response to 5 MB and a read to 5 million
 * cells, so each further sync carries at most MAX_CELLS_PER_SYNC cells. That is one sync per block group,
 * by design; for sheets up to MAX_CELLS_PER_SYNC cells it never happens.
 */
import { HEADER_SEARCH_ROWS, detectColumns } from "../reading/headers";
import { OWN_SHEET_MARK_KEY } from "./ownSheet";
import { queueDateSystemProbe } from "./dateSystem";
import { type ColumnChoices, INVOICE_ROLES, type InvoiceSource } from "./source";

/** ~20 bytes per cell in the JSON response keeps a request well under Excel on the web's 5 MB limit. */
export const MAX_CELLS_PER_SYNC = 200_000;

export interface ReadOptions {
  /** The user's column choices for this sheet (used to read only those columns of a large sheet). */
  readonly choices?: ColumnChoices;
  /** Cells per sync; lower it in tests to exercise the block path. */
  readonly maxCellsPerSync?: number;
  /**
   * Recognise sheets this add-in made (report, overview: worksheet custom property OWN_SHEET_MARK_KEY, ExcelApi
   * 1.12) and return `addinSheet: true` without reading them. Default true; pass false on older hosts.
   */
  readonly recogniseAddinSheets?: boolean;
  /**
   * Ask the workbook its date system (src/excel/dateSystem.ts, ExcelApi 1.2) in the first sync, so a 1904
   * workbook's serials are read in that system (`InvoiceSource.date1904`). Default true; false: the 1900 system.
   */
  readonly probeDateSystem?: boolean;
}

export interface ReadInvoiceResult {
  /** null: the sheet is empty, or it is a sheet made by this add-in. */
  readonly source: InvoiceSource | null;
  readonly sheetName: string;
  /** The active sheet is a report or overview made by this add-in (not invoices). */
  readonly addinSheet?: boolean;
}

interface Area {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Reads the invoice area of the active sheet. Returns null when the sheet is empty. */
export async function readInvoiceSource(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadInvoiceResult> {
  try {
    return await readArea(context, options, true);
  } catch (e) {
    // getSelectedRange fails when a chart or shape is selected: read the sheet's used range instead.
    if (e instanceof Error && /select/i.test(`${e.message} ${(e as { code?: string }).code ?? ""}`)) return readArea(context, options, false);
    throw e;
  }
}

async function readArea(context: Excel.RequestContext, options: ReadOptions, useSelection: boolean): Promise<ReadInvoiceResult> {
  const budget = Math.max(1, options.maxCellsPerSync ?? MAX_CELLS_PER_SYNC);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name,id");
  const tables = useSelection ? context.workbook.getSelectedRange().getTables(false) : null;
  tables?.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const mark = options.recogniseAddinSheets === false ? null : sheet.customProperties.getItemOrNullObject(OWN_SHEET_MARK_KEY);
  mark?.load("value");
  const dateSystem = queueDateSystemProbe(context, options.probeDateSystem !== false);
  await context.sync(); // 1: where are the invoices, and in which date system?

  if (mark !== null && !mark.isNullObject) return { source: null, sheetName: sheet.name, addinSheet: true };
  const tableName = tables === null ? null : (tables.items.map((x) => x.name).find(() => true) ?? null);
  const base = { key: sheet.id, name: sheet.name, ...(dateSystem.offset() !== 0 ? { date1904: true as const } : {}) };
  let area: Area;
  let values: unknown[][] | null = null;
  let header: unknown[][] | null = null;
  if (tableName !== null) {
    const tbl = sheet.tables.getItem(tableName);
    tbl.load("showTotals");
    const range = tbl.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const head = tbl.getHeaderRowRange();
    head.load("values");
    await context.sync(); // 2 (tables only): the table's size and header row
    // A totals row ("Totaal" with a sum) is not an invoice: leave it out.
    area = { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount - (tbl.showTotals ? 1 : 0), columnCount: range.columnCount };
    header = head.values;
  } else if (used.isNullObject) {
    return { source: null, sheetName: sheet.name };
  } else {
    area = used;
  }

  const cells = area.rowCount * area.columnCount;
  if (cells <= budget) {
    const all = sheet.getRangeByIndexes(area.rowIndex, area.columnIndex, area.rowCount, area.columnCount);
    all.load("values");
    await context.sync(); // 2 (3 for a table): every value
    values = all.values;
    return {
      source: { ...base, origin: tableName === null ? "sheet" : "table", tableName, values, rowOffset: area.rowIndex, columnOffset: area.columnIndex, headerRowIndex: null, partial: false },
      sheetName: sheet.name,
    };
  }

  // Large area: the header block first (unless the table gave it), then the needed columns in row blocks.
  const headRows = Math.min(area.rowCount, HEADER_SEARCH_ROWS);
  if (header === null) {
    const block = sheet.getRangeByIndexes(area.rowIndex, area.columnIndex, headRows, area.columnCount);
    block.load("values");
    await context.sync();
    header = block.values;
  }
  const headerRowIndex = findHeader(header);
  const detected = headerRowIndex === null ? {} : detectColumns(header[headerRowIndex]);
  const columns: number[] = [];
  for (const role of INVOICE_ROLES) {
    const chosen = options.choices?.[role];
    const col = chosen === undefined ? detected[role] : chosen;
    if (col !== null && col !== undefined && col >= 0 && col < area.columnCount && !columns.includes(col)) columns.push(col);
  }
  values = new Array<unknown[]>(area.rowCount);
  for (let r = 0; r < area.rowCount; r++) values[r] = r < header.length ? [...header[r]] : new Array<unknown>(area.columnCount);
  if (columns.length > 0) await readColumnBlocks(context, sheet, area, columns, header.length, budget, values);
  return {
    source: { ...base, origin: tableName === null ? "sheet" : "table", tableName, values, rowOffset: area.rowIndex, columnOffset: area.columnIndex, headerRowIndex, partial: true },
    sheetName: sheet.name,
  };
}

function findHeader(header: readonly (readonly unknown[])[]): number | null {
  for (let r = 0; r < header.length; r++) {
    const c = detectColumns(header[r]);
    if (c.date !== undefined && c.amount !== undefined) return r;
  }
  return null;
}

/**
 * Reads `columns` from row `firstRow` of the area to its end. All blocks are queued up front; they are
 * synced in groups of at most `budget` cells, one sync per group (sequential by recursion: each group's
 * response must stay under the web's 5 MB limit, so they cannot share one sync).
 */
async function readColumnBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area,
  columns: readonly number[],
  firstRow: number,
  budget: number,
  into: unknown[][],
): Promise<void> {
  const rowsPerGroup = Math.max(1, Math.floor(budget / columns.length));
  const groups: { start: number; count: number }[] = [];
  for (let start = firstRow; start < area.rowCount; start += rowsPerGroup) {
    groups.push({ start, count: Math.min(rowsPerGroup, area.rowCount - start) });
  }
  const readGroup = async (g: number): Promise<void> => {
    if (g >= groups.length) return;
    const { start, count } = groups[g];
    const ranges = columns.map((col) => {
      const r = sheet.getRangeByIndexes(area.rowIndex + start, area.columnIndex + col, count, 1);
      r.load("values");
      return { col, r };
    });
    await context.sync();
    for (const { col, r } of ranges) {
      const v = r.values;
      for (let i = 0; i < count; i++) into[start + i][col] = v[i][0];
    }
    await readGroup(g + 1);
  };
  await readGroup(0);
}
