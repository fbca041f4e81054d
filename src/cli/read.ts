/**
 * Streams invoice files into rows: .xlsx with exceljs' streaming reader (one sheet row at a time, never the
 * whole workbook), .csv line by line. Cells go through the shared reading layer in blocks (TableStream), and
 * only the rows of the year to check, the year before and the recent years are kept (YearWindow).
 */
import { createReadStream, promises as fs } from "fs";
import { Transform, type Readable, type TransformCallback } from "stream";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import type { Localized } from "../i18n/types";
import type { InvoiceRow, Problem } from "../rules/types";
import type { RowsByYear } from "../rules/columns";
import { TableStream, type TableStreamOptions } from "../bulk/tableStream";
import { LIST_REFUSALS } from "../reading/headers";
import { YearWindow, errorCountIn, type ErrorCounts } from "../bulk/yearWindow";
import { decodeBytes, encodingMixedProblem, NotTextError, notTextMessage, readCsvText } from "../reading/csv";
import { XafError, XafHeaderRead, XafReader, type XafHeader, type XafInfo, type XafRow } from "../reading/xaf";
import { invoiceName } from "../i18n/xaf-messages";
import type { InputKind } from "./files";
import { MAX_ROWS, READ_LIMITS, TooLargeError, tooLargeMessage, type ReadLimits } from "../reading/limits";
import { Date1904Watch, XmlTextScan } from "../reading/zipInflate";
import { fileErrors } from "./strings";
import { DamagedXlsxError, openXlsxParts, type Part, type XlsxParts } from "./zipOrder";
import { DATE_1904_OFFSET, type Day } from "../rules/dates";
import { CellBeyondSheetError, RowBeyondSheetError, SharedStringIndexError, sheetRows } from "./sheetRows";
import { shortened } from "../i18n/messages";
import { date1904Note } from "../excel/source";

/** One sheet read: the rows kept for the summary, and the reading problems (capped). */
export interface SheetRead {
  readonly sheet: string;
  readonly rows: InvoiceRow[];
  readonly problems: Problem[];
  /** Rows read (all years), and rows or cells that could not be read (all, not only those kept). */
  readonly rowCount: number;
  readonly errorCount: number;
  /**
   * The kept rows as columns per year (a sheet or CSV file read by kor-check), for summarizeColumns; null
   * when the rows are objects, or once `rows` has made them (it empties the columns).
   */
  readonly columns?: () => RowsByYear | null;
  /** Rows or cells that could not be read and concern `years` (dated in them, or without a readable date). */
  errorCountIn(years: readonly number[]): number;
  /** A row not kept (of a year the summary does not need) names a country (SummaryOptions.countryInRowsLeftOut). */
  readonly droppedCountry?: boolean;
  /** The years with rows or dated problems, also those not kept (YearWindow.yearsRead; sheetYears.ts lendsYears). */
  readonly yearsRead?: readonly number[];
  /** How reasons name a row: an auditfile's rows are invoices ("boeking F2026-017 van 12 september 2026"). */
  readonly rowName?: (row: number) => Localized;
  /** What an auditfile says about itself (company, VAT number, fiscal year, its own totals). */
  readonly xaf?: XafInfo;
  /** Read from one or more auditfiles (combined ones carry no single `xaf`): categories come from VAT codes. */
  readonly auditfile?: true;
  /**
   * Auditfiles: for a year their header periods do not cover whole, the parts they cover (empty: none); null for a
   * year covered whole (src/reading/xaf.ts yearCoverage). A figure of such a year is not the year's turnover.
   */
  readonly yearCoverage?: (year: number) => readonly (readonly [Day, Day])[] | null;
}

export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: Localized;
  /** The reading layer's refusal of a CSV file (`no-invoice-columns`, `gross-only`), whose message is `reason`. */
  readonly problem?: Problem;
}

export interface ReadFailure {
  readonly reason: Localized;
  /** Technical detail (the library's or the system's message), for the curious and for bug reports. */
  readonly detail: string;
}

export interface ReadOptions {
  /**
   * The year to check; null = each sheet's default year (the latest not after `todayYear`, else the latest:
   * defaultDataYear). Only rows of this year and the year before are kept.
   */
  readonly year: number | null;
  /** Rows per reading block (tests use small blocks to cross block borders). */
  readonly blockRows?: number;
  /**
   * Rows of this year and later are always kept (the year of today − 3, for the data-aware next start; with
   * --in-kor-since no later than that date's year, for the crossing that ended participation).
   */
  readonly keepFrom?: number | null;
  /** The year of today: with `year` null, a row of a later year does not make older years' rows go (YearWindow). */
  readonly todayYear?: number | null;
  /** What one file may cost (default READ_LIMITS; tests pass small limits). */
  readonly limits?: Partial<ReadLimits>;
  /** Columns, header texts and own codes chosen by the user (--date-column …, --codes). */
  readonly table?: TableStreamOptions;
}

/**
 * Rows per reading block. Small, so a block's raw cell values die young: a 65,536-row block outlived the
 * young generation and was promoted, and the old generation grew with dead blocks (1,000,000-row sheet:
 * 221 MB peak before the summary with 65,536-row blocks, 135 MB with 1,024; exceljs' bare read 148 MB).
 * Grouped problems do not depend on the block size (one RowProblemGroups per sheet).
 */
export const READ_BLOCK_ROWS = 1_024;


export function failureFromError(e: unknown, kind: InputKind): ReadFailure {
  const err = e as NodeJS.ErrnoException;
  const detail = err instanceof Error ? err.message : String(e);
  if (e instanceof TooLargeError) return { reason: tooLargeMessage(e), detail };
  if (e instanceof NotTextError) return { reason: notTextMessage, detail };
  switch (err?.code) {
    case "ENOENT":
      return { reason: fileErrors.notFound, detail };
    case "EACCES":
    case "EPERM":
      return { reason: fileErrors.noPermission, detail };
    case "EBUSY":
    case "ETXTBSY":
      return { reason: fileErrors.busy, detail };
    case "KOR_FOLDER_EACCES":
      return { reason: fileErrors.noPermissionFolder, detail };
    case "KOR_FOLDER_SEEN":
      return { reason: fileErrors.symlinkLoop, detail };
    case "KOR_NAME_NOT_UTF8":
      return { reason: fileErrors.nameNotUtf8, detail };
    case "KOR_STDIN":
      return { reason: fileErrors.stdin, detail };
    case "KOR_NOT_REGULAR":
      return { reason: fileErrors.notRegular, detail };
    case "ELOOP":
      return { reason: fileErrors.linkCycle, detail };
    case "EISDIR":
      return { reason: fileErrors.isDirectoryError, detail };
    case "KOR_EMPTY":
      return { reason: fileErrors.empty, detail };
    case "KOR_NOT_XLSX":
      return { reason: fileErrors.notXlsx, detail };
    case "KOR_XAF":
    case "KOR_DAMAGED":
      return { reason: (e as { reason: Localized }).reason, detail };
    default:
      return { reason: kind === "xlsx" ? fileErrors.notXlsx : fileErrors.other(detail), detail };
  }
}

class SheetCollector {
  readonly window: YearWindow;
  readonly stream: TableStream;
  detailedRejection = false;
  constructor(readonly sheet: string, options: ReadOptions, private readonly dateSerialOffset = 0) {
    const window = new YearWindow(options.year, undefined, options.keepFrom ?? null, true, options.todayYear ?? null);
    this.window = window;
    this.stream = new TableStream(
      { rows: (rows) => window.addRows(rows), problems: (p) => window.addProblems(p) },
      options.blockRows ?? READ_BLOCK_ROWS,
      dateSerialOffset,
      options.table ?? {},
    );
  }

  finish(sheets: SheetRead[], skipped: SkippedSheet[]): void {
    this.stream.end();
    if (this.stream.state === "rejected") {
      if (this.stream.hadData) {
        // A CSV file is meant as an invoice list: say what was found and missing. A workbook's other sheets
        // (notes, customers) are simply not invoice lists.
        // A workbook's sheet of amounts including VAT only, or with a BTW column that may be rates or amounts, is an
        // invoice list too: its reason is given as well.
        const refusal = this.detailedRejection || LIST_REFUSALS.has(this.stream.rejection?.code ?? "") ? this.stream.rejection : null;
        skipped.push(refusal === null ? { sheet: this.sheet, reason: fileErrors.noHeaderRow } : { sheet: this.sheet, reason: refusal.message, problem: refusal });
      } else {
        skipped.push({ sheet: this.sheet, reason: fileErrors.empty });
      }
      return;
    }
    const w = this.window;
    sheets.push({
      sheet: this.sheet,
      // Made only when asked (a sheet whose previous year comes from another sheet): the summary reads the columns.
      get rows(): InvoiceRow[] {
        return w.rows();
      },
      columns: () => w.columns(),
      // Said once per sheet, as the pane says it with its report: the dates were read in the 1904 date system.
      problems: this.dateSerialOffset === DATE_1904_OFFSET ? [date1904Note(), ...w.problems()] : w.problems(),
      rowCount: w.rowCount,
      errorCount: w.errorCount,
      errorCountIn: (years) => w.errorCountIn(years),
      droppedCountry: w.droppedCountry,
      yearsRead: w.yearsRead(),
    });
  }
}

export interface FileRead {
  readonly sheets: SheetRead[];
  readonly skipped: SkippedSheet[];
}

/** First bytes of a zip archive; an .xlsx is one. Anything else (an old .xls, an encrypted file) fails early. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function checkReadable(file: string): Promise<Buffer> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
let workbookReaderClass: WorkbookReaderClass | null = null;

/**
 * exceljs' streaming reader, loaded on first use and on its own. The package's index also loads the workbook
 * model and both writers (about 300 more modules): a third of every pool worker's start-up, and wasted
 * start-up in kor-check's main thread, which with a pool never reads a workbook itself (issue 13). Adapter
 * boundary: lib/stream/xlsx/workbook-reader is the module the index exports as stream.xlsx.WorkbookReader
 * (exceljs 4.4 is pinned; test/cli/zipOrder.test.ts checks they are the same class).
 */
export function workbookReader(): WorkbookReaderClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  workbookReaderClass ??= require("exceljs/lib/stream/xlsx/workbook-reader") as WorkbookReaderClass;
  return workbookReaderClass;
}

/** Reads every sheet of an .xlsx workbook, streaming. Throws a ReadFailure-able error for an unreadable file. */
export async function readXlsx(file: string, options: ReadOptions): Promise<FileRead> {
  const head = await checkReadable(file);
  if (head.length === 0) throw Object.assign(new Error("empty file"), { code: "KOR_EMPTY" });
  if (!head.equals(ZIP_MAGIC)) throw Object.assign(new Error("not a zip archive"), { code: "KOR_NOT_XLSX" });

  const limits = { ...READ_LIMITS, ...options.limits };
  const sheets: SheetRead[] = [];
  const skipped: SkippedSheet[] = [];
  // The parts come from the central directory, inflated here one at a time (zipOrder.ts: no unzipper race).
  const zip = await openXlsxParts(file, limits.compressionRatio);
  const WorkbookReader = workbookReader();
  // The reader is never asked to parse its input: readSheets hands it the parts.
  const reader = new WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Without styles exceljs leaves dates as serial numbers, which the reading layer reads as Excel dates.
    styles: "ignore",
    entries: "ignore",
  });
  const sheetBytes = capInflation(reader, limits);
  readDate1904(reader);
  try {
    await readSheets(reader, zip, sheetBytes, options, sheets, skipped);
  } finally {
    await zip.close();
  }
  return { sheets, skipped };
}

/**
 * exceljs' streaming reader keeps every shared string in memory and inflates whatever the zip holds. These
 * caps make a zip bomb fail alone, with a message, instead of exhausting memory (or time) for the whole run:
 * the shared strings' inflated bytes are counted as they stream and their number as they are kept; the
 * worksheets' inflated bytes likewise. One text (a shared string, or a text in a sheet) larger than any cell
 * holds is refused while it streams, before saxes joins it into one string (XmlTextScan). The shared strings'
 * caps hook exceljs 4.4's `_parseSharedStrings` and its `sharedStrings` array (an adapter boundary: the version
 * is pinned; test/cli/hostile.test.ts fails if the hooks stop working); the sheets' caps are the returned
 * SheetBytes, through which readSheets streams every sheet.
 */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  sharedStrings?: unknown[];
}

/** A sheet part's bytes as they stream to the row reader, counted against the caps; made by capInflation. */
type SheetBytes = (iterator: AsyncIterable<Buffer | string>) => AsyncIterable<Buffer | string>;

function capInflation(reader: ExcelJS.stream.xlsx.WorkbookReader, limits: ReadLimits): SheetBytes {
  const r = reader as unknown as ReaderInternals;
  const parseShared = r._parseSharedStrings.bind(reader);
  r._parseSharedStrings = (entry) =>
    parseShared(entry.pipe(new ByteCap(limits.sharedStringsBytes, "shared-strings-bytes", new XmlTextScan(limits.sharedStringBytes, "si"))));
  // exceljs assigns a fresh array when it starts on the shared strings: count what is pushed into it.
  let kept: unknown[] | undefined;
  Object.defineProperty(r, "sharedStrings", {
    configurable: true,
    get: () => kept,
    set: (value: unknown[] | undefined) => {
      kept = value;
      if (value === undefined) return;
      const push = value.push.bind(value);
      value.push = (...items: unknown[]): number => {
        if (value.length + items.length > limits.sharedStrings) throw new TooLargeError("shared-strings", limits.sharedStrings);
        return push(...items);
      };
    },
  });
  // The sheets' bytes (all sheets together) and each text in them, counted as they stream to readSheets.
  let sheetBytes = 0;
  return async function* counted(iterator: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
    const scan = new XmlTextScan(limits.sharedStringBytes, null);
    for await (const chunk of iterator) {
      sheetBytes += chunk.length;
      if (sheetBytes > limits.sheetBytes) throw new TooLargeError("sheet-bytes", limits.sheetBytes);
      scan.feed(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      yield chunk;
    }
  };
}

/**
 * The workbook's date system, read from workbook.xml's `<workbookPr date1904="…">` ourselves: exceljs 4.4
 * takes only "1" as true, but the attribute is an xsd:boolean, so "true" (Apache POI, LibreOffice) is the
 * 1904 system too; read as 1900, every date was 4 years and a day early, without a word. The bytes pass
 * through to exceljs unchanged; the attribute found replaces exceljs' reading of it (adapter boundary: the
 * hook is on `_parseWorkbook` of exceljs 4.4, pinned; test/cli/xlsxCells.test.ts fails if it stops working).
 */
function readDate1904(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as { _parseWorkbook(entry: Readable): Promise<void>; properties?: { model?: { date1904?: boolean } } };
  const parseWorkbook = r._parseWorkbook.bind(reader);
  r._parseWorkbook = async (entry) => {
    const scan = new WorkbookPrScan();
    await parseWorkbook(entry.pipe(scan));
    if (scan.date1904 === null) return;
    const props = r.properties;
    if (props !== undefined) props.model = { ...props.model, date1904: scan.date1904 };
    else r.properties = { model: { date1904: scan.date1904 } };
  };
}

/** Passes workbook.xml through and reads its date1904 attribute (Date1904Watch, as the panel's Open file does). */
class WorkbookPrScan extends Transform {
  private readonly watch = new Date1904Watch();
  get date1904(): boolean | null {
    return this.watch.value;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.watch.feed(chunk);
    callback(null, chunk);
  }
}

/** Passes bytes through until `limit` (or a text past the scan's limit), then fails the stream with a TooLargeError. */
class ByteCap extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly what: TooLargeError["what"],
    private readonly scan: XmlTextScan,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) return callback(new TooLargeError(this.what, this.limit));
    try {
      this.scan.feed(chunk);
    } catch (e) {
      return callback(e as Error);
    }
    callback(null, chunk);
  }
}

/** exceljs' streaming reader's methods for one part each (exceljs 4.4, pinned: an adapter boundary). */
interface PartReaders {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  workbookRels?: { Id?: string; Target?: string }[];
  model?: { sheets?: { name?: string; rId?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * Feeds the workbook's parts to exceljs' reader as its own `parse()` would (relationships, workbook, shared
 * strings), but from kor-check's own unzipping (zipOrder.ts), then reads every sheet in archive order with
 * kor-check's row reader (./sheetRows.ts), named as exceljs names it, not with exceljs' `parse()`, which loses formula results'
 * types, ISO dates and inline text runs. A sheet the workbook lists whose part is not in the file is named
 * among the skipped sheets: a sheet is read, or said not to be, never silently absent.
 */
async function readSheets(reader: ExcelJS.stream.xlsx.WorkbookReader, zip: XlsxParts, sheetBytes: SheetBytes, options: ReadOptions, sheets: SheetRead[], skipped: SkippedSheet[]): Promise<void> {
  const r = reader as unknown as PartReaders;
  const byName = new Map(zip.parts.map((p) => [p.name, p]));
  const part = (name: string): Part | undefined => byName.get(name);
  const rels = part("xl/_rels/workbook.xml.rels");
  if (rels !== undefined) await r._parseRels(zip.open(rels));
  const workbook = part("xl/workbook.xml");
  if (workbook !== undefined) await r._parseWorkbook(zip.open(workbook));
  const shared = part("xl/sharedStrings.xml");
  if (shared !== undefined) for await (const _ of r._parseSharedStrings(zip.open(shared))) void _;
  const sharedStrings = (): readonly unknown[] | undefined => (reader as unknown as ReaderInternals).sharedStrings;
  const targets = new Set<string>();
  // A sheet part's name in the workbook, as exceljs' _parseWorksheet finds it (the first relationship whose target
  // is the part, then the first sheet with that relationship's id), from maps made once: exceljs searches both lists
  // for every sheet, and a 7 MB workbook of 20,000 sheets spent 9 s on it.
  // And, for the sheets the file lacks (below), each relationship's target by its id, also the first one.
  const relOfTarget = new Map<string | undefined, string | undefined>();
  const targetOf = new Map<string | undefined, string | undefined>();
  for (const rel of r.workbookRels ?? []) {
    if (!relOfTarget.has(rel.Target)) relOfTarget.set(rel.Target, rel.Id);
    if (!targetOf.has(rel.Id)) targetOf.set(rel.Id, rel.Target);
  }
  const nameOfRel = new Map<string | undefined, string | undefined>();
  for (const sheet of r.model?.sheets ?? []) if (!nameOfRel.has(sheet.rId)) nameOfRel.set(sheet.rId, sheet.name);
  for (const p of zip.parts) {
    const match = WORKSHEET_PART.exec(p.name);
    if (match === null) continue;
    const target = `worksheets/sheet${match[1]}.xml`;
    targets.add(target);
    // No such relationship or sheet: exceljs' own name for the part ("Sheet3" for sheet3.xml); a sheet without a name: ours.
    const rId = relOfTarget.get(target);
    const name = relOfTarget.has(target) && nameOfRel.has(rId) ? nameOfRel.get(rId) : `Sheet${match[1]}`;
    const collector = new SheetCollector(name ?? `Sheet${sheets.length + skipped.length + 1}`, options, r.properties?.model?.date1904 ? DATE_1904_OFFSET : 0);
    const stream = collector.stream;
    try {
      for await (const rows of sheetRows(sheetBytes(iterateStream(zip.open(p))), sharedStrings)) {
        if (stream.state === "rejected") continue; // read to the end: the part's checks (size, damage) run at its end
        for (const row of rows) stream.push(row.values, row.number);
      }
    } catch (e) {
      // "damaged .xlsx file: <what>. Open it in the program that made it and save it again as .xlsx"
      const damaged = (what: Localized): DamagedXlsxError =>
        new DamagedXlsxError({
          nl: `beschadigd .xlsx-bestand: ${what.nl}. Open het bestand in het programma dat het maakte en sla het opnieuw op als .xlsx`,
          en: `damaged .xlsx file: ${what.en}. Open it in the program that made it and save it again as .xlsx`,
        });
      const sheet = collector.sheet;
      if (e instanceof CellBeyondSheetError) {
        throw damaged({
          nl: `cel ${shortened(e.ref)} van blad ${sheet} ligt voorbij kolom XFD, de laatste kolom van een Excel-blad; Excel opent het zo niet`,
          en: `cell ${shortened(e.ref)} of sheet ${sheet} lies beyond column XFD, the last column of an Excel sheet; Excel does not open it like this`,
        });
      }
      if (e instanceof RowBeyondSheetError) {
        throw damaged({
          nl: `rij ${shortened(e.row)} van blad ${sheet} ligt voorbij rij ${MAX_ROWS.toLocaleString("nl-NL")}, de laatste rij van een Excel-blad; Excel opent het zo niet`,
          en: `row ${shortened(e.row)} of sheet ${sheet} lies beyond row ${MAX_ROWS.toLocaleString("en-GB")}, the last row of an Excel sheet; Excel does not open it like this`,
        });
      }
      if (!(e instanceof SharedStringIndexError)) throw e;
      // A text cell pointing at a shared string the file lacks: which text it meant is lost (not a number).
      throw damaged({
        nl: `cel ${e.ref} van blad ${sheet} verwijst naar tekst nummer ${e.index}, die niet in het bestand staat; Excel opent het zo niet zonder herstel`,
        en: `cell ${e.ref} of sheet ${sheet} refers to text number ${e.index}, which is not in the file; Excel does not open it like this without repair`,
      });
    }
    collector.finish(sheets, skipped);
  }
  // Sheets the workbook lists whose part the file lacks (a chart sheet's part is not a worksheet: left alone).
  // The relationships by id (targetOf, above): looked up anew for each sheet, a 0.5 MB workbook listing 40,000 sheets
  // took 11 s (and one of 5 MB over the --timeout).
  for (const sheet of r.model?.sheets ?? []) {
    const target = targetOf.get(sheet.rId)?.replace(/^\/?xl\//, "");
    if (target === undefined || !/^worksheets\//.test(target) || targets.has(target)) continue;
    skipped.push({ sheet: sheet.name ?? target, reason: fileErrors.sheetPartMissing });
  }
}

/** A part's bytes as an async iterable, errors included (Readable's own iterator). */
async function* iterateStream(stream: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield chunk as Buffer;
}

/**
 * Reads a CSV file: its encoding from the bytes (UTF-8 ± BOM, UTF-16 with BOM, else Windows-1252), its
 * separator from the header row, then papaparse's records through the same block reader as a sheet.
 */
export async function readCsv(file: string, options: ReadOptions): Promise<FileRead> {
  await checkReadable(file);
  const csvLimit = options.limits?.csvBytes ?? READ_LIMITS.csvBytes;
  if ((await fs.stat(file)).size > csvLimit) throw new TooLargeError("csv-bytes", csvLimit);
  const sheetName = path.basename(file, path.extname(file));
  const { text, mixed } = decodeBytes(await fs.readFile(file));
  const collector = new SheetCollector(sheetName, options);
  collector.detailedRejection = true;
  const csv = readCsvText(text);
  for (let i = 0; i < csv.records.length; i++) collector.stream.push(csv.records[i], i + 1);
  if (csv.problems.length > 0) collector.window.addProblems(csv.problems);
  if (mixed !== undefined) collector.window.addProblems([encodingMixedProblem(mixed)]);
  const sheets: SheetRead[] = [];
  const skipped: SkippedSheet[] = [];
  collector.finish(sheets, skipped);
  return { sheets, skipped };
}

/**
 * An auditfile read, as plain data (no functions), so a pool worker can hand it to the main thread, where
 * the auditfiles of one business are combined (src/cli/xaf.ts). xafSheetRead makes the SheetRead of it.
 */
export interface XafSheetData {
  readonly sheet: string;
  readonly rows: XafRow[];
  readonly problems: Problem[];
  readonly rowCount: number;
  readonly errorCount: number;
  readonly errors: ErrorCounts;
  readonly xaf: XafInfo;
  /** See SheetRead.droppedCountry. */
  readonly droppedCountry: boolean;
}

/**
 * Reads an auditfile (XAF) streaming: bytes → the XAF reader → only the rows of the years the summary needs
 * (YearWindow), each row keeping its invoice reference for the messages. One "sheet": the administration.
 */
export async function readXafData(file: string, options: ReadOptions): Promise<XafSheetData> {
  await checkReadable(file);
  const limits = { ...READ_LIMITS, ...options.limits };
  if ((await fs.stat(file)).size > limits.xafBytes) throw new TooLargeError("xaf-bytes", limits.xafBytes);
  const window = new YearWindow(options.year, undefined, options.keepFrom ?? null, false, options.todayYear ?? null);
  const reader = new XafReader(
    { rows: (rows) => window.addRows(rows), problems: (p) => window.addProblems(p) },
    { blockRows: options.blockRows, codes: options.table?.codes ?? null, maxTextChars: limits.xafTextChars },
  );
  let info: XafInfo;
  try {
    for await (const chunk of createReadStream(file)) reader.writeBytes(chunk as Buffer);
    info = reader.end();
  } catch (e) {
    if (e instanceof XafError) throw Object.assign(new Error(e.message), { code: "KOR_XAF", reason: e.reason });
    throw e;
  }
  const sheet = [info.companyName, info.taxRegIdent === null ? null : `(${info.taxRegIdent})`].filter((x) => x !== null).join(" ") || path.basename(file);
  return {
    sheet,
    rows: window.rows() as XafRow[],
    problems: window.problems(),
    rowCount: window.rowCount,
    errorCount: window.errorCount,
    errors: window.errorCounts(),
    xaf: info,
    droppedCountry: window.droppedCountry,
  };
}

/**
 * Whose an auditfile is and what it covers (its header and company fields), read up to its first
 * `<transactions>` and no further, so the files of one business can be put together before any is read whole.
 * Null when that much cannot be read (not an auditfile, damaged, too large, not a regular file): reading it whole
 * then says why.
 */
export async function readXafHeader(file: string, limits?: Partial<ReadLimits>): Promise<XafHeader | null> {
  const max = { ...READ_LIMITS, ...limits };
  const reader = new XafReader({ rows: () => undefined, problems: () => undefined }, { headerOnly: true, maxTextChars: max.xafTextChars });
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > max.xafBytes) return null;
    const stream = createReadStream(file);
    try {
      for await (const chunk of stream) reader.writeBytes(chunk as Buffer);
      reader.end();
    } finally {
      stream.destroy();
    }
  } catch (e) {
    if (!(e instanceof XafHeaderRead)) return null;
  }
  return reader.headerInfo();
}

/** The SheetRead of an auditfile read: rows named by their invoice ("boeking F2026-017 van 12 september 2026"). */
export function xafSheetRead(data: XafSheetData): SheetRead {
  const byRow = new Map<number, XafRow>();
  for (const r of data.rows) byRow.set(r.row, r);
  return {
    sheet: data.sheet,
    rows: data.rows,
    problems: data.problems,
    rowCount: data.rowCount,
    errorCount: data.errorCount,
    errorCountIn: (years) => errorCountIn(data.errors, years),
    droppedCountry: data.droppedCountry,
    rowName: (row) => {
      const r = byRow.get(row);
      return r === undefined ? { nl: `boeking ${row}`, en: `entry ${row}` } : invoiceName(r.ref, r.day);
    },
    xaf: data.xaf,
    auditfile: true,
  };
}

/** Reads an auditfile as one sheet (see readXafData). */
export async function readXaf(file: string, options: ReadOptions): Promise<FileRead> {
  return { sheets: [xafSheetRead(await readXafData(file, options))], skipped: [] };
}
