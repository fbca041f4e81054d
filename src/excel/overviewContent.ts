/**
 * The overview sheet's content as plain data (one 2-D array of values and one of number formats), so it is
 * written in one go and tested without Excel. Amounts are numbers in euros and dates Excel serials, so the
 * bookkeeper can sort and filter them in Excel.
 */
import type { Lang } from "../i18n/types";
import { excelSerialFromDay, formatDay, type Day } from "../rules/dates";
import { eurosFromCents } from "../rules/money";
import type { OverviewRow } from "../bulk/overview";
import { participationText, unitLabel } from "../bulk/overview";
import { BASIS_TEXT, COLUMN_TITLES, fromSheetText, PARTICIPATION_TEXT, previousRowsFromText, TEXT, VERDICT_TEXT } from "../bulk/strings";
import { EURO_FORMAT } from "./reportContent";

export const OVERVIEW_WIDTH = 13;
const EURO = EURO_FORMAT;
const DATE = "d-m-yyyy";
const PERCENT = "0.0%";
const TEXT_FORMAT = "@";
const GENERAL = "General";

export type OverviewCell = string | number;

export interface OverviewContent {
  readonly values: OverviewCell[][];
  readonly formats: string[][];
  /** 0-based row of the table header; the data follow it. */
  readonly headerRow: number;
}

export function overviewHeader(lang: Lang): string[] {
  const c = COLUMN_TITLES;
  return [
    c.label[lang],
    lang === "nl" ? "Bladen" : "Sheets",
    c.year[lang],
    c.countable[lang],
    c.percent[lang],
    c.verdict[lang],
    c.crossing[lang],
    lang === "nl" ? "Rij van de overschrijding" : "Row of the crossing",
    c.previousYear[lang],
    lang === "nl" ? "Volgende start" : "Next start",
    lang === "nl" ? "Aanmelden uiterlijk" : "Register by",
    c.problems[lang],
    c.participation[lang],
  ];
}

/**
 * `dateSerialOffset`: subtracted from each date's 1900-system serial, DATE_1904_OFFSET for a workbook in the 1904
 * date system (src/excel/dateSystem.ts), so the date cells show their own day there.
 */
export function buildOverviewContent(lines: readonly OverviewRow[], lang: Lang, today: Day, dateSerialOffset = 0): OverviewContent {
  const serial = (d: Day): number => excelSerialFromDay(d) - dateSerialOffset;
  const blank = (): OverviewCell[] => new Array<OverviewCell>(OVERVIEW_WIDTH).fill("");
  const general = (): string[] => new Array<string>(OVERVIEW_WIDTH).fill(GENERAL);
  const values: OverviewCell[][] = [];
  const formats: string[][] = [];
  const title = blank();
  title[0] = TEXT.overviewTitle[lang];
  values.push(title);
  formats.push(general());
  const made = blank();
  made[0] = `${TEXT.madeOn[lang]} ${formatDay(today, lang)}`;
  values.push(made);
  formats.push(general());
  const note = blank();
  note[0] = TEXT.overviewNote[lang];
  values.push(note);
  formats.push(general());
  values.push(blank());
  formats.push(general());
  const headerRow = values.length;
  values.push(overviewHeader(lang));
  formats.push(general());
  for (const line of lines) {
    const previous =
      line.previousYearCents === null || line.previousYearBasis === "not-needed" ? BASIS_TEXT["not-needed"][lang] : eurosFromCents(line.previousYearCents);
    const participating = line.summary.deadlines.participating;
    values.push([
      line.label,
      line.units.map(unitLabel).join(", ") +
        (line.previousYearSheet !== null ? `; ${COLUMN_TITLES.previousYear[lang].toLowerCase()} ${fromSheetText(line.previousYearSheet)[lang]}` : ""),
      line.year,
      eurosFromCents(line.countableCents),
      line.percentOfThreshold / 100,
      VERDICT_TEXT[line.verdict][lang] +
        (line.previousYearBasis === "assumed-zero" ? ` (${BASIS_TEXT["assumed-zero"][lang]})` : "") +
        // Last year read from rows that start late in it: the verdict may rest on part of that year.
        (line.summary.previousYearRowsFrom === null ? "" : ` (${COLUMN_TITLES.previousYear[lang].toLowerCase()} ${previousRowsFromText(line.summary.previousYearRowsFrom)[lang]})`),
      line.crossing === null ? "" : serial(line.crossing.day),
      line.crossing === null
        ? ""
        : `${unitLabel(line.crossing)} ${TEXT.row[lang]} ${line.crossing.row}${line.crossing.caveat === null ? "" : `; ${line.crossing.caveat[lang]}`}`,
      previous,
      // A business in the KOR has no next start to register for (as All sheets in the pane shows it).
      participating ? PARTICIPATION_TEXT.inKorNow[lang] : serial(line.nextStart),
      participating ? "" : serial(line.registrationDeadline),
      line.errorCount + line.warningCount,
      participationText(line, lang),
    ]);
    formats.push([TEXT_FORMAT, TEXT_FORMAT, "0", EURO, PERCENT, TEXT_FORMAT, DATE, TEXT_FORMAT, typeof previous === "number" ? EURO : TEXT_FORMAT, participating ? TEXT_FORMAT : DATE, participating ? GENERAL : DATE, "0", TEXT_FORMAT]);
  }
  return { values, formats, headerRow };
}
