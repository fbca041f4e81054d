/**
 * A second crossing after participation already ended (kor-rules.md section 5): in the KOR since S, the first
 * crossing on or after S ends participation on its date and the exclusion of section 6 runs from it; after it
 * the business is out, so a later crossing ends nothing (it only fails section 4 for its year and, from 2025,
 * the next). Before the fix the latest crossing won: a later year's crossing was taken as "the KOR ended that
 * day", with a later end date, a later exclusion and "deregister" advice for a business already out.
 */
import { nextPossibleStart } from "../../src/rules/next-start";
import { summarizeYear } from "../../src/rules/summary";
import { adviceOf } from "../../src/rules/advice";
import { eligibility } from "../../src/rules/eligibility";
import type { Participation } from "../../src/rules/types";
import { d, sheet } from "./helpers";

const crossingReason = (texts: readonly { nl: string; en: string }[]): { nl: string; en: string } | undefined =>
  texts.find((r) => r.en.startsWith("The turnover limit was crossed on"));

describe("in the KOR since S: the first crossing on or after S ends participation, a later one nothing", () => {
  // In the KOR since 2024. Crossed 16 Sep 2025 (participation ends); 2026 passes €20,000 on 20 Feb 2026.
  const rows = sheet(["2025-01-10", 19_750], ["2025-09-16", 500], ["2026-01-10", 19_000], ["2026-02-20", 2_000]);
  const participation: Participation = { status: "in", since: d("2024-01-01") };
  const today = d("2026-03-01");

  it("nextPossibleStart: ended on 16 Sep 2025, not 20 Feb 2026; the next start is 1 Jan 2028 because 2026 crossed (section 4)", () => {
    const next = nextPossibleStart({ rows, today, period: "quarter", participation });
    expect(next.endedOn).toBe(d("2025-09-16"));
    expect(next.start).toBe(d("2028-01-01"));
    expect(next.reason?.en).toBe(
      "Turnover of 2026 went over the turnover limit on 20 February 2026: joining in 2027 is not possible (from 2025 the previous year counts too).",
    );
  });

  it("the 2025 report: participation ended 16 Sep 2025; deregister at once with that end date", () => {
    const s = summarizeYear(rows, { today, year: 2025, participation });
    expect(s.deadlines.participationEnded).toBe(d("2025-09-16"));
    expect(s.deadlines.participating).toBe(false);
    const a = adviceOf(s);
    expect(a.action?.en).toBe("Deregister at once; end date 16 September 2025.");
    expect(a.action?.nl).toBe("Meld u direct af; beëindigingsdatum 16 september 2025.");
  });

  it("the 2026 report: the business is out since 16 Sep 2025; the 2026 crossing ends nothing; deregister with 16 Sep 2025 if not yet done", () => {
    const s = summarizeYear(rows, { today, year: 2026, participation });
    expect(s.crossing?.day).toBe(d("2026-02-20"));
    expect(s.deadlines.participationEnded).toBe(d("2025-09-16"));
    expect(s.deadlines.reentryAfterCrossing).toBeNull();
    const a = adviceOf(s);
    // The same words as the report of any other year of this participation (before: "afmelden is niet nodig" here,
    // "nog niet afgemeld? Meld u dan direct af" in the 2027 report).
    expect(a.action?.en).toBe(
      "Your KOR participation ended on 16 September 2025, when turnover went over the turnover limit: not deregistered yet? Deregister at once, with 16 September 2025 as end date. You can join on 1 January 2028 at the earliest; register by 3 December 2027.",
    );
    expect(a.action?.nl).toBe(
      "Uw KOR-deelname eindigde op 16 september 2025, toen de omzet over de omzetgrens ging: nog niet afgemeld? Meld u dan direct af, met 16 september 2025 als beëindigingsdatum. Meedoen kan op zijn vroegst vanaf 1 januari 2028; aanmelden uiterlijk 3 december 2027.",
    );
    expect(a.action?.nl).not.toContain("afmelden is niet nodig");
    expect(a.tone).toBe("bad");
    expect(a.due?.immediate).toBe(true);
    expect(a.way?.nl).toContain("Afmelden");
    expect(a.when?.en).toBe("today (participation ended on 16 September 2025)");
    const why = crossingReason(s.reasons);
    expect(why?.en).toContain(
      "Your KOR participation already ended on 16 September 2025, when turnover went over the turnover limit; this crossing ends nothing more (not deregistered yet? Deregister with 16 September 2025 as end date). Joining the KOR in 2026 is no longer possible from that day.",
    );
    expect(why?.en).not.toContain("deregister at once");
    expect(why?.nl).toContain("Uw KOR-deelname eindigde al op 16 september 2025");
  });

  it("eligibility() alone says the same for 2026, and still 'deregister with 16 Sep 2025' for 2025", () => {
    expect(crossingReason(eligibility({ rows, year: 2026, participation }).reasons)?.en).toContain("already ended on 16 September 2025");
    expect(crossingReason(eligibility({ rows, year: 2025, participation }).reasons)?.en).toContain(
      "deregister at once, with 16 September 2025 as end date",
    );
  });
});

describe("2020–2024 rules (3 years' exclusion): the first crossing's exclusion, not a later one's", () => {
  // In the KOR since 2020; crossed 1 Mar 2023 (ends; excluded to 28 Feb 2026); out of the KOR, 2024 crosses on
  // 1 Mar 2024 too; 2025 €10,000. Today 1 Feb 2026.
  const rows = sheet(["2023-01-10", 19_000], ["2023-03-01", 2_000], ["2024-01-10", 19_000], ["2024-03-01", 2_000], ["2025-05-01", 10_000]);

  it("ended 1 Mar 2023; 2026 passes section 4 (2025 €10,000) → next start 1 Apr 2026 (was 1 Apr 2027)", () => {
    const next = nextPossibleStart({ rows, today: d("2026-02-01"), period: "quarter", participation: { status: "in", since: d("2020-01-01") } });
    expect(next.endedOn).toBe(d("2023-03-01"));
    expect(next.start).toBe(d("2026-04-01"));
    const s = summarizeYear(rows, { today: d("2026-02-01"), year: 2025, participation: { status: "in", since: d("2022-01-01") } });
    expect(s.deadlines).toMatchObject({ nextStart: d("2026-04-01"), registrationDeadline: d("2026-03-03"), participationEnded: d("2023-03-01") });
  });

  it("finds the crossing that ended participation even when it is more than 3 years back", () => {
    // Ended 1 Feb 2021 (excluded to 31 Jan 2024); the 2024 crossing happened while out. Today 1 Jun 2026.
    const older = sheet(["2021-01-10", 19_000], ["2021-02-01", 2_000], ["2024-01-10", 19_000], ["2024-03-01", 2_000], ["2025-05-01", 10_000]);
    const next = nextPossibleStart({ rows: older, today: d("2026-06-01"), period: "quarter", participation: { status: "in", since: d("2020-01-01") } });
    expect(next.endedOn).toBe(d("2021-02-01"));
    expect(next.start).toBe(d("2026-07-01"));
  });

  it("status unknown: the 2024 crossing can have ended a participation (joined 1 Jan 2024 after the 2023 crossing, worked example 23), so 'if in the KOR' stays the cautious 1 Apr 2027", () => {
    const s = summarizeYear(rows, { today: d("2026-02-01"), year: 2025 });
    expect(s.deadlines.nextStart).toBe(d("2026-04-01"));
    expect(s.deadlines.ifInKor).toMatchObject({ start: d("2027-04-01"), deadline: d("2027-03-03"), endedOn: d("2024-03-01") });
    // The 2024 report keeps the conditional "deregister" for its own crossing.
    const y2024 = summarizeYear(rows, { today: d("2026-02-01"), year: 2024 });
    expect(adviceOf(y2024).action?.en).toBe(
      // Both outcomes, with the rules of the exit's year: 3 years' exclusion after a 2024 exit; not in the KOR, 2025 fails the
      // previous-year test (was only the first sentence).
      "In the KOR? Deregister at once; end date 1 March 2024. The KOR then ends that day: from the invoice of 1 March 2024 (row 4, €2,000.00; VAT €420.00) VAT is due on that supply and every later one; you can rejoin on 1 April 2027 at the earliest (after an exit in 2024 the business is excluded for 3 years from the end date); register by 3 March 2027. Not in the KOR: there is nothing to deregister; you can join on 1 April 2026 at the earliest (2025 is out: from 2025 the previous year's turnover must also be within the turnover limit); register by 3 March 2026.",
    );
  });
});

describe("status unknown, from 2025: no business is in the KOR in a year after one over the limit", () => {
  const rows = sheet(["2025-01-10", 19_750], ["2025-09-16", 500], ["2026-01-10", 19_000], ["2026-02-20", 2_000]);

  it("the 2026 crossing gets no 'deregister' text, conditional or not, beside '2026 fails the previous-year test'", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.deadlines.reentryAfterCrossing).toBeNull();
    expect(s.deadlines.ifInKor).toBeNull();
    const a = adviceOf(s);
    expect(a.action?.en).toBe(
      "The business cannot be in the KOR in 2026 (the previous year went over the turnover limit): no need to deregister. You can join on 1 January 2028 at the earliest; register by 3 December 2027.",
    );
    expect(a.action?.nl).toBe(
      "In 2026 kan de onderneming niet in de KOR zitten (het vorige jaar ging over de omzetgrens): afmelden is niet nodig. Meedoen kan op zijn vroegst vanaf 1 januari 2028; aanmelden uiterlijk 3 december 2027.",
    );
    const why = crossingReason(s.reasons);
    expect(why?.en).toContain("This crossing ends no participation: after a previous year over the turnover limit the business cannot be in the KOR in 2026");
    expect(why?.en).not.toContain("deregister at once");
  });

  it("the 2025 crossing keeps the conditional text", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2025 });
    expect(adviceOf(s).action?.en).toBe(
      // Later years of the data put both starts in 2028: no clause about the exclusion or 2026, which would seem to contradict it.
      "In the KOR? Deregister at once; end date 16 September 2025. The KOR then ends that day: from the invoice of 16 September 2025 (row 2, €500.00; VAT €105.00) VAT is due on that supply and every later one; you can rejoin on 1 January 2028 at the earliest; register by 3 December 2027. Not in the KOR: there is nothing to deregister; you can join on 1 January 2028 at the earliest; register by 3 December 2027.",
    );
  });
});

describe("the re-entry shown after a crossing is a real possible start: today and later years' data count (sections 5, 6)", () => {
  // Crossed 16 Sep 2025; 2026 under the limit so far. The earliest by law is 1 Jan 2027 (register by 3 Dec 2026).
  const rows = sheet(["2025-01-10", 19_750], ["2025-09-16", 500], ["2026-03-01", 8_000]);
  const inKor: Participation = { status: "in", since: d("2024-01-01") };

  it("opened on 10 Dec 2026, after the 3 Dec 2026 deadline: rejoin 1 Apr 2027 (register by 3 Mar 2027), the same as the next start; before: 1 Jan 2027 by 3 Dec 2026", () => {
    for (const participation of [inKor, { status: "unknown" } as const]) {
      const s = summarizeYear(rows, { today: d("2026-12-10"), year: 2025, participation });
      expect(s.deadlines.reentryAfterCrossing).toEqual({ start: d("2027-04-01"), deadline: d("2027-03-03") });
      expect(s.deadlines.nextStart).toBe(d("2027-04-01"));
    }
  });

  it("a later year that crosses too: rejoin 1 Jan 2028, not 1 Jan 2027 (2027 fails the previous-year test)", () => {
    const grows = sheet(["2025-01-10", 19_750], ["2025-09-16", 500], ["2026-01-10", 19_000], ["2026-02-20", 2_000]);
    for (const participation of [inKor, { status: "unknown" } as const]) {
      const s = summarizeYear(grows, { today: d("2026-03-01"), year: 2025, participation });
      expect(s.deadlines.reentryAfterCrossing).toEqual({ start: d("2028-01-01"), deadline: d("2027-12-03") });
    }
  });

  it("before the deadline and with nothing later in the way it is still the earliest by law (worked example 11)", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2025, participation: inKor });
    expect(s.deadlines.reentryAfterCrossing).toEqual({ start: d("2027-01-01"), deadline: d("2026-12-03") });
  });
});
