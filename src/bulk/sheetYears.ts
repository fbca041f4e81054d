/**
 * One business, several sheets: a workbook with one sheet per year ("2024", "Omzet 2025", "Facturen 2026")
 * is one business, so the previous-year test of the 2025 sheet uses the 2024 sheet. Shared by kor-check
 * (src/cli/main.ts), the pane's year report and Open file (src/taskpane/model.ts) and All sheets
 * (src/bulk/overview.ts); Office-free.
 *
 * A sheet takes the previous year from another sheet only when it has no rows of that year itself, exactly
 * one other sheet has, and the two sheets' years do not overlap (a sheet per shop or per activity overlaps
 * and stays apart). With two such sheets nothing is taken and a note says why: guessing would be a tax error.
 */
import type { Localized } from "../i18n/types";
import { previousYearFromSheet, quote } from "../i18n/messages";
import { yearOf } from "../rules/dates";
import { summarizeYear, type SummaryOptions } from "../rules/summary";
import type { YearSummary } from "../rules/summary-types";
import { hasRowsIn, yearBounds, yearsIn } from "../rules/turnover";
import type { InvoiceRow, Problem } from "../rules/types";

/** One sheet (or Excel table) read into rows; rows and problems are numbered as that sheet's rows. */
export interface YearSheet {
  /** The name shown to the user ("Omzet 2024", or "Blad › Tabel"). */
  readonly sheet: string;
  readonly rows: readonly InvoiceRow[];
  readonly problems: readonly Problem[];
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
      /** The other sheet's problems dated in the previous year, prefixed with its name, without a row. */
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

/** The years a sheet has data in: rows, and rows whose date was read but another cell not. */
function yearsOf(s: YearSheet): Set<number> {
  const years = new Set(yearsIn(s.rows));
  for (const p of s.problems) if (p.day != null) years.add(yearOf(p.day));
  return years;
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
    if (p.day == null || p.day < jan1 || p.day > dec31) continue;
    problems.push({ ...p, row: null, message: { nl: `Blad ${quote(from.sheet)}: ${p.message.nl}`, en: `Sheet ${quote(from.sheet)}: ${p.message.en}` } });
  }
  const plain = (row: number): Localized => ({ nl: `rij ${row}`, en: `row ${row}` });
  const rowName = (row: number): Localized =>
    row > LINKED_ROW_OFFSET ? otherSheetRowName(from.sheet, row - LINKED_ROW_OFFSET) : (ownRowName ?? plain)(row);
  return { kind: "linked", from, rows, problems, note: note("previous-year-from-sheet", previousYearFromSheet(prev, from.sheet)), rowName };
}

/**
 * The year summary of `own`, taking the previous year from another sheet when the summary would otherwise
 * assume €0 for it (no rows of that year, no previous year given): see previousYearLink. Pass `others`
 * empty to keep the sheet apart (kor-check --per-sheet). `from` is the sheet the previous year came from.
 */
export function summarizeWithSheets<S extends YearSheet>(
  own: S,
  others: readonly S[],
  options: SummaryOptions,
): { readonly summary: YearSummary; readonly from: S | null } {
  const alone = summarizeYear(own.rows, options);
  if (alone.previousYearBasis !== "assumed-zero" || others.length === 0) return { summary: alone, from: null };
  const link = previousYearLink(own, others, alone.year, options.rowName);
  if (link === null) return { summary: alone, from: null };
  const year = alone.year;
  if (link.kind === "ambiguous") {
    return { summary: summarizeYear(own.rows, { ...options, year, problems: [link.note, ...(options.problems ?? [])] }), from: null };
  }
  const summary = summarizeYear(link.rows, { ...options, year, problems: [link.note, ...(options.problems ?? []), ...link.problems], rowName: link.rowName });
  return { summary, from: link.from };
}
