/**
 * A CSV holds every cell as text; a workbook holds numbers. The same invoices saved either way must give the
 * same answer from kor-check (or the same refusal), never a different number.
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { type Cell, d, runCli, tempDir, writeText, writeXlsx } from "./fixtures";

const TODAY = dayFromIso("2026-01-15");
jest.setTimeout(30_000);

interface Item {
  sheet: string;
  countable: number | null;
  notCounted: number | null;
  error: string | null;
  problems: { row: number | null; severity: string; code: string; message: string }[];
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

async function json(args: string[]): Promise<{ code: number; items: Item[] }> {
  const r = await runCli([...args, "--format", "json", "--lang", "en", "--year", "2025"], TODAY);
  return { code: r.code, items: JSON.parse(r.stdout) as Item[] };
}

const errors = (i: Item): string[] => i.problems.filter((p) => p.severity === "error").map((p) => p.code);

describe("a column headed just BTW with rates", () => {
  const rows: Cell[][] = [
    [d("2025-09-01"), 1000, 21],
    [d("2025-09-02"), 100, 9],
    [d("2025-09-03"), 500, 0],
  ];

  it("beside an amount: the rates are read as rates from a CSV as from a workbook (€1,600 in both)", async () => {
    const csv = writeText(at("rates.csv"), "Datum;Bedrag;BTW\n1-9-2025;1.000,00;21\n2-9-2025;100,00;9\n3-9-2025;500,00;0\n");
    const xlsx = await writeXlsx(at("rates.xlsx"), { Facturen: [["Datum", "Bedrag", "BTW"], ...rows] });
    const { items } = await json([csv, xlsx]);
    expect(items.map((i) => i.countable)).toEqual([1600, 1600]);
    expect(items.map(errors)).toEqual([[], []]);
    // The same notes too: the CSV's "21" was VAT money of €21 shown on the invoice.
    expect(items[0].problems.map((p) => p.code)).toEqual(items[1].problems.map((p) => p.code));
  });

  it("beside a gross Totaal only: refused from a CSV as from a workbook, not gross minus €21 and €9", async () => {
    const csv = writeText(at("gross.csv"), "Datum;Totaal;BTW\n1-9-2025;1.210,00;21\n2-9-2025;109,00;9\n3-9-2025;500,00;0\n");
    const gross: Cell[][] = [[d("2025-09-01"), 1210, 21], [d("2025-09-02"), 109, 9], [d("2025-09-03"), 500, 0]];
    const xlsx = await writeXlsx(at("gross.xlsx"), { Facturen: [["Datum", "Totaal", "BTW"], ...gross] });
    const { code, items } = await json([csv, xlsx]);
    expect(code).toBe(1);
    // Neither file gives a turnover: the CSV used to say €1,789 (1,210 − 21 + 109 − 9 + 500).
    expect(items.map((i) => i.countable)).toEqual([null, null]);
    expect(items[0].error).not.toBeNull();
    expect(items[1].error).toBe(items[0].error);
  });
});

describe("kor-check --codes with the firm's codes as numbers", () => {
  it("maps a workbook's number codes 1, 2 and 0 as the CSV's text codes: the same turnover, nothing refused", async () => {
    const codes = writeText(at("codes.csv"), "code;categorie\n1;21\n2;vrij\n0;vrij\n");
    const csv = writeText(at("codes-text.csv"), "Datum;Bedrag;BTW-code\n1-9-2025;1.000,00;1\n2-9-2025;2.000,00;2\n3-9-2025;15.000,00;0\n");
    const numbers: Cell[][] = [[d("2025-09-01"), 1000, 1], [d("2025-09-02"), 2000, 2], [d("2025-09-03"), 15000, 0]];
    const xlsx = await writeXlsx(at("codes-numbers.xlsx"), { Facturen: [["Datum", "Bedrag", "BTW-code"], ...numbers] });
    const { code, items } = await json(["--codes", codes, csv, xlsx]);
    expect(code).toBe(0);
    // Only the code 1 row counts: the €15,000 row with the number 0 (mapped to vrij) was counted before.
    expect(items.map((i) => [i.countable, i.notCounted])).toEqual([[1000, 17000], [1000, 17000]]);
    expect(items.map(errors)).toEqual([[], []]);
  });
});

describe("a CSV saved by Excel from cells in the accounting format", () => {
  // Excel writes a zero in the accounting format as "€ -" with padding; the same invoices as numbers read €20,500.
  it("reads '€ -' as €0.00 and counts every invoice, as the workbook with numbers (was: 3 rows in error, €12,000 counted)", async () => {
    const csv = writeText(
      at("boekhoud.csv"),
      "Factuurdatum;Bedrag excl. btw;Btw-bedrag\n" +
        "15-01-2025; € 12.000,00 ; € 2.520,00 \n" +
        "15-02-2025; € 8.000,00 ; € -   \n" +
        "15-03-2025; € 500,00 ;€-\n" +
        "16-03-2025; € -   ; € -   \n",
    );
    const xlsx = await writeXlsx(at("boekhoud.xlsx"), {
      Facturen: [["Factuurdatum", "Bedrag excl. btw", "Btw-bedrag"], [d("2025-01-15"), 12000, 2520], [d("2025-02-15"), 8000, 0], [d("2025-03-15"), 500, 0], [d("2025-03-16"), 0, 0]],
    });
    const { items } = await json([csv, xlsx]);
    expect(items.map((i) => i.countable)).toEqual([20500, 20500]);
    expect(items.map(errors)).toEqual([[], []]);
  });
});
