/**
 * Status unknown (no --in-kor-since / --not-in-kor): where the participant's next start differs from the one for a
 * business not in the KOR, the table and the CSV show both, as the JSON's `ifInKor` does (kor-rules.md section 5:
 * "show both outcomes where they differ"). A former participant must not register for a date it cannot use.
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { parseCsv } from "../../src/reading/csv";
import { csvColumns, csvColumnsBeforeIfInKor, csvHeader } from "../../src/cli/output";
import { tempDir, writeText, runCli, type CliRun } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
jest.setTimeout(30_000);

const run = (args: string[]): Promise<CliRun> => runCli(args, TODAY);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

/**
 * Crossed on 10 June 2024: not in the KOR, the next start is 1 January 2027 (register by 3 December 2026); in the
 * KOR, the crossing ended participation and 2020–2024 excludes three years: 1 July 2027 (register by 2 June 2027).
 */
const CROSSED_2024 = "Datum;Bedrag;BTW\r\n15-03-2024;19000,00;21\r\n10-06-2024;2000,00;21\r\n";
/** Within the limit, no crossing: both outcomes are the same (ifInKor null). */
const WITHIN_2026 = "Datum;Bedrag;BTW\r\n15-03-2026;1000,00;21\r\n";

/** The output with its wrapping undone (words joined by one space). */
const flat = (text: string): string => text.replace(/\s+/g, " ");

describe("kor-check table: both next starts when the status is unknown", () => {
  it("one sheet: the next start labelled 'if not in the KOR', and a second line with the date if in the KOR (nl)", async () => {
    const file = writeText(at("x.csv"), CROSSED_2024);
    const r = await run([file, "--lang", "nl"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const i = lines.findIndex((l) => l.startsWith("Volgende start"));
    // The participant's line follows under the same label, on a line of its own, indented as a continuation.
    const j = lines.findIndex((l) => /^ +als in de KOR:/.test(l));
    expect(j).toBeGreaterThan(i);
    expect(flat(lines.slice(i, j).join(" "))).toBe("Volgende start zo niet in de KOR: 1 januari 2027; aanmelden uiterlijk 3 december 2026");
    expect(lines[j]).toMatch(/^ +als in de KOR: 1 juli 2027; aanmelden uiterlijk 2 juni 2027/);
    expect(flat(r.stdout)).toContain("als in de KOR: 1 juli 2027; aanmelden uiterlijk 2 juni 2027. De omzet ging op 10 juni 2024 over de omzetgrens");
  });

  it("one sheet, in English", async () => {
    const file = writeText(at("x.csv"), CROSSED_2024);
    const r = await run([file, "--lang", "en"]);
    const text = flat(r.stdout);
    expect(text).toContain("Next start if not in the KOR: 1 January 2027; register by 3 December 2026");
    expect(text).toContain("if in the KOR: 1 July 2027; register by 2 June 2027");
  });

  it("one sheet: nothing extra when the outcomes are the same, or the status is given", async () => {
    const crossed = writeText(at("x.csv"), CROSSED_2024);
    const within = writeText(at("y.csv"), WITHIN_2026);
    for (const args of [[within], [crossed, "--not-in-kor"], [crossed, "--in-kor-since", "1-1-2023"]]) {
      const r = await run([...args, "--lang", "nl"]);
      expect(r.stdout).not.toContain("in de KOR:");
      expect(r.stdout).toMatch(/^Volgende start +\d/m);
    }
    // A participant: its own next start, plainly.
    const inKor = await run([crossed, "--in-kor-since", "1-1-2023", "--lang", "nl"]);
    expect(flat(inKor.stdout)).toContain("Volgende start 1 juli 2027; aanmelden uiterlijk 2 juni 2027");
    const out = await run([crossed, "--not-in-kor", "--lang", "nl"]);
    expect(flat(out.stdout)).toContain("Volgende start 1 januari 2027; aanmelden uiterlijk 3 december 2026");
  });

  it("several sheets: a sheet's details give both next starts; a sheet whose outcomes agree gets no such lines", async () => {
    const crossed = writeText(at("x.csv"), CROSSED_2024);
    const within = writeText(at("y.csv"), WITHIN_2026);
    const r = await run([crossed, within, "--lang", "nl"]);
    expect(r.code).toBe(0);
    const text = flat(r.stdout);
    const [x, y] = text.split(`${within} › y (2026)`);
    expect(x).toContain("Volgende start zo niet in de KOR: 1 januari 2027; aanmelden uiterlijk 3 december 2026");
    expect(x).toContain("Volgende start als in de KOR: 1 juli 2027; aanmelden uiterlijk 2 juni 2027");
    expect(y).not.toContain("in de KOR:");
    const en = flat((await run([crossed, within, "--lang", "en"])).stdout);
    expect(en).toContain("Next start if not in the KOR: 1 January 2027; register by 3 December 2026");
    expect(en).toContain("Next start if in the KOR: 1 July 2027; register by 2 June 2027");
    const given = await run([crossed, within, "--not-in-kor", "--lang", "nl"]);
    expect(given.stdout).not.toContain("in de KOR:");
  });
});

describe("kor-check CSV: the participant's next start in two columns at the end", () => {
  it("gives the if-in-KOR date and deadline when the status is unknown, with the earlier columns where they were", async () => {
    const file = writeText(at("x.csv"), CROSSED_2024);
    const r = await run([file, "--format", "csv", "--lang", "nl"]);
    const [header, line] = parseCsv(r.stdout, ";");
    // The Union crossing's three columns and the previous year's incompleteness come after these two (test/cli/eu-crossing.test.ts).
    expect(header.slice(0, -6)).toEqual(csvColumnsBeforeIfInKor("nl"));
    expect(header.slice(-6, -4)).toEqual(["volgende_start_als_in_kor", "aanmelden_uiterlijk_als_in_kor"]);
    expect(line).toHaveLength(header.length);
    expect(line[header.indexOf("volgende_start")]).toBe("2027-01-01");
    expect(line[header.indexOf("aanmelden_uiterlijk")]).toBe("2026-12-03");
    expect(line[header.indexOf("volgende_start_als_in_kor")]).toBe("2027-07-01");
    expect(line[header.indexOf("aanmelden_uiterlijk_als_in_kor")]).toBe("2027-06-02");
    const en = parseCsv((await run([file, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(en[0].slice(-6, -4)).toEqual(["next_start_if_in_kor", "register_by_if_in_kor"]);
    expect(en[1].slice(-6, -4)).toEqual(["2027-07-01", "2027-06-02"]);
  });

  it("leaves them empty when there is no different outcome (--not-in-kor, --in-kor-since, outcomes that agree)", async () => {
    const crossed = writeText(at("x.csv"), CROSSED_2024);
    const within = writeText(at("y.csv"), WITHIN_2026);
    for (const args of [[crossed, "--not-in-kor"], [crossed, "--in-kor-since", "1-1-2023"], [within]]) {
      const [header, line] = parseCsv((await run([...args, "--format", "csv", "--lang", "nl"])).stdout, ";");
      expect(line).toHaveLength(header.length);
      expect(line.slice(-6, -4)).toEqual(["", ""]);
    }
  });

  it("a file that could not be read has as many cells as the header", async () => {
    const broken = writeText(at("kapot.xlsx"), "not a zip");
    const [header, line] = parseCsv((await run([broken, "--format", "csv", "--lang", "en"])).stdout, ",");
    expect(header).toEqual(csvColumns("en"));
    expect(line).toHaveLength(header.length);
  });

  it("a CSV kor-check wrote, with these columns or without them, is still skipped as its own output", async () => {
    const invoices = writeText(at("facturen.csv"), CROSSED_2024);
    const now = writeText(at("overzicht.csv"), `${csvHeader("nl")}\r\n`);
    const before = writeText(at("vorige-week.csv"), `${csvColumnsBeforeIfInKor("en").join(",")}\r\nclient.xlsx,Facturen,2025\r\n`);
    const r = await run([tmp.dir, "--format", "json", "--lang", "en"]);
    expect((JSON.parse(r.stdout) as { file: string }[]).map((i) => i.file)).toEqual([invoices]);
    expect(r.stderr).toContain(`${now} skipped: this is kor-check's own output`);
    expect(r.stderr).toContain(`${before} skipped: this is kor-check's own output`);
  });
});
