/** The compiled kor-check (dist/cli/kor-check.js, built by `npm run build`, which `npm test` runs first). */
import { execFileSync, spawn, spawnSync } from "child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { CROSSING_2025, tempDir, writeText, writeXlsx } from "./fixtures";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "dist", "cli", "kor-check.js");

beforeAll(() => {
  // Running this file alone (npx jest test/cli) builds the CLI if no build is there yet.
  if (!existsSync(bin)) execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
}, 120_000);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

it("is an executable with a shebang that checks files and exits 1 when one cannot be read", async () => {
  expect(statSync(bin).mode & 0o111).not.toBe(0);
  const good = await writeXlsx(path.join(tmp.dir, "goed.xlsx"), { Facturen: CROSSING_2025 });
  const bad = writeText(path.join(tmp.dir, "kapot.xlsx"), "nope");
  const r = spawnSync(bin, [good, bad, "--format", "json", "--lang", "en"], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
  expect(r.status).toBe(1);
  const items = JSON.parse(r.stdout) as { file: string; crossing: unknown; error: string | null }[];
  expect(items[0]).toMatchObject({ file: good, crossing: { date: "2025-09-16", row: 4, amount: 500 }, error: null });
  expect(items[1].error).toMatch(/not a valid \.xlsx file/);
  expect(r.stderr).toContain("kapot.xlsx");
});

it("exits 2 for wrong usage and 0 for --help", () => {
  expect(spawnSync(process.execPath, [bin, "--format", "pdf", "x.xlsx"], { encoding: "utf8" }).status).toBe(2);
  const help = spawnSync(process.execPath, [bin, "--help", "--lang", "nl"], { encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("kor-check [opties]");
});

it("checks files in worker threads from the built CLI (--jobs 2), in file order, as JSON lines", async () => {
  const a = await writeXlsx(path.join(tmp.dir, "a.xlsx"), { Facturen: CROSSING_2025 });
  const b = writeText(path.join(tmp.dir, "b.xlsx"), "nope");
  const c = await writeXlsx(path.join(tmp.dir, "c.xlsx"), { Facturen: CROSSING_2025 });
  const r = spawnSync(bin, [tmp.dir, "--jobs", "2", "--format", "jsonl", "--lang", "en"], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
  expect(r.status).toBe(1);
  const items = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; error: string | null });
  expect(items.map((i) => [i.file, i.error === null])).toEqual([
    [a, true],
    [b, false],
    [c, true],
  ]);
}, 120_000);

it("starts its workers when node itself was given options a worker thread refuses (node --expose-gc --stack-trace-limit=50)", async () => {
  // Node refuses these in a worker's own options; they hold for the whole process anyway. Before, the run
  // ended at once with Node's ERR_WORKER_INVALID_EXEC_ARGV and a stack trace.
  const a = await writeXlsx(path.join(tmp.dir, "a.xlsx"), { Facturen: CROSSING_2025 });
  const b = await writeXlsx(path.join(tmp.dir, "b.xlsx"), { Facturen: CROSSING_2025 });
  const r = spawnSync(process.execPath, ["--expose-gc", "--stack-trace-limit=50", "--enable-source-maps", bin, tmp.dir, "--jobs", "2", "--format", "jsonl", "--lang", "en"], {
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
  });
  expect(r.stderr).not.toContain("ERR_WORKER_INVALID_EXEC_ARGV");
  expect(r.status).toBe(0);
  const items = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; error: string | null });
  expect(items.map((i) => [i.file, i.error])).toEqual([
    [a, null],
    [b, null],
  ]);
}, 120_000);

it("exits quietly when the reader of its output goes away (kor-check … | head -1): no EPIPE stack trace", async () => {
  const file = await writeXlsx(path.join(tmp.dir, "a.xlsx"), { Facturen: CROSSING_2025 });
  const r = spawnSync("/bin/sh", ["-c", `"${process.execPath}" "${bin}" --format json --lang en "${file}" "${file}" "${file}" | head -c 1`], { encoding: "utf8" });
  expect(r.stdout).toBe("[");
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
});

// Before 2 Dec 2026 output redirected to a full disk (kor-check … > rep.csv) ended in Node's stack trace of ENOSPC.
(existsSync("/dev/full") ? it : it.skip)("says so in words when its output cannot be written (kor-check … > rep.csv on a full disk), exit 1", async () => {
  const file = await writeXlsx(path.join(tmp.dir, "a.xlsx"), { Facturen: CROSSING_2025 });
  const second = await writeXlsx(path.join(tmp.dir, "b.xlsx"), { Facturen: CROSSING_2025 });
  for (const [lang, words] of [
    ["en", "kor-check: the output could not be written in full: the disk is full. What was written is incomplete; free some space and run the check again."],
    ["nl", "kor-check: de uitvoer kon niet volledig worden geschreven: de schijf is vol. Wat er staat is onvolledig; maak ruimte vrij en controleer opnieuw."],
  ] as const) {
    for (const jobs of ["1", "2"]) {
      const full = openSync("/dev/full", "w");
      try {
        const r = spawnSync(process.execPath, [bin, file, second, "--format", "csv", "--jobs", jobs, "--lang", lang], { encoding: "utf8", stdio: ["ignore", full, "pipe"] });
        expect(r.status).toBe(1);
        expect(r.stderr.trim()).toBe(words);
      } finally {
        closeSync(full);
      }
    }
  }
});

// Before 2 Dec 2026 Ctrl+C during a run with --out left the hidden temporary file (".rep.csv.<pid>.<time>.kor-check.tmp",
// with the clients' figures in it) in the output folder, one more per interrupted run.
(process.platform === "win32" ? it.skip : it)("removes its temporary --out file when stopped with Ctrl+C or SIGTERM, and leaves the earlier report as it was", async () => {
  const clients = path.join(tmp.dir, "klanten");
  mkdirSync(clients);
  for (let i = 0; i < 2_000; i++) writeText(path.join(clients, `klant-${String(i).padStart(4, "0")}.csv`), "Datum;Bedrag\n1-3-2026;100,00\n");
  const out = path.join(tmp.dir, "overzicht.csv");
  expect(spawnSync(process.execPath, [bin, path.join(clients, "klant-0000.csv"), "--out", out, "--lang", "nl"]).status).toBe(0);
  const before = readFileSync(out, "utf8");
  const leftovers = (): string[] => readdirSync(tmp.dir).filter((n) => n.endsWith(".kor-check.tmp"));
  for (const [signal, jobs] of [["SIGINT", "1"], ["SIGTERM", "2"]] as const) {
    const child = spawn(process.execPath, [bin, clients, "--out", out, "--jobs", jobs, "--lang", "nl"], { stdio: "ignore" });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
    // Wait until the run has its temporary file, then stop it.
    for (let waited = 0; leftovers().length === 0; waited += 10) {
      if (waited > 60_000) throw new Error("no temporary file appeared");
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill(signal);
    // The signal still ends the process as it would have (the shell shows 130 for Ctrl+C).
    expect(await ended).toBe(signal);
    expect(leftovers()).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(before);
  }
}, 120_000);
