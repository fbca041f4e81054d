/** The pane's host in Excel: every call is its own Excel.run with batched reads (see read.ts). */
import type { ExcelActions, PaneHost } from "../taskpane/host";
import { readInvoiceSource } from "./read";
import { readOtherLists } from "./allSheets";
import { writeReportSheet } from "./reportSheet";
import { activateList, selectRows } from "./select";
import { memorySettingsStore, officeSettingsStore } from "./settings";

export function excelHost(): PaneHost {
  const excel: ExcelActions = {
    selectRows: (source, rows, columnCount, fromColumn = 0) =>
      Excel.run((context) => selectRows(context, source.key, rows, source.columnOffset + fromColumn, columnCount)),
    readOtherLists: (sheetKey, keepFrom) => Excel.run((context) => readOtherLists(context, sheetKey, keepFrom)),
    showList: (sheetKey, tableName) => Excel.run((context) => activateList(context, sheetKey, tableName)),
    writeReport: (summary, lang, sourceName, options) => Excel.run((context) => writeReportSheet(context, summary, lang, sourceName, options)),
    onWorkbookEvent: (listener) =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const handlers = [sheets.onActivated.add(async () => listener("activated")), sheets.onChanged.add(async () => listener("changed"))];
        await context.sync();
        return () => {
          void Excel.run(handlers[0].context, async (ctx) => {
            for (const h of handlers) h.remove();
            await ctx.sync();
          });
        };
      }),
  };
  return {
    mode: "excel",
    // Document settings keep choices with the workbook; without them (an old host) choices last the session.
    settings: Office.context.document?.settings ? officeSettingsStore(Office.context.document.settings) : memorySettingsStore(),
    read: (choices) =>
      Excel.run((context) =>
        readInvoiceSource(context, { choices, recogniseAddinSheets: Office.context.requirements?.isSetSupported("ExcelApi", "1.12") ?? false }),
      ),
    excel,
  };
}
