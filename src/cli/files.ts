/** Which files to read: the files given, and the .xlsx / .csv files in the folders given (recursively). */
import { promises as fs } from "fs";
import * as path from "path";

/** "xls": Excel 97–2003, not readable, but listed from folders so it is reported rather than silently left out. */
export type InputKind = "xlsx" | "csv" | "xls" | "other";

export interface InputFile {
  readonly path: string;
  readonly kind: InputKind;
}

export interface InputError {
  readonly path: string;
  /** Node's error code (ENOENT, EACCES, …) for the reason shown to the user. */
  readonly code: string;
  readonly detail: string;
}

export function kindOf(file: string): InputKind {
  const ext = path.extname(file).toLowerCase();
  return ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : ext === ".csv" ? "csv" : ext === ".xls" ? "xls" : "other";
}

/** Excel's owner files ("~$Klant.xlsx", written while a workbook is open) and hidden files are not invoice lists. */
function skipInFolder(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

function errorOf(p: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  return { path: p, code: typeof err?.code === "string" ? err.code : "UNKNOWN", detail: err instanceof Error ? err.message : String(e) };
}

async function walk(dir: string, files: InputFile[], errors: InputError[]): Promise<void> {
  let entries: import("fs").Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(errorOf(dir, e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipInFolder(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, files, errors);
    else if (entry.isFile()) {
      const kind = kindOf(entry.name);
      if (kind !== "other") files.push({ path: full, kind });
    }
  }
}

/**
 * Expands the command-line inputs. A file given by name is always listed (a wrong type is reported when it
 * is read); in folders only .xlsx/.xlsm and .csv files are taken, plus .xls files (Excel 97–2003), which are
 * reported as not read (save as .xlsx) instead of being left out without a word. Order: as given, folders sorted by name.
 */
export async function collectInputs(inputs: readonly string[]): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    let stat: import("fs").Stats;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      errors.push(errorOf(input, e));
      continue;
    }
    if (stat.isDirectory()) await walk(input, files, errors);
    else files.push({ path: input, kind: kindOf(input) });
  }
  return { files, errors };
}
