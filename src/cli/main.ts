/**
 * kor-check: the command line over the same reading layer and rules as the add-in. `main` is the whole
 * program minus process.exit, so tests call it in-process.
 */
import type { Lang } from "../i18n/types";
import { todayInNetherlands, yearOf, type Day } from "../rules/dates";
import { defaultDataYear, defaultDataYearOf, summarizeColumns, yearsConcerned, type SummaryOptions } from "../rules/summary";
import { columnQueries } from "../rules/columns";
import type { YearSummary } from "../rules/summary-types";
import { yearsIn } from "../rules/turnover";
import { firstOtherYear, holdsYear, lendsYears, summarizeWithSheets, wantsOtherYear } from "../bulk/sheetYears";
import { checkKorSince } from "../rules/participation";
import { participationFirstYear } from "../rules/next-start";
import { previousYearTested } from "../rules/eligibility";
import { parseArgs, langFromEnv, type CliOptions } from "./args";
import { collectInputs, type InputFile } from "./files";
import { failureFromError, readCsv, readXaf, readXafData, readXafHeader, readXlsx, xafSheetRead, type FileRead, type ReadOptions, type SheetRead } from "./read";
import { auditfileBusinesses, auditfileYear, combineAuditfiles, filesText, headerUnreadWarning, type AuditfileRead } from "./xaf";
import * as path from "path";
import { withAuditfileAdvice } from "../reading/xaf";
import type { Localized } from "../i18n/types";
import type { Problem } from "../rules/types";
import { codeMappingFrom, codeMappingNote, type CodeMapping } from "../reading/codeMapping";
import { decodeBytes, readCsvText, type CsvReadResult } from "../reading/csv";
import { promises as fsp } from "fs";
import { fileText, StreamedOutput, terminalWidth, toTable, type CheckResult, type FileFailure, type SheetResult, type SkippedSheet, type StreamFormat } from "./output";
import { visibleControls } from "../i18n/safeText";
import { READ_LIMITS, type ReadLimits } from "../reading/limits";
import { openOut, refuseOut, writeOut } from "./outFile";
import { defaultMaxMemoryMb, largestFirst, runInPool, type TaskEnd } from "./pool";
import type { PoolShared } from "./worker";
import { HELP, USAGE_HINT, fileErrors, out, outErrors, usage } from "./strings";

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
  /** Jobs when --jobs is not given; default 1 (in this thread). The executable passes one per core. */
  readonly defaultJobs?: number;
}

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_USAGE = 2;

function readOptionsFor(options: CliOptions, blockRows?: number, today?: Day, limits?: Partial<ReadLimits>, mapping: CodeMapping | null = null): ReadOptions {
  // The next start looks at the crossings and the previous-year test from the year of today − 3 on; for a
  // participant (--in-kor-since) at the first crossing since the start of participation, however long ago
  // (rules/next-start.ts firstCrossingSince): the rows from the year of that start on are kept too.
  const recent = today === undefined ? null : yearOf(today) - 3;
  const since = options.participation?.status === "in" ? participationFirstYear(options.participation.since) : null;
  const keepFrom = since === null ? recent : Math.min(recent ?? since, since);
  const table = { columns: options.columns, columnNames: options.columnNames, codes: mapping?.map ?? null };
  return { year: options.year, blockRows, keepFrom, todayYear: today === undefined ? null : yearOf(today), limits, table };
}

export async function readFile(
  file: InputFile,
  options: CliOptions,
  blockRows?: number,
  today?: Day,
  limits?: Partial<ReadLimits>,
  mapping: CodeMapping | null = null,
): Promise<FileRead> {
  const readOptions = readOptionsFor(options, blockRows, today, limits, mapping);
  if (file.kind === "xlsx") return readXlsx(file.path, readOptions);
  if (file.kind === "csv") return readCsv(file.path, readOptions);
  if (file.kind === "xaf") return readXaf(file.path, readOptions);
  throw Object.assign(new Error("unsupported file type"), { code: "KOR_UNSUPPORTED" });
}

/** Seconds as "12 s" or "3 min 05 s" for the progress line. */
function elapsedText(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/**
 * The progress line on stderr (a terminal only): files done of the total and, while files are being read,
 * the one that has been running longest, so a firm sees which client's file holds the run up.
 */
class Progress {
  private shown = false;
  private done = 0;
  private width = 0;
  private readonly running = new Map<number, { path: string; since: number }>();
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly stderr: CliIo["stderr"],
    private readonly total: number,
    private readonly lang: Lang,
  ) {}
  get enabled(): boolean {
    return this.total > 1 && this.stderr.isTTY === true;
  }
  start(): void {
    if (!this.enabled) return;
    this.draw();
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }
  started(index: number, file: string): void {
    this.running.set(index, { path: file, since: Date.now() });
  }
  /** `files`: how many files the task that ended held (a business's auditfiles are one task). */
  ended(index: number, files = 1): void {
    this.running.delete(index);
    this.done += files;
    this.draw();
  }
  private draw(): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    let line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total} ${out.progress[this.lang]}`;
    let slowest: { path: string; since: number } | null = null;
    for (const r of this.running.values()) if (slowest === null || r.since < slowest.since) slowest = r;
    if (slowest !== null) {
      const shown = visibleControls(slowest.path);
      const name = shown.length > 40 ? `…${shown.slice(-39)}` : shown;
      line += ` · ${out.slowest[this.lang]}: ${name} (${elapsedText(Date.now() - slowest.since)})`;
    }
    this.stderr.write(`\r${line.padEnd(this.width)}`);
    this.width = Math.max(this.width, line.length);
    this.shown = true;
  }
  /**
   * Takes the line off the screen until the next draw, so what is written meanwhile (a file that could not be
   * read, named on stderr) starts a line of its own instead of being glued to the bar.
   */
  hide(): void {
    if (this.shown) this.stderr.write(`\r${" ".repeat(Math.max(60, this.width))}\r`);
    this.shown = false;
  }
  clear(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.hide();
  }
}

/** A note (warning) on a sheet's report: not a problem with the data, but how it was read. */
function note(code: string, message: Localized): Problem {
  return { row: null, severity: "warning", code, column: null, value: null, message };
}

/**
 * Summarises the sheets of one file. A workbook with one sheet per year is one business: a sheet whose
 * previous year has no rows takes that year from the other sheet that has it, when their years do not
 * overlap (a sheet per shop or per activity overlaps and stays apart), and says so (src/bulk/sheetYears.ts,
 * shared with the pane); `--per-sheet` keeps every sheet apart (a given previous-year turnover is that year's figure).
 */
export function summarizeFile(file: string, read: FileRead, options: CliOptions, today: Day, mapping: CodeMapping | null = null): SheetResult[] {
  const mappingNote: Problem[] = mapping !== null && mapping.entries.length > 0 ? [codeMappingNote(mapping)] : [];
  // --in-kor-since that is not a 1st of a month: used as given, with a note on every report (before 2020 is refused in args).
  const p = options.participation;
  if (p?.status === "in") for (const n of checkKorSince(p.since, today).notes) mappingNote.push(note("in-kor-since-date", n));
  // A given previous-year turnover wins over another sheet's rows of that year (summarizeWithSheets links Y−1
  // only when it would be assumed €0), but a participant's older years and the later years still come from them.
  const apart = options.perSheet === true;
  // A figure given for the previous year is the year before the file's latest year (the year checked): a sheet
  // of an older year (a sheet per year) does not use it, and says so; --year or --per-sheet give it to every sheet.
  const givenOptions = [
    ...(options.previousYearCents !== null ? ["--previous-year-turnover"] : []),
    ...((options.previousUnionCents ?? null) !== null ? ["--previous-year-union-turnover"] : []),
  ];
  const ownYears = read.sheets.map((s) => sheetReportYear(s, options.year, today));
  const known = ownYears.filter((y): y is number => y !== null);
  const latest = apart || givenOptions.length === 0 || known.length === 0 ? null : Math.max(...known);
  return read.sheets.map((s, k) => {
    const own = ownYears[k];
    const olderSheet = latest !== null && own !== null && own < latest;
    const base = {
      today,
      year: options.year,
      period: options.period,
      previousYearCents: olderSheet ? null : options.previousYearCents,
      previousUnionCents: olderSheet ? null : (options.previousUnionCents ?? null),
      participation: options.participation,
      rowName: s.rowName,
      // The EU-KOR view is given when any row of the sheet names a country, also one of a year not kept.
      countryInRowsLeftOut: s.droppedCountry === true,
      // An auditfile's header periods say what it covers (a part year is warned of from them): no late-start guess.
      rowsSpanKnown: s.auditfile === true,
    };
    // The link's note (which sheet the previous year came from) is among the summary's problems.
    const { summary, from, taken } = summarizeSheet(s, apart ? [] : read.sheets, { ...base, problems: s.problems });
    const concerned = yearsConcerned(summary.year, summary.previousYearBasis);
    const otherYearNote = olderSheet && latest !== null && own !== null ? [note("given-previous-year-other-year", out.givenForOtherYear(givenOptions.join(", "), latest - 1, latest, own))] : [];
    const problems = [...mappingNote, ...otherYearNote, ...summary.problems];
    return {
      file,
      sheet: s.sheet,
      summary,
      // The summary keeps only the reading problems of its year.
      // An auditfile's entries take their category from their VAT code: say what a category fix means there.
      problems: s.auditfile === true ? [...withAuditfileAdvice(problems, true)] : problems,
      rowCount: s.rowCount,
      errorCount: s.errorCount,
      // Rows that could not be read on the sheets other years came from count too: they may hide a crossing.
      yearErrorCount: s.errorCountIn(concerned) + (from !== null ? from.errorCountIn([summary.year - 1]) : 0) + taken.reduce((n, t) => n + t.sheet.errorCountIn(t.years), 0),
      previousYearSheet: from?.sheet ?? null,
      // An auditfile's previous year read from entries its header periods cover only in part: not the year's turnover.
      previousYearPartial: summary.previousYearBasis === "data" || summary.previousYearBasis === "assumed-zero" ? (s.yearCoverage?.(summary.year - 1) ?? null) : null,
      ...(s.rowName !== undefined && summary.crossing !== null ? { crossingName: s.rowName(summary.crossing.row) } : {}),
    };
  });
}

/**
 * The year a sheet's report is about: `year` when given, else the latest year with a row or a dated problem not
 * after today's year (else the latest; defaultDataYear, the summary's default), or null for a sheet with neither.
 */
function sheetReportYear(s: SheetRead, year: number | null, today: Day): number | null {
  if (year !== null) return year;
  // From the sheet's columns when it has them, without making its rows.
  const columns = s.columns?.() ?? null;
  return columns !== null ? defaultDataYearOf(columnQueries(columns), s.problems, today) : defaultDataYear(s.rows, s.problems, today);
}

/**
 * Facts about a sheet that every other sheet of its workbook asks for (summarizeSheet), worked out once per sheet:
 * asked anew for each pair, a workbook of 2,000 one-client sheets took 7.5 s, most of it here.
 */
const yearsOfSheet = new WeakMap<SheetRead, readonly number[]>();
const lendsOfSheet = new WeakMap<SheetRead, boolean>();

/** Whether a sheet has rows in `year`, from its columns when it has them (without making its rows). */
function sheetHasRowsIn(s: SheetRead, year: number): boolean {
  return sheetYearsOf(s).includes(year);
}

/** The years a sheet has rows in, from its columns when it has them. */
function sheetYearsOf(s: SheetRead): readonly number[] {
  let years = yearsOfSheet.get(s);
  if (years === undefined) {
    const columns = s.columns?.() ?? null;
    years = columns !== null ? columns.years : yearsIn(s.rows);
    yearsOfSheet.set(s, years);
  }
  return years;
}

interface YearHolders {
  /** Per year, how many of the sheets hold it and lend their years (sheetLends), and how many hold it without lending. */
  readonly holders: ReadonlyMap<number, { readonly lending: number; readonly other: number }>;
  readonly members: ReadonlySet<SheetRead>;
}

const holdersOfSheets = new WeakMap<readonly SheetRead[], YearHolders>();

function yearHoldersOf(sheets: readonly SheetRead[]): YearHolders {
  let holders = holdersOfSheets.get(sheets);
  if (holders === undefined) {
    const counts = new Map<number, { lending: number; other: number }>();
    for (const o of sheets) {
      const lends = sheetLends(o);
      for (const y of sheetYearsOf(o)) {
        const h = counts.get(y) ?? { lending: 0, other: 0 };
        if (lends) h.lending++;
        else h.other++;
        counts.set(y, h);
      }
    }
    holders = { holders: counts, members: new Set(sheets) };
    holdersOfSheets.set(sheets, holders);
  }
  return holders;
}

/** Whether a sheet lends its years to the others (lendsYears). */
function sheetLends(s: SheetRead): boolean {
  let lends = lendsOfSheet.get(s);
  if (lends === undefined) {
    lends = lendsYears(s.sheet, (y) => holdsYear(s, y));
    lendsOfSheet.set(s, lends);
  }
  return lends;
}

/**
 * summarizeWithSheets, from the sheet's columns when it has them: without an object per row (a
 * 1,000,000-row sheet). Only a sheet that may take its previous year from another sheet (it has no rows of
 * that year and another sheet has), or that lacks another year the report reads (a participant's years since the
 * start, later years, status unknown's older years), is summarised from objects, as the link joins the sheets' rows.
 */
function summarizeSheet(
  s: SheetRead,
  others: readonly SheetRead[],
  options: SummaryOptions,
): { summary: YearSummary; from: SheetRead | null; taken: readonly { readonly sheet: SheetRead; readonly years: readonly number[] }[] } {
  const columns = s.columns?.() ?? null;
  if (columns !== null) {
    const alone = summarizeColumns(columns, options);
    // As summarizeWithSheets: no link unless the previous year is assumed €0 (or given) and another sheet has rows of it,
    // or another sheet has rows of a year this one lacks that the report reads (firstOtherYear, wantsOtherYear).
    // A given figure (wins) is compared with another sheet's rows of that year: summarizeWithSheets names both.
    // Only a sheet whose name names a year it holds lends its years (lendsYears); another one gets a note where it
    // would have been taken: the previous year assumed €0, a participant's years or the later years.
    // Asked of the other sheets through how many of them hold each year (lending or not), counted once per file:
    // asked of each other sheet in turn, a workbook of 20,000 one-invoice sheets took 109 s.
    const { holders, members } = yearHoldersOf(others);
    const own = (y: number, lending: boolean): number => (members.has(s) && sheetHasRowsIn(s, y) && (!lending || sheetLends(s)) ? 1 : 0);
    const count = (y: number, lending: boolean): number => {
      const h = holders.get(y);
      return h === undefined ? 0 : (lending ? h.lending : h.lending + h.other) - own(y, lending);
    };
    const previousYear = alone.year - 1;
    const previous =
      alone.previousYearBasis === "assumed-zero" ? count(previousYear, false) > 0 : alone.previousYearBasis === "given" && previousYearTested(alone.year) && count(previousYear, true) > 0;
    const first = firstOtherYear(alone.year, options.participation, options.today);
    const later = firstOtherYear(alone.year, options.participation, options.today, true);
    // Before 2025 a given previous year is reported (basis "given") but no test reads that year.
    const linked = alone.previousYearBasis !== "not-needed" && previousYearTested(alone.year);
    // A year this sheet lacks, held by another sheet that lends (then `first` decides) or does not (`later`).
    let older = false;
    for (const [y, h] of holders) {
      if (sheetHasRowsIn(s, y)) continue;
      if ((h.lending > 0 && wantsOtherYear(y, alone.year, first, linked)) || (h.other > 0 && wantsOtherYear(y, alone.year, later, linked))) {
        older = true;
        break;
      }
    }
    if (!previous && !older) return { summary: alone, from: null, taken: [] };
  }
  return summarizeWithSheets(s, others, options);
}

/** One sheet (an auditfile's combined rows) on its own; its report lists the --codes mapping, as a sheet's does. */
function sheetResult(file: string, s: SheetRead, options: CliOptions, today: Day, mapping: CodeMapping | null): SheetResult {
  return summarizeFile(file, { sheets: [s], skipped: [] }, options, today, mapping)[0];
}

/**
 * The auditfiles of one business, checked as one task (in one worker): grouped by their headers before the run
 * (auditfileBusinesses), so no auditfile's rows wait in the main thread for the others to be read.
 */
export interface BusinessTask {
  readonly kind: "business";
  readonly files: readonly InputFile[];
  /** Warnings every report of the business carries (files of its name in another business: xaf-not-joined). */
  readonly notJoined: readonly Problem[];
  /** The one file's header could not be read before the run, so it could not be grouped (xaf-not-grouped if it is read now). */
  readonly headerUnread?: boolean;
}

/** What one task of the run checks: a file, or the auditfiles of one business. */
export type CheckTask = InputFile | BusinessTask;

/** The files a task holds. */
const filesOf = (task: CheckTask): readonly InputFile[] => (task.kind === "business" ? task.files : [task]);

/** What checking one file (or one business's auditfiles) gives: its sheets, or why it (or some of its sheets) could not be checked. */
export interface FileOutcome {
  readonly sheets: SheetResult[];
  readonly failures: FileFailure[];
  readonly skipped: SkippedSheet[];
  /**
   * --format csv, json or jsonl (withText): the file's text (output.ts fileText), written where the file was
   * checked; `sheets` and `skipped` are then empty, so a pool worker hands the main thread a short text instead
   * of every summary.
   */
  readonly text?: string;
  /** Some sheet has rows in error that concern its year (kept when `sheets` is emptied for the text). */
  readonly rowErrors?: boolean;
}

/** Whether an outcome's sheets have rows in error that concern their year (the exit status says so). */
function hasRowErrors(o: { readonly sheets: readonly SheetResult[]; readonly rowErrors?: boolean }): boolean {
  return o.rowErrors ?? o.sheets.some((s) => (s.yearErrorCount ?? s.errorCount) > 0);
}

/** The outcome with its text written and its sheets let go (--format csv, json, jsonl), in a worker or in-thread. */
export function withText(o: FileOutcome, format: StreamFormat, lang: Lang): FileOutcome {
  return { sheets: [], failures: o.failures, skipped: [], text: fileText(o, format, lang), rowErrors: hasRowErrors(o) };
}

/**
 * Checks the auditfiles of one business: each is read, then they are combined (combineAuditfiles: a previous year
 * from another file, overlapping periods counted once) into its reports. A file that cannot be read is a failure
 * line; the others are still combined.
 */
async function checkBusiness(task: BusinessTask, options: CliOptions, today: Day, readOptions: ReadOptions, mapping: CodeMapping | null): Promise<FileOutcome> {
  const failures: FileFailure[] = [];
  const read: AuditfileRead[] = [];
  for (const file of task.files) {
    try {
      read.push({ file: file.path, read: xafSheetRead(await readXafData(file.path, readOptions)) });
    } catch (e) {
      const f = failureFromError(e, file.kind);
      failures.push({ file: file.path, reason: f.reason, detail: f.detail });
    }
  }
  // Read now, though its header was not before the run: said, as another file of its business may hold its previous year.
  const notJoined = task.headerUnread === true && read.length > 0 ? [...task.notJoined, headerUnreadWarning(read[0].file)] : task.notJoined;
  const sheets = combineAuditfiles(read, today, notJoined).map((a): SheetResult => {
    // No --year: the year the header periods reach, not one that entries dated after it would pick.
    const own = options.year === null ? auditfileYear(a, today) : null;
    const r = own === null ? a.read : { ...a.read, problems: [own.note, ...a.read.problems] };
    return { ...sheetResult(a.file, r, own === null ? options : { ...options, year: own.year }, today, mapping), auditfiles: a.auditfiles };
  });
  return { sheets, failures, skipped: [] };
}

/** Checks one file (or one business's auditfiles); never throws for a bad file (it becomes a failure line). Runs in a pool worker or in-thread. */
export async function checkOne(
  task: CheckTask,
  options: CliOptions,
  today: Day,
  blockRows?: number,
  limits?: Partial<ReadLimits>,
  mapping: CodeMapping | null = null,
): Promise<FileOutcome> {
  if (task.kind === "business" || task.kind === "xaf") {
    const business: BusinessTask = task.kind === "business" ? task : { kind: "business", files: [task], notJoined: [] };
    return checkBusiness(business, options, today, readOptionsFor(options, blockRows, today, limits, mapping), mapping);
  }
  const file = task;
  const sheets: SheetResult[] = [];
  const failures: FileFailure[] = [];
  const skipped: SkippedSheet[] = [];
  try {
    if (file.kind === "other") {
      failures.push({ file: file.path, reason: fileErrors.unsupportedType, detail: "" });
    } else if (file.kind === "xls") {
      failures.push({ file: file.path, reason: fileErrors.oldExcel, detail: "" });
    } else {
      const read = await readFile(file, options, blockRows, today, limits, mapping);
      sheets.push(...summarizeFile(file.path, read, options, today, mapping));
      for (const k of read.skipped) skipped.push({ file: file.path, sheet: k.sheet, reason: k.reason });
      if (read.sheets.length === 0) {
        const allEmpty = read.skipped.every((k) => k.reason === fileErrors.empty);
        // A CSV file is one list, and a workbook's sheet of amounts including VAT only is meant as one: that
        // refusal ("holds amounts including VAT …", the columns found) is the file's reason when it is the only one.
        const refusals = read.skipped.filter((k) => k.problem !== undefined);
        const refusal = refusals.length === 1 ? refusals[0].problem : undefined;
        failures.push(
          refusal !== undefined
            ? { file: file.path, reason: refusal.message, detail: "", problem: refusal }
            : { file: file.path, reason: allEmpty ? fileErrors.empty : fileErrors.noInvoiceSheet, detail: "" },
        );
        // The file-level line says it all; keep per-sheet reasons only when they add something.
        if (allEmpty) skipped.splice(skipped.length - read.skipped.length, read.skipped.length);
      }
    }
  } catch (e) {
    const f = failureFromError(e, file.kind);
    failures.push({ file: file.path, reason: f.reason, detail: f.detail });
  }
  return { sheets, failures, skipped };
}

/**
 * A file (or a business's auditfiles, each) the pool could not check: it exhausted its memory or time, or its
 * worker stopped. `timeoutSeconds`: --timeout, per file (a business's task has that for each of its files).
 */
export function poolFailure(task: CheckTask, end: Extract<TaskEnd<FileOutcome>, { ok: false }>, maxMemoryMb: number, timeoutSeconds: number): FileOutcome {
  const files = filesOf(task);
  const reasonFor = (file: InputFile): Localized => {
    if (end.why !== "memory" && end.why !== "time") return fileErrors.workerFailed(end.detail);
    if (files.length === 1) return end.why === "memory" ? fileErrors.outOfMemory(maxMemoryMb) : fileErrors.timedOut(timeoutSeconds);
    // A business's files were read together: each is told with which, so a small file is not taken for the cause.
    const text = filesText(files.filter((f) => f !== file).map((f) => path.basename(f.path)));
    return end.why === "memory" ? fileErrors.togetherOutOfMemory(maxMemoryMb, text) : fileErrors.togetherTimedOut(timeoutSeconds * files.length, text);
  };
  return { sheets: [], failures: files.map((file) => ({ file: file.path, reason: reasonFor(file), detail: end.detail })), skipped: [] };
}

/**
 * How much work each task is, roughly, for starting the largest first: its files' sizes, an .xlsx's times 8
 * (zipped XML unpacks to about that); 0 for a file that cannot be read (reading it says why). Looked up 64 at a
 * time, so files on a network share do not wait for one another.
 */
async function workSizes(tasks: readonly CheckTask[]): Promise<number[]> {
  const sizes = new Array<number>(tasks.length).fill(0);
  await inWindows(tasks, 64, async (task, i) => {
    for (const file of filesOf(task)) {
      try {
        sizes[i] += (await fsp.stat(file.path)).size * (file.kind === "xlsx" ? 8 : 1);
      } catch {
        // Adds nothing.
      }
    }
  });
  return sizes;
}

/** Runs `work` for every item, `size` at a time (files on a network share then do not wait for one another). */
async function inWindows<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += size) await Promise.all(items.slice(from, from + size).map((item, k) => work(item, from + k)));
}

/** Auditfile headers read at a time before the run (readXafHeader), so files on a network share do not wait for one another. */
const HEADER_WINDOW = 16;

/**
 * The run's tasks: every file but the auditfiles, in the files' order, then the auditfiles, one task per business
 * (in the order of each business's first file). With more than one auditfile their headers are read first, up to
 * their entries, to tell which belong to one business; an auditfile whose header cannot be read is a business of
 * its own (reading it says why).
 */
export async function checkTasks(files: readonly InputFile[], limits?: Partial<ReadLimits>): Promise<CheckTask[]> {
  const tasks: CheckTask[] = files.filter((f) => f.kind !== "xaf");
  const xafs = files.filter((f) => f.kind === "xaf");
  if (xafs.length <= 1) return [...tasks, ...xafs];
  const headers = new Array<Awaited<ReturnType<typeof readXafHeader>>>(xafs.length).fill(null);
  await inWindows(xafs, HEADER_WINDOW, async (file, i) => {
    headers[i] = await readXafHeader(file.path, limits);
  });
  const businesses = auditfileBusinesses(xafs.map((f, i) => ({ file: f.path, xaf: headers[i] ?? undefined })));
  for (const b of businesses) {
    const headerUnread = b.members.length === 1 && headers[b.members[0]] === null;
    tasks.push({ kind: "business", files: b.members.map((i) => xafs[i]), notJoined: b.notJoined, ...(headerUnread ? { headerUnread } : {}) });
  }
  return tasks;
}

/** With outcomes not kept (csv, json, jsonl), files start largest first within windows of this many (see largestFirst). */
const STREAM_WINDOW = 256;

export interface CheckHooks {
  /** Called once per file, in file order (a file's outcome waits for the files before it), as soon as it can. */
  readonly onFile?: (outcome: FileOutcome, index: number) => void;
  /** false: outcomes are only passed to onFile, not kept for the returned result (a long csv, json or jsonl run). */
  readonly keep?: boolean;
  /** Each outcome comes to onFile with its text in this format written (withText) and without its sheets. */
  readonly stream?: StreamFormat;
}

/**
 * Checks every file; never throws for a bad file (it becomes a failure line). With more than one job the
 * files are read in a pool of worker threads, each with a memory and a time limit; the result keeps the
 * files' order whatever order the workers finish in. Auditfiles come last, one task per business (checkTasks):
 * a business's files are read and combined in one worker, so nothing of them is kept in this thread.
 */
export async function check(
  files: readonly InputFile[],
  options: CliOptions,
  io: CliIo,
  today: Day,
  hooks: CheckHooks = {},
  mapping: CodeMapping | null = null,
): Promise<CheckResult & { readonly failureCount: number; readonly anyRowErrors: boolean }> {
  const sheets: SheetResult[] = [];
  const failures: FileFailure[] = [];
  const skipped: SkippedSheet[] = [];
  let failureCount = 0;
  let anyRowErrors = false;
  const keep = hooks.keep !== false;
  const count = (o: { readonly sheets: readonly SheetResult[]; readonly failures: readonly FileFailure[]; readonly rowErrors?: boolean }): void => {
    failureCount += o.failures.length;
    if (hasRowErrors(o)) anyRowErrors = true;
  };
  const tasks = await checkTasks(files, io.limits);
  const progress = new Progress(io.stderr, files.length, options.lang);
  // Outcomes are released in task order: ready[i] waits until every task before it is released.
  const ready = new Map<number, FileOutcome>();
  let released = 0;
  const settle = (index: number, outcome: FileOutcome): void => {
    ready.set(index, outcome);
    for (let o = ready.get(released); o !== undefined; o = ready.get(released)) {
      ready.delete(released);
      count(o);
      // What onFile writes (a file not read, on stderr) gets a line of its own; the bar is drawn again after it.
      if (hooks.onFile !== undefined) progress.hide();
      hooks.onFile?.(o, released);
      if (keep) {
        sheets.push(...o.sheets);
        failures.push(...o.failures);
        skipped.push(...o.skipped);
      }
      released++;
    }
  };

  progress.start();
  const jobs = options.jobs ?? io.defaultJobs ?? 1;
  try {
    const inThread = async (i: number): Promise<void> => {
      progress.started(i, filesOf(tasks[i])[0].path);
      const outcome = await checkOne(tasks[i], options, today, io.blockRows, io.limits, mapping);
      settle(i, hooks.stream !== undefined ? withText(outcome, hooks.stream, options.lang) : outcome);
      progress.ended(i, filesOf(tasks[i]).length);
    };
    if (jobs <= 1) {
      // Today's single-thread path (--jobs 1): easiest to debug, no memory or time limit.
      for (let i = 0; i < tasks.length; i++) await inThread(i);
    } else {
      const maxMemoryMb = options.maxMemoryMb ?? defaultMaxMemoryMb(Math.min(jobs, tasks.length));
      // Largest first, so the run does not end on one big file with the other workers idle. Outcomes are still
      // released in task order; when they are not kept, within windows, so few wait to be written.
      const order = tasks.length > jobs ? async () => largestFirst(await workSizes(tasks), keep ? Infinity : STREAM_WINDOW) : undefined;
      // What every file shares goes to each worker once; the command-line inputs are not needed there.
      const shared: PoolShared = { options: { ...options, inputs: [] }, today, blockRows: io.blockRows, limits: io.limits, mapping, stream: hooks.stream ?? null };
      await runInPool<CheckTask, FileOutcome>(
        tasks,
        // --timeout is per file: a business's auditfiles, read in one task, have it for each of them.
        { jobs, maxMemoryMb, timeoutMs: (i) => options.timeoutSeconds * 1000 * filesOf(tasks[i]).length, shared, order },
        {
          started: (i) => progress.started(i, filesOf(tasks[i])[0].path),
          ended: (i, end) => {
            const outcome = end.ok ? end.value : poolFailure(tasks[i], end, maxMemoryMb, options.timeoutSeconds);
            settle(i, hooks.stream !== undefined && outcome.text === undefined ? withText(outcome, hooks.stream, options.lang) : outcome);
            progress.ended(i, filesOf(tasks[i]).length);
          },
        },
      );
    }
  } finally {
    progress.clear();
  }
  return { today, sheets, failures, skipped, failureCount, anyRowErrors };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, langFromEnv(io.env));
  if (!parsed.ok) {
    io.stderr.write(`kor-check: ${visibleControls(parsed.error[parsed.lang])}\n${USAGE_HINT[parsed.lang]}\n`);
    return EXIT_USAGE;
  }
  const options = parsed.options;
  const lang = options.lang;
  if (options.help) {
    io.stdout.write(HELP[lang]);
    return EXIT_OK;
  }
  const { files, errors, ownOutputs, duplicates } = await collectInputs(options.inputs);
  if (options.out !== null) {
    const refused = await refuseOut(options.out, [...options.inputs, ...files.map((f) => f.path)]);
    if (refused !== null) {
      io.stderr.write(`kor-check: ${visibleControls(refused[lang])}\n`);
      return EXIT_USAGE;
    }
  }
  for (const f of ownOutputs) io.stderr.write(`kor-check: ${visibleControls(out.ownOutput(f)[lang])}\n`);
  for (const d of duplicates) io.stderr.write(`kor-check: ${visibleControls(out.sameFileTwice(d.path, d.first)[lang])}\n`);
  if (options.previousYearCents !== null && (files.length + errors.length !== 1 || options.inputs.length !== 1)) {
    io.stderr.write(`kor-check: ${usage.previousYearNeedsOneFile[lang]}\n${USAGE_HINT[lang]}\n`);
    return EXIT_USAGE;
  }
  if (options.previousUnionCents != null && (files.length + errors.length !== 1 || options.inputs.length !== 1)) {
    io.stderr.write(`kor-check: ${usage.previousUnionNeedsOneFile[lang]}\n${USAGE_HINT[lang]}\n`);
    return EXIT_USAGE;
  }
  let mapping: CodeMapping | null = null;
  if (options.codesFile != null) {
    let csv: CsvReadResult;
    try {
      // Held to the CSV limit as a client's CSV is: a larger file (the wrong file given) ended the run in V8.
      const limit = io.limits?.csvBytes ?? READ_LIMITS.csvBytes;
      const stat = await fsp.stat(options.codesFile);
      if (stat.isFile() && stat.size > limit) {
        const mb = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${limit} bytes`;
        io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${usage.codesTooLarge(mb)[lang]}\n`);
        return EXIT_USAGE;
      }
      csv = readCsvText(decodeBytes(await fsp.readFile(options.codesFile)).text);
    } catch (e) {
      const f = failureFromError(e, "csv");
      io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${visibleControls(f.reason[lang])}\n`);
      return EXIT_USAGE;
    }
    // A line lost to a quote (a record refused, or the rest of the file in one field) would leave codes out.
    const broken = csv.problems.find((p) => p.severity === "error");
    if (broken !== undefined) {
      io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${visibleControls(broken.message[lang])}\n`);
      return EXIT_USAGE;
    }
    const records = csv.records;
    const m = codeMappingFrom(records);
    if (!m.ok) {
      io.stderr.write(`kor-check: ${visibleControls(options.codesFile)}: ${visibleControls(m.error[lang])}\n`);
      return EXIT_USAGE;
    }
    mapping = m.mapping;
  }
  const today = io.today ?? todayInNetherlands();
  const since = options.participation?.status === "in" ? checkKorSince(options.participation.since, today) : null;
  if (since !== null && since.error !== null) {
    io.stderr.write(`kor-check: --in-kor-since: ${visibleControls(since.error[lang])}\n${USAGE_HINT[lang]}\n`);
    return EXIT_USAGE;
  }
  const inputFailures: FileFailure[] = errors.map((e) => {
    const f = failureFromError(Object.assign(new Error(e.detail), { code: e.code }), "other");
    return { file: e.path, reason: f.reason, detail: f.detail };
  });
  if (files.length === 0 && errors.length === 0) io.stderr.write(`kor-check: ${usage.noFilesFound[lang]}\n`);
  if (options.format !== "table") return mainStreamed(options.format, files, inputFailures, options, io, today, mapping);

  const result = await check(files, options, io, today, {}, mapping);
  const all: CheckResult = { ...result, failures: [...inputFailures, ...result.failures] };

  const text = toTable(all, lang, terminalWidth(io.env));
  if (options.out !== null) {
    try {
      await writeOut(options.out, text);
    } catch (e) {
      notWritten(io, options.out, e, lang);
      return EXIT_UNREADABLE;
    }
  } else {
    io.stdout.write(text);
  }
  // Rows of years the checked year does not depend on are not checked, so their errors do not count here.
  const rowErrors = all.sheets.some((s) => (s.yearErrorCount ?? s.errorCount) > 0);
  return all.failures.length > 0 || rowErrors || (files.length === 0 && errors.length === 0) ? EXIT_UNREADABLE : EXIT_OK;
}

/** The report could not be written to --out: why, in the user's words (not "could not be read"). */
function notWritten(io: CliIo, outFile: string, e: unknown, lang: Lang): void {
  const err = e as NodeJS.ErrnoException;
  const reason = outErrors.notWritten(err?.code, err instanceof Error ? err.message : String(e));
  io.stderr.write(`kor-check: ${visibleControls(outFile)}: ${visibleControls(reason[lang])}\n`);
}

/**
 * --format csv, json and jsonl: each file's lines (jsonl: JSON objects, one per line) written as soon as it and
 * the files before it are done, so the output order is still the files' order; csv and json write the files
 * that could not be read at the end, as they always have. Nothing is kept per file but an error line, so memory
 * does not grow with the number of files. Machine formats keep stdout clean: what was not read is said on
 * stderr too.
 */
async function mainStreamed(
  format: StreamFormat,
  files: readonly InputFile[],
  inputFailures: readonly FileFailure[],
  options: CliOptions,
  io: CliIo,
  today: Day,
  mapping: CodeMapping | null,
): Promise<number> {
  const lang = options.lang;
  let file: Awaited<ReturnType<typeof openOut>> | null = null;
  if (options.out !== null) {
    try {
      file = await openOut(options.out);
    } catch (e) {
      notWritten(io, options.out, e, lang);
      return EXIT_UNREADABLE;
    }
  }
  // Writes to the file are chained so lines never interleave. Once one fails (a full disk) the chain stays rejected,
  // so no later piece is written (one written once space was free would leave a hole), and `await writing` at the
  // end gets that first error. Each link is marked as handled: before, the first failure was an unhandled rejection
  // that ended the run with a stack trace and left the temporary file behind.
  let writing: Promise<void> = Promise.resolve();
  const emit = (text: string): void => {
    if (text === "") return;
    if (file === null) io.stdout.write(text);
    else {
      const f = file;
      writing = writing.then(() => f.write(text));
      writing.catch(() => undefined);
    }
  };
  const failed = (f: FileFailure): void => {
    io.stderr.write(`kor-check: ${visibleControls(f.file)}: ${visibleControls(f.reason[lang])}\n`);
  };
  const output = new StreamedOutput(format, lang);
  emit(output.head());
  // Folders and files that could not be opened at all: first in jsonl, with the other errors at the end in csv and json.
  emit(output.file({ sheets: [], failures: inputFailures }));
  inputFailures.forEach(failed);
  const result = await check(files, options, io, today, {
    keep: false,
    stream: format,
    onFile: (o) => {
      emit(output.file(o));
      o.failures.forEach(failed);
    },
  }, mapping);
  emit(output.end());
  if (file !== null) {
    try {
      await writing;
      await file.commit();
    } catch (e) {
      await file.discard();
      notWritten(io, options.out ?? "", e, lang);
      return EXIT_UNREADABLE;
    }
  }
  const failures = inputFailures.length + result.failureCount;
  return failures > 0 || result.anyRowErrors || (files.length === 0 && inputFailures.length === 0) ? EXIT_UNREADABLE : EXIT_OK;
}
