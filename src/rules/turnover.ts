/**
 * Turnover per calendar year: what counts toward the €20,000 KOR threshold and what does not, per category.
 * Single passes over the rows, no per-row allocation.
 */
import { dayFromYmd } from "./dates";
import type { Cents } from "./money";
import type { CategoryCode, InvoiceRow } from "./types";
import type { CategoryLine } from "./summary-types";
import { CATEGORIES, EMPTY_CATEGORY_REASON, countsForKor } from "./categories";
import { fastYear } from "./internal";

/** Index of each code in CATEGORIES; the empty category (null) gets the last slot. */
const CODE_INDEX = new Map<CategoryCode, number>(CATEGORIES.map((c, i) => [c.code, i]));
const NULL_INDEX = CATEGORIES.length;
const COUNTED_BY_INDEX: readonly boolean[] = [...CATEGORIES.map((c) => c.countsNL), true];

export interface YearTurnover {
  /** Sum of rows that count toward the KOR threshold (credit notes reduce it). */
  readonly countableCents: Cents;
  /** Sum of the year's rows that do not count (exempt under art. 11, private use, purchases, …). */
  readonly notCountedCents: Cents;
  /** One line per category present in the year: the empty category first, then in table order. */
  readonly lines: CategoryLine[];
  /** Rows of the year with an empty category (counted as turnover). */
  readonly uncategorisedRows: number;
}

/** First and last Day of a calendar year. */
export function yearBounds(year: number): { from: number; to: number } {
  return { from: dayFromYmd(year, 1, 1), to: dayFromYmd(year, 12, 31) };
}

/**
 * Countable and not-counted turnover of one calendar year, with a line per category.
 * @example countableTurnover(rows, 2025).countableCents // 1_950_000 for worked example 1
 */
export function countableTurnover(rows: readonly InvoiceRow[], year: number): YearTurnover {
  const { from, to } = yearBounds(year);
  const cents = new Array<number>(CATEGORY_SLOTS).fill(0);
  const counts = new Array<number>(CATEGORY_SLOTS).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day < from || r.day > to) continue;
    const k = categorySlot(r.category);
    if (k < 0) continue; // not a CategoryCode: the reading layer never produces one
    cents[k] += r.cents;
    counts[k] += 1;
  }
  return turnoverFromSlots(cents, counts);
}

/** Slots for turnoverFromSlots: one per category of CATEGORIES, and the last for the empty category. */
export const CATEGORY_SLOTS = NULL_INDEX + 1;

/** A category's slot (see CATEGORY_SLOTS); -1 for a text that is not a CategoryCode. */
export function categorySlot(category: CategoryCode | null): number {
  return category === null ? NULL_INDEX : (CODE_INDEX.get(category) ?? -1);
}

/** The year's turnover from its sums and row counts per category slot (countableTurnover, or rows kept in columns). */
export function turnoverFromSlots(cents: readonly number[], counts: readonly number[]): YearTurnover {
  let countableCents = 0;
  let notCountedCents = 0;
  const lines: CategoryLine[] = [];
  const order = [NULL_INDEX, ...CATEGORIES.map((_, i) => i)];
  for (const k of order) {
    if (counts[k] === 0) continue;
    if (COUNTED_BY_INDEX[k]) countableCents += cents[k];
    else notCountedCents += cents[k];
    const c = k === NULL_INDEX ? null : CATEGORIES[k];
    lines.push({
      category: c === null ? null : c.code,
      counted: COUNTED_BY_INDEX[k],
      cents: cents[k],
      rows: counts[k],
      reason: c === null ? EMPTY_CATEGORY_REASON : c.reason,
    });
  }
  return { countableCents, notCountedCents, lines, uncategorisedRows: counts[NULL_INDEX] };
}

/** The calendar years that have at least one row, ascending. */
export function yearsIn(rows: readonly InvoiceRow[]): number[] {
  const years = new Set<number>();
  let lastFrom = 1;
  let lastTo = 0; // empty range: forces the first computation
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i].day;
    if (d >= lastFrom && d <= lastTo) continue;
    const y = fastYear(d);
    years.add(y);
    ({ from: lastFrom, to: lastTo } = yearBounds(y));
  }
  return [...years].sort((a, b) => a - b);
}

/** The latest calendar year with a row, or null for no rows. */
export function latestYear(rows: readonly InvoiceRow[]): number | null {
  if (rows.length === 0) return null;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) if (rows[i].day > max) max = rows[i].day;
  return fastYear(max);
}

/** Countable turnover per calendar year (every year with a row, also when its countable total is 0). */
export function turnoverByYear(rows: readonly InvoiceRow[]): Map<number, Cents> {
  const out = new Map<number, Cents>();
  let lastFrom = 1;
  let lastTo = 0;
  let lastYear = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day < lastFrom || r.day > lastTo) {
      lastYear = fastYear(r.day);
      ({ from: lastFrom, to: lastTo } = yearBounds(lastYear));
    }
    const add = countsForKor(r.category) ? r.cents : 0;
    out.set(lastYear, (out.get(lastYear) ?? 0) + add);
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

/** Whether any row falls in the calendar year. */
export function hasRowsIn(rows: readonly InvoiceRow[], year: number): boolean {
  const { from, to } = yearBounds(year);
  for (let i = 0; i < rows.length; i++) if (rows[i].day >= from && rows[i].day <= to) return true;
  return false;
}
