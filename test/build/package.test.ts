/**
 * `npm run package`'s checks before the build: which hosts a release may name, the manifest <Version>, and the
 * production manifest made from manifest.xml. (The zip itself is unpacked and opened in test/e2e/package.test.ts.)
 */
import * as fs from "fs";
import * as path from "path";

interface PackageScript {
  releaseHost(raw: string | undefined): string;
  manifestVersion(version: string): string;
  productionManifest(xml: string, host: string, version: string): string;
  manifestUrls(xml: string): string[];
  DEV_URL: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../scripts/package.js") as PackageScript;

const root = path.resolve(__dirname, "..", "..");
const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;

describe("the release host", () => {
  it.each([
    ["https://kor.example.nl/", "https://kor.example.nl/"],
    ["https://kor.example.nl", "https://kor.example.nl/"],
    ["https://Static.Example.nl/addins/kor", "https://static.example.nl/addins/kor/"],
    ["https://cdn.example.nl:8443/kor/", "https://cdn.example.nl:8443/kor/"],
  ])("accepts %s as %s", (raw, expected) => {
    expect(pkg.releaseHost(raw)).toBe(expected);
  });

  it.each([
    ["http://kor.example.nl/", /https:\/\//],
    ["https://localhost:3000/", /this computer/],
    ["https://127.0.0.1/", /this computer/],
    ["https://[::1]/", /this computer/],
    ["https://app.localhost/", /this computer/],
    ["kor.example.nl", /not a URL/],
    ["https://kor.example.nl/?v=1", /query/],
    ["https://user:pw@kor.example.nl/", /password/],
    [undefined, /--host/],
  ])("refuses %s", (raw, message) => {
    expect(() => pkg.releaseHost(raw)).toThrow(message);
  });
});

describe("the manifest version", () => {
  it("is package.json's version with a fourth part, so every release is newer than the last", () => {
    expect(pkg.manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(pkg.manifestVersion(packageVersion)).toMatch(/^\d+\.\d+\.\d+\.0$/);
  });

  it("refuses a version Office could not compare", () => {
    expect(() => pkg.manifestVersion("1.2.3-beta.1")).toThrow(/three numbers/);
    expect(() => pkg.manifestVersion("1.2")).toThrow(/three numbers/);
  });

  it("is the same in the source manifest.xml as in package.json (the development manifest says which release it is)", () => {
    expect(/<Version>([^<]*)<\/Version>/.exec(source)?.[1]).toBe(pkg.manifestVersion(packageVersion));
  });
});

describe("the production manifest", () => {
  const host = "https://kor.example.nl/addin/";
  const xml = pkg.productionManifest(source, host, "2.5.1");

  it("puts every URL under the host and none on localhost", () => {
    const urls = pkg.manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(host)).toBe(true);
    expect(xml).not.toContain("localhost");
  });

  it("keeps every file the development manifest names, under the host", () => {
    const files = (urls: string[], base: string) => urls.map((u) => u.slice(base.length)).sort();
    expect(files(pkg.manifestUrls(xml), host)).toEqual(files(pkg.manifestUrls(source), pkg.DEV_URL));
  });

  it("carries the release's version", () => {
    expect(xml).toContain("<Version>2.5.1.0</Version>");
  });
});
