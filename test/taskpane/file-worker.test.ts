/**
 * Open file off the pane's thread (src/taskpane/browser/fileWorker.ts) with a stand-in Worker: the worker's
 * progress reaches the pane, its answer is the source, a refusal keeps its message, and anything the worker
 * cannot do (not start, not load, an unexpected error) ends in the pane reading the file itself.
 */
import { FileWorkers, readFileOffThread, readsInWorker, type FileReply, type FileProgress } from "../../src/taskpane/browser/fileWorker";
import { TooLargeError } from "../../src/reading/limits";
import type { InvoiceSource } from "../../src/excel/source";

const CSV = "Factuurdatum;Bedrag excl. btw\n1-3-2026;100,00\n";

function csvFile(name = "klant.csv"): File {
  const bytes = new TextEncoder().encode(CSV);
  return { name, text: async () => CSV, arrayBuffer: async () => bytes.buffer.slice(0) } as unknown as File;
}

/** A Worker that answers each request with `replies` (or fires an error event when told). */
class FakeWorker {
  onmessage: ((e: MessageEvent<FileReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly replies: FileReply[] | "error") {}
  postMessage(): void {
    setTimeout(() => {
      if (this.replies === "error") this.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
      else for (const data of this.replies) this.onmessage?.({ data } as MessageEvent<FileReply>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const SOURCE = { key: "file:w.xlsx", name: "w.xlsx", values: [["x"]] } as unknown as InvoiceSource;

describe("reading a file the user opened in a Web Worker", () => {
  it("passes the worker's progress to the pane and answers with the worker's source", async () => {
    const worker = new FakeWorker([
      { kind: "progress", progress: { phase: "unpacking" } },
      { kind: "progress", progress: { phase: "rows", rows: 5000, sheet: "Facturen" } },
      { kind: "done", source: SOURCE },
    ]);
    const seen: FileProgress[] = [];
    const source = await readFileOffThread(csvFile(), (p) => seen.push(p), () => worker as unknown as Worker);
    expect(source).toBe(SOURCE);
    expect(seen).toEqual([{ phase: "unpacking" }, { phase: "rows", rows: 5000, sheet: "Facturen" }]);
    expect(worker.terminated).toBe(true);
  });

  it("keeps a refusal's reason (too large) as the in-thread read would throw it", async () => {
    const worker = new FakeWorker([{ kind: "failed", failure: { type: "too-large", what: "cells", limit: 3_000_000 } }]);
    const read = readFileOffThread(csvFile(), () => undefined, () => worker as unknown as Worker);
    await expect(read).rejects.toBeInstanceOf(TooLargeError);
    await expect(read).rejects.toMatchObject({ what: "cells", limit: 3_000_000 });
  });

  it.each([
    ["cannot be started", (): Worker => { throw new Error("blocked by the Content-Security-Policy"); }],
    ["fails to load", (): Worker => new FakeWorker("error") as unknown as Worker],
    ["meets an unexpected error", (): Worker => new FakeWorker([{ kind: "failed", failure: { type: "other", message: "DataCloneError" } }]) as unknown as Worker],
  ])("reads the file in the pane's thread when the worker %s", async (_what, start) => {
    const source = await readFileOffThread(csvFile(), () => undefined, start);
    expect(source.values).toEqual([["Factuurdatum", "Bedrag excl. btw"], ["1-3-2026", "100,00"]]);
  });

  it("reads in the pane's thread without workers, and auditfiles always (their row names do not copy)", async () => {
    expect((await readFileOffThread(csvFile(), () => undefined, null)).values).toHaveLength(2);
    expect(readsInWorker("Klant.XLSX")).toBe(true);
    expect(readsInWorker("export.csv")).toBe(true);
    expect(readsInWorker("audit.xaf")).toBe(false);
  });
});

describe("the worker kept ready for Open file", () => {
  const done: FileReply[] = [{ kind: "done", source: SOURCE }];
  const now = (task: () => void): void => task();

  function counting(replies: FileReply[], later: (task: () => void) => void = now): { workers: FileWorkers; started: FakeWorker[] } {
    const started: FakeWorker[] = [];
    const workers = new FileWorkers(() => {
      const w = new FakeWorker(replies);
      started.push(w);
      return w as unknown as Worker;
    }, later);
    return { workers, started };
  }

  it("is started ahead and answers the first file; after a read it is ended and a fresh one waits for the next", async () => {
    const { workers, started } = counting(done);
    workers.prepareLater();
    workers.prepareLater(); // one waiting worker, however often the pane asks
    expect(started).toHaveLength(1);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(started[0].terminated).toBe(true);
    expect(started).toHaveLength(2);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(started).toHaveLength(3);
    expect(started[1].terminated).toBe(true);
    expect(started[2].terminated).toBe(false);
  });

  it("starts the waiting worker only when the pane is idle", () => {
    const waiting: (() => void)[] = [];
    const { workers, started } = counting(done, (task) => waiting.push(task));
    workers.prepareLater();
    expect(started).toHaveLength(0);
    waiting.forEach((task) => task());
    expect(started).toHaveLength(1);
  });

  it("ends a waiting worker whose script fails, and the next file gets a worker of its own", async () => {
    const { workers, started } = counting(done);
    workers.prepareLater();
    started[0].onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(started[0].terminated).toBe(true);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(started[1].terminated).toBe(true);
  });

  it("does not start another after a worker met an unexpected error (the pane read the file itself)", async () => {
    const { workers, started } = counting([{ kind: "failed", failure: { type: "other", message: "DataCloneError" } }]);
    const source = await readFileOffThread(csvFile(), () => undefined, workers);
    expect(source.values).toHaveLength(2);
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
  });
});
