/**
 * todayInNetherlands: the calendar day in the Netherlands at an instant, whatever the machine's time zone
 * (run under TZ=Pacific/Kiritimati, America/Los_Angeles, Europe/Amsterdam) and whatever text Intl's `format`
 * gives for a locale (implementation-defined locale data; it is never parsed).
 */
import { dayFromIso, isoFromDay, todayInNetherlands } from "../../src/rules/dates";

describe("todayInNetherlands", () => {
  it.each([
    ["00:30 on 1 Jan in NL is 23:30 UTC the day before", "2025-12-31T23:30:00Z", "2026-01-01"],
    ["23:59 on 31 Dec in NL", "2025-12-31T22:59:59Z", "2025-12-31"],
    ["00:30 CEST on 1 Aug is 22:30 UTC on 31 Jul", "2026-07-31T22:30:00Z", "2026-08-01"],
    ["23:30 CEST", "2026-07-31T21:30:00Z", "2026-07-31"],
    ["after the DST change in October, 00:30 CET", "2026-10-25T23:30:00Z", "2026-10-26"],
    ["leap day", "2028-02-28T23:00:00Z", "2028-02-29"],
    ["3 December, the registration deadline for 1 January, at 00:05 in NL", "2025-12-02T23:05:00Z", "2025-12-03"],
  ])("%s", (_, instant, day) => {
    expect(isoFromDay(todayInNetherlands(new Date(instant)))).toBe(day);
  });

  it("does not parse Intl's formatted text, whose form is locale data (e.g. '12/4/2025' for en-CA)", () => {
    const proto = Intl.DateTimeFormat.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, "format");
    Object.defineProperty(proto, "format", { configurable: true, get: () => () => "12/4/2025" });
    try {
      expect(todayInNetherlands(new Date("2025-12-03T23:30:00Z"))).toBe(dayFromIso("2025-12-04"));
    } finally {
      if (original !== undefined) Object.defineProperty(proto, "format", original);
    }
  });
});
