/**
 * From sheet values to what the year report shows: read the rows (src/reading), summarise the year
 * (src/rules), and gather the warnings with the rows they point at. Pure: no Office, no DOM, no clock.
 */
import type { Localized } from "../i18n/types";
import { cellText, readAmount } from "../reading/cells";
import { columnLetter, detectColumns, readTable, type ReadTableResult, TABLE_REFUSALS } from "../reading/headers";
import { countsForKor, parseCategory } from "../rules/categories";
import { dayFromIso, yearOf, type Day } from "../rules/dates";
import type { Cents } from "../rules/money";
import { onSheet, summarizeWithSheets, type YearSheet } from "../bulk/sheetYears";
import { withAuditfileAdvice } from "../reading/xaf";
import type { CheckedUnit } from "../bulk/overview";
import type { YearSummary } from "../rules/summary-types";
import { defaultYear } from "../rules/summary";
import { previousYearTested } from "../rules/eligibility";
import { FIRST_KOR_YEAR } from "../rules/parameters";
import { checkKorSince } from "../rules/participation";
import { countableTurnover, hasRowsIn, yearBounds, yearsIn } from "../rules/turnover";
import type { CategoryCode, FilingPeriod, InvoiceRow, Participation, Problem, ProblemSeverity } from "../rules/types";
import { type ColumnChoices, INVOICE_ROLES, type InvoiceRole, type InvoiceSource, columnsOption, date1904Note, dateSerialOffsetOf } from "../excel/source";
import { S } from "./strings";
import { codeMappingNote, codesWithFallback, savedCodeMapping, type CodeMapping, type CodeMappingEntry } from "../reading/codeMapping";
import { readCategoryCell } from "../reading/cells";
import { codeKey, packageCategory } from "../reading/packageCodes";
import { quote } from "../i18n/messages";

/** What the user chose for one sheet; kept in the document (see src/excel/settings.ts). */
export interface SheetSettings {
  readonly columns?: ColumnChoices;
  readonly period?: FilingPeriod;
  readonly year?: number;
  /**
   * Previous year's countable turnover typed in by the user, as kept before 1 December 2026 (without its year):
   * used for any year while `previousYears` is not there; the first figure typed since replaces it.
   */
  readonly previousYearCents?: Cents | null;
  /**
   * The previous-year turnovers typed in, by the year each is the turnover of ("2025": typed on the 2026 report):
   * a report of year Y uses only the figure of Y − 1, so a sheet holding several years never reads one year's
   * figure as another's, and each is kept when the user looks at another year.
   */
  readonly previousYears?: Readonly<Record<string, Cents>>;
  /** The firm's own codes mapped to categories in the pane's code table ("VV" → 21). */
  readonly codes?: readonly CodeMappingEntry[];
  /** Whether the business is in the KOR (kor-rules.md section 5); default unknown. */
  readonly participation?: "in" | "out" | "unknown";
  /** With participation "in": the first day in the KOR, ISO (2024-01-01); unreadable or missing → unknown. */
  readonly inKorSince?: string | null;
}

/** The previous-year turnover typed for a report of `year` (see SheetSettings.previousYears), or null. */
export function previousYearGiven(settings: SheetSettings, year: number): Cents | null {
  if (settings.previousYears === undefined) return settings.previousYearCents ?? null;
  return settings.previousYears[String(year - 1)] ?? null;
}

/** The settings with `cents` typed as the turnover of `figureYear` (null: that figure cleared). */
export function withPreviousYear(settings: SheetSettings, figureYear: number, cents: Cents | null): Pick<SheetSettings, "previousYears" | "previousYearCents"> {
  const next: Record<string, Cents> = { ...(settings.previousYears ?? {}) };
  if (cents === null) delete next[String(figureYear)];
  else next[String(figureYear)] = cents;
  return { previousYears: next, previousYearCents: null };
}

/**
 * The participation setting as the rules take it: "in" needs a valid start date, else unknown. A start before 2020 (the
 * exemption did not exist) and, with `today`, a start after today are unknown too: the field beside it refuses both, as
 * kor-check's --in-kor-since does.
 */
export function participationOf(settings: SheetSettings, today?: Day): Participation {
  if (settings.participation === "out") return { status: "out" };
  const since = inKorSinceDay(settings);
  // checkKorSince's refusals (a start after today, or before the exemption began in 2020) leave the status unknown; its
  // note (not the 1st of a month) is only shown.
  if (settings.participation === "in" && since !== null && checkKorSince(since, today).error === null) return { status: "in", since };
  return { status: "unknown" };
}

/** The "in the KOR since" setting as a day, or null when it is missing or not a date. */
export function inKorSinceDay(settings: SheetSettings): Day | null {
  if (typeof settings.inKorSince !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(settings.inKorSince)) return null;
  try {
    return dayFromIso(settings.inKorSince);
  } catch {
    return null;
  }
}

/** A category code the reading layer did not know, with how often it occurs and where first. */
export interface UnknownCode {
  readonly code: string;
  readonly count: number;
  /** The first row with it: a row of this sheet, or of `sheet`. */
  readonly firstRow: number;
  /**
   * Set for a code of another sheet years were taken from (a sheet per year: the previous year's sheet, or one of
   * a participant's years since the start of participation): mapping it in this sheet's code table reads that
   * sheet with it too. `firstRow` is then a row of that sheet.
   */
  readonly sheet?: string;
}

export interface PaneWarning {
  readonly key: string;
  readonly severity: ProblemSeverity;
  readonly message: Localized;
  /** Sheet rows the warning is about (empty when it is about the whole sheet). */
  readonly rows: readonly number[];
  /**
   * The column of the offending cells, as an index into the source's values (add source.columnOffset for the
   * sheet column); absent when the warning is about whole rows. "Toon rij" shows these cells, not just the rows.
   */
  readonly column?: number;
  /**
   * For category texts nobody can read as one category: per text the cell named and the choices offered (one
   * for a bare 'vrijgesteld', one per code for a warning listing several unknown codes).
   */
  readonly fixes?: readonly CategoryFix[];
}

/**
 * One click maps a category text (e.g. 'vrijgesteld') to a category for every row with that text, through
 * the workbook's code mapping (settings.codes): the user's cells are never changed.
 */
export interface CategoryFix {
  /** The cell's text, trimmed: the key of the mapping. */
  readonly text: string;
  /** "Rij 10, kolom F (Btw-tarief): 'vrijgesteld'". */
  readonly cell: Localized;
  /** Rows of the sheet with this text (the choice applies to all of them). */
  readonly count: number;
  /** The likely meanings in plain words; empty for an unknown code (then every category is offered). */
  readonly choices: readonly { readonly category: CategoryCode; readonly label: Localized }[];
}

/**
 * The workbook's code mapping with `text` mapped to `category` (an earlier entry for the same text replaced),
 * or with `text`'s entry removed when `category` is null.
 */
export function withCodeMapped(entries: readonly CodeMappingEntry[] | undefined, text: string, category: CategoryCode | null): CodeMappingEntry[] {
  const key = codeKey(text);
  const rest = (entries ?? []).filter((e) => codeKey(e.code) !== key);
  return category === null ? rest : [...rest, { code: text.trim(), category }];
}

export interface ColumnOption {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
}

export interface Analysis {
  readonly table: ReadTableResult;
  /** The column used per role after detection and the user's choices. */
  readonly columns: Partial<Record<InvoiceRole, number>>;
  readonly columnOptions: readonly ColumnOption[];
  readonly years: readonly number[];
  readonly year: number;
  readonly period: FilingPeriod;
  /** True when the rules need the previous year and the data holds none: the pane asks for it. */
  readonly askPreviousYear: boolean;
  /**
   * True when the previous year is a KOR year (from 2021): the pane offers the typed previous year. From 2025 it
   * wins over the rows of that year in the previous-year test (kor-rules.md section 4, worked example 26); before,
   * it decides nothing about the year's answer but is shown as given, and for a business in the KOR that year it
   * tells whether participation ended then (section 5). Before, it was offered from 2025 only and a figure kept
   * for a report before 2025 was dropped.
   */
  readonly offerPreviousYear: boolean;
  /** True when the previous-year test decides the year (from 2025; previousYearTested). */
  readonly previousYearTested: boolean;
  /**
   * Countable turnover of the previous year from the rows (this sheet's, or those of the sheet it was taken
   * from); null when there are none (or no test applies).
   */
  readonly previousYearRowsCents: Cents | null;
  /** The other sheet the previous year was taken from (a workbook with a sheet per year), else null. */
  readonly previousYearSheet: string | null;
  readonly summary: YearSummary;
  readonly warnings: readonly PaneWarning[];
  /** Cumulative countable turnover per day with a countable row, in date order. */
  readonly cumulative: readonly { readonly day: Day; readonly cents: Cents }[];
  /** Codes in the category column that no table knows and the user has not mapped: the code table offers them. */
  readonly unknownCodes: readonly UnknownCode[];
  /** How the sheet's rows add up: read + in error + skipped = rows in the sheet. */
  readonly reconciliation: Reconciliation;
  /**
   * Why no invoice could be read at all (no date or amount column, or amounts including VAT only): the pane
   * shows it instead of a verdict, as kor-check and All sheets refuse such a sheet. Null when rows were read.
   */
  readonly wholeTableProblem: Problem | null;
}

/** The problem that refuses the whole sheet (TABLE_REFUSALS; see Analysis.wholeTableProblem): never "eligible with €0". */
export function wholeTableProblemOf(table: ReadTableResult): Problem | null {
  if (table.rows.length > 0) return null;
  return table.problems.find((p) => TABLE_REFUSALS.has(p.code)) ?? null;
}

/**
 * Every data row of the sheet accounted for, so no total is shown that cannot be reconciled:
 * `read + inError + skipped === sheetRows`. The "year" figures are about the summarised year only: its rows
 * in error, the readable amounts on them (not counted anywhere) and how many amounts were unreadable.
 */
export interface Reconciliation {
  /** Data rows below the header row (all years). */
  readonly sheetRows: number;
  /** Rows read into the totals (all years). */
  readonly read: number;
  /** Rows that could not be read because of an error (all years). */
  readonly inError: number;
  /** Empty rows and rows without an amount, skipped (all years). */
  readonly skipped: number;
  /** Rows of the summarised year (or without a readable date) in error, left out of the totals. */
  readonly yearErrorRows: number;
  /** The amounts that could be read on those rows. */
  readonly yearErrorCents: Cents;
  /** Those rows whose amount itself could not be read. */
  readonly yearUnreadableAmounts: number;
  /**
   * Rows in error on the other sheet the previous year came from (previousYearSheet), dated in that year or with a
   * date that could not be read: the previous-year test depends on them as on this sheet's, so the verdict is
   * provisional (kor-check: `eligible` null). Listed among the errors, named with that sheet; not in the counts
   * above, which are this sheet's.
   */
  readonly otherSheetErrorRows: number;
}

/** The rows in error the verdict depends on (this sheet's, and the previous year's sheet's): "fix N errors first". */
export function provisionalRows(r: Reconciliation): number {
  return r.yearErrorRows + r.otherSheetErrorRows;
}

/**
 * The other sheets of an opened file with several sheets, read with a code table and the columns chosen in each
 * sheet's own year report (detected where none were chosen), for the previous-year link (src/bulk/sheetYears.ts)
 * and All sheets. Read once per file, code table and columns: the values arrays never change, and the key holds
 * the table's entries and the columns (mapping a code or choosing a column in the pane reads them again).
 */
const fileSheetCache = new WeakMap<object, Map<string, YearSheet>>();
function sheetRead(s: InvoiceSource, mapping: CodeMapping | null, choices?: ColumnChoices): YearSheet {
  let byCodes = fileSheetCache.get(s.values);
  if (byCodes === undefined) {
    byCodes = new Map();
    fileSheetCache.set(s.values, byCodes);
  }
  const codesKey = mapping === null ? "" : JSON.stringify(mapping.entries.map((e) => [codeKey(e.code), e.category]));
  const key = choices === undefined ? codesKey : `${codesKey}|${JSON.stringify(choices)}`;
  let read = byCodes.get(key);
  if (read === undefined) {
    // The columns chosen in that sheet's own year report, as that report reads it.
    const t = readTable(s.values, { rowOffset: s.rowOffset, dateSerialOffset: dateSerialOffsetOf(s), codes: mapping?.map ?? null, columns: columnsOption(choices) });
    // The note that a code table was used, as the year report and kor-check give it (undated: kept for every year).
    read = { sheet: s.sheetName ?? s.name, rows: t.rows, problems: mapping !== null && mapping.entries.length > 0 ? [codeMappingNote(mapping), ...t.problems] : t.problems };
    byCodes.set(key, read);
  }
  return read;
}

/** Where the pane keeps a sheet's own code table: SheetSettings.codes by the sheet's source key (host.settings). */
export type CodesOf = (key: string) => readonly CodeMappingEntry[] | undefined;

/**
 * The opened file's other sheets, for the previous-year link: each read with `codes` (the report's sheet's code
 * table), then with that sheet's own saved entries (`codesOf`) for codes `codes` does not name (see
 * codesWithFallback), so the previous year counts a firm's own codes as the report's sheet does.
 */
export function otherSheetsOf(source: InvoiceSource, codes?: readonly CodeMappingEntry[], codesOf?: CodesOf, columnsOf?: ColumnsOf): YearSheet[] {
  return (source.fileSheets ?? []).filter((s) => s.key !== source.key).map((s) => sheetRead(s, savedCodeMapping(codesWithFallback(codes, codesOf?.(s.key))), columnsOf?.(s.key)));
}

/** Where the pane keeps the columns chosen in a sheet's year report: SheetSettings.columns by the sheet's source key. */
export type ColumnsOf = (key: string) => ColumnChoices | undefined;

/**
 * An opened file's other sheets as every view of `source` reads them (year report, Decision tab): with this
 * sheet's code table, then each one's own, and the columns chosen in each one's own year report (`settingsOf`:
 * host.settings by source key).
 */
export function fileOthersOf(source: InvoiceSource, settings: SheetSettings, settingsOf: (key: string) => SheetSettings | null | undefined): YearSheet[] {
  return otherSheetsOf(source, settings.codes, (k) => settingsOf(k)?.codes, (k) => settingsOf(k)?.columns);
}

/**
 * An opened file's sheets as All sheets' units (id = the sheet's source key), each read with its own saved code
 * table (`codesOf`, keyed as host.settings is: by the sheet's source key), as its year report reads it. A sheet
 * refused as a whole (amounts including VAT only, see wholeTableProblemOf) is left out, as All sheets in Excel
 * and kor-check skip it: a line would show it as eligible with €0.
 */
export function unitsOfFile(sheets: readonly InvoiceSource[], codesOf?: CodesOf, columnsOf?: ColumnsOf): CheckedUnit[] {
  return sheets.flatMap((s) => {
    const r = sheetRead(s, savedCodeMapping(codesOf?.(s.key)), columnsOf?.(s.key));
    if (r.rows.length === 0 && r.problems.some((p) => TABLE_REFUSALS.has(p.code))) return [];
    return [{ id: s.key, sheet: r.sheet, table: null, rows: r.rows, problems: r.problems, settingsKey: s.key }];
  });
}

/**
 * `others`: the workbook's (or file's) other invoice lists, for a workbook with a sheet per year: when this
 * sheet has no rows of the previous year and no previous year was typed in, it is taken from the one other
 * sheet that holds it and whose years do not overlap (as kor-check does), and the report names that sheet.
 */
export function analyze(source: InvoiceSource, settings: SheetSettings, today: Day, others: readonly YearSheet[] = otherSheetsOf(source, settings.codes)): Analysis {
  const chosen = columnsOption(settings.columns);
  const mapping = savedCodeMapping(settings.codes);
  const table = readTable(source.values, {
    columns: chosen,
    codes: mapping?.map ?? null,
    rowOffset: source.rowOffset,
    dateSerialOffset: dateSerialOffsetOf(source),
    ...(source.headerRowIndex !== null ? { headerRowIndex: source.headerRowIndex } : {}),
  });
  const columns: Partial<Record<InvoiceRole, number>> = {};
  for (const role of INVOICE_ROLES) {
    const c = table.columns[role];
    if (c !== undefined) columns[role] = c;
  }
  // An amount column chosen with a header saying "incl. btw" is read as the gross column (readTable): the picker
  // still shows the user's choice.
  const chosenAmount = settings.columns?.amount;
  if (columns.amount === undefined && typeof chosenAmount === "number" && table.columns.gross === chosenAmount) columns.amount = chosenAmount;
  // Years with rows, plus years of rows whose date was read but another cell not: their problems are
  // shown in their own year's report, so that year must be on offer even if none of its rows could be read.
  const years = [...new Set([...yearsIn(table.rows), ...table.problems.flatMap((p) => (p.day == null ? [] : [yearOf(p.day)]))])].sort((a, b) => a - b);
  // Not chosen: the latest year not after today's, so a mistyped later year (2062) does not pick it (defaultYear).
  const year = settings.year !== undefined && years.includes(settings.year) ? settings.year : (defaultYear(years, today) ?? yearOfToday(today));
  const period = settings.period ?? "quarter";
  const tested = previousYearTested(year);
  const offerPreviousYear = year - 1 >= FIRST_KOR_YEAR;
  const noPreviousRows = tested && !hasRowsIn(table.rows, year - 1);
  // The typed previous year wins over the rows of that year (section 4), also over another sheet's; the
  // summary names both figures when they differ.
  const given = offerPreviousYear ? previousYearGiven(settings, year) : null;
  const problems = [
    ...(mapping !== null && mapping.entries.length > 0 ? [codeMappingNote(mapping)] : []),
    ...(source.fileProblems ?? []),
    // Said once, with the report: the dates were read in the workbook's 1904 date system.
    ...(source.date1904 === true ? [date1904Note()] : []),
    ...table.problems,
  ];
  // Another sheet of the workbook may hold the previous year (a sheet per year; a typed figure wins over it), a
  // participant's older years or the later years the next start reads (src/bulk/sheetYears.ts).
  const { summary: linked, from, taken } = summarizeWithSheets({ sheet: source.sheetName ?? source.name, rows: table.rows, problems }, others, {
    today,
    year,
    period,
    participation: participationOf(settings, today),
    previousYearCents: given,
    problems,
    rowName: source.rowName,
    // An auditfile's header periods say what it covers (a part year is warned of from them): no late-start guess.
    ...(source.auditfile === true ? { rowsSpanKnown: true } : {}),
  });
  // The other sheets read (the previous year's, a participant's older or later years'), each with the years taken.
  const read = [...(from === null ? [] : [{ sheet: from, years: [year - 1] }]), ...taken];
  const withNote = read.reduce((s, r) => withOtherSheetMappingNote(s, r.sheet, mapping), linked);
  // An auditfile's entries take their category from their VAT code: say what a category fix means there.
  const summary = source.auditfile === true ? { ...withNote, problems: withAuditfileAdvice(withNote.problems, false) } : withNote;
  const askPreviousYear = noPreviousRows && from === null;
  const own = unknownCodesOf(source, table, mapping);
  const previousYearRowsCents = !tested
    ? null
    : !noPreviousRows
      ? countableTurnover(table.rows, year - 1).countableCents
      : from !== null
        ? summary.previousYearCents
        : null;
  return {
    table,
    columns,
    columnOptions: columnOptions(source, table.headerRowIndex),
    years: years.length > 0 ? years : [year],
    year,
    period,
    askPreviousYear,
    offerPreviousYear,
    previousYearTested: tested,
    previousYearRowsCents,
    previousYearSheet: from?.sheet ?? null,
    summary,
    warnings: warningsOf(summary, table.rows, (p) => categoryFixesOf(p, source, table, mapping), (role) => table.columns[role]),
    cumulative: cumulativeOf(table.rows, year),
    unknownCodes: read.reduce((listed, r) => [...listed, ...unknownCodesOfSheet(r.sheet, r.years, listed)], own),
    reconciliation: reconcile(source, table, summary, from === null ? 0 : errorRowsIn(from.problems, year - 1)),
    wholeTableProblem: wholeTableProblemOf(table),
  };
}

/** The sheet rows a problem names: a grouped problem's kept list, else its one row (none for a whole-sheet problem). */
export function rowsOf(p: Problem): readonly number[] {
  return p.rows ?? (p.row === null ? [] : [p.row]);
}

/**
 * Distinct rows in error among `problems` dated in `year` or whose date could not be read (they may be of that
 * year), a grouped problem's rows past its kept list counted too.
 */
function errorRowsIn(problems: readonly Problem[], year: number): number {
  const { from, to } = yearBounds(year);
  const rows = new Set<number>();
  let unlisted = 0;
  for (const p of problems) {
    if (p.severity !== "error" || (p.day != null && (p.day < from || p.day > to))) continue;
    const listed = rowsOf(p);
    for (const r of listed) rows.add(r);
    unlisted += Math.max(0, (p.count ?? listed.length) - listed.length);
  }
  return rows.size + unlisted;
}

/** Accounts for every data row of the sheet (see Reconciliation). */
export function reconcile(source: InvoiceSource, table: ReadTableResult, summary: YearSummary, otherSheetErrorRows = 0): Reconciliation {
  const first = table.headerRowIndex === null ? 0 : table.headerRowIndex + 1;
  const sheetRows = Math.max(0, source.values.length - first);
  const readRows = new Set(table.rows.map((r) => r.row));
  const errorRows = new Set<number>();
  // A grouped problem names all its rows (the pane reads a sheet with the rows of each group kept in full).
  for (const p of table.problems) if (p.severity === "error") for (const r of rowsOf(p)) if (!readRows.has(r)) errorRows.add(r);
  const yearRows = new Set<number>();
  for (const p of summary.problems) if (p.severity === "error") for (const r of rowsOf(p)) if (errorRows.has(r)) yearRows.add(r);
  let yearErrorCents = 0;
  let yearUnreadableAmounts = 0;
  const amountCol = table.columns.amount;
  for (const row of yearRows) {
    const cell = amountCol === undefined ? undefined : source.values[row - 1 - source.rowOffset]?.[amountCol];
    const r = readAmount(cell);
    if (r.kind === "ok") yearErrorCents += r.value;
    else if (r.kind === "error") yearUnreadableAmounts++;
  }
  const read = readRows.size;
  const inError = errorRows.size;
  return {
    sheetRows,
    read,
    inError,
    skipped: Math.max(0, sheetRows - read - inError),
    yearErrorRows: yearRows.size,
    yearErrorCents,
    yearUnreadableAmounts,
    otherSheetErrorRows,
  };
}

/**
 * The summary with the code-mapping note of another sheet years were taken from (the previous year's, or a
 * participant's older or later years'), named, when that sheet was read with more than this sheet's code table
 * (its own entries: see otherSheetsOf). With the same table this sheet's note says it all.
 */
function withOtherSheetMappingNote(summary: YearSummary, from: YearSheet, mapping: CodeMapping | null): YearSummary {
  const note = from.problems.find((p) => p.code === "code-mapping" && p.row === null);
  if (note === undefined) return summary;
  if (mapping !== null && mapping.entries.length > 0 && codeMappingNote(mapping).message.en === note.message.en) return summary;
  const named = { ...note, message: onSheet(from.sheet, note.message) };
  return { ...summary, problems: [...summary.problems, named] };
}

/**
 * The unknown codes of another sheet years were taken from (`from`: the previous year's sheet, or one of a
 * participant's older or later years, read with this sheet's code table: see otherSheetsOf), in the problems of
 * those `years`, leaving out codes already `listed`. The pane's code table offers them, so mapping them there
 * reads those rows too (an unreadable row there may hide the crossing that ended participation).
 */
function unknownCodesOfSheet(from: YearSheet, years: readonly number[], listed: readonly UnknownCode[]): UnknownCode[] {
  const seen = new Set(listed.map((u) => codeKey(u.code)));
  const out: UnknownCode[] = [];
  for (const p of from.problems) {
    if ((p.code !== "unknown-category" && p.code !== "zero-code-read-as-rate") || p.day == null || !years.includes(yearOf(p.day))) continue;
    for (const c of p.codes ?? []) {
      const key = codeKey(c.code);
      if (c.code.trim() === "" || seen.has(key)) continue;
      seen.add(key);
      out.push({ code: c.code.trim(), count: c.count, firstRow: c.firstRow, sheet: from.sheet });
    }
  }
  return out;
}

/** The unknown codes of the category column (the reading layer lists them in one problem; here each is counted). */
function unknownCodesOf(source: InvoiceSource, table: ReadTableResult, mapping: CodeMapping | null): UnknownCode[] {
  const col = table.columns.category;
  if (col === undefined || !table.problems.some((p) => p.code === "unknown-category" || p.code === "zero-code-read-as-rate")) return [];
  const start = table.headerRowIndex === null ? 0 : table.headerRowIndex + 1;
  const found = new Map<string, { count: number; firstRow: number }>();
  for (let r = start; r < source.values.length; r++) {
    const v = source.values[r]?.[col];
    const text = codeText(v);
    if (text === null || text.trim() === "") continue;
    const res = readCategoryCell(v);
    if (res.kind !== "error" || res.code !== "unknown-category") continue;
    const code = text.trim();
    if (mapping?.map.has(codeKey(code))) continue;
    const f = found.get(code);
    if (f) f.count++;
    else if (found.size < 50) found.set(code, { count: 1, firstRow: r + 1 + source.rowOffset });
  }
  // A "0" read as 0% in a column of the firm's own numeric codes (the reading layer's error names it): offered too,
  // so it can be mapped to what it means.
  for (const p of table.problems) {
    if (p.code !== "zero-code-read-as-rate" || mapping?.map.has(codeKey("0"))) continue;
    const f = found.get("0");
    const count = p.count ?? 1;
    const firstRow = p.row ?? 0;
    if (f === undefined) found.set("0", { count, firstRow });
    else {
      f.count += count;
      f.firstRow = Math.min(f.firstRow, firstRow);
    }
  }
  return [...found.entries()].map(([code, f]) => ({ code, ...f }));
}

/**
 * A category cell as a code the user can map: text, or a whole number 0 and up as its digits (a workbook's
 * codes 1, 2, 3; the reading layer maps those the same way). Null for anything else.
 */
function codeText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  return null;
}

/** At most this many codes of one warning get their own choices (the code table lists every one). */
const MAX_FIXES_PER_WARNING = 10;

/**
 * The fixes offered for a category problem: a bare 'vrijgesteld' (or 'geen btw', an 'eu dienst') with its
 * plain choices, or each unknown code of the warning (every category offered, the first cell named). None for
 * other problems.
 */
function categoryFixesOf(p: Problem, source: InvoiceSource, table: ReadTableResult, mapping: CodeMapping | null): CategoryFix[] {
  const col = table.columns.category;
  if (col === undefined || p.row === null || p.column !== "category") return [];
  if (p.code === "ambiguous-category") {
    const text = cellText(source.values[p.row - 1 - source.rowOffset]?.[col]).trim();
    const parsed = parseCategory(text);
    const choices =
      parsed.kind === "ambiguous" && parsed.about === "eu-service" ? EU_SERVICE_CHOICES : packageCategory(text) === "ambiguous-eu-supply" ? EU_SUPPLY_CHOICES : EXEMPT_CHOICES;
    const fix = fixFor(text, p.row, choices, source, table, col);
    return fix === null ? [] : [fix];
  }
  if (p.code === "unknown-category") {
    // The reading layer lists a year's unknown codes in one problem ("VV, HH"); each gets its choices.
    const unknown = unknownCodesOf(source, table, mapping);
    const listed = new Set((p.value ?? "").split(", ").map(codeKey));
    const ofThis = unknown.filter((u) => listed.has(codeKey(u.code)));
    return (ofThis.length > 0 ? ofThis : unknown)
      .slice(0, MAX_FIXES_PER_WARNING)
      .flatMap((u) => fixFor(u.code, u.firstRow, [], source, table, col) ?? []);
  }
  return [];
}

/** The fix for category text `text`, its first cell at sheet row `row`: the cell named, the rows with that text counted. */
function fixFor(text: string, row: number, choices: CategoryFix["choices"], source: InvoiceSource, table: ReadTableResult, col: number): CategoryFix | null {
  if (text === "") return null;
  const start = table.headerRowIndex === null ? 0 : table.headerRowIndex + 1;
  const key = codeKey(text);
  let count = 0;
  for (let r = start; r < source.values.length; r++) {
    const v = codeText(source.values[r]?.[col]);
    if (v !== null && codeKey(v) === key) count++;
  }
  const letter = columnLetter(col + source.columnOffset);
  const header = table.headerRowIndex !== null ? cellText(source.values[table.headerRowIndex]?.[col]).trim().slice(0, 40) : "";
  const where = (rowWord: string, columnWord: string): string =>
    `${rowWord} ${row}, ${columnWord} ${letter}${header !== "" ? ` (${header})` : ""}: '${quote(text).slice(1, -1)}'`;
  return { text, cell: { nl: where("Rij", "kolom"), en: where("Row", "column") }, count, choices };
}

const EXEMPT_CHOICES: CategoryFix["choices"] = [
  { category: "vrij", label: S.fixChoice.vrij },
  { category: "vrij-og", label: S.fixChoice.vrijOg },
  { category: "kor", label: S.fixChoice.kor },
];
/** "0% EU", "Binnen EU": goods (icp, counts) or a B2B service taxed abroad (does not count). */
const EU_SUPPLY_CHOICES: CategoryFix["choices"] = [
  { category: "icp", label: S.fixChoice.icp },
  { category: "buitenland", label: S.fixChoice.buitenland },
];
const EU_SERVICE_CHOICES: CategoryFix["choices"] = [
  { category: "buitenland", label: S.fixChoice.buitenland },
  { category: "21", label: S.fixChoice.euConsumer },
];

function yearOfToday(today: Day): number {
  return new Date(today * 86_400_000).getUTCFullYear();
}

function columnOptions(source: InvoiceSource, headerRowIndex: number | null): ColumnOption[] {
  const width = source.values.reduce((w, r) => Math.max(w, r.length), 0);
  const header = headerRowIndex !== null ? source.values[headerRowIndex] ?? [] : [];
  const out: ColumnOption[] = [];
  for (let c = 0; c < width; c++) {
    out.push({ index: c, letter: columnLetter(c + source.columnOffset), header: cellText(header[c]).trim().slice(0, 40) });
  }
  return out;
}

/** Detected columns of a header row, restricted to the roles the pane offers. */
export function detectedRoles(header: readonly unknown[]): Partial<Record<InvoiceRole, number>> {
  const d = detectColumns(header);
  const out: Partial<Record<InvoiceRole, number>> = {};
  for (const role of INVOICE_ROLES) if (d[role] !== undefined) out[role] = d[role];
  return out;
}

/**
 * The warnings the pane lists, errors first: every problem from reading and rules (each with its row),
 * plus rows without a category counted as taxed, and the afstand-nl rows when distance sales are over
 * the limit (the rules report that for the whole year; the pane points at the rows).
 */
export function warningsOf(
  summary: YearSummary,
  rows: readonly InvoiceRow[],
  fixesOf?: (p: Problem) => readonly CategoryFix[],
  columnOf?: (role: NonNullable<Problem["column"]>) => number | undefined,
): PaneWarning[] {
  const out: PaneWarning[] = [];
  const sameText = new Map<string, number>();
  const at = (role: Problem["column"]): { column?: number } => {
    const c = role === null ? undefined : columnOf?.(role);
    return c === undefined ? {} : { column: c };
  };
  const { from, to } = yearBounds(summary.year);
  summary.problems.forEach((p, i) => {
    let related: readonly number[] = rowsOf(p);
    if (p.code === "distance-sales-over-limit") {
      related = rows.filter((r) => r.category === "afstand-nl" && r.day >= from && r.day <= to).map((r) => r.row);
    }
    const fixes = fixesOf?.(p) ?? [];
    // The same unreadable text on several rows is one warning with every row and one set of choices.
    if ((p.code === "ambiguous-category" || p.code === "unknown-category") && fixes.length === 1) {
      const key = `${p.code}|${codeKey(fixes[0].text)}`;
      const earlier = sameText.get(key);
      if (earlier !== undefined) {
        out[earlier] = { ...out[earlier], rows: [...out[earlier].rows, ...related] };
        return;
      }
      sameText.set(key, out.length);
    }
    // Distance sales are about the category that marks them; other problems name their own cell's column.
    const column = p.code === "distance-sales-over-limit" ? at("category") : p.row !== null ? at(p.column) : {};
    out.push({ key: `p${i}-${p.code}`, severity: p.severity, message: p.message, rows: related, ...column, ...(fixes.length > 0 ? { fixes } : {}) });
  });
  if (summary.uncategorisedRows > 0) {
    const related = rows.filter((r) => r.category === null && r.day >= from && r.day <= to).map((r) => r.row);
    out.push({ key: "uncategorised", severity: "warning", message: S.uncategorised(summary.uncategorisedRows), rows: related, ...at("category") });
  }
  const rank = (w: PaneWarning): number => (w.severity === "error" ? 0 : 1);
  return out.map((w, i) => ({ w, i })).sort((a, b) => rank(a.w) - rank(b.w) || a.i - b.i).map((x) => x.w);
}

/** Running countable total per day in `year` (rows on one day summed), for the chart. */
export function cumulativeOf(rows: readonly InvoiceRow[], year: number): { day: Day; cents: Cents }[] {
  const { from, to } = yearBounds(year);
  const perDay = new Map<Day, Cents>();
  for (const r of rows) {
    if (r.day < from || r.day > to || !countsForKor(r.category)) continue;
    perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.cents);
  }
  let running = 0;
  return [...perDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, cents]) => ({ day, cents: (running += cents) }));
}

/**
 * Parses a euro amount typed by the user: "15000", "15.000", "15.000,50", "15,000.50", "€ 15.000".
 * Returns cents, or null when it is not a clear amount.
 */
export function parseEurosInput(text: string): Cents | null {
  const s = text.replace(/[€\s]/g, "");
  if (s === "") return null;
  let normalized: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})$/.test(s)) normalized = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s) || /^\d+(\.\d{1,2})?$/.test(s)) normalized = s.replace(/,/g, "");
  else return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}
