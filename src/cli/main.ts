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
import * as msg from "../i18n/messages";
import type { Localized } from "../i18n/types";
import type { Problem } from "../rules/types";
import { yearBounds, yearsIn } from "../rules/turnover";
import { codeMappingFrom, type CodeMapping } from "../reading/codeMapping";
import { decodeBytes, readCsvText } from "../reading/csv";
import { promises as fsp } from "fs";
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

export async function readFile(
  file: InputFile,
  options: CliOptions,
  blockRows?: number,
  today?: Day,
  limits?: Partial<ReadLimits>,
  mapping: CodeMapping | null = null,
): Promise<FileRead> {
  // The next start looks at the crossings and the previous-year test from the year of today − 3 on.
  const keepFrom = today === undefined ? null : yearOf(today) - 3;
  const table = { columns: options.columns, columnNames: options.columnNames, codes: mapping?.map ?? null };
  const readOptions = { year: options.year, blockRows, keepFrom, limits, table };
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

/** A note (warning) on a sheet's report: not a problem with the data, but how it was read. */
function note(code: string, message: Localized): Problem {
  return { row: null, severity: "warning", code, column: null, value: null, message };
}

/**
 * Summarises the sheets of one file. A workbook with one sheet per year is one business: a sheet whose
 * previous year has no rows takes that year from the other sheet that has it, when their years do not
 * overlap (a sheet per shop or per activity overlaps and stays apart), and says so; `--per-sheet` or a
 * given previous-year turnover keeps every sheet apart.
 */
export function summarizeFile(file: string, read: FileRead, options: CliOptions, today: Day, mapping: CodeMapping | null = null): SheetResult[] {
  const years = read.sheets.map((s) => new Set(yearsIn(s.rows)));
  const mappingNote = mapping !== null && mapping.entries.length > 0 ? [note("code-mapping", msg.codeMappingUsed(mapping.entries))] : [];
  return read.sheets.map((s, idx) => {
    const base = { today, year: options.year, period: options.period, previousYearCents: options.previousYearCents, rowName: s.rowName };
    let summary = summarizeYear(s.rows, { ...base, problems: s.problems });
    let from: SheetRead | null = null;
    const y = summary.year;
    if (options.perSheet !== true && options.previousYearCents === null && summary.previousYearBasis === "assumed-zero") {
      from =
        read.sheets.find((t, j) => j !== idx && years[j].has(y - 1) && ![...years[j]].some((yr) => years[idx].has(yr))) ?? null;
      if (from !== null) {
        const { from: jan1, to: dec31 } = yearBounds(y - 1);
        const prevRows = from.rows.filter((r) => r.day >= jan1 && r.day <= dec31);
        const prevProblems = from.problems.filter((p) => p.day != null && p.day >= jan1 && p.day <= dec31);
        summary = summarizeYear([...prevRows, ...s.rows], { ...base, problems: [...prevProblems, ...s.problems] });
      }
    }
    const concerned = yearsConcerned(summary.year, summary.previousYearBasis);
    const notes = [...mappingNote, ...(from !== null ? [note("previous-year-from-sheet", msg.previousYearFromSheet(y - 1, from.sheet))] : [])];
    return {
      file,
      sheet: s.sheet,
      summary,
      // The summary keeps only the reading problems of its year.
      problems: [...notes, ...summary.problems],
      rowCount: s.rowCount,
      errorCount: s.errorCount,
      yearErrorCount: s.errorCountIn(concerned) + (from !== null ? from.errorCountIn([y - 1]) : 0),
      previousYearSheet: from?.sheet ?? null,
      rowName: s.rowName,
    };
  });
}

/** One sheet (an auditfile's combined rows) on its own. */
function sheetResult(file: string, s: SheetRead, options: CliOptions, today: Day): SheetResult {
  return summarizeFile(file, { sheets: [s], skipped: [] }, options, today)[0];
}

/** Checks every file; never throws for a bad file (it becomes a failure line). */
export async function check(files: readonly InputFile[], options: CliOptions, io: CliIo, today: Day, mapping: CodeMapping | null = null): Promise<CheckResult> {
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
        const read = await readFile(file, options, io.blockRows, today, io.limits, mapping);
        if (file.kind === "xaf") {
          // Auditfiles of one business (same VAT number) are checked together, after all files are read.
          for (const s of read.sheets) auditfiles.push({ file: file.path, read: s });
        } else {
          sheets.push(...summarizeFile(file.path, read, options, today, mapping));
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
  let mapping: CodeMapping | null = null;
  if (options.codesFile != null) {
    let records: string[][];
    try {
      records = readCsvText(decodeBytes(await fsp.readFile(options.codesFile)).text).records;
    } catch (e) {
      const f = failureFromError(e, "csv");
      io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${f.reason[lang]}\n`);
      return EXIT_USAGE;
    }
    const m = codeMappingFrom(records);
    if (!m.ok) {
      io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${visibleControls(m.error[lang])}\n`);
      return EXIT_USAGE;
    }
    mapping = m.mapping;
  }
  const today = io.today ?? todayInNetherlands();
  const result = await check(files, options, io, today, mapping);
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
