import { analyze, cumulativeOf, parseEurosInput, unitsOfFile, warningsOf, withPreviousYear } from "../../src/taskpane/model";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { sampleSource } from "../../src/taskpane/browser/files";
import { SAMPLE_HEADER, sampleInvoices, sampleValues } from "../../src/taskpane/browser/sample";
import { readTable } from "../../src/reading/headers";
import { summarizeYear } from "../../src/rules/summary";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { InvoiceSource } from "../../src/excel/source";
import { buildReport } from "../../src/excel/reportContent";

const TODAY = dayFromIso("2026-11-27");
const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

function source(values: unknown[][]): InvoiceSource {
  return { key: "k", name: "Blad1", origin: "sheet", tableName: null, values, rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false };
}

describe("analyze over the sample workbook", () => {
  const a = analyze(sampleSource(), {}, TODAY);
  const expected = (() => {
    const t = readTable(sampleValues());
    return summarizeYear(t.rows, { today: TODAY, year: 2026, problems: t.problems });
  })();

  it("defaults to the latest year and renders exactly the rules' summary", () => {
    expect(a.year).toBe(2026);
    expect(a.summary).toEqual(expected);
  });
  it("tells a story: close to the threshold, crossed in November 2026 on the last invoice", () => {
    expect(a.summary.crossing?.day).toBe(dayFromIso("2026-11-18"));
    expect(a.summary.crossing?.row).toBe(sampleInvoices().length + 1);
    // The FR row is an afstand-nl distance sale, still taxed in NL: Union turnover of NL, not of FR (kor-rules.md section 7).
    expect(a.summary.eu?.states.map((s) => s.country)).toEqual(expect.arrayContaining(["BE", "DE", "NL"]));
    expect(a.summary.eu?.states.map((s) => s.country)).not.toContain("FR");
    expect(a.summary.categories.some((c) => !c.counted)).toBe(true);
  });
  it("lists warnings with their rows: the ambiguous category and the rows without category", () => {
    const ambiguous = a.warnings.find((w) => w.message.en.includes("ambiguous"));
    expect(ambiguous?.severity).toBe("error");
    expect(ambiguous?.rows).toHaveLength(1);
    const uncategorised = a.warnings.find((w) => w.key === "uncategorised");
    expect(uncategorised?.rows).toHaveLength(a.summary.uncategorisedRows);
    expect(a.warnings[0].severity).toBe("error"); // errors first
  });
  it("names the column of the offending cells, so 'Toon rij' shows the cell, not only the row", () => {
    const category = SAMPLE_HEADER.indexOf("Categorie");
    expect(a.warnings.find((w) => w.message.en.includes("ambiguous"))?.column).toBe(category);
    expect(a.warnings.find((w) => w.key === "uncategorised")?.column).toBe(category);
    const y = analyze(sampleSource(), { year: 2025 }, TODAY);
    // The invoice that shows VAT: its VAT cell.
    expect(y.warnings.find((w) => w.message.en.includes("shows VAT"))?.column).toBe(SAMPLE_HEADER.indexOf("BTW"));
  });
  it("2025 (eligible) warns about the invoice that shows VAT, with its row", () => {
    const y = analyze(sampleSource(), { year: 2025 }, TODAY);
    expect(y.summary.verdict).toBe("eligible");
    const vat = y.warnings.find((w) => w.message.en.includes("shows VAT"));
    expect(vat?.rows).toHaveLength(1);
  });
  it("the chart's last point is the countable turnover", () => {
    expect(a.cumulative[a.cumulative.length - 1].cents).toBe(a.summary.countableCents);
  });
});

describe("analyze: choices", () => {
  const values = [
    ["Datum", "Bedrag excl. btw", "Netto gecorrigeerd", "Categorie"],
    [serial("2026-03-01"), 100, 150, "vrij"],
    [serial("2026-04-01"), 200, 250, "21%"],
  ];
  it("a chosen column replaces the detected one", () => {
    expect(analyze(source(values), {}, TODAY).summary.countableCents).toBe(20_000);
    expect(analyze(source(values), { columns: { amount: 2 } }, TODAY).summary.countableCents).toBe(25_000);
  });
  it("a role chosen as 'none' is not used (rows without category then count)", () => {
    expect(analyze(source(values), { columns: { category: null } }, TODAY).summary.countableCents).toBe(30_000);
  });
  it("asks for the previous year when the sheet holds one year, and uses the typed amount", () => {
    const a = analyze(source(values), {}, TODAY);
    expect(a.askPreviousYear).toBe(true);
    expect(a.summary.previousYearBasis).toBe("assumed-zero");
    const b = analyze(source(values), { previousYearCents: 2_100_000 }, TODAY);
    expect(b.summary.previousYearBasis).toBe("given");
    expect(b.summary.verdict).toBe("not-eligible");
  });
  it("offers the typed previous year also when the sheet has rows of that year: the typed figure wins and the warnings name both (kor-rules.md section 4, worked example 26)", () => {
    const withDec = [...values, [serial("2025-12-10"), 500, 500, "21"]];
    const a = analyze(source(withDec), {}, TODAY);
    expect(a).toMatchObject({ askPreviousYear: false, offerPreviousYear: true, previousYearRowsCents: 50_000 });
    expect(a.summary).toMatchObject({ previousYearBasis: "data", previousYearCents: 50_000, verdict: "eligible" });
    const b = analyze(source(withDec), { previousYearCents: 2_500_000 }, TODAY);
    expect(b.summary).toMatchObject({ previousYearBasis: "given", previousYearCents: 2_500_000, verdict: "not-eligible" });
    const texts = b.warnings.map((w) => w.message.en);
    expect(texts).toContain("The given 2025 turnover of €25,000.00 was used; the rows of 2025 in the data add up to €500.00. Check which figure is right.");
    expect(b.warnings.map((w) => w.message.nl)).toContain(
      "De opgegeven omzet 2025 van € 25.000,00 is gebruikt; de rijen van 2025 in de gegevens tellen op tot € 500,00. Controleer welk bedrag klopt.",
    );
    // The same figure as the rows: no warning.
    expect(analyze(source(withDec), { previousYearCents: 50_000 }, TODAY).warnings.some((w) => w.message.en.includes("The given 2025"))).toBe(false);
    // A figure typed for 2025 (on the 2026 report) is not read as 2024's on the same sheet's 2025 report; settings
    // kept before the year was stored with it use it for any year, as before.
    const typed = withPreviousYear({}, 2025, 2_500_000);
    expect(analyze(source(withDec), typed, TODAY).summary).toMatchObject({ year: 2026, previousYearBasis: "given", previousYearCents: 2_500_000 });
    const y2025 = analyze(source(withDec), { ...typed, year: 2025 }, TODAY);
    expect(y2025.summary).toMatchObject({ year: 2025, previousYearBasis: "assumed-zero", previousYearCents: 0 });
    expect(y2025.warnings.some((w) => w.message.en.includes("The given"))).toBe(false);
    expect(analyze(source(withDec), { previousYearCents: 2_500_000, year: 2025 }, TODAY).summary.previousYearBasis).toBe("given");
    // A figure typed for 2024 on the 2025 report keeps the one for 2025: each year's report uses its own.
    const both = withPreviousYear(typed, 2024, 1_900_000);
    expect(analyze(source(withDec), { ...both, year: 2025 }, TODAY).summary).toMatchObject({ previousYearBasis: "given", previousYearCents: 1_900_000 });
    expect(analyze(source(withDec), both, TODAY).summary).toMatchObject({ year: 2026, previousYearBasis: "given", previousYearCents: 2_500_000 });
    // Clearing one leaves the other.
    expect(analyze(source(withDec), withPreviousYear(both, 2025, null), TODAY).summary.previousYearBasis).toBe("data");
    // Before 2025 there is no previous-year test, but the field is offered and a typed figure is shown as given
    // (it decides nothing about 2024: the verdict stays eligible). Before, it was not offered and the figure dropped.
    const old = analyze(source([["Datum", "Bedrag"], [serial("2024-03-01"), 100]]), { previousYearCents: 2_500_000 }, TODAY);
    expect(old).toMatchObject({ offerPreviousYear: true, previousYearTested: false, askPreviousYear: false, previousYearRowsCents: null });
    expect(old.summary).toMatchObject({ previousYearBasis: "given", previousYearCents: 2_500_000, verdict: "eligible" });
    expect(old.summary.reasons.map((r) => r.nl).join(" ")).toContain("Dit bedrag beslist niet of u in 2024 binnen de KOR valt: vóór 2025 telt alleen de omzet van het jaar zelf.");
    // Nothing typed: nothing shown, nothing asked.
    const none = analyze(source([["Datum", "Bedrag"], [serial("2024-03-01"), 100]]), {}, TODAY);
    expect(none).toMatchObject({ askPreviousYear: false, previousYearTested: false });
    expect(none.summary.previousYearBasis).toBe("not-needed");
  });
    it("reports a sheet without date/amount columns as one whole-sheet problem", () => {
    const a = analyze(source([["Naam", "Adres"], ["a", "b"]]), {}, TODAY);
    expect(a.table.problems.map((p) => p.code)).toEqual(["no-invoice-columns"]);
    expect(a.table.rows).toEqual([]);
    expect(a.wholeTableProblem?.code).toBe("no-invoice-columns");
  });
  it("refuses a list of amounts including VAT only as a whole sheet, instead of a verdict on €0 (as kor-check and All sheets refuse it)", () => {
    // The report showed "eligible" with €0 of turnover beside the error: the verdict card was hidden only for a
    // missing date or amount column.
    const gross = analyze(source([["Datum", "Klant", "Totaal incl. btw"], [serial("2025-03-01"), "A", 30_250]]), {}, TODAY);
    expect(gross.summary.verdict).toBe("eligible"); // the rules see no rows; the pane must not show this
    expect(gross.wholeTableProblem).toMatchObject({ code: "gross-only", severity: "error" });
    expect(gross.wholeTableProblem?.message.en).toContain('"Totaal incl. btw" (C) holds amounts including VAT');
    const withVat = analyze(source([["Datum", "Klant", "Totaal incl. btw", "Btw"], [serial("2025-03-01"), "A", 30_250, 5_250.5]]), {}, TODAY);
    expect(withVat.wholeTableProblem).toBeNull();
    expect(withVat.summary.countableCents).toBe(2_499_950);
  });
  it("counts gross − VAT when the user chooses the 'Totaal incl. btw' column as the amount, never the gross amounts", () => {
    // €12,100 + €12,100 including 21% VAT: €24,200 gross is over €20,000, €20,000 excluding VAT is not. The report
    // counted €24,200 and said "not eligible".
    const values = [["Datum", "Klant", "Totaal incl. btw", "BTW"], [serial("2025-03-01"), "A", 12_100, 2_100], [serial("2025-06-01"), "B", 12_100, 2_100]];
    const chosen = analyze(source(values), { columns: { amount: 2 } }, TODAY);
    expect(chosen.summary.countableCents).toBe(2_000_000);
    expect(chosen.summary.verdict).toBe("eligible");
    expect(chosen.columns.amount).toBe(2); // the picker shows the user's choice
    expect(chosen.summary.problems.find((p) => p.code === "amount-derived")?.message.en).toContain('worked out per row as "Totaal incl. btw" (C) minus "BTW" (D)');
    // Without a VAT column: refused as a whole sheet with the reason, not a verdict on €24,200.
    const noVat = analyze(source(values.map((r) => r.slice(0, 3))), { columns: { amount: 2 } }, TODAY);
    expect(noVat.table.rows).toEqual([]);
    expect(noVat.wholeTableProblem).toMatchObject({ code: "gross-only", severity: "error" });
    expect(noVat.wholeTableProblem?.message.en).toContain('The amount column chosen, "Totaal incl. btw" (C), holds amounts including VAT');
  });
  it("leaves a sheet of amounts including VAT only out of an opened file's All sheets, as Excel's All sheets and kor-check skip it", () => {
    // It was a line of its own: "eligible", €0, in today's year.
    const gross: InvoiceSource = { ...source([["Datum", "Klant", "Totaal incl. btw"], [serial("2025-03-01"), "A", 30_250]]), key: "file:a.xlsx:Bruto", sheetName: "Bruto" };
    const net: InvoiceSource = { ...source([["Datum", "Klant", "Bedrag excl. btw"], [serial("2025-03-01"), "A", 25_000]]), key: "file:a.xlsx:Netto", sheetName: "Netto" };
    const units = unitsOfFile([gross, net]);
    expect(units.map((u) => u.sheet)).toEqual(["Netto"]);
    expect(buildOverview(units, EMPTY_GROUPING, { today: TODAY }).map((l) => [l.label, l.verdict, l.countableCents])).toEqual([["Netto", "not-eligible", 2_500_000]]);
  });
  it("lists export within the EU, icp and afstand-nl outside it with their rows and the country cell, as the report sheet does; the numbers stay", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2026-02-01"), 5000, "uitvoer", "Duitsland"],
      [serial("2026-02-02"), 3000, "export", "VS"],
      [serial("2026-02-03"), 4000, "icp", "VS"],
      [serial("2026-02-04"), 1000, "afstandsverkoop nl", "Zwitserland"],
      [serial("2026-02-05"), 500, "uitvoer", "DE"],
    ];
    const a = analyze(source(values), {}, TODAY);
    expect(a.summary.countableCents).toBe(1_350_000);
    const texts = ["'export' with country DE, within the EU.", "'icp' with country US, outside the EU.", "'afstand-nl' with country CH, outside the EU."];
    expect(texts.map((t) => a.warnings.filter((w) => w.message.en.includes(t)).map((w) => [w.severity, w.rows, w.column]))).toEqual([
      [["warning", [2, 6], 3]],
      [["warning", [4], 3]],
      [["warning", [5], 3]],
    ]);
    const report = buildReport(a.summary, "nl", "Blad1").values.flat().filter((v): v is string => typeof v === "string");
    expect(report.filter((v) => v.includes("met land DE, binnen de EU") || v.includes("met land US, buiten de EU") || v.includes("met land CH, buiten de EU"))).toHaveLength(3);
  });
  it("keeps markup in a category cell as text in the messages", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const a = analyze(source([["Datum", "Bedrag", "Categorie"], [serial("2026-01-05"), 10, evil]]), {}, TODAY);
    expect(a.warnings.some((w) => w.message.en.includes(evil))).toBe(true);
  });
});

describe("warningsOf / cumulativeOf", () => {
  it("points distance-sales warnings at the afstand-nl rows", () => {
    const rows = [
      { row: 2, day: dayFromIso("2026-02-01"), cents: 1_100_000, category: "afstand-nl" as const, country: "FR", vatCents: null },
      { row: 3, day: dayFromIso("2026-02-02"), cents: 100, category: "21" as const, country: "NL", vatCents: null },
    ];
    const s = summarizeYear(rows, { today: TODAY, year: 2026 });
    const w = warningsOf(s, rows).find((x) => x.message.en.includes("distance"));
    expect(w?.rows).toEqual([2]);
  });
  it("sums rows of one day and skips rows that do not count", () => {
    const d = dayFromIso("2026-05-01");
    const rows = [
      { row: 2, day: d, cents: 100, category: null, country: null, vatCents: null },
      { row: 3, day: d, cents: 50, category: "prive" as const, country: null, vatCents: null },
      { row: 4, day: d + 1, cents: 25, category: "21" as const, country: null, vatCents: null },
    ];
    expect(cumulativeOf(rows, 2026)).toEqual([
      { day: d, cents: 100 },
      { day: d + 1, cents: 125 },
    ]);
  });
});

describe("parseEurosInput", () => {
  it.each([
    ["15000", 1_500_000],
    ["15.000", 1_500_000],
    ["15.000,50", 1_500_050],
    ["15,000.50", 1_500_050],
    ["€ 15.000", 1_500_000],
    ["1234,5", 123_450],
    ["", null],
    ["abc", null],
    ["1.2.3", null],
  ])("%s → %s", (text, cents) => {
    expect(parseEurosInput(text)).toBe(cents);
  });
});

describe("analyze: a reading problem shows in the report of its row's year only", () => {
  const values = [["Datum", "Bedrag", "Categorie"], [serial("2025-03-01"), 1000, "21%"], [serial("2026-02-01"), 500, "onzin"]];
  it("lists the unknown category of a 2026 row in 2026, not in 2025", () => {
    const y2025 = analyze(source(values), { year: 2025 }, TODAY);
    expect(y2025.year).toBe(2025);
    expect(y2025.warnings).toEqual([]);
    const y2026 = analyze(source(values), { year: 2026 }, TODAY);
    expect(y2026.warnings.map((w) => [w.severity, w.rows])).toEqual([["error", [3]]]);
  });
});

describe("the participation setting (kor-rules.md section 5, worked example 23)", () => {
  const values = [
    ["Datum", "Bedrag"],
    [serial("2024-03-01"), 19000],
    [serial("2024-09-16"), 1500],
    [serial("2025-03-01"), 1000],
    [serial("2026-03-01"), 1000],
  ];

  it("defaults to unknown: the next start for a business not in the KOR, and the participant's beside it", () => {
    const a = analyze(source(values), {}, TODAY);
    expect(a.summary.deadlines).toMatchObject({ participation: "unknown", nextStart: dayFromIso("2027-01-01") });
    expect(a.summary.deadlines.ifInKor?.start).toBe(dayFromIso("2027-10-01"));
  });

  it("in the KOR since a date: the 2024 crossing ended participation; not in the KOR: it excludes nothing", () => {
    const inKor = analyze(source(values), { participation: "in", inKorSince: "2023-01-01" }, TODAY);
    expect(inKor.summary.deadlines).toMatchObject({ participation: "in", participationEnded: dayFromIso("2024-09-16"), nextStart: dayFromIso("2027-10-01"), ifInKor: null });
    const out = analyze(source(values), { participation: "out" }, TODAY);
    expect(out.summary.deadlines).toMatchObject({ participation: "out", nextStart: dayFromIso("2027-01-01"), ifInKor: null, reentryAfterCrossing: null });
    // "in" without a readable date is treated as unknown, never as a guess.
    expect(analyze(source(values), { participation: "in", inKorSince: null }, TODAY).summary.deadlines.participation).toBe("unknown");
  });
});
