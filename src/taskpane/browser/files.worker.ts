/**
 * The Web Worker behind browser mode's "Open file" (see fileWorker.ts): reads one file with the pane's own
 * `readFileSource` and posts progress, then the invoice source or why it could not be read.
 */
import { readFileSource, stageMark } from "./files";
import { failureOf, packedSource, type FileReply, type FileRequest, type StageMark } from "./fileWorker";
import { packedBuffers } from "./packedValues";

interface WorkerScope {
  onmessage: ((e: MessageEvent<FileRequest>) => void) | null;
  postMessage(reply: FileReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

stageMark("worker-ready");
// Load exceljs now, while the user is still choosing a file (the pane starts this worker ahead, fileWorker.ts).
// A failure here is met again, and reported, by the read that needs it.
import(/* webpackChunkName: "exceljs" */ "exceljs").catch(() => undefined);

/** This worker's stage marks so far, in times the pane can place on its own timeline. */
function marks(): StageMark[] {
  stageMark("worker-post");
  return performance.getEntriesByType("mark").map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime }));
}

scope.onmessage = (e) => {
  // One read's marks at a time: this worker may read several files, one after the other.
  performance.clearMarks();
  stageMark("worker-request");
  readFileSource(e.data.file, undefined, (progress) => scope.postMessage({ kind: "progress", progress }))
    // postMessage throws (DataCloneError) for a value it cannot copy: then the pane reads the file itself.
    .then((read) => {
      // The values packed into typed arrays that move to the pane without a copy (packedValues.ts).
      const { source, packed } = packedSource(read);
      scope.postMessage({ kind: "done", source, packed, marks: marks() }, (packed ?? []).flatMap(packedBuffers));
    })
    .catch((err: unknown) => scope.postMessage({ kind: "failed", failure: failureOf(err) }));
};
