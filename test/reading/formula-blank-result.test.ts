/**
 * A date formula whose cached result is blank (0 or "", as `=IF(B2="";"";…)` or `=C2` on an empty cell gives) is
 * a blank cell, as Excel mode's range.values and the panel's Open file show it: kor-check's sheet reader hands it
 * over as `{ formula, result }`. In the date column beside an amount it is "an amount without a date" (an
 * error the user sees), never a silently dropped invoice; and in a 1904 workbook it is not moved to
 * 1 January 1904 either.
 */
import { readTable } from "../../src/reading/headers";
import { TableStream } from "../../src/bulk/tableStream";
import { DATE_1904_OFFSET, dayFromIso, excelSerialFromDay, isoFromDay } from "../../src/rules/dates";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const serial1904 = (iso: string): number => excelSerialFromDay(dayFromIso(iso)) - DATE_1904_OFFSET;

const plain: unknown[][] = [
  ["Datum", "Bedrag"],
  ["", 100],
  [0, 100],
];
const formulas: unknown[][] = [
  ["Datum", "Bedrag"],
  [{ formula: 'IF(C2="","",C2)', result: "" }, 100],
  [{ formula: "C3", result: 0 }, 100],
];

const seen = (rows: readonly InvoiceRow[], problems: readonly Problem[]): unknown => ({
  rows: rows.map((r) => [r.row, isoFromDay(r.day), r.cents]),
  problems: problems.map((p) => [p.code, p.severity, p.rows ?? [p.row]]),
});

describe("a date formula with a blank cached result is a blank date cell", () => {
  it.each([0, DATE_1904_OFFSET])("in the date column beside an amount: an amount without a date, as a plain blank (date offset %d)", (dateSerialOffset) => {
    const expected = seen(readTable(plain, { dateSerialOffset }).rows, readTable(plain, { dateSerialOffset }).problems);
    expect(expected).toEqual({ rows: [], problems: [["amount-without-date", "error", [2, 3]]] });
    const t = readTable(formulas, { dateSerialOffset });
    expect(seen(t.rows, t.problems)).toEqual(expected);
  });

  it("kor-check's stream of a 1904 workbook: no invoice on 1 January 1904, the error instead", () => {
    const rows: InvoiceRow[] = [];
    const problems: Problem[] = [];
    const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, undefined, DATE_1904_OFFSET);
    stream.push(["Datum", "Bedrag"], 1);
    stream.push([{ formula: "C2", result: 0 }, 100], 2);
    stream.push([{ formula: "A2+1", result: serial1904("2026-04-01") }, 50], 3);
    stream.end();
    expect(seen(rows, problems)).toEqual({ rows: [[3, "2026-04-01", 5000]], problems: [["amount-without-date", "error", [2]]] });
  });

  it("a formula without any cached value stays an error (a file no program calculated), not a blank", () => {
    const t = readTable([["Datum", "Bedrag"], [{ formula: "C2" }, 100]]);
    expect(t.rows).toEqual([]);
    expect(t.problems.map((p) => [p.code, p.severity])).toEqual([["formula-no-result", "error"]]);
  });
});
