/*
 * The KOR.* custom functions. The JSDoc of each function is its Excel help and its metadata: the webpack
 * plugin generates functions.json from it and appends the CustomFunctions.associate calls to this file.
 * Ids are stored in users' workbooks: never rename one. Dutch help: src/functions/functions-nl.json.
 *
 * Excel passes ranges as 2-D arrays and omitted optional arguments as null; all coercion happens in
 * ./kor.ts and ./args.ts, so every parameter here is `any`. Each function that reads or returns a date runs
 * once the workbook's date system is known (./dateSystem.ts): the first call in Excel waits for it.
 */
import * as kor from "./kor";
import { afterDateSystem } from "./dateSystem";

// Outside Excel (the pane opened in a plain browser) there is no custom-functions runtime: give the
// associate calls the plugin appends below a harmless target instead of a ReferenceError. Inside Excel,
// office.js has defined CustomFunctions before this script runs, and this line changes nothing.
const host = globalThis as { CustomFunctions?: unknown };
if (host.CustomFunctions === undefined) host.CustomFunctions = { associate: (): void => undefined };

/**
 * The year's turnover that counts, in euros, rounded to cents: the turnover that counts toward the KOR's turnover limit of €20,000.
 * @customfunction COUNTABLE
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param [categories] Category of each invoice (21, 9, 0, export, vrij, prive, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param invocation Invocation (supplied by Excel).
 * @returns Turnover that counts, in euros.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function countable(dates: any[][], amounts: any[][], categories?: any[][], year?: any, invocation?: CustomFunctions.Invocation): number {
  return afterDateSystem(() => kor.countable(dates, amounts, categories, year, invocation));
}

/**
 * TRUE when the business is within the KOR turnover limits for the year (from 2025 the previous year must be within €20,000 too).
 * @customfunction ELIGIBLE
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param [categories] Category of each invoice (21, 9, 0, export, vrij, prive, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param [previousYearTurnover] The previous year's turnover that counts, in euros (e.g. from last year's sheet); it wins over last year's rows in dates. 0 or empty: not given, last year's rows count.
 * @param invocation Invocation (supplied by Excel).
 * @returns TRUE or FALSE.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function eligible(
  dates: any[][],
  amounts: any[][],
  categories?: any[][],
  year?: any,
  previousYearTurnover?: any,
  invocation?: CustomFunctions.Invocation,
): boolean {
  return afterDateSystem(() => kor.eligible(dates, amounts, categories, year, previousYearTurnover, invocation));
}

/**
 * Date of the invoice with which the turnover that counts went over €20,000 in the year; #N/A when it did not.
 * @customfunction CROSSING
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param [categories] Category of each invoice (21, 9, 0, export, vrij, prive, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param invocation Invocation (supplied by Excel).
 * @returns {any} The crossing date.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function crossing(dates: any[][], amounts: any[][], categories?: any[][], year?: any, invocation?: CustomFunctions.Invocation): any {
  return afterDateSystem(() => kor.crossing(dates, amounts, categories, year, invocation));
}

/**
 * Last day the Belastingdienst must receive a KOR registration or exit notice for the first filing period starting on or after startDate (29 days before it).
 * @customfunction DEADLINE
 * @param startDate Wanted start (or exit) date; the first filing period starting on or after it is used.
 * @param [period] Filing period: "quarter" (default), "month" or "year".
 * @returns {any} The deadline date.
 */
export function deadline(startDate: any, period?: any): any {
  return afterDateSystem(() => kor.deadline(startDate, period));
}

/**
 * Earliest KOR start for a registration the Belastingdienst receives on receivedDate.
 * @customfunction START
 * @param receivedDate Day the registration is received.
 * @param [period] Filing period: "quarter" (default), "month" or "year".
 * @returns {any} The earliest start date.
 */
export function start(receivedDate: any, period?: any): any {
  return afterDateSystem(() => kor.start(receivedDate, period));
}

/**
 * One sentence on the KOR for the year: verdict, turnover that counts, % of €20,000, crossing date or room left, and the previous year.
 * @customfunction STATUS
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param [categories] Category of each invoice (21, 9, 0, export, vrij, prive, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param [previousYearTurnover] The previous year's turnover that counts, in euros (e.g. from last year's sheet); it wins over last year's rows in dates. 0 or empty: not given, last year's rows count.
 * @param invocation Invocation (supplied by Excel).
 * @returns The status sentence.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function status(
  dates: any[][],
  amounts: any[][],
  categories?: any[][],
  year?: any,
  previousYearTurnover?: any,
  invocation?: CustomFunctions.Invocation,
): string {
  return afterDateSystem(() => kor.status(dates, amounts, categories, year, previousYearTurnover, invocation));
}

/**
 * A table per quarter (spills): turnover, cumulative, % of €20,000 and status, with a total row.
 * @customfunction REPORT
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param [categories] Category of each invoice (21, 9, 0, export, vrij, prive, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param invocation Invocation (supplied by Excel).
 * @returns {any[][]} The quarterly table.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function report(dates: any[][], amounts: any[][], categories?: any[][], year?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return afterDateSystem(() => kor.report(dates, amounts, categories, year, invocation));
}

/**
 * TRUE when turnover in this category counts toward the KOR's turnover limit of €20,000.
 * @customfunction ISCOUNTABLE
 * @param category A category code or VAT rate, e.g. "21%", "export", "vrij", "prive". Empty counts.
 * @returns TRUE or FALSE.
 */
export function isCountable(category: any): boolean {
  return kor.isCountable(category);
}

/**
 * Union turnover of the year for the EU-KOR (€100,000 limit): turnover that counts for the KOR plus turnover taxed in another EU member state. From 2024.
 * @customfunction EUTURNOVER
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param countries Member state where each supply is made (NL, DE, BE, …). Empty means NL for turnover that counts for the KOR; a buitenland row needs the state where it is taxed (#VALUE! without it, or with NL).
 * @param [categories] Category of each invoice (21, 9, 0, export, buitenland, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param invocation Invocation (supplied by Excel).
 * @returns Union turnover in euros.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function euTurnover(
  dates: any[][],
  amounts: any[][],
  countries: any[][],
  categories?: any[][],
  year?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return afterDateSystem(() => kor.euTurnover(dates, amounts, countries, categories, year, invocation));
}

/**
 * TRUE when the EU-KOR exemption can apply in that member state this year: Union turnover within €100,000 this year and last year, and turnover there within that state's threshold this year and last year.
 * @customfunction EUELIGIBLE
 * @param dates Invoice dates (one column).
 * @param amounts Invoice amounts excluding VAT, in euros (same rows as dates).
 * @param countries Member state where each supply is made (NL, DE, BE, …). Empty means NL for turnover that counts for the KOR; a buitenland row needs the state where it is taxed (#VALUE! without it, or with NL).
 * @param country The member state to check, e.g. "BE" or "België".
 * @param [categories] Category of each invoice (21, 9, 0, export, buitenland, …). Omitted or empty: the invoice counts as taxed turnover.
 * @param [year] Calendar year, e.g. 2026. Omitted: the latest year in dates that is not after this year.
 * @param [threshold] That state's national threshold in euros, where none is verified (#N/A asks for it). 0 or empty: not given, the verified threshold counts.
 * @param [previousYearUnionTurnover] Union turnover of the previous year in euros (e.g. from last year's sheet); it wins over last year's rows in dates. 0 or empty: not given, last year's rows count.
 * @param invocation Invocation (supplied by Excel).
 * @returns TRUE or FALSE.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function euEligible(
  dates: any[][],
  amounts: any[][],
  countries: any[][],
  country: any,
  categories?: any[][],
  year?: any,
  threshold?: any,
  previousYearUnionTurnover?: any,
  invocation?: CustomFunctions.Invocation,
): boolean {
  return afterDateSystem(() => kor.euEligible(dates, amounts, countries, country, categories, year, threshold, previousYearUnionTurnover, invocation));
}

/**
 * Herziening due in a year after entering the KOR: the part of input VAT deducted on capital goods that must be repaid (movables 1/5 a year over 5 years, real estate 1/10 over 10, from the year first used). 0 when the year's total for goods in use before that year is under €500. A start during the year: that year pro rata. Goods first used in the start year: an estimated first-year correction.
 * @customfunction REVISION
 * @param vatDeducted VAT deducted on each capital good, in euros (one row per good).
 * @param firstUseDates Date each good was first used in the business (same rows).
 * @param kinds Kind of each good: "movable" / "roerend" (5 years) or "real estate" / "onroerend" (10 years) (same rows).
 * @param korStartDate First day in the KOR.
 * @param [year] Calendar year of the revision, e.g. 2026. Omitted: the year of korStartDate.
 * @param invocation Invocation (supplied by Excel).
 * @returns Herziening due in the year, in euros.
 * @requiresAddress
 * @requiresParameterAddresses
 */
export function revision(
  vatDeducted: any[][],
  firstUseDates: any[][],
  kinds: any[][],
  korStartDate: any,
  year?: any,
  invocation?: CustomFunctions.Invocation,
): number {
  return afterDateSystem(() => kor.revision(vatDeducted, firstUseDates, kinds, korStartDate, year, invocation));
}
