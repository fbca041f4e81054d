/**
 * A read file's values travel from the reading worker to the pane packed into typed arrays
 * (src/taskpane/browser/packedValues.ts): the pane must get every cell back as the read gave it.
 */
import { packValues, unpackValues } from "../../src/taskpane/browser/packedValues";
import { packedSource, withValues } from "../../src/taskpane/browser/fileWorker";
import type { InvoiceSource } from "../../src/excel/source";

const EMPTY: readonly unknown[] = Object.freeze([]);

describe("values packed for the way from the worker to the pane", () => {
  const values: unknown[][] = [
    ["Factuurdatum", "Klant", "Bedrag excl. btw", "Betaald"],
    [new Date(Date.UTC(2026, 0, 31)), "Jansen & Zn – ’s-Hertogenbosch", 1234.56, true],
    EMPTY as unknown[],
    ["", "", -0, false],
    [new Date(NaN), "#N/A", Number.NaN, 0.1 + 0.2],
    [45678, "😀", 1e308, -1e-300, "=1+1"],
    EMPTY as unknown[],
    [new Date(Date.UTC(2026, 1, 1)), "Jansen & Zn – ’s-Hertogenbosch", 12, "21%", "😀", "21%"],
  ];

  it("gives back every cell, of the same kind and value, and the empty rows", () => {
    const packed = packValues(values);
    expect(packed).not.toBeNull();
    const back = unpackValues(packed!);
    expect(back).toHaveLength(values.length);
    for (let r = 0; r < values.length; r++) {
      expect(back[r]).toHaveLength(values[r].length);
      for (let c = 0; c < values[r].length; c++) {
        const v = values[r][c];
        if (v instanceof Date) {
          expect(back[r][c]).toBeInstanceOf(Date);
          expect(Object.is((back[r][c] as Date).getTime(), v.getTime())).toBe(true);
        } else {
          expect(Object.is(back[r][c], v)).toBe(true);
        }
      }
    }
    // Empty rows share one array, as the reading gives them; a text that recurs travels once.
    expect(back[2]).toBe(back[6]);
    expect(packed!.texts.filter((t) => t === "21%")).toHaveLength(1);
  });

  it("packs a formula without a calculated value ({ formula }, from Open file) and gives it back as such", () => {
    const values: unknown[][] = [["Datum", "Bedrag"], [{ formula: "A1+1" }, { formula: "B1*2" }], [{ formula: "" }, "A1+1"], [{ formula: "A1+1" }, 3]];
    const packed = packValues(values);
    expect(packed).not.toBeNull();
    expect(unpackValues(packed!)).toEqual(values);
    // Only that shape: a formula with a result, or with other fields, is copied as it is.
    expect(packValues([[{ formula: "A1", result: 3 }]])).toBeNull();
    expect(packValues([[{ formula: 3 }]])).toBeNull();
  });

  it("does not pack a value of another kind (the rows are then copied as they are)", () => {
    expect(packValues([["a", undefined]])).toBeNull();
    expect(packValues([["a", { text: "b" }]])).toBeNull();
    expect(packValues([["a", null]])).toBeNull();
  });

  it("keeps a workbook's sheets together: each lists them all, the shown one among them", () => {
    const all: InvoiceSource[] = [];
    const sheet = (name: string, v: unknown[][]): InvoiceSource => ({
      key: `file:w.xlsx:${name}`, name: `w.xlsx – ${name}`, sheetName: name, origin: "file", tableName: null, values: v,
      rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false, fileSheets: all,
    });
    const shown = values.slice(0, 4); // (an invalid date is never equal to itself: checked above)
    all.push(sheet("2026", shown), sheet("2025", [["Datum", "Bedrag"], [new Date(Date.UTC(2025, 5, 1)), 10]]));
    const { source, packed } = packedSource(all[0]);
    expect(packed).toHaveLength(2);
    expect(source.values).toEqual([]);
    // What the pane rebuilds after the copy (a structured clone keeps the sheets' links, as this does).
    const back = withValues(structuredClone(source), structuredClone(packed!));
    expect(back.sheetName).toBe("2026");
    expect(back.fileSheets).toHaveLength(2);
    expect(back.fileSheets![0]).toBe(back);
    expect(back.fileSheets![1].values).toEqual(all[1].values);
    expect(back.values).toEqual(shown);
    expect(back.key).toBe(all[0].key);
  });

  it("sends a single sheet or a CSV without sheets as it came", () => {
    const csv: InvoiceSource = { key: "file:k.csv", name: "k.csv", origin: "file", tableName: null, values: [["Datum"], ["1-3-2026"]], rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
    const { source, packed } = packedSource(csv);
    const back = withValues(source, packed!);
    expect(back).toEqual(csv);
    expect(back.fileSheets).toBeUndefined();
  });
});
