/**
 * The KOR.* functions as Excel's shared runtime gets them: dist/taskpane.html in Chromium with an Office.js
 * stub that records CustomFunctions.associate, the golden table run through the registered functions, every
 * id of both metadata files registered, and no request leaving localhost.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { DIST, startE2E, type E2E } from "./support/browser";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";

interface GoldenCase {
  name: string;
  id: string;
  args: unknown[];
  invocation?: { address?: string; parameterAddresses?: string[] };
  expect?: unknown;
  error?: { code: string; message: string };
}
const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "functions-golden.json"), "utf8")) as { cases: GoldenCase[] };

/** {"date": "2025-09-16"} → that day's Excel serial, anywhere in a value. */
function withSerials(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withSerials);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.date === "string" && Object.keys(o).length === 1) return excelSerialFromDay(dayFromIso(o.date));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, withSerials(x)]));
  }
  return v;
}

/** Office.js stand-in: display language, requirement sets, and a CustomFunctions that records associate(). */
function officeStub(locale: string, formatted: boolean): string {
  return `
    window.__registered = {};
    window.Office = {
      onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); },
      context: {
        displayLanguage: ${JSON.stringify(locale)},
        requirements: { isSetSupported: function (name, v) { return ${formatted} && name === "CustomFunctionsRuntime" && Number(v) <= 1.4; } }
      },
      HostType: { Excel: "Excel" }
    };
    function CFError(code, message) { this.code = code; this.message = message; }
    window.CustomFunctions = {
      associate: function (id, fn) { window.__registered[id] = fn; },
      Error: CFError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" }
    };`;
}

type Outcome = { value: unknown } | { error: { code: unknown; message: unknown; isCustomFunctionsError: boolean } };

async function call(page: Page, id: string, args: unknown[], invocation: unknown): Promise<Outcome> {
  return page.evaluate(
    async ({ id, args, invocation }) => {
      const w = window as unknown as { __registered: Record<string, (...a: unknown[]) => unknown>; CustomFunctions: { Error: new () => object } };
      try {
        return { value: await w.__registered[id](...args, invocation) };
      } catch (e) {
        const err = e as { code?: unknown; message?: unknown };
        return { error: { code: err.code, message: err.message, isCustomFunctionsError: e instanceof w.CustomFunctions.Error } };
      }
    },
    { id, args, invocation },
  );
}

describe("the KOR.* functions in the shared-runtime page", () => {
  let e2e: E2E;
  let page: Page;
  beforeAll(async () => {
    e2e = await startE2E();
    page = await e2e.newPage({ officeStub: officeStub("en-US", false) });
    await page.goto(e2e.baseUrl + "taskpane.html");
    await page.waitForFunction(() => Object.keys((window as unknown as { __registered: object }).__registered).length > 0);
  });
  afterAll(async () => {
    await e2e.close();
  });

  it("registers every id of functions.json and functions-nl.json", async () => {
    const registered = await page.evaluate(() => Object.keys((window as unknown as { __registered: object }).__registered).sort());
    for (const file of ["functions.json", "functions-nl.json"]) {
      const meta = JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")) as { functions: { id: string }[] };
      expect(meta.functions.map((f) => f.id).sort()).toEqual(registered);
    }
    expect(registered).toHaveLength(11);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))("golden: %s", async (_name, c) => {
    const outcome = await call(page, c.id, withSerials(c.args) as unknown[], c.invocation ?? { address: "Sheet1!Z1" });
    if (c.error !== undefined) {
      expect("error" in outcome).toBe(true);
      if ("error" in outcome) {
        expect(outcome.error.isCustomFunctionsError).toBe(true);
        expect(outcome.error.code).toBe(c.error.code);
        expect(String(outcome.error.message)).toMatch(new RegExp(c.error.message));
      }
    } else {
      expect(outcome).toEqual({ value: withSerials(c.expect) });
    }
  });

  it("answers in Dutch and with formatted dates on a Dutch client with CustomFunctionsRuntime 1.4", async () => {
    const nlPage = await e2e.newPage({ officeStub: officeStub("nl-NL", true) });
    await nlPage.goto(e2e.baseUrl + "taskpane.html");
    await nlPage.waitForFunction(() => Object.keys((window as unknown as { __registered: object }).__registered).length > 0);
    const serial = excelSerialFromDay(dayFromIso("2025-12-03"));
    expect(await call(nlPage, "DEADLINE", [serial + 29, null], {})).toEqual({ value: { type: "Double", basicValue: serial, numberFormat: "d-m-yyyy" } });
    const outcome = await call(nlPage, "ISCOUNTABLE", ["zwart"], {});
    expect("error" in outcome && String(outcome.error.message)).toMatch(/^Onbekende categorie "zwart"/);
  });

  it("reads and returns dates in a 1904 workbook's system, asking the workbook once (DATE(2000,1,1) = 35064)", async () => {
    // Excel's request context as a stand-in: the date probe answers as a 1904 workbook does, and syncs are counted.
    const excel1904 = `
      window.__syncs = 0;
      var plainSets = window.Office.context.requirements.isSetSupported;
      window.Office.context.requirements.isSetSupported = function (name, v) { return name === "ExcelApi" || plainSets(name, v); };
      window.Excel = { RequestContext: function () {
        this.workbook = { functions: { date: function () { return { value: 35064, load: function () {} }; } } };
        this.sync = function () { window.__syncs++; return Promise.resolve(); };
      } };`;
    const macPage = await e2e.newPage({ officeStub: officeStub("en-US", false) + excel1904 });
    await macPage.goto(e2e.baseUrl + "taskpane.html");
    await macPage.waitForFunction(() => Object.keys((window as unknown as { __registered: object }).__registered).length > 0);
    const s1904 = (iso: string): number => excelSerialFromDay(dayFromIso(iso)) - 1462;
    const dates = [[s1904("2025-12-01")], [s1904("2026-02-01")], [s1904("2026-05-10")]];
    const amounts = [[600], [19000], [1500]];
    expect(await call(macPage, "COUNTABLE", [dates, amounts, null, 2026], { address: "Sheet1!Z1" })).toEqual({ value: 20500 });
    expect(await call(macPage, "CROSSING", [dates, amounts, null, 2026], { address: "Sheet1!Z1" })).toEqual({ value: s1904("2026-05-10") });
    expect(await call(macPage, "DEADLINE", [s1904("2027-01-01"), null], {})).toEqual({ value: s1904("2026-12-03") });
    expect(await macPage.evaluate(() => (window as unknown as { __syncs: number }).__syncs)).toBe(1);
  });

  it("made no request outside localhost", () => {
    expect(e2e.outsideRequests).toEqual([]);
  });
});
