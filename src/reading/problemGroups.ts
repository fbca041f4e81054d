/**
 * Row problems given once per sheet and year instead of once per row. A bookkeeper with 300 rows that show
 * `#N/A`, or 40 credit notes booked as `verlegd` to Germany, needs one line that says how many rows and which
 * come first, not 300 lines: the same problem in many rows is one problem with its rows (`Problem.rows`,
 * `Problem.count`, `row` = the first). Distinct problems (a different value, another kind) stay apart.
 *
 * A group belongs to one year (the year of its rows' dates; rows without a readable date form their own group),
 * so each year's report keeps only its own rows (`Problem.day`, see problemsOfYear in src/rules/summary.ts).
 *
 * One instance collects the problems of one sheet, also across the blocks of a sheet read in parts
 * (src/bulk/tableStream.ts); `problems()` gives them when the sheet is done.
 */
import * as msg from "../i18n/messages";
import type { ReadingColumn } from "../i18n/messages";
import type { Localized } from "../i18n/types";
import { acceptedCodesText } from "../rules/categories";
import { fastYear } from "../rules/internal";
import type { Problem, ProblemSeverity } from "../rules/types";
import type { CellError } from "./cells";

/** Writes a group's message from its rows (the first, up to the cap) and how many rows there are in all. */
export type GroupMessage = (rows: readonly number[], count: number) => Localized;

export interface GroupSpec {
  readonly code: string;
  readonly severity: ProblemSeverity;
  readonly column: ReadingColumn | null;
  /** The cell text the rows share (the first row's when they differ), null when there is none. */
  readonly value: string | null;
  readonly message: GroupMessage;
}

interface Group {
  readonly spec: GroupSpec;
  /** The first row's date (for a group of one year), else null. */
  readonly day: number | null;
  readonly rows: number[];
  count: number;
  /** Unknown codes only: each code with its count and first row. */
  readonly codes?: Map<string, { count: number; firstRow: number }>;
}

export interface RowProblemGroupsOptions {
  /** Rows kept per group (the count is always exact). Default: all. */
  readonly maxRows?: number;
  /** Distinct groups kept; rows of further problems are only counted in one last line. Default 1,000. */
  readonly maxGroups?: number;
}

/** Unknown codes listed by name in one message, per year. */
const MAX_LISTED_CODES = 50;

/** At most this many rows of a year make it a lone year (a typo or two), not a year of the business. */
const LONE_YEAR_MAX_ROWS = 2;

export class RowProblemGroups {
  private readonly groups = new Map<string, Group>();
  private readonly maxRows: number;
  private readonly maxGroups: number;
  private overflowRows = 0;
  private overflowErrors = false;

  constructor(options: RowProblemGroupsOptions = {}) {
    this.maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    this.maxGroups = options.maxGroups ?? 1_000;
  }

  /**
   * One row for the group `kind` (plus the year of `day`): the first call makes the group from `spec()`, later
   * calls add their row. `day` null: the row's date is unknown, or the problem is about no year in particular.
   */
  add(kind: string, row: number, day: number | null, spec: () => GroupSpec): void {
    const key = day === null ? `-\u0001${kind}` : `${fastYear(day)}\u0001${kind}`;
    const g = this.groups.get(key);
    if (g !== undefined) {
      g.count++;
      if (g.rows.length < this.maxRows) g.rows.push(row);
      return;
    }
    const s = spec();
    if (this.groups.size >= this.maxGroups) {
      this.overflowRows++;
      if (s.severity === "error") this.overflowErrors = true;
      return;
    }
    this.groups.set(key, { spec: s, day, rows: [row], count: 1 });
  }

  /**
   * A cell that could not be read: rows whose cell gives the same error for the same text (case and
   * surrounding spaces aside) are one problem, with the first cell's message.
   */
  cellError(row: number, column: ReadingColumn, cellText: string, error: CellError, day: number | null): void {
    this.add(`cell\u0001${column}\u0001${error.code}\u0001${cellText.trim().toLowerCase()}`, row, day, () => ({
      code: error.code,
      severity: "error",
      column,
      value: cellText,
      message: (rows, count) => msg.atRows(rows, count, error.message),
    }));
  }

  /**
   * A firm's own numeric codes (1, 2 …) were seen among the unknown codes of this sheet: a later block's bare "0" is
   * then one of those codes too (src/reading/rows.ts).
   */
  numericCodesSeen = false;

  /** Rows whose category is a bare "0", read as 0%, per year: named at the end when own numeric codes were seen. */
  private readonly zeros = new Map<string, { day: number | null; rows: number[]; count: number; cents: number }>();

  /** A row whose category cell is a bare "0", read as 0% (src/reading/rows.ts); see numericCodesSeen. */
  zeroCode(row: number, day: number | null, cents: number): void {
    const key = day === null ? "-" : String(fastYear(day));
    const z = this.zeros.get(key);
    if (z === undefined) this.zeros.set(key, { day, rows: [row], count: 1, cents });
    else {
      z.count++;
      z.cents += cents;
      if (z.rows.length < this.maxRows) z.rows.push(row);
    }
  }

  /** The rows read per year (count, first rows, first row's day), for the lone-year warning; the last year's entry cached. */
  private readonly years = new Map<number, { count: number; rows: number[]; day: number }>();
  private lastYear = NaN;
  private lastEntry: { count: number; rows: number[]; day: number } | null = null;
  private yearRows = 0;

  /** A row read, dated `day` (src/reading/rows.ts): tallied per year. */
  yearSeen(row: number, day: number): void {
    this.yearRows++;
    const y = fastYear(day);
    if (y === this.lastYear && this.lastEntry !== null) {
      this.lastEntry.count++;
      if (this.lastEntry.rows.length < LONE_YEAR_MAX_ROWS) this.lastEntry.rows.push(row);
      return;
    }
    let e = this.years.get(y);
    if (e === undefined) this.years.set(y, (e = { count: 0, rows: [], day }));
    e.count++;
    if (e.rows.length < LONE_YEAR_MAX_ROWS) e.rows.push(row);
    this.lastYear = y;
    this.lastEntry = e;
  }

  /**
   * One or two rows of a year far from the sheet's other rows (2016 among 2026's, no row within two years of it, at least
   * three times as many rows elsewhere, and three at least): a typo in the year takes the invoice out of the year checked, so it is
   * said, on every year's report (no day).
   */
  private loneYears(): Problem[] {
    const out: Problem[] = [];
    for (const [y, e] of this.years) {
      if (e.count > LONE_YEAR_MAX_ROWS || this.yearRows - e.count < Math.max(3, 3 * e.count)) continue;
      if (this.years.has(y - 2) || this.years.has(y - 1) || this.years.has(y + 1) || this.years.has(y + 2)) continue;
      const others = [...this.years.keys()].filter((z) => z !== y);
      const lo = Math.min(...others);
      const hi = Math.max(...others);
      const range = lo === hi ? String(lo) : `${lo}–${hi}`;
      const rows = e.rows.slice();
      out.push({
        row: rows[0],
        severity: "warning",
        code: "date-year-lone",
        column: "date",
        value: null,
        message: msg.atRows(rows, e.count, msg.dateYearLone(e.day, e.count, y, range)),
        day: null,
        rows,
        count: e.count,
      });
    }
    return out;
  }

  /** A category code nobody knows (a firm's own `VV`): one problem per year listing each code with its count and first row. */
  unknownCode(code: string, row: number, day: number | null): void {
    const key = day === null ? "-\u0001unknown-codes" : `${fastYear(day)}\u0001unknown-codes`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = {
        spec: { code: "unknown-category", severity: "error", column: "category", value: null, message: () => ({ nl: "", en: "" }) },
        day,
        rows: [],
        count: 0,
        codes: new Map(),
      };
      this.groups.set(key, g);
    }
    g.count++;
    if (g.rows.length < this.maxRows) g.rows.push(row);
    const codes = g.codes as Map<string, { count: number; firstRow: number }>;
    const c = codes.get(code);
    if (c !== undefined) c.count++;
    else if (codes.size < MAX_LISTED_CODES) codes.set(code, { count: 1, firstRow: row });
  }

  /** Whether any problem was noted. */
  get size(): number {
    return this.groups.size + (this.overflowRows > 0 ? 1 : 0);
  }

  /** The problems, one per group, in the order their first rows were met; then a line for those not kept. */
  problems(): Problem[] {
    const out: Problem[] = [];
    for (const g of this.groups.values()) out.push(problemOf(g));
    out.push(...this.loneYears());
    if (this.numericCodesSeen) {
      // A "0" in a column of the firm's own numeric codes was read as 0%: it may be one of those codes (exempt).
      for (const z of this.zeros.values()) {
        const rows = z.rows.slice();
        out.push({
          row: rows[0],
          severity: "error",
          code: "zero-code-read-as-rate",
          column: "category",
          value: "0",
          message: msg.atRows(rows, z.count, msg.zeroCodeReadAsRate(z.count, z.cents)),
          day: z.day,
          rows,
          count: z.count,
          codes: [{ code: "0", count: z.count, firstRow: rows[0] }],
        });
      }
    }
    if (this.overflowRows > 0) {
      out.push({
        row: null,
        severity: this.overflowErrors ? "error" : "warning",
        code: "more-problems",
        column: null,
        value: null,
        message: msg.moreRowProblems(this.overflowRows),
        count: this.overflowRows,
      });
    }
    return out;
  }
}

function problemOf(g: Group): Problem {
  const rows = g.rows.slice();
  const first = rows[0];
  if (g.codes !== undefined) {
    const list = [...g.codes.entries()].map(([code, c]) => ({ code, count: c.count, firstRow: c.firstRow }));
    return {
      row: first,
      severity: "error",
      code: "unknown-category",
      column: "category",
      value: list.map((c) => c.code).join(", "),
      message: msg.atRow(first, msg.unknownCodes(list, { nl: acceptedCodesText("nl"), en: acceptedCodesText("en") })),
      day: g.day,
      rows,
      count: g.count,
      codes: list,
    };
  }
  const s = g.spec;
  return { row: first, severity: s.severity, code: s.code, column: s.column, value: s.value, message: s.message(rows, g.count), day: g.day, rows, count: g.count };
}
