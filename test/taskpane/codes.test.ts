/** The pane's code table: unknown codes offered with their count, a mapping read back from the settings. */
import { analyze } from "../../src/taskpane/model";
import type { InvoiceSource } from "../../src/excel/source";
import { dayFromIso } from "../../src/rules/dates";

const today = dayFromIso("2026-01-15");
const source: InvoiceSource = {
  key: "sheet-1",
  name: "Verkopen",
  origin: "sheet",
  tableName: null,
  values: [
    ["Datum", "Factuur", "Bedrag excl. btw", "BTW-code"],
    ["01-02-2025", "1", "4.000,00", "VV"],
    ["01-03-2025", "2", "3.000,00", "VV"],
    ["01-04-2025", "3", "1.000,00", "A1"],
    ["01-06-2025", "5", "500,00", "HOOG_VERK_21"],
  ],
  rowOffset: 0,
  columnOffset: 0,
  headerRowIndex: null,
  partial: false,
};

describe("the pane's code table", () => {
  it("offers each unknown code once, with its count and first row", () => {
    const a = analyze(source, {}, today);
    expect(a.unknownCodes).toEqual([
      { code: "VV", count: 2, firstRow: 2 },
      { code: "A1", count: 1, firstRow: 4 },
    ]);
    expect(a.summary.countableCents).toBe(50_000);
  });

  it("reads the rows through the mapping kept in the settings and shows the mapping in the report", () => {
    const a = analyze(source, { codes: [{ code: "VV", category: "21" }, { code: "A1", category: "vrij" }] }, today);
    expect(a.unknownCodes).toEqual([]);
    expect(a.summary.countableCents).toBe(750_000);
    expect(a.table.problems.filter((p) => p.severity === "error")).toEqual([]);
    const note = a.summary.problems.find((p) => p.code === "code-mapping");
    expect(note?.message.nl).toBe('Eigen codes gelezen als: "VV" → 21, "A1" → vrij.');
  });

  it("offers a '0' read as 0% beside the firm's own numeric codes, and reads it through the mapping", () => {
    const zeros: InvoiceSource = {
      ...source,
      values: [
        ["Datum", "Factuur", "Bedrag excl. btw", "BTW-code"],
        ["01-02-2025", "1", "4.000,00", 1],
        ["01-03-2025", "2", "3.000,00", "0"],
        ["01-04-2025", "3", "1.000,00", 0],
      ],
    };
    const a = analyze(zeros, {}, today);
    expect(a.unknownCodes).toEqual([
      { code: "1", count: 1, firstRow: 2 },
      { code: "0", count: 2, firstRow: 3 },
    ]);
    expect(a.summary.countableCents).toBe(400_000);
    expect(a.table.problems.filter((p) => p.code === "zero-code-read-as-rate").map((p) => p.count)).toEqual([2]);
    const mapped = analyze(zeros, { codes: [{ code: "1", category: "21" }, { code: "0", category: "vrij" }] }, today);
    expect(mapped.unknownCodes).toEqual([]);
    expect(mapped.table.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("offers codes the sheet holds as numbers, and reads them through the mapping", () => {
    const numbers: InvoiceSource = {
      ...source,
      values: [
        ["Datum", "Factuur", "Bedrag excl. btw", "BTW-code"],
        ["01-02-2025", "1", "4.000,00", 1],
        ["01-03-2025", "2", "3.000,00", 1],
        ["01-04-2025", "3", "1.000,00", 2],
      ],
    };
    const a = analyze(numbers, {}, today);
    expect(a.unknownCodes).toEqual([
      { code: "1", count: 2, firstRow: 2 },
      { code: "2", count: 1, firstRow: 4 },
    ]);
    expect(a.summary.countableCents).toBe(0);
    const mapped = analyze(numbers, { codes: [{ code: "1", category: "21" }, { code: "2", category: "vrij" }] }, today);
    expect(mapped.unknownCodes).toEqual([]);
    expect(mapped.summary.countableCents).toBe(700_000);
    expect(mapped.table.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("keeps offering the codes not mapped yet", () => {
    const a = analyze(source, { codes: [{ code: "VV", category: "21" }] }, today);
    expect(a.unknownCodes).toEqual([{ code: "A1", count: 1, firstRow: 4 }]);
  });
});
