/**
 * The sections of the year report, each rendering part of a YearSummary. All sheet text (names, category
 * values, messages quoting cells) is rendered as React text, never as HTML. Colours always come with an
 * icon and words, so no meaning depends on colour alone.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle20Filled, DismissCircle20Filled, ErrorCircle20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Lang, Localized } from "../../i18n/types";
import { formatDay } from "../../rules/dates";
import { formatEuros } from "../../rules/money";
import type { YearSummary } from "../../rules/summary-types";
import { adviceOf, voluntaryExitApplies, type Advice } from "../../rules/advice";
import { nationalThreshold } from "../../rules/eu";
import { categoryLabel } from "../../excel/reportContent";
import type { CategoryFix, PaneWarning, Reconciliation } from "../model";
import type { CategoryCode } from "../../rules/types";
import { CATEGORIES } from "../../rules/categories";
import { previousUnionText } from "../../bulk/euText";
import { previousYearBasisOf, S, keepEuroTogether, t } from "../strings";

/** An amount for the pane: "€" and the number never split over two lines. */
export function money(cents: number, lang: Lang): string {
  return keepEuroTogether(formatEuros(cents, lang));
}
import { visibleControls } from "../../i18n/safeText";
import { capitalize } from "../../i18n/messages";

export const useSectionStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  verdict: { display: "flex", alignItems: "flex-start", "& > svg": { flexShrink: 0, width: "24px", height: "24px", marginTop: "2px" }, gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  figures: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  dt: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  warning: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", listStyle: "none" },
  // A flex item does not shrink below its longest word: a long unbroken quote would widen the 350 px pane.
  warningText: { minWidth: 0, overflowWrap: "anywhere" },
  fix: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  fixChoices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingVerticalXS },
  // Wraps in the 350 px pane and stays a comfortable touch target (WCAG 2.2 target size).
  fixChoice: { textAlign: "left", height: "auto", minHeight: "32px", maxWidth: "100%", paddingTop: "4px", paddingBottom: "4px" },
  fixSummary: { cursor: "pointer", minHeight: "24px", display: "list-item", paddingTop: "2px", paddingBottom: "2px" },
  warnings: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  small: { color: tokens.colorNeutralForeground2 },
  // Amounts keep "€" and the number together and never push a column past the pane's edge.
  icon: { flexShrink: 0 },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: "4px",
    marginTop: tokens.spacingVerticalS,
  },
  cardOk: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  cardBad: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  cardWarn: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  cardLine: { margin: 0, display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", "& > svg": { flexShrink: 0, marginTop: "2px" } },
  finding: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  provisional: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  totals: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: "2px", alignItems: "baseline" },
});

function Section(props: { id: string; title: string; children: React.ReactNode }): React.ReactElement {
  const s = useSectionStyles();
  return (
    <section className={s.section} aria-labelledby={props.id} data-testid={props.id}>
      <h2 id={props.id} className={s.heading}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

const pct = (n: number, lang: Lang): string => `${lang === "nl" ? String(n).replace(".", ",") : String(n)}%`;

/**
 * The answer first: what is the case, what to do (with the way and the Belastingdienst page), and by when.
 * Its words come from the rules' advice (src/rules/advice.ts), the same as kor-check's and "Cijfers kopiëren".
 */
export function VerdictCard(props: { lang: Lang; summary: YearSummary; errorRows?: number }): React.ReactElement {
  const { lang, summary } = props;
  const s = useSectionStyles();
  const advice: Advice = adviceOf(summary, props.errorRows === undefined ? {} : { errorRows: props.errorRows });
  const toneClass = advice.tone === "ok" ? s.cardOk : advice.tone === "bad" ? s.cardBad : s.cardWarn;
  const icon =
    advice.tone === "ok" ? <CheckmarkCircle20Filled aria-hidden className={s.ok} /> : advice.tone === "bad" ? <DismissCircle20Filled aria-hidden className={s.bad} /> : <Warning20Filled aria-hidden className={s.warn} />;
  return (
    <section className={`${s.card} ${toneClass}`} aria-label={t(lang, S.cardLabel)} data-testid="verdict-card">
      <p className={`${s.cardLine} ${s.finding}`} data-testid="headline" role="status">
        {icon}
        <span>{t(lang, advice.finding)}</span>
      </p>
      {advice.caveat !== null && (
        <p className={`${s.cardLine} ${s.provisional}`} data-testid="caveat">
          <Warning20Filled aria-hidden />
          <span>{t(lang, advice.caveat)}</span>
        </p>
      )}
      {advice.provisional !== null && (
        <p className={`${s.cardLine} ${s.provisional}`} data-testid="provisional">
          <Warning20Filled aria-hidden />
          <span>{t(lang, advice.provisional)}</span>
        </p>
      )}
      {advice.action !== null && (
        <p className={s.cardLine} data-testid="action">
          <Text weight="semibold">{t(lang, advice.action)}</Text>
        </p>
      )}
      {advice.dueText !== null && (
        <p className={s.cardLine} data-testid="due">
          <Text>{t(lang, advice.dueText)}</Text>
        </p>
      )}
      {(advice.way !== null || advice.link !== null) && (
        <Caption1 className={s.small} data-testid="way">
          {advice.way !== null && t(lang, advice.way)}{" "}
          {advice.link !== null && (
            <Link href={advice.link.url} target="_blank" rel="noopener noreferrer" inline>
              {t(lang, advice.link.label)}
            </Link>
          )}
        </Caption1>
      )}
    </section>
  );
}

/**
 * The totals where a bookkeeper reads them, reconciled with the sheet: the turnover that counts, and the
 * rows with errors that are not in it ("3 rijen met fouten niet meegeteld (€ 720,00 en 1 onleesbaar bedrag)").
 */
export function TotalsLine(props: { lang: Lang; summary: YearSummary; reconciliation: Reconciliation }): React.ReactElement {
  const { lang, summary, reconciliation: r } = props;
  const s = useSectionStyles();
  return (
    <div className={s.section} style={{ marginTop: tokens.spacingVerticalS }} data-testid="totals">
      <div className={s.totals}>
        <Text>
          {t(lang, S.countable)}: <Text weight="semibold" className={s.amount}>{money(summary.countableCents, lang)}</Text>
        </Text>
        <Text className={s.small}>{t(lang, S.ofThreshold(pct(summary.percentOfThreshold, lang), money(summary.thresholdCents, lang)))}</Text>
      </div>
      {r.yearErrorRows > 0 && (
        <Text className={s.bad} data-testid="not-counted-rows">
          <ErrorCircle20Filled aria-hidden style={{ verticalAlign: "middle", flexShrink: 0 }} />{" "}
          {t(lang, S.notCountedRows(r.yearErrorRows, r.yearErrorCents !== 0 ? formatEuros(r.yearErrorCents, lang) : "", r.yearUnreadableAmounts))}
        </Text>
      )}
      <Caption1 className={s.small} data-testid="rows-balance">
        {t(lang, S.rowsBalance(r.sheetRows, r.read, r.inError, r.skipped))}
      </Caption1>
    </div>
  );
}

/** The key figures behind the verdict card: the amounts, the share of the limit, and why. */
export function VerdictSection(props: { lang: Lang; summary: YearSummary; previousYearSheet?: string | null }): React.ReactElement {
  const { lang, summary } = props;
  const previousSheet = props.previousYearSheet ?? null;
  const s = useSectionStyles();
  const eur = (c: number): string => money(c, lang);
  const fraction = Math.min(1, summary.percentOfThreshold / 100);
  // A crossed year stays crossed when later credit notes bring its total back under (kor-rules.md section 5):
  // never "close to" or "within" the limit beside a verdict card that says it was crossed.
  const over = summary.countableCents > summary.thresholdCents;
  const crossedBack = !over && summary.crossing !== null;
  // Before 2020 there is no limit to be within (the card says "not supported").
  const unsupported = summary.verdict === "unsupported";
  const status = unsupported ? S.statusUnsupported : over ? S.statusOver : crossedBack ? S.statusCrossed : summary.percentOfThreshold >= 90 ? S.statusNear : S.statusOk;
  const barColor = unsupported ? "warning" : over || crossedBack ? "error" : summary.percentOfThreshold >= 90 ? "warning" : "success";
  return (
    <Section id="verdict" title={t(lang, S.verdictSection)}>
      <dl className={s.figures}>
        <dt className={s.dt}>{t(lang, S.countable)}</dt>
        <dd className={s.dd} data-testid="countable">{eur(summary.countableCents)}</dd>
        <dt className={s.dt}>{t(lang, S.headroom)}</dt>
        <dd className={s.dd} data-testid="headroom">{eur(summary.headroomCents)}</dd>
        <dt className={s.dt}>{t(lang, S.notCounted)}</dt>
        <dd className={s.dd}>{eur(summary.notCountedCents)}</dd>
        {summary.previousYearCents !== null && (
          <>
            <dt className={s.dt}>
              {t(lang, S.previousYearLine(summary.year - 1))}{" "}
              <Caption1 data-testid="previous-year-basis">({t(lang, previousYearBasisOf(summary, previousSheet))})</Caption1>
            </dt>
            <dd className={s.dd} data-testid="previous-year">{eur(summary.previousYearCents)}</dd>
          </>
        )}
      </dl>
      <div>
        <ProgressBar value={fraction} max={1} thickness="large" color={barColor} aria-label={t(lang, S.progressLabel(pct(summary.percentOfThreshold, lang)))} />
        <div className={s.row}>
          <Text data-testid="percent">{t(lang, S.ofThreshold(pct(summary.percentOfThreshold, lang), eur(summary.thresholdCents)))}</Text>
          <Badge appearance="tint" color={barColor === "error" ? "danger" : barColor === "warning" ? "warning" : "success"}>
            {t(lang, status)}
          </Badge>
        </div>
      </div>
      <TextList lang={lang} items={summary.reasons} testId="reasons" />
    </Section>
  );
}

export function ChartSection(props: { lang: Lang; year: number; children: React.ReactNode }): React.ReactElement {
  return (
    <Section id="chart" title={t(props.lang, S.chartSection(props.year))}>
      {props.children}
    </Section>
  );
}

export function PeriodSection(props: { lang: Lang; summary: YearSummary }): React.ReactElement {
  const { lang, summary } = props;
  const s = useSectionStyles();
  const eur = (c: number): string => money(c, lang);
  // Short month names in the table ("jan 2026"), so the amounts keep their room at 350 px.
  const label = (p: YearSummary["periods"][number]): string =>
    summary.period === "month" ? `${S.monthShort[lang][p.index - 1]} ${summary.year}` : t(lang, p.label);
  return (
    <Section id="periods" title={t(lang, S.periodsSection[summary.period])}>
      <Table size="extra-small" aria-labelledby="periods">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, S.colPeriod)}</TableHeaderCell>
            <TableHeaderCell className={s.num}>{t(lang, S.colCountable)}</TableHeaderCell>
            <TableHeaderCell className={s.num}>{t(lang, S.colCumulative)}</TableHeaderCell>
            <TableHeaderCell>{t(lang, S.colStatus)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.periods.map((p) => (
            <TableRow key={p.index}>
              <TableCell>{label(p)}</TableCell>
              <TableCell className={`${s.num} ${s.amount}`}>{eur(p.countableCents)}</TableCell>
              <TableCell className={`${s.num} ${s.amount}`}>{eur(p.cumulativeCents)}</TableCell>
              <TableCell>
                <span className={p.status === "within" ? undefined : s.bad}>
                  {p.status !== "within" && <ErrorCircle20Filled aria-hidden style={{ verticalAlign: "middle" }} />}
                  {t(lang, S.periodStatus[p.status])}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

export function CategorySection(props: { lang: Lang; summary: YearSummary }): React.ReactElement {
  const { lang, summary } = props;
  const s = useSectionStyles();
  const groups = [
    { title: S.countedGroup, lines: summary.categories.filter((c) => c.counted), icon: <CheckmarkCircle20Filled aria-hidden className={s.ok} /> },
    { title: S.notCountedGroup, lines: summary.categories.filter((c) => !c.counted), icon: <DismissCircle20Filled aria-hidden className={s.small} /> },
  ];
  return (
    <Section id="categories" title={t(lang, S.categoriesSection)}>
      {groups.map((g) => (
        <div key={g.title.en}>
          <h3 className={s.heading} style={{ fontSize: tokens.fontSizeBase300, display: "flex", gap: 4, alignItems: "center" }}>
            {g.icon}
            {t(lang, g.title)}
          </h3>
          {g.lines.length === 0 ? (
            <Caption1>{t(lang, S.none)}</Caption1>
          ) : (
            <ul className={s.list}>
              {g.lines.map((c) => (
                <li key={String(c.category)}>
                  <div className={s.row}>
                    <Text weight="semibold">{categoryLabel(c.category, lang)}</Text>
                    <Text className={`${s.num} ${s.amount}`}>{money(c.cents, lang)}</Text>
                  </div>
                  <Caption1 className={s.small}>
                    {t(lang, S.categoryRows(c.rows))} · {t(lang, c.reason)}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Section>
  );
}

export function DeadlineSection(props: { lang: Lang; summary: YearSummary }): React.ReactElement {
  const { lang, summary } = props;
  const s = useSectionStyles();
  const d = summary.deadlines;
  const day = (x: number): string => formatDay(x, lang);
  return (
    <Section id="deadlines" title={t(lang, S.deadlinesSection)}>
      <ul className={s.list}>
        {/* Set exactly when this crossing ends (status unknown: may end) participation; not after an earlier one ended it. */}
        {summary.crossing !== null && d.reentryAfterCrossing !== null && (
          <li className={s.bad}>
            <Text weight="semibold">
              {t(lang, d.participation === "in" ? S.deregisterNow(day(summary.crossing.day)) : S.deregisterIfInKor(day(summary.crossing.day)))}
            </Text>
          </li>
        )}
        {d.participation === "in" && d.reentryAfterCrossing !== null && (
          <li>
            <Body1>{t(lang, S.reentry(day(d.reentryAfterCrossing.start), day(d.reentryAfterCrossing.deadline)))}</Body1>
          </li>
        )}
        {d.participation === "unknown" && (d.ifInKor !== null || d.reentryAfterCrossing !== null) && (
          <li data-testid="if-in-kor">
            <Body1>
              {d.ifInKor !== null
                ? t(lang, S.ifInKorReentry(day(d.ifInKor.start), day(d.ifInKor.deadline)))
                : d.reentryAfterCrossing !== null && t(lang, S.ifInKorReentry(day(d.reentryAfterCrossing.start), day(d.reentryAfterCrossing.deadline)))}
            </Body1>
          </li>
        )}
        <li data-testid="next-start">
          <Body1>
            {d.participating ? (
              t(lang, S.inKorNow)
            ) : (
              <>
                {d.participation === "unknown" && (d.ifInKor !== null || d.reentryAfterCrossing !== null) && <>{t(lang, S.ifNotInKor)} </>}
                {t(lang, S.nextStart(day(d.nextStart)))} {t(lang, S.registerBy(day(d.registrationDeadline), d.daysLeft))}
                {d.nextStartReason !== null && <> {t(lang, d.nextStartReason)}</>}
              </>
            )}
          </Body1>
        </li>
        {voluntaryExitApplies(summary) && (
          <li data-testid="exit">
            <Body1>{t(lang, S.exitBy(day(d.nextExit.start), day(d.nextExit.deadline)))}</Body1>
          </li>
        )}
      </ul>
    </Section>
  );
}

export function EuSection(props: { lang: Lang; summary: YearSummary }): React.ReactElement | null {
  const { lang, summary } = props;
  const s = useSectionStyles();
  const eu = summary.eu;
  if (eu === null) return null;
  const eur = (c: number): string => money(c, lang);
  return (
    <Section id="eu" title={t(lang, S.euSection)}>
      <div className={s.row}>
        <Text>
          {t(lang, S.unionTurnover)} ({t(lang, S.unionOf(eur(eu.unionThresholdCents)))})
        </Text>
        <Text className={s.num} data-testid="union">{eur(eu.unionCents)}</Text>
      </div>
      <Text className={eu.withinUnion ? s.ok : s.bad}>
        {eu.withinUnion ? <CheckmarkCircle20Filled aria-hidden style={{ verticalAlign: "middle" }} /> : <DismissCircle20Filled aria-hidden style={{ verticalAlign: "middle" }} />}{" "}
        {eu.unionStatusText === null ? t(lang, eu.withinUnion ? S.unionWithin : S.unionOver) : capitalize(t(lang, eu.unionStatusText))}
        {keepEuroTogether(previousUnionText(eu, lang))}
      </Text>
      {eu.crossing !== null && <Body1 className={s.bad}>{t(lang, S.euCrossing(formatDay(eu.crossing.day, lang), t(lang, eu.crossing.where), formatDay(eu.crossing.notifyBy, lang), eu.crossing.notifyWorkingDays, summary.year + 1, eu.crossing.notifyOverdue))}</Body1>}
      <Table size="extra-small" aria-label={t(lang, S.euSection)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, S.colCountry)}</TableHeaderCell>
            <TableHeaderCell className={s.num}>{t(lang, S.colPreviousYear(summary.year - 1))}</TableHeaderCell>
            <TableHeaderCell className={s.num}>{t(lang, S.colTurnover)}</TableHeaderCell>
            <TableHeaderCell className={s.num}>{t(lang, S.colThreshold)}</TableHeaderCell>
            <TableHeaderCell>{t(lang, S.colStatus)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {eu.states.map((st) => (
            <TableRow key={st.country}>
              <TableCell>{st.country}</TableCell>
              <TableCell className={s.num}>
                {st.previousCents === null ? "–" : eur(st.previousCents)}
                {st.previousCents !== null && st.previousThresholdCents !== null && st.previousThresholdCents !== st.thresholdCents && ` (≤ ${eur(st.previousThresholdCents)})`}
              </TableCell>
              <TableCell className={s.num}>{eur(st.cents)}</TableCell>
              <TableCell className={s.num}>
                {st.thresholdCents === null ? "–" : eur(st.thresholdCents)}
                {st.tolerancePercent !== null && ` (+${st.tolerancePercent}%)`}
              </TableCell>
              {/* The status text can name a crossing, the Union's and the tolerance at length: let long words break in the narrow column rather than push the table past the 350 px pane. */}
              <TableCell style={{ overflowWrap: "anywhere" }}>
                {st.withinThreshold === null ? (
                  <span className={s.warn}>
                    <Warning20Filled aria-hidden style={{ verticalAlign: "middle" }} /> {t(lang, st.statusText ?? S.stateUnknown)}
                  </span>
                ) : st.withinThreshold && (eu.withinUnion || st.country === "NL") ? (
                  // NL's line is the Dutch KOR, which the Union test does not touch (section 7): only its own test colours it.
                  t(lang, st.statusText ?? S.stateWithin)
                ) : (
                  <span className={s.bad}>{t(lang, st.statusText ?? (st.withinThreshold ? S.stateWithin : S.stateOver))}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {eu.states.some((st) => st.withinThreshold === null) && (
        <Caption1 className={s.small}>
          {t(
            lang,
            S.stateUnknownNote(
              eu.states.filter((st) => st.withinThreshold === null).map((st) => t(lang, nationalThreshold(st.country, summary.year).note)).join(" "),
              ...eu.states.filter((st) => st.withinThreshold === null).map((st) => st.country),
            ),
          )}
        </Caption1>
      )}
      <Caption1 className={s.small}>{t(lang, S.stateToleranceNote)}</Caption1>
      <h3 className={s.heading} style={{ fontSize: tokens.fontSizeBase300 }}>
        {t(lang, S.euQuarterly)}
      </h3>
      <ul className={s.list}>
        {eu.quarters.map((q) => (
          <li key={q.quarter}>
            <Body1>{t(lang, S.euQuarterDue(q.quarter, formatDay(q.due, lang)))}</Body1>
            <Caption1 className={s.small}> · {q.perState.map((p) => `${p.country} ${eur(p.cents)}`).join(" · ")}</Caption1>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const MAX_WARNINGS_SHOWN = 30;

/**
 * The choices for a category text nobody can read as one category (a bare 'vrijgesteld', a firm's own code):
 * the cell named, the likely meanings in plain words as buttons, the category codes behind a "Welke waarden?"
 * fold-out with every other category. A choice is mapped for every row with that text (the workbook's code
 * mapping); the user's cells are never changed.
 */
export function CategoryFixChoices(props: { lang: Lang; fix: CategoryFix; onFix?: (text: string, category: CategoryCode) => void }): React.ReactElement {
  const { lang, fix, onFix } = props;
  const s = useSectionStyles();
  const choose = (category: CategoryCode): void => onFix?.(fix.text, category);
  // The other categories are a control only while the fold-out is open (a closed one hides it from the keyboard).
  const [open, setOpen] = React.useState(fix.choices.length === 0);
  return (
    <div className={s.fix} data-testid="warning-fix">
      <Caption1 data-testid="warning-cell">
        <strong>{visibleControls(t(lang, fix.cell))}</strong>
      </Caption1>
      {onFix !== undefined && (
        <>
          <Caption1>{t(lang, S.fixChoose(fix.count))}</Caption1>
          {fix.choices.length > 0 && (
            <div className={s.fixChoices}>
              {fix.choices.map((c) => (
                <Button key={c.category} size="small" className={s.fixChoice} data-testid={`fix-${c.category}`} onClick={() => choose(c.category)}>
                  {t(lang, c.label)}
                </Button>
              ))}
            </div>
          )}
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary className={s.fixSummary}>
              <Caption1>{t(lang, S.fixWhichValues)}</Caption1>
            </summary>
            {fix.choices.length > 0 && (
              <>
                <Caption1>{t(lang, S.fixCodes)}</Caption1>
                <ul className={s.list}>
                  {fix.choices.map((c) => (
                    <li key={c.category}>
                      <Caption1>{`${c.category}: ${t(lang, c.label)}`}</Caption1>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {open && (
              <Select
                size="small"
                value=""
                aria-label={t(lang, S.fixOther)}
                data-testid="fix-other"
                onChange={(_, d) => {
                  if (d.value !== "") choose(d.value as CategoryCode);
                }}
              >
                <option value="">{`${t(lang, S.fixOther)}…`}</option>
                {CATEGORIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {`${c.code}: ${t(lang, c.label)}`}
                  </option>
                ))}
              </Select>
            )}
          </details>
        </>
      )}
    </div>
  );
}

export function WarningSection(props: {
  lang: Lang;
  warnings: readonly PaneWarning[];
  onFollow: (w: PaneWarning) => void;
  /** Maps a category text to a category for every row with it (see CategoryFixChoices). */
  onFix?: (text: string, category: CategoryCode) => void;
}): React.ReactElement {
  const { lang, warnings, onFollow, onFix } = props;
  const s = useSectionStyles();
  const shown = warnings.slice(0, MAX_WARNINGS_SHOWN);
  return (
    <Section id="warnings" title={`${t(lang, S.warningsSection)} (${warnings.length})`}>
      {warnings.length === 0 ? (
        <Body1>{t(lang, S.noWarnings)}</Body1>
      ) : (
        <ul className={s.warnings}>
          {shown.map((w) => (
            <li key={w.key} className={s.warning} data-testid="warning">
              {w.severity === "error" ? <ErrorCircle20Filled aria-hidden className={mergeClasses(s.bad, s.icon)} /> : <Warning20Filled aria-hidden className={mergeClasses(s.warn, s.icon)} />}
              <div className={s.warningText}>
                <Body1>
                  <strong>{t(lang, S.severity[w.severity])}:</strong> {visibleControls(t(lang, w.message))}
                </Body1>
                {w.rows.length > 0 && (
                  <div>
                    <Link as="button" onClick={() => onFollow(w)} aria-label={t(lang, S.showRowsAria(w.rows.length, w.rows.slice(0, 10).join(", ")))}>
                      {t(lang, S.showRows(w.rows.length))}
                    </Link>
                  </div>
                )}
                {/* After "Toon rij", with room between the link and the choices (WCAG 2.2 target size). */}
                {w.fixes?.map((f) => <CategoryFixChoices key={f.text} lang={lang} fix={f} onFix={onFix} />)}
              </div>
            </li>
          ))}
        </ul>
      )}
      {warnings.length > shown.length && <Caption1>{t(lang, S.moreWarnings(warnings.length - shown.length))}</Caption1>}
    </Section>
  );
}

export function ConditionsSection(props: { lang: Lang; summary: YearSummary }): React.ReactElement {
  return (
    <Section id="conditions" title={t(props.lang, S.conditionsTitle)}>
      <TextList lang={props.lang} items={props.summary.conditions} small />
    </Section>
  );
}

/** A bulleted list of texts in the user's language; `small` for fine print (conditions, assumptions). */
export function TextList(props: { lang: Lang; items: readonly Localized[]; small?: boolean; testId?: string; children?: React.ReactNode }): React.ReactElement {
  const s = useSectionStyles();
  const Text = props.small ? Caption1 : Body1;
  return (
    <ul className={s.list} data-testid={props.testId}>
      {props.items.map((item, i) => (
        <li key={i}>
          <Text>{t(props.lang, item)}</Text>
        </li>
      ))}
      {props.children}
    </ul>
  );
}
