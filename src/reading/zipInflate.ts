/**
 * What a zip (an .xlsx) really inflates to, counted while inflating, before a reader unpacks it whole.
 *
 * A zip's headers declare each entry's inflated size, but nothing makes them true: a crafted file can declare
 * 1 KB and inflate to gigabytes. The browser's exceljs (JSZip inside) inflates every entry whole into memory
 * and compares with the declared size only at the end, after the memory is spent. So the browser first
 * streams every entry through the same inflater (JSZip, which locates the entries exactly as exceljs' copy
 * does), keeps nothing, and stops as soon as the running count passes the limit. It also watches the shared
 * strings and sheets for one text larger than any cell can hold (XmlTextScan), which a reader would otherwise join
 * into one string before counting anything. On the way it notes what exceljs' loader misreads (InflationFacts):
 * the date system, ISO date cells (with their texts), and formulas whose cached value is an empty text.
 *
 * Pure: no DOM or Office global; works in the page and in a Web Worker alike.
 */
import { MAX_ROWS, TooLargeError, type ReadLimits } from "./limits";

/** The entries holding a workbook's shared strings and its sheets (where a cell's text is). */
const SHARED_STRINGS = /(^|\/)sharedstrings\.xml$/i;
const WORKSHEET = /(^|\/)worksheets\/[^/]*\.xml$/i;

/**
 * JSZip's documented `internalStream` (a StreamHelper: chunks as they inflate, pausable), which its typings
 * leave out. An adapter boundary: jszip is pinned, and test/taskpane/hostile-file.test.ts fails if it changes.
 */
interface StreamHelper {
  on(event: "data", listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", listener: (e: Error) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}
interface StreamingEntry {
  internalStream(type: "uint8array"): StreamHelper;
}

/**
 * Streams every entry of `bytes` through the inflater with a running count of the real inflated bytes, and
 * the shared strings and sheets through XmlTextScan. Rejects with a TooLargeError ("inflated-bytes" or
 * "one-text-bytes") past a limit, having kept at most one inflated chunk; rejects with the inflater's own
 * error for a damaged zip (an entry whose real size differs from its header is damaged, too). Resolves when
 * the whole zip inflates within the limits.
 */
export async function checkRealInflation(
  bytes: Uint8Array,
  limits: Pick<ReadLimits, "browserInflatedBytes" | "sharedStringBytes" | "browserCells">,
  options: { readonly builtIn?: boolean } = {},
): Promise<InflationFacts> {
  const jszip = await import(/* webpackChunkName: "exceljs" */ "jszip");
  const JSZip = (jszip.default ?? jszip) as typeof jszip.default;
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const builtIn = options.builtIn === false ? null : builtInInflater();
  const located = builtIn === null ? null : locatedEntries(entries);
  if (builtIn !== null && located !== null) {
    try {
      return await countBuiltIn(located, builtIn, limits);
    } catch (e) {
      if (e instanceof TooLargeError) throw e;
      // Anything else (a damaged entry, a size that differs from its header): JSZip's own inflater decides,
      // so a damaged file fails exactly as it always did.
    }
  }
  let total = 0;
  const facts = new FactsWatch(limits.browserCells);
  for (const entry of entries) {
    const scan = textScan(entry.name, limits);
    const watch = facts.watchFor(entry.name);
    await new Promise<void>((resolve, reject) => {
      const stream = (entry as unknown as StreamingEntry).internalStream("uint8array");
      let stopped = false;
      const stop = (e: unknown): void => {
        if (stopped) return;
        stopped = true;
        stream.pause(); // the inflater stops after the chunk in hand: nothing more is inflated
        reject(e);
      };
      stream
        .on("data", (chunk: Uint8Array) => {
          if (stopped) return;
          total += chunk.length;
          if (total > limits.browserInflatedBytes) return stop(new TooLargeError("inflated-bytes", limits.browserInflatedBytes));
          try {
            scan?.feed(chunk);
            watch?.feed(chunk);
          } catch (e) {
            stop(e);
          }
        })
        .on("error", (e: Error) => stop(e))
        .on("end", () => {
          if (!stopped) resolve();
        })
        .resume();
    });
  }
  return facts.facts();
}

/** A sheet's `<hyperlinks>` element (Insert > Link entries), with or without a namespace prefix. */
const SHEET_LINKS = /<(?:[A-Za-z_][\w.-]*:)?hyperlinks\b(?:[^>]*\/>|[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?hyperlinks\s*>)/g;

/**
 * The workbook again with every sheet's `<hyperlinks>` left out, for a second try when exceljs' loader fails on
 * the first. A link entry whose relationship is missing (a tool that wrote the entry but not its target) made
 * exceljs stop with "Cannot read properties of undefined (reading 'Target')", and the pane called the whole file
 * damaged, while kor-check, which ignores links, read it. Links never change what a cell holds for the KOR: the
 * cells' values and formulas stay as they are. null when no sheet has links (nothing to try again with). Called
 * only after the counting pass (checkRealInflation) has accepted the file's sizes.
 */
export async function withoutSheetLinks(bytes: Uint8Array): Promise<Uint8Array | null> {
  const jszip = await import(/* webpackChunkName: "exceljs" */ "jszip");
  const JSZip = (jszip.default ?? jszip) as typeof jszip.default;
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !WORKSHEET.test(entry.name)) continue;
    const xml = await entry.async("string");
    const without = xml.replace(SHEET_LINKS, "");
    if (without === xml) continue;
    zip.file(entry.name, without);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : null;
}

/** What the counting pass saw on the way that a reader may miss. */
export interface InflationFacts {
  /**
   * The workbook's date system from workbook.xml's `<workbookPr date1904="…">`: true for "1" or "true" (an
   * xsd:boolean; exceljs takes only "1", so a file from Apache POI or LibreOffice saying "true" was read in the
   * 1900 system, every date 4 years and a day early), false for "0"/"false", null when not said.
   */
  readonly date1904: boolean | null;
  /**
   * Per sheet name, the cells of type `t="d"` (an ISO date as text: valid OOXML, written by some tools, never by
   * Excel's default save), as ref ("C2") → the text of its `<v>`, unescaped. exceljs' whole-workbook loader reads
   * one as a number (2026-04-01 as 2026, a day in 1905); the panel reads this text instead. A sheet without
   * such cells is left out.
   */
  readonly isoDates: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /**
   * A cell of type `t="d"` was seen that isoDates does not hold: a cell without a ref, a namespace-prefixed
   * cell (`<x:c … t="d">`), or a sheet part the workbook's relationships do not tie to a sheet name. exceljs
   * would give such a cell a number (a day in 1905), so the panel reports it rather than reading it.
   */
  readonly isoDatesUnplaced: boolean;
  /**
   * Per sheet name, the cells (as "C2") holding a formula whose cached value is an empty text: `t="str"` with
   * `<v></v>` or `<v/>`, as Excel saves a formula giving "". exceljs' loader drops an empty `<v>`, so such a
   * cell comes out exactly like a formula saved without a value (`<f>` alone, by a program that does not
   * calculate), which is an error; this tells the two apart. A sheet without such cells is left out.
   */
  readonly emptyTextFormulas: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Per sheet name, the number cells (no `t`, or `t="n"`) whose `<v>` is no number ("5000abc", "0x10"), as ref →
   * the text. exceljs' loader reads one with parseFloat (5000abc as 5000); the panel hands over the text, so the
   * reading layer names its row, as kor-check does (src/cli/sheetRows.ts numberCell).
   */
  readonly numberTexts: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** A text cell (`t="s"`) pointing at a shared string the file lacks ("B3 → 99999"): the file is damaged. */
  readonly missingSharedString: string | null;
  /**
   * The number of a `<row>` past Excel's last row (MAX_ROWS) as written ("2000000", "4294967296", "1e300"), the first
   * seen; null when none. exceljs lays out every row before it (row 100,000,000: 22 s and 1 GB), drops a row from
   * 4,294,967,295 on, and reads "1e300" as row 1 (over the header): the file is damaged, as kor-check says.
   */
  readonly rowBeyondSheet: string | null;
}

/** The workbook part (xl/workbook.xml), where the date system is. */
const WORKBOOK = /(^|\/)workbook\.xml$/i;
/** `<workbookPr … date1904="…"/>`, any namespace prefix: its date1904 attribute. */
const DATE_1904_ATTR = /(?:^|\s)date1904\s*=\s*(["'])([^"']*)\1/;
/** workbookPr comes near the start of workbook.xml; no more than this much of it is searched. */
const WORKBOOK_PR_SCAN_CHARS = 1 << 20;
/** What follows `<` in a workbookPr tag, any namespace prefix (sticky: tried at each `<`). */
const WORKBOOK_PR_NAME = /(?:[A-Za-z_][\w.-]*:)?workbookPr\b/y;

/**
 * The start tags in `text` that begin with `opener` ("<c", or "<" when the name may have a namespace prefix) and
 * whose name `name` (a sticky regex, tried just after the opener) matches, each handed to `onTag` as the text
 * between its name and its `>`, with where that `>` is; `onTag` returns true to stop. Each tag is looked at once
 * and the next `>` searched for once per tag, so the text is walked in linear time. Before 2 Dec 2026 the watches
 * used one regex from every `<` to its `>`, which took quadratic time on a hostile part (8 MB of `<sheet <sheet …`
 * without a `>`: 7.8 s). Returns where an unfinished tag (no `>` yet) starts, else -1.
 */
function eachStartTag(text: string, opener: string, name: RegExp, onTag: (attributes: string, close: number) => boolean | void): number {
  let close = -1;
  for (let open = text.indexOf(opener); open >= 0; open = text.indexOf(opener, open + 1)) {
    name.lastIndex = open + opener.length;
    if (!name.test(text)) continue;
    const from = name.lastIndex;
    if (close < from) close = text.indexOf(">", from);
    if (close < 0) return open;
    if (onTag(text.slice(from, close), close) === true) return -1;
    // As a regex would go on: after this tag.
    open = close;
  }
  return -1;
}

/** Reads the date1904 attribute from workbook.xml's chunks as they inflate (see InflationFacts). */
export class Date1904Watch {
  value: boolean | null = null;
  private text = "";
  private done = false;
  private readonly decoder = new TextDecoder("utf-8");

  feed(chunk: Uint8Array): void {
    if (this.done) return;
    this.text += this.decoder.decode(chunk, { stream: true });
    let attributes: string | null = null;
    eachStartTag(this.text, "<", WORKBOOK_PR_NAME, (a) => {
      attributes = a;
      return true;
    });
    if (attributes !== null) {
      this.done = true;
      const v = DATE_1904_ATTR.exec(attributes)?.[2].trim();
      this.value = v === "1" || v === "true" ? true : v === "0" || v === "false" ? false : null;
      this.text = "";
    } else if (this.text.length > WORKBOOK_PR_SCAN_CHARS) {
      this.done = true;
      this.text = "";
    }
  }
}

/**
 * A cell's type "str" (a formula's text result) up to its empty cached value: the rest of the cell tag, the
 * formula (a shared formula's `<f … />`, or `<f …>text</f>`: a formula's text has no `<`, Excel writes it
 * `&lt;`), then `<v></v>` or `<v/>`. Found from the type, the rarer part, not from every cell's `<c`.
 */
const EMPTY_TEXT_AFTER_TAG = /\s*<f\b[^>]*?(?:\/>|>[^<]*<\/f>)\s*<v\s*(?:\/>|><\/v>)/y;
/** A cell's type "str" (a formula's text result): found from the type, the rarer part, not from every cell's `<c`. */
const STR_TYPE = /\st\s*=\s*(["'])str\1/g;
/** After `<c` in a cell's start tag: `<c ` or `<c>`, not `<cols>` or `<cfRule`. */
const CELL_NAME = /\b/y;
const CELL_REF = /(?:^|\s)r\s*=\s*(["'])([^"']*)\1/;
/**
 * A cell that has not ended yet is kept for the next chunk from its `<c`, up to this much: a formula has at
 * most 8,192 characters (more with `&quot;` and such); anything longer is no formula cell.
 */
const CELL_CARRY = 1 << 17;

/**
 * Where the plain cell tag holding a match starts: its `<c`, with only attributes between it and the match (no
 * `>`). -1 when the match is in no such tag (a namespace-prefixed `<x:c …>`, or no `<c` before).
 */
class CellTagStarts {
  private nextOpen: number;
  private lastOpen = -1;
  private nextClose: number;
  private lastClose = -1;

  /**
   * For positions asked in increasing order (a global regex's matches), each `<c` and `>` of `text` is looked at
   * once. Before 2 Dec 2026 each match searched back for its `<c`: 8 MB of ` t="d"` without one took 3.3 s.
   */
  constructor(private readonly text: string) {
    this.nextOpen = text.indexOf("<c");
    this.nextClose = text.indexOf(">");
  }

  before(index: number): number {
    while (this.nextOpen >= 0 && this.nextOpen < index) {
      this.lastOpen = this.nextOpen;
      this.nextOpen = this.text.indexOf("<c", this.nextOpen + 1);
    }
    while (this.nextClose >= 0 && this.nextClose < index) {
      this.lastClose = this.nextClose;
      this.nextClose = this.text.indexOf(">", this.nextClose + 1);
    }
    const start = this.lastOpen;
    if (start < 0 || this.lastClose > start) return -1;
    // Only whitespace may follow `<c` (not `<cols`, nor a prefixed `<x:c`'s own name).
    return start + 2 === index || /\s/.test(this.text.charAt(start + 2)) ? start : -1;
  }

  /** The first `>` at or after `index`, the position last asked of `before` (-1: none). */
  nextCloseFrom(index: number): number {
    this.before(index);
    return this.nextClose;
  }
}

/** Watches a sheet's chunks for formula cells whose cached value is an empty text (see InflationFacts). */
export class EmptyTextFormulaWatch {
  /** The cells found, as "C2". */
  readonly refs = new Set<string>();
  private tail = "";
  private readonly decoder = new TextDecoder("utf-8");

  feed(chunk: Uint8Array): void {
    this.feedText(this.decoder.decode(chunk, { stream: true }));
  }

  /** The next decoded text of the sheet (one decoding serves the sheet's watches). */
  feedText(chunk: string): void {
    const text = this.tail + chunk;
    // Each `<c` and `>` looked at once (CellTagStarts): before 2 Dec 2026 a regex from every ` t="str"` to its `>`
    // took 5.9 s for 8 MB of them.
    const starts = new CellTagStarts(text);
    STR_TYPE.lastIndex = 0;
    for (let m = STR_TYPE.exec(text); m !== null; m = STR_TYPE.exec(text)) {
      // The cell tag this type is in: from its `<c` to the type, then to its `>`.
      const start = starts.before(m.index);
      if (start < 0) continue;
      const close = starts.nextCloseFrom(m.index);
      if (close < 0) break;
      EMPTY_TEXT_AFTER_TAG.lastIndex = close + 1;
      if (!EMPTY_TEXT_AFTER_TAG.test(text)) continue;
      const ref = CELL_REF.exec(text.slice(start + 2, m.index))?.[2];
      if (ref !== undefined) this.refs.add(ref.toUpperCase());
    }
    // The last cell may go on in the next chunk: keep it from its start (found again then: refs is a set).
    const last = text.lastIndexOf("<c");
    this.tail = last >= 0 && text.length - last <= CELL_CARRY ? text.slice(last) : text.slice(-8);
  }
}

/**
 * A cell of type "d" (`<c r="A2" t="d">`): in a sheet only a cell has an attribute `t` whose value can be "d"
 * (a formula's is "shared", "array" …), and a quote inside a cell's text is written `&quot;`. Found from the
 * type, the rarer part, not from every cell's `<c`.
 */
const ISO_DATE_TYPE = /\st\s*=\s*(["'])d\1/g;
/** From the end of such a cell's tag: its formula if any, then its value `<v>…</v>` (or `<v/>`). */
const ISO_DATE_VALUE = /\s*(?:<f\b[^>]*?(?:\/>|>[^<]*<\/f>)\s*)?<v\s*(?:\/>|>([^<]*)<\/v>)/y;
/**
 * An ISO date's text is at most some 35 characters; a longer one is kept trimmed (the same day, if it is a
 * date), and one still longer than this cut, with "…" (no date, as it was not: its row gets an error).
 */
const ISO_TEXT_CHARS = 64;

/**
 * Collects a sheet's cells of type `t="d"` (see InflationFacts.isoDates): each cell's ref (as "C2") and the text
 * of its `<v>`, unescaped, as the cell holds it (src/reading/isoDateCell.ts turns it into its day). A cell
 * without `<v>` is left out (exceljs gives it no value, or a formula without a result). At most `limit` cells
 * over all the watches sharing `total` (a hostile sheet of millions of them fails as too large: "cells").
 */
export class IsoDateCellWatch {
  /** The cells found: ref → text. */
  readonly cells = new Map<string, string>();
  /** A cell of type "d" was seen that could not be tied to a ref (see InflationFacts.isoDatesUnplaced). */
  unplaced = false;
  private tail = "";
  private readonly decoder = new TextDecoder("utf-8");

  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly total: { count: number } = { count: 0 },
  ) {}

  feed(chunk: Uint8Array): void {
    this.feedText(this.decoder.decode(chunk, { stream: true }));
  }

  /** The next decoded text of the sheet (one decoding serves the sheet's watches). */
  feedText(chunk: string): void {
    const text = this.tail + chunk;
    const starts = new CellTagStarts(text);
    ISO_DATE_TYPE.lastIndex = 0;
    for (let m = ISO_DATE_TYPE.exec(text); m !== null; m = ISO_DATE_TYPE.exec(text)) {
      // The cell tag this type is in: from its `<c` to the type.
      const start = starts.before(m.index);
      if (start < 0) {
        // Not inside a plain `<c …>` tag: a prefixed `<x:c … t="d">` (a cell is carried whole from its `<c`).
        this.unplaced = true;
        continue;
      }
      const tagEnd = text.indexOf(">", m.index);
      // A tag going on in the next chunk is kept from its `<c` (below); `<c … t="d"/>` has no value.
      if (tagEnd < 0 || text.charCodeAt(tagEnd - 1) === 0x2f /* / */) continue;
      const ref = CELL_REF.exec(text.slice(start + 2, tagEnd))?.[2];
      if (ref === undefined) {
        this.unplaced = true;
        continue;
      }
      ISO_DATE_VALUE.lastIndex = tagEnd + 1;
      const value = ISO_DATE_VALUE.exec(text);
      // No match: the cell has no value, or goes on in the next chunk (kept from its `<c`, found again then).
      if (value !== null) this.add(ref, xmlUnescape(value[1] ?? ""));
    }
    // The last cell may go on in the next chunk: keep it from its start.
    const last = text.lastIndexOf("<c");
    if (last >= 0 && text.length - last <= CELL_CARRY) {
      this.tail = text.slice(last);
      return;
    }
    if (last >= 0) this.tooLongToCarry(text, last);
    this.tail = text.slice(-8);
  }

  /**
   * The cell (or other `<c…` element) at `start` goes on beyond what is carried. A cell of type "d" that long is
   * no date: it is kept as its beginning and "…", so exceljs' number for it is never read. A cell tag itself that
   * long is no tag a program writes: the file is refused as damaged rather than a date cell missed.
   */
  private tooLongToCarry(text: string, start: number): void {
    if (!/^<c[\s/>]/.test(text.slice(start, start + 3))) return; // <cols>, <cfRule>, <conditionalFormatting …>
    const tagEnd = text.indexOf(">", start);
    if (tagEnd < 0) throw new Error(`a cell tag longer than ${CELL_CARRY} characters`);
    const tag = text.slice(start + 2, tagEnd);
    const type = /\st\s*=\s*(["'])d\1/.exec(tag);
    const ref = CELL_REF.exec(tag)?.[2];
    if (type === null || ref === undefined || tag.endsWith("/")) return;
    const v = /<v\s*>([^<]*)/.exec(text.slice(tagEnd + 1, tagEnd + 1 + CELL_CARRY));
    this.add(ref, `${xmlUnescape(v?.[1] ?? "").slice(0, ISO_TEXT_CHARS)}…`);
  }

  private add(ref: string, text: string): void {
    const key = ref.toUpperCase();
    if (!this.cells.has(key) && ++this.total.count > this.limit) throw new TooLargeError("cells", this.limit);
    this.cells.set(key, shortText(text));
  }
}

/** A cell's text kept short: see ISO_TEXT_CHARS. */
function shortText(text: string): string {
  if (text.length <= ISO_TEXT_CHARS) return text;
  const trimmed = text.trim();
  return trimmed.length <= ISO_TEXT_CHARS ? trimmed : `${trimmed.slice(0, ISO_TEXT_CHARS)}…`;
}

/** The workbook part and its relationships, exactly as exceljs' loader names them (it reads no other). */
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
/** A tag is kept for the next chunk from its `<` while it has not ended, up to this much. */
const TAG_CARRY = 1 << 16;

/** Collects the start tags named `tag` (any namespace prefix) from an entry's chunks, as attribute maps. */
class StartTagWatch {
  readonly tags: Record<string, string>[] = [];
  private tail = "";
  private readonly decoder = new TextDecoder("utf-8");
  private readonly pattern: RegExp;

  constructor(tag: string) {
    this.pattern = new RegExp(`(?:[A-Za-z_][\\w.-]*:)?${tag}\\s`, "y");
  }

  feed(chunk: Uint8Array): void {
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const unfinished = eachStartTag(text, "<", this.pattern, (attributes) => void this.tags.push(xmlAttributes(attributes)));
    // An unfinished tag at the end goes on in the next chunk; so may a `<` whose name is cut off.
    const open = unfinished >= 0 ? unfinished : text.lastIndexOf("<");
    this.tail = open >= 0 && text.indexOf(">", open) < 0 && text.length - open <= TAG_CARRY ? text.slice(open) : "";
  }
}

const XML_ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A start tag's attributes (`r:id="rId1" name="A &amp; B"`) by their names as written, their values unescaped. */
function xmlAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(XML_ATTRIBUTE)) out[m[1]] = xmlUnescape(m[2] ?? m[3]);
  return out;
}

const XML_ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED_ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlUnescape(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(XML_ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return NAMED_ENTITY[named];
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? "", 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A number as a cell's `<v>` holds it (src/cli/sheetRows.ts reads it the same way). */
const XML_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What follows a cell's start tag when it has a value: its formula if any, the text of its `<v>`. */
const CELL_VALUE = /\s*(<f\b[^>]*?(?:\/>|>[^<]*<\/f>)\s*)?<v>([^<]*)<\/v>/y;
const CELL_TYPE = /(?:^|\s)t\s*=\s*(["'])([^"']*)\1/;

/**
 * Watches a sheet for damaged cell values (see InflationFacts.numberTexts): number cells whose value is no
 * number, and the highest shared-string index its text cells use (checked against the shared strings' count).
 */
export class CellValueWatch {
  readonly numberTexts = new Map<string, string>();
  /** The first text cell whose index is no index ("B3 → x"), or the cell with the highest index and that index. */
  badIndex: string | null = null;
  highest: { ref: string; index: number } | null = null;
  private tail = "";

  feedText(chunk: string): void {
    const text = this.tail + chunk;
    // Cell by cell (eachStartTag), then its value. Before 2 Dec 2026 one regex searched ahead from every `<c` for its
    // `>`: 0.5 s per 64 kB of "<c <c …" without one, 16 s for an 8 MB sheet.
    eachStartTag(text, "<c", CELL_NAME, (attributes, close) => {
      CELL_VALUE.lastIndex = close + 1;
      const m = CELL_VALUE.exec(text);
      if (m === null) return;
      const ref = CELL_REF.exec(attributes)?.[2]?.toUpperCase();
      if (ref === undefined) return;
      const type = CELL_TYPE.exec(attributes)?.[2];
      const value = xmlUnescape(m[2]);
      if (type === undefined || type === "n") {
        if (!XML_NUMBER.test(value.trim())) this.numberTexts.set(ref, shortText(value));
      } else if (type === "s" && m[1] === undefined) {
        const index = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(index)) this.badIndex ??= `${ref} → ${value.trim()}`;
        else if (this.highest === null || index > this.highest.index) this.highest = { ref, index };
      }
    });
    const last = text.lastIndexOf("<c");
    this.tail = last >= 0 && text.length - last <= CELL_CARRY ? text.slice(last) : text.slice(-8);
  }
}

/** Counts the shared strings (`<si>`) of xl/sharedStrings.xml as it inflates. */
class SharedStringCount {
  count = 0;
  private tail = "";
  private readonly decoder = new TextDecoder("utf-8");
  feed(chunk: Uint8Array): void {
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    this.count += text.match(/<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/g)?.length ?? 0;
    // A tag cut at the end is counted with the next chunk: keep what follows the last "<" if it may be one.
    const open = text.lastIndexOf("<");
    this.tail = open >= 0 && text.length - open < 16 && !/^<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/.test(text.slice(open)) ? text.slice(open) : "";
  }
}

/** After `<row` in a row's start tag: `<row ` or `<row>`, not `<rows` or `<rowBreaks`. */
const ROW_NAME = /(?=[\s/>])/y;
/** A `<row …>` start tag's `r` attribute, looked for within the tag only (see RowNumberWatch). */
const ROW_NUMBER = /(?:^|\s)r\s*=\s*(["'])([^"']*)\1/;
/** A row tag going on in the next chunk is carried when no longer than this (no program writes a longer one). */
const ROW_CARRY = 4096;

/**
 * Finds a `<row>` numbered past Excel's last row (InflationFacts.rowBeyondSheet) in a sheet's text, in any
 * chunking: the first one, as written. Shared by a workbook's sheets (one is enough to refuse the file).
 */
export class RowNumberWatch {
  beyond: string | null = null;
  private tail = "";

  feedText(chunk: string): void {
    if (this.beyond !== null) return;
    const text = this.tail + chunk;
    // Tag by tag (eachStartTag), so the text is walked once.
    const unfinished = eachStartTag(text, "<row", ROW_NAME, (attributes) => {
      const r = ROW_NUMBER.exec(attributes);
      if (r === null || !(Number(r[2]) > MAX_ROWS)) return false;
      this.beyond = r[2].slice(0, 40);
      return true;
    });
    // A row tag going on in the next chunk is carried from its `<row` (a longer one is not looked at); so is a `<ro`.
    this.tail = unfinished >= 0 && text.length - unfinished <= ROW_CARRY ? text.slice(unfinished) : text.slice(-4);
  }
}

/**
 * The watches of one counting pass: each entry gets those that read it, and at the end their facts. A sheet's
 * cells are tied to its name as exceljs ties them: workbook.xml's `<sheet name r:id>`, the relationship with that
 * id, and its target under xl/ (exceljs' own rule for a target starting with "/xl/").
 */
class FactsWatch {
  private readonly date1904 = new Date1904Watch();
  private readonly sheetTags = new StartTagWatch("sheet");
  private readonly relTags = new StartTagWatch("Relationship");
  private readonly emptyTexts = new Map<string, EmptyTextFormulaWatch>();
  private readonly isoDates = new Map<string, IsoDateCellWatch>();
  private readonly cellValues = new Map<string, CellValueWatch>();
  private readonly rowNumbers = new RowNumberWatch();
  private readonly sharedStrings = new SharedStringCount();
  /** ISO date cells over all sheets, against `maxCells` (ReadLimits.browserCells). */
  private readonly isoDateTotal = { count: 0 };

  constructor(private readonly maxCells: number) {}

  watchFor(name: string): { feed(chunk: Uint8Array): void } | null {
    if (name === WORKBOOK_PART) {
      return {
        feed: (chunk) => {
          this.date1904.feed(chunk);
          this.sheetTags.feed(chunk);
        },
      };
    }
    if (WORKBOOK.test(name)) return this.date1904;
    if (name === WORKBOOK_RELS) return this.relTags;
    if (SHARED_STRINGS.test(name)) return this.sharedStrings;
    if (WORKSHEET.test(name)) {
      const emptyText = new EmptyTextFormulaWatch();
      const isoDates = new IsoDateCellWatch(this.maxCells, this.isoDateTotal);
      this.emptyTexts.set(name, emptyText);
      this.isoDates.set(name, isoDates);
      const cellValues = new CellValueWatch();
      this.cellValues.set(name, cellValues);
      const decoder = new TextDecoder("utf-8");
      return {
        feed: (chunk) => {
          const text = decoder.decode(chunk, { stream: true });
          isoDates.feedText(text);
          emptyText.feedText(text);
          cellValues.feedText(text);
          this.rowNumbers.feedText(text);
        },
      };
    }
    return null;
  }

  facts(): InflationFacts {
    const emptyTextFormulas = new Map<string, ReadonlySet<string>>();
    const isoDates = new Map<string, ReadonlyMap<string, string>>();
    const anyEmptyText = [...this.emptyTexts.values()].some((w) => w.refs.size > 0);
    const anyIsoDate = [...this.isoDates.values()].some((w) => w.cells.size > 0);
    const anyNumberText = [...this.cellValues.values()].some((w) => w.numberTexts.size > 0);
    const numberTexts = new Map<string, ReadonlyMap<string, string>>();
    let missingSharedString: string | null = null;
    for (const w of this.cellValues.values()) {
      missingSharedString ??= w.badIndex ?? (w.highest !== null && w.highest.index >= this.sharedStrings.count ? `${w.highest.ref} → ${w.highest.index}` : null);
    }
    let isoDatesUnplaced = [...this.isoDates.values()].some((w) => w.unplaced);
    const placedParts = new Set<string>();
    if (anyEmptyText || anyIsoDate || anyNumberText) {
      const targets = new Map<string, string>();
      for (const rel of this.relTags.tags) if (rel.Id !== undefined && rel.Target !== undefined) targets.set(rel.Id, rel.Target);
      for (const sheet of this.sheetTags.tags) {
        const target = sheet["r:id"] === undefined ? undefined : targets.get(sheet["r:id"]);
        if (sheet.name === undefined || target === undefined) continue;
        const part = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
        // exceljs cuts a name after 31 characters (Excel allows no more), so the panel finds the sheet by that.
        const name = sheet.name.slice(0, 31);
        const refs = this.emptyTexts.get(part)?.refs;
        if (refs !== undefined && refs.size > 0) emptyTextFormulas.set(name, refs);
        const texts = this.cellValues.get(part)?.numberTexts;
        if (texts !== undefined && texts.size > 0) numberTexts.set(name, texts);
        const cells = this.isoDates.get(part)?.cells;
        if (cells !== undefined && cells.size > 0) {
          isoDates.set(name, cells);
          placedParts.add(part);
        }
      }
    }
    // A sheet part with ISO date cells that no sheet name was tied to: exceljs' number would be read for them.
    for (const [part, watch] of this.isoDates) if (watch.cells.size > 0 && !placedParts.has(part)) isoDatesUnplaced = true;
    return { date1904: this.date1904.value, isoDates, isoDatesUnplaced, emptyTextFormulas, numberTexts, missingSharedString, rowBeyondSheet: this.rowNumbers.beyond };
  }
}

/** The one-text watch for an entry: the shared strings and the sheets hold cell texts; other entries none. */
function textScan(name: string, limits: Pick<ReadLimits, "sharedStringBytes">): XmlTextScan | null {
  return SHARED_STRINGS.test(name) ? new XmlTextScan(limits.sharedStringBytes, "si") : WORKSHEET.test(name) ? new XmlTextScan(limits.sharedStringBytes, null) : null;
}

/**
 * The inflater built into browsers and Node (Compression Streams, "deflate-raw": a zip entry's deflate data),
 * many times faster than JSZip's JavaScript one; null where it is missing or lacks raw deflate.
 */
type BuiltInInflater = () => { readonly writable: WritableStream<Uint8Array>; readonly readable: ReadableStream<Uint8Array> };

function builtInInflater(): BuiltInInflater | null {
  const Stream = (globalThis as { DecompressionStream?: new (format: string) => ReturnType<BuiltInInflater> }).DecompressionStream;
  if (typeof Stream !== "function") return null;
  try {
    new Stream("deflate-raw");
  } catch {
    return null;
  }
  return () => new Stream("deflate-raw");
}

/**
 * What JSZip found for each entry (its compressed bytes, method and declared inflated size), read from JSZip's
 * internal `_data` (the pinned jszip 3.10.2): the same entries, located exactly as exceljs' copy locates them.
 * Null when an entry does not look as expected: then the whole check runs on JSZip's own inflater.
 */
interface LocatedEntry {
  readonly name: string;
  readonly stored: boolean;
  readonly compressed: Uint8Array;
  readonly declared: number;
}
interface JSZipInternalEntry {
  readonly name: string;
  readonly _data?: { readonly compression?: { readonly magic?: unknown }; readonly compressedContent?: unknown; readonly uncompressedSize?: unknown };
}

function locatedEntries(entries: readonly { name: string }[]): LocatedEntry[] | null {
  const out: LocatedEntry[] = [];
  for (const entry of entries as readonly JSZipInternalEntry[]) {
    const data = entry._data;
    const magic = data?.compression?.magic;
    if (data === undefined || !(data.compressedContent instanceof Uint8Array) || typeof data.uncompressedSize !== "number") return null;
    if (magic !== "\x00\x00" && magic !== "\x08\x00") return null; // stored or deflated: all a zip reader here knows
    out.push({ name: entry.name, stored: magic === "\x00\x00", compressed: data.compressedContent, declared: data.uncompressedSize });
  }
  return out;
}

/** Compressed bytes handed to the built-in inflater at a time: it inflates a piece whole, so this bounds what it holds. */
const PIECE_BYTES = 16 * 1024;

/**
 * The real inflated bytes of every entry, counted with the built-in inflater while it inflates, keeping nothing:
 * rejects with a TooLargeError past a limit (the inflater stops, having held at most one piece's output), with
 * another error for a damaged entry or a real size that differs from the declared one.
 */
async function countBuiltIn(entries: readonly LocatedEntry[], inflater: BuiltInInflater, limits: Pick<ReadLimits, "browserInflatedBytes" | "sharedStringBytes" | "browserCells">): Promise<InflationFacts> {
  let total = 0;
  const facts = new FactsWatch(limits.browserCells);
  for (const entry of entries) {
    const scan = textScan(entry.name, limits);
    const watch = facts.watchFor(entry.name);
    let size = 0;
    const take = (chunk: Uint8Array): void => {
      size += chunk.length;
      total += chunk.length;
      if (total > limits.browserInflatedBytes) throw new TooLargeError("inflated-bytes", limits.browserInflatedBytes);
      scan?.feed(chunk);
      watch?.feed(chunk);
    };
    if (entry.stored) {
      for (let i = 0; i < entry.compressed.length; i += PIECE_BYTES) take(entry.compressed.subarray(i, i + PIECE_BYTES));
    } else {
      const stream = inflater();
      const writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      // One piece at a time: the next is written only when the inflater has taken the last.
      const writing = (async (): Promise<void> => {
        for (let i = 0; i < entry.compressed.length; i += PIECE_BYTES) await writer.write(entry.compressed.subarray(i, i + PIECE_BYTES));
        await writer.close();
      })();
      writing.catch(() => undefined); // its failure is the reader's too, reported there
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          take(value);
        }
        await writing;
      } catch (e) {
        await reader.cancel().catch(() => undefined);
        throw e;
      }
    }
    if (size !== entry.declared) throw new Error(`${entry.name}: inflates to ${size} bytes, its header says ${entry.declared}`);
  }
  return facts.facts();
}

/**
 * Watches inflated XML for one text larger than `limit` bytes and throws a TooLargeError("one-text-bytes")
 * as soon as one passes it: before any XML parser has joined it into a string. With `element` "si" (the
 * shared strings) a text is everything from one `<si>` or `</si>` to the next, so a shared string made of many
 * formatted runs counts whole; with null (a sheet) a text is what lies between two tags. An Excel cell holds
 * at most 32,767 characters, so a real one is at most a few MB even with formatting on every character.
 * Namespace prefixes (`</x:si>`) are allowed. Works on chunks split anywhere, even inside a tag.
 */
export class XmlTextScan {
  /** Bytes of the current text so far. */
  private run = 0;
  /** Where the scanner is: in text (or a tag's attributes), just after '<', or in a tag's name. */
  private state: "text" | "open" | "name" = "text";
  /** How much of the tag name matches "si": 0 nothing yet, 1 "s", 2 "si", 3 something else. */
  private match = 0;

  constructor(
    private readonly limit: number,
    private readonly element: "si" | null,
  ) {}

  feed(chunk: Uint8Array): void {
    if (this.element === null && chunk.length <= this.limit) {
      // A sheet: a text is what lies between two '<'. A text inside this chunk is shorter than the chunk, so
      // within the limit; only the one running in from the chunks before (up to the first '<') can pass it.
      const first = chunk.indexOf(0x3c /* < */);
      this.run += first < 0 ? chunk.length : first;
      if (this.run > this.limit) throw new TooLargeError("one-text-bytes", this.limit);
      if (first >= 0) this.run = chunk.length - chunk.lastIndexOf(0x3c /* < */) - 1;
      return;
    }
    let i = 0;
    while (i < chunk.length) {
      if (this.state === "text") {
        // Text between tags: jump to the next '<' (a native search, not a byte loop).
        const lt = chunk.indexOf(0x3c /* < */, i);
        this.run += (lt < 0 ? chunk.length : lt) - i;
        if (this.run > this.limit) throw new TooLargeError("one-text-bytes", this.limit);
        if (lt < 0) return;
        i = lt + 1;
        if (this.element === null) {
          this.run = 0; // a sheet: a text ends at any tag
        } else {
          this.run++;
          this.state = "open";
          this.match = 0;
        }
        continue;
      }
      const b = chunk[i++];
      this.run++;
      if (b === 0x3c /* < */) {
        this.state = "open";
        this.match = 0;
      } else if (this.state === "open" && b === 0x2f /* / */) {
        this.state = "name";
      } else if (b === 0x3e /* > */ || b === 0x2f /* / */ || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) {
        if (this.match === 2) this.run = 0; // <si>, </si> or <si/>: a shared string begins or ends
        this.state = "text";
      } else {
        this.state = "name";
        // A namespace prefix (x:si) starts the match again.
        this.match = b === 0x3a /* : */ ? 0 : this.match === 0 && b === 0x73 /* s */ ? 1 : this.match === 1 && b === 0x69 /* i */ ? 2 : 3;
      }
      if (this.run > this.limit) throw new TooLargeError("one-text-bytes", this.limit);
    }
  }
}
