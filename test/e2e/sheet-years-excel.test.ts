/**
 * The year report in Excel (stubbed host over test/excel/fake-excel.ts) on a workbook with a sheet per year:
 * the active sheet "Omzet 2025" has no 2024 rows, so the pane reads the other sheets and takes 2024 from
 * sheet "2024", names it, and does not ask for the previous year. Hand-worked: test/bulk/sheetYears.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./support/browser";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";

jest.setTimeout(120_000);

const fakeSource = ts.transpileModule(fs.readFileSync(path.join(__dirname, "..", "excel", "fake-excel.ts"), "utf8"), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
}).outputText;

const plain = (s: string): string => s.replace(/\u00a0/g, " ");
const sheet = (lines: [string, number][]): unknown[][] => [
  ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"],
  ...lines.map(([iso, euros]) => [excelSerialFromDay(dayFromIso(iso)), "Klant", euros, "21"]),
];
const Y2025 = sheet([["2025-02-01", 8000], ["2025-06-01", 7000], ["2025-09-15", 6000], ["2025-11-01", 500]]);
const Y2024 = sheet([["2024-03-01", 9000], ["2024-09-01", 6000]]);

/** The fake workbook's sheets (the first is the active one) and the document settings it starts with. */
function excelStub(sheets: [string, unknown[][]][] = [["Omzet 2025", Y2025], ["2024", Y2024]], saved: Record<string, unknown> = {}): string {
  return `
    (function () {
      var exports = {}; var module = { exports: exports };
      ${fakeSource}
      var wb = new exports.FakeWorkbook();
      ${sheets.map(([name, cells]) => `wb.addSheet(${JSON.stringify(name)}, ${JSON.stringify(cells)});`).join("\n      ")}
      window.__wb = wb;
      var settings = ${JSON.stringify(saved)};
      window.Excel = { run: function (a, b) { var cb = typeof a === "function" ? a : b; return Promise.resolve().then(function () { return cb(wb.context().asExcel()); }); } };
      window.CustomFunctions = { associate: function () {} };
      window.Office = {
        HostType: { Excel: "Excel" },
        onReady: function (cb) { var i = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(i); return Promise.resolve(i); },
        context: {
          displayLanguage: "en-US",
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

describe("the year report in Excel on a workbook with a sheet per year", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  it("takes the previous year from sheet '2024' and says so", async () => {
    const page = await e2e.newPage({ officeStub: excelStub(), locale: "en-US" });
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    await page.getByTestId("previous-year-basis").filter({ hasText: 'from sheet "2024"' }).waitFor({ timeout: 30_000 });
    expect(plain(await page.getByTestId("countable").innerText())).toBe("€21,500.00");
    expect(plain(await page.getByTestId("previous-year").innerText())).toBe("€15,000.00");
    expect(await page.getByTestId("warnings").innerText()).toContain('The 2024 turnover (for the previous-year test) comes from sheet "2024" of the same workbook.');
    expect(e2e.outsideRequests).toEqual([]);
  });

  it("reads the other sheets again after an edit on one of them, not after each edit on its own sheet", async () => {
    const page = await e2e.newPage({ officeStub: excelStub(), locale: "en-US" });
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("previous-year-basis").filter({ hasText: 'from sheet "2024"' }).waitFor({ timeout: 60_000 });
    type Wb = { sheet(n: string): { id: string; cells: unknown[][] }; valueReads: Map<string, number>; fire(e: string, a?: object): Promise<void> };
    const readsOf2024 = (): Promise<number> => page.evaluate(() => (window as unknown as { __wb: Wb }).__wb.valueReads.get("2024") ?? 0);
    const edit = (sheet: string, iso: string, euros: number): Promise<void> =>
      page.evaluate(
        ({ sheet, serial, euros }) => {
          const wb = (window as unknown as { __wb: Wb }).__wb;
          const s = wb.sheet(sheet);
          s.cells.push([serial, "Klant", euros, "21"]);
          void wb.fire("changed", { worksheetId: s.id });
        },
        { sheet, serial: excelSerialFromDay(dayFromIso(iso)), euros },
      );
    const before = await readsOf2024();
    expect(before).toBeGreaterThan(0);

    // An invoice typed on the report's own sheet: the report follows, sheet "2024" is not read again.
    await edit("Omzet 2025", "2025-12-01", 1000);
    await page.waitForFunction(() => document.querySelector("[data-testid=countable]")?.textContent?.replace(/\u00a0/g, " ") === "€22,500.00");
    await page.waitForTimeout(1500);
    expect(await readsOf2024()).toBe(before);
    expect(plain(await page.getByTestId("previous-year").innerText())).toBe("€15,000.00");

    // An invoice added on sheet "2024": it is read again and the previous year follows.
    await edit("2024", "2024-10-01", 1000);
    await page.waitForFunction(() => document.querySelector("[data-testid=previous-year]")?.textContent?.replace(/\u00a0/g, " ") === "€16,000.00", undefined, { timeout: 30_000 });
    expect(await readsOf2024()).toBeGreaterThan(before);
  });

  it("a participant since an older year: reads the other sheets although this one holds the previous year, and sees the crossing that ended participation", async () => {
    // In the KOR since 1 Jan 2024 (the workbook's setting). The active sheet "2025-2026" holds 2025 (€8,000) and
    // 2026 (€9,000), so there is no previous year to take; sheet "2024" crosses on 16 Sep 2024 (19,000 + 1,500):
    // participation ended that day, three years' exclusion (2024 rules) to 15 Sep 2027, next start 1 Oct 2027,
    // register by 2 Sep 2027 (test/bulk/sheetYears-participation.test.ts). Before, the pane did not read the
    // other sheets and said the business was in the KOR.
    const both = sheet([["2025-03-01", 8000], ["2026-03-01", 9000]]);
    const y2024 = sheet([["2024-03-01", 19000], ["2024-09-16", 1500]]);
    const page = await e2e.newPage({ officeStub: excelStub([["2025-2026", both], ["2024", y2024]], { "kor.participation": { participation: "in", inKorSince: "2024-01-01" } }), locale: "en-US" });
    await page.clock.setFixedTime(new Date("2026-11-27T10:00:00+01:00"));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    await page.getByTestId("next-start").filter({ hasText: "1 October 2027" }).waitFor({ timeout: 30_000 });
    const text = plain(await page.getByTestId("next-start").innerText());
    expect(text).toContain("2 September 2027");
    expect(text).toContain("Turnover went over the turnover limit on 16 September 2024, which ended your participation");
    expect(await page.getByTestId("warnings").innerText()).toContain('the turnover of 2024 from sheet "2024" of the same workbook counts too');
    expect(e2e.outsideRequests).toEqual([]);
  });

  /** The pane over the fake workbook on 27 Nov 2026, on its Decision tab. */
  async function decisionTab(sheets: [string, unknown[][]][], saved: Record<string, unknown> = {}): Promise<Page> {
    const page = await e2e.newPage({ officeStub: excelStub(sheets, saved), locale: "en-US" });
    await page.clock.setFixedTime(new Date("2026-11-27T10:00:00+01:00"));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "KOR worth it?" }).click();
    await page.getByTestId("decision").waitFor();
    return page;
  }

  it("the Decision tab sees the same crossing on another sheet: the business is out of the KOR, so it weighs joining, not leaving", async () => {
    // The workbook of the test above. The year report says participation ended on 16 September 2024; before, the
    // Decision tab in Excel read no other sheet, started from "I am in the KOR now" and weighed leaving.
    const both = sheet([["2025-03-01", 8000], ["2026-03-01", 9000]]);
    const y2024 = sheet([["2024-03-01", 19000], ["2024-09-16", 1500]]);
    const page = await decisionTab([["2025-2026", both], ["2024", y2024]], { "kor.participation": { participation: "in", inKorSince: "2024-01-01" } });
    await page.getByTestId("decision-not-possible").waitFor({ timeout: 30_000 });
    expect(plain(await page.getByTestId("decision-not-possible").innerText())).toContain("1 October 2027");
    expect(await page.getByRole("radio", { name: "I am in the KOR now" }).isChecked()).toBe(false);
    expect(e2e.outsideRequests).toEqual([]);
  });

  it("the Decision tab reads the other sheets again when the user reads again: an invoice added to sheet '2025' puts 2026 out of reach", async () => {
    // Not known to be in the KOR. "Omzet 2026" holds €9,000; sheet "2025" €15,000: joining is weighed. An invoice of
    // €6,000 on 1 Oct 2025 added to sheet "2025" makes 2025 €21,000, over the limit: 2026 is not eligible.
    const y2026 = sheet([["2026-03-01", 9000]]);
    const y2025 = sheet([["2025-03-01", 15000]]);
    const page = await decisionTab([["Omzet 2026", y2026], ["2025", y2025]]);
    await page.getByTestId("decision-result").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("decision-not-possible").count()).toBe(0);
    type Wb = { sheet(n: string): { cells: unknown[][] } };
    await page.evaluate((serial) => (window as unknown as { __wb: Wb }).__wb.sheet("2025").cells.push([serial, "Klant", 6000, "21"]), excelSerialFromDay(dayFromIso("2025-10-01")));
    await page.getByRole("button", { name: "Read again" }).click();
    await page.getByTestId("decision-not-possible").waitFor({ timeout: 30_000 });
    expect(plain(await page.getByTestId("decision-not-possible").innerText())).toContain("you do not meet the conditions in 2026");
  });

  it("the Decision tab read again on another sheet starts from that sheet's own situation, not what was typed for the sheet before", async () => {
    // Two shops of 2026 (their years overlap: kept apart). On "Winkel 2026" the user says they are in the KOR and
    // types a business share; on "Webshop 2026" (read again there) nothing was typed: before, it kept both.
    const winkel = sheet([["2026-03-01", 9000]]);
    const webshop = sheet([["2026-04-01", 4000]]);
    const page = await decisionTab([["Winkel 2026", winkel], ["Webshop 2026", webshop]]);
    await page.getByTestId("decision-result").waitFor({ timeout: 30_000 });
    await page.getByTestId("decision-share").fill("40");
    await page.getByRole("radio", { name: "I am in the KOR now" }).check();
    type Wb = { sheet(n: string): object; state: { active: object } };
    await page.evaluate(() => {
      const wb = (window as unknown as { __wb: Wb }).__wb;
      wb.state.active = wb.sheet("Webshop 2026");
    });
    await page.getByRole("button", { name: "Read again" }).click();
    await page.getByTestId("decision-basis").filter({ hasText: "€4,000.00" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("radio", { name: "I am in the KOR now" }).isChecked()).toBe(false);
    // The share read from Webshop's own "Klant" column (no business customers), not the 40 typed for Winkel.
    expect(await page.getByTestId("decision-share").inputValue()).toBe("0");
  });
});
