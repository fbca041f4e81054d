/**
 * Browser "Open file" against hostile workbooks: one cell at XFD1048576 (read only the filled cells), a zip
 * that declares a huge inflated size (refused before unpacking), a zip whose headers lie about its size
 * (refused while counting the real inflated bytes), one giant text, more filled cells than the limit.
 */
import * as path from "path";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DamagedFileError, readFileSource, type FileLike } from "../../src/taskpane/browser/files";
import { errorOf, failureOf } from "../../src/taskpane/browser/fileWorker";
import { S } from "../../src/taskpane/strings";
import { SAMPLE_FILE_NAME, sampleValues } from "../../src/taskpane/browser/sample";
import { READ_LIMITS, TooLargeError, tooLargeMessage } from "../../src/reading/limits";
import { declaredInflatedSize } from "../../src/reading/zipSize";
import { XmlTextScan } from "../../src/reading/zipInflate";
import { readTable } from "../../src/reading/headers";
import { NotTextError } from "../../src/reading/csv";

jest.setTimeout(30_000);

const fileLike = (name: string, bytes: Uint8Array): FileLike => ({
  name,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Facturen"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("Open file (.xlsx) in the browser", () => {
  it("reads the sample workbook as before", async () => {
    const bytes = readFileSync(path.resolve(__dirname, "..", "..", "assets", SAMPLE_FILE_NAME));
    const source = await readFileSource(fileLike(SAMPLE_FILE_NAME, bytes));
    const fromFile = readTable(source.values);
    const fromCode = readTable(sampleValues());
    expect(fromFile.rows).toEqual(fromCode.rows);
    expect(fromFile.problems).toEqual(fromCode.problems);
  });

  it("reads a list with one stray cell at XFD1048576 without allocating rows × columns", async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(["Datum", "Bedrag"]);
      ws.addRow([new Date(Date.UTC(2025, 2, 1)), 100]);
      ws.getCell("XFD1048576").value = "x";
    });
    const source = await readFileSource(fileLike("ver.xlsx", bytes));
    expect(source.values).toHaveLength(1_048_576);
    expect(source.values[1_048_575]).toHaveLength(16_384);
    expect(source.values[1_048_575][16_383]).toBe("x");
    // Every empty row between is one shared empty array, not 16,384 cells.
    const cells = source.values.reduce((n, r) => n + r.length, 0);
    expect(cells).toBeLessThan(16_384 + 10);
    expect(readTable(source.values).rows).toHaveLength(1);
  });

  // Before 2 Dec 2026 each such row was 16,384 cells, every gap an empty text, and the reading layer walked them all:
  // 46 s for 20,000 rows. The gap is now left empty, as kor-check's rows have it, and the same invoices are read.
  it("reads rows with a stray value in column XFD as kor-check does: the invoices counted, no gap of empty texts", async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(["Datum", "Bedrag", "Categorie"]);
      for (let i = 0; i < 50; i++) {
        ws.addRow([new Date(Date.UTC(2026, 2, 1 + (i % 28))), 100 + i, "21"]);
        ws.getCell(`XFD${i + 2}`).value = "x";
      }
      ws.addRow(["Totaal", 6225]);
      ws.getCell("XFD52").value = "x";
    });
    const source = await readFileSource(fileLike("xfd.xlsx", bytes));
    const row = source.values[1];
    expect(row).toHaveLength(16_384);
    expect(Object.keys(row)).toEqual(["0", "1", "2", "16383"]);
    const table = readTable(source.values);
    expect(table.rows).toHaveLength(50);
    expect(table.rows.reduce((n, r) => n + r.cents, 0)).toBe(622_500);
  });

  it("refuses a zip that declares more than the browser may inflate, before unpacking it", async () => {
    const bytes = await workbook((ws) => ws.addRow(["Datum", "Bedrag"]));
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/sharedStrings.xml", "A".repeat(4 * 1024 * 1024));
    const bomb = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    expect(bomb.length).toBeLessThan(100_000);
    expect(declaredInflatedSize(bomb)).toBeGreaterThan(4 * 1024 * 1024);
    const limits = { ...READ_LIMITS, browserInflatedBytes: 1024 * 1024 };
    const error = await readFileSource(fileLike("bom.xlsx", bomb), limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect(tooLargeMessage(error as TooLargeError).nl).toBe(
      "te groot om te controleren: de werkmap is uitgepakt meer dan 1 MB. Is het wel een facturenlijst? Splits het bestand of sla alleen de facturen op.",
    );
  });

  it("refuses a sheet with more filled cells than the limit", async () => {
    const bytes = await workbook((ws) => {
      for (let i = 0; i < 300; i++) ws.addRow([i, i, i, i]);
    });
    const limits = { ...READ_LIMITS, browserCells: 1000 };
    await expect(readFileSource(fileLike("veel.xlsx", bytes), limits)).rejects.toMatchObject({ what: "cells" });
  });

  it("is not a zip: no declared size", () => {
    expect(declaredInflatedSize(new TextEncoder().encode("Datum;Bedrag\n"))).toBeNull();
  });
});

const SST_HEAD = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

/** The workbook's shared strings replaced by `sst`, deflated: a few kB that inflate to megabytes. */
async function withSharedStrings(sst: string): Promise<Uint8Array> {
  const bytes = await workbook((ws) => ws.addRow(["Datum", "Bedrag", "Klant"]));
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/sharedStrings.xml", sst);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } }));
}

/** Makes the local and central headers of `entry` declare `size` inflated bytes: what a crafted zip can do. */
function lieAboutSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameAt = (at: number, length: number): string => new TextDecoder().decode(out.subarray(at, at + length));
  let lies = 0;
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === entry) {
      view.setUint32(i + 22, size, true); // local file header
      lies++;
    }
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === entry) {
      view.setUint32(i + 24, size, true); // central directory
      lies++;
    }
  }
  expect(lies).toBe(2);
  return out;
}

describe("Open file (.xlsx) in the browser: a zip that lies, one giant text", () => {
  it("refuses a zip whose headers declare less than it inflates to, counting the real bytes while inflating", async () => {
    // 4 MB of ordinary shared strings (each well under a cell's size), declared as 100 bytes.
    const strings = Array.from({ length: 40_000 }, (_, i) => `<si><t>Klant ${i} ${"A".repeat(90)}</t></si>`).join("");
    const bomb = lieAboutSize(await withSharedStrings(`${SST_HEAD}${strings}</sst>`), "xl/sharedStrings.xml", 100);
    expect(bomb.length).toBeLessThan(200_000);
    expect(declaredInflatedSize(bomb)).toBeLessThan(100_000);
    const limits = { ...READ_LIMITS, browserInflatedBytes: 1024 * 1024 };
    const error = await readFileSource(fileLike("liegt.xlsx", bomb), limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect(tooLargeMessage(error as TooLargeError).en).toBe(
      "too large to check: the workbook unpacks to more than 1 MB. Is it an invoice list? Split the file or save only the invoices.",
    );
  });

  it("refuses one shared string larger than a cell can hold (default limits), also one made of formatted runs", async () => {
    const one = await withSharedStrings(`${SST_HEAD}<si><t>Datum</t></si><si><t>${"A".repeat(10 * 1024 * 1024)}</t></si></sst>`);
    const runs = await withSharedStrings(`${SST_HEAD}<x:si>${"<x:r><x:rPr><x:b/></x:rPr><x:t>BBBBBBBBBBBBBBBBBBBB</x:t></x:r>".repeat(200_000)}</x:si></sst>`);
    for (const bytes of [one, runs]) {
      const error = await readFileSource(fileLike("tekst.xlsx", bytes)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooLargeError);
      expect(tooLargeMessage(error as TooLargeError).nl).toBe(
        "te groot om te controleren: één tekst van de werkmap is uitgepakt meer dan 8 MB, terwijl een cel in Excel hoogstens 32.767 tekens bevat. Is het wel een facturenlijst? Splits het bestand of sla alleen de facturen op.",
      );
    }
  });

  it("reads a cell as long as Excel allows", async () => {
    const full = "Jansen " + "A".repeat(32_760);
    const bytes = await workbook((ws) => {
      ws.addRow(["Datum", "Bedrag", "Klant"]);
      ws.addRow([new Date(Date.UTC(2025, 2, 1)), 100, full]);
    });
    const source = await readFileSource(fileLike("vol.xlsx", bytes));
    expect(source.values[1][2]).toBe(full);
  });

  it("finds a shared string's end however the inflated bytes are split into chunks", () => {
    const xml = new TextEncoder().encode(`<sst><si><t>${"A".repeat(40)}</t></si><x:si><x:t>${"B".repeat(40)}</x:t></x:si><si/><si><t>${"C".repeat(60)}</t></si></sst>`);
    for (const size of [1, 2, 3, 7, 64]) {
      // 80 bytes per string fits; the third string (60 letters + tags) does not fit in 70.
      const fits = new XmlTextScan(80, "si");
      const tight = new XmlTextScan(70, "si");
      const feed = (scan: XmlTextScan): void => {
        for (let i = 0; i < xml.length; i += size) scan.feed(xml.subarray(i, i + size));
      };
      expect(() => feed(fits)).not.toThrow();
      expect(() => feed(tight)).toThrow(TooLargeError);
    }
  });

  // Before 2 Dec 2026 exceljs laid out every row before such a row (row 100,000,000 of a 1 kB file: 22 s and 1 GB,
  // row 1,000,000,000 more than a tab has), dropped a row numbered from 4,294,967,295 on, and read "1e300" as row 1.
  it("calls a row numbered past 1,048,576 damaged, before exceljs reads it, as kor-check does", async () => {
    const good = await workbook((ws) => {
      ws.addRow(["Datum", "Bedrag"]);
      ws.addRow([new Date(Date.UTC(2026, 2, 1)), 100]);
      ws.addRow([new Date(Date.UTC(2026, 2, 2)), 200]);
    });
    for (const far of ["1048577", "1000000000", "4294967296", "1e300"]) {
      const zip = await JSZip.loadAsync(good);
      const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(/<row r="3"/, `<row r="${far}"`);
      zip.file("xl/worksheets/sheet1.xml", xml);
      const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
      const error = await readFileSource(fileLike(`ver-${far}.xlsx`, bytes)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedFileError);
      expect((error as Error).message).toBe(`row ${far} lies beyond row 1,048,576, the last of an Excel sheet`);
    }
    const source = await readFileSource(fileLike("goed.xlsx", good));
    expect(readTable(source.values).rows).toHaveLength(2);
  });

  it("calls a zip that lies within the limit, or a cut-off .xlsx, damaged, not the zip library's own words", async () => {
    const strings = Array.from({ length: 2_000 }, (_, i) => `<si><t>Klant ${i}</t></si>`).join("");
    const liar = lieAboutSize(await withSharedStrings(`${SST_HEAD}${strings}</sst>`), "xl/sharedStrings.xml", 100);
    const good = await workbook((ws) => ws.addRow(["Datum", "Bedrag"]));
    const cut = good.slice(0, Math.floor(good.length / 2));
    for (const [name, bytes] of [["liegt.xlsx", liar], ["afgebroken.xlsx", cut]] as const) {
      const error = await readFileSource(fileLike(name, bytes)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DamagedFileError);
      // The worker hands the same error back to the pane, which shows the plain message.
      expect(errorOf(failureOf(error), name)).toBeInstanceOf(DamagedFileError);
    }
    expect(S.fileDamaged.nl).toBe(
      "het bestand is beschadigd of geen echt Excel-bestand (.xlsx). Open het in Excel en sla het opnieuw op als Excel-werkmap, of vraag de klant om een nieuwe export.",
    );
  });
});

describe("Open file (.csv) in the browser: a binary file", () => {
  it("says it is not a text (CSV) file, in the pane's thread and from the worker", async () => {
    const bytes = new Uint8Array(20_000);
    let x = 5;
    for (let i = 0; i < bytes.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    const error = await readFileSource(fileLike("binary.csv", bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotTextError);
    expect(errorOf(failureOf(error), "binary.csv")).toBeInstanceOf(NotTextError);
  });
});

describe("Open file (.csv) in the browser: a header wider than a sheet", () => {
  it("refuses a header followed by a million empty fields as too large to check, in seconds", async () => {
    const text = `Factuurdatum;Bedrag excl. btw;BTW %${";".repeat(1_000_000)}\n1-3-2026;100;21\n`;
    const started = Date.now();
    const error = await readFileSource(fileLike("w1000000.csv", new TextEncoder().encode(text))).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(TooLargeError);
    const back = errorOf(failureOf(error), "w1000000.csv");
    expect(back).toBeInstanceOf(TooLargeError);
    expect(tooLargeMessage(back as TooLargeError).en).toMatch(/^too large to check: the header row or a row above it has more than 16,384 columns/);
  });
});

// Before 2 Dec 2026 the pane decoded and parsed a CSV of any size: one past the engine's longest string or largest
// list ended the reading worker with a fatal error instead of a message.
describe("Open file (.csv) in the browser: too large", () => {
  it("refuses a CSV over the byte limit before decoding it, and one with more than 20 million lines before parsing it", async () => {
    const small = { ...READ_LIMITS, csvBytes: 1024 };
    const big = await readFileSource(fileLike("groot.csv", new TextEncoder().encode(`Datum;Bedrag\n${"1-3-2026;100\n".repeat(100)}`)), small).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(TooLargeError);
    expect(tooLargeMessage(big as TooLargeError).en).toBe("too large to check: the file is larger than 0 MB. Is it an invoice list? Split the file or save only the invoices.");
    const lines = await readFileSource(fileLike("leeg.csv", new TextEncoder().encode(`Datum;Bedrag\n1-3-2026;100\n${"\n".repeat(20_000_000)}`))).catch((e: unknown) => e);
    expect(lines).toBeInstanceOf(TooLargeError);
    expect(errorOf(failureOf(lines), "leeg.csv")).toMatchObject({ what: "csv-lines", limit: 20_000_000 });
  });
});
