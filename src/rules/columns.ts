/**
 * The year summary's questions (RowQueries) answered from rows kept in columns per calendar year, with
 * running totals and typed arrays, without an object per row: kor-check keeps a big sheet this way
 * (src/bulk/rowColumns.ts). The answers equal arrayQueries' on the same rows (test/bulk/summaryColumns.test.ts).
 */
import { dayFromYmd, type Day } from "./dates";
import type { Cents } from "./money";
import type { CategoryCode, InvoiceRow } from "./types";
import type { Crossing, EuSummary } from "./summary-types";
import { countsForKor } from "./categories";
import { FIRST_EU_KOR_YEAR, FIRST_KOR_YEAR, parameterOn } from "./parameters";
import {
  byCountry, countedAbroadCountry, euCrossingAt, euQuarterlyFrom, isUnplacedForeign, mayBeCountedAbroad, unionStateOfCells, type EuCrossing, type StateCrossing,
} from "./eu";
import { CATEGORY_SLOTS, categorySlot, turnoverFromSlots, yearBounds, type YearTurnover } from "./turnover";
import { crossingAt } from "./crossing";
import type { DatedRows, DomesticAbroadRow, RowQueries, UnplacedForeignRow, VatShown } from "./rowQueries";
import { fastYear } from "./internal";

/**
 * The rows of one calendar year in columns, in sheet order (row numbers rising). Category codes by index:
 * `categoryIndex(i)` is an index in `codes`.
 */
export interface YearColumns {
  readonly length: number;
  row(i: number): number;
  day(i: number): Day;
  cents(i: number): Cents;
  categoryIndex(i: number): number;
  readonly codes: readonly (CategoryCode | null)[];
  country(i: number): string | null;
  vatCents(i: number): Cents | null;
  /** Whether any row has a country (then country(i) is worth asking). */
  readonly anyCountry: boolean;
  /** Whether any row has a VAT amount. */
  readonly anyVat: boolean;
  /** The i-th row as an object. */
  at(i: number): InvoiceRow;
}

/** A sheet's rows as columns per calendar year: every row of a year is in that year's columns. */
export interface RowsByYear {
  /** Years with at least one row, ascending. */
  readonly years: readonly number[];
  of(year: number): YearColumns | null;
}

/** Per code index: whether it counts for the KOR, and its slot for turnoverFromSlots. */
function codeTables(c: YearColumns): { counts: boolean[]; slots: number[] } {
  return { counts: c.codes.map((code) => countsForKor(code)), slots: c.codes.map((code) => categorySlot(code)) };
}

/**
 * The first row (by day, then row number) of the year's countable rows at which the running total is
 * strictly more than `threshold`, as firstRunningCrossing (./internal.ts): per-day sums and the best prefix
 * within each day find the day; the day's rows are then run through in sheet order. Rows of one day out of
 * row order (not from kor-check's reader) fall back to sorting an index array by day and row.
 * Kept apart from firstRunningCrossing on purpose: one scan over an index view serving both made that scan
 * 1.5–2× slower on 1,048,576 row objects (the pane's year summary), through the accessor calls in its loops.
 */
function runningCrossing(c: YearColumns, from: Day, to: Day, threshold: Cents, include: (i: number) => boolean): { index: number; runningCents: Cents } | null {
  const nDays = to - from + 1;
  const daySum = new Float64Array(nDays);
  const dayMax = new Float64Array(nDays).fill(Number.NEGATIVE_INFINITY);
  let sorted = true;
  let prevRow = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < c.length; i++) {
    const d = c.day(i);
    if (d < from || d > to || !include(i)) continue;
    any = true;
    const row = c.row(i);
    if (row < prevRow) sorted = false;
    prevRow = row;
    const k = d - from;
    const s = daySum[k] + c.cents(i);
    daySum[k] = s;
    if (s > dayMax[k]) dayMax[k] = s;
  }
  if (!any) return null;
  if (!sorted) {
    const picked: number[] = [];
    for (let i = 0; i < c.length; i++) {
      const d = c.day(i);
      if (d >= from && d <= to && include(i)) picked.push(i);
    }
    const order = Int32Array.from(picked).sort((a, b) => c.day(a) - c.day(b) || c.row(a) - c.row(b));
    let running = 0;
    for (const i of order) {
      running += c.cents(i);
      if (running > threshold) return { index: i, runningCents: running };
    }
    return null;
  }
  let before = 0;
  for (let k = 0; k < nDays; k++) {
    if (dayMax[k] !== Number.NEGATIVE_INFINITY && before + dayMax[k] > threshold) {
      const day = from + k;
      let running = before;
      for (let i = 0; i < c.length; i++) {
        if (c.day(i) !== day || !include(i)) continue;
        running += c.cents(i);
        if (running > threshold) return { index: i, runningCents: running };
      }
    }
    before += daySum[k];
  }
  return null;
}

/** The member state of each row's Union turnover (unionStateOfCells), looked up once per code and country. */
function unionStates(c: YearColumns): (i: number) => string | null {
  const nl = c.codes.map((code) => countsForKor(code));
  const foreign = c.codes.indexOf("buitenland");
  const memo = new Map<string | null, string | null>();
  return (i) => {
    const k = c.categoryIndex(i);
    if (nl[k]) return "NL";
    if (k !== foreign) return null;
    const country = c.country(i);
    let s = memo.get(country);
    if (s === undefined) {
      s = unionStateOfCells("buitenland", country);
      memo.set(country, s);
    }
    return s;
  };
}

/** RowQueries over a sheet's rows kept in columns per year. */
export function columnQueries(data: RowsByYear): RowQueries {
  return new ColumnQueries(data);
}

/**
 * A class, not an object of arrow functions made per sheet: its methods are one function each for the whole
 * run, so the engine optimises their loops once. Made anew for every sheet, each function was a new closure;
 * once the last one was collected the engine dropped its optimised code with it, and compiled it again for a
 * later sheet (kor-check over 200 workbooks: countableTurnover and countableBySlot compiled 35 times each,
 * 20-35 ms of compiling a time, a tenth of the run's CPU).
 */
class ColumnQueries implements RowQueries {
  private readonly years: readonly number[];

  constructor(private readonly data: RowsByYear) {
    this.years = data.years.filter((y) => (data.of(y)?.length ?? 0) > 0);
  }

  private of(year: number): YearColumns | null {
    const c = this.data.of(year);
    return c !== null && c.length > 0 ? c : null;
  }

  yearsIn(): number[] {
    return [...this.years];
  }

  hasRowsIn(year: number): boolean {
    return this.of(year) !== null;
  }

  firstDayIn(year: number): Day | null {
    const c = this.of(year);
    if (c === null) return null;
    let first = c.day(0);
    for (let i = 1; i < c.length; i++) if (c.day(i) < first) first = c.day(i);
    return first;
  }

  countableTurnover(year: number): YearTurnover {
    const cents = new Array<number>(CATEGORY_SLOTS).fill(0);
    const counts = new Array<number>(CATEGORY_SLOTS).fill(0);
    const c = this.of(year);
    if (c !== null) {
      const { slots } = codeTables(c);
      for (let i = 0; i < c.length; i++) {
        const k = slots[c.categoryIndex(i)];
        if (k < 0) continue;
        cents[k] += c.cents(i);
        counts[k] += 1;
      }
    }
    return turnoverFromSlots(cents, counts);
  }

  findCrossing(year: number, thresholdCents?: Cents): Crossing | null {
    const { from, to } = yearBounds(year);
    let threshold = thresholdCents;
    if (threshold === undefined) {
      if (year < FIRST_KOR_YEAR) return null;
      threshold = parameterOn("kor-threshold", from);
    }
    const c = this.of(year);
    if (c === null) return null;
    const { counts } = codeTables(c);
    const hit = runningCrossing(c, from, to, threshold, (i) => counts[c.categoryIndex(i)]);
    return hit === null ? null : crossingAt(c.at(hit.index), hit.runningCents);
  }

  countableBySlot(year: number, slotOfDay: Uint8Array, slots: number): number[] {
    const sums = new Array<number>(slots).fill(0);
    const c = this.of(year);
    if (c === null) return sums;
    const { counts } = codeTables(c);
    const from = yearBounds(year).from;
    for (let i = 0; i < c.length; i++) if (counts[c.categoryIndex(i)]) sums[slotOfDay[c.day(i) - from]] += c.cents(i);
    return sums;
  }

  vatShown(year: number, untilDay: Day, beforeRow: number, maxListed: number, fromDay?: Day): VatShown | null {
    const c = this.of(year);
    if (c === null || !c.anyVat) return null;
    const from = fromDay ?? Number.NEGATIVE_INFINITY;
    const inkoop = c.codes.indexOf("inkoop");
    let count = 0;
    let first = -1;
    const listed: number[] = [];
    for (let i = 0; i < c.length; i++) {
      const day = c.day(i);
      if (day < from || day > untilDay || (day === untilDay && c.row(i) >= beforeRow)) continue;
      const vat = c.vatCents(i);
      if (vat === null || vat === 0 || c.categoryIndex(i) === inkoop) continue;
      count++;
      if (first < 0) first = i;
      if (listed.length < maxListed) listed.push(c.row(i));
    }
    return first < 0 ? null : { count, first: { row: c.row(first), day: c.day(first), vatCents: c.vatCents(first) ?? 0 }, listed };
  }

  datedIn(after: Day, until: Day, maxListed: number): DatedRows | null {
    let count = 0;
    // Each year's rows are in sheet order: the first `maxListed` of all are among the first `maxListed` of each year.
    const listed: { row: number; day: Day }[] = [];
    const fromYear = fastYear(after);
    const toYear = Number.isFinite(until) ? fastYear(until) : Number.POSITIVE_INFINITY;
    for (const y of this.years) {
      if (y < fromYear || y > toYear) continue;
      const c = this.of(y);
      if (c === null) continue;
      let kept = 0;
      for (let i = 0; i < c.length; i++) {
        const day = c.day(i);
        if (day <= after || day > until) continue;
        count++;
        if (kept++ < maxListed) listed.push({ row: c.row(i), day });
      }
    }
    listed.sort((a, b) => a.row - b.row);
    return count === 0 ? null : { count, listed: listed.slice(0, maxListed) };
  }

  anyCountry(): boolean {
    return this.years.some((y) => this.of(y)?.anyCountry === true);
  }

  distanceSalesNl(year: number): Cents {
    const c = this.of(year);
    if (c === null) return 0;
    const k = c.codes.indexOf("afstand-nl");
    if (k < 0) return 0;
    let sum = 0;
    for (let i = 0; i < c.length; i++) if (c.categoryIndex(i) === k) sum += c.cents(i);
    return sum;
  }

  unionTurnover(year: number): Cents {
    const c = this.of(year);
    if (c === null) return 0;
    const stateOf = unionStates(c);
    let sum = 0;
    for (let i = 0; i < c.length; i++) if (stateOf(i) !== null) sum += c.cents(i);
    return sum;
  }

  turnoverPerState(year: number): Map<string, Cents> {
    const out = new Map<string, Cents>();
    const c = this.of(year);
    if (c === null) return out;
    const stateOf = unionStates(c);
    for (let i = 0; i < c.length; i++) {
      const s = stateOf(i);
      if (s !== null) out.set(s, (out.get(s) ?? 0) + c.cents(i));
    }
    return byCountry(out);
  }

  findEuCrossing(year: number): EuCrossing | null {
    if (year < FIRST_EU_KOR_YEAR) return null;
    const c = this.of(year);
    if (c === null) return null;
    const { from, to } = yearBounds(year);
    const stateOf = unionStates(c);
    const hit = runningCrossing(c, from, to, parameterOn("eu-union-threshold", from), (i) => stateOf(i) !== null);
    return hit === null ? null : euCrossingAt(c.row(hit.index), c.day(hit.index), hit.runningCents);
  }

  findStateCrossing(year: number, country: string, limitCents: Cents): StateCrossing | null {
    if (year < FIRST_EU_KOR_YEAR) return null;
    const c = this.of(year);
    if (c === null) return null;
    const { from, to } = yearBounds(year);
    const stateOf = unionStates(c);
    const hit = runningCrossing(c, from, to, limitCents, (i) => stateOf(i) === country);
    return hit === null ? null : { row: c.row(hit.index), day: c.day(hit.index), runningCents: hit.runningCents };
  }

  euQuarterlyReport(year: number): EuSummary["quarters"] {
    const perQuarter = [new Map<string, Cents>(), new Map<string, Cents>(), new Map<string, Cents>(), new Map<string, Cents>()];
    const states = new Set<string>();
    const c = this.of(year);
    if (c !== null) {
      const quarterStarts = [1, 4, 7, 10].map((m) => dayFromYmd(year, m, 1));
      const stateOf = unionStates(c);
      for (let i = 0; i < c.length; i++) {
        const s = stateOf(i);
        if (s === null) continue;
        const day = c.day(i);
        const q = day >= quarterStarts[3] ? 3 : day >= quarterStarts[2] ? 2 : day >= quarterStarts[1] ? 1 : 0;
        states.add(s);
        perQuarter[q].set(s, (perQuarter[q].get(s) ?? 0) + c.cents(i));
      }
    }
    return euQuarterlyFrom(year, perQuarter, states);
  }

  unplacedForeignRows(year: number): readonly UnplacedForeignRow[] {
    const c = this.of(year);
    const out: UnplacedForeignRow[] = [];
    if (c === null) return out;
    const k = c.codes.indexOf("buitenland");
    if (k < 0) return out;
    for (let i = 0; i < c.length; i++) {
      if (c.categoryIndex(i) !== k) continue;
      const country = c.country(i);
      if (isUnplacedForeign("buitenland", country)) out.push({ row: c.row(i), day: c.day(i), country });
    }
    return out;
  }

  domesticAbroadRows(year: number): readonly DomesticAbroadRow[] {
    const c = this.of(year);
    const out: DomesticAbroadRow[] = [];
    if (c === null || !c.anyCountry) return out;
    const candidate = c.codes.map((code) => mayBeCountedAbroad(code));
    if (!candidate.includes(true)) return out;
    for (let i = 0; i < c.length; i++) {
      if (!candidate[c.categoryIndex(i)]) continue;
      const abroad = countedAbroadCountry(c.codes[c.categoryIndex(i)], c.country(i), year);
      if (abroad !== null) out.push({ row: c.row(i), day: c.day(i), country: abroad.country, kind: abroad.kind });
    }
    return out;
  }
}
