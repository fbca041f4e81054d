/**
 * The order of a date column's text dates: day/month/year (Dutch, the default) or month/day/year (a US export,
 * such as PayPal's statement download "MM/DD/YYYY"). A bookkeeper reads a column as a whole: one date
 * `09/14/2026` shows that `09/01/2026` in the same column is 1 September, not 9 January. So the order is
 * decided over the column's text dates (see `textDateOrderKind`):
 *
 * - some are dates only month-first and none only day-first → the column is read month/day/year, with a note
 *   naming the row that shows it;
 * - some only day-first and none only month-first, or none of either → day/month/year (when every date reads
 *   both ways and one is written with "/", a note says how they were read: a short US list may look like that);
 * - both kinds, one a clear minority (`dominantOrder`: at most 2 rows and at most half as many as the other kind,
 *   or at most 10% of the dates that read only one way) → a typo or two: the column is read in the order of the
 *   larger kind (the dates that read both ways too), and only the minority's rows are errors
 *   (`date-order-contradicts`, naming them as likely typos);
 * - both kinds, near-balanced (say 2 and 2, 3 and 2, 30 and 5) → the column mixes orders: every date that reads
 *   both ways is an error (it is not counted, never guessed), and so is every date of the smaller kind (both
 *   kinds when as many); the larger kind is read as it can only be read.
 *
 * A list read in blocks (src/bulk/tableStream.ts: kor-check's files, All sheets) keeps one decision for the
 * sheet: made on the first block that holds text dates (up to 65,536 rows), and kept for the later blocks.
 * A later date that contradicts it is an error for its row that says so; rows already read are not read again.
 *
 * Date cells and serial numbers, ISO text (2026-09-14) and month names are the same in either order and take
 * no part in the decision.
 */
import * as msg from "../i18n/messages";
import type { Localized } from "../i18n/types";
import { formatDay, isoFromDay } from "../rules/dates";
import { type CellError, type DateOrder, type TextDateOrderKind, cellText, readDate, textDateOrderKind } from "./cells";
import type { ColumnSource } from "./rows";
import type { GroupSpec } from "./problemGroups";

interface Seen {
  readonly row: number;
  readonly text: string;
}

/** A note about the order chosen, given once per sheet (as a group of one row). */
export interface DateOrderNote {
  readonly row: number;
  readonly spec: GroupSpec;
}

/**
 * A date cell not read: its order cannot be decided, or contradicts the column. `error` for a call without
 * grouped problems (the functions); `group` and `spec` for a sheet's grouped problems (one per kind of fault).
 */
export interface DateOrderFault {
  readonly error: CellError;
  readonly group: string;
  readonly spec: () => GroupSpec;
}

/** What a block's rows need: the order to read them in, rows (by index) not to read, and a note to give. */
export interface DateOrderBlock {
  readonly order: DateOrder;
  /** Row index → why its date cell is not read. */
  readonly faults: ReadonlyMap<number, DateOrderFault> | null;
  readonly note: DateOrderNote | null;
}

const KIND_NONE = 0;
const KIND_DAY_FIRST = 1;
const KIND_MONTH_FIRST = 2;
const KIND_EITHER = 3;

function kindCode(k: TextDateOrderKind | null): number {
  return k === null ? KIND_NONE : k === "day-first" ? KIND_DAY_FIRST : k === "month-first" ? KIND_MONTH_FIRST : KIND_EITHER;
}

function dayText(cell: unknown, order: DateOrder): Localized {
  const r = readDate(cell, order);
  if (r.kind !== "ok") return { nl: cellText(cell), en: cellText(cell) };
  return { nl: formatDay(r.value, "nl"), en: formatDay(r.value, "en") };
}

/**
 * The order of a column whose text dates include `nDay` dates only day-first and `nMonth` only month-first (both
 * > 0), when one kind is a clear minority: at most 2 rows and at most half as many as the other kind (1 against 2,
 * 2 against 4: the typo of a short list), or at most 10% of those dates (5 against 45). Null when near-balanced
 * (1 and 1, 2 and 2, 3 and 2, 30 and 5): two lists pasted together, not a typo; the column is refused as mixed.
 */
export function dominantOrder(nDay: number, nMonth: number): DateOrder | null {
  const minority = Math.min(nDay, nMonth);
  const majority = Math.max(nDay, nMonth);
  const clear = (minority <= 2 && majority >= 2 * minority) || minority * 10 <= minority + majority;
  if (!clear) return null;
  return nDay > nMonth ? "dmy" : "mdy";
}

/** The decision for one date column; one instance per sheet (kept across its blocks) or per call. */
export class DateOrderDecision {
  private decided = false;
  private order: DateOrder = "dmy";
  private mixed = false;
  /** In a mixed column: the kinds that are errors besides the dates that read both ways. */
  private refuseDayFirst = false;
  private refuseMonthFirst = false;
  private dayFirst: Seen | null = null;
  private monthFirst: Seen | null = null;

  /** `letter`: the date column's letter for messages ("A"), null when not known (a function's range). */
  constructor(private readonly letter: string | null = null) {}

  /** The order decided so far ("dmy" until text dates show otherwise). */
  get current(): DateOrder {
    return this.order;
  }

  /**
   * Looks at rows 0..length−1 of `src` (not those in `skip`; row i is sheet row i + 1 + rowOffset), decides the
   * order when not decided yet, and gives the rows to refuse.
   */
  block(src: ColumnSource, length: number, rowOffset: number, skip: ReadonlySet<number> | null): DateOrderBlock {
    let kinds: Uint8Array | null = null;
    let nDay = 0;
    let nMonth = 0;
    let nEither = 0;
    let firstDay: Seen | null = null;
    let firstMonth: Seen | null = null;
    let firstSlashEither: Seen | null = null;
    let firstSlashEitherIndex = -1;
    for (let i = 0; i < length; i++) {
      const r = src.table[src.start + i];
      const cell: unknown = Array.isArray(r) ? r[src.col] : src.col === 0 ? r : undefined;
      // Serials and date cells (the usual case) cost a typeof.
      if (typeof cell !== "string" && (typeof cell !== "object" || cell === null)) continue;
      if (skip !== null && skip.has(i)) continue;
      const k = kindCode(textDateOrderKind(cell));
      if (k === KIND_NONE) continue;
      if (kinds === null) kinds = new Uint8Array(length);
      kinds[i] = k;
      const row = i + 1 + rowOffset;
      if (k === KIND_DAY_FIRST) {
        if (nDay++ === 0) firstDay = { row, text: cellText(cell).trim() };
      } else if (k === KIND_MONTH_FIRST) {
        if (nMonth++ === 0) firstMonth = { row, text: cellText(cell).trim() };
      } else {
        nEither++;
        if (firstSlashEither === null && cellText(cell).includes("/")) {
          firstSlashEither = { row, text: cellText(cell).trim() };
          firstSlashEitherIndex = i;
        }
      }
    }
    if (kinds === null) return { order: this.order, faults: null, note: null };

    let note: DateOrderNote | null = null;
    if (!this.decided) {
      this.decided = true;
      this.dayFirst = firstDay;
      this.monthFirst = firstMonth;
      if (nMonth > 0 && nDay === 0) {
        this.order = "mdy";
        note = this.monthFirstNote(firstMonth as Seen, src, kinds);
      } else if (nMonth > 0 && nDay > 0 && dominantOrder(nDay, nMonth) !== null) {
        // A typo or two: read in the larger kind's order; the minority's rows are errors (below).
        this.order = dominantOrder(nDay, nMonth) as DateOrder;
      } else if (nMonth > 0 && nDay > 0) {
        this.mixed = true;
        this.order = nMonth > nDay ? "mdy" : "dmy";
        this.refuseDayFirst = nDay <= nMonth;
        this.refuseMonthFirst = nMonth <= nDay;
      } else if (nDay === 0 && nEither > 0 && firstSlashEither !== null) {
        note = this.undecidedNote(firstSlashEither, src, firstSlashEitherIndex);
      }
    } else {
      if (this.dayFirst === null && firstDay !== null) this.dayFirst = firstDay;
      if (this.monthFirst === null && firstMonth !== null) this.monthFirst = firstMonth;
    }
    // Nothing to refuse (the usual case): no second pass over the column.
    const clean = !this.mixed && (this.order === "dmy" ? nMonth === 0 : nDay === 0);
    return { order: this.order, faults: clean ? null : this.faults(src, length, kinds), note };
  }

  private faults(src: ColumnSource, length: number, kinds: Uint8Array): Map<number, DateOrderFault> | null {
    let out: Map<number, DateOrderFault> | null = null;
    const add = (i: number, e: DateOrderFault): void => {
      if (out === null) out = new Map();
      out.set(i, e);
    };
    for (let i = 0; i < length; i++) {
      const k = kinds[i];
      if (k === KIND_NONE || (k === KIND_EITHER && !this.mixed)) continue;
      const r = src.table[src.start + i];
      const cell: unknown = Array.isArray(r) ? r[src.col] : src.col === 0 ? r : undefined;
      const text = cellText(cell).trim();
      if (this.mixed) {
        if (k === KIND_EITHER) {
          const readings = { dmy: dayText(cell, "dmy"), mdy: dayText(cell, "mdy") };
          const [letter, dayFirst, monthFirst] = [this.letter, this.dayFirst as Seen, this.monthFirst as Seen];
          add(i, {
            error: { kind: "error", code: "date-order-mixed", message: msg.dateOrderMixed(text, readings, letter, dayFirst, monthFirst) },
            group: "date-order-mixed",
            spec: () => ({
              code: "date-order-mixed",
              severity: "error",
              column: "date",
              value: text,
              message: (rows, n) => msg.atRows(rows, n, msg.dateOrderMixed(text, readings, letter, dayFirst, monthFirst, n)),
            }),
          });
        } else if (k === KIND_DAY_FIRST && this.refuseDayFirst) {
          add(i, contradiction(cell, text, "dmy", this.letter, this.monthFirst));
        } else if (k === KIND_MONTH_FIRST && this.refuseMonthFirst) {
          add(i, contradiction(cell, text, "mdy", this.letter, this.dayFirst));
        }
      } else if (k === KIND_MONTH_FIRST && this.order === "dmy") {
        // The column's minority (likely typos), or a later block of a list read in blocks: the order was decided above.
        add(i, contradiction(cell, text, "mdy", this.letter, this.dayFirst, true));
      } else if (k === KIND_DAY_FIRST && this.order === "mdy") {
        add(i, contradiction(cell, text, "dmy", this.letter, this.monthFirst, true));
      }
    }
    return out;
  }

  private monthFirstNote(evidence: Seen, src: ColumnSource, kinds: Uint8Array): DateOrderNote {
    // An example of a date that reads both ways, as read now: what changed for the user.
    let example: { text: string; read: Localized } | null = null;
    const i = kinds.indexOf(KIND_EITHER);
    if (i >= 0) {
      const r = src.table[src.start + i];
      const cell: unknown = Array.isArray(r) ? r[src.col] : src.col === 0 ? r : undefined;
      example = { text: cellText(cell).trim(), read: dayText(cell, "mdy") };
    }
    const message = msg.dateOrderMonthFirst(this.letter, evidence, example);
    return { row: evidence.row, spec: { code: "date-order-month-first", severity: "warning", column: "date", value: evidence.text, message: () => message } };
  }

  private undecidedNote(example: Seen, src: ColumnSource, i: number): DateOrderNote {
    const r = src.table[src.start + i];
    const cell: unknown = Array.isArray(r) ? r[src.col] : src.col === 0 ? r : undefined;
    const asMdy = readDate(cell, "mdy");
    const iso = asMdy.kind === "ok" ? isoFromDay(asMdy.value) : example.text;
    const message = msg.dateOrderUndecided(this.letter, { row: example.row, text: example.text, read: dayText(cell, "dmy"), iso });
    return { row: example.row, spec: { code: "date-order-undecided", severity: "warning", column: "date", value: example.text, message: () => message } };
  }
}

/** `decided`: the column is read in the other order (not mixed), so the row is a likely typo. */
function contradiction(cell: unknown, text: string, onlyAs: DateOrder, letter: string | null, other: Seen | null, decided = false): DateOrderFault {
  const read = dayText(cell, onlyAs);
  const message = (n?: number): Localized =>
    decided && other !== null ? msg.dateOrderTypo(text, onlyAs, read, letter, other, n) : msg.dateOrderContradicts(text, onlyAs, read, letter, other, n);
  return {
    error: { kind: "error", code: "date-order-contradicts", message: message() },
    group: `date-order-contradicts\u0001${onlyAs}`,
    spec: () => ({
      code: "date-order-contradicts",
      severity: "error",
      column: "date",
      value: text,
      message: (rows, n) => msg.atRows(rows, n, message(n)),
    }),
  };
}
