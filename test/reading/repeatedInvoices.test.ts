/**
 * The same invoice twice in one sheet (src/reading/repeatedInvoices.ts): two exports that overlap, pasted one under
 * the other, counted every invoice of the overlap twice without a word. Now a warning names the rows and the amount
 * counted twice; the numbers stay as they were (both rows count), and an invoice's own lines are no repeats.
 */
import { readTable } from "../../src/reading/headers";
import { TableStream } from "../../src/bulk/tableStream";
import { invoiceNumberColumn } from "../../src/reading/repeatedInvoices";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const csv = (text: string): string[][] => text.trim().split("\n").map((l) => l.split(";"));
const total = (rows: readonly InvoiceRow[]): number => rows.reduce((s, r) => s + r.cents, 0);
const repeats = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.code === "invoice-repeated");

function streamed(values: readonly unknown[][], block: number): { rows: InvoiceRow[]; problems: Problem[] } {
  const rows: InvoiceRow[] = [];
  const problems: Problem[] = [];
  const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, block);
  values.forEach((v) => stream.push(v));
  stream.end();
  return { rows, problems };
}

// Export 1 (January–June), export 2 (April–December) pasted beneath it without its header: F3 and F4 twice.
const overlapping = csv(`
Factuurnummer;Factuurdatum;Klant;Bedrag excl. btw;Btw-tarief
F1;15-01-2025;A;4.000,00;21%
F2;10-03-2025;B;3.000,00;21%
F3;20-04-2025;C;1.500,00;21%
F4;05-06-2025;D;1.250,00;9%
F3;20-04-2025;C;1.500,00;21%
F4;05-06-2025;D;1.250,00;9%
F5;01-09-2025;A;5.000,00;21%`);

describe("two exports that overlap", () => {
  it("are counted as they stand, with one warning naming the repeating rows, the first pair and the amount counted twice", () => {
    const t = readTable(overlapping);
    expect(total(t.rows)).toBe(1_750_000);
    const [w] = repeats(t.problems);
    expect(repeats(t.problems)).toHaveLength(1);
    expect(w.severity).toBe("warning");
    expect(w.rows).toEqual([6, 7]);
    expect(w.value).toBe("F3");
    expect(w.message.nl).toBe(
      'Rijen 6 en 7: deze rijen herhalen een eerdere rij met hetzelfde factuurnummer (kolom "Factuurnummer" (A)), dezelfde datum, hetzelfde bedrag ' +
        'en dezelfde btw-soort, met andere facturen ertussen (eerste: rij 6 herhaalt rij 4, "F3"). Ze tellen mee: samen € 2.750,00 telt twee keer. ' +
        "Staan er twee exports in het blad die elkaar overlappen, of is een export twee keer geplakt? Haal de dubbele rijen dan weg.",
    );
    expect(w.message.en).toMatch(/^Rows 6 and 7: these rows repeat an earlier row .*\(first: row 6 repeats row 4, "F3"\)\. They count: together €2,750\.00 is counted twice\./);
  });

  it("names one repeat by both its rows", () => {
    const t = readTable(overlapping.slice(0, 6));
    const [w] = repeats(t.problems);
    expect(w.message.en).toBe(
      'Row 6: the same invoice as row 4 (column "Factuurnummer" (A): "F3", the same date, amount and VAT kind), with other invoices between them. ' +
        "Both rows count: €1,500.00 is counted twice. Does the sheet hold two exports that overlap, or one export pasted twice? Then remove the repeated rows.",
    );
  });

  it("are found across the blocks of a sheet read in parts, as over the whole sheet", () => {
    for (const block of [2, 3, 5]) {
      const s = streamed(overlapping, block);
      expect(total(s.rows)).toBe(1_750_000);
      expect(repeats(s.problems).map((p) => [p.rows, p.value])).toEqual([[[6, 7], "F3"]]);
    }
  });

  it("are told apart per year: each year's warning has its own rows and amount", () => {
    const t = readTable(csv(`
Invoice number;Invoice date;Amount
A1;15-12-2024;100,00
A2;02-01-2025;200,00
A1;15-12-2024;100,00
A2;02-01-2025;200,00`));
    const ws = repeats(t.problems);
    expect(ws.map((p) => [p.rows, p.day === undefined ? null : p.day !== null])).toEqual([[[4], true], [[5], true]]);
    expect(ws.map((p) => p.message.en.match(/€[\d.,]+ is counted twice/)?.[0])).toEqual(["€100.00 is counted twice", "€200.00 is counted twice"]);
  });
});

describe("rows that are not repeats", () => {
  it("an invoice's own lines, standing together, even when two lines are alike (one line per article or per rate)", () => {
    const t = readTable(csv(`
Factuurnummer;Factuurdatum;Omschrijving;Bedrag excl. btw;Btw %
F0001;03-02-2025;Uur;75,00;21
F0001;03-02-2025;Uur;75,00;21
F0001;03-02-2025;Boek;20,00;9
F0002;04-02-2025;Uur;75,00;21`));
    expect(total(t.rows)).toBe(24_500);
    expect(repeats(t.problems)).toEqual([]);
  });

  it("the same number with another date, amount or VAT kind (a credit note under the invoice's number, a number reused next year)", () => {
    const t = readTable(csv(`
Factuurnummer;Factuurdatum;Bedrag excl. btw;Btw-tarief
1;03-02-2025;500,00;21%
2;04-02-2025;300,00;21%
1;10-02-2025;-500,00;21%
3;11-02-2025;100,00;21%
1;03-02-2026;500,00;21%
4;11-02-2026;100,00;21%
3;11-02-2025;100,00;9%`));
    expect(repeats(t.problems)).toEqual([]);
  });

  it("alike rows without an invoice number column (a market stall's sales of one day), or with the number left empty", () => {
    const noNumber = readTable(csv(`
Datum;Omschrijving;Bedrag excl. btw
01-05-2025;Kaas;5,00
01-05-2025;Brood;3,00
01-05-2025;Kaas;5,00`));
    expect(repeats(noNumber.problems)).toEqual([]);
    const empty = readTable([["Factuurnummer", "Datum", "Bedrag excl. btw"], ["", "01-05-2025", "5,00"], ["X", "01-05-2025", "3,00"], ["", "01-05-2025", "5,00"]]);
    expect(total(empty.rows)).toBe(1_300);
    expect(repeats(empty.problems)).toEqual([]);
  });

  it("case and surrounding spaces of the number do not make a repeat new; a number cell and its text are alike", () => {
    const t = readTable([
      ["Invoice", "Date", "Amount"],
      ["inv-7", "01-05-2025", "50,00"],
      [8, "02-05-2025", "60,00"],
      [" INV-7 ", "01-05-2025", "50,00"],
      ["8", "02-05-2025", "60,00"],
    ]);
    expect(repeats(t.problems).map((p) => p.rows)).toEqual([[4, 5]]);
    const accents = readTable([
      ["Factuurnr.", "Datum", "Bedrag"],
      ["Ñ-1", "01-05-2025", "50,00"],
      ["N-1", "01-05-2025", "50,00"],
      ["\u00a0ñ-1 ", "01-05-2025", "50,00"],
    ]);
    expect(repeats(accents.problems).map((p) => [p.rows, p.value])).toEqual([[[4], "ñ-1"]]);
  });

  it("are all found among thousands of invoices, each with the row it repeats, the amount counted twice to the cent", () => {
    const values: unknown[][] = [["Factuurnummer", "Factuurdatum", "Bedrag excl. btw"]];
    const line = (i: number): unknown[] => [`2025-${String(i).padStart(5, "0")}`, 45_658 + (i % 300), 10 + (i % 7) / 100];
    for (let i = 0; i < 5_000; i++) values.push(line(i));
    for (let i = 0; i < 100; i++) values.push(line(i * 3));
    for (const t of [readTable(values), streamed(values, 1_024)]) {
      const [w] = repeats(t.problems);
      expect(w.count).toBe(100);
      expect(w.rows?.slice(0, 2)).toEqual([5_002, 5_003]);
      expect(w.message.en).toContain('row 5002 repeats row 2, "2025-00000"');
      const twice = Array.from({ length: 100 }, (_, i) => 1_000 + ((i * 3) % 7)).reduce((a, b) => a + b, 0);
      expect(w.message.en).toContain(`together €${(twice / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",")} is counted twice`);
    }
  });
});

describe("the invoice number column", () => {
  it("is found by the invoice's own number first, then a booking's, an order's, a payment's; never a column read already", () => {
    expect(invoiceNumberColumn(["Datum", "Ordernummer", "Factuurnr.", "Bedrag"], [0, 3])).toBe(2);
    expect(invoiceNumberColumn(["Datum", "Boekstuk", "Bedrag"], [0, 2])).toBe(1);
    expect(invoiceNumberColumn(["Date", "Transaction ID", "Amount"], [0, 2])).toBe(1);
    expect(invoiceNumberColumn(["Factuurdatum", "Factuurbedrag", "Klant"], [0, 1, 2])).toBeUndefined();
    expect(invoiceNumberColumn(["Datum", "Factuur", "Bedrag"], [0, 1, 2])).toBeUndefined();
  });
});
