/**
 * The participation setting for the All sheets view (Office-free): each line is tested with the status of
 * the business its sheets belong to, as the year report keeps it (src/excel/settings.ts).
 */
import { participationSettingOf, type DocumentSettings } from "../excel/settings";
import type { Grouping } from "../bulk/groups";
import type { Day } from "../rules/dates";
import type { Participation } from "../rules/types";
import { participationOf } from "./model";

/**
 * The participation status of the business a line's units belong to, as the year report's setting keeps it
 * (per workbook, or per group when the workbook holds several businesses: see src/excel/settings.ts). A
 * group whose members disagree (values saved per sheet by an earlier version) is unknown.
 */
export function participationResolver(settings: DocumentSettings | null, grouping: Grouping, today?: Day): (unitIds: readonly string[]) => Participation {
  return (unitIds) => {
    if (settings === null) return { status: "unknown" };
    const all = unitIds.map((id) => participationOf(participationSettingOf(settings, id, grouping) ?? {}, today));
    const first = all[0];
    if (first === undefined) return { status: "unknown" };
    const same = all.every((p) => p.status === first.status && (p.status !== "in" || (first.status === "in" && p.since === first.since)));
    return same ? first : { status: "unknown" };
  };
}
