/**
 * Browser mode "Open file" off the pane's thread: a .xlsx or .csv is read by `readFileSource` in a Web Worker
 * (files.worker.ts), so the pane keeps answering clicks and shows how far the reading has come. The reading
 * itself is the same function as in the pane's thread; only where it runs changes. Without a worker (none
 * can be started, it fails to load, or the result cannot be copied back) the file is read in the pane's
 * thread as before, with the same progress.
 */
import { TooLargeError } from "../../reading/limits";
import type { InvoiceSource } from "../../excel/source";
import { DamagedFileError, readFileSource, stageMark, UnsupportedFileError, type FileLike, type FileProgress } from "./files";

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

/** A worker's stage mark ("kor:…"), at a time since 1970 in ms (a worker's clock starts at its own time origin). */
export interface StageMark {
  readonly name: string;
  readonly at: number;
}

export type FileReply =
  | { readonly kind: "progress"; readonly progress: FileProgress }
  | { readonly kind: "done"; readonly source: InvoiceSource; readonly marks?: readonly StageMark[] }
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

/** Where a read gets its worker, and what becomes of the worker after the read. */
export interface WorkerSource {
  take(): Worker;
  /** The read has ended: `reusable` when the worker answered normally and may read the next file. */
  put(worker: Worker, reusable: boolean): void;
}

/**
 * Keeps one worker ready for the next Open file: started once the pane has drawn (`prepare`), so its script and
 * exceljs are loaded while the user is still choosing a file, and kept after a read for the next one. A worker
 * that fails while it waits (its script did not load) is ended; the next read starts one of its own.
 */
export class FileWorkers implements WorkerSource {
  private idle: Worker | null = null;

  constructor(private readonly start: () => Worker) {}

  /** Starts the waiting worker now, unless one is waiting already. */
  prepare(): void {
    if (this.idle !== null) return;
    try {
      this.wait(this.start());
    } catch {
      // No worker can be started here: each read tries again, and reads in the pane's thread when it cannot.
    }
  }

  take(): Worker {
    const worker = this.idle;
    this.idle = null;
    return worker ?? this.start();
  }

  put(worker: Worker, reusable: boolean): void {
    if (reusable && this.idle === null) this.wait(worker);
    else worker.terminate();
  }

  private wait(worker: Worker): void {
    const drop = (): void => {
      if (this.idle === worker) this.idle = null;
      worker.terminate();
    };
    worker.onmessage = null;
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      drop();
    };
    worker.onmessageerror = drop;
    this.idle = worker;
  }
}

/**
 * Reads `file` in a worker from `workers` (a source, a function that starts one, or null: no workers here),
 * falling back to the pane's thread. `onProgress` is called in the pane's thread as the worker reports.
 */
export function readFileOffThread(file: File, onProgress: (p: FileProgress) => void, workers: WorkerSource | (() => Worker) | null): Promise<InvoiceSource> {
  if (workers === null || !readsInWorker(file.name)) return readInThread(file, onProgress);
  const source: WorkerSource = typeof workers === "function" ? { take: workers, put: (w) => w.terminate() } : workers;
  let worker: Worker;
  stageMark("pane-worker-start");
  try {
    worker = source.take();
  } catch {
    return readInThread(file, onProgress);
  }
  return new Promise<InvoiceSource>((resolve, reject) => {
    let settled = false;
    const finish = (how: () => void, reusable = false): void => {
      if (settled) return;
      settled = true;
      source.put(worker, reusable);
      how();
    };
    const again = (): void => finish(() => readInThread(file, onProgress).then(resolve, reject));
    worker.onmessage = (e: MessageEvent<FileReply>) => {
      const reply = e.data;
      if (reply.kind === "progress") {
        if (!settled) onProgress(reply.progress);
      } else if (reply.kind === "done") {
        stageMark("pane-done");
        copyMarks(reply.marks);
        finish(() => resolve(reply.source), true);
      } else {
        const error = errorOf(reply.failure, file.name);
        if (error === null) again();
        else finish(() => reject(error), true);
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
    stageMark("pane-request-posted");
  });
}

/** The worker's stage marks, marked again in the pane's own timeline (so one timeline shows every stage). */
function copyMarks(marks: readonly StageMark[] | undefined): void {
  if (marks === undefined || typeof performance === "undefined" || typeof performance.mark !== "function") return;
  for (const m of marks) {
    try {
      performance.mark(m.name, { startTime: m.at - performance.timeOrigin });
    } catch {
      // a time before the pane's origin: not worth a mark
    }
  }
}
