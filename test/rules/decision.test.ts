import {
  businessShareFromTable,
  classifyCustomer,
  customerColumnKind,
  customerShare,
  decideKor,
  decisionDates,
  deductiblePart,
  deductibleSplitFromCategories,
  outputLinesFromCategories,
  purchaseVatFromRows,
  revisionMethod,
  revisionSchedule,
  REVISION_METHOD,
  type DecisionInput,
  type OutputLine,
} from "../../src/rules/decision";
import { revision, type CapitalGood } from "../../src/rules/herziening";
import { dayFromIso } from "../../src/rules/dates";
import type { CategoryLine } from "../../src/rules/summary-types";
import type { CategoryCode, InvoiceRow } from "../../src/rules/types";

const inv = (row: number, iso: string, euros: number, category: CategoryCode | null, vatEuros: number | null = null): InvoiceRow => ({
  row,
  day: dayFromIso(iso),
  cents: Math.round(euros * 100),
  category,
  country: null,
  vatCents: vatEuros === null ? null : Math.round(vatEuros * 100),
});

const line = (ratePercent: number, euros: number, assumedEuros = 0): OutputLine => ({
  ratePercent,
  cents: Math.round(euros * 100),
  assumedCents: Math.round(assumedEuros * 100),
});

const base: DecisionInput = {
  participant: false,
  lines: [],
  businessShare: 0,
  inputVatCents: 0,
  plannedInvestmentVatCents: 0,
  revision: null,
};

describe("decideKor: the money on both sides", () => {
  const cases: {
    name: string;
    input: Partial<DecisionInput>;
    expected: { outputVatCents: number; keptCents: number; businessVatCents: number; netCents: number; breakEvenInputVatCents: number; verdict: string };
  }[] = [
    {
      name: "joining, consumers only: keeps all the 21% VAT, loses the input VAT",
      input: { lines: [line(21, 15_000)], inputVatCents: 80_000 },
      expected: { outputVatCents: 315_000, keptCents: 315_000, businessVatCents: 0, netCents: 235_000, breakEvenInputVatCents: 315_000, verdict: "pays" },
    },
    {
      name: "joining with 40% business customers, three rates: the yearly figure leaves the planned investment and herziening out",
      input: {
        lines: [line(21, 10_000), line(9, 5_000), line(0, 2_000)],
        businessShare: 0.4,
        inputVatCents: 100_000,
        plannedInvestmentVatCents: 50_000,
        revision: [{ year: 2027, totalCents: 90_000, belowMinimum: false }],
      },
      // 21%: consumers €6,000 → €1,260 kept, business €4,000 → €840; 9%: €3,000 → €270 kept, €2,000 → €180
      expected: { outputVatCents: 255_000, keptCents: 153_000, businessVatCents: 102_000, netCents: 53_000, breakEvenInputVatCents: 153_000, verdict: "pays" },
    },
    {
      name: "joining when every customer is a business and nothing is deducted: no difference",
      input: { lines: [line(21, 10_000)], businessShare: 1 },
      expected: { outputVatCents: 210_000, keptCents: 0, businessVatCents: 210_000, netCents: 0, breakEvenInputVatCents: 0, verdict: "neutral" },
    },
    {
      name: "leaving, consumers only: the VAT then comes out of the unchanged price (12,100 × 21/121)",
      input: { participant: true, lines: [line(21, 12_100)], inputVatCents: 50_000 },
      expected: { outputVatCents: 210_000, keptCents: 210_000, businessVatCents: 0, netCents: -160_000, breakEvenInputVatCents: 210_000, verdict: "costs" },
    },
    {
      name: "leaving with half business customers and high input VAT: pays",
      input: { participant: true, lines: [line(21, 10_000)], businessShare: 0.5, inputVatCents: 300_000 },
      // consumers €5,000 × 21/121 = €867.768… → €867.77; business €5,000 × 21% = €1,050 on top
      expected: { outputVatCents: 191_777, keptCents: 86_777, businessVatCents: 105_000, netCents: 213_223, breakEvenInputVatCents: 86_777, verdict: "pays" },
    },
    {
      name: "leaving ignores a herziening (it is about entering)",
      input: { participant: true, lines: [line(9, 1_090)], revision: [{ year: 2027, totalCents: 90_000, belowMinimum: false }] },
      expected: { outputVatCents: 9_000, keptCents: 9_000, businessVatCents: 0, netCents: -9_000, breakEvenInputVatCents: 9_000, verdict: "costs" },
    },
    {
      name: "rounds each rate line half away from zero: 21% of €2.50 = €0.53",
      input: { lines: [line(21, 2.5)] },
      expected: { outputVatCents: 53, keptCents: 53, businessVatCents: 0, netCents: 53, breakEvenInputVatCents: 53, verdict: "pays" },
    },
    {
      name: "a negative line (more credit notes than sales) rounds away from zero too",
      input: { lines: [line(21, -2.5)] },
      expected: { outputVatCents: -53, keptCents: -53, businessVatCents: 0, netCents: -53, breakEvenInputVatCents: -53, verdict: "costs" },
    },
    {
      name: "not eligible: figures still computed, verdict says joining is not possible",
      input: { lines: [line(21, 25_000)], eligible: false },
      expected: { outputVatCents: 525_000, keptCents: 525_000, businessVatCents: 0, netCents: 525_000, breakEvenInputVatCents: 525_000, verdict: "not-possible" },
    },
    {
      name: "a participant that no longer meets the conditions must leave",
      input: { participant: true, lines: [line(21, 12_100)], eligible: false },
      expected: { outputVatCents: 210_000, keptCents: 210_000, businessVatCents: 0, netCents: -210_000, breakEvenInputVatCents: 210_000, verdict: "must-leave" },
    },
  ];

  it.each(cases)("$name", ({ input, expected }) => {
    const d = decideKor({ ...base, ...input });
    expect({
      outputVatCents: d.outputVatCents,
      keptCents: d.keptCents,
      businessVatCents: d.businessVatCents,
      netCents: d.netCents,
      breakEvenInputVatCents: d.breakEvenInputVatCents,
      verdict: d.verdict,
    }).toEqual(expected);
    expect(d.outputVatCents).toBe(d.keptCents + d.businessVatCents);
    expect(d.action).toBe(input.participant ? "leave" : "join");
  });

  it("shows the figures behind the verdict in both languages", () => {
    const d = decideKor({ ...base, lines: [line(21, 15_000)], inputVatCents: 80_000 });
    expect(d.headline.nl).toBe("Meedoen aan de KOR levert u naar schatting € 2.350,00 per jaar op.");
    expect(d.headline.en).toBe("Joining the KOR gains you about €2,350.00 a year.");
    expect(d.breakEven.nl).toBe("Meedoen loont zolang uw voorbelasting op lopende kosten (met de btw die naar u verlegd is) onder € 3.150,00 per jaar blijft.");
    expect(d.breakEven.en).toContain("Joining pays as long as your input VAT");
    expect(d.breakEven.en).toContain("€3,150.00 a year");
    const reasonsEn = d.reasons.map((r) => r.en).join("\n");
    expect(reasonsEn).toContain("€3,150.00 of VAT on €15,000.00 of turnover that counts");
    expect(reasonsEn).toContain("You keep €3,150.00");
    expect(reasonsEn).toContain("€800.00 a year of input VAT on running costs");
    expect(reasonsEn).toContain("€3,150.00 − €800.00 = €2,350.00");
    expect(reasonsEn).not.toContain("business customers"); // no business share: no sentence about it
    for (const t of [...d.reasons, ...d.assumptions, ...d.administration, d.headline, d.breakEven]) {
      expect(t.nl.length).toBeGreaterThan(10);
      expect(t.en.length).toBeGreaterThan(10);
      expect(t.nl).not.toEqual(t.en);
    }
  });

  it("states its assumptions: unchanged consumer prices, business customers, the rates used, before income tax", () => {
    const d = decideKor({ ...base, lines: [line(21, 10_000), line(9, 5_000)], businessShare: 0.25 });
    const en = d.assumptions.map((a) => a.en).join("\n");
    expect(en).toContain("prices for consumers stay the same");
    expect(en).toContain("Business customers pay you the same amount before VAT");
    expect(en).toContain("Rates used, on turnover excluding VAT: 21% on €10,000.00, 9% on €5,000.00");
    expect(en).toContain("Customers who do not deduct VAT themselves (healthcare, education, other KOR businesses, exempt institutions) count as consumers");
    expect(en).toContain("before income tax");
    const nl = d.reasons.map((a) => a.nl).join("\n");
    expect(nl).toContain("zakelijke klanten (25%");
  });

  it("lists the herziening as one-off amounts in their years, not in the yearly figure, and names the €500 rule", () => {
    const schedule = [2021, 2022, 2023, 2024].map((year) => ({ year, totalCents: 90_000, belowMinimum: false }));
    const due = decideKor({ ...base, lines: [line(21, 10_000)], revision: schedule });
    expect(due.reasons.map((r) => r.en).join(" ")).toContain("you repay €900.00 in 2021, €900.00 in 2022, €900.00 in 2023, €900.00 in 2024");
    expect(due.netCents).toBe(210_000);
    expect(due.oneOffs).toEqual(schedule.map((y) => ({ kind: "herziening", year: y.year, cents: -90_000, label: { nl: "herziening", en: "herziening" } })));
    expect(due.headline.nl).toBe(
      "Meedoen aan de KOR levert u naar schatting € 2.100,00 per jaar op, en eenmalig € -900,00 in 2021 (herziening), € -900,00 in 2022 (herziening), € -900,00 in 2023 (herziening), € -900,00 in 2024 (herziening).",
    );
    const below = decideKor({ ...base, lines: [line(21, 10_000)], revision: [{ year: 2025, totalCents: 0, belowMinimum: true }] });
    expect(below.reasons.map((r) => r.nl).join(" ")).toContain("in 2025 is het bedrag lager dan € 500");
    expect(below.netCents).toBe(210_000);
    expect(below.oneOffs).toEqual([]);
  });

  it("for a participant, describes leaving and the revision in its favour it does not count", () => {
    const d = decideKor({ ...base, participant: true, lines: [line(21, 12_100)], inputVatCents: 50_000 });
    expect(d.headline.en).toBe("Leaving the KOR costs you about €1,600.00 a year; staying in is better.");
    expect(d.breakEven.en).toContain("Staying in the KOR pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under €2,100.00 a year");
    expect(d.assumptions.map((a) => a.en).join(" ")).toContain("herziening in your favour");
    expect(d.administration.map((a) => a.nl).join(" ")).toContain("btw-aangifte");
  });

  it.each([
    ["a business share above 1", { businessShare: 1.2 }],
    ["a negative business share", { businessShare: -0.1 }],
    ["a business share that is not a number", { businessShare: Number.NaN }],
    ["a rate above 100", { lines: [line(150, 10)] }],
    ["fractional cents", { inputVatCents: 10.5 }],
    ["fractional planned investment cents", { plannedInvestmentVatCents: Number.POSITIVE_INFINITY }],
  ] as [string, Partial<DecisionInput>][])("rejects %s", (_name, input) => {
    expect(() => decideKor({ ...base, ...input })).toThrow(RangeError);
  });
});

describe("issue 15: the right money, one-off apart from yearly (the tax adviser's examples)", () => {
  it("business share per rate: €10,000 at 21% to consumers and €8,000 verlegd → keeps €2,100, not €1,167.60", () => {
    const lines = [line(21, 10_000), line(0, 8_000)];
    // Measured per rate: every 21% sale went to a consumer.
    const perRate = decideKor({ ...base, lines, businessShare: 0, businessShareByRate: { 21: 0, 0: 1 } });
    expect(perRate.keptCents).toBe(210_000);
    expect(perRate.perRate.find((e) => e.ratePercent === 21)?.businessShare).toBe(0);
    // The old reading: one share over all countable turnover (8,000 / 18,000 = 44.4%) applied to the 21% rows.
    const overAll = decideKor({ ...base, lines, businessShare: 8_000 / 18_000 });
    expect(overAll.keptCents).toBe(116_667);
  });

  it("a machine bought in 2025 is not yearly input VAT: +€2,020 a year (2,520 − 500), its herziening €420 a year is under €500", () => {
    const machine: CapitalGood = { vatCents: 210_000, firstUse: dayFromIso("2025-06-01"), kind: "movable" };
    const schedule = revisionSchedule([machine], dayFromIso("2027-01-01"));
    expect(schedule).toEqual([2027, 2028, 2029].map((year) => ({ year, totalCents: 0, belowMinimum: true })));
    const d = decideKor({ ...base, lines: [line(21, 12_000)], inputVatCents: 50_000, revision: schedule });
    expect(d).toMatchObject({ keptCents: 252_000, netCents: 202_000, verdict: "pays", oneOffs: [] });
    expect(d.headline.en).toBe("Joining the KOR gains you about €2,020.00 a year.");
    expect(d.reasons.map((r) => r.en).join(" ")).toContain("Herziening: in 2027, 2028, 2029 the amount is under €500, so you repay nothing then.");
  });

  it("the webshop: −€1,650 a year, and once −€1,260 in the year of the van; break-even on the yearly figure", () => {
    const d = decideKor({ ...base, lines: [line(9, 15_000)], inputVatCents: 300_000, plannedInvestmentVatCents: 126_000, plannedInvestmentYear: 2027 });
    expect(d).toMatchObject({ keptCents: 135_000, netCents: -165_000, verdict: "costs", breakEvenInputVatCents: 135_000 });
    expect(d.oneOffs).toEqual([{ kind: "investment", year: 2027, cents: -126_000, label: { nl: "btw op de geplande investering", en: "VAT on the planned investment" } }]);
    expect(d.headline.en).toBe("Joining the KOR costs you about €1,650.00 a year, and once -€1,260.00 in 2027 (VAT on the planned investment).");
    expect(d.headline.nl).toBe("Meedoen aan de KOR kost u naar schatting € 1.650,00 per jaar, en eenmalig € -1.260,00 in 2027 (btw op de geplande investering).");
    expect(d.breakEven.en).toBe(
      "Joining pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under €1,350.00 a year. One-off amounts are apart from this.",
    );
    const reasonsNl = d.reasons.map((r) => r.nl);
    expect(reasonsNl).toContain("Saldo per jaar: € 1.350,00 − € 3.000,00 = € -1.650,00.");
    expect(reasonsNl).toContain("Niet in het saldo per jaar, maar eenmalig € -1.260,00 in 2027 (btw op de geplande investering).");
    // Without a year the one-off still stands apart.
    const noYear = decideKor({ ...base, lines: [line(9, 15_000)], inputVatCents: 300_000, plannedInvestmentVatCents: 126_000 });
    expect(noYear.headline.en).toBe("Joining the KOR costs you about €1,650.00 a year, and once -€1,260.00 in the year of the investment (VAT on the planned investment).");
  });

  it("joining not possible: says so first, with the date it becomes possible", () => {
    const d = decideKor({ ...base, lines: [line(21, 25_000)], eligible: false, basisYear: 2026, possibleFrom: dayFromIso("2028-01-01") });
    expect(d.verdict).toBe("not-possible");
    expect(d.headline.en).toBe(
      "You cannot join the KOR now: you do not meet the conditions in 2026. The earliest you can join is 1 January 2028 (register by 3 December 2027). For information: joining would gain you €5,250.00 a year.",
    );
    expect(d.headline.nl.startsWith("Meedoen aan de KOR kan nu niet: u voldoet in 2026 niet aan de voorwaarden. Meedoen kan op zijn vroegst per 1 januari 2028 (aanmelden uiterlijk op 3 december 2027).")).toBe(true);
  });

  it("Dutch negative amounts read € -2.601,34", () => {
    const d = decideKor({ ...base, lines: [line(21, 1_000)], inputVatCents: 281_134 });
    expect(d.netCents).toBe(-260_134);
    expect(d.reasons.map((r) => r.nl)).toContain("Saldo per jaar: € 210,00 − € 2.811,34 = € -2.601,34.");
  });

  it("leaving is computed and worded on turnover excluding VAT", () => {
    const d = decideKor({ ...base, participant: true, lines: [line(21, 12_100)], inputVatCents: 50_000 });
    expect(d).toMatchObject({ turnoverCents: 1_210_000, netTurnoverCents: 1_000_000, keptCents: 210_000, outputVatCents: 210_000 });
    const en = d.reasons.map((r) => r.en);
    expect(en).toContain("After leaving, consumers pay the same amount (€12,100.00), but it then includes €2,100.00 of VAT: that comes out of your own pocket.");
    expect(en).toContain("Your turnover excluding VAT then becomes €10,000.00 (now €12,100.00 invoiced without VAT); you remit €2,100.00 of VAT on it.");
    // Business customers: VAT on top, the turnover excluding VAT stays the invoiced amount.
    const b2b = decideKor({ ...base, participant: true, lines: [line(21, 10_000)], businessShare: 1 });
    expect(b2b).toMatchObject({ netTurnoverCents: 1_000_000, keptCents: 0, businessVatCents: 210_000 });
  });

  it("VAT reverse-charged to the business is a yearly cost in the KOR and a reason returns do not stop", () => {
    const d = decideKor({ ...base, lines: [line(21, 10_000)], inputVatCents: 50_000, reverseChargedVatCents: 21_000 });
    expect(d).toMatchObject({ netCents: 210_000 - 50_000 - 21_000, reverseChargedVatCents: 21_000 });
    expect(d.reasons.map((r) => r.en)).toContain("Balance per year: €2,100.00 − €500.00 − €210.00 = €1,390.00.");
    expect(d.reasons.map((r) => r.en).join(" ")).toContain("In the KOR you still owe it and can no longer deduct it: a cost.");
    expect(d.administration.map((a) => a.en).join(" ")).toContain("VAT returns do not stop entirely: you declare and pay the VAT reverse-charged to you (€210.00 a year)");
    const leave = decideKor({ ...base, participant: true, lines: [line(21, 12_100)], inputVatCents: 50_000, reverseChargedVatCents: 21_000 });
    expect(leave.netCents).toBe(50_000 + 21_000 - 210_000);
  });

  it("what changes in your administration: btw-id, “btw verlegd” on EU B2B service invoices and the ICP declaration stay", () => {
    const d = decideKor({ ...base, lines: [line(21, 10_000)] });
    const en = d.administration.map((a) => a.en).join("\n");
    expect(en).toContain("you keep your VAT identification number (btw-id)");
    expect(en).toContain("still say “btw verlegd”");
    expect(en).toContain("The ICP declaration (opgaaf intracommunautaire prestaties) for those services stays.");
    expect(d.administration.map((a) => a.nl).join("\n")).toContain("De opgaaf intracommunautaire prestaties (ICP) voor die diensten blijft.");
  });
});

/** One category line of the year report, one row, without a reason. */
const cat = (category: CategoryCode | null, euros: number, counted = true): CategoryLine => ({
  category,
  counted,
  cents: Math.round(euros * 100),
  rows: 1,
  reason: { nl: "", en: "" },
});

describe("outputLinesFromCategories", () => {
  it("groups countable turnover by rate, putting rows without a rate at the assumed rate", () => {
    const r = outputLinesFromCategories(
      [
        cat("21", 10_000),
        cat("9", 3_000),
        cat(null, 1_000),
        cat("kor", 500),
        cat("export", 2_000),
        cat("verlegd", 2_500),
        cat("vrij-og", 600),
        cat("vrij", 30_000, false),
        cat("prive", 1_500, false),
        cat("marge", 4_000),
      ],
      21,
    );
    expect(r.lines).toEqual([
      { ratePercent: 21, cents: 1_150_000, assumedCents: 150_000 },
      { ratePercent: 9, cents: 300_000, assumedCents: 0 },
      { ratePercent: 0, cents: 510_000, assumedCents: 0 },
    ]);
    expect(r.marginCents).toBe(400_000);
    expect(r.notes.map((n) => n.en)).toEqual([
      "€1,500.00 of turnover has no VAT rate in the sheet; 21% was used for it.",
      expect.stringContaining("margin scheme"),
    ]);
  });

  it("uses 9% for rows without a rate when asked", () => {
    const r = outputLinesFromCategories([cat(null, 1_000), cat("9", 1_000)], 9);
    expect(r.lines).toEqual([{ ratePercent: 9, cents: 200_000, assumedCents: 100_000 }]);
  });

  it("returns no lines and no notes for no turnover", () => {
    expect(outputLinesFromCategories([], 21)).toEqual({ lines: [], marginCents: 0, notes: [] });
  });
});

describe("herziening on entering (revision, revisionSchedule)", () => {
  it("names the method per year: worked example 27 (KOR from 1 Jul 2021) is pro rata in 2021 and under €500 there", () => {
    const car = { vatCents: 450_000, firstUse: dayFromIso("2020-01-01"), kind: "movable" as const };
    const start = dayFromIso("2021-07-01");
    const schedule = revisionSchedule([car], start);
    expect(schedule.slice(0, 2)).toEqual([{ year: 2021, totalCents: 0, belowMinimum: true }, { year: 2022, totalCents: 90_000, belowMinimum: false }]);
    const m = revisionMethod([car], start, schedule);
    expect(m.general).toBe(REVISION_METHOD);
    expect(m.estimatedCents.size).toBe(0);
    expect(m.notes.map((n) => n.en)).toEqual([
      "The KOR starts in 2021 after 1 January: the 2021 revision is pro rata temporis (6 of 12 months in the KOR).",
      "The 2021 yearly revision is €450.00, less than €500.00: it is not due.",
    ]);
  });

  const good = (vatEuros: number, firstUse: string, kind: CapitalGood["kind"] = "movable"): CapitalGood => ({
    vatCents: Math.round(vatEuros * 100),
    firstUse: dayFromIso(firstUse),
    kind,
  });

  const cases: { name: string; goods: CapitalGood[]; korStart: string; expected: [number, number, boolean][] }[] = [
    {
      name: "Belastingdienst example: car in use from 1 Jan 2020, €4,500 VAT, KOR from 1 Jan 2021 → €900 in 2021–2024",
      goods: [good(4_500, "2020-01-01")],
      korStart: "2021-01-01",
      expected: [
        [2021, 90_000, false],
        [2022, 90_000, false],
        [2023, 90_000, false],
        [2024, 90_000, false],
      ],
    },
    {
      name: "laptop in use since 2024, €1,000 VAT, KOR from 1 Jan 2025 → €200 a year is under €500: nothing",
      goods: [good(1_000, "2024-03-01")],
      korStart: "2025-01-01",
      expected: [
        [2025, 0, true],
        [2026, 0, true],
        [2027, 0, true],
        [2028, 0, true],
      ],
    },
    {
      name: "the €500 rule is on the year's total: laptop and car together are revised",
      goods: [good(4_500, "2020-01-01"), good(1_000, "2020-06-01")],
      korStart: "2021-01-01",
      expected: [
        [2021, 110_000, false],
        [2022, 110_000, false],
        [2023, 110_000, false],
        [2024, 110_000, false],
      ],
    },
    {
      name: "real estate: 10 years, 1/10 a year (€30,000 VAT, first used 2020, KOR 2026 → 2026–2029)",
      goods: [good(30_000, "2020-06-01", "real-estate")],
      korStart: "2026-01-01",
      expected: [
        [2026, 300_000, false],
        [2027, 300_000, false],
        [2028, 300_000, false],
        [2029, 300_000, false],
      ],
    },
    {
      name: "a movable whose period has ended adds nothing; real estate goes on",
      goods: [good(2_500, "2021-01-01"), good(6_000, "2020-05-01", "real-estate")],
      korStart: "2025-01-01",
      expected: [
        [2025, 110_000, false],
        [2026, 60_000, false],
        [2027, 60_000, false],
        [2028, 60_000, false],
        [2029, 60_000, false],
      ],
    },
    {
      name: "van first used 1 Jan 2025, €10,000 VAT, KOR from 1 Jan 2025: the first-year correction repays it all, later years nothing",
      goods: [good(10_000, "2025-01-01")],
      korStart: "2025-01-01",
      expected: [
        [2025, 1_000_000, false],
        [2026, 0, false],
        [2027, 0, false],
        [2028, 0, false],
        [2029, 0, false],
      ],
    },
    {
      name: "the same van, KOR from 1 Jul 2025: €5,000, then €1,000 a year (the half of 2025 before the KOR): €9,000 in all",
      goods: [good(10_000, "2025-01-01")],
      korStart: "2025-07-01",
      expected: [
        [2025, 500_000, false],
        [2026, 100_000, false],
        [2027, 100_000, false],
        [2028, 100_000, false],
        [2029, 100_000, false],
      ],
    },
    {
      name: "no goods: no herziening",
      goods: [],
      korStart: "2026-01-01",
      expected: [],
    },
  ];

  it.each(cases)("$name", ({ goods, korStart, expected }) => {
    const schedule = revisionSchedule(goods, dayFromIso(korStart));
    expect(schedule.map((y) => [y.year, y.totalCents, y.belowMinimum])).toEqual(expected);
  });

  it("marks the later years of a good first used in the KOR start year as estimates, and says how they were made", () => {
    const van = good(10_000, "2025-01-01");
    const start = dayFromIso("2025-07-01");
    const schedule = revisionSchedule([van], start);
    const m = revisionMethod([van], start, schedule);
    expect([...m.estimatedCents]).toEqual([[2025, 500_000], [2026, 100_000], [2027, 100_000], [2028, 100_000], [2029, 100_000]]);
    expect(m.notes.map((n) => n.en)).toContain(
      "Estimate: in 2027, a capital good first used in 2025 (the KOR start year) is revised only for the part of 2025 before the KOR: 1/5 (real estate 1/10) of the VAT deducted × (1 − months in the KOR ÷ months in use in 2025) = €1,000.00. The rest was repaid with the first-year correction; this amount rests on that estimate. Have your adviser check it.",
    );
    expect(m.general.en).toContain("In the later years such a good is revised only for the part of that first year before the KOR");
    expect(m.general.nl).toContain("In de latere jaren wordt zo'n bedrijfsmiddel alleen herzien voor het deel van dat eerste jaar vóór de KOR");
    const d = decideKor({ ...base, lines: [line(21, 10_000)], revision: schedule });
    expect(d.reasons.map((r) => r.en)).toContain(
      "Herziening: you repay €5,000.00 in 2025, €1,000.00 in 2026, €1,000.00 in 2027, €1,000.00 in 2028, €1,000.00 in 2029 of VAT you deducted earlier on capital goods (one-off, not yearly).",
    );
  });

  it("revision() for the KOR start year matches the schedule's first year", () => {
    const goods = [good(4_500, "2020-01-01")];
    expect(revision(goods, dayFromIso("2021-01-01")).totalCents).toBe(90_000);
    expect(revision(goods, dayFromIso("2021-01-01"), 2025).totalCents).toBe(0);
  });
});

describe("decisionDates: the deadlines to act", () => {
  it.each([
    { participant: false, today: "2026-11-27", start: "2027-01-01", deadline: "2026-12-03", lines: 1 },
    { participant: false, today: "2026-12-04", start: "2027-04-01", deadline: "2027-03-03", lines: 2 },
    { participant: false, today: "2026-12-03", start: "2027-01-01", deadline: "2026-12-03", lines: 1 },
  ])("join, today $today → start $start, registration by $deadline", ({ participant, today, start, deadline, lines }) => {
    const d = decisionDates({ participant, today: dayFromIso(today), period: "quarter" });
    expect(d.action).toBe("join");
    expect(d.start).toBe(dayFromIso(start));
    expect(d.deadline).toBe(dayFromIso(deadline));
    expect(d.text).toHaveLength(lines);
  });

  it("join mid-year also gives the deadline for the next 1 January", () => {
    const d = decisionDates({ participant: false, today: dayFromIso("2026-12-04"), period: "quarter" });
    expect(d.text[1].en).toBe("To join as of 1 January 2028 (a whole calendar year), your registration must arrive by 3 December 2027.");
  });

  it("leave (worked example 16): in since 1 Jan 2026, asked on 1 May 2026 → out 1 Jul 2026, notice by 2 Jun, excluded until 31 Dec 2027", () => {
    const d = decisionDates({ participant: true, today: dayFromIso("2026-05-01"), period: "quarter", joined: dayFromIso("2026-01-01") });
    expect(d).toMatchObject({
      action: "leave",
      start: dayFromIso("2026-07-01"),
      deadline: dayFromIso("2026-06-02"),
      excludedUntil: dayFromIso("2027-12-31"),
      earliestReentry: dayFromIso("2028-01-01"),
      allowed: true,
    });
    expect(d.text[0].nl).toBe("Vroegste afmelding: per 1 juli 2026. Uw afmelding moet uiterlijk op 2 juni 2026 binnen zijn bij de Belastingdienst.");
    expect(d.text[1].en).toContain("earliest new start is 1 January 2028 (register by 3 December 2027)");
  });

  it("leave before 2025 inside the 3-year minimum is not allowed and says why", () => {
    const d = decisionDates({ participant: true, today: dayFromIso("2023-05-01"), period: "quarter", joined: dayFromIso("2022-01-01") });
    expect(d).toMatchObject({ allowed: false, start: dayFromIso("2023-07-01"), excludedUntil: null, earliestReentry: null });
    expect(d.text[0].en).toContain("Exit as of 1 July 2023 is not possible");
    expect(d.text.map((t) => t.en).join(" ")).toContain("1 January 2025");
  });
});

describe("business customers from the sheet", () => {
  it.each([
    ["NL123456789B01", "vat-number", "business"],
    ["nl 1234.56.789.B.01", "vat-number", "business"],
    ["DE123456789", "type", "business"],
    ["", "vat-number", "consumer"],
    [null, "vat-number", "consumer"],
    ["", "type", "unknown"],
    ["Zakelijk", "type", "business"],
    ["B2B", "type", "business"],
    ["Particulier", "type", "consumer"],
    ["privé", "type", "consumer"],
    ["B2C", "type", "consumer"],
    ["Consumer", "type", "consumer"],
    ["Jansen", "type", "unknown"],
    ["zakelijk / particulier", "type", "unknown"],
    [12, "type", "unknown"],
  ] as [unknown, "type" | "vat-number", string][])("%p in a %s column is %s", (cell, column, expected) => {
    expect(classifyCustomer(cell, column)).toBe(expected);
  });

  it.each([
    ["BTW-nummer klant", "vat-number"],
    ["VAT ID", "vat-number"],
    ["Klanttype", "type"],
    ["Customer", "type"],
    [undefined, "type"],
  ])("header %p is a %s column", (header, expected) => {
    expect(customerColumnKind(header)).toBe(expected);
  });

  it("weights the share by amount and reports unreadable rows", () => {
    const s = customerShare(
      [
        { row: 2, cents: 300_000, customer: "zakelijk" },
        { row: 3, cents: 100_000, customer: "particulier" },
        { row: 4, cents: 100_000, customer: "particulier" },
        { row: 5, cents: 50_000, customer: "?" },
      ],
      "type",
    );
    expect(s).toEqual({ share: 0.6, businessCents: 300_000, consumerCents: 200_000, unknownCents: 50_000, unknownRows: [5], unknownCount: 1 });
  });

  it("has no share when no customer is known", () => {
    expect(customerShare([{ row: 2, cents: 100, customer: "x" }], "type").share).toBeNull();
  });
});

describe("businessShareFromTable", () => {
  // Sheet from A1: header in row 1, invoices from row 2; values[row - 1] is sheet row `row`.
  const values = [
    ["Datum", "Bedrag excl. btw", "Categorie", "Klanttype"],
    [46023, 1000, "21", "zakelijk"],
    [46024, 3000, "21", "particulier"],
    [46025, 500, "vrij", "zakelijk"],
    [45658, 9000, "21", "zakelijk"],
  ];
  const rows = [inv(2, "2026-01-01", 1000, "21"), inv(3, "2026-01-02", 3000, "21"), inv(4, "2026-01-03", 500, "vrij"), inv(5, "2025-01-01", 9000, "21")];

  it("takes the share by amount over the year's countable rows", () => {
    const s = businessShareFromTable({ values, rowOffset: 0, customerColumn: 3, header: "Klanttype", rows, year: 2026 });
    expect(s).toMatchObject({ column: "type", share: 0.25, businessCents: 100_000, consumerCents: 300_000, usable: true });
  });

  it("is not usable for a column of customer names", () => {
    const names = values.map((r, i) => (i === 0 ? r : [...r.slice(0, 3), `Klant ${i}`]));
    const s = businessShareFromTable({ values: names, rowOffset: 0, customerColumn: 3, header: "Klant", rows, year: 2026 });
    expect(s.usable).toBe(false);
    expect(s.share).toBeNull();
    expect(s.unknownRows).toEqual([2, 3]);
  });

  it("reads a VAT-number column: a number is a business, empty is a consumer; respects rowOffset", () => {
    const vals = [
      ["Datum", "Bedrag", "Btw-nummer klant"],
      [46023, 100, "NL123456789B01"],
      [46024, 300, ""],
    ];
    const rs = [inv(12, "2026-01-01", 100, null), inv(13, "2026-01-02", 300, null)];
    const s = businessShareFromTable({ values: vals, rowOffset: 10, customerColumn: 2, header: "Btw-nummer klant", rows: rs, year: 2026 });
    expect(s).toMatchObject({ column: "vat-number", share: 0.25, usable: true });
  });
});

describe("purchaseVatFromRows", () => {
  const rows = [
    inv(2, "2026-02-01", 1000, "inkoop", 210),
    inv(3, "2026-03-01", 500, "inkoop", null),
    inv(4, "2026-03-02", 2000, "21", 420),
    inv(5, "2025-12-31", 100, "inkoop", 21),
    inv(6, "2026-12-31", 100, "inkoop", -21),
  ];
  it("sums the VAT of the year's purchase rows and counts those without VAT", () => {
    expect(purchaseVatFromRows(rows, 2026)).toEqual({ cents: 18_900, rows: 2, rowsWithoutVat: 1 });
  });
  it("sums every row of a purchases list", () => {
    expect(purchaseVatFromRows(rows, 2026, false)).toEqual({ cents: 60_900, rows: 3, rowsWithoutVat: 1 });
  });
});

describe("exempt turnover: input VAT on costs for it was never deductible, so joining does not lose it", () => {
  it("an exempt-only business (exempt letting, €18,000): no input VAT lost; was 'costs €1,500 a year'", () => {
    const split = deductibleSplitFromCategories([cat("vrij-og", 18_000)]);
    expect(split).toEqual({ taxedCents: 0, exemptCents: 1_800_000 });
    const d = decideKor({ ...base, lines: [line(0, 18_000)], inputVatCents: 150_000, reverseChargedVatCents: 20_000, plannedInvestmentVatCents: 210_000, deductible: split });
    expect(d).toMatchObject({ inputVatCents: 0, reverseChargedVatCents: 0, plannedInvestmentVatCents: 0, nonDeductibleCents: 380_000, deductibleShare: 0, netCents: 0, verdict: "neutral", oneOffs: [] });
    expect(d.headline.en).toBe("Joining the KOR makes no difference in money a year.");
    expect(d.reasons.map((r) => r.en)).toContain(
      "All your turnover is exempt from VAT (€18,000.00, such as healthcare, education, letting). VAT on costs for exempt turnover was never deductible, so joining costs you nothing there: €3,800.00 of VAT on your costs is not counted.",
    );
    // Without the split (as before): €1,500 + €200 counted as lost every year.
    expect(decideKor({ ...base, lines: [line(0, 18_000)], inputVatCents: 150_000, reverseChargedVatCents: 20_000, plannedInvestmentVatCents: 0 }).netCents).toBe(-170_000);
  });

  it("taxed €10,000 at 21% to consumers + medical (vrij) €30,000: 25% of the input VAT is lost, +€1,000 a year (was €2,100 − €4,000 − €400 = −€2,300)", () => {
    // The exempt medical turnover does not count for the €20,000, but it does for the split: 10,000 ÷ 40,000 = 25%.
    // Private use, the sale of a capital good and purchases are no part of the split.
    const split = deductibleSplitFromCategories([cat("21", 10_000), cat("vrij", 30_000, false), cat("prive", 500, false), cat("bedrijfsmiddel", 2_000, false), cat("inkoop", 7_000, false)]);
    expect(split).toEqual({ taxedCents: 1_000_000, exemptCents: 3_000_000 });
    const d = decideKor({ ...base, lines: [line(21, 10_000)], inputVatCents: 400_000, reverseChargedVatCents: 40_000, plannedInvestmentVatCents: 200_000, plannedInvestmentYear: 2027, deductible: split });
    // kept €2,100; lost 25% of €4,000 = €1,000 and 25% of €400 reverse-charged = €100; 25% of the van's €2,000 = €500 once.
    expect(d).toMatchObject({ keptCents: 210_000, inputVatCents: 100_000, reverseChargedVatCents: 10_000, plannedInvestmentVatCents: 50_000, nonDeductibleCents: 480_000, netCents: 100_000, verdict: "pays" });
    expect(d.oneOffs.map((o) => [o.year, o.kind, o.cents])).toEqual([[2027, "investment", -50_000]]);
    expect(d.reasons.map((r) => r.en)).toContain(
      "€30,000.00 of your turnover is exempt from VAT; VAT on costs for it was never deductible. Only the part of the VAT on costs for taxed turnover counts: €10,000.00 ÷ (€10,000.00 + €30,000.00) = 25% (split by turnover, the default method; your adviser may use another split by actual use). €4,800.00 of VAT on your costs is therefore not counted.",
    );
    expect(d.reasons.map((r) => r.en)).toContain("Balance per year: €2,100.00 − €1,000.00 − €100.00 = €1,000.00.");
    // Without exempt turnover nothing changes.
    expect(decideKor({ ...base, lines: [line(21, 10_000)], inputVatCents: 400_000, deductible: deductibleSplitFromCategories([cat("21", 10_000), cat("0", 1_000)]) })).toMatchObject({ inputVatCents: 400_000, deductibleShare: 1, nonDeductibleCents: 0 });
  });

  it("leaving: only the deductible part is regained", () => {
    const d = decideKor({ ...base, participant: true, lines: [line(21, 12_100)], inputVatCents: 100_000, deductible: { taxedCents: 1_210_000, exemptCents: 1_210_000 } });
    // kept 12,100 × 21/121 = €2,100; regained 50% of €1,000 = €500: leaving costs €1,600 a year.
    expect(d).toMatchObject({ keptCents: 210_000, inputVatCents: 50_000, netCents: -160_000, verdict: "costs" });
  });

  it("deductiblePart rounds the exact share half away from zero, also for amounts past 2^53 when multiplied", () => {
    expect(deductiblePart(100, { taxedCents: 1, exemptCents: 2 })).toBe(33); // 33.33
    expect(deductiblePart(200, { taxedCents: 1, exemptCents: 2 })).toBe(67); // 66.67
    expect(deductiblePart(-150, { taxedCents: 1, exemptCents: 1 })).toBe(-75);
    expect(deductiblePart(1, { taxedCents: 1, exemptCents: 1 })).toBe(1); // 0.5 → 1
    expect(deductiblePart(999_999_999_99, { taxedCents: 999_999_999_99, exemptCents: 1 })).toBe(999_999_999_98);
    expect(deductiblePart(500, null)).toBe(500);
    expect(deductiblePart(500, { taxedCents: 0, exemptCents: 0 })).toBe(500);
  });
});
