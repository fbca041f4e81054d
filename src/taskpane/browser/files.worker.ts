/**
 * The Web Worker behind browser mode's "Open file" (see fileWorker.ts): reads one file with the pane's own
 * `readFileSource` and posts progress, then the invoice source or why it could not be read.
 */
import { readFileSource } from "./files";
import { failureOf, type FileReply, type FileRequest } from "./fileWorker";

interface WorkerScope {
  onmessage: ((e: MessageEvent<FileRequest>) => void) | null;
  postMessage(reply: FileReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  readFileSource(e.data.file, undefined, (progress) => scope.postMessage({ kind: "progress", progress }))
    // postMessage throws (DataCloneError) for a value it cannot copy: then the pane reads the file itself.
    .then((source) => scope.postMessage({ kind: "done", source }))
    .catch((err: unknown) => scope.postMessage({ kind: "failed", failure: failureOf(err) }));
};
