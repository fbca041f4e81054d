/**
 * A sheet per year and a participation that began in an older year than the previous one: the first crossing
 * since the start ended it (kor-rules.md section 5), whichever sheet holds it. Every surface gives the same
 * answer: the year report over the fake Excel, Open file, All sheets and kor-check.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { buildOverview } from "../../src/bulk/overview";
import { otherSheetsFrom, summarizeWithSheets, type YearSheet } from "../../src/bulk/sheetYears";
import { readTable } from "../../src/reading/headers";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import type { InvoiceSource } from "../../src/excel/source";
import { dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import { readFileSource } from "../../src/taskpane/browser/files";
import { analyze, otherSheetsOf } from "../../src/taskpane/model";
import { previousYearCodesOf } from "../../src/excel/allSheets";
import type { CodeMappingEntry } from "../../src/reading/codeMapping";
import type { YearSummary } from "../../src/rules/summary-types";
import { fileLike } from "../taskpane/xlsxXml";
import { sheetBookXlsx } from "./sheetBook";
import { fakeContext } from "../excel/allSheets-fake";
import { runCli, tempDir } from "../cli/fixtures";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
type Line = [iso: string, customer: string, euros: number, rate: string];

/**
 * Kapsalon Visser, in the KOR since 1 January 2024, a sheet per year:
 * - "2024": 19,000 on 1 Mar, 1,500 on 16 Sep (row 3): 20,500 > 20,000, the crossing, on 16 Sep 2024. It is
 *   on or after the start, so participation ended that day (section 5). The exit was in 2024: three years'
 *   exclusion from that day (section 6, 2020–2024), to 15 Sep 2027.
 * - "2025": €8,000. "2026": €9,000.
 * The 2026 report: eligible for 2026 (2026 €9,000, 2025 €8,000 from sheet "2025"), but the business is no
 * longer in the KOR: participation ended 16 Sep 2024; the next start is the first quarter after the exclusion,
 * 1 Oct 2027, registration received by 1 Oct 2027 − 29 days = 2 Sep 2027.
 */
const VISSER: Record<string, Line[]> = {
  "2024": [
    ["2024-03-01", "Jansen", 19000, "21"],
    ["2024-09-16", "De Vries", 1500, "21"],
  ],
  "2025": [["2025-03-01", "Bakker", 8000, "21"]],
  "2026": [["2026-03-01", "Smit", 9000, "21"]],
};
const SINCE = "2024-01-01";
const ANSWER_2026 = { year: 2026, verdict: "eligible", countable: 900_000, previous: 800_000, participating: false, ended: "2024-09-16", nextStart: "2027-10-01", deadline: "2027-09-02" };

function sheetCells(lines: Line[]): unknown[][] {
  return [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])];
}

function answerOf(s: YearSummary): typeof ANSWER_2026 {
  const d = s.deadlines;
  return {
    year: s.year,
    verdict: s.verdict,
    countable: s.countableCents,
    previous: s.previousYearCents ?? -1,
    participating: d.participating,
    ended: d.participationEnded === null ? "" : isoFromDay(d.participationEnded),
    nextStart: isoFromDay(d.nextStart),
    deadline: isoFromDay(d.registrationDeadline),
  };
}

describe("a sheet per year, in the KOR since an older year than the previous one", () => {
  it("the year report over the fake Excel", async () => {
    const defs = Object.entries(VISSER).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-3}", 2023);
    const source: InvoiceSource = {
      key: "{sheet-3}", name: "2026", origin: "sheet", tableName: null, values: defs[2].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, { participation: "in", inKorSince: SINCE }, TODAY, others);
    expect(answerOf(a.summary)).toEqual(ANSWER_2026);
  });

  it("Open file", async () => {
    const source = await readFileSource(fileLike("visser.xlsx", await sheetBookXlsx(HEADER, VISSER)));
    const s2026 = source.fileSheets?.find((s) => s.sheetName === "2026");
    const a = analyze(s2026!, { participation: "in", inKorSince: SINCE }, TODAY);
    expect(answerOf(a.summary)).toEqual(ANSWER_2026);
  });

  it("All sheets", async () => {
    const defs = Object.entries(VISSER).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    const result = await readAllSheets(context, { keepFrom: 2023 });
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY, participationOf: () => ({ status: "in", since: dayFromIso(SINCE) }) });
    const l = lines.find((x) => x.label === "2026");
    expect(answerOf(l!.summary)).toEqual(ANSWER_2026);
  });

  it("kor-check", async () => {
    const tmp = tempDir("kor-older-");
    try {
      const file = path.join(tmp.dir, "visser.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, VISSER));
      const { stdout } = await runCli([file, "--format", "json", "--in-kor-since", SINCE], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; year: number; verdict: string; countable: number; previousYear: number; participationEnded: string | null; nextStart: string | null; deadline: string | null }[];
      const i = items.find((x) => x.sheet === "2026")!;
      expect({ year: i.year, verdict: i.verdict, countable: Math.round(i.countable * 100), previous: Math.round(i.previousYear * 100), participating: i.participationEnded === null, ended: i.participationEnded ?? "", nextStart: i.nextStart, deadline: i.deadline }).toEqual(ANSWER_2026);
    } finally {
      tmp.cleanup();
    }
  });

  it("kor-check, when the report's sheet holds the previous year itself (read in columns)", async () => {
    // "2025-2026" holds both years, so no previous-year link; 2024 still comes from sheet "2024".
    const book = { "2024": VISSER["2024"], "2025-2026": [...VISSER["2025"], ...VISSER["2026"]] };
    const tmp = tempDir("kor-older-");
    try {
      const file = path.join(tmp.dir, "visser2.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, book));
      const { stdout } = await runCli([file, "--format", "json", "--in-kor-since", SINCE], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; year: number; participationEnded: string | null; nextStart: string | null; deadline: string | null }[];
      const i = items.find((x) => x.sheet === "2025-2026")!;
      expect({ year: i.year, ended: i.participationEnded, nextStart: i.nextStart, deadline: i.deadline }).toEqual({ year: 2026, ended: ANSWER_2026.ended, nextStart: ANSWER_2026.nextStart, deadline: ANSWER_2026.deadline });
    } finally {
      tmp.cleanup();
    }
  });
});

describe("the older year's sheet and the code table", () => {
  // As Kapsalon Visser, but the crossing invoice on sheet "2024" (row 3) carries the firm's own code "HG" (its
  // 21% rate): unread, 2024 stays at €19,000 and nothing ended participation. Mapped, the answer is ANSWER_2026.
  const BOOK: Record<string, Line[]> = { ...VISSER, "2024": [VISSER["2024"][0], ["2024-09-16", "De Vries", 1500, "HG"]] };
  const HG: CodeMappingEntry[] = [{ code: "HG", category: "21" }];
  const defs = Object.entries(BOOK).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
  const source: InvoiceSource = {
    key: "{sheet-3}", name: "2026", origin: "sheet", tableName: null, values: defs[2].cells,
    rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
  };
  const settings = { participation: "in", inKorSince: SINCE } as const;
  async function report(codes: CodeMappingEntry[] | undefined, saved: Record<string, CodeMappingEntry[]> = {}): Promise<ReturnType<typeof analyze>> {
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-3}", 2023, true, previousYearCodesOf(codes, (id) => saved[id]));
    return analyze(source, { ...settings, ...(codes !== undefined ? { codes } : {}) }, TODAY, others);
  }

  it("offers the older sheet's unknown code in the code table, naming the sheet and row", async () => {
    const a = await report(undefined);
    expect(a.unknownCodes).toEqual([{ code: "HG", count: 1, firstRow: 3, sheet: "2024" }]);
    expect(a.summary.deadlines.participating).toBe(true);
  });

  it("mapped in this sheet's code table: the crossing on sheet '2024' ended participation", async () => {
    const a = await report(HG);
    expect(a.unknownCodes).toEqual([]);
    expect(answerOf(a.summary)).toEqual(ANSWER_2026);
  });

  it("mapped in sheet '2024''s own table: counted too, and the report names that sheet's table", async () => {
    const a = await report(undefined, { "{sheet-1}": HG });
    expect(answerOf(a.summary)).toEqual(ANSWER_2026);
    expect(a.summary.problems.filter((p) => p.code === "code-mapping").map((p) => p.message.en)).toEqual(['Sheet "2024": Own codes read as: "HG" → 21.']);
    // Open file reads the other sheets the same way (model.ts otherSheetsOf).
    const file = await readFileSource(fileLike("visser-hg.xlsx", await sheetBookXlsx(HEADER, BOOK)));
    const s2026 = file.fileSheets!.find((s) => s.sheetName === "2026")!;
    const opened = analyze(s2026, settings, TODAY, otherSheetsOf(s2026, undefined, (k) => (k === file.fileSheets![0].key ? HG : undefined)));
    expect(answerOf(opened.summary)).toEqual(ANSWER_2026);
  });
});

describe("summarizeWithSheets for a participant (the shared link)", () => {
  const yearSheet = (name: string, lines: Line[]): YearSheet => {
    const t = readTable(sheetCells(lines));
    return { sheet: name, rows: t.rows, problems: t.problems };
  };
  const inSince = (iso: string) => ({ status: "in", since: dayFromIso(iso) }) as const;
  const sheets = Object.entries(VISSER).map(([n, l]) => yearSheet(n, l));

  it("names the sheet the older year came from, and leaves a business of unknown status as it was", () => {
    const { summary, taken } = summarizeWithSheets(sheets[2], sheets, { today: TODAY, participation: inSince(SINCE) });
    expect(taken.map((t) => [t.sheet.sheet, t.years])).toEqual([["2024", [2024]]]);
    expect(summary.problems.find((p) => p.code === "participation-years-from-sheets")?.message.nl).toBe(
      'Voor de KOR-deelname sinds 1 januari 2024 telt ook de omzet van 2024 uit blad "2024" van dezelfde werkmap mee: de eerste keer dat de omzet sinds die dag over de omzetgrens ging, eindigde de deelname.',
    );
    // Participation not known: 2024 is taken only for the outcome "if in the KOR", which its crossing changes
    // (sheetYears-later.test.ts), with its own note; not in the KOR: nothing older is taken.
    const unknown = summarizeWithSheets(sheets[2], sheets, { today: TODAY });
    expect(unknown.taken.map((t) => [t.sheet.sheet, t.years])).toEqual([["2024", [2024]]]);
    expect(unknown.summary.problems.map((p) => p.code)).toEqual(["previous-year-from-sheet", "older-years-from-sheets"]);
    const out = summarizeWithSheets(sheets[2], sheets, { today: TODAY, participation: { status: "out" } });
    expect(out.taken).toEqual([]);
    expect(out.summary.problems.map((p) => p.code)).toEqual(["previous-year-from-sheet"]);
  });

  it("a later sheet's crossing ended participation too: the 2025 report knows the 2026 crossing", () => {
    // In the KOR since 1 Jan 2025. "2026": 19,000 + 1,500 on 16 Sep 2026 = 20,500: participation ended that day.
    // Exit in 2026: excluded for the rest of 2026 and all of 2027; next start 1 Jan 2028, register by 3 Dec 2027.
    const y25 = yearSheet("2025", [["2025-03-01", "A", 8000, "21"]]);
    const y26 = yearSheet("2026", [["2026-03-01", "A", 19000, "21"], ["2026-09-16", "B", 1500, "21"]]);
    const { summary } = summarizeWithSheets(y25, [y25, y26], { today: TODAY, participation: inSince("2025-01-01") });
    expect(answerOf(summary)).toEqual({ year: 2025, verdict: "eligible", countable: 800_000, previous: 0, participating: false, ended: "2026-09-16", nextStart: "2028-01-01", deadline: "2027-12-03" });
  });

  it("before 2025 (no previous-year test) the year before is a participation year like any other", () => {
    // In the KOR since 1 Jan 2022; "2022" crosses on 16 Sep 2022: ended then, three years' exclusion (to 15 Sep
    // 2025, past). The 2024 report: next start by the calendar, 1 Jan 2027 (register by 3 Dec 2026).
    const y22 = yearSheet("2022", [["2022-03-01", "A", 19000, "21"], ["2022-09-16", "B", 1500, "21"]]);
    const y23 = yearSheet("2023", [["2023-03-01", "A", 5000, "21"]]);
    const y24 = yearSheet("2024", [["2024-03-01", "A", 6000, "21"]]);
    const { summary, taken } = summarizeWithSheets(y24, [y22, y23, y24], { today: TODAY, participation: inSince("2022-01-01") });
    expect(taken.map((t) => [t.sheet.sheet, t.years])).toEqual([["2022", [2022]], ["2023", [2023]]]);
    expect(answerOf(summary)).toEqual({ year: 2024, verdict: "eligible", countable: 600_000, previous: -1, participating: false, ended: "2022-09-16", nextStart: "2027-01-01", deadline: "2026-12-03" });
  });

  it("the previous year's sheet lends an older year too", () => {
    // Sheet "2024-2025" holds 2024 (the crossing of 16 Sep 2024) and 2025: the 2026 report takes 2025 from it as the
    // previous year and 2024 as a year since the start of participation.
    const old = yearSheet("2024-2025", [...VISSER["2024"], ...VISSER["2025"]]);
    const { summary, from, taken } = summarizeWithSheets(sheets[2], [old, sheets[2]], { today: TODAY, participation: inSince(SINCE) });
    expect(from?.sheet).toBe("2024-2025");
    expect(taken.map((t) => [t.sheet.sheet, t.years])).toEqual([["2024-2025", [2024]]]);
    expect(answerOf(summary)).toEqual(ANSWER_2026);
  });

  it("two sheets of an older year: none is taken, and a note says why", () => {
    const shop = yearSheet("Winkel 2024", VISSER["2024"]);
    const web = yearSheet("Webshop 2024", [["2024-06-01", "B", 1000, "21"]]);
    const { summary, taken } = summarizeWithSheets(sheets[2], [shop, web, sheets[1], sheets[2]], { today: TODAY, participation: inSince(SINCE) });
    expect(taken).toEqual([]);
    expect(summary.problems.find((p) => p.code === "participation-sheets-ambiguous")?.message.en).toBe(
      'More than one other sheet has turnover of 2024 ("Winkel 2024", "Webshop 2024"); none counts for the KOR participation since 1 January 2024, as it is not certain which sheet belongs to this business. If the 2024 turnover went over the turnover limit, participation ended on the day of the invoice that took it over: check this, or group the sheets of one business in All sheets.',
    );
  });
});

describe("which other sheets the year report in Excel reads for a participant (otherSheetsFrom)", () => {
  const inSince = (iso: string) => ({ status: "in", since: dayFromIso(iso) }) as const;
  it("none without a start, or with one in the report's year; else from the start's year, and from 2025 the year before it", () => {
    expect(otherSheetsFrom(2026, { status: "unknown" }, TODAY)).toBe(2023);
    expect(otherSheetsFrom(2026, { status: "out" }, TODAY)).toBeNull();
    // A 2026 start needs 2025 within the limit: the previous-year link reads it.
    expect(otherSheetsFrom(2026, inSince("2026-01-01"), TODAY)).toBeNull();
    // A 2025 start needs 2024 within the limit (next-start.ts startBlocked): 2024 is read too.
    expect(otherSheetsFrom(2026, inSince("2025-04-01"), TODAY)).toBe(2024);
    expect(otherSheetsFrom(2026, inSince("2024-01-01"), TODAY)).toBe(2024);
    // 2024 has no previous-year test: 2023 is not read by the previous-year link.
    expect(otherSheetsFrom(2024, inSince("2023-01-01"), dayFromIso("2024-11-27"))).toBe(2023);
    // A report of an older year than today's: a later sheet may hold the crossing.
    expect(otherSheetsFrom(2025, inSince("2025-01-01"), TODAY)).toBe(2024);
  });
});


describe("a participant who typed the previous year's turnover", () => {
  // Kapsalon Visser with 2025's €8,000 typed in (the pane's previous-year field, kor-check's
  // --previous-year-turnover): the typed figure is the previous year, and the older sheet "2024" still holds
  // the crossing that ended participation. Both surfaces kept the sheet apart and said "in the KOR".
  it("the year report over the fake Excel", async () => {
    const defs = Object.entries(VISSER).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    const others = await readOtherLists(context, "{sheet-3}", 2023);
    const source: InvoiceSource = {
      key: "{sheet-3}", name: "2026", origin: "sheet", tableName: null, values: defs[2].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, { participation: "in", inKorSince: SINCE, previousYearCents: 800_000 }, TODAY, others);
    expect(answerOf(a.summary)).toEqual(ANSWER_2026);
    expect(a.summary.previousYearBasis).toBe("given");
    expect(a.previousYearSheet).toBeNull();
  });

  it("kor-check --previous-year-turnover", async () => {
    const tmp = tempDir("kor-older-");
    try {
      const file = path.join(tmp.dir, "visser.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, VISSER));
      const { stdout } = await runCli([file, "--format", "json", "--in-kor-since", SINCE, "--previous-year-turnover", "8000"], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; year: number; participationEnded: string | null; nextStart: string | null; deadline: string | null; previousYearSheet: string | null }[];
      const i = items.find((x) => x.sheet === "2026")!;
      expect({ ended: i.participationEnded, nextStart: i.nextStart, deadline: i.deadline, from: i.previousYearSheet }).toEqual({ ended: ANSWER_2026.ended, nextStart: ANSWER_2026.nextStart, deadline: ANSWER_2026.deadline, from: null });
    } finally {
      tmp.cleanup();
    }
  });
});

describe("a row of a taken year that could not be read", () => {
  // Kapsalon Visser, but the crossing invoice on sheet "2024" (row 3) has an amount that cannot be read: what
  // is left of 2024 (€19,000) stays under the limit, so nothing ends participation, yet the unread row may
  // be the crossing. The 2026 report must say so, not read as certain.
  const BOOK = { ...VISSER, "2024": [VISSER["2024"][0], ["2024-09-16", "De Vries", "1.500,5x" as unknown as number, "21"] as Line] };

  it("the year report lists the other sheet's error, named with its sheet", () => {
    const t = (lines: Line[]) => readTable(sheetCells(lines));
    const sheets: YearSheet[] = Object.entries(BOOK).map(([n, l]) => ({ sheet: n, rows: t(l).rows, problems: t(l).problems }));
    const { summary } = summarizeWithSheets(sheets[2], sheets, { today: TODAY, participation: { status: "in", since: dayFromIso(SINCE) } });
    const errors = summary.problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].message.en).toMatch(/^Sheet "2024": /);
    expect(errors[0].row).toBeNull();
    expect(summary.deadlines.participating).toBe(true);
  });

  it("kor-check counts it: the 2026 sheet's eligibility is not given as certain", async () => {
    const tmp = tempDir("kor-older-");
    try {
      const file = path.join(tmp.dir, "visser-fout.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, BOOK));
      const r = await runCli([file, "--format", "json", "--in-kor-since", SINCE], TODAY);
      const items = JSON.parse(r.stdout) as { sheet: string; eligible: boolean | null; problems: { severity: string; message: string }[] }[];
      const i = items.find((x) => x.sheet === "2026")!;
      expect(i.problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([expect.stringMatching(/^Sheet "2024": |^Blad "2024": /)]);
      expect(i.eligible).toBeNull();
    } finally {
      tmp.cleanup();
    }
  });
});
