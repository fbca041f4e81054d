/**
 * Auditfiles (issue 12): a generated XAF 3.2 file of 1,000,000 transaction lines (250,000 sales invoices of
 * four lines: debtor, revenue 21%, revenue 9%, VAT), read in child processes so each figure has its own peak
 * memory (maxRSS):
 *  - the bare saxes parse of the same bytes (the floor: decode + parse, no handlers doing work),
 *  - the XAF reader alone (rows counted, not kept): the reading cost and whether memory stays flat,
 *  - kor-check on the file (rows of the checked year kept, summary, JSON out).
 * The same reader on a 100,000-line file shows memory does not grow with the file.
 * Files are generated into a temp dir at bench time and removed afterwards (never in git).
 */
import { execFileSync, spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "fs";
import * as os from "os";
import * as path from "path";
import { PEAK_RSS_KB } from "./common";

const root = path.resolve(__dirname, "..");

function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/**
 * Writes an auditfile of `invoices` × 4 lines, dated over 2026. `vat`: its VAT number (default a placeholder of
 * zeros, which joins no other file).
 */
export function writeBenchXaf(file: string, invoices: number, vat = "NL000000000B01"): void {
  const fd = openSync(file, "w");
  const lines = invoices * 4;
  // Totals first (the schema's order), so compute them before writing the journal.
  let debit = 0;
  let credit = 0;
  const amounts = (i: number): [number, number, number, number] => {
    const high = 1000 + ((i * 7919) % 90_000);
    const low = 500 + ((i * 104_729) % 20_000);
    const vat = Math.round((high * 21) / 100) + Math.round((low * 9) / 100);
    return [high, low, vat, high + low + vat];
  };
  for (let i = 0; i < invoices; i++) {
    const [, , , gross] = amounts(i);
    debit += gross;
    credit += gross;
  }
  let out =
    `<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n` +
    `<header><fiscalYear>2026</fiscalYear><startDate>2026-01-01</startDate><endDate>2026-12-31</endDate><curCode>EUR</curCode><dateCreated>2027-01-15</dateCreated><softwareDesc>bench</softwareDesc><softwareVersion>1</softwareVersion></header>\n` +
    `<company><companyIdent>1</companyIdent><companyName>Bench BV ${vat}</companyName><taxRegistrationCountry>NL</taxRegistrationCountry><taxRegIdent>${vat}</taxRegIdent>\n` +
    `<customersSuppliers>`;
  for (let c = 0; c < 500; c++) out += `<customerSupplier><custSupID>K${c}</custSupID><custSupName>Klant ${c}</custSupName><taxRegistrationCountry>NL</taxRegistrationCountry><custSupTp>C</custSupTp></customerSupplier>`;
  out +=
    `</customersSuppliers>\n<generalLedger>` +
    `<ledgerAccount><accID>1300</accID><accDesc>Debiteuren</accDesc><accTp>B</accTp></ledgerAccount>` +
    `<ledgerAccount><accID>1500</accID><accDesc>Btw</accDesc><accTp>B</accTp></ledgerAccount>` +
    `<ledgerAccount><accID>8000</accID><accDesc>Omzet hoog</accDesc><accTp>P</accTp></ledgerAccount>` +
    `<ledgerAccount><accID>8010</accID><accDesc>Omzet laag</accDesc><accTp>P</accTp></ledgerAccount>` +
    `</generalLedger>\n<vatCodes><vatCode><vatID>H</vatID><vatDesc>BTW hoog</vatDesc></vatCode><vatCode><vatID>L</vatID><vatDesc>BTW laag</vatDesc></vatCode></vatCodes>\n` +
    `<transactions><linesCount>${lines}</linesCount><totalDebit>${euros(debit)}</totalDebit><totalCredit>${euros(credit)}</totalCredit>\n` +
    `<journal><jrnID>VK</jrnID><desc>Verkoopboek</desc><jrnTp>S</jrnTp>\n`;
  const jan1 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < invoices; i++) {
    const [high, low, vat, gross] = amounts(i);
    const date = new Date(jan1 + Math.floor((i * 365) / invoices) * 86_400_000).toISOString().slice(0, 10);
    const ref = `F${i + 1}`;
    out +=
      `<transaction><nr>${i + 1}</nr><periodNumber>${date.slice(5, 7)}</periodNumber><trDt>${date}</trDt>` +
      `<trLine><nr>1</nr><accID>1300</accID><docRef>${ref}</docRef><effDate>${date}</effDate><amnt>${euros(gross)}</amnt><amntTp>D</amntTp><custSupID>K${i % 500}</custSupID><invRef>${ref}</invRef></trLine>` +
      `<trLine><nr>2</nr><accID>8000</accID><docRef>${ref}</docRef><effDate>${date}</effDate><amnt>${euros(high)}</amnt><amntTp>C</amntTp><invRef>${ref}</invRef><vat><vatID>H</vatID><vatPerc>21.000</vatPerc><vatAmnt>${euros(Math.round((high * 21) / 100))}</vatAmnt><vatAmntTp>C</vatAmntTp></vat></trLine>` +
      `<trLine><nr>3</nr><accID>8010</accID><docRef>${ref}</docRef><effDate>${date}</effDate><amnt>${euros(low)}</amnt><amntTp>C</amntTp><invRef>${ref}</invRef><vat><vatID>L</vatID><vatPerc>9.000</vatPerc><vatAmnt>${euros(Math.round((low * 9) / 100))}</vatAmnt><vatAmntTp>C</vatAmntTp></vat></trLine>` +
      `<trLine><nr>4</nr><accID>1500</accID><docRef>${ref}</docRef><effDate>${date}</effDate><amnt>${euros(vat)}</amnt><amntTp>C</amntTp></trLine>` +
      `</transaction>\n`;
    if (out.length > 1 << 20) {
      writeSync(fd, out);
      out = "";
    }
  }
  out += `</journal>\n</transactions>\n</company>\n</auditfile>\n`;
  writeSync(fd, out);
  closeSync(fd);
}

interface ChildRun {
  /** Wall-clock and CPU (user + system) milliseconds: on a shared machine CPU time is the steadier figure. */
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  out: string;
}

function child(script: string): ChildRun {
  const r = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`child failed: ${r.stderr}`);
  const m = /RESULT (\d+) (\d+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no result from child: ${r.stderr}`);
  return { ms: Number(m[1]), maxRssMb: Number(m[2]) / 1024, cpuMs: Number(m[3]), out: r.stdout };
}

const REPORT = `process.stderr.write("RESULT " + Math.round(Number(process.hrtime.bigint() - t0) / 1e6) + " " + ${PEAK_RSS_KB} + " " + Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000) + "\\n")`;

function bareSaxes(file: string): ChildRun {
  return child(
    `const t0 = process.hrtime.bigint(); const { SaxesParser } = require("saxes"); const fs = require("fs");
     (async () => { const p = new SaxesParser({ xmlns: false, position: true }); let n = 0; p.on("opentag", () => { n++; }); p.on("text", () => {});
       const d = new TextDecoder("utf-8", { fatal: true });
       for await (const c of fs.createReadStream(${JSON.stringify(file)})) p.write(d.decode(c, { stream: true }));
       p.close(); process.stdout.write(String(n)); ${REPORT}; })();`,
  );
}

function readerAlone(reader: string, file: string): ChildRun {
  return child(
    `const t0 = process.hrtime.bigint(); const { XafReader } = require(${JSON.stringify(reader)}); const fs = require("fs");
     (async () => { let rows = 0; const r = new XafReader({ rows: (b) => { rows += b.length; }, problems: () => {} });
       for await (const c of fs.createReadStream(${JSON.stringify(file)})) r.writeBytes(c);
       const info = r.end(); process.stdout.write(JSON.stringify({ rows, lines: info.read.lines, consistent: info.consistent })); ${REPORT}; })();`,
  );
}

export function benchXaf(): void {
  console.log("Auditfiles (XAF):");
  const bin = path.join(root, "dist", "cli", "cli", "main.js");
  const reader = path.join(root, "dist", "cli", "reading", "xaf.js");
  if (!existsSync(reader)) execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "kor-bench-xaf-"));
  try {
    const big = path.join(dir, "million.xaf");
    const small = path.join(dir, "hundredk.xaf");
    let t0 = process.hrtime.bigint();
    writeBenchXaf(big, 250_000);
    writeBenchXaf(small, 25_000);
    const mb = statSync(big).size / 1024 / 1024;
    console.log(`  generated a 1,000,000-line auditfile (${mb.toFixed(0)} MB) in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
    t0 = process.hrtime.bigint();
    const floor = bareSaxes(big);
    const alone = readerAlone(reader, big);
    const alone100k = readerAlone(reader, small);
    const cli = child(
      `const t0 = process.hrtime.bigint(); require(${JSON.stringify(bin)}).main([${JSON.stringify(big)}, "--format", "json"], { stdout: process.stdout, stderr: process.stderr, env: {} }).then(() => ${REPORT});`,
    );
    const seen = JSON.parse(alone.out) as { rows: number; lines: number; consistent: boolean };
    const item = (JSON.parse(cli.out) as { countable: number; rows: number; auditfiles: { consistent: boolean }[] }[])[0];
    const t = (c: ChildRun): string => `${(c.cpuMs / 1000).toFixed(1)} s CPU (${(c.ms / 1000).toFixed(1)} s wall)`;
    console.log(`  bare saxes parse (floor):     ${t(floor)}, maxRSS ${floor.maxRssMb.toFixed(0)} MB (${Number(floor.out).toLocaleString("en")} elements)`);
    console.log(
      `  XAF reader, rows counted:     ${t(alone)}, maxRSS ${alone.maxRssMb.toFixed(0)} MB; ratio ${(alone.cpuMs / floor.cpuMs).toFixed(2)}× the bare parse (CPU) ` +
        `(${seen.lines.toLocaleString("en")} lines, ${seen.rows.toLocaleString("en")} invoice rows, totals ${seen.consistent ? "match" : "DO NOT match"})`,
    );
    console.log(`  same reader, 100,000 lines:   ${t(alone100k)}, maxRSS ${alone100k.maxRssMb.toFixed(0)} MB (memory does not grow with the file)`);
    console.log(
      `  kor-check on the file (json): ${t(cli)}, maxRSS ${cli.maxRssMb.toFixed(0)} MB (keeps the year's ${item.rows.toLocaleString("en")} invoice rows; countable €${item.countable.toLocaleString("en")}; totals ${item.auditfiles[0].consistent ? "match" : "DO NOT match"})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchXaf();
