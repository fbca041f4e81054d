import { startE2E, type E2E } from "./support/browser";

describe("the shared-runtime page in Chromium", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  it("loads taskpane.html from dist without any request leaving localhost", async () => {
    const page = await e2e.newPage({ officeStub: "window.__officeStubLoaded = true;" });
    await page.goto(e2e.baseUrl + "taskpane.html");
    expect(await page.evaluate(() => (window as unknown as { __officeStubLoaded?: boolean }).__officeStubLoaded)).toBe(true);
    expect(await page.title()).toBe("KOR");
    expect(e2e.outsideRequests).toEqual([]);
  });
});
