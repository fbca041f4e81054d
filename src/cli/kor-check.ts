#!/usr/bin/env node
/** The kor-check executable: run main with the real process, exit with its status. */
import { main } from "./main";
import { defaultJobs } from "./pool";

// The reader of the output went away (`kor-check … | head -1`): stop quietly, as other command-line tools do,
// instead of an unhandled EPIPE stack trace. Other write errors are still reported.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, defaultJobs: defaultJobs() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kor-check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
