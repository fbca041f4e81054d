/**
 * Child process of bench/functions.ts: one KOR.COUNTABLE call in a fresh process (cold code, as the first
 * call on a freshly opened workbook), printed as JSON with the cold plain loop beside it.
 */
import * as f from "../src/functions/functions";
import { EXCEL_ROWS, excelColumns, plainSum, type DateOrder } from "./common";

const order = (process.argv[2] ?? "sorted") as DateOrder;
const cols = excelColumns(EXCEL_ROWS, 2026, order);
const time = (fn: () => unknown): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const countableMs = time(() => f.countable(cols.dates, cols.amounts, cols.categories, null));
const plainMs = time(() => plainSum(cols.amounts));
process.stdout.write(JSON.stringify({ countableMs, plainMs }));
