/**
 * Filing periods (aangiftetijdvakken) and the registration / exit deadline (kor-rules.md section 6).
 * Participation starts or ends on the first day of a filing period; notice must be received at the
 * latest 29 days before that day (no shift for weekends or holidays).
 */
import type { Localized } from "../i18n/types";
import { addDays, dayFromYmd, daysInMonth, formatDay, ymdFromDay, type Day } from "./dates";
import type { FilingPeriod } from "./types";
import { FIRST_KOR_DAY, hasParameterOn, parameterOn } from "./parameters";

const PERIOD_WORDS: Record<string, FilingPeriod> = {
  quarter: "quarter", kwartaal: "quarter", q: "quarter", k: "quarter", quarterly: "quarter", perkwartaal: "quarter",
  month: "month", maand: "month", m: "month", monthly: "month", permaand: "month",
  year: "year", jaar: "year", j: "year", y: "year", yearly: "year", annual: "year", perjaar: "year",
};

/**
 * "quarter" / "kwartaal" / "q", "month" / "maand", "year" / "jaar" (case-insensitive) → FilingPeriod.
 * Unknown text (and empty text: the caller decides the default) → null.
 */
export function parsePeriod(raw: string): FilingPeriod | null {
  const key = raw.trim().toLowerCase().replace(/[\s.\-_]+/g, "");
  return PERIOD_WORDS[key] ?? null;
}

function monthsPerPeriod(period: FilingPeriod): number {
  return period === "month" ? 1 : period === "quarter" ? 3 : 12;
}

/** The first day of the filing period that contains `day`. */
export function periodStartOf(day: Day, period: FilingPeriod): Day {
  const { year, month } = ymdFromDay(day);
  const n = monthsPerPeriod(period);
  return dayFromYmd(year, Math.floor((month - 1) / n) * n + 1, 1);
}

/** The first day of the next filing period after the one containing `day`. */
export function nextPeriodStart(day: Day, period: FilingPeriod): Day {
  const { year, month } = ymdFromDay(periodStartOf(day, period));
  const index = year * 12 + (month - 1) + monthsPerPeriod(period);
  return dayFromYmd(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** `day` itself when it starts a filing period, else the next period start. */
export function periodStartOnOrAfter(day: Day, period: FilingPeriod): Day {
  const start = periodStartOf(day, period);
  return start === day ? day : nextPeriodStart(day, period);
}

/**
 * The last day on which a registration (or exit notice) for a period starting on `start` must be received:
 * start − 29 days; for the very first start, 1 January 2020, it was 20 November 2019.
 * @throws RangeError for a start before 1 January 2020 (no KOR exemption yet).
 * @example registrationDeadline(dayFromIso("2026-01-01")) // 3 December 2025
 */
export function registrationDeadline(start: Day): Day {
  const days = hasParameterOn("first-start-notice-days", start)
    ? parameterOn("first-start-notice-days", start)
    : parameterOn("registration-notice-days", start);
  return addDays(start, -days);
}

/**
 * The earliest participation start for a registration received on `received`: the first filing-period
 * start P (not before 1 January 2020) whose deadline is on or after the day received.
 * @example earliestStart(dayFromIso("2025-12-04"), "quarter") // 1 April 2026
 */
export function earliestStart(received: Day, period: FilingPeriod): Day {
  let p = periodStartOnOrAfter(Math.max(received, FIRST_KOR_DAY), period);
  while (registrationDeadline(p) < received) p = nextPeriodStart(p, period);
  return p;
}

const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface PeriodOfYear {
  /** 1..4 for quarters, 1..12 for months, 1 for a year. */
  readonly index: number;
  readonly start: Day;
  readonly end: Day;
  /** "K1 2026" / "Q1 2026", "januari 2026" / "January 2026", "2026". */
  readonly label: Localized;
}

/** The filing periods of a calendar year, in order. */
export function periodsOfYear(year: number, period: FilingPeriod): PeriodOfYear[] {
  const n = monthsPerPeriod(period);
  const out: PeriodOfYear[] = [];
  for (let i = 0; i < 12 / n; i++) {
    const firstMonth = i * n + 1;
    const lastMonth = firstMonth + n - 1;
    const label: Localized =
      period === "quarter"
        ? { nl: `K${i + 1} ${year}`, en: `Q${i + 1} ${year}` }
        : period === "month"
          ? { nl: `${MONTHS_NL[i]} ${year}`, en: `${MONTHS_EN[i]} ${year}` }
          : { nl: String(year), en: String(year) };
    out.push({
      index: i + 1,
      start: dayFromYmd(year, firstMonth, 1),
      end: dayFromYmd(year, lastMonth, daysInMonth(year, lastMonth)),
      label,
    });
  }
  return out;
}

/** "1 april 2026 (uiterlijk ontvangen op 3 maart 2026)" — for messages. */
export function describeStart(start: Day, lang: "nl" | "en"): string {
  const deadline = registrationDeadline(start);
  return lang === "nl"
    ? `${formatDay(start, "nl")} (uiterlijk ontvangen op ${formatDay(deadline, "nl")})`
    : `${formatDay(start, "en")} (received by ${formatDay(deadline, "en")})`;
}
