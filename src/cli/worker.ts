/** The worker thread of kor-check's pool (pool.ts): checks one file, returns its sheets, failures and skips. */
import type { Day } from "../rules/dates";
import type { ReadLimits } from "../reading/limits";
import type { CodeMapping } from "../reading/codeMapping";
import type { CliOptions } from "./args";
import type { InputFile } from "./files";
import { checkOne, type FileOutcome } from "./main";

export interface FileTask {
  readonly file: InputFile;
  readonly options: CliOptions;
  readonly today: Day;
  readonly blockRows?: number;
  readonly limits?: Partial<ReadLimits>;
  readonly mapping: CodeMapping | null;
}

export default function checkInWorker(task: FileTask): Promise<FileOutcome> {
  return checkOne(task.file, task.options, task.today, task.blockRows, task.limits, task.mapping);
}
