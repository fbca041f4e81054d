import { adviceOf, adviceLines, countdown } from "../../src/rules/advice";
import { summarizeYear } from "../../src/rules/summary";
import { d, sheet } from "./helpers";

describe("adviceOf: the answer, the action and the date first", () => {
  it("after a crossing: the finding names date and row, the action 'meld u direct af' with the end date, due today", () => {
    const rows = sheet(["2026-03-01", 19_900, "21"], ["2026-11-12", 200, "21"]);
    const s = summarizeYear(rows, { today: d("2026-11-29"), year: 2026, previousYearCents: 0 });
    const a = adviceOf(s);
    expect(a.tone).toBe("bad");
    expect(a.finding.nl).toBe("Omzetgrens overschreden op 12 november 2026, rij 2");
    expect(a.action?.nl).toBe(
      // Status unknown: both outcomes, concretely (was only the first sentence).
      "Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 12 november 2026. De KOR eindigt dan op die dag: vanaf de factuur van 12 november 2026 (rij 2, € 200,00; btw € 42,00) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf 1 januari 2028 (na een uittreding bent u uitgesloten tot en met 31 december 2027); aanmelden uiterlijk 3 december 2027. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf 1 januari 2028 (2027 valt af: vanaf 2025 moet ook de omzet van het vorige jaar binnen de omzetgrens blijven); aanmelden uiterlijk 3 december 2027.",
    );
    expect(a.action?.en).toContain("end date 12 November 2026");
    expect(a.dueText?.nl).toBe("Uiterlijk vandaag (overschreden 17 dagen geleden)");
    expect(a.due?.immediate).toBe(true);
    expect(a.way?.nl).toContain("Mijn Belastingdienst Zakelijk");
    expect(a.link?.url).toBe("https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/afmelden-kor");
    expect(a.provisional).toBeNull();
  });

  it("beside a crossing that later credit notes bring back within the limit: the caveat with the year total; the verdict stays crossed", () => {
    const rows = sheet(["2025-02-01", 19_000], ["2025-05-10", 1_500], ["2025-05-20", -1_500]);
    const s = summarizeYear(rows, { today: d("2025-06-01"), year: 2025, previousYearCents: 0 });
    expect(s.verdict).toBe("not-eligible");
    const a = adviceOf(s);
    expect(a.finding.en).toBe("Turnover limit crossed on 10 May 2025, row 2");
    expect(a.caveat).toEqual({ en: "Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.", nl: "Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur." });
    expect(adviceLines(a, "en").slice(0, 2)).toEqual(["Turnover limit crossed on 10 May 2025, row 2", "Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice."]);
    // A crossing that stands (no credit note back under) has none; neither has a year under the limit.
    expect(adviceOf(summarizeYear(rows.slice(0, 2), { today: d("2025-06-01"), year: 2025, previousYearCents: 0 })).caveat).toBeNull();
    expect(adviceOf(summarizeYear(rows.slice(0, 1), { today: d("2025-06-01"), year: 2025, previousYearCents: 0 })).caveat).toBeNull();
  });

  it("the way to register gives the notice in days, as the deadline beside it (29 days: 3 Dec for 1 Jan), never '4 weeks' (that is 4 Dec)", () => {
    const s = summarizeYear(sheet(["2025-02-01", 5_000, "21"]), { today: d("2025-11-20"), year: 2025, previousYearCents: 0 });
    const a = adviceOf(s);
    expect(a.dueText?.en).toBe("By 3 December 2025 (13 days left)");
    expect(a.way?.en).toBe("Register with the Belastingdienst's registration form; it must be received at the latest 29 days before the start.");
    expect(a.way?.nl).toBe("Aanmelden doet u met het aanmeldformulier van de Belastingdienst; het moet uiterlijk 29 dagen vóór de start binnen zijn.");
    expect(`${a.way?.nl} ${a.way?.en}`).not.toMatch(/4 (weken|weeks)/);
  });

  it("under the limit before the year ends: 'tot nu toe', never a final verdict; the registration deadline with a countdown", () => {
    const rows = sheet(["2026-02-01", 17_180, "21"]);
    const s = summarizeYear(rows, { today: d("2026-11-29"), year: 2026, previousYearCents: 0 });
    const a = adviceOf(s);
    expect(a.tone).toBe("ok");
    expect(a.finding.nl).toBe("Tot nu toe onder de omzetgrens: nog € 2.820,00 ruimte");
    expect(a.finding.nl).not.toContain("binnen de KOR");
    expect(a.action?.nl).toBe(
      // Status unknown: also what a participant must watch for (was only "Nog niet aangemeld? …").
      "Nog niet aangemeld? Meld u uiterlijk 3 december 2026 aan om op 1 januari 2027 te starten. Doet de onderneming al mee: er is niets aan te melden; gaat de omzet dit jaar over de omzetgrens, dan eindigt de KOR op de dag van die factuur, is op die levering en alle latere btw verschuldigd, en meldt u zich direct af.",
    );
    expect(a.dueText?.nl).toBe("Uiterlijk 3 december 2026 (nog 4 dagen)");
    expect(a.dueText?.en).toBe("By 3 December 2026 (4 days left)");
    // Joining links to the Belastingdienst's page for joining, not to the one for leaving.
    expect(a.link?.url).toBe("https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/aanmelden-kor");
    expect(a.link?.label.nl).toBe("Belastingdienst: aanmelden voor de KOR");
  });

  it("a finished year under the limit is stated as final", () => {
    const s = summarizeYear(sheet(["2025-02-01", 10_000, "21"]), { today: d("2026-11-29"), year: 2025, previousYearCents: 0 });
    expect(adviceOf(s).finding.nl).toBe("2025: binnen de omzetgrens (€ 10.000,00 ruimte over)");
  });

  it("rows in error make it provisional, in words", () => {
    const s = summarizeYear(sheet(["2026-02-01", 1_000, "21"]), { today: d("2026-11-29"), year: 2026, previousYearCents: 0 });
    expect(adviceOf(s, { errorRows: 3 }).provisional?.nl).toBe("Voorlopig: eerst 3 fouten oplossen");
    expect(adviceOf(s, { errorRows: 1 }).provisional?.en).toBe("Provisional: fix 1 error first");
    expect(adviceLines(adviceOf(s, { errorRows: 3 }), "nl")[1]).toBe("Voorlopig: eerst 3 fouten oplossen");
  });

  it("counts down in days", () => {
    expect(countdown(1).nl).toBe("nog 1 dag");
    expect(countdown(0).en).toBe("today");
    expect(countdown(-2).nl).toBe("2 dagen geleden");
  });
});

describe("adviceOf after a crossing follows the participation status (kor-rules.md section 5)", () => {
  const rows = sheet(["2026-03-01", 19_900, "21"], ["2026-11-12", 200, "21"]);
  const today = d("2026-11-29");

  it("section 5, in the KOR: the crossing ends participation; deregister at once, unconditionally, with the crossing date as end date", () => {
    const s = summarizeYear(rows, { today, year: 2026, previousYearCents: 0, participation: { status: "in", since: d("2024-01-01") } });
    const a = adviceOf(s);
    expect(a.tone).toBe("bad");
    expect(a.action?.nl).toBe("Meld u direct af; beëindigingsdatum 12 november 2026.");
    expect(a.action?.en).toBe("Deregister at once; end date 12 November 2026.");
    expect(a.action?.nl).not.toContain("Doet u mee");
    expect(a.due?.immediate).toBe(true);
    expect(a.way?.nl).toContain("Afmelden");
  });

  it("section 5, not in the KOR: a crossing excludes nothing by itself; no deregistration, but the next possible start and its deadline", () => {
    const s = summarizeYear(rows, { today, year: 2026, previousYearCents: 0, participation: { status: "out" } });
    const a = adviceOf(s);
    expect(a.tone).toBe("bad");
    expect(a.finding.nl).toBe("Omzetgrens overschreden op 12 november 2026, rij 2");
    // 2026 is over the limit and, from 2025, 2027 fails the previous-year test (section 4): 1 January 2028.
    expect(a.action?.nl).toBe("U doet niet mee aan de KOR: afmelden is niet nodig. Meedoen kan op zijn vroegst vanaf 1 januari 2028; aanmelden uiterlijk 3 december 2027.");
    expect(a.dueText?.nl).toBe("Uiterlijk 3 december 2027 (nog 369 dagen)");
    expect(a.action?.en).toContain("no need to deregister");
    expect(a.action?.nl).not.toMatch(/Meld u (dan )?direct af|beëindigingsdatum/);
    expect(a.way?.nl).toContain("aanmeldformulier");
    expect(a.due?.immediate).toBe(false);
    expect(a.due?.day).toBe(d("2027-12-03"));
  });

  it("section 5, status unknown: the conditional text", () => {
    const s = summarizeYear(rows, { today, year: 2026, previousYearCents: 0, participation: { status: "unknown" } });
    const a = adviceOf(s);
    expect(a.action?.nl).toBe(
      // Status unknown: both outcomes, concretely (was only the first sentence).
      "Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 12 november 2026. De KOR eindigt dan op die dag: vanaf de factuur van 12 november 2026 (rij 2, € 200,00; btw € 42,00) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf 1 januari 2028 (na een uittreding bent u uitgesloten tot en met 31 december 2027); aanmelden uiterlijk 3 december 2027. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf 1 januari 2028 (2027 valt af: vanaf 2025 moet ook de omzet van het vorige jaar binnen de omzetgrens blijven); aanmelden uiterlijk 3 december 2027.",
    );
    expect(a.action?.en).toBe(
      "In the KOR? Deregister at once; end date 12 November 2026. The KOR then ends that day: from the invoice of 12 November 2026 (row 2, €200.00; VAT €42.00) VAT is due on that supply and every later one; you can rejoin on 1 January 2028 at the earliest (after an exit the business is excluded until 31 December 2027); register by 3 December 2027. Not in the KOR: there is nothing to deregister; you can join on 1 January 2028 at the earliest (2027 is out: from 2025 the previous year's turnover must also be within the turnover limit); register by 3 December 2027.",
    );
    expect(a.due?.immediate).toBe(true);
  });
});

describe("adviceOf for a business in the KOR (status in): what the participation calls for, in every branch", () => {
  const today = d("2026-12-01");
  const inSince = (since: string) => ({ status: "in" as const, since: d(since) });

  it("in the KOR and within the limit: nothing to register, no registration date to count down to", () => {
    const s = summarizeYear(sheet(["2025-02-10", 5_000], ["2026-02-10", 3_000]), { today, year: 2026, participation: inSince("2025-01-01") });
    const a = adviceOf(s);
    expect(a.tone).toBe("ok");
    expect(a.action?.nl).toBe("U doet mee aan de KOR (sinds 1 januari 2025): er is niets aan te melden. Gaat de omzet over de omzetgrens, meld u dan direct af.");
    expect(a.action?.en).not.toContain("Not registered yet");
    expect(a.due).toBeNull();
    expect(a.dueText).toBeNull();
    expect(a.way).toBeNull();
    // Not in the KOR, or unknown: the registration as before.
    expect(adviceOf(summarizeYear(sheet(["2026-02-10", 3_000]), { today, year: 2026, previousYearCents: 0, participation: { status: "out" } })).action?.nl).toContain("Nog niet aangemeld?");
  });

  it("in the KOR since 2026, the report of 2024 (crossed before the start): still nothing to register, not 'not in the KOR'", () => {
    const rows = sheet(["2024-03-01", 19_000], ["2024-06-10", 2_000], ["2025-03-01", 5_000], ["2026-03-01", 5_000]);
    const a = adviceOf(summarizeYear(rows, { today, year: 2024, participation: inSince("2026-01-01") }));
    expect(a.finding.nl).toBe("Omzetgrens overschreden op 10 juni 2024, rij 2");
    expect(a.action?.nl).toContain("U doet mee aan de KOR (sinds 1 januari 2026): er is niets aan te melden.");
    expect(a.action?.nl).not.toContain("U doet niet mee");
  });

  it("joined after this year's crossing: the start could not take effect; deregister if accepted, and the next start", () => {
    const rows = sheet(["2025-03-15", 12_000], ["2026-03-15", 15_000], ["2026-06-15", 6_000]);
    const s = summarizeYear(rows, { today, year: 2026, participation: inSince("2026-07-01") });
    expect(s.deadlines.participating).toBe(false);
    const a = adviceOf(s);
    expect(a.action?.nl).toBe(
      "Uw deelname per 1 juli 2026 kon niet ingaan (zie de waarschuwing). Is uw aanmelding toch aangenomen, meld u dan direct af en vraag de Belastingdienst wanneer u weer kunt meedoen. Zo niet: meedoen kan op zijn vroegst vanaf 1 januari 2028; aanmelden uiterlijk 3 december 2027.",
    );
    expect(a.action?.nl).not.toContain("U doet niet mee");
    expect(s.problems.map((p) => p.code)).toContain("participation-could-not-start");
    expect(s.problems.find((p) => p.code === "participation-could-not-start")?.message.nl).toContain("de omzet van 2026 ging op 15 juni 2026 al over de omzetgrens, vóór de start");
  });

  it("a start that could not take effect is no participation: no exclusion, the next start of a business not in the KOR", () => {
    // 2020–2024: joined on 1 Jul 2024 after the 10 Jun 2024 crossing. Not 1 Jul 2027 (three years from the start):
    // 2024 and, by 2025's previous-year test, 2025 are closed; 1 January 2026, as for a business not in the KOR.
    const rows = sheet(["2024-03-15", 19_000], ["2024-06-10", 2_000]);
    const asked = { today: d("2024-08-01"), year: 2024 };
    const s = summarizeYear(rows, { ...asked, participation: inSince("2024-07-01") });
    expect(s.deadlines.participationCouldNotStart?.en).toBe("turnover of 2024 had already gone over the turnover limit on 10 June 2024, before the start");
    expect(s.deadlines.nextStart).toBe(d("2026-01-01"));
    expect(s.deadlines.nextStart).toBe(summarizeYear(rows, { ...asked, participation: { status: "out" } }).deadlines.nextStart);
    // 2025+: since 2026 after 2025 at €25,000; 2026 within: 1 January 2027 (register by 3 December 2026), as for "out".
    const later = summarizeYear(sheet(["2025-03-01", 25_000], ["2026-03-01", 5_000]), { today, year: 2026, participation: inSince("2026-01-01") });
    expect([later.deadlines.nextStart, later.deadlines.registrationDeadline]).toEqual([d("2027-01-01"), d("2026-12-03")]);
    // A year within the limit beside such a start: not the "ok" card.
    const within = summarizeYear(sheet(["2024-03-01", 25_000], ["2025-03-01", 5_000], ["2026-03-01", 5_000]), { today, year: 2026, participation: inSince("2025-01-01") });
    expect([within.verdict, adviceOf(within).tone]).toEqual(["eligible", "warn"]);
  });

  it("the report of a year before the crossing that ended participation: deregister with that day, not 'not registered yet?'", () => {
    const rows = sheet(["2025-03-15", 12_000], ["2026-03-15", 15_000], ["2026-06-15", 6_000]);
    const s = summarizeYear(rows, { today, year: 2025, participation: inSince("2025-01-01") });
    expect(s.verdict).toBe("eligible");
    expect(s.deadlines.participationEnded).toBe(d("2026-06-15"));
    const a = adviceOf(s);
    expect(a.action?.en).toBe(
      "Your KOR participation ended on 15 June 2026, when turnover went over the turnover limit: not deregistered yet? Deregister at once, with 15 June 2026 as end date. You can join on 1 January 2028 at the earliest; register by 3 December 2027.",
    );
    // Deregistering is due at once, the way is the deregistration's, and the card is not "ok" beside it.
    expect(a.due?.immediate).toBe(true);
    expect(a.way?.en).toContain("Deregister");
    expect(a.tone).toBe("warn");
  });
});

describe("adviceOf for a year that fails only on the previous year: the finding is the reason it fails", () => {
  const today = d("2026-12-01");
  it("previous year over the limit: the finding names that year, not this year's passing figure", () => {
    const s = summarizeYear(sheet(["2024-03-15", 25_000], ["2025-02-10", 5_000]), { today, year: 2025 });
    expect(s.verdict).toBe("not-eligible");
    expect(adviceOf(s).finding.nl).toBe(
      "Omzet die meetelt 2024 (uit de gegevens): € 25.000,00, hoger dan de omzetgrens van € 20.000,00; vanaf 2025 moet ook het vorige jaar binnen de omzetgrens blijven.",
    );
  });

  it("previous year crossed, then credit notes back under: the finding is that crossing", () => {
    const s = summarizeYear(sheet(["2025-03-01", 19_750], ["2025-09-16", 500], ["2025-11-01", -300], ["2026-03-15", 15_000]), { today, year: 2026 });
    expect(s.verdict).toBe("not-eligible");
    expect(adviceOf(s).finding.en).toBe(
      "In 2025 the turnover limit was crossed on 16 September 2025 (row 2, running total €20,250.00); so 2026 fails the previous-year test, even though a later credit note brings the 2025 total back within the turnover limit.",
    );
  });
});

describe("adviceOf with the status unknown: both next starts where they differ (kor-rules.md section 5)", () => {
  it("a 2024 crossing (three years' exclusion if the business was in the KOR): the action gives 1 July 2027 beside 1 January 2027", () => {
    const rows = sheet(["2024-03-15", 19_000], ["2024-06-10", 2_000], ["2025-03-01", 5_000], ["2026-03-01", 5_000]);
    const s = summarizeYear(rows, { today: d("2026-12-01"), year: 2026 });
    expect(s.deadlines.ifInKor?.start).toBe(d("2027-07-01"));
    expect(adviceOf(s).action?.nl).toBe(
      "Nog niet aangemeld? Meld u uiterlijk 3 december 2026 aan om op 1 januari 2027 te starten. Zat de onderneming in de KOR, dan eindigde de deelname op 10 juni 2024, toen de omzet over de omzetgrens ging (nog niet afgemeld? Meld u dan af met die dag als beëindigingsdatum); opnieuw meedoen kan dan op zijn vroegst vanaf 1 juli 2027; aanmelden uiterlijk 2 juni 2027.",
    );
    // Not in the KOR: only the first.
    expect(adviceOf(summarizeYear(rows, { today: d("2026-12-01"), year: 2026, participation: { status: "out" } })).action?.nl).not.toContain("Zat de onderneming");
  });
});

describe("adviceOf, status unknown, a year no business can be in the KOR: no unconditional 'no need to deregister' beside a possible participation", () => {
  it("2024 crossed on 1 Oct, 2025 crossed too: if in the KOR, deregister with 1 October 2024", () => {
    const rows = sheet(["2024-03-01", 19_000], ["2024-10-01", 6_000], ["2025-01-10", 19_000], ["2025-03-01", 2_000]);
    const a = adviceOf(summarizeYear(rows, { today: d("2026-12-01"), year: 2025 }));
    expect(a.action?.nl).not.toContain("afmelden is niet nodig");
    expect(a.action?.nl).toContain("Zat de onderneming in de KOR, dan eindigde de deelname op 1 oktober 2024, toen de omzet over de omzetgrens ging (nog niet afgemeld? Meld u dan af met die dag als beëindigingsdatum)");
  });
});

describe("status unknown after a crossing before 2025: both outcomes under the rules of that year (kor-rules.md sections 5 and 6)", () => {
  it("a 2023 crossing: in the KOR, 3 years' exclusion from the end date; not in the KOR, 2024 is open (worked example 23)", () => {
    const s = summarizeYear(sheet(["2023-03-01", 19_750], ["2023-09-16", 500]), { today: d("2023-11-01"), year: 2023, participation: { status: "unknown" } });
    expect(adviceOf(s).action?.nl).toBe(
      "Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 16 september 2023. De KOR eindigt dan op die dag: vanaf de factuur van 16 september 2023 (rij 2, € 500,00; btw € 105,00) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf 1 oktober 2026 (na een uittreding in 2023 bent u 3 jaar uitgesloten, gerekend vanaf de beëindigingsdatum); aanmelden uiterlijk 2 september 2026. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf 1 januari 2024 (vóór 2025 telt alleen de omzet van het jaar zelf: de overschrijding in 2023 staat meedoen in 2024 niet in de weg); aanmelden uiterlijk 3 december 2023.",
    );
  });

  it("status known: no second outcome (not in the KOR: the next start only; in the KOR: deregister)", () => {
    const rows = sheet(["2024-03-01", 19_750], ["2024-09-16", 500]);
    const out = adviceOf(summarizeYear(rows, { today: d("2024-11-01"), year: 2024, participation: { status: "out" } }));
    expect(out.action?.en).not.toContain("In the KOR?");
    const inKor = adviceOf(summarizeYear(rows, { today: d("2024-11-01"), year: 2024, participation: { status: "in", since: d("2024-01-01") } }));
    expect(inKor.action?.en).toBe("Deregister at once; end date 16 September 2024.");
  });
});
