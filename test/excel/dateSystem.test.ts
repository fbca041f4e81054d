/**
 * Excel mode in a workbook of the 1904 date system (Mac Excel's old default): `range.values` gives serials of
 * that system, 1,462 lower than the 1900 ones; read as 1900 every invoice lands 4 years and a day early. The
 * pane asks the workbook with `workbook.functions.date(2000, 1, 1)` (36526 in 1900, 35064 in 1904) in a sync
 * it makes anyway, reads the serials in that system, says so, and writes its own dates in that system too.
 */
import { readInvoiceSource } from "../../src/excel/read";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import { writeReportSheet } from "../../src/excel/reportSheet";
import { writeOverviewSheet } from "../../src/excel/overviewSheet";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { analyze } from "../../src/taskpane/model";
import { DATE_1904_OFFSET, dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import { S, tPlain } from "../../src/taskpane/strings";
import { FakeWorkbook } from "./fake-excel";
import { fakeContext } from "./allSheets-fake";

const TODAY = dayFromIso("2026-11-27");
const serial1900 = (iso: string): number => excelSerialFromDay(dayFromIso(iso));
const serial1904 = (iso: string): number => serial1900(iso) - DATE_1904_OFFSET;

/** 1 Feb 2026 €15,000, 1 Apr 2026 €6,000 (crosses the €20,000 limit), a text date 15-05-2026 €100. */
function sheet2026(serial: (iso: string) => number): unknown[][] {
  return [
    ["Datum", "Bedrag", "Categorie"],
    [serial("2026-02-01"), 15000, "21%"],
    [serial("2026-04-01"), 6000, "21%"],
    ["15-05-2026", 100, "21%"],
  ];
}

function sheet2025(serial: (iso: string) => number): unknown[][] {
  return [
    ["Datum", "Bedrag", "Categorie"],
    [serial("2025-06-01"), 12000, "21%"],
  ];
}

describe("readInvoiceSource in a 1904 workbook", () => {
  it("reads the serials in the 1904 system (same syncs), with the crossing on its day and a note", async () => {
    const wb = new FakeWorkbook();
    wb.dateSystem = 1904;
    wb.addSheet("Omzet", sheet2026(serial1904));
    const ctx = wb.context();
    const { source } = await readInvoiceSource(ctx.asExcel());
    expect(ctx.syncs).toHaveLength(2); // the probe rides along with the first sync
    const a = analyze(source!, {}, TODAY);
    expect(a.years).toEqual([2026]);
    expect(a.table.rows.map((r) => isoFromDay(r.day))).toEqual(["2026-02-01", "2026-04-01", "2026-05-15"]);
    expect(a.summary.countableCents).toBe(2_110_000);
    expect(a.summary.crossing).toMatchObject({ row: 3, day: dayFromIso("2026-04-01") });
    const note = a.summary.problems.find((p) => p.code === "date-system-1904");
    expect(note?.message.en).toMatch(/1904 date system/);
    expect(note?.message.nl).toMatch(/1904-datumsysteem/);
    expect(source!.date1904).toBe(true);
  });

  it("a large sheet read in column blocks is read in the 1904 system too", async () => {
    const wb = new FakeWorkbook();
    wb.dateSystem = 1904;
    wb.addSheet("Omzet", sheet2026(serial1904));
    const { source } = await readInvoiceSource(wb.context().asExcel(), { maxCellsPerSync: 4 });
    expect(source!.partial).toBe(true);
    const a = analyze(source!, {}, TODAY);
    expect(a.summary.crossing).toMatchObject({ row: 3, day: dayFromIso("2026-04-01") });
  });

  it.each([
    ["a 1900 workbook", 1900 as const],
    ["a host without the probe", null],
    ["a probe that gives an error", "error" as const],
  ])("%s: the 1900 system, as before, without the note", async (_, system) => {
    const wb = new FakeWorkbook();
    wb.dateSystem = system;
    wb.addSheet("Omzet", sheet2026(serial1900));
    const ctx = wb.context();
    const { source } = await readInvoiceSource(ctx.asExcel());
    expect(ctx.syncs).toHaveLength(2);
    expect(source!.date1904).toBeUndefined();
    const a = analyze(source!, {}, TODAY);
    expect(a.summary.crossing).toMatchObject({ row: 3, day: dayFromIso("2026-04-01") });
    expect(a.summary.problems.some((p) => p.code === "date-system-1904")).toBe(false);
  });
});

describe("All sheets and the previous-year sheets in a 1904 workbook", () => {
  it("reads every sheet in the 1904 system and says so, in the same syncs", async () => {
    const { context, syncs } = fakeContext([{ name: "2026", cells: sheet2026(serial1904) }, { name: "2025", cells: sheet2025(serial1904) }], { dateSystem: 1904 });
    const result = await readAllSheets(context);
    const without = fakeContext([{ name: "2026", cells: sheet2026(serial1900) }, { name: "2025", cells: sheet2025(serial1900) }]);
    await readAllSheets(without.context);
    expect(syncs).toEqual(without.syncs); // the probe carries no cells and needs no sync of its own
    expect(result.date1904).toBe(true);
    expect(result.units.map((u) => u.rows.map((r) => isoFromDay(r.day)))).toEqual([
      ["2026-02-01", "2026-04-01", "2026-05-15"],
      ["2025-06-01"],
    ]);
    const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    expect(lines.find((l) => l.label === "2026")?.crossing).toMatchObject({ row: 3, day: dayFromIso("2026-04-01") });
  });

  it("a 1900 workbook (or no probe) reads as before", async () => {
    for (const options of [{ dateSystem: 1900 as const }, {}]) {
      const { context } = fakeContext([{ name: "2025", cells: sheet2025(serial1900) }], options);
      const result = await readAllSheets(context);
      expect(result.date1904).toBe(false);
      expect(result.units[0].rows.map((r) => isoFromDay(r.day))).toEqual(["2025-06-01"]);
    }
  });

  it("the year report takes the previous year from the other sheet, read in the same system", async () => {
    const wb = new FakeWorkbook();
    wb.dateSystem = 1904;
    const active = wb.addSheet("2026", sheet2026(serial1904));
    wb.addSheet("2025", sheet2025(serial1904));
    const { source } = await readInvoiceSource(wb.context().asExcel());
    const others = await readOtherLists(wb.context().asExcel(), active.id, 2025);
    expect(others.map((o) => [o.sheet, o.rows.map((r) => isoFromDay(r.day))])).toEqual([["2025", ["2025-06-01"]]]);
    const a = analyze(source!, {}, TODAY, others);
    expect(a.previousYearSheet).toBe("2025");
    expect(a.summary.previousYearCents).toBe(1_200_000);
  });
});

describe("what the pane writes into a 1904 workbook", () => {
  it("the report sheet's dates are serials of the workbook's system (no sync more)", async () => {
    for (const system of [1904, 1900] as const) {
      const wb = new FakeWorkbook();
      wb.dateSystem = system;
      const serial = system === 1904 ? serial1904 : serial1900;
      wb.addSheet("Omzet", sheet2026(serial));
      const { source } = await readInvoiceSource(wb.context().asExcel());
      const a = analyze(source!, {}, TODAY);
      const ctx = wb.context();
      await writeReportSheet(ctx.asExcel(), a.summary, "en", "Omzet");
      expect(ctx.syncs).toHaveLength(2);
      const cells = wb.sheet("KOR 2026")!.cells;
      const valueOf = (label: string): unknown => cells.find((r) => r[0] === label)?.[1];
      expect(valueOf(tPlain("en", S.report.crossing))).toBe(serial("2026-04-01"));
      expect(valueOf(tPlain("en", S.report.made))).toBe(serial("2026-11-27"));
      expect(valueOf(tPlain("en", S.report.nextStart))).toBe(excelSerialFromDay(a.summary.deadlines.nextStart) - (system === 1904 ? DATE_1904_OFFSET : 0));
      // The report says how the dates were read, among its warnings.
      expect(cells.some((r) => typeof r[1] === "string" && r[1].startsWith("This workbook uses the 1904 date system"))).toBe(system === 1904);
    }
  });

  it("the overview sheet's dates are serials of the workbook's system", async () => {
    const wb = new FakeWorkbook();
    wb.dateSystem = 1904;
    wb.addSheet("Omzet", sheet2026(serial1904));
    const { context } = fakeContext([{ name: "Omzet", cells: sheet2026(serial1904) }], { dateSystem: 1904 });
    const { units } = await readAllSheets(context);
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    const ctx = wb.context();
    await writeOverviewSheet(ctx.asExcel(), lines, "en", TODAY);
    const cells = wb.sheet("KOR overview")!.cells;
    const row = cells.find((r) => r[0] === "Omzet")!;
    expect(row[6]).toBe(serial1904("2026-04-01")); // the crossing
    expect(row[9]).toBe(excelSerialFromDay(lines[0].nextStart) - DATE_1904_OFFSET);
  });
});
