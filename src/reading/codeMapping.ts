/**
 * The user's own codes → categories: a firm's `VV`, `VH`, `A1` that no package table can know. Given as a
 * two-column CSV to kor-check (`--codes codes.csv`: code, category) or in the pane's code table (stored in
 * the workbook). The category side takes anything a category cell takes (`21`, `hoog`, `vrij`, `HOOG_VERK_21`).
 */
import * as msg from "../i18n/messages";
import type { Localized } from "../i18n/types";
import type { CategoryCode } from "../rules/types";
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
