import { reentryAfterCrossing, voluntaryExit } from "../../src/rules/participation";
import { eligibility } from "../../src/rules/eligibility";
import { summarizeYear } from "../../src/rules/summary";
import type { Participation } from "../../src/rules/types";
import { d, sheet } from "./helpers";

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

  it("worked example 17: a refused exit states the exclusion after the earliest allowed exit, not after the refused one", () => {
    // Joined 1 Jan 2022, exit wanted 1 Jul 2023: refused; the earliest exit is 1 Jan 2025 (2025 rules: excluded 2025
    // and 2026). It used to say "After that you cannot rejoin until 30 June 2026", the refused exit's exclusion.
    const x = voluntaryExit({ joined: d("2022-01-01"), wantedExit: d("2023-07-01"), period: "quarter" });
    expect(x.allowed).toBe(false);
    expect(x.reasons.map((r) => r.en)).toEqual([
      "Exit as of 1 July 2023 is not possible: until the end of 2024 participation had to last at least 3 years (since 1 January 2022). The earliest voluntary exit is 1 January 2025. Crossing the threshold does end the KOR at once.",
      "After an exit as of 1 January 2025 you cannot rejoin until 31 December 2026 has passed; the earliest new start is 1 January 2027 (registration received by 3 December 2026).",
    ]);
    expect(x.reasons[1].nl).toBe(
      "Na afmelden per 1 januari 2025 kunt u tot en met 31 december 2026 niet opnieuw deelnemen; de vroegste nieuwe start is 1 januari 2027 (aanmelding uiterlijk op 3 december 2026 binnen).",
    );
    // As data too: the refused exit of 1 July 2023 has no exclusion (it was 30 June 2026, an exit that never happens).
    expect(x).toMatchObject({ exitStart: d("2023-07-01"), earliestAllowedExit: d("2025-01-01"), excludedUntil: null, earliestReentry: null, reentryDeadline: null });
    // Before 2024 the earliest exit is still under the three-year exclusion: joined 1 Jan 2020, wanted 1 Apr 2020.
    const early = voluntaryExit({ joined: d("2020-01-01"), wantedExit: d("2020-04-01"), period: "quarter" });
    expect(early.reasons[1].en).toBe(
      "After an exit as of 1 January 2023 you cannot rejoin until 31 December 2025 has passed; the earliest new start is 1 January 2026 (registration received by 3 December 2025).",
    );
  });

  it("gives no exclusion for an exit that is not after the start", () => {
    const x = voluntaryExit({ joined: d("2026-04-01"), wantedExit: d("2026-03-01"), period: "quarter" });
    expect(x.reasons.map((r) => r.en)).toEqual(["The requested exit date 1 April 2026 is not after participation started on 1 April 2026."]);
    expect(x).toMatchObject({ allowed: false, excludedUntil: null, earliestReentry: null, reentryDeadline: null });
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

  it("2020–2024: three years from 29 February end with 28 February (not the 27th)", () => {
    expect(reentryAfterCrossing(d("2024-02-29"), "month")).toEqual({ excludedUntil: d("2027-02-28"), earliestReentry: d("2027-03-01"), deadline: d("2027-01-31") });
    expect(reentryAfterCrossing(d("2020-02-29"), "quarter").excludedUntil).toBe(d("2023-02-28"));
    expect(reentryAfterCrossing(d("2024-03-01"), "quarter").excludedUntil).toBe(d("2027-02-28"));
  });

  it("2020–2024: three years from the crossing day, then the next period start", () => {
    expect(reentryAfterCrossing(d("2023-09-16"), "quarter")).toEqual({ excludedUntil: d("2026-09-15"), earliestReentry: d("2026-10-01"), deadline: d("2026-09-02") });
  });
});

describe("what a crossing means depends on participation (kor-rules.md section 5)", () => {
  const rows = sheet(["2026-03-01", 19_750], ["2026-09-16", 500]);
  const crossingText = (participation?: Participation): string =>
    eligibility({ rows, year: 2026, previousYearCents: 0, participation }).reasons.map((r) => r.en).join(" ");

  it("tells only a participant to deregister at once, with the crossing date as end date", () => {
    expect(crossingText({ status: "in", since: d("2025-01-01") })).toContain(
      "Your KOR participation ends that day: that supply and every later one are taxed; deregister at once, with 16 September 2026 as end date.",
    );
  });

  it("says it conditionally when the status is unknown (the default)", () => {
    const text = crossingText();
    expect(text).toContain("If your business is in the KOR, the KOR ends that day");
    expect(text).toContain("then deregister at once, with 16 September 2026 as end date.");
    expect(eligibility({ rows, year: 2026, previousYearCents: 0 }).reasons.map((r) => r.nl).join(" ")).toContain("Als uw onderneming in de KOR zit, eindigt de KOR op die dag");
  });

  it("does not tell a business outside the KOR to deregister", () => {
    const text = crossingText({ status: "out" });
    expect(text).toContain("Joining the KOR in 2026 is no longer possible from that day.");
    expect(text).not.toContain("deregister");
  });

  it("a participant since 2023 cannot leave voluntarily in 2024 (3-year minimum); the summary's next exit is 1 Jan 2025, when it ended", () => {
    const s = summarizeYear(sheet(["2024-02-01", 1_000]), { today: d("2024-02-01"), year: 2024, participation: { status: "in", since: d("2023-01-01") } });
    expect(s.deadlines).toMatchObject({ participating: true, participationEnded: null });
    expect(s.deadlines.nextExit).toEqual({ start: d("2025-01-01"), deadline: d("2024-12-03") });
    const unknown = summarizeYear(sheet(["2024-02-01", 1_000]), { today: d("2024-02-01"), year: 2024 });
    expect(unknown.deadlines.nextExit.start).toBe(d("2024-04-01"));
  });
});
