/**
 * How much one file may cost to read. A client's .xlsx is a zip: 16 MB can inflate to gigabytes of shared
 * strings (a "zip bomb"), and one cell at XFD1048576 makes a naive reader allocate rows × columns. Past these
 * limits a file is reported as too large to check, alone: the other files of a run are still checked.
 *
 * The limits are far above real invoice lists (a full sheet of 1,048,576 rows with a dozen columns has about
 * 500 MB of sheet XML and well under 100 MB of shared strings) and far below what exhausts memory.
 */
import type { Localized } from "../i18n/types";

export interface ReadLimits {
  /** Inflated bytes of xl/sharedStrings.xml (its strings are kept in memory while the sheets are read). */
  readonly sharedStringsBytes: number;
  /**
   * Inflated bytes of one shared string (`<si>…</si>`), checked before it is joined into a string. An Excel
   * cell holds at most 32,767 characters; with formatting on every character that is still a few MB.
   */
  readonly sharedStringBytes: number;
  /** Number of shared strings. */
  readonly sharedStrings: number;
  /** Inflated bytes of all worksheet XML of one workbook (read as a stream: this bounds time, not memory). */
  readonly sheetBytes: number;
  /**
   * kor-check: how many times its compressed size one part of an .xlsx may inflate to (past its first MiB).
   * Deflate reaches about 1,030 at most, on bytes that repeat; real sheets stay far below (docs/security.md).
   * A bomb of tiny rows at 400 times took 79 s to refuse by sheetBytes alone; this refuses it at once.
   */
  readonly compressionRatio: number;
  /**
   * Bytes of a CSV file (read whole into memory, decoded into one string). At most 500 MiB: V8's longest string
   * is 2^29 − 24 characters (just under 512 MiB), and decoding a longer file ended the whole process (kor-check's
   * pool included) with a fatal error instead of failing that file.
   */
  readonly csvBytes: number;
  /** Bytes of an auditfile (XAF), as for a CSV file (it is streamed, so this bounds time, not memory). */
  readonly xafBytes: number;
  /**
   * Characters of one text of an auditfile (what lies between two '<': a value, a comment). The XML parser
   * holds a text whole until it ends; the longest field of the XAF schemas is 9,999 characters.
   */
  readonly xafTextChars: number;
  /**
   * Browser: inflated bytes of the whole .xlsx (the browser reads a workbook whole into memory): the declared
   * sizes first, then the real bytes counted while inflating (src/reading/zipInflate.ts).
   */
  readonly browserInflatedBytes: number;
  /** Browser: filled cells of the sheet shown. */
  readonly browserCells: number;
}

const MiB = 1024 * 1024;

export const READ_LIMITS: ReadLimits = {
  sharedStringsBytes: 256 * MiB,
  sharedStringBytes: 8 * MiB,
  sharedStrings: 5_000_000,
  sheetBytes: 4096 * MiB,
  compressionRatio: 200,
  csvBytes: 500 * MiB,
  xafBytes: 1024 * MiB,
  xafTextChars: 1024 * 1024,
  browserInflatedBytes: 300 * MiB,
  browserCells: 3_000_000,
};

/**
 * Columns of a CSV's header row (and of the rows above it, where the header is searched): Excel's own maximum
 * (XFD). A wider header cannot be a sheet, and searching it for the invoice columns costs time for each of its
 * cells (a header followed by millions of empty `;` fields took minutes).
 */
export const MAX_COLUMNS = 16_384;

/**
 * The last row of an Excel sheet (Microsoft, "Excel specifications and limits": 1,048,576 rows by 16,384
 * columns). A row numbered past it is no row Excel wrote or opens: the file is damaged.
 */
export const MAX_ROWS = 1_048_576;

/**
 * Lines of a CSV file (line ends counted before it is parsed, also those inside quoted cells). Each line becomes a
 * record in one array, and an array past V8's largest (about 134 million elements) is a fatal error for the whole
 * process, not a catchable one: 140 MB of empty lines ended a kor-check run. 20 million lines is about 19 times
 * the rows of a full Excel sheet.
 */
export const MAX_CSV_LINES = 20_000_000;

/** Thrown when a file passes a limit; `what` says which (for the message). */
export class TooLargeError extends Error {
  readonly code = "KOR_TOO_LARGE";
  constructor(readonly what: "shared-strings-bytes" | "one-text-bytes" | "shared-strings" | "sheet-bytes" | "csv-bytes" | "xaf-bytes" | "xaf-text" | "inflated-bytes" | "cells" | "compression-ratio" | "columns" | "csv-lines", readonly limit: number) {
    super(`too large to check: ${what} over ${limit}`);
  }
}

/** "too large to check: …" in both languages, naming the limit that was passed. */
export function tooLargeMessage(e: TooLargeError): Localized {
  const mb = `${Math.round(e.limit / MiB)} MB`;
  const count = (lang: "nl" | "en"): string => e.limit.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB");
  const what: Record<TooLargeError["what"], Localized> = {
    "shared-strings-bytes": { nl: `de teksten van de werkmap zijn uitgepakt meer dan ${mb}`, en: `the workbook's texts unpack to more than ${mb}` },
    "one-text-bytes": {
      nl: `één tekst van de werkmap is uitgepakt meer dan ${mb}, terwijl een cel in Excel hoogstens 32.767 tekens bevat`,
      en: `one text of the workbook unpacks to more than ${mb}, while an Excel cell holds at most 32,767 characters`,
    },
    "shared-strings": { nl: `de werkmap heeft meer dan ${count("nl")} verschillende teksten`, en: `the workbook has more than ${count("en")} different texts` },
    "sheet-bytes": { nl: `de bladen zijn uitgepakt meer dan ${mb}`, en: `the sheets unpack to more than ${mb}` },
    "csv-bytes": { nl: `het bestand is groter dan ${mb}`, en: `the file is larger than ${mb}` },
    "xaf-bytes": { nl: `het bestand is groter dan ${mb}`, en: `the file is larger than ${mb}` },
    "xaf-text": {
      nl: `één tekst in de auditfile is langer dan ${count("nl")} tekens, terwijl het langste veld van een auditfile 9.999 tekens heeft`,
      en: `one text in the auditfile is longer than ${count("en")} characters, while an auditfile's longest field has 9,999`,
    },
    "inflated-bytes": { nl: `de werkmap is uitgepakt meer dan ${mb}`, en: `the workbook unpacks to more than ${mb}` },
    "compression-ratio": {
      nl: `een onderdeel van de werkmap is uitgepakt meer dan ${count("nl")} keer zo groot als ingepakt, wat geen echte facturenlijst haalt`,
      en: `a part of the workbook unpacks to more than ${count("en")} times its packed size, which no real invoice list reaches`,
    },
    "csv-lines": {
      nl: `het bestand heeft meer dan ${count("nl")} regels, terwijl een Excel-blad hoogstens ${MAX_ROWS.toLocaleString("nl-NL")} rijen heeft`,
      en: `the file has more than ${count("en")} lines, while an Excel sheet has at most ${MAX_ROWS.toLocaleString("en-GB")} rows`,
    },
    cells: { nl: `het blad heeft meer dan ${count("nl")} gevulde cellen`, en: `the sheet has more than ${count("en")} filled cells` },
    columns: {
      nl: `de kopregel of een rij erboven heeft meer dan ${count("nl")} kolommen, het maximum van een Excel-blad`,
      en: `the header row or a row above it has more than ${count("en")} columns, the most an Excel sheet has`,
    },
  };
  if (e.what === "columns") {
    return {
      nl: `te groot om te controleren: ${what.columns.nl}. Is het wel een facturenlijst? Sla alleen de kolommen van de facturen op.`,
      en: `too large to check: ${what.columns.en}. Is it an invoice list? Save only the invoice columns.`,
    };
  }
  if (e.what === "xaf-bytes" || e.what === "xaf-text") {
    return {
      nl: `te groot om te controleren: ${what[e.what].nl}. Is het wel een auditfile? Maak de auditfile opnieuw aan in het boekhoudpakket, per jaar.`,
      en: `too large to check: ${what[e.what].en}. Is it an auditfile? Export the auditfile again from the bookkeeping package, one year at a time.`,
    };
  }
  return {
    nl: `te groot om te controleren: ${what[e.what].nl}. Is het wel een facturenlijst? Splits het bestand of sla alleen de facturen op.`,
    en: `too large to check: ${what[e.what].en}. Is it an invoice list? Split the file or save only the invoices.`,
  };
}
