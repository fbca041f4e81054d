/**
 * Pieces the agreement properties share (surfaces, columns, auditfiles): a day within a year, and the Dutch
 * CSV's bytes in each encoding the bookkeeping packages write.
 */
import { dayFromYmd, type Day } from "../../src/rules/dates";

/** A day of `year`, `offset` days from 1 January (wrapped into the year). */
export function dayIn(year: number, offset: number): Day {
  const jan1 = dayFromYmd(year, 1, 1);
  return jan1 + (offset % (dayFromYmd(year, 12, 31) - jan1 + 1));
}

/** How a Dutch CSV is saved: Excel on Windows writes Windows-1252, Exact Online UTF-16. */
export type CsvEncoding = "utf-8" | "utf-8 bom" | "windows-1252" | "utf-16le" | "utf-16le bom" | "utf-16be bom";

/** Windows-1252's bytes for the characters the tables use beyond ASCII and Latin-1. */
const CP1252: Record<string, number> = { "€": 0x80 };

/** The CSV's bytes in its encoding. */
export function csvBytes(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8 bom":
      return Buffer.from(`\ufeff${text}`, "utf8");
    case "windows-1252":
      return Buffer.from([...text].map((c) => CP1252[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
    case "utf-16le":
      return Buffer.from(text, "utf16le");
    case "utf-16le bom":
      return Buffer.from(`\ufeff${text}`, "utf16le");
    case "utf-16be bom":
      return Buffer.from(`\ufeff${text}`, "utf16le").swap16();
  }
}
