/**
 * User-visible words of the overview (pane, overview sheet and command line), in Dutch and English.
 * Plain words for bookkeepers: "omzet die meetelt", not "countable turnover (art. 25)".
 */
import type { Lang, Localized } from "../i18n/types";
import type { PreviousYearBasis, Verdict } from "../rules/summary-types";
import { quote } from "../i18n/messages";
import { KOR_LIMIT, formatCount } from "../rules/text";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR } from "../rules/parameters";
import { previousYearTested } from "../rules/eligibility";
import { formatDay, type Day } from "../rules/dates";

export type OverviewColumn =
  | "label"
  | "year"
  | "countable"
  | "percent"
  | "verdict"
  | "crossing"
  | "previousYear"
  | "deadline"
  | "participation"
  | "problems";

export const OVERVIEW_COLUMNS: readonly OverviewColumn[] = [
  "label",
  "year",
  "countable",
  "percent",
  "verdict",
  "crossing",
  "previousYear",
  "deadline",
  "participation",
  "problems",
];

export const COLUMN_TITLES: Readonly<Record<OverviewColumn, Localized>> = {
  label: { nl: "Blad", en: "Sheet" },
  year: { nl: "Jaar", en: "Year" },
  countable: { nl: "Omzet die meetelt", en: "Turnover that counts" },
  percent: { nl: `% van ${KOR_LIMIT.nl}`, en: `% of ${KOR_LIMIT.en}` },
  verdict: { nl: "Oordeel", en: "Verdict" },
  crossing: { nl: "Omzetgrens overschreden op", en: "Turnover limit crossed on" },
  previousYear: { nl: "Vorig jaar", en: "Previous year" },
  deadline: { nl: "Volgende start (aanmelden uiterlijk)", en: "Next start (register by)" },
  participation: { nl: "Deelname aan de KOR", en: "KOR participation" },
  problems: { nl: "Problemen", en: "Problems" },
};

export const VERDICT_TEXT: Readonly<Record<Verdict, Localized>> = {
  eligible: { nl: "Binnen de omzetgrens", en: "Within the turnover limit" },
  "not-eligible": { nl: "Niet binnen de omzetgrens", en: "Not within the turnover limit" },
  unsupported: { nl: `Niet ondersteund (vóór ${FIRST_KOR_YEAR})`, en: `Not supported (before ${FIRST_KOR_YEAR})` },
};

export const BASIS_TEXT: Readonly<Record<PreviousYearBasis, Localized>> = {
  "not-needed": { nl: `niet nodig (vóór ${NEW_KOR_RULES_YEAR})`, en: `not needed (before ${NEW_KOR_RULES_YEAR})` },
  data: { nl: "uit de gegevens", en: "from the data" },
  given: { nl: "opgegeven", en: "as given" },
  "assumed-zero": { nl: "aangenomen € 0 (geen gegevens)", en: "assumed €0 (no data)" },
};

/**
 * Beside the previous year's figure: where it came from (BASIS_TEXT); a figure typed for a year before the previous-year
 * test (2025) says it does not decide the year (it used to be dropped as "niet nodig (vóór 2025)").
 */
export function previousBasisText(basis: PreviousYearBasis, year: number): Localized {
  if (basis === "given" && !previousYearTested(year)) return { nl: `opgegeven; beslist ${year} niet`, en: `as given; it does not decide ${year}` };
  return BASIS_TEXT[basis];
}

/**
 * Beside the previous year's figure read from rows that start late in it (summary.previousYearRowsFrom: an export from
 * 1 December?): it may not be the whole year. The pane's report, its All sheets and the overview sheet say it so.
 */
export function previousRowsFromText(from: Day): Localized {
  return { nl: `onvolledig? de rijen beginnen pas op ${formatDay(from, "nl")}`, en: `incomplete? the rows only start on ${formatDay(from, "en")}` };
}

/** Where the previous year came from, for a workbook with a sheet per year: "uit blad "Omzet 2024"". */
export function fromSheetText(sheet: string): Localized {
  return { nl: `uit blad ${quote(sheet)}`, en: `from sheet ${quote(sheet)}` };
}

export const TEXT = {
  row: { nl: "rij", en: "row" },
  none: { nl: "—", en: "—" },
  group: { nl: "Groep", en: "Group" },
  sheetsInGroup: { nl: "bladen", en: "sheets" },
  overviewTitle: { nl: "KOR-overzicht van alle bladen", en: "KOR overview of all sheets" },
  madeOn: { nl: "Gemaakt op", en: "Made on" },
  overviewNote: {
    nl: "Dit blad is gemaakt door de KOR-invoegtoepassing en wordt bij een nieuw overzicht overschreven. Wijzig uw gegevens op de eigen bladen.",
    en: "This sheet was made by the KOR add-in and is overwritten by a new overview. Change your data on your own sheets.",
  },
} as const satisfies Record<string, Localized>;

/**
 * The participation column (kor-rules.md section 5), in the words of the year report: the status the line
 * was tested with, and for "unknown" the participant's outcome where it differs from the next start.
 */
export const PARTICIPATION_TEXT = {
  inSince: (since: string): Localized => ({ nl: `In de KOR sinds ${since}`, en: `In the KOR since ${since}` }),
  endedOn: (day: string): Localized => ({
    nl: `In de KOR tot ${day}: de omzetgrens is overschreden; meld u af met ${day} als beëindigingsdatum`,
    en: `In the KOR until ${day}: the turnover limit was crossed; deregister with ${day} as the end date`,
  }),
  endedIn: (year: number): Localized => ({
    nl: `In de KOR tot een dag in ${year}: de opgegeven omzet ${year} is hoger dan de omzetgrens; meld u af met die dag als beëindigingsdatum`,
    en: `In the KOR until a day in ${year}: the given ${year} turnover is over the turnover limit; deregister with that day as the end date`,
  }),
  /** In the KOR "since" a start that could not take effect (summary deadlines.participationCouldNotStart). */
  couldNotStart: (since: string): Localized => ({
    nl: `Niet in de KOR: de deelname per ${since} kon niet ingaan (zie de waarschuwing); is de aanmelding toch aangenomen, meld u dan af`,
    en: `Not in the KOR: participation from ${since} could not start (see the warning); if the registration was accepted all the same, deregister`,
  }),
  out: { nl: "Niet in de KOR", en: "Not in the KOR" } as Localized,
  unknown: { nl: "Onbekend", en: "Unknown" } as Localized,
  /**
   * Status unknown, where the participant's next start differs: the day that participation ended (the crossing,
   * as the year report's action names it) when known, the rejoin date, and to deregister if not done yet.
   */
  ifInKor: (endedOn: string | null, start: string, deadline: string): Localized =>
    endedOn === null
      ? {
          nl: `Onbekend. Zat de onderneming in de KOR, dan is die deelname geëindigd (nog niet afgemeld? Meld u dan af); opnieuw meedoen kan dan op zijn vroegst per ${start} (aanmelden uiterlijk ${deadline})`,
          en: `Unknown. If the business was in the KOR, that participation has ended (not deregistered yet? Then deregister); it can then rejoin at the earliest on ${start} (register by ${deadline})`,
        }
      : {
          nl: `Onbekend. Zat de onderneming in de KOR, dan eindigde de deelname op ${endedOn}, toen de omzet over de omzetgrens ging (nog niet afgemeld? Meld u dan af met die dag als beëindigingsdatum); opnieuw meedoen kan dan op zijn vroegst per ${start} (aanmelden uiterlijk ${deadline})`,
          en: `Unknown. If the business was in the KOR, participation ended on ${endedOn}, when turnover went over the turnover limit (not deregistered yet? Then deregister with that day as end date); it can then rejoin at the earliest on ${start} (register by ${deadline})`,
        },
  /** Before the next start when the status is unknown and the outcomes differ. */
  ifNotInKor: { nl: "zo niet in de KOR:", en: "if not in the KOR:" } as Localized,
  /** The next-start cell of a business in the KOR (nothing to register). */
  inKorNow: { nl: "in de KOR: niets aan te melden", en: "in the KOR: nothing to register" } as Localized,
};

export function t(text: Localized, lang: Lang): string {
  return text[lang];
}

/** "3 rijen" / "1 row": a count with the right plural. */
export function plural(n: number, one: Localized, many: Localized, lang: Lang): string {
  return `${formatCount(n, lang)} ${n === 1 ? one[lang] : many[lang]}`;
}
