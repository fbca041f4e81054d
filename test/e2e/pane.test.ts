/**
 * The task pane end to end in Debian Chromium, in browser mode (no Excel): the bundled sample workbook,
 * an .xlsx and a .csv opened by the user, the language switch, following a warning by keyboard. Expected
 * values come from the rules module run over the same rows. No request may leave localhost, the page's
 * Content-Security-Policy must hold without violations, and sheet text must stay text.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { ROOT, saveArtifact, startE2E, type E2E } from "./support/browser";
import { readTable } from "../../src/reading/headers";
import { summarizeYear } from "../../src/rules/summary";
import { formatDay, todayInNetherlands } from "../../src/rules/dates";
import { formatEuros } from "../../src/rules/money";
import { sampleValues } from "../../src/taskpane/browser/sample";
import type { YearSummary } from "../../src/rules/summary-types";
import { invoice, writeXaf } from "../support/xaf-generator";

/** The pane keeps "€" and the number together with a non-breaking space; compare as plain text. */
const plain = (s: string): string => s.replace(/\u00a0/g, " ");

jest.setTimeout(120_000);

const NO_OFFICE = ""; // Office.js answered by an empty script: `Office` is undefined, as in a plain browser
const OFFICE_HOST_NULL = "window.Office = { onReady: function (cb) { var i = { host: null, platform: null }; if (cb) cb(i); return Promise.resolve(i); }, HostType: { Excel: 'Excel' } };";
const EVIL = "<img src=x onerror=alert(1)>";

/** Records CSP violations and alert() calls before any page script runs. */
const WATCH = `
  window.__csp = []; window.__alerts = 0;
  document.addEventListener("securitypolicyviolation", function (e) { window.__csp.push(e.violatedDirective + " " + e.blockedURI); });
  window.alert = function () { window.__alerts++; };
`;

interface Watched {
  page: Page;
  errors: string[];
  console: string[];
}

function expectedFor(values: unknown[][], year?: number): YearSummary {
  const t = readTable(values);
  // Without a year, the pane's default: the summary's (defaultDataYear, the latest year not after today's).
  return summarizeYear(t.rows, { today: todayInNetherlands(), year: year ?? null, problems: t.problems });
}

describe("the task pane in a browser (no Excel)", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function open(stub: string, locale = "en-US"): Promise<Watched> {
    const page = await e2e.newPage({ officeStub: stub, locale });
    const errors: string[] = [];
    const consoleLines: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    await page.addInitScript(WATCH);
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 30_000 });
    return { page, errors, console: consoleLines };
  }

  async function assertClean(w: Watched): Promise<void> {
    expect(await w.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(w.console.filter((l) => /Content.Security.Policy/i.test(l))).toEqual([]);
    expect(await w.page.evaluate(() => (window as unknown as { __alerts: number }).__alerts)).toBe(0);
    // functions.js registers KOR.* with CustomFunctions, which only exists inside Excel: that one error is
    // the functions' (reported), not the pane's.
    expect(w.errors).toEqual([]);
    expect(e2e.outsideRequests).toEqual([]);
  }

  it("shows the sample workbook's report, matching the rules module, and saves a screenshot", async () => {
    const w = await open(NO_OFFICE);
    const { page } = w;
    const s = expectedFor(sampleValues());
    expect(s.crossing).not.toBeNull();
    const c = s.crossing!;
    await expect(page.getByTestId("headline").innerText()).resolves.toContain(`Turnover limit crossed on ${formatDay(c.day, "en")}, row ${c.row}`);
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(s.countableCents, "en"));
    expect(plain(await page.getByTestId("headroom").innerText())).toBe(formatEuros(s.headroomCents, "en"));
    expect(plain(await page.getByTestId("percent").innerText())).toContain(`${s.percentOfThreshold}% of ${formatEuros(s.thresholdCents, "en")}`);
    const next = await page.getByTestId("next-start").innerText();
    expect(next).toContain(formatDay(s.deadlines.nextStart, "en"));
    expect(next).toContain(formatDay(s.deadlines.registrationDeadline, "en"));
    expect(next).toContain(`${s.deadlines.daysLeft} day`);
    expect(plain(await page.getByTestId("union").innerText())).toBe(formatEuros(s.eu!.unionCents, "en"));
    // The chart is an accessible image with a text alternative, and marks the crossing.
    const chart = page.getByRole("img", { name: /Chart of cumulative turnover that counts/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(page.getByTestId("chart-crossing").count()).resolves.toBe(1);
    // Excel-only actions are hidden outside Excel.
    await expect(page.getByTestId("write-report").count()).resolves.toBe(0);

    const shot = await page.screenshot({ fullPage: true });
    saveArtifact("pane-report-en.png", shot);
    if (process.env.KOR_UPDATE_SCREENSHOTS) {
      fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
      fs.writeFileSync(path.join(ROOT, "docs", "screenshots", "pane-report-en.png"), shot);
      fs.writeFileSync(path.join(ROOT, "docs", "screenshots", "pane-top-en.png"), await page.screenshot());
    }
    await assertClean(w);
  });

  it("offers the typed previous year also when the sheet has rows of it: the typed figure wins and a warning names both (kor-rules.md section 4, worked example 26)", async () => {
    const w = await open(NO_OFFICE);
    const { page } = w;
    const s = expectedFor(sampleValues());
    expect(s.previousYearBasis).toBe("data");
    await page.getByTestId("settings-toggle").click();
    const input = page.getByTestId("previous-year-input");
    await input.waitFor();
    await expect(page.getByText(`The rows of ${s.year - 1} in this sheet add up to`).count()).resolves.toBe(1);
    await input.fill("25000");
    const both = `The given ${s.year - 1} turnover of €25,000.00 was used; the rows of ${s.year - 1} in the data add up to ${formatEuros(s.previousYearCents!, "en")}. Check which figure is right.`;
    await page.getByTestId("warning").filter({ hasText: both }).first().waitFor({ timeout: 10_000 });
    await expect(page.getByTestId("previous-year").innerText()).resolves.toContain("25,000.00");
    // The figure is the turnover of that one year: the sheet's report of the year before neither shows nor uses it
    // as its own previous year, and it is back on the report it was typed for.
    await page.getByTestId("year").selectOption(String(s.year - 1));
    await expect(page.getByTestId("previous-year-input").inputValue()).resolves.toBe("");
    await page.getByTestId("warning").filter({ hasText: "The given" }).first().waitFor({ state: "detached", timeout: 10_000 });
    await expect(page.getByTestId("previous-year").innerText()).resolves.not.toContain("25,000.00");
    await page.getByTestId("year").selectOption(String(s.year));
    await expect(page.getByTestId("previous-year-input").inputValue()).resolves.toBe("25,000.00");
    await expect(page.getByTestId("previous-year").innerText()).resolves.toContain("25,000.00");
    // In Dutch the field shows the figure as Dutch writes it (it kept "25,000.00", which reads as 25 euros there).
    await page.getByTestId("language").click();
    await expect(page.getByTestId("previous-year-input").inputValue()).resolves.toBe("25.000,00");
    await assertClean(w);
  });

  it("switches language with the visible switch, and also starts in Dutch for a Dutch browser", async () => {
    const w = await open(OFFICE_HOST_NULL);
    const { page } = w;
    const s = expectedFor(sampleValues());
    await page.getByTestId("language").click();
    await expect(page.getByTestId("headline").innerText()).resolves.toContain(`Omzetgrens overschreden op ${formatDay(s.crossing!.day, "nl")}`);
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(s.countableCents, "nl"));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("nl");
    await page.getByTestId("language").click();
    await expect(page.getByTestId("headline").innerText()).resolves.toContain("Turnover limit crossed");

    const nl = await open(NO_OFFICE, "nl-NL");
    await expect(nl.page.getByTestId("headline").innerText()).resolves.toContain("Omzetgrens overschreden");
    const shot = await nl.page.screenshot();
    saveArtifact("pane-top-nl.png", shot);
    if (process.env.KOR_UPDATE_SCREENSHOTS) fs.writeFileSync(path.join(ROOT, "docs", "screenshots", "pane-top-nl.png"), shot);
    await assertClean(w);
    await assertClean(nl);
  });

  it("follows a warning by keyboard to its rows", async () => {
    const w = await open(NO_OFFICE);
    const { page } = w;
    const t = readTable(sampleValues());
    const ambiguous = t.problems.find((p) => p.code.includes("ambiguous"))!;
    // Tab until the first "Show row" link has focus, then press Enter.
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => /^Show /.test(document.activeElement?.textContent ?? ""));
    }
    expect(found).toBe(true);
    await page.keyboard.press("Enter");
    const preview = page.getByTestId("row-preview");
    await preview.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Selected rows");
    expect(await preview.getByTestId("preview-row").first().locator("th").innerText()).toBe(String(ambiguous.row));
    expect(await preview.innerText()).toContain("vrijgesteld");
    expect(await preview.innerText()).toContain("21 July 2026"); // the date serial shown as a date
    // The offending cell (column G, far right at 350 px) is scrolled into view and marked, not just its row.
    const cell = preview.getByTestId("preview-cell").first();
    expect(await cell.innerText()).toBe("vrijgesteld");
    await expect(preview.getByTestId("preview-column").innerText()).resolves.toBe("The cell in column G (Categorie) is marked.");
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="preview-cell"]')!.getBoundingClientRect();
      const box = document.querySelector('[data-testid="preview-scroll"]')!.getBoundingClientRect();
      return c.left >= box.left - 1 && c.right <= box.right + 1;
    });
    expect(await page.evaluate(() => document.querySelector('[data-testid="preview-scroll"]')!.scrollLeft)).toBeGreaterThan(0);
    const shot = await page.screenshot();
    saveArtifact("pane-warning-followed.png", shot);
    if (process.env.KOR_UPDATE_SCREENSHOTS) fs.writeFileSync(path.join(ROOT, "docs", "screenshots", "pane-warning-en.png"), await preview.screenshot());
    // Closing the rows by keyboard returns focus to the warning's link.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.textContent)) !== "Close"; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Close");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^Show /.test(document.activeElement?.textContent ?? ""));
    await assertClean(w);
  });

  it("opens an .xlsx file (exceljs loaded on demand) and shows markup in cells and names as text", async () => {
    const rows: unknown[][] = [
      ["Invoice date", "Customer", "Amount excl. VAT", "Category", "Country"],
      [new Date(Date.UTC(2025, 0, 15)), "A", 4000, "21%", "NL"],
      [new Date(Date.UTC(2025, 5, 1)), "B", 3500.5, "export", "NL"],
      [new Date(Date.UTC(2025, 6, 1)), "C", 2000, "buitenland", "DE"],
      [new Date(Date.UTC(2025, 8, 9)), "D", 120, EVIL, "NL"],
    ];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Invoices").addRows(rows);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const w = await open(NO_OFFICE);
    const { page } = w;
    const before = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
    expect(before.some((n) => /\/exceljs\.[0-9a-f]{8}\.js$/.test(n))).toBe(false); // not loaded until a file is opened
    await page.getByTestId("file-input").setInputFiles({ name: "pane-fixture.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await page.getByText('File "pane-fixture.xlsx – Invoices"').waitFor({ timeout: 30_000 });
    const s = expectedFor(rows);
    expect(s.year).toBe(2025);
    await expect(page.getByTestId("headline").innerText()).resolves.toContain("2025: within the turnover limit");
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(s.countableCents, "en"));
    expect(await page.getByTestId("warnings").innerText()).toContain(EVIL);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    // A file name with markup, as a .csv with ; separators.
    const csv = "Factuurdatum;Bedrag excl. btw;Categorie\n1-3-2026;1.234,56;21%\n2-3-2026;100,00;privé\n";
    await page.getByTestId("file-input").setInputFiles({ name: "<b>bold</b>.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText('File "<b>bold</b>.csv"').waitFor();
    // The spinner took the view while the file was read; the focus is back on Open file, not lost to the page.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName)).resolves.toBe("open-file");
    expect(await page.locator("#root b").count()).toBe(0);
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(123_456, "en"));
    // Switching the language keeps the opened file (it does not reload the sample).
    await page.getByTestId("language").click();
    await page.getByText('Bestand "<b>bold</b>.csv"').waitFor();
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(123_456, "nl"));
    // The other tabs work on the opened file too, and coming back keeps it (not the sample again).
    await page.locator("#tab-decision").click();
    await page.getByTestId("decision-basis").waitFor();
    expect(plain(await page.getByTestId("decision-basis").innerText())).toContain(formatEuros(123_456, "nl"));
    await page.locator("#tab-year").click();
    await page.getByText('Bestand "<b>bold</b>.csv"').waitFor();
    expect(plain(await page.getByTestId("countable").innerText())).toBe(formatEuros(123_456, "nl"));
    await assertClean(w);
  });

  it("refuses a list of amounts including VAT only instead of showing a verdict on €0 (as kor-check refuses it)", async () => {
    const w = await open(NO_OFFICE);
    const { page } = w;
    const csv = "Factuurdatum;Klant;Totaal incl. btw\n1-3-2025;A;30.250,00\n";
    await page.getByTestId("file-input").setInputFiles({ name: "jortt.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText("No amount excluding VAT found").waitFor();
    await page.getByText('"Totaal incl. btw" (C) holds amounts including VAT', { exact: false }).first().waitFor();
    // It showed "within the turnover limit" with €0 of turnover beside the error.
    expect(await page.getByTestId("countable").count()).toBe(0);
    await assertClean(w);
  });

  it("opens an auditfile (.xaf): the sales journal read in the page, the company in the title", async () => {
    const xaf = writeXaf({
      fiscalYear: 2026,
      companyName: "Bakkerij Test",
      customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }],
      journals: [{ id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-02", ref: "F2026-001", customer: "C1", parts: [{ acc: "8000", net: 100_000, vat: { id: "H", perc: 21 } }] })] }],
    });
    const w = await open(NO_OFFICE);
    const { page } = w;
    await page.getByTestId("file-input").setInputFiles({ name: "klant-2026.xaf", mimeType: "application/xml", buffer: Buffer.from(xaf) });
    await page.getByText('File "klant-2026.xaf – Bakkerij Test"').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("countable").innerText()).toBe(formatEuros(100_000, "en"));
    await assertClean(w);
  });

});
