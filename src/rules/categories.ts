/**
 * Invoice categories (kor-rules.md section 3): which turnover counts for the €20,000 KOR threshold, which
 * is Union turnover for the EU-KOR, and how free text in a category cell maps to a canonical code.
 */
import type { Lang, Localized } from "../i18n/types";
import type { CategoryCode } from "./types";
import { isEuMemberStateIn } from "./member-states";
import { DISTANCE_LIMIT } from "./text";

export interface CategoryInfo {
  readonly code: CategoryCode;
  /** Accepted spellings besides the code itself (matched after normalisation, see `parseCategory`). */
  readonly aliases: readonly string[];
  /** Counts toward the €20,000 KOR threshold. */
  readonly countsNL: boolean;
  /** Union turnover for the EU-KOR (for `buitenland` only when the row's country is an EU member state). */
  readonly unionTurnover: boolean;
  /** The Dutch VAT rate the category implies (21 / 9 / 0), null when it implies none or an unknown one. */
  readonly vatRatePercent: number | null;
  readonly label: Localized;
  /** Why it counts or not, in words. */
  readonly reason: Localized;
}

const COUNTS: Localized = { nl: "telt mee voor de KOR-omzetgrens", en: "counts toward the turnover limit" };


function info(
  code: CategoryCode,
  aliases: readonly string[],
  countsNL: boolean,
  vatRatePercent: number | null,
  label: Localized,
  reason: Localized,
): CategoryInfo {
  return { code, aliases, countsNL, unionTurnover: countsNL || code === "buitenland", vatRatePercent, label, reason };
}

const OG = ["vrijgesteld onroerend goed", "onroerend goed", "verhuur", "real estate", "exempt real estate", "letting"];
const FIN = ["vrijgesteld financieel", "betaalmiddelen", "effecten", "financieel", "financial", "exempt financial"];
const VERZ = ["vrijgesteld verzekering", "verzekering", "verzekeringen", "insurance", "exempt insurance"];

/** The three base codes plus their aliases, each with "bijkomend" / "ancillary" before or after. */
function ancillary(code: string, base: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of [code, ...base]) {
    out.push(`${a} bijkomend`, `bijkomend ${a}`, `${a} ancillary`, `ancillary ${a}`);
  }
  return out;
}

export const CATEGORIES: readonly CategoryInfo[] = [
  info("21", ["21%", "0.21", "hoog", "high", "standard", "hoog tarief", "high rate", "standard rate", "algemeen tarief", "normaal tarief"], true, 21,
    { nl: "21% btw (hoog tarief)", en: "21% VAT (standard rate)" }, { nl: `Belaste omzet: ${COUNTS.nl}.`, en: `Taxed turnover: ${COUNTS.en}.` }),
  info("9", ["9%", "0.09", "laag", "low", "reduced", "laag tarief", "low rate", "reduced rate", "verlaagd tarief"], true, 9,
    { nl: "9% btw (laag tarief)", en: "9% VAT (reduced rate)" }, { nl: `Belaste omzet: ${COUNTS.nl}.`, en: `Taxed turnover: ${COUNTS.en}.` }),
  info("0", ["0%", "nul", "zero", "nultarief", "nul tarief", "zero rate", "zero rated"], true, 0,
    { nl: "0% btw (nultarief)", en: "0% VAT (zero rate)" }, { nl: `Belast tegen 0%: ${COUNTS.nl}.`, en: `Taxed at 0%: ${COUNTS.en}.` }),
  info("kor", ["art25", "art 25", "artikel 25", "vrijgesteld kor", "kor vrijgesteld", "geen btw kor", "kor geen btw", "vrijgesteld art 25", "vrijgesteld artikel 25", "kleineondernemersregeling", "exempt kor", "kor exempt"], true, null,
    { nl: "Vrijgesteld door de KOR", en: "Exempt under the KOR" },
    { nl: `Zonder de KOR zou dit belast zijn: ${COUNTS.nl}.`, en: `Would be taxed without the KOR: ${COUNTS.en}.` }),
  info("export", ["uitvoer"], true, 0,
    { nl: "Export buiten de EU (0%)", en: "Export outside the EU (0%)" }, { nl: `Export: ${COUNTS.nl}.`, en: `Export: ${COUNTS.en}.` }),
  info("icp", ["icl", "intracommunautaire levering", "intracommunautaire leveringen", "intra community supply", "intra-community supply"], true, 0,
    { nl: "Intracommunautaire levering (0%)", en: "Intra-community supply of goods (0%)" },
    { nl: `Intracommunautaire levering: ${COUNTS.nl}.`, en: `Intra-community supply: ${COUNTS.en}.` }),
  info("verlegd", ["btw verlegd", "reverse charge", "reverse charged", "verlegging"], true, null,
    { nl: "Btw verlegd naar de afnemer", en: "VAT reverse-charged to the customer" },
    { nl: `U levert en de afnemer draagt de btw af: ${COUNTS.nl}.`, en: `You supply and the customer accounts for the VAT: ${COUNTS.en}.` }),
  info("afstand-nl", ["afstandsverkoop nl", "afstandsverkopen nl", "distance sales nl", "distance sale nl"], true, null,
    { nl: "Afstandsverkoop EU, belast in Nederland", en: "EU distance sale taxed in the Netherlands" },
    { nl: `Belast in Nederland zolang de EU-afstandsverkopen niet boven ${DISTANCE_LIMIT.nl} komen: ${COUNTS.nl}.`, en: `Taxed in the Netherlands while EU distance sales stay within ${DISTANCE_LIMIT.en}: ${COUNTS.en}.` }),
  info("marge", ["margeregeling", "margin", "margin scheme"], true, null,
    { nl: "Margeregeling", en: "Margin scheme" },
    { nl: `De volledige verkoopprijs ${COUNTS.nl}, niet alleen de marge.`, en: `The full sales price ${COUNTS.en}, not only the margin.` }),
  info("vrij-og", OG, true, null,
    { nl: "Vrijgesteld: onroerend goed (verhuur; verkoop van onroerend goed dat geen eigen bedrijfsmiddel is)", en: "Exempt: real estate (letting; sale of property that is not your own capital asset)" },
    { nl: `Vrijgestelde verhuur en verkoop van onroerend goed dat geen eigen bedrijfsmiddel is (zoals de voorraad van een handelaar) ${COUNTS.nl} (art. 25 lid 2 Wet OB), tenzij bijkomend. De verkoop van uw eigen bedrijfspand is 'bedrijfsmiddel'.`,
      en: `Exempt letting, and sales of real estate that is not your own capital asset (such as a dealer's stock), count toward the turnover limit (art. 25(2) Wet OB) unless ancillary. Selling your own business building is 'bedrijfsmiddel'.` }),
  info("vrij-fin", FIN, true, null,
    { nl: "Vrijgesteld: financiële diensten, betaalmiddelen, effecten", en: "Exempt: financial services, means of payment, securities" },
    { nl: `Vrijgestelde financiële prestaties ${COUNTS.nl}, tenzij bijkomend.`, en: `Exempt financial supplies count toward the turnover limit unless ancillary.` }),
  info("vrij-verz", VERZ, true, null,
    { nl: "Vrijgesteld: verzekeringen", en: "Exempt: insurance services" },
    { nl: `Vrijgestelde verzekeringsdiensten ${COUNTS.nl}, tenzij bijkomend.`, en: `Exempt insurance services count toward the turnover limit unless ancillary.` }),
  info("vrij-og-bijkomend", ancillary("vrij-og", OG), false, null,
    { nl: "Vrijgesteld onroerend goed, bijkomend", en: "Exempt real estate, ancillary" },
    { nl: "Bijkomende vrijgestelde onroerendgoedprestaties tellen niet mee.", en: "Ancillary exempt real-estate supplies do not count." }),
  info("vrij-fin-bijkomend", ancillary("vrij-fin", FIN), false, null,
    { nl: "Vrijgesteld financieel, bijkomend", en: "Exempt financial, ancillary" },
    { nl: "Bijkomende vrijgestelde financiële prestaties tellen niet mee.", en: "Ancillary exempt financial supplies do not count." }),
  info("vrij-verz-bijkomend", ancillary("vrij-verz", VERZ), false, null,
    { nl: "Vrijgesteld verzekering, bijkomend", en: "Exempt insurance, ancillary" },
    { nl: "Bijkomende vrijgestelde verzekeringsdiensten tellen niet mee.", en: "Ancillary exempt insurance services do not count." }),
  info("vrij", ["vrijgesteld overig", "overig vrijgesteld", "medisch", "medical", "onderwijs", "education", "art11", "art 11", "artikel 11", "exempt other",
    "vrijgesteld medisch", "medisch vrijgesteld", "vrijgesteld onderwijs", "onderwijs vrijgesteld", "vrijgesteld art 11", "vrijgesteld artikel 11",
    "exempt medical", "exempt education"], false, null,
    { nl: "Vrijgesteld overig (zoals medisch, onderwijs)", en: "Other exempt (such as medical, education)" },
    { nl: "Overige vrijgestelde omzet (art. 11 Wet OB) telt niet mee.", en: "Other exempt turnover (art. 11 Wet OB) does not count." }),
  info("prive", ["privé", "privegebruik", "privégebruik", "prive gebruik", "private use", "private"], false, null,
    { nl: "Privégebruik", en: "Private use" },
    { nl: "Privégebruik is een fictieve levering en telt niet mee.", en: "Private use is a fictitious supply and does not count." }),
  info("bedrijfsmiddel", ["verkoop bedrijfsmiddel", "investeringsgoed", "verkoop investeringsgoed", "capital asset", "capital good", "sale of capital asset"], false, null,
    { nl: "Verkoop bedrijfsmiddel", en: "Sale of a capital asset" },
    { nl: "De verkoop van een bedrijfsmiddel telt niet mee.", en: "The sale of a capital asset does not count." }),
  info("buitenland", ["dienst buitenland", "oss", "afstandsverkoop eu", "afstandsverkopen eu", "taxed abroad", "belast in buitenland"], false, null,
    { nl: "Belast in een ander land", en: "Taxed in another country" },
    { nl: "Omzet die in een ander land belast is, telt niet mee voor de Nederlandse KOR (wel voor de EU-omzet als het land in de EU ligt).",
      en: "Turnover taxed in another country does not count for the Dutch KOR (it is Union turnover when the country is in the EU)." }),
  info("inkoop", ["verlegd inkoop", "inkoop verlegd", "purchase", "purchases"], false, null,
    { nl: "Inkoop", en: "Purchase" },
    { nl: "Een inkoop (ook met btw naar u verlegd) is geen omzet.", en: "A purchase (also with VAT reverse-charged to you) is not turnover." }),
];

/** The row with an empty category cell. */
export const EMPTY_CATEGORY_REASON: Localized = {
  nl: "Lege categorie: telt mee als omzet (gebruikelijk voor een KOR-deelnemer, die geen btw op de factuur zet).",
  en: "Empty category: counted as turnover (the usual case for a KOR participant, whose invoices show no VAT).",
};

/**
 * "eu dienst" / "EU service": a B2B service taxed in the customer's state does not count, a service to an EU
 * consumer is mostly taxed in NL and counts (kor-rules.md section 3). Never guess.
 */
const AMBIGUOUS_EU_SERVICE = ["eu dienst", "eu diensten", "dienst eu", "diensten eu", "eu service", "eu services"];

/** Bare "exempt" words: exempt through the KOR counts, exempt under art. 11 mostly does not. Never guess. */
const AMBIGUOUS = ["vrijgesteld", "exempt", "vrijstelling", "geen btw", "no vat", "vrij van btw", "vrijgesteld van btw", "vat exempt", "exempt from vat", "btw vrij"];

/** Lower case, accents dropped, spaces / dots / hyphens / underscores / parentheses removed, trailing % removed. */
function normalize(raw: string): string {
  return raw
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s.\-_()]+/g, "")
    .replace(/%+$/, "");
}

type Target = CategoryCode | "ambiguous" | "ambiguous-eu-service";
const BY_KEY = new Map<string, Target>();
function register(alias: string, target: Target): void {
  const key = normalize(alias);
  const existing = BY_KEY.get(key);
  if (existing !== undefined && existing !== target) {
    // A programming error in the table above: two categories would claim the same spelling.
    throw new Error(`category alias "${alias}" maps to both ${existing} and ${target}`);
  }
  BY_KEY.set(key, target);
}
for (const c of CATEGORIES) {
  register(c.code, c.code);
  // Numeric aliases ("21%", "0.21") are handled by the rate parser; dots would make "0.21" read "021".
  for (const a of c.aliases) if (!/^[\d.,%\s]+$/.test(a)) register(a, c.code);
}
for (const a of AMBIGUOUS) register(a, "ambiguous");
for (const a of AMBIGUOUS_EU_SERVICE) register(a, "ambiguous-eu-service");

const BY_CODE = new Map<CategoryCode, CategoryInfo>(CATEGORIES.map((c) => [c.code, c]));

/**
 * The result of reading a category text. An ambiguous text names what it is ambiguous about: "exempt"
 * (a bare vrijgesteld / exempt) or "eu-service" (an "eu dienst": taxed abroad or taxed in NL).
 */
export type CategoryParse =
  | { kind: "ok"; code: CategoryCode | null }
  | { kind: "unknown" }
  | { kind: "ambiguous"; about?: "exempt" | "eu-service" };

const OK_NULL: CategoryParse = { kind: "ok", code: null };
const UNKNOWN: CategoryParse = { kind: "unknown" };
const AMBIGUOUS_RESULT: CategoryParse = { kind: "ambiguous", about: "exempt" };
const AMBIGUOUS_EU_SERVICE_RESULT: CategoryParse = { kind: "ambiguous", about: "eu-service" };
const OK_BY_CODE = new Map<CategoryCode, CategoryParse>(CATEGORIES.map((c) => [c.code, { kind: "ok", code: c.code }]));

/** "21", "21%", "0.21", "0,21", "btw 21%", "21% btw", "0.09" → 9. undefined: not a number at all. */
function parseRate(lower: string): CategoryParse | undefined {
  const t = lower.replace(/btw|vat|tarief|rate|[()\s]/g, "").replace(",", ".");
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  // A fraction below 1 without % is a rate as Excel stores percentages (0.21 = 21%); 0 is 0 either way.
  const rate = Math.round((m[2] === "%" || n >= 1 ? n : n * 100) * 1e6) / 1e6;
  if (rate === 21) return OK_BY_CODE.get("21");
  if (rate === 9) return OK_BY_CODE.get("9");
  if (rate === 0) return OK_BY_CODE.get("0");
  return UNKNOWN;
}

function parseUncached(raw: string): CategoryParse {
  const lower = raw.trim().toLowerCase();
  if (lower === "") return OK_NULL;
  const rate = parseRate(lower);
  if (rate !== undefined) return rate;
  const key = normalize(lower);
  let target = BY_KEY.get(key);
  if (target === undefined) {
    // "btw hoog", "hoog btw", "vat exempt": a leading or trailing btw/vat adds nothing.
    const stripped = key.replace(/^(btw|vat)/, "").replace(/(btw|vat)$/, "");
    if (stripped !== key && stripped !== "") target = BY_KEY.get(stripped);
  }
  if (target === undefined) return UNKNOWN;
  if (target === "ambiguous") return AMBIGUOUS_RESULT;
  if (target === "ambiguous-eu-service") return AMBIGUOUS_EU_SERVICE_RESULT;
  return OK_BY_CODE.get(target) ?? UNKNOWN;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, CategoryParse>();

/**
 * A category cell's text to a canonical code. Case-insensitive; spaces, dots, hyphens and a trailing %
 * are ignored; 21 / 21% / 0.21 are the same rate. "" → ok with code null (empty cell: counts as turnover).
 * Parentheses are ignored too ("Vrijgesteld (KOR)"). A bare "vrijgesteld" / "exempt" → ambiguous; anything else not in the table → unknown. Results are
 * cached per raw string (the reading layer calls this for up to 1,048,576 rows).
 * @example parseCategory("BTW 21%") // { kind: "ok", code: "21" }
 */
export function parseCategory(raw: string): CategoryParse {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const result = parseUncached(raw);
  if (cache.size < CACHE_LIMIT) cache.set(raw, result);
  return result;
}

export function categoryInfo(code: CategoryCode): CategoryInfo {
  const c = BY_CODE.get(code);
  if (!c) throw new RangeError(`unknown category code: ${String(code)}`);
  return c;
}

/**
 * The category a row of `year` is counted under, given its country (kor-rules.md section 3): `verlegd` on a row
 * whose country is another member state that year (isEuMemberStateIn: the United Kingdom through 2020, its
 * transition period) is a B2B service taxed in that state, so `buitenland`; with country NL, no country, or a
 * country outside the EU it stays domestic reverse charge (and is warned about: verlegd-country-outside-eu).
 * Readers call this when they build a row and tell the user when it changed the category (see reading/rows.ts).
 */
export function placedCategory(code: CategoryCode | null, country: string | null, year: number): CategoryCode | null {
  if (code !== "verlegd" || country === null) return code;
  const c = country.trim().toUpperCase();
  return c !== "NL" && isEuMemberStateIn(c, year) ? "buitenland" : code;
}

/** Counts toward the €20,000 KOR threshold. An empty category (null) counts. */
export function countsForKor(code: CategoryCode | null): boolean {
  return code === null || (BY_CODE.get(code)?.countsNL ?? false);
}

/** The accepted codes, for error messages: "21, 9, 0, kor, …, inkoop (of leeg laten)". */
export function acceptedCodesText(lang: Lang): string {
  const codes = CATEGORIES.map((c) => c.code).join(", ");
  return lang === "nl" ? `${codes} (of leeg laten)` : `${codes} (or leave empty)`;
}
