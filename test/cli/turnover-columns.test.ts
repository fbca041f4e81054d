/**
 * kor-check over export layouts whose columns the headers alone read wrong (a black-box tester's files): turnover
 * per VAT rate, a Totaal excluding VAT, a Bedrag including it, a credit note with unsigned VAT, a gross column beside
 * a rate column, an unquoted amount split into an optional column. Each gives the hand-worked answer or a refusal
 * naming the columns or rows, in every reading block size.
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { tempDir, writeText, runCli } from "./fixtures";

const TODAY = dayFromIso("2026-12-01");
jest.setTimeout(30_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

async function check(name: string, text: string, args: string[] = []): Promise<Json[]> {
  const file = writeText(path.join(tmp.dir, name), text);
  const out: Json[] = [];
  for (const blockRows of [1, 1024]) {
    const r = await runCli([file, ...args, "--format", "json", "--lang", "en"], TODAY, { blockRows });
    out.push((JSON.parse(r.stdout) as Json[])[0]);
  }
  expect(out[0]).toEqual(out[1]);
  return out;
}

const M1 = "Datum;Boekstuk;Omschrijving;Omzet hoog;Btw hoog;Omzet laag;Btw laag;Omzet 0%;Totaal\n15-01-2026;1;A;8.000,00;1.680,00;;;;9.680,00\n15-02-2026;2;B;;;6.000,00;540,00;;6.540,00\n15-03-2026;3;C;;;;;7.000,00;7.000,00\n";
const B1 = "Factuurdatum;Factuurnummer;Relatie;Bedrag;BTW\n15-01-2026;1;A;12.100,00;2.100,00\n15-02-2026;2;B;6.050,00;1.050,00\n15-03-2026;3;C;4.840,00;840,00\n";
const B2 = "Factuurdatum;Omschrijving;Aantal;Prijs;Totaal;BTW\n15-01-2026;Advies;100;100,00;10.000,00;2.100,00\n15-02-2026;Advies;60;100,00;6.000,00;1.260,00\n15-03-2026;Boek;50;100,00;5.000,00;450,00\n";

describe("kor-check on exports whose headers alone read them wrong", () => {
  it("refuses turnover per VAT rate naming the columns (was €8,000, within)", async () => {
    const [r] = await check("m1.csv", M1);
    expect(r.error).toMatch(/^The turnover is in one column per VAT rate: "Omzet hoog" \(D\), "Omzet laag" \(F\) and "Omzet 0%" \(H\)\./);
    expect(r.problems.map((p: Json) => p.code)).toEqual(["turnover-per-rate-columns"]);
  });
  it("refuses a Bedrag including VAT and reads it with --gross-column (€19,000, within; was €22,990 crossed)", async () => {
    expect((await check("b1.csv", B1))[0].problems.map((p: Json) => p.code)).toEqual(["vat-fits-gross"]);
    expect((await check("b1.csv", B1, ["--gross-column", "Bedrag"]))[0]).toMatchObject({ error: null, countable: 19000, crossing: null });
  });
  it("refuses a Totaal excluding VAT and reads it with --amount-column (€21,000, crossed 15 Mar 2026; was €17,190 within)", async () => {
    expect((await check("b2.csv", B2))[0].problems.map((p: Json) => p.code)).toEqual(["vat-fits-net"]);
    const [r] = await check("b2.csv", B2, ["--amount-column", "Totaal"]);
    expect(r).toMatchObject({ error: null, countable: 21000, crossing: { date: "2026-03-15", row: 4 } });
  });
  it("refuses a credit note's row whose VAT is unsigned (not −€1,420)", async () => {
    const [r] = await check("g4.csv", "Factuurdatum;Factuurnummer;Totaal incl. btw;Btw-bedrag\n15-01-2026;1;12.100,00;2.100,00\n15-02-2026;C1;-1.210,00;210,00\n15-03-2026;2;5.445,00;945,00\n");
    expect(r.countable).toBe(14500);
    expect(r.problems.filter((p: Json) => p.severity === "error").map((p: Json) => [p.code, p.row])).toEqual([["vat-sign-mismatch", 3]]);
  });
  it("names the rate column beside gross amounts", async () => {
    const [r] = await check("gr1.csv", "Factuurdatum;Totaal incl. btw;Btw %\n15-01-2026;12.100,00;21\n");
    expect(r.error).toContain('but "Btw %" (C) gives each row\'s VAT rate');
    expect(r.error).toContain('--gross-column "Totaal incl. btw"');
  });
  it("refuses the rows of a comma file whose amount was split into an optional column (was €320, within)", async () => {
    const [r] = await check("sep1.csv", "Datum,Bedrag,Omschrijving,Notitie\n15-03-2026,1,234.56,Factuur 1\n16-03-2026,19,500.00,Factuur 2\n17-03-2026,300.00,Factuur 3,\n");
    expect(r.countable).toBe(300);
    expect(r.problems.map((p: Json) => [p.code, p.rows])).toEqual([["csv-split-amount", [2, 3]]]);
  });
});

describe("the VAT column's check of the amounts covers every row, not the first 50", () => {
  // gx.csv: 50 invoices of 390,00 with no VAT, then two whose VAT is 21% of the amount minus it (605,00 = 500,00
  // + 105,00; 1.210,00 = 1.000,00 + 210,00): "Bedrag" includes VAT. Read as it stands that was €21,315.00,
  // crossed on 1 Nov 2026 (row 52); the turnover is €21,000.00, crossed on 1 Dec 2026 (row 53).
  const day = (i: number): string => `${String((i % 28) + 1).padStart(2, "0")}-${String(Math.floor(i / 5) + 1).padStart(2, "0")}-2026`;
  const GX =
    "Factuurdatum;Omschrijving;Bedrag;BTW\n" +
    Array.from({ length: 50 }, (_, i) => `${day(i)};Les ${i + 1};390,00;0,00\n`).join("") +
    "01-11-2026;Workshop;605,00;105,00\n01-12-2026;Cursus;1.210,00;210,00\n";
  it("refuses gx.csv naming row 52, in every block size (was €21,315 counted, crossed 1 Nov)", async () => {
    const [r] = await check("gx.csv", GX);
    expect(r.countable ?? null).toBeNull();
    expect(r.problems.map((p: Json) => p.code)).toEqual(["vat-fits-gross"]);
    expect(r.error).toContain('Column "BTW" (D) is VAT on "Bedrag" (C) minus "BTW" (row 52: €105.00 is 21% of €500.00)');
  });
  it("reads gx.csv with --gross-column as €21,000, crossed on 1 Dec 2026", async () => {
    const [r] = await check("gx.csv", GX, ["--gross-column", "Bedrag"]);
    expect(r).toMatchObject({ error: null, countable: 21000, crossing: { date: "2026-12-01", row: 53 } });
  });
});
