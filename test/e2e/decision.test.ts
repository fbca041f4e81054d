/**
 * The "KOR worth it?" decision view in Chromium, browser mode over the bundled sample workbook: the figures the
 * user sees for the sample's 2025 invoices, after typing the business share, input VAT, a planned
 * investment and a car for the herziening, in English and Dutch, for joining and for leaving.
 * The clock is fixed (27 November 2026) so the deadlines are stable.
 */
import type { Page } from "playwright-core";
import { saveArtifact, startE2E, type E2E } from "./support/browser";

const NOW = new Date("2026-11-27T10:00:00+01:00");

describe("decision view (browser mode, sample workbook)", () => {
  let e2e: E2E;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    e2e = await startE2E();
    page = await e2e.newPage({ locale: "en-US" });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript('window.__csp = []; document.addEventListener("securitypolicyviolation", function (e) { window.__csp.push(e.violatedDirective + " " + e.blockedURI); });');
    await page.clock.setFixedTime(NOW);
    await page.goto(e2e.baseUrl + "taskpane.html");
    // The year report opens first; base the decision on 2025, the sample's year within the threshold.
    await page.getByTestId("settings-toggle").click(); // year, period and columns are folded under "Settings (…)"
    await page.getByTestId("year").selectOption("2025");
    await page.getByRole("tab", { name: "KOR worth it?" }).click();
    await page.getByTestId("decision").waitFor();
  });

  afterAll(async () => {
    if (page) saveArtifact("decision-view.png", await page.screenshot({ fullPage: true }));
    await e2e.close();
  });

  const text = async (testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ").trim();

  it("says first that joining is not possible before 2028 (the sample crossed in 2026), with the calculator folded", async () => {
    expect(await text("decision-not-possible")).toBe(
      "You cannot join the KOR yet. The earliest you can join is 1 January 2028 (register by 3 December 2027). Turnover of 2026 went over the turnover limit on 18 November 2026: joining in 2027 is not possible (from 2025 the previous year counts too).",
    );
    expect(await page.getByTestId("decision-result").isVisible()).toBe(false);
    await page.getByRole("button", { name: "Still calculate what joining would give" }).click();
    await page.getByTestId("decision-result").waitFor();
  });

  it("shows the sample's 2025 output VAT by rate and what joining keeps", async () => {
    expect(await text("decision-basis")).toContain("turnover that counts in 2025: €16,440.00 (excluding VAT)");
    // "Bedrag excl. btw": the amounts are read as excluding VAT, and the pane says so.
    expect(await page.getByRole("radio", { name: "excluding VAT" }).isChecked()).toBe(true);
    expect(await page.getByText("Read from the column header; you can change it.").count()).toBe(1);
    expect(await text("decision-rate-21")).toBe("21%€14,095.00€2,959.95");
    expect(await text("decision-rate-9")).toBe("9%€2,345.00€211.05");
    expect(await text("decision-output-vat")).toBe("€3,171.00");
    expect(await text("decision-kept")).toBe("€3,171.00");
    expect(await text("decision-verdict")).toBe("Cannot join");
    expect(await text("decision-net")).toBe("€3,171.00");
    expect(await text("decision-break-even")).toBe("Joining pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under €3,171.00 a year.");
    expect(await text("decision-one-offs")).toBe("No one-off amounts.");
    // The sample's "Klant" column holds names: the pane says so and asks for the share.
    expect(await page.getByText("does not say whether a customer is a business or a consumer").count()).toBe(1);
    // The sample crosses €20,000 on 18 November 2026, so 2027 fails the previous-year test.
    expect(await text("decision-deadlines")).toContain("Turnover of 2026 went over the turnover limit on 18 November 2026");
    expect(await text("decision-deadlines")).toContain("Earliest start: 1 January 2028. Your registration must reach the Belastingdienst by 3 December 2027.");
    expect(await text("decision-assumptions")).toContain("Your prices for consumers stay the same");
  });

  it("recomputes with business customers, input VAT, a planned investment and a car: the yearly figure, and the one-off list apart", async () => {
    await page.getByTestId("decision-share").fill("40");
    await page.getByTestId("decision-input-vat").fill("1200");
    await page.getByTestId("decision-planned-vat").fill("500");
    await page.getByTestId("decision-good-date").first().fill("1-1-2024");
    await page.getByTestId("decision-good-vat").first().fill("4500");

    expect(await text("decision-revision")).toBe("YearTo repay2028€900.00");
    expect(await text("decision-kept")).toBe("€1,902.60");
    expect(await text("decision-verdict")).toBe("Cannot join");
    expect(await text("decision-net")).toBe("€702.60");
    expect(await page.getByTestId("decision-planned-year").inputValue()).toBe("2028");
    expect(await text("decision-headline")).toBe(
      "You cannot join the KOR yet. Turnover of 2026 went over the turnover limit on 18 November 2026: joining in 2027 is not possible (from 2025 the previous year counts too). The earliest you can join is 1 January 2028 (register by 3 December 2027). For information: joining would gain you €702.60 a year, and once -€500.00 in 2028 (VAT on the planned investment), -€900.00 in 2028 (herziening).",
    );
    expect(await text("decision-one-offs")).toBe("YearWhatAmount2028VAT on the planned investment-€500.002028herziening-€900.00");
    expect(await text("decision-break-even")).toBe(
      "Joining pays as long as your input VAT on running costs (with VAT reverse-charged to you) stays under €1,902.60 a year. One-off amounts are apart from this.",
    );
    const reasons = await text("decision-reasons");
    expect(reasons).toContain("€1,268.40 is VAT on sales to business customers (40% of taxed turnover)");
    expect(reasons).toContain("you repay €900.00 in 2028");
    expect(reasons).toContain("Balance per year: €1,902.60 − €1,200.00 = €702.60.");
  });

  it("a laptop under €500 a year adds no herziening to the one-off list", async () => {
    await page.getByTestId("decision-good-vat").first().fill("1000");
    expect(await text("decision-revision")).toContain("€0 (under €500)");
    // The view states the method (kor-rules.md section 8) and the year's own line about the €500 minimum.
    const method = await text("decision-revision-method");
    expect(method).toContain("The €500 minimum a year applies only to goods already in use before that year.");
    expect(method).toContain("The 2028 yearly revision is €200.00, less than €500.00: it is not due.");
    expect(await text("decision-net")).toBe("€702.60");
    expect(await text("decision-one-offs")).toBe("YearWhatAmount2028VAT on the planned investment-€500.00");
    await page.getByTestId("decision-good-vat").first().fill("4500");
  });

  it("shows an error on a field that is not an amount and no verdict until it is corrected", async () => {
    await page.getByTestId("decision-input-vat").fill("twelve");
    expect(await page.getByText("Enter an amount, for example 1,250 or 1250.00.").count()).toBe(1);
    expect(await page.getByTestId("decision-result").count()).toBe(0);
    await page.getByTestId("decision-input-vat").fill("1200");
    expect(await text("decision-net")).toBe("€702.60");
  });

  it("in Dutch, with Dutch amounts", async () => {
    await page.getByTestId("language").click();
    expect(await text("decision-verdict")).toBe("Meedoen kan niet");
    expect(await text("decision-net")).toBe("€ 702,60");
    expect(await text("decision-headline")).toContain(
      "Ter informatie: meedoen zou € 702,60 per jaar opleveren, en eenmalig € -500,00 in 2028 (btw op de geplande investering), € -900,00 in 2028 (herziening).",
    );
    expect(await text("decision-one-offs")).toContain("€ -900,00");
    expect(await text("decision-deadlines")).toContain("uiterlijk op 3 december 2027");
    await page.getByTestId("language").click();
  });

  it("for a participant, shows the effect of leaving, with the exclusion after it", async () => {
    await page.getByRole("radio", { name: "I am in the KOR now" }).check();
    expect(await text("decision-verdict")).toBe("Loss");
    // consumers €8,457 × 21/121 + €1,407 × 9/109 = €1,583.91 lost; €1,200 of yearly input VAT regained
    expect(await text("decision-kept")).toBe("€1,583.91");
    expect(await text("decision-net")).toBe("€383.91");
    expect(await text("decision-headline")).toBe("Leaving the KOR costs you about €383.91 a year, and once €500.00 in 2027 (VAT on the planned investment); staying in is better.");
    expect(await text("decision-reasons")).toContain("Your turnover excluding VAT then becomes");
    expect(await page.getByTestId("decision-revision").count()).toBe(0);
    expect(await text("decision-deadlines")).toContain("Earliest exit: as of 1 January 2027. Your notice must reach the Belastingdienst by 3 December 2026.");
    expect(await text("decision-deadlines")).toContain("cannot rejoin until after 31 December 2028");
  });

  it("keeps what was typed when the user visits another tab and comes back", async () => {
    await page.getByRole("tab", { name: "Year report" }).click();
    await page.getByRole("tab", { name: "KOR worth it?" }).click();
    await page.getByTestId("decision").waitFor();
    expect(await page.getByTestId("decision-share").inputValue()).toBe("40");
    expect(await text("decision-net")).toBe("€383.91");
  });

  it("is usable with the keyboard: the situation radios move with the arrow keys", async () => {
    await page.getByRole("radio", { name: "I am in the KOR now" }).focus();
    await page.keyboard.press("ArrowUp");
    expect(await page.getByRole("radio", { name: "I am not in the KOR now" }).isChecked()).toBe(true);
    expect(await text("decision-headline")).toContain("joining would gain you €702.60 a year, and once");
  });

  it("for 2026 (crossed), says first that joining is not possible and when it is, with the calculator folded", async () => {
    await page.getByRole("tab", { name: "Year report" }).click();
    await page.getByTestId("settings-toggle").click(); // the year is folded under "Settings (…)"
    await page.getByTestId("year").selectOption("2026");
    await page.getByRole("tab", { name: "KOR worth it?" }).click();
    await page.getByTestId("decision").waitFor();
    expect(await text("decision-not-possible")).toBe(
      "You cannot join the KOR now: you do not meet the conditions in 2026. The earliest you can join is 1 January 2028 (register by 3 December 2027). Turnover of 2026 went over the turnover limit on 18 November 2026: joining in 2027 is not possible (from 2025 the previous year counts too).",
    );
    expect(await page.getByTestId("decision-result").isVisible()).toBe(false);
    await page.getByRole("button", { name: "Still calculate what joining would give" }).click();
    await page.getByTestId("decision-result").waitFor();
    expect(await text("decision-headline")).toContain("You cannot join the KOR now");
    await page.getByRole("tab", { name: "Year report" }).click();
    await page.getByTestId("settings-toggle").click(); // the year is folded under "Settings (…)"
    await page.getByTestId("year").selectOption("2025");
    await page.getByRole("tab", { name: "KOR worth it?" }).click();
    await page.getByTestId("decision").waitFor();
  });

  it("gives no result on a file of amounts including VAT only, with the year report's reason and what to do; rows with errors make it provisional", async () => {
    const other = await e2e.newPage({ locale: "en-US" });
    other.on("pageerror", (e) => errors.push(e.message));
    await other.clock.setFixedTime(NOW);
    await other.goto(e2e.baseUrl + "taskpane.html");
    const open = async (name: string, csv: string): Promise<void> => {
      await other.getByRole("tab", { name: "Year report" }).click();
      await other.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
      await other.getByText(`"${name}"`, { exact: false }).first().waitFor();
      await other.getByRole("tab", { name: "KOR worth it?" }).click();
      await other.getByTestId("decision").waitFor();
    };
    const shown = async (testId: string): Promise<string> => ((await other.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ").trim();

    // It showed "Joining the KOR makes no difference in money a year" from €0 turnover.
    await open("kassa.csv", "Datum;Klant;Totaal incl. btw\n15-1-2025;A;12.100,00\n");
    const refused = await shown("decision-refused");
    expect(refused).toContain("No amount excluding VAT found");
    expect(refused).toContain('"Totaal incl. btw" (C) holds amounts including VAT');
    expect(refused).toContain("Add the VAT column (or the column with the amount excluding VAT) to the sheet and click Read again");
    for (const id of ["decision-result", "decision-verdict", "decision-break-even", "decision-basis", "decision-not-possible"]) expect(await other.getByTestId(id).count()).toBe(0);
    expect(await other.getByRole("button", { name: "Copy figures" }).count()).toBe(0);

    // An unreadable amount: the figure leaves the row out and says so, above and beside the result.
    await open("fouten.csv", "Datum;Bedrag excl. btw;Categorie\n15-1-2025;10.000,00;21\n16-1-2025;tienduizend;21\n");
    expect(await shown("decision-provisional")).toBe(
      "Provisional: 1 row with errors not counted (1 unreadable amount). This result leaves that row out, so it may still change; fix the error first (see the warnings on the Year report tab).",
    );
    expect(await shown("decision-result-provisional")).toBe(await shown("decision-provisional"));
    expect(await shown("decision-net")).toBe("€2,100.00");
    await other.close();
  });

  it("fits the 350 px pane without horizontal scrolling, sends nothing outside, no script errors or CSP violations", async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(e2e.outsideRequests).toEqual([]);
    // functions.js registers KOR.* with CustomFunctions, which exists only inside Excel (as in pane.test.ts).
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});
