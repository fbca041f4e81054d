/**
 * Child process of bench/functions.ts: one KOR.COUNTABLE call in a fresh process (cold code, as the first
 * call on a freshly opened workbook), printed as JSON (wall and thread CPU times) with the cold plain loop
 * beside it, and then the plain loop's warm median in the same process: the floor measured next to the call it
 * is the floor of (this machine's speed drifts by a third within seconds).
 */
import * as f from "../src/functions/functions";
import { EXCEL_ROWS, excelColumns, medianTimes, plainSum, timeOnce, type Blanks, type Codes, type DateOrder } from "./common";

const order = (process.argv[2] ?? "sorted") as DateOrder;
const blanks = (process.argv[3] ?? "zero") as Blanks;
const codes = (process.argv[4] ?? "texts") as Codes;
const cols = excelColumns(EXCEL_ROWS, 2026, order, blanks, codes);
const countable = timeOnce(() => f.countable(cols.dates, cols.amounts, cols.categories, null));
const plain = timeOnce(() => plainSum(cols.amounts));
const plainWarm = medianTimes(5, () => plainSum(cols.amounts));
process.stdout.write(JSON.stringify({ countable, plain, plainWarm }));
