/**
 * What an invoice or payment list says about a row beyond its date and amount, and what the file itself is:
 *
 * - a bank statement (ING, Rabobank, ABN AMRO), told by its headers: refused, it is not a sales list;
 * - a currency column ("Valuta", "Currency", "Munt"): a row in another currency than the euro is an error, never
 *   converted nor counted as euros;
 * - a status column ("Status", "Betaalstatus", "Payment status"): a row whose status says the sale did not happen
 *   (a failed, expired or cancelled payment, a cancelled or draft invoice) is left out and named in a warning;
 *   any other status (paid, open, pending, unpaid, overdue, unknown words) keeps counting;
 * - a document type column ("Soort", "Type", "Documenttype"): a credit note with a plus amount is an error (its sign
 *   decides whether it lowers the turnover, and nothing tells whether this file signs credit notes at all).
 */

/** Lower case, no accents, punctuation to spaces, single spaces (as headers.ts normalizes a header). */
function norm(text: unknown): string {
  if (typeof text !== "string") return "";
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A bank whose statement export a header row is, with the headers that told it. */
export interface BankStatement {
  readonly bank: "ING" | "Rabobank" | "ABN AMRO" | null;
  readonly headers: readonly string[];
}

/**
 * A bank statement's header row, or null. ING's CSV: "Af Bij" beside "Tegenrekening" or "Mededelingen"; Rabobank's
 * CSV: "IBAN/BBAN" beside "Saldo na trn" or "Naam tegenpartij"; ABN AMRO's spreadsheet: "Beginsaldo" and "Eindsaldo"
 * beside "Transactiebedrag" or "Rekeningnummer" (its TAB text has no header row, and is refused as such). Only
 * these banks' own signatures: a counter account beside a running balance alone is no sign, as a turnover ledger
 * card (grootboekkaart: "Tegenrekening", "Saldo na boeking") or an invoice list with "Naam tegenpartij" has them too.
 * A sales list read from a bank statement would count every incoming payment (a loan, a refund, a transfer from
 * savings) as turnover and net payments out against it.
 */
export function bankStatementOf(header: readonly unknown[]): BankStatement | null {
  const cells = header.map((h) => ({ text: typeof h === "string" ? h.trim() : "", n: norm(h) }));
  const find = (...names: string[]): string[] => cells.filter((c) => names.includes(c.n)).map((c) => c.text);
  const afBij = find("af bij");
  const ingOther = find("tegenrekening", "mededelingen", "saldo na mutatie", "mutatiesoort");
  if (afBij.length > 0 && ingOther.length > 0) return { bank: "ING", headers: [...afBij, ...ingOther] };
  const iban = find("iban bban");
  const raboOther = find("saldo na trn", "naam tegenpartij", "tegenrekening iban bban");
  if (iban.length > 0 && raboOther.length > 0) return { bank: "Rabobank", headers: [...iban, ...raboOther] };
  const saldi = find("beginsaldo", "eindsaldo");
  const abnOther = find("transactiebedrag", "rekeningnummer");
  if (saldi.length === 2 && abnOther.length > 0) return { bank: "ABN AMRO", headers: [...saldi, ...abnOther] };
  return null;
}

/** Headers of a currency column: "Valuta", "Currency", "Munt", "Muntsoort", "Valutacode", "Currency code". */
const CURRENCY_HEADERS = new Set(["valuta", "currency", "munt", "muntsoort", "munteenheid", "valutacode", "valuta code", "currency code", "currencycode", "cur", "ccy"]);
/** Headers of a status column. */
const STATUS_HEADERS = new Set([
  "status", "state", "betaalstatus", "betalingsstatus", "factuurstatus", "status factuur", "status betaling", "payment status", "invoice status",
  "transactiestatus", "transaction status", "orderstatus", "order status", "bestelstatus",
]);
const STATUS_NOT_STATE = new Set([...STATUS_HEADERS].filter((h) => h !== "state"));
/** Headers of a document type column ("Soort" also names a VAT category: only credit-note words in it count). */
const DOCTYPE_HEADERS = new Set([
  "soort", "type", "documentsoort", "documenttype", "document type", "soort document", "factuursoort", "factuurtype", "soort factuur",
  "invoice type", "doc type", "doctype", "boekingssoort", "dagboeksoort", "kind",
]);

/** The first column whose header is one of `names`, else undefined. */
function columnNamed(header: readonly unknown[], names: ReadonlySet<string>): number | undefined {
  const i = header.findIndex((h) => names.has(norm(h)));
  return i < 0 ? undefined : i;
}

/** "Converted Currency" → "converted": a currency header with words before the currency word, else null. */
function currencyPrefix(h: unknown): string | null {
  const m = /^(.+) (?:currency|valuta|munt|muntsoort)$/.exec(norm(h));
  return m === null ? null : m[1];
}
/** "Converted Amount" → "converted": an amount header with words before the amount word, else null. */
function amountPrefix(h: unknown): string | null {
  const m = /^(.+) (?:amount|bedrag)$/.exec(norm(h));
  return m === null ? null : m[1];
}

/**
 * The currency column of the amount column `amount` read: the one named as it is ("Converted Currency" beside
 * "Converted Amount", Stripe's balance export), else the plain one ("Currency", "Valuta"). A column whose values
 * are dates (a bank's value date, "Valuta") is none (`values`: the first rows below the header).
 */
export function currencyColumn(header: readonly unknown[], amount: number | undefined, values: readonly (readonly unknown[])[] = []): number | undefined {
  const prefix = amount === undefined ? null : amountPrefix(header[amount]);
  let found: number | undefined;
  if (prefix !== null) {
    const i = header.findIndex((h) => currencyPrefix(h) === prefix);
    if (i >= 0) found = i;
  }
  found ??= columnNamed(header, CURRENCY_HEADERS);
  if (found === undefined) return undefined;
  const col = found;
  let seen = 0;
  for (const row of values) {
    if (seen >= 20) break;
    const v: unknown = Array.isArray(row) ? row[col] : undefined;
    if (v === null || v === undefined || v === "") continue;
    seen++;
    if (looksLikeDate(v)) return undefined;
  }
  return col;
}

/** A date cell, a date serial (a number of 1000 and up: ISO numeric currency codes are below) or a text date. */
function looksLikeDate(v: unknown): boolean {
  if (v instanceof Date) return true;
  if (typeof v === "number") return v >= 1000;
  return typeof v === "string" && /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(v);
}
/**
 * The status column: "Status" itself first, then the other status headers, and "State" only when there is no other
 * (beside a "Status" it is a customer's state, "CA", "NY").
 */
export function statusColumn(header: readonly unknown[]): number | undefined {
  return columnNamed(header, new Set(["status"])) ?? columnNamed(header, STATUS_NOT_STATE) ?? columnNamed(header, STATUS_HEADERS);
}
/** Whether a header names a document type column ("Soort", "Type", "Documenttype", "Factuursoort" …). */
export function isDocTypeHeader(h: unknown): boolean {
  return DOCTYPE_HEADERS.has(norm(h));
}
/** A document type column other than `not` (the category or side column read already). */
export function docTypeColumn(header: readonly unknown[], not: readonly (number | undefined)[]): number | undefined {
  const i = header.findIndex((h, c) => !not.includes(c) && DOCTYPE_HEADERS.has(norm(h)));
  return i < 0 ? undefined : i;
}

/**
 * The currency a cell names when it is not the euro ("SEK", "USD", "£"), else null: "EUR", "Euro", "Euro (EUR)",
 * "978" (ISO 4217's number), "€" and an empty cell are euros.
 */
export function foreignCurrency(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  const t = String(cell).trim();
  if (t === "" || t === "€") return null;
  const n = norm(t);
  // ISO 4217's numeric code 978 is the euro too.
  if (n === "eur" || n === "euro" || n === "euros" || n === "eur euro" || n === "euro eur" || n === "978") return null;
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
}

/**
 * Status words that say the sale did not happen: a payment that failed or was cancelled (Mollie: failed, canceled;
 * Stripe: failed, canceled), an invoice cancelled or still a draft. Dutch as the packages write them. Not here:
 * open, pending, authorized, unpaid, overdue ("vervallen" is an invoice past its due date in most packages), paid,
 * refunded (a refund is a credit note of its own) and any word not known: those keep counting.
 */
const NOT_A_SALE = new Set([
  "failed", "canceled", "cancelled", "void", "voided", "draft",
  "mislukt", "geannuleerd", "geannuleerde", "geannuleerd factuur", "vervallen verklaard", "ongeldig", "concept", "conceptfactuur",
  "fehlgeschlagen", "storniert", "annule", "echoue",
]);
/**
 * "Expired" and "verlopen": a payment that was never made in a payment provider's export (Mollie: expired is
 * definitive), but an invoice past its due date, still unpaid turnover, in many Dutch invoicing packages (as
 * "vervallen"). Left out only in a payment export (paymentExport).
 */
const EXPIRED = new Set(["expired", "verlopen", "abgelaufen", "expire"]);

/** Headers of a payment method column: a payment provider's export (Mollie's "Betaalmethode", Stripe's "Payment Method Type"). */
const PAYMENT_METHOD_HEADERS = new Set([
  "betaalmethode", "betaalmethodes", "betalingsmethode", "betaalwijze", "betaal methode", "payment method", "paymentmethod", "payment method type", "method", "methode", "zahlungsmethode", "zahlungsart",
]);

/**
 * Whether a header row is a payment provider's export (one line per payment attempt), told by its payment method
 * column: there an expired payment is no sale. An invoice list has no payment method column.
 */
export function paymentExport(header: readonly unknown[]): boolean {
  return header.some((h) => PAYMENT_METHOD_HEADERS.has(norm(h)));
}

/**
 * The status as written when it says the sale did not happen, else null: "expired" / "verlopen" only in a payment
 * export (`payments`), elsewhere an overdue invoice that counts.
 */
export function notASale(cell: unknown, payments: boolean): string | null {
  if (typeof cell !== "string") return null;
  const n = norm(cell);
  return NOT_A_SALE.has(n) || (payments && EXPIRED.has(n)) ? cell.trim() : null;
}

/** Words that make a row a credit note: "Creditnota", "Creditfactuur", "Credit note", "Credit memo", "Credit". */
const CREDIT_NOTE = new Set(["creditnota", "credit nota", "creditfactuur", "credit factuur", "credit note", "creditnote", "credit memo", "credit invoice", "credit", "creditering", "gutschrift", "avoir"]);

/**
 * Words that name the kind of document a row is, not its VAT: an invoice ("Factuur", "Verkoopfactuur", "Invoice")
 * or a credit note (CREDIT_NOTE). A "Soort" or "Type" column holding only these is a document type column.
 */
const DOCUMENT_TYPE = new Set([
  ...CREDIT_NOTE,
  "factuur", "verkoopfactuur", "debetfactuur", "nota", "debetnota", "invoice", "sales invoice", "debit note", "rechnung",
]);

/** Whether a cell names the kind of document a row is ("Factuur", "Creditfactuur", "Invoice", "Credit note"). */
export function isDocumentType(cell: unknown): boolean {
  return typeof cell === "string" && DOCUMENT_TYPE.has(norm(cell));
}

/** The type as written when a cell says the row is a credit note, else null. */
export function creditNoteType(cell: unknown): string | null {
  if (typeof cell !== "string") return null;
  return CREDIT_NOTE.has(norm(cell)) ? cell.trim() : null;
}
