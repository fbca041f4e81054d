/**
 * The answer first, at Excel's pane size (350 × 620 px), in Dutch and English: for the sample, a crossed
 * file, an under-the-limit file and a file with row errors, the verdict, the action and the date are
 * visible without scrolling; rows with errors are stated where the totals are ("niet meegeteld"); no "€"
 * ends a line; no element is wider than the pane.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT, saveArtifact, startE2E, type E2E } from "./support/browser";
import { readTable } from "../../src/reading/headers";
import { parseCsv } from "../../src/reading/csv";
import { summarizeYear } from "../../src/rules/summary";
import { todayInNetherlands } from "../../src/rules/dates";
import { adviceOf } from "../../src/rules/advice";
import { sampleValues } from "../../src/taskpane/browser/sample";
import type { Lang } from "../../src/i18n/types";

jest.setTimeout(180_000);

const PANE = { width: 350, height: 620 };
const HEADER = "Factuurdatum;Bedrag excl. btw;Categorie";
const FILES: Record<string, string> = {
  crossed: [HEADER, "10-1-2026;15.000,00;21%", "12-11-2026;6.000,00;21%"].join("\n"),
  under: [HEADER, "10-1-2026;10.000,00;21%", "3-6-2026;7.180,00;9%"].join("\n"),
  errors: [HEADER, "10-1-2026;10.000,00;21%", "32-13-2026;720,00;21%", "5-5-2026;twaalf;21%", ";;", "3-6-2026;2.000,00;21%"].join("\n"),
};

/** Normalises the non-breaking spaces the pane puts between "€" and the number. */
const plain = (s: string): string => s.replace(/\u00a0/g, " ");

function expectedAdvice(values: unknown[][]): ReturnType<typeof adviceOf> {
  const t = readTable(values);
  const s = summarizeYear(t.rows, { today: todayInNetherlands(), problems: t.problems });
  return adviceOf(s);
}

async function visibleWithoutScrolling(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  const box = await el.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(PANE.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PANE.width);
  return plain(await el.innerText());
}

/** Every "€" followed by its number on the same line, and nothing wider than the pane. */
async function layoutProblems(page: Page): Promise<{ euroAtLineEnd: string[]; tooWide: string[]; scrollWidth: number }> {
  return page.evaluate(() => {
    const euroAtLineEnd: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      for (let i = text.indexOf("€"); i !== -1; i = text.indexOf("€", i + 1)) {
        const j = text.slice(i + 1).search(/\S/);
        if (j === -1) {
          // "€" as the adornment before an amount input is not text that can break.
          if (text.trim() === "€" && n.parentElement?.closest(".fui-Input") != null) continue;
          euroAtLineEnd.push(text.slice(Math.max(0, i - 20), i + 1));
          continue;
        }
        const a = document.createRange();
        a.setStart(n, i);
        a.setEnd(n, i + 1);
        const b = document.createRange();
        b.setStart(n, i + 1 + j);
        b.setEnd(n, i + 2 + j);
        const ra = a.getClientRects()[0];
        const rb = b.getClientRects()[0];
        if (ra && rb && Math.abs(ra.top - rb.top) > 2) euroAtLineEnd.push(text.slice(Math.max(0, i - 20), i + 12));
      }
    }
    const tooWide: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5) tooWide.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ")[0]} right=${Math.round(r.right)} "${(el.textContent ?? "").slice(0, 30)}"`);
    }
    return { euroAtLineEnd, tooWide, scrollWidth: document.documentElement.scrollWidth };
  });
}

describe("the verdict card at 350 × 620 px", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function open(lang: Lang, file: keyof typeof FILES | "sample"): Promise<Page> {
    const page = await e2e.newPage({ officeStub: "", locale: lang === "nl" ? "nl-NL" : "en-US", viewport: PANE });
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    if (file !== "sample") {
      await page.getByTestId("file-input").setInputFiles({ name: `${file}.csv`, mimeType: "text/csv", buffer: Buffer.from(FILES[file]) });
      await page.getByTestId("source").filter({ hasText: `${file}.csv` }).waitFor({ timeout: 30_000 });
    }
    return page;
  }

  const cases: [Lang, keyof typeof FILES | "sample"][] = [];
  for (const lang of ["nl", "en"] as const) for (const file of ["sample", "crossed", "under", "errors"] as const) cases.push([lang, file]);

  it.each(cases)("%s, %s: finding, action and date visible without scrolling; no € at a line end; nothing wider than the pane", async (lang, file) => {
    const page = await open(lang, file);
    const shot = await page.screenshot();
    saveArtifact(`verdict-${file}-${lang}.png`, shot);
    if (process.env.KOR_UPDATE_SCREENSHOTS) {
      fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
      fs.writeFileSync(path.join(ROOT, "docs", "screenshots", `pane-verdict-${file}-${lang}.png`), shot);
    }
    const values = file === "sample" ? sampleValues() : parseCsv(FILES[file]);
    const advice = expectedAdvice(values);
    expect(await visibleWithoutScrolling(page, "headline")).toBe(plain(advice.finding[lang]));
    expect(await visibleWithoutScrolling(page, "action")).toBe(plain(advice.action![lang]));
    expect(await visibleWithoutScrolling(page, "due")).toBe(plain(advice.dueText![lang]));
    if (file === "errors") {
      const line = await visibleWithoutScrolling(page, "not-counted-rows");
      expect(line).toContain(lang === "nl" ? "2 rijen met fouten niet meegeteld (€ 720,00 en 1 onleesbaar bedrag)" : "2 rows with errors not counted (€720.00 and 1 unreadable amount)");
      expect(await visibleWithoutScrolling(page, "provisional")).toContain(lang === "nl" ? "Voorlopig" : "Provisional");
      expect(plain(await page.getByTestId("rows-balance").innerText())).toContain(lang === "nl" ? "5 rijen in het blad: 2 gelezen, 2 met fouten, 1 overgeslagen" : "5 rows in the sheet: 2 read, 2 with errors, 1 skipped");
    }
    if (file === "crossed") expect(advice.action!.nl).toContain("Meld u dan direct af; beëindigingsdatum 12 november 2026");
    if (file === "under") expect(advice.finding.nl).toContain("Tot nu toe onder de omzetgrens");
    // The tabs fit on one line.
    const tabTops = await page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(new Set(tabTops).size).toBe(1);
    // Open every fold so the whole report is checked, then look at the layout.
    await page.getByTestId("settings-toggle").click();
    const problems = await layoutProblems(page);
    expect(problems.euroAtLineEnd).toEqual([]);
    expect(problems.tooWide).toEqual([]);
    expect(problems.scrollWidth).toBeLessThanOrEqual(PANE.width);
    await page.getByTestId("settings-toggle").click();
    await page.context().close();
  });

  /** Catches what "Cijfers kopiëren" puts on the clipboard. */
  async function copied(page: Page): Promise<string> {
    await page.evaluate(() => {
      const w = window as unknown as { __copied: string | null };
      w.__copied = null;
      Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: (text: string) => ((w.__copied = text), Promise.resolve()) } });
    });
    await page.getByTestId("copy-figures").click();
    await page.waitForFunction(() => (window as unknown as { __copied: string | null }).__copied !== null);
    return page.evaluate(() => (window as unknown as { __copied: string }).__copied);
  }

  it("'Cijfers kopiëren' in the year report and the decision view; 'Alle bladen' outside Excel says why and leads to 'Jaar'", async () => {
    const page = await open("nl", "sample");
    const advice = expectedAdvice(sampleValues());
    const year = await copied(page);
    expect(year).toContain(advice.finding.nl);
    expect(year).toContain("Omzet in de hele EU"); // the EU-KOR figures too

    await page.locator("#tab-decision").click();
    await page.getByTestId("decision").waitFor();
    const decision = await copied(page);
    expect(decision).toMatch(/^KOR-overzicht — /);
    expect(decision).toContain("Effect van meedoen per jaar");
    await expect(page.getByTestId("print").isVisible()).resolves.toBe(true);

    await page.locator("#tab-all-sheets").click();
    const note = page.getByTestId("excel-only");
    await expect(note.innerText()).resolves.toContain("Alle bladen leest elk blad van een werkmap, en hier is nog geen werkmap geopend.");
    await note.getByRole("button").click();
    await page.getByTestId("headline").waitFor();
    await page.context().close();
  });

  it("one click on a warning's choice changes the verdict: 'vrijgesteld' as real estate counts, and each unknown code has its own choice", async () => {
    const page = await e2e.newPage({ officeStub: "", locale: "nl-NL", viewport: PANE });
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    const csv = [HEADER, "10-1-2026;15.000,00;21%", "3-6-2026;6.000,00;vrijgesteld", "4-6-2026;100,00;VV", "5-6-2026;100,00;HH"].join("\n");
    await page.getByTestId("file-input").setInputFiles({ name: "keuze.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("source").filter({ hasText: "keuze.csv" }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("headline").innerText()).resolves.toContain("Tot nu toe onder de omzetgrens");
    // Every unknown code of the one warning has its own choice; the fold-out's select offers every category.
    await expect(page.getByTestId("warning-cell").allInnerTexts()).resolves.toEqual([
      "Rij 3, kolom C (Categorie): 'vrijgesteld'",
      "Rij 4, kolom C (Categorie): 'VV'",
      "Rij 5, kolom C (Categorie): 'HH'",
    ]);
    await page.getByTestId("fix-vrij-og").click();
    await page.getByTestId("headline").filter({ hasText: "Omzetgrens overschreden op 3 juni 2026" }).waitFor();
    await page.getByTestId("fix-other").first().selectOption("21");
    await page.getByTestId("fix-other").first().selectOption("21");
    await expect(page.getByTestId("warning-fix").count()).resolves.toBe(0);
    await expect(page.getByTestId("provisional").count()).resolves.toBe(0); // nothing left out: no longer provisional
    await page.context().close();
  });

  it.each(["nl", "en"] as const)("%s: prints (or saves as PDF) the verdict and the figures without a single button", async (lang) => {
    const page = await open(lang, "crossed");
    await expect(page.getByTestId("print").innerText()).resolves.toBe(lang === "nl" ? "Afdrukken / PDF" : "Print / PDF");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("verdict-card").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("countable").isVisible()).resolves.toBe(true);
    const visibleControls = await page.evaluate(() =>
      Array.from(document.querySelectorAll("button, input, select, [role='tab']")).filter((el) => el.getBoundingClientRect().height > 0).map((el) => el.textContent),
    );
    expect(visibleControls).toEqual([]);
    saveArtifact(`print-${lang}.pdf`, await page.pdf({ width: "210mm", height: "297mm" }));
    await page.context().close();
  });
});
