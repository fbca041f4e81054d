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
import type { Day } from "../rules/dates";
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
 * Row errors a function call builds messages for; the rest are only counted ("… and 1,048,000 more"): a
 * column of a million #N/A would otherwise cost a million messages for the one it shows.
 */
export const MAX_FUNCTION_PROBLEMS = 500;

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
  const { rows, problems, omittedErrors } = readRows(
    {
      dates: input.dates,
      amounts: input.amounts,
      categories: input.categories ?? null,
      countries: input.countries ?? null,
    },
    { rowOffset: header ? 1 : 0, maxProblems: MAX_FUNCTION_PROBLEMS },
  );
  const message = firstErrorMessage(problems, columns, invocation, omittedErrors ?? 0);
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

/**
 * Per-day totals in blocks of 512 consecutive serials, found by `serial >>> 9` in a flat table: one array
 * index per row whatever the order of the dates (sorted, by customer, two years interleaved), where a
 * per-year map would cost a lookup each time the year changes.
 */
const BLOCK_BITS = 9;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;
const BLOCKS = (SERIAL_END >>> BLOCK_BITS) + 1;
const SEEN_COUNTED = 1;
const SEEN_OTHER = 2;

class DayBlock {
  /** Per serial in the block: [countSum, countPeak, otherSum] at 3k, 3k+1, 3k+2. */
  readonly sums: Float64Array;
  /** Per serial: SEEN_COUNTED | SEEN_OTHER. */
  readonly seen: Uint8Array;
  constructor(size: number) {
    this.sums = new Float64Array(size * 3);
    this.seen = new Uint8Array(size);
  }
}
const NO_BLOCK = new DayBlock(0);

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

  const scan = new Scan();
  // In slices: the engine optimises the slice function after a few calls, and a branch first met late
  // (a new category text) costs one slice in the interpreter, not the rest of the column.
  for (let start = 0; start < n; start += SLICE) {
    const end = Math.min(n, start + SLICE);
    for (let i = start; ; ) {
      const next = scan.rows(scan.blocks, dates, amounts, cats, i, end);
      if (next === GIVE_UP) return null;
      if (next === end) break;
      // Row `next` falls in a block of days not met before: add the block, then go on from that row.
      scan.newBlock(Math.floor((dates[next] as number[])[0]) >>> BLOCK_BITS);
      i = next;
    }
  }
  return scan.used === 0 ? [] : dayRows(scan.blocks);
}

const SLICE = 4096;
const GIVE_UP = -1;

/** The state of one fast read: per-day totals and the classes of the category texts met. */
class Scan {
  // Filled with one shared empty block rather than holes: the table keeps one shape while blocks are added.
  readonly blocks: DayBlock[] = new Array<DayBlock>(BLOCKS).fill(NO_BLOCK);
  used = 0;
  // Category text repeats: the class of each distinct text, and the most recent texts for a quick check.
  private readonly seenText = new Map<string, number>();
  private readonly recentText: string[] = new Array<string>(RECENT).fill("");
  private readonly recentClass = new Uint8Array(RECENT);
  private recentCount = 0;
  private recentNext = 0;

  /**
   * Adds rows start..end−1 and returns end; GIVE_UP when a cell needs the reading layer; the index of a row
   * whose block of days does not exist yet (nothing of that row added). Leaving the loop for a new block,
   * rather than creating it inside, keeps that rare branch out of the optimised code: met for the first
   * time after the engine has optimised the loop, it would throw the optimised code away. `blocks` is
   * this.blocks, passed in for the same reason (read once per call, its first reads leave the engine no
   * record of it).
   */
  rows(blocks: readonly DayBlock[], dates: unknown[], amounts: unknown[], cats: unknown[] | null, start: number, end: number): number {
    for (let i = start; i < end; i++) {
      const dr: unknown = dates[i];
      const ar: unknown = amounts[i];
      if (!Array.isArray(dr) || !Array.isArray(ar) || dr.length !== 1 || ar.length !== 1) return GIVE_UP;
      const a: unknown = ar[0];
      if (typeof a !== "number") {
        if (isBlank(a)) continue;
        return GIVE_UP;
      }
      if (a === 0) continue;
      const d: unknown = dr[0];
      if (typeof d !== "number" || !(d >= 61 && d < SERIAL_END)) return GIVE_UP;
      const cents = centsFromEuros(a);
      if (cents === null) return GIVE_UP;

      let cls = COUNTED;
      if (cats !== null) {
        const cr: unknown = cats[i];
        if (!Array.isArray(cr) || cr.length !== 1) return GIVE_UP;
        const c: unknown = cr[0];
        if (typeof c === "string") cls = this.textClass(c);
        else if (c === null || c === undefined || c === 0) cls = COUNTED;
        else if (typeof c === "number") cls = classify(c);
        else return GIVE_UP;
        if (cls === UNCLEAR) return GIVE_UP;
      }

      const serial = Math.floor(d);
      const bi = serial >>> BLOCK_BITS;
      const block = blocks[bi];
      if (block === NO_BLOCK) return i;
      const k = serial & BLOCK_MASK;
      const sums = block.sums;
      if (cls === COUNTED) {
        const sum = sums[3 * k] + cents;
        sums[3 * k] = sum;
        // The day's first counted row sets its peak; no separate branch for it (the same reason as above).
        const seen = block.seen[k];
        if ((seen & SEEN_COUNTED) === 0 || sum > sums[3 * k + 1]) sums[3 * k + 1] = sum;
        block.seen[k] = seen | SEEN_COUNTED;
      } else {
        sums[3 * k + 2] += cents;
        block.seen[k] |= SEEN_OTHER;
      }
    }
    return end;
  }

  newBlock(bi: number): void {
    this.blocks[bi] = new DayBlock(BLOCK);
    this.used++;
  }

  private textClass(c: string): number {
    // A short list of recent texts, compared with ===, beats a Map lookup per row.
    const recentText = this.recentText;
    for (let j = 0; j < this.recentCount; j++) {
      if (recentText[j] === c) return this.recentClass[j];
    }
    let k = this.seenText.get(c);
    if (k === undefined) {
      k = c === "" ? COUNTED : classify(c);
      if (this.seenText.size < 1000) this.seenText.set(c, k);
    }
    const slot = this.recentCount < RECENT ? this.recentCount++ : this.recentNext++ & (RECENT - 1);
    recentText[slot] = c;
    this.recentClass[slot] = k;
    return k;
  }
}

function dayRows(blocks: readonly DayBlock[]): InvoiceRow[] {
  const out: InvoiceRow[] = [];
  let row = 0;
  const push = (day: Day, cents: number, counted: boolean): void => {
    row++;
    out.push({ row, day, cents, category: counted ? null : "vrij", country: null, vatCents: null });
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi];
    if (block === NO_BLOCK) continue;
    const { sums, seen } = block;
    for (let k = 0; k < BLOCK; k++) {
      const flags = seen[k];
      if (flags === 0) continue;
      const day = (bi << BLOCK_BITS) + k - EXCEL_EPOCH_OFFSET;
      if ((flags & SEEN_COUNTED) !== 0) {
        push(day, sums[3 * k + 1], true);
        const rest = sums[3 * k] - sums[3 * k + 1];
        if (rest !== 0) push(day, rest, true);
      }
      if ((flags & SEEN_OTHER) !== 0) push(day, sums[3 * k + 2], false);
    }
  }
  return out;
}

