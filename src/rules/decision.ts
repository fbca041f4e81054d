/**
 * Is the KOR worth it? (kor-rules.md section 8) The money on both sides of joining the KOR, or of leaving
 * it for a participant, for one year, in integer cents. Pure: no Office, DOM or clock.
 *
 * The economics, stated once (the view repeats them to the user as assumptions):
 * - Joining, prices to consumers unchanged: a consumer who paid P + VAT now pays the same amount without
 *   VAT, so the business keeps the VAT it used to remit. Business customers deduct VAT, so VAT that is no
 *   longer charged is no saving for them; the usual assumption is that they keep paying the same net price
 *   P, so the business gains nothing on that share.
 * - Leaving, prices to consumers unchanged: a participant's invoice amount X carries no VAT; after leaving
 *   the same X must include VAT, so the business loses X × r / (100 + r) on consumer sales. Business
 *   customers get VAT added on top (they deduct it): no effect for either side.
 * - Input VAT on costs and investments: deductible outside the KOR, not inside it.
 * - Herziening (revision) on entering: a repayment of VAT deducted on capital goods already in use.
 * All amounts are before income tax; administration is described in words, not priced.
 */
import type { Localized } from "../i18n/types";
import type { CategoryCode, FilingPeriod, InvoiceRow } from "./types";
import type { CategoryLine } from "./summary-types";
import { centsExcludingVat, type Cents } from "./money";
import { dayFromYmd, ymdFromDay, type Day } from "./dates";
import { revision, type CapitalGood } from "./herziening";
import { earliestStart, registrationDeadline } from "./periods";
import { voluntaryExit } from "./participation";
import { FIRST_KOR_DAY } from "./parameters";
import { fastYear } from "./internal";
import { countsForKor } from "./categories";
import { yearBounds } from "./turnover";
import { KOR_LIMIT, MOVABLE_YEARS, REAL_ESTATE_YEARS, REVISION_MINIMUM, dayEn, dayNl, eurEn, eurNl } from "./text";

/** The Dutch VAT rates a decision can assume for turnover whose rate the sheet does not give. */
export const ASSUMABLE_RATES = [21, 9] as const;
export type AssumableRate = (typeof ASSUMABLE_RATES)[number];

/** Countable turnover at one VAT rate. */
export interface OutputLine {
  /** 21, 9 or 0 (0 also for exports, intra-EU supplies, reverse charge and exempt turnover: no Dutch VAT charged by you). */
  readonly ratePercent: number;
  /** Turnover at this rate in cents: excluding VAT outside the KOR, the invoiced amount inside it. */
  readonly cents: Cents;
  /** Part of `cents` whose rate the sheet does not give (empty category, "kor", "afstand-nl"): charged at an assumed rate. */
  readonly assumedCents: Cents;
}

export interface OutputLines {
  /** One line per rate that has turnover, highest rate first. */
  readonly lines: OutputLine[];
  /** Margin-scheme turnover: VAT is due on the margin only, which the sheet does not give; left out of the sums. */
  readonly marginCents: Cents;
  /** Notes about what was assumed or left out. */
  readonly notes: Localized[];
}

/** Categories whose VAT rate the sheet does not say; they are charged at the assumed rate. */
const ASSUMED_RATE_CATEGORIES: ReadonlySet<CategoryCode | null> = new Set<CategoryCode | null>([null, "kor", "afstand-nl"]);

/** Rate per countable category; categories not listed here (apart from the assumed and margin ones) carry no Dutch VAT. */
const CATEGORY_RATE: Partial<Record<CategoryCode, number>> = { "21": 21, "9": 9 };

/**
 * The VAT rate a countable category is charged at outside the KOR: 21 or 9 from the sheet, the assumed rate
 * for rows without one, 0 for everything without Dutch VAT you would remit; null for the margin scheme
 * (VAT on the margin, which the sheet does not give).
 */
export function rateOfCategory(category: CategoryCode | null, assumedRatePercent: AssumableRate): number | null {
  if (category === "marge") return null;
  if (ASSUMED_RATE_CATEGORIES.has(category)) return assumedRatePercent;
  return (category !== null ? CATEGORY_RATE[category] : undefined) ?? 0;
}

/**
 * The countable turnover of a year summary grouped by VAT rate. Rows without a rate in the sheet (an empty
 * category, "kor" for a participant, distance sales taxed in NL) are put at `assumedRatePercent`;
 * 0%, export, intra-EU supplies, reverse charge and counting exempt turnover carry no VAT you would remit;
 * margin-scheme turnover is left out (its VAT depends on the margin, which the sheet does not give).
 */
export function outputLinesFromCategories(categories: readonly CategoryLine[], assumedRatePercent: AssumableRate): OutputLines {
  const byRate = new Map<number, { cents: Cents; assumedCents: Cents }>();
  let marginCents = 0;
  for (const c of categories) {
    if (!c.counted) continue;
    if (c.category === "marge") {
      marginCents += c.cents;
      continue;
    }
    const assumed = ASSUMED_RATE_CATEGORIES.has(c.category);
    const rate = rateOfCategory(c.category, assumedRatePercent) ?? 0;
    const line = byRate.get(rate) ?? { cents: 0, assumedCents: 0 };
    line.cents += c.cents;
    if (assumed) line.assumedCents += c.cents;
    byRate.set(rate, line);
  }
  const lines = [...byRate.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([ratePercent, l]) => ({ ratePercent, cents: l.cents, assumedCents: l.assumedCents }));
  const notes: Localized[] = [];
  const assumedTotal = lines.reduce((s, l) => s + l.assumedCents, 0);
  if (assumedTotal !== 0) {
    notes.push({
      nl: `Voor ${eurNl(assumedTotal)} omzet staat geen btw-tarief in het blad; daarvoor is ${assumedRatePercent}% gerekend.`,
      en: `${eurEn(assumedTotal)} of turnover has no VAT rate in the sheet; ${assumedRatePercent}% was used for it.`,
    });
  }
  if (marginCents !== 0) {
    notes.push({
      nl: `${eurNl(marginCents)} omzet valt onder de margeregeling. De btw daarover hangt af van uw winstmarge, die niet in het blad staat; die omzet is niet meegerekend.`,
      en: `${eurEn(marginCents)} of turnover falls under the margin scheme. Its VAT depends on your profit margin, which the sheet does not give; that turnover is left out.`,
    });
  }
  return { lines, marginCents, notes };
}

/** Exempt supplies (art. 11 Wet OB): no right to deduct the input VAT on costs for them, in or out of the KOR. */
const EXEMPT_CATEGORIES: ReadonlySet<CategoryCode> = new Set<CategoryCode>([
  "vrij", "vrij-og", "vrij-fin", "vrij-verz", "vrij-og-bijkomend", "vrij-fin-bijkomend", "vrij-verz-bijkomend",
]);
/**
 * Left out of the split: not supplies of the business's activity (private use, the sale of a capital good, purchases).
 * Every other category is a supply with a right to deduct: taxed at 21%, 9% or 0%, exported, intra-EU, reverse-charged,
 * taxed abroad, or (for a participant) exempt only through the KOR, which leaving ends.
 */
const OUTSIDE_SPLIT: ReadonlySet<CategoryCode> = new Set<CategoryCode>(["prive", "bedrijfsmiddel", "inkoop"]);

/** How much of the input VAT is deductible outside the KOR: the turnover with a right to deduct against exempt turnover. */
export interface DeductibleSplit {
  /** Turnover of the year with a right to deduct (excluding VAT). */
  readonly taxedCents: Cents;
  /** Exempt turnover of the year (vrij and the exempt real estate, financial and insurance codes, ancillary or not). */
  readonly exemptCents: Cents;
}

/**
 * The year's turnover split into supplies with a right to deduct and exempt supplies (pro rata by turnover, the
 * default of art. 11 Uitvoeringsbeschikking OB 1968), from a year summary's categories. `grossAtRate`: the amounts
 * include VAT (the decision's answer for a column that does not say): a taxed category is then taken less the VAT
 * of its rate (the assumed rate for rows without one), as the output lines are.
 */
export function deductibleSplitFromCategories(categories: readonly CategoryLine[], grossAtRate: AssumableRate | null = null): DeductibleSplit {
  let taxedCents = 0;
  let exemptCents = 0;
  for (const c of categories) {
    if (c.category !== null && OUTSIDE_SPLIT.has(c.category)) continue;
    if (c.category !== null && EXEMPT_CATEGORIES.has(c.category)) exemptCents += c.cents;
    else {
      const rate = grossAtRate === null ? 0 : (rateOfCategory(c.category, grossAtRate) ?? 0);
      taxedCents += centsExcludingVat(c.cents, rate);
    }
  }
  return { taxedCents, exemptCents };
}

/**
 * The part of `cents` (input VAT) that is deductible outside the KOR: cents × taxed / (taxed + exempt), rounded half
 * away from zero, exact in integers. All of it without exempt turnover; none of it without turnover with a right to deduct.
 */
export function deductiblePart(cents: Cents, split: DeductibleSplit | null | undefined): Cents {
  if (!split || split.exemptCents <= 0) return cents;
  if (split.taxedCents <= 0) return 0;
  const num = BigInt(Math.abs(cents)) * BigInt(split.taxedCents);
  const den = BigInt(split.taxedCents + split.exemptCents);
  const part = Number((num * BigInt(2) + den) / (den * BigInt(2)));
  return cents < 0 ? -part : part;
}

export interface DecisionInput {
  /** True for a business in the KOR now (the question is then: leave?), false for one outside it (join?). */
  readonly participant: boolean;
  /** Countable turnover by rate for the year the estimate is based on (excluding VAT; a participant's invoiced amounts). */
  readonly lines: readonly OutputLine[];
  /** Share (0..1) of the taxed turnover sold to business customers who deduct VAT, for every rate not in `businessShareByRate`. */
  readonly businessShare: number;
  /**
   * Share (0..1) per rate, measured over the rows of that rate (a sheet's customer column). A rate's share
   * must come from its own rows: reverse-charge or export rows are business by nature and say nothing about
   * who buys the 21% goods.
   */
  readonly businessShareByRate?: Readonly<Record<number, number>>;
  /** Yearly input VAT on running costs that is deductible outside the KOR (and lost inside it). Not investments. */
  readonly inputVatCents: Cents;
  /**
   * Yearly VAT reverse-charged *to* the business (services bought from abroad, such as online advertising):
   * outside the KOR declared and deducted in the same return; in the KOR still payable and no longer deductible.
   */
  readonly reverseChargedVatCents?: Cents;
  /** VAT on a planned investment: a one-off, not a yearly amount. */
  readonly plannedInvestmentVatCents: Cents;
  /**
   * Turnover with and without a right to deduct (deductibleSplitFromCategories). Input VAT on costs for exempt
   * supplies was never deductible, so joining does not lose it: only the deductible part of the input VAT on running
   * costs, of the VAT reverse-charged to the business and of a planned investment's VAT counts (pro rata by turnover).
   * Absent or without exempt turnover: all of it.
   */
  readonly deductible?: DeductibleSplit | null;
  /** The year of the planned investment (null or absent: not given). */
  readonly plannedInvestmentYear?: number | null;
  /** The herziening per year from the KOR start (joining only; ignored for a participant): one-off amounts, each in its year. */
  readonly revision: readonly RevisionYear[] | null;
  /** False when the business does not meet the KOR conditions for the year (default true). */
  readonly eligible?: boolean;
  /** The year whose figures were used; named in the headline when the conditions are not met. */
  readonly basisYear?: number;
  /** Not eligible: the first day joining is possible (named first in the headline). */
  readonly possibleFrom?: Day | null;
  /**
   * Joining: why the data put the next possible start later than the calendar (a crossing, a previous year
   * over the threshold; DecisionDates.delay). Joining is then not possible now, even if the basis year was fine.
   */
  readonly notPossibleReason?: Localized | null;
}

export type DecisionAction = "join" | "leave";

/**
 * - pays / costs / neutral: the action (join or leave) gains money, loses money, or makes no difference a year.
 * - not-possible: joining while the conditions are not met (figures still shown).
 * - must-leave: a participant that no longer meets the conditions (figures still shown).
 */
export type DecisionVerdict = "pays" | "costs" | "neutral" | "not-possible" | "must-leave";

export interface RateEffect {
  readonly ratePercent: number;
  /** Turnover at this rate as in the sheet: excluding VAT outside the KOR, the invoiced amount (no VAT) inside it. */
  readonly turnoverCents: Cents;
  /** Turnover excluding VAT outside the KOR: joining, the same; leaving, consumer prices then include the VAT. */
  readonly netTurnoverCents: Cents;
  /** Business share used for this rate, 0..1. */
  readonly businessShare: number;
  /** VAT that would be remitted on this turnover outside the KOR. */
  readonly outputVatCents: Cents;
  /** The part of it the business keeps in the KOR (consumer sales, prices unchanged). */
  readonly keptCents: Cents;
  /** The part on sales to business customers: remitted outside the KOR but no gain inside it. */
  readonly businessVatCents: Cents;
}

/** An amount that happens once, in its year, apart from the yearly effect. Signed like netCents: positive when it pays. */
export interface OneOff {
  readonly kind: "investment" | "herziening";
  /** The year it falls in; null when not known (a planned investment without a year). */
  readonly year: number | null;
  readonly cents: Cents;
  /** What it is, short: "VAT on the planned investment", "herziening". */
  readonly label: Localized;
}

export interface Decision {
  readonly action: DecisionAction;
  readonly perRate: RateEffect[];
  readonly turnoverCents: Cents;
  /** Turnover excluding VAT outside the KOR (after leaving: consumer prices include the VAT). */
  readonly netTurnoverCents: Cents;
  readonly outputVatCents: Cents;
  readonly keptCents: Cents;
  readonly businessVatCents: Cents;
  /** The business share used for rates without their own, 0..1. */
  readonly businessShare: number;
  /** Yearly input VAT on running costs that is deductible outside the KOR: lost by joining, regained by leaving. */
  readonly inputVatCents: Cents;
  /**
   * The share (0..1) of input VAT that is deductible outside the KOR: turnover with a right to deduct ÷ (that +
   * exempt turnover); 1 without exempt turnover. The input, reverse-charged and planned investment VAT above are
   * already this part of what was given.
   */
  readonly deductibleShare: number;
  /** The input VAT given (running costs, reverse-charged, planned investment) that was never deductible: on exempt supplies. */
  readonly nonDeductibleCents: Cents;
  readonly deductible: DeductibleSplit | null;
  /** Yearly VAT reverse-charged to the business: a cost in the KOR. */
  readonly reverseChargedVatCents: Cents;
  readonly plannedInvestmentVatCents: Cents;
  /** Herziening in the first KOR year (0 for a participant or below the €500 minimum); also in `oneOffs`. */
  readonly revisionCents: Cents;
  /**
   * Yearly effect of the action in cents, positive when it pays; one-off amounts are not in it.
   * join: kept − input VAT − reverse-charged VAT; leave: input VAT + reverse-charged VAT − kept.
   */
  readonly netCents: Cents;
  /** One-off amounts (planned investment, herziening per year), by year, not in `netCents`. */
  readonly oneOffs: OneOff[];
  /**
   * join: joining pays each year as long as yearly input VAT (running costs plus reverse-charged VAT) stays under this.
   * leave: staying pays as long as it stays under it (leaving pays above it).
   */
  readonly breakEvenInputVatCents: Cents;
  readonly verdict: DecisionVerdict;
  /** The result first: the yearly amount, then the one-off amounts with their year. */
  readonly headline: Localized;
  /** The break-even in words (on the yearly figure). */
  readonly breakEven: Localized;
  /** The figures behind the result, one sentence each. */
  readonly reasons: Localized[];
  /** What the figures assume. */
  readonly assumptions: Localized[];
  /** The administrative difference in plain words. */
  readonly administration: Localized[];
}

function roundHalfAway(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

function checkCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of cents, got ${value}`);
}

function checkShare(name: string, share: number): void {
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new RangeError(`${name} must be between 0 and 1, got ${share}`);
}

function pct(share: number, lang: "nl" | "en"): string {
  const p = Math.round(share * 1000) / 10;
  const text = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return (lang === "nl" ? text.replace(".", ",") : text) + "%";
}

/**
 * The money effect of joining the KOR (outside it now) or leaving it (a participant): a yearly figure and,
 * apart from it, the one-off amounts with their year.
 * @throws RangeError for a business share outside 0..1, a rate outside 0..100 or amounts that are not whole cents.
 * @example decideKor({ participant: false, lines: [{ ratePercent: 21, cents: 1_500_000, assumedCents: 0 }],
 *   businessShare: 0, inputVatCents: 80_000, plannedInvestmentVatCents: 0, revision: null })
 *   // keptCents 315_000, netCents 235_000, verdict "pays", breakEvenInputVatCents 315_000
 */
export function decideKor(input: DecisionInput): Decision {
  const { participant, businessShare } = input;
  checkShare("businessShare", businessShare);
  for (const [rate, s] of Object.entries(input.businessShareByRate ?? {})) checkShare(`businessShareByRate[${rate}]`, s);
  checkCents("inputVatCents", input.inputVatCents);
  checkCents("plannedInvestmentVatCents", input.plannedInvestmentVatCents);
  const reverseChargedGiven = input.reverseChargedVatCents ?? 0;
  checkCents("reverseChargedVatCents", reverseChargedGiven);
  if (input.deductible) {
    checkCents("deductible.taxedCents", input.deductible.taxedCents);
    checkCents("deductible.exemptCents", input.deductible.exemptCents);
  }

  const perRate: RateEffect[] = input.lines.map((l) => {
    if (!Number.isFinite(l.ratePercent) || l.ratePercent < 0 || l.ratePercent > 100) {
      throw new RangeError(`ratePercent must be between 0 and 100, got ${l.ratePercent}`);
    }
    checkCents("cents", l.cents);
    const r = l.ratePercent;
    const share = input.businessShareByRate?.[r] ?? businessShare;
    const businessPart = roundHalfAway(l.cents * share);
    const consumerPart = l.cents - businessPart;
    // Business customers: VAT on top of the same net price, both in and out of the KOR.
    const businessVatCents = roundHalfAway((businessPart * r) / 100);
    // Consumers, prices unchanged: outside the KOR the amount excludes VAT (VAT on top); inside it the
    // amount is the whole price, so leaving puts the VAT inside it.
    const keptCents = participant ? roundHalfAway((consumerPart * r) / (100 + r)) : roundHalfAway((consumerPart * r) / 100);
    const netTurnoverCents = participant ? l.cents - keptCents : l.cents;
    return { ratePercent: r, turnoverCents: l.cents, netTurnoverCents, businessShare: share, outputVatCents: keptCents + businessVatCents, keptCents, businessVatCents };
  });
  const sum = (f: (e: RateEffect) => number): number => perRate.reduce((s, e) => s + f(e), 0);
  const keptCents = sum((e) => e.keptCents);
  // Only input VAT on costs for supplies with a right to deduct is lost by joining (regained by leaving).
  const split = input.deductible ?? null;
  const inputVatCents = deductiblePart(input.inputVatCents, split);
  const plannedInvestmentVatCents = deductiblePart(input.plannedInvestmentVatCents, split);
  const reverseChargedVatCents = deductiblePart(reverseChargedGiven, split);
  const nonDeductibleCents = input.inputVatCents - inputVatCents + (input.plannedInvestmentVatCents - plannedInvestmentVatCents) + (reverseChargedGiven - reverseChargedVatCents);
  const deductibleShare = !split || split.exemptCents <= 0 ? 1 : split.taxedCents <= 0 ? 0 : split.taxedCents / (split.taxedCents + split.exemptCents);

  const oneOffs: OneOff[] = [];
  if (plannedInvestmentVatCents !== 0) {
    oneOffs.push({
      kind: "investment",
      year: input.plannedInvestmentYear ?? null,
      cents: participant ? plannedInvestmentVatCents : -plannedInvestmentVatCents,
      label: { nl: "btw op de geplande investering", en: "VAT on the planned investment" },
    });
  }
  const schedule = participant ? [] : (input.revision ?? []);
  for (const y of schedule) {
    checkCents("revision.totalCents", y.totalCents);
    if (y.totalCents !== 0) oneOffs.push({ kind: "herziening", year: y.year, cents: -y.totalCents, label: { nl: "herziening", en: "herziening" } });
  }
  oneOffs.sort((a, b) => (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER));
  const revisionCents = schedule.length > 0 ? schedule[0].totalCents : 0;

  const yearlyLost = inputVatCents + reverseChargedVatCents;
  const netCents = participant ? yearlyLost - keptCents : keptCents - yearlyLost;
  const delay = participant ? null : (input.notPossibleReason ?? null);
  const eligible = (input.eligible ?? true) && delay === null;
  const verdict: DecisionVerdict = !eligible
    ? participant
      ? "must-leave"
      : "not-possible"
    : netCents > 0
      ? "pays"
      : netCents < 0
        ? "costs"
        : "neutral";

  const d: Figures = {
    action: participant ? "leave" : "join",
    perRate,
    turnoverCents: sum((e) => e.turnoverCents),
    netTurnoverCents: sum((e) => e.netTurnoverCents),
    outputVatCents: sum((e) => e.outputVatCents),
    keptCents,
    businessVatCents: sum((e) => e.businessVatCents),
    businessShare,
    inputVatCents,
    deductibleShare,
    nonDeductibleCents,
    deductible: split,
    reverseChargedVatCents,
    plannedInvestmentVatCents,
    revisionCents,
    netCents,
    oneOffs,
    breakEvenInputVatCents: keptCents,
    verdict,
  };
  return {
    ...d,
    headline: headline(d, input.basisYear, input.possibleFrom ?? null, (input.eligible ?? true) ? delay : null),
    breakEven: breakEvenText(d),
    reasons: reasons(d, schedule),
    assumptions: assumptions(d, input.lines),
    administration: administration(d),
  };
}

type Figures = Omit<Decision, "headline" | "breakEven" | "reasons" | "assumptions" | "administration">;

/** "once € -1.260,00 in 2027 (btw op de geplande investering)" parts, joined for a sentence. */
function oneOffsText(oneOffs: readonly OneOff[]): Localized | null {
  if (oneOffs.length === 0) return null;
  const part = (o: OneOff, lang: "nl" | "en"): string => {
    const amount = lang === "nl" ? eurNl(o.cents) : eurEn(o.cents);
    const when =
      o.year === null
        ? lang === "nl"
          ? o.kind === "investment" ? "in het jaar van de investering" : ""
          : o.kind === "investment" ? "in the year of the investment" : ""
        : `in ${o.year}`;
    return `${amount} ${when} (${o.label[lang]})`.replace("  ", " ");
  };
  return {
    nl: `eenmalig ${oneOffs.map((o) => part(o, "nl")).join(", ")}`,
    en: `once ${oneOffs.map((o) => part(o, "en")).join(", ")}`,
  };
}

function headline(d: Figures, year: number | undefined, possibleFrom: Day | null, delay: Localized | null): Localized {
  const inYear = { nl: year === undefined ? "dit jaar" : `in ${year}`, en: year === undefined ? "this year" : `in ${year}` };
  const abs = Math.abs(d.netCents);
  const [nl, en] = [eurNl(abs), eurEn(abs)];
  const once = oneOffsText(d.oneOffs);
  const tail = { nl: once ? `, en ${once.nl}` : "", en: once ? `, and ${once.en}` : "" };
  if (d.verdict === "not-possible") {
    const from = possibleFrom === null
      ? { nl: "", en: "" }
      : {
          nl: ` Meedoen kan op zijn vroegst per ${dayNl(possibleFrom)} (aanmelden uiterlijk op ${dayNl(registrationDeadline(possibleFrom))}).`,
          en: ` The earliest you can join is ${dayEn(possibleFrom)} (register by ${dayEn(registrationDeadline(possibleFrom))}).`,
        };
    if (delay !== null) {
      return {
        nl: `Meedoen aan de KOR kan nu nog niet. ${delay.nl}${from.nl} Ter informatie: meedoen zou ${d.netCents >= 0 ? `${nl} per jaar opleveren` : `${nl} per jaar kosten`}${tail.nl}.`,
        en: `You cannot join the KOR yet. ${delay.en}${from.en} For information: joining would ${d.netCents >= 0 ? `gain you ${en} a year` : `cost you ${en} a year`}${tail.en}.`,
      };
    }
    return {
      nl: `Meedoen aan de KOR kan nu niet: u voldoet ${inYear.nl} niet aan de voorwaarden.${from.nl} Ter informatie: meedoen zou ${d.netCents >= 0 ? `${nl} per jaar opleveren` : `${nl} per jaar kosten`}${tail.nl}.`,
      en: `You cannot join the KOR now: you do not meet the conditions ${inYear.en}.${from.en} For information: joining would ${d.netCents >= 0 ? `gain you ${en} a year` : `cost you ${en} a year`}${tail.en}.`,
    };
  }
  if (d.verdict === "must-leave") {
    return {
      nl: `U voldoet niet meer aan de voorwaarden van de KOR: de KOR stopt voor u, of afmelden nu voordelig is of niet. Afmelden ${d.netCents >= 0 ? `levert ${nl} per jaar op` : `kost ${nl} per jaar`}${tail.nl}.`,
      en: `You no longer meet the KOR conditions: the KOR ends for you whether or not leaving pays. Leaving ${d.netCents >= 0 ? `gains you ${en} a year` : `costs you ${en} a year`}${tail.en}.`,
    };
  }
  if (d.action === "join") {
    if (d.verdict === "pays") return { nl: `Meedoen aan de KOR levert u naar schatting ${nl} per jaar op${tail.nl}.`, en: `Joining the KOR gains you about ${en} a year${tail.en}.` };
    if (d.verdict === "costs") return { nl: `Meedoen aan de KOR kost u naar schatting ${nl} per jaar${tail.nl}.`, en: `Joining the KOR costs you about ${en} a year${tail.en}.` };
    return { nl: `Meedoen aan de KOR maakt per jaar in geld geen verschil${tail.nl}.`, en: `Joining the KOR makes no difference in money a year${tail.en}.` };
  }
  if (d.verdict === "pays") return { nl: `Afmelden voor de KOR levert u naar schatting ${nl} per jaar op${tail.nl}.`, en: `Leaving the KOR gains you about ${en} a year${tail.en}.` };
  if (d.verdict === "costs") {
    return {
      nl: `Afmelden voor de KOR kost u naar schatting ${nl} per jaar${tail.nl}; in de KOR blijven is voordeliger.`,
      en: `Leaving the KOR costs you about ${en} a year${tail.en}; staying in is better.`,
    };
  }
  return { nl: `Afmelden voor de KOR maakt per jaar in geld geen verschil${tail.nl}.`, en: `Leaving the KOR makes no difference in money a year${tail.en}.` };
}

function breakEvenText(d: Figures): Localized {
  const b = d.breakEvenInputVatCents;
  const apart = {
    nl: d.oneOffs.length > 0 ? " Eenmalige bedragen staan hier los van." : "",
    en: d.oneOffs.length > 0 ? " One-off amounts are apart from this." : "",
  };
  if (d.action === "leave") {
    if (b <= 0) {
      return {
        nl: "De KOR levert u geen btw-voordeel op (u houdt geen btw over), dus afmelden kost niets zolang u voorbelasting kunt aftrekken.",
        en: "The KOR gives you no VAT advantage (you keep no VAT), so leaving costs nothing as long as you can deduct input VAT.",
      };
    }
    return {
      nl: `In de KOR blijven loont zolang uw voorbelasting op lopende kosten (met de btw die naar u verlegd is) onder ${eurNl(b)} per jaar blijft; daarboven levert afmelden meer op.${apart.nl}`,
      en: `Staying in the KOR pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under ${eurEn(b)} a year; above that, leaving pays more.${apart.en}`,
    };
  }
  if (b <= 0) {
    return {
      nl: "Meedoen levert u geen btw-voordeel op: u houdt geen btw over (uw belaste omzet gaat naar zakelijke klanten of heeft 0%), dus elke euro voorbelasting is verlies.",
      en: "Joining gives you no VAT advantage: you keep no VAT (your taxed turnover goes to business customers or is at 0%), so every euro of input VAT is a loss.",
    };
  }
  return {
    nl: `Meedoen loont zolang uw voorbelasting op lopende kosten (met de btw die naar u verlegd is) onder ${eurNl(b)} per jaar blijft.${apart.nl}`,
    en: `Joining pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under ${eurEn(b)} a year.${apart.en}`,
  };
}

/** "21%: 0%, 9%: 40%" when the taxed rates have different shares; null when they share one. */
function sharesText(d: Figures, lang: "nl" | "en"): string {
  const taxed = d.perRate.filter((e) => e.ratePercent > 0 && e.turnoverCents !== 0);
  const distinct = new Set(taxed.map((e) => e.businessShare));
  if (distinct.size <= 1) {
    const s = taxed.length > 0 ? taxed[0].businessShare : d.businessShare;
    return lang === "nl" ? `${pct(s, "nl")} van de belaste omzet` : `${pct(s, "en")} of taxed turnover`;
  }
  const list = taxed.map((e) => `${e.ratePercent}%: ${pct(e.businessShare, lang)}`).join(", ");
  return lang === "nl" ? `per tarief gemeten over de omzet van dat tarief: ${list}` : `measured per rate over that rate's turnover: ${list}`;
}

function reasons(d: Figures, schedule: readonly RevisionYear[]): Localized[] {
  const out: Localized[] = [];
  const join = d.action === "join";
  const consumerGross = d.perRate.reduce((s, e) => s + e.turnoverCents - roundHalfAway(e.turnoverCents * e.businessShare), 0);
  if (join) {
    out.push(
      {
        nl: `Zonder KOR draagt u ${eurNl(d.outputVatCents)} btw af over ${eurNl(d.turnoverCents)} omzet exclusief btw die meetelt.`,
        en: `Without the KOR you remit ${eurEn(d.outputVatCents)} of VAT on ${eurEn(d.turnoverCents)} of turnover that counts, excluding VAT.`,
      },
      {
        nl: `Daarvan houdt u ${eurNl(d.keptCents)} zelf: particulieren betalen hetzelfde bedrag, maar u draagt er geen btw meer over af.`,
        en: `You keep ${eurEn(d.keptCents)} of it: consumers pay the same amount, but you no longer remit VAT on it.`,
      },
    );
  } else {
    out.push(
      {
        nl: `Particulieren betalen na afmelden hetzelfde bedrag (${eurNl(consumerGross)}), maar daar zit dan ${eurNl(d.keptCents)} btw in: dat komt uit uw eigen zak.`,
        en: `After leaving, consumers pay the same amount (${eurEn(consumerGross)}), but it then includes ${eurEn(d.keptCents)} of VAT: that comes out of your own pocket.`,
      },
      {
        nl: `Uw omzet exclusief btw wordt dan ${eurNl(d.netTurnoverCents)} (nu ${eurNl(d.turnoverCents)} gefactureerd zonder btw); u draagt daarover ${eurNl(d.outputVatCents)} btw af.`,
        en: `Your turnover excluding VAT then becomes ${eurEn(d.netTurnoverCents)} (now ${eurEn(d.turnoverCents)} invoiced without VAT); you remit ${eurEn(d.outputVatCents)} of VAT on it.`,
      },
    );
  }
  if (d.businessVatCents !== 0 || d.perRate.some((e) => e.businessShare > 0)) {
    out.push({
      nl: `${eurNl(d.businessVatCents)} is btw op omzet aan zakelijke klanten (${sharesText(d, "nl")}). Zij trekken btw af, dus voor hen en voor u verandert de prijs niet: dat deel levert ${join ? "meedoen" : "de KOR"} niets op.`,
      en: `${eurEn(d.businessVatCents)} is VAT on sales to business customers (${sharesText(d, "en")}). They deduct VAT, so the price does not change for them or for you: that part gains you nothing ${join ? "by joining" : "in the KOR"}.`,
    });
  }
  out.push(
    join
      ? {
          nl: `U kunt ${eurNl(d.inputVatCents)} voorbelasting per jaar op lopende kosten niet meer aftrekken.`,
          en: `You can no longer deduct ${eurEn(d.inputVatCents)} a year of input VAT on running costs.`,
        }
      : {
          nl: `U mag weer ${eurNl(d.inputVatCents)} voorbelasting per jaar op lopende kosten aftrekken.`,
          en: `You may deduct ${eurEn(d.inputVatCents)} a year of input VAT on running costs again.`,
        },
  );
  const exempt = exemptReason(d);
  if (exempt !== null) out.push(exempt);
  if (d.reverseChargedVatCents !== 0) {
    out.push(
      join
        ? {
            nl: `${eurNl(d.reverseChargedVatCents)} per jaar is btw die naar u verlegd is (bijvoorbeeld online advertenties uit een ander EU-land). Die blijft u in de KOR verschuldigd, en u mag hem niet meer aftrekken: een kostenpost.`,
            en: `${eurEn(d.reverseChargedVatCents)} a year is VAT reverse-charged to you (for example online advertising from another EU state). In the KOR you still owe it and can no longer deduct it: a cost.`,
          }
        : {
            nl: `${eurNl(d.reverseChargedVatCents)} per jaar aan btw die naar u verlegd is, mag u na afmelden weer aftrekken.`,
            en: `After leaving you may deduct again the ${eurEn(d.reverseChargedVatCents)} a year of VAT reverse-charged to you.`,
          },
    );
  }
  // Only where nothing at all is due: a first-year correction (an estimate) is due besides a yearly revision under €500.
  if (join && schedule.some((y) => y.belowMinimum && y.totalCents === 0)) {
    const years = schedule.filter((y) => y.belowMinimum && y.totalCents === 0).map((y) => y.year).join(", ");
    out.push({
      nl: `Herziening: in ${years} is het bedrag lager dan ${REVISION_MINIMUM.nl}, dus dan hoeft u niets terug te betalen.`,
      en: `Herziening: in ${years} the amount is under ${REVISION_MINIMUM.en}, so you repay nothing then.`,
    });
  }
  if (join && schedule.some((y) => y.totalCents !== 0)) {
    const due = schedule.filter((y) => y.totalCents !== 0);
    out.push({
      nl: `Herziening: u betaalt ${due.map((y) => `${eurNl(y.totalCents)} in ${y.year}`).join(", ")} terug van btw die u eerder aftrok op bedrijfsmiddelen (eenmalig, niet per jaar).`,
      en: `Herziening: you repay ${due.map((y) => `${eurEn(y.totalCents)} in ${y.year}`).join(", ")} of VAT you deducted earlier on capital goods (one-off, not yearly).`,
    });
  }
  const lost = d.inputVatCents + d.reverseChargedVatCents;
  const lostNl = d.reverseChargedVatCents !== 0 ? `${eurNl(d.inputVatCents)} − ${eurNl(d.reverseChargedVatCents)}` : eurNl(d.inputVatCents);
  const lostEn = d.reverseChargedVatCents !== 0 ? `${eurEn(d.inputVatCents)} − ${eurEn(d.reverseChargedVatCents)}` : eurEn(d.inputVatCents);
  out.push(
    join
      ? { nl: `Saldo per jaar: ${eurNl(d.keptCents)} − ${lostNl} = ${eurNl(d.netCents)}.`, en: `Balance per year: ${eurEn(d.keptCents)} − ${lostEn} = ${eurEn(d.netCents)}.` }
      : {
          nl: `Saldo per jaar: ${d.reverseChargedVatCents !== 0 ? `${eurNl(d.inputVatCents)} + ${eurNl(d.reverseChargedVatCents)}` : eurNl(lost)} − ${eurNl(d.keptCents)} = ${eurNl(d.netCents)}.`,
          en: `Balance per year: ${d.reverseChargedVatCents !== 0 ? `${eurEn(d.inputVatCents)} + ${eurEn(d.reverseChargedVatCents)}` : eurEn(lost)} − ${eurEn(d.keptCents)} = ${eurEn(d.netCents)}.`,
        },
  );
  const once = oneOffsText(d.oneOffs);
  if (once) {
    out.push({
      nl: `Niet in het saldo per jaar, maar ${once.nl}.`,
      en: `Not in the yearly balance, but ${once.en}.`,
    });
  }
  return out;
}

/** Why part or all of the input VAT is not lost by joining (regained by leaving): exempt turnover. Null without any. */
function exemptReason(d: Figures): Localized | null {
  const split = d.deductible;
  if (split === null || split.exemptCents <= 0) return null;
  const join = d.action === "join";
  if (d.deductibleShare === 0) {
    return {
      nl: `Al uw omzet is vrijgesteld van btw (${eurNl(split.exemptCents)}, zoals zorg, onderwijs, verhuur). Btw op kosten voor vrijgestelde omzet mocht u nooit aftrekken, dus ${join ? "meedoen kost u daaraan niets" : "afmelden levert daaraan niets op"}${d.nonDeductibleCents !== 0 ? `: ${eurNl(d.nonDeductibleCents)} btw op uw kosten is niet meegeteld` : ""}.`,
      en: `All your turnover is exempt from VAT (${eurEn(split.exemptCents)}, such as healthcare, education, letting). VAT on costs for exempt turnover was never deductible, so ${join ? "joining costs you nothing there" : "leaving gains you nothing there"}${d.nonDeductibleCents !== 0 ? `: ${eurEn(d.nonDeductibleCents)} of VAT on your costs is not counted` : ""}.`,
    };
  }
  const share = { nl: pct(d.deductibleShare, "nl"), en: pct(d.deductibleShare, "en") };
  return {
    nl: `${eurNl(split.exemptCents)} van uw omzet is vrijgesteld van btw; btw op kosten daarvoor mocht u nooit aftrekken. Alleen het deel van de btw op kosten voor belaste omzet telt: ${eurNl(split.taxedCents)} ÷ (${eurNl(split.taxedCents)} + ${eurNl(split.exemptCents)}) = ${share.nl} (verdeling naar omzet, de standaardmethode; uw adviseur kan een andere verdeling naar werkelijk gebruik hanteren).${d.nonDeductibleCents !== 0 ? ` ${eurNl(d.nonDeductibleCents)} btw op uw kosten is daarom niet meegeteld.` : ""}`,
    en: `${eurEn(split.exemptCents)} of your turnover is exempt from VAT; VAT on costs for it was never deductible. Only the part of the VAT on costs for taxed turnover counts: ${eurEn(split.taxedCents)} ÷ (${eurEn(split.taxedCents)} + ${eurEn(split.exemptCents)}) = ${share.en} (split by turnover, the default method; your adviser may use another split by actual use).${d.nonDeductibleCents !== 0 ? ` ${eurEn(d.nonDeductibleCents)} of VAT on your costs is therefore not counted.` : ""}`,
  };
}

function assumptions(d: Figures, lines: readonly OutputLine[]): Localized[] {
  const join = d.action === "join";
  const out: Localized[] = [
    join
      ? {
          nl: "Uw prijzen voor particulieren blijven gelijk: zij betalen hetzelfde bedrag, nu zonder btw.",
          en: "Your prices for consumers stay the same: they pay the same amount, now without VAT.",
        }
      : {
          nl: "Uw prijzen voor particulieren blijven gelijk: de btw zit dan in het bedrag dat zij nu betalen.",
          en: "Your prices for consumers stay the same: the VAT is then included in the amount they pay now.",
        },
    {
      nl: "Zakelijke klanten betalen u hetzelfde bedrag zonder btw. Zij kunnen btw die niet meer wordt gerekend ook niet aftrekken, dus voor hen verandert er niets.",
      en: "Business customers pay you the same amount before VAT. They cannot deduct VAT that is no longer charged, so nothing changes for them.",
    },
    {
      nl: "Klanten die zelf geen btw aftrekken (zorg, onderwijs, andere KOR-ondernemers, vrijgestelde instellingen) tellen als particulieren: voor hen telt alleen het totaalbedrag.",
      en: "Customers who do not deduct VAT themselves (healthcare, education, other KOR businesses, exempt institutions) count as consumers: only the total price matters to them.",
    },
  ];
  const rated = lines.filter((l) => l.cents !== 0);
  if (rated.length > 0) {
    out.push(
      join
        ? {
            nl: `Gebruikte tarieven, over omzet exclusief btw: ${rated.map((l) => `${l.ratePercent}% over ${eurNl(l.cents)}`).join(", ")}. Onder 0% vallen ook export, leveringen binnen de EU, verlegde btw en vrijgestelde omzet.`,
            en: `Rates used, on turnover excluding VAT: ${rated.map((l) => `${l.ratePercent}% on ${eurEn(l.cents)}`).join(", ")}. 0% also covers exports, intra-EU supplies, reverse charge and exempt turnover.`,
          }
        : {
            nl: `Gebruikte tarieven, over uw gefactureerde bedragen (nu zonder btw): ${rated.map((l) => `${l.ratePercent}% over ${eurNl(l.cents)}`).join(", ")}. Onder 0% vallen ook export, leveringen binnen de EU, verlegde btw en vrijgestelde omzet.`,
            en: `Rates used, on your invoiced amounts (now without VAT): ${rated.map((l) => `${l.ratePercent}% on ${eurEn(l.cents)}`).join(", ")}. 0% also covers exports, intra-EU supplies, reverse charge and exempt turnover.`,
          },
    );
  }
  out.push(
    {
      nl: "De voorbelasting per jaar is alleen btw op lopende kosten die u zonder KOR mag aftrekken. Btw op investeringen en de herziening zijn eenmalig en staan apart. Btw op kosten voor vrijgestelde omzet was toch al niet aftrekbaar.",
      en: "Yearly input VAT means only VAT on running costs that you may deduct outside the KOR. VAT on investments and the herziening are one-off and listed apart. VAT on costs for exempt turnover was never deductible.",
    },
    {
      nl: "Alle bedragen zijn vóór inkomstenbelasting: btw die u houdt is extra winst, en btw die u niet aftrekt wordt kosten.",
      en: "All amounts are before income tax: VAT you keep is extra profit, and VAT you cannot deduct becomes a cost.",
    },
  );
  if (!join) {
    out.push({
      nl: "Niet meegerekend: na afmelden kunt u mogelijk een deel van de btw op bedrijfsmiddelen die u tijdens de KOR kocht alsnog aftrekken (herziening in uw voordeel). Vraag dit na bij uw adviseur.",
      en: "Not included: after leaving you may be able to deduct part of the VAT on capital goods bought while in the KOR (a herziening in your favour). Check this with your adviser.",
    });
  }
  return out;
}

function administration(d: Figures): Localized[] {
  const euServices: Localized[] = [
    {
      nl: "Verricht u diensten aan ondernemers in andere EU-landen, dan houdt u uw btw-identificatienummer (btw-id): dat staat op die facturen.",
      en: "If you supply services to businesses in other EU states, you keep your VAT identification number (btw-id): it goes on those invoices.",
    },
    {
      nl: "Op facturen voor diensten aan ondernemers in andere EU-landen staat nog steeds “btw verlegd”, met het btw-id van uw klant.",
      en: "Invoices for services to businesses in other EU states still say “btw verlegd” (VAT reverse-charged), with your customer's VAT id.",
    },
    {
      nl: "De opgaaf intracommunautaire prestaties (ICP) voor die diensten blijft.",
      en: "The ICP declaration (opgaaf intracommunautaire prestaties) for those services stays.",
    },
  ];
  if (d.action === "join") {
    return [
      {
        nl: "Geen btw meer op uw facturen. Op de factuur staat dan: “Vrijgesteld van omzetbelasting op grond van artikel 25 Wet OB”.",
        en: "No VAT on your invoices any more. The invoice states: “Vrijgesteld van omzetbelasting op grond van artikel 25 Wet OB” (exempt under article 25 of the Dutch VAT Act).",
      },
      d.reverseChargedVatCents !== 0
        ? {
            nl: `De btw-aangifte stopt niet helemaal: over de btw die naar u verlegd is (${eurNl(d.reverseChargedVatCents)} per jaar) doet u aangifte en betaalt u, zonder aftrek.`,
            en: `VAT returns do not stop entirely: you declare and pay the VAT reverse-charged to you (${eurEn(d.reverseChargedVatCents)} a year), without deduction.`,
          }
        : {
            nl: "Meestal geen btw-aangifte meer, en geen voorbelasting meer bijhouden. Wordt er btw naar u verlegd (bijvoorbeeld online advertenties uit een ander EU-land), dan doet u daarover wel aangifte en betaalt u die btw.",
            en: "Usually no VAT returns any more, and no input VAT to track. If VAT is reverse-charged to you (for example online advertising from another EU state), you still declare and pay that VAT.",
          },
      ...euServices,
      {
        nl: `U bewaart uw administratie en facturen zoals nu, en u houdt uw omzet (exclusief btw) in de gaten: boven ${KOR_LIMIT.nl} stopt de KOR direct.`,
        en: `You keep your records and invoices as now, and you watch your turnover (excluding VAT): above ${KOR_LIMIT.en} the KOR ends at once.`,
      },
    ];
  }
  return [
    {
      nl: "Btw op elke factuur (behalve aan wie de btw verlegd wordt).",
      en: "VAT on every invoice (except where VAT is reverse-charged to the customer).",
    },
    {
      nl: "Elk aangiftetijdvak (meestal per kwartaal) een btw-aangifte, ook als er niets te betalen is.",
      en: "A VAT return for every filing period (usually each quarter), even when nothing is due.",
    },
    {
      nl: "U mag voorbelasting weer aftrekken, ook de btw die naar u verlegd is; daarvoor bewaart u de inkoopfacturen.",
      en: "You may deduct input VAT again, including VAT reverse-charged to you; keep the purchase invoices for that.",
    },
    {
      nl: "Uw btw-id, “btw verlegd” op facturen voor diensten aan ondernemers in andere EU-landen en de opgaaf ICP blijven zoals nu.",
      en: "Your btw-id, “btw verlegd” on invoices for services to businesses in other EU states, and the ICP declaration stay as now.",
    },
  ];
}

/** One year of a herziening schedule. */
export interface RevisionYear {
  readonly year: number;
  /** Due in that year (0 when below the €500 minimum). */
  readonly totalCents: Cents;
  readonly belowMinimum: boolean;
}

/**
 * The herziening for every year from the KOR start year to the last year any good still has left of its
 * revision period (empty when there is nothing to revise). Each year is `revision(goods, korStart, year)`.
 * @example car, €4,500 VAT, first used 1 Jan 2020, KOR from 1 Jan 2021 → 2021–2024 at €900 each
 */
export function revisionSchedule(goods: readonly CapitalGood[], korStart: Day): RevisionYear[] {
  const first = revision(goods, korStart);
  const maxRemaining = first.perGood.reduce((m, p) => Math.max(m, p.remainingYears), 0);
  const out: RevisionYear[] = [];
  for (let i = 0; i < maxRemaining; i++) {
    const r = i === 0 ? first : revision(goods, korStart, first.year + i);
    out.push({ year: r.year, totalCents: r.totalCents, belowMinimum: r.belowMinimum });
  }
  return out;
}

/** How the herziening of a schedule was computed (kor-rules.md section 8), per year where something applies. */
export interface RevisionMethod {
  /** The method in general words: the same for every schedule. */
  readonly general: Localized;
  /** Per schedule year: the part of the total that is an estimate (first-year correction or the later years of such goods; 0 when none). */
  readonly estimatedCents: ReadonlyMap<number, Cents>;
  /** The year-specific lines (pro rata start year, the €500 minimum, the estimate), in year order. */
  readonly notes: readonly Localized[];
}

/** The method statement for the decision view: what `revisionSchedule` did, and where it estimated. */
export const REVISION_METHOD: Localized = {
  nl: `Methode: per bedrijfsmiddel wordt de afgetrokken btw herzien voor elk jaar dat nog over is van de herzieningsperiode (roerend ${MOVABLE_YEARS} jaar: 1/${MOVABLE_YEARS} per jaar; onroerend ${REAL_ESTATE_YEARS} jaar: 1/${REAL_ESTATE_YEARS} per jaar; vanaf het jaar van ingebruikname). Begint de KOR in de loop van een jaar, dan is de herziening over dat startjaar naar tijdsgelang berekend (maanden in de KOR ÷ 12). De grens van ${REVISION_MINIMUM.nl} per jaar geldt alleen voor bedrijfsmiddelen die al vóór dat jaar in gebruik waren. Een bedrijfsmiddel dat in het startjaar van de KOR voor het eerst is gebruikt, krijgt de eerstejaarscorrectie (art. 15 lid 4 Wet OB); die is geschat naar tijdsgelang (maanden in de KOR ÷ maanden in gebruik × afgetrokken btw) en staat als schatting vermeld. In de latere jaren wordt zo'n bedrijfsmiddel alleen herzien voor het deel van dat eerste jaar vóór de KOR (1/${MOVABLE_YEARS} of 1/${REAL_ESTATE_YEARS} × afgetrokken btw × (1 − maanden in de KOR ÷ maanden in gebruik)); ook dat is een schatting. Elk jaarbedrag is op de cent afgerond; samen betalen de jaren van een bedrijfsmiddel nooit meer terug dan de btw die erop is afgetrokken (bij een paar cent of euro btw worden de laatste jaren zo nodig verlaagd).`,
  en: `Method: for each capital good the VAT deducted is revised for every year left of its revision period (movables ${MOVABLE_YEARS} years: 1/${MOVABLE_YEARS} a year; real estate ${REAL_ESTATE_YEARS} years: 1/${REAL_ESTATE_YEARS} a year; from the year first used). When the KOR starts during a year, that start year's revision is pro rata temporis (months in the KOR ÷ 12). The ${REVISION_MINIMUM.en} minimum a year applies only to goods already in use before that year. A good first used in the KOR start year gets the first-year correction (art. 15(4) Wet OB); it is estimated pro rata temporis (months in the KOR ÷ months in use × VAT deducted) and marked as an estimate. In the later years such a good is revised only for the part of that first year before the KOR (1/${MOVABLE_YEARS} or 1/${REAL_ESTATE_YEARS} × VAT deducted × (1 − months in the KOR ÷ months in use)); that is an estimate too. Each year's amount is rounded to the cent; together a good's years never repay more than the VAT deducted on it (with a VAT of a few cents or euros the last years are reduced where needed).`,
};

/** The method of `revisionSchedule(goods, korStart)`: the general statement and each year's own lines. */
export function revisionMethod(goods: readonly CapitalGood[], korStart: Day, schedule: readonly RevisionYear[]): RevisionMethod {
  const estimatedCents = new Map<number, Cents>();
  const notes: Localized[] = [];
  for (const y of schedule) {
    const r = revision(goods, korStart, y.year);
    if (r.estimatedCents !== 0) estimatedCents.set(y.year, r.estimatedCents);
    notes.push(...r.method);
  }
  return { general: REVISION_METHOD, estimatedCents, notes };
}

/** When to act: the first day the decision can take effect and the day the notice must be received by. */
export interface DecisionDates {
  readonly action: DecisionAction;
  /** First day inside the KOR (join) or outside it (leave): a filing-period start. */
  readonly start: Day;
  /** Registration or exit notice must be received by this day. */
  readonly deadline: Day;
  /**
   * Leave only: last day of the exclusion after leaving, and the earliest new start; null for joining and for an
   * exit that is not allowed (its text gives the exclusion after the earliest allowed exit).
   */
  readonly excludedUntil: Day | null;
  readonly earliestReentry: Day | null;
  /** Leave only: false when the exit is not allowed yet (3-year minimum before 2025). */
  readonly allowed: boolean;
  /** Join only: why the data put the start later than the calendar's (a crossing, a previous year over); null when they do not. */
  readonly delay: Localized | null;
  readonly text: Localized[];
}

/**
 * The earliest start (join) or exit (leave) whose notice can still be received in time from `today`, with
 * its deadline. For leaving, also the exclusion that follows and the earliest re-entry. `joined` (first day
 * in the KOR) only matters for exits before 2025 (3-year minimum); unknown → the 1 January 2020 start.
 */
export function decisionDates(input: {
  participant: boolean;
  today: Day;
  period: FilingPeriod;
  joined?: Day | null;
  /** The next start the data allow (YearSummary.deadlines.nextStart) and why it is later than the calendar's. */
  earliestJoin?: { readonly start: Day; readonly reason: Localized | null } | null;
}): DecisionDates {
  const { participant, today, period } = input;
  const calendarStart = earliestStart(today, period);
  const start = !participant && input.earliestJoin && input.earliestJoin.start > calendarStart ? input.earliestJoin.start : calendarStart;
  const deadline = registrationDeadline(start);
  if (!participant) {
    const text: Localized[] = [
      ...(start !== calendarStart && input.earliestJoin?.reason ? [input.earliestJoin.reason] : []),
      {
        nl: `Vroegste start: ${dayNl(start)}. Uw aanmelding moet uiterlijk op ${dayNl(deadline)} binnen zijn bij de Belastingdienst.`,
        en: `Earliest start: ${dayEn(start)}. Your registration must reach the Belastingdienst by ${dayEn(deadline)}.`,
      },
    ];
    const { month, day } = ymdFromDay(start);
    if (month !== 1 || day !== 1) {
      const nextYear = dayFromYmd(fastYear(start) + 1, 1, 1);
      text.push({
        nl: `Wilt u pas per ${dayNl(nextYear)} meedoen (een heel kalenderjaar), dan moet uw aanmelding uiterlijk op ${dayNl(registrationDeadline(nextYear))} binnen zijn.`,
        en: `To join as of ${dayEn(nextYear)} (a whole calendar year), your registration must arrive by ${dayEn(registrationDeadline(nextYear))}.`,
      });
    }
    return {
      action: "join",
      start,
      deadline,
      excludedUntil: null,
      earliestReentry: null,
      allowed: true,
      delay: start !== calendarStart ? (input.earliestJoin?.reason ?? null) : null,
      text,
    };
  }
  const exit = voluntaryExit({ joined: input.joined ?? FIRST_KOR_DAY, wantedExit: start, period });
  // Not allowed (3-year minimum before 2025): voluntaryExit's own reasons say why and when it can.
  const text: Localized[] = !exit.allowed ? exit.reasons : [
    {
      nl: `Vroegste afmelding: per ${dayNl(exit.exitStart)}. Uw afmelding moet uiterlijk op ${dayNl(exit.noticeDeadline)} binnen zijn bij de Belastingdienst.`,
      en: `Earliest exit: as of ${dayEn(exit.exitStart)}. Your notice must reach the Belastingdienst by ${dayEn(exit.noticeDeadline)}.`,
    },
    {
      nl: `Na afmelden kunt u niet terug tot en met ${dayNl(exit.excludedUntil)}; op zijn vroegst weer meedoen per ${dayNl(exit.earliestReentry)} (aanmelden uiterlijk op ${dayNl(exit.reentryDeadline)}).`,
      en: `After leaving you cannot rejoin until after ${dayEn(exit.excludedUntil)}; the earliest new start is ${dayEn(exit.earliestReentry)} (register by ${dayEn(exit.reentryDeadline)}).`,
    },
  ];
  return {
    action: "leave",
    start: exit.exitStart,
    deadline: exit.noticeDeadline,
    excludedUntil: exit.excludedUntil,
    earliestReentry: exit.earliestReentry,
    allowed: exit.allowed,
    delay: null,
    text,
  };
}

/** How a customer cell reads: a business that deducts VAT, a consumer, or unknown. */
export type CustomerKind = "business" | "consumer" | "unknown";

/** "customer type" column (zakelijk / particulier) or a customer VAT-number column (empty = consumer). */
export type CustomerColumnKind = "type" | "vat-number";

/** From the column header: a VAT-number column (btw-nummer, VAT ID) or a customer-type column. */
export function customerColumnKind(header: unknown): CustomerColumnKind {
  const h = typeof header === "string" ? header.toLowerCase().replace(/[^a-z]/g, "") : "";
  return /btwnummer|btwid|vatnumber|vatid|vatno|btwnr|ustid|tva/.test(h) ? "vat-number" : "type";
}

const BUSINESS_WORDS = ["zakelijk", "bedrijf", "onderneming", "ondernemer", "b2b", "business", "company", "zzp", "bv", "nv", "vof"];
const CONSUMER_WORDS = ["particulier", "consument", "prive", "privé", "b2c", "consumer", "private", "individual", "person", "persoon"];
/**
 * Customers that do not deduct VAT (healthcare, education, other KOR businesses, exempt institutions): for
 * the supplier they behave like consumers, whatever else the cell says ("zakelijk, vrijgesteld").
 */
const NON_DEDUCTING_WORDS = ["zorg", "zorginstelling", "medisch", "onderwijs", "school", "vrijgesteld", "kor", "healthcare", "medical", "education", "exempt", "geenaftrek", "nodeduction"];

/** A customer cell as compared with the user's marks: trimmed, lower case, single spaces. */
export function customerKey(cell: unknown): string {
  const text = typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "";
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** A VAT identification number: two letters and 8–12 digits/letters (NL123456789B01, DE123456789, BE0123456789). */
const VAT_NUMBER = /^[a-z]{2}[0-9a-z+*]{8,12}$/;

/**
 * Reads one customer cell. In a VAT-number column a VAT number means a business and an empty cell a
 * consumer; in a type column words such as zakelijk / B2B / business and particulier / B2C / consumer
 * decide, and a VAT number also means a business. A customer that does not deduct VAT (zorg, onderwijs,
 * vrijgesteld, KOR) reads as a consumer. Anything else is unknown (left out of the share).
 */
export function classifyCustomer(cell: unknown, column: CustomerColumnKind): CustomerKind {
  const text = typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "";
  const t = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
  if (t === "" || t === "-") return column === "vat-number" ? "consumer" : "unknown";
  const compact = t.replace(/[\s.\-]/g, "");
  if (VAT_NUMBER.test(compact) && /\d/.test(compact)) return "business";
  const words = t.split(/[^a-z0-9]+/).filter((w) => w !== "");
  if (words.some((w) => NON_DEDUCTING_WORDS.includes(w)) || NON_DEDUCTING_WORDS.includes(words.join(""))) return "consumer";
  const isBusiness = words.some((w) => BUSINESS_WORDS.includes(w));
  const isConsumer = words.some((w) => CONSUMER_WORDS.includes(w));
  if (isBusiness !== isConsumer) return isBusiness ? "business" : "consumer";
  return column === "vat-number" && (words.includes("nee") || words.includes("geen") || words.includes("none")) ? "consumer" : "unknown";
}

export interface CustomerShare {
  /** businessCents / (businessCents + consumerCents); null when neither has turnover. */
  readonly share: number | null;
  readonly businessCents: Cents;
  readonly consumerCents: Cents;
  readonly unknownCents: Cents;
  /** Sheet rows whose customer cell could not be read, for the message (first ones only). */
  readonly unknownRows: number[];
  readonly unknownCount: number;
}

/**
 * The share of turnover sold to business customers, weighted by amount, over the given rows with their
 * customer cells. Rows whose customer is unknown are left out of the share and reported.
 */
export function customerShare(
  entries: readonly { row: number; cents: Cents; customer: unknown }[],
  column: CustomerColumnKind,
  nonDeducting: ReadonlySet<string> = new Set(),
): CustomerShare {
  let businessCents = 0;
  let consumerCents = 0;
  let unknownCents = 0;
  let unknownCount = 0;
  const unknownRows: number[] = [];
  for (const e of entries) {
    const kind = nonDeducting.has(customerKey(e.customer)) ? "consumer" : classifyCustomer(e.customer, column);
    if (kind === "business") businessCents += e.cents;
    else if (kind === "consumer") consumerCents += e.cents;
    else {
      unknownCents += e.cents;
      if (unknownCount++ < 5) unknownRows.push(e.row);
    }
  }
  const known = businessCents + consumerCents;
  const share = known > 0 ? Math.min(1, Math.max(0, businessCents / known)) : null;
  return { share, businessCents, consumerCents, unknownCents, unknownRows, unknownCount };
}

/** The customer column is used for the business share only when at least this share of the turnover reads clearly. */
export const CUSTOMER_COLUMN_MIN_READABLE = 0.8;

export interface SheetCustomerShare extends CustomerShare {
  readonly column: CustomerColumnKind;
  /** True when the column reads clearly enough (a name column, for example, does not). */
  readonly usable: boolean;
  /** The share per taxed rate, over the rows of that rate only (21 and 9, or the assumed rate). */
  readonly byRate: { readonly ratePercent: number; readonly share: CustomerShare }[];
  /** Customers read as businesses, by turnover (largest first, at most 20): the user can mark those that do not deduct VAT. */
  readonly businessCustomers: { readonly key: string; readonly text: string; readonly cents: Cents }[];
}

/**
 * The business share from the customer column of an invoice table (a customer-type or VAT-number column),
 * over the taxed rows (21%, 9%, or a row without a rate at `assumedRatePercent`) of `year`, in total and
 * per rate. Reverse-charge, export and intra-EU rows are business by nature and left out: they say nothing
 * about who buys the taxed goods. `values` and `rowOffset` as the reading layer got them, so that
 * `values[row.row - rowOffset - 1]` is the sheet row of an InvoiceRow. A column of customer names reads
 * as unknown and is not usable: the user then types the share. Customers in `nonDeducting` (customerKey
 * of their cell) count as consumers.
 */
export function businessShareFromTable(input: {
  readonly values: readonly (readonly unknown[])[];
  readonly rowOffset: number;
  readonly customerColumn: number;
  readonly header: unknown;
  readonly rows: readonly InvoiceRow[];
  readonly year: number;
  readonly assumedRatePercent?: AssumableRate;
  readonly nonDeducting?: readonly string[];
}): SheetCustomerShare {
  const column = customerColumnKind(input.header);
  const nonDeducting = new Set(input.nonDeducting ?? []);
  const { from, to } = yearBounds(input.year);
  const entries: { row: number; cents: Cents; customer: unknown; rate: number }[] = [];
  for (const r of input.rows) {
    if (r.day < from || r.day > to || !countsForKor(r.category)) continue;
    const rate = rateOfCategory(r.category, input.assumedRatePercent ?? 21);
    if (rate === null || rate === 0) continue;
    const line = input.values[r.row - input.rowOffset - 1];
    entries.push({ row: r.row, cents: r.cents, customer: Array.isArray(line) ? line[input.customerColumn] : undefined, rate });
  }
  const share = customerShare(entries, column, nonDeducting);
  const total = share.businessCents + share.consumerCents + share.unknownCents;
  const usable = share.share !== null && total > 0 && (share.businessCents + share.consumerCents) / total >= CUSTOMER_COLUMN_MIN_READABLE;
  const rates = [...new Set(entries.map((e) => e.rate))].sort((x, y) => y - x);
  const byRate = rates.map((ratePercent) => ({ ratePercent, share: customerShare(entries.filter((e) => e.rate === ratePercent), column, nonDeducting) }));
  const business = new Map<string, { text: string; cents: Cents }>();
  for (const e of entries) {
    const key = customerKey(e.customer);
    if (key === "" || classifyCustomer(e.customer, column) !== "business") continue;
    const b = business.get(key) ?? { text: typeof e.customer === "string" ? e.customer.trim() : key, cents: 0 };
    b.cents += e.cents;
    business.set(key, b);
  }
  const businessCustomers = [...business.entries()]
    .map(([key, b]) => ({ key, text: b.text, cents: b.cents }))
    .sort((x, y) => y.cents - x.cents || x.key.localeCompare(y.key))
    .slice(0, 20);
  return { ...share, column, usable, byRate, businessCustomers };
}

/** Whether the amounts of a turnover column include VAT, from its header: "Bedrag incl. btw", "Totaal", "Gross" vs "excl. btw", "Netto". */
export type AmountBasis = "gross" | "net" | "unknown";

export function amountBasisFromHeader(header: unknown): AmountBasis {
  const text = typeof header === "string" ? header.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : "";
  const words = text.split(/[^a-z0-9]+/).filter((w) => w !== "");
  const joined = words.join("");
  if (words.some((w) => ["excl", "exclusief", "excluding", "ex", "exbtw", "exclbtw", "netto", "net", "zonder"].includes(w)) || /exclbtw|exclusiefbtw|exvat|exclvat/.test(joined)) return "net";
  if (words.some((w) => ["incl", "inclusief", "including", "inc", "bruto", "gross", "totaal", "total", "kassa", "ontvangen"].includes(w)) || /inclbtw|inclusiefbtw|inclvat/.test(joined)) return "gross";
  return "unknown";
}

/**
 * Output lines from amounts that include VAT (a cash register export): each rate's amount less the VAT in
 * it, amount × 100 / (100 + rate), half away from zero.
 */
export function linesExcludingVat(lines: readonly OutputLine[]): OutputLine[] {
  return lines.map((l) => ({ ratePercent: l.ratePercent, cents: centsExcludingVat(l.cents, l.ratePercent), assumedCents: centsExcludingVat(l.assumedCents, l.ratePercent) }));
}

export interface PurchaseVat {
  /** Input VAT of the year's purchase rows, in cents. */
  readonly cents: Cents;
  /** Purchase rows of the year with a VAT amount. */
  readonly rows: number;
  /** Purchase rows of the year without a VAT amount (not counted). */
  readonly rowsWithoutVat: number;
}

/**
 * Input VAT from the VAT column of the year's rows: only the purchase rows ("inkoop") of an invoice list,
 * or every row of a purchases list (`onlyPurchases` false). Rows without a VAT amount are counted apart,
 * never guessed.
 */
export function purchaseVatFromRows(rows: readonly InvoiceRow[], year: number, onlyPurchases = true): PurchaseVat {
  const { from, to } = yearBounds(year);
  let cents = 0;
  let withVat = 0;
  let withoutVat = 0;
  for (const r of rows) {
    if (r.day < from || r.day > to) continue;
    if (onlyPurchases && r.category !== "inkoop") continue;
    if (r.vatCents === null) withoutVat++;
    else {
      cents += r.vatCents;
      withVat++;
    }
  }
  return { cents, rows: withVat, rowsWithoutVat: withoutVat };
}

/** One purchase of the basis year, as the decision sorts it: running cost, investment or VAT reverse-charged to the business. */
export interface PurchaseLine {
  /** Sheet row. */
  readonly row: number;
  readonly day: Day;
  /** Amount excluding VAT. */
  readonly cents: Cents;
  /** VAT on the invoice; null when the VAT cell is empty. */
  readonly vatCents: Cents | null;
  /** The row says "verlegd" / "reverse charge": the VAT is reverse-charged to the business. */
  readonly reverseCharged: boolean;
  /** The row says it is an investment ("investering", "bedrijfsmiddel", "activa", "investment"). */
  readonly marked: boolean;
  /** A short description from the row (the longest text cell), for the list the user checks. */
  readonly text: string;
}

const INVESTMENT_WORDS = /investering|bedrijfsmiddel|activa|investment|capital|afschrijving/;
const REVERSE_WORDS = /verlegd|reverse/;

/**
 * The purchases of `year`: only the purchase rows ("inkoop") of an invoice list, or every row of a
 * purchases list (`onlyPurchases` false). The row's own text tells an investment or a reverse charge.
 */
export function purchaseLinesFromTable(input: {
  readonly values: readonly (readonly unknown[])[];
  readonly rowOffset: number;
  readonly rows: readonly InvoiceRow[];
  readonly year: number;
  readonly onlyPurchases: boolean;
}): PurchaseLine[] {
  const { from, to } = yearBounds(input.year);
  const out: PurchaseLine[] = [];
  for (const r of input.rows) {
    if (r.day < from || r.day > to) continue;
    if (input.onlyPurchases && r.category !== "inkoop") continue;
    const line = input.values[r.row - input.rowOffset - 1];
    const texts = (Array.isArray(line) ? line : []).filter((c): c is string => typeof c === "string").map((c) => c.trim());
    const lower = texts.map((t) => t.toLowerCase());
    const reverseCharged = (!input.onlyPurchases && r.category === "verlegd") || lower.some((t) => REVERSE_WORDS.test(t));
    const marked = lower.some((t) => INVESTMENT_WORDS.test(t));
    const text = texts.reduce((best, t) => (t.length > best.length && !/^[\d\s.,:/%€-]*$/.test(t) ? t : best), "").slice(0, 60);
    out.push({ row: r.row, day: r.day, cents: r.cents, vatCents: r.vatCents, reverseCharged, marked, text });
  }
  return out;
}

export interface PurchaseSplit {
  /** Yearly input VAT on running costs. */
  readonly runningVatCents: Cents;
  readonly runningRows: number;
  /** Purchases taken as investments (one-off: their VAT goes to the herziening, not the yearly figure). */
  readonly investments: PurchaseLine[];
  /** VAT reverse-charged to the business a year: the VAT cell, or the assumed 21% of the amount when it is empty. */
  readonly reverseChargedVatCents: Cents;
  readonly reverseChargedRows: number;
  /** Reverse-charged rows without a VAT amount, computed at 21%. */
  readonly reverseChargedAssumedRows: number;
  /** Purchases without a VAT amount (not counted). */
  readonly rowsWithoutVat: number;
}

/** The rate assumed for VAT reverse-charged to the business when the row gives no VAT amount (services: the standard rate). */
const REVERSE_CHARGE_ASSUMED_RATE = 21;

/**
 * Sorts purchases into running costs, investments and reverse charge. An investment is a row marked as one or
 * of at least `minimumCents` excluding VAT (parameter "investment-minimum"); a row in `moved` goes the other way
 * (the user moved it). A reverse-charged row is never an investment.
 */
export function splitPurchases(lines: readonly PurchaseLine[], options: { readonly minimumCents: Cents; readonly moved?: readonly number[] }): PurchaseSplit {
  const moved = new Set(options.moved ?? []);
  let runningVatCents = 0;
  let runningRows = 0;
  let reverseChargedVatCents = 0;
  let reverseChargedRows = 0;
  let reverseChargedAssumedRows = 0;
  let rowsWithoutVat = 0;
  const investments: PurchaseLine[] = [];
  for (const l of lines) {
    if (l.reverseCharged) {
      reverseChargedRows++;
      if (l.vatCents === null || l.vatCents === 0) {
        reverseChargedAssumedRows++;
        reverseChargedVatCents += roundHalfAway((l.cents * REVERSE_CHARGE_ASSUMED_RATE) / 100);
      } else reverseChargedVatCents += l.vatCents;
      continue;
    }
    if (l.vatCents === null) {
      rowsWithoutVat++;
      continue;
    }
    const investment = (l.marked || l.cents >= options.minimumCents) !== moved.has(l.row);
    if (investment) investments.push(l);
    else {
      runningVatCents += l.vatCents;
      runningRows++;
    }
  }
  return { runningVatCents, runningRows, investments, reverseChargedVatCents, reverseChargedRows, reverseChargedAssumedRows, rowsWithoutVat };
}
