/**
 * The year summary: every rule applied to one calendar year, as the single result all adapters render.
 * Each step is a linear pass over the rows (no sort, no per-row allocation), so a 1,048,576-row sheet is fine.
 */
import type { Localized } from "../i18n/types";
import {
  atNamedRows, capitalize, countedAsDutchAbroad, countedAsDutchOutsideEu, distanceSaleOutsideEu, exportWithinEu, foreignInNl, foreignWithoutCountry, intraCommunityOutsideEu,
  reverseChargeOutsideEu,
} from "../i18n/messages";
import { dayFromYmd, type Day } from "./dates";
import type { Cents } from "./money";
import type { FilingPeriod, InvoiceRow, Participation, Problem } from "./types";
import type { Deadlines, EuStateLine, EuSummary, PeriodLine, PreviousYearBasis, YearSummary } from "./summary-types";
import { FIRST_EU_KOR_YEAR, FIRST_KOR_DAY, FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR, hasParameterOn, parameterOn } from "./parameters";
import { yearBounds } from "./turnover";
import { eligibilityOf, plainRowName, previousYearTested, UNSUPPORTED_REASON } from "./eligibility";
import { earliestStart, periodsOfYear, registrationDeadline } from "./periods";
import { voluntaryExit } from "./participation";
import { givenEndsParticipation, nextPossibleStartOf, type NextStartInput } from "./next-start";
import { nationalThreshold, toleranceLimit, toleranceLimitMade, toleranceText, type CountedAbroadKind } from "./eu";
import { fastYear } from "./internal";
import { arrayQueries, type DatedRows, type RowQueries } from "./rowQueries";
import { columnQueries, type RowsByYear } from "./columns";
import { CANCELLED_INVOICE_CHECK, DISTANCE_LIMIT, countEn, countNl, dayEn, dayNl, eurEn, eurNl } from "./text";

export interface SummaryOptions {
  /** Today in the Netherlands; rules never read the clock. */
  readonly today: Day;
  /**
   * Default: the latest year with a row or a dated problem that is not after the year of `today`, else the latest
   * such year (defaultDataYear); with neither, the year of `today`.
   */
  readonly year?: number | null;
  /** Default: quarter. */
  readonly period?: FilingPeriod;
  /** The previous year's countable turnover when known from elsewhere (e.g. last year's sheet). */
  readonly previousYearCents?: Cents | null;
  /**
   * Reading problems to pass through. Only those that concern the summarised year are kept: a problem with
   * a `day` in another year belongs to that year's report (see Problem.day and problemsOfYear; the year
   * before counts too when the previous-year test takes its turnover from the rows).
   */
  readonly problems?: readonly Problem[];
  /** Added: the previous year's Union turnover for the EU-KOR, when known from elsewhere. */
  readonly previousUnionCents?: Cents | null;
  /** How reasons name a row (default "rij 12" / "row 12"); see EligibilityInput.rowName. */
  readonly rowName?: (row: number) => Localized;
  /** Whether the business is in the KOR (kor-rules.md section 5); default unknown. */
  readonly participation?: Participation;
  /**
   * Some row of the input left out of `rows` names a country (kor-check keeps only the years a summary needs):
   * the EU-KOR view is given when any row of the input names one, as where every row is passed (the pane).
   */
  readonly countryInRowsLeftOut?: boolean;
  /**
   * The source says which days its rows cover (an auditfile's header periods, whose reader warns of a part year): rows
   * that start late in a year are then not warned of as a possible partial export (lateStartWarnings).
   */
  readonly rowsSpanKnown?: boolean;
}

/**
 * The year checked when none is asked (every surface: kor-check, the pane, All sheets, the KOR.* functions):
 * of the years with a row or a dated problem (a row whose date was read but another cell not: a year whose
 * only invoices are in error is still a year with data, so its problems are not lost), the latest that is not
 * after the year of `today`. A row dated after today in a later year (a mistyped year, 2062 for 2026) does not
 * decide the year; the summary names such rows (date-after-today-later-year). Only when every year is after
 * today's is the latest year the default. null: no rows and no dated problems.
 */
export function defaultDataYear(rows: readonly InvoiceRow[], problems: readonly Problem[], today: Day): number | null {
  return defaultDataYearOf(arrayQueries(rows), problems, today);
}

export function defaultDataYearOf(rows: RowQueries, problems: readonly Problem[], today: Day): number | null {
  const years = rows.yearsIn();
  for (const p of problems) if (p.day !== null && p.day !== undefined) years.push(fastYear(p.day));
  return defaultYear(years, today);
}

/** Of `years` (any order), the latest not after the year of `today`, else the latest; null for none. */
export function defaultYear(years: readonly number[], today: Day): number | null {
  const thisYear = fastYear(today);
  let latest: number | null = null;
  let notAfter: number | null = null;
  for (const y of years) {
    if (latest === null || y > latest) latest = y;
    if (y <= thisYear && (notAfter === null || y > notAfter)) notAfter = y;
  }
  return notAfter ?? latest;
}

/**
 * The years whose rows a summary of `year` depends on: the year itself, and the year before when its
 * turnover is taken from the rows for the previous-year test (basis "data", or "assumed-zero": no readable
 * row of that year, where an unreadable one would change the outcome).
 */
export function yearsConcerned(year: number, previousYearBasis: PreviousYearBasis): number[] {
  return previousYearBasis === "data" || previousYearBasis === "assumed-zero" ? [year - 1, year] : [year];
}

/**
 * The problems that concern a summary of `year`: those without a day (whole input, unreadable date) and
 * those whose row is dated in one of yearsConcerned(year, previousYearBasis). Adapters that decide
 * "uncertain" from reading problems use this (or the summary's problems), so an error in a 2026 row does
 * not make the 2025 verdict uncertain.
 */
export function problemsOfYear(problems: readonly Problem[], year: number, previousYearBasis: PreviousYearBasis = "not-needed"): Problem[] {
  const from = yearBounds(yearsConcerned(year, previousYearBasis)[0]).from;
  const to = yearBounds(year).to;
  return problems.filter((p) => p.day === null || p.day === undefined || (p.day >= from && p.day <= to));
}

/** Rows a grouped rule warning keeps in its list (`Problem.rows`; its count is exact). */
const MAX_LISTED_ROWS = 10_000;

export const CENTRAL_ADMINISTRATION_CONDITION: Localized = {
  nl: `Voorwaarde die u zelf bevestigt: uw onderneming heeft haar hoofdvestiging (centrale administratie) in Nederland. Vanaf ${NEW_KOR_RULES_YEAR} is een vaste inrichting in Nederland van een buitenlandse onderneming niet genoeg.`,
  en: `Condition you confirm yourself: your business has its central administration in the Netherlands. From ${NEW_KOR_RULES_YEAR} a Dutch fixed establishment of a foreign business is not enough.`,
};

export const EU_CONDITION: Localized = {
  nl: "Voor de EU-KOR bevestigt u ook: u kiest per lidstaat voor deelname en gebruikt het importéénloketsysteem (IOSS) niet.",
  en: "For the EU-KOR you also confirm: you opt in per member state and do not use the import one-stop shop (IOSS).",
};

/**
 * Summarise a year: verdict and reasons, turnover per category and per filing period, the crossing,
 * deadlines from `today`, the EU-KOR view when rows carry a country, and warnings.
 */
export function summarizeYear(rows: readonly InvoiceRow[], options: SummaryOptions): YearSummary {
  return summarize(arrayQueries(rows), options);
}

/**
 * summarizeYear over a sheet's rows kept in columns per year (kor-check on a big sheet): the same summary
 * from running totals and typed arrays, without an object per row.
 */
export function summarizeColumns(rows: RowsByYear, options: SummaryOptions): YearSummary {
  return summarize(columnQueries(rows), options);
}

function summarize(rows: RowQueries, options: SummaryOptions): YearSummary {
  const today = options.today;
  const year = options.year ?? defaultDataYearOf(rows, options.problems ?? [], today) ?? fastYear(today);
  const period = options.period ?? "quarter";
  const turnover = rows.countableTurnover(year);
  const supported = year >= FIRST_KOR_YEAR;
  const participation: Participation = options.participation ?? { status: "unknown" };
  const el = supported
    ? eligibilityOf(rows, { year, previousYearCents: options.previousYearCents, rowName: options.rowName, participation })
    : null;
  const problems: Problem[] = problemsOfYear(options.problems ?? [], year, el?.previousYearBasis ?? "not-needed");
  const thresholdCents = el?.thresholdCents ?? parameterOn("kor-threshold", FIRST_KOR_DAY);
  const crossing = el?.crossing ?? null;
  const reasons: Localized[] = el ? [...el.reasons] : [UNSUPPORTED_REASON];
  if (turnover.uncategorisedRows > 0) {
    const n = turnover.uncategorisedRows;
    reasons.push({
      nl: `${countNl(n)} ${n === 1 ? "rij" : "rijen"} zonder categorie ${n === 1 ? "is" : "zijn"} als omzet meegeteld.`,
      en: `${countEn(n)} ${n === 1 ? "row" : "rows"} without a category ${n === 1 ? "was" : "were"} counted as turnover.`,
    });
  }
  const verdict = el?.verdict ?? "unsupported";
  // Section 4, worked example 26: a given previous-year figure wins; when the rows of that year disagree,
  // every surface shows it (as a warning, with both figures).
  // Before 2025 no test reads a given previous-year figure, but it still tells whether a business in the KOR in that
  // year was out from a day of it (section 5): the participant's dates read it (status "in", and status unknown's
  // outcome if in the KOR), as from 2025; for a business not in the KOR it plays no part. Before, it was dropped: a
  // participant since 2022 with €25,000 typed for 2023 was told "you are in the KOR, nothing to register" for 2024.
  const givenPrevious =
    el !== null && options.previousYearCents != null && ((el.previousYearBasis === "given" && previousYearTested(year)) || (year - 1 >= FIRST_KOR_YEAR && participation.status !== "out"))
      ? { year: year - 1, cents: options.previousYearCents }
      : null;
  if (givenPrevious !== null && rows.hasRowsIn(year - 1)) {
    const fromRows = rows.countableTurnover(year - 1).countableCents;
    if (fromRows !== givenPrevious.cents) problems.push(previousDiffers(year - 1, givenPrevious.cents, fromRows, false));
  }
  // A participant already in the KOR in the previous year, with that year's figure given over its limit: the
  // turnover went over the limit on some day of that year, which ended participation (section 5). The given figure
  // wins over that year's rows, their crossing included (next-start.ts), so also with rows of that year nothing
  // else says so; the report says what follows and how to find the day.
  if (participation.status === "in" && givenPrevious !== null && givenEndsParticipation(givenPrevious, participation.since)) {
    const prevJan1 = dayFromYmd(year - 1, 1, 1);
    problems.push(givenPreviousEndedParticipation(year - 1, givenPrevious.cents, parameterOn("kor-threshold", prevJan1), participation.since, participation.since > prevJan1));
  }

  // An export that starts later than the year (from 1 December, "last quarter"): the rows cannot tell it from a year
  // whose invoices really start then, so it is said where it can change the answer (lateStartWarnings).
  const late = el !== null && options.rowsSpanKnown !== true ? lateStartWarnings(rows, year, el, thresholdCents) : { problems: [], previousFrom: null };
  problems.push(...late.problems);

  const periods = supported ? periodLines(rows, year, period, thresholdCents, crossing?.day ?? null) : [];

  // VAT shown on an invoice while the business was in the KOR: the whole year when eligible; in a year
  // that crosses the threshold (with the previous year fine), the invoices before the crossing row: earlier
  // days, and rows of the crossing day above it in sheet order.
  // Before 2025 a given previous-year figure is shown (basis "given") but fails nothing (previousYearTested).
  const previousYearOk =
    el !== null && el.previousYearCrossing === null && (el.previousYearCents === null || !previousYearTested(year) || el.previousYearCents <= thresholdCents);
  // Written after the dates below (a participant's window depends on them), in this place among the problems.
  const vatShownAt = problems.length;

  const hasCountry = options.countryInRowsLeftOut === true || rows.anyCountry();
  const distanceOver = distanceSalesOverLimit(rows, year);
  if (distanceOver) {
    problems.push({
      row: null,
      severity: "warning",
      code: "distance-sales-over-limit",
      column: "category",
      value: "afstand-nl",
      message: {
        nl: `Uw EU-afstandsverkopen aan particulieren zijn hoger dan ${DISTANCE_LIMIT.nl} per jaar, maar staan nog als 'afstand-nl' (belast in Nederland). Boven ${DISTANCE_LIMIT.nl} zijn ze belast in het land van de klant: gebruik 'buitenland' met het land.`,
        en: `Your EU distance sales to consumers are over ${DISTANCE_LIMIT.en} a year but are still marked 'afstand-nl' (taxed in the Netherlands). Above ${DISTANCE_LIMIT.en} they are taxed in the customer's country: use 'buitenland' with the country.`,
      },
    });
  }
  const eu =
    hasCountry && year >= FIRST_EU_KOR_YEAR
      ? euSummary(rows, year, options.previousUnionCents ?? null, distanceOver, options.rowName ?? plainRowName, options.today, options.rowsSpanKnown === true)
      : null;
  if (eu !== null && options.previousUnionCents != null && rows.hasRowsIn(year - 1)) {
    const fromRows = rows.unionTurnover(year - 1);
    if (fromRows !== options.previousUnionCents) problems.push(previousDiffers(year - 1, options.previousUnionCents, fromRows, true));
  }
  if (eu !== null) foreignWithoutCountryWarnings(rows, year, problems, options.rowName);
  if (hasCountry) domesticAbroadWarnings(rows, year, problems, options.rowName);

  const conditions: Localized[] = [CENTRAL_ADMINISTRATION_CONDITION];
  if (eu !== null) conditions.push(EU_CONDITION);

  const dl = deadlines(rows, today, period, crossing?.day ?? null, participation, previousYearOk, {
    known: { year, countableCents: turnover.countableCents, crossingDay: crossing?.day ?? null },
    givenPrevious,
  });
  // Section 8: VAT shown while the business is in the KOR. Status unknown: every such invoice, conditionally. Not in the
  // KOR: none (VAT on its invoices is right). In the KOR: only from the start on, and none when the participation could
  // not start or a crossing of an earlier year (or a given previous year over the limit) had already ended it; a
  // crossing of this year ends it there, as below. Before, an invoice dated before the start was named, "correct the
  // invoice", and a business not in the KOR got the warning on every invoice.
  const vatFrom = participation.status === "in" ? participation.since : Number.NEGATIVE_INFINITY;
  const vatNone =
    participation.status === "out" ||
    (participation.status === "in" &&
      (dl.participationCouldNotStart !== null || dl.participationEndedIn !== null || (dl.participationEnded !== null && fastYear(dl.participationEnded) < year)));
  if (!vatNone) {
    const vatProblems: Problem[] = [];
    if (verdict === "eligible") vatShownWarnings(rows, year, yearBounds(year).to, Number.POSITIVE_INFINITY, vatProblems, options.rowName, vatFrom);
    else if (verdict === "not-eligible" && crossing !== null && previousYearOk) vatShownWarnings(rows, year, crossing.day, crossing.row, vatProblems, options.rowName, vatFrom);
    problems.splice(vatShownAt, 0, ...vatProblems);
  }
  if (participation.status === "in" && dl.participationCouldNotStart !== null) problems.push(couldNotStartWarning(participation.since, dl.participationCouldNotStart));
  datedAfterTodayWarnings(rows, year, today, problems, options.rowName);
  return {
    year,
    period,
    verdict,
    reasons,
    failingReason: el?.failingReason ?? null,
    thresholdCents,
    countableCents: turnover.countableCents,
    notCountedCents: turnover.notCountedCents,
    percentOfThreshold: percentOfThreshold(turnover.countableCents, thresholdCents),
    // None once the year has crossed, also when later credit notes bring its total back under (section 5).
    headroomCents: crossing !== null ? 0 : Math.max(0, thresholdCents - turnover.countableCents),
    previousYearCents: el?.previousYearCents ?? null,
    previousYearBasis: el?.previousYearBasis ?? "not-needed",
    previousYearRowsFrom: late.previousFrom,
    crossing,
    crossingCaveat: el?.crossingCaveat ?? null,
    categories: turnover.lines,
    periods,
    uncategorisedRows: turnover.uncategorisedRows,
    deadlines: dl,
    eu,
    // An earlier crossing that ended participation first: the given figure ended nothing (next-start.ts).
    problems: dl.participationEndedIn === null ? problems.filter((p) => p.code !== "previous-year-ended-participation") : problems,
    conditions,
  };
}

/**
 * The warning that a participant's given turnover of `year` (over that year's limit `limit`) means participation
 * ended in `year`, on a day the figure cannot show (kor-rules.md section 5). `joinedDuring`: participation started
 * after 1 January of `year`, so the limit may have been crossed before the start (then the start was not possible).
 */
function givenPreviousEndedParticipation(year: number, given: Cents, limit: Cents, since: Day, joinedDuring: boolean): Problem {
  const ended = joinedDuring
    ? {
        nl: `Ging de omzet op of na ${dayNl(since)} over de grens, dan is uw deelname op die dag geëindigd: vanaf die dag is btw verschuldigd, en u had zich direct moeten afmelden. Ging de omzet er vóór ${dayNl(since)} al over, dan kon u in ${year} niet meer aan de KOR meedoen: ook dan is btw verschuldigd.`,
        en: `If turnover went over the limit on or after ${dayEn(since)}, participation ended that day: VAT is due from that day, and the business should have deregistered at once. If it went over before ${dayEn(since)}, the business could no longer join the KOR in ${year}: VAT is due then too.`,
      }
    : {
        nl: `Dan is uw deelname in ${year} geëindigd op de dag dat de omzet over de grens ging: vanaf die dag is btw verschuldigd, en u had zich direct moeten afmelden.`,
        en: `Participation then ended in ${year}, on the day turnover went over the limit: VAT is due from that day, and the business should have deregistered at once.`,
      };
  return {
    row: null,
    severity: "warning",
    code: "previous-year-ended-participation",
    column: null,
    value: null,
    message: {
      nl: `U doet mee aan de KOR sinds ${dayNl(since)}, maar de opgegeven omzet ${year} van ${eurNl(given)} is hoger dan de omzetgrens van ${eurNl(limit)}. ${ended.nl} Welke dag dat was, blijkt niet uit één bedrag, en een opgegeven omzet gaat voor de facturen van ${year}: neem alle facturen van ${year} op (op dit blad of op een blad met ${year} in de naam) en geef de omzet ${year} niet meer op, om die dag en de vroegste nieuwe start te zien.`,
      en: `The business has been in the KOR since ${dayEn(since)}, but the given ${year} turnover of ${eurEn(given)} is over the turnover limit of ${eurEn(limit)}. ${ended.en} One figure cannot show which day, and a given turnover takes precedence over the invoices of ${year}: add all invoices of ${year} (on this sheet or on a sheet with ${year} in its name) and no longer give the ${year} turnover, to see that day and the earliest new start.`,
    },
  };
}

/**
 * A participation the user gives (in the KOR since S) that could not start: the year of S fails section 4 on what
 * came before S. Then the KOR did not apply and VAT is due; the registration may have been accepted all the same.
 * The business counts as not in the KOR: no exclusion follows (next-start.ts).
 */
function couldNotStartWarning(since: Day, why: Localized): Problem {
  return {
    row: null,
    severity: "warning",
    code: "participation-could-not-start",
    column: null,
    value: null,
    message: {
      nl: `U gaf op dat u sinds ${dayNl(since)} meedoet aan de KOR, maar die deelname kon niet ingaan: ${why.nl}. Dan gold de KOR niet en is over uw omzet vanaf ${dayNl(since)} btw verschuldigd. Is uw aanmelding toch aangenomen? Meld u dan direct af. Klopt de startdatum niet, pas die dan aan.`,
      en: `You said the business has been in the KOR since ${dayEn(since)}, but that participation could not start: ${why.en}. The KOR then did not apply and VAT is due on turnover from ${dayEn(since)}. Was the registration accepted all the same? Then deregister at once. If the start date is wrong, correct it.`,
    },
  };
}

/** Rows of a year that start after this day of it (no row in its first quarter) are said to start late. */
const LATE_START_AFTER = { month: 3, day: 31 } as const;

/**
 * The rows of a year read for the answer that start late in it (none in its first quarter), where that can change the
 * answer (kor-rules.md sections 4 and 5):
 * - `previous`: the previous year, when its turnover is taken from the rows (basis "data") and is within the limit
 *   without a crossing: an export from 1 December shows a small figure and an eligible year. A business that started
 *   that year is right (no annualising);
 * - `year`: the year checked, when the previous year's turnover is taken from its rows too (the business existed then;
 *   from 2025, when the previous-year test reads them): missing invoices at its start make the turnover too low and
 *   move a crossing later, or hide it.
 * Each the first day of those rows, or null. Before, both were answered as if the rows were the whole year. An
 * auditfile's header periods say what it covers (its reader warns of a part year): its callers do not ask.
 */
export function lateStarts(
  rows: RowQueries,
  year: number,
  el: { readonly previousYearBasis: PreviousYearBasis; readonly previousYearCents: Cents | null; readonly previousYearCrossing: unknown },
  thresholdCents: Cents,
): { previous: Day | null; year: Day | null } {
  return {
    previous: previousYearStartsLate(rows, year, el, thresholdCents),
    // Only where the previous year's rows are read for the answer (basis "data"): kor-check keeps another year's rows
    // only when the answer reads them, so every surface says the same.
    year: el.previousYearBasis === "data" ? lateFirstDay(rows, year) : null,
  };
}

/** lateStarts' `previous` alone (KOR.STATUS shows it beside last year's figure). */
export function previousYearStartsLate(
  rows: RowQueries,
  year: number,
  el: { readonly previousYearBasis: PreviousYearBasis; readonly previousYearCents: Cents | null; readonly previousYearCrossing: unknown },
  thresholdCents: Cents,
): Day | null {
  return el.previousYearBasis === "data" && el.previousYearCrossing === null && el.previousYearCents !== null && el.previousYearCents <= thresholdCents ? lateFirstDay(rows, year - 1) : null;
}

/** The first day of the rows of `year` when it is after LATE_START_AFTER (no row in its first quarter), else null. */
function lateFirstDay(rows: RowQueries, year: number): Day | null {
  const first = rows.firstDayIn(year);
  return first !== null && first > dayFromYmd(year, LATE_START_AFTER.month, LATE_START_AFTER.day) ? first : null;
}

/** The warnings of lateStarts, with what to check; and the previous year's first day, shown beside its figure. */
function lateStartWarnings(
  rows: RowQueries,
  year: number,
  el: { previousYearBasis: PreviousYearBasis; previousYearCents: Cents | null; previousYearCrossing: unknown },
  thresholdCents: Cents,
): { problems: Problem[]; previousFrom: Day | null } {
  const out: Problem[] = [];
  const prev = year - 1;
  const late = lateStarts(rows, year, el, thresholdCents);
  const prevFirst = late.previous;
  if (prevFirst !== null && el.previousYearCents !== null) {
    out.push({
      row: null,
      severity: "warning",
      code: "previous-year-starts-late",
      column: "date",
      value: null,
      message: {
        nl: `De rijen van ${prev} beginnen pas op ${dayNl(prevFirst)}: de omzet van ${prev} (${eurNl(el.previousYearCents)}, uit de gegevens) telt alleen de rijen vanaf die dag. Bevat het bestand niet heel ${prev} (een export vanaf een latere datum), geef dan de omzet van ${prev} op; is uw onderneming pas rond die dag begonnen, dan klopt het bedrag: geef het dan ook op als omzet van ${prev}, zodat deze melding vervalt.`,
        en: `The rows of ${prev} only start on ${dayEn(prevFirst)}: the ${prev} turnover (${eurEn(el.previousYearCents)}, from the data) counts only the rows from that day. If the file does not hold the whole of ${prev} (an export from a later date), enter the ${prev} turnover; if your business only started around that day, the figure is right: enter it as the ${prev} turnover, and this message goes.`,
      },
    });
  }
  const first = late.year;
  if (first !== null) {
    out.push({
      row: null,
      severity: "warning",
      code: "year-starts-late",
      column: "date",
      value: null,
      message: {
        nl: `De rijen van ${year} beginnen pas op ${dayNl(first)}, terwijl er ook rijen van ${prev} zijn. Ontbreken er facturen van vóór die dag (een export vanaf een latere datum), dan is de omzet van ${year} te laag en kan de omzetgrens eerder zijn overschreden. Controleer of het bestand heel ${year} bevat.`,
        en: `The rows of ${year} only start on ${dayEn(first)}, while there are rows of ${prev} too. If invoices from before that day are missing (an export from a later date), the ${year} turnover is too low and the turnover limit may have been crossed earlier. Check that the file holds the whole of ${year}.`,
      },
    });
  }
  return { problems: out, previousFrom: prevFirst };
}

/** The warning that a given previous-year figure (used) differs from the rows of that year (kor-rules.md section 4). */
function previousDiffers(year: number, given: Cents, fromRows: Cents, union: boolean): Problem {
  const what = union ? { nl: "EU-omzet", en: "Union turnover" } : { nl: "omzet", en: "turnover" };
  return {
    row: null,
    severity: "warning",
    code: union ? "previous-union-differs" : "previous-year-differs",
    column: null,
    value: null,
    message: {
      nl: `De opgegeven ${what.nl} ${year} van ${eurNl(given)} is gebruikt; de rijen van ${year} in de gegevens tellen op tot ${eurNl(fromRows)}. Controleer welk bedrag klopt.`,
      en: `The given ${year} ${what.en} of ${eurEn(given)} was used; the rows of ${year} in the data add up to ${eurEn(fromRows)}. Check which figure is right.`,
    },
  };
}

/**
 * Turnover as a percentage of the threshold with one decimal, e.g. 97.5, that never contradicts the
 * verdict: below the threshold at most 99.9, above it at least 100.1, exactly the threshold 100.0
 * (€19,999.99 of €20,000 → 99.9, not 100.0; €20,000.01 → 100.1). 0 when the threshold is 0.
 * Use this wherever a percentage of the threshold is shown, so every adapter shows the same figure.
 */
export function percentOfThreshold(cents: Cents, thresholdCents: Cents): number {
  if (thresholdCents <= 0) return 0;
  const p = Math.round((cents * 1000) / thresholdCents) / 10;
  if (cents < thresholdCents && p >= 100) return 99.9;
  if (cents > thresholdCents && p <= 100) return 100.1;
  return p;
}

function periodLines(
  rows: RowQueries,
  year: number,
  period: FilingPeriod,
  threshold: Cents,
  crossingDay: Day | null,
): PeriodLine[] {
  const list = periodsOfYear(year, period);
  const { from, to } = yearBounds(year);
  // Period index per day of the year: a table lookup per row instead of calendar maths.
  const periodOfDay = new Uint8Array(to - from + 1);
  for (const p of list) periodOfDay.fill(p.index - 1, p.start - from, p.end - from + 1);
  const sums = rows.countableBySlot(year, periodOfDay, list.length);
  let cumulative = 0;
  return list.map((p, i) => {
    cumulative += sums[i];
    const status: PeriodLine["status"] =
      crossingDay === null || p.end < crossingDay ? "within" : p.start <= crossingDay ? "crossed-here" : "over";
    return { ...p, countableCents: sums[i], cumulativeCents: cumulative, percentOfThreshold: percentOfThreshold(cumulative, threshold), status };
  });
}

function deadlines(
  rows: RowQueries,
  today: Day,
  period: FilingPeriod,
  crossingDay: Day | null,
  participation: Participation,
  canBeInKorThisYear: boolean,
  data: Pick<NextStartInput, "known" | "givenPrevious">,
): Deadlines {
  const crossingCache = new Map<number, Day | null>();
  const next = nextPossibleStartOf(rows, { today, period, participation, crossingCache, ...data });
  const deadline = registrationDeadline(next.start);
  // Section 5: what follows a crossing depends on participation. "unknown": also the participant's outcome,
  // shown conditionally where it differs.
  const asParticipant = participation.status === "unknown" ? nextPossibleStartOf(rows, { today, period, participation, ifInKor: true, crossingCache, ...data }) : null;
  const ifInKor =
    asParticipant !== null && (asParticipant.endedOn !== null || asParticipant.endedIn !== null) && asParticipant.start > next.start
      ? { start: asParticipant.start, deadline: registrationDeadline(asParticipant.start), reason: asParticipant.reason, endedOn: asParticipant.endedOn }
      : null;
  // Does this year's crossing end participation? "in": when it is the crossing that ended it (the first since
  // the start; a later one ends nothing). "unknown": when the business can have been in the KOR that year (from
  // 2025 not after a previous year over the threshold). The re-entry shown beside it is the participant's real
  // next start: today and every year's data taken into account (section 6 "never retroactive"; section 5 "never
  // a start date that contradicts the eligibility shown beside it"), not the bare earliest by law after the
  // crossing, which can have passed (a 2025 report opened on 10 Dec 2026: 1 Jan 2027, register by 3 Dec 2026)
  // or be blocked by a later year (2026 crossing too: not 1 Jan 2027 but 1 Jan 2028).
  const crossingEnds =
    crossingDay !== null &&
    ((participation.status === "in" && next.endedOn === crossingDay) || (participation.status === "unknown" && canBeInKorThisYear));
  const participantStart = asParticipant === null ? next.start : Math.max(asParticipant.start, next.start);
  const reentry = crossingEnds ? { start: participantStart, deadline: registrationDeadline(participantStart) } : null;
  // An exit needs the same 29 days' notice and takes effect on a period start: the next period by the
  // calendar, for a participant not before the minimum participation (2020–2024) has passed.
  const calendarExit = earliestStart(today, period);
  const exitStart =
    participation.status === "in" ? voluntaryExit({ joined: participation.since, wantedExit: calendarExit, period }).earliestAllowedExit : calendarExit;
  return {
    today,
    nextStart: next.start,
    nextStartReason: next.reason,
    registrationDeadline: deadline,
    daysLeft: deadline - today,
    reentryAfterCrossing: reentry,
    nextExit: { start: exitStart, deadline: registrationDeadline(exitStart) },
    participation: participation.status,
    participating: participation.status === "in" && next.endedOn === null && next.endedIn === null && next.couldNotStart === null,
    participationEnded: participation.status === "in" ? next.endedOn : null,
    participationEndedIn: participation.status === "in" ? next.endedIn : null,
    participationSince: participation.status === "in" ? participation.since : null,
    participationCouldNotStart: participation.status === "in" ? next.couldNotStart : null,
    ifInKor,
  };
}

/**
 * One warning for the rows of `year` that show VAT while within the KOR (purchases excluded): rows dated
 * before `untilDay` (and not before `fromDay`, a participant's start), and rows dated `untilDay` whose row number is below `beforeRow` (Infinity: the whole
 * day). One message with the count and the first rows, not one per row: a sheet of a business that charges
 * VAT (not in the KOR) would otherwise list every invoice.
 */
function vatShownWarnings(rows: RowQueries, year: number, untilDay: Day, beforeRow: number, problems: Problem[], rowName?: (row: number) => Localized, fromDay?: Day): void {
  const shown = rows.vatShown(year, untilDay, beforeRow, MAX_LISTED_ROWS, fromDay);
  if (shown === null) return;
  const { count, first, listed } = shown;
  // An auditfile names its entries ("boeking F2 van 1 maart 2026"), a sheet its rows. An entry with lines at
  // 21% and 9% is two rows with one name: it is one invoice, counted and listed once.
  let invoices = count;
  let named: Localized[] = [];
  if (rowName !== undefined) {
    const seen = new Map<string, Localized>();
    for (const r of listed) {
      const n = rowName(r);
      if (!seen.has(`${n.nl}\u0000${n.en}`)) seen.set(`${n.nl}\u0000${n.en}`, n);
    }
    named = [...seen.values()];
    invoices = named.length + (count - listed.length);
  }
  const firstRows = listed.slice(0, 5);
  const vat = first.vatCents;
  const firstNl = rowName === undefined ? `Rij ${first.row}` : capitalize(rowName(first.row).nl);
  const firstEn = rowName === undefined ? `Row ${first.row}` : capitalize(rowName(first.row).en);
  const listedNl = rowName === undefined ? `rij ${firstRows.join(", ")}` : named.slice(0, 5).map((n) => n.nl).join("; ");
  const listedEn = rowName === undefined ? `rows ${firstRows.join(", ")}` : named.slice(0, 5).map((n) => n.en).join("; ");
  const more = rowName === undefined ? count > firstRows.length : invoices > 5;
  // One invoice of several rows (rates): its VAT is more than the first row's, so no amount is named.
  const amount = count === 1 ? { nl: ` (${eurNl(vat)})`, en: ` (${eurEn(vat)})` } : { nl: "", en: "" };
  problems.push({
    row: first.row,
    severity: "warning",
    code: "vat-shown-in-kor",
    column: "vat",
    value: count === 1 ? eurNl(vat) : null,
    day: first.day,
    rows: listed,
    count,
    message:
      invoices === 1
        ? {
            nl: `${firstNl} vermeldt btw${amount.nl} terwijl de omzet binnen de KOR valt. Zit de onderneming in de KOR, dan bent u die btw verschuldigd; corrigeer de factuur. Uw deelname aan de KOR eindigt hier niet door.`,
            en: `${firstEn} shows VAT${amount.en} while turnover is within the KOR. If the business is in the KOR, that VAT is owed; correct the invoice. It does not end your KOR participation.`,
          }
        : {
            nl: `${countNl(invoices)} facturen vermelden btw terwijl de omzet binnen de KOR valt (${listedNl}${more ? " …" : ""}). Zit de onderneming in de KOR, dan bent u die btw verschuldigd; corrigeer die facturen. Uw deelname aan de KOR eindigt hier niet door.`,
            en: `${countEn(invoices)} invoices show VAT while turnover is within the KOR (${listedEn}${more ? " …" : ""}). If the business is in the KOR, that VAT is owed; correct those invoices. It does not end your KOR participation.`,
          },
  });
}

/** Rows named one by one in a dated-after-today warning; more are "…". */
const DATED_AFTER_TODAY_NAMED = 3;

/**
 * The rows dated after today: those of `year` count for it (a planned or mistyped invoice), and the report
 * says so (date-after-today); those of a later year did not pick the year checked (defaultDataYear), and the
 * report names them with the year it checked, so a mistyped year (2062 for 2026) is seen
 * (date-after-today-later-year; no `day`: it concerns every report that leaves them out).
 */
function datedAfterTodayWarnings(rows: RowQueries, year: number, today: Day, problems: Problem[], rowName?: (row: number) => Localized): void {
  const { from: yearStart, to: yearEnd } = yearBounds(year);
  const inYear = today < yearEnd ? rows.datedIn(Math.max(today, yearStart - 1), yearEnd, MAX_LISTED_ROWS) : null;
  if (inYear !== null) {
    const { nl, en } = namedDatedRows(inYear, rowName);
    const one = inYear.count === 1;
    problems.push({
      row: inYear.listed[0].row,
      severity: "warning",
      code: "date-after-today",
      column: "date",
      value: null,
      day: inYear.listed[0].day,
      rows: inYear.listed.map((r) => r.row),
      count: inYear.count,
      message: {
        nl: `${nl} en ${one ? "telt" : "tellen"} mee voor ${year}. Verbeter de ${one ? "datum als die niet klopt" : "datums als die niet kloppen"}.`,
        en: `${en} and ${one ? "counts" : "count"} for ${year}. Correct the ${one ? "date if it is" : "dates if they are"} not right.`,
      },
    });
  }
  const later = rows.datedIn(Math.max(today, yearEnd), Number.POSITIVE_INFINITY, MAX_LISTED_ROWS);
  if (later !== null) {
    const { nl, en } = namedDatedRows(later, rowName);
    const one = later.count === 1;
    problems.push({
      row: later.listed[0].row,
      severity: "warning",
      code: "date-after-today-later-year",
      column: "date",
      value: null,
      rows: later.listed.map((r) => r.row),
      count: later.count,
      message: {
        nl: `${nl}; het gecontroleerde jaar is ${year}. Kies het jaar zelf als dat niet klopt, of verbeter de ${one ? "datum" : "datums"}.`,
        en: `${en}; the year checked is ${year}. Choose the year yourself if that is not right, or correct the ${one ? "date" : "dates"}.`,
      },
    });
  }
}

/** "Rij 5 is gedateerd na vandaag (15 mei 2062)", "3 rijen zijn gedateerd na vandaag (rij 5: 15 mei 2062; …)". */
function namedDatedRows(dated: DatedRows, rowName?: (row: number) => Localized): Localized {
  const name = (row: number): Localized => rowName?.(row) ?? { nl: `rij ${row}`, en: `row ${row}` };
  if (dated.count === 1) {
    const { row, day } = dated.listed[0];
    return { nl: `${capitalize(name(row).nl)} is gedateerd na vandaag (${dayNl(day)})`, en: `${capitalize(name(row).en)} is dated after today (${dayEn(day)})` };
  }
  const shown = dated.listed.slice(0, DATED_AFTER_TODAY_NAMED);
  const more = dated.count > shown.length ? "; …" : "";
  return {
    nl: `${countNl(dated.count)} rijen zijn gedateerd na vandaag (${shown.map((r) => `${name(r.row).nl}: ${dayNl(r.day)}`).join("; ")}${more})`,
    en: `${countEn(dated.count)} rows are dated after today (${shown.map((r) => `${name(r.row).en}: ${dayEn(r.day)}`).join("; ")}${more})`,
  };
}

/**
 * The warnings for the `buitenland` rows of `year` that cannot be placed in a member state (EU section only),
 * each with its count and first rows: one for the rows without a country, one for those whose country is NL
 * (taxed abroad, yet in the Netherlands: the row contradicts itself). They are left out of Union turnover
 * rather than counted as NL.
 */
function foreignWithoutCountryWarnings(rows: RowQueries, year: number, problems: Problem[], rowName?: (row: number) => Localized): void {
  const unplaced = rows.unplacedForeignRows(year);
  const kinds: { code: string; value: string | null; rows: typeof unplaced; body: (n: number) => Localized }[] = [
    { code: "foreign-without-country", value: null, rows: unplaced.filter((r) => r.country === null), body: foreignWithoutCountry },
    { code: "foreign-in-nl", value: "NL", rows: unplaced.filter((r) => r.country !== null), body: foreignInNl },
  ];
  for (const k of kinds) {
    if (k.rows.length === 0) continue;
    const listed = k.rows.slice(0, MAX_LISTED_ROWS).map((r) => r.row);
    problems.push({
      row: k.rows[0].row,
      severity: "warning",
      code: k.code,
      column: "country",
      value: k.value,
      day: k.rows[0].day,
      rows: listed,
      count: k.rows.length,
      message: atNamedRows(listed, k.rows.length, k.body(k.rows.length), rowName),
    });
  }
}

/**
 * One warning per kind and country for the rows of `year` counted for NL whose country is another country
 * (countedAbroadCountry), with its count and first rows. The countries column is where the supply is made
 * (kor-rules.md section 7), so such a row may be a supply made abroad, or a Dutch supply to a foreign
 * customer; only the user can tell, and the rows stay counted for NL (the numbers do not change).
 * - Empty, 21, 9, 0, kor, marge or a counted exempt code with another member state of that year
 *   (`counted-nl-country-abroad`): a supply made there belongs in `buitenland`.
 * - The same with a country outside the EU (`counted-nl-country-outside-eu`): goods shipped out of the EU are
 *   `export` (still counted), a service supplied there is `buitenland` (not counted).
 * - `verlegd` with a country outside the EU (`verlegd-country-outside-eu`): `verlegd` is a reverse charge to a
 *   Dutch business customer; a service to a business there is usually `buitenland`, goods `export`.
 * - `export` with another member state (`export-country-in-eu`): goods shipped there are `icp` (to a business
 *   with a VAT number) or `afstand-nl` (to a consumer); both count like `export`.
 * - `icp` with a country outside the EU (`icp-country-outside-eu`): goods shipped out of the EU are `export`.
 * - `afstand-nl` with a country outside the EU (`afstand-nl-country-outside-eu`): goods shipped out of the EU
 *   are `export` (counted, but not toward the €10,000 distance-sales threshold).
 * Otherwise export, icp, afstand-nl and verlegd carry a foreign customer's country by design and are not
 * warned about; nor is NL on them (section 7: NL is where exports, icp and distance sales taxed in NL are made).
 */
function domesticAbroadWarnings(rows: RowQueries, year: number, problems: Problem[], rowName?: (row: number) => Localized): void {
  const found = rows.domesticAbroadRows(year);
  if (found.length === 0) return;
  const groups = new Map<string, { kind: CountedAbroadKind; country: string; rows: number[]; count: number; day: Day }>();
  for (const r of found) {
    const key = `${r.kind}\u0001${r.country}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { kind: r.kind, country: r.country, rows: [r.row], count: 1, day: r.day });
    else {
      g.count++;
      if (g.rows.length < MAX_LISTED_ROWS) g.rows.push(r.row);
    }
  }
  const euKor = year >= FIRST_EU_KOR_YEAR;
  const distanceThreshold = hasParameterOn("eu-distance-sales-threshold", dayFromYmd(year, 12, 31));
  const warningOf = (g: { kind: CountedAbroadKind; country: string; count: number }): { code: string; body: Localized } => {
    switch (g.kind) {
      case "member-state":
        return { code: "counted-nl-country-abroad", body: countedAsDutchAbroad(g.country, g.count, euKor) };
      case "outside-eu":
        return { code: "counted-nl-country-outside-eu", body: countedAsDutchOutsideEu(g.country, g.count) };
      case "verlegd-outside-eu":
        return { code: "verlegd-country-outside-eu", body: reverseChargeOutsideEu(g.country, g.count) };
      case "export-in-eu":
        return { code: "export-country-in-eu", body: exportWithinEu(g.country, g.count) };
      case "icp-outside-eu":
        return { code: "icp-country-outside-eu", body: intraCommunityOutsideEu(g.country, g.count) };
      case "afstand-nl-outside-eu":
        return { code: "afstand-nl-country-outside-eu", body: distanceSaleOutsideEu(g.country, g.count, distanceThreshold) };
    }
  };
  for (const g of groups.values()) {
    const { code, body } = warningOf(g);
    problems.push({
      row: g.rows[0],
      severity: "warning",
      code,
      column: "country",
      value: g.country,
      day: g.day,
      rows: g.rows,
      count: g.count,
      message: atNamedRows(g.rows, g.count, body, rowName),
    });
  }
}

/** `afstand-nl` rows above the €10,000 distance-sales threshold in the year or the previous year. */
function distanceSalesOverLimit(rows: RowQueries, year: number): boolean {
  for (const y of [year, year - 1]) {
    const dec31 = dayFromYmd(y, 12, 31);
    if (!hasParameterOn("eu-distance-sales-threshold", dec31)) continue;
    if (y === year - 1 && !rows.hasRowsIn(y)) continue;
    if (rows.distanceSalesNl(y) > parameterOn("eu-distance-sales-threshold", dec31)) return true;
  }
  return false;
}

/** How the Union test ends the EU-KOR in every state this year (stateStatusText), or null when it holds. */
type UnionEnd =
  | { readonly kind: "crossed"; readonly day: Day; readonly where: Localized; readonly limit: Cents }
  | { readonly kind: "blocked"; readonly limit: Cents };

/**
 * A member state line's status in words when it does not follow from this year's figure against the threshold
 * (kor-rules.md section 7), or null. Last year over its limit or crossed it (previous-year test: blocked) is said
 * first, and when the limit was crossed this year too, that crossing's day and row follow in the same line (both
 * exclude the state, and the bookkeeper should see both). Otherwise: a crossing this year, dated with its row (the
 * exemption there ends as of that supply and VAT is due there from it on; when later credit notes brought the
 * total back under the limit, that they do not undo it), or AT within its tolerance above the threshold (the
 * exemption runs to year end; next year blocked). A state within its own limits while the Union test fails
 * (`union`) does not get an exemption promised: the line says the EU-KOR ends there too on the Union crossing day,
 * or cannot be used this year. A state that crossed its own limit after the Union test ended the EU-KOR (blocked this
 * year, or a Union crossing on an earlier day) names its crossing but dates VAT from the Union's end, not its own. A previous-year crossing is dated without its row: last year's rows may be on
 * another sheet.
 */
function stateStatusText(x: {
  country: string;
  year: number;
  cents: Cents;
  thresholdCents: Cents | null;
  limit: Cents | null;
  tolerancePercent: number | null;
  crossing: { readonly day: Day } | null;
  where: Localized | null;
  previousCents: Cents | null;
  previousThresholdCents: Cents | null;
  previousCrossing: { readonly day: Day } | null;
  union: UnionEnd | null;
}): Localized | null {
  const c = x.country;
  const prev = x.year - 1;
  if (x.limit === null || x.thresholdCents === null) {
    // Threshold unknown, but the Union test ends the EU-KOR in every state (section 7): say so, promise nothing.
    const u = x.union;
    if (u === null) return null;
    return u.kind === "crossed"
      ? {
          nl: `onbekend (geen grens in euro bekend), maar de vrijstelling van de EU-KOR vervalt ook in ${c} vanaf de levering van ${dayNl(u.day)} (${u.where.nl}), toen de EU-omzet boven ${eurNl(u.limit)} kwam`,
          en: `unknown (no threshold in euros known), but the EU-KOR exemption ends in ${c} too as of the supply of ${dayEn(u.day)} (${u.where.en}), when Union turnover went over ${eurEn(u.limit)}`,
        }
      : {
          nl: `onbekend (geen grens in euro bekend), maar de EU-KOR kan in ${x.year} niet worden gebruikt: de EU-omzet kwam in ${prev} boven ${eurNl(u.limit)}`,
          en: `unknown (no threshold in euros known), but the EU-KOR cannot be used in ${x.year}: Union turnover went over ${eurEn(u.limit)} in ${prev}`,
        };
  }
  const tol = x.tolerancePercent === null ? { nl: "", en: "" } : toleranceLimitMade(c, x.tolerancePercent, x.thresholdCents);
  // Credit notes brought this year's figure back under the limit after the crossing.
  const undone = x.cents <= x.limit;
  let blocked: Localized | null = null;
  if (x.previousCents !== null && x.previousThresholdCents !== null && x.previousCents > x.previousThresholdCents) {
    blocked = {
      nl: `uitgesloten: omzet in ${c} in ${prev} was ${eurNl(x.previousCents)}, boven de grens van ${eurNl(x.previousThresholdCents)}`,
      en: `blocked: ${prev} turnover in ${c} of ${eurEn(x.previousCents)} was over ${eurEn(x.previousThresholdCents)}`,
    };
  } else if (x.previousCrossing !== null && x.previousThresholdCents !== null) {
    blocked = {
      nl: `uitgesloten: omzet in ${c} kwam op ${dayNl(x.previousCrossing.day)} boven ${eurNl(x.previousThresholdCents)}; creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}`,
      en: `blocked: turnover in ${c} went over ${eurEn(x.previousThresholdCents)} on ${dayEn(x.previousCrossing.day)}; credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}`,
    };
  }
  if (blocked !== null && x.crossing !== null && x.where !== null) {
    return {
      nl: `${blocked.nl}; in ${x.year} kwam de omzet ook op ${dayNl(x.crossing.day)} (${x.where.nl}) boven ${eurNl(x.limit)}${tol.nl}${undone ? `, en creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}` : ""}`,
      en: `${blocked.en}; in ${x.year} turnover also went over ${eurEn(x.limit)}${tol.en} on ${dayEn(x.crossing.day)} (${x.where.en})${undone ? `, and credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}` : ""}`,
    };
  }
  if (x.crossing !== null && x.where !== null) {
    // The Union test ended the EU-KOR in every state first (section 7): blocked this year, or crossed on an earlier
    // day. Then VAT is due in the state from that day, not from its own crossing, which the line still names.
    const u = x.union;
    const ownOver = {
      nl: `erboven: de omzet in ${c} kwam op ${dayNl(x.crossing.day)} (${x.where.nl}) boven ${eurNl(x.limit)}${tol.nl}`,
      en: `over: turnover in ${c} went over ${eurEn(x.limit)}${tol.en} on ${dayEn(x.crossing.day)} (${x.where.en})`,
    };
    if (u !== null && u.kind === "blocked") {
      return {
        nl: `${ownOver.nl}, maar de EU-KOR kon in ${x.year} helemaal niet worden gebruikt: de EU-omzet kwam in ${prev} boven ${eurNl(u.limit)}`,
        en: `${ownOver.en}, but the EU-KOR could not be used in ${x.year} at all: Union turnover went over ${eurEn(u.limit)} in ${prev}`,
      };
    }
    if (u !== null && u.day < x.crossing.day) {
      return {
        nl: `${ownOver.nl}, maar de vrijstelling van de EU-KOR was in ${c} al vervallen vanaf de levering van ${dayNl(u.day)} (${u.where.nl}), toen de EU-omzet boven ${eurNl(u.limit)} kwam: vanaf die levering is btw verschuldigd in ${c}`,
        en: `${ownOver.en}, but the EU-KOR exemption had already ended in ${c} as of the supply of ${dayEn(u.day)} (${u.where.en}), when Union turnover went over ${eurEn(u.limit)}: VAT is due in ${c} from that supply on`,
      };
    }
    const crossed = {
      nl: `erboven: de omzet kwam op ${dayNl(x.crossing.day)} (${x.where.nl}) boven ${eurNl(x.limit)}${tol.nl}`,
      en: `over: turnover went over ${eurEn(x.limit)}${tol.en} on ${dayEn(x.crossing.day)} (${x.where.en})`,
    };
    return undone
      ? {
          nl: `${crossed.nl}; creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}`,
          en: `${crossed.en}; credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}`,
        }
      : {
          // Section 7 / art. 288a: over the state's own limit ends its exemption as of that supply.
          nl: `${crossed.nl}; de vrijstelling in ${c} vervalt vanaf die levering: vanaf dan is btw verschuldigd in ${c}`,
          en: `${crossed.en}; the exemption in ${c} ends as of that supply: VAT is due in ${c} from then on`,
        };
  }
  if (blocked !== null) return blocked;
  const withinTolerance = x.tolerancePercent !== null && x.cents > x.thresholdCents ? toleranceText(c, x.tolerancePercent, x.thresholdCents) : null;
  if (x.union !== null) {
    // Within its own limits, but the Union test ends the EU-KOR in every state (section 7): promise nothing.
    const own = withinTolerance === null ? { nl: "binnen de eigen grens", en: "within its own threshold" } : { nl: `binnen ${withinTolerance.nl}`, en: `within ${withinTolerance.en}` };
    const u = x.union;
    return u.kind === "crossed"
      ? {
          nl: `${own.nl}, maar de vrijstelling van de EU-KOR vervalt ook in ${c} vanaf de levering van ${dayNl(u.day)} (${u.where.nl}), toen de EU-omzet boven ${eurNl(u.limit)} kwam`,
          en: `${own.en}, but the EU-KOR exemption ends in ${c} too as of the supply of ${dayEn(u.day)} (${u.where.en}), when Union turnover went over ${eurEn(u.limit)}`,
        }
      : {
          nl: `${own.nl}, maar de EU-KOR kan in ${x.year} niet worden gebruikt: de EU-omzet kwam in ${prev} boven ${eurNl(u.limit)}`,
          en: `${own.en}, but the EU-KOR cannot be used in ${x.year}: Union turnover went over ${eurEn(u.limit)} in ${prev}`,
        };
  }
  if (withinTolerance !== null) {
    return {
      nl: `binnen ${withinTolerance.nl}: vrijgesteld tot het einde van ${x.year}, in ${x.year + 1} uitgesloten`,
      en: `within ${withinTolerance.en}: exempt to the end of ${x.year}, blocked in ${x.year + 1}`,
    };
  }
  return null;
}

/**
 * The status of a state without a known threshold whose turnover went over the EU maximum of €85,000 for any national
 * threshold (Directive art. 284(1)), this year at some invoice (dated with its row) or last year (its total, or the day
 * it went over), or null when it did not: then nothing is certain and the state stays unknown.
 */
function stateOverCap(q: RowQueries, year: number, c: string, cents: Cents, previousCents: Cents | null, rowName: (row: number) => Localized): Localized | null {
  const cap = parameterOn("eu-state-cap", dayFromYmd(year, 1, 1));
  const prev = year - 1;
  const why = { nl: `het EU-maximum voor elke nationale omzetgrens, dus boven de grens van ${c}, welke dat ook is`, en: `the EU maximum for any national threshold, so over ${c}'s threshold, whatever that is` };
  if (previousCents !== null) {
    const before = q.findStateCrossing(prev, c, cap);
    if (before !== null) {
      return {
        nl: `uitgesloten: omzet in ${c} kwam op ${dayNl(before.day)} boven ${eurNl(cap)}, ${why.nl}; creditnota's daarna maken dat niet ongedaan`,
        en: `blocked: turnover in ${c} went over ${eurEn(cap)} on ${dayEn(before.day)}, ${why.en}; credit notes after it do not undo that`,
      };
    }
    if (previousCents > cap) {
      return {
        nl: `uitgesloten: omzet in ${c} in ${prev} was ${eurNl(previousCents)}, boven ${eurNl(cap)}, ${why.nl}`,
        en: `blocked: ${prev} turnover in ${c} of ${eurEn(previousCents)} was over ${eurEn(cap)}, ${why.en}`,
      };
    }
  }
  const now = q.findStateCrossing(year, c, cap);
  if (now === null) return null;
  const where = rowName(now.row);
  const undone = cents <= cap ? { nl: "; creditnota's daarna maken dat niet ongedaan", en: "; credit notes after it do not undo that" } : { nl: "", en: "" };
  return {
    nl: `erboven: de omzet in ${c} kwam op ${dayNl(now.day)} (${where.nl}) boven ${eurNl(cap)}, ${why.nl}; de vrijstelling in ${c} is uiterlijk vanaf die levering vervallen (een marge van ${c} is niet gecontroleerd) en in ${year + 1} is ${c} uitgesloten${undone.nl}`,
    en: `over: turnover in ${c} went over ${eurEn(cap)} on ${dayEn(now.day)} (${where.en}), ${why.en}; the exemption in ${c} ended as of that supply at the latest (a tolerance of ${c}'s was not checked) and ${c} is blocked in ${year + 1}${undone.en}`,
  };
}

/**
 * Why the Union test fails, in words (EuSummary.unionStatusText), or null when it holds: last year's figure over
 * the limit or last year's crossing (blocked this year; the crossing dated without its row, as for a state), this
 * year's crossing with its day and row, or both; a crossing that later credit notes brought back under the limit
 * says they do not undo it, with the check-that-invoice caveat (kor-rules.md sections 5 and 7).
 */
function unionStatusText(x: {
  year: number;
  limit: Cents;
  unionCents: Cents;
  previousCents: Cents | null;
  previousCrossing: { readonly day: Day } | null;
  crossing: { readonly day: Day; readonly where: Localized } | null;
}): Localized | null {
  const prev = x.year - 1;
  let blocked: Localized | null = null;
  if (x.previousCents !== null && x.previousCents > x.limit) {
    blocked = {
      nl: `uitgesloten in ${x.year}: de EU-omzet van ${prev} was ${eurNl(x.previousCents)}, boven de EU-grens van ${eurNl(x.limit)}`,
      en: `blocked in ${x.year}: ${prev} Union turnover of ${eurEn(x.previousCents)} was over ${eurEn(x.limit)}`,
    };
  } else if (x.previousCrossing !== null) {
    blocked = {
      nl: `uitgesloten in ${x.year}: de EU-omzet kwam op ${dayNl(x.previousCrossing.day)} boven ${eurNl(x.limit)}; creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}`,
      en: `blocked in ${x.year}: Union turnover went over ${eurEn(x.limit)} on ${dayEn(x.previousCrossing.day)}; credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}`,
    };
  }
  if (x.crossing === null) return blocked;
  const undone = x.unionCents <= x.limit;
  if (blocked !== null) {
    return {
      nl: `${blocked.nl}; in ${x.year} kwam de EU-omzet ook op ${dayNl(x.crossing.day)} (${x.crossing.where.nl}) boven ${eurNl(x.limit)}${undone ? `, en creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}` : ""}`,
      en: `${blocked.en}; in ${x.year} Union turnover also went over ${eurEn(x.limit)} on ${dayEn(x.crossing.day)} (${x.crossing.where.en})${undone ? `, and credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}` : ""}`,
    };
  }
  return {
    nl: `erboven: de EU-omzet kwam op ${dayNl(x.crossing.day)} (${x.crossing.where.nl}) boven ${eurNl(x.limit)}${undone ? `; creditnota's daarna maken dat niet ongedaan; ${CANCELLED_INVOICE_CHECK.nl}` : ""}`,
    en: `over: Union turnover went over ${eurEn(x.limit)} on ${dayEn(x.crossing.day)} (${x.crossing.where.en})${undone ? `; credit notes after it do not undo that, ${CANCELLED_INVOICE_CHECK.en}` : ""}`,
  };
}

function euSummary(
  q: RowQueries,
  year: number,
  givenPrevious: Cents | null,
  distanceOver: boolean,
  rowName: (row: number) => Localized,
  today: Day,
  rowsSpanKnown: boolean,
): EuSummary {
  const jan1 = dayFromYmd(year, 1, 1);
  const unionThresholdCents = parameterOn("eu-union-threshold", jan1);
  const unionCents = q.unionTurnover(year);
  // A given previous-year Union turnover wins over the rows of that year (as in euEligibility, section 4).
  const previousFromData = givenPrevious === null && q.hasRowsIn(year - 1);
  const previousUnionCents = givenPrevious !== null ? givenPrevious : previousFromData ? q.unionTurnover(year - 1) : null;
  const crossing = q.findEuCrossing(year);
  // A Union crossing in the previous year (from the data) blocks this year even if credit notes followed.
  const previousCrossing = previousFromData ? q.findEuCrossing(year - 1) : null;
  const previousPerState = q.hasRowsIn(year - 1) ? q.turnoverPerState(year - 1) : null;
  const where = crossing === null ? null : rowName(crossing.row);
  const withinUnion =
    unionCents <= unionThresholdCents &&
    crossing === null &&
    previousCrossing === null &&
    (previousUnionCents === null || previousUnionCents <= unionThresholdCents);
  // Section 7: last year's Union test blocks the EU-KOR all this year; this year's crossing ends it in every state.
  const unionEnd: UnionEnd | null = withinUnion
    ? null
    : previousCrossing !== null || (previousUnionCents !== null && previousUnionCents > unionThresholdCents)
      ? { kind: "blocked", limit: unionThresholdCents }
      : crossing !== null && where !== null
        ? { kind: "crossed", day: crossing.day, where, limit: unionThresholdCents }
        : null;
  // Every state with Union turnover this year or, from the rows, last year: a state over its limit last year is
  // blocked this year (kor-rules.md section 7) also before anything is sold there this year.
  const current = q.turnoverPerState(year);
  const countries = [...new Set([...current.keys(), ...(previousPerState?.keys() ?? [])])].sort();
  const states = countries.map((country): EuStateLine => {
    const cents = current.get(country) ?? 0;
    const national = nationalThreshold(country, year);
    const t = national.cents;
    const tolerancePercent = t === null ? null : (national.tolerancePercent ?? null);
    const previousThresholdCents = national.previousYearCents ?? t;
    const previousCents = previousPerState === null ? null : (previousPerState.get(country) ?? 0);
    // Over the limit at any invoice, this year or last year (from the rows), is over: a later credit note does
    // not undo it (euEligibility, findStateCrossing).
    const limit = t === null ? null : tolerancePercent === null ? t : toleranceLimit(t, tolerancePercent);
    const crossing = limit === null ? null : q.findStateCrossing(year, country, limit);
    const thisYearOk = limit === null ? null : cents <= limit && crossing === null;
    const previousCrossing =
      previousCents === null || previousThresholdCents === null || previousCents > previousThresholdCents
        ? null
        : q.findStateCrossing(year - 1, country, previousThresholdCents);
    const previousOk = previousCents === null || previousThresholdCents === null || (previousCents <= previousThresholdCents && previousCrossing === null);
    // No threshold known: over the EU maximum of €85,000 (at any invoice this year, or last year) is over any
    // state's threshold (Directive art. 284(1)), so the state's own test certainly fails (kor-rules.md section 7).
    const capOver = t === null ? stateOverCap(q, year, country, cents, previousCents, rowName) : null;
    const statusText =
      capOver ??
      stateStatusText({
        country, year, cents, thresholdCents: t, limit, tolerancePercent, crossing, where: crossing === null ? null : rowName(crossing.row),
        previousCents, previousThresholdCents, previousCrossing,
        // NL's own exemption is the Dutch KOR, which the Union test does not affect (section 7).
        union: country === "NL" ? null : unionEnd,
      });
    return {
      country,
      cents,
      thresholdCents: t,
      withinThreshold: capOver !== null ? false : thisYearOk === null ? null : thisYearOk && previousOk,
      previousCents,
      previousThresholdCents,
      tolerancePercent,
      statusText,
    };
  });
  return {
    unionCents,
    previousUnionCents,
    previousUnionGiven: givenPrevious !== null,
    previousUnionBasis: givenPrevious !== null ? "given" : previousFromData ? "data" : "assumed-zero",
    // Last year's figure from rows that start late in it, where a fuller year could fail the Union test (lateStarts).
    previousUnionRowsFrom:
      previousFromData && !rowsSpanKnown && previousCrossing === null && previousUnionCents !== null && previousUnionCents <= unionThresholdCents ? lateFirstDay(q, year - 1) : null,
    unionThresholdCents,
    withinUnion,
    unionStatusText: unionStatusText({
      year, limit: unionThresholdCents, unionCents, previousCents: previousUnionCents, previousCrossing,
      crossing: crossing === null || where === null ? null : { day: crossing.day, where },
    }),
    crossing: crossing === null || where === null ? null : { ...crossing, where, notifyOverdue: crossing.notifyBy < today },
    states,
    quarters: q.euQuarterlyReport(year),
    distanceSalesOverLimit: distanceOver,
  };
}
