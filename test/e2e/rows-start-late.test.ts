/**
 * The pane in Chromium with a client's export that starts on 1 December 2025: the previous year's figure says it may
 * not be the whole year, beside the figure, in the field where it is typed and among the warnings; a typed figure
 * settles it and the warning goes. Worked by hand: 2025 €700.00 (one row, 1 December), 2026 €4,000.00: eligible.
 */
import { startE2E, type E2E } from "./support/browser";

jest.setTimeout(120_000);

describe("the pane with an export whose previous year starts late", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  it("says so beside the figure, in the field's hint and as a warning, until a figure is typed", async () => {
    const page = await e2e.newPage({ officeStub: "" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 30_000 });
    const csv = "Factuurdatum;Bedrag excl. btw;Btw-tarief\n01-12-2025;700,00;21%\n05-01-2026;4.000,00;21%\n";
    await page.getByTestId("file-input").setInputFiles({ name: "klant.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText('File "klant.csv"').waitFor();
    await expect(page.getByTestId("previous-year-basis").innerText()).resolves.toBe("(from the data; incomplete? the rows only start on 1 December 2025)");
    const warning = page.getByTestId("warning").filter({ hasText: "The rows of 2025 only start on 1 December 2025" });
    await warning.first().waitFor({ timeout: 10_000 });
    await page.getByTestId("settings-toggle").click();
    await page.getByText("The rows of 2025 in this sheet only start on 1 December 2025 and add up to €700.00.").waitFor();
    await page.getByTestId("previous-year-input").fill("18000");
    await warning.first().waitFor({ state: "detached", timeout: 10_000 });
    await expect(page.getByTestId("previous-year-basis").innerText()).resolves.toBe("(entered by you)");
    expect(errors).toEqual([]);
    expect(e2e.outsideRequests).toEqual([]);
  });
});
