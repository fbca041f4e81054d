/** kor-check's three outputs: an aligned table for the terminal, CSV for a spreadsheet, JSON for programs. */
import type { Lang, Localized } from "../i18n/types";
import { formatDay, isoFromDay, type Day } from "../rules/dates";
import { eurosFromCents, formatEuros } from "../rules/money";
import type { Problem } from "../rules/types";
import type { YearSummary } from "../rules/summary-types";
import { nextChance } from "../bulk/overview";
import { formulaSafe, jsonEscapedControls, visibleControls } from "../i18n/safeText";
import { sanityLine } from "../i18n/xaf-messages";
import type { XafInfo } from "../reading/xaf";
import { adviceOf, countdown, type Advice } from "../rules/advice";
import { out } from "./strings";
import { plainRowName, previousYearTested } from "../rules/eligibility";
import { NEW_KOR_RULES_YEAR } from "../rules/parameters";
import { euTextLines } from "../bulk/euText";

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
  /**
   * How the crossing's row is named when it is not "row N": an auditfile's rows are invoices ("entry F2026-014 of
   * 20 December 2026"). Words, not a function, so a pool worker can hand the result over.
   */
  readonly crossingName?: Localized;
  /** The auditfiles read for this line (one, or several of one business), for the sanity line. */
  readonly auditfiles?: readonly { file: string; info: XafInfo }[];
  /** The sheet of the same workbook the previous year's rows came from (one sheet per year), else null. */
  readonly previousYearSheet?: string | null;
  /**
   * Auditfiles: the previous year read from the entries (not given) is a year their header periods cover only in
   * part: the parts covered (empty: none of it, only entries dated in it). The figure is not that year's turnover.
   */
  readonly previousYearPartial?: readonly (readonly [Day, Day])[] | null;
}

export interface FileFailure {
  readonly file: string;
  readonly reason: Localized;
  readonly detail: string;
  /** The reading layer's refusal of the file's one list (`gross-only`, `no-invoice-columns`), given in JSON with its code. */
  readonly problem?: Problem;
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
  /**
   * Auditfiles whose header periods cover the previous year only in part (or not at all, its figure only entries
   * dated in it): the parts covered and the words shown beside `previousYear` (it is not that year's turnover);
   * null when the previous year is covered whole, given, not needed, or not from an auditfile.
   */
  previousYearPartial: { covered: { from: string; to: string }[]; note: string } | null;
  /**
   * A CSV or sheet whose previous year, read from its rows, starts late (none in its first quarter): the first day of
   * those rows (ISO), as the warning previous-year-starts-late says; is the file the whole year? null otherwise.
   */
  previousYearRowsFrom: string | null;
  /** `reference`: the invoice (auditfiles: invRef/docRef and date) instead of a sheet row; null for sheets. */
  /**
   * `caveat`: when later credit notes bring the year back within the limit, the text shown beside the crossing
   * (the year total and the invoice to check, kor-rules.md section 5); else null.
   */
  crossing: { date: string; row: number; reference: string | null; amount: number; caveat: string | null } | null;
  /** The participation status the dates follow (--in-kor-since / --not-in-kor; default "unknown"). */
  participation: "in" | "out" | "unknown" | null;
  /** "in": the crossing date that ended participation, else null. */
  participationEnded: string | null;
  /** "in": the year a typed previous-year figure over the limit ended participation in (no crossing day known), else null. */
  participationEndedIn: number | null;
  /** "in": why the participation could not start (its year fails the turnover test on what came before it), else null. */
  participationCouldNotStart: string | null;
  /** null while the business is in the KOR (nothing to register) and for a file that could not be read. */
  nextStart: string | null;
  deadline: string | null;
  /** "unknown" only: the next start if the business is (was) in the KOR, where it differs from nextStart. */
  ifInKor: { nextStart: string; deadline: string } | null;
  /**
   * EU-KOR figures when a row names a country (from 2025): Union turnover this year and last year (`given`:
   * the --previous-year-union-turnover figure, which wins over last year's rows), and per member state.
   */
  eu: {
    union: number;
    previousUnion: number | null;
    /** "assumed-zero": no rows of last year and none given; `previousUnion` is null and the Union test took €0. */
    previousUnionBasis: "given" | "data" | "assumed-zero";
    /** As `previousYearPartial`, for last year's Union turnover read from auditfiles that cover that year only in part. */
    previousUnionPartial: { covered: { from: string; to: string }[]; note: string } | null;
    /** As `previousYearRowsFrom`, for last year's Union turnover read from rows that start late in that year. */
    previousUnionRowsFrom: string | null;
    withinUnion: boolean;
    /** Why `withinUnion` is false, in words (EuSummary.unionStatusText); null when it is true. */
    unionReason: string | null;
    /**
     * The invoice at which Union turnover went over €100,000 (kor-rules.md section 7): its day, row (`reference`
     * as for `crossing`), the Union turnover including it, and the day to inform the Belastingdienst by
     * (`notifyWorkingDays` working days after the crossing, counted Mon–Fri without skipping public holidays);
     * null when there is none.
     */
    crossing: { date: string; row: number; reference: string | null; union: number; notifyBy: string; notifyWorkingDays: number } | null;
    states: { country: string; turnover: number; previousYear: number | null; threshold: number | null; within: boolean | null; reason: string | null }[];
  } | null;
  rows: number | null;
  /**
   * `code`: the problem's stable code; `rows` and `count`: a problem given once for several rows (the same
   * error or warning in many rows), its rows in sheet order (the first 10,000) and how many in all.
   */
  problems: { row: number | null; severity: string; code: string; message: string; rows?: readonly number[]; count?: number }[];
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
    previousYearPartial: (() => {
      const covered = partialOf(s);
      return covered === null ? null : { covered: covered.map(([a, b]) => ({ from: isoFromDay(a), to: isoFromDay(b) })), note: out.previousPartial(sum.year - 1, covered)[lang] };
    })(),
    previousYearRowsFrom: sum.previousYearRowsFrom === null ? null : isoFromDay(sum.previousYearRowsFrom),
    crossing:
      sum.crossing === null
        ? null
        : {
            date: isoFromDay(sum.crossing.day),
            row: sum.crossing.row,
            reference: s.crossingName === undefined ? null : s.crossingName[lang],
            amount: eurosFromCents(sum.crossing.cents),
            caveat: sum.crossingCaveat === null ? null : sum.crossingCaveat[lang],
          },
    participation: sum.deadlines.participation,
    participationEnded: sum.deadlines.participationEnded === null ? null : isoFromDay(sum.deadlines.participationEnded),
    participationEndedIn: sum.deadlines.participationEndedIn,
    participationCouldNotStart: sum.deadlines.participationCouldNotStart === null ? null : sum.deadlines.participationCouldNotStart[lang],
    nextStart: sum.deadlines.participating ? null : isoFromDay(chance.start),
    deadline: sum.deadlines.participating ? null : isoFromDay(chance.deadline),
    ifInKor:
      sum.deadlines.ifInKor === null ? null : { nextStart: isoFromDay(sum.deadlines.ifInKor.start), deadline: isoFromDay(sum.deadlines.ifInKor.deadline) },
    eu:
      sum.eu === null
        ? null
        : {
            union: eurosFromCents(sum.eu.unionCents),
            previousUnion: sum.eu.previousUnionCents === null ? null : eurosFromCents(sum.eu.previousUnionCents),
            previousUnionBasis: sum.eu.previousUnionBasis,
            previousUnionPartial: (() => {
              const covered = euPartialOf(s);
              return covered === null ? null : { covered: covered.map(([a, b]) => ({ from: isoFromDay(a), to: isoFromDay(b) })), note: out.previousPartial(sum.year - 1, covered)[lang] };
            })(),
            previousUnionRowsFrom: sum.eu.previousUnionRowsFrom === null ? null : isoFromDay(sum.eu.previousUnionRowsFrom),
            withinUnion: sum.eu.withinUnion,
            unionReason: sum.eu.unionStatusText === null ? null : visibleControls(sum.eu.unionStatusText[lang]),
            crossing:
              sum.eu.crossing === null
                ? null
                : {
                    date: isoFromDay(sum.eu.crossing.day),
                    row: sum.eu.crossing.row,
                    reference: s.auditfiles === undefined ? null : sum.eu.crossing.where[lang],
                    union: eurosFromCents(sum.eu.crossing.runningCents),
                    notifyBy: isoFromDay(sum.eu.crossing.notifyBy),
                    notifyWorkingDays: sum.eu.crossing.notifyWorkingDays,
                  },
            states: sum.eu.states.map((x) => ({
              country: x.country,
              turnover: eurosFromCents(x.cents),
              previousYear: x.previousCents === null ? null : eurosFromCents(x.previousCents),
              threshold: x.thresholdCents === null ? null : eurosFromCents(x.thresholdCents),
              within: x.withinThreshold,
              reason: x.statusText === null ? null : visibleControls(x.statusText[lang]),
            })),
          },
    rows: s.rowCount,
    // Cell text quoted in a message may hold control or direction characters: shown as \uXXXX escapes.
    problems: s.problems.map((p) => ({
      row: p.row,
      severity: p.severity,
      code: p.code,
      message: visibleControls(p.message[lang]),
      ...(p.rows !== undefined ? { rows: p.rows } : {}),
      ...(p.count !== undefined ? { count: p.count } : {}),
    })),
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
    previousYearPartial: null,
    previousYearRowsFrom: null,
    crossing: null,
    participation: null,
    participationEnded: null,
    participationEndedIn: null,
    participationCouldNotStart: null,
    nextStart: null,
    deadline: null,
    ifInKor: null,
    eu: null,
    rows: null,
    problems:
      f.problem === undefined ? [] : [{ row: f.problem.row, severity: f.problem.severity, code: f.problem.code, message: visibleControls(f.problem.message[lang]) }],
  };
}

/**
 * JSON text of `value` (indented by `indent`, or on one line) with no raw control, direction or invisible
 * character: `file` and `sheet` keep their exact value (a firm's tool matches the path), but a U+202E in them
 * is written `\u202E` (see jsonEscapedControls).
 */
function jsonText(value: unknown, indent?: number): string {
  return jsonEscapedControls(JSON.stringify(value, null, indent));
}

export function toJson(result: CheckResult, lang: Lang): string {
  const items = [...result.sheets.map((s) => sheetJson(s, lang)), ...result.failures.map((f) => failureJson(f, lang))];
  return `${jsonText(items, 2)}\n`;
}

/**
 * One object of toJson's array as it stands there (indented by two), so the array can be written an object at a
 * time: "[\n" + the objects joined by ",\n" + "\n]\n" is toJson's text ("[]\n" when there are none). Text in JSON
 * never holds a raw line break, so indenting every line is safe.
 */
function jsonItemText(item: unknown): string {
  return `  ${jsonText(item, 2).replace(/\n/g, "\n  ")}`;
}

/** --format jsonl: the objects of toJson, one per line ("" when there are none). */
export function toJsonLines(result: CheckResult, lang: Lang): string {
  return jsonLines(result.sheets, result.failures, lang);
}

function jsonLines(sheets: readonly SheetResult[], failures: readonly FileFailure[], lang: Lang): string {
  const items = [...sheets.map((s) => sheetJson(s, lang)), ...failures.map((f) => failureJson(f, lang))];
  return items.map((item) => `${jsonText(item)}\n`).join("");
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

/**
 * The parts of the previous year an auditfile's periods cover, when they do not cover it whole and its figure is
 * read from the entries (an assumed €0 only when they cover part of it: without any part, "(assumed)" says it).
 */
function partialOf(s: SheetResult): readonly (readonly [Day, Day])[] | null {
  const covered = s.previousYearPartial ?? null;
  const basis = s.summary.previousYearBasis;
  if (covered === null || s.summary.previousYearCents === null) return null;
  return basis === "data" || (basis === "assumed-zero" && covered.length > 0) ? covered : null;
}

/** As partialOf, for last year's Union turnover (the same entries, so the same periods); null without an EU view. */
function euPartialOf(s: SheetResult): readonly (readonly [Day, Day])[] | null {
  const covered = s.previousYearPartial ?? null;
  const basis = s.summary.eu?.previousUnionBasis;
  if (covered === null || basis === undefined) return null;
  return basis === "data" || (basis === "assumed-zero" && covered.length > 0) ? covered : null;
}

/** The words beside last year's Union turnover when the auditfiles cover that year only in part; else null. */
function euPartialText(s: SheetResult, lang: Lang): string | null {
  const covered = euPartialOf(s);
  return covered === null ? null : out.previousPartial(s.summary.year - 1, covered)[lang];
}

function previousText(s: SheetResult, lang: Lang): string {
  const sum = s.summary;
  if (sum.previousYearBasis === "not-needed" || sum.previousYearCents === null) return out.notNeeded[lang];
  const amount = formatEuros(sum.previousYearCents, lang);
  // Before 2025 a typed figure is shown as given (it was reported "not needed"), saying it does not decide the year.
  const text =
    sum.previousYearBasis === "assumed-zero"
      ? `${amount} ${out.assumed[lang]}`
      : sum.previousYearBasis === "given" && !previousYearTested(sum.year)
        ? `${amount} (${out.givenNotTested(sum.year, NEW_KOR_RULES_YEAR)[lang]})`
        : amount;
  const note = previousIncomplete(s, lang);
  return note === null ? text : `${text} — ${note}`;
}

/**
 * The words beside the previous year's figure when it may not be that year's turnover, else null: an auditfile's
 * previous year covered only in part (partialOf), or a CSV or sheet whose rows of that year start late
 * (previous-year-starts-late says more). The table's Vorig jaar and the CSV's vorig_jaar_onvolledig.
 */
function previousIncomplete(s: SheetResult, lang: Lang): string | null {
  const covered = partialOf(s);
  if (covered !== null) return out.previousPartial(s.summary.year - 1, covered)[lang];
  const from = s.summary.previousYearRowsFrom;
  return from === null ? null : out.previousRowsFrom(s.summary.year - 1, from)[lang];
}

/**
 * File and sheet names and quoted cell text reach the terminal: an ESC sequence or a direction override in
 * them must not act (clear the screen, reverse a line), so every control character is shown escaped.
 */
const v = visibleControls;

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

/** The terminal width kor-check writes for: $COLUMNS, else 80. Narrower than 40 is taken as 40. */
export function terminalWidth(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 0 ? Math.max(40, n) : 80;
}

/**
 * Wraps `text` to `width` display characters, the first line after `first` and every next line after
 * `indent` (both counted in the width). Words longer than a line are broken.
 */
export function wrap(text: string, width: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string): number => Math.max(10, width - width_(prefix));
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    let w = word;
    while (width_(w) > room(indent)) {
      // A word longer than any line: fill the current line's rest, then break.
      if (!empty) {
        lines.push(line);
        line = indent;
        empty = true;
      }
      const chars = [...w];
      lines.push(line + chars.slice(0, room(line)).join(""));
      w = chars.slice(room(line)).join("");
      line = indent;
    }
    if (w === "") continue;
    if (!empty && width_(line) + 1 + width_(w) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? "" : " ") + w;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

function width_(text: string): number {
  return [...text].length;
}

/** Shortens `text` to `max` display characters with "…" in the middle (file names keep their end). */
function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(chars.length - tail).join("") : ""}`;
}

function adviceFor(s: SheetResult): Advice {
  const name = s.crossingName;
  const crossingRow = s.summary.crossing?.row;
  const rowName = name === undefined ? undefined : (row: number): Localized => (row === crossingRow ? name : plainRowName(row));
  return adviceOf(s.summary, { errorRows: s.yearErrorCount ?? s.errorCount, ...(rowName !== undefined ? { rowName } : {}) });
}

/** The table's short "by when": "direct" after a crossing, else the registration deadline. */
function dueCell(advice: Advice, lang: Lang): string {
  if (advice.due === null) return "—";
  if (advice.due.immediate) return out.atOnce[lang];
  return formatDay(advice.due.day, lang);
}

/**
 * A Union crossing of €100,000 (kor-rules.md section 7): the day to inform the Belastingdienst by, its line
 * ("EU-KOR: report the Union crossing to the Belastingdienst by 1 December 2026 (today)") and whether it comes
 * before the advice's own date (a registration deadline later than it; not an "at once"), so the table shows the
 * most urgent date first. Once that day has passed (`overdue`) the line says so ("EU-KOR: overdue — report the
 * Union crossing at once") and always comes first. Null without a crossing.
 */
function euNotify(sum: YearSummary, advice: Advice, lang: Lang): { day: Day; text: string; first: boolean; overdue: boolean } | null {
  const x = sum.eu?.crossing ?? null;
  const today = sum.deadlines.today;
  if (x === null) return null;
  if (x.notifyBy < today) return { day: x.notifyBy, text: out.euNotifyOverdue[lang], first: true, overdue: true };
  const first = advice.due === null || (!advice.due.immediate && x.notifyBy < advice.due.day);
  return { day: x.notifyBy, text: out.euNotifyBy(formatDay(x.notifyBy, lang), countdown(x.notifyBy - today)[lang])[lang], first, overdue: false };
}

/**
 * The date lines under one sheet: the advice's date (`korText`) and the Union crossing's (euNotify), the more
 * urgent first; with both, the advice's is labelled "KOR:" so neither line is read as the other's.
 */
function dateLines(sum: YearSummary, advice: Advice, korText: string | null, lang: Lang): string[] {
  const eu = euNotify(sum, advice, lang);
  if (eu === null) return korText === null ? [] : [korText];
  if (korText === null) return [eu.text];
  // "KOR: by 3 December 2026" under several sheets, where the advice's text starts with "By".
  const kor = `${out.kor[lang]}: ${korText.charAt(0).toLowerCase()}${korText.slice(1)}`;
  return eu.first ? [eu.text, kor] : [kor, eu.text];
}

/** The narrow table's date: the advice's (dueCell), or the Union crossing's when that comes first (overdue: "at once"). */
function dueCellOf(sum: YearSummary, advice: Advice, lang: Lang): string {
  const eu = euNotify(sum, advice, lang);
  if (eu !== null && eu.overdue) return out.euOverdueShort[lang];
  return eu !== null && eu.first ? `${formatDay(eu.day, lang)} (${out.euKor[lang]})` : dueCell(advice, lang);
}

/**
 * The member states that fail their own test (`within` false: over, or blocked by last year), or (`within` null)
 * whose threshold is not verified, for the CSV: country codes separated by spaces. As JSON `within`, this leaves
 * out the Union test (its own column, `eu_binnen_grens`): after a Union crossing no state is usable, listed or not.
 */
function statesWhere(sum: YearSummary, within: false | null): string {
  return sum.eu === null ? "" : sum.eu.states.filter((st) => st.withinThreshold === within).map((st) => st.country).join(" ");
}

/** "1 januari 2027; aanmelden uiterlijk 3 december 2026": a next start and the day to register by. */
function startText(start: Day, deadline: Day, lang: Lang): string {
  return `${formatDay(start, lang)}; ${out.deadline[lang].toLowerCase()} ${formatDay(deadline, lang)}`;
}

/**
 * Status unknown and the participant's next start differs (kor-rules.md section 5: both outcomes): the
 * participant's, "als in de KOR: 1 juli 2027; aanmelden uiterlijk 2 juni 2027" with the reason why; else null.
 */
function ifInKorText(sum: YearSummary, lang: Lang): string | null {
  const x = sum.deadlines.participation === "unknown" ? sum.deadlines.ifInKor : null;
  if (x === null) return null;
  return `${out.ifInKor[lang]} ${startText(x.start, x.deadline, lang)}${x.reason === null ? "" : `. ${x.reason[lang]}`}`;
}

/** The next start as the table gives it: labelled "zo niet in de KOR:" when the participant's differs (ifInKorText). */
function nextStartText(sum: YearSummary, lang: Lang): string {
  const chance = nextChance(sum);
  const text = startText(chance.start, chance.deadline, lang);
  return ifInKorText(sum, lang) === null ? text : `${out.ifNotInKor[lang]} ${text}`;
}

/** A label left empty: the line continues the field above it. */
const NO_LABEL: Localized = { nl: "", en: "" };

/** One sheet as a vertical block of labelled lines, wrapped to `width`. */
function sheetBlock(s: SheetResult, lang: Lang, width: number): string[] {
  const sum = s.summary;
  const advice = adviceFor(s);
  const chance = nextChance(sum);
  const fields: [Localized, string][] = [
    [out.file, v(s.file)],
    [out.sheet, v(s.sheet)],
    [out.year, String(sum.year)],
    [out.verdict, `${verdictText(s, lang)} — ${advice.finding[lang]}`],
  ];
  if (advice.caveat !== null) fields.push([out.attention, advice.caveat[lang]]);
  if (advice.provisional !== null) fields.push([out.attention, advice.provisional[lang]]);
  if (advice.action !== null) fields.push([out.action, advice.action[lang]]);
  // The date line: the advice's date and the Union crossing's, the more urgent first.
  const dates = dateLines(sum, advice, advice.when === null ? null : advice.when[lang], lang);
  dates.forEach((text, i) => fields.push([i === 0 ? out.due : NO_LABEL, text]));
  fields.push(
    [out.countable, `${formatEuros(sum.countableCents, lang)} (${percentText(sum.percentOfThreshold, lang)} ${out.ofLimit(formatEuros(sum.thresholdCents, lang))[lang]})`],
    [out.previousYear, previousText(s, lang)],
  );
  // A participant has no next start (JSON nextStart null); its action says there is nothing to register.
  if (!sum.deadlines.participating && (sum.crossing === null || chance.start !== advice.due?.day)) fields.push([out.nextStart, nextStartText(sum, lang)]);
  // Status unknown: the participant's next start where it differs, under the one above (or in its place).
  const ifInKor = ifInKorText(sum, lang);
  if (ifInKor !== null) fields.push([fields[fields.length - 1][0] === out.nextStart ? NO_LABEL : out.nextStart, ifInKor]);
  for (const line of euTextLines(sum, lang, false, euPartialText(s, lang))) fields.push([out.euKor, line]);
  fields.push([out.problems, String(s.problems.length)]);
  if (advice.way !== null) fields.push([out.how, advice.way[lang]]);
  if (advice.link !== null) fields.push([out.source, advice.link.url]);
  const labelWidth = Math.max(...fields.map(([l]) => width_(l[lang])));
  const lines: string[] = [];
  for (const [label, value] of fields) {
    const first = label[lang] + " ".repeat(labelWidth - width_(label[lang]) + 2);
    lines.push(...wrap(value, width, " ".repeat(labelWidth + 2), first));
  }
  return lines;
}

const NARROW_COLUMNS = [out.file, out.sheet, out.year, out.countable, out.percent, out.verdict, out.dueShort];
const NARROW_RIGHT = new Set([2, 3, 4]);

/** The verdict in a narrow column: "*" marks a provisional one (explained under the table). */
function verdictShort(s: SheetResult, lang: Lang): string {
  if (s.summary.verdict === "unsupported") return out.unsupported[lang];
  const text = s.summary.verdict === "eligible" ? out.eligible[lang] : out.notEligible[lang];
  return eligibleOf(s) === null ? `${text} *` : text;
}

function narrowRow(s: SheetResult, lang: Lang): string[] {
  const sum = s.summary;
  const advice = adviceFor(s);
  return [v(s.file), v(s.sheet), String(sum.year), formatEuros(sum.countableCents, lang), percentText(sum.percentOfThreshold, lang), verdictShort(s, lang), dueCellOf(sum, advice, lang)];
}

/**
 * Many sheets: a table that fits `width` (file and sheet names shortened with "…" when needed, the
 * percentage dropped last), then per sheet its finding, action and date, wrapped.
 */
function sheetsTable(sheets: readonly SheetResult[], lang: Lang, width: number): string[] {
  const header = NARROW_COLUMNS.map((c) => c[lang]);
  let rows = sheets.map((s) => narrowRow(s, lang));
  let head = header;
  let right: ReadonlySet<number> = NARROW_RIGHT;
  const tableWidth = (h: readonly string[], r: readonly (readonly string[])[]): number =>
    h.reduce((sum, cell, c) => sum + Math.max(width_(cell), ...r.map((row) => width_(row[c] ?? ""))), 0) + 2 * (h.length - 1);
  const shrink = (col: number, floor: number): void => {
    const over = tableWidth(head, rows) - width;
    if (over <= 0) return;
    const current = Math.max(width_(head[col]), ...rows.map((r) => width_(r[col])));
    const max = Math.max(floor, current - over);
    rows = rows.map((r) => r.map((cell, c) => (c === col ? shorten(cell, max) : cell)));
  };
  // Shorten the file and sheet names a little, then leave out the percentage (it is in the details
  // below), then shorten the names down to 8 characters.
  shrink(0, 16);
  shrink(1, 12);
  if (tableWidth(head, rows) > width) {
    head = head.filter((_, c) => c !== 4);
    rows = rows.map((r) => r.filter((_, c) => c !== 4));
    right = new Set([2, 3]);
  }
  shrink(0, 8);
  shrink(1, 8);
  const lines = alignTable(head, rows, right).split("\n");
  if (sheets.some((s) => eligibleOf(s) === null && s.summary.verdict !== "unsupported")) lines.push(...wrap(out.provisionalNote[lang], width, "  ", ""));
  lines.push("");
  for (const s of sheets) {
    const advice = adviceFor(s);
    lines.push(...wrap(`${v(s.file)} › ${v(s.sheet)} (${s.summary.year})`, width, "  ", ""));
    // The date lines: the advice's and the day to report a Union crossing by (euNotify), earlier first.
    const dates = dateLines(s.summary, advice, advice.dueText === null ? null : advice.dueText[lang], lang);
    for (const line of [advice.finding[lang], ...(advice.caveat !== null ? [advice.caveat[lang]] : []), ...(advice.provisional !== null ? [advice.provisional[lang]] : []), ...(advice.action !== null ? [advice.action[lang]] : []), ...dates]) {
      lines.push(...wrap(line, width, "    ", "  "));
    }
    // Status unknown and the outcomes differ: both next starts (the action and date above name neither or one).
    const ifInKor = ifInKorText(s.summary, lang);
    if (ifInKor !== null) {
      for (const line of [nextStartText(s.summary, lang), ifInKor]) lines.push(...wrap(`${out.nextStart[lang]} ${line}`, width, "    ", "  "));
    }
    if (s.summary.previousYearBasis === "assumed-zero" || previousIncomplete(s, lang) !== null) lines.push(...wrap(`${out.previousYear[lang]}: ${previousText(s, lang)}`, width, "    ", "  "));
    for (const line of euTextLines(s.summary, lang, false, euPartialText(s, lang))) lines.push(...wrap(`${out.euKor[lang]}: ${line}`, width, "    ", "  "));
  }
  return lines;
}

/** The table output for a terminal `width` characters wide (see terminalWidth). */
export function toTable(result: CheckResult, lang: Lang, width = 80): string {
  const parts: string[] = [];
  const para = (text: string): string => wrap(text, width, "").join("\n");
  if (result.sheets.length === 1) {
    parts.push(sheetBlock(result.sheets[0], lang, width).join("\n"));
    if (result.sheets[0].summary.previousYearBasis === "assumed-zero") parts.push(para(out.assumedNote[lang]));
    parts.push(para(out.conditionNote[lang]));
  } else if (result.sheets.length > 1) {
    parts.push(sheetsTable(result.sheets, lang, width).join("\n"));
    if (result.sheets.some((s) => s.summary.previousYearBasis === "assumed-zero")) parts.push(para(out.assumedNote[lang]));
    parts.push(para(out.conditionNote[lang]));
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
      lines.push(...wrap(`${v(s.file)} › ${v(s.sheet)}`, width, "    ", "  "));
      for (const p of s.problems.slice(0, TABLE_PROBLEMS_PER_SHEET)) lines.push(...wrap(v(p.message[lang]), width, "      ", "    "));
      if (s.problems.length > TABLE_PROBLEMS_PER_SHEET) lines.push(...wrap(out.moreProblems(s.problems.length - TABLE_PROBLEMS_PER_SHEET)[lang], width, "      ", "    "));
    }
    parts.push(lines.join("\n"));
  }
  // A file with no invoice list has its sheets under "skipped sheets", each with its reason: list it there only.
  const skippedFiles = new Set(result.skipped.map((k) => k.file));
  const notRead = result.failures.filter((f) => !skippedFiles.has(f.file));
  if (notRead.length > 0) {
    parts.push([`${out.notRead[lang]}:`, ...notRead.flatMap((f) => wrap(`${v(f.file)}: ${v(f.reason[lang])}`, width, "    ", "  "))].join("\n"));
  }
  if (result.skipped.length > 0) {
    parts.push([`${out.skippedSheets[lang]}:`, ...result.skipped.flatMap((k) => wrap(`${v(k.file)} › ${v(k.sheet)}: ${v(k.reason[lang])}`, width, "    ", "  "))].join("\n"));
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
    ? [...LEGACY_CSV_COLUMNS.nl, "actie", "let_op", ...EU_CSV_COLUMNS.nl, "volgende_start_als_in_kor", "aanmelden_uiterlijk_als_in_kor", ...EU_CROSSING_CSV_COLUMNS.nl, "vorig_jaar_onvolledig"]
    : [...LEGACY_CSV_COLUMNS.en, "action", "note", ...EU_CSV_COLUMNS.en, "next_start_if_in_kor", "register_by_if_in_kor", ...EU_CROSSING_CSV_COLUMNS.en, "previous_year_incomplete"];
}

/**
 * The CSV's column names before the previous year's incompleteness (an auditfile covering it in part) was added at
 * the end (1 December 2026), so a kor-check CSV of before is still recognised as ours.
 */
export function csvColumnsBeforePartial(lang: Lang): string[] {
  return csvColumns(lang).slice(0, -1);
}

/** The Union crossing (JSON `eu.crossing`), added last (1 December 2026): its day, its row, the day to notify by. */
const EU_CROSSING_CSV_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  nl: ["eu_grens_overschreden_op", "eu_grens_rij", "eu_melden_uiterlijk"],
  en: ["union_crossing_date", "union_crossing_row", "union_notify_by"],
};

/** The EU-KOR columns, added after "actie"/"action" and "let_op"/"note" (1 December 2026). */
const EU_CSV_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  nl: ["eu_omzet", "eu_vorig_jaar", "eu_binnen_grens", "eu_lidstaten_erboven", "eu_lidstaten_onbekend"],
  en: ["union_turnover", "union_previous_year", "union_within", "states_over", "states_unknown"],
};

/**
 * The CSV's column names before the EU-KOR columns were added at the end (1 December 2026), so an older kor-check
 * CSV is still recognised as ours.
 */
export function csvColumnsBeforeEu(lang: Lang): string[] {
  return csvColumns(lang).slice(0, LEGACY_CSV_COLUMNS[lang].length + 2);
}

/**
 * The CSV's column names before the participant's next start was added at the end (1 December 2026), so a
 * kor-check CSV of before is still recognised as ours.
 */
export function csvColumnsBeforeIfInKor(lang: Lang): string[] {
  return csvColumns(lang).slice(0, LEGACY_CSV_COLUMNS[lang].length + 2 + EU_CSV_COLUMNS[lang].length);
}

/**
 * The CSV's column names before the Union crossing was added at the end (1 December 2026), so a kor-check CSV of
 * before is still recognised as ours.
 */
export function csvColumnsBeforeEuCrossing(lang: Lang): string[] {
  return csvColumns(lang).slice(0, LEGACY_CSV_COLUMNS[lang].length + 2 + EU_CSV_COLUMNS[lang].length + 2);
}

/**
 * The CSV's first 16 columns, as they were before "actie"/"action" and "let_op"/"note" were added at the end
 * (so a firm's import by position still finds them, and an older kor-check CSV is still recognised as ours).
 */
export const LEGACY_CSV_COLUMNS: Readonly<Record<Lang, readonly string[]>> = {
  nl: ["bestand", "blad", "jaar", "omzet_die_meetelt", "procent_van_grens", "oordeel", "binnen_kor", "grens_overschreden_op", "grens_rij", "grens_bedrag", "vorig_jaar", "vorig_jaar_aangenomen", "volgende_start", "aanmelden_uiterlijk", "problemen", "fout"],
  en: ["file", "sheet", "year", "countable", "percent_of_threshold", "verdict", "eligible", "crossing_date", "crossing_row", "crossing_amount", "previous_year", "previous_year_assumed", "next_start", "deadline", "problems", "error"],
};

/** Index of the CSV's "fout"/"error" column: a file that could not be read has its reason there. */
const CSV_ERROR_COLUMN = LEGACY_CSV_COLUMNS.en.indexOf("error");

/** The CSV's first line. */
export function csvHeader(lang: Lang): string {
  return csvColumns(lang).join(csvSeparator(lang));
}

/** The first line of a CSV from a kor-check before the action and note columns (see LEGACY_CSV_COLUMNS). */
export function legacyCsvHeader(lang: Lang): string {
  return LEGACY_CSV_COLUMNS[lang].join(csvSeparator(lang));
}

function csvSeparator(lang: Lang): string {
  return lang === "nl" ? ";" : ",";
}

/** One sheet's CSV line (without its line end). */
function csvSheetLine(s: SheetResult, lang: Lang): string {
  const sep = csvSeparator(lang);
  const num = (n: number | null): string => (n === null ? "" : lang === "nl" ? n.toFixed(2).replace(".", ",") : n.toFixed(2));
  const pct = (n: number | null): string => (n === null ? "" : lang === "nl" ? n.toFixed(1).replace(".", ",") : n.toFixed(1));
  const yes = lang === "nl" ? "ja" : "yes";
  const no = lang === "nl" ? "nee" : "no";
  const j = sheetJson(s, lang);
  const euCrossing = j.eu?.crossing;
  const advice = adviceFor(s);
  // Text fields (names from the client's files) go through csvText; numbers and ISO dates stay as they are.
  return [
    csvText(j.file), csvText(j.sheet ?? ""), String(j.year), num(j.countable), pct(j.percentOfThreshold),
    csvText(verdictText(s, lang)), j.eligible === null ? "" : j.eligible ? yes : no,
    j.crossing?.date ?? "", j.crossing === null ? "" : j.crossing.reference === null ? String(j.crossing.row) : csvText(j.crossing.reference), num(j.crossing?.amount ?? null),
    num(j.previousYear), j.previousYearAssumed ? yes : no, j.nextStart ?? "", j.deadline ?? "", String(j.problems.length), "",
    // What the table says under the verdict: the action ("Meld u direct af; beëindigingsdatum …") and the
    // credit-note caveat beside a crossing (kor-rules.md section 5).
    csvText(advice.action?.[lang] ?? ""), csvText(advice.caveat?.[lang] ?? ""),
    // EU-KOR (empty without an EU view): Union turnover this year and last, whether the €100,000 holds (both
    // years, no crossing), the states whose exemption does not, and those whose threshold is not verified.
    num(j.eu?.union ?? null), num(j.eu?.previousUnion ?? null), j.eu === null ? "" : j.eu.withinUnion ? yes : no, statesWhere(s.summary, false), statesWhere(s.summary, null),
    // Status unknown: the participant's next start and deadline where they differ from volgende_start (JSON ifInKor).
    j.ifInKor?.nextStart ?? "", j.ifInKor?.deadline ?? "",
    // The Union crossing of €100,000 (JSON eu.crossing): its day, its row (as grens_rij), the day to notify by.
    euCrossing?.date ?? "", euCrossing === undefined || euCrossing === null ? "" : euCrossing.reference === null ? String(euCrossing.row) : csvText(euCrossing.reference), euCrossing?.notifyBy ?? "",
    // vorig_jaar is then (perhaps) not that year's turnover (JSON previousYearPartial, previousYearRowsFrom).
    csvText(previousIncomplete(s, lang) ?? ""),
  ].map((f) => csvField(f, sep)).join(sep);
}

/** A file that could not be read, as a CSV line (without its line end): its name and, last, the reason. */
function csvFailureLine(f: FileFailure, lang: Lang): string {
  const sep = csvSeparator(lang);
  const width = csvColumns(lang).length;
  const cells = new Array<string>(width).fill("");
  cells[0] = f.file;
  cells[CSV_ERROR_COLUMN] = f.reason[lang];
  return cells.map((c) => csvField(csvText(c), sep)).join(sep);
}

/**
 * CSV for a spreadsheet: Dutch uses a semicolon and a decimal comma (as Dutch Excel opens it), English a
 * comma and a decimal point. Dates ISO (YYYY-MM-DD), amounts in euros without a currency sign.
 */
export function toCsv(result: CheckResult, lang: Lang): string {
  const lines = [csvHeader(lang), ...result.sheets.map((s) => csvSheetLine(s, lang)), ...result.failures.map((f) => csvFailureLine(f, lang))];
  return `${lines.join("\r\n")}\r\n`;
}

/** The output formats kor-check writes a file at a time, as files finish (memory does not grow with their number). */
export type StreamFormat = "csv" | "json" | "jsonl";

/**
 * toCsv, toJson and toJsonLines a file at a time, in the same order: `head` first, then `file` for each
 * file (csv and json: its sheets; jsonl: its sheets and its error line), then `end` with what csv and json
 * put last, the files that could not be read. The texts joined are byte for byte those of toCsv,
 * toJson and toJsonLines over the whole run.
 */
export class StreamedOutput {
  private items = 0;
  private readonly lastFailures: FileFailure[] = [];

  constructor(
    private readonly format: StreamFormat,
    private readonly lang: Lang,
  ) {}

  /** csv: the header line; json: nothing yet (the array opens with its first object). */
  head(): string {
    return this.format === "csv" ? `${csvHeader(this.lang)}\r\n` : "";
  }

  /** One file's text (its failures are kept for `end` in csv and json). */
  file(o: { readonly sheets: readonly SheetResult[]; readonly failures: readonly FileFailure[]; readonly text?: string }): string {
    const text = o.text ?? fileText(o, this.format, this.lang);
    if (this.format === "jsonl") return text;
    this.lastFailures.push(...o.failures);
    return this.joined(text);
  }

  /** What comes after the last file. */
  end(): string {
    const failures = this.lastFailures.splice(0);
    if (this.format === "csv") return failures.map((f) => `${csvFailureLine(f, this.lang)}\r\n`).join("");
    if (this.format === "json") {
      const tail = this.joined(failures.map((f) => jsonItemText(failureJson(f, this.lang))).join(",\n"));
      return this.items === 0 ? "[]\n" : `${tail}\n]\n`;
    }
    return "";
  }

  /** json: a file's objects after the ones before (",\n") or opening the array ("[\n"). */
  private joined(text: string): string {
    if (this.format !== "json" || text === "") return text;
    return `${this.items++ === 0 ? "[\n" : ",\n"}${text}`;
  }
}

/**
 * A file's text in a streamed format, made where the file was checked (a pool worker hands the main thread this
 * text rather than the summaries): csv, each sheet's line; json, its sheets' objects joined by ",\n"; jsonl, its
 * sheets' and error lines (toJsonLines). csv and json write the errors at the end (StreamedOutput).
 */
export function fileText(o: { readonly sheets: readonly SheetResult[]; readonly failures: readonly FileFailure[] }, format: StreamFormat, lang: Lang): string {
  if (format === "jsonl") return jsonLines(o.sheets, o.failures, lang);
  if (format === "csv") return o.sheets.map((s) => `${csvSheetLine(s, lang)}\r\n`).join("");
  return o.sheets.map((s) => jsonItemText(sheetJson(s, lang))).join(",\n");
}
