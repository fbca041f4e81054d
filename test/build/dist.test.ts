/**
 * `npm run build` must emit every file manifest.xml references (npm test builds before running jest).
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const dist = path.join(root, "dist");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("the build output", () => {
  const referenced = [...new Set(Array.from(manifest.matchAll(/https:\/\/localhost:3000\/([^"?#]+)/g), (m) => m[1]))];

  it("references the page, the script, the metadata and the icons", () => {
    expect(referenced).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "functions-nl.json", "assets/icon-16.png"]));
  });

  it.each(referenced)("contains %s", (file) => {
    expect(fs.existsSync(path.join(dist, file))).toBe(true);
  });

  it("loads Office.js, then the functions, then the pane in taskpane.html", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = html.search(/src="?functions\.js/);
    const pane = html.search(/src="?taskpane\.[0-9a-f]{8}\.js/);
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(pane).toBeGreaterThan(functions);
  });
});
