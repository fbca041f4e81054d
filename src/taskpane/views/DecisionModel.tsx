/**
 * The decision view's state → figures, without React or Office: parse what the user typed, combine it with
 * the sheet (year summary, customer column, purchase rows) and call src/rules/decision.ts. Kept apart from
 * the view so the arithmetic path can be tested in Node.
 */
import type { Localized } from "../../i18n/types";
import type { Cents } from "../../rules/money";
import type { Day } from "../../rules/dates";
import type { CapitalGood } from "../../rules/herziening";
import { cellText, readDate } from "../../reading/cells";
import { readTable } from "../../reading/headers";
import {
  businessShareFromTable,
  decideKor,
  decisionDates,
  outputLinesFromCategories,
  purchaseVatFromRows,
  revisionSchedule,
  type AssumableRate,
  type Decision,
  type DecisionDates,
  type OutputLines,
  type PurchaseVat,
  type RevisionYear,
  type SheetCustomerShare,
} from "../../rules/decision";
import type { InvoiceSource } from "../../excel/source";
import { parseEurosInput, type Analysis } from "../model";
import { D } from "../decision-strings";

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
  /** Percentage typed by the user; null = take it from the sheet (when usable). */
  readonly share: string | null;
  readonly inputVat: string | null;
  readonly plannedVat: string;
  readonly goods: readonly GoodInput[];
}

export interface FieldErrors {
  share?: Localized;
  inputVat?: Localized;
  plannedVat?: Localized;
  joined?: Localized;
  goods: Record<number, { firstUse?: Localized; vat?: Localized }>;
}

export interface DecisionFigures {
  readonly output: OutputLines;
  readonly sheetShare: (SheetCustomerShare & { readonly header: string }) | null;
  readonly purchaseRows: PurchaseVat;
  /** The share used (0..1) and the typed text shown in the field. */
  readonly shareText: string;
  readonly inputVatText: string;
  readonly dates: DecisionDates;
  readonly schedule: readonly RevisionYear[];
  readonly errors: FieldErrors;
  /** null when an entry is invalid: the view then asks to correct it first. */
  readonly decision: Decision | null;
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
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "nl" ? "." : ",");
  const text = `${euros}${lang === "nl" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
  return cents < 0 ? `-${text}` : text;
}

/** Default situation: a sheet with rows marked "kor" belongs to a participant. */
export function looksLikeParticipant(analysis: Analysis): boolean {
  return analysis.summary.categories.some((c) => c.category === "kor" && c.cents !== 0);
}

export function computeDecision(input: {
  readonly state: DecisionState;
  readonly analysis: Analysis;
  readonly source: InvoiceSource;
  readonly today: Day;
  readonly lang: "nl" | "en";
  /** Input VAT read from a purchases list the user pointed to (overrides the sheet's purchase rows as default). */
  readonly purchases: PurchaseVat | null;
}): DecisionFigures {
  const { state, analysis, source, today, lang } = input;
  const summary = analysis.summary;
  const errors: FieldErrors = { goods: {} };

  const output = outputLinesFromCategories(summary.categories, state.assumedRate);

  const customerColumn = analysis.table.columns.customer;
  let sheetShare: DecisionFigures["sheetShare"] = null;
  if (customerColumn !== undefined) {
    const headerCell = analysis.table.headerRowIndex !== null ? source.values[analysis.table.headerRowIndex]?.[customerColumn] : undefined;
    const share = businessShareFromTable({
      values: source.values,
      rowOffset: source.rowOffset,
      customerColumn,
      header: headerCell,
      rows: analysis.table.rows,
      year: analysis.year,
    });
    sheetShare = { ...share, header: cellText(headerCell).trim() };
  }
  const shareText = state.share ?? (sheetShare?.usable && sheetShare.share !== null ? percentText(sheetShare.share, lang) : "0");
  const share = parsePercent(shareText);
  if (share === null) errors.share = D.shareInvalid;

  const purchaseRows = purchaseVatFromRows(analysis.table.rows, analysis.year);
  const defaultInput = input.purchases?.cents ?? (purchaseRows.rows > 0 ? purchaseRows.cents : null);
  const inputVatText = state.inputVat ?? (defaultInput !== null ? eurosText(defaultInput, lang) : "");
  const inputVat = inputVatText.trim() === "" ? 0 : parseEurosInput(inputVatText);
  if (inputVat === null) errors.inputVat = D.amountInvalid;
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
  }
  const schedule = goods.length > 0 ? revisionSchedule(goods, dates.start) : [];

  const invalid =
    errors.share !== undefined || errors.inputVat !== undefined || errors.plannedVat !== undefined || errors.joined !== undefined || Object.keys(errors.goods).length > 0;
  const decision =
    invalid || share === null || inputVat === null || planned === null
      ? null
      : decideKor({
          participant: state.participant,
          lines: output.lines,
          businessShare: share,
          inputVatCents: inputVat,
          plannedInvestmentVatCents: planned,
          revision: schedule,
          eligible: summary.verdict === "eligible",
          basisYear: analysis.year,
        });
  return { output, sheetShare, purchaseRows, shareText, inputVatText, dates, schedule, errors, decision };
}

/**
 * Input VAT from a purchases list the user pointed to (a table or sheet in Excel, a file in a browser): a
 * header row with date, amount and VAT columns; the VAT of every row in `year` counts. The reason in words
 * when the list cannot be used.
 */
export function purchasesFromValues(
  values: readonly (readonly unknown[])[],
  rowOffset: number,
  year: number,
): { kind: "ok"; vat: PurchaseVat } | { kind: "error"; message: Localized } {
  const table = readTable(values, { rowOffset });
  if (table.columns.date === undefined || table.columns.amount === undefined) return { kind: "error", message: D.purchasesNoColumns };
  if (table.columns.vat === undefined) return { kind: "error", message: D.purchasesNoVat };
  return { kind: "ok", vat: purchaseVatFromRows(table.rows, year, false) };
}
