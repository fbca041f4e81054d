/**
 * kor-check in-process: generated .xlsx and .csv files (good, mixed, corrupt, empty, several sheets), every
 * JSON field, the exit codes, the table and CSV output.
 */
import * as path from "path";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { main, type CliIo } from "../../src/cli/main";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import { summarizeYear } from "../../src/rules/summary";
import { readTable } from "../../src/reading/headers";
import { parseCsv } from "../../src/reading/csv";
import { nextChance } from "../../src/bulk/overview";
import { CROSSING_2025, HEADER, WITHIN_2025, d, type Cell, tempDir, writeText, writeXlsx, runCli, type CliRun } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
// Two cores shared by several engineers: give the exceljs round trips room.
jest.setTimeout(30_000);

const run = (args: string[], extra: Partial<CliIo> = {}): Promise<CliRun> => runCli(args, TODAY, extra);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

async function json(args: string[]): Promise<{ code: number; items: Json[]; stderr: string }> {
  const r = await run([...args, "--format", "json", "--lang", "en"]);
  return { code: r.code, items: JSON.parse(r.stdout) as Json[], stderr: r.stderr };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

describe("kor-check --format json", () => {
  it("reports every field for a sheet that crossed the limit", async () => {
    const file = await writeXlsx(at("klant.xlsx"), { Facturen: CROSSING_2025 });
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items).toEqual([
      {
        file,
        sheet: "Facturen",
        error: null,
        year: 2025,
        verdict: "not-eligible",
        eligible: false,
        countable: 20250,
        notCounted: 0,
        percentOfThreshold: 101.3,
        previousYear: 0,
        previousYearAssumed: true,
        previousYearBasis: "assumed-zero",
        previousYearSheet: null,
        previousYearPartial: null,
        previousYearRowsFrom: null,
        crossing: { date: "2025-09-16", row: 4, reference: null, amount: 500, caveat: null },
        // Crossed in 2025: 2026 fails the previous-year test, earliest re-entry 1 Jan 2027 (worked example 11).
        participation: "unknown",
        participationEnded: null,
        participationEndedIn: null,
        participationCouldNotStart: null,
        nextStart: "2027-01-01",
        deadline: "2026-12-03",
        ifInKor: null,
        eu: null,
        rows: 3,
        problems: [],
      },
    ]);
  });

  it("uses the previous year from the data and finds no crossing within the limit", async () => {
    const file = await writeXlsx(at("binnen.xlsx"), { "2024-2025": WITHIN_2025 });
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({
      year: 2025,
      verdict: "eligible",
      eligible: true,
      countable: 19500,
      previousYear: 15000,
      previousYearAssumed: false,
      previousYearBasis: "data",
      crossing: null,
      nextStart: "2027-01-01",
      deadline: "2026-12-03",
    });
  });

  it("checks the year given with --year, and takes --previous-year-turnover for a single file", async () => {
    const file = await writeXlsx(at("binnen.xlsx"), { Blad1: WITHIN_2025 });
    // The file holds 2024 rows of €15,000, but the given amount wins (kor-rules.md section 4, worked example 26)
    // and the output names both figures.
    const { items } = await json([file, "--year", "2025", "--previous-year-turnover", "21.000,00"]);
    expect(items[0]).toMatchObject({ year: 2025, previousYear: 21000, previousYearBasis: "given", eligible: false, verdict: "not-eligible" });
    expect(items[0].problems.map((p: { message: string }) => p.message)).toContain(
      "The given 2024 turnover of €21,000.00 was used; the rows of 2024 in the data add up to €15,000.00. Check which figure is right.",
    );
    // Without 2024 rows the given amount is used.
    const only2025 = await writeXlsx(at("binnen-2025.xlsx"), { Blad1: WITHIN_2025.filter((r, i) => i !== 1) });
    const given = await json([only2025, "--year", "2025", "--previous-year-turnover", "21.000,00"]);
    expect(given.items[0]).toMatchObject({ year: 2025, previousYear: 21000, previousYearBasis: "given", eligible: false, verdict: "not-eligible" });
    const y2024 = await json([file, "--year=2024"]);
    expect(y2024.items[0]).toMatchObject({ year: 2024, countable: 15000, previousYear: null, previousYearBasis: "not-needed", eligible: true });
  });

  it("a previous year typed for a year before 2025 is shown as given, and said not to decide that year (was: 'not needed', dropped)", async () => {
    const file = await writeXlsx(at("binnen.xlsx"), { Blad1: WITHIN_2025 });
    // 2024 holds €15,000 and no 2023 rows; €25,000 typed for 2023. Before 2025 only the year itself counts: still eligible.
    const { items } = await json([file, "--year", "2024", "--previous-year-turnover", "25000"]);
    expect(items[0]).toMatchObject({ year: 2024, countable: 15000, previousYear: 25000, previousYearBasis: "given", previousYearAssumed: false, eligible: true, verdict: "eligible" });
    const nl = (await run([file, "--year", "2024", "--previous-year-turnover", "25000", "--lang", "nl"])).stdout.replace(/\s+/g, " ");
    expect(nl).toContain("€ 25.000,00 (opgegeven; beslist 2024 niet: vóór 2025 telt alleen de omzet van het jaar zelf)");
    expect(nl).not.toContain("niet nodig");
    const en = (await run([file, "--year", "2024", "--previous-year-turnover", "25000", "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(en).toContain("€25,000.00 (as given; it does not decide 2024: before 2025 only the year's own turnover counts)");
  });

  it("takes --previous-year-union-turnover for the EU-KOR: it wins over last year's rows and both figures are named (kor-rules.md sections 4 and 7)", async () => {
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2025-03-01"), "A", 30000, "buitenland", "BE"],
      [d("2026-02-01"), "B", 10000, "21", "NL"],
      [d("2026-03-01"), "C", 5000, "buitenland", "BE"],
    ];
    const file = await writeXlsx(at("eu.xlsx"), { Blad1: rows });
    const fromRows = await json([file, "--year", "2026"]);
    expect(fromRows.items[0].eu).toMatchObject({ union: 15000, previousUnion: 30000, previousUnionBasis: "data", withinUnion: true });
    // BE's €5,000 this year is under €25,000: the reason says the block comes from last year (section 7).
    expect(fromRows.items[0].eu.states).toContainEqual({
      country: "BE", turnover: 5000, previousYear: 30000, threshold: 25000, within: false,
      reason: "blocked: 2025 turnover in BE of €30,000.00 was over €25,000.00",
    });
    const given = await json([file, "--year", "2026", "--previous-year-union-turnover", "120.000,00"]);
    expect(given.items[0].eu).toMatchObject({ union: 15000, previousUnion: 120000, previousUnionBasis: "given", withinUnion: false });
    expect(given.items[0].problems.map((p: { message: string }) => p.message)).toContain(
      "The given 2025 Union turnover of €120,000.00 was used; the rows of 2025 in the data add up to €30,000.00. Check which figure is right.",
    );
    const table = await run([file, "--year", "2026", "--previous-year-union-turnover", "120000", "--lang", "en"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("€120,000.00 was used; the rows of 2025 in the data add up to €30,000.00");
    // The table and the CSV give the EU-KOR too (before, only the JSON did): BE blocked by last year.
    const block = (await run([file, "--year", "2026", "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(block).toContain("EU-KOR Union turnover: €15,000.00 (threshold €100,000.00) · Within the Union threshold · Previous year: €30,000.00");
    expect(block).toContain("EU-KOR BE: €5,000.00 (threshold €25,000.00) · blocked: 2025 turnover in BE of €30,000.00 was over €25,000.00");
    const csv = await run([file, "--year", "2026", "--previous-year-union-turnover", "120000", "--format", "csv", "--lang", "nl"]);
    const [header, line] = parseCsv(csv.stdout, ";");
    expect(header.slice(-11, -6)).toEqual(["eu_omzet", "eu_vorig_jaar", "eu_binnen_grens", "eu_lidstaten_erboven", "eu_lidstaten_onbekend"]);
    // Last year's Union turnover (given: €120,000) is why the €100,000 does not hold.
    expect(line.slice(-11, -6)).toEqual(["15000,00", "120000,00", "nee", "BE", ""]);
  });

  it("gives an EU-KOR crossing of €100,000 in the table, the CSV and the JSON (kor-rules.md section 7)", async () => {
    // 2026: DE €60,000 (row 2), FR €45,000 on 3 Sep 2026 (row 3): Union €105,000 > €100,000 at row 3.
    const rows: Cell[][] = [[...HEADER, "Land"], [d("2026-02-01"), "A", 60000, "buitenland", "DE"], [d("2026-09-03"), "B", 45000, "buitenland", "FR"]];
    const file = await writeXlsx(at("eu-over.xlsx"), { Blad1: rows });
    const both = await run([file, "--year", "2026", "--previous-year-union-turnover", "0", "--lang", "nl"]);
    const text = both.stdout.replace(/\s+/g, " ");
    expect(text).toContain("Omzet in de hele EU: € 105.000,00 (grens € 100.000,00) · erboven: de EU-omzet kwam op 3 september 2026 (rij 3) boven € 100.000,00");
    // Past the notify-by day (24 Sep 2026) it says so; DE, within its own threshold, is not promised an exemption.
    expect(text).toContain("die dag is voorbij: te laat als u het nog niet meldde, meld het direct.");
    expect(text).toContain("DE: € 60.000,00 (grens € 100.000,00) · binnen de eigen grens, maar de vrijstelling van de EU-KOR vervalt ook in DE vanaf de levering van 3 september 2026 (rij 3)");
    expect(text).toContain("De EU-omzet kwam op 3 september 2026 (rij 3) boven de EU-grens");
    const csv = await run([file, "--year", "2026", "--previous-year-union-turnover", "0", "--format", "csv", "--lang", "en"]);
    const [header, line] = parseCsv(csv.stdout, ",");
    expect(line[header.indexOf("union_turnover")]).toBe("105000.00");
    expect(line[header.indexOf("union_within")]).toBe("no");
    // FR's threshold is not verified (goods or services): listed apart. states_over is the states' own test, as
    // JSON `within` (docs/cli.md): DE, within its own threshold, is not listed although union_within is no.
    expect([line[header.indexOf("states_over")], line[header.indexOf("states_unknown")]]).toEqual(["", "FR"]);
    // A sheet without countries has no EU view: the three columns are empty.
    const plain = await writeXlsx(at("nl.xlsx"), { Blad1: [HEADER, [d("2026-02-01"), "A", 1000, "21"]] });
    const none = parseCsv((await run([plain, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(none[1].slice(-11, -6)).toEqual(["", "", "", "", ""]);
  });

  it("gives the Union test's reason, not a bare 'over' beside €100,000.00, in the table and the JSON (kor-rules.md section 7)", async () => {
    const file = await writeXlsx(at("eu-given.xlsx"), { Blad1: [[...HEADER, "Land"], [d("2026-02-01"), "A", 100000, "21", "NL"]] });
    const table = (await run([file, "--year", "2026", "--previous-year-union-turnover", "100.000,01", "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(table).toContain("Union turnover: €100,000.00 (threshold €100,000.00) · blocked in 2026: 2025 Union turnover of €100,000.01 was over €100,000.00 · Previous year: €100,000.01");
    expect(table).not.toContain("Over the Union threshold");
    const { items } = await json([file, "--year", "2026", "--previous-year-union-turnover", "100.000,01"]);
    expect(items[0].eu).toMatchObject({ withinUnion: false, unionReason: "blocked in 2026: 2025 Union turnover of €100,000.01 was over €100,000.00" });
    const within = await json([file, "--year", "2026", "--previous-year-union-turnover", "0"]);
    expect(within.items[0].eu).toMatchObject({ withinUnion: true, unionReason: null });
  });

  it("shows the credit-note caveat beside a crossing that later credit notes bring back within the limit (kor-rules.md section 5)", async () => {
    const file = await writeXlsx(at("creditnota.xlsx"), {
      Blad1: [HEADER, [d("2025-02-01"), "A", 19000, ""], [d("2025-05-10"), "B", 1500, ""], [d("2025-05-20"), "B", -1500, ""]],
    });
    const { items } = await json([file, "--year", "2025", "--previous-year-turnover", "0"]);
    expect(items[0]).toMatchObject({ verdict: "not-eligible", countable: 19000 });
    expect(items[0].crossing).toMatchObject({ date: "2025-05-10", row: 3, caveat: "Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice." });
    const one = (await run([file, "--year", "2025", "--previous-year-turnover", "0", "--lang", "nl"])).stdout.replace(/\s+/g, " ");
    expect(one).toContain("Let op Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00;");
    expect(one).toContain("controleer die factuur.");
    const two = await writeXlsx(at("creditnota-2.xlsx"), { Blad1: [HEADER, [d("2025-02-01"), "A", 100, ""]] });
    const many = (await run([file, two, "--year", "2025", "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(many).toContain("Turnover limit crossed on 10 May 2025, row 3 Later credit notes bring the 2025 total back to €19,000.00;");
  });

  it("gives the EU-KOR view when a row of a year it does not keep names a country, as the pane (which reads every row) does", async () => {
    // kor-check keeps 2024–2025 and the years from today − 3 (2023) on; the 2022 row with a country was dropped
    // and the 2025 report lost its EU-KOR view (eu null), which depended on the date kor-check was run.
    const text = "Datum;Bedrag;Land\n1-3-2022;500;DE\n1-3-2025;12000;\n1-6-2025;3000;\n";
    const file = writeText(at("land.csv"), text);
    const table = readTable(parseCsv(text));
    const pane = summarizeYear(table.rows, { today: TODAY, year: 2025 });
    expect(pane.eu?.unionCents).toBe(1_500_000);
    const { items } = await json([file, "--year", "2025"]);
    expect(items[0].eu).toMatchObject({ union: 15000, withinUnion: true });
    // Without --year the 2022 rows are kept until the 2025 rows arrive, then let go: the same view.
    const latest = await json([file]);
    expect(latest.items[0]).toMatchObject({ year: 2025, eu: { union: 15000 } });
  });

  it("does not book a buitenland row with country NL to NL for the EU-KOR: it names the row and asks for the member state", async () => {
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2026-02-01"), "A", 16000, "", "NL"],
      [d("2026-03-01"), "B", 5000, "buitenland", "NL"],
    ];
    const file = await writeXlsx(at("eu-nl.xlsx"), { Blad1: rows });
    const { items } = await json([file, "--year", "2026"]);
    expect(items[0].eu).toMatchObject({ union: 16000 });
    expect(items[0].eu.states).toContainEqual(expect.objectContaining({ country: "NL", turnover: 16000, within: true }));
    expect(items[0].problems.map((p: { message: string }) => p.message)).toContain(
      "Row 3: 'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member state where this turnover is taxed; if it is Dutch turnover, choose another category. This row is left out of Union turnover.",
    );
    const table = await run([file, "--year", "2026", "--lang", "nl"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("'buitenland' (belast in het buitenland) met land NL spreekt zichzelf tegen.");
  });

  it("warns, row-numbered per member state, for rows counted as Dutch turnover whose country is another state; the numbers stay (worked example 18 with empty categories)", async () => {
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2025-06-01"), "A", 60000, "buitenland", "BE"],
      [d("2026-02-01"), "B", 18000, "", "NL"],
      [d("2026-03-01"), "C", 24000, "", "BE"],
      [d("2026-04-01"), "D", 40000, "", "AT"],
      [d("2026-05-01"), "E", 1000, "icp", "DE"],
      [d("2026-05-02"), "F", 500, "", "BE"],
    ];
    const file = await writeXlsx(at("eu-leeg.xlsx"), { Blad1: rows });
    const { code, items } = await json([file, "--year", "2026"]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 83500, eligible: false });
    expect(items[0].eu.states).toContainEqual(expect.objectContaining({ country: "NL", turnover: 83500 }));
    const w = items[0].problems.filter((p: Json) => p.code === "counted-nl-country-abroad");
    expect(w).toEqual([
      {
        row: 4,
        severity: "warning",
        code: "counted-nl-country-abroad",
        rows: [4, 7],
        count: 2,
        message:
          "Rows 4 and 7: counted as Dutch turnover, but the country is BE. If the supplies are made in BE (taxed or exempt there, e.g. under the EU-KOR), give them the category 'buitenland'; if they are Dutch supplies to customers in BE, leave them.",
      },
      {
        row: 5,
        severity: "warning",
        code: "counted-nl-country-abroad",
        rows: [5],
        count: 1,
        message:
          "Row 5: counted as Dutch turnover, but the country is AT. If the supply is made in AT (taxed or exempt there, e.g. under the EU-KOR), give it the category 'buitenland'; if it is a Dutch supply to a customer in AT, leave it.",
      },
    ]);
    const table = await run([file, "--year", "2026", "--lang", "nl"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("Rijen 4 en 7: meegeteld als Nederlandse omzet, maar het land is BE.");
  });

  it("warns, row-numbered per country, for rows counted as Dutch turnover whose country is outside the EU: export, buitenland or leave it; the numbers stay", async () => {
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2026-02-01"), "A", 5000, "", "Verenigde Staten"],
      [d("2026-02-02"), "B", 1000, "21", "Zwitserland"],
      [d("2026-02-03"), "C", 2000, "", "VS"],
      [d("2026-02-04"), "D", 1000, "export", "VS"],
      [d("2026-02-05"), "E", 1000, "", "Nederland"],
      [d("2026-02-06"), "F", 1000, "", ""],
      [d("2026-02-07"), "G", 300, "", "Duitsland"],
    ];
    const file = await writeXlsx(at("buiten-eu.xlsx"), { Blad1: rows });
    const { code, items } = await json([file, "--year", "2026"]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 11300, eligible: true });
    expect(items[0].problems.filter((p: Json) => p.code === "counted-nl-country-abroad").map((p: Json) => p.rows)).toEqual([[8]]);
    const w = items[0].problems.filter((p: Json) => p.code === "counted-nl-country-outside-eu");
    expect(w).toEqual([
      {
        row: 2,
        severity: "warning",
        code: "counted-nl-country-outside-eu",
        rows: [2, 4],
        count: 2,
        message:
          "Rows 2 and 4: counted as Dutch turnover, but the country is US, outside the EU. If they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit); if they are services supplied in US (as most services to a business there are), give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are Dutch supplies to customers from US (for example tourists buying here), leave them.",
      },
      {
        row: 3,
        severity: "warning",
        code: "counted-nl-country-outside-eu",
        rows: [3],
        count: 1,
        message:
          "Row 3: counted as Dutch turnover, but the country is CH, outside the EU. If it is a sale of goods shipped out of the EU, give it the category 'export' (it still counts toward the turnover limit); if it is a service supplied in CH (as most services to a business there are), give it the category 'buitenland' (it then no longer counts toward the turnover limit); if it is a Dutch supply to a customer from CH (for example a tourist buying here), leave it.",
      },
    ]);
    const table = await run([file, "--year", "2026", "--lang", "nl"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("Rijen 2 en 4: meegeteld als Nederlandse omzet, maar het land is US, buiten de EU.");
  });

  it("warns, row-numbered per country, for verlegd rows whose country is outside the EU: buitenland, export or a Dutch reverse charge; the numbers stay", async () => {
    // €15,000 of "btw verlegd" invoices to US customers push €8,000 of Dutch turnover over €20,000: the user must look.
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2026-02-01"), "A", 8000, "21", "NL"],
      [d("2026-03-01"), "B", 9000, "btw verlegd", "Verenigde Staten"],
      [d("2026-04-01"), "C", 6000, "verlegd", "VS"],
      [d("2026-05-01"), "D", 1000, "verlegd", "Duitsland"],
      [d("2026-06-01"), "E", 1000, "verlegd", "NL"],
      [d("2026-06-02"), "F", 1000, "verlegd", ""],
    ];
    const file = await writeXlsx(at("verlegd-buiten-eu.xlsx"), { Blad1: rows });
    const { code, items } = await json([file, "--year", "2026"]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 25000, eligible: false });
    expect(items[0].problems.filter((p: Json) => p.code === "reverse-charge-abroad").map((p: Json) => p.rows)).toEqual([[5]]);
    expect(items[0].problems.filter((p: Json) => p.code === "verlegd-country-outside-eu")).toEqual([
      {
        row: 3,
        severity: "warning",
        code: "verlegd-country-outside-eu",
        rows: [3, 4],
        count: 2,
        message:
          "Rows 3 and 4: 'verlegd' with country US, outside the EU, is counted as Dutch turnover. 'verlegd' is for VAT reverse-charged to a Dutch business customer. If they are services to business customers in US, those are usually supplied there: give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit). Leave them 'verlegd' only if the customer really owes Dutch VAT on them.",
      },
    ]);
    const table = await run([file, "--year", "2026", "--lang", "nl"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("Rijen 3 en 4: 'verlegd' met land US, buiten de EU, is meegeteld als Nederlandse omzet.");
  });

  it("warns, row-numbered per country, for export within the EU and icp or afstand-nl outside it: which category fits; the numbers stay", async () => {
    const rows: Cell[][] = [
      [...HEADER, "Land"],
      [d("2026-02-01"), "A", 5000, "uitvoer", "Duitsland"],
      [d("2026-02-02"), "B", 3000, "export", "VS"],
      [d("2026-02-03"), "C", 4000, "intracommunautaire levering", "Verenigde Staten"],
      [d("2026-02-04"), "D", 2000, "icl", "België"],
      [d("2026-02-05"), "E", 1000, "afstandsverkoop nl", "Zwitserland"],
      [d("2026-02-06"), "F", 1000, "export", "NL"],
      [d("2026-02-07"), "G", 500, "icp", ""],
      [d("2026-02-08"), "H", 500, "uitvoer", "DE"],
    ];
    const file = await writeXlsx(at("export-icp-land.xlsx"), { Blad1: rows });
    const { code, items } = await json([file, "--year", "2026"]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 17000, notCounted: 0, eligible: true, crossing: null });
    expect(items[0].problems).toEqual([
      {
        row: 2,
        severity: "warning",
        code: "export-country-in-eu",
        rows: [2, 9],
        count: 2,
        message:
          "Rows 2 and 9: 'export' with country DE, within the EU. 'export' is for goods shipped out of the EU. If the goods were shipped to businesses with a VAT number in DE, give them the category 'icp'; if they were shipped to consumers in DE (distance sales), they are 'afstand-nl' while the VAT on them is due in the Netherlands, or 'buitenland' when it is due in DE (above the limit for distance sales); as 'buitenland' they do not count toward the turnover limit. As 'icp' or 'afstand-nl' they count just the same: the numbers do not change.",
      },
      {
        row: 4,
        severity: "warning",
        code: "icp-country-outside-eu",
        rows: [4],
        count: 1,
        message:
          "Row 4: 'icp' with country US, outside the EU. 'icp' (intra-community supply) is for goods shipped to a business in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same: the numbers do not change.",
      },
      {
        row: 6,
        severity: "warning",
        code: "afstand-nl-country-outside-eu",
        rows: [6],
        count: 1,
        message:
          "Row 6: 'afstand-nl' with country CH, outside the EU. 'afstand-nl' is for goods shipped to a consumer in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same (the numbers do not change), but no longer toward the €10,000 limit for distance sales within the EU.",
      },
    ]);
    const table = (await run([file, "--year", "2026", "--lang", "nl"])).stdout.replace(/\s+/g, " ");
    expect(table).toContain("Rijen 2 en 9: 'export' met land DE, binnen de EU.");
    expect(table).toContain("Rij 4: 'icp' met land US, buiten de EU.");
    expect(table).toContain("Rij 6: 'afstand-nl' met land CH, buiten de EU.");
    const csv = await run([file, "--year", "2026", "--format", "csv", "--lang", "nl"]);
    const [header, line] = csv.stdout.trim().split(/\r?\n/);
    expect(line.split(";")[header.split(";").indexOf("problemen")]).toBe("3");
  });

  it("reports rows that cannot be read with their row number, leaves eligible undecided and exits 1", async () => {
    const file = await writeXlsx(at("gemengd.xlsx"), {
      Blad1: [HEADER, [d("2025-01-05"), "A", 1000, "21"], ["32-13-2025", "B", 500, "21"], [d("2025-02-05"), "C", "veel", "21"], [d("2025-03-05"), "D", 250, "onbekend"]],
    });
    const { code, items } = await json([file]);
    expect(code).toBe(1);
    expect(items[0].eligible).toBeNull();
    expect(items[0].verdict).toBe("eligible");
    expect(items[0].countable).toBe(1000);
    expect(items[0].problems.map((p: Json) => p.row)).toEqual([3, 4, 5]);
    for (const p of items[0].problems) {
      expect(p.severity).toBe("error");
      expect(p.message).toMatch(new RegExp(`^Row ${p.row}: `));
    }
  });

  it("reports a corrupt file with its reason and still checks the others", async () => {
    const good = await writeXlsx(at("a-goed.xlsx"), { Facturen: CROSSING_2025 });
    const bad = writeText(at("b-kapot.xlsx"), "this is not a workbook");
    const truncated = writeText(at("c-half.xlsx"), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const { code, items, stderr } = await json([tmp.dir]);
    expect(code).toBe(1);
    expect(items.map((i: Json) => path.basename(i.file))).toEqual(["a-goed.xlsx", "b-kapot.xlsx", "c-half.xlsx"]);
    expect(items[0].file).toBe(good);
    for (const f of [bad, truncated]) {
      const item = items.find((i: Json) => i.file === f);
      expect(item).toMatchObject({ sheet: null, year: null, eligible: null, crossing: null, problems: [] });
      expect(item.error).toMatch(/not a valid \.xlsx file/);
      expect(stderr).toContain(f);
    }
  });

  it("reports a missing file and an unsupported file type", async () => {
    const pdf = writeText(at("factuur.pdf"), "%PDF-1.7");
    const { code, items } = await json([at("missing.xlsx"), pdf]);
    expect(code).toBe(1);
    expect(items.map((i: Json) => i.error)).toEqual(["file or folder not found", "only .xlsx, .csv and text (.txt) files and auditfiles (.xaf) can be read"]);
  });

  it("names a row dated in 2016 among rows of 2026 (a typo in the year takes it out of 2026) in the 2026 report", async () => {
    const file = writeText(at("typo.csv"), "Factuurdatum;Bedrag excl. btw;Btw-code\r\n06-01-2026;1.500,00;21\r\n14-02-2016;8.000,00;21\r\n14-03-2026;700,00;21\r\n14-04-2026;500,00;21\r\n");
    const { items } = await json([file, "--year", "2026"]);
    expect(items[0].countable).toBe(2700);
    expect(items[0].problems.map((p: Json) => [p.severity, p.message])).toEqual([
      ["warning", "Row 3: the date 14 February 2016 lies years from the other rows (2026). Is the year right? This row counts only in 2016, not in 2026."],
    ]);
  });

  it("reads a sales list saved as Unicode text (.txt, UTF-16, tabs) given by name, as the pane does, but no .txt in a folder", async () => {
    // Excel's "Unicode Text" save and Exact Online's text export: UTF-16 LE, tab-separated. 12.500 + 8.000,50 = 20.500,50:
    // over €20,000 on the second invoice. Before: "only .xlsx and .csv files can be read".
    const text = "Factuurdatum\tOmschrijving\tBedrag excl. btw\tBtw-code\r\n06-01-2025\tBrood\t12.500,00\tLaag\r\n14-11-2025\tTaart\t8.000,50\tHoog\r\n";
    const dir = at("map");
    mkdirSync(dir);
    const file = path.join(dir, "verkoopboek.txt");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ year: 2025, countable: 20500.5, eligible: false, crossing: { date: "2025-11-14" } });
    // In a folder a .txt is a note, not taken: nothing to read.
    const folder = await json([dir]);
    expect(folder.items).toHaveLength(0);
  });

  it("reports an empty file and a workbook without an invoice list as not read", async () => {
    const empty = writeText(at("leeg.csv"), "");
    const emptyXlsx = writeText(at("leeg.xlsx"), "");
    const notes = await writeXlsx(at("notities.xlsx"), { Notities: [["Bel klant terug"], ["Offerte sturen"]] });
    const headerOnly = await writeXlsx(at("alleen-kop.xlsx"), { Blad1: [HEADER] });
    const { code, items } = await json([empty, emptyXlsx, notes, headerOnly]);
    expect(code).toBe(1);
    const byName = (n: string): Json => items.find((i: Json) => path.basename(i.file) === n);
    expect(byName("leeg.csv").error).toBe("the file is empty");
    expect(byName("leeg.xlsx").error).toBe("the file is empty");
    expect(byName("notities.xlsx").error).toBe("no sheet with a header row with a date and an amount column found");
    // A list with a header and no invoices is a list with no turnover, not an error: the year is today's.
    expect(byName("alleen-kop.xlsx")).toMatchObject({ sheet: "Blad1", error: null, year: 2026, countable: 0, rows: 0 });
  });

  it("gives a CSV file's refusal (amounts including VAT only, no columns) as its error, with the problem's code", async () => {
    // The JSON and CSV said only "no sheet with a header row with a date and an amount column found", which the
    // gross-only list has; the pane names the column and says to add the amount excluding VAT or the VAT.
    const gross = writeText(at("jortt.csv"), "Datum;Klant;Totaal incl. btw\n1-3-2025;A;1.210,00\n");
    const names = writeText(at("namen.csv"), "Naam;Adres\nJansen;Dorpsstraat 1\n");
    const { code, items } = await json([gross, names]);
    expect(code).toBe(1);
    const byName = (n: string): Json => items.find((i: Json) => path.basename(i.file) === n);
    expect(byName("jortt.csv").error).toMatch(/^Column "Totaal incl. btw" \(C\) holds amounts including VAT/);
    expect(byName("jortt.csv").problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "gross-only" })]);
    expect(byName("namen.csv").problems.map((p: Json) => p.code)).toEqual(["no-invoice-columns"]);
    expect(byName("namen.csv").error).toMatch(/^No header row found with a date column/);
    // A workbook's sheet of amounts including VAT only is meant as an invoice list: its reason too (a notes sheet
    // beside it is simply not one).
    const book = await writeXlsx(at("jortt.xlsx"), { Notities: [["Bel klant terug"]], Facturen: [["Datum", "Klant", "Totaal incl. btw"], [d("2025-03-01"), "A", 1210]] });
    const fromBook = (await json([book])).items[0];
    expect(fromBook.error).toMatch(/^Column "Totaal incl. btw" \(C\) holds amounts including VAT/);
    expect(fromBook.problems.map((p: Json) => p.code)).toEqual(["gross-only"]);
    const csv = await run([gross, "--format", "csv", "--lang", "en"]);
    expect(csv.stdout).toContain("holds amounts including VAT");
  });

  it("lists a workbook without an invoice list once, under skipped sheets (still exit 1)", async () => {
    const notes = await writeXlsx(at("notities.xlsx"), { Notities: [["Bel klant terug"]], Todo: [["Offerte"]] });
    const good = await writeXlsx(at("goed.xlsx"), { A: WITHIN_2025 });
    const r = await run([good, notes, "--lang", "en"], { env: { COLUMNS: "300" } });
    expect(r.code).toBe(1);
    expect(r.stdout.split("notities.xlsx").length - 1).toBe(2); // its two sheets, nothing else
    expect(r.stdout).not.toMatch(/Not read:/);
    expect(r.stdout).toMatch(/Skipped sheets \(not an invoice list\):\n {2}.*notities\.xlsx › Notities: no header row[^\n]*\n {2}.*notities\.xlsx › Todo: no header row/);
  });

  it("checks every sheet of a workbook and skips sheets that are not invoice lists", async () => {
    const file = await writeXlsx(at("klanten.xlsx"), {
      "Klant A": CROSSING_2025,
      Notities: [["niets"]],
      "Klant B": WITHIN_2025,
    });
    const r = await run([file, "--lang", "en"], { env: { COLUMNS: "300" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Skipped sheets \(not an invoice list\):\n {2}.*klanten\.xlsx › Notities: no header row/);
    const { items } = await json([file]);
    expect(items.map((i: Json) => [i.sheet, i.eligible])).toEqual([["Klant A", false], ["Klant B", true]]);
  });

  it("reads formulas by their result and a header that is not on the first row", async () => {
    const file = await writeXlsx(at("formules.xlsx"), {
      Blad1: [["Omzetoverzicht 2025"], [], HEADER, [d("2025-01-02"), "A", { formula: "B1*2", result: 20000 }, "21"], [d("2025-01-03"), "B", 0.01, "21"]],
    });
    const { items } = await json([file]);
    expect(items[0]).toMatchObject({ countable: 20000.01, crossing: { date: "2025-01-03", row: 5, amount: 0.01 } });
  });

  it("reads a 1904-date-system workbook with the right dates", async () => {
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Mac");
    ws.addRow(HEADER);
    ws.addRow([d("2025-09-16"), "A", 25000, "21"]);
    const file = at("mac.xlsx");
    await wb.xlsx.writeFile(file);
    const { items } = await json([file]);
    expect(items[0].crossing).toEqual({ date: "2025-09-16", row: 2, reference: null, amount: 25000, caveat: null });
  });

  it("gives the same result when a sheet is read in many small blocks", async () => {
    const rows = [HEADER];
    for (let i = 0; i < 500; i++) rows.push([d(`2025-${String(1 + (i % 12)).padStart(2, "0")}-10`), "K", 41, i === 250 ? "bogus" : "21"]);
    const file = await writeXlsx(at("blokken.xlsx"), { Blad1: rows });
    const whole = await run([file, "--format", "json"]);
    const blocks = await run([file, "--format", "json"], { blockRows: 7 });
    expect(JSON.parse(blocks.stdout)).toEqual(JSON.parse(whole.stdout));
    expect(JSON.parse(whole.stdout)[0]).toMatchObject({ countable: 499 * 41, rows: 499 });
  });
});

describe("kor-check on CSV files", () => {
  it("reads a Dutch semicolon CSV with quoted amounts", async () => {
    const file = writeText(at("export.csv"), '\ufeffDatum;Omschrijving;Bedrag;Categorie\r\n1-3-2025;"Les; groep";"1.234,56";hoog\r\n2-3-2025;"Regel met ""quotes""";"18.765,45";21\r\n3-3-2025;x;0,00;21\r\n');
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ file, sheet: "export", year: 2025, countable: 20000.01, crossing: { date: "2025-03-02", row: 3, amount: 18765.45 } });
  });

  it("reads a comma CSV and a Windows-1252 file with a euro sign", async () => {
    const comma = writeText(at("comma.csv"), "Date,Amount,Category\n2025-01-02,100.50,21\n2025-01-03,200,9\n");
    const ansi = writeText(at("ansi.csv"), Buffer.from("Datum;Bedrag\n2-1-2025;\x80 1.000,00\n", "latin1"));
    const { code, items } = await json([comma, ansi]);
    expect(code).toBe(0);
    expect(items.map((i: Json) => i.countable)).toEqual([300.5, 1000]);
  });

  it("refuses gross − VAT rows that have a VAT amount but no gross amount, in every reading block, naming the rows", async () => {
    // Blocks of 4 rows: the faulty rows 3 and 9 are in different blocks.
    const lines = ["Datum;Bedrag incl. btw;BTW-bedrag", "1-9-2025;1.210,00;210,00", "2-9-2025;;21,00", "3-9-2025;121,00;"];
    for (let i = 0; i < 4; i++) lines.push(`${4 + i}-9-2025;242,00;42,00`);
    lines.push("9-9-2025;;42,00");
    const file = writeText(at("bruto.csv"), `${lines.join("\n")}\n`);
    for (const blockRows of [4, 1024]) {
      const r = await run([file, "--format", "json", "--lang", "en"], { blockRows });
      const item = (JSON.parse(r.stdout) as Json[])[0];
      expect(r.code).toBe(1);
      // 1,000 + 121 + 4 × 200; it was 1,921 − 21 − 42 = 1,858 with the two rows counted as credit notes of −VAT.
      expect(item.countable).toBe(1921);
      const errors = item.problems.filter((p: Json) => p.severity === "error");
      expect(errors.map((p: Json) => [p.code, p.rows])).toEqual([["vat-without-gross", [3, 9]]]);
      expect(errors[0].message).toMatch(/^Rows 3 and 9: VAT amount without an amount including VAT/);
    }
  });

  it("--amount-column naming a column of amounts including VAT counts gross − VAT, or refuses the file without a VAT column", async () => {
    // €12,100 + €12,100 including 21% VAT: it counted €24,200 (over the limit); excluding VAT it is €20,000 (eligible).
    const withVat = writeText(at("kassa-btw.csv"), "Datum;Klant;Totaal incl. btw;BTW\n1-3-2025;A;12.100,00;2.100,00\n1-6-2025;B;12.100,00;2.100,00\n");
    const noVat = writeText(at("kassa.csv"), "Datum;Klant;Totaal incl. btw\n1-3-2025;A;12.100,00\n1-6-2025;B;12.100,00\n");
    for (const blockRows of [1, 1024]) {
      const r = await run([withVat, noVat, "--amount-column", "Totaal incl. btw", "--format", "json", "--lang", "en"], { blockRows });
      const items = JSON.parse(r.stdout) as Json[];
      const byName = (n: string): Json => items.find((i: Json) => path.basename(i.file) === n);
      expect(byName("kassa-btw.csv")).toMatchObject({ error: null, countable: 20000, eligible: true });
      expect(byName("kassa-btw.csv").problems.find((p: Json) => p.code === "amount-derived").message).toContain('worked out per row as "Totaal incl. btw" (C) minus "BTW" (D)');
      expect(byName("kassa.csv").error).toMatch(/^The amount column chosen, "Totaal incl. btw" \(C\), holds amounts including VAT according to its header, and there is no VAT column/);
      expect(byName("kassa.csv").problems.map((p: Json) => p.code)).toEqual(["gross-only"]);
      expect(r.code).toBe(1);
    }
    // With a rate column instead of a VAT column: each row's VAT is taken out by its rate, in every reading block.
    const rated = writeText(at("kassa-tarief.csv"), "Datum;Totaal incl. btw;Tarief\n1-3-2025;12.100,00;21\n1-6-2025;10.900,00;9\n2-6-2025;500,00;export\n");
    for (const blockRows of [1, 1024]) {
      const r = await run([rated, "--amount-column", "Totaal incl. btw", "--format", "json", "--lang", "en"], { blockRows });
      expect((JSON.parse(r.stdout) as Json[])[0]).toMatchObject({ error: null, countable: 20500, eligible: false });
    }
  });

  it("counts every invoice of a CRLF file in which one line ends in LF only", async () => {
    const file = writeText(at("mixed.csv"), "Datum;Bedrag;Omschrijving\r\n1-9-2025;100,00;a\r\n2-9-2025;200,00;b\n3-9-2025;400,00;c\r\n4-9-2025;800,00;d\r\n");
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 1500, rows: 4, problems: [] });
  });

  it("refuses, with its row and lines, a row whose quoted field is not closed properly, instead of merging invoices into it", async () => {
    const file = writeText(at("quote.csv"), 'Datum;Omschrijving;Bedrag\r\n1-9-2025;"Monitor 24"" scherm;100,00\r\n2-9-2025;b;200,00\r\n3-9-2025;"c";400,00\r\n4-9-2025;d;800,00\r\n');
    const { code, items } = await json([file]);
    expect(code).toBe(1);
    expect(items[0]).toMatchObject({ countable: 800, rows: 1 });
    expect(items[0].problems).toEqual([expect.objectContaining({ row: 2, severity: "error", code: "csv-malformed-quote" })]);
    expect(items[0].problems[0].message).toContain("Row 2: a field starts with a quotation mark (\") that is not closed properly, so lines 2 to 4 of the file were read as this one row.");
  });

  it("refuses a --codes file whose quoted field is not closed properly, instead of losing the codes after it (exit 2)", async () => {
    const invoices = writeText(at("facturen.csv"), "Datum;Bedrag;BTW-code\n1-9-2025;100,00;VV\n");
    const codes = writeText(at("codes.csv"), 'VV;21\nA1;"vrij"x\nB2;9\nC3;"0"\n');
    const r = await run([invoices, "--codes", codes, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('codes.csv: Row 2: a field starts with a quotation mark (") that is not closed properly, so lines 2 to 4 of the file were read as this one row.');
  });

  it("refuses a --codes file larger than a CSV may be, with its reason (exit 2), instead of ending in V8", async () => {
    const invoices = writeText(at("facturen.csv"), "Datum;Bedrag;BTW-code\n1-9-2025;100,00;VV\n");
    const codes = writeText(at("codes.csv"), "VV;21\n".repeat(100));
    // 600 bytes against a limit of 500 here; 660 MB against 500 MB ended the run with V8's fatal error before.
    const r = await run([invoices, "--codes", codes, "--lang", "en"], { limits: { csvBytes: 500 } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("codes.csv: too large for a list of VAT codes (larger than 500 bytes): is this the right file?");
  });

  it("refuses, with its row, a comma CSV row whose unquoted amount 1234,56 or 1,234.56 was split, instead of reading 1234 or 1", async () => {
    const nl = writeText(at("c3.csv"), "Datum,Bedrag\n1-9-2025,1234,56\n2-9-2025,100\n3-9-2025,200\n");
    const en = writeText(at("en.csv"), "Date,Amount,Description\n2025-09-01,1,234.56,Invoice 1\n2025-09-02,100.00,Invoice 2\n");
    const { code, items } = await json([nl, en]);
    expect(code).toBe(1);
    expect(items.map((i: Json) => [i.countable, i.rows])).toEqual([[300, 2], [100, 1]]);
    for (const i of items) {
      expect(i.problems).toEqual([expect.objectContaining({ row: 2, severity: "error", code: "csv-extra-fields" })]);
      expect(i.problems[0].message).toContain("Row 2: this row has ");
      expect(i.problems[0].message).toContain("save the file with ; as the separator");
    }
  });

  it("counts invoices to customers named Balance … or Saldo … (warning about those that start like a total), and skips only the bare Totaal line", async () => {
    const file = writeText(at("balance.csv"), "Datum;Klant;Bedrag\n1-9-2025;Balance Yoga Studio;1.000,00\n2-9-2025;Saldo B.V.;500,00\n3-9-2025;Total Energies;300,00\n4-9-2025;Totaal;50,00\n");
    const { code, items } = await json([file]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 1800, rows: 3 });
    expect(items[0].problems.map((p: Json) => [p.code, p.rows])).toEqual([["totals-rows-skipped", [5]], ["total-label-counted", [3, 4]]]);
  });

  it("skips a dated subtotal line (Totaal september, TOTAAL Q3, Total:) once, with a warning naming its row, and warns about a dated Totaal… name it counts", async () => {
    const invoices = "Datum;Omschrijving;Bedrag\n1-9-2025;a;1.000,00\n2-9-2025;b;500,00\n";
    for (const label of ["Totaal september", "TOTAAL Q3", "Total:"]) {
      const file = writeText(at("sub.csv"), `${invoices}30-9-2025;${label};1.500,00\n`);
      const { code, items } = await json([file]);
      expect(code).toBe(0);
      expect(items[0]).toMatchObject({ countable: 1500, rows: 2 });
      expect(items[0].problems).toEqual([
        expect.objectContaining({ severity: "warning", code: "totals-rows-skipped", message: "Row 4 is a total or balance line and was skipped; it does not count as turnover." }),
      ]);
    }
    const named = writeText(at("named.csv"), `${invoices}30-9-2025;Totaalbouw B.V.;1.500,00\n`);
    const { code, items } = await json([named]);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ countable: 3000, rows: 3 });
    expect(items[0].problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "total-label-counted",
        message: 'Row 4: "Totaalbouw B.V." starts like a total line, but the row has a date and was counted as an invoice. If it is a subtotal line, remove it.',
      }),
    ]);
  });

  it("reads a quoted field with a line break and counts records as rows", async () => {
    const file = writeText(at("lines.csv"), 'Datum;Omschrijving;Bedrag\n1-3-2025;"twee\nregels";100\n2-3-2025;x;kapot\n');
    const { code, items } = await json([file]);
    expect(code).toBe(1);
    expect(items[0].countable).toBe(100);
    expect(items[0].problems.map((p: Json) => p.row)).toEqual([3]);
  });
});

describe("kor-check usage and output", () => {
  it.each([
    [["--year", "twenty"], /not a year/],
    [["--period", "week"], /not a filing period/],
    [["--format", "xml"], /not an output format/],
    [["--frobnicate"], /Unknown option --frobnicate/],
    [["--year"], /needs a value/],
    [[], /at least one file/],
    [["--previous-year-turnover", "-5", "a.xlsx"], /--previous-year-turnover "-5": last year's turnover cannot be negative/],
    [["--previous-year-turnover=-5", "a.xlsx"], /cannot be negative/],
    [["--previous-year-turnover", "-1.000,00", "a.xlsx"], /cannot be negative/],
    [["--previous-year-union-turnover", "-5", "a.xlsx"], /--previous-year-union-turnover "-5": last year's Union turnover cannot be negative/],
    [["--previous-year-union-turnover", "veel", "a.xlsx"], /"veel" is not an amount/],
  ])("exits 2 for %j", async (args, message) => {
    const r = await run([...args, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("kor-check --help");
    expect(r.stdout).toBe("");
  });

  it("exits 2 for --previous-year-turnover with several files", async () => {
    const a = await writeXlsx(at("a.xlsx"), { A: WITHIN_2025 });
    const b = await writeXlsx(at("b.xlsx"), { B: WITHIN_2025 });
    const r = await run([a, b, "--previous-year-turnover", "1000", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exactly one file/);
  });

  it("prints help in Dutch by default and in English with --lang en", async () => {
    expect((await run(["--help"])).stdout).toMatch(/^kor-check: controleer facturenlijsten/);
    const en = await run(["--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/--previous-year-turnover/);
  });

  it("prints an aligned table in Dutch that fits 80 columns, with each sheet's finding, action and date below it", async () => {
    const a = await writeXlsx(at("a.xlsx"), { "Klant A": CROSSING_2025 });
    const b = await writeXlsx(at("b.xlsx"), { "Klant B": WITHIN_2025 });
    const r = await run([a, b, "--lang", "nl"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Bestand +Blad +Jaar +Omzet die meetelt +(% van grens +)?Oordeel +Uiterlijk$/);
    expect(lines[1]).toMatch(/^-+ +-+/);
    expect(lines[2]).toContain("€ 20.250,00");
    expect(lines[2]).toContain("niet binnen de KOR");
    expect(lines[2]).toMatch(/direct$/);
    expect(lines[3]).toContain("€ 19.500,00");
    // Aligned: every column starts at the same place on every line.
    const start = (line: string): number => line.indexOf("2025");
    expect(start(lines[2])).toBe(start(lines[3]));
    expect(lines[0].indexOf("Jaar")).toBe(start(lines[2]));
    // The details below name the crossing, the action and its date.
    expect(r.stdout).toContain("Omzetgrens overschreden op 16 september 2025, rij 4");
    expect(r.stdout.replace(/\n +/g, " ")).toContain("Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 16 september 2025.");
    expect(r.stdout).toContain("Uiterlijk vandaag (overschreden");
    expect(r.stdout).toContain("(aangenomen)");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("shows a single sheet as a vertical block (Oordeel, Actie, Uiterlijk, Omzet die meetelt, …) at COLUMNS=80", async () => {
    const a = await writeXlsx(at("a.xlsx"), { "Klant A": CROSSING_2025 });
    const r = await run([a, "--lang", "nl"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const field = (label: string): string => {
      const i = lines.findIndex((l) => l.startsWith(`${label} `));
      expect(i).toBeGreaterThanOrEqual(0);
      const out = [lines[i].slice(label.length).trim()];
      for (let j = i + 1; j < lines.length && /^ {3,}\S/.test(lines[j]); j++) out.push(lines[j].trim());
      return out.join(" ");
    };
    expect(field("Oordeel")).toBe("niet binnen de KOR — Omzetgrens overschreden op 16 september 2025, rij 4");
    expect(field("Actie")).toBe("Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 16 september 2025. De KOR eindigt dan op die dag: vanaf de factuur van 16 september 2025 (rij 4, € 500,00; btw € 105,00) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf 1 januari 2027 (na een uittreding bent u uitgesloten tot en met 31 december 2026); aanmelden uiterlijk 3 december 2026. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf 1 januari 2027 (2026 valt af: vanaf 2025 moet ook de omzet van het vorige jaar binnen de omzetgrens blijven); aanmelden uiterlijk 3 december 2026.");
    expect(field("Uiterlijk")).toMatch(/^vandaag \(overschreden \d+ dagen geleden\)$/);
    expect(field("Omzet die meetelt")).toBe("€ 20.250,00 (101,3% van € 20.000,00)");
    expect(field("Hoe")).toContain("Mijn Belastingdienst Zakelijk");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    // Problem lines wrap with an indent at a narrow terminal.
    const narrow = await run([a, "--lang", "en"], { env: { COLUMNS: "50" } });
    for (const line of narrow.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(50);
  });

  it("writes CSV (Dutch: semicolons and decimal commas) to --out", async () => {
    const a = await writeXlsx(at("a.xlsx"), { "Klant A": CROSSING_2025 });
    const outFile = at("overzicht.csv");
    const r = await run([a, "--format", "csv", "--out", outFile, "--lang", "nl"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const text = readFileSync(outFile, "utf8");
    const [header, line] = parseCsv(text, ";");
    expect(header[0]).toBe("bestand");
    expect(header.slice(-14)).toEqual(["fout", "actie", "let_op", "eu_omzet", "eu_vorig_jaar", "eu_binnen_grens", "eu_lidstaten_erboven", "eu_lidstaten_onbekend", "volgende_start_als_in_kor", "aanmelden_uiterlijk_als_in_kor", "eu_grens_overschreden_op", "eu_grens_rij", "eu_melden_uiterlijk", "vorig_jaar_onvolledig"]);
    expect(line).toEqual([
      a, "Klant A", "2025", "20250,00", "101,3", "niet binnen de KOR", "nee", "2025-09-16", "4", "500,00", "0,00", "ja", "2027-01-01", "2026-12-03", "0", "",
      // What the table says under the verdict (the business may be in the KOR: status unknown), and no caveat.
      "Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum 16 september 2025. De KOR eindigt dan op die dag: vanaf de factuur van 16 september 2025 (rij 4, € 500,00; btw € 105,00) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf 1 januari 2027 (na een uittreding bent u uitgesloten tot en met 31 december 2026); aanmelden uiterlijk 3 december 2026. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf 1 januari 2027 (2026 valt af: vanaf 2025 moet ook de omzet van het vorige jaar binnen de omzetgrens blijven); aanmelden uiterlijk 3 december 2026.", "",
      // No country: no EU-KOR view.
      "", "", "", "", "",
      // Crossed in 2025: in the KOR or not, the next start is 1 January 2027 (no second outcome).
      "", "",
      // No EU view: no Union crossing.
      "", "", "",
      // Not an auditfile: the previous year is not incomplete.
      "",
    ]);
  });

  it("gives the credit-note caveat and the action in the CSV too, not only in the table and JSON (kor-rules.md section 5)", async () => {
    const file = await writeXlsx(at("creditnota.xlsx"), {
      Blad1: [HEADER, [d("2025-02-01"), "A", 19000, ""], [d("2025-05-10"), "B", 1500, ""], [d("2025-05-20"), "B", -1500, ""]],
    });
    const r = await run([file, "--year", "2025", "--previous-year-turnover", "0", "--in-kor-since", "2025-01-01", "--format", "csv", "--lang", "en"]);
    const [header, line] = parseCsv(r.stdout, ",");
    const field = (name: string): string => line[header.indexOf(name)];
    expect(field("crossing_date")).toBe("2025-05-10");
    expect(field("note")).toBe("Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.");
    expect(field("action")).toMatch(/^Deregister/);
    expect(field("action")).toContain("10 May 2025");
  });

  it("calls a verdict with rows in error 'voorlopig' in the CSV, as the table's '*' does", async () => {
    const a = await writeXlsx(at("a.xlsx"), { "Klant A": [...WITHIN_2025, [d("2025-06-01"), "F", "twaalf", "21"]] });
    const outFile = at("overzicht.csv");
    await run([a, "--format", "csv", "--out", outFile, "--lang", "nl"]);
    expect(readFileSync(outFile, "utf8").split("\r\n")[1].split(";")[5]).toBe("binnen de KOR (voorlopig: rijen met fouten niet meegeteld)");
    // Two sheets: the table, whose verdict column marks it with "*" and explains it below.
    const b = await writeXlsx(at("b.xlsx"), { "Klant B": WITHIN_2025 });
    const table = await run([a, b, "--lang", "nl"]);
    expect(table.stdout).toContain("* voorlopig: er zijn rijen met fouten die niet zijn meegeteld");
  });

  it("searches folders recursively and ignores Excel's lock files", async () => {
    mkdirSync(at("sub/deeper"), { recursive: true });
    await writeXlsx(at("sub/deeper/x.xlsx"), { X: WITHIN_2025 });
    writeText(at("sub/~$x.xlsx"), "lock");
    writeText(at("sub/readme.txt"), "not an invoice file");
    const { code, items } = await json([tmp.dir]);
    expect(code).toBe(0);
    expect(items.map((i: Json) => path.relative(tmp.dir, i.file))).toEqual([path.join("sub", "deeper", "x.xlsx")]);
  });

  it("lists an .xls file in a folder as not read (save as .xlsx) and exits 1, as when it is named", async () => {
    await writeXlsx(at("a.xlsx"), { A: WITHIN_2025 });
    const old = writeText(at("oud.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const folder = await json([tmp.dir]);
    expect(folder.code).toBe(1);
    expect(folder.items.map((i: Json) => [path.basename(i.file), i.error])).toEqual([
      ["a.xlsx", null],
      ["oud.xls", "Excel 97–2003 (.xls): save as .xlsx"],
    ]);
    expect(folder.stderr).toContain("oud.xls: Excel 97–2003 (.xls): save as .xlsx");
    const named = await json([old]);
    expect(named.code).toBe(1);
    expect(named.items[0].error).toBe("Excel 97–2003 (.xls): save as .xlsx");
    const table = await run([tmp.dir, "--lang", "en"]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/Not read:\n {2}.*oud\.xls: Excel 97–2003 \(\.xls\): save as \.xlsx/);
  });

  it("shows a progress bar on a terminal for several files, and none otherwise", async () => {
    const a = await writeXlsx(at("a.xlsx"), { A: WITHIN_2025 });
    const b = await writeXlsx(at("b.xlsx"), { B: WITHIN_2025 });
    let tty = "";
    await main([a, b, "--lang", "en"], { stdout: { write: () => true }, stderr: { write: (t: string) => (tty += t), isTTY: true }, env: {}, today: TODAY });
    expect(tty).toContain("2/2 files");
    const pipe = await run([a, b]);
    expect(pipe.stderr).toBe("");
    let single = "";
    await main([a], { stdout: { write: () => true }, stderr: { write: (t: string) => (single += t), isTTY: true }, env: {}, today: TODAY });
    expect(single).toBe("");
  });

  it("names a file that could not be read on a line of its own, not glued to the progress bar", async () => {
    const a = await writeXlsx(at("a.xlsx"), { A: WITHIN_2025 });
    const b = writeText(at("b.xlsx"), "PK\u0003\u0004 no zip");
    let tty = "";
    const code = await main([a, b, "--format", "csv", "--jobs", "1", "--lang", "en"], { stdout: { write: () => true }, stderr: { write: (t: string) => (tty += t), isTTY: true }, env: {}, today: TODAY });
    expect(code).toBe(1);
    // The screen as a terminal shows it: a carriage return goes back to the start of the line and overwrites.
    const screen = tty.split("\n").map((line) => {
      const cells: string[] = [];
      let col = 0;
      for (const ch of line) {
        if (ch === "\r") col = 0;
        else cells[col++] = ch;
      }
      return cells.join("").trimEnd();
    });
    const said = screen.filter((l) => l.includes("b.xlsx"));
    expect(said).toEqual([expect.stringMatching(/^kor-check: .*b\.xlsx: not a valid \.xlsx file/)]);
    expect(screen[screen.length - 1]).toBe("");
  });
});

describe("kor-check: a reading problem belongs to its row's year", () => {
  const rows = [HEADER, [d("2025-03-01"), "A", 1000, "21%"], [d("2026-02-01"), "B", 500, "onzin"]];
  it("--year 2025: eligible, nothing listed, exit 0; --year 2026: the 2026 row's problem, undecided", async () => {
    const file = await writeXlsx(at("jaren.xlsx"), { Facturen: rows });
    const y2025 = await json([file, "--year", "2025"]);
    expect(y2025.items[0]).toMatchObject({ year: 2025, verdict: "eligible", eligible: true, problems: [] });
    expect(y2025.code).toBe(0);
    const y2026 = await json([file, "--year", "2026"]);
    expect(y2026.items[0]).toMatchObject({ year: 2026, eligible: null });
    expect(y2026.items[0].problems).toEqual([expect.objectContaining({ row: 3, severity: "error" })]);
    expect(y2026.code).toBe(1);
    // Without --year the latest year is 2026: its only invoice is in error, and it is not lost.
    const latest = await json([file]);
    expect(latest.items[0]).toMatchObject({ year: 2026, eligible: null });
    const table = await run([file, "--year", "2025", "--lang", "en"]);
    expect(table.stdout).not.toContain("Row 3");
  });
});

describe("kor-check: the next start sees the recent years, not only the checked year and the one before", () => {
  const allRowsChance = (text: string, year: number | null): { start: string; deadline: string } => {
    const table = readTable(parseCsv(text));
    const sum = summarizeYear(table.rows, { today: TODAY, year, period: "quarter", previousYearCents: null, problems: table.problems });
    const c = nextChance(sum);
    return { start: isoFromDay(c.start), deadline: isoFromDay(c.deadline) };
  };

  it("--year 2025 with a crossing in 2026: next start 2028-01-01, deadline 2027-12-03 (as the pane says)", async () => {
    const text = "Datum;Bedrag\n1-3-2025;15000\n1-3-2026;19000\n16-9-2026;1500\n";
    const file = writeText(at("a.csv"), text);
    const { code, items } = await json(["--year", "2025", file]);
    expect(code).toBe(0);
    expect(items[0].year).toBe(2025);
    expect(items[0].nextStart).toBe("2028-01-01");
    expect(items[0].deadline).toBe("2027-12-03");
    expect({ start: items[0].nextStart, deadline: items[0].deadline }).toEqual(allRowsChance(text, 2025));
  });

  it("--in-kor-since: a crossing older than today − 3 years still ended participation (as the pane, which reads every row, says)", async () => {
    // In the KOR since 2021; the crossing on 16 September 2021 ended it. kor-check kept only 2023 on (today −
    // 3) besides the checked year and the one before, missed that crossing and reported the business still in
    // the KOR (nextStart null): nothing to register, against the data.
    const text = "Datum;Bedrag\n1-3-2021;19000\n16-9-2021;1500\n1-3-2025;1000\n1-3-2026;1000\n";
    const file = writeText(at("oud.csv"), text);
    const table = readTable(parseCsv(text));
    const pane = summarizeYear(table.rows, { today: TODAY, year: null, participation: { status: "in", since: dayFromIso("2021-01-01") } });
    expect(isoFromDay(pane.deadlines.participationEnded!)).toBe("2021-09-16");
    const { items } = await json([file, "--in-kor-since", "2021-01-01"]);
    expect(items[0]).toMatchObject({
      year: 2026, participation: "in", participationEnded: "2021-09-16",
      nextStart: isoFromDay(pane.deadlines.nextStart), deadline: isoFromDay(pane.deadlines.registrationDeadline),
    });
    expect(items[0].nextStart).toBe("2027-01-01");
    // The same with --year 2025 and in a workbook (exceljs' reader, the same window).
    const xlsx = await writeXlsx(at("oud.xlsx"), { Facturen: [["Datum", "Bedrag"], [d("2021-03-01"), 19000], [d("2021-09-16"), 1500], [d("2025-03-01"), 1000], [d("2026-03-01"), 1000]] });
    const y2025 = await json([xlsx, "--year", "2025", "--in-kor-since", "2021-01-01"]);
    expect(y2025.items[0]).toMatchObject({ year: 2025, participationEnded: "2021-09-16", nextStart: "2027-01-01" });
  });

  it("without --year, a 2024 crossing excludes a participant for three years; the status decides (kor-rules.md section 5)", async () => {
    const text = "Datum;Bedrag\n1-3-2024;19000\n16-9-2024;1500\n1-3-2025;1000\n1-3-2026;1000\n";
    const file = writeText(at("b.csv"), text);
    // Unknown (default): the dates for a business not in the KOR, and the participant's beside them.
    const unknown = await json([file]);
    expect(unknown.code).toBe(0);
    expect(unknown.items[0]).toMatchObject({
      year: 2026, participation: "unknown", participationEnded: null, nextStart: "2027-01-01", deadline: "2026-12-03",
      ifInKor: { nextStart: "2027-10-01", deadline: "2027-09-02" },
    });
    expect({ start: unknown.items[0].nextStart, deadline: unknown.items[0].deadline }).toEqual(allRowsChance(text, null));
    // In the KOR since 2023: the crossing on 16 September 2024 ended participation; three years' exclusion.
    const inKor = await json([file, "--in-kor-since", "1-1-2023"]);
    expect(inKor.items[0]).toMatchObject({ participation: "in", participationEnded: "2024-09-16", nextStart: "2027-10-01", deadline: "2027-09-02", ifInKor: null });
    // Not in the KOR: the crossing excludes nothing by itself.
    const out = await json([file, "--not-in-kor"]);
    expect(out.items[0]).toMatchObject({ participation: "out", nextStart: "2027-01-01", deadline: "2026-12-03", ifInKor: null });
    // In the KOR since 2026, no crossing since: nothing to register, and no next start in the table either.
    const still = await json([file, "--in-kor-since=2026-01-01"]);
    expect(still.items[0]).toMatchObject({ participation: "in", participationEnded: null, nextStart: null, deadline: null });
    const table = await run([file, "--in-kor-since=2026-01-01", "--lang", "en"]);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("You are in the KOR (since 1 January 2026): there is nothing to register.");
    expect(table.stdout).not.toMatch(/Next start|Not registered yet/);
    // In the KOR "since 2025": after the 2024 crossing that start could not take effect (section 4: 2025 fails the
    // previous-year test), so the business is not in the KOR; a warning says so and the next start is given.
    const blocked = await json([file, "--in-kor-since=2025-01-01"]);
    expect(blocked.items[0]).toMatchObject({ participation: "in", participationEnded: null, nextStart: "2027-01-01", deadline: "2026-12-03" });
    expect(blocked.items[0].problems.map((p: { code: string }) => p.code)).toContain("participation-could-not-start");
    expect(blocked.items[0].participationCouldNotStart).toBe(
      "turnover of 2024 went over the turnover limit on 16 September 2024 (from 2025 the previous year must be within the limit too)",
    );
    const blockedTable = await run([file, "--in-kor-since=2025-01-01", "--lang", "en"]);
    expect(blockedTable.stdout.replace(/\s+/g, " ")).toContain("You said the business has been in the KOR since 1 January 2025, but that participation could not start: turnover of 2024 went over the turnover limit on 16 September 2024");
  });

  it("a sheet per year, in the KOR 'since 2025' after a 2024 over the limit: every sheet says the start could not take effect, none 'nothing to register'", async () => {
    // Before: the 2026 sheet did not read sheet "2024" (other sheets' years were taken from the start's year) and said
    // "in the KOR, nothing to register", while the sheets 2024 and 2025 said the start never took effect.
    const file = await writeXlsx(at("per-jaar.xlsx"), {
      "2024": [["Datum", "Bedrag"], [d("2024-03-01"), 25000]],
      "2025": [["Datum", "Bedrag"], [d("2025-03-01"), 5000]],
      "2026": [["Datum", "Bedrag"], [d("2026-03-01"), 5000]],
    });
    const { items } = await json([file, "--in-kor-since", "2025-01-01"]);
    expect(items.map((i) => [i.sheet, i.participation, i.nextStart !== null, i.problems.some((p: { code: string }) => p.code === "participation-could-not-start")])).toEqual([
      ["2024", "in", true, true],
      ["2025", "in", true, true],
      ["2026", "in", true, true],
    ]);
    // 2024 within the limit: in the KOR on every sheet; the 2026 sheet's note says why it reads 2024, a year before
    // the start (not "the first crossing since that day ended participation" alone).
    const ok = await writeXlsx(at("per-jaar-ok.xlsx"), {
      "2024": [["Datum", "Bedrag"], [d("2024-03-01"), 15000]],
      "2025": [["Datum", "Bedrag"], [d("2025-03-01"), 5000]],
      "2026": [["Datum", "Bedrag"], [d("2026-03-01"), 5000]],
    });
    const within = await json([ok, "--in-kor-since", "2025-01-01", "--lang", "en"]);
    expect(within.items.map((i) => [i.sheet, i.nextStart])).toEqual([["2024", null], ["2025", null], ["2026", null]]);
    const note = within.items[2].problems.find((p: { code: string }) => p.code === "participation-years-from-sheets");
    expect(note?.message).toContain("2024 decides whether participation could start");
  });

  it("refuses --in-kor-since with a bad date, and with --not-in-kor (exit 2)", async () => {
    const file = writeText(at("c.csv"), "Datum;Bedrag\n1-3-2026;1000\n");
    const bad = await run([file, "--in-kor-since", "gisteren", "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--in-kor-since "gisteren" is not a date.');
    const both = await run([file, "--in-kor-since", "2025-01-01", "--not-in-kor", "--lang", "en"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Give --in-kor-since or --not-in-kor, not both.");
  });

  it("refuses --in-kor-since after today or before 2020 (exit 2), and notes a date that is not a 1st of a month (used as given)", async () => {
    const file = writeText(at("d.csv"), "Datum;Bedrag\n1-3-2026;1000\n");
    // Today is 27 November 2026.
    const future = await run([file, "--in-kor-since", "2027-01-01", "--lang", "en"]);
    expect(future.code).toBe(2);
    expect(future.stdout).toBe("");
    expect(future.stderr).toContain(
      "kor-check: --in-kor-since: 1 January 2027 is after today (27 November 2026): KOR participation cannot have started in the future. Enter the date participation started, or leave the status unknown.",
    );
    const nl = await run([file, "--in-kor-since", "28-11-2026", "--lang", "nl"]);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain("28 november 2026 ligt na vandaag (27 november 2026)");
    expect((await run([file, "--in-kor-since", "27-11-2026", "--lang", "en"])).code).toBe(0);

    const letter = await json([file, "--in-kor-since", "2025-12-03", "--lang", "en"]);
    expect(letter.code).toBe(0);
    expect(letter.items[0]).toMatchObject({ participation: "in" });
    expect(letter.items[0].problems).toContainEqual(expect.objectContaining({
      row: null, severity: "warning", code: "in-kor-since-date",
      message: "In the KOR since 3 December 2025: that is not the first day of a month. Participation always starts on the first day of a filing period (1 January, 1 April, 1 July or 1 October; for monthly filers the 1st of a month). Is this the date of the confirmation letter? Then enter the start date given in that letter. The date was used as given.",
    }));
    // Before 2020 (the KOR exemption began on 1 January 2020): refused, nothing checked (was: used as given, with a note).
    const old = await run([file, "--in-kor-since", "2019-01-01", "--format", "json", "--lang", "en"]);
    expect(old.code).toBe(2);
    expect(old.stdout).toBe("");
    expect(old.stderr).toBe(
      'kor-check: --in-kor-since "2019-01-01": that is before 1 January 2020, when the KOR exemption began (before that the KOR was a VAT reduction). Give the date participation in the exemption began, 1 January 2020 at the earliest, or leave out --in-kor-since.\nType kor-check --help for help.\n',
    );
    const lastDay = await run([file, "--lang", "nl", "--in-kor-since", "31-12-2019"]);
    expect(lastDay.code).toBe(2);
    expect(lastDay.stderr).toContain('kor-check: --in-kor-since "31-12-2019": dat is vóór 1 januari 2020, toen de KOR-vrijstelling begon');
    expect((await run([file, "--in-kor-since", "1-1-2020", "--lang", "en"])).code).toBe(0);
    const table = await run([file, "--in-kor-since", "15-1-2026", "--lang", "nl"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("In de KOR sinds 15 januari 2026: dat is niet de eerste dag van een maand.");
    // A 1st of a month from 2020 on: no note.
    expect((await json([file, "--in-kor-since", "2025-01-01"])).items[0].problems.map((p: { code: string }) => p.code)).not.toContain("in-kor-since-date");
  });
});

describe("kor-check: the same file given twice", () => {
  it("reads it once, with one line on standard error; ./a.csv and a.csv, and a file in a folder also given, are the same file", async () => {
    const file = writeText(at("a.csv"), "Datum;Bedrag\n1-3-2026;1000\n");
    const twice = await json([file, file]);
    expect(twice.code).toBe(0);
    expect(twice.items).toHaveLength(1);
    expect(twice.stderr).toBe(`kor-check: ${file} was given twice; the file is read once.\n`);

    const relative = path.relative(process.cwd(), file);
    const dotted = `.${path.sep}${relative}`;
    const both = await run([dotted, relative, "--lang", "nl"]);
    expect(both.code).toBe(0);
    expect(both.stdout.match(/^Bestand /gm)).toHaveLength(1);
    expect(both.stderr).toBe(`kor-check: ${relative} overgeslagen: dat is hetzelfde bestand als ${dotted}, dat al gelezen wordt.\n`);

    const other = writeText(at("b.csv"), "Datum;Bedrag\n1-3-2026;2000\n");
    const folder = await json([relative, tmp.dir]);
    expect(folder.items.map((i: Json) => i.file)).toEqual([relative, other]);
    expect(folder.stderr).toBe(`kor-check: ${file} skipped: it is the same file as ${relative}, which is read already.\n`);
  });
});

describe("kor-check: a missing file given twice", () => {
  it("is one line under 'Not read' and one JSON item, not two", async () => {
    const missing = at("nope.csv");
    const dotted = `${tmp.dir}${path.sep}.${path.sep}nope.csv`;
    const r = await json([missing, dotted]);
    expect(r.items.map((i: Json) => i.file)).toEqual([missing]);
    const table = await run([missing, missing, "--lang", "en"]);
    expect(table.stdout.match(/file or folder not found/g)).toHaveLength(1);
  });
});

describe("kor-check: places in another state's VAT territory (VAT Directive art. 7)", () => {
  it("reads Monaco as France and Akrotiri as Cyprus for the EU-KOR, and says so with a warning naming the rows", async () => {
    const text = "Datum;Bedrag;Categorie;Land\n1-2-2026;1000;21;NL\n1-3-2026;2000;buitenland;Monaco\n1-4-2026;3000;buitenland;MC\n1-5-2026;500;buitenland;Akrotiri\n";
    const file = writeText(at("mc.csv"), text);
    const r = await json([file]);
    expect(r.code).toBe(0);
    expect(r.items[0].eu.states).toEqual(expect.arrayContaining([
      expect.objectContaining({ country: "FR", turnover: 5000 }),
      expect.objectContaining({ country: "CY", turnover: 500 }),
    ]));
    const treated = r.items[0].problems.filter((p: Json) => p.code === "country-treated-as");
    expect(treated.map((p: Json) => p.message)).toEqual([
      "Rows 3 and 4: Monaco is treated as France (FR) for VAT: it is part of the VAT territory of France (VAT Directive, art. 7).",
      "Row 5: Akrotiri and Dhekelia (the UK Sovereign Base Areas on Cyprus) is treated as Cyprus (CY) for VAT: it is part of the VAT territory of Cyprus (VAT Directive, art. 7).",
    ]);
    expect(treated[0]).toMatchObject({ severity: "warning", rows: [3, 4] });
    const nl = await run([file, "--lang", "nl"]);
    expect(nl.stdout.replace(/\s+/g, " ")).toContain("Rijen 3 en 4: Monaco wordt voor de btw behandeld als Frankrijk (FR): het hoort bij het btw-gebied van Frankrijk (btw-richtlijn, art. 7).");
  });

  it("reads the Isle of Man as the United Kingdom (outside the EU from 2021), with the same warning", async () => {
    const file = writeText(at("im.csv"), "Datum;Bedrag;Categorie;Land\n1-3-2026;2000;buitenland;Isle of Man\n");
    const r = await json([file]);
    expect(r.items[0].problems.map((p: Json) => p.message)).toContain(
      "Row 2: the Isle of Man is treated as the United Kingdom (GB) for VAT: it is part of the VAT territory of the United Kingdom (VAT Directive, art. 7).",
    );
    expect(r.items[0].eu?.states ?? []).not.toContainEqual(expect.objectContaining({ country: "GB" }));
  });
});

describe("kor-check: the EU-KOR's previous year without data", () => {
  it("labels last year's Union turnover as assumed (no rows of that year, none given), as the national previous year", async () => {
    const file = writeText(at("eu-2026.csv"), "Datum;Bedrag;Categorie;Land\n1-2-2026;1000;21;NL\n1-3-2026;4000;buitenland;BE\n");
    const r = await json([file]);
    expect(r.items[0]).toMatchObject({ previousYear: 0, previousYearAssumed: true });
    // Before: previousUnionBasis null, and nothing said the Union test took last year as €0.
    expect(r.items[0].eu).toMatchObject({ union: 5000, previousUnion: null, previousUnionBasis: "assumed-zero", previousUnionPartial: null, withinUnion: true });
    const en = (await run([file, "--lang", "en"])).stdout.replace(/\s+/g, " ");
    expect(en).toContain("EU-KOR Union turnover: €5,000.00 (threshold €100,000.00) · Within the Union threshold · Previous year: €0.00 assumed (no data)");
    const nl = (await run([file, "--lang", "nl"])).stdout.replace(/\s+/g, " ");
    expect(nl).toContain("· Vorig jaar: € 0,00 aangenomen (geen gegevens)");

    // Given, or from the rows: as before.
    const given = await json([file, "--previous-year-union-turnover", "30000"]);
    expect(given.items[0].eu).toMatchObject({ previousUnion: 30000, previousUnionBasis: "given" });
    const withRows = writeText(at("eu-2025-2026.csv"), "Datum;Bedrag;Categorie;Land\n1-6-2025;2000;buitenland;DE\n1-2-2026;1000;21;NL\n");
    const data = await json([withRows]);
    expect(data.items[0].eu).toMatchObject({ previousUnion: 2000, previousUnionBasis: "data" });
    expect((await run([withRows, "--lang", "en"])).stdout.replace(/\s+/g, " ")).toContain("· Previous year: €2,000.00");
  });
});
