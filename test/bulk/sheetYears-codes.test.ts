/**
 * A firm's own codes in a workbook with a sheet per year: the code table the user filled in means the same on
 * every sheet of the business. The year report reads the previous year's sheet with its own sheet's code table
 * (then the other sheet's own entries for codes it does not name), offers that sheet's unknown codes in its code
 * table, and All sheets reads each sheet with the code table its year report uses. Over the fake Excel and Open
 * file. Answers worked out by hand below.
 */
import { buildOverview, type OverviewRow } from "../../src/bulk/overview";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { previousYearCodesOf, readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import type { InvoiceSource } from "../../src/excel/source";
import { savedCodeMapping, type CodeMappingEntry } from "../../src/reading/codeMapping";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { YearSummary } from "../../src/rules/summary-types";
import { readFileSource } from "../../src/taskpane/browser/files";
import { fileLike } from "../taskpane/xlsxXml";
import { sheetBookXlsx } from "./sheetBook";
import { analyze, otherSheetsOf, unitsOfFile, withCodeMapped, type SheetSettings } from "../../src/taskpane/model";
import { fakeContext, type FakeSheetDef } from "../excel/allSheets-fake";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "Btw-code"];
type Line = [iso: string, customer: string, euros: number, code: string | number];

/**
 * Atelier Mol, a sheet per year; its package exports the code 1 for the 21% rate (a number in the workbook).
 * - "Omzet 2025": 19,000 ("21") + 1,500 (code 1) = €20,500: over €20,000, not within.
 * - "Omzet 2026": 19,999 ("21"), within on its own; but its previous year (from "Omzet 2025") is €20,500:
 *   not within (kor-rules.md section 4). Read without the code table, 2025 would be €19,000 and an error.
 */
const MOL: Record<string, Line[]> = {
  "Omzet 2025": [
    ["2025-02-01", "Jansen", 19000, "21"],
    ["2025-10-01", "Bakker", 1500, 1],
  ],
  "Omzet 2026": [["2026-03-01", "Smit", 19999, "21"]],
};
const CODES: CodeMappingEntry[] = [{ code: "1", category: "21" }];

function fakeSheets(book: Record<string, Line[]>): FakeSheetDef[] {
  return Object.entries(book).map(([name, lines]) => ({ name, cells: [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])] }));
}

/** The active sheet as the pane reads it in Excel (the fake's worksheet ids are {sheet-1}, {sheet-2}). */
function excelSource(defs: FakeSheetDef[], index: number): InvoiceSource {
  return {
    key: `{sheet-${index + 1}}`, name: defs[index].name, origin: "sheet", tableName: null, values: defs[index].cells,
    rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
  };
}

const xlsxBytes = (book: Record<string, Line[]>): Promise<Buffer> => sheetBookXlsx(HEADER, book);


/** What the user sees of a summary: the figures, the verdict and which problems. */
function figures(s: YearSummary): { year: number; countable: number; verdict: string; previous: number | null; codes: string[] } {
  return { year: s.year, countable: s.countableCents, verdict: s.verdict, previous: s.previousYearCents, codes: s.problems.map((p) => p.code).sort() };
}
function lineFigures(l: OverviewRow): ReturnType<typeof figures> {
  return figures(l.summary);
}

const Y2026 = { year: 2026, countable: 1_999_900, verdict: "not-eligible", previous: 2_050_000, codes: ["code-mapping", "previous-year-from-sheet"] };
// The 2025 sheet's next start reads the later sheet "Omzet 2026" (src/bulk/sheetYears.ts otherYearsLink).
const Y2025 = { year: 2025, countable: 2_050_000, verdict: "not-eligible", previous: 0, codes: ["code-mapping", "later-years-from-sheets"] };

describe("the year report over the fake Excel: the previous year's sheet is read with the code table", () => {
  const defs = fakeSheets(MOL);
  /** The 2026 report as the pane makes it: the other sheets read as excelHost reads them (saved tables by sheet id). */
  async function report2026(settings: SheetSettings, saved: Record<string, readonly CodeMappingEntry[]> = {}): Promise<ReturnType<typeof analyze>> {
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-2}", 2023, true, previousYearCodesOf(settings.codes, (id) => saved[id]));
    return analyze(excelSource(defs, 1), settings, TODAY, others);
  }

  it("the 2026 sheet's code table counts code 1 on sheet 'Omzet 2025': previous year €20,500, not within", async () => {
    const a = await report2026({ codes: CODES });
    expect(a.previousYearSheet).toBe("Omzet 2025");
    expect(figures(a.summary)).toEqual(Y2026);
    expect(a.unknownCodes).toEqual([]);
  });

  it("a code mapped only on the 2025 sheet's own table counts too", async () => {
    const a = await report2026({}, { "{sheet-1}": CODES });
    expect(a.summary.previousYearCents).toBe(2_050_000);
    expect(a.summary.verdict).toBe("not-eligible");
    expect(a.summary.problems.map((p) => p.code)).not.toContain("unknown-category");
    // The report says which table was used, and on which sheet.
    expect(a.summary.problems.filter((p) => p.code === "code-mapping").map((p) => p.message.en)).toEqual(['Sheet "Omzet 2025": Own codes read as: "1" → 21.']);
  });

  it("the sheet's own table wins over the other sheet's for the same code", async () => {
    const a = await report2026({ codes: [{ code: "1", category: "inkoop" }] }, { "{sheet-1}": CODES });
    expect(a.summary.previousYearCents).toBe(1_900_000);
  });

  it("unmapped, the other sheet's code is offered in the code table; mapping it there resolves the error", async () => {
    const a = await report2026({});
    expect(a.summary.previousYearCents).toBe(1_900_000);
    expect(a.summary.problems.filter((p) => p.code === "unknown-category").map((p) => p.message.en)).toEqual([expect.stringContaining('Sheet "Omzet 2025"')]);
    expect(a.unknownCodes).toEqual([{ code: "1", count: 1, firstRow: 3, sheet: "Omzet 2025" }]);
    const mapped = await report2026({ codes: withCodeMapped(undefined, a.unknownCodes[0].code, "21") });
    expect(figures(mapped.summary)).toEqual(Y2026);
    expect(mapped.unknownCodes).toEqual([]);
  });
});

describe("Open file (.xlsx with a sheet per year): the previous year's sheet is read with the code table", () => {
  it("as in Excel mode", async () => {
    const source = await readFileSource(fileLike("mol.xlsx", await xlsxBytes(MOL)));
    const [s2025, s2026] = source.fileSheets ?? [];
    expect(s2026?.sheetName).toBe("Omzet 2026");
    // The default: the other sheets read with the report's code table.
    expect(figures(analyze(s2026, { codes: CODES }, TODAY).summary)).toEqual(Y2026);
    // As YearReport passes them: each other sheet's own saved table for codes the report's does not name.
    const saved = (key: string): readonly CodeMappingEntry[] | undefined => (key === s2025.key ? CODES : undefined);
    expect(figures(analyze(s2026, {}, TODAY, otherSheetsOf(s2026, undefined, saved)).summary)).toEqual(Y2026);
    // Unmapped: offered in the code table; mapped there, read again (the read is cached per code table).
    const unmapped = analyze(s2026, {}, TODAY);
    expect(unmapped.summary.previousYearCents).toBe(1_900_000);
    expect(unmapped.unknownCodes.map((u) => [u.code, u.sheet])).toEqual([["1", "Omzet 2025"]]);
    expect(analyze(s2026, { codes: withCodeMapped(undefined, "1", "21") }, TODAY).summary.previousYearCents).toBe(2_050_000);
  });
});

describe("All sheets reads each sheet with the code table its year report uses", () => {
  const saved: Record<string, readonly CodeMappingEntry[]> = { "{sheet-1}": CODES, "{sheet-2}": CODES };

  it("in Excel mode: each line equals its sheet's year report, and a group merges them", async () => {
    const defs = fakeSheets(MOL);
    const { context } = fakeContext(defs);
    const { units } = await readAllSheets(context, { keepFrom: 2023, codesOf: (id) => savedCodeMapping(saved[id]) });
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => [l.label, lineFigures(l)])).toEqual([
      ["Omzet 2025", Y2025],
      ["Omzet 2026", Y2026],
    ]);
    // The year report of each sheet, the other sheets read with its code table.
    for (const [i, line] of lines.entries()) {
      const others = await readOtherLists(fakeContext(defs).context, `{sheet-${i + 1}}`, 2023, true, previousYearCodesOf(CODES, (id) => saved[id]));
      expect(lineFigures(line)).toEqual(figures(analyze(excelSource(defs, i), { codes: CODES }, TODAY, others).summary));
    }
    const [group] = buildOverview(units, setGroup(EMPTY_GROUPING, "Atelier Mol", units.map((u) => u.id)), { today: TODAY });
    expect(group.countableCents).toBe(1_999_900);
    expect(group.previousYearCents).toBe(2_050_000);
    expect(group.errorCount).toBe(0);
  });

  it("a sheet without a code table of its own keeps its codes unknown (as its year report does)", async () => {
    const { context } = fakeContext(fakeSheets(MOL));
    const { units } = await readAllSheets(context, { keepFrom: 2023, codesOf: (id) => savedCodeMapping(id === "{sheet-2}" ? CODES : undefined) });
    const [l2025] = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect(l2025.countableCents).toBe(1_900_000);
    expect(l2025.problems.map((p) => p.code)).toEqual(["later-years-from-sheets", "unknown-category"]);
  });

  it("in Open file: each line equals its sheet's year report", async () => {
    const source = await readFileSource(fileLike("mol.xlsx", await xlsxBytes(MOL)));
    const sheets = source.fileSheets ?? [];
    const byKey = (key: string): readonly CodeMappingEntry[] | undefined => (sheets.some((s) => s.key === key) ? CODES : undefined);
    const lines = buildOverview(unitsOfFile(sheets, byKey), EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => [l.label, lineFigures(l)])).toEqual([
      ["Omzet 2025", Y2025],
      ["Omzet 2026", Y2026],
    ]);
    for (const [i, line] of lines.entries()) expect(lineFigures(line)).toEqual(figures(analyze(sheets[i], { codes: CODES }, TODAY).summary));
  });
});
