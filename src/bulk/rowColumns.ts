/**
 * Invoice rows kept in columns (typed arrays in chunks) instead of one object per row: 13 bytes a row
 * outside the JavaScript heap (row, day, cents, category index) against about 90 on it, plus a VAT column
 * (8 bytes) and a country column (1 byte) only in chunks where a row has one. kor-check keeps a big sheet's
 * rows this way per year (YearWindow) and summarises them as they are (summarizeColumns, src/rules/columns.ts).
 * Exact: every field comes back as it went in (cents beyond 32 bits turn their chunk's cents into doubles,
 * which hold any integer up to 2^53).
 */
import type { YearColumns } from "../rules/columns";
import type { CategoryCode, InvoiceRow } from "../rules/types";

const CHUNK = 65_536;
const SHIFT = 16;
const MASK = CHUNK - 1;
const NONE = 255;

interface Chunk {
  row: Int32Array;
  day: Int32Array;
  /** Int32 while every amount fits; Float64 once one does not. */
  cents: Int32Array | Float64Array;
  /** Index in `codes` (which holds null for an empty category too). */
  category: Uint8Array;
  /** null until a row of the chunk has a VAT cell; NaN: no VAT cell (null). */
  vat: Float64Array | null;
  /** null until a row of the chunk has a country; index in `countries`, NONE: no country (null). */
  country: Uint8Array | null;
}

/**
 * Rows a chunk has room for when it is made; it grows fourfold as rows come, up to CHUNK. Made at CHUNK rows at
 * once, every sheet took 0.85 MB for its first row: a 1.3 MB workbook of 2,000 one-client sheets took 950 MB.
 */
const FIRST_ROOM = 256;

function chunk(): Chunk {
  return { row: new Int32Array(FIRST_ROOM), day: new Int32Array(FIRST_ROOM), cents: new Int32Array(FIRST_ROOM), category: new Uint8Array(FIRST_ROOM), vat: null, country: null };
}

function larger<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

/** Room for at least `need` rows in a chunk (at most CHUNK). */
function grow(c: Chunk, need: number): void {
  const size = Math.min(CHUNK, Math.max(need, c.row.length * 4));
  c.row = larger(c.row, size, 0);
  c.day = larger(c.day, size, 0);
  c.cents = larger(c.cents, size, 0);
  c.category = larger(c.category, size, 0);
  if (c.vat !== null) c.vat = larger(c.vat, size, Number.NaN);
  if (c.country !== null) c.country = larger(c.country, size, NONE);
}

/** Rows in columns; `push` copies a row in, `at` gives it back as an object, the rest read one field. */
export class RowColumns implements YearColumns {
  private chunks: (Chunk | null)[] = [];
  private readonly codeList: (CategoryCode | null)[] = [];
  private readonly codeIndex = new Map<CategoryCode | null, number>();
  private readonly countries: string[] = [];
  private readonly countryIndex = new Map<string, number>();
  /** Rows whose values do not fit the columns (a row number or day beyond 32 bits, more than 255 codes or 254 countries): kept whole. */
  private readonly odd = new Map<number, InvoiceRow>();
  length = 0;
  anyCountry = false;
  anyVat = false;

  /** Whether the row can be kept in columns without losing anything (only the six InvoiceRow fields). */
  static fits(r: InvoiceRow): boolean {
    return Object.keys(r).length === 6;
  }

  /** The category codes that categoryIndex() refers to. */
  get codes(): readonly (CategoryCode | null)[] {
    return this.codeList;
  }

  push(r: InvoiceRow): void {
    const i = this.length & MASK;
    if (i === 0) this.chunks.push(chunk());
    const c = this.chunks[this.chunks.length - 1];
    if (c === null) throw new Error("RowColumns: push after takeAll");
    if (i >= c.row.length) grow(c, i + 1);
    // Every code gets an index (an odd row's too), so categoryIndex() is known for every row before it is asked.
    const cat = this.codeOf(r.category);
    const land = r.country === null ? NONE : this.indexOf(this.countryIndex, this.countries, r.country, NONE);
    if ((r.row | 0) !== r.row || (r.day | 0) !== r.day || cat >= NONE || land < 0) this.odd.set(this.length, r);
    c.row[i] = r.row;
    c.day[i] = r.day;
    if (c.cents instanceof Int32Array && ((r.cents | 0) !== r.cents || Object.is(r.cents, -0))) c.cents = Float64Array.from(c.cents);
    c.cents[i] = r.cents;
    c.category[i] = cat >= NONE ? 0 : cat;
    if (r.vatCents !== null) {
      this.anyVat = true;
      if (c.vat === null) c.vat = new Float64Array(c.row.length).fill(Number.NaN);
      c.vat[i] = r.vatCents;
    } else if (c.vat !== null) c.vat[i] = Number.NaN;
    if (r.country !== null) {
      this.anyCountry = true;
      if (c.country === null) c.country = new Uint8Array(c.row.length).fill(NONE);
    }
    if (c.country !== null) c.country[i] = land < 0 ? NONE : land;
    this.length++;
  }

  private codeOf(code: CategoryCode | null): number {
    let k = this.codeIndex.get(code);
    if (k === undefined) {
      k = this.codeList.length;
      this.codeList.push(code);
      this.codeIndex.set(code, k);
    }
    return k;
  }

  private indexOf<T>(index: Map<T, number>, list: T[], value: T, limit: number): number {
    let k = index.get(value);
    if (k === undefined) {
      if (list.length >= limit) return -1;
      k = list.length;
      list.push(value);
      index.set(value, k);
    }
    return k;
  }

  private chunk(i: number): Chunk {
    const c = this.chunks[i >>> SHIFT];
    if (c === null || c === undefined) throw new Error("RowColumns: read after takeAll");
    return c;
  }

  private oddAt(i: number): InvoiceRow | undefined {
    return this.odd.size === 0 ? undefined : this.odd.get(i);
  }

  /** Row number (sheet row) of the i-th row, without making its object. */
  row(i: number): number {
    return this.oddAt(i)?.row ?? this.chunk(i).row[i & MASK];
  }

  /** Same as row(i). */
  rowNumber(i: number): number {
    return this.row(i);
  }

  day(i: number): number {
    return this.oddAt(i)?.day ?? this.chunk(i).day[i & MASK];
  }

  cents(i: number): number {
    return this.oddAt(i)?.cents ?? this.chunk(i).cents[i & MASK];
  }

  categoryIndex(i: number): number {
    const odd = this.oddAt(i);
    return odd !== undefined ? this.codeOf(odd.category) : this.chunk(i).category[i & MASK];
  }

  category(i: number): CategoryCode | null {
    return this.codeList[this.categoryIndex(i)];
  }

  country(i: number): string | null {
    const odd = this.oddAt(i);
    if (odd !== undefined) return odd.country;
    const land = this.chunk(i).country?.[i & MASK] ?? NONE;
    return land === NONE ? null : this.countries[land];
  }

  vatCents(i: number): number | null {
    const odd = this.oddAt(i);
    if (odd !== undefined) return odd.vatCents;
    const vat = this.chunk(i).vat?.[i & MASK] ?? Number.NaN;
    return Number.isNaN(vat) ? null : vat;
  }

  /**
   * Every row as an object, in order, letting go of each chunk of columns once its rows are made: the
   * objects and the columns are never both held whole. The columns are empty afterwards.
   */
  takeAll(): InvoiceRow[] {
    const out: InvoiceRow[] = [];
    for (let i = 0; i < this.length; i++) {
      out.push(this.at(i));
      if ((i + 1) % CHUNK === 0) this.chunks[i >>> SHIFT] = null;
    }
    this.chunks = [];
    this.odd.clear();
    this.length = 0;
    return out;
  }

  at(i: number): InvoiceRow {
    const odd = this.oddAt(i);
    if (odd !== undefined) return odd;
    return { row: this.row(i), day: this.day(i), cents: this.cents(i), category: this.category(i), country: this.country(i), vatCents: this.vatCents(i) };
  }
}
