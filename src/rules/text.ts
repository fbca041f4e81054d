/** Short helpers for building Localized messages: amounts and dates in each language's own format. */
import { formatDay, type Day } from "./dates";
import { formatEuros, formatWholeEuros, groupDigits, type Cents } from "./money";
import { latestParameter } from "./parameters";
import type { Localized } from "../i18n/types";

export const eurNl = (c: Cents): string => formatEuros(c, "nl");
export const eurEn = (c: Cents): string => formatEuros(c, "en");
export const dayNl = (d: Day): string => formatDay(d, "nl");
export const dayEn = (d: Day): string => formatDay(d, "en");

/** The limits named in prose ("binnen € 20.000"), from the parameter table so a text never keeps an old figure. */
function limitText(id: "kor-threshold" | "eu-union-threshold" | "eu-distance-sales-threshold" | "revision-minimum"): Localized {
  const cents = latestParameter(id);
  return { nl: formatWholeEuros(cents, "nl"), en: formatWholeEuros(cents, "en") };
}
/** "€ 20.000" / "€20,000": the KOR turnover limit. */
export const KOR_LIMIT: Localized = limitText("kor-threshold");
/** "€ 100.000" / "€100,000": the EU-KOR Union turnover limit. */
export const UNION_LIMIT: Localized = limitText("eu-union-threshold");
/** "€ 10.000" / "€10,000": the EU distance-sales threshold. */
export const DISTANCE_LIMIT: Localized = limitText("eu-distance-sales-threshold");
/** "€ 500" / "€500": the herziening minimum per year. */
export const REVISION_MINIMUM: Localized = limitText("revision-minimum");
/** 5 / 10: the revision periods in years of movable goods and of real estate. */
export const MOVABLE_YEARS: number = latestParameter("revision-period-movable-years");
export const REAL_ESTATE_YEARS: number = latestParameter("revision-period-real-estate-years");
/** 29: days before a period start by which a registration or exit notice must be received. */
export const NOTICE_DAYS: number = latestParameter("registration-notice-days");

/**
 * Beside an EU crossing that later credit notes brought back under the limit (kor-rules.md section 5, as for the
 * KOR's own crossing): the crossing stands, but a credit note that cancels a wrong invoice may mean it never happened.
 */
export const CANCELLED_INVOICE_CHECK: Localized = {
  nl: "controleer wel of een creditnota een foute factuur intrekt (geen latere korting of retour): dan is de grens misschien nooit overschreden",
  en: "but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
};

/**
 * A count in a sentence, grouped by thousands as each language writes it: 12345 → "12.345" (nl), "12,345"
 * (en); 1234 → "1.234" / "1,234". For counts of rows, files, invoices; never for a row number ("rij 12345").
 */
export function formatCount(n: number, lang: "nl" | "en"): string {
  return (n < 0 ? "-" : "") + groupDigits(Math.abs(Math.trunc(n)), lang);
}
export const countNl = (n: number): string => formatCount(n, "nl");
export const countEn = (n: number): string => formatCount(n, "en");
