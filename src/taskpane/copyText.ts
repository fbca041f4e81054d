/**
 * "Cijfers kopiëren": the verdict and the key figures as plain text, for a note or an e-mail to the client.
 * Pure (no DOM, no clock): the same advice lines as the verdict card and kor-check.
 */
import type { Lang } from "../i18n/types";
import { adviceOf, adviceLines } from "../rules/advice";
import { formatDay, type Day } from "../rules/dates";
import { formatEuros } from "../rules/money";
import type { YearSummary } from "../rules/summary-types";
import { provisionalRows, type Reconciliation } from "./model";
import { previousYearBasisOf, S, tPlain } from "./strings";
import type { Localized } from "../i18n/types";
import { cellText as overviewCellText, type OverviewRow } from "../bulk/overview";
import { COLUMN_TITLES, OVERVIEW_COLUMNS } from "../bulk/strings";
import { euTextLines } from "../bulk/euText";
import { formulaSafe, visibleControls } from "../i18n/safeText";

/**
 * The copied lines as one text. Sheet, file and group names and an auditfile's references come from the
 * client's files: pasted into a note, an e-mail or a sheet their control and direction characters must not
 * act (a U+202E reverses the rest of the line), so they are shown as `\u202E`, as the pane shows them.
 */
function copied(lines: readonly string[]): string {
  return `${lines.map(visibleControls).join("\n")}\n`;
}

const pct = (n: number, lang: Lang): string => `${lang === "nl" ? String(n).replace(".", ",") : String(n)}%`;

export function figuresText(
  summary: YearSummary,
  lang: Lang,
  options: { sourceName: string; today: Day; reconciliation?: Reconciliation; previousYearSheet?: string | null },
): string {
  const r = options.reconciliation;
  const eur = (c: number): string => formatEuros(c, lang);
  const advice = adviceOf(summary, r === undefined ? {} : { errorRows: provisionalRows(r) });
  const lines = [tPlain(lang, S.copyHeader(options.sourceName, formatDay(options.today, lang))), "", ...adviceLines(advice, lang), ""];
  lines.push(`${tPlain(lang, S.countable)} ${summary.year}: ${eur(summary.countableCents)} (${tPlain(lang, S.ofThreshold(pct(summary.percentOfThreshold, lang), eur(summary.thresholdCents)))})`);
  lines.push(`${tPlain(lang, S.headroom)}: ${eur(summary.headroomCents)}`);
  lines.push(`${tPlain(lang, S.notCounted)}: ${eur(summary.notCountedCents)}`);
  if (summary.previousYearCents !== null) {
    const sheet = options.previousYearSheet ?? null;
    const basis = previousYearBasisOf(summary, sheet);
    lines.push(`${tPlain(lang, S.previousYearLine(summary.year - 1))}: ${eur(summary.previousYearCents)} (${tPlain(lang, basis)})`);
  }
  if (r !== undefined) {
    if (r.yearErrorRows > 0) lines.push(tPlain(lang, S.notCountedRows(r.yearErrorRows, r.yearErrorCents !== 0 ? eur(r.yearErrorCents) : "", r.yearUnreadableAmounts)));
    lines.push(tPlain(lang, S.rowsBalance(r.sheetRows, r.read, r.inError, r.skipped)));
  }
  // The EU-KOR figures, as the year report's EU section shows them (last year's Union turnover included).
  if (summary.eu !== null) lines.push("", `${tPlain(lang, S.euSection)}`, ...euTextLines(summary, lang));
  if (advice.way !== null) lines.push("", tPlain(lang, advice.way));
  if (advice.link !== null) lines.push(advice.link.url);
  return copied(lines);
}

/**
 * "Cijfers kopiëren" in the decision view: the result first (what joining or leaving brings per year), then
 * the one-off amounts, the reasons and the deadlines, as the view shows them.
 */
export function decisionFiguresText(
  lang: Lang,
  options: {
    sourceName: string;
    today: Day;
    /** "Meedoen met de KOR" / "Stoppen met de KOR". */
    question: Localized;
    /** The result in words: "levert op € 312,00 per jaar". */
    result: string;
    /** Why the result is provisional (rows with errors left out), said right under it; null or absent when it is not. */
    provisional?: Localized | null;
    headline: Localized;
    breakEven: Localized;
    oneOffs: readonly { readonly year: number | null; readonly label: Localized; readonly cents: number }[];
    reasons: readonly Localized[];
    deadlines: readonly Localized[];
  },
): string {
  const o = options;
  const lines = [
    tPlain(lang, S.copyHeader(o.sourceName, formatDay(o.today, lang))),
    "",
    `${tPlain(lang, o.question)}: ${o.result}`,
    ...(o.provisional != null ? [tPlain(lang, o.provisional)] : []),
    tPlain(lang, o.headline),
    tPlain(lang, o.breakEven),
  ];
  if (o.oneOffs.length > 0) {
    lines.push("");
    for (const x of o.oneOffs) lines.push(`${x.year ?? "–"}: ${tPlain(lang, x.label)} ${formatEuros(x.cents, lang)}`);
  }
  if (o.reasons.length > 0) lines.push("", ...o.reasons.map((r) => `• ${tPlain(lang, r)}`));
  if (o.deadlines.length > 0) lines.push("", ...o.deadlines.map((r) => `• ${tPlain(lang, r)}`));
  return copied(lines);
}

/** "Cijfers kopiëren" in the All sheets view: one line per sheet or business, with the overview's columns. */
export function overviewFiguresText(lines: readonly OverviewRow[], lang: Lang, today: Day): string {
  const out = [tPlain(lang, S.copyHeader(tPlain(lang, S.overviewSource), formatDay(today, lang))), ""];
  for (const line of lines) {
    const parts = OVERVIEW_COLUMNS.filter((c) => c !== "label")
      .map((c) => ({ c, text: overviewCellText(line, c, lang) }))
      .filter((x) => x.text !== "" && x.text !== "–")
      .map((x) => `${tPlain(lang, COLUMN_TITLES[x.c])}: ${x.text}`);
    // A line pasted into a sheet is a cell: a label such as "=HYPERLINK(…)" starting it must stay text.
    out.push(`${formulaSafe(line.label)} — ${parts.join("; ")}`);
  }
  return copied(out);
}
