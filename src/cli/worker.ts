/**
 * The worker thread of kor-check's pool (pool.ts): checks one file (or the auditfiles of one business), returns
 * its sheets, failures and skips.
 * What every file shares (the options, today, the code mapping) comes once per worker as its workerData
 * (pool.ts `shared`); a task is only the file (or a business's files and its warnings), so handing it over
 * costs the same however many files or command-line arguments the run has.
 */
import { workerData } from "worker_threads";
import type { Day } from "../rules/dates";
import type { ReadLimits } from "../reading/limits";
import type { CodeMapping } from "../reading/codeMapping";
import type { CliOptions } from "./args";
import { checkOne, withText, type CheckTask, type FileOutcome } from "./main";
import type { StreamFormat } from "./output";
import { workbookReader } from "./read";

export interface PoolShared {
  readonly options: CliOptions;
  readonly today: Day;
  readonly blockRows?: number;
  readonly limits?: Partial<ReadLimits>;
  readonly mapping: CodeMapping | null;
  /** --format csv, json or jsonl: write each file's text here, so only that text crosses to the main thread. */
  readonly stream: StreamFormat | null;
}

const shared = workerData as PoolShared;
// Loaded now, while the worker starts, rather than when its first file arrives.
workbookReader();

export default async function checkInWorker(task: CheckTask): Promise<FileOutcome> {
  const outcome = await checkOne(task, shared.options, shared.today, shared.blockRows, shared.limits, shared.mapping);
  return shared.stream !== null ? withText(outcome, shared.stream, shared.options.lang) : outcome;
}
