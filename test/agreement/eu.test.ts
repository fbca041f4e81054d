/**
 * The EU-KOR (kor-rules.md section 7) against an oracle written from that section alone (it imports nothing of
 * the project's rules). Random invoice tables over two or three consecutive years of 2024–2027, totals near the
 * €100,000 Union limit and near national thresholds (AT €55,000 with its 10% tolerance up to €60,500, BE
 * €25,000, DE €25,000 previous / €100,000 current year, NL €20,000 …), the category spellings of section 3,
 * countries: NL, the verified states, member states without a verified threshold (CZ, DK and FR, whose
 * thresholds are not one EUR amount, and IT, PL, ES, GR as EL), countries outside the EU, and none; credit notes,
 * invoices on the same day (sheet order decides), amounts that land exactly on a limit or a cent over. Compared:
 *
 *  (a) the rules module (src/rules/eu.ts) on the rows as the reading layer reads them: unionTurnover,
 *      turnoverPerState, findEuCrossing (row, day, running total, notification day), euQuarterlyReport,
 *      euEligibility (verdict) per year and per member state, and the year summary's EU section (pane, report
 *      sheet and kor-check build theirs from it);
 *  (b) KOR.EUTURNOVER and KOR.EUELIGIBLE (src/functions/functions.ts) on the ranges as Excel passes them;
 *  (c) kor-check --format json (in-process) on a Dutch `;` CSV: the `eu` object.
 *
 * The oracle's readings of section 7, where the section leaves a choice (by design, documented in
 * docs/functions.md and docs/cli.md):
 *  - A row that counts under section 3 is a supply made in NL, whatever its country cell (section 7: NL for
 *    domestic sales, exports and intra-community supplies); the surfaces warn when a Dutch-supply category names
 *    another country. A `verlegd` row whose country is another member state is `buitenland` of that state
 *    (section 3). A `buitenland` row with no country or NL cannot be placed: it is not Union turnover, the pane
 *    and kor-check warn, the functions refuse (#VALUE!).
 *  - Working days for the 15-day notification: Monday–Friday; kor-rules.md does not define them and the engine
 *    has no holiday list. Skipping no holiday gives a day that is never later than one that skips them (the
 *    cautious reading), and the message says so.
 *  - "Not more than" everywhere: €100,000.00 is within, €100,000.01 over; the same for each national limit.
 *  - A Union crossing in a year before 2025 (when the EU-KOR did not exist) is not a crossing: for 2025 only the
 *    2024 total counts.
 *  - A crossing during the year (running total over the limit, date order, same day in sheet order) is not
 *    undone by later credit notes (section 5's cautious reading, and section 7: the exemption ends as of that
 *    supply); the previous year's crossing, from its rows, blocks the year too. This holds for the Union's
 *    €100,000 and for each member state's limit (AT: its tolerance limit of €60,500 this year, €55,000 last year);
 *    for 2024 only the total counts, for the Union and for each state.
 *  - The year summary lists the member states with Union turnover in the year or, from the rows, the previous
 *    year (a state blocked by last year shows before anything is sold there this year); the quarterly report lists
 *    the states with Union turnover in the year in every quarter, 0 where none.
 *  - A threshold given for a state without a verified one applies to the previous year too, capped at €85,000.
 *
 * KOR_EU_SEED and KOR_EU_RUNS explore other seeds and more runs (KOR_EU_SEED also prints what was covered).
 */
import fc from "fast-check";
import * as path from "path";
import { writeFileSync } from "fs";
import * as f from "../../src/functions/functions";
import { KorFunctionError } from "../../src/functions/errors";
import { readRows } from "../../src/reading/rows";
import {
  euEligibility, euQuarterlyReport, findEuCrossing, turnoverPerState, unionTurnover,
} from "../../src/rules/eu";
import { summarizeYear } from "../../src/rules/summary";
import type { InvoiceRow } from "../../src/rules/types";
import { runCli, tempDir } from "../cli/fixtures";

jest.setTimeout(120_000);

const SEED = Number(process.env.KOR_EU_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_EU_RUNS ?? 0);
const VERBOSE = process.env.KOR_EU_SEED !== undefined;

// ---------------------------------------------------------------------------------------------------
// Calendar days, written here (days since 1970-01-01, UTC arithmetic only).

type Day = number;
const MS = 86_400_000;
const ymd = (y: number, m: number, d: number): Day => Math.round(Date.UTC(y, m - 1, d) / MS);
const yearOfDay = (d: Day): number => new Date(d * MS).getUTCFullYear();
const monthOfDay = (d: Day): number => new Date(d * MS).getUTCMonth() + 1;
const iso = (d: Day): string => new Date(d * MS).toISOString().slice(0, 10);
const weekday = (d: Day): number => new Date(d * MS).getUTCDay();

// ---------------------------------------------------------------------------------------------------
// The oracle: kor-rules.md sections 3 and 7.

const UNION_LIMIT = 10_000_000; // €100,000.00
const STATE_CAP = 8_500_000; // €85,000.00, the EU cap on a national threshold
const FIRST_EU_YEAR = 2025;
const NOTIFY_WORKING_DAYS = 15;

const MEMBER_STATES = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]);

/** Section 7's verified thresholds in EUR cents (Germany: previous year / current year). */
const THRESHOLDS: Readonly<Record<string, { current: number; previous: number }>> = {
  NL: { current: 2_000_000, previous: 2_000_000 },
  AT: { current: 5_500_000, previous: 5_500_000 },
  BE: { current: 2_500_000, previous: 2_500_000 },
  HR: { current: 6_000_000, previous: 6_000_000 },
  CY: { current: 1_560_000, previous: 1_560_000 },
  EE: { current: 4_000_000, previous: 4_000_000 },
  FI: { current: 2_000_000, previous: 2_000_000 },
  DE: { current: 10_000_000, previous: 2_500_000 },
};
/** The verified in-year tolerance: Austria, 10% (up to €60,500). */
const TOLERANCE_LIMIT: Readonly<Record<string, number>> = { AT: 6_050_000 };

type Code =
  | "21" | "9" | "0" | "kor" | "export" | "icp" | "verlegd" | "afstand-nl" | "marge" | "vrij-og" | "vrij-fin" | "vrij-verz"
  | "vrij-og-bijkomend" | "vrij-fin-bijkomend" | "vrij-verz-bijkomend" | "vrij" | "prive" | "bedrijfsmiddel" | "buitenland" | "inkoop";

const NOT_COUNTED = new Set<Code>(["vrij-og-bijkomend", "vrij-fin-bijkomend", "vrij-verz-bijkomend", "vrij", "prive", "bedrijfsmiddel", "buitenland", "inkoop"]);

interface Invoice {
  readonly day: Day;
  readonly cents: number;
  readonly code: Code | null;
  /** The category as typed. */
  readonly text: string;
  /** The country as typed ("" for none). */
  readonly country: string;
}

/** A country cell as the EU-KOR names it (Greece as EL, its VAT code, whether typed EL or GR), or null for none. */
function isoCountry(text: string): string | null {
  const c = text.trim().toUpperCase();
  if (c === "") return null;
  return c === "GR" ? "EL" : c;
}

/**
 * The member state an invoice's supply is made in for the EU-KOR, or null when it is not Union turnover
 * (section 7): a row that counts under section 3 is NL; `buitenland` (and `verlegd` with another member state,
 * section 3) is its member state; NL or no country there cannot be placed; anything else is not Union turnover.
 */
function stateOf(inv: Invoice): string | null {
  const c = isoCountry(inv.country);
  const foreignEu = c !== null && c !== "NL" && MEMBER_STATES.has(c);
  if (inv.code === "verlegd" && foreignEu) return c;
  if (inv.code === null || !NOT_COUNTED.has(inv.code)) return "NL";
  if (inv.code === "buitenland" && foreignEu) return c;
  return null;
}

/** A `buitenland` row that cannot be placed (no country, or NL). */
function unplaced(inv: Invoice): boolean {
  const c = isoCountry(inv.country);
  return inv.code === "buitenland" && (c === null || c === "NL");
}

interface Table {
  readonly years: readonly number[];
  readonly invoices: readonly Invoice[];
  /** The member states asked about (KOR.EUELIGIBLE, euEligibility). */
  readonly asked: readonly string[];
  /** A threshold typed for each asked state without a verified one (null: none typed). */
  readonly given: Readonly<Record<string, number | null>>;
  /** Last year's Union turnover typed in for the latest year (null: none). */
  readonly previousUnionGiven: number | null;
}

const inYear = (t: Table, y: number): { inv: Invoice; row: number }[] =>
  t.invoices.map((inv, i) => ({ inv, row: i + 1 })).filter(({ inv }) => yearOfDay(inv.day) === y);

const hasRows = (t: Table, y: number): boolean => t.invoices.some((inv) => yearOfDay(inv.day) === y);

function union(t: Table, y: number): number {
  return inYear(t, y).reduce((s, { inv }) => s + (stateOf(inv) === null ? 0 : inv.cents), 0);
}

function perState(t: Table, y: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const { inv } of inYear(t, y)) {
    const s = stateOf(inv);
    if (s !== null) out.set(s, (out.get(s) ?? 0) + inv.cents);
  }
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** The states of the summary's state lines: Union turnover in year y or, when the rows hold it, in y − 1. */
function lineStates(t: Table, y: number): string[] {
  return [...new Set([...perState(t, y).keys(), ...(hasRows(t, y - 1) ? perState(t, y - 1).keys() : [])])].sort();
}

/** The first row of year y (date order, same day in sheet order) at which the running total of `pick` rows exceeds `limit`. */
function runningCrossing(t: Table, y: number, limit: number, pick: (inv: Invoice) => boolean): { row: number; day: Day; running: number } | null {
  const rows = inYear(t, y).filter(({ inv }) => pick(inv)).sort((a, b) => a.inv.day - b.inv.day || a.row - b.row);
  let running = 0;
  for (const { inv, row } of rows) {
    running += inv.cents;
    if (running > limit) return { row, day: inv.day, running };
  }
  return null;
}

function addWorkingDays(day: Day, n: number): Day {
  let d = day;
  for (let left = n; left > 0; ) {
    d += 1;
    if (weekday(d) !== 0 && weekday(d) !== 6) left--;
  }
  return d;
}

interface UnionCrossing { readonly row: number; readonly day: Day; readonly running: number; readonly notifyBy: Day }

function unionCrossing(t: Table, y: number): UnionCrossing | null {
  if (y < FIRST_EU_YEAR) return null;
  const c = runningCrossing(t, y, UNION_LIMIT, (inv) => stateOf(inv) !== null);
  return c === null ? null : { ...c, notifyBy: addWorkingDays(c.day, NOTIFY_WORKING_DAYS) };
}

/** Due date of the quarterly report: the last day of the month after the quarter (the day before the 1st of the month after that). */
function quarterDue(y: number, q: number): Day {
  return Math.round(Date.UTC(y, q * 3 + 1, 1) / MS) - 1; // Date.UTC's month is 0-based and rolls over into the next year
}

function quarterly(t: Table, y: number): { quarter: number; due: Day; perState: { country: string; cents: number }[] }[] {
  const states = [...new Set(inYear(t, y).map(({ inv }) => stateOf(inv)).filter((s): s is string => s !== null))].sort();
  return [1, 2, 3, 4].map((q) => ({
    quarter: q,
    due: quarterDue(y, q),
    perState: states.map((country) => ({
      country,
      cents: inYear(t, y)
        .filter(({ inv }) => stateOf(inv) === country && Math.ceil(monthOfDay(inv.day) / 3) === q)
        .reduce((s, { inv }) => s + inv.cents, 0),
    })),
  }));
}

/** The previous year's Union turnover the test uses: the typed figure (latest year only), else the rows, else 0. */
function previousUnion(t: Table, y: number): { cents: number; basis: "given" | "data" | "assumed-zero" } {
  if (y === Math.max(...t.years) && t.previousUnionGiven !== null) return { cents: t.previousUnionGiven, basis: "given" };
  return hasRows(t, y - 1) ? { cents: union(t, y - 1), basis: "data" } : { cents: 0, basis: "assumed-zero" };
}

function withinUnion(t: Table, y: number): boolean {
  const prev = previousUnion(t, y);
  return (
    union(t, y) <= UNION_LIMIT &&
    unionCrossing(t, y) === null &&
    prev.cents <= UNION_LIMIT &&
    (prev.basis !== "data" || unionCrossing(t, y - 1) === null)
  );
}

/** The state's limits: this year's (with a verified tolerance) and last year's; null when the user must give one. */
function limitsOf(t: Table | null, state: string): { current: number; previous: number } | null {
  const verified = THRESHOLDS[state];
  if (verified !== undefined) return { current: TOLERANCE_LIMIT[state] ?? verified.current, previous: verified.previous };
  const given = t === null ? null : (t.given[state] ?? null);
  if (given === null) return null;
  const capped = Math.min(given, STATE_CAP);
  return { current: capped, previous: capped };
}

/**
 * Whether the state's exemption holds in year y (section 7): its turnover this year within its limit (AT: the
 * tolerance) and, when the rows hold last year, last year within last year's limit. null: threshold unknown.
 */
function stateWithin(t: Table, state: string, y: number, typed = true): boolean | null {
  const limits = limitsOf(typed ? t : null, state);
  if (limits === null) {
    // No threshold known: over the EU maximum of €85,000 for any national threshold (this year at some invoice, or
    // last year) is over the state's threshold, whatever it is; below it, unknown.
    if (stateCrossed(t, state, y, STATE_CAP) || (hasRows(t, y - 1) && stateCrossed(t, state, y - 1, STATE_CAP))) return false;
    return null;
  }
  if (stateCrossed(t, state, y, limits.current)) return false;
  if (hasRows(t, y - 1) && stateCrossed(t, state, y - 1, limits.previous)) return false;
  return true;
}

/**
 * Whether the state's turnover in year y went over `limit`: its running total at some invoice (a later credit
 * note does not undo that, as for the Union), or, for 2024 (before the EU-KOR), its year total.
 */
function stateCrossed(t: Table, state: string, y: number, limit: number): boolean {
  if (y < FIRST_EU_YEAR) return (perState(t, y).get(state) ?? 0) > limit;
  return runningCrossing(t, y, limit, (inv) => stateOf(inv) === state) !== null;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayEn = (d: Day): string => `${new Date(d * MS).getUTCDate()} ${MONTHS_EN[monthOfDay(d) - 1]} ${yearOfDay(d)}`;
const eurEn = (cents: number): string => `€${(cents / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * What a state line must say (in English) when the state is blocked by last year AND its limit was crossed this
 * year: both, last year's block first, then this year's crossing with its limit, day and row; null when not both.
 * The summary and kor-check get no typed thresholds here, so only states with a verified one. `headerRows`: the
 * CSV's header line, which kor-check counts in its row numbers.
 */
function bothReasons(t: Table, state: string, y: number, headerRows = 0): string[] | null {
  const limits = limitsOf(null, state);
  if (limits === null || y < FIRST_EU_YEAR || !hasRows(t, y - 1) || !stateCrossed(t, state, y - 1, limits.previous)) return null;
  const now = runningCrossing(t, y, limits.current, (inv) => stateOf(inv) === state);
  if (now === null) return null;
  return ["blocked: ", `; in ${y} turnover also went over ${eurEn(limits.current)}`, ` on ${dayEn(now.day)} (row ${now.row + headerRows})`];
}

/** Whether `text` starts with the first part and holds the others, in order. */
function saysAll(text: string, parts: readonly string[]): boolean {
  if (!text.startsWith(parts[0])) return false;
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
}

type EuVerdict = "eligible" | "not-eligible" | "needs-threshold" | "unsupported";

function euVerdict(t: Table, state: string, y: number): EuVerdict {
  if (y < FIRST_EU_YEAR) return "unsupported";
  const within = stateWithin(t, state, y);
  if (!withinUnion(t, y) || within === false) return "not-eligible";
  return within === null ? "needs-threshold" : "eligible";
}

// ---------------------------------------------------------------------------------------------------
// The generator.

/** Spellings of section 3 per code. */
const SPELLINGS: Readonly<Record<Code, readonly string[]>> = {
  "21": ["21", "21%", "0.21", "hoog", "high"],
  "9": ["9", "9%", "laag", "low"],
  "0": ["0", "0%", "nul", "zero"],
  kor: ["kor", "art25", "vrijgesteld kor"],
  export: ["export", "uitvoer"],
  icp: ["icp", "icl", "intracommunautaire levering"],
  verlegd: ["verlegd", "btw verlegd", "reverse charge"],
  "afstand-nl": ["afstandsverkoop nl"],
  marge: ["marge", "margeregeling"],
  "vrij-og": ["vrijgesteld onroerend goed", "verhuur"],
  "vrij-fin": ["vrijgesteld financieel", "effecten"],
  "vrij-verz": ["vrijgesteld verzekering"],
  "vrij-og-bijkomend": ["vrij-og-bijkomend"],
  "vrij-fin-bijkomend": ["vrij-fin bijkomend"],
  "vrij-verz-bijkomend": ["vrij-verz-bijkomend"],
  vrij: ["vrij", "medisch", "vrijgesteld overig"],
  prive: ["privé", "privegebruik"],
  bedrijfsmiddel: ["verkoop bedrijfsmiddel", "investeringsgoed"],
  buitenland: ["buitenland", "dienst buitenland", "oss", "afstandsverkoop eu"],
  inkoop: ["inkoop", "verlegd inkoop"],
};

const DUTCH_CODES: readonly (Code | null)[] = [null, null, null, "21", "9", "0", "kor", "export", "icp", "verlegd", "afstand-nl", "marge", "vrij-og", "vrij-fin", "vrij-verz"];
const NOISE_CODES: readonly Code[] = ["vrij-og-bijkomend", "vrij-fin-bijkomend", "vrij-verz-bijkomend", "vrij", "prive", "bedrijfsmiddel", "inkoop", "buitenland"];
const VERIFIED_ABROAD = ["AT", "BE", "HR", "CY", "EE", "FI", "DE"] as const;
const ASK_THRESHOLD = ["CZ", "DK", "FR", "IT", "PL", "ES", "EL"] as const;
const FOREIGN_STATES: readonly string[] = [...VERIFIED_ABROAD, ...ASK_THRESHOLD];
const OUTSIDE_EU = ["US", "CH", "GB", "NO"] as const;

/** A state's turnover target for a year: around its limits, a cent either side, or anything up to 120%. */
function stateTargetArb(state: string): fc.Arbitrary<number> {
  const t = THRESHOLDS[state];
  const limits = t === undefined ? [2_000_000, 3_750_000, 8_500_000] : [t.current, t.previous, TOLERANCE_LIMIT[state] ?? t.current];
  return fc.oneof(
    fc.tuple(fc.constantFrom(...limits), fc.constantFrom(-1, 0, 1, -100_000, 100_000)).map(([l, d]) => l + d),
    fc.integer({ min: 0, max: Math.round(Math.max(...limits) * 1.2) }),
  );
}

/** The country typed on a row of a state: its code, lower case, EL or GR for Greece. */
function typedCountry(state: string, pick: number): string {
  if (state === "EL") return pick % 2 === 0 ? "EL" : "GR";
  return pick % 3 === 0 ? state.toLowerCase() : state;
}

interface Part {
  readonly state: string;
  readonly target: number;
  readonly pieces: number;
}

const yearPlanArb = fc.record({
  /** The Union total aimed at: around €100,000, or lower. */
  union: fc.oneof(
    fc.constantFrom(UNION_LIMIT - 1, UNION_LIMIT, UNION_LIMIT + 1),
    fc.integer({ min: UNION_LIMIT - 500_000, max: UNION_LIMIT + 500_000 }),
    fc.integer({ min: 1_000_000, max: 9_000_000 }),
  ),
  foreign: fc.uniqueArray(fc.constantFrom(...FOREIGN_STATES), { maxLength: 3 }).chain((states) =>
    fc.tuple(...states.map((s) => stateTargetArb(s).map((target) => ({ state: s, target })))),
  ),
  /** NL's own target when the Union aim leaves nothing for NL: around €20,000. */
  nl: stateTargetArb("NL"),
  pieces: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }),
  /** Credit notes: a later one that takes back part of an earlier row (state index, share, days later). */
  credits: fc.array(fc.record({ part: fc.nat(), share: fc.integer({ min: 1, max: 100 }), later: fc.integer({ min: 0, max: 120 }) }), { maxLength: 2 }),
  noise: fc.array(
    fc.record({
      code: fc.constantFrom(...NOISE_CODES),
      country: fc.constantFrom("", "NL", ...OUTSIDE_EU, "DE", "BE", "AT", "IT"),
      cents: fc.integer({ min: -200_000, max: 3_000_000 }),
    }),
    { maxLength: 3 },
  ),
  /** Use a few fixed days, so that invoices share a date. */
  fewDays: fc.boolean(),
  picks: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
});

type YearPlan = typeof yearPlanArb extends fc.Arbitrary<infer T> ? T : never;

/** Splits `target` into `n` pieces (they add up to it exactly). */
function split(target: number, n: number, picks: readonly number[]): number[] {
  if (n === 1) return [target];
  const weights = Array.from({ length: n }, (_, i) => 1 + (picks[i % picks.length] % 97));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.trunc((target * w) / sum));
  out[n - 1] += target - out.reduce((a, b) => a + b, 0);
  return out;
}

function invoicesOfYear(y: number, plan: YearPlan, unplacedRow: boolean): Invoice[] {
  const days = plan.fewDays ? [ymd(y, 3, 31), ymd(y, 9, 30), ymd(y, 11, 10), ymd(y, 12, 31)] : null;
  let p = 0;
  const pick = (): number => plan.picks[p++ % plan.picks.length] + p * 7919;
  const dayOf = (): Day => {
    const k = pick();
    if (days !== null) return days[k % days.length];
    const from = ymd(y, 1, 1);
    return from + (k % (ymd(y, 12, 31) - from + 1));
  };
  const foreignSum = plan.foreign.reduce((s, x) => s + x.target, 0);
  const nlTarget = plan.union - foreignSum > 0 ? plan.union - foreignSum : plan.nl;
  const parts: Part[] = [{ state: "NL", target: nlTarget, pieces: plan.pieces[0] }, ...plan.foreign.map((x, i) => ({ ...x, pieces: plan.pieces[(i + 1) % 4] }))];
  const out: Invoice[] = [];
  for (const part of parts) {
    for (const cents of split(part.target, part.pieces, plan.picks.slice(3))) {
      const k = pick();
      if (part.state === "NL") {
        const code = DUTCH_CODES[k % DUTCH_CODES.length];
        const texts = code === null ? [""] : SPELLINGS[code];
        // The customer's country on exports and intra-community supplies; NL, none, or (warned about) another state elsewhere.
        const country =
          code === "export" ? (k % 2 === 0 ? "US" : "") : code === "icp" || code === "afstand-nl" ? (k % 2 === 0 ? "DE" : "NL") : ["", "NL", "nl", "", "BE"][(k >> 3) % 5];
        out.push({ day: dayOf(), cents, code, text: texts[(k >> 5) % texts.length], country });
      } else {
        const code: Code = k % 4 === 0 ? "verlegd" : "buitenland";
        out.push({ day: dayOf(), cents, code, text: SPELLINGS[code][(k >> 5) % SPELLINGS[code].length], country: typedCountry(part.state, k >> 9) });
      }
    }
  }
  for (const c of plan.credits) {
    if (out.length === 0) break;
    const of = out[c.part % out.length];
    const cents = -Math.trunc((of.cents * c.share) / 100);
    if (cents === 0) continue;
    out.push({ ...of, cents, day: Math.min(of.day + c.later, ymd(y, 12, 31)) });
  }
  for (const n of plan.noise) {
    const texts = SPELLINGS[n.code];
    if (n.code === "buitenland" && (n.country === "" || n.country === "NL") && !unplacedRow) continue;
    out.push({ day: dayOf(), cents: n.cents, code: n.code, text: texts[pick() % texts.length], country: n.country });
  }
  return out;
}

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    first: fc.constantFrom(2024, 2025, 2026),
    three: fc.boolean(),
    plans: fc.array(yearPlanArb, { minLength: 3, maxLength: 3 }),
    order: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    asked: fc.uniqueArray(fc.constantFrom("NL", ...FOREIGN_STATES, "BG"), { minLength: 1, maxLength: 3 }),
    given: fc.array(fc.oneof(fc.constant(null), fc.constantFrom(2_000_000, 3_750_000, 8_500_000, 9_000_000), fc.integer({ min: 1_000_000, max: 9_000_000 })), { minLength: 3, maxLength: 3 }),
    previousUnionGiven: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(0, UNION_LIMIT, UNION_LIMIT + 1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 12_000_000 }) }),
    unplaced: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ first, three, plans, order, asked, given, previousUnionGiven, unplaced }) => {
    const years = three && first < 2026 ? [first, first + 1, first + 2] : [first, first + 1];
    // No €0.00 rows: an amount of 0 is an empty cell in a workbook (Excel passes empty cells as 0).
    const all = years.flatMap((y, i) => invoicesOfYear(y, plans[i], unplaced)).filter((inv) => inv.cents !== 0);
    // Sheet order: not date order (a stable shuffle by the generated keys).
    const keyed = all.map((inv, i) => ({ inv, key: order[i % order.length] * 1000 + i }));
    keyed.sort((a, b) => a.key - b.key);
    return {
      years,
      invoices: keyed.map((k) => k.inv),
      asked,
      given: Object.fromEntries(asked.map((s, i) => [s, THRESHOLDS[s] === undefined ? given[i] : null])),
      previousUnionGiven,
    };
  });

// ---------------------------------------------------------------------------------------------------
// The surfaces.

function readTable(t: Table): InvoiceRow[] {
  const result = readRows({
    dates: t.invoices.map((inv) => [iso(inv.day)]),
    amounts: t.invoices.map((inv) => [inv.cents / 100]),
    categories: t.invoices.map((inv) => [inv.text]),
    countries: t.invoices.map((inv) => [inv.country]),
  });
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  return result.rows;
}

const EXCEL_EPOCH = 25_569;

function ranges(t: Table): { dates: unknown[][]; amounts: unknown[][]; categories: unknown[][]; countries: unknown[][] } {
  return {
    dates: t.invoices.map((inv) => [inv.day + EXCEL_EPOCH]),
    amounts: t.invoices.map((inv) => [inv.cents / 100]),
    categories: t.invoices.map((inv) => [inv.text]),
    countries: t.invoices.map((inv) => [inv.country]),
  };
}

/** A function's answer, or "#VALUE!" / "#N/A" with its message. */
function call<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof KorFunctionError) return `${e.code} ${e.message}`;
    throw e;
  }
}

const unplacedIn = (t: Table, years: readonly number[]): boolean => t.invoices.some((inv) => unplaced(inv) && years.includes(yearOfDay(inv.day)));

const csvAmount = (cents: number): string => {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)},${String(a % 100).padStart(2, "0")}`;
};

function csv(t: Table): string {
  const lines = ["Factuurdatum;Bedrag excl. btw;Categorie;Land"];
  for (const inv of t.invoices) lines.push([iso(inv.day), csvAmount(inv.cents), inv.text, inv.country].join(";"));
  return lines.join("\r\n") + "\r\n";
}

const toCents = (euros: number | null): number | null => (euros === null ? null : Math.round(euros * 100));

/** Invoices for the worked examples: [ISO date, euros, category or null, country]. */
function table(years: number[], rows: [string, number, Code | null, string][], previousUnionGiven: number | null = null): Table {
  return {
    years,
    invoices: rows.map(([d, euros, code, country]) => ({ day: Math.round(Date.parse(`${d}T00:00:00Z`) / MS), cents: Math.round(euros * 100), code, text: code ?? "", country })),
    asked: [],
    given: {},
    previousUnionGiven,
  };
}

describe("the oracle itself, on kor-rules.md's worked examples 18–20, 24 and 25", () => {
  const ex18: [string, number, Code | null, string][] = [
    // 2025's €60,000 split so that "NL KOR fine" holds (section 4: NL's previous year within €20,000 too).
    ["2025-06-01", 15_000, null, "NL"],
    ["2025-06-02", 45_000, "buitenland", "AT"],
    ["2026-02-01", 18_000, null, "NL"],
    ["2026-03-01", 24_000, "buitenland", "BE"],
    ["2026-04-01", 40_000, "buitenland", "AT"],
  ];
  it("18: Union €82,000; exempt possible in BE and AT; NL fine", () => {
    const t = table([2025, 2026], ex18);
    expect(union(t, 2026)).toBe(8_200_000);
    expect(["BE", "AT", "NL"].map((s) => euVerdict(t, s, 2026))).toEqual(["eligible", "eligible", "eligible"]);
  });
  it("19: an AT sale on 10 Nov 2026 brings Union to €100,500: crossing that day, notify within 15 working days, 2027 blocked", () => {
    const t = table([2025, 2026, 2027], [...ex18, ["2026-11-10", 18_500, "buitenland", "AT"], ["2027-01-05", 100, "buitenland", "BE"]]);
    expect(unionCrossing(t, 2026)).toEqual({ row: 6, day: ymd(2026, 11, 10), running: 10_050_000, notifyBy: ymd(2026, 12, 1) });
    expect(euVerdict(t, "BE", 2027)).toBe("not-eligible");
  });
  it("20: the quarterly report of Q1 2026 is due on 30 April 2026; Q4 on 31 January of the next year", () => {
    expect(iso(quarterDue(2026, 1))).toBe("2026-04-30");
    expect(iso(quarterDue(2026, 4))).toBe("2027-01-31");
  });
  it("24: BE €30,000 in 2025, €10,000 in 2026: not exempt in BE in 2026", () => {
    expect(euVerdict(table([2025, 2026], [["2025-05-01", 30_000, "buitenland", "BE"], ["2026-05-01", 10_000, "buitenland", "BE"]]), "BE", 2026)).toBe("not-eligible");
  });
  it("25: AT €56,000 in 2026 (2025 under €55,000): exempt in AT for 2026, blocked in 2027", () => {
    const t = table([2025, 2026, 2027], [["2025-05-01", 50_000, "buitenland", "AT"], ["2026-05-01", 56_000, "buitenland", "AT"], ["2027-05-01", 1_000, "buitenland", "AT"]]);
    expect([euVerdict(t, "AT", 2026), euVerdict(t, "AT", 2027)]).toEqual(["eligible", "not-eligible"]);
  });
});

describe("a state blocked by last year and crossed this year: its line says both (pane, report sheet, copied figures, kor-check)", () => {
  // BE: €27,000 in 2025 (over €25,000), and in 2026 over €25,000 again on 12 May 2026 (row 3). It said only "over".
  const t = table([2025, 2026], [
    ["2025-05-01", 27_000, "buitenland", "BE"],
    ["2026-02-02", 20_000, "buitenland", "BE"],
    ["2026-05-12", 6_000, "buitenland", "BE"],
  ]);
  const want = ["blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00", "; in 2026 turnover also went over €25,000.00", " on 12 May 2026 (row 3)"];
  // kor-check counts the CSV's header line: the third invoice is row 4 of the file.
  const wantFile = [...want.slice(0, 2), " on 12 May 2026 (row 4)"];

  it("the oracle finds both, and the summary's line says both", () => {
    expect(bothReasons(t, "BE", 2026)).toEqual(["blocked: ", "; in 2026 turnover also went over €25,000.00", " on 12 May 2026 (row 3)"]);
    const line = summarizeYear(readTable(t), { today: ymd(2026, 7, 1), year: 2026 }).eu?.states.find((x) => x.country === "BE");
    expect(line?.withinThreshold).toBe(false);
    expect(line?.statusText?.en).toBe(want.join(""));
  });

  it("kor-check's JSON reason says both, in --lang", async () => {
    const tmp = tempDir("kor-eu-both-");
    try {
      const file = path.join(tmp.dir, "both.csv");
      writeFileSync(file, csv(t));
      for (const lang of ["en", "nl"] as const) {
        const run = await runCli([file, "--format", "json", "--year", "2026", "--lang", lang], ymd(2026, 7, 1));
        const [item] = JSON.parse(run.stdout) as { eu: { states: { country: string; reason: string | null }[] } | null }[];
        const reason = item.eu?.states.find((x) => x.country === "BE")?.reason;
        expect(reason).toBe(
          lang === "en" ? wantFile.join("") : "uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00; in 2026 kwam de omzet ook op 12 mei 2026 (rij 4) boven € 25.000,00",
        );
      }
    } finally {
      tmp.cleanup();
    }
  });
});

describe("the EU-KOR against an oracle from kor-rules.md section 7", () => {
  it("the rules module and the year summary's EU section agree with the oracle", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tableArb, (t) => {
        const rows = readTable(t);
        for (const y of t.years) {
          expect({ y, union: unionTurnover(rows, y) }).toEqual({ y, union: union(t, y) });
          expect({ y, perState: [...turnoverPerState(rows, y)] }).toEqual({ y, perState: [...perState(t, y)] });
          const want = unionCrossing(t, y);
          const got = findEuCrossing(rows, y);
          expect({ y, crossing: got === null ? null : { row: got.row, day: iso(got.day), running: got.runningCents, notifyBy: iso(got.notifyBy) } }).toEqual({
            y, crossing: want === null ? null : { row: want.row, day: iso(want.day), running: want.running, notifyBy: iso(want.notifyBy) },
          });
          if (want !== null) seen.add(union(t, y) <= UNION_LIMIT ? "Union crossing undone by credit notes" : "Union crossing");
          expect({ y, quarters: euQuarterlyReport(rows, y).map((q) => ({ ...q, due: iso(q.due) })) }).toEqual({
            y, quarters: quarterly(t, y).map((q) => ({ ...q, due: iso(q.due) })),
          });
          const latest = y === Math.max(...t.years);
          const givenUnion = latest ? t.previousUnionGiven : null;
          for (const state of t.asked) {
            const r = euEligibility({ rows, year: y, country: state, thresholdCents: t.given[state] ?? null, previousUnionCents: givenUnion });
            expect({ y, state, verdict: r.verdict, reasons: r.reasons.map((x) => x.en) }).toMatchObject({ y, state, verdict: euVerdict(t, state, y) });
            seen.add(`verdict ${state} ${r.verdict}`);
          }
          if (y >= FIRST_EU_YEAR) {
            const s = summarizeYear(rows, { today: ymd(y + 1, 6, 1), year: y, previousUnionCents: givenUnion });
            const eu = s.eu;
            expect(eu).not.toBeNull();
            if (eu === null) continue;
            // What the pane, its copied text and the report sheet show of the crossing and the quarterly report.
            expect({ y, crossing: eu.crossing === null ? null : [eu.crossing.row, iso(eu.crossing.day), iso(eu.crossing.notifyBy), eu.crossing.where.en] }).toEqual({
              y, crossing: want === null ? null : [want.row, iso(want.day), iso(want.notifyBy), `row ${want.row}`],
            });
            expect({ y, quarters: eu.quarters.map((q) => ({ ...q, due: iso(q.due) })) }).toEqual({ y, quarters: quarterly(t, y).map((q) => ({ ...q, due: iso(q.due) })) });
            const prev = previousUnion(t, y);
            expect({ y, union: eu.unionCents, previous: eu.previousUnionCents, within: eu.withinUnion }).toEqual({
              y, union: union(t, y), previous: prev.basis === "assumed-zero" ? null : prev.cents, within: withinUnion(t, y),
            });
            expect({ y, states: eu.states.map((x) => [x.country, x.cents, x.withinThreshold]) }).toEqual({
              y, states: lineStates(t, y).map((c) => [c, perState(t, y).get(c) ?? 0, stateWithin(t, c, y, false)]),
            });
            for (const c of lineStates(t, y)) seen.add(`state line ${c} ${String(stateWithin(t, c, y, false))}${perState(t, y).has(c) ? "" : " (last year only)"}`);
            // Blocked by last year and crossed this year: the reason says both (pane, report sheet, copied figures).
            for (const line of eu.states) {
              const both = bothReasons(t, line.country, y);
              if (both === null) continue;
              seen.add(`state line ${line.country} blocked by last year and crossed this year`);
              expect({ y, state: line.country, says: line.statusText?.en, both: saysAll(line.statusText?.en ?? "", both) }).toMatchObject({ y, state: line.country, both: true });
            }
          }
        }
      }),
      { seed: SEED, numRuns: RUNS > 0 ? RUNS : 300 },
    );
    if (VERBOSE) console.log([...seen].sort().join("\n"));
  });

  it("KOR.EUTURNOVER and KOR.EUELIGIBLE agree with the oracle, and refuse a buitenland row they cannot place", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const { dates, amounts, categories, countries } = ranges(t);
        for (const y of t.years) {
          const turnover = call(() => f.euTurnover(dates, amounts, countries, categories, y));
          if (unplacedIn(t, [y])) expect(String(turnover)).toMatch(/^#VALUE! /);
          else expect({ y, turnover: typeof turnover === "number" ? Math.round(turnover * 100) : turnover }).toEqual({ y, turnover: union(t, y) });
          const latest = y === Math.max(...t.years);
          for (const state of t.asked) {
            const given = t.given[state] ?? null;
            const prev = latest ? t.previousUnionGiven : null;
            const got = call(() => f.euEligible(dates, amounts, countries, state, categories, y, given === null ? null : given / 100, prev === null ? null : prev / 100));
            // In the functions 0 is not a given figure (desktop Excel passes an empty cell as 0): as if left empty.
            const asFunctions: Table = {
              ...t,
              previousUnionGiven: t.previousUnionGiven === 0 ? null : t.previousUnionGiven,
              given: Object.fromEntries(Object.entries(t.given).map(([k, v]) => [k, v === 0 ? null : v])),
            };
            const want = euVerdict(asFunctions, state, y);
            if (want === "unsupported" || unplacedIn(t, [y - 1, y])) expect({ y, state, got: String(got).slice(0, 8) }).toEqual({ y, state, got: "#VALUE! " });
            else if (want === "needs-threshold") expect({ y, state, got: String(got).slice(0, 5) }).toEqual({ y, state, got: "#N/A " });
            else expect({ y, state, got }).toEqual({ y, state, got: want === "eligible" });
          }
        }
      }),
      { seed: SEED, numRuns: RUNS > 0 ? RUNS : 200 },
    );
  });

  describe("kor-check", () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeAll(() => {
      tmp = tempDir("kor-eu-");
    });
    afterAll(() => tmp.cleanup());

    it("kor-check --format json gives the oracle's Union turnover, crossing verdict and state lines", async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(tableArb, async (t) => {
          const file = path.join(tmp.dir, `eu${n++}.csv`);
          writeFileSync(file, csv(t));
          for (const y of t.years) {
            if (y < FIRST_EU_YEAR) continue;
            const latest = y === Math.max(...t.years);
            const given = latest ? t.previousUnionGiven : null;
            const args = [file, "--format", "json", "--year", String(y), "--lang", "en", ...(given === null ? [] : ["--previous-year-union-turnover", csvAmount(given)])];
            const run = await runCli(args, ymd(y + 1, 6, 1));
            const [item] = JSON.parse(run.stdout) as {
              eu: { union: number; previousUnion: number | null; previousUnionBasis: string | null; withinUnion: boolean; states: { country: string; turnover: number; previousYear: number | null; threshold: number | null; within: boolean | null; reason: string | null }[] } | null;
            }[];
            expect(item.eu).not.toBeNull();
            if (item.eu === null) continue;
            const prev = previousUnion(t, y);
            expect({
              y,
              union: toCents(item.eu.union),
              previousUnion: toCents(item.eu.previousUnion),
              basis: item.eu.previousUnionBasis,
              withinUnion: item.eu.withinUnion,
              states: item.eu.states.map((s) => [s.country, toCents(s.turnover), toCents(s.previousYear), s.within]),
            }).toEqual({
              y,
              union: union(t, y),
              previousUnion: prev.basis === "assumed-zero" ? null : prev.cents,
              basis: prev.basis,
              withinUnion: withinUnion(t, y),
              states: lineStates(t, y).map((c) => [c, perState(t, y).get(c) ?? 0, hasRows(t, y - 1) ? (perState(t, y - 1).get(c) ?? 0) : null, stateWithin(t, c, y, false)]),
            });
            // Blocked by last year and crossed this year: the JSON reason says both.
            for (const st of item.eu.states) {
              const both = bothReasons(t, st.country, y, 1);
              if (both !== null) expect({ y, state: st.country, reason: st.reason, both: saysAll(st.reason ?? "", both) }).toMatchObject({ y, state: st.country, both: true });
            }
          }
        }),
        { seed: SEED, numRuns: RUNS > 0 ? Math.max(1, Math.round(RUNS / 5)) : 40 },
      );
    });
  });
});
