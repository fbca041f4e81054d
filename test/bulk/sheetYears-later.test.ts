/**
 * A sheet per year, and the report of an earlier year for a business not (known to be) in the KOR: the next
 * possible start reads the later years (kor-rules.md sections 4 and 6), so a later sheet over the limit moves
 * it, as one sheet holding both years gives. Every surface gives the same answer: the year report over the
 * fake Excel, Open file, All sheets and kor-check.
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
import { analyze } from "../../src/taskpane/model";
import type { YearSummary } from "../../src/rules/summary-types";
import { fileLike } from "../taskpane/xlsxXml";
import { sheetBookXlsx } from "./sheetBook";
import { fakeContext } from "../excel/allSheets-fake";
import { runCli, tempDir } from "../cli/fixtures";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
type Line = [iso: string, customer: string, euros: number, rate: string];

/**
 * Bakkerij De Wit, participation not known, a sheet per year:
 * - "2025": €15,000 (1 Mar 2025): within the limit; the previous year 2024 is assumed €0.
 * - "2026": €19,000 (1 Mar) + €2,000 (16 Sep 2026) = €21,000: over the limit, crossed on 16 Sep 2026.
 * The 2025 report, today 27 Nov 2026: 2027 is not eligible (2026 is over €20,000, section 4); no quarter of 2026
 * is left after today's deadline (1 Jan 2027 is the next quarter). 2028's previous year (2027) has no data and
 * is assumed €0: next start 1 Jan 2028, registration received by 3 Dec 2027 (section 6). Without the later sheet
 * the report said 1 Jan 2027, register by 3 Dec 2026: a registration bound to be refused, due in six days.
 */
const DE_WIT: Record<string, Line[]> = {
  "2025": [["2025-03-01", "Jansen", 15000, "21"]],
  "2026": [
    ["2026-03-01", "Bakker", 19000, "21"],
    ["2026-09-16", "Smit", 2000, "21"],
  ],
};
const ANSWER_2025 = { year: 2025, verdict: "eligible", countable: 1_500_000, nextStart: "2028-01-01", deadline: "2027-12-03" };

function sheetCells(lines: Line[]): unknown[][] {
  return [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])];
}

function answerOf(s: YearSummary): typeof ANSWER_2025 {
  return { year: s.year, verdict: s.verdict, countable: s.countableCents, nextStart: isoFromDay(s.deadlines.nextStart), deadline: isoFromDay(s.deadlines.registrationDeadline) };
}

describe("a sheet per year: the earlier year's report knows the later year over the limit", () => {
  it("the year report over the fake Excel (it reads the later sheets for a year before today's)", async () => {
    const defs = Object.entries(DE_WIT).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    expect(otherSheetsFrom(2025, { status: "out" }, TODAY)).toBe(2026);
    expect(otherSheetsFrom(2025, { status: "unknown" }, TODAY)).toBe(2023);
    const others = await readOtherLists(context, "{sheet-1}", 2023);
    const source: InvoiceSource = {
      key: "{sheet-1}", name: "2025", origin: "sheet", tableName: null, values: defs[0].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, others);
    expect(answerOf(a.summary)).toEqual(ANSWER_2025);
    expect(a.summary.problems.find((p) => p.code === "later-years-from-sheets")?.message.nl).toBe(
      'Voor de volgende mogelijke start telt ook de omzet van 2026 uit blad "2026" van dezelfde werkmap mee: een later jaar boven de omzetgrens schuift die start op.',
    );
  });

  it("Open file", async () => {
    const source = await readFileSource(fileLike("dewit.xlsx", await sheetBookXlsx(HEADER, DE_WIT)));
    const s2025 = source.fileSheets?.find((s) => s.sheetName === "2025");
    expect(answerOf(analyze(s2025!, {}, TODAY).summary)).toEqual(ANSWER_2025);
  });

  it("All sheets", async () => {
    const defs = Object.entries(DE_WIT).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    const result = await readAllSheets(context, { keepFrom: 2023 });
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY, participationOf: () => ({ status: "unknown" }) });
    expect(answerOf(lines.find((x) => x.label === "2025")!.summary)).toEqual(ANSWER_2025);
  });

  it("kor-check, also with the sheet read in columns", async () => {
    const tmp = tempDir("kor-later-");
    try {
      const file = path.join(tmp.dir, "dewit.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, DE_WIT));
      const { stdout } = await runCli([file, "--format", "json"], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; year: number; verdict: string; countable: number; nextStart: string | null; deadline: string | null }[];
      const i = items.find((x) => x.sheet === "2025")!;
      expect({ year: i.year, verdict: i.verdict, countable: Math.round(i.countable * 100), nextStart: i.nextStart, deadline: i.deadline }).toEqual(ANSWER_2025);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("summarizeWithSheets for a business not in the KOR (the shared link)", () => {
  const yearSheet = (name: string, lines: Line[]): YearSheet => {
    const t = readTable(sheetCells(lines));
    return { sheet: name, rows: t.rows, problems: t.problems };
  };
  const sheets = Object.entries(DE_WIT).map(([n, l]) => yearSheet(n, l));

  it("takes only later years, and nothing for the latest year's report", () => {
    const early = summarizeWithSheets(sheets[0], sheets, { today: TODAY, participation: { status: "out" } });
    expect(early.taken.map((t) => [t.sheet.sheet, t.years])).toEqual([["2026", [2026]]]);
    expect(answerOf(early.summary)).toEqual(ANSWER_2025);
    const latest = summarizeWithSheets(sheets[1], sheets, { today: TODAY });
    expect(latest.taken).toEqual([]);
    expect(latest.summary.problems.map((p) => p.code)).not.toContain("later-years-from-sheets");
    expect(otherSheetsFrom(2026, { status: "unknown" }, TODAY)).toBe(2023);
  });

  it("two sheets of the later year: none is taken, and a note says why", () => {
    const shop = yearSheet("Winkel 2026", DE_WIT["2026"]);
    const web = yearSheet("Webshop 2026", [["2026-06-01", "B", 1000, "21"]]);
    const { summary, taken } = summarizeWithSheets(sheets[0], [sheets[0], shop, web], { today: TODAY });
    expect(taken).toEqual([]);
    expect(summary.problems.find((p) => p.code === "later-year-sheets-ambiguous")?.message.en).toBe(
      'More than one other sheet has turnover of 2026 ("Winkel 2026", "Webshop 2026"); none counts for the next possible start, as it is not certain which sheet belongs to this business. If the 2026 turnover went over the turnover limit, that start is later: check this, or group the sheets of one business in All sheets.',
    );
  });
});

describe("a sheet per year, participation not known: the outcome 'if in the KOR' reads the older sheets", () => {
  // Kapsalon Visser's sheets (in sheetYears-participation.test.ts), participation unknown: "2024" €19,000 + €1,500
  // on 16 Sep 2024 (over the limit), "2025" €8,000, "2026" €9,000. Not in the KOR: next start 1 Jan 2027. Had the
  // business been in the KOR, the 2024 crossing ended it (three years' exclusion, 2020–2024 rules): 1 Oct 2027,
  // register by 2 Sep 2027; one sheet holding all three years says so, and the 2026 sheet alone did not.
  const VISSER: Record<string, Line[]> = {
    "2024": [["2024-03-01", "Jansen", 19000, "21"], ["2024-09-16", "De Vries", 1500, "21"]],
    "2025": [["2025-03-01", "Bakker", 8000, "21"]],
    "2026": [["2026-03-01", "Smit", 9000, "21"]],
  };
  const yearSheet = (name: string, lines: Line[]): YearSheet => {
    const t = readTable(sheetCells(lines));
    return { sheet: name, rows: t.rows, problems: t.problems };
  };
  const ifInKorOf = (s: YearSummary) => {
    const i = s.deadlines.ifInKor;
    return i === null ? null : { start: isoFromDay(i.start), deadline: isoFromDay(i.deadline), endedOn: i.endedOn === null ? null : isoFromDay(i.endedOn) };
  };
  const WANT = { start: "2027-10-01", deadline: "2027-09-02", endedOn: "2024-09-16" };

  it("as one sheet holding every year, on every surface", async () => {
    const oneSheet = summarizeWithSheets(yearSheet("Alles", Object.values(VISSER).flat()), [], { today: TODAY });
    expect(ifInKorOf(oneSheet.summary)).toEqual(WANT);
    const sheets = Object.entries(VISSER).map(([n, l]) => yearSheet(n, l));
    const linked = summarizeWithSheets(sheets[2], sheets, { today: TODAY });
    expect(ifInKorOf(linked.summary)).toEqual(WANT);
    expect(isoFromDay(linked.summary.deadlines.nextStart)).toBe("2027-01-01");
    expect(linked.summary.problems.find((p) => p.code === "older-years-from-sheets")?.message.nl).toBe(
      'Voor wat geldt als u al in de KOR zit, telt ook de omzet van 2024 uit blad "2024" van dezelfde werkmap mee: ging de omzet toen over de omzetgrens, dan eindigde de deelname op die dag.',
    );
    // The pane in Excel reads the older sheets for it; Open file and kor-check have them all.
    expect(otherSheetsFrom(2026, { status: "unknown" }, TODAY)).toBe(2023);
    const defs = Object.entries(VISSER).map(([name, lines]) => ({ name, cells: sheetCells(lines) }));
    const { context } = fakeContext(defs);
    const source: InvoiceSource = {
      key: "{sheet-3}", name: "2026", origin: "sheet", tableName: null, values: defs[2].cells,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    expect(ifInKorOf(analyze(source, {}, TODAY, await readOtherLists(context, "{sheet-3}", 2023)).summary)).toEqual(WANT);
    const opened = await readFileSource(fileLike("visser.xlsx", await sheetBookXlsx(HEADER, VISSER)));
    expect(ifInKorOf(analyze(opened.fileSheets!.find((s) => s.sheetName === "2026")!, {}, TODAY).summary)).toEqual(WANT);
    const tmp = tempDir("kor-older-unknown-");
    try {
      const file = path.join(tmp.dir, "visser.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, VISSER));
      const items = JSON.parse((await runCli([file, "--format", "json"], TODAY)).stdout) as { sheet: string; ifInKor: { nextStart: string; deadline: string } | null }[];
      expect(items.find((x) => x.sheet === "2026")?.ifInKor).toMatchObject({ nextStart: WANT.start, deadline: WANT.deadline });
    } finally {
      tmp.cleanup();
    }
  });

  it("an older year that changes nothing is not taken, and no note is added", () => {
    const quiet = { ...VISSER, "2024": [VISSER["2024"][0]] };
    const sheets = Object.entries(quiet).map(([n, l]) => yearSheet(n, l));
    const { summary, taken } = summarizeWithSheets(sheets[2], sheets, { today: TODAY });
    expect(taken).toEqual([]);
    expect(summary.deadlines.ifInKor).toBeNull();
    expect(summary.problems.map((p) => p.code)).toEqual(["previous-year-from-sheet"]);
    // Not in the KOR ("out"): the older years are never read.
    const out = summarizeWithSheets(Object.entries(VISSER).map(([n, l]) => yearSheet(n, l))[2], Object.entries(VISSER).map(([n, l]) => yearSheet(n, l)), { today: TODAY, participation: { status: "out" } });
    expect(out.taken).toEqual([]);
  });
});
