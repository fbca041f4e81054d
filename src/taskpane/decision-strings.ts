/**
 * The words of the decision view ("Is the KOR worth it?"), Dutch and English. The sentences about the
 * figures themselves (headline, break-even, reasons, assumptions, administration, deadlines) come from
 * src/rules/decision.ts as Localized texts; this file holds the view's own labels and hints.
 */
import type { Localized } from "../i18n/types";
import { KOR_LIMIT, MOVABLE_YEARS, REAL_ESTATE_YEARS, REVISION_MINIMUM, countEn, countNl } from "../rules/text";
import { FIRST_KOR_YEAR, NEW_KOR_RULES_YEAR, OLD_MINIMUM_PARTICIPATION_YEARS } from "../rules/parameters";

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
  situationFromSetting: L(
    "Ingevuld volgens de instelling ‘Doet de onderneming mee aan de KOR?’ bij het jaarrapport. Hier wijzigen verandert die instelling niet.",
    "Filled in from the setting ‘Is the business in the KOR?’ of the year report. Changing it here does not change that setting.",
  ),
  joinedSince: L("In de KOR sinds (dd-mm-jjjj)", "In the KOR since (dd-mm-yyyy)"),
  joinedHint: L(`Alleen nodig voor afmelden vóór ${NEW_KOR_RULES_YEAR} (toen gold een minimum van ${OLD_MINIMUM_PARTICIPATION_YEARS} jaar).`, `Only needed for exits before ${NEW_KOR_RULES_YEAR} (a ${OLD_MINIMUM_PARTICIPATION_YEARS}-year minimum applied then).`),
  basis: (year: number, amount: string) =>
    L(`Gebaseerd op de omzet die meetelt van ${year}: ${amount} (exclusief btw). Aangenomen is dat volgend jaar daarop lijkt.`,
      `Based on the turnover that counts in ${year}: ${amount} (excluding VAT). Next year is assumed to be similar.`),
  basisParticipant: (year: number, amount: string) =>
    L(`Gebaseerd op de omzet die meetelt van ${year}: ${amount} (gefactureerd zonder btw, zoals in de KOR). Aangenomen is dat volgend jaar daarop lijkt.`,
      `Based on the turnover that counts in ${year}: ${amount} (invoiced without VAT, as in the KOR). Next year is assumed to be similar.`),
  notPossibleFirst: (year: number, start: string, deadline: string) =>
    L(`Meedoen aan de KOR kan nu niet: u voldoet in ${year} niet aan de voorwaarden. Meedoen kan op zijn vroegst per ${start} (aanmelden uiterlijk op ${deadline}).`,
      `You cannot join the KOR now: you do not meet the conditions in ${year}. The earliest you can join is ${start} (register by ${deadline}).`),
  notPossibleYet: (start: string, deadline: string) =>
    L(`Meedoen aan de KOR kan nu nog niet. Meedoen kan op zijn vroegst per ${start} (aanmelden uiterlijk op ${deadline}).`,
      `You cannot join the KOR yet. The earliest you can join is ${start} (register by ${deadline}).`),
  foldCalculator: L("Toch berekenen wat meedoen zou opleveren", "Still calculate what joining would give"),
  noTurnover: (year: number) => L(`Geen omzet die meetelt in ${year}: er valt niets te vergelijken.`, `No turnover that counts in ${year}: there is nothing to compare.`),

  // No result: the sheet's turnover cannot be known (DecisionRefusal)
  refusedColumnsTodo: L(
    "Kies de kolommen zelf onder Instellingen op het tabblad Jaar, of zet kolomkoppen boven de gegevens en klik op Opnieuw lezen. Zolang de omzet niet te lezen is, geeft dit tabblad geen uitkomst.",
    "Choose the columns yourself under Settings on the Year report tab, or put column headers above the data and click Read again. As long as the turnover cannot be read, this tab gives no result.",
  ),
  refusedGrossTodo: L(
    "Voeg de btw-kolom (of de kolom met het bedrag exclusief btw) toe aan het blad en klik op Opnieuw lezen, of kies de bedragkolom zelf onder Instellingen op het tabblad Jaar. Zolang de omzet exclusief btw niet te lezen is, geeft dit tabblad geen uitkomst.",
    "Add the VAT column (or the column with the amount excluding VAT) to the sheet and click Read again, or choose the amount column yourself under Settings on the Year report tab. As long as the turnover excluding VAT cannot be read, this tab gives no result.",
  ),
  unsupportedTitle: (year: number) => L(`Geen KOR-vrijstelling in ${year}`, `No KOR exemption in ${year}`),
  unsupportedTodo: L(
    `Kies onder Instellingen op het tabblad Jaar een jaar vanaf ${FIRST_KOR_YEAR}. Voor een jaar daarvoor geeft dit tabblad geen uitkomst.`,
    `Choose a year from ${FIRST_KOR_YEAR} on under Settings on the Year report tab. For an earlier year this tab gives no result.`,
  ),
  noTurnoverTitle: (year: number) => L(`Geen omzet die meetelt in ${year}`, `No turnover that counts in ${year}`),
  noTurnoverTodo: L(
    "Kies onder Instellingen op het tabblad Jaar een jaar met omzet. Zonder omzet geeft dit tabblad geen uitkomst.",
    "Choose a year with turnover under Settings on the Year report tab. Without turnover this tab gives no result.",
  ),
  unreadableTurnoverTitle: (year: number) => L(`De omzet van ${year} is niet te lezen`, `The turnover of ${year} cannot be read`),
  unreadableTurnover: (year: number, rows: number) =>
    L(`${countNl(rows)} ${plural(rows, "rij", "rijen")} met fouten ${rows === 1 ? "is" : "zijn"} niet meegeteld, en zonder ${rows === 1 ? "die rij" : "die rijen"} is er geen omzet die meetelt in ${year}.`,
      `${countEn(rows)} ${plural(rows, "row", "rows")} with errors ${rows === 1 ? "was" : "were"} not counted, and without ${rows === 1 ? "it" : "them"} there is no turnover that counts in ${year}.`),
  provisional: (notCounted: Localized, rows: number) =>
    L(`Voorlopig: ${notCounted.nl}. Deze uitkomst rekent zonder ${rows === 1 ? "die rij" : "die rijen"} en kan dus nog veranderen; los ${rows === 1 ? "de fout" : "de fouten"} eerst op (zie de waarschuwingen op het tabblad Jaar).`,
      `Provisional: ${notCounted.en}. This result leaves ${rows === 1 ? "that row" : "those rows"} out, so it may still change; fix ${rows === 1 ? "the error" : "the errors"} first (see the warnings on the Year report tab).`),
  provisionalPurchases: (name: string, rows: number) =>
    L(`Voorlopig: ${countNl(rows)} ${plural(rows, "rij", "rijen")} van de inkopen ‘${name}’ ${rows === 1 ? "was" : "waren"} niet te lezen en ${rows === 1 ? "is" : "zijn"} niet meegeteld in de voorbelasting; verbeter ${rows === 1 ? "die rij" : "die rijen"} eerst of vul de voorbelasting zelf in.`,
      `Provisional: ${countEn(rows)} ${plural(rows, "row", "rows")} of the purchases ‘${name}’ could not be read and ${rows === 1 ? "is" : "are"} not counted in the input VAT; correct ${rows === 1 ? "it" : "them"} first or type the input VAT yourself.`),
  fixErrorsTodo: L(
    "Los de fouten op (zie de waarschuwingen op het tabblad Jaar) en klik op Opnieuw lezen. Tot dan geeft dit tabblad geen uitkomst.",
    "Fix the errors (see the warnings on the Year report tab) and click Read again. Until then this tab gives no result.",
  ),

  // Output side
  outputSection: L("Btw op uw omzet", "VAT on your turnover"),
  colRate: L("Tarief", "Rate"),
  colTurnover: L("Omzet excl. btw", "Turnover excl. VAT"),
  colInvoiced: L("Gefactureerd (zonder btw)", "Invoiced (no VAT)"),
  colVat: L("Btw", "VAT"),
  amountsBasis: (column: string) => L(`De bedragen in de kolom ‘${column}’ zijn`, `The amounts in the column ‘${column}’ are`),
  amountsBasisNoHeader: L("De bedragen in uw omzetkolom zijn", "The amounts in your turnover column are"),
  amountsExcl: L("exclusief btw", "excluding VAT"),
  amountsIncl: L("inclusief btw (bijvoorbeeld een kassa-export)", "including VAT (for example a cash register export)"),
  amountsAsk: L(
    "De kolomkop zegt niet of de bedragen inclusief of exclusief btw zijn. Gerekend is met exclusief btw; kies inclusief als uw blad bedragen met btw bevat.",
    "The column header does not say whether the amounts include VAT. The estimate takes them as excluding VAT; choose including if your sheet holds amounts with VAT.",
  ),
  amountsFromHeader: L("Zo gelezen uit de kolomkop; u kunt het aanpassen.", "Read from the column header; you can change it."),
  colKept: L("U houdt", "You keep"),
  colLost: L("Kost u", "Costs you"),
  total: L("Totaal", "Total"),
  rate: (r: number) => L(`${r}%`, `${r}%`),
  rateZero: L("0% / vrijgesteld", "0% / exempt"),
  assumedRate: L("Tarief voor omzet zonder tarief in het blad", "Rate for turnover without a rate in the sheet"),
  outputTableCaption: L("Omzet en btw per tarief", "Turnover and VAT by rate"),
  businessShare: L("Deel belaste omzet (21% en 9%) aan zakelijke klanten (%)", "Share of taxed turnover (21% and 9%) to business customers (%)"),
  businessShareHint: L(
    "Klanten die btw aftrekken. Zij merken niets van de KOR: u houdt aan hen niets extra over. Klanten die geen btw aftrekken (zorg, onderwijs, andere KOR-ondernemers, vrijgestelde instellingen) rekent u hier als particulieren.",
    "Customers who deduct VAT. The KOR makes no difference to them: you keep nothing extra on their share. Count customers that do not deduct VAT (healthcare, education, other KOR businesses, exempt institutions) as consumers here.",
  ),
  businessSharePerRate: (column: string, list: string) =>
    L(`Uit de kolom ‘${column}’, per tarief gemeten over de rijen van dat tarief: ${list} zakelijk. Een getal hieronder geldt voor alle tarieven.`,
      `From the column ‘${column}’, measured per rate over that rate's rows: ${list} business. A figure typed below applies to every rate.`),
  nonDeductingTitle: L("Zakelijke klanten die geen btw aftrekken", "Business customers that do not deduct VAT"),
  nonDeductingHint: L(
    "Zorg, onderwijs, andere KOR-ondernemers en vrijgestelde instellingen trekken geen btw af: voor u zijn ze als particulieren. Vink ze aan.",
    "Healthcare, education, other KOR businesses and exempt institutions do not deduct VAT: for you they are like consumers. Tick them.",
  ),
  businessShareFromSheet: (column: string, pct: string) =>
    L(`Uit de kolom ‘${column}’: ${pct} van de omzet gaat naar zakelijke klanten. U kunt dit aanpassen.`,
      `From the column ‘${column}’: ${pct} of turnover goes to business customers. You can change it.`),
  businessShareUnknownRows: (n: number, rows: string) =>
    L(`${countNl(n)} ${plural(n, "rij", "rijen")} met een onduidelijke klant ${plural(n, "is", "zijn")} niet meegeteld (rij ${rows}).`,
      `${countEn(n)} ${plural(n, "row", "rows")} with an unclear customer ${plural(n, "was", "were")} left out (row ${rows}).`),
  businessShareNotUsable: (column: string) =>
    L(`De kolom ‘${column}’ zegt niet of een klant zakelijk of particulier is (bijvoorbeeld alleen namen). Vul het deel zelf in.`,
      `The column ‘${column}’ does not say whether a customer is a business or a consumer (for example only names). Type the share yourself.`),
  businessShareNoColumn: L(
    "Het blad heeft geen kolom met klanttype of btw-nummer van de klant. Vul het deel zelf in.",
    "The sheet has no customer-type or customer VAT-number column. Type the share yourself.",
  ),

  // Input side
  inputSection: L("Btw op uw kosten en investeringen", "VAT on your costs and investments"),
  inputVat: L("Voorbelasting op lopende kosten per jaar (€)", "Input VAT on running costs per year (€)"),
  inputVatHint: L(
    "De btw op uw lopende kosten, voor een heel jaar. Investeringen niet: die zijn eenmalig. Hebt u ook vrijgestelde omzet, dan telt alleen het deel voor belaste omzet (verdeeld naar omzet).",
    "The VAT on your running costs, for a whole year. Not investments: those are one-off. If you also have exempt turnover, only the part for taxed turnover counts (split by turnover).",
  ),
  inputFromPurchaseRows: (amount: string, n: number, year: number) =>
    L(`Lopende kosten uit de inkooprijen van ${year} in dit blad: ${amount} btw (${countNl(n)} ${plural(n, "rij", "rijen")}).`,
      `Running costs from the ${year} purchase rows in this sheet: ${amount} of VAT (${countEn(n)} ${plural(n, "row", "rows")}).`),
  inputFromPurchases: (name: string, amount: string, n: number, year: number) =>
    L(`Lopende kosten uit ‘${name}’: ${amount} btw op ${countNl(n)} ${plural(n, "inkoop", "inkopen")} in ${year}.`,
      `Running costs from ‘${name}’: ${amount} of VAT on ${countEn(n)} ${plural(n, "purchase", "purchases")} in ${year}.`),
  investmentsApart: (n: number, amount: string) =>
    L(`${countNl(n)} ${plural(n, "inkoop is", "inkopen zijn")} als investering genomen (${amount} btw): eenmalig, niet per jaar; ze tellen mee in de herziening.`,
      `${countEn(n)} ${plural(n, "purchase was", "purchases were")} taken as ${plural(n, "an investment", "investments")} (${amount} of VAT): one-off, not yearly; they count in the herziening.`),
  purchasesTitle: L("Inkopen: investering of lopende kosten", "Purchases: investment or running cost"),
  purchasesHint: (amount: string) =>
    L(`Een inkoop vanaf ${amount} exclusief btw, of met ‘investering’ of ‘bedrijfsmiddel’ in de rij, is als investering genomen. Vink aan of uit om een rij te verplaatsen (voorraad voor verkoop is lopende kosten).`,
      `A purchase from ${amount} excluding VAT, or with ‘investering’ or ‘bedrijfsmiddel’ in the row, is taken as an investment. Tick or untick to move a row (stock for resale is a running cost).`),
  purchaseRow: (row: number, date: string, text: string, amount: string, vat: string) =>
    L(`Rij ${row}, ${date}${text ? `, ${text}` : ""}: ${amount} excl. btw, btw ${vat}`, `Row ${row}, ${date}${text ? `, ${text}` : ""}: ${amount} excl. VAT, VAT ${vat}`),
  investment: L("investering", "investment"),
  moreRows: (n: number) => L(`En nog ${countNl(n)} kleinere ${plural(n, "inkoop", "inkopen")} als lopende kosten.`, `And ${countEn(n)} smaller ${plural(n, "purchase", "purchases")} as running costs.`),
  reverseVat: L("Btw die naar u verlegd is, per jaar (€)", "VAT reverse-charged to you, per year (€)"),
  reverseVatHint: L(
    "Bijvoorbeeld online advertenties of software van een bedrijf in een ander EU-land: op de factuur staat ‘btw verlegd’ en u geeft de btw zelf aan. In de KOR blijft u die btw verschuldigd en mag u hem niet aftrekken. Geen? Laat leeg.",
    "For example online advertising or software from a business in another EU state: the invoice says ‘reverse charge’ and you declare the VAT yourself. In the KOR you still owe that VAT and cannot deduct it. None? Leave empty.",
  ),
  reverseFromRows: (n: number, amount: string, assumed: number) =>
    L(`Uit ${countNl(n)} ${plural(n, "inkooprij", "inkooprijen")} met ‘verlegd’: ${amount}${assumed > 0 ? ` (${assumed} zonder btw-bedrag: 21% van het bedrag gerekend)` : ""}.`,
      `From ${countEn(n)} purchase ${plural(n, "row", "rows")} marked ‘verlegd’: ${amount}${assumed > 0 ? ` (${assumed} without a VAT amount: 21% of the amount used)` : ""}.`),
  rowsWithoutVat: (n: number) =>
    L(`${countNl(n)} ${plural(n, "inkoop zonder btw-bedrag is", "inkopen zonder btw-bedrag zijn")} niet meegeteld.`,
      `${countEn(n)} ${plural(n, "purchase without a VAT amount was", "purchases without a VAT amount were")} left out.`),
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
  purchasesGrossOnly: (column: string) =>
    L(`De gekozen inkopen hebben alleen bedragen inclusief btw (kolom ‘${column}’) en geen btw-kolom: de voorbelasting is er niet uit te lezen. Voeg de btw-kolom toe en lees de inkopen opnieuw, of vul de voorbelasting zelf in.`,
      `The chosen purchases only have amounts including VAT (column ‘${column}’) and no VAT column: the input VAT cannot be read from them. Add the VAT column and read the purchases again, or type the input VAT yourself.`),
  purchasesNoneInYear: (year: number) =>
    L(`De gekozen inkopen hebben geen rijen van ${year}, het jaar van deze berekening. Kies de inkopen van ${year}, of vul de voorbelasting zelf in.`,
      `The chosen purchases have no rows of ${year}, the year of this estimate. Choose the purchases of ${year}, or type the input VAT yourself.`),
  /** The body after "Rij 4: " / "Rijen 4 en 9: " (atRows): rows of a purchases list that could not be read. */
  purchasesUnread: (count: number) =>
    count === 1
      ? L("niet te lezen, dus niet meegeteld in de voorbelasting. Verbeter die rij van de inkopen en lees ze opnieuw, of vul de voorbelasting zelf in.",
          "could not be read, so it is not counted in the input VAT. Correct that row of the purchases and read them again, or type the input VAT yourself.")
      : L("niet te lezen, dus niet meegeteld in de voorbelasting. Verbeter die rijen van de inkopen en lees ze opnieuw, of vul de voorbelasting zelf in.",
          "could not be read, so they are not counted in the input VAT. Correct those rows of the purchases and read them again, or type the input VAT yourself."),
  purchasesError: (detail: string) => L(`De inkopen konden niet worden gelezen: ${detail}`, `The purchases could not be read: ${detail}`),
  plannedVat: L("Btw op een geplande investering (€)", "VAT on a planned investment (€)"),
  plannedYear: L("Jaar van die investering", "Year of that investment"),
  plannedVatHint: L(
    "Bijvoorbeeld een auto, computer of verbouwing die u volgend jaar koopt: die btw kunt u in de KOR niet aftrekken.",
    "For example a car, computer or renovation you buy next year: in the KOR you cannot deduct that VAT.",
  ),
  amountInvalid: L("Vul een bedrag in, bijvoorbeeld 1.250 of 1250,00.", "Enter an amount, for example 1,250 or 1250.00."),
  yearInvalid: (first: number) => L(`Vul een jaar in vanaf ${first}, bijvoorbeeld ${first}.`, `Enter a year from ${first}, for example ${first}.`),
  grossConverted: (column: string) =>
    L(`De bedragen in de kolom ‘${column}’ zijn genomen als inclusief btw; voor deze berekening is de btw eruit gehaald. Let op: de omzet voor de ${KOR_LIMIT.nl}-grens is altijd exclusief btw.`,
      `The amounts in the column ‘${column}’ are taken as including VAT; the VAT was taken out for this estimate. Note: turnover for the ${KOR_LIMIT.en} limit always excludes VAT.`),
  shareInvalid: L("Vul een percentage van 0 tot en met 100 in.", "Enter a percentage from 0 to 100."),

  // Herziening
  revisionSection: L("Herziening bij instappen", "Herziening on entering"),
  revisionIntro: L(
    `Hebt u de laatste jaren btw afgetrokken op bedrijfsmiddelen (auto, machine, computer, pand)? Dan betaalt u bij instappen een deel terug: roerende zaken 1/${MOVABLE_YEARS} per jaar over ${MOVABLE_YEARS} jaar, onroerende zaken 1/${REAL_ESTATE_YEARS} per jaar over ${REAL_ESTATE_YEARS} jaar, gerekend vanaf het jaar van ingebruikname. Is het totaal in een jaar minder dan ${REVISION_MINIMUM.nl} voor bedrijfsmiddelen die al vóór dat jaar in gebruik waren, dan hoeft u dat deel niet terug te betalen.`,
    `Did you deduct VAT on capital goods (car, machine, computer, building) in recent years? Then on entering you repay part of it: movables 1/${MOVABLE_YEARS} a year over ${MOVABLE_YEARS} years, real estate 1/${REAL_ESTATE_YEARS} a year over ${REAL_ESTATE_YEARS} years, counted from the year first used. If a year's total for goods already in use before that year is under ${REVISION_MINIMUM.en}, you do not repay that part.`,
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
  belowMinimum: L(`€ 0 (onder ${REVISION_MINIMUM.nl})`, `€0 (under ${REVISION_MINIMUM.en})`),
  revisionEstimate: L("(schatting)", "(estimate)"),
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
  perYear: L("per jaar", "a year"),
  oneOffTitle: L("Eenmalig (niet in het bedrag per jaar)", "One-off (not in the yearly amount)"),
  oneOffCaption: L("Eenmalige bedragen per jaar", "One-off amounts by year"),
  colWhat: L("Wat", "What"),
  colAmount: L("Bedrag", "Amount"),
  yearUnknown: L("jaar van de investering", "year of the investment"),
  noOneOffs: L("Geen eenmalige bedragen.", "No one-off amounts."),
  whyTitle: L("Hoe dit is berekend", "How this was computed"),
  adminTitle: L("Wat verandert er in uw administratie", "What changes in your administration"),
  deadlinesTitle: L("Wanneer u moet handelen", "When to act"),
  assumptionsTitle: L("Uitgangspunten", "Assumptions"),
  notesTitle: L("Let op", "Note"),
  eligibilityNote: L(
    "Meedoen kan alleen als u aan de voorwaarden voldoet; zie het tabblad Jaar.",
    "You can only join when you meet the conditions; see the Year report tab.",
  ),
  fixInputs: L("Verbeter eerst de invoer hierboven; de uitkomst volgt dan.", "Correct the entries above first; the result follows."),
} as const;
