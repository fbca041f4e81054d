import { summarizeYear, percentOfThreshold, problemsOfYear } from "../../src/rules/summary";
import type { InvoiceRow, Problem } from "../../src/rules/types";
import { d, eur, sheet } from "./helpers";

const today = d("2025-12-02");

describe("summarizeYear", () => {
  it("summarises worked example 8 for a quarterly filer: crossing in Q3, later quarters over, re-entry 1 Jan 2027", () => {
    const rows = sheet(["2024-03-01", 5_000], ["2025-02-01", 10_000], ["2025-09-15", 9_750], ["2025-09-16", 500], ["2025-11-01", 1_000, "vrij"]);
    const s = summarizeYear(rows, { today });
    expect(s).toMatchObject({
      year: 2025, period: "quarter", verdict: "not-eligible", thresholdCents: eur(20_000),
      countableCents: eur(20_250), notCountedCents: eur(1_000), headroomCents: 0, percentOfThreshold: 101.3,
      previousYearCents: eur(5_000), previousYearBasis: "data", uncategorisedRows: 3,
    });
    expect(s.crossing).toMatchObject({ row: 4, day: d("2025-09-16"), vatCents: eur(105) });
    expect(s.periods.map((p) => [p.index, p.countableCents, p.cumulativeCents, p.status])).toEqual([
      [1, eur(10_000), eur(10_000), "within"],
      [2, 0, eur(10_000), "within"],
      [3, eur(10_250), eur(20_250), "crossed-here"],
      [4, 0, eur(20_250), "over"],
    ]);
    expect(s.periods[0].percentOfThreshold).toBe(50);
    expect(s.deadlines.reentryAfterCrossing).toEqual({ start: d("2027-01-01"), deadline: d("2026-12-03") });
    expect(s.reasons.map((r) => r.nl).join(" ")).toContain("De omzetgrens is overschreden op 16 september 2025 (rij 4");
    expect(s.reasons.map((r) => r.en).join(" ")).toContain("3 rows without a category were counted as turnover.");
    expect(s.eu).toBeNull();
    expect(s.conditions[0].en).toContain("central administration in the Netherlands");
  });

  it("leaves no room to the limit in a crossed year that credit notes bring back under €20,000 (section 5: the crossing stands)", () => {
    // €19,000 + €1,500 crosses on 10 May; a credit note of €1,500 brings the total to €19,000: was "room €1,000".
    const s = summarizeYear(sheet(["2025-02-01", 19_000], ["2025-05-10", 1_500], ["2025-05-20", -1_500]), { today, previousYearCents: 0 });
    expect(s.crossing).toMatchObject({ day: d("2025-05-10") });
    expect(s.countableCents).toBe(eur(19_000));
    expect(s.headroomCents).toBe(0);
    expect(summarizeYear(sheet(["2025-02-01", 19_000]), { today, previousYearCents: 0 }).headroomCents).toBe(eur(1_000));
  });

  it("computes deadlines from today: 2 Dec 2025 → start 1 Jan 2026, 1 day left; 4 Dec 2025 → 1 Apr 2026", () => {
    expect(summarizeYear([], { today }).deadlines).toMatchObject({
      today, nextStart: d("2026-01-01"), registrationDeadline: d("2025-12-03"), daysLeft: 1,
      reentryAfterCrossing: null, nextExit: { start: d("2026-01-01"), deadline: d("2025-12-03") },
    });
    expect(summarizeYear([], { today: d("2025-12-04") }).deadlines).toMatchObject({ nextStart: d("2026-04-01"), daysLeft: 89 });
  });

  it("uses the year of today without rows, the latest year with rows, or the year asked", () => {
    expect(summarizeYear([], { today }).year).toBe(2025);
    const rows = sheet(["2023-01-01", 1], ["2024-12-31", 1]);
    expect(summarizeYear(rows, { today }).year).toBe(2024);
    expect(summarizeYear(rows, { today, year: 2023 }).year).toBe(2023);
  });

  it("honours a monthly filing period and a previous year given by the caller", () => {
    const s = summarizeYear(sheet(["2026-02-28", 100]), { today, period: "month", previousYearCents: eur(20_000.01) });
    expect(s.periods).toHaveLength(12);
    expect(s.periods[1].countableCents).toBe(eur(100));
    expect(s).toMatchObject({ verdict: "not-eligible", previousYearBasis: "given", previousYearCents: 2_000_001 });
  });

  it("warns for a row showing VAT while within the KOR, without ending participation; purchases with VAT are fine", () => {
    const rows = sheet(["2025-01-05", 1_000, "21", { vat: 210 }], ["2025-01-06", 500, "inkoop", { vat: 105 }], ["2025-01-07", 200, null, { vat: 0 }]);
    const passed: Problem = { row: 9, severity: "error", code: "unknown-category", column: "category", value: "x", message: { nl: "x", en: "x" } };
    const s = summarizeYear(rows, { today, previousYearCents: 0, problems: [passed] });
    expect(s.verdict).toBe("eligible");
    expect(s.problems[0]).toBe(passed);
    const warnings = s.problems.filter((p) => p.code === "vat-shown-in-kor");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ row: 1, severity: "warning", column: "vat" });
    expect(warnings[0].message.nl).toContain("Rij 1 vermeldt btw (€ 210,00)");
    expect(warnings[0].message.en).toContain("does not end your KOR participation");
  });

  it("does not warn about VAT when the year is over the threshold (VAT is due then)", () => {
    const rows = sheet(["2025-01-05", 25_000, "21", { vat: 5_250 }]);
    expect(summarizeYear(rows, { today, previousYearCents: 0 }).problems).toEqual([]);
  });

  it("warns about VAT shown before the crossing day (still in the KOR then), not on or after it", () => {
    const rows = sheet(
      ["2025-01-05", 15_000, "21", { vat: 3_150 }],
      ["2025-09-01", 10_000, "21", { vat: 2_100 }], // the crossing row: taxed, VAT correct
      ["2025-10-01", 1_000, "21", { vat: 210 }],
    );
    const s = summarizeYear(rows, { today, previousYearCents: 0 });
    expect(s.crossing?.row).toBe(2);
    expect(s.problems.filter((p) => p.code === "vat-shown-in-kor").map((p) => p.row)).toEqual([1]);
  });

  it("warns about VAT on rows of the crossing day above the crossing row in sheet order (still in the KOR then)", () => {
    const rows = sheet(
      ["2025-01-05", 15_000, "21"],
      ["2025-09-01", 2_000, "21", { vat: 420 }], // same day, before the crossing row: still within the KOR
      ["2025-09-01", 10_000, "21", { vat: 2_100 }], // the crossing row
      ["2025-09-01", 500, "21", { vat: 105 }], // same day, after the crossing row: taxed
    );
    const s = summarizeYear(rows, { today, previousYearCents: 0 });
    expect(s.crossing).toMatchObject({ row: 3, day: d("2025-09-01") });
    expect(s.problems.filter((p) => p.code === "vat-shown-in-kor").map((p) => p.row)).toEqual([2]);
  });

  it("does not warn about VAT when the previous year already keeps the business out of the KOR", () => {
    const rows = sheet(["2025-01-05", 15_000, "21", { vat: 3_150 }], ["2025-09-01", 10_000, "21", { vat: 2_100 }]);
    expect(summarizeYear(rows, { today, previousYearCents: eur(25_000) }).problems).toEqual([]);
  });

  it("gives one VAT warning for the whole sheet, with the count and the first rows", () => {
    const rows: InvoiceRow[] = Array.from({ length: 150 }, (_, i) => ({ row: i + 1, day: d("2025-03-01"), cents: 100, category: null, country: null, vatCents: 21 }));
    const ps = summarizeYear(rows, { today, previousYearCents: 0 }).problems;
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ row: 1, code: "vat-shown-in-kor", severity: "warning" });
    expect(ps[0].message.en).toBe(
      "150 invoices show VAT while turnover is within the KOR (rows 1, 2, 3, 4, 5 …). If the business is in the KOR, that VAT is owed; correct those invoices. It does not end your KOR participation.",
    );
  });

  it("warns when afstand-nl distance sales exceed €10,000 and shows the EU view when rows have a country", () => {
    const rows = sheet(["2026-02-01", 10_000.01, "afstand-nl"], ["2026-03-01", 2_000, "buitenland", { country: "BE" }], ["2026-04-01", 100, "21", { country: "US" }]);
    const s = summarizeYear(rows, { today, previousYearCents: 0 });
    expect(s.problems.map((p) => p.code)).toContain("distance-sales-over-limit");
    // The 21% row is a Dutch supply: Union turnover of NL whatever its country cell says.
    expect(s.eu).toMatchObject({ unionCents: eur(12_100.01), previousUnionCents: null, unionThresholdCents: eur(100_000), withinUnion: true, crossing: null, distanceSalesOverLimit: true });
    expect(s.eu?.states).toEqual([
      { country: "BE", cents: eur(2_000), thresholdCents: eur(25_000), withinThreshold: true, previousCents: null, previousThresholdCents: eur(25_000), tolerancePercent: null, statusText: null },
      { country: "NL", cents: eur(10_100.01), thresholdCents: eur(20_000), withinThreshold: true, previousCents: null, previousThresholdCents: eur(20_000), tolerancePercent: null, statusText: null },
    ]);
    expect(s.eu?.quarters[0].perState).toEqual([{ country: "BE", cents: eur(2_000) }, { country: "NL", cents: eur(10_000.01) }]);
    expect(s.conditions).toHaveLength(2);
    const exactly = summarizeYear(sheet(["2026-02-01", 10_000, "afstand-nl"]), { today, previousYearCents: 0 });
    // Only the row's date after today (2 December 2025) is said; nothing about distance sales.
    expect(exactly.problems.map((p) => p.code)).toEqual(["date-after-today"]);
  });

  it("answers 'unsupported' for 2019 instead of a silent result", () => {
    const s = summarizeYear(sheet(["2019-12-31", 25_000]), { today });
    expect(s).toMatchObject({ verdict: "unsupported", periods: [], crossing: null, countableCents: eur(25_000) });
  });

  it("summarises a full Excel column of 1,048,576 rows to the cent", () => {
    const n = 1_048_576;
    const jan1 = d("2025-01-01");
    const cats = [null, "21", "vrij", "kor"] as const;
    const rows: InvoiceRow[] = new Array(n);
    for (let i = 0; i < n; i++) {
      rows[i] = { row: i + 1, day: jan1 + Math.floor((i * 365) / n), cents: 1, category: cats[i & 3], country: i % 1000 === 0 ? "BE" : null, vatCents: null };
    }
    const s = summarizeYear(rows, { today });
    expect(s.countableCents).toBe((n / 4) * 3);
    expect(s.verdict).toBe("eligible");
    // Countable rows are Dutch supplies whatever their country cell: all Union turnover of NL.
    expect(s.eu?.states.map((x) => x.country)).toEqual(["NL"]);
  });
});

describe("summarizeYear: passed-in problems belong to a year", () => {
  const problem = (row: number, iso: string | null): Problem => ({
    row, severity: "error", code: "unknown-category", column: "category", value: "x",
    message: { nl: `Rij ${row}: onbekend`, en: `Row ${row}: unknown` }, day: iso === null ? null : d(iso),
  });
  const rows = sheet(["2025-03-01", 1_000]);
  const in2026 = problem(3, "2026-02-01");
  const undated = problem(4, null);
  const in2024 = problem(5, "2024-06-01");

  it("keeps a 2026 row's problem out of the 2025 summary, and in the 2026 one", () => {
    const s2025 = summarizeYear(rows, { today, year: 2025, problems: [in2026] });
    expect(s2025.problems).toEqual([]);
    const s2026 = summarizeYear(rows, { today, year: 2026, problems: [in2026] });
    expect(s2026.problems).toEqual([in2026]);
  });

  it("takes the latest year not after today's from the rows and the dated problems when no year is given", () => {
    const s = summarizeYear(rows, { today: d("2026-12-01"), problems: [in2026] });
    expect([s.year, s.problems]).toEqual([2026, [in2026]]);
    // On 2 December 2025 the 2026 problem is of a later year: it does not pick the year checked.
    expect(summarizeYear(rows, { today, problems: [in2026] }).year).toBe(2025);
  });

  it("keeps problems without a date in every year", () => {
    expect(summarizeYear(rows, { today, year: 2025, problems: [undated] }).problems).toEqual([undated]);
    expect(summarizeYear(rows, { today, year: 2026, problems: [undated, { ...undated, day: undefined }] }).problems).toHaveLength(2);
  });

  it("keeps the previous year's problems while the previous-year test takes its turnover from the rows", () => {
    // 2025 from 2024's rows: an unreadable 2024 row could change the verdict.
    expect(summarizeYear(sheet(["2024-01-01", 100], ["2025-03-01", 100]), { today, year: 2025, problems: [in2024] }).problems).toEqual([in2024]);
    // The previous year given by the user: 2024's rows do not matter.
    expect(summarizeYear(rows, { today, year: 2025, previousYearCents: 0, problems: [in2024] }).problems).toEqual([]);
    // Before 2025 there is no previous-year test.
    expect(problemsOfYear([in2024, in2026], 2025, "not-needed")).toEqual([]);
  });
});

describe("percentOfThreshold: the one-decimal figure never contradicts the verdict", () => {
  it("shows at most 99.9 below the threshold, 100.0 exactly at it and at least 100.1 above it", () => {
    expect(percentOfThreshold(eur(19_999.99), eur(20_000))).toBe(99.9);
    expect(percentOfThreshold(eur(20_000), eur(20_000))).toBe(100);
    expect(percentOfThreshold(eur(20_000.01), eur(20_000))).toBe(100.1);
    expect(percentOfThreshold(eur(19_500), eur(20_000))).toBe(97.5);
    expect(percentOfThreshold(eur(30_000), eur(20_000))).toBe(150);
    expect(percentOfThreshold(0, eur(20_000))).toBe(0);
    expect(percentOfThreshold(eur(1_000), 0)).toBe(0);
  });

  it("is the figure the summary and its period lines show", () => {
    const s = summarizeYear(sheet(["2025-02-01", 19_999.99]), { today, previousYearCents: 0 });
    expect(s.verdict).toBe("eligible");
    expect(s.percentOfThreshold).toBe(99.9);
    expect(s.periods[0].percentOfThreshold).toBe(99.9);
    const over = summarizeYear(sheet(["2025-02-01", 20_000.01]), { today, previousYearCents: 0 });
    expect(over.verdict).toBe("not-eligible");
    expect(over.percentOfThreshold).toBe(100.1);
    expect(over.periods[0].percentOfThreshold).toBe(100.1);
  });
});

describe("VAT shown on an invoice, by participation (kor-rules.md section 8: a warning while the business is in the KOR)", () => {
  // 1 Mar 2026 with €210 VAT, 1 Aug 2026 with €105 VAT; 2026 within the limit.
  const rows = sheet(["2026-03-01", 1_000, "21", { vat: 210 }], ["2026-08-01", 500, "21", { vat: 105 }]);
  const shown = (participation: Parameters<typeof summarizeYear>[1]["participation"]): (number | null)[] =>
    summarizeYear(rows, { today: d("2026-12-01"), year: 2026, previousYearCents: 0, participation })
      .problems.filter((p) => p.code === "vat-shown-in-kor")
      .flatMap((p): (number | null)[] => (p.rows !== undefined ? [...p.rows] : [p.row]));

  it("status unknown: every invoice of the year, conditionally (as before)", () => {
    expect(shown({ status: "unknown" })).toEqual([1, 2]);
  });

  it("in the KOR since 1 Jul 2026: only the invoice from the start on; before it, VAT on the invoice was right", () => {
    // Before, row 1 (1 March, before participation began) was named too: "correct the invoice", for a correct invoice.
    expect(shown({ status: "in", since: d("2026-07-01") })).toEqual([2]);
    expect(shown({ status: "in", since: d("2026-01-01") })).toEqual([1, 2]);
  });

  it("not in the KOR: no warning (VAT on its invoices is right); in the KOR only from a later year: none for 2026", () => {
    expect(shown({ status: "out" })).toEqual([]);
  });

  it("a participant whose participation an earlier crossing ended: no warning", () => {
    // Ended on 1 March 2024 (2020–2024 rules: excluded three years); 2025 and 2026 within the limit, so 2026 is eligible.
    const ended = sheet(["2024-03-01", 21_000], ["2025-03-01", 1_000], ["2026-03-01", 1_000, "21", { vat: 210 }]);
    const s = summarizeYear(ended, { today: d("2026-12-01"), year: 2026, participation: { status: "in", since: d("2022-01-01") } });
    expect(s).toMatchObject({ verdict: "eligible", deadlines: { participationEnded: d("2024-03-01"), participating: false } });
    expect(s.problems.filter((p) => p.code === "vat-shown-in-kor")).toEqual([]);
  });
});
