/**
 * Browser "Open file" against hostile workbooks: one cell at XFD1048576 (read only the filled cells), a zip
 * that declares a huge inflated size (refused before unpacking), more filled cells than the limit.
 */
import * as path from "path";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSource, type FileLike } from "../../src/taskpane/browser/files";
import { SAMPLE_FILE_NAME, sampleValues } from "../../src/taskpane/browser/sample";
import { READ_LIMITS, TooLargeError, tooLargeMessage } from "../../src/reading/limits";
import { declaredInflatedSize } from "../../src/reading/zipSize";
import { readTable } from "../../src/reading/headers";

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
