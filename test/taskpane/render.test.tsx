/**
 * Server-side renders of the pane's pieces (react-dom/server, no browser): the chart's text alternative
 * and crossing marker, and sheet text rendered as text, never as HTML.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CumulativeChart } from "../../src/taskpane/components/CumulativeChart";
import { CategorySection, DeadlineSection, EuSection, PeriodSection, VerdictCard, VerdictSection, WarningSection } from "../../src/taskpane/components/ReportSections";
import { analyze } from "../../src/taskpane/model";
import { sampleSource } from "../../src/taskpane/browser/files";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";

const TODAY = dayFromIso("2026-11-27");
const EVIL = "<img src=x onerror=alert(1)>";

describe("CumulativeChart", () => {
  const a = analyze(sampleSource(), {}, TODAY);
  const html = renderToStaticMarkup(
    <CumulativeChart lang="en" year={2026} points={a.cumulative} thresholdCents={a.summary.thresholdCents} crossing={a.summary.crossing} />,
  );
  it("is an image with a text alternative naming the total, the threshold and the crossing date", () => {
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+">Chart of cumulative turnover that counts in 2026, from €0 on 1 January to €22,090.00, against the turnover limit of €20,000.00. The turnover limit is crossed on 18 November 2026.<\/title>/);
  });
  it("marks the crossing point", () => {
    expect(html).toContain('data-testid="chart-crossing"');
  });
  it("has no crossing marker when the threshold is not crossed", () => {
    const quiet = renderToStaticMarkup(<CumulativeChart lang="nl" year={2026} points={[{ day: TODAY, cents: 100 }]} thresholdCents={2_000_000} crossing={null} />);
    expect(quiet).not.toContain("chart-crossing");
    expect(quiet).toContain("De omzetgrens wordt niet overschreden.");
  });
});

describe("sheet text is shown as text", () => {
  const serial = excelSerialFromDay(dayFromIso("2026-01-05"));
  const source = { ...sampleSource(), values: [["Datum", "Bedrag", "Categorie"], [serial, 10, EVIL], [serial, 5, "21%"]] };
  const a = analyze(source, {}, TODAY);
  it("a category value with markup appears escaped in the warnings", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <WarningSection lang="en" warnings={a.warnings} onFollow={() => undefined} />
        <CategorySection lang="en" summary={a.summary} />
      </FluentProvider>,
    );
    expect(html).not.toContain(EVIL);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("the law's second pass in the pane (kor-rules.md sections 5 and 7)", () => {
  const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));
  const render = (el: React.ReactElement): string => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

  it("says per unknown state why its threshold is unknown: CZ's is in koruna, FR has two, IT's is not verified (not 'not verified' for all)", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2026-02-01"), 1000, "buitenland", "CZ"],
      [serial("2026-02-02"), 1000, "buitenland", "FR"],
      [serial("2026-02-03"), 1000, "buitenland", "IT"],
      [serial("2026-02-04"), 1000, "buitenland", "BE"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    const text = (lang: "en" | "nl"): string => render(<EuSection lang={lang} summary={a.summary} />).replace(/&#x27;/g, "'").replace(/\u00a0/g, " ");
    expect(text("en")).toContain(
      "Unknown (CZ, FR and IT): National threshold CZ: CZK 2,000,000 (Czech koruna); that is not one amount in euros: convert it to euros. " +
        "National threshold FR: €85,000 for supplies of goods, €37,500 for services; that is not one amount in euros: if you supply only goods in France, take €85,000; only services, take €37,500; if you supply both there, ask your adviser which threshold applies. " +
        "The national threshold of IT has not been verified: look it up with IT's tax administration. " +
        "Compare your turnover in each of CZ, FR and IT with that state's own threshold before using the EU-KOR there.",
    );
    expect(text("nl")).toContain("Onbekend (CZ, FR en IT): Nationale omzetgrens CZ: CZK 2.000.000 (Tsjechische kronen); dat is niet één bedrag in euro: reken die om naar euro.");
    expect(text("nl")).toContain("levert u in Frankrijk alleen goederen, neem dan € 85.000; alleen diensten, neem dan € 37.500; levert u er beide, vraag dan uw adviseur welke grens geldt.");
    expect(text("nl")).toContain("De nationale omzetgrens van IT is niet gecontroleerd: zoek die op bij de belastingdienst van IT. Vergelijk per land uw omzet in CZ, FR en IT met de grens van dat land voordat u daar de EU-KOR gebruikt.");
    // One unknown state is named, not 'that country'.
    const one = analyze({ ...sampleSource(), values: [values[0], values[2]] }, { year: 2026 }, TODAY);
    expect(render(<EuSection lang="en" summary={one.summary} />).replace(/&#x27;/g, "'")).toContain("Unknown (FR): National threshold FR:");
    expect(render(<EuSection lang="nl" summary={one.summary} />)).toContain("Vergelijk uw omzet in FR met die grens voordat u daar de EU-KOR gebruikt.");
  });

  it("shows per state the previous year, this year and the tolerance used (AT +10%), and says other tolerances are not assumed", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2025-05-01"), 50000, "buitenland", "AT"],
      [serial("2026-02-01"), 56000, "buitenland", "AT"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    const html = render(<EuSection lang="en" summary={a.summary} />);
    expect(html).toContain("€50,000.00");
    expect(html).toContain("€56,000.00");
    expect(html).toContain("(+10%)");
    expect(html).toContain("only Austria&#x27;s (10%) is verified and applied");
  });

  it("says on a state line why it is over or blocked when this year's figure is under the threshold (AT crossed then credited, BE blocked by last year)", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2025-05-01"), 27000, "buitenland", "BE"],
      [serial("2026-05-12"), 61000, "buitenland", "AT"],
      [serial("2026-06-01"), -10000, "buitenland", "AT"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    const text = (lang: "en" | "nl"): string => render(<EuSection lang={lang} summary={a.summary} />).replace(/&#x27;/g, "'").replace(/\u00a0/g, " ");
    expect(text("en")).toContain("over: turnover went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 12 May 2026 (row 3); credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed");
    expect(text("en")).toContain("blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00");
    expect(text("nl")).toContain("uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00");
  });

  it("says on a state line blocked by last year AND crossed this year both, not just 'over'", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2025-05-01"), 27000, "buitenland", "BE"],
      [serial("2026-02-02"), 20000, "buitenland", "BE"],
      [serial("2026-05-12"), 6000, "buitenland", "BE"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    const text = (lang: "en" | "nl"): string => render(<EuSection lang={lang} summary={a.summary} />).replace(/&#x27;/g, "'").replace(/\u00a0/g, " ");
    expect(text("en")).toContain("blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00; in 2026 turnover also went over €25,000.00 on 12 May 2026 (row 4)");
    expect(text("nl")).toContain("uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00; in 2026 kwam de omzet ook op 12 mei 2026 (rij 4) boven € 25.000,00");
  });

  it("says what the EU crossing means (the exemption ends as of that supply, next year blocked, the Dutch KOR not affected) and how the notify-by date is counted: Mon–Fri, public holidays not skipped (earlier than needed, the safe side)", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2026-02-01"), 60000, "buitenland", "BE"],
      [serial("2026-12-15"), 50000, "buitenland", "AT"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    // Tue 15 Dec 2026 + 15 days Mon–Fri = 5 Jan 2027 (25 Dec and 1 Jan are counted as working days).
    expect(render(<EuSection lang="en" summary={a.summary} />)).toContain(
      "Union turnover went over the Union threshold on 15 December 2026 (row 3): the EU-KOR exemption ends as of that supply in every member state where you use it, and you cannot use the EU-KOR in 2027. Report this to the Belastingdienst by 5 January 2027 (15 working days, counted Mon–Fri; public holidays are not skipped, so possibly earlier than needed). The Dutch KOR is not affected by this.",
    );
    expect(render(<EuSection lang="nl" summary={a.summary} />)).toContain(
      "De EU-omzet kwam op 15 december 2026 (rij 3) boven de EU-grens: de vrijstelling van de EU-KOR vervalt vanaf die levering in elke lidstaat waar u die gebruikt, en in 2027 kunt u de EU-KOR niet gebruiken. Meld dit uiterlijk 5 januari 2027 bij de Belastingdienst (15 werkdagen, geteld als ma–vr; feestdagen zijn niet overgeslagen, dus mogelijk eerder dan nodig). Voor de Nederlandse KOR verandert hierdoor niets.",
    );
  });

  it("gives the Union line its reason instead of a bare 'over' (last year's figure over €100,000), and an overdue report", () => {
    const values = [
      ["Datum", "Bedrag", "Categorie", "Land"],
      [serial("2025-03-03"), 100000.01, "buitenland", "DE"],
      [serial("2026-03-10"), 1000, "buitenland", "HR"],
    ];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    const text = render(<EuSection lang="en" summary={a.summary} />).replace(/&#x27;/g, "'").replace(/\u00a0/g, " ");
    expect(text).toContain("Blocked in 2026: 2025 Union turnover of €100,000.01 was over €100,000.00");
    expect(text).not.toContain("Over the Union threshold");
    expect(text).toContain("within its own threshold, but the EU-KOR cannot be used in 2026: Union turnover went over €100,000.00 in 2025");
    const late = analyze({ ...sampleSource(), values: [values[0], [serial("2026-03-10"), 100000.01, "buitenland", "BE"]] }, { year: 2026 }, TODAY);
    expect(render(<EuSection lang="nl" summary={late.summary} />)).toContain("die dag is voorbij: te laat als u het nog niet meldde, meld het direct.");
  });

  it("tells a business whose status is unknown both outcomes after a crossing, and 'deregister' only conditionally", () => {
    const values = [["Datum", "Bedrag"], [serial("2024-03-01"), 19000], [serial("2024-09-16"), 1500], [serial("2024-10-01"), 100]];
    const unknown = render(<DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, {}, dayFromIso("2024-10-15")).summary} />);
    expect(unknown).toContain("If the business is in the KOR: deregister at once, with 16 September 2024 as the end date.");
    expect(unknown).toContain("If the business was in the KOR, a crossing ended its participation");
    expect(unknown).toContain("If the business is not in the KOR:");
    const out = render(<DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { participation: "out" }, dayFromIso("2024-10-15")).summary} />);
    expect(out).not.toContain("deregister");
    const inKor = render(
      <DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { participation: "in", inKorSince: "2023-01-01" }, dayFromIso("2024-10-15")).summary} />,
    );
    expect(inKor).toContain("Deregister from the KOR at once, with 16 September 2024 as the end date.");
  });

  it("shows a previous year typed for a 2024 report as entered, and that it does not decide 2024 (was left out: not offered before 2025)", () => {
    const values = [["Datum", "Bedrag"], [serial("2024-03-01"), 5000]];
    const a = analyze({ ...sampleSource(), values }, { previousYears: { "2023": 2_500_000 } }, dayFromIso("2024-06-01"));
    expect(a).toMatchObject({ year: 2024, offerPreviousYear: true, previousYearTested: false });
    const html = render(<VerdictSection lang="nl" summary={a.summary} />);
    expect(html).toContain("door u ingevuld; beslist 2024 niet");
    expect(html).toContain("25.000,00");
  });

  it("tells a participant no 'deregister' beside a later year's crossing when an earlier one already ended participation (section 5)", () => {
    // In the KOR since 2024; crossed 16 Sep 2025 (the end date), again 20 Feb 2026 while out. The 2026 report.
    const values = [["Datum", "Bedrag"], [serial("2025-01-10"), 19750], [serial("2025-09-16"), 500], [serial("2026-01-10"), 19000], [serial("2026-02-20"), 2000]];
    const at = dayFromIso("2026-03-01");
    const inKor = render(
      <DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { participation: "in", inKorSince: "2024-01-01", year: 2026 }, at).summary} />,
    );
    expect(inKor).not.toContain("Deregister");
    expect(inKor).not.toContain("20 February 2026 as the end date");
    expect(inKor).toContain("Next possible start of the KOR: 1 January 2028.");
    const unknown = render(<DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { year: 2026 }, at).summary} />);
    expect(unknown).not.toContain("deregister");
  });

  it("shows a re-entry after a crossing that can still be made: not a date whose registration deadline has passed (sections 5, 6)", () => {
    // Crossed 16 Sep 2025; the 2025 report opened on 10 Dec 2026. Before: "rejoin … on 1 January 2027 (register by 3 December 2026)".
    const values = [["Datum", "Bedrag"], [serial("2025-01-10"), 19750], [serial("2025-09-16"), 500], [serial("2026-03-01"), 8000]];
    const at = dayFromIso("2026-12-10");
    const inKor = render(
      <DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { participation: "in", inKorSince: "2024-01-01", year: 2025 }, at).summary} />,
    );
    expect(inKor).toContain("After crossing the turnover limit you can rejoin at the earliest on 1 April 2027 (register by 3 March 2027).");
    expect(inKor).not.toContain("3 December 2026");
    const unknown = render(<DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, { year: 2025 }, at).summary} />);
    expect(unknown).toContain("it can then rejoin at the earliest on 1 April 2027 (register by 3 March 2027).");
    expect(unknown).not.toContain("3 December 2026");
  });

  it("shows the credit-note caveat beside the crossing, in the verdict card and the reasons (kor-rules.md section 5)", () => {
    const values = [["Datum", "Bedrag"], [serial("2025-02-01"), 19000], [serial("2025-05-10"), 1500], [serial("2025-05-20"), -1500]];
    const summary = analyze({ ...sampleSource(), values }, { year: 2025, previousYearCents: 0 }, dayFromIso("2025-06-01")).summary;
    const unescape = (html: string): string => html.replace(/&#x27;/g, "'").replace(/\u00a0/g, " ");
    const card = unescape(render(<VerdictCard lang="nl" summary={summary} />));
    expect(card).toContain("Omzetgrens overschreden op 10 mei 2025, rij 3");
    expect(card).toContain('data-testid="caveat"');
    expect(card).toContain("Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.");
    expect(unescape(render(<VerdictSection lang="en" summary={summary} />))).toContain("Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.");
    const plain = analyze({ ...sampleSource(), values: values.slice(0, 3) }, { year: 2025 }, dayFromIso("2025-06-01")).summary;
    expect(render(<VerdictCard lang="nl" summary={plain} />)).not.toContain('data-testid="caveat"');
  });

  it("does not call a crossed year 'close to' or 'within' the limit, nor a period after the crossing 'over the limit', when credit notes bring the total back under", () => {
    // €19,000 + €1,500 crosses on 10 May; a credit note of €1,500 brings the year back to €19,000 (section 5: still crossed).
    const values = [["Datum", "Bedrag"], [serial("2025-02-01"), 19000], [serial("2025-05-10"), 1500], [serial("2025-05-20"), -1500]];
    const summary = analyze({ ...sampleSource(), values }, { year: 2025, previousYearCents: 0 }, dayFromIso("2025-12-01")).summary;
    const figures = render(<VerdictSection lang="nl" summary={summary} />);
    expect(figures).not.toContain("Dicht bij de omzetgrens");
    expect(figures).not.toContain("Binnen de omzetgrens");
    expect(figures).toContain(">Omzetgrens overschreden<");
    const periods = render(<PeriodSection lang="en" summary={summary} />);
    // Q2 holds the crossing (cumulative €19,000 after the credit note), Q3 and Q4 come after it: none is "over the limit".
    expect(periods).not.toContain("over the limit");
    expect(periods).toContain("crossed");
    expect(periods).toContain("after the crossing");
    const under = analyze({ ...sampleSource(), values: values.slice(0, 2) }, { year: 2025, previousYearCents: 0 }, dayFromIso("2025-12-01")).summary;
    expect(render(<VerdictSection lang="nl" summary={under} />)).toContain("Dicht bij de omzetgrens");
  });

  it("does not call a 2019 year 'within the turnover limit' beside a card that says it is not supported (section 2)", () => {
    const values = [["Datum", "Bedrag"], [serial("2019-03-01"), 100], [serial("2019-03-03"), 200]];
    const summary = analyze({ ...sampleSource(), values }, {}, dayFromIso("2026-12-01")).summary;
    expect(summary.verdict).toBe("unsupported");
    const figures = render(<VerdictSection lang="en" summary={summary} />);
    expect(figures).not.toContain("Within the turnover limit");
    expect(figures).toContain(">Not supported (before 2020)<");
  });

  it("shows no voluntary exit beside a forced one after a crossing, nor to a business not in the KOR (issue 16)", () => {
    const crossed = [["Datum", "Bedrag"], [serial("2024-03-01"), 19000], [serial("2024-09-16"), 1500]];
    const under = [["Datum", "Bedrag"], [serial("2024-03-01"), 1000]];
    const at = dayFromIso("2024-10-15");
    const pane = (values: unknown[][], settings: Parameters<typeof analyze>[1]): string =>
      render(<DeadlineSection lang="en" summary={analyze({ ...sampleSource(), values }, settings, at).summary} />);
    expect(pane(crossed, {})).not.toContain("A voluntary exit");
    expect(pane(crossed, { participation: "in", inKorSince: "2023-01-01" })).not.toContain("A voluntary exit");
    expect(pane(under, { participation: "out" })).not.toContain("A voluntary exit");
    expect(pane(under, {})).toContain("A voluntary exit can take effect on");
    expect(pane(under, { participation: "in", inKorSince: "2023-01-01" })).toContain("A voluntary exit can take effect on");
  });

  it("NL is not shown as over when only the Union test fails: its line is the Dutch KOR (review of 1 Dec 2026)", () => {
    const values = [["Datum", "Bedrag", "Categorie", "Land"], [serial("2026-02-01"), 15000, "21", "NL"], [serial("2026-03-01"), 100001, "buitenland", "BE"]];
    const a = analyze({ ...sampleSource(), values }, { year: 2026 }, TODAY);
    expect(a.summary.eu?.withinUnion).toBe(false);
    const rows = render(<EuSection lang="en" summary={a.summary} />).split("<tr").slice(1);
    const status = (country: string): string => {
      const row = rows.find((r) => r.includes(`>${country}</td>`)) ?? "";
      return row.slice(row.lastIndexOf("<td"));
    };
    // BE is over and in the warning colour (a span with the bad class); NL within its own threshold is plain text.
    expect(status("BE")).toMatch(/<td[^>]*><span class="[^"]+">over: /);
    expect(status("NL")).toMatch(/<td[^>]*>within<\/td>/);
  });
});

describe("the EU section with last year's rows starting late", () => {
  it("says beside last year's Union figure that its rows only start on 1 December (an export from that day?)", () => {
    const s = (iso: string): number => excelSerialFromDay(dayFromIso(iso));
    const values = [["Datum", "Bedrag", "Categorie", "Land"], [s("2025-12-01"), 25000, "21", "NL"], [s("2025-12-05"), 5000, "buitenland", "BE"], [s("2026-02-01"), 3000, "buitenland", "BE"]];
    const a = analyze({ ...sampleSource(), values }, {}, TODAY);
    expect(a.year).toBe(2026);
    const html = renderToStaticMarkup(<FluentProvider theme={webLightTheme}><EuSection lang="en" summary={a.summary} /></FluentProvider>).replace(/\u00a0/g, " ");
    expect(html).toContain("€30,000.00 — incomplete? the rows only start on 1 December 2025");
  });
});
