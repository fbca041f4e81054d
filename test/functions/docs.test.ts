/** docs/functions.md documents every function and every category code (its table is generated from CATEGORIES). */
import * as fs from "fs";
import * as path from "path";
import { categoryTableMarkdown } from "../../src/functions/category-table";
import { FUNCTION_DOCS, functionTableMarkdown } from "../../src/functions/function-table";
import { CATEGORIES } from "../../src/rules/categories";
import nlTexts from "../../src/functions/functions-nl.json";

const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/functions.md"), "utf8");

describe("docs/functions.md", () => {
  it("contains the category table generated from CATEGORIES (regenerate it when the rules change)", () => {
    const m = /<!-- category-table:start[^>]*-->\n([\s\S]*?)\n<!-- category-table:end -->/.exec(doc);
    expect(m?.[1]).toBe(categoryTableMarkdown());
  });

  it.each(CATEGORIES.map((c) => c.code))("lists the category code %s", (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });

  it.each(Object.keys(nlTexts))("documents KOR.%s with an example formula", (id) => {
    expect(doc).toContain(`| \`KOR.${id}(`);
    expect(doc).toMatch(new RegExp("`=KOR\\." + id + "\\("));
  });
});

describe("README.md", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

  it("contains the same generated category table as docs/functions.md", () => {
    const m = /<!-- category-table:start[^>]*-->\n([\s\S]*?)\n<!-- category-table:end -->/.exec(readme);
    expect(m?.[1]).toBe(categoryTableMarkdown());
  });

  it("contains the functions table generated from src/functions/function-table.ts (the source help.html uses too)", () => {
    const m = /<!-- function-table:start[^>]*-->\n([\s\S]*?)\n<!-- function-table:end -->/.exec(readme);
    expect(m?.[1]).toBe(functionTableMarkdown());
  });

  it("has a table row, in English and Dutch, for exactly the functions Excel registers", () => {
    expect(FUNCTION_DOCS.map((f) => f.id).sort()).toEqual(Object.keys(nlTexts).sort());
    for (const f of FUNCTION_DOCS) {
      expect(f.example.en.startsWith(`=KOR.${f.id}(`)).toBe(true);
      expect(f.example.nl.startsWith(`=KOR.${f.id}(`)).toBe(true);
      expect(f.example.nl).not.toMatch(/DATE\(|,/); // a Dutch Excel separates arguments with ; and says DATUM
    }
  });

  it.each(Object.keys(nlTexts))("documents KOR.%s in the functions table with an example formula", (id) => {
    expect(readme).toContain(`| \`KOR.${id}(`);
    expect(readme).toMatch(new RegExp("`=KOR\\." + id + "\\("));
  });

  it.each(["file", "sheet", "year", "countable", "previousYear", "previousYearAssumed", "eligible", "crossing", "nextStart", "deadline", "problems"])(
    "documents the kor-check JSON field %s",
    (field) => {
      expect(readme).toContain(`| \`${field}\` |`);
    },
  );
});
