/**
 * Keeps only the invoice rows a year summary needs while a large file streams past: the rows of the year
 * to check and of the year before it (the previous-year test). Without a fixed year the year to check is the
 * latest year with data not after the year of today (`todayYear`; defaultDataYear in src/rules/summary.ts), so
 * rows of older years are dropped as soon as a row two or more years later (and not after today's year) arrives;
 * rows of a year after today's are kept (the year checked only when every year is after today's). Rows of recent years (from `keepFrom`, the year of today − 3) are always kept: the data-aware next
 * start (src/rules/next-start.ts) looks at the crossings and the previous-year test of every year from the
 * year of today − 3 up to the latest year. Problems are capped: a file of a million bad rows keeps the first `maxProblems` and counts the rest.
 */
import * as msg from "../i18n/messages";
import { yearOf } from "../rules/dates";
import type { InvoiceRow, Problem } from "../rules/types";
import type { RowsByYear } from "../rules/columns";
import { RowColumns } from "./rowColumns";
import { countEn, countNl } from "../rules/text";

export const DEFAULT_MAX_PROBLEMS = 1_000;

/** Errors without a date, and errors per year of their row's date. */
export interface ErrorCounts {
  readonly undated: number;
  readonly byYear: readonly (readonly [number, number])[];
}

/** errorCountIn over counts handed over as data (see YearWindow.errorCountIn). */
export function errorCountIn(counts: ErrorCounts, years: readonly number[]): number {
  let n = counts.undated;
  for (const y of new Set(years)) n += counts.byYear.find(([k]) => k === y)?.[1] ?? 0;
  return n;
}

/** A year's kept rows: objects, or columns (`compact`, for plain invoice rows of a large sheet). */
type Bucket = { push(r: InvoiceRow): void; readonly length: number };

/** Whether a bucket's rows name a country. */
function hasCountry(b: Bucket): boolean {
  return b instanceof RowColumns ? b.anyCountry : (b as InvoiceRow[]).some((r) => r.country !== null);
}

export class YearWindow {
  private readonly byYear = new Map<number, Bucket>();
  /** A compact window's rows once handed over (see rows()). */
  private taken: InvoiceRow[] | null = null;
  private maxYear = Number.NEGATIVE_INFINITY;
  private readonly kept: Problem[] = [];
  private extraProblems = 0;
  private extraErrors = 0;
  /** Rows read, in every year (also those dropped). */
  rowCount = 0;
  /** Whether a row dropped (not kept) names a country: the summary's EU-KOR view looks at every row's. */
  droppedCountry = false;
  /** Errors in every year (also those not kept). */
  errorCount = 0;
  /** Errors without a date (whole input, unreadable date), and errors per year of their row's date. */
  private undatedErrors = 0;
  private readonly errorsByYear = new Map<number, number>();
  /** Years with rows or dated problems, also those not kept. */
  private readonly seen = new Set<number>();

  constructor(
    /** The year to check; null = the latest year with data. */
    private readonly year: number | null,
    private readonly maxProblems: number = DEFAULT_MAX_PROBLEMS,
    /** Rows of this year and later are always kept (the year of today − 3); null = none beyond the above. */
    private readonly keepFrom: number | null = null,
    /**
     * Keep rows in columns (RowColumns) rather than as objects: for plain InvoiceRows only (an auditfile's
     * rows carry their invoice reference and stay objects). rows() makes the objects again.
     */
    private readonly compact: boolean = false,
    /**
     * The year of today: without a fixed year, a row of a later year (a mistyped 2062) is kept and does not make
     * older years' rows go, as it does not make the year checked. null: every year counts (as before today mattered).
     */
    private readonly todayYear: number | null = null,
  ) {}

  private recent(y: number): boolean {
    return this.keepFrom !== null && y >= this.keepFrom;
  }

  addRows(rows: readonly InvoiceRow[]): void {
    this.rowCount += rows.length;
    // Rows of one block are mostly of one year: look the bucket up once per run of the same year.
    let bucketYear = Number.NaN;
    let bucket: Bucket | null = null;
    let from = 1;
    let to = 0;
    for (const r of rows) {
      if (r.day < from || r.day > to) {
        bucketYear = yearOf(r.day);
        this.seen.add(bucketYear);
        from = Date.UTC(bucketYear, 0, 1) / 86_400_000;
        to = Date.UTC(bucketYear, 11, 31) / 86_400_000;
        bucket = this.bucketFor(bucketYear);
      }
      if (bucket !== null) bucket.push(r);
      else if (r.country !== null) this.droppedCountry = true;
    }
  }

  private bucketFor(y: number): Bucket | null {
    if (this.year !== null) {
      if (y !== this.year && y !== this.year - 1 && !this.recent(y)) return null;
    } else if (this.todayYear !== null && y > this.todayYear) {
      // Kept: the year checked only when no year is not after today's, and then every later year is this one or newer.
    } else if (y > this.maxYear) {
      this.maxYear = y;
      for (const [k, b] of [...this.byYear]) {
        if (k >= y - 1 || this.recent(k)) continue;
        if (!this.droppedCountry && hasCountry(b)) this.droppedCountry = true;
        this.byYear.delete(k);
      }
    } else if (y < this.maxYear - 1 && !this.recent(y)) {
      return null;
    }
    let b = this.byYear.get(y);
    if (b === undefined) {
      b = this.compact ? new RowColumns() : ([] as InvoiceRow[]);
      this.byYear.set(y, b);
    }
    return b;
  }

  addProblems(problems: readonly Problem[]): void {
    for (const p of problems) {
      // A dated problem makes its year a year with data (the latest may be one whose rows are all in error).
      if (p.day !== null && p.day !== undefined) {
        this.seen.add(yearOf(p.day));
        if (this.year === null) this.bucketFor(yearOf(p.day));
      }
      if (p.severity === "error") {
        // A grouped problem stands for its rows: "fix 300 errors first", not 1.
        const n = p.count ?? 1;
        this.errorCount += n;
        if (p.day === null || p.day === undefined) this.undatedErrors += n;
        else {
          const y = yearOf(p.day);
          this.errorsByYear.set(y, (this.errorsByYear.get(y) ?? 0) + n);
        }
      }
      if (this.kept.length < this.maxProblems) this.kept.push(p);
      else {
        this.extraProblems++;
        if (p.severity === "error") this.extraErrors++;
      }
    }
  }

  /**
   * Errors that concern a summary depending on `years` (not capped; see yearsConcerned in
   * src/rules/summary.ts): those of rows dated in them plus those without a date, which could belong to any
   * year. An error in another year's row does not make the verdict uncertain.
   */
  errorCountIn(years: readonly number[]): number {
    let n = this.undatedErrors;
    for (const y of new Set(years)) n += this.errorsByYear.get(y) ?? 0;
    return n;
  }

  /**
   * The years with rows or dated problems, also those whose rows were not kept: whether a sheet's name names a
   * year it holds (sheetYears.ts lendsYears) does not depend on the years a reader keeps.
   */
  yearsRead(): number[] {
    return [...this.seen].sort((a, b) => a - b);
  }

  /** The error counts behind errorCountIn, as plain data (a pool worker hands them to the main thread). */
  errorCounts(): ErrorCounts {
    return { undated: this.undatedErrors, byYear: [...this.errorsByYear.entries()] };
  }

  /**
   * The kept rows in their original order (each year's rows are in file order; merged by row number). A
   * compact window hands its rows over once: the columns are let go as the objects are made, and later calls
   * give the same array.
   */
  rows(): InvoiceRow[] {
    if (this.taken !== null) return this.taken;
    const lists = [...this.byYear.values()].filter((l) => l.length > 0);
    if (lists.length === 0) return [];
    if (lists.length === 1 && Array.isArray(lists[0])) return lists[0] as InvoiceRow[];
    if (this.compact) {
      this.taken = lists.length === 1 ? (lists[0] as RowColumns).takeAll() : this.merged(lists);
      this.byYear.clear();
      return this.taken;
    }
    return this.merged(lists);
  }

  private merged(lists: Bucket[]): InvoiceRow[] {
    const rowAt = (l: Bucket, i: number): number => (l instanceof RowColumns ? l.rowNumber(i) : (l as InvoiceRow[])[i].row);
    const take = (l: Bucket, i: number): InvoiceRow => (l instanceof RowColumns ? l.at(i) : (l as InvoiceRow[])[i]);
    const out: InvoiceRow[] = [];
    const at = lists.map(() => 0);
    for (;;) {
      let best = -1;
      for (let k = 0; k < lists.length; k++) {
        if (at[k] < lists[k].length && (best < 0 || rowAt(lists[k], at[k]) < rowAt(lists[best], at[best]))) best = k;
      }
      if (best < 0) return out;
      out.push(take(lists[best], at[best]++));
    }
  }

  /**
   * A compact window's kept rows as columns per year, for summarizeColumns (no object per row); null for a
   * window of objects, or once rows() has handed the rows over.
   */
  columns(): RowsByYear | null {
    if (!this.compact || this.taken !== null) return null;
    const byYear = this.byYear;
    const years = [...byYear.keys()].filter((y) => (byYear.get(y)?.length ?? 0) > 0).sort((a, b) => a - b);
    return {
      years,
      of: (year) => {
        const b = byYear.get(year);
        return b instanceof RowColumns && b.length > 0 ? b : null;
      },
    };
  }

  /** The kept problems, plus one line saying how many more there were. */
  problems(): Problem[] {
    if (this.extraProblems === 0) return this.kept;
    const n = this.extraProblems;
    return [
      ...this.kept,
      {
        row: null,
        severity: this.extraErrors > 0 ? "error" : "warning",
        code: "more-problems",
        column: null,
        value: null,
        message: msg.atRow(null, {
          nl: `nog ${countNl(n)} ${n === 1 ? "probleem wordt" : "problemen worden"} hier niet getoond. Los eerst de getoonde op en controleer opnieuw.`,
          en: `${countEn(n)} more ${n === 1 ? "problem is" : "problems are"} not shown here. Fix the ones shown first and check again.`,
        }),
      },
    ];
  }
}
