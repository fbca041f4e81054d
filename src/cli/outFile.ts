/**
 * `--out FILE` without surprises: never one of the inputs (compared by real path, so a symbolic link or a
 * different spelling of the same file is caught), never through a symbolic link, never over a file that
 * kor-check did not write, and written to a temporary file that is then renamed, so an interrupted run
 * leaves either the old file or the new one, never half of it.
 */
import { promises as fs, rmSync } from "fs";
import * as path from "path";
import type { Localized } from "../i18n/types";
import { isOwnOutputFile } from "./ownOutput";
import { outErrors } from "./strings";

/** The real path of `file`, or of its folder plus its name when it does not exist yet; null if the folder does not exist. */
async function realTarget(file: string): Promise<string | null> {
  try {
    return await fs.realpath(file);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return null;
    }
  }
}

/**
 * Why `out` may not be written, or null when it may. `inputs` are the paths given on the command line and
 * the files found in folders.
 */
export async function refuseOut(out: string, inputs: readonly string[]): Promise<Localized | null> {
  let link: import("fs").Stats | null = null;
  try {
    link = await fs.lstat(out);
  } catch {
    link = null; // does not exist yet
  }
  if (link?.isSymbolicLink()) return outErrors.symlink(out);
  const target = await realTarget(out);
  if (target === null) return outErrors.noFolder(out);
  for (const input of inputs) {
    const real = await realTarget(input);
    if (real === null) continue;
    if (real === target) return outErrors.isInput(out);
    // A folder given as input: --out inside it is fine (the next run skips kor-check's own files).
  }
  if (link !== null) {
    if (!link.isFile()) return outErrors.notAFile(out);
    if (link.size > 0 && !(await isOwnOutputFile(out).catch(() => false))) return outErrors.notOwn(out);
  }
  return null;
}

/**
 * Temporary files being written. Ctrl+C (or a SIGTERM, or the terminal closing) during a run with `--out` left
 * the hidden `.rep.csv.<pid>.<time>.kor-check.tmp` behind in the output folder, with the clients' figures in
 * it; now it is removed, and the signal then ends the process as it would have (exit 130 for Ctrl+C).
 */
const pending = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Removed as far as it can be; the signal must still end the run.
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Writes `text` to `out` via a temporary file in the same folder and a rename. */
export async function writeOut(out: string, text: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.kor-check.tmp`);
  // "wx": create a new file, fail if anything (a planted link included) already has that name.
  const handle = await fs.open(tmp, "wx", 0o644);
  track(tmp);
  try {
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } catch (e) {
      await handle.close();
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await handle.close();
    try {
      await fs.rename(tmp, out);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  } finally {
    untrack(tmp);
  }
}

/**
 * `--out` for output written as it comes (--format csv, json, jsonl): the same temporary file and rename as writeOut,
 * with the text appended in pieces; `commit` renames it into place, `discard` removes it.
 */
export async function openOut(out: string): Promise<{ write(text: string): Promise<void>; commit(): Promise<void>; discard(): Promise<void> }> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.kor-check.tmp`);
  const handle = await fs.open(tmp, "wx", 0o644);
  track(tmp);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) await handle.close();
    closed = true;
  };
  return {
    write: async (text) => {
      await handle.write(text, null, "utf8");
    },
    commit: async () => {
      try {
        await handle.sync();
        await close();
        await fs.rename(tmp, out);
      } catch (e) {
        await close();
        await fs.rm(tmp, { force: true });
        throw e;
      } finally {
        untrack(tmp);
      }
    },
    discard: async () => {
      try {
        await close();
        await fs.rm(tmp, { force: true });
      } finally {
        untrack(tmp);
      }
    },
  };
}
