import { revision, type CapitalGood } from "../../src/rules/herziening";
import { d, eur } from "./helpers";

const car: CapitalGood = { vatCents: eur(4_500), firstUse: d("2020-01-01"), kind: "movable" };

describe("revision (herziening)", () => {
  it.each([2021, 2022, 2023, 2024])("car first used 1 Jan 2020, €4,500 VAT, KOR from 1 Jan 2021 → €900 in %d", (year) => {
    const r = revision([car], d("2021-01-01"), year);
    expect(r).toMatchObject({ year, totalCents: eur(900), belowMinimum: false });
    expect(r.perGood[0]).toEqual({ index: 0, yearlyCents: eur(900), remainingYears: 4, estimate: false });
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

  it("rounds each year's own exact share once, so the same yearly share gives the same cents every year", () => {
    // €2,499.98 VAT, first used 1 Jan 2020, KOR from 1 Jan 2021: 1/5 = €499.996 → €500.00 in each of 2021–2024, all
    // due (€2,000.00 in all). Rounding a running total gave €500.00, €499.99, €500.00, €499.99: 2022 and 2024 fell
    // under the €500 minimum and only €1,000 was due.
    const machine: CapitalGood = { vatCents: eur(2_499.98), firstUse: d("2020-01-01"), kind: "movable" };
    const rs = [2021, 2022, 2023, 2024].map((y) => revision([machine], d("2021-01-01"), y));
    expect(rs.map((r) => r.perGood[0].yearlyCents)).toEqual(Array<number>(4).fill(eur(500)));
    expect(rs.map((r) => [r.totalCents, r.belowMinimum])).toEqual(Array<[number, boolean]>(4).fill([eur(500), false]));
    expect(rs.flatMap((r) => r.method.map((m) => m.nl)).join(" ")).not.toContain("niet verschuldigd");
    // 1/5 of €1,000.03 = €200.006 → €200.01 in every year, as by hand (the running total gave €200.00 in 2022).
    const laptop: CapitalGood = { vatCents: eur(1_000.03), firstUse: d("2020-01-01"), kind: "movable" };
    expect([2021, 2022, 2023, 2024].map((y) => revision([laptop], d("2021-01-01"), y).perGood[0].yearlyCents)).toEqual(Array<number>(4).fill(eur(200.01)));
  });

  it("rounds a pro rata start year once (VAT × 1/5 × months/12, not 1/5 rounded first), and may add up to a cent or two more than the exact remainder", () => {
    // €10,000.03 VAT, first used 1 Jan 2020, KOR from 1 Jul 2021: 2021 is €10,000.03 × 1/5 × 6/12 = €1,000.003 →
    // €1,000.00; rounding 1/5 first (€2,000.01) and then × 6/12 gave €1,000.01. 2022–2024: €2,000.006 → €2,000.01.
    const van: CapitalGood = { vatCents: eur(10_000.03), firstUse: d("2020-01-01"), kind: "movable" };
    const years = [2021, 2022, 2023, 2024, 2025].map((y) => revision([van], d("2021-07-01"), y).totalCents);
    expect(years).toEqual([eur(1_000), eur(2_000.01), eur(2_000.01), eur(2_000.01), 0]);
    expect(years.reduce((a, b) => a + b, 0)).toBe(eur(7_000.03)); // exact remainder €7,000.021
    // Real estate, €10,000.09 VAT first used in 2019, KOR from 2020: 1/10 = €1,000.009 → €1,000.01 in each of 2020–2028.
    const shop: CapitalGood = { vatCents: eur(10_000.09), firstUse: d("2019-05-01"), kind: "real-estate" };
    const shopYears = Array.from({ length: 9 }, (_, i) => revision([shop], d("2020-01-01"), 2020 + i).perGood[0].yearlyCents);
    expect(shopYears).toEqual(Array<number>(9).fill(eur(1_000.01)));
  });

  it("never repays more than the VAT deducted: €0.03 with 4 years left is €0.01, €0.01, €0.01 and €0.00, and the method says why", () => {
    // 1/5 of €0.03 is €0.006, rounded €0.01 a year: 4 × €0.01 = €0.04 for €0.03 deducted. The last year is reduced.
    const cable: CapitalGood = { vatCents: 3, firstUse: d("2020-01-01"), kind: "movable" };
    const rs = [2021, 2022, 2023, 2024].map((y) => revision([cable], d("2021-01-01"), y));
    expect(rs.map((r) => r.perGood[0].yearlyCents)).toEqual([1, 1, 1, 0]);
    expect(rs.slice(0, 3).flatMap((r) => r.method.map((m) => m.en)).join(" ")).not.toContain("less than the rounded");
    expect(rs[3].method.map((m) => m.en)).toContainEqual(
      "In 2024 the amount for a capital good is €0.01 less than the rounded yearly share: each year's amount is rounded to the cent, and together a good's years never repay more than the VAT deducted on it.",
    );
    expect(rs[3].method.map((m) => m.nl).join(" ")).toContain("In 2024 is het bedrag van een bedrijfsmiddel € 0,01 lager dan het afgeronde jaardeel");
    // Beside a larger good the year is due (over €500): the total is what is repaid, and still capped.
    const car2: CapitalGood = { vatCents: eur(4_500), firstUse: d("2020-01-01"), kind: "movable" };
    expect([2021, 2022, 2023, 2024].map((y) => revision([car2, cable], d("2021-01-01"), y).totalCents)).toEqual([90_001, 90_001, 90_001, 90_000]);
    // Real estate used in its first year: €2.00 VAT, first used Jan 2021, KOR from 1 Feb 2021: 11/12 = €1.83, then
    // 1/10 × 1/12 = €0.0167 → €0.02 for 9 years would be €2.01 in all; the last year is €0.01.
    const shed: CapitalGood = { vatCents: 200, firstUse: d("2021-01-01"), kind: "real-estate" };
    const shedYears = Array.from({ length: 10 }, (_, i) => revision([shed], d("2021-02-01"), 2021 + i).perGood[0].yearlyCents);
    expect(shedYears).toEqual([183, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
    expect(shedYears.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it("rounds the first-year correction and the later-year estimates of a good first used in the KOR start year once, each year on its own", () => {
    // €1,000.05 VAT, first used 1 Mar 2025 (10 months), KOR from 1 Jul 2025 (6 months): 2025 = 6/10 × €1,000.05 =
    // €600.03; 2026–2029 = 1/5 × €1,000.05 × 4/10 = €80.004 → €80.00 each year (under €500, so not due).
    const van: CapitalGood = { vatCents: eur(1_000.05), firstUse: d("2025-03-01"), kind: "movable" };
    const rs = [2025, 2026, 2027, 2028, 2029].map((y) => revision([van], d("2025-07-01"), y));
    expect(rs.map((r) => r.perGood[0].yearlyCents)).toEqual([eur(600.03), eur(80), eur(80), eur(80), eur(80)]);
    // €3,333.33 VAT, first used 1 Feb 2025 (11 months), KOR from 1 Apr 2025 (9 months): 9/11 × €3,333.33 = €2,727.270 → €2,727.27;
    // later years 1/5 × €3,333.33 × 2/11 = €121.2120 → €121.21 each.
    const machine: CapitalGood = { vatCents: eur(3_333.33), firstUse: d("2025-02-01"), kind: "movable" };
    expect([2025, 2026, 2027, 2028, 2029].map((y) => revision([machine], d("2025-04-01"), y).perGood[0].yearlyCents)).toEqual([
      eur(2_727.27),
      eur(121.21),
      eur(121.21),
      eur(121.21),
      eur(121.21),
    ]);
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

  it("worked example 27: KOR from 1 Jul 2021 revises 2021 pro rata (6/12 of €900 = €450 < €500 → 0), then €900 (section 8)", () => {
    const r2021 = revision([car], d("2021-07-01"), 2021);
    expect(r2021).toMatchObject({ year: 2021, totalCents: 0, belowMinimum: true, proRataMonths: 6, estimatedCents: 0 });
    expect(r2021.perGood[0].yearlyCents).toBe(eur(450));
    expect(r2021.method.map((m) => m.en)).toEqual([
      "The KOR starts in 2021 after 1 January: the 2021 revision is pro rata temporis (6 of 12 months in the KOR).",
      "The 2021 yearly revision is €450.00, less than €500.00: it is not due.",
    ]);
    expect(r2021.method[0].nl).toBe("De KOR begint in 2021 niet op 1 januari: de herziening over 2021 is naar tijdsgelang berekend (6 van de 12 maanden in de KOR).");
    for (const y of [2022, 2023, 2024]) expect(revision([car], d("2021-07-01"), y)).toMatchObject({ totalCents: eur(900), proRataMonths: null, method: [] });
  });

  it("gives goods first used in the KOR start year the first-year correction, estimated pro rata and labelled, not the €500 exception", () => {
    // Van first used 1 Mar 2025 (10 months in use in 2025), KOR from 1 Jul 2025 (6 months in the KOR): 6/10 × €1,000 = €600.
    const van: CapitalGood = { vatCents: eur(1_000), firstUse: d("2025-03-01"), kind: "movable" };
    const r = revision([van], d("2025-07-01"));
    expect(r).toMatchObject({ year: 2025, totalCents: eur(600), estimatedCents: eur(600), belowMinimum: false });
    expect(r.perGood[0]).toEqual({ index: 0, yearlyCents: eur(600), remainingYears: 5, estimate: true });
    expect(r.method.map((m) => m.en).join(" ")).toContain("Estimate: a capital good was first used in 2025, the KOR start year. It gets the first-year correction");
    const two = revision([van, { ...van, vatCents: eur(500) }], d("2025-07-01"));
    expect(two.method.map((m) => m.en).join(" ")).toContain("Estimate: 2 capital goods were first used in 2025, the KOR start year. They get the first-year correction");
    expect(r.method.map((m) => m.nl).join(" ")).toContain("Schatting: een bedrijfsmiddel is voor het eerst gebruikt in 2025");
    // Small first-year corrections are still due (the exception covers only goods first used before the year).
    const phone: CapitalGood = { vatCents: eur(200), firstUse: d("2025-01-01"), kind: "movable" };
    expect(revision([phone], d("2025-07-01")).totalCents).toBe(eur(100));
    // The years after revise only the part of 2025 before the KOR (4 of 10 months): €200 × 4/10 = €80, not the
    // whole yearly fifth of €200 (the first-year correction already repaid the rest), and there the €500
    // exception applies again.
    const r2026 = revision([van], d("2025-07-01"), 2026);
    expect(r2026).toMatchObject({ totalCents: 0, belowMinimum: true, estimatedCents: 0 });
    expect(r2026.perGood[0]).toEqual({ index: 0, yearlyCents: eur(80), remainingYears: 5, estimate: true });
    expect(r2026.method.map((m) => m.en)).toContain("The 2026 yearly revision is €80.00, less than €500.00: it is not due.");
  });

  describe("goods first used in the KOR start year: later years net off the first-year correction (never more than the VAT deducted)", () => {
    const van: CapitalGood = { vatCents: eur(10_000), firstUse: d("2025-01-01"), kind: "movable" };
    const years = (goods: CapitalGood[], start: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => revision(goods, d(start), from + i));

    it("van first used and KOR started on 1 Jan 2025: €10,000 in 2025, then nothing (it was in the KOR from its first use)", () => {
      const rs = years([van], "2025-01-01", 2025, 2030);
      expect(rs.map((r) => r.totalCents)).toEqual([eur(10_000), 0, 0, 0, 0, 0]);
      expect(rs[1]).toMatchObject({ belowMinimum: false, estimatedCents: 0 });
      expect(rs[1].perGood[0]).toEqual({ index: 0, yearlyCents: 0, remainingYears: 5, estimate: false });
      expect(rs[1].method.map((m) => m.en)).toEqual([
        "In 2026, a capital good first used in 2025 (the KOR start year) is revised only for the part of 2025 before the KOR: 1/5 (real estate 1/10) of the VAT deducted × (1 − months in the KOR ÷ months in use in 2025) = €0.00. The rest was repaid with the first-year correction.",
      ]);
    });

    it("the same van, KOR from 1 Jul 2025: €5,000 in 2025, then €1,000 a year in 2026–2029, all estimates: €9,000 in all", () => {
      const rs = years([van], "2025-07-01", 2025, 2030);
      expect(rs.map((r) => r.totalCents)).toEqual([eur(5_000), eur(1_000), eur(1_000), eur(1_000), eur(1_000), 0]);
      expect(rs.map((r) => r.estimatedCents)).toEqual([eur(5_000), eur(1_000), eur(1_000), eur(1_000), eur(1_000), 0]);
      expect(rs.reduce((sum, r) => sum + r.totalCents, 0)).toBe(eur(9_000));
      expect(rs[1].perGood[0]).toEqual({ index: 0, yearlyCents: eur(1_000), remainingYears: 5, estimate: true });
      expect(rs[1].method.map((m) => m.en)).toEqual([
        "Estimate: in 2026, a capital good first used in 2025 (the KOR start year) is revised only for the part of 2025 before the KOR: 1/5 (real estate 1/10) of the VAT deducted × (1 − months in the KOR ÷ months in use in 2025) = €1,000.00. The rest was repaid with the first-year correction; this amount rests on that estimate. Have your adviser check it.",
      ]);
      expect(rs[1].method[0].nl).toBe(
        "Schatting: in 2026 wordt een bedrijfsmiddel dat voor het eerst is gebruikt in 2025 (het startjaar van de KOR) alleen herzien voor het deel van 2025 vóór de KOR: 1/5 (onroerend 1/10) van de afgetrokken btw × (1 − maanden in de KOR ÷ maanden in gebruik in 2025) = € 1.000,00. De rest is al terugbetaald met de eerstejaarscorrectie; dit bedrag rust op die schatting. Laat het nagaan door uw adviseur.",
      );
    });

    it("real estate first used 1 Mar 2025, €100,000 VAT, KOR from 1 Jul 2025: €60,000 (6/10), then €4,000 a year for 9 years: €96,000", () => {
      const shop: CapitalGood = { vatCents: eur(100_000), firstUse: d("2025-03-01"), kind: "real-estate" };
      const rs = years([shop], "2025-07-01", 2025, 2035);
      expect(rs.map((r) => r.totalCents)).toEqual([eur(60_000), ...Array<number>(9).fill(eur(4_000)), 0]);
      expect(rs.reduce((sum, r) => sum + r.totalCents, 0)).toBe(eur(96_000));
    });

    it("adds these later-year amounts to the other goods' against the €500 minimum, and counts only what is due as estimated", () => {
      // Laptop in use since 2024 (€200 a year) + the van of the 1 Jul case (€1,000 a year from 2026): €1,200, due.
      const laptop: CapitalGood = { vatCents: eur(1_000), firstUse: d("2024-01-01"), kind: "movable" };
      expect(revision([laptop, van], d("2025-07-01"), 2026)).toMatchObject({ totalCents: eur(1_200), belowMinimum: false, estimatedCents: eur(1_000) });
      // A phone first used 1 Jan 2025 with €1,000 VAT, KOR 1 Jul: €100 a year later, with the laptop €300 < €500: nothing due.
      const phone: CapitalGood = { vatCents: eur(1_000), firstUse: d("2025-01-01"), kind: "movable" };
      expect(revision([laptop, phone], d("2025-07-01"), 2026)).toMatchObject({ totalCents: 0, belowMinimum: true, estimatedCents: 0 });
    });
  });
});

describe("a later year's estimate under the €500 minimum", () => {
  it("says that the estimated amount is not due, where the year's revision stays under the minimum", () => {
    // €1,000 VAT on a laptop first used 1 Jan 2021; KOR from 1 Jul 2021. 2022: 1/5 × €1,000 × (1 − 6/12) = €100,
    // under €500: the year's revision is not due, and the estimate's own note must not read as if it were.
    const laptop: CapitalGood = { vatCents: eur(1_000), firstUse: d("2021-01-01"), kind: "movable" };
    const r = revision([laptop], d("2021-07-01"), 2022);
    expect(r).toMatchObject({ totalCents: 0, belowMinimum: true, estimatedCents: 0 });
    const later = r.method.find((m) => m.en.includes("revised only for the part of 2021 before the KOR"));
    expect(later?.en).toContain("= €100.00");
    expect(later?.en).toMatch(/It is part of the 2022 yearly revision, which stays under €500\.00: it is not due\.$/);
    expect(later?.nl).toMatch(/die onder € 500,00 blijft: het is niet verschuldigd\.$/);
    // Over the minimum the note says nothing of the kind.
    const van: CapitalGood = { vatCents: eur(10_000), firstUse: d("2021-01-01"), kind: "movable" };
    const due = revision([van], d("2021-07-01"), 2022);
    expect(due.belowMinimum).toBe(false);
    expect(due.method.map((m) => m.en).join(" ")).not.toContain("it is not due");
  });
});
