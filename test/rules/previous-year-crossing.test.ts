/** Review finding: a crossing in Y−1 cancelled later by a credit note still fails Y's previous-year test. */
import { eligibility } from "../../src/rules/eligibility";
import { euEligibility } from "../../src/rules/eu";
import { summarizeYear } from "../../src/rules/summary";
import { d, eur, sheet } from "./helpers";

describe("a crossing in the previous year (kor-rules.md sections 5 and 7)", () => {
  const rows = sheet(["2025-03-01", 20_500], ["2025-07-01", -1_000], ["2026-02-01", 5_000, null, { vat: 1_050 }]);

  it("fails the next year's previous-year test even though a credit note brings the year back under", () => {
    const e = eligibility({ rows, year: 2026 });
    expect(e.previousYearBasis).toBe("data");
    expect(e.previousYearCents).toBe(eur(19_500));
    expect(e.previousYearCrossing).toMatchObject({ row: 1, day: d("2025-03-01") });
    expect(e.verdict).toBe("not-eligible");
    const en = e.reasons.map((r) => r.en).join(" ");
    const nl = e.reasons.map((r) => r.nl).join(" ");
    expect(en).toContain("In 2025 the turnover limit was crossed on 1 March 2025 (row 1");
    expect(en).toContain("2026 fails the previous-year test");
    expect(nl).toContain("In 2025 is de omzetgrens overschreden op 1 maart 2025 (rij 1");
  });

  it("does not add the crossing reason when the previous year is simply over the threshold", () => {
    const e = eligibility({ rows: sheet(["2025-03-01", 21_000], ["2026-02-01", 5_000]), year: 2026 });
    expect(e.verdict).toBe("not-eligible");
    expect(e.reasons.filter((r) => r.en.includes("fails the previous-year test"))).toHaveLength(0);
  });

  it("is reported consistently by the summary, without VAT-shown warnings for the blocked year", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.verdict).toBe("not-eligible");
    expect(s.problems.filter((p) => p.code === "vat-shown-in-kor")).toHaveLength(0);
  });

  it("blocks the EU-KOR in the year after a Union crossing of €100,000", () => {
    const eu = sheet(
      ["2025-03-01", 100_500, "21", { country: "NL" }],
      ["2025-07-01", -1_000, "21", { country: "NL" }],
      ["2026-02-01", 5_000, "buitenland", { country: "BE" }],
    );
    const e = euEligibility({ rows: eu, year: 2026, country: "BE" });
    expect(e.previousUnionCents).toBe(eur(99_500));
    expect(e.verdict).toBe("not-eligible");
    expect(e.reasons.map((r) => r.en).join(" ")).toContain("In 2025 Union turnover went over €100,000.00 on 1 March 2025 (row 1); so 2026 is blocked");
    const s = summarizeYear(eu, { today: d("2026-03-01"), year: 2026 });
    expect(s.eu?.withinUnion).toBe(false);
  });
});
