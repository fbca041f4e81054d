/**
 * kor-check summarises a big sheet from its rows kept in columns (summarizeColumns over RowColumns), not
 * from an object per row (summarizeYear). Both must give the same whole summary, to the cent, the day and
 * the row: varied generated sheets (dates out of order, credit notes, every kind of category, rows of other
 * years, a crossing on a day of big credits, many rows on one day, VAT, countries) are summarised both ways.
 */
import { RowColumns } from "../../src/bulk/rowColumns";
import { YearWindow } from "../../src/bulk/yearWindow";
import type { RowsByYear } from "../../src/rules/columns";
import { dayFromIso, yearOf } from "../../src/rules/dates";
import { summarizeColumns, summarizeYear, type SummaryOptions } from "../../src/rules/summary";
import type { CategoryCode, FilingPeriod, InvoiceRow, Participation } from "../../src/rules/types";

const d = dayFromIso;

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const CODES: (CategoryCode | null)[] = [null, "21", "9", "0", "kor", "export", "icp", "verlegd", "afstand-nl", "vrij", "vrij-og", "prive", "inkoop", "buitenland", "marge"];

/** The warnings about a counted row whose category contradicts its country (see countedAbroadCountry). */
const CONTRADICTION_CODES = ["verlegd-country-outside-eu", "export-country-in-eu", "icp-country-outside-eu", "afstand-nl-country-outside-eu"];

interface SheetShape {
  readonly years: readonly number[];
  readonly n: number;
  readonly countries: boolean;
  readonly vat: boolean;
  /** Row numbers in a random order rather than rising (not how a sheet streams, but the rules must not care). */
  readonly shuffledRowNumbers?: boolean;
  /** Cents per row on average; about €20,000 a year crosses. */
  readonly scale: number;
}

function sheet(seed: number, shape: SheetShape): InvoiceRow[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  // A few busy days hold many rows each (ties on one day), one of them with big credit notes.
  const busyDays = shape.years.flatMap((y) => [d(`${y}-03-15`), d(`${y}-09-30`), d(`${y}-12-31`), d(`${y}-01-01`)]);
  const rows: InvoiceRow[] = [];
  for (let i = 0; i < shape.n; i++) {
    const y = pick(shape.years);
    const day = r() < 0.3 ? pick(busyDays) : d(`${y}-01-01`) + Math.floor(r() * 365);
    const credit = r() < 0.15;
    let cents = Math.round(r() * 2 * shape.scale) * (credit ? -3 : 1);
    if (r() < 0.01) cents = 3_000_000_000 + i; // beyond 32 bits
    if (r() < 0.01) cents = 0;
    const category = pick(CODES);
    const country = !shape.countries
      ? null
      : category === "buitenland"
        ? pick(["DE", "FR", "AT", "US", "NL", null])
        : category === "verlegd"
          ? pick(["US", "us", "CH", "GB", "DE", "NL", "XX", null])
          : category === "export" || category === "icp" || category === "afstand-nl"
            ? pick(["US", "CH", "GB", "DE", "de", "EL", "BE", "NL", "XX", null])
            : r() < 0.1
            ? pick(["BE", "US", "GB", "CH"])
            : null;
    const vatCents = !shape.vat ? null : r() < 0.4 ? null : r() < 0.2 ? 0 : Math.round(cents * 0.21);
    rows.push({ row: i + 2, day, cents, category, country, vatCents });
  }
  if (shape.shuffledRowNumbers) {
    const numbers = rows.map((x) => x.row);
    for (let i = numbers.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
    }
    return rows.map((x, i) => ({ ...x, row: numbers[i] }));
  }
  return rows;
}

/** The rows in columns per year, each year's rows in the array's order. */
function columnsOf(rows: readonly InvoiceRow[]): RowsByYear {
  const byYear = new Map<number, RowColumns>();
  for (const x of rows) {
    const y = yearOf(x.day);
    let c = byYear.get(y);
    if (c === undefined) byYear.set(y, (c = new RowColumns()));
    c.push(x);
  }
  return { years: [...byYear.keys()].sort((a, b) => a - b), of: (y) => byYear.get(y) ?? null };
}

const SHAPES: SheetShape[] = [
  { years: [2025], n: 600, countries: false, vat: false, scale: 4_000 },
  { years: [2024, 2025, 2026], n: 1_500, countries: false, vat: true, scale: 3_000 },
  { years: [2025, 2026], n: 900, countries: true, vat: true, scale: 5_000 },
  { years: [2023, 2024], n: 700, countries: true, vat: false, scale: 6_000, shuffledRowNumbers: true },
  { years: [2019, 2020], n: 400, countries: false, vat: true, scale: 8_000 },
  { years: [2026], n: 300, countries: false, vat: true, scale: 200 }, // stays under: the VAT warning for the whole year
  { years: [2025, 2026], n: 1_200, countries: true, vat: false, scale: 30_000 }, // Union turnover over €100,000
  { years: [2020, 2021], n: 500, countries: true, vat: false, scale: 5_000 }, // GB a member state in 2020, not in 2021
];

const OPTIONS: SummaryOptions[] = [
  { today: d("2026-11-30") },
  { today: d("2026-11-30"), year: 2025, period: "month" },
  { today: d("2025-06-15"), year: 2024, period: "year", previousYearCents: 1_500_000 },
  { today: d("2026-11-30"), year: 2026, previousYearCents: 2_500_000, previousUnionCents: 5_000_000 },
  { today: d("2026-02-01"), participation: { status: "in", since: d("2023-01-01") } },
  { today: d("2026-02-01"), participation: { status: "out" }, period: "month" },
  { today: d("2026-11-30"), year: 2020 },
  { today: d("2026-11-30"), year: 2019, period: "month" }, // before the KOR exemption: unsupported
  { today: d("2026-11-30"), year: 2027 }, // a year without rows
];

describe("a big sheet's summary from columns equals the summary from row objects", () => {
  SHAPES.forEach((shape, s) => {
    const rows = sheet(1000 + s, shape);
    const columns = columnsOf(rows);
    it(`sheet ${s + 1} (${shape.years.join(", ")}; ${shape.n} rows${shape.countries ? ", countries" : ""}${shape.vat ? ", VAT" : ""}${shape.shuffledRowNumbers ? ", row numbers out of order" : ""}): every option`, () => {
      let crossings = 0;
      let euCrossings = 0;
      const contradictions = new Map<string, number>(CONTRADICTION_CODES.map((c) => [c, 0]));
      for (const options of OPTIONS) {
        const expected = summarizeYear(rows, options);
        if (expected.crossing !== null) crossings++;
        if (expected.eu?.crossing != null) euCrossings++;
        for (const p of expected.problems) if (contradictions.has(p.code)) contradictions.set(p.code, contradictions.get(p.code)! + 1);
        expect(summarizeColumns(columns, options)).toStrictEqual(expected);
      }
      // With countries, each warning about a category that contradicts its country occurs (both ways, compared above).
      if (shape.countries) for (const [code, n] of contradictions) expect([code, n > 0]).toEqual([code, true]);
      // The data are meant to cross in some years: the crossing row, its day and running total are compared.
      if (shape.scale >= 3_000) expect(crossings).toBeGreaterThan(0);
      if (shape.scale >= 30_000) expect(euCrossings).toBeGreaterThan(0);
    });
  });

  it("the crossing falls on a day of big credit notes with many rows: the same row both ways", () => {
    // €19,000 on 14 March and a €1,000 credit note on 2 January (a later row): €18,000 before 15 March. On
    // 15 March, in sheet order: +€2,000 reaches exactly €20,000 (not over), −€5,000, +€4,000, €1,000 exempt,
    // −€500, then +€3,000 crosses on row 8 (running total €21,500).
    const rows: InvoiceRow[] = [{ row: 2, day: d("2025-03-14"), cents: 1_900_000, category: "21", country: null, vatCents: null }];
    const sameDay = [200_000, -500_000, 400_000, 100_000, -50_000, 300_000];
    sameDay.forEach((cents, i) => rows.push({ row: 3 + i, day: d("2025-03-15"), cents, category: i === 3 ? "vrij" : "21", country: null, vatCents: 100 }));
    rows.push({ row: 20, day: d("2025-01-02"), cents: -100_000, category: null, country: null, vatCents: null }); // credit, earlier day, later row
    const options: SummaryOptions = { today: d("2026-11-30"), year: 2025 };
    const expected = summarizeYear(rows, options);
    expect(expected.crossing).toMatchObject({ row: 8, day: d("2025-03-15"), runningCents: 2_150_000 });
    expect(summarizeColumns(columnsOf(rows), options)).toStrictEqual(expected);
    // The same rows out of sheet order within the day (the sorted fallback).
    const shuffled = [rows[0], rows[3], rows[1], rows[6], rows[2], rows[4], rows[5], rows[7]];
    expect(summarizeColumns(columnsOf(shuffled), options)).toStrictEqual(summarizeYear(shuffled, options));
  });

  it("kor-check's window: columns of a compact window summarise as the objects of a window of objects", () => {
    const rows = sheet(77, { years: [2022, 2023, 2024, 2025, 2026], n: 2_000, countries: true, vat: true, scale: 3_000 });
    for (const [year, keepFrom] of [[null, 2023], [2025, 2023], [2024, null], [null, null]] as const) {
      const objects = new YearWindow(year, undefined, keepFrom, false);
      const compact = new YearWindow(year, undefined, keepFrom, true);
      for (let i = 0; i < rows.length; i += 333) {
        objects.addRows(rows.slice(i, i + 333));
        compact.addRows(rows.slice(i, i + 333));
      }
      const columns = compact.columns();
      expect(columns).not.toBeNull();
      for (const period of ["quarter", "month"] as FilingPeriod[]) {
        for (const participation of [{ status: "unknown" }, { status: "in", since: d("2020-01-01") }] as Participation[]) {
          const options: SummaryOptions = { today: d("2026-11-30"), year, period, participation };
          expect(summarizeColumns(columns as RowsByYear, options)).toStrictEqual(summarizeYear(objects.rows(), options));
        }
      }
      // Handing the rows over as objects empties the columns: the window says so instead of giving none.
      compact.rows();
      expect(compact.columns()).toBeNull();
    }
  });
});

describe("the columns themselves", () => {
  it("read back every field of every row, and make no VAT or country column when no row has one", () => {
    const rows = sheet(5, { years: [2025], n: 70_000, countries: false, vat: false, scale: 1_000 });
    const c = new RowColumns();
    for (const r of rows) c.push(r);
    expect(c.anyVat).toBe(false);
    expect(c.anyCountry).toBe(false);
    for (const i of [0, 1, 65_535, 65_536, 69_999]) {
      expect(c.at(i)).toStrictEqual(rows[i]);
      expect([c.row(i), c.day(i), c.cents(i), c.category(i), c.country(i), c.vatCents(i)]).toStrictEqual([rows[i].row, rows[i].day, rows[i].cents, rows[i].category, null, null]);
    }
  });

  it("keep a credit of −0 cents and amounts beyond 32 bits exactly", () => {
    const c = new RowColumns();
    const rows: InvoiceRow[] = [
      { row: 2, day: d("2025-01-02"), cents: 5, category: "21", country: null, vatCents: null },
      { row: 3, day: d("2025-01-02"), cents: -0, category: "21", country: null, vatCents: null },
      { row: 4, day: d("2025-01-02"), cents: -9_007_199_254_740_991, category: null, country: "DE", vatCents: 12 },
    ];
    for (const r of rows) c.push(r);
    rows.forEach((r, i) => expect(c.at(i)).toStrictEqual(r));
    expect(Object.is(c.cents(1), -0)).toBe(true);
  });
});
