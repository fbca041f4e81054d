import { activateList, rowsAddress, selectRows, MAX_SELECTED_ROWS } from "../../src/excel/select";
import { readInvoiceSource } from "../../src/excel/read";
import { FakeWorkbook } from "./fake-excel";

describe("rowsAddress", () => {
  it("merges contiguous rows and spans the invoice columns", () => {
    expect(rowsAddress([9, 2, 3, 4], 1, 8)).toBe("B2:I4,B9:I9");
  });
  it("caps the number of rows", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => 2 * i + 2);
    expect(rowsAddress(rows, 0, 1).split(",")).toHaveLength(MAX_SELECTED_ROWS);
  });
});

describe("selectRows", () => {
  it("activates the sheet and selects the rows in one sync", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Andere");
    const sheet = wb.addSheet("Facturen", [["a"]]);
    const ctx = wb.context();
    await selectRows(ctx.asExcel(), sheet.id, [5, 7], 0, 3);
    expect(ctx.syncs).toHaveLength(1);
    expect(wb.state.active).toBe(sheet);
    expect(wb.selection?.boxes).toEqual([
      { row: 4, col: 0, rows: 1, cols: 3 },
      { row: 6, col: 0, rows: 1, cols: 3 },
    ]);
  });
});

describe("activateList (opening a sheet's year report from the overview)", () => {
  const values = [["Datum", "Bedrag"], [46030, 100], [46031, 200]];
  it("activates the sheet by id in one sync, so the year report reads that sheet", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", values);
    const shop = wb.addSheet("Webshop", values);
    wb.select("A1"); // a selection on the first sheet must not make the report read that sheet
    const ctx = wb.context();
    await activateList(ctx.asExcel(), shop.id, null);
    expect(ctx.syncs).toHaveLength(1);
    expect(wb.state.active).toBe(shop);
    const read = await readInvoiceSource(wb.context().asExcel());
    expect(read.sheetName).toBe("Webshop");
    expect(read.source?.origin).toBe("sheet");
  });
  it("selects the Excel table of a table line, so the year report reads that table", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", values);
    const sheet = wb.addSheet("Twee tabellen", [...values, [], ["Datum", "Bedrag"], [46032, 300]]);
    wb.addTable(sheet, "Winkel", "A1:B3");
    wb.addTable(sheet, "Markt", "A5:B6");
    await activateList(wb.context().asExcel(), sheet.id, "Markt");
    expect(wb.state.active).toBe(sheet);
    const read = await readInvoiceSource(wb.context().asExcel());
    expect(read.source?.tableName).toBe("Markt");
  });
});
