/**
 * Column ranges as Excel passes them → typed invoice rows plus row-numbered problems. The one place where
 * the custom functions, the task pane and the command line turn cells into `InvoiceRow`s.
 *
 * Runs over up to 1,048,576 rows, so the loop is written for speed: numbers (the usual case) are handled
 * inline without allocating, strings are parsed through caches, and messages are only built for problems.
 */
import * as msg from "../i18n/messages";
import type { ReadingColumn } from "../i18n/messages";
import type { Localized } from "../i18n/types";
import { dayFromYmd, formatDay, isoFromDay, yearOf } from "../rules/dates";
import { placedCategory } from "../rules/categories";
import { centsFromEuros } from "../rules/money";
import type { CategoryCode, InvoiceRow, Problem } from "../rules/types";
import { codeKey } from "./packageCodes";
import { type CellError, type CellResult, MAX_EXCEL_SERIAL, cellText, readAmount, readCategoryCell, readCountry, readDate, readVat, unwrapCell } from "./cells";
import type { GroupSpec, RowProblemGroups } from "./problemGroups";
import type { TreatedAs } from "./countries";
import { DateOrderDecision } from "./dateOrder";

export interface ReadRowsInput {
  /** Invoice dates: a 2-D range [row][col] of one column (or one row), a scalar, or null/undefined. Required. */
  readonly dates: unknown;
  /** Amounts excluding VAT, same shape as `dates`. Required. */
  readonly amounts: unknown;
  readonly categories?: unknown;
  readonly countries?: unknown;
  readonly vat?: unknown;
}

export interface ReadRowsOptions {
  /** Added to the 1-based row numbers, so problems can name sheet rows (data starting on sheet row 2 → 1). */
  readonly rowOffset?: number;
  /**
   * Row errors built as Problems at most (default: all). Past it they are only counted in
   * `omittedErrors`: a million rows of #N/A then cost a count, not a million messages.
   */
  readonly maxProblems?: number;
  /** Days added to numbers in the date column: DATE_1904_OFFSET for a 1904 workbook (ReadColumnsExtras.dateSerialOffset). */
  readonly dateSerialOffset?: number;
}

export interface ReadResult {
  readonly rows: InvoiceRow[];
  readonly problems: Problem[];
  /** Row errors past `maxProblems`, counted but not built. */
  readonly omittedErrors?: number;
}

/**
 * A column to read: row i is `table[start + i][col]`. Every accepted input shape is turned into this
 * without copying a single-column range, which is the shape of a million-row argument.
 */
export interface ColumnSource {
  readonly table: readonly (readonly unknown[] | undefined)[];
  readonly col: number;
  readonly start: number;
  readonly length: number;
}

// Day numbers (days since 1970-01-01) bounding years that are plausible invoice years; outside → warning.
const FIRST_PLAUSIBLE_DAY = dayFromYmd(2000, 1, 1);
const LAST_PLAUSIBLE_DAY = dayFromYmd(2100, 12, 31);
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * Shapes a custom-function argument into a column. Accepts a single column `[[v],[v],…]`, a single row
 * `[[v,v,v]]`, a flat list `[v,v,v]` (command line), and a scalar (a 1×1 range). null/undefined = omitted.
 * A block of several rows and columns is a whole-input problem.
 */
export function columnSource(value: unknown, column: ReadingColumn): ColumnSource | null | Problem {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return { table: [[value]], col: 0, start: 0, length: 1 };
  const n = value.length;
  if (n === 0) return { table: [], col: 0, start: 0, length: 0 };
  const first: unknown = value[0];
  if (n === 1 && Array.isArray(first)) {
    return { table: first.map((v: unknown) => [v]), col: 0, start: 0, length: first.length };
  }
  if (!Array.isArray(first)) {
    // A flat list (command line): each element is one cell.
    const table: unknown[][] = new Array(n);
    for (let i = 0; i < n; i++) table[i] = [value[i]];
    return { table, col: 0, start: 0, length: n };
  }
  // Excel ranges are rectangular: the first and last rows tell the width (no scan over a million rows).
  const last: unknown = value[n - 1];
  const width = Math.max(first.length, Array.isArray(last) ? last.length : 1);
  if (width > 1) {
    return {
      row: null,
      severity: "error",
      code: "range-not-one-column",
      column,
      value: null,
      message: msg.notOneColumn(column, n, width),
    };
  }
  return { table: value as unknown[][], col: 0, start: 0, length: n };
}

function isProblem(x: ColumnSource | Problem | null): x is Problem {
  return x !== null && "severity" in x;
}

/**
 * Reads invoice rows from column ranges.
 *
 * Decisions (see also the readers in ./cells.ts):
 * - Row numbers are 1-based within the range, plus `rowOffset`.
 * - Columns of different heights → one problem (row null) and no rows at all: pairing them would be a guess.
 * - Date and amount both empty (0, null, undefined, "" or spaces; desktop Excel passes 0 for an empty cell)
 *   → the row is skipped. If something else is filled in (a category, country or VAT amount; a stray cell)
 *   it is still skipped, and one warning (row null) counts such rows and names the first.
 * - An amount without a date → error "amount-without-date" for that row.
 * - A date with an empty or 0 amount → no row (it would add €0); one warning (row null) counts such rows and
 *   names the first, in case amounts are missing. A text date that is not a date next to an empty amount
 *   (a label such as "Totaal" or "Januari") counts as a stray row. An explicit text amount "0,00" gives a
 *   €0 row.
 * - Any error in a row → a problem per faulty cell and no InvoiceRow for that row: never a silent wrong number.
 * - A date outside 2000–2100 is read, with a warning for that row ("date-year-suspicious").
 * - With a VAT column, an empty VAT cell is 0 (no VAT shown); without one, `vatCents` is null.
 * - A row problem carries the row's date (`day`) when the date cell was read, so summaries of other years
 *   leave it out; problems of an unreadable date, of a suspicious year and of the whole input have none.
 */
export function readRows(input: ReadRowsInput, options?: ReadRowsOptions): ReadResult {
  const cols: { column: ReadingColumn; src: ColumnSource | null | Problem }[] = [
    { column: "date", src: columnSource(input.dates, "date") },
    { column: "amount", src: columnSource(input.amounts, "amount") },
    { column: "category", src: columnSource(input.categories, "category") },
    { column: "country", src: columnSource(input.countries, "country") },
    { column: "vat", src: columnSource(input.vat, "vat") },
  ];
  const problems: Problem[] = [];
  for (const c of cols) if (isProblem(c.src)) problems.push(c.src);
  if (problems.length > 0) return { rows: [], problems };
  for (const required of ["date", "amount"] as const) {
    const c = cols.find((x) => x.column === required);
    if (c?.src === null) {
      problems.push({ row: null, severity: "error", code: "missing-range", column: required, value: null, message: msg.missingRange(required) });
    }
  }
  if (problems.length > 0) return { rows: [], problems };
  const present = cols.filter((c) => c.src !== null) as { column: ReadingColumn; src: ColumnSource }[];
  const height = present[0].src.length;
  if (present.some((c) => c.src.length !== height)) {
    const heights = present.map((c) => ({ column: c.column, rows: c.src.length }));
    return {
      rows: [],
      problems: [{ row: null, severity: "error", code: "mismatched-heights", column: null, value: null, message: msg.mismatchedHeights(heights) }],
    };
  }
  const src = (k: ReadingColumn): ColumnSource | null => (cols.find((c) => c.column === k)?.src as ColumnSource | null) ?? null;
  return readColumns(
    { date: src("date") as ColumnSource, amount: src("amount") as ColumnSource, category: src("category"), country: src("country"), vat: src("vat") },
    height,
    options?.rowOffset ?? 0,
    {
      ...(options?.maxProblems === undefined ? {} : { maxProblems: options.maxProblems }),
      ...(options?.dateSerialOffset === undefined ? {} : { dateSerialOffset: options.dateSerialOffset }),
    },
  );
}

export interface ColumnSources {
  readonly date: ColumnSource;
  readonly amount: ColumnSource;
  readonly category: ColumnSource | null;
  readonly country: ColumnSource | null;
  readonly vat: ColumnSource | null;
}

function cellAt(s: ColumnSource, i: number): unknown {
  const r = s.table[s.start + i];
  if (Array.isArray(r)) return r[s.col];
  // A bare value where a row was expected (a ragged list from code, not from Excel): it is the cell.
  return s.col === 0 ? r : undefined;
}

function isBlank(v: unknown): boolean {
  return v === 0 || v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

/**
 * A date or amount cell that is empty (isBlank), or a formula whose cached result is (`{ formula, result: "" }`
 * or `result: 0` from kor-check's sheet reader, as `=IF(C2="";"";C2)` gives): Excel mode's range.values and the
 * panel's Open file show that cell as "" or 0, so it is blank here too. A blank date beside an amount is "an
 * amount without a date", never a silently dropped invoice (readDate reads such a result as empty, not as an
 * error), and a 1904 workbook's offset does not make it 1 January 1904; a blank amount beside a date is "a date
 * without an amount", as in the pane (not a silently skipped row, nor a €0 invoice). `{ formula }` without a
 * result is not blank: it is an error (cells.ts isFormulaWithoutResult).
 */
function isBlankCell(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return isBlank(v);
  return !(v instanceof Date) && !Array.isArray(v) && "result" in v && isBlank((v as { result: unknown }).result);
}

/** A cell error of `row`; `day` is the row's date when its date cell was read (else null). */
function problemFor(row: number, column: ReadingColumn, cell: unknown, r: Extract<CellResult<unknown>, { kind: "error" }>, day: number | null): Problem {
  return { row, severity: "error", code: r.code, column, value: cellText(cell), message: msg.atRow(row, r.message), day };
}

/**
 * The row loop shared by `readRows` and `readTable`: `length` rows from the given sources; row i is reported
 * as `i + 1 + rowOffset`. Sources must have at least `length` rows (missing cells read as empty).
 */
/** Row notes of one kind beyond this number are summed up in one warning. */
const MAX_ROW_NOTES = 100;

export interface ReadColumnsExtras {
  /** Row indices (0-based, as `i`) not to read: totals and balance lines found by readTable. */
  readonly skip?: ReadonlySet<number> | null;
  /** The user's own codes → categories, keyed by `codeKey` (kor-check --codes, the pane's code table). */
  readonly codes?: ReadonlyMap<string, CategoryCode> | null;
  /**
   * Sheets and files: row problems are collected here, once per sheet and year with their rows and count
   * (see ./problemGroups.ts), instead of one per row; the caller takes them with `groups.problems()`. Unknown
   * category codes become one problem listing each code; text dates with a two-digit year get a note.
   * Without it (the custom functions) every faulty cell is its own problem.
   */
  readonly groups?: RowProblemGroups | null;
  /** See ReadRowsOptions.maxProblems. */
  readonly maxProblems?: number;
  /**
   * Rows (by index, as `i`) whose amount could not be worked out (gross − VAT without a gross amount): that
   * error is reported for the amount instead of reading the cell.
   */
  readonly amountFaults?: ReadonlyMap<number, CellError> | null;
  /**
   * Days added to a number in the date column (and to a formula's number result) before it is read as a
   * 1900-system serial: DATE_1904_OFFSET (1462) for a workbook in the 1904 date system. Text dates and Date
   * objects are calendar days already and never shifted. Default 0.
   */
  readonly dateSerialOffset?: number;
  /**
   * The order (day/month or month/day) of the date column's text dates, decided over the column (./dateOrder.ts).
   * A sheet read in blocks passes one for all its blocks; without it the rows read here decide.
   */
  readonly dateOrder?: DateOrderDecision | null;
  /** The date column's letter, for the notes and errors about its order ("kolom A"); null: "the date column". */
  readonly dateColumn?: string | null;
  /**
   * The category column's header says it holds rates ("BTW %", "Btw-tarief", "VAT rate"): a number there that is
   * no known rate (an old or foreign 19 or 6) is an unknown rate, never a sign of a firm's own numeric codes.
   */
  readonly rateColumn?: boolean;
}

/**
 * A date cell's serial moved into the 1900 system by `offset` days: a number, or an exceljs-shaped formula
 * `{ formula, result }` whose result is a number (a date formula's result is a serial of the same system).
 * Anything else (text, a Date, an error, a blank) is returned as it is.
 */
export function shiftDateSerial(v: unknown, offset: number): unknown {
  if (offset === 0) return v;
  if (typeof v === "number") return v + offset;
  if (typeof v === "object" && v !== null && !(v instanceof Date) && !Array.isArray(v)) {
    const result = (v as { result?: unknown }).result;
    if (typeof result === "number") return { ...(v as object), result: result + offset };
  }
  return v;
}

export function readColumns(sources: ColumnSources, length: number, rowOffset: number, extras?: ReadColumnsExtras): ReadResult {
  const skip = extras?.skip ?? null;
  const codes = extras?.codes ?? null;
  const groups = extras?.groups ?? null;
  const maxProblems = extras?.maxProblems ?? Infinity;
  const amountFaults = extras?.amountFaults ?? null;
  const dateSerialOffset = extras?.dateSerialOffset ?? 0;
  let omittedErrors = 0;
  // One row error: grouped with the same error of other rows (sheets), or built while under the cap and
  // counted past it (functions).
  const note = (row: number, column: ReadingColumn, cell: unknown, r: Extract<CellResult<unknown>, { kind: "error" }>, day: number | null): void => {
    if (groups !== null) groups.cellError(row, column, cellText(cell), r, day);
    else if (problems.length >= maxProblems) omittedErrors++;
    else problems.push(problemFor(row, column, cell, r, day));
  };
  const { date: dateSrc, amount: amountSrc, category: categorySrc, country: countrySrc, vat: vatSrc } = sources;
  const dateTable = dateSrc.table;
  const dateCol = dateSrc.col;
  const dateStart = dateSrc.start;
  const amountTable = amountSrc.table;
  const amountCol = amountSrc.col;
  const amountStart = amountSrc.start;
  const rows: InvoiceRow[] = new Array(length);
  let count = 0;
  const problems: Problem[] = [];
  // Day/month or month/day: decided over the whole column (or kept from the sheet's earlier blocks).
  const orderBlock = (extras?.dateOrder ?? new DateOrderDecision(extras?.dateColumn ?? null)).block(dateSrc, length, rowOffset, skip);
  const dateOrder = orderBlock.order;
  const orderFaults = orderBlock.faults;
  const orderNote = orderBlock.note;
  if (orderNote !== null) {
    if (groups !== null) groups.add(orderNote.spec.code, orderNote.row, null, () => orderNote.spec);
    else {
      const s = orderNote.spec;
      problems.push({ row: orderNote.row, severity: s.severity, code: s.code, column: s.column, value: s.value, message: s.message([orderNote.row], 1) });
    }
  }
  let datesWithoutAmount = 0;
  let firstDateWithoutAmount = 0;
  let strays = 0;
  let firstStray = 0;
  let reverseChargeAbroad = 0;
  /** Without grouping: the rows of each place read as another state (Monaco → FR), for one warning per place. */
  const treatedAsRows = new Map<string, { t: TreatedAs; rows: number[]; count: number }>();
  // A firm's own numeric codes (1, 2 …: unknown here, or in the user's mapping): a "0" among them may be one of
  // those codes too, not surely the 0% rate. It is read as 0% wherever it stands, and the sheet's groups note its
  // rows; at the end of the sheet (groups.problems()), when own numeric codes were seen anywhere in the column, one
  // error names them, so the answer never depends on where a block of a streamed sheet begins.
  const rateColumn = extras?.rateColumn ?? false;
  if (groups !== null && codes !== null && [...codes.keys()].some((k) => isOwnNumericCode(k, rateColumn))) groups.numericCodesSeen = true;

  for (let i = 0; i < length; i++) {
    if (skip !== null && skip.has(i)) continue;
    const row = i + 1 + rowOffset;
    // Inlined cellAt for the two columns every row has.
    const dr = dateTable[dateStart + i];
    const dateCell: unknown = Array.isArray(dr) ? dr[dateCol] : dateCol === 0 ? dr : undefined;
    const ar = amountTable[amountStart + i];
    const a = Array.isArray(ar) ? ar[amountCol] : amountCol === 0 ? ar : undefined;
    // Blank as the cell is (0 is an empty cell from desktop Excel, in either date system); then in the 1900 system.
    const dateBlank = isBlankCell(dateCell);
    const d = dateSerialOffset === 0 || dateBlank ? dateCell : shiftDateSerial(dateCell, dateSerialOffset);
    const amountBlank = isBlankCell(a);

    if (amountBlank) {
      if (dateBlank) {
        if (otherFilled(sources, i)) {
          if (groups !== null) groups.add("stray-rows", row, null, strayRowsSpec);
          else if (strays++ === 0) firstStray = row;
        }
        continue;
      }
      if (readDate(d, dateOrder).kind === "ok") {
        if (groups !== null) groups.add("dates-without-amount", row, null, datesWithoutAmountSpec);
        else if (datesWithoutAmount++ === 0) firstDateWithoutAmount = row;
      } else if (groups !== null) groups.add("stray-rows", row, null, strayRowsSpec);
      else if (strays++ === 0) firstStray = row;
      continue;
    }
    if (dateBlank) {
      if (groups !== null) {
        groups.add("amount-without-date", row, null, () => amountWithoutDateSpec(cellText(a)));
        continue;
      }
      if (problems.length >= maxProblems) {
        omittedErrors++;
        continue;
      }
      problems.push({
        row,
        severity: "error",
        code: "amount-without-date",
        column: "date",
        value: cellText(a),
        message: msg.amountWithoutDate(row),
      });
      continue;
    }

    let failed = false;

    // Date: serial numbers inline (the common case), everything else through readDate.
    let day: number;
    let twoDigitYear = false;
    if (typeof d === "number" && d >= 61 && d < MAX_EXCEL_SERIAL + 1) {
      day = Math.floor(d) - EXCEL_EPOCH_OFFSET;
    } else {
      const fault = orderFaults === null ? undefined : orderFaults.get(i);
      const r = fault === undefined ? readDate(d, dateOrder) : fault.error;
      if (fault !== undefined) {
        day = 0;
        failed = true;
        if (groups !== null) groups.add(fault.group, row, null, fault.spec);
        else note(row, "date", dateCell, fault.error, null);
      } else if (r.kind === "ok") {
        day = r.value;
        twoDigitYear = r.twoDigitYear === true;
      } else {
        day = 0;
        failed = true;
        if (r.kind === "error") note(row, "date", dateCell, r, null);
      }
    }
    // The row's date, for the problems of its other cells: they belong to that year's report. None when the
    // date is unreadable or its year is implausible (then the year itself is in doubt).
    const rowDay = failed || day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY ? null : day;

    let cents: number;
    const fault = amountFaults === null ? undefined : amountFaults.get(i);
    if (fault !== undefined) {
      cents = 0;
      failed = true;
      // No cell text: one problem for all such rows of a sheet, whatever their VAT.
      note(row, "amount", "", fault, rowDay);
    } else if (typeof a === "number") {
      const c = centsFromEuros(a);
      if (c === null) {
        cents = 0;
        failed = true;
        const r = readAmount(a);
        if (r.kind === "error") note(row, "amount", a, r, rowDay);
      } else cents = c;
    } else {
      const r = readAmount(a);
      if (r.kind === "ok") cents = r.value;
      else {
        cents = 0;
        failed = true;
        if (r.kind === "error") note(row, "amount", a, r, rowDay);
      }
    }

    let category: CategoryCode | null = null;
    let bareZero = false;
    if (categorySrc !== null) {
      const v = cellAt(categorySrc, i);
      // The user's own codes first, a number as its digits (a workbook's codes 1, 2, 0). Only with a mapping
      // is a number 0 looked up: without one it is empty (desktop Excel passes 0 for an empty cell to the
      // functions, which have no mapping; the pane and kor-check give an empty cell as "" or null).
      const mapped = codes === null ? undefined : ownCode(codes, v);
      if (mapped !== undefined) category = mapped;
      else if (v !== null && v !== undefined && v !== 0 && v !== "") {
        const r = readCategoryCell(v);
        if (r.kind === "ok") {
          category = r.value;
          bareZero = groups !== null && typeof v === "string" && v.trim() === "0";
        } else if (r.kind === "error") {
          failed = true;
          if (groups !== null && r.code === "unknown-category") {
            const code = cellText(v).trim();
            groups.unknownCode(code, row, rowDay);
            if (isOwnNumericCode(code, rateColumn)) groups.numericCodesSeen = true;
          } else note(row, "category", v, r, rowDay);
        }
      } else if (v === 0 && groups !== null) bareZero = true;
    }

    let country: string | null = null;
    let treatedAs: TreatedAs | null = null;
    if (countrySrc !== null) {
      const v = cellAt(countrySrc, i);
      if (v !== null && v !== undefined && v !== 0 && v !== "") {
        const r = readCountry(v);
        if (r.kind === "ok") {
          country = r.value;
          if (r.treatedAs !== undefined) treatedAs = r.treatedAs;
        } else if (r.kind === "error") {
          failed = true;
          note(row, "country", v, r, rowDay);
        }
      }
    }

    let vatCents: number | null = null;
    if (vatSrc !== null) {
      const v = cellAt(vatSrc, i);
      vatCents = 0;
      if (typeof v === "number") {
        const c = centsFromEuros(v);
        if (c === null) {
          failed = true;
          const r = readVat(v);
          if (r.kind === "error") note(row, "vat", v, r, rowDay);
        } else vatCents = c;
      } else if (v !== null && v !== undefined) {
        const r = readVat(v);
        if (r.kind === "ok") vatCents = r.value;
        else if (r.kind === "error") {
          failed = true;
          note(row, "vat", v, r, rowDay);
        }
      }
    }

    if (failed) continue;
    if (twoDigitYear && groups !== null) {
      const text = cellText(dateCell).trim();
      groups.add("date-two-digit-year", row, rowDay, () => twoDigitYearSpec(text, day));
    }
    if (day < FIRST_PLAUSIBLE_DAY || day > LAST_PLAUSIBLE_DAY) {
      // No `day`: the year itself is in doubt (a typo such as 2205 for 2025), so every year's report shows it.
      if (groups !== null) {
        const text = cellText(dateCell);
        groups.add("date-year-suspicious", row, null, () => yearSuspiciousSpec(text, day));
      } else problems.push({
        row,
        severity: "warning",
        code: "date-year-suspicious",
        column: "date",
        value: cellText(dateCell),
        message: msg.atRow(row, msg.dateYearSuspicious(isoFromDay(day))),
      });
    } else if (groups !== null) groups.yearSeen(row, day);
    // kor-rules.md section 3: `verlegd` with another member state is a B2B service taxed there (`buitenland`).
    const placed = placedCategory(category, country, yearOf(day));
    if (placed !== category && country !== null) {
      category = placed;
      const c = country;
      if (groups !== null) groups.add(`reverse-charge-abroad\u0001${c}`, row, day, () => reverseChargeAbroadSpec(c));
      else if (++reverseChargeAbroad <= MAX_ROW_NOTES) {
        problems.push({ row, severity: "warning", code: "reverse-charge-abroad", column: "category", value: "verlegd", day, message: msg.atRow(row, msg.reverseChargeAbroad(country)) });
      }
    }
    if (treatedAs !== null) {
      const t = treatedAs;
      if (groups !== null) groups.add(`country-treated-as\u0001${t.code}\u0001${t.place.en}`, row, day, () => treatedAsSpec(t));
      else {
        const key = `${t.code}\u0001${t.place.en}`;
        const seen = treatedAsRows.get(key) ?? { t, rows: [], count: 0 };
        if (seen.rows.length < MAX_ROW_NOTES) seen.rows.push(row);
        seen.count++;
        treatedAsRows.set(key, seen);
      }
    }
    if (bareZero && groups !== null) groups.zeroCode(row, day, cents);
    rows[count++] = { row, day, cents, category, country, vatCents };
  }
  if (reverseChargeAbroad > MAX_ROW_NOTES) {
    problems.push(wholeInputWarning("reverse-charge-abroad", "category", msg.moreReverseChargeAbroad(reverseChargeAbroad - MAX_ROW_NOTES)));
  }

  for (const { t, rows: at, count: n } of treatedAsRows.values()) {
    const spec = treatedAsSpec(t);
    problems.push({ row: at[0], severity: "warning", code: spec.code, column: spec.column, value: spec.value, rows: at, count: n, message: spec.message(at, n) });
  }

  rows.length = count;
  if (datesWithoutAmount > 0) {
    problems.push(wholeInputWarning("dates-without-amount", "amount", msg.datesWithoutAmount(datesWithoutAmount, firstDateWithoutAmount)));
  }
  if (strays > 0) {
    problems.push(wholeInputWarning("stray-rows", null, msg.strayRows(strays, firstStray)));
  }
  return omittedErrors > 0 ? { rows, problems, omittedErrors } : { rows, problems };
}

// How the grouped row notes of a sheet read (see ./problemGroups.ts): built once per group, not per row.

function strayRowsSpec(): GroupSpec {
  return { code: "stray-rows", severity: "warning", column: null, value: null, message: (rows, n) => msg.atRows(rows, n, msg.strayRowsBody(n)) };
}

function datesWithoutAmountSpec(): GroupSpec {
  return { code: "dates-without-amount", severity: "warning", column: "amount", value: null, message: (rows, n) => msg.atRows(rows, n, msg.datesWithoutAmountBody(n)) };
}

function amountWithoutDateSpec(value: string): GroupSpec {
  return { code: "amount-without-date", severity: "error", column: "date", value, message: (rows, n) => msg.atRows(rows, n, msg.amountWithoutDateBody(n)) };
}

function twoDigitYearSpec(text: string, day: number): GroupSpec {
  const read = { nl: formatDay(day, "nl"), en: formatDay(day, "en") };
  return { code: "date-two-digit-year", severity: "warning", column: "date", value: text, message: (rows, n) => msg.atRows(rows, n, msg.dateTwoDigitYear(text, read, n)) };
}

function yearSuspiciousSpec(text: string, day: number): GroupSpec {
  const iso = isoFromDay(day);
  return { code: "date-year-suspicious", severity: "warning", column: "date", value: text, message: (rows, n) => msg.atRows(rows, n, msg.dateYearSuspicious(iso, n)) };
}

function reverseChargeAbroadSpec(country: string): GroupSpec {
  return { code: "reverse-charge-abroad", severity: "warning", column: "category", value: "verlegd", message: (rows, n) => msg.atRows(rows, n, msg.reverseChargeAbroad(country)) };
}

function treatedAsSpec(t: TreatedAs): GroupSpec {
  return { code: "country-treated-as", severity: "warning", column: "country", value: t.place.nl, message: (rows, n) => msg.atRows(rows, n, msg.countryTreatedAs(t.place, t.state, t.code)) };
}

function wholeInputWarning(code: string, column: ReadingColumn | null, message: Localized): Problem {
  return { row: null, severity: "warning", code, column, value: null, message };
}

/**
 * The user's category for a cell holding one of their codes: text, or a number whose digits are the code
 * (whole numbers 0 and up only: 1.5 or −1 would lose their point or sign in `codeKey` and match "15" or "1"),
 * also as a formula's result.
 */
function ownCode(codes: ReadonlyMap<string, CategoryCode>, v: unknown, depth = 0): CategoryCode | undefined {
  if (typeof v === "string") return codes.get(codeKey(v));
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? codes.get(String(v)) : undefined;
  if (typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && depth < 3) return ownCode(codes, unwrapCell(v), depth + 1);
  return undefined;
}

/**
 * Numbers that are a VAT rate somewhere in the EU or were one in the Netherlands (6, 19, 20 …): an old or foreign
 * rate, not a sign of a firm's own numeric codes (those are 1, 2, 3, 4 or above the rates, as 101).
 */
const PLAUSIBLE_RATE = /^(?:5|6|7|8|10|12|13|14|15|16|17|18|19|20|22|23|24|25|26|27)$/;

/**
 * A firm's own numeric VAT code: digits that are not one of the categories written as digits (21, 9, 0), nor a
 * plausible rate (6, 19, 20), nor any number in a column whose header says it holds rates (`rateColumn`).
 */
function isOwnNumericCode(code: string, rateColumn: boolean): boolean {
  return !rateColumn && /^\d+$/.test(code) && code !== "21" && code !== "9" && code !== "0" && !PLAUSIBLE_RATE.test(code);
}

/** Something other than the date and amount is filled in (a stray cell). */
function otherFilled(sources: ColumnSources, i: number): boolean {
  if (sources.category !== null && !isBlank(cellAt(sources.category, i))) return true;
  if (sources.country !== null && !isBlank(cellAt(sources.country, i))) return true;
  if (sources.vat !== null && !isBlank(cellAt(sources.vat, i))) return true;
  return false;
}

