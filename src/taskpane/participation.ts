/**
 * The participation setting for the All sheets view (Office-free): each line is tested with the status of
 * the business its sheets belong to, as the year report keeps it (src/excel/settings.ts).
 */
import { participationSettingOf, type DocumentSettings } from "../excel/settings";
import type { Grouping } from "../bulk/groups";
import { yearOf, type Day } from "../rules/dates";
import type { Participation } from "../rules/types";
import { participationOf } from "./model";
import { participationFirstYear } from "../rules/next-start";

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

/**
 * The first year All sheets keeps rows of (readAllSheets' keepFrom): the year of today − 3, as the data-aware
 * next start looks that far back, or the year a participant's KOR participation started when that is earlier:
 * the first crossing since the start ended it, however long ago (rules/next-start.ts firstCrossingSince), as
 * the year report, which reads every row, says. Looks at the workbook's setting, each group's, and the sheets
 * in `unitIds` (met in an earlier read: an ungrouped sheet of a workbook of several businesses keeps its own).
 */
export function allSheetsKeepFrom(settings: DocumentSettings | null, grouping: Grouping, today: Day, unitIds: readonly string[] = []): number {
  let from = yearOf(today) - 3;
  if (settings === null) return from;
  // "" stands for no particular sheet: the workbook's setting (or none, with several businesses).
  for (const id of ["", ...grouping.groups.map((g) => g.members[0] ?? ""), ...unitIds]) {
    const p = participationOf(participationSettingOf(settings, id, grouping) ?? {}, today);
    if (p.status === "in") from = Math.min(from, participationFirstYear(p.since));
  }
  return from;
}
