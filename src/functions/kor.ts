/**
 * The KOR.* functions behind the JSDoc entry points in functions.ts: argument handling, one call into the
 * rules, rendering. Each returns what Excel shows or throws the error Excel shows (see errors.ts).
 */
import type { Lang, Localized } from "../i18n/types";
import { atRow, type ReadingColumn } from "../i18n/messages";
import { cellText, readCategoryCell, readDate, readVat } from "../reading/cells";
import { columnSource, shiftDateSerial } from "../reading/rows";
import { countsForKor } from "../rules/categories";
import { findCrossing } from "../rules/crossing";
import { dayFromYmd, excelSerialFromDay, yearOf, ymdFromDay, type Day } from "../rules/dates";
import { creditNoteCaveat, eligibility, previousYearTested } from "../rules/eligibility";
import { euEligibility, isEuMemberState, isUnplacedForeign, nationalThreshold, unionTurnover } from "../rules/eu";
import type { Cents } from "../rules/money";
import { FIRST_EU_KOR_YEAR, parameterOn } from "../rules/parameters";
import { earliestStart, periodStartOnOrAfter, periodsOfYear, registrationDeadline } from "../rules/periods";
import { countableTurnover, hasRowsIn, yearsIn } from "../rules/turnover";
import { defaultYear, percentOfThreshold, previousYearStartsLate } from "../rules/summary";
import { arrayQueries } from "../rules/rowQueries";
import type { InvoiceRow, Problem } from "../rules/types";
import { revision as revisionRule, type CapitalGood } from "../rules/herziening";
import { checkYear, readCountryArg, readDateArg, readEurosArg, readPeriodArg, readYear, scalar } from "./args";
import { currentLang, supportsFormattedValues, today } from "./context";
import { guard, notAvailable, refuse } from "./errors";
import { readLedger, type Ledger } from "./ledger";
import { dateSerialOffset } from "./dateSystem";
import { firstErrorMessage, type ColumnArgs, type InvocationLike } from "./location";
import * as s from "./strings";

/** A date result: a formatted value where the client supports it (CustomFunctionsRuntime 1.4), else the serial. */
export type DateResult = number | { type: "Double"; basicValue: number; numberFormat: string };

export function dateResult(day: Day, lang: Lang): DateResult {
  // In the workbook's own date system: 1,462 lower in a 1904 workbook (dateSystem.ts).
  const serial = excelSerialFromDay(day) - dateSerialOffset();
  if (!supportsFormattedValues()) return serial;
  return { type: "Double", basicValue: serial, numberFormat: lang === "nl" ? "d-m-yyyy" : "d mmm yyyy" };
}

function euros(cents: Cents): number {
  return cents / 100;
}

/**
 * The year asked for, or else the year kor-check and the pane check (defaultYear): the latest year in the data
 * that is not after the year of today in the Netherlands (a mistyped 2062 among 2026 invoices does not pick
 * 2062), or the latest when every row is after it. Refused before 2020. null: no year and no rows.
 */
function yearOrDefault(yearArg: unknown, rows: readonly InvoiceRow[]): number | null {
  const given = readYear(yearArg);
  if (given !== null) return given;
  const year = defaultYear(yearsIn(rows), today());
  return year === null ? null : checkYear(year);
}

function requireYear(year: number | null): number {
  return year === null ? notAvailable(s.NO_ROWS) : year;
}

const KOR_COLUMNS: ColumnArgs = { date: 0, amount: 1, category: 2 };
const EU_COLUMNS: ColumnArgs = { date: 0, amount: 1, country: 2, category: 3 };
const EU_ELIGIBLE_COLUMNS: ColumnArgs = { date: 0, amount: 1, country: 2, category: 4 };

function korLedger(dates: unknown, amounts: unknown, categories: unknown, invocation?: InvocationLike | null): Ledger {
  return readLedger({ dates, amounts, categories }, KOR_COLUMNS, invocation);
}

function requireRange(countries: unknown): unknown {
  return countries === null || countries === undefined ? refuse(s.missingArgument(s.ARG.countries)) : countries;
}

/**
 * Refuses (#VALUE!, naming the first cell) when a `buitenland` row of one of `years` has no country or NL: it
 * cannot be placed in a member state, and leaving it out would give a Union turnover that is too low (the pane
 * and kor-check warn about such rows; a function can only return a value). Rows of other years do not change
 * the answer and are not refused.
 */
function refuseUnplacedForeign(rows: readonly InvoiceRow[], years: readonly number[], columns: ColumnArgs, invocation?: InvocationLike | null): void {
  const problems: Problem[] = [];
  for (const r of rows) {
    if (!isUnplacedForeign(r.category, r.country) || !years.includes(yearOf(r.day))) continue;
    const body = r.country === null ? s.foreignWithoutCountry() : s.foreignInNl();
    problems.push({ row: r.row, severity: "error", code: r.country === null ? "foreign-without-country" : "foreign-in-nl", column: "country", value: r.country, day: r.day, message: atRow(r.row, body) });
  }
  const message = firstErrorMessage(problems, columns, invocation);
  if (message !== null) refuse(message);
}

export function countable(dates: unknown, amounts: unknown, categories: unknown, year: unknown, invocation?: InvocationLike | null): number {
  return guard(currentLang(), () => {
    const { rows } = korLedger(dates, amounts, categories, invocation);
    const y = yearOrDefault(year, rows);
    if (y === null) return 0;
    return euros(countableTurnover(rows, y).countableCents);
  });
}

export function eligible(
  dates: unknown,
  amounts: unknown,
  categories: unknown,
  year: unknown,
  previousYearTurnover: unknown,
  invocation?: InvocationLike | null,
): boolean {
  return guard(currentLang(), () => {
    const prev = readEurosArg(previousYearTurnover, s.ARG.previousYearTurnover, s.PREVIOUS_NEGATIVE);
    const { rows } = korLedger(dates, amounts, categories, invocation);
    const y = requireYear(yearOrDefault(year, rows));
    const r = eligibility({ rows, year: y, previousYearCents: prev });
    if (r.verdict === "unsupported") return refuse(s.yearBeforeKor(y));
    return r.verdict === "eligible";
  });
}

export function crossing(dates: unknown, amounts: unknown, categories: unknown, year: unknown, invocation?: InvocationLike | null): DateResult {
  const lang = currentLang();
  return guard(lang, () => {
    const { rows } = korLedger(dates, amounts, categories, invocation);
    const y = yearOrDefault(year, rows);
    if (y === null) return notAvailable(s.NO_ROWS);
    const c = findCrossing(rows, y);
    if (c === null) return notAvailable(s.notExceeded(y));
    return dateResult(c.day, lang);
  });
}

export function deadline(startDate: unknown, period: unknown): DateResult {
  const lang = currentLang();
  return guard(lang, () => {
    const day = readDateArg(startDate, s.ARG.startDate);
    const p = readPeriodArg(period);
    const start = periodStartOnOrAfter(day, p);
    if (start > LAST_EXCEL_DAY) refuse(s.pastLastExcelDate(day));
    checkYear(yearOf(start));
    return dateResult(registrationDeadline(start), lang);
  });
}

const FIRST_RECEIVED_DAY = dayFromYmd(2019, 1, 1);
/** Excel's last date (serial 2958465): a date function never answers past it. */
const LAST_EXCEL_DAY = dayFromYmd(9999, 12, 31);

export function start(receivedDate: unknown, period: unknown): DateResult {
  const lang = currentLang();
  return guard(lang, () => {
    const day = readDateArg(receivedDate, s.ARG.receivedDate);
    const p = readPeriodArg(period);
    if (day < FIRST_RECEIVED_DAY) refuse(s.receivedTooEarly(day));
    const first = earliestStart(day, p);
    if (first > LAST_EXCEL_DAY) refuse(s.pastLastExcelDate(day));
    return dateResult(first, lang);
  });
}

export function status(
  dates: unknown,
  amounts: unknown,
  categories: unknown,
  year: unknown,
  previousYearTurnover: unknown,
  invocation?: InvocationLike | null,
): string {
  const lang = currentLang();
  return guard(lang, () => {
    const prev = readEurosArg(previousYearTurnover, s.ARG.previousYearTurnover, s.PREVIOUS_NEGATIVE);
    const { rows } = korLedger(dates, amounts, categories, invocation);
    const y = requireYear(yearOrDefault(year, rows));
    const r = eligibility({ rows, year: y, previousYearCents: prev });
    if (r.verdict === "unsupported") return refuse(s.yearBeforeKor(y));
    const threshold = r.thresholdCents;
    const text = s.status({
      year: y,
      eligible: r.verdict === "eligible",
      countableCents: r.countableCents,
      thresholdCents: threshold,
      // The summary's figure (never 100.0% below the threshold, as the pane and kor-check show it).
      percent: percentOfThreshold(r.countableCents, threshold),
      crossingDay: r.crossing === null ? null : r.crossing.day,
      crossingCaveat: r.crossingCaveat,
      headroomCents: Math.max(0, threshold - r.countableCents),
      previous:
        r.previousYearBasis === "not-needed" || r.previousYearCents === null
          ? { basis: "not-needed" }
          : !previousYearTested(y)
            ? // Before 2025 a typed previous year decides nothing, but it is shown as given (was "not needed", as if not typed).
              {
                basis: "given-untested",
                cents: r.previousYearCents,
                over: r.previousYearCents > threshold,
                rowsCents: hasRowsIn(rows, y - 1) ? countableTurnover(rows, y - 1).countableCents : null,
              }
            : {
                basis: r.previousYearBasis,
                cents: r.previousYearCents,
                over: r.previousYearCents > threshold,
                rowsCents: r.previousYearBasis === "given" && hasRowsIn(rows, y - 1) ? countableTurnover(rows, y - 1).countableCents : null,
                // Crossed, then brought back within the limit by credit notes: still fails (kor-rules.md section 5).
                crossingDay: r.previousYearCrossing === null ? null : r.previousYearCrossing.day,
                // Its rows start late in it (an export from 1 December?): the pane and kor-check say so beside the figure.
                rowsFrom: previousYearStartsLate(arrayQueries(rows), y, r, threshold),
              },
    });
    return text[lang];
  });
}

export function report(dates: unknown, amounts: unknown, categories: unknown, year: unknown, invocation?: InvocationLike | null): (string | number)[][] {
  const lang = currentLang();
  return guard(lang, () => {
    const { rows } = korLedger(dates, amounts, categories, invocation);
    const y = requireYear(yearOrDefault(year, rows));
    const threshold = parameterOn("kor-threshold", dayFromYmd(y, 1, 1));
    const cross = findCrossing(rows, y, threshold);
    const quarters = periodsOfYear(y, "quarter");
    const sums = quarters.map(() => 0);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (!countsForKor(r.category)) continue;
      for (let q = 0; q < quarters.length; q++) {
        if (r.day >= quarters[q].start && r.day <= quarters[q].end) {
          sums[q] += r.cents;
          break;
        }
      }
    }
    const pct = (c: Cents): number => percentOfThreshold(c, threshold);
    const table: (string | number)[][] = [s.reportHeader(threshold)[lang]];
    let cumulative = 0;
    quarters.forEach((q, i) => {
      cumulative += sums[i];
      // After the crossing quarter: "over the limit" only while the cumulative is; credit notes can bring it back
      // under, and the crossing still stands (kor-rules.md section 5), as the pane says "after the crossing".
      const after = cumulative > threshold ? s.OVER[lang] : s.AFTER_CROSSING[lang];
      const state = cross === null || cross.day > q.end ? s.WITHIN[lang] : cross.day >= q.start ? s.crossedOn(cross.day)[lang] : after;
      table.push([q.label[lang], euros(sums[i]), euros(cumulative), pct(cumulative), state]);
    });
    // A crossing that later credit notes bring back within the limit: the caveat beside it (kor-rules.md section 5).
    const totalState =
      cross === null
        ? s.WITHIN[lang]
        : cumulative <= threshold
          ? `${s.crossedOn(cross.day)[lang]}. ${creditNoteCaveat(y, cumulative)[lang]}`
          : s.crossedOn(cross.day)[lang];
    table.push([s.totalLabel(y)[lang], euros(cumulative), euros(cumulative), pct(cumulative), totalState]);
    return table;
  });
}

export function isCountable(category: unknown): boolean {
  return guard(currentLang(), () => {
    const v = scalar(category, s.ARG.category);
    const r = readCategoryCell(v);
    if (r.kind === "empty") return true;
    if (r.kind === "error") return refuse(s.sentence(r.message));
    return countsForKor(r.value);
  });
}

export function euTurnover(
  dates: unknown,
  amounts: unknown,
  countries: unknown,
  categories: unknown,
  year: unknown,
  invocation?: InvocationLike | null,
): number {
  return guard(currentLang(), () => {
    const { rows } = readLedger({ dates, amounts, categories, countries: requireRange(countries) }, EU_COLUMNS, invocation, false);
    const y = yearOrDefault(year, rows);
    if (y === null) return 0;
    // Union turnover is computed from the year before the first EU-KOR year (2024, the previous year of
    // 2025's test; kor-rules.md section 7); earlier years are refused.
    if (y < FIRST_EU_KOR_YEAR - 1) return refuse(s.unionTurnoverTooEarly(y, FIRST_EU_KOR_YEAR - 1));
    refuseUnplacedForeign(rows, [y], EU_COLUMNS, invocation);
    return euros(unionTurnover(rows, y));
  });
}

export function euEligible(
  dates: unknown,
  amounts: unknown,
  countries: unknown,
  country: unknown,
  categories: unknown,
  year: unknown,
  threshold: unknown,
  previousYearUnionTurnover: unknown,
  invocation?: InvocationLike | null,
): boolean {
  return guard(currentLang(), () => {
    const state = readCountryArg(country, s.ARG.country);
    if (!isEuMemberState(state)) refuse(s.notEuState(state));
    const thresholdCents = readEurosArg(threshold, s.ARG.threshold, s.THRESHOLD_NEGATIVE);
    // A given Union turnover of the previous year wins over that year's rows (kor-rules.md sections 4 and 7).
    const previousUnionCents = readEurosArg(previousYearUnionTurnover, s.ARG.previousYearUnionTurnover, s.PREVIOUS_UNION_NEGATIVE);
    const { rows } = readLedger({ dates, amounts, categories, countries: requireRange(countries) }, EU_ELIGIBLE_COLUMNS, invocation, false);
    const y = requireYear(yearOrDefault(year, rows));
    const r = euEligibility({ rows, year: y, country: state, thresholdCents, previousUnionCents });
    const why = { nl: r.reasons.map((x) => x.nl).join(" "), en: r.reasons.map((x) => x.en).join(" ") };
    if (r.verdict === "unsupported") return refuse(why);
    // The year and the previous year both decide the answer (Union and state turnover of each).
    refuseUnplacedForeign(rows, [y - 1, y], EU_ELIGIBLE_COLUMNS, invocation);
    if (r.verdict === "needs-threshold") {
      // Greece as EL, its VAT code, also when typed as GR (the reading layer stores GR, its ISO code).
      const note = nationalThreshold(state, y).note;
      return notAvailable({
        nl: `${note.nl} Vul die grens in euro in als argument threshold.`,
        en: `${note.en} Enter that threshold in euros as the threshold argument.`,
      });
    }
    return r.verdict === "eligible";
  });
}

// ---------------------------------------------------------------------------------------------------
// REVISION: herziening on entering the KOR, one row per capital good (kor-rules.md section 8)

/** Columns of KOR.REVISION for locating problems: vatDeducted, firstUseDates, kinds. */
const REVISION_COLUMNS: ColumnArgs = { vat: 0, date: 1, category: 2 };

const KIND_WORDS: Record<string, CapitalGood["kind"]> = {
  roerend: "movable", roerendezaak: "movable", roerendezaken: "movable", roerendgoed: "movable",
  movable: "movable", moveable: "movable", movables: "movable", movableproperty: "movable",
  onroerend: "real-estate", onroerendezaak: "real-estate", onroerendezaken: "real-estate", onroerendgoed: "real-estate",
  vastgoed: "real-estate", realestate: "real-estate", immovable: "real-estate", immovableproperty: "real-estate",
};

/** "Roerend", "real estate", "Onroerende zaak", "real-estate" → the kind; null when unknown. */
export function parseKind(text: string): CapitalGood["kind"] | null {
  const key = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s._-]+/g, "");
  return KIND_WORDS[key] ?? null;
}

/** Empty as Excel passes it: 0 (desktop), null or "" (web), or spaces. */
function isBlank(v: unknown): boolean {
  return v === 0 || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The cells of a one-column (or one-row) range argument. */
function goodsCells(value: unknown, name: Localized, column: ReadingColumn): unknown[] {
  if (value === null || value === undefined) return refuse(s.missingArgument(name));
  const src = columnSource(Array.isArray(value) ? value : [[value]], column);
  if (src === null) return refuse(s.missingArgument(name));
  if ("severity" in src) return refuse(s.goodsNotOneColumn(name));
  const out: unknown[] = new Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src.table[src.start + i]?.[src.col];
  return out;
}

function goodsProblem(row: number, column: ReadingColumn, cell: unknown, body: Localized): Problem {
  return { row, severity: "error", code: "revision-input", column, value: cellText(cell), message: atRow(row, body) };
}

export function revision(
  vatDeducted: unknown,
  firstUseDates: unknown,
  kinds: unknown,
  korStartDate: unknown,
  year: unknown,
  invocation?: InvocationLike | null,
): number {
  return guard(currentLang(), () => {
    const start = readDateArg(korStartDate, s.ARG.korStartDate);
    checkYear(yearOf(start));
    // Not a silent guess: 15 July would count July as a month in the KOR, 2 January a whole year.
    if (ymdFromDay(start).day !== 1) refuse(s.badArgument(s.ARG.korStartDate, s.korStartNotFirstOfMonth(start)));
    const y = readYear(year) ?? yearOf(start);
    const vats = goodsCells(vatDeducted, s.ARG.vatDeducted, "vat");
    const dates = goodsCells(firstUseDates, s.ARG.firstUseDates, "date");
    const kindCells = goodsCells(kinds, s.ARG.kinds, "category");
    if (vats.length !== dates.length || vats.length !== kindCells.length) refuse(s.goodsHeights(vats.length, dates.length, kindCells.length));

    const goods: CapitalGood[] = [];
    const problems: Problem[] = [];
    for (let i = 0; i < vats.length; i++) {
      const row = i + 1;
      const [v, d, k] = [vats[i], dates[i], kindCells[i]];
      if (isBlank(v) && isBlank(d) && isBlank(k)) continue;
      const before = problems.length;
      let vatCents = 0;
      const vr = readVat(v);
      if (vr.kind === "error") problems.push(goodsProblem(row, "vat", v, vr.message));
      else if (vr.kind === "ok") {
        if (vr.value < 0) problems.push(goodsProblem(row, "vat", v, s.VAT_NEGATIVE));
        else vatCents = vr.value;
      }
      let firstUse: Day = 0;
      const dr = isBlank(d) ? null : readDate(shiftDateSerial(d, dateSerialOffset()));
      if (dr === null || dr.kind === "empty") problems.push(goodsProblem(row, "date", d, s.FIRST_USE_MISSING));
      else if (dr.kind === "error") problems.push(goodsProblem(row, "date", d, dr.message));
      else firstUse = dr.value;
      const kind = isBlank(k) ? null : parseKind(cellText(k));
      if (isBlank(k)) problems.push(goodsProblem(row, "category", k, s.KIND_MISSING));
      else if (kind === null) problems.push(goodsProblem(row, "category", k, s.unknownKind(cellText(k))));
      if (problems.length === before && kind !== null) goods.push({ vatCents, firstUse, kind });
    }
    const message = firstErrorMessage(problems, REVISION_COLUMNS, invocation);
    if (message !== null) refuse(message);
    return euros(revisionRule(goods, start, y).totalCents);
  });
}
