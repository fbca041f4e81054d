import fc from "fast-check";
import { readRows } from "../../src/reading/rows";
import { readTable } from "../../src/reading/headers";
import { readAmount } from "../../src/reading/cells";
import { centsFromEuros } from "../../src/rules/money";

/** Anything a cell could possibly hold, and some things it never should. */
const junkCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.constantFrom(0, 60, 61, NaN, Infinity, -Infinity, -0, 46023.5, 1e300),
  fc.string(),
  fc.constantFrom("", " ", "1.234", "1,234", "€ 1.234,56", "31-4-2026", "1-9-2026", "vrijgesteld", "kor", "21%", "#N/A", "NL", "(5)", "12,-"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.anything(),
  fc.array(fc.anything(), { maxLength: 3 }),
);

const column = (height: number) =>
  fc.oneof(
    fc.array(fc.tuple(junkCell).map((t) => [t[0]] as unknown[]), { minLength: height, maxLength: height }),
    fc.array(fc.array(junkCell, { maxLength: 3 }), { minLength: height, maxLength: height }),
  );

const anyArg: fc.Arbitrary<unknown> = fc.oneof(junkCell, fc.array(fc.array(junkCell, { maxLength: 3 }), { maxLength: 6 }), fc.array(junkCell, { maxLength: 6 }));

function checkProblems(problems: readonly { row: number | null; message: { nl: string; en: string } }[], first: number, last: number) {
  for (const p of problems) {
    if (p.row !== null) {
      expect(Number.isInteger(p.row)).toBe(true);
      expect(p.row).toBeGreaterThanOrEqual(first);
      expect(p.row).toBeLessThanOrEqual(last);
      expect(p.message.nl).toContain(String(p.row));
      expect(p.message.en).toContain(String(p.row));
    }
    expect(p.message.nl.length).toBeGreaterThan(0);
    expect(p.message.en.length).toBeGreaterThan(0);
  }
}

describe("properties", () => {
  it("random same-height columns of junk never throw; rows and problems stay within range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((h) => fc.tuple(fc.constant(h), column(h), column(h), fc.option(column(h)), fc.option(column(h)), fc.option(column(h)))),
        fc.integer({ min: 0, max: 1000 }),
        ([h, dates, amounts, categories, countries, vat], offset) => {
          const { rows, problems } = readRows({ dates, amounts, categories, countries, vat }, { rowOffset: offset });
          // One row of several cells is a row-shaped range: its cells are the invoices, numbered 1, 2, 3 …
          const span = h === 1 ? Math.max(1, dates[0].length, amounts[0].length) : h;
          checkProblems(problems, offset + 1, offset + span);
          const errorRows = new Set(problems.filter((p) => p.severity === "error").map((p) => p.row));
          for (const r of rows) {
            expect(r.row).toBeGreaterThanOrEqual(offset + 1);
            expect(r.row).toBeLessThanOrEqual(offset + span);
            expect(Number.isSafeInteger(r.cents)).toBe(true);
            expect(Number.isInteger(r.day)).toBe(true);
            expect(errorRows.has(r.row)).toBe(false); // a row with an error never becomes a number
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("arguments of any shape never throw", () => {
    fc.assert(
      fc.property(anyArg, anyArg, fc.option(anyArg), fc.option(anyArg), fc.option(anyArg), (dates, amounts, categories, countries, vat) => {
        const { rows, problems } = readRows({ dates, amounts, categories, countries, vat });
        const height = Math.max(1, ...[dates, amounts].map((a) => (Array.isArray(a) ? Math.max(a.length, ...a.map((r) => (Array.isArray(r) ? r.length : 1))) : 1)));
        checkProblems(problems, 1, height);
        expect(rows.length).toBeLessThanOrEqual(height);
      }),
      { numRuns: 400 },
    );
  });

  it("readTable on random 2-D values never throws and numbers rows as sheet rows below the header", () => {
    const header = fc.constantFrom(["Datum", "Bedrag", "Categorie", "Land", "BTW"], ["Invoice date", "Amount excl. VAT", "Rate"], ["x", "y"]);
    fc.assert(
      fc.property(header, fc.array(fc.array(junkCell, { maxLength: 6 }), { maxLength: 10 }), (h, body) => {
        const values: unknown[][] = [[...h], ...body];
        const result = readTable(values);
        checkProblems(result.problems, 2, values.length);
        for (const r of result.rows) expect(r.row).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it("for clean numeric input the rows' cents sum to the sum of the rounded amounts", () => {
    const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => x !== 0);
    const serial = fc.integer({ min: 36526 /* 2000-01-01 */, max: 73050 });
    fc.assert(
      fc.property(fc.array(fc.tuple(serial, amount), { minLength: 1, maxLength: 200 }), (pairs) => {
        const { rows, problems } = readRows({ dates: pairs.map(([d]) => [d]), amounts: pairs.map(([, a]) => [a]) });
        expect(problems).toEqual([]);
        expect(rows).toHaveLength(pairs.length);
        const expected = pairs.reduce((s, [, a]) => s + (centsFromEuros(a) as number), 0);
        expect(rows.reduce((s, r) => s + r.cents, 0)).toBe(expected);
        rows.forEach((r, i) => expect(r.row).toBe(i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it("Dutch and English text renderings of the same cents read back to those cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const abs = Math.abs(cents);
        const euros = String(Math.floor(abs / 100));
        const rest = String(abs % 100).padStart(2, "0");
        const sign = cents < 0 ? "-" : "";
        const grouped = (sep: string) => euros.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        for (const text of [`${sign}${euros},${rest}`, `${sign}${euros}.${rest}`, `${sign}€ ${grouped(".")},${rest}`, `${sign}${grouped(",")}.${rest}`, `${sign}${grouped(" ")},${rest}`]) {
          expect(readAmount(text)).toEqual({ kind: "ok", value: cents === 0 ? 0 : cents });
        }
      }),
      { numRuns: 300 },
    );
  });
});
