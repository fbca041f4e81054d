/**
 * Helpers shared by the rule modules, tuned for 1,048,576-row sheets: integer-only calendar maths
 * (no Date object per row) and a linear-time "first running total over a threshold" scan.
 * Not part of the public API.
 */
import type { Day } from "./dates";
import type { Cents } from "./money";
import type { InvoiceRow } from "./types";

/** Calendar year of a Day with integer arithmetic only (H. Hinnant's civil_from_days). */
export function fastYear(d: Day): number {
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

export interface RunningCrossing {
  readonly row: InvoiceRow;
  readonly runningCents: Cents;
}

/**
 * The first row (by day, then by row number) with `from <= day <= to` and `include(row)` at which the
 * running total of `cents` is strictly greater than `threshold`. Later credit notes do not matter.
 *
 * O(n) without sorting: one pass builds per-day sums and per-day maximum prefix sums (rows of one day in
 * array order); the first day whose running total before it plus its maximum prefix exceeds the threshold
 * is the crossing day, which a second pass rescans. This relies on same-day rows being in row-number order
 * in the array, which is how the reading layer produces them; when they are not, it falls back to sorting
 * only the included rows.
 */
export function firstRunningCrossing(
  rows: readonly InvoiceRow[],
  from: Day,
  to: Day,
  threshold: Cents,
  include: (row: InvoiceRow) => boolean,
): RunningCrossing | null {
  const nDays = to - from + 1;
  if (nDays <= 0) return null;
  const daySum = new Float64Array(nDays);
  const dayMax = new Float64Array(nDays).fill(Number.NEGATIVE_INFINITY);
  let sorted = true;
  let prevRow = Number.NEGATIVE_INFINITY;
  let any = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const d = r.day;
    if (d < from || d > to || !include(r)) continue;
    any = true;
    if (r.row < prevRow) sorted = false;
    prevRow = r.row;
    const k = d - from;
    const s = daySum[k] + r.cents;
    daySum[k] = s;
    if (s > dayMax[k]) dayMax[k] = s;
  }
  if (!any) return null;
  if (!sorted) return sortedScan(rows, from, to, threshold, include);

  let before = 0;
  for (let k = 0; k < nDays; k++) {
    if (dayMax[k] !== Number.NEGATIVE_INFINITY && before + dayMax[k] > threshold) {
      const day = from + k;
      let running = before;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (r.day !== day || !include(r)) continue;
        running += r.cents;
        if (running > threshold) return { row: r, runningCents: running };
      }
    }
    before += daySum[k];
  }
  return null;
}

function sortedScan(
  rows: readonly InvoiceRow[],
  from: Day,
  to: Day,
  threshold: Cents,
  include: (row: InvoiceRow) => boolean,
): RunningCrossing | null {
  const picked = rows.filter((r) => r.day >= from && r.day <= to && include(r));
  picked.sort((a, b) => a.day - b.day || a.row - b.row);
  let running = 0;
  for (const r of picked) {
    running += r.cents;
    if (running > threshold) return { row: r, runningCents: running };
  }
  return null;
}
