/**
 * help.html is generated from the sources of the README's tables (src/functions/function-table.ts and the
 * category codes of src/rules/categories.ts): it must list the same functions, examples and codes, in Dutch and
 * English, and its inline script and style must be the ones its Content-Security-Policy allows.
 */
import { createHash } from "crypto";
import { helpPageHtml } from "../../src/help/page";
import { FUNCTION_DOCS } from "../../src/functions/function-table";
import { CATEGORIES } from "../../src/rules/categories";
import nlTexts from "../../src/functions/functions-nl.json";

const html = helpPageHtml((text) => createHash("sha256").update(text, "utf8").digest("base64"));
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function section(lang: "nl" | "en"): string {
  const m = new RegExp(`<section id="${lang}" lang="${lang}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no ${lang} section`);
  return m[0];
}

describe("help.html", () => {
  it.each(["nl", "en"] as const)("has a %s section with every function of Excel's metadata and its example", (lang) => {
    const s = section(lang);
    expect(FUNCTION_DOCS.map((f) => f.id).sort()).toEqual(Object.keys(nlTexts).sort());
    for (const f of FUNCTION_DOCS) {
      expect(s).toContain(`<code>KOR.${f.id}(${esc(f.signature)})</code>`);
      expect(s).toContain(`<code>${esc(f.example[lang])}</code>`);
    }
  });

  it.each(["nl", "en"] as const)("lists every category code in the %s section, with whether it counts", (lang) => {
    const s = section(lang);
    for (const c of CATEGORIES) {
      const row = new RegExp(`<tr><th scope="row"><code>${c.code}</code></th>.*?</tr>`).exec(s)?.[0] ?? "";
      expect(row).toContain(esc(c.label[lang]));
      expect(row).toContain(c.countsNL ? (lang === "nl" ? ">ja<" : ">yes<") : lang === "nl" ? "<strong>nee</strong>" : "<strong>no</strong>");
    }
  });

  it("explains the panel, kor-check and privacy in both languages", () => {
    expect(section("nl")).toMatch(/Het KOR-paneel[\s\S]*kor-check[\s\S]*Privacy[\s\S]*geen telemetrie/);
    expect(section("en")).toMatch(/The KOR panel[\s\S]*kor-check[\s\S]*Privacy[\s\S]*no telemetry/);
  });

  it("allows exactly its own inline script and style in its Content-Security-Policy, and nothing from outside", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toMatch(/^default-src 'none'/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });
});
