import { readInvoiceSource } from "../../src/excel/read";
import { analyze } from "../../src/taskpane/model";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { FakeWorkbook, NotLoadedError } from "./fake-excel";

const TODAY = dayFromIso("2026-11-27");
const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

function invoices(n: number, header: unknown[] = ["Factuurdatum", "Klant", "Bedrag excl. btw", "Categorie"]): unknown[][] {
  const rows: unknown[][] = [header];
  for (let i = 0; i < n; i++) rows.push([serial("2026-01-01") + (i % 360), `Klant ${i}`, 10, "21%"]);
  return rows;
}

describe("readInvoiceSource: where the invoices are", () => {
  it("reads the active sheet's used range with sheet row numbers, in 2 syncs", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", invoices(3), "B3");
    const ctx = wb.context();
    const { source } = await readInvoiceSource(ctx.asExcel());
    expect(ctx.syncs).toHaveLength(2);
    expect(source).toMatchObject({ origin: "sheet", name: "Facturen", rowOffset: 2, columnOffset: 1, partial: false });
    const a = analyze(source!, {}, TODAY);
    expect(a.columns).toEqual({ date: 0, amount: 2, category: 3 });
    expect(a.table.rows.map((r) => r.row)).toEqual([4, 5, 6]); // header on sheet row 3
    expect(a.columnOptions.map((o) => o.letter)).toEqual(["B", "C", "D", "E"]);
  });

  it("detects English headers too", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Invoices", [["Invoice date", "Amount excl. VAT", "VAT rate", "Country"], [serial("2026-03-01"), 100, "21%", "NL"]]);
    const { source } = await readInvoiceSource(wb.context().asExcel());
    expect(analyze(source!, {}, TODAY).columns).toEqual({ date: 0, amount: 1, category: 2, country: 3 });
  });

  it("uses the Excel table around the selection rather than the whole sheet (3 syncs)", async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet("Blad1", [["Notes about this sheet"], [], ...invoices(4)]);
    wb.addTable(sheet, "Facturen2026", "A3:D7");
    wb.select("B5");
    const ctx = wb.context();
    const { source } = await readInvoiceSource(ctx.asExcel());
    expect(ctx.syncs).toHaveLength(3);
    expect(source).toMatchObject({ origin: "table", tableName: "Facturen2026", rowOffset: 2 });
    expect(source!.values).toHaveLength(5);
    expect(analyze(source!, {}, TODAY).table.rows[0].row).toBe(4);
  });

  it("leaves a table's totals row out", async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet("Blad1", [...invoices(2), ["Totaal", "", 20, ""]]);
    wb.addTable(sheet, "Facturen", "A1:D4", { showTotals: true });
    wb.select("A2");
    const { source } = await readInvoiceSource(wb.context().asExcel());
    const a = analyze(source!, {}, TODAY);
    expect(a.table.rows).toHaveLength(2);
    expect(a.table.problems).toEqual([]);
  });

  it("returns no source for an empty sheet", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Leeg");
    const ctx = wb.context();
    expect((await readInvoiceSource(ctx.asExcel())).source).toBeNull();
    expect(ctx.syncs).toHaveLength(1);
  });
});

describe("readInvoiceSource: batching", () => {
  it.each([10, 1_000, 40_000])("needs the same 2 syncs for %i rows", async (n) => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", invoices(n));
    const ctx = wb.context();
    const { source } = await readInvoiceSource(ctx.asExcel());
    expect(ctx.syncs).toHaveLength(2);
    expect(source!.values).toHaveLength(n + 1);
  });

  it("reads a sheet larger than one request as header + column blocks, each sync under the cell budget", async () => {
    const wb = new FakeWorkbook();
    // 12 columns, of which the pane needs 3: only those are read after the header block.
    const header = ["Factuurdatum", "Nr", "Klant", "Adres", "Plaats", "Bedrag excl. btw", "Categorie", "x1", "x2", "x3", "x4", "x5"];
    const rows: unknown[][] = [header];
    for (let i = 0; i < 5_000; i++) rows.push([serial("2026-02-01"), i, "k", "a", "p", 2, "21%", 1, 2, 3, 4, 5]);
    wb.addSheet("Groot", rows);
    const ctx = wb.context();
    const budget = 3_000;
    const { source } = await readInvoiceSource(ctx.asExcel(), { maxCellsPerSync: budget });
    expect(source!.partial).toBe(true);
    for (const s of ctx.syncs) expect(s.cells).toBeLessThanOrEqual(budget);
    // 1 (where) + 1 (header block) + ceil(5000 rows × 3 columns / 3000 cells) = 7
    expect(ctx.syncs).toHaveLength(2 + Math.ceil((5_000 * 3) / budget));
    const a = analyze(source!, {}, TODAY);
    expect(a.table.rows).toHaveLength(5_000);
    expect(a.summary.countableCents).toBe(5_000 * 200);
    expect(a.table.problems).toEqual([]);
  });

  it("reads the user's chosen column of a large sheet instead of the detected one", async () => {
    const wb = new FakeWorkbook();
    const rows: unknown[][] = [["Datum", "Bedrag", "Bedrag gecorrigeerd"]];
    for (let i = 0; i < 100; i++) rows.push([serial("2026-02-01"), 1, 3]);
    wb.addSheet("Groot", rows);
    const { source } = await readInvoiceSource(wb.context().asExcel(), { maxCellsPerSync: 50, choices: { amount: 2 } });
    expect(analyze(source!, { columns: { amount: 2 } }, TODAY).summary.countableCents).toBe(30_000);
  });

  it("the fake refuses reads before load + sync (so the glue above is honest)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", invoices(1));
    const ctx = wb.context().asExcel();
    const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    used.load("values");
    // Read through a helper: reading too early on purpose is exactly what the lint rules forbid.
    const valuesOf = (r: { readonly values: unknown[][] }): unknown[][] => r.values;
    expect(() => valuesOf(used)).toThrow(NotLoadedError);
    await ctx.sync();
    expect(valuesOf(used)[0][0]).toBe("Factuurdatum");
  });
});

describe("readInvoiceSource: a chart or shape selected", () => {
  it("falls back to the used range when the selection is not a range", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", invoices(2));
    const ctx = wb.context();
    const excel = ctx.asExcel();
    (excel.workbook as unknown as { getSelectedRange: () => never }).getSelectedRange = () => {
      throw Object.assign(new Error("The current selection is invalid for this operation."), { code: "InvalidSelection" });
    };
    const { source } = await readInvoiceSource(excel);
    expect(source).toMatchObject({ origin: "sheet", tableName: null });
  });
});

describe("readInvoiceSource: sheets this add-in made", () => {
  it("does not read a report sheet as invoices", async () => {
    const wb = new FakeWorkbook();
    const report = wb.addSheet("KOR 2026", [["KOR-overzicht 2026"], ["Telbare omzet", 100]]);
    report.customProperties.set("KorForExcel", "year-report");
    const ctx = wb.context();
    expect(await readInvoiceSource(ctx.asExcel())).toEqual({ source: null, sheetName: "KOR 2026", addinSheet: true });
    expect(ctx.syncs).toHaveLength(1);
  });
});
