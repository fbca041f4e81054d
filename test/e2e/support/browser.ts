/**
 * End-to-end support: serve dist/ on 127.0.0.1, open pages in Debian's Chromium through playwright-core,
 * answer the Office.js CDN URL with a local stub, and record every request that leaves localhost (there
 * must be none: client financial data stays in the workbook).
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Server } from "http";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../../scripts/serve.js") as { serve(root: string, port?: number): Promise<{ server: Server; url: string }> };

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Debian's chromium binary; a clear failure (not a skip) when it is missing. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("Chromium is not installed. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH; see README 'Tests'.");
  }
}

/**
 * The pane's layout is checked at Excel's size (350 × 620 px: the answer visible without scrolling, nothing wider
 * than the pane) in Liberation Sans, which has Arial's widths and comes close to Excel's Segoe UI. Without it
 * fontconfig falls back to DejaVu Sans, much wider: the Dutch verdict card then ran 31 px past the pane's foot on a
 * fresh machine whose chromium came without recommended packages. A clear failure instead of that puzzle.
 */
export function requireLayoutFont(): void {
  let families: string;
  try {
    families = execFileSync("fc-list", [":family=Liberation Sans", "family"], { encoding: "utf8" });
  } catch {
    return; // no fontconfig (not Linux): Chromium uses the system's own fonts
  }
  if (!families.includes("Liberation Sans")) {
    throw new Error("The font Liberation Sans is not installed; the pane's layout tests measure in it. Install it (apt-get install fonts-liberation); see README 'Tests'.");
  }
}

export interface E2E {
  readonly browser: Browser;
  readonly baseUrl: string;
  /** Requests to anything but localhost/127.0.0.1 (the Office.js stub route excepted). */
  readonly outsideRequests: string[];
  newPage(options?: { officeStub?: string; locale?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `root` (dist/ unless told: the release test serves an unpacked zip) and starts Chromium. */
export async function startE2E(root: string = DIST): Promise<E2E> {
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    throw new Error(`${root} has no taskpane.html: run \`npm run build\` first (npm test does).`);
  }
  requireLayoutFont();
  const { server, url } = await serve(root, 0);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ], // playwright gives every launch a fresh, temporary profile directory
  });
  const outsideRequests: string[] = [];
  const contexts: BrowserContext[] = [];

  return {
    browser,
    baseUrl: url,
    outsideRequests,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: options.locale ?? "en-US", viewport: options.viewport ?? { width: 350, height: 900 } });
      contexts.push(context);
      await context.route("**/*", async (route) => {
        const requestUrl = route.request().url();
        if (requestUrl.startsWith(OFFICE_JS_URL)) {
          await route.fulfill({ status: 200, contentType: "text/javascript", body: options.officeStub ?? "" });
          return;
        }
        const host = new URL(requestUrl).hostname;
        if (host === "localhost" || host === "127.0.0.1" || requestUrl.startsWith("data:") || requestUrl.startsWith("blob:")) {
          await route.continue();
          return;
        }
        outsideRequests.push(requestUrl);
        await route.abort();
      });
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function saveArtifact(name: string, data: Buffer | string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, data);
  return file;
}

/**
 * Waits until no animation runs in the page. A fold that opens (Fluent's Collapse) moves what is inside it
 * for a few frames; on a busy machine a click computed on a frame where a header stood still landed where it
 * no longer was (the header of "Columns", clicked while "Settings" unfolded: 2 in 55 runs on a loaded machine). Fluent's
 * animations keep their end state (fill "both"), so finished ones stay listed: only running ones count, and
 * not endless ones (a spinner) that would never let it return.
 */
export async function motionDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
}
