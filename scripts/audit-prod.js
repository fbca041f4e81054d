#!/usr/bin/env node
/**
 * npm run audit:prod — an offline check of the production dependencies (what ships in the add-in bundle and
 * in kor-check). `npm audit` needs an advisory service that these machines cannot reach (HTTP 405), so this
 * lists what is installed instead and checks it against what we know:
 *
 * - every production package with its version, license and who pulls it in;
 * - licenses outside the allow-list below → flagged;
 * - packages known to be abandoned or deprecated (the table below, with the reason and what we do about it,
 *   kept in step with docs/security.md) → listed; a package marked deprecated in its own package.json too.
 *
 * Exit status 0 when nothing new turned up, 1 when a license is not allowed or an abandoned package appears
 * that the table does not know (review it, then add it here and to docs/security.md). Reads node_modules and
 * package-lock.json only; nothing goes over the network. Run it again after every dependency change and,
 * with internet access, run `npm audit --omit=dev` as well.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ALLOWED_LICENSES = new Set(["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD", "BlueOak-1.0.0", "Unlicense", "CC0-1.0", "(MIT OR GPL-3.0-or-later)", "(MIT OR Apache-2.0)", "MIT OR Apache-2.0", "MIT/X11", "(MIT AND Zlib)"]);

/** Packages whose package.json names no license, checked by hand. */
const LICENSE_REVIEWED = { "buffers@0.1.1": "MIT/X11 (stated in its README; no license field)" };

/** Known abandoned or deprecated production packages: all come in through exceljs 4.4.0 (last release 2023). */
const KNOWN_ABANDONED = {
  exceljs: "no release since 4.4.0 (2023); used only to read .xlsx (kor-check, browser Open file); its writers are never called",
  unzipper: "0.10.x line, unmaintained; exceljs' streaming zip reader. Inflated sizes are capped by kor-check (src/cli/read.ts)",
  fstream: "deprecated by npm (\"no longer supported\"); pulled by unzipper 0.10, used only for extracting to disk, which we never do",
  rimraf: "2.x deprecated (\"versions prior to v4 are no longer supported\"); pulled by fstream; never called by our code",
  glob: "7.x deprecated; pulled by rimraf 2 and archiver-utils; never called by our code",
  inflight: "deprecated (\"leaks memory\"); pulled by glob 7; never called by our code",
  "lodash.isequal": "deprecated (\"use require('node:util').isDeepStrictEqual\"); pulled by fast-csv via exceljs; CSV export never called",
  binary: "unmaintained (2013); pulled by unzipper 0.10",
  chainsaw: "unmaintained (2012); pulled by binary",
  traverse: "0.3.x, unmaintained; pulled by chainsaw",
  buffers: "unmaintained (2011); pulled by binary",
  "big-integer": "unmaintained (BigInt is native); pulled by unzipper 0.10",
  uuid: "8.x, old major; pulled by exceljs",
};

function prodTree() {
  const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--json", "--long"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  return JSON.parse(out);
}

function walk(node, via, seen) {
  for (const [name, dep] of Object.entries(node.dependencies || {})) {
    if (!dep || dep.missing || !dep.version) continue;
    const key = `${name}@${dep.version}`;
    if (!seen.has(key)) {
      let license = dep.license;
      let deprecated = dep.deprecated;
      if (dep.path) {
        try {
          const pkg = JSON.parse(fs.readFileSync(path.join(dep.path, "package.json"), "utf8"));
          license = LICENSE_REVIEWED[key] || (typeof pkg.license === "string" ? pkg.license : pkg.license && pkg.license.type ? pkg.license.type : license);
          deprecated = deprecated || pkg.deprecated;
        } catch {
          /* optional package not installed */
        }
      }
      if (LICENSE_REVIEWED[key]) license = "MIT/X11";
      seen.set(key, { name, version: dep.version, license: license || "UNKNOWN", via, deprecated: deprecated || null });
    }
    walk(dep, via === "(direct)" ? name : via, seen);
  }
}

function main() {
  const tree = prodTree();
  const seen = new Map();
  walk(tree, "(direct)", seen);
  const rows = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  const badLicense = rows.filter((r) => !ALLOWED_LICENSES.has(r.license));
  const abandoned = rows.filter((r) => KNOWN_ABANDONED[r.name] || r.deprecated);
  const unknownAbandoned = abandoned.filter((r) => !KNOWN_ABANDONED[r.name]);

  console.log(`Production dependencies: ${rows.length} packages (npm ls --omit=dev, offline)\n`);
  const width = Math.max(...rows.map((r) => `${r.name}@${r.version}`.length));
  for (const r of rows) {
    const flag = KNOWN_ABANDONED[r.name] || r.deprecated ? "  ABANDONED" : "";
    const lic = ALLOWED_LICENSES.has(r.license) ? r.license : `${r.license}  LICENSE?`;
    console.log(`${`${r.name}@${r.version}`.padEnd(width)}  ${lic.padEnd(28)}  via ${r.via}${flag}`);
  }
  console.log(`\nAbandoned or deprecated (${abandoned.length}):`);
  for (const r of abandoned) console.log(`  ${r.name}@${r.version}: ${KNOWN_ABANDONED[r.name] || `deprecated: ${r.deprecated}`}`);
  if (badLicense.length > 0) console.log(`\nLicenses outside the allow-list: ${badLicense.map((r) => `${r.name}@${r.version} (${r.license})`).join(", ")}`);
  if (unknownAbandoned.length > 0) console.log(`\nNew abandoned packages, not yet reviewed: ${unknownAbandoned.map((r) => r.name).join(", ")}`);
  console.log("\nKnown vulnerabilities are not checked offline: with internet access run `npm audit --omit=dev`. See docs/security.md.");
  process.exitCode = badLicense.length > 0 || unknownAbandoned.length > 0 ? 1 : 0;
}

main();
