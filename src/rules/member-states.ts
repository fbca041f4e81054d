/** The EU member states (kept apart so that categories.ts and eu.ts can both use them without a cycle). */

/** The 27 member states, ISO 3166-1 alpha-2 (Greece as GR). */
export const EU_MEMBER_STATES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
const EU_SET = new Set(EU_MEMBER_STATES);

/** Whether `code` is an EU member state (case-insensitive; the VAT prefix "EL" is accepted for Greece). */
export function isEuMemberState(code: string): boolean {
  const c = code.trim().toUpperCase();
  return EU_SET.has(c) || c === "EL";
}

/**
 * States that have left the EU, with the last calendar year in which EU VAT law applied to them. The United
 * Kingdom left on 31 January 2020, but EU law, VAT included, applied to and in it until the end of the
 * transition period on 31 December 2020 (Withdrawal Agreement, art. 126–127:
 * https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12019W/TXT). Northern Ireland's goods (XI) still
 * follow the EU's rules, but XI is not an ISO code: the reading layer refuses it.
 */
const LEFT_AFTER_YEAR: ReadonlyMap<string, number> = new Map([["GB", 2020]]);

/**
 * Whether `code` was an EU member state for VAT in calendar year `year`: the 27 of isEuMemberState, and the
 * United Kingdom (GB) through 2020. Case-insensitive; EL is Greece.
 */
export function isEuMemberStateIn(code: string, year: number): boolean {
  if (isEuMemberState(code)) return true;
  const last = LEFT_AFTER_YEAR.get(code.trim().toUpperCase());
  return last !== undefined && year <= last;
}
