/**
 * Browser "Open file" on ISO date cells (`t="d"`, `<v>2026-04-01T00:00:00Z</v>`: valid OOXML, written by
 * SheetJS with cellDates, openpyxl with iso_dates, some web bookkeeping exports). exceljs' whole-workbook loader
 * reads one as parseFloat (2026-04-01 as 2026, a day in 1905); the counting pass collects each such cell's text
 * and the panel reads it as kor-check does (src/reading/isoDateCell.ts): the calendar day as written, never
 * moved by a 1904 workbook's offset; text that is not such a date stays as written, an error for its row.
 * test/cli/xlsxCells.test.ts has the same cells for kor-check's reader.
 */
import { readFileSource } from "../../src/taskpane/browser/files";
import { HEADER, dateStyle, fileLike, inline, num, xlsxWithSheets } from "./xlsxXml";
import { packedSource, withValues } from "../../src/taskpane/browser/fileWorker";
import { readTable } from "../../src/reading/headers";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import { IsoDateCellWatch, RowNumberWatch, checkRealInflation } from "../../src/reading/zipInflate";
import { READ_LIMITS, TooLargeError } from "../../src/reading/limits";
import { analyze } from "../../src/taskpane/model";
import type { InvoiceSource } from "../../src/excel/source";

const iso = (ref: string, text: string, attrs = ""): string => `<c r="${ref}"${attrs} t="d"><v>${text}</v></c>`;
const rowsXml = (rows: readonly string[]): string => HEADER + rows.map((cells, i) => `<row r="${i + 2}">${cells}</row>`).join("");

/** A workbook whose sheets (name → its rows from row 2 on, under the header) are the test's XML (xlsxXml.ts). */
function workbook(sheets: Record<string, readonly string[]>, opts: { date1904?: "1" | "true" } = {}): Promise<Uint8Array> {
  const xml: Record<string, string> = {};
  for (const [name, rows] of Object.entries(sheets)) xml[name] = rowsXml(rows);
  return xlsxWithSheets(xml, opts.date1904 === undefined ? {} : { workbookPr: `date1904="${opts.date1904}"` });
}

const open = (bytes: Uint8Array, limits = READ_LIMITS): Promise<InvoiceSource> => readFileSource(fileLike("export.xlsx", bytes), limits);

/** The rows read (ISO day, cents) and the row-numbered problems (row, column). */
function seen(values: readonly (readonly unknown[])[]): { rows: [string, number][]; problems: [number | null, string | null][] } {
  const t = readTable(values);
  return { rows: t.rows.map((r) => [isoFromDay(r.day), r.cents]), problems: t.problems.map((p) => [p.row, p.column]) };
}

const TODAY = dayFromIso("2026-11-27");

describe('Open file (.xlsx) with ISO date cells (t="d")', () => {
  it("reads each invoice on the day written: date-formatted or not, with a time late in the evening, with entities; no file problem", async () => {
    const s = await dateStyle();
    const source = await open(
      await workbook({
        Facturen: [
          `${iso("A2", "2026-03-01T00:00:00Z", ` s="${s}"`)}${num("B2", 15000)}${inline("C2", "21")}`,
          `${iso("A3", "2026-04-01")}${num("B3", 6000)}${inline("C3", "21")}`,
          `${iso("A4", "2026-04-01T23:30:00", ` s="${s}"`)}${num("B4", 100)}${inline("C4", "21")}`,
          `${iso("A5", "2026-05-02T10:00:00&#43;02:00")}${num("B5", 200)}${inline("C5", "21")}`,
        ],
      }),
    );
    expect(source.values.slice(1).map((r) => r[0])).toEqual(["2026-03-01", "2026-04-01", "2026-04-01", "2026-05-02"]);
    expect(source.fileProblems).toBeUndefined();
    expect(seen(source.values)).toEqual({
      rows: [
        ["2026-03-01", 1_500_000],
        ["2026-04-01", 600_000],
        ["2026-04-01", 10_000],
        ["2026-05-02", 20_000],
      ],
      problems: [],
    });
    const a = analyze(source, {}, TODAY);
    expect(a.years).toEqual([2026]);
    expect(isoFromDay(a.summary.crossing!.day)).toBe("2026-04-01");
    expect(a.summary.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it.each(["1", "true"] as const)('in a 1904 workbook (date1904="%s") an ISO date is its calendar day, not moved; a serial beside it is', async (flag) => {
    const s = await dateStyle();
    const source = await open(
      await workbook(
        {
          Facturen: [
            `${num("A2", 46082 - 1462)}${num("B2", 15000)}${inline("C2", "21")}`,
            `${iso("A3", "2026-04-01T00:00:00Z", ` s="${s}"`)}${num("B3", 6000)}${inline("C3", "21")}`,
            `${iso("A4", "2026-04-02")}${num("B4", 100)}${inline("C4", "21")}`,
          ],
        },
        { date1904: flag },
      ),
    );
    expect(source.date1904).toBe(true);
    const a = analyze(source, {}, TODAY);
    expect(a.table.rows.map((r) => isoFromDay(r.day))).toEqual(["2026-03-01", "2026-04-01", "2026-04-02"]);
    expect(isoFromDay(a.summary.crossing!.day)).toBe("2026-04-01");
  });

  it("keeps the error iso-date-cells for ISO date cells it cannot tie to a cell (a prefixed <x:c>), so no such day is lost unsaid", async () => {
    const prefixed = `<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A2" t="d"><x:v>2026-04-01</x:v></x:c>`;
    const source = await open(await workbook({ Facturen: [`${prefixed}${num("B2", 15000)}`, `${iso("A3", "2026-04-02")}${num("B3", 100)}`] }));
    expect(source.fileProblems?.map((p) => [p.code, p.severity])).toEqual([["iso-date-cells", "error"]]);
    expect(source.fileProblems?.[0].message.nl).toContain("kor-check");
  });

  it("text that is no ISO date stays as written: an error for its row (as kor-check), the other rows read", async () => {
    const source = await open(
      await workbook({
        Facturen: [
          `${iso("A2", "2026-03-01")}${num("B2", 15000)}${inline("C2", "21")}`,
          `${iso("A3", "2026-02-30")}${num("B3", 6000)}${inline("C3", "21")}`,
          `${iso("A4", "gisteren &amp; vandaag")}${num("B4", 100)}${inline("C4", "21")}`,
        ],
      }),
    );
    expect(source.values.slice(1).map((r) => r[0])).toEqual(["2026-03-01", "2026-02-30", "gisteren & vandaag"]);
    const s = seen(source.values);
    expect(s.rows).toEqual([["2026-03-01", 1_500_000]]);
    expect(s.problems).toEqual([
      [3, "date"],
      [4, "date"],
    ]);
  });

  it("a formula cell of type d gets the ISO day as its result; one without a value stays a formula without a result", async () => {
    const source = await open(
      await workbook({
        Facturen: [
          `${iso("A2", "2026-03-01")}${num("B2", 15000)}${inline("C2", "21")}`,
          `<c r="A3" t="d"><f>A2+31</f><v>2026-04-01T00:00:00Z</v></c>${num("B3", 6000)}${inline("C3", "21")}`,
          `<c r="A4" t="d"><f>A3+1</f></c>${num("B4", 100)}${inline("C4", "21")}`,
        ],
      }),
    );
    expect(source.values[2][0]).toBe("2026-04-01");
    expect(source.values[3][0]).toEqual({ formula: "A3+1" });
    const s = seen(source.values);
    expect(s.rows).toEqual([
      ["2026-03-01", 1_500_000],
      ["2026-04-01", 600_000],
    ]);
    expect(s.problems).toEqual([[4, "date"]]);
  });

  it("each sheet's cells by its own name (a sheet per year), and the values still pack for the reading worker", async () => {
    const source = await open(
      await workbook({
        "Omzet 2025": [`${iso("A2", "2025-06-01")}${num("B2", 12000)}${inline("C2", "21")}`, `${num("A3", 2026)}${num("B3", 1)}${inline("C3", "21")}`],
        "Omzet & 2026": [`${num("A2", 2026)}${num("B2", 1)}${inline("C2", "21")}`, `${iso("A3", "2026-04-01")}${num("B3", 6000)}${inline("C3", "21")}`],
      }),
    );
    const sheets = source.fileSheets ?? [source];
    expect(sheets.map((x) => [x.sheetName, x.values.slice(1).map((r) => r[0])])).toEqual([
      ["Omzet 2025", ["2025-06-01", 2026]],
      ["Omzet & 2026", [2026, "2026-04-01"]],
    ]);
    const posted = packedSource(source);
    expect(posted.packed).toBeDefined();
    const back = withValues(structuredClone(posted.source), posted.packed!);
    expect(back.values).toEqual(source.values);
    expect(back.fileSheets?.map((x) => x.values)).toEqual(sheets.map((x) => x.values));
  });

  it("a file with more ISO date cells than the cell limit is refused as too large by the counting pass", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${iso(`A${i + 2}`, "2026-04-01")}${iso(`B${i + 2}`, "2026-04-02")}`);
    const bytes = await workbook({ Facturen: rows.slice(0, 30), Andere: rows.slice(30) });
    const limits = { ...READ_LIMITS, browserCells: 100 };
    await expect(checkRealInflation(bytes, limits)).rejects.toMatchObject({ what: "cells", limit: 100 });
    await expect(checkRealInflation(bytes, limits, { builtIn: false })).rejects.toBeInstanceOf(TooLargeError);
    await expect(open(bytes, limits)).rejects.toMatchObject({ what: "cells" });
    await expect(checkRealInflation(bytes, { ...READ_LIMITS, browserCells: 120 })).resolves.toBeDefined();
  });
});

describe("IsoDateCellWatch", () => {
  const xml =
    `<sheetData><row r="1"><c r="A1" s="3" t="d"><v>2026-04-01T00:00:00Z</v></c><c r="B1" t="s"><v>0</v></c>` +
    `<c r="C1"><f t="shared" si="0">A1+1</f><v>3</v></c><c r="D1" t="str"><v>t=&quot;d&quot;</v></c><cols/>` +
    `<c r="e1" t = 'd'><f>A1+1</f><v>2026-04-02</v></c><c r="F1" t="d"/><c r="G1" t="d"><f>Z1</f></c>` +
    `<c r="H1" t="d"><v>gisteren &amp; &#x41;</v></c><c r="I1" t="d"><v></v></c><c r="J1" t="d"><v/></c></row></sheetData>`;
  const expected = [
    ["A1", "2026-04-01T00:00:00Z"],
    ["E1", "2026-04-02"],
    ["H1", "gisteren & A"],
    ["I1", ""],
    ["J1", ""],
  ];

  it("collects each t=\"d\" cell's ref and text however the XML arrives in chunks (every chunk size)", () => {
    const bytes = new TextEncoder().encode(xml);
    for (let size = 1; size <= bytes.length; size++) {
      const watch = new IsoDateCellWatch();
      for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
      expect([...watch.cells].sort()).toEqual(expected);
      expect(watch.unplaced).toBe(false);
    }
  });

  it("notes a t=\"d\" cell it cannot tie to a ref (no r, a prefixed <x:c>), in every chunk size", () => {
    for (const odd of [`<c t="d"><v>2026-04-01</v></c>`, `<x:c r="A2" t="d"><x:v>2026-04-01</x:v></x:c>`]) {
      const bytes = new TextEncoder().encode(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>${odd}</row></sheetData>`);
      for (let size = 1; size <= bytes.length; size++) {
        const watch = new IsoDateCellWatch();
        for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
        expect([odd, size, watch.unplaced]).toEqual([odd, size, true]);
      }
    }
  });

  it("stops at the cell limit, counted over all sheets' watches (a cell seen twice across chunks counts once)", () => {
    const total = { count: 0 };
    const one = new IsoDateCellWatch(6, total);
    const bytes = new TextEncoder().encode(xml);
    for (let i = 0; i < bytes.length; i += 7) one.feed(bytes.subarray(i, i + 7));
    expect(total.count).toBe(5);
    const two = new IsoDateCellWatch(6, total);
    expect(() => two.feedText('<c r="A1" t="d"><v>2026-04-01</v></c><c r="A2" t="d"><v>2026-04-01</v></c>')).toThrow(TooLargeError);
  });

  it("keeps a long text short: a date padded with spaces is still that date, other text is cut and no date", () => {
    const watch = new IsoDateCellWatch();
    watch.feedText(`<c r="A1" t="d"><v>  2026-04-01${" ".repeat(500)}</v></c><c r="A2" t="d"><v>${"x".repeat(500)}</v></c>`);
    expect(watch.cells.get("A1")).toBe("2026-04-01");
    expect(watch.cells.get("A2")!.length).toBeLessThan(100);
    expect(watch.cells.get("A2")!.endsWith("…")).toBe(true);
  });

  it("a t=\"d\" cell longer than can be carried between chunks is still collected, as no date", () => {
    const watch = new IsoDateCellWatch();
    const text = `<c r="A1" t="d"><v>2026-04-01${"x".repeat(300_000)}</v></c><c r="A2" t="d"><v>2026-04-02</v></c>`;
    for (let i = 0; i < text.length; i += 4096) watch.feedText(text.slice(i, i + 4096));
    expect(watch.cells.get("A1")?.endsWith("…")).toBe(true);
    expect(watch.cells.get("A2")).toBe("2026-04-02");
  });
});

describe("RowNumberWatch", () => {
  it("finds a row past 1,048,576 however the sheet's text is cut into chunks, and nothing in a sheet within it", () => {
    const text = `<sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row><row spans="1:2" r='2000000'><c r="A2000000"><v>3</v></c></row></sheetData>`;
    for (const size of [1, 2, 3, 7, 50, text.length]) {
      const watch = new RowNumberWatch();
      for (let i = 0; i < text.length; i += size) watch.feedText(text.slice(i, i + size));
      expect({ size, beyond: watch.beyond }).toEqual({ size, beyond: "2000000" });
    }
    const within = new RowNumberWatch();
    within.feedText(text.slice(0, text.indexOf("<row spans")));
    expect(within.beyond).toBeNull();
    // Only a row's own tag: not an element whose name starts with "row", nor a cell's ref.
    const others = new RowNumberWatch();
    others.feedText(`<rowBreaks r="5000000" count="1"><brk id="5000000"/></rowBreaks><row r="2"><c r="A2000000"><v>1</v></c></row>`);
    expect(others.beyond).toBeNull();
  });
});
