import { RowColumns } from "../../src/bulk/rowColumns";
import { YearWindow } from "../../src/bulk/yearWindow";
import type { InvoiceRow } from "../../src/rules/types";
import { dayFromIso } from "../../src/rules/dates";

const d = dayFromIso;

describe("rows kept in columns while a big sheet streams past", () => {
  it("gives every row back exactly as it went in, past a chunk border", () => {
    const rows: InvoiceRow[] = [];
    for (let i = 0; i < 70_000; i++) {
      rows.push({
        row: i + 2,
        day: d("2025-01-01") + (i % 365),
        cents: i % 7 === 0 ? -(i * 13) : 9_007_199_254_740_000 + (i % 10), // credit notes; beyond 32 bits
        category: i % 3 === 0 ? null : i % 3 === 1 ? "21" : "buitenland",
        country: i % 5 === 0 ? "DE" : null,
        vatCents: i % 4 === 0 ? null : i % 4 === 1 ? 0 : 2_100,
      });
    }
    const c = new RowColumns();
    for (const r of rows) c.push(r);
    expect(c.length).toBe(rows.length);
    for (const i of [0, 1, 2, 3, 4, 65_535, 65_536, 69_999]) expect(c.at(i)).toEqual(rows[i]);
  });

  // Since 2 Dec 2026 a chunk starts with room for 256 rows and grows fourfold (a one-row sheet took 0.85 MB): the
  // VAT and country columns, made when the first row has one, and amounts past 32 bits must survive every growth.
  it("gives every row back when VAT, a country and a large amount first appear late, across each growth of a chunk", () => {
    const rows: InvoiceRow[] = [];
    for (let i = 0; i < 70_000; i++) {
      rows.push({
        row: i + 2,
        day: d("2025-01-01") + (i % 365),
        cents: i === 5_000 ? 2 ** 40 : i * 3,
        category: i % 2 === 0 ? "21" : "9",
        country: i >= 300 && i % 7 === 0 ? "BE" : null,
        vatCents: i >= 1_100 && i % 3 === 0 ? 63 : null,
      });
    }
    const c = new RowColumns();
    for (const r of rows) c.push(r);
    expect(rows.map((_, i) => c.at(i))).toEqual(rows);
    expect(c.takeAll()).toEqual(rows);
  });

  it("takes little memory for a sheet of a few rows: 1,000 one-row sheets held at once in a few MB, not 850 MB", () => {
    const before = process.memoryUsage().arrayBuffers;
    const held: RowColumns[] = [];
    for (let k = 0; k < 1_000; k++) {
      const c = new RowColumns();
      c.push({ row: 2, day: d("2026-03-01"), cents: 100 + k, category: "21", country: "DE", vatCents: 21 });
      held.push(c);
    }
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
    expect(held.map((c) => c.cents(0))).toEqual(held.map((_, k) => 100 + k));
  });

  it("keeps a row whose number does not fit 32 bits whole", () => {
    const c = new RowColumns();
    const r: InvoiceRow = { row: 2 ** 40, day: d("2025-03-01"), cents: 100, category: "9", country: null, vatCents: null };
    c.push(r);
    expect(c.at(0)).toEqual(r);
    expect(c.rowNumber(0)).toBe(2 ** 40);
  });

  it("a compact year window gives the same rows, in sheet order across years, as one of objects", () => {
    const rows: InvoiceRow[] = [2025, 2026, 2025, 2026, 2026].map((y, i) => ({
      row: i + 2, day: d(`${y}-06-0${i + 1}`), cents: 1_000 * (i + 1), category: "21", country: null, vatCents: 210 * (i + 1),
    }));
    const objects = new YearWindow(null);
    const compact = new YearWindow(null, undefined, null, true);
    objects.addRows(rows);
    compact.addRows(rows);
    expect(compact.rows()).toEqual(objects.rows());
    expect(compact.rows().map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe("handing the rows over", () => {
  it("takeAll gives every row once, in order, and empties the columns", () => {
    const c = new RowColumns();
    const rows: InvoiceRow[] = Array.from({ length: 70_000 }, (_, i) => ({
      row: i + 2, day: dayFromIso("2025-01-01") + (i % 365), cents: i, category: "21", country: null, vatCents: null,
    }));
    for (const r of rows) c.push(r);
    expect(c.takeAll()).toEqual(rows);
    expect(c.length).toBe(0);
  });

  it("a compact window gives the same array on a second call", () => {
    const w = new YearWindow(null, undefined, null, true);
    w.addRows([{ row: 2, day: dayFromIso("2025-05-01"), cents: 100, category: null, country: null, vatCents: null }]);
    const first = w.rows();
    expect(w.rows()).toBe(first);
    expect(first).toHaveLength(1);
  });
});
