/**
 * Invoice rows kept in columns (typed arrays in chunks) instead of one object per row: 26 bytes a row
 * outside the JavaScript heap against about 84 on it, so a 1,000,000-row sheet streaming past costs about
 * 26 MB while it is read, and the garbage collector has no million objects to trace. Exact: every field
 * comes back as it went in (cents and VAT as doubles hold any integer up to 2^53).
 */
import type { CategoryCode, InvoiceRow } from "../rules/types";

const CHUNK = 65_536;
const NONE = 255;

interface Chunk {
  readonly row: Int32Array;
  readonly day: Int32Array;
  readonly cents: Float64Array;
  /** NaN: no VAT cell (null). */
  readonly vat: Float64Array;
  /** Index in `codes`; NONE: empty category (null). */
  readonly category: Uint8Array;
  /** Index in `countries`; NONE: no country (null). */
  readonly country: Uint8Array;
}

function chunk(): Chunk {
  return {
    row: new Int32Array(CHUNK),
    day: new Int32Array(CHUNK),
    cents: new Float64Array(CHUNK),
    vat: new Float64Array(CHUNK),
    category: new Uint8Array(CHUNK),
    country: new Uint8Array(CHUNK),
  };
}

/** Rows in columns; `push` copies a row in, `at` gives it back as an object. */
export class RowColumns {
  private chunks: (Chunk | null)[] = [];
  private readonly codes: (CategoryCode | null)[] = [];
  private readonly codeIndex = new Map<CategoryCode, number>();
  private readonly countries: string[] = [];
  private readonly countryIndex = new Map<string, number>();
  /** Rows whose values do not fit the columns (a row number beyond 2^31, more than 254 different codes): kept whole. */
  private readonly odd = new Map<number, InvoiceRow>();
  length = 0;

  /** Whether the row can be kept in columns without losing anything (only the six InvoiceRow fields). */
  static fits(r: InvoiceRow): boolean {
    return Object.keys(r).length === 6;
  }

  push(r: InvoiceRow): void {
    const i = this.length % CHUNK;
    if (i === 0) this.chunks.push(chunk());
    const c = this.chunks[this.chunks.length - 1];
    if (c === null) throw new Error("RowColumns: push after takeAll");
    const cat = r.category === null ? NONE : this.indexOf(this.codeIndex, this.codes, r.category);
    const land = r.country === null ? NONE : this.indexOf(this.countryIndex, this.countries, r.country);
    if ((r.row | 0) !== r.row || (r.day | 0) !== r.day || cat < 0 || land < 0) this.odd.set(this.length, r);
    c.row[i] = r.row;
    c.day[i] = r.day;
    c.cents[i] = r.cents;
    c.vat[i] = r.vatCents === null ? Number.NaN : r.vatCents;
    c.category[i] = cat < 0 ? NONE : cat;
    c.country[i] = land < 0 ? NONE : land;
    this.length++;
  }

  private indexOf<T>(index: Map<T, number>, list: T[], value: T): number {
    let k = index.get(value);
    if (k === undefined) {
      if (list.length >= NONE) return -1;
      k = list.length;
      list.push(value);
      index.set(value, k);
    }
    return k;
  }

  /** Row number (sheet row) of the i-th row, without making its object. */
  rowNumber(i: number): number {
    const odd = this.odd.get(i);
    return odd !== undefined ? odd.row : this.chunk(i).row[i % CHUNK];
  }

  private chunk(i: number): Chunk {
    const c = this.chunks[(i / CHUNK) | 0];
    if (c === null) throw new Error("RowColumns: read after takeAll");
    return c;
  }

  /**
   * Every row as an object, in order, letting go of each chunk of columns once its rows are made: the
   * objects and the columns are never both held whole. The columns are empty afterwards.
   */
  takeAll(): InvoiceRow[] {
    const out: InvoiceRow[] = [];
    for (let i = 0; i < this.length; i++) {
      out.push(this.at(i));
      if ((i + 1) % CHUNK === 0) this.chunks[(i / CHUNK) | 0] = null;
    }
    this.chunks = [];
    this.odd.clear();
    this.length = 0;
    return out;
  }

  at(i: number): InvoiceRow {
    const odd = this.odd.get(i);
    if (odd !== undefined) return odd;
    const c = this.chunk(i);
    const k = i % CHUNK;
    const vat = c.vat[k];
    const cat = c.category[k];
    const land = c.country[k];
    return {
      row: c.row[k],
      day: c.day[k],
      cents: c.cents[k],
      category: cat === NONE ? null : this.codes[cat],
      country: land === NONE ? null : this.countries[land],
      vatCents: Number.isNaN(vat) ? null : vat,
    };
  }
}
