/**
 * Every export fixture (test/fixtures/exports) with its hand-worked answer: through `kor-check --format
 * json`, and through the pane's "Open file" (browser mode; every sheet of a workbook) and its year report.
 * All sheets over the same cells in a workbook: test/excel/exports-allsheets.test.ts.
 */
import * as path from "path";
import { readFileSync, writeFileSync } from "fs";
import { main } from "../../src/cli/main";
import { dayFromIso } from "../../src/rules/dates";
import { readFileSource, type FileLike } from "../../src/taskpane/browser/files";
import { analyze, type Analysis } from "../../src/taskpane/model";
import { EXPORT_FIXTURES, expectAnswer, type Expected, type ExportFixture } from "../fixtures/exports/fixtures";
import { tempDir } from "./fixtures";

const TODAY = dayFromIso("2026-01-15");
jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("kor-exports-");
});
afterEach(() => tmp.cleanup());

async function writeFixture(f: ExportFixture): Promise<string> {
  const file = path.join(tmp.dir, f.fileName);
  if (f.bytes) writeFileSync(file, f.bytes());
  else if (f.workbook) await f.workbook(file);
  for (const [name, text] of Object.entries(f.extraFiles ?? {})) writeFileSync(path.join(tmp.dir, name), text);
  return file;
}

async function korCheck(f: ExportFixture): Promise<{ code: number; items: Json[] }> {
  const file = await writeFixture(f);
  const args = (f.args ?? []).map((a) => (a.endsWith(".csv") ? path.join(tmp.dir, a) : a));
  let stdout = "";
  const code = await main([file, ...args, "--format", "json", "--lang", "en"], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => undefined, isTTY: false },
    env: {},
    today: TODAY,
  });
  return { code, items: JSON.parse(stdout) as Json[] };
}

function expectSheet(item: Json, e: Expected): void {
  expect({
    sheet: item.sheet,
    year: item.year,
    countable: item.countable,
    verdict: item.verdict,
    eligible: item.eligible,
    crossing: item.crossing === null ? null : { date: item.crossing.date, row: item.crossing.row },
    previousYear: item.previousYear,
    previousYearBasis: item.previousYearBasis,
  }).toEqual({
    sheet: e.sheet,
    year: e.year,
    countable: e.countable,
    verdict: e.verdict,
    eligible: e.eligible,
    crossing: e.crossing,
    previousYear: e.previousYear,
    previousYearBasis: e.previousYearBasis,
  });
  if (e.notCounted !== undefined) expect(item.notCounted).toBe(e.notCounted);
  if (e.previousYearSheet !== undefined) expect(item.previousYearSheet).toBe(e.previousYearSheet);
}

describe.each(EXPORT_FIXTURES.map((f) => [f.name, f] as const))("%s", (_name, f) => {
  it("kor-check --format json gives the hand-worked answer", async () => {
    const { code, items } = await korCheck(f);
    expect(code).toBe(f.exit);
    if (f.expected.length === 0) {
      expect(items).toHaveLength(1);
      expect(items[0].error).not.toBeNull();
      return;
    }
    expect(items.map((i: Json) => i.sheet)).toEqual(f.expected.map((e) => e.sheet));
    f.expected.forEach((e, i) => expectSheet(items[i], e));
  });

  if (f.bytes && f.args === undefined) {
    it("the pane's Open file and year report give the same answer", async () => {
      const bytes = f.bytes?.() ?? Buffer.alloc(0);
      const source = await readFileSource(fileLike(f.fileName, bytes));
      const a = analyze(source, {}, TODAY);
      if (f.refusal !== undefined) {
        expect(a.table.problems.map((p) => p.code)).toContain(f.refusal);
        expect(a.table.rows).toEqual([]);
        return;
      }
      expectPane(a, f.expected[0]);
    });
  }

  if (f.workbook && f.args === undefined) {
    it("the pane's Open file reads every sheet and each year report gives the same answer", async () => {
      const source = await readFileSource(fileLike(f.fileName, readFileSync(await writeFixture(f))));
      const sheets = source.fileSheets ?? [source];
      expect(sheets.map((s) => s.sheetName)).toEqual(f.expected.map((e) => e.sheet));
      sheets.forEach((s, i) => expectPane(analyze(s, {}, TODAY), f.expected[i]));
    });
  }
});

const fileLike = (name: string, bytes: Buffer): FileLike => ({
  name,
  text: async () => bytes.toString("utf8"),
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

/** The year report's analysis against the hand-worked answer. */
function expectPane(a: Analysis, e: Expected): void {
  expectAnswer({ ...a.summary, previousYearSheet: a.previousYearSheet }, [...a.table.problems, ...a.summary.problems].map((p) => p.code), e);
  if (e.eligible === null) expect(a.table.problems.some((p) => p.severity === "error")).toBe(true);
}

describe("the pane's Open file shows the CSV reader's errors with their rows", () => {
  it.each([
    ["a comma CSV row whose amount 1234,56 was split", "c3.csv", "Datum,Bedrag\n1-9-2025,1234,56\n2-9-2025,100\n3-9-2025,200\n", 30000, "csv-extra-fields"],
    ["a quoted field not closed properly", "quote.csv", 'Datum;Omschrijving;Bedrag\r\n1-9-2025;"Monitor 24"" scherm;100,00\r\n2-9-2025;b;200,00\r\n3-9-2025;"c";400,00\r\n4-9-2025;d;800,00\r\n', 80000, "csv-malformed-quote"],
  ])("%s", async (_what, name, text, cents, code) => {
    const a = analyze(await readFileSource(fileLike(name, Buffer.from(text))), {}, TODAY);
    expect(a.summary.countableCents).toBe(cents);
    expect(a.summary.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.row])).toEqual([[code, 2]]);
  });
});

describe("a workbook with a sheet per year", () => {
  const f = EXPORT_FIXTURES.find((x) => x.fileName === "atelier-zon.xlsx") as ExportFixture;
  it("--per-sheet keeps the sheets apart: the 2025 sheet alone assumes €0 for 2024 and is within", async () => {
    const file = await writeFixture(f);
    let stdout = "";
    await main([file, "--per-sheet", "--format", "json", "--lang", "en"], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => undefined, isTTY: false },
      env: {},
      today: TODAY,
    });
    const items = JSON.parse(stdout) as Json[];
    expect(items[1]).toMatchObject({ sheet: "Omzet 2025", eligible: true, previousYearBasis: "assumed-zero", previousYearSheet: null });
  });
});

describe("a ledger line whose Bedrag differs from credit − debit", () => {
  const text = ["Datum;Omschrijving;Bedrag;Debet;Credit", "06-01-2025;Factuur 1;4.000,00;;4.000,00", "20-04-2025;Creditnota 1;750,00;750,00;", "02-09-2025;Factuur 2;1.500,00;;1.000,00"].join("\r\n");

  it.each(["table", "csv"] as const)("kor-check --format %s gives the error and an undecided verdict", async (format) => {
    const file = path.join(tmp.dir, "grootboek.csv");
    writeFileSync(file, text);
    let stdout = "";
    const code = await main([file, "--format", format, "--lang", "en"], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => undefined, isTTY: false },
      env: {},
      today: TODAY,
    });
    expect(code).toBe(1);
    if (format === "table") {
      expect(stdout.replace(/\s+/g, " ")).toContain('Row 4: the amount in "Bedrag" (column C) differs in size from "Credit" (column E) minus "Debet" (column D)');
      expect(stdout).toContain("€3,250.00");
    } else {
      // One line per sheet: the turnover read, the verdict provisional, eligible empty (undecided), two problems.
      expect(stdout.split("\n")[1]).toMatch(/,grootboek,2025,3250\.00,16\.3,within the KOR \(provisional: rows with errors not counted\),,.*,2,,/);
    }
  });

  it("the pane's Open file shows it as an error on row 4 and counts the other lines: €3,250.00", async () => {
    const a = analyze(await readFileSource(fileLike("grootboek.csv", Buffer.from(text))), {}, TODAY);
    expect(a.summary.countableCents).toBe(325000);
    expect(a.summary.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.row])).toEqual([["ledger-amount-mismatch", 4]]);
  });
});
