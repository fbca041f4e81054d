/**
 * One business, several sheets: a workbook with one sheet per year ("2024", "Omzet 2025", "Facturen 2026")
 * is one business, so the previous-year test of the 2025 sheet uses the 2024 sheet. Shared by kor-check
 * (src/cli/main.ts), the pane's year report and Open file (src/taskpane/model.ts) and All sheets
 * (src/bulk/overview.ts); Office-free.
 *
 * A sheet takes the previous year from another sheet only when it has no rows of that year itself, exactly
 * one other sheet has, and the two sheets' years do not overlap (a sheet per shop or per activity overlaps
 * and stays apart). With two such sheets nothing is taken and a note says why: guessing would be a tax error.
 * Only a sheet whose name names a year it holds lends its years (lendsYears): a sheet per client ("Bakkerij
 * Jansen" with 2025, "Kapsalon Pietersen" with 2026) does not overlap either, but is another business. Such a
 * sheet that would have been taken gets a note instead (unnamedSheetNotes).
 *
 * For a participant (in the KOR since a day) the same goes for every year from the year of that start on: the
 * first crossing since the start ended participation (kor-rules.md section 5; rules/next-start.ts
 * firstCrossingSince), whichever sheet holds it. A 2026 report in the KOR since 2024 sees a 2024 crossing on
 * sheet "2024" (see otherYearsLink). For anyone else the same goes for the years after the report's, which the
 * next possible start reads: a 2025 report beside a sheet "2026" over the limit cannot start on 1 January 2027.
 */
import type { Localized } from "../i18n/types";
import { laterYearSheetsAmbiguous, laterYearsFromSheets, olderYearsFromSheets, participationYearSheetsAmbiguous, participationYearsFromSheets, previousYearDiffersSheet, previousYearFromSheet, quote, sheetNameWithoutYear } from "../i18n/messages";
import { dayFromYmd, yearOf, type Day } from "../rules/dates";
import { FIRST_KOR_YEAR, hasParameterOn, parameterOn } from "../rules/parameters";
import { dayEn, dayNl, eurEn, eurNl } from "../rules/text";
import { plainRowName, previousYearTested } from "../rules/eligibility";
import { summarizeYear, type SummaryOptions } from "../rules/summary";
import type { YearSummary } from "../rules/summary-types";
import { countableTurnover, hasRowsIn, yearBounds, yearsIn } from "../rules/turnover";
import type { InvoiceRow, Participation, Problem } from "../rules/types";
import { participationFirstYear } from "../rules/next-start";

/** One sheet (or Excel table) read into rows; rows and problems are numbered as that sheet's rows. */
export interface YearSheet {
  /** The name shown to the user ("Omzet 2024", or "Blad › Tabel"). */
  readonly sheet: string;
  readonly rows: readonly InvoiceRow[];
  readonly problems: readonly Problem[];
  /**
   * The years with rows or dated problems, also those a reader did not keep (YearWindow.yearsRead); omitted when
   * `rows` and `problems` are the whole sheet.
   */
  readonly yearsRead?: readonly number[];
  /**
   * The worksheet's name when `sheet` names an Excel table on it ("Blad1" for "Blad1 › Omzet2024"): lendsYears reads
   * it, as kor-check and an opened file (which see no tables) name that list.
   */
  readonly worksheet?: string;
}

/**
 * Rows taken from another sheet are renumbered by this offset (beyond Excel's 1,048,576 rows) so they never
 * collide with the sheet's own rows; the linked rowName names them as "blad "Omzet 2024", rij 6".
 */
export const LINKED_ROW_OFFSET = 1_000_000_000;

export type PreviousYearLink<S extends YearSheet> =
  | {
      readonly kind: "linked";
      readonly from: S;
      /** The sheet's own rows followed by the other sheet's rows of the previous year (renumbered). */
      readonly rows: InvoiceRow[];
      /** The other sheet's problems dated in the previous year and its errors without a date, prefixed with its name, without a row. */
      readonly problems: Problem[];
      readonly note: Problem;
      readonly rowName: (row: number) => Localized;
    }
  | { readonly kind: "ambiguous"; readonly candidates: readonly S[]; readonly note: Problem };

function note(code: string, message: Localized): Problem {
  return { row: null, severity: "warning", code, column: null, value: null, message };
}

/** "blad "Omzet 2024", rij 6" / "sheet "Omzet 2024", row 6". */
export function otherSheetRowName(sheet: string, row: number): Localized {
  return { nl: `blad ${quote(sheet)}, rij ${row}`, en: `sheet ${quote(sheet)}, row ${row}` };
}

/** A message of another sheet, named with it: "Blad "2024": …" / "Sheet "2024": …". */
export function onSheet(sheet: string, message: Localized): Localized {
  return { nl: `Blad ${quote(sheet)}: ${message.nl}`, en: `Sheet ${quote(sheet)}: ${message.en}` };
}

/**
 * Another sheet's problem as a report of this sheet carries it: named with that sheet, without a row. Its row
 * list (a grouped problem's `rows`) goes too: those are that sheet's rows, which the pane would take for this
 * sheet's (rows not counted, the rows a warning selects); the message still names them.
 */
function fromOtherSheet(sheet: string, p: Problem): Problem {
  return { ...p, row: null, rows: undefined, message: onSheet(sheet, p.message) };
}

/** The years a sheet has data in: rows, and rows whose date was read but another cell not. */
function yearsOf(s: YearSheet): Set<number> {
  const years = new Set(yearsIn(s.rows));
  for (const p of s.problems) if (p.day != null) years.add(yearOf(p.day));
  return years;
}

/**
 * Whether a sheet named `sheet` lends its years to another sheet's report: its name names a year it holds
 * (`holds`: rows of that year, or rows whose date was read, as yearsOf; asked only for the years named). A year in a name is four digits 19xx or 20xx not part of a longer number ("2024", "Omzet
 * 2025", "FY2024", "Verkoopboek_2024"); "2023-2025" (or with "/" or "–") names 2023 through 2025; "Verkoop '25"
 * names 2025. A sheet per client or per shop names none and stays apart. Of an Excel table, the worksheet's name
 * (YearSheet.worksheet): "2025 › Tabel1" lends, "Blad1 › Omzet2024" does not, as in kor-check.
 */
export function lendsYears(sheet: string, holds: (year: number) => boolean): boolean {
  for (const m of sheet.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)(?:\s*[-/–]\s*((?:19|20)\d\d)(?!\d))?/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const years = b >= a ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [a, b];
    if (years.some(holds)) return true;
  }
  // "Verkoop '25", "Omzet ’24": an apostrophe and two digits name 2025, 2024.
  for (const m of sheet.matchAll(/['‘’](\d\d)(?!\d)/g)) if (holds(2000 + Number(m[1]))) return true;
  return false;
}

/**
 * Whether a sheet has rows of `year`, or rows whose date was read but another cell not (as yearsOf), also where a
 * reader did not keep them (yearsRead): the same sheet lends in kor-check, Excel and an opened file.
 */
export function holdsYear(s: YearSheet, year: number): boolean {
  if (s.yearsRead !== undefined) return s.yearsRead.includes(year);
  return hasRowsIn(s.rows, year) || s.problems.some((p) => p.day != null && yearOf(p.day) === year);
}

/**
 * Where `own` can take the year before `year` from among `others`, or null when it has that year itself or
 * no other sheet qualifies (see the top of this file).
 */
export function previousYearLink<S extends YearSheet>(
  own: S,
  others: readonly S[],
  year: number,
  ownRowName?: (row: number) => Localized,
): PreviousYearLink<S> | null {
  const prev = year - 1;
  if (hasRowsIn(own.rows, prev)) return null;
  const ownYears = yearsOf(own);
  const candidates = others.filter((o) => o !== own && hasRowsIn(o.rows, prev) && ![...yearsOf(o)].some((y) => ownYears.has(y)));
  if (candidates.length === 0) return null;
  if (candidates.length > 1) {
    const names = candidates.map((c) => quote(c.sheet)).join(", ");
    return {
      kind: "ambiguous",
      candidates,
      note: note("previous-year-sheets-ambiguous", {
        nl: `Meer dan één ander blad heeft omzet van ${prev} (${names}); geen ervan is als vorig jaar genomen, omdat niet vast staat welk blad bij deze onderneming hoort. Vul de omzet van ${prev} zelf in, of voeg de bladen van één onderneming samen in Alle bladen.`,
        en: `More than one other sheet has turnover of ${prev} (${names}); none was taken as the previous year, as it is not certain which sheet belongs to this business. Enter the ${prev} turnover yourself, or group the sheets of one business in All sheets.`,
      }),
    };
  }
  const from = candidates[0];
  const { from: jan1, to: dec31 } = yearBounds(prev);
  const rows: InvoiceRow[] = [...own.rows];
  for (const r of from.rows) if (r.day >= jan1 && r.day <= dec31) rows.push({ ...r, row: r.row + LINKED_ROW_OFFSET });
  const problems: Problem[] = [];
  for (const p of from.problems) {
    // Rows in error dated in that year, and rows in error whose date could not be read (they may be of that year;
    // kor-check counts them too: errorCountIn).
    const undatedError = p.day == null && p.severity === "error";
    if (!undatedError && (p.day == null || p.day < jan1 || p.day > dec31)) continue;
    problems.push(fromOtherSheet(from.sheet, p));
  }
  const rowName = (row: number): Localized =>
    row > LINKED_ROW_OFFSET ? otherSheetRowName(from.sheet, row - LINKED_ROW_OFFSET) : (ownRowName ?? plainRowName)(row);
  return { kind: "linked", from, rows, problems, note: note("previous-year-from-sheet", previousYearFromSheet(prev, from.sheet)), rowName };
}

/**
 * The first year a report of `year` may take from other sheets besides the previous-year link (see
 * otherYearsLink): a participant's start year; for status unknown the year of today − 3 (the outcome "if in the
 * KOR" looks back that far), or the next year when that is earlier; anyone else (not in the KOR) the next year.
 * `laterOnly`: leave the older years of status unknown out.
 */
export function firstOtherYear(year: number, participation: Participation | undefined, today: Day, laterOnly = false): number {
  if (participation?.status === "in") return participationFirstYear(participation.since);
  const unknown = (participation?.status ?? "unknown") === "unknown";
  return unknown && !laterOnly ? Math.min(year + 1, Math.max(FIRST_KOR_YEAR, yearOf(today) - 3)) : year + 1;
}

/** Whether a report of `year` wants another sheet's year `y` (from `first` on; not its own, nor a linked previous year). */
export function wantsOtherYear(y: number, year: number, first: number, previousYearLinked: boolean): boolean {
  return y >= first && y !== year && !(previousYearLinked && y === year - 1);
}

/** The rows and notes a report takes from other sheets' years (see otherYearsLink). */
export interface OtherYearsLink<S extends YearSheet> {
  /** The other sheets' rows of the years taken (renumbered, country left out), to add to the report's rows. */
  readonly rows: InvoiceRow[];
  /** The sheets taken from, each with its years. */
  readonly taken: readonly { readonly sheet: S; readonly years: readonly number[] }[];
  /** The note naming them, and one per year that more than one sheet holds (none of them taken). */
  readonly notes: Problem[];
  /** Names a taken row as "blad "2024", rij 3" (null for a row of the report's own sheets). */
  readonly rowName: (row: number) => Localized | null;
  /** Status unknown: an older year was taken (from firstOtherYear's today − 3). */
  readonly olderTaken: boolean;
}

/**
 * For a participant (status "in"): the rows of the years from the start of participation on that `own` does not
 * hold itself, each taken from the one other sheet that holds it and whose years do not overlap `own`'s (as the
 * previous-year link), so the first crossing since the start is found on whichever sheet it is. For anyone else
 * the same for the years after the report's: the next possible start reads them (a 2025 report beside a sheet
 * "2026" over the limit starts in 2028, not 2027, as one sheet holding both years gives). Not the year of
 * the report, and not the year before it where the previous-year test applies (`previousYearLinked`: the
 * previous-year link, a given figure or the sheet's own rows decide that year). Rows are renumbered beyond the
 * previous-year link's (LINKED_ROW_OFFSET × 2 on, one block per sheet); their country is left out, so the EU-KOR
 * view stays that of the report's years. Null when nothing is taken and no note is due.
 */
export function otherYearsLink<S extends YearSheet>(
  own: { readonly rows: readonly InvoiceRow[] },
  ownYears: ReadonlySet<number>,
  others: readonly S[],
  year: number,
  participation: Participation | undefined,
  previousYearLinked: boolean,
  first: number,
): OtherYearsLink<S> | null {
  if (others.length === 0) return null;
  // A participant: every year since the start. Anyone else: the years after the report's, which the next
  // possible start reads (a later year over the limit moves it), as one sheet holding every year would give;
  // for status unknown also the older years from today − 3, which the outcome "if in the KOR" reads (firstOtherYear).
  const participant = participation?.status === "in" ? participation : null;
  const otherYears = others.map((o) => yearsOf(o));
  const wanted = new Set<number>();
  for (const ys of otherYears) for (const y of ys) if (wantsOtherYear(y, year, first, previousYearLinked) && !hasRowsIn(own.rows, y)) wanted.add(y);
  if (wanted.size === 0) return null;
  const since: Localized | null = participant === null ? null : { nl: dayNl(participant.since), en: dayEn(participant.since) };
  const sinceYear = participant === null ? year : yearOf(participant.since);
  const byYear = new Map<S, number[]>();
  const notes: Problem[] = [];
  for (const y of [...wanted].sort((a, b) => a - b)) {
    const candidates = others.filter((o, k) => hasRowsIn(o.rows, y) && ![...otherYears[k]].some((x) => ownYears.has(x)));
    if (candidates.length === 1) byYear.set(candidates[0], [...(byYear.get(candidates[0]) ?? []), y]);
    // An older year of a business not known to be in the KOR: only taken when certain, without a note (it can
    // change only the outcome "if in the KOR", and is dropped when it does not: summarizeWithSheets).
    else if (candidates.length > 1 && (participant !== null || y > year)) {
      const names = candidates.map((c) => c.sheet);
      notes.push(since === null ? note("later-year-sheets-ambiguous", laterYearSheetsAmbiguous(y, names)) : note("participation-sheets-ambiguous", participationYearSheetsAmbiguous(since, y, names, sinceYear, participant !== null && participant.since > dayFromYmd(sinceYear, 1, 1))));
    }
  }
  const taken = [...byYear.entries()].map(([sheet, years]) => ({ sheet, years }));
  if (taken.length === 0 && notes.length === 0) return null;
  const rows: InvoiceRow[] = [];
  // Rows of those years that could not be read may hide a crossing: their errors come along, named with their
  // sheet and without a row or day of this report (as the previous-year link's), so the report is not certain.
  const errors: Problem[] = [];
  taken.forEach(({ sheet, years }, k) => {
    const offset = LINKED_ROW_OFFSET * (k + 2);
    for (const r of sheet.rows) if (years.includes(yearOf(r.day))) rows.push({ ...r, row: r.row + offset, country: null });
    for (const p of sheet.problems) {
      if (p.severity !== "error" || p.day == null || !years.includes(yearOf(p.day))) continue;
      errors.push({ ...fromOtherSheet(sheet.sheet, p), day: null });
    }
  });
  notes.push(...errors);
  if (taken.length > 0) {
    const parts = (keep: (y: number) => boolean) =>
      taken.map((t) => ({ sheet: t.sheet.sheet, years: t.years.filter(keep) })).filter((p) => p.years.length > 0);
    if (since !== null) notes.unshift(note("participation-years-from-sheets", participationYearsFromSheets(since, parts(() => true), sinceYear)));
    else {
      const older = parts((y) => y < year);
      const later = parts((y) => y > year);
      if (later.length > 0) notes.unshift(note("later-years-from-sheets", laterYearsFromSheets(later)));
      if (older.length > 0) notes.unshift(note("older-years-from-sheets", olderYearsFromSheets(older)));
    }
  }
  const rowName = (row: number): Localized | null => {
    const k = Math.floor(row / LINKED_ROW_OFFSET) - 2;
    const t = taken[k];
    return k >= 0 && t !== undefined ? otherSheetRowName(t.sheet.sheet, row - LINKED_ROW_OFFSET * (k + 2)) : null;
  };
  return { rows, taken, notes, rowName, olderTaken: since === null && taken.some((t) => t.years.some((y) => y < year)) };
}

/**
 * For the year report in Excel, which reads the workbook's other sheets only when it needs them: the first year a
 * report of `year` needs from them, or null when it needs none beyond the previous year's link. A participant:
 * the year participation started, when that lies before the report's year or, where the previous-year test
 * applies (from 2025), before the year before (that link reads it); or when the report's year is before today's,
 * as a later sheet may hold the crossing that ended participation. Anyone else: firstOtherYear (the later years
 * the next possible start reads; for status unknown the older years from today − 3), when any such year can be.
 */
export function otherSheetsFrom(year: number, participation: Participation, today: Day): number | null {
  if (participation.status !== "in") {
    // Status unknown also needs the years from today − 3 (the outcome "if in the KOR"; see summarizeWithSheets).
    const first = firstOtherYear(year, participation, today);
    return first < year || year < yearOf(today) ? first : null;
  }
  const since = participationFirstYear(participation.since);
  const jan1 = dayFromYmd(year, 1, 1);
  const previousLinked = hasParameterOn("previous-year-test", jan1) && parameterOn("previous-year-test", jan1) > 0;
  return since < (previousLinked ? year - 1 : year) || year < yearOf(today) ? since : null;
}

/**
 * The year summary of `own`, taking the previous year from another sheet when the summary would otherwise
 * assume €0 for it (no rows of that year, no previous year given): see previousYearLink; and for a participant
 * the years since the start of participation it does not hold, for anyone else the later years it does not hold
 * and, for status unknown, the older years from today − 3 where they change the dates (see otherYearsLink). Pass `others` empty to keep the sheet apart (kor-check --per-sheet). `from` is the sheet
 * the previous year came from, `taken` the sheets those other years came from.
 */
export function summarizeWithSheets<S extends YearSheet>(
  own: S,
  others: readonly S[],
  options: SummaryOptions,
): { readonly summary: YearSummary; readonly from: S | null; readonly taken: OtherYearsLink<S>["taken"] } {
  const first = summarizeYear(own.rows, options);
  if (others.length === 0) return { summary: first, from: null, taken: [] };
  const year = first.year;
  // Only a sheet whose name names a year it holds lends its years; one that would have been taken says so.
  const all = others.filter((o) => o !== own);
  const rest = all.filter((o) => lendsYears(o.worksheet ?? o.sheet, (y) => holdsYear(o, y)));
  // Before 2025 a given previous year is reported (basis "given") but no test reads that year.
  const previousYearLinked = first.previousYearBasis !== "not-needed" && previousYearTested(first.year);
  const unnamed = unnamedSheetNotes(own, all, rest, first, options, previousYearLinked);
  // A given previous year wins over another sheet's rows of it, as over the sheet's own (section 4); when that
  // sheet (the one the link would take) adds up to something else, the report names both figures.
  const differs = givenDiffersFromSheet(own, rest, first);
  const added = [...(differs === null ? [] : [differs]), ...unnamed];
  if (added.length > 0) options = { ...options, problems: [...(options.problems ?? []), ...added] };
  const alone = added.length === 0 ? first : summarizeYear(own.rows, options);
  // The previous-year sheet may lend an older year too (a sheet "2023-2025" beside "2026"); Y−1 is that link's.
  const link = alone.previousYearBasis === "assumed-zero" ? previousYearLink(own, rest, year, options.rowName) : null;
  const linked = link?.kind === "linked" ? link : null;
  const withYears = (since: OtherYearsLink<S> | null): YearSummary => {
    const rows = since === null ? (linked?.rows ?? own.rows) : [...(linked?.rows ?? own.rows), ...since.rows];
    const problems = [...(link === null ? [] : [link.note]), ...(since?.notes ?? []), ...(options.problems ?? []), ...(linked?.problems ?? [])];
    const baseName = linked?.rowName ?? options.rowName;
    const rowName =
      since === null || since.taken.length === 0
        ? baseName
        : (row: number): Localized => since.rowName(row) ?? (baseName ?? plainRowName)(row);
    return summarizeYear(rows, { ...options, year, problems, ...(rowName !== undefined ? { rowName } : {}) });
  };
  const ownYears = yearsOf(own);
  let since = otherYearsLink(own, ownYears, rest, year, options.participation, previousYearLinked, firstOtherYear(year, options.participation, options.today));
  if (link === null && since === null) return { summary: alone, from: null, taken: [] };
  let summary = withYears(since);
  if (since?.olderTaken === true) {
    // Status unknown: the outcome "if in the KOR" looks back to today − 3 (rules/next-start.ts), as a sheet holding
    // every year keeps them (bulk/yearWindow.ts keepFrom). The older years are kept (with their note) only where
    // they change the dates: a crossing there is what that outcome needs; otherwise the report stays as without them.
    const later = otherYearsLink(own, ownYears, rest, year, options.participation, previousYearLinked, firstOtherYear(year, options.participation, options.today, true));
    const without = link === null && later === null ? alone : withYears(later);
    if (JSON.stringify(without.deadlines) === JSON.stringify(summary.deadlines)) {
      since = later;
      summary = without;
    }
  }
  return { summary, from: linked?.from ?? null, taken: since?.taken ?? [] };
}

/**
 * The notes for the other sheets (`all`) left out of `lenders` only because their names name no year they hold
 * (lendsYears), where the report would otherwise have taken them: the one sheet holding the previous year
 * assumed €0 (previousYearLink), or a sheet holding a participant's year or a later year (otherYearsLink; not
 * status unknown's older years, which are taken only where they change the dates). An Excel table's note names
 * its worksheet, whose name it is about.
 */
function unnamedSheetNotes<S extends YearSheet>(
  own: S,
  all: readonly S[],
  lenders: readonly S[],
  alone: YearSummary,
  options: SummaryOptions,
  previousYearLinked: boolean,
): Problem[] {
  if (lenders.length === all.length) return [];
  const left = (s: S): boolean => !lenders.includes(s);
  const notes: Problem[] = [];
  if (alone.previousYearBasis === "assumed-zero" && previousYearLink(own, lenders, alone.year) === null) {
    const link = previousYearLink(own, all, alone.year);
    if (link?.kind === "linked" && left(link.from)) notes.push(note("sheet-name-without-year", sheetNameWithoutYear(link.from.worksheet ?? link.from.sheet, [alone.year - 1], true, null)));
  }
  const p = options.participation;
  const since: Localized | null = p?.status === "in" ? { nl: dayNl(p.since), en: dayEn(p.since) } : null;
  const first = firstOtherYear(alone.year, p, options.today, true);
  const others = otherYearsLink(own, yearsOf(own), all, alone.year, p, previousYearLinked, first);
  for (const t of others?.taken ?? []) {
    if (left(t.sheet)) notes.push(note("sheet-name-without-year", sheetNameWithoutYear(t.sheet.worksheet ?? t.sheet.sheet, t.years, false, since)));
  }
  return notes;
}

/**
 * With a previous-year figure given and no rows of that year on the sheet itself: a warning naming the other
 * sheet the link would have taken that year from (see previousYearLink) when its rows add up to another figure,
 * as the summary does for the sheet's own rows (rules/summary.ts); else null.
 */
function givenDiffersFromSheet<S extends YearSheet>(own: S, others: readonly S[], summary: YearSummary): Problem | null {
  const given = summary.previousYearCents;
  if (summary.previousYearBasis !== "given" || given === null || !previousYearTested(summary.year)) return null;
  const link = previousYearLink(own, others, summary.year);
  if (link?.kind !== "linked") return null;
  const prev = summary.year - 1;
  const fromSheet = countableTurnover(link.from.rows, prev).countableCents;
  if (fromSheet === given) return null;
  const message = previousYearDiffersSheet(prev, { nl: eurNl(given), en: eurEn(given) }, link.from.sheet, { nl: eurNl(fromSheet), en: eurEn(fromSheet) });
  return { row: null, severity: "warning", code: "previous-year-differs", column: null, value: null, message };
}
