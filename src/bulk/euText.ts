/**
 * The EU-KOR figures as lines of text, the way the pane's EU section gives them (src/taskpane/components/
 * ReportSections.tsx): the Union turnover against its threshold, whether both years are within it (or why not) with
 * last year's figure, the crossing and the day to report it by, and a line per member state with its status. Shared by
 * "Cijfers kopiëren" (src/taskpane/copyText.ts) and kor-check's table (src/cli/output.ts). Office-free.
 */
import type { Lang } from "../i18n/types";
import { visibleControls } from "../i18n/safeText";
import { formatDay } from "../rules/dates";
import { formatEuros } from "../rules/money";
import type { EuSummary, YearSummary } from "../rules/summary-types";
import { S } from "../taskpane/strings";
import { previousRowsFromText } from "./strings";

/**
 * Last year's Union turnover after the Union line (" · Vorig jaar: € 30.000,00"), labelled when it is assumed
 * (" · Vorig jaar: € 0,00 aangenomen (geen gegevens)") as the national previous year is; `partial`: the words
 * beside a figure of a year the data cover only in part (an auditfile's header period), after " — "; without it, a
 * figure read from rows that start late in the year says so there (eu.previousUnionRowsFrom).
 */
export function previousUnionText(eu: EuSummary, lang: Lang, partial: string | null = null): string {
  const eur = (c: number): string => formatEuros(c, lang);
  if (eu.previousUnionBasis === "assumed-zero") return ` · ${S.previousUnionAssumed(eur(0))[lang]}${partial === null ? "" : ` — ${partial}`}`;
  if (eu.previousUnionCents === null) return "";
  // Read from rows that start late in that year (an export from 1 December?): it may not be the whole year.
  const note = partial ?? (eu.previousUnionRowsFrom === null ? null : previousRowsFromText(eu.previousUnionRowsFrom)[lang]);
  return ` · ${S.previousUnion(eur(eu.previousUnionCents))[lang]}${note === null ? "" : ` — ${note}`}`;
}

/**
 * Empty without an EU view. `allStates` false: only the states that are not plainly within their threshold.
 * `previousPartial`: the words beside last year's figure when the data cover that year only in part (kor-check's auditfiles).
 */
export function euTextLines(summary: YearSummary, lang: Lang, allStates = true, previousPartial: string | null = null): string[] {
  const eu = summary.eu;
  if (eu === null) return [];
  const eur = (c: number): string => formatEuros(c, lang);
  const previous = previousUnionText(eu, lang, previousPartial);
  // Not within: the reason (last year's figure or crossing, this year's crossing) instead of a bare "over".
  const union = eu.unionStatusText ?? (eu.withinUnion ? S.unionWithin : S.unionOver);
  const lines = [`${S.unionTurnover[lang]}: ${eur(eu.unionCents)} (${S.unionOf(eur(eu.unionThresholdCents))[lang]}) · ${visibleControls(union[lang])}${previous}`];
  if (eu.crossing !== null) lines.push(S.euCrossing(formatDay(eu.crossing.day, lang), eu.crossing.where[lang], formatDay(eu.crossing.notifyBy, lang), eu.crossing.notifyWorkingDays, summary.year + 1, eu.crossing.notifyOverdue)[lang]);
  for (const st of eu.states) {
    if (!allStates && st.withinThreshold === true && st.statusText === null) continue;
    const status = st.statusText ?? (st.withinThreshold === null ? S.stateUnknown : st.withinThreshold ? S.stateWithin : S.stateOver);
    const threshold = st.thresholdCents === null ? "–" : eur(st.thresholdCents);
    lines.push(`${st.country}: ${eur(st.cents)} (${S.colThreshold[lang].toLowerCase()} ${threshold}) · ${visibleControls(status[lang])}`);
  }
  return lines;
}
