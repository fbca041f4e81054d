/**
 * The same invoice twice in one sheet: two exports that overlap pasted one under the other (January–June and
 * April–December), or one export pasted twice. Every row of the overlap is counted twice, so the turnover is too
 * high and a crossing can come too early. Nothing else in a sheet tells it.
 *
 * Only a sheet with an invoice number column is checked (`invoiceNumberColumn`): without one, two rows with the same
 * date and amount are as often two sales (a market stall's €5.00 sales of one day). A row repeats an earlier one when
 * it has the same number (case and surrounding spaces aside), date, amount, VAT kind and country, and a row with
 * another number lies between them: an invoice's own lines (an export with one line per VAT rate or per article)
 * stand together, with its number on each, and are not repeats of each other. Rows without a number are passed by.
 *
 * A Dutch invoice carries a consecutive number, in one or more series, that identifies it (Wet OB 1968 art. 35a(1)(b);
 * as summarised at lpbadvies.nl/factuureisen and aditum-arbo.nl "Opbouw van een factuurnummer"), so such a row is most
 * likely the same invoice. Both rows stay counted: which one is right is not for the tool to decide, the warning names
 * both rows and the amount counted twice.
 *
 * One instance checks one sheet, also across the blocks of a sheet read in parts (src/bulk/tableStream.ts). It
 * keeps a key per numbered row while the sheet is read, as two hashes in typed arrays (KeyTable): 32 MB for a
 * million numbered rows.
 */
import * as msg from "../i18n/messages";
import { fastYear } from "../rules/internal";
import type { InvoiceRow } from "../rules/types";
import { cellText } from "./cells";
import type { GroupSpec, RowProblemGroups } from "./problemGroups";

/**
 * Headers of an invoice number column, normalised as rowKinds' `norm` does (lower case, no accents, punctuation to
 * spaces), in order of preference: an invoice's own number first, then a booking's (boekstuk), an order's, a
 * payment's. Sourced from the exports in test/fixtures/exports (Factuurnummer, Factuurnr, Factuur, Boekstuknummer,
 * Transactiereferentie, Invoice) and docs/exports.md; the others are assumed.
 */
const HEADER_GROUPS: readonly (readonly string[])[] = [
  [
    "factuurnummer", "factuurnr", "factuur nr", "factuur nummer", "factuurno", "factuur no", "factuur", "factuurcode",
    "invoice number", "invoice no", "invoice nr", "invoice num", "invoicenumber", "invoice id", "invoice", "invoice ref",
    "invoice reference", "factuurreferentie", "factuur referentie", "verkoopfactuur", "sales invoice", "sales invoice number",
  ],
  ["boekstuknummer", "boekstuknr", "boekstuk nr", "boekstuk", "boekingsnummer", "documentnummer", "document nummer", "document number", "document no", "docnr", "doc nr"],
  ["ordernummer", "order nummer", "ordernr", "order nr", "order number", "order no", "order id", "bestelnummer", "bestelling", "order"],
  ["transactiereferentie", "transactie id", "transactienummer", "transaction id", "transaction reference", "betalingskenmerk", "payment id"],
];

function norm(text: unknown): string {
  if (typeof text !== "string") return "";
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The invoice number column among the header's cells other than `not` (the columns read already), or undefined. */
export function invoiceNumberColumn(header: readonly unknown[], not: readonly (number | undefined)[]): number | undefined {
  const names = header.map(norm);
  for (const group of HEADER_GROUPS) {
    for (const name of group) {
      const i = names.findIndex((n, c) => n === name && !not.includes(c));
      if (i >= 0) return i;
    }
  }
  return undefined;
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The rows' keys, each as two independent 32-bit hashes with the sheet row it was first seen on, in typed arrays
 * (open addressing): about 24 bytes per numbered row, where a Map of text keys took 200 bytes. Two different keys
 * share both hashes with a chance of 1 in 2^64 per pair (for a million rows, about 3 in 100 million that any pair
 * does): the only harm would be a warning too many, never a number.
 */
class KeyTable {
  private a = new Uint32Array(1024);
  private b = new Uint32Array(1024);
  /** Sheet row + 1 of each slot's key; 0: the slot is empty. */
  private rows = new Float64Array(1024);
  private size = 0;

  /** The row `h1`/`h2` was first seen on, or -1 after noting it as seen on `row`. */
  firstOrAdd(h1: number, h2: number, row: number): number {
    if (this.size * 2 >= this.rows.length) this.grow();
    const mask = this.rows.length - 1;
    let i = h1 & mask;
    while (this.rows[i] !== 0) {
      if (this.a[i] === h1 && this.b[i] === h2) return this.rows[i] - 1;
      i = (i + 1) & mask;
    }
    this.a[i] = h1;
    this.b[i] = h2;
    this.rows[i] = row + 1;
    this.size++;
    return -1;
  }

  private grow(): void {
    const { a, b, rows } = this;
    const n = rows.length * 2;
    this.a = new Uint32Array(n);
    this.b = new Uint32Array(n);
    this.rows = new Float64Array(n);
    const mask = n - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = a[j] & mask;
      while (this.rows[i] !== 0) i = (i + 1) & mask;
      this.a[i] = a[j];
      this.b[i] = b[j];
      this.rows[i] = rows[j];
    }
  }
}

export class RepeatedInvoices {
  /** Each numbered row's key (number, day, amount, kind, country) → the sheet row it was first seen on. */
  private readonly seen = new KeyTable();
  /** The hashes of the last numbered row's number, and the sheet row where its run of rows began. */
  private run1 = 0;
  private run2 = 0;
  private runStart = 0;
  /** The amount counted twice, per year of the repeating rows. */
  private readonly twice = new Map<number, number>();

  /**
   * A row read (in sheet order), with its number cell: a repeat is added to `groups` as a warning of its year.
   * `column` names the number column in the message.
   */
  add(r: InvoiceRow, cell: unknown, groups: RowProblemGroups, column: { header: string; letter: string }): void {
    const text = cellText(cell);
    let from = 0;
    let to = text.length;
    while (from < to && text.charCodeAt(from) <= 32) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    if (from === to) return;
    // The number's own hashes, lower case: ASCII letters folded here, a number with other letters through toLowerCase.
    let folded = text;
    for (let k = from; k < to; k++) {
      if (text.charCodeAt(k) >= 128) {
        folded = text.trim().toLowerCase();
        if (folded === "") return;
        from = 0;
        to = folded.length;
        break;
      }
    }
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let k = from; k < to; k++) {
      let c = folded.charCodeAt(k);
      if (c >= 65 && c <= 90) c += 32;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    if (h1 !== this.run1 || h2 !== this.run2 || this.runStart === 0) {
      this.run1 = h1;
      this.run2 = h2;
      this.runStart = r.row;
    }
    // The key: the number with the day, the amount (integer cents, up to 2^53), the VAT kind and the country.
    const lo = r.cents % 0x100000000;
    const hi = Math.floor(r.cents / 0x100000000);
    h1 = mixIn(mixIn(mixIn(h1, r.day), lo), hi);
    h2 = mixIn(mixIn(mixIn(h2 ^ 0x5f3759df, hi), r.day), lo);
    const kind = `${r.category ?? ""}\u0001${r.country ?? ""}`;
    for (let k = 0; k < kind.length; k++) {
      const c = kind.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    const first = this.seen.firstOrAdd(mix(h1), mix(h2 ^ 0x27d4eb2f), r.row);
    // New, or the same invoice's own lines, standing together: not a repeat.
    if (first < 0 || first >= this.runStart) return;
    const shown = text.trim();
    const year = fastYear(r.day);
    this.twice.set(year, (this.twice.get(year) ?? 0) + r.cents);
    const twice = this.twice;
    groups.add("invoice-repeated", r.row, r.day, (): GroupSpec => ({
      code: "invoice-repeated",
      severity: "warning",
      column: null,
      value: shown,
      message: (rows, count) => msg.atRows(rows, count, msg.invoiceRepeated({ number: shown, row: r.row, first }, column, count, twice.get(year) ?? 0)),
    }));
  }
}

/** A 32-bit word folded into a running hash. */
function mixIn(h: number, word: number): number {
  h = Math.imul(h ^ (word | 0), 0x9e3779b1);
  return h ^ (h >>> 16);
}
