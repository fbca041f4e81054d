/**
 * Build step after `tsc -p tsconfig.cli.json`: tsc writes the program to dist/cli/cli/kor-check.js (it keeps
 * src/'s folder layout, since the command line uses src/rules and src/reading too); package.json's "bin"
 * names dist/cli/kor-check.js, so write a small executable there that loads it.
 */
import { chmodSync, writeFileSync } from "fs";
import * as path from "path";

const bin = path.resolve(__dirname, "..", "kor-check.js");
writeFileSync(bin, '#!/usr/bin/env node\n"use strict";\nrequire("./cli/kor-check.js");\n', "utf8");
chmodSync(bin, 0o755);
chmodSync(path.resolve(__dirname, "kor-check.js"), 0o755);
