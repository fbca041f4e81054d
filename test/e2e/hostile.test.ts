/**
 * Hostile files and text in the pane (browser mode, Debian Chromium at the pane's 350 px): a long unbroken
 * quote in a warning wraps instead of widening the pane, a direction override (U+202E) in a cell is shown as
 * the visible escape \u202E instead of reversing the rest of the warning, and a zip bomb whose headers lie
 * about its size is refused with a clear message through "Open file" while the tab stays usable.
 */
import { once } from "events";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { startE2E, type E2E } from "./support/browser";

interface ZipEntry {
  readonly name: string;
  /** Deflated bytes, their CRC-32, the real inflated size and the size the headers declare. */
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly declared: number;
}

/** A zip written by hand, so its headers can say what the test wants (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16). */
function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A real workbook whose shared strings inflate to 320 MB of ordinary short texts (past the browser's 300 MB)
 * while every header declares 320 bytes: the declared-size check passes it, only counting while inflating
 * catches it. Deflated as a stream, so the test never holds the 320 MB.
 */
async function lyingBomb(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Facturen").addRow(["Datum", "Bedrag"]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir || file.name === "xl/sharedStrings.xml") continue;
    const raw = Buffer.from(await file.async("uint8array"));
    entries.push({ name: file.name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length, declared: raw.length });
  }
  const si = (text: string): string => `<si><t>${text}</t></si>`;
  const block = Buffer.from(si(`Klant ${"A".repeat(128 - 22)}`).repeat(8192)); // 1 MiB of 128-byte strings
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si("Datum")}${si("Bedrag")}`);
  const tail = Buffer.from("</sst>");
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  let crc = zlib.crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let i = 0; i < 320; i++) {
    crc = zlib.crc32(block, crc);
    size += block.length;
    if (!deflate.write(block)) await once(deflate, "drain");
  }
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await once(deflate, "end");
  entries.push({ name: "xl/sharedStrings.xml", data: Buffer.concat(out), crc, size, declared: 320 });
  return writeZip(entries);
}

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

  it("refuses a zip bomb whose headers lie about its size, with a clear message, and the tab stays usable", async () => {
    const bomb = await lyingBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const page = await e2e.newPage({ officeStub: "" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("crash", () => errors.push("the tab crashed"));
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.getByTestId("headline").waitFor({ timeout: 30_000 });
    await page.getByTestId("file-input").setInputFiles({ name: "bom.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb });
    await page
      .getByText(
        'File "bom.xlsx" could not be read: too large to check: the workbook unpacks to more than 300 MB. Is it an invoice list? Split the file or save only the invoices.',
      )
      .waitFor({ timeout: 150_000 }); // 320 MB inflated in the page's JavaScript: seconds, minutes on a loaded machine
    // The pane still works: a good file opens after the bomb.
    const csv = "Factuurdatum;Bedrag excl. btw;Categorie\n1-3-2026;100,00;21\n";
    await page.getByTestId("file-input").setInputFiles({ name: "goed.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText('File "goed.csv"').waitFor();
    expect(errors).toEqual([]);
    expect(e2e.outsideRequests).toEqual([]);
  }, 240_000);
});
