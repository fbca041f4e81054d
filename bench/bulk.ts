/**
 * Bulk checks (issue 5):
 *  (a) the pane's all-sheets check over 200 sheets × 5,000 rows against a fake Excel context, with its syncs;
 *  (b) kor-check over 200 generated .xlsx files of 5,000 rows, next to the time exceljs alone takes to read
 *      them (the floor) and the ratio (target ≤ 1.3×);
 *  (c) peak memory (maxRSS) of kor-check on one 1,000,000-row file, in a child process, next to exceljs alone.
 * Files are generated into a temp dir at bench time and removed afterwards.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readAllSheets } from "../src/excel/allSheets";
import { buildOverview } from "../src/bulk/overview";
import { EMPTY_GROUPING } from "../src/bulk/groups";
import { check } from "../src/cli/main";
import type { CliOptions } from "../src/cli/args";
import { dayFromIso, excelSerialFromDay } from "../src/rules/dates";
import { PEAK_RSS_KB } from "./common";
import { fakeContext, type FakeSheetDef } from "../test/excel/allSheets-fake";

const TODAY = dayFromIso("2026-11-27");
const CATEGORIES = ["21", "", "9", "kor", "export", "vrij", "verlegd", "21%"];
const root = path.resolve(__dirname, "..");

function row(i: number, n: number, firstYear: number, years: number): [number, string, number, string] {
  const day = dayFromIso(`${firstYear}-01-01`) + Math.floor((i * 365 * years) / n);
  return [excelSerialFromDay(day), `Klant ${i % 97}`, ((i * 7919) % 100_000) / 100, CATEGORIES[i % CATEGORIES.length]];
}

export async function writeWorkbook(file: string, n: number, firstYear: number, years: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW-tarief"]).commit();
  for (let i = 0; i < n; i++) ws.addRow(row(i, n, firstYear, years)).commit();
  ws.commit();
  await wb.commit();
}

/** The floor: exceljs' streaming reader alone, touching every row's values. */
async function readOnly(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  let cells = 0;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: unknown }[]> };
    for await (const events of ws.parse()) {
      for (const e of events) if (e.eventType === "row") cells += ((e.value as ExcelJS.Row).values as unknown[]).length;
    }
  }
  return cells;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function benchPane(): Promise<void> {
  const sheets: FakeSheetDef[] = [];
  for (let s = 0; s < 200; s++) {
    const cells: unknown[][] = [["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW-tarief"]];
    for (let i = 0; i < 5000; i++) cells.push(row(i, 5000, 2025, 1));
    sheets.push({ name: `Klant ${s + 1}`, cells });
  }
  const { context, syncs } = fakeContext(sheets);
  const t0 = process.hrtime.bigint();
  const result = await readAllSheets(context);
  const lines = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
  const t = ms(t0);
  console.log(
    `  (a) pane, all sheets: 200 sheets × 5,000 rows (fake Excel): ${t.toFixed(0)} ms, ${syncs.length} syncs ` +
      `(3 planning + ${syncs.length - 3} value syncs, largest ${Math.max(...syncs).toLocaleString("en")} cells), ${lines.length} overview lines`,
  );
}

async function benchCli(dir: string): Promise<void> {
  const files: string[] = [];
  for (let f = 0; f < 200; f++) {
    const file = path.join(dir, `klant-${String(f + 1).padStart(3, "0")}.xlsx`);
    await writeWorkbook(file, 5000, 2025, 1);
    files.push(file);
  }
  const options: CliOptions = { inputs: [dir], year: null, period: "quarter", previousYearCents: null, format: "json", out: null, lang: "nl", help: false, jobs: 1, maxMemoryMb: null, timeoutSeconds: 600 };
  const io = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };
  const inputs = files.map((p) => ({ path: p, kind: "xlsx" as const }));
  // Warm-up on a few files, then alternate floor and check twice and keep the best of each.
  await readOnly(files[0]);
  await check(inputs.slice(0, 3), options, io, TODAY);
  let floor = Infinity;
  let full = Infinity;
  for (let round = 0; round < 2; round++) {
    let t0 = process.hrtime.bigint();
    for (const f of files) await readOnly(f);
    floor = Math.min(floor, ms(t0));
    t0 = process.hrtime.bigint();
    const result = await check(inputs, options, io, TODAY);
    full = Math.min(full, ms(t0));
    if (result.sheets.length !== 200) throw new Error(`expected 200 sheets, got ${result.sheets.length}`);
  }
  console.log(
    `  (b) kor-check, 200 .xlsx × 5,000 rows: ${full.toFixed(0)} ms; exceljs read alone (floor) ${floor.toFixed(0)} ms; ratio ${(full / floor).toFixed(2)}× (target ≤ 1.3×)`,
  );
}

function childRss(script: string): { ms: number; maxRssMb: number; out: string } {
  const r = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`child failed: ${r.stderr}`);
  const m = /RESULT (\d+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no result from child: ${r.stderr}`);
  return { ms: Number(m[1]), maxRssMb: Number(m[2]) / 1024, out: r.stdout };
}

async function benchMemory(dir: string): Promise<void> {
  const bin = path.join(root, "dist", "cli", "cli", "main.js");
  // Always rebuild: a stale dist/cli would measure old code.
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
  const file = path.join(dir, "million.xlsx");
  const t0 = process.hrtime.bigint();
  // Issue 13's figure: one year of invoices (2025) in 1,000,000 rows, so every row is kept for the summary.
  await writeWorkbook(file, 1_000_000, 2025, 1);
  console.log(`  (c) generated 1,000,000-row single-year .xlsx in ${(ms(t0) / 1000).toFixed(1)} s`);
  const report = `process.stderr.write("RESULT " + Math.round(Number(process.hrtime.bigint() - t0) / 1e6) + " " + ${PEAK_RSS_KB} + "\\n")`;
  const cli = childRss(
    `const t0 = process.hrtime.bigint(); require(${JSON.stringify(bin)}).main([${JSON.stringify(file)}, "--format", "json"], { stdout: process.stdout, stderr: process.stderr, env: {} }).then(() => ${report});`,
  );
  // The floor loads exceljs' streaming reader alone, as kor-check does since it stopped loading the whole package
  // (the package index also loads the workbook model and both writers, which would raise the floor).
  const floor = childRss(
    `const t0 = process.hrtime.bigint(); const WorkbookReader = require("exceljs/lib/stream/xlsx/workbook-reader"); (async () => { const r = new WorkbookReader(${JSON.stringify(file)}, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" }); for await (const ws of r) for await (const ev of ws.parse()) for (const e of ev) if (e.eventType === "row") e.value.values; ${report}; })();`,
  );
  const item = (JSON.parse(cli.out) as { year: number; rows: number; countable: number }[])[0];
  const ratio = cli.maxRssMb / floor.maxRssMb;
  console.log(
    `      kor-check on it: ${(cli.ms / 1000).toFixed(1)} s, maxRSS ${cli.maxRssMb.toFixed(0)} MB (year ${item.year}, ${item.rows.toLocaleString("en")} rows read); ` +
      `exceljs read alone: ${(floor.ms / 1000).toFixed(1)} s, maxRSS ${floor.maxRssMb.toFixed(0)} MB; ` +
      `memory ratio ${ratio.toFixed(2)}× (target ≤ 1.2×: ${ratio <= 1.2 ? "met" : "NOT met"})`,
  );
}

export async function benchBulk(): Promise<void> {
  console.log("Bulk checks (all sheets in the pane, kor-check):");
  await benchPane();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kor-bench-"));
  try {
    await benchCli(dir);
    await benchMemory(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node -r ts-node/register/transpile-only bench/bulk.ts memory`: only (c). */
async function benchMemoryOnly(): Promise<void> {
  console.log("kor-check peak memory:");
  const dir = mkdtempSync(path.join(os.tmpdir(), "kor-bench-"));
  try {
    await benchMemory(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (process.argv.includes("memory") ? benchMemoryOnly() : benchBulk()).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
