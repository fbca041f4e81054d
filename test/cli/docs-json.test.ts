/** docs/cli.md's JSON example has the fields kor-check writes, in its order, so a firm can build on it. */
import { readFileSync } from "fs";
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { CROSSING_2025, runCli, tempDir, writeText, writeXlsx } from "./fixtures";

const TODAY = dayFromIso("2026-11-27");

describe("docs/cli.md JSON example", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("names every field of a checked sheet and of a file not read, in the order written", async () => {
    const doc = readFileSync(path.join(__dirname, "../../docs/cli.md"), "utf8");
    const block = /## JSON output[\s\S]*?```json\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const example = JSON.parse(block![1].replace(/…/g, "...")) as Record<string, unknown>[];
    const good = await writeXlsx(path.join(tmp.dir, "bakker.xlsx"), { "2025": CROSSING_2025 });
    const broken = writeText(path.join(tmp.dir, "kapot.xlsx"), "no workbook");
    const run = await runCli([good, broken, "--format", "json", "--jobs", "1"], TODAY);
    const real = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(real.map((o) => Object.keys(o))).toEqual(example.map((o) => Object.keys(o)));
    expect(Object.keys(real[0].crossing as object)).toEqual(Object.keys(example[0].crossing as object));
  });
});
