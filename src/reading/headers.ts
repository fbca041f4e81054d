/**
 * Sheets with a header row: find which column holds the date, amount, category, country, VAT and customer,
 * from Dutch or English column headers, then read the rows beneath with sheet row numbers.
 */
import * as msg from "../i18n/messages";
import type { Problem } from "../rules/types";
import type { CategoryCode, InvoiceRow } from "../rules/types";
import type { Localized } from "../i18n/types";
import { type CellError, cellText, readAmount, readDate } from "./cells";
import { type ColumnSource, readColumns } from "./rows";
import type { DateOrderDecision } from "./dateOrder";
import { type GroupSpec, RowProblemGroups } from "./problemGroups";
import { centsExcludingVat } from "../rules/money";
import { bankStatementOf, creditNoteType, currencyColumn, docTypeColumn, foreignCurrency, isDocTypeHeader, isDocumentType, notASale, paymentExport, statusColumn } from "./rowKinds";
import { shiftDateSerial } from "./rows";
import { RepeatedInvoices, invoiceNumberColumn } from "./repeatedInvoices";

export type ColumnRole =
  | "date" | "amount" | "category" | "country" | "vat" | "customer" | "gross" | "debit" | "credit" | "side"
  // Read by readTable beside the invoice's columns (./rowKinds.ts), never by detectColumns: a currency, a
  // payment's or invoice's status, a document type (credit note), an invoice number (./repeatedInvoices.ts).
  | "currency" | "status" | "doctype" | "invoice";

/**
 * Problems that refuse a whole sheet, never "eligible with €0": no date or turnover column, amounts including VAT
 * only, a bare "BTW" column that may be rates or VAT amounts, turnover (or VAT beside gross) in one column per VAT
 * rate, a VAT column that says the amount column includes VAT or the gross column excludes it.
 */
export const TABLE_REFUSALS: ReadonlySet<string> = new Set(["no-invoice-columns", "gross-only", "vat-column-ambiguous", "bank-statement", "turnover-per-rate-columns", "vat-fits-net", "vat-fits-gross"]);
/** Of those, the refusals over which amount columns to read: turnover per rate, a VAT column contradicting the amounts. */
export const AMOUNT_COLUMN_REFUSALS: ReadonlySet<string> = new Set(["turnover-per-rate-columns", "vat-fits-net", "vat-fits-gross"]);
/** Of those, the refusals of a sheet that is an invoice list: a workbook's sheet gets its reason too (not "no invoice list"). */
export const LIST_REFUSALS: ReadonlySet<string> = new Set(["gross-only", "vat-column-ambiguous", "bank-statement", "turnover-per-rate-columns", "vat-fits-net", "vat-fits-gross"]);

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 15;

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

/**
 * Amounts an invoice list shows beside the invoice's own: what is still open or was paid, a discount, a price
 * per unit ("Openstaand bedrag", "Betaald bedrag", "Amount due", "Kortingsbedrag", "Bedrag per stuk", "Unit
 * price"). Never the amount, gross or VAT column: read as "bedrag" they made the outstanding or paid amounts the
 * turnover.
 */
const OTHER_AMOUNT_PREFIXES = ["openstaand", "outstanding", "betaald", "voldaan", "restbedrag", "restant", "stukprijs", "stuksprijs", "eenheidsprijs"] as const;
const OTHER_AMOUNT_WORDS = ["open", "due", "paid", "stuk", "stuks", "unit", "eenheid"] as const;
/** A discount itself ("Korting", "Kortingsbedrag", "Discount amount"); "Bedrag na korting" is the amount. */
const DISCOUNT_PREFIXES = ["korting", "discount"] as const;
const AFTER_DISCOUNT = ["na", "after", "minus", "min", "less", "incl", "inclusief", "including", "met", "with"] as const;

function isOtherAmount(w: readonly string[]): boolean {
  if (w.some((x) => OTHER_AMOUNT_PREFIXES.some((p) => x.startsWith(p))) || has(w, ...OTHER_AMOUNT_WORDS)) return true;
  return w.some((x) => DISCOUNT_PREFIXES.some((p) => x.startsWith(p))) && !has(w, ...AFTER_DISCOUNT);
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

/**
 * Dutch compounds of a gross / net / ledger word and an amount word, written as one word as the packages do
 * ("Brutobedrag", "Nettobedrag", "Debetbedrag", "Creditbedrag", "Brutoomzet"): read as the two words, so
 * "Brutobedrag" is gross and "Debetbedrag" the debit column, not a bare "bedrag" (the amount excluding VAT).
 * Only before an amount word: "Creditnota" or "Creditnummer" stays one word.
 */
const COMPOUND = /^(bruto|netto|debet|credit)(bedrag|bedragen|totaal|omzet)$/;

/** The words of a header: "Bedrag (excl. BTW)" → ["bedrag", "excl", "btw"]; "BTW %" → ["btw", "%"]; "Brutobedrag" → ["bruto", "bedrag"]. */
function headerWords(cell: unknown): string[] {
  if (typeof cell !== "string") return [];
  return normalizeHeader(cell)
    .replace(/%/g, " % ")
    .split(" ")
    .filter((x) => x !== "")
    .flatMap((x) => {
      const m = COMPOUND.exec(x);
      return m === null ? [x] : [m[1], m[2]];
    });
}

/**
 * A column that says on which side of the ledger a line's amount stands: "D/C", "DC", "Debet/Credit",
 * "Debit/Credit", "Deb/Cred" (Twinfield's transaction browse heads its debit/credit field "D/C" beside "Bedrag").
 */
function isSideHeader(w: readonly string[]): boolean {
  return (has(w, "d") && has(w, "c")) || has(w, "dc", "cd") || (has(w, "debet", "debit", "deb") && has(w, "credit", "cred"));
}

/** A total of a line or invoice: "Totaal", "Totaalbedrag", "Total"; "Subtotaal" is before VAT. */
function isTotal(w: readonly string[]): boolean {
  return w.some((x) => x.startsWith("totaal") || x.startsWith("total") || x === "eindtotaal");
}
function isSubtotal(w: readonly string[]): boolean {
  return w.some((x) => x.startsWith("subtotaal") || x.startsWith("subtotal"));
}
const VAT_WORDS = ["btw", "vat", "btwbedrag", "omzetbelasting", "vatamount", "tax", "belasting"] as const;

/**
 * The role of one header cell, or null. Order matters: "bedrag excl. btw" and "totaal excl. btw" are the
 * amount (not VAT), "btw %" and "btw-tarief" are the category (the rate), "btw-nummer klant" is the
 * customer, "land klant" is the country, a gross "bedrag incl. btw" / "totaal" is "gross" (never read as
 * turnover by itself: with a VAT column turnover is gross − VAT, without one the sheet is refused), "debet"
 * and "credit" are a ledger card's columns, a due, payment, delivery or order date ("vervaldatum",
 * "due date", "paid on") is never the invoice date, and an outstanding, paid, discount or unit amount
 * ("openstaand bedrag", "amount paid", "kortingsbedrag", "prijs per stuk") is none of the columns.
 */
export function headerRole(cell: unknown): ColumnRole | null {
  const w = headerWords(cell);
  if (w.length === 0) return null;
  const joined = w.join("");
  const excl = has(w, "excl", "exclusief", "excluding", "ex", "exbtw", "exclbtw", "netto", "net", "zonder") || joined.includes("exclbtw");
  const incl = has(w, "incl", "inclusief", "including", "inc", "bruto", "gross", "inclbtw") || joined.includes("inclbtw");

  // An outstanding, paid, discount or unit amount: none of the invoice's columns (a due or payment date neither).
  if (isOtherAmount(w)) return null;
  // Gross amounts (incl. VAT): never the amount column.
  if (incl && !excl) return "gross";
  // The rate is the category column; not an amount at one rate ("Omzet 0%", "Bedrag 21%"), which is an amount.
  const amountAtRate = has(w, "%") && has(w, "omzet", "bedrag", "amount", "turnover", "revenue", "sales") && w.some((x) => /^\d+$/.test(x)) && !has(w, ...VAT_WORDS);
  if (!amountAtRate && has(w, "%", "tarief", "rate", "percentage", "btwtarief", "vatrate", "btwpercentage")) return "category";
  // The customer's country ("Land klant", "Customer country") is the country, not the customer.
  const country = has(w, "land", "landcode", "country", "lidstaat", "countrycode") || joined === "memberstate";
  const vatNumber = joined.includes("btwnummer") || joined.includes("vatnumber") || joined.includes("vatid");
  if (country && !vatNumber) return "country";
  // Customer (before VAT: "btw-nummer klant" is about the customer).
  if (has(w, "klant", "klanttype", "customer", "client", "afnemer", "klantsoort", "btwnummer", "vatnumber", "vatid", "btwid") || vatNumber) {
    return "customer";
  }
  // Excluding VAT / net: the amount ("Totaal excl. btw" too).
  if (excl) return "amount";
  if (country) return "country";
  if (isSideHeader(w)) return "side";
  if (has(w, "debet", "debit")) return "debit";
  if (has(w, "credit")) return "credit";
  if (has(w, "categorie", "category", "soort", "type", "omzetsoort", "btwcode", "vatcode", "code", "rubriek", "btwsoort", "taxcode", "taxrate")) {
    return "category";
  }
  if (isDateHeader(w)) return isOtherDate(w) ? null : "date";
  if (isTotal(w) || isSubtotal(w)) {
    // "Totaal btw" is the VAT; "Subtotaal" is before VAT; a bare "Totaal" / "Totaalbedrag" includes it.
    if (has(w, ...VAT_WORDS) || joined.includes("btwbedrag")) return "vat";
    return isSubtotal(w) ? "amount" : "gross";
  }
  if (has(w, ...VAT_WORDS) || joined.startsWith("btwbedrag")) return "vat";
  if (w.some((x) => x.includes("bedrag")) || has(w, "omzet", "amount", "turnover", "revenue", "sales", "bedragen")) return "amount";
  return null;
}

/**
 * How strongly a category header says "VAT category": a rate or VAT code (2) beats our own "Categorie" (1),
 * which beats a generic "Soort", "Type" or "Code" (0).
 */
function categoryStrength(w: readonly string[]): number {
  const joined = w.join("");
  if (w.some((x) => x.includes("btw") || x.includes("vat") || x.includes("tax")) || has(w, "%", "tarief", "rate", "percentage") || joined.includes("btw")) return 2;
  if (has(w, "categorie", "category", "omzetsoort", "rubriek")) return 1;
  return 0;
}

/** An amount header that says "excluding VAT" (2) beats a bare "Bedrag" / "Omzet" (1). */
function amountStrength(w: readonly string[]): number {
  return has(w, "excl", "exclusief", "excluding", "ex", "exbtw", "exclbtw", "netto", "net", "zonder") || w.join("").includes("exclbtw") ? 2 : 1;
}

/**
 * Detects columns from a header row. The first column recognised for a role wins, except: an explicit
 * invoice date ("Factuurdatum", "Invoice date") wins over a generic "Datum"/"Date" anywhere in the row; an
 * amount "excl. btw" wins over a bare "Bedrag"; a VAT rate or code column ("Btw-tarief", "BTW-code") wins
 * over a generic "Soort" / "Type" / "Code"; a named VAT amount ("Btw-bedrag") wins over a bare "BTW". Due,
 * payment, delivery and order dates are never the date column.
 *
 * @example detectColumns(["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW", "BTW %"])
 *   // { date: 0, customer: 1, amount: 2, vat: 3, category: 4 }
 * @example detectColumns(["Datum", "Vervaldatum", "Factuurdatum", "Bedrag"]) // { date: 2, amount: 3 }
 */
export function detectColumns(header: readonly unknown[]): Partial<Record<ColumnRole, number>> {
  const columns: Partial<Record<ColumnRole, number>> = {};
  let dateIsExplicit = false;
  let categoryRank = -1;
  let amountRank = -1;
  let vatRank = -1;
  for (let c = 0; c < header.length; c++) {
    const role = headerRole(header[c]);
    if (role === null) continue;
    if (role === "date") {
      const explicit = isInvoiceDate(headerWords(header[c]));
      if (columns.date === undefined || (explicit && !dateIsExplicit)) {
        columns.date = c;
        dateIsExplicit = explicit;
      }
    } else if (role === "category") {
      const rank = categoryStrength(headerWords(header[c]));
      if (rank > categoryRank) {
        columns.category = c;
        categoryRank = rank;
      }
    } else if (role === "amount") {
      const rank = amountStrength(headerWords(header[c]));
      if (rank > amountRank) {
        columns.amount = c;
        amountRank = rank;
      }
    } else if (role === "vat") {
      // A named VAT amount ("Btw-bedrag") wins over a bare "BTW", which may be a code column (or empty).
      const rank = isBareVatHeader(header[c]) ? 1 : 2;
      if (rank > vatRank) {
        columns.vat = c;
        vatRank = rank;
      }
    } else if (columns[role] === undefined) {
      columns[role] = c;
    }
  }
  // A payment provider's export: "Netto" / "Net" beside a fee column is the amount after fees, not excluding VAT.
  const fees = amountAfterFees(header, columns.amount);
  if (fees !== null) {
    delete columns.amount;
    for (let c = 0; c < header.length; c++) {
      if (c !== fees.net && headerRole(header[c]) === "amount" && isPlainAmount(headerWords(header[c]))) {
        columns.amount = c;
        break;
      }
    }
  }
  return columns;
}

/** A payment provider's fee column: "Fee", "Fees", "Kosten", "Transactiekosten", "Provisie", "Commissie", "Commission". */
const FEE_WORDS = ["fee", "fees", "kosten", "transactiekosten", "transactiekost", "provisie", "commissie", "commission", "gebuhr", "gebuhren"] as const;
function isFeeHeader(cell: unknown): boolean {
  const w = headerWords(cell);
  return w.length > 0 && w.length <= 3 && has(w, ...FEE_WORDS) && !has(w, ...VAT_WORDS);
}

/** A header that is only "net" in some form: "Net", "Netto", "Nettobedrag", "Net amount" (no VAT word, no "excl."). */
function isBareNet(w: readonly string[]): boolean {
  return has(w, "net", "netto") && w.every((x) => ["net", "netto", "bedrag", "amount", "totaal", "total"].includes(x));
}

/** An amount header a payment export's turnover may still be read from: a bare "Bedrag" / "Amount", or one that names VAT ("Bedrag excl. btw"). */
function isPlainAmount(w: readonly string[]): boolean {
  if (isBareNet(w)) return false;
  if (w.length === 1) return has(w, "bedrag", "bedragen", "omzet", "amount", "turnover", "revenue", "sales");
  return has(w, "btw", "vat", "exclbtw", "exbtw") || w.join("").includes("exclbtw");
}

/**
 * A payment provider's export (PayPal "Bruto", "Kosten", "Netto" or "Gross", "Fee", "Net"; Stripe "Amount", "Fee",
 * "Net"): the column a bare "Netto" / "Net" header names is the amount after the provider's fees (gross − fee), not
 * the amount excluding VAT. Fees are a cost and never reduce turnover, so it is no turnover column. The net and fee
 * columns when `amountCol` is such a column, a fee column stands beside it and so does the gross it was worked out
 * from (a gross column, or another plain amount such as Stripe's "Amount"); else null. Without that gross, "Netto"
 * beside "Kosten" is a Dutch list's amount excluding VAT with its costs column, and stays the amount.
 */
export function amountAfterFees(header: readonly unknown[], amountCol: number | undefined): { net: number; fee: number } | null {
  if (amountCol === undefined || !isBareNet(headerWords(header[amountCol]))) return null;
  const fee = header.findIndex((h, c) => c !== amountCol && isFeeHeader(h));
  if (fee < 0) return null;
  const gross = header.some((h, c) => c !== amountCol && c !== fee && (headerRole(h) === "gross" || (headerRole(h) === "amount" && isPlainAmount(headerWords(h)))));
  return gross ? { net: amountCol, fee } : null;
}

/** Words that name a VAT rate or a kind of turnover in a header: "Omzet hoog", "Btw laag", "Omzet 0%", "Omzet verlegd". */
const RATE_NAME_WORDS = ["hoog", "laag", "high", "low", "0", "6", "9", "21", "nul", "zero", "verlegd", "reverse", "vrij", "vrijgesteld", "exempt", "export", "icp"] as const;
const TURNOVER_WORDS = ["omzet", "bedrag", "bedragen", "amount", "turnover", "revenue", "sales", "netto", "net"] as const;
const EXCL_WORDS = ["excl", "exclusief", "excluding", "ex", "exbtw", "exclbtw", "netto", "net", "zonder"] as const;

/**
 * Columns of an export that puts turnover (or VAT) in one column per VAT rate: "Omzet hoog", "Omzet laag", "Omzet
 * 0%" (`turnover`), "Btw hoog", "Btw laag" (`vat`). A header with a turnover word and a rate name, not including
 * VAT; a VAT header with a rate name (a number or a name: not "Btw %", "Btw-tarief" or "Btw-code", which are the rate).
 */
export function perRateColumns(header: readonly unknown[]): { turnover: number[]; vat: number[] } {
  const turnover: number[] = [];
  const vat: number[] = [];
  for (let c = 0; c < header.length; c++) {
    const w = headerWords(header[c]);
    if (w.length < 2 || !has(w, ...RATE_NAME_WORDS) || isOtherAmount(w)) continue;
    const role = headerRole(header[c]);
    if (role === "gross" || role === "date" || role === "customer" || role === "country") continue;
    const vatWord = has(w, ...VAT_WORDS) || w.join("").includes("btw");
    const excl = has(w, ...EXCL_WORDS);
    if (has(w, ...TURNOVER_WORDS) && (!vatWord || excl)) turnover.push(c);
    else if (vatWord && !excl && !has(w, "tarief", "rate", "percentage", "code", "btwcode", "vatcode", "btwtarief", "vatrate", "soort")) vat.push(c);
  }
  return { turnover, vat };
}

/** The header names a column the turnover can be read from: an amount, gross and VAT, or debit and credit. */
function hasTurnover(cols: Partial<Record<ColumnRole, number>>): boolean {
  return cols.amount !== undefined || (cols.gross !== undefined && cols.vat !== undefined) || (cols.debit !== undefined && cols.credit !== undefined);
}

/**
 * The header row (0-based) of a sheet or CSV file: the first of the first 15 rows with a date column and a
 * column the turnover can be read from (or a gross column, so such a sheet is refused with its reason).
 */
export function findHeaderRow(values: readonly (readonly unknown[])[]): number | null {
  const last = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const cols = detectColumns(row);
    // A gross column alone still marks the header, so the sheet is refused with the reason, not as "no header".
    if (cols.date !== undefined && (hasTurnover(cols) || cols.gross !== undefined)) return r;
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
   * Columns chosen by their header text (kor-check --amount-column "Netto"): matched case- and
   * accent-insensitively against the header row, which is then the row holding all of them.
   */
  readonly columnNames?: Partial<Record<ColumnRole, string>>;
  /**
   * 0-based index of the header row in `values`; searched in the first 15 rows when not given. A negative
   * index means "no header row": data starts at `values[0]` (for blocks below the header of a streamed sheet).
   */
  readonly headerRowIndex?: number;
  /** Sheet row of `values[0]` minus 1 (0 when the values start at row 1, as a used range from A1 does). */
  readonly rowOffset?: number;
  /** The user's own codes → categories, keyed by `codeKey` (kor-check --codes, the pane's code table). */
  readonly codes?: ReadonlyMap<string, CategoryCode> | null;
  /**
   * Where the row problems go when a sheet is read in blocks (src/bulk/tableStream.ts): one collection for the
   * whole sheet, so a repeated problem is given once per sheet, not once per block; the caller takes them
   * with `groups.problems()` at the end and `problems` holds only the others. Default: a collection of this
   * call, whose problems are in `problems`.
   */
  readonly groups?: RowProblemGroups;
  /**
   * Days added to the date column's numbers before they are read as 1900-system serials: DATE_1904_OFFSET for
   * a workbook in the 1904 date system (see ReadColumnsExtras.dateSerialOffset). Default 0.
   */
  readonly dateSerialOffset?: number;
  /**
   * The date column's order decision for a sheet read in blocks (src/bulk/tableStream.ts): decided on the first
   * block with text dates and kept for the others. Default: decided over the rows of this call.
   */
  readonly dateOrder?: DateOrderDecision;
  /**
   * The check for the same invoice twice (./repeatedInvoices.ts) of a sheet read in blocks: one for all its blocks,
   * so a repeat in a later block of a row in an earlier one is found. Default: the rows of this call.
   */
  readonly repeats?: RepeatedInvoices;
  /**
   * How the amounts beside a D/C column are signed, as decided on the first rows of the sheet (see sideSigns);
   * given for the later blocks of a streamed sheet so they read as the whole sheet does. Default: decided here.
   */
  readonly sideSigns?: SideSigns;
  /**
   * The header row's cells as text, for a block read without its header row (headerRowIndex < 0, a streamed sheet's
   * later blocks): the messages about a currency, status or document type column name it by its header.
   */
  readonly columnHeaders?: readonly string[];
}

/**
 * How a file signs the amounts beside its D/C column, per side, decided on the first VAT_PROBE_ROWS rows beneath
 * the header from that side's lines only: credit lines all plus (or zero) -> credit "plus", all minus -> "minus";
 * the same for debit (so unsigned is plus/plus, Exact Online and Twinfield's signed value credit minus/debit plus).
 * Where a side's lines mix signs there, the sign most of them have (plus on a tie); a side none of them has stays
 * "open" until its first line decides it. A line that contradicts its side's sign is an error
 * ("ledger-sign-contradicts-side"), never read by its size.
 */
export type SideSigns = msg.SideSigns;
type SideSign = msg.SideSign;

/**
 * How the turnover was worked out: gross − VAT; credit − debit; or, for an amount column chosen by the user whose
 * header says the amounts include VAT and no VAT column, each row's amount less the VAT of its category's rate
 * (amount × 100 / (100 + rate): 21 and 9; the categories without Dutch VAT on the invoice as they are).
 */
export type DerivedAmount = "gross-minus-vat" | "credit-minus-debit" | "gross-by-rate";

/**
 * Whether a header says in so many words that its amounts include VAT ("Totaal incl. btw", "Bedrag inclusief
 * BTW", "Bruto", "Gross amount"): enough to overrule a column the user chose as the amount. A bare "Totaal" or
 * "Bedrag incl. korting" is not: headerRole reads them as gross when it detects columns, but a user who chose
 * one says it holds the amount (an "Omzet totaal" of amounts excluding VAT).
 */
export function saysIncludesVat(cell: unknown): boolean {
  if (headerRole(cell) !== "gross") return false;
  const w = headerWords(cell);
  const joined = w.join("");
  const vatWord = has(w, "btw", "vat", "tax", "belasting") || joined.includes("inclbtw") || joined.includes("inclvat");
  return has(w, "bruto", "gross", "brutobedrag", "grossamount") || joined.startsWith("bruto") || (vatWord && has(w, "incl", "inclusief", "including", "inc", "inclbtw"));
}

/**
 * The VAT rate inside an amount including VAT, by the row's category, for "gross-by-rate": 21 and 9 as named; 0
 * for the categories whose invoices carry no Dutch VAT (0%, KOR, export, intra-EU supplies, reverse charge,
 * exempt turnover). Not listed (no category, distance sales in NL, margin scheme, private use, the sale of a capital
 * good, taxed abroad, purchases): the rate is not known from the row, so the row cannot be read.
 */
const RATE_IN_GROSS: Partial<Record<CategoryCode, number>> = {
  "21": 21, "9": 9, "0": 0, kor: 0, export: 0, icp: 0, verlegd: 0,
  "vrij-og": 0, "vrij-fin": 0, "vrij-verz": 0, "vrij-og-bijkomend": 0, "vrij-fin-bijkomend": 0, "vrij-verz-bijkomend": 0, vrij: 0,
};

export interface ReadTableResult {
  readonly headerRowIndex: number | null;
  /** The columns read (after the VAT column was decided from its values). */
  readonly columns: Partial<Record<ColumnRole, number>>;
  readonly rows: InvoiceRow[];
  readonly problems: Problem[];
  /** How the turnover was worked out when no column held the amount excluding VAT; null when one did. */
  readonly derived?: DerivedAmount | null;
  /** Sheet rows skipped as totals, subtotals or balances. */
  readonly totalsRows?: readonly number[];
  /**
   * How the amounts beside a D/C column are signed after these rows (a side first seen here decided by its first
   * line), for a streamed sheet's next block; absent without one.
   */
  readonly sideSigns?: SideSigns;
  /** How the amounts beside a D/C column are signed as decided on the first rows, before any later line decided an open side. */
  readonly sideSignsDecided?: SideSigns;
  /**
   * The VAT column's check of the amount column's reading, when it applied and these rows passed it: a sheet read
   * in blocks goes on checking its later rows with it (VatReadingWatch) and refuses the sheet as readTable would.
   */
  readonly vatCheck?: VatReadingCheck;
}

function headerIndex(header: readonly unknown[], name: string): number | undefined {
  const want = normalizeHeader(name);
  if (want === "") return undefined;
  const i = header.findIndex((c) => typeof c === "string" && normalizeHeader(c) === want);
  return i >= 0 ? i : undefined;
}

function findNamedHeaderRow(values: readonly (readonly unknown[])[], names: readonly string[]): number | null {
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const row = values[r];
    if (Array.isArray(row) && names.every((n) => headerIndex(row, n) !== undefined)) return r;
  }
  return null;
}

/** Header words that leave a VAT column's meaning to its values: "BTW", "Btw", "VAT", "Tax". */
function isBareVatHeader(cell: unknown): boolean {
  const w = headerWords(cell);
  return w.length === 1 && (w[0] === "btw" || w[0] === "vat" || w[0] === "tax");
}

/** Number cells that are VAT rates as Excel stores them (21, 9, 0.21 …), not money. */
const RATE_NUMBERS = new Set([0, 6, 9, 21, 0.06, 0.09, 0.21]);
/**
 * The same rates as text, as a CSV holds them: "21", "9", "0", "0,21", "0.09". Money as text has cents
 * ("21,00"), so "21,00" is not one.
 */
const RATE_TEXT = /^(?:0|6|9|21|0[.,](?:06|09|21))$/;

/**
 * Rows beneath the header row whose cells decide a bare "BTW" column. A fixed number of rows, not of filled
 * cells: a sheet read in blocks (src/bulk/tableStream.ts: kor-check, All sheets) decides its columns on its
 * first HEADER_SEARCH_ROWS + VAT_PROBE_ROWS rows, and must decide as the whole sheet read at once (the pane).
 */
export const VAT_PROBE_ROWS = 50;

/** Where a row's amount excluding VAT is read, to tell a bare "BTW" column's rates from VAT amounts. */
interface NetColumns {
  readonly amount?: number;
  readonly gross?: number;
  readonly debit?: number;
  readonly credit?: number;
  /** A D/C column beside the amount: the net is the amount's size, minus on the debit side. */
  readonly side?: number;
}

/** A row's amount excluding VAT (a ledger's credit − debit, the amount) or, without one, its gross amount; null when empty or unreadable. */
function rowNet(row: readonly unknown[], cols: NetColumns): { cents: number; gross: boolean } | null {
  if (cols.debit !== undefined && cols.credit !== undefined) {
    const c = readAmount(row[cols.credit]);
    const d = readAmount(row[cols.debit]);
    if (c.kind === "error" || d.kind === "error" || (c.kind === "empty" && d.kind === "empty")) return null;
    return { cents: (c.kind === "ok" ? c.value : 0) - (d.kind === "ok" ? d.value : 0), gross: false };
  }
  if (cols.amount !== undefined && cols.side !== undefined) {
    const r = readAmount(row[cols.amount]);
    const side = sideOf(row[cols.side]);
    if (r.kind !== "ok" || side === null) return null;
    return { cents: side === "credit" ? Math.abs(r.value) : -Math.abs(r.value), gross: false };
  }
  const col = cols.amount ?? cols.gross;
  if (col === undefined) return null;
  const r = readAmount(row[col]);
  return r.kind === "ok" ? { cents: r.value, gross: cols.amount === undefined } : null;
}

/** The standard Dutch VAT rates (6% before 2019) a VAT amount may have been worked out at. */
const VAT_RATES = [21, 9, 6] as const;

/**
 * What a rate-looking number `v` (21, 9, 0.21 …) under a bare "BTW" says beside its row's amount: "rate" when as
 * a VAT amount it fits none of the rates (€ 21,00 beside € 500,00), "money" when it fits one as an amount but not
 * as the rate it looks like (€ 21,00 is 9% of € 233,33), null when both readings give the same VAT (21% of
 * € 100,00 is € 21,00), or `v` is 0. Within a cent, for rounding. On sizes: a credit note, or a package that
 * signs credit minus, holds −€ 233,33 beside 21, which says as much as € 233,33.
 */
function rateOrMoney(v: number, net: { cents: number; gross: boolean }): "rate" | "money" | null {
  if (v === 0) return null;
  const pct = v < 1 ? Math.round(v * 100) : v;
  const money = Math.abs(Math.round(v * 100));
  const cents = Math.abs(net.cents);
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1;
  // As a rate: the VAT in a gross amount is gross × rate / (100 + rate), on a net amount net × rate / 100.
  const asRate = net.gross ? Math.round((cents * pct) / (100 + pct)) : Math.round((cents * pct) / 100);
  if (near(asRate, money)) return null;
  const netAsMoney = net.gross ? cents - money : cents;
  return VAT_RATES.some((r) => near(Math.round((netAsMoney * r) / 100), money)) ? "money" : "rate";
}

/**
 * How a column headed just "BTW" reads, from its cells in the first 50 rows beneath the header:
 * - "codes": text with a % or letters other than a currency (`21%`, `hoog`, `V21`), or whole numbers that are
 *   also rates (21, 9, 0.21; also as text, "21", "9": a CSV of the same sheet must read as the workbook does)
 *   that the amounts beside them show are rates (€ 21,00 of VAT on € 500,00 fits no rate);
 * - "money": anything else (amounts with cents, "21,00", or rate-looking numbers the amounts beside them show
 *   are VAT amounts);
 * - "same": rate-looking numbers whose every row gives the same VAT either way (21 beside € 100,00);
 * - "both": rate-looking numbers, some rows fitting a rate only and others a VAT amount only.
 * `first*`: the first sheet row (0-based index into `values`) of each kind, for the message.
 */
interface BareVatReading {
  readonly kind: "codes" | "money" | "same" | "both";
  readonly firstRate?: number;
  readonly firstMoney?: number;
  readonly firstSame?: { readonly index: number; readonly value: number; readonly netCents: number };
}

function bareVatReading(values: readonly (readonly unknown[])[], start: number, col: number, nets: NetColumns): BareVatReading {
  let codes = 0;
  let money = 0;
  let rateNumbers = 0;
  let nonZeroRate = false;
  let firstRate: number | undefined;
  let firstMoney: number | undefined;
  let firstSame: BareVatReading["firstSame"];
  for (let r = start; r < Math.min(values.length, start + VAT_PROBE_ROWS); r++) {
    const row = values[r];
    const v = Array.isArray(row) ? row[col] : undefined;
    if (v === null || v === undefined || v === "") continue;
    let rate: number | null = null;
    if (typeof v === "number") {
      money++;
      if (RATE_NUMBERS.has(v)) rate = v;
    } else {
      if (typeof v !== "string" || v.trim() === "") continue;
      const t = v.trim();
      if (t.includes("%") || /[a-z]/i.test(t.replace(/eur|€/gi, ""))) {
        codes++;
        continue;
      }
      money++;
      if (RATE_TEXT.test(t)) rate = Number(t.replace(",", "."));
    }
    if (rate === null) continue;
    rateNumbers++;
    if (rate === 0) continue;
    nonZeroRate = true;
    const net = Array.isArray(row) ? rowNet(row, nets) : null;
    if (net === null) continue;
    const says = rateOrMoney(rate, net);
    if (says === "rate") firstRate ??= r;
    else if (says === "money") firstMoney ??= r;
    else firstSame ??= { index: r, value: rate < 1 ? Math.round(rate * 100) : rate, netCents: net.gross ? net.cents - Math.round(rate * 100) : net.cents };
  }
  if (codes > money) return { kind: "codes" };
  if (!(money > 0 && rateNumbers === money && nonZeroRate && codes === 0)) return { kind: "money" };
  if (firstRate !== undefined && firstMoney !== undefined) return { kind: "both", firstRate, firstMoney };
  if (firstRate !== undefined) return { kind: "codes" };
  if (firstMoney !== undefined) return { kind: "money" };
  return { kind: "same", firstSame };
}

/** A total, subtotal or balance label: "Totaal", "Subtotaal januari", "Sub-totaal", "Tussentotaal Q1", "Beginsaldo", "Saldo per 31-12-2025", "Totaal mutaties". */
const TOTAL_LABEL = /^(?:(?:sub[- ]?|tussen ?)?totaal|totalen|(?:sub[- ]?)?totals?|grand total|eindtotaal|totaal mutaties|totaal generaal|(begin|eind|openings?|slot)\s?saldo|saldo|opening balance|closing balance|balance)(?::?\s+.*)?:?$/;
/** Balance words that name no one, with anything after them: "Beginsaldo", "Eindsaldo 2025", "Opening balance 1 Jan". */
const BALANCE_WORD = /^(?:(begin|eind|openings?|slot)\s?saldo|opening balance|closing balance)\b/;
/**
 * A bare "Saldo" / "Balance", or with only a date after it ("Saldo per 31-12-2025", "Balance as at 31/12/2025").
 * Followed by anything else it is a name: "Saldo B.V.", "Balance Yoga Studio".
 */
const BARE_BALANCE = /^(?:saldo|balance)(?:\s+(?:per|op|at|as at|as of|on))?(?:\s+\d[\d./-]*)?$/;
/** A SUM or SUBTOTAL formula (exceljs gives formula cells as { formula, result }). */
const SUM_FORMULA = /^\s*=?\s*(sum|subtotal|som|subtotaal|sumif|sumifs)\s*\(/i;

/**
 * A totals or balance word that starts a subtotal line on a dated row, with what follows it: "Totaal
 * september" → ["totaal", " september"]. Only a period may follow it there (see isPeriodText).
 */
const DATED_TOTAL_WORD = /^(totaal mutaties|totaal generaal|grand total|eindtotaal|totalen|(?:sub[- ]?|tussen ?)?totaal|(?:sub[- ]?)?totals?|saldo|balance)(?=$|[\s:])(.*)$/;
/**
 * Words a list also heads a total or a page's carried-over sum with, that are ordinary words too: "Som", "Σ",
 * "Balans", "Overgebracht", "Transport", "Van vorige pagina", "Naar volgende pagina". A total only as a whole cell
 * (or with a period after it: "Som maart") on a row with no other text than its date and amounts (see
 * isBareRow), and the ambiguous ones only on a row without a date (AMBIGUOUS_PAGE_WORD): "Transport Jansen B.V.",
 * "Transport" beside a customer's name or on a dated invoice row is an invoice.
 */
const PAGE_TOTAL_WORD = /^(som|σ|∑|balans|overgebracht|over te brengen|(?:transport |saldo )?van vorige pagina|naar volgende pagina|transport)(?=$|[\s:])(.*)$/;
/**
 * Of those, the words an invoice's description may be ("Transport", "Som", "Balans", "Overgebracht", "Σ", and "Van
 * vorige pagina"): a totals line only on a row without a date. "Naar volgende pagina", "Over te brengen" and
 * "Transport van vorige pagina" say nothing else, also on a dated row.
 */
const AMBIGUOUS_PAGE_WORD = /^(?:som|σ|∑|balans|overgebracht|van vorige pagina|transport)(?=$|[\s:])/;
const MONTHS = new Set([
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
  "january", "february", "march", "may", "june", "july", "august", "october",
  "jan", "feb", "mrt", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dec",
]);
/** Words a period may be written with that say nothing by themselves: "over", "t/m", "per", "as of", "boekjaar". */
const PERIOD_FILLERS = new Set([
  "per", "over", "van", "vanaf", "tot", "en", "t/m", "tm", "op", "in", "de", "het",
  "to", "for", "of", "at", "as", "on", "from", "until", "the", "and",
  "-", "–", "—", "/", "&", "+", ",",
]);
/** Words that make a bare number a period: "kwartaal 3", "3e kwartaal", "week 12", "maand 9", "period 7". */
const PERIOD_UNITS = new Set(["kwartaal", "quarter", "week", "wk", "maand", "month", "periode", "period", "jaar", "boekjaar", "year", "fiscal", "fy"]);
/** A period by itself: a year, a quarter (Q3, KW3, 3Q), a date (30-9-2025, 2025-09-30, 30/09/25) or a month and year (09-2025, 2025/09). */
const PERIOD_TOKEN = /^(?:(?:19|20)\d\d|q[1-4]|kw[1-4]|[1-4]q|fy\d{2,4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{4})$/;
/** A bare number or ordinal a period word or month makes a period: "3", "3e", "3de", "3rd", "30". */
const PERIOD_NUMBER = /^\d{1,2}(?:e|de|ste|st|nd|rd|th)?\.?$/;

/**
 * Whether `text` (lower case) names only a period: months, quarters, years, dates and the words between
 * them ("september", "q3 2025", "kwartaal 3", "jan t/m mrt 2025", "per 30-9-2025", "over 2025"). Empty text
 * is a period too (nothing but the totals word). Anything else, a name in particular, is not.
 */
function isPeriodText(text: string): boolean {
  const tokens = text.replace(/[:,()]/g, " ").split(/\s+/).filter((x) => x !== "");
  let strong = false;
  let unit = false;
  let numbers = false;
  for (const token of tokens) {
    if (PERIOD_FILLERS.has(token)) continue;
    if (PERIOD_TOKEN.test(token)) {
      strong = true;
      continue;
    }
    if (PERIOD_NUMBER.test(token)) {
      numbers = true;
      continue;
    }
    // "jan-mrt", "sep/okt", "q1-q2", "2024/2025": each part a period.
    const parts = token.replace(/\.$/, "").split(/[-/–]/).filter((x) => x !== "");
    if (parts.length > 0 && parts.every((x) => MONTHS.has(x.replace(/\.$/, "")) || PERIOD_TOKEN.test(x))) {
      strong = true;
      continue;
    }
    if (PERIOD_UNITS.has(token)) {
      unit = true;
      continue;
    }
    return false;
  }
  return tokens.length === 0 || strong || (unit && numbers) || (unit && !numbers && tokens.every((x) => PERIOD_UNITS.has(x) || PERIOD_FILLERS.has(x)));
}

/**
 * A totals or balance label that is a subtotal line on a dated row: the word alone, or followed only by a
 * period or a colon ("Totaal", "Total:", "Totaal september", "TOTAAL Q3", "Subtotaal kwartaal 3", "Saldo per
 * 31-12-2025"). "Total Energies", "Totaalbouw B.V." and "Saldo B.V." are not: they name someone.
 */
function isDatedTotalLabel(t: string): boolean {
  const m = DATED_TOTAL_WORD.exec(t);
  return m !== null && isPeriodText(m[2]);
}

function isTotalLabelCell(v: unknown, rowHasDate: boolean): boolean {
  if (typeof v !== "string" || v.length > 60) return false;
  const t = v.trim().toLowerCase().replace(/:$/, "");
  if (t === "" || !TOTAL_LABEL.test(t)) return false;
  // With a date on the row, only a totals or balance word alone or followed by a period (a balance word that
  // is no name may have anything after it): "Totaal pakket", "Saldo B.V." and "Balance Yoga Studio" on a dated
  // row are invoices (warned about, see startsLikeTotal).
  return !rowHasDate || BALANCE_WORD.test(t) || BARE_BALANCE.test(t) || isDatedTotalLabel(t);
}

/** A label that starts like a total or balance line: "Totaal pakket", "Total Energies", "Totaalbouw B.V.", "Saldo B.V.". */
const TOTAL_START = /^(?:(?:sub)?totaa?l|eindtotaal|grand total|saldo)/;

/**
 * Rows wider than this many cells are looked at through the cells they have (presentColumns), and the pane's Open
 * file leaves a gap wider than this empty rather than filling it with empty texts (taskpane/browser/files.ts).
 */
export const WIDE_ROW_CELLS = 64;

/**
 * The columns of a row's cells to look at: null for a row up to WIDE_ROW_CELLS wide (walk them all); for a wider
 * row only the cells it has. A stray cell far to the right on every row (column XFD) made each row 16,384 cells to
 * walk for a totals label: 91 s for a 1.2 MB workbook of 100,000 rows in kor-check.
 */
function presentColumns(row: readonly unknown[]): readonly string[] | null {
  return row.length <= WIDE_ROW_CELLS ? null : Object.keys(row);
}

/**
 * The first text cell of a dated row read as an invoice that starts like a total ("Totaal pakket", "Total
 * Energies", "Saldo B.V."), else null: such a row is counted, and the bookkeeper is told so, as it may be a
 * subtotal line the reader could not tell from a name.
 */
function startsLikeTotal(row: readonly unknown[], dateCol: number): string | null {
  const present = presentColumns(row);
  const n = present === null ? row.length : present.length;
  for (let k = 0; k < n; k++) {
    const c = present === null ? k : Number(present[k]);
    const v: unknown = row[c];
    if (c === dateCol || typeof v !== "string") continue;
    if (TOTAL_START.test(v.trim().toLowerCase())) return v.trim();
  }
  return null;
}

function sumFormulaText(v: unknown): string | null {
  if (v === null || typeof v !== "object" || v instanceof Date) return null;
  const f = (v as { formula?: unknown; sharedFormula?: unknown }).formula ?? (v as { sharedFormula?: unknown }).sharedFormula;
  return typeof f === "string" && SUM_FORMULA.test(f) ? f : null;
}

/** A range of cells in a formula: "C2:C10", "$C$2:$C10", "C:C" (its column letters and row numbers, if any). */
const FORMULA_RANGE = /\$?([A-Za-z]{1,3})\$?(\d*)\s*:\s*\$?([A-Za-z]{1,3})\$?(\d*)/g;

/** Column letters of a 0-based column index: 0 → "A", 27 → "AB". */
function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A SUM formula in amount column `col` that makes its row a totals line. On a row without a date, any. On a
 * dated row only one that adds up its own column (a range in column `col`: "=SUM(C2:C10)", "=SUM(C:C)"),
 * as a total of the invoices above it does; "=SUM(E2*F2)" or "=SUM(E3:F3)" on a dated row is that invoice's
 * amount worked out on its own row, and counts (as the pane, which sees only the value, counts it). A
 * totals word on the row makes it a totals line anyway (hasTotalLabel).
 */
function isTotalsSum(v: unknown, col: number, rowHasDate: () => boolean): boolean {
  const f = sumFormulaText(v);
  if (f === null) return false;
  if (!rowHasDate()) return true;
  const letters = columnLetters(col);
  for (const m of f.matchAll(FORMULA_RANGE)) {
    // A range in its own column cannot hold its own cell (Excel refuses a circular reference): it adds up others.
    if (m[1].toUpperCase() === letters && m[3].toUpperCase() === letters) return true;
  }
  return false;
}

/**
 * Totals, subtotals and balance lines among rows `start`…: a row with a label such as "Totaal",
 * "Subtotaal", "Beginsaldo", "Eindsaldo", "Saldo" or "Totaal mutaties" in any cell (a dated row only with a
 * totals or balance word alone or followed by a period, see isTotalLabelCell), or a SUM formula in its amount column
 * (on a dated row only one adding up that column, see isTotalsSum). Returned as
 * indices from `start`.
 */
function findTotalsRows(values: readonly (readonly unknown[])[], start: number, length: number, dateCol: number, amountCols: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < length; i++) {
    const row = values[start + i];
    if (!Array.isArray(row)) continue;
    let dated: boolean | null = null;
    const rowHasDate = (): boolean => (dated ??= readDate(row[dateCol]).kind === "ok" || readDate(row[dateCol], "mdy").kind === "ok");
    if (hasTotalLabel(row, dateCol) || amountCols.some((c) => isTotalsSum(row[c], c, rowHasDate))) out.add(i);
  }
  return out;
}

/**
 * Rows among `start`… that repeat the header: the date column's cell is a date heading ("Factuurdatum", "Date") and
 * an amount column's cell an amount heading. Cheap on invoice rows: a date starts with a digit, so the heading test
 * runs only on cells that start with a letter. Returned as indices from `start`.
 */
function findRepeatedHeaders(values: readonly (readonly unknown[])[], start: number, length: number, dateCol: number, amountCols: readonly number[]): number[] {
  const out: number[] = [];
  const amountRoles: readonly (ColumnRole | null)[] = ["amount", "gross", "debit", "credit"];
  for (let i = 0; i < length; i++) {
    const row = values[start + i];
    if (!Array.isArray(row)) continue;
    const d: unknown = row[dateCol];
    if (typeof d !== "string" || !/^\s*\p{L}/u.test(d) || headerRole(d) !== "date") continue;
    if (amountCols.some((c) => typeof row[c] === "string" && amountRoles.includes(headerRole(row[c])))) out.push(i);
  }
  return out;
}

/**
 * A row with a total, subtotal or balance label in any cell (a dated row, with the date in `dateCol`, only
 * with a totals word alone or followed by a period: "Totaal september", "TOTAAL Q3", "Total:"): a line readTable skips as a total, not an invoice.
 */
export function hasTotalLabel(row: readonly unknown[], dateCol: number): boolean {
  let hasDate: boolean | null = null;
  const present = presentColumns(row);
  const n = present === null ? row.length : present.length;
  for (let k = 0; k < n; k++) {
    const c = present === null ? k : Number(present[k]);
    const v: unknown = row[c];
    if (typeof v === "string" && v.length > 0) {
      const first = v.charCodeAt(0);
      const ch = first | 0x20; // lower case of an ASCII letter
      // Cheap first-letter filter: t(otaal, ussentotaal, ransport), s(ubtotaal, saldo, om), b(egin…, alans), e(ind…),
      // o(pening…, vergebracht), c(losing), g(rand), v(an vorige pagina), n(aar volgende pagina), Σ, ∑.
      if (ch === 116 || ch === 115 || ch === 98 || ch === 101 || ch === 111 || ch === 99 || ch === 103 || ch === 118 || ch === 110 || first === 32 || first === 0x3a3 || first === 0x3c3 || first === 0x2211) {
        // A date in either order ("09/14/2026" in a US export too): the column's order is decided later.
        if (v.length > 3) {
          if (hasDate === null) hasDate = readDate(row[dateCol]).kind === "ok" || readDate(row[dateCol], "mdy").kind === "ok";
          if (isTotalLabelCell(v, hasDate)) return true;
        }
        if (isPageTotalCell(v) && isBareRow(row, c, dateCol)) {
          // The ambiguous words ("Transport", "Som", "Balans") only on a row without a date: on a dated row they
          // describe an invoice (its number and rate read as amounts, so the row looks bare).
          if (hasDate === null) hasDate = readDate(row[dateCol]).kind === "ok" || readDate(row[dateCol], "mdy").kind === "ok";
          if (!hasDate || !AMBIGUOUS_PAGE_WORD.test(v.trim().toLowerCase())) return true;
        }
      }
    }
  }
  return false;
}

/** A whole-cell "Som", "Σ", "Balans", "Transport", "Van vorige pagina" …, alone or with a period after it (PAGE_TOTAL_WORD). */
function isPageTotalCell(v: string): boolean {
  if (v.length > 60) return false;
  const m = PAGE_TOTAL_WORD.exec(v.trim().toLowerCase().replace(/:$/, ""));
  return m !== null && isPeriodText(m[2]);
}

/** No text on the row but the cell `label`: every other cell is empty, a date, a number or an amount. */
function isBareRow(row: readonly unknown[], label: number, dateCol: number): boolean {
  const present = presentColumns(row);
  const n = present === null ? row.length : present.length;
  for (let k = 0; k < n; k++) {
    const c = present === null ? k : Number(present[k]);
    if (c === label || c === dateCol) continue;
    const v: unknown = row[c];
    if (typeof v !== "string" || v.trim() === "") continue;
    if (readAmount(v).kind !== "ok" && readDate(v).kind !== "ok") return false;
  }
  return true;
}

/** A column worked out from two others, and the rows where that cannot be done (by index from `start`). */
interface DerivedColumn {
  readonly table: unknown[][];
  readonly faults: Map<number, CellError> | null;
}

/**
 * A column whose cell i is worked out from two others: gross − VAT, or credit − debit. Both empty: empty. An
 * empty plus side with a minus amount is a credit note on a ledger card (debit only), but gross − VAT with
 * no gross (`plusRequired`) is no amount at all: a fault for that row, never a credit note of −VAT. (With a
 * VAT of 0,00 too the row has no amount, as an empty amount cell.) Gross and VAT of opposite signs (`plusRequired`)
 * are a fault too ("vat-sign-mismatch"): −1.210,00 with 210,00 is not −1.420,00.
 */
function derivedColumn(values: readonly (readonly unknown[])[], start: number, length: number, plusCol: number, minusCol: number, plusRequired: boolean): DerivedColumn {
  const out: unknown[][] = new Array(length);
  let faults: Map<number, CellError> | null = null;
  for (let i = 0; i < length; i++) {
    const row = values[start + i];
    const p: unknown = Array.isArray(row) ? row[plusCol] : undefined;
    const m: unknown = Array.isArray(row) ? row[minusCol] : undefined;
    const pr = readAmount(p);
    const mr = readAmount(m);
    if (pr.kind === "error") out[i] = [p];
    else if (mr.kind === "error") out[i] = [m];
    else if (pr.kind === "empty" && mr.kind === "empty") out[i] = [""];
    else if (plusRequired && pr.kind === "empty" && mr.kind === "ok") {
      if (mr.value === 0) out[i] = [""];
      else {
        // The minus cell stands in the amount column, so the row is not read as empty; the fault is reported.
        out[i] = [m];
        faults ??= new Map();
        faults.set(i, VAT_WITHOUT_GROSS);
      }
    } else if (plusRequired && pr.kind === "ok" && mr.kind === "ok" && pr.value !== 0 && mr.value !== 0 && pr.value < 0 !== mr.value < 0) {
      // Gross and VAT signed apart (−1.210,00 beside 210,00): gross − VAT would be −1.420,00, and which sign is
      // meant is not known. No package is known to write a credit note's VAT unsigned: the row is a fault.
      out[i] = [p];
      faults ??= new Map();
      faults.set(i, VAT_SIGN_MISMATCH);
    } else {
      const cents = (pr.kind === "ok" ? pr.value : 0) - (mr.kind === "ok" ? mr.value : 0);
      // Text, so an explicit 0,00 stays a row (as typed) and the reader sees exact cents.
      out[i] = [(cents / 100).toFixed(2)];
    }
  }
  return { table: out, faults };
}

/**
 * A ledger card's lines with an amount column beside Debet and Credit ("Bedrag", as transaction exports show it):
 * the turnover is credit − debit, and the amount is only compared with it. Packages write that amount signed
 * one way (credit minus debit), the other (Exact Online: debit plus, credit minus) or unsigned (the direction
 * only in Debet / Credit), so the amount's own sign says nothing: a line counts credit − debit when the
 * amount's size equals it (or the amount is empty), else the line is a fault (`mismatch`), never a guess. An
 * amount on a line whose Debet and Credit are both empty is a fault too: its direction is not known.
 */
function ledgerCheckedColumn(
  values: readonly (readonly unknown[])[],
  start: number,
  length: number,
  creditCol: number,
  debitCol: number,
  amountCol: number,
  mismatch: CellError,
): DerivedColumn {
  const d = derivedColumn(values, start, length, creditCol, debitCol, false);
  let faults: Map<number, CellError> | null = null;
  for (let i = 0; i < length; i++) {
    const row = values[start + i];
    const a: unknown = Array.isArray(row) ? row[amountCol] : undefined;
    const ar = readAmount(a);
    if (ar.kind === "empty") continue;
    const cell: unknown = d.table[i][0];
    // An unreadable Debet or Credit cell stands in the column and is reported as such.
    if (typeof cell !== "string" || (cell !== "" && !/^-?\d+\.\d{2}$/.test(cell))) continue;
    if (ar.kind === "error") {
      // The amount cannot be compared: its own error is reported.
      d.table[i] = [a];
      continue;
    }
    if (cell === "") {
      if (ar.value === 0) continue;
      d.table[i] = [a];
    } else if (Math.abs(Math.round(Number(cell) * 100)) === Math.abs(ar.value)) continue;
    faults ??= new Map();
    faults.set(i, mismatch);
  }
  return { table: d.table, faults };
}

/** The side a D/C cell names ("C", "Credit", "Cr"; "D", "Debet", "Debit", "Dr"), or null. */
function sideOf(cell: unknown): "credit" | "debit" | null {
  if (typeof cell !== "string") return null;
  const t = cell.trim().toLowerCase().replace(/\.$/, "");
  if (t === "c" || t === "cr" || t === "credit") return "credit";
  if (t === "d" || t === "dr" || t === "debet" || t === "debit") return "debit";
  return null;
}

/** Whether column `col`'s filled cells on the first VAT_PROBE_ROWS rows from `start` are all document types (isDocumentType), and some are. */
function onlyDocumentTypes(values: readonly (readonly unknown[])[], start: number, col: number): boolean {
  let seen = false;
  for (let r = start; r < Math.min(values.length, start + VAT_PROBE_ROWS); r++) {
    const row = values[r];
    const v = Array.isArray(row) ? row[col] : undefined;
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (!isDocumentType(v)) return false;
    seen = true;
  }
  return seen;
}

/** Whether column `col`'s filled cells on the first VAT_PROBE_ROWS rows from `start` are all a side (D / C, Debet / Credit), and some are. */
function onlySides(values: readonly (readonly unknown[])[], start: number, col: number): boolean {
  let seen = 0;
  for (let r = start; r < Math.min(values.length, start + VAT_PROBE_ROWS); r++) {
    const row = values[r];
    const v: unknown = Array.isArray(row) ? row[col] : undefined;
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (sideOf(v) === null) return false;
    seen++;
  }
  return seen > 0;
}

/** The sign of a non-zero amount. */
function signOf(cents: number): "plus" | "minus" {
  return cents < 0 ? "minus" : "plus";
}

/**
 * How a file signs the amounts beside its D/C column (see SideSigns), from the first VAT_PROBE_ROWS rows beneath
 * the header: the rows a sheet read in blocks decides its columns on, so it reads as the whole sheet does. Each side
 * by its own lines only: the sign most of them have (plus on a tie), "open" when none has one.
 */
function decideSideSigns(values: readonly (readonly unknown[])[], start: number, amountCol: number, sideCol: number): SideSigns {
  const count = { credit: { plus: 0, minus: 0 }, debit: { plus: 0, minus: 0 } };
  for (let r = start; r < Math.min(values.length, start + VAT_PROBE_ROWS); r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const a = readAmount(row[amountCol]);
    const side = sideOf(row[sideCol]);
    if (a.kind !== "ok" || side === null || a.value === 0) continue;
    count[side][signOf(a.value)]++;
  }
  const decide = (c: { plus: number; minus: number }): SideSign => (c.plus === 0 && c.minus === 0 ? "open" : c.minus > c.plus ? "minus" : "plus");
  return { credit: decide(count.credit), debit: decide(count.debit) };
}

/**
 * An amount with a D/C column beside it: the line's turnover is the amount's size, plus on the credit side and
 * minus on the debit side, where its sign agrees with how the file signs that side (`given`; an open side is decided
 * by its first line, and `signs` is returned for the next block). A line whose side is empty or not D / C is a fault
 * (`unknown`), never read as credit; a line whose sign contradicts its side's (a minus on a credit line of a file
 * whose other credit lines are plus: a reversal?) is a fault (`contradicts`), never read by its size.
 */
function sidedColumn(
  values: readonly (readonly unknown[])[],
  start: number,
  length: number,
  amountCol: number,
  sideCol: number,
  given: SideSigns,
  unknown: CellError,
  contradicts: (side: "credit" | "debit", sign: "plus" | "minus") => CellError,
): DerivedColumn & { signs: SideSigns } {
  const signs = { ...given };
  const out: unknown[][] = new Array(length);
  let faults: Map<number, CellError> | null = null;
  for (let i = 0; i < length; i++) {
    const row = values[start + i];
    const a: unknown = Array.isArray(row) ? row[amountCol] : undefined;
    const ar = readAmount(a);
    if (ar.kind !== "ok") {
      // Empty: no amount; an error: reported as the amount's own.
      out[i] = [ar.kind === "empty" ? "" : a];
      continue;
    }
    const side = sideOf(Array.isArray(row) ? row[sideCol] : undefined);
    if (side === null) {
      if (ar.value === 0) {
        out[i] = [(0).toFixed(2)];
        continue;
      }
      out[i] = [a];
      faults ??= new Map();
      faults.set(i, unknown);
      continue;
    }
    if (ar.value !== 0) {
      // A side not seen on the first rows: its first line decides it.
      const sign = signs[side] === "open" ? (signs[side] = signOf(ar.value)) : signs[side];
      if (sign !== signOf(ar.value)) {
        out[i] = [a];
        faults ??= new Map();
        faults.set(i, contradicts(side, sign));
        continue;
      }
    }
    const size = Math.abs(ar.value);
    out[i] = [((side === "credit" ? size : -size) / 100).toFixed(2)];
  }
  return { table: out, faults, signs };
}

/**
 * How a row's VAT fits its amount: as VAT on the amount itself ("net": the amount excludes VAT) or on the amount
 * minus the VAT ("gross": the amount includes it), at a Dutch rate (21, 9, or 6 as before 2019) within a cent of
 * rounding; with the rate it fits at. Null for a VAT of 0 (or empty), an amount of 0, or signs that differ: those say
 * nothing either way.
 */
function vatFit(amount: number, vat: number): { net: number | null; gross: number | null } | null {
  if (amount === 0 || vat === 0 || amount < 0 !== vat < 0) return null;
  const a = Math.abs(amount);
  const v = Math.abs(vat);
  const at = (base: number): number | null => (base <= 0 ? null : VAT_RATES.find((r) => Math.abs(Math.round((base * r) / 100) - v) <= 1) ?? null);
  return { net: at(a), gross: at(a - v) };
}

/** A row whose VAT fits only the other reading than the one chosen, and (if any) one that fits only the chosen one. */
export interface VatReadingConflict {
  /** Index into the values of the first row that fits only the other reading, its VAT, the rate and the amount it is that rate of. */
  readonly against: { readonly index: number; readonly vatCents: number; readonly rate: number; readonly baseCents: number };
  /** Index of the first row that fits only the chosen reading, if any: the rows disagree. */
  readonly agreeing: number | null;
}

/**
 * Whether the VAT column says the amount column is read the wrong way, row by row: `reading` "net" when the amounts
 * are read as excluding VAT, "gross" when as including it (turnover = amount − VAT). A row whose VAT fits only the
 * other reading (see vatFit) is a conflict; rows whose VAT fits both, neither (a mixed-rate invoice, a foreign rate)
 * or is 0 say nothing. Keeps only the first row of each kind, so a sheet read in blocks (src/bulk/tableStream.ts)
 * checks every row in bounded memory and finds the same rows as the whole sheet read at once.
 */
export class VatReadingWatch {
  private against: VatReadingConflict["against"] | null = null;
  private agreeing: number | null = null;
  constructor(
    private readonly amountCol: number,
    private readonly vatCol: number,
    private readonly reading: "net" | "gross",
  ) {}

  /** Looks at one row; `index` is how the conflict names it (an index into a sheet's values, or a sheet row). */
  add(row: unknown, index: number): void {
    if (!Array.isArray(row)) return;
    const a = readAmount(row[this.amountCol]);
    const v = readAmount(row[this.vatCol]);
    if (a.kind !== "ok" || v.kind !== "ok") return;
    const fit = vatFit(a.value, v.value);
    if (fit === null) return;
    const chosen = this.reading === "net" ? fit.net : fit.gross;
    const other = this.reading === "net" ? fit.gross : fit.net;
    if (other !== null && chosen === null) {
      const vatCents = Math.abs(v.value);
      this.against ??= { index, vatCents, rate: other, baseCents: this.reading === "net" ? Math.abs(a.value) - vatCents : Math.abs(a.value) };
    } else if (chosen !== null && other === null) this.agreeing ??= index;
  }

  /** The conflict found so far, or null. */
  conflict(): VatReadingConflict | null {
    return this.against === null ? null : { against: this.against, agreeing: this.agreeing };
  }
}

/**
 * VatReadingWatch over the rows from `start` to the end of `values` (every row: a conflict past the first rows still
 * refuses the sheet), or over the first `limit` of them. Null without a conflict.
 */
function vatReadingConflict(values: readonly (readonly unknown[])[], start: number, amountCol: number, vatCol: number, reading: "net" | "gross", limit = Infinity): VatReadingConflict | null {
  const watch = new VatReadingWatch(amountCol, vatCol, reading);
  for (let r = start; r < Math.min(values.length, start + limit); r++) watch.add(values[r], r);
  return watch.conflict();
}

/**
 * The check of the amount column's reading by the VAT column that passed on the rows read (ReadTableResult.vatCheck):
 * what a sheet read in blocks needs to go on checking its later rows, and to refuse it as readTable does.
 */
export interface VatReadingCheck {
  readonly reading: "net" | "gross";
  readonly amountCol: number;
  readonly vatCol: number;
  readonly amount: { readonly header: string; readonly letter: string };
  readonly vat: { readonly header: string; readonly letter: string };
  /** The amount's header says the reading it was read as ("incl. btw", "excl. btw"). */
  readonly headerSays: boolean;
}

/**
 * The refusal of a sheet whose VAT column contradicts the reading of its amount column: "vat-fits-net" when read as
 * gross, "vat-fits-gross" when read as net. `sheetRow` turns the conflict's indexes into sheet rows.
 */
export function vatReadingRefusal(check: VatReadingCheck, conflict: VatReadingConflict, sheetRow: (index: number) => number): Problem {
  const a = conflict.against;
  return {
    row: null,
    severity: "error",
    code: check.reading === "gross" ? "vat-fits-net" : "vat-fits-gross",
    column: "amount",
    value: check.amount.header,
    message: msg.vatContradictsAmount(check.reading === "gross" ? "net" : "gross", check.vat, check.amount, {
      row: sheetRow(a.index),
      vatCents: a.vatCents,
      rate: a.rate,
      baseCents: a.baseCents,
      agreeing: conflict.agreeing === null ? null : sheetRow(conflict.agreeing),
      headerSays: check.headerSays,
    }),
  };
}

const VAT_SIGN_MISMATCH: CellError = Object.freeze({ kind: "error" as const, code: "vat-sign-mismatch", message: msg.vatSignMismatch() });
const VAT_WITHOUT_GROSS: CellError = Object.freeze({ kind: "error" as const, code: "vat-without-gross", message: msg.vatWithoutGross() });

/**
 * Reads a sheet's values (as `range.values` or exceljs give them) with a header row.
 *
 * Finds the header row (the first of the first 15 rows with a date column and a column the turnover can be
 * read from), then reads every row beneath it. Rows are numbered as sheet rows: with values from A1 and the
 * header in row 1, the first invoice is row 2. When `columns` gives both date and amount, no header is
 * required: the header row is still looked for (so it is not read as data), else data starts at the first row.
 *
 * - No amount excluding VAT but gross and VAT columns: turnover = gross − VAT per row, with a warning saying so;
 *   a row with a VAT amount but no gross amount is an error for that row ("vat-without-gross").
 *   A ledger card's Debet / Credit: turnover = credit − debit per line, also beside an amount column, which is then
 *   only compared with it in size per line ("ledger-amount-mismatch" where it differs); an amount column the user
 *   chose is read alone. An amount with a D/C column: the side gives the direction ("ledger-side-unknown" where it
 *   is missing). Gross alone: refused (never gross as net).
 * - The same for an amount column chosen by the user (`columns`, `columnNames`) whose header says the amounts include
 *   VAT ("Totaal incl. btw"): it is the gross column. With a VAT column gross − VAT (the note names the choice);
 *   without one but with a category column each row less the VAT of its rate ("gross-rate-unknown" where the
 *   category gives none); with neither refused.
 * - A column headed just "BTW" holding rates or codes is the category, holding money the VAT amount.
 * - Totals, subtotals and balance lines are skipped and listed once in a warning. A dated row whose label only
 *   starts like a total ("Total Energies") is counted, with one warning naming its rows ("total-label-counted").
 * - No date or amount column → one problem (row null) naming the most header-like row, its cells and what was missing.
 */
export function readTable(values: readonly (readonly unknown[])[], options?: ReadTableOptions): ReadTableResult {
  const rowOffset = options?.rowOffset ?? 0;
  const table = Array.isArray(values) ? values : [];
  const names = options?.columnNames ?? {};
  const nameList = Object.values(names).filter((n): n is string => typeof n === "string" && n.trim() !== "");
  let headerRowIndex: number | null =
    options?.headerRowIndex ?? (nameList.length > 0 ? findNamedHeaderRow(table, nameList) ?? findHeaderRow(table) : findHeaderRow(table));
  if (headerRowIndex !== null && (headerRowIndex < 0 || headerRowIndex >= table.length)) headerRowIndex = null;
  const headerCells: readonly unknown[] = headerRowIndex !== null && Array.isArray(table[headerRowIndex]) ? table[headerRowIndex] : [];
  const detected: Partial<Record<ColumnRole, number>> = headerRowIndex !== null ? detectColumns(headerCells) : {};
  const given = options?.columns ?? {};
  const merged: Partial<Record<ColumnRole, number | undefined>> = { ...detected, ...given };
  for (const role of Object.keys(names) as ColumnRole[]) {
    const n = names[role];
    if (typeof n === "string" && headerRowIndex !== null) {
      const i = headerIndex(headerCells, n);
      if (i !== undefined) merged[role] = i;
    }
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const role of Object.keys(merged) as ColumnRole[]) {
    const c = merged[role];
    if (typeof c === "number" && Number.isInteger(c) && c >= 0) columns[role] = c;
  }
  const start = headerRowIndex === null ? 0 : headerRowIndex + 1;
  const length = Math.max(0, table.length - start);
  const isFirstBlock = (options?.headerRowIndex ?? 0) >= 0;

  // A bank statement is no sales list, whatever columns were chosen in it.
  const bank = headerRowIndex === null ? null : bankStatementOf(headerCells);
  if (bank !== null) {
    return {
      headerRowIndex,
      columns,
      rows: [],
      problems: [{ row: null, severity: "error", code: "bank-statement", column: null, value: bank.bank, message: msg.bankStatement(bank.bank, bank.headers) }],
    };
  }

  // An amount column whose header says in so many words that the amounts include VAT ("Totaal incl. btw", "Bruto":
  // saysIncludesVat), or a bare "Totaal" beside a VAT amount column (as detection reads that pair), is never counted
  // as turnover, also when the user chose it (SheetSettings.columns, kor-check --amount-column): it is the gross
  // column, read from here on as a gross column found by its header is. A bare "Totaal" chosen without a VAT amount
  // column is read as chosen (an "Omzet totaal" of amounts excluding VAT beside a rate column).
  // With a VAT column the turnover is then gross − VAT; without one, by each row's rate or refused (below).
  // Detection never makes such a column the amount, so this is only ever the user's choice.
  let chosenGross = false;
  const chosenHeader = columns.amount === undefined ? undefined : headerCells[columns.amount];
  // A bare "Totaal" chosen beside a VAT column whose values are VAT on the amount itself (and never on it minus the
  // VAT) holds amounts excluding VAT: read as chosen (the way out of "vat-fits-net" below).
  const bareGrossAsNet = (): boolean => {
    if (columns.amount === undefined || columns.vat === undefined) return false;
    // On the rows a sheet read in blocks decides its columns on, so every surface reads the chosen column alike.
    const c = vatReadingConflict(table, headerRowIndex === null ? 0 : headerRowIndex + 1, columns.amount, columns.vat, "gross", VAT_PROBE_ROWS);
    return c !== null && c.agreeing === null;
  };
  if (columns.amount !== undefined && (saysIncludesVat(chosenHeader) || (headerRole(chosenHeader) === "gross" && columns.vat !== undefined && columns.vat !== columns.amount && !bareGrossAsNet()))) {
    columns.gross = columns.amount;
    delete columns.amount;
    if (columns.vat === columns.gross) delete columns.vat;
    chosenGross = true;
  }

  // A bare "BTW" header: the values decide whether it is the category (rates, codes) or the VAT amount. Such a
  // column of codes is the category wherever it stands, and does not hide a VAT amount column beside it ("BTW"
  // holding Hoog / Laag, then "Btw-bedrag": that one is the VAT amount, so gross − VAT can be worked out).
  const vatChosen = "vat" in given || "vat" in names;
  const categoryChosen = "category" in given || "category" in names;
  // Rate-looking whole numbers (21, 9) are decided by the amounts beside them: as the VAT amount they must fit a
  // rate of the row's amount. Where that cannot decide (21 beside € 100,00 either way, or rows that disagree) the
  // column that would be the VAT amount is refused below, unless the amounts are gross only (then both readings
  // give the same turnover, gross − 21) or a rate column is named beside it (then this one holds the amounts).
  // A ledger card with an amount column too ("Bedrag" beside Debet and Credit): credit − debit is the turnover and
  // the amount is checked against it per line (its sign differs per package, or it has none), unless the user
  // chose the amount column and not the ledger's: then that column alone is read, as chosen.
  const chosen = (role: ColumnRole): boolean => given[role] !== undefined || typeof names[role] === "string";
  if (columns.amount !== undefined && columns.debit !== undefined && columns.credit !== undefined && chosen("amount") && !chosen("debit") && !chosen("credit")) {
    delete columns.debit;
    delete columns.credit;
  }
  // A gross column chosen where detection found the amount ("Bedrag" holding amounts including VAT: --gross-column
  // "Bedrag"): it is the gross column only.
  if (chosen("gross") && !chosen("amount") && columns.amount !== undefined && columns.amount === columns.gross) delete columns.amount;
  const ledgerWithAmount = columns.amount !== undefined && columns.debit !== undefined && columns.credit !== undefined;
  // A document type column ("Type", "Soort") holding only Debet / Credit (or D / C) on its first rows: the side of
  // each line, not a credit note ("Credit" there is a line on the credit side). Decided on the rows a sheet read in
  // blocks decides its columns on (the stream passes the side column, or none, to its blocks as given).
  if (headerRowIndex !== null && !("side" in given) && typeof names.side !== "string" && columns.side === undefined && columns.amount !== undefined && (columns.debit === undefined || columns.credit === undefined) && !chosen("amount")) {
    // Detection may have taken it for the category ("Type", "Soort"): D / C is no category, the rates column beside
    // it is then found as the category below.
    const t = docTypeColumn(headerCells, [columns.customer, columns.amount, columns.date, categoryChosen ? columns.category : undefined]);
    if (t !== undefined && onlySides(table, start, t)) {
      columns.side = t;
      if (columns.category === t) delete columns.category;
    }
  }
  // A generic "Soort" / "Type" taken as the category that holds only document types on its first rows ("Factuur",
  // "Creditfactuur", "Invoice", "Credit note"): the kind of document, not a VAT category (each row was an unknown
  // category). It is the document type column (below: a credit note with a plus amount is an error), and the rows
  // have no category (a credit invoice is told by its minus amount). Decided on the rows a sheet read in blocks
  // decides its columns on; a column the user chose as the category is read as chosen.
  if (headerRowIndex !== null && !categoryChosen && columns.category !== undefined && categoryStrength(headerWords(headerCells[columns.category])) === 0 && isDocTypeHeader(headerCells[columns.category]) && onlyDocumentTypes(table, start, columns.category)) {
    delete columns.category;
  }
  // An amount with a D/C column beside it (Twinfield: "Bedrag", "D/C"): the side says the direction, the amount's
  // sign only whether the line agrees with how the file signs its amounts (decideSideSigns). Not with Debet and Credit columns (they say it already), nor when the user chose the amount
  // column and not this one.
  if (columns.side !== undefined && (columns.amount === undefined || (columns.debit !== undefined && columns.credit !== undefined) || (chosen("amount") && !chosen("side")))) {
    delete columns.side;
  }
  const sided = columns.side !== undefined && columns.amount !== undefined;
  const sideSignsDecided: SideSigns | undefined = sided ? options?.sideSigns ?? decideSideSigns(table, start, columns.amount as number, columns.side as number) : undefined;
  let sideSigns = sideSignsDecided;

  const nets: NetColumns = { amount: columns.amount, gross: columns.gross, debit: columns.debit, credit: columns.credit, side: sided ? columns.side : undefined };
  const readings = new Map<number, BareVatReading>();
  const readingOf = (c: number): BareVatReading => {
    let r = readings.get(c);
    if (r === undefined) {
      r = bareVatReading(table, start, c, nets);
      readings.set(c, r);
    }
    return r;
  };
  const grossNet = columns.amount === undefined && (columns.debit === undefined || columns.credit === undefined) && columns.gross !== undefined;
  const rateNamed = headerCells.some((h) => headerRole(h) === "category" && saysRates(h));
  const undecided = (c: number): boolean => {
    const r = readingOf(c);
    return r.kind === "both" || (r.kind === "same" && !grossNet && !rateNamed);
  };
  // Rates or codes: the category. A column that cannot be decided and is not the VAT column is only a category
  // candidate, as before (rates never change what counts).
  const holdsCodes = (c: number): boolean => {
    if (!isBareVatHeader(headerCells[c])) return false;
    const r = readingOf(c);
    return r.kind === "codes" || ((r.kind === "same" || r.kind === "both") && c !== columns.vat);
  };
  const vatUndecided = headerRowIndex !== null && !vatChosen && columns.vat !== undefined && isBareVatHeader(headerCells[columns.vat]) && undecided(columns.vat);
  const undecidedColumn = vatUndecided ? columns.vat : undefined;
  if (undecidedColumn !== undefined && categoryChosen && columns.category === undecidedColumn) {
    // The user chose it as the category column: its numbers are rates.
    delete columns.vat;
  }
  let codesColumn: number | undefined;
  if (headerRowIndex !== null && (!vatChosen || !categoryChosen)) {
    for (let c = 0; c < headerCells.length && codesColumn === undefined; c++) {
      if (!(vatChosen && c === columns.vat) && holdsCodes(c)) codesColumn = c;
    }
  }
  if (codesColumn !== undefined) {
    const weakCategory = columns.category === undefined || categoryStrength(headerWords(headerCells[columns.category])) < 2;
    if (!categoryChosen && weakCategory) columns.category = codesColumn;
    if (!vatChosen && columns.vat === codesColumn) {
      delete columns.vat;
      for (let c = 0; c < headerCells.length; c++) {
        if (c !== codesColumn && headerRole(headerCells[c]) === "vat" && !holdsCodes(c)) {
          columns.vat = c;
          break;
        }
      }
    }
  }


  // A gross column given by the caller (kor-check --gross-column; a streamed sheet's later blocks, with the columns
  // its first block decided): without a VAT column its rows are read by their category's rate, as for a chosen one.
  const grossGiven = (typeof given.gross === "number" || typeof names.gross === "string") && columns.gross !== undefined;
  let derived: DerivedAmount | null = null;
  if (columns.date !== undefined) {
    if (ledgerWithAmount || sided) derived = "credit-minus-debit";
    else if (columns.amount === undefined) {
      if (columns.gross !== undefined && columns.vat !== undefined) derived = "gross-minus-vat";
      else if ((chosenGross || grossGiven) && columns.category !== undefined) derived = "gross-by-rate";
      else if (columns.debit !== undefined && columns.credit !== undefined) derived = "credit-minus-debit";
    }
  }

  const headerOf = (c: number): { header: string; letter: string } => ({ header: cellText(headerCells[c]), letter: columnLetter(c) });
  // Turnover in one column per VAT rate ("Omzet hoog", "Omzet laag", "Omzet 0%"): one amount column would read part
  // of it (a row → several amounts is not read); VAT in one column per rate beside gross: gross minus one of them is
  // not the turnover. Refused naming the columns, unless the user chose the amount (or VAT) column.
  if (headerRowIndex !== null && columns.date !== undefined && !chosen("amount") && !chosen("gross")) {
    const perRate = perRateColumns(headerCells);
    const vatSplit = perRate.vat.length >= 2 && derived === "gross-minus-vat" && !vatChosen;
    if (perRate.turnover.length >= 2 || vatSplit) {
      const turnover = perRate.turnover.length >= 2;
      const cols = (turnover ? perRate.turnover : perRate.vat).map(headerOf);
      return {
        headerRowIndex,
        columns,
        rows: [],
        problems: [{ row: null, severity: "error", code: "turnover-per-rate-columns", column: turnover ? "amount" : "vat", value: cols[0].header, message: msg.turnoverPerRateColumns(turnover ? "turnover" : "vat", cols) }],
      };
    }
  }
  // The VAT column says whether the amounts include VAT: VAT that is a rate of "Totaal" itself says "Totaal" excludes
  // VAT (gross − VAT would be too low); VAT that is a rate of "Bedrag" minus it says "Bedrag" includes VAT (too high).
  // Refused naming both columns and the choice that reads them right, unless the user chose the amount or gross column.
  let vatCheck: VatReadingCheck | undefined;
  if (headerRowIndex !== null && columns.date !== undefined && columns.vat !== undefined && !chosen("amount") && !chosen("gross")) {
    const reading = derived === "gross-minus-vat" ? "gross" : derived === null && columns.amount !== undefined ? "net" : null;
    const amountCol = reading === "gross" ? columns.gross : columns.amount;
    if (reading !== null && amountCol !== undefined) {
      const check: VatReadingCheck = {
        reading,
        amountCol,
        vatCol: columns.vat,
        amount: headerOf(amountCol),
        vat: headerOf(columns.vat),
        headerSays: reading === "gross" ? saysIncludesVat(headerCells[amountCol]) : amountStrength(headerWords(headerCells[amountCol])) === 2,
      };
      // Every row beneath the header: a sheet whose first rows have no VAT (or VAT that fits both readings) is
      // still refused by a later row that fits only the other reading. A sheet read in blocks checks its later
      // rows as they come (src/bulk/tableStream.ts, with vatCheck) and is refused after its last row.
      const conflict = vatReadingConflict(table, start, amountCol, columns.vat, reading);
      if (conflict !== null) {
        return { headerRowIndex, columns, rows: [], problems: [vatReadingRefusal(check, conflict, (index) => index + 1 + rowOffset)] };
      }
      vatCheck = check;
    }
  }
  const grossOnlyMessage = (g: { header: string; letter: string }): Localized => {
    if (chosenGross) return msg.grossChosen(g.header, g.letter);
    // A payment export's "Netto" after fees was passed over: say why, so it is not chosen as the amount instead.
    const net = headerCells.findIndex((h) => isBareNet(headerWords(h)));
    const fees = amountAfterFees(headerCells, net < 0 ? undefined : net);
    if (fees !== null) return msg.grossAfterFees(g, headerOf(fees.net), headerOf(fees.fee));
    // A rate or VAT code column beside it: the gross can be read by each row's rate, when the user chooses it.
    const rate = columns.category;
    if (rate !== undefined && categoryStrength(headerWords(headerCells[rate])) >= 2) {
      return msg.grossWithRate(g, headerOf(rate), saysIncludesVat(headerCells[columns.gross as number]));
    }
    return msg.grossOnly(g.header, g.letter);
  };
  if (columns.date === undefined || (columns.amount === undefined && derived === null)) {
    if (columns.date !== undefined && columns.gross !== undefined) {
      const g = headerOf(columns.gross);
      return {
        headerRowIndex,
        columns,
        rows: [],
        problems: [{ row: null, severity: "error", code: "gross-only", column: "amount", value: g.header, message: grossOnlyMessage(g) }],
      };
    }
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
    const cells = header.map((c) => cellText(c).trim()).filter((c) => c !== "").slice(0, 12);
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
          message: msg.noInvoiceColumns(missing, found, Math.min(HEADER_SEARCH_ROWS, Math.max(table.length, 1)), headerRow === null ? null : { row: headerRow + 1 + rowOffset, cells }),
        },
      ],
    };
  }

  if (undecidedColumn !== undefined && columns.vat === undecidedColumn) {
    const r = readingOf(undecidedColumn);
    const sheetRow = (index: number): number => index + 1 + rowOffset;
    const doubt: msg.VatColumnDoubt =
      r.kind === "both" && r.firstRate !== undefined && r.firstMoney !== undefined
        ? { kind: "both", rateRow: sheetRow(r.firstRate), moneyRow: sheetRow(r.firstMoney) }
        : { kind: "same", example: r.firstSame === undefined ? null : { row: sheetRow(r.firstSame.index), value: r.firstSame.value, netCents: r.firstSame.netCents } };
    const v = headerOf(undecidedColumn);
    return {
      headerRowIndex,
      columns,
      rows: [],
      problems: [{ row: null, severity: "error", code: "vat-column-ambiguous", column: "vat", value: v.header, message: msg.vatColumnAmbiguous(v.header, v.letter, doubt) }],
    };
  }

  const amountCols = [columns.amount, columns.gross, columns.debit, columns.credit].filter((c): c is number => c !== undefined);
  const skip = findTotalsRows(table, start, length, columns.date, amountCols);
  const ownGroups = options?.groups === undefined;
  const groups = options?.groups ?? new RowProblemGroups();
  // The header row again below (a second export pasted under the first, a page header of a printed list): skipped,
  // said once, not three errors for its date, amount and code cells; and said as a header, also when its amount
  // heading starts like a total ("Totaal excl. btw").
  const repeatedHeaders = findRepeatedHeaders(table, start, length, columns.date, amountCols);
  for (const i of repeatedHeaders) skip.delete(i);
  const totalsRows = [...skip].sort((a, b) => a - b).map((i) => i + start + rowOffset + 1);
  for (const row of totalsRows) groups.add("totals-rows-skipped", row, null, totalsSpec);
  for (const i of repeatedHeaders) {
    skip.add(i);
    groups.add("header-repeated", i + start + rowOffset + 1, null, repeatedHeaderSpec);
  }

  // A currency, status and document type column, found by their headers (a streamed sheet's later blocks are given
  // the first block's, as `columns`): the rows they rule out. An invoice number column: the rows that repeat another.
  const extra = (role: "currency" | "status" | "doctype" | "invoice", find: () => number | undefined): void => {
    const c = role in given ? given[role] : headerRowIndex === null ? undefined : find();
    if (typeof c === "number" && c >= 0) columns[role] = c;
    else delete columns[role];
  };
  extra("currency", () => currencyColumn(headerCells, columns.amount ?? columns.gross, table.slice(start, start + 50)));
  extra("status", () => statusColumn(headerCells));
  // A ledger's debit and credit, or a D/C column, give a line's direction: no document type needed there.
  extra("doctype", () => (derived === "credit-minus-debit" ? undefined : docTypeColumn(headerCells, [columns.category, columns.side, columns.customer])));
  extra("invoice", () =>
    invoiceNumberColumn(headerCells, [columns.date, columns.amount, columns.category, columns.country, columns.vat, columns.customer, columns.gross, columns.debit, columns.credit, columns.side, columns.currency, columns.status, columns.doctype]),
  );
  const headerOfRole = (c: number): { header: string; letter: string } => (headerRowIndex === null && options?.columnHeaders?.[c] !== undefined ? { header: options.columnHeaders[c], letter: columnLetter(c) } : headerOf(c));
  if (columns.status !== undefined) {
    // A failed, expired or cancelled payment, a cancelled or draft invoice: no sale, left out and named.
    const sc = columns.status;
    // A streamed sheet's later blocks have no header row: the first block's headers tell a payment export.
    const payments = paymentExport(headerRowIndex === null ? options?.columnHeaders ?? [] : headerCells);
    for (let i = 0; i < length; i++) {
      if (skip.has(i)) continue;
      const cells = table[start + i];
      const status = Array.isArray(cells) ? notASale(cells[sc], payments) : null;
      if (status === null) continue;
      skip.add(i);
      const d = readDate(shiftDateSerial(cells[columns.date], options?.dateSerialOffset ?? 0));
      const day = d.kind === "ok" ? d.value : null;
      const col = headerOfRole(sc);
      groups.add(`status-not-a-sale\u0001${status.toLowerCase()}`, i + start + rowOffset + 1, day, () => statusSpec(status, col));
    }
  }
  const source = (col: number | undefined): ColumnSource | null =>
    col === undefined ? null : { table, col, start, length };
  let amountSource: ColumnSource;
  let amountFaults: ReadonlyMap<number, CellError> | null = null;
  const notes: Problem[] = [];
  if (derived === "gross-minus-vat") {
    const d = derivedColumn(table, start, length, columns.gross as number, columns.vat as number, true);
    amountSource = { table: d.table, col: 0, start: 0, length };
    amountFaults = d.faults;
    if (isFirstBlock) notes.push(noteProblem("amount-derived", msg.amountDerived(derived, headerOf(columns.gross as number), headerOf(columns.vat as number), chosenGross)));
  } else if (derived === "credit-minus-debit" && ledgerWithAmount) {
    const [a, d, c] = [headerOf(columns.amount as number), headerOf(columns.debit as number), headerOf(columns.credit as number)];
    const mismatch: CellError = { kind: "error", code: "ledger-amount-mismatch", message: msg.ledgerAmountMismatch(a, d, c) };
    const checked = ledgerCheckedColumn(table, start, length, columns.credit as number, columns.debit as number, columns.amount as number, mismatch);
    amountSource = { table: checked.table, col: 0, start: 0, length };
    amountFaults = checked.faults;
    if (isFirstBlock) notes.push(noteProblem("amount-derived", msg.ledgerAmountChecked(a, d, c)));
  } else if (derived === "credit-minus-debit" && sided) {
    const [a, sd] = [headerOf(columns.amount as number), headerOf(columns.side as number)];
    const unknown: CellError = { kind: "error", code: "ledger-side-unknown", message: msg.ledgerSideUnknown(a, sd) };
    const contradicts = new Map<string, CellError>();
    const contradictsOf = (side: "credit" | "debit", sign: "plus" | "minus"): CellError => {
      let e = contradicts.get(side + sign);
      if (e === undefined) contradicts.set(side + sign, (e = { kind: "error", code: "ledger-sign-contradicts-side", message: msg.ledgerSignContradictsSide(a, sd, side, sign) }));
      return e;
    };
    const d = sidedColumn(table, start, length, columns.amount as number, columns.side as number, sideSignsDecided as SideSigns, unknown, contradictsOf);
    amountSource = { table: d.table, col: 0, start: 0, length };
    amountFaults = d.faults;
    sideSigns = d.signs;
    if (isFirstBlock) notes.push(noteProblem("amount-derived", msg.ledgerSided(a, sd, sideSignsDecided as SideSigns)));
  } else if (derived === "credit-minus-debit") {
    amountSource = { table: derivedColumn(table, start, length, columns.credit as number, columns.debit as number, false).table, col: 0, start: 0, length };
    if (isFirstBlock) notes.push(noteProblem("amount-derived", msg.amountDerived(derived, headerOf(columns.debit as number), headerOf(columns.credit as number))));
  } else if (derived === "gross-by-rate") {
    // Read as the amount; each row's VAT is taken out below, by its category's rate.
    amountSource = source(columns.gross) as ColumnSource;
    if (isFirstBlock) notes.push(noteProblem("amount-derived", msg.amountByRate(headerOf(columns.gross as number), headerOf(columns.category as number))));
  } else {
    amountSource = source(columns.amount) as ColumnSource;
  }
  const result = readColumns(
    {
      date: source(columns.date) as ColumnSource,
      amount: amountSource,
      category: source(columns.category),
      country: source(columns.country),
      vat: source(columns.vat),
    },
    length,
    start + rowOffset,
    {
      skip,
      codes: options?.codes ?? null,
      groups,
      amountFaults,
      dateSerialOffset: options?.dateSerialOffset ?? 0,
      dateOrder: options?.dateOrder ?? null,
      dateColumn: columnLetter(columns.date),
      rateColumn: columns.category !== undefined && saysRates(headerRowIndex === null ? options?.columnHeaders?.[columns.category] : headerCells[columns.category]),
    },
  );
  let rows = result.rows;
  if (derived === "gross-by-rate") {
    // A row whose category does not give the rate cannot be read: never counted including its VAT.
    const gross = headerOf(columns.gross as number);
    rows = [];
    for (const r of result.rows) {
      const rate = r.category === null ? undefined : RATE_IN_GROSS[r.category];
      if (rate === undefined) groups.add(`gross-rate-unknown\u0001${r.category ?? ""}`, r.row, r.day, () => grossRateUnknownSpec(gross, r.category));
      else rows.push(rate === 0 ? r : { ...r, cents: centsExcludingVat(r.cents, rate) });
    }
  }
  if (columns.currency !== undefined || columns.doctype !== undefined) {
    // A row in another currency than the euro, or a credit note with a plus amount: an error, never counted.
    const cc = columns.currency;
    const tc = columns.doctype;
    rows = rows.filter((r) => {
      const cells = table[r.row - rowOffset - 1];
      if (!Array.isArray(cells)) return true;
      const currency = cc === undefined ? null : foreignCurrency(cells[cc]);
      if (currency !== null && cc !== undefined) {
        const col = headerOfRole(cc);
        groups.add(`foreign-currency\u0001${currency.toUpperCase()}`, r.row, r.day, () => foreignCurrencySpec(currency, col));
        return false;
      }
      const type = tc === undefined || r.cents <= 0 ? null : creditNoteType(cells[tc]);
      if (type !== null && tc !== undefined) {
        const col = headerOfRole(tc);
        groups.add(`credit-note-plus\u0001${type.toLowerCase()}`, r.row, r.day, () => creditNotePlusSpec(type, col));
        return false;
      }
      return true;
    });
  }
  // The same invoice twice (overlapping exports pasted together): checked over the whole sheet, also across blocks.
  const ic = columns.invoice;
  const repeats = ic === undefined ? null : options?.repeats ?? new RepeatedInvoices();
  const invoiceCol = ic === undefined ? null : headerOfRole(ic);
  for (const r of rows) {
    const cells = table[r.row - rowOffset - 1];
    const label = Array.isArray(cells) ? startsLikeTotal(cells, columns.date) : null;
    if (label !== null) groups.add("total-label-counted", r.row, r.day, () => totalLabelCountedSpec(label));
    if (repeats !== null && invoiceCol !== null && ic !== undefined && Array.isArray(cells)) repeats.add(r, cells[ic], groups, invoiceCol);
  }
  const problems = ownGroups ? [...notes, ...result.problems, ...groups.problems()] : [...notes, ...result.problems];
  return { headerRowIndex, columns, rows, problems, derived, totalsRows, ...(sideSigns === undefined ? {} : { sideSigns, sideSignsDecided }), ...(vatCheck === undefined ? {} : { vatCheck }) };
}

/** A header that says its column holds VAT rates: "BTW %", "Btw-tarief", "VAT rate", "Btw-percentage". */
function saysRates(h: unknown): boolean {
  return has(headerWords(h), "%", "tarief", "rate", "percentage", "btwtarief", "vatrate", "btwpercentage");
}

/** Rows of a chosen gross amount column whose category does not give the VAT rate: one error per category and year. */
function grossRateUnknownSpec(gross: { header: string; letter: string }, category: CategoryCode | null): GroupSpec {
  return {
    code: "gross-rate-unknown",
    severity: "error",
    column: "category",
    value: category,
    message: (rows, n) => msg.atRows(rows, n, msg.grossRateUnknown(gross, category)),
  };
}

/** Rows whose status says the sale did not happen: one warning per status and year, naming the rows. */
function statusSpec(status: string, column: { header: string; letter: string }): GroupSpec {
  return { code: "status-not-a-sale", severity: "warning", column: null, value: status, message: (rows, n) => msg.atRows(rows, n, msg.statusNotASale(status, column, n)) };
}

/** Rows in another currency: one error per currency and year. */
function foreignCurrencySpec(currency: string, column: { header: string; letter: string }): GroupSpec {
  return { code: "foreign-currency", severity: "error", column: "amount", value: currency, message: (rows, n) => msg.atRows(rows, n, msg.foreignCurrencyRows(currency, column, n)) };
}

/** Credit notes with a plus amount: one error per type word and year. */
function creditNotePlusSpec(type: string, column: { header: string; letter: string }): GroupSpec {
  return { code: "credit-note-plus", severity: "error", column: "amount", value: type, message: (rows, n) => msg.atRows(rows, n, msg.creditNotePlus(type, column, n)) };
}

/** Totals, subtotals and balance lines of a sheet: listed once (see RowProblemGroups). */
function repeatedHeaderSpec(): GroupSpec {
  return { code: "header-repeated", severity: "warning", column: null, value: null, message: (rows, n) => msg.headerRepeated(rows.slice(0, 20), n) };
}

function totalsSpec(): GroupSpec {
  return { code: "totals-rows-skipped", severity: "warning", column: null, value: null, message: (rows, n) => msg.totalsRowsSkipped(rows.slice(0, 20), n) };
}

/** Dated rows counted as invoices whose label starts like a total: listed once per year, with the first label. */
function totalLabelCountedSpec(label: string): GroupSpec {
  return { code: "total-label-counted", severity: "warning", column: null, value: label, message: (rows, n) => msg.atRows(rows, n, msg.totalLabelCounted(label, n)) };
}

function noteProblem(code: string, message: Localized): Problem {
  return { row: null, severity: "warning", code, column: "amount", value: null, message };
}

/** The row within the first 15 with the most recognised headers, for the "what was found" message. */
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
