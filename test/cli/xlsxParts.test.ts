/**
 * kor-check's own unzipping of an .xlsx (src/cli/zipOrder.ts): every sheet the file holds is read, every
 * time. Through exceljs' unzipper, a workbook without shared strings (text as inline strings, as many
 * programs and scripts write it) lost sheets at random: 9 to 12 of 12 one-invoice sheets, run to run, with
 * exit 0 and no word. Also: a part name twice is a damaged file, a sheet the workbook names but the file
 * lacks is named as not read, a part that inflates past the compression ratio is too large to check.
 */
import * as path from "path";
import { readXlsx } from "../../src/cli/read";
import { runCli, tempDir, writeText } from "./fixtures";
import { dayFromIso } from "../../src/rules/dates";
import { TooLargeError } from "../../src/reading/limits";
import { zip } from "../zipBytes";

jest.setTimeout(120_000);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** 1 March 2026 as a 1900-system serial. */
const MARCH_1 = 46082;

/** A sheet: header Factuurdatum | Klant | Bedrag excl. btw | BTW %, and one invoice of `amount` on 1 March 2026. */
function sheetXml(amount: number, extraRows = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>` +
    `<row r="1">${inline("A1", "Factuurdatum")}${inline("B1", "Klant")}${inline("C1", "Bedrag excl. btw")}${inline("D1", "BTW %")}</row>` +
    `<row r="2"><c r="A2"><v>${MARCH_1}</v></c>${inline("B2", "Jansen")}<c r="C2"><v>${amount}</v></c>${inline("D2", "21")}</row>` +
    `${extraRows}</sheetData></worksheet>`
  );
}

/** Content types, relationships and workbook.xml naming `names` as sheet1.xml, sheet2.xml, … (no shared strings). */
function workbookParts(names: readonly string[]): [string, string][] {
  return [
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
        names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `</Relationships>`,
    ],
  ];
}

const TODAY = dayFromIso("2026-12-01");

describe("a workbook without shared strings: every sheet read, every time", () => {
  it("12 one-invoice sheets with inline text: all 12 in each of 25 reads (exceljs' unzipper lost 1 to 4 of them at random)", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Blad ${i + 1}`);
    const file = writeText(path.join(tmp.dir, "n12.xlsx"), zip([...workbookParts(names), ...names.map((_, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(1000 + i)])]));
    for (let k = 0; k < 25; k++) {
      const read = await readXlsx(file, { year: null });
      expect(read.skipped).toEqual([]);
      expect(read.sheets.map((s) => s.sheet)).toEqual(names);
    }
  });

  it("a sheet the workbook names but whose part the file lacks is named as not read (it was absent without a word)", async () => {
    const names = ["Omzet 2025", "Omzet 2026"];
    const file = writeText(path.join(tmp.dir, "missing.xlsx"), zip([...workbookParts(names), ["xl/worksheets/sheet1.xml", sheetXml(1000)]]));
    const read = await readXlsx(file, { year: null });
    expect(read.sheets.map((s) => s.sheet)).toEqual(["Omzet 2025"]);
    expect(read.skipped.map((s) => [s.sheet, s.reason.en])).toEqual([["Omzet 2026", expect.stringContaining("this sheet was not read") as unknown]]);
  });
});

describe("sheet names, as exceljs gives them", () => {
  // kor-check names the sheet parts itself since 2 Dec 2026 (exceljs searched every list for every sheet): by the same rule.
  it("a part the workbook does not name is 'Sheet' and its number; a named part keeps its name, whatever the order of the parts", async () => {
    const names = ["Omzet 2026"];
    const file = writeText(path.join(tmp.dir, "unnamed.xlsx"), zip([...workbookParts(names), ["xl/worksheets/sheet3.xml", sheetXml(300)], ["xl/worksheets/sheet1.xml", sheetXml(100)]]));
    const read = await readXlsx(file, { year: null });
    expect(read.sheets.map((s) => s.sheet)).toEqual(["Sheet3", "Omzet 2026"]);
  });
});

describe("a damaged zip is refused, as Excel refuses it", () => {
  it("a sheet part twice (€1,000, then €25,000): damaged, naming the part; not two verdicts for one sheet", async () => {
    const file = writeText(
      path.join(tmp.dir, "dup.xlsx"),
      zip([...workbookParts(["Omzet"]), ["xl/worksheets/sheet1.xml", sheetXml(1000)], ["xl/worksheets/sheet1.xml", sheetXml(25000)]]),
    );
    const r = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
    const items = JSON.parse(r.stdout) as { sheet: string | null; error: string | null }[];
    expect(items).toHaveLength(1);
    expect(items[0].error).toMatch(/^damaged \.xlsx file: the part xl\/worksheets\/sheet1\.xml is in it twice/);
    expect(r.code).toBe(1);
  });

  it("a part that inflates to another size than the directory says: damaged", async () => {
    const file = writeText(
      path.join(tmp.dir, "size.xlsx"),
      zip([...workbookParts(["Omzet"]), ["xl/worksheets/sheet1.xml", sheetXml(1000)]], { declaredSize: (name, real) => (name.endsWith("sheet1.xml") ? real + 10 : real) }),
    );
    await expect(readXlsx(file, { year: null })).rejects.toMatchObject({ code: "KOR_DAMAGED" });
  });
});

describe("a part that inflates far more than any real sheet: too large to check, at once", () => {
  it("10 MB of tiny identical rows (about 1,000 times its packed size) is refused by the compression ratio, not by the sheet limit", async () => {
    const rows = "<row><c><v>1</v></c></row>".repeat(400_000);
    const file = writeText(path.join(tmp.dir, "bomb.xlsx"), zip([...workbookParts(["Omzet"]), ["xl/worksheets/sheet1.xml", sheetXml(1000, rows)]]));
    const error = await readXlsx(file, { year: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as TooLargeError).what).toBe("compression-ratio");
  });

  it("a realistic sheet of varied invoices (about 10 times) is read", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => {
      const r = i + 3;
      return `<row r="${r}"><c r="A${r}"><v>${MARCH_1 + (i % 300)}</v></c>${inline(`B${r}`, `Klant ${i % 97} BV`)}<c r="C${r}"><v>${100 + ((i * 37) % 900)}.${i % 100}</v></c>${inline(`D${r}`, "21")}</row>`;
    }).join("");
    const file = writeText(path.join(tmp.dir, "real.xlsx"), zip([...workbookParts(["Omzet"]), ["xl/worksheets/sheet1.xml", sheetXml(1000, rows)]]));
    const read = await readXlsx(file, { year: null });
    expect(read.sheets.map((s) => [s.sheet, s.rowCount])).toEqual([["Omzet", 20_001]]);
  });
});
