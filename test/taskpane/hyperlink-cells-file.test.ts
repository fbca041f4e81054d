/**
 * Browser "Open file" on cells that carry a link (Insert > Link in Excel: an entry in the sheet's `<hyperlinks>`
 * with an external relationship; not the HYPERLINK() function, which is a formula like any other). exceljs'
 * whole-workbook loader makes every such cell `{ text, hyperlink }` of type Hyperlink: a plain cell's value and a
 * formula's cached result become its `text`, and a formula cell is no longer of type Formula, so the panel's
 * reading of formula cells (formula-cells-file.test.ts) did not see it. A formula saved without a value was then
 * read as an empty cell: a category counted as 21% turnover without a word, a date or amount as a row with the
 * other half missing. kor-check's own reader (src/cli/sheetRows.ts) ignores links; each case here is read by both
 * and must come out the same, also when a link entry's relationship is missing (exceljs stopped on it).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { DamagedFileError, readFileSource } from "../../src/taskpane/browser/files";
import { HEADER, dateStyle, fileLike, inline, num, xlsxWithSheets } from "./xlsxXml";
import { packedSource, withValues } from "../../src/taskpane/browser/fileWorker";
import { readTable } from "../../src/reading/headers";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import type { InvoiceSource } from "../../src/excel/source";
import { runCli, tempDir } from "../cli/fixtures";

jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

/** 1 March 2026 and 1 April 2026 as 1900-system serials. */
const MARCH_1 = 46082;
const APRIL_1 = 46113;
const ROW2 = `${num("A2", MARCH_1)}${num("B2", 15000)}${inline("C2", "21")}`;
const TODAY = dayFromIso("2026-11-27");

/** The three columns of row 3: where the cell under test goes, and the row's other two cells. */
const COLUMNS = {
  date: { ref: "A3", index: 0, row: (cell: string) => `${cell}${num("B3", 6000)}${inline("C3", "21")}` },
  amount: { ref: "B3", index: 1, row: (cell: string) => `${num("A3", APRIL_1)}${cell}${inline("C3", "21")}` },
  category: { ref: "C3", index: 2, row: (cell: string) => `${num("A3", APRIL_1)}${num("B3", 6000)}${cell}` },
} as const;
type Column = keyof typeof COLUMNS;

/**
 * A workbook with the header, row 2 = 1 March 2026, €15,000, 21%, and row 3 = `row3`, the cells `links` carrying a
 * link; `workbookPr`: workbook.xml's attributes, `row2`: another row 2.
 */
function workbook(row3: string, links: readonly string[], opts: { workbookPr?: string; row2?: string } = {}): Promise<Uint8Array> {
  const sheet = `${HEADER}<row r="2">${opts.row2 ?? ROW2}</row><row r="3">${row3}</row>`;
  return xlsxWithSheets({ Facturen: sheet }, { hyperlinks: { Facturen: links }, ...(opts.workbookPr === undefined ? {} : { workbookPr: opts.workbookPr }) });
}

/** What a reader concluded: how many rows it read and its row-numbered problems by code. */
interface Read {
  readonly rows: number;
  readonly problems: [number | null, string][];
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** kor-check on the same bytes. */
async function korCheck(bytes: Uint8Array): Promise<Read> {
  const file = path.join(tmp.dir, "facturen.xlsx");
  writeFileSync(file, bytes);
  const r = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
  const item = (JSON.parse(r.stdout) as Json[])[0];
  const problems: [number | null, string][] = [];
  // The 1904 note goes with a report (the pane's analyze adds it too), not with the rows read here.
  for (const p of item.problems as Json[]) if (p.code !== "date-system-1904") for (const row of (p.rows as number[] | undefined) ?? [p.row]) problems.push([row, p.code]);
  return { rows: item.rows, problems };
}

/** The panel's Open file: its values, the rows read (ISO day, cents, category) and the problems. */
async function panel(bytes: Uint8Array): Promise<{ source: InvoiceSource; rows: [string, number, string | null][]; read: Read }> {
  const source = await readFileSource(fileLike("facturen.xlsx", bytes));
  const t = readTable(source.values);
  return {
    source,
    rows: t.rows.map((r) => [isoFromDay(r.day), r.cents, r.category ?? null]),
    read: { rows: t.rows.length, problems: t.problems.map((p) => [p.row, p.code]) },
  };
}

/** Both readers on `bytes`: the panel's reading, after checking that kor-check concludes the same. */
async function asKorCheck(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof panel>>> {
  const p = await panel(bytes);
  expect(p.read).toEqual(await korCheck(bytes));
  return p;
}

const ROW2_READ: [string, number, string | null] = ["2026-03-01", 1_500_000, "21"];

describe("Open file (.xlsx): a formula cell that carries a link is read as a formula", () => {
  it.each([
    ["date", "<f> alone", `<f>Z1+1</f>`],
    ["amount", "<f> alone", `<f>B2*0.5</f>`],
    ["category", "<f> alone", `<f>VLOOKUP(Z1,Codes,2,0)</f>`],
    ["date", "an empty <v/>", `<f>Z1+1</f><v/>`],
    ["amount", "an empty <v/>", `<f>B2*0.5</f><v/>`],
    ["category", "an empty <v/>", `<f>VLOOKUP(Z1,Codes,2,0)</f><v/>`],
  ] as [Column, string, string][])("%s column: a formula saved without a value (%s) is the formula-no-result error of its row (it was read as an empty cell)", async (column, _how, inner) => {
    const c = COLUMNS[column];
    const formula = /<f>([^<]*)<\/f>/.exec(inner)![1];
    const p = await asKorCheck(await workbook(c.row(`<c r="${c.ref}">${inner}</c>`), [c.ref]));
    expect(p.source.values[2][c.index]).toEqual({ formula });
    expect(p.read.problems).toEqual([[3, "formula-no-result"]]);
    expect(p.rows).toEqual([ROW2_READ]);
  });

  it("a shared formula's cells that carry a link: a cached value is read, none is the row's error", async () => {
    const master = (v: string) => `${num("A2", MARCH_1)}<c r="B2"><f t="shared" ref="B2:B3" si="0">5000*3</f>${v}</c>${inline("C2", "21")}`;
    const withValue = await asKorCheck(await workbook(`${num("A3", APRIL_1)}<c r="B3"><f t="shared" si="0"/><v>6000</v></c>${inline("C3", "21")}`, ["B3"], { row2: master("<v>15000</v>") }));
    expect(withValue.rows).toEqual([ROW2_READ, ["2026-04-01", 600_000, "21"]]);
    const slave = await asKorCheck(await workbook(`${num("A3", APRIL_1)}<c r="B3"><f t="shared" si="0"/></c>${inline("C3", "21")}`, ["B3"], { row2: master("<v>15000</v>") }));
    expect(slave.read.problems).toEqual([[3, "formula-no-result"]]);
    expect(slave.rows).toEqual([ROW2_READ]);
    const first = await asKorCheck(await workbook(`${num("A3", APRIL_1)}<c r="B3"><f t="shared" si="0"/><v>6000</v></c>${inline("C3", "21")}`, ["B2"], { row2: master("") }));
    expect(first.read.problems).toEqual([[2, "formula-no-result"]]);
    expect(first.source.values[1][1]).toEqual({ formula: "5000*3" });
  });

  it('an ISO date formula (t="d") that carries a link: its day, or without a value the row\'s error', async () => {
    const day = await asKorCheck(await workbook(COLUMNS.date.row(`<c r="A3" t="d"><f>Z1</f><v>2026-04-01</v></c>`), ["A3"]));
    expect(day.rows).toEqual([ROW2_READ, ["2026-04-01", 600_000, "21"]]);
    const none = await asKorCheck(await workbook(COLUMNS.date.row(`<c r="A3" t="d"><f>Z1</f></c>`), ["A3"]));
    expect(none.read.problems).toEqual([[3, "formula-no-result"]]);
  });

  /** Cached results, by column: the cell under test (its XML inside `<c r=…>`) and its type attribute. */
  const CACHED: [string, string, Record<Column, string>][] = [
    ["a number", "", { date: `<f>A2+31</f><v>${APRIL_1}</v>`, amount: `<f>2000*3</f><v>6000</v>`, category: `<f>20+1</f><v>21</v>` }],
    ["0", "", { date: `<f>Z1*0</f><v>0</v>`, amount: `<f>Z1*0</f><v>0</v>`, category: `<f>Z1*0</f><v>0</v>` }],
    ["FALSE", ' t="b"', { date: `<f>Z1&gt;0</f><v>0</v>`, amount: `<f>Z1&gt;0</f><v>0</v>`, category: `<f>Z1&gt;0</f><v>0</v>` }],
    ['""', ' t="str"', { date: `<f>""</f><v></v>`, amount: `<f>""</f><v></v>`, category: `<f>""</f><v/>` }],
    ["a text", ' t="str"', { date: `<f>"1-4-2026"</f><v>1-4-2026</v>`, amount: `<f>"6000"</f><v>6000</v>`, category: `<f>"2"&amp;"1"</f><v>21</v>` }],
    ["#N/A", ' t="e"', { date: `<f>NA()</f><v>#N/A</v>`, amount: `<f>NA()</f><v>#N/A</v>`, category: `<f>NA()</f><v>#N/A</v>` }],
  ];
  const cachedCases = CACHED.flatMap(([what, t, byColumn]) => (Object.keys(COLUMNS) as Column[]).map((column) => [column, what, t, byColumn[column]] as const));

  it.each(cachedCases)("%s column: a formula whose cached result is %s reads the same with a link as without, and as kor-check", async (column, _what, t, inner) => {
    const c = COLUMNS[column];
    const row3 = c.row(`<c r="${c.ref}"${t}>${inner}</c>`);
    const linked = await asKorCheck(await workbook(row3, [c.ref]));
    const plain = await panel(await workbook(row3, []));
    expect(linked.source.values).toEqual(plain.source.values);
    expect(linked.read).toEqual(plain.read);
  });
});

describe("Open file (.xlsx): a plain cell that carries a link is its value", () => {
  it("a linked amount is the number (not text), a linked serial date its day, a linked category its text", async () => {
    const p = await asKorCheck(await workbook(`${num("A3", APRIL_1)}${num("B3", 6000)}${inline("C3", "21")}`, ["A3", "B3", "C3"]));
    expect(p.source.values[2]).toEqual([APRIL_1, 6000, "21"]);
    expect(p.rows).toEqual([ROW2_READ, ["2026-04-01", 600_000, "21"]]);
    // A shared string and a number category.
    const shared = await asKorCheck(await workbook(`${num("A3", APRIL_1)}${num("B3", 6000.5)}${num("C3", 9)}`, ["B3", "C3"]));
    expect(shared.rows).toEqual([ROW2_READ, ["2026-04-01", 600_050, "9"]]);
  });

  it.each([
    ["0", (ref: string) => num(ref, 0)],
    ["FALSE", (ref: string) => `<c r="${ref}" t="b"><v>0</v></c>`],
    ["#N/A", (ref: string) => `<c r="${ref}" t="e"><v>#N/A</v></c>`],
    ["an ISO date", (ref: string) => `<c r="${ref}" t="d"><v>2026-04-01</v></c>`],
    ["a styled empty cell", (ref: string) => `<c r="${ref}" s="1"/>`],
  ])("%s reads the same with a link as without, and as kor-check, in each column", async (_what, cell) => {
    for (const column of Object.keys(COLUMNS) as Column[]) {
      const c = COLUMNS[column];
      const row3 = c.row(cell(c.ref));
      const linked = await asKorCheck(await workbook(row3, [c.ref]));
      const plain = await panel(await workbook(row3, []));
      expect(linked.read).toEqual(plain.read);
      expect(linked.rows).toEqual(plain.rows);
    }
  });
});

describe("Open file (.xlsx): a linked date cell in a 1904 workbook", () => {
  it.each(['date1904="true"', 'date1904="1"'])("%s: a date-formatted cell that carries a link is its own day, as a value or a formula's result (it was 1,462 days early)", async (workbookPr) => {
    const s = await dateStyle();
    const row2 = `<c r="A2" s="${s}"><v>${MARCH_1 - 1462}</v></c>${num("B2", 15000)}${inline("C2", "21")}`;
    for (const cell of [`<c r="A3" s="${s}"><v>${APRIL_1 - 1462}</v></c>`, `<c r="A3" s="${s}"><f>A2+31</f><v>${APRIL_1 - 1462}</v></c>`]) {
      const p = await asKorCheck(await workbook(COLUMNS.date.row(cell), ["A3"], { workbookPr, row2 }));
      expect(p.rows).toEqual([ROW2_READ, ["2026-04-01", 600_000, "21"]]);
    }
  });
});

describe("linked formula cells through the reading worker's packing", () => {
  it("a linked formula without a value packs and reads the same", async () => {
    const p = await panel(await workbook(COLUMNS.category.row(`<c r="C3"><f>Z1</f></c>`), ["C3"]));
    const posted = packedSource(p.source);
    expect(posted.packed).toBeDefined();
    const received = withValues(structuredClone(posted.source), posted.packed!);
    expect(received.values).toEqual(p.source.values);
    expect(readTable(received.values).problems.map((x) => [x.row, x.code])).toEqual([[3, "formula-no-result"]]);
  });
});

describe("Open file (.xlsx): a link entry whose relationship is missing", () => {
  /** The workbook of `workbook(row3, links)`, its sheet's relationships changed by `rels` (null: left out). */
  async function brokenLinks(row3: string, links: readonly string[], rels: (xml: string) => string | null): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await workbook(row3, links));
    const name = "xl/worksheets/_rels/sheet1.xml.rels";
    const changed = rels(await zip.file(name)!.async("string"));
    if (changed === null) zip.remove(name);
    else zip.file(name, changed);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it.each([
    ["no relationships part at all", () => null],
    ["a relationships part without that id", (xml: string) => xml.replace('Id="rId1"', 'Id="rId7"')],
  ] as [string, (xml: string) => string | null][])("%s: the cells are read as kor-check reads them (the file was refused as damaged)", async (_what, rels) => {
    const p = await asKorCheck(await brokenLinks(COLUMNS.amount.row(`<c r="B3"><v>6000</v></c>`), ["B3"], rels));
    expect(p.rows).toEqual([ROW2_READ, ["2026-04-01", 600_000, "21"]]);
    expect(p.read.problems).toEqual([]);
    // A linked formula without a value is still its row's error, not an empty cell.
    const formula = await asKorCheck(await brokenLinks(COLUMNS.category.row(`<c r="C3"><f>Z1</f></c>`), ["C3"], rels));
    expect(formula.read.problems).toEqual([[3, "formula-no-result"]]);
  });

  it("a workbook that is damaged in another way is still refused as damaged", async () => {
    const zip = await JSZip.loadAsync(await workbook(COLUMNS.amount.row(`<c r="B3"><v>6000</v></c>`), ["B3"]));
    zip.file("xl/workbook.xml", "<workbook");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(readFileSource(fileLike("facturen.xlsx", bytes))).rejects.toThrow(DamagedFileError);
  });
});
