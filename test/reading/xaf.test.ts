/**
 * The auditfile reader on generated files, each with its hand-worked answer (amounts in cents).
 */
import { dayFromIso } from "../../src/rules/dates";
import { countableTurnover } from "../../src/rules/turnover";
import { XafError, XafReader, readXafText, xafCents, type XafRow } from "../../src/reading/xaf";
import { ACCOUNTS, VAT_CODES, billionLaughs, invoice, writeXaf, type GenFile, type GenTx } from "../support/xaf-generator";

const CUSTOMERS = [
  { id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" },
  { id: "C2", name: "Müller GmbH", tp: "C", taxCountry: "DE" },
  { id: "C3", name: "Dupont SARL", tp: "C", addressCountry: "FR" },
  { id: "S1", name: "Groothandel", tp: "S", taxCountry: "NL" },
];

const H = { id: "H", perc: 21 };
const L = { id: "L", perc: 9 };

/** The client of 2026: the hand-worked answer is in the test below. */
function client2026(version: "3.1" | "3.2" = "3.2"): GenFile {
  const sales: GenTx[] = [
    invoice({ nr: "1", date: "2026-01-15", ref: "F2026-001", customer: "C1", parts: [{ acc: "8000", net: 100000, vat: H }] }),
    // Multi-rate: 21% and 9% on one invoice.
    invoice({ nr: "2", date: "2026-02-10", ref: "F2026-002", customer: "C1", parts: [{ acc: "8000", net: 50000, vat: H }, { acc: "8010", net: 20000, vat: L }] }),
    // B2B service to Germany: taxed there (buitenland), not counted for the Dutch KOR.
    invoice({ nr: "3", date: "2026-03-01", ref: "F2026-003", customer: "C2", parts: [{ acc: "8030", net: 80000, vat: { id: "VB", perc: 0 } }] }),
    // Intra-community supply to France (country from the address): counts.
    invoice({ nr: "4", date: "2026-03-05", ref: "F2026-004", customer: "C3", parts: [{ acc: "8020", net: 150000, vat: { id: "ICP", perc: 0 } }] }),
    // Credit note on F2026-001.
    invoice({ nr: "5", date: "2026-04-01", ref: "CN2026-001", customer: "C1", parts: [{ acc: "8000", net: -30000, vat: H }] }),
    // Revenue without a VAT code: refused.
    invoice({ nr: "6", date: "2026-04-10", ref: "F2026-005", customer: "C1", parts: [{ acc: "8090", net: 25000, vat: null }] }),
    // 0% under a code that does not say which 0%: refused.
    invoice({ nr: "7", date: "2026-05-01", ref: "F2026-006", customer: "C1", parts: [{ acc: "8040", net: 40000, vat: { id: "N0", perc: 0 } }] }),
  ];
  return {
    version,
    fiscalYear: 2026,
    customers: CUSTOMERS,
    journals: [
      { id: "VK", desc: "Verkoopboek", type: "S", txs: sales },
      {
        id: "MEM",
        desc: "Memoriaal",
        type: "M",
        txs: [{ nr: "1", date: "2026-06-30", lines: [{ acc: "8000", cents: 10000, side: "D" }, { acc: "8010", cents: 10000, side: "C" }] }],
      },
      {
        id: "KAS",
        desc: "Kasboek",
        type: "C",
        txs: [{ nr: "1", date: "2026-06-01", lines: [{ acc: "1000", cents: 6050, side: "D" }, { acc: "8000", cents: 5000, side: "C" }, { acc: "1500", cents: 1050, side: "C" }] }],
      },
      {
        id: "INK",
        desc: "Inkoopboek",
        type: "P",
        txs: [{ nr: "1", date: "2026-02-01", lines: [{ acc: "4000", cents: 20000, side: "D", custSupID: "S1" }, { acc: "1300", cents: 20000, side: "C" }] }],
      },
    ],
  };
}

const EXPECTED = [
  { ref: "F2026-001", day: dayFromIso("2026-01-15"), cents: 100000, category: "21", country: "NL", vatCents: 21000 },
  { ref: "F2026-002", day: dayFromIso("2026-02-10"), cents: 50000, category: "21", country: "NL", vatCents: 10500 },
  { ref: "F2026-002", day: dayFromIso("2026-02-10"), cents: 20000, category: "9", country: "NL", vatCents: 1800 },
  { ref: "F2026-003", day: dayFromIso("2026-03-01"), cents: 80000, category: "buitenland", country: "DE", vatCents: 0 },
  { ref: "F2026-004", day: dayFromIso("2026-03-05"), cents: 150000, category: "icp", country: "FR", vatCents: 0 },
  { ref: "CN2026-001", day: dayFromIso("2026-04-01"), cents: -30000, category: "21", country: "NL", vatCents: -6300 },
];

function plain(rows: XafRow[]): object[] {
  return rows.map(({ ref, day, cents, category, country, vatCents }) => ({ ref, day, cents, category, country, vatCents }));
}

describe("XAF reader: a client's year", () => {
  it.each(["3.2", "3.1"] as const)("reads the sales journal of a %s file into one row per invoice and VAT category", (version) => {
    const { rows, info } = readXafText(writeXaf(client2026(version)));
    expect(plain(rows)).toEqual(EXPECTED);
    expect(info.version).toBe(version);
    expect(info.salesTransactions).toBe(7);
    expect(info.memorialSkipped).toBe(1);
    expect(info.consistent).toBe(true);
  });

  it("counts €2,900.00 for 2026: €1,000 + €500 + €200 + €1,500 − €300; the German service and the refused lines are not in it", () => {
    const { rows } = readXafText(writeXaf(client2026()));
    expect(countableTurnover(rows, 2026).countableCents).toBe(290000);
  });

  it("refuses revenue lines without a VAT code and unclear 0% codes once each, with counts and the invoice", () => {
    const { problems } = readXafText(writeXaf(client2026()));
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(2);
    const noVat = errors.find((p) => p.message.en.includes("without a VAT code"));
    expect(noVat?.message.en).toContain("1 revenue line in sales entries without a VAT code (account 8090; together €250.00; first: entry F2026-005 of 10 April 2026)");
    expect(noVat?.message.nl).toContain("1 omzetregel in verkoopboekingen zonder btw-code");
    expect(noVat?.day).toBe(dayFromIso("2026-04-10"));
    const zero = errors.find((p) => p.message.en.includes("does not map"));
    expect(zero?.message.en).toContain('VAT code "N0: Nul tarief overig" (0%)');
  });

  it("says how many memorial entries were skipped and warns about revenue in the cash journal", () => {
    const { problems } = readXafText(writeXaf(client2026()));
    expect(problems.find((p) => p.code === "xaf-skipped")?.message.en).toContain("1 memorial entry and 0 opening entries");
    expect(problems.find((p) => p.code === "xaf-revenue-outside-sales")?.message.en).toContain('Journal "KAS" (type C) posts a net €50.00');
  });

  it("gives the company, its VAT number and the fiscal year", () => {
    const { info } = readXafText(writeXaf({ ...client2026(), companyName: "Bakkerij De Korenschoof", taxRegIdent: "NL009999999B01" }));
    expect(info.companyName).toBe("Bakkerij De Korenschoof");
    expect(info.taxRegIdent).toBe("NL009999999B01");
    expect(info.startDay).toBe(dayFromIso("2026-01-01"));
  });
});

describe("XAF reader: the file's own totals", () => {
  it("reports a file whose totals do not match what was read as inconsistent (an error)", () => {
    const spec = { ...client2026(), totals: { lines: 40, debit: "99999.99", credit: "99999.99" } };
    const { problems, info } = readXafText(writeXaf(spec));
    expect(info.consistent).toBe(false);
    const p = problems.find((x) => x.code === "xaf-totals");
    expect(p?.severity).toBe("error");
    expect(p?.message.en).toContain("40 lines according to the file, 25 read");
    expect(p?.message.nl).toContain("De auditfile klopt niet met zijn eigen totalen");
  });

  it("warns when the file gives no totals at all", () => {
    const { problems, info } = readXafText(writeXaf({ ...client2026(), totals: "none" }));
    expect(info.consistent).toBeNull();
    expect(problems.some((p) => p.code === "xaf-no-totals")).toBe(true);
  });
});

describe("XAF reader: files it refuses", () => {
  function refusal(text: string): XafError {
    try {
      readXafText(text);
    } catch (e) {
      if (e instanceof XafError) return e;
      throw e;
    }
    throw new Error("not refused");
  }

  it("refuses a billion-laughs file at its DOCTYPE, quickly", () => {
    const t0 = Date.now();
    const e = refusal(billionLaughs());
    expect(e.reason.en).toContain("DOCTYPE");
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("refuses a truncated file, saying it stops halfway", () => {
    const text = writeXaf(client2026());
    const e = refusal(text.slice(0, Math.floor(text.length / 2)));
    expect(e.reason.en).toContain("stops halfway");
  });

  it("refuses a file in another currency", () => {
    expect(refusal(writeXaf({ ...client2026(), currency: "USD" })).reason.en).toContain("in USD, not in euros");
  });

  it("refuses XML that is not an auditfile, and an unknown version", () => {
    expect(refusal('<?xml version="1.0"?><invoices/>').reason.en).toContain("not an auditfile");
    expect(refusal('<auditfile xmlns="http://www.auditfiles.nl/XAF/3.0"></auditfile>').reason.en).toContain("Unknown auditfile version");
  });

  it("says an auditfile without a namespace names no version, not 'namespace \"\"', and shows a hostile one's controls", () => {
    expect(refusal("<auditfile><header/></auditfile>").reason.nl).toBe(
      'Deze auditfile noemt geen versie (<auditfile> heeft geen namespace, zoals xmlns="http://www.auditfiles.nl/XAF/3.2"). Gelezen worden XAF 3.1, 3.2 en 4.0. Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.',
    );
    expect(refusal('<auditfile xmlns="urn:x\u202Eevil"></auditfile>').reason.en).toContain('(namespace "urn:x\\u202Eevil")');
  });

  it("refuses broken XML with the line number", () => {
    expect(refusal('<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n<header></head>').reason.en).toMatch(/line 2/);
  });

  it("says what is wrong with broken XML in the reader's language, with the line once and not the parser's English", () => {
    const head = '<?xml version="1.0"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n<header><fiscalYear>2026</fiscalYear></header>\n';
    const entity = refusal(`${head}<company><companyName>&xxe;Klant BV</companyName></company></auditfile>`).reason;
    expect(entity).toEqual({
      nl: "Dit is geen leesbare XML: regel 4 bevat een onbekende entiteit (zoals &naam;). Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.",
      en: "This is not readable XML: line 4 holds an unknown entity (such as &name;). Export the auditfile again from the bookkeeping package and check again.",
    });
    const charRef = refusal(`${head}<company><companyName>&#xZZ;Klant</companyName></company></auditfile>`).reason;
    expect(charRef.nl).toBe("Dit is geen leesbare XML: regel 4 bevat een ongeldige tekenverwijzing (&#…;). Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.");
    const tag = refusal(`${head}<company></companyName>`).reason;
    expect(tag.nl).toBe("Dit is geen leesbare XML: regel 4 bevat een sluittag die niet bij de geopende tag past. Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.");
    // Anything else: a plain sentence, no parser text.
    const other = refusal(`${head}<company a=1></company></auditfile>`).reason;
    expect(other.nl).toBe("Dit is geen leesbare XML: regel 4 is niet volgens de regels van XML opgebouwd. Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.");
    expect(other.en).toBe("This is not readable XML: line 4 is not built by the rules of XML. Export the auditfile again from the bookkeeping package and check again.");
    expect(refusal("  \n").reason.nl).toBe("Dit is geen leesbare XML: het bestand is leeg. Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.");
  });
});

describe("XAF reader: streaming and encodings", () => {
  it("gives the same rows when the bytes arrive in chunks of 7", () => {
    const bytes = new TextEncoder().encode(writeXaf(client2026()));
    const rows: XafRow[] = [];
    const reader = new XafReader({ rows: (r) => rows.push(...r), problems: () => undefined }, { blockRows: 2 });
    for (let i = 0; i < bytes.length; i += 7) reader.writeBytes(bytes.subarray(i, i + 7));
    reader.end();
    expect(plain(rows)).toEqual(EXPECTED);
  });

  it("reads an ISO-8859-1 file (a name with é)", () => {
    const text = writeXaf({ ...client2026(), companyName: "Café Hé" }).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const reader = new XafReader({ rows: () => undefined, problems: () => undefined });
    reader.writeBytes(bytes);
    expect(reader.end().companyName).toBe("Café Hé");
  });
});

describe("XAF reader: journals without a type", () => {
  it("reads a journal without jrnTp as sales when it posts to a customer, and refuses one whose relations have no type", () => {
    const spec = client2026();
    const sales = spec.journals[0];
    const noType: GenFile = {
      ...spec,
      customers: [...CUSTOMERS, { id: "X1", name: "Onbekend" }],
      journals: [
        { ...sales, type: undefined },
        { id: "V2", desc: "Verkoop 2", txs: [invoice({ nr: "1", date: "2026-07-01", ref: "F2026-100", customer: "X1", parts: [{ acc: "8000", net: 1000, vat: H }] })] },
      ],
    };
    const { rows, problems } = readXafText(writeXaf(noType));
    expect(plain(rows)).toEqual(EXPECTED);
    expect(problems.find((p) => p.message.en.includes('Journal "V2" has no type'))?.severity).toBe("error");
  });
});

describe("xafCents", () => {
  it("reads decimals exactly and refuses more than two decimals", () => {
    expect(xafCents("1234.56")).toBe(123456);
    expect(xafCents("-0.01")).toBe(-1);
    expect(xafCents("12")).toBe(1200);
    expect(xafCents("12.5")).toBe(1250);
    expect(xafCents("12.500")).toBe(1250);
    expect(xafCents("12.505")).toBeNull();
    expect(xafCents("1,5")).toBeNull();
  });
});

describe("XAF reader: the packages' VAT codes", () => {
  it("reads e-Boekhouden's codes from the vatID (BI_EU_VERK_D: services to the EU, taxed there; GEEN: refused)", () => {
    const spec: GenFile = {
      fiscalYear: 2026,
      customers: CUSTOMERS,
      vatCodes: [],
      journals: [
        {
          id: "VK",
          desc: "Verkoop",
          type: "S",
          txs: [
            invoice({ nr: "1", date: "2026-03-01", ref: "F1", customer: "C2", parts: [{ acc: "8030", net: 80000, vat: { id: "BI_EU_VERK_D", perc: 0 } }] }),
            invoice({ nr: "2", date: "2026-03-02", ref: "F2", customer: "C1", parts: [{ acc: "8000", net: 5000, vat: { id: "GEEN", perc: 0 } }] }),
          ],
        },
      ],
    };
    const { rows, problems } = readXafText(writeXaf(spec));
    expect(plain(rows)).toEqual([{ ref: "F1", day: dayFromIso("2026-03-01"), cents: 80000, category: "buitenland", country: "DE", vatCents: 0 }]);
    expect(problems.filter((p) => p.severity === "error").map((p) => p.message.en)).toEqual([expect.stringContaining('VAT code "GEEN" (0%)')]);
  });
});

describe("XAF reader: a file full of bad entries", () => {
  it("lists the first 1,000 unreadable entries and counts the rest in one line", () => {
    const txs: GenTx[] = [];
    for (let i = 0; i < 1200; i++) txs.push(invoice({ nr: String(i), date: "2026-05-01", ref: `F${i}`, customer: "C1", parts: [{ acc: "8000", net: 1000, vat: H }] }));
    const text = writeXaf({ fiscalYear: 2026, customers: CUSTOMERS, journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }] }).replace(/<amnt>10\.00<\/amnt>/g, "<amnt>tien</amnt>");
    const { rows, problems } = readXafText(text);
    expect(rows).toHaveLength(0);
    expect(problems.filter((p) => p.message.en.includes('"tien" in <amnt> cannot be read'))).toHaveLength(1000);
    expect(problems.find((p) => p.code === "xaf-more")?.message.en).toBe("200 more entries or lines could not be read or placed; they were not counted and are not listed one by one here.");
  });
});

describe("XAF reader: sales outside the sales journal, purchases from relations of type B", () => {
  const ACCS = [...ACCOUNTS, { id: "1600", desc: "Crediteuren", tp: "B" }, { id: "1510", desc: "Voorbelasting", tp: "B" }, { id: "7000", desc: "Inkoopwaarde", tp: "P" }, { id: "3000", desc: "Voorraad", tp: "B" }];
  const RELATIONS = [...CUSTOMERS, { id: "R1", name: "Klant en leverancier", tp: "B", taxCountry: "NL" }];
  const VATS = [...VAT_CODES, { id: "IH", desc: "Voorbelasting hoog 21%" }, { id: "V21", desc: "BTW 21%", claim: "1510" }, { id: "U21", desc: "BTW 21%", pay: "1500" }];
  /** A purchase: creditor credit (gross), cost debit (net) with input VAT debited, VAT receivable debit. */
  const purchase = (nr: string, date: string, rel: string, net: number, code: string): GenTx => ({
    nr,
    date,
    lines: [
      { acc: "1600", cents: Math.round(net * 1.21), side: "C", custSupID: rel, invRef: nr },
      { acc: "4000", cents: net, side: "D", invRef: nr, vat: [{ id: code, perc: "21.000", cents: Math.round(net * 0.21), side: "D" }] },
      { acc: "1510", cents: Math.round(net * 0.21), side: "D" },
    ],
  });
  const cashSale = (nr: string, date: string, net: number, code = "H"): GenTx => ({
    nr,
    date,
    lines: [
      { acc: "1000", cents: Math.round(net * 1.21), side: "D", docRef: nr },
      { acc: "8000", cents: net, side: "C", docRef: nr, vat: [{ id: code, perc: "21.000", cents: Math.round(net * 0.21), side: "C" }] },
      { acc: "1500", cents: Math.round(net * 0.21), side: "C", docRef: nr },
    ],
  });
  const file = (journals: GenFile["journals"]): GenFile => ({ fiscalYear: 2026, customers: RELATIONS, accounts: ACCS, vatCodes: VATS, journals });

  it("reads a purchase from a relation of type B in a journal without a type as a purchase (input VAT), not a credit note", () => {
    const spec = file([
      {
        id: "ALG",
        desc: "Boekingen",
        txs: [
          invoice({ nr: "V1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] }),
          invoice({ nr: "V2", date: "2026-06-01", ref: "V2", customer: "R1", parts: [{ acc: "8000", net: 600000, vat: H }] }),
          purchase("INK1", "2026-04-01", "R1", 400000, "IH"),
          purchase("INK2", "2026-04-02", "R1", 100000, "V21"),
        ],
      },
    ]);
    const { rows, problems } = readXafText(writeXaf(spec));
    expect(plain(rows).map((r) => (r as { ref: string }).ref)).toEqual(["V1", "V2"]);
    expect(countableTurnover(rows, 2026).countableCents).toBe(2100000);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("refuses an entry to a relation of type B whose side cannot be told (no VAT code), as for relations without a type", () => {
    const spec = file([
      {
        id: "ALG",
        desc: "Boekingen",
        txs: [
          invoice({ nr: "V1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] }),
          { nr: "X1", date: "2026-05-01", lines: [{ acc: "1600", cents: 50000, side: "C", custSupID: "R1" }, { acc: "4000", cents: 50000, side: "D" }] },
          // Debited under a code that does not say its side: a purchase, or a credit note to R1? Refused.
          purchase("X2", "2026-05-02", "R1", 100000, "H"),
        ],
      },
    ]);
    const { rows, problems } = readXafText(writeXaf(spec));
    expect(rows).toHaveLength(1);
    const refused = problems.find((p) => p.message.en.includes('Journal "ALG"'));
    expect(refused?.severity).toBe("error");
    expect(refused?.message.en).toContain("2 entries on profit-and-loss accounts");
  });

  it("counts cash sales in the cash book that carry an output VAT code, not cash purchases, and says which entries it counted", () => {
    const txs: GenTx[] = [];
    for (let i = 1; i <= 11; i++) txs.push(cashSale(`K${i}`, `2026-${String(i).padStart(2, "0")}-15`, 150000));
    txs.push({ nr: "K12", date: "2026-11-20", lines: [{ acc: "1000", cents: 12100, side: "C" }, { acc: "4000", cents: 10000, side: "D", vat: [{ id: "H", perc: "21.000", cents: 2100, side: "D" }] }, { acc: "1500", cents: 2100, side: "D" }] });
    const spec = file([
      { id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-01-10", ref: "F1", customer: "C1", parts: [{ acc: "8000", net: 500000, vat: H }] })] },
      { id: "KAS", desc: "Kasboek", type: "C", txs },
    ]);
    const { rows, problems, info } = readXafText(writeXaf(spec));
    expect(countableTurnover(rows, 2026).countableCents).toBe(2150000);
    expect(rows.find((r) => r.ref === "K11")?.day).toBe(dayFromIso("2026-11-15"));
    expect(info.salesTransactions).toBe(12);
    const note = problems.find((p) => p.code === "xaf-sales-outside-sales-journal");
    expect(note?.severity).toBe("warning");
    expect(note?.message.en).toContain('Journal "KAS" (type C): 11 entries were counted as sales');
    expect(note?.message.en).toContain("€16,500.00");
    expect(note?.message.en).toContain("entry K1 of 15 January 2026");
    expect(problems.some((p) => p.code === "xaf-revenue-outside-sales")).toBe(false);
  });

  it("counts a sale booked in the memorial journal, nets a move between VAT rates there, and never counts a purchase journal", () => {
    const spec = file([
      { id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] })] },
      {
        id: "MEM",
        desc: "Memoriaal",
        type: "M",
        txs: [
          invoice({ nr: "M1", date: "2026-12-31", ref: "M1", customer: "C1", parts: [{ acc: "8000", net: 600000, vat: H }] }),
          {
            nr: "M2",
            date: "2026-06-30",
            lines: [
              { acc: "8000", cents: 100000, side: "D", vat: [{ id: "H", perc: "21.000", cents: 0, side: "D" }] },
              { acc: "8010", cents: 100000, side: "C", vat: [{ id: "L", perc: "9.000", cents: 0, side: "C" }] },
            ],
          },
        ],
      },
      // A purchase credit note: cost credited with VAT credited under the sales code. Purchases, never turnover.
      { id: "INK", desc: "Inkoop", type: "P", txs: [{ nr: "P1", date: "2026-02-01", lines: [{ acc: "1600", cents: 12100, side: "D", custSupID: "R1" }, { acc: "4000", cents: 10000, side: "C", vat: [{ id: "H", perc: "21.000", cents: 2100, side: "C" }] }, { acc: "1500", cents: 2100, side: "D" }] }] },
    ]);
    const { rows, info } = readXafText(writeXaf(spec));
    expect(countableTurnover(rows, 2026).countableCents).toBe(2100000);
    expect(plain(rows.filter((r) => r.ref.startsWith("MEM")))).toEqual([
      { ref: "MEM M2", day: dayFromIso("2026-06-30"), cents: -100000, category: "21", country: null, vatCents: 0 },
      { ref: "MEM M2", day: dayFromIso("2026-06-30"), cents: 100000, category: "9", country: null, vatCents: 0 },
    ]);
    expect(rows.find((r) => r.ref === "M1")?.cents).toBe(600000);
    expect(info.memorialSkipped).toBe(0);
  });

  it("gives the amount of revenue without a VAT code in the memorial journal, and makes it an error when it could change the verdict", () => {
    const noCode = (nr: string, date: string, cents: number): GenTx => ({ nr, date, lines: [{ acc: "1300", cents, side: "D", custSupID: "C1" }, { acc: "8090", cents, side: "C" }] });
    const small = readXafText(writeXaf(file([
      { id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] })] },
      { id: "MEM", desc: "Memoriaal", type: "M", txs: [noCode("M1", "2026-12-31", 400000)] },
    ])));
    expect(small.problems.find((p) => p.code === "xaf-revenue-outside-sales")?.message.en).toContain('Journal "MEM" (type M) posts a net €4,000.00');
    expect(small.problems.filter((p) => p.severity === "error")).toEqual([]);
    const big = readXafText(writeXaf(file([
      { id: "VK", desc: "Verkoop", type: "S", txs: [invoice({ nr: "1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] })] },
      { id: "MEM", desc: "Memoriaal", type: "M", txs: [noCode("M1", "2026-12-31", 600000)] },
    ])));
    const err = big.problems.find((p) => p.code === "xaf-uncounted-revenue");
    expect(err?.severity).toBe("error");
    expect(err?.day).toBe(dayFromIso("2026-12-31"));
    expect(err?.message.en).toContain("€6,000.00");
    expect(err?.message.en).toContain("€20,000.00");
  });
});

describe("XAF reader: cost of sales inside a sales entry", () => {
  const ACCS = [...ACCOUNTS, { id: "7000", desc: "Kostprijs omzet", tp: "P" }, { id: "3000", desc: "Voorraad", tp: "B" }, { id: "8900", desc: "Betalingskorting", tp: "P" }];
  const withStock = (tx: GenTx, cents: number, vat: boolean): GenTx => ({
    ...tx,
    lines: [...tx.lines, { acc: "7000", cents, side: "D", vat: vat ? [{ id: "H", perc: "21.000", cents: 0, side: "C" }] : undefined }, { acc: "3000", cents, side: "C" }],
  });

  it("leaves out a cost-of-sales line mirrored by a stock line of the same amount (no VAT), and says so", () => {
    const spec: GenFile = {
      fiscalYear: 2026,
      customers: CUSTOMERS,
      accounts: ACCS,
      journals: [
        {
          id: "VK",
          desc: "Verkoop",
          type: "S",
          txs: [
            withStock(invoice({ nr: "1", date: "2026-03-01", ref: "V1", customer: "C1", parts: [{ acc: "8000", net: 1500000, vat: H }] }), 900000, false),
            withStock(invoice({ nr: "2", date: "2026-05-01", ref: "V2", customer: "C1", parts: [{ acc: "8000", net: 800000, vat: H }] }), 500000, true),
            // A payment discount (no sale in the entry): not a stock movement, still refused without a VAT code.
            { nr: "3", date: "2026-06-01", lines: [{ acc: "1300", cents: 10000, side: "C", custSupID: "C1" }, { acc: "8900", cents: 10000, side: "D" }] },
          ],
        },
      ],
    };
    const { rows, problems } = readXafText(writeXaf(spec));
    expect(plain(rows).map((r) => [(r as { ref: string }).ref, (r as { cents: number }).cents])).toEqual([["V1", 1500000], ["V2", 800000]]);
    expect(countableTurnover(rows, 2026).countableCents).toBe(2300000);
    const note = problems.find((p) => p.code === "xaf-cost-of-sales");
    expect(note?.severity).toBe("warning");
    expect(note?.message.en).toContain("2 sales entries");
    expect(note?.message.en).toContain("€14,000.00");
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].message.en).toContain("account 8900");
  });
});

describe("XAF reader: a customer in Northern Ireland (XI) (review of 1 Dec 2026)", () => {
  it("is read without a country, with the sheets' Northern Ireland message as a problem naming the customer (it was silent)", () => {
    const spec: GenFile = {
      fiscalYear: 2026,
      customers: [...CUSTOMERS, { id: "C9", name: "Belfast Ltd", tp: "C", taxCountry: "XI" }],
      journals: [
        {
          id: "VK",
          desc: "Verkoop",
          type: "S",
          txs: [
            invoice({ nr: "1", date: "2026-03-01", ref: "F1", customer: "C9", parts: [{ acc: "8020", net: 100000, vat: { id: "ICP", perc: 0 } }] }),
            invoice({ nr: "2", date: "2026-03-02", ref: "F2", customer: "C9", parts: [{ acc: "8020", net: 50000, vat: { id: "ICP", perc: 0 } }] }),
          ],
        },
      ],
    };
    const { rows, problems } = readXafText(writeXaf(spec));
    expect(rows.map((r) => [r.ref, r.country])).toEqual([["F1", null], ["F2", null]]);
    const ni = problems.filter((p) => p.code === "xaf-country");
    // Once per customer, as a warning: the entries are counted, without a country.
    expect(ni).toHaveLength(1);
    expect(ni[0].severity).toBe("warning");
    expect(ni[0].message.en).toContain('Customer "C9"');
    expect(ni[0].message.en).toContain('country "XI" is Northern Ireland: for VAT it counts as in the EU for goods (Windsor Framework)');
    expect(ni[0].message.en).toContain("read without a country");
    expect(ni[0].message.nl).toContain('Klant "C9"');
    expect(ni[0].message.nl).toContain('land "XI" is Noord-Ierland');
  });
});
