/**
 * KOR.REVISION called as Excel calls it: one row per capital good in three ranges, the KOR start as a date,
 * an optional year (null when omitted), 0 / null / "" for empty cells. Examples from kor-rules.md section 8
 * and worked example 21.
 */
import * as f from "../../src/functions/functions";
import { parseKind } from "../../src/functions/kor";
import { OMITTED, col, serial, thrown, withOffice } from "./helpers";

const rev = (vat: unknown[][], dates: unknown[][], kinds: unknown[][], start: unknown, year: unknown = null, invocation?: CustomFunctions.Invocation) =>
  f.revision(vat, dates, kinds, start, year, invocation);

describe("KOR.REVISION", () => {
  const car = { vat: col(4500), dates: col(serial("2020-01-01")), kinds: col("movable") };

  it.each([
    [2021, 900],
    [2022, 900],
    [2023, 900],
    [2024, 900],
    [2025, 0],
    [2020, 0],
  ])("Belastingdienst example: car in use from 1 Jan 2020, €4,500 VAT, KOR from 1 Jan 2021 → year %i: %d", (year, expected) => {
    expect(rev(car.vat, car.dates, car.kinds, serial("2021-01-01"), year)).toBe(expected);
  });

  it("defaults to the year of korStartDate", () => {
    expect(rev(car.vat, car.dates, car.kinds, serial("2021-01-01"))).toBe(900);
  });

  it("worked example 21: a laptop with €1,000 VAT gives €200 a year, under €500: 0", () => {
    expect(rev(col(1000), col(serial("2024-03-01")), col("roerend"), serial("2025-01-01"))).toBe(0);
  });

  it.each([
    ["2025-01-01", [10000, 0, 0, 0, 0, 0]],
    ["2025-07-01", [5000, 1000, 1000, 1000, 1000, 0]],
  ])("a van first used 1 Jan 2025 with €10,000 VAT, KOR from %s: 2025–2030 never repay more than the VAT deducted", (start, expected) => {
    const years = [2025, 2026, 2027, 2028, 2029, 2030];
    expect(years.map((y) => rev(col(10000), col(serial("2025-01-01")), col("roerend"), serial(start), y))).toEqual(expected);
  });

  it("gives the same yearly fifth every year: €2,499.98 VAT → €500.00 in each of 2021–2024, all due (€2,000 in all, not €1,000)", () => {
    const years = [2021, 2022, 2023, 2024].map((y) => rev(col(2499.98), col(serial("2020-01-01")), col("roerend"), serial("2021-01-01"), y));
    expect(years).toEqual([500, 500, 500, 500]);
    // 1/5 of €1,000.03 is €200.006: €200.01 in every year, as a bookkeeper computes it (under €500, so shown with a
    // larger good: €4,500 + €1,000.03 → €900 + €200.01).
    const both = [2021, 2022, 2023, 2024].map((y) => rev(col(4500, 1000.03), col(serial("2020-01-01"), serial("2020-01-01")), col("roerend", "roerend"), serial("2021-01-01"), y));
    expect(both).toEqual([1100.01, 1100.01, 1100.01, 1100.01]);
  });

  it("never repays more than the VAT deducted: €0.03 with 4 years left gives 0.01, 0.01, 0.01, 0 (not 4 × 0.01)", () => {
    // Beside a car (€900 a year) so that the years are due (over €500).
    const years = [2021, 2022, 2023, 2024].map((y) => rev(col(4500, 0.03), col(serial("2020-01-01"), serial("2020-01-01")), col("roerend", "roerend"), serial("2021-01-01"), y));
    expect(years).toEqual([900.01, 900.01, 900.01, 900]);
  });

  it("applies the €500 rule to the year's total, not per good", () => {
    const vat = col(1000, 1500);
    const dates = col(serial("2024-03-01"), serial("2024-06-01"));
    expect(rev(vat, dates, col("roerend", "movable"), serial("2025-01-01"))).toBe(500); // 200 + 300
    expect(rev(col(1000, 1400), dates, col("roerend", "movable"), serial("2025-01-01"))).toBe(0); // 200 + 280
  });

  it("real estate: 1/10 a year over 10 years", () => {
    expect(rev(col(30000), col("1-6-2020"), col("onroerend"), "2026-01-01", 2029)).toBe(3000);
    expect(rev(col(30000), col("1-6-2020"), col("Real Estate"), "2026-01-01", 2030)).toBe(0);
  });

  it("skips empty rows (0 on desktop, null or \"\" on the web) and goods first used after the KOR start", () => {
    const vat = col(4500, 0, null, "", 2000);
    const dates = col(serial("2020-01-01"), 0, null, "", serial("2021-06-01"));
    const kinds = col("movable", 0, null, "", "movable");
    expect(rev(vat, dates, kinds, serial("2021-01-01"))).toBe(900);
  });

  it("reads text amounts and dates from imports, and a row-shaped range", () => {
    expect(rev([["4.500,00", "€ 500"]], [["2020-01-01", "01/01/2020"]], [["roerend", "roerende zaak"]], "1-1-2021")).toBe(1000);
  });

  it.each(["movable", "Movable", "roerend", "Roerende zaak", "roerende zaken", "moveable"])("reads %p as movable", (text) => {
    expect(parseKind(text)).toBe("movable");
  });
  it.each(["real estate", "real-estate", "Onroerend", "onroerende zaak", "onroerend goed", "vastgoed", "immovable"])("reads %p as real estate", (text) => {
    expect(parseKind(text)).toBe("real-estate");
  });
  it.each(["auto", "pand", "", "roerend onroerend"])("does not guess the kind %p", (text) => {
    expect(parseKind(text)).toBeNull();
  });

  it("names the cell of an unknown kind when Excel gives the addresses", () => {
    const e = thrown(() =>
      rev(col(4500, 800), col(serial("2020-01-01"), serial("2020-02-01")), col("movable", "auto"), serial("2021-01-01"), null, {
        address: "Blad1!G2",
        parameterAddresses: ["Blad1!B2:B3", "Blad1!C2:C3", "Blad1!D2:D3", "Blad1!F1", ""],
      } as CustomFunctions.Invocation),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Cell Blad1!D3: unknown kind "auto"\. Use "movable"/);
  });

  it("names the row within the range without addresses, in Dutch on a Dutch Excel", () => {
    const e = withOffice("nl-NL", () => thrown(() => rev(col(4500, 800), col(serial("2020-01-01"), ""), col("roerend", "roerend"), serial("2021-01-01"))));
    expect(e.message).toBe("Rij 2 van het bereik: datum van ingebruikname ontbreekt: zonder die datum is de herzieningsperiode niet te bepalen.");
  });

  it("revises a building first used before 2020 for the rest of its 10 years", () => {
    // €50,000 VAT, first used 1 June 2015: period 2015–2024; KOR from 2021 → €5,000 in 2021–2024, 0 in 2025.
    const args = [col(50_000), col("1-6-2015"), col("onroerend"), serial("2021-01-01")] as const;
    expect(rev(...args)).toBe(5_000);
    expect(rev(...args, 2024)).toBe(5_000);
    expect(rev(...args, 2025)).toBe(0);
  });

  it.each([
    ["a missing kind", col(4500), col(serial("2020-01-01")), col(""), /^Row 1 of the range: kind missing/],
    ["a negative VAT amount", col(-4500), col(serial("2020-01-01")), col("movable"), /^Row 1 of the range: VAT deducted cannot be negative/],
    ["an amount that is not a number", col("veel"), col(serial("2020-01-01")), col("movable"), /^Row 1 of the range: /],
    ["an impossible date", col(4500), col("31-4-2020"), col("movable"), /^Row 1 of the range: /],
    ["ranges of different heights", col(4500, 100), col(serial("2020-01-01")), col("movable"), /do not have the same number of rows \(2, 1 and 1\)/],
    ["a range of two columns", [[4500, 1], [2, 3]], col(serial("2020-01-01"), serial("2020-01-01")), col("movable", "movable"), /^The vatDeducted argument must be one column/],
  ] as [string, unknown[][], unknown[][], unknown[][], RegExp][])("refuses %s with #VALUE! and the reason", (_name, vat, dates, kinds, message) => {
    const e = thrown(() => rev(vat, dates, kinds, serial("2021-01-01")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("refuses a KOR start before 2020, a missing start, a year that is not a year and a missing vatDeducted", () => {
    expect(thrown(() => rev(car.vat, car.dates, car.kinds, serial("2019-01-01"))).message).toMatch(/^2019 is not supported/);
    expect(thrown(() => rev(car.vat, car.dates, car.kinds, null)).message).toMatch(/korStartDate argument is missing/);
    expect(thrown(() => rev(car.vat, car.dates, car.kinds, serial("2021-01-01"), "volgend jaar")).message).toMatch(/is not a year/);
    expect(thrown(() => rev(OMITTED, car.dates, car.kinds, serial("2021-01-01"))).message).toMatch(/vatDeducted argument is missing/);
  });

  it("refuses a korStartDate that is not the 1st of a month instead of guessing the months in the KOR", () => {
    // 15 July 2021 used to count July as a month in the KOR (€450 for 2021), 2 January 2021 the whole year (€900).
    expect(thrown(() => rev(car.vat, car.dates, car.kinds, serial("2021-07-15"))).message).toBe(
      "Argument korStartDate: 15 July 2021 is not the first day of a month. KOR participation always starts on the first day of a filing period (1 January, 1 April, 1 July or 1 October; for monthly filers the 1st of a month), and the start year's herziening depends on the months in the KOR. Enter the start date given in the Belastingdienst's confirmation letter.",
    );
    expect(withOffice("nl-NL", () => thrown(() => rev(car.vat, car.dates, car.kinds, serial("2021-01-02"))).message)).toMatch(
      /^Argument korStartDate \(startdatum KOR\): 2 januari 2021 is niet de eerste dag van een maand\./,
    );
    expect(rev(car.vat, car.dates, car.kinds, serial("2021-07-01"), 2022)).toBe(900);
  });
});
