/**
 * The year checked when none is asked: the latest year with data that is not after today's year, on every
 * surface alike (the rules' summary, kor-check, the pane's report, All sheets, the KOR.* functions). One
 * mistyped year (15-05-2062 among 2026 invoices) must not decide which year is checked; the report names the
 * rows dated after today. Only when every row is after today's year is the latest year the default.
 */
import * as path from "path";
import * as context from "../../src/functions/context";
import * as f from "../../src/functions/functions";
import { analyze } from "../../src/taskpane/model";
import { buildOverview, type CheckedUnit } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { YearWindow } from "../../src/bulk/yearWindow";
import { defaultDataYear, summarizeYear } from "../../src/rules/summary";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { InvoiceSource } from "../../src/excel/source";
import type { InvoiceRow, Problem } from "../../src/rules/types";
import { runCli, tempDir, writeText } from "../cli/fixtures";

const TODAY = dayFromIso("2026-12-01");
const row = (n: number, iso: string, euros: number): InvoiceRow => ({
  row: n, day: dayFromIso(iso), cents: Math.round(euros * 100), category: null, country: null, vatCents: null,
});

/** The tester's y1.csv: three 2026 invoices crossing on 15 Mar 2026 (row 3), and a 2062 typo (row 5). */
const Y1: [string, number][] = [
  ["2026-01-15", 15000],
  ["2026-03-15", 6000],
  ["2026-04-15", 500],
  ["2062-05-15", 300],
];
const y1Rows = (): InvoiceRow[] => Y1.map(([iso, e], i) => row(i + 2, iso, e));

function codes(problems: readonly Pick<Problem, "code">[]): string[] {
  return problems.map((p) => p.code);
}

function paneSource(rows: [string, number][]): InvoiceSource {
  const values: unknown[][] = [["Factuurdatum", "Omschrijving", "Bedrag"], ...rows.map(([iso, e]) => [excelSerialFromDay(dayFromIso(iso)), "x", e])];
  return { key: "k", name: "Blad1", origin: "sheet", tableName: null, values, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
}

describe("the default year is the latest year not after today's year", () => {
  it("defaultDataYear: a later year only when every year is after today's", () => {
    expect(defaultDataYear(y1Rows(), [], TODAY)).toBe(2026);
    expect(defaultDataYear([row(2, "2024-05-01", 1), row(3, "2062-05-15", 1)], [], TODAY)).toBe(2024);
    expect(defaultDataYear([row(2, "2027-05-01", 1), row(3, "2028-05-15", 1)], [], TODAY)).toBe(2028);
    expect(defaultDataYear([], [], TODAY)).toBeNull();
  });

  it("the summary checks 2026, with its crossing, and names the row dated after today", () => {
    const s = summarizeYear(y1Rows(), { today: TODAY });
    expect(s.year).toBe(2026);
    expect(s.countableCents).toBe(2_150_000);
    expect(s.crossing?.row).toBe(3);
    expect(s.crossing?.day).toBe(dayFromIso("2026-03-15"));
    const w = s.problems.find((p) => p.code === "date-after-today-later-year");
    expect(w?.severity).toBe("warning");
    expect(w?.row).toBe(5);
    expect(w?.message.nl).toBe("Rij 5 is gedateerd na vandaag (15 mei 2062); het gecontroleerde jaar is 2026. Kies het jaar zelf als dat niet klopt, of verbeter de datum.");
    expect(w?.day).toBeUndefined();
    expect(w?.message.en).toBe("Row 5 is dated after today (15 May 2062); the year checked is 2026. Choose the year yourself if that is not right, or correct the date.");
  });

  it("rows dated after today in the year checked are counted, with a warning", () => {
    const s = summarizeYear([row(2, "2026-01-15", 1000), row(3, "2026-12-15", 500), row(4, "2026-12-31", 200)], { today: TODAY });
    expect(s.year).toBe(2026);
    expect(s.countableCents).toBe(170_000);
    const w = s.problems.find((p) => p.code === "date-after-today");
    expect(w?.count).toBe(2);
    expect(w?.rows).toEqual([3, 4]);
    expect(w?.message.nl).toBe("2 rijen zijn gedateerd na vandaag (rij 3: 15 december 2026; rij 4: 31 december 2026) en tellen mee voor 2026. Verbeter de datums als die niet kloppen.");
    expect(w?.message.en).toBe("2 rows are dated after today (row 3: 15 December 2026; row 4: 31 December 2026) and count for 2026. Correct the dates if they are not right.");
    const one = summarizeYear([row(2, "2026-01-15", 1000), row(3, "2026-12-15", 500)], { today: TODAY, rowName: (n) => ({ nl: `blad "X", rij ${n}`, en: `sheet "X", row ${n}` }) });
    expect(one.problems.find((p) => p.code === "date-after-today")?.message.nl).toBe('Blad "X", rij 3 is gedateerd na vandaag (15 december 2026) en telt mee voor 2026. Verbeter de datum als die niet klopt.');
    const many = summarizeYear([1, 2, 3, 4].map((k) => row(k + 1, `${2060 + k}-01-0${k}`, 1)).concat([row(9, "2025-01-01", 1)]), { today: TODAY });
    expect(many.year).toBe(2025);
    expect(many.problems.find((p) => p.code === "date-after-today-later-year")?.message.en).toBe(
      "4 rows are dated after today (row 2: 1 January 2061; row 3: 2 January 2062; row 4: 3 January 2063; …); the year checked is 2025. Choose the year yourself if that is not right, or correct the dates.",
    );
  });

  it("no such warning without rows dated after today", () => {
    const s = summarizeYear([row(2, "2026-01-15", 1000), row(3, "2026-12-01", 500)], { today: TODAY });
    expect(codes(s.problems).filter((c) => c.startsWith("date-after-today"))).toEqual([]);
  });

  it("every row after today's year: the latest year stays the default", () => {
    const s = summarizeYear([row(2, "2027-04-15", 500), row(3, "2028-01-01", 100)], { today: TODAY });
    expect(s.year).toBe(2028);
    expect(codes(s.problems)).toContain("date-after-today");
  });

  it("a YearWindow without a year keeps the default year's rows when a later typo arrives", () => {
    const w = new YearWindow(null, undefined, 2023, false, 2026);
    w.addRows([row(2, "2020-01-15", 15000), row(3, "2020-03-15", 6000), row(4, "2062-05-15", 300)]);
    expect(w.rows().map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it("the pane's report checks 2026", () => {
    const a = analyze(paneSource(Y1), {}, TODAY);
    expect(a.summary.year).toBe(2026);
    expect(a.summary.crossing?.day).toBe(dayFromIso("2026-03-15"));
    expect(codes(a.summary.problems)).toContain("date-after-today-later-year");
    expect(a.years).toEqual([2026, 2062]);
  });

  it("All sheets checks 2026, also for a group", () => {
    const u: CheckedUnit = { id: "A", sheet: "A", table: null, rows: y1Rows(), problems: [] };
    const [line] = buildOverview([u], EMPTY_GROUPING, { today: TODAY });
    expect(line.year).toBe(2026);
    expect(line.crossing?.row).toBe(3);
    const withKey = buildOverview([{ ...u, settingsKey: "A" }], EMPTY_GROUPING, { today: TODAY, previousYearOf: () => null });
    expect(withKey[0].year).toBe(2026);
  });

  it("the KOR.* functions without a year check 2026", () => {
    const spy = jest.spyOn(context, "today").mockReturnValue(TODAY);
    try {
      const dates = Y1.map(([iso]) => [excelSerialFromDay(dayFromIso(iso))]);
      const amounts = Y1.map(([, e]) => [e]);
      const none = null as unknown as unknown[][];
      expect(f.countable(dates, amounts, none, null)).toBe(21_500);
      expect(f.eligible(dates, amounts, none, null, null)).toBe(false);
      expect(f.crossing(dates, amounts, none, null)).toBe(excelSerialFromDay(dayFromIso("2026-03-15")));
    } finally {
      spy.mockRestore();
    }
  });

  it("kor-check checks 2026 and says which row is dated after today", async () => {
    const tmp = tempDir();
    try {
      const text = ["Factuurdatum;Omschrijving;Bedrag", "15-01-2026;a;15.000,00", "15-03-2026;b;6.000,00", "15-04-2026;typo;500,00", "15-05-2062;typo year;300,00", ""].join("\n");
      const file = writeText(path.join(tmp.dir, "y1.csv"), text);
      const run = await runCli(["--format", "json", "--lang", "en", file], TODAY);
      const [item] = JSON.parse(run.stdout) as { year: number; countable: number; crossing: { day: string; row: number } | null; problems: { code: string; row: number | null }[] }[];
      expect(item.year).toBe(2026);
      expect(item.crossing?.row).toBe(3);
      expect(item.problems.find((p) => p.code === "date-after-today-later-year")?.row).toBe(5);
    } finally {
      tmp.cleanup();
    }
  });
});
