/**
 * The .xlsx stream handed to exceljs: shared strings before the sheets (so exceljs reads the sheets directly,
 * without its temporary-file fallback that once in a few thousand files read a sheet as empty), every part
 * with its sizes in its header, and the same invoices read as from the file itself.
 */
import * as path from "path";
import { readFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { xlsxInput } from "../../src/cli/zipOrder";
import { readXlsx, workbookReader } from "../../src/cli/read";
import { tempDir, writeText } from "./fixtures";

// Reads on a shared two-core machine: give them room.
jest.setTimeout(120_000);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

/** Written as exceljs' streaming writer does: the sheet before the shared strings, sizes after the data. */
async function streamedWorkbook(file: string, rows: number): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Factuurdatum", "Klant", "Bedrag excl. btw"]).commit();
  for (let i = 0; i < rows; i++) ws.addRow([45_700 + (i % 300), `Klant ${i % 7}`, 100 + i]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

/** The local headers of a zip byte stream, in stream order: name and the data-descriptor flag. */
function localParts(bytes: Buffer): { name: string; descriptor: boolean }[] {
  const out: { name: string; descriptor: boolean }[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && bytes.readUInt32LE(at) === 0x04034b50) {
    const flags = bytes.readUInt16LE(at + 6);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    out.push({ name: bytes.toString("utf8", at + 30, at + 30 + nameLength), descriptor: (flags & 8) !== 0 });
    at += 30 + nameLength + extra + size;
  }
  return out;
}

async function collect(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of xlsxInput(file).stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("the .xlsx stream for exceljs", () => {
  it("puts the shared strings before the sheet and gives every part its sizes", async () => {
    const file = await streamedWorkbook(path.join(tmp.dir, "streamed.xlsx"), 2_000);
    const parts = localParts(await collect(file));
    const names = parts.map((p) => p.name);
    expect(names).toContain("xl/worksheets/sheet1.xml");
    expect(names.indexOf("xl/sharedStrings.xml")).toBeLessThan(names.indexOf("xl/worksheets/sheet1.xml"));
    expect(names.indexOf("xl/workbook.xml")).toBeLessThan(names.indexOf("xl/worksheets/sheet1.xml"));
    expect(parts.every((p) => !p.descriptor)).toBe(true);
  });

  it("reads the same invoices from a streamed-writer workbook, sheet named, every row", async () => {
    const file = await streamedWorkbook(path.join(tmp.dir, "streamed-2.xlsx"), 3_000);
    for (let k = 0; k < 10; k++) {
      const read = await readXlsx(file, { year: null });
      expect(read.skipped).toEqual([]);
      expect(read.sheets.map((s) => [s.sheet, s.rowCount])).toEqual([["Facturen", 3_000]]);
    }
  });

  it("fails on a file cut short (it does not hang or read an empty sheet)", async () => {
    const file = await streamedWorkbook(path.join(tmp.dir, "whole.xlsx"), 500);
    const original = readFileSync(file);
    const cut = writeText(path.join(tmp.dir, "cut.xlsx"), original.subarray(0, Math.floor(original.length / 2)));
    await expect(readXlsx(cut, { year: null })).rejects.toBeDefined();
  });
});

describe("exceljs' streaming reader loaded on its own", () => {
  it("is the class the package exports as stream.xlsx.WorkbookReader (the module path is exceljs 4.4's)", () => {
    expect(workbookReader()).toBe(ExcelJS.stream.xlsx.WorkbookReader);
  });
});
