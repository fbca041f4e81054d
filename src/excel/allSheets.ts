/**
 * "All sheets": reads every worksheet (and every Excel table) that looks like an invoice list, with a fixed
 * small number of `context.sync()` calls:
 *
 *   1. the worksheets;
 *   2. each sheet's used range (size only) and its tables;
 *   3. each table's range (size only) and the first 10 rows of each sheet without tables, to skip sheets
 *      that are no invoice list before reading them;
 *   4… the values, in row blocks packed into as few syncs as the cell budget allows (Excel on the web: 5 MB
 *      per response, 5 million cells per read), e.g. 200 sheets × 5,000 rows × 4 columns = 20 value syncs.
 *
 * A sheet with Excel tables is checked table by table; a sheet without tables by its used range. The cells
 * go through the same header detection and row reader as everywhere (via TableStream), and only the rows of
 * the year to check and the year before are kept (YearWindow).
 */
import { unitLabel, type CheckedUnit } from "../bulk/overview";
import type { YearSheet } from "../bulk/sheetYears";
import { TableStream } from "../bulk/tableStream";
import { YearWindow } from "../bulk/yearWindow";
import { HEADER_SEARCH_ROWS, looksLikeInvoiceTable } from "../reading/headers";
import { codeMappingNote, codesWithFallback, savedCodeMapping, type CodeMapping, type CodeMappingEntry } from "../reading/codeMapping";
import { queueDateSystemProbe } from "./dateSystem";
import { choosesDateAndAmount, columnsOption, type ColumnChoices } from "./source";

/** ~20 bytes per cell in the JSON response keeps each sync well under Excel on the web's 5 MB. */
export const ALL_SHEETS_CELLS_PER_SYNC = 200_000;

export interface AllSheetsOptions {
  /** One year for every sheet; null = each sheet's default year (the latest not after `todayYear`: defaultDataYear). */
  readonly year?: number | null;
  /** The year of today: without `year`, a row of a later year does not make older years' rows go (YearWindow). */
  readonly todayYear?: number | null;
  /**
   * Rows of this year and later are always kept (the year of today − 3, or a participant's start:
   * src/taskpane/participation.ts allSheetsKeepFrom), so each sheet's data-aware next start sees recent
   * crossings (see YearWindow). null/omitted: only the checked year and the one before.
   */
  readonly keepFrom?: number | null;
  /** Cells per value sync; lower it in tests to exercise the packing. */
  readonly maxCellsPerSync?: number;
  /** Called after each sync with (syncs done, value syncs planned or 0 while still planning). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Ask the workbook its date system in sync 1 (src/excel/dateSystem.ts, ExcelApi 1.2). Default true. */
  readonly probeDateSystem?: boolean;
  /**
   * The code table (a firm's own codes → categories) to read a worksheet's lists with, by worksheet id: the one
   * its year report uses (SheetSettings.codes, src/excel/settings.ts), so a line agrees with that report. A
   * list read with a table gets the code-mapping note. Omitted or null: no code table.
   */
  readonly codesOf?: (sheetId: string) => CodeMapping | null;
  /**
   * The columns the user chose in a worksheet's year report (SheetSettings.columns), by worksheet id: applied to
   * a worksheet without tables (the used range that report reads), so a line agrees with it; such a list with a
   * chosen date and amount column is read even when its header is not recognised. To a worksheet's one table only
   * when it starts in the used range's first column; never to one of several tables: the report may have read any
   * of them, or the used range around them (src/excel/read.ts).
   */
  readonly columnsOf?: (sheetId: string) => ColumnChoices | undefined;
}

export interface AllSheetsResult {
  readonly units: CheckedUnit[];
  /** Worksheets looked at that hold no invoice list (empty, or no header with a date and an amount). */
  readonly skipped: readonly { readonly sheet: string; readonly table: string | null }[];
  readonly syncs: number;
  /** The workbook counts dates in the 1904 date system (src/excel/dateSystem.ts): its serials were read so. */
  readonly date1904: boolean;
}

interface Area {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface Unit {
  readonly id: string;
  readonly sheet: Excel.Worksheet;
  readonly sheetName: string;
  readonly table: string | null;
  /**
   * The worksheet id whose year report's typed previous year is this list's: a worksheet without tables (its
   * used range) or with one table (the report read that table or the range around it: one business either way).
   */
  readonly reportOf: string | null;
  /**
   * Whether that report's chosen columns fit this list: its used range, or its one table when the table starts in
   * the used range's first column (the column positions are then the same whichever of the two the report read).
   */
  readonly columnsFit: boolean;
  readonly area: Area;
  /** Rows already read (the header probe), pushed before the blocks. */
  readonly firstRows: unknown[][];
}

interface Chunk {
  readonly unit: number;
  /** Row within the unit's area. */
  readonly from: number;
  readonly rows: number;
}

/** Packs every unit's remaining rows into syncs of at most `budget` cells (a chunk never crosses a sync). */
export function planChunks(units: readonly { area: Area; firstRows: readonly unknown[][] }[], budget: number): Chunk[][] {
  const syncs: Chunk[][] = [];
  let current: Chunk[] = [];
  let left = budget;
  units.forEach((u, i) => {
    const width = Math.max(1, u.area.columnCount);
    let from = u.firstRows.length;
    while (from < u.area.rowCount) {
      let rows = Math.min(u.area.rowCount - from, Math.floor(left / width));
      if (rows <= 0) {
        if (current.length > 0) syncs.push(current);
        current = [];
        left = budget;
        rows = Math.min(u.area.rowCount - from, Math.max(1, Math.floor(budget / width)));
      }
      current.push({ unit: i, from, rows });
      left -= rows * width;
      from += rows;
    }
  });
  if (current.length > 0) syncs.push(current);
  return syncs;
}

export async function readAllSheets(context: Excel.RequestContext, options: AllSheetsOptions = {}): Promise<AllSheetsResult> {
  const budget = Math.max(1, options.maxCellsPerSync ?? ALL_SHEETS_CELLS_PER_SYNC);
  const progress = options.onProgress ?? (() => undefined);
  let syncs = 0;

  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const dateSystem = queueDateSystemProbe(context, options.probeDateSystem !== false);
  await context.sync(); // 1: the sheets, and the workbook's date system
  // A 1904 workbook's serials are read in that system: the stream shifts the date column's numbers.
  const dateSerialOffset = dateSystem.offset();
  progress(++syncs, 0);

  const visible = sheets.items.filter((s) => s.visibility === "Visible");
  const used = visible.map((s) => {
    const u = s.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    s.tables.load("items/name,items/id");
    return u;
  });
  await context.sync(); // 2: used ranges and tables
  progress(++syncs, 0);

  const tableRanges: { sheet: number; name: string; id: string; range: Excel.Range }[] = [];
  const probes: { sheet: number; area: Area; range: Excel.Range }[] = [];
  const skipped: { sheet: string; table: string | null }[] = [];
  visible.forEach((s, i) => {
    if (s.tables.items.length > 0) {
      for (const table of s.tables.items) {
        const range = table.getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        tableRanges.push({ sheet: i, name: table.name, id: table.id, range });
      }
    } else if (used[i].isNullObject) {
      skipped.push({ sheet: s.name, table: null });
    } else {
      const u = used[i];
      const area = { rowIndex: u.rowIndex, columnIndex: u.columnIndex, rowCount: u.rowCount, columnCount: u.columnCount };
      const range = s.getRangeByIndexes(area.rowIndex, area.columnIndex, Math.min(HEADER_SEARCH_ROWS, area.rowCount), area.columnCount);
      range.load("values");
      probes.push({ sheet: i, area, range });
    }
  });
  await context.sync(); // 3: table sizes, first rows of the other sheets
  progress(++syncs, 0);

  // Units in workbook order: per sheet, its tables or its used range.
  const units: Unit[] = [];
  visible.forEach((s, i) => {
    const tables = tableRanges.filter((x) => x.sheet === i);
    tables.forEach((t) => {
      const r = t.range;
      // The year report of a worksheet with tables reads the table under the selection, or the used range
      // (src/excel/read.ts), and keeps its choices per worksheet: with several tables, which one they belong
      // to is not known.
      const one = tables.length === 1;
      units.push({
        id: `${s.id}/${t.id}`,
        sheet: s,
        sheetName: s.name,
        table: t.name,
        reportOf: one ? s.id : null,
        columnsFit: one && !used[i].isNullObject && used[i].columnIndex === r.columnIndex,
        area: { rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount },
        firstRows: [],
      });
    });
    const probe = probes.find((p) => p.sheet === i);
    if (probe !== undefined) {
      const values = probe.range.values as unknown[][];
      // A header not recognised is still a list when the user chose its date and amount columns in its year report.
      if (looksLikeInvoiceTable(values) || choosesDateAndAmount(options.columnsOf?.(s.id))) {
        units.push({ id: s.id, sheet: s, sheetName: s.name, table: null, reportOf: s.id, columnsFit: true, area: probe.area, firstRows: values });
      } else {
        skipped.push({ sheet: s.name, table: null });
      }
    }
  });

  const windows = units.map(() => new YearWindow(options.year ?? null, undefined, options.keepFrom ?? null, false, options.todayYear ?? null));
  // Asked once per worksheet: its tables share its code table.
  const mappings = new Map<string, CodeMapping | null>();
  const mappingOf = (u: Unit): CodeMapping | null => {
    const id = u.id.split("/")[0];
    if (!mappings.has(id)) mappings.set(id, options.codesOf?.(id) ?? null);
    return mappings.get(id) ?? null;
  };
  const streams = units.map(
    (u, i) =>
      new TableStream({ rows: (rows) => windows[i].addRows(rows), problems: (p) => windows[i].addProblems(p) }, undefined, dateSerialOffset, {
        codes: mappingOf(u)?.map ?? null,
        // The columns chosen in the year report of this list, as that report reads it.
        ...(u.reportOf !== null && u.columnsFit && options.columnsOf !== undefined ? { columns: columnsOption(options.columnsOf(u.reportOf)) } : {}),
      }),
  );
  units.forEach((u, i) => {
    u.firstRows.forEach((row, r) => streams[i].push(row, u.area.rowIndex + r + 1));
  });

  const plan = planChunks(units, budget);
  for (const batch of plan) {
    const ranges = batch.map((c) => {
      const u = units[c.unit];
      const range = u.sheet.getRangeByIndexes(u.area.rowIndex + c.from, u.area.columnIndex, c.rows, u.area.columnCount);
      range.load("values");
      return range;
    });
    // One sync per batch of blocks, by design: each batch is a full request within the payload limits.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    progress(++syncs, plan.length + 3);
    batch.forEach((c, k) => {
      const values = ranges[k].values as unknown[][];
      const u = units[c.unit];
      for (let r = 0; r < values.length; r++) streams[c.unit].push(values[r], u.area.rowIndex + c.from + r + 1);
    });
  }

  const result: CheckedUnit[] = [];
  units.forEach((u, i) => {
    const stream = streams[i];
    stream.end();
    if (stream.state === "rejected") {
      skipped.push({ sheet: u.sheetName, table: u.table });
      return;
    }
    const mapping = mappingOf(u);
    // Undated, so kept whatever year the line shows (as the year report and kor-check give it).
    const note = mapping !== null && mapping.entries.length > 0 ? [codeMappingNote(mapping)] : [];
    result.push({
      id: u.id, sheet: u.sheetName, table: u.table, rows: windows[i].rows(), problems: [...note, ...windows[i].problems()], droppedCountry: windows[i].droppedCountry, yearsRead: windows[i].yearsRead(),
      ...(u.reportOf !== null ? { settingsKey: u.reportOf } : {}),
    });
  });
  return { units: result, skipped, syncs, date1904: dateSerialOffset !== 0 };
}

/**
 * The invoice lists on every visible sheet but the active one (`sheetKey`, its worksheet id), for the year
 * report's previous-year link: a workbook with a sheet per year is one business (src/bulk/sheetYears.ts).
 * Rows from `keepFrom` on are kept (the year before the report's year). `probeDateSystem`: as readAllSheets'.
 * `codesOf`: the code table per worksheet id (the report's sheet's, with the other sheet's own entries for
 * codes it does not name: src/reading/codeMapping.ts codesWithFallback). `columnsOf`: the columns chosen in each
 * worksheet's own year report, as readAllSheets' option.
 */
export async function readOtherLists(
  context: Excel.RequestContext,
  sheetKey: string,
  keepFrom: number,
  probeDateSystem = true,
  codesOf?: (sheetId: string) => CodeMapping | null,
  columnsOf?: (sheetId: string) => ColumnChoices | undefined,
): Promise<YearSheet[]> {
  const { units } = await readAllSheets(context, { keepFrom, probeDateSystem, ...(codesOf !== undefined ? { codesOf } : {}), ...(columnsOf !== undefined ? { columnsOf } : {}) });
  return units.filter((u) => u.id.split("/")[0] !== sheetKey).map((u) => ({
    sheet: unitLabel(u),
    rows: u.rows,
    problems: u.problems,
    ...(u.yearsRead !== undefined ? { yearsRead: u.yearsRead } : {}),
    ...(u.table !== null ? { worksheet: u.sheet } : {}),
  }));
}

/**
 * readOtherLists' `codesOf` for the year report of a sheet with code table `codes`: each other worksheet is read
 * with it, then with that worksheet's own saved entries (`savedCodesOf`, by worksheet id) for codes it does not
 * name (src/reading/codeMapping.ts codesWithFallback).
 */
export function previousYearCodesOf(
  codes: readonly CodeMappingEntry[] | undefined,
  savedCodesOf: (sheetId: string) => readonly CodeMappingEntry[] | undefined,
): (sheetId: string) => CodeMapping | null {
  return (sheetId) => savedCodeMapping(codesWithFallback(codes, savedCodesOf(sheetId)));
}
