/**
 * The report and overview sheets show amounts the way the pane writes them: "€ -2.601,34", never Excel's
 * "-€ 2.601,34" (issue 16). Read back through the fake Excel's Range.text as a Dutch Excel shows them.
 */
import { writeReportSheet } from "../../src/excel/reportSheet";
import { writeOverviewSheet } from "../../src/excel/overviewSheet";
import { dayFromIso } from "../../src/rules/dates";
import { summarizeYear } from "../../src/rules/summary";
import { buildOverview } from "../../src/bulk/overview";
import { readAllSheets } from "../../src/excel/allSheets";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { formatEuros } from "../../src/rules/money";
import type { InvoiceRow } from "../../src/rules/types";
import { FakeWorkbook, shownInDutchExcel } from "./fake-excel";

const TODAY = dayFromIso("2026-11-27");
const row = (n: number, iso: string, cents: number): InvoiceRow => ({ row: n, day: dayFromIso(iso), cents, category: null, country: null, vatCents: null });

async function shownCells(wb: FakeWorkbook, sheetName: string): Promise<string[][]> {
  const context = wb.context().asExcel();
  const range = context.workbook.worksheets.getItem(sheetName).getUsedRangeOrNullObject();
  range.load("text");
  await context.sync();
  return range.text;
}

describe("the sheets' euro format", () => {
  it("renders like the pane: '€ 20.000,00' and '€ -2.601,34'", () => {
    const format = '"€ "#,##0.00;"€ -"#,##0.00';
    expect(shownInDutchExcel(20000, format)).toBe("€ 20.000,00");
    expect(shownInDutchExcel(-2601.34, format)).toBe("€ -2.601,34");
    // Excel's own default would put the sign first: that is what the sheets no longer use.
    expect(shownInDutchExcel(-2601.34, "€ #,##0.00;-€ #,##0.00")).toBe("-€ 2.601,34");
  });

  it("the report sheet shows a negative turnover as the pane does", async () => {
    // A credit note larger than the year's invoices: the turnover that counts is negative.
    const summary = summarizeYear([row(2, "2026-02-01", 10_000), row(3, "2026-03-01", -270_134)], { today: TODAY, year: 2026 });
    expect(summary.countableCents).toBe(-260_134);
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", [["Datum", "Bedrag"]]);
    await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen");
    const text = await shownCells(wb, "KOR 2026");
    const countable = text.find((r) => r[0] === "Omzet die meetelt");
    expect(countable?.[1]).toBe("€ -2.601,34");
    expect(countable?.[1]).toBe(formatEuros(-260_134, "nl"));
    expect(text.find((r) => r[0] === "Omzetgrens")?.[1]).toBe("€ 20.000,00");
    expect(text.flat().some((c) => /^-€/.test(c))).toBe(false);
  });

  it("the overview sheet shows a negative turnover as the pane does", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Winkel", [["Datum", "Bedrag"], [46054, 100], [46082, -2701.34]]);
    const { units } = await readAllSheets(wb.context().asExcel());
    const lines = buildOverview(units, EMPTY_GROUPING, { today: TODAY });
    await writeOverviewSheet(wb.context().asExcel(), lines, "nl", TODAY);
    const text = await shownCells(wb, "KOR overzicht");
    expect(text.flat()).toContain("€ -2.601,34");
    expect(text.flat().some((c) => /^-€/.test(c))).toBe(false);
  });
});
