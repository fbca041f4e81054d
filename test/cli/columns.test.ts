/**
 * kor-check summarises a sheet from its rows kept in columns (no object per row, so a 1,000,000-row sheet
 * stays near exceljs' own memory). Its JSON, CSV and table output must equal what the summary from row
 * objects gives: the same files are summarised both ways, the second with the columns taken away.
 */
import * as path from "path";
import { readFile, summarizeFile } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import type { FileRead } from "../../src/cli/read";
import { toCsv, toJson, toTable, type CheckResult } from "../../src/cli/output";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import { HEADER, d, tempDir, writeText, writeXlsx, type Cell } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");
jest.setTimeout(60_000);

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const CATEGORIES = ["21", "", "9", "kor", "export", "vrij", "verlegd", "21%", "inkoop", "buitenland", "afstand-nl", "prive"];

/** Invoice lines of `years`, dates out of order, credit notes, busy days; with VAT and a country when asked. */
function lines(seed: number, years: number[], n: number, withVat: boolean, withCountry: boolean): { date: string; amount: number; category: string; vat: number | null; country: string }[] {
  const r = random(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const y = years[Math.floor(r() * years.length)];
    const day = r() < 0.3 ? dayFromIso(`${y}-06-30`) : dayFromIso(`${y}-01-01`) + Math.floor(r() * 365);
    const credit = r() < 0.15;
    const amount = Math.round(r() * 60_000) / 100 * (credit ? -3 : 1);
    const category = CATEGORIES[Math.floor(r() * CATEGORIES.length)];
    out.push({
      date: isoFromDay(day),
      amount,
      category,
      vat: withVat && r() < 0.5 ? Math.round(amount * 21) / 100 : null,
      country: withCountry && category === "buitenland" ? ["DE", "FR", "US", ""][Math.floor(r() * 4)] : "",
    });
  }
  return out;
}

function csvText(rows: ReturnType<typeof lines>, withVat: boolean, withCountry: boolean): string {
  const head = ["Factuurdatum", "Bedrag excl. btw", "BTW-tarief", ...(withVat ? ["Btw-bedrag"] : []), ...(withCountry ? ["Land"] : [])];
  const body = rows.map((x) =>
    [x.date.split("-").reverse().join("-"), x.amount.toFixed(2).replace(".", ","), x.category, ...(withVat ? [x.vat === null ? "" : x.vat.toFixed(2).replace(".", ",")] : []), ...(withCountry ? [x.country] : [])].join(";"),
  );
  return [head.join(";"), ...body].join("\r\n");
}

/** The same read with the columns taken away: summarizeFile then works from row objects, as before. */
function withoutColumns(read: FileRead): FileRead {
  return { sheets: read.sheets.map((s) => ({ ...s, rows: s.rows, columns: undefined })), skipped: read.skipped };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

async function bothWays(file: string, args: string[]): Promise<void> {
  const parsed = parseArgs([file, ...args], "nl");
  if (!parsed.ok) throw new Error("bad arguments");
  const options = parsed.options;
  const kind = file.endsWith(".csv") ? ("csv" as const) : ("xlsx" as const);
  const read = await readFile({ path: file, kind }, options, 100, TODAY);
  expect(read.sheets.every((s) => s.columns?.() != null)).toBe(true);
  const fromColumns = summarizeFile(file, read, options, TODAY);
  const fromObjects = summarizeFile(file, withoutColumns(read), options, TODAY);
  const result = (sheets: typeof fromColumns): CheckResult => ({ today: TODAY, sheets, failures: [], skipped: [] });
  for (const lang of ["nl", "en"] as const) {
    expect(toJson(result(fromColumns), lang)).toBe(toJson(result(fromObjects), lang));
    expect(toCsv(result(fromColumns), lang)).toBe(toCsv(result(fromObjects), lang));
    expect(toTable(result(fromColumns), lang, 100)).toBe(toTable(result(fromObjects), lang, 100));
  }
  expect(fromColumns.map((s) => s.summary)).toStrictEqual(fromObjects.map((s) => s.summary));
}

describe("kor-check's summary from columns gives the same output as from row objects", () => {
  it.each([
    ["three years, VAT", [2024, 2025, 2026], true, false, []],
    ["two years, countries", [2025, 2026], true, true, ["--period", "month"]],
    ["one year, a fixed year, participant", [2025], false, false, ["--year", "2025", "--in-kor-since", "2023-01-01"]],
    ["the previous year given", [2025, 2026], true, false, ["--previous-year-turnover", "18000", "--previous-year-union-turnover", "90000"]],
  ])("CSV: %s", async (_name, years, withVat, withCountry, args) => {
    const rows = lines(years.length * 31 + (withVat ? 1 : 0), years as number[], 1_500, withVat as boolean, withCountry as boolean);
    const file = writeText(path.join(tmp.dir, "facturen.csv"), csvText(rows, withVat as boolean, withCountry as boolean));
    await bothWays(file, args as string[]);
  });

  it("a workbook with a sheet per year: the link to the previous year's sheet, and a sheet on its own", async () => {
    const sheet = (seed: number, years: number[]): Cell[][] => [
      HEADER,
      ...lines(seed, years, 400, false, false).map((x): Cell[] => [d(x.date), "Klant", x.amount, x.category]),
    ];
    const file = await writeXlsx(path.join(tmp.dir, "klant.xlsx"), { "2024": sheet(1, [2024]), "2025": sheet(2, [2025]), Overig: sheet(3, [2022, 2023]) });
    await bothWays(file, []);
    await bothWays(file, ["--per-sheet"]);
  });
});
