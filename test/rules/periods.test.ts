import { earliestStart, parsePeriod, periodStartOnOrAfter, periodsOfYear, registrationDeadline } from "../../src/rules/periods";
import { weekdayOf } from "../../src/rules/dates";
import { d } from "./helpers";

describe("parsePeriod", () => {
  it.each([
    ["quarter", "quarter"], ["Kwartaal", "quarter"], ["Q", "quarter"], [" q ", "quarter"],
    ["month", "month"], ["MAAND", "month"], ["year", "year"], ["Jaar", "year"],
  ])("reads %j as %s", (raw, period) => expect(parsePeriod(raw)).toBe(period));
  it.each(["", "week", "halfjaar"])("rejects %j", (raw) => expect(parsePeriod(raw)).toBeNull());
});

describe("registrationDeadline (start − 29 days, no weekend shift)", () => {
  it.each([
    ["2026-01-01", "2025-12-03", 3 /* Wed */],
    ["2026-04-01", "2026-03-03", 2 /* Tue */],
    ["2026-07-01", "2026-06-02", 2 /* Tue */],
    ["2026-10-01", "2026-09-02", 3 /* Wed */],
    ["2027-01-01", "2026-12-03", 4 /* Thu */],
    ["2026-03-01", "2026-01-31", 6 /* Sat: not moved */],
    ["2020-04-01", "2020-03-03", 2],
  ])("start %s → received by %s", (start, deadline, weekday) => {
    expect(registrationDeadline(d(start))).toBe(d(deadline));
    expect(weekdayOf(d(deadline))).toBe(weekday);
  });

  it("crosses 29 February in a leap year: 1 Mar 2028 → 1 Feb 2028 (1 Mar 2026 → 31 Jan 2026)", () => {
    expect(registrationDeadline(d("2028-03-01"))).toBe(d("2028-02-01"));
    expect(registrationDeadline(d("2028-03-30"))).toBe(d("2028-03-01"));
  });

  it("uses 20 November 2019 for the very first start on 1 January 2020", () => {
    expect(registrationDeadline(d("2020-01-01"))).toBe(d("2019-11-20"));
  });

  it("refuses a start before 2020", () => {
    expect(() => registrationDeadline(d("2019-10-01"))).toThrow(RangeError);
  });
});

describe("earliestStart", () => {
  it("is the next quarter when received on the deadline itself, the one after when a day late", () => {
    expect(earliestStart(d("2026-03-03"), "quarter")).toBe(d("2026-04-01"));
    expect(earliestStart(d("2026-03-04"), "quarter")).toBe(d("2026-07-01"));
  });

  it("works for monthly and yearly filers", () => {
    expect(earliestStart(d("2026-01-31"), "month")).toBe(d("2026-03-01"));
    expect(earliestStart(d("2026-02-01"), "month")).toBe(d("2026-04-01"));
    expect(earliestStart(d("2025-12-03"), "year")).toBe(d("2026-01-01"));
    expect(earliestStart(d("2025-12-04"), "year")).toBe(d("2027-01-01"));
  });

  it("is never retroactive, even on a period start", () => {
    expect(earliestStart(d("2026-04-01"), "quarter")).toBe(d("2026-07-01"));
  });

  it("handles the first start: received 20 Nov 2019 → 1 Jan 2020, 21 Nov 2019 → 1 Apr 2020", () => {
    expect(earliestStart(d("2019-11-20"), "quarter")).toBe(d("2020-01-01"));
    expect(earliestStart(d("2019-11-21"), "quarter")).toBe(d("2020-04-01"));
    expect(earliestStart(d("2019-01-01"), "month")).toBe(d("2020-01-01"));
  });
});

describe("periods", () => {
  it("starts a period on or after a day", () => {
    expect(periodStartOnOrAfter(d("2026-07-01"), "quarter")).toBe(d("2026-07-01"));
    expect(periodStartOnOrAfter(d("2026-07-02"), "quarter")).toBe(d("2026-10-01"));
    expect(periodStartOnOrAfter(d("2026-12-31"), "month")).toBe(d("2027-01-01"));
    expect(periodStartOnOrAfter(d("2026-01-02"), "year")).toBe(d("2027-01-01"));
  });

  it("lists the quarters, months and year of a leap year with labels", () => {
    const q = periodsOfYear(2028, "quarter");
    expect(q.map((p) => [p.index, p.start, p.end])).toEqual([
      [1, d("2028-01-01"), d("2028-03-31")],
      [2, d("2028-04-01"), d("2028-06-30")],
      [3, d("2028-07-01"), d("2028-09-30")],
      [4, d("2028-10-01"), d("2028-12-31")],
    ]);
    expect(q[0].label).toEqual({ nl: "K1 2028", en: "Q1 2028" });
    const m = periodsOfYear(2028, "month");
    expect(m).toHaveLength(12);
    expect(m[1].end).toBe(d("2028-02-29"));
    expect(m[1].label).toEqual({ nl: "februari 2028", en: "February 2028" });
    expect(periodsOfYear(2028, "year")).toEqual([{ index: 1, start: d("2028-01-01"), end: d("2028-12-31"), label: { nl: "2028", en: "2028" } }]);
  });
});
