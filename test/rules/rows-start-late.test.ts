/**
 * Rows that start late in a year read for the answer: an export from 1 December of last year, or from May of this
 * one, cannot be told from rows that really start then, so the report says it where it can change the answer.
 * Worked out by hand: limit €20,000 (kor-rules.md section 2); 2026 is tested on 2025 too (section 4).
 */
import { summarizeYear, summarizeColumns } from "../../src/rules/summary";
import { d, eur, sheet } from "./helpers";
import { RowColumns } from "../../src/bulk/rowColumns";
import { yearOf } from "../../src/rules/dates";
import type { InvoiceRow } from "../../src/rules/types";

const codes = (rows: readonly { code: string }[]): string[] => rows.map((p) => p.code);
const today = d("2026-11-15");

describe("rows that start late in a year", () => {
  it("warns when last year's rows start on 1 December and its small figure makes this year eligible", () => {
    // An export from 1 December 2025: 2025 adds up to €1,200.00, so 2025 passes; the rest of 2025 is not in the file.
    const rows = sheet(["2025-12-01", 700], ["2025-12-15", 500], ["2026-01-05", 4_000], ["2026-06-01", 3_000]);
    const s = summarizeYear(rows, { today, year: 2026 });
    expect(s.verdict).toBe("eligible");
    const w = s.problems.find((p) => p.code === "previous-year-starts-late");
    expect(w).toMatchObject({ severity: "warning", row: null });
    expect(w?.message.nl).toBe(
      "De rijen van 2025 beginnen pas op 1 december 2025: de omzet van 2025 (€ 1.200,00, uit de gegevens) telt alleen de rijen vanaf die dag. Bevat het bestand niet heel 2025 (een export vanaf een latere datum), geef dan de omzet van 2025 op; is uw onderneming pas rond die dag begonnen, dan klopt het bedrag: geef het dan ook op als omzet van 2025, zodat deze melding vervalt.",
    );
    expect(w?.message.en).toContain("The rows of 2025 only start on 1 December 2025: the 2025 turnover (€1,200.00, from the data)");
  });

  it("says nothing when last year has a row in its first quarter, even a single one on 31 March", () => {
    const rows = sheet(["2025-03-31", 700], ["2025-12-15", 500], ["2026-01-05", 4_000]);
    expect(codes(summarizeYear(rows, { today, year: 2026 }).problems)).not.toContain("previous-year-starts-late");
    // 1 April is the first day that is late.
    const late = sheet(["2025-04-01", 700], ["2025-12-15", 500], ["2026-01-05", 4_000]);
    expect(codes(summarizeYear(late, { today, year: 2026 }).problems)).toContain("previous-year-starts-late");
  });

  it("says nothing of last year when its figure already fails, is given, or is not read", () => {
    // Over the limit from October on: more rows could only add to it (not eligible either way).
    const over = sheet(["2025-10-01", 21_000], ["2026-01-05", 4_000]);
    expect(codes(summarizeYear(over, { today, year: 2026 }).problems)).not.toContain("previous-year-starts-late");
    // A typed figure wins over the rows (section 4).
    const rows = sheet(["2025-12-01", 700], ["2026-01-05", 4_000]);
    expect(codes(summarizeYear(rows, { today, year: 2026, previousYearCents: eur(9_000) }).problems)).not.toContain("previous-year-starts-late");
    // A start-up confirms its first year by giving the same figure: no warning left, and no "differs" either.
    const confirmed = summarizeYear(rows, { today, year: 2026, previousYearCents: eur(700) });
    expect(codes(confirmed.problems)).not.toContain("previous-year-starts-late");
    expect(codes(confirmed.problems)).not.toContain("previous-year-differs");
    expect(confirmed.previousYearRowsFrom).toBeNull();
    // 2024 is tested on its own turnover only (the previous-year test applies from 2025).
    const before = sheet(["2023-12-01", 700], ["2024-01-05", 4_000]);
    expect(codes(summarizeYear(before, { today, year: 2024 }).problems)).not.toContain("previous-year-starts-late");
  });

  it("warns when this year's rows start in May while last year has rows: a crossing may be earlier or hidden", () => {
    const rows = sheet(["2025-01-10", 8_000], ["2025-11-10", 8_000], ["2026-05-04", 9_000], ["2026-09-01", 9_000]);
    const s = summarizeYear(rows, { today, year: 2026 });
    expect(s.verdict).toBe("eligible");
    const w = s.problems.find((p) => p.code === "year-starts-late");
    expect(w?.message.en).toBe(
      "The rows of 2026 only start on 4 May 2026, while there are rows of 2025 too. If invoices from before that day are missing (an export from a later date), the 2026 turnover is too low and the turnover limit may have been crossed earlier. Check that the file holds the whole of 2026.",
    );
    expect(w?.message.nl).toContain("De rijen van 2026 beginnen pas op 4 mei 2026, terwijl er ook rijen van 2025 zijn.");
  });

  it("says nothing of a start-up's first year (no rows of the year before: worked example 14)", () => {
    const rows = sheet(["2026-09-01", 4_000], ["2026-11-01", 4_000]);
    const s = summarizeYear(rows, { today, year: 2026 });
    expect(s.verdict).toBe("eligible");
    expect(codes(s.problems)).not.toContain("year-starts-late");
    expect(codes(s.problems)).not.toContain("previous-year-starts-late");
  });

  it("says nothing when the source states what its rows cover (an auditfile's header periods)", () => {
    const rows = sheet(["2025-12-01", 700], ["2026-05-04", 4_000]);
    const warned = codes(summarizeYear(rows, { today, year: 2026 }).problems);
    expect(warned).toEqual(expect.arrayContaining(["previous-year-starts-late", "year-starts-late"]));
    const known = codes(summarizeYear(rows, { today, year: 2026, rowsSpanKnown: true }).problems);
    expect(known).not.toContain("previous-year-starts-late");
    expect(known).not.toContain("year-starts-late");
  });

  it("gives the same warnings from a big sheet's columns as from its rows, whatever the sheet order", () => {
    // Sorted by customer: the earliest 2025 row is not the first 2025 row in the sheet.
    const rows: InvoiceRow[] = sheet(["2026-05-04", 4_000], ["2025-12-20", 500], ["2025-12-01", 700], ["2026-06-01", 1_000]);
    const byYear = new Map<number, RowColumns>();
    for (const r of rows) {
      let c = byYear.get(yearOf(r.day));
      if (c === undefined) byYear.set(yearOf(r.day), (c = new RowColumns()));
      c.push(r);
    }
    const fromColumns = summarizeColumns({ years: [...byYear.keys()].sort((a, b) => a - b), of: (y) => byYear.get(y) ?? null }, { today, year: 2026 });
    const fromRows = summarizeYear(rows, { today, year: 2026 });
    expect(fromColumns.problems.map((p) => p.message.en)).toEqual(fromRows.problems.map((p) => p.message.en));
    expect(fromRows.problems.find((p) => p.code === "previous-year-starts-late")?.message.en).toContain("only start on 1 December 2025");
    expect(fromRows.problems.find((p) => p.code === "year-starts-late")?.message.en).toContain("only start on 4 May 2026");
  });
});

describe("rows that start late: the same on every surface", () => {
  it("says nothing of 2024's late start, whose answer reads no 2023 rows (kor-check keeps none of them)", () => {
    const rows = sheet(["2023-01-10", 700], ["2023-12-15", 500], ["2024-05-05", 4_000]);
    expect(codes(summarizeYear(rows, { today, year: 2024 }).problems)).not.toContain("year-starts-late");
  });
});

describe("rows that start late: last year's Union turnover (EU-KOR)", () => {
  // 2025 from 1 December only: NL €25,000 (over the KOR limit: no KOR note) and BE €5,000; Union 2025 €30,000 of €100,000.
  const rows = sheet(["2025-12-01", 25_000, "21", { country: "NL" }], ["2025-12-05", 5_000, "buitenland", { country: "BE" }], ["2026-02-01", 3_000, "buitenland", { country: "BE" }]);

  it("says beside last year's Union figure that its rows start on 1 December, where the KOR's own figure is already over its limit", () => {
    const s = summarizeYear(rows, { today, year: 2026 });
    expect(s.previousYearRowsFrom).toBeNull();
    expect(s.eu).toMatchObject({ previousUnionCents: eur(30_000), previousUnionBasis: "data", previousUnionRowsFrom: d("2025-12-01") });
  });

  it("says nothing when the figure is given, over the Union limit, or the source states what it covers", () => {
    expect(summarizeYear(rows, { today, year: 2026, previousUnionCents: eur(30_000) }).eu?.previousUnionRowsFrom).toBeNull();
    const over = sheet(["2025-12-01", 101_000, "21", { country: "NL" }], ["2026-02-01", 3_000, "buitenland", { country: "BE" }]);
    expect(summarizeYear(over, { today, year: 2026 }).eu?.previousUnionRowsFrom).toBeNull();
    expect(summarizeYear(rows, { today, year: 2026, rowsSpanKnown: true }).eu?.previousUnionRowsFrom).toBeNull();
  });
});
