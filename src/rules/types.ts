/**
 * The shared vocabulary of the rules module: typed invoice rows (what the reading layer produces) and
 * row-numbered problems. Nothing here knows about Excel, Office or the DOM.
 */
import type { Localized } from "../i18n/types";
import type { Cents } from "./money";
import type { Day } from "./dates";

/** Canonical category codes of kor-rules.md section 3. `null` on a row means "empty cell". */
export type CategoryCode =
  | "21"
  | "9"
  | "0"
  | "kor"
  | "export"
  | "icp"
  | "verlegd"
  | "afstand-nl"
  | "marge"
  | "vrij-og"
  | "vrij-fin"
  | "vrij-verz"
  | "vrij-og-bijkomend"
  | "vrij-fin-bijkomend"
  | "vrij-verz-bijkomend"
  | "vrij"
  | "prive"
  | "bedrijfsmiddel"
  | "buitenland"
  | "inkoop";

/** One invoice line as the rules see it. */
export interface InvoiceRow {
  /** 1-based row number within the range the user gave (the header, if any, is row 1 of the sheet, not of the data). */
  readonly row: number;
  readonly day: Day;
  /** Amount excluding VAT, integer cents; negative for a credit note. */
  readonly cents: Cents;
  /** null: the category cell was empty (counts as taxed turnover; reports say so). */
  readonly category: CategoryCode | null;
  /** ISO 3166-1 alpha-2 member state where the supply is made (upper case; "GR" for Greece, not "EL"); null when no country column or empty. */
  readonly country: string | null;
  /** VAT shown on the invoice, in cents, when a VAT column exists; null otherwise. */
  readonly vatCents: Cents | null;
}

export type ProblemSeverity = "error" | "warning";

/** Something wrong with the input, tied to a row where there is one. */
export interface Problem {
  /** 1-based row within the range; null for a problem of the whole input (e.g. mismatched column lengths). */
  readonly row: number | null;
  readonly severity: ProblemSeverity;
  /** Stable machine code, e.g. "unknown-category", "ambiguous-category", "amount-without-date". */
  readonly code: string;
  /** Which column: "date" | "amount" | "category" | "country" | "vat" | null. */
  readonly column: "date" | "amount" | "category" | "country" | "vat" | null;
  /** The offending cell value as text, for display (always shown as text, never as HTML). */
  readonly value: string | null;
  readonly message: Localized;
  /**
   * The date of the problem's row when its date cell could be read, so the problem belongs to that year:
   * summarizeYear keeps a passed-in problem only when `day` is null/undefined or falls in the summarised
   * year (a 2026 row in error does not make the 2025 report uncertain). null/undefined: the date is
   * unknown, unreadable or itself in doubt, or the problem is about the whole input; it shows in every year.
   */
  readonly day?: Day | null;
  /**
   * A problem given once for several rows (a repeated warning, or the same error in many rows; once per sheet
   * and year): the rows it concerns in sheet order, `row` being the first. The list may stop short of `count`
   * (a cap on memory); `count` is how many rows in all. Absent on a problem of one cell that is not grouped
   * (the custom functions) and on one about the whole input. With `code`, `column` and `value` (the cells'
   * text when the rows share it) this is what an adapter needs to offer one choice for all those rows.
   */
  readonly rows?: readonly number[];
  readonly count?: number;
  /** An `unknown-category` problem's codes (its `value` joins them for display), each with its count and first row. */
  readonly codes?: readonly { readonly code: string; readonly count: number; readonly firstRow: number }[];
}

/** Filing period (aangiftetijdvak). */
export type FilingPeriod = "quarter" | "month" | "year";

/**
 * Whether the business takes part in the KOR (kor-rules.md section 5). The data cannot show it, so it is
 * an input; default unknown. It decides what follows a crossing: for a participant the crossing ends the
 * KOR and the exclusion of section 6 runs; for a non-participant a crossing excludes nothing by itself.
 */
export type Participation =
  | { readonly status: "in"; /** First day in the KOR. */ readonly since: Day }
  | { readonly status: "out" }
  | { readonly status: "unknown" };

export const UNKNOWN_PARTICIPATION: Participation = { status: "unknown" };
