/**
 * The accepted category codes as a Markdown table for docs/functions.md, generated from CATEGORIES so the
 * documentation cannot drift from the rules (test/functions/docs.test.ts checks the file).
 * Regenerate: node -r ts-node/register/transpile-only -e 'console.log(require("./src/functions/category-table").categoryTableMarkdown())'
 */
import { CATEGORIES } from "../rules/categories";
import { KOR_LIMIT } from "../rules/text";

export function categoryTableMarkdown(): string {
  const lines = [
    `| code | also accepted (examples) | meaning | counts for the ${KOR_LIMIT.en} |`,
    "|---|---|---|---|",
    "| *(empty)* | — | no category: a KOR participant's invoices usually show no VAT | yes |",
  ];
  for (const c of CATEGORIES) {
    const aliases = c.aliases.slice(0, 4).map((a) => `\`${a}\``).join(", ");
    lines.push(`| \`${c.code}\` | ${aliases || "—"} | ${c.label.en} (${c.label.nl}) | ${c.countsNL ? "yes" : "**no**"} |`);
  }
  return lines.join("\n");
}
