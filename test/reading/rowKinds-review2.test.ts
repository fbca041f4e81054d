/**
 * False positives of the export reading rules found by a second review (src/reading/rowKinds.ts, headers.ts,
 * rows.ts): each dropped or refused real turnover, or gave a contradictory message.
 */
import { readTable } from "../../src/reading/headers";
import { TableStream } from "../../src/bulk/tableStream";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const csv = (text: string): string[][] => text.trim().split("\n").map((l) => l.split(";"));
const total = (rows: readonly InvoiceRow[]): number => rows.reduce((s, r) => s + r.cents, 0);
const byCode = (problems: readonly Problem[], code: string): Problem[] => problems.filter((p) => p.code === code);

function streamed(values: readonly unknown[][], block?: number): { rows: InvoiceRow[]; problems: Problem[] } {
  const rows: InvoiceRow[] = [];
  const problems: Problem[] = [];
  const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, block);
  values.forEach((v) => stream.push(v));
  stream.end();
  return { rows, problems };
}

describe("'verlopen' / 'expired' on an invoice list", () => {
  const invoices = csv(`
Datum;Factuurnummer;Klant;Bedrag excl. btw;BTW %;Status
15-01-2026;F001;Jansen;1000,00;21;Betaald
16-01-2026;F002;Pietersen;2000,00;21;Verlopen
17-01-2026;F003;De Vries;3000,00;21;Herinnering
18-01-2026;F004;Bakker;4000,00;21;Verzonden
19-01-2026;F005;Smit;5000,00;21;Open
20-01-2026;F006;Visser;6000,00;21;Vervallen
21-01-2026;F007;Visser;700,00;21;Expired
22-01-2026;F008;Visser;800,00;21;Geannuleerd`);

  it("counts an invoice past its due date ('Verlopen', 'Expired'); a cancelled one stays left out", () => {
    const t = readTable(invoices);
    expect(total(t.rows)).toBe(2_170_000);
    expect(byCode(t.problems, "status-not-a-sale").map((p) => p.value)).toEqual(["Geannuleerd"]);
    const s = streamed(invoices, 2);
    expect(total(s.rows)).toBe(2_170_000);
  });

  it("leaves out an expired payment of a payment export (a payment method column)", () => {
    const t = readTable(csv(`
ID;Datum;Betaalmethode;Valuta;Bedrag;Status
tr_1;2026-03-01 10:00:00;iDEAL;EUR;10000.00;paid
tr_2;2026-03-02 10:00:00;iDEAL;EUR;8000.00;expired
tr_3;2026-03-03 10:00:00;iDEAL;EUR;7000.00;verlopen`));
    expect(total(t.rows)).toBe(1_000_000);
    expect(byCode(t.problems, "status-not-a-sale").map((p) => p.value)).toEqual(["expired", "verlopen"]);
    const s = streamed(csv(`
ID;Datum;Betaalmethode;Valuta;Bedrag;Status
tr_1;2026-03-01 10:00:00;iDEAL;EUR;10000.00;paid
tr_2;2026-03-02 10:00:00;iDEAL;EUR;8000.00;expired
tr_3;2026-03-03 10:00:00;iDEAL;EUR;7000.00;verlopen`), 1);
    expect(total(s.rows)).toBe(1_000_000);
  });
});

describe("'Transport', 'Som', 'Balans' on a dated invoice row", () => {
  const list = csv(`
Datum;Factuurnr;Omschrijving;Bedrag excl. btw;BTW %
15-01-2026;101;Transport;9000,00;21
16-01-2026;102;Opslag;2000,00;21
17-01-2026;103;Transport;9500,00;21
18-01-2026;2026-104;Transport;500,00;21
19-01-2026;105;Balans;300,00;21
20-01-2026;106;Som;300,00;21
21-01-2026;107;Σ;100,00;21`);

  it("is an invoice (its number and rate are no amounts of a totals line): counted", () => {
    const t = readTable(list);
    expect(total(t.rows)).toBe(2_170_000);
    expect(t.totalsRows).toEqual([]);
  });

  it("an undated 'Transport' carry-over line is still skipped as a total", () => {
    const t = readTable(csv(`
Datum;Factuurnr;Omschrijving;Bedrag excl. btw;BTW %
15-01-2026;101;Opslag;9000,00;21
;;Transport;9000,00;
16-01-2026;102;Opslag;2000,00;21`));
    expect(total(t.rows)).toBe(1_100_000);
    expect(t.totalsRows).toEqual([3]);
    expect(byCode(t.problems, "amount-without-date")).toEqual([]);
  });

  it("'Subtotaal' on a dated row is still a totals line", () => {
    const t = readTable(csv(`
Datum;Factuurnr;Omschrijving;Bedrag excl. btw;BTW %
15-01-2026;101;Opslag;9000,00;21
31-01-2026;;Subtotaal;9000,00;`));
    expect(total(t.rows)).toBe(900_000);
    expect(t.totalsRows).toEqual([3]);
  });
});

describe("a '0' among a firm's own numeric codes", () => {
  // 2,000 rows: rows 2–11 code "0" (€1,000 each), rows 1503–1511 code "1", the rest "21" (€5 each).
  const big: string[][] = [["Datum", "Klant", "Bedrag excl. btw", "Btw-code"]];
  for (let r = 2; r <= 2001; r++) {
    const code = r <= 11 ? "0" : r >= 1503 && r <= 1511 ? "1" : "21";
    big.push([`${String(1 + (r % 28)).padStart(2, "0")}-01-2026`, `K${r}`, code === "0" ? "1000,00" : "5,00", code]);
  }

  it("gives the same answer whole and in blocks: the '0' rows count as 0%, with one error naming them", () => {
    const whole = readTable(big);
    for (const s of [streamed(big, 1024), streamed(big, 100), streamed(big)]) {
      expect(total(s.rows)).toBe(total(whole.rows));
      expect(byCode(s.problems, "zero-code-read-as-rate").map((p) => [p.row, p.count])).toEqual([[2, 10]]);
      expect(byCode(s.problems, "unknown-category").map((p) => p.value)).toEqual(["1"]);
    }
    expect(total(whole.rows)).toBe(1_000_000 + (2000 - 10 - 9) * 500);
    const e = byCode(whole.problems, "zero-code-read-as-rate");
    expect(e.map((p) => [p.severity, p.count])).toEqual([["error", 10]]);
    expect(e[0].message.en).toMatch(/^10 rows \(first: rows 2, 3, .*\): the VAT code "0" was read as 0% \(zero rate\) .*together € ?10,000\.00.*"Map codes"/);
  });

  it("needs no error in a column of rates, nor once '0' is mapped", () => {
    const rates = big.map((r, i) => (i > 0 && r[3] === "1" ? [...r.slice(0, 3), "9"] : r));
    expect(byCode(readTable(rates).problems, "zero-code-read-as-rate")).toEqual([]);
    const mapped = readTable(big, { codes: new Map([["1", "21"], ["0", "vrij"]] as const) });
    expect(byCode(mapped.problems, "zero-code-read-as-rate")).toEqual([]);
    expect(mapped.rows.filter((r) => r.category === "vrij")).toHaveLength(10);
  });
});

describe("a rate column with an old or foreign rate", () => {
  it("keeps its 0% rows: 19 and 6 are unknown rates, not own codes", () => {
    const t = readTable(csv(`
Datum;Klant;Bedrag excl. btw;BTW %;Land
15-01-2026;A;1000,00;21;NL
16-01-2026;B;5000,00;0;BE
17-01-2026;C;100,00;19;DE
18-01-2026;D;100,00;6;NL`));
    expect(total(t.rows)).toBe(600_000);
    expect(byCode(t.problems, "unknown-category").map((p) => p.value)).toEqual(["19, 6"]);
    expect(byCode(t.problems, "zero-code-read-as-rate")).toEqual([]);
  });

  it("is no own-code sign under a code header either when the number is a plausible rate", () => {
    const t = readTable(csv(`
Datum;Klant;Bedrag excl. btw;Btw-code
15-01-2026;A;1000,00;21
16-01-2026;B;5000,00;0
17-01-2026;C;100,00;19`));
    expect(byCode(t.problems, "zero-code-read-as-rate")).toEqual([]);
  });
});

describe("a ledger or invoice list with a counter account and a running balance", () => {
  it("is read, not refused as a bank statement (a turnover ledger card)", () => {
    const t = readTable(csv(`
Datum;Boekstuk;Omschrijving;Tegenrekening;Debet;Credit;Saldo na boeking
15-01-2026;V1;Factuur 1;1300 Debiteuren;;1000,00;-1000,00
16-01-2026;V2;Factuur 2;1300 Debiteuren;;2000,00;-3000,00`));
    expect(byCode(t.problems, "bank-statement")).toEqual([]);
    expect(total(t.rows)).toBe(300_000);
  });

  it("is read with 'Naam tegenpartij' and 'Saldo na boeking' on an invoice list", () => {
    const t = readTable(csv(`
Datum;Factuurnummer;Naam tegenpartij;Bedrag excl. btw;BTW %;Saldo na boeking
15-01-2026;F1;Jansen;1000,00;21;1000,00`));
    expect(byCode(t.problems, "bank-statement")).toEqual([]);
    expect(total(t.rows)).toBe(100_000);
  });

  it("a bank's own signature is still refused: ING's 'Af Bij' with 'Mutatiesoort'", () => {
    const t = readTable([["Datum", "Naam / Omschrijving", "Af Bij", "Bedrag (EUR)", "Mutatiesoort"], ["15-03-2026", "A", "Bij", "100,00", "Overschrijving"]]);
    expect(t.problems.map((p) => p.code)).toEqual(["bank-statement"]);
  });
});

describe("the currency column of the amount read", () => {
  const stripe = [
    ["id", "Created date (UTC)", "Amount", "Currency", "Converted Amount", "Converted Currency", "Status", "Description"],
    ["ch_1", "2026-01-15 10:00", "110.00", "usd", "100.00", "eur", "Paid", "x"],
    ["ch_2", "2026-01-16 10:00", "100.00", "eur", "100.00", "eur", "Paid", "y"],
  ];

  it("is Stripe's 'Converted Currency' when 'Converted Amount' is chosen", () => {
    const t = readTable(stripe, { columnNames: { amount: "Converted Amount" } });
    expect(byCode(t.problems, "foreign-currency")).toEqual([]);
    expect(total(t.rows)).toBe(20_000);
    expect(t.columns.currency).toBe(5);
    const plain = readTable(stripe);
    expect(byCode(plain.problems, "foreign-currency").map((p) => p.value)).toEqual(["usd"]);
  });

  it("is not a 'Valuta' column of value dates", () => {
    const t = readTable(csv(`
Datum;Valuta;Omschrijving;Bedrag excl. btw;BTW
15-01-2026;15-01-2026;a;1000,00;21%
16-01-2026;16-01-2026;b;1000,00;21%`));
    expect(byCode(t.problems, "foreign-currency")).toEqual([]);
    expect(total(t.rows)).toBe(200_000);
    expect(t.columns.currency).toBeUndefined();
  });

  it("reads 'Euro (EUR)' and ISO 978 as euros", () => {
    const t = readTable(csv(`
Datum;Valuta;Bedrag excl. btw;BTW
15-01-2026;Euro (EUR);1000,00;21%
16-01-2026;978;1000,00;21%`));
    expect(byCode(t.problems, "foreign-currency")).toEqual([]);
    expect(total(t.rows)).toBe(200_000);
  });
});

describe("a 'Type' column of Debet / Credit", () => {
  it("is the side of each line, not a credit note: Credit 1000 counts, Debet 100 is taken off", () => {
    for (const [header, c, d] of [["Type", "Credit", "Debet"], ["Soort", "C", "D"]]) {
      const values = csv(`
Datum;Omschrijving;${header};Bedrag;BTW
15-01-2026;Omzet jan;${c};1000,00;21%
16-01-2026;Correctie;${d};100,00;21%`);
      const t = readTable(values);
      expect(byCode(t.problems, "credit-note-plus")).toEqual([]);
      expect(t.columns.side).toBe(2);
      expect(total(t.rows)).toBe(90_000);
      expect(total(streamed(values, 1).rows)).toBe(90_000);
    }
  });

  it("a type column of invoices and credit notes keeps asking for the sign of a plus 'Credit'", () => {
    const t = readTable(csv(`
Datum;Factuur;Type;Bedrag excl btw;BTW
15-01-2026;F1;Factuur;1000,00;21%
16-01-2026;F2;Credit;100,00;21%`));
    expect(t.columns.side).toBeUndefined();
    expect(byCode(t.problems, "credit-note-plus").map((p) => p.row)).toEqual([3]);
  });
});

describe("a 'State' column beside 'Status'", () => {
  it("is the customer's state, not the status: the 'Status' column is read", () => {
    const t = readTable([
      ["Date", "Customer", "State", "Amount excl VAT", "VAT %", "Status"],
      ["2026-01-15", "A", "CA", "1000.00", "0", "Paid"],
      ["2026-01-16", "B", "NY", "2000.00", "0", "Cancelled"],
    ]);
    expect(t.columns.status).toBe(5);
    expect(total(t.rows)).toBe(100_000);
    expect(byCode(t.problems, "status-not-a-sale").map((p) => p.value)).toEqual(["Cancelled"]);
  });
});
