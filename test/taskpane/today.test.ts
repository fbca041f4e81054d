/**
 * The pane's "today" follows the calendar (src/taskpane/today.ts). The pane runs in a shared runtime that
 * lives as long as the workbook is open: a day read once at start-up would still be 3 December 2025 on
 * 4 December, and the year report would say "register by 3 December 2025 for 1 January 2026" a day too late
 * (right: 1 April 2026, by 3 March 2026).
 */
import { dayFromIso, type Day } from "../../src/rules/dates";
import { earliestStart, registrationDeadline } from "../../src/rules/periods";
import { TODAY_CHECK_MS, watchToday, type TodayClock } from "../../src/taskpane/today";

function fakeClock(start: Day): { clock: TodayClock; set: (d: Day) => void; tick: () => void; show: () => void; stopped: () => boolean } {
  let day = start;
  let timer: (() => void) | null = null;
  let shown: (() => void) | null = null;
  let everyMs = 0;
  const clock: TodayClock = {
    today: () => day,
    every: (ms, tick) => {
      everyMs = ms;
      timer = tick;
      return () => void (timer = null);
    },
    onShown: (tick) => {
      shown = tick;
      return () => void (shown = null);
    },
  };
  return {
    clock,
    set: (d) => void (day = d),
    tick: () => {
      expect(everyMs).toBe(TODAY_CHECK_MS);
      timer?.();
    },
    show: () => shown?.(),
    stopped: () => timer === null && shown === null,
  };
}

describe("watchToday", () => {
  const dec3 = dayFromIso("2025-12-03");
  const dec4 = dayFromIso("2025-12-04");

  it("reports the next day once the calendar moves on (a pane left open overnight)", () => {
    const f = fakeClock(dec3);
    const seen: Day[] = [];
    const stop = watchToday(dec3, (d) => seen.push(d), f.clock);
    f.tick();
    expect(seen).toEqual([]);
    f.set(dec4);
    f.tick();
    f.tick();
    expect(seen).toEqual([dec4]);
    stop();
    expect(f.stopped()).toBe(true);
  });

  it("reads the day again when the pane is shown again (timers run late after sleep)", () => {
    const f = fakeClock(dec3);
    const seen: Day[] = [];
    watchToday(dec3, (d) => seen.push(d), f.clock);
    f.set(dec4);
    f.show();
    expect(seen).toEqual([dec4]);
  });

  it("reports a change between reading the first day and starting to watch", () => {
    const f = fakeClock(dec4);
    const seen: Day[] = [];
    watchToday(dec3, (d) => seen.push(d), f.clock);
    expect(seen).toEqual([dec4]);
  });

  it("keeps the day it has when the clock cannot be read", () => {
    const seen: Day[] = [];
    const clock: TodayClock = { today: () => { throw new RangeError("no clock"); }, every: () => () => undefined, onShown: () => () => undefined };
    expect(() => watchToday(dec3, (d) => seen.push(d), clock)).not.toThrow();
    expect(seen).toEqual([]);
  });

  it("the day it reports is the one deadlines must count from: 4 Dec 2025 → start 1 Apr 2026, not 1 Jan 2026", () => {
    expect(earliestStart(dec3, "quarter")).toBe(dayFromIso("2026-01-01"));
    expect(registrationDeadline(dayFromIso("2026-01-01"))).toBe(dec3);
    expect(earliestStart(dec4, "quarter")).toBe(dayFromIso("2026-04-01"));
    expect(registrationDeadline(dayFromIso("2026-04-01"))).toBe(dayFromIso("2026-03-03"));
  });
});
