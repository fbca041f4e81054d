/**
 * The panel's browser "Open file" with an auditfile: streamed through the XAF reader into an invoice table,
 * the same verdict as kor-check, the crossing named by invoice, and the reader's problems shown.
 */
import { readFileSource, type FileLike } from "../../src/taskpane/browser/files";
import { analyze } from "../../src/taskpane/model";
import { figuresText } from "../../src/taskpane/copyText";
import { buildReport } from "../../src/excel/reportContent";
import { dayFromIso } from "../../src/rules/dates";
import { invoice, writeXaf, type GenTx } from "../support/xaf-generator";

const TODAY = dayFromIso("2027-01-20");

function fileOf(name: string, text: string): FileLike {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    text: async () => text,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    stream: () => new Blob([bytes]).stream() as ReadableStream<Uint8Array>,
  };
}

/** €1,500 on the 10th of each month of 2026 plus F2026-013 (15 Dec) and F2026-014 (20 Dec): €21,000, crossed by F2026-014. */
function year2026(): string {
  const txs: GenTx[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, "0");
    txs.push(invoice({ nr: String(m), date: `2026-${mm}-10`, ref: `F2026-0${mm}`, customer: "C1", parts: [{ acc: "8000", net: 150000, vat: { id: "H", perc: 21 } }] }));
  }
  txs.push(invoice({ nr: "13", date: "2026-12-15", ref: "F2026-013", customer: "C1", parts: [{ acc: "8000", net: 150000, vat: { id: "H", perc: 21 } }] }));
  txs.push(invoice({ nr: "14", date: "2026-12-20", ref: "F2026-014", customer: "C1", parts: [{ acc: "8000", net: 150000, vat: { id: "H", perc: 21 } }] }));
  txs.push(invoice({ nr: "15", date: "2026-12-21", ref: "F2026-015", customer: "C1", parts: [{ acc: "8090", net: 1000, vat: null }] }));
  return writeXaf({ fiscalYear: 2026, companyName: "Bakkerij Test", customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }], journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });
}

describe("Open file with an auditfile (.xaf)", () => {
  it("gives the verdict, names the crossing by invoice and shows the reader's problems", async () => {
    const source = await readFileSource(fileOf("klant-2026.xaf", year2026()));
    expect(source.name).toBe("klant-2026.xaf – Bakkerij Test");
    const a = analyze(source, {}, TODAY);
    expect(a.year).toBe(2026);
    expect(a.summary.countableCents).toBe(2_100_000);
    expect(a.summary.crossing?.day).toBe(dayFromIso("2026-12-20"));
    expect(a.summary.reasons.map((r) => r.en).join(" ")).toContain("entry F2026-014 of 20 December 2026");
    expect(a.summary.problems.some((p) => p.message.en.includes("without a VAT code"))).toBe(true);
  });
});

describe("Open file with an auditfile: what a category fix means there", () => {
  it("a customer abroad: the warning says 'give it the category', and one note says that is the VAT code, in the package", async () => {
    const txs = [invoice({ nr: "1", date: "2026-03-01", ref: "F2", customer: "C2", parts: [{ acc: "8000", net: 1500000, vat: { id: "H", perc: 21 } }] })];
    const xaf = writeXaf({ fiscalYear: 2026, companyName: "Bakkerij Test", customers: [{ id: "C2", name: "Müller", tp: "C", taxCountry: "DE" }], journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });
    const a = analyze(await readFileSource(fileOf("klant-2026.xaf", xaf)), {}, TODAY);
    expect(a.summary.problems.map((p) => p.code)).toContain("counted-nl-country-abroad");
    const advice = a.summary.problems.filter((p) => p.code === "auditfile-category-advice");
    expect(advice).toHaveLength(1);
    // The pane has no code table for an auditfile's VAT codes: the fix is in the bookkeeping package.
    expect(advice[0].message.nl).toContain("boek die boekingen dan in het boekhoudpakket met de juiste btw-code");
    // Only Dutch customers: no note.
    const plain = analyze(await readFileSource(fileOf("klant-2026.xaf", year2026())), {}, TODAY);
    expect(plain.summary.problems.map((p) => p.code)).not.toContain("auditfile-category-advice");
  });
});

describe("Open file with an auditfile whose period is a broken fiscal year", () => {
  it("says the previous year is covered only in part (an error of that year), as kor-check does", async () => {
    const txs = [
      invoice({ nr: "1", date: "2025-09-01", ref: "A1", customer: "C1", parts: [{ acc: "8000", net: 500000, vat: { id: "H", perc: 21 } }] }),
      invoice({ nr: "2", date: "2026-03-01", ref: "A2", customer: "C1", parts: [{ acc: "8000", net: 800000, vat: { id: "H", perc: 21 } }] }),
    ];
    const xaf = writeXaf({ fiscalYear: 2026, period: { start: "2025-07-01", end: "2026-06-30" }, customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }], journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });
    const a = analyze(await readFileSource(fileOf("fy2526.xaf", xaf)), {}, TODAY);
    const period = a.summary.problems.filter((p) => p.code === "xaf-period");
    expect(period.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(period[0].message.en).toContain("cover 2025 only in part: from 1 July 2025 to 31 December 2025");
  });
});

describe("Open file: rows that start late in the previous year", () => {
  // 2025 from 1 December only (€700), 2026 €4,000: eligible on what is there.
  it("a CSV export from 1 December: the report says the rows of 2025 start then", async () => {
    const csv = "Factuurdatum;Bedrag excl. btw;Btw-tarief\r\n01-12-2025;700,00;21%\r\n05-01-2026;4.000,00;21%\r\n";
    const a = analyze(await readFileSource(fileOf("verkoop.csv", csv)), {}, TODAY);
    expect(a.summary.verdict).toBe("eligible");
    const w = a.summary.problems.filter((p) => p.code === "previous-year-starts-late");
    expect(w.map((p) => p.message.nl)).toEqual([expect.stringContaining("De rijen van 2025 beginnen pas op 1 december 2025")]);
    // Beside the figure, in the copied figures and on the report sheet as in the panel (the same words).
    expect(figuresText(a.summary, "nl", { sourceName: "verkoop.csv", today: TODAY }).split("\n")).toContain(
      "Omzet die meetelt 2025: € 700,00 (uit de gegevens; onvolledig? de rijen beginnen pas op 1 december 2025)",
    );
    expect(buildReport(a.summary, "en", "verkoop.csv").values.flat()).toContain("from the data; incomplete? the rows only start on 1 December 2025");
  });

  it("an auditfile whose header covers 2025 whole: its entries starting in December are the year, no warning", async () => {
    const txs = [
      invoice({ nr: "1", date: "2025-12-01", ref: "A1", customer: "C1", parts: [{ acc: "8000", net: 70000, vat: { id: "H", perc: 21 } }] }),
      invoice({ nr: "2", date: "2026-01-05", ref: "A2", customer: "C1", parts: [{ acc: "8000", net: 400000, vat: { id: "H", perc: 21 } }] }),
    ];
    const xaf = writeXaf({ fiscalYear: 2026, period: { start: "2025-01-01", end: "2026-12-31" }, customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }], journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] });
    const a = analyze(await readFileSource(fileOf("klant.xaf", xaf)), {}, TODAY);
    expect(a.summary.previousYearBasis).toBe("data");
    expect(a.summary.problems.map((p) => p.code)).not.toContain("previous-year-starts-late");
  });
});
