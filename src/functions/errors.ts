/**
 * Errors a KOR.* function shows in its cell. Excel shows the message of `#VALUE!` and `#N/A` when the user
 * hovers the cell, so every error carries a message; an unexpected exception is turned into one too (a bare
 * `#VALUE!` tells a bookkeeper nothing).
 *
 * Inside Excel the error is a `CustomFunctions.Error`. Where that global does not exist (jest, the command
 * line) a `KorFunctionError` with the same `code` and `message` is thrown instead, so tests can assert both.
 */
import type { Lang, Localized } from "../i18n/types";
import { visibleControls } from "../i18n/safeText";

export type FunctionErrorCode = "#VALUE!" | "#N/A";

/** The fallback error outside Excel: same shape as CustomFunctions.Error (`code`, `message`). */
export class KorFunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "KorFunctionError";
  }
}

/** What is thrown to Excel: a CustomFunctions.Error (not an Error subclass in its typings) or a KorFunctionError. */
export type CellError = object;

interface CustomFunctionsLike {
  Error: new (code: any, message?: string) => CellError;
  ErrorCode: { invalidValue: any; notAvailable: any };
}

function customFunctionsGlobal(): CustomFunctionsLike | null {
  const g = globalThis as unknown as { CustomFunctions?: Partial<CustomFunctionsLike> };
  const cf = g.CustomFunctions;
  return cf !== undefined && typeof cf.Error === "function" && cf.ErrorCode !== undefined ? (cf as CustomFunctionsLike) : null;
}

/**
 * Builds the error Excel shows: CustomFunctions.Error in Excel, KorFunctionError elsewhere. The message names
 * cells by their address, with the sheet's name from the workbook, so its control and direction characters
 * are shown as `\u202E` here, as everywhere else (cell text quoted in it is shown so already).
 */
export function functionError(code: FunctionErrorCode, text: string): CellError {
  const message = visibleControls(text);
  const cf = customFunctionsGlobal();
  if (cf !== null) {
    return new cf.Error(code === "#N/A" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue, message);
  }
  return new KorFunctionError(code, message);
}

/** A known failure with a message in both languages; `guard` turns it into the cell error in the user's language. */
export class Refusal {
  constructor(
    readonly code: FunctionErrorCode,
    readonly message: Localized,
  ) {}
}

export function refuse(message: Localized): never {
  throw new Refusal("#VALUE!", message);
}

export function notAvailable(message: Localized): never {
  throw new Refusal("#N/A", message);
}

const UNEXPECTED: Localized = {
  nl: "Er ging iets mis in de KOR-functie zelf (geen fout in uw gegevens)",
  en: "Something went wrong inside the KOR function itself (not an error in your data)",
};

/**
 * Runs a function body and converts every failure into the error Excel shows: a Refusal into its own
 * message, an error Excel itself created (CustomFunctions.Error) unchanged, anything else into `#VALUE!`
 * that says it is an internal error and names it.
 */
export function guard<T>(lang: Lang, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(lang, e);
  }
}

export function toCellError(lang: Lang, e: unknown): CellError {
  if (e instanceof Refusal) return functionError(e.code, e.message[lang]);
  if (e instanceof KorFunctionError) return e;
  const cf = customFunctionsGlobal();
  if (cf !== null && e instanceof cf.Error) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return functionError("#VALUE!", `${UNEXPECTED[lang]}: ${detail}`);
}
