/**
 * "Cijfers kopiëren": the verdict and the key figures as plain text, for a note or an e-mail to the client.
 * Pure (no DOM, no clock): the same advice lines as the verdict card and kor-check.
 */
import type { Lang } from "../i18n/types";
import { adviceOf, adviceLines } from "../rules/advice";
import { formatDay, type Day } from "../rules/dates";
import { formatEuros } from "../rules/money";
import type { YearSummary } from "../rules/summary-types";
import type { Reconciliation } from "./model";
import { S, tPlain } from "./strings";

const pct = (n: number, lang: Lang): string => `${lang === "nl" ? String(n).replace(".", ",") : String(n)}%`;

export function figuresText(summary: YearSummary, lang: Lang, options: { sourceName: string; today: Day; reconciliation?: Reconciliation }): string {
  const r = options.reconciliation;
  const eur = (c: number): string => formatEuros(c, lang);
  const advice = adviceOf(summary, r === undefined ? {} : { errorRows: r.yearErrorRows });
  const lines = [tPlain(lang, S.copyHeader(options.sourceName, formatDay(options.today, lang))), "", ...adviceLines(advice, lang), ""];
  lines.push(`${tPlain(lang, S.countable)} ${summary.year}: ${eur(summary.countableCents)} (${tPlain(lang, S.ofThreshold(pct(summary.percentOfThreshold, lang), eur(summary.thresholdCents)))})`);
  lines.push(`${tPlain(lang, S.headroom)}: ${eur(summary.headroomCents)}`);
  lines.push(`${tPlain(lang, S.notCounted)}: ${eur(summary.notCountedCents)}`);
  if (summary.previousYearCents !== null) {
    lines.push(`${tPlain(lang, S.previousYearLine(summary.year - 1))}: ${eur(summary.previousYearCents)} (${tPlain(lang, S.basis[summary.previousYearBasis])})`);
  }
  if (r !== undefined) {
    if (r.yearErrorRows > 0) lines.push(tPlain(lang, S.notCountedRows(r.yearErrorRows, r.yearErrorCents !== 0 ? eur(r.yearErrorCents) : "", r.yearUnreadableAmounts)));
    lines.push(tPlain(lang, S.rowsBalance(r.sheetRows, r.read, r.inError, r.skipped)));
  }
  if (advice.way !== null) lines.push("", tPlain(lang, advice.way));
  if (advice.link !== null) lines.push(advice.link.url);
  return `${lines.join("\n")}\n`;
}
