/** Shared helpers for `npm run bench`: Excel-shaped inputs and a median timer. */
import { excelSerialFromDay, dayFromYmd } from "../src/rules/dates";

export const EXCEL_ROWS = 1_048_576;

export interface ExcelColumns {
  dates: unknown[][];
  amounts: unknown[][];
  categories: unknown[][];
}

/**
 * "sorted": dates ascending within one year; "alternating": rows alternate between two years; "random": each
 * row a day drawn at random (fixed seed) from two years.
 */
export type DateOrder = "sorted" | "alternating" | "random";

/**
 * One year of invoices (or two, alternating) shaped as desktop Excel passes ranges to a custom function: 2-D arrays of one
 * column, serial dates, numeric amounts, category text, and every 50th row empty (0 in each column).
 */
export function excelColumns(n: number = EXCEL_ROWS, year = 2026, order: DateOrder = "sorted"): ExcelColumns {
  const jan1 = excelSerialFromDay(dayFromYmd(year, 1, 1));
  const jan1Before = excelSerialFromDay(dayFromYmd(year - 1, 1, 1));
  const categories = ["21%", "", "9", "kor", "export", "vrij", "verlegd", "21"];
  const dates: unknown[][] = new Array(n);
  const amounts: unknown[][] = new Array(n);
  const cats: unknown[][] = new Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    if (i % 50 === 49) {
      dates[i] = [0];
      amounts[i] = [0];
      cats[i] = [0];
      continue;
    }
    const dayOfYear = Math.floor((i * 365) / n);
    // "alternating": odd rows in the year before (two years' invoices interleaved, or a sheet sorted by customer).
    if (order === "random") {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      dates[i] = [jan1Before + (seed % 730)];
    } else dates[i] = [order === "alternating" && i % 2 === 1 ? jan1Before + dayOfYear : jan1 + dayOfYear];
    amounts[i] = [((i * 7919) % 100_000) / 100]; // up to €999.99, with cents
    cats[i] = [categories[i % categories.length]];
  }
  return { dates, amounts, categories: cats };
}

/** The floor every function is compared with: a plain loop summing the amount column. */
export function plainSum(amounts: unknown[][]): number {
  let s = 0;
  for (let i = 0; i < amounts.length; i++) s += amounts[i][0] as number;
  return s;
}

/** Median wall-clock milliseconds over `runs` calls, after one warm-up call. */
export function median(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function row(label: string, ms: number, floorMs: number, target?: number): string {
  const ratio = ms / floorMs;
  const verdict = target === undefined ? "" : ratio <= target ? `  (target ≤ ${target}×: met)` : `  (target ≤ ${target}×: NOT met)`;
  return `  ${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms   ${ratio.toFixed(1).padStart(6)}×${verdict}`;
}
