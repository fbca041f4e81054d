/**
 * Sheets with a header row: find which column holds the date, amount, category, country, VAT and customer,
 * from Dutch or English column headers, then read the rows beneath with sheet row numbers.
 */
import * as msg from "../i18n/messages";
import type { Problem } from "../rules/types";
import type { InvoiceRow } from "../rules/types";
import { cellText } from "./cells";
import { type ColumnSource, readColumns } from "./rows";

export type ColumnRole = "date" | "amount" | "category" | "country" | "vat" | "customer";

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;

/** Lower case, no accents, punctuation to spaces, single spaces. "Bedrag (excl. BTW)" → "bedrag excl btw". */
function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

const has = (words: readonly string[], ...any: string[]): boolean => any.some((w) => words.includes(w));

/** Parts of a header that make a date column some other date than the invoice date (due, payment, delivery, order …). */
const OTHER_DATE_PARTS = [
  "verval", "betaal", "betaling", "lever", "order", "bestel", "verzend", "aflever",
  "due", "payment", "paid", "deliver", "shipping", "shipped", "ship",
] as const;

/** True for a header that names a date other than the invoice date: "Vervaldatum", "Due date", "Paid on", "Datum levering". */
function isOtherDate(w: readonly string[]): boolean {
  return w.some((x) => OTHER_DATE_PARTS.some((p) => x.startsWith(p) || x.includes(`${p}datum`) || x.includes(`${p}date`)));
}

function isDateHeader(w: readonly string[]): boolean {
  return w.some((x) => x.includes("datum")) || has(w, "date", "invoicedate", "dated");
}

/** An explicit invoice date: "Factuurdatum", "Invoice date", "Datum factuur". */
function isInvoiceDate(w: readonly string[]): boolean {
  const joined = w.join("");
  return joined.includes("factuurdatum") || joined.includes("datumfactuur") || joined.includes("invoicedate") ||
    joined.includes("dateofinvoice") || has(w, "factuur", "invoice");
}

/** The words of a header: "Bedrag (excl. BTW)" → ["bedrag", "excl", "btw"]; "BTW %" → ["btw", "%"]. */
function headerWords(cell: unknown): string[] {
  if (typeof cell !== "string") return [];
  return normalizeHeader(cell).replace(/%/g, " % ").split(" ").filter((x) => x !== "");
}

/**
 * The role of one header cell, or null. Order matters: "bedrag excl. btw" is the amount (not VAT),
 * "btw %" and "btw-tarief" are the category (the rate), "btw-nummer klant" is the customer, "land klant"
 * is the country, a gross "bedrag incl. btw" / "totaal" is nothing (it must not be read as turnover), and
 * a due, payment, delivery or order date ("vervaldatum", "due date", "paid on") is never the invoice date.
 */
export function headerRole(cell: unknown): ColumnRole | null {
  const w = headerWords(cell);
  if (w.length === 0) return null;
  const joined = w.join("");

  // Gross amounts (incl. VAT) and totals are not turnover: never guess them as the amount column.
  if (has(w, "incl", "inclusief", "including", "inc", "bruto", "gross", "totaal", "total")) return null;
  // The rate is the category column.
  if (has(w, "%", "tarief", "rate", "percentage", "btwtarief", "vatrate", "btwpercentage")) return "category";
  // The customer's country ("Land klant", "Customer country") is the country, not the customer.
  const country = has(w, "land", "landcode", "country", "lidstaat", "countrycode") || joined === "memberstate";
  const vatNumber = joined.includes("btwnummer") || joined.includes("vatnumber") || joined.includes("vatid");
  if (country && !vatNumber) return "country";
  // Customer (before VAT: "btw-nummer klant" is about the customer).
  if (has(w, "klant", "klanttype", "customer", "client", "afnemer", "klantsoort", "btwnummer", "vatnumber", "vatid", "btwid") || vatNumber) {
    return "customer";
  }
  // Excluding VAT / net: the amount.
  if (has(w, "excl", "exclusief", "excluding", "ex", "exbtw", "exclbtw", "netto", "net", "zonder")) return "amount";
  if (country) return "country";
  if (has(w, "categorie", "category", "soort", "type", "omzetsoort", "btwcode", "vatcode", "code", "rubriek", "btwsoort")) {
    return "category";
  }
  if (isDateHeader(w)) return isOtherDate(w) ? null : "date";
  if (has(w, "btw", "vat", "btwbedrag", "omzetbelasting", "vatamount", "tax")) return "vat";
  if (w.some((x) => x.includes("bedrag")) || has(w, "omzet", "amount", "turnover", "revenue", "sales", "bedragen")) return "amount";
  return null;
}

/**
 * Detects columns from a header row. The first column recognised for a role wins, except for the date: an
 * explicit invoice date ("Factuurdatum", "Invoice date") wins over a generic "Datum"/"Date" anywhere in the row.
 * Due, payment, delivery and order dates are never the date column.
 *
 * @example detectColumns(["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW", "BTW %"])
 *   // { date: 0, customer: 1, amount: 2, vat: 3, category: 4 }
 * @example detectColumns(["Datum", "Vervaldatum", "Factuurdatum", "Bedrag"]) // { date: 2, amount: 3 }
 */
export function detectColumns(header: readonly unknown[]): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  let dateIsExplicit = false;
  for (let c = 0; c < header.length; c++) {
    const role = headerRole(header[c]);
    if (role === null) continue;
    if (role === "date") {
      const explicit = isInvoiceDate(headerWords(header[c]));
      if (columns.date === undefined || (explicit && !dateIsExplicit)) {
        columns.date = c;
        dateIsExplicit = explicit;
      }
    } else if (columns[role] === undefined) {
      columns[role] = c;
    }
  }
  return columns;
}

function findHeaderRow(values: readonly (readonly unknown[])[]): number | null {
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const cols = detectColumns(row);
    if (cols.date !== undefined && cols.amount !== undefined) return r;
  }
  return null;
}

/** True when one of the first rows is a header with a date and an amount column. */
export function looksLikeInvoiceTable(values: readonly (readonly unknown[])[]): boolean {
  return Array.isArray(values) && findHeaderRow(values) !== null;
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of spreadsheet column letters: "A" → 0, "AA" → 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface ReadTableOptions {
  /**
   * Columns chosen by the user (0-based); detected from the header row for the roles not given. A role given
   * as `undefined` explicitly is "not used": it overrides detection.
   */
  readonly columns?: Partial<Record<ColumnRole, number | undefined>>;
  /**
   * 0-based index of the header row in `values`; searched in the first 10 rows when not given. A negative
   * index means "no header row": data starts at `values[0]` (for blocks below the header of a streamed sheet).
   */
  readonly headerRowIndex?: number;
  /** Sheet row of `values[0]` minus 1 (0 when the values start at row 1, as a used range from A1 does). */
  readonly rowOffset?: number;
}

export interface ReadTableResult {
  readonly headerRowIndex: number | null;
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly rows: InvoiceRow[];
  readonly problems: Problem[];
}

/**
 * Reads a sheet's values (as `range.values` or exceljs give them) with a header row.
 *
 * Finds the header row (the first of the first 10 rows with both a date and an amount column), then reads
 * every row beneath it. Rows are numbered as sheet rows: with values from A1 and the header in row 1, the
 * first invoice is row 2. When `columns` gives both date and amount, no header is required: the header row
 * is still looked for (so it is not read as data), else data starts at the first row.
 * No date or amount column → one problem (row null) saying what was missing and what was recognised.
 */
export function readTable(values: readonly (readonly unknown[])[], options?: ReadTableOptions): ReadTableResult {
  const rowOffset = options?.rowOffset ?? 0;
  const table = Array.isArray(values) ? values : [];
  let headerRowIndex: number | null = options?.headerRowIndex ?? findHeaderRow(table);
  if (headerRowIndex !== null && (headerRowIndex < 0 || headerRowIndex >= table.length)) headerRowIndex = null;
  const detected: Partial<Record<ColumnRole, number>> =
    headerRowIndex !== null && Array.isArray(table[headerRowIndex]) ? detectColumns(table[headerRowIndex]) : {};
  const merged: Partial<Record<ColumnRole, number | undefined>> = { ...detected, ...(options?.columns ?? {}) };
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const role of Object.keys(merged) as ColumnRole[]) {
    const c = merged[role];
    if (typeof c === "number" && Number.isInteger(c) && c >= 0) columns[role] = c;
  }

  if (columns.date === undefined || columns.amount === undefined) {
    const missing = (["date", "amount"] as const).filter((r) => columns[r] === undefined);
    const headerRow = headerRowIndex ?? bestGuessHeaderRow(table);
    const header = headerRow !== null && Array.isArray(table[headerRow]) ? table[headerRow] : [];
    const found = (Object.keys(columns) as ColumnRole[])
      .map((role) => ({ role, index: columns[role] as number }))
      .concat(
        headerRowIndex === null && headerRow !== null
          ? (Object.entries(detectColumns(header)) as [ColumnRole, number][]).map(([role, index]) => ({ role, index }))
          : [],
      )
      .filter((f, i, all) => all.findIndex((g) => g.role === f.role) === i)
      .map((f) => ({ role: f.role, letter: columnLetter(f.index), header: cellText(header[f.index]) }));
    return {
      headerRowIndex,
      columns,
      rows: [],
      problems: [
        {
          row: null,
          severity: "error",
          code: "no-invoice-columns",
          column: missing[0],
          value: null,
          message: msg.noInvoiceColumns(missing, found, Math.min(HEADER_SEARCH_ROWS, Math.max(table.length, 1))),
        },
      ],
    };
  }

  const start = headerRowIndex === null ? 0 : headerRowIndex + 1;
  const length = Math.max(0, table.length - start);
  const source = (col: number | undefined): ColumnSource | null =>
    col === undefined ? null : { table, col, start, length };
  const result = readColumns(
    {
      date: source(columns.date) as ColumnSource,
      amount: source(columns.amount) as ColumnSource,
      category: source(columns.category),
      country: source(columns.country),
      vat: source(columns.vat),
    },
    length,
    start + rowOffset,
  );
  return { headerRowIndex, columns, rows: result.rows, problems: result.problems };
}

/** The row within the first 10 with the most recognised headers, for the "what was found" message. */
function bestGuessHeaderRow(values: readonly (readonly unknown[])[]): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const count = Object.keys(detectColumns(row)).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}
