/** The temporary file behind --out: tracked for Ctrl+C from the moment it exists. */
import * as fs from "fs";
import * as path from "path";
import { openOut, writeOut } from "../../src/cli/outFile";
import { tempDir } from "./fixtures";

// fs's own properties cannot be spied on; a copy of the module with openSync wrapped can.
jest.mock("fs", () => {
  const real = jest.requireActual<typeof import("fs")>("fs");
  return { ...real, openSync: jest.fn(real.openSync) };
});
const openSync = fs.openSync as jest.MockedFunction<typeof fs.openSync>;
const realOpenSync = jest.requireActual<typeof import("fs")>("fs").openSync;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  openSync.mockImplementation(realOpenSync);
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
