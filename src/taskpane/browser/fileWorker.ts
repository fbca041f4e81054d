/**
 * Browser mode "Open file" off the pane's thread: a .xlsx or .csv is read by `readFileSource` in a Web Worker
 * (files.worker.ts), so the pane keeps answering clicks and shows how far the reading has come. The reading
 * itself is the same function as in the pane's thread; only where it runs changes. Without a worker (none
 * can be started, it fails to load, or the result cannot be copied back) the file is read in the pane's
 * thread as before, with the same progress.
 */
import { TooLargeError } from "../../reading/limits";
import type { InvoiceSource } from "../../excel/source";
import { DamagedFileError, readFileSource, UnsupportedFileError, type FileLike, type FileProgress } from "./files";

export type { FileProgress };

/** What the worker is asked: one file (a File is copied to a worker without reading it). */
export interface FileRequest {
  readonly file: File;
}

/** A failure, copied across as data: the pane shows the same message as for an in-thread read. */
export type WorkerFailure =
  | { readonly type: "unsupported" }
  | { readonly type: "too-large"; readonly what: TooLargeError["what"]; readonly limit: number }
  | { readonly type: "no-sheet" }
  | { readonly type: "damaged"; readonly message: string }
  /** Anything else: the pane reads the file again in its own thread, for that path's exact message. */
  | { readonly type: "other"; readonly message: string };

export type FileReply =
  | { readonly kind: "progress"; readonly progress: FileProgress }
  | { readonly kind: "done"; readonly source: InvoiceSource }
  | { readonly kind: "failed"; readonly failure: WorkerFailure };

export function failureOf(e: unknown): WorkerFailure {
  if (e instanceof UnsupportedFileError) return { type: "unsupported" };
  if (e instanceof TooLargeError) return { type: "too-large", what: e.what, limit: e.limit };
  if (e instanceof Error && e.message === "no-sheet") return { type: "no-sheet" };
  if (e instanceof DamagedFileError) return { type: "damaged", message: e.message };
  return { type: "other", message: e instanceof Error ? e.message : String(e) };
}

/** The error an in-thread read would have thrown; null for "other" (read again in the pane's thread). */
export function errorOf(failure: WorkerFailure, fileName: string): Error | null {
  switch (failure.type) {
    case "unsupported":
      return new UnsupportedFileError(fileName);
    case "too-large":
      return new TooLargeError(failure.what, failure.limit);
    case "no-sheet":
      return new Error("no-sheet");
    case "damaged":
      return new DamagedFileError(failure.message);
    default:
      return null;
  }
}

/** The kinds of file read in a worker; an auditfile is streamed in the pane's thread (its row names are functions). */
export function readsInWorker(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".xlsx") || lower.endsWith(".csv") || lower.endsWith(".txt");
}

/** Reads `file` in the pane's thread, reporting progress (the fallback, and the path for auditfiles). */
export async function readInThread(file: FileLike, onProgress?: (p: FileProgress) => void): Promise<InvoiceSource> {
  // Let the pane draw its progress line before the long unpacking step.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return readFileSource(file, undefined, onProgress);
}

/**
 * Reads `file` in a worker made by `startWorker` (null: no workers here), falling back to the pane's thread.
 * `onProgress` is called in the pane's thread as the worker reports.
 */
export function readFileOffThread(file: File, onProgress: (p: FileProgress) => void, startWorker: (() => Worker) | null): Promise<InvoiceSource> {
  if (startWorker === null || !readsInWorker(file.name)) return readInThread(file, onProgress);
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    return readInThread(file, onProgress);
  }
  return new Promise<InvoiceSource>((resolve, reject) => {
    let settled = false;
    const finish = (how: () => void): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      how();
    };
    const again = (): void => finish(() => readInThread(file, onProgress).then(resolve, reject));
    worker.onmessage = (e: MessageEvent<FileReply>) => {
      const reply = e.data;
      if (reply.kind === "progress") {
        if (!settled) onProgress(reply.progress);
      } else if (reply.kind === "done") {
        finish(() => resolve(reply.source));
      } else {
        const error = errorOf(reply.failure, file.name);
        if (error === null) again();
        else finish(() => reject(error));
      }
    };
    // The worker's script did not load or threw outside a read (e.g. a Content-Security-Policy without it).
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      again();
    };
    worker.onmessageerror = again;
    const request: FileRequest = { file };
    worker.postMessage(request);
  });
}
