import { CATEGORIES, acceptedCodesText, categoryInfo, countsForKor, parseCategory } from "../../src/rules/categories";
import type { CategoryCode } from "../../src/rules/types";

const ok = (code: CategoryCode | null) => ({ kind: "ok", code });

describe("parseCategory", () => {
  it.each<[string, CategoryCode]>([
    ["21", "21"], ["21%", "21"], ["0.21", "21"], ["0,21", "21"], [" 21 % ", "21"], ["21.0", "21"],
    ["btw 21%", "21"], ["21% btw", "21"], ["BTW21", "21"], ["hoog", "21"], ["HOOG TARIEF", "21"], ["high", "21"], ["standard", "21"],
    ["9", "9"], ["9%", "9"], ["0.09", "9"], ["laag", "9"], ["laag tarief", "9"], ["low", "9"], ["reduced", "9"], ["btw 9%", "9"],
    ["0", "0"], ["0%", "0"], ["0.0", "0"], ["nul", "0"], ["zero", "0"], ["nultarief", "0"],
    ["kor", "kor"], ["KOR", "kor"], ["art25", "kor"], ["art. 25", "kor"], ["vrijgesteld kor", "kor"], ["geen btw kor", "kor"], ["Geen BTW (KOR)", "kor"], ["Vrijgesteld (KOR)", "kor"], ["btw (21%)", "21"],
    ["export", "export"], ["uitvoer", "export"],
    ["icp", "icp"], ["ICL", "icp"], ["intracommunautaire levering", "icp"],
    ["verlegd", "verlegd"], ["btw verlegd", "verlegd"], ["BTW-verlegd", "verlegd"], ["reverse charge", "verlegd"],
    ["afstand-nl", "afstand-nl"], ["afstandsverkoop nl", "afstand-nl"], ["Afstandsverkoop NL", "afstand-nl"],
    ["marge", "marge"], ["margeregeling", "marge"], ["margin", "marge"],
    ["vrij-og", "vrij-og"], ["vrijgesteld onroerend goed", "vrij-og"], ["verhuur", "vrij-og"], ["VRIJ OG", "vrij-og"],
    ["vrij-fin", "vrij-fin"], ["vrijgesteld financieel", "vrij-fin"], ["betaalmiddelen", "vrij-fin"], ["effecten", "vrij-fin"],
    ["vrij-verz", "vrij-verz"], ["vrijgesteld verzekering", "vrij-verz"],
    ["vrij-og-bijkomend", "vrij-og-bijkomend"], ["vrij og bijkomend", "vrij-og-bijkomend"], ["verhuur bijkomend", "vrij-og-bijkomend"],
    ["vrijgesteld onroerend goed ancillary", "vrij-og-bijkomend"],
    ["vrij-fin-bijkomend", "vrij-fin-bijkomend"], ["effecten bijkomend", "vrij-fin-bijkomend"],
    ["vrij-verz-bijkomend", "vrij-verz-bijkomend"], ["vrijgesteld verzekering bijkomend", "vrij-verz-bijkomend"],
    ["vrij", "vrij"], ["vrijgesteld overig", "vrij"], ["medisch", "vrij"], ["onderwijs", "vrij"], ["art11", "vrij"], ["Art. 11", "vrij"],
    // As packages name the art. 11 codes (a bare "Vrijgesteld" stays ambiguous).
    ["Vrijgesteld medisch", "vrij"], ["medisch vrijgesteld", "vrij"], ["Vrijgesteld onderwijs", "vrij"], ["vrijgesteld art. 11", "vrij"],
    ["Vrijgesteld artikel 11", "vrij"], ["exempt medical", "vrij"], ["exempt education", "vrij"],
    ["prive", "prive"], ["privé", "prive"], ["Privégebruik", "prive"], ["private use", "prive"],
    ["bedrijfsmiddel", "bedrijfsmiddel"], ["verkoop bedrijfsmiddel", "bedrijfsmiddel"], ["investeringsgoed", "bedrijfsmiddel"], ["capital asset", "bedrijfsmiddel"],
    ["buitenland", "buitenland"], ["dienst buitenland", "buitenland"], ["OSS", "buitenland"], ["afstandsverkoop eu", "buitenland"], ["taxed abroad", "buitenland"],
    ["inkoop", "inkoop"], ["verlegd inkoop", "inkoop"], ["purchase", "inkoop"],
  ])("reads %j as %s", (raw, code) => {
    expect(parseCategory(raw)).toEqual(ok(code));
  });

  it("accepts every alias in the table and every code itself", () => {
    for (const c of CATEGORIES) {
      expect(parseCategory(c.code)).toEqual(ok(c.code));
      for (const a of c.aliases) expect([a, parseCategory(a)]).toEqual([a, ok(c.code)]);
    }
  });

  it("reads an empty or blank cell as 'no category' (counted as turnover)", () => {
    expect(parseCategory("")).toEqual(ok(null));
    expect(parseCategory("   ")).toEqual(ok(null));
  });

  it.each(["vrijgesteld", "Vrijgesteld", "exempt", "EXEMPT", "vrijgesteld van btw", "geen btw"])("rejects bare %j as ambiguous", (raw) => {
    expect(parseCategory(raw)).toEqual({ kind: "ambiguous", about: "exempt" });
  });

  it.each(["eu dienst", "EU-dienst", "EU service", "eu diensten"])("refuses %j as ambiguous: taxed abroad or a service to an EU consumer taxed in NL (kor-rules.md section 3)", (raw) => {
    expect(parseCategory(raw)).toEqual({ kind: "ambiguous", about: "eu-service" });
  });

  it.each(["19", "6%", "0.06", "1", "btw", "hoogg", "vrij-og-bij", "ogbijkomend", "foo", "21 verlegd", "%"])("rejects %j as unknown", (raw) => {
    expect(parseCategory(raw)).toEqual({ kind: "unknown" });
  });

  it("keeps ancillary codes apart from the counting ones", () => {
    expect(parseCategory("vrij-og-bijkomend")).not.toEqual(parseCategory("vrij-og"));
    expect(parseCategory("vrijogbijkomend")).toEqual(ok("vrij-og-bijkomend"));
    expect(parseCategory("vrijog")).toEqual(ok("vrij-og"));
  });

  it("returns the same answer from its cache on repeated calls", () => {
    const first = parseCategory("Hoog Tarief");
    expect(parseCategory("Hoog Tarief")).toBe(first);
  });
});

describe("category table", () => {
  it.each<[CategoryCode | null, boolean]>([
    [null, true], ["21", true], ["9", true], ["0", true], ["kor", true], ["export", true], ["icp", true], ["verlegd", true],
    ["afstand-nl", true], ["marge", true], ["vrij-og", true], ["vrij-fin", true], ["vrij-verz", true],
    ["vrij-og-bijkomend", false], ["vrij-fin-bijkomend", false], ["vrij-verz-bijkomend", false],
    ["vrij", false], ["prive", false], ["bedrijfsmiddel", false], ["buitenland", false], ["inkoop", false],
  ])("counts %s for the KOR: %s", (code, counts) => {
    expect(countsForKor(code)).toBe(counts);
  });

  it("has 20 codes, each with nl and en label and reason", () => {
    expect(CATEGORIES).toHaveLength(20);
    for (const c of CATEGORIES) {
      expect(c.label.nl && c.label.en && c.reason.nl && c.reason.en).toBeTruthy();
    }
  });

  it("marks buitenland as Union turnover but not Dutch turnover, and vrij/prive/inkoop as neither", () => {
    expect(categoryInfo("buitenland")).toMatchObject({ countsNL: false, unionTurnover: true });
    for (const c of ["vrij", "prive", "bedrijfsmiddel", "inkoop", "vrij-og-bijkomend"] as const) {
      expect(categoryInfo(c).unionTurnover).toBe(false);
    }
  });

  it("gives the rate of 21, 9 and 0", () => {
    expect(categoryInfo("21").vatRatePercent).toBe(21);
    expect(categoryInfo("9").vatRatePercent).toBe(9);
    expect(categoryInfo("0").vatRatePercent).toBe(0);
  });

  it("lists the accepted codes for messages in both languages", () => {
    expect(acceptedCodesText("nl")).toContain("vrij-og-bijkomend");
    expect(acceptedCodesText("nl")).toContain("leeg");
    expect(acceptedCodesText("en")).toContain("empty");
  });
});
