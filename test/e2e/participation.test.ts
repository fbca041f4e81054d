/**
 * The year report's "In the KOR since" field in Chromium (browser mode, sample workbook): a date after today is
 * refused beside the field and the report does not take it (the status stays unknown, as kor-check refuses
 * --in-kor-since after today); a date that is not the 1st of a month is used but noted beside the field.
 * The clock is fixed (27 November 2026).
 */
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./support/browser";

const NOW = new Date("2026-11-27T10:00:00+01:00");

// One browser for the file; each describe opens its own pane at NOW, collecting page errors in `errors`.
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.close();
});

async function paneAtNow(errors: string[]): Promise<Page> {
  const page = await e2e.newPage({ locale: "en-US" });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.setFixedTime(NOW);
  await page.goto(e2e.baseUrl + "taskpane.html");
  return page;
}

describe("'In the KOR since' in the year report (browser mode)", () => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await paneAtNow(errors);
    await page.getByTestId("settings-toggle").click();
    await page.getByTestId("participation").selectOption("in");
  });

  it("refuses a start after today beside the field, and the report keeps the status unknown", async () => {
    await page.getByTestId("in-kor-since").fill("2027-01-01");
    await page.getByText("1 January 2027 is after today (27 November 2026): KOR participation cannot have started in the future.", { exact: false }).waitFor();
    // Taken as unknown: the advice beside the sample's 2026 crossing is the conditional one.
    await page.getByText("In the KOR? Deregister at once; end date 18 November 2026.", { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it("notes a date that is not the 1st of a month, and uses it", async () => {
    await page.getByTestId("in-kor-since").fill("2024-01-15");
    await page.getByText("In the KOR since 15 January 2024: that is not the first day of a month.", { exact: false }).waitFor();
    expect(await page.getByText("is after today", { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("says nothing beside a date on the 1st of a month before today", async () => {
    await page.getByTestId("in-kor-since").fill("2024-01-01");
    await page.getByTestId("in-kor-since").waitFor();
    expect(await page.getByText("not the first day of a month", { exact: false }).count()).toBe(0);
    expect(await page.getByText("is after today", { exact: false }).count()).toBe(0);
  });
});

describe("the verdict card follows the participation (browser mode, an opened CSV)", () => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await paneAtNow(errors);
    await page.getByTestId("headline").waitFor({ timeout: 60_000 });
  });

  const open = async (name: string, csv: string): Promise<void> => {
    await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText(`File "${name}"`).waitFor();
  };

  it("in the KOR since 2025, within the limit: 'nothing to register' and no registration date (before: 'Not registered yet? Register by …')", async () => {
    await open("deelnemer.csv", "Datum;Bedrag\n10-2-2025;5000,00\n10-2-2026;3000,00\n");
    await page.getByTestId("settings-toggle").click();
    await page.getByTestId("participation").selectOption("in");
    await page.getByTestId("in-kor-since").fill("2025-01-01");
    await page.getByTestId("action").filter({ hasText: "You are in the KOR (since 1 January 2025): there is nothing to register." }).waitFor();
    expect(await page.getByTestId("due").count()).toBe(0);
    expect(await page.getByTestId("verdict-card").innerText()).not.toContain("Not registered yet");
    expect(errors).toEqual([]);
  });

  it("in the KOR 'since 2025' after 2024 over the limit: the start could not take effect, the warning says why", async () => {
    await open("geweigerd.csv", "Datum;Bedrag\n15-3-2024;25000,00\n10-2-2025;5000,00\n10-2-2026;3000,00\n");
    // Each file keeps its own setting.
    if (!(await page.getByTestId("participation").isVisible())) await page.getByTestId("settings-toggle").click();
    await page.getByTestId("participation").selectOption("in");
    await page.getByTestId("in-kor-since").fill("2025-01-01");
    await page.getByTestId("action").filter({ hasText: "Your participation from 1 January 2025 could not start (see the warning)." }).waitFor();
    await page.getByText("You said the business has been in the KOR since 1 January 2025, but that participation could not start", { exact: false }).first().waitFor();
    expect(await page.getByTestId("verdict-card").innerText()).not.toContain("there is nothing to register");
    expect(errors).toEqual([]);
  });
});
