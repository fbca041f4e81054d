/**
 * The surfaces that read a header row must agree on the column shapes real exports have (docs/exports.md,
 * src/reading/headers.ts), not only on the one "amount excl. VAT" column test/agreement/surfaces.test.ts writes.
 * A random invoice table (1–40 lines over two consecutive years, 2024–2026; credit notes; totals near €20,000)
 * is written in one of three shapes:
 *
 *  - amount: an amount excluding VAT, now and then beside a gross column and a VAT column (the amount wins);
 *  - gross + VAT: no amount excluding VAT; the VAT consistent with the category's rate (21 / 9, none elsewhere)
 *    or arbitrary, credit notes negative in both, now and then an empty VAT cell (no VAT: gross is turnover) or
 *    a VAT amount without a gross amount (the error `vat-without-gross`, that row not counted);
 *  - ledger: a revenue ledger card, `Debet` / `Credit` (invoices as credit lines, credit notes as debit lines,
 *    the other side empty or 0,00, now and then both sides on one line), a `Saldo` column, `Beginsaldo` (undated,
 *    or dated with the balance in its column) / `Totaal mutaties` / `Eindsaldo` lines; now and then an amount
 *    column beside Debet / Credit as transaction exports have it, unsigned (Twinfield, the auditfile), credit
 *    minus debit, or debit minus credit (Exact Online): turnover is credit − debit whatever its sign, and a line
 *    whose amount differs from it in size is refused (`ledger-amount-mismatch`), never counted; or, instead of
 *    Debet / Credit, the amount signed debit plus with a `D/C` column (Twinfield's transaction browse): the side
 *    decides, a line without D or C is refused (`ledger-side-unknown`); or unsigned with a `D/C` column, now and
 *    then a storno booked as a minus credit: refused (`ledger-sign-contradicts-side`), never counted by its size;
 *  - gross only: amounts including VAT and no VAT column: refused everywhere with `gross-only` (kor-check's
 *    error and problem code for each file, the pane instead of a verdict, All sheets skips the sheet);
 *
 * with header names drawn from the spellings the packages write (Dutch and English, case, "excl." / "incl." /
 * "ex" / compounds such as "Brutobedrag", "Debetbedrag"), now and then an invoice number, a due date and an amount
 * that is not the turnover ("Openstaand bedrag", "Amount due", "Bedrag per stuk") before the amounts, title lines
 * above the header, blank lines and a totals line. The oracle works out each line's turnover itself from the cells (gross − VAT, credit − debit;
 * kor-rules.md sections 1 and 3–5, docs/exports.md "Columns") and, for each year, every surface that reads
 * headers must give its countable total in cents, verdict and crossing (sheet row and day), and the rows it
 * refuses as `vat-without-gross`:
 *
 *  (b) the pane in Excel mode (src/taskpane/model.ts `analyze` over `range.values`);
 *  (c) kor-check (src/cli/main.ts in-process, JSON) on an .xlsx written by exceljs, on a `;` or tab CSV with
 *      Dutch numbers in UTF-8 (with or without BOM), Windows-1252 or UTF-16, and on a `,` CSV with "1234.56";
 *  (d) the pane's Open file (src/taskpane/browser/files.ts `readFileSource` + `analyze`) on the .xlsx and the
 *      Dutch CSV;
 *  (e) All sheets (src/bulk/overview.ts) over the workbook in Excel mode (src/excel/allSheets.ts on a fake
 *      Excel) and over the Open file's sheet: the latest year, its problems without row lists.
 *
 * Every surface must also report the same problem codes, rows and counts as kor-check's .xlsx.
 *
 * Left out by design:
 *  - the KOR.* functions take the amount range directly (no header row, no gross or ledger columns): the
 *    oracle's net column through them is test/agreement/surfaces.test.ts's case, so they are not run here;
 *  - participation, filing period, a typed previous year, own codes, countries, 1904 workbooks and a sheet per
 *    year are surfaces.test.ts's: here the business's status is unknown and the workbook has one sheet;
 *  - a column headed just "BTW" / "VAT" / "Tax" is decided by its values (rates or money, docs/exports.md):
 *    a workbook's number 21 is the rate, a CSV's "21,00" money. The generator gives such a VAT column at
 *    least one amount that is no rate, so both read it as money, as a real list of invoices would. Beside gross
 *    amounts only, a bare "BTW" column left empty is their VAT column (an empty VAT cell is no VAT,
 *    docs/exports.md): the generator heads the category otherwise there.
 */
import fc from "fast-check";
import * as path from "path";
import { readFileSync, writeFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { analyze, unitsOfFile, type SheetSettings } from "../../src/taskpane/model";
import { readFileSource } from "../../src/taskpane/browser/files";
import { fileLike } from "../taskpane/xlsxXml";
import { buildOverview, type OverviewRow } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { readAllSheets } from "../../src/excel/allSheets";
import { fakeContext } from "../excel/allSheets-fake";
import { headerRole } from "../../src/reading/headers";
import type { Problem } from "../../src/rules/types";
import type { YearSummary } from "../../src/rules/summary-types";
import { dayFromYmd, excelSerialFromDay, isoFromDay, yearOf, ymdFromDay, type Day } from "../../src/rules/dates";
import { runCli, tempDir } from "../cli/fixtures";
import { csvBytes, dayIn, type CsvEncoding } from "./kit";

jest.setTimeout(180_000);

// ---------------------------------------------------------------------------------------------------
// The oracle: kor-rules.md sections 1 and 3–5, docs/exports.md "Columns".

const THRESHOLD = 2_000_000;

type Code = "21" | "9" | "0" | "kor" | "export" | "vrij" | "prive" | "inkoop";
const NOT_COUNTED = new Set<Code>(["vrij", "prive", "inkoop"]);
const SPELLINGS: readonly (readonly [Code | null, string])[] = [
  [null, ""], [null, ""], [null, ""],
  ["21", "21%"], ["21", "hoog"], ["21", "Hoog"], ["9", "9%"], ["9", "laag"], ["0", "nul"], ["kor", "kor"], ["export", "export"],
  ["vrij", "vrijgesteld overig"], ["prive", "privé"], ["inkoop", "inkoop"],
];

type Shape = "amount" | "gross-vat" | "ledger" | "gross-only";
type LedgerAmount = "unsigned" | "credit-minus-debit" | "debit-minus-credit" | "side" | "side-unsigned";
type Refusal = "vat-without-gross" | "vat-sign-mismatch" | "ledger-amount-mismatch" | "ledger-side-unknown" | "ledger-sign-contradicts-side";

/** One invoice line as its cells hold it (cents; null: an empty cell). */
interface Line {
  readonly day: Day;
  readonly code: Code | null;
  readonly text: string;
  /** amount: the amount excluding VAT; ledger: the amount column beside Debet / Credit (null without one). */
  readonly amount: number | null;
  readonly gross: number | null;
  readonly vat: number | null;
  readonly debit: number | null;
  readonly credit: number | null;
  /** ledger with a D/C column: "C", "D" or "" (no side). */
  readonly side: string | null;
  readonly blanksBefore: number;
  readonly pick: number;
}

interface Headers {
  readonly date: string;
  readonly customer: string;
  readonly amount: string;
  readonly gross: string;
  readonly vat: string;
  readonly debit: string;
  readonly credit: string;
  readonly category: string;
}

interface Table {
  readonly shape: Shape;
  readonly years: readonly [number, number];
  readonly lines: readonly Line[];
  readonly headers: Headers;
  /**
   * An invoice number, a due date ("Vervaldatum": never the invoice date) and an outstanding, paid, discount or
   * unit amount ("Openstaand bedrag": never the turnover) beside the date.
   */
  readonly noise: boolean;
  /** amount shape: also a gross and a VAT column (ignored: the amount excluding VAT wins). */
  readonly extraColumns: boolean;
  readonly categoryColumn: boolean;
  /** ledger shape: an amount column beside Debet / Credit, and how it is signed. */
  readonly ledgerAmount: LedgerAmount | null;
  /** The category column before the amounts (as SnelStart's "BTW" with Hoog / Laag), else after them. */
  readonly categoryFirst: boolean;
  readonly titles: readonly string[];
  readonly totals: boolean;
  readonly today: Day;
  readonly nlCsv: { readonly separator: ";" | "\t"; readonly encoding: CsvEncoding };
  readonly pick: number;
}

/** A line's turnover from its cells; "empty" (nothing to read) or the code of its refusal. */
function netOf(table: Table, line: Line): number | "empty" | Refusal {
  switch (table.shape) {
    case "amount":
      return line.amount === null || line.amount === 0 ? "empty" : line.amount;
    case "gross-vat":
      if (line.gross === null) return line.vat === null || line.vat === 0 ? "empty" : "vat-without-gross";
      // Gross and VAT signed apart (−1.210,00 beside 210,00): which sign is meant is not known (docs/exports.md).
      if (line.vat !== null && line.gross !== 0 && line.vat !== 0 && line.gross < 0 !== line.vat < 0) return "vat-sign-mismatch";
      return line.gross - (line.vat ?? 0);
    case "gross-only":
      // Never read: the whole list is refused (see refusedWhole).
      return "empty";
    case "ledger": {
      if (table.ledgerAmount === "side" || table.ledgerAmount === "side-unsigned") {
        if (line.amount === null) return "empty";
        if (line.side !== "C" && line.side !== "D") return line.amount === 0 ? "empty" : "ledger-side-unknown";
        // An unsigned file: a minus contradicts its side (debit plus, credit minus: "side" never has one).
        if (table.ledgerAmount === "side-unsigned" && line.amount < 0) return "ledger-sign-contradicts-side";
        return line.side === "C" ? Math.abs(line.amount) : -Math.abs(line.amount);
      }
      // An amount beside Debet / Credit is only checked: its size must be credit − debit's (its sign says nothing).
      if (line.debit === null && line.credit === null) return line.amount === null || line.amount === 0 ? "empty" : "ledger-amount-mismatch";
      const net = (line.credit ?? 0) - (line.debit ?? 0);
      return line.amount !== null && Math.abs(line.amount) !== Math.abs(net) ? "ledger-amount-mismatch" : net;
    }
  }
}

/** Rows of the sheet above the first line: title lines, the header, and a ledger card's opening balance. */
function firstLineRow(table: Table): number {
  return table.titles.length + 1 + (table.shape === "ledger" ? 1 : 0);
}

function sheetRowOf(table: Table, i: number): number {
  let row = firstLineRow(table);
  for (let j = 0; j <= i; j++) row += table.lines[j].blanksBefore + 1;
  return row;
}

interface Read {
  readonly row: number;
  readonly day: Day;
  readonly cents: number;
  readonly counts: boolean;
}

function readLines(table: Table): { rows: Read[]; refused: { row: number; day: Day; code: Refusal }[] } {
  const rows: Read[] = [];
  const refused: { row: number; day: Day; code: Refusal }[] = [];
  table.lines.forEach((line, i) => {
    const net = netOf(table, line);
    const row = sheetRowOf(table, i);
    if (net === "empty") return;
    if (net === "vat-without-gross" || net === "vat-sign-mismatch" || net === "ledger-amount-mismatch" || net === "ledger-side-unknown" || net === "ledger-sign-contradicts-side") refused.push({ row, day: line.day, code: net });
    else rows.push({ row, day: line.day, cents: net, counts: line.code === null || !NOT_COUNTED.has(line.code) });
  });
  return { rows, refused };
}

interface Expected {
  readonly year: number;
  readonly countableCents: number;
  readonly verdict: "eligible" | "not-eligible";
  readonly crossing: { readonly row: number; readonly day: Day } | null;
}

function crossingIn(rows: readonly Read[], year: number): { row: number; day: Day } | null {
  const sorted = rows.filter((r) => yearOf(r.day) === year && r.counts).sort((a, b) => a.day - b.day || a.row - b.row);
  let running = 0;
  for (const r of sorted) {
    running += r.cents;
    if (running > THRESHOLD) return { row: r.row, day: r.day };
  }
  return null;
}

function countableIn(rows: readonly Read[], year: number): number {
  return rows.filter((r) => yearOf(r.day) === year && r.counts).reduce((s, r) => s + r.cents, 0);
}

function expected(table: Table, year: number): Expected {
  const { rows } = readLines(table);
  const countableCents = countableIn(rows, year);
  const crossing = crossingIn(rows, year);
  let ok = countableCents <= THRESHOLD && crossing === null;
  // Section 4: from 2025 the previous year too (no rows of it: €0); a crossing in it fails the test as well.
  if (year >= 2025 && rows.some((r) => yearOf(r.day) === year - 1)) {
    if (countableIn(rows, year - 1) > THRESHOLD || crossingIn(rows, year - 1) !== null) ok = false;
  }
  return { year, countableCents, verdict: ok ? "eligible" : "not-eligible", crossing };
}

/** Years a surface can report: those with a row read or a refused row (its problem carries the date). */
function yearsWithData(table: Table): number[] {
  const { rows, refused } = readLines(table);
  return [...new Set([...rows, ...refused].map((r) => yearOf(r.day)))].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------
// The generator.

const DATE_HEADERS = ["Factuurdatum", "Datum", "Invoice date", "Date", "Boekdatum", "FACTUURDATUM", "Datum factuur", "Boekingsdatum"];
const CUSTOMER_HEADERS = ["Klant", "Omschrijving", "Relatie", "Customer", "Description"];
const AMOUNT_HEADERS = [
  "Bedrag excl. btw", "Bedrag (Excl)", "Totaal excl. btw", "Excl. btw", "Netto", "Omzet", "Bedrag exclusief", "Subtotaal",
  "Amount excl. VAT", "Net amount", "Bedrag", "BEDRAG EXCL. BTW", "Prijs excl. btw", "Netto bedrag", "Nettobedrag", "Amount",
  "Bedrag ex btw", "Exclusief btw", "Amount (excl. VAT)",
];
const GROSS_HEADERS = [
  "Totaal incl. btw", "Bedrag (Incl)", "Totaal", "Totaalbedrag", "Bruto", "Bedrag incl. btw", "Amount incl. VAT", "Gross amount",
  "Prijs incl. btw", "TOTAAL INCL. BTW", "Bedrag inclusief btw", "Total", "Total incl. VAT", "Bruto bedrag", "Brutobedrag", "Incl. btw",
];
/** VAT amount headers; the bare ones ("Btw", "VAT", "Tax") are decided by their values. */
const VAT_HEADERS = ["Btw", "BTW", "Btw-bedrag", "VAT", "VAT amount", "Btw bedrag", "BTW-bedrag", "Omzetbelasting", "Totaal btw", "Bedrag btw", "Tax"];
const DEBIT_HEADERS = ["Debet", "Debit", "DEBET", "Bedrag debet", "Debetbedrag"];
const CREDIT_HEADERS = ["Credit", "CREDIT", "Bedrag credit", "Creditbedrag"];
/** Amounts beside the invoice's own (outstanding, paid, discount, per unit): never the turnover. */
const OTHER_AMOUNT_HEADERS = ["Openstaand bedrag", "Betaald bedrag", "Amount due", "Kortingsbedrag", "Bedrag per stuk", "Amount paid"];
/** Category headers; a bare "BTW" / "VAT" holding rate names and codes is the category by its values. */
const CATEGORY_HEADERS = ["BTW %", "Btw-tarief", "BTW-code", "Btw-soort", "Tarief", "Categorie", "VAT rate", "BTW", "VAT"];
const BARE = /^\s*(btw|vat|tax)\s*$/i;

const TITLES = [[], [], ["Verkoopboek"], ["Grootboekkaart 8000 Omzet", "Periode: 1-1 t/m 31-12"]] as const;

const YEAR_PAIRS: readonly (readonly [number, number])[] = [
  [2024, 2025],
  [2025, 2026],
];


const centsArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 800_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -300_000, max: -1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_900_000, max: 2_100_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 99, 100, 2_000_000, 2_000_001, -1) },
);

const rawLine = fc.record({
  second: fc.boolean(),
  offset: fc.integer({ min: 0, max: 365 }),
  cents: centsArb,
  category: fc.constantFrom(...SPELLINGS),
  vatKind: fc.constantFrom("rate", "rate", "rate", "arbitrary", "empty", "only-vat", "zero", "nothing"),
  arbitraryVat: fc.integer({ min: -200_000, max: 200_000 }),
  blanksBefore: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
  pick: fc.nat({ max: 100_000 }),
});

function rateVat(code: Code | null, net: number): number {
  const rate = code === "21" ? 21 : code === "9" ? 9 : 0;
  return Math.round((net * rate) / 100);
}

/** Not a VAT rate as a workbook or CSV holds one (21, 9, 0.21 …): a bare "BTW" column with it is money. */
const RATE_CENTS = new Set([0, 600, 900, 2100, 6, 9, 21]);

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    shape: fc.constantFrom<Shape>("amount", "gross-vat", "gross-vat", "ledger", "ledger", "gross-only"),
    years: fc.constantFrom(...YEAR_PAIRS),
    raw: fc.array(rawLine, { minLength: 1, maxLength: 40 }),
    headerPick: fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 8 }),
    headerCase: fc.constantFrom("as written", "as written", "lower", "upper", "padded"),
    noise: fc.boolean(),
    extraColumns: fc.boolean(),
    categoryColumn: fc.boolean(),
    categoryFirst: fc.boolean(),
    ledgerAmount: fc.constantFrom<LedgerAmount | null>(null, null, "unsigned", "credit-minus-debit", "debit-minus-credit", "side", "side-unsigned"),
    titles: fc.constantFrom(...TITLES),
    totals: fc.boolean(),
    topUp: fc.option(fc.record({ delta: fc.constantFrom(-100, -1, 0, 1, 100, 250_000), at: fc.nat(), offset: fc.integer({ min: 0, max: 364 }) })),
    nlCsv: fc.record({
      separator: fc.constantFrom<";" | "\t">(";", ";", "\t"),
      encoding: fc.constantFrom<Table["nlCsv"]["encoding"]>("utf-8", "utf-8 bom", "windows-1252", "utf-16le", "utf-16le bom", "utf-16be bom"),
    }),
    pick: fc.nat({ max: 100_000 }),
  })
  .map(({ shape, years, raw, headerPick, headerCase, noise, extraColumns, categoryColumn, categoryFirst, ledgerAmount: ledgerAmountPick, titles, totals, topUp, nlCsv, pick }) => {
    const ledgerAmount = shape === "ledger" ? ledgerAmountPick : null;
    const cased = (h: string): string => (headerCase === "lower" ? h.toLowerCase() : headerCase === "upper" ? h.toUpperCase() : headerCase === "padded" ? ` ${h} ` : h);
    const from = (list: readonly string[], k: number): string => cased(list[headerPick[k] % list.length]);
    const headers: Headers = {
      date: from(DATE_HEADERS, 0),
      customer: from(CUSTOMER_HEADERS, 1),
      amount: from(AMOUNT_HEADERS, 2),
      gross: from(GROSS_HEADERS, 3),
      // Beside a bare "BTW" category a named VAT amount column (two bare "BTW" columns are no real export).
      vat: BARE.test(from(CATEGORY_HEADERS, 7)) && categoryColumn ? from(VAT_HEADERS.filter((h) => !BARE.test(h)), 4) : from(VAT_HEADERS, 4),
      debit: from(DEBIT_HEADERS, 5),
      credit: from(CREDIT_HEADERS, 6),
      // Beside gross amounts only, a bare "BTW" would be their VAT column (empty: no VAT, docs/exports.md).
      category: shape === "gross-only" ? from(CATEGORY_HEADERS.filter((h) => !BARE.test(h)), 7) : from(CATEGORY_HEADERS, 7),
    };
    const lineOf = (day: Day, net: number, code: Code | null, text: string, vatKind: string, arbitraryVat: number, blanksBefore: number, p: number): Line => {
      const vat = vatKind === "arbitrary" ? arbitraryVat : vatKind === "empty" ? null : vatKind === "zero" ? 0 : rateVat(code, net);
      const base = { day, code, text, blanksBefore, pick: p, amount: null, gross: null, vat: null, debit: null, credit: null, side: null };
      switch (shape) {
        case "amount":
          return { ...base, amount: net, gross: net + (vat ?? 0), vat };
        case "gross-only":
          return { ...base, gross: net + (vat ?? 0) };
        case "gross-vat":
          // A VAT amount without a gross amount: refused for that row. Neither: a date without an amount.
          if (vatKind === "only-vat") return { ...base, vat: vat === 0 || vat === null ? 100 : vat };
          if (vatKind === "nothing") return { ...base, vat: p % 2 === 0 ? 0 : null };
          return { ...base, gross: net + (vat ?? 0), vat };
        case "ledger": {
          // Amount signed debit plus, the side in D/C; now and then a line without a side (refused).
          if (ledgerAmount === "side") return { ...base, amount: -net, side: p % 29 === 5 ? "" : net >= 0 ? "C" : "D" };
          // Unsigned, the side in D/C; now and then a storno booked as a minus credit (refused, not counted by its size).
          if (ledgerAmount === "side-unsigned") return { ...base, amount: p % 7 === 3 && net > 0 ? -net : Math.abs(net), side: p % 29 === 5 ? "" : net >= 0 ? "C" : "D" };
          // The amount column, signed as the package signs it; now and then one that differs (refused).
          const size = Math.abs(net) + (p % 23 === 7 ? 1 : 0);
          const signed = net < 0 ? -size : size;
          const amount = ledgerAmount === null ? null : ledgerAmount === "unsigned" ? size : ledgerAmount === "credit-minus-debit" ? signed : -signed;
          // The other side empty or 0,00; now and then a line with both sides (a correction booked on one line).
          if (p % 17 === 4) return { ...base, amount, credit: Math.abs(net) + 5_000, debit: Math.abs(net) + 5_000 - net };
          const other = p % 3 === 0 ? 0 : null;
          return net >= 0 ? { ...base, amount, credit: net, debit: other } : { ...base, amount, debit: -net, credit: other };
        }
      }
    };
    let lines: Line[] = raw.map((r) =>
      lineOf(dayIn(r.second ? years[1] : years[0], r.offset), r.cents, categoryColumn ? r.category[0] : null, categoryColumn ? r.category[1] : "", r.vatKind, r.arbitraryVat, r.blanksBefore, r.pick),
    );
    const probe: Table = { shape, years, lines, headers, noise, extraColumns, categoryColumn, ledgerAmount, categoryFirst, titles: [], totals, today: 0, nlCsv, pick };
    if (topUp !== null) {
      const cents = THRESHOLD + topUp.delta - countableIn(readLines(probe).rows, years[1]);
      if (cents !== 0) {
        const at = topUp.at % (lines.length + 1);
        lines = [...lines.slice(0, at), lineOf(dayIn(years[1], topUp.offset), cents, null, "", "rate", 0, 0, topUp.at), ...lines.slice(at)];
      }
    }
    // A bare "BTW" column must hold money by its values (see the header comment).
    if (BARE.test(headers.vat) && (shape === "gross-vat" || extraColumns)) {
      const i = lines.findIndex((l) => l.vat !== null && !RATE_CENTS.has(Math.abs(l.vat)) && l.vat % 100 !== 0);
      if (i < 0) {
        const l = lines[0];
        const vat = 1234;
        lines = [{ ...l, vat, gross: l.gross === null ? null : l.gross - (l.vat ?? 0) + vat }, ...lines.slice(1)];
      }
    }
    return { shape, years, lines, headers, noise, extraColumns, categoryColumn, ledgerAmount, categoryFirst, titles: [...titles], totals, today: dayFromYmd(years[1] + 1, 2, 1), nlCsv, pick };
  });

// ---------------------------------------------------------------------------------------------------
// Renderings.

type Cell = string | number | Date | null;
type Role = "number" | "due" | "other" | "date" | "customer" | "amount" | "gross" | "vat" | "debit" | "credit" | "side" | "category" | "saldo" | "fee" | "afterFees";

function roles(table: Table): Role[] {
  const cat: Role[] = table.categoryColumn && !table.categoryFirst ? ["category"] : [];
  const lead: Role[] = [...(table.noise ? ["number", "due", "date", "other"] as const : ["date"] as const), ...(table.categoryColumn && table.categoryFirst ? ["category"] as const : [])];
  switch (table.shape) {
    case "amount":
      return table.extraColumns ? [...lead, "customer", "amount", "vat", "gross", ...cat] : [...lead, "customer", "amount", ...cat];
    case "gross-vat":
      return [...lead, "customer", "gross", ...fees(table), "vat", ...cat];
    case "gross-only":
      return [...lead, "customer", "gross", ...fees(table), ...cat];
    case "ledger":
      if (table.ledgerAmount === "side" || table.ledgerAmount === "side-unsigned") return [...lead, "customer", "amount", "side", "saldo", ...cat];
      return [...lead, "customer", ...(table.ledgerAmount === null ? [] : ["amount"] as const), "debit", "credit", "saldo", ...cat];
  }
}

/**
 * Now and then a payment provider's fee and net-after-fees columns beside the gross (PayPal: "Bruto", "Kosten",
 * "Netto"): the net is gross − fee, never the turnover, so the oracle's answer does not change.
 */
function fees(table: Table): Role[] {
  return (table.shape === "gross-vat" || table.shape === "gross-only") && table.pick % 4 === 1 ? ["fee", "afterFees"] : [];
}
const FEE_HEADERS = ["Kosten", "Fee", "Transactiekosten", "Provisie"];
const AFTER_FEES_HEADERS = ["Netto", "Net", "Nettobedrag", "Net amount"];
/** A provider's fee on a gross amount: about 3% plus €0,35, against the amount's sign (a refund returns it). */
const feeOf = (gross: number): number => -Math.sign(gross) * (Math.round(Math.abs(gross) * 0.03) + 35);

function headerText(table: Table, role: Role): string {
  if (role === "fee") return FEE_HEADERS[(table.pick >> 2) % FEE_HEADERS.length];
  if (role === "afterFees") return AFTER_FEES_HEADERS[(table.pick >> 4) % AFTER_FEES_HEADERS.length];
  if (role === "other") return OTHER_AMOUNT_HEADERS[table.pick % OTHER_AMOUNT_HEADERS.length];
  if (role === "side") return ["D/C", "Debet/Credit", "DC"][table.pick % 3];
  return role === "saldo" ? "Saldo" : role === "number" ? "Factuurnummer" : role === "due" ? "Vervaldatum" : table.headers[role];
}

const two = (n: number): string => String(n).padStart(2, "0");

function dutchAmount(cents: number, pick: number): string {
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const grouped = pick % 2 === 0 ? euros.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : euros;
  const body = `${pick % 3 === 0 ? "€ " : ""}${grouped},${two(abs % 100)}`;
  if (cents >= 0) return body;
  return pick % 5 === 1 ? `${body}-` : pick % 5 === 2 ? `(${body})` : `-${body}`;
}

function englishAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${two(abs % 100)}`;
}

function dutchDate(day: Day, pick: number): string {
  const { year, month, day: d } = ymdFromDay(day);
  return pick % 3 === 0 ? `${d}-${month}-${year}` : pick % 3 === 1 ? `${two(d)}-${two(month)}-${year}` : isoFromDay(day);
}

interface Render {
  date(line: Line): Cell;
  money(cents: number, pick: number): Cell;
  text(t: string): Cell;
  empty: Cell;
}

/** The sheet as rows of cells, rendered by `r`. */
function layout(table: Table, header: readonly string[], r: Render): Cell[][] {
  const cols = roles(table);
  const width = cols.length;
  const blank = (): Cell[] => new Array<Cell>(width).fill(r.empty);
  const rows: Cell[][] = table.titles.map((t) => [t, ...new Array<Cell>(width - 1).fill(r.empty)]);
  rows.push([...header]);
  const money = (c: number | null, pick: number): Cell => (c === null ? r.empty : r.money(c, pick));
  let saldo = 0;
  // A ledger card's opening balance: undated, or dated 1 January with the balance in its column.
  const opening: Line = { ...table.lines[0], day: dayFromYmd(table.years[0], 1, 1), credit: 12_345, debit: null };
  const dated = table.pick % 3 === 0;
  if (table.shape === "ledger") {
    rows.push(cols.map((c) => (c === "customer" ? r.text("Beginsaldo") : c === "saldo" ? r.money(0, 0) : dated && c === "date" ? r.date(opening) : dated && c === "credit" ? r.money(12_345, 0) : r.empty)));
  }
  table.lines.forEach((line, i) => {
    for (let k = 0; k < line.blanksBefore; k++) rows.push(blank());
    saldo += (line.credit ?? 0) - (line.debit ?? 0);
    rows.push(
      cols.map((c): Cell => {
        switch (c) {
          case "date":
            return r.date(line);
          case "customer":
            return r.text(`Klant ${i + 1}`);
          case "number":
            return r.text(`F${2000 + i}`);
          case "due":
            return r.date({ ...line, day: line.day + 30 });
          case "other":
            return line.pick % 3 === 0 ? r.empty : r.money((line.pick % 1000) * 100 + 1, line.pick);
          case "category":
            return line.text === "" ? r.empty : r.text(line.text);
          case "saldo":
            return r.money(saldo, line.pick >> 9);
          case "side":
            return line.side === null || line.side === "" ? r.empty : r.text(line.side);
          case "fee":
            return line.gross === null ? r.empty : r.money(feeOf(line.gross), line.pick >> 3);
          case "afterFees":
            return line.gross === null ? r.empty : r.money(line.gross + feeOf(line.gross), line.pick >> 5);
          default:
            return money(line[c], line.pick >> (c.length + 2));
        }
      }),
    );
  });
  if (table.totals) {
    const sum = (k: "amount" | "gross" | "vat" | "debit" | "credit"): number => table.lines.reduce((s, l) => s + (l[k] ?? 0), 0);
    if (table.shape === "ledger") {
      rows.push(cols.map((c) => (c === (table.pick % 2 === 0 ? "customer" : "date") ? r.text("Totaal mutaties") : c === "debit" || c === "credit" ? r.money(sum(c), 0) : r.empty)));
      rows.push(cols.map((c) => (c === "customer" ? r.text("Eindsaldo") : c === "saldo" ? r.money(saldo, 0) : r.empty)));
    } else {
      rows.push(cols.map((c) => (c === "customer" ? r.text("Totaal") : c === "amount" || c === "gross" || c === "vat" ? r.money(sum(c), 0) : r.empty)));
    }
  }
  return rows;
}

function headerRow(table: Table): string[] {
  return roles(table).map((c) => headerText(table, c));
}

/** range.values in Excel: serials, numbers, "" for empty. */
function excelValues(table: Table): Cell[][] {
  return layout(table, headerRow(table), {
    date: (l) => excelSerialFromDay(l.day),
    money: (c, p) => (p % 13 === 0 ? dutchAmount(c, p >> 4) : c / 100),
    text: (t) => t,
    empty: "",
  });
}

async function writeXlsx(file: string, table: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Facturen");
  const rows = layout(table, headerRow(table), {
    date: (l) => {
      const { year, month, day } = ymdFromDay(l.day);
      return l.pick % 5 === 0 ? excelSerialFromDay(l.day) : l.pick % 7 === 0 ? dutchDate(l.day, l.pick) : new Date(Date.UTC(year, month - 1, day));
    },
    money: (c, p) => (p % 11 === 0 ? dutchAmount(c, p >> 4) : c / 100),
    text: (t) => t,
    empty: null,
  });
  for (const r of rows) ws.addRow(r.every((c) => c === null) ? [] : r);
  await wb.xlsx.writeFile(file);
  return readFileSync(file);
}

function csvField(text: string, sep: string): string {
  return text.includes(sep) || text.includes('"') || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(table: Table, lang: "nl" | "en"): string {
  const sep = lang === "nl" ? table.nlCsv.separator : ",";
  const eol = table.pick % 4 === 1 ? "\n" : "\r\n";
  const rows = layout(table, headerRow(table), {
    date: (l) => {
      if (lang === "nl") return dutchDate(l.day, l.pick >> 2);
      const { year, month, day } = ymdFromDay(l.day);
      return l.pick % 2 === 0 ? isoFromDay(l.day) : `${two(day)}/${two(month)}/${year}`;
    },
    money: (c, p) => (lang === "nl" ? dutchAmount(c, p) : englishAmount(c)),
    text: (t) => t,
    empty: "",
  });
  const lines = rows.map((r, i) => (i < table.titles.length ? csvField(String(r[0]), sep) : r.map((c) => csvField(String(c), sep)).join(sep)));
  return lines.join(eol) + eol;
}



// ---------------------------------------------------------------------------------------------------
// Answers in one shape.

interface Answer {
  readonly year: number;
  readonly countableCents: number;
  readonly verdict: string;
  readonly crossing: { readonly row: number | null; readonly day: Day } | null;
  readonly problems: readonly string[];
}

/** A note on how "/" text dates were read (only the `,` CSV has them, and its dates are the oracle's days): not compared. */
const TEXT_DATE_NOTES = new Set(["date-order-month-first", "date-order-undecided"]);

function problemKeys(problems: readonly Pick<Problem, "severity" | "code" | "row" | "rows" | "count">[]): string[] {
  return problems.filter((p) => !TEXT_DATE_NOTES.has(p.code)).map((p) => `${p.severity} ${p.code} @${p.row ?? "-"} [${(p.rows ?? []).join(",")}] ×${p.count ?? 1}`).sort();
}

function fromSummary(s: YearSummary): Answer {
  return {
    year: s.year,
    countableCents: s.countableCents,
    verdict: s.verdict,
    crossing: s.crossing === null ? null : { row: s.crossing.row, day: s.crossing.day },
    problems: problemKeys(s.problems),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kor-check's parsed JSON output
type Json = any;

function fromCliJson(item: Json): Answer {
  expect(item.error).toBeNull();
  return {
    year: item.year,
    countableCents: Math.round(item.countable * 100),
    verdict: item.verdict,
    crossing: item.crossing === null ? null : { row: item.crossing.row, day: Math.round(Date.parse(`${item.crossing.date}T00:00:00Z`) / 86_400_000) },
    problems: problemKeys(item.problems),
  };
}

function fromOverview(line: OverviewRow): Answer {
  return {
    year: line.year,
    countableCents: line.countableCents,
    verdict: line.verdict,
    crossing: line.crossing === null ? null : { row: line.crossing.row, day: line.crossing.day },
    problems: line.problems.map((p) => `${p.severity} ${p.code} @${p.row ?? "-"}`).sort(),
  };
}

/** The rows a surface refuses as `vat-without-gross`, `vat-sign-mismatch`, `ledger-amount-mismatch`, `ledger-side-unknown` or `ledger-sign-contradicts-side` (grouped once per sheet and year). */
function refusedRows(a: Answer): number[] {
  return a.problems
    .filter((k) => k.includes(" vat-without-gross ") || k.includes(" vat-sign-mismatch ") || k.includes(" ledger-amount-mismatch ") || k.includes(" ledger-side-unknown ") || k.includes(" ledger-sign-contradicts-side "))
    .flatMap((k) => /\[([^\]]*)\]/.exec(k)?.[1].split(",").filter((x) => x !== "").map(Number) ?? [])
    .sort((x, y) => x - y);
}

// ---------------------------------------------------------------------------------------------------

const SEED = Number(process.env.KOR_COLUMNS_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_COLUMNS_RUNS ?? 0);
const VERBOSE = process.env.KOR_COLUMNS_SEED !== undefined;

describe("every surface that reads a header row agrees on the column shapes of real exports", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir("kor-columns-");
  });
  afterAll(() => tmp.cleanup());

  it("the generator's headers are the roles it means them as", () => {
    for (const [list, role] of [
      [DATE_HEADERS, "date"], [AMOUNT_HEADERS, "amount"], [GROSS_HEADERS, "gross"], [VAT_HEADERS, "vat"],
      [DEBIT_HEADERS, "debit"], [CREDIT_HEADERS, "credit"], [CATEGORY_HEADERS, "category"],
    ] as const) {
      // A bare "BTW" is decided by its values (headerRole says "vat").
      for (const h of list) expect({ header: h, role: headerRole(h) }).toEqual({ header: h, role: BARE.test(h) ? "vat" : role });
    }
  });

  it("kor-check (.xlsx, CSVs), Open file (.xlsx, CSV), the pane in Excel mode and All sheets agree with the oracle and on every problem", async () => {
    if (VERBOSE) console.log(`columns: seed ${SEED}`);
    let n = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const base = path.join(tmp.dir, `c${n++}`);
        const xlsx = `${base}.xlsx`;
        const xlsxBytes = await writeXlsx(xlsx, table);
        const csvNl = `${base}-nl.csv`;
        const csvEn = `${base}-en.csv`;
        writeFileSync(csvNl, csvBytes(csvText(table, "nl"), table.nlCsv.encoding));
        writeFileSync(csvEn, csvText(table, "en"));
        const openedXlsx = await readFileSource(fileLike("facturen.xlsx", xlsxBytes));
        const openedCsv = await readFileSource(fileLike("facturen.csv", readFileSync(csvNl)));
        const excelSource = {
          key: "sheet:Facturen", name: "Facturen", origin: "sheet" as const, tableName: null, values: excelValues(table),
          rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
        };
        const excelUnits = (await readAllSheets(fakeContext([{ name: "Facturen", cells: excelValues(table) }]).context, { keepFrom: yearOf(table.today) - 3 })).units;
        if (table.shape === "gross-only") {
          // Refused everywhere, with the reason: never a verdict on gross amounts, nor on €0.
          const r = await runCli([xlsx, csvNl, csvEn, "--format", "json", "--lang", "en"], table.today);
          const items = JSON.parse(r.stdout) as Json[];
          // Beside a fee column the reason also says the net column is after fees (never the amount excluding VAT).
          const reason = fees(table).length > 0 ? /is the amount after the fees in column .* holds the amounts including any VAT/ : /holds amounts including VAT/;
          expect(items.map((i) => ({ error: reason.test((i.error ?? "").replace(/\s+/g, " ")), codes: i.problems.map((p: Json) => p.code) }))).toEqual(
            new Array(3).fill({ error: true, codes: ["gross-only"] }),
          );
          for (const source of [excelSource, openedXlsx, openedCsv]) expect(analyze(source, {}, table.today).wholeTableProblem?.code).toBe("gross-only");
          expect(excelUnits).toEqual([]);
          expect(buildOverview(unitsOfFile([openedXlsx]), EMPTY_GROUPING, { today: table.today })).toEqual([]);
          seen.add(fees(table).length > 0 ? "gross-only refused beside fees" : "gross-only refused");
          return;
        }
        const years = yearsWithData(table);
        for (const year of [...years, null]) {
          const y = year ?? years[years.length - 1] ?? table.years[1];
          const r = await runCli([xlsx, csvNl, csvEn, ...(year === null ? [] : ["--year", String(year)]), "--format", "json", "--lang", "en"], table.today);
          expect(r.stderr).toBe("");
          const items = JSON.parse(r.stdout) as Json[];
          expect(items).toHaveLength(3);
          const answers: Record<string, Answer> = {
            "kor-check xlsx": fromCliJson(items[0]),
            "kor-check csv ;": fromCliJson(items[1]),
            "kor-check csv ,": fromCliJson(items[2]),
          };
          if (years.length > 0) {
            const settings: SheetSettings = { ...(year === null ? {} : { year }), period: "quarter", participation: "unknown" };
            for (const [name, source] of [
              ["pane Excel mode", excelSource],
              ["Open file xlsx", openedXlsx],
              ["Open file csv", openedCsv],
            ] as const) {
              answers[name] = fromSummary(analyze(source, settings, table.today).summary);
            }
          }
          const want = expected(table, y);
          // A year's report holds the errors of its rows and, from 2025, of the previous year's (its test needs them).
          const concerned = (day: Day): boolean => yearOf(day) === y || (y >= 2025 && yearOf(day) === y - 1);
          const wantRefused = readLines(table).refused.filter((x) => concerned(x.day)).map((x) => x.row).sort((a, b) => a - b);
          for (const [name, a] of Object.entries(answers)) {
            expect({ surface: name, year: a.year, countableCents: a.countableCents, verdict: a.verdict, crossing: a.crossing, refused: refusedRows(a) }).toEqual({
              surface: name, ...want, refused: wantRefused,
            });
          }
          const reference = answers["kor-check xlsx"].problems;
          for (const [name, a] of Object.entries(answers)) expect({ surface: name, year: y, problems: a.problems }).toEqual({ surface: name, year: y, problems: reference });
          for (const p of reference) seen.add(`${table.shape} ${p.split(" ").slice(0, 2).join(" ")}`);
          seen.add(`${table.shape} ${want.verdict}${want.crossing === null ? "" : " crossing"}`);
          if (fees(table).length > 0) seen.add(`${table.shape} beside fees`);

          // All sheets: each line's latest year, its problems without their row lists.
          if (year === null && years.length > 0) {
            const options = { today: table.today, period: "quarter" as const };
            const lines: Record<string, Answer> = {
              "All sheets (Excel)": fromOverview(buildOverview(excelUnits, EMPTY_GROUPING, options)[0]),
              "All sheets (Open file)": fromOverview(buildOverview(unitsOfFile([openedXlsx]), EMPTY_GROUPING, options)[0]),
            };
            const short = reference.map((p) => p.replace(/ \[.*$/, "")).sort();
            for (const [name, a] of Object.entries(lines)) {
              expect({ surface: name, year: a.year, countableCents: a.countableCents, verdict: a.verdict, crossing: a.crossing, problems: a.problems }).toEqual({
                surface: name, year: want.year, countableCents: want.countableCents, verdict: want.verdict, crossing: want.crossing, problems: short,
              });
            }
            seen.add("All sheets");
          }
        }
      }),
      { seed: SEED, numRuns: RUNS > 0 ? RUNS : 20 },
    );
    if (VERBOSE) console.log([...seen].sort().join("\n"));
  });
});
