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
import { MAX_EXCEL_SERIAL, cellText, readAmount, readCategoryCell } from "../reading/cells";
import { atRow } from "../i18n/messages";
import { countsForKor } from "../rules/categories";
import type { Day } from "../rules/dates";
import { centsFromEuros } from "../rules/money";
import type { InvoiceRow, Problem } from "../rules/types";
import { refuse } from "./errors";
import { firstErrorMessage, type ColumnArgs, type InvocationLike } from "./location";
import { dateSerialOffset } from "./dateSystem";
import * as s from "./strings";

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
  const misplaced = amountHeaderProblem(given);
  if (misplaced !== null) refuse(firstErrorMessage([misplaced], columns, invocation) ?? misplaced.message);
  const header = hasHeaderRow(given);
  const input = header ? withoutFirstRow(given) : given;
  if (allowFast && (input.countries === null || input.countries === undefined)) {
    const fast = fastDayRows(input.dates, input.amounts, input.categories, dateSerialOffset());
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
    { rowOffset: header ? 1 : 0, maxProblems: MAX_FUNCTION_PROBLEMS, dateSerialOffset: dateSerialOffset() },
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
 * A header row whose amount header is not an amount excluding VAT ("Datum" over the dates, "Bedrag incl. btw",
 * "BTW" or "Prijs" over the amounts): the problem to show, on the amounts' first cell, else null. Without it the
 * reading layer would call "Datum" no date, pointing at the one cell that is right.
 */
function amountHeaderProblem(input: LedgerInput): Problem | null {
  const dateHeader = firstCell(input.dates);
  const amountHeader = firstCell(input.amounts);
  if (headerRole(dateHeader) !== "date" || typeof amountHeader !== "string") return null;
  const role = headerRole(amountHeader);
  if (role === "amount" || readAmount(amountHeader).kind !== "error") return null;
  const body = s.amountHeaderNotTurnover(cellText(dateHeader), amountHeader.trim(), role === "gross" ? "gross" : role === "vat" ? "vat" : "other");
  return { row: 1, severity: "error", code: "amount-header-not-turnover", column: "amount", value: amountHeader, message: atRow(1, body) };
}

/** The width of a range of one row and several cells (invoices across a row), else null. */
function oneRowWidth(range: unknown): number | null {
  if (!Array.isArray(range) || range.length !== 1) return null;
  const row: unknown = range[0];
  return Array.isArray(row) && row.length > 1 ? row.length : null;
}

/**
 * Whether the first row of the ranges is a header ("Datum" over the dates, "Bedrag" over the amounts), as in
 * =KOR.COUNTABLE(A:A; B:B): then it is not an invoice. Only when every range given as a list of rows has
 * the dates' height (otherwise the reading layer reports the mismatch with the ranges' real heights). Ranges
 * of one row (invoices across a row) have their header in the first cell: then every range given must be one
 * row of the dates' width.
 */
function hasHeaderRow(input: LedgerInput): boolean {
  if (headerRole(firstCell(input.dates)) !== "date" || headerRole(firstCell(input.amounts)) !== "amount") return false;
  const width = oneRowWidth(input.dates);
  const others = [input.amounts, input.categories, input.countries];
  if (width !== null) return others.every((r) => !Array.isArray(r) || oneRowWidth(r) === width);
  const n = (input.dates as unknown[]).length;
  return others.every((r) => !Array.isArray(r) || (r.length === n && oneRowWidth(r) === null));
}

/** The ranges without their header: the first row, or the first cell of a range of one row. */
function withoutFirstRow(input: LedgerInput): LedgerInput {
  const across = oneRowWidth(input.dates) !== null;
  const cut = (r: unknown): unknown => (!Array.isArray(r) ? r : across ? [(r[0] as unknown[]).slice(1)] : r.slice(1));
  return { dates: cut(input.dates), amounts: cut(input.amounts), categories: cut(input.categories), countries: cut(input.countries) };
}

const EXCEL_EPOCH_OFFSET = 25_569; // serial − this = days since 1970-01-01, from serial 61 (1 March 1900) on
const SERIAL_END = MAX_EXCEL_SERIAL + 1;

/**
 * Per-day totals in blocks of 512 consecutive serials, found by `serial >>> 9` in a flat table: one array
 * index per row whatever the order of the dates (sorted, by customer, two years interleaved), where a
 * per-year map would cost a lookup each time the year changes. A block is one Float64Array of four numbers
 * per day, on one cache line: the counted rows' sum, their highest running sum within the day (−∞ until the
 * day's first counted row), the other rows' sum, and 1 once the day has another row.
 */
const BLOCK_BITS = 9;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;
const BLOCKS = (SERIAL_END >>> BLOCK_BITS) + 1;
const NO_BLOCK = new Float64Array(0);

/** Category texts are looked up in a small table indexed by a hash of the text's length and its end letters. */
const TEXT_SLOTS = 64;
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

function textSlot(c: string): number {
  const n = c.length;
  return n === 0 ? 0 : (c.charCodeAt(0) * 3 + c.charCodeAt(n - 1) + n) & (TEXT_SLOTS - 1);
}

/**
 * Per-day rows for clean single-column ranges, or null to let the reading layer read the input.
 * Mirrors `readColumns` for the cells it accepts: a row whose amount is blank (0, null, "") is skipped
 * whatever its date (the reading layer only warns about it); every other row must have a serial date
 * (≥ 61) and a finite numeric amount. `dateSerialOffset` (1462 in a 1904 workbook, see dateSystem.ts) is
 * added to each serial when the days are made, after the scan: the scan itself is the same in both systems.
 */
export function fastDayRows(dates: unknown, amounts: unknown, categories: unknown, dateSerialOffset = 0): InvoiceRow[] | null {
  if (!Array.isArray(dates) || !Array.isArray(amounts)) return null;
  const n = dates.length;
  if (amounts.length !== n || n === 0) return null;
  const cats: unknown[] | null = categories === null || categories === undefined ? null : Array.isArray(categories) ? categories : null;
  if (categories !== null && categories !== undefined && (cats === null || cats.length !== n)) return null;

  const scan = new Scan();
  // In slices: the engine optimises the slice function after a few calls. The slice loop handles only the
  // common row (numeric date and amount, whole cents, a known category text, an existing block of days); any
  // other row ends it, is read by `scan.row`, and the loop goes on after it. A rare case met for the first
  // time after the engine has optimised the loop would otherwise throw the optimised code away.
  for (let start = 0; start < n; start += SLICE) {
    const end = Math.min(n, start + SLICE);
    for (let i = start; ; ) {
      const next = scanRows(scan.blocks, scan.texts, scan.textClasses, scan.numberClasses, dates, amounts, cats, i, end);
      if (next === end) break;
      if (!scan.row(dates, amounts, cats, next)) return null;
      i = next + 1;
      if (i === end) break;
    }
  }
  return scan.used === 0 ? [] : dayRows(scan.blocks, dateSerialOffset);
}

const SLICE = 4096;

/**
 * Adds the common rows start..end−1; returns end, or the index of the first row it leaves to `Scan.row`
 * (nothing of that row added). Rows of a blank amount (0, or null or "" beside a date that is not a number) are
 * skipped here, as there.
 */
function scanRows(
  blocks: readonly Float64Array[],
  texts: readonly string[],
  textClasses: Uint8Array,
  numberClasses: ReadonlyMap<unknown, number>,
  dates: unknown[],
  amounts: unknown[],
  cats: unknown[] | null,
  start: number,
  end: number,
): number {
  for (let i = start; i < end; i++) {
    const dr: unknown = dates[i];
    const ar: unknown = amounts[i];
    if (!Array.isArray(dr) || !Array.isArray(ar) || dr.length !== 1 || ar.length !== 1) return i;
    // The date first: a row without a numeric date (a blank row as Excel on the web passes it, null or "")
    // reads its amount in blankAmount, so the amount read here meets only numbers. Read at one place, numbers
    // and a null (a list of another kind) would make the engine box every amount into a new heap object.
    const d: unknown = dr[0];
    if (typeof d !== "number") {
      if (blankAmount(ar)) continue;
      return i;
    }
    const a: unknown = ar[0];
    if (typeof a !== "number") return i;
    if (a === 0) continue;
    if (!(d >= 61 && d < SERIAL_END)) return i;
    // Whole cents up to binary noise, as centsFromEuros's common case; other amounts go to Scan.row.
    const scaled = a * 100;
    const cents = Math.round(scaled);
    if (!(Math.abs(a) <= 9e13 && Math.abs(scaled - cents) < 1e-6)) return i;
    let counted = true;
    if (cats !== null) {
      const cr: unknown = cats[i];
      if (!Array.isArray(cr) || cr.length !== 1) return i;
      const c: unknown = cr[0];
      if (typeof c === "string") {
        const slot = textSlot(c);
        if (texts[slot] !== c) return i;
        counted = textClasses[slot] === COUNTED;
      } else if (c !== 0 && c !== null) {
        // A VAT code typed as a number (21, 9); an empty cell (0, or null from Excel on the web) counts.
        const k = numberClasses.get(c);
        if (k === undefined) return i;
        counted = k === COUNTED;
      }
    }
    const serial = Math.floor(d);
    const sums = blocks[serial >>> BLOCK_BITS];
    if (sums === NO_BLOCK) return i;
    const j = (serial & BLOCK_MASK) << 2;
    if (counted) {
      const sum = sums[j] + cents;
      sums[j] = sum;
      if (sum > sums[j + 1]) sums[j + 1] = sum;
    } else {
      sums[j + 2] += cents;
      sums[j + 3] = 1;
    }
  }
  return end;
}

/** Whether a one-cell row's amount is null or "" (then the row is skipped whatever its date). */
function blankAmount(ar: unknown[]): boolean {
  const a: unknown = ar[0];
  return a === null || a === "";
}

/** The state of one fast read: per-day totals and the classes of the category texts met. */
class Scan {
  // Filled with one shared empty block rather than holes: the table keeps one shape while blocks are added.
  readonly blocks: Float64Array[] = new Array<Float64Array>(BLOCKS).fill(NO_BLOCK);
  used = 0;
  /**
   * The category text last met in each slot and its class. Before that a text of another slot (NUL, or two
   * NULs in NUL's own slot), so no cell text can match an empty slot.
   */
  readonly texts: string[] = new Array<string>(TEXT_SLOTS).fill("\u0000").fill("\u0000\u0000", textSlot("\u0000"), textSlot("\u0000") + 1);
  readonly textClasses = new Uint8Array(TEXT_SLOTS);
  private readonly seenText = new Map<string, number>();
  /** The class of each category number met (a VAT code typed as 21 or 9), for scanRows; not UNCLEAR ones. */
  readonly numberClasses = new Map<unknown, number>();

  /** Row i in full, as scanRows would with every case: false when a cell needs the reading layer. */
  row(dates: unknown[], amounts: unknown[], cats: unknown[] | null, i: number): boolean {
    const dr: unknown = dates[i];
    const ar: unknown = amounts[i];
    if (!Array.isArray(dr) || !Array.isArray(ar) || dr.length !== 1 || ar.length !== 1) return false;
    const a: unknown = ar[0];
    if (typeof a !== "number") return isBlank(a);
    if (a === 0) return true;
    const d: unknown = dr[0];
    if (typeof d !== "number" || !(d >= 61 && d < SERIAL_END)) return false;
    const cents = centsFromEuros(a);
    if (cents === null) return false;
    let cls = COUNTED;
    if (cats !== null) {
      const cr: unknown = cats[i];
      if (!Array.isArray(cr) || cr.length !== 1) return false;
      const c: unknown = cr[0];
      if (typeof c === "string") cls = this.textClass(c);
      else if (c === null || c === undefined || c === 0) cls = COUNTED;
      else if (typeof c === "number") cls = this.numberClass(c);
      else return false;
      if (cls === UNCLEAR) return false;
    }
    const serial = Math.floor(d);
    const bi = serial >>> BLOCK_BITS;
    let sums = this.blocks[bi];
    if (sums === NO_BLOCK) {
      sums = new Float64Array(BLOCK * 4);
      for (let k = 1; k < sums.length; k += 4) sums[k] = -Infinity;
      this.blocks[bi] = sums;
      this.used++;
    }
    const j = (serial & BLOCK_MASK) << 2;
    if (cls === COUNTED) {
      const sum = sums[j] + cents;
      sums[j] = sum;
      if (sum > sums[j + 1]) sums[j + 1] = sum;
    } else {
      sums[j + 2] += cents;
      sums[j + 3] = 1;
    }
    return true;
  }

  /** The class of a category number, remembered for scanRows unless UNCLEAR (at most 1,000 numbers). */
  private numberClass(c: number): number {
    let k = this.numberClasses.get(c);
    if (k === undefined) {
      k = classify(c);
      if (k !== UNCLEAR && this.numberClasses.size < 1000) this.numberClasses.set(c, k);
    }
    return k;
  }

  /** The class of a category text, remembered in its slot for scanRows. */
  private textClass(c: string): number {
    let k = this.seenText.get(c);
    if (k === undefined) {
      k = c === "" ? COUNTED : classify(c);
      if (this.seenText.size < 1000) this.seenText.set(c, k);
    }
    if (k !== UNCLEAR) {
      const slot = textSlot(c);
      this.texts[slot] = c;
      this.textClasses[slot] = k;
    }
    return k;
  }
}

/** The per-day rows of the blocks; null when a serial moved by `offset` is past Excel's last date (the reading layer names it). */
function dayRows(blocks: readonly Float64Array[], offset: number): InvoiceRow[] | null {
  const out: InvoiceRow[] = [];
  let row = 0;
  const push = (day: Day, cents: number, counted: boolean): void => {
    row++;
    out.push({ row, day, cents, category: counted ? null : "vrij", country: null, vatCents: null });
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const sums = blocks[bi];
    if (sums === NO_BLOCK) continue;
    for (let k = 0; k < BLOCK; k++) {
      const j = k << 2;
      const counted = sums[j + 1] !== -Infinity;
      const other = sums[j + 3] !== 0;
      if (!counted && !other) continue;
      const serial = (bi << BLOCK_BITS) + k + offset;
      if (serial >= SERIAL_END) return null;
      const day = serial - EXCEL_EPOCH_OFFSET;
      if (counted) {
        push(day, sums[j + 1], true);
        const rest = sums[j] - sums[j + 1];
        if (rest !== 0) push(day, rest, true);
      }
      if (other) push(day, sums[j + 2], false);
    }
  }
  return out;
}
