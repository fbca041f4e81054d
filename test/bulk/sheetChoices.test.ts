/**
 * What the user told a sheet's year report (the columns chosen, the previous year typed in) holds for that sheet
 * wherever the add-in reads it: on its line in All sheets (over the fake Excel and in an opened file), and when
 * another sheet's year report takes a year from it. Before, those read each sheet with the detected columns and
 * no typed figure, so a line could contradict the sheet's own report. Answers worked out by hand below.
 */
import { buildOverview, cellText } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import type { ColumnChoices, InvoiceSource } from "../../src/excel/source";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { analyze, fileOthersOf, previousYearGiven, unitsOfFile, otherSheetsOf, withPreviousYear, type SheetSettings } from "../../src/taskpane/model";
import { fakeContext, type FakeSheetDef } from "../excel/allSheets-fake";
import { othersFor } from "../../src/taskpane/useAnalysis";

const TODAY = dayFromIso("2026-11-27");
const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

/**
 * Studio Lint, a sheet per year.
 * - "2025": columns Datum, Bedrag (incl. btw), Netto. Detection reads "Bedrag": 12,100 + 12,100 = €24,200, over
 *   €20,000. The user chose "Netto" (column C) in its year report: 10,000 + 10,000 = €20,000, within.
 * - "2026": headers "Dag" and "Som", which detection does not recognise; the user chose A as the date and B as the
 *   amount: €5,000. Its previous year is "2025"'s €20,000 (within), so 2026 is within; read with the detected
 *   "Bedrag", 2025 would be €24,200 and 2026 not within.
 */
const DEFS: FakeSheetDef[] = [
  {
    name: "2025",
    cells: [
      ["Datum", "Bedrag", "Netto"],
      [serial("2025-03-01"), 12100, 10000],
      [serial("2025-09-01"), 12100, 10000],
    ],
  },
  { name: "2026", cells: [["Dag", "Som"], [serial("2026-02-01"), 5000]] },
];
const CHOICES: Record<string, ColumnChoices> = { "{sheet-1}": { amount: 2 }, "{sheet-2}": { date: 0, amount: 1 } };
const columnsOf = (id: string): ColumnChoices | undefined => CHOICES[id];

describe("All sheets over the fake Excel reads each sheet with the columns chosen in its year report", () => {
  it("counts the chosen column, and reads a sheet whose header is not recognised but whose columns were chosen", async () => {
    const { context } = fakeContext(DEFS);
    const before = await readAllSheets(context, { keepFrom: 2023 });
    expect(before.units.map((u) => u.sheet)).toEqual(["2025"]);
    const { units } = await readAllSheets(fakeContext(DEFS).context, { keepFrom: 2023, columnsOf });
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => [l.label, l.year, l.countableCents, l.verdict, l.previousYearCents])).toEqual([
      ["2025", 2025, 2_000_000, "eligible", 0],
      ["2026", 2026, 500_000, "eligible", 2_000_000],
    ]);
  });

  it("applies a worksheet's chosen columns to its one table only where the column positions agree", async () => {
    // A note in A1 and a table at B3:D5 (Datum, Bedrag, Netto): the choice {amount: 1} may have been made on the
    // used range A1:D5 (B, the dates) or on the table (C, "Bedrag"); the table is read with its detected "Netto".
    const defs: FakeSheetDef[] = [
      {
        name: "Met tabel",
        cells: [["Notitie"], [], [null, "Datum", "Bedrag", "Netto"], [null, serial("2025-03-01"), 12100, 10000], [null, serial("2025-09-01"), 12100, 10000]],
        tables: [{ name: "Tabel1", row: 2, col: 1, rows: 3, cols: 3 }],
      },
    ];
    const { units } = await readAllSheets(fakeContext(defs).context, { keepFrom: 2023, columnsOf: () => ({ amount: 1 }) });
    // Its one table is still this worksheet's list: the typed previous year is its (settingsKey), the columns are not.
    expect(units.map((u) => [u.table, u.settingsKey])).toEqual([["Tabel1", "{sheet-1}"]]);
    expect(buildOverview(units, EMPTY_GROUPING, { today: TODAY })[0].countableCents).toBe(2_000_000);
    // A table from A1 is where the used range starts: the chosen column (B, "Bedrag") is the same in both.
    const atA1: FakeSheetDef[] = [
      {
        name: "Tabel",
        cells: [["Datum", "Bedrag", "Netto"], [serial("2025-03-01"), 12100, 10000], [serial("2025-09-01"), 12100, 10000]],
        tables: [{ name: "Tabel1", row: 0, col: 0, rows: 3, cols: 3 }],
      },
    ];
    const read = await readAllSheets(fakeContext(atA1).context, { keepFrom: 2023, columnsOf: () => ({ amount: 1 }) });
    expect(buildOverview(read.units, EMPTY_GROUPING, { today: TODAY })[0].countableCents).toBe(2_420_000);
    // Two tables: neither takes the worksheet's choices.
    const two: FakeSheetDef[] = [{ ...atA1[0], cells: [...atA1[0].cells, [], ...atA1[0].cells], tables: [{ name: "A", row: 0, col: 0, rows: 3, cols: 3 }, { name: "B", row: 4, col: 0, rows: 3, cols: 3 }] }];
    const both = await readAllSheets(fakeContext(two).context, { keepFrom: 2023, columnsOf: () => ({ amount: 1 }) });
    expect(both.units.map((u) => [u.table, u.settingsKey])).toEqual([["A", undefined], ["B", undefined]]);
    expect(buildOverview(both.units, EMPTY_GROUPING, { today: TODAY }).map((l) => l.countableCents)).toEqual([2_000_000, 2_000_000]);
  });

  it("a worksheet that is one Excel table: its line uses the previous year typed in its year report", async () => {
    // Sheet "Facturen" is one table (2026: €5,000); €25,000 typed for 2025 in its year report: not within (section 4).
    const defs: FakeSheetDef[] = [{ name: "Facturen", cells: [["Datum", "Bedrag"], [serial("2026-02-01"), 5000]], tables: [{ name: "Tabel1", row: 0, col: 0, rows: 2, cols: 2 }] }];
    const { units } = await readAllSheets(fakeContext(defs).context, { keepFrom: 2023 });
    const settings: Record<string, SheetSettings> = { "{sheet-1}": withPreviousYear({}, 2025, 2_500_000) };
    const [line] = buildOverview(units, EMPTY_GROUPING, { today: TODAY, previousYearOf: (key, year) => previousYearGiven(settings[key] ?? {}, year) });
    expect([line.verdict, line.previousYearCents, line.previousYearBasis]).toEqual(["not-eligible", 2_500_000, "given"]);
  });

  it("gives the year report the other sheet as read with that sheet's own chosen columns", async () => {
    const others = await readOtherLists(fakeContext(DEFS).context, "{sheet-2}", 2024, true, undefined, columnsOf);
    const source: InvoiceSource = {
      key: "{sheet-2}", name: "2026", origin: "sheet", tableName: null, values: DEFS[1].cells, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
    };
    const a = analyze(source, { columns: CHOICES["{sheet-2}"] }, TODAY, others);
    expect(a.summary).toMatchObject({ year: 2026, countableCents: 500_000, previousYearCents: 2_000_000, verdict: "eligible" });
    expect(a.previousYearSheet).toBe("2025");
  });
});

describe("an opened file's sheets", () => {
  const sources: InvoiceSource[] = DEFS.map((d, i) => ({
    key: `file:studio.xlsx#${i}`, name: "studio.xlsx", sheetName: d.name, origin: "sheet", tableName: null, values: d.cells, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
  }));
  const byKey: Record<string, ColumnChoices> = { [sources[0].key]: { amount: 2 }, [sources[1].key]: { date: 0, amount: 1 } };

  it("All sheets and the previous-year link use each sheet's chosen columns", () => {
    const units = unitsOfFile(sources, undefined, (k) => byKey[k]);
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => [l.label, l.countableCents, l.verdict])).toEqual([
      ["2025", 2_000_000, "eligible"],
      ["2026", 500_000, "eligible"],
    ]);
    const report = analyze({ ...sources[1], fileSheets: sources }, { columns: byKey[sources[1].key] }, TODAY, otherSheetsOf({ ...sources[1], fileSheets: sources }, undefined, undefined, (k) => byKey[k]));
    expect(report.summary).toMatchObject({ previousYearCents: 2_000_000, verdict: "eligible" });
    // The year report and the Decision tab read them through one helper, from the pane's settings by source key.
    const settingsOf = (k: string): SheetSettings => ({ columns: byKey[k] });
    const viaSettings = analyze({ ...sources[1], fileSheets: sources }, settingsOf(sources[1].key), TODAY, fileOthersOf({ ...sources[1], fileSheets: sources }, settingsOf(sources[1].key), settingsOf));
    expect(viaSettings.summary).toMatchObject({ previousYearCents: 2_000_000, verdict: "eligible" });
  });

  it("in Excel too: a file opened in the pane inside Excel reads its other sheets with their own code tables", () => {
    // Sheet "2025" holds 2 × €12,000 with the firm's code "X1", mapped to 21% in that sheet's own year report:
    // €24,000, over the limit, so 2026 is not within. Before, the pane in Excel gave an opened file's other sheets
    // no code tables of their own: "X1" was an unknown code, both rows in error, 2025 counted €0 and 2026 "eligible".
    const book: InvoiceSource[] = [
      [["Datum", "Bedrag", "Code"], [serial("2025-03-01"), 12000, "X1"], [serial("2025-09-01"), 12000, "X1"]],
      [["Datum", "Bedrag"], [serial("2026-02-01"), 5000]],
    ].map((values, i) => ({ key: `file:lint.xlsx#${i}`, name: "lint.xlsx", sheetName: String(2025 + i), origin: "sheet", tableName: null, values, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false }));
    const saved: Record<string, SheetSettings> = { [book[0].key]: { codes: [{ code: "X1", category: "21" }] } };
    const host = { settings: { get: (k: string): SheetSettings | null => saved[k] ?? null, set: () => Promise.resolve() } };
    const opened = { ...book[1], fileSheets: book };
    const report = analyze(opened, {}, TODAY, othersFor(host, opened, {}, null));
    expect(report.summary).toMatchObject({ previousYearCents: 2_400_000, verdict: "not-eligible" });
    expect(report.previousYearSheet).toBe("2025");
  });
});

describe("All sheets: a participant whose typed previous year is over the limit", () => {
  it("says participation ended in that year and gives the next start, not 'in the KOR'", async () => {
    // In the KOR since 1 Jan 2024; sheet "Facturen" holds 2026 (€5,000); €25,000 typed for 2025: participation ended
    // on a day of 2025; out for the rest of 2025 and 2026, so 1 January 2027, register by 3 December 2026.
    const { units } = await readAllSheets(fakeContext([{ name: "Facturen", cells: [["Datum", "Bedrag"], [serial("2026-02-01"), 5000]] }]).context, { keepFrom: 2023 });
    const settings = withPreviousYear({}, 2025, 2_500_000);
    const [line] = buildOverview(units, EMPTY_GROUPING, {
      today: TODAY,
      previousYearOf: (_key, year) => previousYearGiven(settings, year),
      participationOf: () => ({ status: "in", since: dayFromIso("2024-01-01") }),
    });
    expect(cellText(line, "participation", "nl")).toBe("In de KOR tot een dag in 2025: de opgegeven omzet 2025 is hoger dan de omzetgrens; meld u af met die dag als beëindigingsdatum");
    expect(cellText(line, "deadline", "en")).toBe("1 January 2027 (3 December 2026)");
  });
});

describe("All sheets uses the previous year typed in a sheet's year report", () => {
  /** One sheet of 2026 only (€5,000); its year report has €25,000 typed in for 2025: not within (section 4). */
  const ONE: FakeSheetDef[] = [{ name: "Facturen", cells: [["Datum", "Bedrag"], [serial("2026-02-01"), 5000]] }];
  const settings: Record<string, SheetSettings> = { "{sheet-1}": withPreviousYear({}, 2025, 2_500_000) };

  it("for the year it was typed for, as the year report does", async () => {
    const { units } = await readAllSheets(fakeContext(ONE).context, { keepFrom: 2023 });
    const previousYearOf = (key: string, year: number): number | null => previousYearGiven(settings[key] ?? {}, year);
    const [line] = buildOverview(units, EMPTY_GROUPING, { today: TODAY, previousYearOf });
    expect([line.verdict, line.previousYearCents, line.previousYearBasis]).toEqual(["not-eligible", 2_500_000, "given"]);
    // Before, the line assumed €0 and said "within" beside a year report saying "not within".
    const [without] = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    expect([without.verdict, without.previousYearBasis]).toEqual(["eligible", "assumed-zero"]);
    // A figure typed for another year is not this line's.
    const [other] = buildOverview(units, EMPTY_GROUPING, { today: TODAY, year: 2027, previousYearOf });
    expect(other.previousYearBasis).not.toBe("given");
  });
});
