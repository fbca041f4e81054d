/**
 * The answer first: from a YearSummary, the three lines a bookkeeper reads before anything else — what is
 * the case (finding), what to do (action, with the way to do it and the Belastingdienst page), and by when
 * (a date with the days left). The pane's verdict card, kor-check and "copy figures" all render this, so
 * the words are the same everywhere. Pure: today comes from the summary (summary.deadlines.today).
 */
import type { Localized } from "../i18n/types";
import { addDays, formatDay, yearOf, type Day } from "./dates";
import { periodStartOnOrAfter } from "./periods";
import { exclusionEnd } from "./participation";
import { formatEuros } from "./money";
import { NEW_KOR_RULES_YEAR, hasParameterOn, parameterOn, parameterRowOn } from "./parameters";
import type { YearSummary } from "./summary-types";
import { countEn, countNl } from "./text";

export type AdviceTone = "ok" | "bad" | "warn";

export interface Advice {
  readonly tone: AdviceTone;
  /** What is the case: "Omzetgrens overschreden op 12 november 2026, rij 24" / "Tot nu toe onder de omzetgrens: …". */
  readonly finding: Localized;
  /**
   * Beside the finding of a crossing that later credit notes bring back within the limit (kor-rules.md
   * section 5): the year total and the invoice to check (summary.crossingCaveat); null otherwise.
   */
  readonly caveat: Localized | null;
  /** What to do, or null when nothing is to be done (a year before 2020). */
  readonly action: Localized | null;
  /** How: the Belastingdienst's way of doing it (Mijn Belastingdienst Zakelijk, the form). */
  readonly way: Localized | null;
  /** The Belastingdienst page for the action (a source in the parameter table). */
  readonly link: { readonly url: string; readonly label: Localized } | null;
  /** By when, or null. `immediate`: at once (after a crossing), shown as "today". */
  readonly due: { readonly day: Day; readonly daysLeft: number; readonly immediate: boolean } | null;
  /** The date line: "Uiterlijk 3 december 2026 (nog 4 dagen)". */
  readonly dueText: Localized | null;
  /** The same without "Uiterlijk", for a labelled field: "3 december 2026 (nog 4 dagen)", "vandaag (…)". */
  readonly when: Localized | null;
  /** Set when rows the verdict depends on could not be read: "Voorlopig: eerst 3 fouten oplossen". */
  readonly provisional: Localized | null;
}

export interface AdviceOptions {
  /**
   * Rows of the summarised year that could not be read (errors). Default: the distinct rows of the
   * summary's error problems (a whole-input error counts once).
   */
  readonly errorRows?: number;
  /** How the finding names the crossing row (default "rij 24" / "row 24"), e.g. an auditfile's invoice. */
  readonly rowName?: (row: number) => Localized;
}

const L = (nl: string, en: string): Localized => ({ nl, en });
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const both = (f: (lang: "nl" | "en") => string): Localized => ({ nl: f("nl"), en: f("en") });

/** "nog 4 dagen" / "4 days left"; "vandaag" / "today"; "4 dagen geleden" / "4 days ago". */
export function countdown(daysLeft: number): Localized {
  if (daysLeft === 0) return L("vandaag", "today");
  if (daysLeft > 0) return L(`nog ${daysLeft} ${plural(daysLeft, "dag", "dagen")}`, `${daysLeft} ${plural(daysLeft, "day", "days")} left`);
  const n = -daysLeft;
  return L(`${n} ${plural(n, "dag", "dagen")} geleden`, `${n} ${plural(n, "day", "days")} ago`);
}

/**
 * Distinct rows in error among the summary's problems (a problem without a row counts once; a grouped one
 * counts each of its rows, also those past its kept list).
 */
export function errorRowsOf(summary: YearSummary): number {
  const rows = new Set<number | string>();
  let unlisted = 0;
  summary.problems.forEach((p, i) => {
    if (p.severity !== "error") return;
    if (p.rows !== undefined && p.rows.length > 0) {
      for (const r of p.rows) rows.add(r);
      unlisted += Math.max(0, (p.count ?? p.rows.length) - p.rows.length);
    } else rows.add(p.row ?? `whole-${i}`);
  });
  return rows.size + unlisted;
}

/** The next start the data allow and its registration deadline (a re-entry after a crossing wins when later). */
export function nextStartOf(summary: YearSummary): { start: Day; deadline: Day } {
  const d = summary.deadlines;
  const reentry = d.reentryAfterCrossing;
  if (reentry !== null && reentry.start > d.nextStart) return { start: reentry.start, deadline: reentry.deadline };
  return { start: d.nextStart, deadline: d.registrationDeadline };
}

/**
 * A voluntary exit is only worth a line for a business that may be in the KOR and was not forced out: not
 * beside this year's crossing (the exit is then forced, its date the crossing day), and never for a business
 * that is not in the KOR (issue 16: only what applies). The pane's year report and the report sheet both ask.
 */
export function voluntaryExitApplies(summary: YearSummary): boolean {
  const d = summary.deadlines;
  if (d.participation === "in") return d.participating;
  return d.participation === "unknown" && summary.crossing === null;
}

const WAY_DEREGISTER = L(
  "Afmelden doet u in Mijn Belastingdienst Zakelijk of met het afmeldformulier van de Belastingdienst.",
  "Deregister in Mijn Belastingdienst Zakelijk or with the Belastingdienst's deregistration form.",
);
/**
 * How to register. `noticeDays`: start − deadline (the registration-notice-days parameter, 29): said in days,
 * not as "4 weeks", which would put the deadline one day late (1 January − 4 weeks = 4 December; the deadline
 * shown beside it is 3 December).
 */
function wayRegister(noticeDays: number): Localized {
  return L(
    `Aanmelden doet u met het aanmeldformulier van de Belastingdienst; het moet uiterlijk ${noticeDays} dagen vóór de start binnen zijn.`,
    `Register with the Belastingdienst's registration form; it must be received at the latest ${noticeDays} days before the start.`,
  );
}

export function adviceOf(summary: YearSummary, options: AdviceOptions = {}): Advice {
  const today = summary.deadlines.today;
  const errors = options.errorRows ?? errorRowsOf(summary);
  const provisional =
    errors > 0
      ? L(
          `Voorlopig: eerst ${countNl(errors)} ${plural(errors, "fout", "fouten")} oplossen`,
          `Provisional: fix ${countEn(errors)} ${plural(errors, "error", "errors")} first`,
        )
      : null;
  const eur = (lang: "nl" | "en", c: number): string => formatEuros(c, lang);
  const day = (lang: "nl" | "en", d: Day): string => formatDay(d, lang);
  const deregisterSource = parameterRowOn("kor-threshold", today)?.source ?? null;
  const registerSource = parameterRowOn("registration-notice-days", today)?.source ?? null;
  const deregisterLink = deregisterSource === null ? null : { url: deregisterSource, label: L("Belastingdienst: afmelden voor de KOR", "Belastingdienst: leaving the KOR (Dutch)") };
  const registerLink = registerSource === null ? null : { url: registerSource, label: L("Belastingdienst: aanmelden voor de KOR", "Belastingdienst: joining the KOR (Dutch)") };

  if (summary.verdict === "unsupported") {
    return {
      tone: "warn",
      finding: summary.reasons[0] ?? L(`${summary.year}: niet ondersteund`, `${summary.year}: not supported`),
      caveat: null,
      action: null,
      way: null,
      link: null,
      due: null,
      dueText: null,
      when: null,
      provisional,
    };
  }

  const next = nextStartOf(summary);
  const registerDays = next.deadline - today;
  const registerDue = { day: next.deadline, daysLeft: registerDays, immediate: false };
  const registerWhen = both((lang) => `${day(lang, next.deadline)} (${countdown(registerDays)[lang]})`);
  const registerDueText = both((lang) => `${lang === "nl" ? "Uiterlijk" : "By"} ${registerWhen[lang]}`);
  /** What every "join later" advice shares: the way, the link and the registration date. */
  const register = { way: wayRegister(next.start - next.deadline), link: registerLink, due: registerDue, dueText: registerDueText, when: registerWhen, provisional };

  // Status "in", when this year's crossing is not what ended participation: what the participation itself calls for,
  // in every branch. In the KOR (the start lies on or before today, checkKorSince): nothing to register, and no
  // registration deadline to count down to (the dates section and kor-check's JSON say the same). A start that could
  // not take effect, or a participation ended by a crossing of another year: deregister if not yet done, and the
  // next start.
  const dl = summary.deadlines;
  const joinNext = (lang: "nl" | "en"): string =>
    lang === "nl"
      ? `Meedoen kan op zijn vroegst vanaf ${day(lang, next.start)}; aanmelden uiterlijk ${day(lang, next.deadline)}.`
      : `You can join on ${day(lang, next.start)} at the earliest; register by ${day(lang, next.deadline)}.`;
  // Status unknown, where the participant's next start differs (section 5: show both outcomes): after the next start
  // of a business not in the KOR, the one if it was in the KOR.
  const ifInKor = dl.participation === "unknown" ? dl.ifInKor : null;
  // It names the crossing that ended that participation (the latest at which the business can have been in the KOR)
  // and asks to deregister with it if not yet done (section 5: "If the business is in the KOR, deregister with …").
  const orIfInKor = (lang: "nl" | "en"): string => {
    if (ifInKor === null) return "";
    const ended = ifInKor.endedOn;
    const rejoin =
      lang === "nl"
        ? `opnieuw meedoen kan dan op zijn vroegst vanaf ${day(lang, ifInKor.start)}; aanmelden uiterlijk ${day(lang, ifInKor.deadline)}.`
        : `it can then rejoin on ${day(lang, ifInKor.start)} at the earliest; register by ${day(lang, ifInKor.deadline)}.`;
    if (ended === null) {
      return lang === "nl"
        ? ` Zat de onderneming in de KOR, dan is die deelname geëindigd (nog niet afgemeld? Meld u dan af); ${rejoin}`
        : ` If the business was in the KOR, that participation has ended (not deregistered yet? Then deregister); ${rejoin}`;
    }
    return lang === "nl"
      ? ` Zat de onderneming in de KOR, dan eindigde de deelname op ${day(lang, ended)}, toen de omzet over de omzetgrens ging (nog niet afgemeld? Meld u dan af met die dag als beëindigingsdatum); ${rejoin}`
      : ` If the business was in the KOR, participation ended on ${day(lang, ended)}, when turnover went over the turnover limit (not deregistered yet? Then deregister with that day as end date); ${rejoin}`;
  };
  const since = dl.participation === "in" ? dl.participationSince : null;
  const ended = dl.participation === "in" ? dl.participationEnded : null;
  const endedIn = dl.participation === "in" ? dl.participationEndedIn : null;
  const couldNotStart = dl.participation === "in" ? dl.participationCouldNotStart : null;
  /** A participation that ended: deregister at once if not yet done, and the next start. */
  const deregisterNow = (endedWhen: Localized, text: Localized) => ({
    action: text,
    way: WAY_DEREGISTER,
    link: deregisterLink,
    due: { day: today, daysLeft: 0, immediate: true },
    dueText: both((lang) => `${lang === "nl" ? "Uiterlijk vandaag" : "By today"} (${endedWhen[lang]})`),
    when: both((lang) => `${lang === "nl" ? "vandaag" : "today"} (${endedWhen[lang]})`),
    tone: "warn" as const,
  });
  const participant: ({ action: Localized; tone?: AdviceTone } & Partial<Pick<Advice, "way" | "link" | "due" | "dueText" | "when">>) | null =
    dl.participating && since !== null
      ? {
          action: both((lang) =>
            lang === "nl"
              ? `U doet mee aan de KOR (sinds ${day(lang, since)}): er is niets aan te melden. Gaat de omzet over de omzetgrens, meld u dan direct af.`
              : `You are in the KOR (since ${day(lang, since)}): there is nothing to register. If turnover goes over the turnover limit, deregister at once.`,
          ),
          way: null,
          link: null,
          due: null,
          dueText: null,
          when: null,
        }
      : couldNotStart !== null && since !== null
        ? {
            action: both((lang) =>
              lang === "nl"
                ? `Uw deelname per ${day(lang, since)} kon niet ingaan (zie de waarschuwing). Is uw aanmelding toch aangenomen, meld u dan direct af en vraag de Belastingdienst wanneer u weer kunt meedoen. Zo niet: ${joinNext(lang).charAt(0).toLowerCase()}${joinNext(lang).slice(1)}`
                : `Your participation from ${day(lang, since)} could not start (see the warning). If the registration was accepted all the same, deregister at once and ask the Belastingdienst when you can rejoin. If not: ${joinNext(lang).charAt(0).toLowerCase()}${joinNext(lang).slice(1)}`,
            ),
            tone: "warn",
          }
        : ended !== null
          ? deregisterNow(
              both((lang) => (lang === "nl" ? `de deelname eindigde op ${day(lang, ended)}` : `participation ended on ${day(lang, ended)}`)),
              both((lang) =>
                lang === "nl"
                  ? `Uw KOR-deelname eindigde op ${day(lang, ended)}, toen de omzet over de omzetgrens ging: nog niet afgemeld? Meld u dan direct af, met ${day(lang, ended)} als beëindigingsdatum. ${joinNext(lang)}`
                  : `Your KOR participation ended on ${day(lang, ended)}, when turnover went over the turnover limit: not deregistered yet? Deregister at once, with ${day(lang, ended)} as end date. ${joinNext(lang)}`,
              ),
            )
          : endedIn !== null
            ? deregisterNow(
                both((lang) => (lang === "nl" ? `de deelname eindigde in ${endedIn}` : `participation ended in ${endedIn}`)),
                both((lang) =>
                  lang === "nl"
                    ? `Uw KOR-deelname is in ${endedIn} al geëindigd (de opgegeven omzet ${endedIn} is hoger dan de omzetgrens): nog niet afgemeld? Meld u dan direct af, met de dag in ${endedIn} dat de omzet over de grens ging als beëindigingsdatum. ${joinNext(lang)}`
                    : `Your KOR participation already ended in ${endedIn} (the given ${endedIn} turnover is over the turnover limit): not deregistered yet? Deregister at once, with the day in ${endedIn} turnover went over the limit as the end date. ${joinNext(lang)}`,
                ),
              )
            : null;

  const crossing = summary.crossing;
  if (crossing !== null) {
    const since = today - crossing.day;
    const crossingWhen = both((lang) => {
      if (since < 0) return `${day(lang, crossing.day)} (${countdown(-since)[lang]})`;
      return lang === "nl"
        ? `vandaag (overschreden ${since === 0 ? "vandaag" : countdown(-since).nl})`
        : `today (crossed ${since === 0 ? "today" : countdown(-since).en})`;
    });
    const rowName = options.rowName?.(crossing.row) ?? L(`rij ${crossing.row}`, `row ${crossing.row}`);
    const finding = both((lang) =>
      lang === "nl"
        ? `Omzetgrens overschreden op ${day(lang, crossing.day)}, ${rowName.nl}`
        : `Turnover limit crossed on ${day(lang, crossing.day)}, ${rowName.en}`,
    );
    // kor-rules.md section 5: what follows a crossing depends on participation. In the KOR (and this crossing
    // ended it): deregister, unconditionally. Status "in" otherwise (in the KOR since after this crossing, out since
    // another crossing, a start that could not take effect): what that participation calls for. Not in the KOR:
    // nothing to deregister; what applies is the next possible start. Unknown: the conditional text, unless no
    // business can be in the KOR that year (from 2025, after a previous year over the limit).
    // `reentryAfterCrossing` is set exactly when this crossing ends (or, status unknown, may end) participation.
    const d = summary.deadlines;
    const status = d.participation !== "out" && d.reentryAfterCrossing === null ? "out" : d.participation;
    if (status === "out") {
      if (participant !== null) return { finding, caveat: summary.crossingCaveat, ...register, ...participant, tone: "bad" };
      return {
        tone: "bad",
        finding,
        caveat: summary.crossingCaveat,
        action: both((lang) =>
          d.participation === "unknown"
            ? lang === "nl"
              ? `In ${summary.year} kan de onderneming niet in de KOR zitten (het vorige jaar ging over de omzetgrens)${ifInKor === null ? ": afmelden is niet nodig" : ""}. Meedoen kan op zijn vroegst vanaf ${day(lang, next.start)}; aanmelden uiterlijk ${day(lang, next.deadline)}.${orIfInKor(lang)}`
              : `The business cannot be in the KOR in ${summary.year} (the previous year went over the turnover limit)${ifInKor === null ? ": no need to deregister" : ""}. You can join on ${day(lang, next.start)} at the earliest; register by ${day(lang, next.deadline)}.${orIfInKor(lang)}`
            : lang === "nl"
              ? `U doet niet mee aan de KOR: afmelden is niet nodig. Meedoen kan op zijn vroegst vanaf ${day(lang, next.start)}; aanmelden uiterlijk ${day(lang, next.deadline)}.`
              : `Not in the KOR: no need to deregister. You can join on ${day(lang, next.start)} at the earliest; register by ${day(lang, next.deadline)}.`,
        ),
        ...register,
      };
    }
    return {
      tone: "bad",
      finding,
      caveat: summary.crossingCaveat,
      action: both((lang) =>
        status === "in"
          ? lang === "nl"
            ? `Meld u direct af; beëindigingsdatum ${day(lang, crossing.day)}.`
            : `Deregister at once; end date ${day(lang, crossing.day)}.`
          : (lang === "nl"
              ? `Doet u mee aan de KOR? Meld u dan direct af; beëindigingsdatum ${day(lang, crossing.day)}.`
              : `In the KOR? Deregister at once; end date ${day(lang, crossing.day)}.`) + unknownOutcomes(summary, rowName)[lang],
      ),
      way: WAY_DEREGISTER,
      link: deregisterLink,
      due: { day: Math.max(today, crossing.day), daysLeft: Math.max(0, -since), immediate: true },
      dueText: both((lang) => `${lang === "nl" ? "Uiterlijk" : "By"} ${crossingWhen[lang]}`),
      when: crossingWhen,
      provisional,
    };
  }

  if (summary.verdict === "not-eligible") {
    return {
      finding: summary.failingReason ?? summary.reasons[0] ?? L(`In ${summary.year} niet binnen de KOR`, `Not within the KOR in ${summary.year}`),
      caveat: null,
      action: both((lang) => `${joinNext(lang)}${orIfInKor(lang)}`),
      ...register,
      ...participant,
      tone: "bad",
    };
  }

  // Eligible. Before the year has ended it is "so far": later invoices can still cross the limit.
  const yearOver = yearOf(today) > summary.year;
  // Status unknown, the year not over, and no earlier crossing that would have ended a participation: what a
  // participant must watch for (section 5). Before, only "Not registered yet? …", which says nothing to a participant.
  const ifAlreadyIn = (lang: "nl" | "en"): string =>
    dl.participation !== "unknown" || ifInKor !== null || yearOver
      ? ""
      : lang === "nl"
        ? " Doet de onderneming al mee: er is niets aan te melden; gaat de omzet dit jaar over de omzetgrens, dan eindigt de KOR op de dag van die factuur, is op die levering en alle latere btw verschuldigd, en meldt u zich direct af."
        : " Already in the KOR: there is nothing to register; if turnover goes over the turnover limit this year, the KOR ends on the day of that invoice, VAT is due on that supply and every later one, and you deregister at once.";
  const headroom = summary.headroomCents;
  return {
    tone: "ok",
    caveat: null,
    finding: both((lang) =>
      yearOver
        ? lang === "nl"
          ? `${summary.year}: binnen de omzetgrens (${eur(lang, headroom)} ruimte over)`
          : `${summary.year}: within the turnover limit (${eur(lang, headroom)} to spare)`
        : lang === "nl"
          ? `Tot nu toe onder de omzetgrens: nog ${eur(lang, headroom)} ruimte`
          : `Under the turnover limit so far: ${eur(lang, headroom)} to go`,
    ),
    action: both((lang) =>
      lang === "nl"
        ? `Nog niet aangemeld? Meld u uiterlijk ${day(lang, next.deadline)} aan om op ${day(lang, next.start)} te starten.${orIfInKor(lang)}${ifAlreadyIn(lang)}`
        : `Not registered yet? Register by ${day(lang, next.deadline)} to start on ${day(lang, next.start)}.${orIfInKor(lang)}${ifAlreadyIn(lang)}`,
    ),
    ...register,
    ...participant,
  };
}

/**
 * Status unknown, a crossing that may end a participation (reentryAfterCrossing set): what follows in each case
 * (kor-rules.md sections 5 and 6), after "In the KOR? Deregister at once; end date …". In the KOR: the KOR ends on
 * the crossing day, VAT is due from that invoice (its amount and VAT when known) on every later supply, and the
 * re-entry with the exclusion of the exit's date (before 2025: a number of years from the exit; from 2025: to the
 * end of a later calendar year). Not in the KOR: nothing to deregister, and the next start with its deadline; why,
 * where the 2025 change decides it (a crossing in 2024 or later fails the next year's previous-year test; one in
 * 2023 or before does not, before 2025 only the year itself counts). Before, only "In the KOR? Deregister at once;
 * end date …": nothing for a business outside the KOR, nor what the end means.
 */
function unknownOutcomes(summary: YearSummary, rowName: Localized): Localized {
  const crossing = summary.crossing;
  const d = summary.deadlines;
  const re = d.reentryAfterCrossing;
  if (crossing === null || re === null || d.participation !== "unknown") return L("", "");
  const day = (lang: "nl" | "en", x: Day): string => formatDay(x, lang);
  const eur = (lang: "nl" | "en", c: number): string => formatEuros(c, lang);
  const year = yearOf(crossing.day);
  const what = (lang: "nl" | "en"): string =>
    `${rowName[lang]}, ${eur(lang, crossing.cents)}${crossing.vatCents === null ? "" : lang === "nl" ? `; btw ${eur(lang, crossing.vatCents)}` : `; VAT ${eur(lang, crossing.vatCents)}`}`;
  // The exclusion of the exit's date, said only when the re-entry shown is the first filing period after it (a later
  // year of the data, or a deadline already passed, can put it later: then the clause would seem to contradict it).
  const byYears = hasParameterOn("exclusion-after-exit-years", crossing.day);
  const n = parameterOn(byYears ? "exclusion-after-exit-years" : "exclusion-after-exit-calendar-years", crossing.day);
  const exclusionEnds = addDays(exclusionEnd(crossing.day), 1);
  const exclusion: Localized =
    periodStartOnOrAfter(exclusionEnds, summary.period) !== re.start
      ? L("", "")
      : byYears
        ? L(` (na een uittreding in ${year} bent u ${n} jaar uitgesloten, gerekend vanaf de beëindigingsdatum)`, ` (after an exit in ${year} the business is excluded for ${n} years from the end date)`)
        : L(` (na een uittreding bent u uitgesloten tot en met 31 december ${year + n})`, ` (after an exit the business is excluded until 31 December ${year + n})`);
  const why: Localized =
    year + 1 >= NEW_KOR_RULES_YEAR && yearOf(d.nextStart) === year + 2
      ? L(
          ` (${year + 1} valt af: vanaf ${NEW_KOR_RULES_YEAR} moet ook de omzet van het vorige jaar binnen de omzetgrens blijven)`,
          ` (${year + 1} is out: from ${NEW_KOR_RULES_YEAR} the previous year's turnover must also be within the turnover limit)`,
        )
      : yearOf(d.nextStart) === year + 1
        ? L(
            ` (vóór ${NEW_KOR_RULES_YEAR} telt alleen de omzet van het jaar zelf: de overschrijding in ${year} staat meedoen in ${year + 1} niet in de weg)`,
            ` (before ${NEW_KOR_RULES_YEAR} only the year's own turnover counts: the crossing in ${year} does not stand in the way of joining in ${year + 1})`,
          )
        : L("", "");
  return both((lang) =>
    lang === "nl"
      ? ` De KOR eindigt dan op die dag: vanaf de factuur van ${day(lang, crossing.day)} (${what(lang)}) is op die levering en alle latere btw verschuldigd; opnieuw meedoen kan op zijn vroegst vanaf ${day(lang, re.start)}${exclusion.nl}; aanmelden uiterlijk ${day(lang, re.deadline)}. Doet u niet mee: er is niets af te melden; meedoen kan op zijn vroegst vanaf ${day(lang, d.nextStart)}${why.nl}; aanmelden uiterlijk ${day(lang, d.registrationDeadline)}.`
      : ` The KOR then ends that day: from the invoice of ${day(lang, crossing.day)} (${what(lang)}) VAT is due on that supply and every later one; you can rejoin on ${day(lang, re.start)} at the earliest${exclusion.en}; register by ${day(lang, re.deadline)}. Not in the KOR: there is nothing to deregister; you can join on ${day(lang, d.nextStart)} at the earliest${why.en}; register by ${day(lang, d.registrationDeadline)}.`,
  );
}

/** The advice as plain lines (finding, caveat, provisional, action, date), for a note or the terminal. */
export function adviceLines(advice: Advice, lang: "nl" | "en"): string[] {
  const lines = [advice.finding[lang]];
  if (advice.caveat !== null) lines.push(advice.caveat[lang]);
  if (advice.provisional !== null) lines.push(advice.provisional[lang]);
  if (advice.action !== null) lines.push(advice.action[lang]);
  if (advice.dueText !== null) lines.push(advice.dueText[lang]);
  return lines;
}

