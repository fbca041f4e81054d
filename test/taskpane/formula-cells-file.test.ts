/**
 * Browser "Open file" on formula cells, as other programs write them: exceljs' whole-workbook loader gives a
 * formula whose cached result is 0, FALSE or "" as `{ formula }` alone, like a formula saved without a cached
 * value, and the panel read all of these as empty cells. A FALSE category was then counted as Dutch
 * standard-rate turnover, and a formula without a value silently left the invoice out. Each must read as Excel
 * mode's range.values would give it, and a formula without a value as the same row error kor-check gives
 * (test/cli/xlsxCells.test.ts has these cells for kor-check's reader).
 */
import JSZip from "jszip";
import { readFileSource } from "../../src/taskpane/browser/files";
import { HEADER, dateStyle, fileLike, inline, num, xlsxWithSheets } from "./xlsxXml";
import { packedSource, withValues } from "../../src/taskpane/browser/fileWorker";
import { readTable } from "../../src/reading/headers";
import { dayFromIso } from "../../src/rules/dates";
import { EmptyTextFormulaWatch } from "../../src/reading/zipInflate";
import type { InvoiceSource } from "../../src/excel/source";

/** 1 March 2026 and 1 April 2026 as 1900-system serials. */
const MARCH_1 = 46082;
const APRIL_1 = 46113;
const ROW2 = `${num("A2", MARCH_1)}${num("B2", 15000)}${inline("C2", "21")}`;

/**
 * A workbook whose sheets (name → rows) hold the header, row 2 = 1 March 2026, €15,000, 21%, and row 3 = `row3`
 * (xlsxXml.ts); `workbookPr`: workbook.xml's attributes.
 */
function workbook(sheets: Record<string, { row3: string; row2?: string }>, opts: { workbookPr?: string } = {}): Promise<Uint8Array> {
  const xml: Record<string, string> = {};
  for (const [name, s] of Object.entries(sheets)) xml[name] = `${HEADER}<row r="2">${s.row2 ?? ROW2}</row><row r="3">${s.row3}</row>`;
  return xlsxWithSheets(xml, opts);
}

async function open(bytes: Uint8Array): Promise<InvoiceSource> {
  return readFileSource(fileLike("facturen.xlsx", bytes));
}

/** What the user sees: the rows read (day, cents, category) and the row-numbered problems. */
function seen(values: readonly (readonly unknown[])[]): { rows: [number, number, string | null][]; problems: [number | null, string, string | null][] } {
  const t = readTable(values);
  return {
    rows: t.rows.map((r) => [r.day, r.cents, r.category ?? null]),
    problems: t.problems.map((p) => [p.row, p.code, p.column]),
  };
}

const ROW2_READ: [number, number, string | null] = [dayFromIso("2026-03-01"), 1_500_000, "21"];

describe("Open file (.xlsx): formula cells read as Excel shows them, or a row error", () => {
  it("a category formula giving FALSE is the same error as in Excel mode (it was read as empty: 21% turnover)", async () => {
    const source = await open(await workbook({ Facturen: { row3: `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3" t="b"><f>B3&gt;99999</f><v>0</v></c>` } }));
    expect(source.values[2]).toEqual([APRIL_1, 6000, false]);
    const s = seen(source.values);
    expect(s.problems).toEqual([[3, "boolean", "category"]]);
    expect(s.rows).toEqual([ROW2_READ]);
  });

  it("an amount formula without a calculated value is a row error (the invoice was silently left out)", async () => {
    const source = await open(await workbook({ Facturen: { row3: `${num("A3", APRIL_1)}<c r="B3"><f>B2*0.5</f></c>${inline("C3", "21")}` } }));
    const s = seen(source.values);
    expect(s.problems).toEqual([[3, "formula-no-result", "amount"]]);
    expect(s.rows).toEqual([ROW2_READ]);
  });

  it("an empty <v/> on a number formula is no value either (as kor-check reads it)", async () => {
    const source = await open(await workbook({ Facturen: { row3: `<c r="A3"><f>A2+31</f><v/></c>${num("B3", 6000)}${inline("C3", "21")}` } }));
    expect(seen(source.values).problems).toEqual([[3, "formula-no-result", "date"]]);
  });

  it("a cached 0 is 0, as Excel mode's range.values gives it, not an empty cell", async () => {
    const source = await open(
      await workbook({
        Facturen: {
          row2: `${num("A2", MARCH_1)}${num("B2", 15000)}<c r="C2"><f>IF(B2&gt;0,0,21)</f><v>0</v></c>`,
          row3: `${num("A3", APRIL_1)}<c r="B3"><f>B2*0</f><v>0</v></c>${inline("C3", "21")}`,
        },
      }),
    );
    expect(source.values.slice(1)).toEqual([
      [MARCH_1, 15000, 0],
      [APRIL_1, 0, "21"],
    ]);
  });

  it("an amount formula giving #N/A is an Excel-error row error", async () => {
    const source = await open(await workbook({ Facturen: { row3: `${num("A3", APRIL_1)}<c r="B3" t="e"><f>NA()</f><v>#N/A</v></c>${inline("C3", "21")}` } }));
    expect(source.values[2][1]).toBe("#N/A");
    expect(seen(source.values).problems).toEqual([[3, "excel-error", "amount"]]);
  });

  it("a cached empty text (Excel's IF(…;\"\";…)) is an empty cell, not an error; a text result is read", async () => {
    const source = await open(
      await workbook({
        Facturen: {
          row2: `${num("A2", MARCH_1)}${num("B2", 15000)}<c r="C2" t="str"><f>""</f><v></v></c>`,
          row3: `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3" t="str"><f>"2"&amp;"1"</f><v>21</v></c><c r="D3" t="str"><f>""</f><v/></c>`,
        },
      }),
    );
    expect(source.values[1][2]).toBe("");
    expect(source.values[2].slice(2)).toEqual(["21", ""]);
    const s = seen(source.values);
    expect(s.problems).toEqual([]);
    expect(s.rows.map((r) => r[1])).toEqual([1_500_000, 600_000]);
  });

  it("shared formulas: a slave with a cached value reads it; one without is a row error", async () => {
    const withValue = await open(
      await workbook({
        Facturen: {
          row2: `${num("A2", MARCH_1)}<c r="B2"><f t="shared" ref="B2:B3" si="0">5000*3</f><v>15000</v></c>${inline("C2", "21")}`,
          row3: `${num("A3", APRIL_1)}<c r="B3"><f t="shared" si="0"/><v>6000</v></c>${inline("C3", "21")}`,
        },
      }),
    );
    const s = seen(withValue.values);
    expect(s.problems).toEqual([]);
    expect(s.rows.map((r) => r[1])).toEqual([1_500_000, 600_000]);
    const without = await open(
      await workbook({
        Facturen: {
          row2: `${num("A2", MARCH_1)}<c r="B2"><f t="shared" ref="B2:B3" si="0">5000*3</f><v>15000</v></c>${inline("C2", "21")}`,
          row3: `${num("A3", APRIL_1)}<c r="B3"><f t="shared" si="0"/></c>${inline("C3", "21")}`,
        },
      }),
    );
    expect(seen(without.values).problems).toEqual([[3, "formula-no-result", "amount"]]);
    expect(without.values[2][1]).toEqual({ formula: "5000*3" });
  });

  it("a date-formatted formula is its day, in a 1904 workbook too", async () => {
    const s = await dateStyle();
    const pc = await open(await workbook({ Facturen: { row3: `<c r="A3" s="${s}"><f>A2+31</f><v>${APRIL_1}</v></c>${num("B3", 6000)}${inline("C3", "21")}` } }));
    expect(seen(pc.values).rows.map((r) => r[0])).toEqual([dayFromIso("2026-03-01"), dayFromIso("2026-04-01")]);
    const mac = await open(
      await workbook(
        { Facturen: { row2: `<c r="A2" s="${s}"><v>${MARCH_1 - 1462}</v></c>${num("B2", 15000)}${inline("C2", "21")}`, row3: `<c r="A3" s="${s}"><f>A2+31</f><v>${APRIL_1 - 1462}</v></c>${num("B3", 6000)}${inline("C3", "21")}` } },
        { workbookPr: 'date1904="true"' },
      ),
    );
    expect(mac.values[2][0]).toBeInstanceOf(Date);
    const m = seen(mac.values);
    expect(m.problems).toEqual([]);
    expect(m.rows.map((r) => r[0])).toEqual([dayFromIso("2026-03-01"), dayFromIso("2026-04-01")]);
  });

  it("tells a cached empty text from no value by its own sheet, whatever the sheets' part names", async () => {
    const bytes = await workbook({
      "2025": { row3: `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3"><f>Z1</f></c>` },
      "Facturen & 2026": { row3: `${num("A3", APRIL_1)}${num("B3", 6000)}<c r="C3" t="str"><f>""</f><v></v></c>` },
    });
    // Swap the parts: sheet "2025" is now xl/worksheets/sheet2.xml and the other sheet1.xml.
    const zip = await JSZip.loadAsync(bytes);
    const [one, two] = await Promise.all([zip.file("xl/worksheets/sheet1.xml")!.async("string"), zip.file("xl/worksheets/sheet2.xml")!.async("string")]);
    zip.file("xl/worksheets/sheet1.xml", two);
    zip.file("xl/worksheets/sheet2.xml", one);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toMatch(/Target="worksheets\/sheet1\.xml"/);
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/worksheets\/sheet1\.xml/, "@").replace(/worksheets\/sheet2\.xml/, "/xl/worksheets/sheet1.xml").replace("@", "worksheets/sheet2.xml"));
    const source = await open(await zip.generateAsync({ type: "uint8array" }));
    const sheets = source.fileSheets ?? [source];
    expect(sheets.map((x) => x.sheetName)).toEqual(["2025", "Facturen & 2026"]);
    expect(seen(sheets[0].values).problems).toEqual([[3, "formula-no-result", "category"]]);
    expect(seen(sheets[1].values).problems).toEqual([]);
  });
});

describe("formula cells through the reading worker's packing", () => {
  it("a formula without a value still packs (a file of uncalculated formulas is not copied row by row) and reads the same; cached values pack", async () => {
    const missing = await open(await workbook({ Facturen: { row3: `${num("A3", APRIL_1)}<c r="B3"><f>B2*0.5</f></c>${inline("C3", "21")}` } }));
    const posted = packedSource(missing);
    expect(posted.packed).toBeDefined();
    const received = withValues(structuredClone(posted.source), posted.packed!);
    expect(received.values).toEqual(missing.values);
    expect(seen(received.values)).toEqual(seen(missing.values));
    expect(seen(received.values).problems).toEqual([[3, "formula-no-result", "amount"]]);

    const cached = await open(
      await workbook({ Facturen: { row3: `${num("A3", APRIL_1)}<c r="B3"><f>B2*0</f><v>0</v></c><c r="C3" t="b"><f>FALSE</f><v>0</v></c><c r="D3" t="str"><f>""</f><v></v></c>` } }),
    );
    const p = packedSource(cached);
    expect(p.packed).toBeDefined();
    expect(withValues(structuredClone(p.source), p.packed!).values).toEqual(cached.values);
  });
});

describe("EmptyTextFormulaWatch", () => {
  it("finds the formula cells with a cached empty text however the XML arrives in chunks", () => {
    const xml =
      `<sheetData><row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>Z1</f></c><c r="C1" t="str"><f>IF(A1&gt;0,"","x")</f><v>x</v></c>` +
      `<c r="D1" s="2" t = 'str'><f t="shared" si="0"/><v/></c><c r="E1" t="str"><v></v></c><c r="F1"><f>1</f><v></v></c><cols/><c r="g1" t="str"><f>""</f><v></v></c></row></sheetData>`;
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 5, 33, bytes.length]) {
      const watch = new EmptyTextFormulaWatch();
      for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
      expect([...watch.refs].sort()).toEqual(["A1", "D1", "G1"]);
    }
  });
});
