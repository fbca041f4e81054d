/** Shared helpers for `npm run bench`: Excel-shaped inputs and a median timer. */
import * as fs from "fs";
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

/** How an empty cell arrives: 0 (desktop Excel) or null (Excel on the web). */
export type Blanks = "zero" | "null";

/** The category column: VAT code texts, or codes typed as numbers (21, 9, 0) as some exports have them. */
export type Codes = "texts" | "numbers";

/**
 * One year of invoices (or two, alternating) shaped as desktop Excel passes ranges to a custom function: 2-D arrays of one
 * column, serial dates, numeric amounts, category text, and every 50th row empty (0 in each column, or null as
 * Excel on the web passes it; then an empty category cell is null too).
 */
export function excelColumns(n: number = EXCEL_ROWS, year = 2026, order: DateOrder = "sorted", blanks: Blanks = "zero", codes: Codes = "texts"): ExcelColumns {
  const jan1 = excelSerialFromDay(dayFromYmd(year, 1, 1));
  const jan1Before = excelSerialFromDay(dayFromYmd(year - 1, 1, 1));
  const empty = blanks === "null" ? null : "";
  const categories = codes === "numbers" ? [21, 9, 21, 0] : ["21%", empty, "9", "kor", "export", "vrij", "verlegd", "21"];
  const dates: unknown[][] = new Array(n);
  const amounts: unknown[][] = new Array(n);
  const cats: unknown[][] = new Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    if (i % 50 === 49) {
      const blank = blanks === "null" ? null : 0;
      dates[i] = [blank];
      amounts[i] = [blank];
      cats[i] = [blank];
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

/**
 * CPU milliseconds of the calling thread so far (Linux: /proc/thread-self/schedstat, in ns), or null where
 * the system does not say. On a shared machine a thread's CPU time is what a quiet machine's wall clock
 * would show for single-threaded code: the time it waited for a core is left out, and so is the engine's
 * optimising compiler, which runs on another thread.
 */
export function threadCpuMs(): number | null {
  try {
    return Number(fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

export interface Times {
  wall: number;
  /** null where threadCpuMs is. */
  cpu: number | null;
}

/** Wall-clock and thread CPU milliseconds of one call. */
export function timeOnce(fn: () => unknown): Times {
  const c0 = threadCpuMs();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = threadCpuMs();
  return { wall, cpu: c0 === null || c1 === null ? null : c1 - c0 };
}

/**
 * A sample of medianTimes lasts at least this long: this machine's thread CPU clock (schedstat) ticks in
 * steps of 4 ms, which on a 16 ms plain loop would move a ratio by a quarter.
 */
const SAMPLE_MS = 80;

/**
 * Medians of wall-clock and thread CPU milliseconds per call over `runs` samples, after one warm-up call; a
 * sample times enough calls back to back to last SAMPLE_MS.
 */
export function medianTimes(runs: number, fn: () => unknown): Times {
  const warm = timeOnce(fn);
  const reps = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(warm.wall, 0.1)));
  const all: Times[] = [];
  for (let k = 0; k < runs; k++) {
    const t = timeOnce(() => {
      for (let r = 0; r < reps; r++) fn();
    });
    all.push({ wall: t.wall / reps, cpu: t.cpu === null ? null : t.cpu / reps });
  }
  const cpus = all.map((t) => t.cpu);
  return { wall: medianOf(all.map((t) => t.wall)), cpu: cpus.every((c) => c !== null) ? medianOf(cpus as number[]) : null };
}

/** The middle value (of an even count, the upper of the two middle ones). */
export function medianOf(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** A ratio on CPU time when both are known, else on wall time. */
export function ratioOf(t: Times, floor: Times): number {
  return t.cpu !== null && floor.cpu !== null ? t.cpu / floor.cpu : t.wall / floor.wall;
}

/** A row with wall and CPU times; the ratio (and the goal) on CPU time when known, else on wall time. */
export function timesRow(label: string, t: Times, floor: Times, target?: number): string {
  const ratio = ratioOf(t, floor);
  const verdict = target === undefined ? "" : `  (target ≤ ${target}×: ${ratio <= target ? "met" : "NOT met"})`;
  const cpu = t.cpu === null ? "" : ` ${t.cpu.toFixed(1).padStart(8)} ms CPU`;
  return `  ${label.padEnd(60)} ${t.wall.toFixed(1).padStart(9)} ms${cpu}   ${ratio.toFixed(1).padStart(5)}×${verdict}`;
}

/**
 * A JavaScript expression for a child process's own peak resident memory in kB. Linux keeps
 * `process.resourceUsage().maxRSS` across exec, so a child spawned by a bench process that already holds
 * 200 MB reports at least that; the kernel's VmHWM (/proc/self/status) belongs to the child's own memory.
 * Elsewhere: maxRSS.
 */
export const PEAK_RSS_KB =
  `(() => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } ` +
  `catch { return process.resourceUsage().maxRSS; } })()`;
