/**
 * The user's choices per sheet (columns, year, filing period, previous year's turnover), kept in the
 * document with Office.context.document.settings: they travel with the workbook and never touch the
 * user's cells. Keyed by worksheet id, so renaming a sheet keeps them.
 */
import type { SheetSettings } from "../taskpane/model";

export interface SettingsStore {
  get(key: string): SheetSettings | null;
  set(key: string, value: SheetSettings): Promise<void>;
}

const PREFIX = "kor.sheet.";

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
      return typeof v === "object" && v !== null ? (v as SheetSettings) : null;
    },
    set(key, value) {
      settings.set(PREFIX + key, value);
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
