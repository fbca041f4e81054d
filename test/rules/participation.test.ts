import { reentryAfterCrossing, voluntaryExit } from "../../src/rules/participation";
import { d } from "./helpers";

describe("voluntaryExit", () => {
  it("takes effect on the next period start and needs 29 days' notice", () => {
    const x = voluntaryExit({ joined: d("2025-01-01"), wantedExit: d("2026-05-15"), period: "quarter" });
    expect(x).toMatchObject({ allowed: true, exitStart: d("2026-07-01"), noticeDeadline: d("2026-06-02") });
    expect(x.reasons[0].nl).toBe("Afmelden per 1 juli 2026 kan; de afmelding moet uiterlijk op 2 juni 2026 binnen zijn.");
  });

  it("excludes a 1 January exit for that year and the next", () => {
    const x = voluntaryExit({ joined: d("2025-01-01"), wantedExit: d("2026-01-01"), period: "quarter" });
    expect(x).toMatchObject({ excludedUntil: d("2027-12-31"), earliestReentry: d("2028-01-01"), reentryDeadline: d("2027-12-03") });
  });

  it("allows an exit after exactly 3 years before 2025, and not a quarter earlier", () => {
    expect(voluntaryExit({ joined: d("2020-07-01"), wantedExit: d("2023-07-01"), period: "quarter" }).allowed).toBe(true);
    const early = voluntaryExit({ joined: d("2020-07-01"), wantedExit: d("2023-04-01"), period: "quarter" });
    expect(early.allowed).toBe(false);
    expect(early.earliestAllowedExit).toBe(d("2023-07-01"));
  });

  it("excludes for three years from the exit before 2025", () => {
    const x = voluntaryExit({ joined: d("2020-01-01"), wantedExit: d("2023-01-01"), period: "quarter" });
    expect(x).toMatchObject({ allowed: true, excludedUntil: d("2025-12-31"), earliestReentry: d("2026-01-01"), reentryDeadline: d("2025-12-03") });
    const mid = voluntaryExit({ joined: d("2020-01-01"), wantedExit: d("2024-05-01"), period: "month" });
    expect(mid).toMatchObject({ exitStart: d("2024-05-01"), excludedUntil: d("2027-04-30"), earliestReentry: d("2027-05-01") });
  });

  it("drops the 3-year minimum for everyone from 2025: joined 2024, exit 2025 is allowed", () => {
    expect(voluntaryExit({ joined: d("2024-10-01"), wantedExit: d("2025-01-01"), period: "quarter" }).allowed).toBe(true);
  });

  it("refuses an exit on or before the start of participation", () => {
    expect(voluntaryExit({ joined: d("2026-04-01"), wantedExit: d("2026-03-01"), period: "quarter" }).allowed).toBe(false);
  });
});

describe("reentryAfterCrossing", () => {
  it("from 2025: no re-entry in the crossing year or the next; yearly and monthly filers alike", () => {
    expect(reentryAfterCrossing(d("2025-09-16"), "month")).toEqual({ excludedUntil: d("2026-12-31"), earliestReentry: d("2027-01-01"), deadline: d("2026-12-03") });
    expect(reentryAfterCrossing(d("2025-01-01"), "year").earliestReentry).toBe(d("2027-01-01"));
  });

  it("2020–2024: three years from the crossing day, then the next period start", () => {
    expect(reentryAfterCrossing(d("2023-09-16"), "quarter")).toEqual({ excludedUntil: d("2026-09-15"), earliestReentry: d("2026-10-01"), deadline: d("2026-09-02") });
  });
});
