/**
 * What the pane reads from a workbook (or a file in browser mode): the values of one invoice table with
 * where they sit on the sheet, so rows can be numbered and selected as sheet rows. No Office types here.
 */
import type { ColumnRole } from "../reading/headers";
import type { Localized } from "../i18n/types";
import type { Problem } from "../rules/types";
import { DATE_1904_OFFSET } from "../rules/dates";
import { date1904Read } from "../i18n/messages";

/** The columns the rules read. "customer" is detected by the reading layer but not used by the report. */
export type InvoiceRole = Exclude<ColumnRole, "customer" | "gross" | "debit" | "credit" | "side" | "currency" | "status" | "doctype" | "invoice">;
export const INVOICE_ROLES: readonly InvoiceRole[] = ["date", "amount", "category", "country", "vat"];

/** Column per role as a 0-based index into the values; null = "not used" (chosen by the user). */
export type ColumnChoices = Partial<Record<InvoiceRole, number | null>>;

/**
 * The user's column choices as the reading layer takes them (readTable / TableStream `columns`): a role chosen
 * as "not used" (null) is given as `undefined` explicitly, which overrides detection.
 */
export function columnsOption(choices: ColumnChoices | undefined): Partial<Record<ColumnRole, number | undefined>> {
  const out: Partial<Record<ColumnRole, number | undefined>> = {};
  if (!choices) return out;
  for (const role of INVOICE_ROLES) {
    const c = choices[role];
    if (c === null) out[role] = undefined; // overrides the detected column: not used
    else if (c !== undefined) out[role] = c;
  }
  return out;
}

/** Whether the user chose both a date and an amount column (a list then needs no header detection). */
export function choosesDateAndAmount(choices: ColumnChoices | undefined): boolean {
  return typeof choices?.date === "number" && typeof choices.amount === "number";
}

export interface InvoiceSource {
  /** Stable key for remembering choices: a worksheet id in Excel, "file:<name>" or "sample" in a browser. */
  readonly key: string;
  /** Sheet or file name, shown to the user as text (never as HTML). */
  readonly name: string;
  readonly origin: "table" | "sheet" | "file" | "sample";
  /** Excel table name when the selection is inside a table. */
  readonly tableName: string | null;
  /** Values as `range.values` gives them; columns that were not read are `undefined`. */
  readonly values: readonly (readonly unknown[])[];
  /** Sheet row of values[0] minus 1 (0 when the values start on row 1). */
  readonly rowOffset: number;
  /** 0-based sheet column of values[r][0]. */
  readonly columnOffset: number;
  /** The header row (all columns), for the column pickers; null when none was found. */
  readonly headerRowIndex: number | null;
  /** True when only some columns were read (a large sheet): changing a column choice needs a new read. */
  readonly partial: boolean;
  /** Problems found while reading the file itself (an unclosed quote in a CSV), shown with the rows' problems. */
  readonly fileProblems?: readonly Problem[];
  /** How reasons name a row when it is not a sheet row (an auditfile's invoice: reference and date). */
  readonly rowName?: (row: number) => Localized;
  /** Read from an auditfile: its entries take their category from their VAT code (src/reading/xaf.ts withAuditfileAdvice). */
  readonly auditfile?: true;
  /** The sheet's own name when `name` says more (an opened file: "omzet.xlsx – Omzet 2025" → "Omzet 2025"). */
  readonly sheetName?: string;
  /**
   * An opened .xlsx with several sheets: every sheet with data (this one among them, same key), in workbook
   * order, so the pane can offer the others and take a previous year from a sheet per year.
   */
  readonly fileSheets?: readonly InvoiceSource[];
  /**
   * The workbook counts dates in the 1904 date system (Mac Excel's old default; `<workbookPr date1904="1"/>`):
   * a serial number in `values` is 1,462 days (DATE_1904_OFFSET) lower than the same day in the 1900 system.
   * Set by the readers (Open file from workbook.xml's flag, Excel mode from a probe: src/excel/dateSystem.ts);
   * the reading layer then shifts numbers (and formula number results) in the date column, and only those:
   * Date objects are calendar days already (the Open file reader puts them on their day) and text dates are
   * text. Absent: the 1900 system.
   */
  readonly date1904?: true;
}

/** Days the reading layer adds to `source`'s date serials (ReadTableOptions.dateSerialOffset): 1462 for a 1904 workbook. */
export function dateSerialOffsetOf(source: Pick<InvoiceSource, "date1904">): number {
  return source.date1904 === true ? DATE_1904_OFFSET : 0;
}

/** The note shown with a report read from a 1904 workbook (the pane's warnings, the report sheet). */
export function date1904Note(): Problem {
  return { row: null, severity: "warning", code: "date-system-1904", column: "date", value: null, message: date1904Read() };
}
