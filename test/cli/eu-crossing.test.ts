/**
 * The EU-KOR Union crossing (kor-rules.md section 7; worked example 19) in every kor-check output: the JSON and
 * JSONL `eu.crossing`, the CSV's columns at the end, and the table's date line, so that a firm reading any of
 * them sees the day to inform the Belastingdienst by (15 working days after the crossing).
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { parseCsv } from "../../src/reading/csv";
import { csvColumns, csvColumnsBeforeEuCrossing, csvHeader } from "../../src/cli/output";
import { isOwnOutput } from "../../src/cli/ownOutput";
import { tempDir, writeText, runCli, type CliRun } from "./fixtures";

jest.setTimeout(30_000);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

/**
 * Worked example 19: 2025 Union €60,000 (given); 2026 NL €18,000, BE €24,000, AT €40,000, then an AT sale on
 * 10 Nov 2026 (row 6) brings Union turnover to €100,500. 15 working days (Mon–Fri) after Tue 10 Nov: Tue 1 Dec.
 */
const EXAMPLE_19 =
  "Datum;Omschrijving;Bedrag;BTW;Land\r\n15-01-2026;a;18000,00;;NL\r\n15-02-2026;b;24000,00;buitenland;BE\r\n15-03-2026;c;40000,00;buitenland;AT\r\n10-11-2026;d;18500,00;buitenland;AT\r\n";
/** Example 18: the same without the November sale: Union €82,000, no crossing. */
const EXAMPLE_18 = "Datum;Omschrijving;Bedrag;BTW;Land\r\n15-01-2026;a;18000,00;;NL\r\n15-02-2026;b;24000,00;buitenland;BE\r\n15-03-2026;c;40000,00;buitenland;AT\r\n";
const UNION_2025 = ["--year", "2026", "--previous-year-union-turnover", "60000"];

const run = (args: string[], today = "2026-12-01"): Promise<CliRun> => runCli(args, dayFromIso(today));
const flat = (text: string): string => text.replace(/\s+/g, " ");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

describe("kor-check JSON and JSONL: eu.crossing", () => {
  it("gives the Union crossing's day, row, running total and the day to notify by (worked example 19)", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_19);
    const items = JSON.parse((await run([file, ...UNION_2025, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items[0].eu.withinUnion).toBe(false);
    expect(items[0].eu.crossing).toEqual({ date: "2026-11-10", row: 5, reference: null, union: 100500, notifyBy: "2026-12-01", notifyWorkingDays: 15 });
    const lines = (await run([file, ...UNION_2025, "--format", "jsonl", "--lang", "nl"])).stdout.trim().split("\n");
    expect((JSON.parse(lines[0]) as Json).eu.crossing).toEqual(items[0].eu.crossing);
  });

  it("is null without a crossing (worked example 18)", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_18);
    const items = JSON.parse((await run([file, ...UNION_2025, "--format", "json", "--lang", "en"])).stdout) as Json[];
    expect(items[0].eu.union).toBe(82000);
    expect(items[0].eu.crossing).toBeNull();
  });
});

describe("kor-check CSV: the Union crossing in three columns at the end", () => {
  it("gives the crossing day, its row and the notify-by day; empty without a crossing or an EU view", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_19);
    const [header, line] = parseCsv((await run([file, ...UNION_2025, "--format", "csv", "--lang", "nl"])).stdout, ";");
    expect(header.slice(0, -4)).toEqual(csvColumnsBeforeEuCrossing("nl"));
    expect(header.slice(-4, -1)).toEqual(["eu_grens_overschreden_op", "eu_grens_rij", "eu_melden_uiterlijk"]);
    expect(line).toHaveLength(header.length);
    expect(line.slice(-4, -1)).toEqual(["2026-11-10", "5", "2026-12-01"]);
    const en = parseCsv((await run([file, ...UNION_2025, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(en[0].slice(-4, -1)).toEqual(["union_crossing_date", "union_crossing_row", "union_notify_by"]);
    expect(en[1].slice(-4, -1)).toEqual(["2026-11-10", "5", "2026-12-01"]);
    const within = writeText(at("y.csv"), EXAMPLE_18);
    const none = parseCsv((await run([within, ...UNION_2025, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(none[1].slice(-4, -1)).toEqual(["", "", ""]);
  });

  it("a file that could not be read has as many cells as the header", async () => {
    const broken = writeText(at("kapot.xlsx"), "not a zip");
    const [header, line] = parseCsv((await run([broken, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(header).toEqual(csvColumns("en"));
    expect(line).toHaveLength(header.length);
  });

  it("a CSV kor-check wrote before these columns is still recognised as its own output", () => {
    for (const lang of ["nl", "en"] as const) {
      const sep = lang === "nl" ? ";" : ",";
      expect(isOwnOutput(`${csvHeader(lang)}\r\n`)).toBe(true);
      expect(isOwnOutput(`${csvColumnsBeforeEuCrossing(lang).join(sep)}\r\nclient.xlsx${sep}Facturen${sep}2025\r\n`)).toBe(true);
    }
  });
});

describe("kor-check table: the day to report the Union crossing by", () => {
  it("one sheet: on the date line, first when it comes before the registration deadline (today, 1 Dec 2026)", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_19);
    const r = await run([file, ...UNION_2025, "--lang", "en"]);
    expect(flat(r.stdout)).toContain("By EU-KOR: report the Union crossing to the Belastingdienst by 1 December 2026 (today) KOR: 3 December 2026 (2 days left) Turnover that counts");
    const nl = flat((await run([file, ...UNION_2025, "--lang", "nl"])).stdout);
    expect(nl).toContain("Uiterlijk EU-KOR: meld de overschrijding van de EU-grens uiterlijk 1 december 2026 bij de Belastingdienst (vandaag) KOR: 3 december 2026 (nog 2 dagen) Omzet die meetelt");
  });

  it("one sheet: after the registration deadline when that comes first; once the day has passed, first as overdue", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_19);
    // Today 11 Nov: the registration deadline (3 Dec) is after the notify-by (1 Dec): EU first still.
    const early = flat((await run([file, ...UNION_2025, "--lang", "en"], "2026-11-11")).stdout);
    expect(early).toContain("By EU-KOR: report the Union crossing to the Belastingdienst by 1 December 2026 (20 days left) KOR: 3 December 2026 (22 days left)");
    // Today 2 Dec: the day has passed; the date line says so first (it said only "By 3 December 2026" while the
    // EU-KOR lines below said "report it at once").
    const late = flat((await run([file, ...UNION_2025, "--lang", "en"], "2026-12-02")).stdout);
    expect(late).toContain("By EU-KOR: overdue — report the Union crossing at once KOR: 3 December 2026 (1 day left) Turnover that counts");
    const lateNl = flat((await run([file, ...UNION_2025, "--lang", "nl"], "2026-12-02")).stdout);
    expect(lateNl).toContain("Uiterlijk EU-KOR: te laat — meld de overschrijding direct KOR: 3 december 2026 (nog 1 dag) Omzet die meetelt");
    expect(late).toContain("Report this to the Belastingdienst by 1 December 2026");
  });

  it("several sheets: the date column shows the earlier EU-KOR day, and the sheet's lines say what it is", async () => {
    const file = writeText(at("x.csv"), EXAMPLE_19);
    const other = writeText(at("y.csv"), "Datum;Bedrag;BTW\r\n15-03-2026;1000,00;21\r\n");
    const r = await run([file, other, "--year", "2026", "--lang", "en"]);
    // Under the header and its rule, the first sheet's row (x.csv) ends with its date column.
    const lines = r.stdout.split("\n");
    expect(lines[2]).toMatch(/1 December 2026 \(EU-KOR\)$/);
    expect(lines[3]).toMatch(/3 December 2026$/);
    expect(flat(r.stdout)).toContain("EU-KOR: report the Union crossing to the Belastingdienst by 1 December 2026 (today)");
    expect(flat(r.stdout)).toContain("EU-KOR: report the Union crossing to the Belastingdienst by 1 December 2026 (today) KOR: by 3 December 2026 (2 days left)");
  });

  it("several sheets: an overdue report shows in the date column as 'at once (EU-KOR, overdue)' and first in the sheet's lines", async () => {
    // The crossing on 1 Oct 2026: report by 22 Oct, passed on 1 Dec.
    const file = writeText(at("x.csv"), EXAMPLE_19.replace("10-11-2026", "01-10-2026"));
    const other = writeText(at("y.csv"), "Datum;Bedrag;BTW\r\n15-03-2026;1000,00;21\r\n");
    const r = await run([file, other, "--year", "2026", "--lang", "en"]);
    expect(r.stdout.split("\n")[2]).toMatch(/at once \(EU-KOR, overdue\)$/);
    expect(flat(r.stdout)).toContain("EU-KOR: overdue — report the Union crossing at once KOR: by 3 December 2026 (2 days left)");
    const nl = await run([file, other, "--year", "2026", "--lang", "nl"]);
    expect(nl.stdout.split("\n")[2]).toMatch(/direct \(EU-KOR, te laat\)$/);
  });
});
