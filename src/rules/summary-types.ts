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
  /**
   * The re-entry after this year's crossing for a participant whose participation it ended (status "in"), or
   * for the conditional "if the business is in the KOR" text (status "unknown", when the business can have
   * been in the KOR that year); null otherwise: so non-null exactly when this crossing calls for deregistering
   * (conditionally when unknown). The date is a real possible start from today given every year's data (the
   * participant's next start: "in" equals `nextStart`; "unknown" equals `ifInKor` or else `nextStart`), never
   * the bare earliest by law after the crossing, which may have passed or be blocked by a later year.
   */
  readonly reentryAfterCrossing: { readonly start: Day; readonly deadline: Day } | null;
  /**
   * Next voluntary exit date from today with its notice deadline (for a participant before 2025: not before
   * the 3-year minimum has passed).
   */
  readonly nextExit: { readonly start: Day; readonly deadline: Day };
  /**
   * The participation status the dates follow (kor-rules.md section 5). `nextStart` is the outcome for that
   * status; for "unknown" it is the outcome for a business not in the KOR (what the eligibility supports),
   * and `ifInKor` the participant's outcome where it differs.
   */
  readonly participation: "in" | "out" | "unknown";
  /** Status "in" and no crossing since the start ended participation: the business is in the KOR (nothing to register). */
  readonly participating: boolean;
  /**
   * Status "in": the crossing day that ended participation, the first on or after the start (section 5; it can
   * lie in an earlier year than the summarised one, whose own crossing then ends nothing); null when none.
   */
  readonly participationEnded: Day | null;
  /**
   * Status "in", no crossing found that ended participation, but a given previous-year figure over that year's
   * limit: that year (participation ended on a day of it the figure cannot show); else null.
   */
  readonly participationEndedIn: number | null;
  /** Status "in": the day participation started (the user's setting); else null. */
  readonly participationSince: Day | null;
  /**
   * Status "in": why that participation could not start (NextStart.couldNotStart: the year of the start fails
   * section 4 on what came before it), as a clause; else null. The business is then not participating.
   */
  readonly participationCouldNotStart: Localized | null;
  /** Status "unknown": the next start if the business is (was) in the KOR, when later than `nextStart`; else null. */
  readonly ifInKor: { readonly start: Day; readonly deadline: Day; readonly reason: Localized | null; readonly endedOn: Day | null } | null;
}

export interface EuStateLine {
  readonly country: string;
  readonly cents: Cents;
  /** Verified national threshold in EUR cents, null when not verified (the user must give one). */
  readonly thresholdCents: Cents | null;
  /**
   * Whether the state's exemption can be used this year: this year within the threshold (or a verified
   * tolerance) and, when the data hold the previous year, that year within the previous-year limit. Over a
   * limit at any invoice is over, also when later credit notes bring the year's total back within it (the
   * exemption ended as of that supply; findStateCrossing; 2024, before the EU-KOR, by its total). null
   * when the threshold is not verified (the user must give one).
   */
  readonly withinThreshold: boolean | null;
  /** The state's turnover in the previous year from the rows; null when the data hold no rows of that year. */
  readonly previousCents: Cents | null;
  /** The limit for the previous year (Germany: €25,000; otherwise the threshold); null when not verified. */
  readonly previousThresholdCents: Cents | null;
  /** The verified in-year tolerance in percent (AT: 10); null when none is verified, so none is applied. */
  readonly tolerancePercent: number | null;
  /**
   * The status in words with its reason when it does not follow from this year's figure against the threshold:
   * over since a crossing that later credit notes brought back under the limit, blocked by last year (and, when
   * the limit was crossed this year too, that crossing's day and row), or within AT's tolerance above the threshold
   * ("erboven: de omzet kwam op 12 mei 2026 (rij 7) boven …", "uitgesloten: omzet in BE in 2025 …; in 2026 kwam de
   * omzet ook op … boven …"), over since this year's crossing (its day and row, and that VAT is due there from that
   * supply), or within the state's own limits while the Union test ends the EU-KOR in every state ("binnen de eigen
   * grens, maar de vrijstelling van de EU-KOR vervalt ook in BE vanaf de levering van …"); null when the plain
   * within / unknown says it all. Every surface shows it instead of that word. `withinThreshold` stays the state's
   * own test (this year and last year against its limits); whether the EU-KOR can be used also needs `withinUnion`.
   */
  readonly statusText: Localized | null;
}

export interface EuSummary {
  readonly unionCents: Cents;
  readonly previousUnionCents: Cents | null;
  /** True when `previousUnionCents` is the figure the caller gave (it wins over the rows of that year). */
  readonly previousUnionGiven: boolean;
  /**
   * Where last year's Union turnover comes from: "given" (the caller's figure), "data" (the rows of that year), or
   * "assumed-zero" (no rows of that year and none given: `previousUnionCents` is null and the Union test takes last
   * year as within, i.e. €0 assumed). Every surface labels an assumed figure, as the national previous year's.
   */
  readonly previousUnionBasis: "given" | "data" | "assumed-zero";
  /**
   * As YearSummary.previousYearRowsFrom, for last year's Union turnover: the first day of last year's rows when the
   * figure is read from them (basis "data"), within the Union limit without a crossing, and they start late in that
   * year (none in its first quarter: an export from 1 December?); null otherwise, and for an auditfile (its header
   * periods say what it covers). Shown beside the figure.
   */
  readonly previousUnionRowsFrom: Day | null;
  readonly unionThresholdCents: Cents;
  readonly withinUnion: boolean;
  /**
   * Why the Union test fails, in words, when `withinUnion` is false; null when it holds. Every surface shows it
   * instead of the bare "over the Union threshold", since the figures beside it need not be over: last year over
   * €100,000 ("uitgesloten in 2026: de EU-omzet van 2025 was € 100.000,01, …"), last year's crossing day that later
   * credit notes do not undo (with the check-that-invoice caveat), this year's crossing day and row ("erboven: de
   * EU-omzet kwam op 10 november 2026 (rij 6) boven € 100.000,00"), or last year's reason and this year's crossing.
   */
  readonly unionStatusText: Localized | null;
  /**
   * The invoice at which Union turnover went over €100,000: its row and how to name it (`where`: "rij 12", or an
   * auditfile's entry, as the KOR crossing names its row), and the day to inform the Belastingdienst by.
   */
  readonly crossing: {
    readonly row: number;
    readonly where: Localized;
    readonly day: Day;
    readonly runningCents: Cents;
    readonly notifyBy: Day;
    readonly notifyWorkingDays: number;
    /** `notifyBy` is before today: if not reported yet, the report is overdue (report it now). */
    readonly notifyOverdue: boolean;
  } | null;
  /** Every member state with Union turnover this year or (from the rows) last year, by country code. */
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
  /** "not-eligible": the reason that fails the year, to show first (EligibilityResult.failingReason); else null. */
  readonly failingReason: Localized | null;
  readonly thresholdCents: Cents;
  readonly countableCents: Cents;
  readonly notCountedCents: Cents;
  readonly percentOfThreshold: number;
  /** threshold − countable, never below 0; 0 in a year with a crossing (credit notes after it do not undo it). */
  readonly headroomCents: Cents;
  readonly previousYearCents: Cents | null;
  readonly previousYearBasis: PreviousYearBasis;
  /**
   * The first day of the previous year's rows when that year's turnover is read from them and they start late in it
   * (none in its first quarter: an export from 1 December?), as the warning previous-year-starts-late says; else null.
   * Shown beside the figure where it is.
   */
  readonly previousYearRowsFrom: Day | null;
  readonly crossing: Crossing | null;
  /**
   * Beside the crossing when later credit notes bring the year's total back within the threshold (kor-rules.md
   * section 5): the year total and which invoice to check; null otherwise. The verdict stays "crossed".
   * Every output that shows the crossing in words shows it.
   */
  readonly crossingCaveat: Localized | null;
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
