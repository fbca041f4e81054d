/**
 * The decision view's state → figures, without React or Office: parse what the user typed, combine it with
 * the sheet (year summary, customer column, purchase rows) and call src/rules/decision.ts. Kept apart from
 * the view so the arithmetic path can be tested in Node.
 */
import type { Localized } from "../../i18n/types";
import { formatEuros, groupDigits, type Cents } from "../../rules/money";
import { dayFromYmd, formatDay, yearOf, ymdFromDay, type Day } from "../../rules/dates";
import { yearBounds } from "../../rules/turnover";
import { atRows } from "../../i18n/messages";
import type { Participation } from "../../rules/types";
import type { CapitalGood } from "../../rules/herziening";
import { cellText, readDate } from "../../reading/cells";
import { AMOUNT_COLUMN_REFUSALS, readTable } from "../../reading/headers";
import {
  amountBasisFromHeader,
  businessShareFromTable,
  decideKor,
  decisionDates,
  deductiblePart,
  deductibleSplitFromCategories,
  linesExcludingVat,
  outputLinesFromCategories,
  purchaseLinesFromTable,
  revisionMethod,
  revisionSchedule,
  splitPurchases,
  type AmountBasis,
  type AssumableRate,
  type Decision,
  type DecisionDates,
  type OutputLines,
  type PurchaseLine,
  type PurchaseSplit,
  type RevisionMethod,
  type RevisionYear,
  type SheetCustomerShare,
} from "../../rules/decision";
import { FIRST_KOR_YEAR, parameterOn } from "../../rules/parameters";
import { UNSUPPORTED_REASON } from "../../rules/eligibility";
import type { InvoiceSource } from "../../excel/source";
import { parseEurosInput, provisionalRows, rowsOf, type Analysis } from "../model";
import { D } from "../decision-strings";
import { S } from "../strings";

export interface GoodInput {
  readonly id: number;
  readonly firstUse: string;
  readonly vat: string;
  readonly kind: CapitalGood["kind"];
}

export interface DecisionState {
  readonly participant: boolean;
  readonly joined: string;
  readonly assumedRate: AssumableRate;
  /** Percentage typed by the user; null = take it from the sheet (when usable), per rate. */
  readonly share: string | null;
  /** Yearly input VAT on running costs typed by the user; null = from the purchases. */
  readonly inputVat: string | null;
  /** Yearly VAT reverse-charged to the business typed by the user; null = from the purchases (0 when none). */
  readonly reverseVat?: string | null;
  readonly plannedVat: string;
  /** Year of the planned investment; "" = the first year of the decision (KOR start or exit). */
  readonly plannedYear?: string;
  readonly goods: readonly GoodInput[];
  /** Whether the turnover column holds amounts including VAT; null = as its header says (excluding when it does not say). */
  readonly amountsInclVat?: boolean | null;
  /** Purchase rows (sheet row numbers) the user moved between investments and running costs. */
  readonly moved?: readonly number[];
  /** Customers (customerKey of their cell) the user marked as not deducting VAT: counted as consumers. */
  readonly nonDeducting?: readonly string[];
}

export interface FieldErrors {
  share?: Localized;
  inputVat?: Localized;
  reverseVat?: Localized;
  plannedVat?: Localized;
  plannedYear?: Localized;
  joined?: Localized;
  goods: Record<number, { firstUse?: Localized; vat?: Localized }>;
}

/** What the turnover column holds: excluding or including VAT, and whether the view must ask. */
export interface AmountBasisInfo {
  /** The header of the turnover column ("" without a header row). */
  readonly header: string;
  readonly fromHeader: AmountBasis;
  /** True when the amounts are taken as including VAT (converted to excluding VAT for the decision). */
  readonly inclVat: boolean;
  /** True when the header does not say and the user has not answered: the view asks. */
  readonly ask: boolean;
}

export interface DecisionFigures {
  /** Turnover by rate, excluding VAT (converted when the column holds gross amounts). */
  readonly output: OutputLines;
  readonly amountBasis: AmountBasisInfo;
  readonly sheetShare: (SheetCustomerShare & { readonly header: string }) | null;
  /** The purchases of the basis year and how they were sorted; `from` says where they came from. */
  readonly purchases: PurchaseSplit & { readonly from: "sheet" | "list"; readonly lines: readonly PurchaseLine[] };
  /** The share used (0..1) and the typed text shown in the field. */
  readonly shareText: string;
  readonly inputVatText: string;
  readonly reverseVatText: string;
  readonly plannedYearText: string;
  readonly dates: DecisionDates;
  readonly schedule: readonly RevisionYear[];
  /** How the schedule was computed (kor-rules.md section 8): the view states it; null without a schedule. */
  readonly revisionMethod: RevisionMethod | null;
  readonly errors: FieldErrors;
  /**
   * Why the sheet gives no result (its turnover cannot be known): the view then shows only this, no figures.
   * Null when the turnover was read.
   */
  readonly refusal: DecisionRefusal | null;
  /**
   * Set when rows the year report's verdict depends on have errors (its "Provisional: fix 2 errors first"): the
   * figures leave those rows out, and this says how many, the amounts on them, and to fix them first.
   */
  readonly provisional: Localized | null;
  /** null when an entry is invalid (the view then asks to correct it first) or when the sheet is refused. */
  readonly decision: Decision | null;
}

/** Why the decision cannot be computed from the sheet, and what to do about it. */
export interface DecisionRefusal {
  readonly title: Localized;
  readonly reason: Localized;
  readonly todo: Localized;
}

/**
 * The sheet's turnover cannot be known, so the decision gives no result (no verdict, no break-even, no money
 * resting on that turnover): the year report's refusal of the whole sheet (no date and amount columns, or amounts
 * including VAT only: see Analysis.wholeTableProblem), or a basis year without turnover that counts (every row in
 * error, or none at all: "eligible with €0" is no basis for "joining gains nothing"). Null when there is turnover.
 */
export function decisionRefusal(analysis: Analysis): DecisionRefusal | null {
  const whole = analysis.wholeTableProblem;
  // A year before the KOR exemption existed: nothing to weigh (the year report says "not supported").
  if (whole === null && analysis.summary.verdict === "unsupported") return { title: D.unsupportedTitle(analysis.year), reason: UNSUPPORTED_REASON, todo: D.unsupportedTodo };
  if (whole !== null) {
    const gross = whole.code === "gross-only";
    return { title: gross ? S.grossOnlyTitle : AMOUNT_COLUMN_REFUSALS.has(whole.code) ? S.amountColumnsTitle : S.noColumnsTitle, reason: whole.message, todo: gross ? D.refusedGrossTodo : D.refusedColumnsTodo };
  }
  if (analysis.summary.countableCents !== 0) return null;
  // Only rows in error of the basis year itself (or without a readable date) can hide its turnover; the year
  // report's count also holds the previous year's rows, which the previous-year test reads.
  const errorRows = basisYearErrorRows(analysis);
  if (errorRows > 0) return { title: D.unreadableTurnoverTitle(analysis.year), reason: D.unreadableTurnover(analysis.year, errorRows), todo: D.fixErrorsTodo };
  return { title: D.noTurnoverTitle(analysis.year), reason: D.noTurnover(analysis.year), todo: D.noTurnoverTodo };
}

/** The rows in error dated in the analysis's year, or without a readable date. */
function basisYearErrorRows(analysis: Analysis): number {
  const rows = new Set<number>();
  for (const p of analysis.summary.problems) {
    if (p.severity !== "error" || (p.day != null && yearOf(p.day) !== analysis.year)) continue;
    for (const r of rowsOf(p)) rows.add(r);
  }
  return rows.size;
}

/** "40", "40%", "37,5", "37.5 %" → 0.375; null when it is not a percentage from 0 to 100. */
export function parsePercent(text: string): number | null {
  const s = text.replace(/[%\s]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n / 100 : null;
}

function percentText(share: number, lang: "nl" | "en"): string {
  const p = Math.round(share * 1000) / 10;
  const text = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return lang === "nl" ? text.replace(".", ",") : text;
}

/** Euros for an input field: "1.250,00" (nl) / "1,250.00" (en), without the € sign. */
export function eurosText(cents: Cents, lang: "nl" | "en"): string {
  const abs = Math.abs(cents);
  const euros = groupDigits(Math.floor(abs / 100), lang);
  const text = `${euros}${lang === "nl" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
  return cents < 0 ? `-${text}` : text;
}

/** Default situation: a sheet with rows marked "kor" belongs to a participant. */
export function looksLikeParticipant(analysis: Analysis): boolean {
  return analysis.summary.categories.some((c) => c.category === "kor" && c.cents !== 0);
}

/**
 * The situation the decision starts from: the year report's setting "Is the business in the KOR?"
 * (kor-rules.md section 5) when it is known, else a guess from the sheet. A participant whose participation
 * a crossing ended is outside the KOR now. `fromSetting` says which, so the view can name the setting.
 */
export function initialSituation(
  analysis: Analysis,
  participation: Participation,
): { participant: boolean; joined: string; fromSetting: boolean; outsideWhy?: Localized } {
  const d = analysis.summary.deadlines;
  if (participation.status === "out") return { participant: false, joined: "", fromSetting: true };
  if (participation.status === "in") {
    const { year, month, day } = ymdFromDay(participation.since);
    if (d.participating) return { participant: true, joined: `${day}-${month}-${year}`, fromSetting: true };
    // The setting says "in the KOR", the situation "outside": say why (the year report says more).
    const since = { nl: formatDay(participation.since, "nl"), en: formatDay(participation.since, "en") };
    const why: Localized =
      d.participationCouldNotStart !== null
        ? { nl: `De deelname sinds ${since.nl} kon niet ingaan (zie het jaarrapport): daarom staat hier ‘buiten de KOR’.`, en: `Participation since ${since.en} could not start (see the year report): so this says ‘outside the KOR’.` }
        : d.participationEnded !== null
          ? {
              nl: `De deelname sinds ${since.nl} eindigde op ${formatDay(d.participationEnded, "nl")}, toen de omzet over de omzetgrens ging: daarom staat hier ‘buiten de KOR’.`,
              en: `Participation since ${since.en} ended on ${formatDay(d.participationEnded, "en")}, when turnover went over the turnover limit: so this says ‘outside the KOR’.`,
            }
          : {
              nl: `De deelname sinds ${since.nl} eindigde in ${d.participationEndedIn ?? ""} (zie het jaarrapport): daarom staat hier ‘buiten de KOR’.`,
              en: `Participation since ${since.en} ended in ${d.participationEndedIn ?? ""} (see the year report): so this says ‘outside the KOR’.`,
            };
    return { participant: false, joined: "", fromSetting: true, outsideWhy: why };
  }
  return { participant: looksLikeParticipant(analysis), joined: "", fromSetting: false };
}

export function computeDecision(input: {
  readonly state: DecisionState;
  readonly analysis: Analysis;
  readonly source: InvoiceSource;
  readonly today: Day;
  readonly lang: "nl" | "en";
  /** Purchases read from a list the user pointed to (replace the sheet's purchase rows). */
  readonly purchases: readonly PurchaseLine[] | null;
  /** That list's name and its rows that could not be read (purchasesFromValues): they make the figures provisional. */
  readonly purchasesUnread?: { readonly name: string; readonly rows: number } | null;
}): DecisionFigures {
  const { state, analysis, source, today, lang } = input;
  const summary = analysis.summary;
  const errors: FieldErrors = { goods: {} };
  const header = (column: number | undefined): unknown =>
    column !== undefined && analysis.table.headerRowIndex !== null ? source.values[analysis.table.headerRowIndex]?.[column] : undefined;

  // Turnover: excluding VAT. A participant's invoices carry no VAT, so the question is for outside the KOR only.
  const sheetLines = outputLinesFromCategories(summary.categories, state.assumedRate);
  const amountHeader = header(analysis.table.columns.amount);
  // Turnover worked out by the reading layer (gross − VAT, gross less its rate's VAT, credit − debit) is already excluding VAT.
  const fromHeader: AmountBasis = analysis.table.derived ? "net" : amountBasisFromHeader(amountHeader);
  const inclVat = !state.participant && (state.amountsInclVat ?? fromHeader === "gross");
  const amountBasis: AmountBasisInfo = {
    header: cellText(amountHeader).trim(),
    fromHeader,
    inclVat,
    ask: !state.participant && fromHeader === "unknown" && (state.amountsInclVat ?? null) === null,
  };
  const output: OutputLines = inclVat
    ? { ...sheetLines, lines: linesExcludingVat(sheetLines.lines), notes: [...sheetLines.notes, D.grossConverted(amountBasis.header)] }
    : sheetLines;

  // Turnover with and without a right to deduct: input VAT on costs for exempt turnover is not lost by joining.
  const deductible = deductibleSplitFromCategories(summary.categories, inclVat ? state.assumedRate : null);

  const customerColumn = analysis.table.columns.customer;
  let sheetShare: DecisionFigures["sheetShare"] = null;
  if (customerColumn !== undefined) {
    const headerCell = header(customerColumn);
    const share = businessShareFromTable({
      values: source.values,
      rowOffset: source.rowOffset,
      customerColumn,
      header: headerCell,
      rows: analysis.table.rows,
      year: analysis.year,
      assumedRatePercent: state.assumedRate,
      nonDeducting: state.nonDeducting ?? [],
    });
    sheetShare = { ...share, header: cellText(headerCell).trim() };
  }
  const fromSheet = state.share === null && sheetShare?.usable === true && sheetShare.share !== null;
  const shareText = state.share ?? (fromSheet && sheetShare?.share != null ? percentText(sheetShare.share, lang) : "0");
  const share = parsePercent(shareText);
  if (share === null) errors.share = D.shareInvalid;
  const businessShareByRate: Record<number, number> = {};
  if (fromSheet && sheetShare) for (const r of sheetShare.byRate) if (r.share.share !== null) businessShareByRate[r.ratePercent] = r.share.share;

  // Purchases: running costs (yearly), investments (one-off, to the herziening), VAT reverse-charged to the business.
  const lines =
    input.purchases ??
    purchaseLinesFromTable({ values: source.values, rowOffset: source.rowOffset, rows: analysis.table.rows, year: analysis.year, onlyPurchases: true });
  // A year before 2020 has no parameters (the decision is refused then: decisionRefusal); the first year's keeps it from throwing.
  const split = splitPurchases(lines, { minimumCents: parameterOn("investment-minimum", dayFromYmd(Math.max(analysis.year, FIRST_KOR_YEAR), 1, 1)), moved: state.moved ?? [] });
  const purchases = { ...split, from: input.purchases !== null ? ("list" as const) : ("sheet" as const), lines };
  const hasPurchases = lines.length > 0;
  const inputVatText = state.inputVat ?? (hasPurchases ? eurosText(split.runningVatCents, lang) : "");
  const inputVat = inputVatText.trim() === "" ? 0 : parseEurosInput(inputVatText);
  if (inputVat === null) errors.inputVat = D.amountInvalid;
  const reverseVatText = state.reverseVat ?? (split.reverseChargedRows > 0 ? eurosText(split.reverseChargedVatCents, lang) : "");
  const reverseVat = reverseVatText.trim() === "" ? 0 : parseEurosInput(reverseVatText);
  if (reverseVat === null) errors.reverseVat = D.amountInvalid;
  const planned = state.plannedVat.trim() === "" ? 0 : parseEurosInput(state.plannedVat);
  if (planned === null) errors.plannedVat = D.amountInvalid;

  let joined: Day | null = null;
  if (state.participant && state.joined.trim() !== "") {
    const r = readDate(state.joined.trim());
    if (r.kind === "ok") joined = r.value;
    else errors.joined = D.dateInvalid;
  }
  const dates = decisionDates({
    participant: state.participant,
    today,
    period: analysis.period,
    joined,
    earliestJoin: { start: summary.deadlines.nextStart, reason: summary.deadlines.nextStartReason },
  });
  const firstYear = yearOf(dates.start);
  const plannedYearText = (state.plannedYear ?? "").trim() === "" ? String(firstYear) : (state.plannedYear ?? "").trim();
  const plannedYear = /^\d{4}$/.test(plannedYearText) && Number(plannedYearText) >= firstYear && Number(plannedYearText) <= firstYear + 20 ? Number(plannedYearText) : null;
  if (plannedYear === null) errors.plannedYear = D.yearInvalid(firstYear);

  const goods: CapitalGood[] = [];
  if (!state.participant) {
    for (const g of state.goods) {
      if (g.firstUse.trim() === "" && g.vat.trim() === "") continue;
      const errs: { firstUse?: Localized; vat?: Localized } = {};
      const d = readDate(g.firstUse.trim());
      const vat = parseEurosInput(g.vat);
      if (d.kind !== "ok") errs.firstUse = D.dateInvalid;
      if (vat === null) errs.vat = D.amountInvalid;
      if (errs.firstUse || errs.vat) errors.goods[g.id] = errs;
      else if (d.kind === "ok" && vat !== null) goods.push({ vatCents: vat, firstUse: d.value, kind: g.kind });
    }
    // The investments among the purchases are capital goods in use since their invoice date. Only the VAT deducted on
    // them is revised: the part for taxed turnover (none for a business whose turnover is all exempt). A good typed in
    // is given with its VAT deducted.
    for (const p of split.investments) {
      const deducted = p.vatCents === null ? 0 : deductiblePart(p.vatCents, deductible);
      if (deducted > 0) goods.push({ vatCents: deducted, firstUse: p.day, kind: "movable" });
    }
  }
  const schedule = goods.length > 0 ? revisionSchedule(goods, dates.start) : [];
  const method = schedule.length > 0 ? revisionMethod(goods, dates.start, schedule) : null;

  const invalid =
    errors.share !== undefined ||
    errors.inputVat !== undefined ||
    errors.reverseVat !== undefined ||
    errors.plannedVat !== undefined ||
    errors.plannedYear !== undefined ||
    errors.joined !== undefined ||
    Object.keys(errors.goods).length > 0;
  const eligible = summary.verdict === "eligible";
  const refusal = decisionRefusal(analysis);
  const decision =
    refusal !== null || invalid || share === null || inputVat === null || planned === null || reverseVat === null
      ? null
      : decideKor({
          participant: state.participant,
          lines: output.lines,
          businessShare: share,
          businessShareByRate,
          inputVatCents: inputVat,
          reverseChargedVatCents: reverseVat,
          plannedInvestmentVatCents: planned,
          plannedInvestmentYear: plannedYear,
          deductible,
          revision: schedule,
          eligible,
          basisYear: analysis.year,
          possibleFrom: eligible && dates.delay === null ? null : dates.start,
          notPossibleReason: dates.delay,
        });
  return { output, amountBasis, sheetShare, purchases, shareText, inputVatText, reverseVatText, plannedYearText, dates, schedule, revisionMethod: method, errors, refusal, provisional: refusal === null ? provisionalOf(analysis, state.inputVat === null ? input.purchasesUnread ?? null : null) : null, decision };
}

/**
 * The figures are provisional when rows the year report's verdict depends on have errors (the report's
 * reconciliation: rows of the basis year, or of the year before for the previous-year test): the same rows the
 * report counts for "Provisional: fix 2 errors first", named as its totals name them. Also when the input VAT
 * comes from a purchases list with rows that could not be read (`listUnread`).
 */
function provisionalOf(analysis: Analysis, listUnread: { readonly name: string; readonly rows: number } | null): Localized | null {
  const r = analysis.reconciliation;
  // Rows on the previous year's sheet count too; the amount named is then only this sheet's, so none is named.
  const rows = provisionalRows(r);
  const amount = r.otherSheetErrorRows === 0 && r.yearErrorCents !== 0;
  const notCounted = (lang: "nl" | "en"): string =>
    S.notCountedRows(rows, amount ? formatEuros(r.yearErrorCents, lang) : "", r.otherSheetErrorRows === 0 ? r.yearUnreadableAmounts : 0)[lang];
  const parts = [
    ...(rows > 0 ? [D.provisional({ nl: notCounted("nl"), en: notCounted("en") }, rows)] : []),
    // A purchases list's unread rows, while its input VAT is used (not typed over).
    ...(listUnread !== null && listUnread.rows > 0 ? [D.provisionalPurchases(listUnread.name, listUnread.rows)] : []),
  ];
  return parts.length === 0 ? null : { nl: parts.map((p) => p.nl).join(" "), en: parts.map((p) => p.en).join(" ") };
}

/**
 * Purchases from a list the user pointed to (a table or sheet in Excel, a file in a browser): a header row
 * with date, amount and VAT columns (or an amount including VAT and a VAT column: the amount is then gross − VAT);
 * every row in `year`. The reason in words when the list cannot be used: no such columns, amounts including VAT
 * only, or no readable row of `year`. `unread`: the rows of `year` (or without a readable date) that could not be
 * read and are not counted, named, for the view to say beside the input VAT; null when there are none.
 * `dateSerialOffset`: the list's workbook's (dateSerialOffsetOf), for a workbook in the 1904 date system.
 */
export function purchasesFromValues(
  values: readonly (readonly unknown[])[],
  rowOffset: number,
  year: number,
  dateSerialOffset = 0,
): { kind: "ok"; lines: PurchaseLine[]; unread: Localized | null; unreadRows: number } | { kind: "error"; message: Localized } {
  const table = readTable(values, { rowOffset, dateSerialOffset });
  const gross = table.problems.find((p) => p.code === "gross-only");
  if (gross !== undefined) return { kind: "error", message: D.purchasesGrossOnly(gross.value ?? "") };
  if (table.columns.date === undefined || (table.columns.amount === undefined && table.derived !== "gross-minus-vat")) return { kind: "error", message: D.purchasesNoColumns };
  if (table.columns.vat === undefined) return { kind: "error", message: D.purchasesNoVat };
  const lines = purchaseLinesFromTable({ values, rowOffset, rows: table.rows, year, onlyPurchases: false });
  // Rows of the year in error are left out of the lines: never silently (the input VAT would be too low).
  const { from, to } = yearBounds(year);
  const unreadRows = new Set<number>();
  let unlisted = 0; // rows of a grouped problem past its kept list
  for (const p of table.problems) {
    if (p.severity !== "error" || (p.day != null && (p.day < from || p.day > to))) continue;
    const listed = rowsOf(p);
    for (const r of listed) unreadRows.add(r);
    unlisted += Math.max(0, (p.count ?? listed.length) - listed.length);
  }
  const rows = [...unreadRows].sort((a, b) => a - b);
  const count = rows.length + unlisted;
  const unread = rows.length > 0 ? atRows(rows, count, D.purchasesUnread(count)) : null;
  // No row of the year: refused (its unread rows named), not taken as €0 input VAT.
  if (lines.length === 0) return { kind: "error", message: unread ?? D.purchasesNoneInYear(year) };
  return { kind: "ok", lines, unread, unreadRows: unread === null ? 0 : count };
}
