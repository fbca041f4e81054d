/**
 * The user's own codes → categories: a firm's `VV`, `VH`, `A1` that no package table can know. Given as a
 * two-column CSV to kor-check (`--codes codes.csv`: code, category) or in the pane's code table (stored in
 * the workbook). The category side takes anything a category cell takes (`21`, `hoog`, `vrij`, `HOOG_VERK_21`).
 */
import * as msg from "../i18n/messages";
import type { Localized } from "../i18n/types";
import type { CategoryCode, Problem } from "../rules/types";
import { readCategoryCell } from "./cells";
import { codeKey } from "./packageCodes";

export interface CodeMappingEntry {
  readonly code: string;
  readonly category: CategoryCode;
}

export interface CodeMapping {
  /** Keyed by `codeKey(code)`, as the row reader looks codes up. */
  readonly map: ReadonlyMap<string, CategoryCode>;
  /** In the order given, for showing the mapping in the report. */
  readonly entries: readonly CodeMappingEntry[];
}

export type CodeMappingResult = { readonly ok: true; readonly mapping: CodeMapping } | { readonly ok: false; readonly error: Localized };

/**
 * Reads code/category pairs (records of a CSV, or rows of the pane's table). Blank lines are skipped, and a
 * first line whose category is not one (a header such as "code;categorie") too. Any other line whose
 * category cannot be read, or a code given twice with different categories, is an error naming the line.
 */
export function codeMappingFrom(records: readonly (readonly string[])[]): CodeMappingResult {
  const map = new Map<string, CategoryCode>();
  const entries: CodeMappingEntry[] = [];
  for (let i = 0; i < records.length; i++) {
    const [rawCode = "", rawCategory = ""] = records[i];
    const code = rawCode.trim();
    const category = rawCategory.trim();
    if (code === "" && category === "") continue;
    const r = readCategoryCell(category);
    if (r.kind !== "ok") {
      if (entries.length === 0 && i === firstFilled(records)) continue; // a header line
      return { ok: false, error: msg.codeMappingBadLine(i + 1, code, category) };
    }
    const key = codeKey(code);
    if (key === "") return { ok: false, error: msg.codeMappingBadLine(i + 1, code, category) };
    const before = map.get(key);
    if (before !== undefined && before !== r.value) return { ok: false, error: msg.codeMappingTwice(i + 1, code) };
    if (before === undefined) entries.push({ code, category: r.value });
    map.set(key, r.value);
  }
  return { ok: true, mapping: { map, entries } };
}

function firstFilled(records: readonly (readonly string[])[]): number {
  return records.findIndex((r) => r.some((c) => c.trim() !== ""));
}

/**
 * A code table as saved in the document (the pane's `SheetSettings.codes`), or null when there is none or it
 * cannot be read (a hand-edited setting): entries whose code or category is not a string are left out.
 */
export function savedCodeMapping(entries: readonly CodeMappingEntry[] | null | undefined): CodeMapping | null {
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const m = codeMappingFrom(entries.filter((e) => typeof e?.code === "string" && typeof e?.category === "string").map((e) => [e.code, e.category]));
  return m.ok ? m.mapping : null;
}

/**
 * The code table a sheet's previous year is read with when it comes from another sheet of the workbook (a
 * sheet per year): the report's own sheet's entries, then the other sheet's own saved entries for codes the
 * first does not name. One business's codes mean the same on each of its sheets, so the table of the sheet
 * being checked decides (what the user sees and edits in the pane's code table); a code mapped only while
 * looking at the other sheet still counts as the user mapped it there, instead of becoming an error again.
 */
export function codesWithFallback(
  own: readonly CodeMappingEntry[] | null | undefined,
  fallback: readonly CodeMappingEntry[] | null | undefined,
): CodeMappingEntry[] {
  const first = Array.isArray(own) ? own : [];
  const named = new Set(first.map((e) => (typeof e?.code === "string" ? codeKey(e.code) : "")));
  const rest = (Array.isArray(fallback) ? fallback : []).filter((e) => typeof e?.code === "string" && !named.has(codeKey(e.code)));
  return [...first, ...rest];
}

/** The report's note that own codes were read through a code table (kor-check --codes, the pane's code table). */
export function codeMappingNote(mapping: CodeMapping): Problem {
  return { row: null, severity: "warning", code: "code-mapping", column: "category", value: null, message: msg.codeMappingUsed(mapping.entries) };
}
