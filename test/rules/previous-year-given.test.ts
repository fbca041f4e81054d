/** Review finding: a given previous-year turnover must not override rows of that year in the data (kor-rules.md section 4). */
import { eligibility } from "../../src/rules/eligibility";
import { euEligibility } from "../../src/rules/eu";
import { summarizeYear } from "../../src/rules/summary";
import { d, eur, sheet } from "./helpers";

describe("previous-year turnover given and in the data", () => {
  const rows = sheet(["2025-04-01", 25_000], ["2026-02-01", 5_000]);

  it("uses the data when they hold rows of the previous year, and says the given amount was not used", () => {
    const e = eligibility({ rows, year: 2026, previousYearCents: eur(10_000) });
    expect(e).toMatchObject({ verdict: "not-eligible", previousYearBasis: "data", previousYearCents: eur(25_000) });
    const en = e.reasons.map((r) => r.en).join(" ");
    const nl = e.reasons.map((r) => r.nl).join(" ");
    expect(en).toContain("The given 2025 turnover of €10,000.00 was not used: the data hold the rows of 2025 (countable turnover €25,000.00).");
    expect(nl).toContain("De opgegeven omzet 2025 van € 10.000,00 is niet gebruikt");
    expect(nl).toContain("€ 25.000,00");
  });

  it("says nothing extra when the given amount equals the data", () => {
    const e = eligibility({ rows, year: 2026, previousYearCents: eur(25_000) });
    expect(e.previousYearBasis).toBe("data");
    expect(e.reasons.some((r) => r.en.includes("was not used"))).toBe(false);
  });

  it("keeps basis 'given' when the data hold no rows of the previous year", () => {
    const e = eligibility({ rows: sheet(["2026-02-01", 5_000]), year: 2026, previousYearCents: eur(10_000) });
    expect(e).toMatchObject({ verdict: "eligible", previousYearBasis: "given", previousYearCents: eur(10_000) });
  });

  it("makes the summary and its next start follow the data", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026, previousYearCents: eur(10_000) });
    expect(s).toMatchObject({ verdict: "not-eligible", previousYearBasis: "data", previousYearCents: eur(25_000) });
  });

  it("does the same for the EU-KOR previous-year Union turnover", () => {
    const eu = sheet(["2025-04-01", 101_000, "21", { country: "NL" }], ["2026-02-01", 5_000, "buitenland", { country: "BE" }]);
    const e = euEligibility({ rows: eu, year: 2026, country: "BE", previousUnionCents: eur(50_000) });
    expect(e).toMatchObject({ verdict: "not-eligible", previousUnionBasis: "data", previousUnionCents: eur(101_000) });
    expect(e.reasons.map((r) => r.en).join(" ")).toContain("The given 2025 Union turnover of €50,000.00 was not used");
    const s = summarizeYear(eu, { today: d("2026-03-01"), year: 2026, previousUnionCents: eur(50_000) });
    expect(s.eu).toMatchObject({ previousUnionCents: eur(101_000), withinUnion: false });
  });
});
