/*
 * Starts the worker of browser mode's "Open file" (files.worker.ts). Plain JavaScript because of
 * `import.meta.url`, which webpack needs to bundle the worker and which the project's CommonJS type check
 * and Jest do not accept; only the pane's entry (index.tsx) imports this file. Types: startFileWorker.d.ts.
 */
export function startFileWorker() {
  return new Worker(new URL("./files.worker.ts", import.meta.url), { name: "kor-open-file" });
}
