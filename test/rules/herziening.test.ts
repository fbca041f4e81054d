import { revision, type CapitalGood } from "../../src/rules/herziening";
import { d, eur } from "./helpers";

const car: CapitalGood = { vatCents: eur(4_500), firstUse: d("2020-01-01"), kind: "movable" };

describe("revision (herziening)", () => {
  it.each([2021, 2022, 2023, 2024])("car first used 1 Jan 2020, €4,500 VAT, KOR from 1 Jan 2021 → €900 in %d", (year) => {
    const r = revision([car], d("2021-01-01"), year);
    expect(r).toMatchObject({ year, totalCents: eur(900), belowMinimum: false });
    expect(r.perGood[0]).toEqual({ index: 0, yearlyCents: eur(900), remainingYears: 4 });
  });

  it("is 0 for the car in 2025 (its period ended) and in 2020 (before the KOR)", () => {
    expect(revision([car], d("2021-01-01"), 2025)).toMatchObject({ totalCents: 0, belowMinimum: false });
    expect(revision([car], d("2021-01-01"), 2020)).toMatchObject({ totalCents: 0 });
  });

  it("defaults to the year of the KOR start", () => {
    expect(revision([car], d("2021-01-01")).year).toBe(2021);
  });

  it("adds goods together against the €500 minimum: €200 + €300 = €500 is due, €499.99 is not", () => {
    const laptop: CapitalGood = { vatCents: eur(1_000), firstUse: d("2024-01-01"), kind: "movable" };
    const printer: CapitalGood = { vatCents: eur(1_500), firstUse: d("2024-06-01"), kind: "movable" };
    expect(revision([laptop, printer], d("2025-01-01"))).toMatchObject({ totalCents: eur(500), belowMinimum: false });
    const smaller: CapitalGood = { vatCents: eur(1_499.95), firstUse: d("2024-06-01"), kind: "movable" };
    expect(revision([laptop, smaller], d("2025-01-01"))).toMatchObject({ totalCents: 0, belowMinimum: true });
  });

  it("revises real estate over 10 years (1/10 a year)", () => {
    const shop: CapitalGood = { vatCents: eur(42_000), firstUse: d("2022-09-01"), kind: "real-estate" };
    const r = revision([shop], d("2025-01-01"), 2031);
    expect(r.totalCents).toBe(eur(4_200));
    expect(r.perGood[0].remainingYears).toBe(7); // 2025–2031
    expect(revision([shop], d("2025-01-01"), 2032).totalCents).toBe(0);
  });

  it("revises goods first used before 2020 for the rest of their period", () => {
    const building: CapitalGood = { vatCents: eur(50_000), firstUse: d("2015-06-01"), kind: "real-estate" };
    const r = revision([building], d("2021-01-01"));
    expect(r).toMatchObject({ year: 2021, totalCents: eur(5_000), belowMinimum: false });
    expect(r.perGood[0].remainingYears).toBe(4); // 2021–2024 of 2015–2024
    expect(revision([building], d("2021-01-01"), 2025).totalCents).toBe(0);
  });

  it("skips goods first used after the KOR start (no input VAT was deducted)", () => {
    const later: CapitalGood = { vatCents: eur(10_000), firstUse: d("2025-02-01"), kind: "movable" };
    expect(revision([later], d("2025-01-01")).totalCents).toBe(0);
  });
});
