/**
 * The year report view: finds the invoices (Excel: selected table or active sheet; browser: sample or an
 * opened file), lets the user check the columns, year, filing period and previous year's turnover, and
 * renders the YearSummary of src/rules/summary.ts with its warnings. Choices are kept per sheet in the
 * document (host.settings), never in the user's cells.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, ArrowSync20Regular, DocumentArrowUp20Regular, Settings20Regular, TableSimple20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import type { Lang, Localized } from "../../i18n/types";
import { dayFromExcelSerial, dayFromYmd, formatDay, type Day } from "../../rules/dates";
import type { CategoryCode, FilingPeriod } from "../../rules/types";
import { AMOUNT_COLUMN_REFUSALS } from "../../reading/headers";
import { CATEGORIES } from "../../rules/categories";
import { NEW_KOR_RULES_YEAR } from "../../rules/parameters";
import { formatEuros } from "../../rules/money";
import { INVOICE_ROLES, type InvoiceRole, type InvoiceSource, dateSerialOffsetOf } from "../../excel/source";
import { inKorSinceDay, parseEurosInput, previousYearGiven, provisionalRows, withCodeMapped, withPreviousYear, type PaneWarning, type SheetSettings } from "../model";
import { checkKorSince } from "../../rules/participation";
import type { PaneHost } from "../host";
import type { PaneNavigation } from "../navigation";
import { S, t } from "../strings";
import { CumulativeChart } from "../components/CumulativeChart";
import {
  CategorySection,
  ChartSection,
  ConditionsSection,
  DeadlineSection,
  EuSection,
  PeriodSection,
  TotalsLine,
  VerdictCard,
  VerdictSection,
  WarningSection,
  money,
  useSectionStyles,
} from "../components/ReportSections";
import { CopyFigures, PrintButton } from "../components/CopyFigures";
import { useAnalysis } from "../useAnalysis";
import { DamagedFileError, EmptyFileError, UnsupportedFileError, readFileSource, sampleSource, type FileProgress } from "../browser/files";
import { XafError } from "../../reading/xaf";
import { TooLargeError, tooLargeMessage } from "../../reading/limits";
import { NotTextError, notTextMessage } from "../../reading/csv";
import { cellText } from "../../reading/cells";
import { visibleControls } from "../../i18n/safeText";
import { SAMPLE_FILE_NAME } from "../browser/sample";

export interface ViewProps {
  readonly lang: Lang;
  readonly host: PaneHost;
  /** Today in the Netherlands (todayInNetherlands()), passed in so views never read the clock. */
  readonly today: Day;
  /** Switching to another view (e.g. the year report of a sheet chosen in the overview). */
  readonly navigation: PaneNavigation;
}

const useStyles = makeStyles({
  controls: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  full: { gridColumn: "1 / -1" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  // Outside Excel: the caption and the file buttons on one line.
  browserBar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  settingsPanel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pickers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // An icon-only link has no text for Fluent's focus underline: draw a ring so keyboard focus stays visible.
  iconLink: { ":focus-visible": { outlineStyle: "solid", outlineWidth: "2px", outlineColor: tokens.colorStrokeFocus2, borderRadius: tokens.borderRadiusSmall } },
  // A client's code can be one long unbroken word: it wraps instead of widening the 350 px pane.
  codes: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, "& label": { overflowWrap: "anywhere", minWidth: 0 }, "& > *, & .fui-Select, & select": { minWidth: 0, maxWidth: "100%" } },
  preview: { marginTop: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Only the table scrolls sideways, so the heading keeps its place when the marked cell is scrolled into view.
  previewScroll: { overflowX: "auto", maxWidth: "100%" },
  previewTable: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200, "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", whiteSpace: "nowrap", textAlign: "left" } },
  // The row number stays at the left edge while the table scrolls to a cell on the right.
  previewRowHead: { position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  marked: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: "-2px",
    fontWeight: tokens.fontWeightSemibold,
  },
  hiddenInput: { display: "none" },
  sourceLine: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", color: tokens.colorNeutralForeground2 },
});

/** Quiet pause after the last edit before the report is refreshed. */
const CHANGE_DELAY_MS = 800;

type Status =
  /** `progress`: a file the user opened is being read (browser mode). */
  | { kind: "loading"; progress?: FileProgress }
  | { kind: "ready" }
  | { kind: "empty"; sheetName: string }
  | { kind: "addin-sheet"; sheetName: string }
  | { kind: "error"; message: Localized };

function sourceText(source: InvoiceSource): Localized {
  if (source.origin === "sample") return S.sourceSample;
  if (source.origin === "file") return S.sourceFile(source.name);
  if (source.origin === "table" && source.tableName !== null) return S.sourceTable(source.tableName, source.name);
  return S.sourceSheet(source.name);
}

/**
 * A cell of the row preview as the user would see it in Excel (date serials as dates). `dateSerialOffset`: the
 * source's (dateSerialOffsetOf), so a 1904 workbook's serial shows its own day. Anything else as the problems
 * name it (cellText): a formula the Open file found without a calculated value as "=B2*2", not "[object Object]";
 * control and direction characters as visible escapes (visibleControls).
 */
export function previewCell(v: unknown, isDate: boolean, lang: Lang, dateSerialOffset: number): string {
  if (v instanceof Date) return formatDay(dayFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()), lang);
  if (isDate && typeof v === "number") {
    const d = dayFromExcelSerial(v + dateSerialOffset);
    if (d !== null) return formatDay(d, lang);
  }
  // A cell's direction overrides and control characters are shown, not obeyed (U+202E would reverse the row).
  return visibleControls(typeof v === "object" && v !== null ? cellText(v) : String(v ?? ""));
}

/** `cells` with empty strings added up to `width`. */
function padded(cells: readonly unknown[], width: number): readonly unknown[] {
  return cells.length >= width ? cells : [...cells, ...new Array<string>(width - cells.length).fill("")];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function YearReport({ lang, host, today }: ViewProps): React.ReactElement {
  const styles = useStyles();
  const sectionStyles = useSectionStyles();
  const [source, setSource] = React.useState<InvoiceSource | null>(null);
  const [settings, setSettings] = React.useState<SheetSettings>({});
  const [status, setStatus] = React.useState<Status>({ kind: "loading" });
  // `replace`: the report sheet was edited outside the report; the notice asks before it is cleared.
  const [notice, setNotice] = React.useState<{ intent: "success" | "error" | "warning"; text: Localized; replace?: boolean } | null>(null);
  // "Toon rij" outside Excel: the rows, and the column whose cells are highlighted (null: whole rows).
  const [preview, setPreview] = React.useState<{ rows: readonly number[]; column: number | null } | null>(null);
  const previewCellRef = React.useRef<HTMLTableCellElement>(null);
  const [previousText, setPreviousText] = React.useState("");
  /** Counts the times a sheet was read and shown: the previous-year field is set again each time. */
  const [shown, setShown] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  // The Open file button: the spinner replaces the view while a file is read, which takes the focus away, so
  // it is given back to this button once the file is shown or refused (keyboard and screen-reader users).
  const openButton = React.useRef<HTMLButtonElement>(null);
  const refocusOpen = React.useRef(false);
  const previewHeading = React.useRef<HTMLHeadingElement>(null);
  const followedFrom = React.useRef<HTMLElement | null>(null);

  // Read through a ref so that switching the language does not re-read the workbook.
  const langRef = React.useRef(lang);
  langRef.current = lang;

  const show = React.useCallback(
    (next: InvoiceSource) => {
      const kept = host.settings.get(next.key) ?? {};
      setSettings(kept);
      setSource(next);
      setShown((n) => n + 1);
      setPreview(null);
      setStatus({ kind: "ready" });
    },
    [host],
  );

  const sourceRef = React.useRef<InvoiceSource | null>(null);
  sourceRef.current = source;

  // The workbook's other invoice lists (read below) are read again only when they may have changed: on a full
  // read (opening, another sheet, "Read again"), after an edit on another sheet, or when a sheet was added,
  // deleted or renamed. Not after each edit on the report's own sheet: typing there would re-read every other
  // sheet of a workbook with a sheet per year at each pause.
  const [othersStamp, setOthersStamp] = React.useState(0);
  const othersChanged = React.useRef(false);

  /**
   * Reads the invoices. `quiet`: after an edit in the workbook, refresh without a spinner and keep the
   * user's place (same sheet: only the data changes).
   */
  const load = React.useCallback(
    async (quiet = false) => {
      if (!quiet) {
        setStatus({ kind: "loading" });
        setNotice(null);
      }
      try {
        const out = await host.read();
        if (out.addinSheet) {
          // The user is looking at a report this add-in wrote: keep showing the invoices it was made from.
          setStatus(sourceRef.current !== null ? { kind: "ready" } : { kind: "addin-sheet", sheetName: out.sheetName });
          return;
        }
        if (out.source === null) {
          setSource(null);
          setStatus({ kind: "empty", sheetName: out.sheetName });
          return;
        }
        const kept = host.settings.get(out.source.key);
        // A large sheet is read column by column: read again when the user chose other columns than detected.
        const again = out.source.partial && kept?.columns ? (await host.read(kept.columns)).source : null;
        const next = again ?? out.source;
        if (quiet && sourceRef.current?.key === next.key) setSource(next);
        else show(next);
        if (!quiet || othersChanged.current) {
          othersChanged.current = false;
          setOthersStamp((n) => n + 1);
        }
      } catch (e) {
        if (quiet) setNotice({ intent: "error", text: S.readError(errorText(e)) });
        else setStatus({ kind: "error", message: S.readError(errorText(e)) });
      }
    },
    [host, show],
  );

  React.useEffect(() => {
    void load();
    if (host.excel === null) return undefined;
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    host.excel
      .onWorkbookEvent((event, sheetId) => {
        if (event === "sheets") {
          setOthersStamp((n) => n + 1);
          return;
        }
        clearTimeout(timer);
        if (event === "changed") {
          // Noted now, not when the timer fires: a later edit on the own sheet must not hide this one.
          if (sheetId === undefined || sheetId !== sourceRef.current?.key) othersChanged.current = true;
          // Typing fires a change per cell: wait until the edits pause, then refresh quietly.
          timer = setTimeout(() => void load(true), CHANGE_DELAY_MS);
        } else void load();
      })
      .then((u) => (cancelled ? u() : (unsubscribe = u)))
      .catch(() => undefined); // events are a convenience; "Read again" always works
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
    };
  }, [host, load]);

  // The workbook's (or opened file's) other invoice lists: see useAnalysis.
  const { analysis } = useAnalysis(host, source, settings, today, othersStamp);
  const reportYear = analysis?.year ?? null;
  const sourceKey = source?.key ?? null;
  // The previous-year field shows the figure typed for this report's year (SheetSettings.previousYears): one
  // typed for another year of the sheet is kept, but neither shown nor used here. Set when the sheet is read
  // (again), the year changes, or the language does (written as that language writes amounts: "25,000.00" in the
  // Dutch pane reads as 25 euros to a Dutch eye, though the field reads it either way).
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  React.useEffect(() => {
    const given = reportYear === null ? null : previousYearGiven(settingsRef.current, reportYear);
    setPreviousText(given !== null ? formatEuros(given, langRef.current).replace(/^€\s?/, "") : "");
  }, [sourceKey, reportYear, shown, lang]);

  const update = (patch: Partial<SheetSettings>): void => {
    if (source === null) return;
    const next = { ...settings, ...patch };
    setSettings(next);
    void host.settings.set(source.key, next).catch(() => undefined);
    if (patch.columns && source.partial) {
      void host.read(next.columns).then((out) => out.source && setSource(out.source));
    }
  };

  const follow = (w: PaneWarning): void => {
    if (source === null || analysis === null) return;
    if (host.excel !== null) {
      // The offending cells when the warning names a column (Excel scrolls to them), else the whole rows.
      const width = source.values.reduce((m, r) => Math.max(m, r.length), 0);
      const done = w.column !== undefined ? host.excel.selectRows(source, w.rows, 1, w.column) : host.excel.selectRows(source, w.rows, width);
      done.catch((e) => setNotice({ intent: "error", text: S.readError(errorText(e)) }));
    } else {
      followedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setPreview({ rows: w.rows, column: w.column ?? null });
      // Move focus to the rows, as selecting them in Excel would, then bring the offending cell into view:
      // the table scrolls sideways within the pane, so a cell far to the right is not hidden.
      requestAnimationFrame(() => {
        previewHeading.current?.focus();
        previewCellRef.current?.scrollIntoView({ block: "nearest", inline: "center" });
      });
    }
  };

  React.useEffect(() => {
    if (status.kind === "loading" || !refocusOpen.current) return;
    refocusOpen.current = false;
    openButton.current?.focus();
  }, [status]);

  const openFile = async (file: File): Promise<void> => {
    refocusOpen.current = true;
    setStatus({ kind: "loading" });
    setNotice(null);
    try {
      const progress = (p: FileProgress): void => setStatus({ kind: "loading", progress: p });
      const opened = host.readFile ? await host.readFile(file, progress) : await readFileSource(file);
      host.open?.(opened);
      show(opened);
    } catch (e) {
      setStatus({ kind: "ready" });
      const detail =
        e instanceof UnsupportedFileError
          ? t(lang, S.fileType)
          : e instanceof XafError
            ? t(lang, e.reason)
            : e instanceof TooLargeError
              ? t(lang, tooLargeMessage(e))
              : e instanceof DamagedFileError
                ? t(lang, S.fileDamaged)
                : e instanceof EmptyFileError
                  ? t(lang, S.fileEmpty)
                : e instanceof NotTextError
                  ? t(lang, notTextMessage)
                : e instanceof Error && e.message === "no-sheet"
                  ? t(lang, S.fileNoSheet)
                  : errorText(e);
      setNotice({ intent: "error", text: S.fileError(visibleControls(file.name), detail) });
    }
  };

  const writeReport = async (replaceEdited = false): Promise<void> => {
    if (host.excel === null || analysis === null || source === null) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = await host.excel.writeReport(analysis.summary, lang, source.name, { replaceEdited, previousYearSheet: analysis.previousYearSheet });
      setNotice(
        result.kind === "written"
          ? { intent: "success", text: S.written(result.sheetName) }
          : result.kind === "edited"
            ? { intent: "warning", text: S.edited(result.sheetName), replace: true }
            : { intent: "warning", text: S.refused(result.sheetName) },
      );
    } catch (e) {
      setNotice({ intent: "error", text: S.writeFailed(errorText(e)) });
    } finally {
      setBusy(false);
    }
  };

  const browserControls =
    host.mode === "browser" ? (
      <div className={styles.browserBar} data-testid="browser-bar" data-no-print>
        <Caption1 title={t(lang, S.browserMode)}>{t(lang, S.browserModeShort)}</Caption1>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.csv,.txt,.xaf,.xml"
          className={styles.hiddenInput}
          data-testid="file-input"
          aria-label={t(lang, S.openFile)}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void openFile(f);
          }}
        />
        <Button ref={openButton} size="small" appearance="subtle" icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()} title={t(lang, S.openFile)} data-testid="open-file">
          {t(lang, S.openFileShort)}
        </Button>
        {source?.origin !== "sample" && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              const sample = sampleSource();
              host.open?.(sample);
              show(sample);
            }}
          >
            {t(lang, S.useSample)}
          </Button>
        )}
        <Link className={styles.iconLink} href={`assets/${SAMPLE_FILE_NAME}`} download={SAMPLE_FILE_NAME} title={t(lang, S.downloadSample)} aria-label={t(lang, S.downloadSample)}>
          <ArrowDownload20Regular aria-hidden style={{ verticalAlign: "middle" }} />
        </Link>
      </div>
    ) : (
      <div className={styles.actions}>
        <Button icon={<ArrowSync20Regular />} onClick={() => void load()}>
          {t(lang, S.refresh)}
        </Button>
      </div>
    );

  const noticeBar = notice && (
    <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{t(lang, notice.text)}</MessageBarBody>
      {notice.replace === true && (
        <MessageBarActions>
          <Button onClick={() => void writeReport(true)}>{t(lang, S.replaceSheet)}</Button>
          <Button onClick={() => setNotice(null)}>{t(lang, S.keepSheet)}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );

  if (status.kind === "loading") {
    if (status.progress === undefined) return <Spinner label={t(lang, S.loading)} />;
    return (
      <div role="status" aria-live="polite" data-testid="read-progress">
        <Spinner label={t(lang, status.progress.phase === "unpacking" ? S.fileUnpacking : S.fileRowsRead(status.progress.rows, status.progress.sheet))} />
      </div>
    );
  }
  if (status.kind === "error" || status.kind === "empty" || status.kind === "addin-sheet" || source === null || analysis === null) {
    return (
      <div>
        {noticeBar}
        <MessageBar intent={status.kind === "error" ? "error" : "info"}>
          <MessageBarBody>
            {status.kind === "error"
              ? t(lang, status.message)
              : status.kind === "empty"
                ? t(lang, S.emptySheet(status.sheetName))
                : status.kind === "addin-sheet"
                  ? t(lang, S.addinSheet(status.sheetName))
                  : t(lang, S.loading)}
          </MessageBarBody>
        </MessageBar>
        {browserControls}
      </div>
    );
  }

  const { summary } = analysis;
  const wholeTableProblem = analysis.wholeTableProblem;
  const missingColumns = analysis.columns.date === undefined || analysis.columns.amount === undefined;

  const columnPickers = (
    <Accordion collapsible defaultOpenItems={missingColumns ? ["columns"] : []}>
      <AccordionItem value="columns">
        <AccordionHeader icon={<TableSimple20Regular />}>{t(lang, S.columnsSection)}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.pickers}>
            <Caption1>{t(lang, S.columnsHint)}</Caption1>
            {INVOICE_ROLES.map((role: InvoiceRole) => {
              const current = analysis.columns[role];
              return (
                <Field key={role} label={t(lang, S.role[role])}>
                  <Select
                    value={current === undefined ? "" : String(current)}
                    data-testid={`column-${role}`}
                    onChange={(_, d) => update({ columns: { ...settings.columns, [role]: d.value === "" ? null : Number(d.value) } })}
                  >
                    <option value="">{t(lang, S.columnNone)}</option>
                    {analysis.columnOptions.map((o) => (
                      <option key={o.index} value={String(o.index)}>
                        {t(lang, S.columnOption(o.letter, o.header))}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );

  // The firm's own codes: offered when the category column holds codes nobody knows; kept in the document.
  const mapped = settings.codes ?? [];
  const setCode = (code: string, category: string): void => {
    update({ codes: withCodeMapped(settings.codes, code, category === "" ? null : (category as CategoryCode)) });
  };
  // A choice on a warning ('vrijgesteld' → vrij): the same mapping, for every row with that text.
  const applyFix = (text: string, category: CategoryCode): void => {
    update({ codes: withCodeMapped(settings.codes, text, category) });
    setNotice({ intent: "success", text: S.fixApplied(text, category) });
  };
  const codeRows = [
    ...analysis.unknownCodes.map((u) => ({ code: u.code, category: "", count: u.count, firstRow: u.firstRow, sheet: u.sheet ?? null })),
    ...mapped.map((e) => ({ code: e.code, category: e.category as string, count: null, firstRow: null, sheet: null })),
  ];
  const codeTable = codeRows.length > 0 && (
    <Accordion collapsible defaultOpenItems={analysis.unknownCodes.length > 0 ? ["codes"] : []}>
      <AccordionItem value="codes">
        <AccordionHeader icon={<TableSimple20Regular />}>{t(lang, S.codesSection)}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.codes} data-testid="code-table">
            <Caption1>{t(lang, S.codesHint)}</Caption1>
            {codeRows.map((r) => (
              <Field
                key={r.code}
                label={visibleControls(
                  r.count === null
                    ? r.code
                    : r.sheet !== null
                      ? t(lang, S.codeLabelOtherSheet(r.code, r.sheet, r.count, r.firstRow ?? 0))
                      : t(lang, S.codeLabel(r.code, r.count, r.firstRow ?? 0)),
                )}
              >
                <Select value={r.category} data-testid={`code-${r.code}`} onChange={(_, d) => setCode(r.code, d.value)}>
                  <option value="">{t(lang, S.codeNotMapped)}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c.code} value={c.code}>
                      {`${c.code}: ${t(lang, c.label)}`}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );

  const previousYear = analysis.year - 1;
  const previousInvalid = previousText.trim() !== "" && parseEurosInput(previousText) === null;
  // "In the KOR since": a date after today is refused (the report then takes the status as unknown), one not on
  // the 1st of a month or before 2020 is noted; the same check as kor-check's --in-kor-since.
  const sinceDay = settings.participation === "in" ? inKorSinceDay(settings) : null;
  const sinceCheck = sinceDay === null ? null : checkKorSince(sinceDay, today);

  const settingsPanel = (
    <div className={styles.settingsPanel}>
      <div className={styles.controls}>
        <Field label={t(lang, S.year)}>
          <Select
            value={String(analysis.year)}
            data-testid="year"
            onChange={(_, d) => update({ year: Number(d.value) })}
          >
            {[...analysis.years].reverse().map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, S.period)}>
          <Select value={analysis.period} data-testid="period" onChange={(_, d) => update({ period: d.value as FilingPeriod })}>
            {(["quarter", "month", "year"] as const).map((p) => (
              <option key={p} value={p}>
                {t(lang, S.periodName[p])}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.full} label={t(lang, S.participation)} hint={t(lang, S.participationHint)}>
          <Select
            value={settings.participation ?? "unknown"}
            data-testid="participation"
            onChange={(_, d) => update({ participation: d.value as "in" | "out" | "unknown" })}
          >
            {(["unknown", "in", "out"] as const).map((p) => (
              <option key={p} value={p}>
                {t(lang, S.participationOption[p])}
              </option>
            ))}
          </Select>
        </Field>
        {settings.participation === "in" && (
          <Field
            className={styles.full}
            label={t(lang, S.inKorSince)}
            validationState={sinceCheck === null ? "none" : sinceCheck.error !== null ? "error" : sinceCheck.notes.length > 0 ? "warning" : "none"}
            validationMessage={sinceCheck === null ? undefined : sinceCheck.error !== null ? t(lang, sinceCheck.error) : sinceCheck.notes.length > 0 ? sinceCheck.notes.map((n) => t(lang, n)).join(" ") : undefined}
          >
            <Input
              type="date"
              value={settings.inKorSince ?? ""}
              data-testid="in-kor-since"
              onChange={(_, d) => update({ inKorSince: d.value === "" ? null : d.value })}
            />
          </Field>
        )}
        {analysis.offerPreviousYear && (
          <Field
            className={styles.full}
            label={t(lang, S.previousYear(previousYear))}
            hint={t(
              lang,
              !analysis.previousYearTested
                ? S.previousYearHintUntested(previousYear, NEW_KOR_RULES_YEAR)
                : analysis.previousYearRowsCents === null
                  ? S.previousYearHint(previousYear)
                  : analysis.previousYearSheet !== null
                    ? S.previousYearHintSheet(previousYear, analysis.previousYearSheet, money(analysis.previousYearRowsCents, lang), analysis.summary.previousYearRowsFrom)
                    : S.previousYearHintRows(previousYear, money(analysis.previousYearRowsCents, lang), analysis.summary.previousYearRowsFrom),
            )}
            validationState={previousInvalid ? "error" : "none"}
            validationMessage={previousInvalid ? t(lang, S.previousYearInvalid) : undefined}
          >
            <Input
              value={previousText}
              inputMode="decimal"
              contentBefore="€"
              data-testid="previous-year-input"
              onChange={(_, d) => {
                setPreviousText(d.value);
                const cents = parseEurosInput(d.value);
                if (d.value.trim() === "" || cents !== null) update(withPreviousYear(settings, previousYear, d.value.trim() === "" ? null : cents));
              }}
            />
          </Field>
        )}
      </div>
      {columnPickers}
      {host.mode === "excel" && <Caption1 className={sectionStyles.small}>{t(lang, S.sourceHint)}</Caption1>}
    </div>
  );

  const noTable = wholeTableProblem !== null;
  // Every preview row as wide as the header (an empty offending cell at the end of a row is still shown).
  const headerCells = analysis.table.headerRowIndex !== null ? source.values[analysis.table.headerRowIndex] ?? [] : [];
  const previewWidth = Math.max(headerCells.length, (preview?.column ?? -1) + 1);

  return (
    <div>
      {host.mode === "browser" && browserControls}
      <div className={styles.sourceLine}>
        <Caption1>
          <span data-testid="source">{t(lang, sourceText(source))}</span> · {t(lang, S.rowsRead(analysis.table.rows.length))}
        </Caption1>
      </div>
      {source.fileSheets !== undefined && source.fileSheets.length > 1 && (
        <Field label={t(lang, S.fileSheet)} orientation="horizontal">
          <Select
            size="small"
            value={source.key}
            data-testid="file-sheet"
            onChange={(_, d) => {
              const next = source.fileSheets?.find((x) => x.key === d.value);
              if (next === undefined) return;
              host.open?.(next);
              show(next);
            }}
          >
            {source.fileSheets.map((x) => (
              <option key={x.key} value={x.key}>
                {visibleControls(x.sheetName ?? x.name)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {noticeBar}

      {noTable ? (
        <MessageBar intent="warning" style={{ marginTop: tokens.spacingVerticalM }}>
          <MessageBarBody>
            <MessageBarTitle>{t(lang, wholeTableProblem?.code === "gross-only" ? S.grossOnlyTitle : wholeTableProblem?.code === "vat-column-ambiguous" ? S.vatColumnAmbiguousTitle : wholeTableProblem !== null && AMOUNT_COLUMN_REFUSALS.has(wholeTableProblem.code) ? S.amountColumnsTitle : S.noColumnsTitle)}</MessageBarTitle>
            {wholeTableProblem !== null && t(lang, wholeTableProblem.message)}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <VerdictCard lang={lang} summary={summary} errorRows={provisionalRows(analysis.reconciliation)} />
          <TotalsLine lang={lang} summary={summary} reconciliation={analysis.reconciliation} />
          {codeTable}
        </>
      )}

      <Accordion collapsible defaultOpenItems={missingColumns || noTable ? ["settings"] : []} style={{ marginTop: tokens.spacingVerticalS }}>
        <AccordionItem value="settings">
          <AccordionHeader icon={<Settings20Regular />} size="small" data-testid="settings-toggle">
            {t(lang, S.settingsFold(analysis.year, S.periodName[analysis.period].nl, S.periodName[analysis.period].en))}
          </AccordionHeader>
          <AccordionPanel>{settingsPanel}</AccordionPanel>
        </AccordionItem>
      </Accordion>

      {!noTable && (
        <>
          <div className={styles.actions}>
            <CopyFigures lang={lang} summary={summary} sourceName={t(lang, sourceText(source))} reconciliation={analysis.reconciliation} today={today} previousYearSheet={analysis.previousYearSheet} />
            {host.mode === "browser" && <PrintButton lang={lang} />}
            {host.excel !== null && (
              <Button appearance="primary" size="small" disabled={busy} onClick={() => void writeReport()} data-testid="write-report">
                {busy ? t(lang, S.writing) : t(lang, S.writeReport)}
              </Button>
            )}
            {host.mode === "excel" && (
              <Button size="small" icon={<ArrowSync20Regular />} onClick={() => void load()}>
                {t(lang, S.refresh)}
              </Button>
            )}
          </div>
          <VerdictSection lang={lang} summary={summary} previousYearSheet={analysis.previousYearSheet} />
          <ChartSection lang={lang} year={summary.year}>
            <CumulativeChart lang={lang} year={summary.year} points={analysis.cumulative} thresholdCents={summary.thresholdCents} crossing={summary.crossing} />
          </ChartSection>
          <WarningSection lang={lang} warnings={analysis.warnings} onFollow={follow} onFix={applyFix} />
          {preview !== null && (
            <div className={styles.preview} data-testid="row-preview">
              <h2 ref={previewHeading} tabIndex={-1} className={sectionStyles.heading}>
                {t(lang, S.previewTitle)}
              </h2>
              {preview.column !== null && (
                <Caption1 className={sectionStyles.small} data-testid="preview-column">
                  {t(lang, S.previewMarked(analysis.columnOptions[preview.column]?.letter ?? "", analysis.columnOptions[preview.column]?.header ?? ""))}
                </Caption1>
              )}
              <div className={styles.previewScroll} data-testid="preview-scroll">
                <table className={styles.previewTable}>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.previewRowHead}>{t(lang, S.previewRow)}</th>
                      {(analysis.table.headerRowIndex !== null ? source.values[analysis.table.headerRowIndex] : []).map((h, i) => (
                        <th scope="col" key={i} className={i === preview.column ? styles.marked : undefined}>
                          {previewCell(h, false, lang, 0)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.slice(0, 50).map((row, n) => (
                      <tr key={row} data-testid="preview-row">
                        <th scope="row" className={styles.previewRowHead}>{row}</th>
                        {padded(source.values[row - 1 - source.rowOffset] ?? [], previewWidth).map((v, i) =>
                          i === preview.column ? (
                            // The offending cell: outlined and bold as well as coloured (not colour alone).
                            <td key={i} className={styles.marked} data-testid="preview-cell" ref={n === 0 ? previewCellRef : undefined}>
                              {previewCell(v, i === analysis.columns.date, lang, dateSerialOffsetOf(source))}
                            </td>
                          ) : (
                            <td key={i}>{previewCell(v, i === analysis.columns.date, lang, dateSerialOffsetOf(source))}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Button
                size="small"
                icon={<Dismiss20Regular />}
                onClick={() => {
                  setPreview(null);
                  // Back to the link that opened the rows, so keyboard users keep their place.
                  requestAnimationFrame(() => followedFrom.current?.focus());
                }}
              >
                {t(lang, S.previewClose)}
              </Button>
            </div>
          )}
          <PeriodSection lang={lang} summary={summary} />
          <CategorySection lang={lang} summary={summary} />
          <DeadlineSection lang={lang} summary={summary} />
          <EuSection lang={lang} summary={summary} />
          <ConditionsSection lang={lang} summary={summary} />
        </>
      )}
      {host.mode === "browser" && (
        <Caption1 className={sectionStyles.small} style={{ display: "block", marginTop: tokens.spacingVerticalL }}>
          {t(lang, S.browserMode)}
        </Caption1>
      )}
    </div>
  );
}
