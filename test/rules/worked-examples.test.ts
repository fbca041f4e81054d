/** kor-rules.md section 10: one test per worked example (quarterly filer unless stated). */
import { eligibility } from "../../src/rules/eligibility";
import { findCrossing } from "../../src/rules/crossing";
import { countableTurnover } from "../../src/rules/turnover";
import { earliestStart, registrationDeadline } from "../../src/rules/periods";
import { reentryAfterCrossing, voluntaryExit } from "../../src/rules/participation";
import { euEligibility, euQuarterDue, findEuCrossing, unionTurnover } from "../../src/rules/eu";
import { revision } from "../../src/rules/herziening";
import { summarizeYear } from "../../src/rules/summary";
import { d, eur, sheet } from "./helpers";

const example2 = sheet(["2024-06-01", 10_000, "21"], ["2025-03-01", 15_000, "21"], ["2025-06-01", 6_000, "vrij-og"]);
const example18 = sheet(
  ["2026-02-01", 18_000, "21"],
  ["2026-03-01", 24_000, "buitenland", { country: "BE" }],
  ["2026-04-01", 40_000, "buitenland", { country: "AT" }],
);

describe("worked examples (kor-rules.md section 10)", () => {
  it("1: 2025 21% €12,000 + 9% €3,000 + export €2,000 + verlegd €2,500 → countable €19,500, eligible, no crossing", () => {
    const rows = sheet(
      ["2024-05-01", 15_000], ["2025-01-10", 12_000, "21"], ["2025-02-10", 3_000, "9"],
      ["2025-03-10", 2_000, "export"], ["2025-04-10", 2_500, "verlegd"],
    );
    const e = eligibility({ rows, year: 2025 });
    expect(e.countableCents).toBe(eur(19_500));
    expect(e.verdict).toBe("eligible");
    expect(e.previousYearCents).toBe(eur(15_000));
    expect(e.previousYearBasis).toBe("data");
    expect(findCrossing(rows, 2025)).toBeNull();
  });

  it("2: 21% €15,000 + vrij-og €6,000 → countable €21,000, not eligible, crossing at the row that passes €20,000", () => {
    const e = eligibility({ rows: example2, year: 2025 });
    expect(e.countableCents).toBe(eur(21_000));
    expect(e.verdict).toBe("not-eligible");
    expect(e.reasons[0].nl).toBe("Omzet die meetelt 2025: € 21.000,00, hoger dan de omzetgrens van € 20.000,00.");
    expect(e.reasons[0].en).toBe("Turnover that counts 2025: €21,000.00, more than the turnover limit of €20,000.00.");
    expect(findCrossing(example2, 2025)).toMatchObject({ row: 3, day: d("2025-06-01"), runningCents: eur(21_000) });
  });

  it("3: as 2 with the letting marked ancillary → countable €15,000, eligible", () => {
    const rows = sheet(["2024-06-01", 10_000, "21"], ["2025-03-01", 15_000, "21"], ["2025-06-01", 6_000, "vrij-og-bijkomend"]);
    const e = eligibility({ rows, year: 2025 });
    expect(e.countableCents).toBe(eur(15_000));
    expect(e.verdict).toBe("eligible");
    expect(countableTurnover(rows, 2025).notCountedCents).toBe(eur(6_000));
  });

  it("4: 21% €10,000 + vrij (medical) €30,000 → countable €10,000, eligible", () => {
    const e = eligibility({ rows: sheet(["2025-01-05", 10_000, "21"], ["2025-02-05", 30_000, "vrij"]), year: 2025 });
    expect([e.countableCents, e.verdict]).toEqual([eur(10_000), "eligible"]);
  });

  it("5: 21% €15,000 + bedrijfsmiddel €8,000 → countable €15,000, eligible", () => {
    const e = eligibility({ rows: sheet(["2025-01-05", 15_000, "21"], ["2025-12-05", 8_000, "bedrijfsmiddel"]), year: 2025 });
    expect([e.countableCents, e.verdict]).toEqual([eur(15_000), "eligible"]);
  });

  it("6: 21% €19,000 + prive €1,500 → countable €19,000, eligible", () => {
    const e = eligibility({ rows: sheet(["2025-01-05", 19_000, "21"], ["2025-12-31", 1_500, "prive"]), year: 2025 });
    expect([e.countableCents, e.verdict]).toEqual([eur(19_000), "eligible"]);
  });

  it("7: 21% €12,000 + buitenland (B2B service, DE) €10,000 → NL countable €12,000, Union turnover €22,000", () => {
    const rows = sheet(["2025-01-05", 12_000, "21"], ["2025-02-05", 10_000, "buitenland", { country: "DE" }]);
    expect(countableTurnover(rows, 2025).countableCents).toBe(eur(12_000));
    expect(unionTurnover(rows, 2025)).toBe(eur(22_000));
  });

  it("8: €19,750 by 15 Sep 2025, €500 on 16 Sep 2025 → crossing 16 Sep 2025, the €500 row carries €105 VAT", () => {
    const rows = sheet(["2025-09-15", 19_750], ["2025-09-16", 500]);
    const c = findCrossing(rows, 2025);
    expect(c).toEqual({ row: 2, day: d("2025-09-16"), cents: 50_000, runningCents: eur(20_250), vatRatePercent: 21, vatCents: 10_500 });
  });

  it("9: exactly €20,000.00 by 30 Nov 2025, nothing after → not crossed, eligible", () => {
    const rows = sheet(["2025-01-31", 12_500.5, "21"], ["2025-11-30", 7_499.5, "21"]);
    expect(findCrossing(rows, 2025)).toBeNull();
    expect(eligibility({ rows, year: 2025 })).toMatchObject({ countableCents: 2_000_000, verdict: "eligible" });
  });

  it("10: as 9, then €0.01 on 1 Dec 2025 → crossing 1 Dec 2025", () => {
    const rows = sheet(["2025-01-31", 12_500.5, "21"], ["2025-11-30", 7_499.5, "21"], ["2025-12-01", 0.01, "21"]);
    expect(findCrossing(rows, 2025)).toMatchObject({ row: 3, day: d("2025-12-01"), runningCents: 2_000_001, vatCents: 0 });
    expect(eligibility({ rows, year: 2025 }).verdict).toBe("not-eligible");
  });

  it("11: crossed in 2025, 2026 countable €15,000 → 2026 not eligible; earliest start 1 Jan 2027, deadline 3 Dec 2026", () => {
    const rows = sheet(["2025-05-01", 18_000], ["2025-10-01", 3_000], ["2026-03-01", 15_000]);
    const crossing = findCrossing(rows, 2025);
    expect(crossing?.day).toBe(d("2025-10-01"));
    expect(eligibility({ rows, year: 2026 }).verdict).toBe("not-eligible");
    expect(reentryAfterCrossing(crossing!.day, "quarter")).toEqual({
      excludedUntil: d("2026-12-31"),
      earliestReentry: d("2027-01-01"),
      deadline: d("2026-12-03"),
    });
  });

  it("12: 2025 countable €21,000, 2026 €15,000 → 2026 not eligible because of the previous year", () => {
    const rows = sheet(["2025-12-31", 21_000], ["2026-01-01", 15_000]);
    const e = eligibility({ rows, year: 2026 });
    expect(e).toMatchObject({ verdict: "not-eligible", countableCents: eur(15_000), previousYearCents: eur(21_000), previousYearBasis: "data" });
    expect(e.reasons.map((r) => r.en).join(" ")).toContain("Turnover that counts 2025 (from the data): €21,000.00, more than the turnover limit of €20,000.00");
  });

  it("13: 2022 countable €21,000, 2023 €15,000 → 2023 eligible (before 2025 only the current year counts)", () => {
    const rows = sheet(["2022-06-01", 21_000], ["2023-06-01", 15_000]);
    expect(eligibility({ rows, year: 2023 })).toMatchObject({ verdict: "eligible", previousYearCents: null, previousYearBasis: "not-needed" });
  });

  it("14: start-up on 1 Sep 2026 with €8,000 Sep–Dec → eligible, no annualising; previous year assumed €0 and said so", () => {
    const rows = sheet(["2026-09-01", 2_000], ["2026-10-15", 3_000], ["2026-12-31", 3_000]);
    const e = eligibility({ rows, year: 2026 });
    expect(e).toMatchObject({ verdict: "eligible", countableCents: eur(8_000), previousYearCents: 0, previousYearBasis: "assumed-zero" });
    expect(e.reasons.map((r) => r.nl).join(" ")).toContain("geen gegevens over 2025");
  });

  it("15: registration received 2 Dec 2025 → start 1 Jan 2026; received 4 Dec 2025 → start 1 Apr 2026", () => {
    expect(earliestStart(d("2025-12-02"), "quarter")).toBe(d("2026-01-01"));
    expect(earliestStart(d("2025-12-04"), "quarter")).toBe(d("2026-04-01"));
    expect(registrationDeadline(d("2026-04-01"))).toBe(d("2026-03-03"));
  });

  it("16: in the KOR since 1 Jan 2026, out on 1 Jul 2026 → notice by 2 Jun 2026, excluded until 31 Dec 2027, re-entry 1 Jan 2028 (deadline 3 Dec 2027)", () => {
    const x = voluntaryExit({ joined: d("2026-01-01"), wantedExit: d("2026-07-01"), period: "quarter" });
    expect(x).toMatchObject({
      allowed: true,
      exitStart: d("2026-07-01"),
      noticeDeadline: d("2026-06-02"),
      excludedUntil: d("2027-12-31"),
      earliestReentry: d("2028-01-01"),
      reentryDeadline: d("2027-12-03"),
    });
  });

  it("17: joined 1 Jan 2022, voluntary exit wanted 1 Jul 2023 → not allowed (3-year minimum before 2025)", () => {
    const x = voluntaryExit({ joined: d("2022-01-01"), wantedExit: d("2023-07-01"), period: "quarter" });
    expect(x.allowed).toBe(false);
    expect(x.reasons[0].en).toContain("at least 3 years");
    expect(x.earliestAllowedExit).toBe(d("2025-01-01"));
  });

  it("18: EU-KOR 2026 with 2025 Union €60,000; NL €18,000, BE €24,000, AT €40,000 → Union €82,000; BE and AT possible; NL KOR fine", () => {
    const be = euEligibility({ rows: example18, year: 2026, country: "BE", previousUnionCents: eur(60_000) });
    const at = euEligibility({ rows: example18, year: 2026, country: "AT", previousUnionCents: eur(60_000) });
    expect(be).toMatchObject({ verdict: "eligible", unionCents: eur(82_000), stateCents: eur(24_000), thresholdCents: eur(25_000), previousUnionBasis: "given" });
    expect(at).toMatchObject({ verdict: "eligible", stateCents: eur(40_000), thresholdCents: eur(55_000) });
    expect(eligibility({ rows: example18, year: 2026, previousYearCents: 0 })).toMatchObject({ verdict: "eligible", countableCents: eur(18_000) });
  });

  it("19: as 18, then an AT sale on 10 Nov 2026 brings Union to €100,500 → EU-KOR ends 10 Nov 2026; notify within 15 working days; 2027 blocked", () => {
    const rows = [...example18, ...sheet(["2026-11-10", 18_500, "buitenland", { country: "AT" }])].map((r, i) => ({ ...r, row: i + 1 }));
    expect(findEuCrossing(rows, 2026)).toEqual({ row: 4, day: d("2026-11-10"), runningCents: eur(100_500), notifyBy: d("2026-12-01"), notifyWorkingDays: 15 });
    expect(euEligibility({ rows, year: 2026, country: "BE", previousUnionCents: eur(60_000) }).verdict).toBe("not-eligible");
    const next = euEligibility({ rows, year: 2027, country: "BE" });
    expect(next).toMatchObject({ verdict: "not-eligible", previousUnionCents: eur(100_500), previousUnionBasis: "data" });
    expect(eligibility({ rows, year: 2026, previousYearCents: 0 }).verdict).toBe("eligible"); // the domestic KOR is not affected
  });

  it("20: EU quarterly report Q1 2026 → due 30 Apr 2026", () => {
    expect(euQuarterDue(2026, 1)).toBe(d("2026-04-30"));
  });

  it("21: laptop in use since 2024, €1,000 VAT deducted, KOR from 1 Jan 2025 → yearly revision €200 < €500 → no revision", () => {
    const r = revision([{ vatCents: eur(1_000), firstUse: d("2024-03-01"), kind: "movable" }], d("2025-01-01"));
    expect(r).toMatchObject({ year: 2025, totalCents: 0, belowMinimum: true });
    expect(r.perGood[0]).toEqual({ index: 0, yearlyCents: eur(200), remainingYears: 4, estimate: false });
  });

  it("22: any 2019 date → not supported (pre-2020 scheme)", () => {
    const rows = sheet(["2019-06-01", 5_000]);
    const e = eligibility({ rows, year: 2019 });
    expect(e.verdict).toBe("unsupported");
    expect(e.reasons[0].en).toContain("the KOR exemption exists from 2020");
    const s = summarizeYear(rows, { today: d("2026-01-15") });
    expect(s).toMatchObject({ year: 2019, verdict: "unsupported", crossing: null });
    expect(s.reasons[0].nl).toContain("de KOR-vrijstelling bestaat vanaf 2020");
  });

  it("23: 2023 countable €25,000 (crossed 1 Oct 2023); 2024 €5,000 so far; today 1 Jun 2024; not in the KOR → 2024 eligible, next start 1 Jul 2024, registration by 2 Jun 2024", () => {
    const rows = sheet(["2023-03-01", 19_000], ["2023-10-01", 6_000], ["2024-02-01", 5_000]);
    const s = summarizeYear(rows, { today: d("2024-06-01"), year: 2024, participation: { status: "out" } });
    expect(s.verdict).toBe("eligible");
    expect(s.deadlines).toMatchObject({
      participation: "out", participating: false, nextStart: d("2024-07-01"), registrationDeadline: d("2024-06-02"),
      nextStartReason: null, reentryAfterCrossing: null, ifInKor: null,
    });
    // Unknown (the default): the same dates, and beside them the participant's outcome (the 2023 crossing ended
    // participation: three years' exclusion under the 2020–2024 rules → 1 Oct 2026), never instead of them.
    const unknown = summarizeYear(rows, { today: d("2024-06-01"), year: 2024 });
    expect(unknown.deadlines).toMatchObject({ participation: "unknown", nextStart: d("2024-07-01"), registrationDeadline: d("2024-06-02") });
    expect(unknown.deadlines.ifInKor).toMatchObject({ start: d("2026-10-01"), deadline: d("2026-09-02"), endedOn: d("2023-10-01") });
    // In the KOR since 2022: the crossing ended participation on 1 Oct 2023.
    const inKor = summarizeYear(rows, { today: d("2024-06-01"), year: 2024, participation: { status: "in", since: d("2022-01-01") } });
    expect(inKor.deadlines).toMatchObject({ participation: "in", participating: false, participationEnded: d("2023-10-01"), nextStart: d("2026-10-01"), registrationDeadline: d("2026-09-02") });
  });

  it("24: EU-KOR, BE turnover €30,000 in 2025 and €10,000 in 2026 → not exempt in BE in 2026 (previous year over BE's €25,000)", () => {
    const rows = sheet(["2025-05-01", 30_000, "buitenland", { country: "BE" }], ["2026-02-01", 10_000, "buitenland", { country: "BE" }]);
    const e = euEligibility({ rows, year: 2026, country: "BE" });
    expect(e).toMatchObject({ verdict: "not-eligible", stateCents: eur(10_000), previousStateCents: eur(30_000), previousThresholdCents: eur(25_000) });
    expect(e.reasons.map((r) => r.en)).toContain(
      "Turnover in BE 2025 €30,000.00 is more than €25,000.00: the exemption in BE cannot be used in 2026 (previous-year test, Directive art. 288a(1)).",
    );
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.eu?.states.find((x) => x.country === "BE")).toMatchObject({ cents: eur(10_000), previousCents: eur(30_000), withinThreshold: false });
  });

  it("25: EU-KOR, AT turnover €56,000 in 2026 (2025 under €55,000) → exempt in AT for 2026 within AT's 10% tolerance; AT blocked in 2027", () => {
    const rows = sheet(
      ["2025-05-01", 50_000, "buitenland", { country: "AT" }],
      ["2026-02-01", 56_000, "buitenland", { country: "AT" }],
      ["2027-02-01", 1_000, "buitenland", { country: "AT" }],
    );
    const y2026 = euEligibility({ rows, year: 2026, country: "AT" });
    expect(y2026).toMatchObject({ verdict: "eligible", tolerancePercent: 10, thresholdCents: eur(55_000) });
    expect(y2026.reasons.map((r) => r.en).join(" ")).toContain("but within the 10% tolerance AT allows (up to €60,500.00): the exemption in AT runs to the end of 2026. In 2027 AT is blocked");
    expect(euEligibility({ rows, year: 2027, country: "AT" })).toMatchObject({ verdict: "not-eligible", previousStateCents: eur(56_000) });
    // Over the tolerance: not exempt. A state without a verified tolerance gets none, and the reason says so.
    const over = sheet(["2026-02-01", 60_500.01, "buitenland", { country: "AT" }]);
    expect(euEligibility({ rows: over, year: 2026, country: "AT" }).verdict).toBe("not-eligible");
    const be = euEligibility({ rows: sheet(["2026-02-01", 25_500, "buitenland", { country: "BE" }]), year: 2026, country: "BE" });
    expect(be.verdict).toBe("not-eligible");
    expect(be.reasons.map((r) => r.en).join(" ")).toContain("Whether BE allows a tolerance that keeps the exemption to the end of the year was not checked; no tolerance was applied.");
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.eu?.states.find((x) => x.country === "AT")).toMatchObject({ withinThreshold: true, tolerancePercent: 10, previousCents: eur(50_000) });
  });

  it("26: ELIGIBLE for 2026 with a Dec-2025 row of €500 and previousYearTurnover 25,000 → FALSE (the given figure wins), naming both figures", () => {
    const rows = sheet(["2025-12-10", 500], ["2026-02-01", 5_000]);
    const e = eligibility({ rows, year: 2026, previousYearCents: eur(25_000) });
    expect(e).toMatchObject({ verdict: "not-eligible", previousYearBasis: "given", previousYearCents: eur(25_000) });
    expect(e.reasons.map((r) => r.en)).toContain("The given 2025 turnover of €25,000.00 was used; the rows of 2025 in the data add up to €500.00. Check which figure is right.");
  });

  it("27: car, €4,500 VAT, first used 2020, KOR from 1 Jul 2021 → revision 2021: 0 (€450 < €500); 2022: €900", () => {
    const car = { vatCents: eur(4_500), firstUse: d("2020-01-01"), kind: "movable" as const };
    expect(revision([car], d("2021-07-01"), 2021)).toMatchObject({ totalCents: 0, belowMinimum: true, proRataMonths: 6 });
    expect(revision([car], d("2021-07-01"), 2022)).toMatchObject({ totalCents: eur(900), belowMinimum: false });
  });
});
