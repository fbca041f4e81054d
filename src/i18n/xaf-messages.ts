/**
 * Messages of the auditfile (XAF) reader, in Dutch and English. Invoices are named by their reference and
 * date ("factuur F2026-017 van 12 september 2026"), as an auditfile has no sheet rows.
 */
import { formatDay, type Day } from "../rules/dates";
import { formatEuros, type Cents } from "../rules/money";
import type { Localized } from "./types";
import { visibleControls } from "./safeText";
import { shortened } from "./messages";
import { countEn, countNl } from "../rules/text";

/**
 * An entry named by its reference: this name is the row's name in every message and in the verdict itself
 * ("Omzetgrens overschreden op …, boeking F2 van …"), which the table, the pane and the copied figures show
 * as it is, so control and direction characters in the reference are shown as `\u202E` here, once.
 */
export function invoiceName(ref: string, day: Day | null): Localized {
  const r = visibleControls(shortened(ref));
  if (day === null) return { nl: `boeking ${r}`, en: `entry ${r}` };
  return { nl: `boeking ${r} van ${formatDay(day, "nl")}`, en: `entry ${r} of ${formatDay(day, "en")}` };
}

function times(n: number, nl: [string, string], en: [string, string]): Localized {
  return { nl: `${countNl(n)} ${n === 1 ? nl[0] : nl[1]}`, en: `${countEn(n)} ${n === 1 ? en[0] : en[1]}` };
}

const EXPORT_AGAIN: Localized = {
  nl: "Maak de auditfile opnieuw aan in het boekhoudpakket en controleer dan opnieuw.",
  en: "Export the auditfile again from the bookkeeping package and check again.",
};

/** The XML parser's (saxes') messages a bookkeeper is told in words of their own. */
const XML_ERRORS: readonly (readonly [RegExp, Localized])[] = [
  [/^undefined entity/, { nl: "een onbekende entiteit (zoals &naam;)", en: "an unknown entity (such as &name;)" }],
  [/^(malformed character entity|empty entity name)/, { nl: "een ongeldige tekenverwijzing (&#…;)", en: "a malformed character reference (&#…;)" }],
  [/^(unmatched closing tag|unexpected close tag)/, { nl: "een sluittag die niet bij de geopende tag past", en: "a closing tag that does not match the open tag" }],
  [/^disallowed character/, { nl: "een teken dat in XML niet mag", en: "a character XML does not allow" }],
  [/^(text data outside of root node|documents may contain only one root)/, { nl: "tekst of gegevens na het einde van de auditfile", en: "text or data after the end of the auditfile" }],
];

export const xafFile = {
  doctype: {
    nl: "Dit bestand bevat een DOCTYPE-declaratie. Een auditfile heeft die nooit; het bestand is om veiligheidsredenen niet gelezen.",
    en: "This file contains a DOCTYPE declaration. An auditfile never has one; for safety the file was not read.",
  } as Localized,
  /**
   * Broken XML, said in the reader's language with its line: `parserText` is the XML parser's own (English)
   * message without its position ("undefined entity."); a few are named, the rest are "not built by the
   * rules of XML". The parser's text itself is never shown: it is English, and it repeated the line.
   */
  notXml(parserText: string, line: number): Localized {
    const what = XML_ERRORS.find(([re]) => re.test(parserText))?.[1];
    if (what === undefined) {
      return {
        nl: `Dit is geen leesbare XML: regel ${line} is niet volgens de regels van XML opgebouwd. ${EXPORT_AGAIN.nl}`,
        en: `This is not readable XML: line ${line} is not built by the rules of XML. ${EXPORT_AGAIN.en}`,
      };
    }
    return {
      nl: `Dit is geen leesbare XML: regel ${line} bevat ${what.nl}. ${EXPORT_AGAIN.nl}`,
      en: `This is not readable XML: line ${line} holds ${what.en}. ${EXPORT_AGAIN.en}`,
    };
  },
  emptyXml: {
    nl: `Dit is geen leesbare XML: het bestand is leeg. ${EXPORT_AGAIN.nl}`,
    en: `This is not readable XML: the file is empty. ${EXPORT_AGAIN.en}`,
  } as Localized,
  truncated(line: number): Localized {
    return {
      nl: `De auditfile houdt halverwege op (na regel ${line}): het bestand is onvolledig, bijvoorbeeld door een afgebroken download of export. ${EXPORT_AGAIN.nl}`,
      en: `The auditfile stops halfway (after line ${line}): the file is incomplete, for instance from an interrupted download or export. ${EXPORT_AGAIN.en}`,
    };
  },
  notAuditfile(root: string): Localized {
    return {
      nl: `Dit XML-bestand is geen auditfile financieel (het begint met <${root}>, niet met <auditfile>).`,
      en: `This XML file is not an auditfile (it starts with <${root}>, not <auditfile>).`,
    };
  },
  unknownVersion(ns: string): Localized {
    if (ns.trim() === "") {
      return {
        nl: `Deze auditfile noemt geen versie (<auditfile> heeft geen namespace, zoals xmlns="http://www.auditfiles.nl/XAF/3.2"). Gelezen worden XAF 3.1, 3.2 en 4.0. ${EXPORT_AGAIN.nl}`,
        en: `This auditfile names no version (<auditfile> has no namespace, such as xmlns="http://www.auditfiles.nl/XAF/3.2"). XAF 3.1, 3.2 and 4.0 are read. ${EXPORT_AGAIN.en}`,
      };
    }
    ns = visibleControls(shortened(ns));
    return {
      nl: `Onbekende auditfile-versie (namespace "${ns}"). Gelezen worden XAF 3.1, 3.2 en 4.0.`,
      en: `Unknown auditfile version (namespace "${ns}"). XAF 3.1, 3.2 and 4.0 are read.`,
    };
  },
  currency(code: string): Localized {
    return {
      nl: `De bedragen in deze auditfile staan in ${code}, niet in euro. De omzetgrens is in euro; reken niet om op gevoel: exporteer in euro.`,
      en: `The amounts in this auditfile are in ${code}, not in euros. The turnover limit is in euros; export in euros.`,
    };
  },
  noLedger: {
    nl: "De auditfile heeft geen grootboekrekeningen (generalLedger) vóór de boekingen, dus is niet te zien welke rekeningen omzet zijn. Exporteer de auditfile met het rekeningschema.",
    en: "The auditfile has no ledger accounts (generalLedger) before the entries, so it cannot tell which accounts are revenue. Export the auditfile with the chart of accounts.",
  } as Localized,
  noTransactions: {
    nl: "De auditfile bevat geen boekingen (geen <transactions> of geen enkele boeking daarin), dus ook geen omzet om te controleren. Een KOR-oordeel op € 0 zou niets zeggen. Exporteer de auditfile mét de boekingen (mutaties) van het jaar.",
    en: "The auditfile contains no entries (no <transactions>, or no entry in it), so no turnover to check. A KOR verdict on €0 would mean nothing. Export the auditfile with the year's entries (transactions).",
  } as Localized,
  tooDeep(limit: number, line: number): Localized {
    return {
      nl: `De elementen in dit bestand zijn meer dan ${limit} lagen diep genest (regel ${line}); een auditfile is nooit dieper dan een stuk of acht. Het bestand is om veiligheidsredenen niet verder gelezen. ${EXPORT_AGAIN.nl}`,
      en: `The elements in this file are nested more than ${limit} levels deep (line ${line}); an auditfile is never deeper than about eight. For safety the file was not read further. ${EXPORT_AGAIN.en}`,
    };
  },
  encoding: {
    nl: "De tekens in dit bestand passen niet bij de opgegeven tekenset. Exporteer de auditfile opnieuw (UTF-8 of ISO-8859-1).",
    en: "The characters in this file do not match its declared character set. Export the auditfile again (UTF-8 or ISO-8859-1).",
  } as Localized,
};

export const xafProblem = {
  totalsMismatch(parts: readonly string[][]): Localized {
    return {
      nl: `De auditfile klopt niet met zijn eigen totalen: ${parts.map((p) => p[0]).join("; ")}. Het bestand is onvolledig of bewerkt; de uitkomst is daarom onzeker. ${EXPORT_AGAIN.nl}`,
      en: `The auditfile does not match its own totals: ${parts.map((p) => p[1]).join("; ")}. The file is incomplete or edited, so the result is uncertain. ${EXPORT_AGAIN.en}`,
    };
  },
  totalsAbsent: {
    nl: "De auditfile geeft geen totalen (aantal regels, totaal debet en credit) om de inhoud mee te controleren.",
    en: "The auditfile gives no totals (number of lines, total debit and credit) to check its contents against.",
  } as Localized,
  noVat(count: number, cents: Cents, accounts: string, first: Localized): Localized {
    const n = times(count, ["omzetregel", "omzetregels"], ["revenue line", "revenue lines"]);
    return {
      nl: `${n.nl} in verkoopboekingen zonder btw-code (rekening ${accounts}; samen ${formatEuros(cents, "nl")}; eerste: ${first.nl}). Zonder btw-code is niet te zien of de omzet meetelt voor de KOR; deze regels zijn niet meegeteld. Geef ze in het pakket een btw-code en exporteer opnieuw.`,
      en: `${n.en} in sales entries without a VAT code (account ${accounts}; together ${formatEuros(cents, "en")}; first: ${first.en}). Without a VAT code it is unclear whether the turnover counts for the KOR; these lines were not counted. Give them a VAT code in the package and export again.`,
    };
  },
  unknownVat(code: string, perc: string, count: number, cents: Cents, first: Localized): Localized {
    const n = times(count, ["omzetregel", "omzetregels"], ["revenue line", "revenue lines"]);
    return {
      nl: `Btw-code "${code}" (${perc}) is niet eenduidig te vertalen naar een KOR-categorie: ${n.nl}, samen ${formatEuros(cents, "nl")}, eerste: ${first.nl}. Deze regels zijn niet meegeteld. Een tarief van 0% kan export, intracommunautair, verlegd of buitenland zijn, en die tellen verschillend.`,
      en: `VAT code "${code}" (${perc}) does not map to one KOR category: ${n.en}, together ${formatEuros(cents, "en")}, first: ${first.en}. These lines were not counted. A 0% rate can be export, intra-community, reverse charge or abroad, and those count differently.`,
    };
  },
  unknownAccount(account: string, count: number, first: Localized): Localized {
    const n = times(count, ["regel", "regels"], ["line", "lines"]);
    return {
      nl: `Rekening "${account}" staat niet in het rekeningschema van de auditfile (${n.nl}, eerste: ${first.nl}); niet meegeteld.`,
      en: `Account "${account}" is not in the auditfile's chart of accounts (${n.en}, first: ${first.en}); not counted.`,
    };
  },
  mixedAccount(account: string, count: number, cents: Cents, first: Localized): Localized {
    const n = times(count, ["regel", "regels"], ["line", "lines"]);
    return {
      nl: `Rekening "${account}" is een gemengde rekening (type M), geen winst-en-verliesrekening: ${n.nl} in verkoopboekingen, samen ${formatEuros(cents, "nl")} (eerste: ${first.nl}). Niet meegeteld; controleer of dit omzet is.`,
      en: `Account "${account}" is a mixed account (type M), not a profit-and-loss account: ${n.en} in sales entries, together ${formatEuros(cents, "en")} (first: ${first.en}). Not counted; check whether this is turnover.`,
    };
  },
  /** A customer whose country is XI / Northern Ireland (`ni`: messages.countryNorthernIreland, as for a sheet's cell). */
  customerNorthernIreland(id: string, ni: Localized, first: Localized): Localized {
    return {
      nl: `Klant "${visibleControls(id)}": ${ni.nl} De boekingen van deze klant zijn zonder land gelezen (eerste: ${first.nl}); pas het land van de klant in het pakket aan en exporteer opnieuw als dat de uitkomst verandert.`,
      en: `Customer "${visibleControls(id)}": ${ni.en} This customer's entries were read without a country (first: ${first.en}); change the customer's country in the package and export again if that changes the result.`,
    };
  },
  /** A customer whose country is a place in another state's VAT territory (Monaco → FR): read as that state. */
  customerTreatedAs(id: string, treated: Localized, first: Localized): Localized {
    return {
      nl: `Klant "${visibleControls(id)}": ${treated.nl} De boekingen van deze klant zijn zo gelezen (eerste: ${first.nl}).`,
      en: `Customer "${visibleControls(id)}": ${treated.en} This customer's entries were read so (first: ${first.en}).`,
    };
  },
  unclearJournal(journal: string, count: number, first: Localized): Localized {
    const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
    return {
      nl: `Dagboek "${journal}" heeft geen type en boekt op debiteuren zonder aan te geven of dat klanten of leveranciers zijn: ${n.nl} op winst-en-verliesrekeningen (eerste: ${first.nl}). Niet meegeteld; exporteer met dagboektypen (jrnTp) of relatietypen (custSupTp).`,
      en: `Journal "${journal}" has no type and posts to relations without saying whether they are customers or suppliers: ${n.en} on profit-and-loss accounts (first: ${first.en}). Not counted; export with journal types (jrnTp) or relation types (custSupTp).`,
    };
  },
  revenueOutsideSales(journal: string, type: string, count: number, cents: Cents): Localized {
    const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
    return {
      nl: `Dagboek "${journal}" (type ${type}) boekt in ${n.nl} per saldo ${formatEuros(cents, "nl")} op winst-en-verliesrekeningen aan de creditzijde. Alleen verkoopdagboeken tellen als omzet; zijn dit bijvoorbeeld kasverkopen, dan ontbreken ze in de telling.`,
      en: `Journal "${journal}" (type ${type}) posts a net ${formatEuros(cents, "en")} to the credit of profit-and-loss accounts in ${n.en}. Only sales journals count as turnover; if these are, for instance, cash sales, they are missing from the count.`,
    };
  },
  /** Entries of a journal other than sales whose lines with an output VAT code were counted as turnover. */
  salesOutsideSales(journal: string, type: string, count: number, cents: Cents, first: Localized): Localized {
    const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
    return {
      nl: `Dagboek "${journal}" (type ${type}): ${n.nl} ${count === 1 ? "is" : "zijn"} als verkoop meegeteld, samen ${formatEuros(cents, "nl")} (eerste: ${first.nl}): hun regels op winst-en-verliesrekeningen hebben een btw-code voor verkopen (af te dragen btw). Regels met een btw-code voor inkopen (voorbelasting) zijn niet meegeteld. Zijn dit geen verkopen, boek ze dan met een andere btw-code.`,
      en: `Journal "${journal}" (type ${type}): ${n.en} ${count === 1 ? "was" : "were"} counted as sales, together ${formatEuros(cents, "en")} (first: ${first.en}): their lines on profit-and-loss accounts carry a VAT code for sales (output VAT). Lines with a VAT code for purchases (input VAT) were not counted. If these are not sales, book them with another VAT code.`,
    };
  },
  /** Revenue without a VAT code outside the sales journals that could take `year` over the limit (or cross it earlier). */
  uncountedRevenue(year: number, cents: Cents, journals: string, threshold: Cents): Localized {
    const limit: Localized = { nl: `de omzetgrens van ${formatEuros(threshold, "nl")}`, en: `the turnover limit of ${formatEuros(threshold, "en")}` };
    return {
      nl: `In ${year} is per saldo ${formatEuros(cents, "nl")} zonder btw-code aan de creditzijde van winst-en-verliesrekeningen geboekt buiten het verkoopdagboek (dagboek ${journals}); dat is niet meegeteld. Is het omzet (bijvoorbeeld kasverkopen), dan kan de omzet van ${year} daarmee boven ${limit.nl} komen, of eerder: de uitkomst is daarom onzeker. Controleer wat het is; is het omzet, boek het dan met een btw-code en maak de auditfile opnieuw aan.`,
      en: `In ${year} a net ${formatEuros(cents, "en")} without a VAT code was posted to the credit of profit-and-loss accounts outside the sales journal (journal ${journals}); it was not counted. If it is turnover (for instance cash sales), the ${year} turnover could go over ${limit.en} with it, or sooner: so the result is uncertain. Check what it is; if it is turnover, book it with a VAT code and export the auditfile again.`,
    };
  },
  /** Sales entries whose cost-of-sales lines (mirrored by a stock line of the same amount) were left out. */
  costOfSales(count: number, cents: Cents, first: Localized): Localized {
    const n = times(count, ["verkoopboeking", "verkoopboekingen"], ["sales entry", "sales entries"]);
    return {
      nl: `${n.nl} ${count === 1 ? "boekt" : "boeken"} ook de kostprijs van de verkopen: een winst-en-verliesrekening gedebiteerd zonder btw, tegen een balansrekening (voorraad) gecrediteerd met hetzelfde bedrag, samen ${formatEuros(cents, "nl")} (eerste: ${first.nl}). Dat is geen omzet en is niet meegeteld.`,
      en: `${n.en} also ${count === 1 ? "posts" : "post"} the cost of the goods sold: a profit-and-loss account debited without VAT against a balance-sheet account (stock) credited with the same amount, together ${formatEuros(cents, "en")} (first: ${first.en}). That is not turnover and was not counted.`,
    };
  },
  /** A year the auditfiles' header periods cover only in part (`covered`: the periods within it). */
  partialYear(year: number, covered: readonly (readonly [Day, Day])[]): Localized {
    const span = (lang: "nl" | "en"): string => covered.map(([a, b]) => `${formatDay(a, lang)} ${lang === "nl" ? "tot en met" : "to"} ${formatDay(b, lang)}`).join(lang === "nl" ? " en " : " and ");
    return {
      nl: `De auditfile(s) dekken ${year} maar gedeeltelijk: van ${span("nl")} (de periode in hun header). De omzet van de rest van ${year} zit er niet in, dus de cijfers van ${year} zijn onvolledig en een uitkomst die ervan afhangt is onzeker. Voeg de auditfile van de rest van ${year} toe. Is ${year} het jaar vóór het gecontroleerde jaar, dan kunt u ook de omzet die meetelt van ${year} opgeven (kor-check --previous-year-turnover, of in het paneel 'Omzet die meetelt vorig jaar').`,
      en: `The auditfile(s) cover ${year} only in part: from ${span("en")} (the period in their header). The turnover of the rest of ${year} is not in them, so the figures of ${year} are incomplete and a result that depends on them is uncertain. Add the auditfile of the rest of ${year}. If ${year} is the year before the year checked, you can also give its turnover that counts (kor-check --previous-year-turnover, or the pane's 'Turnover that counts previous year').`,
    };
  },
  /** Entries dated in a year the auditfiles' header periods do not cover at all. */
  uncoveredYear(year: number, count: number, cents: Cents, periods: readonly (readonly [Day, Day])[]): Localized {
    const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
    const span = (lang: "nl" | "en"): string => periods.map(([a, b]) => `${formatDay(a, lang)} ${lang === "nl" ? "tot en met" : "to"} ${formatDay(b, lang)}`).join(lang === "nl" ? " en " : " and ");
    return {
      nl: `${n.nl} ${count === 1 ? "is" : "zijn"} gedateerd in ${year} (meetellend ${formatEuros(cents, "nl")}), maar de auditfile(s) gaan over ${span("nl")} (de periode in hun header): ${year} zit er niet in. Het bedrag van ${year} is alleen deze boekingen, niet de omzet van het jaar, dus een uitkomst die ervan afhangt is onzeker. Voeg de auditfile van ${year} toe. Is ${year} het jaar vóór het gecontroleerde jaar, dan kunt u ook de omzet die meetelt van ${year} opgeven (kor-check --previous-year-turnover, of in het paneel 'Omzet die meetelt vorig jaar').`,
      en: `${n.en} ${count === 1 ? "is" : "are"} dated in ${year} (counting ${formatEuros(cents, "en")}), but the auditfile(s) cover ${span("en")} (the period in their header): ${year} is not in them. The ${year} figure is only these entries, not the year's turnover, so a result that depends on it is uncertain. Add the auditfile of ${year}. If ${year} is the year before the year checked, you can also give its turnover that counts (kor-check --previous-year-turnover, or the pane's 'Turnover that counts previous year').`,
    };
  },
  skipped(memorial: number, opening: number): Localized {
    return {
      nl: `Niet als omzet gelezen: ${memorial} memoriaalboeking${memorial === 1 ? "" : "en"} en ${opening} openingsboeking${opening === 1 ? "" : "en"} (een memoriaalboeking zonder btw-code voor verkopen op een winst-en-verliesrekening is een correctie; de beginbalans is geen factuur).`,
      en: `Not read as turnover: ${memorial} memorial ${memorial === 1 ? "entry" : "entries"} and ${opening} opening ${opening === 1 ? "entry" : "entries"} (a memorial entry without an output VAT code on a profit-and-loss account is a correction; the opening balance is not an invoice).`,
    };
  },
  moreUnlisted(count: number): Localized {
    return {
      nl: `Nog ${countNl(count)} boekingen of regels konden niet gelezen of ingedeeld worden; ze zijn niet meegeteld en hier niet afzonderlijk genoemd.`,
      en: `${countEn(count)} more entries or lines could not be read or placed; they were not counted and are not listed one by one here.`,
    };
  },
  noSales(transactions: number, memorial: number, opening: number): Localized {
    const n = times(transactions, ["boeking", "boekingen"], ["entry", "entries"]);
    return {
      nl: `De auditfile heeft ${n.nl} (waarvan ${memorial} memoriaal en ${opening} opening) maar geen enkele verkoopboeking (een dagboek van type S, of een boeking op een klant). De omzet is daarom als € 0 gelezen; dat klopt alleen als de onderneming niets heeft verkocht. Controleer of het verkoopdagboek in de export zit en een dagboektype heeft.`,
      en: `The auditfile has ${n.en} (${memorial} memorial and ${opening} opening) but not one sales entry (a journal of type S, or an entry posting to a customer). The turnover was therefore read as €0; that is right only if the business sold nothing. Check that the sales journal is in the export and has a journal type.`,
    };
  },
  /** A line without an amount (an empty or missing <amnt>): the entry is left out, never counted as €0. */
  noAmount(lineNr: string, where: Localized): Localized {
    const nr = lineNr === "" ? "" : ` ${lineNr.slice(0, 20)}`;
    return {
      nl: `${where.nl}, regel${nr}: het bedrag (<amnt>) is leeg of ontbreekt; deze boeking is niet meegeteld. ${EXPORT_AGAIN.nl}`,
      en: `${where.en}, line${nr}: the amount (<amnt>) is empty or missing; this entry was not counted. ${EXPORT_AGAIN.en}`,
    };
  },
  badValue(field: string, value: string, where: Localized): Localized {
    return {
      nl: `${where.nl}: "${value.slice(0, 40)}" in <${field}> is niet te lezen; deze boeking is niet meegeteld.`,
      en: `${where.en}: "${value.slice(0, 40)}" in <${field}> cannot be read; this entry was not counted.`,
    };
  },
};

/** The sanity line of one auditfile: what it is, what was read, and whether that matches its own totals. */
export function sanityLine(info: {
  version: string;
  companyName: string | null;
  fiscalYear: string | null;
  salesTransactions: number;
  memorialSkipped: number;
  openingSkipped: number;
  read: { lines: number; debitCents: Cents; creditCents: Cents };
  consistent: boolean | null;
}): Localized {
  const who = info.companyName === null ? "" : `, ${info.companyName}`;
  const fy = info.fiscalYear === null ? "" : `, ${info.fiscalYear}`;
  const r = info.read;
  const lines = times(r.lines, ["regel", "regels"], ["line", "lines"]);
  const sales = times(info.salesTransactions, ["verkoopboeking", "verkoopboekingen"], ["sales entry", "sales entries"]);
  const verdict: Localized =
    info.consistent === true
      ? { nl: "klopt met de eigen totalen van het bestand", en: "matches the file's own totals" }
      : info.consistent === false
        ? { nl: "klopt NIET met de eigen totalen van het bestand (zie de problemen)", en: "does NOT match the file's own totals (see the problems)" }
        : { nl: "het bestand geeft geen totalen om mee te vergelijken", en: "the file gives no totals to compare with" };
  return {
    nl: `XAF ${info.version}${who}${fy}: ${lines.nl}, debet ${formatEuros(r.debitCents, "nl")}, credit ${formatEuros(r.creditCents, "nl")}: ${verdict.nl}. ${sales.nl} gelezen; ${info.memorialSkipped} memoriaal- en ${info.openingSkipped} openingsboekingen overgeslagen.`,
    en: `XAF ${info.version}${who}${fy}: ${lines.en}, debit ${formatEuros(r.debitCents, "en")}, credit ${formatEuros(r.creditCents, "en")}: ${verdict.en}. ${sales.en} read; ${info.memorialSkipped} memorial and ${info.openingSkipped} opening entries skipped.`,
  };
}

/**
 * Said once with an auditfile's report when a warning there tells the user to give rows another category or
 * fill in their country: an auditfile's entry takes its category from its VAT code and its country from the
 * customer (docs/xaf.md), so "give the row the category" means the VAT code, and "fill in the country" the
 * customer in the bookkeeping package. `codes`: the surface takes a code table (kor-check's --codes); the
 * pane's Open file reads an auditfile's codes as the packages' table gives them, so it names the package only.
 */
export function auditfileCategoryAdvice(codes: boolean): Localized {
  return codes
    ? {
        nl: "In een auditfile krijgt een boeking haar categorie van haar btw-code en haar land van de klant. Zegt een melding dat u boekingen een andere categorie kunt geven, geef dan de btw-code van die boekingen die categorie met --codes (dat geldt dan voor alle boekingen met die code), of boek ze in het boekhoudpakket met de juiste btw-code. Zegt een melding dat u het land moet invullen, vul dan het land van de klant in het boekhoudpakket in en maak de auditfile opnieuw aan.",
        en: "In an auditfile an entry takes its category from its VAT code and its country from the customer. Where a warning says to give entries another category, give the VAT code of those entries that category with --codes (it then applies to every entry with that code), or book them with the right VAT code in the bookkeeping package. Where a warning says to fill in the country, fill in the customer's country in the bookkeeping package and export the auditfile again.",
      }
    : {
        nl: "In een auditfile krijgt een boeking haar categorie van haar btw-code en haar land van de klant. Zegt een melding dat u boekingen een andere categorie kunt geven, boek die boekingen dan in het boekhoudpakket met de juiste btw-code. Zegt een melding dat u het land moet invullen, vul dan het land van de klant in het boekhoudpakket in. Maak daarna de auditfile opnieuw aan.",
        en: "In an auditfile an entry takes its category from its VAT code and its country from the customer. Where a warning says to give entries another category, book those entries with the right VAT code in the bookkeeping package. Where a warning says to fill in the country, fill in the customer's country in the bookkeeping package. Then export the auditfile again.",
      };
}

/** What was read of the days two auditfiles of one business both cover: entries, and their countable and total cents. */
export interface OverlapFigures {
  readonly entries: number;
  readonly countableCents: Cents;
}

/**
 * Two auditfiles of one business that cover the same days (src/cli/xaf.ts): those days' entries are counted
 * once, from `kept` (of the files covering a day, the one that starts last). `agree`: the other file's entries
 * of those days are the same in number and amounts (a warning); else they differ (an error of that year).
 */
export function overlapText(
  kept: string,
  other: string,
  from: Day,
  to: Day,
  keptFigures: OverlapFigures,
  otherFigures: OverlapFigures,
  agree: boolean,
  sameFigures = false,
  added: OverlapFigures | null = null,
): Localized {
  const days = (lang: "nl" | "en"): string => `${formatDay(from, lang)} ${lang === "nl" ? "tot en met" : "to"} ${formatDay(to, lang)}`;
  const n = (f: OverlapFigures): Localized => times(f.entries, ["boeking", "boekingen"], ["entry", "entries"]);
  if (agree) {
    return {
      nl: `${other} en ${kept} zijn van dezelfde onderneming en gaan allebei over ${days("nl")}. De boekingen van die dagen zijn één keer geteld, uit ${kept}; die in ${other} komen ermee overeen (${n(keptFigures).nl}, meetellend ${formatEuros(keptFigures.countableCents, "nl")}).`,
      en: `${other} and ${kept} belong to the same business and both cover ${days("en")}. The entries of those days were counted once, from ${kept}; those in ${other} agree with them (${n(keptFigures).en}, counting ${formatEuros(keptFigures.countableCents, "en")}).`,
    };
  }
  // Equal counts and totals with other entries (two administrations, or another export) are said as such.
  const same: Localized = sameFigures
    ? { nl: " (evenveel boekingen en hetzelfde bedrag, maar niet dezelfde boekingen)", en: " (as many entries and the same amount, but not the same entries)" }
    : { nl: "", en: "" };
  const counted: Localized =
    added === null
      ? {
          nl: `Geteld zijn alleen die van ${kept} (nooit beide: dan telde de omzet dubbel)`,
          en: `Only those of ${kept} were counted (never both: the turnover would count twice)`,
        }
      : {
          nl: `Geteld zijn die van ${kept} en de ${n(added).nl} die alleen ${other} heeft (meetellend ${formatEuros(added.countableCents, "nl")}; twee administraties van één onderneming tellen allebei mee, een boeking in beide telt één keer)`,
          en: `Counted were those of ${kept} and the ${n(added).en} only ${other} has (counting ${formatEuros(added.countableCents, "en")}; two administrations of one business both count, an entry in both counts once)`,
        };
  return {
    nl: `${other} en ${kept} zijn van dezelfde onderneming en gaan allebei over ${days("nl")}, maar hun boekingen van die dagen verschillen: ${kept} heeft ${n(keptFigures).nl} (meetellend ${formatEuros(keptFigures.countableCents, "nl")}), ${other} ${n(otherFigures).nl} (meetellend ${formatEuros(otherFigures.countableCents, "nl")})${same.nl}. ${counted.nl}, dus een uitkomst die van deze dagen afhangt is onzeker. Controleer welke export volledig is en geef voor elke periode één auditfile.`,
    en: `${other} and ${kept} belong to the same business and both cover ${days("en")}, but their entries of those days differ: ${kept} has ${n(keptFigures).en} (counting ${formatEuros(keptFigures.countableCents, "en")}), ${other} ${n(otherFigures).en} (counting ${formatEuros(otherFigures.countableCents, "en")})${same.en}. ${counted.en}, so a result that depends on these days is uncertain. Check which export is complete and give one auditfile per period.`,
  };
}

/** Entries of `file` dated outside its own period, on days `other` covers, that `other` holds too: counted once. */
export function duplicateOutsideText(file: string, other: string, count: number, cents: Cents): Localized {
  const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
  return {
    nl: `${n.nl} in ${file} ${count === 1 ? "is" : "zijn"} gedateerd buiten de eigen periode van dat bestand, op dagen waar ${other} over gaat, en ${count === 1 ? "staat" : "staan"} daar ook in (zelfde referentie, datum en bedrag; meetellend ${formatEuros(cents, "nl")}): één keer geteld, uit ${other}.`,
    en: `${n.en} in ${file} ${count === 1 ? "is" : "are"} dated outside that file's own period, on days ${other} covers, and ${count === 1 ? "is" : "are"} in it too (same reference, date and amount; counting ${formatEuros(cents, "en")}): counted once, from ${other}.`,
  };
}

/**
 * Entries of `file` dated outside its own period, on days `other` covers, that `other` holds with the same reference
 * and day but another amount or category: counted once, from `other`, and an error (which is right cannot be told).
 */
export function duplicateDiffersText(file: string, other: string, count: number, first: Localized, hereCents: Cents, otherCents: Cents): Localized {
  const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
  const more = (lang: "nl" | "en"): string => (count === 1 ? "" : lang === "nl" ? `; de eerste is ${first.nl}` : `; the first is ${first.en}`);
  const one = (lang: "nl" | "en"): string => (count === 1 ? ` (${first[lang]})` : "");
  return {
    nl: `${n.nl} in ${file}${one("nl")} ${count === 1 ? "is" : "zijn"} gedateerd buiten de eigen periode van dat bestand, op dagen waar ${other} over gaat, dat ${count === 1 ? "die boeking" : "die boekingen"} ook heeft, maar met een ander bedrag of een andere btw-code${more("nl")} (meetellend ${formatEuros(hereCents, "nl")} in ${file}, ${formatEuros(otherCents, "nl")} in ${other}). Geteld is alleen die van ${other} (nooit beide: dan telde de omzet dubbel), dus een uitkomst die van dat jaar afhangt is onzeker. Controleer welk bedrag juist is.`,
    en: `${n.en} in ${file}${one("en")} ${count === 1 ? "is" : "are"} dated outside that file's own period, on days ${other} covers, which holds ${count === 1 ? "that entry" : "those entries"} too, but with another amount or VAT code${more("en")} (counting ${formatEuros(hereCents, "en")} in ${file}, ${formatEuros(otherCents, "en")} in ${other}). Only the one in ${other} was counted (never both: the turnover would count twice), so a result that depends on that year is uncertain. Check which amount is right.`,
  };
}

/** Entries dated outside the periods of both `file` and `other` that both hold (a late booking in two exports): counted once. */
export function strayCopyText(file: string, other: string, count: number, cents: Cents): Localized {
  const n = times(count, ["boeking", "boekingen"], ["entry", "entries"]);
  return {
    nl: `${n.nl} in ${file} ${count === 1 ? "is" : "zijn"} gedateerd buiten de eigen periode van dat bestand en ${count === 1 ? "staat" : "staan"} ook zo in ${other} (zelfde referentie, datum en bedrag; meetellend ${formatEuros(cents, "nl")}): één keer geteld, uit ${other}.`,
    en: `${n.en} in ${file} ${count === 1 ? "is" : "are"} dated outside that file's own period and ${count === 1 ? "is" : "are"} in ${other} in the same way (same reference, date and amount; counting ${formatEuros(cents, "en")}): counted once, from ${other}.`,
  };
}
