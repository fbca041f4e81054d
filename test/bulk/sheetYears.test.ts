/**
 * One business, several sheets: a workbook with a sheet per year ("2024", "Omzet 2025", "Facturen 2026")
 * takes the previous year from the sheet that holds it, the same in kor-check, the pane's year report (over
 * the fake Excel), its Open file, and All sheets (over the fake Excel). Answers worked out by hand below.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { summarizeWithSheets, type YearSheet } from "../../src/bulk/sheetYears";
import { buildOverview, cellText } from "../../src/bulk/overview";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import { buildOverviewContent } from "../../src/excel/overviewContent";
import { buildReport } from "../../src/excel/reportContent";
import type { InvoiceSource } from "../../src/excel/source";
import { readTable } from "../../src/reading/headers";
import { dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import { readFileSource } from "../../src/taskpane/browser/files";
import { fileLike } from "../taskpane/xlsxXml";
import { sheetBookXlsx } from "./sheetBook";
import { analyze } from "../../src/taskpane/model";
import { figuresText } from "../../src/taskpane/copyText";
import { fakeContext, type FakeSheetDef } from "../excel/allSheets-fake";
import { d, runCli, tempDir } from "../cli/fixtures";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
type Line = [iso: string, customer: string, euros: number, rate: string];

/**
 * Bakkerij Kok, a sheet per year (row 1 is the header, so invoice i is on sheet row i + 1):
 * - "2024": 9,000 + 6,000 = €15,000 (before 2025 no previous-year test).
 * - "Omzet 2025": 8,000 + 7,000 = 15,000; + 6,000 on 15 Sep 2025 (row 4) = 21,000 > 20,000: the crossing;
 *   + 500 = €21,500. Previous year €15,000 from sheet "2024". Not within.
 * - "Facturen 2026": 4,000 + 3,000 = €7,000, no crossing; previous year €21,500 from "Omzet 2025" is over
 *   €20,000: not within.
 */
const BAKKERIJ: Record<string, Line[]> = {
  "2024": [
    ["2024-03-01", "Jansen", 9000, "21"],
    ["2024-09-01", "De Vries", 6000, "21"],
  ],
  "Omzet 2025": [
    ["2025-02-01", "Jansen", 8000, "21"],
    ["2025-06-01", "Bakker", 7000, "9"],
    ["2025-09-15", "De Vries", 6000, "21"],
    ["2025-11-01", "Smit", 500, "21"],
  ],
  "Facturen 2026": [
    ["2026-01-10", "Jansen", 4000, "21"],
    ["2026-03-10", "Bakker", 3000, "21"],
  ],
};

/** As range.values gives them: dates as serials. */
function sheetCells(lines: Line[]): unknown[][] {
  return [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])];
}

function fakeSheets(book: Record<string, Line[]>): FakeSheetDef[] {
  return Object.entries(book).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
}

function yearSheet(name: string, lines: Line[]): YearSheet {
  const t = readTable(sheetCells(lines));
  return { sheet: name, rows: t.rows, problems: t.problems };
}

const xlsxBytes = (book: Record<string, Line[]>): Promise<Buffer> => sheetBookXlsx(HEADER, book);


/** The hand-worked answer per sheet: year, countable, verdict, crossing (date, row), previous year and its sheet. */
const ANSWER = [
  { sheet: "2024", year: 2024, countable: 1_500_000, verdict: "eligible", crossing: null, previous: null, basis: "not-needed", from: null },
  { sheet: "Omzet 2025", year: 2025, countable: 2_150_000, verdict: "not-eligible", crossing: { date: "2025-09-15", row: 4 }, previous: 1_500_000, basis: "data", from: "2024" },
  { sheet: "Facturen 2026", year: 2026, countable: 700_000, verdict: "not-eligible", crossing: null, previous: 2_150_000, basis: "data", from: "Omzet 2025" },
];

describe("summarizeWithSheets (the shared link)", () => {
  const sheets = Object.entries(BAKKERIJ).map(([n, l]) => yearSheet(n, l));

  it("takes each sheet's previous year from the sheet per year before it", () => {
    const got = sheets.map((s) => {
      const { summary, from } = summarizeWithSheets(s, sheets, { today: TODAY });
      return {
        sheet: s.sheet,
        year: summary.year,
        countable: summary.countableCents,
        verdict: summary.verdict,
        crossing: summary.crossing === null ? null : { date: isoFromDay(summary.crossing.day), row: summary.crossing.row },
        previous: summary.previousYearCents,
        basis: summary.previousYearBasis,
        from: from?.sheet ?? null,
      };
    });
    expect(got).toEqual(ANSWER);
  });

  it("names the sheet in a note, and keeps the sheet apart without others", () => {
    const { summary } = summarizeWithSheets(sheets[1], sheets, { today: TODAY });
    expect(summary.problems.find((p) => p.code === "previous-year-from-sheet")?.message.nl).toBe(
      'De omzet van 2024 (voor de vorigjaartoets) komt van blad "2024" van dezelfde werkmap.',
    );
    const apart = summarizeWithSheets(sheets[1], [], { today: TODAY });
    expect(apart.from).toBeNull();
    expect(apart.summary.previousYearBasis).toBe("assumed-zero");
  });

  it("a previous year given wins over the other sheet", () => {
    const { summary, from } = summarizeWithSheets(sheets[1], sheets, { today: TODAY, previousYearCents: 100 });
    expect(from).toBeNull();
    expect(summary.previousYearBasis).toBe("given");
  });

  it("a previous year given that differs from the other sheet's names both figures", () => {
    // "Facturen 2026" with 2025 given as €19,000: "Omzet 2025" adds up to €21,500 (worked out above).
    const { summary } = summarizeWithSheets(sheets[2], sheets, { today: TODAY, previousYearCents: 1_900_000 });
    expect(summary.previousYearCents).toBe(1_900_000);
    expect(summary.verdict).toBe("eligible");
    expect(summary.problems.filter((p) => p.code === "previous-year-differs").map((p) => p.message.nl)).toEqual([
      'De opgegeven omzet 2025 van € 19.000,00 is gebruikt; blad "Omzet 2025" van dezelfde werkmap telt voor 2025 op tot € 21.500,00. Controleer welk bedrag klopt.',
    ]);
    // The same figure as the sheet's: nothing to say.
    const same = summarizeWithSheets(sheets[2], sheets, { today: TODAY, previousYearCents: 2_150_000 });
    expect(same.summary.problems.some((p) => p.code === "previous-year-differs")).toBe(false);
  });

  it("a crossing in the previous year's sheet names that sheet's row", () => {
    // "2025": 15,000 (row 2) + 6,000 on 1 Oct 2025 (row 3) = 21,000 > 20,000, then a credit note of
    // −2,000 (row 4): the 2025 total €19,000 is within, but the crossing fails 2026's previous-year test.
    const y25 = yearSheet("2025", [["2025-03-01", "A", 15000, "21"], ["2025-10-01", "B", 6000, "21"], ["2025-12-01", "B", -2000, "21"]]);
    const y26 = yearSheet("2026", [["2026-02-01", "C", 5000, "21"]]);
    const { summary } = summarizeWithSheets(y26, [y25, y26], { today: TODAY });
    expect(summary.previousYearCents).toBe(1_900_000);
    expect(summary.verdict).toBe("not-eligible");
    expect(summary.reasons.map((r) => r.nl).join("\n")).toContain('blad "2025", rij 3');
  });

  it("sheets whose years overlap stay apart (a sheet per shop)", () => {
    // "Winkel" holds 2024 and 2025; "Webshop" only 2025: Webshop does not take 2024 from Winkel.
    const winkel = yearSheet("Winkel", [["2024-05-01", "A", 12000, "21"], ["2025-05-01", "B", 5000, "21"]]);
    const webshop = yearSheet("Webshop", [["2025-06-01", "C", 3000, "21"]]);
    const { summary, from } = summarizeWithSheets(webshop, [winkel, webshop], { today: TODAY });
    expect(from).toBeNull();
    expect(summary.previousYearBasis).toBe("assumed-zero");
  });

  it("two sheets of the previous year: none is taken, and a note says why", () => {
    const a = yearSheet("Winkel 2024", [["2024-05-01", "A", 25000, "21"]]);
    const b = yearSheet("Webshop 2024", [["2024-06-01", "B", 1000, "21"]]);
    const c = yearSheet("2025", [["2025-06-01", "C", 5000, "21"]]);
    const { summary, from } = summarizeWithSheets(c, [a, b, c], { today: TODAY });
    expect(from).toBeNull();
    expect(summary.previousYearBasis).toBe("assumed-zero");
    const note = summary.problems.find((p) => p.code === "previous-year-sheets-ambiguous");
    expect(note?.message.nl).toContain('"Winkel 2024", "Webshop 2024"');
  });
});

describe("All sheets over the fake Excel", () => {
  it("tests a sheet per year as one business and names the sheet of the previous year", async () => {
    const { context } = fakeContext(fakeSheets(BAKKERIJ));
    const result = await readAllSheets(context, { keepFrom: 2023 });
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    expect(
      lines.map((l) => ({
        sheet: l.label,
        year: l.year,
        countable: l.countableCents,
        verdict: l.verdict,
        crossing: l.crossing === null ? null : { date: isoFromDay(l.crossing.day), row: l.crossing.row },
        previous: l.previousYearCents,
        basis: l.previousYearBasis,
        from: l.previousYearSheet,
      })),
    ).toEqual(ANSWER);
    expect(cellText(lines[1], "previousYear", "nl")).toBe('€ 15.000,00 (uit blad "2024")');
    expect(cellText(lines[2], "previousYear", "en")).toBe('€21,500.00 (from sheet "Omzet 2025")');
    expect(lines[1].problems.map((p) => p.code)).toContain("previous-year-from-sheet");
    const content = buildOverviewContent(lines, "nl", TODAY);
    expect(content.values[content.headerRow + 2][1]).toBe('Omzet 2025; vorig jaar uit blad "2024"');
  });

  it("a grouped sheet does not lend its year to an ungrouped one", async () => {
    const { context } = fakeContext(fakeSheets(BAKKERIJ));
    const result = await readAllSheets(context, { keepFrom: 2023 });
    const grouping = setGroup(EMPTY_GROUPING, "Andere zaak", [result.units[0].id, result.units[2].id]);
    const lines = buildOverview(result.units, grouping, { today: TODAY });
    const y2025 = lines.find((l) => l.label === "Omzet 2025");
    expect(y2025?.previousYearSheet).toBeNull();
    expect(y2025?.previousYearBasis).toBe("assumed-zero");
  });
});

describe("the year report over the fake Excel", () => {
  it("the 2025 sheet takes 2024 from sheet '2024' and does not ask for it", async () => {
    const defs = fakeSheets(BAKKERIJ);
    const { context } = fakeContext(defs);
    // The active sheet "Omzet 2025" is the fake's second worksheet: id {sheet-2}.
    const others = await readOtherLists(context, "{sheet-2}", 2024);
    expect(others.map((o) => o.sheet)).toEqual(["2024", "Facturen 2026"]);
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "Omzet 2025", origin: "sheet", tableName: null, values: defs[1].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, others);
    expect(a.askPreviousYear).toBe(false);
    expect(a.previousYearSheet).toBe("2024");
    expect(a.summary.countableCents).toBe(2_150_000);
    expect(a.summary.verdict).toBe("not-eligible");
    expect(a.summary.crossing?.row).toBe(4);
    expect(isoFromDay(a.summary.crossing?.day ?? 0)).toBe("2025-09-15");
    expect(a.summary.previousYearCents).toBe(1_500_000);
    expect(a.warnings.map((w) => w.message.nl)).toContain('De omzet van 2024 (voor de vorigjaartoets) komt van blad "2024" van dezelfde werkmap.');
    // The report sheet names the sheet beside the previous year.
    const report = buildReport(a.summary, "nl", "Omzet 2025", a.previousYearSheet);
    expect(report.values.find((r) => r[2] === 'uit blad "2024"')?.[1]).toBe(15000);
    // So does "Cijfers kopiëren".
    expect(figuresText(a.summary, "nl", { sourceName: "Omzet 2025", today: TODAY, previousYearSheet: a.previousYearSheet })).toContain('(uit blad "2024")');
    // A previous year typed in by the user wins, as in kor-check.
    const typed = analyze(source, { previousYearCents: 2_500_000 }, TODAY, others);
    expect(typed.previousYearSheet).toBeNull();
    expect(typed.summary.previousYearBasis).toBe("given");
    // …and the pane shows the other sheet's figure beside it.
    expect(typed.warnings.map((w) => w.message.en)).toContain(
      'The given 2024 turnover of €25,000.00 was used; sheet "2024" of the same workbook adds up to €15,000.00 for 2024. Check which figure is right.',
    );
    expect(typed.askPreviousYear).toBe(true);
  });
});

describe("Open file (.xlsx with a sheet per year)", () => {
  it("reads every sheet, offers each, and links the previous year", async () => {
    const source = await readFileSource(fileLike("bakkerij.xlsx", await xlsxBytes(BAKKERIJ)));
    expect(source.sheetName).toBe("2024");
    expect(source.fileSheets?.map((s) => s.sheetName)).toEqual(["2024", "Omzet 2025", "Facturen 2026"]);
    const got = (source.fileSheets ?? []).map((s) => {
      const a = analyze(s, {}, TODAY);
      return {
        sheet: s.sheetName,
        year: a.summary.year,
        countable: a.summary.countableCents,
        verdict: a.summary.verdict,
        crossing: a.summary.crossing === null ? null : { date: isoFromDay(a.summary.crossing.day), row: a.summary.crossing.row },
        previous: a.summary.previousYearCents,
        basis: a.summary.previousYearBasis,
        from: a.previousYearSheet,
      };
    });
    expect(got).toEqual(ANSWER);
  });

  it("leaves out a sheet that holds no invoice list", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notities").addRow(["Bel klant terug"]);
    const ws = wb.addWorksheet("Omzet 2025");
    ws.addRow(HEADER);
    ws.addRow([d("2025-02-01"), "A", 100, "21"]);
    const source = await readFileSource(fileLike("map.xlsx", Buffer.from(await wb.xlsx.writeBuffer())));
    expect(source.sheetName).toBe("Omzet 2025");
    expect(source.fileSheets).toBeUndefined();
    expect(analyze(source, {}, TODAY).summary.countableCents).toBe(10_000);
  });
});

describe("kor-check over the same workbook", () => {
  it("gives the same answers", async () => {
    const tmp = tempDir("kor-sheet-years-");
    try {
      const file = path.join(tmp.dir, "bakkerij.xlsx");
      writeFileSync(file, await xlsxBytes(BAKKERIJ));
      const { code, stdout } = await runCli([file, "--format", "json", "--lang", "nl"], TODAY);
      expect(code).toBe(0);
      const items = JSON.parse(stdout) as { sheet: string; year: number; countable: number; verdict: string; crossing: { date: string; row: number } | null; previousYear: number | null; previousYearBasis: string; previousYearSheet: string | null }[];
      expect(
        items.map((i) => ({
          sheet: i.sheet,
          year: i.year,
          countable: Math.round(i.countable * 100),
          verdict: i.verdict,
          crossing: i.crossing === null ? null : { date: i.crossing.date, row: i.crossing.row },
          previous: i.previousYear === null ? null : Math.round(i.previousYear * 100),
          basis: i.previousYearBasis,
          from: i.previousYearSheet,
        })),
      ).toEqual(ANSWER);
    } finally {
      tmp.cleanup();
    }
  });

  it("a previous year given is the year before the latest sheet's: older sheets do not use it, and say so", async () => {
    const tmp = tempDir("kor-sheet-years-");
    try {
      const file = path.join(tmp.dir, "bakkerij.xlsx");
      writeFileSync(file, await xlsxBytes(BAKKERIJ));
      // €19,000 given: the turnover of 2025, the year before 2026 ("Facturen 2026", the latest year in the file).
      const { code, stdout } = await runCli([file, "--previous-year-turnover", "19000", "--format", "json", "--lang", "nl"], TODAY);
      expect(code).toBe(0);
      const items = JSON.parse(stdout) as { sheet: string; verdict: string; previousYear: number | null; previousYearBasis: string; previousYearSheet: string | null; problems: { code: string; message: string }[] }[];
      // "Omzet 2025" keeps its own answer: 2024 from sheet "2024" (€15,000), crossing on 15 Sep 2025; before, the
      // €19,000 was taken as its 2024 turnover.
      expect(items.map((i) => [i.sheet, i.verdict, i.previousYear, i.previousYearBasis, i.previousYearSheet])).toEqual([
        ["2024", "eligible", null, "not-needed", null],
        ["Omzet 2025", "not-eligible", 15000, "data", "2024"],
        ["Facturen 2026", "eligible", 19000, "given", null],
      ]);
      const note = '--previous-year-turnover is de omzet van 2025, het jaar vóór 2026 (het laatste jaar in dit bestand); dit blad gaat over 2025 en gebruikt die niet als vorig jaar.';
      expect(items[1].problems.filter((p) => p.code === "given-previous-year-other-year").map((p) => p.message)).toEqual([note]);
      expect(items[2].problems.some((p) => p.code === "given-previous-year-other-year")).toBe(false);
      expect(items[2].problems.find((p) => p.code === "previous-year-differs")?.message).toContain('blad "Omzet 2025" van dezelfde werkmap telt voor 2025 op tot € 21.500,00');
      // With --year every sheet is about that year, and uses the figure.
      const year = await runCli([file, "--previous-year-turnover", "19000", "--year", "2026", "--format", "json", "--lang", "nl"], TODAY);
      const all = JSON.parse(year.stdout) as { problems: { code: string }[] }[];
      expect(all.every((i) => !i.problems.some((p) => p.code === "given-previous-year-other-year"))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("another sheet's problem in a report of this sheet", () => {
  /**
   * Today 15 Mar 2027, status unknown. "2023-2024": row 2 €500 on 1 Jan 2024, row 3 €500 on 1 Jan 2023 with the
   * ambiguous category "vrijgesteld" (an error of 2023), row 4 €0.01 on 1 Jan 2024. "Facturen 2026": row 2
   * €20,000 on 1 Jan 2026, row 3 €500 with "vrijgesteld" (an error of 2026).
   * The report of "2023-2024" is about 2024: €500.01, eligible (before 2025 only the year itself counts); its one
   * row in error is of 2023, so nothing of 2024 is left uncounted. 2026 is taken from "Facturen 2026" for the next
   * start, with its error named 'Sheet "Facturen 2026": Row 3: …': that is row 3 of the other sheet, not of this one.
   */
  const BOOK: Record<string, Line[]> = {
    "2023-2024": [
      ["2024-01-01", "A", 500, ""],
      ["2023-01-01", "B", 500, "vrijgesteld"],
      ["2024-01-01", "C", 0.01, ""],
    ],
    "Facturen 2026": [
      ["2026-01-01", "D", 20000, ""],
      ["2026-01-01", "E", 500, "vrijgesteld"],
    ],
  };
  const today = dayFromIso("2027-03-15");

  it("does not count, nor point at, this sheet's row of the same number", async () => {
    const source = await readFileSource(fileLike("map.xlsx", await xlsxBytes(BOOK)));
    const sheet = source.fileSheets?.find((s) => s.sheetName === "2023-2024");
    const a = analyze(sheet!, {}, today);
    expect(a.summary.year).toBe(2024);
    expect(a.summary.countableCents).toBe(50_001);
    expect(a.summary.verdict).toBe("eligible");
    const other = a.warnings.find((w) => w.message.en.startsWith('Sheet "Facturen 2026": '));
    expect(other?.severity).toBe("error");
    expect(other?.rows).toEqual([]);
    expect(a.reconciliation.yearErrorRows).toBe(0);
    const copied = figuresText(a.summary, "en", { sourceName: "2023-2024", today, reconciliation: a.reconciliation });
    expect(copied).not.toContain("with errors not counted");
    expect(copied).not.toContain("Provisional");
  });
});

describe("the previous year's sheet with a row in error", () => {
  /**
   * Today 15 Mar 2027. "2026": row 2 €20,000 on 1 Jan 2026, row 3 €500 on 1 Jan 2026 with the ambiguous category
   * "vrijgesteld" (an error). "2027": row 2 €500 on 1 Feb 2027. The 2027 report takes 2026 from sheet "2026":
   * €20,000.00 read, not over the limit, so eligible on what could be read; but row 3 may be exempt through the
   * KOR (it counts: €20,500 > €20,000, and 2027 would fail the previous-year test). The verdict is provisional, as
   * kor-check says (`eligible` null).
   */
  const BOOK: Record<string, Line[]> = {
    "2026": [
      ["2026-01-01", "A", 20000, ""],
      ["2026-01-01", "B", 500, "vrijgesteld"],
    ],
    "2027": [["2027-02-01", "C", 500, ""]],
  };
  const today = dayFromIso("2027-03-15");

  it("the year report says the verdict is provisional, as kor-check does", async () => {
    const bytes = await xlsxBytes(BOOK);
    const source = await readFileSource(fileLike("map.xlsx", bytes));
    const sheet = source.fileSheets?.find((s) => s.sheetName === "2027");
    const a = analyze(sheet!, {}, today);
    expect(a.previousYearSheet).toBe("2026");
    expect(a.summary.previousYearCents).toBe(2_000_000);
    expect(a.summary.verdict).toBe("eligible");
    const copied = figuresText(a.summary, "en", { sourceName: "2027", today, reconciliation: a.reconciliation });
    expect(copied).toContain("Provisional: fix 1 error first");
    // This sheet's own rows are all read: nothing of this sheet is said to be left out.
    expect(copied).not.toContain("with errors not counted");
    const tmp = tempDir("kor-sheet-years-");
    try {
      const file = path.join(tmp.dir, "map.xlsx");
      writeFileSync(file, bytes);
      const { stdout } = await runCli([file, "--format", "json", "--lang", "en"], today);
      const items = JSON.parse(stdout) as { sheet: string; eligible: boolean | null; verdict: string }[];
      expect(items.find((i) => i.sheet === "2027")).toMatchObject({ verdict: "eligible", eligible: null });
    } finally {
      tmp.cleanup();
    }
  });
});

describe("the previous year's sheet with a row whose date could not be read", () => {
  /**
   * Today 15 Mar 2027. "2026": row 2 €20,000 on 1 Jan 2026, row 3 €500 dated "n.v.t." (an error: no date). "2027":
   * row 2 €500 on 1 Feb 2027. Row 3 may be a 2026 invoice (€20,500 > €20,000: 2027 fails the previous-year test),
   * so kor-check gives `eligible` null; the year report showed 'eligible' as certain and did not list the row.
   */
  const today = dayFromIso("2027-03-15");
  const bookBytes = async (): Promise<Buffer> => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("2026");
    a.addRow(HEADER);
    a.addRow([d("2026-01-01"), "A", 20000, ""]);
    a.addRow(["n.v.t.", "B", 500, ""]);
    const b = wb.addWorksheet("2027");
    b.addRow(HEADER);
    b.addRow([d("2027-02-01"), "C", 500, ""]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it("makes the year report provisional and lists the row, named with its sheet, as kor-check", async () => {
    const bytes = await bookBytes();
    const source = await readFileSource(fileLike("map.xlsx", bytes));
    const a = analyze(source.fileSheets!.find((s) => s.sheetName === "2027")!, {}, today);
    expect(a.previousYearSheet).toBe("2026");
    expect(a.summary.verdict).toBe("eligible");
    const copied = figuresText(a.summary, "en", { sourceName: "2027", today, reconciliation: a.reconciliation });
    expect(copied).toContain("Provisional: fix 1 error first");
    const listed = a.summary.problems.filter((p) => p.severity === "error").map((p) => p.message.en);
    expect(listed).toEqual([expect.stringMatching(/^Sheet "2026": Row 3: "n\.v\.t\." is not a date/)]);
    const tmp = tempDir("kor-sheet-years-");
    try {
      const file = path.join(tmp.dir, "map.xlsx");
      writeFileSync(file, bytes);
      const { stdout } = await runCli([file, "--format", "json", "--lang", "en"], today);
      const items = JSON.parse(stdout) as { sheet: string; eligible: boolean | null; verdict: string; problems: { severity: string; message: string }[] }[];
      const item = items.find((i) => i.sheet === "2027");
      expect(item).toMatchObject({ verdict: "eligible", eligible: null });
      expect(item?.problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual(listed);
    } finally {
      tmp.cleanup();
    }
  });
});
