/** Test helpers: invoice rows from readable literals. */
import { dayFromIso, type Day } from "../../src/rules/dates";
import { centsFromEuros } from "../../src/rules/money";
import type { CategoryCode, InvoiceRow } from "../../src/rules/types";

export const d = (iso: string): Day => dayFromIso(iso);

export function eur(euros: number): number {
  const c = centsFromEuros(euros);
  if (c === null) throw new Error(`bad amount ${euros}`);
  return c;
}

/** Rows numbered 1, 2, 3 … in the order given (sheet order). */
export function sheet(
  ...specs: [iso: string, euros: number, category?: CategoryCode | null, extra?: { country?: string; vat?: number }][]
): InvoiceRow[] {
  return specs.map(([iso, euros, category, extra], i) => ({
    row: i + 1,
    day: d(iso),
    cents: eur(euros),
    category: category ?? null,
    country: extra?.country ?? null,
    vatCents: extra?.vat === undefined ? null : eur(extra.vat),
  }));
}
