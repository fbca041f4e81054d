/**
 * Browser mode: the bundled sample and files the user opens (.csv with our own parser, .xlsx with
 * exceljs, which is imported only here, on demand, so it is a separate chunk that Excel mode never loads).
 * Nothing is uploaded: the file is read in the page.
 */
import type { InvoiceSource } from "../../excel/source";
import { decodeBytes, encodingMixedProblem, readCsvText } from "../../reading/csv";
import type { Localized } from "../../i18n/types";
import { invoiceName } from "../../i18n/xaf-messages";
import { XafReader, coverageProblems, type XafRow } from "../../reading/xaf";
import type { Problem } from "../../rules/types";
import { DATE_1904_OFFSET, isoFromDay, todayInNetherlands } from "../../rules/dates";
import { MAX_ROWS, READ_LIMITS, TooLargeError, type ReadLimits } from "../../reading/limits";
import { declaredInflatedSize, duplicateEntryName } from "../../reading/zipSize";
import { checkRealInflation, withoutSheetLinks } from "../../reading/zipInflate";
import { isoDateCell } from "../../reading/isoDateCell";
import { SAMPLE_SHEET_NAME, sampleValues } from "./sample";
import { HEADER_SEARCH_ROWS, looksLikeInvoiceTable, WIDE_ROW_CELLS } from "../../reading/headers";

export function sampleSource(): InvoiceSource {
  return { key: "sample", name: SAMPLE_SHEET_NAME, origin: "sample", tableName: null, values: sampleValues(), rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
}

export class UnsupportedFileError extends Error {}

/**
 * An .xlsx that cannot be unpacked: not a zip, a cut-off download, or entries whose real size differs from
 * their headers. The zip library's own text ("Bug : uncompressed data size mismatch", "End of data
 * reached") means nothing to a bookkeeper; the pane says the file is damaged and what to do.
 */
export class DamagedFileError extends Error {}

/** A file of 0 bytes (a failed export): said as such, as kor-check says it, not "no header row found". */
export class EmptyFileError extends Error {}

/** Minimal shape of a File (so tests can pass one without a DOM). */
export interface FileLike {
  readonly name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The bytes as a stream (a browser File has it): auditfiles of hundreds of MB are read chunk by chunk. */
  stream?(): ReadableStream<Uint8Array>;
}

/** Header of the invoice table made from an auditfile; "Referentie" is not a column the rules read. */
const XAF_HEADER = ["Datum", "Referentie", "Bedrag excl. btw", "Categorie", "Land", "Btw-bedrag"];

/**
 * An auditfile (XAF) → an invoice table the pane reads like a sheet: one row per invoice and VAT category,
 * with the reference beside it. The file is streamed through the XAF reader; only the invoice rows are kept.
 * The reader's problems (lines without a VAT code, totals that do not match) become file problems.
 */
export async function readXafSource(file: FileLike): Promise<{ values: unknown[][]; problems: Problem[]; name: string; rowName: (row: number) => Localized }> {
  const rows: XafRow[] = [];
  const problems: Problem[] = [];
  const reader = new XafReader({
    rows: (r) => {
      for (const x of r) rows.push(x);
    },
    problems: (p) => {
      for (const x of p) problems.push(x);
    },
  });
  if (file.stream) {
    const it = file.stream().getReader();
    for (;;) {
      const { done, value } = await it.read();
      if (done) break;
      reader.writeBytes(value);
    }
  } else {
    reader.writeBytes(new Uint8Array(await file.arrayBuffer()));
  }
  const info = reader.end();
  // A year the file's header period covers only in part (a fiscal year from July), or entries outside it: said,
  // as kor-check does (docs/xaf.md); days after today are not missing.
  problems.push(...coverageProblems([info], rows, todayInNetherlands()));
  const values: unknown[][] = [XAF_HEADER];
  for (const r of rows) values.push([isoFromDay(r.day), r.ref, r.cents / 100, r.category ?? "", r.country ?? "", (r.vatCents ?? 0) / 100]);
  const name = info.companyName ?? file.name;
  // Sheet row n is values[n - 1]: row 1 is the header.
  const rowName = (row: number): Localized => {
    const r = rows[row - 2];
    return r === undefined ? { nl: `rij ${row}`, en: `row ${row}` } : invoiceName(r.ref, r.day);
  };
  return { values, problems, name, rowName };
}

/**
 * How far reading a file has come, for the pane's progress line: unpacking the workbook (one step, the
 * longest), then rows turned into values (every few thousand rows, per sheet).
 */
export type FileProgress = { readonly phase: "unpacking" } | { readonly phase: "rows"; readonly rows: number; readonly sheet: string };

/** Rows between two progress reports while a sheet's rows are read. */
export const PROGRESS_ROWS = 5000;

/**
 * A User Timing mark of a reading stage ("kor:…"), shown in the browser's performance tools and read by
 * `npm run bench:browser` to give each stage's share; a worker's marks are copied to the pane (fileWorker.ts).
 */
export function stageMark(name: string): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(`kor:${name}`);
}

export async function readFileSource(file: FileLike, limits: ReadLimits = READ_LIMITS, onProgress?: (p: FileProgress) => void): Promise<InvoiceSource> {
  stageMark("read-start");
  const lower = file.name.toLowerCase();
  let values: unknown[][];
  let sheet = "";
  const fileProblems: Problem[] = [];
  let rowName: ((row: number) => Localized) | undefined;
  if (lower.endsWith(".xaf") || lower.endsWith(".xml")) {
    const xaf = await readXafSource(file);
    values = xaf.values;
    fileProblems.push(...xaf.problems);
    rowName = xaf.rowName;
    sheet = xaf.name;
  } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    // Bytes, not file.text(): that would read UTF-16 and Windows-1252 exports as broken UTF-8.
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length === 0) throw new EmptyFileError(file.name);
    if (bytes.length > limits.csvBytes) throw new TooLargeError("csv-bytes", limits.csvBytes);
    const decoded = decodeBytes(bytes);
    const csv = readCsvText(decoded.text);
    values = csv.records;
    fileProblems.push(...csv.problems);
    if (decoded.mixed !== undefined) fileProblems.push(encodingMixedProblem(decoded.mixed));
  } else if (lower.endsWith(".xlsx")) {
    const buffer = await file.arrayBuffer();
    if (buffer.byteLength === 0) throw new EmptyFileError(file.name);
    stageMark("file-bytes");
    const read = await readXlsx(buffer, limits, onProgress);
    const source = xlsxSource(file.name, read.sheets, read.isoDatesUnplaced ? [isoDatesUnplacedProblem()] : [], read.date1904);
    stageMark("sheet-rows");
    return source;
  } else {
    throw new UnsupportedFileError(file.name);
  }
  return {
    key: `file:${file.name}${sheet === "" ? "" : `:${sheet}`}`,
    name: sheet === "" ? file.name : `${file.name} – ${sheet}`,
    origin: "file",
    tableName: null,
    values,
    rowOffset: 0,
    columnOffset: 0,
    headerRowIndex: null,
    partial: false,
    ...(fileProblems.length > 0 ? { fileProblems } : {}),
    ...(rowName !== undefined ? { rowName, headerRowIndex: 0, auditfile: true as const } : {}),
  };
}

/**
 * A workbook's sheets as sources: the first invoice list is shown; with several, each carries them all
 * (`fileSheets`), so the pane offers the others and a sheet per year is one business (as in kor-check).
 * Sheets that hold no invoice list (notes, customers) are left out, unless none holds one. `date1904`: the
 * workbook is in the 1904 date system, so every sheet's serial numbers are read in it (InvoiceSource.date1904).
 */
function xlsxSource(fileName: string, sheets: readonly { values: unknown[][]; sheet: string }[], fileProblems: readonly Problem[], date1904: boolean): InvoiceSource {
  const lists = sheets.filter((s) => looksLikeInvoiceTable(s.values.slice(0, HEADER_SEARCH_ROWS)));
  const shown = lists.length > 0 ? lists : sheets.slice(0, 1);
  const all: InvoiceSource[] = [];
  for (const s of shown) {
    all.push({
      key: `file:${fileName}:${s.sheet}`,
      name: `${fileName} – ${s.sheet}`,
      sheetName: s.sheet,
      origin: "file",
      tableName: null,
      values: s.values,
      rowOffset: 0,
      columnOffset: 0,
      headerRowIndex: null,
      partial: false,
      ...(shown.length > 1 ? { fileSheets: all } : {}),
      ...(fileProblems.length > 0 ? { fileProblems } : {}),
      ...(date1904 ? { date1904: true as const } : {}),
    });
  }
  return all[0];
}

/**
 * ISO date cells (`t="d"`) the counting pass saw but could not tie to a sheet cell (no cell reference, a
 * namespace-prefixed cell, a sheet the workbook does not name): exceljs reads such a cell as a number (2026-04-01
 * as 2026, a day in 1905), so an error, and no verdict rests on those days unsaid.
 */
function isoDatesUnplacedProblem(): Problem {
  return {
    row: null,
    severity: "error",
    code: "iso-date-cells",
    column: "date",
    value: null,
    message: {
      nl: 'Deze werkmap bewaart datums als tekst in ISO-vorm (cellen van het type "d") op een manier die het paneel niet aan een cel kan koppelen, dus die datums kan het niet lezen: open het bestand in Excel en sla het op (Excel bewaart datums als getallen), of controleer het met kor-check.',
      en: 'This workbook stores dates as ISO text (cells of type "d") in a way the panel cannot tie to a cell, so it cannot read those dates: open the file in Excel and save it (Excel stores dates as numbers), or check it with kor-check.',
    },
  };
}

/** DATE_1904_OFFSET in milliseconds: how far exceljs put a date of a 1904 workbook it read as 1900. */
const DATE_1904_SHIFT_MS = DATE_1904_OFFSET * 86_400_000;

/**
 * exceljs cell values → what Excel's range.values would give (formula results, rich text, links). `dateShiftMs`
 * moves a date (exceljs gives a date cell as a Date) by that much: a 1904 workbook exceljs read as 1900.
 * A formula cell's `value` has no result when that result is 0, FALSE or "" (exceljs copies only truthy
 * fields): readXlsx reads formula cells with formulaCellValue instead.
 */
export function plainCellValue(v: unknown, dateShiftMs = 0): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateShiftMs === 0 ? v : new Date(v.getTime() + dateShiftMs);
  if (typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if ("result" in o) return plainCellValue(o.result, dateShiftMs);
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("");
  // A cell that carries a link: its value (a Date too, moved like any other).
  if ("text" in o) return plainCellValue(o.text, dateShiftMs);
  if ("error" in o) return String(o.error);
  return "";
}

/**
 * A formula cell as Excel mode's range.values would give it: its cached result (`cell.result`, which keeps 0,
 * FALSE and ""; an error result as its text, a date result moved by `dateShiftMs`). Without a result: "" when
 * the file holds an empty cached text (`emptyTexts`, from the counting pass: exceljs drops an empty `<v>`),
 * and the day of an ISO date result (`isoDates`, as for a cell's value in readXlsx),
 * else `{ formula }`, a formula saved without a calculated value, which the reading layer reports for its
 * row (cells.ts `isFormulaWithoutResult`), as kor-check does; Excel would have calculated it.
 */
function formulaCellValue(
  cell: { readonly result: unknown; readonly formula: unknown; readonly address: string },
  emptyTexts: ReadonlySet<string> | undefined,
  isoDates: ReadonlyMap<string, string> | undefined,
  dateShiftMs: number,
): unknown {
  const result = cell.result;
  if (result !== undefined) {
    // A result of type "d": exceljs parsed its ISO text as a number; the text is its day (see readXlsx).
    const iso = isoDates?.get(cell.address);
    return iso === undefined ? plainCellValue(result, dateShiftMs) : isoDateCell(iso);
  }
  if (emptyTexts?.has(cell.address) === true) return "";
  // A shared formula's other cells give the first cell's formula moved to their own place.
  const formula = cell.formula;
  return { formula: typeof formula === "string" ? formula : "" };
}

/**
 * A cell that carries a link (an entry in the sheet's `<hyperlinks>`, Insert > Link in Excel), as Excel mode's
 * range.values would give it. exceljs' loader makes such a cell of type Hyperlink, `{ text, hyperlink }`: its value,
 * or a formula's cached result, as `text` (0, FALSE and "" kept), and a formula cell is no longer of type Formula.
 * Its model still holds the formula (`formula`, or a shared formula's `sharedFormula`: the first cell's address),
 * so a formula cell is read by formulaCellValue with `text` as its result: without one it is `{ formula }`, the
 * row's error, as kor-check gives it, not an empty cell (a category read as 21% turnover). A shared formula's
 * other cells give "" as their formula, as kor-check does (the text is only shown, never read).
 */
function hyperlinkCellValue(
  cell: { readonly model: { readonly text?: unknown; readonly formula?: unknown; readonly sharedFormula?: unknown }; readonly address: string },
  emptyTexts: ReadonlySet<string> | undefined,
  isoDates: ReadonlyMap<string, string> | undefined,
  dateShiftMs: number,
): unknown {
  const model = cell.model;
  if (typeof model.formula === "string" || typeof model.sharedFormula === "string") {
    return formulaCellValue({ result: model.text, formula: model.formula, address: cell.address }, emptyTexts, isoDates, dateShiftMs);
  }
  const iso = isoDates?.get(cell.address);
  return iso === undefined ? plainCellValue(model.text, dateShiftMs) : isoDateCell(iso);
}

/** Excel's last row as the damage messages write it ("1,048,576"). */
const LAST_ROW = MAX_ROWS.toLocaleString("en-GB");

/** A row with no filled cell: one shared array, so a far-away cell does not allocate a row per empty row. */
const EMPTY_ROW: readonly unknown[] = Object.freeze([]);

/**
 * Every visible sheet with data, in workbook order, as rows of cell values (a workbook with a sheet per
 * year is read whole, as kor-check reads it). Only filled cells are visited and each row is only as long as
 * its last filled cell: one cell at XFD1048576 costs one long row, not rows × columns. Refused with a
 * TooLargeError before unpacking when the zip declares more than the browser limit, when it really inflates
 * to more (its headers can lie: counted while inflating, keeping nothing), when one text is larger than a
 * cell can hold, and when the sheets together have more filled cells than the limit. Formula cells are read by
 * formulaCellValue (exceljs' `cell.value` loses a result of 0, FALSE or ""), and so are those that carry a link,
 * which exceljs gives as links (hyperlinkCellValue). An ISO date cell (`t="d"`), which
 * exceljs reads as parseFloat of its text (2026-04-01 as 2026, a day in 1905), is read from its text as the
 * counting pass collected it (`facts.isoDates`): the calendar day as text ("2026-04-01"), as kor-check reads
 * it (isoDateCell); text that is no such date stays as written, for the reading layer to report with its row.
 * Text is never moved by the 1904 offset (neither here nor in the reading layer): an ISO date is its day.
 */
async function readXlsx(
  buffer: ArrayBuffer,
  limits: ReadLimits,
  onProgress?: (p: FileProgress) => void,
): Promise<{ sheets: { values: unknown[][]; sheet: string }[]; date1904: boolean; isoDatesUnplaced: boolean }> {
  onProgress?.({ phase: "unpacking" });
  const inflated = declaredInflatedSize(new Uint8Array(buffer));
  if (inflated !== null && inflated > limits.browserInflatedBytes) throw new TooLargeError("inflated-bytes", limits.browserInflatedBytes);
  const damaged = (e: unknown): never => {
    throw e instanceof TooLargeError ? e : new DamagedFileError(e instanceof Error ? e.message : String(e));
  };
  // A part name twice: damaged (Excel refuses it; JSZip would silently keep the last copy).
  const twice = duplicateEntryName(new Uint8Array(buffer));
  if (twice !== null) throw new DamagedFileError(`the part ${twice} is in the zip twice`);
  const ExcelJS = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  stageMark("exceljs-imported");
  const facts = await checkRealInflation(new Uint8Array(buffer), limits).catch(damaged);
  stageMark("inflation-checked");
  // A text cell pointing at a shared string the file lacks: exceljs gave its index as a number (€99,999).
  if (facts.missingSharedString !== null) throw new DamagedFileError(`a text cell refers to a shared string the file lacks (${facts.missingSharedString})`);
  // A row past Excel's last: exceljs would lay out every row before it, drop it, or read it as row 1.
  if (facts.rowBeyondSheet !== null) throw new DamagedFileError(`row ${facts.rowBeyondSheet} lies beyond row ${LAST_ROW}, the last of an Excel sheet`);
  const Workbook = (ExcelJS.default?.Workbook ?? ExcelJS.Workbook) as typeof ExcelJS.Workbook;
  const ValueType = ExcelJS.default?.ValueType ?? ExcelJS.ValueType;
  const FORMULA = ValueType.Formula;
  const HYPERLINK = ValueType.Hyperlink;
  let wb = new Workbook();
  const loaded = await wb.xlsx.load(buffer).then(
    () => null,
    (e: unknown) => e,
  );
  if (loaded !== null) {
    // A link entry whose relationship is missing stops exceljs' loader; the links do not matter here, so the
    // workbook is tried once more without them (zipInflate.ts withoutSheetLinks). Any other failure stays damage.
    const again = await withoutSheetLinks(new Uint8Array(buffer)).catch(() => null);
    if (again === null) return damaged(loaded);
    wb = new Workbook();
    await wb.xlsx.load(again.buffer.slice(again.byteOffset, again.byteOffset + again.byteLength) as ArrayBuffer).catch(() => damaged(loaded));
  }
  stageMark("exceljs-loaded");
  // A 1904-system workbook whose workbook.xml says date1904="true" (Apache POI, LibreOffice): exceljs takes only
  // "1", so it made every date cell's Date in the 1900 system, 1,462 days early. Move them to the right day.
  // This is the one place a Date is moved: after it every Date is its calendar day. Plain numbers (an unformatted
  // serial, a formula's number result) stay as the workbook has them; the source says `date1904` and the reading
  // layer shifts the date column's numbers (src/reading/rows.ts, dateSerialOffset).
  const exceljs1904 = (wb.properties as { date1904?: unknown }).date1904 === true;
  const date1904 = facts.date1904 === true || exceljs1904;
  const dateShiftMs = facts.date1904 === true && !exceljs1904 ? DATE_1904_SHIFT_MS : 0;
  const withData = wb.worksheets.filter((w) => w.state !== "hidden" && w.actualRowCount > 0);
  const chosen = withData.length > 0 ? withData : wb.worksheets.slice(0, 1);
  if (chosen.length === 0) throw new Error("no-sheet");
  let cells = 0;
  const sheets = chosen.map((ws) => {
    const values: unknown[][] = [];
    const emptyTexts = facts.emptyTextFormulas.get(ws.name);
    const isoDates = facts.isoDates.get(ws.name);
    const numberTexts = facts.numberTexts.get(ws.name);
    let nextReport = PROGRESS_ROWS;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Past Excel's last row: damaged, as kor-check says (src/cli/sheetRows.ts RowBeyondSheetError). Before 2 Dec
      // 2026 every row before it was laid out: row 100,000,000 of a 1 kB file took 22 s and 1 GB.
      if (rowNumber > MAX_ROWS) throw new DamagedFileError(`row ${rowNumber} of sheet ${ws.name} lies beyond row ${LAST_ROW}, the last of an Excel sheet`);
      while (values.length < rowNumber - 1) values.push(EMPTY_ROW as unknown[]);
      const out: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (++cells > limits.browserCells) throw new TooLargeError("cells", limits.browserCells);
        // A far cell (a stray value in column XFD) leaves the gap before it empty rather than thousands of empty texts,
        // as kor-check's rows have it: the reading layer then looks at the cells the row has (46 s for 20,000 such rows).
        if (col - 1 - out.length > WIDE_ROW_CELLS) out.length = col - 1;
        else while (out.length < col - 1) out.push("");
        // A number cell whose value is no number ("5000abc", which exceljs read as 5000): its text, for its row's error.
        const numberText = numberTexts?.get(cell.address);
        if (numberText !== undefined) out.push(numberText);
        else if (cell.type === FORMULA) out.push(formulaCellValue(cell, emptyTexts, isoDates, dateShiftMs));
        else if (cell.type === HYPERLINK) out.push(hyperlinkCellValue(cell, emptyTexts, isoDates, dateShiftMs));
        else {
          const iso = isoDates?.get(cell.address);
          out.push(iso === undefined ? plainCellValue(cell.value, dateShiftMs) : isoDateCell(iso));
        }
      });
      values.push(out);
      if (onProgress !== undefined && rowNumber >= nextReport) {
        onProgress({ phase: "rows", rows: rowNumber, sheet: ws.name });
        nextReport = rowNumber + PROGRESS_ROWS;
      }
    });
    return { values, sheet: ws.name };
  });
  return { sheets, date1904, isoDatesUnplaced: facts.isoDatesUnplaced };
}
