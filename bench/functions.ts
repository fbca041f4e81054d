/**
 * Issue 3's figure, with issue 13's orders: KOR.COUNTABLE, KOR.ELIGIBLE and KOR.REPORT over 1,048,576 rows
 * shaped as Excel passes them, next to a plain loop summing the amount column of the same arrays, for dates
 * sorted within one year, rows alternating between two years and dates in random order over two years; plus
 * the first (cold) call in a fresh process; sorted dates with empty cells passed as null, as Excel on the web
 * passes them (an empty category cell too); and VAT codes typed as numbers. The Chromium companion (npm run bench:browser) runs the built
 * functions.js the same way. Also the same functions through the reading layer's row objects (what they cost when the fast
 * path steps aside, e.g. for text dates).
 */
import { execFileSync } from "child_process";
import * as path from "path";
import * as f from "../src/functions/functions";
import { readLedger } from "../src/functions/ledger";
import { EXCEL_ROWS, excelColumns, medianOf, medianTimes, plainSum, ratioOf, timesRow, type Blanks, type Codes, type DateOrder, type Times } from "./common";

interface ColdRun {
  countable: Times;
  plain: Times;
  /** The plain loop's warm median in the same process, right after. */
  plainWarm: Times;
}

function coldCall(order: DateOrder, blanks: Blanks, codes: Codes): ColdRun {
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "cold.ts"), order, blanks, codes], {
    encoding: "utf8",
  });
  return JSON.parse(out) as ColdRun;
}

/** Fresh processes per cold figure: the first call's spread on a shared 2-core machine is wide (README). */
const COLD_RUNS = 5;

/**
 * The cold call in COLD_RUNS fresh processes (each one sample of the engine's warm-up): the median times, and
 * each process's first call against its own plain loop (warm, measured right after in the same process).
 */
function coldCalls(order: DateOrder, blanks: Blanks, codes: Codes): { countable: Times; plain: Times; ratios: number[] } {
  const runs = Array.from({ length: COLD_RUNS }, () => coldCall(order, blanks, codes));
  const mid = (pick: (r: ColdRun) => Times): Times => {
    const cpus = runs.map((r) => pick(r).cpu);
    return { wall: medianOf(runs.map((r) => pick(r).wall)), cpu: cpus.every((c) => c !== null) ? medianOf(cpus as number[]) : null };
  };
  const ratios = runs.map((r) => ratioOf(r.countable, r.plainWarm)).sort((a, b) => a - b);
  return { countable: mid((r) => r.countable), plain: mid((r) => r.plain), ratios };
}

export function benchFunctions(runs = 7): void {
  console.log("\nKOR.* functions: wall-clock and this thread's CPU time; ratios on CPU time (a shared machine's wall clock counts waiting for a core)");
  const cases: [DateOrder, Blanks, Codes][] = [
    ["sorted", "zero", "texts"],
    ["alternating", "zero", "texts"],
    ["random", "zero", "texts"],
    ["sorted", "null", "texts"],
    ["sorted", "zero", "numbers"],
  ];
  for (const [order, blanks, codes] of cases) {
    const cols = excelColumns(EXCEL_ROWS, 2026, order, blanks, codes);
    const floor = medianTimes(runs, () => plainSum(cols.amounts));
    const checks = {
      countable: f.countable(cols.dates, cols.amounts, cols.categories, null),
      eligible: f.eligible(cols.dates, cols.amounts, cols.categories, null, null),
      report: f.report(cols.dates, cols.amounts, cols.categories, null).length,
    };
    const what =
      (order === "sorted" ? "dates sorted, one year" : order === "alternating" ? "rows alternating between 2025 and 2026" : "dates in random order over 2025 and 2026") +
      (blanks === "null" ? ", empty cells as null (Excel on the web)" : "") +
      (codes === "numbers" ? ", VAT codes as numbers (21, 9, 0)" : "");
    console.log(`\nKOR.* functions over ${EXCEL_ROWS.toLocaleString("en")} rows, ${what} (median of ${runs}; ratio to the plain loop)`);
    console.log(`  results: COUNTABLE ${checks.countable}, ELIGIBLE ${checks.eligible}, REPORT ${checks.report} rows`);
    console.log(timesRow("plain loop summing the amount column", floor, floor));
    console.log(timesRow("KOR.COUNTABLE", medianTimes(runs, () => f.countable(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
    console.log(timesRow("KOR.ELIGIBLE", medianTimes(runs, () => f.eligible(cols.dates, cols.amounts, cols.categories, null, null)), floor, 3));
    console.log(timesRow("KOR.REPORT", medianTimes(runs, () => f.report(cols.dates, cols.amounts, cols.categories, null)), floor, 3));
    const cold = coldCalls(order, blanks, codes);
    console.log(timesRow(`KOR.COUNTABLE, first call in a fresh process (median of ${COLD_RUNS})`, cold.countable, floor));
    const coldRatio = cold.ratios[Math.floor(COLD_RUNS / 2)];
    console.log(
      `  (each process's first call against its own plain loop, warm, measured right after: ${cold.ratios.map((x) => `${x.toFixed(1)}×`).join(" ")}; ` +
        `median ${coldRatio.toFixed(1)}×: goal ≤ 3×: ${coldRatio <= 3 ? "met" : "NOT met"})`,
    );
    console.log(timesRow("(the plain loop's own first call there)", cold.plain, floor));
    if (order === "sorted" && blanks === "zero") {
      const viaRows = medianTimes(3, () => readLedger(cols, { date: 0, amount: 1, category: 2 }, null, false));
      console.log(timesRow("(for comparison: reading layer row objects)", viaRows, floor));
    }
  }
}
