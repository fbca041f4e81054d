/**
 * The user's choices per sheet (columns, year, filing period, previous year's turnover), kept in the
 * document with Office.context.document.settings: they travel with the workbook and never touch the
 * user's cells. Keyed by worksheet id, so renaming a sheet keeps them.
 *
 * Whether the business is in the KOR is a fact about the business, not about a sheet, so it is kept per
 * business (see participationScope): per workbook, unless the workbook's All-sheets grouping holds two or
 * more businesses (groups); then per group for a grouped sheet and per sheet for an ungrouped one. A value
 * saved per sheet by an earlier version is still read when the business has none.
 */
import type { SheetSettings } from "../taskpane/model";
import { parseGrouping, type Grouping } from "../bulk/groups";
import { GROUPING_SETTING } from "./allSheetsStore";

export interface SettingsStore {
  get(key: string): SheetSettings | null;
  set(key: string, value: SheetSettings): Promise<void>;
}

const PREFIX = "kor.sheet.";
/** The workbook's participation setting (one business per workbook). */
export const PARTICIPATION_SETTING = "kor.participation";
/** A group's participation setting when the workbook holds several businesses; + the group name in lower case. */
export const GROUP_PARTICIPATION_PREFIX = "kor.participation.group.";

/** The participation fields of SheetSettings, as kept per business. */
export type ParticipationSetting = Pick<SheetSettings, "participation" | "inKorSince">;

/** Whose participation a sheet's setting is (kor-rules.md section 5: participation belongs to the business). */
export type ParticipationScope = { readonly kind: "workbook" } | { readonly kind: "group"; readonly name: string } | { readonly kind: "sheet" };

/**
 * The business a sheet (or a unit "sheetId/tableId") belongs to for the participation setting: the
 * workbook, unless the grouping holds two or more groups (several businesses in one workbook): then the
 * sheet's group, or the sheet itself when it is in none.
 */
export function participationScope(grouping: Grouping, sheetId: string): ParticipationScope {
  if (grouping.groups.length < 2) return { kind: "workbook" };
  const sheet = sheetId.split("/")[0];
  const group = grouping.groups.find((g) => g.members.some((m) => m.split("/")[0] === sheet));
  return group === undefined ? { kind: "sheet" } : { kind: "group", name: group.name };
}

function scopeKey(scope: ParticipationScope): string | null {
  if (scope.kind === "workbook") return PARTICIPATION_SETTING;
  if (scope.kind === "group") return GROUP_PARTICIPATION_PREFIX + scope.name.toLowerCase();
  return null;
}

function readParticipation(v: unknown): ParticipationSetting | null {
  if (typeof v !== "object" || v === null) return null;
  const p = (v as { participation?: unknown }).participation;
  if (p !== "in" && p !== "out" && p !== "unknown") return null;
  const since = (v as { inKorSince?: unknown }).inKorSince;
  return { participation: p, inKorSince: typeof since === "string" ? since : null };
}

/**
 * The participation setting of the business `sheetId` belongs to: the business's own, else the value an
 * earlier version kept with the sheet, else none (the rules then take "unknown").
 */
export function participationSettingOf(settings: DocumentSettings, sheetId: string, grouping?: Grouping): ParticipationSetting | null {
  const g = grouping ?? parseGrouping(settings.get(GROUPING_SETTING));
  const key = scopeKey(participationScope(g, sheetId));
  const own = key === null ? null : readParticipation(settings.get(key));
  return own ?? readParticipation(settings.get(PREFIX + sheetId.split("/")[0]));
}

/** Minimal shape of Office.Settings used here (so tests can pass a fake). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export function officeSettingsStore(settings: DocumentSettings): SettingsStore {
  return {
    get(key) {
      const v = settings.get(PREFIX + key);
      const sheet = typeof v === "object" && v !== null ? (v as SheetSettings) : null;
      const p = participationSettingOf(settings, key);
      return p === null ? sheet : { ...(sheet ?? {}), ...p };
    },
    set(key, value) {
      // The participation setting goes to its business (the workbook or a group), the rest stays with the sheet.
      const scope = scopeKey(participationScope(parseGrouping(settings.get(GROUPING_SETTING)), key));
      if (scope !== null && value.participation !== undefined) {
        const { participation, inKorSince, ...sheet } = value;
        settings.set(scope, { participation, inKorSince: inKorSince ?? null });
        settings.set(PREFIX + key, sheet);
      } else {
        settings.set(PREFIX + key, value);
      }
      return new Promise((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.error) reject(new Error(result.error.message));
          else resolve();
        });
      });
    },
  };
}

/** In-memory store for browser mode (a file opened in the browser has no document to keep choices in). */
export function memorySettingsStore(): SettingsStore {
  const map = new Map<string, SheetSettings>();
  return {
    get: (key) => map.get(key) ?? null,
    set: async (key, value) => {
      map.set(key, value);
    },
  };
}
