/**
 * The pane: a header with the language switch, a tab list of views, and the selected view.
 *
 * EXTENSION POINT — adding a view (e.g. the "All sheets" overview or the "Should I join?" decision view):
 *   1. write src/taskpane/views/<Name>.tsx exporting a component that takes `ViewProps`
 *      ({ lang, host, today, navigation }; see views/YearReport.tsx), with its strings added to strings.ts as { nl, en };
 *   2. add one entry to the `views` array below: { id, label, render }.
 * The tab list, keyboard navigation and language switch then include it. Views stay mounted only while
 * selected; keep per-document state in host.settings, not in the view. A view that wants to show another
 * view calls `navigation` (src/taskpane/navigation.ts), e.g. `navigation.openYearReport(target)`.
 */
import * as React from "react";
import { Button, FluentProvider, Link, Tab, TabList, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import type { Lang, Localized } from "../i18n/types";
import type { Day } from "../rules/dates";
import type { PaneHost } from "./host";
import { useToday, type TodayClock } from "./today";
import { S, t } from "./strings";
import { YearReport, type ViewProps } from "./views/YearReport";
import { Decision } from "./views/Decision";
import { AllSheets } from "./views/AllSheets";
import { D } from "./decision-strings";
import type { PaneNavigation } from "./navigation";

export interface PaneView {
  /** Stable id (also the tab's value and the panel's test id). */
  readonly id: string;
  readonly label: Localized;
  render(props: ViewProps): React.ReactElement;
}

/** The id of the year-report view (what `openYearReport` switches to). */
export const YEAR_VIEW = "year";

/** The pane's views, in tab order. Add new views here (see the comment at the top of this file). */
export const views: readonly PaneView[] = [
  { id: YEAR_VIEW, label: S.tabYear, render: (props) => <YearReport {...props} /> },
  { id: "decision", label: D.tab, render: (props) => <Decision {...props} /> },
  { id: "all-sheets", label: { nl: "Alle bladen", en: "All sheets" }, render: (props) => <AllSheets {...props} /> },
];

const useStyles = makeStyles({
  // Excel's pane is 350 px wide: the body's 8 px margin plus a little padding leave the content 326 px.
  root: { padding: tokens.spacingHorizontalXS, maxWidth: "640px", boxSizing: "border-box" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  headerEnd: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  panel: { marginTop: tokens.spacingVerticalS },
  // The tabs fit on one line of a 350 px pane with narrower padding; they still wrap rather than overflow.
  tabs: { flexWrap: "wrap" },
  tab: { paddingLeft: "6px", paddingRight: "6px" },
});

/**
 * Printing (or saving as PDF) outside Excel: the verdict and the figures, no controls. Buttons, inputs, the
 * tab list, the file bar and the help link are left out; folded sections stay as they are on screen.
 */
const usePrintStyles = makeStaticStyles(
  "@media print {" +
    " button, input, select, details > summary, [role='tablist'], [data-no-print] { display: none !important; }" +
    " [data-testid='verdict-card'] { break-inside: avoid; }" +
    " }",
);

export interface AppProps {
  readonly host: PaneHost;
  readonly initialLang: Lang;
  /** Today in the Netherlands when the pane starts; the pane follows the calendar from there (useToday). */
  readonly today: Day;
  /** Where the day comes from after that; the browser's clock by default (tests pass their own). */
  readonly clock?: TodayClock;
}

export function App({ host, initialLang, today: startDay, clock }: AppProps): React.ReactElement {
  const styles = useStyles();
  // The pane runs as long as the workbook is open, across midnights: deadlines count from the real today.
  const today = useToday(startDay, clock);
  usePrintStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [selected, setSelected] = React.useState<string>(views[0].id);
  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const navigation: PaneNavigation = React.useMemo(
    () => ({
      openYearReport: async (target) => {
        // Activate first: the year report reads the active sheet when it mounts.
        if (host.excel !== null) await host.excel.showList(target.sheetId ?? target.sheetName, target.table ?? null);
        setSelected(YEAR_VIEW);
        // Keyboard users land on the year-report tab, as if they had chosen it.
        requestAnimationFrame(() => document.getElementById(`tab-${YEAR_VIEW}`)?.focus());
      },
    }),
    [host],
  );
  const view = views.find((v) => v.id === selected) ?? views[0];
  const other: Lang = lang === "nl" ? "en" : "nl";
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <div className={styles.header}>
          <h1 className={styles.title}>{t(lang, S.appTitle)}</h1>
          <div className={styles.headerEnd} data-no-print>
            {/* help.html ships beside this page (generated from the README's sources); #nl / #en picks its language. */}
            <Link href={`help.html#${lang}`} target="_blank" rel="noopener noreferrer" title={t(lang, S.helpLinkTitle)} data-testid="help">
              {t(lang, S.helpLink)}
            </Link>
            <Button
              size="small"
              appearance="subtle"
              icon={<LocalLanguage20Regular />}
              onClick={() => setLang(other)}
              aria-label={t(lang, S.languageSwitch)}
              lang={other}
              data-testid="language"
            >
              {t(lang, S.languageButton)}
            </Button>
          </div>
        </div>
        <TabList selectedValue={view.id} onTabSelect={(_, d) => setSelected(String(d.value))} aria-label={t(lang, S.tabsLabel)} size="small" className={styles.tabs}>
            {views.map((v) => (
              <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={`panel-${v.id}`} className={styles.tab}>
                {t(lang, v.label)}
              </Tab>
            ))}
        </TabList>
        <div role="tabpanel" id={`panel-${view.id}`} aria-labelledby={`tab-${view.id}`} className={styles.panel}>
          {view.render({ lang, host, today, navigation })}
        </div>
      </main>
    </FluentProvider>
  );
}
