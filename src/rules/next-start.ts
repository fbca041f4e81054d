/**
 * The next start of participation that the data allow (kor-rules.md sections 4–6). The calendar gives the
 * first filing-period start whose registration can still be received in time (`earliestStart`); the data
 * can push it later:
 * - after a crossing in year Y there is no re-entry in Y, and the exclusion of `reentryAfterCrossing`
 *   applies (2025+: Y+1 fails the previous-year test, so 1 January Y+2);
 * - from 2025, a start in year S needs the countable turnover of S−1 to be at most the threshold;
 * - a start in a year whose invoices already cross the threshold is not possible.
 * Conditions the data cannot show (central administration in NL, an earlier voluntary exit) are the
 * user's to confirm, as the summary's conditions say.
 */
import type { Localized } from "../i18n/types";
import { dayFromYmd, type Day } from "./dates";
import type { Cents } from "./money";
import type { FilingPeriod, InvoiceRow } from "./types";
import { parameterOn } from "./parameters";
import { earliestStart } from "./periods";
import { findCrossing } from "./crossing";
import { reentryAfterCrossing } from "./participation";
import { countableTurnover, yearsIn } from "./turnover";
import { fastYear } from "./internal";
import { dayEn, dayNl, eurEn, eurNl } from "./text";

export interface NextStart {
  readonly start: Day;
  /** Why the start is later than the calendar allows; null when it is not. */
  readonly reason: Localized | null;
}

export interface NextStartInput {
  readonly rows: readonly InvoiceRow[];
  readonly today: Day;
  readonly period: FilingPeriod;
  /** Known values for one year, to avoid recomputing them (the summarised year). */
  readonly known?: { readonly year: number; readonly countableCents: Cents; readonly crossingDay: Day | null };
  /** The countable turnover of `known.year − 1` when given by the user instead of the rows. */
  readonly givenPrevious?: { readonly year: number; readonly cents: Cents } | null;
}

export function nextPossibleStart(input: NextStartInput): NextStart {
  const { rows, today, period, known, givenPrevious } = input;
  const calendar = earliestStart(today, period);
  const dataYears = new Set(yearsIn(rows));
  const crossingIn = (y: number): Day | null => {
    if (known !== undefined && known.year === y) return known.crossingDay;
    if (!dataYears.has(y)) return null;
    return findCrossing(rows, y, parameterOn("kor-threshold", dayFromYmd(y, 1, 1)))?.day ?? null;
  };
  const countableIn = (y: number): Cents => {
    if (givenPrevious && givenPrevious.year === y) return givenPrevious.cents;
    if (known !== undefined && known.year === y) return known.countableCents;
    return dataYears.has(y) ? countableTurnover(rows, y).countableCents : 0;
  };

  let start = calendar;
  let reason: Localized | null = null;
  // A crossing in a recent year excludes re-entry for a while (3 years under the 2020–2024 rules).
  for (let y = fastYear(calendar) - 3; y <= fastYear(calendar); y++) {
    const crossed = crossingIn(y);
    if (crossed === null) continue;
    const reentry = reentryAfterCrossing(crossed, period).earliestReentry;
    if (reentry > start) {
      start = reentry;
      reason = {
        nl: `De omzet ging op ${dayNl(crossed)} over de grens; opnieuw meedoen kan op zijn vroegst per ${dayNl(reentry)}.`,
        en: `Turnover went over the threshold on ${dayEn(crossed)}; the earliest new start is ${dayEn(reentry)}.`,
      };
    }
  }
  // Then year by year: no start in a year that crosses, nor (2025+) after a previous year over the threshold.
  for (let guard = 0; guard < 10; guard++) {
    const y = fastYear(start);
    const threshold = parameterOn("kor-threshold", start);
    const crossed = crossingIn(y);
    if (crossed !== null) {
      const next = dayFromYmd(y + 1, 1, 1);
      reason = {
        nl: `De omzet van ${y} gaat op ${dayNl(crossed)} over de grens: in ${y} meedoen kan niet.`,
        en: `Turnover of ${y} goes over the threshold on ${dayEn(crossed)}: joining in ${y} is not possible.`,
      };
      start = next;
      continue;
    }
    if (parameterOn("previous-year-test", start) > 0) {
      const previous = countableIn(y - 1);
      if (previous > threshold) {
        reason = {
          nl: `Telbare omzet ${y - 1} is ${eurNl(previous)}, hoger dan ${eurNl(threshold)}: in ${y} meedoen kan niet (vanaf 2025 telt ook het vorige jaar).`,
          en: `Countable turnover of ${y - 1} is ${eurEn(previous)}, more than ${eurEn(threshold)}: joining in ${y} is not possible (from 2025 the previous year counts too).`,
        };
        start = dayFromYmd(y + 1, 1, 1);
        continue;
      }
    }
    break;
  }
  return { start, reason };
}
