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

  it("is started ahead, answers the first file, and stays for the next one", async () => {
    const started: FakeWorker[] = [];
    const workers = new FileWorkers(() => {
      const w = new FakeWorker(done);
      started.push(w);
      return w as unknown as Worker;
    });
    workers.prepare();
    workers.prepare(); // one waiting worker, however often the pane asks
    expect(started).toHaveLength(1);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(false);
  });

  it("ends a waiting worker whose script fails, and the next file gets a worker of its own", async () => {
    const started: FakeWorker[] = [];
    const workers = new FileWorkers(() => {
      const w = new FakeWorker(done);
      started.push(w);
      return w as unknown as Worker;
    });
    workers.prepare();
    started[0].onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(started[0].terminated).toBe(true);
    expect(await readFileOffThread(csvFile(), () => undefined, workers)).toBe(SOURCE);
    expect(started).toHaveLength(2);
  });

  it("does not keep a worker that met an unexpected error (the pane read the file itself)", async () => {
    const failing = new FakeWorker([{ kind: "failed", failure: { type: "other", message: "DataCloneError" } }]);
    const workers = new FileWorkers(() => failing as unknown as Worker);
    const source = await readFileOffThread(csvFile(), () => undefined, workers);
    expect(source.values).toHaveLength(2);
    expect(failing.terminated).toBe(true);
  });
});
