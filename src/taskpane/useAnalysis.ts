/**
 * The analysis of the report's sheet as every view of it shows it (year report, Decision tab), with the
 * workbook's or file's other invoice lists: a workbook with a sheet per year is one business
 * (src/bulk/sheetYears.ts), so the previous year, or a crossing on another sheet that ended participation,
 * comes from those sheets on both tabs alike.
 */
import * as React from "react";
import { otherSheetsFrom, type YearSheet } from "../bulk/sheetYears";
import type { InvoiceSource } from "../excel/source";
import { yearOf, type Day } from "../rules/dates";
import type { PaneHost } from "./host";
import { analyze, fileOthersOf, participationOf, type Analysis, type SheetSettings } from "./model";

/**
 * The other lists `analyze` gets for `source`: an opened file's other sheets, in the browser as in Excel, each read
 * with its own saved codes and chosen columns (model.ts fileOthersOf); else the worksheets read for this sheet
 * (`read`, keyed by the sheet they were read for), or none yet (undefined).
 */
export function othersFor(host: Pick<PaneHost, "settings">, source: InvoiceSource, settings: SheetSettings, read: { readonly key: string; readonly sheets: YearSheet[] } | null): YearSheet[] | undefined {
  if (source.fileSheets !== undefined) return fileOthersOf(source, settings, (k) => host.settings.get(k));
  return read !== null && read.key === source.key ? read.sheets : undefined;
}

/**
 * `others` is read only while it may matter: this sheet lacks the previous year, a participant's start is older
 * (or a later sheet may hold the crossing that ended participation), or the report is of a year before today's
 * (a later sheet moves the next start). In Excel the other worksheets are read through host.excel.readOtherLists,
 * again whenever `othersStamp` changes (the caller bumps it when they may have changed), with this sheet's code
 * table (again when the user maps a code); an opened file's other sheets are in the source itself
 * (model.ts fileOthersOf). Without them (the read failed) the report asks for the previous year.
 *
 * `pending`: the other worksheets are wanted and not read yet for this sheet. The year report shows the sheet's
 * own answer meanwhile and follows; a view that keeps what it first saw (the Decision tab's starting situation)
 * waits for them.
 */
export function useAnalysis(host: PaneHost, source: InvoiceSource | null, settings: SheetSettings | null, today: Day, othersStamp = 0): { analysis: Analysis | null; pending: boolean } {
  // Keyed by the sheet they were read for.
  const [others, setOthers] = React.useState<{ key: string; sheets: YearSheet[] } | null>(null);
  const analysis = React.useMemo(() => {
    if (source === null || settings === null) return null;
    return analyze(source, settings, today, othersFor(host, source, settings, others));
  }, [source, settings, today, others, host]);
  const othersFrom = analysis === null || settings === null ? null : otherSheetsFrom(analysis.year, participationOf(settings, today), today);
  const wantsOthers =
    host.excel?.readOtherLists !== undefined &&
    source !== null &&
    (source.origin === "sheet" || source.origin === "table") &&
    analysis !== null &&
    (analysis.askPreviousYear || analysis.previousYearSheet !== null || othersFrom !== null);
  const reportYear = analysis?.year ?? null;
  const sourceKey = source?.key ?? null;
  const ownCodes = settings?.codes;
  React.useEffect(() => {
    if (!wantsOthers || sourceKey === null || reportYear === null) return undefined;
    let cancelled = false;
    host.excel
      ?.readOtherLists?.(sourceKey, Math.min(reportYear - 1, yearOf(today) - 3, othersFrom ?? reportYear), ownCodes)
      .then((sheets) => {
        if (!cancelled) setOthers({ key: sourceKey, sheets });
      })
      // A failed read keeps what was read before for this sheet; without any, the pane asks for the previous year.
      .catch(() => {
        if (!cancelled) setOthers((prev) => (prev !== null && prev.key === sourceKey ? prev : { key: sourceKey, sheets: [] }));
      });
    return () => {
      cancelled = true;
    };
  }, [host, sourceKey, wantsOthers, reportYear, today, othersStamp, ownCodes, othersFrom]);
  return { analysis, pending: wantsOthers && (others === null || others.key !== sourceKey) };
}
