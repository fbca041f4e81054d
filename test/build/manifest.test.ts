/**
 * The manifest, checked offline: `office-addin-manifest validate` needs Microsoft's online service, so
 * the structural promises that make the add-in load at all are asserted here.
 */
import { DOMParser } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

type El = { getAttribute(n: string): string | null; getElementsByTagName(n: string): ArrayLike<El>; textContent: string | null; localName: string; parentNode: El | null };

function parse(text: string): { doc: { documentElement: El; getElementsByTagName(n: string): ArrayLike<El> }; errors: string[] } {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(text, "application/xml") as unknown as { documentElement: El; getElementsByTagName(n: string): ArrayLike<El> };
  return { doc, errors };
}

const { doc, errors } = parse(xml);
const all = (tag: string): El[] => Array.from(doc.getElementsByTagName(tag));

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(errors).toEqual([]);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("is an Excel (Workbook) task pane add-in", () => {
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(all("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  });

  it("has a GUID id and a four-part version", () => {
    expect(all("Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(all("Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("requires SharedRuntime 1.1", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
  });

  it("uses one resid for the Runtime, the custom functions Page and the FunctionFile", () => {
    const runtime = all("Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = all("Page")[0].getElementsByTagName("SourceLocation")[0];
    const functionFile = all("FunctionFile")[0];
    const resid = runtime.getAttribute("resid");
    expect(resid).toBe("Taskpane.Url");
    expect(page.getAttribute("resid")).toBe(resid);
    expect(functionFile.getAttribute("resid")).toBe(resid);
    expect(all("TaskpaneId").length).toBe(1);
  });

  it("puts the functions in the KOR namespace", () => {
    const nsResid = all("Namespace")[0].getAttribute("resid");
    const str = all("bt:String").find((s) => s.getAttribute("id") === nsResid);
    expect(str?.getAttribute("DefaultValue")).toBe("KOR");
  });

  it("resolves every resid to a resource defined once", () => {
    const defined = new Map<string, number>();
    for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
      for (const el of all(tag)) {
        const id = el.getAttribute("id");
        if (id) defined.set(id, (defined.get(id) ?? 0) + 1);
      }
    }
    const used = Array.from(xml.matchAll(/resid="([^"]+)"/g), (m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect({ id, defined: defined.get(id) ?? 0 }).toEqual({ id, defined: 1 });
  });

  it("offers Dutch function metadata for nl-NL and nl-BE", () => {
    const url = all("bt:Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url");
    const overrides = Array.from(url?.getElementsByTagName("bt:Override") ?? []).map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")]);
    expect(overrides).toEqual([
      ["nl-NL", "https://localhost:3000/functions-nl.json"],
      ["nl-BE", "https://localhost:3000/functions-nl.json"],
    ]);
  });

  it("has icons of 16, 32, 64 and 80 px in assets/ that are real PNGs of that size", () => {
    const urls = [...all("bt:Image").map((i) => i.getAttribute("DefaultValue")).filter((u) => u !== null), all("IconUrl")[0].getAttribute("DefaultValue"), all("HighResolutionIconUrl")[0].getAttribute("DefaultValue")];
    const sizes = new Set<number>();
    for (const u of urls) {
      const file = path.join(root, new URL(String(u)).pathname);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const width = png.readUInt32BE(16);
      expect(path.basename(file)).toBe(`icon-${width}.png`);
      sizes.add(width);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });
});
