/**
 * Entry of the pane. Runs after functions.js in the same shared runtime (taskpane.html's script order).
 * In Excel: Office.onReady gives host Excel → the Excel host. Without Office (a plain browser, or Office.js
 * answering host null) → browser mode over the bundled sample workbook, with files of the user's own.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale, type Lang } from "../i18n/types";
import { todayInNetherlands } from "../rules/dates";
import { memorySettingsStore } from "../excel/settings";
import { excelHost } from "../excel/excelHost";
import { App } from "./App";
import type { PaneHost } from "./host";
import { sampleSource } from "./browser/files";
import { FileWorkers, readFileOffThread } from "./browser/fileWorker";
import { startFileWorker } from "./browser/startFileWorker";

export function browserHost(): PaneHost {
  let current = sampleSource();
  const workers = typeof Worker === "function" ? new FileWorkers(startFileWorker, whenIdle) : null;
  // The reading worker (and exceljs in it) is started once the pane has drawn, not when a file is chosen.
  workers?.prepareLater();
  return {
    mode: "browser",
    settings: memorySettingsStore(),
    read: async () => ({ source: current, sheetName: current.name }),
    excel: null,
    open: (source) => {
      current = source;
    },
    readFile: (file, onProgress) => readFileOffThread(file, onProgress, workers),
  };
}

/** Runs `task` when the page is idle (after the pane's first drawing), or after a short wait where that is unknown. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 500);
}

/** Office.onReady, or null when Office.js is absent or does not answer within `ms` (a plain browser). */
async function officeHost(ms: number): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const ready = Office.onReady().then((info) => info.host ?? null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  return Promise.race([ready, timeout]);
}

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  const host = await officeHost(3000);
  let paneHost: PaneHost;
  let lang: Lang;
  if (host !== null && host === Office.HostType.Excel) {
    paneHost = excelHost();
    lang = langFromLocale(Office.context.displayLanguage);
  } else {
    paneHost = browserHost();
    lang = langFromLocale(navigator.language);
  }
  createRoot(element).render(
    <React.StrictMode>
      <App host={paneHost} initialLang={lang} today={todayInNetherlands()} />
    </React.StrictMode>,
  );
}

void start();
