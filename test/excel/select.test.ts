import { rowsAddress, selectRows, MAX_SELECTED_ROWS } from "../../src/excel/select";
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
