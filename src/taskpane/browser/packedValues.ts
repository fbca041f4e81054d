/**
 * A sheet's values packed into a few typed arrays, to hand a read file from the reading worker to the pane.
 * Copying 100,000 rows as 100,000 small arrays costs the pane's thread a pause to unpack them one by one;
 * typed arrays are transferred (moved, not copied) and the pane rebuilds the rows in one plain loop. Only the
 * kinds of value a read gives (text, number, true/false, date, and `{ formula }`, a formula the file holds without
 * a calculated value: files.ts formulaCellValue) are packed; anything else is copied as before.
 */

/** What one cell holds: its kind, and its number (a number, or a date's time) or its text in order. */
const EMPTY = 0;
const TEXT = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const DATE = 5;
/** `{ formula }` alone: its formula text in `texts` (a file of uncalculated formulas still packs). */
const FORMULA = 6;

export interface PackedValues {
  /** Cells in each row. */
  readonly lengths: Uint32Array;
  /** Each cell's kind, row after row. */
  readonly kinds: Uint8Array;
  /** Each cell's number, date time, or text or formula (its place in `texts`); 0 for the other kinds. */
  readonly numbers: Float64Array;
  /** The different texts other than "" (and formulas), each once (a customer's name on 5,000 rows travels once). */
  readonly texts: string[];
}

/** `values` packed, or null when a cell holds another kind of value (then the rows are copied as they are). */
export function packValues(values: readonly (readonly unknown[])[]): PackedValues | null {
  let cells = 0;
  for (const row of values) cells += row.length;
  const lengths = new Uint32Array(values.length);
  const kinds = new Uint8Array(cells);
  const numbers = new Float64Array(cells);
  const texts: string[] = [];
  const textAt = new Map<string, number>();
  let k = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    lengths[r] = row.length;
    for (let c = 0; c < row.length; c++, k++) {
      const v = row[c];
      if (typeof v === "string") {
        if (v === "") kinds[k] = EMPTY;
        else {
          kinds[k] = TEXT;
          let at = textAt.get(v);
          if (at === undefined) {
            at = texts.push(v) - 1;
            textAt.set(v, at);
          }
          numbers[k] = at;
        }
      } else if (typeof v === "number") {
        kinds[k] = NUMBER;
        numbers[k] = v;
      } else if (typeof v === "boolean") {
        kinds[k] = v ? TRUE : FALSE;
      } else if (v instanceof Date) {
        kinds[k] = DATE;
        numbers[k] = v.getTime();
      } else if (isBareFormula(v)) {
        kinds[k] = FORMULA;
        let at = textAt.get(v.formula);
        if (at === undefined) {
          at = texts.push(v.formula) - 1;
          textAt.set(v.formula, at);
        }
        numbers[k] = at;
      } else {
        return null;
      }
    }
  }
  return { lengths, kinds, numbers, texts };
}

/** `{ formula: "…" }` and nothing else: what the Open file gives for a formula without a calculated value. */
function isBareFormula(v: unknown): v is { formula: string } {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === "formula" && typeof (v as { formula?: unknown }).formula === "string";
}

/** The typed arrays' buffers, for postMessage's transfer list. */
export function packedBuffers(p: PackedValues): ArrayBuffer[] {
  return [p.lengths.buffer as ArrayBuffer, p.kinds.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer];
}

/** One shared array for every empty row (as the reading gives them): a far-away cell costs no array per row. */
const EMPTY_ROW: readonly unknown[] = Object.freeze([]);

/** The rows `packValues` packed, cell for cell. */
export function unpackValues(p: PackedValues): unknown[][] {
  const values: unknown[][] = new Array<unknown[]>(p.lengths.length);
  let k = 0;
  for (let r = 0; r < p.lengths.length; r++) {
    const n = p.lengths[r];
    if (n === 0) {
      values[r] = EMPTY_ROW as unknown[];
      continue;
    }
    const row: unknown[] = [];
    for (let c = 0; c < n; c++, k++) {
      switch (p.kinds[k]) {
        case EMPTY:
          row.push("");
          break;
        case TEXT:
          row.push(p.texts[p.numbers[k]]);
          break;
        case NUMBER:
          row.push(p.numbers[k]);
          break;
        case TRUE:
          row.push(true);
          break;
        case FALSE:
          row.push(false);
          break;
        case FORMULA:
          row.push({ formula: p.texts[p.numbers[k]] });
          break;
        default:
          row.push(new Date(p.numbers[k]));
      }
    }
    values[r] = row;
  }
  return values;
}
