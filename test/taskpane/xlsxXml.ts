/**
 * Hand-made .xlsx files for the panel's Open file tests: a workbook written by exceljs whose sheets' XML is then
 * replaced by the test's own cells (formula cells without values, ISO date cells …, which exceljs does not write).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { FileLike } from "../../src/taskpane/browser/files";

export const fileLike = (name: string, bytes: Uint8Array): FileLike => ({
  name,
  text: async () => new TextDecoder().decode(bytes),
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
export const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;
/** The header row: Datum, Bedrag, Categorie. */
export const HEADER = `<row r="1">${inline("A1", "Datum")}${inline("B1", "Bedrag")}${inline("C1", "Categorie")}</row>`;
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
/** A sheet's XML: its rows, then a `<hyperlinks>` entry per ref in `links` (relationship rId1, rId2 … in that order). */
const sheetXml = (rows: string, links: readonly string[] = []): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}><sheetData>${rows}</sheetData>` +
  (links.length === 0 ? "" : `<hyperlinks>${links.map((ref, i) => `<hyperlink ref="${ref}" r:id="rId${i + 1}"/>`).join("")}</hyperlinks>`) +
  `</worksheet>`;
/** A sheet's relationships part: one external hyperlink per entry of `links`, as Excel writes a link typed in a cell. */
const sheetRels = (links: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  links
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/factuur/${i + 1}" TargetMode="External"/>`)
    .join("") +
  `</Relationships>`;

/** A workbook with exceljs' A1 in a date format (cell style `dateStyle()`): the bytes before its sheets are replaced. */
async function exceljsWorkbook(names: readonly string[]): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  for (const name of names) {
    const ws = wb.addWorksheet(name);
    ws.getCell("A1").value = new Date(Date.UTC(2026, 0, 1));
    ws.getCell("A1").numFmt = "dd-mm-yyyy";
  }
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

/**
 * A workbook whose sheets (name → the `<row>`s of its sheetData) are the test's own XML; `workbookPr`: the
 * attributes of workbook.xml's `<workbookPr>` (e.g. `date1904="true"`); `hyperlinks`: per sheet name, the cells
 * ("B3") that carry a link (Insert > Link in Excel: an entry in the sheet's `<hyperlinks>` and its relationship).
 */
export async function xlsxWithSheets(sheets: Record<string, string>, opts: { workbookPr?: string; hyperlinks?: Record<string, readonly string[]> } = {}): Promise<Uint8Array> {
  const zip = await exceljsWorkbook(Object.keys(sheets));
  Object.entries(sheets).forEach(([name, rows], i) => {
    const links = opts.hyperlinks?.[name] ?? [];
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(rows, links));
    if (links.length > 0) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRels(links));
  });
  if (opts.workbookPr !== undefined) {
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<workbookPr[^>]*>/, `<workbookPr ${opts.workbookPr}/>`);
    zip.file("xl/workbook.xml", xml);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The date-formatted cell style exceljs writes (the `s` of A1), so a cell of the test's XML can be a date. */
export async function dateStyle(): Promise<string> {
  const zip = await exceljsWorkbook(["x"]);
  return /<c r="A1" s="(\d+)"/.exec(await zip.file("xl/worksheets/sheet1.xml")!.async("string"))![1];
}
