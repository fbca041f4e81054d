/**
 * Issue 3's figure: KOR.COUNTABLE, KOR.ELIGIBLE and KOR.REPORT over 1,048,576 rows shaped as Excel passes
 * them, next to a plain loop summing the amount column of the same arrays. Also the same functions through
 * the reading layer's row objects (what they cost when the fast path steps aside, e.g. for text dates).
 */
import * as f from "../src/functions/functions";
import { readLedger } from "../src/functions/ledger";
import { EXCEL_ROWS, excelColumns, median, plainSum, row } from "./common";

export function benchFunctions(runs = 7): void {
  const cols = excelColumns(EXCEL_ROWS);
  const floor = median(runs, () => plainSum(cols.amounts));
  const checks = {
    countable: f.countable(cols.dates, cols.amounts, cols.categories, null),
    eligible: f.eligible(cols.dates, cols.amounts, cols.categories, null, null),
    report: f.report(cols.dates, cols.amounts, cols.categories, null).length,
  };
  console.log(`\nKOR.* functions over ${EXCEL_ROWS.toLocaleString("en")} rows (median of ${runs}; ratio to the plain loop)`);
  console.log(`  results: COUNTABLE ${checks.countable}, ELIGIBLE ${checks.eligible}, REPORT ${checks.report} rows`);
  console.log(row("plain loop summing the amount column", floor, floor));
  console.log(row("KOR.COUNTABLE", median(runs, () => f.countable(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
  console.log(row("KOR.ELIGIBLE", median(runs, () => f.eligible(cols.dates, cols.amounts, cols.categories, null, null)), floor, 3));
  console.log(row("KOR.REPORT", median(runs, () => f.report(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
  const viaRows = median(3, () => readLedger(cols, { date: 0, amount: 1, category: 2 }, null, false));
  console.log(row("(for comparison: reading layer row objects)", viaRows, floor));
}
