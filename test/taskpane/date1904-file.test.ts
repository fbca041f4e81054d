/**
 * Browser "Open file" on a workbook in the 1904 date system (Mac Excel's old default; Apache POI and LibreOffice
 * write its flag as date1904="true", Excel as "1"): every invoice keeps its own day. exceljs takes only "1", so a
 * "true" file came out 1,462 days (4 years and a day) early, without a word.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSource, type FileLike } from "../../src/taskpane/browser/files";
import { readTable } from "../../src/reading/headers";
import { Date1904Watch } from "../../src/reading/zipInflate";
import { dayFromIso } from "../../src/rules/dates";

const fileLike = (name: string, bytes: Uint8Array): FileLike => ({
  name,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

/** A 1904-system workbook of two invoices, its flag written as `flag`. */
async function workbook1904(flag: "1" | "true"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Datum", "Bedrag"]);
  ws.addRow([new Date(Date.UTC(2026, 3, 1)), 100]);
  ws.addRow([new Date(Date.UTC(2026, 11, 31)), 250.5]);
  ws.getColumn(1).numFmt = "dd-mm-yyyy";
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  expect(xml).toMatch(/date1904="1"/);
  zip.file("xl/workbook.xml", xml.replace('date1904="1"', `date1904="${flag}"`));
  return zip.generateAsync({ type: "uint8array" });
}

describe("Open file (.xlsx) in the 1904 date system", () => {
  it.each(["1", "true"] as const)('reads each invoice on its own day with date1904="%s"', async (flag) => {
    const source = await readFileSource(fileLike("mac.xlsx", await workbook1904(flag)));
    const rows = readTable(source.values).rows;
    expect(rows.map((r) => [r.day, r.cents])).toEqual([
      [dayFromIso("2026-04-01"), 10000],
      [dayFromIso("2026-12-31"), 25050],
    ]);
  });

  it("finds the flag in workbook.xml however the text arrives in chunks", () => {
    const xml = '<?xml version="1.0"?><x:workbook xmlns:x="…"><x:workbookPr defaultThemeVersion="1" date1904 = "true"/><x:sheets/></x:workbook>';
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 7, 64, bytes.length]) {
      const watch = new Date1904Watch();
      for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
      expect(watch.value).toBe(true);
    }
    const none = new Date1904Watch();
    none.feed(new TextEncoder().encode('<workbook><workbookPr defaultThemeVersion="1"/></workbook>'));
    expect(none.value).toBeNull();
    const off = new Date1904Watch();
    off.feed(new TextEncoder().encode("<workbook><workbookPr date1904='false'/></workbook>"));
    expect(off.value).toBe(false);
  });
});
