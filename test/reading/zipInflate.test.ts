/**
 * The check of what a workbook really inflates to (src/reading/zipInflate.ts) has two inflaters: the one built
 * into browsers and Node (fast, used when present) and JSZip's own (the fallback, and the judge of a damaged
 * zip). On the same files both must give the same answer: pass, too large (and why), or damaged.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkRealInflation, XmlTextScan } from "../../src/reading/zipInflate";
import { READ_LIMITS, TooLargeError } from "../../src/reading/limits";

jest.setTimeout(30_000);

const SST_HEAD = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

async function workbook(rows: number, compression: "DEFLATE" | "STORE" = "DEFLATE", sst?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Facturen");
  ws.addRow(["Factuurdatum", "Klant", "Bedrag excl. btw"]);
  for (let i = 0; i < rows; i++) ws.addRow([new Date(Date.UTC(2026, i % 12, 1 + (i % 28))), `Klant ${i % 97}`, (i % 1000) + 0.25]);
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (sst !== undefined) zip.file("xl/sharedStrings.xml", sst);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression }));
}

/** Makes the local and central headers of `entry` declare `size` inflated bytes: what a crafted zip can do. */
function lieAboutSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameAt = (at: number, length: number): string => new TextDecoder().decode(out.subarray(at, at + length));
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === entry) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === entry) view.setUint32(i + 24, size, true);
  }
  return out;
}

type Outcome = "fits" | `too large: ${string}` | "damaged";

async function outcome(bytes: Uint8Array, builtIn: boolean, limits = READ_LIMITS): Promise<Outcome> {
  try {
    await checkRealInflation(bytes, limits, { builtIn });
    return "fits";
  } catch (e) {
    return e instanceof TooLargeError ? `too large: ${e.what}` : "damaged";
  }
}

describe("the real inflated size, with the built-in inflater and with JSZip's", () => {
  it("runs where the built-in inflater exists (else this comparison would test one path twice)", () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe("function");
  });

  const strings = Array.from({ length: 40_000 }, (_, i) => `<si><t>Klant ${i} ${"A".repeat(90)}</t></si>`).join("");
  const small = { ...READ_LIMITS, browserInflatedBytes: 1024 * 1024 };
  const cases: [string, () => Promise<Uint8Array>, typeof READ_LIMITS, Outcome][] = [
    ["an ordinary workbook of 3,000 rows", () => workbook(3000), READ_LIMITS, "fits"],
    ["the same workbook stored without compression", () => workbook(3000, "STORE"), READ_LIMITS, "fits"],
    ["a workbook just over a small limit", () => workbook(3000), { ...READ_LIMITS, browserInflatedBytes: 100_000 }, "too large: inflated-bytes"],
    ["headers that declare 100 bytes for 4 MB", async () => lieAboutSize(await workbook(1, "DEFLATE", `${SST_HEAD}${strings}</sst>`), "xl/sharedStrings.xml", 100), small, "too large: inflated-bytes"],
    ["a stored entry that lies the same way", async () => lieAboutSize(await workbook(1, "STORE", `${SST_HEAD}${strings}</sst>`), "xl/sharedStrings.xml", 100), small, "too large: inflated-bytes"],
    ["one shared string of 10 MB", () => workbook(1, "DEFLATE", `${SST_HEAD}<si><t>${"A".repeat(10 * 1024 * 1024)}</t></si></sst>`), READ_LIMITS, "too large: one-text-bytes"],
    ["headers that lie within the limit", async () => lieAboutSize(await workbook(1, "DEFLATE", `${SST_HEAD}${strings.slice(0, 50_000)}</sst>`), "xl/sharedStrings.xml", 100), READ_LIMITS, "damaged"],
    ["a cut-off file", async () => (await workbook(3000)).slice(0, 20_000), READ_LIMITS, "damaged"],
  ];
  it.each(cases)("%s: the same answer from both", async (_what, make, limits, expected) => {
    const bytes = await make();
    expect(await outcome(bytes, true, limits)).toBe(expected);
    expect(await outcome(bytes, false, limits)).toBe(expected);
  });

  it("calls an entry whose deflate data is broken damaged with both", async () => {
    const bytes = await workbook(3000);
    const zip = await JSZip.loadAsync(bytes);
    const sheet = (zip.files["xl/worksheets/sheet1.xml"] as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    // The sheet's deflate data inside the file (JSZip reads it in place): 300 bytes of it overwritten.
    const at = sheet.byteOffset;
    expect(Array.from(bytes.subarray(at, at + 64))).toEqual(Array.from(sheet.subarray(0, 64)));
    const broken = bytes.slice();
    for (let i = at + 100; i < at + 400; i++) broken[i] = 0xff;
    expect(await outcome(broken, true)).toBe("damaged");
    expect(await outcome(broken, false)).toBe("damaged");
  });
});

describe("one text in a sheet (the text between two tags)", () => {
  /** The longest run of bytes between two '<' (or the start or end), counted byte by byte. */
  function longestText(xml: Uint8Array): number {
    let run = 0;
    let longest = 0;
    for (const b of xml) {
      if (b === 0x3c) run = 0;
      else longest = Math.max(longest, ++run);
    }
    return longest;
  }

  it("is found too long exactly when a text passes the limit, however the bytes are split", () => {
    const xml = new TextEncoder().encode(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"A".repeat(50)}</t></is></c></row><row r="2"><c><v>${"9".repeat(30)}</v></c></row></sheetData>${"B".repeat(20)}`);
    const longest = longestText(xml);
    expect(longest).toBe(50 + 2); // "t>" and the 50 letters
    for (const limit of [longest - 1, longest, longest + 1, 10, 200]) {
      for (const size of [1, 2, 3, 7, 16, 51, 52, 53, 64, xml.length]) {
        const scan = new XmlTextScan(limit, null);
        const feed = (): void => {
          for (let i = 0; i < xml.length; i += size) scan.feed(xml.subarray(i, i + size));
        };
        if (longest > limit) expect(feed).toThrow(TooLargeError);
        else expect(feed).not.toThrow();
      }
    }
  });
});
