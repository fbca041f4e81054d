/**
 * kor-check's own reader of a worksheet's XML (xl/worksheets/sheetN.xml), row by row, on exceljs' XML
 * parser (saxes, through exceljs' parse-sax). It replaces exceljs' streaming `WorksheetReader.parse()`, which
 * loses what a tax figure depends on (exceljs 4.4):
 *
 * - a formula's cached value is typed by the cell's `t`: exceljs reads every result that is not `t="str"` as
 *   a number, so a formula giving #N/A (`t="e"`) arrived as NaN and then as `{ formula }` alone (read as
 *   empty: the invoice silently dropped), and TRUE (`t="b"`) as the number 1 (€1.00);
 * - a formula without a cached value (`<f>` without `<v>`) stays `{ formula }` without `result`, which the
 *   reading layer reports (cells.ts `isFormulaWithoutResult`); a cached 0 is `{ formula, result: 0 }`;
 * - an ISO date cell (`t="d"`, `<v>2026-04-01T00:00:00Z</v>`) was read as the number 2026 (parseFloat);
 * - an inline string of several runs (`<is><r><t>6</t></r><r><t>000</t></r></is>`) kept only its last run.
 *
 * Values are handed over in the shapes the reading layer reads (src/reading/cells.ts): numbers, strings,
 * booleans, `{ error }`, `{ formula, result }`, and the shared strings as exceljs cached them.
 */
import { isoDateCell } from "../reading/isoDateCell";
import { MAX_COLUMNS, MAX_ROWS } from "../reading/limits";

/** One sheet row: its 1-based number and its values, 0-based (column A = 0); missing cells are holes. */
export interface SheetRow {
  readonly number: number;
  readonly values: unknown[];
}

interface SaxTag {
  readonly name: string;
  readonly attributes: Record<string, string | { value: string }>;
}

type SaxEvent = { eventType: "opentag"; value: SaxTag } | { eventType: "text"; value: string } | { eventType: "closetag"; value: SaxTag };

type ParseSax = (iterable: AsyncIterable<Buffer | string>) => AsyncGenerator<SaxEvent[]>;

let parseSaxFn: ParseSax | null = null;

/** exceljs' own saxes wrapper (adapter boundary: exceljs 4.4 is pinned). */
function parseSax(): ParseSax {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parseSaxFn ??= require("exceljs/lib/utils/parse-sax") as ParseSax;
  return parseSaxFn;
}

function attr(tag: SaxTag, name: string): string | undefined {
  const a = tag.attributes[name];
  return typeof a === "string" ? a : a?.value;
}

/** Column number (1-based) of a cell reference such as "AB12"; null when it has no letters. */
function columnOf(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const upper = c >= 97 && c <= 122 ? c - 32 : c;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + (upper - 64);
  }
  return i === 0 ? null : col;
}

/** Column letters of a 1-based column number: 1 → "A", 28 → "AB". */
function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A number as a cell's `<v>` holds it (xsd:double as Excel writes it: digits, a point, an exponent). Not
 * JavaScript's Number(): that also reads "0x10" (16), "0b11", "Infinity"; nor parseFloat: "5000abc" (5000).
 */
const XML_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number cell's value; text that is no number (a damaged cell: "5000abc", "0x10") is handed over as it is,
 * so the reader names its row ("… is geen bedrag"), as the pane does (src/reading/zipInflate.ts NumberTextWatch).
 */
export function numberCell(text: string): number | string {
  const t = text.trim();
  const n = XML_NUMBER.test(t) ? Number(t) : NaN;
  return Number.isFinite(n) ? n : text;
}

/**
 * A cell past column XFD (16,384), the last of an Excel sheet: Excel refuses the file. Before 2 Dec 2026 one cell at
 * ZZZZZZ2 made its row a list of 321 million places, and a 1 kB workbook took 36 seconds per such row to read.
 */
export class CellBeyondSheetError extends Error {
  constructor(readonly ref: string) {
    super(`cell ${ref} lies beyond column XFD`);
  }
}

/**
 * A row numbered past 1,048,576 (MAX_ROWS), the last of an Excel sheet (`r="100000000"`, `r="1e300"`): Excel refuses
 * the file, and the pane's reader (exceljs) would lay out every row before it (22 s and 1 GB for row 100,000,000) or
 * drop it. `row`: its number as written.
 */
export class RowBeyondSheetError extends Error {
  constructor(readonly row: string) {
    super(`row ${row} lies beyond row ${MAX_ROWS}`);
  }
}

/** A cell `t="s"` whose index is no shared string of the file: the file is damaged (Excel repairs it, or refuses). */
export class SharedStringIndexError extends Error {
  constructor(readonly ref: string, readonly index: string) {
    super(`shared string ${index} of cell ${ref} does not exist`);
  }
}

/** The value of `<v>` by the cell's type `t` (a cell's value, or a formula's cached result). */
function typedValue(t: string | undefined, v: string, sharedStrings: readonly unknown[] | undefined, formula: boolean, ref: string): unknown {
  switch (t) {
    case "s": {
      if (formula) return v; // formulas do not use shared strings
      const index = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (sharedStrings === undefined || !Number.isInteger(index) || index >= sharedStrings.length) throw new SharedStringIndexError(ref, v.trim());
      return sharedStrings[index];
    }
    case "str":
    case "inlineStr":
      return v;
    case "e":
      return { error: v.trim() };
    case "b": {
      const b = v.trim();
      return b === "1" || b === "true" ? true : b === "0" || b === "false" ? false : v;
    }
    case "d":
      return isoDateCell(v);
    default:
      return numberCell(v);
  }
}

interface CellState {
  col: number;
  /** Its reference as written, or made from the row and column ("C2"), for a message. */
  ref: string;
  t: string | undefined;
  formula: string | null;
  v: string | null;
  inline: string | null;
}

/**
 * The rows of one worksheet, in blocks as the XML arrives. `sharedStrings` is read when a block is parsed
 * (exceljs fills it before the sheets: src/cli/zipOrder.ts puts them first).
 */
export async function* sheetRows(iterator: AsyncIterable<Buffer | string>, sharedStrings: () => readonly unknown[] | undefined): AsyncGenerator<SheetRow[]> {
  let inSheetData = false;
  let row: { number: number; values: unknown[] } | null = null;
  let lastRow = 0;
  let lastCol = 0;
  let cell: CellState | null = null;
  /** Where text goes: the formula, the value, an inline string's text run; null elsewhere (phonetic runs). */
  let sink: "f" | "v" | "t" | null = null;
  let inPhonetic = false;
  for await (const events of parseSax()(iterator)) {
    const rows: SheetRow[] = [];
    for (const e of events) {
      if (e.eventType === "text") {
        if (cell === null || sink === null) continue;
        if (sink === "f") cell.formula = (cell.formula ?? "") + e.value;
        else if (sink === "v") cell.v = (cell.v ?? "") + e.value;
        else cell.inline = (cell.inline ?? "") + e.value;
        continue;
      }
      const tag = e.value;
      const name = tag.name.includes(":") ? tag.name.slice(tag.name.indexOf(":") + 1) : tag.name;
      if (e.eventType === "opentag") {
        switch (name) {
          case "sheetData":
            inSheetData = true;
            break;
          case "row": {
            if (!inSheetData) break;
            const written = attr(tag, "r");
            const r = Number(written);
            // `r` is optional in OOXML: then the row follows the previous one.
            const number = Number.isInteger(r) && r > lastRow ? r : lastRow + 1;
            if (number > MAX_ROWS) throw new RowBeyondSheetError(number === r && written !== undefined ? written : String(number));
            lastRow = number;
            lastCol = 0;
            row = { number, values: [] };
            break;
          }
          case "c": {
            if (row === null) break;
            const ref = attr(tag, "r");
            const col = (ref === undefined ? null : columnOf(ref)) ?? lastCol + 1;
            if (col > MAX_COLUMNS) throw new CellBeyondSheetError(ref ?? `${columnName(col)}${row.number}`);
            lastCol = col;
            cell = { col, ref: ref ?? `${columnName(col)}${row.number}`, t: attr(tag, "t"), formula: null, v: null, inline: null };
            break;
          }
          case "f":
            if (cell !== null) {
              cell.formula ??= "";
              sink = "f";
            }
            break;
          case "v":
            if (cell !== null) {
              cell.v ??= "";
              sink = "v";
            }
            break;
          case "is":
            if (cell !== null) cell.inline ??= "";
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            if (cell !== null && !inPhonetic) sink = "t";
            break;
          default:
            break;
        }
        continue;
      }
      // closetag
      switch (name) {
        case "sheetData":
          inSheetData = false;
          break;
        case "f":
        case "v":
        case "t":
          sink = null;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "c":
          if (row !== null && cell !== null) {
            const value = cellValue(cell, sharedStrings());
            if (value !== undefined) row.values[cell.col - 1] = value;
          }
          cell = null;
          sink = null;
          break;
        case "row":
          if (row !== null) rows.push(row);
          row = null;
          break;
        default:
          break;
      }
    }
    if (rows.length > 0) yield rows;
  }
}

function cellValue(c: CellState, sharedStrings: readonly unknown[] | undefined): unknown {
  if (c.formula !== null) {
    // A formula's cached value; none (no `<v>`, or an empty one that is not a text result) stays absent.
    if (c.v === null || (c.v === "" && c.t !== "str")) return { formula: c.formula };
    return { formula: c.formula, result: typedValue(c.t, c.v, sharedStrings, true, c.ref) };
  }
  if (c.inline !== null) return c.inline;
  if (c.t === "inlineStr") return c.v ?? undefined;
  if (c.v === null) return undefined;
  return typedValue(c.t, c.v, sharedStrings, false, c.ref);
}
