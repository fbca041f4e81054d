/**
 * Browser mode "Open file" off the pane's thread: a .xlsx or .csv is read by `readFileSource` in a Web Worker
 * (files.worker.ts), so the pane keeps answering clicks and shows how far the reading has come. The reading
 * itself is the same function as in the pane's thread; only where it runs changes. Without a worker (none
 * can be started, it fails to load, or the result cannot be copied back) the file is read in the pane's
 * thread as before, with the same progress.
 */
import { TooLargeError } from "../../reading/limits";
import { NotTextError } from "../../reading/csv";
import type { InvoiceSource } from "../../excel/source";
import { DamagedFileError, EmptyFileError, readFileSource, stageMark, UnsupportedFileError, type FileLike, type FileProgress } from "./files";
import { packValues, unpackValues, type PackedValues } from "./packedValues";

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
  | { readonly type: "not-text" }
  | { readonly type: "empty" }
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
  /**
   * With `packed`, the values travel packed (packedValues.ts): `source` and each of its `fileSheets` come with
   * no values, and packed[i] holds those of sheetsOf(source)[i].
   */
  | { readonly kind: "done"; readonly source: InvoiceSource; readonly packed?: readonly PackedValues[]; readonly marks?: readonly StageMark[] }
  | { readonly kind: "failed"; readonly failure: WorkerFailure };

export function failureOf(e: unknown): WorkerFailure {
  if (e instanceof UnsupportedFileError) return { type: "unsupported" };
  if (e instanceof TooLargeError) return { type: "too-large", what: e.what, limit: e.limit };
  if (e instanceof Error && e.message === "no-sheet") return { type: "no-sheet" };
  if (e instanceof DamagedFileError) return { type: "damaged", message: e.message };
  if (e instanceof NotTextError) return { type: "not-text" };
  if (e instanceof EmptyFileError) return { type: "empty" };
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
    case "not-text":
      return new NotTextError();
    case "empty":
      return new EmptyFileError(fileName);
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
  /** The read has ended: `answered` when the worker answered normally (another may be made ready). */
  put(worker: Worker, answered: boolean): void;
}

/**
 * Keeps one worker ready for the next Open file: started once the pane has drawn (`prepareLater`), so its script
 * and exceljs are loaded while the user is still choosing a file. A worker that has read a file is ended (all
 * the memory of that read is freed at once) and a fresh one started when the pane is idle again. A worker that
 * fails while it waits (its script did not load) is ended; the next read starts one of its own.
 */
export class FileWorkers implements WorkerSource {
  private idle: Worker | null = null;

  /** `later` runs a task when the pane is idle (after it has drawn what it was drawing). */
  constructor(
    private readonly start: () => Worker,
    private readonly later: (task: () => void) => void,
  ) {}

  /** Starts the waiting worker when the pane is idle, unless one is waiting by then. */
  prepareLater(): void {
    this.later(() => this.prepare());
  }

  private prepare(): void {
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

  put(worker: Worker, answered: boolean): void {
    worker.terminate();
    if (answered) this.prepareLater();
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
    const finish = (how: () => void, answered = false): void => {
      if (settled) return;
      settled = true;
      source.put(worker, answered);
      how();
    };
    const again = (): void => finish(() => readInThread(file, onProgress).then(resolve, reject));
    worker.onmessage = (e: MessageEvent<FileReply>) => {
      const reply = e.data;
      if (reply.kind === "progress") {
        if (!settled) onProgress(reply.progress);
      } else if (reply.kind === "done") {
        const read = reply.packed === undefined ? reply.source : withValues(reply.source, reply.packed);
        stageMark("pane-done");
        copyMarks(reply.marks);
        finish(() => resolve(read), true);
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

/** The sheets a source stands for: all those of its workbook, or itself. */
function sheetsOf(source: InvoiceSource): readonly InvoiceSource[] {
  return source.fileSheets ?? [source];
}

/** `source` (and the other sheets of its workbook) rebuilt with `values(sheet, i)`, each sheet listing them all. */
function rebuilt(source: InvoiceSource, values: (sheet: InvoiceSource, i: number) => readonly (readonly unknown[])[]): InvoiceSource {
  const sheets = sheetsOf(source);
  const all: InvoiceSource[] = [];
  for (let i = 0; i < sheets.length; i++) all.push({ ...sheets[i], values: values(sheets[i], i), ...(source.fileSheets !== undefined ? { fileSheets: all } : {}) });
  return all[Math.max(0, sheets.indexOf(source))];
}

/**
 * What the worker posts for a read source: its sheets' values packed (and their buffers to transfer), the
 * source without them; or the source as it is when a value does not pack.
 */
export function packedSource(source: InvoiceSource): { source: InvoiceSource; packed?: PackedValues[] } {
  const packed: PackedValues[] = [];
  for (const sheet of sheetsOf(source)) {
    const p = packValues(sheet.values);
    if (p === null) return { source };
    packed.push(p);
  }
  return { source: rebuilt(source, () => []), packed };
}

/** The source the worker packed, with its values back. */
export function withValues(source: InvoiceSource, packed: readonly PackedValues[]): InvoiceSource {
  return rebuilt(source, (_, i) => unpackValues(packed[i]));
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
