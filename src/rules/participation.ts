/**
 * Leaving and re-entering the KOR (kor-rules.md sections 5 and 6): voluntary exit, the exclusion period
 * after any exit, and the earliest new start after crossing the threshold.
 */
import type { Localized } from "../i18n/types";
import { addDays, addMonths, dayFromYmd, isLeapYear, ymdFromDay, type Day } from "./dates";
import type { FilingPeriod } from "./types";
import { FIRST_KOR_DAY, NEW_KOR_RULES_YEAR, hasParameterOn, parameterOn } from "./parameters";
import { periodStartOnOrAfter, registrationDeadline } from "./periods";
import { fastYear } from "./internal";
import { dayEn, dayNl } from "./text";

/**
 * The last day of the exclusion after participation ends with `exitDay` as the first day outside the KOR.
 * The regime is the one in force on the exit day:
 * - from 2025: the rest of the exit year and the whole next calendar year (exit 1 Jul 2026 → 31 Dec 2027).
 *   The exit year is the year of the first day outside the KOR, so an exit as of 1 January 2026 excludes
 *   2026 and 2027 (the cautious reading; the sources give no example for a 1 January exit).
 * - 2020–2024: three years from the exit day, the exit day being the first day excluded: to the day before the
 *   same date three years later (exit 1 Jul 2023 → 30 Jun 2026). From 29 February, whose date does not return in
 *   a common year, the three years end with the last day of February (crossing 29 Feb 2024 → 28 Feb 2027), as
 *   EU Regulation 1182/71 art. 3(2)(c) counts a period in years; not one day earlier, as clamping 29 Feb to 28 Feb
 *   before taking the day before would.
 */
export function exclusionEnd(exitDay: Day): Day {
  if (hasParameterOn("exclusion-after-exit-calendar-years", exitDay)) {
    const years = parameterOn("exclusion-after-exit-calendar-years", exitDay);
    return dayFromYmd(fastYear(exitDay) + years, 12, 31);
  }
  const years = parameterOn("exclusion-after-exit-years", exitDay);
  const { year, month, day } = ymdFromDay(exitDay);
  const end = year + years;
  return month === 2 && day === 29 && !isLeapYear(end) ? dayFromYmd(end, 2, 28) : addDays(dayFromYmd(end, month, day), -1);
}

export interface VoluntaryExitInput {
  /** First day of participation. */
  readonly joined: Day;
  /** The day the user would like to stop; the exit takes effect on the first period start on or after it. */
  readonly wantedExit: Day;
  readonly period: FilingPeriod;
}

/** A voluntary exit: allowed, with the exclusion and re-entry that follow it, or refused, with none. */
export type VoluntaryExitResult = AllowedExit | RefusedExit;

interface AllowedExit extends ExitCommon {
  readonly allowed: true;
  /** Last day of the exclusion after this exit. */
  readonly excludedUntil: Day;
  /** Earliest new start after this exit, and the day its registration must be received by. */
  readonly earliestReentry: Day;
  readonly reentryDeadline: Day;
}

interface RefusedExit extends ExitCommon {
  readonly allowed: false;
  /**
   * A refused exit never happens, so no exclusion follows from it: the reasons give the exclusion after the
   * earliest allowed exit instead (for a refusal for the minimum participation).
   */
  readonly excludedUntil: null;
  readonly earliestReentry: null;
  readonly reentryDeadline: null;
}

interface ExitCommon {
  readonly reasons: Localized[];
  /** First day outside the KOR (a filing-period start). */
  readonly exitStart: Day;
  /** The exit notice must be received by this day (exitStart − 29 days). */
  readonly noticeDeadline: Day;
  /** Added: the earliest exit the minimum participation allows (equals exitStart when allowed). */
  readonly earliestAllowedExit: Day;
}

/**
 * Voluntary exit. From 2025 any filing-period start; 2020–2024 only after 3 years of participation.
 * The exit start and notice deadline are those of the requested exit, also when it is not allowed. The exclusion
 * and re-entry are those of the requested exit when it is allowed, and null when it is not (it never happens):
 * the reasons of an exit refused for the minimum participation give the exclusion and re-entry of the earliest
 * allowed exit instead (`voluntaryExit` with `wantedExit: earliestAllowedExit` gives them as dates), and those of
 * an exit not after the start give none.
 * @example worked example 16: joined 1 Jan 2026, exit 1 Jul 2026 → notice by 2 Jun 2026, excluded until 31 Dec 2027
 */
export function voluntaryExit(input: VoluntaryExitInput): VoluntaryExitResult {
  const { joined, wantedExit, period } = input;
  const exitStart = periodStartOnOrAfter(Math.max(wantedExit, FIRST_KOR_DAY), period);
  const noticeDeadline = registrationDeadline(exitStart);
  const excludedUntil = exclusionEnd(exitStart);
  const earliestReentry = periodStartOnOrAfter(addDays(excludedUntil, 1), period);
  const reentryDeadline = registrationDeadline(earliestReentry);
  const earliestAllowedExit = firstAllowedExit(joined, exitStart, period);
  const reasons: Localized[] = [];
  let allowed = true;

  if (exitStart <= joined) {
    allowed = false;
    reasons.push({
      nl: `De gewenste afmelddatum ${dayNl(exitStart)} ligt niet na de start van de deelname op ${dayNl(joined)}.`,
      en: `The requested exit date ${dayEn(exitStart)} is not after participation started on ${dayEn(joined)}.`,
    });
  } else if (earliestAllowedExit > exitStart) {
    allowed = false;
    const years = parameterOn("minimum-participation-years", exitStart);
    reasons.push({
      nl: `Afmelden per ${dayNl(exitStart)} kan niet: tot en met ${NEW_KOR_RULES_YEAR - 1} moest u minstens ${years} jaar deelnemen (sinds ${dayNl(joined)}). Vrijwillig afmelden kan op zijn vroegst per ${dayNl(earliestAllowedExit)}. Als u de omzetgrens overschrijdt, eindigt de KOR wel direct.`,
      en: `Exit as of ${dayEn(exitStart)} is not possible: until the end of ${NEW_KOR_RULES_YEAR - 1} participation had to last at least ${years} years (since ${dayEn(joined)}). The earliest voluntary exit is ${dayEn(earliestAllowedExit)}. Crossing the threshold does end the KOR at once.`,
    });
  } else {
    reasons.push({
      nl: `Afmelden per ${dayNl(exitStart)} kan; de afmelding moet uiterlijk op ${dayNl(noticeDeadline)} binnen zijn.`,
      en: `Exit as of ${dayEn(exitStart)} is possible; the notice must be received by ${dayEn(noticeDeadline)}.`,
    });
  }
  if (allowed) {
    reasons.push({
      nl: `Daarna kunt u tot en met ${dayNl(excludedUntil)} niet opnieuw deelnemen; de vroegste nieuwe start is ${dayNl(earliestReentry)} (aanmelding uiterlijk op ${dayNl(reentryDeadline)} binnen).`,
      en: `After that you cannot rejoin until ${dayEn(excludedUntil)} has passed; the earliest new start is ${dayEn(earliestReentry)} (registration received by ${dayEn(reentryDeadline)}).`,
    });
  } else if (exitStart > joined) {
    // Refused for the minimum participation: what follows is the exclusion of the exit that is possible, under the
    // rules in force on that day (an exit as of 1 January 2025 excludes 2025 and 2026, not three years), not that of
    // the refused one, which never happens.
    const until = exclusionEnd(earliestAllowedExit);
    const reentry = periodStartOnOrAfter(addDays(until, 1), period);
    reasons.push({
      nl: `Na afmelden per ${dayNl(earliestAllowedExit)} kunt u tot en met ${dayNl(until)} niet opnieuw deelnemen; de vroegste nieuwe start is ${dayNl(reentry)} (aanmelding uiterlijk op ${dayNl(registrationDeadline(reentry))} binnen).`,
      en: `After an exit as of ${dayEn(earliestAllowedExit)} you cannot rejoin until ${dayEn(until)} has passed; the earliest new start is ${dayEn(reentry)} (registration received by ${dayEn(registrationDeadline(reentry))}).`,
    });
  }
  return allowed
    ? { allowed, reasons, exitStart, noticeDeadline, excludedUntil, earliestReentry, reentryDeadline, earliestAllowedExit }
    : { allowed, reasons, exitStart, noticeDeadline, excludedUntil: null, earliestReentry: null, reentryDeadline: null, earliestAllowedExit };
}

/** First period start ≥ `from` on which the minimum participation in force that day is met. */
function firstAllowedExit(joined: Day, from: Day, period: FilingPeriod): Day {
  let p = from;
  // At most a few dozen periods: the 3-year minimum ended for everyone on 1 January 2025.
  for (let i = 0; i < 200; i++) {
    const years = parameterOn("minimum-participation-years", p);
    if (years === 0 || p >= addMonths(joined, 12 * years)) return p;
    p = periodStartOnOrAfter(addDays(p, 1), period);
  }
  return p;
}

export interface ReentryAfterCrossing {
  /** Last day on which the business cannot participate. */
  readonly excludedUntil: Day;
  /** Earliest new start (a filing-period start) and the day its registration must be received by. */
  readonly earliestReentry: Day;
  readonly deadline: Day;
}

/**
 * Earliest new start after crossing the threshold on `crossingDay` (the KOR ends that day).
 * From 2025: no re-entry in the crossing year Y, and Y+1 fails the previous-year test, so the earliest start
 * is 1 January Y+2 (worked example 11: crossed 2025 → 1 Jan 2027, deadline 3 Dec 2026).
 * 2020–2024: leaving by crossing was an exit like any other, with three years' exclusion from the crossing
 * day (section 6: "exclusion after any exit"); the earliest start is the first period start after that,
 * and never before 1 January Y+2.
 */
export function reentryAfterCrossing(crossingDay: Day, period: FilingPeriod): ReentryAfterCrossing {
  const y = fastYear(crossingDay);
  const afterPreviousYearTest = dayFromYmd(y + 2, 1, 1);
  const excludedUntil = Math.max(exclusionEnd(crossingDay), addDays(afterPreviousYearTest, -1));
  const earliestReentry = periodStartOnOrAfter(addDays(excludedUntil, 1), period);
  return { excludedUntil, earliestReentry, deadline: registrationDeadline(earliestReentry) };
}

/** What is wrong with an "in the KOR since" date (the pane's setting, `kor-check --in-kor-since`). */
export interface KorSinceCheck {
  /** The date is after today: it cannot be used (kor-check refuses it, the pane ignores it). */
  readonly error: Localized | null;
  /** Notes that do not stop the date being used: not the 1st of a month, before 2020. */
  readonly notes: readonly Localized[];
}

/**
 * Checks a participation start date against today (in the Netherlands): one after today, or before 1 January 2020
 * (the exemption did not exist), is refused (`error`). Participation starts on the first day of a filing period
 * (kor-rules.md section 6: a 1st of a month at the least); a bookkeeper may type the date of the confirmation letter
 * instead, so that is a note.
 */
export function checkKorSince(since: Day, today?: Day): KorSinceCheck {
  // Without `today` (a caller that has none) only the check against 2020 is made.
  if (today !== undefined && since > today) {
    return {
      error: {
        nl: `${dayNl(since)} ligt na vandaag (${dayNl(today)}): een deelname aan de KOR kan niet in de toekomst begonnen zijn. Vul de datum in waarop de deelname begon, of laat de status onbekend.`,
        en: `${dayEn(since)} is after today (${dayEn(today)}): KOR participation cannot have started in the future. Enter the date participation started, or leave the status unknown.`,
      },
      notes: [],
    };
  }
  // Before 2020 no participation in the exemption can have started: refused, as a start after today (kor-check's
  // --in-kor-since refuses it too). Before, the pane used such a date with only a note, and read years before the
  // exemption as years in the KOR.
  if (since < FIRST_KOR_DAY) {
    return {
      error: {
        nl: `${dayNl(since)} ligt vóór ${dayNl(FIRST_KOR_DAY)}, toen de KOR-vrijstelling begon (daarvoor was de KOR een belastingvermindering): een deelname aan de vrijstelling begon op zijn vroegst op ${dayNl(FIRST_KOR_DAY)}. Vul de datum in waarop de deelname begon, of laat de status onbekend.`,
        en: `${dayEn(since)} is before ${dayEn(FIRST_KOR_DAY)}, when the KOR exemption began (before that the KOR was a VAT reduction): participation in the exemption began on ${dayEn(FIRST_KOR_DAY)} at the earliest. Enter the date participation started, or leave the status unknown.`,
      },
      notes: [],
    };
  }
  const notes: Localized[] = [];
  if (ymdFromDay(since).day !== 1) {
    notes.push({
      nl: `In de KOR sinds ${dayNl(since)}: dat is niet de eerste dag van een maand. Deelname begint altijd op de eerste dag van een aangiftetijdvak (1 januari, 1 april, 1 juli of 1 oktober; bij maandaangifte de 1e van een maand). Is dit de datum van de bevestigingsbrief? Vul dan de ingangsdatum uit die brief in. De datum is gebruikt zoals opgegeven.`,
      en: `In the KOR since ${dayEn(since)}: that is not the first day of a month. Participation always starts on the first day of a filing period (1 January, 1 April, 1 July or 1 October; for monthly filers the 1st of a month). Is this the date of the confirmation letter? Then enter the start date given in that letter. The date was used as given.`,
    });
  }
  return { error: null, notes };
}
