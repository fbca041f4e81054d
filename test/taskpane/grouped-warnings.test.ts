/**
 * The pane's year report and the report sheet give a warning that repeats per row once, with its count and
 * first rows, and "Toon rijen" points at every row of it (issue 9).
 */
import { analyze } from "../../src/taskpane/model";
import { buildReport } from "../../src/excel/reportContent";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { InvoiceSource } from "../../src/excel/source";

const TODAY = dayFromIso("2026-11-27");
const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

function source(values: unknown[][]): InvoiceSource {
  return { key: "k", name: "Blad1", origin: "sheet", tableName: null, values, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
}

// Sheet rows 2..31: every third amount is #N/A (rows 2, 5, …, 29: 10 rows), every row shows VAT (a business in the KOR).
function values(): unknown[][] {
  const v: unknown[][] = [["Datum", "Omschrijving", "Bedrag", "Btw-bedrag"]];
  for (let i = 0; i < 30; i++) v.push([serial(`2026-0${(i % 9) + 1}-1${i % 10}`), `Levering ${i}`, i % 3 === 0 ? "#N/A" : 100, 21]);
  return v;
}

describe("a repeated warning in the year report and the report sheet", () => {
  const a = analyze(source(values()), {}, TODAY);

  it("the pane lists one warning per kind, naming the count and first rows, with every row to show", () => {
    const na = a.warnings.filter((w) => w.message.nl.includes("#N/A"));
    expect(na).toHaveLength(1);
    expect(na[0].severity).toBe("error");
    expect(na[0].message.nl).toMatch(/^10 rijen \(eerste: rij 2, 5, 8, 11, 14\): de bedragcel toont de Excel-fout #N\/A/);
    expect(na[0].rows).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    const vat = a.warnings.filter((w) => w.message.en.includes("show VAT"));
    expect(vat).toHaveLength(1);
    expect(vat[0].rows).toHaveLength(20);
    // The reconciliation counts each row in error, not the one warning.
    expect(a.reconciliation.inError).toBe(10);
  });

  it("the report sheet has one line for it", () => {
    const report = buildReport(a.summary, "nl", "Blad1");
    const lines = report.values.map((r) => r.join(" ")).filter((l) => l.includes("#N/A"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("10 rijen (eerste: rij 2, 5, 8, 11, 14)");
  });
});
