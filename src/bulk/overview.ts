/**
 * The all-sheets overview, Office-free: one line per checked sheet (or Excel table), or per group of
 * sheets that belong to one business, each with the year summary's key figures. The pane, the overview
 * sheet and the tests use it; the Office.js glue only supplies the rows read from the workbook.
 */
import { visibleControls } from "../i18n/safeText";
import type { Localized, Lang } from "../i18n/types";
import { formatDay, yearOf, type Day } from "../rules/dates";
import { formatEuros, type Cents } from "../rules/money";
import { UNKNOWN_PARTICIPATION, type FilingPeriod, type InvoiceRow, type Participation, type Problem, type ProblemSeverity } from "../rules/types";
import type { PreviousYearBasis, Verdict, YearSummary } from "../rules/summary-types";
import { defaultDataYear, problemsOfYear, summarizeYear } from "../rules/summary";
import { creditNoteCaveatShort } from "../rules/eligibility";
import type { Grouping } from "./groups";
import { BASIS_TEXT, fromSheetText, type OverviewColumn, PARTICIPATION_TEXT, previousBasisText, previousRowsFromText, TEXT, VERDICT_TEXT } from "./strings";
import { summarizeWithSheets } from "./sheetYears";

/** One checked invoice list: a worksheet's used range, or one Excel table. */
export interface CheckedUnit {
  /** Stable id (worksheet id, or worksheet id + table id); what groups store. */
  readonly id: string;
  readonly sheet: string;
  /** Excel table name when the unit is a table, else null. */
  readonly table: string | null;
  /** Rows numbered as sheet rows. */
  readonly rows: readonly InvoiceRow[];
  /** Reading problems, numbered as sheet rows. */
  readonly problems: readonly Problem[];
  /** A row not kept (All sheets keeps only the years it needs) names a country: see SummaryOptions.countryInRowsLeftOut. */
  readonly droppedCountry?: boolean;
  /** The years with rows or dated problems, also those not kept (YearWindow.yearsRead; sheetYears.ts lendsYears). */
  readonly yearsRead?: readonly number[];
  /** Where the year report of this list keeps its settings (host.settings key), when it is a list one reads. */
  readonly settingsKey?: string;
}

export interface UnitRef {
  readonly id: string;
  readonly sheet: string;
  readonly table: string | null;
}

export interface OverviewProblem {
  readonly sheet: string;
  readonly table: string | null;
  readonly row: number | null;
  readonly severity: ProblemSeverity;
  readonly code: string;
  readonly message: Localized;
}

export interface OverviewCrossing {
  readonly day: Day;
  readonly cents: Cents;
  readonly sheet: string;
  readonly table: string | null;
  /** Sheet row of the invoice that crossed the threshold. */
  readonly row: number;
  /**
   * Set when later credit notes bring the year's total back within the threshold: the short caveat shown
   * beside the crossing (creditNoteCaveatShort; the line's reasons hold the full text); else null.
   */
  readonly caveat: Localized | null;
}

export interface OverviewRow {
  /** The unit id, or "group:" + the group name. */
  readonly key: string;
  /** Sheet name, "Sheet › Table", or the group's name. */
  readonly label: string;
  readonly isGroup: boolean;
  readonly units: readonly UnitRef[];
  readonly year: number;
  readonly verdict: Verdict;
  readonly countableCents: Cents;
  readonly percentOfThreshold: number;
  readonly previousYearCents: Cents | null;
  readonly previousYearBasis: PreviousYearBasis;
  /** The sheet the previous year was taken from (a workbook with a sheet per year), else null. */
  readonly previousYearSheet: string | null;
  readonly crossing: OverviewCrossing | null;
  /** Next possible start of participation (after a crossing: the earliest re-entry) and its deadline. */
  readonly nextStart: Day;
  readonly registrationDeadline: Day;
  /**
   * The participation status the line was tested with (kor-rules.md section 5; default unknown): what
   * follows a crossing depends on it, and with "unknown" the participant's outcome is shown beside
   * `nextStart` where it differs (`ifInKor`).
   */
  readonly participation: Participation;
  /** Status "unknown" only: the next start if the business is (was) in the KOR, where it differs from `nextStart`. */
  readonly ifInKor: { readonly start: Day; readonly deadline: Day; readonly endedOn: Day | null } | null;
  readonly problems: readonly OverviewProblem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /**
   * The full summary, for the details of the line. For a group its reasons name sheet rows, but the row
   * numbers in its fields (crossing.row, problems' row) are internal: use `crossing` and `problems` instead.
   */
  readonly summary: YearSummary;
}

export interface OverviewOptions {
  readonly today: Day;
  /** One year for every line; default: each line's latest year with data not after today's (defaultDataYear). */
  readonly year?: number | null;
  readonly period?: FilingPeriod;
  /**
   * The participation status of the business a line's units belong to (the pane reads it from the
   * workbook's settings); omitted or undefined: unknown.
   */
  readonly participationOf?: (unitIds: readonly string[]) => Participation;
  /**
   * The previous-year turnover typed in a list's year report for a report of `year` (by CheckedUnit.settingsKey;
   * see model.ts previousYearGiven), or null. Used for a line of one list, as that report uses it; not for a group.
   */
  readonly previousYearOf?: (settingsKey: string, year: number) => Cents | null;
}

export function unitLabel(unit: { sheet: string; table: string | null }): string {
  return unit.table === null ? unit.sheet : `${unit.sheet} › ${unit.table}`;
}

function refOf(u: CheckedUnit): UnitRef {
  return { id: u.id, sheet: u.sheet, table: u.table };
}

/** A unit's reading problems that concern a summary (see problemsOfYear). */
function readingProblems(u: CheckedUnit, summary: YearSummary): OverviewProblem[] {
  return problemsOfYear(u.problems, summary.year, summary.previousYearBasis).map((p) => ({ sheet: u.sheet, table: u.table, row: p.row, severity: p.severity, code: p.code, message: p.message }));
}

/** A sheet row named with its sheet (or table), for texts of a group line: "blad "Winkel", rij 12". */
export function sheetRowName(unit: { sheet: string; table: string | null }, row: number): Localized {
  const label = visibleControls(unitLabel(unit));
  return { nl: `blad "${label}", rij ${row}`, en: `sheet "${label}", row ${row}` };
}

/** A member's message in a group line, prefixed with its sheet: its row numbers are that sheet's rows. */
function inSheet(unit: { sheet: string; table: string | null }, message: Localized): Localized {
  const label = visibleControls(unitLabel(unit));
  return { nl: `Blad "${label}": ${message.nl}`, en: `Sheet "${label}": ${message.en}` };
}

/**
 * The next chance to (re)join for the participation status the summary was made with (kor-rules.md
 * section 5): the summary's next start already holds a participant's re-entry after a crossing; with the
 * status unknown it is the outcome for a business not in the KOR, so it never contradicts the eligibility.
 */
export function nextChance(summary: YearSummary): { start: Day; deadline: Day } {
  const d = summary.deadlines;
  return { start: d.nextStart, deadline: d.registrationDeadline };
}

function countSeverity(problems: readonly OverviewProblem[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  for (const p of problems) if (p.severity === "error") errorCount++;
  return { errorCount, warningCount: problems.length - errorCount };
}

/** The participant's outcome beside a status-unknown line's next start, where it differs (as the year report shows it). */
function ifInKorOf(summary: YearSummary): { start: Day; deadline: Day; endedOn: Day | null } | null {
  const d = summary.deadlines;
  if (d.participation !== "unknown") return null;
  // Without `ifInKor` the re-entry follows this year's own crossing, which then ended that participation.
  const x = d.ifInKor ?? (d.reentryAfterCrossing === null ? null : { ...d.reentryAfterCrossing, endedOn: summary.crossing?.day ?? null });
  return x === null || x.start === d.nextStart ? null : { start: x.start, deadline: x.deadline, endedOn: x.endedOn };
}

function lineFrom(
  key: string,
  label: string,
  isGroup: boolean,
  units: readonly UnitRef[],
  summary: YearSummary,
  crossing: OverviewCrossing | null,
  problems: OverviewProblem[],
  participation: Participation,
  previousYearSheet: string | null = null,
): OverviewRow {
  const chance = nextChance(summary);
  return {
    key,
    label,
    isGroup,
    units,
    year: summary.year,
    verdict: summary.verdict,
    countableCents: summary.countableCents,
    percentOfThreshold: summary.percentOfThreshold,
    previousYearCents: summary.previousYearCents,
    previousYearBasis: summary.previousYearBasis,
    previousYearSheet,
    crossing,
    nextStart: chance.start,
    registrationDeadline: chance.deadline,
    participation,
    ifInKor: ifInKorOf(summary),
    problems,
    ...countSeverity(problems),
    summary,
  };
}

/**
 * One sheet or table on its own. Its reading problems go through the year summary, so only those of the
 * line's year count (a 2026 row in error is not a problem of the 2025 line). With `others` (the workbook's
 * other ungrouped sheets), a sheet per year is one business: the previous year comes from the sheet that
 * holds it (src/bulk/sheetYears.ts, as in kor-check), and the line names that sheet.
 */
export function summarizeUnit(unit: CheckedUnit, options: OverviewOptions, others: readonly CheckedUnit[] = []): OverviewRow {
  const participation = options.participationOf?.([unit.id]) ?? UNKNOWN_PARTICIPATION;
  // The previous year typed in the list's year report, for the year this line is about (as that report reads it);
  // that year is worked out here only when there is such a report to ask (else the summary's default, the same).
  const key = options.previousYearOf !== undefined ? unit.settingsKey : undefined;
  const year = options.year ?? (key !== undefined ? (defaultDataYear(unit.rows, unit.problems, options.today) ?? yearOf(options.today)) : null);
  const given = key !== undefined && year !== null ? (options.previousYearOf?.(key, year) ?? null) : null;
  const { summary, from } = summarizeWithSheets(
    { ...unit, sheet: unitLabel(unit) },
    others.map((o) => ({ ...o, sheet: unitLabel(o), ...(o.table !== null ? { worksheet: o.sheet } : {}) })),
    { today: options.today, year, period: options.period, problems: unit.problems, participation, countryInRowsLeftOut: unit.droppedCountry === true, previousYearCents: given },
  );
  const crossing = summary.crossing === null
    ? null
    : { day: summary.crossing.day, cents: summary.crossing.cents, sheet: unit.sheet, table: unit.table, row: summary.crossing.row, caveat: caveatOf(summary) };
  const problems: OverviewProblem[] = summary.problems.map((p) => ({
    sheet: unit.sheet, table: unit.table, row: p.row, severity: p.severity, code: p.code, message: p.message,
  }));
  return lineFrom(unit.id, unitLabel(unit), false, [refOf(unit)], summary, crossing, problems, participation, from?.sheet ?? null);
}

/**
 * Several sheets of one business tested as one. Rows are put together in member order and renumbered
 * 1…n internally (so rows on the same day keep member order, then sheet order); every row reference shown
 * for the group names the sheet and its own row: the crossing is mapped back to its sheet and row, the
 * reasons name rows as "blad "Winkel", rij 12" / "sheet "Winkel", row 12", and each member's problems are
 * prefixed with its sheet. Only reading problems of the group's year are shown. Row-level rule warnings come from each member's own summary, so their messages
 * name real sheet rows; warnings that only hold while the business is within the KOR ("VAT shown") are kept
 * only when the group as a whole is.
 */
export function summarizeGroup(name: string, members: readonly CheckedUnit[], options: OverviewOptions): OverviewRow {
  const total = members.reduce((n, u) => n + u.rows.length, 0);
  const combined: InvoiceRow[] = new Array<InvoiceRow>(total);
  const origin = new Int32Array(total); // member index of internal row i+1
  const starts: number[] = []; // internal index of each member's first row
  let i = 0;
  members.forEach((u, m) => {
    starts.push(i);
    for (const r of u.rows) {
      combined[i] = { row: i + 1, day: r.day, cents: r.cents, category: r.category, country: r.country, vatCents: r.vatCents };
      origin[i] = m;
      i++;
    }
  });
  /** Internal row number → the member and its sheet row. */
  const locate = (internal: number): { member: CheckedUnit; row: number } => {
    const at = internal - 1;
    const member = members[origin[at]];
    return { member, row: member.rows[at - starts[origin[at]]].row };
  };
  const participation = options.participationOf?.(members.map((u) => u.id)) ?? UNKNOWN_PARTICIPATION;
  const summary = summarizeYear(combined, {
    today: options.today,
    // As for one sheet: the latest year not after today's with a row or a dated reading problem of any member.
    year: options.year ?? defaultDataYear(combined, members.flatMap((u) => u.problems), options.today),
    period: options.period,
    participation,
    countryInRowsLeftOut: members.some((u) => u.droppedCountry === true),
    rowName: (internal) => {
      const { member, row } = locate(internal);
      return sheetRowName(member, row);
    },
  });
  let crossing: OverviewCrossing | null = null;
  if (summary.crossing !== null) {
    const { member, row } = locate(summary.crossing.row);
    crossing = { day: summary.crossing.day, cents: summary.crossing.cents, sheet: member.sheet, table: member.table, row, caveat: caveatOf(summary) };
  }
  const problems: OverviewProblem[] = [];
  for (const u of members) {
    for (const p of readingProblems(u, summary)) problems.push({ ...p, message: inSheet(u, p.message) });
    const own = summarizeYear(u.rows, { today: options.today, year: summary.year, period: options.period });
    for (const p of own.problems) {
      if (p.row === null) continue;
      if (p.code === "vat-shown-in-kor" && summary.verdict !== "eligible") continue;
      problems.push({ sheet: u.sheet, table: u.table, row: p.row, severity: p.severity, code: p.code, message: inSheet(u, p.message) });
    }
  }
  for (const p of summary.problems) {
    if (p.row !== null) continue;
    problems.push({ sheet: name, table: null, row: null, severity: p.severity, code: p.code, message: p.message });
  }
  return lineFrom(`group:${name}`, name, true, members.map(refOf), summary, crossing, problems, participation);
}

/**
 * The overview: a line per group (in grouping order, at the place of its first member) and a line per
 * ungrouped unit, in workbook order. Group members that were not found are ignored.
 */
export function buildOverview(units: readonly CheckedUnit[], grouping: Grouping, options: OverviewOptions): OverviewRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const groupOfUnit = new Map<string, string>();
  for (const g of grouping.groups) for (const m of g.members) if (byId.has(m) && !groupOfUnit.has(m)) groupOfUnit.set(m, g.name);
  const done = new Set<string>();
  const lines: OverviewRow[] = [];
  // A grouped sheet belongs to its group's business: only ungrouped sheets lend each other a previous year.
  const ungrouped = units.filter((u) => !groupOfUnit.has(u.id));
  for (const u of units) {
    const groupName = groupOfUnit.get(u.id);
    if (groupName === undefined) {
      lines.push(summarizeUnit(u, options, ungrouped));
      continue;
    }
    if (done.has(groupName)) continue;
    done.add(groupName);
    const g = grouping.groups.find((x) => x.name === groupName);
    const members = (g?.members ?? [])
      .filter((m) => groupOfUnit.get(m) === groupName)
      .map((m) => byId.get(m))
      .filter((m): m is CheckedUnit => m !== undefined);
    lines.push(members.length >= 2 ? summarizeGroup(groupName, members, options) : summarizeUnit(u, options));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Sorting and display

export type SortDirection = "ascending" | "descending";

const VERDICT_ORDER: Readonly<Record<Verdict, number>> = { "not-eligible": 0, eligible: 1, unsupported: 2 };
const PARTICIPATION_ORDER: Readonly<Record<Participation["status"], number>> = { in: 0, unknown: 1, out: 2 };

/** The participation cell: the status the line was tested with, and the participant's outcome where it differs. */
export function participationText(line: OverviewRow, lang: Lang): string {
  const p = line.participation;
  if (p.status === "out") return PARTICIPATION_TEXT.out[lang];
  if (p.status === "in") {
    const { participationEnded: ended, participationEndedIn: endedIn, participationCouldNotStart: couldNotStart } = line.summary.deadlines;
    if (couldNotStart !== null) return PARTICIPATION_TEXT.couldNotStart(formatDay(p.since, lang))[lang];
    if (ended === null && endedIn !== null) return PARTICIPATION_TEXT.endedIn(endedIn)[lang];
    return (ended === null ? PARTICIPATION_TEXT.inSince(formatDay(p.since, lang)) : PARTICIPATION_TEXT.endedOn(formatDay(ended, lang)))[lang];
  }
  return line.ifInKor === null
    ? PARTICIPATION_TEXT.unknown[lang]
    : PARTICIPATION_TEXT.ifInKor(
        line.ifInKor.endedOn === null ? null : formatDay(line.ifInKor.endedOn, lang),
        formatDay(line.ifInKor.start, lang),
        formatDay(line.ifInKor.deadline, lang),
      )[lang];
}

function compareBy(column: OverviewColumn, a: OverviewRow, b: OverviewRow): number {
  switch (column) {
    case "label":
      return a.label.localeCompare(b.label, "nl", { numeric: true, sensitivity: "base" });
    case "year":
      return a.year - b.year;
    case "countable":
      return a.countableCents - b.countableCents;
    case "percent":
      return a.percentOfThreshold - b.percentOfThreshold;
    case "verdict":
      return VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
    case "crossing":
      // Lines without a crossing sort after every crossing (ascending).
      return (a.crossing?.day ?? Number.MAX_SAFE_INTEGER) - (b.crossing?.day ?? Number.MAX_SAFE_INTEGER);
    case "previousYear":
      return (a.previousYearCents ?? -1) - (b.previousYearCents ?? -1);
    case "deadline":
      return a.registrationDeadline - b.registrationDeadline;
    case "participation":
      return PARTICIPATION_ORDER[a.participation.status] - PARTICIPATION_ORDER[b.participation.status];
    case "problems":
      return a.errorCount - b.errorCount || a.warningCount - b.warningCount;
  }
}

/** A sorted copy; ties keep workbook order (the sort is stable). */
export function sortOverview(lines: readonly OverviewRow[], column: OverviewColumn, direction: SortDirection): OverviewRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...lines].sort((a, b) => sign * compareBy(column, a, b));
}

export function crossingText(c: OverviewCrossing, lang: Lang, withSheet: boolean): string {
  const where = withSheet ? `${visibleControls(unitLabel(c))} ${TEXT.row[lang]} ${c.row}` : `${TEXT.row[lang]} ${c.row}`;
  return `${formatDay(c.day, lang)} (${where})${c.caveat === null ? "" : `; ${c.caveat[lang]}`}`;
}

/** The short caveat beside a crossing that later credit notes bring back within the limit (kor-rules.md section 5). */
function caveatOf(summary: YearSummary): Localized | null {
  return summary.crossingCaveat === null ? null : creditNoteCaveatShort(summary.year, summary.countableCents);
}

/** The text of one overview cell, as the pane shows it. */
export function cellText(line: OverviewRow, column: OverviewColumn, lang: Lang): string {
  switch (column) {
    case "label":
      // The sheet or group name as shown: its control and direction characters as \u202E (the pane renders this).
      return visibleControls(line.label);
    case "year":
      return String(line.year);
    case "countable":
      return formatEuros(line.countableCents, lang);
    case "percent":
      return `${line.percentOfThreshold.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 })}%`;
    case "verdict":
      return VERDICT_TEXT[line.verdict][lang];
    case "crossing":
      return line.crossing === null ? TEXT.none[lang] : crossingText(line.crossing, lang, line.isGroup);
    case "previousYear":
      return line.previousYearCents === null || line.previousYearBasis === "not-needed"
        ? BASIS_TEXT["not-needed"][lang]
        : `${formatEuros(line.previousYearCents, lang)} (${line.previousYearSheet !== null ? fromSheetText(line.previousYearSheet)[lang] : previousBasisText(line.previousYearBasis, line.year)[lang]}${
            line.summary.previousYearRowsFrom === null ? "" : `; ${previousRowsFromText(line.summary.previousYearRowsFrom)[lang]}`
          })`;
    case "deadline": {
      if (line.summary.deadlines.participating) return PARTICIPATION_TEXT.inKorNow[lang];
      const dates = `${formatDay(line.nextStart, lang)} (${formatDay(line.registrationDeadline, lang)})`;
      return line.ifInKor === null ? dates : `${PARTICIPATION_TEXT.ifNotInKor[lang]} ${dates}`;
    }
    case "participation":
      return participationText(line, lang);
    case "problems":
      return String(line.errorCount + line.warningCount);
  }
}
