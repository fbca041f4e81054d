/**
 * Every message of the reading layer (src/reading), in Dutch and English, in plain words for bookkeepers.
 *
 * Cell readers produce a *body* ("bedrag zonder datum. …", lower case, no row); the row reader wraps it with
 * `atRow(row, body)`, which adds "Rij 14: " / "Row 14: ". So every problem message names its row, and a
 * single-cell caller (a custom function on one cell) can show the body on its own with `atRow(null, body)`.
 * Cell values are quoted as plain text; the UI must render them as text, never as HTML.
 */
import type { Localized } from "./types";
import { visibleControls } from "./safeText";
import { DISTANCE_LIMIT, countEn, countNl } from "../rules/text";
import { NEW_KOR_RULES_YEAR } from "../rules/parameters";
import { formatEuros } from "../rules/money";
import { formatDay, type Day } from "../rules/dates";

/** Column names as the user sees them. */
export type ReadingColumn = "date" | "amount" | "category" | "country" | "vat";

const COLUMN_NAMES: Record<ReadingColumn, Localized> = {
  date: { nl: "datum", en: "date" },
  amount: { nl: "bedrag", en: "amount" },
  category: { nl: "categorie", en: "category" },
  country: { nl: "land", en: "country" },
  vat: { nl: "btw", en: "VAT" },
};

export function columnName(column: ReadingColumn): Localized {
  return COLUMN_NAMES[column];
}

/** The text with its first letter in capitals (a row's name at the start of a sentence). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Rij 14: <body>" / "Row 14: <body>"; without a row the body is shown as a sentence on its own. */
export function atRow(row: number | null, body: Localized): Localized {
  if (row === null) return { nl: capitalize(body.nl), en: capitalize(body.en) };
  return { nl: `Rij ${row}: ${body.nl}`, en: `Row ${row}: ${body.en}` };
}

/** Rows named in a message for several rows; the count says how many there are in all. */
export const ROWS_NAMED = 5;

function listNl(rows: readonly (number | string)[]): string {
  return rows.length === 1 ? String(rows[0]) : `${rows.slice(0, -1).join(", ")} en ${rows[rows.length - 1]}`;
}

function listEn(rows: readonly (number | string)[]): string {
  return rows.length === 1 ? String(rows[0]) : `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}

/**
 * One message for `count` rows with the same problem (`rows`: the first of them, in sheet order): "Rij 4: <body>"
 * for one, "Rijen 4, 9 en 17: <body>" when all are named, "12 rijen (eerste: rij 4, 9, 17, 20, 31): <body>"
 * when there are more than ROWS_NAMED.
 */
export function atRows(rows: readonly number[], count: number, body: Localized): Localized {
  if (rows.length === 0) return atRow(null, body);
  if (count <= 1) return atRow(rows[0], body);
  const named = rows.slice(0, ROWS_NAMED);
  if (count === named.length) return { nl: `Rijen ${listNl(named)}: ${body.nl}`, en: `Rows ${listEn(named)}: ${body.en}` };
  return {
    nl: `${countNl(count)} rijen (eerste: rij ${named.join(", ")}): ${body.nl}`,
    en: `${countEn(count)} rows (first: rows ${named.join(", ")}): ${body.en}`,
  };
}

/**
 * As atRows, with each row named by `rowName` (an auditfile's rows are entries, named by their reference and
 * day: "boeking F2 van 1 maart 2026"); without it, atRows' sheet rows.
 */
export function atNamedRows(rows: readonly number[], count: number, body: Localized, rowName?: (row: number) => Localized): Localized {
  if (rowName === undefined || rows.length === 0) return atRows(rows, count, body);
  const names = rows.slice(0, count <= 1 ? 1 : ROWS_NAMED).map(rowName);
  const nl = names.map((n) => n.nl);
  const en = names.map((n) => n.en);
  if (count <= names.length) {
    return { nl: `${capitalize(listNl(nl))}: ${body.nl}`, en: `${capitalize(listEn(en))}: ${body.en}` };
  }
  return { nl: `${countNl(count)} rijen (eerste: ${nl.join("; ")}): ${body.nl}`, en: `${countEn(count)} rows (first: ${en.join("; ")}): ${body.en}` };
}

/** Row problems past the number given one by one (distinct problems; repeated ones are grouped already). */
export function moreRowProblems(rows: number): Localized {
  return {
    nl: `Nog ${countNl(rows)} ${rows === 1 ? "rij heeft een ander probleem dat" : "rijen hebben andere problemen die"} hier niet afzonderlijk ${rows === 1 ? "wordt" : "worden"} getoond. Los eerst de getoonde op en controleer opnieuw.`,
    en: `${countEn(rows)} more ${rows === 1 ? "row has another problem that is" : "rows have other problems that are"} not shown one by one here. Fix the ones shown first and check again.`,
  };
}

/**
 * A cell value quoted for a message, shortened so a pasted paragraph cannot flood the screen, with control
 * and direction characters shown as `\uXXXX` (an ESC or U+202E in a client's cell must not act on the
 * terminal or reverse the rest of the warning).
 */
export function quote(text: string): string {
  return `"${visibleControls(shortened(text))}"`;
}

/**
 * `text` cut to 57 characters and "..." when longer than 60. Counted in code points, so an emoji or another
 * character beyond U+FFFF is never cut in half (half a pair would be shown as \uD83D).
 */
export function shortened(text: string): string {
  if (text.length <= 60) return text;
  // Counted up to the 61st code point only: spreading the whole text into an array of characters ended the whole
  // kor-check run (worker pool included) with a fatal "invalid array length" on a CSV cell of 300 million characters.
  let count = 0;
  let cut = 0;
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) {
    count++;
    if (count === 58) cut = i;
    if (count > 60) return `${text.slice(0, cut)}...`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Any column

/**
 * How a column's cell and value read in a sentence, with the right article: "the amount cell … not an amount",
 * "de btw-cel … geen btw-bedrag".
 */
const CELL_WORDS: Record<ReadingColumn, { cell: Localized; value: Localized }> = {
  date: { cell: { nl: "de datumcel", en: "the date cell" }, value: { nl: "datum", en: "a date" } },
  amount: { cell: { nl: "de bedragcel", en: "the amount cell" }, value: { nl: "bedrag", en: "an amount" } },
  category: { cell: { nl: "de categoriecel", en: "the category cell" }, value: { nl: "categorie", en: "a category" } },
  country: { cell: { nl: "de landcel", en: "the country cell" }, value: { nl: "land", en: "a country" } },
  vat: { cell: { nl: "de btw-cel", en: "the VAT cell" }, value: { nl: "btw-bedrag", en: "a VAT amount" } },
};

/**
 * How a Dutch-language Excel shows an error value that files and Office.js give by its English code: a Dutch
 * user sees #N/B where the value says #N/A. Only the long-standing ones; the rest are shown as given.
 */
const DUTCH_EXCEL_ERRORS: Readonly<Record<string, string>> = {
  "#N/A": "#N/B", "#VALUE!": "#WAARDE!", "#REF!": "#VERW!", "#DIV/0!": "#DEEL/0!", "#NUM!": "#GETAL!", "#NAME?": "#NAAM?", "#NULL!": "#LEEG!",
};

export function excelErrorCell(text: string, column: ReadingColumn): Localized {
  const { cell } = CELL_WORDS[column];
  const dutch = DUTCH_EXCEL_ERRORS[text];
  return {
    nl: `${cell.nl} toont de Excel-fout ${text}${dutch === undefined ? "" : ` (${dutch} in een Nederlandstalige Excel)`}. Herstel de formule of maak de cel leeg.`,
    en: `${cell.en} shows the Excel error ${text}. Fix the formula or clear the cell.`,
  };
}

export function booleanCell(text: string, column: ReadingColumn): Localized {
  const { cell, value } = CELL_WORDS[column];
  return {
    // A Dutch Excel shows TRUE as WAAR and FALSE as ONWAAR: the Dutch message names what the user sees.
    nl: `${cell.nl} bevat ${text === "TRUE" ? "WAAR" : text === "FALSE" ? "ONWAAR" : text} (een waar/onwaar-waarde, ${text} in een Engelstalige Excel), geen ${value.nl}.`,
    en: `${cell.en} contains ${text} (true/false), not ${value.en}.`,
  };
}

/** A formula saved without its calculated value (a file written by a program that does not calculate). */
export function formulaNoResult(column: ReadingColumn): Localized {
  const { cell } = CELL_WORDS[column];
  return {
    nl: `${cell.nl} bevat een formule zonder berekende waarde. Open het bestand in Excel en sla het op, dan rekent Excel de formule uit.`,
    en: `${cell.en} contains a formula without a calculated value. Open the file in Excel and save it, so Excel calculates the formula.`,
  };
}

export function unsupportedCell(text: string, column: ReadingColumn): Localized {
  const { cell, value } = CELL_WORDS[column];
  return {
    nl: `${cell.nl} bevat iets wat geen ${value.nl} is: ${quote(text)}.`,
    en: `${cell.en} contains something that is not ${value.en}: ${quote(text)}.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Dates

export function dateNotADate(text: string): Localized {
  return {
    nl: `${quote(text)} is geen datum. Schrijf de datum als 1-9-2026 (dag-maand-jaar) of 2026-09-01, of maak er een Excel-datum van.`,
    en: `${quote(text)} is not a date. Write the date as 1-9-2026 (day-month-year) or 2026-09-01, or make it an Excel date.`,
  };
}

export function dateImpossible(text: string, month?: number): Localized {
  if (month !== undefined && !(month >= 1 && month <= 12)) {
    return {
      nl: `de datum ${quote(text)} bestaat niet (er is geen maand ${month}). Datums lezen we als dag-maand-jaar.`,
      en: `the date ${quote(text)} does not exist (there is no month ${month}). Dates are read as day-month-year.`,
    };
  }
  return {
    nl: `de datum ${quote(text)} bestaat niet (zo'n dag heeft die maand niet). Datums lezen we als dag-maand-jaar.`,
    en: `the date ${quote(text)} does not exist (that month has no such day). Dates are read as day-month-year.`,
  };
}

/**
 * Note: text dates with a two-digit year (`9-2-24`) were read as Excel reads a typed two-digit year.
 * `text` is the first such cell, `read` that date written out ("9-2-2024" / "9 February 2024").
 */
/** "kolom A" / "column A", or the date column when its letter is not known (a function's range). */
function dateColumnName(letter: string | null): Localized {
  return letter === null ? { nl: "de datumkolom", en: "the date column" } : { nl: `kolom ${letter}`, en: `column ${letter}` };
}

const ORDER_NAME: Readonly<Record<"dmy" | "mdy", Localized>> = {
  dmy: { nl: "dag/maand/jaar", en: "day/month/year" },
  mdy: { nl: "maand/dag/jaar (Amerikaanse volgorde)", en: "month/day/year (US order)" },
};

/** A text date alone (an argument, a typed date) that is a date only month/day/year: `09/14/2026`. */
export function dateOnlyMonthFirst(text: string, month: number, read: Localized): Localized {
  return {
    nl: `de datum ${quote(text)} bestaat niet als dag-maand-jaar (er is geen maand ${month}). Alleen als maand/dag/jaar (Amerikaanse volgorde) is het een datum: ${read.nl}. Bedoelt u die datum, schrijf hem dan als dag-maand-jaar of jaar-maand-dag, of maak er een Excel-datum van.`,
    en: `the date ${quote(text)} does not exist as day-month-year (there is no month ${month}). Only as month/day/year (US order) is it a date: ${read.en}. If that is the date you mean, write it as day-month-year or year-month-day, or make it an Excel date.`,
  };
}

/** Note: a date column read month/day/year, because `evidence` is a date only that way and no date is one only day/month/year. */
export function dateOrderMonthFirst(letter: string | null, evidence: { row: number; text: string }, example: { text: string; read: Localized } | null): Localized {
  const col = dateColumnName(letter);
  return {
    nl:
      `De datums in ${col.nl} zijn gelezen als maand/dag/jaar (Amerikaanse volgorde), omdat rij ${evidence.row} ${quote(evidence.text)} alleen zo een datum is ` +
      `en geen datum in de kolom alleen als dag/maand/jaar een datum is.${example === null ? "" : ` Zo is ${quote(example.text)} ${example.read.nl}.`}`,
    en:
      `The dates in ${col.en} were read as month/day/year (US order), because row ${evidence.row} ${quote(evidence.text)} is a date only that way ` +
      `and no date in the column is one only as day/month/year.${example === null ? "" : ` So ${quote(example.text)} is ${example.read.en}.`}`,
  };
}

/** Note: every text date of the column reads both ways and some use "/": read day/month/year, the user may check. */
export function dateOrderUndecided(letter: string | null, example: { row: number; text: string; read: Localized; iso: string }): Localized {
  const col = dateColumnName(letter);
  return {
    nl:
      `De datums in ${col.nl} zijn gelezen als dag/maand/jaar: rij ${example.row} ${quote(example.text)} is ${example.read.nl}. Geen datum in de kolom laat zien ` +
      `of de volgorde dag/maand of maand/dag is. Komt de lijst uit een programma dat maand/dag/jaar schrijft (Amerikaanse volgorde), ` +
      `schrijf de datums dan als jaar-maand-dag (${example.iso}) of maak er Excel-datums van.`,
    en:
      `The dates in ${col.en} were read as day/month/year: row ${example.row} ${quote(example.text)} is ${example.read.en}. No date in the column shows ` +
      `whether the order is day/month or month/day. If the list comes from a program that writes month/day/year (US order), ` +
      `write the dates as year-month-day (${example.iso}) or make them Excel dates.`,
  };
}

/** Error: a date that reads both ways in a column that holds dates of both orders. */
export function dateOrderMixed(text: string, readings: { dmy: Localized; mdy: Localized }, letter: string | null, dayFirst: { row: number; text: string }, monthFirst: { row: number; text: string }, count = 1): Localized {
  const col = dateColumnName(letter);
  return {
    nl:
      `${count === 1 ? `de datum ${quote(text)} kan` : `datums zoals ${quote(text)} kunnen`} op twee manieren gelezen worden (${quote(text)} is ${readings.dmy.nl} of ${readings.mdy.nl}), ` +
      `en ${col.nl} heeft datums in beide volgordes: rij ${dayFirst.row} ${quote(dayFirst.text)} is alleen als dag/maand/jaar een datum, ` +
      `rij ${monthFirst.row} ${quote(monthFirst.text)} alleen als maand/dag/jaar. ${count === 1 ? "Deze datum is" : "Deze datums zijn"} niet meegeteld. ` +
      `Schrijf de datums als jaar-maand-dag (2026-09-01) of maak er Excel-datums van.`,
    en:
      `${count === 1 ? `the date ${quote(text)} reads` : `dates such as ${quote(text)} read`} two ways (${quote(text)} is ${readings.dmy.en} or ${readings.mdy.en}), ` +
      `and ${col.en} holds dates in both orders: row ${dayFirst.row} ${quote(dayFirst.text)} is a date only as day/month/year, ` +
      `row ${monthFirst.row} ${quote(monthFirst.text)} only as month/day/year. ${count === 1 ? "This date is" : "These dates are"} not counted. ` +
      `Write the dates as year-month-day (2026-09-01) or make them Excel dates.`,
  };
}

/**
 * Error: a date that is a date only in `onlyAs` order, in a column whose other dates show the other order
 * (`other`: a row whose date is one only that way), or were read in it before this row (a list read in blocks).
 */
export function dateOrderContradicts(text: string, onlyAs: "dmy" | "mdy", read: Localized, letter: string | null, other: { row: number; text: string } | null, count = 1): Localized {
  const col = dateColumnName(letter);
  const otherOrder = onlyAs === "dmy" ? "mdy" : "dmy";
  const but: Localized =
    other === null
      ? {
          nl: `maar de datums boven deze rij in ${col.nl} zijn al gelezen als ${ORDER_NAME[otherOrder].nl}: geen ervan was alleen als ${ORDER_NAME[onlyAs].nl} een datum. Controleer die datums ook`,
          en: `but the dates above this row in ${col.en} were already read as ${ORDER_NAME[otherOrder].en}: none of them was a date only as ${ORDER_NAME[onlyAs].en}. Check those dates too`,
        }
      : {
          nl: `maar ${col.nl} heeft datums die alleen als ${ORDER_NAME[otherOrder].nl} een datum zijn (zoals rij ${other.row} ${quote(other.text)})`,
          en: `but ${col.en} holds dates that are dates only as ${ORDER_NAME[otherOrder].en} (such as row ${other.row} ${quote(other.text)})`,
        };
  return {
    nl:
      `${count === 1 ? `de datum ${quote(text)} is` : `datums zoals ${quote(text)} zijn`} alleen als ${ORDER_NAME[onlyAs].nl} een datum (${quote(text)} is ${read.nl}), ${but.nl}. ` +
      `${count === 1 ? "Deze datum is" : "Deze datums zijn"} niet meegeteld. Schrijf de datums als jaar-maand-dag (2026-09-14) of maak er Excel-datums van.`,
    en:
      `${count === 1 ? `the date ${quote(text)} is a date` : `dates such as ${quote(text)} are dates`} only as ${ORDER_NAME[onlyAs].en} (${quote(text)} is ${read.en}), ${but.en}. ` +
      `${count === 1 ? "This date is" : "These dates are"} not counted. Write the dates as year-month-day (2026-09-14) or make them Excel dates.`,
  };
}

/**
 * Error: a date that is a date only in `onlyAs` order, in a column read in the other order because its other dates
 * show it (`other`: a row whose date is one only that way): one or two such rows among many are likely typos.
 */
export function dateOrderTypo(text: string, onlyAs: "dmy" | "mdy", read: Localized, letter: string | null, other: { row: number; text: string }, count = 1): Localized {
  const col = dateColumnName(letter);
  const order = onlyAs === "dmy" ? "mdy" : "dmy";
  return {
    nl:
      `${count === 1 ? `de datum ${quote(text)} is` : `datums zoals ${quote(text)} zijn`} alleen als ${ORDER_NAME[onlyAs].nl} een datum (${quote(text)} is ${read.nl}), ` +
      `maar ${col.nl} is gelezen als ${ORDER_NAME[order].nl}, zoals de andere datums laten zien (rij ${other.row} ${quote(other.text)} is alleen zo een datum). ` +
      `Waarschijnlijk ${count === 1 ? "een tikfout: deze datum is" : "tikfouten: deze datums zijn"} niet meegeteld. ` +
      `Verbeter ${count === 1 ? "hem" : "ze"} naar ${ORDER_NAME[order].nl} of schrijf ${count === 1 ? "hem" : "ze"} als jaar-maand-dag (2026-09-14).`,
    en:
      `${count === 1 ? `the date ${quote(text)} is a date` : `dates such as ${quote(text)} are dates`} only as ${ORDER_NAME[onlyAs].en} (${quote(text)} is ${read.en}), ` +
      `but ${col.en} is read as ${ORDER_NAME[order].en}, as its other dates show (row ${other.row} ${quote(other.text)} is a date only that way). ` +
      `Probably ${count === 1 ? "a typo: this date is" : "typos: these dates are"} not counted. ` +
      `Correct ${count === 1 ? "it" : "them"} to ${ORDER_NAME[order].en} or write ${count === 1 ? "it" : "them"} as year-month-day (2026-09-14).`,
  };
}

export function dateTwoDigitYear(text: string, read: Localized, count = 1): Localized {
  return {
    nl:
      `${count === 1 ? `de datum ${quote(text)} heeft` : `datums zoals ${quote(text)} hebben`} een jaar van twee cijfers. ` +
      `${count === 1 ? "Die is gelezen" : "Die zijn gelezen"} zoals Excel een getypt jaar leest: 00–29 als 2000–2029, 30–99 als 1930–1999 ` +
      `(${quote(text)} is ${read.nl}). Klopt dat niet, schrijf het jaar dan voluit, bijvoorbeeld 1-9-2026.`,
    en:
      `${count === 1 ? `the date ${quote(text)} has` : `dates such as ${quote(text)} have`} a two-digit year. ` +
      `${count === 1 ? "It was read" : "They were read"} as Excel reads a typed year: 00–29 as 2000–2029, 30–99 as 1930–1999 ` +
      `(${quote(text)} is ${read.en}). If that is wrong, write the full year, for example 1-9-2026.`,
  };
}

export function dateFictitiousLeapDay(): Localized {
  return {
    nl: `datumgetal 60 is 29 februari 1900, een dag die niet bestond (een oude Excel-fout). Vul de echte factuurdatum in.`,
    en: `date number 60 is 29 February 1900, a day that never existed (an old Excel bug). Enter the real invoice date.`,
  };
}

export function dateSerialOutOfRange(text: string): Localized {
  return {
    nl: `${text} is geen geldige Excel-datum (Excel-datums lopen van 1-1-1900 tot 31-12-9999). Staat hier misschien een bedrag in de datumkolom?`,
    en: `${text} is not a valid Excel date (Excel dates run from 1-1-1900 to 31-12-9999). Is there an amount in the date column?`,
  };
}

export function dateNumberAsText(text: string): Localized {
  return {
    nl: `${quote(text)} is tekst met alleen cijfers, geen datum. Schrijf de datum als 1-9-2026 of 2026-09-01.`,
    en: `${quote(text)} is text with digits only, not a date. Write the date as 1-9-2026 or 2026-09-01.`,
  };
}

/**
 * Warning: one or two rows dated in a year far from the sheet's other rows (2016 among rows of 2026): a typo in
 * the year moves the invoice out of the year checked. `others` are the other rows' years, as "2025–2026".
 */
export function dateYearLone(firstDay: Day, count: number, year: number, others: string): Localized {
  if (count > 1) {
    return {
      nl: `de datums in ${year} (de eerste is ${formatDay(firstDay, "nl")}) liggen jaren van de andere rijen af (${others}). Kloppen de jaren? Deze rijen tellen alleen mee in ${year}, niet in ${others}.`,
      en: `the dates in ${year} (the first is ${formatDay(firstDay, "en")}) lie years from the other rows (${others}). Are the years right? These rows count only in ${year}, not in ${others}.`,
    };
  }
  return {
    nl: `de datum ${formatDay(firstDay, "nl")} ligt jaren van de andere rijen af (${others}). Klopt het jaar? Deze rij telt alleen mee in ${year}, niet in ${others}.`,
    en: `the date ${formatDay(firstDay, "en")} lies years from the other rows (${others}). Is the year right? This row counts only in ${year}, not in ${others}.`,
  };
}

/** Warning: the row is read, but its year is far from any KOR year. With several rows, `isoDate` is the first row's. */
export function dateYearSuspicious(isoDate: string, count = 1): Localized {
  if (count > 1) {
    return {
      nl: `de datums liggen niet tussen 2000 en 2100 (de eerste is ${isoDate}). Kloppen de datums? Staat er misschien een bedrag in de datumkolom?`,
      en: `the dates are not between 2000 and 2100 (the first is ${isoDate}). Are the dates right? Is there an amount in the date column?`,
    };
  }
  return {
    nl: `de datum ${isoDate} ligt niet tussen 2000 en 2100. Klopt de datum? Staat er misschien een bedrag in de datumkolom?`,
    en: `the date ${isoDate} is not between 2000 and 2100. Is the date right? Is there an amount in the date column?`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Amounts (also the VAT amount column)

export function amountNotANumber(text: string, column: "amount" | "vat" = "amount"): Localized {
  const { value } = CELL_WORDS[column];
  return {
    nl: `${quote(text)} is geen ${value.nl}. Schrijf een bedrag als 1234,56 of 1.234,56 (of 1234.56).`,
    en: `${quote(text)} is not ${value.en}. Write an amount as 1234.56 or 1,234.56 (or 1.234,56).`,
  };
}

export function amountAmbiguous(text: string): Localized {
  return {
    nl: `bij ${quote(text)} is niet zeker of de punt of komma duizendtallen scheidt of centen. Schrijf 1234 of 1.234,00 voor duizend-en-zoveel euro.`,
    en: `in ${quote(text)} it is unclear whether the point or comma separates thousands or cents. Write 1234 or 1,234.00 for a thousand-odd euros.`,
  };
}

export function amountTooManyDecimals(text: string): Localized {
  return {
    nl: `${quote(text)} heeft meer dan 2 cijfers achter de komma. Rond af op centen, bijvoorbeeld 12,35.`,
    en: `${quote(text)} has more than 2 decimals. Round it to cents, for example 12.35.`,
  };
}

export function amountTooLarge(text: string): Localized {
  return {
    nl: `${quote(text)} is geen realistisch factuurbedrag (te groot of geen eindig getal).`,
    en: `${quote(text)} is not a realistic invoice amount (too large or not a finite number).`,
  };
}

export function amountPercent(text: string): Localized {
  return {
    nl: `${quote(text)} is een percentage, geen bedrag. Staat het btw-tarief in de bedragkolom?`,
    en: `${quote(text)} is a percentage, not an amount. Is the VAT rate in the amount column?`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Categories

export function categoryUnknown(text: string, accepted: Localized): Localized {
  return {
    nl: `onbekende categorie ${quote(text)}. Gebruik een van: ${accepted.nl}.`,
    en: `unknown category ${quote(text)}. Use one of: ${accepted.en}.`,
  };
}

export function categoryAmbiguous(text: string): Localized {
  return {
    nl:
      `categorie ${quote(text)} is niet eenduidig. Kies: kor (vrijgesteld alleen door de KOR, telt mee), ` +
      `vrij (vrijgesteld op grond van art. 11, bijv. medisch of onderwijs, telt niet mee), ` +
      `vrij-og (onroerend goed), vrij-fin (financieel) of vrij-verz (verzekering) (tellen mee), ` +
      `of vrij-og-bijkomend, vrij-fin-bijkomend, vrij-verz-bijkomend (bijkomend, tellen niet mee).`,
    en:
      `category ${quote(text)} is ambiguous. Choose: kor (exempt only because of the KOR, counts), ` +
      `vrij (exempt under art. 11, e.g. medical or education, does not count), ` +
      `vrij-og (real estate), vrij-fin (financial) or vrij-verz (insurance) (count), ` +
      `or vrij-og-bijkomend, vrij-fin-bijkomend, vrij-verz-bijkomend (ancillary, do not count).`,
  };
}

/** "eu dienst" (kor-rules.md section 3): taxed in the customer's state (does not count) or in NL (counts). */
export function categoryAmbiguousEuService(text: string): Localized {
  return {
    nl:
      `categorie ${quote(text)} is niet eenduidig. Kies: buitenland (zakelijke dienst aan een afnemer in een andere EU-lidstaat, ` +
      `daar belast, telt niet mee; vul het land in) of een tarief zoals 21 (dienst aan een particulier in de EU, belast in Nederland, telt mee).`,
    en:
      `category ${quote(text)} is ambiguous. Choose: buitenland (a B2B service to a customer in another EU member state, ` +
      `taxed there, does not count; fill in the country) or a rate such as 21 (a service to an EU consumer, taxed in the Netherlands, counts).`,
  };
}

/**
 * A package's 0% rate for supplies to EU businesses ("0% EU", "Binnen EU"): goods (icp, counts) or a B2B service
 * taxed in the customer's state (buitenland, does not count). Never guessed.
 */
export function categoryAmbiguousEuSupply(text: string): Localized {
  return {
    nl:
      `categorie ${quote(text)} is niet eenduidig: dit 0%-tarief geldt voor goederen én diensten aan bedrijven in de EU. Kies: ` +
      `icp (goederen aan een bedrijf in een andere EU-lidstaat, telt mee) of buitenland (een dienst aan een bedrijf in een andere EU-lidstaat, daar belast, telt niet mee; vul het land in).`,
    en:
      `category ${quote(text)} is ambiguous: this 0% rate is used for goods and for services to businesses in the EU. Choose: ` +
      `icp (goods to a business in another EU member state, counts) or buitenland (a service to a business in another EU member state, taxed there, does not count; fill in the country).`,
  };
}

/** A `verlegd` row whose country is another member state is counted as `buitenland` (kor-rules.md section 3). */
export function reverseChargeAbroad(country: string): Localized {
  return {
    nl:
      `'verlegd' met land ${country} is geteld als 'buitenland' (${country}): een zakelijke dienst aan een afnemer in een andere lidstaat ` +
      `is daar belast en telt niet mee voor de Nederlandse KOR (wel voor de EU-omzet). Is het een levering aan een Nederlandse afnemer, vul dan NL in.`,
    en:
      `'verlegd' with country ${country} was counted as 'buitenland' (${country}): a B2B service to a customer in another member state ` +
      `is taxed there and does not count for the Dutch KOR (it is Union turnover). If it is a supply to a Dutch customer, fill in NL.`,
  };
}

export function moreReverseChargeAbroad(n: number): Localized {
  return {
    nl: `Nog ${n} andere rijen 'verlegd' met een andere EU-lidstaat als land zijn geteld als 'buitenland' van dat land.`,
    en: `${n} more 'verlegd' rows with another EU member state as country were counted as 'buitenland' of that state.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Countries

export function countryUnknown(text: string): Localized {
  return {
    nl: `onbekend land ${quote(text)}. Gebruik een landcode van twee letters (NL, DE, BE, FR …) of een landnaam zoals Duitsland.`,
    en: `unknown country ${quote(text)}. Use a two-letter country code (NL, DE, BE, FR …) or a country name such as Germany.`,
  };
}

/**
 * A place in another state's VAT territory, read as that state (VAT Directive art. 7): "Monaco wordt voor de btw
 * behandeld als Frankrijk (FR)".
 */
export function countryTreatedAs(place: Localized, state: Localized, code: string): Localized {
  return {
    nl: `${place.nl} wordt voor de btw behandeld als ${state.nl} (${code}): het hoort bij het btw-gebied van ${state.nl} (btw-richtlijn, art. 7).`,
    en: `${place.en} is treated as ${state.en} (${code}) for VAT: it is part of the VAT territory of ${state.en} (VAT Directive, art. 7).`,
  };
}

/**
 * XI (Northern Ireland; also its name): for VAT it is treated as in the EU for goods (Windsor Framework) and as
 * outside it, like the rest of the United Kingdom, for services. kor-rules.md has no rule for it, so the row is
 * refused with how to enter it instead (docs/functions.md, "countries").
 */
export function countryNorthernIreland(text: string): Localized {
  return {
    nl: `land ${quote(text)} is Noord-Ierland: voor de btw hoort het voor goederen bij de EU (Windsor-kader) en voor diensten niet; daarom nemen we het niet als land. Voor diensten: vul GB in (buiten de EU, zoals de rest van het Verenigd Koninkrijk). Voor een levering van goederen aan een ondernemer daar (icp): vul NL in, zoals bij elke intracommunautaire levering. Voor afstandsverkopen van goederen aan consumenten in Noord-Ierland hebben we geen regel: vraag uw adviseur waar die belast zijn.`,
    en: `country ${quote(text)} is Northern Ireland: for VAT it counts as in the EU for goods (Windsor Framework) and as outside it for services, so it is not taken as a country. For services: enter GB (outside the EU, like the rest of the United Kingdom). For a supply of goods to a business there (icp): enter NL, as for any intra-community supply. For distance sales of goods to consumers in Northern Ireland there is no rule here: ask your adviser where they are taxed.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Rows and ranges

export function amountWithoutDate(row: number): Localized {
  return atRow(row, amountWithoutDateBody(1));
}

/** An amount without a date, for one row or (count > 1) for several, given once. */
export function amountWithoutDateBody(count: number): Localized {
  return count === 1
    ? { nl: "bedrag zonder datum. Vul de factuurdatum in of maak de rij leeg.", en: "amount without a date. Enter the invoice date or clear the row." }
    : { nl: "bedrag zonder datum. Vul de factuurdatums in of maak die rijen leeg.", en: "amount without a date. Enter the invoice dates or clear those rows." };
}

/** 'buitenland' rows without a country (EU section), for one row or several given once. */
export function foreignWithoutCountry(count: number): Localized {
  return count === 1
    ? { nl: "'buitenland' zonder land: vul de lidstaat in. Deze rij telt niet mee in de EU-omzet.", en: "'buitenland' without a country: fill in the member state. This row is left out of Union turnover." }
    : { nl: "'buitenland' zonder land: vul de lidstaten in. Deze rijen tellen niet mee in de EU-omzet.", en: "'buitenland' without a country: fill in the member states. These rows are left out of Union turnover." };
}

/** 'buitenland' rows whose country is NL (EU section): taxed abroad yet in NL, so the state is unknown. */
export function foreignInNl(count: number): Localized {
  return count === 1
    ? {
        nl: "'buitenland' (belast in het buitenland) met land NL spreekt zichzelf tegen. Vul de lidstaat in waar deze omzet belast is; is het Nederlandse omzet, kies dan een andere categorie. Deze rij telt niet mee in de EU-omzet.",
        en: "'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member state where this turnover is taxed; if it is Dutch turnover, choose another category. This row is left out of Union turnover.",
      }
    : {
        nl: "'buitenland' (belast in het buitenland) met land NL spreekt zichzelf tegen. Vul de lidstaten in waar deze omzet belast is; is het Nederlandse omzet, kies dan een andere categorie. Deze rijen tellen niet mee in de EU-omzet.",
        en: "'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member states where this turnover is taxed; if it is Dutch turnover, choose another category. These rows are left out of Union turnover.",
      };
}

/**
 * Rows counted as Dutch turnover (empty, 21, 9, 0, kor, …) whose country is another member state: read
 * literally, the supply is made there. Nothing changes; the user decides. `euKor`: name the EU-KOR as one
 * way such a supply is exempt there (2025 and later).
 */
export function countedAsDutchAbroad(country: string, count: number, euKor: boolean): Localized {
  const nlWhy = euKor ? "daar belast of vrijgesteld, bijvoorbeeld onder de EU-KOR" : "daar belast of vrijgesteld";
  const enWhy = euKor ? "taxed or exempt there, e.g. under the EU-KOR" : "taxed or exempt there";
  return count === 1
    ? {
        nl: `meegeteld als Nederlandse omzet, maar het land is ${country}. Is de levering of dienst in ${country} verricht (${nlWhy}), geef de rij dan de categorie 'buitenland'; is het een Nederlandse levering of dienst aan een klant in ${country}, laat de rij dan zo.`,
        en: `counted as Dutch turnover, but the country is ${country}. If the supply is made in ${country} (${enWhy}), give it the category 'buitenland'; if it is a Dutch supply to a customer in ${country}, leave it.`,
      }
    : {
        nl: `meegeteld als Nederlandse omzet, maar het land is ${country}. Zijn de leveringen of diensten in ${country} verricht (${nlWhy}), geef de rijen dan de categorie 'buitenland'; zijn het Nederlandse leveringen of diensten aan klanten in ${country}, laat de rijen dan zo.`,
        en: `counted as Dutch turnover, but the country is ${country}. If the supplies are made in ${country} (${enWhy}), give them the category 'buitenland'; if they are Dutch supplies to customers in ${country}, leave them.`,
      };
}

/**
 * Rows counted as Dutch turnover (empty, 21, 9, 0, kor, …) whose country is outside the EU: read literally, the
 * supply is made there. Goods shipped out of the EU are `export` (they still count, kor-rules.md section 3), a
 * service supplied there (most B2B services) is `buitenland` (it does not count); a Dutch supply to a customer
 * from there stays as it is. Nothing changes; the user decides.
 */
export function countedAsDutchOutsideEu(country: string, count: number): Localized {
  return count === 1
    ? {
        nl: `meegeteld als Nederlandse omzet, maar het land is ${country}, buiten de EU. Gaat het om goederen die naar buiten de EU zijn verzonden, geef de rij dan de categorie 'export' (de rij blijft meetellen voor de omzetgrens); gaat het om een dienst die in ${country} is verricht (zoals de meeste diensten aan een ondernemer daar), geef de rij dan de categorie 'buitenland' (de rij telt dan niet meer mee voor de omzetgrens); is het een Nederlandse levering of dienst aan een klant uit ${country} (bijvoorbeeld een toerist die hier koopt), laat de rij dan zo.`,
        en: `counted as Dutch turnover, but the country is ${country}, outside the EU. If it is a sale of goods shipped out of the EU, give it the category 'export' (it still counts toward the turnover limit); if it is a service supplied in ${country} (as most services to a business there are), give it the category 'buitenland' (it then no longer counts toward the turnover limit); if it is a Dutch supply to a customer from ${country} (for example a tourist buying here), leave it.`,
      }
    : {
        nl: `meegeteld als Nederlandse omzet, maar het land is ${country}, buiten de EU. Gaat het om goederen die naar buiten de EU zijn verzonden, geef de rijen dan de categorie 'export' (de rijen blijven meetellen voor de omzetgrens); gaat het om diensten die in ${country} zijn verricht (zoals de meeste diensten aan ondernemers daar), geef de rijen dan de categorie 'buitenland' (de rijen tellen dan niet meer mee voor de omzetgrens); zijn het Nederlandse leveringen of diensten aan klanten uit ${country} (bijvoorbeeld toeristen die hier kopen), laat de rijen dan zo.`,
        en: `counted as Dutch turnover, but the country is ${country}, outside the EU. If they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit); if they are services supplied in ${country} (as most services to a business there are), give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are Dutch supplies to customers from ${country} (for example tourists buying here), leave them.`,
      };
}

/**
 * `verlegd` rows whose country is outside the EU: `verlegd` is VAT reverse-charged to a Dutch business customer
 * (kor-rules.md section 3), which such a customer contradicts. A service to a business there is usually supplied
 * there: `buitenland` (it does not count); goods shipped out of the EU are `export` (they count). Nothing
 * changes; the user decides.
 */
export function reverseChargeOutsideEu(country: string, count: number): Localized {
  return count === 1
    ? {
        nl: `'verlegd' met land ${country}, buiten de EU, is meegeteld als Nederlandse omzet. 'verlegd' is voor btw die verlegd wordt naar een Nederlandse zakelijke klant. Gaat het om een dienst aan een ondernemer in ${country}, dan wordt die meestal daar verricht: geef de rij dan de categorie 'buitenland' (de rij telt dan niet meer mee voor de omzetgrens); gaat het om goederen die naar buiten de EU zijn verzonden, geef de rij dan de categorie 'export' (de rij blijft meetellen voor de omzetgrens). Laat 'verlegd' alleen staan als de klant hierover echt Nederlandse btw verschuldigd is.`,
        en: `'verlegd' with country ${country}, outside the EU, is counted as Dutch turnover. 'verlegd' is for VAT reverse-charged to a Dutch business customer. If it is a service to a business customer in ${country}, it is usually supplied there: give it the category 'buitenland' (it then no longer counts toward the turnover limit); if it is a sale of goods shipped out of the EU, give it the category 'export' (it still counts toward the turnover limit). Leave it 'verlegd' only if the customer really owes Dutch VAT on it.`,
      }
    : {
        nl: `'verlegd' met land ${country}, buiten de EU, is meegeteld als Nederlandse omzet. 'verlegd' is voor btw die verlegd wordt naar een Nederlandse zakelijke klant. Gaat het om diensten aan ondernemers in ${country}, dan worden die meestal daar verricht: geef de rijen dan de categorie 'buitenland' (de rijen tellen dan niet meer mee voor de omzetgrens); gaat het om goederen die naar buiten de EU zijn verzonden, geef de rijen dan de categorie 'export' (de rijen blijven meetellen voor de omzetgrens). Laat 'verlegd' alleen staan als de klant hierover echt Nederlandse btw verschuldigd is.`,
        en: `'verlegd' with country ${country}, outside the EU, is counted as Dutch turnover. 'verlegd' is for VAT reverse-charged to a Dutch business customer. If they are services to business customers in ${country}, those are usually supplied there: give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit). Leave them 'verlegd' only if the customer really owes Dutch VAT on them.`,
      };
}

/**
 * `export` rows whose country is another member state in the row's year: `export` is for goods shipped out of
 * the EU (kor-rules.md section 3). Goods shipped to another member state are an intra-community supply (`icp`)
 * to a business customer with a VAT number there, or a distance sale (`afstand-nl`) to a consumer. Both count
 * like `export`: nothing changes; the user decides.
 */
export function exportWithinEu(country: string, count: number): Localized {
  return count === 1
    ? {
        nl: `'export' met land ${country}, binnen de EU. 'export' is voor goederen die naar buiten de EU zijn verzonden. Zijn de goederen naar een ondernemer met een btw-nummer in ${country} verzonden, geef de rij dan de categorie 'icp'; zijn ze naar een particulier in ${country} verzonden (een afstandsverkoop), dan is het 'afstand-nl' zolang de btw erover in Nederland verschuldigd is, of 'buitenland' als die in ${country} verschuldigd is (boven de grens voor afstandsverkopen); als 'buitenland' telt de rij niet mee voor de omzetgrens. Als 'icp' of 'afstand-nl' blijft de rij net zo meetellen: de cijfers veranderen niet.`,
        en: `'export' with country ${country}, within the EU. 'export' is for goods shipped out of the EU. If the goods were shipped to a business with a VAT number in ${country}, give it the category 'icp'; if they were shipped to a consumer in ${country} (a distance sale), it is 'afstand-nl' while the VAT on it is due in the Netherlands, or 'buitenland' when it is due in ${country} (above the limit for distance sales); as 'buitenland' it does not count toward the turnover limit. As 'icp' or 'afstand-nl' it counts just the same: the numbers do not change.`,
      }
    : {
        nl: `'export' met land ${country}, binnen de EU. 'export' is voor goederen die naar buiten de EU zijn verzonden. Zijn de goederen naar ondernemers met een btw-nummer in ${country} verzonden, geef de rijen dan de categorie 'icp'; zijn ze naar particulieren in ${country} verzonden (afstandsverkopen), dan is het 'afstand-nl' zolang de btw erover in Nederland verschuldigd is, of 'buitenland' als die in ${country} verschuldigd is (boven de grens voor afstandsverkopen); als 'buitenland' tellen de rijen niet mee voor de omzetgrens. Als 'icp' of 'afstand-nl' blijven de rijen net zo meetellen: de cijfers veranderen niet.`,
        en: `'export' with country ${country}, within the EU. 'export' is for goods shipped out of the EU. If the goods were shipped to businesses with a VAT number in ${country}, give them the category 'icp'; if they were shipped to consumers in ${country} (distance sales), they are 'afstand-nl' while the VAT on them is due in the Netherlands, or 'buitenland' when it is due in ${country} (above the limit for distance sales); as 'buitenland' they do not count toward the turnover limit. As 'icp' or 'afstand-nl' they count just the same: the numbers do not change.`,
      };
}

/**
 * `icp` rows whose country is outside the EU in the row's year: `icp` is for goods shipped to a business in
 * another member state (kor-rules.md section 3); goods shipped out of the EU are `export`, which counts like
 * `icp`. Nothing changes; the user decides.
 */
export function intraCommunityOutsideEu(country: string, count: number): Localized {
  return count === 1
    ? {
        nl: `'icp' met land ${country}, buiten de EU. 'icp' (intracommunautaire levering) is voor goederen die naar een ondernemer in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rij dan de categorie 'export'. De rij blijft dan net zo meetellen voor de omzetgrens: de cijfers veranderen niet.`,
        en: `'icp' with country ${country}, outside the EU. 'icp' (intra-community supply) is for goods shipped to a business in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same: the numbers do not change.`,
      }
    : {
        nl: `'icp' met land ${country}, buiten de EU. 'icp' (intracommunautaire levering) is voor goederen die naar een ondernemer in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rijen dan de categorie 'export'. De rijen blijven dan net zo meetellen voor de omzetgrens: de cijfers veranderen niet.`,
        en: `'icp' with country ${country}, outside the EU. 'icp' (intra-community supply) is for goods shipped to a business in another EU country. If the goods were shipped out of the EU, give them the category 'export'. They still count toward the turnover limit just the same: the numbers do not change.`,
      };
}

/**
 * `afstand-nl` rows whose country is outside the EU in the row's year: `afstand-nl` is for distance sales to
 * consumers in another member state, taxed in NL (kor-rules.md section 3); goods shipped out of the EU are
 * `export`, which counts like `afstand-nl` for the KOR. `distanceThreshold` (the €10,000 EU distance-sales
 * threshold is in force that year, from July 2021): say that `export` rows do not count toward it. Nothing
 * changes; the user decides.
 */
export function distanceSaleOutsideEu(country: string, count: number, distanceThreshold: boolean): Localized {
  const one = count === 1;
  const nlStays = one ? "De rij blijft dan net zo meetellen voor de omzetgrens" : "De rijen blijven dan net zo meetellen voor de omzetgrens";
  const enStays = one ? "It still counts toward the turnover limit just the same" : "They still count toward the turnover limit just the same";
  const nlEnd = !distanceThreshold
    ? `${nlStays}: de cijfers veranderen niet.`
    : `${nlStays} (de cijfers veranderen niet), maar ${one ? "telt" : "tellen"} niet meer mee voor de grens van ${DISTANCE_LIMIT.nl} voor afstandsverkopen binnen de EU.`;
  const enEnd = !distanceThreshold
    ? `${enStays}: the numbers do not change.`
    : `${enStays} (the numbers do not change), but no longer toward the ${DISTANCE_LIMIT.en} limit for distance sales within the EU.`;
  return one
    ? {
        nl: `'afstand-nl' met land ${country}, buiten de EU. 'afstand-nl' is voor goederen die naar een particulier in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rij dan de categorie 'export'. ${nlEnd}`,
        en: `'afstand-nl' with country ${country}, outside the EU. 'afstand-nl' is for goods shipped to a consumer in another EU country. If the goods were shipped out of the EU, give it the category 'export'. ${enEnd}`,
      }
    : {
        nl: `'afstand-nl' met land ${country}, buiten de EU. 'afstand-nl' is voor goederen die naar particulieren in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rijen dan de categorie 'export'. ${nlEnd}`,
        en: `'afstand-nl' with country ${country}, outside the EU. 'afstand-nl' is for goods shipped to consumers in another EU country. If the goods were shipped out of the EU, give them the category 'export'. ${enEnd}`,
      };
}

/** Warning, whole input: rows with a date but an empty (or 0) amount are not counted. */
export function datesWithoutAmount(count: number, firstRow: number): Localized {
  return count === 1
    ? {
        nl: `Rij ${firstRow} heeft een datum maar geen bedrag (of bedrag 0); die rij telt niet mee. Vul het bedrag in als het ontbreekt.`,
        en: `Row ${firstRow} has a date but no amount (or amount 0); that row is not counted. Enter the amount if it is missing.`,
      }
    : {
        nl: `${countNl(count)} rijen hebben een datum maar geen bedrag (of bedrag 0), de eerste is rij ${firstRow}; die rijen tellen niet mee. Vul de bedragen in als ze ontbreken.`,
        en: `${countEn(count)} rows have a date but no amount (or amount 0), the first is row ${firstRow}; those rows are not counted. Enter the amounts if they are missing.`,
      };
}

/** Rows with a date but an empty (or 0) amount, for a message naming them with `atRows`. */
export function datesWithoutAmountBody(count: number): Localized {
  return count === 1
    ? { nl: "een datum maar geen bedrag (of bedrag 0); die rij telt niet mee. Vul het bedrag in als het ontbreekt.", en: "a date but no amount (or amount 0); that row is not counted. Enter the amount if it is missing." }
    : { nl: "een datum maar geen bedrag (of bedrag 0); die rijen tellen niet mee. Vul de bedragen in als ze ontbreken.", en: "a date but no amount (or amount 0); those rows are not counted. Enter the amounts if they are missing." };
}

/** Rows with neither a date nor an amount but something else, for a message naming them with `atRows`. */
export function strayRowsBody(count: number): Localized {
  return count === 1
    ? { nl: "geen datum en geen bedrag maar wel iets anders ingevuld; die rij is overgeslagen.", en: "no date and no amount but something else filled in; that row was skipped." }
    : { nl: "geen datum en geen bedrag maar wel iets anders ingevuld; die rijen zijn overgeslagen.", en: "no date and no amount but something else filled in; those rows were skipped." };
}

/** Warning, whole input: rows with something in them but neither a date nor an amount are skipped. */
export function strayRows(count: number, firstRow: number): Localized {
  return count === 1
    ? {
        nl: `Rij ${firstRow} heeft geen datum en geen bedrag maar wel iets anders ingevuld; die rij is overgeslagen.`,
        en: `Row ${firstRow} has no date and no amount but something else filled in; that row was skipped.`,
      }
    : {
        nl: `${countNl(count)} rijen hebben geen datum en geen bedrag maar wel iets anders ingevuld, de eerste is rij ${firstRow}; die rijen zijn overgeslagen.`,
        en: `${countEn(count)} rows have no date and no amount but something else filled in, the first is row ${firstRow}; those rows were skipped.`,
      };
}

export function mismatchedHeights(heights: readonly { column: ReadingColumn; rows: number }[]): Localized {
  const nl = heights.map((h) => `${columnName(h.column).nl} ${h.rows}`).join(", ");
  const en = heights.map((h) => `${columnName(h.column).en} ${h.rows}`).join(", ");
  return {
    nl: `De bereiken zijn niet even lang (rijen: ${nl}). Kies voor elke kolom dezelfde rijen, bijvoorbeeld A2:A500 en B2:B500.`,
    en: `The ranges do not have the same number of rows (rows: ${en}). Select the same rows for every column, for example A2:A500 and B2:B500.`,
  };
}

export function notOneColumn(column: ReadingColumn, rows: number, cols: number): Localized {
  const c = columnName(column);
  return {
    nl: `Het bereik voor ${c.nl} is ${countNl(rows)} rijen bij ${cols} kolommen. Kies één kolom (of één rij).`,
    en: `The ${c.en} range is ${countEn(rows)} rows by ${cols} columns. Select a single column (or a single row).`,
  };
}

export function missingRange(column: ReadingColumn): Localized {
  const c = columnName(column);
  return {
    nl: `Het bereik voor ${c.nl} ontbreekt. Kies de kolom met de ${c.nl === "datum" ? "factuurdatums" : "bedragen"}.`,
    en: `The ${c.en} range is missing. Select the column with the ${column === "date" ? "invoice dates" : "amounts"}.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Header detection

/**
 * No header row with both a date and an amount column in the first rows.
 * `found` lists what was recognised, e.g. [{ role: "amount", letter: "B", header: "Bedrag" }].
 */
export function noInvoiceColumns(
  missing: readonly ("date" | "amount")[],
  found: readonly { role: string; letter: string; header: string }[],
  rowsSearched: number,
  nearest: { row: number; cells: readonly string[] } | null = null,
): Localized {
  const near = nearest !== null && nearest.cells.length > 0 ? nearest.cells.map((c) => quote(c)).join(", ") : null;
  const nearNl = near === null ? "" : ` De rij die het meest op een kopregel lijkt is rij ${nearest?.row}: ${near}.`;
  const nearEn = near === null ? "" : ` The row most like a header is row ${nearest?.row}: ${near}.`;
  const missNl = missing.map((m) => (m === "date" ? "een datumkolom (Datum, Factuurdatum)" : "een bedragkolom (Bedrag, Omzet, Bedrag excl. btw)")).join(" en ");
  const missEn = missing.map((m) => (m === "date" ? "a date column (Date, Invoice date)" : "an amount column (Amount, Turnover, Amount excl. VAT)")).join(" and ");
  const foundText = found.map((f) => `${quote(f.header)} (${f.letter})`).join(", ");
  return {
    nl:
      `Geen kopregel gevonden met ${missNl} in ${rowsSearched === 1 ? "de eerste rij" : `de eerste ${countNl(rowsSearched)} rijen`}. ` +
      (found.length > 0 ? `Wel herkend: ${foundText}.` : "Geen enkele kolomkop herkend.") +
      nearNl +
      ` Zet kolomkoppen boven de gegevens of kies de kolommen zelf.`,
    en:
      `No header row found with ${missEn} in ${rowsSearched === 1 ? "the first row" : `the first ${countEn(rowsSearched)} rows`}. ` +
      (found.length > 0 ? `Recognised: ${foundText}.` : "No column header recognised.") +
      nearEn +
      ` Put column headers above the data or choose the columns yourself.`,
  };
}

export function csvUnclosedQuote(record: number): Localized {
  return {
    nl: `Rij ${record}: een veld begint met een aanhalingsteken (") dat nergens wordt gesloten. Alles vanaf die rij is als één veld gelezen en niet meegeteld. Sluit het aanhalingsteken of haal het weg en lees het bestand opnieuw.`,
    en: `Row ${record}: a field starts with a quotation mark (") that is never closed. Everything from that row on was read as one field and not counted. Close or remove the quotation mark and read the file again.`,
  };
}

const QUOTE_FIX: Localized = {
  nl: 'Schrijf in een veld tussen aanhalingstekens een aanhalingsteken binnen het veld twee keer ("") en zet direct na het sluitende aanhalingsteken het scheidingsteken of het einde van de regel, of haal de aanhalingstekens weg; lees het bestand daarna opnieuw.',
  en: 'In a field between quotation marks, write a quotation mark inside it twice ("") and put the separator or the end of the line right after the closing one, or remove the quotation marks; then read the file again.',
};

/**
 * A CSV record with a quoted field that is not closed properly, starting on line `firstLine` of the file and
 * ending on `lastLine` (the lines it took). The line is named when it is not the row (a cell with a line break
 * above it makes them differ).
 */
export function csvMalformedQuote(record: number, firstLine: number, lastLine: number): Localized {
  const line = firstLine !== record ? { nl: ` (regel ${firstLine} van het bestand)`, en: ` (line ${firstLine} of the file)` } : { nl: "", en: "" };
  const took =
    lastLine > firstLine
      ? { nl: `, daardoor zijn de regels ${firstLine} tot en met ${lastLine} van het bestand als deze ene rij gelezen`, en: `, so lines ${firstLine} to ${lastLine} of the file were read as this one row` }
      : { nl: "", en: "" };
  return {
    nl: `Rij ${record}${line.nl}: een veld begint met een aanhalingsteken (") dat niet goed wordt gesloten${took.nl}. Die rij is niet meegeteld. ${QUOTE_FIX.nl}`,
    en: `Row ${record}${line.en}: a field starts with a quotation mark (") that is not closed properly${took.en}. It was not counted. ${QUOTE_FIX.en}`,
  };
}

/** More records with a quoted field not closed properly, for msg.atRows. */
export function csvMalformedQuoteBody(count: number): Localized {
  return {
    nl: `een veld begint met een aanhalingsteken (") dat niet goed wordt gesloten. ${count === 1 ? "Die rij is" : "Die rijen zijn"} niet meegeteld. ${QUOTE_FIX.nl}`,
    en: `a field starts with a quotation mark (") that is not closed properly. ${count === 1 ? "It was" : "They were"} not counted. ${QUOTE_FIX.en}`,
  };
}

/**
 * CSV rows (`count`) with more fields than the header row (`headerWidth`), the extra ones not empty: a value
 * holds the separator without quotation marks. `first`: the first such row's width and text. With `,` the
 * likely cause is an amount (1234,56 or 1,234.56), and saving with `;` is a way out.
 */
export function csvExtraFields(count: number, headerWidth: number, first: { width: number; text: string }, separator: string): Localized {
  const one = count === 1;
  const seen = {
    nl: one ? `deze rij heeft ${first.width} velden en de kopregel ${headerWidth} (${quote(first.text)})` : `deze rijen hebben meer velden dan de ${headerWidth} van de kopregel (de eerste: ${quote(first.text)})`,
    en: one ? `this row has ${first.width} fields where the header row has ${headerWidth} (${quote(first.text)})` : `these rows have more fields than the header row's ${headerWidth} (the first: ${quote(first.text)})`,
  };
  const notCounted = { nl: one ? "Die rij is niet meegeteld." : "Die rijen zijn niet meegeteld.", en: one ? "It was not counted." : "They were not counted." };
  if (separator === ",") {
    return {
      nl: `${seen.nl}: een waarde bevat een komma zonder aanhalingstekens, waarschijnlijk een bedrag met een decimale komma of een scheidingsteken voor duizendtallen (1234,56 of 1,234.56). ${notCounted.nl} Zet zulke waarden tussen aanhalingstekens ("1234,56") of sla het bestand op met ; als scheidingsteken, en lees het opnieuw.`,
      en: `${seen.en}: a value holds a comma without quotation marks, most likely an amount with a decimal comma or a thousands separator (1234,56 or 1,234.56). ${notCounted.en} Put quotation marks around such values ("1234,56") or save the file with ; as the separator, and read it again.`,
    };
  }
  const name = separator === ";" ? { nl: "een puntkomma", en: "a semicolon" } : { nl: "een tab", en: "a tab" };
  return {
    nl: `${seen.nl}: een waarde bevat ${name.nl} zonder aanhalingstekens. ${notCounted.nl} Zet ${one ? "die waarde" : "zulke waarden"} tussen aanhalingstekens en lees het bestand opnieuw.`,
    en: `${seen.en}: a value holds ${name.en} without quotation marks. ${notCounted.en} Put quotation marks around ${one ? "that value" : "such values"} and read the file again.`,
  };
}

/**
 * Rows of a `,` file of the header's width whose amount field is a whole number followed by a field of digits only
 * (`1` and `234.56`, `18000` and `00`): an amount written with a comma and no quotes, split in two, the header having
 * an optional column after it. `first`: the first such row, its amount field and the field after it.
 */
export function csvSplitAmount(count: number, column: { header: string; letter: string }, first: { text: string; head: string; tail: string }): Localized {
  const one = count === 1;
  const col = `${quote(column.header)} (${column.letter})`;
  const seen = one ? `${quote(first.text)}: ${quote(first.head)}` : "";
  return {
    nl: `het bedrag in ${col} wordt gevolgd door een veld met alleen cijfers (${one ? seen : `de eerste: ${quote(first.text)}: ${quote(first.head)}`} en dan ${quote(first.tail)}): waarschijnlijk een bedrag met een decimale komma of een scheidingsteken voor duizendtallen (1234,56 of 1,234.56) zonder aanhalingstekens, door de komma in tweeën gesplitst. ${one ? "Die rij is" : "Die rijen zijn"} niet meegeteld. Zet zulke bedragen tussen aanhalingstekens ("1,234.56") of sla het bestand op met ; als scheidingsteken, en lees het opnieuw.`,
    en: `the amount in ${col} is followed by a field of digits only (${one ? seen : `the first: ${quote(first.text)}: ${quote(first.head)}`} and then ${quote(first.tail)}): most likely an amount with a decimal comma or a thousands separator (1234,56 or 1,234.56) written without quotation marks, split in two by the comma. ${one ? "It was" : "They were"} not counted. Put quotation marks around such amounts ("1,234.56") or save the file with ; as the separator, and read it again.`,
  };
}

/** Unknown category codes of one sheet (and year), each with its count and first row: one message, not one per row. */
export function unknownCodes(list: readonly { code: string; count: number; firstRow: number }[], accepted: Localized): Localized {
  const total = list.reduce((n, c) => n + c.count, 0);
  const nl = list.map((c) => `${quote(c.code)} (${c.count === 1 ? `rij ${c.firstRow}` : `${countNl(c.count)} rijen, eerste rij ${c.firstRow}`})`).join(", ");
  const en = list.map((c) => `${quote(c.code)} (${c.count === 1 ? `row ${c.firstRow}` : `${countEn(c.count)} rows, first row ${c.firstRow}`})`).join(", ");
  return {
    nl:
      `${list.length === 1 ? "onbekende categorie of btw-code" : "onbekende categorieën of btw-codes"}: ${nl}. ` +
      `${total === 1 ? "Die rij is" : `Die ${countNl(total)} rijen zijn`} niet meegeteld. Koppel elke code aan een categorie ` +
      `(kor-check --codes codes.csv, of de tabel "Codes koppelen" in het paneel) of gebruik een van: ${accepted.nl}.`,
    en:
      `${list.length === 1 ? "unknown category or VAT code" : "unknown categories or VAT codes"}: ${en}. ` +
      `${total === 1 ? "That row was" : `Those ${countEn(total)} rows were`} not counted. Map each code to a category ` +
      `(kor-check --codes codes.csv, or the "Map codes" table in the pane) or use one of: ${accepted.en}.`,
  };
}

/** Rows with a bare "0" in a column that also holds the firm's own numeric codes: read as 0%, to be checked. */
export function zeroCodeReadAsRate(count: number, cents: number): Localized {
  return {
    nl:
      `de btw-code "0" is gelezen als 0% (nultarief) en ${count === 1 ? "die rij telt" : `die ${countNl(count)} rijen tellen`} mee (samen ${formatEuros(cents, "nl")}), ` +
      `maar dezelfde kolom bevat ook eigen numerieke btw-codes. Is "0" een van uw eigen codes (bijvoorbeeld vrijgesteld), koppel hem dan ` +
      `aan een categorie (kor-check --codes codes.csv, of de tabel "Codes koppelen" in het paneel); is het nultarief, koppel "0" aan 0.`,
    en:
      `the VAT code "0" was read as 0% (zero rate) and ${count === 1 ? "that row counts" : `those ${countEn(count)} rows count`} (together ${formatEuros(cents, "en")}), ` +
      `but the same column also holds the firm's own numeric VAT codes. If "0" is one of those own codes (exempt, for example), map it ` +
      `to a category (kor-check --codes codes.csv, or the "Map codes" table in the pane); if it is the zero rate, map "0" to 0.`,
  };
}

export function headerRepeated(rows: readonly number[], total: number): Localized {
  const list = rows.join(", ");
  const more = total > rows.length ? ` …` : "";
  return total === 1
    ? {
        nl: `Rij ${list} herhaalt de kopregel (de kolomnamen: een tweede export eronder geplakt, of een paginakop) en is overgeslagen. Staat daaronder een andere lijst, controleer dan of die bij dit blad hoort.`,
        en: `Row ${list} repeats the header row (the column names: a second export pasted below, or a page header) and was skipped. If another list follows, check that it belongs on this sheet.`,
      }
    : {
        nl: `${countNl(total)} rijen herhalen de kopregel (rij ${list}${more}: de kolomnamen, van eronder geplakte exports of paginakoppen) en zijn overgeslagen. Controleer of de lijsten daaronder bij dit blad horen.`,
        en: `${countEn(total)} rows repeat the header row (rows ${list}${more}: the column names, of exports pasted below or page headers) and were skipped. Check that the lists below them belong on this sheet.`,
      };
}

export function totalsRowsSkipped(rows: readonly number[], total: number): Localized {
  const list = rows.join(", ");
  const more = total > rows.length ? ` …` : "";
  return total === 1
    ? {
        nl: `Rij ${list} is een totaal- of saldoregel en is overgeslagen; die telt niet mee als omzet.`,
        en: `Row ${list} is a total or balance line and was skipped; it does not count as turnover.`,
      }
    : {
        nl: `${total} totaal- en saldoregels zijn overgeslagen (rij ${list}${more}); die tellen niet mee als omzet.`,
        en: `${total} total and balance lines were skipped (rows ${list}${more}); they do not count as turnover.`,
      };
}

/**
 * Dated rows counted as invoices whose label starts like a total ("Totaal pakket", "Total Energies"): they may
 * be a customer's name, or a subtotal line the reader could not tell apart. Behind atRows (the rows named).
 */
export function totalLabelCounted(label: string, count: number): Localized {
  return count === 1
    ? {
        nl: `${quote(label)} begint als een totaalregel, maar de rij heeft een datum en is als factuur meegeteld. Is het een subtotaalregel, haal die dan weg.`,
        en: `${quote(label)} starts like a total line, but the row has a date and was counted as an invoice. If it is a subtotal line, remove it.`,
      }
    : {
        nl: `deze rijen beginnen als een totaalregel (eerste: ${quote(label)}), maar hebben een datum en zijn als factuur meegeteld. Is een ervan een subtotaalregel, haal die dan weg.`,
        en: `these rows start like a total line (first: ${quote(label)}), but have a date and were counted as invoices. If one of them is a subtotal line, remove it.`,
      };
}

/**
 * Rows that repeat an earlier row of the sheet: the same invoice number (column `column`), date, amount, VAT kind
 * and country, with other invoices between them (src/reading/repeatedInvoices.ts). `example`: the first repeat and
 * the row it repeats; `cents`: the amount of the repeating rows (of this year), counted twice.
 */
export function invoiceRepeated(example: { number: string; row: number; first: number }, column: { header: string; letter: string }, count: number, cents: number): Localized {
  const col = `kolom ${quote(column.header)} (${column.letter})`;
  const colEn = `column ${quote(column.header)} (${column.letter})`;
  const advice = {
    nl: "Staan er twee exports in het blad die elkaar overlappen, of is een export twee keer geplakt? Haal de dubbele rijen dan weg.",
    en: "Does the sheet hold two exports that overlap, or one export pasted twice? Then remove the repeated rows.",
  };
  return count === 1
    ? {
        nl:
          `dezelfde factuur als rij ${example.first} (${col}: ${quote(example.number)}, dezelfde datum, hetzelfde bedrag en dezelfde btw-soort), ` +
          `met andere facturen ertussen. Beide rijen tellen mee: ${formatEuros(cents, "nl")} telt twee keer. ${advice.nl}`,
        en:
          `the same invoice as row ${example.first} (${colEn}: ${quote(example.number)}, the same date, amount and VAT kind), ` +
          `with other invoices between them. Both rows count: ${formatEuros(cents, "en")} is counted twice. ${advice.en}`,
      }
    : {
        nl:
          `deze rijen herhalen een eerdere rij met hetzelfde factuurnummer (${col}), dezelfde datum, hetzelfde bedrag en dezelfde btw-soort, ` +
          `met andere facturen ertussen (eerste: rij ${example.row} herhaalt rij ${example.first}, ${quote(example.number)}). ` +
          `Ze tellen mee: samen ${formatEuros(cents, "nl")} telt twee keer. ${advice.nl}`,
        en:
          `these rows repeat an earlier row with the same invoice number (${colEn}), date, amount and VAT kind, ` +
          `with other invoices between them (first: row ${example.row} repeats row ${example.first}, ${quote(example.number)}). ` +
          `They count: together ${formatEuros(cents, "en")} is counted twice. ${advice.en}`,
      };
}

/**
 * A bank statement (ING, Rabobank, ABN AMRO, told by its headers) given as a sales list: refused. Every incoming
 * payment would count as turnover (a loan, a refund, money from savings) and payments out would be netted against it.
 */
export function bankStatement(bank: string | null, headers: readonly string[]): Localized {
  const cols = headers.slice(0, 3).map(quote).join(", ");
  return {
    nl:
      `Dit is een bankafschrift${bank === null ? "" : ` van ${bank}`} (kolommen ${cols}), geen verkooplijst: de ontvangsten erop zijn niet allemaal omzet ` +
      `en betalingen zouden ertegen wegvallen. Het bestand is niet gelezen. Gebruik de verkoopfacturen of de omzetkaart uit de boekhouding.`,
    en:
      `This is a bank statement${bank === null ? "" : ` from ${bank}`} (columns ${cols}), not a sales list: not every payment received is turnover, ` +
      `and payments out would be netted against it. The file was not read. Use the sales invoices or the turnover ledger from the bookkeeping.`,
  };
}

/** A UTF-8 file with some bytes that are not UTF-8: those were read as Windows-1252. */
export function encodingMixed(bytes: number, line: number): Localized {
  return {
    nl:
      `Het bestand is UTF-8, maar ${bytes === 1 ? "1 teken is" : `${bytes} tekens zijn`} dat niet (eerste op regel ${line}); ` +
      `${bytes === 1 ? "dat is" : "die zijn"} gelezen als Windows-1252 (é, ë, €). Controleer de tekst op die regel; sla het bestand bij twijfel opnieuw op als UTF-8.`,
    en:
      `The file is UTF-8, but ${bytes === 1 ? "1 character is" : `${bytes} characters are`} not (the first on line ${line}); ` +
      `${bytes === 1 ? "it was" : "they were"} read as Windows-1252 (é, ë, €). Check the text on that line; if in doubt, save the file again as UTF-8.`,
  };
}

/** Rows in another currency than the euro (behind atRows): never converted, never counted as euros. */
export function foreignCurrencyRows(currency: string, column: { header: string; letter: string }, count: number): Localized {
  const c = quote(currency);
  const col = `${quote(column.header)} (${column.letter})`;
  return count === 1
    ? {
        nl: `het bedrag is in ${c} (kolom ${col}), niet in euro's, en is niet meegeteld. Vul het bedrag in euro's in (omgerekend zoals op de factuur, of met de koers van de ECB op de factuurdatum).`,
        en: `the amount is in ${c} (column ${col}), not in euros, and was not counted. Enter the amount in euros (converted as on the invoice, or at the ECB rate on the invoice date).`,
      }
    : {
        nl: `de bedragen zijn in ${c} (kolom ${col}), niet in euro's, en zijn niet meegeteld. Vul de bedragen in euro's in (omgerekend zoals op de factuur, of met de koers van de ECB op de factuurdatum).`,
        en: `the amounts are in ${c} (column ${col}), not in euros, and were not counted. Enter the amounts in euros (converted as on the invoice, or at the ECB rate on the invoice date).`,
      };
}

/** Rows whose status says the sale did not happen (behind atRows): left out of the turnover. */
export function statusNotASale(status: string, column: { header: string; letter: string }, count: number): Localized {
  const s = quote(status);
  const col = `${quote(column.header)} (${column.letter})`;
  return count === 1
    ? {
        nl: `status ${s} (kolom ${col}): een betaling die niet is doorgegaan of een factuur die is geannuleerd of nog niet verstuurd, dus de rij telt niet mee als omzet. Is de verkoop toch gedaan, zet de rij dan op een andere status.`,
        en: `status ${s} (column ${col}): a payment that did not go through or an invoice cancelled or not yet sent, so the row does not count as turnover. If the sale did happen, give the row another status.`,
      }
    : {
        nl: `status ${s} (kolom ${col}): betalingen die niet zijn doorgegaan of facturen die zijn geannuleerd of nog niet verstuurd, dus de rijen tellen niet mee als omzet. Is een verkoop toch gedaan, zet die rij dan op een andere status.`,
        en: `status ${s} (column ${col}): payments that did not go through or invoices cancelled or not yet sent, so the rows do not count as turnover. If a sale did happen, give that row another status.`,
      };
}

/** Rows typed as a credit note with a plus amount (behind atRows): the sign decides, so they are not counted. */
export function creditNotePlus(type: string, column: { header: string; letter: string }, count: number): Localized {
  const t = quote(type);
  const col = `${quote(column.header)} (${column.letter})`;
  return count === 1
    ? {
        nl: `de rij is een ${t} (kolom ${col}) met een plusbedrag. Een creditnota verlaagt de omzet alleen met een minbedrag; de rij is niet meegeteld. Zet er een min voor als het een creditnota is.`,
        en: `the row is a ${t} (column ${col}) with a plus amount. A credit note lowers the turnover only as a minus amount; the row was not counted. Put a minus before it if it is a credit note.`,
      }
    : {
        nl: `de rijen zijn een ${t} (kolom ${col}) met een plusbedrag. Een creditnota verlaagt de omzet alleen met een minbedrag; de rijen zijn niet meegeteld. Zet er een min voor als het creditnota's zijn.`,
        en: `the rows are a ${t} (column ${col}) with a plus amount. A credit note lowers the turnover only as a minus amount; the rows were not counted. Put a minus before them if they are credit notes.`,
      };
}

/** A workbook in the 1904 date system (Mac Excel's old default): its date numbers were read in that system. */
export function date1904Read(): Localized {
  return {
    nl: "Deze werkmap gebruikt het 1904-datumsysteem (de oude standaard van Excel voor Mac): datums die als getal in de cellen staan, zijn in dat systeem gelezen. Kloppen de datums niet, kijk dan in Excel bij de opties van de werkmap naar '1904-datumsysteem gebruiken'.",
    en: "This workbook uses the 1904 date system (Mac Excel's old default): dates stored as numbers were read in that system. If the dates look wrong, check the workbook option 'Use 1904 date system' in Excel.",
  };
}

/**
 * How the turnover was worked out. `chosen`: the gross column is the one chosen as the amount column, whose header
 * says the amounts include VAT.
 */
export function amountDerived(kind: "gross-minus-vat" | "credit-minus-debit", first: { header: string; letter: string }, second: { header: string; letter: string }, chosen = false): Localized {
  const a = `${quote(first.header)} (${first.letter})`;
  const b = `${quote(second.header)} (${second.letter})`;
  if (kind === "gross-minus-vat" && chosen) {
    return {
      nl: `De gekozen bedragkolom ${a} bevat volgens de kolomkop bedragen inclusief btw. Dat is geen omzet: de omzet is per rij berekend als ${a} min ${b}.`,
      en: `The amount column chosen, ${a}, holds amounts including VAT according to its header. That is not turnover: turnover was worked out per row as ${a} minus ${b}.`,
    };
  }
  return kind === "gross-minus-vat"
    ? {
        nl: `Er is geen kolom met het bedrag exclusief btw: de omzet is per rij berekend als ${a} min ${b}.`,
        en: `There is no column with the amount excluding VAT: turnover was worked out per row as ${a} minus ${b}.`,
      }
    : {
        // Written out as "kolom C": a bare letter beside "credit min debet" reads as a side (see headerRef).
        nl: `Grootboekkaart: de omzet is per regel berekend als ${headerRef(second, "nl")} min ${headerRef(first, "nl")} (credit min debet).`,
        en: `Ledger card: turnover was worked out per line as ${headerRef(second, "en")} minus ${headerRef(first, "en")} (credit minus debit).`,
      };
}

type HeaderRef = { header: string; letter: string };
/**
 * A header with its column: `"Debet" (kolom C)`. The word "kolom" / "column" is written out because a bare
 * letter reads as a side in these messages: `"Credit" (D)` looks like credit / debit.
 */
const headerRef = (h: HeaderRef, lang: "nl" | "en"): string => `${quote(h.header)} (${lang === "nl" ? "kolom" : "column"} ${h.letter})`;

/**
 * A ledger card with an amount column beside its Debet and Credit: turnover is credit − debit, the amount only
 * checked (its sign differs per package, or it has none).
 */
export function ledgerAmountChecked(amount: HeaderRef, debit: HeaderRef, credit: HeaderRef): Localized {
  return {
    nl: `Grootboekkaart: de omzet is per regel berekend als ${headerRef(credit, "nl")} min ${headerRef(debit, "nl")} (credit min debet). ${headerRef(amount, "nl")} is alleen in grootte vergeleken: of een bedrag daar plus of min staat, verschilt per pakket, en soms staat er nooit een min.`,
    en: `Ledger card: turnover was worked out per line as ${headerRef(credit, "en")} minus ${headerRef(debit, "en")} (credit minus debit). ${headerRef(amount, "en")} was only compared in size: whether an amount there is plus or minus differs per package, and some never show a minus.`,
  };
}

/** How one side's amounts are signed: plus, minus, or open (no line of that side decided it yet). */
export type SideSign = "plus" | "minus" | "open";

/** How a file signs the amounts beside its D/C column, per side (src/reading/headers.ts SideSigns). */
export interface SideSigns {
  readonly credit: SideSign;
  readonly debit: SideSign;
}

const SIDE_LINES: Record<"credit" | "debit", Localized> = {
  credit: { nl: "creditregels (C)", en: "credit lines (C)" },
  debit: { nl: "debetregels (D)", en: "debit lines (D)" },
};

function sideSignsText(signs: SideSigns): Localized {
  const { credit, debit } = signs;
  if (credit === "plus" && debit === "plus") return { nl: "staan de bedragen zonder min (alleen de kant geeft de richting)", en: "the amounts carry no minus (only the side gives the direction)" };
  if (credit === "open" && debit === "open") {
    return {
      nl: "staat in de eerste 50 regels geen regel met een kant; de eerste regel van elke kant beslist hoe die kant getekend is",
      en: "no line with a side is among the first 50 lines; the first line of each side decides how that side is signed",
    };
  }
  const word = (s: SideSign, lang: "nl" | "en"): string => (s === "plus" ? "plus" : lang === "nl" ? "min" : "minus");
  if (credit !== "open" && debit !== "open") {
    return { nl: `staan credit-bedragen (C) ${word(credit, "nl")} en debet-bedragen (D) ${word(debit, "nl")}`, en: `credit amounts (C) are ${word(credit, "en")} and debit amounts (D) ${word(debit, "en")}` };
  }
  const [seen, open] = credit === "open" ? (["debit", "credit"] as const) : (["credit", "debit"] as const);
  const sign = signs[seen];
  const amounts = { credit: { nl: "credit-bedragen (C)", en: "credit amounts (C)" }, debit: { nl: "debet-bedragen (D)", en: "debit amounts (D)" } };
  return {
    nl: `staan ${amounts[seen].nl} ${word(sign, "nl")}; ${SIDE_LINES[open].nl} staan niet in de eerste 50 regels, dus de eerste beslist hoe ze getekend zijn`,
    en: `${amounts[seen].en} are ${word(sign, "en")}; no ${SIDE_LINES[open].en.replace(" lines", " line")} is among the first 50 lines, so the first one decides how they are signed`,
  };
}

/**
 * Lines with an amount and a D/C column: turnover is the amount's size on the credit side, minus it on the debit
 * side; `signs` is how the file signs its amounts (decided on its first 50 lines).
 */
export function ledgerSided(amount: HeaderRef, side: HeaderRef, signs: SideSigns): Localized {
  return {
    nl: `Grootboekregels: de omzet is per regel ${headerRef(amount, "nl")} als ${headerRef(side, "nl")} credit (C) zegt, en min dat bedrag als het debet (D) zegt. In dit bestand ${sideSignsText(signs).nl}; een regel waarvan het teken de kant tegenspreekt, telt niet en wordt als fout gemeld.`,
    en: `Ledger lines: turnover is ${headerRef(amount, "en")} per line where ${headerRef(side, "en")} says credit (C), and minus that amount where it says debit (D). In this file ${sideSignsText(signs).en}; a line whose sign contradicts its side is not counted and is reported as an error.`,
  };
}

/** A line with an amount whose D/C cell is empty or neither D nor C (a cell error, without the row number). */
export function ledgerSideUnknown(amount: HeaderRef, side: HeaderRef): Localized {
  return {
    nl: `${headerRef(side, "nl")} zegt niet of het bedrag in ${headerRef(amount, "nl")} debet (D) of credit (C) is, dus of het omzet of een correctie is, is niet zeker. Vul D of C in.`,
    en: `${headerRef(side, "en")} does not say whether the amount in ${headerRef(amount, "en")} is debit (D) or credit (C), so whether it is turnover or a correction is not certain. Fill in D or C.`,
  };
}

/**
 * A line whose amount's sign contradicts how the file's other lines of its side (`side`) are signed (`sign`, inferred
 * from them): a cell error, without the row number; never read by its size alone.
 */
export function ledgerSignContradictsSide(amount: HeaderRef, sideColumn: HeaderRef, side: "credit" | "debit", sign: "plus" | "minus"): Localized {
  const [nl, en] = sign === "plus" ? [["plus", "min"], ["plus", "minus"]] : [["min", "plus"], ["minus", "plus"]];
  return {
    nl: `het teken van het bedrag in ${headerRef(amount, "nl")} spreekt de kant in ${headerRef(sideColumn, "nl")} tegen: hoe dit bestand ${SIDE_LINES[side].nl} tekent, is afgeleid uit zijn andere ${SIDE_LINES[side].nl}, die ${nl[0]} staan, en deze regel staat ${nl[1]}. Of de regel omzet of een correctie is, is dus niet zeker, en hij telt niet. Controleer de regel (is het een storno?), of kies zelf de kolom met het bedrag: dan telt het teken van het bedrag en niet ${headerRef(sideColumn, "nl")}.`,
    en: `the sign of the amount in ${headerRef(amount, "en")} contradicts the side in ${headerRef(sideColumn, "en")}: how this file signs its ${SIDE_LINES[side].en} was inferred from its other ${SIDE_LINES[side].en}, which are ${en[0]}, and this line is ${en[1]}. So whether the line is turnover or a correction is not certain, and it is not counted. Check the line (is it a storno?), or choose the amount column yourself: then the amount's sign counts, not ${headerRef(sideColumn, "en")}.`,
  };
}

/** A ledger line whose amount column differs in size from credit − debit (a cell error, without the row number). */
export function ledgerAmountMismatch(amount: HeaderRef, debit: HeaderRef, credit: HeaderRef): Localized {
  return {
    nl: `het bedrag in ${headerRef(amount, "nl")} verschilt in grootte van ${headerRef(credit, "nl")} min ${headerRef(debit, "nl")}, dus welk bedrag de omzet is, is niet zeker. Verbeter de regel, of kies zelf de bedragkolom als alleen ${headerRef(amount, "nl")} de omzet met het juiste teken bevat.`,
    en: `the amount in ${headerRef(amount, "en")} differs in size from ${headerRef(credit, "en")} minus ${headerRef(debit, "en")}, so which amount is the turnover is not certain. Correct the line, or choose the amount column yourself if only ${headerRef(amount, "en")} holds the turnover with the right sign.`,
  };
}

/** Gross − VAT: a row with a VAT amount but an empty gross amount (a cell error, without the row number). */
export function vatWithoutGross(): Localized {
  return {
    nl: "btw-bedrag zonder bedrag inclusief btw, dus de omzet (inclusief btw min btw) is niet te berekenen. Vul het bedrag inclusief btw in, of maak de rij leeg als het geen factuur is.",
    en: "VAT amount without an amount including VAT, so the turnover (including VAT minus VAT) cannot be worked out. Enter the amount including VAT, or clear the row if it is not an invoice.",
  };
}

/** Gross and VAT of a row with opposite signs (−1.210,00 beside 210,00): gross − VAT would be −1.420,00. */
export function vatSignMismatch(): Localized {
  return {
    nl: "het bedrag inclusief btw en het btw-bedrag hebben een tegengesteld teken (een creditnota met de btw zonder min?), dus de omzet (inclusief btw min btw) is niet zeker. Geef beide hetzelfde teken (een creditnota: allebei min) en lees het bestand opnieuw.",
    en: "the amount including VAT and the VAT amount have opposite signs (a credit note with its VAT written without a minus?), so the turnover (including VAT minus VAT) is not certain. Give both the same sign (a credit note: both minus) and read the file again.",
  };
}

/**
 * Why a column headed just "BTW" of whole numbers that are also VAT rates (21, 9, 6) cannot be read: `same`, every
 * amount beside it makes the rate and the VAT amount the same number (21% of € 100,00 is € 21,00); `both`, one
 * row fits a rate only and another a VAT amount only.
 */
export type VatColumnDoubt =
  | { readonly kind: "same"; readonly example: { readonly row: number; readonly value: number; readonly netCents: number } | null }
  | { readonly kind: "both"; readonly rateRow: number; readonly moneyRow: number };

export function vatColumnAmbiguous(header: string, letter: string, doubt: VatColumnDoubt): Localized {
  const col = `${quote(header)} (${letter})`;
  const why: Localized =
    doubt.kind === "same"
      ? doubt.example === null
        ? { nl: "De bedragen ernaast beslissen het niet.", en: "The amounts beside it do not decide it." }
        : {
            nl: `Bij de bedragen ernaast komt dat op hetzelfde uit (rij ${doubt.example.row}: ${doubt.example.value}% van ${formatEuros(doubt.example.netCents, "nl")} is ${formatEuros(doubt.example.value * 100, "nl")}), dus de waarden beslissen het niet.`,
            en: `With the amounts beside it that comes to the same (row ${doubt.example.row}: ${doubt.example.value}% of ${formatEuros(doubt.example.netCents, "en")} is ${formatEuros(doubt.example.value * 100, "en")}), so the values do not decide it.`,
          }
      : {
          nl: `De rijen spreken elkaar tegen: op rij ${doubt.rateRow} past het getal alleen als tarief, op rij ${doubt.moneyRow} alleen als btw-bedrag.`,
          en: `The rows disagree: on row ${doubt.rateRow} the number only fits as a rate, on row ${doubt.moneyRow} only as a VAT amount.`,
        };
  return {
    nl: `Kolom ${col} bevat alleen hele getallen die ook een btw-tarief zijn (zoals 21 en 9): dat kunnen tarieven zijn of btw-bedragen in hele euro's. ${why.nl} Kies zelf wat de kolom is: in het taakvenster onder Kolommen als 'Btw-bedrag op factuur' (bedragen) of 'Categorie / btw-tarief' (tarieven); bij kor-check met --vat-column (bedragen) of --category-column (tarieven). Exporteert u een CSV, dan kan het ook door de btw-bedragen met centen te exporteren (21,00); in een .xlsx helpt dat niet, want 21,00 is daar het getal 21.`,
    en: `Column ${col} holds only whole numbers that are also VAT rates (such as 21 and 9): they may be rates or VAT amounts in whole euros. ${why.en} Choose what the column is: in the pane under Columns as 'VAT on the invoice' (amounts) or 'Category / VAT rate' (rates); with kor-check, --vat-column (amounts) or --category-column (rates). For a CSV export, exporting the VAT amounts with cents (21.00) also works; in an .xlsx it does not, as 21.00 is the number 21 there.`,
  };
}

export function grossOnly(header: string, letter: string): Localized {
  return {
    nl: `Kolom ${quote(header)} (${letter}) bevat bedragen inclusief btw en er is geen btw-kolom en geen kolom met het bedrag exclusief btw. Een bedrag inclusief btw is geen omzet: voeg de kolom met het bedrag exclusief btw of het btw-bedrag toe aan de export, of kies de bedragkolom zelf.`,
    en: `Column ${quote(header)} (${letter}) holds amounts including VAT, and there is no VAT column and no column with the amount excluding VAT. An amount including VAT is not turnover: add the amount excluding VAT or the VAT amount to the export, or choose the amount column yourself.`,
  };
}

/**
 * A VAT column whose values say the amount column holds the other kind of amount than it was read as: `holds` "net"
 * when read as including VAT (gross − VAT) but the VAT is a rate of the amount itself; "gross" when read as excluding
 * VAT but the VAT is a rate of the amount minus it. `example`: the first such row; `agreeing`: a row that fits the
 * reading (the rows disagree); `headerSays`: the amount's header says the reading it was read as ("incl. btw",
 * "excl. btw"), so choosing the column does not change it and the header must be corrected.
 */
export function vatContradictsAmount(
  holds: "net" | "gross",
  vat: { header: string; letter: string },
  amount: { header: string; letter: string },
  example: { row: number; vatCents: number; rate: number; baseCents: number; agreeing: number | null; headerSays: boolean },
): Localized {
  const v = `${quote(vat.header)} (${vat.letter})`;
  const a = `${quote(amount.header)} (${amount.letter})`;
  const an = quote(amount.header);
  const vn = quote(vat.header);
  const ex = (lang: "nl" | "en"): string =>
    lang === "nl"
      ? `rij ${example.row}: ${formatEuros(example.vatCents, "nl")} is ${example.rate}% van ${formatEuros(example.baseCents, "nl")}`
      : `row ${example.row}: ${formatEuros(example.vatCents, "en")} is ${example.rate}% of ${formatEuros(example.baseCents, "en")}`;
  const disagree =
    example.agreeing === null
      ? { nl: "", en: "" }
      : holds === "gross"
        ? { nl: ` Rij ${example.agreeing} past bij ${an} als bedrag exclusief btw, rij ${example.row} niet: kijk de export na.`, en: ` Row ${example.agreeing} fits ${an} as the amount excluding VAT, row ${example.row} does not: check the export.` }
        : { nl: ` Rij ${example.agreeing} past bij ${an} als bedrag inclusief btw, rij ${example.row} niet: kijk de export na.`, en: ` Row ${example.agreeing} fits ${an} as the amount including VAT, row ${example.row} does not: check the export.` };
  if (holds === "net") {
    const todo = example.headerSays
      ? {
          nl: `Is ${an} toch het bedrag exclusief btw, verbeter dan de kolomkop (zoals "Totaal excl. btw") en lees opnieuw.`,
          en: `If ${an} is the amount excluding VAT after all, correct its header (such as "Totaal excl. btw") and read it again.`,
        }
      : {
          nl: `Is ${an} het bedrag exclusief btw, kies die dan als bedragkolom (in het taakvenster onder Kolommen als 'Bedrag exclusief btw'; bij kor-check met --amount-column ${an}).`,
          en: `If ${an} is the amount excluding VAT, choose it as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --amount-column ${an}).`,
        };
    return {
      nl: `Kolom ${v} is btw over ${a} zelf (${ex("nl")}), niet over ${an} min ${vn}: ${an} bevat dus de bedragen exclusief btw, en de omzet berekend als ${an} min ${vn} zou te laag zijn. ${todo.nl}${disagree.nl}`,
      en: `Column ${v} is VAT on ${a} itself (${ex("en")}), not on ${an} minus ${vn}: so ${an} holds the amounts excluding VAT, and turnover worked out as ${an} minus ${vn} would be too low. ${todo.en}${disagree.en}`,
    };
  }
  const todo = example.headerSays
    ? {
        nl: `Bevat ${an} toch bedragen inclusief btw, verbeter dan de kolomkop (zoals "Bedrag incl. btw") en lees opnieuw; bij kor-check kan ook --gross-column ${an}.`,
        en: `If ${an} holds amounts including VAT after all, correct its header (such as "Bedrag incl. btw") and read it again; with kor-check --gross-column ${an} also works.`,
      }
    : {
        nl: `Zo ja, kies die dan als kolom met het bedrag inclusief btw: bij kor-check met --gross-column ${an} (omzet = dat min ${vn} per rij); in het taakvenster geef de kolom een kop als "Bedrag incl. btw".`,
        en: `If so, choose it as the column with the amount including VAT: with kor-check --gross-column ${an} (turnover = it minus ${vn} per row); in the pane give the column a header such as "Bedrag incl. btw".`,
      };
  return {
    nl: `Kolom ${v} is btw over ${a} min ${vn} (${ex("nl")}), niet over ${an} zelf: ${an} bevat dus de bedragen inclusief btw, en zoals ze er staan meegeteld zou de omzet te hoog zijn. ${todo.nl}${disagree.nl}`,
    en: `Column ${v} is VAT on ${a} minus ${vn} (${ex("en")}), not on ${an} itself: so ${an} holds the amounts including VAT, and counted as they stand the turnover would be too high. ${todo.en}${disagree.en}`,
  };
}

/**
 * An export with turnover (or, beside gross amounts, VAT) in one column per VAT rate: only one amount column is read,
 * so it is refused, naming the columns and what to do.
 */
export function turnoverPerRateColumns(kind: "turnover" | "vat", columns: readonly { header: string; letter: string }[]): Localized {
  const names = columns.map((c) => `${quote(c.header)} (${c.letter})`);
  if (kind === "turnover") {
    return {
      nl: `De omzet staat in een kolom per btw-tarief: ${listNl(names)}. Er wordt maar één bedragkolom gelezen, dus de omzet van de rijen met een bedrag in een van de andere zou ontbreken. Voeg een kolom toe die ze per rij optelt (het bedrag exclusief btw) en kies die als bedragkolom (in het taakvenster onder Kolommen als 'Bedrag exclusief btw'; bij kor-check met --amount-column), of exporteer een regel per btw-tarief.`,
      en: `The turnover is in one column per VAT rate: ${listEn(names)}. Only one amount column is read, so the turnover of the rows with an amount in another of them would be missing. Add a column that adds them up per row (the amount excluding VAT) and choose it as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --amount-column), or export one line per VAT rate.`,
    };
  }
  return {
    nl: `De btw staat in een kolom per btw-tarief: ${listNl(names)}. De omzet is het bedrag inclusief btw min de btw, en niet min één van die kolommen. Voeg een kolom toe met het bedrag exclusief btw en kies die als bedragkolom (bij kor-check met --amount-column), of een kolom die de btw per rij optelt en kies die als btw-kolom (in het taakvenster onder Kolommen als 'Btw-bedrag op factuur'; bij kor-check met --vat-column).`,
    en: `The VAT is in one column per VAT rate: ${listEn(names)}. Turnover is the amount including VAT minus the VAT, not minus one of these columns. Add a column with the amount excluding VAT and choose it as the amount column (with kor-check --amount-column), or a column that adds up the VAT per row and choose it as the VAT column (in the pane under Columns as 'VAT on the invoice'; with kor-check --vat-column).`,
  };
}

/**
 * Gross amounts with a rate or VAT code column beside them and no VAT amount or amount excluding VAT: not read
 * (never gross as turnover), but the user can choose the gross column, and then each row's VAT is taken out by its
 * rate ("gross-by-rate"). In the pane only a header that says it includes VAT ("Totaal incl. btw") is read so when
 * chosen as the amount column (`paneChoice`); a bare "Totaal" chosen there is read as the amount.
 */
export function grossWithRate(gross: { header: string; letter: string }, rate: { header: string; letter: string }, paneChoice: boolean): Localized {
  const g = `${quote(gross.header)} (${gross.letter})`;
  const r = quote(rate.header);
  const how = {
    nl: paneChoice
      ? `kies ${quote(gross.header)} als bedragkolom (in het taakvenster onder Kolommen als 'Bedrag exclusief btw'; bij kor-check met --gross-column ${quote(gross.header)})`
      : `kies ${quote(gross.header)} bij kor-check met --gross-column ${quote(gross.header)} (in het taakvenster: geef de kolom een kop als "Totaal incl. btw" en kies die als 'Bedrag exclusief btw')`,
    en: paneChoice
      ? `choose ${quote(gross.header)} as the amount column (in the pane under Columns as 'Amount excluding VAT'; with kor-check --gross-column ${quote(gross.header)})`
      : `choose ${quote(gross.header)} with kor-check --gross-column ${quote(gross.header)} (in the pane: give the column a header such as "Totaal incl. btw" and choose it as 'Amount excluding VAT')`,
  };
  return {
    nl: `Kolom ${g} bevat bedragen inclusief btw, en er is geen kolom met het btw-bedrag en geen kolom met het bedrag exclusief btw, maar ${quote(rate.header)} (${rate.letter}) geeft per rij het btw-tarief. Een bedrag inclusief btw is geen omzet: ${how.nl}: de btw wordt dan per rij eruit gehaald met het tarief in ${r} (21%: × 100/121, 9%: × 100/109), afgerond op de cent. Of voeg het bedrag exclusief btw of het btw-bedrag toe aan de export.`,
    en: `Column ${g} holds amounts including VAT, and there is no VAT amount column and no column with the amount excluding VAT, but ${quote(rate.header)} (${rate.letter}) gives each row's VAT rate. An amount including VAT is not turnover: ${how.en}: the VAT is then taken out per row by the rate in ${r} (21%: × 100/121, 9%: × 100/109), rounded to the cent. Or add the amount excluding VAT or the VAT amount to the export.`,
  };
}

/**
 * A payment provider's export (PayPal, Stripe …) with gross, fee and net columns and no VAT column: the net column
 * is after fees, not excluding VAT, so it is not read; the gross amounts may include VAT.
 */
export function grossAfterFees(gross: { header: string; letter: string }, net: { header: string; letter: string }, fee: { header: string; letter: string }): Localized {
  const g = `${quote(gross.header)} (${gross.letter})`;
  const n = `${quote(net.header)} (${net.letter})`;
  const f = `${quote(fee.header)} (${fee.letter})`;
  return {
    nl: `Kolom ${n} is het bedrag na aftrek van de kosten in kolom ${f}, niet het bedrag exclusief btw: kosten van PayPal of een andere betaaldienst zijn een kostenpost en verlagen de omzet niet, dus kolom ${n} is niet gebruikt. Kolom ${g} bevat de bedragen inclusief eventuele btw, en er is geen btw-kolom. Voeg de btw-kolom toe aan de export (bij PayPal een veld als "Sales Tax" of "Btw"; leeg waar geen btw is gerekend), dan is de omzet per rij ${g} min btw. Staat er op uw verkopen geen btw (u zit in de KOR), dan is het bedrag in ${g} de omzet: geef die kolom een kop als "Bedrag".`,
    en: `Column ${n} is the amount after the fees in column ${f}, not the amount excluding VAT: PayPal's or another payment provider's fees are a cost and do not reduce turnover, so column ${n} was not used. Column ${g} holds the amounts including any VAT, and there is no VAT column. Add the VAT column to the export (in PayPal a field such as "Sales Tax" or "Btw"; empty where no VAT was charged); turnover is then ${g} minus VAT per row. If your sales carry no VAT (you are in the KOR), the amount in ${g} is the turnover: give that column a header such as "Bedrag".`,
  };
}

/** A chosen amount column including VAT, no VAT column: each row's VAT taken out by its category's rate. */
export function amountByRate(gross: { header: string; letter: string }, category: { header: string; letter: string }): Localized {
  const a = `${quote(gross.header)} (${gross.letter})`;
  const c = `${quote(category.header)} (${category.letter})`;
  return {
    nl: `Kolom ${a} bevat volgens de kolomkop bedragen inclusief btw, en er is geen btw-kolom. Dat is geen omzet: de btw is er per rij uit gehaald volgens het tarief in ${c} (21%: bedrag × 100/121, 9%: bedrag × 100/109; 0%, KOR, export, ICP, verlegd en vrijgesteld zonder btw).`,
    en: `Column ${a} holds amounts including VAT according to its header, and there is no VAT column. That is not turnover: the VAT was taken out per row by the rate in ${c} (21%: amount × 100/121, 9%: amount × 100/109; 0%, KOR, export, ICP, reverse charge and exempt carry no VAT).`,
  };
}

/** A row of such a column whose category does not give the VAT rate (empty, margin scheme, taxed abroad …). */
export function grossRateUnknown(gross: { header: string; letter: string }, category: string | null): Localized {
  const a = `${quote(gross.header)} (${gross.letter})`;
  return category === null
    ? {
        nl: `het bedrag in ${a} is inclusief btw en de rij heeft geen categorie, dus het btw-tarief en de omzet exclusief btw zijn niet bekend; de rij is niet meegeteld. Vul het tarief in (21, 9, 0) of voeg de btw-kolom toe.`,
        en: `the amount in ${a} includes VAT and the row has no category, so its VAT rate and the turnover excluding VAT are not known; the row was not counted. Enter the rate (21, 9, 0) or add the VAT column.`,
      }
    : {
        nl: `het bedrag in ${a} is inclusief btw en bij categorie ${quote(category)} is het btw-tarief niet bekend, dus de omzet exclusief btw ook niet; de rij is niet meegeteld. Voeg de btw-kolom toe, of de kolom met het bedrag exclusief btw.`,
        en: `the amount in ${a} includes VAT and category ${quote(category)} does not give the VAT rate, so the turnover excluding VAT is not known; the row was not counted. Add the VAT column, or the column with the amount excluding VAT.`,
      };
}

/** An amount column chosen by the user whose header says the amounts include VAT, and no VAT column to take the VAT out. */
export function grossChosen(header: string, letter: string): Localized {
  return {
    nl: `De gekozen bedragkolom ${quote(header)} (${letter}) bevat volgens de kolomkop bedragen inclusief btw, en er is geen btw-kolom en geen categoriekolom met het btw-tarief. Een bedrag inclusief btw is geen omzet: kies de kolom met het bedrag exclusief btw, of voeg de btw-kolom toe (of kies die), dan wordt de omzet per rij berekend als bedrag inclusief btw min btw. Staat er op uw facturen geen btw (u zit in de KOR), geef de kolom dan een kop als "Bedrag".`,
    en: `The amount column chosen, ${quote(header)} (${letter}), holds amounts including VAT according to its header, and there is no VAT column and no category column with the VAT rate. An amount including VAT is not turnover: choose the column with the amount excluding VAT, or add the VAT column (or choose it); turnover is then worked out per row as the amount including VAT minus the VAT. If your invoices carry no VAT (you are in the KOR), give the column a header such as "Bedrag".`,
  };
}

export function codeMappingBadLine(line: number, code: string, category: string): Localized {
  return {
    nl: `Regel ${line} van de codetabel (${quote(code)} → ${quote(category)}): de categorie is niet bekend. Geef per regel een code en een categorie, zoals VV;21 of A1;vrij.`,
    en: `Line ${line} of the code table (${quote(code)} → ${quote(category)}): the category is not known. Give a code and a category per line, such as VV,21 or A1,vrij.`,
  };
}

export function codeMappingTwice(line: number, code: string): Localized {
  return {
    nl: `Regel ${line} van de codetabel: de code ${quote(code)} staat er al met een andere categorie.`,
    en: `Line ${line} of the code table: the code ${quote(code)} is already there with another category.`,
  };
}

export function codeMappingUsed(entries: readonly { code: string; category: string }[]): Localized {
  const list = entries.map((e) => `${quote(e.code)} → ${e.category}`).join(", ");
  return { nl: `Eigen codes gelezen als: ${list}.`, en: `Own codes read as: ${list}.` };
}

export function previousYearFromSheet(year: number, sheet: string): Localized {
  return {
    nl: `De omzet van ${year} (voor de vorigjaartoets) komt van blad ${quote(sheet)} van dezelfde werkmap.`,
    en: `The ${year} turnover (for the previous-year test) comes from sheet ${quote(sheet)} of the same workbook.`,
  };
}

/**
 * Another sheet holds `years` that the report would have taken (the previous year; a participant's years or the
 * later years the next possible start reads: `since` is the participation's start, null for the later years), but
 * its name names no year it holds, so it may be another client's and was left out (src/bulk/sheetYears.ts).
 */
export function sheetNameWithoutYear(sheet: string, years: readonly number[], previous: boolean, since: Localized | null): Localized {
  const example = quote(String(years[0]));
  const start = {
    nl: `Blad ${quote(sheet)} heeft omzet van ${listNl(years)}, maar de naam van het blad noemt geen jaar dat erop staat.`,
    en: `Sheet ${quote(sheet)} has turnover of ${listEn(years)}, but its name names no year the sheet holds.`,
  };
  if (previous) {
    return {
      nl: `${start.nl} Daarom is het niet als vorig jaar van deze onderneming genomen: het kan van een andere klant zijn. Hoort het bij deze onderneming, zet dan het jaar in de naam van het blad (bijvoorbeeld ${example}), of vul de omzet van ${years[0]} zelf in.`,
      en: `${start.en} So it was not taken as this business's previous year: it may be another client's. If it belongs to this business, put the year in the sheet's name (e.g. ${example}), or enter the ${years[0]} turnover yourself.`,
    };
  }
  const what = since === null ? { nl: "de volgende mogelijke start", en: "the next possible start" } : { nl: `de KOR-deelname sinds ${since.nl}`, en: `the KOR participation since ${since.en}` };
  return {
    nl: `${start.nl} Daarom telt die omzet niet mee voor ${what.nl} van deze onderneming: het blad kan van een andere klant zijn. Hoort het bij deze onderneming, zet dan het jaar in de naam van het blad (bijvoorbeeld ${example}).`,
    en: `${start.en} So that turnover does not count for ${what.en} of this business: the sheet may be another client's. If it belongs to this business, put the year in the sheet's name (e.g. ${example}).`,
  };
}

/**
 * A sheet per year with the previous year's turnover given (typed in the pane, kor-check
 * --previous-year-turnover): the given figure wins, as over the sheet's own rows, and this names the other
 * sheet's figure beside it (amounts already formatted).
 */
export function previousYearDiffersSheet(year: number, given: Localized, sheet: string, fromSheet: Localized): Localized {
  return {
    nl: `De opgegeven omzet ${year} van ${given.nl} is gebruikt; blad ${quote(sheet)} van dezelfde werkmap telt voor ${year} op tot ${fromSheet.nl}. Controleer welk bedrag klopt.`,
    en: `The given ${year} turnover of ${given.en} was used; sheet ${quote(sheet)} of the same workbook adds up to ${fromSheet.en} for ${year}. Check which figure is right.`,
  };
}

/**
 * A sheet per year, a participant since an older year: the years since the start of participation taken from
 * other sheets (`parts`: each sheet with its years), as the first crossing since that start ended it.
 */
export function participationYearsFromSheets(since: Localized, parts: readonly { readonly sheet: string; readonly years: readonly number[] }[], sinceYear: number): Localized {
  const nl = parts.map((p) => `${listNl(p.years)} uit blad ${quote(p.sheet)}`);
  const en = parts.map((p) => `${listEn(p.years)} from sheet ${quote(p.sheet)}`);
  // From a 2025 start the year before it is read too: it decides whether the start could take effect.
  const before = parts.some((p) => p.years.includes(sinceYear - 1));
  return {
    nl: `Voor de KOR-deelname sinds ${since.nl} telt ook de omzet van ${listNl(nl)} van dezelfde werkmap mee: ${before ? `${sinceYear - 1} beslist of de deelname kon ingaan (vanaf ${NEW_KOR_RULES_YEAR} moet ook het vorige jaar binnen de omzetgrens blijven), en ` : ""}de eerste keer dat de omzet sinds die dag over de omzetgrens ging, eindigde de deelname.`,
    en: `For the KOR participation since ${since.en} the turnover of ${listEn(en)} of the same workbook counts too: ${before ? `${sinceYear - 1} decides whether participation could start (from ${NEW_KOR_RULES_YEAR} the previous year must be within the turnover limit too), and ` : ""}the first time turnover went over the turnover limit since that day ended participation.`,
  };
}

/**
 * A sheet per year, a report of an earlier year for a business not (known to be) in the KOR: the later years'
 * turnover on other sheets counts for the next possible start (a year over the limit moves it).
 */
export function laterYearsFromSheets(parts: readonly { readonly sheet: string; readonly years: readonly number[] }[]): Localized {
  const nl = parts.map((p) => `${listNl(p.years)} uit blad ${quote(p.sheet)}`);
  const en = parts.map((p) => `${listEn(p.years)} from sheet ${quote(p.sheet)}`);
  return {
    nl: `Voor de volgende mogelijke start telt ook de omzet van ${listNl(nl)} van dezelfde werkmap mee: een later jaar boven de omzetgrens schuift die start op.`,
    en: `For the next possible start the turnover of ${listEn(en)} of the same workbook counts too: a later year over the turnover limit moves that start.`,
  };
}

/**
 * A sheet per year, participation not known: an older year's turnover on another sheet changes the outcome "if
 * the business is in the KOR" (a crossing then ended participation). Said only when it does.
 */
export function olderYearsFromSheets(parts: readonly { readonly sheet: string; readonly years: readonly number[] }[]): Localized {
  const nl = parts.map((p) => `${listNl(p.years)} uit blad ${quote(p.sheet)}`);
  const en = parts.map((p) => `${listEn(p.years)} from sheet ${quote(p.sheet)}`);
  return {
    nl: `Voor wat geldt als u al in de KOR zit, telt ook de omzet van ${listNl(nl)} van dezelfde werkmap mee: ging de omzet toen over de omzetgrens, dan eindigde de deelname op die dag.`,
    en: `For what applies if you are already in the KOR, the turnover of ${listEn(en)} of the same workbook counts too: if turnover went over the turnover limit then, participation ended on that day.`,
  };
}

/** A sheet per year, a report of an earlier year: more than one other sheet holds the later `year`, so none was taken. */
export function laterYearSheetsAmbiguous(year: number, sheets: readonly string[]): Localized {
  const names = sheets.map(quote).join(", ");
  return {
    nl: `Meer dan één ander blad heeft omzet van ${year} (${names}); geen ervan telt mee voor de volgende mogelijke start, omdat niet vast staat welk blad bij deze onderneming hoort. Ging de omzet van ${year} over de omzetgrens, dan ligt die start later: controleer dat, of voeg de bladen van één onderneming samen in Alle bladen.`,
    en: `More than one other sheet has turnover of ${year} (${names}); none counts for the next possible start, as it is not certain which sheet belongs to this business. If the ${year} turnover went over the turnover limit, that start is later: check this, or group the sheets of one business in All sheets.`,
  };
}

/** A sheet per year, a participant since an older year: more than one other sheet holds `year`, so none was taken. */
export function participationYearSheetsAmbiguous(since: Localized, year: number, sheets: readonly string[], sinceYear: number, midYear: boolean): Localized {
  const names = sheets.map(quote).join(", ");
  const what =
    year === sinceYear && midYear
      ? {
          nl: `Ging de omzet van ${year} over de omzetgrens, dan eindigde de deelname op de dag van de factuur waarmee dat gebeurde, of kon die niet ingaan als dat vóór ${since.nl} was`,
          en: `If the ${year} turnover went over the turnover limit, participation ended on the day of the invoice that took it over, or could not start if that was before ${since.en}`,
        }
      : year < sinceYear
      ? {
          nl: `Ging de omzet van ${year} over de omzetgrens, dan kon de deelname sinds ${since.nl} niet ingaan (vanaf ${NEW_KOR_RULES_YEAR} moet ook het vorige jaar binnen de omzetgrens blijven)`,
          en: `If the ${year} turnover went over the turnover limit, participation since ${since.en} could not start (from ${NEW_KOR_RULES_YEAR} the previous year must be within the turnover limit too)`,
        }
      : {
          nl: `Ging de omzet van ${year} over de omzetgrens, dan eindigde de deelname op de dag van de factuur waarmee dat gebeurde`,
          en: `If the ${year} turnover went over the turnover limit, participation ended on the day of the invoice that took it over`,
        };
  return {
    nl: `Meer dan één ander blad heeft omzet van ${year} (${names}); geen ervan telt mee voor de KOR-deelname sinds ${since.nl}, omdat niet vast staat welk blad bij deze onderneming hoort. ${what.nl}: controleer dat, of voeg de bladen van één onderneming samen in Alle bladen.`,
    en: `More than one other sheet has turnover of ${year} (${names}); none counts for the KOR participation since ${since.en}, as it is not certain which sheet belongs to this business. ${what.en}: check this, or group the sheets of one business in All sheets.`,
  };
}
