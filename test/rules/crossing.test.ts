import { findCrossing } from "../../src/rules/crossing";
import { eligibility } from "../../src/rules/eligibility";
import { countableTurnover, latestYear, turnoverByYear, yearsIn } from "../../src/rules/turnover";
import type { InvoiceRow } from "../../src/rules/types";
import { d, eur, sheet } from "./helpers";

describe("threshold to the cent", () => {
  it("keeps €20,000.00 inside and puts €20,000.01 over", () => {
    expect(eligibility({ rows: sheet(["2025-05-05", 20_000]), year: 2025, previousYearCents: 0 }).verdict).toBe("eligible");
    expect(eligibility({ rows: sheet(["2025-05-05", 20_000.01]), year: 2025, previousYearCents: 0 }).verdict).toBe("not-eligible");
    expect(eligibility({ rows: sheet(["2025-05-05", 1_000]), year: 2025, previousYearCents: 2_000_000 }).verdict).toBe("eligible");
    expect(eligibility({ rows: sheet(["2025-05-05", 1_000]), year: 2025, previousYearCents: 2_000_001 }).verdict).toBe("not-eligible");
  });

  it("rounds each row to cents before summing (three × €0.005 → three cents, not 1.5)", () => {
    const rows = sheet(["2025-01-01", 19_999.97], ["2025-01-02", 0.005], ["2025-01-03", 0.005], ["2025-01-04", 0.005]);
    expect(countableTurnover(rows, 2025).countableCents).toBe(2_000_000);
    expect(findCrossing(rows, 2025)).toBeNull();
  });
});

describe("findCrossing", () => {
  it("returns null for a year without rows", () => {
    expect(findCrossing([], 2025)).toBeNull();
  });

  it("does not let a credit note after the crossing undo it", () => {
    const rows = sheet(["2025-03-01", 19_000], ["2025-04-01", 2_000], ["2025-05-01", -2_000]);
    expect(findCrossing(rows, 2025)).toMatchObject({ row: 2, day: d("2025-04-01") });
    const e = eligibility({ rows, year: 2025, previousYearCents: 0 });
    expect(e.countableCents).toBe(eur(19_000));
    expect(e.verdict).toBe("not-eligible");
    // Section 5: the crossing stands, but the caveat says the year total and which invoice to check.
    const caveat = {
      en: "Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.",
      nl: "Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.",
    };
    expect(e.crossingCaveat).toEqual(caveat);
    expect(e.reasons).toContainEqual(caveat);
    // Without credit notes bringing the total back, no caveat.
    expect(eligibility({ rows: rows.slice(0, 2), year: 2025, previousYearCents: 0 }).crossingCaveat).toBeNull();
    expect(eligibility({ rows: [...rows.slice(0, 2), ...sheet(["2025-05-01", -500])], year: 2025, previousYearCents: 0 }).crossingCaveat).toBeNull();
  });

  it("lets a credit note before the crossing lower the running total", () => {
    const rows = sheet(["2025-03-01", 19_000], ["2025-03-02", -1_000], ["2025-04-01", 2_000]);
    expect(findCrossing(rows, 2025)).toBeNull();
  });

  it("keeps sheet order for rows on the same day: a peak before a same-day credit note still crosses", () => {
    const peak = sheet(["2025-06-01", 19_000], ["2025-07-01", 2_000], ["2025-07-01", -2_000]);
    expect(findCrossing(peak, 2025)).toMatchObject({ row: 2, day: d("2025-07-01"), runningCents: eur(21_000) });
    const creditFirst = sheet(["2025-06-01", 19_000], ["2025-07-01", -2_000], ["2025-07-01", 2_000]);
    expect(findCrossing(creditFirst, 2025)).toBeNull();
  });

  it("orders by date, not by sheet position", () => {
    const rows = sheet(["2025-12-01", 1_000], ["2025-02-01", 19_500], ["2025-03-01", 600]);
    expect(findCrossing(rows, 2025)).toMatchObject({ row: 3, day: d("2025-03-01"), runningCents: eur(20_100) });
  });

  it("uses row numbers for same-day order even when the array is not in row order", () => {
    const rows: InvoiceRow[] = [
      { row: 9, day: d("2025-07-01"), cents: eur(2_000), category: null, country: null, vatCents: null },
      { row: 5, day: d("2025-07-01"), cents: eur(-2_000), category: null, country: null, vatCents: null },
      { row: 1, day: d("2025-06-01"), cents: eur(19_000), category: null, country: null, vatCents: null },
    ];
    expect(findCrossing(rows, 2025)).toBeNull();
  });

  it("ignores rows that do not count and rows of other years", () => {
    const rows = sheet(["2024-12-31", 50_000], ["2025-01-01", 19_000], ["2025-02-01", 5_000, "vrij"], ["2026-01-01", 5_000]);
    expect(findCrossing(rows, 2025)).toBeNull();
  });

  it("gives the VAT of the crossing row at its rate: 9% row, 0% export, unknown for verlegd", () => {
    const base = ["2025-01-01", 20_000, "21"] as const;
    expect(findCrossing(sheet([...base], ["2025-02-01", 1_000, "9"]), 2025)).toMatchObject({ vatRatePercent: 9, vatCents: eur(90) });
    expect(findCrossing(sheet([...base], ["2025-02-01", 1_000, "export"]), 2025)).toMatchObject({ vatRatePercent: 0, vatCents: 0 });
    expect(findCrossing(sheet([...base], ["2025-02-01", 1_000, "kor"]), 2025)).toMatchObject({ vatRatePercent: 21, vatCents: eur(210) });
    expect(findCrossing(sheet([...base], ["2025-02-01", 1_000, "verlegd"]), 2025)).toMatchObject({ vatRatePercent: null, vatCents: null });
  });

  it("accepts another threshold", () => {
    expect(findCrossing(sheet(["2025-01-01", 100], ["2025-01-02", 1]), 2025, eur(100))).toMatchObject({ row: 2 });
  });

  it("finds the crossing on a leap day and on 31 December", () => {
    expect(findCrossing(sheet(["2028-01-01", 20_000], ["2028-02-29", 0.01]), 2028)?.day).toBe(d("2028-02-29"));
    expect(findCrossing(sheet(["2025-01-01", 20_000], ["2025-12-31", 0.01], ["2026-01-01", 5]), 2025)?.day).toBe(d("2025-12-31"));
  });

  it("finds the crossing deep in a full Excel column of 1,048,576 rows", () => {
    const n = 1_048_576;
    const rows: InvoiceRow[] = new Array(n);
    const jan1 = d("2025-01-01");
    for (let i = 0; i < n; i++) rows[i] = { row: i + 1, day: jan1 + Math.floor((i * 365) / n), cents: 2, category: null, country: null, vatCents: null };
    const c = findCrossing(rows, 2025);
    expect(c).toMatchObject({ row: 1_000_001, runningCents: 2_000_002 });
  });
});

describe("turnover per year", () => {
  const rows = sheet(["2024-12-31", 100], ["2025-01-01", 200], ["2025-06-01", 50, "inkoop"], ["2023-03-03", 5, "vrij"]);

  it("puts 31 December and 1 January rows in their own years", () => {
    expect(turnoverByYear(rows)).toEqual(new Map([[2023, 0], [2024, eur(100)], [2025, eur(200)]]));
    expect([...turnoverByYear(rows).keys()]).toEqual([2023, 2024, 2025]);
  });

  it("lists the years ascending and the latest year", () => {
    expect(yearsIn(rows)).toEqual([2023, 2024, 2025]);
    expect(latestYear(rows)).toBe(2025);
    expect(latestYear([])).toBeNull();
  });

  it("reports a line per category with counted and not-counted totals and empty-category rows", () => {
    const t = countableTurnover(sheet(["2025-01-01", 100], ["2025-01-02", 50], ["2025-02-01", 30, "inkoop"], ["2025-03-01", 20, "21"]), 2025);
    expect(t).toMatchObject({ countableCents: eur(170), notCountedCents: eur(30), uncategorisedRows: 2 });
    expect(t.lines.map((l) => [l.category, l.counted, l.cents, l.rows])).toEqual([
      [null, true, eur(150), 2],
      ["21", true, eur(20), 1],
      ["inkoop", false, eur(30), 1],
    ]);
    expect(t.lines[0].reason.nl).toContain("Lege categorie");
  });
});
