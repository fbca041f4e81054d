import { analyze } from "../../src/taskpane/model";
import { sampleSource } from "../../src/taskpane/browser/files";
import { dayFromIso } from "../../src/rules/dates";
import { computeDecision, eurosText, looksLikeParticipant, parsePercent, purchasesFromValues, type DecisionState } from "../../src/taskpane/views/DecisionModel";
import type { InvoiceSource } from "../../src/excel/source";

const TODAY = dayFromIso("2026-11-27");
const source = sampleSource();
const sample2025 = analyze(source, { year: 2025 }, TODAY);
const sample2026 = analyze(source, { year: 2026 }, TODAY);

const blank: DecisionState = { participant: false, joined: "", assumedRate: 21, share: null, inputVat: null, plannedVat: "", goods: [] };
const run = (state: Partial<DecisionState>, analysis = sample2025, lang: "nl" | "en" = "en", purchases: { cents: number; rows: number; rowsWithoutVat: number } | null = null) =>
  computeDecision({ state: { ...blank, ...state }, analysis, source, today: TODAY, lang, purchases });

describe("the decision view's figures for the sample workbook", () => {
  it("2025, nothing typed: all 21%/9% VAT is kept, the customer column holds names so the share is typed (0%)", () => {
    const f = run({});
    expect(f.output.lines).toEqual([
      { ratePercent: 21, cents: 1_409_500, assumedCents: 0 },
      { ratePercent: 9, cents: 234_500, assumedCents: 0 },
    ]);
    expect(f.sheetShare).toMatchObject({ header: "Klant", usable: false });
    expect(f.shareText).toBe("0");
    expect(f.decision).toMatchObject({ outputVatCents: 317_100, keptCents: 317_100, netCents: 317_100, verdict: "pays" });
    // The sample crosses €20,000 on 18 November 2026: no start in 2027 (2026 fails the previous-year test).
    expect(f.dates.start).toBe(dayFromIso("2028-01-01"));
    expect(f.dates.deadline).toBe(dayFromIso("2027-12-03"));
    expect(f.dates.text[0].en).toContain("18 November 2026");
  });

  it("2025 with 40% business customers, input VAT, a planned investment and a car for the herziening", () => {
    const f = run({
      share: "40",
      inputVat: "1.200",
      plannedVat: "500",
      goods: [{ id: 1, firstUse: "1-1-2024", vat: "4500", kind: "movable" }],
    });
    // car 2024–2028, KOR from 1 Jan 2028 (the earliest the sample allows) → €900 in 2028
    expect(f.schedule).toEqual([{ year: 2028, totalCents: 90_000, belowMinimum: false }]);
    // 21%: consumers €8,457 → €1,775.97; 9%: consumers €1,407 → €126.63
    expect(f.decision).toMatchObject({
      keptCents: 190_260,
      businessVatCents: 126_840,
      outputVatCents: 317_100,
      inputVatCents: 120_000,
      plannedInvestmentVatCents: 50_000,
      revisionCents: 90_000,
      netCents: -69_740,
      breakEvenInputVatCents: 100_260,
      verdict: "costs",
    });
  });

  it("a laptop under the €500 rule adds nothing", () => {
    const f = run({ goods: [{ id: 1, firstUse: "2024-03-01", vat: "1000", kind: "movable" }] });
    expect(f.schedule.every((y) => y.totalCents === 0 && y.belowMinimum)).toBe(true);
    expect(f.decision?.revisionCents).toBe(0);
    expect(f.decision?.reasons.map((r) => r.en).join(" ")).toContain("under €500");
  });

  it("a participant: leaving would put the VAT inside the unchanged prices", () => {
    const f = run({ participant: true, goods: [{ id: 1, firstUse: "1-1-2024", vat: "4500", kind: "movable" }] });
    // €14,095 × 21/121 = €2,446.24; €2,345 × 9/109 = €193.62
    expect(f.decision).toMatchObject({ action: "leave", keptCents: 263_986, netCents: -263_986, revisionCents: 0, verdict: "costs" });
    expect(f.schedule).toEqual([]); // no herziening on leaving
    expect(f.dates.action).toBe("leave");
  });

  it("2026 crossed the threshold: joining is not possible, the figures are still shown, 21% assumed for rows without a rate", () => {
    const f = run({}, sample2026);
    expect(f.decision).toMatchObject({ verdict: "not-possible", keptCents: 425_130 });
    expect(f.decision?.headline.en).toContain("You do not meet the KOR conditions in 2026");
    expect(f.output.notes[0].en).toBe("€790.00 of turnover has no VAT rate in the sheet; 21% was used for it.");
    const at9 = run({ assumedRate: 9 }, sample2026);
    expect(at9.output.lines[0]).toEqual({ ratePercent: 21, cents: 1_897_000, assumedCents: 0 });
    expect(at9.output.lines[1]).toEqual({ ratePercent: 9, cents: 192_000, assumedCents: 79_000 });
  });

  it("takes input VAT from a purchases list when one was read, until the user types over it", () => {
    const p = { cents: 123_456, rows: 3, rowsWithoutVat: 0 };
    expect(run({}, sample2025, "en", p).inputVatText).toBe("1,234.56");
    expect(run({}, sample2025, "nl", p).inputVatText).toBe("1.234,56");
    expect(run({}, sample2025, "nl", p).decision?.inputVatCents).toBe(123_456);
    expect(run({ inputVat: "10" }, sample2025, "nl", p).decision?.inputVatCents).toBe(1_000);
  });

  it.each([
    ["a share over 100%", { share: "150" }, "share"],
    ["a share that is not a number", { share: "veel" }, "share"],
    ["input VAT that is not an amount", { inputVat: "12,34,56" }, "inputVat"],
    ["a planned investment that is not an amount", { plannedVat: "abc" }, "plannedVat"],
    ["a join date that is not a date", { participant: true, joined: "31-4-2026" }, "joined"],
  ] as [string, Partial<DecisionState>, "share" | "inputVat" | "plannedVat" | "joined"][])("%s: an error on the field and no verdict", (_n, state, field) => {
    const f = run(state);
    expect(f.errors[field]).toBeDefined();
    expect(f.decision).toBeNull();
  });

  it("flags a capital good with an impossible date or no amount", () => {
    const f = run({
      goods: [
        { id: 1, firstUse: "31-4-2026", vat: "100", kind: "movable" },
        { id: 3, firstUse: "1-6-2022", vat: "x", kind: "movable" },
        { id: 4, firstUse: "", vat: "", kind: "movable" }, // an empty row is ignored
      ],
    });
    expect(Object.keys(f.errors.goods)).toEqual(["1", "3"]);
    expect(f.errors.goods[1].firstUse?.en).toContain("Enter a date");
    expect(f.errors.goods[3].vat?.en).toContain("Enter an amount");
    expect(f.decision).toBeNull();
  });

  it("reads the business share from a customer-type column", () => {
    const values = [
      ["Datum", "Klanttype", "Bedrag excl. btw", "Categorie"],
      [46030, "zakelijk", 3000, "21"],
      [46031, "particulier", 1000, "21"],
    ];
    const src: InvoiceSource = { ...source, key: "typed", values, headerRowIndex: null };
    const analysis = analyze(src, {}, TODAY);
    const f = computeDecision({ state: blank, analysis, source: src, today: TODAY, lang: "nl", purchases: null });
    expect(f.sheetShare).toMatchObject({ header: "Klanttype", usable: true, share: 0.75 });
    expect(f.shareText).toBe("75");
    // consumers €1,000 → €210 kept; business €3,000 → €630 VAT, no gain
    expect(f.decision).toMatchObject({ keptCents: 21_000, businessVatCents: 63_000 });
  });
});

describe("helpers", () => {
  it.each([
    ["40", 0.4],
    ["40%", 0.4],
    ["37,5", 0.375],
    [" 37.5 % ", 0.375],
    ["0", 0],
    ["100", 1],
    ["100.5", null],
    ["-5", null],
    ["", null],
    ["1e2", null],
  ] as [string, number | null][])("parsePercent(%p) = %p", (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });

  it("eurosText writes amounts the way each language types them", () => {
    expect(eurosText(123_456_789, "nl")).toBe("1.234.567,89");
    expect(eurosText(123_456_789, "en")).toBe("1,234,567.89");
    expect(eurosText(-5, "en")).toBe("-0.05");
  });

  it("a sheet with KOR rows looks like a participant's", () => {
    expect(looksLikeParticipant(sample2025)).toBe(false);
    const values = [
      ["Datum", "Bedrag", "Categorie"],
      [46030, 100, "kor"],
    ];
    const src: InvoiceSource = { ...source, key: "kor", values, headerRowIndex: null };
    expect(looksLikeParticipant(analyze(src, {}, TODAY))).toBe(true);
  });
});

describe("purchasesFromValues (a purchases list the user points to)", () => {
  it("sums the VAT column of the year's purchases and counts rows without VAT", () => {
    const values = [
      ["Inkoopoverzicht 2025"],
      ["Datum", "Leverancier", "Bedrag excl. btw", "BTW"],
      [45700, "Drukkerij", 1000, 210],
      ["3-4-2025", "Laptopwinkel", "1.000,00", "210,00"],
      [45800, "Kantoor", 500, ""],
      [45600, "Vorig jaar", 100, 21],
    ];
    expect(purchasesFromValues(values, 0, 2025)).toEqual({ kind: "ok", vat: { cents: 42_000, rows: 3, rowsWithoutVat: 0 } });
  });

  it("says so when there is no VAT column, or no date and amount columns", () => {
    expect(purchasesFromValues([["Datum", "Bedrag"], [45700, 100]], 0, 2025)).toEqual({ kind: "error", message: expect.objectContaining({ en: expect.stringContaining("No VAT column") }) });
    expect(purchasesFromValues([["Leverancier", "Omschrijving"], ["x", "y"]], 0, 2025)).toEqual({ kind: "error", message: expect.objectContaining({ en: expect.stringContaining("No date and amount columns") }) });
  });
});
