/**
 * The task pane in Excel mode, end to end in Chromium: Office.js is stubbed with host Excel and an
 * `Excel.run` over test/excel/fake-excel.ts (transpiled into the page), so the real pane code reads the
 * workbook, writes the report sheet, refuses a foreign sheet and selects a warning's rows.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Page } from "playwright-core";
import { motionDone, ROOT, saveArtifact, startE2E, type E2E } from "./support/browser";
import { readTable } from "../../src/reading/headers";
import { summarizeYear } from "../../src/rules/summary";
import { formatEuros } from "../../src/rules/money";
import { DATE_1904_OFFSET, dayFromIso, excelSerialFromDay, todayInNetherlands } from "../../src/rules/dates";
import { SAMPLE_HEADER, sampleValues } from "../../src/taskpane/browser/sample";

jest.setTimeout(120_000);

const fakeSource = ts.transpileModule(fs.readFileSync(path.join(__dirname, "..", "excel", "fake-excel.ts"), "utf8"), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
}).outputText;

/** A second invoice sheet: two 2026 invoices, €1,000 and €500 at 21%. */
const WEBSHOP = [["Datum", "Bedrag", "Categorie"], [46030, 1000, "21%"], [46100, 500, "21%"]];

/**
 * Office + Excel stand-ins over a fake workbook holding the sample sheet (and optionally a foreign "KOR 2026",
 * and the "Webshop" sheet).
 */
function excelStub(locale: string, foreignReportSheet: boolean, webshop = false, mac: unknown[][] | null = null): string {
  return `
    (function () {
      var exports = {}; var module = { exports: exports };
      ${fakeSource}
      var wb = new exports.FakeWorkbook();
      ${mac !== null ? "wb.dateSystem = 1904;" : ""}
      wb.addSheet("Facturen", ${JSON.stringify(mac ?? sampleValues())});
      ${foreignReportSheet ? 'wb.addSheet("KOR 2026", [["Mijn eigen notities"]]);' : ""}
      ${webshop ? `wb.addSheet("Webshop", ${JSON.stringify(WEBSHOP)});` : ""}
      window.__wb = wb;
      var settings = {};
      window.__settings = settings;
      window.Excel = {
        run: function (a, b) {
          var cb = typeof a === "function" ? a : b;
          return Promise.resolve().then(function () { return cb(wb.context().asExcel()); });
        },
      };
      window.CustomFunctions = { associate: function () {} };
      window.Office = {
        HostType: { Excel: "Excel" },
        onReady: function (cb) { var i = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(i); return Promise.resolve(i); },
        context: {
          displayLanguage: ${JSON.stringify(locale)},
          requirements: { isSetSupported: function () { return true; } },
          document: { settings: {
            get: function (k) { return k in settings ? settings[k] : null; },
            set: function (k, v) { settings[k] = JSON.parse(JSON.stringify(v)); },
            saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); },
          } },
        },
      };
    })();
  `;
}

describe("the task pane in Excel (stubbed host)", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function open(locale: string, foreign = false, webshop = false, mac: unknown[][] | null = null): Promise<{ page: Page; errors: string[] }> {
    const page = await e2e.newPage({ officeStub: excelStub(locale, foreign, webshop, mac), locale });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 30_000 });
    return { page, errors };
  }

  const t = readTable(sampleValues());
  const s = summarizeYear(t.rows, { today: todayInNetherlands(), year: 2026, problems: t.problems });

  it("reads the active sheet in Dutch for a Dutch Office, and writes the report sheet", async () => {
    const { page, errors } = await open("nl-NL");
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(s.countableCents, "nl"));
    expect(await page.getByTestId("source").innerText()).toBe('Blad "Facturen" (gebruikt bereik)');
    await expect(page.getByTestId("file-input").count()).resolves.toBe(0);
    await page.getByTestId("write-report").click();
    await page.getByText('Rapport geschreven naar blad "KOR 2026".').waitFor();
    const sheet = await page.evaluate(() => {
      const wb = (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][]; customProperties: Map<string, string>; charts: unknown[] } } }).__wb;
      const k = wb.sheet("KOR 2026");
      return k && { title: k.cells[0][0], mark: k.customProperties.get("KorForExcel"), charts: k.charts.length };
    });
    expect(sheet).toEqual({ title: "KOR-overzicht 2026", mark: "year-report", charts: 1 });
    // The report sheet is now active; reading again keeps the invoices it was made from.
    await page.getByRole("button", { name: "Opnieuw lezen" }).click();
    await page.getByTestId("headline").waitFor();
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(s.countableCents, "nl"));
    const shot = await page.screenshot();
    saveArtifact("pane-excel-nl.png", shot);
    if (process.env.KOR_UPDATE_SCREENSHOTS) fs.writeFileSync(path.join(ROOT, "docs", "screenshots", "pane-excel-nl.png"), shot);
    expect(errors).toEqual([]);
    expect(e2e.outsideRequests).toEqual([]);
  });

  it("refreshes quietly after an edit in the sheet", async () => {
    const { page, errors } = await open("en-US");
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(s.countableCents, "en"));
    // The user types a new 2026 invoice of €1,000 (21%) under the list; Excel fires worksheets.onChanged.
    await page.evaluate(() => {
      const wb = (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] }; fire(e: string): Promise<void> } }).__wb;
      const cells = wb.sheet("Facturen")!.cells;
      cells.push(["F2026-999", 46372, "Nieuwe klant", "Extra werk", 1000, "", "21%", "NL"]);
      void wb.fire("changed");
    });
    await page.waitForFunction(
      (expected) => document.querySelector("[data-testid=countable]")?.textContent === expected,
      formatEuros(s.countableCents + 100_000, "en"),
    );
    expect(errors).toEqual([]);
  });

  it("asks before clearing its report sheet once the user added values outside the report: keep, then replace", async () => {
    const { page, errors } = await open("en-US");
    await page.getByTestId("write-report").click();
    await page.getByText('Report written to sheet "KOR 2026".').waitFor();
    // The user types a note beside the report (H3) in the sheet the add-in wrote.
    const note = (): Promise<unknown> =>
      page.evaluate(() => (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] } } }).__wb.sheet("KOR 2026")!.cells[2]?.[7]);
    await page.evaluate(() => {
      const cells = (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] } } }).__wb.sheet("KOR 2026")!.cells;
      (cells[2] ??= [])[7] = "Called the client, see mail";
    });
    const question = page.getByText('Sheet "KOR 2026" now also holds data outside the report, probably yours.', { exact: false });
    const keep = page.getByRole("button", { name: "Keep the sheet" });
    const replace = page.getByRole("button", { name: "Replace sheet" });

    await page.getByTestId("write-report").click();
    await question.waitFor();
    await keep.click();
    await question.waitFor({ state: "detached" });
    await expect(replace.count()).resolves.toBe(0);
    expect(await note()).toBe("Called the client, see mail");

    await page.getByTestId("write-report").click();
    await question.waitFor();
    await replace.click();
    await page.getByText('Report written to sheet "KOR 2026".').waitFor();
    expect(await note()).toBeUndefined();
    const title = await page.evaluate(() => (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] } } }).__wb.sheet("KOR 2026")!.cells[0][0]);
    expect(title).toBe("KOR report 2026");
    expect(errors).toEqual([]);
  });

  it("refuses to overwrite a 'KOR 2026' sheet it did not create, and says so", async () => {
    const { page, errors } = await open("en-US", true);
    await page.getByTestId("write-report").click();
    await page.getByText(/A sheet "KOR 2026" already exists that this add-in did not create/).waitFor();
    const cells = await page.evaluate(() => (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] } } }).__wb.sheet("KOR 2026")!.cells);
    expect(cells).toEqual([["Mijn eigen notities"]]);
    expect(errors).toEqual([]);
  });

  it("selects a warning's cell in the sheet, and remembers a column choice in the document", async () => {
    const { page, errors } = await open("en-US");
    await page.getByRole("button", { name: /^Show (row|\d+ rows): .* \(selects (it|them) in the sheet\)$/ }).first().click();
    const ambiguous = t.problems.find((p) => p.code.includes("ambiguous"))!;
    await page.waitForFunction(() => (window as unknown as { __wb: { selection: unknown } }).__wb.selection !== null);
    const boxes = await page.evaluate(() => (window as unknown as { __wb: { selection: { boxes: { row: number; col: number; rows: number; cols: number }[] } } }).__wb.selection.boxes);
    // The offending cell itself (column G, "Categorie"), which Excel scrolls into view, not the whole row.
    expect(boxes).toEqual([{ row: (ambiguous.row ?? 0) - 1, col: SAMPLE_HEADER.indexOf("Categorie"), rows: 1, cols: 1 }]);

    await page.getByTestId("settings-toggle").click(); // the columns are folded under "Settings (…)"
    await motionDone(page); // the fold's header moves while "Settings" unfolds
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByTestId("column-category").selectOption("");
    await page.waitForFunction(() => Object.keys((window as unknown as { __settings: object }).__settings).length > 0);
    const saved = await page.evaluate(() => (window as unknown as { __settings: Record<string, unknown> }).__settings);
    expect(Object.values(saved)).toEqual([{ columns: { category: null } }]);
    expect(errors).toEqual([]);
  });

  it("opens a sheet's year report from the 'All sheets' overview, by click or Enter; 'Why?' expands the line", async () => {
    const { page, errors } = await open("en-US", false, true);
    const activeSheet = (): Promise<string> =>
      page.evaluate(() => (window as unknown as { __wb: { state: { active: { name: string } } } }).__wb.state.active.name);
    const checkAll = async (): Promise<void> => {
      await page.getByRole("tab", { name: "All sheets" }).click();
      await page.getByRole("button", { name: "Check all sheets" }).click();
      await page.getByTestId("overview-line").nth(1).waitFor();
    };
    await checkAll();
    expect(await page.getByTestId("overview-line").count()).toBe(2);

    // "Why?" shows the reasons inline and stays on the overview.
    await page.getByRole("button", { name: "Details of Webshop" }).click();
    await page.getByTestId("overview-why").waitFor();
    expect(await page.getByRole("tab", { name: "All sheets" }).getAttribute("aria-selected")).toBe("true");
    expect(await activeSheet()).toBe("Facturen");

    // A click on the line: Webshop becomes the active sheet and the year report shows it.
    await page.getByRole("row", { name: "Open the year report of Webshop" }).click();
    await page.getByTestId("headline").waitFor();
    expect(await page.getByRole("tab", { name: "Year report" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId("source").innerText()).toBe('Sheet "Webshop" (used range)');
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(150_000, "en"));
    expect(await activeSheet()).toBe("Webshop");
    // Focus lands on the year-report tab.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-year");

    // Keyboard: Enter on the focused line of "Facturen" opens its report.
    await checkAll();
    await page.getByRole("row", { name: "Open the year report of Facturen" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("headline").waitFor();
    expect(await page.getByTestId("source").innerText()).toBe('Sheet "Facturen" (used range)');
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(s.countableCents, "en"));
    expect(await activeSheet()).toBe("Facturen");
    expect(errors).toEqual([]);
  });

  it("reads a Mac workbook in the 1904 date system: the invoices in their own year, a note, and the report's dates in that system", async () => {
    // 1 Feb 2026 €15,000 and 1 Apr 2026 €6,000 as the 1904 system stores them (read as 1900: 2022).
    const s1904 = (iso: string): number => excelSerialFromDay(dayFromIso(iso)) - DATE_1904_OFFSET;
    const mac = [["Datum", "Bedrag", "Categorie"], [s1904("2026-02-01"), 15000, "21%"], [s1904("2026-04-01"), 6000, "21%"]];
    const { page, errors } = await open("nl-NL", false, false, mac);
    expect((await page.getByTestId("countable").innerText()).replace(/\u00a0/g, " ")).toBe(formatEuros(2_100_000, "nl"));
    await page.getByText("Deze werkmap gebruikt het 1904-datumsysteem", { exact: false }).first().waitFor();
    await page.getByTestId("write-report").click();
    await page.getByText('Rapport geschreven naar blad "KOR 2026".').waitFor();
    const crossing = await page.evaluate(() => {
      const wb = (window as unknown as { __wb: { sheet(n: string): { cells: unknown[][] } } }).__wb;
      return wb.sheet("KOR 2026")!.cells.find((r) => r[0] === "Omzetgrens overschreden op")?.[1];
    });
    expect(crossing).toBe(s1904("2026-04-01"));
    expect(errors).toEqual([]);
  });
});
