/**
 * "Is the KOR worth it?" — the decision view. It reads the same invoices as the year report (with the
 * choices kept for that sheet), lets the user fill in what the sheet cannot know (business customers,
 * input VAT, planned investments, capital goods for the herziening) and shows the yearly money effect of
 * joining (or leaving) with every figure behind it, the assumptions, the administrative difference and the
 * deadlines. All arithmetic is in src/rules/decision.ts; all text is React text, never HTML.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Checkbox,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular, ArrowSync20Regular, ArrowTrendingDown20Filled, ArrowTrendingLines20Filled, Delete20Regular, DismissCircle20Filled, DocumentArrowUp20Regular, EqualCircle20Filled, TableSearch20Regular } from "@fluentui/react-icons";
import type { Localized } from "../../i18n/types";
import { formatEuros } from "../../rules/money";
import { formatDay } from "../../rules/dates";
import { ASSUMABLE_RATES, type AssumableRate, type PurchaseLine } from "../../rules/decision";
import { parameterOn } from "../../rules/parameters";
import { registrationDeadline } from "../../rules/periods";
import { type InvoiceSource, dateSerialOffsetOf } from "../../excel/source";
import { participationOf } from "../model";
import { useAnalysis } from "../useAnalysis";
import { TextList, useSectionStyles } from "../components/ReportSections";
import { CopyButton, PrintButton } from "../components/CopyFigures";
import { decisionFiguresText } from "../copyText";
import { DamagedFileError, EmptyFileError, readFileSource, UnsupportedFileError } from "../browser/files";
import { NotTextError, notTextMessage } from "../../reading/csv";
import { S, t } from "../strings";
import { D } from "../decision-strings";
import type { ViewProps } from "./YearReport";
import { computeDecision, initialSituation, looksLikeParticipant, purchasesFromValues, type DecisionState, type GoodInput } from "./DecisionModel";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // One column: two inputs side by side do not fit the 350 px pane.
  good: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  result: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  resultLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hiddenInput: { display: "none" },
  para: { display: "block", margin: `${tokens.spacingVerticalXS} 0` },
  table: { tableLayout: "auto" },
});

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Status = { kind: "loading" } | { kind: "ready"; source: InvoiceSource } | { kind: "empty"; sheetName: string } | { kind: "error"; message: Localized };

/**
 * What the user typed, per invoice source, for this session: the pane unmounts a view when another tab is
 * selected, and these entries are not sheet settings (host.settings holds those), so they live here.
 */
const remembered = new Map<string, { state: DecisionState; purchases: ReadPurchases | null }>();

/** A purchases list that was read: its name, its rows of the basis year, and its rows that could not be read. */
interface ReadPurchases {
  readonly name: string;
  readonly lines: PurchaseLine[];
  readonly unread: Localized | null;
  readonly unreadRows: number;
}

/** Sheets and basis years whose folded calculator (joining not possible) the user opened, for this session. */
const openFolds = new Set<string>();

let nextGoodId = 1;
const newGood = (): GoodInput => ({ id: nextGoodId++, firstUse: "", vat: "", kind: "movable" });

export function Decision({ lang, host, today }: ViewProps): React.ReactElement {
  const styles = useStyles();
  const s = useSectionStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "loading" });
  // What the user typed, for the sheet it was typed for: "Read again" on another sheet starts from that sheet's
  // own (kept, or fresh), not from the sheet before.
  const [held, setHeld] = React.useState<{ readonly key: string; readonly value: DecisionState } | null>(null);
  const [purchases, setPurchases] = React.useState<ReadPurchases | null>(null);
  const [purchaseNotice, setPurchaseNotice] = React.useState<Localized | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [foldOpen, setFoldOpen] = React.useState(false);

  const load = React.useCallback(async () => {
    setStatus({ kind: "loading" });
    try {
      const out = await host.read();
      if (out.source === null) {
        setStatus({ kind: "empty", sheetName: out.sheetName });
        return;
      }
      const kept = host.settings.get(out.source.key);
      const again = out.source.partial && kept?.columns ? (await host.read(kept.columns)).source : null;
      setStatus({ kind: "ready", source: again ?? out.source });
    } catch (e) {
      setStatus({ kind: "error", message: S.readError(errorText(e)) });
    }
  }, [host]);

  // Read once when the tab opens; not on every sheet switch, so the user can visit the purchases sheet.
  React.useEffect(() => {
    void load();
  }, [load]);

  const source = status.kind === "ready" ? status.source : null;
  const state = held !== null && source !== null && held.key === source.key ? held.value : null;
  const sheetSettings = React.useMemo(() => (source === null ? null : host.settings.get(source.key) ?? {}), [source, host]);
  // The workbook's (or opened file's) other invoice lists as the year report reads them: a crossing on another
  // sheet that ended participation, or the previous year on its own sheet, decides here too (useAnalysis). The
  // starting situation is set once, so the view waits until they are read.
  const read = useAnalysis(host, source, sheetSettings, today);
  const analysis = read.pending ? null : read.analysis;
  // The year report's participation setting (kept per business in the workbook) decides the starting situation.
  const situation = React.useMemo(
    () => (analysis === null || sheetSettings === null ? null : initialSituation(analysis, participationOf(sheetSettings, today))),
    [analysis, sheetSettings, today],
  );

  React.useEffect(() => {
    if (analysis === null || source === null) return;
    const key = source.key;
    const kept = remembered.get(key);
    if (held?.key !== key) setPurchases(kept?.purchases ?? null);
    setHeld((prev) =>
      prev !== null && prev.key === key
        ? prev
        : {
            key,
            value: kept?.state ?? {
              participant: situation?.participant ?? looksLikeParticipant(analysis),
              joined: situation?.joined ?? "",
              assumedRate: 21,
              share: null,
              inputVat: null,
              reverseVat: null,
              plannedVat: "",
              plannedYear: "",
              goods: [newGood()],
              amountsInclVat: null,
              moved: [],
              nonDeducting: [],
            },
          },
    );
  }, [analysis]);

  // The fold is remembered per sheet and basis year: another year is another question.
  const foldKey = source !== null && analysis !== null ? `${source.key}|${analysis.year}` : null;
  React.useEffect(() => {
    if (foldKey !== null) setFoldOpen(openFolds.has(foldKey));
  }, [foldKey]);

  React.useEffect(() => {
    if (state !== null && source !== null) remembered.set(source.key, { state, purchases });
  }, [state, purchases, source]);

  const figures = React.useMemo(
    () =>
      state === null || analysis === null || source === null
        ? null
        : computeDecision({
            state,
            analysis,
            source,
            today,
            lang,
            purchases: purchases?.lines ?? null,
            purchasesUnread: purchases === null ? null : { name: purchases.name, rows: purchases.unreadRows },
          }),
    [state, analysis, source, today, lang, purchases],
  );

  const usePurchases = (list: InvoiceSource, name: string): void => {
    if (analysis === null) return;
    // The list's own workbook decides its date system (a Mac workbook: 1904).
    const r = purchasesFromValues(list.values, list.rowOffset, analysis.year, dateSerialOffsetOf(list));
    if (r.kind === "error") {
      setPurchaseNotice(r.message);
      return;
    }
    setPurchaseNotice(null);
    setPurchases({ name, lines: r.lines, unread: r.unread, unreadRows: r.unreadRows });
    setHeld((prev) => (prev === null ? prev : { key: prev.key, value: { ...prev.value, inputVat: null, reverseVat: null, moved: [] } }));
  };

  const readSelection = async (): Promise<void> => {
    try {
      const out = await host.read();
      if (out.source === null) setPurchaseNotice(D.purchasesEmpty);
      else if (source !== null && out.source.key === source.key && out.source.tableName === source.tableName) setPurchaseNotice(D.purchasesAreInvoices);
      else usePurchases(out.source, out.source.tableName ?? out.source.name);
    } catch (e) {
      setPurchaseNotice(D.purchasesError(errorText(e)));
    }
  };

  const readPurchaseFile = async (file: File): Promise<void> => {
    try {
      const src = host.readFile ? await host.readFile(file, () => undefined) : await readFileSource(file);
      usePurchases(src, file.name);
    } catch (e) {
      const detail = e instanceof UnsupportedFileError ? t(lang, S.fileType) : e instanceof DamagedFileError ? t(lang, S.fileDamaged) : e instanceof EmptyFileError ? t(lang, S.fileEmpty) : e instanceof NotTextError ? t(lang, notTextMessage) : errorText(e);
      setPurchaseNotice(D.purchasesError(detail));
    }
  };

  if (status.kind === "loading" || (status.kind === "ready" && (state === null || figures === null || analysis === null))) {
    return <Spinner label={t(lang, S.loading)} />;
  }
  if (status.kind !== "ready" || state === null || figures === null || analysis === null) {
    return (
      <div>
        <MessageBar intent={status.kind === "error" ? "error" : "info"}>
          <MessageBarBody>{status.kind === "error" ? t(lang, status.message) : status.kind === "empty" ? t(lang, S.emptySheet(status.sheetName)) : ""}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button icon={<ArrowSync20Regular />} onClick={() => void load()}>
            {t(lang, S.refresh)}
          </Button>
        </div>
      </div>
    );
  }

  // The sheet's turnover cannot be known (the year report refuses it, or the year has none that counts): the
  // reason and what to do, and nothing that rests on that turnover.
  if (figures.refusal !== null) {
    return (
      <div data-testid="decision">
        <h2 className={s.heading}>{t(lang, D.title)}</h2>
        <Caption1 as="p" className={styles.para}>{t(lang, D.intro)}</Caption1>
        <MessageBar intent="warning" data-testid="decision-refused">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, figures.refusal.title)}</MessageBarTitle>
            {t(lang, figures.refusal.reason)} {t(lang, figures.refusal.todo)}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button size="small" icon={<ArrowSync20Regular />} onClick={() => void load()}>
            {t(lang, S.refresh)}
          </Button>
        </div>
      </div>
    );
  }

  const eur = (c: number): string => formatEuros(c, lang);
  const percent = (share: number): string => {
    const v = Math.round(share * 1000) / 10;
    const text = Number.isInteger(v) ? String(v) : v.toFixed(1);
    return `${lang === "nl" ? text.replace(".", ",") : text}%`;
  };
  const set = (patch: Partial<DecisionState>): void => setHeld({ key: status.source.key, value: { ...state, ...patch } });
  const setGood = (id: number, patch: Partial<GoodInput>): void => set({ goods: state.goods.map((g) => (g.id === id ? { ...g, ...patch } : g)) });
  const { decision, output, errors, dates } = figures;
  const summary = analysis.summary;
  const join = !state.participant;
  const hasAssumed = output.lines.some((l) => l.assumedCents !== 0);

  const shareHint = (): string => {
    const sh = figures.sheetShare;
    if (state.share !== null) return t(lang, D.businessShareHint);
    if (sh === null) return `${t(lang, D.businessShareNoColumn)} ${t(lang, D.businessShareHint)}`;
    if (!sh.usable) return `${t(lang, D.businessShareNotUsable(sh.header))} ${t(lang, D.businessShareHint)}`;
    const perRate = sh.byRate.filter((r) => r.share.share !== null);
    const parts = [
      perRate.length > 1
        ? t(lang, D.businessSharePerRate(sh.header, perRate.map((r) => `${r.ratePercent}%: ${percent(r.share.share ?? 0)}`).join(", ")))
        : t(lang, D.businessShareFromSheet(sh.header, `${figures.shareText.replace(/%$/, "")}%`)),
    ];
    if (sh.unknownCount > 0) parts.push(t(lang, D.businessShareUnknownRows(sh.unknownCount, sh.unknownRows.join(", "))));
    return parts.join(" ");
  };

  const p = figures.purchases;
  const investmentVat = p.investments.reduce((sum, l) => sum + (l.vatCents ?? 0), 0);
  const inputHint = (): string => {
    if (state.inputVat !== null || p.lines.length === 0) return t(lang, D.inputVatHint);
    const first = purchases !== null && p.from === "list"
      ? t(lang, D.inputFromPurchases(purchases.name, eur(p.runningVatCents), p.runningRows, analysis.year))
      : t(lang, D.inputFromPurchaseRows(eur(p.runningVatCents), p.runningRows, analysis.year));
    return [
      first,
      p.investments.length > 0 ? t(lang, D.investmentsApart(p.investments.length, eur(investmentVat))) : "",
      p.rowsWithoutVat > 0 ? t(lang, D.rowsWithoutVat(p.rowsWithoutVat)) : "",
    ].join(" ").replace(/\s+/g, " ").trim();
  };
  const reverseHint = (): string =>
    state.reverseVat == null && p.reverseChargedRows > 0
      ? `${t(lang, D.reverseFromRows(p.reverseChargedRows, eur(p.reverseChargedVatCents), p.reverseChargedAssumedRows))} ${t(lang, D.reverseVatHint)}`
      : t(lang, D.reverseVatHint);
  // The purchases the user can move: those with VAT and not reverse-charged, largest first.
  const movable = p.lines.filter((l) => !l.reverseCharged && l.vatCents !== null).sort((x, y) => y.cents - x.cents || x.row - y.row);
  const investmentRows = new Set(p.investments.map((l) => l.row));
  const shown = movable.filter((l, i) => i < 25 || investmentRows.has(l.row));
  const toggleMoved = (row: number): void => {
    const moved = new Set(state.moved ?? []);
    if (moved.has(row)) moved.delete(row);
    else moved.add(row);
    set({ moved: [...moved], inputVat: null });
  };
  const toggleNonDeducting = (key: string, on: boolean): void => {
    const keys = new Set(state.nonDeducting ?? []);
    if (on) keys.add(key);
    else keys.delete(key);
    set({ nonDeducting: [...keys] });
  };
  const notEligible = join && summary.verdict !== "eligible";
  const notPossible = notEligible || (join && dates.delay !== null);

  const resultBadge = (): { icon: React.ReactElement; label: string } => {
    if (decision === null) return { icon: <EqualCircle20Filled aria-hidden />, label: "" };
    if (decision.verdict === "not-possible") return { icon: <DismissCircle20Filled aria-hidden />, label: t(lang, D.notPossible) };
    if (decision.verdict === "must-leave") return { icon: <DismissCircle20Filled aria-hidden />, label: t(lang, D.mustLeave) };
    if (decision.netCents > 0) return { icon: <ArrowTrendingLines20Filled aria-hidden />, label: t(lang, D.gain) };
    if (decision.netCents < 0) return { icon: <ArrowTrendingDown20Filled aria-hidden />, label: t(lang, D.loss) };
    return { icon: <EqualCircle20Filled aria-hidden />, label: t(lang, D.even) };
  };
  const badge = resultBadge();
  const resultColor =
    decision === null || decision.verdict === "not-possible" || decision.verdict === "must-leave"
      ? undefined
      : decision.netCents > 0
        ? s.ok
        : decision.netCents < 0
          ? s.bad
          : undefined;

  const calculator = (
    <>
      {/* Output side */}
      <section className={s.section} aria-labelledby="decision-output">
        <h3 id="decision-output" className={s.heading}>
          {t(lang, D.outputSection)}
        </h3>
        {join && (figures.amountBasis.header !== "" || figures.amountBasis.ask) && (
          <Field
            label={t(lang, figures.amountBasis.header !== "" ? D.amountsBasis(figures.amountBasis.header) : D.amountsBasisNoHeader)}
            hint={figures.amountBasis.ask ? undefined : t(lang, D.amountsFromHeader)}
            validationState={figures.amountBasis.ask ? "warning" : "none"}
            validationMessage={figures.amountBasis.ask ? t(lang, D.amountsAsk) : undefined}
          >
            <RadioGroup
              value={figures.amountBasis.inclVat ? "incl" : "excl"}
              onChange={(_, d) => set({ amountsInclVat: d.value === "incl" })}
              data-testid="decision-amounts-basis"
            >
              <Radio value="excl" label={t(lang, D.amountsExcl)} />
              <Radio value="incl" label={t(lang, D.amountsIncl)} />
            </RadioGroup>
          </Field>
        )}
        {decision !== null && decision.perRate.length > 0 && (
          <Table size="extra-small" className={styles.table} aria-label={t(lang, D.outputTableCaption)} data-testid="decision-rates">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(lang, D.colRate)}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{t(lang, join ? D.colTurnover : D.colInvoiced)}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{t(lang, D.colVat)}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {decision.perRate.map((r) => (
                <TableRow key={r.ratePercent} data-testid={`decision-rate-${r.ratePercent}`}>
                  <TableCell>{r.ratePercent === 0 ? t(lang, D.rateZero) : t(lang, D.rate(r.ratePercent))}</TableCell>
                  <TableCell className={s.num}>{eur(r.turnoverCents)}</TableCell>
                  <TableCell className={s.num}>{eur(r.outputVatCents)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>{t(lang, D.total)}</TableCell>
                <TableCell className={s.num}>{eur(decision.turnoverCents)}</TableCell>
                <TableCell className={s.num} data-testid="decision-output-vat">
                  {eur(decision.outputVatCents)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
        {decision !== null && (
          <dl className={s.figures}>
            <dt className={s.dt}>{join ? t(lang, D.colKept) : t(lang, D.colLost)}</dt>
            <dd className={s.dd} data-testid="decision-kept">
              {eur(decision.keptCents)}
            </dd>
          </dl>
        )}
        {hasAssumed && (
          <Field label={t(lang, D.assumedRate)}>
            <Select value={String(state.assumedRate)} onChange={(_, d) => set({ assumedRate: Number(d.value) as AssumableRate })} data-testid="decision-assumed-rate">
              {ASSUMABLE_RATES.map((r) => (
                <option key={r} value={String(r)}>
                  {r}%
                </option>
              ))}
            </Select>
          </Field>
        )}
        {output.notes.map((n, i) => (
          <Caption1 as="p" className={styles.para} key={i}>{t(lang, n)}</Caption1>
        ))}
        <Field
          label={t(lang, D.businessShare)}
          hint={shareHint()}
          validationState={errors.share ? "error" : "none"}
          validationMessage={errors.share ? t(lang, errors.share) : undefined}
        >
          <Input value={figures.shareText} inputMode="decimal" contentAfter="%" onChange={(_, d) => set({ share: d.value })} data-testid="decision-share" />
        </Field>
        {figures.sheetShare?.usable === true && (figures.sheetShare.businessCustomers.length > 0 || (state.nonDeducting ?? []).length > 0) && (
          <div role="group" aria-labelledby="decision-non-deducting" data-testid="decision-non-deducting">
            <h4 id="decision-non-deducting" className={s.heading}>{t(lang, D.nonDeductingTitle)}</h4>
            <Caption1 as="p" className={styles.para}>{t(lang, D.nonDeductingHint)}</Caption1>
            {[
              ...(state.nonDeducting ?? []).map((key) => ({ key, text: key, cents: null as number | null })),
              ...figures.sheetShare.businessCustomers.map((c) => ({ key: c.key, text: c.text, cents: c.cents as number | null })),
            ].map((c) => (
              <Checkbox
                key={c.key}
                checked={(state.nonDeducting ?? []).includes(c.key)}
                onChange={(_, d) => toggleNonDeducting(c.key, d.checked === true)}
                label={c.cents === null ? c.text : `${c.text} (${eur(c.cents)})`}
              />
            ))}
          </div>
        )}
      </section>

      {/* Input side */}
      <section className={s.section} aria-labelledby="decision-input">
        <h3 id="decision-input" className={s.heading}>
          {t(lang, D.inputSection)}
        </h3>
        <div className={styles.fields}>
          <Field
            label={t(lang, D.inputVat)}
            hint={inputHint()}
            validationState={errors.inputVat ? "error" : "none"}
            validationMessage={errors.inputVat ? t(lang, errors.inputVat) : undefined}
          >
            <Input value={figures.inputVatText} inputMode="decimal" contentBefore="€" onChange={(_, d) => set({ inputVat: d.value })} data-testid="decision-input-vat" />
          </Field>
          {host.excel !== null ? (
            <div>
              <Button size="small" icon={<TableSearch20Regular />} onClick={() => void readSelection()} data-testid="decision-read-purchases">
                {t(lang, D.readSelection)}
              </Button>
              <Caption1 as="p" className={styles.para}>{t(lang, D.readSelectionHint)}</Caption1>
            </div>
          ) : (
            <div>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,.csv"
                className={styles.hiddenInput}
                aria-label={t(lang, D.readFile)}
                data-testid="decision-purchases-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = "";
                  if (f) void readPurchaseFile(f);
                }}
              />
              <Button size="small" icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()}>
                {t(lang, D.readFile)}
              </Button>
            </div>
          )}
          {purchases !== null && purchases.unread !== null && state.inputVat === null && (
            <MessageBar intent="warning" data-testid="decision-purchases-unread">
              <MessageBarBody>{t(lang, purchases.unread)}</MessageBarBody>
            </MessageBar>
          )}
          {purchaseNotice !== null && (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>{t(lang, purchaseNotice)}</MessageBarBody>
            </MessageBar>
          )}
          {shown.length > 0 && (
            <div role="group" aria-labelledby="decision-purchases-title" data-testid="decision-purchases">
              <h4 id="decision-purchases-title" className={s.heading}>{t(lang, D.purchasesTitle)}</h4>
              <Caption1 as="p" className={styles.para}>{t(lang, D.purchasesHint(eur(parameterOn("investment-minimum", today))))}</Caption1>
              {shown.map((l) => (
                <Checkbox
                  key={l.row}
                  checked={investmentRows.has(l.row)}
                  onChange={() => toggleMoved(l.row)}
                  data-testid={`decision-purchase-${l.row}`}
                  label={`${t(lang, D.investment)}: ${t(lang, D.purchaseRow(l.row, formatDay(l.day, lang), l.text, eur(l.cents), eur(l.vatCents ?? 0)))}`}
                />
              ))}
              {movable.length > shown.length && <Caption1 as="p" className={styles.para}>{t(lang, D.moreRows(movable.length - shown.length))}</Caption1>}
            </div>
          )}
          <Field
            label={t(lang, D.reverseVat)}
            hint={reverseHint()}
            validationState={errors.reverseVat ? "error" : "none"}
            validationMessage={errors.reverseVat ? t(lang, errors.reverseVat) : undefined}
          >
            <Input value={figures.reverseVatText} inputMode="decimal" contentBefore="€" onChange={(_, d) => set({ reverseVat: d.value })} data-testid="decision-reverse-vat" />
          </Field>
          <Field
            label={t(lang, D.plannedVat)}
            hint={t(lang, D.plannedVatHint)}
            validationState={errors.plannedVat ? "error" : "none"}
            validationMessage={errors.plannedVat ? t(lang, errors.plannedVat) : undefined}
          >
            <Input value={state.plannedVat} inputMode="decimal" contentBefore="€" onChange={(_, d) => set({ plannedVat: d.value })} data-testid="decision-planned-vat" />
          </Field>
          {state.plannedVat.trim() !== "" && (
            <Field
              label={t(lang, D.plannedYear)}
              validationState={errors.plannedYear ? "error" : "none"}
              validationMessage={errors.plannedYear ? t(lang, errors.plannedYear) : undefined}
            >
              <Input value={figures.plannedYearText} inputMode="numeric" onChange={(_, d) => set({ plannedYear: d.value })} data-testid="decision-planned-year" />
            </Field>
          )}
        </div>
      </section>

      {/* Herziening */}
      <section className={s.section} aria-labelledby="decision-revision">
        <h3 id="decision-revision" className={s.heading}>
          {t(lang, D.revisionSection)}
        </h3>
        {!join ? (
          <Body1>{t(lang, D.revisionLeave)}</Body1>
        ) : (
          <>
            <Caption1 as="p" className={styles.para}>{t(lang, D.revisionIntro)}</Caption1>
            <div className={styles.fields} role="group" aria-label={t(lang, D.revisionTableCaption)}>
              {state.goods.map((g, i) => {
                const ge = errors.goods[g.id] ?? {};
                return (
                  <fieldset key={g.id} className={styles.good} data-testid="decision-good">
                    <legend className={styles.legend}>{t(lang, D.goodNumber(i + 1))}</legend>
                    <Field
                      label={t(lang, D.goodFirstUse)}
                      validationState={ge.firstUse ? "error" : "none"}
                      validationMessage={ge.firstUse ? t(lang, ge.firstUse) : undefined}
                    >
                      <Input value={g.firstUse} onChange={(_, d) => setGood(g.id, { firstUse: d.value })} data-testid="decision-good-date" />
                    </Field>
                    <Field label={t(lang, D.goodVat)} validationState={ge.vat ? "error" : "none"} validationMessage={ge.vat ? t(lang, ge.vat) : undefined}>
                      <Input value={g.vat} inputMode="decimal" onChange={(_, d) => setGood(g.id, { vat: d.value })} data-testid="decision-good-vat" />
                    </Field>
                    <Field label={t(lang, D.goodKind)}>
                      <Select value={g.kind} onChange={(_, d) => setGood(g.id, { kind: d.value === "real-estate" ? "real-estate" : "movable" })} data-testid="decision-good-kind">
                        <option value="movable">{t(lang, D.movable)}</option>
                        <option value="real-estate">{t(lang, D.realEstate)}</option>
                      </Select>
                    </Field>
                    <div>
                      <Button size="small" icon={<Delete20Regular />} onClick={() => set({ goods: state.goods.filter((x) => x.id !== g.id) })} aria-label={t(lang, D.removeGood(i + 1))}>
                        {t(lang, D.removeGood(i + 1))}
                      </Button>
                    </div>
                  </fieldset>
                );
              })}
            </div>
            <div className={styles.actions}>
              <Button size="small" icon={<Add20Regular />} onClick={() => set({ goods: [...state.goods, newGood()] })} data-testid="decision-add-good">
                {t(lang, D.addGood)}
              </Button>
            </div>
            {figures.schedule.length === 0 ? (
              <Caption1>{t(lang, D.revisionNone)}</Caption1>
            ) : (
              <>
                <Caption1>{t(lang, D.revisionKorStart(formatDay(dates.start, lang)))}</Caption1>
                <Table size="extra-small" aria-label={t(lang, D.revisionScheduleCaption)} data-testid="decision-revision">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t(lang, D.colYear)}</TableHeaderCell>
                      <TableHeaderCell className={s.num}>{t(lang, D.colDue)}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {figures.schedule.map((y) => {
                      const estimated = figures.revisionMethod?.estimatedCents.get(y.year) ?? 0;
                      return (
                        <TableRow key={y.year}>
                          <TableCell>{y.year}</TableCell>
                          <TableCell className={s.num}>
                            {y.belowMinimum && y.totalCents === 0 ? t(lang, D.belowMinimum) : eur(y.totalCents)}
                            {estimated !== 0 && <> {t(lang, D.revisionEstimate)}</>}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
                {figures.revisionMethod !== null && (
                  <div data-testid="decision-revision-method">
                    <Caption1 as="p" className={styles.para}>{t(lang, figures.revisionMethod.general)}</Caption1>
                    {figures.revisionMethod.notes.map((n, i) => (
                      <Caption1 as="p" key={i} className={styles.para}>{t(lang, n)}</Caption1>
                    ))}
                  </div>
                )}
              </>
            )}
          </>
        )}
      </section>

      {/* Result */}
      <section className={s.section} aria-labelledby="decision-result">
        <h3 id="decision-result" className={s.heading}>
          {t(lang, D.resultSection)}
        </h3>
        {decision === null ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t(lang, D.fixInputs)}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <div className={styles.result} data-testid="decision-result">
              <Caption1>{join ? t(lang, D.resultJoin) : t(lang, D.resultLeave)}</Caption1>
              {/* Said again beside the figure: the bar at the top may be far above it. */}
              {figures.provisional !== null && <Body1 className={s.warn} data-testid="decision-result-provisional">{t(lang, figures.provisional)}</Body1>}
              <p className={`${styles.resultLine} ${resultColor ?? ""}`}>
                {badge.icon}
                <span data-testid="decision-verdict">{badge.label}</span>
                <span data-testid="decision-net">{eur(Math.abs(decision.netCents))}</span>
                <span>{t(lang, D.perYear)}</span>
              </p>
              <Body1 data-testid="decision-headline">{t(lang, decision.headline)}</Body1>
              <Body1 data-testid="decision-break-even">{t(lang, decision.breakEven)}</Body1>
            </div>

            <h4 className={s.heading}>{t(lang, D.oneOffTitle)}</h4>
            {decision.oneOffs.length === 0 ? (
              <Caption1 as="p" className={styles.para} data-testid="decision-one-offs">{t(lang, D.noOneOffs)}</Caption1>
            ) : (
              <Table size="extra-small" className={styles.table} aria-label={t(lang, D.oneOffCaption)} data-testid="decision-one-offs">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t(lang, D.colYear)}</TableHeaderCell>
                    <TableHeaderCell>{t(lang, D.colWhat)}</TableHeaderCell>
                    <TableHeaderCell className={s.num}>{t(lang, D.colAmount)}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {decision.oneOffs.map((o, i) => (
                    <TableRow key={i}>
                      <TableCell>{o.year ?? t(lang, D.yearUnknown)}</TableCell>
                      <TableCell>{t(lang, o.label)}</TableCell>
                      <TableCell className={s.num}>{eur(o.cents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}

            <h4 className={s.heading}>{t(lang, D.whyTitle)}</h4>
            <TextList lang={lang} items={decision.reasons} testId="decision-reasons" />

            <h4 className={s.heading}>{t(lang, D.adminTitle)}</h4>
            <TextList lang={lang} items={decision.administration} testId="decision-admin" />

            <h4 className={s.heading}>{t(lang, D.deadlinesTitle)}</h4>
            <TextList lang={lang} items={join && summary.verdict !== "eligible" ? [...dates.text, D.eligibilityNote] : dates.text} testId="decision-deadlines" />

            <h4 className={s.heading}>{t(lang, D.assumptionsTitle)}</h4>
            <TextList lang={lang} items={decision.assumptions} small testId="decision-assumptions" />
          </>
        )}
      </section>
    </>
  );

  return (
    <div data-testid="decision">
      <h2 className={s.heading}>{t(lang, D.title)}</h2>
      <Caption1 as="p" className={styles.para}>{t(lang, D.intro)}</Caption1>
      <Body1 as="p" className={styles.para} data-testid="decision-basis">
        {t(lang, join ? D.basis(analysis.year, eur(summary.countableCents)) : D.basisParticipant(analysis.year, eur(summary.countableCents)))}
      </Body1>
      {figures.provisional !== null && (
        <MessageBar intent="warning" data-testid="decision-provisional">
          <MessageBarBody>{t(lang, figures.provisional)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button size="small" icon={<ArrowSync20Regular />} onClick={() => void load()}>
          {t(lang, S.refresh)}
        </Button>
        {decision !== null && (
          <CopyButton
            lang={lang}
            text={() =>
              decisionFiguresText(lang, {
                sourceName: status.kind === "ready" ? status.source.name : "",
                today,
                question: join ? D.resultJoin : D.resultLeave,
                result: `${badge.label} ${formatEuros(Math.abs(decision.netCents), lang)} ${t(lang, D.perYear)}`,
                provisional: figures.provisional,
                headline: decision.headline,
                breakEven: decision.breakEven,
                oneOffs: decision.oneOffs,
                reasons: decision.reasons,
                deadlines: join && summary.verdict !== "eligible" ? [...dates.text, D.eligibilityNote] : dates.text,
              })
            }
          />
        )}
        {host.mode === "browser" && <PrintButton lang={lang} />}
      </div>

      {/* Situation */}
      <section className={s.section} aria-labelledby="decision-situation">
        <h3 id="decision-situation" className={s.heading}>
          {t(lang, D.situation)}
        </h3>
        <RadioGroup
          value={state.participant ? "inside" : "outside"}
          onChange={(_, d) => set({ participant: d.value === "inside" })}
          aria-labelledby="decision-situation"
          data-testid="decision-situation"
        >
          <Radio value="outside" label={t(lang, D.outside)} />
          <Radio value="inside" label={t(lang, D.inside)} />
        </RadioGroup>
        {situation?.fromSetting === true && (
          <Caption1 as="p" className={styles.para} data-testid="decision-situation-source">
            {t(lang, D.situationFromSetting)}
            {situation.outsideWhy !== undefined && <> {t(lang, situation.outsideWhy)}</>}
          </Caption1>
        )}
        {state.participant && (
          <Field
            label={t(lang, D.joinedSince)}
            hint={t(lang, D.joinedHint)}
            validationState={errors.joined ? "error" : "none"}
            validationMessage={errors.joined ? t(lang, errors.joined) : undefined}
          >
            <Input value={state.joined} onChange={(_, d) => set({ joined: d.value })} data-testid="decision-joined" />
          </Field>
        )}
      </section>

      {notPossible && (
        <MessageBar intent="error" data-testid="decision-not-possible">
          <MessageBarBody>
            {notEligible
              ? t(lang, D.notPossibleFirst(analysis.year, formatDay(dates.start, lang), formatDay(registrationDeadline(dates.start), lang)))
              : t(lang, D.notPossibleYet(formatDay(dates.start, lang), formatDay(registrationDeadline(dates.start), lang)))}
            {dates.delay !== null && ` ${t(lang, dates.delay)}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {notPossible ? (
        <Accordion
          collapsible
          openItems={foldOpen ? ["calculator"] : []}
          onToggle={(_, d) => {
            const open = d.openItems.includes("calculator");
            const key = `${status.source.key}|${analysis.year}`;
            if (open) openFolds.add(key);
            else openFolds.delete(key);
            setFoldOpen(open);
          }}
          data-testid="decision-fold"
        >
          <AccordionItem value="calculator">
            <AccordionHeader>{t(lang, D.foldCalculator)}</AccordionHeader>
            <AccordionPanel>{calculator}</AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : (
        calculator
      )}
    </div>
  );
}
