/** The EU member states (kept apart so that categories.ts and eu.ts can both use them without a cycle). */

/**
 * The 27 member states by their VAT code: ISO 3166-1 alpha-2, except Greece, which is EL in VAT (VIES, VAT
 * numbers, the Belastingdienst's EU-KOR forms), not its ISO code GR. The reading layer stores a country cell as
 * ISO (GR); the EU-KOR names it EL (euStateCode).
 */
export const EU_MEMBER_STATES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];
const EU_SET = new Set(EU_MEMBER_STATES);

/** A member state's code as the EU-KOR names it: upper case, trimmed, Greece's ISO code GR as its VAT code EL. */
export function euStateCode(code: string): string {
  const c = code.trim().toUpperCase();
  return c === "GR" ? "EL" : c;
}

/** Whether `code` is an EU member state (case-insensitive; Greece as EL, its VAT code, or GR, its ISO code). */
export function isEuMemberState(code: string): boolean {
  return EU_SET.has(euStateCode(code));
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
 * United Kingdom (GB) through 2020. Case-insensitive; Greece as EL or GR.
 */
export function isEuMemberStateIn(code: string, year: number): boolean {
  if (isEuMemberState(code)) return true;
  const last = LEFT_AFTER_YEAR.get(code.trim().toUpperCase());
  return last !== undefined && year <= last;
}
