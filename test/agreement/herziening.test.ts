/**
 * Herziening on entering the KOR (kor-rules.md section 8) against an oracle written from the rules alone, in exact
 * fractions of a cent; only calendar-day helpers (src/rules/dates.ts) are imported for it. Compared: the rules
 * (herziening.ts `revision`, its per-good lines, estimate and method texts), KOR.REVISION in-process, the decision
 * view's schedule (decision.ts `revisionSchedule`, `revisionMethod`) and its one-off amounts (`decideKor`).
 *
 * The oracle, per capital good with VAT v deducted, first used on F (year fy, in use mu = 13 − month(F) months that
 * year: a month begun counts), revision period N years (movables 5, real estate 10: years fy … fy + N − 1), KOR
 * from S (year sy, km = 13 − month(S) months in the KOR that year):
 *  - a good first used after S was bought inside the KOR (no VAT deducted): nothing;
 *  - first used before sy: v/N a year for each year of the period from sy on, the start year × km/12 (pro rata
 *    temporis, stated as the method); the year's total of these is not due when under €500;
 *  - first used in sy: the first-year correction v × km/mu in sy, an estimate, due whatever its size. Section 8 is
 *    silent on the later years of such a good; the oracle takes the product's reading (herziening.ts): only the part
 *    of the first year in use before the KOR is still revised, v/N × (mu − km)/mu a year, so that the good never
 *    repays more than was deducted. From the year after sy the good was in use before the year, so these amounts
 *    join the €500 test, and they rest on the estimate.
 *
 * Cents, decided here: the exact amounts are fractions of a cent (1/5 of €1,000.03). Each year's amount for a good
 * is its own exact share rounded once to the cent, half away from zero: v/N, v/N × km/12 for a pro rata start year
 * (never 1/5 rounded first and then × km/12), v × km/mu, v/N × (mu − km)/mu. That is the bookkeeper's hand
 * calculation, and the same share gives the same cents every year: 1/5 of €2,499.98 is €500.00 in each year, all
 * due, never €500.00 one year and €499.99 (under the minimum) the next. So no year differs from its exact share by
 * more than half a cent, and a good's years may add up to a cent or two more than the exact remainder (4 × €2,000.01
 * = €8,000.04 for €8,000.024): at most half a cent a year. The €500 test is on the year's total of these rounded
 * cents, the amount the user sees (as section 1 rounds each row before summing).
 *
 * Never more than was deducted, decided here: a good's rounded years from sy on may add up to more than v itself when
 * v is a few cents or euros (€0.03 with 4 years left: 4 × €0.01 = €0.04). Then each year gets at most what the earlier
 * years (rounded, from sy) left of v: €0.01, €0.01, €0.01, €0.00. No year is reduced while the rounded years stay
 * within v, so every realistic amount keeps its rounded shares; a reduced year is stated in the method.
 *
 * KOR_AGREEMENT_SEED / KOR_AGREEMENT_RUNS explore more (e.g. KOR_AGREEMENT_RUNS=20000).
 */
import fc from "fast-check";
import { dayFromYmd, excelSerialFromDay, ymdFromDay, type Day } from "../../src/rules/dates";
import { revision, type CapitalGood } from "../../src/rules/herziening";
import { decideKor, revisionMethod, revisionSchedule } from "../../src/rules/decision";
import * as f from "../../src/functions/functions";

const SEED = Number(process.env.KOR_AGREEMENT_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_AGREEMENT_RUNS ?? 0);
const runs = (n: number) => ({ seed: SEED, numRuns: RUNS > 0 ? RUNS : n });

// ---------------------------------------------------------------- the oracle (kor-rules.md section 8)

const MINIMUM = 50_000;
const ymd = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d);
const monthsFrom = (d: Day) => 13 - ymdFromDay(d).month;

/** A good's exact amount in year y as a fraction num / den of a cent (den the same for every year of the good). */
interface Exact {
  readonly num: number;
  readonly den: number;
  /** "first": the first-year correction; "regular": under the €500 test; null: nothing in that year. */
  readonly part: "first" | "regular" | null;
  readonly estimate: boolean;
}

function exactOf(g: CapitalGood, start: Day, y: number): Exact {
  const N = g.kind === "movable" ? 5 : 10;
  const fy = ymdFromDay(g.firstUse).year;
  const sy = ymdFromDay(start).year;
  const mu = monthsFrom(g.firstUse);
  const km = monthsFrom(start);
  const den = 12 * mu * N;
  const v = g.vatCents;
  const none: Exact = { num: 0, den, part: null, estimate: false };
  if (g.firstUse > start || y < sy || y < fy || y > fy + N - 1) return none;
  if (fy === sy) {
    if (y === sy) return { num: v * km * 12 * N, den, part: "first", estimate: true };
    return { num: v * (mu - km) * 12, den, part: "regular", estimate: mu !== km };
  }
  return { num: y === sy ? v * km * mu : v * 12 * mu, den, part: "regular", estimate: false };
}

/** Half away from zero, for num ≥ 0 and den > 0 (integers). */
const roundDiv = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));

/**
 * The good's rounded share in year y, from the rules alone: that year's exact share, each formula in its own lowest
 * terms, rounded once on its own (no running total, no rounding of 1/N before × km/12).
 */
function roundedOf(g: CapitalGood, start: Day, y: number): number {
  const N = g.kind === "movable" ? 5 : 10;
  const fy = ymdFromDay(g.firstUse).year;
  const sy = ymdFromDay(start).year;
  const mu = monthsFrom(g.firstUse);
  const km = monthsFrom(start);
  const v = g.vatCents;
  if (g.firstUse > start || y < sy || y < fy || y > fy + N - 1) return 0;
  if (fy === sy) return y === sy ? roundDiv(v * km, mu) : roundDiv(v * (mu - km), N * mu);
  return y === sy ? roundDiv(v * km, N * 12) : roundDiv(v, N);
}

/** The good's cents in year y: its rounded share, but never more than the rounded years from sy before y left of v. */
function centsOf(g: CapitalGood, start: Day, y: number): number {
  let before = 0;
  for (let k = ymdFromDay(start).year; k < y; k++) before += roundedOf(g, start, k);
  return Math.min(roundedOf(g, start, y), Math.max(0, g.vatCents - before));
}

function oRevision(goods: readonly CapitalGood[], start: Day, y: number) {
  let regular = 0;
  let first = 0;
  let laterEstimate = 0;
  let reduced = 0;
  const perGood = goods.map((g) => {
    const e = exactOf(g, start, y);
    const cents = centsOf(g, start, y);
    reduced += roundedOf(g, start, y) - cents;
    if (e.part === "first") first += cents;
    if (e.part === "regular") regular += cents;
    if (e.part === "regular" && e.estimate) laterEstimate += cents;
    return cents;
  });
  const belowMinimum = regular > 0 && regular < MINIMUM;
  return { totalCents: (belowMinimum ? 0 : regular) + first, belowMinimum, perGood, regular, first, estimatedCents: first + (belowMinimum ? 0 : laterEstimate), reduced };
}

// ---------------------------------------------------------------- generators

const vat = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_500_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(450_000, 100_000, 249_999, 250_000, 250_001, 499_999, 500_000, 100_003, 1, 2, 3, 7) },
  // A few cents or euros: where rounded years could repay more than was deducted.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000_000 }) },
);
const firstUse = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: ymd(2012, 1, 1), max: ymd(2031, 12, 31) }) },
  { weight: 1, arbitrary: fc.constantFrom(ymd(2020, 1, 1), ymd(2020, 2, 29), ymd(2024, 2, 29), ymd(2024, 12, 31), ymd(2025, 1, 1), ymd(2025, 7, 1), ymd(2021, 7, 1)) },
);
const good = fc.record({ vatCents: vat, firstUse, kind: fc.constantFrom<CapitalGood["kind"]>("movable", "movable", "real-estate") });
/** KOR starts: a 1st of a month 2020–2030 (quarter starts for most filers). */
const korStart = fc.oneof(
  fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.constantFrom(1, 4, 7, 10) }),
  fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }),
).map(({ y, m }) => ymd(y, m, 1));
const goods = fc.array(good, { minLength: 1, maxLength: 4 });

const eur = (cents: number) => `€${(cents / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

// ---------------------------------------------------------------- worked examples

describe("worked examples of section 8 and 10 (oracle and rules)", () => {
  const car: CapitalGood = { vatCents: 450_000, firstUse: ymd(2020, 1, 1), kind: "movable" };
  it.each([
    ["2021-01-01", [90_000, 90_000, 90_000, 90_000, 0]],
    ["2021-07-01", [0, 90_000, 90_000, 90_000, 0]],
  ] as const)("car, €4,500 VAT, first used 1 Jan 2020, KOR from %s → 2021–2025", (start, want) => {
    const [y, m, d] = start.split("-").map(Number);
    const s = ymd(y, m, d);
    const years = [2021, 2022, 2023, 2024, 2025];
    expect(years.map((k) => oRevision([car], s, k).totalCents)).toEqual(want);
    expect(years.map((k) => revision([car], s, k).totalCents)).toEqual(want);
    if (m === 7) expect([oRevision([car], s, 2021).regular, revision([car], s, 2021).perGood[0].yearlyCents]).toEqual([45_000, 45_000]);
  });

  it("example 21: laptop in use since 2024, €1,000 VAT, KOR from 1 Jan 2025 → €200 < €500 → 0", () => {
    const laptop: CapitalGood = { vatCents: 100_000, firstUse: ymd(2024, 3, 1), kind: "movable" };
    expect(oRevision([laptop], ymd(2025, 1, 1), 2025)).toMatchObject({ totalCents: 0, belowMinimum: true, regular: 20_000 });
    expect(revision([laptop], ymd(2025, 1, 1), 2025)).toMatchObject({ totalCents: 0, belowMinimum: true });
  });
});

// ---------------------------------------------------------------- properties

describe("herziening (section 8)", () => {
  it("revision(): each year's total, per-good cents, €500 test and estimated part", () => {
    fc.assert(
      fc.property(goods, korStart, fc.integer({ min: -1, max: 11 }), (gs, start, offset) => {
        const y = ymdFromDay(start).year + offset;
        const want = oRevision(gs, start, y);
        const got = revision(gs, start, y);
        expect({ total: got.totalCents, below: got.belowMinimum, perGood: got.perGood.map((p) => p.yearlyCents), est: got.estimatedCents }).toEqual({
          total: want.totalCents,
          below: want.belowMinimum,
          perGood: want.perGood,
          est: want.estimatedCents,
        });
      }),
      runs(1500),
    );
  });

  it("each year of a good is within half a cent of its exact share unless the cap reduced it, and its years within half a cent a year of the exact remainder", () => {
    fc.assert(
      fc.property(good, korStart, (g, start) => {
        const sy = ymdFromDay(start).year;
        let exact = 0;
        let den = 1;
        let sum = 0;
        let years = 0;
        for (let y = sy; y <= sy + 10; y++) {
          const e = exactOf(g, start, y);
          exact += e.num;
          den = e.den;
          if (e.part !== null) years++;
          const cents = revision([g], start, y).perGood[0].yearlyCents;
          sum += cents;
          if (cents === roundedOf(g, start, y)) expect(2 * Math.abs(cents * e.den - e.num)).toBeLessThanOrEqual(e.den); // within half a cent of the year's exact share
          else expect({ y, cents, sum }).toEqual({ y, cents: Math.max(0, g.vatCents - (sum - cents)), sum: g.vatCents }); // reduced: the years so far repay exactly v
        }
        expect(2 * Math.abs(sum * den - exact)).toBeLessThanOrEqual(years * den);
      }),
      runs(500),
    );
  });

  it("a good's years never repay more than the VAT deducted, and no year is reduced while the rounded years stay within it", () => {
    expect([2021, 2022, 2023, 2024].map((y) => oRevision([{ vatCents: 3, firstUse: ymd(2020, 1, 1), kind: "movable" }], ymd(2021, 1, 1), y).perGood[0])).toEqual([1, 1, 1, 0]);
    fc.assert(
      fc.property(good, korStart, (g, start) => {
        const sy = ymdFromDay(start).year;
        let sum = 0;
        let rounded = 0;
        for (let y = sy; y <= sy + 10; y++) {
          sum += revision([g], start, y).perGood[0].yearlyCents;
          rounded += roundedOf(g, start, y);
        }
        expect(sum).toBeLessThanOrEqual(g.vatCents);
        expect(sum).toBe(Math.min(rounded, g.vatCents));
        // What is repaid over the schedule (years due) is within the VAT deducted too.
        const due = revisionSchedule([g], start).reduce((a, r) => a + r.totalCents, 0);
        expect(due).toBeLessThanOrEqual(g.vatCents);
      }),
      runs(1500),
    );
  });

  it("the same yearly share gives the same cents in each whole year (1/5 of €2,499.98: €500.00 every year, all due)", () => {
    const machine: CapitalGood = { vatCents: 249_998, firstUse: ymd(2020, 1, 1), kind: "movable" };
    const years = [2021, 2022, 2023, 2024];
    expect(years.map((y) => oRevision([machine], ymd(2021, 1, 1), y).totalCents)).toEqual([50_000, 50_000, 50_000, 50_000]);
    expect(years.map((y) => revision([machine], ymd(2021, 1, 1), y).totalCents)).toEqual([50_000, 50_000, 50_000, 50_000]);
    fc.assert(
      fc.property(good, korStart, (g, start) => {
        const sy = ymdFromDay(start).year;
        const fy = ymdFromDay(g.firstUse).year;
        const N = g.kind === "movable" ? 5 : 10;
        // The whole years after the start year (and after a first-year correction) all have one exact share.
        const cents = new Set<number>();
        // Years reduced so as not to repay more than was deducted (a VAT of a few cents or euros) are apart.
        for (let y = sy + 1; y <= fy + N - 1; y++) if (centsOf(g, start, y) === roundedOf(g, start, y)) cents.add(revision([g], start, y).perGood[0].yearlyCents);
        expect(cents.size).toBeLessThanOrEqual(1);
      }),
      runs(300),
    );
  });

  it("the texts state the pro rata months, the amount under €500 and the estimate, with the oracle's figures", () => {
    fc.assert(
      fc.property(goods, korStart, fc.integer({ min: 0, max: 10 }), (gs, start, offset) => {
        const sy = ymdFromDay(start).year;
        const y = sy + offset;
        const want = oRevision(gs, start, y);
        const text = revision(gs, start, y).method.map((m) => m.en).join(" ");
        const km = monthsFrom(start);
        if (y === sy && km < 12 && want.regular !== 0) expect(text).toContain(`(${km} of 12 months in the KOR)`);
        if (want.belowMinimum) expect(text).toContain(`The ${y} yearly revision is ${eur(want.regular)}, less than €500.00: it is not due.`);
        else expect(text).not.toContain("it is not due");
        if (want.first !== 0) expect(text).toContain(`= ${eur(want.first)}. The €500.00 exception does not apply to it.`);
        if (want.reduced !== 0) expect(text).toMatch(new RegExp(`In ${y} the amounts? for (a capital good is|\\d+ capital goods are together) ${eur(want.reduced).replace(".", "\\.")} less than the rounded yearly shares?: `));
        else expect(text).not.toContain("less than the rounded yearly");
      }),
      runs(600),
    );
  });

  it("KOR.REVISION (in-process, as Excel passes the ranges) gives the oracle's total in euros", () => {
    fc.assert(
      fc.property(goods, korStart, fc.integer({ min: 0, max: 10 }), (gs, start, offset) => {
        const y = ymdFromDay(start).year + offset;
        const got = f.revision(
          gs.map((g) => [g.vatCents / 100]),
          gs.map((g) => [excelSerialFromDay(g.firstUse)]),
          gs.map((g) => [g.kind === "movable" ? "roerend" : "onroerend"]),
          excelSerialFromDay(start),
          y,
        );
        expect(Math.round(got * 100)).toBe(oRevision(gs, start, y).totalCents);
      }),
      runs(400),
    );
  });

  it("the decision view: the schedule runs from the start year to the last year with anything left, and its one-offs are the oracle's totals", () => {
    fc.assert(
      fc.property(goods, korStart, (gs, start) => {
        const sy = ymdFromDay(start).year;
        const schedule = revisionSchedule(gs, start);
        let last = sy - 1;
        for (const g of gs) {
          const N = g.kind === "movable" ? 5 : 10;
          if (g.firstUse <= start) last = Math.max(last, ymdFromDay(g.firstUse).year + N - 1);
        }
        const years = Array.from({ length: Math.max(0, last - sy + 1) }, (_, i) => sy + i);
        expect(schedule.map((r) => r.year)).toEqual(years);
        expect(schedule.map((r) => [r.totalCents, r.belowMinimum])).toEqual(years.map((y) => [oRevision(gs, start, y).totalCents, oRevision(gs, start, y).belowMinimum]));
        const method = revisionMethod(gs, start, schedule);
        for (const y of years) expect(method.estimatedCents.get(y) ?? 0).toBe(oRevision(gs, start, y).estimatedCents);
        const d = decideKor({ participant: false, lines: [], businessShare: 0, inputVatCents: 0, plannedInvestmentVatCents: 0, revision: schedule });
        expect(d.oneOffs.filter((o) => o.kind === "herziening").map((o) => [o.year, -o.cents])).toEqual(
          years.map((y) => [y, oRevision(gs, start, y).totalCents]).filter(([, c]) => c !== 0),
        );
        expect(d.revisionCents).toBe(years.length > 0 ? oRevision(gs, start, sy).totalCents : 0);
      }),
      runs(400),
    );
  });
});
