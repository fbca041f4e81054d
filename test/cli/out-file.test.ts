/** The --out file: its temporary file tracked for Ctrl+C from the moment it exists; a full disk said as such. */
import * as fs from "fs";
import * as path from "path";
import { openOut, writeOut } from "../../src/cli/outFile";
import { dayFromIso } from "../../src/rules/dates";
import { runCli, tempDir, writeText } from "./fixtures";

// fs's own properties cannot be spied on; a copy of the module with openSync and writeFile wrapped can.
jest.mock("fs", () => {
  const real = jest.requireActual<typeof import("fs")>("fs");
  return { ...real, openSync: jest.fn(real.openSync), writeFile: jest.fn(real.writeFile) };
});
const realFs = jest.requireActual<typeof import("fs")>("fs");
const openSync = fs.openSync as jest.MockedFunction<typeof fs.openSync>;
const realOpenSync = realFs.openSync;
const writeFile = fs.writeFile as unknown as jest.Mock;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  openSync.mockImplementation(realOpenSync);
  writeFile.mockImplementation(realFs.writeFile);
  tmp.cleanup();
});

const temporaries = (): string[] => fs.readdirSync(tmp.dir).filter((n) => n.endsWith(".kor-check.tmp"));

// In CI a Ctrl+C that came just after the temporary file appeared ended the run with the file (the clients'
// figures) left in the output folder: the file was created by an asynchronous open and only then tracked.
it("has its Ctrl+C and SIGTERM listeners in place before the temporary file is created", async () => {
  const before = { int: process.listenerCount("SIGINT"), term: process.listenerCount("SIGTERM") };
  const seen: { int: number; term: number; existed: boolean }[] = [];
  openSync.mockImplementation((file, flags, mode) => {
    seen.push({ int: process.listenerCount("SIGINT"), term: process.listenerCount("SIGTERM"), existed: fs.existsSync(file) });
    return realOpenSync(file, flags, mode);
  });
  const out = path.join(tmp.dir, "overzicht.csv");
  const file = await openOut(out);
  expect(seen).toEqual([{ int: before.int + 1, term: before.term + 1, existed: false }]);
  expect(temporaries()).toHaveLength(1);
  await file.write("a;b\r\n");
  await file.write("1;2\r\n");
  await file.commit();
  expect(fs.readFileSync(out, "utf8")).toBe("a;b\r\n1;2\r\n");
  expect(temporaries()).toEqual([]);
  expect(process.listenerCount("SIGINT")).toBe(before.int);
  expect(process.listenerCount("SIGTERM")).toBe(before.term);
});

it("writes the whole of a large report, and a refused temporary name leaves no listener behind", async () => {
  const out = path.join(tmp.dir, "groot.csv");
  const text = "x".repeat(5_000_000) + "\r\n";
  await writeOut(out, text);
  expect(fs.statSync(out).size).toBe(text.length);
  const listeners = process.listenerCount("SIGINT");
  // Something already has the temporary file's name (a planted link, say): refused, and nothing is left listening.
  jest.spyOn(Date, "now").mockReturnValue(1_796_222_862_982);
  const planted = path.join(tmp.dir, `.groot.csv.${process.pid}.1796222862982.kor-check.tmp`);
  fs.symlinkSync(out, planted);
  await expect(writeOut(out, "y")).rejects.toThrow(/EEXIST/);
  fs.rmSync(planted);
  expect(process.listenerCount("SIGINT")).toBe(listeners);
  expect(fs.readFileSync(out, "utf8")).toBe(text);
});

describe("a disk that fills up while kor-check writes --out", () => {
  const TODAY = dayFromIso("2026-11-27");
  /** Writes to a descriptor (the report's pieces) succeed `room` times, then fail as a full disk does. */
  function diskFullAfter(room: number): { pieces: () => number } {
    let pieces = 0;
    writeFile.mockImplementation((...args: unknown[]) => {
      const callback = args[args.length - 1] as (e: NodeJS.ErrnoException | null) => void;
      if (typeof args[0] !== "number") return (realFs.writeFile as unknown as (...a: unknown[]) => void)(...args);
      pieces++;
      if (pieces > room) {
        setImmediate(() => callback(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" })));
        return undefined;
      }
      return (realFs.writeFile as unknown as (...a: unknown[]) => void)(...args);
    });
    return { pieces: () => pieces };
  }

  // Before 2 Dec 2026 a full disk during a streamed report (--format csv, json, jsonl) ended the run with Node's
  // stack trace of an unhandled ENOSPC and left the hidden temporary file, with part of the clients' figures, in the
  // folder; the table format said "could not be read".
  it.each(["csv", "jsonl", "json", "table"])("--format %s: says the disk is full, keeps the earlier report and leaves no temporary file", async (format) => {
    const clients = path.join(tmp.dir, "klanten");
    fs.mkdirSync(clients);
    for (let i = 0; i < 20; i++) writeText(path.join(clients, `klant-${String(i).padStart(2, "0")}.csv`), "Datum;Bedrag\n1-3-2026;100,00\n");
    const out = path.join(tmp.dir, `overzicht.${format}`);
    expect((await runCli([path.join(clients, "klant-00.csv"), "--format", format, "--out", out, "--lang", "nl"], TODAY)).code).toBe(0);
    const before = fs.readFileSync(out, "utf8");
    const disk = diskFullAfter(format === "table" ? 0 : 3);
    const r = await runCli([clients, "--format", format, "--out", out, "--lang", "en"], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`kor-check: ${out}: the disk is full; the report was not written (an earlier report of this name is left as it was). Free some space or choose another folder.`);
    expect(r.stderr).not.toContain("could not be read");
    // Nothing is written after the first piece that failed: a piece written once space was free would leave a hole.
    expect(disk.pieces()).toBe(format === "table" ? 1 : 4);
    expect(fs.readFileSync(out, "utf8")).toBe(before);
    expect(temporaries()).toEqual([]);
  });

  it("says a folder it may not write in is not writable, in Dutch too, not that something could not be read", async () => {
    const file = writeText(path.join(tmp.dir, "klant.csv"), "Datum;Bedrag\n1-3-2026;100,00\n");
    openSync.mockImplementation(() => {
      throw Object.assign(new Error("EROFS: read-only file system, open"), { code: "EROFS" });
    });
    const r = await runCli([file, "--out", path.join(tmp.dir, "overzicht.csv"), "--lang", "nl"], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("geen toestemming om in deze map te schrijven; het rapport is niet geschreven (een eerder rapport met deze naam is ongewijzigd). Kies een andere map.");
    expect(r.stderr).not.toContain("kon niet worden gelezen");
  });
});
