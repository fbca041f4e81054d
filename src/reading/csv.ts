/**
 * CSV text as the bookkeeping packages export it → records of text cells, with papaparse doing the parsing
 * (one parser for the pane and kor-check). What this module adds is what papaparse cannot know:
 *
 * - the bytes' encoding: UTF-8 with or without byte order mark, UTF-16 LE/BE with or without one (Exact
 *   Online writes UTF-16 tab-separated text; without a mark it is told by its NUL bytes), else Windows-1252
 *   when the bytes are not valid UTF-8 (Excel on Windows);
 * - the separator, chosen from the **header row** (the row with the invoice columns), not from a title,
 *   company or period line above it: `;`, `,` or tab, whichever makes a header row the reading layer
 *   recognises and gives the rows under it the header's width;
 * - a `"` inside an unquoted field is an ordinary character (`Monitor 24" scherm`), as in Excel; a field
 *   that opens a quote and never closes it is reported with its record (papaparse reads it in linear time);
 *   a record with a quoted field not closed properly is refused with its row and the file's lines it took.
 */
import Papa from "papaparse";
import * as msg from "../i18n/messages";
import type { Localized } from "../i18n/types";
import type { Problem } from "../rules/types";
import { columnLetter, detectColumns, findHeaderRow, hasTotalLabel, headerRole, HEADER_SEARCH_ROWS, type ColumnRole } from "./headers";

type DetectedColumns = Partial<Record<ColumnRole, number>>;
import { MAX_COLUMNS, MAX_CSV_LINES, TooLargeError } from "./limits";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
  /**
   * A UTF-8 file with some bytes that are not UTF-8 (a line pasted in from a Windows-1252 file): how many such bytes
   * there were and the line of the first. Those bytes were read as Windows-1252, the rest as UTF-8.
   */
  readonly mixed?: { readonly bytes: number; readonly line: number };
}

/**
 * Decodes a text file's bytes: a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one, UTF-16
 * is told by the NUL bytes of its Latin characters (LE: at odd offsets, BE: at even ones, see
 * utf16WithoutBom); else the bytes are UTF-8 when they are valid UTF-8, else Windows-1252 (é, ë, € as Excel
 * on Windows saves them). The byte order mark is not part of the text.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const decoded = decodeText(bytes);
  // Only bytes that are not UTF-8 (nor UTF-16) can be binary data here: random bytes, a program or a zip are
  // never valid UTF-8, while a client's valid UTF-8 text with control characters in its names is text.
  if ((decoded.encoding === "windows-1252" || decoded.mixed !== undefined) && looksBinary(decoded.text)) throw new NotTextError();
  return decoded;
}

function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return mixedUtf8(bytes) ?? { text: fixWindows1252(new TextDecoder("windows-1252").decode(bytes)), encoding: "windows-1252" };
  }
}

/** The warning for a UTF-8 file with some Windows-1252 bytes (DecodedText.mixed): kor-check's and the pane's. */
export function encodingMixedProblem(mixed: { readonly bytes: number; readonly line: number }): Problem {
  return { row: null, severity: "warning", code: "encoding-mixed", column: null, value: null, message: msg.encodingMixed(mixed.bytes, mixed.line) };
}

/** The length of the valid UTF-8 sequence of more than one byte at `i`, else 0. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Bytes that are not valid UTF-8 throughout but mostly are (more valid UTF-8 sequences such as € and é than bytes
 * that are not: a UTF-8 export with a line pasted in from a Windows-1252 file): the UTF-8 read as UTF-8 and each
 * other byte as Windows-1252, with how many there were and where the first was. Else null: a Windows-1252 file
 * (its é, ë and € are single bytes, hardly ever a valid UTF-8 sequence). Read wholly as Windows-1252, every € of
 * such a file was "â‚¬" and every amount an error, without a word about the encoding.
 */
function mixedUtf8(bytes: Uint8Array): DecodedText | null {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const n = utf8Sequence(bytes, i);
    if (n === 0) bad++;
    else {
      good++;
      i += n - 1;
    }
  }
  if (good <= bad) return null;
  const utf8 = new TextDecoder("utf-8");
  const parts: string[] = [];
  let start = 0;
  let line = 1;
  let firstLine = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const n = utf8Sequence(bytes, i);
    if (n > 0) {
      i += n - 1;
      continue;
    }
    if (firstLine === 0) firstLine = line;
    parts.push(utf8.decode(bytes.subarray(start, i)));
    const mapped = b >= 0xa0 ? b : CP1252_80_9F[b - 0x80];
    parts.push(String.fromCharCode(mapped === 0 ? b : mapped));
    start = i + 1;
  }
  parts.push(utf8.decode(bytes.subarray(start)));
  return { text: parts.join(""), encoding: "utf-8", mixed: { bytes: bad, line: firstLine } };
}

/**
 * A file named .csv (or .txt) that is not text: a program, a PDF, an .xlsx renamed, random bytes. Read as
 * text it gives a "header" of escaped garbage; the pane and kor-check say what it is instead.
 */
export class NotTextError extends Error {
  readonly code = "KOR_NOT_TEXT";
  constructor() {
    super("not a text (CSV) file");
  }
}

/** The reason given for a NotTextError, in the pane and in kor-check. */
export const notTextMessage: Localized = {
  nl: "dit is geen tekstbestand (CSV): het bevat binaire gegevens, zoals een programma, pdf of Excel-werkmap. Sla de facturenlijst op als CSV of als Excel-werkmap (.xlsx).",
  en: "this is not a text (CSV) file: it holds binary data, as a program, a PDF or an Excel workbook does. Save the invoice list as CSV or as an Excel workbook (.xlsx).",
};

/** Characters looked at to tell binary data from text. */
const BINARY_PROBE_CHARS = 8192;

/**
 * True when the start of text decoded as Windows-1252 (its bytes were not UTF-8) has the control characters of
 * binary data: at least 1 in 20 of its first 8,192 characters is U+0000–U+001F other than tab, line feed,
 * vertical tab, form feed, carriage return and DOS's end-of-file mark (U+001A), or U+007F. Random bytes give
 * about 1 in 9, a program or a zip (its NUL bytes) more; a Windows-1252 export has none but a stray one.
 */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_PROBE_CHARS);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1a) || c === 0x7f) control++;
  }
  return n > 0 && control * 20 >= n;
}

/** Bytes looked at to recognise UTF-16 without a byte order mark. */
const UTF16_PROBE_BYTES = 4096;

/**
 * UTF-16 without a byte order mark (Exact Online's tab-separated text, saved without one): text that is
 * mostly Latin has a NUL byte in every other position, the high byte of each character, at odd offsets in
 * little-endian and at even offsets in big-endian. Text in UTF-8 or Windows-1252 has no NUL bytes. So: at
 * least half of the pairs in the first 4 KB have a NUL on one side, and (almost) none on the other side.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul * 2 >= pairs && evenNul * 20 <= oddNul) return "utf-16le";
  if (evenNul * 2 >= pairs && oddNul * 20 <= evenNul) return "utf-16be";
  return null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (0 = undefined there, kept as is). */
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Node 20's TextDecoder reads "windows-1252" as ISO-8859-1, giving U+0080–U+009F for € „ … ' ' " " – —;
 * browsers decode them right. Mapping those control characters to Windows-1252's makes both agree.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_80_9F[c.charCodeAt(0) - 0x80];
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}

export const SEPARATORS = [";", ",", "\t"] as const;
export type CsvSeparator = (typeof SEPARATORS)[number];

/** Lines looked at to choose the separator: the header search plus some rows beneath it. */
const PROBE_RECORDS = HEADER_SEARCH_ROWS + 25;
/** Characters looked at to choose the separator (a header row and some rows are well within this). */
const PROBE_CHARS = 64 * 1024;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function probe(text: string, separator: CsvSeparator): string[][] {
  const head = text.length > PROBE_CHARS ? text.slice(0, PROBE_CHARS) : text;
  const { text: body, newline } = recordBreaks(head, separator);
  return Papa.parse<string[]>(body, { delimiter: separator, newline, preview: PROBE_RECORDS, skipEmptyLines: false }).data;
}

type LineEnd = "\r\n" | "\n" | "\r";

/**
 * The text for papaparse, which takes one line end, and that line end: every CRLF, LF and lone CR outside a
 * quoted field ends a record, also when a file mixes them (one line saved with LF in a CRLF file must not
 * swallow the next invoice). A file with one kind of line end is passed as it is. Otherwise the line ends
 * outside quoted fields are made the kind most of them are; line breaks inside quoted fields stay as written
 * (Excel writes CRLF between records and LF inside a cell with several lines). Quoted fields are told as
 * papaparse tells them, so both agree on what is inside one: a quote opens a field only at the field's
 * start, `""` inside is a quote, and a quote closes the field only when (after spaces) a separator, a line
 * end or the end of the text follows; any other quote is part of the field (papaparse's "InvalidQuotes").
 */
function recordBreaks(text: string, separator: CsvSeparator): { text: string; newline: LineEnd } {
  const crlf = text.includes("\r\n");
  const lf = crlf ? /(?:^|[^\r])\n/.test(text) : text.includes("\n");
  const cr = /\r(?!\n)/.test(text);
  if (+crlf + +lf + +cr <= 1) return { text, newline: crlf ? "\r\n" : cr ? "\r" : "\n" };
  const counts = { "\r\n": 0, "\n": 0, "\r": 0 };
  scanLineEnds(text, separator, (end) => counts[end]++);
  const newline: LineEnd = counts["\r\n"] >= counts["\n"] && counts["\r\n"] >= counts["\r"] ? "\r\n" : counts["\r"] > counts["\n"] ? "\r" : "\n";
  if (counts["\r\n"] + counts["\n"] + counts["\r"] === counts[newline]) return { text, newline };
  const parts: string[] = [];
  let from = 0;
  scanLineEnds(text, separator, (end, at) => {
    if (end === newline) return;
    parts.push(text.slice(from, at), newline);
    from = at + end.length;
  });
  parts.push(text.slice(from));
  return { text: parts.join(""), newline };
}

/** Line ends in `text` (CRLF, LF, CR each one), quoted or not: an upper bound for its records, found without a parse. */
export function lineEndCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Whitespace papaparse allows between a closing quote and the separator or line end after it (as String.trim). */
function isSpaceAfterQuote(c: number, sep: number): boolean {
  return c !== sep && c !== 10 && c !== 13 && String.fromCharCode(c).trim() === "";
}

/** Calls `visit` with each line end outside quoted fields (see recordBreaks) and where it starts. */
function scanLineEnds(text: string, separator: CsvSeparator, visit: (end: LineEnd, at: number) => unknown): void {
  const n = text.length;
  const sep = separator.charCodeAt(0);
  let fieldStart = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && fieldStart) {
      // A quoted field: find the quote that closes it.
      let q = i;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q === -1 || q === n - 1) return; // never closed, or closed at the end: no line end outside it
        if (text.charCodeAt(q + 1) === 34) {
          q++;
          continue;
        }
        let k = q + 1;
        while (k < n && isSpaceAfterQuote(text.charCodeAt(k), sep)) k++;
        const after = k < n ? text.charCodeAt(k) : -1;
        if (after === sep || after === 10 || after === 13) break;
      }
      i = q + 1;
      fieldStart = false;
      continue;
    }
    if (c === 13 || c === 10) {
      const end: LineEnd = c === 10 ? "\n" : text.charCodeAt(i + 1) === 10 ? "\r\n" : "\r";
      visit(end, i);
      i += end.length;
      fieldStart = true;
      continue;
    }
    fieldStart = c === sep;
    i++;
  }
}

/**
 * The separator of a CSV text, chosen from its header row: for each of `;`, tab and `,` the first records
 * are split and searched for a header row (as the reading layer finds it); the separator whose header row
 * names the most invoice columns wins, then the one whose rows beneath have the header's width. Title lines
 * above the header ("Verkoopboek 2025, Bakkerij Jansen") do not count. Without a recognisable header: the
 * separator that gives the most records of one width of at least two fields; `;` when nothing splits.
 *
 * @example detectSeparator("Omzet 2025, alle facturen\nDatum;Bedrag;Omschrijving\n1-1-2025;100,00;a, b") // ";"
 */
export function detectSeparator(text: string): CsvSeparator {
  const body = stripBom(text);
  let best: CsvSeparator = ";";
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const score = separatorScore(probe(body, sep));
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

function separatorScore(records: readonly string[][]): number {
  let headerScore = 0;
  let headerRow = -1;
  for (let r = 0; r < Math.min(records.length, HEADER_SEARCH_ROWS); r++) {
    const cols = detectColumns(records[r]);
    const roles = Object.keys(cols).length;
    const score = (cols.date !== undefined && cols.amount !== undefined ? 100 : 0) + roles * 10;
    if (score > headerScore) {
      headerScore = score;
      headerRow = r;
    }
  }
  if (headerRow >= 0) {
    const width = records[headerRow].length;
    let same = 0;
    // Rows of the header's width count only when the separator splits at all: one field is no evidence.
    if (width >= 2) for (let r = headerRow + 1; r < records.length; r++) if (records[r].length === width) same++;
    return headerScore * 1000 + same;
  }
  // No header: the width most records share, weighted by that width's use.
  const counts = new Map<number, number>();
  for (const rec of records) if (rec.length >= 2) counts.set(rec.length, (counts.get(rec.length) ?? 0) + 1);
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  return most;
}

export interface CsvReadResult {
  /** Records as rows of text cells; a blank line is an empty record, and so is a record refused in `problems`. */
  readonly records: string[][];
  readonly separator: CsvSeparator;
  /** Record (1-based) where a quoted field opens that never closes (the rest of the file is that field), else null. */
  readonly unclosedQuoteRecord: number | null;
  /**
   * What the file's structure does not allow, row-numbered (rows are records): a quote that never closes, a
   * quoted field not closed properly (that record is refused: left empty in `records`). Errors: give them
   * with the rows' problems.
   */
  readonly problems: readonly Problem[];
}

/** Records with a quoted field not closed properly, each given in a message of its own; the rest in one. */
const MALFORMED_QUOTES_NAMED = 20;

/**
 * Splits a whole CSV text into records with papaparse: RFC 4180 quoting (separators, line breaks and `""`
 * inside quotes), CRLF / LF / CR line ends (mixed too: each ends a record outside quotes, see recordBreaks), a
 * `"` inside an unquoted field kept as it is.
 *
 * A quoted field that is not closed properly (`"Monitor 24"" scherm;100,00`: text after what would close it)
 * makes papaparse run the field on to the next quote that can close one, taking the lines between into that
 * record: the record is refused (left empty) with an error naming its row and the file's lines it took, and
 * the records after it are read as usual.
 */
export function readCsvText(text: string, separator: CsvSeparator | null = null): CsvReadResult {
  if (lineEndCount(text) > MAX_CSV_LINES) throw new TooLargeError("csv-lines", MAX_CSV_LINES);
  const body = stripBom(text);
  const sep = separator ?? detectSeparator(body);
  const records: string[][] = [];
  let unclosedQuoteRecord: number | null = null;
  const { text: input, newline } = recordBreaks(body, sep);
  const result = Papa.parse<string[]>(input, { delimiter: sep, newline, skipEmptyLines: false });
  for (const rec of result.data) records.push(rec.length === 1 && rec[0].trim() === "" ? [] : rec);
  // A final line break is not an extra (empty) record.
  if (records.length > 0 && records[records.length - 1].length === 0 && /[\r\n]$/.test(body)) records.pop();
  checkHeaderWidth(records);
  const malformed = new Set<number>();
  for (const e of result.errors) {
    if (typeof e.row !== "number") continue;
    if (e.code === "MissingQuotes" && unclosedQuoteRecord === null) unclosedQuoteRecord = e.row + 1;
    else if (e.code === "InvalidQuotes" && e.row < records.length) malformed.add(e.row);
  }
  const problems: Problem[] = [];
  if (unclosedQuoteRecord !== null) {
    malformed.delete(unclosedQuoteRecord - 1); // that record is the rest of the file: the unclosed quote says it
    problems.push(unclosedQuoteProblem(unclosedQuoteRecord));
  }
  if (malformed.size > 0) {
    const rows = [...malformed].sort((a, b) => a - b);
    for (const r of rows) records[r] = [];
    problems.push(...malformedQuoteProblems(input, sep, newline, rows));
  }
  // The header row and its columns, found once for both checks below (the wide records cleared by the first lie
  // under the header, so they change neither).
  const header = findHeaderRow(records);
  if (header !== null) {
    const columns = detectColumns(records[header]);
    const wide = extraFieldsProblem(records, sep, header, columns);
    if (wide !== null) problems.push(wide);
    const split = sep === "," ? splitAmountProblem(records, header, columns) : null;
    if (split !== null) problems.push(split);
  }
  return { records, separator: sep, unclosedQuoteRecord, problems };
}

/**
 * Throws TooLargeError("columns") when the header row, or a row above it (where the header is searched), has
 * more fields than an Excel sheet has columns. The header is looked for in the rows cut to that width, so the
 * search itself stays cheap; a wide row under the header is a data row, refused by extraFieldsProblem.
 */
function checkHeaderWidth(records: readonly string[][]): void {
  const head = records.slice(0, HEADER_SEARCH_ROWS);
  if (!head.some((r) => r.length > MAX_COLUMNS)) return;
  const header = findHeaderRow(head.map((r) => (r.length > MAX_COLUMNS ? r.slice(0, MAX_COLUMNS) : r)));
  const last = header ?? head.length - 1;
  for (let r = 0; r <= last; r++) if (head[r].length > MAX_COLUMNS) throw new TooLargeError("columns", MAX_COLUMNS);
}

/** Rows kept in the problem of records wider than the header (the count stays exact). */
const MAX_EXTRA_FIELD_ROWS = 10_000;

/**
 * Records under the header row with more fields than it, the extra ones not all empty: a value held the
 * separator without quotes (`1-9-2025,1234,56` under `Datum,Bedrag`), so the fields after it moved one to the
 * right and the amount read would be cut (€1,234.00). Each is refused (left empty) and named in one problem.
 * Extra fields that are empty (a line ending in one more separator than the header) are harmless, and a
 * totals line is skipped by the reader anyway. Without a header row (a code list; columns chosen by letter)
 * the width is not known: nothing is checked.
 */
function extraFieldsProblem(records: string[][], sep: CsvSeparator, header: number, columns: DetectedColumns): Problem | null {
  const width = records[header].length;
  const dateCol = columns.date ?? 0;
  const rows: number[] = [];
  let count = 0;
  let first: { width: number; text: string } | null = null;
  for (let r = header + 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length <= width || !hasFilledFieldFrom(rec, width) || hasTotalLabel(rec, dateCol)) continue;
    first ??= { width: rec.length, text: rec.join(sep === "\t" ? " " : sep) };
    if (rows.length < MAX_EXTRA_FIELD_ROWS) rows.push(r + 1);
    count++;
    records[r] = [];
  }
  if (first === null) return null;
  return {
    row: rows[0],
    severity: "error",
    code: "csv-extra-fields",
    column: null,
    value: first.text,
    message: msg.atRows(rows, count, msg.csvExtraFields(count, width, first, sep)),
    ...(count > 1 ? { rows, count } : {}),
  };
}

/** An amount field that may be the part before an unquoted comma: a whole number ("1", "19", "18000", "-2000"). */
const SPLIT_HEAD = /^-?\d+$/;
/**
 * The field after it that looks like the rest of that amount: the cents of a decimal comma ("00", "50") or a
 * thousands group with or without decimals ("234", "234.56", "500.00").
 */
const SPLIT_TAIL = /^(?:\d{2}|\d{3}(?:\.\d{1,2})?)$/;
/** Headers of a column that may hold a bare number itself: a number, quantity, code or reference. */
const NUMBER_HEADER = /nummer|number|\bnr\b|\bno\b|\bid\b|aantal|qty|quantity|stuks|count|code|referentie|reference|kenmerk/;

/**
 * Records of a `,` file (of the header's width: wider ones are refused above) whose amount was written with a
 * comma and no quotes, where the header has a column after the amount that is optional, so the field count still
 * matches: `15-03-2026,1,234.56,Factuur 1` under `Datum,Bedrag,Omschrijving,Notitie` reads €1.00. Found by an
 * amount, gross, VAT, debit or credit field that is a whole number followed by a field of digits only that looks
 * like the rest of an amount (`00`, `50`, `234.56`), in a column whose header names no role and no number,
 * quantity, code or reference (a description, a note). Each is refused (left empty) and named in one problem:
 * which amount it was is not guessed.
 */
function splitAmountProblem(records: string[][], header: number, cols: DetectedColumns): Problem | null {
  const head = records[header];
  const amountCols = [cols.amount, cols.gross, cols.vat, cols.debit, cols.credit].filter(
    (c): c is number => c !== undefined && c + 1 < head.length && headerRole(head[c + 1]) === null && !NUMBER_HEADER.test(head[c + 1].toLowerCase()),
  );
  if (amountCols.length === 0) return null;
  const dateCol = cols.date ?? 0;
  const rows: number[] = [];
  let count = 0;
  let first: { text: string; head: string; tail: string; col: number } | null = null;
  for (let r = header + 1; r < records.length; r++) {
    const rec = records[r];
    const col = amountCols.find((c) => SPLIT_HEAD.test((rec[c] ?? "").trim()) && SPLIT_TAIL.test((rec[c + 1] ?? "").trim()));
    if (col === undefined || hasTotalLabel(rec, dateCol)) continue;
    first ??= { text: rec.join(","), head: rec[col].trim(), tail: rec[col + 1].trim(), col };
    if (rows.length < MAX_EXTRA_FIELD_ROWS) rows.push(r + 1);
    count++;
    records[r] = [];
  }
  if (first === null) return null;
  const column = { header: head[first.col].trim(), letter: columnLetter(first.col) };
  return {
    row: rows[0],
    severity: "error",
    code: "csv-split-amount",
    column: null,
    value: first.text,
    message: msg.atRows(rows, count, msg.csvSplitAmount(count, column, first)),
    ...(count > 1 ? { rows, count } : {}),
  };
}

function hasFilledFieldFrom(rec: readonly string[], from: number): boolean {
  for (let c = from; c < rec.length; c++) if (rec[c].trim() !== "") return true;
  return false;
}

/**
 * The problems of records (0-based `rows`) with a quoted field not closed properly: where each starts and ends
 * in the file is found by parsing again with papaparse's step, which gives each record's end (only for such a
 * file). Lines are counted in `input`, whose line ends are the file's, one for one.
 */
function malformedQuoteProblems(input: string, sep: CsvSeparator, newline: LineEnd, rows: readonly number[]): Problem[] {
  const ends: number[] = [];
  Papa.parse<string[]>(input, { delimiter: sep, newline, skipEmptyLines: false, step: (r) => void ends.push(r.meta.cursor) });
  const named = rows.slice(0, MALFORMED_QUOTES_NAMED);
  const positions: number[] = [];
  for (const r of named) {
    const start = r === 0 ? 0 : ends[r - 1] ?? input.length;
    const end = ends[r] ?? input.length;
    // The last line of the record is the line its line end is on (not the line after it).
    const c = end > start ? input.charCodeAt(end - 1) : 0;
    positions.push(start, c === 10 || c === 13 ? end - 1 : end);
  }
  const lines = linesAt(input, positions);
  const problems: Problem[] = named.map((r, i) => ({
    row: r + 1,
    severity: "error",
    code: "csv-malformed-quote",
    column: null,
    value: null,
    message: msg.csvMalformedQuote(r + 1, lines[2 * i], lines[2 * i + 1]),
  }));
  const rest = rows.slice(MALFORMED_QUOTES_NAMED).map((r) => r + 1);
  if (rest.length > 0) {
    problems.push({ row: rest[0], severity: "error", code: "csv-malformed-quote", column: null, value: null, message: msg.atRows(rest, rest.length, msg.csvMalformedQuoteBody(rest.length)), rows: rest, count: rest.length });
  }
  return problems;
}

/**
 * The 1-based line of each position (ascending) in `text`: 1 + the line ends (CRLF, LF or CR, inside quoted
 * fields too: they are lines of the file) before it. A position on the LF of a CRLF is on the CR's line.
 */
function linesAt(text: string, positions: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let i = 0;
  for (const p of positions) {
    for (; i < p; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    }
    out.push(line);
  }
  return out;
}

/** A whole CSV text to records of text cells (see `readCsvText`). Blank lines become empty records. */
export function parseCsv(text: string, separator: CsvSeparator | null = null): string[][] {
  return readCsvText(text, separator).records;
}

/** The problem of a quoted field that opens at `record` and never closes: the rest of the file could not be read. */
export function unclosedQuoteProblem(record: number): Problem {
  return { row: record, severity: "error", code: "csv-unclosed-quote", column: null, value: null, message: msg.csvUnclosedQuote(record) };
}
