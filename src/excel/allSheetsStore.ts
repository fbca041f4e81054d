/**
 * Where the all-sheets choices live: the grouping of sheets into businesses, in the document's settings
 * (Office.context.document.settings), so it travels with the workbook and never touches the user's cells.
 */
import { EMPTY_GROUPING, type Grouping, parseGrouping, serializeGrouping } from "../bulk/groups";
import type { DocumentSettings } from "./settings";

export const GROUPING_SETTING = "kor.allSheets.groups";

export function loadGrouping(settings: DocumentSettings | null): Grouping {
  if (settings === null) return EMPTY_GROUPING;
  return parseGrouping(settings.get(GROUPING_SETTING));
}

export function saveGrouping(settings: DocumentSettings | null, grouping: Grouping): Promise<void> {
  if (settings === null) return Promise.resolve();
  settings.set(GROUPING_SETTING, serializeGrouping(grouping));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.error) reject(new Error(result.error.message));
      else resolve();
    });
  });
}
