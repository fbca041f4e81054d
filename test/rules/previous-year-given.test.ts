/**
 * kor-rules.md section 4 and worked example 26: a previous-year turnover the user gives wins over the rows of
 * that year in the data (they may be incomplete); when they differ, the output names both figures.
 */
import { eligibility } from "../../src/rules/eligibility";
import { euEligibility } from "../../src/rules/eu";
import { adviceOf } from "../../src/rules/advice";
import { summarizeYear } from "../../src/rules/summary";
import { d, eur, sheet } from "./helpers";

describe("previous-year turnover given and in the data", () => {
  const rows = sheet(["2025-04-01", 25_000], ["2026-02-01", 5_000]);

  it("uses the given amount over the rows of the previous year, and names both figures", () => {
    const e = eligibility({ rows, year: 2026, previousYearCents: eur(10_000) });
    expect(e).toMatchObject({ verdict: "eligible", previousYearBasis: "given", previousYearCents: eur(10_000), previousYearCrossing: null });
    const en = e.reasons.map((r) => r.en).join(" ");
    const nl = e.reasons.map((r) => r.nl).join(" ");
    expect(en).toContain("The given 2025 turnover of €10,000.00 was used; the rows of 2025 in the data add up to €25,000.00. Check which figure is right.");
    expect(nl).toContain("De opgegeven omzet 2025 van € 10.000,00 is gebruikt; de rijen van 2025 in de gegevens tellen op tot € 25.000,00.");
  });

  it("says nothing extra when the given amount equals the data", () => {
    const e = eligibility({ rows, year: 2026, previousYearCents: eur(25_000) });
    expect(e.previousYearBasis).toBe("given");
    expect(e.reasons.some((r) => r.en.includes("add up to"))).toBe(false);
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026, previousYearCents: eur(25_000) });
    expect(s.problems.some((p) => p.code === "previous-year-differs")).toBe(false);
  });

  it("keeps basis 'data' without a given amount", () => {
    expect(eligibility({ rows, year: 2026 })).toMatchObject({ verdict: "not-eligible", previousYearBasis: "data", previousYearCents: eur(25_000) });
  });

  it("makes the summary and its next start follow the given amount, with a warning naming both figures", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026, previousYearCents: eur(10_000) });
    expect(s).toMatchObject({ verdict: "eligible", previousYearBasis: "given", previousYearCents: eur(10_000) });
    expect(s.deadlines.nextStart).toBe(d("2026-04-01"));
    const w = s.problems.find((p) => p.code === "previous-year-differs");
    expect(w).toMatchObject({ row: null, severity: "warning" });
    expect(w?.message.en).toBe("The given 2025 turnover of €10,000.00 was used; the rows of 2025 in the data add up to €25,000.00. Check which figure is right.");
  });

  it("does the same for the EU-KOR previous-year Union turnover", () => {
    const eu = sheet(["2025-04-01", 101_000, "21", { country: "NL" }], ["2026-02-01", 5_000, "buitenland", { country: "BE" }]);
    const e = euEligibility({ rows: eu, year: 2026, country: "BE", previousUnionCents: eur(50_000) });
    expect(e).toMatchObject({ previousUnionBasis: "given", previousUnionCents: eur(50_000) });
    expect(e.reasons.map((r) => r.en).join(" ")).toContain(
      "The given 2025 Union turnover of €50,000.00 was used; the rows of 2025 in the data add up to €101,000.00. Check which figure is right.",
    );
    const s = summarizeYear(eu, { today: d("2026-03-01"), year: 2026, previousUnionCents: eur(50_000) });
    expect(s.eu).toMatchObject({ previousUnionCents: eur(50_000), withinUnion: true });
    expect(s.problems.find((p) => p.code === "previous-union-differs")?.message.en).toContain("€101,000.00");
  });
});

describe("a participant's given previous year over the limit (section 5)", () => {
  // In the KOR since 1 Jan 2024; only 2026 on the sheet (€5,000); €25,000 typed for 2025. The turnover went over
  // €20,000 on some day of 2025, which ended participation; before, the report said nothing of it.
  const rows = sheet(["2026-03-01", 5_000]);
  const options = { today: d("2026-11-27"), year: 2026, participation: { status: "in" as const, since: d("2024-01-01") } };

  it("says participation ended in 2025, that VAT is due from that day, and asks for the rows to find it", () => {
    const s = summarizeYear(rows, { ...options, previousYearCents: eur(25_000) });
    expect(s.verdict).toBe("not-eligible");
    const w = s.problems.find((p) => p.code === "previous-year-ended-participation");
    expect(w?.severity).toBe("warning");
    expect(w?.message.en).toBe(
      "The business has been in the KOR since 1 January 2024, but the given 2025 turnover of €25,000.00 is over the turnover limit of €20,000.00. Participation then ended in 2025, on the day turnover went over the limit: VAT is due from that day, and the business should have deregistered at once. One figure cannot show which day, and a given turnover takes precedence over the invoices of 2025: add all invoices of 2025 (on this sheet or on a sheet with 2025 in its name) and no longer give the 2025 turnover, to see that day and the earliest new start.",
    );
    expect(w?.message.nl).toBe(
      "U doet mee aan de KOR sinds 1 januari 2024, maar de opgegeven omzet 2025 van € 25.000,00 is hoger dan de omzetgrens van € 20.000,00. Dan is uw deelname in 2025 geëindigd op de dag dat de omzet over de grens ging: vanaf die dag is btw verschuldigd, en u had zich direct moeten afmelden. Welke dag dat was, blijkt niet uit één bedrag, en een opgegeven omzet gaat voor de facturen van 2025: neem alle facturen van 2025 op (op dit blad of op een blad met 2025 in de naam) en geef de omzet 2025 niet meer op, om die dag en de vroegste nieuwe start te zien.",
    );
  });

  it("says nothing of it within the limit, for a start after that year, or without participation", () => {
    const has = (o: Parameters<typeof summarizeYear>[1], r = rows): boolean => summarizeYear(r, o).problems.some((p) => p.code === "previous-year-ended-participation");
    expect(has({ ...options, previousYearCents: eur(20_000) })).toBe(false);
    expect(has({ ...options, previousYearCents: eur(25_000), participation: { status: "in", since: d("2026-01-01") } })).toBe(false);
    expect(has({ ...options, previousYearCents: eur(25_000), participation: { status: "unknown" } })).toBe(false);
  });

  it("warns also with rows of 2025: the typed figure wins over them, their crossing included", () => {
    // Following the advice (the 2025 invoices added, the figure still typed): before, the warning went and the
    // report kept 'participating', with no word that participation ended on 1 May 2025.
    for (const r of [sheet(["2025-05-01", 25_000], ["2026-03-01", 5_000]), sheet(["2025-05-01", 10_000], ["2026-03-01", 5_000])]) {
      const s = summarizeYear(r, { ...options, previousYearCents: eur(25_000) });
      const w = s.problems.find((p) => p.code === "previous-year-ended-participation");
      expect(w?.message.en).toContain("a given turnover takes precedence over the invoices of 2025: add all invoices of 2025");
      expect(w?.message.en).toContain("and no longer give the 2025 turnover");
      expect(w?.message.nl).toContain("en geef de omzet 2025 niet meer op");
    }
    // Without the figure the rows give the day.
    const s = summarizeYear(sheet(["2025-05-01", 25_000], ["2026-03-01", 5_000]), options);
    expect(s.deadlines.participationEnded).toBe(d("2025-05-01"));
  });

  it("tells a participant who joined during 2025 both outcomes: the limit may have been crossed before the start", () => {
    const s = summarizeYear(rows, { ...options, previousYearCents: eur(25_000), participation: { status: "in", since: d("2025-07-01") } });
    const w = s.problems.find((p) => p.code === "previous-year-ended-participation");
    expect(w?.message.en).toContain(
      "If turnover went over the limit on or after 1 July 2025, participation ended that day: VAT is due from that day, and the business should have deregistered at once. If it went over before 1 July 2025, the business could no longer join the KOR in 2025: VAT is due then too.",
    );
    expect(w?.message.nl).toContain(
      "Ging de omzet op of na 1 juli 2025 over de grens, dan is uw deelname op die dag geëindigd: vanaf die dag is btw verschuldigd, en u had zich direct moeten afmelden. Ging de omzet er vóór 1 juli 2025 al over, dan kon u in 2025 niet meer aan de KOR meedoen: ook dan is btw verschuldigd.",
    );
    expect(w?.message.en).not.toContain("Participation then ended in 2025");
  });
});

describe("a participant's given previous year over the limit ends participation in that year (section 5, 6)", () => {
  const inSince = (iso: string) => ({ status: "in" as const, since: d(iso) });

  it("2025 over the limit: not in the KOR now; out for the rest of 2025 and all of 2026, so 1 January 2027 (register by 3 December 2026)", () => {
    const s = summarizeYear(sheet(["2026-03-01", 5_000]), { today: d("2026-11-27"), year: 2026, participation: inSince("2024-01-01"), previousYearCents: eur(25_000) });
    expect(s.deadlines).toMatchObject({ participating: false, participationEnded: null, participationEndedIn: 2025, nextStart: d("2027-01-01"), registrationDeadline: d("2026-12-03") });
  });

  it("2024 over the limit (2020–2024 rules: three years from the exit): counted from 31 December 2024, so 1 January 2028, not 1 January 2026", () => {
    // Exit on 31 Dec 2024 at the latest; excluded through 30 Dec 2027; the next quarter start is 1 Jan 2028,
    // register by 3 Dec 2027. Before, the report said "in the KOR", and its next start was 1 January 2026.
    const s = summarizeYear(sheet(["2025-03-01", 5_000]), { today: d("2025-06-01"), year: 2025, participation: inSince("2022-01-01"), previousYearCents: eur(25_000) });
    expect(s.deadlines).toMatchObject({ participating: false, participationEndedIn: 2024, nextStart: d("2028-01-01"), registrationDeadline: d("2027-12-03") });
    expect(s.deadlines.nextStartReason?.en).toBe(
      "The given turnover of 2024 is over the turnover limit, which ended your participation in 2024; the earliest new start is 1 January 2028 (counted from 31 December 2024; the invoices of 2024 show the real day).",
    );
  });

  it("a crossing in the rows before that year ended participation first: that day stands", () => {
    const rows = sheet(["2023-06-01", 21_000], ["2025-03-01", 5_000]);
    const s = summarizeYear(rows, { today: d("2025-06-01"), year: 2025, participation: inSince("2022-01-01"), previousYearCents: eur(25_000) });
    expect(s.deadlines).toMatchObject({ participating: false, participationEnded: d("2023-06-01"), participationEndedIn: null });
  });

  it("within the limit: in the KOR as before; a start after that year could not take effect (section 4), it ended nothing", () => {
    const rows = sheet(["2026-03-01", 5_000]);
    const within = summarizeYear(rows, { today: d("2026-11-27"), year: 2026, participation: inSince("2024-01-01"), previousYearCents: eur(20_000) });
    expect(within.deadlines).toMatchObject({ participating: true, participationEndedIn: null, participationCouldNotStart: null });
    const later = summarizeYear(rows, { today: d("2026-11-27"), year: 2026, participation: inSince("2026-01-01"), previousYearCents: eur(25_000) });
    expect(later.deadlines).toMatchObject({ participating: false, participationEndedIn: null, participationEnded: null });
    expect(later.deadlines.participationCouldNotStart?.nl).toBe(
      "de opgegeven omzet die meetelt van 2025 (€ 25.000,00) is hoger dan de omzetgrens van € 20.000,00 (vanaf 2025 moet ook het vorige jaar binnen de grens blijven)",
    );
    expect(later.problems.map((p) => p.code)).toEqual(["participation-could-not-start"]);
  });
});

describe("a start during the year of the typed figure", () => {
  it("the next start's reason says participation ended, or could not begin (the limit may have been crossed before the start)", () => {
    // In the KOR since 1 Apr 2024, €25,000 typed for 2024: out from a day of 2024 (or never in), counted from
    // 31 Dec 2024 (2020–2024 rules: three years), so 1 January 2028.
    const s = summarizeYear(sheet(["2025-03-01", 5_000]), { today: d("2025-06-01"), year: 2025, participation: { status: "in", since: d("2024-04-01") }, previousYearCents: eur(25_000) });
    expect(s.deadlines).toMatchObject({ participating: false, participationEndedIn: 2024, nextStart: d("2028-01-01") });
    expect(s.deadlines.nextStartReason?.nl).toBe(
      "De opgegeven omzet van 2024 is hoger dan de omzetgrens; daarmee is uw deelname in 2024 geëindigd (of kon die niet beginnen). Opnieuw meedoen kan op zijn vroegst per 1 januari 2028 (gerekend vanaf 31 december 2024; met de facturen van 2024 is de echte dag te vinden).",
    );
  });
});

describe("what the report says beside the warning of a typed previous year over the limit", () => {
  const inSince2023 = { status: "in" as const, since: d("2023-01-01") };

  it("with a crossing in the report year too, the advice does not say 'not in the KOR, no need to deregister'", () => {
    // In the KOR since 2023, €30,000 typed for 2024: out from a day of 2024 (the 2025 crossing ends nothing), not yet
    // necessarily deregistered: the advice must not contradict the warning that says to deregister.
    const rows = sheet(["2025-03-01", 15_000], ["2025-05-01", 10_000]);
    const s = summarizeYear(rows, { today: d("2025-06-01"), year: 2025, participation: inSince2023, previousYearCents: eur(30_000) });
    expect(s.problems.map((p) => p.code)).toContain("previous-year-ended-participation");
    const a = adviceOf(s);
    expect(a.action?.nl).toBe(
      "Uw KOR-deelname is in 2024 al geëindigd (de opgegeven omzet 2024 is hoger dan de omzetgrens): nog niet afgemeld? Meld u dan direct af, met de dag in 2024 dat de omzet over de grens ging als beëindigingsdatum. Meedoen kan op zijn vroegst vanaf 1 januari 2028; aanmelden uiterlijk 3 december 2027.",
    );
    expect(a.action?.en).toBe(
      "Your KOR participation already ended in 2024 (the given 2024 turnover is over the turnover limit): not deregistered yet? Deregister at once, with the day in 2024 turnover went over the limit as the end date. You can join on 1 January 2028 at the earliest; register by 3 December 2027.",
    );
  });

  it("with a crossing in the report year too, the verdict's reason does not say participation ends on that crossing", () => {
    const rows = sheet(["2025-03-01", 15_000], ["2025-05-01", 10_000]);
    const s = summarizeYear(rows, { today: d("2025-06-01"), year: 2025, participation: inSince2023, previousYearCents: eur(30_000) });
    const nl = s.reasons.map((r) => r.nl).join(" ");
    const en = s.reasons.map((r) => r.en).join(" ");
    expect(nl).not.toContain("met 1 mei 2025 als beëindigingsdatum");
    expect(nl).toContain(
      "Uw KOR-deelname eindigde al in 2024, op de dag dat de omzet over de omzetgrens ging (de opgegeven omzet 2024 is hoger dan de omzetgrens); deze overschrijding beëindigt niets meer. In 2025 meedoen aan de KOR kan vanaf die dag niet meer.",
    );
    expect(en).toContain(
      "Your KOR participation already ended in 2024, on the day turnover went over the turnover limit (the given 2024 turnover is over the turnover limit); this crossing ends nothing more. Joining the KOR in 2025 is no longer possible from that day.",
    );
  });

  it("a crossing in an earlier year's rows ended participation first: no warning that the typed year ended it", () => {
    // Ended on 1 March 2023; the warning 'participation then ended in 2024' would contradict 'in the KOR until 1 March 2023'.
    const rows = sheet(["2023-03-01", 25_000], ["2025-03-01", 5_000]);
    const s = summarizeYear(rows, { today: d("2025-06-01"), year: 2025, participation: { status: "in", since: d("2021-01-01") }, previousYearCents: eur(30_000) });
    expect(s.deadlines).toMatchObject({ participationEnded: d("2023-03-01"), participationEndedIn: null, nextStart: d("2026-04-01") });
    expect(s.problems.map((p) => p.code)).not.toContain("previous-year-ended-participation");
  });
});

describe("status unknown: the outcome 'if in the KOR' with a typed previous year over the limit", () => {
  it("a business in the KOR in 2024 was out from a day of 2024: if in the KOR, 1 January 2028 (three years, counted from 31 December 2024)", () => {
    // Report 2025 (€5,000), €30,000 typed for 2024, today 1 Jun 2025, quarterly. Not in the KOR: 2025 fails the
    // previous-year test, 2026 is open (1 January 2026). If it was in the KOR in 2024, the exit's three years run
    // to 30 December 2027 at the latest: 1 January 2028, register by 3 December 2027. Before, no such line.
    const s = summarizeYear(sheet(["2025-03-01", 5_000]), { today: d("2025-06-01"), year: 2025, participation: { status: "unknown" }, previousYearCents: eur(30_000) });
    expect(s.deadlines).toMatchObject({ nextStart: d("2026-01-01"), ifInKor: { start: d("2028-01-01"), deadline: d("2027-12-03"), endedOn: null } });
  });

  it("from 2025 both outcomes agree (the exit year and the next are excluded, as the previous-year test gives): no second line", () => {
    const s = summarizeYear(sheet(["2026-03-01", 5_000]), { today: d("2026-06-01"), year: 2026, participation: { status: "unknown" }, previousYearCents: eur(30_000) });
    expect(s.deadlines).toMatchObject({ nextStart: d("2027-01-01"), ifInKor: null });
  });
});

describe("a participant's given previous year over the limit, in a report year before 2025 (no previous-year test)", () => {
  // In the KOR since 1 Jan 2022, only 2024 on the sheet (€5,000), €25,000 typed for 2023. The 2023 figure plays no part
  // in 2024's eligibility, but it says participation ended on some day of 2023 (section 5). Before, the figure was
  // dropped: the report said "You are in the KOR (since 1 January 2022): there is nothing to register".
  const rows = sheet(["2024-03-01", 5_000]);
  const options = { today: d("2024-06-01"), year: 2024, participation: { status: "in" as const, since: d("2022-01-01") }, previousYearCents: eur(25_000) };

  it("is not in the KOR: out from a day of 2023, three years counted from 31 December 2023, so 1 January 2027", () => {
    const s = summarizeYear(rows, options);
    expect(s.verdict).toBe("eligible");
    // The typed figure is shown as given (was "not-needed", dropped), and a reason says it does not decide 2024.
    expect(s).toMatchObject({ previousYearBasis: "given", previousYearCents: eur(25_000) });
    expect(s.reasons.map((r) => r.en)).toContain(
      "Turnover that counts 2023 (as given): €25,000.00. This figure does not decide whether you are within the KOR in 2024: before 2025 only that year's own turnover counts. It is over the turnover limit of €20,000.00: if the business was in the KOR in 2023, that participation ended in 2023, on the day turnover went over the turnover limit.",
    );
    // 31 Dec 2023 + 3 years: excluded through 30 Dec 2026; the next quarter start is 1 Jan 2027, register by 3 Dec 2026.
    expect(s.deadlines).toMatchObject({ participating: false, participationEndedIn: 2023, nextStart: d("2027-01-01"), registrationDeadline: d("2026-12-03") });
    expect(s.problems.map((p) => p.code)).toContain("previous-year-ended-participation");
    expect(adviceOf(s).action?.en).toBe(
      "Your KOR participation already ended in 2023 (the given 2023 turnover is over the turnover limit): not deregistered yet? Deregister at once, with the day in 2023 turnover went over the limit as the end date. You can join on 1 January 2027 at the earliest; register by 3 December 2026.",
    );
  });

  it("a crossing in 2024 then ends nothing more, and its reason says so", () => {
    const s = summarizeYear(sheet(["2024-03-01", 15_000], ["2024-05-01", 10_000]), options);
    expect(s.deadlines).toMatchObject({ participating: false, participationEndedIn: 2023, participationEnded: null, nextStart: d("2027-01-01") });
    expect(s.reasons.map((r) => r.en).join(" ")).toContain("Your KOR participation already ended in 2023");
  });

  it("status unknown: the outcome if in the KOR counts from 2023; not in the KOR: unchanged", () => {
    const unknown = summarizeYear(rows, { ...options, participation: { status: "unknown" } });
    expect(unknown.deadlines.nextStart).toBe(d("2024-07-01"));
    expect(unknown.deadlines.ifInKor).toMatchObject({ start: d("2027-01-01"), deadline: d("2026-12-03") });
    const out = summarizeYear(rows, { ...options, participation: { status: "out" } });
    expect(out.deadlines.nextStart).toBe(d("2024-07-01"));
    expect(out.problems).toEqual([]);
  });

  it("within the limit, or a start after 2023: in the KOR as before", () => {
    expect(summarizeYear(rows, { ...options, previousYearCents: eur(20_000) }).deadlines.participating).toBe(true);
    expect(summarizeYear(rows, { ...options, participation: { status: "in", since: d("2024-01-01") } }).deadlines.participating).toBe(true);
  });
});

describe("a previous year typed for a year before 2025 is shown, never dropped, and decides nothing about that year", () => {
  // 2024: €15,000 with one invoice showing VAT; €25,000 typed for 2023. Before 2025 only the year itself counts.
  const rows = sheet(["2024-03-01", 10_000], ["2024-05-01", 5_000, null, { vat: 1_050 }]);
  const base = { today: d("2024-06-01"), year: 2024 };

  it("status unknown: eligible, the figure as given, and the VAT shown on an invoice still warned about as without it", () => {
    const s = summarizeYear(rows, { ...base, participation: { status: "unknown" }, previousYearCents: eur(25_000) });
    const without = summarizeYear(rows, { ...base, participation: { status: "unknown" } });
    expect(s).toMatchObject({ verdict: "eligible", previousYearBasis: "given", previousYearCents: eur(25_000) });
    expect(s.problems.filter((p) => p.code === "vat-shown-in-kor").map((p) => p.row)).toEqual([2]);
    expect(without.problems.filter((p) => p.code === "vat-shown-in-kor").map((p) => p.row)).toEqual([2]);
    expect(s.deadlines.nextStart).toBe(without.deadlines.nextStart);
  });

  it("not in the KOR, within the limit, rows of 2023 that differ: the figure and the rows' total, without the participant's sentence", () => {
    const withPrev = sheet(["2023-06-01", 12_000], ["2024-03-01", 10_000]);
    const s = summarizeYear(withPrev, { ...base, participation: { status: "out" }, previousYearCents: eur(18_000) });
    expect(s.reasons.map((r) => r.nl)).toContain(
      "Omzet die meetelt 2023 (opgegeven): € 18.000,00; de rijen van 2023 in de gegevens tellen op tot € 12.000,00. Dit bedrag beslist niet of u in 2024 binnen de KOR valt: vóór 2025 telt alleen de omzet van het jaar zelf.",
    );
    expect(s.verdict).toBe("eligible");
  });

  it("2020: a figure typed for 2019 (no KOR exemption then) stays not needed, as the pane offers no field for it", () => {
    const s = summarizeYear(sheet(["2020-03-01", 5_000]), { today: d("2020-06-01"), year: 2020, previousYearCents: eur(25_000) });
    expect(s).toMatchObject({ verdict: "eligible", previousYearBasis: "not-needed", previousYearCents: null });
  });
});
