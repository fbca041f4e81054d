import { analyze } from "../../src/taskpane/model";
import { sampleSource } from "../../src/taskpane/browser/files";
import { dayFromIso } from "../../src/rules/dates";
import { participationOf } from "../../src/taskpane/model";
import { checkKorSince } from "../../src/rules/participation";
import { computeDecision, eurosText, initialSituation, looksLikeParticipant, parsePercent, purchasesFromValues, type DecisionState } from "../../src/taskpane/views/DecisionModel";
import type { InvoiceSource } from "../../src/excel/source";
import type { PurchaseLine } from "../../src/rules/decision";

const TODAY = dayFromIso("2026-11-27");
const source = sampleSource();
const sample2025 = analyze(source, { year: 2025 }, TODAY);
const sample2026 = analyze(source, { year: 2026 }, TODAY);

const blank: DecisionState = { participant: false, joined: "", assumedRate: 21, share: null, inputVat: null, plannedVat: "", goods: [] };
const run = (state: Partial<DecisionState>, analysis = sample2025, lang: "nl" | "en" = "en", purchases: PurchaseLine[] | null = null) =>
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
    // 2025 was within the limit, but the sample crossed in 2026: joining is not possible before 2028, said first.
    expect(f.decision).toMatchObject({ outputVatCents: 317_100, keptCents: 317_100, netCents: 317_100, verdict: "not-possible" });
    expect(f.dates.delay?.en).toBe("Turnover of 2026 went over the turnover limit on 18 November 2026: joining in 2027 is not possible (from 2025 the previous year counts too).");
    expect(f.decision?.headline.en).toBe(
      "You cannot join the KOR yet. Turnover of 2026 went over the turnover limit on 18 November 2026: joining in 2027 is not possible (from 2025 the previous year counts too). The earliest you can join is 1 January 2028 (register by 3 December 2027). For information: joining would gain you €3,171.00 a year.",
    );
    // The sample crosses €20,000 on 18 November 2026: no start in 2027 (2026 fails the previous-year test).
    expect(f.dates.start).toBe(dayFromIso("2028-01-01"));
    expect(f.dates.deadline).toBe(dayFromIso("2027-12-03"));
    expect(f.dates.text[0].en).toContain("18 November 2026");
  });

  it("2025 with 40% business customers, input VAT, a planned investment and a car for the herziening: yearly apart from one-off", () => {
    const f = run({
      share: "40",
      inputVat: "1.200",
      plannedVat: "500",
      goods: [{ id: 1, firstUse: "1-1-2024", vat: "4500", kind: "movable" }],
    });
    // car 2024–2028, KOR from 1 Jan 2028 (the earliest the sample allows) → €900 in 2028
    expect(f.schedule).toEqual([{ year: 2028, totalCents: 90_000, belowMinimum: false }]);
    // 21%: consumers €8,457 → €1,775.97; 9%: consumers €1,407 → €126.63
    expect(f.plannedYearText).toBe("2028");
    expect(f.decision).toMatchObject({
      keptCents: 190_260,
      businessVatCents: 126_840,
      outputVatCents: 317_100,
      inputVatCents: 120_000,
      plannedInvestmentVatCents: 50_000,
      revisionCents: 90_000,
      netCents: 70_260,
      breakEvenInputVatCents: 190_260,
      verdict: "not-possible",
    });
    expect(f.decision?.oneOffs.map((o) => [o.year, o.kind, o.cents])).toEqual([
      [2028, "investment", -50_000],
      [2028, "herziening", -90_000],
    ]);
  });

  it("a laptop under the €500 rule adds nothing", () => {
    const f = run({ goods: [{ id: 1, firstUse: "2024-03-01", vat: "1000", kind: "movable" }] });
    expect(f.schedule.every((y) => y.totalCents === 0 && y.belowMinimum)).toBe(true);
    expect(f.decision?.revisionCents).toBe(0);
    expect(f.decision?.reasons.map((r) => r.en).join(" ")).toContain("under €500");
  });

  it("states the herziening method and marks the first-year correction as an estimate (kor-rules.md section 8)", () => {
    // KOR from 1 Jan 2028: a laptop in use since 2026 (€200 a year, under €500: not due) and a machine first
    // used in the start year itself (first-year correction, estimated: 12/12 × €600; the €500 minimum does not apply).
    const f = run({
      goods: [
        { id: 1, firstUse: "1-3-2026", vat: "1000", kind: "movable" },
        { id: 2, firstUse: "1-1-2028", vat: "600", kind: "movable" },
      ],
    });
    expect(f.schedule[0]).toEqual({ year: 2028, totalCents: 60_000, belowMinimum: true });
    expect(f.revisionMethod?.estimatedCents.get(2028)).toBe(60_000);
    expect(f.revisionMethod?.general.en).toContain("The €500 minimum a year applies only to goods already in use before that year.");
    expect(f.revisionMethod?.general.nl).toContain("naar tijdsgelang berekend (maanden in de KOR ÷ 12)");
    const notes = f.revisionMethod?.notes.map((n) => n.en) ?? [];
    expect(notes).toContain("The 2028 yearly revision is €200.00, less than €500.00: it is not due.");
    expect(notes.join(" ")).toContain("Estimate: a capital good was first used in 2028, the KOR start year.");
    // The €600 is due: the reasons do not say that nothing is repaid in 2028.
    const reasons = f.decision?.reasons.map((r) => r.en).join(" ") ?? "";
    expect(reasons).not.toContain("in 2028 the amount is under €500");
    expect(reasons).toContain("you repay €600.00 in 2028");
    expect(run({}).revisionMethod).toBeNull();
  });

  it("a van first used on the KOR start day is repaid once, by the first-year correction: not again in the later years", () => {
    const f = run({ goods: [{ id: 1, firstUse: "1-1-2028", vat: "10000", kind: "movable" }] });
    expect(f.schedule.map((y) => [y.year, y.totalCents])).toEqual([[2028, 1_000_000], [2029, 0], [2030, 0], [2031, 0], [2032, 0]]);
    expect([...(f.revisionMethod?.estimatedCents ?? [])]).toEqual([[2028, 1_000_000]]);
    const reasons = f.decision?.reasons.map((r) => r.en) ?? [];
    expect(reasons).toContain("Herziening: you repay €10,000.00 in 2028 of VAT you deducted earlier on capital goods (one-off, not yearly).");
    expect(f.revisionMethod?.notes.map((n) => n.en)).toContain(
      "In 2029, a capital good first used in 2028 (the KOR start year) is revised only for the part of 2028 before the KOR: 1/5 (real estate 1/10) of the VAT deducted × (1 − months in the KOR ÷ months in use in 2028) = €0.00. The rest was repaid with the first-year correction.",
    );
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
    expect(f.decision?.headline.en.startsWith("You cannot join the KOR now: you do not meet the conditions in 2026. The earliest you can join is 1 January 2028 (register by 3 December 2027).")).toBe(true);
    expect(f.output.notes[0].en).toBe("€790.00 of turnover has no VAT rate in the sheet; 21% was used for it.");
    const at9 = run({ assumedRate: 9 }, sample2026);
    expect(at9.output.lines[0]).toEqual({ ratePercent: 21, cents: 1_897_000, assumedCents: 0 });
    expect(at9.output.lines[1]).toEqual({ ratePercent: 9, cents: 192_000, assumedCents: 79_000 });
  });

  it("takes input VAT from a purchases list when one was read, until the user types over it", () => {
    const p: PurchaseLine[] = [
      { row: 2, day: dayFromIso("2025-03-01"), cents: 400_000, vatCents: 84_000, reverseCharged: false, marked: false, text: "Huur" },
      { row: 3, day: dayFromIso("2025-04-01"), cents: 187_836, vatCents: 39_456, reverseCharged: false, marked: false, text: "Voorraad" },
    ].map((l) => ({ ...l, cents: Math.min(l.cents, 44_999) }));
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

describe("the decision starts from the participation setting (kor-rules.md section 5)", () => {
  const values = [
    ["Datum", "Bedrag", "Categorie"],
    [46030, 100, "kor"],
  ];
  const src: InvoiceSource = { ...source, key: "kor", values, headerRowIndex: null };
  it("'in the KOR since' makes the situation 'in the KOR' with that date, 'not in the KOR' the other way round", () => {
    const inKor = { participation: "in" as const, inKorSince: "2024-01-01" };
    expect(initialSituation(analyze(src, inKor, TODAY), participationOf(inKor))).toEqual({ participant: true, joined: "1-1-2024", fromSetting: true });
    // Rows marked kor would suggest a participant, but the setting says otherwise.
    const out = { participation: "out" as const };
    expect(initialSituation(analyze(src, out, TODAY), participationOf(out))).toEqual({ participant: false, joined: "", fromSetting: true });
  });
  it("a participant whose participation a crossing ended is outside the KOR now", () => {
    const inKor = { participation: "in" as const, inKorSince: "2020-01-01" };
    const crossed = analyze(source, { year: 2026, ...inKor }, TODAY);
    expect(crossed.summary.crossing).not.toBeNull();
    const situation = initialSituation(crossed, participationOf(inKor));
    expect(situation).toMatchObject({ participant: false, joined: "", fromSetting: true });
    // The setting says "in the KOR": the view says why the situation is "outside".
    expect(situation.outsideWhy?.nl).toMatch(/^De deelname sinds 1 januari 2020 eindigde op \d+ \w+ \d{4}, toen de omzet over de omzetgrens ging: daarom staat hier ‘buiten de KOR’\.$/);
  });
  it("a start after today is not taken: the report and the decision treat the status as unknown, as kor-check refuses it", () => {
    const future = { participation: "in" as const, inKorSince: "2099-01-01" };
    expect(participationOf(future, TODAY)).toEqual({ status: "unknown" });
    expect(analyze(src, future, TODAY).summary.deadlines.participation).toBe("unknown");
    expect(initialSituation(analyze(src, future, TODAY), participationOf(future, TODAY)).fromSetting).toBe(false);
    // Today itself, or a date not on the 1st of a month, is used as given (the field only notes the latter).
    const odd = { participation: "in" as const, inKorSince: "2024-01-15" };
    expect(participationOf(odd, TODAY)).toEqual({ status: "in", since: dayFromIso("2024-01-15") });
  });
  it("a start before 2020 (the exemption did not exist) is refused as kor-check refuses it: the field says why, the status stays unknown", () => {
    // Was: used as given with a note, so the pane read years before the exemption as years in the KOR.
    const early = { participation: "in" as const, inKorSince: "2019-01-01" };
    expect(participationOf(early, TODAY)).toEqual({ status: "unknown" });
    expect(analyze(src, early, TODAY).summary.deadlines.participation).toBe("unknown");
    const check = checkKorSince(dayFromIso("2019-01-01"), TODAY);
    expect(check.error?.nl).toBe(
      "1 januari 2019 ligt vóór 1 januari 2020, toen de KOR-vrijstelling begon (daarvoor was de KOR een belastingvermindering): een deelname aan de vrijstelling begon op zijn vroegst op 1 januari 2020. Vul de datum in waarop de deelname begon, of laat de status onbekend.",
    );
    // 1 January 2020 itself is the first possible start.
    expect(participationOf({ participation: "in" as const, inKorSince: "2020-01-01" }, TODAY)).toEqual({ status: "in", since: dayFromIso("2020-01-01") });
    expect(checkKorSince(dayFromIso("2020-01-01"), TODAY)).toEqual({ error: null, notes: [] });
  });
  it("unknown: guessed from the sheet, as before", () => {
    expect(initialSituation(analyze(src, {}, TODAY), { status: "unknown" })).toEqual({ participant: true, joined: "", fromSetting: false });
    expect(initialSituation(sample2025, { status: "unknown" })).toEqual({ participant: false, joined: "", fromSetting: false });
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
    const r = purchasesFromValues(values, 0, 2025);
    expect(r.kind).toBe("ok");
    expect(r.kind === "ok" ? r.unread : "").toBeNull();
    const lines = r.kind === "ok" ? r.lines : [];
    expect(lines.map((l) => [l.row, l.cents, l.vatCents, l.text])).toEqual([
      [3, 100_000, 21_000, "Drukkerij"],
      [4, 100_000, 21_000, "Laptopwinkel"],
      [5, 50_000, 0, "Kantoor"],
    ]);
  });

  it("says so when there is no VAT column, or no date and amount columns", () => {
    expect(purchasesFromValues([["Datum", "Bedrag"], [45700, 100]], 0, 2025)).toEqual({ kind: "error", message: expect.objectContaining({ en: expect.stringContaining("No VAT column") }) });
    expect(purchasesFromValues([["Leverancier", "Omschrijving"], ["x", "y"]], 0, 2025)).toEqual({ kind: "error", message: expect.objectContaining({ en: expect.stringContaining("No date and amount columns") }) });
  });

  it("amounts including VAT only: says that, not 'no date and amount columns', and asks for the VAT column", () => {
    const r = purchasesFromValues([["Datum", "Totaal incl. btw"], [45700, 121]], 0, 2025);
    expect(r).toEqual({ kind: "error", message: expect.objectContaining({ en: "The chosen purchases only have amounts including VAT (column ‘Totaal incl. btw’) and no VAT column: the input VAT cannot be read from them. Add the VAT column and read the purchases again, or type the input VAT yourself." }) });
  });

  it("an amount including VAT with a VAT column is read (was refused as 'no date and amount columns'): the amount is gross − VAT", () => {
    const r = purchasesFromValues([["Datum", "Leverancier", "Bedrag incl. btw", "BTW"], [45700, "Drukkerij", 1_210, 210], [45701, "Laptop", 605, 105]], 0, 2025);
    expect(r.kind).toBe("ok");
    expect(r.kind === "ok" ? r.lines.map((l) => [l.row, l.cents, l.vatCents]) : []).toEqual([[2, 100_000, 21_000], [3, 50_000, 10_500]]);
    expect(r.kind === "ok" ? r.unread : "").toBeNull();
  });

  it("names the rows it could not read instead of leaving their VAT out silently, and the figures are provisional", () => {
    const values = [
      ["Datum", "Leverancier", "Bedrag excl. btw", "BTW"],
      [45700, "Drukkerij", 100, 21],
      [45701, "Kantoor", "duizend", 210],
      ["gisteren", "Telefoon", 100, 21],
      [46100, "Volgend jaar", "x", 21], // 2026: not the basis year's
    ];
    const r = purchasesFromValues(values, 0, 2025);
    if (r.kind !== "ok") throw new Error("expected ok");
    expect(r.lines.map((l) => l.row)).toEqual([2]);
    expect(r.unreadRows).toBe(2);
    expect(r.unread?.en).toBe("Rows 3 and 4: could not be read, so they are not counted in the input VAT. Correct those rows of the purchases and read them again, or type the input VAT yourself.");
    const f = run({}, sample2025, "en", r.lines);
    expect(f.provisional).toBeNull(); // without the list's name and count, nothing is known to be missing
    const withUnread = computeDecision({ state: blank, analysis: sample2025, source, today: TODAY, lang: "en", purchases: r.lines, purchasesUnread: { name: "inkoop.xlsx", rows: 2 } });
    expect(withUnread.inputVatText).toBe("21.00");
    expect(withUnread.provisional?.en).toBe("Provisional: 2 rows of the purchases ‘inkoop.xlsx’ could not be read and are not counted in the input VAT; correct them first or type the input VAT yourself.");
    // Typed over, the list's input VAT is not used: nothing provisional about it.
    expect(computeDecision({ state: { ...blank, inputVat: "630" }, analysis: sample2025, source, today: TODAY, lang: "en", purchases: r.lines, purchasesUnread: { name: "inkoop.xlsx", rows: 2 } }).provisional).toBeNull();
  });

  it("a list without rows of the basis year is refused, not taken as €0 input VAT", () => {
    const other = purchasesFromValues([["Datum", "Leverancier", "Bedrag excl. btw", "BTW"], [46100, "Drukkerij", 1_000, 210]], 0, 2025);
    expect(other).toEqual({ kind: "error", message: expect.objectContaining({ en: "The chosen purchases have no rows of 2025, the year of this estimate. Choose the purchases of 2025, or type the input VAT yourself." }) });
    expect(purchasesFromValues([["Datum", "Leverancier", "Bedrag excl. btw", "BTW"]], 0, 2025).kind).toBe("error");
    // Every row of the year unreadable: the rows are named.
    const unread = purchasesFromValues([["Datum", "Bedrag excl. btw", "BTW"], [45700, "duizend", 210]], 0, 2025);
    expect(unread).toEqual({ kind: "error", message: expect.objectContaining({ en: expect.stringMatching(/^Row 2: could not be read, so it is not counted in the input VAT\./) }) });
  });
});

describe("issue 15: the right money from the sheet (the tax adviser's examples, through the decision model)", () => {
  const sheet = (key: string, values: unknown[][]): InvoiceSource => ({ ...source, key, values, headerRowIndex: null });
  const compute = (src: InvoiceSource, state: Partial<DecisionState> = {}, settings = {}, lang: "nl" | "en" = "en") =>
    computeDecision({ state: { ...blank, ...state }, analysis: analyze(src, settings, TODAY), source: src, today: TODAY, lang, purchases: null });
  // 2025 dates as Excel serials: 45672 = 15 Jan 2025, 45809 = 1 Jun 2025.
  const JAN = 45672;
  const JUN = 45809;

  it("measures the business share per rate: €10,000 at 21% to consumers + €8,000 verlegd to businesses → keeps €2,100", () => {
    const src = sheet("per-rate", [
      ["Datum", "Klanttype", "Bedrag excl. btw", "Categorie"],
      [JAN, "particulier", 10_000, "21"],
      [JUN, "zakelijk", 8_000, "verlegd"],
    ]);
    const f = compute(src);
    expect(f.sheetShare?.byRate.map((r) => [r.ratePercent, r.share.share])).toEqual([[21, 0]]);
    expect(f.shareText).toBe("0");
    expect(f.decision).toMatchObject({ keptCents: 210_000, netCents: 210_000 });
  });

  const machineSheet = sheet("machine", [
    ["Datum", "Omschrijving", "Klanttype", "Bedrag excl. btw", "Categorie", "BTW"],
    [JAN, "Verkoop", "particulier", 12_000, "21", 2_520],
    ...[0, 1, 2, 3, 4].map((i) => [JAN + 30 * i, "Kantoorkosten", "", 400, "inkoop", 84]),
    [JAN + 200, "Telefoon", "", 380.95, "inkoop", 80],
    [JUN, "Machine (investering)", "", 10_000, "inkoop", 2_100],
  ]);

  it("takes a machine bought in the basis year as an investment, not yearly input VAT: +€2,020 a year", () => {
    const f = compute(machineSheet);
    expect(f.dates.start).toBe(dayFromIso("2027-01-01"));
    expect(f.purchases.investments.map((l) => [l.row, l.vatCents, l.marked])).toEqual([[9, 210_000, true]]);
    expect(f.purchases).toMatchObject({ runningVatCents: 50_000, runningRows: 6 });
    expect(f.inputVatText).toBe("500.00");
    // The machine (€2,100, first used 2025) is revised at €420 a year from 2027: under €500, nothing due.
    expect(f.schedule).toEqual([2027, 2028, 2029].map((year) => ({ year, totalCents: 0, belowMinimum: true })));
    expect(f.decision).toMatchObject({ keptCents: 252_000, inputVatCents: 50_000, netCents: 202_000, verdict: "pays", oneOffs: [] });
    expect(f.decision?.headline.en).toBe("Joining the KOR gains you about €2,020.00 a year.");
  });

  it("exempt turnover: only the input VAT and the herziening of the taxed part count (pro rata by turnover)", () => {
    // A physiotherapist: €4,000 at 21% to consumers, €12,000 medical (exempt) → 4,000 ÷ 16,000 = 25% of the input VAT
    // was deductible. Running costs €420 of VAT → €105 lost; kept €840: +€735 a year (was €840 − €420 = +€420).
    // A machine (€10,500 VAT, June 2025): only €2,625 of it was deducted → herziening €525 a year in 2027–2029 (was €2,100).
    const src = sheet("fysio", [
      ["Datum", "Omschrijving", "Klanttype", "Bedrag excl. btw", "Categorie", "BTW"],
      [JAN, "Verkoop", "particulier", 4_000, "21", 840],
      [JAN + 1, "Behandelingen", "particulier", 12_000, "vrij", ""],
      ...[0, 1, 2, 3, 4].map((i) => [JAN + 30 * i, "Kantoorkosten", "", 400, "inkoop", 84]),
      [JUN, "Machine (investering)", "", 50_000, "inkoop", 10_500],
    ]);
    const f = compute(src);
    expect(f.inputVatText).toBe("420.00");
    expect(f.schedule).toEqual([2027, 2028, 2029].map((year) => ({ year, totalCents: 52_500, belowMinimum: false })));
    expect(f.decision).toMatchObject({ keptCents: 84_000, inputVatCents: 10_500, nonDeductibleCents: 31_500, deductibleShare: 0.25, netCents: 73_500, verdict: "pays" });
    expect(f.decision?.oneOffs.map((o) => [o.year, o.cents])).toEqual([[2027, -52_500], [2028, -52_500], [2029, -52_500]]);

    // Only exempt turnover (letting, €18,000): nothing lost, nothing to revise; was "costs €420 a year" and €2,100 a year.
    const letting = sheet("verhuur", [
      ["Datum", "Omschrijving", "Bedrag excl. btw", "Categorie", "BTW"],
      [JAN, "Huur", 18_000, "vrij-og", ""],
      ...[0, 1, 2, 3, 4].map((i) => [JAN + 30 * i, "Onderhoud", 400, "inkoop", 84]),
      [JUN, "Dakkapel (investering)", 50_000, "inkoop", 10_500],
    ]);
    const g = compute(letting);
    expect(g.schedule).toEqual([]);
    expect(g.decision).toMatchObject({ inputVatCents: 0, netCents: 0, verdict: "neutral", oneOffs: [] });
    expect(g.decision?.reasons.map((r) => r.en).join(" ")).toContain("All your turnover is exempt from VAT (€18,000.00");
  });

  it("lets the user move a purchase between investments and running costs", () => {
    // Moved to running costs, the machine reproduces the old figure: −€80 a year.
    const asRunning = compute(machineSheet, { moved: [9] });
    expect(asRunning.purchases.investments).toEqual([]);
    expect(asRunning.decision).toMatchObject({ inputVatCents: 260_000, netCents: -8_000 });
    // A €400 row moved the other way becomes an investment (herziening, not yearly).
    const asInvestment = compute(machineSheet, { moved: [3] });
    expect(asInvestment.purchases.investments.map((l) => l.row)).toEqual([3, 9]);
    expect(asInvestment.decision?.inputVatCents).toBe(50_000 - 8_400);
  });

  it("takes a purchase from €450 excluding VAT as an investment even without the word", () => {
    const src = sheet("threshold", [
      ["Datum", "Omschrijving", "Bedrag excl. btw", "Categorie", "BTW"],
      [JAN, "Verkoop", 12_000, "21", 2_520],
      [JAN + 1, "Laptop", 450, "inkoop", 94.5],
      [JAN + 2, "Papier", 449.99, "inkoop", 94.5],
    ]);
    const f = compute(src);
    expect(f.purchases.investments.map((l) => l.text)).toEqual(["Laptop"]);
    expect(f.purchases.runningVatCents).toBe(9_450);
  });

  it("the webshop: −€1,650 a year, and once −€1,260 in the year of the van", () => {
    const src = sheet("webshop", [
      ["Datum", "Bedrag excl. btw", "Categorie"],
      [JAN, 15_000, "9"],
    ]);
    const f = compute(src, { inputVat: "3000", plannedVat: "1260" }, {}, "nl");
    expect(f.plannedYearText).toBe("2027");
    expect(f.decision).toMatchObject({ keptCents: 135_000, netCents: -165_000, breakEvenInputVatCents: 135_000, verdict: "costs" });
    expect(f.decision?.oneOffs.map((o) => [o.year, o.kind, o.cents])).toEqual([[2027, "investment", -126_000]]);
    expect(f.decision?.headline.nl).toBe("Meedoen aan de KOR kost u naar schatting € 1.650,00 per jaar, en eenmalig € -1.260,00 in 2027 (btw op de geplande investering).");
    expect(compute(src, { inputVat: "3000", plannedVat: "1260", plannedYear: "2029" }).decision?.oneOffs[0].year).toBe(2029);
    expect(compute(src, { inputVat: "3000", plannedVat: "1260", plannedYear: "2020" }).errors.plannedYear?.en).toBe("Enter a year from 2027, for example 2027.");
  });

  it("recognises a gross turnover column and takes the VAT out; asks when the header does not say", () => {
    const gross: InvoiceSource = {
      ...sheet("gross", [
        ["Datum", "Bedrag incl. btw", "Categorie"],
        [JAN, 12_100, "21"],
      ]),
      headerRowIndex: 0,
    };
    // Detection never takes "incl. btw" as turnover; the user chose the column, and the reading layer takes each
    // row's VAT out by its rate (the year report counts the same €10,000), so the decision does not again.
    const f = compute(gross, {}, { columns: { amount: 1 } });
    expect(f.amountBasis).toMatchObject({ fromHeader: "net", inclVat: false, ask: false });
    expect(f.output.lines).toEqual([{ ratePercent: 21, cents: 1_000_000, assumedCents: 0 }]);
    expect(f.decision?.keptCents).toBe(210_000);

    const plain = sheet("plain", [
      ["Datum", "Bedrag", "Categorie"],
      [JAN, 12_100, "21"],
    ]);
    const asked = compute(plain);
    expect(asked.amountBasis).toMatchObject({ header: "Bedrag", fromHeader: "unknown", inclVat: false, ask: true });
    expect(asked.decision?.keptCents).toBe(254_100);
    const answered = compute(plain, { amountsInclVat: true });
    expect(answered.amountBasis).toMatchObject({ inclVat: true, ask: false });
    expect(answered.decision?.keptCents).toBe(210_000);
    // "excl. btw" in the header: not asked.
    expect(compute(machineSheet).amountBasis).toMatchObject({ fromHeader: "net", ask: false });
  });

  it("counts customers that do not deduct VAT as consumers: from the type column's words, or marked by the user", () => {
    const typed = sheet("zorg", [
      ["Datum", "Klanttype", "Bedrag excl. btw", "Categorie"],
      [JAN, "zakelijk", 5_000, "21"],
      [JAN + 1, "zakelijk (zorg)", 5_000, "21"],
    ]);
    expect(compute(typed).decision).toMatchObject({ keptCents: 105_000, businessVatCents: 105_000 });
    const vatIds = sheet("vatids", [
      ["Datum", "Btw-nummer klant", "Bedrag excl. btw", "Categorie"],
      [JAN, "NL123456789B01", 6_000, "21"],
      [JAN + 1, "NL987654321B01", 4_000, "21"],
    ]);
    const f = compute(vatIds);
    expect(f.sheetShare?.businessCustomers.map((c) => [c.key, c.cents])).toEqual([
      ["nl123456789b01", 600_000],
      ["nl987654321b01", 400_000],
    ]);
    expect(f.decision?.keptCents).toBe(0);
    expect(compute(vatIds, { nonDeducting: ["nl987654321b01"] }).decision).toMatchObject({ keptCents: 84_000, businessVatCents: 126_000 });
  });

  it("reads VAT reverse-charged to the business from purchase rows marked verlegd; typed over, it is asked", () => {
    const src = sheet("reverse", [
      ["Datum", "Omschrijving", "Bedrag excl. btw", "Categorie", "BTW"],
      [JAN, "Verkoop", 10_000, "21", 2_100],
      [JAN + 1, "Advertenties IE", 1_000, "inkoop verlegd", ""],
      [JAN + 2, "Software DE", 500, "verlegd inkoop", 105],
    ]);
    const f = compute(src);
    expect(f.purchases).toMatchObject({ reverseChargedRows: 2, reverseChargedVatCents: 31_500, runningVatCents: 0 });
    expect(f.reverseVatText).toBe("315.00");
    expect(f.decision).toMatchObject({ reverseChargedVatCents: 31_500, netCents: 210_000 - 31_500 });
    expect(f.decision?.administration.map((a) => a.en).join(" ")).toContain("VAT returns do not stop entirely");
    expect(compute(src, { reverseVat: "" }).decision?.reverseChargedVatCents).toBe(0);
    expect(compute(src, { reverseVat: "x" }).errors.reverseVat).toBeDefined();
    // No reverse-charged rows: the field stays empty for the user to fill in.
    expect(compute(machineSheet).reverseVatText).toBe("");
  });

  it("leaving is worded on turnover excluding VAT", () => {
    const f = run({ participant: true });
    expect(f.decision?.netTurnoverCents).toBe(1_644_000 - 263_986);
    expect(f.decision?.reasons.map((r) => r.en).join(" ")).toContain("Your turnover excluding VAT then becomes €13,800.14");
  });
});

describe("turnover worked out by the reading layer", () => {
  it("takes gross − VAT as excluding VAT and does not ask", () => {
    const src: InvoiceSource = {
      ...source,
      key: "gross-vat",
      headerRowIndex: null,
      values: [
        ["Datum", "Bedrag incl. btw", "BTW", "Categorie"],
        [45672, 12_100, 2_100, "21"],
      ],
    };
    const analysis = analyze(src, {}, TODAY);
    const f = computeDecision({ state: blank, analysis, source: src, today: TODAY, lang: "en", purchases: null });
    expect(f.amountBasis).toMatchObject({ fromHeader: "net", inclVat: false, ask: false });
    expect(f.output.lines).toEqual([{ ratePercent: 21, cents: 1_000_000, assumedCents: 0 }]);
  });
});

describe("a sheet whose turnover cannot be known gives no result, as the year report gives no verdict", () => {
  const sheet = (key: string, values: unknown[][]): InvoiceSource => ({ ...source, key, values, headerRowIndex: null, fileSheets: undefined });
  const compute = (src: InvoiceSource, state: Partial<DecisionState> = {}, settings = {}) =>
    computeDecision({ state: { ...blank, ...state }, analysis: analyze(src, settings, TODAY), source: src, today: TODAY, lang: "en", purchases: null });
  const JAN = 45672; // 15 January 2025

  it("no date and amount columns: the report's reason and what to do, no verdict (was 'no difference in money a year')", () => {
    const f = compute(sheet("no-columns", [["Klant", "Omschrijving"], ["Bakker", "Website"]]), { inputVat: "500" });
    expect(f.decision).toBeNull();
    expect(f.refusal?.title.en).toBe("No date and amount columns found");
    expect(f.refusal?.reason.en).toContain("No header row found with a date column (Date, Invoice date) and an amount column");
    expect(f.refusal?.todo.en).toContain("Choose the columns yourself under Settings on the Year report tab");
    expect(f.refusal?.todo.nl).toContain("Kies de kolommen zelf onder Instellingen op het tabblad Jaar");
  });

  it("amounts including VAT only: no verdict and no 'joining costs €500 a year' from €0 turnover; says to add the VAT column", () => {
    const f = compute(sheet("gross-only", [["Datum", "Totaal incl. btw"], [JAN, 12_100], [JAN + 1, 1_210]]), { inputVat: "500" });
    expect(f.decision).toBeNull();
    expect(f.refusal?.title.en).toBe("No amount excluding VAT found");
    expect(f.refusal?.reason.en).toContain("\"Totaal incl. btw\" (B) holds amounts including VAT");
    expect(f.refusal?.todo.en).toContain("Add the VAT column (or the column with the amount excluding VAT) to the sheet");
    // The same column chosen as the amount on the Year report tab, with neither a VAT nor a rate column: still no
    // result (the year report refuses it too, instead of counting €13,310 including VAT), with the reason.
    const chosen = compute(sheet("gross-only", [["Datum", "Totaal incl. btw"], [JAN, 12_100], [JAN + 1, 1_210]]), {}, { columns: { amount: 1 } });
    expect(chosen.decision).toBeNull();
    expect(chosen.refusal?.reason.en).toContain('The amount column chosen, "Totaal incl. btw" (B), holds amounts including VAT according to its header');
    // With a VAT column: gross − VAT, €11,000, in the year report and here.
    const withVat = compute(sheet("gross-vat", [["Datum", "Totaal incl. btw", "BTW"], [JAN, 12_100, 2_100], [JAN + 1, 1_210, 210]]), {}, { columns: { amount: 1 } });
    expect(withVat.refusal).toBeNull();
    expect(withVat.output.lines).toEqual([{ ratePercent: 21, cents: 1_100_000, assumedCents: 1_100_000 }]);
    expect(withVat.decision?.keptCents).toBe(231_000);
  });

  it("every row of the year in error: says so and asks to fix them, no verdict", () => {
    const f = compute(sheet("all-errors", [["Datum", "Bedrag excl. btw", "Categorie"], [JAN, "tienduizend", "21"], [JAN + 1, 5_000, "xyz"]]));
    expect(f.decision).toBeNull();
    expect(f.refusal?.title.en).toBe("The turnover of 2025 cannot be read");
    expect(f.refusal?.reason.en).toBe("2 rows with errors were not counted, and without them there is no turnover that counts in 2025.");
    expect(f.refusal?.todo.en).toContain("Fix the errors (see the warnings on the Year report tab)");
  });

  it("a row in error of the year before does not make the basis year's missing turnover an error (only exempt sales in 2026)", () => {
    const f = compute(sheet("exempt-2026", [["Datum", "Bedrag excl. btw", "Categorie"], [JAN, "tienduizend", "21"], [JAN + 365, 5_000, "vrij"]]));
    expect(f.decision).toBeNull();
    // Was: "1 row with errors was not counted, and without it there is no turnover that counts in 2026".
    expect(f.refusal).toMatchObject({ title: { en: "No turnover that counts in 2026" }, reason: { en: "No turnover that counts in 2026: there is nothing to compare." } });
  });

  it("a year with purchases only: no turnover that counts, so no 'joining costs you' verdict", () => {
    const f = compute(sheet("purchases-only", [["Datum", "Bedrag excl. btw", "Categorie", "BTW"], [JAN, 1_000, "inkoop", 210]]));
    expect(f.decision).toBeNull();
    expect(f.refusal).toMatchObject({ title: { en: "No turnover that counts in 2025" }, reason: { en: "No turnover that counts in 2025: there is nothing to compare." } });
  });

  it("a year before 2020 (the KOR exemption did not exist): says so and what to do, no result (was a crash that blanked the pane)", () => {
    const MAR_2019 = 43525; // 1 March 2019
    const src = sheet("y2019", [["Datum", "Bedrag excl. btw", "Categorie"], [MAR_2019, 100, "21"], [MAR_2019 + 2, 200, "21"]]);
    const f = compute(src, { inputVat: "500" });
    expect(f.decision).toBeNull();
    expect(f.refusal?.title).toEqual({ nl: "Geen KOR-vrijstelling in 2019", en: "No KOR exemption in 2019" });
    expect(f.refusal?.reason.en).toBe("Not supported: the KOR exemption exists from 2020. Before 2020 the KOR was a different scheme (a VAT reduction).");
    expect(f.refusal?.todo.nl).toContain("Kies onder Instellingen op het tabblad Jaar een jaar vanaf 2020");
  });

  it("a readable sheet is not refused", () => {
    expect(run({}).refusal).toBeNull();
  });
});

describe("rows with errors: the figures are provisional, as the year report's verdict is", () => {
  const sheet = (key: string, values: unknown[][]): InvoiceSource => ({ ...source, key, values, headerRowIndex: null, fileSheets: undefined });
  const JAN = 45672; // 15 January 2025

  it("an unreadable amount and an unknown category: the gain leaves them out and says so (was a plain 'gains you €2,100.00 a year')", () => {
    const src = sheet("error-rows", [
      ["Datum", "Bedrag excl. btw", "Categorie"],
      [JAN, 10_000, "21"],
      [JAN + 1, "tienduizend", "21"],
      [JAN + 2, 5_000, "xyz"],
    ]);
    const analysis = analyze(src, {}, TODAY);
    const f = computeDecision({ state: blank, analysis, source: src, today: TODAY, lang: "en", purchases: null });
    expect(f.refusal).toBeNull();
    expect(f.decision).toMatchObject({ keptCents: 210_000, netCents: 210_000 });
    expect(f.provisional?.en).toBe(
      "Provisional: 2 rows with errors not counted (€5,000.00 and 1 unreadable amount). This result leaves those rows out, so it may still change; fix the errors first (see the warnings on the Year report tab).",
    );
    expect(f.provisional?.nl).toBe(
      "Voorlopig: 2 rijen met fouten niet meegeteld (€ 5.000,00 en 1 onleesbaar bedrag). Deze uitkomst rekent zonder die rijen en kan dus nog veranderen; los de fouten eerst op (zie de waarschuwingen op het tabblad Jaar).",
    );
  });

  it("one row in error is named in the singular", () => {
    const src = sheet("one-error", [["Datum", "Bedrag excl. btw", "Categorie"], [JAN, 10_000, "21"], [JAN + 1, "tienduizend", "21"]]);
    const f = computeDecision({ state: blank, analysis: analyze(src, {}, TODAY), source: src, today: TODAY, lang: "nl", purchases: null });
    expect(f.provisional?.nl).toBe(
      "Voorlopig: 1 rij met fouten niet meegeteld (1 onleesbaar bedrag). Deze uitkomst rekent zonder die rij en kan dus nog veranderen; los de fout eerst op (zie de waarschuwingen op het tabblad Jaar).",
    );
  });

  it("rows with errors in another year do not make the basis year provisional", () => {
    const src = sheet("other-year-error", [
      ["Datum", "Bedrag excl. btw", "Categorie"],
      [JAN, 10_000, "21"],
      [JAN + 400, "tienduizend", "21"], // 2026
    ]);
    const f = computeDecision({ state: blank, analysis: analyze(src, { year: 2025 }, TODAY), source: src, today: TODAY, lang: "en", purchases: null });
    expect(f.provisional).toBeNull();
    expect(run({}).provisional).toBeNull();
  });
});
