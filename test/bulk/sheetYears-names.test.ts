/**
 * A sheet lends its years to another sheet's report only when its name names a year it holds: a workbook with a
 * sheet per year ("2024", "Omzet 2025") is one business, a workbook with a sheet per client is not, although the
 * clients' years need not overlap. A sheet that would have been taken says so in a note. The same in
 * summarizeWithSheets, the pane (analyze) and kor-check.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { lendsYears, summarizeWithSheets, type YearSheet } from "../../src/bulk/sheetYears";
import type { InvoiceSource } from "../../src/excel/source";
import { readTable } from "../../src/reading/headers";
import { dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import { analyze } from "../../src/taskpane/model";
import { sheetBookXlsx } from "./sheetBook";
import { runCli, tempDir } from "../cli/fixtures";

const TODAY = dayFromIso("2026-11-27");
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
type Line = [iso: string, customer: string, euros: number, rate: string];

function sheetCells(lines: Line[]): unknown[][] {
  return [HEADER, ...lines.map(([iso, c, e, r]) => [excelSerialFromDay(dayFromIso(iso)), c, e, r])];
}

function yearSheet(name: string, lines: Line[]): YearSheet {
  const t = readTable(sheetCells(lines));
  return { sheet: name, rows: t.rows, problems: t.problems };
}

/**
 * An accountant's workbook, a sheet per client:
 * - "Bakkerij Jansen", a client who stopped: 15,000 + 7,000 = €22,000 in 2025 only.
 * - "Kapsalon Pietersen", a new client: 4,000 + 3,000 = €7,000 in 2026 only.
 * Pietersen's 2026 report: 2025 is not on its sheet and not taken from Jansen's (another business): assumed €0,
 * so eligible. Before, it took Jansen's €22,000 as its 2025 turnover: not eligible.
 */
const JANSEN: Line[] = [
  ["2025-03-01", "Klant A", 15000, "21"],
  ["2025-09-01", "Klant B", 7000, "21"],
];
const PIETERSEN: Line[] = [
  ["2026-02-10", "Klant C", 4000, "21"],
  ["2026-06-10", "Klant D", 3000, "21"],
];
const CLIENTS = { "Bakkerij Jansen": JANSEN, "Kapsalon Pietersen": PIETERSEN };

const NOTE_2025 = {
  nl: 'Blad "Bakkerij Jansen" heeft omzet van 2025, maar de naam van het blad noemt geen jaar dat erop staat. Daarom is het niet als vorig jaar van deze onderneming genomen: het kan van een andere klant zijn. Hoort het bij deze onderneming, zet dan het jaar in de naam van het blad (bijvoorbeeld "2025"), of vul de omzet van 2025 zelf in.',
  en: 'Sheet "Bakkerij Jansen" has turnover of 2025, but its name names no year the sheet holds. So it was not taken as this business\'s previous year: it may be another client\'s. If it belongs to this business, put the year in the sheet\'s name (e.g. "2025"), or enter the 2025 turnover yourself.',
};

describe("lendsYears: a year in the sheet's name that the sheet holds", () => {
  const holds = (years: number[]) => (y: number): boolean => years.includes(y);
  it("reads a year in a name, and a range of years", () => {
    expect(lendsYears("2024", holds([2024]))).toBe(true);
    expect(lendsYears("Omzet 2025", holds([2025]))).toBe(true);
    expect(lendsYears("FY2024", holds([2024]))).toBe(true);
    expect(lendsYears("Verkoopboek_2024", holds([2024]))).toBe(true);
    expect(lendsYears("Blad › Facturen2024", holds([2024]))).toBe(true);
    for (const range of ["2023-2025", "2023/2025", "2023–2025", "Omzet 2023 - 2025"]) expect([range, lendsYears(range, holds([2024]))]).toEqual([range, true]);
    expect(lendsYears("1999", holds([1999]))).toBe(true);
  });

  it("not without a year, with a year the sheet does not hold, or with four digits of a longer number", () => {
    expect(lendsYears("Bakkerij Jansen", holds([2025]))).toBe(false);
    expect(lendsYears("Blad1", holds([2025]))).toBe(false);
    expect(lendsYears("Omzet 2019", holds([2025]))).toBe(false);
    expect(lendsYears("2025", holds([2024]))).toBe(false);
    expect(lendsYears("2023-2024", holds([2025]))).toBe(false);
    expect(lendsYears("Klant 120245", holds([2024, 2025]))).toBe(false);
    expect(lendsYears("Order 20245", holds([2024]))).toBe(false);
    expect(lendsYears("1850", holds([1850]))).toBe(false);
    expect(lendsYears("2024", holds([]))).toBe(false);
  });
});

describe("a sheet per client (summarizeWithSheets)", () => {
  const jansen = yearSheet("Bakkerij Jansen", JANSEN);
  const pietersen = yearSheet("Kapsalon Pietersen", PIETERSEN);

  it("Pietersen's previous year is not taken from Jansen's sheet, and a note says why", () => {
    const { summary, from } = summarizeWithSheets(pietersen, [jansen, pietersen], { today: TODAY });
    expect(from).toBeNull();
    expect(summary.previousYearBasis).toBe("assumed-zero");
    expect(summary.previousYearCents).toBe(0);
    expect(summary.verdict).toBe("eligible");
    const notes = summary.problems.filter((p) => p.code === "sheet-name-without-year");
    expect(notes.map((p) => [p.severity, p.message])).toEqual([["warning", NOTE_2025]]);
    expect(summary.problems.some((p) => p.code === "previous-year-from-sheet")).toBe(false);
  });

  it("Jansen's report does not take Pietersen's 2026 as a later year either, and says so", () => {
    const { summary, taken } = summarizeWithSheets(jansen, [jansen, pietersen], { today: TODAY });
    expect(taken).toEqual([]);
    expect(summary.problems.filter((p) => p.code === "sheet-name-without-year").map((p) => p.message.en)).toEqual([
      'Sheet "Kapsalon Pietersen" has turnover of 2026, but its name names no year the sheet holds. So that turnover does not count for the next possible start of this business: the sheet may be another client\'s. If it belongs to this business, put the year in the sheet\'s name (e.g. "2026").',
    ]);
  });

  it("a given previous year: no note (nothing is assumed)", () => {
    const { summary } = summarizeWithSheets(pietersen, [jansen, pietersen], { today: TODAY, previousYearCents: 500_000 });
    expect(summary.previousYearBasis).toBe("given");
    expect(summary.problems.some((p) => p.code === "sheet-name-without-year" || p.code === "previous-year-differs")).toBe(false);
  });

  it("a sheet named by year beside the unnamed one is taken, without a note", () => {
    const y25 = yearSheet("Omzet 2025", [["2025-03-01", "A", 1000, "21"]]);
    const { summary, from } = summarizeWithSheets(pietersen, [jansen, y25, pietersen], { today: TODAY });
    expect(from?.sheet).toBe("Omzet 2025");
    expect(summary.previousYearCents).toBe(100_000);
    expect(summary.problems.some((p) => p.code === "sheet-name-without-year")).toBe(false);
  });
});

describe("a sheet per year still links", () => {
  it('"Facturen" (2026) takes 2025 from sheet "2025": the report\'s own sheet needs no year in its name', () => {
    const facturen = yearSheet("Facturen", PIETERSEN);
    const y25 = yearSheet("2025", JANSEN);
    const { summary, from } = summarizeWithSheets(facturen, [facturen, y25], { today: TODAY });
    expect(from?.sheet).toBe("2025");
    expect(summary.previousYearCents).toBe(2_200_000);
    expect(summary.verdict).toBe("not-eligible");
  });

  it('"FY2024" lends 2024, "2023-2025" lends 2025', () => {
    const fy = yearSheet("FY2024", [["2024-05-01", "A", 21000, "21"]]);
    const own25 = yearSheet("2025", [["2025-05-01", "B", 1000, "21"]]);
    const a = summarizeWithSheets(own25, [fy, own25], { today: TODAY });
    expect([a.from?.sheet, a.summary.previousYearCents, a.summary.verdict]).toEqual(["FY2024", 2_100_000, "not-eligible"]);
    const range = yearSheet("2023-2025", [["2023-05-01", "A", 1000, "21"], ["2024-05-01", "A", 1000, "21"], ["2025-05-01", "A", 21000, "21"]]);
    const own26 = yearSheet("Facturen", PIETERSEN);
    const b = summarizeWithSheets(own26, [range, own26], { today: TODAY });
    expect([b.from?.sheet, b.summary.previousYearCents, b.summary.verdict]).toEqual(["2023-2025", 2_100_000, "not-eligible"]);
  });
});

describe("a participant whose crossing is on a sheet whose name names no year", () => {
  // Kapsalon Visser (test/bulk/sheetYears-participation.test.ts), in the KOR since 1 Jan 2024, with its 2024
  // sheet named "Oud": the crossing of 16 Sep 2024 on it is not taken (it may be another client's), and a note
  // says so; named "2024", participation ended that day.
  const oud = yearSheet("Oud", [["2024-03-01", "Jansen", 19000, "21"], ["2024-09-16", "De Vries", 1500, "21"]]);
  const y25 = yearSheet("2025", [["2025-03-01", "Bakker", 8000, "21"]]);
  const y26 = yearSheet("2026", [["2026-03-01", "Smit", 9000, "21"]]);
  const participation = { status: "in", since: dayFromIso("2024-01-01") } as const;
  const NOTE = {
    nl: 'Blad "Oud" heeft omzet van 2024, maar de naam van het blad noemt geen jaar dat erop staat. Daarom telt die omzet niet mee voor de KOR-deelname sinds 1 januari 2024 van deze onderneming: het blad kan van een andere klant zijn. Hoort het bij deze onderneming, zet dan het jaar in de naam van het blad (bijvoorbeeld "2024").',
    en: 'Sheet "Oud" has turnover of 2024, but its name names no year the sheet holds. So that turnover does not count for the KOR participation since 1 January 2024 of this business: the sheet may be another client\'s. If it belongs to this business, put the year in the sheet\'s name (e.g. "2024").',
  };

  it("summarizeWithSheets", () => {
    const { summary, from, taken } = summarizeWithSheets(y26, [oud, y25, y26], { today: TODAY, participation });
    expect(from?.sheet).toBe("2025");
    expect(taken).toEqual([]);
    expect(summary.deadlines.participating).toBe(true);
    expect(summary.problems.filter((p) => p.code === "sheet-name-without-year").map((p) => p.message)).toEqual([NOTE]);
    const named = summarizeWithSheets(y26, [{ ...oud, sheet: "2024" }, y25, y26], { today: TODAY, participation });
    expect(named.summary.deadlines.participationEnded === null ? null : isoFromDay(named.summary.deadlines.participationEnded)).toBe("2024-09-16");
    expect(named.summary.problems.some((p) => p.code === "sheet-name-without-year")).toBe(false);
  });

  it("kor-check, the report's sheet read in columns", async () => {
    // "2025-2026" holds its previous year itself: kor-check reads it in columns unless another sheet is needed.
    const tmp = tempDir("kor-names-");
    try {
      const file = path.join(tmp.dir, "visser.xlsx");
      writeFileSync(
        file,
        await sheetBookXlsx(HEADER, {
          Oud: [["2024-03-01", "Jansen", 19000, "21"], ["2024-09-16", "De Vries", 1500, "21"]],
          "2025-2026": [["2025-03-01", "Bakker", 8000, "21"], ["2026-03-01", "Smit", 9000, "21"]],
        }),
      );
      const { stdout } = await runCli([file, "--format", "json", "--lang", "en", "--in-kor-since", "2024-01-01"], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; participationEnded: string | null; problems: { code: string; message: string }[] }[];
      const i = items.find((x) => x.sheet === "2025-2026")!;
      expect(i.participationEnded).toBeNull();
      expect(i.problems.filter((p) => p.code === "sheet-name-without-year").map((p) => p.message)).toEqual([NOTE.en]);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("the client workbook in the pane and in kor-check", () => {
  it("the year report (analyze): Pietersen is eligible, the pane asks for 2025, and shows the note", () => {
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "Kapsalon Pietersen", origin: "sheet", tableName: null, values: sheetCells(PIETERSEN),
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, {}, TODAY, [yearSheet("Bakkerij Jansen", JANSEN)]);
    expect(a.previousYearSheet).toBeNull();
    expect(a.askPreviousYear).toBe(true);
    expect(a.summary.verdict).toBe("eligible");
    expect(a.summary.previousYearBasis).toBe("assumed-zero");
    expect(a.warnings.map((w) => w.message.nl)).toContain(NOTE_2025.nl);
  });

  it("kor-check: Pietersen's previous year is not Jansen's", async () => {
    const tmp = tempDir("kor-names-");
    try {
      const file = path.join(tmp.dir, "klanten.xlsx");
      writeFileSync(file, await sheetBookXlsx(HEADER, CLIENTS));
      const { stdout } = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
      const items = JSON.parse(stdout) as { sheet: string; year: number; verdict: string; previousYear: number | null; previousYearBasis: string; previousYearSheet: string | null; problems: { code: string; message: string }[] }[];
      const p = items.find((x) => x.sheet === "Kapsalon Pietersen")!;
      expect([p.year, p.verdict, p.previousYear, p.previousYearBasis, p.previousYearSheet]).toEqual([2026, "eligible", 0, "assumed-zero", null]);
      expect(p.problems.filter((x) => x.code === "sheet-name-without-year").map((x) => x.message)).toEqual([NOTE_2025.en]);
      // Renamed "2025", the sheet is the previous year's (a sheet per year): €22,000, not eligible.
      const named = path.join(tmp.dir, "per-jaar.xlsx");
      writeFileSync(named, await sheetBookXlsx(HEADER, { "2025": JANSEN, Facturen: PIETERSEN }));
      const byYear = JSON.parse((await runCli([named, "--format", "json", "--lang", "en"], TODAY)).stdout) as typeof items;
      const f = byYear.find((x) => x.sheet === "Facturen")!;
      expect([f.verdict, f.previousYear, f.previousYearSheet]).toEqual(["not-eligible", 22000, "2025"]);
    } finally {
      tmp.cleanup();
    }
  });
});
