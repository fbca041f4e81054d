/**
 * Browser mode "Open file" reads a workbook in a Web Worker: the pane shows how far it has come, the verdict
 * arrives from the worker (exceljs is loaded there, never in the pane's page), and without Worker the pane
 * reads the file itself with the same verdict.
 */
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./support/browser";
import { formatEuros } from "../../src/rules/money";

const ROWS = 30_000;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 30,000 invoices of €0.50 in the first half of 2026: €15,000.00 countable. */
async function bigWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW-tarief"]);
  for (let i = 0; i < ROWS; i++) ws.addRow([new Date(Date.UTC(2026, Math.floor((i * 6) / ROWS), 1 + (i % 28))), `Klant ${i % 97}`, 0.5, "21%"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const plain = (s: string): string => s.replace(/\u00a0/g, " ");

function exceljsInPage(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByType("resource").some((r) => /\/exceljs\.[0-9a-f]{8}\.js$/.test(r.name)));
}

describe("Open file in a Web Worker", () => {
  let e2e: E2E;
  let buffer: Buffer;
  beforeAll(async () => {
    [e2e, buffer] = await Promise.all([startE2E(), bigWorkbook()]);
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function open(withWorker: boolean): Promise<{ page: Page; workers: string[] }> {
    const page = await e2e.newPage({ officeStub: "" });
    if (!withWorker) await page.addInitScript(() => Reflect.deleteProperty(window, "Worker"));
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
    return { page, workers };
  }

  it("shows the progress, and the verdict comes from the worker", async () => {
    const { page, workers } = await open(true);
    // The pane starts its reading worker once it has drawn, before any file is chosen.
    if (workers.length === 0) await page.waitForEvent("worker", { timeout: 10_000 });
    expect(workers).toHaveLength(1);
    await page.getByTestId("file-input").setInputFiles({ name: "facturen.xlsx", mimeType: XLSX, buffer });
    const progress = page.getByTestId("read-progress");
    await progress.waitFor({ timeout: 30_000 });
    expect(plain(await progress.innerText())).toMatch(/Unpacking the workbook…|[\d,]+ rows read from sheet "Facturen"…/);
    await page.getByTestId("source").filter({ hasText: "facturen.xlsx – Facturen" }).waitFor({ timeout: 120_000 });
    expect(plain(await page.getByTestId("countable").innerText())).toBe(plain(formatEuros(1_500_000, "en")));
    // The worker read it (its marks were copied to the pane), and was ended; at most a fresh one waits now.
    expect(await page.evaluate(() => performance.getEntriesByName("kor:worker-request").length)).toBe(1);
    expect(workers.length).toBeLessThanOrEqual(2);
    expect(await exceljsInPage(page)).toBe(false); // exceljs ran in the worker, not in the pane's page
  });

  it("reads the file in the pane's thread when there is no Worker, with the same verdict", async () => {
    const { page, workers } = await open(false);
    await page.getByTestId("file-input").setInputFiles({ name: "facturen.xlsx", mimeType: XLSX, buffer });
    await page.getByTestId("source").filter({ hasText: "facturen.xlsx – Facturen" }).waitFor({ timeout: 120_000 });
    expect(plain(await page.getByTestId("countable").innerText())).toBe(plain(formatEuros(1_500_000, "en")));
    expect(workers).toHaveLength(0);
    expect(await exceljsInPage(page)).toBe(true);
  });

  it("made no request outside localhost", () => {
    expect(e2e.outsideRequests).toEqual([]);
  });
});
