/**
 * Browser "Open file" against damaged workbooks, which must be refused as damaged as kor-check refuses them
 * (test/cli/xlsxParts.test.ts), never read as one of the numbers they could mean.
 */
import JSZip from "jszip";
import { DamagedFileError, readFileSource } from "../../src/taskpane/browser/files";
import { duplicateEntryName } from "../../src/reading/zipSize";
import { HEADER, fileLike, inline, num, xlsxWithSheets } from "./xlsxXml";
import { zip } from "../zipBytes";
import { readTable } from "../../src/reading/headers";
import { CellValueWatch } from "../../src/reading/zipInflate";

jest.setTimeout(30_000);

/** 1 March 2026 as a 1900-system serial. */
const MARCH_1 = 46082;
const rows = (amount: number): string => `${HEADER}<row r="2">${num("A2", MARCH_1)}${num("B2", amount)}${inline("C2", "21")}</row>`;

/** The parts of `bytes` in order, as [name, content]. */
async function partsOf(bytes: Uint8Array): Promise<[string, Buffer][]> {
  const z = await JSZip.loadAsync(bytes);
  const out: [string, Buffer][] = [];
  for (const f of Object.values(z.files)) if (!f.dir) out.push([f.name, await f.async("nodebuffer")]);
  return out;
}

async function failure(bytes: Uint8Array, name: string): Promise<unknown> {
  return readFileSource(fileLike(name, bytes)).then(
    () => null,
    (e: unknown) => e,
  );
}

describe("a part name twice in the zip", () => {
  it("sheet1.xml twice (€1,000, then €25,000): damaged, not the last copy's €25,000", async () => {
    const parts = await partsOf(await xlsxWithSheets({ Omzet: rows(1000) }));
    const bytes = new Uint8Array(zip([...parts, ["xl/worksheets/sheet1.xml", Buffer.from((await xlsxSheet(25000)) ?? "")]]));
    expect(duplicateEntryName(bytes)).toBe("xl/worksheets/sheet1.xml");
    expect(await failure(bytes, "dup.xlsx")).toBeInstanceOf(DamagedFileError);
  });

  it("a workbook without a name twice reads as before", async () => {
    const bytes = new Uint8Array(zip(await partsOf(await xlsxWithSheets({ Omzet: rows(1000) }))));
    expect(duplicateEntryName(bytes)).toBeNull();
    const source = await readFileSource(fileLike("ok.xlsx", bytes));
    expect(source.values[1][1]).toBe(1000);
  });
});

/** The sheet XML of a one-sheet workbook with an invoice of `amount`. */
async function xlsxSheet(amount: number): Promise<string | undefined> {
  const z = await JSZip.loadAsync(await xlsxWithSheets({ Omzet: rows(amount) }));
  return z.file("xl/worksheets/sheet1.xml")?.async("string");
}

describe("damaged cell values: the row's error or the file damaged, as kor-check (test/cli/xlsxCells.test.ts), never a number", () => {
  const MARCH_2 = MARCH_1 + 1;
  it("a number cell holding '5000abc' or '0x10' is no amount: its text, so row 3 gets an error (exceljs read 5000abc as €5,000)", async () => {
    for (const text of ["5000abc", "0x10"]) {
      const bytes = await xlsxWithSheets({ Omzet: `${rows(1000)}<row r="3">${num("A3", MARCH_2)}<c r="B3"><v>${text}</v></c>${inline("C3", "21")}</row>` });
      const source = await readFileSource(fileLike("bad.xlsx", bytes));
      expect(source.values[2][1]).toBe(text);
      const table = readTable(source.values);
      expect(table.rows.map((r) => r.cents)).toEqual([100_000]);
      expect(table.problems.filter((p) => p.severity === "error").map((p) => p.row)).toEqual([3]);
    }
  });

  it("a text cell pointing at a shared string the file lacks: damaged (exceljs gave its index, €99,999)", async () => {
    const bytes = await xlsxWithSheets({ Omzet: `${rows(1000)}<row r="3">${num("A3", MARCH_2)}<c r="B3" t="s"><v>99999</v></c>${inline("C3", "21")}</row>` });
    expect(await failure(bytes, "sst.xlsx")).toBeInstanceOf(DamagedFileError);
  });
});

describe("CellValueWatch, cell by cell", () => {
  it("finds a number cell's text and the highest shared-string index however the sheet is cut, past <cols> and formulas", () => {
    const text =
      `<cols><col min="1" max="2"/></cols><sheetData><row r="2"><c r="A2" s="1"><v>46082</v></c><c r="B2"><f>A2*2</f><v>5000abc</v></c>` +
      `<c r="C2" t="s"><v>7</v></c><c r="D2" t="s"><f>X</f><v>99</v></c><c r="E2"/><c r="F2" t="s"><v>12</v></c></row></sheetData>`;
    for (const size of [1, 3, 10, text.length]) {
      const watch = new CellValueWatch();
      for (let i = 0; i < text.length; i += size) watch.feedText(text.slice(i, i + size));
      // D2's index is a formula's cached text, not a shared string: left out.
      expect({ size, texts: [...watch.numberTexts], highest: watch.highest, bad: watch.badIndex }).toEqual({ size, texts: [["B2", "5000abc"]], highest: { ref: "F2", index: 12 }, bad: null });
    }
  });
});
