/**
 * Issue 2's figure: summarising 1,048,576 Excel-shaped rows through the reading layer and the rules,
 * next to a plain loop that only sums the amount column of the same arrays.
 */
import { readRows } from "../src/reading/rows";
import { summarizeYear } from "../src/rules/summary";
import { dayFromIso } from "../src/rules/dates";
import { EXCEL_ROWS, excelColumns, median, plainSum, row } from "./common";

export function benchSummary(runs = 7): void {
  const cols = excelColumns(EXCEL_ROWS);
  const today = dayFromIso("2026-11-27");
  const floor = median(runs, () => plainSum(cols.amounts));
  const readOnly = median(runs, () => readRows(cols));
  const { rows, problems } = readRows(cols);
  const rulesOnly = median(runs, () => summarizeYear(rows, { today, problems }));
  const whole = median(runs, () => {
    const r = readRows(cols);
    return summarizeYear(r.rows, { today, problems: r.problems });
  });
  console.log(`\nYear summary over ${EXCEL_ROWS.toLocaleString("en")} rows (median of ${runs}; ratio to the plain loop)`);
  console.log(row("plain loop summing the amount column", floor, floor));
  console.log(row("reading layer only (readRows)", readOnly, floor));
  console.log(row("rules only (summarizeYear on read rows)", rulesOnly, floor));
  console.log(row("reading + rules (the whole summary)", whole, floor, 3));
}
