/**
 * Deadlines, voluntary exit and re-entry (kor-rules.md section 6, with the exclusion that follows a crossing of
 * section 5) against oracles written from kor-rules.md alone. The oracles use only calendar-day helpers
 * (src/rules/dates.ts: a day number ⇄ year/month/day); every rule is written out again here, in the words of
 * the rules where possible:
 *
 *  - Deadline(start) = start − 29 days, no shift for weekends or holidays; 1 January 2020: 20 November 2019;
 *  - earliest start for a registration received on R: the first filing-period start P with P − 29 ≥ R,
 *    i.e. the first period start on or after R + 29 (and 1 January 2020 when R ≤ 20 November 2019);
 *  - voluntary exit: on the first period start on or after the wanted day, the same notice; from 2025 always,
 *    2020–2024 only once 3 years of participation have passed (the same day 3 years after the start);
 *  - exclusion after an exit: from 2025 to 31 December of the next calendar year; 2020–2024 three years from
 *    the exit day, the exit day itself being the first excluded day, so it ends the day before the same date
 *    three years later (exit 1 Jul 2023 → 30 Jun 2026). From 29 February the anniversary does not exist: the
 *    three years end with the last day of February (29 Feb 2024 → 28 Feb 2027), as EU Regulation 1182/71
 *    art. 3(2)(c) counts periods in years, and as a year from 29 Feb is counted everywhere else;
 *  - re-entry: the first period start after the exclusion (after a crossing in year Y also never before
 *    1 January Y+2, the previous-year test of section 4).
 *
 * Surfaces compared: the rules (periods.ts, participation.ts), KOR.DEADLINE and KOR.START in-process (plain
 * serials: no Office global), the decision view's dates (decision.ts `decisionDates`, its texts included) and
 * the year report's next exit (summary.ts `deadlines.nextExit`).
 *
 * The regime in force is that of the exit day (the first day outside the KOR), as parameters.ts keys it: an exit
 * as of 1 January 2025 is under the 2025 rules (excluded 2025 and 2026), though its notice was given in 2024.
 *
 * KOR_AGREEMENT_SEED / KOR_AGREEMENT_RUNS explore more (e.g. KOR_AGREEMENT_RUNS=20000).
 */
import fc from "fast-check";
import { dayFromYmd, excelSerialFromDay, isValidYmd, ymdFromDay, formatDay, type Day } from "../../src/rules/dates";
import { earliestStart, registrationDeadline } from "../../src/rules/periods";
import { reentryAfterCrossing, voluntaryExit } from "../../src/rules/participation";
import { decisionDates } from "../../src/rules/decision";
import { summarizeYear } from "../../src/rules/summary";
import type { FilingPeriod } from "../../src/rules/types";
import * as f from "../../src/functions/functions";

const SEED = Number(process.env.KOR_AGREEMENT_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_AGREEMENT_RUNS ?? 0);
const runs = (n: number) => ({ seed: SEED, numRuns: RUNS > 0 ? RUNS : n });

// ---------------------------------------------------------------- the oracle (kor-rules.md section 6)

const ymd = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d);
const FIRST = ymd(2020, 1, 1);
const NEW_RULES = ymd(2025, 1, 1);
const year = (d: Day) => ymdFromDay(d).year;

function isPeriodStart(d: Day, period: FilingPeriod): boolean {
  const { month, day } = ymdFromDay(d);
  if (day !== 1) return false;
  return period === "month" || (period === "quarter" ? [1, 4, 7, 10].includes(month) : month === 1);
}

/** The first filing-period start on or after `d`, counting day by day. */
function firstStartFrom(d: Day, period: FilingPeriod): Day {
  let x = d;
  while (!isPeriodStart(x, period)) x++;
  return x;
}

function oDeadline(start: Day): Day {
  return start === FIRST ? ymd(2019, 11, 20) : start - 29;
}

function oEarliestStart(received: Day, period: FilingPeriod): Day {
  if (received <= ymd(2019, 11, 20)) return FIRST;
  // Too late for 1 January 2020 (its deadline was 20 November 2019).
  return firstStartFrom(Math.max(received + 29, FIRST + 1), period);
}

/** The same date `n` years later, or 1 March when that is 29 February of a common year. */
function anniversary(d: Day, n: number): Day {
  const { year: y, month, day } = ymdFromDay(d);
  return isValidYmd(y + n, month, day) ? ymd(y + n, month, day) : ymd(y + n, 3, 1);
}

function oExcludedUntil(exitDay: Day): Day {
  return exitDay >= NEW_RULES ? ymd(year(exitDay) + 1, 12, 31) : anniversary(exitDay, 3) - 1;
}

function oExitAllowedOn(joined: Day, exit: Day): boolean {
  return exit > joined && (exit >= NEW_RULES || exit >= anniversary(joined, 3));
}

function oExit(joined: Day, wanted: Day, period: FilingPeriod) {
  const exitStart = firstStartFrom(Math.max(wanted, FIRST), period);
  let earliestAllowedExit = exitStart;
  while (!(earliestAllowedExit >= NEW_RULES || earliestAllowedExit >= anniversary(joined, 3))) earliestAllowedExit = firstStartFrom(earliestAllowedExit + 1, period);
  const excludedUntil = oExcludedUntil(exitStart);
  const earliestReentry = firstStartFrom(excludedUntil + 1, period);
  // A refused exit never happens: no exclusion or re-entry follows from it.
  const allowed = oExitAllowedOn(joined, exitStart);
  return {
    allowed,
    exitStart,
    noticeDeadline: oDeadline(exitStart),
    excludedUntil: allowed ? excludedUntil : null,
    earliestReentry: allowed ? earliestReentry : null,
    reentryDeadline: allowed ? oDeadline(earliestReentry) : null,
    earliestAllowedExit,
  };
}

/** The exit whose exclusion the words state: the requested one when allowed, else the earliest allowed one. */
function oShownExit(joined: Day, wanted: Day, period: FilingPeriod) {
  const want = oExit(joined, wanted, period);
  const shown = want.allowed ? want : oExit(joined, want.earliestAllowedExit, period);
  const { excludedUntil, earliestReentry, reentryDeadline } = shown;
  if (excludedUntil === null || earliestReentry === null || reentryDeadline === null) throw new Error("the earliest allowed exit is allowed");
  return { excludedUntil, earliestReentry, reentryDeadline };
}

function oReentryAfterCrossing(crossing: Day, period: FilingPeriod) {
  const excludedUntil = Math.max(oExcludedUntil(crossing), ymd(year(crossing) + 1, 12, 31));
  const earliestReentry = firstStartFrom(excludedUntil + 1, period);
  return { excludedUntil, earliestReentry, deadline: oDeadline(earliestReentry) };
}

// ---------------------------------------------------------------- generators

const PERIODS: FilingPeriod[] = ["quarter", "month", "year"];
const period = fc.constantFrom(...PERIODS);
/** Days the rules turn on: the special first deadline, leap days, the 2024/2025 change, deadline days. */
const SPECIAL = [
  [2019, 11, 20], [2019, 11, 21], [2019, 12, 3], [2020, 2, 29], [2020, 3, 3], [2020, 3, 4], [2021, 2, 28], [2022, 12, 2],
  [2023, 7, 1], [2024, 2, 29], [2024, 3, 1], [2024, 12, 2], [2024, 12, 3], [2024, 12, 4], [2024, 12, 31], [2025, 1, 1],
  [2025, 12, 2], [2025, 12, 3], [2025, 12, 4], [2026, 1, 31], [2026, 2, 1], [2027, 12, 3], [2028, 2, 29], [2028, 12, 31],
].map(([y, m, d]) => ymd(y, m, d));
const dayIn = (from: Day, to: Day) => fc.oneof({ weight: 3, arbitrary: fc.integer({ min: from, max: to }) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIAL.filter((d) => d >= from && d <= to)) });
/** A first day of a month 2020–2030 (participation starts on a period start; a 1st of a month at the least). */
const monthStart = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => ymd(y, m, 1));

const iso = (d: Day) => formatDay(d, "en");

// ---------------------------------------------------------------- the worked examples are in the generated space

describe("worked examples of sections 6 and 10 (the oracle, and the rules)", () => {
  it.each([
    ["2026-01-01", "quarter", [2025, 12, 3]],
    ["2026-04-01", "quarter", [2026, 3, 3]],
    ["2026-07-01", "quarter", [2026, 6, 2]],
    ["2026-10-01", "quarter", [2026, 9, 2]],
    ["2027-01-01", "quarter", [2026, 12, 3]],
    ["2026-03-01", "month", [2026, 1, 31]],
    ["2020-01-01", "quarter", [2019, 11, 20]],
    ["2020-04-01", "quarter", [2020, 3, 3]],
  ] as const)("deadline for a start on %s (%s filer)", (start, p, [y, m, d]) => {
    const [sy, sm, sd] = start.split("-").map(Number);
    const s = ymd(sy, sm, sd);
    expect(isPeriodStart(s, p)).toBe(true);
    expect(oDeadline(s)).toBe(ymd(y, m, d));
    expect(registrationDeadline(s)).toBe(ymd(y, m, d));
  });

  it("example 15: received 2 Dec 2025 → 1 Jan 2026; 4 Dec 2025 → 1 Apr 2026", () => {
    expect([oEarliestStart(ymd(2025, 12, 2), "quarter"), earliestStart(ymd(2025, 12, 2), "quarter")]).toEqual([ymd(2026, 1, 1), ymd(2026, 1, 1)]);
    expect([oEarliestStart(ymd(2025, 12, 4), "quarter"), earliestStart(ymd(2025, 12, 4), "quarter")]).toEqual([ymd(2026, 4, 1), ymd(2026, 4, 1)]);
  });

  it("example 16: in since 1 Jan 2026, out on 1 Jul 2026 → notice by 2 Jun 2026, excluded until 31 Dec 2027, re-entry 1 Jan 2028 (by 3 Dec 2027)", () => {
    const want = { allowed: true, exitStart: ymd(2026, 7, 1), noticeDeadline: ymd(2026, 6, 2), excludedUntil: ymd(2027, 12, 31), earliestReentry: ymd(2028, 1, 1), reentryDeadline: ymd(2027, 12, 3) };
    expect(oExit(ymd(2026, 1, 1), ymd(2026, 7, 1), "quarter")).toMatchObject(want);
    expect(voluntaryExit({ joined: ymd(2026, 1, 1), wantedExit: ymd(2026, 7, 1), period: "quarter" })).toMatchObject(want);
  });

  it("example 17: joined 1 Jan 2022, exit wanted 1 Jul 2023 → not allowed (3-year minimum before 2025)", () => {
    expect(oExit(ymd(2022, 1, 1), ymd(2023, 7, 1), "quarter").allowed).toBe(false);
    expect(voluntaryExit({ joined: ymd(2022, 1, 1), wantedExit: ymd(2023, 7, 1), period: "quarter" }).allowed).toBe(false);
  });

  it("example 11: crossed in 2025 → earliest start 1 Jan 2027, deadline 3 Dec 2026", () => {
    const want = { earliestReentry: ymd(2027, 1, 1), deadline: ymd(2026, 12, 3) };
    expect(oReentryAfterCrossing(ymd(2025, 9, 16), "quarter")).toMatchObject(want);
    expect(reentryAfterCrossing(ymd(2025, 9, 16), "quarter")).toMatchObject(want);
  });

  it("the generators reach every worked example's input", () => {
    // Starts: monthStart covers 2020–2030; received / crossing days: dayIn over 2019–2031 with the special days.
    for (const s of [ymd(2026, 1, 1), ymd(2026, 3, 1), ymd(2022, 1, 1), ymd(2027, 1, 1)]) expect(year(s) >= 2020 && year(s) <= 2030 && ymdFromDay(s).day === 1).toBe(true);
    for (const r of [ymd(2025, 12, 2), ymd(2025, 12, 4), ymd(2025, 9, 16), ymd(2023, 7, 1)]) expect(r >= ymd(2019, 1, 1) && r <= ymd(2031, 12, 31)).toBe(true);
  });
});

// ---------------------------------------------------------------- properties

describe("deadlines and earliest start (section 6)", () => {
  it("Deadline(start) = start − 29 days for every period start, whatever the weekday; KOR.DEADLINE of any day in the period before agrees", () => {
    fc.assert(
      fc.property(dayIn(ymd(2019, 10, 1), ymd(2031, 12, 31)), period, (wanted, p) => {
        const start = firstStartFrom(Math.max(wanted, FIRST), p);
        expect(registrationDeadline(start)).toBe(oDeadline(start));
        if (wanted >= ymd(2019, 12, 2)) expect(f.deadline(excelSerialFromDay(wanted), p)).toBe(excelSerialFromDay(oDeadline(firstStartFrom(wanted, p))));
      }),
      runs(400),
    );
  });

  it("earliest start for a registration received on R: the first period start P with P − 29 ≥ R (rules and KOR.START)", () => {
    fc.assert(
      fc.property(dayIn(ymd(2019, 1, 1), ymd(2031, 12, 31)), period, (received, p) => {
        const want = oEarliestStart(received, p);
        expect(earliestStart(received, p)).toBe(want);
        expect(f.start(excelSerialFromDay(received), p)).toBe(excelSerialFromDay(want));
        // In time for it, and too late for the period start before it.
        expect(oDeadline(want)).toBeGreaterThanOrEqual(received);
        if (want > FIRST) {
          let before = want - 1;
          while (!isPeriodStart(before, p)) before--;
          expect(oDeadline(before)).toBeLessThan(received);
        }
      }),
      runs(400),
    );
  });
});

describe("voluntary exit and exclusion (section 6)", () => {
  it("voluntaryExit: allowed, exit start, notice, exclusion, re-entry and the earliest allowed exit", () => {
    fc.assert(
      fc.property(monthStart, fc.integer({ min: -90, max: 8 * 366 }), period, (joined, after, p) => {
        const wanted = joined + after;
        const got = voluntaryExit({ joined, wantedExit: wanted, period: p });
        const want = oExit(joined, wanted, p);
        expect({ ...got, reasons: undefined }).toEqual({ ...want, reasons: undefined });
      }),
      runs(600),
    );
  });

  it("its words name the dates of the exit they speak of: a refused exit's re-entry is that of the earliest allowed exit", () => {
    fc.assert(
      fc.property(monthStart, fc.integer({ min: 1, max: 8 * 366 }), period, (joined, after, p) => {
        const wanted = joined + after;
        const want = oExit(joined, wanted, p);
        if (want.exitStart <= joined) return;
        const en = voluntaryExit({ joined, wantedExit: wanted, period: p }).reasons.map((r) => r.en).join(" ");
        const nl = voluntaryExit({ joined, wantedExit: wanted, period: p }).reasons.map((r) => r.nl).join(" ");
        const shown = oShownExit(joined, wanted, p);
        expect(en).toContain(`as of ${iso(want.exitStart)}`);
        expect(en).toContain(`cannot rejoin until ${iso(shown.excludedUntil)} has passed`);
        expect(en).toContain(`the earliest new start is ${iso(shown.earliestReentry)} (registration received by ${iso(shown.reentryDeadline)})`);
        expect(nl).toContain(`tot en met ${formatDay(shown.excludedUntil, "nl")} niet opnieuw deelnemen`);
        if (!want.allowed) {
          expect(en).toContain(`The earliest voluntary exit is ${iso(want.earliestAllowedExit)}.`);
          // The dates of the refused exit itself are not offered as what follows.
          const refusedUntil = oExcludedUntil(want.exitStart);
          if (shown.excludedUntil !== refusedUntil) expect(en).not.toContain(`until ${iso(refusedUntil)}`);
        }
      }),
      runs(400),
    );
  });

  it("re-entry after a crossing: 2025+ 1 January Y+2; 2020–2024 three years from the crossing day (leap days included)", () => {
    fc.assert(
      fc.property(dayIn(FIRST, ymd(2031, 12, 31)), period, (crossing, p) => {
        expect(reentryAfterCrossing(crossing, p)).toEqual(oReentryAfterCrossing(crossing, p));
      }),
      runs(600),
    );
  });

  it("three years from 29 February 2024 end on 28 February 2027", () => {
    expect(oReentryAfterCrossing(ymd(2024, 2, 29), "month")).toEqual({ excludedUntil: ymd(2027, 2, 28), earliestReentry: ymd(2027, 3, 1), deadline: ymd(2027, 1, 31) });
    expect(reentryAfterCrossing(ymd(2024, 2, 29), "month").excludedUntil).toBe(ymd(2027, 2, 28));
  });
});

describe("the decision view's dates and the year report's next exit", () => {
  it("decisionDates: joining starts at the calendar's earliest start; leaving follows voluntaryExit's oracle, words included", () => {
    fc.assert(
      fc.property(dayIn(ymd(2020, 1, 1), ymd(2031, 6, 30)), fc.option(monthStart, { nil: null }), period, (today, joinedOrNull, p) => {
        const join = decisionDates({ participant: false, today, period: p });
        const start = oEarliestStart(today, p);
        expect([join.start, join.deadline]).toEqual([start, oDeadline(start)]);
        expect(join.text[0].en).toBe(`Earliest start: ${iso(start)}. Your registration must reach the Belastingdienst by ${iso(oDeadline(start))}.`);

        const joined = joinedOrNull !== null && joinedOrNull < today ? joinedOrNull : null;
        const leave = decisionDates({ participant: true, today, period: p, joined });
        const want = oExit(joined ?? FIRST, start, p);
        expect({ start: leave.start, deadline: leave.deadline, allowed: leave.allowed, excludedUntil: leave.excludedUntil, earliestReentry: leave.earliestReentry }).toEqual({
          start: want.exitStart, deadline: want.noticeDeadline, allowed: want.allowed, excludedUntil: want.excludedUntil, earliestReentry: want.earliestReentry,
        });
        const text = leave.text.map((t) => t.en).join(" ");
        const shown = oShownExit(joined ?? FIRST, start, p);
        expect(text).toContain(iso(shown.excludedUntil));
        expect(text).toContain(iso(shown.earliestReentry));
      }),
      runs(300),
    );
  });

  it("the year report's next exit for a participant: the first allowed exit from the calendar's next period start", () => {
    fc.assert(
      fc.property(monthStart, fc.integer({ min: 0, max: 6 * 366 }), period, (since, later, p) => {
        const today = since + later;
        const s = summarizeYear([{ row: 1, day: today, cents: 100, category: null, country: null, vatCents: null }], {
          today,
          year: year(today),
          period: p,
          participation: { status: "in", since },
        });
        const exit = oExit(since, oEarliestStart(today, p), p).earliestAllowedExit;
        expect(s.deadlines.nextExit).toEqual({ start: exit, deadline: oDeadline(exit) });
      }),
      runs(200),
    );
  });
});

describe("the year report after a crossing (sections 5 and 6): next start by participation status", () => {
  it("in the KOR since before the crossing: re-entry after the exclusion; not in it: the first year that passes section 4; unknown: both", () => {
    fc.assert(
      fc.property(dayIn(ymd(2020, 1, 2), ymd(2029, 12, 31)), fc.integer({ min: 0, max: 4 * 366 }), fc.integer({ min: 1, max: 36 }), period, (crossing, later, monthsIn, p) => {
        const y = year(crossing);
        const today = crossing + later;
        const c = ymdFromDay(crossing);
        const index = c.year * 12 + c.month - 1 - monthsIn;
        const since = Math.max(FIRST, ymd(Math.floor(index / 12), (index % 12) + 1, 1));
        // €19,750 on 1 January (or the crossing day itself when that is 1 January), then €500 on the crossing day.
        const first = Math.min(ymd(y, 1, 1), crossing);
        const rows = [
          { row: 1, day: first, cents: 1_975_000, category: null, country: null, vatCents: null },
          { row: 2, day: crossing, cents: 50_000, category: null, country: null, vatCents: null },
        ];
        const calendar = oEarliestStart(today, p);
        // Not in the KOR: no start in the crossing year, nor (from 2025) in the year after it.
        let out = calendar;
        if (year(out) === y) out = ymd(y + 1, 1, 1);
        if (year(out) === y + 1 && y + 1 >= 2025) out = ymd(y + 2, 1, 1);
        const inKor = Math.max(calendar, oReentryAfterCrossing(crossing, p).earliestReentry);
        const summary = (participation: Parameters<typeof summarizeYear>[1]["participation"]) =>
          summarizeYear(rows, { today, year: y, period: p, participation }).deadlines;

        const asIn = summary({ status: "in", since });
        expect({ start: asIn.nextStart, deadline: asIn.registrationDeadline, ended: asIn.participationEnded }).toEqual({ start: inKor, deadline: oDeadline(inKor), ended: crossing });
        expect(asIn.reentryAfterCrossing).toEqual({ start: inKor, deadline: oDeadline(inKor) });
        const asOut = summary({ status: "out" });
        expect([asOut.nextStart, asOut.registrationDeadline, asOut.reentryAfterCrossing]).toEqual([out, oDeadline(out), null]);
        const unknown = summary(undefined);
        expect(unknown.nextStart).toBe(out);
        expect(unknown.ifInKor === null ? null : [unknown.ifInKor.start, unknown.ifInKor.deadline]).toEqual(inKor > out ? [inKor, oDeadline(inKor)] : null);
      }),
      runs(300),
    );
  });
});
