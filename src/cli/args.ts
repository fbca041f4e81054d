/** Command-line arguments of kor-check → options, or a usage error (exit status 2). */
import * as path from "path";
import type { Lang, Localized } from "../i18n/types";
import type { Cents } from "../rules/money";
import type { FilingPeriod, Participation } from "../rules/types";
import { parsePeriod } from "../rules/periods";
import { readAmount, readDate } from "../reading/cells";
import { type ColumnRole, columnIndex } from "../reading/headers";
import { usage } from "./strings";
import { FIRST_KOR_DAY } from "../rules/parameters";

export type OutputFormat = "table" | "csv" | "json" | "jsonl";

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly year: number | null;
  readonly period: FilingPeriod;
  readonly previousYearCents: Cents | null;
  /** --previous-year-union-turnover: the previous year's Union turnover for the EU-KOR; wins over that year's rows. */
  readonly previousUnionCents?: Cents | null;
  /** --in-kor-since DATE / --not-in-kor; default unknown (kor-rules.md section 5). */
  readonly participation?: Participation;
  readonly format: OutputFormat;
  readonly out: string | null;
  readonly lang: Lang;
  readonly help: boolean;
  /** Columns chosen by the user: a 0-based index (given as a letter) or a header text, per role. */
  readonly columns?: Partial<Record<ColumnRole, number>>;
  readonly columnNames?: Partial<Record<ColumnRole, string>>;
  /** A CSV of the user's own codes: code, category (`--codes`), read by main. */
  readonly codesFile?: string | null;
  /** Keep the sheets of a workbook apart (no previous year taken from another sheet). */
  readonly perSheet?: boolean;
  /** Files read at the same time, each in its own worker thread; null = one per core; 1 = in this thread (no limits). */
  readonly jobs: number | null;
  /** Per file, in a worker: the memory (MB of heap; null = a share of the machine's memory) and seconds it may use. */
  readonly maxMemoryMb: number | null;
  readonly timeoutSeconds: number;
}

/** Seconds one file may take in a worker before it is stopped and reported (default of --timeout). */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** The column options and the role each chooses. */
export const COLUMN_OPTIONS: Readonly<Record<string, ColumnRole>> = {
  "--date-column": "date",
  "--amount-column": "amount",
  "--category-column": "category",
  "--country-column": "country",
  "--vat-column": "vat",
  "--gross-column": "gross",
};

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly lang: Lang; readonly error: Localized };

const VALUED = new Set(["--year", "--period", "--previous-year-turnover", "--previous-year-union-turnover", "--in-kor-since", "--format", "--out", "--lang", "--codes", "--jobs", "--timeout", "--max-memory", ...Object.keys(COLUMN_OPTIONS)]);

/** What `--out NAME.ext` without --format writes; with --format, the two must agree. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, OutputFormat>> = { ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl" };
/** Workbooks kor-check cannot write: --out with such a name is refused rather than filled with text Excel rejects. */
const SPREADSHEET_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xlsb", ".xls", ".xltx", ".xltm", ".ods"]);

/** A whole number from min to max, or null. */
function wholeNumber(v: string, min: number, max: number): number | null {
  const t = v.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** The default language: English when the environment says English, Dutch otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return v.toLowerCase().startsWith("en") ? "en" : "nl";
}

/** Parses `argv` without the node and script paths. `--name value` and `--name=value` both work; `--` ends the options. */
export function parseArgs(argv: readonly string[], defaultLang: Lang): ParsedArgs {
  const values = new Map<string, string>();
  const inputs: string[] = [];
  let help = false;
  let perSheet = false;
  let notInKor = false;
  let onlyInputs = false;
  // The language first, so every later error is in the chosen language.
  let lang: Lang = defaultLang;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang" && (argv[i + 1] === "nl" || argv[i + 1] === "en")) lang = argv[i + 1] as Lang;
    if (a === "--lang=nl" || a === "--lang=en") lang = a.slice(7) as Lang;
  }
  const fail = (error: Localized): ParsedArgs => ({ ok: false, lang, error });

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyInputs || !a.startsWith("-") || a === "-") {
      inputs.push(a);
      continue;
    }
    if (a === "--") {
      onlyInputs = true;
      continue;
    }
    if (a === "--help" || a === "-h") {
      help = true;
      continue;
    }
    if (a === "--per-sheet") {
      perSheet = true;
      continue;
    }
    if (a === "--not-in-kor") {
      notInKor = true;
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUED.has(name)) return fail(usage.unknownOption(name));
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) return fail(usage.missingValue(name));
      i++;
    }
    values.set(name, value);
  }

  let year: number | null = null;
  const y = values.get("--year");
  if (y !== undefined) {
    if (!/^\d{4}$/.test(y.trim())) return fail(usage.badYear(y));
    year = Number(y.trim());
  }
  let period: FilingPeriod = "quarter";
  const p = values.get("--period");
  if (p !== undefined) {
    const parsed = parsePeriod(p);
    if (parsed === null) return fail(usage.badPeriod(p));
    period = parsed;
  }
  let format: OutputFormat = "table";
  const f = values.get("--format");
  if (f !== undefined) {
    const lower = f.trim().toLowerCase();
    if (lower !== "table" && lower !== "csv" && lower !== "json" && lower !== "jsonl") return fail(usage.badFormat(f));
    format = lower;
  }
  const l = values.get("--lang");
  if (l !== undefined && l !== "nl" && l !== "en") return fail(usage.badLang(l));
  let previousYearCents: Cents | null = null;
  const prev = values.get("--previous-year-turnover");
  if (prev !== undefined) {
    const r = readAmount(prev);
    if (r.kind !== "ok") return fail(usage.badAmount(prev));
    if (r.value < 0) return fail(usage.negativePreviousYear(prev));
    previousYearCents = r.value;
  }
  let previousUnionCents: Cents | null = null;
  const prevUnion = values.get("--previous-year-union-turnover");
  if (prevUnion !== undefined) {
    const r = readAmount(prevUnion);
    if (r.kind !== "ok") return fail(usage.badAmount(prevUnion));
    if (r.value < 0) return fail(usage.negativePreviousUnion(prevUnion));
    previousUnionCents = r.value;
  }
  let jobs: number | null = null;
  const j = values.get("--jobs");
  if (j !== undefined) {
    jobs = wholeNumber(j, 1, 1024);
    if (jobs === null) return fail(usage.badJobs(j));
  }
  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  const t = values.get("--timeout");
  if (t !== undefined) {
    const n = wholeNumber(t, 1, 86_400);
    if (n === null) return fail(usage.badTimeout(t));
    timeoutSeconds = n;
  }
  let maxMemoryMb: number | null = null;
  const m = values.get("--max-memory");
  if (m !== undefined) {
    maxMemoryMb = wholeNumber(m, 64, 1_048_576);
    if (maxMemoryMb === null) return fail(usage.badMaxMemory(m));
  }
  let participation: Participation = { status: "unknown" };
  const since = values.get("--in-kor-since");
  if (since !== undefined) {
    if (notInKor) return fail(usage.participationTwice);
    const r = readDate(since);
    if (r.kind !== "ok") return fail(usage.badDate("--in-kor-since", since));
    if (r.value < FIRST_KOR_DAY) return fail(usage.korSinceBeforeKor(since, FIRST_KOR_DAY));
    participation = { status: "in", since: r.value };
  } else if (notInKor) participation = { status: "out" };
  const outPath = values.get("--out");
  if (outPath !== undefined && outPath.trim() === "") return fail(usage.missingValue("--out"));
  if (outPath !== undefined) {
    // The name's extension decides the format when --format is not given, and may not contradict it when it is:
    // a table saved as rep.csv would open in Excel unescaped (a file name "=1+2" as a formula).
    const ext = path.extname(outPath).toLowerCase();
    if (SPREADSHEET_EXTENSIONS.has(ext)) return fail(usage.outSpreadsheet(outPath));
    const implied = FORMAT_OF_EXTENSION[ext];
    if (implied !== undefined) {
      if (f === undefined) format = implied;
      else if (format !== implied) return fail(usage.outFormatMismatch(outPath, ext, format));
    }
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  const columnNames: Partial<Record<ColumnRole, string>> = {};
  for (const [option, role] of Object.entries(COLUMN_OPTIONS)) {
    const raw = values.get(option);
    if (raw === undefined) continue;
    const spec = raw.trim();
    if (spec === "") return fail(usage.missingValue(option));
    // One or two capital letters are a column letter (A … ZZ); anything else is the column's header text.
    if (/^[A-Z]{1,2}$/.test(spec)) columns[role] = columnIndex(spec);
    else columnNames[role] = spec;
  }
  const codes = values.get("--codes");
  if (codes !== undefined && codes.trim() === "") return fail(usage.missingValue("--codes"));
  if (!help && inputs.length === 0) return fail(usage.noInput);
  return {
    ok: true,
    options: { inputs, year, period, previousYearCents, previousUnionCents, participation, format, out: outPath ?? null, lang, help, columns, columnNames, codesFile: codes ?? null, perSheet, jobs, maxMemoryMb, timeoutSeconds },
  };
}
