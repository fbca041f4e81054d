/** The next start the data allow: the calendar's next filing period, pushed later by crossings and (2025+) the previous year. */
import { nextPossibleStart } from "../../src/rules/next-start";
import { summarizeYear } from "../../src/rules/summary";
import { reentryAfterCrossing } from "../../src/rules/participation";
import { d, eur, sheet } from "./helpers";

describe("nextPossibleStart", () => {
  it("is the calendar's next start when the data allow it (2026 within the limit → 1 January 2027)", () => {
    const rows = sheet(["2025-05-01", 12_000], ["2026-05-01", 15_000]);
    expect(nextPossibleStart({ rows, today: d("2026-11-27"), period: "quarter" })).toEqual({ start: d("2027-01-01"), reason: null, endedOn: null, endedIn: null, couldNotStart: null });
  });

  it("skips the year after a crossing: crossed 18 Nov 2026, asked on 27 Nov 2026 → 1 January 2028, not 2027", () => {
    const rows = sheet(["2026-01-10", 19_000], ["2026-11-18", 2_000]);
    const next = nextPossibleStart({ rows, today: d("2026-11-27"), period: "quarter" });
    expect(next.start).toBe(d("2028-01-01"));
    expect(next.reason?.en).toContain("18 November 2026");
  });

  it("worked example 11: crossed in 2025, 2026 at €15,000 → earliest start 1 January 2027 (asked in 2026)", () => {
    const rows = sheet(["2025-05-01", 18_000], ["2025-10-01", 3_000], ["2026-03-01", 15_000]);
    expect(nextPossibleStart({ rows, today: d("2026-04-15"), period: "quarter" }).start).toBe(d("2027-01-01"));
  });

  it("refuses a start in a year whose invoices already cross, even for a monthly filer", () => {
    const rows = sheet(["2025-03-01", 5_000], ["2026-02-01", 20_000.01]);
    expect(nextPossibleStart({ rows, today: d("2026-03-10"), period: "month" }).start).toBe(d("2028-01-01"));
  });

  it("uses a previous-year turnover given by the user: 2025 at €25,000 → no start in 2026", () => {
    const rows = sheet(["2026-02-01", 3_000]);
    const next = nextPossibleStart({ rows, today: d("2025-11-20"), period: "quarter", givenPrevious: { year: 2025, cents: eur(25_000) } });
    expect(next.start).toBe(d("2027-01-01"));
    expect(next.reason?.nl).toContain("Omzet die meetelt 2025: € 25.000,00");
  });

  it("applies the 3-year exclusion after a 2020–2024 crossing", () => {
    const rows = sheet(["2023-06-01", 20_500]);
    const expected = reentryAfterCrossing(d("2023-06-01"), "quarter").earliestReentry;
    const participant = nextPossibleStart({ rows, today: d("2024-01-15"), period: "quarter", participation: { status: "in", since: d("2022-01-01") } });
    expect(participant).toMatchObject({ start: expected, endedOn: d("2023-06-01") });
    expect(participant.reason?.en).toBe("Turnover went over the turnover limit on 1 June 2023, which ended your participation; the earliest new start is 1 July 2026.");
    expect(expected).toBeGreaterThan(d("2025-01-01"));
    // Section 5: for a business not in the KOR (and by default, status unknown) the crossing excludes
    // nothing by itself; before 2025 only the current year counts, so the next quarter.
    expect(nextPossibleStart({ rows, today: d("2024-01-15"), period: "quarter", participation: { status: "out" } })).toEqual({ start: d("2024-04-01"), reason: null, endedOn: null, endedIn: null, couldNotStart: null });
    expect(nextPossibleStart({ rows, today: d("2024-01-15"), period: "quarter" }).start).toBe(d("2024-04-01"));
  });

  it("looks back no further than 2020 for a participant: 2019 invoices over €20,000, asked in 2021, end nothing", () => {
    // The KOR began on 1 January 2020, so no participation can have ended in 2019. The 3-year look-back from
    // 2021 reaches the 2019 rows, which have no threshold to cross (this threw a RangeError). Only the 2021
    // crossing ends participation.
    const rows = sheet(["2019-03-01", 25_000], ["2021-02-01", 21_000]);
    const next = nextPossibleStart({ rows, today: d("2021-01-10"), period: "quarter", participation: { status: "in", since: d("2020-01-01") } });
    expect(next.endedOn).toBe(d("2021-02-01"));
    expect(next.start).toBe(reentryAfterCrossing(d("2021-02-01"), "quarter").earliestReentry);
    const quiet = sheet(["2019-03-01", 25_000], ["2021-02-01", 5_000]);
    expect(nextPossibleStart({ rows: quiet, today: d("2021-01-10"), period: "quarter", participation: { status: "in", since: d("2020-01-01") } })).toEqual({ start: d("2021-04-01"), reason: null, endedOn: null, endedIn: null, couldNotStart: null });
  });
});

describe("the year summary's deadlines", () => {
  it("give the data's next start with its deadline, while the next exit stays the calendar's", () => {
    const rows = sheet(["2025-06-01", 16_440], ["2026-01-10", 19_000], ["2026-11-18", 3_090]);
    const s = summarizeYear(rows, { today: d("2026-11-27"), year: 2025 });
    expect(s.verdict).toBe("eligible");
    expect(s.deadlines).toMatchObject({ nextStart: d("2028-01-01"), registrationDeadline: d("2027-12-03"), reentryAfterCrossing: null });
    expect(s.deadlines.nextStartReason?.en).toContain("over the turnover limit on 18 November 2026");
    expect(s.deadlines.nextExit).toEqual({ start: d("2027-01-01"), deadline: d("2026-12-03") });
  });
});
