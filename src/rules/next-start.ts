/**
 * The next start of participation that the data allow (kor-rules.md sections 4–6). The calendar gives the
 * first filing-period start whose registration can still be received in time (`earliestStart`); the data
 * and the participation status can push it later:
 * - a start in year S needs S to pass section 4: no crossing in S, and from 2025 the countable turnover of
 *   S−1 at most the threshold (and no crossing in S−1 taken from the data);
 * - only for a participant (status "in") does a crossing end the KOR and start the exclusion of section 6
 *   (`reentryAfterCrossing`: 2025+ 1 January Y+2; 2020–2024 three years from the crossing): the first crossing
 *   on or after the start of participation; after it the business is out, and a later crossing excludes
 *   nothing by itself. For a business not in the KOR a crossing excludes nothing by itself (worked example 23).
 * Conditions the data cannot show (central administration in NL, an earlier voluntary exit) are the
 * user's to confirm, as the summary's conditions say.
 */
import type { Localized } from "../i18n/types";
import { dayFromYmd, type Day } from "./dates";
import type { Cents } from "./money";
import type { FilingPeriod, InvoiceRow, Participation } from "./types";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR, parameterOn } from "./parameters";
import { earliestStart } from "./periods";
import { reentryAfterCrossing } from "./participation";
import { arrayQueries, type RowQueries } from "./rowQueries";
import { fastYear } from "./internal";
import { dayEn, dayNl, eurEn, eurNl } from "./text";

export interface NextStart {
  readonly start: Day;
  /** Why the start is later than the calendar allows; null when it is not. */
  readonly reason: Localized | null;
  /**
   * For a participant: the crossing day that ended participation (the first on or after `since`), else null.
   * With `ifInKor`: the crossing that ended participation in that outcome.
   */
  readonly endedOn: Day | null;
  /**
   * For a participant in the KOR in the year of a given previous-year figure over that year's limit, with no
   * earlier crossing found: that year. Participation ended on a day of it the figure cannot show (section 5).
   * With `ifInKor`: the same for that outcome, when no later crossing can have ended participation instead.
   */
  readonly endedIn: number | null;
  /**
   * For a participant (status "in"): why the participation could not start on `since`, as a clause ("de omzet van
   * 2024 ging op 3 oktober 2024 over de omzetgrens …"), else null. A start in year S needs S to pass section 4 on
   * what came before the start: no crossing in S before it, and from 2025 S−1 within the threshold. The business was
   * then not in the KOR: no exclusion follows, and the next start is that of a business not in the KOR.
   */
  readonly couldNotStart: Localized | null;
}

export interface NextStartInput {
  readonly rows: readonly InvoiceRow[];
  readonly today: Day;
  readonly period: FilingPeriod;
  /** Known values for one year, to avoid recomputing them (the summarised year). */
  readonly known?: { readonly year: number; readonly countableCents: Cents; readonly crossingDay: Day | null };
  /** The countable turnover of `known.year − 1` when given by the user instead of the rows (it wins, section 4). */
  readonly givenPrevious?: { readonly year: number; readonly cents: Cents } | null;
  /**
   * Default unknown, which gives the outcome for a business not in the KOR (what the eligibility shown
   * supports); the summary adds the participant's outcome beside it where it differs.
   */
  readonly participation?: Participation;
  /**
   * Status unknown: give instead the outcome if the business was in the KOR ("if in the KOR" beside the
   * outcome for a business not in the KOR), taking the latest crossing at which it can have been in the KOR
   * as the one that ended participation. Only read when `participation` is unknown (or omitted).
   */
  readonly ifInKor?: boolean;
  /** Crossing day per year (null: none), shared between calls over the same rows so each year is scanned once. */
  readonly crossingCache?: Map<number, Day | null>;
}

/**
 * Whether a given turnover figure over its year's limit ended participation in that year (section 5): a business
 * in the KOR that year was out from a day of it the figure cannot show. `since`: a participant's start, which must
 * lie on or before that year's 31 December; null for status unknown's outcome "if in the KOR". An earlier crossing
 * may have ended participation first: the caller checks.
 */
export function givenEndsParticipation(given: { readonly year: number; readonly cents: Cents }, since: Day | null): boolean {
  if (given.year < FIRST_KOR_YEAR || (since !== null && since > dayFromYmd(given.year, 12, 31))) return false;
  return given.cents > parameterOn("kor-threshold", dayFromYmd(given.year, 1, 1));
}

/**
 * The first year a participant's dates read: the year of the start, and from 2025 the year before it too (a start
 * needs that year within the limit: startBlocked); never before 2020. Readers keep rows from it, and a report takes
 * the years it lacks from other sheets from it.
 */
export function participationFirstYear(since: Day): number {
  const y = Math.max(fastYear(since), FIRST_KOR_YEAR);
  return parameterOn("previous-year-test", dayFromYmd(y, 1, 1)) > 0 ? y - 1 : y;
}

export function nextPossibleStart(input: NextStartInput): NextStart {
  return nextPossibleStartOf(arrayQueries(input.rows), input);
}

/** nextPossibleStart() over rows asked through RowQueries (objects or columns); `input.rows` is not read. */
export function nextPossibleStartOf(rows: RowQueries, input: Omit<NextStartInput, "rows">): NextStart {
  const { today, period, known, givenPrevious } = input;
  const participation = input.participation ?? { status: "unknown" };
  const calendar = earliestStart(today, period);
  const dataYears = new Set(rows.yearsIn());
  const crossingIn = (y: number): Day | null => {
    // A given previous-year figure wins over that year's rows, their crossing included.
    if (givenPrevious && givenPrevious.year === y) return null;
    if (known !== undefined && known.year === y) return known.crossingDay;
    // No KOR before 2020, so no crossing that ended it (nor a threshold to cross).
    if (!dataYears.has(y) || y < FIRST_KOR_YEAR) return null;
    const cached = input.crossingCache?.get(y);
    if (cached !== undefined) return cached;
    const day = rows.findCrossing(y, parameterOn("kor-threshold", dayFromYmd(y, 1, 1)))?.day ?? null;
    input.crossingCache?.set(y, day);
    return day;
  };
  const countableIn = (y: number): Cents => {
    if (givenPrevious && givenPrevious.year === y) return givenPrevious.cents;
    if (known !== undefined && known.year === y) return known.countableCents;
    return dataYears.has(y) ? rows.countableTurnover(y).countableCents : 0;
  };

  let start = calendar;
  let reason: Localized | null = null;
  let endedOn: Day | null = null;
  let endedIn: number | null = null;
  const lastYear = fastYear(calendar);
  /** Whether a business can be in the KOR in year y at all: from 2025 not after a previous year over the threshold. */
  const couldBeInKorIn = (y: number): boolean => {
    const jan1 = dayFromYmd(y, 1, 1);
    if (parameterOn("previous-year-test", jan1) === 0) return true;
    return crossingIn(y - 1) === null && countableIn(y - 1) <= parameterOn("kor-threshold", jan1);
  };
  // A start that could not take effect: the business was not in the KOR, so no crossing ended a participation and no
  // exclusion follows (section 5, not in the KOR); the next start is that of a business not in the KOR.
  const couldNotStart = participation.status === "in" ? startBlocked(participation.since, crossingIn, countableIn, givenPrevious?.year ?? null) : null;
  if (participation.status === "in" && couldNotStart === null) {
    // Section 5: the first crossing on or after `since` ends participation; after it the business is out, so a
    // later crossing ends nothing (it only fails section 4, below). Searched from the year of `since`, not just
    // the last few years: an old crossing that ended participation makes every later one irrelevant here.
    endedOn = firstCrossingSince(crossingIn, participation.since, lastYear);
    // A given figure over its year's limit, for a business in the KOR in that year: participation ended on a day of
    // it, unless a crossing found before it ended it first.
    if (givenPrevious && givenEndsParticipation(givenPrevious, participation.since) && (endedOn === null || endedOn > dayFromYmd(givenPrevious.year, 12, 31))) {
      endedOn = null;
      endedIn = givenPrevious.year;
    }
  } else if (input.ifInKor === true) {
    // Status unknown, the participant's outcome: the latest crossing at which the business can have been in the
    // KOR (the cautious reading; an older one's exclusion ends earlier). Before 2025 a business that was not in the
    // KOR at a crossing could join the next year (worked example 23) and be ended by that year's crossing; from
    // 2025 no one is in the KOR in a year after one over the threshold. Older exclusions (3 years under the
    // 2020–2024 rules) are over by the calendar's year, so look back that far.
    for (let y = lastYear - 3; y <= lastYear; y++) {
      const crossed = crossingIn(y);
      if (crossed !== null && couldBeInKorIn(y)) endedOn = crossed;
    }
    // A given figure over its year's limit: in the KOR that year, the business was out from a day of it, the latest
    // such exit unless a later crossing can have ended participation instead.
    if (givenPrevious && givenPrevious.year >= lastYear - 3 && givenEndsParticipation(givenPrevious, null) && couldBeInKorIn(givenPrevious.year) && (endedOn === null || endedOn < dayFromYmd(givenPrevious.year, 12, 31))) {
      endedOn = null;
      endedIn = givenPrevious.year;
    }
  }
  // Participation ended on a day of a given year that the figure cannot show: the exclusion is counted from that
  // year's last day, the latest it can have been (an earlier day can only allow an earlier start; 2020–2024: three
  // years from the exit).
  if (endedIn !== null) {
    const reentry = reentryAfterCrossing(dayFromYmd(endedIn, 12, 31), period).earliestReentry;
    if (reentry > start) {
      start = reentry;
      // A start during that year: the limit may have been crossed before it, and then no participation ended.
      const during = participation.status === "in" && participation.since > dayFromYmd(endedIn, 1, 1);
      reason = {
        nl: `De opgegeven omzet van ${endedIn} is hoger dan de omzetgrens; daarmee is uw deelname in ${endedIn} geëindigd${during ? ` (of kon die niet beginnen)` : ""}. Opnieuw meedoen kan op zijn vroegst per ${dayNl(reentry)} (gerekend vanaf 31 december ${endedIn}; met de facturen van ${endedIn} is de echte dag te vinden).`,
        en: `The given turnover of ${endedIn} is over the turnover limit, which ended your participation in ${endedIn}${during ? " (or kept it from starting)" : ""}; the earliest new start is ${dayEn(reentry)} (counted from 31 December ${endedIn}; the invoices of ${endedIn} show the real day).`,
      };
    }
  }
  if (endedOn !== null) {
    const reentry = reentryAfterCrossing(endedOn, period).earliestReentry;
    if (reentry > start) {
      start = reentry;
      reason = {
        nl: `De omzet ging op ${dayNl(endedOn)} over de omzetgrens; daarmee eindigde uw deelname. Opnieuw meedoen kan op zijn vroegst per ${dayNl(reentry)}.`,
        en: `Turnover went over the turnover limit on ${dayEn(endedOn)}, which ended your participation; the earliest new start is ${dayEn(reentry)}.`,
      };
    }
  }
  // Then year by year (section 4): no start in a year that crosses, nor (2025+) after a previous year over the threshold.
  for (let guard = 0; guard < 10; guard++) {
    const y = fastYear(start);
    const threshold = parameterOn("kor-threshold", start);
    const crossed = crossingIn(y);
    if (crossed !== null) {
      reason = {
        nl: `De omzet van ${y} gaat op ${dayNl(crossed)} over de omzetgrens: in ${y} meedoen kan niet.`,
        en: `Turnover of ${y} goes over the turnover limit on ${dayEn(crossed)}: joining in ${y} is not possible.`,
      };
      start = dayFromYmd(y + 1, 1, 1);
      continue;
    }
    if (parameterOn("previous-year-test", start) > 0) {
      // As eligibility(): a crossing in Y−1 fails Y's previous-year test even when credit notes followed.
      const previousCrossed = crossingIn(y - 1);
      if (previousCrossed !== null) {
        reason = {
          nl: `De omzet van ${y - 1} ging op ${dayNl(previousCrossed)} over de omzetgrens: in ${y} meedoen kan niet (vanaf ${NEW_KOR_RULES_YEAR} telt ook het vorige jaar).`,
          en: `Turnover of ${y - 1} went over the turnover limit on ${dayEn(previousCrossed)}: joining in ${y} is not possible (from ${NEW_KOR_RULES_YEAR} the previous year counts too).`,
        };
        start = dayFromYmd(y + 1, 1, 1);
        continue;
      }
      const previous = countableIn(y - 1);
      if (previous > threshold) {
        reason = {
          nl: `Omzet die meetelt ${y - 1}: ${eurNl(previous)}, hoger dan de omzetgrens van ${eurNl(threshold)}: in ${y} meedoen kan niet (vanaf ${NEW_KOR_RULES_YEAR} telt ook het vorige jaar).`,
          en: `Turnover that counts ${y - 1}: ${eurEn(previous)}, more than the turnover limit of ${eurEn(threshold)}: joining in ${y} is not possible (from ${NEW_KOR_RULES_YEAR} the previous year counts too).`,
        };
        start = dayFromYmd(y + 1, 1, 1);
        continue;
      }
    }
    break;
  }
  return { start, reason, endedOn, endedIn, couldNotStart };
}

/**
 * Why a participation starting on `since` could not start (section 4 for the year of the start, on what came
 * before it), as a clause; null when it could. Before 2020 there was no KOR exemption to start.
 */
function startBlocked(since: Day, crossingIn: (year: number) => Day | null, countableIn: (year: number) => Cents, givenYear: number | null): Localized | null {
  const y = fastYear(since);
  if (y < FIRST_KOR_YEAR) return null;
  const crossed = crossingIn(y);
  if (crossed !== null && crossed < since) {
    return {
      nl: `de omzet van ${y} ging op ${dayNl(crossed)} al over de omzetgrens, vóór de start`,
      en: `turnover of ${y} had already gone over the turnover limit on ${dayEn(crossed)}, before the start`,
    };
  }
  const jan1 = dayFromYmd(y, 1, 1);
  if (parameterOn("previous-year-test", jan1) === 0) return null;
  const previousCrossed = crossingIn(y - 1);
  if (previousCrossed !== null) {
    return {
      nl: `de omzet van ${y - 1} ging op ${dayNl(previousCrossed)} over de omzetgrens (vanaf ${NEW_KOR_RULES_YEAR} moet ook het vorige jaar binnen de grens blijven)`,
      en: `turnover of ${y - 1} went over the turnover limit on ${dayEn(previousCrossed)} (from ${NEW_KOR_RULES_YEAR} the previous year must be within the limit too)`,
    };
  }
  const threshold = parameterOn("kor-threshold", jan1);
  const previous = countableIn(y - 1);
  if (previous > threshold) {
    const given = givenYear === y - 1 ? { nl: "opgegeven ", en: "given " } : { nl: "", en: "" };
    return {
      nl: `de ${given.nl}omzet die meetelt van ${y - 1} (${eurNl(previous)}) is hoger dan de omzetgrens van ${eurNl(threshold)} (vanaf ${NEW_KOR_RULES_YEAR} moet ook het vorige jaar binnen de grens blijven)`,
      en: `the ${given.en}turnover that counts of ${y - 1} (${eurEn(previous)}) is more than the turnover limit of ${eurEn(threshold)} (from ${NEW_KOR_RULES_YEAR} the previous year must be within the limit too)`,
    };
  }
  return null;
}

/**
 * The first crossing on or after `since` up to and including `lastYear` (section 5: the one that ends a
 * participation that began on `since`), or null. `crossingIn` gives a year's crossing day (null: none).
 */
export function firstCrossingSince(crossingIn: (year: number) => Day | null, since: Day, lastYear: number): Day | null {
  for (let y = Math.max(fastYear(since), FIRST_KOR_YEAR); y <= lastYear; y++) {
    const crossed = crossingIn(y);
    if (crossed !== null && crossed >= since) return crossed;
  }
  return null;
}
