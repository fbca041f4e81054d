/**
 * What the year summary asks of the rows, as one interface with two implementations: `arrayQueries` over
 * InvoiceRow objects (the add-in, the functions, small files) and `columnQueries` (./columns.ts) over rows
 * kept in columns per year (kor-check on a big sheet, where a million row objects would cost ~90 MB).
 * summarizeYear, eligibility and nextPossibleStart run on either; both give the same answers
 * (test/bulk/summaryColumns.test.ts compares them). Not part of the public API.
 */
import type { Day } from "./dates";
import type { Cents } from "./money";
import type { InvoiceRow } from "./types";
import type { Crossing, EuSummary } from "./summary-types";
import { countsForKor } from "./categories";
import { countableTurnover, hasRowsIn, yearBounds, yearsIn, type YearTurnover } from "./turnover";
import { findCrossing } from "./crossing";
import {
  distanceSalesNl, domesticAbroadRows, euQuarterlyReport, findEuCrossing, findStateCrossing, turnoverPerState, unionTurnover, unplacedForeignRows,
  type CountedAbroadKind, type EuCrossing, type StateCrossing,
} from "./eu";

/** The rows of `year` that show VAT before a point (see RowQueries.vatShown). */
export interface VatShown {
  readonly count: number;
  /** The first such row (in sheet order). */
  readonly first: { readonly row: number; readonly day: Day; readonly vatCents: Cents };
  /** Their row numbers in sheet order, at most `maxListed`. */
  readonly listed: number[];
}

/** The rows dated in a span of days (see RowQueries.datedIn). */
export interface DatedRows {
  readonly count: number;
  /** The first of them in sheet order (row number and day), at most `maxListed`. */
  readonly listed: readonly { readonly row: number; readonly day: Day }[];
}

export interface RowQueries {
  /** The calendar years with at least one row, ascending. */
  yearsIn(): number[];
  hasRowsIn(year: number): boolean;
  /** The earliest day of a row of `year` (any category), or null when it has none. */
  firstDayIn(year: number): Day | null;
  countableTurnover(year: number): YearTurnover;
  /** As findCrossing(rows, year, thresholdCents). */
  findCrossing(year: number, thresholdCents?: Cents): Crossing | null;
  /** Countable cents of `year` summed per slot, the slot of a row being slotOfDay[day − 1 January]. */
  countableBySlot(year: number, slotOfDay: Uint8Array, slots: number): number[];
  /**
   * The rows of `year` showing VAT (not null, not 0; purchases excluded) dated before `untilDay`, or dated
   * `untilDay` with a row number below `beforeRow`, and not before `fromDay` when given; null when none.
   */
  vatShown(year: number, untilDay: Day, beforeRow: number, maxListed: number, fromDay?: Day): VatShown | null;
  /** The rows dated after `after` and not after `until`, in sheet order; null when none. */
  datedIn(after: Day, until: Day, maxListed: number): DatedRows | null;
  /** Whether any row has a country. */
  anyCountry(): boolean;
  /** As distanceSalesNl(rows, year). */
  distanceSalesNl(year: number): Cents;
  /** As unionTurnover(rows, year), turnoverPerState, findEuCrossing, euQuarterlyReport (eu.ts). */
  unionTurnover(year: number): Cents;
  turnoverPerState(year: number): Map<string, Cents>;
  findEuCrossing(year: number): EuCrossing | null;
  /** As findStateCrossing(rows, year, country, limitCents). */
  findStateCrossing(year: number, country: string, limitCents: Cents): StateCrossing | null;
  euQuarterlyReport(year: number): EuSummary["quarters"];
  /** The `buitenland` rows of `year` without a country or with NL, in sheet order (as unplacedForeignRows). */
  unplacedForeignRows(year: number): readonly UnplacedForeignRow[];
  /** The rows of `year` counted for NL whose country is another country, in sheet order (as domesticAbroadRows). */
  domesticAbroadRows(year: number): readonly DomesticAbroadRow[];
}

/**
 * A row counted for NL whose country is another country (`country`, Greece as GR) that its category contradicts:
 * a Dutch supply with a member state of the row's year or a country outside the EU; `verlegd`, `icp` or
 * `afstand-nl` with a country outside the EU; `export` with another member state (`kind`, see
 * countedAbroadCountry).
 */
export interface DomesticAbroadRow {
  readonly row: number;
  readonly day: Day;
  readonly country: string;
  readonly kind: CountedAbroadKind;
}

/** A `buitenland` row that cannot be placed in a member state: its country is null (empty) or NL. */
export interface UnplacedForeignRow {
  readonly row: number;
  readonly day: Day;
  readonly country: string | null;
}

/** RowQueries over InvoiceRow objects: each question is the rule module's own function on the rows. */
export function arrayQueries(rows: readonly InvoiceRow[]): RowQueries {
  return new ArrayQueries(rows);
}

/** A class rather than arrow functions made per call, as ColumnQueries (./columns.ts) says why. */
class ArrayQueries implements RowQueries {
  constructor(private readonly rows: readonly InvoiceRow[]) {}

  yearsIn(): number[] {
    return yearsIn(this.rows);
  }

  hasRowsIn(year: number): boolean {
    return hasRowsIn(this.rows, year);
  }

  firstDayIn(year: number): Day | null {
    const { from, to } = yearBounds(year);
    let first: Day | null = null;
    for (let i = 0; i < this.rows.length; i++) {
      const day = this.rows[i].day;
      if (day >= from && day <= to && (first === null || day < first)) first = day;
    }
    return first;
  }

  countableTurnover(year: number): YearTurnover {
    return countableTurnover(this.rows, year);
  }

  findCrossing(year: number, thresholdCents?: Cents): Crossing | null {
    return findCrossing(this.rows, year, thresholdCents);
  }

  countableBySlot(year: number, slotOfDay: Uint8Array, slots: number): number[] {
    const rows = this.rows;
    const sums = new Array<number>(slots).fill(0);
    const { from, to } = yearBounds(year);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.day < from || r.day > to || !countsForKor(r.category)) continue;
      sums[slotOfDay[r.day - from]] += r.cents;
    }
    return sums;
  }

  vatShown(year: number, untilDay: Day, beforeRow: number, maxListed: number, fromDay?: Day): VatShown | null {
    const rows = this.rows;
    const from = Math.max(yearBounds(year).from, fromDay ?? Number.NEGATIVE_INFINITY);
    let count = 0;
    let first: InvoiceRow | null = null;
    const listed: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.day < from || r.day > untilDay || (r.day === untilDay && r.row >= beforeRow)) continue;
      if (r.vatCents === null || r.vatCents === 0 || r.category === "inkoop") continue;
      count++;
      if (first === null) first = r;
      if (listed.length < maxListed) listed.push(r.row);
    }
    return first === null ? null : { count, first: { row: first.row, day: first.day, vatCents: first.vatCents ?? 0 }, listed };
  }

  datedIn(after: Day, until: Day, maxListed: number): DatedRows | null {
    let count = 0;
    const listed: { row: number; day: Day }[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (r.day <= after || r.day > until) continue;
      count++;
      if (listed.length < maxListed) listed.push({ row: r.row, day: r.day });
    }
    return count === 0 ? null : { count, listed };
  }

  anyCountry(): boolean {
    return this.rows.some((r) => r.country !== null);
  }

  distanceSalesNl(year: number): Cents {
    return distanceSalesNl(this.rows, year);
  }

  unionTurnover(year: number): Cents {
    return unionTurnover(this.rows, year);
  }

  turnoverPerState(year: number): Map<string, Cents> {
    return turnoverPerState(this.rows, year);
  }

  findEuCrossing(year: number): EuCrossing | null {
    return findEuCrossing(this.rows, year);
  }

  findStateCrossing(year: number, country: string, limitCents: Cents): StateCrossing | null {
    return findStateCrossing(this.rows, year, country, limitCents);
  }

  euQuarterlyReport(year: number): EuSummary["quarters"] {
    return euQuarterlyReport(this.rows, year);
  }

  unplacedForeignRows(year: number): readonly UnplacedForeignRow[] {
    return unplacedForeignRows(this.rows, year);
  }

  domesticAbroadRows(year: number): readonly DomesticAbroadRow[] {
    return domesticAbroadRows(this.rows, year);
  }
}
