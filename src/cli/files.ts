/** Which files to read: the files given, and the .xlsx / .csv / .xaf files in the folders given (recursively). */
import { promises as fs } from "fs";
import * as path from "path";
import { isOwnOutputFile } from "./ownOutput";

/** "xls": Excel 97–2003, not readable, but listed from folders so it is reported rather than silently left out. */
export type InputKind = "xlsx" | "csv" | "xls" | "xaf" | "other";

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

/**
 * The kind of a file by its name. Text files given by name (`.txt`, `.tsv`, `.tab`: Excel's "Unicode Text" save and
 * packages' text exports, UTF-16 and tab-separated) are read as CSV, as the pane's Open file does; in folders they are
 * not taken (a folder of client files holds notes and readme's as .txt).
 */
export function kindOf(file: string, givenByName = false): InputKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xaf" || ext === ".xml") return "xaf";
  if (givenByName && (ext === ".txt" || ext === ".tsv" || ext === ".tab")) return "csv";
  return ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : ext === ".csv" ? "csv" : ext === ".xls" ? "xls" : "other";
}

/** Excel's owner files ("~$Klant.xlsx", written while a workbook is open) and hidden files are not invoice lists. */
function skipInFolder(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

function errorOf(p: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === "string" ? err.code : "UNKNOWN";
  const detail = err instanceof Error ? err.message : String(e);
  // A name whose bytes are not UTF-8 (Latin-1 "café.csv" from an old zip or Windows program, on Linux) reaches
  // Node with U+FFFD in place of those bytes, and that name is not found: say why, not "not found".
  return code === "ENOENT" && p.includes("\uFFFD") ? { path: p, code: "KOR_NAME_NOT_UTF8", detail } : { path: p, code, detail };
}

/** A name from a folder that cannot be opened as it was read: see errorOf. */
async function unopenableName(full: string): Promise<InputError | null> {
  if (!full.includes("\uFFFD")) return null;
  try {
    await fs.lstat(full);
    return null;
  } catch (e) {
    return errorOf(full, e);
  }
}

/** What a folder scan found besides the files to read. */
interface Scan {
  readonly files: InputFile[];
  readonly errors: InputError[];
  /** Files kor-check wrote itself (its CSV/JSON/table output): not read, and said so. */
  readonly ownOutputs: string[];
  /** Real paths of the folders entered, so a symbolic link back up the tree is not followed forever. */
  readonly visited: Set<string>;
}

async function addFile(full: string, kind: InputKind, scan: Scan): Promise<void> {
  if (kind === "csv") {
    try {
      if (await isOwnOutputFile(full)) {
        scan.ownOutputs.push(full);
        return;
      }
    } catch {
      // Unreadable: reading it later reports why.
    }
  }
  scan.files.push({ path: full, kind });
}

/** An .xml file in a folder may be anything; an auditfile in a folder is taken by its .xaf extension. */
function isXmlName(name: string): boolean {
  return name.toLowerCase().endsWith(".xml");
}

async function walk(dir: string, scan: Scan): Promise<void> {
  let entries: import("fs").Dirent[];
  try {
    const real = await fs.realpath(dir);
    if (scan.visited.has(real)) {
      // A symbolic link to a folder that is already being read (a loop, or the same folder twice).
      scan.errors.push({ path: dir, code: "KOR_FOLDER_SEEN", detail: `symbolic link to ${real}, already read` });
      return;
    }
    scan.visited.add(real);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    const error = errorOf(dir, e);
    // A folder that may not be opened is said to be a folder (EACCES alone reads as a protected file).
    scan.errors.push(error.code === "EACCES" || error.code === "EPERM" ? { ...error, code: "KOR_FOLDER_EACCES" } : error);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipInFolder(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || entry.isDirectory() || isTaken(entry.name)) {
      const unopenable = await unopenableName(full);
      if (unopenable !== null) {
        scan.errors.push(unopenable);
        continue;
      }
    }
    if (entry.isSymbolicLink()) {
      // Followed, never skipped without a word: a link to a folder is read (once), a link to a file is read
      // as that file, a broken link is listed as not found.
      let target: import("fs").Stats;
      try {
        target = await fs.stat(full);
      } catch (e) {
        scan.errors.push(errorOf(full, e));
        continue;
      }
      if (target.isDirectory()) await walk(full, scan);
      else if (isTaken(entry.name)) await addTaken(full, entry.name, target.isFile(), scan);
    } else if (entry.isDirectory()) await walk(full, scan);
    else if (isTaken(entry.name)) await addTaken(full, entry.name, entry.isFile(), scan);
  }
}

/** A name a folder scan takes: .xlsx/.xlsm, .csv, .xaf and .xls (reported), not .xml or other files. */
function isTaken(name: string): boolean {
  return kindOf(name) !== "other" && !isXmlName(name);
}

/**
 * A name the scan takes that is a named pipe, a socket or a device, not a file: listed as not read. Opening a named
 * pipe waits for a program to write into it, so reading one would hang the run (with --jobs 1 for ever).
 */
async function addTaken(full: string, name: string, isFile: boolean, scan: Scan): Promise<void> {
  if (isFile) await addFile(full, kindOf(name), scan);
  else scan.errors.push(notRegular(full));
}

function notRegular(p: string): InputError {
  return { path: p, code: "KOR_NOT_REGULAR", detail: "not a regular file (a named pipe, socket or device)" };
}

/**
 * Expands the command-line inputs. A file given by name is always listed (a wrong type is reported when it
 * is read; a file given as .xml is read as an auditfile, one given as .txt, .tsv or .tab as text like a .csv); in folders only .xlsx/.xlsm, .csv and .xaf files are taken, plus .xls files (Excel 97–2003), which are
 * reported as not read (save as .xlsx) instead of being left out without a word. Symbolic links in folders
 * are followed, each folder read once (a loop is reported as not read). CSV files that kor-check wrote
 * itself are not read: they are listed in `ownOutputs`. Order: as given, folders sorted by name. A file found
 * twice (the same path given twice, `./a.csv` and `a.csv`, a file given and also in a folder given, a link to
 * it) is read once, where it came first: the later ones are listed in `duplicates` with the path kept.
 */
export async function collectInputs(
  inputs: readonly string[],
): Promise<{ files: InputFile[]; errors: InputError[]; ownOutputs: string[]; duplicates: { path: string; first: string }[] }> {
  const scan: Scan = { files: [], errors: [], ownOutputs: [], visited: new Set() };
  for (const input of inputs) {
    let stat: import("fs").Stats;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      // "-" for standard input (`cat a.csv | kor-check -`), as other tools take it: before, "file or folder not found".
      const stdin = input === "-" && (e as NodeJS.ErrnoException).code === "ENOENT";
      scan.errors.push(stdin ? { path: input, code: "KOR_STDIN", detail: "standard input is not read" } : errorOf(input, e));
      continue;
    }
    if (stat.isDirectory()) await walk(input, scan);
    else if (!stat.isFile()) scan.errors.push(notRegular(input));
    else if (kindOf(input, true) === "csv") await addFile(input, "csv", scan);
    else scan.files.push({ path: input, kind: kindOf(input, true) });
  }
  const { files, duplicates } = await onceEach(scan.files);
  // A missing name typed twice (`a.csv ./a.csv`), or a name that cannot be opened given and also met in a folder given,
  // is one problem: said once, where it came first.
  const said = new Set<string>();
  const errors = scan.errors.filter((error) => {
    const key = `${error.code}\u0000${path.resolve(error.path)}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
  return { files, errors, ownOutputs: scan.ownOutputs, duplicates };
}

/** The files with each file once (by its real path, or the absolute path when that cannot be read), first kept. */
async function onceEach(files: readonly InputFile[]): Promise<{ files: InputFile[]; duplicates: { path: string; first: string }[] }> {
  const firstOf = new Map<string, string>();
  const kept: InputFile[] = [];
  const duplicates: { path: string; first: string }[] = [];
  for (const f of files) {
    let key: string;
    try {
      key = await fs.realpath(f.path);
    } catch {
      key = path.resolve(f.path);
    }
    const first = firstOf.get(key);
    if (first !== undefined) {
      duplicates.push({ path: f.path, first });
      continue;
    }
    firstOf.set(key, f.path);
    kept.push(f);
  }
  return { files: kept, duplicates };
}
