/**
 * The report sheet's content as plain data: one 2-D array of values (written in one go), number formats,
 * which rows are headings, and where the chart's data is. Pure, so it is tested without Excel.
 */
import type { Lang } from "../i18n/types";
import { voluntaryExitApplies } from "../rules/advice";
import { categoryInfo } from "../rules/categories";
import { excelSerialFromDay, formatDay } from "../rules/dates";
import { eurosFromCents, formatEuros } from "../rules/money";
import type { YearSummary } from "../rules/summary-types";
import { previousUnionText } from "../bulk/euText";
import { previousYearBasisOf, S, tPlain as t } from "../taskpane/strings";

export const REPORT_WIDTH = 6;
/**
 * Amounts as the pane writes them, "€ -2.601,34" (a Dutch Excel shows "." and "," from the locale), not
 * Excel's "-€ 2.601,34": the sign after the euro sign, in a section of its own. Shared by the overview sheet.
 */
export const EURO_FORMAT = '"€ "#,##0.00;"€ -"#,##0.00';
export const DATE_FORMAT = "d-m-yyyy";
export const PERCENT_FORMAT = "0.0%";

export type Cell = string | number;

export interface ReportContent {
  readonly values: Cell[][];
  readonly formats: string[][];
  /** 0-based row indexes: the title. */
  readonly titleRow: number;
  /** 0-based row indexes of section headings. */
  readonly headingRows: readonly number[];
  /** 0-based row indexes of table header rows (bold, shaded). */
  readonly tableHeaderRows: readonly number[];
  /** The chart's data: header row, then one row per period; columns A (label), B (cumulative), C (threshold). */
  readonly chart: { readonly headerRow: number; readonly lastRow: number; readonly crossingPoint: number | null };
}

export function verdictText(summary: YearSummary, lang: Lang): string {
  if (summary.verdict === "unsupported") return t(lang, S.verdictUnsupported(summary.year));
  if (summary.verdict === "eligible") return t(lang, S.verdictEligible(summary.year));
  const c = summary.crossing;
  if (c !== null) return `${t(lang, S.verdictNotEligible(summary.year))}: ${t(lang, S.verdictCrossed(formatDay(c.day, lang), c.row))}`;
  return t(lang, S.verdictNotEligible(summary.year));
}

/** A percentage such as 97.5 as the fraction Excel's "0.0%" format expects, without binary noise. */
const fraction = (percent: number): number => Math.round(percent * 10) / 1000;

export function categoryLabel(code: YearSummary["categories"][number]["category"], lang: Lang): string {
  return code === null ? t(lang, S.noCategory) : t(lang, categoryInfo(code).label);
}

/**
 * `previousYearSheet`: the workbook's sheet the previous year was taken from (a sheet per year), named beside it.
 * `dateSerialOffset`: subtracted from each date's 1900-system serial, DATE_1904_OFFSET for a workbook in the
 * 1904 date system (src/excel/dateSystem.ts), so the date cells show their own day there.
 */
export function buildReport(summary: YearSummary, lang: Lang, sourceName: string, previousYearSheet: string | null = null, dateSerialOffset = 0): ReportContent {
  const R = S.report;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const headingRows: number[] = [];
  const tableHeaderRows: number[] = [];
  const add = (cells: Cell[], fmt: string[] = []): number => {
    const row: Cell[] = [];
    const f: string[] = [];
    for (let c = 0; c < REPORT_WIDTH; c++) {
      row.push(cells[c] ?? "");
      f.push(fmt[c] ?? "General");
    }
    values.push(row);
    formats.push(f);
    return values.length - 1;
  };
  const eur = (cents: number): number => eurosFromCents(cents);
  const day = (d: number): number => excelSerialFromDay(d) - dateSerialOffset;
  const blank = (): number => add([]);

  const titleRow = add([t(lang, R.title(summary.year))]);
  add([t(lang, R.source), sourceName]);
  add([t(lang, R.made), day(summary.deadlines.today)], ["General", DATE_FORMAT]);
  add([t(lang, R.verdict), verdictText(summary, lang)]);
  summary.reasons.forEach((r, i) => add([i === 0 ? t(lang, R.reasons) : "", t(lang, r)]));
  blank();
  add([t(lang, R.countable), eur(summary.countableCents)], ["General", EURO_FORMAT]);
  add([t(lang, R.threshold), eur(summary.thresholdCents)], ["General", EURO_FORMAT]);
  add([t(lang, R.percent), fraction(summary.percentOfThreshold)], ["General", PERCENT_FORMAT]);
  add([t(lang, R.headroom), eur(summary.headroomCents)], ["General", EURO_FORMAT]);
  add([t(lang, R.notCounted), eur(summary.notCountedCents)], ["General", EURO_FORMAT]);
  if (summary.previousYearCents !== null) {
    const basis = previousYearBasisOf(summary, previousYearSheet);
    add([t(lang, R.previous), eur(summary.previousYearCents), t(lang, basis)], ["General", EURO_FORMAT]);
  }
  if (summary.crossing !== null) {
    // Beside the crossing: the caveat when later credit notes bring the year back within the limit (section 5).
    add([t(lang, R.crossing), day(summary.crossing.day), summary.crossingCaveat === null ? "" : t(lang, summary.crossingCaveat)], ["General", DATE_FORMAT]);
    add([t(lang, R.crossingRow), summary.crossing.row]);
  }
  blank();

  headingRows.push(add([t(lang, R.periods)]));
  const chartHeader = add([t(lang, S.colPeriod), t(lang, S.colCumulative), t(lang, R.thresholdSeries), t(lang, S.colCountable), t(lang, R.percent), t(lang, S.colStatus)]);
  tableHeaderRows.push(chartHeader);
  let crossingPoint: number | null = null;
  summary.periods.forEach((p, i) => {
    if (p.status === "crossed-here") crossingPoint = i;
    add(
      [t(lang, p.label), eur(p.cumulativeCents), eur(summary.thresholdCents), eur(p.countableCents), fraction(p.percentOfThreshold), t(lang, S.periodStatus[p.status])],
      ["General", EURO_FORMAT, EURO_FORMAT, EURO_FORMAT, PERCENT_FORMAT],
    );
  });
  const chartLast = values.length - 1;
  blank();

  headingRows.push(add([t(lang, R.categories)]));
  tableHeaderRows.push(add([t(lang, R.category), t(lang, R.counts), t(lang, S.colTurnover), t(lang, R.rows), t(lang, R.reason)]));
  for (const c of summary.categories) {
    add([categoryLabel(c.category, lang), t(lang, c.counted ? R.yes : R.no), eur(c.cents), c.rows, t(lang, c.reason)], ["General", "General", EURO_FORMAT]);
  }
  blank();

  headingRows.push(add([t(lang, R.deadlines)]));
  const d = summary.deadlines;
  // As the pane's year report and kor-check: a business in the KOR (no crossing since) has nothing to register.
  if (d.participating) add([t(lang, R.nextStart), t(lang, S.inKorNow)]);
  else {
    add([t(lang, R.nextStart), day(d.nextStart)], ["General", DATE_FORMAT]);
    add([t(lang, R.registerBy), day(d.registrationDeadline)], ["General", DATE_FORMAT]);
  }
  // A voluntary exit only where one applies: not for a business out of the KOR, not beside a crossing (it ends participation).
  if (voluntaryExitApplies(summary)) {
    add([t(lang, R.exitStart), day(d.nextExit.start)], ["General", DATE_FORMAT]);
    add([t(lang, R.exitBy), day(d.nextExit.deadline)], ["General", DATE_FORMAT]);
  }
  // Section 5: the participant's re-entry is shown for a participant, and conditionally when the status is unknown.
  add([t(lang, R.participation), t(lang, R.participationStatus[d.participation])]);
  const reentry = d.participation === "in" ? d.reentryAfterCrossing : d.participation === "unknown" ? (d.ifInKor ?? d.reentryAfterCrossing) : null;
  if (reentry !== null) {
    const conditional = d.participation === "unknown";
    add([t(lang, conditional ? R.reentryStartIfInKor : R.reentryStart), day(reentry.start)], ["General", DATE_FORMAT]);
    add([t(lang, R.reentryBy), day(reentry.deadline)], ["General", DATE_FORMAT]);
  }
  blank();

  if (summary.eu !== null) {
    headingRows.push(add([t(lang, S.euSection)]));
    const eu = summary.eu;
    // As the pane's EU section: whether both years are within the Union threshold (or why not), last year's figure, the crossing.
    const previous = previousUnionText(eu, lang);
    add(
      [t(lang, S.unionTurnover), eur(eu.unionCents), t(lang, S.unionOf(formatEuros(eu.unionThresholdCents, lang))), `${t(lang, eu.unionStatusText ?? (eu.withinUnion ? S.unionWithin : S.unionOver))}${previous}`],
      ["General", EURO_FORMAT],
    );
    if (eu.crossing !== null) {
      add([t(lang, S.euCrossing(formatDay(eu.crossing.day, lang), t(lang, eu.crossing.where), formatDay(eu.crossing.notifyBy, lang), eu.crossing.notifyWorkingDays, summary.year + 1, eu.crossing.notifyOverdue))]);
    }
    tableHeaderRows.push(add([t(lang, S.colCountry), t(lang, S.colTurnover), t(lang, S.colThreshold), t(lang, S.colStatus)]));
    for (const s of summary.eu.states) {
      add(
        [s.country, eur(s.cents), s.thresholdCents === null ? "" : eur(s.thresholdCents), t(lang, s.statusText ?? (s.withinThreshold === null ? S.stateUnknown : s.withinThreshold ? S.stateWithin : S.stateOver))],
        ["General", EURO_FORMAT, EURO_FORMAT],
      );
    }
    blank();
    headingRows.push(add([t(lang, S.euQuarterly)]));
    tableHeaderRows.push(add([t(lang, R.quarter), t(lang, S.colCountry), t(lang, S.colTurnover), t(lang, R.due)]));
    for (const q of summary.eu.quarters) {
      for (const p of q.perState) {
        add([t(lang, R.quarterLabel(q.quarter, summary.year)), p.country, eur(p.cents), day(q.due)], ["General", "General", EURO_FORMAT, DATE_FORMAT]);
      }
    }
    blank();
  }

  if (summary.problems.length > 0) {
    headingRows.push(add([t(lang, S.warningsSection)]));
    for (const p of summary.problems) add([t(lang, S.severity[p.severity]), t(lang, p.message)]);
    blank();
  }

  headingRows.push(add([t(lang, S.conditionsTitle)]));
  for (const c of summary.conditions) add([t(lang, c)]);
  blank();
  add([t(lang, R.footer)]);

  return { values, formats, titleRow, headingRows, tableHeaderRows, chart: { headerRow: chartHeader, lastRow: chartLast, crossingPoint } };
}
