/**
 * Rows an export rules out beyond their date and amount (src/reading/rowKinds.ts): bank statements, other
 * currencies, statuses of sales that did not happen, credit notes typed as such with a plus amount. Found by a
 * black-box test of real exports (Mollie, ING, Rabobank): each was counted silently before.
 */
import { readTable } from "../../src/reading/headers";
import { TableStream } from "../../src/bulk/tableStream";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const csv = (text: string): string[][] => text.trim().split("\n").map((l) => l.split(";"));
const total = (rows: readonly InvoiceRow[]): number => rows.reduce((s, r) => s + r.cents, 0);
const byCode = (problems: readonly Problem[], code: string): Problem[] => problems.filter((p) => p.code === code);

function streamed(values: readonly unknown[][], block?: number): { rows: InvoiceRow[]; problems: Problem[]; stream: TableStream } {
  const rows: InvoiceRow[] = [];
  const problems: Problem[] = [];
  const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, block);
  values.forEach((v) => stream.push(v));
  stream.end();
  return { rows, problems, stream };
}

describe("a currency column", () => {
  const values = csv(`
Factuurnummer;Factuurdatum;Klant;Valuta;Bedrag excl. btw;Btw-tarief
2026-001;15-01-2026;A;EUR;12.000,00;21%
2026-002;15-02-2026;Svensk AB;SEK;60.000,00;0% export
2026-003;16-02-2026;B;€;1.000,00;21%
2026-004;17-02-2026;C;;500,00;21%
2026-005;18-02-2026;US Inc;USD;100,00;0% export`);

  it("makes a row in another currency an error naming the currency, never euros; EUR, € and empty count", () => {
    const t = readTable(values);
    expect(total(t.rows)).toBe(1_350_000);
    const errs = byCode(t.problems, "foreign-currency");
    expect(errs.map((p) => [p.row, p.value, p.severity])).toEqual([
      [3, "SEK", "error"],
      [6, "USD", "error"],
    ]);
    expect(errs[0].message.en).toMatch(/Row 3: .*in "SEK" \(column "Valuta" \(D\)\), not in euros, and was not counted/);
  });

  it("is read in the later blocks of a streamed sheet too", () => {
    const s = streamed(values, 2);
    expect(total(s.rows)).toBe(1_350_000);
    expect(byCode(s.problems, "foreign-currency").map((p) => p.row)).toEqual([3, 6]);
    expect(byCode(s.problems, "foreign-currency")[1].message.en).toContain('"Valuta" (D)');
  });
});

describe("a status column", () => {
  const mollie = [
    ["ID", "Datum", "Betaalmethode", "Valuta", "Bedrag", "Status", "Omschrijving"],
    ["tr_1", "2026-03-01 10:00:00", "iDEAL", "EUR", "10000.00", "paid", "Bestelling 1"],
    ["tr_2", "2026-03-02 10:00:00", "iDEAL", "EUR", "8000.00", "expired", "Bestelling 2"],
    ["tr_3", "2026-03-03 10:00:00", "creditcard", "EUR", "5000.00", "failed", "Bestelling 3"],
    ["tr_4", "2026-03-04 10:00:00", "iDEAL", "EUR", "1000.00", "canceled", "Bestelling 4"],
    ["tr_5", "2026-03-05 10:00:00", "iDEAL", "EUR", "300.00", "open", "Bestelling 5"],
    ["tr_6", "2026-03-06 10:00:00", "iDEAL", "EUR", "200.00", "pending", "Bestelling 6"],
    ["tr_7", "2026-03-07 10:00:00", "iDEAL", "EUR", "100.00", "whatever", "Bestelling 7"],
  ];

  it("leaves out failed, expired and cancelled payments and names them; paid, open, pending and unknown statuses count", () => {
    const t = readTable(mollie);
    expect(total(t.rows)).toBe(1_060_000);
    const w = byCode(t.problems, "status-not-a-sale");
    expect(w.map((p) => [p.row, p.value, p.severity])).toEqual([
      [3, "expired", "warning"],
      [4, "failed", "warning"],
      [5, "canceled", "warning"],
    ]);
    expect(w[1].message.en).toMatch(/^Row 4: status "failed" \(column "Status" \(F\)\)/);
  });

  it("leaves out a cancelled or draft invoice (Dutch), also one without a date, and keeps an open or overdue one", () => {
    const t = readTable(csv(`
Factuurnummer;Factuurdatum;Klant;Bedrag excl. btw;Status
2026-001;15-01-2026;A;15.000,00;Betaald
2026-002;15-02-2026;B;1.000,00;Open
concept;;B;9.000,00;Concept
2026-004;20-03-2026;C;4.000,00;Geannuleerd
2026-005;21-03-2026;D;2.000,00;Vervallen`));
    expect(total(t.rows)).toBe(1_800_000);
    expect(byCode(t.problems, "status-not-a-sale").map((p) => [p.row, p.value])).toEqual([
      [4, "Concept"],
      [5, "Geannuleerd"],
    ]);
    expect(byCode(t.problems, "amount-without-date")).toEqual([]);
  });
});

describe("a document type column", () => {
  it("makes a credit note with a plus amount an error asking for the sign; a minus one counts", () => {
    const t = readTable(csv(`
Factuurdatum;Factuurnummer;Soort;Bedrag excl. btw;Btw-tarief
15-01-2026;F1;Factuur;12.000,00;21%
15-02-2026;C1;Creditnota;3.000,00;21%
15-03-2026;F2;Factuur;9.000,00;21%
16-03-2026;C2;Creditnota;-1.000,00;21%`));
    expect(total(t.rows)).toBe(2_000_000);
    const e = byCode(t.problems, "credit-note-plus");
    expect(e.map((p) => [p.row, p.severity])).toEqual([[3, "error"]]);
    expect(e[0].message.en).toMatch(/^Row 3: the row is a "Creditnota" \(column "Soort" \(C\)\) with a plus amount.*Put a minus before it/);
  });

  it("is not the category column: a 'Soort' holding categories is read as such", () => {
    const t = readTable(csv(`
Factuurdatum;Soort;Bedrag excl. btw
15-01-2026;21;100,00`));
    expect(t.columns.category).toBe(1);
    expect(t.columns.doctype).toBeUndefined();
  });
});

describe("a 'Soort' column holding only Factuur / Creditfactuur", () => {
  // The document type, not a VAT category: each row was an "unknown category 'Factuur'" error and nothing counted.
  const values = csv(`
Factuurdatum;Factuurnummer;Soort;Bedrag excl. btw
15-01-2026;F1;Factuur;12.000,00
15-02-2026;F2;Factuur;9.000,00
15-03-2026;C1;Creditfactuur;-1.000,00
16-03-2026;C2;Creditfactuur;500,00`);
  it("is not taken as the category: the invoices count, a minus credit invoice lowers them, a plus one is the credit-note error", () => {
    for (const r of [readTable(values), streamed(values, 2), streamed(values)]) {
      expect(total(r.rows)).toBe(2_000_000);
      expect(r.rows.map((x) => x.category)).toEqual([null, null, null]);
      expect(byCode(r.problems, "unknown-category")).toEqual([]);
      const e = byCode(r.problems, "credit-note-plus");
      expect(e.map((p) => p.row)).toEqual([5]);
      expect(e[0].message.nl).toMatch(/^Rij 5: /);
    }
    expect(readTable(values).columns).toMatchObject({ doctype: 2 });
    expect(readTable(values).columns.category).toBeUndefined();
  });
  it("English types too ('Invoice', 'Credit note'), a 'Type' header too", () => {
    const t = readTable(csv(`
Invoice date;Type;Amount excl. VAT
15-01-2026;Invoice;1.000,00
15-02-2026;Credit note;-200,00`));
    expect(total(t.rows)).toBe(80_000);
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
  it("stays the category when it holds a category beside the types: 'Hoog' is read, 'Factuur' named as unknown", () => {
    const t = readTable(csv(`
Factuurdatum;Soort;Bedrag excl. btw
15-01-2026;Hoog;1.000,00
15-02-2026;Factuur;200,00`));
    expect(t.columns.category).toBe(1);
    expect(byCode(t.problems, "unknown-category").map((p) => p.row)).toEqual([3]);
  });
  it("is read as the category when the user chose it so", () => {
    const t = readTable(values, { columnNames: { category: "Soort" } });
    expect(t.columns.category).toBe(2);
    expect(byCode(t.problems, "unknown-category").length).toBeGreaterThan(0);
  });
});

describe("a bank statement", () => {
  it.each([
    ["ING", ["Datum", "Naam / Omschrijving", "Rekening", "Tegenrekening", "Code", "Af Bij", "Bedrag (EUR)", "Mutatiesoort", "Mededelingen", "Saldo na mutatie", "Tag"], ["15-03-2026", "Klant A", "NL01", "NL02", "OV", "Bij", "15000,00", "Overschrijving", "Factuur 1", "15000,00", ""]],
    ["Rabobank", ["IBAN/BBAN", "Munt", "BIC", "Volgnr", "Datum", "Rentedatum", "Bedrag", "Saldo na trn", "Tegenrekening IBAN/BBAN", "Naam tegenpartij", "Omschrijving-1"], ["NL11", "EUR", "RABONL2U", "1", "2026-03-15", "2026-03-15", "+15000,00", "+15000,00", "NL22", "Klant A", "Factuur 1"]],
    ["ABN AMRO", ["Rekeningnummer", "Muntsoort", "Transactiedatum", "Rentedatum", "Beginsaldo", "Eindsaldo", "Transactiebedrag", "Omschrijving"], ["123456789", "EUR", "15-03-2026", "15-03-2026", "0,00", "15000,00", "15000,00", "Klant A"]],
  ])("is refused with the reason (%s), also with columns chosen", (bank, header, row) => {
    for (const options of [undefined, { columns: { date: 0, amount: 6 } }]) {
      const t = readTable([header, row], options);
      expect(t.rows).toEqual([]);
      expect(t.problems.map((p) => p.code)).toEqual(["bank-statement"]);
      expect(t.problems[0].message.en).toMatch(new RegExp(`^This is a bank statement from ${bank} .*not a sales list`));
    }
    const s = streamed([header, row]);
    expect(s.stream.rejection?.code).toBe("bank-statement");
  });

  it("is not an invoice list with a 'Tegenrekening' column only", () => {
    const t = readTable(csv(`
Factuurdatum;Klant;Tegenrekening;Bedrag excl. btw
15-01-2026;A;NL01;100,00`));
    expect(total(t.rows)).toBe(10_000);
  });
});

describe("subtotal lines with other Dutch words", () => {
  const list = (label: string, dated = true, more = ""): string[][] =>
    csv(`
Factuurdatum;Omschrijving;Bedrag excl. btw${more === "" ? "" : ";Klant"}
15-01-2026;Factuur 1;6.000,00${more === "" ? "" : ";A"}
${dated ? "31-03-2026" : ""};${label};6.000,00${more === "" ? "" : `;${more}`}
15-04-2026;Factuur 2;4.000,00${more === "" ? "" : ";B"}`);

  it.each([
    "Sub-totaal", "Sub totaal", "Tussentotaal", "Tussentotaal Q1", "Sub-totaal maart", "Sub-total", "Naar volgende pagina", "Over te brengen",
  ])("%s on a dated row is skipped as a total and named", (label) => {
    const t = readTable(list(label));
    expect(total(t.rows)).toBe(1_000_000);
    expect(t.totalsRows).toEqual([3]);
  });

  // Words an invoice's description may be: a totals line only without a date (review 2: "Transport" on a dated
  // invoice row was skipped, its number and rate read as amounts).
  it.each(["Som", "SOM:", "Balans", "Overgebracht", "Transport", "Van vorige pagina", "Σ", "∑"])("%s on a dated row is an invoice", (label) => {
    const t = readTable(list(label));
    expect(total(t.rows)).toBe(1_600_000);
    expect(t.totalsRows).toEqual([]);
  });

  it.each(["Tussentotaal Q1", "Sub-totaal", "Som", "Σ", "Transport", "Balans", "Overgebracht", "Van vorige pagina"])("%s on an undated row is skipped as a total, not an amount without a date", (label) => {
    const t = readTable(list(label, false));
    expect(total(t.rows)).toBe(1_000_000);
    expect(t.totalsRows).toEqual([3]);
    expect(byCode(t.problems, "amount-without-date")).toEqual([]);
  });

  it.each([
    ["Transport Jansen B.V.", ""],
    ["Som en Zoon", ""],
    ["Balans Yoga", ""],
    ["Transportkosten", ""],
    // A whole-cell word beside other text on the row (an invoice's customer) is a description, not a total.
    ["Transport", "Jansen"],
    ["Som", "Klant Som"],
  ])("%s (customer %s) is an invoice", (label, customer) => {
    const t = readTable(list(label, true, customer));
    expect(total(t.rows)).toBe(1_600_000);
    expect(t.totalsRows).toEqual([]);
  });
});

describe("a firm's own numeric VAT codes", () => {
  const n1 = csv(`
Factuurdatum;Omschrijving;Bedrag;Btw-code
15-01-2026;a;10.000,00;1
15-02-2026;b;2.000,00;2
15-03-2026;c;9.000,00;0`);

  it("reads a '0' as 0% with one error naming its rows: in such a column it may be one of the codes (review 2: block-independent)", () => {
    const t = readTable(n1);
    expect(total(t.rows)).toBe(900_000);
    expect(byCode(t.problems, "unknown-category").map((p) => p.value)).toEqual(["1, 2"]);
    const z = byCode(t.problems, "zero-code-read-as-rate");
    expect(z.map((p) => [p.row, p.severity, p.count])).toEqual([[4, "error", 1]]);
    expect(z[0].message.en).toMatch(/^Row 4: the VAT code "0" was read as 0%/);
  });

  it("names a '0' the mapping leaves out when the mapping maps numeric codes; a mapped '0' is read as mapped", () => {
    const codes = new Map([["1", "21"], ["2", "9"]] as const);
    const t = readTable(n1, { codes });
    expect(total(t.rows)).toBe(2_100_000);
    expect(byCode(t.problems, "unknown-category")).toEqual([]);
    expect(byCode(t.problems, "zero-code-read-as-rate").map((p) => p.row)).toEqual([4]);
    const mapped = readTable(n1, { codes: new Map([["1", "21"], ["2", "9"], ["0", "vrij"]] as const) });
    expect(mapped.rows.map((r) => r.category)).toEqual(["21", "9", "vrij"]);
    expect(byCode(mapped.problems, "unknown-category")).toEqual([]);
    expect(byCode(mapped.problems, "zero-code-read-as-rate")).toEqual([]);
  });

  it("keeps '0' as 0% where the column holds rates or categories", () => {
    const t = readTable(csv(`
Factuurdatum;Omschrijving;Bedrag;Btw-code
15-01-2026;a;10.000,00;21
15-02-2026;b;2.000,00;9
15-03-2026;c;9.000,00;0`));
    expect(t.rows.map((r) => r.category)).toEqual(["21", "9", "0"]);
    expect(byCode(t.problems, "unknown-category")).toEqual([]);
  });
});
