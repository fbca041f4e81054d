/**
 * Where a problem is: the cell address when Excel gives the parameter addresses
 * (`invocation.parameterAddresses`, CustomFunctionsRuntime 1.3, requested with @requiresParameterAddresses),
 * otherwise the row within the range. Turns the reading layer's first error into the cell error message.
 */
import type { Localized } from "../i18n/types";
import type { Problem } from "../rules/types";
import * as s from "./strings";
import { columnIndex, columnLetter } from "../reading/headers";

/** Which argument (0-based position) holds each column, for one function. */
export type ColumnArgs = Partial<Record<NonNullable<Problem["column"]>, number>>;

/** The part of CustomFunctions.Invocation the functions use. */
export interface InvocationLike {
  readonly address?: string;
  readonly parameterAddresses?: readonly (string | null | undefined)[];
}

const CELL_RANGE = /^(?:(.+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;
const COLUMN_RANGE = /^(?:(.+)!)?\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

/**
 * The address of the `row`-th cell (1-based) of a one-column (or one-row) range address, e.g.
 * ("Blad1!B2:B500", 6) → "Blad1!B7", ("'Mijn blad'!A:A", 3) → "'Mijn blad'!A3". null when unparsable.
 */
export function cellOfRange(rangeAddress: string, row: number): string | null {
  const text = rangeAddress.trim();
  const whole = COLUMN_RANGE.exec(text);
  if (whole !== null) {
    const sheet = whole[1] !== undefined ? `${whole[1]}!` : "";
    return `${sheet}${whole[2].toUpperCase()}${row}`;
  }
  const m = CELL_RANGE.exec(text);
  if (m === null) return null;
  const sheet = m[1] !== undefined ? `${m[1]}!` : "";
  const c1 = columnIndex(m[2]) + 1;
  const r1 = Number(m[3]);
  const c2 = m[4] !== undefined ? columnIndex(m[4]) + 1 : c1;
  const r2 = m[5] !== undefined ? Number(m[5]) : r1;
  const horizontal = r1 === r2 && c2 > c1;
  const col = horizontal ? c1 + row - 1 : c1;
  const r = horizontal ? r1 : r1 + row - 1;
  return `${sheet}${columnLetter(col - 1)}${r}`;
}

/** Strips the reading layer's "Rij 6: " / "Row 6: " so the cell address can take its place. */
function body(problem: Problem): Localized {
  const row = problem.row;
  if (row === null) return problem.message;
  const nlPrefix = `Rij ${row}: `;
  const enPrefix = `Row ${row}: `;
  return {
    nl: problem.message.nl.startsWith(nlPrefix) ? problem.message.nl.slice(nlPrefix.length) : problem.message.nl,
    en: problem.message.en.startsWith(enPrefix) ? problem.message.en.slice(enPrefix.length) : problem.message.en,
  };
}

/** The message for a problem: with the cell address when known, else the row within the range. */
export function locate(problem: Problem, columns: ColumnArgs, invocation?: InvocationLike | null): Localized {
  if (problem.row === null) return problem.message;
  const argIndex = problem.column !== null ? columns[problem.column] : undefined;
  const rangeAddress = argIndex !== undefined ? invocation?.parameterAddresses?.[argIndex] : undefined;
  if (typeof rangeAddress === "string" && rangeAddress !== "") {
    const cell = cellOfRange(rangeAddress, problem.row);
    if (cell !== null) return s.atCell(cell, body(problem));
  }
  return s.atRangeRow(problem.row, body(problem));
}

/** The cell error message for a list of problems: the first error, located, plus how many more there are. */
export function firstErrorMessage(problems: readonly Problem[], columns: ColumnArgs, invocation?: InvocationLike | null, omittedErrors = 0): Localized | null {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return null;
  // Errors past the reading cap were counted, not built: they still count in "and N more".
  return s.andMore(locate(errors[0], columns, invocation), errors.length - 1 + omittedErrors);
}
