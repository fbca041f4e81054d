/** The all-sheets check against a fake Excel: which sheets and tables are read, row numbers, and batching. */
import { readAllSheets, planChunks } from "../../src/excel/allSheets";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { buildOverviewContent } from "../../src/excel/overviewContent";
import { fakeContext, type FakeSheetDef } from "./allSheets-fake";
import type { DocumentSettings } from "../../src/excel/settings";
import { allSheetsKeepFrom, participationResolver } from "../../src/taskpane/participation";
import { summarizeYear } from "../../src/rules/summary";
import { readTable } from "../../src/reading/headers";

const s = (iso: string): number => excelSerialFromDay(dayFromIso(iso));
const TODAY = dayFromIso("2026-11-27");

function invoices(n: number, amount: number, year = 2025): unknown[][] {
  const rows: unknown[][] = [["Datum", "Klant", "Bedrag", "Categorie"]];
  for (let i = 0; i < n; i++) rows.push([s(`${year}-${String(1 + (i % 12)).padStart(2, "0")}-15`), `K${i}`, amount, "21"]);
  return rows;
}

describe("readAllSheets", () => {
  it("reads invoice sheets and tables, skips other and hidden sheets, numbers rows as sheet rows", async () => {
    const withTable: unknown[][] = [["Overzicht"], [], [], ["Datum", "Bedrag"], [s("2025-03-01"), 100], [s("2025-03-02"), "kapot"]];
    const sheets: FakeSheetDef[] = [
      { name: "Klant A", cells: invoices(3, 1000) },
      { name: "Notities", cells: [["Bel klant terug"]] },
      { name: "Leeg", cells: [] },
      { name: "Tabel", cells: withTable, tables: [{ name: "Verkoop", row: 3, col: 0, rows: 3, cols: 2 }] },
      { name: "Verborgen", cells: invoices(2, 5), visibility: "Hidden" },
    ];
    const { context, syncs } = fakeContext(sheets);
    const result = await readAllSheets(context);
    expect(result.units.map((u) => [u.sheet, u.table, u.rows.length])).toEqual([["Klant A", null, 3], ["Tabel", "Verkoop", 1]]);
    expect(result.units[1].rows[0].row).toBe(5);
    expect(result.units[1].problems.map((p) => [p.row, p.code])).toEqual([[6, "amount-not-a-number"]]);
    expect(result.skipped).toEqual([{ sheet: "Leeg", table: null }, { sheet: "Notities", table: null }]);
    expect(result.syncs).toBe(syncs.length);
    expect(syncs.length).toBe(4); // sheets, used ranges + tables, sizes + first rows, one value sync
  });

  it("packs 200 sheets × 5,000 rows into a fixed number of syncs within the cell budget", async () => {
    const sheets: FakeSheetDef[] = Array.from({ length: 200 }, (_, i) => ({ name: `Klant ${i + 1}`, cells: invoices(5000, i === 7 ? 5 : 1) }));
    const { context, syncs } = fakeContext(sheets);
    const budget = 200_000;
    const result = await readAllSheets(context, { maxCellsPerSync: budget });
    expect(result.units).toHaveLength(200);
    const totalCells = 200 * 5001 * 4;
    // 3 planning syncs + the values in full syncs of at most `budget` cells.
    expect(syncs.length).toBeLessThanOrEqual(3 + Math.ceil(totalCells / budget) + 1);
    expect(Math.max(...syncs)).toBeLessThanOrEqual(budget);
    expect(result.units[7].rows).toHaveLength(5000);
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    expect(lines[7].countableCents).toBe(5000 * 500);
    expect(lines[0].countableCents).toBe(5000 * 100);
  }, 60_000);

  it("keeps the recent years so the next start sees a later crossing, with one year chosen for all sheets", async () => {
    const cells: unknown[][] = [["Datum", "Bedrag"], [s("2025-05-01"), 15_000], [s("2026-01-10"), 19_000], [s("2026-09-16"), 2_000]];
    const result = await readAllSheets(fakeContext([{ name: "Klant", cells }]).context, { year: 2025, keepFrom: 2023 });
    const [line] = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect(line.year).toBe(2025);
    // 2026 crossed on 16 September: 2027 fails the previous-year test, so not 1 January 2027.
    expect([line.nextStart, line.registrationDeadline]).toEqual([dayFromIso("2028-01-01"), dayFromIso("2027-12-03")]);
  });

  it("gives the same rows whatever the block size", async () => {
    const cells = invoices(50, 437);
    cells[20][2] = "veel";
    const big = await readAllSheets(fakeContext([{ name: "A", cells }]).context);
    const small = fakeContext([{ name: "A", cells }]);
    const tiny = await readAllSheets(small.context, { maxCellsPerSync: 12 });
    expect(tiny.units[0].rows).toEqual(big.units[0].rows);
    expect(tiny.units[0].problems).toEqual(big.units[0].problems);
    // The value syncs (after the three planning syncs) respect the budget.
    expect(Math.max(...small.syncs.slice(3))).toBeLessThanOrEqual(12);
  });
});

describe("All sheets keeps what the year report, which reads every row, sees", () => {
  // In the KOR since 2021; the crossing on 16 September 2021 ended it; a 2021 row names a country. All sheets
  // kept only the years from today − 3 (2023) on: it called the business still in the KOR (nothing to register)
  // and gave no EU-KOR view, where the year report said participation ended on 16 September 2021.
  const cells = [["Datum", "Bedrag", "Land"], [s("2021-03-01"), 19000, "DE"], [s("2021-09-16"), 1500, ""], [s("2025-03-01"), 1000, ""], [s("2026-03-01"), 1000, ""]];
  const since = dayFromIso("2021-01-01");
  const settings = (): DocumentSettings => {
    const data = new Map<string, unknown>([["kor.participation", { participation: "in", inKorSince: "2021-01-01" }]]);
    return { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), saveAsync: (cb) => cb?.({ status: "succeeded" }) };
  };

  it("keeps a participant's rows from the start of participation on, and remembers a dropped row's country", async () => {
    const keepFrom = allSheetsKeepFrom(settings(), EMPTY_GROUPING, TODAY);
    expect(keepFrom).toBe(2021);
    const { units } = await readAllSheets(fakeContext([{ name: "Klant", cells }]).context, { keepFrom, probeDateSystem: false });
    const participation = participationResolver(settings(), EMPTY_GROUPING, TODAY);
    const [line] = buildOverview(units, EMPTY_GROUPING, { today: TODAY, participationOf: participation });
    const report = summarizeYear(readTable(cells).rows, { today: TODAY, participation: { status: "in", since } });
    expect(report.deadlines.participationEnded).toBe(dayFromIso("2021-09-16"));
    expect(line.summary.deadlines).toMatchObject({ participating: false, participationEnded: report.deadlines.participationEnded, nextStart: report.deadlines.nextStart });
    expect(line.summary.eu?.unionCents).toBe(report.eu?.unionCents);
  });

  it("gives the EU-KOR view when only a year it did not keep names a country, for a sheet and for a group", async () => {
    const { units } = await readAllSheets(fakeContext([{ name: "Klant", cells }, { name: "Winkel", cells: invoices(2, 100) }]).context, { keepFrom: 2023, probeDateSystem: false });
    expect(units[0].droppedCountry).toBe(true);
    const [line] = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect(line.summary.eu?.unionCents).toBe(100_000);
    const [group] = buildOverview(units, setGroup(EMPTY_GROUPING, "Klant BV", units.map((u) => u.id)), { today: TODAY });
    expect(group.summary.eu).not.toBeNull();
  });

  it("looks at the workbook's setting, each group's, and each sheet met in an earlier read", () => {
    const data = new Map<string, unknown>();
    const doc: DocumentSettings = { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), saveAsync: (cb) => cb?.({ status: "succeeded" }) };
    expect(allSheetsKeepFrom(doc, EMPTY_GROUPING, TODAY)).toBe(2023);
    expect(allSheetsKeepFrom(null, EMPTY_GROUPING, TODAY)).toBe(2023);
    const two = setGroup(setGroup(EMPTY_GROUPING, "A", ["{a1}", "{a2}"]), "B", ["{b1}", "{b2}"]);
    data.set("kor.participation.group.b", { participation: "in", inKorSince: "2022-04-01" });
    expect(allSheetsKeepFrom(doc, two, TODAY)).toBe(2022);
    data.set("kor.sheet.{loose}", { participation: "in", inKorSince: "2020-07-01" });
    expect(allSheetsKeepFrom(doc, two, TODAY)).toBe(2022);
    expect(allSheetsKeepFrom(doc, two, TODAY, ["{loose}"])).toBe(2020);
    // A start after today is no participation (the field refuses it): nothing more is kept.
    data.set("kor.participation.group.a", { participation: "in", inKorSince: "2027-01-01" });
    expect(allSheetsKeepFrom(doc, two, TODAY, ["{loose}"])).toBe(2020);
  });
});

describe("planChunks", () => {
  it("never puts more than the budget in one sync and covers every row once", () => {
    const units = [
      { area: { rowIndex: 0, columnIndex: 0, rowCount: 25, columnCount: 4 }, firstRows: new Array(10).fill([]) },
      { area: { rowIndex: 0, columnIndex: 0, rowCount: 7, columnCount: 3 }, firstRows: [] },
    ];
    const plan = planChunks(units, 20);
    for (const sync of plan) expect(sync.reduce((n, c) => n + c.rows * units[c.unit].area.columnCount, 0)).toBeLessThanOrEqual(20);
    const covered = plan.flat().map((c) => [c.unit, c.from, c.rows]);
    expect(covered.filter((c) => c[0] === 0).reduce((n, c) => n + c[2], 0)).toBe(15);
    expect(covered.filter((c) => c[0] === 1).reduce((n, c) => n + c[2], 0)).toBe(7);
  });
});

describe("overview of sheets read from Excel", () => {
  it("tests a group of sheets as one business and names the sheet and row of the crossing", async () => {
    const a = [["Datum", "Bedrag"], [s("2025-02-01"), 12000], [s("2025-09-20"), 1000]];
    const b = [["Datum", "Bedrag"], [s("2025-03-01"), 7000], [s("2025-09-16"), 500]];
    const { context } = fakeContext([{ name: "Winkel", cells: a }, { name: "Webshop", cells: b }, { name: "Ander", cells: invoices(1, 10) }]);
    const { units } = await readAllSheets(context);
    const grouping = setGroup(EMPTY_GROUPING, "Bakker BV", [units[0].id, units[1].id]);
    const lines = buildOverview(units, grouping, { today: TODAY });
    expect(lines.map((l) => l.label)).toEqual(["Bakker BV", "Ander"]);
    expect(lines[0]).toMatchObject({ isGroup: true, countableCents: 2_050_000, verdict: "not-eligible" });
    // 12,000 + 7,000 + 500 (16 Sep, Webshop row 3) = 19,500; + 1,000 on 20 Sep (Winkel row 3) crosses.
    expect(lines[0].crossing).toMatchObject({ sheet: "Winkel", row: 3, day: dayFromIso("2025-09-20") });
    const content = buildOverviewContent(lines, "nl", TODAY);
    const header = content.values[content.headerRow];
    expect(header[0]).toBe("Blad");
    const first = content.values[content.headerRow + 1];
    expect(first.slice(0, 5)).toEqual(["Bakker BV", "Winkel, Webshop", 2025, 20500, 1.025]);
    expect(first[7]).toBe("Winkel rij 3");
  });
});
