/**
 * The "All sheets" view: one action checks every sheet and Excel table that looks like an invoice list
 * (src/excel/allSheets.ts), and shows a sortable overview (src/bulk/overview.ts). Lines can be grouped into
 * one business (tested as one; the grouping is kept in the document's settings), and the overview can be
 * written to a sheet of its own. Choosing a line (click, or Enter on the focused line) opens that sheet's
 * yearly report: the sheet is activated (an Excel table also selected) and the pane switches to the year
 * report tab (see src/taskpane/navigation.ts). A group's line opens its first sheet. The "Why?" button of a
 * line shows the reasons and problems inline instead. Outside Excel it shows the sheets of an opened .xlsx
 * with several sheets (read by Open file; a line opens that sheet's report), and otherwise says why not.
 */
import { visibleControls } from "../../i18n/safeText";
import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Localized } from "../../i18n/types";
import { buildOverview, cellText, sortOverview, unitLabel, type CheckedUnit, type OverviewRow, type SortDirection } from "../../bulk/overview";
import { type Grouping, pruneGrouping, removeGroup, setGroup } from "../../bulk/groups";
import { COLUMN_TITLES, OVERVIEW_COLUMNS, type OverviewColumn } from "../../bulk/strings";
import { readAllSheets, type AllSheetsResult } from "../../excel/allSheets";
import { excelApi } from "../../excel/excelHost";
import { date1904Read } from "../../i18n/messages";
import { loadGrouping, saveGrouping } from "../../excel/allSheetsStore";
import { writeOverviewSheet } from "../../excel/overviewSheet";
import type { DocumentSettings } from "../../excel/settings";
import { allSheetsKeepFrom, participationResolver } from "../participation";
import type { ViewProps } from "./YearReport";
import type { ReportTarget } from "../navigation";
import { CopyButton } from "../components/CopyFigures";
import { overviewFiguresText } from "../copyText";
import { previousYearGiven, unitsOfFile } from "../model";
import { savedCodeMapping, type CodeMapping } from "../../reading/codeMapping";
import type { InvoiceSource } from "../../excel/source";
import { yearOf } from "../../rules/dates";

/** The list a line's click opens: the sheet (or table) of a single line, the first member of a group. */
export function reportTargetOf(line: OverviewRow): ReportTarget | null {
  const first = line.units[0];
  if (first === undefined) return null;
  return { sheetId: first.id.split("/")[0], sheetName: first.sheet, table: first.table };
}

const L = (nl: string, en: string): Localized => ({ nl, en });
const TXT = {
  fileIntro: (file: string) => L(`De bladen van bestand "${file}", zoals kor-check ze toont.`, `The sheets of file "${file}", as kor-check shows them.`),
  intro: L(
    "Controleer alle bladen en tabellen met een facturenlijst in één keer.",
    "Check every sheet and table with an invoice list in one go.",
  ),
  check: L("Alle bladen controleren", "Check all sheets"),
  checking: L("Bladen lezen…", "Reading sheets…"),
  excelOnly: L(
    "Alle bladen leest elk blad van een werkmap, en hier is nog geen werkmap geopend. Open onder ‘Jaar’ een .xlsx met uw bladen (Openen…), of open de werkmap in Excel met KOR voor Excel.",
    "All sheets reads every sheet of a workbook, and no workbook is open here yet. Open an .xlsx with your sheets under ‘Year report’ (Open…), or open the workbook in Excel with KOR for Excel.",
  ),
  toYear: L("Naar ‘Jaar’", "To ‘Year report’"),
  none: L("Geen blad met een kopregel met een datum- en een bedragkolom gevonden.", "No sheet found with a header row with a date and an amount column."),
  write: L("Overzicht naar blad schrijven", "Write overview to sheet"),
  written: (n: string) => L(`Overzicht geschreven op blad "${n}".`, `Overview written to sheet "${n}".`),
  refused: (n: string) =>
    L(
      `Er is al een blad "${n}" dat niet door de invoegtoepassing is gemaakt. Dat blad wordt niet overschreven: geef het een andere naam en probeer opnieuw.`,
      `There is already a sheet "${n}" that the add-in did not make. It is not overwritten: rename it and try again.`,
    ),
  edited: (n: string) =>
    L(
      `Op blad "${n}" staan nu ook gegevens buiten het overzicht, waarschijnlijk van u. Bij opnieuw schrijven wordt het hele blad leeggemaakt. Wilt u het blad vervangen?`,
      `Sheet "${n}" now also holds data outside the overview, probably yours. Writing the overview again clears the whole sheet. Do you want to replace the sheet?`,
    ),
  replace: L("Blad vervangen", "Replace sheet"),
  keep: L("Niet vervangen", "Keep the sheet"),
  groupName: L("Naam van de onderneming", "Name of the business"),
  group: L("Geselecteerde bladen samen toetsen", "Test selected sheets together"),
  groupHint: L(
    "Bladen van één ondernemer tellen samen voor de KOR. Kies ze met de vakjes, geef een naam en voeg samen.",
    "Sheets of one entrepreneur count together for the KOR. Tick them, give a name and group them.",
  ),
  ungroup: L("Groep opheffen", "Ungroup"),
  select: (label: string) => L(`${label} selecteren`, `Select ${label}`),
  open: (label: string) => L(`Jaarrapport van ${label} openen`, `Open the year report of ${label}`),
  openGroup: (label: string, first: string) =>
    L(`Jaarrapport van ${first} openen (eerste blad van ${label})`, `Open the year report of ${first} (first sheet of ${label})`),
  openFailed: L("Het blad kon niet worden geopend: ", "The sheet could not be opened: "),
  error: L("Het lezen is mislukt: ", "Reading failed: "),
  reasons: L("Waarom", "Why"),
  why: L("Waarom?", "Why?"),
  whyLabel: (label: string) => L(`Toelichting bij ${label}`, `Details of ${label}`),
  skipped: (n: number) => L(`${n} blad(en) overgeslagen (geen facturenlijst).`, `${n} sheet(s) skipped (not an invoice list).`),
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  th: { textAlign: "left", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px", whiteSpace: "nowrap" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", verticalAlign: "top" },
  row: { cursor: "pointer", ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}` } },
  lineControls: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

function documentSettings(): DocumentSettings | null {
  return typeof Office !== "undefined" && Office.context?.document?.settings ? Office.context.document.settings : null;
}


export function AllSheets({ lang, host, today, navigation }: ViewProps): React.ReactElement {
  const styles = useStyles();
  const tr = (x: Localized): string => x[lang as Lang];
  const [units, setUnits] = React.useState<CheckedUnit[] | null>(null);
  const [skipped, setSkipped] = React.useState(0);
  // The workbook (or opened file) counts dates in the 1904 date system: said under the overview.
  const [date1904, setDate1904] = React.useState(false);
  const [grouping, setGrouping] = React.useState<Grouping>(() => loadGrouping(documentSettings()));
  const [busy, setBusy] = React.useState(false);
  // `replace`: the overview sheet was edited outside the overview; the message asks before it is cleared.
  const [message, setMessage] = React.useState<{ intent: "success" | "warning" | "error"; text: string; replace?: boolean } | null>(null);
  const [sort, setSort] = React.useState<{ column: OverviewColumn; direction: SortDirection } | null>(null);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [groupName, setGroupName] = React.useState("");
  const [open, setOpen] = React.useState<string | null>(null);
  const [fileSheets, setFileSheets] = React.useState<readonly InvoiceSource[] | null>(null);

  const lines: OverviewRow[] = React.useMemo(() => {
    if (units === null) return [];
    const base = buildOverview(units, grouping, {
      today,
      participationOf: participationResolver(documentSettings(), grouping, today),
      // The previous year typed in a list's year report, for the year it was typed for (as that report uses it).
      previousYearOf: (key, year) => previousYearGiven(host.settings.get(key) ?? {}, year),
    });
    return sort === null ? base : sortOverview(base, sort.column, sort.direction);
  }, [units, grouping, today, sort]);

  // Outside Excel: an opened workbook with several sheets is shown as kor-check shows it (its lines open the sheet).
  React.useEffect(() => {
    if (host.excel !== null) return undefined;
    let cancelled = false;
    host
      .read()
      .then((out) => {
        const sheets = out.source?.fileSheets;
        if (cancelled || sheets === undefined || sheets.length < 2) return;
        setFileSheets(sheets);
        // Each sheet with its own code table, as its year report reads it (kept per sheet by its source key).
        const fileUnits = unitsOfFile(sheets, (key) => host.settings.get(key)?.codes, (key) => host.settings.get(key)?.columns);
        setUnits(fileUnits);
        // Sheets refused as a whole (amounts including VAT only) are skipped, as in Excel.
        setSkipped(sheets.length - fileUnits.length);
        setDate1904(sheets.some((x) => x.date1904 === true));
      })
      .catch(() => undefined); // the message below says what to do instead
    return () => {
      cancelled = true;
    };
  }, [host]);

  if (host.excel === null && fileSheets === null) {
    // Says why, and what to do instead: the year report reads a file outside Excel.
    return (
      <section className={styles.root} data-testid="all-sheets">
        <MessageBar intent="info" data-testid="excel-only">
          <MessageBarBody>{tr(TXT.excelOnly)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void navigation.openYearReport({ sheetId: null, sheetName: "" })}>
              {tr(TXT.toYear)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </section>
    );
  }

  const run = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      // Each worksheet with its own code table (SheetSettings.codes, by worksheet id), as its year report reads it.
      const codesOf = (sheetId: string): CodeMapping | null => savedCodeMapping(host.settings.get(sheetId)?.codes);
      const read = (keepFrom: number): Promise<AllSheetsResult> =>
        Excel.run((context) => readAllSheets(context, { keepFrom, todayYear: yearOf(today), probeDateSystem: excelApi("1.2"), codesOf, columnsOf: (sheetId) => host.settings.get(sheetId)?.columns }));
      // From the year of today − 3, or a participant's start (its first crossing since then ended participation).
      const settings = documentSettings();
      const keepFrom = allSheetsKeepFrom(settings, grouping, today, units?.map((u) => u.id) ?? []);
      let result = await read(keepFrom);
      // A sheet met for the first time may keep a setting of its own (a workbook of several businesses).
      const again = allSheetsKeepFrom(settings, grouping, today, result.units.map((u) => u.id));
      if (again < keepFrom) result = await read(again);
      setUnits(result.units);
      setSkipped(result.skipped.length);
      setDate1904(result.date1904);
      const pruned = pruneGrouping(grouping, result.units.map((u) => u.id));
      if (pruned !== grouping) {
        setGrouping(pruned);
        await saveGrouping(documentSettings(), pruned);
      }
    } catch (e) {
      setMessage({ intent: "error", text: tr(TXT.error) + (e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const changeGrouping = async (next: Grouping): Promise<void> => {
    setGrouping(next);
    setSelected(new Set());
    await saveGrouping(documentSettings(), next);
  };

  const groupSelected = (): void => {
    const ids = lines.filter((l) => selected.has(l.key)).flatMap((l) => l.units.map((u) => u.id));
    void changeGrouping(setGroup(grouping, groupName, ids));
    setGroupName("");
  };

  const openReport = (line: OverviewRow): void => {
    const target = reportTargetOf(line);
    if (target === null) return;
    if (host.excel === null) {
      // A sheet of the opened file: the year report shows it from now on.
      const sheet = fileSheets?.find((x) => x.key === line.units[0]?.id);
      if (sheet !== undefined) host.open?.(sheet);
    }
    navigation.openYearReport(target).catch((e: unknown) => {
      setMessage({ intent: "error", text: tr(TXT.openFailed) + (e instanceof Error ? e.message : String(e)) });
    });
  };

  const rowLabel = (line: OverviewRow): string => {
    const first = line.units[0];
    const label = cellText(line, "label", lang);
    return line.isGroup && first !== undefined ? tr(TXT.openGroup(label, visibleControls(unitLabel(first)))) : tr(TXT.open(label));
  };

  const write = async (replaceEdited = false): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await Excel.run((context) => writeOverviewSheet(context, lines, lang, today, { replaceEdited, probeDateSystem: excelApi("1.2") }));
      setMessage(
        r.kind === "written"
          ? { intent: "success", text: tr(TXT.written(r.sheetName)) }
          : r.kind === "edited"
            ? { intent: "warning", text: tr(TXT.edited(r.sheetName)), replace: true }
            : { intent: "warning", text: tr(TXT.refused(r.sheetName)) },
      );
    } catch (e) {
      setMessage({ intent: "error", text: tr(TXT.error) + (e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const header = (column: OverviewColumn): React.ReactElement => {
    const active = sort?.column === column;
    const ariaSort = active ? (sort?.direction === "ascending" ? "ascending" : "descending") : "none";
    const next: SortDirection = active && sort?.direction === "ascending" ? "descending" : "ascending";
    return (
      <th key={column} className={styles.th} aria-sort={ariaSort} scope="col">
        <Button size="small" appearance="transparent" onClick={() => setSort({ column, direction: next })}>
          {tr(COLUMN_TITLES[column])}
          {active ? (sort?.direction === "ascending" ? " ▲" : " ▼") : ""}
        </Button>
      </th>
    );
  };

  return (
    <section className={styles.root} data-testid="all-sheets">
      <Body1>{fileSheets !== null ? tr(TXT.fileIntro((fileSheets[0]?.name ?? "").replace(/ – [^–]*$/, ""))) : tr(TXT.intro)}</Body1>
      <div className={styles.actions}>
        {host.excel !== null && (
          <Button appearance="primary" onClick={() => void run()} disabled={busy}>
            {tr(TXT.check)}
          </Button>
        )}
        {host.excel !== null && units !== null && lines.length > 0 && (
          <Button onClick={() => void write()} disabled={busy}>
            {tr(TXT.write)}
          </Button>
        )}
        {units !== null && lines.length > 0 && <CopyButton lang={lang} text={() => overviewFiguresText(lines, lang, today)} />}
      </div>
      {busy && <Spinner size="tiny" label={tr(TXT.checking)} />}
      {message !== null && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
          {message.replace === true && (
            <MessageBarActions>
              <Button onClick={() => void write(true)}>{tr(TXT.replace)}</Button>
              <Button onClick={() => setMessage(null)}>{tr(TXT.keep)}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {units !== null && lines.length === 0 && <Body1>{tr(TXT.none)}</Body1>}
      {skipped > 0 && <Caption1>{tr(TXT.skipped(skipped))}</Caption1>}
      {units !== null && date1904 && <Caption1 data-testid="date-system-1904">{tr(date1904Read())}</Caption1>}
      {lines.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.th} scope="col" />
                {OVERVIEW_COLUMNS.map(header)}
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <React.Fragment key={line.key}>
                  <tr
                    className={styles.row}
                    tabIndex={0}
                    aria-label={rowLabel(line)}
                    data-testid="overview-line"
                    onClick={() => openReport(line)}
                    onKeyDown={(e) => {
                      // Only the line itself: Enter on its buttons and checkbox does their own thing.
                      if (e.target !== e.currentTarget) return;
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        openReport(line);
                      }
                    }}
                  >
                    <td className={styles.td} onClick={(e) => e.stopPropagation()}>
                      <div className={styles.lineControls}>
                        <Button
                          size="small"
                          appearance="subtle"
                          aria-expanded={open === line.key}
                          aria-controls={`why-${index}`}
                          aria-label={tr(TXT.whyLabel(cellText(line, "label", lang)))}
                          onClick={() => setOpen(open === line.key ? null : line.key)}
                        >
                          {tr(TXT.why)}
                        </Button>
                        {line.isGroup ? (
                          <Button size="small" onClick={() => void changeGrouping(removeGroup(grouping, line.label))}>
                            {tr(TXT.ungroup)}
                          </Button>
                        ) : (
                          <Checkbox
                            aria-label={tr(TXT.select(cellText(line, "label", lang)))}
                            checked={selected.has(line.key)}
                            onChange={(_, d) => {
                              const next = new Set(selected);
                              if (d.checked === true) next.add(line.key);
                              else next.delete(line.key);
                              setSelected(next);
                            }}
                          />
                        )}
                      </div>
                    </td>
                    {OVERVIEW_COLUMNS.map((c) => (
                      <td key={c} className={styles.td}>
                        {cellText(line, c, lang)}
                      </td>
                    ))}
                  </tr>
                  {open === line.key && (
                    <tr id={`why-${index}`} data-testid="overview-why">
                      <td className={styles.td} colSpan={OVERVIEW_COLUMNS.length + 1}>
                        <Caption1>{tr(TXT.reasons)}</Caption1>
                        <ul>
                          {line.summary.reasons.map((r, i) => (
                            <li key={i}>{tr(r)}</li>
                          ))}
                          {line.problems.slice(0, 20).map((p, i) => (
                            <li key={`p${i}`}>{tr(p.message)}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  )}
                </React.Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lines.length > 1 && (
        <div className={styles.actions}>
          <Field label={tr(TXT.groupName)} hint={tr(TXT.groupHint)}>
            <Input value={groupName} onChange={(_, d) => setGroupName(d.value)} />
          </Field>
          <Button onClick={groupSelected} disabled={selected.size < 2 || groupName.trim() === ""}>
            {tr(TXT.group)}
          </Button>
        </div>
      )}
    </section>
  );
}
