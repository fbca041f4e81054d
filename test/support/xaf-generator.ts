/**
 * Writes auditfiles (XAF 3.2 and 3.1) for tests and the bench, from a small description: customers,
 * accounts, VAT codes and journals of balanced transactions. `invoice()` builds the usual sales entry:
 * debtor debit (gross), revenue credit per VAT code (net), VAT payable credit; a negative net is a credit
 * note (every side flips). Element names follow the XSDs cited in docs/xaf.md.
 */
export type XafVersionSpec = "3.1" | "3.2";

export interface GenVat {
  readonly id: string;
  /** "21.000" as packages write it. */
  readonly perc: string;
  readonly cents: number;
  readonly side: "D" | "C";
}

export interface GenLine {
  readonly acc: string;
  readonly cents: number;
  readonly side: "D" | "C";
  readonly custSupID?: string;
  readonly invRef?: string;
  readonly docRef?: string;
  readonly effDate?: string;
  readonly vat?: readonly GenVat[];
}

export interface GenTx {
  readonly nr: string;
  readonly date: string;
  readonly lines: readonly GenLine[];
}

export interface GenJournal {
  readonly id: string;
  readonly desc: string;
  readonly type?: string;
  readonly txs: readonly GenTx[];
}

export interface GenCustomer {
  readonly id: string;
  readonly name: string;
  readonly tp?: string;
  readonly taxCountry?: string;
  readonly addressCountry?: string;
}

export interface GenFile {
  readonly version?: XafVersionSpec;
  readonly companyName?: string;
  readonly taxRegIdent?: string;
  /** The company's companyIdent (3.2; default "1", a package's own number): a KvK number has eight digits. */
  readonly companyIdent?: string;
  readonly fiscalYear: number;
  readonly currency?: string;
  readonly customers?: readonly GenCustomer[];
  readonly accounts?: readonly { id: string; desc: string; tp: string }[];
  /** `pay` / `claim`: the code's vatToPayAccID / vatToClaimAccID (3.2 only). */
  readonly vatCodes?: readonly { id: string; desc: string; pay?: string; claim?: string }[];
  /** The header's startDate and endDate (default: the fiscal year's 1 January to 31 December). */
  readonly period?: { readonly start: string; readonly end: string };
  readonly journals: readonly GenJournal[];
  /** "auto" (default): the true totals; "none": left out; or totals to write instead (a file that does not add up). */
  readonly totals?: "auto" | "none" | { lines: number; debit: string; credit: string };
}

export const ACCOUNTS = [
  { id: "1300", desc: "Debiteuren", tp: "B" },
  { id: "1500", desc: "Te betalen btw", tp: "B" },
  { id: "1000", desc: "Kas", tp: "B" },
  { id: "1100", desc: "Bank", tp: "B" },
  { id: "8000", desc: "Omzet hoog", tp: "P" },
  { id: "8010", desc: "Omzet laag", tp: "P" },
  { id: "8020", desc: "Omzet ICP", tp: "P" },
  { id: "8030", desc: "Omzet diensten buitenland", tp: "P" },
  { id: "8040", desc: "Omzet export", tp: "P" },
  { id: "8090", desc: "Overige omzet", tp: "P" },
  { id: "4000", desc: "Kosten", tp: "P" },
];

export const VAT_CODES: readonly { id: string; desc: string; pay?: string; claim?: string }[] = [
  { id: "H", desc: "BTW hoog 21%" },
  { id: "L", desc: "BTW laag 9%" },
  { id: "ICP", desc: "ICP" },
  { id: "VB", desc: "Dienst buitenland" },
  { id: "EX", desc: "Export" },
  { id: "N0", desc: "Nul tarief overig" },
];

export function euros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

export interface InvoiceSpec {
  readonly nr: string;
  readonly date: string;
  readonly ref: string;
  readonly customer: string;
  /** Revenue per account and VAT code; net in cents, negative for a credit note. */
  readonly parts: readonly { acc: string; net: number; vat?: { id: string; perc: number } | null }[];
}

/** A balanced sales entry: debtor (gross), revenue per part (net), VAT payable (the VAT). */
export function invoice(spec: InvoiceSpec): GenTx {
  const lines: GenLine[] = [];
  let gross = 0;
  let vatTotal = 0;
  const revenue: GenLine[] = [];
  for (const p of spec.parts) {
    const vatCents = p.vat ? Math.round((Math.abs(p.net) * p.vat.perc) / 100) * Math.sign(p.net) : 0;
    gross += p.net + vatCents;
    vatTotal += vatCents;
    revenue.push({
      acc: p.acc,
      cents: Math.abs(p.net),
      side: p.net >= 0 ? "C" : "D",
      invRef: spec.ref,
      docRef: spec.ref,
      vat: p.vat ? [{ id: p.vat.id, perc: `${p.vat.perc}.000`, cents: Math.abs(vatCents), side: vatCents >= 0 ? "C" : "D" }] : undefined,
    });
  }
  lines.push({ acc: "1300", cents: Math.abs(gross), side: gross >= 0 ? "D" : "C", custSupID: spec.customer, invRef: spec.ref, docRef: spec.ref });
  lines.push(...revenue);
  if (vatTotal !== 0) lines.push({ acc: "1500", cents: Math.abs(vatTotal), side: vatTotal >= 0 ? "C" : "D", docRef: spec.ref });
  return { nr: spec.nr, date: spec.date, lines };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function el(name: string, value: string | undefined): string {
  return value === undefined ? "" : `<${name}>${esc(value)}</${name}>`;
}

/** The auditfile as text (chunks joined); `writeXafChunks` streams the same for large files. */
export function writeXaf(spec: GenFile): string {
  return [...writeXafChunks(spec)].join("");
}

export function* writeXafChunks(spec: GenFile): Generator<string> {
  const v = spec.version ?? "3.2";
  const y = spec.fiscalYear;
  const accounts = spec.accounts ?? ACCOUNTS;
  const vatCodes = spec.vatCodes ?? VAT_CODES;
  let lines = 0;
  let debit = 0;
  let credit = 0;
  for (const j of spec.journals) {
    for (const t of j.txs) {
      for (const l of t.lines) {
        lines++;
        if (l.side === "D") debit += l.cents;
        else credit += l.cents;
      }
    }
  }
  const totals =
    spec.totals === "none"
      ? ""
      : spec.totals === undefined || spec.totals === "auto"
        ? `${el(v === "3.1" ? "numberEntries" : "linesCount", String(lines))}${el("totalDebit", euros(debit))}${el("totalCredit", euros(credit))}`
        : `${el(v === "3.1" ? "numberEntries" : "linesCount", String(spec.totals.lines))}${el("totalDebit", spec.totals.debit)}${el("totalCredit", spec.totals.credit)}`;
  const cur = spec.currency ?? "EUR";
  const customers = (spec.customers ?? [])
    .map((c) => {
      const addr = c.addressCountry ? `<streetAddress>${el("city", "X")}${el("country", c.addressCountry)}</streetAddress>` : "";
      if (v === "3.1") return `<customerSupplier>${el("custSupID", c.id)}${el("companyName", c.name)}${el("taxRegistrationCountry", c.taxCountry)}${el("custSupTp", c.tp)}${addr}</customerSupplier>`;
      return `<customerSupplier>${el("custSupID", c.id)}${el("custSupName", c.name)}${el("taxRegistrationCountry", c.taxCountry)}${el("custSupTp", c.tp)}${addr}</customerSupplier>`;
    })
    .join("\n");
  const ledger = accounts
    .map((a) => (v === "3.1" ? `<ledgerAccount>${el("accountID", a.id)}${el("accountDesc", a.desc)}${el("accountType", a.tp)}${el("leadCode", a.tp)}</ledgerAccount>` : `<ledgerAccount>${el("accID", a.id)}${el("accDesc", a.desc)}${el("accTp", a.tp)}</ledgerAccount>`))
    .join("\n");
  const vats = vatCodes.map((c) => `<vatCode>${el("vatID", c.id)}${el("vatDesc", c.desc)}${v === "3.1" ? "" : `${el("vatToPayAccID", c.pay)}${el("vatToClaimAccID", c.claim)}`}</vatCode>`).join("\n");
  const start = spec.period?.start ?? `${y}-01-01`;
  const end = spec.period?.end ?? `${y}-12-31`;

  if (v === "3.1") {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.1">\n`;
    yield `<header>${el("fiscalYear", String(y))}${el("startDate", start)}${el("endDate", end)}${el("currencyCode", cur)}${el("dateCreated", `${y + 1}-01-15`)}${el("productID", "Testpakket")}${el("productVersion", "1.0")}${el("companyName", spec.companyName ?? "Bakkerij Test")}${el("taxRegistration", spec.taxRegIdent ?? "NL001234567B01")}</header>\n`;
    yield `<customersSuppliers>${customers}</customersSuppliers>\n<generalLedger>${ledger}</generalLedger>\n<vatCodes>${vats}</vatCodes>\n`;
    yield `<transactions>${totals}\n`;
    for (const j of spec.journals) {
      yield `<journal>${el("journalID", j.id)}${el("description", j.desc)}${el("jrnTp", j.type)}\n`;
      for (const t of j.txs) {
        let s = `<transaction>${el("transactionID", t.nr)}${el("period", t.date.slice(5, 7))}${el("transactionDate", t.date)}`;
        t.lines.forEach((l, i) => {
          const vat = (l.vat ?? []).map((x) => `<vat>${el("vatCode", x.id)}${el("vatPercentage", x.perc)}${el("vatAmount", euros(x.side === "C" ? x.cents : -x.cents))}</vat>`).join("");
          s += `<line>${el("recordID", String(i + 1))}${el("accountID", l.acc)}${el("docRef", l.docRef ?? "")}${el("debitAmount", euros(l.side === "D" ? l.cents : 0))}${el("creditAmount", euros(l.side === "C" ? l.cents : 0))}${el("custSupID", l.custSupID)}${el("invRef", l.invRef)}${vat}</line>`;
        });
        yield `${s}</transaction>\n`;
      }
      yield `</journal>\n`;
    }
    yield `</transactions>\n</auditfile>\n`;
    return;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">\n`;
  yield `<header>${el("fiscalYear", String(y))}${el("startDate", start)}${el("endDate", end)}${el("curCode", cur)}${el("dateCreated", `${y + 1}-01-15`)}${el("softwareDesc", "Testpakket")}${el("softwareVersion", "1.0")}</header>\n`;
  yield `<company>${el("companyIdent", spec.companyIdent ?? "1")}${el("companyName", spec.companyName ?? "Bakkerij Test")}${el("taxRegistrationCountry", "NL")}${el("taxRegIdent", spec.taxRegIdent ?? "NL001234567B01")}\n`;
  yield `<customersSuppliers>${customers}</customersSuppliers>\n<generalLedger>${ledger}</generalLedger>\n<vatCodes>${vats}</vatCodes>\n`;
  yield `<transactions>${totals}\n`;
  for (const j of spec.journals) {
    yield `<journal>${el("jrnID", j.id)}${el("desc", j.desc)}${el("jrnTp", j.type)}\n`;
    for (const t of j.txs) {
      let s = `<transaction>${el("nr", t.nr)}${el("periodNumber", t.date.slice(5, 7))}${el("trDt", t.date)}`;
      t.lines.forEach((l, i) => {
        const vat = (l.vat ?? []).map((x) => `<vat>${el("vatID", x.id)}${el("vatPerc", x.perc)}${el("vatAmnt", euros(x.cents))}${el("vatAmntTp", x.side)}</vat>`).join("");
        s += `<trLine>${el("nr", String(i + 1))}${el("accID", l.acc)}${el("docRef", l.docRef ?? "")}${el("effDate", l.effDate ?? t.date)}${el("amnt", euros(l.cents))}${el("amntTp", l.side)}${el("custSupID", l.custSupID)}${el("invRef", l.invRef)}${vat}</trLine>`;
      });
      yield `${s}</transaction>\n`;
    }
    yield `</journal>\n`;
  }
  yield `</transactions>\n</company>\n</auditfile>\n`;
}

/** A billion-laughs file: ten nested entities of ten references each. */
export function billionLaughs(): string {
  let dtd = '<!ENTITY lol "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?>\n<!DOCTYPE auditfile [${dtd}]>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header><fiscalYear>&lol9;</fiscalYear></header></auditfile>\n`;
}
