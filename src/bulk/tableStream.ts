/**
 * Reads an invoice list that arrives row by row (a streamed .xlsx sheet, a CSV file) in blocks, with the
 * reading layer's own header detection and row reader, so only one block of raw cell values is held at a
 * time. The first block finds the header row (in the first 10 rows, as `readTable` does); later blocks are
 * read with the columns found there.
 *
 * Row problems are collected over the whole sheet (one RowProblemGroups for all blocks), so a repeated
 * problem ("300 rows show #N/A", "3 rows with a date but no amount") is given once per sheet and year with
 * its rows, whatever the block size; they reach the sink when the sheet ends (`end()`).
 */
import { DateOrderDecision } from "../reading/dateOrder";
import { cellText } from "../reading/cells";
import { columnLetter, HEADER_SEARCH_ROWS, readTable, TABLE_REFUSALS, VAT_PROBE_ROWS, VatReadingWatch, vatReadingRefusal, type ColumnRole, type ReadTableResult, type SideSigns, type VatReadingCheck } from "../reading/headers";
import { RowProblemGroups } from "../reading/problemGroups";
import { RepeatedInvoices } from "../reading/repeatedInvoices";
import type { CategoryCode, InvoiceRow, Problem } from "../rules/types";

export const DEFAULT_BLOCK_ROWS = 65_536;

/** Rows kept per grouped problem of a streamed sheet (the count stays exact): memory stays flat for a million bad rows. */
export const MAX_GROUP_ROWS = 10_000;

/** A gap of empty rows longer than this (a stray cell far down) starts a new block instead of padding. */
const MAX_PADDING = 1_000;

const EMPTY_ROW: readonly unknown[] = [];

/**
 * Rows beneath the header search that the header decision also sees (to tell a "BTW" rate column from amounts):
 * the rows readTable decides that from, so a sheet read in blocks decides as the whole sheet does.
 */
const PROBE_DATA_ROWS = VAT_PROBE_ROWS;

const ALL_ROLES_UNUSED: Record<ColumnRole, undefined> = {
  date: undefined, amount: undefined, category: undefined, country: undefined, vat: undefined,
  customer: undefined, gross: undefined, debit: undefined, credit: undefined, side: undefined,
  currency: undefined, status: undefined, doctype: undefined, invoice: undefined,
};

/** What the user chose for a file: columns by letter or header text, and their own codes. */
export interface TableStreamOptions {
  /** Columns chosen by the user (0-based); a role given as `undefined` explicitly is "not used" (readTable's). */
  readonly columns?: Partial<Record<ColumnRole, number | undefined>>;
  readonly columnNames?: Partial<Record<ColumnRole, string>>;
  readonly codes?: ReadonlyMap<string, CategoryCode> | null;
}

export interface TableStreamSink {
  rows(rows: InvoiceRow[]): void;
  problems(problems: Problem[]): void;
}

export type TableStreamState =
  /** Header not decided yet (fewer rows than the header search). */
  | "pending"
  | "reading"
  /** No header row with a date and an amount column: not an invoice list (see `rejection`). */
  | "rejected";

export class TableStream {
  private block: (readonly unknown[])[] = [];
  /** Sheet row (1-based) of block[0]. */
  private blockFirstRow = 1;
  private nextRow = 1;
  private columns: Partial<Record<ColumnRole, number>> | null = null;
  /** The header row's cells as text, for the messages of the blocks beneath it. */
  private columnHeaders: readonly string[] | undefined;
  /**
   * How the amounts beside a D/C column are signed: decided by the probe on the first rows, then as each block
   * leaves it (a side the first rows did not show is decided by its first line, in whichever block).
   */
  private sideSigns: SideSigns | undefined;
  private headerSeen = false;
  private sawData = false;
  state: TableStreamState = "pending";
  rejection: Problem | null = null;
  /** Sheet row of the header, when found. */
  headerRow: number | null = null;
  private readonly groups = new RowProblemGroups({ maxRows: MAX_GROUP_ROWS });
  /** Day/month or month/day for the sheet's text dates: decided on the first block that has them, kept for the rest. */
  private dateOrder: DateOrderDecision | null = null;
  /** The same invoice twice: one check over all the sheet's blocks. */
  private readonly repeats = new RepeatedInvoices();
  private groupsGiven = false;
  /**
   * The VAT column's check of the amount column's reading (readTable's "vat-fits-gross" / "vat-fits-net"), which the
   * probe passed on its first rows: every later row is checked as its block is read, and a row that contradicts the
   * reading refuses the sheet after its last row, as the whole sheet read at once is refused (never a total of
   * amounts including VAT counted as turnover because the first rows had no VAT).
   */
  private vatCheck: { readonly check: VatReadingCheck; readonly watch: VatReadingWatch } | null = null;

  constructor(
    private readonly sink: TableStreamSink,
    private readonly blockRows: number = DEFAULT_BLOCK_ROWS,
    /**
     * Days to add to numbers in the date column: 1462 for a workbook in the 1904 date system (Mac Excel),
     * whose serials the reading layer (1900 system) would otherwise read four years too early.
     */
    private readonly dateSerialOffset: number = 0,
    private readonly options: TableStreamOptions = {},
  ) {}

  /** The 0-based columns found in the header row, once decided. */
  get detectedColumns(): Partial<Record<ColumnRole, number>> | null {
    return this.columns;
  }

  /** Whether any non-empty row was pushed (an empty sheet is not "not an invoice list", it is empty). */
  get hadData(): boolean {
    return this.sawData;
  }

  /**
   * Adds sheet row `sheetRow` (1-based, increasing; skipped rows are empty). `values[c]` is column c
   * (0-based, column A = 0). The array is kept until its block is read: do not reuse it.
   */
  push(values: readonly unknown[], sheetRow: number = this.nextRow): void {
    if (this.state === "rejected") return;
    if (sheetRow < this.nextRow) throw new RangeError(`rows out of order: ${sheetRow} after ${this.nextRow - 1}`);
    if (values.length > 0) this.sawData = true;
    if (this.block.length === 0 && !this.headerSeen && this.nextRow === 1) {
      // The list starts further down (an Excel table at row 2000, a CSV whose first rows exceljs skipped).
      this.blockFirstRow = sheetRow;
      this.nextRow = sheetRow;
    }
    const gap = sheetRow - this.nextRow;
    if (gap > 0) {
      if (gap > MAX_PADDING) {
        if (!this.headerSeen) {
          while (this.block.length < HEADER_SEARCH_ROWS + PROBE_DATA_ROWS) this.block.push(EMPTY_ROW);
          if (!this.decideHeader()) return;
        }
        this.flush();
        this.blockFirstRow = sheetRow;
      } else {
        for (let i = 0; i < gap; i++) this.block.push(EMPTY_ROW);
      }
    }
    this.block.push(values);
    this.nextRow = sheetRow + 1;
    if (!this.headerSeen && this.block.length >= HEADER_SEARCH_ROWS + PROBE_DATA_ROWS) this.decideHeader();
    if (this.block.length >= this.blockRows) this.flush();
  }

  /** Reads what is left. */
  end(): void {
    if (this.state === "rejected") return;
    if (!this.headerSeen && !this.decideHeader()) return;
    this.flush();
    const conflict = this.vatCheck?.watch.conflict() ?? null;
    if (this.vatCheck !== null && conflict !== null) {
      // The rows already given to the sink are not to be used: the caller drops a rejected stream's rows.
      this.state = "rejected";
      this.rejection = vatReadingRefusal(this.vatCheck.check, conflict, (sheetRow) => sheetRow);
      return;
    }
    if (this.groupsGiven) return;
    this.groupsGiven = true;
    const grouped = this.groups.problems();
    if (grouped.length > 0) this.sink.problems(grouped);
  }

  /** Finds the header row; false when there is none (the stream is rejected). */
  private decideHeader(): boolean {
    this.headerSeen = true;
    // The probe sees some rows under the header too, so a "BTW" column can be decided from its values.
    const probe = readTable(this.block.slice(0, HEADER_SEARCH_ROWS + PROBE_DATA_ROWS), {
      rowOffset: this.blockFirstRow - 1,
      columns: this.options.columns,
      columnNames: this.options.columnNames,
    });
    // A date and an amount column chosen by the user: read without a header row found, as the year report does
    // (every row is data; a header it did not recognise is then a row in error).
    const chosen = typeof this.options.columns?.date === "number" && typeof this.options.columns.amount === "number";
    if ((probe.headerRowIndex === null && !chosen) || probe.problems.some((p) => TABLE_REFUSALS.has(p.code))) {
      this.state = "rejected";
      this.rejection = probe.problems.find((p) => TABLE_REFUSALS.has(p.code)) ?? probe.problems[0] ?? null;
      this.block = [];
      return false;
    }
    this.state = "reading";
    this.columns = probe.columns;
    this.dateOrder = new DateOrderDecision(probe.columns.date === undefined ? null : columnLetter(probe.columns.date));
    this.sideSigns = probe.sideSignsDecided;
    this.vatCheck = probe.vatCheck === undefined ? null : { check: probe.vatCheck, watch: new VatReadingWatch(probe.vatCheck.amountCol, probe.vatCheck.vatCol, probe.vatCheck.reading) };
    this.headerRow = probe.headerRowIndex === null ? null : this.blockFirstRow + probe.headerRowIndex;
    const headerCells = probe.headerRowIndex === null ? undefined : this.block[probe.headerRowIndex];
    this.columnHeaders = Array.isArray(headerCells) ? headerCells.map((c) => cellText(c)) : undefined;
    return true;
  }

  private flush(): void {
    if (this.block.length === 0 || this.columns === null) return;
    const first = this.blockFirstRow;
    const block = this.block;
    this.block = [];
    this.blockFirstRow = first + block.length;
    if (this.vatCheck !== null) {
      // Named by sheet row (1-based): the rows beneath the header.
      const from = this.headerRow === null ? 0 : Math.max(0, this.headerRow - first + 1);
      for (let i = from; i < block.length; i++) this.vatCheck.watch.add(block[i], first + i);
    }
    let result: ReadTableResult;
    // Every role named, so detection on the header block cannot bring back a column the probe decided against
    // (a "BTW" column that holds rates is the category, not the VAT amount).
    const columns: Partial<Record<ColumnRole, number | undefined>> = { ...ALL_ROLES_UNUSED, ...this.columns };
    if (this.headerRow !== null && this.headerRow >= first) {
      // The block holding the header: let readTable skip it and the rows above it.
      result = readTable(block, { columns, headerRowIndex: this.headerRow - first, rowOffset: first - 1, codes: this.options.codes ?? null, groups: this.groups, dateSerialOffset: this.dateSerialOffset, dateOrder: this.dateOrder ?? undefined, repeats: this.repeats, sideSigns: this.sideSigns });
    } else {
      // An out-of-range header index means "no header in this block": data from its first row.
      result = readTable(block, { columns, columnHeaders: this.columnHeaders, headerRowIndex: -1, rowOffset: first - 1, codes: this.options.codes ?? null, groups: this.groups, dateSerialOffset: this.dateSerialOffset, dateOrder: this.dateOrder ?? undefined, repeats: this.repeats, sideSigns: this.sideSigns });
    }
    if (result.sideSigns !== undefined) this.sideSigns = result.sideSigns;
    if (result.rows.length > 0) this.sink.rows(result.rows);
    if (result.problems.length > 0) this.sink.problems(result.problems);
  }
}
