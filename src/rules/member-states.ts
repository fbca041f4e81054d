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
