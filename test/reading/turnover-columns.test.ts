/**
 * Exports whose columns fit the reading chosen only by their headers: turnover in one column per VAT rate, a
 * "Totaal" that is really excluding VAT (or a "Bedrag" that includes it), a credit note whose VAT is not signed as
 * its amount, a gross column beside a rate column. Each is read right or refused naming the columns, never a silent
 * wrong total.
 */
import { headerRole, readTable, TABLE_REFUSALS } from "../../src/reading/headers";
import { TableStream } from "../../src/bulk/tableStream";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const cents = (rows: readonly { cents: number }[]): number => rows.reduce((s, r) => s + r.cents, 0);

function streamed(values: readonly unknown[][], columnNames?: Record<string, string>): { rows: InvoiceRow[]; problems: Problem[]; stream: TableStream } {
  const rows: InvoiceRow[] = [];
  const problems: Problem[] = [];
  const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, 2, 0, columnNames === undefined ? {} : { columnNames });
  values.forEach((v) => stream.push(v));
  stream.end();
  return { rows, problems, stream };
}

describe("turnover in one column per VAT rate", () => {
  const m1 = [
    ["Datum", "Boekstuk", "Omschrijving", "Omzet hoog", "Btw hoog", "Omzet laag", "Btw laag", "Omzet 0%", "Totaal"],
    ["15-01-2026", "1", "A", "8.000,00", "1.680,00", "", "", "", "9.680,00"],
    ["15-02-2026", "2", "B", "", "", "6.000,00", "540,00", "", "6.540,00"],
    ["15-03-2026", "3", "C", "", "", "", "", "7.000,00", "7.000,00"],
  ];
  it("refuses the sheet naming the columns and what to do, instead of reading the first one (€8,000, within)", () => {
    const t = readTable(m1);
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "turnover-per-rate-columns" })]);
    expect(TABLE_REFUSALS.has("turnover-per-rate-columns")).toBe(true);
    expect(t.problems[0].message.en).toBe(
      'The turnover is in one column per VAT rate: "Omzet hoog" (D), "Omzet laag" (F) and "Omzet 0%" (H). Only one amount column is read, so the turnover of the rows with an amount in another of them would be missing. ' +
        "Add a column that adds them up per row (the amount excluding VAT) and choose it as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --amount-column), or export one line per VAT rate.",
    );
    expect(t.problems[0].message.nl).toContain('"Omzet hoog" (D), "Omzet laag" (F) en "Omzet 0%" (H)');
  });
  it("refuses the same layout with a gross column first", () => {
    const t = readTable([
      ["Datum", "Boekstuk", "Omschrijving", "Bedrag incl. btw", "Btw hoog", "Btw laag", "Omzet hoog", "Omzet laag", "Omzet verlegd"],
      ["15-01-2026", "1", "A", "9.680,00", "1.680,00", "", "8.000,00", "", ""],
      ["15-02-2026", "2", "B", "6.540,00", "", "540,00", "", "6.000,00", ""],
    ]);
    expect(t.problems.map((p) => p.code)).toEqual(["turnover-per-rate-columns"]);
    expect(t.problems[0].message.en).toContain('"Omzet hoog" (G), "Omzet laag" (H) and "Omzet verlegd" (I)');
  });
  it("refuses gross beside one VAT column per rate: gross minus one of them is not the turnover", () => {
    const t = readTable([
      ["Datum", "Bedrag incl. btw", "Btw hoog", "Btw laag"],
      ["15-01-2026", "9.680,00", "1.680,00", ""],
      ["15-02-2026", "6.540,00", "", "540,00"],
    ]);
    expect(t.problems.map((p) => p.code)).toEqual(["turnover-per-rate-columns"]);
    expect(t.problems[0].message.en).toMatch(/^The VAT is in one column per VAT rate: "Btw hoog" \(C\) and "Btw laag" \(D\)\./);
    expect(t.problems[0].message.en).toContain("--vat-column");
  });
  it("is read as chosen when the user chose the amount column (a column adding them up)", () => {
    const withSum = m1.map((r, i) => [...r, i === 0 ? "Omzet" : ["8.000,00", "6.000,00", "7.000,00"][i - 1]]);
    const t = readTable(withSum, { columnNames: { amount: "Omzet" } });
    expect(cents(t.rows)).toBe(2100000);
    const s = streamed(withSum, { amount: "Omzet" });
    expect(cents(s.rows)).toBe(2100000);
  });
  it("reads 'Omzet 0%' as an amount at that rate, not as the rate column", () => {
    expect(headerRole("Omzet 0%")).toBe("amount");
    expect(headerRole("Bedrag 21%")).toBe("amount");
    expect(headerRole("Btw %")).toBe("category");
    expect(headerRole("Btw 21%")).toBe("category");
  });
  it("leaves a list with one amount column and one VAT column per rate alone, and Stripe's Amount and Net", () => {
    const t = readTable([["Datum", "Bedrag excl. btw", "Btw hoog", "Btw laag"], ["15-01-2026", "8.000,00", "1.680,00", ""]]);
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(cents(t.rows)).toBe(800000);
  });
});

describe("the VAT column says whether the amounts include VAT", () => {
  // Aantal × Prijs = Totaal, BTW 21% / 9% of Totaal: "Totaal" excludes VAT.
  const b2 = [
    ["Factuurdatum", "Omschrijving", "Aantal", "Prijs", "Totaal", "BTW"],
    ["15-01-2026", "Advies", "100", "100,00", "10.000,00", "2.100,00"],
    ["15-02-2026", "Advies", "60", "100,00", "6.000,00", "1.260,00"],
    ["15-03-2026", "Boek", "50", "100,00", "5.000,00", "450,00"],
  ];
  // BTW exactly 21/121 of Bedrag: "Bedrag" includes VAT.
  const b1 = [
    ["Factuurdatum", "Factuurnummer", "Relatie", "Bedrag", "BTW"],
    ["15-01-2026", "1", "A", "12.100,00", "2.100,00"],
    ["15-02-2026", "2", "B", "6.050,00", "1.050,00"],
    ["15-03-2026", "3", "C", "4.840,00", "840,00"],
  ];
  it("refuses a 'Totaal' whose VAT is a rate of itself, not of it minus the VAT (was €17,190 within)", () => {
    const t = readTable(b2);
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "vat-fits-net" })]);
    expect(TABLE_REFUSALS.has("vat-fits-net")).toBe(true);
    expect(t.problems[0].message.en).toBe(
      'Column "BTW" (F) is VAT on "Totaal" (E) itself (row 2: €2,100.00 is 21% of €10,000.00), not on "Totaal" minus "BTW": so "Totaal" holds the amounts excluding VAT, and turnover worked out as "Totaal" minus "BTW" would be too low. ' +
        "If \"Totaal\" is the amount excluding VAT, choose it as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --amount-column \"Totaal\").",
    );
  });
  it("reads the chosen 'Totaal' as the amount when its VAT says so (€21,000, crossed)", () => {
    const t = readTable(b2, { columnNames: { amount: "Totaal" } });
    expect(t.derived ?? null).toBeNull();
    expect(cents(t.rows)).toBe(2100000);
    expect(cents(streamed(b2, { amount: "Totaal" }).rows)).toBe(2100000);
  });
  it("still reads a chosen bare 'Totaal' beside a VAT column as gross when its VAT says it includes VAT", () => {
    const gross = [["Factuurdatum", "Totaal", "BTW"], ["15-01-2026", "12.100,00", "2.100,00"]];
    expect(cents(readTable(gross, { columnNames: { amount: "Totaal" } }).rows)).toBe(1000000);
  });
  it("refuses a 'Bedrag' whose VAT is a rate of it minus the VAT (was €22,990, crossed)", () => {
    const t = readTable(b1);
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([expect.objectContaining({ row: null, severity: "error", code: "vat-fits-gross" })]);
    expect(t.problems[0].message.en).toBe(
      'Column "BTW" (E) is VAT on "Bedrag" (D) minus "BTW" (row 2: €2,100.00 is 21% of €10,000.00), not on "Bedrag" itself: so "Bedrag" holds the amounts including VAT, and counted as they stand the turnover would be too high. ' +
        'If so, choose it as the column with the amount including VAT: with kor-check --gross-column "Bedrag" (turnover = it minus "BTW" per row); in the pane give the column a header such as "Bedrag incl. btw".',
    );
  });
  it("reads 'Bedrag' chosen as the gross column as gross minus VAT (€19,000, within)", () => {
    const t = readTable(b1, { columnNames: { gross: "Bedrag" } });
    expect(t.derived).toBe("gross-minus-vat");
    expect(cents(t.rows)).toBe(1900000);
    expect(cents(streamed(b1, { gross: "Bedrag" }).rows)).toBe(1900000);
  });
  it("says nothing for rows whose VAT is 0 or fits neither reading (a mixed-rate invoice), nor for a credit note", () => {
    const t = readTable([
      ["Factuurdatum", "Bedrag", "BTW"],
      ["15-01-2026", "10.000,00", "2.100,00"],
      ["15-02-2026", "5.000,00", "0,00"],
      ["15-03-2026", "1.000,00", "150,00"], // 21% of 500 and 9% of 500
      ["16-03-2026", "-1.000,00", "-210,00"],
    ]);
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(cents(t.rows)).toBe(1500000);
  });
  it("refuses rows that disagree, naming a row of each", () => {
    const t = readTable([["Factuurdatum", "Bedrag", "BTW"], ["15-01-2026", "10.000,00", "2.100,00"], ["15-02-2026", "12.100,00", "2.100,00"]]);
    expect(t.problems.map((p) => p.code)).toEqual(["vat-fits-gross"]);
    expect(t.problems[0].message.en).toContain("Row 2 fits \"Bedrag\" as the amount excluding VAT, row 3 does not: check the export.");
  });
});

describe("a credit note whose VAT is not signed as its amount", () => {
  it("refuses the row with its number instead of reading −1.210,00 with 210,00 as −€1,420", () => {
    const t = readTable([
      ["Factuurdatum", "Factuurnummer", "Totaal incl. btw", "Btw-bedrag"],
      ["15-01-2026", "1", "12.100,00", "2.100,00"],
      ["15-02-2026", "C1", "-1.210,00", "210,00"],
      ["15-03-2026", "2", "13.431,00", "2.331,00"],
      ["16-03-2026", "3", "121,00", "-21,00"],
      ["17-03-2026", "C2", "-121,00", "-21,00"],
    ]);
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 1000000], [4, 1110000], [6, -10000]]);
    const errors = t.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ code: "vat-sign-mismatch", column: "amount", row: 3, rows: [3, 5], count: 2 })]);
    expect(errors[0].message.en).toBe(
      'Rows 3 and 5: the amount including VAT and the VAT amount have opposite signs (a credit note with its VAT written without a minus?), so the turnover (including VAT minus VAT) is not certain. Give both the same sign (a credit note: both minus) and read the file again.',
    );
  });
});

describe("a gross column beside a rate column", () => {
  it("says the rate column is there and how to use it, not that there is no VAT column only", () => {
    const t = readTable([["Factuurdatum", "Totaal incl. btw", "Btw %"], ["15-01-2026", "12.100,00", "21"]]);
    expect(t.problems.map((p) => p.code)).toEqual(["gross-only"]);
    expect(t.problems[0].message.en).toBe(
      'Column "Totaal incl. btw" (B) holds amounts including VAT, and there is no VAT amount column and no column with the amount excluding VAT, but "Btw %" (C) gives each row\'s VAT rate. ' +
        "An amount including VAT is not turnover: choose \"Totaal incl. btw\" as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --gross-column \"Totaal incl. btw\"): the VAT is then taken out per row by the rate in \"Btw %\" (21%: × 100/121, 9%: × 100/109), rounded to the cent. Or add the amount excluding VAT or the VAT amount to the export.",
    );
    expect(cents(readTable([["Factuurdatum", "Totaal incl. btw", "Btw %"], ["15-01-2026", "12.100,00", "21"]], { columnNames: { gross: "Totaal incl. btw" } }).rows)).toBe(1000000);
  });
});

describe("the VAT column's check of the amounts covers every row, not the first 50", () => {
  // 50 invoices of 390,00 with no VAT, then 605,00 with 105,00 and 1.210,00 with 210,00 (21% of the amount minus
  // it): "Bedrag" includes VAT. Was read as €21,315.00 (crossed 1 Nov) in the pane and in every block size.
  const gx: string[][] = [
    ["Factuurdatum", "Omschrijving", "Bedrag", "BTW"],
    ...Array.from({ length: 50 }, (_, i) => [`${String((i % 28) + 1).padStart(2, "0")}-${String(Math.floor(i / 5) + 1).padStart(2, "0")}-2026`, `Les ${i + 1}`, "390,00", "0,00"]),
    ["01-11-2026", "Workshop", "605,00", "105,00"],
    ["01-12-2026", "Cursus", "1.210,00", "210,00"],
  ];
  const refusal = 'Column "BTW" (D) is VAT on "Bedrag" (C) minus "BTW" (row 52: €105.00 is 21% of €500.00)';
  it("refuses the whole sheet read at once (the pane), naming row 52", () => {
    const t = readTable(gx);
    expect(t.rows).toEqual([]);
    expect(t.problems.map((p) => p.code)).toEqual(["vat-fits-gross"]);
    expect(t.problems[0].message.en).toContain(refusal);
    expect(t.problems[0].message.nl).toContain("rij 52");
  });
  it.each([2, 1024])("refuses the sheet read in blocks of %i rows after its last row, with the same message", (block) => {
    const rows: InvoiceRow[] = [];
    const stream = new TableStream({ rows: (r) => rows.push(...r), problems: () => undefined }, block);
    gx.forEach((v) => stream.push(v));
    stream.end();
    expect(stream.state).toBe("rejected");
    expect(stream.rejection).toEqual(expect.objectContaining({ row: null, severity: "error", code: "vat-fits-gross" }));
    expect(stream.rejection?.message).toEqual(readTable(gx).problems[0].message);
  });
  it("still reads such a sheet whose later rows agree (VAT on the amount itself): no refusal", () => {
    const net = gx.map((r, i) => (i === 51 ? [r[0], r[1], "500,00", "105,00"] : i === 52 ? [r[0], r[1], "1.000,00", "210,00"] : r));
    expect(cents(readTable(net).rows)).toBe(2100000);
    expect(cents(streamed(net).rows)).toBe(2100000);
    expect(streamed(net).stream.state).toBe("reading");
  });
});
