/**
 * Country cells → ISO 3166-1 alpha-2 codes. Accepts every officially assigned alpha-2 code, the VAT
 * aliases EL (Greece) and UK (United Kingdom), and Dutch and English names of the EU-27 member states
 * and of the countries Dutch small businesses most often invoice. Whether a country is an EU member state
 * is a rule, not a reading question: see src/rules/eu.ts.
 */

import { ISO_COUNTRY_CODES } from "../rules/country-codes";
import type { Localized } from "../i18n/types";

/** Non-ISO codes used in VAT practice. */
const CODE_ALIASES: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/** Names, normalised with `normalizeName` (lower case, no accents, no spaces, dots, hyphens, apostrophes). */
const NAMES: Readonly<Record<string, string>> = {
  // EU-27, Dutch and English
  oostenrijk: "AT", austria: "AT",
  belgie: "BE", belgium: "BE",
  bulgarije: "BG", bulgaria: "BG",
  kroatie: "HR", croatia: "HR",
  cyprus: "CY",
  tsjechie: "CZ", tsjechischerepubliek: "CZ", czechia: "CZ", czechrepublic: "CZ",
  denemarken: "DK", denmark: "DK",
  estland: "EE", estonia: "EE",
  finland: "FI",
  frankrijk: "FR", france: "FR",
  duitsland: "DE", germany: "DE",
  griekenland: "GR", greece: "GR",
  hongarije: "HU", hungary: "HU",
  ierland: "IE", ireland: "IE",
  italie: "IT", italy: "IT",
  letland: "LV", latvia: "LV",
  litouwen: "LT", lithuania: "LT",
  luxemburg: "LU", luxembourg: "LU",
  malta: "MT",
  nederland: "NL", netherlands: "NL", thenetherlands: "NL", holland: "NL",
  polen: "PL", poland: "PL",
  portugal: "PT",
  roemenie: "RO", romania: "RO",
  slowakije: "SK", slovakia: "SK",
  slovenie: "SI", slovenia: "SI",
  spanje: "ES", spain: "ES",
  zweden: "SE", sweden: "SE",
  // Common others
  verenigdkoninkrijk: "GB", unitedkingdom: "GB", grootbrittannie: "GB", greatbritain: "GB", engeland: "GB", england: "GB",
  verenigdestaten: "US", verenigdestatenvanamerika: "US", unitedstates: "US", unitedstatesofamerica: "US", vs: "US", usa: "US", amerika: "US",
  zwitserland: "CH", switzerland: "CH",
  noorwegen: "NO", norway: "NO",
  ijsland: "IS", iceland: "IS",
  liechtenstein: "LI",
  canada: "CA",
  australie: "AU", australia: "AU",
  nieuwzeeland: "NZ", newzealand: "NZ",
  china: "CN",
  japan: "JP",
  india: "IN",
  turkije: "TR", turkey: "TR", turkiye: "TR",
  oekraine: "UA", ukraine: "UA",
  marokko: "MA", morocco: "MA",
  suriname: "SR",
  curacao: "CW",
  aruba: "AW",
  brazilie: "BR", brazil: "BR",
  mexico: "MX",
  zuidafrika: "ZA", southafrica: "ZA",
  israel: "IL",
  verenigdearabischeemiraten: "AE", unitedarabemirates: "AE", vae: "AE", uae: "AE",
  singapore: "SG",
  hongkong: "HK",
  zuidkorea: "KR", southkorea: "KR",
};

/**
 * Places that are not a country for VAT but part of one's VAT territory (VAT Directive 2006/112/EC art. 7: supplies
 * to or from them are treated as to or from that state): Monaco as France, the UK Sovereign Base Areas of Akrotiri
 * and Dhekelia as Cyprus, the Isle of Man as the United Kingdom. Read as that state's code, with a warning that
 * says so (messages.countryTreatedAs). Keys: ISO codes (MC, IM) and names normalised as in `NAMES`.
 */
export interface TreatedAs {
  /** The place as the warning names it. */
  readonly place: Localized;
  /** The state whose VAT territory it is in, as the warning names it. */
  readonly state: Localized;
  /** That state's ISO code, which the row is read as. */
  readonly code: string;
}
const MONACO: TreatedAs = { place: { nl: "Monaco", en: "Monaco" }, state: { nl: "Frankrijk", en: "France" }, code: "FR" };
const BASES: TreatedAs = {
  place: { nl: "Akrotiri en Dhekelia (Britse militaire bases op Cyprus)", en: "Akrotiri and Dhekelia (the UK Sovereign Base Areas on Cyprus)" },
  state: { nl: "Cyprus", en: "Cyprus" },
  code: "CY",
};
const MAN: TreatedAs = { place: { nl: "het eiland Man", en: "the Isle of Man" }, state: { nl: "het Verenigd Koninkrijk", en: "the United Kingdom" }, code: "GB" };
const TREATED_AS: Readonly<Record<string, TreatedAs>> = {
  mc: MONACO, monaco: MONACO,
  akrotiri: BASES, dhekelia: BASES, akrotiriendhekelia: BASES, akrotirianddhekelia: BASES, akrotiridhekelia: BASES,
  sovereignbaseareas: BASES, sovereignbaseareasofakrotirianddhekelia: BASES,
  im: MAN, isleofman: MAN, eilandman: MAN, heteilandman: MAN,
};

/** The state a place is read as for VAT (Monaco → FR, Akrotiri/Dhekelia → CY, Isle of Man → GB), or null. */
export function treatedAsFromText(text: string): TreatedAs | null {
  const name = normalizeName(text.trim());
  return Object.prototype.hasOwnProperty.call(TREATED_AS, name) ? TREATED_AS[name] : null;
}

function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s.\-'’]/g, "");
}

/**
 * True for Northern Ireland: its VAT code XI and its Dutch and English names. Not a country here: for VAT it is in
 * the EU for goods (Windsor Framework) and outside it for services, which one column cannot say; the reader refuses
 * it with a message that says how to enter it (messages.countryNorthernIreland).
 */
export function isNorthernIreland(text: string): boolean {
  const name = normalizeName(text.trim());
  return name === "xi" || name === "noordierland" || name === "northernireland";
}

/** ISO alpha-2 code for a country cell's text, or null when it is not a country we know. */
export function countryCodeFromText(text: string): string | null {
  const trimmed = text.trim();
  const treated = treatedAsFromText(trimmed);
  if (treated !== null) return treated.code;
  if (trimmed.length === 2) {
    const upper = trimmed.toUpperCase();
    const alias = CODE_ALIASES[upper];
    if (alias !== undefined) return alias;
    if (ISO_COUNTRY_CODES.has(upper)) return upper;
  }
  const name = normalizeName(trimmed);
  if (Object.prototype.hasOwnProperty.call(NAMES, name)) return NAMES[name];
  if (name.length === 2) {
    // "N.L." or "d e"
    const upper = name.toUpperCase();
    const alias = CODE_ALIASES[upper];
    if (alias !== undefined) return alias;
    if (ISO_COUNTRY_CODES.has(upper)) return upper;
  }
  return null;
}
