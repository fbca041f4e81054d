/**
 * Every text the KOR.* functions show (error messages, STATUS, REPORT), in Dutch and English, in plain
 * words for bookkeepers. Reading messages come from src/i18n/messages.ts; rule reasons from src/rules.
 */
import type { Localized } from "../i18n/types";
import { formatDay, type Day } from "../rules/dates";
import { formatEuros, type Cents } from "../rules/money";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR } from "../rules/parameters";
import { MOVABLE_YEARS, REAL_ESTATE_YEARS, countEn, countNl } from "../rules/text";
import { previousRowsFromText } from "../bulk/strings";

/** Argument names as the Excel help shows them (the names stay English in both metadata files). */
export const ARG = {
  year: { nl: "year (jaar)", en: "year" },
  period: { nl: "period (aangiftetijdvak)", en: "period" },
  previousYearTurnover: { nl: "previousYearTurnover (omzet vorig jaar)", en: "previousYearTurnover" },
  threshold: { nl: "threshold (grens van dat land)", en: "threshold" },
  previousYearUnionTurnover: { nl: "previousYearUnionTurnover (EU-omzet vorig jaar)", en: "previousYearUnionTurnover" },
  startDate: { nl: "startDate (begindatum)", en: "startDate" },
  receivedDate: { nl: "receivedDate (ontvangstdatum)", en: "receivedDate" },
  country: { nl: "country (lidstaat)", en: "country" },
  countries: { nl: "countries (landen)", en: "countries" },
  category: { nl: "category (categorie)", en: "category" },
  vatDeducted: { nl: "vatDeducted (afgetrokken btw)", en: "vatDeducted" },
  firstUseDates: { nl: "firstUseDates (datums ingebruikname)", en: "firstUseDates" },
  kinds: { nl: "kinds (soort)", en: "kinds" },
  korStartDate: { nl: "korStartDate (startdatum KOR)", en: "korStartDate" },
} as const satisfies Record<string, Localized>;

function firstUpper(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

export function oneCellOnly(name: Localized): Localized {
  return {
    nl: `Het argument ${name.nl} moet één waarde of één cel zijn, geen bereik van meerdere cellen.`,
    en: `The ${name.en} argument must be one value or one cell, not a range of several cells.`,
  };
}

export function notAYear(text: string): Localized {
  return {
    nl: `"${text}" is geen jaartal. Schrijf het jaar als 2026 (staat er een datum? gebruik dan JAAR(datum)).`,
    en: `"${text}" is not a year. Write the year as 2026 (is it a date? then use YEAR(date)).`,
  };
}

export function yearBeforeKor(year: number): Localized {
  return {
    nl: `${year} wordt niet ondersteund: de KOR-vrijstelling bestaat vanaf ${FIRST_KOR_YEAR}. Daarvoor was de KOR een andere regeling (een belastingvermindering).`,
    en: `${year} is not supported: the KOR exemption exists from ${FIRST_KOR_YEAR}. Before that the KOR was a different scheme (a VAT reduction).`,
  };
}

export function unknownPeriod(text: string): Localized {
  return {
    nl: `Onbekend aangiftetijdvak "${text}". Gebruik "kwartaal" (standaard), "maand" of "jaar".`,
    en: `Unknown filing period "${text}". Use "quarter" (the default), "month" or "year".`,
  };
}

export function badArgument(name: Localized, body: Localized): Localized {
  return { nl: `Argument ${name.nl}: ${body.nl}`, en: `Argument ${name.en}: ${body.en}` };
}

export function missingArgument(name: Localized): Localized {
  return { nl: `Het argument ${name.nl} ontbreekt of de cel is leeg.`, en: `The ${name.en} argument is missing or its cell is empty.` };
}

export const NO_ROWS: Localized = {
  nl: "Geen facturen gevonden in de bereiken (rijen met een datum en een bedrag). Kies de juiste kolommen of geef het jaar op.",
  en: "No invoices found in the ranges (rows with a date and an amount). Select the right columns or enter the year.",
};

export function notExceeded(year: number): Localized {
  return {
    nl: `Niet overschreden in ${year}: de omzet die meetelt kwam in ${year} niet boven de omzetgrens.`,
    en: `Not exceeded in ${year}: the turnover that counts did not go over the turnover limit in ${year}.`,
  };
}

export function notEuState(code: string): Localized {
  return {
    nl: `${code} is geen EU-lidstaat; de EU-KOR geldt alleen in lidstaten van de EU.`,
    en: `${code} is not an EU member state; the EU-KOR only applies in EU member states.`,
  };
}

/** KOR.START / KOR.DEADLINE: the answer would fall after Excel's last date, 31-12-9999. */
export function pastLastExcelDate(day: Day): Localized {
  return {
    nl: `Het antwoord voor ${formatDay(day, "nl")} zou na 31-12-9999 vallen, de laatste datum die Excel kent. Controleer de datum.`,
    en: `The answer for ${formatDay(day, "en")} would fall after 31 Dec 9999, the last date Excel knows. Check the date.`,
  };
}

/** KOR.EUTURNOVER before 2024. */
export function unionTurnoverTooEarly(year: number, first: number): Localized {
  return {
    nl: `${year} wordt niet ondersteund: EU-omzet wordt berekend vanaf ${first} (het vorige jaar van de eerste EU-KOR-toets in ${first + 1}).`,
    en: `${year} is not supported: Union turnover is computed from ${first} (the previous year of the first EU-KOR test in ${first + 1}).`,
  };
}

/**
 * KOR.EUTURNOVER / KOR.EUELIGIBLE: a `buitenland` row (taxed abroad) that cannot be placed in a member state.
 * A function can only return a number, so it refuses rather than leave the row out of Union turnover.
 */
export function foreignWithoutCountry(): Localized {
  return {
    nl: "'buitenland' (belast in het buitenland) zonder land. Vul in de kolom landen de lidstaat in waar deze omzet belast is (bijvoorbeeld DE), of het land buiten de EU. Zonder land is de EU-omzet niet te bepalen; leeg betekent alleen NL bij omzet die voor de KOR meetelt.",
    en: "'buitenland' (taxed abroad) without a country. Fill in the member state where this turnover is taxed (e.g. DE) in the countries column, or the country outside the EU. Without it Union turnover cannot be determined; empty means NL only for turnover that counts for the KOR.",
  };
}

export function foreignInNl(): Localized {
  return {
    nl: "'buitenland' (belast in het buitenland) met land NL spreekt zichzelf tegen. Vul de lidstaat in waar deze omzet belast is; is het Nederlandse omzet, kies dan een andere categorie (bijvoorbeeld 21 of verlegd).",
    en: "'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member state where this turnover is taxed; if it is Dutch turnover, choose another category (e.g. 21 or verlegd).",
  };
}

export function receivedTooEarly(day: Day): Localized {
  return {
    nl: `${formatDay(day, "nl")} ligt te vroeg: aanmeldingen voor de KOR-vrijstelling (vanaf 1 januari ${FIRST_KOR_YEAR}) konden pas in ${FIRST_KOR_YEAR - 1} binnenkomen.`,
    en: `${formatDay(day, "en")} is too early: registrations for the KOR exemption (from 1 January ${FIRST_KOR_YEAR}) could only be received from ${FIRST_KOR_YEAR - 1}.`,
  };
}

/** "Cel Blad1!C7: <body>" when the platform gives the cell address. */
export function atCell(address: string, body: Localized): Localized {
  return { nl: `Cel ${address}: ${body.nl}`, en: `Cell ${address}: ${body.en}` };
}

/** "Rij 6 van het bereik: <body>" when it does not. */
export function atRangeRow(row: number, body: Localized): Localized {
  return { nl: `Rij ${row} van het bereik: ${body.nl}`, en: `Row ${row} of the range: ${body.en}` };
}

export function andMore(message: Localized, more: number): Localized {
  if (more <= 0) return message;
  return {
    nl: `${message.nl} (En nog ${countNl(more)} ${more === 1 ? "andere fout" : "andere fouten"}; herstel deze eerst.)`,
    en: `${message.en} (And ${countEn(more)} more ${more === 1 ? "problem" : "problems"}; fix this one first.)`,
  };
}

export function sentence(body: Localized): Localized {
  return { nl: firstUpper(body.nl), en: firstUpper(body.en) };
}

// ---------------------------------------------------------------------------------------------------
// STATUS

function percentText(pct: number, lang: "nl" | "en"): string {
  const t = pct.toFixed(1);
  return lang === "nl" ? `${t.replace(".", ",")}%` : `${t}%`;
}

export interface StatusParts {
  readonly year: number;
  readonly eligible: boolean;
  readonly countableCents: Cents;
  readonly thresholdCents: Cents;
  readonly percent: number;
  readonly crossingDay: Day | null;
  /** Beside the crossing when later credit notes bring the year back within the limit (kor-rules.md section 5). */
  readonly crossingCaveat?: Localized | null;
  readonly headroomCents: Cents;
  readonly previous:
    | { readonly basis: "not-needed" }
    /**
     * Before 2025 (no previous-year test), a previousYearTurnover the user typed: shown as given, saying it does not
     * decide the year; over the limit, what it means for a business in the KOR that year (kor-rules.md section 5).
     */
    | { readonly basis: "given-untested"; readonly cents: Cents; readonly over: boolean; readonly rowsCents?: Cents | null }
    | {
        readonly basis: "data" | "given" | "assumed-zero";
        readonly cents: Cents;
        readonly over: boolean;
        readonly rowsCents?: Cents | null;
        /**
         * The day the previous year crossed the limit when later credit notes brought its total back within it:
         * the year still fails the previous-year test (kor-rules.md section 5), and this is the reason, with the
         * invoice to check beside it (a credit note cancelling a wrong invoice may mean it was never crossed).
         */
        readonly crossingDay?: Day | null;
        /** The first day of the previous year's rows when they start late in it (lateStarts, src/rules/summary.ts). */
        readonly rowsFrom?: Day | null;
      };
}

/** One sentence (three short clauses) for KOR.STATUS. */
export function status(p: StatusParts): Localized {
  const eur = (c: Cents, lang: "nl" | "en"): string => formatEuros(c, lang);
  const verdict = p.eligible
    ? { nl: `${p.year}: KOR mogelijk.`, en: `${p.year}: eligible for the KOR.` }
    : { nl: `${p.year}: KOR niet mogelijk.`, en: `${p.year}: not eligible for the KOR.` };
  const amount = {
    nl: `Omzet die meetelt ${eur(p.countableCents, "nl")} = ${percentText(p.percent, "nl")} van ${eur(p.thresholdCents, "nl")}`,
    en: `Turnover that counts ${eur(p.countableCents, "en")} = ${percentText(p.percent, "en")} of ${eur(p.thresholdCents, "en")}`,
  };
  const caveat = p.crossingCaveat ?? null;
  const room =
    p.crossingDay !== null
      ? {
          nl: `omzetgrens overschreden op ${formatDay(p.crossingDay, "nl")}.${caveat === null ? "" : ` ${caveat.nl}`}`,
          en: `turnover limit crossed on ${formatDay(p.crossingDay, "en")}.${caveat === null ? "" : ` ${caveat.en}`}`,
        }
      : { nl: `nog ${eur(p.headroomCents, "nl")} ruimte tot de omzetgrens.`, en: `${eur(p.headroomCents, "en")} left below the turnover limit.` };
  const prevYear = p.year - 1;
  let prev: Localized;
  if (p.previous.basis === "not-needed") {
    prev = { nl: `Vorig jaar telt pas mee vanaf ${NEW_KOR_RULES_YEAR}.`, en: `The previous year is only tested from ${NEW_KOR_RULES_YEAR}.` };
  } else if (p.previous.basis === "given-untested") {
    // Was "Vorig jaar telt pas mee vanaf 2025." with the typed figure left out, as if it had not been given.
    const rows = p.previous.rowsCents != null && p.previous.rowsCents !== p.previous.cents ? p.previous.rowsCents : null;
    const src =
      rows !== null
        ? { nl: `opgegeven; de rijen van ${prevYear} tellen op tot ${eur(rows, "nl")}`, en: `as given; the rows of ${prevYear} add up to ${eur(rows, "en")}` }
        : { nl: "opgegeven", en: "as given" };
    const over = p.previous.over
      ? {
          nl: ` Boven de grens: zat de onderneming in ${prevYear} in de KOR, dan eindigde die deelname in ${prevYear}.`,
          en: ` Over the limit: if the business was in the KOR in ${prevYear}, that participation ended in ${prevYear}.`,
        }
      : { nl: "", en: "" };
    prev = {
      nl: `Vorig jaar ${prevYear}: ${eur(p.previous.cents, "nl")} (${src.nl}); beslist ${p.year} niet: vorig jaar telt pas mee vanaf ${NEW_KOR_RULES_YEAR}.${over.nl}`,
      en: `Previous year ${prevYear}: ${eur(p.previous.cents, "en")} (${src.en}); it does not decide ${p.year}: the previous year is only tested from ${NEW_KOR_RULES_YEAR}.${over.en}`,
    };
  } else if (p.previous.basis === "assumed-zero") {
    prev = {
      nl: `Vorig jaar ${prevYear}: geen gegevens, € 0,00 aangenomen (vul previousYearTurnover in als er omzet was).`,
      en: `Previous year ${prevYear}: no data, €0.00 assumed (enter previousYearTurnover if there was turnover).`,
    };
  } else {
    const rows = p.previous.basis === "given" && p.previous.rowsCents != null && p.previous.rowsCents !== p.previous.cents ? p.previous.rowsCents : null;
    const src =
      rows !== null
        ? { nl: `opgegeven; de rijen van ${prevYear} tellen op tot ${eur(rows, "nl")}`, en: `as given; the rows of ${prevYear} add up to ${eur(rows, "en")}` }
        : p.previous.basis === "given"
          ? { nl: "opgegeven", en: "as given" }
          : p.previous.rowsFrom != null
            ? {
                nl: `uit de gegevens; ${previousRowsFromText(p.previous.rowsFrom).nl}: vul previousYearTurnover in als ${prevYear} meer omzet had`,
                en: `from the data; ${previousRowsFromText(p.previous.rowsFrom).en}: enter previousYearTurnover if ${prevYear} had more turnover`,
              }
            : { nl: "uit de gegevens", en: "from the data" };
    const crossed = p.previous.crossingDay ?? null;
    const over = p.previous.over
      ? { nl: ", boven de grens", en: ", over the limit" }
      : crossed !== null
        ? {
            // The caveat of kor-rules.md section 5 stands beside the crossing, never hidden (as creditNoteCaveat).
            nl: `, maar de omzetgrens is overschreden op ${formatDay(crossed, "nl")}; latere creditnota's maken dat niet ongedaan. Trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur`,
            en: `, but the turnover limit was crossed on ${formatDay(crossed, "en")}; later credit notes do not undo that. If a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice`,
          }
        : { nl: "", en: "" };
    prev = {
      nl: `Vorig jaar ${prevYear}: ${eur(p.previous.cents, "nl")} (${src.nl})${over.nl}.`,
      en: `Previous year ${prevYear}: ${eur(p.previous.cents, "en")} (${src.en})${over.en}.`,
    };
  }
  return {
    nl: `${verdict.nl} ${amount.nl}; ${room.nl} ${prev.nl}`,
    en: `${verdict.en} ${amount.en}; ${room.en} ${prev.en}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// REPORT

export function reportHeader(thresholdCents: Cents): { nl: string[]; en: string[] } {
  return {
    nl: ["Kwartaal", "Omzet (€)", "Cumulatief (€)", `% van ${formatEuros(thresholdCents, "nl")}`, "Status"],
    en: ["Quarter", "Turnover (€)", "Cumulative (€)", `% of ${formatEuros(thresholdCents, "en")}`, "Status"],
  };
}

export const WITHIN: Localized = { nl: "binnen", en: "within" };
/**
 * A quarter after the crossing quarter. The functions know no participation status (kor-rules.md section 5:
 * unknown), so the text does not claim that participation ended.
 */
export const OVER: Localized = { nl: "boven de grens", en: "over the limit" };

/** KOR.REPORT: a quarter after the crossing whose cumulative later credit notes brought back within the limit. */
export const AFTER_CROSSING: Localized = { nl: "na de overschrijding", en: "after the crossing" };

export function crossedOn(day: Day): Localized {
  return { nl: `omzetgrens overschreden op ${formatDay(day, "nl")}`, en: `turnover limit crossed on ${formatDay(day, "en")}` };
}

export function totalLabel(year: number): Localized {
  return { nl: `Totaal ${year}`, en: `Total ${year}` };
}

// ---------------------------------------------------------------------------------------------------
// REVISION (herziening on entering the KOR)

const KIND_CHOICES: Localized = {
  nl: `Gebruik "roerend" (auto, machine, computer: ${MOVABLE_YEARS} jaar) of "onroerend" (pand, grond: ${REAL_ESTATE_YEARS} jaar); "movable" en "real estate" mogen ook.`,
  en: `Use "movable" (car, machine, computer: ${MOVABLE_YEARS} years) or "real estate" (building, land: ${REAL_ESTATE_YEARS} years); "roerend" and "onroerend" work too.`,
};

export function goodsNotOneColumn(name: Localized): Localized {
  return {
    nl: `Het argument ${name.nl} moet één kolom (of één rij) zijn, met één cel per bedrijfsmiddel.`,
    en: `The ${name.en} argument must be one column (or one row), with one cell per capital good.`,
  };
}

export function goodsHeights(vat: number, dates: number, kinds: number): Localized {
  return {
    nl: `De bereiken vatDeducted, firstUseDates en kinds zijn niet even lang (${countNl(vat)}, ${countNl(dates)} en ${countNl(kinds)} rijen). Kies voor elk dezelfde rijen: één rij per bedrijfsmiddel.`,
    en: `The ranges vatDeducted, firstUseDates and kinds do not have the same number of rows (${countEn(vat)}, ${countEn(dates)} and ${countEn(kinds)}). Select the same rows for each: one row per capital good.`,
  };
}

export function unknownKind(text: string): Localized {
  return { nl: `onbekende soort "${text}". ${KIND_CHOICES.nl}`, en: `unknown kind "${text}". ${KIND_CHOICES.en}` };
}

export const KIND_MISSING: Localized = { nl: `soort ontbreekt. ${KIND_CHOICES.nl}`, en: `kind missing. ${KIND_CHOICES.en}` };

export const FIRST_USE_MISSING: Localized = {
  nl: "datum van ingebruikname ontbreekt: zonder die datum is de herzieningsperiode niet te bepalen.",
  en: "date first used is missing: without it the revision period cannot be determined.",
};

/** KOR.REVISION's korStartDate must be a 1st of a month: the months in the KOR of the start year follow from it. */
export function korStartNotFirstOfMonth(day: Day): Localized {
  return {
    nl: `${formatDay(day, "nl")} is niet de eerste dag van een maand. De deelname aan de KOR begint altijd op de eerste dag van een aangiftetijdvak (1 januari, 1 april, 1 juli of 1 oktober; bij maandaangifte de 1e van een maand), en de herziening over het startjaar hangt af van het aantal maanden in de KOR. Vul de ingangsdatum uit de bevestigingsbrief van de Belastingdienst in.`,
    en: `${formatDay(day, "en")} is not the first day of a month. KOR participation always starts on the first day of a filing period (1 January, 1 April, 1 July or 1 October; for monthly filers the 1st of a month), and the start year's herziening depends on the months in the KOR. Enter the start date given in the Belastingdienst's confirmation letter.`,
  };
}

export function looksLikeYear(year: number): Localized {
  return {
    nl: `${year} lijkt een jaartal, geen datum. Gebruik DATUM(${year};1;1) voor 1 januari ${year}.`,
    en: `${year} looks like a year, not a date. Use DATE(${year},1,1) for 1 January ${year}.`,
  };
}

export const PREVIOUS_UNION_NEGATIVE: Localized = {
  nl: "de EU-omzet van vorig jaar kan niet negatief zijn. Vul de EU-omzet van vorig jaar in euro in; 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
  en: "last year's Union turnover cannot be negative. Enter last year's Union turnover in euros; 0 or empty: not given, the rows of last year count.",
};

export const PREVIOUS_NEGATIVE: Localized = {
  nl: "de omzet van vorig jaar kan niet negatief zijn. Vul de meetellende omzet van vorig jaar in euro in; 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
  en: "last year's turnover cannot be negative. Enter last year's turnover that counts, in euros; 0 or empty: not given, the rows of last year count.",
};

export const THRESHOLD_NEGATIVE: Localized = {
  nl: "een nationale omzetgrens kan niet negatief zijn. Vul de grens van dat land in euro in, of laat het argument leeg om de gecontroleerde grens te gebruiken.",
  en: "a national threshold cannot be negative. Enter that state's threshold in euros, or leave the argument empty to use the verified threshold.",
};

export const VAT_NEGATIVE: Localized = {
  nl: "afgetrokken btw kan niet negatief zijn. Vul het bedrag in dat u destijds hebt afgetrokken.",
  en: "VAT deducted cannot be negative. Enter the amount you deducted at the time.",
};

/**
 * A header row whose header over the amounts is not turnover: amounts including VAT ("Bedrag incl. btw"), the
 * VAT ("BTW") or a header not known as an amount excluding VAT ("Prijs"). `dateHeader` is the dates' header.
 */
export function amountHeaderNotTurnover(dateHeader: string, amountHeader: string, kind: "gross" | "vat" | "other"): Localized {
  const what =
    kind === "gross"
      ? { nl: "bevat bedragen inclusief btw. Dat is geen omzet", en: "holds amounts including VAT. That is not turnover" }
      : kind === "vat"
        ? { nl: "is de btw, niet de omzet", en: "is the VAT, not turnover" }
        : { nl: "is geen kop van bedragen exclusief btw", en: "is not a header of amounts excluding VAT" };
  const start = kind === "other" ? { nl: ", of laat de bereiken onder de kopregel beginnen (bijvoorbeeld A2:A500 en B2:B500)", en: ", or start the ranges below the header row (for example A2:A500 and B2:B500)" } : { nl: "", en: "" };
  return {
    nl: `de eerste rij is een kopregel ("${dateHeader}" boven de datums), maar "${amountHeader}" boven de bedragen ${what.nl}: kies de kolom met de bedragen exclusief btw${start.nl}.`,
    en: `the first row is a header ("${dateHeader}" over the dates), but "${amountHeader}" over the amounts ${what.en}: select the column of amounts excluding VAT${start.en}.`,
  };
}
