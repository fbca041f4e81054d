/**
 * The fast path of ledger.ts must give the rules exactly the answers the reading layer's rows give: yearly
 * countable sums, eligibility and the crossing day. Checked on random Excel-shaped sheets, plus the inputs
 * where it must step aside for the reading layer.
 */
import fc from "fast-check";
import { fastDayRows, readLedger } from "../../src/functions/ledger";
import { readRows } from "../../src/reading/rows";
import { findCrossing } from "../../src/rules/crossing";
import { eligibility } from "../../src/rules/eligibility";
import { countableTurnover } from "../../src/rules/turnover";
import { KorFunctionError } from "../../src/functions/errors";
import { col, serial } from "./helpers";

const FIRST = serial("2024-01-01");
const LAST = serial("2025-12-31");
const CATEGORIES = ["21", "21%", "9", "0%", "export", "vrij", "prive", "Vrij-OG", "vrij-og-bijkomend", "inkoop", "", 0, null, 21, 0.09];

const cellRow = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: -300_000, max: 2_000_000 }).map((c) => c / 100), fc.constantFrom(...CATEGORIES)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0, null, ""), fc.constantFrom(0, null, ""), fc.constantFrom(...CATEGORIES)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: FIRST, max: LAST }), fc.constantFrom(0, null, ""), fc.constantFrom(...CATEGORIES)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: FIRST, max: LAST }).map((d) => d + 0.5), fc.double({ min: -5000, max: 25_000, noNaN: true }), fc.constant("")) },
);

describe("the fast path of readLedger", () => {
  it("gives the same sums, verdicts and crossing days as the reading layer's rows", () => {
    fc.assert(
      fc.property(fc.array(cellRow, { minLength: 1, maxLength: 60 }), (cells) => {
        const dates = cells.map(([d]) => [d]);
        const amounts = cells.map(([, a]) => [a]);
        const categories = cells.map(([, , c]) => [c]);
        const fast = fastDayRows(dates, amounts, categories);
        expect(fast).not.toBeNull();
        const exact = readRows({ dates, amounts, categories });
        expect(exact.problems.filter((p) => p.severity === "error")).toEqual([]);
        for (const year of [2024, 2025]) {
          expect(countableTurnover(fast ?? [], year).countableCents).toBe(countableTurnover(exact.rows, year).countableCents);
          expect(findCrossing(fast ?? [], year)?.day ?? null).toBe(findCrossing(exact.rows, year)?.day ?? null);
          const a = eligibility({ rows: fast ?? [], year });
          const b = eligibility({ rows: exact.rows, year });
          expect([a.verdict, a.countableCents, a.previousYearCents, a.previousYearBasis]).toEqual([b.verdict, b.countableCents, b.previousYearCents, b.previousYearBasis]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same yearly sums and crossing days whatever the order of the dates, over many years", () => {
    const first = serial("2019-01-01");
    const last = serial("2026-12-31");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 900_000 }).map((c) => c / 100)), { minLength: 1, maxLength: 200 }),
        (cells) => {
          const dates = cells.map(([d]) => [d]);
          const amounts = cells.map(([, a]) => [a]);
          const fast = fastDayRows(dates, amounts, null) ?? [];
          const exact = readRows({ dates, amounts }).rows;
          for (let year = 2019; year <= 2026; year++) {
            expect(countableTurnover(fast, year).countableCents).toBe(countableTurnover(exact, year).countableCents);
            expect(findCrossing(fast, year)?.day ?? null).toBe(findCrossing(exact, year)?.day ?? null);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives the same answers over columns of many slices, in any order, with years far apart and every kind of blank", () => {
    // Long enough to cross the fast loop's slices, and cells its quick checks leave to the full row reading:
    // blanks as 0, null and "", half cents, fractional serials, numeric categories, many category texts.
    const years = [2001, 2024, 2025, 2026, 2099];
    const texts = ["21", "21%", "9", "0%", "export", "vrij", "prive", "Vrij-OG", "inkoop", "kor", "verlegd", "", 0, null, 21, 0.09];
    const jan1 = years.map((y) => serial(`${y}-01-01`));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom("sorted", "alternating", "random"), (seed, order) => {
        let s = seed;
        const next = (n: number): number => {
          s = (s * 1103515245 + 12345) % 2147483648;
          return s % n;
        };
        const n = 9000 + next(3000);
        const dates: unknown[][] = [];
        const amounts: unknown[][] = [];
        const categories: unknown[][] = [];
        for (let i = 0; i < n; i++) {
          const kind = next(40);
          const blank = [0, null, ""][next(3)];
          const year = order === "sorted" ? Math.floor((i * years.length) / n) : order === "alternating" ? i % 2 === 0 ? 2 : 3 : next(years.length);
          const day = jan1[year] + (order === "random" ? next(365) : Math.floor(((i % 1000) * 365) / 1000));
          dates.push([kind === 0 ? blank : kind === 1 ? day + 0.25 : day]);
          const cents = next(200_000) - 20_000;
          amounts.push([kind === 0 || kind === 2 ? blank : kind === 3 ? (cents + 0.5) / 100 : kind === 4 ? Math.round(cents / 100) : cents / 100]);
          categories.push([texts[next(texts.length)]]);
        }
        const fast = fastDayRows(dates, amounts, categories);
        expect(fast).not.toBeNull();
        const exact = readRows({ dates, amounts, categories });
        expect(exact.problems.filter((p) => p.severity === "error")).toEqual([]);
        for (const year of years) {
          expect(countableTurnover(fast ?? [], year).countableCents).toBe(countableTurnover(exact.rows, year).countableCents);
          expect(findCrossing(fast ?? [], year)?.day ?? null).toBe(findCrossing(exact.rows, year)?.day ?? null);
          const a = eligibility({ rows: fast ?? [], year });
          const b = eligibility({ rows: exact.rows, year });
          expect([a.verdict, a.countableCents, a.previousYearCents, a.previousYearBasis]).toEqual([b.verdict, b.countableCents, b.previousYearCents, b.previousYearBasis]);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("steps aside for a wrong cell after many good rows, in the middle of a slice", () => {
    const n = 10_000;
    const dates = col(...Array.from({ length: n }, (_, i) => serial("2025-01-01") + (i % 365)));
    const amounts = col(...Array.from({ length: n }, (_, i) => (i % 977) / 100 + 1));
    const categories = col(...Array.from({ length: n }, (_, i) => ["21", "vrij", "9"][i % 3]));
    expect(fastDayRows(dates, amounts, categories)).not.toBeNull();
    for (const [column, bad] of [
      [dates, "1-9-2025"],
      [amounts, "100,00"],
      [categories, "onbekend"],
      [categories, true],
      [dates, 59],
    ] as const) {
      const keep = column[7_777];
      column[7_777] = [bad];
      expect(fastDayRows(dates, amounts, categories)).toBeNull();
      column[7_777] = keep;
    }
  });

  it.each([
    ["a text date", col("1-9-2025"), col(100), null],
    ["a text amount", col(serial("2025-09-01")), col("100,00"), null],
    ["an amount without a date", col(0), col(100), null],
    ["an unknown category", col(serial("2025-09-01")), col(100), col("onbekend")],
    ["a boolean category", col(serial("2025-09-01")), col(100), col(true)],
    ["a row-shaped range", [[serial("2025-09-01"), serial("2025-09-02")]], [[100, 200]], null],
    ["ranges of different heights", col(serial("2025-09-01"), serial("2025-09-02")), col(100), null],
    ["a serial before 1 March 1900", col(59), col(100), null],
  ])("steps aside for %s", (_what, dates, amounts, categories) => {
    expect(fastDayRows(dates, amounts, categories)).toBeNull();
  });

  it("still reads what it steps aside for, through the reading layer", () => {
    const ledger = readLedger({ dates: [[serial("2025-09-01"), "2-9-2025"]], amounts: [[100, "200,50"]] }, { date: 0, amount: 1 });
    expect(ledger.exact).toBe(true);
    expect(countableTurnover(ledger.rows, 2025).countableCents).toBe(30050);
  });

  it("refuses with the first error, located", () => {
    try {
      readLedger({ dates: col(serial("2025-09-01"), "31-4-2025"), amounts: col(1, 2) }, { date: 0, amount: 1 }, { parameterAddresses: ["Sheet1!A10:A11"] });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).not.toBeInstanceOf(KorFunctionError); // a Refusal: guard() turns it into the cell error
      expect((e as { message: { en: string } }).message.en).toMatch(/^Cell Sheet1!A11: the date "31-4-2025" does not exist/);
    }
  });
});
