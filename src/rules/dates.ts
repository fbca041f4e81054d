/**
 * Calendar days without time zones.
 *
 * A `Day` is the number of days since 1970-01-01 (day 0), on the proleptic Gregorian calendar. All
 * arithmetic is integer day arithmetic via Date.UTC, so no local time zone can shift a day.
 */
export type Day = number;

export interface Ymd {
  readonly year: number;
  /** 1 = January … 12 = December */
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Day for a calendar date; throws RangeError for impossible dates (31 April, 29 Feb 2025). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function ymdFromDay(d: Day): Ymd {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCDay();
}

export function addDays(d: Day, n: number): Day {
  return d + n;
}

/** Same day-of-month n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: Day, n: number): Day {
  const { year, month, day } = ymdFromDay(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO 8601 calendar date, e.g. "2026-01-01". */
export function isoFromDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses exactly "YYYY-MM-DD"; throws RangeError otherwise. For literals in code and tests. */
export function dayFromIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Dutch display form, e.g. "3 december 2025"; English "3 December 2025". */
const MONTHS = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

export function formatDay(d: Day, lang: "nl" | "en"): string {
  const { year, month, day } = ymdFromDay(d);
  return `${day} ${MONTHS[lang][month - 1]} ${year}`;
}

// Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the fictitious 29 Feb 1900 (Lotus bug),
// serial 61 = 1900-03-01. From 61 on, serial − 25569 = days since 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25_569;
export const EXCEL_FICTITIOUS_LEAP_DAY = 60;
/** Days between the 1904 and the 1900 date systems: serial 0 in 1904 (Mac Excel) = serial 1462 in 1900. */
export const DATE_1904_OFFSET = 1462;

/**
 * Day for a 1900-system serial. Fractions (a time of day) are dropped. Returns null for serial 60
 * (29 Feb 1900 does not exist), for serials < 1, and for non-finite values.
 */
export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === EXCEL_FICTITIOUS_LEAP_DAY) return null;
  return whole < EXCEL_FICTITIOUS_LEAP_DAY ? whole - EXCEL_EPOCH_OFFSET + 1 : whole - EXCEL_EPOCH_OFFSET;
}

/** 1900-system serial for a day (from 1 March 1900 on, which is all this add-in needs). */
export function excelSerialFromDay(d: Day): number {
  return d + EXCEL_EPOCH_OFFSET;
}

let amsterdam: Intl.DateTimeFormat | null = null;

/**
 * Today as a calendar day in the Netherlands (Europe/Amsterdam), not the machine's zone or UTC.
 * The Netherlands are 1 or 2 hours ahead of UTC, so their day is the UTC day of `now` or the one after: the
 * one whose month and day Intl gives for Europe/Amsterdam. Only those numeric parts are read (formatToParts):
 * the text `format` gives is locale data that ECMA-402 leaves to the implementation (en-CA's "2026-11-30" is
 * no contract), so it is never parsed. Throws RangeError when the time zone data give neither day.
 */
export function todayInNetherlands(now: Date = new Date()): Day {
  amsterdam ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Amsterdam",
    month: "numeric",
    day: "numeric",
    calendar: "gregory",
    numberingSystem: "latn",
  });
  let month = Number.NaN;
  let day = Number.NaN;
  for (const part of amsterdam.formatToParts(now)) {
    if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  const utcDay = Math.floor(now.getTime() / MS_PER_DAY);
  for (const candidate of [utcDay, utcDay + 1, utcDay - 1]) {
    const ymd = ymdFromDay(candidate);
    if (ymd.month === month && ymd.day === day) return candidate;
  }
  throw new RangeError(`no calendar day in Europe/Amsterdam for ${String(now.getTime())}`);
}
