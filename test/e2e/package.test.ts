/**
 * The release a firm's IT receives: `npm run package`'s zip, made from the built dist/ for a made-up host,
 * unpacked into a temporary folder. Every URL of its manifest is under the host, every file the manifest and
 * the pages name is in it, and the packaged panel opens in Chromium from a plain static server.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { DIST, ROOT, startE2E, type E2E } from "./support/browser";

interface PackageScript {
  packageRelease(o: { dist: string; manifestSource: string; host: string; version: string; outDir: string }): Promise<string>;
  manifestUrls(xml: string): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../scripts/package.js") as PackageScript;

jest.setTimeout(120_000);

const HOST = "https://kor.example.nl/";
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Relative URLs a page loads or links to (src=, href=), without query or fragment. */
function pageReferences(html: string): string[] {
  return Array.from(html.matchAll(/\b(?:src|href)="?([^"\s>]+)/g), (m) => m[1])
    .filter((u) => !/^(?:[a-z]+:|\/\/|#)/i.test(u))
    .map((u) => u.replace(/[?#].*$/, ""));
}

describe("the release zip", () => {
  let tmp: string;
  let zipFile: string;
  let files: string[];
  let unpacked: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kor-release-"));
    zipFile = await pkg.packageRelease({ dist: DIST, manifestSource: path.join(ROOT, "manifest.xml"), host: HOST, version, outDir: tmp });
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    files = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    unpacked = path.join(tmp, "unpacked");
    for (const name of files) {
      const target = path.join(unpacked, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await zip.file(name)!.async("nodebuffer"));
    }
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("is named after the version and holds the manifest next to dist/", () => {
    expect(path.basename(zipFile)).toBe(`kor-for-excel-${version}.zip`);
    expect(files).toContain("manifest.xml");
    expect(files).toContain("dist/taskpane.html");
    expect(files.every((f) => f === "manifest.xml" || f.startsWith("dist/"))).toBe(true);
    expect(files.some((f) => f.startsWith("dist/cli/"))).toBe(false); // the command line is not hosted
  });

  it("has a manifest whose every URL is under the host, with package.json's version", () => {
    const xml = fs.readFileSync(path.join(unpacked, "manifest.xml"), "utf8");
    const urls = pkg.manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(HOST)).toBe(true);
    expect(xml).not.toContain("localhost");
    expect(xml).toContain(`<Version>${version}.0</Version>`);
  });

  it("contains every file the manifest names", () => {
    const xml = fs.readFileSync(path.join(unpacked, "manifest.xml"), "utf8");
    for (const u of pkg.manifestUrls(xml)) {
      const file = `dist/${u.slice(HOST.length).replace(/[?#].*$/, "")}`;
      expect({ url: u, inZip: files.includes(file) }).toEqual({ url: u, inZip: true });
    }
  });

  it("contains every file its pages and scripts reference", () => {
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages).toContain("dist/taskpane.html");
    for (const p of pages) {
      const refs = pageReferences(fs.readFileSync(path.join(unpacked, p), "utf8"));
      if (p === "dist/taskpane.html") expect(refs.length).toBeGreaterThan(0); // help.html needs nothing else
      for (const r of refs) expect({ page: p, file: r, inZip: files.includes(path.posix.join("dist", r)) }).toEqual({ page: p, file: r, inZip: true });
    }
    for (const js of files.filter((f) => f.endsWith(".js"))) {
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(fs.readFileSync(path.join(unpacked, js), "utf8"));
      if (map) expect(files).toContain(path.posix.join(path.posix.dirname(js), map[1]));
    }
  });

  it("gives content-hashed names to every script except functions.js, which the manifest names", () => {
    const scripts = files.filter((f) => f.endsWith(".js")).map((f) => f.slice("dist/".length));
    expect(scripts).toContain("functions.js");
    for (const s of scripts.filter((s) => s !== "functions.js")) expect(s).toMatch(/\.[0-9a-f]{8}\.js$/);
  });

  describe("opened from a plain static server", () => {
    let e2e: E2E;
    beforeAll(async () => {
      e2e = await startE2E(path.join(unpacked, "dist"));
    });
    afterAll(async () => {
      await e2e.close();
    });

    it("shows the panel without any request leaving the server", async () => {
      const page = await e2e.newPage({ officeStub: "window.__officeStubLoaded = true;" });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(e2e.baseUrl + "taskpane.html");
      expect(await page.evaluate(() => (window as unknown as { __officeStubLoaded?: boolean }).__officeStubLoaded)).toBe(true);
      expect(await page.title()).toBe("KOR");
      await page.getByTestId("headline").waitFor({ timeout: 30_000 });
      // The panel's Help link opens the shipped help page in the panel's language.
      expect(await page.getByTestId("help").getAttribute("href")).toBe("help.html#en");
      expect(errors).toEqual([]);
      expect(e2e.outsideRequests).toEqual([]);
    });

    it.each([
      ["nl-NL", "", "nl", "Werkbladfuncties"],
      ["en-US", "", "en", "Worksheet functions"],
      ["en-US", "#nl", "nl", "Werkbladfuncties"],
      ["nl-NL", "#en", "en", "Worksheet functions"],
    ])("shows help.html in the browser's language (%s) or the link's (%s)", async (locale, hash, lang, heading) => {
      const page = await e2e.newPage({ locale });
      const csp: string[] = [];
      page.on("console", (m) => {
        if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
      });
      await page.goto(e2e.baseUrl + "help.html" + hash);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect(page.getByRole("heading", { level: 2, name: heading }).isVisible()).resolves.toBe(true);
      const other = lang === "nl" ? "Worksheet functions" : "Werkbladfuncties";
      expect(await page.getByRole("heading", { level: 2, name: other }).count()).toBe(0); // hidden sections leave the accessibility tree
      expect(await page.locator(`section[data-lang=${lang}] table`).first().locator("tbody tr").count()).toBeGreaterThan(10);
      expect(csp).toEqual([]);
      expect(e2e.outsideRequests).toEqual([]);
    });
  });
});
