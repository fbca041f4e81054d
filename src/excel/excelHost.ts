/** The pane's host in Excel: every call is its own Excel.run with batched reads (see read.ts). */
import type { ExcelActions, PaneHost } from "../taskpane/host";
import { readInvoiceSource } from "./read";
import { previousYearCodesOf, readOtherLists } from "./allSheets";
import { writeReportSheet } from "./reportSheet";
import { activateList, selectRows } from "./select";
import { memorySettingsStore, officeSettingsStore } from "./settings";

/** Whether the host has ExcelApi `version` (false when Office does not say). */
export function excelApi(version: string): boolean {
  return Office.context.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

export function excelHost(): PaneHost {
  // Document settings keep choices with the workbook; without them (an old host) choices last the session.
  const settings = Office.context.document?.settings ? officeSettingsStore(Office.context.document.settings) : memorySettingsStore();
  const excel: ExcelActions = {
    selectRows: (source, rows, columnCount, fromColumn = 0) =>
      Excel.run((context) => selectRows(context, source.key, rows, source.columnOffset + fromColumn, columnCount)),
    readOtherLists: (sheetKey, keepFrom, codes) =>
      Excel.run((context) =>
        readOtherLists(context, sheetKey, keepFrom, excelApi("1.2"), previousYearCodesOf(codes, (id) => settings.get(id)?.codes ?? undefined), (id) => settings.get(id)?.columns),
      ),
    showList: (sheetKey, tableName) => Excel.run((context) => activateList(context, sheetKey, tableName)),
    writeReport: (summary, lang, sourceName, options) =>
      Excel.run((context) => writeReportSheet(context, summary, lang, sourceName, { ...options, probeDateSystem: excelApi("1.2") })),
    onWorkbookEvent: async (listener) => {
      const handlers = await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const added = [
          sheets.onActivated.add(async () => listener("activated")),
          sheets.onChanged.add(async (e) => listener("changed", e.worksheetId)),
        ];
        await context.sync();
        return added;
      });
      // A sheet added, deleted or renamed changes the other sheets' lists without a cell changing on them. Apart,
      // so that a host without these events (ExcelApi 1.7; renaming 1.17) still has the two above.
      const sheetHandlers = excelApi("1.7")
        ? await Excel.run(async (context) => {
            const sheets = context.workbook.worksheets;
            const added = [sheets.onAdded.add(async () => listener("sheets")), sheets.onDeleted.add(async () => listener("sheets"))];
            if (excelApi("1.17")) added.push(sheets.onNameChanged.add(async () => listener("sheets")));
            await context.sync();
            return added;
          }).catch(() => [])
        : [];
      return () => {
        for (const group of [handlers, sheetHandlers]) {
          if (group.length === 0) continue;
          void Excel.run(group[0].context, async (ctx) => {
            for (const h of group) h.remove();
            await ctx.sync();
          }).catch(() => undefined);
        }
      };
    },
  };
  return {
    mode: "excel",
    settings,
    read: (choices) =>
      Excel.run((context) =>
        readInvoiceSource(context, { choices, recogniseAddinSheets: excelApi("1.12"), probeDateSystem: excelApi("1.2") }),
      ),
    excel,
  };
}
