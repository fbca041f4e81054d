/**
 * Herziening (revision of deducted input VAT on capital goods) on entering the KOR (kor-rules.md section 8).
 * Input VAT deducted on a capital good is repaid for each remaining year of its revision period:
 * movables 5 years (1/5 a year), real estate 10 years (1/10 a year), counted from the year of first use.
 * No revision in a year whose total is under €500.
 */
import type { Day } from "./dates";
import type { Cents } from "./money";
import { dayFromYmd } from "./dates";
import { parameterOn } from "./parameters";
import { fastYear } from "./internal";

export interface CapitalGood {
  /** Input VAT deducted on the good, in cents. */
  readonly vatCents: Cents;
  /** Day the good was first used in the business. */
  readonly firstUse: Day;
  readonly kind: "movable" | "real-estate";
}

export interface RevisionResult {
  readonly year: number;
  /** Revision due for the year (0 when below the €500 minimum). */
  readonly totalCents: Cents;
  /** True when there is something to revise in the year but the total is under the minimum (so nothing is due). */
  readonly belowMinimum: boolean;
  /** Per good (index into `goods`): the yearly amount in `year` (0 outside the remaining period) and the number of remaining years from the KOR start. */
  readonly perGood: { index: number; yearlyCents: Cents; remainingYears: number }[];
}

/**
 * The revision due for `year` (default: the year of `korStart`) after entering the KOR on `korStart`.
 * The KOR start year counts as a whole year of the remaining period (the sources give no proration rule
 * for a start during the year). Goods first used after `korStart` were bought inside the KOR, where no
 * input VAT is deducted, and are skipped.
 * @example car, €4,500 VAT, first used 1 Jan 2020, KOR from 1 Jan 2021 → €900 in each of 2021–2024
 */
export function revision(goods: readonly CapitalGood[], korStart: Day, year?: number): RevisionResult {
  const startYear = fastYear(korStart);
  const y = year ?? startYear;
  const perGood = goods.map((g, index) => {
    if (g.firstUse > korStart) return { index, yearlyCents: 0, remainingYears: 0 };
    // The revision is made on entering the KOR, so the periods in force on korStart apply (they have not
    // changed for decades); goods first used before 2020 are still revised for their remaining years.
    const periodYears = parameterOn(g.kind === "movable" ? "revision-period-movable-years" : "revision-period-real-estate-years", korStart);
    const firstYear = fastYear(g.firstUse);
    const lastYear = firstYear + periodYears - 1;
    const remainingYears = Math.max(0, lastYear - Math.max(startYear, firstYear) + 1);
    const share = Math.round(Math.abs(g.vatCents) / periodYears) * Math.sign(g.vatCents);
    const inPeriod = y >= startYear && y >= firstYear && y <= lastYear;
    return { index, yearlyCents: inPeriod ? share : 0, remainingYears };
  });
  const sum = perGood.reduce((s, p) => s + p.yearlyCents, 0);
  const minimum = parameterOn("revision-minimum", dayFromYmd(Math.max(y, startYear), 1, 1));
  const belowMinimum = sum > 0 && sum < minimum;
  return { year: y, totalCents: belowMinimum ? 0 : sum, belowMinimum, perGood };
}
