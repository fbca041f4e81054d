/**
 * The words of the decision view ("Is the KOR worth it?"), Dutch and English. The sentences about the
 * figures themselves (headline, break-even, reasons, assumptions, administration, deadlines) come from
 * src/rules/decision.ts as Localized texts; this file holds the view's own labels and hints.
 */
import type { Localized } from "../i18n/types";

const L = (nl: string, en: string): Localized => ({ nl, en });
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const D = {
  tab: L("Loont de KOR?", "KOR worth it?"),
  title: L("Is de KOR de moeite waard?", "Is the KOR worth it?"),
  intro: L(
    "Een schatting met de bedragen uit uw eigen blad: wat levert meedoen (of afmelden) per jaar op, en wat kost het?",
    "An estimate with the figures from your own sheet: what does joining (or leaving) gain or cost per year?",
  ),

  // Situation
  situation: L("Uw situatie", "Your situation"),
  outside: L("Ik doe nu niet mee aan de KOR", "I am not in the KOR now"),
  inside: L("Ik doe nu mee aan de KOR", "I am in the KOR now"),
  joinedSince: L("In de KOR sinds (dd-mm-jjjj)", "In the KOR since (dd-mm-yyyy)"),
  joinedHint: L("Alleen nodig voor afmelden vóór 2025 (toen gold een minimum van 3 jaar).", "Only needed for exits before 2025 (a 3-year minimum applied then)."),
  basis: (year: number, amount: string) =>
    L(`Gebaseerd op de telbare omzet van ${year}: ${amount}. Aangenomen is dat volgend jaar daarop lijkt.`,
      `Based on the countable turnover of ${year}: ${amount}. Next year is assumed to be similar.`),
  noTurnover: (year: number) => L(`Geen telbare omzet in ${year}: er valt niets te vergelijken.`, `No countable turnover in ${year}: there is nothing to compare.`),

  // Output side
  outputSection: L("Btw op uw omzet", "VAT on your turnover"),
  colRate: L("Tarief", "Rate"),
  colTurnover: L("Omzet", "Turnover"),
  colVat: L("Btw", "VAT"),
  colKept: L("U houdt", "You keep"),
  colLost: L("Kost u", "Costs you"),
  total: L("Totaal", "Total"),
  rate: (r: number) => L(`${r}%`, `${r}%`),
  rateZero: L("0% / vrijgesteld", "0% / exempt"),
  assumedRate: L("Tarief voor omzet zonder tarief in het blad", "Rate for turnover without a rate in the sheet"),
  outputTableCaption: L("Omzet en btw per tarief", "Turnover and VAT by rate"),
  businessShare: L("Deel omzet aan zakelijke klanten (%)", "Share of turnover to business customers (%)"),
  businessShareHint: L(
    "Klanten die btw aftrekken. Zij merken niets van de KOR: u houdt aan hen niets extra over.",
    "Customers who deduct VAT. The KOR makes no difference to them: you keep nothing extra on their share.",
  ),
  businessShareFromSheet: (column: string, pct: string) =>
    L(`Uit de kolom ‘${column}’: ${pct} van de omzet gaat naar zakelijke klanten. U kunt dit aanpassen.`,
      `From the column ‘${column}’: ${pct} of turnover goes to business customers. You can change it.`),
  businessShareUnknownRows: (n: number, rows: string) =>
    L(`${n} ${plural(n, "rij", "rijen")} met een onduidelijke klant ${plural(n, "is", "zijn")} niet meegeteld (rij ${rows}).`,
      `${n} ${plural(n, "row", "rows")} with an unclear customer ${plural(n, "was", "were")} left out (row ${rows}).`),
  businessShareNotUsable: (column: string) =>
    L(`De kolom ‘${column}’ zegt niet of een klant zakelijk of particulier is (bijvoorbeeld alleen namen). Vul het deel zelf in.`,
      `The column ‘${column}’ does not say whether a customer is a business or a consumer (for example only names). Type the share yourself.`),
  businessShareNoColumn: L(
    "Het blad heeft geen kolom met klanttype of btw-nummer van de klant. Vul het deel zelf in.",
    "The sheet has no customer-type or customer VAT-number column. Type the share yourself.",
  ),

  // Input side
  inputSection: L("Btw op uw kosten en investeringen", "VAT on your costs and investments"),
  inputVat: L("Voorbelasting per jaar (€)", "Input VAT per year (€)"),
  inputVatHint: L(
    "De btw op kosten en investeringen die u zonder KOR aftrekt, voor een heel jaar.",
    "The VAT on costs and investments that you deduct outside the KOR, for a whole year.",
  ),
  inputFromPurchaseRows: (amount: string, n: number, year: number) =>
    L(`Uit de inkooprijen van ${year} in dit blad: ${amount} (${n} ${plural(n, "rij", "rijen")}).`,
      `From the ${year} purchase rows in this sheet: ${amount} (${n} ${plural(n, "row", "rows")}).`),
  inputFromPurchases: (name: string, amount: string, n: number, year: number) =>
    L(`Uit ‘${name}’: ${amount} btw op ${n} ${plural(n, "inkoop", "inkopen")} in ${year}.`,
      `From ‘${name}’: ${amount} of VAT on ${n} ${plural(n, "purchase", "purchases")} in ${year}.`),
  rowsWithoutVat: (n: number) =>
    L(`${n} ${plural(n, "inkoop zonder btw-bedrag is", "inkopen zonder btw-bedrag zijn")} niet meegeteld.`,
      `${n} ${plural(n, "purchase without a VAT amount was", "purchases without a VAT amount were")} left out.`),
  readSelection: L("Inkopen lezen uit de selectie", "Read purchases from the selection"),
  readSelectionHint: L(
    "Ga naar uw inkoopblad, klik in de tabel met inkopen (kolommen datum, bedrag en btw) en kies deze knop.",
    "Go to your purchases sheet, click in the purchases table (date, amount and VAT columns) and choose this button.",
  ),
  readFile: L("Inkopen uit een bestand (.xlsx of .csv)", "Purchases from a file (.xlsx or .csv)"),
  purchasesAreInvoices: L(
    "Dit is uw factuurblad, niet uw inkoopblad. Klik eerst in de tabel met inkopen.",
    "This is your invoice sheet, not your purchases sheet. Click in the purchases table first.",
  ),
  purchasesEmpty: L("Het gekozen blad is leeg.", "The chosen sheet is empty."),
  purchasesNoVat: L(
    "In de gekozen inkopen is geen btw-kolom gevonden (bijvoorbeeld het kopje ‘BTW’). Vul de voorbelasting zelf in.",
    "No VAT column was found in the chosen purchases (for example a header ‘VAT’). Type the input VAT yourself.",
  ),
  purchasesNoColumns: L(
    "In de gekozen inkopen zijn geen kolommen met datum en bedrag gevonden.",
    "No date and amount columns were found in the chosen purchases.",
  ),
  purchasesError: (detail: string) => L(`De inkopen konden niet worden gelezen: ${detail}`, `The purchases could not be read: ${detail}`),
  plannedVat: L("Btw op geplande investeringen (€)", "VAT on planned investments (€)"),
  plannedVatHint: L(
    "Bijvoorbeeld een auto, computer of verbouwing die u volgend jaar koopt: die btw kunt u in de KOR niet aftrekken.",
    "For example a car, computer or renovation you buy next year: in the KOR you cannot deduct that VAT.",
  ),
  amountInvalid: L("Vul een bedrag in, bijvoorbeeld 1.250 of 1250,00.", "Enter an amount, for example 1,250 or 1250.00."),
  shareInvalid: L("Vul een percentage van 0 tot en met 100 in.", "Enter a percentage from 0 to 100."),

  // Herziening
  revisionSection: L("Herziening bij instappen", "Herziening on entering"),
  revisionIntro: L(
    "Hebt u de laatste jaren btw afgetrokken op bedrijfsmiddelen (auto, machine, computer, pand)? Dan betaalt u bij instappen een deel terug: roerende zaken 1/5 per jaar over 5 jaar, onroerende zaken 1/10 per jaar over 10 jaar, gerekend vanaf het jaar van ingebruikname. Is het totaal in een jaar minder dan € 500, dan hoeft u dat jaar niets terug te betalen.",
    "Did you deduct VAT on capital goods (car, machine, computer, building) in recent years? Then on entering you repay part of it: movables 1/5 a year over 5 years, real estate 1/10 a year over 10 years, counted from the year first used. If a year's total is under €500, you repay nothing that year.",
  ),
  revisionTableCaption: L("Bedrijfsmiddelen in gebruik", "Capital goods in use"),
  goodFirstUse: L("In gebruik sinds (dd-mm-jjjj)", "First used (dd-mm-yyyy)"),
  goodVat: L("Afgetrokken btw (€)", "VAT deducted (€)"),
  goodKind: L("Soort", "Kind"),
  movable: L("Roerend (auto, machine, computer)", "Movable (car, machine, computer)"),
  realEstate: L("Onroerend (pand, grond)", "Real estate (building, land)"),
  goodNumber: (n: number) => L(`Bedrijfsmiddel ${n}`, `Capital good ${n}`),
  addGood: L("Bedrijfsmiddel toevoegen", "Add a capital good"),
  removeGood: (n: number) => L(`Bedrijfsmiddel ${n} verwijderen`, `Remove capital good ${n}`),
  dateInvalid: L("Vul een datum in, bijvoorbeeld 1-1-2024.", "Enter a date, for example 1-1-2024."),
  revisionKorStart: (date: string) => L(`Gerekend met een KOR-start op ${date}.`, `Computed for a KOR start on ${date}.`),
  revisionScheduleCaption: L("Herziening per jaar", "Herziening per year"),
  colYear: L("Jaar", "Year"),
  colDue: L("Terugbetalen", "To repay"),
  belowMinimum: L("€ 0 (onder € 500)", "€0 (under €500)"),
  revisionNone: L("Geen bedrijfsmiddelen ingevuld: geen herziening.", "No capital goods entered: no herziening."),
  revisionLeave: L(
    "U doet al mee: de herziening bij instappen is voorbij. Na afmelden kunt u mogelijk een deel van de btw op bedrijfsmiddelen uit de KOR-periode alsnog aftrekken; vraag dit na bij uw adviseur.",
    "You are already in: the herziening on entering is behind you. After leaving you may be able to deduct part of the VAT on capital goods bought while in the KOR; check with your adviser.",
  ),

  // Result
  resultSection: L("Uitkomst", "Result"),
  resultJoin: L("Effect van meedoen per jaar", "Effect of joining per year"),
  resultLeave: L("Effect van afmelden per jaar", "Effect of leaving per year"),
  gain: L("Voordeel", "Gain"),
  loss: L("Nadeel", "Loss"),
  even: L("Geen verschil", "No difference"),
  notPossible: L("Meedoen kan niet", "Cannot join"),
  mustLeave: L("KOR stopt", "KOR ends"),
  whyTitle: L("Hoe dit is berekend", "How this was computed"),
  adminTitle: L("Wat verandert er in uw administratie", "What changes in your administration"),
  deadlinesTitle: L("Wanneer u moet handelen", "When to act"),
  assumptionsTitle: L("Uitgangspunten", "Assumptions"),
  notesTitle: L("Let op", "Note"),
  eligibilityNote: L(
    "Meedoen kan alleen als u aan de voorwaarden voldoet; zie het tabblad Jaaroverzicht.",
    "You can only join when you meet the conditions; see the Year report tab.",
  ),
  fixInputs: L("Verbeter eerst de invoer hierboven; de uitkomst volgt dan.", "Correct the entries above first; the result follows."),
} as const;
