/**
 * Herziening (revision of deducted input VAT on capital goods) on entering the KOR (kor-rules.md section 8).
 * Input VAT deducted on a capital good is repaid for each remaining year of its revision period:
 * movables 5 years (1/5 a year), real estate 10 years (1/10 a year), counted from the year of first use.
 * - No revision in a year whose total is under €500, for goods first used before that year.
 * - Goods first used in the KOR start year itself get the first-year correction (art. 15(4) Wet OB),
 *   estimated pro rata temporis and labelled an estimate; the €500 exception does not apply to it.
 *   Their later years revise 1/5 (1/10) × VAT × (taxable share settled in the first year − 0): the first
 *   year's taxable share is the part of that year in use before the KOR, 1 − months in the KOR ÷ months in
 *   use. Those amounts rest on the estimated first-year share, so they are estimates too; the €500
 *   exception does apply to them (the goods were in use before those years).
 * - A KOR start during the year revises the start year pro rata temporis (months in the KOR ÷ 12).
 * - Cents: each year's amount for a good is its own exact share (VAT × 1/5, × months/12 in a pro rata start year,
 *   the first-year correction, …) rounded once to the cent, half away from zero, as a bookkeeper computes each
 *   year by hand: the same share gives the same cents every year. A good's years may then add up to a cent or
 *   two more than the exact remainder (at most half a cent a year). The €500 test is on the year's total of
 *   these rounded cents, the amounts the user sees.
 * - Never more than was deducted: a good's years from the KOR start year on never add up to more than its VAT
 *   deducted. Where the rounded shares would (only for a VAT of a few cents: €0.03 with 4 years left rounds to
 *   €0.01 a year, €0.04 in all), the last years are reduced: each year gets at most what the earlier years left
 *   of the VAT deducted (€0.01, €0.01, €0.01, €0.00), and the method says so. Any VAT where the rounded shares
 *   stay within the VAT deducted (every realistic amount) keeps its rounded shares unchanged.
 */
import type { Localized } from "../i18n/types";
import type { Day } from "./dates";
import type { Cents } from "./money";
import { dayFromYmd, ymdFromDay } from "./dates";
import { parameterOn } from "./parameters";
import { fastYear } from "./internal";
import { eurEn, eurNl } from "./text";

export interface CapitalGood {
  /** Input VAT deducted on the good, in cents. */
  readonly vatCents: Cents;
  /** Day the good was first used in the business. */
  readonly firstUse: Day;
  readonly kind: "movable" | "real-estate";
}

export interface RevisionGoodLine {
  readonly index: number;
  /**
   * The amount for this good in the year (0 outside the remaining period), before the €500 minimum; reduced where
   * the good's years would otherwise repay more than its VAT deducted.
   */
  readonly yearlyCents: Cents;
  /** Remaining years of the revision period from the KOR start year (inclusive). */
  readonly remainingYears: number;
  /**
   * True when `yearlyCents` is an estimate: the first-year correction of a good first used in the KOR start year,
   * or a later year's revision of such a good (it rests on the estimated first-year share).
   */
  readonly estimate: boolean;
}

export interface RevisionResult {
  readonly year: number;
  /** Revision due for the year: the yearly revision (0 when below the €500 minimum) plus any first-year correction. */
  readonly totalCents: Cents;
  /** True when there is a yearly revision in the year but it is under the minimum (so that part is not due). */
  readonly belowMinimum: boolean;
  /** Per good (index into `goods`). */
  readonly perGood: RevisionGoodLine[];
  /**
   * The part of `totalCents` that is an estimate (0 when none): first-year corrections, and the later years'
   * revision of goods first used in the KOR start year when it is due (not under the €500 minimum).
   */
  readonly estimatedCents: Cents;
  /** Months in the KOR in the start year when it is revised pro rata temporis (a start after 1 January); else null. */
  readonly proRataMonths: number | null;
  /** How the year's figure was made, in words (the method; empty when there is nothing special to say). */
  readonly method: Localized[];
}

/** Months of the calendar year from `day`'s month on (1 Jul → 6). */
function monthsFrom(day: Day): number {
  return 13 - ymdFromDay(day).month;
}

/**
 * A good's exact share for `year` as a fraction of its VAT, `mult / den`, over the good's fixed denominator
 * 12 × months in use in its first year × period years, so that every year of the good is exact in integers:
 * the first-year correction (first used in the KOR start year), a later year of such a good, the pro rata start
 * year, or a whole year (1/5, 1/10). 0 outside the revision period from the KOR start year on.
 */
function exactShare(firstUse: Day, korStart: Day, periodYears: number, year: number): { mult: number; den: number } {
  const startYear = fastYear(korStart);
  const firstYear = fastYear(firstUse);
  const inUse = monthsFrom(firstUse);
  const inKor = monthsFrom(korStart);
  const den = 12 * inUse * periodYears;
  if (year < startYear || year < firstYear || year > firstYear + periodYears - 1) return { mult: 0, den };
  if (firstYear === startYear) return { mult: year === startYear ? inKor * 12 * periodYears : (inUse - inKor) * 12, den };
  return { mult: year === startYear ? inKor * inUse : 12 * inUse, den };
}

/** vat × mult / den rounded half away from zero (vat ≥ 0), exact in doubles for any VAT a cell can hold. */
function roundedPart(vat: Cents, mult: number, den: number): number {
  const whole = Math.floor(vat / den);
  const rest = vat - whole * den;
  return whole * mult + Math.floor((2 * rest * mult + den) / (2 * den));
}

/**
 * The good's cents for `year`: its exact share for that year rounded once, half away from zero, on its own (no
 * rounding of 1/5 first and then × months/12). 1/5 of €2,499.98 gives €500.00 every year (exact €499.996), never
 * €500.00 one year and €499.99 the next; 1/5 of €10,000.03 gives €2,000.01 every year (€8,000.04 over four years
 * for an exact €8,000.024); the pro rata half year of it gives €1,000.00 (exact €1,000.003).
 */
function roundedShare(vat: Cents, firstUse: Day, korStart: Day, periodYears: number, year: number): Cents {
  const { mult, den } = exactShare(firstUse, korStart, periodYears, year);
  return roundedPart(vat, mult, den);
}

/**
 * The good's cents for `year` (its rounded share), reduced so that its years from the KOR start year on never add
 * up to more than its VAT: at most what the rounded shares of the earlier years (start year … year − 1) left.
 * 3 cents, 4 years left: 1, 1, 1, then 0 instead of 1. Returns the cents and how much the cap took off.
 */
function cappedShare(vat: Cents, firstUse: Day, korStart: Day, periodYears: number, year: number): { cents: Cents; reduced: Cents } {
  const own = roundedShare(vat, firstUse, korStart, periodYears, year);
  let before = 0;
  for (let y = fastYear(korStart); y < year; y++) before += roundedShare(vat, firstUse, korStart, periodYears, y);
  const cents = Math.max(0, Math.min(own, vat - before));
  return { cents, reduced: own - cents };
}

/**
 * The revision due for `year` (default: the year of `korStart`) after entering the KOR on `korStart`.
 * Goods first used after `korStart` were bought inside the KOR, where no input VAT is deducted, and are skipped.
 * @example car, €4,500 VAT, first used 1 Jan 2020, KOR from 1 Jan 2021 → €900 in each of 2021–2024
 * @example the same car, KOR from 1 Jul 2021 → 2021: €450 < €500 → 0; 2022: €900 (worked example 27)
 * @example van, €10,000 VAT, first used 1 Jan 2025, KOR from 1 Jul 2025 → 2025: €5,000 (first-year
 *   correction, 6/12); 2026–2029: €2,000 × (1 − 6/12) = €1,000 each (estimates); €9,000 in all
 */
export function revision(goods: readonly CapitalGood[], korStart: Day, year?: number): RevisionResult {
  const startYear = fastYear(korStart);
  const y = year ?? startYear;
  const korMonths = monthsFrom(korStart);
  const proRata = y === startYear && korMonths < 12;
  let regular = 0;
  let estimated = 0;
  let firstYearGoods = 0;
  // Later years of goods first used in the KOR start year: their part of `regular`, and how many there are.
  let laterEstimated = 0;
  let laterGoods = 0;
  // Goods whose amount this year is reduced so that their years never repay more than their VAT, and by how much.
  let cappedGoods = 0;
  let cappedCents = 0;
  const perGood = goods.map((g, index): RevisionGoodLine => {
    if (g.firstUse > korStart) return { index, yearlyCents: 0, remainingYears: 0, estimate: false };
    // The revision is made on entering the KOR, so the periods in force on korStart apply (they have not
    // changed for decades); goods first used before 2020 are still revised for their remaining years.
    const periodYears = parameterOn(g.kind === "movable" ? "revision-period-movable-years" : "revision-period-real-estate-years", korStart);
    const firstYear = fastYear(g.firstUse);
    const lastYear = firstYear + periodYears - 1;
    const remainingYears = Math.max(0, lastYear - Math.max(startYear, firstYear) + 1);
    const inPeriod = y >= startYear && y >= firstYear && y <= lastYear;
    if (!inPeriod) return { index, yearlyCents: 0, remainingYears, estimate: false };
    const sign = Math.sign(g.vatCents);
    const share = cappedShare(Math.abs(g.vatCents), g.firstUse, korStart, periodYears, y);
    const cents = sign * share.cents;
    if (share.reduced !== 0) {
      cappedGoods++;
      cappedCents += share.reduced;
    }
    if (firstYear === y) {
      // First used in the KOR start year: the first-year correction, months in the KOR ÷ months in use.
      estimated += cents;
      firstYearGoods++;
      return { index, yearlyCents: cents, remainingYears, estimate: true };
    }
    if (firstYear === startYear) {
      // A later year of a good first used in the KOR start year: the first-year correction already repaid the
      // share of that year in the KOR, so revise only the share in use before it: 1/5 (1/10) × VAT × (1 −
      // months in the KOR ÷ months in use). 0 for a good in the KOR from its first use.
      regular += cents;
      laterEstimated += cents;
      laterGoods++;
      return { index, yearlyCents: cents, remainingYears, estimate: cents !== 0 };
    }
    regular += cents;
    return { index, yearlyCents: cents, remainingYears, estimate: false };
  });
  const minimum = parameterOn("revision-minimum", dayFromYmd(Math.max(y, startYear), 1, 1));
  const belowMinimum = regular > 0 && regular < minimum;
  const method: Localized[] = [];
  if (proRata && regular !== 0) {
    method.push({
      nl: `De KOR begint in ${startYear} niet op 1 januari: de herziening over ${startYear} is naar tijdsgelang berekend (${korMonths} van de 12 maanden in de KOR).`,
      en: `The KOR starts in ${startYear} after 1 January: the ${startYear} revision is pro rata temporis (${korMonths} of 12 months in the KOR).`,
    });
  }
  if (belowMinimum) {
    method.push({
      nl: `De jaarlijkse herziening over ${y} is ${eurNl(regular)}, minder dan ${eurNl(minimum)}: die is niet verschuldigd.`,
      en: `The ${y} yearly revision is ${eurEn(regular)}, less than ${eurEn(minimum)}: it is not due.`,
    });
  }
  if (firstYearGoods > 0) {
    method.push({
      nl: `Schatting: ${firstYearGoods === 1 ? "een bedrijfsmiddel is" : `${firstYearGoods} bedrijfsmiddelen zijn`} voor het eerst gebruikt in ${y}, het startjaar van de KOR. Daarvoor geldt de eerstejaarscorrectie (art. 15 lid 4 Wet OB), hier geschat naar tijdsgelang (maanden in de KOR ÷ maanden in gebruik × afgetrokken btw) = ${eurNl(estimated)}. De grens van ${eurNl(minimum)} geldt daarvoor niet. Laat het bedrag nagaan door uw adviseur.`,
      en: `Estimate: ${firstYearGoods === 1 ? "a capital good was" : `${firstYearGoods} capital goods were`} first used in ${y}, the KOR start year. ${firstYearGoods === 1 ? "It gets" : "They get"} the first-year correction (art. 15(4) Wet OB), estimated here pro rata temporis (months in the KOR ÷ months in use × VAT deducted) = ${eurEn(estimated)}. The ${eurEn(minimum)} exception does not apply to it. Have your adviser check the amount.`,
    });
  }
  if (laterGoods > 0) {
    const one = laterGoods === 1;
    const est = laterEstimated !== 0;
    const whatNl = one ? "een bedrijfsmiddel dat voor het eerst is gebruikt" : `${laterGoods} bedrijfsmiddelen die voor het eerst zijn gebruikt`;
    const whatEn = one ? "a capital good first used" : `${laterGoods} capital goods first used`;
    method.push({
      nl: `${est ? "Schatting: in" : "In"} ${y} ${one ? "wordt" : "worden"} ${whatNl} in ${startYear} (het startjaar van de KOR) alleen herzien voor het deel van ${startYear} vóór de KOR: 1/5 (onroerend 1/10) van de afgetrokken btw × (1 − maanden in de KOR ÷ maanden in gebruik in ${startYear}) = ${eurNl(laterEstimated)}. De rest is al terugbetaald met de eerstejaarscorrectie${est ? "; dit bedrag rust op die schatting. Laat het nagaan door uw adviseur" : ""}.${est && belowMinimum ? ` Het telt mee in de jaarlijkse herziening over ${y}, die onder ${eurNl(minimum)} blijft: het is niet verschuldigd.` : ""}`,
      en: `${est ? "Estimate: in" : "In"} ${y}, ${whatEn} in ${startYear} (the KOR start year) ${one ? "is" : "are"} revised only for the part of ${startYear} before the KOR: 1/5 (real estate 1/10) of the VAT deducted × (1 − months in the KOR ÷ months in use in ${startYear}) = ${eurEn(laterEstimated)}. The rest was repaid with the first-year correction${est ? "; this amount rests on that estimate. Have your adviser check it" : ""}.${est && belowMinimum ? ` It is part of the ${y} yearly revision, which stays under ${eurEn(minimum)}: it is not due.` : ""}`,
    });
  }
  if (cappedGoods > 0) {
    const one = cappedGoods === 1;
    method.push({
      nl: `In ${y} ${one ? "is het bedrag van een bedrijfsmiddel" : `zijn de bedragen van ${cappedGoods} bedrijfsmiddelen samen`} ${eurNl(cappedCents)} lager dan ${one ? "het afgeronde jaardeel" : "de afgeronde jaardelen"}: elk jaarbedrag is op de cent afgerond, en samen betalen de jaren van een bedrijfsmiddel nooit meer terug dan de btw die erop is afgetrokken.`,
      en: `In ${y} the ${one ? "amount for a capital good is" : `amounts for ${cappedGoods} capital goods are together`} ${eurEn(cappedCents)} less than the rounded yearly ${one ? "share" : "shares"}: each year's amount is rounded to the cent, and together a good's years never repay more than the VAT deducted on it.`,
    });
  }
  return {
    year: y,
    totalCents: (belowMinimum ? 0 : regular) + estimated,
    belowMinimum,
    perGood,
    estimatedCents: estimated + (belowMinimum ? 0 : laterEstimated),
    proRataMonths: proRata ? korMonths : null,
    method,
  };
}
