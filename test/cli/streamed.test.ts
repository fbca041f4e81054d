/**
 * kor-check writes csv and json a file at a time (as jsonl always was), so memory stays flat over thousands of
 * files: the text must be byte for byte what toCsv, toJson and toJsonLines give over the whole run, with the
 * files that could not be read at the end (csv, json) and stdout still only the output.
 */
import * as path from "path";
import { check } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import { collectInputs } from "../../src/cli/files";
import { StreamedOutput, toCsv, toJson, toJsonLines, type CheckResult, type StreamFormat } from "../../src/cli/output";
import { dayFromIso } from "../../src/rules/dates";
import { CROSSING_2025, HEADER, WITHIN_2025, tempDir, writeText, writeXlsx, runCli } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
jest.setTimeout(60_000);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

/** A folder of good, two-sheet, broken and text files, checked whole (as the table is). */
async function wholeRun(lang: "nl" | "en"): Promise<CheckResult> {
  await writeXlsx(at("a-goed.xlsx"), { Facturen: CROSSING_2025 });
  await writeXlsx(at("b-twee.xlsx"), { "2025": WITHIN_2025, Privé: [HEADER, ["x", "y", "=1+1", "z"]] });
  writeText(at("c-kapot.xlsx"), "this is not a workbook");
  writeText(at("d-de-vries.csv"), "Factuurdatum;Bedrag excl. btw\n1-3-2025;1.000,00\n");
  writeText(at("e-leeg.csv"), "");
  const parsed = parseArgs([tmp.dir, "--lang", lang], lang);
  if (!parsed.ok) throw new Error("arguments");
  const { files } = await collectInputs(parsed.options.inputs);
  const silent = { stdout: { write: () => undefined }, stderr: { write: () => undefined, isTTY: false }, env: {}, today: TODAY };
  return check(files, { ...parsed.options, jobs: 1 }, silent, TODAY);
}

describe("csv, json and jsonl written a file at a time", () => {
  it.each(["nl", "en"] as const)("gives exactly the whole run's text, in pieces of any size (%s)", async (lang) => {
    const whole = await wholeRun(lang);
    expect(whole.failures.length).toBeGreaterThan(0);
    expect(whole.sheets.length).toBeGreaterThan(2);
    const expected: Record<StreamFormat, string> = { csv: toCsv(whole, lang), json: toJson(whole, lang), jsonl: toJsonLines(whole, lang) };
    for (const format of ["csv", "json", "jsonl"] as const) {
      // Each "file" gets one sheet, or none, or a failure: the files' order is sheets first, then failures.
      const out = new StreamedOutput(format, lang);
      let text = out.head();
      for (const s of whole.sheets) text += out.file({ sheets: [s], failures: [] });
      text += out.file({ sheets: [], failures: [] });
      // jsonl writes a failure where its file is; these come last in `whole` too.
      for (const f of whole.failures) text += out.file({ sheets: [], failures: [f] });
      text += out.end();
      expect({ format, text }).toEqual({ format, text: expected[format] });
    }
  });

  it("writes an empty json array and a csv header alone when nothing was checked", () => {
    const none: CheckResult = { today: TODAY, sheets: [], failures: [], skipped: [] };
    for (const format of ["csv", "json", "jsonl"] as const) {
      const out = new StreamedOutput(format, "nl");
      const text = out.head() + out.file({ sheets: [], failures: [] }) + out.end();
      expect(text).toBe(format === "csv" ? toCsv(none, "nl") : format === "json" ? toJson(none, "nl") : "");
    }
    expect(toJson(none, "nl")).toBe("[]\n");
  });

  it("puts a path that does not exist and a broken file last in csv and json, in the order given, on stderr too", async () => {
    await writeXlsx(at("a-goed.xlsx"), { Facturen: CROSSING_2025 });
    writeText(at("b-kapot.xlsx"), "this is not a workbook");
    await writeXlsx(at("c-ook-goed.xlsx"), { Facturen: WITHIN_2025 });
    const missing = at("bestaat-niet.xlsx");
    for (const jobs of ["1", "2"]) {
      const json = await runCli([missing, tmp.dir, "--format", "json", "--lang", "en", "--jobs", jobs], TODAY);
      const items = JSON.parse(json.stdout) as { file: string; error: string | null }[];
      expect(items.map((i) => [path.basename(i.file), i.error === null])).toEqual([
        ["a-goed.xlsx", true],
        ["c-ook-goed.xlsx", true],
        ["bestaat-niet.xlsx", false],
        ["b-kapot.xlsx", false],
      ]);
      expect(json.code).toBe(1);
      expect(json.stderr).toContain("b-kapot.xlsx");
      expect(json.stderr).toContain("bestaat-niet.xlsx");
      const csv = await runCli([missing, tmp.dir, "--format", "csv", "--lang", "en", "--jobs", jobs], TODAY);
      const lines = csv.stdout.split("\r\n");
      expect(lines.map((l) => path.basename(l.split(",")[0]))).toEqual(["file", "a-goed.xlsx", "c-ook-goed.xlsx", "bestaat-niet.xlsx", "b-kapot.xlsx", ""]);
      expect(csv.code).toBe(1);
    }
  });
});
