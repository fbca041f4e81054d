/**
 * The EU-KOR, the cross-border small-business exemption from 2025 (kor-rules.md section 7): Union turnover,
 * turnover per member state, national thresholds, crossing €100,000, and the quarterly turnover report.
 */
import type { Localized } from "../i18n/types";
import { addDays, dayFromYmd, daysInMonth, weekdayOf, type Day } from "./dates";
import type { Cents } from "./money";
import type { CategoryCode, InvoiceRow } from "./types";
import type { EuSummary, PreviousYearBasis } from "./summary-types";
import { countsForKor } from "./categories";
import { ISO_COUNTRY_CODES } from "./country-codes";
import { euStateCode, isEuMemberState, isEuMemberStateIn } from "./member-states";
import {
  FIRST_EU_KOR_YEAR,
  NON_EUR_NATIONAL_THRESHOLDS,
  hasParameterOn,
  parameterOn,
  type ParameterId,
} from "./parameters";
import { firstRunningCrossing } from "./internal";
import { hasRowsIn, yearBounds } from "./turnover";
import { dayEn, dayNl, eurEn, eurNl } from "./text";

export { EU_MEMBER_STATES, euStateCode, isEuMemberState, isEuMemberStateIn } from "./member-states";

/**
 * The member state a row's supply is made in for the EU-KOR (kor-rules.md section 7), or null when the row
 * is not Union turnover. Every row that counts for the Dutch KOR (domestic sales, exports, intra-community
 * supplies of goods, distance sales still taxed in NL, …) is made in NL whatever its country cell says; only
 * a `buitenland` row is placed by its country: an EU member state is that state, a country outside the EU
 * is not Union turnover, and no country at all cannot be placed (null; the summary warns, see
 * unplacedForeignRows). Nor can NL: a row taxed abroad whose country is NL contradicts itself, so its state
 * is unknown, as without a country (never booked to NL, where it would count against NL's €20,000).
 */
export function unionStateOf(r: InvoiceRow): string | null {
  return unionStateOfCells(r.category, r.country);
}

/** unionStateOf for a row's category and country cells. */
export function unionStateOfCells(category: CategoryCode | null, country: string | null): string | null {
  if (countsForKor(category)) return "NL";
  if (category !== "buitenland" || country === null || !isEuMemberState(country)) return null;
  const c = euStateCode(country);
  if (c === "NL") return null;
  return c;
}

/**
 * Whether a row is `buitenland` turnover that cannot be placed in a member state: no country, or NL (taxed
 * abroad, yet in the Netherlands). Such rows are left out of Union turnover and the summary warns.
 */
export function isUnplacedForeign(category: CategoryCode | null, country: string | null): boolean {
  return category === "buitenland" && (country === null || country.trim().toUpperCase() === "NL");
}

/**
 * Which warning a row counted for NL with another country gets (see countedAbroadCountry):
 * - `member-state`: a Dutch supply category, the country a member state of the row's year;
 * - `outside-eu`: a Dutch supply category, the country outside the EU in the row's year;
 * - `verlegd-outside-eu`: `verlegd`, the country outside the EU in the row's year;
 * - `export-in-eu`: `export`, the country another member state of the row's year;
 * - `icp-outside-eu`: `icp`, the country outside the EU in the row's year;
 * - `afstand-nl-outside-eu`: `afstand-nl`, the country outside the EU in the row's year.
 */
export type CountedAbroadKind = "member-state" | "outside-eu" | "verlegd-outside-eu" | "export-in-eu" | "icp-outside-eu" | "afstand-nl-outside-eu";

/** The other country named on a row counted for NL (see countedAbroadCountry). */
export interface CountedAbroad {
  /** ISO alpha-2, upper case; Greece as EL, its VAT code (euStateCode). */
  readonly country: string;
  readonly kind: CountedAbroadKind;
}

/**
 * The warning for a row that counts for NL, by its category and whether its country (not NL) is a member
 * state in the row's year; null when the two agree. `export`, `icp`, `afstand-nl` and `verlegd` carry a foreign
 * customer's country by design, so only the country on the wrong side of the EU's border is warned about
 * (`verlegd` with another member state is already `buitenland`, see placedCategory); every other counted
 * category is a Dutch supply, warned about with any other country.
 */
function countedAbroadKind(category: CategoryCode | null, eu: boolean): CountedAbroadKind | null {
  switch (category) {
    case "verlegd":
      return eu ? null : "verlegd-outside-eu";
    case "export":
      return eu ? "export-in-eu" : null;
    case "icp":
      return eu ? null : "icp-outside-eu";
    case "afstand-nl":
      return eu ? null : "afstand-nl-outside-eu";
    default:
      return eu ? "member-state" : "outside-eu";
  }
}

/**
 * The other country named on a row of `year` that is counted for NL, or null when the row's category and
 * country agree. The rows stay counted as they are (the numbers do not change); the summary warns and the
 * user decides. Kinds of row:
 *
 * - A Dutch supply (it counts for the KOR with a category such as empty, 21, 9, 0, kor, marge or an exempt code
 *   that counts). Read literally, the countries column says the supply is made there, yet the row counts toward
 *   NL's €20,000 and is booked to NL (unionStateOf). `member-state`: a member state of that year (then the row
 *   may be `buitenland`); `outside-eu`: a country outside the EU (then `export` for goods, `buitenland` for a
 *   service supplied there).
 * - `verlegd` whose country is outside the EU in that year (`verlegd-outside-eu`). `verlegd` is a reverse charge
 *   to a Dutch business customer (kor-rules.md section 3), which a customer outside the EU contradicts: the
 *   invoice says "btw verlegd / VAT reverse charged", but a service to a business there is usually supplied
 *   there (`buitenland`), goods shipped out of the EU are `export`. With another member state the reading layer
 *   has already made the row `buitenland` (placedCategory); a `verlegd` row left with a member state (the
 *   United Kingdom in 2020) is not warned about here.
 * - `export` (goods shipped out of the EU) whose country is another member state of that year
 *   (`export-in-eu`): goods shipped to another member state are `icp` (a business customer with a VAT number
 *   there) or a distance sale (`afstand-nl`, a consumer); both count like `export`.
 * - `icp` (goods shipped to a business in another member state) whose country is outside the EU in that year
 *   (`icp-outside-eu`): goods shipped out of the EU are `export`, which counts like `icp`.
 * - `afstand-nl` (goods sold to a consumer in another member state, taxed in NL) whose country is outside the
 *   EU in that year (`afstand-nl-outside-eu`): goods shipped out of the EU are `export`, which counts like
 *   `afstand-nl` (but not toward the €10,000 distance-sales threshold, distanceSalesNl).
 *
 * Null also for no country, NL, or a text that is not an ISO code (the reading layer refuses such cells). NL is
 * not warned about on export, icp or afstand-nl rows: for the EU-KOR the countries column holds the state where
 * the supply is made (kor-rules.md section 7), which is NL for exports, intra-community supplies of goods and
 * distance sales taxed in NL (the functions' help: "empty means NL" on a counted row), so NL there agrees with
 * the rules though the customer is abroad. Greece is named EL, its VAT code (euStateCode).
 */
export function countedAbroadCountry(category: CategoryCode | null, country: string | null, year: number): CountedAbroad | null {
  if (country === null || !countsForKor(category)) return null;
  const c = country.trim().toUpperCase();
  if (c === "NL") return null;
  const eu = isEuMemberStateIn(c, year);
  if (!eu && !ISO_COUNTRY_CODES.has(c)) return null;
  const kind = countedAbroadKind(category, eu);
  return kind === null ? null : { country: euStateCode(c), kind };
}

/**
 * Whether rows of this category can be counted for NL with another country (countedAbroadCountry can be
 * non-null): every category that counts for the KOR.
 */
export function mayBeCountedAbroad(category: CategoryCode | null): boolean {
  return countsForKor(category);
}

/** The rows of a year counted for NL whose country is another country, in sheet order (countedAbroadCountry). */
export function domesticAbroadRows(rows: readonly InvoiceRow[], year: number): { row: number; day: Day; country: string; kind: CountedAbroadKind }[] {
  const { from, to } = yearBounds(year);
  const out: { row: number; day: Day; country: string; kind: CountedAbroadKind }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day < from || r.day > to) continue;
    const abroad = countedAbroadCountry(r.category, r.country, year);
    if (abroad !== null) out.push({ row: r.row, day: r.day, country: abroad.country, kind: abroad.kind });
  }
  return out;
}

/** Whether a row is Union turnover: it counts for the Dutch KOR, or it is `buitenland` in an EU member state. */
export function isUnionTurnover(r: InvoiceRow): boolean {
  return unionStateOf(r) !== null;
}

/** The `buitenland` rows of a year without a country or with NL: turnover that cannot be placed in a member state. */
export function unplacedForeignRows(rows: readonly InvoiceRow[], year: number): InvoiceRow[] {
  const { from, to } = yearBounds(year);
  return rows.filter((r) => r.day >= from && r.day <= to && isUnplacedForeign(r.category, r.country));
}

/** Union turnover of a calendar year (kor-rules.md section 7). */
export function unionTurnover(rows: readonly InvoiceRow[], year: number): Cents {
  const { from, to } = yearBounds(year);
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day >= from && r.day <= to && isUnionTurnover(r)) sum += r.cents;
  }
  return sum;
}

/** Union turnover of a calendar year per member state (see unionStateOf), sorted by country. */
export function turnoverPerState(rows: readonly InvoiceRow[], year: number): Map<string, Cents> {
  const { from, to } = yearBounds(year);
  const out = new Map<string, Cents>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day < from || r.day > to) continue;
    const s = unionStateOf(r);
    if (s === null) continue;
    out.set(s, (out.get(s) ?? 0) + r.cents);
  }
  return byCountry(out);
}

/** The same map sorted by country (turnoverPerState's order). */
export function byCountry(perState: Map<string, Cents>): Map<string, Cents> {
  return new Map([...perState.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

export interface NationalThreshold {
  /** The verified threshold in EUR cents; null when not verified or not a single EUR amount (ask the user). */
  readonly cents: Cents | null;
  readonly note: Localized;
  /** Added: a separate previous-year limit (Germany: €25,000 previous year, €100,000 current year). */
  readonly previousYearCents?: Cents;
  /**
   * The state's verified in-year tolerance in percent (AT: 10), or null when none is verified: then none is
   * applied and reasons say the state's own tolerance was not checked (kor-rules.md section 7).
   */
  readonly tolerancePercent?: number | null;
}

/** The verified in-year tolerance of a member state for `year` in percent, or null (none verified). */
export function nationalTolerance(country: string, year: number): number | null {
  const c = euStateCode(country);
  const id = `eu-national-tolerance-${c}` as ParameterId;
  const jan1 = dayFromYmd(year, 1, 1);
  return hasParameterOn(id, jan1) ? parameterOn(id, jan1) : null;
}

/** The most a state's turnover may reach in the year under a tolerance of `percent` (rounded down to the cent). */
export function toleranceLimit(thresholdCents: Cents, percent: number): Cents {
  return thresholdCents + Math.floor((thresholdCents * percent) / 100);
}

/**
 * A state's verified tolerance in words, the one wording of every surface (KOR.EUELIGIBLE's reasons, the state
 * lines of the pane, report sheet, copied figures and kor-check): "the 10% tolerance AT allows (up to
 * €60,500.00)", to follow "within" / "more than".
 */
export function toleranceText(country: string, percent: number, thresholdCents: Cents): Localized {
  const limit = toleranceLimit(thresholdCents, percent);
  return {
    nl: `de marge van ${percent}% die ${country} toestaat (tot ${eurNl(limit)})`,
    en: `the ${percent}% tolerance ${country} allows (up to ${eurEn(limit)})`,
  };
}

/**
 * Where a limit above a state's threshold comes from, in the same words as `toleranceText`, for after the limit:
 * " (the threshold of €55,000.00 plus the 10% tolerance AT allows)" (or €60,500 beside €55,000 is a riddle).
 */
export function toleranceLimitMade(country: string, percent: number, thresholdCents: Cents): Localized {
  return {
    nl: ` (de grens van ${eurNl(thresholdCents)} plus de marge van ${percent}% die ${country} toestaat)`,
    en: ` (the threshold of ${eurEn(thresholdCents)} plus the ${percent}% tolerance ${country} allows)`,
  };
}

/**
 * A member state's national small-business threshold for `year`, from the parameter table.
 * Only thresholds verified in EUR are returned; CZ and DK (not in EUR), FR (separate goods and services
 * thresholds) and unverified states give null, and the note asks the user for the threshold.
 */
export function nationalThreshold(country: string, year: number): NationalThreshold {
  // Greece is EL (its VAT code), also when the caller gives its ISO code GR.
  const c = euStateCode(country);
  if (!isEuMemberState(c)) {
    return { cents: null, note: { nl: `${c} is geen EU-lidstaat.`, en: `${c} is not an EU member state.` } };
  }
  if (year < FIRST_EU_KOR_YEAR) {
    return {
      cents: null,
      note: { nl: `De EU-KOR bestaat vanaf ${FIRST_EU_KOR_YEAR}.`, en: `The EU-KOR exists from ${FIRST_EU_KOR_YEAR}.` },
    };
  }
  const jan1 = dayFromYmd(year, 1, 1);
  const id = `eu-national-threshold-${c}` as ParameterId;
  if (hasParameterOn(id, jan1)) {
    const cents = parameterOn(id, jan1);
    const prevId: ParameterId = "eu-national-threshold-DE-previous";
    if (c === "DE" && hasParameterOn(prevId, jan1)) {
      const prev = parameterOn(prevId, jan1);
      return {
        cents,
        previousYearCents: prev,
        note: {
          nl: `Duitsland: vorig jaar niet meer dan ${eurNl(prev)}, dit jaar niet meer dan ${eurNl(cents)}.`,
          en: `Germany: previous year not more than ${eurEn(prev)}, this year not more than ${eurEn(cents)}.`,
        },
      };
    }
    const tolerancePercent = nationalTolerance(c, year);
    return {
      cents,
      tolerancePercent,
      note: { nl: `Nationale omzetgrens ${c}: ${eurNl(cents)}.`, en: `National threshold ${c}: ${eurEn(cents)}.` },
    };
  }
  const other = NON_EUR_NATIONAL_THRESHOLDS.find((t) => t.country === c);
  if (other !== undefined) {
    return {
      cents: null,
      note: {
        nl: `Nationale omzetgrens ${c}: ${other.text.nl}; dat is niet één bedrag in euro: ${other.choose.nl}.`,
        en: `National threshold ${c}: ${other.text.en}; that is not one amount in euros: ${other.choose.en}.`,
      },
    };
  }
  return {
    cents: null,
    note: {
      nl: `De nationale omzetgrens van ${c} is niet gecontroleerd: zoek die op bij de belastingdienst van ${c}.`,
      en: `The national threshold of ${c} has not been verified: look it up with ${c}'s tax administration.`,
    },
  };
}

export interface EuEligibilityInput {
  readonly rows: readonly InvoiceRow[];
  readonly year: number;
  /** The member state where the exemption is wanted. */
  readonly country: string;
  /** The state's national threshold in EUR cents when the user gives it (overrides the table). */
  readonly thresholdCents?: Cents | null;
  /**
   * The previous year's Union turnover when the caller knows it. It wins over the rows of that year (as the
   * given previous-year turnover does for the KOR, kor-rules.md section 4); a differing figure is reported.
   */
  readonly previousUnionCents?: Cents | null;
}

export interface EuEligibilityResult {
  readonly verdict: "eligible" | "not-eligible" | "needs-threshold" | "unsupported";
  readonly reasons: Localized[];
  readonly unionCents: Cents;
  readonly previousUnionCents: Cents | null;
  readonly previousUnionBasis: PreviousYearBasis;
  readonly stateCents: Cents;
  readonly thresholdCents: Cents | null;
  /** The state's turnover in the previous year from the rows; null when the data hold no rows of that year. */
  readonly previousStateCents: Cents | null;
  /** The limit the previous year's state turnover was tested against (Germany: €25,000); null when none known. */
  readonly previousThresholdCents: Cents | null;
  /** The in-year tolerance applied, in percent (AT: 10); null when none is verified for the state. */
  readonly tolerancePercent: number | null;
}

/**
 * Can the business use the EU-KOR in `country` for `year`? Union turnover ≤ €100,000 in the year and the
 * previous year, and the state's turnover within its national threshold. A threshold the user gives above
 * the EU cap of €85,000 is capped (Germany's €100,000 current-year limit comes from the table).
 */
export function euEligibility(input: EuEligibilityInput): EuEligibilityResult {
  const { rows, year } = input;
  const country = euStateCode(input.country);
  const unionCents = unionTurnover(rows, year);
  const stateCents = turnoverPerState(rows, year).get(country) ?? 0;
  if (year < FIRST_EU_KOR_YEAR) {
    return {
      verdict: "unsupported",
      reasons: [{
        nl: `Niet ondersteund: de EU-KOR bestaat vanaf ${FIRST_EU_KOR_YEAR}.`,
        en: `Not supported: the EU-KOR exists from ${FIRST_EU_KOR_YEAR}.`,
      }],
      unionCents, previousUnionCents: null, previousUnionBasis: "not-needed", stateCents, thresholdCents: null,
      previousStateCents: null, previousThresholdCents: null, tolerancePercent: null,
    };
  }
  const jan1 = dayFromYmd(year, 1, 1);
  const unionLimit = parameterOn("eu-union-threshold", jan1);
  const reasons: Localized[] = [];
  let failed = false;

  if (!isEuMemberState(country)) {
    failed = true;
    reasons.push({ nl: `${country} is geen EU-lidstaat.`, en: `${country} is not an EU member state.` });
  }

  const crossing = findEuCrossing(rows, year);
  if (unionCents > unionLimit) {
    failed = true;
    // Section 7: the day it went over ends the exemption in every state as of that supply.
    const when = crossing === null
      ? { nl: "", en: "" }
      : {
          nl: ` De grens werd op ${dayNl(crossing.day)} (rij ${crossing.row}) overschreden: de vrijstelling van de EU-KOR vervalt vanaf die levering in elke lidstaat.`,
          en: ` It went over on ${dayEn(crossing.day)} (row ${crossing.row}): the EU-KOR exemption ends as of that supply in every member state.`,
        };
    reasons.push({
      nl: `EU-omzet ${year} ${eurNl(unionCents)} is hoger dan ${eurNl(unionLimit)}.${when.nl}`,
      en: `Union turnover ${year} ${eurEn(unionCents)} is more than ${eurEn(unionLimit)}.${when.en}`,
    });
  } else {
    reasons.push({
      nl: `EU-omzet ${year} ${eurNl(unionCents)} is niet hoger dan ${eurNl(unionLimit)}.`,
      en: `Union turnover ${year} ${eurEn(unionCents)} is not more than ${eurEn(unionLimit)}.`,
    });
  }
  if (crossing !== null && unionCents <= unionLimit) {
    failed = true;
    reasons.push({
      nl: `Op ${dayNl(crossing.day)} (rij ${crossing.row}) kwam de EU-omzet boven ${eurNl(unionLimit)}; een latere creditnota maakt dat niet ongedaan. Trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.`,
      en: `On ${dayEn(crossing.day)} (row ${crossing.row}) Union turnover went over ${eurEn(unionLimit)}; a later credit note does not undo this. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.`,
    });
  }

  const prev = year - 1;
  let previousUnionCents: Cents;
  let previousUnionBasis: PreviousYearBasis;
  const givenUnion = input.previousUnionCents ?? null;
  if (givenUnion !== null) {
    // As for the KOR (section 4): a figure the user gives wins over the rows of the previous year.
    previousUnionCents = givenUnion;
    previousUnionBasis = "given";
    if (hasRowsIn(rows, prev)) {
      const fromRows = unionTurnover(rows, prev);
      if (fromRows !== givenUnion) {
        reasons.push({
          nl: `De opgegeven EU-omzet ${prev} van ${eurNl(givenUnion)} is gebruikt; de rijen van ${prev} in de gegevens tellen op tot ${eurNl(fromRows)}. Controleer welk bedrag klopt.`,
          en: `The given ${prev} Union turnover of ${eurEn(givenUnion)} was used; the rows of ${prev} in the data add up to ${eurEn(fromRows)}. Check which figure is right.`,
        });
      }
    }
  } else if (hasRowsIn(rows, prev)) {
    previousUnionCents = unionTurnover(rows, prev);
    previousUnionBasis = "data";
  } else {
    previousUnionCents = 0;
    previousUnionBasis = "assumed-zero";
  }
  if (previousUnionBasis === "assumed-zero") {
    reasons.push({
      nl: `Er zijn geen gegevens over ${prev}; de EU-omzet van ${prev} is als € 0,00 aangenomen.`,
      en: `There are no data for ${prev}; Union turnover in ${prev} is assumed to be €0.00.`,
    });
  } else if (previousUnionCents > unionLimit) {
    failed = true;
    reasons.push({
      nl: `EU-omzet ${prev} ${eurNl(previousUnionCents)} is hoger dan ${eurNl(unionLimit)}.`,
      en: `Union turnover ${prev} ${eurEn(previousUnionCents)} is more than ${eurEn(unionLimit)}.`,
    });
  } else {
    reasons.push({
      nl: `EU-omzet ${prev} ${eurNl(previousUnionCents)} is niet hoger dan ${eurNl(unionLimit)}.`,
      en: `Union turnover ${prev} ${eurEn(previousUnionCents)} is not more than ${eurEn(unionLimit)}.`,
    });
  }
  const previousCrossing = previousUnionBasis === "data" ? findEuCrossing(rows, prev) : null;
  if (previousCrossing !== null && previousUnionCents <= unionLimit) {
    // Section 7: a Union crossing of €100,000 blocks the next year, whatever credit notes came later.
    failed = true;
    reasons.push({
      nl: `In ${prev} kwam de EU-omzet op ${dayNl(previousCrossing.day)} (rij ${previousCrossing.row}) boven ${eurNl(unionLimit)}; daardoor is ${year} geblokkeerd, ook al brengt een latere creditnota het totaal van ${prev} weer binnen de grens.`,
      en: `In ${prev} Union turnover went over ${eurEn(unionLimit)} on ${dayEn(previousCrossing.day)} (row ${previousCrossing.row}); so ${year} is blocked, even though a later credit note brings the ${prev} total back within the limit.`,
    });
  }

  // Section 7: the Union test fails for the whole year (last year) or from a day this year (a crossing); a state's
  // own tolerance then keeps nothing to the end of the year.
  const unionBlocked = (previousUnionBasis !== "assumed-zero" && previousUnionCents > unionLimit) || previousCrossing !== null;

  const national = nationalThreshold(country, year);
  let thresholdCents: Cents | null = national.cents;
  if (input.thresholdCents !== undefined && input.thresholdCents !== null) {
    const cap = parameterOn("eu-state-cap", jan1);
    thresholdCents = Math.min(input.thresholdCents, cap);
    if (input.thresholdCents > cap) {
      reasons.push({
        nl: `De opgegeven grens is hoger dan het EU-maximum van ${eurNl(cap)}; ${eurNl(cap)} is gebruikt.`,
        en: `The threshold given is more than the EU maximum of ${eurEn(cap)}; ${eurEn(cap)} was used.`,
      });
    }
  }
  const tolerancePercent = thresholdCents === null ? null : (national.tolerancePercent ?? null);
  // The most the state's turnover may reach this year (AT: its tolerance); going over it at any invoice ends
  // the exemption there, whatever later credit notes do (as for the Union, above).
  const stateLimit = thresholdCents === null ? null : tolerancePercent === null ? thresholdCents : toleranceLimit(thresholdCents, tolerancePercent);
  const stateCrossing = stateLimit === null ? null : findStateCrossing(rows, year, country, stateLimit);
  // Section 7: when the Union test ended the EU-KOR first (blocked this year, or crossed on an earlier day), VAT is
  // due in the state from then, not from the state's own later crossing; the reason names both.
  // A Union crossing on an earlier day than `day` ended the EU-KOR in the state first (section 7).
  const unionFirstAt = (day: Day): Localized | null =>
    crossing !== null && crossing.day < day
      ? {
          nl: ` (de vrijstelling van de EU-KOR was er al vervallen vanaf de levering van ${dayNl(crossing.day)} (rij ${crossing.row}), toen de EU-omzet boven ${eurNl(unionLimit)} kwam)`,
          en: ` (the EU-KOR exemption had already ended there as of the supply of ${dayEn(crossing.day)} (row ${crossing.row}), when Union turnover went over ${eurEn(unionLimit)})`,
        }
      : null;
  const unionFirst: Localized | null =
    stateCrossing === null
      ? null
      : unionBlocked
        ? {
            nl: `, maar de EU-KOR kon in ${year} helemaal niet worden gebruikt: de EU-omzet kwam in ${prev} boven ${eurNl(unionLimit)}.`,
            en: `, but the EU-KOR could not be used in ${year} at all: Union turnover went over ${eurEn(unionLimit)} in ${prev}.`,
          }
        : crossing !== null && crossing.day < stateCrossing.day
          ? {
              nl: `, maar de vrijstelling van de EU-KOR was in ${country} al vervallen vanaf de levering van ${dayNl(crossing.day)} (rij ${crossing.row}), toen de EU-omzet boven ${eurNl(unionLimit)} kwam: vanaf die levering is btw verschuldigd in ${country}.`,
              en: `, but the EU-KOR exemption had already ended in ${country} as of the supply of ${dayEn(crossing.day)} (row ${crossing.row}), when Union turnover went over ${eurEn(unionLimit)}: VAT is due in ${country} from that supply on.`,
            }
          : null;
  // Without a threshold (not verified, not one EUR amount, none given), the EU maximum still decides: no state's
  // threshold may exceed €85,000 (Directive art. 284(1)), so turnover over it is over that state's threshold.
  const cap = parameterOn("eu-state-cap", jan1);
  const capCrossing = thresholdCents === null && !unionBlocked ? findStateCrossing(rows, year, country, cap) : null;
  if ((thresholdCents === null || stateLimit === null) && capCrossing !== null) {
    failed = true;
    const whole = stateCents <= cap
      ? { nl: ` Een latere creditnota maakt dat niet ongedaan, ook al is de omzet in ${country} over heel ${year} ${eurNl(stateCents)}.`, en: ` A later credit note does not undo this, even though turnover in ${country} for the whole of ${year} is ${eurEn(stateCents)}.` }
      : { nl: "", en: "" };
    reasons.push({
      nl: `Op ${dayNl(capCrossing.day)} (rij ${capCrossing.row}) kwam de omzet in ${country} boven ${eurNl(cap)}, het EU-maximum voor elke nationale omzetgrens (art. 284 lid 1 btw-richtlijn): die omzet is dus hoger dan de grens van ${country}, welke dat ook is. De vrijstelling in ${country} is uiterlijk vanaf die levering vervallen${unionFirstAt(capCrossing.day)?.nl ?? ""}; of ${country} een marge toestaat, is niet gecontroleerd en er is geen marge toegepast. In ${year + 1} is ${country} uitgesloten (toets over het vorige jaar).${whole.nl}`,
      en: `On ${dayEn(capCrossing.day)} (row ${capCrossing.row}) turnover in ${country} went over ${eurEn(cap)}, the EU maximum for any national threshold (Directive art. 284(1)): so it is over ${country}'s threshold, whatever that is. The exemption in ${country} ended as of that supply at the latest${unionFirstAt(capCrossing.day)?.en ?? ""}; whether ${country} allows a tolerance was not checked, and none was applied. In ${year + 1} ${country} is blocked (previous-year test).${whole.en}`,
    });
  } else if (thresholdCents === null || stateLimit === null) {
    reasons.push(national.note);
  } else if (stateCrossing !== null && stateCents <= stateLimit && unionFirst !== null) {
    failed = true;
    const made = tolerancePercent === null ? { nl: "", en: "" } : toleranceLimitMade(country, tolerancePercent, thresholdCents);
    reasons.push({
      nl: `Op ${dayNl(stateCrossing.day)} (rij ${stateCrossing.row}) kwam de omzet in ${country} boven ${eurNl(stateLimit)}${made.nl}${unionFirst.nl}`,
      en: `On ${dayEn(stateCrossing.day)} (row ${stateCrossing.row}) turnover in ${country} went over ${eurEn(stateLimit)}${made.en}${unionFirst.en}`,
    });
  } else if (stateCrossing !== null && stateCents <= stateLimit) {
    failed = true;
    // AT's limit is its threshold plus its tolerance: say so.
    const made = tolerancePercent === null ? { nl: "", en: "" } : toleranceLimitMade(country, tolerancePercent, thresholdCents);
    reasons.push({
      nl: `Op ${dayNl(stateCrossing.day)} (rij ${stateCrossing.row}) kwam de omzet in ${country} boven ${eurNl(stateLimit)}${made.nl}; daarmee is de vrijstelling in ${country} vanaf die levering vervallen. Een latere creditnota maakt dat niet ongedaan, ook al is de omzet in ${country} over heel ${year} ${eurNl(stateCents)}.`,
      en: `On ${dayEn(stateCrossing.day)} (row ${stateCrossing.row}) turnover in ${country} went over ${eurEn(stateLimit)}${made.en}, which ended the exemption in ${country} as of that supply. A later credit note does not undo this, even though turnover in ${country} for the whole of ${year} is ${eurEn(stateCents)}.`,
    });
  } else if (stateCents <= thresholdCents) {
    reasons.push({
      nl: `Omzet in ${country} ${year} ${eurNl(stateCents)} is niet hoger dan de nationale grens van ${eurNl(thresholdCents)}.`,
      en: `Turnover in ${country} ${year} ${eurEn(stateCents)} is not more than the national threshold of ${eurEn(thresholdCents)}.`,
    });
  } else if (tolerancePercent !== null && stateCents <= toleranceLimit(thresholdCents, tolerancePercent)) {
    // Section 7, worked example 25: within a verified tolerance the exemption runs to the end of the year.
    const tol = toleranceText(country, tolerancePercent, thresholdCents);
    // Not while the Union test ends the EU-KOR (worked example 19): then the tolerance keeps nothing to year end.
    const runs = unionBlocked
      ? {
          nl: `, maar de EU-KOR kan in ${year} niet worden gebruikt: de EU-omzet kwam in ${prev} boven ${eurNl(unionLimit)}.`,
          en: `, but the EU-KOR cannot be used in ${year}: Union turnover went over ${eurEn(unionLimit)} in ${prev}.`,
        }
      : crossing !== null
        ? {
            nl: `, maar de vrijstelling van de EU-KOR vervalt ook in ${country} vanaf de levering van ${dayNl(crossing.day)} (rij ${crossing.row}), toen de EU-omzet boven ${eurNl(unionLimit)} kwam.`,
            en: `, but the EU-KOR exemption ends in ${country} too as of the supply of ${dayEn(crossing.day)} (row ${crossing.row}), when Union turnover went over ${eurEn(unionLimit)}.`,
          }
        : {
            nl: `: de vrijstelling in ${country} loopt door tot het einde van ${year}.`,
            en: `: the exemption in ${country} runs to the end of ${year}.`,
          };
    reasons.push({
      nl: `Omzet in ${country} ${year} ${eurNl(stateCents)} is hoger dan de nationale grens van ${eurNl(thresholdCents)}, maar binnen ${tol.nl}${runs.nl} In ${year + 1} is ${country} uitgesloten (toets over het vorige jaar).`,
      en: `Turnover in ${country} ${year} ${eurEn(stateCents)} is more than the national threshold of ${eurEn(thresholdCents)}, but within ${tol.en}${runs.en} In ${year + 1} ${country} is blocked (previous-year test).`,
    });
  } else {
    failed = true;
    const allowed = tolerancePercent === null ? null : toleranceText(country, tolerancePercent, thresholdCents);
    const tolerance =
      allowed !== null
        ? { nl: ` Dat is ook meer dan ${allowed.nl}.`, en: ` That is also more than ${allowed.en}.` }
        : {
            nl: ` Of ${country} een marge toestaat om de vrijstelling tot het einde van het jaar te houden, is niet gecontroleerd; er is geen marge toegepast.`,
            en: ` Whether ${country} allows a tolerance that keeps the exemption to the end of the year was not checked; no tolerance was applied.`,
          };
    // Section 7 / art. 288a: the day it went over the state's limit ends the exemption there as of that supply.
    const made = tolerancePercent === null ? { nl: "", en: "" } : toleranceLimitMade(country, tolerancePercent, thresholdCents);
    const when = stateCrossing === null
      ? { nl: "", en: "" }
      : unionFirst !== null
        ? {
            nl: ` De omzet in ${country} kwam op ${dayNl(stateCrossing.day)} (rij ${stateCrossing.row}) boven ${eurNl(stateLimit)}${made.nl}${unionFirst.nl}`,
            en: ` Turnover in ${country} went over ${eurEn(stateLimit)}${made.en} on ${dayEn(stateCrossing.day)} (row ${stateCrossing.row})${unionFirst.en}`,
          }
        : {
          nl: ` De omzet in ${country} kwam op ${dayNl(stateCrossing.day)} (rij ${stateCrossing.row}) boven ${eurNl(stateLimit)}${made.nl}; daarmee is de vrijstelling in ${country} vanaf die levering vervallen: vanaf dan is btw verschuldigd in ${country}.`,
          en: ` Turnover in ${country} went over ${eurEn(stateLimit)}${made.en} on ${dayEn(stateCrossing.day)} (row ${stateCrossing.row}), which ended the exemption in ${country} as of that supply: VAT is due in ${country} from then on.`,
        };
    reasons.push({
      nl: `Omzet in ${country} ${year} ${eurNl(stateCents)} is hoger dan de nationale grens van ${eurNl(thresholdCents)}.${tolerance.nl}${when.nl}`,
      en: `Turnover in ${country} ${year} ${eurEn(stateCents)} is more than the national threshold of ${eurEn(thresholdCents)}.${tolerance.en}${when.en}`,
    });
  }

  // Section 7, worked example 24: the state's turnover in the previous year must be within its threshold
  // too (Germany: its own previous-year limit). No tolerance applies to the previous year.
  const previousThresholdCents: Cents | null = national.previousYearCents ?? thresholdCents;
  let previousStateCents: Cents | null = null;
  if (previousThresholdCents !== null && hasRowsIn(rows, prev)) {
    previousStateCents = turnoverPerState(rows, prev).get(country) ?? 0;
    const previousStateCrossing = findStateCrossing(rows, prev, country, previousThresholdCents);
    if (previousStateCents <= previousThresholdCents && previousStateCrossing !== null) {
      failed = true;
      reasons.push({
        nl: `In ${prev} kwam de omzet in ${country} op ${dayNl(previousStateCrossing.day)} (rij ${previousStateCrossing.row}) boven ${eurNl(previousThresholdCents)}: de vrijstelling in ${country} kan in ${year} niet worden gebruikt (toets over het vorige jaar, art. 288 bis lid 1 btw-richtlijn), ook al brengt een latere creditnota de omzet in ${country} over ${prev} terug tot ${eurNl(previousStateCents)}.`,
        en: `In ${prev} turnover in ${country} went over ${eurEn(previousThresholdCents)} on ${dayEn(previousStateCrossing.day)} (row ${previousStateCrossing.row}): the exemption in ${country} cannot be used in ${year} (previous-year test, Directive art. 288a(1)), even though a later credit note brings turnover in ${country} for ${prev} back to ${eurEn(previousStateCents)}.`,
      });
    } else if (previousStateCents > previousThresholdCents) {
      failed = true;
      reasons.push({
        nl: `Omzet in ${country} ${prev} ${eurNl(previousStateCents)} is hoger dan ${eurNl(previousThresholdCents)}: de vrijstelling in ${country} kan in ${year} niet worden gebruikt (toets over het vorige jaar, art. 288 bis lid 1 btw-richtlijn).`,
        en: `Turnover in ${country} ${prev} ${eurEn(previousStateCents)} is more than ${eurEn(previousThresholdCents)}: the exemption in ${country} cannot be used in ${year} (previous-year test, Directive art. 288a(1)).`,
      });
    } else {
      reasons.push({
        nl: `Omzet in ${country} ${prev} ${eurNl(previousStateCents)} is niet hoger dan ${eurNl(previousThresholdCents)}.`,
        en: `Turnover in ${country} ${prev} ${eurEn(previousStateCents)} is not more than ${eurEn(previousThresholdCents)}.`,
      });
    }
  } else if (previousThresholdCents === null && hasRowsIn(rows, prev)) {
    // No threshold known, but over the EU maximum of €85,000 is over any state's threshold (Directive art. 284(1)).
    previousStateCents = turnoverPerState(rows, prev).get(country) ?? 0;
    const previousCapCrossing = findStateCrossing(rows, prev, country, cap);
    if (previousStateCents > cap || previousCapCrossing !== null) {
      failed = true;
      const how = previousCapCrossing !== null
        ? { nl: `kwam de omzet in ${country} op ${dayNl(previousCapCrossing.day)} (rij ${previousCapCrossing.row}) boven ${eurNl(cap)}`, en: `turnover in ${country} went over ${eurEn(cap)} on ${dayEn(previousCapCrossing.day)} (row ${previousCapCrossing.row})` }
        : { nl: `was de omzet in ${country} ${eurNl(previousStateCents)}, hoger dan ${eurNl(cap)}`, en: `turnover in ${country} was ${eurEn(previousStateCents)}, more than ${eurEn(cap)}` };
      reasons.push({
        nl: `In ${prev} ${how.nl}, het EU-maximum voor elke nationale omzetgrens (art. 284 lid 1 btw-richtlijn), dus boven de grens van ${country}, welke dat ook is: de vrijstelling in ${country} kan in ${year} niet worden gebruikt (toets over het vorige jaar, art. 288 bis lid 1 btw-richtlijn).`,
        en: `In ${prev} ${how.en}, the EU maximum for any national threshold (Directive art. 284(1)), so over ${country}'s threshold, whatever that is: the exemption in ${country} cannot be used in ${year} (previous-year test, Directive art. 288a(1)).`,
      });
    }
  } else if (previousThresholdCents !== null) {
    // The data hold no rows of the previous year: say that this condition was not checked.
    reasons.push({
      nl: `Niet gecontroleerd: uw omzet in ${country} in ${prev} mag niet hoger zijn geweest dan ${eurNl(previousThresholdCents)}; de gegevens bevatten geen rijen van ${prev}. Controleer dat zelf.`,
      en: `Not checked: your turnover in ${country} in ${prev} must not have been more than ${eurEn(previousThresholdCents)}; the data hold no rows of ${prev}. Check this yourself.`,
    });
  }

  const verdict = failed ? "not-eligible" : thresholdCents === null ? "needs-threshold" : "eligible";
  return {
    verdict, reasons, unionCents, previousUnionCents, previousUnionBasis, stateCents, thresholdCents,
    previousStateCents, previousThresholdCents, tolerancePercent,
  };
}

/** `n` working days (Monday–Friday; public holidays are not known to the engine) after `day`. */
export function addWorkingDays(day: Day, n: number): Day {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const w = weekdayOf(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

export interface EuCrossing {
  readonly row: number;
  readonly day: Day;
  readonly runningCents: Cents;
  /** Inform the Belastingdienst by this day: `notifyWorkingDays` working days (Mon–Fri, no holiday list) after the crossing. */
  readonly notifyBy: Day;
  /** The working days the Belastingdienst gives to be informed (15, parameter eu-notify-working-days). */
  readonly notifyWorkingDays: number;
}

/**
 * The row at which Union turnover first exceeds €100,000 in `year` (date order, same-date rows in sheet
 * order), or null. The EU-KOR exemption ends as of that supply in every chosen state; the next year is blocked.
 */
export function findEuCrossing(rows: readonly InvoiceRow[], year: number): EuCrossing | null {
  if (year < FIRST_EU_KOR_YEAR) return null;
  const { from, to } = yearBounds(year);
  const limit = parameterOn("eu-union-threshold", from);
  const hit = firstRunningCrossing(rows, from, to, limit, isUnionTurnover);
  return hit === null ? null : euCrossingAt(hit.row.row, hit.row.day, hit.runningCents);
}

/** The EuCrossing of the crossing row (number `row`, dated `day`), the running Union total `runningCents` including it. */
export function euCrossingAt(row: number, day: Day, runningCents: Cents): EuCrossing {
  const days = parameterOn("eu-notify-working-days", day);
  return { row, day, runningCents, notifyBy: addWorkingDays(day, days), notifyWorkingDays: days };
}

/** Where a member state's turnover first went over a limit during a year (findStateCrossing). */
export interface StateCrossing {
  readonly row: number;
  readonly day: Day;
  /** The state's running turnover including the crossing row. */
  readonly runningCents: Cents;
}

/**
 * The row at which the turnover of member state `country` (see unionStateOf) first exceeds `limitCents` in
 * `year` (date order, same-date rows in sheet order), or null; null before 2025 (no EU-KOR, so nothing ended).
 * As for the Union's €100,000 (findEuCrossing) and the Dutch €20,000 (kor-rules.md section 5), a later credit
 * note that brings the year's total back within the limit does not undo the crossing: the exemption in that
 * state ended as of that supply (section 7), and the next year fails that state's previous-year test.
 */
export function findStateCrossing(rows: readonly InvoiceRow[], year: number, country: string, limitCents: Cents): StateCrossing | null {
  if (year < FIRST_EU_KOR_YEAR) return null;
  const { from, to } = yearBounds(year);
  const hit = firstRunningCrossing(rows, from, to, limitCents, (r) => unionStateOf(r) === country);
  return hit === null ? null : { row: hit.row.row, day: hit.row.day, runningCents: hit.runningCents };
}

/** Due date of the quarterly turnover report: the last day of the month after the quarter (Q1 2026 → 30 Apr 2026). */
export function euQuarterDue(year: number, quarter: 1 | 2 | 3 | 4): Day {
  const month = quarter * 3 + 1;
  const y = month > 12 ? year + 1 : year;
  const m = month > 12 ? month - 12 : month;
  return dayFromYmd(y, m, daysInMonth(y, m));
}

/**
 * The quarterly turnover report (opgaaf kwartaalomzet): per quarter, Union turnover per member state,
 * listing every state with Union turnover in the year (NL included), 0 where a quarter has none.
 */
export function euQuarterlyReport(rows: readonly InvoiceRow[], year: number): EuSummary["quarters"] {
  const { from, to } = yearBounds(year);
  const quarterStarts = [1, 4, 7, 10].map((m) => dayFromYmd(year, m, 1));
  const perQuarter = [new Map<string, Cents>(), new Map<string, Cents>(), new Map<string, Cents>(), new Map<string, Cents>()];
  const states = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day < from || r.day > to) continue;
    const s = unionStateOf(r);
    if (s === null) continue;
    const q = r.day >= quarterStarts[3] ? 3 : r.day >= quarterStarts[2] ? 2 : r.day >= quarterStarts[1] ? 1 : 0;
    states.add(s);
    perQuarter[q].set(s, (perQuarter[q].get(s) ?? 0) + r.cents);
  }
  return euQuarterlyFrom(year, perQuarter, states);
}

/** The quarterly report from Union turnover per quarter (0-3) and state, and the states with turnover. */
export function euQuarterlyFrom(year: number, perQuarter: readonly Map<string, Cents>[], states: ReadonlySet<string>): EuSummary["quarters"] {
  const sorted = [...states].sort();
  return ([1, 2, 3, 4] as const).map((quarter) => ({
    quarter,
    due: euQuarterDue(year, quarter),
    perState: sorted.map((country) => ({ country, cents: perQuarter[quarter - 1].get(country) ?? 0 })),
  }));
}

/** Sum of `afstand-nl` rows (EU distance sales still taxed in NL) in a year. */
export function distanceSalesNl(rows: readonly InvoiceRow[], year: number): Cents {
  const { from, to } = yearBounds(year);
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.day >= from && r.day <= to && r.category === "afstand-nl") sum += r.cents;
  }
  return sum;
}
