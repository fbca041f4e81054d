import { REPORT_MARK_VALUE, writeReportSheet } from "../../src/excel/reportSheet";
import { OWN_SHEET_MARK_KEY } from "../../src/excel/ownSheet";
import { buildReport, EURO_FORMAT, REPORT_WIDTH } from "../../src/excel/reportContent";
import { dayFromIso } from "../../src/rules/dates";
import { readTable } from "../../src/reading/headers";
import { summarizeYear } from "../../src/rules/summary";
import { sampleValues } from "../../src/taskpane/browser/sample";
import { FakeWorkbook } from "./fake-excel";

const TODAY = dayFromIso("2026-11-27");
const table = readTable(sampleValues());
const summary = summarizeYear(table.rows, { today: TODAY, year: 2026, problems: table.problems });

describe("writeReportSheet", () => {
  it("creates a marked sheet 'KOR 2026' with one values write, formats, a chart, calculation suspended", async () => {
    const wb = new FakeWorkbook();
    const user = wb.addSheet("Facturen", sampleValues());
    const before = JSON.stringify(user.cells);
    const ctx = wb.context();
    const result = await writeReportSheet(ctx.asExcel(), summary, "nl", "Facturen");
    expect(result).toEqual({ kind: "written", sheetName: "KOR 2026" });
    expect(ctx.syncs).toHaveLength(2);
    expect(ctx.application.suspended).toBe(1);
    const sheet = wb.sheet("KOR 2026")!;
    expect(sheet.customProperties.get(OWN_SHEET_MARK_KEY)).toBe(REPORT_MARK_VALUE);
    expect(ctx.log.filter((l) => l.op === "values")).toHaveLength(1);
    expect(sheet.cells[0][0]).toBe("KOR-overzicht 2026");
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].type).toBe("LineMarkers");
    expect(sheet.charts[0].seriesList).toHaveLength(2); // cumulative and threshold
    // The crossing quarter's point is labelled.
    expect(sheet.charts[0].seriesList[0].pointList.some((p) => p.hasDataLabel)).toBe(true);
    expect(JSON.stringify(user.cells)).toBe(before); // the user's cells are untouched
    expect(wb.state.active).toBe(sheet);
  });

  it("refreshes its own sheet: old content and chart replaced (3 syncs)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    await writeReportSheet(wb.context().asExcel(), summary, "en", "Facturen");
    const sheet = wb.sheet("KOR 2026")!;
    sheet.cells[200] = ["stale"];
    const ctx = wb.context();
    // A value outside the report's area: the pane asked, and the user chose to replace the sheet.
    const result = await writeReportSheet(ctx.asExcel(), summary, "en", "Facturen", { replaceEdited: true });
    expect(result.kind).toBe("written");
    expect(ctx.syncs).toHaveLength(3);
    expect(sheet.cells[0][0]).toBe("KOR report 2026");
    expect(sheet.cells[200]?.[0]).toBeUndefined();
    expect(sheet.charts.filter((c) => !c.deleted)).toHaveLength(1);
  });

  it("refuses to overwrite a sheet of the same name that it did not create", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    const theirs = wb.addSheet("KOR 2026", [["my own notes"]]);
    const ctx = wb.context();
    const result = await writeReportSheet(ctx.asExcel(), summary, "nl", "Facturen");
    expect(result).toEqual({ kind: "refused", sheetName: "KOR 2026" });
    expect(theirs.cells).toEqual([["my own notes"]]);
    expect(theirs.charts).toHaveLength(0);
    expect(ctx.application.suspended).toBe(0);
  });

  it("refuses a sheet whose mark has another value", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Facturen", sampleValues());
    const theirs = wb.addSheet("KOR 2026", [["x"]]);
    theirs.customProperties.set(OWN_SHEET_MARK_KEY, "something-else");
    expect((await writeReportSheet(wb.context().asExcel(), summary, "nl", "Facturen")).kind).toBe("refused");
  });
});

describe("buildReport", () => {
  const content = buildReport(summary, "en", "Facturen");
  it("is a rectangle of REPORT_WIDTH columns with matching formats", () => {
    expect(content.values.every((r) => r.length === REPORT_WIDTH)).toBe(true);
    expect(content.formats.map((r) => r.length)).toEqual(content.values.map(() => REPORT_WIDTH));
  });
  it("holds the countable turnover in euros with a euro format, and one chart row per period", () => {
    const row = content.values.findIndex((r) => r[0] === "Turnover that counts");
    expect(content.values[row][1]).toBe(summary.countableCents / 100);
    expect(content.formats[row][1]).toBe(EURO_FORMAT);
    expect(content.chart.lastRow - content.chart.headerRow).toBe(summary.periods.length);
    expect(content.values[content.chart.lastRow][1]).toBe(summary.periods[summary.periods.length - 1].cumulativeCents / 100);
  });
  it("states the crossing in the verdict, lists the EU quarterly report per state with due dates, and the warnings", () => {
    const verdict = content.values.find((r) => r[0] === "Result")!;
    expect(verdict[1]).toContain("Turnover limit crossed on 18 November 2026");
    const euRows = content.values.filter((r) => typeof r[0] === "string" && /^Q[1-4] 2026$/.test(r[0]) && typeof r[1] === "string" && /^[A-Z]{2}$/.test(r[1]));
    expect(euRows).toHaveLength(summary.eu!.quarters.reduce((n, q) => n + q.perState.length, 0));
    expect(content.values.some((r) => r[0] === "Error" && String(r[1]).includes("ambiguous"))).toBe(true);
  });
  it("keeps cell text as plain text (a category value with markup is just a string)", () => {
    expect(content.values.flat().every((v) => typeof v === "string" || typeof v === "number")).toBe(true);
  });
});

describe("the report sheet shows the credit-note caveat beside the crossing (kor-rules.md section 5)", () => {
  it("on the crossing line, and in the reasons", () => {
    const row = (n: number, iso: string, cents: number) => ({ row: n, day: dayFromIso(iso), cents, category: null, country: null, vatCents: null });
    const rows = [row(2, "2025-02-01", 1_900_000), row(3, "2025-05-10", 150_000), row(4, "2025-05-20", -150_000)];
    const content = buildReport(summarizeYear(rows, { today: dayFromIso("2025-06-01"), year: 2025, previousYearCents: 0 }), "nl", "Blad1");
    const crossingLine = content.values.find((r) => r[0] === "Omzetgrens overschreden op");
    expect(crossingLine?.slice(0, 3)).toEqual(["Omzetgrens overschreden op", 45787, "Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur."]);
    expect(content.values.some((r) => r[1] === "Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.")).toBe(true);
  });
});

describe("the report sheet's EU section says whether the Union threshold holds, and the crossing (kor-rules.md section 7)", () => {
  // Worked example 19: Union €82,000 by April 2026, then an AT sale on 10 Nov 2026 brings it to €100,500.
  const row = (n: number, iso: string, euros: number, category: "buitenland" | null, country: string) => ({ row: n, day: dayFromIso(iso), cents: euros * 100, category, country, vatCents: null });
  const rows = [
    row(2, "2025-06-01", 15_000, null, "NL"), row(3, "2025-06-02", 45_000, "buitenland", "AT"),
    row(4, "2026-02-01", 18_000, null, "NL"), row(5, "2026-03-01", 24_000, "buitenland", "BE"), row(6, "2026-04-01", 40_000, "buitenland", "AT"),
    row(7, "2026-11-10", 18_500, "buitenland", "AT"),
  ];
  it("beside Union turnover: over, with last year's figure; under it the crossing, what it means and the notify-by day", () => {
    const values = buildReport(summarizeYear(rows, { today: dayFromIso("2026-11-20"), year: 2026 }), "en", "Sheet1").values;
    // The reason, not the bare "Over the Union threshold"; no state line promises an exemption after the crossing.
    expect(values.find((r) => r[0] === "Union turnover")?.slice(0, 4)).toEqual(["Union turnover", 100_500, "threshold €100,000.00", "over: Union turnover went over €100,000.00 on 10 November 2026 (row 7) · Previous year: €60,000.00 — incomplete? the rows only start on 1 June 2025"]);
    // (2025's rows here start on 1 June: beside last year's figure, the report says it may not be the whole year.)
    expect(values.find((r) => r[0] === "AT")?.[3]).toBe(
      "within the 10% tolerance AT allows (up to €60,500.00), but the EU-KOR exemption ends in AT too as of the supply of 10 November 2026 (row 7), when Union turnover went over €100,000.00",
    );
    // Past the notify-by day the crossing line says it is overdue.
    const late = buildReport(summarizeYear(rows, { today: dayFromIso("2026-12-02"), year: 2026 }), "nl", "Blad1").values.map((r) => String(r[0]));
    expect(late.find((x) => x.startsWith("De EU-omzet kwam op"))).toContain(
      "Meld dit uiterlijk 1 december 2026 bij de Belastingdienst (15 werkdagen, geteld als ma–vr; feestdagen zijn niet overgeslagen, dus mogelijk eerder dan nodig); die dag is voorbij: te laat als u het nog niet meldde, meld het direct.",
    );
    expect(values.map((r) => r[0])).toContain(
      "Union turnover went over the Union threshold on 10 November 2026 (row 7): the EU-KOR exemption ends as of that supply in every member state where you use it, and you cannot use the EU-KOR in 2027. Report this to the Belastingdienst by 1 December 2026 (15 working days, counted Mon–Fri; public holidays are not skipped, so possibly earlier than needed). The Dutch KOR is not affected by this.",
    );
    const before = buildReport(summarizeYear(rows.slice(0, 5), { today: dayFromIso("2026-11-20"), year: 2026 }), "nl", "Blad1").values;
    expect(before.find((r) => r[0] === "Omzet in de hele EU")?.slice(0, 4)).toEqual(["Omzet in de hele EU", 82_000, "grens € 100.000,00", "Binnen de EU-grens · Vorig jaar: € 60.000,00 — onvolledig? de rijen beginnen pas op 1 juni 2025"]);
    expect(before.some((r) => String(r[0]).startsWith("De EU-omzet kwam op"))).toBe(false);
  });
});

describe("the report sheet's state lines say why when the status does not follow from this year's figure (kor-rules.md section 7)", () => {
  const row = (n: number, iso: string, euros: number, country: string) => ({ row: n, day: dayFromIso(iso), cents: euros * 100, category: "buitenland" as const, country, vatCents: null });
  // AT went over €60,500 on 12 May 2026 and a credit note brought it to €51,000; BE had €27,000 in 2025 and nothing yet in 2026.
  const rows = [row(2, "2025-05-01", 27_000, "BE"), row(3, "2026-05-12", 61_000, "AT"), row(4, "2026-06-01", -10_000, "AT")];
  const values = (lang: "nl" | "en") => buildReport(summarizeYear(rows, { today: dayFromIso("2026-07-01"), year: 2026 }), lang, "Blad1").values;
  it("AT €51,000 'over' names the crossing and BE €0 'blocked' names last year's figure, in Dutch and English", () => {
    expect(values("nl").find((r) => r[0] === "AT")?.slice(0, 4)).toEqual([
      "AT", 51_000, 55_000, "erboven: de omzet kwam op 12 mei 2026 (rij 3) boven € 60.500,00 (de grens van € 55.000,00 plus de marge van 10% die AT toestaat); creditnota's daarna maken dat niet ongedaan; controleer wel of een creditnota een foute factuur intrekt (geen latere korting of retour): dan is de grens misschien nooit overschreden",
    ]);
    expect(values("nl").find((r) => r[0] === "BE")?.slice(0, 4)).toEqual(["BE", 0, 25_000, "uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00"]);
    expect(values("en").find((r) => r[0] === "BE")?.[3]).toBe("blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00");
  });

  it("BE over last year AND crossed this year names both, not just 'erboven'", () => {
    const both = [...rows, row(5, "2026-02-02", 20_000, "BE"), row(6, "2026-05-12", 6_000, "BE")];
    const at = (lang: "nl" | "en") => buildReport(summarizeYear(both, { today: dayFromIso("2026-07-01"), year: 2026 }), lang, "Blad1").values.find((r) => r[0] === "BE");
    expect(at("nl")?.slice(0, 4)).toEqual([
      "BE", 26_000, 25_000, "uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00; in 2026 kwam de omzet ook op 12 mei 2026 (rij 6) boven € 25.000,00",
    ]);
    expect(at("en")?.[3]).toBe("blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00; in 2026 turnover also went over €25,000.00 on 12 May 2026 (row 6)");
  });
});

describe("the report sheet follows the participation status (kor-rules.md section 5)", () => {
  const rows = [{ row: 1, day: dayFromIso("2024-03-01"), cents: 1_900_000, category: null, country: null, vatCents: null }, { row: 2, day: dayFromIso("2024-09-16"), cents: 150_000, category: null, country: null, vatCents: null }];
  const texts = (participation?: Parameters<typeof summarizeYear>[1]["participation"]): string[] =>
    buildReport(summarizeYear(rows, { today: dayFromIso("2024-10-15"), year: 2024, participation }), "en", "Sheet1").values.map((r) => String(r[0]));

  it("labels the re-entry as conditional when the status is unknown, plain for a participant, and leaves it out otherwise", () => {
    expect(texts()).toContain("If the business was in the KOR: rejoin from");
    expect(texts({ status: "in", since: dayFromIso("2023-01-01") })).toContain("Rejoin from");
    const out = texts({ status: "out" });
    expect(out.some((t) => t.includes("ejoin"))).toBe(false);
    expect(out).toContain("KOR participation");
  });
});

describe("the report sheet's deadlines say only what applies, as the pane's year report and kor-check (kor-rules.md sections 5, 6)", () => {
  const row = (n: number, iso: string, euros: number) => ({ row: n, day: dayFromIso(iso), cents: euros * 100, category: null, country: null, vatCents: null });
  const within = [row(2, "2026-03-01", 5_000)];
  const crossed = [row(2, "2026-03-01", 19_750), row(3, "2026-09-16", 500)];
  const labels = (rows: typeof within, participation: Parameters<typeof summarizeYear>[1]["participation"]): Map<string, string | number> => {
    const content = buildReport(summarizeYear(rows, { today: TODAY, year: 2026, participation }), "en", "Sheet1");
    return new Map(content.values.map((r) => [String(r[0]), r[1]]));
  };

  it("in the KOR, no crossing since: nothing to register, no registration date; the voluntary exit is given", () => {
    const inKor = labels(within, { status: "in", since: dayFromIso("2026-01-01") });
    expect(inKor.has("Register by")).toBe(false);
    expect(inKor.get("Next possible start")).toBe("You are in the KOR and turnover has not gone over the turnover limit since: there is nothing to register.");
    expect(inKor.has("Exit effective")).toBe(true);
    expect(inKor.has("Exit notice by")).toBe(true);
  });

  it("not in the KOR: no voluntary exit dates (there is nothing to leave)", () => {
    const out = labels(within, { status: "out" });
    expect(out.has("Exit effective")).toBe(false);
    expect(out.has("Exit notice by")).toBe(false);
    expect(typeof out.get("Next possible start")).toBe("number");
  });

  it("beside this year's crossing: no voluntary exit on a later period start (the crossing day ends participation)", () => {
    for (const participation of [{ status: "unknown" as const }, { status: "in" as const, since: dayFromIso("2026-01-01") }]) {
      const x = labels(crossed, participation);
      expect(x.has("Exit effective")).toBe(false);
      expect(x.has("Exit notice by")).toBe(false);
    }
  });
});

describe("the report sheet's re-entry after a crossing is a real possible start (kor-rules.md sections 5, 6)", () => {
  // Crossed 16 Sep 2025; the 2025 report opened on 10 Dec 2026, after the 3 Dec 2026 deadline for 1 Jan 2027.
  const row = (n: number, iso: string, euros: number) => ({ row: n, day: dayFromIso(iso), cents: euros * 100, category: null, country: null, vatCents: null });
  const rows = [row(2, "2025-01-10", 19_750), row(3, "2025-09-16", 500), row(4, "2026-03-01", 8_000)];
  const dated = (participation: Parameters<typeof summarizeYear>[1]["participation"]): Map<string, string | number> => {
    const content = buildReport(summarizeYear(rows, { today: dayFromIso("2026-12-10"), year: 2025, participation }), "en", "Sheet1");
    return new Map(content.values.map((r) => [String(r[0]), r[1]]));
  };
  // Excel serial of a day: days since 30 Dec 1899.
  const serial = (iso: string): number => Math.round((Date.parse(iso) - Date.parse("1899-12-30")) / 86_400_000);

  it("shows 'Rejoin from 1 Apr 2027, register by 3 Mar 2027' (as the next start), not the passed 1 Jan 2027 / 3 Dec 2026", () => {
    const inKor = dated({ status: "in", since: dayFromIso("2024-01-01") });
    expect(inKor.get("Rejoin from")).toBe(serial("2027-04-01"));
    expect(inKor.get("Register for that by")).toBe(serial("2027-03-03"));
    expect(inKor.get("Next possible start")).toBe(serial("2027-04-01"));
    const unknown = dated({ status: "unknown" });
    expect(unknown.get("If the business was in the KOR: rejoin from")).toBe(serial("2027-04-01"));
    expect(unknown.get("Register for that by")).toBe(serial("2027-03-03"));
  });
});

describe("the report sheet names both previous-year figures when the given one differs from the rows (kor-rules.md section 4, worked example 26)", () => {
  it("lists the given figure as used, with the rows' figure, in the reasons and the warnings", () => {
    const rows = [
      { row: 2, day: dayFromIso("2025-12-10"), cents: 50_000, category: null, country: null, vatCents: null },
      { row: 3, day: dayFromIso("2026-02-01"), cents: 500_000, category: null, country: null, vatCents: null },
    ];
    const summary = summarizeYear(rows, { today: dayFromIso("2026-03-01"), year: 2026, previousYearCents: 2_500_000 });
    const content = buildReport(summary, "nl", "Blad1");
    const cells = content.values.flat().map(String);
    const both = "De opgegeven omzet 2025 van € 25.000,00 is gebruikt; de rijen van 2025 in de gegevens tellen op tot € 500,00. Controleer welk bedrag klopt.";
    expect(cells.filter((c) => c === both).length).toBeGreaterThanOrEqual(1);
    expect(content.values.some((r) => r[0] === "Let op" && r[1] === both)).toBe(true);
  });
});
