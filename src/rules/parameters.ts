/**
 * The dated parameter table: every legal number of the KOR rules, with the dates it is in force, its
 * unit and a source (kor-rules.md section 2). Rules read numbers only through `parameterOn`, so a change
 * in the law is a new row here, not an edit scattered through the code.
 */
import type { Localized } from "../i18n/types";
import { dayFromIso, isoFromDay, type Day } from "./dates";

export type ParameterId =
  /** Countable turnover per calendar year may be at most this (inclusive). */
  | "kor-threshold"
  /** How many previous calendar years must also be within the threshold (0 for 2020–2024, 1 from 2025). */
  | "previous-year-test"
  /** Minimum participation before a voluntary exit (3 years for 2020–2024, none from 2025). Keyed by the exit date. */
  | "minimum-participation-years"
  /** 2020–2024: exclusion after leaving, in years counted from the exit date. Keyed by the exit date. */
  | "exclusion-after-exit-years"
  /** 2025+: exclusion after leaving = rest of the exit year plus this many whole calendar years. Keyed by the exit date. */
  | "exclusion-after-exit-calendar-years"
  /** Registration / exit notice must be received at least this many days before the period start. Keyed by the start. */
  | "registration-notice-days"
  /** Special notice for a start on 1 January 2020: received by 20 November 2019, i.e. 42 days before. */
  | "first-start-notice-days"
  | "revision-minimum"
  | "revision-period-movable-years"
  | "revision-period-real-estate-years"
  /** Decision view default: a purchase of at least this amount excluding VAT is taken as an investment, not a running cost. */
  | "investment-minimum"
  | "eu-union-threshold"
  | "eu-distance-sales-threshold"
  | "eu-state-cap"
  | "eu-notify-working-days"
  | `eu-national-threshold-${EuThresholdKey}`
  /**
   * A member state's tolerance: crossing its national threshold during the year by at most this percentage
   * keeps the exemption to the end of that year (Directive art. 288a(1), second subparagraph). Only verified states.
   */
  | `eu-national-tolerance-${EuToleranceKey}`;

/** Member states whose in-year tolerance is verified (kor-rules.md section 7). Every other state: none assumed. */
export type EuToleranceKey = "AT";

/** Member states whose national threshold is verified in EUR (kor-rules.md section 7). DE-previous: the previous-year test. */
export type EuThresholdKey = "AT" | "BE" | "HR" | "CY" | "EE" | "FI" | "DE" | "DE-previous" | "NL";

export type ParameterUnit = "EUR-cents" | "years" | "days" | "percent";

export interface Parameter {
  readonly id: ParameterId;
  readonly value: number;
  readonly unit: ParameterUnit;
  /** First day in force, ISO date (inclusive). */
  readonly from: string;
  /** Last day in force, ISO date (inclusive); null while still in force. */
  readonly to: string | null;
  readonly source: string;
  readonly note: string;
}

const SRC = {
  afmelden: "https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/afmelden-kor",
  /** Joining: "Uw deelname start op z'n vroegst met ingang van het eerstvolgende kwartaal of aangiftetijdvak. Houd daarbij ook rekening met een administratieve verwerkingstijd van 4 weken." */
  aanmelden: "https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/aanmelden-kor",
  korEu: "https://www.belastingdienst.nl/wps/wcm/connect/nl/btw/content/kleineondernemersregeling-eu",
  directive: "https://eur-lex.europa.eu/eli/dir/2020/285/oj",
  wetOb: "https://wetten.overheid.nl/BWBR0002629/",
  implementatie: "https://zoek.officielebekendmakingen.nl/dossier/kst-36312-3.html",
  starten: "https://www.starten.nl/",
  /** Austria, UStG 1994 § 6 (1) 27 (Kleinunternehmerbefreiung, 10% tolerance), in the federal legal information system. */
  atUstg: "https://www.ris.bka.gv.at/GeltendeFassung.wxe?Abfrage=Bundesnormen&Gesetzesnummer=10004873",
  adfin: "https://www.adfinadvies.nl/",
  wetIb: "https://wetten.overheid.nl/BWBR0011353/",
} as const;

const EU_2025 = "Verified for 2025 (kor-rules.md section 7); kept in force until a newer verified row replaces it.";

export const PARAMETERS: readonly Parameter[] = [
  { id: "kor-threshold", value: 2_000_000, unit: "EUR-cents", from: "2020-01-01", to: null, source: SRC.afmelden,
    note: "€20,000 turnover that counts per calendar year; €20,000.00 is inside, €20,000.01 is over (art. 25 Wet OB)." },

  { id: "previous-year-test", value: 0, unit: "years", from: "2020-01-01", to: "2024-12-31", source: SRC.afmelden,
    note: "2020–2024: only the current year is tested." },
  { id: "previous-year-test", value: 1, unit: "years", from: "2025-01-01", to: null, source: SRC.directive,
    note: "From 2025 the previous calendar year must also be within the threshold (Directive art. 288a(1); KVK 'kleineondernemersregeling verandert'; Kamerstuk 36312)." },

  { id: "minimum-participation-years", value: 3, unit: "years", from: "2020-01-01", to: "2024-12-31", source: SRC.afmelden,
    note: "2020–2024: voluntary exit only after 3 years of participation (crossing the threshold ends it regardless). Keyed by the exit date." },
  { id: "minimum-participation-years", value: 0, unit: "years", from: "2025-01-01", to: null, source: SRC.implementatie,
    note: "Abolished for everyone on 1 January 2025: exit at the start of any filing period." },

  { id: "exclusion-after-exit-years", value: 3, unit: "years", from: "2020-01-01", to: "2024-12-31", source: SRC.afmelden,
    note: "2020–2024: after leaving (voluntarily or by crossing), no new registration for 3 years from the exit date. Keyed by the exit date." },
  { id: "exclusion-after-exit-calendar-years", value: 1, unit: "years", from: "2025-01-01", to: null, source: SRC.afmelden,
    note: "From 2025: excluded for the rest of the exit year and this many whole calendar years after it (Belastingdienst announcement Sept 2024, KVK). Keyed by the exit date." },

  { id: "registration-notice-days", value: 29, unit: "days", from: "2020-01-01", to: null, source: SRC.aanmelden,
    note: "Registration (this source) or exit (the afmelden page says the same 4 weeks) must be received at the latest 29 days before the first day of the filing period ('uiterlijk 4 weken voor'): 1 Jan 2026 ⇒ 3 Dec 2025. Keyed by the period start. No shift for weekends or holidays." },
  { id: "first-start-notice-days", value: 42, unit: "days", from: "2020-01-01", to: "2020-01-01", source: SRC.starten,
    note: "Start on 1 January 2020 only: registration received by 20 November 2019 (starten.nl 'KOR 2020'). Keyed by the period start." },

  { id: "revision-minimum", value: 50_000, unit: "EUR-cents", from: "2020-01-01", to: null, source: SRC.adfin,
    note: "Herziening on entering the KOR: no revision in a year where it totals less than €500 (Belastingdienst, via adfinadvies.nl)." },
  { id: "revision-period-movable-years", value: 5, unit: "years", from: "2020-01-01", to: null, source: SRC.wetOb,
    note: "Revision period for movable capital goods: the year of first use and the 4 following years (1/5 a year)." },
  { id: "revision-period-real-estate-years", value: 10, unit: "years", from: "2020-01-01", to: null, source: SRC.wetOb,
    note: "Revision period for real estate: the year of first use and the 9 following years (1/10 a year)." },
  { id: "investment-minimum", value: 45_000, unit: "EUR-cents", from: "2020-01-01", to: null, source: SRC.wetIb,
    note: "Income tax: an asset under €450 is not an investment (art. 3.45 Wet IB 2001). The decision view takes a purchase row from €450 excluding VAT as an investment (one-off, herziening) rather than a running cost; the user can move any row." },

  { id: "eu-union-threshold", value: 10_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu,
    note: "EU-KOR: Union turnover at most €100,000 in the current and the previous calendar year (Directive art. 284(2))." },
  { id: "eu-distance-sales-threshold", value: 1_000_000, unit: "EUR-cents", from: "2021-07-01", to: null, source: SRC.korEu,
    note: "Intra-EU B2C distance sales: up to €10,000 a year they may be taxed in NL; above it, in the customer's state ('omzet die meetelt voor de EU-KOR')." },
  { id: "eu-state-cap", value: 8_500_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.directive,
    note: "A member state's national threshold may not exceed €85,000 (Directive art. 284(1))." },
  { id: "eu-notify-working-days", value: 15, unit: "days", from: "2025-01-01", to: null, source: SRC.korEu,
    note: "Crossing €100,000 Union turnover: inform the Belastingdienst within 15 working days (counted Mon–Fri, no holiday list)." },

  { id: "eu-national-threshold-NL", value: 2_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-AT", value: 5_500_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-BE", value: 2_500_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-HR", value: 6_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-CY", value: 1_560_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-EE", value: 4_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-FI", value: 2_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu, note: EU_2025 },
  { id: "eu-national-threshold-DE", value: 10_000_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu,
    note: `Germany, current year: at most €100,000. ${EU_2025}` },
  { id: "eu-national-threshold-DE-previous", value: 2_500_000, unit: "EUR-cents", from: "2025-01-01", to: null, source: SRC.korEu,
    note: `Germany, previous year: at most €25,000. ${EU_2025}` },
  { id: "eu-national-tolerance-AT", value: 10, unit: "percent", from: "2025-01-01", to: null, source: SRC.atUstg,
    note: "Austria: turnover up to 10% over the €55,000 threshold during a year (at most €60,500) keeps the exemption to the end of that year; the next year is then blocked by the previous-year test (UStG 1994 § 6 (1) 27; Directive art. 288a(1), second subparagraph; kor-rules.md section 7, worked example 25)." },
];

/**
 * National thresholds verified for 2025 that are not a single EUR amount. The engine does not convert
 * currencies or choose between goods and services: for these states it asks the user for the EUR threshold.
 * `text`: the threshold as the state sets it, in each language's number format; `choose`: what the user must
 * do to turn it into the one EUR amount the engine needs.
 */
export const NON_EUR_NATIONAL_THRESHOLDS: readonly {
  readonly country: string;
  readonly text: Localized;
  readonly choose: Localized;
  readonly from: string;
  readonly source: string;
}[] = [
  { country: "CZ", text: { nl: "CZK 2.000.000 (Tsjechische kronen)", en: "CZK 2,000,000 (Czech koruna)" },
    choose: { nl: "reken die om naar euro", en: "convert it to euros" }, from: "2025-01-01", source: SRC.korEu },
  { country: "DK", text: { nl: "DKK 50.000 (Deense kronen)", en: "DKK 50,000 (Danish kroner)" },
    choose: { nl: "reken die om naar euro", en: "convert it to euros" }, from: "2025-01-01", source: SRC.korEu },
  { country: "FR", text: { nl: "€ 85.000 voor leveringen van goederen, € 37.500 voor diensten", en: "€85,000 for supplies of goods, €37,500 for services" },
    // kor-rules.md gives the two amounts, not which one applies to a business supplying both: the adviser decides.
    choose: {
      nl: "levert u in Frankrijk alleen goederen, neem dan € 85.000; alleen diensten, neem dan € 37.500; levert u er beide, vraag dan uw adviseur welke grens geldt",
      en: "if you supply only goods in France, take €85,000; only services, take €37,500; if you supply both there, ask your adviser which threshold applies",
    }, from: "2025-01-01", source: SRC.korEu },
];

interface CompiledParameter {
  readonly from: Day;
  readonly to: Day;
  readonly value: number;
}

const compiled = new Map<ParameterId, CompiledParameter[]>();
for (const p of PARAMETERS) {
  const list = compiled.get(p.id) ?? [];
  list.push({ from: dayFromIso(p.from), to: p.to === null ? Number.POSITIVE_INFINITY : dayFromIso(p.to), value: p.value });
  compiled.set(p.id, list);
}

/** The row of `id` in force on `day`, or undefined. */
export function parameterRowOn(id: ParameterId, day: Day): Parameter | undefined {
  return PARAMETERS.find((p) => p.id === id && dayFromIso(p.from) <= day && (p.to === null || day <= dayFromIso(p.to)));
}

/** Whether a row of `id` is in force on `day`. */
export function hasParameterOn(id: ParameterId, day: Day): boolean {
  const list = compiled.get(id);
  if (!list) return false;
  for (const p of list) if (p.from <= day && day <= p.to) return true;
  return false;
}

/**
 * The value of a parameter on a day.
 * @throws RangeError naming the parameter and the date when no row is in force on that day.
 * @example parameterOn("kor-threshold", dayFromIso("2025-06-30")) // 2_000_000 (cents)
 */
export function parameterOn(id: ParameterId, day: Day): number {
  const list = compiled.get(id);
  if (list) {
    for (const p of list) if (p.from <= day && day <= p.to) return p.value;
  }
  throw new RangeError(`no value of parameter "${id}" is in force on ${isoFromDay(day)}`);
}

/**
 * The value of a parameter's open row (in force from its start, with no end date): for texts that name the
 * figure in general ("the €20,000 limit"), so it comes from this table, not from a copy in the text. Such a text
 * names the current figure, also beside a past year: a figure that a result depends on is read with
 * parameterOn for its day, never from here.
 * @throws RangeError when `id` has no open row.
 */
export function latestParameter(id: ParameterId): number {
  const row = PARAMETERS.find((p) => p.id === id && p.to === null);
  if (row === undefined) throw new RangeError(`parameter "${id}" has no row in force without an end date`);
  return row.value;
}

/** The calendar year of the earliest row that `keep` keeps: the year a rule began. */
function firstYearOf(keep: (p: Parameter) => boolean): number {
  return Number(
    PARAMETERS.filter(keep)
      .map((p) => p.from)
      .sort()[0]
      .slice(0, 4),
  );
}

/** The first calendar year of the KOR exemption, derived from the threshold's first row (2020). */
export const FIRST_KOR_YEAR: number = firstYearOf((p) => p.id === "kor-threshold");

/** First day of the KOR exemption (1 January 2020). */
export const FIRST_KOR_DAY: Day = dayFromIso(`${FIRST_KOR_YEAR}-01-01`);

/** First calendar year of the EU-KOR (2025), derived from the Union threshold. */
export const FIRST_EU_KOR_YEAR: number = firstYearOf((p) => p.id === "eu-union-threshold");

/**
 * First calendar year of the KOR rules of 2025 (Directive 2020/285): the previous-year test begins, the
 * minimum participation ends. Derived from the first row of "previous-year-test" that tests a previous year.
 */
export const NEW_KOR_RULES_YEAR: number = firstYearOf((p) => p.id === "previous-year-test" && p.value > 0);

/** The minimum participation in years before NEW_KOR_RULES_YEAR (3 for 2020–2024), from its row with a minimum. */
export const OLD_MINIMUM_PARTICIPATION_YEARS: number = Math.max(
  ...PARAMETERS.filter((p) => p.id === "minimum-participation-years").map((p) => p.value),
);
