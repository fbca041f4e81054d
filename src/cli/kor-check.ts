#!/usr/bin/env node
/** The kor-check executable: run main with the real process, exit with its status. */
import { main } from "./main";
import { defaultJobs } from "./pool";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, defaultJobs: defaultJobs() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kor-check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
