/**
 * The VAT codes and rate names that Dutch bookkeeping packages print in their sales exports, mapped to the
 * categories of kor-rules.md section 3. One table, with where each code comes from beside it; the reading
 * layer looks a category cell up here only when the house spellings (src/rules/categories.ts) do not know it.
 *
 * "sourced": the code and its meaning are published by the package (API reference, help page) or by public
 * code that talks to the package's API. "assumed": the name as the package's screens show it, written down
 * from what the packages are known to print; a user whose export differs maps it with `--codes` or the
 * pane's code table. docs/exports.md lists what was seen where.
 *
 * Codes whose meaning is not one category are "ambiguous" (refused with the choices, as a bare
 * `vrijgesteld` is): e-Boekhouden's GEEN ("no VAT") can be a KOR supply (counts) or an exempt one (does not).
 * "ambiguous-eu-supply": a 0% rate name for any supply to a business in another member state ("0% EU", "Binnen
 * EU"), which covers goods (icp, counts) and B2B services taxed in the customer's state (buitenland, does not
 * count): refused with those two choices, never read as either.
 */
import type { CategoryCode } from "../rules/types";

export type PackageTarget = CategoryCode | "ambiguous" | "ambiguous-eu-supply";

export interface PackageCode {
  readonly code: string;
  readonly category: PackageTarget;
  readonly packages: string;
  readonly source: string;
}

const ROMPSLOMP_API = "Rompslomp API v1 (api.rompslomp.nl) swagger, GET /companies/{id}/vat_types: name enum and friendly_name";
const EB_API = "e-Boekhouden REST API, mutation rows[].vatCode (api.e-boekhouden.nl docs) and its public SDKs";

export const PACKAGE_CODES: readonly PackageCode[] = [
  // e-Boekhouden.nl: BTW-codes of the API and of its exports (Overzichten → Mutaties / Facturen).
  { code: "HOOG_VERK_21", category: "21", packages: "e-Boekhouden", source: EB_API },
  { code: "HOOG_VERK", category: "21", packages: "e-Boekhouden", source: `${EB_API}: "BTW hoog, verkopen" (19% before 1 Oct 2012, 21% after)` },
  { code: "LAAG_VERK_9", category: "9", packages: "e-Boekhouden", source: EB_API },
  { code: "LAAG_VERK", category: "9", packages: "e-Boekhouden", source: `${EB_API}: "BTW laag, verkopen" (9% from 2019, 6% before)` },
  { code: "VERL_VERK", category: "verlegd", packages: "e-Boekhouden", source: `${EB_API}: "BTW verlegd 21% (1e op de btw-aangifte)"` },
  { code: "VERL_VERK_L9", category: "verlegd", packages: "e-Boekhouden", source: `${EB_API}: "BTW verlegd 9%"` },
  { code: "BU_EU_VERK", category: "export", packages: "e-Boekhouden", source: `${EB_API}: "Leveringen naar buiten de EU 0%"` },
  { code: "BI_EU_VERK", category: "icp", packages: "e-Boekhouden", source: `${EB_API}: "Goederen naar binnen de EU 0%"` },
  // B2B services to another member state: taxed there by reverse charge (kor-rules.md section 3, buitenland).
  { code: "BI_EU_VERK_D", category: "buitenland", packages: "e-Boekhouden", source: `${EB_API}: "Diensten naar binnen de EU 0%"` },
  // Distance sales taxed at destination.
  { code: "AFST_VERK", category: "buitenland", packages: "e-Boekhouden", source: `${EB_API}: "Afstandsverkopen naar binnen de EU 0%"` },
  { code: "GEEN", category: "ambiguous", packages: "e-Boekhouden", source: `${EB_API}: "Geen BTW" (KOR or exempt: not one category)` },
  { code: "HOOG_INK_21", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "HOOG_INK", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "LAAG_INK_9", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "LAAG_INK", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "VERL_INK", category: "inkoop", packages: "e-Boekhouden", source: `${EB_API}: "BTW verlegd, inkopen"` },
  { code: "VERL_INK_L9", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "BU_EU_INK", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  { code: "BI_EU_INK", category: "inkoop", packages: "e-Boekhouden", source: EB_API },
  // AFW / AFW_VERK ("afwijkend tarief") say nothing about the rate: left unknown, so the user maps them.

  // Rompslomp: the names of its VAT types (API vat_types[].name; the friendly names "hoog", "laag", "0%" are
  // in the house table). vat_low was the low rate before 2019 (6%), vat_low_new the 9% rate; both are the low
  // rate. vat_custom says nothing about the rate: left unknown, so the user maps it.
  { code: "vat_high", category: "21", packages: "Rompslomp", source: ROMPSLOMP_API },
  { code: "vat_low_new", category: "9", packages: "Rompslomp", source: ROMPSLOMP_API },
  { code: "vat_low", category: "9", packages: "Rompslomp", source: `${ROMPSLOMP_API}: the low rate (6% before 2019)` },
  { code: "vat_reverse_charged", category: "verlegd", packages: "Rompslomp", source: ROMPSLOMP_API },
  { code: "vat_zero", category: "0", packages: "Rompslomp", source: `${ROMPSLOMP_API}: friendly name "0%"` },
  { code: "vat_none", category: "ambiguous", packages: "Rompslomp", source: `${ROMPSLOMP_API}: no VAT (KOR or exempt: not one category)` },

  // Rate names as Moneybird, Exact Online, SnelStart and Twinfield show them on invoices and in exports.
  { code: "21% btw", category: "21", packages: "Moneybird", source: "assumed: Moneybird's default tax rate names" },
  { code: "9% btw", category: "9", packages: "Moneybird", source: "assumed: Moneybird's default tax rate names" },
  { code: "0% btw", category: "0", packages: "Moneybird", source: "assumed: Moneybird's default tax rate names" },
  { code: "Btw verlegd", category: "verlegd", packages: "Moneybird, SnelStart, Exact", source: "assumed: rate name on invoices (art. 12 reverse charge)" },
  // "0% EU" / "Binnen EU": the 0% rate for supplies to EU businesses, goods and services alike (a package that
  // tells them apart names them apart, as e-Boekhouden's BI_EU_VERK and BI_EU_VERK_D): not one category.
  { code: "0% EU", category: "ambiguous-eu-supply", packages: "Moneybird", source: "assumed: Moneybird rate for 0% supplies to EU businesses (goods or services)" },
  { code: "0% export", category: "export", packages: "Moneybird", source: "assumed: Moneybird rate for exports outside the EU" },
  { code: "Buiten EU", category: "export", packages: "Moneybird, SnelStart", source: "assumed: rate name for exports outside the EU" },
  { code: "Binnen EU", category: "ambiguous-eu-supply", packages: "SnelStart", source: "assumed: rate name for 0% supplies to EU businesses (goods or services)" },
  { code: "Hoog", category: "21", packages: "Exact Online, SnelStart, Twinfield", source: "assumed: Dutch rate names (also in the house table)" },
  { code: "Laag", category: "9", packages: "Exact Online, SnelStart, Twinfield", source: "assumed: Dutch rate names (also in the house table)" },
  { code: "BTW hoog 21%", category: "21", packages: "Exact Online", source: "assumed: Exact Online VAT code description" },
  { code: "BTW laag 9%", category: "9", packages: "Exact Online", source: "assumed: Exact Online VAT code description" },
  { code: "Verkopen hoog", category: "21", packages: "Twinfield, SnelStart", source: "assumed: VAT code description for sales" },
  { code: "Verkopen laag", category: "9", packages: "Twinfield, SnelStart", source: "assumed: VAT code description for sales" },
  { code: "Verkopen 0%", category: "0", packages: "Twinfield", source: "assumed: VAT code description for sales" },
  { code: "Verkopen verlegd", category: "verlegd", packages: "Twinfield", source: "assumed: VAT code description for sales" },
  { code: "ICP", category: "icp", packages: "Exact Online, Twinfield", source: "house table; the Belastingdienst's name for the listing" },
  { code: "Intracommunautair", category: "icp", packages: "Exact Online", source: "assumed: Exact Online VAT type for intra-community supplies" },
  // The ICP listing (Opgaaf intracommunautaire prestaties) has goods and B2B services apart: a code that says which
  // is one category. Services on it are B2B services reverse-charged in the customer's state (kor-rules.md section 3).
  { code: "ICP levering", category: "icp", packages: "Exact Online, Twinfield, SnelStart", source: "assumed: VAT code description for ICP supplies of goods" },
  { code: "ICP leveringen", category: "icp", packages: "Exact Online, Twinfield, SnelStart", source: "assumed: VAT code description for ICP supplies of goods" },
  { code: "ICP goederen", category: "icp", packages: "Exact Online, Twinfield, SnelStart", source: "assumed: VAT code description for ICP supplies of goods" },
  { code: "ICP diensten", category: "buitenland", packages: "Exact Online, Twinfield, SnelStart", source: "assumed: VAT code description for B2B services on the ICP listing (taxed in the customer's state)" },
  { code: "ICP dienst", category: "buitenland", packages: "Exact Online, Twinfield, SnelStart", source: "assumed: VAT code description for B2B services on the ICP listing (taxed in the customer's state)" },
  { code: "Export buiten EU", category: "export", packages: "Exact Online", source: "assumed: Exact Online VAT type" },
  { code: "Geen btw", category: "ambiguous", packages: "Moneybird, Exact Online, SnelStart", source: "house table: KOR or exempt, not one category" },
  { code: "Vrijgesteld", category: "ambiguous", packages: "all", source: "kor-rules.md section 3: a bare 'vrijgesteld' is ambiguous" },
  { code: "Vrijgesteld KOR", category: "kor", packages: "Moneybird, e-Boekhouden invoice texts", source: "assumed: text for KOR participants' invoices" },
];

/** Lower case, spaces, dots, hyphens, underscores and a trailing % dropped: "HOOG_VERK_21" → "hoogverk21". */
export function codeKey(raw: string): string {
  return raw
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s.\-_()]+/g, "")
    .replace(/%+$/, "");
}

const BY_KEY = new Map<string, PackageTarget>(PACKAGE_CODES.map((c) => [codeKey(c.code), c.category]));

/** The category of a package's VAT code or rate name, "ambiguous" / "ambiguous-eu-supply", or undefined when no package uses it. */
export function packageCategory(raw: string): PackageTarget | undefined {
  return BY_KEY.get(codeKey(raw));
}
