/**
 * The scalar arguments of the KOR.* functions (year, period, amounts, a date, a country, a category) as
 * Excel passes them: omitted optional arguments arrive as `null`, a cell reference may arrive as a 1×1
 * array, empty cells as 0 (desktop) or null/"" (web). Every refusal names the argument in the user's words.
 */
import type { Localized } from "../i18n/types";
import { readAmount, readCountry, readDate } from "../reading/cells";
import type { Day } from "../rules/dates";
import type { Cents } from "../rules/money";
import { FIRST_KOR_YEAR } from "../rules/parameters";
import { parsePeriod } from "../rules/periods";
import type { FilingPeriod } from "../rules/types";
import { refuse } from "./errors";
import { dateSerialOffset } from "./dateSystem";
import * as s from "./strings";

/** A single value: unwraps a 1×1 range; a larger range is refused. */
export function scalar(value: unknown, name: Localized): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return null;
  if (value.length === 1) {
    const row: unknown = value[0];
    if (!Array.isArray(row)) return row;
    if (row.length === 1) return row[0];
  }
  return refuse(s.oneCellOnly(name));
}

/**
 * Omitted: null, undefined, "" (or spaces). A 0 is not covered here: desktop Excel passes a referenced empty
 * cell as 0 (addin-platform.md "Empty cells are inconsistent"), so each reader says what 0 means. In the
 * year, the period and the optional amounts (readEurosArg) a 0 is "not given", as null and "" are.
 */
function isOmitted(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The `year` argument: a whole number such as 2026 (or the text "2026"); null when omitted. Years before
 * 2020 are refused with the reason (the KOR exemption exists from 2020).
 */
export function readYear(value: unknown): number | null {
  const v = scalar(value, s.ARG.year);
  if (isOmitted(v) || v === 0) return null;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && /^\s*\d{4}\s*$/.test(v)) n = Number(v);
  else return refuse(s.notAYear(String(v)));
  if (!Number.isInteger(n) || n < 1900 || n > 9999) return refuse(s.notAYear(String(v)));
  return checkYear(n);
}

/** Refuses a year before the KOR exemption existed, with the reason. */
export function checkYear(year: number): number {
  if (year < FIRST_KOR_YEAR) refuse(s.yearBeforeKor(year));
  return year;
}

/** "quarter"/"kwartaal" (default), "month"/"maand", "year"/"jaar". */
export function readPeriodArg(value: unknown): FilingPeriod {
  const v = scalar(value, s.ARG.period);
  if (isOmitted(v) || v === 0) return "quarter";
  if (typeof v === "string") {
    const p = parsePeriod(v);
    if (p !== null) return p;
  }
  return refuse(s.unknownPeriod(String(v)));
}

/**
 * An optional amount in euros (previousYearTurnover, previousYearUnionTurnover, threshold): a number or text
 * such as "1.234,56" → cents; a negative amount is refused with `negative`. null when not given: omitted, an
 * empty cell, or 0. Desktop Excel passes a referenced empty cell as 0 and the web as null or "", so a 0 cannot
 * be told from an empty cell; reading both as "not given" gives one answer on every platform (the cautious
 * reading: the rows of the previous year, or the verified threshold, are used; kor-rules.md section 4).
 */
export function readEurosArg(value: unknown, name: Localized, negative: Localized): Cents | null {
  const v = scalar(value, name);
  if (isOmitted(v)) return null;
  const r = readAmount(v);
  if (r.kind === "empty") return null;
  if (r.kind === "error") return refuse(s.badArgument(name, r.message));
  if (r.value < 0) return refuse(s.badArgument(name, negative));
  return r.value === 0 ? null : r.value;
}

/** A date argument (Excel date or text such as 1-9-2026 / 2026-09-01); required. */
export function readDateArg(value: unknown, name: Localized): Day {
  const v = scalar(value, name);
  // A whole number 1900–2200 is a year typed where a date belongs (as a date serial it would be 1905).
  const asNumber = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{4}\s*$/.test(v) ? Number(v) : Number.NaN;
  if (Number.isInteger(asNumber) && asNumber >= 1900 && asNumber <= 2200) return refuse(s.badArgument(name, s.looksLikeYear(asNumber)));
  // A serial of a 1904 workbook is moved into the 1900 system the reading layer reads (dateSystem.ts).
  const r = readDate(typeof v === "number" && v !== 0 ? v + dateSerialOffset() : v);
  if (r.kind === "ok") return r.value;
  if (r.kind === "empty") return refuse(s.missingArgument(name));
  return refuse(s.badArgument(name, r.message));
}

/** A member state: code (DE, EL) or name (Duitsland, Germany); required. */
export function readCountryArg(value: unknown, name: Localized): string {
  const v = scalar(value, name);
  const r = readCountry(v);
  if (r.kind === "ok") return r.value;
  if (r.kind === "empty") return refuse(s.missingArgument(name));
  return refuse(s.badArgument(name, r.message));
}
