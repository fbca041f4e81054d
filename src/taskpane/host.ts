/**
 * What a view needs from its surroundings, the same in Excel and in a plain browser. Excel mode reads the
 * open workbook (src/excel); browser mode reads the bundled sample or a file the user opens. Actions that
 * only make sense in Excel (select rows in the sheet, write a report sheet) are absent in browser mode,
 * and the views hide them.
 */
import type { Lang } from "../i18n/types";
import type { YearSummary } from "../rules/summary-types";
import type { WriteOptions, WriteResult } from "../excel/reportSheet";
import type { SettingsStore } from "../excel/settings";
import type { ColumnChoices, InvoiceSource } from "../excel/source";
import type { YearSheet } from "../bulk/sheetYears";
import type { CodeMappingEntry } from "../reading/codeMapping";
import type { FileProgress } from "./browser/files";

export interface ReadOutcome {
  /** null: the sheet is empty. */
  readonly source: InvoiceSource | null;
  readonly sheetName: string;
  /** The active sheet is a report or overview made by this add-in: the view keeps what it showed. */
  readonly addinSheet?: boolean;
}

export interface ExcelActions {
  /**
   * Selects sheet rows of `source` over `columnCount` columns from its column `fromColumn` (default its first);
   * with `columnCount` 1, the offending cells of one column. Excel scrolls the selection into view.
   */
  selectRows(source: InvoiceSource, rows: readonly number[], columnCount: number, fromColumn?: number): Promise<void>;
  /** Activates a sheet (by id or name) and, for an Excel table on it, selects the table. */
  showList(sheetKey: string, tableName: string | null): Promise<void>;
  /** Writes the report sheet; "edited" means the user changed it outside the report: ask, then pass replaceEdited. */
  writeReport(summary: YearSummary, lang: Lang, sourceName: string, options?: WriteOptions): Promise<WriteResult>;
  /**
   * Calls `listener` when the user switches sheets ("activated"), a cell changes on any sheet ("changed", with
   * the id of the worksheet it changed on), or a sheet is added, deleted or renamed ("sheets", where the host
   * has those events); resolves to an unsubscribe function.
   */
  onWorkbookEvent(listener: (event: WorkbookEvent, sheetId?: string) => void): Promise<() => void>;
  /**
   * The invoice lists of the workbook's other sheets (all but the worksheet `sheetKey`), rows from `keepFrom`
   * on: the year report takes the previous year from a sheet per year (src/bulk/sheetYears.ts). `codes`: the
   * report's sheet's code table; each other sheet is read with it, then with its own saved entries for codes it
   * does not name (src/reading/codeMapping.ts codesWithFallback).
   */
  readOtherLists?(sheetKey: string, keepFrom: number, codes?: readonly CodeMappingEntry[]): Promise<YearSheet[]>;
}

export type WorkbookEvent = "activated" | "changed" | "sheets";

export interface PaneHost {
  readonly mode: "excel" | "browser";
  readonly settings: SettingsStore;
  /** Reads the invoice data (in Excel: the selected table or the active sheet). */
  read(choices?: ColumnChoices): Promise<ReadOutcome>;
  /** Present in Excel only. */
  readonly excel: ExcelActions | null;
  /**
   * Browser mode only: from now on `read()` returns `source` (a file the user opened, or the sample again),
   * so every tab shows the same invoices and switching tabs keeps the file.
   */
  open?(source: InvoiceSource): void;
  /**
   * Browser mode: reads a file the user opened off the pane's thread (a Web Worker), calling `onProgress` as
   * it goes. Absent: the views read the file in the pane's thread.
   */
  readFile?(file: File, onProgress: (p: FileProgress) => void): Promise<InvoiceSource>;
}
