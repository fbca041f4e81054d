/**
 * The workbook's date system for the custom functions. Excel passes a date argument as a serial of the
 * workbook's own system and shows a returned serial in it: in a 1904 workbook (Mac Excel's old default) a
 * day's serial is 1,462 lower than in the 1900 system the reading layer assumes, so without this every date
 * read 4 years and a day early and every returned date showed 4 years and a day late.
 *
 * A cell value carries no date system, so the functions ask the workbook once per runtime, with the pane's
 * probe (src/excel/dateSystem.ts: DATE(2000, 1, 1) through `workbook.functions.date`, ExcelApi 1.2) on a
 * request context of their own, as Microsoft documents for custom functions in a shared runtime ("Call Excel
 * JavaScript APIs from a custom function"; they only read). Until the answer is in, a call waits for it (its
 * result is a promise); after that every call is answered at once, as before.
 *
 * Outside Excel (jest, the pane in a plain browser, the benchmarks) there is no `Excel` global: the 1900
 * system, at once, as before. If the probe's request itself fails, the functions keep the 1900 system, their behaviour
 * before the probe (a failure is not retried on every call); the assumption is in docs/architecture.md.
 */
import { queueDateSystemProbe } from "../excel/dateSystem";
import { supportsExcelApi12 } from "./context";

interface ExcelLike {
  RequestContext?: new () => Excel.RequestContext;
}

/** Days to add to a date serial Excel passes (and to take off one the functions return); null until known. */
let offset: number | null = null;
let probing: Promise<void> | null = null;

/** The workbook's date-system offset: 1462 for a 1904 workbook, 0 for the 1900 system or while unknown. */
export function dateSerialOffset(): number {
  return offset ?? 0;
}

function excelContext(): (new () => Excel.RequestContext) | null {
  const g = globalThis as unknown as { Excel?: ExcelLike };
  const ctor = g.Excel?.RequestContext;
  return typeof ctor === "function" ? ctor : null;
}

async function probe(Context: new () => Excel.RequestContext): Promise<number> {
  const context = new Context();
  const answer = queueDateSystemProbe(context, supportsExcelApi12());
  await context.sync();
  return answer.offset();
}

/**
 * Runs `run` once the date system is known: at once (its value) when it is, else after the probe (a
 * promise of its value; a refusal thrown by `run` rejects it, which Excel shows as the same error).
 *
 * The declared type is the value's, so that the functions' metadata keeps its result types (the metadata
 * generator reads a union type as "any"); Excel accepts a promise as the result of any custom function.
 */
export function afterDateSystem<T>(run: () => T): T {
  if (offset !== null) return run();
  const Context = excelContext();
  // No Excel here: the 1900 system, not remembered (Excel's namespace, defined by office.js with the
  // CustomFunctions that call us, is looked for again on the next call).
  if (Context === null) return run();
  probing ??= probe(Context).then(
    (found) => {
      offset = found;
    },
    () => {
      offset = 0;
    },
  );
  return probing.then(run) as unknown as T;
}
