/**
 * Browser "Open file" against damaged workbooks, which must be refused as damaged as kor-check refuses them
 * (test/cli/xlsxParts.test.ts), never read as one of the numbers they could mean.
 */
import JSZip from "jszip";
import { DamagedFileError, readFileSource } from "../../src/taskpane/browser/files";
import { duplicateEntryName } from "../../src/reading/zipSize";
import { HEADER, fileLike, inline, num, xlsxWithSheets } from "./xlsxXml";
import { zip } from "../zipBytes";

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
