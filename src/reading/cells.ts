/**
 * Single-cell readers: one Excel-shaped value in, `empty`, `ok` with a typed value, or `error` with a
 * stable code and a message in Dutch and English (without a row number: the row reader adds it).
 *
 * "Excel-shaped" means whatever the adapters hand over: custom-function arguments (numbers, strings,
 * booleans, null; desktop Excel passes 0 for an empty cell), the Office JavaScript API's `range.values` (errors as text such
 * as "#N/A"), exceljs cell values (Date objects, `{ result }` formulas, `{ richText }`, `{ error }`) and
 * command-line CSV text. Nothing here uses an Office, Excel or DOM global.
 */
import type { Localized } from "../i18n/types";
import * as msg from "../i18n/messages";
import { packageCategory } from "./packageCodes";
import type { ReadingColumn } from "../i18n/messages";
import { type Day, dayFromExcelSerial, dayFromYmd, formatDay, isValidYmd, todayInNetherlands } from "../rules/dates";
import { type Cents, centsFromEuros } from "../rules/money";
import type { CategoryCode } from "../rules/types";
import { acceptedCodesText, parseCategory } from "../rules/categories";
import { type TreatedAs, countryCodeFromText, isNorthernIreland, treatedAsFromText } from "./countries";

export type CellResult<T> =
  | { readonly kind: "empty" }
  /**
   * `twoDigitYear`: a text date whose year had two digits, read as Excel reads it (see readDate); the reader notes it.
   * `treatedAs`: a country cell naming a place in another state's VAT territory (Monaco → FR), read as that state; the reader notes it.
   */
  | { readonly kind: "ok"; readonly value: T; readonly twoDigitYear?: true; readonly treatedAs?: TreatedAs }
  | { readonly kind: "error"; readonly code: string; readonly message: Localized };

export type CellError = Extract<CellResult<unknown>, { kind: "error" }>;

export const EMPTY: { readonly kind: "empty" } = Object.freeze({ kind: "empty" as const });

function ok<T>(value: T): CellResult<T> {
  return { kind: "ok", value };
}

function fail(code: string, message: Localized): CellError {
  return { kind: "error", code, message };
}

/** Largest 1900-system serial Excel accepts: 31 Dec 9999. */
export const MAX_EXCEL_SERIAL = 2_958_465;

// ---------------------------------------------------------------------------------------------------
// Shared helpers

const EXCEL_ERRORS = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/** "#N/A" etc. as the Office JavaScript API's `range.values` gives error cells; null when the text is not an Excel error. */
function excelErrorText(text: string): string | null {
  if (text.charCodeAt(0) !== 35 /* # */) return null;
  const upper = text.toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : null;
}

/**
 * Unwraps the object forms of a cell value: exceljs formulas `{ formula, result }`, rich text
 * `{ richText: [{ text }] }`, hyperlinks `{ text, hyperlink }`, errors `{ error: "#N/A" }`,
 * custom-function errors `{ code: "#N/A" }` and formatted values `{ type, basicValue }`.
 * Returns `undefined` when the object is none of these (the caller reports an unsupported value).
 */
export function unwrapCell(cell: object): unknown {
  const o = cell as Record<string, unknown>;
  if ("result" in o) return o.result ?? null;
  // A formula without a result: no cached value in the file (see isFormulaWithoutResult); not a value.
  if (isFormulaWithoutResult(o)) return undefined;
  if ("basicValue" in o) return o.basicValue;
  if (typeof o.error === "string") return o.error;
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (Array.isArray(o.richText)) {
    let text = "";
    for (const part of o.richText) {
      if (part !== null && typeof part === "object" && typeof (part as { text?: unknown }).text === "string") {
        text += (part as { text: string }).text;
      }
    }
    return text;
  }
  if (typeof o.text === "string") return o.text;
  return undefined;
}

/**
 * A formula cell without a calculated value: `{ formula }` with no `result`. kor-check's sheet reader
 * (src/cli/sheetRows.ts) and the panel's Open file (src/taskpane/browser/files.ts) give this only when the file
 * holds no cached value (`<f>` without `<v>`: written by a program that does not calculate), so it is an error,
 * never an empty cell (a silently missing invoice). A cached 0, "" or FALSE arrives as `{ formula, result }`
 * from kor-check and as the plain value from the panel (as Excel mode's range.values).
 */
export function isFormulaWithoutResult(cell: object): boolean {
  const o = cell as Record<string, unknown>;
  return !("result" in o) && (typeof o.formula === "string" || typeof o.sharedFormula === "string");
}

/** A cell value as text for messages and `Problem.value`. Never throws. */
export function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString();
  try {
    if (typeof cell === "object") {
      if (!Array.isArray(cell) && isFormulaWithoutResult(cell)) {
        const f = (cell as { formula?: unknown }).formula;
        if (typeof f === "string" && f !== "") return `=${f}`;
      }
      const inner = Array.isArray(cell) ? undefined : unwrapCell(cell);
      if (inner !== undefined && typeof inner !== "object") return cellText(inner);
      const json = JSON.stringify(cell);
      if (typeof json === "string") return json.length > 200 ? `${json.slice(0, 197)}...` : json;
    }
    return String(cell);
  } catch {
    return Object.prototype.toString.call(cell);
  }
}

/**
 * Common handling of the value kinds that are errors in every column: Excel errors, booleans and objects.
 * Returns the unwrapped inner value when the object wraps a plain value, or an error.
 */
function otherCell(cell: unknown, column: ReadingColumn, depth: number): { inner: unknown } | CellError {
  if (typeof cell === "boolean") return fail("boolean", msg.booleanCell(cell ? "TRUE" : "FALSE", column));
  if (typeof cell === "object" && cell !== null && !Array.isArray(cell) && !(cell instanceof Date) && depth < 3) {
    if (isFormulaWithoutResult(cell)) return fail("formula-no-result", msg.formulaNoResult(column));
    const inner = unwrapCell(cell);
    if (inner !== undefined) return { inner };
  }
  return fail("unsupported-value", msg.unsupportedCell(cellText(cell), column));
}

/** Small bounded cache for parse results of strings (categories, countries, text dates repeat a lot). */
class StringCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly limit: number) {}
  get(key: string): T | undefined {
    return this.map.get(key);
  }
  set(key: string, value: T): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates

/**
 * Reads an invoice date.
 *
 * - Numbers are Excel 1900-system serials (46023 = 1 Jan 2026). A fraction is a time of day and is dropped.
 *   `0` is **empty** (desktop Excel passes 0 for an empty cell). Serial 60 (the fictitious 29 Feb 1900),
 *   serials below 1, above 2958465 (31 Dec 9999) and non-finite numbers are errors. Serials in 1900–1999 or
 *   after 2100 are read as they are; `readRows` adds a warning for years outside 2000–2100, because such a
 *   "date" is usually an amount in the wrong column.
 * - Text: ISO `2026-09-01` (also `2026/09/01`, and with a time `2026-09-01T00:00:00`, `2026-09-01 13:45`);
 *   a date-time with an explicit offset or `Z` (`2025-12-31T23:30:00Z`) is an instant and is read as the
 *   calendar day in the Netherlands at that instant (here 1 Jan 2026); without an offset the day is as written;
 *   day-first `1-9-2026`, `01/09/2026`, `1.9.2026` (optionally followed by a time). Text that could be
 *   month-first, like `09/01/2026`, is read **day-first** (Dutch convention): 9 January 2026, unless `order` is
 *   "mdy" (month/day/year: 1 September 2026). A list's date column decides its order over all its dates
 *   (./dateOrder.ts): a US export whose `09/14/2026` can only be month-first is read month-first, with a note.
 *   Read day-first, text that is only a date month-first (`09/14/2026`) is an error saying so. Two-digit years
 *   (`1-9-26`) are read as Excel reads a typed two-digit year (00–29 → 2000–2029, 30–99 → 1930–1999) and the
 *   result is marked `twoDigitYear`, so the sheet reader can say so; text of digits only (`46023`,
 *   `20260901`) is rejected.
 *   Month names in Dutch or English are accepted: `1 september 2026`, `1 sep. 2026`, `15-mrt-2026`, `1-Sep-26`.
 *   Impossible dates (`31-4-2026`, `29-2-2025`) are errors.
 * - JS Date objects (exceljs) are read by their UTC year/month/day (exceljs stores the cell's date as UTC).
 * - Booleans, Excel errors (`#N/A`) and other objects are errors.
 *
 * @example readDate(46023) // { kind: "ok", value: dayFromIso("2026-01-01") }
 * @example readDate("01/09/2026") // 1 September 2026
 */
export function readDate(cell: unknown, order: DateOrder = "dmy"): CellResult<Day> {
  return readDateAt(cell, order, 0);
}

/**
 * The order of a numeric text date's first two parts: "dmy" day/month/year (Dutch, the default), "mdy"
 * month/day/year (American). Only for text such as `09/01/2026`; ISO text, month names, serials and date cells
 * are the same either way. A column's order is decided from its dates as a whole (src/reading/dateOrder.ts).
 */
export type DateOrder = "dmy" | "mdy";

function readDateAt(cell: unknown, order: DateOrder, depth: number): CellResult<Day> {
  if (typeof cell === "number") return dateFromSerial(cell);
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === "string") return dateFromText(cell, order);
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return fail("unsupported-value", msg.unsupportedCell("Invalid Date", "date"));
    return ok(dayFromYmd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  }
  const other = otherCell(cell, "date", depth);
  return "inner" in other ? readDateAt(other.inner, order, depth + 1) : other;
}

function dateFromSerial(n: number): CellResult<Day> {
  if (n === 0) return EMPTY;
  if (!(n >= 1 && n < MAX_EXCEL_SERIAL + 1)) return fail("date-out-of-range", msg.dateSerialOutOfRange(String(n)));
  const day = dayFromExcelSerial(n);
  if (day === null) return fail("date-fictitious-leap-day", msg.dateFictitiousLeapDay());
  return ok(day);
}

const ISO_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|([+-])(\d{2}):?(\d{2}))?)?$/i;
const DMY_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$/i;
/** `1 september 2026`, `15 mrt. 2026`, and Excel's d-mmm-yyyy / d-mmm-yy text `15-mrt-2026`, `1-Sep-26`. */
const NAMED_DATE = /^(\d{1,2})(?:\.?\s+|-)([a-z]+)(?:\.?\s+|-)(\d+)$/;
const DIGITS_ONLY = /^\d+$/;

const MONTH_NAMES: Readonly<Record<string, number>> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3, maa: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const textDateCache = new StringCache<CellResult<Day>>(20_000);
const monthFirstDateCache = new StringCache<CellResult<Day>>(20_000);

function dateFromText(raw: string, order: DateOrder): CellResult<Day> {
  const cache = order === "dmy" ? textDateCache : monthFirstDateCache;
  const cached = cache.get(raw);
  if (cached !== undefined) return cached;
  const result = parseTextDate(raw, order);
  cache.set(raw, result);
  return result;
}

/**
 * How a numeric text date (`09/01/2026`, `14-9-2026`, `1.9.26`, optionally with a time) can be read:
 * - "day-first": only as day/month/year (`14/09/2026`: there is no month 14);
 * - "month-first": only as month/day/year (`09/14/2026`);
 * - "either": both readings are dates, and different ones (`09/01/2026`: 9 January or 1 September).
 * null for anything else: a serial, a date cell, ISO text, a month name, text that is the same date either way
 * (`05/05/2026`), or that is no date either way (an error in any order).
 */
export type TextDateOrderKind = "day-first" | "month-first" | "either";

const orderKindCache = new StringCache<TextDateOrderKind | null>(20_000);

export function textDateOrderKind(cell: unknown, depth = 0): TextDateOrderKind | null {
  if (typeof cell === "string") {
    const cached = orderKindCache.get(cell);
    if (cached !== undefined) return cached;
    const kind = orderKindOfText(cell.trim());
    orderKindCache.set(cell, kind);
    return kind;
  }
  if (typeof cell !== "object" || cell === null || cell instanceof Date || Array.isArray(cell) || depth >= 3) return null;
  const inner = unwrapCell(cell);
  return inner === undefined ? null : textDateOrderKind(inner, depth + 1);
}

function orderKindOfText(text: string): TextDateOrderKind | null {
  const m = DMY_DATE.exec(text);
  if (m === null) return null;
  const yearDigits = m[4];
  if ((yearDigits.length !== 4 && yearDigits.length !== 2) || !validTime(m[5], m[6], m[7])) return null;
  const year = fullYear(yearDigits);
  const a = Number(m[1]);
  const b = Number(m[3]);
  const dayFirst = isValidYmd(year, b, a);
  const monthFirst = isValidYmd(year, a, b);
  if (dayFirst && monthFirst) return a === b ? null : "either";
  if (dayFirst) return "day-first";
  if (monthFirst) return "month-first";
  return null;
}

function validTime(h: string | undefined, m: string | undefined, s: string | undefined): boolean {
  if (h === undefined) return true;
  return Number(h) < 24 && Number(m) < 60 && (s === undefined || Number(s) < 60);
}

function ymdResult(text: string, y: number, m: number, d: number): CellResult<Day> {
  if (!isValidYmd(y, m, d)) return fail("date-impossible", msg.dateImpossible(text, m));
  return ok(dayFromYmd(y, m, d));
}

/**
 * An ISO date-time with an explicit offset or Z is an instant: its invoice date is the calendar day in the
 * Netherlands (Europe/Amsterdam, CET/CEST) at that instant. "2025-12-31T23:30:00Z" is 1 Jan 2026 00:30 there.
 */
function instantResult(text: string, m: RegExpExecArray): CellResult<Day> {
  const y = Number(m[1]);
  const mo = Number(m[3]);
  const d = Number(m[4]);
  if (!isValidYmd(y, mo, d)) return ymdResult(text, y, mo, d);
  let offsetMinutes = 0;
  if (m[8].toUpperCase() !== "Z") {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om >= 60) return fail("date-not-a-date", msg.dateNotADate(text));
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const instant = new Date(0);
  instant.setUTCFullYear(y, mo - 1, d);
  instant.setUTCHours(Number(m[5]), Number(m[6]) - offsetMinutes, m[7] === undefined ? 0 : Number(m[7]), 0);
  try {
    return ok(todayInNetherlands(instant));
  } catch {
    // Only at the ends of the calendar (year 0, 31 Dec 9999): keep the day as written.
    return ok(dayFromYmd(y, mo, d));
  }
}

/**
 * A year as typed: four digits as they are; two digits as Excel reads a typed two-digit year (its default
 * cut-off): 00–29 → 2000–2029, 30–99 → 1930–1999. So `9-2-24` is 9 February 2024, as in the sheet it came from.
 */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A date read from a two-digit year is marked, so the row reader can say how it was read. */
function twoDigit(yearDigits: string, r: CellResult<Day>): CellResult<Day> {
  return yearDigits.length === 2 && r.kind === "ok" ? { kind: "ok", value: r.value, twoDigitYear: true } : r;
}

function parseTextDate(raw: string, order: DateOrder): CellResult<Day> {
  const text = raw.trim();
  if (text === "") return EMPTY;
  const err = excelErrorText(text);
  if (err !== null) return fail("excel-error", msg.excelErrorCell(err, "date"));

  let m = ISO_DATE.exec(text);
  if (m !== null) {
    if (!validTime(m[5], m[6], m[7])) return fail("date-not-a-date", msg.dateNotADate(text));
    if (m[8] === undefined) return ymdResult(text, Number(m[1]), Number(m[3]), Number(m[4]));
    return instantResult(text, m);
  }
  m = DMY_DATE.exec(text);
  if (m !== null) {
    const year = m[4];
    if ((year.length !== 4 && year.length !== 2) || !validTime(m[5], m[6], m[7])) return fail("date-not-a-date", msg.dateNotADate(text));
    const [day, month] = order === "dmy" ? [Number(m[1]), Number(m[3])] : [Number(m[3]), Number(m[1])];
    const y = fullYear(year);
    if (order === "dmy" && !isValidYmd(y, month, day) && isValidYmd(y, day, month)) {
      // "09/14/2026" alone (an argument, a typed date): only month/day/year makes it a date. Say so, never guess.
      return fail("date-impossible", msg.dateOnlyMonthFirst(text, month, { nl: formatDay(dayFromYmd(y, day, month), "nl"), en: formatDay(dayFromYmd(y, day, month), "en") }));
    }
    return twoDigit(year, ymdResult(text, y, month, day));
  }
  m = NAMED_DATE.exec(text.toLowerCase());
  if (m !== null && Object.prototype.hasOwnProperty.call(MONTH_NAMES, m[2])) {
    if (m[3].length !== 4 && m[3].length !== 2) return fail("date-not-a-date", msg.dateNotADate(text));
    return twoDigit(m[3], ymdResult(text, fullYear(m[3]), MONTH_NAMES[m[2]], Number(m[1])));
  }
  if (DIGITS_ONLY.test(text)) return fail("date-number-as-text", msg.dateNumberAsText(text));
  return fail("date-not-a-date", msg.dateNotADate(text));
}

// ---------------------------------------------------------------------------------------------------
// Amounts

/** Most euros an amount may have: the limit of `centsFromEuros` (±€90 trillion). */
const MAX_EUROS = 9e13;

/**
 * Reads an amount (euros) into integer cents.
 *
 * - Numbers: rounded to cents half away from zero (`centsFromEuros`); any number of decimals is fine.
 *   `0` is an amount of 0 here; `readRows` treats a 0 amount next to an empty date as an empty row.
 * - Text, with an optional `€`/`EUR` before or after and a sign `-`, `+` or `−` before or after the `€`
 *   (`-€ 450,00`, `€ -450,00`, `- 450,00`), or a minus after the number as ledgers print a credit
 *   (`450,00-`, `450,00 -`, `€ 450,00 -`):
 *   - `1234.56`, `1234,56` (one separator followed by 1 or 2 digits is the decimal separator);
 *   - `1.234,56` and `1,234.56` (with both separators the last one is the decimal separator; thousands
 *     groups must be 3 digits);
 *   - `1 234,56` (spaces as thousands separator, also no-break, narrow and thin spaces), `1.234.567`
 *     (repeated separator = thousands);
 *   - `(1.234,56)` is **negative** (the accounting convention Excel itself follows);
 *   - a dash alone, or with the currency (`-`, `€ -`, `€-`, `- €`, `EUR -`, padded), is 0: Excel's accounting
 *     format shows zero so, and a CSV saved from Excel holds that text;
 *   - `12,-` and `12,--` are whole euros (Dutch price notation). The separator before the dash is the decimal
 *     one, so the other one groups thousands: `€ 1.234,-` is 1234 euros (and `1,234.-` too).
 *   Rejected: `1.234` / `1,234` (one separator followed by exactly 3 digits: thousands or decimals? we do
 *   not guess), more than 2 decimals in text unless the extra ones are zeros (`12,3450` is fine,
 *   `12,345` is not: text is someone's bookkeeping, rounding it silently would change it), percentages,
 *   exponents, anything else.
 * - Booleans, Excel errors and other objects are errors.
 *
 * @example readAmount("€ 1.234,56") // { kind: "ok", value: 123456 }
 */
export function readAmount(cell: unknown, column: "amount" | "vat" = "amount"): CellResult<Cents> {
  return readAmountAt(cell, column, 0);
}

/** The VAT amount shown on the invoice: the same rules as `readAmount`, messages name the VAT column. */
export function readVat(cell: unknown): CellResult<Cents> {
  return readAmountAt(cell, "vat", 0);
}

function readAmountAt(cell: unknown, column: "amount" | "vat", depth: number): CellResult<Cents> {
  if (typeof cell === "number") {
    const cents = centsFromEuros(cell);
    return cents === null ? fail("amount-too-large", msg.amountTooLarge(String(cell))) : ok(cents);
  }
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === "string") return amountFromText(cell, column);
  if (cell instanceof Date) return fail("unsupported-value", msg.unsupportedCell(cellText(cell), column));
  const other = otherCell(cell, column, depth);
  return "inner" in other ? readAmountAt(other.inner, column, depth + 1) : other;
}

/**
 * Spaces in amount text: space, tab, no-break space (U+00A0), and the narrow ones used to group thousands:
 * narrow no-break space (U+202F), thin space (U+2009), figure space (U+2007).
 */
function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 9;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index of the last character at or before `i` (not before `start`) that is not a space; -1 when none. */
function lastNonSpace(s: string, i: number, start: number): number {
  while (i >= start && isSpace(s.charCodeAt(i))) i--;
  return i >= start ? i : -1;
}

/**
 * Excel's accounting format shows zero as a dash, padded, with the currency: "€ -", "€-", " € -   ", "- €", "EUR -",
 * or the dash alone; a CSV saved from Excel holds that text. One hyphen-minus and at most one `€` / `EUR` before or
 * after it, spaces aside (`s` trimmed); nothing else ("--", "-,-", "€ - €", an en dash) is a zero.
 */
function isAccountingZero(s: string): boolean {
  let t = s;
  if (t.charCodeAt(0) === 0x20ac) t = t.slice(1);
  else if (/^eur/i.test(t)) t = t.slice(3);
  else if (t.charCodeAt(t.length - 1) === 0x20ac) t = t.slice(0, -1);
  else if (/eur$/i.test(t)) t = t.slice(0, -3);
  return t.trim() === "-";
}

/** Parses amount text to cents; see readAmount. A hand-written scanner: imports can have a million rows. */
function amountFromText(raw: string, column: "amount" | "vat"): CellResult<Cents> {
  let s = raw.trim();
  if (s === "") return EMPTY;
  const err = excelErrorText(s);
  if (err !== null) return fail("excel-error", msg.excelErrorCell(err, column));
  if (s.indexOf("-") >= 0 && isAccountingZero(s)) return ok(0);
  const notNumber = (): CellError => fail("amount-not-a-number", msg.amountNotANumber(raw.trim(), column));
  if (s.indexOf("%") >= 0) return fail("amount-percent", msg.amountPercent(s));

  let negative = false;
  let signs = 0;
  if (s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41 /* ) */) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  // Leading sign and currency in either order: "-€ 12", "€ -12", "EUR 12", "- 12".
  let start = 0;
  let currency = false;
  for (;;) {
    const c = s.charCodeAt(start);
    if (isSpace(c)) start++;
    else if (c === 45 /* - */ || c === 0x2212 /* − */ || c === 43 /* + */) {
      if (c !== 43) negative = !negative;
      signs++;
      start++;
    } else if (c === 0x20ac /* € */ && !currency) {
      currency = true;
      start++;
    } else if (!currency && (s.startsWith("EUR", start) || s.startsWith("eur", start) || s.startsWith("Eur", start))) {
      currency = true;
      start += 3;
    } else break;
  }
  let end = s.length;
  for (;;) {
    const c = s.charCodeAt(end - 1);
    if (isSpace(c)) end--;
    else if ((c === 45 /* - */ || c === 0x2212) && isDigit(s.charCodeAt(lastNonSpace(s, end - 2, start)))) {
      // A trailing minus, as ledgers print credit amounts: "450,00-", also after a space ("450,00 -",
      // "€ 450,00 -"). ("12,-" is whole euros: a comma precedes.)
      negative = !negative;
      signs++;
      end--;
    }
    else if (c === 0x20ac && !currency) {
      currency = true;
      end--;
    } else if (!currency && end - 3 >= start && /^eur$/i.test(s.slice(end - 3, end))) {
      currency = true;
      end -= 3;
    } else break;
  }
  if (signs > 1) return notNumber();
  let body = s.slice(start, end);
  if (body === "") return notNumber();

  // "12,-" / "12,--" / "12.-": whole euros. The separator before the dash is the decimal one, so the other
  // separator in "1.234,-" (Dutch) or "1,234.-" can only group thousands.
  let wholeEuros = false;
  let wholeMark = 0; // char code of the separator before the dash
  if (body.endsWith(",--") || body.endsWith(".--")) {
    wholeMark = body.charCodeAt(body.length - 3);
    body = body.slice(0, -3);
    wholeEuros = true;
  } else if (body.endsWith(",-") || body.endsWith(".-")) {
    wholeMark = body.charCodeAt(body.length - 2);
    body = body.slice(0, -2);
    wholeEuros = true;
  }

  let dots = 0;
  let commas = 0;
  let spaces = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === 46) {
      dots++;
      lastDot = i;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (isSpace(c)) spaces++;
    else return notNumber();
  }

  let intPart: string;
  let fracPart = "";
  let group: number | null = null; // char code of the thousands separator
  if (dots > 0 && commas > 0) {
    if (spaces > 0) return notNumber();
    const decimalAt = Math.max(lastDot, lastComma);
    const decimalIsDot = decimalAt === lastDot;
    if ((decimalIsDot ? dots : commas) !== 1) return notNumber();
    group = decimalIsDot ? 44 : 46;
    intPart = body.slice(0, decimalAt);
    fracPart = body.slice(decimalAt + 1);
    if (fracPart === "") return notNumber();
  } else if (dots + commas > 0) {
    const sepAt = dots > 0 ? lastDot : lastComma;
    const count = dots + commas;
    if (spaces > 0) {
      // Spaces group thousands, so the point or comma must be the decimal separator.
      if (count !== 1) return notNumber();
      group = 32;
      intPart = body.slice(0, sepAt);
      fracPart = body.slice(sepAt + 1);
      if (fracPart === "") return notNumber();
    } else if (count === 1 && wholeEuros && body.charCodeAt(sepAt) !== wholeMark && body.charCodeAt(0) !== 48 /* 0 */) {
      // "1.234,-", "€ 12.500,--", "1,234.-": the dash's separator is the decimal one, this one groups thousands
      // (the groups are checked below). Not after a leading 0: "0.500,-" is no thousands grouping.
      group = body.charCodeAt(sepAt);
      intPart = body;
    } else if (count === 1) {
      intPart = body.slice(0, sepAt);
      fracPart = body.slice(sepAt + 1);
      if (fracPart === "") return notNumber();
      if (fracPart.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== "0") {
        return fail("amount-ambiguous", msg.amountAmbiguous(raw.trim()));
      }
    } else {
      group = dots > 0 ? 46 : 44;
      intPart = body;
    }
  } else {
    if (spaces > 0) group = 32;
    intPart = body;
  }
  if (wholeEuros && fracPart !== "") return notNumber();

  // Validate and strip thousands groups: first group 1–3 digits, the others exactly 3.
  let digits = "";
  if (group === null) {
    digits = intPart;
  } else {
    let groupLen = 0;
    let groups = 0;
    for (let i = 0; i <= intPart.length; i++) {
      const c = i < intPart.length ? intPart.charCodeAt(i) : -1;
      const isSep = c === group || (group === 32 && isSpace(c));
      if (c === -1 || isSep) {
        if (groups === 0 ? groupLen < 1 || groupLen > 3 : groupLen !== 3) return notNumber();
        groups++;
        groupLen = 0;
      } else if (isDigit(c)) {
        groupLen++;
      } else {
        return notNumber();
      }
    }
    for (let i = 0; i < intPart.length; i++) {
      const c = intPart.charCodeAt(i);
      if (isDigit(c)) digits += intPart[i];
    }
  }
  for (let i = 0; i < digits.length; i++) if (!isDigit(digits.charCodeAt(i))) return notNumber();
  for (let i = 0; i < fracPart.length; i++) if (!isDigit(fracPart.charCodeAt(i))) return notNumber();
  if (digits === "" && fracPart === "") return notNumber();
  if (fracPart.length > 2) {
    for (let i = 2; i < fracPart.length; i++) {
      if (fracPart.charCodeAt(i) !== 48) return fail("amount-too-many-decimals", msg.amountTooManyDecimals(raw.trim()));
    }
    fracPart = fracPart.slice(0, 2);
  }
  const euros = digits === "" ? 0 : Number(digits);
  if (!(euros <= MAX_EUROS)) return fail("amount-too-large", msg.amountTooLarge(raw.trim()));
  const cents = euros * 100 + (fracPart === "" ? 0 : fracPart.length === 1 ? Number(fracPart) * 10 : Number(fracPart));
  return ok(negative && cents !== 0 ? -cents : cents);
}

// ---------------------------------------------------------------------------------------------------
// Categories

const categoryCache = new StringCache<CellResult<CategoryCode>>(10_000);

let acceptedCache: Localized | null = null;
function acceptedCodes(): Localized {
  if (acceptedCache === null) acceptedCache = { nl: acceptedCodesText("nl"), en: acceptedCodesText("en") };
  return acceptedCache;
}

const RATE_21: CellResult<CategoryCode> = Object.freeze({ kind: "ok" as const, value: "21" as const });
const RATE_9: CellResult<CategoryCode> = Object.freeze({ kind: "ok" as const, value: "9" as const });

/**
 * Reads a category cell (kor-rules.md section 3) into a canonical code.
 *
 * - Text goes through `parseCategory` (case, spaces, dots, hyphens and a trailing % ignored): `"21%"`,
 *   `"hoog"`, `"KOR"`, `"0"`, `"0%"` (the 0% rate) …
 * - Numbers: 21 and 0.21 are the 21% rate, 9 and 0.09 the 9% rate. The **number 0 is empty**, not the 0% rate:
 *   desktop Excel passes 0 for an empty cell, and an empty category is ordinary taxed turnover that counts
 *   exactly like 0% does. To mean the 0% rate explicitly, type the text `0%` (or `nul`, `zero`).
 * - Unknown text or numbers: error naming the value and the accepted codes. A bare `vrijgesteld` /
 *   `exempt` is ambiguous: error naming the choices.
 */
export function readCategoryCell(cell: unknown): CellResult<CategoryCode> {
  return readCategoryAt(cell, 0);
}

function readCategoryAt(cell: unknown, depth: number): CellResult<CategoryCode> {
  if (typeof cell === "string") {
    const cached = categoryCache.get(cell);
    if (cached !== undefined) return cached;
    const result = categoryFromText(cell);
    categoryCache.set(cell, result);
    return result;
  }
  if (typeof cell === "number") {
    if (cell === 0) return EMPTY;
    if (cell === 21 || Math.abs(cell - 0.21) < 1e-9) return RATE_21;
    if (cell === 9 || Math.abs(cell - 0.09) < 1e-9) return RATE_9;
    return fail("unknown-category", msg.categoryUnknown(String(cell), acceptedCodes()));
  }
  if (cell === null || cell === undefined) return EMPTY;
  if (cell instanceof Date) return fail("unsupported-value", msg.unsupportedCell(cellText(cell), "category"));
  const other = otherCell(cell, "category", depth);
  return "inner" in other ? readCategoryAt(other.inner, depth + 1) : other;
}

function categoryFromText(raw: string): CellResult<CategoryCode> {
  const text = raw.trim();
  if (text === "") return EMPTY;
  const err = excelErrorText(text);
  if (err !== null) return fail("excel-error", msg.excelErrorCell(err, "category"));
  const parsed = parseCategory(text);
  switch (parsed.kind) {
    case "ok":
      return parsed.code === null ? EMPTY : ok(parsed.code);
    case "ambiguous":
      return fail("ambiguous-category", parsed.about === "eu-service" ? msg.categoryAmbiguousEuService(text) : msg.categoryAmbiguous(text));
    default: {
      // A bookkeeping package's own code or rate name (e-Boekhouden's HOOG_VERK_21 …), see ./packageCodes.ts.
      const pkg = packageCategory(text);
      if (pkg === "ambiguous") return fail("ambiguous-category", msg.categoryAmbiguous(text));
      if (pkg === "ambiguous-eu-supply") return fail("ambiguous-category", msg.categoryAmbiguousEuSupply(text));
      if (pkg !== undefined) return ok(pkg);
      return fail("unknown-category", msg.categoryUnknown(text, acceptedCodes()));
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Countries

const countryCache = new StringCache<CellResult<string>>(2_000);

/**
 * Reads a country cell into an ISO 3166-1 alpha-2 code (upper case). Accepts every ISO alpha-2 code, `EL`
 * (→ GR) and `UK` (→ GB), and Dutch/English names of the EU-27 and common other countries (`Duitsland`,
 * `Germany`, `Verenigd Koninkrijk`, `VS`). Empty text, null and the number 0 (desktop Excel's empty cell) are
 * empty. Anything else is an error naming the value.
 */
export function readCountry(cell: unknown): CellResult<string> {
  return readCountryAt(cell, 0);
}

function readCountryAt(cell: unknown, depth: number): CellResult<string> {
  if (typeof cell === "string") {
    const cached = countryCache.get(cell);
    if (cached !== undefined) return cached;
    const result = countryFromText(cell);
    countryCache.set(cell, result);
    return result;
  }
  if (cell === null || cell === undefined || cell === 0) return EMPTY;
  if (typeof cell === "number") return fail("unknown-country", msg.countryUnknown(String(cell)));
  if (cell instanceof Date) return fail("unsupported-value", msg.unsupportedCell(cellText(cell), "country"));
  const other = otherCell(cell, "country", depth);
  return "inner" in other ? readCountryAt(other.inner, depth + 1) : other;
}

function countryFromText(raw: string): CellResult<string> {
  const text = raw.trim();
  if (text === "") return EMPTY;
  const err = excelErrorText(text);
  if (err !== null) return fail("excel-error", msg.excelErrorCell(err, "country"));
  // XI / Northern Ireland: in the EU for goods, outside it for services; the message says how to enter it.
  if (isNorthernIreland(text)) return fail("unknown-country", msg.countryNorthernIreland(text));
  const treatedAs = treatedAsFromText(text);
  if (treatedAs !== null) return { kind: "ok", value: treatedAs.code, treatedAs };
  const code = countryCodeFromText(text);
  return code === null ? fail("unknown-country", msg.countryUnknown(text)) : ok(code);
}
