/**
 * The bundled sample workbook: a small business's invoice list for 2025 and 2026, generated from code so
 * it is reproducible (no hand-edited file). It tells a story a bookkeeper recognises:
 * - 2025 stays under €20,000 (so 2026 passes the previous-year test), with one invoice that shows VAT;
 * - 2026 runs close to the threshold and crosses it in November;
 * - a few categories that do not count (private use, other exempt turnover, services taxed abroad),
 *   one that counts although exempt (letting), rows without a category, EU customers in BE, DE and FR;
 * - one problem row: the ambiguous category "vrijgesteld".
 * `scripts/make-sample.js` writes the same rows to assets/sample-invoices.xlsx for use in Excel.
 */
import { dayFromYmd, excelSerialFromDay } from "../../rules/dates";

export const SAMPLE_SHEET_NAME = "Facturen";
export const SAMPLE_FILE_NAME = "sample-invoices.xlsx";

export const SAMPLE_HEADER = ["Factuurnummer", "Factuurdatum", "Klant", "Omschrijving", "Bedrag excl. btw", "BTW", "Categorie", "Land"] as const;

/** One invoice of the sample; `date` as [year, month, day]. */
export interface SampleInvoice {
  readonly number: string;
  readonly date: readonly [number, number, number];
  readonly customer: string;
  readonly description: string;
  readonly amount: number;
  readonly vat: number;
  readonly category: string;
  readonly country: string;
}

const CUSTOMERS = ["Bakkerij De Vries", "Studio Jansen", "Gemeente Zaanstad", "Van Dijk Advies", "Kapsalon Mooi", "Stichting Buurtwerk"];
const WORK = ["Ontwerp huisstijl", "Website onderhoud", "Fotografie", "Drukwerk", "Workshop", "Advies"];

/** Deterministic pseudo-random numbers (a linear congruential generator), so the sample never changes. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function regularYear(year: number, months: number, perMonth: number, monthlyTarget: number, seed: number): SampleInvoice[] {
  const rnd = lcg(seed);
  const out: SampleInvoice[] = [];
  for (let m = 1; m <= months; m++) {
    let left = monthlyTarget;
    for (let i = 0; i < perMonth; i++) {
      const share = i === perMonth - 1 ? left : Math.round((monthlyTarget / perMonth) * (0.6 + 0.8 * rnd()) / 5) * 5;
      left -= share;
      out.push({
        number: "",
        date: [year, m, 3 + i * Math.floor(24 / perMonth) + Math.floor(rnd() * 3)],
        customer: CUSTOMERS[Math.floor(rnd() * CUSTOMERS.length)],
        description: WORK[Math.floor(rnd() * WORK.length)],
        amount: share,
        vat: 0,
        category: i === 1 && m % 4 === 0 ? "9%" : "21%",
        country: "NL",
      });
    }
  }
  return out;
}

function invoice(date: [number, number, number], customer: string, description: string, amount: number, category: string, country: string, vat = 0): SampleInvoice {
  return { number: "", date, customer, description, amount, vat, category, country };
}

/** The sample invoices in sheet order (by date, as a bookkeeper keeps them), numbered F2025-001 … */
export function sampleInvoices(): SampleInvoice[] {
  const y2025 = [
    ...regularYear(2025, 12, 2, 1350, 2025),
    invoice([2025, 3, 14], "Kapsalon Mooi", "Privégebruik printer", 180, "privé", "NL"),
    invoice([2025, 6, 20], "Atelier Dubois", "Logo (dienst, belast in België)", 900, "buitenland", "BE"),
    invoice([2025, 9, 9], "Van Dijk Advies", "Extra drukwerk", 240, "21%", "NL", 50.4),
  ];
  const y2026 = [
    ...regularYear(2026, 10, 3, 1640, 2026),
    invoice([2026, 2, 11], "Müller GmbH", "Beratung (B2B, belast in Duitsland)", 2400, "buitenland", "DE"),
    invoice([2026, 3, 26], "Praktijk Smit", "Cursus (vrijgesteld onderwijs)", 650, "vrij", "NL"),
    invoice([2026, 4, 30], "Jansen Vastgoed", "Verhuur atelierruimte", 1200, "verhuur", "NL"),
    invoice([2026, 5, 19], "Boutique Lefèvre", "Posters (afstandsverkoop)", 385, "afstandsverkoop nl", "FR"),
    invoice([2026, 6, 5], "Studio Jansen", "Reiskosten doorberekend", 95, "", "NL"),
    invoice([2026, 7, 21], "Stichting Buurtwerk", "Workshop buurthuis", 420, "vrijgesteld", "NL"),
    invoice([2026, 8, 28], "Atelier Dubois", "Illustraties (dienst, belast in België)", 1150, "buitenland", "BE"),
    invoice([2026, 9, 15], "Bakkerij De Vries", "Fotografie menukaart", 310, "", "NL"),
    invoice([2026, 10, 30], "Kapsalon Mooi", "Privégebruik camera", 150, "prive", "NL"),
    invoice([2026, 11, 9], "Gemeente Zaanstad", "Jaarverslag vormgeving", 1450, "21%", "NL"),
    invoice([2026, 11, 18], "Van Dijk Advies", "Nieuwe website, eerste termijn", 2250, "21%", "NL"),
  ];
  const byDate = (a: SampleInvoice, b: SampleInvoice): number =>
    a.date[0] - b.date[0] || a.date[1] - b.date[1] || a.date[2] - b.date[2];
  const all = [...y2025.sort(byDate), ...y2026.sort(byDate)];
  const counters = new Map<number, number>();
  return all.map((inv) => {
    const n = (counters.get(inv.date[0]) ?? 0) + 1;
    counters.set(inv.date[0], n);
    return { ...inv, number: `F${inv.date[0]}-${String(n).padStart(3, "0")}` };
  });
}

/**
 * The sample as sheet values (what `range.values` gives for it): a header row, then one row per invoice,
 * dates as Excel serial numbers, empty cells as "".
 */
export function sampleValues(): unknown[][] {
  return [
    [...SAMPLE_HEADER],
    ...sampleInvoices().map((inv) => [
      inv.number,
      excelSerialFromDay(dayFromYmd(inv.date[0], inv.date[1], inv.date[2])),
      inv.customer,
      inv.description,
      inv.amount,
      inv.vat === 0 ? "" : inv.vat,
      inv.category,
      inv.country,
    ]),
  ];
}
