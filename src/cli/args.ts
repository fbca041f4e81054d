/** Command-line arguments of kor-check → options, or a usage error (exit status 2). */
import type { Lang, Localized } from "../i18n/types";
import type { Cents } from "../rules/money";
import type { FilingPeriod } from "../rules/types";
import { parsePeriod } from "../rules/periods";
import { readAmount } from "../reading/cells";
import { usage } from "./strings";

export type OutputFormat = "table" | "csv" | "json";

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly year: number | null;
  readonly period: FilingPeriod;
  readonly previousYearCents: Cents | null;
  readonly format: OutputFormat;
  readonly out: string | null;
  readonly lang: Lang;
  readonly help: boolean;
}

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly lang: Lang; readonly error: Localized };

const VALUED = new Set(["--year", "--period", "--previous-year-turnover", "--format", "--out", "--lang"]);

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
    if (lower !== "table" && lower !== "csv" && lower !== "json") return fail(usage.badFormat(f));
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
  const outPath = values.get("--out");
  if (outPath !== undefined && outPath.trim() === "") return fail(usage.missingValue("--out"));
  if (!help && inputs.length === 0) return fail(usage.noInput);
  return {
    ok: true,
    options: { inputs, year, period, previousYearCents, format, out: outPath ?? null, lang, help },
  };
}
