/**
 * Warnings a bookkeeper can act on (issue 16): a category text nobody can read as one category names its
 * cell and offers the choices in plain words; one choice maps every row with that text through the
 * workbook's code mapping, never changing the user's cells.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WarningSection } from "../../src/taskpane/components/ReportSections";
import { analyze, withCodeMapped, type SheetSettings } from "../../src/taskpane/model";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { InvoiceSource } from "../../src/excel/source";

const TODAY = dayFromIso("2026-11-27");
const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso));

function source(values: unknown[][], columnOffset = 0): InvoiceSource {
  return { key: "k", name: "Blad1", origin: "sheet", tableName: null, values, rowOffset: 0, columnOffset, headerRowIndex: null, partial: false };
}

// Sheet rows 2..5; 'vrijgesteld' on rows 3 and 5 (once with other case and spaces), 21% elsewhere.
const values = (): unknown[][] => [
  ["Datum", "Omschrijving", "Bedrag", "Btw-tarief"],
  [serial("2026-01-10"), "Advies", 1000, "21%"],
  [serial("2026-02-10"), "Huur", 5000, "vrijgesteld"],
  [serial("2026-03-10"), "Advies", 2000, "21%"],
  [serial("2026-04-10"), "Huur", 5000, " Vrijgesteld "],
];

describe("a bare 'vrijgesteld' in the pane's warnings", () => {
  const a = analyze(source(values()), {}, TODAY);
  const fixes = a.warnings.flatMap((w) => w.fixes ?? []);

  it("names the cell with its column letter and header, and offers vrij, vrij-og and kor in plain words", () => {
    // One warning for both rows (the same text, case aside: issue 9), so one choice covers them.
    const withFix = a.warnings.filter((w) => w.fixes !== undefined);
    expect(fixes.map((f) => f.cell.nl)).toEqual(["Rij 3, kolom D (Btw-tarief): 'vrijgesteld'"]);
    expect(withFix.map((w) => w.rows)).toEqual([[3, 5]]);
    expect(withFix[0].message.nl).toMatch(/^Rijen 3 en 5: categorie "vrijgesteld" is niet eenduidig/);
    expect(fixes[0].cell.en).toBe("Row 3, column D (Btw-tarief): 'vrijgesteld'");
    expect(fixes[0].count).toBe(2);
    expect(fixes[0].choices.map((c) => [c.category, c.label.nl])).toEqual([
      ["vrij", "zorg of onderwijs: telt niet mee"],
      ["vrij-og", "verhuur of verkoop van onroerend goed: telt mee"],
      ["kor", "vrijgesteld door de KOR: telt mee"],
    ]);
  });

  it("uses the column letter of the sheet when the data starts further right", () => {
    const shifted = analyze(source(values(), 2), {}, TODAY);
    expect(shifted.warnings.find((w) => w.fixes)?.fixes?.[0].cell.nl).toBe("Rij 3, kolom F (Btw-tarief): 'vrijgesteld'");
  });

  it("one choice maps every row with that text, the report recomputes, and the cells stay as they were", () => {
    const v = values();
    const before = JSON.stringify(v);
    const settings: SheetSettings = { codes: withCodeMapped(undefined, fixes[0].text, "vrij-og") };
    const after = analyze(source(v), settings, TODAY);
    expect(after.warnings.filter((w) => w.fixes !== undefined)).toEqual([]);
    expect(after.warnings.some((w) => w.message.en.includes("ambiguous"))).toBe(false);
    expect(after.table.rows.filter((r) => r.row === 3 || r.row === 5).map((r) => r.category)).toEqual(["vrij-og", "vrij-og"]);
    // vrij-og counts: 1000 + 5000 + 2000 + 5000 euros.
    expect(after.summary.countableCents).toBe(1_300_000);
    expect(JSON.stringify(v)).toBe(before);
    // Choosing again replaces the earlier choice (no code mapped twice).
    const again = withCodeMapped(settings.codes, "VRIJGESTELD", "vrij");
    expect(again).toEqual([{ code: "VRIJGESTELD", category: "vrij" }]);
    const redone = analyze(source(v), { codes: again }, TODAY);
    expect(redone.table.rows.filter((r) => r.row === 3 || r.row === 5).map((r) => r.category)).toEqual(["vrij", "vrij"]);
    expect(redone.summary.countableCents).toBe(300_000);
  });

  it("a firm's own unknown code names its first cell and offers every category", () => {
    const v = [["Datum", "Bedrag", "Code"], [serial("2026-01-10"), 100, "VV"], [serial("2026-01-11"), 100, "VV"]];
    const u = analyze(source(v), {}, TODAY);
    const fix = u.warnings.find((w) => w.fixes)?.fixes?.[0];
    expect(fix?.cell.nl).toBe("Rij 2, kolom C (Code): 'VV'");
    expect(fix?.count).toBe(2);
    expect(fix?.choices).toEqual([]);
    const mapped = analyze(source(v), { codes: withCodeMapped(undefined, "VV", "21") }, TODAY);
    expect(mapped.table.rows.map((r) => r.category)).toEqual(["21", "21"]);
  });

  it("several unknown codes in one warning: each code gets its own choices, its first cell named", () => {
    const v = [["Datum", "Bedrag", "Code"], [serial("2026-01-10"), 100, "VV"], [serial("2026-01-11"), 100, "HH"], [serial("2026-01-12"), 100, "VV"]];
    const u = analyze(source(v), {}, TODAY);
    const warning = u.warnings.find((w) => w.message.en.includes("VV"));
    expect(warning?.fixes?.map((f) => [f.cell.nl, f.count])).toEqual([
      ["Rij 2, kolom C (Code): 'VV'", 2],
      ["Rij 3, kolom C (Code): 'HH'", 1],
    ]);
    // One mapped: the other is still offered.
    const half = analyze(source(v), { codes: withCodeMapped(undefined, "VV", "21") }, TODAY);
    expect(half.warnings.flatMap((w) => w.fixes ?? []).map((f) => f.text)).toEqual(["HH"]);
  });
});

describe("the warning's choices in the pane", () => {
  const a = analyze(source(values()), {}, TODAY);
  const render = (lang: "nl" | "en"): string =>
    renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <WarningSection lang={lang} warnings={a.warnings} onFollow={() => undefined} onFix={() => undefined} />
      </FluentProvider>,
    );

  it("shows the cell, the plain choices as buttons and the codes behind a 'Welke waarden?' fold-out (nl)", () => {
    const html = render("nl");
    expect(html).toContain("Rij 3, kolom D (Btw-tarief): &#x27;vrijgesteld&#x27;");
    expect(html).toMatch(/data-testid="fix-vrij"[^>]*>zorg of onderwijs: telt niet mee</);
    expect(html).toMatch(/data-testid="fix-vrij-og"[^>]*>verhuur of verkoop van onroerend goed: telt mee</);
    expect(html).toMatch(/data-testid="fix-kor"[^>]*>vrijgesteld door de KOR: telt mee</);
    expect(html).toContain("alle 2 rijen met deze tekst");
    expect(html).toMatch(/<details><summary[^>]*>.*Welke waarden\?/);
    // Closed: the other categories are no keyboard stop until it is opened.
    expect(html).not.toContain('data-testid="fix-other"');
    expect(html).toContain("vrij-og: verhuur of verkoop van onroerend goed: telt mee");
  });

  it("in English", () => {
    const html = render("en");
    expect(html).toContain("Row 3, column D (Btw-tarief): &#x27;vrijgesteld&#x27;");
    expect(html).toContain("care or education: does not count");
    expect(html).toContain("Which values?");
  });

  it("offers no buttons without a handler (the cell is still named)", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <WarningSection lang="nl" warnings={a.warnings} onFollow={() => undefined} />
      </FluentProvider>,
    );
    expect(html).toContain("Rij 3, kolom D");
    expect(html).not.toContain("fix-vrij");
  });
});

describe("a package's '0% EU' in the pane's warnings", () => {
  it("offers goods (icp, counts) or a service taxed abroad (buitenland, does not count), and counts the row as chosen (was counted as icp)", () => {
    const v: unknown[][] = [
      ["Datum", "Omschrijving", "Bedrag", "Btw-tarief", "Land"],
      [serial("2026-01-10"), "Advies", 1000, "21% btw", "NL"],
      [serial("2026-02-10"), "Ontwerp", 5000, "0% EU", "DE"],
    ];
    const a = analyze(source(v), {}, TODAY);
    const fixes = a.warnings.flatMap((w) => w.fixes ?? []);
    expect(a.summary.countableCents).toBe(100000);
    expect(fixes.map((f) => f.cell.en)).toEqual(["Row 3, column D (Btw-tarief): '0% EU'"]);
    expect(fixes[0].choices.map((c) => [c.category, c.label.en])).toEqual([
      ["icp", "supply of goods to a business in another EU member state (icp): counts"],
      ["buitenland", "business service to a customer in another EU member state: does not count"],
    ]);
    const service = analyze(source(v), { codes: withCodeMapped(undefined, fixes[0].text, "buitenland") }, TODAY);
    expect(service.summary.countableCents).toBe(100000);
    expect(service.warnings.filter((w) => w.fixes !== undefined)).toEqual([]);
    const goods = analyze(source(v), { codes: withCodeMapped(undefined, fixes[0].text, "icp") }, TODAY);
    expect(goods.summary.countableCents).toBe(600000);
  });
});
