/**
 * "Today" for the pane. The pane lives in a shared runtime with lifetime "long" (manifest.xml): it keeps
 * running as long as the workbook is open, which is often days. A day read once when the pane started would
 * make every deadline, "days left" and next possible start count from a day that has passed (opened on
 * 3 December 2025, read on 4 December: "register by 3 December for 1 January" instead of 1 April by 3 March).
 * So the day in the Netherlands is read again every minute and whenever the pane is shown again (a laptop
 * waking from sleep runs late timers late), and the views get the new day.
 */
import * as React from "react";
import { todayInNetherlands, type Day } from "../rules/dates";

/** How often the day is read again, in milliseconds. */
export const TODAY_CHECK_MS = 60_000;

/** What watchToday needs from its surroundings; the browser's by default, a fake one in tests. */
export interface TodayClock {
  /** Today as a calendar day in the Netherlands. */
  readonly today: () => Day;
  /** Calls `tick` every `ms` milliseconds; returns a function that stops it. */
  readonly every: (ms: number, tick: () => void) => () => void;
  /** Calls `tick` when the pane becomes visible again; returns a function that stops it. */
  readonly onShown: (tick: () => void) => () => void;
}

export function browserClock(): TodayClock {
  return {
    today: () => todayInNetherlands(),
    every: (ms, tick) => {
      const id = setInterval(tick, ms);
      return () => clearInterval(id);
    },
    onShown: (tick) => {
      if (typeof document === "undefined") return () => undefined;
      const listener = (): void => {
        if (document.visibilityState !== "hidden") tick();
      };
      document.addEventListener("visibilitychange", listener);
      window.addEventListener("focus", listener);
      return () => {
        document.removeEventListener("visibilitychange", listener);
        window.removeEventListener("focus", listener);
      };
    },
  };
}

/**
 * Calls `onChange` with the new day whenever the calendar day in the Netherlands is no longer `initial` (or
 * the day last reported). Returns a function that stops watching.
 */
export function watchToday(initial: Day, onChange: (day: Day) => void, clock: TodayClock = browserClock()): () => void {
  let current = initial;
  const check = (): void => {
    let day: Day;
    try {
      day = clock.today();
    } catch {
      return; // keep the day we have rather than break the pane
    }
    if (day !== current) {
      current = day;
      onChange(day);
    }
  };
  const stopTimer = clock.every(TODAY_CHECK_MS, check);
  const stopShown = clock.onShown(check);
  check(); // the day may have changed between reading `initial` and starting to watch
  return () => {
    stopTimer();
    stopShown();
  };
}

/** Today in the Netherlands for a view, starting from `initial` and following the calendar (watchToday). */
export function useToday(initial: Day, clock?: TodayClock): Day {
  const [today, setToday] = React.useState<Day>(initial);
  React.useEffect(() => watchToday(initial, setToday, clock), [initial, clock]);
  return today;
}
