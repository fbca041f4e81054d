/**
 * kor-check's worker pool (piscina): tasks run in worker threads, at most `jobs` at a time, each worker with
 * a heap limit and each task with a time limit. A task that exhausts either ends as that task's failure
 * (the worker is replaced) and the others go on. Generic over "task → result": the pool knows nothing of
 * files or sheets.
 */
import { existsSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Piscina } from "piscina";

export interface PoolSettings {
  /** Tasks run at the same time (≥ 2 makes sense; the caller runs 1 in its own thread). */
  readonly jobs: number;
  /** Heap limit of each worker (V8 old generation), MB. */
  readonly maxMemoryMb: number;
  /** Time limit of each task, milliseconds; or per task (by its index). */
  readonly timeoutMs: number | ((index: number) => number);
  /** The worker module (default: worker.js beside this file, or worker.ts under ts-node/jest). */
  readonly workerFile?: string;
  /** What every task shares, handed to each worker once as its workerData (not with every task). */
  readonly shared?: unknown;
  /**
   * The order in which tasks start, as task indices (default: task order; see largestFirst). Asked for once
   * the workers are starting, so working it out (kor-check looks up every file's size) overlaps their start-up.
   */
  readonly order?: () => Promise<readonly number[]> | readonly number[];
}

export type TaskEnd<R> =
  | { readonly ok: true; readonly value: R }
  | { readonly ok: false; readonly why: "memory" | "time" | "crash"; readonly detail: string };

export interface PoolEvents<R> {
  started(index: number): void;
  ended(index: number, end: TaskEnd<R>): void;
}

/**
 * The cores a Linux control group (a container started with `--cpus 2`, a Kubernetes CPU limit) lets the process
 * use, from cgroup v2's `cpu.max` ("200000 100000": 2 cores; "max 100000": no limit) or v1's `cpu.cfs_quota_us` and
 * `cpu.cfs_period_us` (quota -1: no limit); null when there is no limit or nothing can be read. The number of cores
 * Node reports is the host's: on a 64-core host a container limited to 2 cores started 64 workers.
 */
export function cgroupCpuLimit(read: (file: string) => string | null = readSmallFile): number | null {
  const ratio = (quota: number, period: number): number | null =>
    Number.isFinite(quota) && Number.isFinite(period) && quota > 0 && period > 0 ? Math.max(1, Math.ceil(quota / period)) : null;
  const v2 = read("/sys/fs/cgroup/cpu.max");
  if (v2 !== null) {
    const [quota, period] = v2.trim().split(/\s+/);
    return quota === "max" ? null : ratio(Number(quota), Number(period));
  }
  const quota = read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us") ?? read("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us");
  const period = read("/sys/fs/cgroup/cpu/cpu.cfs_period_us") ?? read("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us");
  return quota === null || period === null ? null : ratio(Number(quota.trim()), Number(period.trim()));
}

function readSmallFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** One job per core the process may use, within a container's CPU limit. */
export function defaultJobs(cpuLimit: number | null = cgroupCpuLimit()): number {
  const n = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cpuLimit === null ? n : Math.min(n, cpuLimit));
}

/**
 * The memory the process may use: the machine's, or less when a container limits it (Node's
 * `process.constrainedMemory()`, which reports 0 or a huge number when there is no limit). With the machine's
 * memory a container limited to 4 GB on a 64 GB host gave each of two workers 4096 MB, and the kernel ended the
 * whole run instead of one file.
 */
export function usableMemoryBytes(total: number = os.totalmem(), constrained: number = process.constrainedMemory()): number {
  return Number.isFinite(constrained) && constrained > 0 && constrained < total ? constrained : total;
}

/** A share of the memory the process may use per worker (60 % over the jobs), from 512 to 4096 MB. */
export function defaultMaxMemoryMb(jobs: number, usable: number = usableMemoryBytes()): number {
  const share = Math.floor((usable / 1_048_576) * 0.6 / Math.max(1, jobs));
  return Math.min(4096, Math.max(512, share));
}

function workerModule(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, "worker.js");
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  // Running from the TypeScript sources (jest, npm run bench): the worker compiles them with ts-node.
  return { file: path.join(__dirname, "worker.ts"), execArgv: ["-r", "ts-node/register/transpile-only"] };
}

function endOfError(e: unknown, timedOut: boolean): TaskEnd<never> {
  const err = e as { code?: unknown; name?: unknown; message?: unknown } | null;
  const detail = typeof err?.message === "string" ? err.message : String(e);
  if (timedOut) return { ok: false, why: "time", detail };
  if (err?.code === "ERR_WORKER_OUT_OF_MEMORY") return { ok: false, why: "memory", detail };
  return { ok: false, why: "crash", detail };
}

/**
 * An order in which to start tasks: largest first (longest processing time first), so that a big task does
 * not start last and keep one worker busy while the others stand idle at the end of the run. Sorted within
 * windows of `window` consecutive tasks: a caller that releases results in task order (kor-check writes
 * JSON lines as files finish) then never waits on a task more than a window ahead of the ones it is
 * writing. `Infinity`: one window. Equal sizes keep task order.
 */
export function largestFirst(sizes: readonly number[], window = Infinity): number[] {
  const order = sizes.map((_, i) => i);
  const step = Math.max(1, Math.min(window, order.length));
  for (let from = 0; from < order.length; from += step) {
    const part = order.slice(from, from + step).sort((a, b) => sizes[b] - sizes[a] || a - b);
    order.splice(from, part.length, ...part);
  }
  return order;
}

type PoolOptions = NonNullable<ConstructorParameters<typeof Piscina>[0]>;

/**
 * A Piscina pool whose workers get node's own options (as `node --enable-source-maps kor-check …` was started)
 * and then `own`, except --max-old-space-size (each worker's heap limit is its resourceLimits). Node refuses
 * some options in a worker that it accepts for the process (V8's, --expose-gc, --stack-trace-limit …), and
 * Piscina starts its first workers at once, so the pool fails as it is made: then the workers start with
 * `own` only. Those options hold for the whole process anyway.
 */
function newPool<T, R>(own: readonly string[], options: Omit<PoolOptions, "execArgv">): Piscina<T, R> {
  const inherited = process.execArgv.filter((a) => !a.startsWith("--max-old-space-size"));
  try {
    return new Piscina<T, R>({ ...options, execArgv: [...inherited, ...own] });
  } catch (e) {
    if (inherited.length === 0 || (e as { code?: unknown } | null)?.code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw e;
    return new Piscina<T, R>({ ...options, execArgv: [...own] });
  }
}

/**
 * Runs every task, `jobs` at a time, in task order (task i starts before task i+1) or in `settings.order`,
 * and reports each start and end. Resolves when all have ended; never rejects for a task's failure.
 */
export async function runInPool<T, R>(tasks: readonly T[], settings: PoolSettings, events: PoolEvents<R>): Promise<void> {
  if (tasks.length === 0) return;
  const jobs = Math.max(1, Math.min(settings.jobs, tasks.length));
  const worker = settings.workerFile === undefined ? workerModule() : { file: settings.workerFile, execArgv: [] };
  const pool = newPool<T, R>(worker.execArgv, {
    filename: worker.file,
    workerData: settings.shared,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1_000,
    // A bounded young generation: V8 otherwise grows each worker's nursery (up to 48 MB) as a long run goes
    // on, so memory kept rising with the number of files (issue 13: 10,000 files took 1.37× the memory of
    // 1,000). 32 MB, not 16: at 16 a worker collected it twice as often (1,000 small files: 452 scavenges
    // and 12 full collections per worker against 224 and 3; 60 files of 5,000 rows: 211-256 against
    // 108-123), each one a pause that waits for the GC helper threads, which on a busy machine wait for a
    // core: the pool cost 15-30 % more CPU than --jobs 1. Memory still levels off within the first few
    // hundred files (1,000 small files 237 MB, 10,000 files 247 MB).
    resourceLimits: { maxOldGenerationSizeMb: settings.maxMemoryMb, maxYoungGenerationSizeMb: 32 },
  });
  let order: readonly number[] | undefined;
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = order === undefined ? next++ : order[next++];
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, typeof settings.timeoutMs === "number" ? settings.timeoutMs : settings.timeoutMs(index));
      events.started(index);
      let end: TaskEnd<R>;
      try {
        end = { ok: true, value: await pool.run(tasks[index], { signal: abort.signal }) };
      } catch (e) {
        end = endOfError(e, timedOut);
      } finally {
        clearTimeout(timer);
      }
      events.ended(index, end);
    }
  };
  try {
    order = settings.order === undefined ? undefined : await settings.order();
    if (order !== undefined && order.length !== tasks.length) throw new Error("order must list every task once");
    await Promise.all(Array.from({ length: jobs }, runner));
  } finally {
    await pool.destroy();
  }
}
