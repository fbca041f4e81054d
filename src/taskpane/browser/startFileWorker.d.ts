/** Starts the Web Worker that reads a file the user opens (see startFileWorker.js). */
export function startFileWorker(): Worker;
