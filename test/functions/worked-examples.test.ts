/**
 * kor-rules.md section 10, worked examples 1–27, each through the public surfaces a user meets: the KOR.*
 * functions as Excel calls them (1-column ranges, serial dates, null for an omitted argument), the year
 * summary that the pane, the report sheet, All sheets and kor-check show (summarizeYear), and for a voluntary
 * exit the decision view's dates (decisionDates). The rules' own unit tests of the same examples are in
 * test/rules/worked-examples.test.ts.
 */
import * as f from "../../src/functions/functions";
import { summarizeYear } from "../../src/rules/summary";
import { decisionDates } from "../../src/rules/decision";
import { dayFromIso, type Day } from "../../src/rules/dates";
import type { InvoiceRow } from "../../src/rules/types";
import { OMITTED, col, serial, sheet, thrown } from "./helpers";

const d = (iso: string): Day => dayFromIso(iso);
/** Rows for the summary: [date, euros, category?, country?], numbered from row 2 as under a header. */
const rows = (...r: [string, number, string?, string?][]): InvoiceRow[] =>
  r.map(([iso, euros, category, country], i) => ({
    row: i + 2,
    day: d(iso),
    cents: Math.round(euros * 100),
    category: (category ?? null) as InvoiceRow["category"],
    country: country ?? null,
    vatCents: null,
  }));

describe("worked examples 1–27 through the KOR.* functions and the year summary (kor-rules.md section 10)", () => {
  it("worked example 1: 2024 €15,000; 2025 21% €12,000, 9% €3,000, export €2,000, verlegd €2,500 → countable €19,500, eligible, no crossing", () => {
    const s = sheet([
      ["2024-05-01", 15000],
      ["2025-01-10", 12000, "21"],
      ["2025-02-10", 3000, "9"],
      ["2025-03-10", 2000, "export"],
      ["2025-04-10", 2500, "verlegd"],
    ]);
    expect(f.countable(s.dates, s.amounts, s.categories, 2025)).toBe(19500);
    expect(f.eligible(s.dates, s.amounts, s.categories, 2025, null)).toBe(true);
    expect(thrown(() => f.crossing(s.dates, s.amounts, s.categories, 2025)).code).toBe("#N/A");
  });

  it("worked example 2: 2024 €10,000; 2025 21% €15,000 + vrij-og €6,000 → countable €21,000, not eligible, crossing at the vrij-og row", () => {
    const s = sheet([["2024-06-01", 10000, "21"], ["2025-03-01", 15000, "21"], ["2025-06-01", 6000, "vrij-og"]]);
    expect(f.countable(s.dates, s.amounts, s.categories, 2025)).toBe(21000);
    expect(f.eligible(s.dates, s.amounts, s.categories, 2025, null)).toBe(false);
    expect(f.crossing(s.dates, s.amounts, s.categories, 2025)).toBe(serial("2025-06-01"));
  });

  it("worked example 3: as 2 with the letting ancillary → countable €15,000, eligible", () => {
    const s = sheet([["2024-06-01", 10000, "21"], ["2025-03-01", 15000, "21"], ["2025-06-01", 6000, "vrij-og-bijkomend"]]);
    expect(f.countable(s.dates, s.amounts, s.categories, 2025)).toBe(15000);
    expect(f.eligible(s.dates, s.amounts, s.categories, 2025, null)).toBe(true);
  });

  it.each([
    [4, "vrij (medical) €30,000", 10000, 30000, "medisch"],
    [5, "bedrijfsmiddel €8,000", 15000, 8000, "bedrijfsmiddel"],
    [6, "prive €1,500", 19000, 1500, "privé"],
  ])("worked example %i: 21%% plus %s does not count → eligible", (_n, _what, taxed, other, category) => {
    const s = sheet([["2024-06-01", 0], ["2025-01-05", taxed, "21"], ["2025-12-05", other, category]]);
    expect(f.countable(s.dates, s.amounts, s.categories, 2025)).toBe(taxed);
    expect(f.eligible(s.dates, s.amounts, s.categories, 2025, 0)).toBe(true);
  });

  it("worked example 7: 21% €12,000 + buitenland (B2B service, DE) €10,000 → NL countable €12,000; Union turnover €22,000", () => {
    const s = sheet([["2025-01-05", 12000, "21"], ["2025-02-05", 10000, "buitenland"]]);
    expect(f.countable(s.dates, s.amounts, s.categories, 2025)).toBe(12000);
    expect(f.euTurnover(s.dates, s.amounts, col("NL", "DE"), s.categories, 2025)).toBe(22000);
  });

  it("worked example 8: €19,750 by 15 Sep 2025, €500 on 16 Sep 2025 → crossing 16 Sep 2025; the €500 row is taxed (VAT €105)", () => {
    const s = sheet([["2025-09-15", 19750], ["2025-09-16", 500]]);
    expect(f.crossing(s.dates, s.amounts, OMITTED, 2025)).toBe(serial("2025-09-16"));
    const sum = summarizeYear(rows(["2025-09-15", 19750], ["2025-09-16", 500]), { today: d("2025-10-01"), year: 2025 });
    expect(sum.crossing).toMatchObject({ day: d("2025-09-16"), row: 3, cents: 50_000, vatCents: 10_500 });
  });

  it("worked example 9: exactly €20,000.00 by 30 Nov 2025, nothing after → not crossed, eligible", () => {
    const s = sheet([["2025-01-31", 12500.5], ["2025-11-30", 7499.5]]);
    expect(thrown(() => f.crossing(s.dates, s.amounts, OMITTED, 2025)).code).toBe("#N/A");
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2025, 0)).toBe(true);
  });

  it("worked example 10: as 9, then €0.01 on 1 Dec 2025 → crossing 1 Dec 2025", () => {
    const s = sheet([["2025-01-31", 12500.5], ["2025-11-30", 7499.5], ["2025-12-01", 0.01]]);
    expect(f.crossing(s.dates, s.amounts, OMITTED, 2025)).toBe(serial("2025-12-01"));
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2025, 0)).toBe(false);
  });

  it("worked example 11: crossed in 2025, 2026 countable €15,000 → 2026 not eligible; earliest start 1 Jan 2027, deadline 3 Dec 2026", () => {
    const s = sheet([["2025-05-01", 18000], ["2025-10-01", 3000], ["2026-03-01", 15000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(false);
    const sum = summarizeYear(rows(["2025-05-01", 18000], ["2025-10-01", 3000], ["2026-03-01", 15000]), { today: d("2026-04-15"), year: 2026 });
    expect(sum.verdict).toBe("not-eligible");
    expect(sum.deadlines).toMatchObject({ nextStart: d("2027-01-01"), registrationDeadline: d("2026-12-03") });
  });

  it("worked example 12: 2025 countable €21,000, 2026 €15,000 → 2026 not eligible (previous year), and STATUS says why", () => {
    const s = sheet([["2025-12-31", 21000], ["2026-01-01", 15000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(false);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, null)).toContain("€21,000.00");
  });

  it("worked example 13: 2022 countable €21,000, 2023 €15,000 → 2023 eligible (before 2025 only the current year)", () => {
    const s = sheet([["2022-06-01", 21000], ["2023-06-01", 15000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2023, null)).toBe(true);
  });

  it("worked example 14: start-up on 1 Sep 2026, €8,000 Sep–Dec → eligible, no annualising; the missing 2025 is said to count as €0", () => {
    const s = sheet([["2026-09-01", 2000], ["2026-10-15", 3000], ["2026-12-31", 3000]]);
    expect(f.countable(s.dates, s.amounts, OMITTED, 2026)).toBe(8000);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(true);
    const sum = summarizeYear(rows(["2026-09-01", 2000], ["2026-10-15", 3000], ["2026-12-31", 3000]), { today: d("2026-12-31"), year: 2026 });
    expect(sum).toMatchObject({ verdict: "eligible", countableCents: 800_000, previousYearBasis: "assumed-zero" });
  });

  it("worked example 15: registration received 2 Dec 2025 → start 1 Jan 2026; received 4 Dec 2025 → 1 Apr 2026", () => {
    expect(f.start(serial("2025-12-02"), "quarter")).toBe(serial("2026-01-01"));
    expect(f.start(serial("2025-12-04"), "kwartaal")).toBe(serial("2026-04-01"));
    expect(f.deadline(serial("2026-04-01"), null)).toBe(serial("2026-03-03"));
  });

  it("worked example 16: in the KOR since 1 Jan 2026, out on 1 Jul 2026 → notice by 2 Jun 2026; excluded until 31 Dec 2027; re-entry 1 Jan 2028 (deadline 3 Dec 2027)", () => {
    const today = d("2026-05-01");
    const sum = summarizeYear(rows(["2026-02-01", 3000]), { today, year: 2026, participation: { status: "in", since: d("2026-01-01") } });
    expect(sum.deadlines).toMatchObject({ participating: true, nextExit: { start: d("2026-07-01"), deadline: d("2026-06-02") } });
    expect(f.deadline(serial("2026-07-01"), "quarter")).toBe(serial("2026-06-02"));
    const leave = decisionDates({ participant: true, today, period: "quarter", joined: d("2026-01-01") });
    expect(leave).toMatchObject({ action: "leave", allowed: true, start: d("2026-07-01"), deadline: d("2026-06-02"), excludedUntil: d("2027-12-31"), earliestReentry: d("2028-01-01") });
    expect(leave.text.map((t) => t.en)).toContain(
      "After leaving you cannot rejoin until after 31 December 2027; the earliest new start is 1 January 2028 (register by 3 December 2027).",
    );
  });

  it("worked example 17: joined 1 Jan 2022, voluntary exit wanted 1 Jul 2023 → not allowed (3-year minimum before 2025)", () => {
    const today = d("2023-05-15");
    const sum = summarizeYear(rows(["2023-02-01", 3000]), { today, year: 2023, participation: { status: "in", since: d("2022-01-01") } });
    // The next voluntary exit the summary offers is the first the minimum allows, not 1 Jul 2023.
    expect(sum.deadlines.nextExit).toEqual({ start: d("2025-01-01"), deadline: d("2024-12-03") });
    const leave = decisionDates({ participant: true, today, period: "quarter", joined: d("2022-01-01") });
    expect(leave).toMatchObject({ action: "leave", allowed: false, start: d("2023-07-01") });
    expect(leave.text.map((t) => t.en).join(" ")).toContain("at least 3 years");
  });

  it("worked example 18: EU-KOR 2026, 2025 Union €60,000; NL €18,000, BE €24,000, AT €40,000 → Union €82,000; BE and AT possible; NL KOR fine", () => {
    // 2025's Union turnover is given (previousYearUnionTurnover), as the example states it.
    const s = sheet([["2026-02-01", 18000, "21"], ["2026-03-01", 24000, "buitenland"], ["2026-04-01", 40000, "buitenland"]]);
    const c = col("NL", "BE", "AT");
    expect(f.euTurnover(s.dates, s.amounts, c, s.categories, 2026)).toBe(82000);
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, 2026, null, 60000)).toBe(true);
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, 60000)).toBe(true);
    // Over €100,000 last year would block it.
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, 2026, null, 100000.01)).toBe(false);
    // NL KOR: countable €18,000 in 2026.
    expect(f.countable(s.dates, s.amounts, s.categories, 2026)).toBe(18000);
    expect(f.eligible(s.dates, s.amounts, s.categories, 2026, 0)).toBe(true);
  });

  it("worked example 19: as 18, then an AT sale on 10 Nov 2026 brings Union to €100,500 → EU-KOR ends 10 Nov 2026; notify within 15 working days; 2027 blocked", () => {
    const s = sheet([
      ["2026-02-01", 18000, "21"], ["2026-03-01", 24000, "buitenland"], ["2026-04-01", 40000, "buitenland"], ["2026-11-10", 18500, "buitenland"],
      ["2027-01-10", 100, "buitenland"],
    ]);
    const c = col("NL", "BE", "AT", "AT", "AT");
    expect(f.euTurnover(s.dates, s.amounts, c, s.categories, 2026)).toBe(100500);
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, 2026, null, 60000)).toBe(false);
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2027, null, null)).toBe(false);
    const sum = summarizeYear(
      rows(["2026-02-01", 18000, "21", "NL"], ["2026-03-01", 24000, "buitenland", "BE"], ["2026-04-01", 40000, "buitenland", "AT"], ["2026-11-10", 18500, "buitenland", "AT"]),
      { today: d("2026-11-20"), year: 2026, previousYearCents: 0, previousUnionCents: 6_000_000 },
    );
    expect(sum.eu).toMatchObject({ unionCents: 10_050_000, withinUnion: false, crossing: { day: d("2026-11-10"), notifyBy: d("2026-12-01") } });
    // The domestic KOR is not affected.
    expect(sum.verdict).toBe("eligible");
  });

  it("worked example 20: EU quarterly report Q1 2026 → due 30 Apr 2026", () => {
    const sum = summarizeYear(rows(["2026-02-01", 1000, "buitenland", "BE"]), { today: d("2026-03-01"), year: 2026 });
    expect(sum.eu?.quarters[0]).toMatchObject({ quarter: 1, due: d("2026-04-30"), perState: [{ country: "BE", cents: 100_000 }] });
  });

  it("worked example 21: laptop in use since 2024, €1,000 VAT, KOR from 1 Jan 2025 → €200 < €500 → no revision", () => {
    expect(f.revision(col(1000), col(serial("2024-03-01")), col("roerend"), serial("2025-01-01"), null)).toBe(0);
  });

  it("worked example 22: any 2019 date → not supported (pre-2020 scheme)", () => {
    const s = sheet([["2019-06-01", 5000]]);
    const e = thrown(() => f.eligible(s.dates, s.amounts, OMITTED, 2019, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("2020");
    expect(summarizeYear(rows(["2019-06-01", 5000]), { today: d("2026-01-15") })).toMatchObject({ year: 2019, verdict: "unsupported" });
  });

  it("worked example 23: 2023 €25,000 (crossed 1 Oct 2023); 2024 €5,000; today 1 Jun 2024; not in the KOR → 2024 eligible, next start 1 Jul 2024, registration by 2 Jun 2024", () => {
    const r = rows(["2023-03-01", 19000], ["2023-10-01", 6000], ["2024-02-01", 5000]);
    const sum = summarizeYear(r, { today: d("2024-06-01"), year: 2024, participation: { status: "out" } });
    expect(sum.verdict).toBe("eligible");
    expect(sum.deadlines).toMatchObject({ nextStart: d("2024-07-01"), registrationDeadline: d("2024-06-02"), ifInKor: null });
    const s = sheet([["2023-03-01", 19000], ["2023-10-01", 6000], ["2024-02-01", 5000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2024, null)).toBe(true);
  });

  it("worked example 24: EU-KOR, BE €30,000 in 2025 and €10,000 in 2026 → not exempt in BE in 2026", () => {
    const s = sheet([["2025-05-01", 30000, "buitenland"], ["2026-02-01", 10000, "buitenland"]]);
    expect(f.euEligible(s.dates, s.amounts, col("BE", "BE"), "BE", s.categories, 2026, null, null)).toBe(false);
  });

  it("worked example 25: EU-KOR, AT €56,000 in 2026 (2025 under €55,000) → exempt in AT for 2026 (10% tolerance); AT blocked in 2027", () => {
    const s = sheet([["2025-05-01", 50000, "buitenland"], ["2026-02-01", 56000, "buitenland"], ["2027-01-10", 100, "buitenland"]]);
    const c = col("AT", "AT", "AT");
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, null)).toBe(true);
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2027, null, null)).toBe(false);
  });

  it("worked example 26: ELIGIBLE for 2026 with a Dec-2025 row of €500 and previousYearTurnover 25,000 → FALSE; STATUS names both figures", () => {
    const s = sheet([["2025-12-10", 500], ["2026-02-01", 5000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, 25000)).toBe(false);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, 25000)).toContain("€25,000.00 (as given; the rows of 2025 add up to €500.00)");
    const sum = summarizeYear(rows(["2025-12-10", 500], ["2026-02-01", 5000]), { today: d("2026-03-01"), year: 2026, previousYearCents: 2_500_000 });
    expect(sum.problems.map((p) => p.message.en)).toContain(
      "The given 2025 turnover of €25,000.00 was used; the rows of 2025 in the data add up to €500.00. Check which figure is right.",
    );
  });

  it("worked example 27: car, €4,500 VAT, first used 2020, KOR from 1 Jul 2021 → revision 2021: 0 (€450 < €500); 2022: €900", () => {
    const car = [col(4500), col(serial("2020-01-01")), col("movable")] as const;
    expect(f.revision(...car, serial("2021-07-01"), 2021)).toBe(0);
    expect(f.revision(...car, serial("2021-07-01"), 2022)).toBe(900);
  });
});
