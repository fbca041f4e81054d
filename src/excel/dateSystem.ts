/**
 * Which date system the open workbook counts in. `range.values` gives a date as a serial of the workbook's
 * own system: in the 1904 system (Mac Excel's old default) 1,462 days lower than in the 1900 system the
 * reading layer assumes. Office.js has no property for it, so the pane asks the workbook to evaluate
 * DATE(2000, 1, 1) with the worksheet function API (`workbook.functions.date`, ExcelApi 1.2): 36526 in the
 * 1900 system, 35064 in the 1904 system. The probe is queued with a sync the caller makes anyway.
 *
 * Assumed, not checked here (no Excel on this machine): that `functions.date` evaluates in the workbook's
 * date system as the DATE function in a cell does (its documented `year` argument runs "from 1900 or 1904
 * (depending on the workbook's date system)"), and that a failed evaluation sets the result's `error`
 * rather than failing the sync. Anything but 35064 (an error, another number, no `functions` object) is the
 * 1900 system, the behaviour before the probe existed. See docs/architecture.md, "Date systems".
 */
import { DATE_1904_OFFSET } from "../rules/dates";

/** DATE(2000, 1, 1) in each system. */
export const PROBE_1900 = 36_526;
export const PROBE_1904 = PROBE_1900 - DATE_1904_OFFSET;

export interface DateSystemProbe {
  /** After the caller's sync: DATE_1904_OFFSET in a 1904 workbook, else 0. */
  offset(): number;
}

const NO_PROBE: DateSystemProbe = { offset: () => 0 };

/**
 * Queues the probe on `context` (no sync of its own); read `offset()` after the caller's next sync. `enabled`
 * false (a host without ExcelApi 1.2), or a context without `workbook.functions`: no probe, the 1900 system.
 */
export function queueDateSystemProbe(context: Excel.RequestContext, enabled = true): DateSystemProbe {
  if (!enabled) return NO_PROBE;
  const functions = (context.workbook as { functions?: Excel.Functions }).functions;
  if (functions === undefined || typeof functions.date !== "function") return NO_PROBE;
  let result: Excel.FunctionResult<number>;
  try {
    result = functions.date(2000, 1, 1);
    result.load("value");
  } catch {
    return NO_PROBE;
  }
  return {
    offset: () => {
      try {
        return result.value === PROBE_1904 ? DATE_1904_OFFSET : 0;
      } catch {
        return 0;
      }
    },
  };
}
