/**
 * How a view asks the pane to show another view. Views cannot switch tabs themselves (the tab list lives in
 * App.tsx); App passes a `PaneNavigation` in the view props.
 */

/** The invoice list whose yearly report should be shown: a worksheet, or one Excel table on it. */
export interface ReportTarget {
  /** Worksheet id (stable across renames); null when only the name is known. */
  readonly sheetId: string | null;
  readonly sheetName: string;
  /** Excel table name when the list is a table (its range is selected so the report reads that table). */
  readonly table?: string | null;
}

export interface PaneNavigation {
  /**
   * Shows the year report of `target`: in Excel the sheet is activated first (and the table selected), then
   * the year-report tab is selected, which reads the active sheet. In browser mode only the tab switches.
   * Rejects (and stays on the current tab) when the sheet cannot be activated, e.g. it was deleted.
   */
  openYearReport(target: ReportTarget): Promise<void>;
}

/** For views rendered outside the pane (tests): navigation does nothing. */
export const NO_NAVIGATION: PaneNavigation = { openYearReport: () => Promise.resolve() };
