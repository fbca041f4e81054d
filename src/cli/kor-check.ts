#!/usr/bin/env node
/** The kor-check executable: run main with the real process, exit with its status. */
import { langFromEnv, parseArgs } from "./args";
import { main } from "./main";
import { defaultJobs } from "./pool";
import { outErrors } from "./strings";
import { visibleControls } from "../i18n/safeText";

const argv = process.argv.slice(2);
const parsed = parseArgs(argv, langFromEnv(process.env));
const lang = parsed.ok ? parsed.options.lang : parsed.lang;

// The reader of the output went away (`kor-check … | head -1`): stop quietly, as other command-line tools do,
// instead of an unhandled EPIPE stack trace. Output that cannot be written otherwise (`kor-check … > rep.csv`
// on a full disk) is said in words on standard error, exit 1; before, Node's stack trace of ENOSPC.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  try {
    process.stderr.write(`kor-check: ${visibleControls(outErrors.stdoutNotWritten(e.code, e.message)[lang])}\n`);
  } finally {
    process.exit(1);
  }
});
// Standard error itself cannot be written: nowhere is left to say why.
process.stderr.on("error", (e: NodeJS.ErrnoException) => {
  process.exit(e.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
});

main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, defaultJobs: defaultJobs() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kor-check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
