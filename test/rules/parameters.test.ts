import { PARAMETERS, FIRST_KOR_YEAR, FIRST_EU_KOR_YEAR, NON_EUR_NATIONAL_THRESHOLDS, parameterOn, type ParameterId } from "../../src/rules/parameters";
import { dayFromIso } from "../../src/rules/dates";
import { d } from "./helpers";

describe("parameter table", () => {
  it.each<[ParameterId, string, number]>([
    ["kor-threshold", "2020-01-01", 2_000_000],
    ["kor-threshold", "2026-12-31", 2_000_000],
    ["previous-year-test", "2024-12-31", 0],
    ["previous-year-test", "2025-01-01", 1],
    ["minimum-participation-years", "2020-01-01", 3],
    ["minimum-participation-years", "2024-12-31", 3],
    ["minimum-participation-years", "2025-01-01", 0],
    ["exclusion-after-exit-years", "2024-12-31", 3],
    ["exclusion-after-exit-calendar-years", "2025-01-01", 1],
    ["registration-notice-days", "2026-01-01", 29],
    ["first-start-notice-days", "2020-01-01", 42],
    ["revision-minimum", "2025-01-01", 50_000],
    ["revision-period-movable-years", "2024-01-01", 5],
    ["revision-period-real-estate-years", "2024-01-01", 10],
    ["investment-minimum", "2025-01-01", 45_000],
    ["eu-union-threshold", "2025-01-01", 10_000_000],
    ["eu-distance-sales-threshold", "2021-07-01", 1_000_000],
    ["eu-state-cap", "2025-01-01", 8_500_000],
    ["eu-notify-working-days", "2025-01-01", 15],
    ["eu-national-threshold-AT", "2025-01-01", 5_500_000],
    ["eu-national-threshold-BE", "2025-01-01", 2_500_000],
    ["eu-national-threshold-HR", "2025-01-01", 6_000_000],
    ["eu-national-threshold-CY", "2025-01-01", 1_560_000],
    ["eu-national-threshold-EE", "2025-01-01", 4_000_000],
    ["eu-national-threshold-FI", "2025-01-01", 2_000_000],
    ["eu-national-threshold-DE", "2025-01-01", 10_000_000],
    ["eu-national-threshold-DE-previous", "2025-01-01", 2_500_000],
    ["eu-national-threshold-NL", "2025-01-01", 2_000_000],
  ])("%s on %s is %d", (id, iso, value) => {
    expect(parameterOn(id, d(iso))).toBe(value);
  });

  it.each<[ParameterId, string]>([
    ["kor-threshold", "2019-12-31"],
    ["eu-union-threshold", "2024-12-31"],
    ["eu-distance-sales-threshold", "2021-06-30"],
    ["exclusion-after-exit-years", "2025-01-01"],
    ["exclusion-after-exit-calendar-years", "2024-12-31"],
    ["first-start-notice-days", "2020-01-02"],
  ])("%s has no value on %s and says so", (id, iso) => {
    expect(() => parameterOn(id, d(iso))).toThrow(RangeError);
    expect(() => parameterOn(id, d(iso))).toThrow(new RegExp(`${id}.*${iso}`));
  });

  it("gives every row a https source, a unit, a valid from date, a note, and to ≥ from", () => {
    for (const p of PARAMETERS) {
      expect(p.source).toMatch(/^https:\/\/\S+$/);
      expect(["EUR-cents", "years", "days", "percent"]).toContain(p.unit);
      expect(p.note.length).toBeGreaterThan(10);
      expect(Number.isFinite(p.value)).toBe(true);
      const from = dayFromIso(p.from);
      if (p.to !== null) expect(dayFromIso(p.to)).toBeGreaterThanOrEqual(from);
    }
  });

  it("never has two rows of one parameter in force on the same day", () => {
    const byId = new Map<string, { from: number; to: number }[]>();
    for (const p of PARAMETERS) {
      const list = byId.get(p.id) ?? [];
      const range = { from: dayFromIso(p.from), to: p.to === null ? Infinity : dayFromIso(p.to) };
      for (const other of list) expect(range.to < other.from || other.to < range.from).toBe(true);
      list.push(range);
      byId.set(p.id, list);
    }
  });

  it("derives the first KOR year (2020) and the first EU-KOR year (2025) from the table", () => {
    expect(FIRST_KOR_YEAR).toBe(2020);
    expect(FIRST_EU_KOR_YEAR).toBe(2025);
  });

  it("keeps the non-EUR national thresholds (CZ, DK) and France's two thresholds out of the EUR table, with a source", () => {
    expect(NON_EUR_NATIONAL_THRESHOLDS.map((t) => t.country).sort()).toEqual(["CZ", "DK", "FR"]);
    for (const t of NON_EUR_NATIONAL_THRESHOLDS) expect(t.source).toMatch(/^https:\/\//);
    expect(PARAMETERS.some((p) => p.id.endsWith("-CZ") || p.id.endsWith("-DK") || p.id.endsWith("-FR"))).toBe(false);
  });

  it("holds Austria's verified 10% in-year tolerance from 2025 and no tolerance for any other state (kor-rules.md section 7, worked example 25)", () => {
    expect(parameterOn("eu-national-tolerance-AT", d("2026-01-01"))).toBe(10);
    const row = PARAMETERS.find((p) => p.id === "eu-national-tolerance-AT");
    expect(row).toMatchObject({ unit: "percent", from: "2025-01-01", to: null });
    expect(row?.source).toMatch(/^https:\/\/www\.ris\.bka\.gv\.at\//);
    expect(PARAMETERS.filter((p) => p.id.startsWith("eu-national-tolerance-")).map((p) => p.id)).toEqual(["eu-national-tolerance-AT"]);
  });
});
