/**
 * Every user-visible string of the task pane and of the report sheet it writes, in Dutch and English.
 * Messages about the data itself (reasons, problems, category reasons) come from src/rules and
 * src/reading as Localized texts; this file holds the pane's own words. Plain words for bookkeepers.
 */
import type { Lang, Localized } from "../i18n/types";
import { countdown } from "../rules/advice";
import { visibleControls } from "../i18n/safeText";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR, latestParameter } from "../rules/parameters";
import { countEn, countNl, dayEn, dayNl } from "../rules/text";
import { previousRowsFromText } from "../bulk/strings";
import type { Day } from "../rules/dates";
import { previousYearTested } from "../rules/eligibility";
import type { PreviousYearBasis } from "../rules/summary-types";

/**
 * A sheet, table or file name in a sentence: its control and direction characters shown as `\u202E`, so a
 * U+202E in a client's sheet name cannot reverse the rest of the pane's line (or of the report sheet's cell).
 */
const shown = (name: string): string => visibleControls(String(name));

export type { Lang, Localized };

/**
 * The text of `s` in `lang`, for the pane: an amount never breaks between "€" and its number (a
 * non-breaking space), wherever the amount comes from (the pane's strings or the rules' reasons).
 */
export function t(lang: Lang, s: Localized): string {
  return keepEuroTogether(s[lang]);
}

/** The text of `s` in `lang` as is, for text written into a sheet (report and overview sheets). */
export function tPlain(lang: Lang, s: Localized): string {
  return s[lang];
}

/** "€ 720,00" → "€\u00a0720,00": the sign and the number stay on one line. */
export function keepEuroTogether(text: string): string {
  return text.replace(/€ (?=[-\d])/g, "€\u00a0");
}

const L = (nl: string, en: string): Localized => ({ nl, en });
/** Austria's verified in-year tolerance in percent (10), from the parameter table. */
const AT_TOLERANCE = latestParameter("eu-national-tolerance-AT");
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const S = {
  appTitle: L("KOR-overzicht", "KOR report"),
  languageSwitch: L("Switch to English", "Schakel naar Nederlands"),
  languageButton: L("English", "Nederlands"),
  helpLink: L("Hulp", "Help"),
  helpLinkTitle: L("Uitleg bij KOR voor Excel (opent in een nieuw venster)", "How KOR for Excel works (opens in a new window)"),
  tabsLabel: L("Weergaven", "Views"),
  tabYear: L("Jaar", "Year report"),
  loading: L("Facturen lezen…", "Reading invoices…"),
  fileUnpacking: L("Werkmap uitpakken…", "Unpacking the workbook…"),
  fileRowsRead: (rows: number, sheet: string) =>
    L(`${countNl(rows)} rijen gelezen uit blad "${shown(sheet)}"…`, `${countEn(rows)} rows read from sheet "${shown(sheet)}"…`),
  refresh: L("Opnieuw lezen", "Read again"),
  readError: (detail: string) => L(`Het blad kon niet worden gelezen: ${detail}`, `The sheet could not be read: ${detail}`),

  // Source
  sourceTable: (table: string, sheet: string) => L(`Tabel "${shown(table)}" op blad "${shown(sheet)}"`, `Table "${shown(table)}" on sheet "${shown(sheet)}"`),
  sourceSheet: (sheet: string) => L(`Blad "${shown(sheet)}" (gebruikt bereik)`, `Sheet "${shown(sheet)}" (used range)`),
  sourceFile: (file: string) => L(`Bestand "${shown(file)}"`, `File "${shown(file)}"`),
  sourceSample: L("Voorbeeldwerkmap met facturen", "Sample workbook of invoices"),
  sourceHint: L(
    "Selecteer een cel in uw factuurtabel en kies ‘Opnieuw lezen’ om een andere tabel te gebruiken.",
    "Select a cell in your invoice table and choose ‘Read again’ to use another table.",
  ),
  emptySheet: (sheet: string) => L(`Blad "${shown(sheet)}" is leeg. Open het blad met uw facturen.`, `Sheet "${shown(sheet)}" is empty. Open the sheet with your invoices.`),
  addinSheet: (sheet: string) => L(
    `Blad "${sheet}" is een overzicht van KOR voor Excel, geen factuurlijst. Open het blad met uw facturen en kies ‘Opnieuw lezen’.`,
    `Sheet "${sheet}" is a KOR for Excel report, not an invoice list. Open the sheet with your invoices and choose ‘Read again’.`,
  ),
  rowsRead: (n: number) => L(`${countNl(n)} ${plural(n, "factuurregel", "factuurregels")} gelezen`, `${countEn(n)} invoice ${plural(n, "row", "rows")} read`),
  browserMode: L(
    "Buiten Excel: u bekijkt een voorbeeld of een eigen bestand. Niets verlaat deze computer.",
    "Outside Excel: you are viewing a sample or a file of your own. Nothing leaves this computer.",
  ),
  openFile: L("Eigen bestand openen (.xlsx, .csv of auditfile .xaf)", "Open your own file (.xlsx, .csv or auditfile .xaf)"),
  openFileShort: L("Openen…", "Open…"),
  browserModeShort: L("Buiten Excel:", "Outside Excel:"),
  useSample: L("Voorbeeld", "Sample"),
  downloadSample: L("Voorbeeldwerkmap downloaden om in Excel te proberen", "Download the sample workbook to try in Excel"),
  fileError: (name: string, detail: string) => L(`Bestand "${shown(name)}" kon niet worden gelezen: ${detail}`, `File "${shown(name)}" could not be read: ${detail}`),
  fileType: L("Alleen .xlsx-, .csv- en auditfiles (.xaf) worden ondersteund.", "Only .xlsx, .csv and auditfile (.xaf) files are supported."),
  fileDamaged: L(
    "het bestand is beschadigd of geen echt Excel-bestand (.xlsx). Open het in Excel en sla het opnieuw op als Excel-werkmap, of vraag de klant om een nieuwe export.",
    "the file is damaged or not a real Excel file (.xlsx). Open it in Excel and save it again as an Excel workbook, or ask the client for a new export.",
  ),
  fileNoSheet: L("de werkmap heeft geen werkblad", "the workbook has no worksheet"),
  fileEmpty: L("het bestand is leeg", "the file is empty"),

  // Columns
  columnsSection: L("Kolommen", "Columns"),
  codesSection: L("Codes koppelen", "Map codes"),
  codesHint: L(
    "Deze btw-codes zijn niet bekend. Kies per code de categorie; de rijen met die code tellen dan mee zoals gekozen. Uw koppeling wordt in dit document bewaard en staat in het rapport.",
    "These VAT codes are not known. Choose a category per code; the rows with that code then count as chosen. Your mapping is kept in this document and shown in the report.",
  ),
  codeLabel: (code: string, count: number, firstRow: number): Localized =>
    count === 1
      ? { nl: `${code} (rij ${firstRow})`, en: `${code} (row ${firstRow})` }
      : { nl: `${code} (${countNl(count)} rijen, eerste rij ${firstRow})`, en: `${code} (${countEn(count)} rows, first row ${firstRow})` },
  /**
   * A code of another sheet years were taken from (a sheet per year: the previous year's, or a participant's
   * years since the start); mapped here, it counts there too. Not "previous year": the sheet may hold an older year.
   */
  codeLabelOtherSheet: (code: string, sheet: string, count: number, firstRow: number): Localized =>
    count === 1
      ? { nl: `${code} (blad "${sheet}", rij ${firstRow})`, en: `${code} (sheet "${sheet}", row ${firstRow})` }
      : { nl: `${code} (blad "${sheet}", ${countNl(count)} rijen, eerste rij ${firstRow})`, en: `${code} (sheet "${sheet}", ${countEn(count)} rows, first row ${firstRow})` },
  fixChoose: (count: number): Localized =>
    L(
      `Wat betekent deze waarde? Uw keuze geldt voor ${count === 1 ? "deze rij" : `alle ${countNl(count)} rijen met deze tekst`} en wordt in dit document bewaard; uw cellen blijven ongewijzigd.`,
      `What does this value mean? Your choice applies to ${count === 1 ? "this row" : `all ${countEn(count)} rows with this text`} and is kept in this document; your cells are not changed.`,
    ),
  fixChoice: {
    vrij: L("zorg of onderwijs: telt niet mee", "care or education: does not count"),
    vrijOg: L("verhuur of verkoop van onroerend goed: telt mee", "letting or sale of real estate: counts"),
    kor: L("vrijgesteld door de KOR: telt mee", "exempt because of the KOR: counts"),
    buitenland: L("zakelijke dienst aan een afnemer in een andere EU-lidstaat: telt niet mee", "business service to a customer in another EU member state: does not count"),
    euConsumer: L("dienst aan een particulier in de EU, belast in Nederland (21%): telt mee", "service to a consumer in the EU, taxed in the Netherlands (21%): counts"),
    icp: L("levering van goederen aan een bedrijf in een andere EU-lidstaat (icp): telt mee", "supply of goods to a business in another EU member state (icp): counts"),
  },
  fixWhichValues: L("Welke waarden?", "Which values?"),
  fixCodes: L("Achter deze keuzes staan de categorieën:", "Behind these choices are the categories:"),
  fixOther: L("Een andere categorie", "Another category"),
  fixApplied: (text: string, category: string): Localized =>
    L(`'${text}' telt nu als ${category}. Te wijzigen onder 'Codes koppelen'.`, `'${text}' now counts as ${category}. Change it under 'Map codes'.`),
  codeNotMapped: L("— niet gekoppeld —", "— not mapped —"),
  columnsHint: L("Herkend aan de kopjes. Pas aan als het niet klopt; uw keuze wordt in dit document bewaard.", "Recognised from the headers. Change them if wrong; your choice is kept in this document."),
  role: {
    date: L("Factuurdatum", "Invoice date"),
    amount: L("Bedrag exclusief btw", "Amount excluding VAT"),
    category: L("Categorie / btw-tarief", "Category / VAT rate"),
    country: L("Land", "Country"),
    vat: L("Btw-bedrag op factuur", "VAT on the invoice"),
  },
  columnNone: L("(geen)", "(none)"),
  columnOption: (letter: string, header: string) => L(header === "" ? `Kolom ${letter}` : `${letter}: ${header}`, header === "" ? `Column ${letter}` : `${letter}: ${header}`),
  noColumnsTitle: L("Geen datum- en bedragkolom gevonden", "No date and amount columns found"),
  grossOnlyTitle: L("Geen bedrag exclusief btw gevonden", "No amount excluding VAT found"),
  vatColumnAmbiguousTitle: L("Btw-kolom: tarief of bedrag?", "VAT column: rate or amount?"),
  /** Turnover in one column per rate, or a VAT column that contradicts whether the amounts include VAT. */
  amountColumnsTitle: L("Bedragkolommen nakijken", "Check the amount columns"),

  // Controls
  settingsSection: L("Instellingen", "Settings"),
  year: L("Jaar", "Year"),
  period: L("Aangiftetijdvak", "Filing period"),
  periodName: { quarter: L("Kwartaal", "Quarter"), month: L("Maand", "Month"), year: L("Jaar", "Year") },
  previousYear: (y: number) => L(`Omzet die meetelt ${y}`, `Turnover that counts ${y}`),
  previousYearHint: (y: number) => L(
    `Dit blad heeft geen facturen uit ${y}. Vul de omzet die meetelt van ${y} in (bijvoorbeeld van het blad van vorig jaar); leeg = € 0.`,
    `This sheet has no invoices from ${y}. Enter the turnover that counts for ${y} (for example from last year's sheet); empty = €0.`,
  ),
  /** Before 2025 (no previous-year test): what a typed figure of `y` does for the report of `y + 1`. */
  previousYearHintUntested: (y: number, from: number) => L(
    `Vóór ${from} beslist de omzet van ${y} niet of u in ${y + 1} binnen de KOR valt. Zat de onderneming in ${y} in de KOR, vul hem dan in: boven de omzetgrens eindigde die deelname in ${y}, en dat bepaalt wanneer u weer kunt meedoen; leeg = niet opgegeven.`,
    `Before ${from} the turnover of ${y} does not decide whether you are within the KOR in ${y + 1}. If the business was in the KOR in ${y}, enter it: over the turnover limit that participation ended in ${y}, and that decides when you can join again; empty = not given.`,
  ),
  /** `from`: the first day of those rows when they start late in the year (summary.previousYearRowsFrom), else null. */
  previousYearHintRows: (y: number, rows: string, from: Day | null = null) => L(
    `De rijen van ${y} in dit blad ${from === null ? "" : `beginnen pas op ${dayNl(from)} en `}tellen op tot ${rows}. Een bedrag dat u hier invult gaat daarvoor (bijvoorbeeld als dit blad niet alle facturen van ${y} heeft); leeg = de rijen.`,
    `The rows of ${y} in this sheet ${from === null ? "" : `only start on ${dayEn(from)} and `}add up to ${rows}. An amount you enter here wins over them (for example when this sheet does not hold every invoice of ${y}); empty = the rows.`,
  ),
  previousYearHintSheet: (y: number, sheet: string, rows: string, from: Day | null = null) => L(
    `De rijen van ${y} op blad "${sheet}" ${from === null ? "" : `beginnen pas op ${dayNl(from)} en `}tellen op tot ${rows}. Een bedrag dat u hier invult gaat daarvoor; leeg = dat blad.`,
    `The rows of ${y} on sheet "${sheet}" ${from === null ? "" : `only start on ${dayEn(from)} and `}add up to ${rows}. An amount you enter here wins over them; empty = that sheet.`,
  ),
  participation: L("Doet de onderneming mee aan de KOR?", "Is the business in the KOR?"),
  participationHint: L(
    "Bepaalt wat er volgt op een overschrijding. Onbekend: beide uitkomsten worden getoond. Geldt voor de hele werkmap (bij meerdere groepen in Alle bladen: per groep).",
    "Decides what follows a crossing. Don't know: both outcomes are shown. Applies to the whole workbook (with several groups in All sheets: per group).",
  ),
  participationOption: {
    unknown: L("Weet ik niet", "Don't know"),
    in: L("Ja, in de KOR sinds …", "Yes, in the KOR since …"),
    out: L("Nee, niet in de KOR", "No, not in the KOR"),
  },
  inKorSince: L("In de KOR sinds", "In the KOR since"),
  inKorNow: L(
    "U doet mee aan de KOR en de omzet ging sindsdien niet over de grens: er is niets aan te melden.",
    "You are in the KOR and turnover has not gone over the turnover limit since: there is nothing to register.",
  ),
  ifNotInKor: L("Als de onderneming niet in de KOR zit:", "If the business is not in the KOR:"),
  ifInKorReentry: (start: string, deadline: string) => L(
    `Als de onderneming in de KOR zat, eindigde de deelname door een overschrijding; opnieuw meedoen kan dan op zijn vroegst per ${start} (aanmelden uiterlijk ${deadline}).`,
    `If the business was in the KOR, a crossing ended its participation; it can then rejoin at the earliest on ${start} (register by ${deadline}).`,
  ),
  deregisterIfInKor: (date: string) => L(
    `Als de onderneming in de KOR zit: meld u direct af, met ${date} als beëindigingsdatum.`,
    `If the business is in the KOR: deregister at once, with ${date} as the end date.`,
  ),
  previousYearInvalid: L("Vul een bedrag in, bijvoorbeeld 15.000 of 15000,00.", "Enter an amount, for example 15,000 or 15000.00."),

  // Verdict card (the answer first) and the settings fold
  cardLabel: L("Uitkomst", "Result"),
  settingsFold: (year: number, periodNl: string, periodEn: string) => L(`Instellingen (${year}, ${String(periodNl).toLowerCase()})`, `Settings (${year}, ${String(periodEn).toLowerCase()})`),
  notCountedRows: (rows: number, amount: string, unreadable: number) => {
    const partsNl = [...(amount !== "" ? [amount] : []), ...(unreadable > 0 ? [`${countNl(unreadable)} ${plural(unreadable, "onleesbaar bedrag", "onleesbare bedragen")}`] : [])];
    const partsEn = [...(amount !== "" ? [amount] : []), ...(unreadable > 0 ? [`${countEn(unreadable)} unreadable ${plural(unreadable, "amount", "amounts")}`] : [])];
    return L(
      `${countNl(rows)} ${plural(rows, "rij", "rijen")} met fouten niet meegeteld${partsNl.length > 0 ? ` (${partsNl.join(" en ")})` : ""}`,
      `${countEn(rows)} ${plural(rows, "row", "rows")} with errors not counted${partsEn.length > 0 ? ` (${partsEn.join(" and ")})` : ""}`,
    );
  },
  rowsBalance: (sheet: number, read: number, errors: number, skipped: number) => L(
    // Skipped: empty rows, rows without an amount, and the totals lines and non-sales (cancelled, draft) a warning names.
    `${countNl(sheet)} ${plural(sheet, "rij", "rijen")} in het blad: ${countNl(read)} gelezen, ${countNl(errors)} met fouten, ${countNl(skipped)} overgeslagen (leeg, zonder bedrag, of genoemd bij Aandachtspunten)`,
    `${countEn(sheet)} ${plural(sheet, "row", "rows")} in the sheet: ${countEn(read)} read, ${countEn(errors)} with errors, ${countEn(skipped)} skipped (empty, without an amount, or listed under Warnings)`,
  ),
  copyFigures: L("Cijfers kopiëren", "Copy figures"),
  copied: L("Uitkomst en cijfers gekopieerd: plak ze in uw notitie of e-mail.", "Result and figures copied: paste them into your note or e-mail."),
  copyFailed: L("Kopiëren lukte niet; selecteer de tekst en kopieer die zelf.", "Copying failed; select the text and copy it yourself."),
  print: L("Afdrukken / PDF", "Print / PDF"),
  printTitle: L("Afdrukken of als pdf bewaren: de uitkomst en de cijfers, zonder knoppen", "Print or save as PDF: the result and the figures, without buttons"),
  overviewSource: L("Alle bladen", "All sheets"),
  copyHeader: (source: string, today: string) => L(`KOR-overzicht — ${shown(source)} — ${today}`, `KOR report — ${shown(source)} — ${today}`),

  // Verdict
  verdictSection: L("Cijfers", "Figures"),
  verdictEligible: (y: number) => L(`U valt in ${y} binnen de KOR`, `You are within the KOR in ${y}`),
  verdictNotEligible: (y: number) => L(`U valt in ${y} niet binnen de KOR`, `You are not within the KOR in ${y}`),
  verdictCrossed: (date: string, row: number) => L(`Omzetgrens overschreden op ${date} (rij ${row})`, `Turnover limit crossed on ${date} (row ${row})`),
  verdictUnsupported: (y: number) => L(`${y}: niet ondersteund`, `${y}: not supported`),
  statusOk: L("Binnen de omzetgrens", "Within the turnover limit"),
  statusNear: L("Dicht bij de omzetgrens", "Close to the turnover limit"),
  statusOver: L("Boven de omzetgrens", "Over the turnover limit"),
  statusCrossed: L("Omzetgrens overschreden", "Turnover limit crossed"),
  statusUnsupported: L(`Niet ondersteund (vóór ${FIRST_KOR_YEAR})`, `Not supported (before ${FIRST_KOR_YEAR})`),
  countable: L("Omzet die meetelt", "Turnover that counts"),
  ofThreshold: (pct: string, threshold: string) => L(`${pct} van ${threshold}`, `${pct} of ${threshold}`),
  headroom: L("Ruimte tot de omzetgrens", "Room to the turnover limit"),
  notCounted: L("Omzet die niet meetelt", "Turnover that does not count"),
  previousYearLine: (y: number) => L(`Omzet die meetelt ${y}`, `Turnover that counts ${y}`),
  basis: {
    "not-needed": L(`niet nodig vóór ${NEW_KOR_RULES_YEAR}`, `not needed before ${NEW_KOR_RULES_YEAR}`),
    data: L("uit de gegevens", "from the data"),
    given: L("door u ingevuld", "entered by you"),
    "assumed-zero": L("geen gegevens: € 0 aangenomen", "no data: €0 assumed"),
  },
  /** The previous year taken from another sheet of the workbook (a sheet per year). */
  basisFromSheet: (sheet: string) => L(`uit blad "${shown(sheet)}"`, `from sheet "${shown(sheet)}"`),
  fileSheet: L("Blad", "Sheet"),
  progressLabel: (pct: string) => L(`Omzet die meetelt: ${pct} van de omzetgrens`, `Turnover that counts: ${pct} of the turnover limit`),
  conditionsTitle: L("Voorwaarden die u zelf bevestigt", "Conditions you confirm yourself"),

  // Chart
  chartSection: (y: number) => L(`Omzetverloop ${y}`, `Turnover through ${y}`),
  chartAlt: (y: number, total: string, threshold: string, crossing: string | null) => L(
    `Grafiek van de opgetelde omzet die meetelt in ${y}, van € 0 op 1 januari tot ${total}, tegen de omzetgrens van ${threshold}. ` +
      (crossing === null ? "De omzetgrens wordt niet overschreden." : `De omzetgrens wordt overschreden op ${crossing}.`),
    `Chart of cumulative turnover that counts in ${y}, from €0 on 1 January to ${total}, against the turnover limit of ${threshold}. ` +
      (crossing === null ? "The turnover limit is not crossed." : `The turnover limit is crossed on ${crossing}.`),
  ),
  chartThreshold: L("Omzetgrens", "Turnover limit"),
  chartCrossing: L("Overschreden", "Crossed"),
  chartLegendTurnover: L("Omzet die meetelt, opgeteld", "Turnover that counts, cumulative"),
  monthShort: {
    nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  } as Record<Lang, readonly string[]>,

  // Periods
  periodsSection: { quarter: L("Per kwartaal", "Per quarter"), month: L("Per maand", "Per month"), year: L("Per jaar", "Per year") },
  colPeriod: L("Tijdvak", "Period"),
  colCountable: L("Omzet", "Turnover"),
  colCumulative: L("Cumulatief", "Cumulative"),
  colStatus: L("Status", "Status"),
  periodStatus: {
    within: L("binnen", "within"),
    // The cumulative figure beside them can be back under the limit after credit notes: say what happened.
    "crossed-here": L("overschreden", "crossed"),
    over: L("na de overschrijding", "after the crossing"),
  },

  // Categories
  categoriesSection: L("Omzet per categorie", "Turnover by category"),
  countedGroup: L("Telt mee", "Counted"),
  notCountedGroup: L("Telt niet mee", "Not counted"),
  noCategory: L("Zonder categorie", "No category"),
  categoryRows: (n: number) => L(`${countNl(n)} ${plural(n, "rij", "rijen")}`, `${countEn(n)} ${plural(n, "row", "rows")}`),
  none: L("Geen.", "None."),

  // Deadlines
  deadlinesSection: L("Termijnen", "Deadlines"),
  nextStart: (date: string) => L(`Eerstvolgende start van de KOR: ${date}.`, `Next possible start of the KOR: ${date}.`),
  /** "(nog 4 dagen)", and "(vandaag)" on the deadline day itself, not "(nog 0 dagen)", which reads as too late. */
  registerBy: (date: string, days: number) => L(
    `Aanmelding moet uiterlijk ${date} binnen zijn (${countdown(days).nl}).`,
    `Registration must be received by ${date} (${countdown(days).en}).`,
  ),
  exitBy: (start: string, deadline: string) => L(
    `Afmelden (vrijwillig) kan per ${start}; de afmelding moet uiterlijk ${deadline} binnen zijn.`,
    `A voluntary exit can take effect on ${start}; the notice must be received by ${deadline}.`,
  ),
  reentry: (start: string, deadline: string) => L(
    `Na de overschrijding kunt u op zijn vroegst weer meedoen vanaf ${start} (aanmelden uiterlijk ${deadline}).`,
    `After crossing the turnover limit you can rejoin at the earliest on ${start} (register by ${deadline}).`,
  ),
  deregisterNow: (date: string) => L(
    `Meld u direct af voor de KOR, met ${date} als beëindigingsdatum.`,
    `Deregister from the KOR at once, with ${date} as the end date.`,
  ),

  // EU-KOR
  euSection: L("EU-KOR (omzet in andere EU-landen)", "EU-KOR (turnover in other EU countries)"),
  unionTurnover: L("Omzet in de hele EU", "Union turnover"),
  unionOf: (threshold: string) => L(`grens ${threshold}`, `threshold ${threshold}`),
  previousUnion: (amount: string) => L(`Vorig jaar: ${amount}`, `Previous year: ${amount}`),
  /** Last year's Union turnover when no row of that year is in the data and none is given: the test took €0. */
  previousUnionAssumed: (amount: string) => L(`Vorig jaar: ${amount} aangenomen (geen gegevens)`, `Previous year: ${amount} assumed (no data)`),
  unionWithin: L("Binnen de EU-grens", "Within the Union threshold"),
  unionOver: L("Boven de EU-grens", "Over the Union threshold"),
  /**
   * The Union crossing (kor-rules.md section 7, worked example 19): `where` names the invoice as the KOR crossing
   * does (a row, or an auditfile's entry), in the language asked for; `days` the working days to inform the Belastingdienst;
   * `overdue`: that day is before today (EuSummary.crossing.notifyOverdue), so the report is late unless already made.
   */
  euCrossing: (date: string, where: string, notify: string, days: number, nextYear: number, overdue: boolean) => L(
    `De EU-omzet kwam op ${date} (${where}) boven de EU-grens: de vrijstelling van de EU-KOR vervalt vanaf die levering in elke lidstaat waar u die gebruikt, en in ${nextYear} kunt u de EU-KOR niet gebruiken. Meld dit uiterlijk ${notify} bij de Belastingdienst (${days} werkdagen, geteld als ma–vr; feestdagen zijn niet overgeslagen, dus mogelijk eerder dan nodig)${overdue ? "; die dag is voorbij: te laat als u het nog niet meldde, meld het direct" : ""}. Voor de Nederlandse KOR verandert hierdoor niets.`,
    `Union turnover went over the Union threshold on ${date} (${where}): the EU-KOR exemption ends as of that supply in every member state where you use it, and you cannot use the EU-KOR in ${nextYear}. Report this to the Belastingdienst by ${notify} (${days} working days, counted Mon–Fri; public holidays are not skipped, so possibly earlier than needed)${overdue ? "; that day has passed: if you have not reported it yet, it is overdue: report it now" : ""}. The Dutch KOR is not affected by this.`,
  ),
  colCountry: L("Land", "Country"),
  colTurnover: L("Omzet", "Turnover"),
  colThreshold: L("Grens", "Threshold"),
  stateWithin: L("binnen", "within"),
  stateOver: L("erboven", "over"),
  stateUnknown: L("onbekend", "unknown"),
  colPreviousYear: (y: number) => L(`${y}`, `${y}`),
  stateToleranceNote: L(
    `Een lidstaat is dit jaar uitgesloten als de omzet daar vorig jaar boven de grens lag. Marge boven de grens tot het jaareinde: alleen die van Oostenrijk (${AT_TOLERANCE}%) is gecontroleerd en toegepast; voor andere landen is geen marge aangenomen.`,
    `A member state is blocked this year when turnover there was over its threshold last year. Tolerance over the threshold to year end: only Austria's (${AT_TOLERANCE}%) is verified and applied; no tolerance is assumed for other states.`,
  ),
  /**
   * `notes`: each unknown state's own note (nationalThreshold: not verified, or not one amount in euros), in the
   * language asked for; `countries`: those states, named so that the advice refers to each of them.
   */
  stateUnknownNote: (notes: string, ...countries: string[]) => {
    const and = (word: string): string => (countries.length <= 1 ? countries.join("") : `${countries.slice(0, -1).join(", ")} ${word} ${countries[countries.length - 1]}`);
    return countries.length === 1
      ? L(
          `Onbekend (${countries[0]}): ${notes} Vergelijk uw omzet in ${countries[0]} met die grens voordat u daar de EU-KOR gebruikt.`,
          `Unknown (${countries[0]}): ${notes} Compare your turnover in ${countries[0]} with that threshold before using the EU-KOR there.`,
        )
      : L(
          `Onbekend (${and("en")}): ${notes} Vergelijk per land uw omzet in ${and("en")} met de grens van dat land voordat u daar de EU-KOR gebruikt.`,
          `Unknown (${and("and")}): ${notes} Compare your turnover in each of ${and("and")} with that state's own threshold before using the EU-KOR there.`,
        );
  },
  euQuarterly: L("Opgaaf kwartaalomzet", "Quarterly turnover report"),
  euQuarterDue: (q: number, date: string) => L(`K${q}: indienen uiterlijk ${date}`, `Q${q}: due by ${date}`),

  // Warnings
  warningsSection: L("Aandachtspunten", "Warnings"),
  noWarnings: L("Geen aandachtspunten.", "No warnings."),
  showRows: (n: number) => L(`Toon ${plural(n, "rij", `${countNl(n)} rijen`)}`, `Show ${plural(n, "row", `${countEn(n)} rows`)}`),
  // The accessible name starts with the visible text (WCAG 2.5.3 Label in Name), then says which rows.
  showRowsAria: (n: number, rows: string) =>
    L(
      `Toon ${plural(n, "rij", `${countNl(n)} rijen`)}: ${rows} (${plural(n, "selecteert die", "selecteert ze")} in het blad)`,
      `Show ${plural(n, "row", `${countEn(n)} rows`)}: ${rows} (${plural(n, "selects it", "selects them")} in the sheet)`,
    ),
  uncategorised: (n: number) => L(
    `${countNl(n)} ${plural(n, "rij zonder categorie is", "rijen zonder categorie zijn")} als belaste omzet meegeteld. Klopt dat niet, vul dan een categorie in.`,
    `${countEn(n)} ${plural(n, "row without a category was", "rows without a category were")} counted as taxed turnover. If that is wrong, fill in a category.`,
  ),
  moreWarnings: (n: number) => L(`En nog ${countNl(n)} ${plural(n, "aandachtspunt", "aandachtspunten")}.`, `And ${countEn(n)} more ${plural(n, "warning", "warnings")}.`),
  severity: { error: L("Fout", "Error"), warning: L("Let op", "Warning") },
  previewTitle: L("Gekozen rijen", "Selected rows"),
  previewRow: L("Rij", "Row"),
  previewMarked: (letter: string, header: string) =>
    L(`De cel in kolom ${letter}${header !== "" ? ` (${header})` : ""} is gemarkeerd.`, `The cell in column ${letter}${header !== "" ? ` (${header})` : ""} is marked.`),
  previewClose: L("Sluiten", "Close"),

  // Report sheet
  writeReport: L("Rapport naar blad schrijven", "Write report to sheet"),
  writing: L("Rapport schrijven…", "Writing report…"),
  written: (sheet: string) => L(`Rapport geschreven naar blad "${sheet}".`, `Report written to sheet "${sheet}".`),
  refused: (sheet: string) => L(
    `Er is al een blad "${sheet}" dat niet door deze invoegtoepassing is gemaakt. Het wordt niet overschreven: geef dat blad een andere naam en probeer het opnieuw.`,
    `A sheet "${sheet}" already exists that this add-in did not create. It is not overwritten: rename that sheet and try again.`,
  ),
  edited: (sheet: string) => L(
    `Op blad "${sheet}" staan nu ook gegevens buiten het rapport, waarschijnlijk van u. Bij opnieuw schrijven wordt het hele blad leeggemaakt. Wilt u het blad vervangen?`,
    `Sheet "${sheet}" now also holds data outside the report, probably yours. Writing the report again clears the whole sheet. Do you want to replace the sheet?`,
  ),
  replaceSheet: L("Blad vervangen", "Replace sheet"),
  keepSheet: L("Niet vervangen", "Keep the sheet"),
  writeFailed: (detail: string) => L(`Het rapport kon niet worden geschreven: ${detail}`, `The report could not be written: ${detail}`),
  reportSheetName: (y: number) => L(`KOR ${y}`, `KOR ${y}`),
  report: {
    title: (y: number) => L(`KOR-overzicht ${y}`, `KOR report ${y}`),
    source: L("Bron", "Source"),
    made: L("Gemaakt op", "Made on"),
    verdict: L("Uitkomst", "Result"),
    reasons: L("Waarom", "Why"),
    countable: L("Omzet die meetelt", "Turnover that counts"),
    threshold: L("Omzetgrens", "Turnover limit"),
    percent: L("Deel van de omzetgrens", "Share of the turnover limit"),
    headroom: L("Ruimte tot de omzetgrens", "Room to the turnover limit"),
    notCounted: L("Omzet die niet meetelt", "Turnover that does not count"),
    previous: L("Omzet die meetelt vorig jaar", "Turnover that counts previous year"),
    crossing: L("Omzetgrens overschreden op", "Turnover limit crossed on"),
    crossingRow: L("Rij van de overschrijding", "Row of the crossing"),
    periods: L("Per tijdvak", "Per period"),
    categories: L("Per categorie", "By category"),
    category: L("Categorie", "Category"),
    counts: L("Telt mee", "Counted"),
    yes: L("ja", "yes"),
    no: L("nee", "no"),
    reason: L("Reden", "Reason"),
    rows: L("Rijen", "Rows"),
    deadlines: L("Termijnen", "Deadlines"),
    nextStart: L("Eerstvolgende start", "Next possible start"),
    registerBy: L("Aanmelden uiterlijk", "Register by"),
    exitStart: L("Afmelden per", "Exit effective"),
    exitBy: L("Afmelden uiterlijk", "Exit notice by"),
    reentryStart: L("Weer meedoen vanaf", "Rejoin from"),
    reentryStartIfInKor: L("Als de onderneming in de KOR zat: weer meedoen vanaf", "If the business was in the KOR: rejoin from"),
    participation: L("Deelname aan de KOR", "KOR participation"),
    participationStatus: {
      in: L("ja (opgegeven)", "yes (as given)"),
      out: L("nee (opgegeven)", "no (as given)"),
      unknown: L("onbekend", "unknown"),
    },
    reentryBy: L("Daarvoor aanmelden uiterlijk", "Register for that by"),
    thresholdSeries: L("Omzetgrens", "Turnover limit"),
    quarter: L("Kwartaal", "Quarter"),
    quarterLabel: (q: number, y: number) => L(`K${q} ${y}`, `Q${q} ${y}`),
    due: L("Indienen uiterlijk", "Due by"),
    chartTitle: (y: number) => L(`Omzetverloop ${y}`, `Turnover through ${y}`),
    footer: L(
      "Dit blad is gemaakt door KOR voor Excel en wordt bij ‘Rapport naar blad schrijven’ vervangen. Uw eigen bladen worden niet gewijzigd.",
      "This sheet was made by KOR for Excel and is replaced by ‘Write report to sheet’. Your own sheets are not changed.",
    ),
  },
} as const;

/**
 * Beside the previous year's figure: where it came from (S.basis); a figure typed for a year before the previous-year
 * test (2025) says it does not decide the year (it used to be dropped as "niet nodig vóór 2025").
 */
export function previousBasisText(basis: PreviousYearBasis, year: number): Localized {
  if (basis === "given" && !previousYearTested(year)) return L(`door u ingevuld; beslist ${year} niet`, `entered by you; it does not decide ${year}`);
  return S.basis[basis];
}

/**
 * Beside the previous year's figure on every surface of the pane (the report, the copied text, the report sheet):
 * where it came from (the sheet it was taken from, or previousBasisText), and, when its rows start late in the year
 * (summary.previousYearRowsFrom: an export from 1 December?), that it may not be the whole year.
 */
export function previousYearBasisOf(summary: { readonly year: number; readonly previousYearBasis: PreviousYearBasis; readonly previousYearRowsFrom: Day | null }, sheet: string | null): Localized {
  const base = sheet !== null ? S.basisFromSheet(sheet) : previousBasisText(summary.previousYearBasis, summary.year);
  const from = summary.previousYearRowsFrom;
  if (from === null) return base;
  const late = previousRowsFromText(from);
  return L(`${base.nl}; ${late.nl}`, `${base.en}; ${late.en}`);
}
