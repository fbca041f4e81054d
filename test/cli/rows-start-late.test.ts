/**
 * kor-check on a client's export that starts late: a CSV from 1 December 2025 reads 2025 as €1,200.00 and says 2026
 * is eligible; the report says the rows of 2025 start on 1 December. A typed previous year, or an auditfile whose
 * header covers the whole year, settles it and the warning goes. Worked by hand: limit €20,000; 2026 so far €7,000.
 */
import * as path from "path";
import Papa from "papaparse";
import { dayFromIso } from "../../src/rules/dates";
import { invoice, writeXaf, type GenTx } from "../support/xaf-generator";
import { runCli, tempDir, writeText } from "./fixtures";

const TODAY = dayFromIso("2026-11-15");
jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("kor-late-");
});
afterEach(() => tmp.cleanup());

const EXPORT = ["Factuurdatum;Bedrag excl. btw;Btw-tarief", "01-12-2025;700,00;21%", "15-12-2025;500,00;21%", "05-01-2026;4.000,00;21%", "01-06-2026;3.000,00;21%", ""].join("\r\n");

describe("kor-check: an export whose rows start late in the previous year", () => {
  it("warns in the JSON and in the table, with the first day and the figure read", async () => {
    const file = writeText(path.join(tmp.dir, "verkoop.csv"), EXPORT);
    const r = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
    expect(r.code).toBe(0);
    const [item] = JSON.parse(r.stdout) as Json[];
    expect(item).toMatchObject({ year: 2026, verdict: "eligible", previousYear: 1200, previousYearBasis: "data" });
    const w = (item.problems as Json[]).filter((p) => p.code === "previous-year-starts-late");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", row: null });
    expect(w[0].message).toContain("The rows of 2025 only start on 1 December 2025: the 2025 turnover (€1,200.00, from the data)");
    expect(item.previousYearRowsFrom).toBe("2025-12-01");
    const table = await runCli([file, "--lang", "nl"], TODAY);
    const flat = table.stdout.replace(/\s+/g, " ");
    expect(flat).toContain("Vorig jaar € 1.200,00 — onvolledig? de rijen van 2025 beginnen pas op 1 december 2025: is dit heel 2025?");
    expect(flat).toContain("De rijen van 2025 beginnen pas op 1 december 2025");
    // A firm's overview: the CSV's last column says it, where vorig_jaar is.
    const csv = await runCli([file, "--format", "csv", "--lang", "nl"], TODAY);
    const [header, line] = Papa.parse<string[]>(csv.stdout.trim(), { delimiter: ";" }).data;
    expect(line[header.indexOf("vorig_jaar")]).toBe("1200,00");
    expect(line[header.indexOf("vorig_jaar_onvolledig")]).toBe("onvolledig? de rijen van 2025 beginnen pas op 1 december 2025: is dit heel 2025?");
  });

  it("says nothing once the previous year's turnover is typed", async () => {
    const file = writeText(path.join(tmp.dir, "verkoop.csv"), EXPORT);
    const r = await runCli([file, "--format", "json", "--previous-year-turnover", "18000"], TODAY);
    const [item] = JSON.parse(r.stdout) as Json[];
    expect(item).toMatchObject({ previousYearBasis: "given", previousYearRowsFrom: null });
    expect((item.problems as Json[]).map((p) => p.code)).not.toContain("previous-year-starts-late");
  });

  it("says nothing for auditfiles whose header periods cover both years, though their entries start late", async () => {
    const cust = [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }];
    const H = { id: "H", perc: 21 };
    const file = (year: number, txs: GenTx[]): string =>
      writeText(
        path.join(tmp.dir, `klant-${year}.xaf`),
        writeXaf({ fiscalYear: year, customers: cust, taxRegIdent: "NL001234567B01", companyName: "Bakkerij Test", journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] }),
      );
    const a = file(2025, [invoice({ nr: "1", date: "2025-12-01", ref: "F1", customer: "C1", parts: [{ acc: "8000", net: 70000, vat: H }] })]);
    const b = file(2026, [invoice({ nr: "2", date: "2026-05-04", ref: "F2", customer: "C1", parts: [{ acc: "8000", net: 400000, vat: H }] })]);
    const r = await runCli([a, b, "--format", "json"], TODAY);
    const [item] = JSON.parse(r.stdout) as Json[];
    expect(item).toMatchObject({ year: 2026, previousYear: 700, previousYearBasis: "data", previousYearRowsFrom: null });
    const codes = (item.problems as Json[]).map((p) => p.code);
    expect(codes).not.toContain("previous-year-starts-late");
    expect(codes).not.toContain("year-starts-late");
  });
});

describe("kor-check: last year's Union turnover from rows that start late (EU-KOR)", () => {
  it("says it beside the Union figure in the table and gives the day in the JSON", async () => {
    // NL €25,000 (over the KOR limit) and BE €5,000 from 1 December 2025 only; 2026 BE €3,000.
    const csv = ["Factuurdatum;Bedrag excl. btw;Categorie;Land", "01-12-2025;25.000,00;21;NL", "05-12-2025;5.000,00;buitenland;BE", "01-02-2026;3.000,00;buitenland;BE", ""].join("\r\n");
    const file = writeText(path.join(tmp.dir, "eu.csv"), csv);
    const r = await runCli([file, "--format", "json", "--lang", "en"], TODAY);
    const [item] = JSON.parse(r.stdout) as Json[];
    expect(item.previousYearRowsFrom).toBeNull();
    expect(item.eu).toMatchObject({ previousUnion: 30000, previousUnionBasis: "data", previousUnionRowsFrom: "2025-12-01" });
    const table = await runCli([file, "--lang", "nl"], TODAY);
    expect(table.stdout.replace(/\s+/g, " ")).toContain("€ 30.000,00 — onvolledig? de rijen beginnen pas op 1 december 2025");
  });
});
