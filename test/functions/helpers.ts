/** Builders for Excel-shaped arguments: one-column ranges of serial dates, amounts and categories. */
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import { KorFunctionError } from "../../src/functions/errors";

/** An omitted optional range: Excel passes null, which the typed signatures (any[][]) do not admit. */
export const OMITTED = null as unknown as unknown[][];

export function serial(iso: string): number {
  return excelSerialFromDay(dayFromIso(iso));
}

/** A one-column range [[v], [v], …]. */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** Invoice rows → the three columns Excel would pass. */
export function sheet(rows: readonly [string | number | null, unknown, unknown?][]): { dates: unknown[][]; amounts: unknown[][]; categories: unknown[][] } {
  return {
    dates: rows.map(([d]) => [typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? serial(d) : d]),
    amounts: rows.map(([, a]) => [a]),
    categories: rows.map(([, , c]) => [c === undefined ? "" : c]),
  };
}

/** The error a function threw (failing the test when it returned). */
export function thrown(f: () => unknown): KorFunctionError {
  try {
    f();
  } catch (e) {
    if (e instanceof KorFunctionError) return e;
    throw new Error(`expected a KorFunctionError, got ${String(e)}`);
  }
  throw new Error("expected the function to throw");
}

/** Runs `f` with a stub Office global whose display language is `locale`. */
export function withOffice<T>(locale: string, f: () => T, formatted = false): T {
  const g = globalThis as unknown as { Office?: unknown };
  const before = g.Office;
  g.Office = {
    context: { displayLanguage: locale, requirements: { isSetSupported: (name: string, v: string) => formatted && name === "CustomFunctionsRuntime" && v <= "1.4" } },
  };
  try {
    return f();
  } finally {
    g.Office = before;
  }
}
