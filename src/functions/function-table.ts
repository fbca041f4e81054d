/**
 * The KOR.* functions as a reference table: signature, what each returns and a worked example, in English and
 * Dutch. One source for the README's functions table (`functionTableMarkdown`, checked by
 * test/functions/docs.test.ts) and for help.html (src/help/page.ts), so the two never disagree.
 * Regenerate the README table: node -r ts-node/register/transpile-only -e 'console.log(require("./src/functions/function-table").functionTableMarkdown())'
 * Dutch examples use `;` between arguments and Dutch Excel names (DATUM), as a Dutch Excel expects.
 */
import type { Localized } from "../i18n/types";
import { KOR_LIMIT, NOTICE_DAYS, REVISION_MINIMUM, UNION_LIMIT } from "../rules/text";
import { NEW_KOR_RULES_YEAR } from "../rules/parameters";

export interface FunctionDoc {
  /** The id in functions.json (KOR.<id>). */
  readonly id: string;
  /** Arguments in order; optional ones in brackets. */
  readonly signature: string;
  readonly returns: Localized;
  /** The formula (Dutch: `;` and Dutch Excel names). */
  readonly example: Localized;
  /** What the example returns, where the example alone does not say. */
  readonly result?: Localized;
}

export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  {
    id: "COUNTABLE",
    signature: "dates, amounts, [categories], [year]",
    returns: {
      en: "the year's turnover that counts, in euros, rounded to cents",
      nl: "omzet die meetelt in het jaar, in euro, afgerond op centen",
    },
    example: { en: "=KOR.COUNTABLE(A2:A500, B2:B500, C2:C500, 2026)", nl: "=KOR.COUNTABLE(A2:A500; B2:B500; C2:C500; 2026)" },
  },
  {
    id: "ELIGIBLE",
    signature: "dates, amounts, [categories], [year], [previousYearTurnover]",
    returns: {
      en: `TRUE / FALSE: within ${KOR_LIMIT.en} this year (and, from ${NEW_KOR_RULES_YEAR}, last year), and not crossed during the year`,
      nl: `WAAR / ONWAAR: binnen ${KOR_LIMIT.nl} dit jaar (en, vanaf ${NEW_KOR_RULES_YEAR}, vorig jaar), en niet overschreden in de loop van het jaar`,
    },
    example: { en: "=KOR.ELIGIBLE(A2:A500, B2:B500, C2:C500, 2026, 18500)", nl: "=KOR.ELIGIBLE(A2:A500; B2:B500; C2:C500; 2026; 18500)" },
  },
  {
    id: "CROSSING",
    signature: "dates, amounts, [categories], [year]",
    returns: {
      en: `date of the invoice with which the turnover that counts went over ${KOR_LIMIT.en}; \`#N/A\` "Not exceeded in 2026" when it did not`,
      nl: `datum van de factuur waarmee de omzet die meetelt boven ${KOR_LIMIT.nl} kwam; \`#N/B\` "Niet overschreden in 2026" als dat niet gebeurde`,
    },
    example: { en: "=KOR.CROSSING(A2:A500, B2:B500, C2:C500)", nl: "=KOR.CROSSING(A2:A500; B2:B500; C2:C500)" },
  },
  {
    id: "DEADLINE",
    signature: "startDate, [period]",
    returns: {
      en: `last day the Belastingdienst must receive a registration or exit notice for the first filing period starting on or after \`startDate\` (${NOTICE_DAYS} days before it)`,
      nl: `laatste dag waarop de Belastingdienst een aan- of afmelding moet ontvangen voor het eerste aangiftetijdvak dat op of na \`startDate\` begint (${NOTICE_DAYS} dagen ervoor)`,
    },
    example: { en: "=KOR.DEADLINE(DATE(2027,1,1))", nl: "=KOR.DEADLINE(DATUM(2027;1;1))" },
    result: { en: "3 December 2026", nl: "3 december 2026" },
  },
  {
    id: "START",
    signature: "receivedDate, [period]",
    returns: {
      en: "earliest KOR start for a registration received on that day",
      nl: "vroegste begindatum van de KOR voor een aanmelding die op die dag binnenkomt",
    },
    example: { en: "=KOR.START(DATE(2025,12,4))", nl: "=KOR.START(DATUM(2025;12;4))" },
    result: { en: "1 April 2026", nl: "1 april 2026" },
  },
  {
    id: "STATUS",
    signature: "dates, amounts, [categories], [year], [previousYearTurnover]",
    returns: {
      en: `one sentence: verdict, turnover that counts, % of ${KOR_LIMIT.en}, crossing date or room left, previous year`,
      nl: `één zin: oordeel, omzet die meetelt, % van ${KOR_LIMIT.nl}, datum van overschrijding of resterende ruimte, vorig jaar`,
    },
    example: { en: "=KOR.STATUS(A2:A500, B2:B500, C2:C500)", nl: "=KOR.STATUS(A2:A500; B2:B500; C2:C500)" },
  },
  {
    id: "REPORT",
    signature: "dates, amounts, [categories], [year]",
    returns: {
      en: `a table that spills over 6 rows × 5 columns: header, one row per quarter (turnover, cumulative, % of ${KOR_LIMIT.en}, status) and a total`,
      nl: `een tabel van 6 rijen × 5 kolommen (overloopbereik): kop, een rij per kwartaal (omzet, cumulatief, % van ${KOR_LIMIT.nl}, status) en een totaal`,
    },
    example: { en: "=KOR.REPORT(A2:A500, B2:B500, C2:C500, 2026)", nl: "=KOR.REPORT(A2:A500; B2:B500; C2:C500; 2026)" },
  },
  {
    id: "ISCOUNTABLE",
    signature: "category",
    returns: {
      en: `TRUE / FALSE: does this category count toward ${KOR_LIMIT.en}`,
      nl: `WAAR / ONWAAR: telt deze categorie mee voor de ${KOR_LIMIT.nl}`,
    },
    example: { en: '=KOR.ISCOUNTABLE("vrij-og")', nl: '=KOR.ISCOUNTABLE("vrij-og")' },
    result: { en: "TRUE", nl: "WAAR" },
  },
  {
    id: "EUTURNOVER",
    signature: "dates, amounts, countries, [categories], [year]",
    returns: {
      en: `Union turnover of the year for the EU-KOR (${UNION_LIMIT.en} limit)`,
      nl: `omzet in de Unie van het jaar voor de EU-KOR (grens ${UNION_LIMIT.nl})`,
    },
    example: { en: "=KOR.EUTURNOVER(A2:A500, B2:B500, D2:D500, C2:C500)", nl: "=KOR.EUTURNOVER(A2:A500; B2:B500; D2:D500; C2:C500)" },
  },
  {
    id: "EUELIGIBLE",
    signature: "dates, amounts, countries, country, [categories], [year], [threshold], [previousYearUnionTurnover]",
    returns: {
      en: "TRUE / FALSE: can the EU-KOR exemption apply in that member state this year; `#N/A` asking for `threshold` where no verified national threshold exists",
      nl: "WAAR / ONWAAR: kan de vrijstelling van de EU-KOR dit jaar in die lidstaat gelden; `#N/B` met de vraag om `threshold` waar geen gecontroleerde nationale omzetgrens bekend is",
    },
    example: { en: '=KOR.EUELIGIBLE(A2:A500, B2:B500, D2:D500, "BE", C2:C500)', nl: '=KOR.EUELIGIBLE(A2:A500; B2:B500; D2:D500; "BE"; C2:C500)' },
  },
  {
    id: "REVISION",
    signature: "vatDeducted, firstUseDates, kinds, korStartDate, [year]",
    returns: {
      en: `the herziening due in that year after entering the KOR: the part of the VAT deducted on capital goods already in use that is repaid; 0 when the year's total is under ${REVISION_MINIMUM.en}`,
      nl: `de herziening in dat jaar na de start van de KOR: het deel van de afgetrokken btw op bedrijfsmiddelen die al in gebruik waren dat wordt terugbetaald; 0 als het totaal van het jaar onder ${REVISION_MINIMUM.nl} blijft`,
    },
    example: {
      en: "=KOR.REVISION(F2:F4, G2:G4, H2:H4, DATE(2021,1,1))",
      nl: "=KOR.REVISION(F2:F4; G2:G4; H2:H4; DATUM(2021;1;1))",
    },
    result: {
      en: "900 for a car first used on 1 January 2020 with €4,500 VAT deducted",
      nl: "900 voor een auto die op 1 januari 2020 in gebruik is genomen, met € 4.500 btw afgetrokken",
    },
  },
];

/** The README's functions table (English). */
export function functionTableMarkdown(): string {
  const lines = ["| formula | returns | example |", "|---|---|---|"];
  for (const f of FUNCTION_DOCS) lines.push(`| \`KOR.${f.id}(${f.signature})\` | ${f.returns.en} | \`${f.example.en}\`${f.result ? ` → ${f.result.en}` : ""} |`);
  return lines.join("\n");
}
