/**
 * One set of terms everywhere (issue 16): the pane, the report and overview sheets, kor-check, the functions'
 * output and help, and the user's documentation say "omzet die meetelt" / "turnover that counts",
 * "omzetgrens" / "turnover limit" and "beëindigingsdatum"; the older words must not come back. Function names
 * (KOR.COUNTABLE) and code identifiers are not user text and are not checked.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/** Every file of the user-visible catalogue, with code comments removed where they are not help text. */
function catalogue(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|json)$/.test(entry.name)) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, "utf8") });
    }
  };
  walk(path.join(ROOT, "src"));
  for (const doc of ["README.md", "docs/functions.md", "docs/cli.md", "docs/decision.md"]) out.push({ file: doc, text: fs.readFileSync(path.join(ROOT, doc), "utf8") });
  return out.map(({ file, text }) =>
    // The JSDoc of src/functions/functions.ts is the functions' help in Excel: keep it. Elsewhere comments are for developers.
    file.endsWith(".ts") || file.endsWith(".tsx")
      ? { file, text: file === path.join("src", "functions", "functions.ts") ? text : withoutComments(text) }
      : { file, text },
  );
}

function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/\s\/\/\s.*$/gm, "");
}

const OLD_TERMS: { term: RegExp; use: string }[] = [
  { term: /telbare omzet/i, use: "omzet die meetelt" },
  { term: /countable turnover/i, use: "turnover that counts" },
  { term: /\beinddatum\b/i, use: "beëindigingsdatum" },
  { term: /\bdrempel/i, use: "omzetgrens" },
  { term: /KOR-grens/, use: "omzetgrens" },
  { term: /(?<!omzet)grens overschreden/i, use: "omzetgrens overschreden" },
  { term: /(?<!Union )threshold (was )?(crossed|exceeded)/i, use: "turnover limit crossed" },
  { term: /\bKOR (threshold|limit)\b/, use: "turnover limit" },
];

describe("one set of terms in everything a user reads", () => {
  const files = catalogue();

  it("reads the whole catalogue (pane, sheets, kor-check, functions and their help, docs)", () => {
    const names = files.map((f) => f.file);
    for (const f of ["src/taskpane/strings.ts", "src/functions/strings.ts", "src/functions/functions-nl.json", "src/functions/functions.ts", "src/cli/strings.ts", "src/bulk/strings.ts", "src/rules/eligibility.ts", "docs/functions.md"]) {
      expect(names).toContain(path.normalize(f));
    }
  });

  it.each(OLD_TERMS.map((o) => [String(o.term), o] as const))("has no %s", (_name, { term, use }) => {
    const hits = files.flatMap(({ file, text }) =>
      text
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => term.test(line))
        .map(({ line, i }) => `${file}:${i + 1}: ${line.trim().slice(0, 120)} (say "${use}")`),
    );
    expect(hits).toEqual([]);
  });
});
