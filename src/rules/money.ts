/** Money as integer euro cents. */
export type Cents = number;

/** Significant digits Excel keeps and shows of a number (its precision, "15 digits"). */
const EXCEL_DIGITS = 15;

/**
 * Euros (a JS number, as Excel passes it) to integer cents, half away from zero.
 * Rounds the decimal value of the number as Excel holds and shows it, to 15 significant digits, not its
 * binary value: 0.285 → 29 (not 28 from binary 0.28499…), and a formula result such as =0.175*7, the double
 * 1.2249999999999999 that Excel shows as 1.225 (and rounds to 1.23), → 123, not 122.
 * Returns null for non-finite input or amounts beyond ±€90 trillion (not a realistic invoice).
 */
export function centsFromEuros(euros: number): Cents | null {
  if (!Number.isFinite(euros)) return null;
  if (Math.abs(euros) > 9e13) return null;
  const scaled = euros * 100;
  const r = Math.round(scaled);
  // Fast path: already a whole number of cents up to binary noise (the common case).
  if (Math.abs(scaled - r) < 1e-6) return r === 0 ? 0 : r;
  return centsFromDecimalString(euros.toPrecision(EXCEL_DIGITS));
}

/** "-1234.565" style decimal string (as toPrecision gives, incl. exponent form "1.5e-7") to cents, half away from zero. */
function centsFromDecimalString(s: string): Cents | null {
  let text = s;
  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1);
  }
  let exponent = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    exponent = Number(text.slice(e + 1));
    text = text.slice(0, e);
  }
  const dot = text.indexOf(".");
  let digits = dot >= 0 ? text.slice(0, dot) + text.slice(dot + 1) : text;
  let pointPos = (dot >= 0 ? dot : text.length) + exponent; // position of the decimal point in `digits`
  if (pointPos < 0) {
    digits = "0".repeat(-pointPos) + digits;
    pointPos = 0;
  }
  while (digits.length < pointPos + 3) digits += "0";
  const whole = digits.slice(0, pointPos + 2); // euros and two cent digits
  const next = digits.charCodeAt(pointPos + 2) - 48; // third decimal decides
  let cents = Number(whole === "" ? "0" : whole);
  if (next >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

export function eurosFromCents(cents: Cents): number {
  return cents / 100;
}

/** A whole number's digits grouped by thousands as each language writes them: 12345 → "12.345" (nl), "12,345" (en). */
export function groupDigits(n: number, lang: "nl" | "en"): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "nl" ? "." : ",");
}

/** "€ 20.000,00" (nl) or "€20,000.00" (en); negative "€ -2.601,34" (the Dutch form) or "-€2,601.34". */
export function formatEuros(cents: Cents, lang: "nl" | "en"): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, "0");
  const decimal = lang === "nl" ? "," : ".";
  const grouped = groupDigits(euros, lang);
  if (lang === "nl") return `€ ${negative ? "-" : ""}${grouped}${decimal}${rest}`;
  const body = `€${grouped}${decimal}${rest}`;
  return negative ? `-${body}` : body;
}

/** A round amount in prose: "€ 20.000" (nl) or "€20,000" (en); with cents as formatEuros when it has any. */
export function formatWholeEuros(cents: Cents, lang: "nl" | "en"): string {
  const text = formatEuros(cents, lang);
  return cents % 100 === 0 ? text.slice(0, -3) : text;
}

/** The amount excluding VAT inside an amount including VAT at `ratePercent`: amount × 100 / (100 + rate), half away from zero. */
export function centsExcludingVat(amount: Cents, ratePercent: number): Cents {
  if (ratePercent === 0) return amount;
  const r = Math.round((Math.abs(amount) * 100) / (100 + ratePercent));
  return amount < 0 ? -r : r;
}

/** VAT on an amount at a rate in percent (21, 9, 0), half away from zero, in cents. */
export function vatCents(amount: Cents, ratePercent: number): Cents {
  const v = Math.round((Math.abs(amount) * ratePercent) / 100);
  return amount < 0 ? -v : v;
}
