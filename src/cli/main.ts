/**
 * kor-check: the command line over the same reading layer and rules as the add-in. `main` is the whole
 * program minus process.exit, so tests call it in-process.
 */
import type { Lang } from "../i18n/types";
import { todayInNetherlands, yearOf, type Day } from "../rules/dates";
import { summarizeYear, yearsConcerned } from "../rules/summary";
import { parseArgs, langFromEnv, type CliOptions } from "./args";
import { collectInputs, type InputFile } from "./files";
import { failureFromError, readCsv, readXaf, readXlsx, type FileRead, type SheetRead } from "./read";
import { combineAuditfiles } from "./xaf";
import { toCsv, toJson, toTable, type CheckResult, type FileFailure, type SheetResult, type SkippedSheet } from "./output";
import { visibleControls } from "../i18n/safeText";
import type { ReadLimits } from "../reading/limits";
import { refuseOut, writeOut } from "./outFile";
import { HELP, USAGE_HINT, fileErrors, out, usage } from "./strings";

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Today in the Netherlands; default: the clock. Tests fix it. */
  readonly today?: Day;
  /** Rows per reading block; tests use small blocks to cross block borders. */
  readonly blockRows?: number;
  /** What one file may cost to read (default READ_LIMITS); tests pass small limits. */
  readonly limits?: Partial<ReadLimits>;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_USAGE = 2;

export async function readFile(file: InputFile, options: CliOptions, blockRows?: number, today?: Day, limits?: Partial<ReadLimits>): Promise<FileRead> {
  // The next start looks at the crossings and the previous-year test from the year of today − 3 on.
  const keepFrom = today === undefined ? null : yearOf(today) - 3;
  const readOptions = { year: options.year, blockRows, keepFrom, limits };
  if (file.kind === "xlsx") return readXlsx(file.path, readOptions);
  if (file.kind === "csv") return readCsv(file.path, readOptions);
  if (file.kind === "xaf") return readXaf(file.path, readOptions);
  throw Object.assign(new Error("unsupported file type"), { code: "KOR_UNSUPPORTED" });
}

class Progress {
  private shown = false;
  constructor(
    private readonly stderr: CliIo["stderr"],
    private readonly total: number,
    private readonly lang: Lang,
  ) {}
  get enabled(): boolean {
    return this.total > 1 && this.stderr.isTTY === true;
  }
  update(done: number): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    this.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ${out.progress[this.lang]}`);
    this.shown = true;
  }
  clear(): void {
    if (this.shown) this.stderr.write(`\r${" ".repeat(60)}\r`);
  }
}

function sheetResult(file: string, s: SheetRead, options: CliOptions, today: Day): SheetResult {
  const summary = summarizeYear(s.rows, {
    today,
    year: options.year,
    period: options.period,
    previousYearCents: options.previousYearCents,
    problems: s.problems,
    rowName: s.rowName,
  });
  return {
    file,
    sheet: s.sheet,
    summary,
    // The summary keeps only the reading problems of its year.
    problems: summary.problems,
    rowCount: s.rowCount,
    errorCount: s.errorCount,
    yearErrorCount: s.errorCountIn(yearsConcerned(summary.year, summary.previousYearBasis)),
    rowName: s.rowName,
  };
}

/** Checks every file; never throws for a bad file (it becomes a failure line). */
export async function check(files: readonly InputFile[], options: CliOptions, io: CliIo, today: Day): Promise<CheckResult> {
  const sheets: SheetResult[] = [];
  const failures: FileFailure[] = [];
  const skipped: SkippedSheet[] = [];
  const auditfiles: { file: string; read: SheetRead }[] = [];
  const progress = new Progress(io.stderr, files.length, options.lang);
  progress.update(0);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    try {
      if (file.kind === "other") {
        failures.push({ file: file.path, reason: fileErrors.unsupportedType, detail: "" });
      } else if (file.kind === "xls") {
        failures.push({ file: file.path, reason: fileErrors.oldExcel, detail: "" });
      } else {
        const read = await readFile(file, options, io.blockRows, today, io.limits);
        if (file.kind === "xaf") {
          // Auditfiles of one business (same VAT number) are checked together, after all files are read.
          for (const s of read.sheets) auditfiles.push({ file: file.path, read: s });
        } else {
          for (const s of read.sheets) sheets.push(sheetResult(file.path, s, options, today));
        }
        for (const k of read.skipped) skipped.push({ file: file.path, sheet: k.sheet, reason: k.reason });
        if (read.sheets.length === 0) {
          const allEmpty = read.skipped.every((k) => k.reason === fileErrors.empty);
          failures.push({ file: file.path, reason: allEmpty ? fileErrors.empty : fileErrors.noInvoiceSheet, detail: "" });
          // The file-level line says it all; keep per-sheet reasons only when they add something.
          if (allEmpty) skipped.splice(skipped.length - read.skipped.length, read.skipped.length);
        }
      }
    } catch (e) {
      const f = failureFromError(e, file.kind);
      failures.push({ file: file.path, reason: f.reason, detail: f.detail });
    }
    progress.update(i + 1);
  }
  progress.clear();
  for (const a of combineAuditfiles(auditfiles)) sheets.push({ ...sheetResult(a.file, a.read, options, today), auditfiles: a.auditfiles });
  return { today, sheets, failures, skipped };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, langFromEnv(io.env));
  if (!parsed.ok) {
    io.stderr.write(`kor-check: ${parsed.error[parsed.lang]}\n${USAGE_HINT[parsed.lang]}\n`);
    return EXIT_USAGE;
  }
  const options = parsed.options;
  const lang = options.lang;
  if (options.help) {
    io.stdout.write(HELP[lang]);
    return EXIT_OK;
  }
  const { files, errors, ownOutputs } = await collectInputs(options.inputs);
  if (options.out !== null) {
    const refused = await refuseOut(options.out, [...options.inputs, ...files.map((f) => f.path)]);
    if (refused !== null) {
      io.stderr.write(`kor-check: ${visibleControls(refused[lang])}\n`);
      return EXIT_USAGE;
    }
  }
  for (const f of ownOutputs) io.stderr.write(`kor-check: ${visibleControls(out.ownOutput(f)[lang])}\n`);
  if (options.previousYearCents !== null && (files.length + errors.length !== 1 || options.inputs.length !== 1)) {
    io.stderr.write(`kor-check: ${usage.previousYearNeedsOneFile[lang]}\n${USAGE_HINT[lang]}\n`);
    return EXIT_USAGE;
  }
  const today = io.today ?? todayInNetherlands();
  const result = await check(files, options, io, today);
  const inputFailures: FileFailure[] = errors.map((e) => {
    const f = failureFromError(Object.assign(new Error(e.detail), { code: e.code }), "other");
    return { file: e.path, reason: f.reason, detail: f.detail };
  });
  const all: CheckResult = { ...result, failures: [...inputFailures, ...result.failures] };
  if (files.length === 0 && errors.length === 0) io.stderr.write(`kor-check: ${usage.noFilesFound[lang]}\n`);

  const text = options.format === "json" ? toJson(all, lang) : options.format === "csv" ? toCsv(all, lang) : toTable(all, lang);
  if (options.out !== null) {
    try {
      await writeOut(options.out, text);
    } catch (e) {
      const f = failureFromError(e, "other");
      io.stderr.write(`kor-check: ${options.out}: ${f.reason[lang]}\n`);
      return EXIT_UNREADABLE;
    }
  } else {
    io.stdout.write(text);
  }
  if (options.format !== "table") {
    // Machine formats keep stdout clean; say what was not read on stderr too.
    for (const f of all.failures) io.stderr.write(`kor-check: ${visibleControls(f.file)}: ${visibleControls(f.reason[lang])}\n`);
  }
  // Rows of years the checked year does not depend on are not checked, so their errors do not count here.
  const rowErrors = all.sheets.some((s) => (s.yearErrorCount ?? s.errorCount) > 0);
  return all.failures.length > 0 || rowErrors || (files.length === 0 && errors.length === 0) ? EXIT_UNREADABLE : EXIT_OK;
}
