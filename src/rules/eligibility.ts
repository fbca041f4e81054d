/**
 * Eligibility for the KOR in a calendar year (kor-rules.md section 4): countable turnover of the year,
 * and from 2025 also of the previous year, at most the threshold; no crossing during the year.
 */
import type { Localized } from "../i18n/types";
import type { Cents } from "./money";
import type { InvoiceRow, Participation } from "./types";
import type { Crossing, PreviousYearBasis, Verdict } from "./summary-types";
import { dayFromYmd, type Day } from "./dates";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR, parameterOn } from "./parameters";
import { arrayQueries, type RowQueries } from "./rowQueries";
import { dayEn, dayNl, eurEn, eurNl } from "./text";
import { firstCrossingSince, givenEndsParticipation } from "./next-start";

export interface EligibilityInput {
  readonly rows: readonly InvoiceRow[];
  readonly year: number;
  /**
   * The previous year's countable turnover when the caller knows it (e.g. from last year's sheet). It wins
   * over the rows of that year (kor-rules.md section 4, worked example 26); when they differ, a reason names both.
   */
  readonly previousYearCents?: Cents | null;
  /**
   * How reasons name a row, e.g. the crossing row. Default "rij 12" / "row 12". Callers that renumber rows
   * (a group of sheets tested as one) pass a function naming the sheet and its own row.
   */
  readonly rowName?: (row: number) => Localized;
  /** Whether the business is in the KOR (section 5); default unknown. Only the texts about a crossing depend on it. */
  readonly participation?: Participation;
}

/** The default way reasons name a row: "rij 12" / "row 12". */
export function plainRowName(row: number): Localized {
  return { nl: `rij ${row}`, en: `row ${row}` };
}

export interface EligibilityResult {
  readonly verdict: Verdict;
  readonly reasons: Localized[];
  readonly countableCents: Cents;
  readonly previousYearCents: Cents | null;
  readonly previousYearBasis: PreviousYearBasis;
  /** Added: the threshold applied (0 for unsupported years). */
  readonly thresholdCents: Cents;
  /** Added: the crossing row of the year, if any (a crossing ends the KOR even if credit notes bring the total back). */
  readonly crossing: Crossing | null;
  /**
   * Set when the year crossed the threshold but later credit notes bring its total back within it: the
   * caveat shown beside the crossing everywhere (creditNoteCaveat); null otherwise. The verdict stays "crossed".
   */
  readonly crossingCaveat: Localized | null;
  /**
   * The crossing row of the previous year when its turnover comes from the data (basis "data"), else null.
   * From 2025 a crossing in Y−1 fails the previous-year test even if credit notes bring Y−1 back under.
   */
  readonly previousYearCrossing: Crossing | null;
  /**
   * For "not-eligible": the reason that fails the year (the crossing, else the previous year over the limit or
   * crossed), the one to show first; null otherwise. reasons[0] states this year's turnover, which passes when
   * only the previous year fails (2025: €5,000 "not more than the limit", beside 2024 at €25,000).
   */
  readonly failingReason: Localized | null;
}

export const UNSUPPORTED_REASON: Localized = {
  nl: `Niet ondersteund: de KOR-vrijstelling bestaat vanaf ${FIRST_KOR_YEAR}. Vóór ${FIRST_KOR_YEAR} was de KOR een andere regeling (een belastingvermindering).`,
  en: `Not supported: the KOR exemption exists from ${FIRST_KOR_YEAR}. Before ${FIRST_KOR_YEAR} the KOR was a different scheme (a VAT reduction).`,
};

/**
 * What a crossing on `day` means, by participation (kor-rules.md section 5): "deregister at once" only to a
 * participant whose participation it ends, conditionally when the status is unknown; for a business not in
 * the KOR, only that it cannot join that year. `endedBefore`: status "in", the earlier crossing that already
 * ended participation (the business is out, so this one ends nothing). `endedIn`: status "in", no such crossing, but
 * a given previous-year figure over its limit ended participation in that year (next-start.ts). `cannotBeInKor`: status unknown, the
 * year fails the previous-year test (from 2025), so no business is in the KOR that year and there is nothing
 * to deregister.
 */
export function crossingConsequence(
  day: Day,
  year: number,
  participation: Participation | undefined,
  context: { readonly endedBefore?: Day | null; readonly endedIn?: number | null; readonly cannotBeInKor?: boolean } = {},
): Localized {
  const status = participation?.status ?? "unknown";
  const endedBefore = context.endedBefore ?? null;
  const endedIn = context.endedIn ?? null;
  if (status === "in" && endedBefore === null && endedIn !== null) {
    return {
      nl: `Uw KOR-deelname eindigde al in ${endedIn}, op de dag dat de omzet over de omzetgrens ging (de opgegeven omzet ${endedIn} is hoger dan de omzetgrens); deze overschrijding beëindigt niets meer. In ${year} meedoen aan de KOR kan vanaf die dag niet meer.`,
      en: `Your KOR participation already ended in ${endedIn}, on the day turnover went over the turnover limit (the given ${endedIn} turnover is over the turnover limit); this crossing ends nothing more. Joining the KOR in ${year} is no longer possible from that day.`,
    };
  }
  if (status === "in" && endedBefore !== null) {
    return {
      nl: `Uw KOR-deelname eindigde al op ${dayNl(endedBefore)}, toen de omzet over de omzetgrens ging; deze overschrijding beëindigt niets meer (nog niet afgemeld? Meld u dan af met ${dayNl(endedBefore)} als beëindigingsdatum). In ${year} meedoen aan de KOR kan vanaf die dag niet meer.`,
      en: `Your KOR participation already ended on ${dayEn(endedBefore)}, when turnover went over the turnover limit; this crossing ends nothing more (not deregistered yet? Deregister with ${dayEn(endedBefore)} as end date). Joining the KOR in ${year} is no longer possible from that day.`,
    };
  }
  if (status === "in" && participation?.status === "in" && day >= participation.since) {
    return {
      nl: `Uw KOR-deelname eindigt op die dag: die levering en alle latere leveringen zijn belast; meld u direct af, met ${dayNl(day)} als beëindigingsdatum.`,
      en: `Your KOR participation ends that day: that supply and every later one are taxed; deregister at once, with ${dayEn(day)} as end date.`,
    };
  }
  if (status === "unknown" && context.cannotBeInKor === true) {
    return {
      nl: `In ${year} meedoen kan vanaf die dag niet meer. Deze overschrijding beëindigt geen deelname: na een vorig jaar boven de omzetgrens kan de onderneming in ${year} niet in de KOR zitten (een deelname was toen al geëindigd), dus afmelden is niet nodig.`,
      en: `Joining in ${year} is no longer possible from that day. This crossing ends no participation: after a previous year over the turnover limit the business cannot be in the KOR in ${year} (a participation had already ended then), so there is nothing to deregister.`,
    };
  }
  if (status === "unknown") {
    return {
      nl: `In ${year} meedoen kan vanaf die dag niet meer. Als uw onderneming in de KOR zit, eindigt de KOR op die dag: die levering en alle latere leveringen zijn belast; meld u dan direct af, met ${dayNl(day)} als beëindigingsdatum.`,
      en: `Joining in ${year} is no longer possible from that day. If your business is in the KOR, the KOR ends that day: that supply and every later one are taxed; then deregister at once, with ${dayEn(day)} as end date.`,
    };
  }
  return {
    nl: `In ${year} meedoen aan de KOR kan vanaf die dag niet meer.`,
    en: `Joining the KOR in ${year} is no longer possible from that day.`,
  };
}

/**
 * Whether the previous-year test of section 4 decides `year` (from 2025). Before, a given previous-year figure is
 * still reported (basis "given") but decides nothing about the year's answer.
 */
export function previousYearTested(year: number): boolean {
  return year >= FIRST_KOR_YEAR && parameterOn("previous-year-test", dayFromYmd(year, 1, 1)) > 0;
}

/**
 * Is the business within the KOR turnover limits for `year`?
 * @example eligibility({ rows, year: 2026 }) // worked example 12: 2025 €21,000 → 2026 not eligible
 */
export function eligibility(input: EligibilityInput): EligibilityResult {
  return eligibilityOf(arrayQueries(input.rows), input);
}

/** eligibility() over rows asked through RowQueries (objects or columns); `input.rows` is not read. */
export function eligibilityOf(rows: RowQueries, input: Omit<EligibilityInput, "rows">): EligibilityResult {
  const { year } = input;
  if (year < FIRST_KOR_YEAR) {
    return {
      verdict: "unsupported",
      reasons: [UNSUPPORTED_REASON],
      countableCents: rows.countableTurnover(year).countableCents,
      previousYearCents: null,
      previousYearBasis: "not-needed",
      thresholdCents: 0,
      crossing: null,
      crossingCaveat: null,
      previousYearCrossing: null,
      failingReason: null,
    };
  }
  const jan1 = dayFromYmd(year, 1, 1);
  const threshold = parameterOn("kor-threshold", jan1);
  const countable = rows.countableTurnover(year).countableCents;
  const crossing = rows.findCrossing(year, threshold);
  const reasons: Localized[] = [];
  let eligible = true;
  /** The first reason that fails the year, unless the crossing's (which wins, below). */
  let failing: Localized | null = null;

  if (countable > threshold) {
    eligible = false;
    failing = {
      nl: `Omzet die meetelt ${year}: ${eurNl(countable)}, hoger dan de omzetgrens van ${eurNl(threshold)}.`,
      en: `Turnover that counts ${year}: ${eurEn(countable)}, more than the turnover limit of ${eurEn(threshold)}.`,
    };
    reasons.push(failing);
  } else {
    reasons.push({
      nl: `Omzet die meetelt ${year}: ${eurNl(countable)}, niet hoger dan de omzetgrens van ${eurNl(threshold)}.`,
      en: `Turnover that counts ${year}: ${eurEn(countable)}, not more than the turnover limit of ${eurEn(threshold)}.`,
    });
  }
  // The crossing's reason goes here; it is written after the previous-year test, whose outcome it depends on.
  const crossingAt = reasons.length;
  if (crossing !== null) eligible = false;

  let previousYearCents: Cents | null = null;
  let previousYearBasis: PreviousYearBasis = "not-needed";
  let previousYearCrossing: Crossing | null = null;
  if (parameterOn("previous-year-test", jan1) > 0) {
    const prev = year - 1;
    const given = input.previousYearCents ?? null;
    // From 2021: 2019 had no KOR exemption (a figure given for it stays "not needed", as in the pane, which offers none).
    if (given !== null && prev >= FIRST_KOR_YEAR) {
      // Section 4: a figure the user gives wins over the rows of Y−1 (they may be incomplete); when the
      // rows disagree, say so with both figures.
      previousYearCents = given;
      previousYearBasis = "given";
      if (rows.hasRowsIn(prev)) {
        const fromRows = rows.countableTurnover(prev).countableCents;
        if (fromRows !== given) {
          reasons.push({
            nl: `De opgegeven omzet ${prev} van ${eurNl(given)} is gebruikt; de rijen van ${prev} in de gegevens tellen op tot ${eurNl(fromRows)}. Controleer welk bedrag klopt.`,
            en: `The given ${prev} turnover of ${eurEn(given)} was used; the rows of ${prev} in the data add up to ${eurEn(fromRows)}. Check which figure is right.`,
          });
        }
      }
    } else if (rows.hasRowsIn(prev)) {
      previousYearCents = rows.countableTurnover(prev).countableCents;
      previousYearBasis = "data";
    } else {
      previousYearCents = 0;
      previousYearBasis = "assumed-zero";
    }
    const source =
      previousYearBasis === "given"
        ? { nl: " (opgegeven)", en: " (as given)" }
        : previousYearBasis === "data"
          ? { nl: " (uit de gegevens)", en: " (from the data)" }
          : { nl: "", en: "" };
    if (previousYearBasis === "assumed-zero") {
      reasons.push({
        nl: `Er zijn geen gegevens over ${prev}; de omzet van ${prev} is als € 0,00 aangenomen. Geef de omzet van ${prev} op als die er was.`,
        en: `There are no data for ${prev}; turnover in ${prev} is assumed to be €0.00. Enter the ${prev} turnover if there was any.`,
      });
    } else if (previousYearCents > threshold) {
      eligible = false;
      const over: Localized = {
        nl: `Omzet die meetelt ${prev}${source.nl}: ${eurNl(previousYearCents)}, hoger dan de omzetgrens van ${eurNl(threshold)}; vanaf ${NEW_KOR_RULES_YEAR} moet ook het vorige jaar binnen de omzetgrens blijven.`,
        en: `Turnover that counts ${prev}${source.en}: ${eurEn(previousYearCents)}, more than the turnover limit of ${eurEn(threshold)}; from ${NEW_KOR_RULES_YEAR} the previous year must also be within the turnover limit.`,
      };
      failing ??= over;
      reasons.push(over);
    } else {
      reasons.push({
        nl: `Omzet die meetelt ${prev}${source.nl}: ${eurNl(previousYearCents)}, niet hoger dan de omzetgrens van ${eurNl(threshold)}.`,
        en: `Turnover that counts ${prev}${source.en}: ${eurEn(previousYearCents)}, not more than the turnover limit of ${eurEn(threshold)}.`,
      });
    }
    if (previousYearBasis === "data") previousYearCrossing = rows.findCrossing(prev);
    if (previousYearCrossing !== null && previousYearCents <= threshold) {
      // Section 5: after a crossing in Y−1, Y fails the previous-year test even when later credit notes
      // bring Y−1's total back within the threshold.
      eligible = false;
      const where = (input.rowName ?? plainRowName)(previousYearCrossing.row);
      const crossed: Localized = {
        nl: `In ${prev} is de omzetgrens overschreden op ${dayNl(previousYearCrossing.day)} (${where.nl}, lopend totaal ${eurNl(previousYearCrossing.runningCents)}); daardoor voldoet ${year} niet aan de toets over het vorige jaar, ook al brengt een latere creditnota het totaal van ${prev} weer binnen de omzetgrens.`,
        en: `In ${prev} the turnover limit was crossed on ${dayEn(previousYearCrossing.day)} (${where.en}, running total ${eurEn(previousYearCrossing.runningCents)}); so ${year} fails the previous-year test, even though a later credit note brings the ${prev} total back within the turnover limit.`,
      };
      failing ??= crossed;
      reasons.push(crossed);
    }
  } else {
    reasons.push({
      nl: `In ${year} telt alleen de omzet van het jaar zelf (de toets over het vorige jaar geldt vanaf ${NEW_KOR_RULES_YEAR}).`,
      en: `In ${year} only that year's turnover is tested (the previous-year test applies from ${NEW_KOR_RULES_YEAR}).`,
    });
    // A previous-year figure the user typed is shown as given, never dropped as "not needed": it decides nothing about
    // this year's answer (section 4), but for a business in the KOR that year it tells whether participation ended in
    // it (section 5; the dates and the warning in summary.ts read it). Before, it was reported as "not needed".
    const given = input.previousYearCents ?? null;
    const prev = year - 1;
    // From 2021: 2019 had no KOR exemption (a figure given for it stays "not needed", as in the pane, which offers none).
    if (given !== null && prev >= FIRST_KOR_YEAR) {
      previousYearCents = given;
      previousYearBasis = "given";
      const fromRows = rows.hasRowsIn(prev) ? rows.countableTurnover(prev).countableCents : null;
      const differs =
        fromRows !== null && fromRows !== given
          ? { nl: `; de rijen van ${prev} in de gegevens tellen op tot ${eurNl(fromRows)}`, en: `; the rows of ${prev} in the data add up to ${eurEn(fromRows)}` }
          : { nl: "", en: "" };
      const ifIn =
        given > parameterOn("kor-threshold", dayFromYmd(prev, 1, 1)) && input.participation?.status !== "out"
          ? {
              nl: ` Het is hoger dan de omzetgrens van ${eurNl(threshold)}: zat de onderneming in ${prev} in de KOR, dan eindigde die deelname in ${prev}, op de dag dat de omzet over de omzetgrens ging.`,
              en: ` It is over the turnover limit of ${eurEn(threshold)}: if the business was in the KOR in ${prev}, that participation ended in ${prev}, on the day turnover went over the turnover limit.`,
            }
          : { nl: "", en: "" };
      reasons.push({
        nl: `Omzet die meetelt ${prev} (opgegeven): ${eurNl(given)}${differs.nl}. Dit bedrag beslist niet of u in ${year} binnen de KOR valt: vóór ${NEW_KOR_RULES_YEAR} telt alleen de omzet van het jaar zelf.${ifIn.nl}`,
        en: `Turnover that counts ${prev} (as given): ${eurEn(given)}${differs.en}. This figure does not decide whether you are within the KOR in ${year}: before ${NEW_KOR_RULES_YEAR} only that year's own turnover counts.${ifIn.en}`,
      });
    }
  }

  if (crossing !== null) {
    const vat =
      crossing.vatCents === null
        ? { nl: "", en: "" }
        : {
            nl: ` De btw op die rij is ${eurNl(crossing.vatCents)} (${crossing.vatRatePercent}% over ${eurNl(crossing.cents)}).`,
            en: ` The VAT on that row is ${eurEn(crossing.vatCents)} (${crossing.vatRatePercent}% of ${eurEn(crossing.cents)}).`,
          };
    const where = (input.rowName ?? plainRowName)(crossing.row);
    const participation = input.participation;
    // A previous-year figure the user gives wins over that year's rows (section 4). Before 2025 no test reads it, but for
    // a participant it still tells whether participation ended in that year (section 5), as in nextPossibleStart.
    const givenPrevious = year - 1 >= FIRST_KOR_YEAR ? (input.previousYearCents ?? null) : null;
    // Section 5: in the KOR since S, the first crossing on or after S ends participation; a later one ends nothing.
    // A given previous-year figure wins over that year's rows, their crossing included (as in nextPossibleStart).
    const endedBefore =
      participation?.status === "in" && crossing.day >= participation.since
        ? firstCrossingSince(
            (y) => (y === year - 1 && givenPrevious !== null ? null : rows.findCrossing(y, parameterOn("kor-threshold", dayFromYmd(y, 1, 1)))?.day ?? null),
            participation.since,
            year - 1,
          )
        : null;
    const previousFails = previousYearCrossing !== null || (previousYearCents !== null && previousYearCents > threshold);
    // A given previous year over its limit, for a participant since before its end: participation ended in it (also
    // before 2025, when no previous-year test reads the figure).
    const endedIn =
      participation?.status === "in" && givenPrevious !== null && givenEndsParticipation({ year: year - 1, cents: givenPrevious }, participation.since)
        ? year - 1
        : null;
    const what = crossingConsequence(crossing.day, year, participation, { endedBefore, endedIn, cannotBeInKor: previousFails });
    const crossingReasons: Localized[] = [
      {
        nl: `De omzetgrens is overschreden op ${dayNl(crossing.day)} (${where.nl}, lopend totaal ${eurNl(crossing.runningCents)}). ${what.nl}${vat.nl}`,
        en: `The turnover limit was crossed on ${dayEn(crossing.day)} (${where.en}, running total ${eurEn(crossing.runningCents)}). ${what.en}${vat.en}`,
      },
    ];
    if (countable <= threshold) crossingReasons.push(creditNoteCaveat(year, countable));
    reasons.splice(crossingAt, 0, ...crossingReasons);
    failing = crossingReasons[0] ?? failing;
  }

  return {
    verdict: eligible ? "eligible" : "not-eligible",
    reasons,
    countableCents: countable,
    previousYearCents,
    previousYearBasis,
    thresholdCents: threshold,
    crossing,
    crossingCaveat: crossing !== null && countable <= threshold ? creditNoteCaveat(year, countable) : null,
    previousYearCrossing,
    failingReason: eligible ? null : failing,
  };
}

/**
 * The caveat beside a crossing when later credit notes bring the year's total (`totalCents`) back within the
 * threshold (kor-rules.md section 5): the crossing stands, but a credit note that cancels a wrong invoice
 * (not a later discount or return) may mean the threshold was never crossed, so the user checks that invoice.
 */
export function creditNoteCaveat(year: number, totalCents: Cents): Localized {
  return {
    nl: `Latere creditnota's brengen het totaal van ${year} terug naar ${eurNl(totalCents)}; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.`,
    en: `Later credit notes bring the ${year} total back to ${eurEn(totalCents)}; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.`,
  };
}

/** creditNoteCaveat for a table cell beside the crossing date (the overviews): the year total and what to check. */
export function creditNoteCaveatShort(year: number, totalCents: Cents): Localized {
  return {
    nl: `creditnota's brengen ${year} terug naar ${eurNl(totalCents)}: controleer of er een foute factuur mee is ingetrokken`,
    en: `credit notes bring ${year} back to ${eurEn(totalCents)}: check whether they cancel a wrong invoice`,
  };
}
