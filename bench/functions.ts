/**
 * Issue 3's figure, with issue 13's orders: KOR.COUNTABLE, KOR.ELIGIBLE and KOR.REPORT over 1,048,576 rows
 * shaped as Excel passes them, next to a plain loop summing the amount column of the same arrays, for dates
 * sorted within one year, rows alternating between two years and dates in random order over two years; plus
 * the first (cold) call in a fresh process. The Chromium companion (npm run bench:browser) runs the built
 * functions.js the same way. Also the same functions through the reading layer's row objects (what they cost when the fast
 * path steps aside, e.g. for text dates).
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as f from "../src/functions/functions";
import { readLedger } from "../src/functions/ledger";
import { EXCEL_ROWS, excelColumns, median, plainSum, row, type DateOrder } from "./common";

function coldCall(order: DateOrder): { countableMs: number; plainMs: number } {
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "cold.ts"), order], {
    encoding: "utf8",
  });
  return JSON.parse(out) as { countableMs: number; plainMs: number };
}

export function benchFunctions(runs = 7): void {
  for (const order of ["sorted", "alternating", "random"] as const) {
    const cols = excelColumns(EXCEL_ROWS, 2026, order);
    const floor = median(runs, () => plainSum(cols.amounts));
    const checks = {
      countable: f.countable(cols.dates, cols.amounts, cols.categories, null),
      eligible: f.eligible(cols.dates, cols.amounts, cols.categories, null, null),
      report: f.report(cols.dates, cols.amounts, cols.categories, null).length,
    };
    const what =
      order === "sorted" ? "dates sorted, one year" : order === "alternating" ? "rows alternating between 2025 and 2026" : "dates in random order over 2025 and 2026";
    console.log(`\nKOR.* functions over ${EXCEL_ROWS.toLocaleString("en")} rows, ${what} (median of ${runs}; ratio to the plain loop)`);
    console.log(`  results: COUNTABLE ${checks.countable}, ELIGIBLE ${checks.eligible}, REPORT ${checks.report} rows`);
    console.log(row("plain loop summing the amount column", floor, floor));
    console.log(row("KOR.COUNTABLE", median(runs, () => f.countable(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
    console.log(row("KOR.ELIGIBLE", median(runs, () => f.eligible(cols.dates, cols.amounts, cols.categories, null, null)), floor, 3));
    console.log(row("KOR.REPORT", median(runs, () => f.report(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
    const cold = coldCall(order);
    console.log(row("KOR.COUNTABLE, first call in a fresh process", cold.countableMs, floor, 3));
    console.log(`  ${"(the plain loop's own first call there)".padEnd(44)} ${cold.plainMs.toFixed(1).padStart(9)} ms`);
    if (order === "sorted") {
      const viaRows = median(3, () => readLedger(cols, { date: 0, amount: 1, category: 2 }, null, false));
      console.log(row("(for comparison: reading layer row objects)", viaRows, floor));
    }
  }
}
