/**
 * `--out FILE` without surprises: never one of the inputs (compared by real path, so a symbolic link or a
 * different spelling of the same file is caught), never through a symbolic link, never over a file that
 * kor-check did not write, and written to a temporary file that is then renamed, so an interrupted run
 * leaves either the old file or the new one, never half of it.
 */
import { close, fsync, openSync, promises as fs, rmSync, writeFile } from "fs";
import * as path from "path";
import { promisify } from "util";
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

/** The hidden temporary file beside `out`. */
function temporaryFor(out: string): string {
  const dir = path.dirname(path.resolve(out));
  return path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.kor-check.tmp`);
}

/**
 * Creates `tmp` ("wx": a new file, refused if anything, a planted link included, already has that name) with the
 * signal listeners already in place. Before, the file was created by an asynchronous open and tracked when that
 * open came back: a Ctrl+C in between (seen in CI) still ended the run with the file left behind. Now the listeners
 * come first and the file is created synchronously, so no signal is handled between its creation and its tracking.
 */
function create(tmp: string): number {
  track(tmp);
  try {
    return openSync(tmp, "wx", 0o644);
  } catch (e) {
    untrack(tmp);
    throw e;
  }
}

/** The whole of a text at the file's current position (fs.writeFile with a descriptor writes until all is written). */
const append = promisify(writeFile);
const flush = promisify(fsync);
const closeFd = promisify(close);

/** Writes `text` to `out` via a temporary file in the same folder and a rename. */
export async function writeOut(out: string, text: string): Promise<void> {
  const file = await openOut(out);
  try {
    await file.write(text);
  } catch (e) {
    await file.discard();
    throw e;
  }
  await file.commit();
}

/**
 * `--out` for output written as it comes (--format csv, json, jsonl): the same temporary file and rename as writeOut,
 * with the text appended in pieces; `commit` renames it into place, `discard` removes it.
 */
export async function openOut(out: string): Promise<{ write(text: string): Promise<void>; commit(): Promise<void>; discard(): Promise<void> }> {
  const tmp = temporaryFor(out);
  const fd = create(tmp);
  let closed = false;
  const closeOnce = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await closeFd(fd);
    }
  };
  return {
    write: (text) => append(fd, text, "utf8"),
    commit: async () => {
      try {
        await flush(fd);
        await closeOnce();
        await fs.rename(tmp, out);
      } catch (e) {
        await closeOnce().catch(() => undefined);
        await fs.rm(tmp, { force: true });
        throw e;
      } finally {
        untrack(tmp);
      }
    },
    discard: async () => {
      try {
        await closeOnce().catch(() => undefined);
        await fs.rm(tmp, { force: true });
      } finally {
        untrack(tmp);
      }
    },
  };
}
