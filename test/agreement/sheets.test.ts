/**
 * A workbook with several sheets (2–4, each named with a year it holds: "Omzet 2024", "2025-2026", "Webshop
 * 2026") is one business on every surface (src/bulk/sheetYears.ts): the previous year, a participant's older
 * years and the later years the next start reads come from the other sheets. Random invoices over 2023–2027
 * (amounts around the €20,000 limit, credit notes, categories of kor-rules.md section 3 that count and that do
 * not, a few rows in error), years that sometimes overlap between sheets, sometimes a previous-year turnover
 * typed in, a participation status (in the KOR since a day, out, unknown) and a filing period are read by:
 *
 *  - kor-check (src/cli/main.ts, JSON) on the .xlsx, with --previous-year-turnover, --in-kor-since / --not-in-kor
 *    and --period;
 *  - the pane's year report in Excel (src/taskpane/model.ts analyze over range.values, with the other worksheets
 *    read by src/excel/allSheets.ts readOtherLists on the fake Excel when useAnalysis.ts would read them);
 *  - the pane's Open file (src/taskpane/browser/files.ts readFileSource, analyze with fileOthersOf);
 *  - All sheets (src/bulk/overview.ts buildOverview) over readAllSheets on the fake Excel and over the opened
 *    file's sheets (model.ts unitsOfFile).
 *
 * For each sheet, each surface's answer in its default year (the sheet's latest year with data) must be the same:
 * year, countable turnover, the previous year's turnover with its basis and the sheet it came from, verdict,
 * crossing day and row, participation ended, next possible start and registration deadline, and the "if in the
 * KOR" dates of status unknown. The typed previous year is the turnover of the year before the workbook's latest
 * year: kor-check takes --previous-year-turnover as that (docs/cli.md), the pane keeps it by year
 * (SheetSettings.previousYears), so a sheet of an older year uses it on neither.
 *
 * kor-check's answer is also worked out from the rows (kor-rules.md sections 3–6, with the rule of docs/cli.md and
 * docs/exports.md for which sheet lends a year): year, countable turnover, crossing, previous year, verdict, the
 * crossing that ended participation, next possible start and deadline (today is fixed: 15 March 2027, so the
 * 2027 rows after it are invoices dated ahead, which count for 2027 as the rules read a year's rows).
 *
 * Whether the verdict is provisional (rows in error it depends on) is said by kor-check (`eligible` null) and the
 * year report ("fix N errors first"); All sheets shows a line's problem count instead. By design kor-check also
 * counts the errors of the other years it takes from other sheets (docs/exports.md), which the year report lists
 * without making its verdict provisional: the property allows exactly that (see below).
 *
 * KOR_SHEETS_SEED / KOR_SHEETS_RUNS explore other workbooks.
 */
import fc from "fast-check";
import * as path from "path";
import { writeFileSync } from "fs";
import * as ExcelJS from "exceljs";
import { analyze, fileOthersOf, participationOf, previousYearGiven, provisionalRows, unitsOfFile, type Analysis, type SheetSettings } from "../../src/taskpane/model";
import { readFileSource } from "../../src/taskpane/browser/files";
import { buildOverview, type CheckedUnit, type OverviewRow } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { otherSheetsFrom } from "../../src/bulk/sheetYears";
import { readAllSheets, readOtherLists } from "../../src/excel/allSheets";
import { allSheetsKeepFrom } from "../../src/taskpane/participation";
import type { DocumentSettings } from "../../src/excel/settings";
import type { InvoiceSource } from "../../src/excel/source";
import type { YearSummary } from "../../src/rules/summary-types";
import type { Participation } from "../../src/rules/types";
import { dayFromYmd, excelSerialFromDay, isoFromDay, yearOf, type Day } from "../../src/rules/dates";
import { fileLike } from "../taskpane/xlsxXml";
import { fakeContext } from "../excel/allSheets-fake";
import { d, runCli, tempDir } from "../cli/fixtures";
import { dayIn } from "./kit";

jest.setTimeout(180_000);

const TODAY = dayFromYmd(2027, 3, 15);
const HEADER = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];
const FIRST_YEAR = 2023;
const LAST_YEAR = 2027;

/** Category cells (kor-rules.md section 3): counting ones, non-counting ones, and the empty cell. */
const CATEGORIES = [
  "", "", "", "21", "21", "9", "0", "kor", "export", "icp", "verlegd", "marge", "verhuur", "effecten",
  "vrij-og-bijkomend", "medisch", "privé", "verkoop bedrijfsmiddel", "dienst buitenland", "inkoop",
] as const;

interface Row {
  readonly day: Day;
  readonly cents: number;
  readonly category: string;
  /** A row in error: an ambiguous or unknown category, or an amount that is not one. */
  readonly bad: "none" | "ambiguous" | "unknown" | "amount";
}

interface Sheet {
  readonly name: string;
  readonly years: readonly number[];
  readonly rows: readonly Row[];
}

interface Book {
  readonly sheets: readonly Sheet[];
  /** The turnover of the year before the workbook's latest year, typed in (cents), or null. */
  readonly previousGiven: number | null;
  readonly participation: Participation;
  readonly period: "quarter" | "month" | "year";
}

const rowArb = (year: number): fc.Arbitrary<Row> =>
  fc.record({
    offset: fc.nat(364),
    cents: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 50_000, max: 900_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: -300_000, max: -1_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }) },
    ),
    category: fc.constantFrom(...CATEGORIES),
    bad: fc.oneof({ weight: 30, arbitrary: fc.constant("none" as const) }, { weight: 1, arbitrary: fc.constantFrom("ambiguous" as const, "unknown" as const, "amount" as const) }),
  }).map(({ offset, cents, category, bad }) => ({ day: dayIn(year, offset), cents, category, bad }));

/** The rows of one year of a sheet; sometimes the last one brings the year to exactly €20,000.00. */
const yearRowsArb = (year: number): fc.Arbitrary<Row[]> =>
  fc.tuple(fc.array(rowArb(year), { minLength: 1, maxLength: 6 }), fc.boolean(), fc.nat(364)).map(([rows, exact, offset]) => {
    const sum = rows.reduce((n, r) => n + (r.bad === "none" ? r.cents : 0), 0);
    if (exact && sum < 2_000_000) return [...rows, { day: dayIn(year, offset), cents: 2_000_000 - sum, category: "", bad: "none" as const }];
    return rows;
  });

function sheetName(years: readonly number[], pick: number): string {
  const [y] = years;
  if (years.length === 1) return [`${y}`, `Omzet ${y}`, `Facturen ${y}`, `Winkel ${y}`][pick % 4];
  return [`${y}-${y + 1}`, `Omzet ${y}-${y + 1}`, `Webshop ${y + pick % 2}`][pick % 3];
}

const sheetArb: fc.Arbitrary<{ years: number[]; pick: number; rows: Row[] }> = fc
  .tuple(fc.integer({ min: FIRST_YEAR, max: LAST_YEAR }), fc.integer({ min: 1, max: 4 }), fc.nat(11), fc.nat())
  .chain(([y, span, pick, order]) => {
    const years = span === 1 && y < LAST_YEAR ? [y, y + 1] : [y];
    return fc.tuple(...years.map(yearRowsArb)).map((perYear) => {
      // The sheet's rows in any order (same-day rows keep their sheet order).
      const rows = perYear.flat();
      const shuffled = rows.map((r, i) => ({ r, k: (i * 7919 + order) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.r);
      // A row whose date is read must be good somewhere: keep one good row per sheet.
      if (!shuffled.some((r) => r.bad === "none")) shuffled[0] = { ...shuffled[0], bad: "none" };
      return { years, pick, rows: shuffled };
    });
  });

/** In the KOR since the 1st (sometimes the 15th: used as given, with a note) of a month up to today. */
const participationArb: fc.Arbitrary<Participation> = fc.oneof(
  fc.constant({ status: "unknown" as const }),
  fc.constant({ status: "out" as const }),
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 2023, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([y, m, first]) => {
      const since = Math.min(dayFromYmd(y, m, first ? 1 : 15), dayFromYmd(2027, 3, 1));
      return { status: "in" as const, since };
    }),
  },
);

const bookArb: fc.Arbitrary<Book> = fc
  .record({
    sheets: fc.array(sheetArb, { minLength: 2, maxLength: 4 }),
    previousGiven: fc.option(fc.oneof(fc.integer({ min: 1_500_000, max: 2_500_000 }), fc.constant(0), fc.constant(2_000_000)), { freq: 3 }),
    participation: participationArb,
    period: fc.constantFrom("quarter" as const, "quarter" as const, "month" as const, "year" as const),
  })
  .map(({ sheets, previousGiven, participation, period }) => {
    const names = new Set<string>();
    const named = sheets.map((s, i) => {
      let name = sheetName(s.years, s.pick);
      if (names.has(name)) name = `${name} (${i + 1})`;
      names.add(name);
      return { name, years: s.years, rows: s.rows };
    });
    return { sheets: named, previousGiven, participation, period };
  });

// ---------------------------------------------------------------------------------------------------
// The oracle: kor-rules.md sections 3–5 on one sheet, with the project's rule for which sheet lends the previous
// year (docs/cli.md "One business, several sheets": the one other sheet with rows of that year whose years do not
// overlap the sheet's; a typed figure wins).

const THRESHOLD = 2_000_000;
const NOT_COUNTED = new Set<string>(["vrij-og-bijkomend", "medisch", "privé", "verkoop bedrijfsmiddel", "dienst buitenland", "inkoop"]);

const good = (r: Row): boolean => r.bad === "none";
const counts = (r: Row): boolean => good(r) && !NOT_COUNTED.has(r.category);

/** The years a sheet has data in: every row's date is read, also on a row in error. */
const yearsOfSheet = (s: Sheet): Set<number> => new Set(s.rows.map((r) => yearOf(r.day)));

function countableIn(s: Sheet, year: number): number {
  return s.rows.reduce((n, r) => n + (counts(r) && yearOf(r.day) === year ? r.cents : 0), 0);
}

/** Section 5: the first countable row, by date then sheet order, at which the year's running total passes €20,000. */
function crossingIn(s: Sheet, year: number): { day: Day; row: number } | null {
  const rows = s.rows.map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => counts(r) && yearOf(r.day) === year).sort((a, b) => a.r.day - b.r.day || a.row - b.row);
  let running = 0;
  for (const { r, row } of rows) {
    running += r.cents;
    if (running > THRESHOLD) return { day: r.day, row };
  }
  return null;
}

interface Oracle {
  readonly year: number;
  readonly countable: number;
  readonly verdict: "eligible" | "not-eligible";
  readonly crossing: string | null;
  readonly previous: number | null;
  readonly previousBasis: string;
  readonly previousSheet: string | null;
  /** Rows in error the verdict depends on: the year's, and the previous year's where its rows are used (own or linked). */
  readonly errorRows: number;
  /** Of those, the rows on the sheet the previous year came from. */
  readonly previousSheetErrorRows: number;
  /** The sheet the previous year's rows came from (the sheet itself, another, or none). */
  readonly from: Sheet | null;
}

function oracle(book: Book, k: number): Oracle {
  const own = book.sheets[k];
  const year = Math.max(...yearsOfSheet(own));
  const crossing = crossingIn(own, year);
  const countable = countableIn(own, year);
  const within = countable <= THRESHOLD && crossing === null;
  const prevYear = year - 1;
  const errorsIn = (s: Sheet, y: number): number => s.rows.filter((r) => !good(r) && yearOf(r.day) === y).length;
  const base = { year, countable, crossing: crossing === null ? null : `${isoFromDay(crossing.day)} row ${crossing.row}` };
  // Before 2025 a given figure decides nothing, but it is shown as given (from 2021: 2019 had no KOR exemption), on the
  // sheet it is given for (docs/cli.md).
  if (year < 2025) {
    const given = book.previousGiven !== null && year === latestYear(book) && prevYear >= 2020 ? book.previousGiven : null;
    return { ...base, verdict: within ? "eligible" : "not-eligible", previous: given, previousBasis: given === null ? "not-needed" : "given", previousSheet: null, errorRows: errorsIn(own, year), previousSheetErrorRows: 0, from: null };
  }
  // Section 4: a figure given wins; a sheet of an older year than the workbook's latest does not use it (docs/cli.md).
  if (book.previousGiven !== null && year === latestYear(book)) {
    return { ...base, verdict: within && book.previousGiven <= THRESHOLD ? "eligible" : "not-eligible", previous: book.previousGiven, previousBasis: "given", previousSheet: null, errorRows: errorsIn(own, year), previousSheetErrorRows: 0, from: null };
  }
  const ownYears = yearsOfSheet(own);
  const hasRows = (s: Sheet): boolean => s.rows.some((r) => good(r) && yearOf(r.day) === prevYear);
  const from = hasRows(own) ? own : (() => {
    const candidates = book.sheets.filter((o) => o !== own && hasRows(o) && ![...yearsOfSheet(o)].some((y) => ownYears.has(y)));
    return candidates.length === 1 ? candidates[0] : null;
  })();
  if (from === null) return { ...base, verdict: within ? "eligible" : "not-eligible", previous: 0, previousBasis: "assumed-zero", previousSheet: null, errorRows: errorsIn(own, year) + errorsIn(own, prevYear), previousSheetErrorRows: 0, from: null };
  // A crossing in the previous year fails its test even when credit notes bring its total back under (section 5).
  const previous = countableIn(from, prevYear);
  const prevWithin = previous <= THRESHOLD && crossingIn(from, prevYear) === null;
  return {
    ...base,
    verdict: within && prevWithin ? "eligible" : "not-eligible",
    previous,
    previousBasis: "data",
    previousSheet: from === own ? null : from.name,
    errorRows: errorsIn(own, year) + errorsIn(own, prevYear) + (from === own ? 0 : errorsIn(from, prevYear)),
    previousSheetErrorRows: from === own ? 0 : errorsIn(from, prevYear),
    from: from === own ? null : from,
  };
}

/**
 * The business's rows of year `y` as the report of sheet `k` (of `year`, previous year from `from`) sees them: the
 * sheet's own; else the previous year's sheet's; else, for a year the report takes from other sheets (a
 * participant's years since the start, anyone's later years), the one other sheet whose years do not overlap the
 * sheet's that has rows of it (docs/exports.md, "One business, several sheets"); else none.
 */
function businessRows(book: Book, k: number, year: number, from: Sheet | null, y: number): Row[] {
  const own = book.sheets[k];
  const of = (s: Sheet): Row[] => s.rows.filter((r) => yearOf(r.day) === y);
  if (of(own).some(good)) return of(own);
  if (from !== null && y === year - 1) return of(from);
  const p = book.participation;
  // A participant: the years since the start, and from a 2025 start the year before it (it decides whether the start
  // could take effect, section 4).
  const first = p.status === "in" ? (yearOf(p.since) >= 2025 ? yearOf(p.since) - 1 : yearOf(p.since)) : year + 1;
  if (y < first || y === year || (year >= 2025 && y === year - 1)) return [];
  const ownYears = yearsOfSheet(own);
  const candidates = book.sheets.filter((o) => o !== own && o.rows.some((r) => good(r) && yearOf(r.day) === y) && ![...yearsOfSheet(o)].some((x) => ownYears.has(x)));
  return candidates.length === 1 ? of(candidates[0]) : [];
}

/** The first filing-period start on or after `day`. */
function periodStartFrom(day: Day, period: Book["period"]): Day {
  const d0 = new Date(day * 86_400_000);
  let y = d0.getUTCFullYear();
  let m = d0.getUTCMonth() + 1;
  const step = period === "month" ? 1 : period === "quarter" ? 3 : 12;
  if (d0.getUTCDate() > 1 || (m - 1) % step !== 0) m = Math.floor((m - 1) / step) * step + 1 + step;
  if (m > 12) {
    y += 1;
    m -= 12;
  }
  return dayFromYmd(y, m, 1);
}

/**
 * Sections 4–6: participation ended (status "in": the first crossing on or after the start), the next possible
 * start and its deadline (null while in the KOR). Status unknown gives the dates of a business not in the KOR.
 */
function datesOf(book: Book, k: number, o: Oracle, from: Sheet | null): { ended: string | null; nextStart: string | null; deadline: string | null } {
  const given = o.previousBasis === "given" ? o.previous : null;
  const yearOfReport = o.year;
  const rowsIn = (y: number): Sheet => ({ name: "", years: [y], rows: businessRows(book, k, yearOfReport, from, y) });
  const crossing = (y: number): Day | null => (given !== null && y === yearOfReport - 1 ? null : crossingIn(rowsIn(y), y)?.day ?? null);
  const countable = (y: number): number => (given !== null && y === yearOfReport - 1 ? given : countableIn(rowsIn(y), y));
  let start = periodStartFrom(TODAY + 29, book.period);
  const p = book.participation;
  let ended: Day | null = null;
  let exitDay: Day | null = null;
  if (p.status === "in") {
    // Section 4 for the year of the start, on what came before it: a crossing that year before the start, or (2025+)
    // a previous year over the limit. Then the start could not take effect: the business was not in the KOR.
    const sy = yearOf(p.since);
    const before = crossing(sy);
    const blocked = sy >= 2020 && ((before !== null && before < p.since) || (sy >= 2025 && (crossing(sy - 1) !== null || countable(sy - 1) > THRESHOLD)));
    for (let y = sy; y <= yearOf(start) && ended === null && !blocked; y++) {
      const c = crossing(y);
      if (c !== null && c >= p.since) ended = c;
    }
    // A typed previous year over the limit (it wins over that year's rows, their crossing included): participation
    // ended on a day of that year the figure cannot show; the exclusion counts from its last day, the latest it can be.
    const previousEnd = dayFromYmd(yearOfReport - 1, 12, 31);
    // A start that could not take effect is no participation: no exit, no exclusion (section 5, not in the KOR).
    exitDay = ended;
    if (!blocked && given !== null && given > THRESHOLD && p.since <= previousEnd && (ended === null || ended > previousEnd)) {
      ended = null;
      exitDay = previousEnd;
    }
    if (exitDay === null && !blocked) return { ended: null, nextStart: null, deadline: null };
  }
  if (exitDay !== null) {
    // Section 6: an exit in 2025 or later excludes the rest of that year and the next; before, three years.
    const y = yearOf(exitDay);
    // Three years from 29 Feb 2024 run to 28 Feb 2027 (Date.UTC makes 29 Feb 2027 1 Mar 2027).
    const exit = new Date(exitDay * 86_400_000);
    const reentry = y >= 2025 ? dayFromYmd(y + 2, 1, 1) : periodStartFrom(Date.UTC(y + 3, exit.getUTCMonth(), exit.getUTCDate()) / 86_400_000, book.period);
    start = Math.max(start, reentry);
  }
  for (;;) {
    const y = yearOf(start);
    const prevFails = y >= 2025 && (crossing(y - 1) !== null || countable(y - 1) > THRESHOLD);
    if (crossing(y) === null && !prevFails) break;
    start = dayFromYmd(y + 1, 1, 1);
  }
  return { ended: ended === null ? null : isoFromDay(ended), nextStart: isoFromDay(start), deadline: isoFromDay(start - 29) };
}

// ---------------------------------------------------------------------------------------------------
// The workbook as each surface gets it.

function categoryCell(r: Row): string {
  return r.bad === "ambiguous" ? "vrijgesteld" : r.bad === "unknown" ? "btw-x" : r.category;
}

function amountCell(r: Row): number | string {
  return r.bad === "amount" ? "n.v.t." : r.cents / 100;
}

/** As range.values gives them: dates as serials, "" for an empty cell. */
function excelCells(s: Sheet): unknown[][] {
  return [HEADER, ...s.rows.map((r, i) => [excelSerialFromDay(r.day), `Klant ${i + 1}`, amountCell(r), categoryCell(r)])];
}

async function xlsxBytes(book: Book): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(HEADER);
    for (const [i, r] of s.rows.entries()) ws.addRow([d(isoFromDay(r.day)), `Klant ${i + 1}`, amountCell(r), categoryCell(r) === "" ? null : categoryCell(r)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function latestYear(book: Book): number {
  return Math.max(...book.sheets.flatMap((s) => s.rows.map((r) => yearOf(r.day))));
}

/** The pane's settings of every sheet (kept per sheet; the same here). */
function paneSettings(book: Book): SheetSettings {
  const p = book.participation;
  return {
    period: book.period,
    ...(book.previousGiven === null ? {} : { previousYears: { [String(latestYear(book) - 1)]: book.previousGiven } }),
    ...(p.status === "in" ? { participation: "in", inKorSince: isoFromDay(p.since) } : { participation: p.status }),
  };
}

function cliOptions(book: Book): string[] {
  const p = book.participation;
  return [
    "--period",
    book.period,
    ...(book.previousGiven === null ? [] : ["--previous-year-turnover", String(book.previousGiven / 100)]),
    ...(p.status === "in" ? ["--in-kor-since", isoFromDay(p.since)] : p.status === "out" ? ["--not-in-kor"] : []),
    "--format",
    "json",
    "--lang",
    "en",
  ];
}

// ---------------------------------------------------------------------------------------------------
// What a user reads, in one shape.

interface Answer {
  readonly year: number;
  readonly countable: number;
  readonly verdict: string;
  readonly crossing: string | null;
  readonly previous: number | null;
  readonly previousBasis: string | null;
  readonly previousSheet: string | null;
  readonly ended: string | null;
  readonly nextStart: string | null;
  readonly deadline: string | null;
  readonly ifInKor: string | null;
}

function fromSummary(s: YearSummary, previousSheet: string | null): Answer {
  const dl = s.deadlines;
  return {
    year: s.year,
    countable: s.countableCents,
    verdict: s.verdict,
    crossing: s.crossing === null ? null : `${isoFromDay(s.crossing.day)} row ${s.crossing.row}`,
    previous: s.previousYearCents,
    previousBasis: s.previousYearBasis,
    previousSheet,
    ended: dl.participationEnded === null ? null : isoFromDay(dl.participationEnded),
    nextStart: dl.participating ? null : isoFromDay(dl.nextStart),
    deadline: dl.participating ? null : isoFromDay(dl.registrationDeadline),
    ifInKor: dl.ifInKor === null ? null : `${isoFromDay(dl.ifInKor.start)} ${isoFromDay(dl.ifInKor.deadline)}`,
  };
}

function fromLine(l: OverviewRow): Answer {
  return { ...fromSummary(l.summary, l.previousYearSheet), countable: l.countableCents, verdict: l.verdict, previous: l.previousYearCents, previousBasis: l.previousYearBasis };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kor-check's parsed JSON output
type Json = any;

const cents = (euros: number | null): number | null => (euros === null ? null : Math.round(euros * 100));

function fromCli(item: Json): Answer {
  expect(item.error).toBeNull();
  return {
    year: item.year,
    countable: Math.round(item.countable * 100),
    verdict: item.verdict,
    crossing: item.crossing === null ? null : `${item.crossing.date} row ${item.crossing.row}`,
    previous: cents(item.previousYear),
    previousBasis: item.previousYearBasis,
    previousSheet: item.previousYearSheet,
    ended: item.participationEnded,
    nextStart: item.nextStart,
    deadline: item.deadline,
    ifInKor: item.ifInKor === null ? null : `${item.ifInKor.nextStart} ${item.ifInKor.deadline}`,
  };
}

/** The year report in Excel: the other worksheets are read only when useAnalysis.ts would read them. */
async function paneInExcel(source: InvoiceSource, settings: SheetSettings, context: Excel.RequestContext): Promise<Analysis> {
  const alone = analyze(source, settings, TODAY, []);
  const othersFrom = otherSheetsFrom(alone.year, participationOf(settings, TODAY), TODAY);
  if (!(alone.askPreviousYear || alone.previousYearSheet !== null || othersFrom !== null)) return alone;
  const others = await readOtherLists(context, source.key, Math.min(alone.year - 1, yearOf(TODAY) - 3, othersFrom ?? alone.year), true);
  return analyze(source, settings, TODAY, others);
}

const SEED = Number(process.env.KOR_SHEETS_SEED ?? 20_261_130);
const RUNS = Number(process.env.KOR_SHEETS_RUNS ?? 80);
const VERBOSE = process.env.KOR_SHEETS_SEED !== undefined || process.env.KOR_SHEETS_RUNS !== undefined;

describe("a workbook with several sheets: every surface answers the same for each sheet", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir("kor-sheets-");
  });
  afterAll(() => tmp.cleanup());

  it("kor-check, the year report in Excel, Open file and All sheets (Excel and Open file)", async () => {
    if (VERBOSE) console.log(`sheets: seed ${SEED}, runs ${RUNS}`);
    let n = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const file = path.join(tmp.dir, `b${n++}.xlsx`);
        const bytes = await xlsxBytes(book);
        writeFileSync(file, bytes);
        const settings = paneSettings(book);
        const names = book.sheets.map((s) => s.name);

        const run = await runCli([file, ...cliOptions(book)], TODAY);
        expect(run.stderr).toBe("");
        const items = JSON.parse(run.stdout) as Json[];
        expect(items.map((i) => i.sheet)).toEqual(names);

        const opened = await readFileSource(fileLike("werkmap.xlsx", bytes));
        const fileSheets = opened.fileSheets ?? [];
        expect(fileSheets.map((s) => s.sheetName)).toEqual(names);

        const defs = book.sheets.map((s) => ({ name: s.name, cells: excelCells(s) }));
        const { context } = fakeContext(defs);
        const store = new Map<string, unknown>([["kor.participation", settings]]);
        const document: DocumentSettings = { get: (k) => store.get(k) ?? null, set: () => undefined, saveAsync: () => undefined };
        const overviewOptions = {
          today: TODAY,
          period: book.period,
          participationOf: () => book.participation,
          previousYearOf: (_key: string, year: number) => previousYearGiven(settings, year),
        };
        const excelUnits: CheckedUnit[] = (await readAllSheets(context, { keepFrom: allSheetsKeepFrom(document, EMPTY_GROUPING, TODAY) })).units;
        const excelLines = buildOverview(excelUnits, EMPTY_GROUPING, overviewOptions);
        const fileLines = buildOverview(unitsOfFile(fileSheets), EMPTY_GROUPING, overviewOptions);

        for (const [i, sheet] of book.sheets.entries()) {
          const cli = items[i];
          const answers: Record<string, Answer> = { "kor-check": fromCli(cli) };
          const excelSource: InvoiceSource = {
            key: `{sheet-${i + 1}}`, name: sheet.name, origin: "sheet", tableName: null, values: defs[i].cells,
            rowOffset: 0, columnOffset: 0, headerRowIndex: null, partial: false,
          };
          const pane = await paneInExcel(excelSource, settings, context);
          answers["year report (Excel)"] = fromSummary(pane.summary, pane.previousYearSheet);
          const fileSource = fileSheets[i];
          const openFile = analyze(fileSource, settings, TODAY, fileOthersOf(fileSource, settings, () => settings));
          answers["year report (Open file)"] = fromSummary(openFile.summary, openFile.previousYearSheet);
          const excelLine = excelLines.find((l) => l.label === sheet.name);
          const fileLine = fileLines.find((l) => l.label === sheet.name);
          expect({ sheet: sheet.name, excel: excelLine !== undefined, file: fileLine !== undefined }).toEqual({ sheet: sheet.name, excel: true, file: true });
          answers["All sheets (Excel)"] = fromLine(excelLine as OverviewRow);
          answers["All sheets (Open file)"] = fromLine(fileLine as OverviewRow);
          const reference = answers["kor-check"];
          for (const [surface, a] of Object.entries(answers)) {
            if (VERBOSE && JSON.stringify(a) !== JSON.stringify(reference)) console.log(JSON.stringify({ book: describeBook(book), sheet: sheet.name, surface, a, reference }, null, 1));
            expect({ sheet: sheet.name, surface, ...a }).toEqual({ sheet: sheet.name, surface, ...reference });
          }
          // kor-rules.md sections 3–5, worked on the rows.
          const want = oracle(book, i);
          const { errorRows } = want;
          const wanted = { year: want.year, countable: want.countable, verdict: want.verdict, crossing: want.crossing, previous: want.previous, previousBasis: want.previousBasis, previousSheet: want.previousSheet };
          expect({ sheet: sheet.name, year: reference.year, countable: reference.countable, verdict: reference.verdict, crossing: reference.crossing, previous: reference.previous, previousBasis: reference.previousBasis, previousSheet: reference.previousSheet }).toEqual({ sheet: sheet.name, ...wanted });
          expect({ sheet: sheet.name, ended: reference.ended, nextStart: reference.nextStart, deadline: reference.deadline }).toEqual({ sheet: sheet.name, ...datesOf(book, i, want, want.from) });
          // Provisional: rows in error that the verdict depends on. The year report says "fix N errors first" and
          // kor-check gives `eligible` null. kor-check also counts the errors of the other years it takes from other
          // sheets (a participant's older years, the later years the next start reads; docs/exports.md): they may
          // hide a crossing. The year report lists those as errors named with their sheet ('Sheet "2024": …') but
          // its verdict stays certain, as the verdict does not depend on them (model.ts provisionalRows): allowed here.
          for (const [surface, a] of [["year report (Excel)", pane], ["year report (Open file)", openFile]] as const) {
            expect({ sheet: sheet.name, surface, errorRows: provisionalRows(a.reconciliation) }).toEqual({ sheet: sheet.name, surface, errorRows });
          }
          const fromOtherSheets = (cli.problems as Json[]).some((p) => p.severity === "error" && p.row === null && /^Sheet "/.test(p.message));
          expect({ sheet: sheet.name, eligibleNull: cli.eligible === null }).toEqual({ sheet: sheet.name, eligibleNull: errorRows > 0 || fromOtherSheets });
          seen.add(`verdict ${reference.verdict}`);
          if (reference.crossing !== null) seen.add("crossing");
          if (reference.previousSheet !== null) seen.add("previous year from a sheet");
          if (reference.previousBasis !== null) seen.add(`basis ${reference.previousBasis}`);
          if (reference.ended !== null) seen.add("participation ended");
          if (reference.ifInKor !== null) seen.add("if in KOR");
          if (cli.eligible === null) seen.add("provisional");
          if (want.previousSheetErrorRows > 0) seen.add("provisional by the previous year's sheet");
          if (fromOtherSheets && errorRows === 0) seen.add("provisional in kor-check only (other years' errors)");
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    if (VERBOSE) console.log([...seen].sort().join("\n"));
    // The default seed reaches every case the property is about (another seed may not: only reported then).
    if (process.env.KOR_SHEETS_SEED === undefined) for (const s of ["crossing", "previous year from a sheet", "basis given", "participation ended", "if in KOR", "provisional", "provisional by the previous year's sheet", "verdict eligible", "verdict not-eligible"]) expect([...seen]).toContain(s);
  });
});

/** The workbook in short, to work a failing case by hand. */
function describeBook(book: Book): unknown {
  return {
    previousGiven: book.previousGiven,
    participation: book.participation.status === "in" ? `in since ${isoFromDay(book.participation.since)}` : book.participation.status,
    period: book.period,
    sheets: book.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r, i) => `${i + 2}: ${isoFromDay(r.day)} ${amountCell(r)} ${categoryCell(r) || "-"}`),
    })),
  };
}
