/**
 * Browser "Open file" on a workbook in the 1904 date system (Mac Excel's old default; Apache POI and LibreOffice
 * write its flag as date1904="true", Excel as "1"): every invoice keeps its own day. exceljs takes only "1", so a
 * "true" file came out 1,462 days (4 years and a day) early, without a word. And a workbook with ISO date cells
 * (`t="d"`), which exceljs' loader reads as numbers (2026 for 2026-04-01), is read on their days
 * (test/taskpane/iso-date-file.test.ts has the rest).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSource } from "../../src/taskpane/browser/files";
import { fileLike } from "./xlsxXml";
import { readTable } from "../../src/reading/headers";
import { Date1904Watch, IsoDateCellWatch } from "../../src/reading/zipInflate";
import { DATE_1904_OFFSET, dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import { analyze } from "../../src/taskpane/model";
import { packedSource, withValues } from "../../src/taskpane/browser/fileWorker";

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

describe("Open file (.xlsx) with ISO date cells (t=\"d\")", () => {
  async function withIsoDate(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Facturen");
    ws.addRow(["Datum", "Bedrag"]);
    ws.addRow([46113, 100]);
    ws.addRow([46114, 200]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const patched = xml.replace(/<c r="A2"([^>]*)><v>46113<\/v><\/c>/, '<c r="A2" t="d"><v>2026-04-01T00:00:00Z</v></c>');
    expect(patched).not.toBe(xml);
    zip.file("xl/worksheets/sheet1.xml", patched);
    return zip.generateAsync({ type: "uint8array" });
  }

  it("reads the ISO date on its day (it was refused with iso-date-cells; exceljs alone gives 2026), with no file problem", async () => {
    const source = await readFileSource(fileLike("iso.xlsx", await withIsoDate()));
    expect(source.fileProblems).toBeUndefined();
    expect(source.values.slice(1).map((r) => r[0])).toEqual(["2026-04-01", 46114]);
    expect(readTable(source.values).rows.map((r) => isoFromDay(r.day))).toEqual(["2026-04-01", "2026-04-02"]);
  });

  it("finds a t=\"d\" cell however the sheet arrives in chunks, and not a formula's t=\"shared\"", () => {
    const xml = '<row r="2"><c r="A2" s="3" t="d"><v>2026-04-01</v></c></row>';
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 5, 16, bytes.length]) {
      const watch = new IsoDateCellWatch();
      for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
      expect([...watch.cells]).toEqual([["A2", "2026-04-01"]]);
    }
    const other = new IsoDateCellWatch();
    other.feed(new TextEncoder().encode('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f t="shared" si="0">A1+1</f><v>3</v></c><c r="C2" t="str"><v>t=&quot;d&quot;</v></c></row>'));
    expect(other.cells.size).toBe(0);
  });
});

/** A 1904-system serial (what a Mac workbook stores) for an ISO day: 1,462 lower than the 1900 one. */
const serial1904 = (iso: string): number => excelSerialFromDay(dayFromIso(iso)) - DATE_1904_OFFSET;

/**
 * A 1904-system workbook whose date column mixes what users type: a date-formatted cell (exceljs gives a
 * Date), an unformatted serial (a plain number: 44651 is 1 April 2026 in this system), a date formula's
 * number result and a text date; and a second sheet "Omzet 2025" of unformatted serials only.
 */
async function mixed1904(flag: "1" | "true"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Omzet 2026");
  ws.addRow(["Datum", "Bedrag", "Categorie"]);
  ws.addRow([new Date(Date.UTC(2026, 1, 1)), 15000, "21%"]);
  ws.getCell("A2").numFmt = "dd-mm-yyyy";
  ws.addRow([serial1904("2026-04-01"), 6000, "21%"]);
  ws.addRow([{ formula: "A3+30", result: serial1904("2026-05-01") }, 100, "21%"]);
  ws.addRow(["15-05-2026", 100, "21%"]);
  const prev = wb.addWorksheet("Omzet 2025");
  prev.addRow(["Datum", "Bedrag", "Categorie"]);
  prev.addRow([serial1904("2025-06-01"), 12000, "21%"]);
  prev.addRow([serial1904("2025-12-31"), 500, "21%"]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", xml.replace('date1904="1"', `date1904="${flag}"`));
  return zip.generateAsync({ type: "uint8array" });
}

describe("Open file (.xlsx) in the 1904 date system: unformatted serials", () => {
  const TODAY = dayFromIso("2026-11-27");

  it.each(["1", "true"] as const)('date1904="%s": a plain number in the date column is a 1904 serial; a date cell and a text date are not moved again', async (flag) => {
    const source = await readFileSource(fileLike("mac.xlsx", await mixed1904(flag)));
    const a = analyze(source, {}, TODAY);
    expect(a.years).toEqual([2026]);
    expect(a.table.rows.map((r) => [r.row, isoFromDay(r.day)])).toEqual([
      [2, "2026-02-01"],
      [3, "2026-04-01"],
      [4, "2026-05-01"],
      [5, "2026-05-15"],
    ]);
    expect(a.summary.countableCents).toBe(2_120_000);
    expect(a.summary.crossing).toMatchObject({ row: 3 });
    expect(isoFromDay(a.summary.crossing!.day)).toBe("2026-04-01");
    // The previous year comes from the other sheet, its serials read in the same system (2025, not 2021).
    expect(a.previousYearSheet).toBe("Omzet 2025");
    expect(a.summary.previousYearCents).toBe(1_250_000);
    // The pane says how the dates were read.
    const note = a.summary.problems.find((p) => p.code === "date-system-1904");
    expect(note?.severity).toBe("warning");
    expect(note?.message.nl).toContain("1904");
    expect(note?.message.en).toContain("1904");
    expect(source.date1904).toBe(true);
    // Across the Web Worker (values packed) every sheet keeps the flag.
    const { source: posted, packed } = packedSource(source);
    const back = withValues(structuredClone(posted), packed!);
    expect(back.fileSheets?.map((x) => [x.sheetName, x.date1904])).toEqual([["Omzet 2026", true], ["Omzet 2025", true]]);
    expect(analyze(back, {}, TODAY).summary.crossing?.day).toBe(dayFromIso("2026-04-01"));
  });

  it("a workbook in the 1900 system reads the same numbers as 1900 serials, without the note", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Facturen");
    ws.addRow(["Datum", "Bedrag"]);
    ws.addRow([excelSerialFromDay(dayFromIso("2026-04-01")), 100]);
    const source = await readFileSource(fileLike("pc.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(source.date1904).toBeUndefined();
    const a = analyze(source, {}, TODAY);
    expect(a.table.rows.map((r) => isoFromDay(r.day))).toEqual(["2026-04-01"]);
    expect(a.summary.problems.some((p) => p.code === "date-system-1904")).toBe(false);
  });
});
