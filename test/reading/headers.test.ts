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

describe("an amount column chosen whose header says the amounts include VAT", () => {
  // €12,100 and €1,210 at 21% and €1,090 at 9%, including VAT: €15,400 gross, €13,000 excluding VAT.
  const values = (withVat: boolean): unknown[][] => [
    ["Datum", "Klant", "Totaal incl. btw", ...(withVat ? ["BTW"] : [])],
    [serial("2025-03-01"), "A", 12_100, ...(withVat ? [2_100] : [])],
    [serial("2025-03-02"), "B", 1_210, ...(withVat ? [210] : [])],
    [serial("2025-03-03"), "C", 1_090, ...(withVat ? [90] : [])],
  ];

  it("with a VAT column: counts gross − VAT (€13,000), not the gross €15,400, and says it worked it out from the choice", () => {
    for (const options of [{ columns: { amount: 2 } }, { columnNames: { amount: "totaal incl. BTW" } }]) {
      const t = readTable(values(true), options);
      expect(t.rows.map((r) => r.cents)).toEqual([1_000_000, 100_000, 100_000]);
      expect(t.derived).toBe("gross-minus-vat");
      expect(t.columns).toMatchObject({ gross: 2, vat: 3 });
      expect(t.columns.amount).toBeUndefined();
      const note = t.problems.find((p) => p.code === "amount-derived");
      expect(note?.severity).toBe("warning");
      expect(note?.message.en).toBe('The amount column chosen, "Totaal incl. btw" (C), holds amounts including VAT according to its header. That is not turnover: turnover was worked out per row as "Totaal incl. btw" (C) minus "BTW" (D).');
      expect(note?.message.nl).toContain('per rij berekend als "Totaal incl. btw" (C) min "BTW" (D)');
    }
  });

  it("without a VAT column: refuses the sheet (gross-only) naming the choice, instead of counting €15,400 as turnover", () => {
    for (const options of [{ columns: { amount: 2 } }, { columnNames: { amount: "Totaal incl. btw" } }]) {
      const t = readTable(values(false), options);
      expect(t.rows).toEqual([]);
      expect(t.problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "gross-only", value: "Totaal incl. btw" })]);
      expect(t.problems[0].message.en).toMatch(/^The amount column chosen, "Totaal incl. btw" \(C\), holds amounts including VAT according to its header, and there is no VAT column and no category column with the VAT rate\. An amount including VAT is not turnover: choose the column with the amount excluding VAT, or add the VAT column/);
      expect(t.problems[0].message.nl).toMatch(/^De gekozen bedragkolom "Totaal incl. btw" \(C\) bevat volgens de kolomkop bedragen inclusief btw, en er is geen btw-kolom en geen categoriekolom met het btw-tarief\./);
    }
    // The VAT column switched off by the user: the same refusal.
    expect(readTable(values(true), { columns: { amount: 2, vat: undefined } }).problems.map((p) => p.code)).toEqual(["gross-only"]);
  });

  it("without a VAT column but with a category column: takes each row's VAT out by its rate, and names the rows whose rate is unknown", () => {
    const t = readTable(
      [
        ["Datum", "Bedrag incl. btw", "Categorie"],
        [serial("2025-03-01"), 12_100, "21"], // 10,000.00
        [serial("2025-03-02"), 1_090, "9"], // 1,000.00
        [serial("2025-03-03"), 500, "export"], // no VAT: 500.00
        [serial("2025-03-04"), 100, "21"], // 82.644… → 82.64
        [serial("2025-03-05"), -12.1, "21"], // credit note: −10.00
        [serial("2025-03-06"), 2_420, ""], // no category: rate unknown
        [serial("2025-03-07"), 605, "marge"], // margin scheme: rate unknown
      ],
      { columns: { amount: 1 } },
    );
    expect(t.derived).toBe("gross-by-rate");
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 1_000_000], [3, 100_000], [4, 50_000], [5, 8_264], [6, -1_000]]);
    expect(t.problems.find((p) => p.code === "amount-derived")?.message.en).toBe(
      'Column "Bedrag incl. btw" (B) holds amounts including VAT according to its header, and there is no VAT column. That is not turnover: the VAT was taken out per row by the rate in "Categorie" (C) (21%: amount × 100/121, 9%: amount × 100/109; 0%, KOR, export, ICP, reverse charge and exempt carry no VAT).',
    );
    const unknown = t.problems.filter((p) => p.code === "gross-rate-unknown");
    expect(unknown.map((p) => [p.severity, p.row, p.value])).toEqual([["error", 7, null], ["error", 8, "marge"]]);
    expect(unknown[0].message.en).toBe('Row 7: the amount in "Bedrag incl. btw" (B) includes VAT and the row has no category, so its VAT rate and the turnover excluding VAT are not known; the row was not counted. Enter the rate (21, 9, 0) or add the VAT column.');
    expect(unknown[1].message.nl).toContain('bij categorie "marge" is het btw-tarief niet bekend');
  });

  it("a bare 'Totaal' chosen is gross too (the reader's own word for it); an amount column excluding VAT chosen is read as it is", () => {
    const totaal = readTable([["Datum", "Totaal", "Btw-bedrag"], [serial("2025-03-01"), 121, 21]], { columns: { amount: 1 } });
    expect(totaal.rows.map((r) => r.cents)).toEqual([10_000]);
    const net = readTable([["Datum", "Prijs", "Totaal incl. btw", "BTW"], [serial("2025-03-01"), 200, 242, 42]], { columns: { amount: 1 } });
    expect(net.rows.map((r) => r.cents)).toEqual([20_000]);
    expect(net.derived).toBeNull();
  });
});

describe("payment-provider exports: a net column after fees is never the amount excluding VAT", () => {
  // PayPal's activity download (sourced headers, docs/exports.md): Gross − Fee = Net; fees are a cost, not less turnover.
  const paypalEn = ["Date", "Time", "TimeZone", "Name", "Status", "Currency", "Gross", "Fee", "Net", "Transaction ID", "Sales Tax", "Balance"];
  const paypalNl = ["Datum", "Tijd", "Tijdzone", "Omschrijving", "Valuta", "Bruto", "Kosten", "Net", "Saldo", "Transactiereferentie", "Verzendkosten", "BTW"];
  const row = (date: string, gross: string, fee: string, net: string, vat: string): string[] => [date, "10:00:00", "CET", "Klant", "Voltooid", "EUR", gross, fee, net, "T", vat, "0"];

  it("Gross, Fee, Net and Sales Tax: turnover = gross − VAT (€20,500.00, not the €19,900.00 after fees)", () => {
    const t = readTable([paypalEn, row("2025-03-01", "12000.00", "-350.00", "11650.00", "0.00"), row("2025-09-01", "8500.00", "-250.00", "8250.00", "0.00")]);
    expect(t.columns).toEqual(expect.objectContaining({ gross: 6, vat: 10 }));
    expect(t.columns.amount).toBeUndefined();
    expect(t.derived).toBe("gross-minus-vat");
    expect(t.rows.reduce((s, r) => s + r.cents, 0)).toBe(2050000);
  });

  it("Dutch PayPal (Bruto, Kosten, Net, BTW): gross − VAT per row", () => {
    const cells = (d: string, g: string, f: string, n: string, v: string): string[] => [d, "10:00:00", "CET", "Betaling", "EUR", g, f, n, "0", "T", "0,00", v];
    const t = readTable([paypalNl, cells("15-01-2025", "12.100,00", "-350,00", "11.750,00", "2.100,00"), cells("15-02-2025", "500,00", "-15,00", "485,00", "0,00")]);
    expect(detectColumns(paypalNl)).toEqual(expect.objectContaining({ gross: 5, vat: 11 }));
    expect(t.rows.map((r) => r.cents)).toEqual([1000000, 50000]);
  });

  it("Bruto, Kosten, Netto without a VAT column: refused (gross-only), saying Netto is after fees and what to do", () => {
    const t = readTable([["Datum", "Naam", "Bruto", "Kosten", "Netto"], ["15-01-2025", "A", "20.500,00", "-600,00", "19.900,00"]]);
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "gross-only", value: "Bruto" })]);
    const m = t.problems[0].message;
    expect(m.nl).toContain('Kolom "Netto" (E) is het bedrag na aftrek van de kosten in kolom "Kosten" (D), niet het bedrag exclusief btw');
    expect(m.nl).toContain("KOR");
    expect(m.en).toContain('Column "Netto" (E) is the amount after the fees in column "Kosten" (D), not the amount excluding VAT');
    expect(m.en).toContain("Add the VAT column");
  });

  it("a bare amount beside Fee and Net (Stripe: Amount, Fee, Net) is the amount, not Net", () => {
    expect(detectColumns(["Created date", "Amount", "Fee", "Net", "Currency"])).toEqual({ date: 0, amount: 1 });
    // A named amount excluding VAT still wins; "Shipping and Handling Amount" is never the turnover.
    expect(detectColumns(["Datum", "Bruto", "Transactiekosten", "Netto", "Bedrag excl. btw"])).toEqual({ date: 0, gross: 1, amount: 4 });
    expect(detectColumns(["Date", "Gross", "Fee", "Net", "Shipping and Handling Amount"])).toEqual({ date: 0, gross: 1 });
  });

  it("without a fee column, Netto is still the amount excluding VAT; a chosen net column is read as chosen", () => {
    expect(detectColumns(["Datum", "Bruto", "Netto"])).toEqual({ date: 0, gross: 1, amount: 2 });
    expect(detectColumns(["Datum", "Netto", "Verzendkosten"])).toEqual({ date: 0, amount: 1 });
    const t = readTable([["Datum", "Bruto", "Kosten", "Netto"], ["15-01-2025", "100,00", "-3,00", "97,00"]], { columnNames: { amount: "Netto" } });
    expect(t.rows.map((r) => r.cents)).toEqual([9700]);
  });
});

describe("a ledger card's note names its columns as columns", () => {
  it("writes 'kolom C', since a bare (C) beside 'credit min debet' reads as a side", () => {
    const t = readTable([["Datum", "Debet", "Credit"], [46054, null, 1000], [46055, 200, null]]);
    expect(t.rows.map((r) => r.cents)).toEqual([100_000, -20_000]);
    const note = t.problems.find((p) => p.code === "amount-derived")?.message;
    expect(note?.nl).toBe('Grootboekkaart: de omzet is per regel berekend als "Credit" (kolom C) min "Debet" (kolom B) (credit min debet).');
    expect(note?.en).toBe('Ledger card: turnover was worked out per line as "Credit" (column C) minus "Debet" (column B) (credit minus debit).');
  });
});

describe("a column the user chose as the amount", () => {
  it("is read as chosen when its header only looks like a total ('Omzet totaal'), and as gross when it says incl. btw", () => {
    // €23,000 excluding VAT at 21%, in a column headed "Omzet totaal" that the user chose, beside a rate column (no
    // VAT amounts): €23,000, not €19,008.26 (its rate taken out).
    const values = [["Datum", "Omzet totaal", "Btw-tarief"], [46054, 23000, "21"]];
    expect(readTable(values, { columns: { amount: 1 } }).rows.map((r) => r.cents)).toEqual([2_300_000]);
    const gross = [["Datum", "Totaal incl. btw", "Btw-tarief"], [46054, 24200, "21"]];
    expect(readTable(gross, { columns: { amount: 1 } }).rows.map((r) => r.cents)).toEqual([2_000_000]);
  });
});

describe("'Netto' beside 'Kosten' without a gross column", () => {
  it("is a Dutch list's amount excluding VAT, not a payment export's net after fees", () => {
    // Datum | Omschrijving | Netto | Kosten | BTW: €1,000 excluding VAT (€50 costs charged beside it) counts €1,000.
    const t = readTable([["Datum", "Omschrijving", "Netto", "Kosten", "BTW"], [46054, "Advies", 1000, 50, 210]]);
    expect(t.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([]);
    expect(t.rows.map((r) => r.cents)).toEqual([100_000]);
  });
});

// Before 2 Dec 2026 a row was walked cell by cell for a totals label, to its last cell: a stray value in column XFD on
// every row made a 1.2 MB workbook of 100,000 rows take 91 s. Wide rows are now looked at through the cells they have.
describe("totals lines on rows wider than 64 columns", () => {
  const sparse = (cells: Record<number, unknown>): unknown[] => {
    const row: unknown[] = [];
    for (const [c, v] of Object.entries(cells)) row[Number(c)] = v;
    return row;
  };
  it("skips a totals line whose label is far to the right, on sparse rows with a cell in column XFD and on a dense wide row", () => {
    const dense = Array.from({ length: 80 }, (_, c) => (c === 0 ? "" : c === 1 ? "300,00" : c === 70 ? "Totaal" : ""));
    const values: unknown[][] = [
      ["Datum", "Bedrag"],
      sparse({ 0: "1-3-2026", 1: "100,00", 16383: "x" }),
      sparse({ 0: "2-3-2026", 1: "200,00", 16383: "x" }),
      sparse({ 1: "300,00", 100: "Totaal", 16383: "x" }),
      dense,
      sparse({ 0: "3-3-2026", 1: "50,00", 5000: "Subtotaal maart", 16383: "x" }),
    ];
    const t = readTable(values);
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([
      [2, 10000],
      [3, 20000],
    ]);
  });
});
