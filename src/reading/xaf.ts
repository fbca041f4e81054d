/**
 * XML Auditfile Financieel (XAF 3.1, 3.2, 4.0) → invoice rows, streaming. The auditfile is the export every
 * Dutch bookkeeping package makes for the Belastingdienst; with it an accountant checks a client's KOR
 * position without an invoice list. Mapping, sources and assumptions: docs/xaf.md.
 *
 * - Streaming: text goes in as chunks (`write` / `writeBytes`), saxes parses it, and only the master data
 *   (accounts, customers, VAT codes) and the current transaction are held. Rows go out in blocks.
 * - XML safety: a DOCTYPE is refused before parsing (no DTD, so no entity expansion and no external
 *   references); saxes itself knows only the five predefined entities and character references.
 * - Turnover per transaction of a sales journal (jrnTp S; without a type, a transaction posting to a
 *   customer, or to a relation of type B whose VAT says sale): credit − debit on profit-and-loss (P) accounts,
 *   per KOR category of the lines' VAT codes, dated by the transaction date (trDt; the line's effDate when
 *   there is none). A credit note comes out negative by itself. In other journals (cash, bank, memorial, …;
 *   never purchases or opening) the P lines with an output VAT code are turnover too (outputLines).
 * - Lines on revenue accounts without a VAT code, or with a code that does not map to one category, are not
 *   counted and are reported once per code and year with counts (an error: never guessed).
 * - The file's own totals (transactions/linesCount, totalDebit, totalCredit) are checked against what was read.
 *
 * Nothing here touches a DOM global or the clock; it runs in Node and in the browser.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Localized } from "../i18n/types";
import { auditfileCategoryAdvice, invoiceName, xafFile, xafProblem } from "../i18n/xaf-messages";
import { countsForKor, parseCategory, placedCategory } from "../rules/categories";
import { hasParameterOn, parameterOn } from "../rules/parameters";
import { atRow, countryNorthernIreland, countryTreatedAs, reverseChargeAbroad } from "../i18n/messages";
import { dayFromYmd, isValidYmd, yearOf, type Day } from "../rules/dates";
import type { Cents } from "../rules/money";
import type { CategoryCode, InvoiceRow, Problem } from "../rules/types";
import { readCountry } from "./cells";
import { isNorthernIreland } from "./countries";
import { READ_LIMITS, TooLargeError } from "./limits";
import { codeKey, packageCategory } from "./packageCodes";

export type XafVersion = "3.1" | "3.2" | "4.0";

const NAMESPACES: Readonly<Record<string, XafVersion>> = {
  "http://www.auditfiles.nl/XAF/3.1": "3.1",
  "http://www.auditfiles.nl/XAF/3.2": "3.2",
  "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.1/structures/XmlauditfileXAF_4.0": "4.0",
};

/** An invoice row with the reference it was read from (invRef, else docRef, else journal + entry number). */
export interface XafRow extends InvoiceRow {
  readonly ref: string;
}

export interface XafSink {
  rows(rows: XafRow[]): void;
  problems(problems: Problem[]): void;
}

export interface XafTotals {
  readonly lines: number;
  readonly debitCents: Cents;
  readonly creditCents: Cents;
}

/** What the file says about itself and what was read. */
export interface XafInfo {
  readonly version: XafVersion;
  readonly companyName: string | null;
  readonly taxRegIdent: string | null;
  /** The company's identification (3.2 `company/companyIdent`: the KvK number, or a package's own number). */
  readonly companyIdent: string | null;
  readonly fiscalYear: string | null;
  readonly startDay: Day | null;
  readonly endDay: Day | null;
  readonly software: string | null;
  readonly transactions: number;
  readonly salesTransactions: number;
  readonly memorialSkipped: number;
  readonly openingSkipped: number;
  readonly rows: number;
  /** The file's own totals (null when absent) and what was read. */
  readonly declared: XafTotals | null;
  readonly read: XafTotals;
  /** true: totals match; false: they do not (an error problem says so); null: the file gives none. */
  readonly consistent: boolean | null;
}

/** What a file's header and company say about whose it is and what it covers: enough to group a business's files. */
export type XafHeader = Pick<XafInfo, "companyName" | "taxRegIdent" | "companyIdent" | "startDay" | "endDay">;

/** Thrown by a header-only reader (XafOptions.headerOnly) at the first `<transactions>`: the header is read. */
export class XafHeaderRead extends Error {
  constructor() {
    super("header read");
    this.name = "XafHeaderRead";
  }
}

/** A file that cannot be read at all: the reason for the user, and the technical detail. */
export class XafError extends Error {
  constructor(
    readonly reason: Localized,
    detail: string,
  ) {
    super(detail);
    this.name = "XafError";
  }
}

export interface XafOptions {
  /** Rows per block handed to the sink. */
  readonly blockRows?: number;
  /**
   * The user's own mapping of VAT codes to categories (kor-check --codes, keyed by `codeKey`), looked up by
   * vatID and by vatDesc before the built-in reading of the description and percentage.
   */
  readonly codes?: ReadonlyMap<string, CategoryCode> | null;
  /** Characters of one text (between two '<') before the file is refused (default READ_LIMITS.xafTextChars). */
  readonly maxTextChars?: number;
  /**
   * Only the header and the company's own fields (headerInfo): master data is not kept, and the reader throws
   * XafHeaderRead at the first `<transactions>` (the schemas put every header and company field before it).
   */
  readonly headerOnly?: boolean;
}

interface Vat {
  id: string;
  perc: string;
  amnt: string;
  tp: string;
}

interface Line {
  /** The line's number in its transaction (3.2 nr, 3.1 recordID), for messages. */
  nr: string;
  acc: string;
  docRef: string;
  effDate: string;
  invRef: string;
  custSupID: string;
  amnt: string;
  amntTp: string;
  debit: string;
  credit: string;
  vats: Vat[];
  /** Credit − debit, cents; null when the amount cannot be read. */
  net: Cents | null;
}

interface Tx {
  nr: string;
  trDt: string;
  lines: Line[];
}

interface Journal {
  id: string;
  tp: string;
  desc: string;
}

interface Customer {
  id: string;
  tp: string;
  country: string;
  addressCountry: string;
}

interface Agg {
  count: number;
  cents: Cents;
  day: Day | null;
  first: Localized;
  extra: Set<string>;
  make(a: Agg): Localized;
}

type Resolved = { kind: "ok"; code: CategoryCode } | { kind: "unclear" };

/** Output VAT (a sale), input VAT (a purchase), or neither said by the VAT code itself. */
type VatSide = "out" | "in" | null;

/**
 * A VAT code's description that names input VAT (voorbelasting, "te vorderen", a purchase code): its lines
 * are purchases whatever their side.
 */
const INPUT_VAT_DESC = /voorbelasting|te vorderen|inkoop|input|purchase|aftrekbaar/i;

const DEFAULT_BLOCK_ROWS = 65_536;
/** A DOCTYPE must come before the root element: the first bytes are enough to find it. */
const DOCTYPE_SCAN = 64 * 1024;
const MAX_EUROS = 9e13;
/** Problems listed one by one (unreadable entries, unclear codes or accounts); beyond this they are counted. */
const MAX_LISTED = 1_000;

const LINE_NAMES = new Set(["trLine", "line"]);

/**
 * Characters kept of one value (names, descriptions, references, codes); a longer one is cut with "…". Just
 * above the longest kept field of the schemas (companyName and vatDesc: 999), so a valid value is never cut;
 * an amount or date that is cut no longer reads (an error), never a different number.
 */
export const XAF_KEPT_CHARS = 1_000;

/** `text` cut to XAF_KEPT_CHARS characters with "…" (not inside a surrogate pair). */
function capped(text: string): string {
  if (text.length <= XAF_KEPT_CHARS) return text;
  let end = XAF_KEPT_CHARS - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Elements open at once. A real auditfile nests about 8 deep (auditfile/company/transactions/journal/
 * transaction/trLine/vat/vatAmnt); past this the file is refused, so a hostile nesting cannot make the
 * element stacks (ours and saxes') grow without bound.
 */
export const XAF_MAX_DEPTH = 64;

/** What is used of a TextDecoder (a global in Node and browsers; its type is spelled differently in each lib). */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** "2026-09-12" (an xsd:date, optionally with a time zone) → Day; null when not a real date. */
export function xafDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** An xsd:decimal amount ("1234.5", "-0.01", "+3") → cents, exactly; null when not one or beyond 2 decimals. */
export function xafCents(text: string): Cents | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
  const whole = m[2] === "" ? 0 : Number(m[2]);
  if (whole > MAX_EUROS) return null;
  const frac = m[3] ?? "";
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) return null;
  const cents = whole * 100 + Number((frac + "00").slice(0, 2));
  return m[1] === "-" && cents !== 0 ? -cents : cents;
}

/**
 * The streaming reader. Feed it bytes (`writeBytes`, which also finds the character set) or text
 * (`write`), then call `end()` for the file's information. Throws XafError for a file that cannot be read.
 */
export class XafReader {
  private readonly parser: SaxesParser;
  private readonly blockRows: number;
  private readonly codes: ReadonlyMap<string, CategoryCode> | null;
  private readonly maxTextChars: number;
  private readonly headerOnly: boolean;
  /** Characters since the last '<' seen (the text saxes is holding). */
  private run = 0;

  private readonly stack: string[] = [];
  private text = "";
  private scanned = "";
  private decoder: Decoder | null = null;
  private pendingBytes: Uint8Array | null = null;

  private version: XafVersion | null = null;
  private header = new Map<string, string>();
  private company = new Map<string, string>();
  private readonly accounts = new Map<string, string>();
  private readonly customers = new Map<string, Customer>();
  private readonly vatDescs = new Map<string, string>();
  /** VAT codes whose master data say output or input VAT (vatToPayAccID / vatToClaimAccID, or the description). */
  private readonly vatSides = new Map<string, "out" | "in">();
  private readonly resolved = new Map<string, Resolved>();
  private readonly countries = new Map<string, string | null>();
  private declared: { lines: string; debit: string; credit: string } = { lines: "", debit: "", credit: "" };

  private cust: Customer | null = null;
  private acc: { id: string; tp: string } | null = null;
  private vatCode: { id: string; desc: string; pay: string; claim: string } | null = null;
  private journal: Journal | null = null;
  private tx: Tx | null = null;
  private line: Line | null = null;
  private vat: Vat | null = null;

  private block: XafRow[] = [];
  private rowSeq = 0;
  private linesRead = 0;
  private debitRead = 0;
  private creditRead = 0;
  private transactions = 0;
  private sales = 0;
  private memorial = 0;
  private opening = 0;
  private readonly aggs = new Map<string, Agg>();
  private readonly outside = new Map<string, { type: string; count: number; cents: Cents }>();
  /** Revenue without a VAT code outside the sales journals, per year: the sum, its first day and the journals. */
  private readonly outsideYears = new Map<number, { cents: Cents; day: Day; journals: Set<string> }>();
  /** Entries of other journals counted as sales (their lines with output VAT), per journal. */
  private readonly countedOutside = new Map<string, { type: string; count: number; cents: Cents; first: Localized }>();
  /** Sales entries with cost-of-sales lines left out (costOfSales), per year. */
  private readonly costNote = new Map<number, { count: number; cents: Cents; first: Localized; day: Day }>();
  /** Countable cents of the rows given, per year (to tell whether uncounted revenue could change the verdict). */
  private readonly countableYears = new Map<number, Cents>();
  private readonly problems: Problem[] = [];
  private listed = 0;
  private unlisted = 0;

  constructor(
    private readonly sink: XafSink,
    options: XafOptions = {},
  ) {
    this.blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
    this.codes = options.codes ?? null;
    this.maxTextChars = options.maxTextChars ?? READ_LIMITS.xafTextChars;
    this.headerOnly = options.headerOnly === true;
    const p = new SaxesParser({ xmlns: false, position: true });
    p.on("doctype", () => {
      throw new XafError(xafFile.doctype, "DOCTYPE");
    });
    p.on("text", (t) => this.addText(t));
    p.on("cdata", (t) => this.addText(t));
    p.on("opentag", (tag) => this.open(tag));
    p.on("closetag", (tag) => this.close(local(tag.name)));
    this.parser = p;
  }

  /** Bytes of the file, in any chunking. The character set comes from a BOM or the XML declaration. */
  writeBytes(chunk: Uint8Array): void {
    if (this.decoder === null) {
      const pending = this.pendingBytes === null ? chunk : concat(this.pendingBytes, chunk);
      if (pending.length < 512) {
        this.pendingBytes = pending;
        return;
      }
      this.pendingBytes = null;
      this.decoder = decoderFor(pending);
      this.write(this.decode(pending, true));
      return;
    }
    this.write(this.decode(chunk, true));
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return (this.decoder as Decoder).decode(bytes, { stream });
    } catch (e) {
      throw new XafError(xafFile.encoding, e instanceof Error ? e.message : String(e));
    }
  }

  /** Keeps at most XAF_KEPT_CHARS + 1 characters of the current value (one more tells that it was cut). */
  private addText(t: string): void {
    const room = XAF_KEPT_CHARS + 1 - this.text.length;
    if (room <= 0) return;
    this.text += (this.text === "" ? t.trimStart() : t).slice(0, room);
  }

  /**
   * Refuses a text longer than maxTextChars before saxes gets it: saxes holds a text (or comment) whole until
   * its end, so one 300 MB value would take gigabytes. A text is what lies between two '<'.
   */
  private scanTexts(text: string): void {
    const limit = this.maxTextChars;
    const first = text.indexOf("<");
    this.run += first < 0 ? text.length : first;
    if (this.run > limit) throw new TooLargeError("xaf-text", limit);
    if (first < 0) return;
    let prev = first;
    if (text.length > limit) {
      // Only a chunk longer than the limit can hold a whole text past it.
      for (let next = text.indexOf("<", prev + 1); next >= 0; next = text.indexOf("<", prev + 1)) {
        if (next - prev - 1 > limit) throw new TooLargeError("xaf-text", limit);
        prev = next;
      }
    } else prev = text.lastIndexOf("<");
    this.run = text.length - prev - 1;
    if (this.run > limit) throw new TooLargeError("xaf-text", limit);
  }

  write(text: string): void {
    this.scanTexts(text);
    if (this.scanned.length < DOCTYPE_SCAN) {
      this.scanned += text.slice(0, DOCTYPE_SCAN - this.scanned.length);
      if (this.scanned.includes("<!DOCTYPE")) throw new XafError(xafFile.doctype, "DOCTYPE");
    }
    try {
      this.parser.write(text);
    } catch (e) {
      if (e instanceof XafHeaderRead) throw e;
      throw this.wrap(e);
    }
  }

  private wrap(e: unknown): XafError {
    if (e instanceof XafError) return e;
    const detail = e instanceof Error ? e.message : String(e);
    // saxes writes "4:57: undefined entity." (with a file name before it when it has one): the line from there.
    const at = /^(?:.*?:)?(\d+):(\d+): ([\s\S]*)$/.exec(detail);
    return new XafError(xafFile.notXml(at === null ? detail : at[3], at === null ? this.parser.line : Number(at[1])), detail);
  }

  /** Ends the input: flushes the last rows and problems and returns what the file says and what was read. */
  end(): XafInfo {
    if (this.decoder === null && this.pendingBytes !== null) {
      const pending = this.pendingBytes;
      this.pendingBytes = null;
      this.decoder = decoderFor(pending);
      this.write(this.decode(pending, true));
    }
    if (this.decoder !== null) this.write(this.decode(new Uint8Array(0), false));
    if (this.version === null) {
      if (this.scanned.trim() === "") throw new XafError(xafFile.emptyXml, "empty file");
      throw new XafError(xafFile.truncated(this.parser.line), "no root element");
    }
    if (this.stack.length > 0) throw new XafError(xafFile.truncated(this.parser.line), `unclosed <${this.stack[this.stack.length - 1]}>`);
    try {
      this.parser.close();
    } catch (e) {
      throw this.wrap(e);
    }
    this.flush();
    const info = this.finish();
    this.sink.problems(this.problems);
    return info;
  }

  private open(tag: SaxesTagPlain): void {
    const name = local(tag.name);
    const depth = this.stack.length;
    if (depth >= XAF_MAX_DEPTH) throw new XafError(xafFile.tooDeep(XAF_MAX_DEPTH, this.parser.line), `nested deeper than ${XAF_MAX_DEPTH}`);
    this.text = "";
    if (depth === 0) this.root(tag, name);
    const parent = depth > 0 ? this.stack[depth - 1] : "";
    this.stack.push(name);
    if (this.headerOnly) {
      if (name === "transactions") throw new XafHeaderRead();
      return;
    }
    switch (name) {
      case "customerSupplier":
        if (parent === "customersSuppliers") this.cust = { id: "", tp: "", country: "", addressCountry: "" };
        break;
      case "ledgerAccount":
        if (parent === "generalLedger") this.acc = { id: "", tp: "" };
        break;
      case "vatCode":
        if (parent === "vatCodes") this.vatCode = { id: "", desc: "", pay: "", claim: "" };
        break;
      case "journal":
        if (parent === "transactions") this.journal = { id: "", tp: "", desc: "" };
        break;
      case "transaction":
        if (parent === "journal" && this.journal !== null) this.tx = { nr: "", trDt: "", lines: [] };
        break;
      case "vat":
        if (this.line !== null && LINE_NAMES.has(parent)) this.vat = { id: "", perc: "", amnt: "", tp: "" };
        break;
      default:
        if (LINE_NAMES.has(name) && parent === "transaction" && this.tx !== null) {
          this.line = { nr: "", acc: "", docRef: "", effDate: "", invRef: "", custSupID: "", amnt: "", amntTp: "", debit: "", credit: "", vats: [], net: null };
        }
    }
  }

  private root(tag: SaxesTagPlain, name: string): void {
    if (name !== "auditfile") throw new XafError(xafFile.notAuditfile(name), `root <${tag.name}>`);
    const prefix = tag.name.includes(":") ? tag.name.slice(0, tag.name.indexOf(":")) : "";
    const ns = String(tag.attributes[prefix === "" ? "xmlns" : `xmlns:${prefix}`] ?? "");
    const version = NAMESPACES[ns];
    if (version === undefined) throw new XafError(xafFile.unknownVersion(ns), `namespace ${ns}`);
    this.version = version;
  }

  private close(name: string): void {
    this.stack.pop();
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : "";
    const value = capped(this.text.trim());
    this.text = "";

    if (this.vat !== null) {
      if (parent === "vat") {
        if (name === "vatID" || name === "vatCode") this.vat.id = value;
        else if (name === "vatPerc" || name === "vatPercentage") this.vat.perc = value;
        else if (name === "vatAmnt" || name === "vatAmount") this.vat.amnt = value;
        else if (name === "vatAmntTp") this.vat.tp = value;
        return;
      }
      if (name === "vat") {
        this.line?.vats.push(this.vat);
        this.vat = null;
        return;
      }
    }
    if (this.line !== null) {
      if (LINE_NAMES.has(parent)) {
        this.lineField(this.line, name, value);
        return;
      }
      if (LINE_NAMES.has(name)) {
        this.finishLine(this.line);
        this.line = null;
        return;
      }
    }
    if (this.tx !== null) {
      if (parent === "transaction") {
        if (name === "nr" || name === "transactionID") this.tx.nr = value;
        else if (name === "trDt" || name === "transactionDate") this.tx.trDt = value;
        return;
      }
      if (name === "transaction") {
        this.finishTransaction(this.tx);
        this.tx = null;
        return;
      }
    }
    if (this.journal !== null) {
      if (parent === "journal") {
        if (name === "jrnID" || name === "journalID") this.journal.id = value;
        else if (name === "jrnTp") this.journal.tp = value.toUpperCase();
        else if (name === "desc" || name === "description") this.journal.desc = value;
        return;
      }
      if (name === "journal") {
        this.journal = null;
        return;
      }
    }
    if (parent === "transactions") {
      if (name === "linesCount" || name === "numberEntries") this.declared.lines = value;
      else if (name === "totalDebit") this.declared.debit = value;
      else if (name === "totalCredit") this.declared.credit = value;
      return;
    }
    if (this.cust !== null) {
      if (parent === "customerSupplier") {
        if (name === "custSupID") this.cust.id = value;
        else if (name === "custSupTp") this.cust.tp = value.toUpperCase();
        else if (name === "taxRegistrationCountry") this.cust.country = value;
      } else if (name === "country" && (parent === "streetAddress" || parent === "postalAddress")) {
        // The street address comes first in the schema; the first country given is kept.
        if (this.cust.addressCountry === "") this.cust.addressCountry = value;
      } else if (name === "customerSupplier") {
        if (this.cust.id !== "") this.customers.set(this.cust.id, this.cust);
        this.cust = null;
      }
      return;
    }
    if (this.acc !== null) {
      if (parent === "ledgerAccount") {
        if (name === "accID" || name === "accountID") this.acc.id = value;
        else if (name === "accTp" || name === "accountType") this.acc.tp = value.toUpperCase();
      } else if (name === "ledgerAccount") {
        if (this.acc.id !== "") this.accounts.set(this.acc.id, this.acc.tp);
        this.acc = null;
      }
      return;
    }
    if (this.vatCode !== null) {
      if (parent === "vatCode") {
        if (name === "vatID" || name === "vatCode") this.vatCode.id = value;
        else if (name === "vatDesc" || name === "description" || name === "vatDescription") this.vatCode.desc = value;
        else if (name === "vatToPayAccID") this.vatCode.pay = value;
        else if (name === "vatToClaimAccID") this.vatCode.claim = value;
      } else if (name === "vatCode") {
        const vc = this.vatCode;
        if (vc.id !== "") {
          this.vatDescs.set(vc.id, vc.desc);
          // XAF 3.2 vatCode: vatToPayAccID (VAT owed: output) and vatToClaimAccID (VAT to claim: input). A code
          // with both (reverse charge, intra-EU acquisitions, or one code for both sides) says neither.
          const side: VatSide = vc.pay !== "" && vc.claim === "" ? "out" : vc.claim !== "" && vc.pay === "" ? "in" : INPUT_VAT_DESC.test(vc.desc) ? "in" : null;
          if (side !== null) this.vatSides.set(vc.id, side);
        }
        this.vatCode = null;
      }
      return;
    }
    if (parent === "header") {
      if (this.header.size < 50) this.header.set(name, value);
      return;
    }
    if (parent === "company") {
      if (this.company.size < 50) this.company.set(name, value);
      return;
    }
    if (name === "header") {
      const cur = this.header.get("curCode") ?? this.header.get("currencyCode") ?? "";
      if (cur !== "" && cur.toUpperCase() !== "EUR") throw new XafError(xafFile.currency(cur), `currency ${cur}`);
    }
  }

  private lineField(l: Line, name: string, value: string): void {
    switch (name) {
      case "nr":
      case "recordID":
        l.nr = value;
        break;
      case "accID":
      case "accountID":
        l.acc = value;
        break;
      case "docRef":
        l.docRef = value;
        break;
      case "effDate":
      case "effectiveDate":
        l.effDate = value;
        break;
      case "invRef":
        l.invRef = value;
        break;
      case "custSupID":
        l.custSupID = value;
        break;
      case "amnt":
        l.amnt = value;
        break;
      case "amntTp":
        l.amntTp = value.toUpperCase();
        break;
      case "debitAmount":
        l.debit = value;
        break;
      case "creditAmount":
        l.credit = value;
        break;
      default:
        break;
    }
  }

  private finishLine(l: Line): void {
    this.linesRead++;
    let debit: Cents | null = 0;
    let credit: Cents | null = 0;
    if (l.amnt !== "") {
      const a = xafCents(l.amnt);
      if (a === null || (l.amntTp !== "D" && l.amntTp !== "C")) {
        debit = null;
      } else if (l.amntTp === "D") debit = a;
      else credit = a;
    } else if (l.debit !== "" || l.credit !== "") {
      debit = l.debit === "" ? 0 : xafCents(l.debit);
      credit = l.credit === "" ? 0 : xafCents(l.credit);
    } else {
      // No amount at all (3.2 requires amnt, 3.1 debitAmount and creditAmount): unreadable, never €0.
      debit = null;
    }
    if (debit === null || credit === null) {
      l.net = null;
    } else {
      this.debitRead += debit;
      this.creditRead += credit;
      l.net = credit - debit;
    }
    (this.tx as Tx).lines.push(l);
  }

  private txRef(tx: Tx): string {
    for (const l of tx.lines) if (l.invRef !== "") return l.invRef;
    for (const l of tx.lines) if (l.docRef !== "") return l.docRef;
    return `${this.journal?.id ?? ""} ${tx.nr}`.trim();
  }

  private finishTransaction(tx: Tx): void {
    this.transactions++;
    if (this.accounts.size === 0) throw new XafError(xafFile.noLedger, "no generalLedger before transactions");
    const j = this.journal as Journal;
    const tp = j.tp;
    if (tp === "O") {
      this.opening++;
      return;
    }
    if (tp === "S") {
      this.sales++;
      this.salesTransaction(tx, null);
      return;
    }
    const relation = tx.lines.find((l) => l.custSupID !== "");
    const kind = relation === undefined ? null : this.customers.get(relation.custSupID)?.tp ?? "";
    if (tp === "") {
      // No journal type: an entry that posts to a customer (custSupTp C) is a sale; one posting to a relation that
      // is customer and supplier both (B) is a sale or a purchase as its VAT says (entrySide); otherwise refused.
      const side = kind === "C" ? "out" : kind === "B" ? this.entrySide(tx) : null;
      if (side === "out") {
        this.sales++;
        this.salesTransaction(tx, null);
        return;
      }
      if ((kind === "B" && side === null) || (kind === "" && tx.lines.some((l) => this.accounts.get(l.acc) === "P"))) {
        const day = this.txDay(tx);
        this.aggregate(`journal|${j.id}`, day, 0, () => invoiceName(this.txRef(tx), day), null, (a) => xafProblem.unclearJournal(j.id, a.count, a.first));
        return;
      }
      if (kind === "B") return; // a purchase (input VAT)
    }
    if (tp === "P" || kind === "S") {
      // Purchases: never turnover, whatever VAT code their lines carry (a purchase credit note credits costs).
      let net = 0;
      for (const l of tx.lines) if (l.net !== null && this.accounts.get(l.acc) === "P") net += l.net;
      if (net > 0) this.outsideSum(j, tp, net, null);
      return;
    }
    // Cash, bank, memorial, general and untyped journals: the lines on P accounts with an output VAT code are
    // turnover, as in a sales journal (cash sales in the cash book, an invoice booked in the memorial).
    const counted = this.outputLines(tx);
    if (counted.size > 0) {
      this.sales++;
      const day = this.txDay(tx);
      const cents = this.salesTransaction(tx, counted);
      const c = this.countedOutside.get(j.id) ?? { type: tp, count: 0, cents: 0, first: invoiceName(this.txRef(tx), day) };
      c.count++;
      c.cents += cents;
      this.countedOutside.set(j.id, c);
    } else if (tp === "M") this.memorial++;
    // Revenue without a VAT code here is not counted (interest, a correction, or sales booked without a code).
    let net = 0;
    for (const l of tx.lines) if (l.net !== null && l.vats.length === 0 && this.accounts.get(l.acc) === "P") net += l.net;
    if (net > 0) this.outsideSum(j, tp, net, this.txDay(tx));
  }

  /** Adds revenue not counted to its journal's warning and, when dated (not a purchase), to its year's sum. */
  private outsideSum(j: Journal, tp: string, net: Cents, day: Day | null): void {
    const o = this.outside.get(j.id) ?? { type: tp, count: 0, cents: 0 };
    o.count++;
    o.cents += net;
    this.outside.set(j.id, o);
    if (day === null) return;
    const y = this.outsideYears.get(yearOf(day)) ?? { cents: 0, day, journals: new Set<string>() };
    y.cents += net;
    if (y.journals.size < 6) y.journals.add(j.id);
    this.outsideYears.set(yearOf(day), y);
  }

  /**
   * Cost-of-sales lines in a sales entry (perpetual inventory: cost of sales debited, stock credited with the
   * same amount): a line on a P account debited with no VAT amount (no VAT code, or one with €0 VAT) for which
   * the entry holds a line on a B account credited with exactly that amount, without a relation or VAT code,
   * in an entry that also credits revenue under a VAT code. They are not turnover; null when there are none.
   * Leaving such a line out can only raise the turnover counted (never a revenue reduction counted twice).
   */
  private costOfSales(tx: Tx): Set<Line> | null {
    let sale = false;
    const debits: Line[] = [];
    const stock: Line[] = [];
    for (const l of tx.lines) {
      const type = this.accounts.get(l.acc);
      if (l.net === null) return null;
      if (type === "P" && l.net > 0 && l.vats.length > 0) sale = true;
      else if (type === "P" && l.net < 0 && l.vats.every((v) => xafCents(v.amnt) === 0)) debits.push(l);
      else if (type === "B" && l.net > 0 && l.custSupID === "" && l.vats.length === 0) stock.push(l);
    }
    if (!sale || debits.length === 0 || stock.length === 0) return null;
    const out = new Set<Line>();
    for (const d of debits) {
      const i = stock.findIndex((b) => b.net === -(d.net as Cents));
      if (i < 0) continue;
      stock.splice(i, 1);
      out.add(d);
    }
    return out.size === 0 ? null : out;
  }

  /** What a line's VAT codes say by themselves: input when one is input, output when all are, else null. */
  private lineSide(l: Line): VatSide {
    let out = true;
    for (const v of l.vats) {
      const side = this.vatSides.get(v.id);
      if (side === "in") return "in";
      if (side !== "out") out = false;
    }
    return out && l.vats.length > 0 ? "out" : null;
  }

  /**
   * Sale or purchase, for an entry posting to a relation that is both (custSupTp B) in a journal without a type:
   * the VAT codes' own side (vatToPayAccID / vatToClaimAccID, or a description naming input VAT) when they say
   * one; else the side of the revenue or cost lines that carry a VAT code: credited on balance (output VAT
   * credited) is a sale. null (refused) when the codes disagree, no line carries a VAT code, or the lines are
   * debited on balance under codes that do not say their side (a credit note, or a purchase: never guessed).
   */
  private entrySide(tx: Tx): VatSide {
    let strongOut = false;
    let strongIn = false;
    let weak = 0;
    let coded = false;
    for (const l of tx.lines) {
      if (this.accounts.get(l.acc) !== "P" || l.vats.length === 0) continue;
      coded = true;
      const side = this.lineSide(l);
      if (side === "out") strongOut = true;
      else if (side === "in") strongIn = true;
      else if (l.net === null) return null;
      else weak += l.net;
    }
    if (strongOut !== strongIn) return strongOut ? "out" : "in";
    if (strongOut || !coded) return null;
    // Debited on balance under codes that do not say their side: a credit note or a purchase, never told apart.
    return weak >= 0 ? "out" : null;
  }

  /**
   * The lines of an entry outside the sales journals that are turnover: on P accounts with an output VAT code.
   * A code whose master data say output counts always, one that says input never. A code that says neither
   * (one code for both sides, as small packages have) counts when the entry's lines with such codes are credited
   * on balance (a cash sale) or net to zero (a memorial moving revenue from 21% to 9%); debited on balance they
   * are a purchase (a cash purchase). A line whose amount cannot be read is kept, so its error is given.
   */
  private outputLines(tx: Tx): Set<Line> {
    const out = new Set<Line>();
    const unknown: Line[] = [];
    let net = 0;
    let unreadable = false;
    for (const l of tx.lines) {
      if (l.vats.length === 0 || this.accounts.get(l.acc) !== "P") continue;
      const side = this.lineSide(l);
      if (side === "out") out.add(l);
      else if (side === null) {
        unknown.push(l);
        if (l.net === null) unreadable = true;
        else net += l.net;
      }
    }
    if (unknown.length > 0 && (unreadable || net >= 0)) for (const l of unknown) out.add(l);
    return out;
  }

  private txDay(tx: Tx): Day | null {
    if (tx.trDt !== "") return xafDay(tx.trDt);
    for (const l of tx.lines) if (l.effDate !== "") return xafDay(l.effDate);
    return null;
  }

  /**
   * One sales entry → rows per category; `only`: the lines counted (an entry outside the sales journals), all
   * when null. Returns the cents counted.
   */
  private salesTransaction(tx: Tx, only: ReadonlySet<Line> | null): Cents {
    const ref = this.txRef(tx);
    const day = this.txDay(tx);
    if (day === null) {
      const raw = tx.trDt !== "" ? tx.trDt : tx.lines.find((l) => l.effDate !== "")?.effDate ?? "";
      this.badEntry(() => this.problem(null, xafProblem.badValue(tx.trDt !== "" ? "trDt" : "effDate", raw, invoiceName(ref, null))));
      return 0;
    }
    // Named only when a problem needs it: building the name for every invoice would cost more than reading it.
    const where = (): Localized => invoiceName(ref, day);
    let country: string | null = null;
    const relation = tx.lines.find((l) => l.custSupID !== "");
    if (relation !== undefined) country = this.countryOf(relation.custSupID, day, where);
    const perCategory = new Map<CategoryCode, { cents: Cents; vat: Cents }>();
    const cost = only === null ? this.costOfSales(tx) : null;
    if (cost !== null) {
      const c = this.costNote.get(yearOf(day)) ?? { count: 0, cents: 0, first: where(), day };
      c.count++;
      for (const l of cost) c.cents -= l.net ?? 0;
      this.costNote.set(yearOf(day), c);
    }
    for (const l of tx.lines) {
      if (only !== null && !only.has(l)) continue;
      if (cost !== null && cost.has(l)) continue;
      const type = this.accounts.get(l.acc);
      if (type === "B") continue;
      if (l.net === null) {
        const missing = l.amnt === "" && l.debit === "" && l.credit === "";
        this.badEntry(() =>
          this.problem(day, missing ? xafProblem.noAmount(l.nr, where()) : xafProblem.badValue("amnt", l.amnt !== "" ? l.amnt : `${l.debit}/${l.credit}`, where())),
        );
        return 0;
      }
      if (type === undefined) {
        this.aggregate(`account|${l.acc}`, day, l.net, where, null, (a) => xafProblem.unknownAccount(l.acc, a.count, a.first));
        continue;
      }
      if (type !== "P") {
        this.aggregate(`mixed|${l.acc}`, day, l.net, where, null, (a) => xafProblem.mixedAccount(l.acc, a.count, a.cents, a.first));
        continue;
      }
      if (l.vats.length === 0) {
        this.aggregate("novat", day, l.net, where, l.acc, (a) => xafProblem.noVat(a.count, a.cents, [...a.extra].slice(0, 5).join(", "), a.first));
        continue;
      }
      let code: CategoryCode | null = null;
      let unclear: Vat | null = null;
      for (const v of l.vats) {
        const r = this.resolve(v);
        if (r.kind !== "ok" || (code !== null && code !== r.code)) {
          unclear = v;
          break;
        }
        code = r.code;
      }
      if (unclear !== null || code === null) {
        const v = unclear ?? l.vats[0];
        const desc = this.vatDescs.get(v.id);
        const label = desc !== undefined && desc !== "" ? `${v.id}: ${desc}` : v.id;
        const perc = v.perc === "" ? "?" : `${v.perc.replace(/\.?0+$/, "")}%`;
        this.aggregate(`vat|${v.id}|${v.perc}`, day, l.net, where, null, (a) => xafProblem.unknownVat(label, perc, a.count, a.cents, a.first));
        continue;
      }
      let vat = 0;
      for (const v of l.vats) {
        const c = xafCents(v.amnt);
        if (c !== null) vat += v.tp === "D" ? -c : c;
      }
      const sum = perCategory.get(code) ?? { cents: 0, vat: 0 };
      sum.cents += l.net;
      sum.vat += vat;
      perCategory.set(code, sum);
    }
    let total = 0;
    for (const [code, sum] of perCategory) {
      if (sum.cents === 0) continue;
      total += sum.cents;
      // kor-rules.md section 3: `verlegd` to a customer in another member state is `buitenland` of that state
      // (said once per year and country).
      const category = placedCategory(code, country, yearOf(day));
      if (category !== code && country !== null && !this.placedNoted.has(`${yearOf(day)}|${country}`)) {
        this.placedNoted.add(`${yearOf(day)}|${country}`);
        this.problems.push(this.problem(day, atRow(null, reverseChargeAbroad(country)), "warning", "reverse-charge-abroad"));
      }
      this.block.push({ row: ++this.rowSeq, day, cents: sum.cents, category, country, vatCents: sum.vat, ref });
      if (countsForKor(category)) this.countableYears.set(yearOf(day), (this.countableYears.get(yearOf(day)) ?? 0) + sum.cents);
      if (this.block.length >= this.blockRows) this.flush();
    }
    return total;
  }

  private resolve(v: Vat): Resolved {
    const key = `${v.id}\u0000${v.perc}`;
    const hit = this.resolved.get(key);
    if (hit !== undefined) return hit;
    const r = this.resolveUncached(v);
    if (this.resolved.size < 10_000) this.resolved.set(key, r);
    return r;
  }

  private resolveUncached(v: Vat): Resolved {
    const desc = this.vatDescs.get(v.id) ?? "";
    if (this.codes !== null) {
      const own = this.codes.get(codeKey(v.id)) ?? (desc === "" ? undefined : this.codes.get(codeKey(desc)));
      if (own !== undefined) return { kind: "ok", code: own };
    }
    const rate = v.perc === "" ? null : parseCategory(v.perc);
    const rateCode = rate !== null && rate.kind === "ok" ? rate.code : null;
    const text = desc !== "" ? desc : v.id;
    const named = text === "" ? null : parseCategory(text);
    if (named !== null && named.kind === "ok" && named.code !== null) {
      const c = named.code;
      const isRate = c === "21" || c === "9" || c === "0";
      // A description that is itself a rate must agree with the percentage booked.
      if (isRate && v.perc !== "" && rateCode !== c) return { kind: "unclear" };
      return { kind: "ok", code: c };
    }
    // The packages' own VAT codes (e-Boekhouden's BI_EU_VERK, …), by code and by description.
    for (const raw of [v.id, desc]) {
      if (raw === "") continue;
      const pkg = packageCategory(raw);
      if (pkg === "ambiguous" || pkg === "ambiguous-eu-supply") return { kind: "unclear" };
      if (pkg !== undefined) return { kind: "ok", code: pkg };
    }
    // 21% and 9% are Dutch taxed supplies, which count whatever the code is called. 0% can be export,
    // intra-community, reverse charge or taxed abroad, which count differently: never guessed.
    if (rateCode === "21" || rateCode === "9") return { kind: "ok", code: rateCode };
    return { kind: "unclear" };
  }

  /** Customers told that Northern Ireland is no country here (countryOf); at most MAX_LISTED. */
  private niNoted = 0;

  /** "year|country" pairs already told that `verlegd` was placed abroad. */
  private readonly placedNoted = new Set<string>();

  /** An entry that cannot be read: listed up to MAX_LISTED, then counted (a hostile file cannot flood memory). */
  private badEntry(make: () => Problem): void {
    if (this.listed < MAX_LISTED) {
      this.listed++;
      this.problems.push(make());
    } else this.unlisted++;
  }

  /**
   * The customer's country (tax registration, else address), once per customer. Northern Ireland (XI) is no
   * country here, as in a sheet's cell (messages.countryNorthernIreland): its entries are read without one, and
   * a warning naming the customer and its first entry (`day`, `where`) says so, once per customer.
   */
  private countryOf(id: string, day: Day, where: () => Localized): string | null {
    const hit = this.countries.get(id);
    if (hit !== undefined) return hit;
    const c = this.customers.get(id);
    const raw = c === undefined ? "" : c.country !== "" ? c.country : c.addressCountry;
    let country: string | null = null;
    if (raw !== "") {
      const r = readCountry(raw);
      if (r.kind === "ok") {
        country = r.value;
        const t = r.treatedAs;
        if (t !== undefined && this.niNoted < MAX_LISTED) {
          this.niNoted++;
          this.problems.push(this.problem(day, xafProblem.customerTreatedAs(id, countryTreatedAs(t.place, t.state, t.code), where()), "warning", "country-treated-as"));
        }
      } else if (isNorthernIreland(raw) && this.niNoted < MAX_LISTED) {
        this.niNoted++;
        this.problems.push(this.problem(day, xafProblem.customerNorthernIreland(id, countryNorthernIreland(raw), where()), "warning", "xaf-country"));
      }
    }
    if (this.countries.size < 100_000) this.countries.set(id, country);
    return country;
  }

  private aggregate(key: string, day: Day | null, cents: Cents, where: () => Localized, extra: string | null, make: (a: Agg) => Localized): void {
    const year = day === null ? "?" : String(yearOf(day));
    const k = `${key}|${year}`;
    let a = this.aggs.get(k);
    if (a === undefined && this.aggs.size >= MAX_LISTED) {
      this.unlisted++;
      return;
    }
    if (a === undefined) {
      a = { count: 0, cents: 0, day, first: where(), extra: new Set(), make };
      this.aggs.set(k, a);
    }
    a.count++;
    a.cents += cents;
    if (extra !== null && a.extra.size < 6) a.extra.add(extra);
  }

  private problem(day: Day | null, message: Localized, severity: "error" | "warning" = "error", code = "xaf"): Problem {
    return { row: null, severity, code, column: null, value: null, message, day };
  }

  private flush(): void {
    if (this.block.length === 0) return;
    const b = this.block;
    this.block = [];
    this.sink.rows(b);
  }

  private finish(): XafInfo {
    // No entries at all: there is nothing to give a verdict on (an export of the master data only).
    if (this.transactions === 0) throw new XafError(xafFile.noTransactions, "no transactions");
    if (this.sales === 0) {
      // Entries, but none a sale: €0 may be true (a dormant business) or the sales journal may be missing.
      const day = xafDay(this.header.get("startDate") ?? "");
      this.problems.push(this.problem(day, xafProblem.noSales(this.transactions, this.memorial, this.opening), "error", "xaf-no-sales"));
    }
    for (const a of this.aggs.values()) this.problems.push(this.problem(a.day, a.make(a), "error", "xaf-unclear"));
    if (this.unlisted > 0) this.problems.push(this.problem(null, xafProblem.moreUnlisted(this.unlisted), "error", "xaf-more"));
    for (const [journal, c] of this.countedOutside) {
      this.problems.push(this.problem(null, xafProblem.salesOutsideSales(journal, c.type === "" ? "?" : c.type, c.count, c.cents, c.first), "warning", "xaf-sales-outside-sales-journal"));
    }
    for (const c of this.costNote.values()) {
      this.problems.push(this.problem(c.day, xafProblem.costOfSales(c.count, c.cents, c.first), "warning", "xaf-cost-of-sales"));
    }
    for (const [journal, o] of this.outside) {
      this.problems.push(this.problem(null, xafProblem.revenueOutsideSales(journal, o.type === "" ? "?" : o.type, o.count, o.cents), "warning", "xaf-revenue-outside-sales"));
    }
    for (const [year, o] of this.outsideYears) {
      // Revenue without a VAT code outside the sales journals could be turnover (cash sales booked without a
      // code): when it could take the year over the limit, or cross it earlier, the verdict is uncertain.
      const jan1 = dayFromYmd(year, 1, 1);
      const threshold = hasParameterOn("kor-threshold", jan1) ? parameterOn("kor-threshold", jan1) : null;
      // Before 2020 there was no turnover limit (and no verdict): nothing to change.
      if (threshold === null || (this.countableYears.get(year) ?? 0) + o.cents <= threshold) continue;
      this.problems.push(this.problem(o.day, xafProblem.uncountedRevenue(year, o.cents, [...o.journals].join(", "), threshold), "error", "xaf-uncounted-revenue"));
    }
    if (this.memorial + this.opening > 0) {
      this.problems.push(this.problem(null, xafProblem.skipped(this.memorial, this.opening), "warning", "xaf-skipped"));
    }
    const read: XafTotals = { lines: this.linesRead, debitCents: this.debitRead, creditCents: this.creditRead };
    let declared: XafTotals | null = null;
    let consistent: boolean | null = null;
    const d = this.declared;
    if (d.lines === "" && d.debit === "" && d.credit === "") {
      this.problems.push(this.problem(null, xafProblem.totalsAbsent, "warning", "xaf-no-totals"));
    } else {
      const lines = /^\d+$/.test(d.lines) ? Number(d.lines) : Number.NaN;
      const debit = xafCents(d.debit);
      const credit = xafCents(d.credit);
      declared = { lines, debitCents: debit ?? Number.NaN, creditCents: credit ?? Number.NaN };
      const parts: string[][] = [];
      // XAF 3.1 calls the count numberEntries; some packages fill in the number of transactions there.
      if (lines !== this.linesRead && !(this.version === "3.1" && lines === this.transactions)) {
        parts.push([`${d.lines || "?"} regels volgens het bestand, ${this.linesRead} gelezen`, `${d.lines || "?"} lines according to the file, ${this.linesRead} read`]);
      }
      if (debit !== this.debitRead) parts.push([`totaal debet ${d.debit || "?"} volgens het bestand, ${(this.debitRead / 100).toFixed(2)} gelezen`, `total debit ${d.debit || "?"} according to the file, ${(this.debitRead / 100).toFixed(2)} read`]);
      if (credit !== this.creditRead) parts.push([`totaal credit ${d.credit || "?"} volgens het bestand, ${(this.creditRead / 100).toFixed(2)} gelezen`, `total credit ${d.credit || "?"} according to the file, ${(this.creditRead / 100).toFixed(2)} read`]);
      consistent = parts.length === 0;
      if (!consistent) this.problems.push(this.problem(null, xafProblem.totalsMismatch(parts), "error", "xaf-totals"));
    }
    const h = this.header;
    return {
      version: this.version as XafVersion,
      ...this.headerInfo(),
      fiscalYear: nonEmpty(h.get("fiscalYear")),
      software: nonEmpty([h.get("softwareDesc") ?? h.get("productID"), h.get("softwareVersion") ?? h.get("productVersion")].filter((x) => x).join(" ")),
      transactions: this.transactions,
      salesTransactions: this.sales,
      memorialSkipped: this.memorial,
      openingSkipped: this.opening,
      rows: this.rowSeq,
      declared,
      read,
      consistent,
    };
  }

  /**
   * The header and company fields read so far (all of them once XafHeaderRead is thrown or end() returns). The
   * texts are copies: a value cut from the text the parser was given keeps all of that text (64 kB) alive
   * while the header is kept (kor-check keeps every auditfile's until the run ends).
   */
  headerInfo(): XafHeader {
    const h = this.header;
    const c = this.company;
    const own = (s: string | null): string | null => (s === null ? null : s.split("").join(""));
    return {
      companyName: own(nonEmpty(c.get("companyName") ?? h.get("companyName"))),
      taxRegIdent: own(nonEmpty(c.get("taxRegIdent") ?? h.get("taxRegistration"))),
      companyIdent: own(nonEmpty(c.get("companyIdent"))),
      startDay: xafDay(h.get("startDate") ?? ""),
      endDay: xafDay(h.get("endDate") ?? ""),
    };
  }
}

function nonEmpty(s: string | undefined): string | null {
  return s === undefined || s.trim() === "" ? null : s.trim();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The decoder for a file's first bytes: a BOM, else the XML declaration's encoding, else UTF-8. */
function decoderFor(head: Uint8Array): Decoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true });
  let ascii = "";
  for (let i = 0; i < Math.min(head.length, 200); i++) ascii += String.fromCharCode(head[i]);
  const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii);
  const label = m ? m[1].toLowerCase() : "utf-8";
  // ISO-8859-1 as the WHATWG decoders read it is windows-1252, a superset (€ at 0x80).
  const known = /^(iso-?8859-?1|latin-?1|windows-1252|cp1252)$/.test(label) ? "windows-1252" : /^utf-?8$/.test(label) ? "utf-8" : null;
  if (known === null) throw new XafError(xafFile.encoding, `encoding ${label}`);
  return new TextDecoder(known, { fatal: true });
}

/**
 * The warnings whose fix is another category for some rows, or their country (src/rules/summary.ts
 * domesticAbroadWarnings, foreignWithoutCountryWarnings): a sheet's user edits the cells; an auditfile's
 * entries take them from their VAT code and their customer.
 */
const AUDITFILE_ADVICE_CODES: ReadonlySet<string> = new Set([
  "counted-nl-country-abroad",
  "counted-nl-country-outside-eu",
  "verlegd-country-outside-eu",
  "export-country-in-eu",
  "icp-country-outside-eu",
  "afstand-nl-country-outside-eu",
  "foreign-without-country",
  "foreign-in-nl",
]);

/**
 * An auditfile's report with such a warning gets one note after its problems, saying what that fix means for
 * an auditfile (xaf-messages.ts auditfileCategoryAdvice); unchanged otherwise. `codes`: the surface takes a
 * code table (kor-check's --codes).
 */
export function withAuditfileAdvice(problems: readonly Problem[], codes: boolean): readonly Problem[] {
  if (!problems.some((p) => AUDITFILE_ADVICE_CODES.has(p.code))) return problems;
  return [...problems, { row: null, severity: "warning", code: "auditfile-category-advice", column: "category", value: null, message: auditfileCategoryAdvice(codes) }];
}

/**
 * The years the auditfiles' header periods (startDate–endDate, required in 3.1 and 3.2) do not cover whole,
 * as errors dated in that year (so they make the verdicts that depend on the year uncertain, and only those):
 * a year covered in part (a fiscal year from July to June, two such files joined), and a year not covered at
 * all that has rows (an entry dated outside the file's period). Days after `today` are not missing: they have
 * not happened yet. Nothing is said when a period is missing (no header dates to go by).
 */
export function coverageProblems(periods: readonly { readonly startDay: Day | null; readonly endDay: Day | null }[], rows: readonly (InvoiceRow & { readonly ref?: string })[], today: Day | null): Problem[] {
  const merged = mergedPeriods(periods);
  if (merged === null) return [];
  // Entries (an entry with lines at two rates is two rows with one reference) per year, with their countable cents.
  const byYear = new Map<number, { entries: Set<string>; cents: Cents; day: Day }>();
  for (const r of rows) {
    const y = yearOf(r.day);
    const e = byYear.get(y) ?? { entries: new Set<string>(), cents: 0, day: r.day };
    if (e.entries.size < 100_000) e.entries.add(r.ref === undefined ? `#${r.row}` : `${r.ref}|${r.day}`);
    if (countsForKor(r.category)) e.cents += r.cents;
    if (r.day < e.day) e.day = r.day;
    byYear.set(y, e);
  }
  const years = new Set<number>(byYear.keys());
  for (const [a, b] of merged) for (let y = yearOf(a); y <= yearOf(b); y++) years.add(y);
  const out: Problem[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const covered = coveredOf(merged, y, today);
    if (covered === null) continue;
    const problem = (day: Day, message: Localized): Problem => ({ row: null, severity: "error", code: "xaf-period", column: null, value: null, message, day });
    if (covered.length > 0) out.push(problem(covered[0][0], xafProblem.partialYear(y, covered)));
    else {
      const e = byYear.get(y);
      if (e !== undefined) out.push(problem(e.day, xafProblem.uncoveredYear(y, e.entries.size, e.cents, merged)));
    }
  }
  return out;
}

/** The header periods joined where they touch or overlap, in order; null when a period is missing (nothing to go by). */
function mergedPeriods(periods: readonly { readonly startDay: Day | null; readonly endDay: Day | null }[]): [Day, Day][] | null {
  const spans: [Day, Day][] = [];
  for (const p of periods) {
    if (p.startDay === null || p.endDay === null) return null;
    if (p.startDay <= p.endDay) spans.push([p.startDay, p.endDay]);
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [Day, Day][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/**
 * The parts of `year` the joined periods cover (empty: none), or null when they cover it whole up to `today`
 * (days after today are not missing) or the year lies wholly after today.
 */
function coveredOf(merged: readonly (readonly [Day, Day])[], year: number, today: Day | null): [Day, Day][] | null {
  const from = dayFromYmd(year, 1, 1);
  const end = dayFromYmd(year, 12, 31);
  const to = Math.min(end, today ?? Number.POSITIVE_INFINITY);
  if (to < from) return null;
  const covered: [Day, Day][] = [];
  let days = 0;
  for (const [a, b] of merged) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, end);
    if (lo > hi) continue;
    covered.push([lo, hi]);
    days += Math.max(0, Math.min(hi, to) - lo + 1);
  }
  return days >= to - from + 1 ? null : covered;
}

/**
 * For a year the auditfiles' header periods do not cover whole: the parts they cover (an empty list when they
 * cover none of it); null when they cover it whole, or when a period is missing (nothing to go by). The figure
 * of such a year read from the entries is not the year's turnover (coverageProblems says so as an error).
 */
export function yearCoverage(periods: readonly { readonly startDay: Day | null; readonly endDay: Day | null }[], today: Day | null): (year: number) => readonly (readonly [Day, Day])[] | null {
  const merged = mergedPeriods(periods);
  return (year) => (merged === null ? null : coveredOf(merged, year, today));
}

/** Reads a whole auditfile given as one string (tests, small files). */
export function readXafText(text: string, options: XafOptions = {}): { rows: XafRow[]; problems: Problem[]; info: XafInfo } {
  const rows: XafRow[] = [];
  const problems: Problem[] = [];
  const reader = new XafReader(
    {
      rows: (r) => {
        for (const x of r) rows.push(x);
      },
      problems: (p) => {
        for (const x of p) problems.push(x);
      },
    },
    options,
  );
  reader.write(text);
  const info = reader.end();
  return { rows, problems, info };
}
