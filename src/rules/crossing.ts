/**
 * Crossing the €20,000 threshold during a year (kor-rules.md section 5): the first row, in date order
 * (same-date rows in sheet order), at which the running countable total is strictly more than the threshold.
 */
import { vatCents, type Cents } from "./money";
import type { InvoiceRow } from "./types";
import type { Crossing } from "./summary-types";
import { categoryInfo, countsForKor } from "./categories";
import { FIRST_KOR_YEAR, parameterOn } from "./parameters";
import { firstRunningCrossing } from "./internal";
import { yearBounds } from "./turnover";

/**
 * The rate at which the crossing row is taxed. A category with a rate gives it (21, 9, 0; export and icp 0).
 * An empty category or "kor" means a supply that is exempt only because of the KOR: it is taxed at the
 * standard 21% once the KOR ends (the Belastingdienst example: €500 → €105). Reduced-rate supplies should
 * be marked "9" so they are not overstated. Other categories (verlegd, marge, exempt, …): null, unknown.
 */
export function crossingRatePercent(row: InvoiceRow): number | null {
  if (row.category === null || row.category === "kor") return 21;
  return categoryInfo(row.category).vatRatePercent;
}

/**
 * The crossing row of a year, or null when the running countable total never exceeds the threshold.
 * A credit note after the crossing does not undo it. Years before 2020 (no threshold in force) give null
 * unless a threshold is passed; eligibility and the summary report those years as unsupported.
 * @param thresholdCents defaults to the KOR threshold in force on 1 January of the year.
 * @example worked example 8: €19,750 by 15 Sep 2025, €500 on 16 Sep 2025 → day 16 Sep 2025, vatCents 10_500
 */
export function findCrossing(rows: readonly InvoiceRow[], year: number, thresholdCents?: Cents): Crossing | null {
  const { from, to } = yearBounds(year);
  let threshold = thresholdCents;
  if (threshold === undefined) {
    if (year < FIRST_KOR_YEAR) return null;
    threshold = parameterOn("kor-threshold", from);
  }
  const hit = firstRunningCrossing(rows, from, to, threshold, (r) => countsForKor(r.category));
  return hit === null ? null : crossingAt(hit.row, hit.runningCents);
}

/** The Crossing of the crossing row `row`, the running countable total `runningCents` including it. */
export function crossingAt(row: InvoiceRow, runningCents: Cents): Crossing {
  const rate = crossingRatePercent(row);
  return {
    row: row.row,
    day: row.day,
    cents: row.cents,
    runningCents,
    vatRatePercent: rate,
    vatCents: rate === null ? null : vatCents(row.cents, rate),
  };
}
