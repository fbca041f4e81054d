/** kor-check's three outputs: an aligned table for the terminal, CSV for a spreadsheet, JSON for programs. */
import type { Lang, Localized } from "../i18n/types";
import { formatDay, isoFromDay, type Day } from "../rules/dates";
import { eurosFromCents, formatEuros } from "../rules/money";
import type { Problem } from "../rules/types";
import type { YearSummary } from "../rules/summary-types";
import { nextChance } from "../bulk/overview";
import { formulaSafe, visibleControls } from "../i18n/safeText";
import { sanityLine } from "../i18n/xaf-messages";
import type { XafInfo } from "../reading/xaf";
import { out } from "./strings";

export interface SheetResult {
  readonly file: string;
  readonly sheet: string;
  readonly summary: YearSummary;
  /** Reading problems of the summarised year (capped per sheet) and rule warnings: the summary's problems. */
  readonly problems: readonly Problem[];
  /** Rows read in the sheet (every year). */
  readonly rowCount: number;
  /** Rows or cells that could not be read (every year, not capped). */
  readonly errorCount: number;
  /**
   * Rows or cells that could not be read and concern the summarised year (dated in it or, for the
   * previous-year test, in the year before; or without a readable date; not capped): they make `eligible`
   * null and the exit status 1. Default: errorCount.
   */
  readonly yearErrorCount?: number;
  /** How a row is named (an auditfile's rows are invoices: reference and date); default "row N". */
  readonly rowName?: (row: number) => Localized;
  /** The auditfiles read for this line (one, or several of one business), for the sanity line. */
  readonly auditfiles?: readonly { file: string; info: XafInfo }[];
  /** The sheet of the same workbook the previous year's rows came from (one sheet per year), else null. */
  readonly previousYearSheet?: string | null;
}

export interface FileFailure {
  readonly file: string;
  readonly reason: Localized;
  readonly detail: string;
}

export interface SkippedSheet {
  readonly file: string;
  readonly sheet: string;
  readonly reason: Localized;
}

export interface CheckResult {
  readonly today: Day;
  readonly sheets: readonly SheetResult[];
  readonly failures: readonly FileFailure[];
  readonly skipped: readonly SkippedSheet[];
}

/**
 * true / false, or null when it cannot be decided: a year before 2020, or rows the verdict depends on (that
 * year's, the previous year's for the previous-year test, or rows whose date could not be read) that could
 * not be read. Errors in rows of other years do not matter.
 */
export function eligibleOf(s: SheetResult): boolean | null {
  if (s.summary.verdict === "unsupported" || (s.yearErrorCount ?? s.errorCount) > 0) return null;
  return s.summary.verdict === "eligible";
}

/** The JSON object of one sheet (schema in docs/cli.md). */
export interface SheetJson {
  file: string;
  sheet: string | null;
  error: string | null;
  year: number | null;
  verdict: string | null;
  eligible: boolean | null;
  countable: number | null;
  notCounted: number | null;
  percentOfThreshold: number | null;
  previousYear: number | null;
  previousYearAssumed: boolean;
  previousYearBasis: string | null;
  /** The sheet of the same workbook the previous year was taken from (a workbook with a sheet per year). */
  previousYearSheet: string | null;
  /** `reference`: the invoice (auditfiles: invRef/docRef and date) instead of a sheet row; null for sheets. */
  crossing: { date: string; row: number; reference: string | null; amount: number } | null;
  /** The participation status the dates follow (--in-kor-since / --not-in-kor; default "unknown"). */
  participation: "in" | "out" | "unknown" | null;
  /** "in": the crossing date that ended participation, else null. */
  participationEnded: string | null;
  /** null while the business is in the KOR (nothing to register) and for a file that could not be read. */
  nextStart: string | null;
  deadline: string | null;
  /** "unknown" only: the next start if the business is (was) in the KOR, where it differs from nextStart. */
  ifInKor: { nextStart: string; deadline: string } | null;
  rows: number | null;
  problems: { row: number | null; severity: string; message: string }[];
  /** Auditfile input only: what each file says about itself and whether it adds up (docs/xaf.md). */
  auditfiles?: {
    file: string;
    version: string;
    company: string | null;
    taxRegIdent: string | null;
    fiscalYear: string | null;
    lines: number;
    debit: number;
    credit: number;
    consistent: boolean | null;
    salesEntries: number;
    memorialSkipped: number;
    openingSkipped: number;
    sanity: string;
  }[];
}

export function sheetJson(s: SheetResult, lang: Lang): SheetJson {
  const sum = s.summary;
  const chance = nextChance(sum);
  return {
    file: s.file,
    sheet: s.sheet,
    error: null,
    year: sum.year,
    verdict: sum.verdict,
    eligible: eligibleOf(s),
    countable: eurosFromCents(sum.countableCents),
    notCounted: eurosFromCents(sum.notCountedCents),
    percentOfThreshold: sum.percentOfThreshold,
    previousYear: sum.previousYearCents === null ? null : eurosFromCents(sum.previousYearCents),
    previousYearAssumed: sum.previousYearBasis === "assumed-zero",
    previousYearBasis: sum.previousYearBasis,
    previousYearSheet: s.previousYearSheet ?? null,
    crossing:
      sum.crossing === null
        ? null
        : {
            date: isoFromDay(sum.crossing.day),
            row: sum.crossing.row,
            reference: s.rowName === undefined ? null : s.rowName(sum.crossing.row)[lang],
            amount: eurosFromCents(sum.crossing.cents),
          },
    participation: sum.deadlines.participation,
    participationEnded: sum.deadlines.participationEnded === null ? null : isoFromDay(sum.deadlines.participationEnded),
    nextStart: sum.deadlines.participating ? null : isoFromDay(chance.start),
    deadline: sum.deadlines.participating ? null : isoFromDay(chance.deadline),
    ifInKor:
      sum.deadlines.ifInKor === null ? null : { nextStart: isoFromDay(sum.deadlines.ifInKor.start), deadline: isoFromDay(sum.deadlines.ifInKor.deadline) },
    rows: s.rowCount,
    // Cell text quoted in a message may hold control or direction characters: shown as \uXXXX escapes.
    problems: s.problems.map((p) => ({ row: p.row, severity: p.severity, message: visibleControls(p.message[lang]) })),
    ...(s.auditfiles === undefined || s.auditfiles.length === 0
      ? {}
      : {
          auditfiles: s.auditfiles.map(({ file, info }) => ({
            file,
            version: info.version,
            company: info.companyName,
            taxRegIdent: info.taxRegIdent,
            fiscalYear: info.fiscalYear,
            lines: info.read.lines,
            debit: eurosFromCents(info.read.debitCents),
            credit: eurosFromCents(info.read.creditCents),
            consistent: info.consistent,
            salesEntries: info.salesTransactions,
            memorialSkipped: info.memorialSkipped,
            openingSkipped: info.openingSkipped,
            sanity: visibleControls(sanityLine(info)[lang]),
          })),
        }),
  };
}

export function failureJson(f: FileFailure, lang: Lang): SheetJson {
  return {
    file: f.file,
    sheet: null,
    error: visibleControls(f.reason[lang]),
    year: null,
    verdict: null,
    eligible: null,
    countable: null,
    notCounted: null,
    percentOfThreshold: null,
    previousYear: null,
    previousYearAssumed: false,
    previousYearBasis: null,
    previousYearSheet: null,
    crossing: null,
    participation: null,
    participationEnded: null,
    nextStart: null,
    deadline: null,
    ifInKor: null,
    rows: null,
    problems: [],
  };
}

export function toJson(result: CheckResult, lang: Lang): string {
  const items = [...result.sheets.map((s) => sheetJson(s, lang)), ...result.failures.map((f) => failureJson(f, lang))];
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** --format jsonl: the objects of toJson, one per line ("" when there are none). */
export function toJsonLines(result: CheckResult, lang: Lang): string {
  const items = [...result.sheets.map((s) => sheetJson(s, lang)), ...result.failures.map((f) => failureJson(f, lang))];
  return items.map((item) => `${JSON.stringify(item)}\n`).join("");
}

// ---------------------------------------------------------------------------------------------------
// Table and CSV

function verdictText(s: SheetResult, lang: Lang): string {
  const e = eligibleOf(s);
  if (s.summary.verdict === "unsupported") return out.unsupported[lang];
  if (e === null) return `${s.summary.verdict === "eligible" ? out.eligible[lang] : out.notEligible[lang]} (${out.undecided[lang]})`;
  return e ? out.eligible[lang] : out.notEligible[lang];
}

function percentText(p: number, lang: Lang): string {
  const text = p.toFixed(1);
  return `${lang === "nl" ? text.replace(".", ",") : text}%`;
}

function previousText(sum: YearSummary, lang: Lang): string {
  if (sum.previousYearBasis === "not-needed" || sum.previousYearCents === null) return out.notNeeded[lang];
  const amount = formatEuros(sum.previousYearCents, lang);
  return sum.previousYearBasis === "assumed-zero" ? `${amount} ${out.assumed[lang]}` : amount;
}

const TABLE_COLUMNS = [
  out.file, out.sheet, out.year, out.countable, out.percent, out.verdict, out.crossing, out.previousYear, out.nextStart, out.deadline, out.problems,
];
/** Columns aligned to the right (numbers). */
const RIGHT = new Set([2, 3, 4, 10]);

/**
 * File and sheet names and quoted cell text reach the terminal: an ESC sequence or a direction override in
 * them must not act (clear the screen, reverse a line), so every control character is shown escaped.
 */
const v = visibleControls;

function tableRow(s: SheetResult, lang: Lang): string[] {
  const sum = s.summary;
  const chance = nextChance(sum);
  return [
    v(s.file),
    v(s.sheet),
    String(sum.year),
    formatEuros(sum.countableCents, lang),
    percentText(sum.percentOfThreshold, lang),
    verdictText(s, lang),
    sum.crossing === null
      ? "—"
      : s.rowName === undefined
        ? `${formatDay(sum.crossing.day, lang)}, ${out.row[lang]} ${sum.crossing.row}`
        : v(s.rowName(sum.crossing.row)[lang]),
    previousText(sum, lang),
    sum.deadlines.participating
      ? out.inKor[lang]
      : sum.deadlines.ifInKor === null
        ? formatDay(chance.start, lang)
        : `${formatDay(chance.start, lang)} (${out.ifInKor[lang]} ${formatDay(sum.deadlines.ifInKor.start, lang)})`,
    sum.deadlines.participating
      ? "—"
      : sum.deadlines.ifInKor === null
        ? formatDay(chance.deadline, lang)
        : `${formatDay(chance.deadline, lang)} (${out.ifInKor[lang]} ${formatDay(sum.deadlines.ifInKor.deadline, lang)})`,
    String(s.problems.length),
  ];
}

/** Display width: characters, not UTF-16 units (names with accents or emoji stay aligned well enough). */
function width(text: string): number {
  return [...text].length;
}

export function alignTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => {
        const pad = " ".repeat(widths[c] - width(cell));
        return right.has(c) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Problems shown per sheet in the table output; JSON has them all. */
export const TABLE_PROBLEMS_PER_SHEET = 10;

export function toTable(result: CheckResult, lang: Lang): string {
  const parts: string[] = [];
  if (result.sheets.length > 0) {
    parts.push(alignTable(TABLE_COLUMNS.map((c) => c[lang]), result.sheets.map((s) => tableRow(s, lang)), RIGHT));
    if (result.sheets.some((s) => s.summary.previousYearBasis === "assumed-zero")) parts.push(out.assumedNote[lang]);
    parts.push(out.conditionNote[lang]);
  } else {
    parts.push(out.nothingChecked[lang]);
  }
  const audits = result.sheets.flatMap((s) => s.auditfiles ?? []);
  if (audits.length > 0) {
    parts.push([`${out.auditfilesTitle[lang]}:`, ...audits.map((a) => `  ${v(a.file)}: ${v(sanityLine(a.info)[lang])}`)].join("\n"));
  }
  const withProblems = result.sheets.filter((s) => s.problems.length > 0);
  if (withProblems.length > 0) {
    const lines = [`${out.problemsTitle[lang]}:`];
    for (const s of withProblems) {
      lines.push(`  ${v(s.file)} › ${v(s.sheet)}`);
      for (const p of s.problems.slice(0, TABLE_PROBLEMS_PER_SHEET)) lines.push(`    ${v(p.message[lang])}`);
      if (s.problems.length > TABLE_PROBLEMS_PER_SHEET) lines.push(`    ${out.moreProblems(s.problems.length - TABLE_PROBLEMS_PER_SHEET)[lang]}`);
    }
    parts.push(lines.join("\n"));
  }
  // A file with no invoice list has its sheets under "skipped sheets", each with its reason: list it there only.
  const skippedFiles = new Set(result.skipped.map((k) => k.file));
  const notRead = result.failures.filter((f) => !skippedFiles.has(f.file));
  if (notRead.length > 0) {
    parts.push([`${out.notRead[lang]}:`, ...notRead.map((f) => `  ${v(f.file)}: ${v(f.reason[lang])}`)].join("\n"));
  }
  if (result.skipped.length > 0) {
    parts.push([`${out.skippedSheets[lang]}:`, ...result.skipped.map((k) => `  ${v(k.file)} › ${v(k.sheet)}: ${v(k.reason[lang])}`)].join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}

/** A text field: never a formula when Excel opens the file (quoting alone does not prevent that). */
function csvText(text: string): string {
  return formulaSafe(visibleControls(text));
}

function csvField(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's column names (also how kor-check recognises its own CSV in a scanned folder). */
export function csvColumns(lang: Lang): string[] {
  return lang === "nl"
    ? ["bestand", "blad", "jaar", "omzet_die_meetelt", "procent_van_grens", "oordeel", "binnen_kor", "grens_overschreden_op", "grens_rij", "grens_bedrag", "vorig_jaar", "vorig_jaar_aangenomen", "volgende_start", "aanmelden_uiterlijk", "problemen", "fout"]
    : ["file", "sheet", "year", "countable", "percent_of_threshold", "verdict", "eligible", "crossing_date", "crossing_row", "crossing_amount", "previous_year", "previous_year_assumed", "next_start", "deadline", "problems", "error"];
}

/** The CSV's first line. */
export function csvHeader(lang: Lang): string {
  return csvColumns(lang).join(lang === "nl" ? ";" : ",");
}

/**
 * CSV for a spreadsheet: Dutch uses a semicolon and a decimal comma (as Dutch Excel opens it), English a
 * comma and a decimal point. Dates ISO (YYYY-MM-DD), amounts in euros without a currency sign.
 */
export function toCsv(result: CheckResult, lang: Lang): string {
  const sep = lang === "nl" ? ";" : ",";
  const num = (n: number | null): string => (n === null ? "" : lang === "nl" ? n.toFixed(2).replace(".", ",") : n.toFixed(2));
  const pct = (n: number | null): string => (n === null ? "" : lang === "nl" ? n.toFixed(1).replace(".", ",") : n.toFixed(1));
  const header = csvColumns(lang);
  const lines = [header.join(sep)];
  const yes = lang === "nl" ? "ja" : "yes";
  const no = lang === "nl" ? "nee" : "no";
  for (const s of result.sheets) {
    const j = sheetJson(s, lang);
    // Text fields (names from the client's files) go through csvText; numbers and ISO dates stay as they are.
    lines.push(
      [
        csvText(j.file), csvText(j.sheet ?? ""), String(j.year), num(j.countable), pct(j.percentOfThreshold),
        csvText(verdictText(s, lang)), j.eligible === null ? "" : j.eligible ? yes : no,
        j.crossing?.date ?? "", j.crossing === null ? "" : j.crossing.reference === null ? String(j.crossing.row) : csvText(j.crossing.reference), num(j.crossing?.amount ?? null),
        num(j.previousYear), j.previousYearAssumed ? yes : no, j.nextStart ?? "", j.deadline ?? "", String(j.problems.length), "",
      ].map((f) => csvField(f, sep)).join(sep),
    );
  }
  for (const f of result.failures) {
    const cells = new Array<string>(header.length).fill("");
    cells[0] = f.file;
    cells[header.length - 1] = f.reason[lang];
    lines.push(cells.map((c) => csvField(csvText(c), sep)).join(sep));
  }
  return `${lines.join("\r\n")}\r\n`;
}
