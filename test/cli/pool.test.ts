/**
 * kor-check's worker pool (--jobs N): the same output as the single-thread path whatever order the workers
 * finish in, a file that exhausts its memory reported as that file's problem while the others are checked,
 * and --format jsonl. The workers run the TypeScript sources through ts-node here (pool.ts picks worker.ts
 * when there is no compiled worker.js beside it); binary.test.ts runs the built CLI.
 */
import * as path from "path";
import { mkdirSync } from "fs";
import type { CliIo } from "../../src/cli/main";
import { cgroupCpuLimit, defaultJobs, defaultMaxMemoryMb, largestFirst, runInPool, usableMemoryBytes, type TaskEnd } from "../../src/cli/pool";
import { dayFromIso } from "../../src/rules/dates";
import { CROSSING_2025, HEADER, WITHIN_2025, d, tempDir, writeText, writeXlsx, runCli, type Cell, type CliRun } from "./fixtures";
import { invoice, writeXaf, type GenFile } from "../support/xaf-generator";

const TODAY = dayFromIso("2026-11-27");
// Worker threads compile the sources with ts-node on a shared two-core machine: give them room.
jest.setTimeout(180_000);

const run = (args: string[], extra: Partial<CliIo> = {}): Promise<CliRun> => runCli(args, TODAY, extra);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

/** A folder with good workbooks, a broken one and a CSV, so the order has something to keep. */
async function folder(): Promise<string> {
  const dir = path.join(tmp.dir, "klanten");
  mkdirSync(dir, { recursive: true });
  await writeXlsx(path.join(dir, "a-bakker.xlsx"), { Facturen: CROSSING_2025, Leeg: [["x"]] });
  await writeXlsx(path.join(dir, "b-jansen.xlsx"), { "2025": WITHIN_2025, Tweede: CROSSING_2025 });
  writeText(path.join(dir, "c-kapot.xlsx"), "geen zip");
  writeText(path.join(dir, "d-de-vries.csv"), "Factuurdatum;Bedrag excl. btw\n1-3-2025;1.000,00\n");
  await writeXlsx(path.join(dir, "e-visser.xlsx"), { Facturen: WITHIN_2025 });
  return dir;
}

describe("kor-check --jobs", () => {
  it("gives the same JSON, in the same order, with a pool of workers as in one thread", async () => {
    const dir = await folder();
    const one = await run([dir, "--format", "json", "--lang", "en", "--jobs", "1"]);
    const pool = await run([dir, "--format", "json", "--lang", "en", "--jobs", "3"]);
    expect(pool.code).toBe(1); // c-kapot.xlsx is not read
    expect(pool.code).toBe(one.code);
    expect(pool.stdout).toBe(one.stdout);
    const items = JSON.parse(pool.stdout) as { file: string; sheet: string | null }[];
    expect(items.map((i) => `${path.basename(i.file)}/${i.sheet}`)).toEqual([
      "a-bakker.xlsx/Facturen",
      "b-jansen.xlsx/2025",
      "b-jansen.xlsx/Tweede",
      "d-de-vries.csv/d-de-vries",
      "e-visser.xlsx/Facturen",
      "c-kapot.xlsx/null",
    ]);
  });

  it("writes one JSON object per line with --format jsonl, each file's lines in file order", async () => {
    const dir = await folder();
    const r = await run([dir, "--format", "jsonl", "--lang", "en", "--jobs", "2"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    const items = lines.map((l) => JSON.parse(l) as { file: string; sheet: string | null; error: string | null; eligible: boolean | null });
    expect(items.map((i) => `${path.basename(i.file)}/${i.sheet}`)).toEqual([
      "a-bakker.xlsx/Facturen",
      "b-jansen.xlsx/2025",
      "b-jansen.xlsx/Tweede",
      "c-kapot.xlsx/null",
      "d-de-vries.csv/d-de-vries",
      "e-visser.xlsx/Facturen",
    ]);
    // The same objects as --format json.
    const json = JSON.parse((await run([dir, "--format", "json", "--lang", "en", "--jobs", "1"], { defaultJobs: 1 })).stdout) as unknown[];
    expect(new Set(items.map((i) => JSON.stringify(i)))).toEqual(new Set(json.map((i) => JSON.stringify(i))));
    expect(r.stderr).toContain("c-kapot.xlsx");
  });

  it("reads auditfiles in the workers too: one business's two years still checked as one, named by invoice", async () => {
    const dir = path.join(tmp.dir, "auditfiles");
    mkdirSync(dir, { recursive: true });
    // 2025: 12 × €1,500 = €18,000 (within); 2026: 14 × €1,500, the 14th (F2026-14, 20 December) takes it to €21,000.
    const year = (y: number, n: number): GenFile => ({
      fiscalYear: y,
      taxRegIdent: "NL001234567B01",
      companyName: "Bakkerij Test",
      customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }],
      journals: [{
        id: "VK", desc: "Verkoop", type: "S",
        txs: Array.from({ length: n }, (_, k) => invoice({
          nr: String(k + 1), date: k < 12 ? `${y}-${String(k + 1).padStart(2, "0")}-10` : `${y}-12-${k === 12 ? 15 : 20}`,
          ref: `F${y}-${k + 1}`, customer: "C1", parts: [{ acc: "8000", net: 150000, vat: { id: "H", perc: 21 } }],
        })),
      }],
    });
    writeText(path.join(dir, "a-2025.xaf"), writeXaf(year(2025, 12)));
    await writeXlsx(path.join(dir, "b-bakker.xlsx"), { Facturen: CROSSING_2025 });
    writeText(path.join(dir, "c-2026.xaf"), writeXaf(year(2026, 14)));
    writeText(path.join(dir, "d-kapot.xaf"), "<auditfile>");
    // The table is written from what the workers hand back (not from text written there): the business's
    // report, its crossing named by invoice, must cross to the main thread too.
    for (const format of ["table", "csv", "jsonl"]) {
      const one = await run([dir, "--format", format, "--lang", "en", "--jobs", "1"]);
      const pool = await run([dir, "--format", format, "--lang", "en", "--jobs", "2"]);
      expect({ format, code: pool.code, stdout: pool.stdout }).toEqual({ format, code: one.code, stdout: one.stdout });
    }
    const table = (await run([dir, "--lang", "en", "--jobs", "2"])).stdout;
    expect(table).toContain("entry F2026-14 of 20 December 2026");
    expect(table).toMatch(/a-2025\.xaf \+\s+\S*c-2026\.xaf › Bakkerij Test/);
    const one = await run([dir, "--format", "json", "--lang", "en", "--jobs", "1"]);
    const pool = await run([dir, "--format", "json", "--lang", "en", "--jobs", "2"]);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.code).toBe(one.code);
    const items = JSON.parse(pool.stdout) as { file: string; sheet: string | null; year?: number; previousYear?: number; crossing?: { reference?: string } | null }[];
    const business = items.find((i) => i.sheet === "Bakkerij Test (NL001234567B01)");
    expect(business?.file).toBe(`${path.join(dir, "a-2025.xaf")} + ${path.join(dir, "c-2026.xaf")}`);
    expect(business?.year).toBe(2026);
    expect(business?.previousYear).toBe(18000);
    expect(business?.crossing?.reference).toBe("entry F2026-14 of 20 December 2026");
    expect(items.some((i) => path.basename(i.file) === "d-kapot.xaf" && i.sheet === null)).toBe(true);
  });

  it("keeps path-then-sheet order when the largest file, last by name, is read first and finishes last", async () => {
    const dir = path.join(tmp.dir, "largest-last");
    mkdirSync(dir, { recursive: true });
    // z-groot.xlsx is by far the largest: the pool starts it first, so the small files before it by name
    // finish before it (out of file order) and must wait for nothing, and it must still come last.
    const big: Cell[][] = [HEADER];
    for (let i = 0; i < 3000; i++) big.push([d(`2025-${String(1 + (i % 12)).padStart(2, "0")}-15`), `Klant ${i}`, 7 + (i % 50), "21"]);
    await writeXlsx(path.join(dir, "z-groot.xlsx"), { "2025": big, Tweede: CROSSING_2025 });
    for (const name of ["a", "b", "c", "d", "e", "f"]) await writeXlsx(path.join(dir, `${name}-klein.xlsx`), { Facturen: name < "d" ? WITHIN_2025 : CROSSING_2025 });
    writeText(path.join(dir, "g-kapot.csv"), Buffer.from([0xff, 0xfe, 0x00]));
    for (const format of ["jsonl", "json", "csv", "table"]) {
      const one = await run([dir, "--format", format, "--lang", "en", "--jobs", "1"]);
      const pool = await run([dir, "--format", format, "--lang", "en", "--jobs", "2"]);
      expect({ format, code: pool.code, stdout: pool.stdout }).toEqual({ format, code: one.code, stdout: one.stdout });
    }
    const lines = (await run([dir, "--format", "jsonl", "--lang", "en", "--jobs", "2"])).stdout.trimEnd().split("\n");
    const order = lines.map((l) => JSON.parse(l) as { file: string; sheet: string | null }).map((i) => `${path.basename(i.file)}/${i.sheet}`);
    expect(order.slice(0, 6)).toEqual(["a-klein.xlsx/Facturen", "b-klein.xlsx/Facturen", "c-klein.xlsx/Facturen", "d-klein.xlsx/Facturen", "e-klein.xlsx/Facturen", "f-klein.xlsx/Facturen"]);
    expect(order.slice(-2)).toEqual(["z-groot.xlsx/2025", "z-groot.xlsx/Tweede"]);
  });

  it("refuses a --jobs that is not a whole number from 1", async () => {
    const r = await run(["x.xlsx", "--jobs", "0", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs "0": give the number of files read at the same time');
  });
});

describe("the pool's size in a container", () => {
  const GB = 1_073_741_824;
  const files = (contents: Record<string, string>) => (file: string): string | null => contents[file] ?? null;

  it("reads a container's CPU limit (cgroup v2 and v1), rounding a part core up, and none where there is none", () => {
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu.max": "200000 100000\n" }))).toBe(2);
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu.max": "150000 100000\n" }))).toBe(2);
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu.max": "50000 100000\n" }))).toBe(1);
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu.max": "max 100000\n" }))).toBeNull();
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "400000\n", "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n" }))).toBe(4);
    expect(cgroupCpuLimit(files({ "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1\n", "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n" }))).toBeNull();
    expect(cgroupCpuLimit(files({}))).toBeNull();
  });

  it("starts no more workers than the container's cores, and gives them the container's memory, not the host's", () => {
    // Before 2 Dec 2026 a container limited to 1 core and 4 GB on a big host started a worker per host core, each
    // allowed up to 4096 MB: the kernel then ended the whole run instead of the one file that needed too much.
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(null)).toBeGreaterThanOrEqual(1);
    expect(defaultJobs(10_000)).toBe(defaultJobs(null));
    expect(usableMemoryBytes(64 * GB, 4 * GB)).toBe(4 * GB);
    expect(usableMemoryBytes(64 * GB, 0)).toBe(64 * GB); // no limit
    expect(usableMemoryBytes(64 * GB, 2 ** 64)).toBe(64 * GB); // no limit, as Node 20 reports it under cgroup v1
    expect(defaultMaxMemoryMb(2, usableMemoryBytes(64 * GB, 4 * GB))).toBe(1228);
    expect(defaultMaxMemoryMb(2, usableMemoryBytes(64 * GB, 2 ** 64))).toBe(4096);
  });
});

describe("the pool", () => {
  it("starts the largest tasks first, within windows when asked, equal sizes in task order", () => {
    expect(largestFirst([5, 9, 1, 9, 7])).toEqual([1, 3, 4, 0, 2]);
    expect(largestFirst([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([2, 1, 0, 5, 4, 3, 6]);
    expect(largestFirst([])).toEqual([]);
    expect(largestFirst([4, 4, 4], 2)).toEqual([0, 1, 2]);
  });

  it("starts tasks in the order given and reports each under its own index", async () => {
    const started: number[] = [];
    const ended = new Map<number, string>();
    await runInPool<string, string>(
      ["a", "b", "c", "d"],
      { jobs: 1, maxMemoryMb: 64, timeoutMs: 15_000, workerFile: path.join(__dirname, "pool-worker.js"), order: () => [3, 1, 0, 2] },
      { started: (i) => started.push(i), ended: (i, end) => ended.set(i, end.ok ? end.value : end.why) },
    );
    expect(started).toEqual([3, 1, 0, 2]);
    expect([...ended.entries()].sort((x, y) => x[0] - y[0])).toEqual([[0, "A"], [1, "B"], [2, "C"], [3, "D"]]);
  });

  it("ends a task that exhausts its memory or its time as that task's failure and runs the others", async () => {
    const tasks = ["a", "oom", "b", "slow", "throws", "c"];
    const ends = new Map<number, TaskEnd<string>>();
    const started: number[] = [];
    await runInPool<string, string>(
      tasks,
      { jobs: 2, maxMemoryMb: 64, timeoutMs: 15_000, workerFile: path.join(__dirname, "pool-worker.js") },
      { started: (i) => started.push(i), ended: (i, end) => ends.set(i, end) },
    );
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    const summary = tasks.map((_, i) => {
      const e = ends.get(i);
      return e === undefined ? "missing" : e.ok ? e.value : e.why;
    });
    expect(summary).toEqual(["A", "memory", "B", "time", "crash", "C"]);
  });

  it("gives each task its own time limit when asked (a business's auditfiles: --timeout for each file)", async () => {
    const ends = new Map<number, string>();
    // Both take 2 s: the first may take 1 s, the second (a task of ten files, say) 10 s, room for a busy CI machine.
    await runInPool<string, string>(
      ["2s", "2s"],
      { jobs: 2, maxMemoryMb: 64, timeoutMs: (i) => (i === 0 ? 1_000 : 10_000), workerFile: path.join(__dirname, "pool-worker.js") },
      { started: () => undefined, ended: (i, end) => ends.set(i, end.ok ? end.value : end.why) },
    );
    expect([...ends.entries()].sort((x, y) => x[0] - y[0])).toEqual([[0, "time"], [1, "2S"]]);
  });
});
