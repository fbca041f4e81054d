/**
 * Hostile text in the pane (browser mode, Debian Chromium at the pane's 350 px): a long unbroken quote in a
 * warning wraps instead of widening the pane, and a direction override (U+202E) in a cell is shown as the
 * visible escape \u202E instead of reversing the rest of the warning.
 */
import { startE2E, type E2E } from "./support/browser";

jest.setTimeout(120_000);

describe("hostile text in the pane", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  it("wraps a long unbroken word in a warning at 350 px and escapes a direction override", async () => {
    const page = await e2e.newPage({ officeStub: "" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 30_000 });
    const long = "X".repeat(200);
    const csv = `Factuurdatum;Bedrag excl. btw;Categorie\n1-3-2026;100,00;${long}\n2-3-2026;50,00;abc\u202Eelif.exe\n3-3-2026;10,00;21\n`;
    await page.getByTestId("file-input").setInputFiles({ name: "klant.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText('File "klant.csv"').waitFor();
    const warnings = await page.getByTestId("warnings").innerText();
    expect(warnings).toContain("XXXXXXXXXX");
    expect(warnings).toContain("abc\\u202Eelif.exe");
    expect(warnings).not.toContain("\u202E");
    const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(350);
    expect(errors).toEqual([]);
    expect(e2e.outsideRequests).toEqual([]);
  });
});
