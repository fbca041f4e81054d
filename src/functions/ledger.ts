/**
 * Invoice ranges → the rows the rules need, fast enough for 1,048,576 rows.
 *
 * The reading layer (`readRows`) is the authority on cells: it builds one InvoiceRow per invoice and a
 * row-numbered problem per faulty cell. For the KOR functions on clean input (serial dates, numeric amounts,
 * known categories: the shape Excel passes for a normal invoice sheet) building a million row objects costs far
 * more than the rules need, so `fastDayRows` reads such input straight into per-day totals and hands the
 * rules a handful of rows per day that give the same answers:
 *
 *  - per day, the countable rows become two rows: the day's highest running sum within the day (sheet order)
 *    and the rest of the day's sum. Running totals at every day boundary and each day's peak are unchanged,
 *    so yearly sums, eligibility and the crossing *day* are exactly those of the real rows;
 *  - per day, the rows that do not count become one row of a non-counting category (so a year with only
 *    such rows still "has data" for the previous-year test).
 *
 * Any cell the fast path is not certain about (text, an error, a date without amount, an unknown category,
 * a row-shaped range…) makes it give up and the reading layer reads everything, with its messages. Row
 * numbers of the day rows are not sheet rows: callers use them only for sums and the crossing date.
 */
import { readRows } from "../reading/rows";
import { headerRole } from "../reading/headers";
import { MAX_EXCEL_SERIAL, readCategoryCell } from "../reading/cells";
import { countsForKor } from "../rules/categories";
import { dayFromYmd, yearOf, type Day } from "../rules/dates";
import { centsFromEuros } from "../rules/money";
import type { InvoiceRow } from "../rules/types";
import { refuse } from "./errors";
import { firstErrorMessage, type ColumnArgs, type InvocationLike } from "./location";

/** Rows for the rules; `exact` is false for the per-day rows of the fast path. */
export interface Ledger {
  readonly rows: readonly InvoiceRow[];
  readonly exact: boolean;
}

export interface LedgerInput {
  readonly dates: unknown;
  readonly amounts: unknown;
  readonly categories?: unknown;
  readonly countries?: unknown;
}

/**
 * Reads the invoice ranges of a function call. Refuses (#VALUE!) with the first error, located by cell
 * address or range row, when any cell is wrong: never a silently wrong number.
 */
export function readLedger(given: LedgerInput, columns: ColumnArgs, invocation?: InvocationLike | null, allowFast = true): Ledger {
  const header = hasHeaderRow(given);
  const input = header ? withoutFirstRow(given) : given;
  if (allowFast && (input.countries === null || input.countries === undefined)) {
    const fast = fastDayRows(input.dates, input.amounts, input.categories);
    if (fast !== null) return { rows: fast, exact: false };
  }
  // Without the header row, row 1 of what is read is row 2 of the range: messages keep the range's rows.
  const { rows, problems } = readRows(
    {
      dates: input.dates,
      amounts: input.amounts,
      categories: input.categories ?? null,
      countries: input.countries ?? null,
    },
    { rowOffset: header ? 1 : 0 },
  );
  const message = firstErrorMessage(problems, columns, invocation);
  if (message !== null) refuse(message);
  return { rows, exact: true };
}

function firstCell(range: unknown): unknown {
  if (!Array.isArray(range) || range.length === 0) return undefined;
  const first: unknown = range[0];
  return Array.isArray(first) ? first[0] : undefined;
}

/**
 * Whether the first row of the ranges is a header ("Datum" over the dates, "Bedrag" over the amounts), as in
 * =KOR.COUNTABLE(A:A; B:B): then it is not an invoice. Only when every range given as a list of rows has
 * the dates' height (otherwise the reading layer reports the mismatch with the ranges' real heights).
 */
function hasHeaderRow(input: LedgerInput): boolean {
  if (headerRole(firstCell(input.dates)) !== "date" || headerRole(firstCell(input.amounts)) !== "amount") return false;
  const n = (input.dates as unknown[]).length;
  return [input.amounts, input.categories, input.countries].every((r) => !Array.isArray(r) || r.length === n);
}

function withoutFirstRow(input: LedgerInput): LedgerInput {
  const cut = (r: unknown): unknown => (Array.isArray(r) ? r.slice(1) : r);
  return { dates: cut(input.dates), amounts: cut(input.amounts), categories: cut(input.categories), countries: cut(input.countries) };
}

const EXCEL_EPOCH_OFFSET = 25_569; // serial − this = days since 1970-01-01, from serial 61 (1 March 1900) on
const SERIAL_END = MAX_EXCEL_SERIAL + 1;

class YearTotals {
  readonly from: Day;
  readonly to: Day;
  readonly countSum: Float64Array;
  readonly countPeak: Float64Array;
  readonly countSeen: Uint8Array;
  readonly otherSum: Float64Array;
  readonly otherSeen: Uint8Array;
  constructor(readonly year: number) {
    this.from = dayFromYmd(year, 1, 1);
    this.to = dayFromYmd(year, 12, 31);
    const n = this.to - this.from + 1;
    this.countSum = new Float64Array(n);
    this.countPeak = new Float64Array(n);
    this.countSeen = new Uint8Array(n);
    this.otherSum = new Float64Array(n);
    this.otherSeen = new Uint8Array(n);
  }
}

const RECENT = 16; // a power of two
const NOT_COUNTED = 0;
const COUNTED = 1;
const UNCLEAR = 2;

function isBlank(v: unknown): boolean {
  return v === 0 || v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

/** Whether one category cell counts; UNCLEAR when the reading layer would report a problem. */
function classify(v: unknown): number {
  const r = readCategoryCell(v);
  if (r.kind === "empty") return COUNTED;
  if (r.kind === "error") return UNCLEAR;
  return countsForKor(r.value) ? COUNTED : NOT_COUNTED;
}

/**
 * Per-day rows for clean single-column ranges, or null to let the reading layer read the input.
 * Mirrors `readColumns` for the cells it accepts: a row whose amount is blank (0, null, "") is skipped
 * whatever its date (the reading layer only warns about it); every other row must have a serial date
 * (≥ 61) and a finite numeric amount.
 */
export function fastDayRows(dates: unknown, amounts: unknown, categories: unknown): InvoiceRow[] | null {
  if (!Array.isArray(dates) || !Array.isArray(amounts)) return null;
  const n = dates.length;
  if (amounts.length !== n || n === 0) return null;
  const cats: unknown[] | null = categories === null || categories === undefined ? null : Array.isArray(categories) ? categories : null;
  if (categories !== null && categories !== undefined && (cats === null || cats.length !== n)) return null;

  const years = new Map<number, YearTotals>();
  let cur: YearTotals | null = null;
  let from = 1;
  let to = 0;
  // Category text repeats: the class of each distinct text, and the most recent texts for a quick check.
  const seenText = new Map<string, number>();
  const recentText: string[] = new Array<string>(RECENT).fill("");
  const recentClass = new Uint8Array(RECENT);
  let recentCount = 0;
  let recentNext = 0;

  for (let i = 0; i < n; i++) {
    const dr = dates[i];
    const ar = amounts[i];
    if (!Array.isArray(dr) || !Array.isArray(ar) || dr.length !== 1 || ar.length !== 1) return null;
    const a: unknown = ar[0];
    if (typeof a !== "number") {
      if (isBlank(a)) continue;
      return null;
    }
    if (a === 0) continue;
    const d: unknown = dr[0];
    if (typeof d !== "number" || !(d >= 61 && d < SERIAL_END)) return null;
    const cents = centsFromEuros(a);
    if (cents === null) return null;

    let cls = COUNTED;
    if (cats !== null) {
      const cr = cats[i];
      if (!Array.isArray(cr) || cr.length !== 1) return null;
      const c: unknown = cr[0];
      if (typeof c === "string") {
        // A short list of recent texts, compared with ===, beats a Map lookup per row.
        let hit = -1;
        for (let j = 0; j < recentCount; j++) {
          if (recentText[j] === c) {
            hit = j;
            break;
          }
        }
        if (hit >= 0) cls = recentClass[hit];
        else {
          let k = seenText.get(c);
          if (k === undefined) {
            k = c === "" ? COUNTED : classify(c);
            if (seenText.size < 1000) seenText.set(c, k);
          }
          cls = k;
          const slot = recentCount < RECENT ? recentCount++ : (recentNext++ & (RECENT - 1));
          recentText[slot] = c;
          recentClass[slot] = k;
        }
      } else if (c === null || c === undefined || c === 0) cls = COUNTED;
      else if (typeof c === "number") cls = classify(c);
      else return null;
      if (cls === UNCLEAR) return null;
    }

    const day = Math.floor(d) - EXCEL_EPOCH_OFFSET;
    if (day < from || day > to) {
      const y = yearOf(day);
      let t = years.get(y);
      if (t === undefined) {
        t = new YearTotals(y);
        years.set(y, t);
      }
      cur = t;
      from = t.from;
      to = t.to;
    }
    const t = cur as YearTotals;
    const k = day - from;
    if (cls === COUNTED) {
      const sum = t.countSum[k] + cents;
      t.countSum[k] = sum;
      if (t.countSeen[k] === 0) {
        t.countSeen[k] = 1;
        t.countPeak[k] = sum;
      } else if (sum > t.countPeak[k]) t.countPeak[k] = sum;
    } else {
      t.otherSum[k] += cents;
      t.otherSeen[k] = 1;
    }
  }
  return dayRows(years);
}

function dayRows(years: Map<number, YearTotals>): InvoiceRow[] {
  const out: InvoiceRow[] = [];
  let row = 0;
  const push = (day: Day, cents: number, counted: boolean): void => {
    row++;
    out.push({ row, day, cents, category: counted ? null : "vrij", country: null, vatCents: null });
  };
  for (const y of [...years.keys()].sort((a, b) => a - b)) {
    const t = years.get(y) as YearTotals;
    for (let k = 0; k < t.countSum.length; k++) {
      const day = t.from + k;
      if (t.countSeen[k] === 1) {
        push(day, t.countPeak[k], true);
        const rest = t.countSum[k] - t.countPeak[k];
        if (rest !== 0) push(day, rest, true);
      }
      if (t.otherSeen[k] === 1) push(day, t.otherSum[k], false);
    }
  }
  return out;
}
