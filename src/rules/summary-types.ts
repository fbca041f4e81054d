/**
 * The year summary: the single result that the custom functions, the task pane and the command line
 * render. Produced by `summarizeYear` in ./summary.ts. Amounts in cents, dates as Days.
 */
import type { Localized } from "../i18n/types";
import type { Cents } from "./money";
import type { Day } from "./dates";
import type { CategoryCode, FilingPeriod, Problem } from "./types";

export interface CategoryLine {
  /** null: rows with an empty category cell (counted as taxed turnover). */
  readonly category: CategoryCode | null;
  readonly counted: boolean;
  readonly cents: Cents;
  readonly rows: number;
  /** Why it counts or not, in words. */
  readonly reason: Localized;
}

export interface Crossing {
  /** 1-based row within the range of the crossing invoice. */
  readonly row: number;
  readonly day: Day;
  readonly cents: Cents;
  /** Running countable total including this row. */
  readonly runningCents: Cents;
  /** VAT due on the whole crossing row at its rate, when the rate is known (21 / 9 / 0); null otherwise. */
  readonly vatRatePercent: number | null;
  readonly vatCents: Cents | null;
}

export interface PeriodLine {
  /** 1..4 for quarters, 1..12 for months, 1 for a year. */
  readonly index: number;
  readonly start: Day;
  readonly end: Day;
  readonly label: Localized;
  readonly countableCents: Cents;
  readonly cumulativeCents: Cents;
  /** Cumulative as % of the threshold, e.g. 97.5. */
  readonly percentOfThreshold: number;
  readonly status: "within" | "crossed-here" | "over";
}

export type PreviousYearBasis = "not-needed" | "data" | "given" | "assumed-zero";

export type Verdict = "eligible" | "not-eligible" | "unsupported";

export interface Deadlines {
  /** Today's day used to compute "next" (passed in, never read from the clock inside rules). */
  readonly today: Day;
  /**
   * Next possible start of participation on or after today that the data allow (not in or right after a
   * year that crosses the threshold; from 2025 not after a previous year over it), and its registration
   * deadline. See rules/next-start.ts.
   */
  readonly nextStart: Day;
  /** Why `nextStart` is later than the next filing period; null when it is not. */
  readonly nextStartReason: Localized | null;
  readonly registrationDeadline: Day;
  readonly daysLeft: number;
  /** Earliest re-entry after a crossing (null when none). */
  readonly reentryAfterCrossing: { readonly start: Day; readonly deadline: Day } | null;
  /** Next voluntary exit date from today with its notice deadline. */
  readonly nextExit: { readonly start: Day; readonly deadline: Day };
}

export interface EuStateLine {
  readonly country: string;
  readonly cents: Cents;
  /** Verified national threshold in EUR cents, null when not verified (the user must give one). */
  readonly thresholdCents: Cents | null;
  readonly withinThreshold: boolean | null;
}

export interface EuSummary {
  readonly unionCents: Cents;
  readonly previousUnionCents: Cents | null;
  readonly unionThresholdCents: Cents;
  readonly withinUnion: boolean;
  readonly crossing: { readonly row: number; readonly day: Day; readonly runningCents: Cents; readonly notifyBy: Day } | null;
  readonly states: readonly EuStateLine[];
  /** Quarterly report: per quarter, per state (every state with turnover that year, 0 where none), due date. */
  readonly quarters: readonly {
    readonly quarter: 1 | 2 | 3 | 4;
    readonly due: Day;
    readonly perState: readonly { readonly country: string; readonly cents: Cents }[];
  }[];
  /** B2C distance sales marked afstand-nl while the EU total is above €10,000. */
  readonly distanceSalesOverLimit: boolean;
}

export interface YearSummary {
  readonly year: number;
  readonly period: FilingPeriod;
  readonly verdict: Verdict;
  /** Why: each reason in words (e.g. "countable turnover €21,000.00 is over €20,000", "previous year over"). */
  readonly reasons: readonly Localized[];
  readonly thresholdCents: Cents;
  readonly countableCents: Cents;
  readonly notCountedCents: Cents;
  readonly percentOfThreshold: number;
  /** threshold − countable, never below 0. */
  readonly headroomCents: Cents;
  readonly previousYearCents: Cents | null;
  readonly previousYearBasis: PreviousYearBasis;
  readonly crossing: Crossing | null;
  readonly categories: readonly CategoryLine[];
  readonly periods: readonly PeriodLine[];
  /** Rows with an empty category, counted as taxed turnover. */
  readonly uncategorisedRows: number;
  readonly deadlines: Deadlines;
  /** Present when any row has a country. */
  readonly eu: EuSummary | null;
  /** Reading problems passed in plus rule warnings (VAT shown while in the KOR, etc.). */
  readonly problems: readonly Problem[];
  /** Conditions the engine cannot see and the user must confirm (central administration in NL). */
  readonly conditions: readonly Localized[];
}
