import { columnLetter, detectColumns, headerRole, looksLikeInvoiceTable, readTable } from "../../src/reading/headers";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";

const serial = (iso: string) => excelSerialFromDay(dayFromIso(iso));

describe("headerRole", () => {
  it.each<[string, string | null]>([
    ["Datum", "date"],
    ["Factuurdatum", "date"],
    ["factuur datum", "date"],
    ["Date", "date"],
    ["Invoice date", "date"],
    ["Bedrag", "amount"],
    ["Omzet", "amount"],
    ["Excl. btw", "amount"],
    ["Bedrag excl. btw", "amount"],
    ["Bedrag (excl. BTW)", "amount"],
    ["Netto", "amount"],
    ["Net", "amount"],
    ["Amount", "amount"],
    ["Amount excl. VAT", "amount"],
    ["Turnover", "amount"],
    ["Factuurbedrag", "amount"],
    ["BTW", "vat"],
    ["btw-bedrag", "vat"],
    ["VAT", "vat"],
    ["VAT amount", "vat"],
    ["BTW %", "category"],
    ["Tarief", "category"],
    ["btw-tarief", "category"],
    ["Rate", "category"],
    ["VAT rate", "category"],
    ["Categorie", "category"],
    ["Category", "category"],
    ["Soort", "category"],
    ["Type", "category"],
    ["Land", "country"],
    ["Country", "country"],
    ["Lidstaat", "country"],
    ["Klant", "customer"],
    ["Klanttype", "customer"],
    ["Customer", "customer"],
    ["btw-nummer klant", "customer"],
    ["Datum factuur", "date"],
    ["Boekdatum", "date"],
    ["Vervaldatum", null],
    ["Betaaldatum", null],
    ["Betalingsdatum", null],
    ["Leverdatum", null],
    ["Leveringsdatum", null],
    ["Orderdatum", null],
    ["Besteldatum", null],
    ["Datum betaling", null],
    ["Due date", null],
    ["Invoice due date", null],
    ["Payment date", null],
    ["Date paid", null],
    ["Paid on", null],
    ["Delivery date", null],
    ["Order date", null],
    // Not a date, and not the turnover either: a paid amount (part of an invoice, VAT included) is none of the columns.
    ["Betaald bedrag", null],
    ["Land klant", "country"],
    ["Land van afnemer", "country"],
    ["Klant land", "country"],
    ["Landcode klant", "country"],
    ["Customer country", "country"],
    ["Country of customer", "country"],
    ["Bedrag incl. btw", "gross"],
    ["Totaal", "gross"],
    ["Omschrijving", null],
    ["Factuurnummer", null],
  ])("%p → %p", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it("non-text headers have no role", () => {
    expect(headerRole(46023)).toBeNull();
    expect(headerRole(null)).toBeNull();
  });
});

describe("detectColumns", () => {
  it("reads a Dutch header row, keeping the amount excl. VAT apart from the VAT and the gross amount", () => {
    expect(detectColumns(["Factuurnr", "Factuurdatum", "Klant", "Bedrag incl. btw", "Bedrag excl. btw", "BTW", "BTW %", "Land"])).toEqual({
      date: 1,
      customer: 2,
      gross: 3,
      amount: 4,
      vat: 5,
      category: 6,
      country: 7,
    });
  });

  it("reads an English header row", () => {
    expect(detectColumns(["Invoice date", "Customer", "Amount excl. VAT", "VAT amount", "Rate", "Country"])).toEqual({
      date: 0,
      customer: 1,
      amount: 2,
      vat: 3,
      category: 4,
      country: 5,
    });
  });

  it("the first column with a role wins", () => {
    expect(detectColumns(["Datum", "Omzet", "Bedrag"])).toEqual({ date: 0, amount: 1 });
  });

  it("a due date before the invoice date is not the date column", () => {
    expect(detectColumns(["Vervaldatum", "Factuurdatum", "Bedrag"])).toEqual({ date: 1, amount: 2 });
    expect(detectColumns(["Due date", "Payment date", "Invoice date", "Amount"])).toEqual({ date: 2, amount: 3 });
  });

  it("only due/payment/delivery dates: no date column", () => {
    expect(detectColumns(["Betaaldatum", "Leverdatum", "Bedrag"])).toEqual({ amount: 2 });
  });

  it("an explicit invoice date wins over a generic date, wherever it is", () => {
    expect(detectColumns(["Datum", "Orderdatum", "Datum factuur", "Bedrag"])).toEqual({ date: 2, amount: 3 });
    expect(detectColumns(["Date", "Amount", "Invoice date"])).toEqual({ date: 2, amount: 1 });
    expect(detectColumns(["Factuurdatum", "Datum", "Bedrag"])).toEqual({ date: 0, amount: 2 });
  });

  it("of two generic dates the first wins", () => {
    expect(detectColumns(["Datum", "Boekdatum", "Bedrag"])).toEqual({ date: 0, amount: 2 });
  });

  it("the customer's country is the country column, the customer stays the customer", () => {
    expect(detectColumns(["Factuurdatum", "Klant", "Land klant", "Bedrag"])).toEqual({ date: 0, customer: 1, country: 2, amount: 3 });
    expect(detectColumns(["Invoice date", "Country of customer", "Customer", "Amount"])).toEqual({ date: 0, country: 1, customer: 2, amount: 3 });
  });
});

describe("readTable", () => {
  it("finds the header row under a title and numbers rows as sheet rows", () => {
    const values = [
      ["Omzet 2026", "", ""],
      ["", "", ""],
      ["Datum", "Bedrag excl. btw", "Categorie"],
      [serial("2026-01-10"), 100, "hoog"],
      [serial("2026-01-11"), "1.234,56", "onbekend"],
    ];
    const result = readTable(values);
    expect(result.headerRowIndex).toBe(2);
    expect(result.columns).toEqual({ date: 0, amount: 1, category: 2 });
    expect(result.rows).toEqual([{ row: 4, day: dayFromIso("2026-01-10"), cents: 10000, category: "21", country: null, vatCents: null }]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 5, code: "unknown-category" });
    expect(result.problems[0].message.nl).toMatch(/^Rij 5: /);
  });

  it("reads the invoice date, not the due date in front of it", () => {
    const result = readTable([
      ["Vervaldatum", "Factuurdatum", "Bedrag"],
      [serial("2026-01-31"), serial("2025-12-31"), 100],
    ]);
    expect(result.columns).toEqual({ date: 1, amount: 2 });
    expect(result.rows[0].day).toBe(dayFromIso("2025-12-31"));
  });

  it("header in row 1 → the first invoice is row 2", () => {
    const result = readTable([["Date", "Amount"], [serial("2026-02-01"), 5]]);
    expect(result.rows[0].row).toBe(2);
  });

  it("rowOffset shifts to sheet rows when the values do not start in row 1", () => {
    const result = readTable([["Date", "Amount"], [serial("2026-02-01"), 5]], { rowOffset: 9 });
    expect(result.rows[0].row).toBe(11);
  });

  it("columns chosen by the user win over detection", () => {
    const result = readTable([["Datum", "Bedrag", "Omzet"], [serial("2026-02-01"), 5, 7]], { columns: { amount: 2 } });
    expect(result.rows[0].cents).toBe(700);
  });

  it("without a header row, given columns read from the first row", () => {
    const result = readTable([[serial("2026-02-01"), 5]], { columns: { date: 0, amount: 1 } });
    expect(result.headerRowIndex).toBeNull();
    expect(result.rows).toEqual([expect.objectContaining({ row: 1, cents: 500 })]);
  });

  it("no date column → one clear problem naming what was found", () => {
    const result = readTable([["Omschrijving", "Bedrag", "BTW"], ["x", 5, 1]]);
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: null, code: "no-invoice-columns", severity: "error" });
    expect(result.problems[0].message.nl).toContain("datumkolom");
    expect(result.problems[0].message.nl).toContain('"Bedrag" (B)');
    expect(result.problems[0].message.en).toContain('"BTW" (C)');
  });

  it("says 'the first row' for a sheet of one row, and 'the first 2 rows' for two", () => {
    expect(readTable([["Omschrijving"]]).problems[0].message.en).toContain("in the first row.");
    expect(readTable([["Omschrijving"]]).problems[0].message.nl).toContain("in de eerste rij.");
    expect(readTable([["Omschrijving"], ["x"]]).problems[0].message.en).toContain("in the first 2 rows.");
  });

  it("an empty sheet gives the same problem, not a crash", () => {
    expect(readTable([]).problems[0].code).toBe("no-invoice-columns");
  });

  it("reads VAT and country columns too", () => {
    const result = readTable([
      ["Factuurdatum", "Land", "Netto", "BTW-bedrag"],
      ["1-3-2026", "Duitsland", "€ 50,00", "€ 10,50"],
    ]);
    expect(result.rows).toEqual([{ row: 2, day: dayFromIso("2026-03-01"), cents: 5000, category: null, country: "DE", vatCents: 1050 }]);
  });
});

describe("looksLikeInvoiceTable", () => {
  it("is true for a sheet with date and amount headers in the first rows", () => {
    expect(looksLikeInvoiceTable([["Title"], ["Datum", "Bedrag"]])).toBe(true);
  });
  it("is false for other sheets", () => {
    expect(looksLikeInvoiceTable([["Naam", "Adres"], ["Jan", "Straat 1"]])).toBe(false);
    expect(looksLikeInvoiceTable([])).toBe(false);
  });
  it("only searches the first 15 rows", () => {
    const values: unknown[][] = Array.from({ length: 15 }, () => ["x"]);
    values.push(["Datum", "Bedrag"]);
    expect(looksLikeInvoiceTable(values)).toBe(false);
  });
});

describe("columnLetter", () => {
  it.each<[number, string]>([[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"]])("%p → %p", (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});

describe("readTable options used by the pane and the streamed reader", () => {
  it("a role given as undefined is not used, even when the header names it", () => {
    const result = readTable([["Datum", "Bedrag", "Categorie"], [serial("2026-02-01"), 5, "onzin"]], { columns: { category: undefined } });
    expect(result.columns).toEqual({ date: 0, amount: 1 });
    expect(result.problems).toEqual([]);
    expect(result.rows[0].category).toBeNull();
  });

  it("a negative headerRowIndex means no header: a block below the header reads from its first row", () => {
    const result = readTable([[serial("2026-02-01"), 5]], { columns: { date: 0, amount: 1 }, headerRowIndex: -1, rowOffset: 100 });
    expect(result.headerRowIndex).toBeNull();
    expect(result.rows).toEqual([expect.objectContaining({ row: 101, cents: 500 })]);
  });

  it("when the amount column is switched off, the problem names only real columns", () => {
    const result = readTable([["Datum", "Bedrag", "BTW"], [serial("2026-02-01"), 5, 1]], { columns: { amount: undefined } });
    expect(result.problems[0].code).toBe("no-invoice-columns");
    expect(result.problems[0].message.en).toContain('"Datum" (A)');
    expect(result.problems[0].message.en).not.toContain('""');
  });
});
