import {
  EU_MEMBER_STATES, addWorkingDays, euEligibility, euQuarterDue, euQuarterlyReport, findEuCrossing,
  isEuMemberState, isEuMemberStateIn, nationalThreshold, turnoverPerState, unionStateOf, unionTurnover,
} from "../../src/rules/eu";
import { summarizeYear } from "../../src/rules/summary";
import { readRows } from "../../src/reading/rows";
import { d, eur, sheet } from "./helpers";
import { yearOf } from "../../src/rules/dates";

describe("member states", () => {
  it("has the 27 states, Greece as EL (its VAT code, as in VIES), not GR", () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(new Set(EU_MEMBER_STATES).size).toBe(27);
    expect(EU_MEMBER_STATES).toContain("EL");
    expect(EU_MEMBER_STATES).not.toContain("GR");
    expect(EU_MEMBER_STATES).not.toContain("GB");
  });
  it.each([["nl", true], ["GR", true], ["EL", true], ["GB", false], ["CH", false], ["NO", false], ["", false]])("%s → %s", (c, b) => {
    expect(isEuMemberState(c as string)).toBe(b);
  });
});

describe("Union turnover", () => {
  const rows = sheet(
    ["2026-01-10", 1_000, "21"],
    ["2026-01-11", 2_000, "buitenland", { country: "DE" }],
    ["2026-01-12", 4_000, "buitenland", { country: "US" }],
    ["2026-01-13", 8_000, "vrij", { country: "NL" }],
    ["2026-01-14", 16_000, "export", { country: "CH" }],
    ["2026-05-14", 300, "21", { country: "BE" }],
    ["2026-05-15", 500, "inkoop", { country: "BE" }],
  );

  it("counts KOR-countable rows (export included, whatever the country) and EU buitenland rows; not non-EU buitenland, vrij or inkoop", () => {
    expect(unionTurnover(rows, 2026)).toBe(eur(19_300));
  });

  it("books every KOR-countable row to NL whatever its country cell; buitenland rows to their state", () => {
    expect(turnoverPerState(rows, 2026)).toEqual(new Map([["DE", eur(2_000)], ["NL", eur(17_300)]]));
  });

  it("builds the quarterly report with every state of the year and 0 where a quarter has none", () => {
    const q = euQuarterlyReport(rows, 2026);
    expect(q.map((x) => x.quarter)).toEqual([1, 2, 3, 4]);
    expect(q[0].perState).toEqual([{ country: "DE", cents: eur(2_000) }, { country: "NL", cents: eur(17_000) }]);
    expect(q[1].perState).toEqual([{ country: "DE", cents: 0 }, { country: "NL", cents: eur(300) }]);
    expect(q[3].due).toBe(d("2027-01-31"));
  });
});

describe("the member state of a row (kor-rules.md section 7)", () => {
  const rows = sheet(
    ["2026-02-01", 1_000, "export", { country: "US" }],
    ["2026-02-02", 2_000, "icp", { country: "DE" }],
    ["2026-02-03", 4_000, "afstand-nl", { country: "DE" }],
    ["2026-02-04", 8_000, "buitenland", { country: "FR" }],
    ["2026-02-05", 16_000, "buitenland", { country: "US" }],
    ["2026-02-06", 32_000, "buitenland"],
  );

  it("is NL for exports, intra-community supplies and distance sales taxed in NL, whatever the country cell", () => {
    expect(unionStateOf(rows[0])).toBe("NL");
    expect(unionStateOf(rows[1])).toBe("NL");
    expect(unionStateOf(rows[2])).toBe("NL");
    expect(turnoverPerState(rows, 2026)).toEqual(new Map([["FR", eur(8_000)], ["NL", eur(7_000)]]));
  });

  it("places buitenland rows by their country; outside the EU or without a country they are not Union turnover", () => {
    expect(unionStateOf(rows[3])).toBe("FR");
    expect(unionStateOf(rows[4])).toBeNull();
    expect(unionStateOf(rows[5])).toBeNull();
    expect(unionTurnover(rows, 2026)).toBe(eur(15_000));
  });

  it("warns, row-numbered, for a buitenland row without a country when the EU section is shown", () => {
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.eu?.unionCents).toBe(eur(15_000));
    const w = s.problems.filter((p) => p.code === "foreign-without-country");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ row: 6, severity: "warning", column: "country" });
    expect(w[0].message.en).toContain("'buitenland' without a country: fill in the member state");
    expect(w[0].message.nl).toContain("'buitenland' zonder land: vul de lidstaat in");
  });

  it("does not book a buitenland row with country NL to NL: its state is unknown, left out and warned about, row-numbered", () => {
    // €16,000 Dutch turnover and €5,000 taxed abroad (but marked NL): NL stays at €16,000, under its €20,000.
    const nlRows = sheet(
      ["2025-05-01", 100, null, { country: "NL" }],
      ["2026-02-01", 16_000, null, { country: "NL" }],
      ["2026-03-01", 5_000, "buitenland", { country: "NL" }],
      ["2026-03-02", 700, "buitenland"],
    );
    expect(unionStateOf(nlRows[2])).toBeNull();
    expect(unionTurnover(nlRows, 2026)).toBe(eur(16_000));
    expect(turnoverPerState(nlRows, 2026)).toEqual(new Map([["NL", eur(16_000)]]));
    const s = summarizeYear(nlRows, { today: d("2026-06-01"), year: 2026 });
    expect(s.verdict).toBe("eligible");
    expect(s.eu?.unionCents).toBe(eur(16_000));
    expect(s.eu?.states.map((x) => [x.country, x.cents, x.withinThreshold])).toEqual([["NL", eur(16_000), true]]);
    const w = s.problems.filter((p) => p.code === "foreign-in-nl");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ row: 3, severity: "warning", column: "country", value: "NL" });
    expect(w[0].message.en).toBe(
      "Row 3: 'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member state where this turnover is taxed; if it is Dutch turnover, choose another category. This row is left out of Union turnover.",
    );
    expect(w[0].message.nl).toBe(
      "Rij 3: 'buitenland' (belast in het buitenland) met land NL spreekt zichzelf tegen. Vul de lidstaat in waar deze omzet belast is; is het Nederlandse omzet, kies dan een andere categorie. Deze rij telt niet mee in de EU-omzet.",
    );
    // The row without a country keeps its own warning.
    expect(s.problems.filter((p) => p.code === "foreign-without-country").map((p) => p.row)).toEqual([4]);
  });

  it("does not warn when there is no country column (no EU section)", () => {
    const s = summarizeYear(sheet(["2026-02-01", 1_000, "21"], ["2026-02-06", 500, "buitenland"]), { today: d("2026-03-01"), year: 2026 });
    expect(s.eu).toBeNull();
    expect(s.problems.filter((p) => p.code === "foreign-without-country")).toHaveLength(0);
  });
});

describe("a row counted as Dutch turnover whose country is another member state (kor-rules.md sections 3 and 7)", () => {
  // Worked example 18 entered with empty categories: the BE and AT rows are, read literally, supplies made there.
  const rows = sheet(
    ["2025-06-01", 60_000, null, { country: "BE" }],
    ["2026-02-01", 18_000, null, { country: "NL" }],
    ["2026-03-01", 24_000, null, { country: "BE" }],
    ["2026-04-01", 40_000, "21", { country: "AT" }],
    ["2026-05-01", 1_000, "icp", { country: "DE" }],
    ["2026-05-02", 1_000, "export", { country: "US" }],
    ["2026-05-03", 1_000, "afstand-nl", { country: "FR" }],
    ["2026-05-04", 1_000, "verlegd", { country: "NL" }],
    ["2026-05-05", 1_000, "kor", { country: "BE" }],
    ["2026-05-06", 1_000, "buitenland", { country: "BE" }],
    ["2026-05-07", 1_000, null, { country: "US" }],
  );

  it("keeps booking them to NL, and warns per state with the rows (grouped), in Dutch and English", () => {
    const s = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 });
    expect(s.countableCents).toBe(eur(88_000));
    expect(s.eu?.states.find((x) => x.country === "NL")?.cents).toBe(eur(88_000));
    const w = s.problems.filter((p) => p.code === "counted-nl-country-abroad");
    expect(w.map((p) => [p.value, p.rows, p.count, p.severity, p.column])).toEqual([
      ["BE", [3, 9], 2, "warning", "country"],
      ["AT", [4], 1, "warning", "country"],
    ]);
    expect(w[0].message.en).toBe(
      "Rows 3 and 9: counted as Dutch turnover, but the country is BE. If the supplies are made in BE (taxed or exempt there, e.g. under the EU-KOR), give them the category 'buitenland'; if they are Dutch supplies to customers in BE, leave them.",
    );
    expect(w[0].message.nl).toBe(
      "Rijen 3 en 9: meegeteld als Nederlandse omzet, maar het land is BE. Zijn de leveringen of diensten in BE verricht (daar belast of vrijgesteld, bijvoorbeeld onder de EU-KOR), geef de rijen dan de categorie 'buitenland'; zijn het Nederlandse leveringen of diensten aan klanten in BE, laat de rijen dan zo.",
    );
    expect(w[1].message.en).toBe(
      "Row 4: counted as Dutch turnover, but the country is AT. If the supply is made in AT (taxed or exempt there, e.g. under the EU-KOR), give it the category 'buitenland'; if it is a Dutch supply to a customer in AT, leave it.",
    );
  });

  it("keeps each year's rows to that year's report", () => {
    const s = summarizeYear(rows, { today: d("2026-06-01"), year: 2025 });
    const w = s.problems.filter((p) => p.code === "counted-nl-country-abroad");
    expect(w.map((p) => [p.value, p.rows])).toEqual([["BE", [1]]]);
  });

  it("does not name the EU-KOR before 2025", () => {
    const s = summarizeYear(sheet(["2024-03-01", 500, "9", { country: "DE" }]), { today: d("2024-06-01"), year: 2024 });
    const w = s.problems.filter((p) => p.code === "counted-nl-country-abroad");
    expect(w.map((p) => p.message.en)).toEqual([
      "Row 1: counted as Dutch turnover, but the country is DE. If the supply is made in DE (taxed or exempt there), give it the category 'buitenland'; if it is a Dutch supply to a customer in DE, leave it.",
    ]);
  });
});

describe("a row counted as Dutch turnover whose country is outside the EU (kor-rules.md sections 3 and 7)", () => {
  // Read literally, the countries column says the supply is made there: goods shipped out of the EU are `export`
  // (counted), a service supplied there is `buitenland` (not counted), a Dutch sale to a tourist stays as it is.
  const rows = sheet(
    ["2026-02-01", 5_000, null, { country: "US" }],
    ["2026-02-02", 1_000, "21", { country: "CH" }],
    ["2026-02-03", 2_000, null, { country: "US" }],
    ["2026-02-04", 700, "marge", { country: "GB" }],
    ["2026-02-05", 300, "0", { country: "BE" }],
    ["2026-02-06", 1_000, "export", { country: "US" }],
    ["2026-02-07", 1_000, "icp", { country: "NO" }],
    ["2026-02-08", 1_000, "afstand-nl", { country: "CH" }],
    ["2026-02-09", 1_000, "verlegd", { country: "US" }],
    ["2026-02-10", 1_000, "buitenland", { country: "US" }],
    ["2026-02-11", 1_000, "vrij", { country: "US" }],
    ["2026-02-12", 1_000, null, { country: "NL" }],
    ["2026-02-13", 1_000, null],
    ["2026-02-14", 400, "vrij-og", { country: "NO" }],
  );
  const outsideEu = (s: ReturnType<typeof summarizeYear>) => s.problems.filter((p) => p.code === "counted-nl-country-outside-eu");

  it("warns per country with the rows (grouped), in sheet order; the numbers stay as they are", () => {
    const s = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 });
    const withoutCountries = summarizeYear(rows.map((r) => ({ ...r, country: null })), { today: d("2026-06-01"), year: 2026 });
    expect(s.countableCents).toBe(withoutCountries.countableCents);
    expect(s.countableCents).toBe(eur(15_400));
    expect(s.eu?.states.find((x) => x.country === "NL")?.cents).toBe(eur(15_400));
    expect(outsideEu(s).map((p) => [p.value, p.row, p.rows, p.count, p.severity, p.column])).toEqual([
      ["US", 1, [1, 3], 2, "warning", "country"],
      ["CH", 2, [2], 1, "warning", "country"],
      ["GB", 4, [4], 1, "warning", "country"],
      ["NO", 14, [14], 1, "warning", "country"],
    ]);
    // A member state keeps its own warning; NL, no country and the categories that carry a foreign customer get none (icp with NO
    // and afstand-nl with CH have warnings of their own, see below).
    expect(s.problems.filter((p) => p.code === "counted-nl-country-abroad").map((p) => [p.value, p.rows])).toEqual([["BE", [5]]]);
  });

  it("says what to check: export for goods shipped out of the EU, buitenland for a service supplied there, else leave it", () => {
    const [us, ch] = outsideEu(summarizeYear(rows, { today: d("2026-06-01"), year: 2026 }));
    expect(us.message.en).toBe(
      "Rows 1 and 3: counted as Dutch turnover, but the country is US, outside the EU. If they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit); if they are services supplied in US (as most services to a business there are), give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are Dutch supplies to customers from US (for example tourists buying here), leave them.",
    );
    expect(us.message.nl).toBe(
      "Rijen 1 en 3: meegeteld als Nederlandse omzet, maar het land is US, buiten de EU. Gaat het om goederen die naar buiten de EU zijn verzonden, geef de rijen dan de categorie 'export' (de rijen blijven meetellen voor de omzetgrens); gaat het om diensten die in US zijn verricht (zoals de meeste diensten aan ondernemers daar), geef de rijen dan de categorie 'buitenland' (de rijen tellen dan niet meer mee voor de omzetgrens); zijn het Nederlandse leveringen of diensten aan klanten uit US (bijvoorbeeld toeristen die hier kopen), laat de rijen dan zo.",
    );
    expect(ch.message.en).toBe(
      "Row 2: counted as Dutch turnover, but the country is CH, outside the EU. If it is a sale of goods shipped out of the EU, give it the category 'export' (it still counts toward the turnover limit); if it is a service supplied in CH (as most services to a business there are), give it the category 'buitenland' (it then no longer counts toward the turnover limit); if it is a Dutch supply to a customer from CH (for example a tourist buying here), leave it.",
    );
    expect(ch.message.nl).toBe(
      "Rij 2: meegeteld als Nederlandse omzet, maar het land is CH, buiten de EU. Gaat het om goederen die naar buiten de EU zijn verzonden, geef de rij dan de categorie 'export' (de rij blijft meetellen voor de omzetgrens); gaat het om een dienst die in CH is verricht (zoals de meeste diensten aan een ondernemer daar), geef de rij dan de categorie 'buitenland' (de rij telt dan niet meer mee voor de omzetgrens); is het een Nederlandse levering of dienst aan een klant uit CH (bijvoorbeeld een toerist die hier koopt), laat de rij dan zo.",
    );
  });

  it("warns in years before the EU-KOR too (no EU section), and not without a country column", () => {
    const s = summarizeYear(sheet(["2023-03-01", 500, null, { country: "US" }]), { today: d("2023-06-01"), year: 2023 });
    expect(s.eu).toBeNull();
    expect(outsideEu(s).map((p) => [p.value, p.rows])).toEqual([["US", [1]]]);
    expect(outsideEu(summarizeYear(sheet(["2023-03-01", 500, null]), { today: d("2023-06-01"), year: 2023 }))).toEqual([]);
  });

  it("takes the row's year for the United Kingdom: a member state for VAT through 2020 (transition period), outside the EU from 2021", () => {
    const gb = sheet(["2020-11-01", 500, null, { country: "GB" }], ["2021-02-01", 500, null, { country: "GB" }]);
    const in2020 = summarizeYear(gb, { today: d("2021-06-01"), year: 2020 });
    expect(in2020.problems.filter((p) => p.code === "counted-nl-country-abroad").map((p) => [p.value, p.rows])).toEqual([["GB", [1]]]);
    expect(outsideEu(in2020)).toEqual([]);
    const in2021 = summarizeYear(gb, { today: d("2021-06-01"), year: 2021 });
    expect(outsideEu(in2021).map((p) => [p.value, p.rows])).toEqual([["GB", [2]]]);
    expect(in2021.problems.filter((p) => p.code === "counted-nl-country-abroad")).toEqual([]);
  });

  it("does not warn about a country cell that is not an ISO code (the reading layer refuses those rows)", () => {
    const s = summarizeYear(sheet(["2026-03-01", 500, null, { country: "XX" }], ["2026-03-02", 500, null, { country: "USA" }], ["2026-03-03", 500, null, { country: " " }]), {
      today: d("2026-06-01"),
      year: 2026,
    });
    expect(outsideEu(s)).toEqual([]);
  });
});

describe("a `verlegd` row whose country is outside the EU (kor-rules.md section 3)", () => {
  // `verlegd` is VAT reverse-charged to a Dutch business customer. A country outside the EU contradicts that: a
  // service to a business there is usually supplied there (`buitenland`, not counted), goods shipped out of the EU
  // are `export` (counted). Only the user can tell: the rows stay counted, the summary warns per country.
  const rows = sheet(
    ["2026-02-01", 10_000, "verlegd", { country: "US" }],
    ["2026-02-02", 2_000, "verlegd", { country: "CH" }],
    ["2026-02-03", 5_000, "verlegd", { country: "us" }],
    ["2026-02-04", 1_000, "verlegd", { country: "NL" }],
    ["2026-02-05", 1_000, "verlegd"],
    ["2026-02-06", 500, "verlegd", { country: "USA" }],
    ["2026-02-07", 500, null, { country: "US" }],
    ["2026-02-08", 700, "verlegd", { country: "NO" }],
  );
  const year2026 = { today: d("2026-06-01"), year: 2026 };
  const verlegdOutside = (s: ReturnType<typeof summarizeYear>) => s.problems.filter((p) => p.code === "verlegd-country-outside-eu");

  it("warns per country with the rows (grouped), in sheet order; the numbers stay as they are", () => {
    const s = summarizeYear(rows, year2026);
    const withoutCountries = summarizeYear(rows.map((r) => ({ ...r, country: null })), year2026);
    expect(s.countableCents).toBe(eur(20_700));
    expect(s.countableCents).toBe(withoutCountries.countableCents);
    expect(s.crossing).toEqual(withoutCountries.crossing);
    expect(verlegdOutside(s).map((p) => [p.value, p.row, p.rows, p.count, p.severity, p.column])).toEqual([
      ["US", 1, [1, 3], 2, "warning", "country"],
      ["CH", 2, [2], 1, "warning", "country"],
      ["NO", 8, [8], 1, "warning", "country"],
    ]);
    // The empty-category US row keeps its own warning, and is not folded into the verlegd one.
    expect(s.problems.filter((p) => p.code === "counted-nl-country-outside-eu").map((p) => [p.value, p.rows])).toEqual([["US", [7]]]);
  });

  it("says what verlegd is for and what to check: buitenland for a service to a business there, export for goods, verlegd only for a Dutch reverse charge", () => {
    const [us, ch] = verlegdOutside(summarizeYear(rows, year2026));
    expect(us.message.en).toBe(
      "Rows 1 and 3: 'verlegd' with country US, outside the EU, is counted as Dutch turnover. 'verlegd' is for VAT reverse-charged to a Dutch business customer. If they are services to business customers in US, those are usually supplied there: give them the category 'buitenland' (they then no longer count toward the turnover limit); if they are sales of goods shipped out of the EU, give them the category 'export' (they still count toward the turnover limit). Leave them 'verlegd' only if the customer really owes Dutch VAT on them.",
    );
    expect(us.message.nl).toBe(
      "Rijen 1 en 3: 'verlegd' met land US, buiten de EU, is meegeteld als Nederlandse omzet. 'verlegd' is voor btw die verlegd wordt naar een Nederlandse zakelijke klant. Gaat het om diensten aan ondernemers in US, dan worden die meestal daar verricht: geef de rijen dan de categorie 'buitenland' (de rijen tellen dan niet meer mee voor de omzetgrens); gaat het om goederen die naar buiten de EU zijn verzonden, geef de rijen dan de categorie 'export' (de rijen blijven meetellen voor de omzetgrens). Laat 'verlegd' alleen staan als de klant hierover echt Nederlandse btw verschuldigd is.",
    );
    expect(ch.message.en).toBe(
      "Row 2: 'verlegd' with country CH, outside the EU, is counted as Dutch turnover. 'verlegd' is for VAT reverse-charged to a Dutch business customer. If it is a service to a business customer in CH, it is usually supplied there: give it the category 'buitenland' (it then no longer counts toward the turnover limit); if it is a sale of goods shipped out of the EU, give it the category 'export' (it still counts toward the turnover limit). Leave it 'verlegd' only if the customer really owes Dutch VAT on it.",
    );
    expect(ch.message.nl).toBe(
      "Rij 2: 'verlegd' met land CH, buiten de EU, is meegeteld als Nederlandse omzet. 'verlegd' is voor btw die verlegd wordt naar een Nederlandse zakelijke klant. Gaat het om een dienst aan een ondernemer in CH, dan wordt die meestal daar verricht: geef de rij dan de categorie 'buitenland' (de rij telt dan niet meer mee voor de omzetgrens); gaat het om goederen die naar buiten de EU zijn verzonden, geef de rij dan de categorie 'export' (de rij blijft meetellen voor de omzetgrens). Laat 'verlegd' alleen staan als de klant hierover echt Nederlandse btw verschuldigd is.",
    );
  });

  it("says nothing for NL, no country or a text that is not an ISO code", () => {
    const s = summarizeYear(sheet(["2026-03-01", 500, "verlegd", { country: "NL" }], ["2026-03-02", 500, "verlegd"], ["2026-03-03", 500, "verlegd", { country: "XX" }], ["2026-03-04", 500, "verlegd", { country: " " }]), year2026);
    expect(verlegdOutside(s)).toEqual([]);
    expect(s.countableCents).toBe(eur(2_000));
  });

  it("leaves a verlegd row with another member state to the reading layer: buitenland of that state, said once, without this warning", () => {
    const read = readRows({
      dates: [["1-2-2026"], ["2-2-2026"]],
      amounts: [[1000], [2000]],
      categories: [["verlegd"], ["verlegd"]],
      countries: [["DE"], ["US"]],
    });
    expect(read.rows.map((r) => [r.category, r.country])).toEqual([["buitenland", "DE"], ["verlegd", "US"]]);
    expect(read.problems.map((p) => p.code)).toEqual(["reverse-charge-abroad"]);
    const s = summarizeYear(read.rows, year2026);
    expect(s.countableCents).toBe(eur(2_000));
    expect(verlegdOutside(s).map((p) => [p.value, p.rows])).toEqual([["US", [2]]]);
  });

  it("places a verlegd row with GB by its year: in 2020 (the transition period) buitenland of GB, not counted, as for any member state; from 2021 counted and warned", () => {
    const read = readRows({
      dates: [["1-11-2020"], ["1-2-2021"]],
      amounts: [[15000], [15000]],
      categories: [["verlegd"], ["verlegd"]],
      countries: [["GB"], ["GB"]],
    });
    expect(read.rows.map((r) => [r.category, r.country])).toEqual([["buitenland", "GB"], ["verlegd", "GB"]]);
    expect(read.problems.map((p) => [p.code, p.row])).toEqual([["reverse-charge-abroad", 1]]);
    expect(summarizeYear(read.rows, { today: d("2021-06-01"), year: 2020 }).countableCents).toBe(0);
    expect(summarizeYear(read.rows, { today: d("2021-06-01"), year: 2021 }).countableCents).toBe(eur(15_000));
  });

  it("takes the row's year for the United Kingdom: warned from 2021, not in 2020 (still a member state for VAT)", () => {
    const gb = sheet(["2020-11-01", 500, "verlegd", { country: "GB" }], ["2021-02-01", 500, "verlegd", { country: "GB" }]);
    expect(verlegdOutside(summarizeYear(gb, { today: d("2021-06-01"), year: 2020 }))).toEqual([]);
    const in2021 = summarizeYear(gb, { today: d("2021-06-01"), year: 2021 });
    expect(verlegdOutside(in2021).map((p) => [p.value, p.rows])).toEqual([["GB", [2]]]);
    expect(in2021.countableCents).toBe(eur(500));
  });
});

describe("export, icp and afstand-nl rows whose country contradicts the category (kor-rules.md sections 3 and 7)", () => {
  // `export` is goods shipped out of the EU, `icp` goods shipped to a business in another member state, `afstand-nl`
  // goods sold to a consumer in another member state (taxed in NL). A country on the wrong side of the EU's border
  // contradicts the category; the right one (icp or afstand-nl for export, export for the other two) counts all the
  // same, so the rows stay as they are and the summary warns per kind and country. NL is where these supplies are
  // made (section 7), so NL, like no country, is no contradiction.
  const rows = sheet(
    ["2026-02-01", 6_000, "export", { country: "DE" }],
    ["2026-02-02", 2_000, "export", { country: "US" }],
    ["2026-02-03", 3_000, "icp", { country: "DE" }],
    ["2026-02-04", 4_000, "icp", { country: "US" }],
    ["2026-02-05", 500, "export", { country: "de" }],
    ["2026-02-06", 700, "icp", { country: "CH" }],
    ["2026-02-07", 800, "afstand-nl", { country: "BE" }],
    ["2026-02-08", 900, "afstand-nl", { country: "US" }],
    ["2026-02-09", 100, "export", { country: "NL" }],
    ["2026-02-10", 100, "icp", { country: "NL" }],
    ["2026-02-11", 100, "afstand-nl", { country: "NL" }],
    ["2026-02-12", 100, "export"],
    ["2026-02-13", 100, "icp"],
    ["2026-02-14", 200, "export", { country: "EL" }],
    ["2026-02-15", 100, "icp", { country: "XX" }],
    ["2026-02-16", 300, null, { country: "US" }],
    ["2026-02-17", 1_000, "icp", { country: "US" }],
    ["2026-02-18", 50, "afstand-nl", { country: "NO" }],
  );
  const year2026 = { today: d("2026-06-01"), year: 2026 };
  const CODES = ["export-country-in-eu", "icp-country-outside-eu", "afstand-nl-country-outside-eu"];
  const of = (s: ReturnType<typeof summarizeYear>, code: string) => s.problems.filter((p) => p.code === code);

  it("warns per kind and country with the rows (grouped), in sheet order", () => {
    const s = summarizeYear(rows, year2026);
    expect(of(s, "export-country-in-eu").map((p) => [p.value, p.row, p.rows, p.count, p.severity, p.column])).toEqual([
      ["DE", 1, [1, 5], 2, "warning", "country"],
      ["EL", 14, [14], 1, "warning", "country"],
    ]);
    expect(of(s, "icp-country-outside-eu").map((p) => [p.value, p.row, p.rows, p.count, p.severity, p.column])).toEqual([
      ["US", 4, [4, 17], 2, "warning", "country"],
      ["CH", 6, [6], 1, "warning", "country"],
    ]);
    expect(of(s, "afstand-nl-country-outside-eu").map((p) => [p.value, p.row, p.rows, p.count, p.severity, p.column])).toEqual([
      ["US", 8, [8], 1, "warning", "country"],
      ["NO", 18, [18], 1, "warning", "country"],
    ]);
    // The empty-category US row keeps its own warning; export with US, icp with DE, afstand-nl with BE, NL or no country get none.
    expect(of(s, "counted-nl-country-outside-eu").map((p) => [p.value, p.rows])).toEqual([["US", [16]]]);
    expect(of(s, "counted-nl-country-abroad")).toEqual([]);
  });

  it("changes no number: the summary is the one of the same rows with NL as their country, apart from these warnings", () => {
    const s = summarizeYear(rows, year2026);
    const flagged = new Set(s.problems.filter((p) => CODES.includes(p.code)).flatMap((p) => p.rows ?? []));
    expect([...flagged].sort((a, b) => a - b)).toEqual([1, 4, 5, 6, 8, 14, 17, 18]);
    const asNl = summarizeYear(rows.map((r) => (flagged.has(r.row) ? { ...r, country: "NL" } : r)), year2026);
    expect(of(asNl, "export-country-in-eu").concat(of(asNl, "icp-country-outside-eu"), of(asNl, "afstand-nl-country-outside-eu"))).toEqual([]);
    expect({ ...s, problems: s.problems.filter((p) => !CODES.includes(p.code)) }).toEqual(asNl);
    expect(s.countableCents).toBe(eur(20_050));
    expect(s.crossing?.row).toBe(18);
    expect(s.eu?.states.find((x) => x.country === "NL")?.cents).toBe(eur(20_050));
  });

  it("says what the category is for, which one fits, and that the numbers do not change", () => {
    const s = summarizeYear(rows, year2026);
    const [de, gr] = of(s, "export-country-in-eu");
    expect(de.message.en).toBe(
      "Rows 1 and 5: 'export' with country DE, within the EU. 'export' is for goods shipped out of the EU. If the goods were shipped to businesses with a VAT number in DE, give them the category 'icp'; if they were shipped to consumers in DE (distance sales), they are 'afstand-nl' while the VAT on them is due in the Netherlands, or 'buitenland' when it is due in DE (above the limit for distance sales); as 'buitenland' they do not count toward the turnover limit. As 'icp' or 'afstand-nl' they count just the same: the numbers do not change.",
    );
    expect(de.message.nl).toBe(
      "Rijen 1 en 5: 'export' met land DE, binnen de EU. 'export' is voor goederen die naar buiten de EU zijn verzonden. Zijn de goederen naar ondernemers met een btw-nummer in DE verzonden, geef de rijen dan de categorie 'icp'; zijn ze naar particulieren in DE verzonden (afstandsverkopen), dan is het 'afstand-nl' zolang de btw erover in Nederland verschuldigd is, of 'buitenland' als die in DE verschuldigd is (boven de grens voor afstandsverkopen); als 'buitenland' tellen de rijen niet mee voor de omzetgrens. Als 'icp' of 'afstand-nl' blijven de rijen net zo meetellen: de cijfers veranderen niet.",
    );
    expect(gr.message.en).toBe(
      "Row 14: 'export' with country EL, within the EU. 'export' is for goods shipped out of the EU. If the goods were shipped to a business with a VAT number in EL, give it the category 'icp'; if they were shipped to a consumer in EL (a distance sale), it is 'afstand-nl' while the VAT on it is due in the Netherlands, or 'buitenland' when it is due in EL (above the limit for distance sales); as 'buitenland' it does not count toward the turnover limit. As 'icp' or 'afstand-nl' it counts just the same: the numbers do not change.",
    );
    expect(gr.message.nl).toBe(
      "Rij 14: 'export' met land EL, binnen de EU. 'export' is voor goederen die naar buiten de EU zijn verzonden. Zijn de goederen naar een ondernemer met een btw-nummer in EL verzonden, geef de rij dan de categorie 'icp'; zijn ze naar een particulier in EL verzonden (een afstandsverkoop), dan is het 'afstand-nl' zolang de btw erover in Nederland verschuldigd is, of 'buitenland' als die in EL verschuldigd is (boven de grens voor afstandsverkopen); als 'buitenland' telt de rij niet mee voor de omzetgrens. Als 'icp' of 'afstand-nl' blijft de rij net zo meetellen: de cijfers veranderen niet.",
    );
    const [us, ch] = of(s, "icp-country-outside-eu");
    expect(us.message.en).toBe(
      "Rows 4 and 17: 'icp' with country US, outside the EU. 'icp' (intra-community supply) is for goods shipped to a business in another EU country. If the goods were shipped out of the EU, give them the category 'export'. They still count toward the turnover limit just the same: the numbers do not change.",
    );
    expect(us.message.nl).toBe(
      "Rijen 4 en 17: 'icp' met land US, buiten de EU. 'icp' (intracommunautaire levering) is voor goederen die naar een ondernemer in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rijen dan de categorie 'export'. De rijen blijven dan net zo meetellen voor de omzetgrens: de cijfers veranderen niet.",
    );
    expect(ch.message.en).toBe(
      "Row 6: 'icp' with country CH, outside the EU. 'icp' (intra-community supply) is for goods shipped to a business in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same: the numbers do not change.",
    );
    expect(ch.message.nl).toBe(
      "Rij 6: 'icp' met land CH, buiten de EU. 'icp' (intracommunautaire levering) is voor goederen die naar een ondernemer in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rij dan de categorie 'export'. De rij blijft dan net zo meetellen voor de omzetgrens: de cijfers veranderen niet.",
    );
    const [afstand] = of(s, "afstand-nl-country-outside-eu");
    expect(afstand.message.en).toBe(
      "Row 8: 'afstand-nl' with country US, outside the EU. 'afstand-nl' is for goods shipped to a consumer in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same (the numbers do not change), but no longer toward the €10,000 limit for distance sales within the EU.",
    );
    expect(afstand.message.nl).toBe(
      "Rij 8: 'afstand-nl' met land US, buiten de EU. 'afstand-nl' is voor goederen die naar een particulier in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rij dan de categorie 'export'. De rij blijft dan net zo meetellen voor de omzetgrens (de cijfers veranderen niet), maar telt niet meer mee voor de grens van € 10.000 voor afstandsverkopen binnen de EU.",
    );
  });

  it("names the plural of afstand-nl too", () => {
    const s = summarizeYear(sheet(["2026-03-01", 500, "afstand-nl", { country: "CH" }], ["2026-03-02", 500, "afstand-nl", { country: "CH" }]), year2026);
    const [ch] = of(s, "afstand-nl-country-outside-eu");
    expect(ch.message.en).toBe(
      "Rows 1 and 2: 'afstand-nl' with country CH, outside the EU. 'afstand-nl' is for goods shipped to consumers in another EU country. If the goods were shipped out of the EU, give them the category 'export'. They still count toward the turnover limit just the same (the numbers do not change), but no longer toward the €10,000 limit for distance sales within the EU.",
    );
    expect(ch.message.nl).toBe(
      "Rijen 1 en 2: 'afstand-nl' met land CH, buiten de EU. 'afstand-nl' is voor goederen die naar particulieren in een ander EU-land zijn verzonden. Zijn de goederen naar buiten de EU verzonden, geef de rijen dan de categorie 'export'. De rijen blijven dan net zo meetellen voor de omzetgrens (de cijfers veranderen niet), maar tellen niet meer mee voor de grens van € 10.000 voor afstandsverkopen binnen de EU.",
    );
  });

  it("takes the row's year for the United Kingdom: in 2020 export warns and icp is fine, from 2021 icp and afstand-nl warn and export is fine", () => {
    const gb = sheet(
      ["2020-11-01", 500, "icp", { country: "GB" }],
      ["2020-11-02", 500, "export", { country: "GB" }],
      ["2020-11-03", 500, "afstand-nl", { country: "GB" }],
      ["2021-02-01", 500, "icp", { country: "GB" }],
      ["2021-02-02", 500, "export", { country: "GB" }],
      ["2021-02-03", 500, "afstand-nl", { country: "GB" }],
    );
    const in2020 = summarizeYear(gb, { today: d("2021-06-01"), year: 2020 });
    expect(in2020.problems.filter((p) => CODES.includes(p.code)).map((p) => [p.code, p.value, p.rows])).toEqual([["export-country-in-eu", "GB", [2]]]);
    const in2021 = summarizeYear(gb, { today: d("2021-06-01"), year: 2021 });
    expect(in2021.problems.filter((p) => CODES.includes(p.code)).map((p) => [p.code, p.value, p.rows])).toEqual([
      ["icp-country-outside-eu", "GB", [4]],
      ["afstand-nl-country-outside-eu", "GB", [6]],
    ]);
    expect([in2020.countableCents, in2021.countableCents]).toEqual([eur(1_500), eur(1_500)]);
  });

  it("leaves out the €10,000 distance-sales limit in a year before it applied (July 2021)", () => {
    const s = summarizeYear(sheet(["2020-05-01", 500, "afstand-nl", { country: "US" }]), { today: d("2021-06-01"), year: 2020 });
    expect(of(s, "afstand-nl-country-outside-eu").map((p) => p.message.en)).toEqual([
      "Row 1: 'afstand-nl' with country US, outside the EU. 'afstand-nl' is for goods shipped to a consumer in another EU country. If the goods were shipped out of the EU, give it the category 'export'. It still counts toward the turnover limit just the same: the numbers do not change.",
    ]);
  });

  it("the reading layer keeps the category and the country as typed, without a word of its own", () => {
    const read = readRows({
      dates: [["1-2-2026"], ["2-2-2026"], ["3-2-2026"]],
      amounts: [[1000], [2000], [3000]],
      categories: [["export"], ["icp"], ["afstandsverkoop nl"]],
      countries: [["Duitsland"], ["VS"], ["Zwitserland"]],
    });
    expect(read.rows.map((r) => [r.category, r.country])).toEqual([["export", "DE"], ["icp", "US"], ["afstand-nl", "CH"]]);
    expect(read.problems).toEqual([]);
    const s = summarizeYear(read.rows, year2026);
    expect(s.problems.filter((p) => CODES.includes(p.code)).map((p) => [p.code, p.value, p.rows])).toEqual([
      ["export-country-in-eu", "DE", [1]],
      ["icp-country-outside-eu", "US", [2]],
      ["afstand-nl-country-outside-eu", "CH", [3]],
    ]);
  });
});

describe("member states by year", () => {
  it.each([["GB", 2020, true], ["GB", 2021, false], ["gb", 2019, true], ["DE", 2026, true], ["EL", 2026, true], ["US", 2020, false], ["", 2020, false]] as const)(
    "%s in %d → %s",
    (c, y, b) => {
      expect(isEuMemberStateIn(c, y)).toBe(b);
    },
  );
});

describe("euQuarterDue", () => {
  it.each([[1, "2026-04-30"], [2, "2026-07-31"], [3, "2026-10-31"], [4, "2027-01-31"]] as const)("Q%d 2026 → %s", (q, iso) => {
    expect(euQuarterDue(2026, q)).toBe(d(iso));
  });
});

describe("nationalThreshold", () => {
  it("gives verified EUR thresholds", () => {
    expect(nationalThreshold("BE", 2025).cents).toBe(eur(25_000));
    expect(nationalThreshold("cy", 2026).cents).toBe(eur(15_600));
    expect(nationalThreshold("DE", 2025)).toMatchObject({ cents: eur(100_000), previousYearCents: eur(25_000) });
  });
  it("asks the user for CZ, DK (not EUR), FR (goods/services) and unverified states", () => {
    for (const c of ["CZ", "DK", "FR", "IT", "PL"]) expect(nationalThreshold(c, 2025).cents).toBeNull();
    expect(nationalThreshold("CZ", 2025).note.en).toContain("CZK 2,000,000");
    expect(nationalThreshold("CZ", 2025).note.nl).toContain("CZK 2.000.000");
    expect(nationalThreshold("IT", 2025).note.en).toContain("has not been verified: look it up");
  });
  it("has no threshold before 2025", () => {
    expect(nationalThreshold("BE", 2024).cents).toBeNull();
  });
});

describe("euEligibility", () => {
  it("is unsupported before 2025", () => {
    expect(euEligibility({ rows: [], year: 2024, country: "BE" }).verdict).toBe("unsupported");
  });

  it("keeps €25,000.00 in Belgium inside and €25,000.01 over", () => {
    const inside = sheet(["2025-03-01", 25_000, "buitenland", { country: "BE" }]);
    const over = sheet(["2025-03-01", 25_000.01, "buitenland", { country: "BE" }]);
    expect(euEligibility({ rows: inside, year: 2025, country: "BE", previousUnionCents: 0 }).verdict).toBe("eligible");
    expect(euEligibility({ rows: over, year: 2025, country: "BE", previousUnionCents: 0 }).verdict).toBe("not-eligible");
  });

  it("needs a threshold from the user for an unverified state, and uses it when given (capped at €85,000)", () => {
    const rows = sheet(["2025-03-01", 30_000, "buitenland", { country: "IT" }]);
    expect(euEligibility({ rows, year: 2025, country: "IT" }).verdict).toBe("needs-threshold");
    expect(euEligibility({ rows, year: 2025, country: "IT", thresholdCents: eur(85_000) }).verdict).toBe("eligible");
    const capped = euEligibility({ rows: sheet(["2025-03-01", 90_000, "buitenland", { country: "IT" }]), year: 2025, country: "IT", thresholdCents: eur(150_000) });
    expect(capped).toMatchObject({ verdict: "not-eligible", thresholdCents: eur(85_000) });
  });

  it("fails on the previous year's Union turnover and says when it was assumed to be zero", () => {
    const rows = sheet(["2025-03-01", 100_000.01, "21"], ["2026-03-01", 1_000, "buitenland", { country: "BE" }]);
    expect(euEligibility({ rows, year: 2026, country: "BE" })).toMatchObject({ verdict: "not-eligible", previousUnionBasis: "data" });
    const fresh = euEligibility({ rows: sheet(["2026-03-01", 1_000, "buitenland", { country: "BE" }]), year: 2026, country: "BE" });
    expect(fresh).toMatchObject({ verdict: "eligible", previousUnionCents: 0, previousUnionBasis: "assumed-zero" });
    expect(fresh.reasons.map((r) => r.en).join(" ")).toContain("assumed to be €0.00");
  });

  it("applies Germany's previous-year limit of €25,000", () => {
    const rows = sheet(["2025-03-01", 30_000, "buitenland", { country: "DE" }], ["2026-03-01", 5_000, "buitenland", { country: "DE" }]);
    expect(euEligibility({ rows, year: 2026, country: "DE" }).verdict).toBe("not-eligible");
  });

  it("says Germany's previous-year limit was not checked when the data hold no rows of that year", () => {
    const rows = sheet(["2026-03-01", 5_000, "buitenland", { country: "DE" }]);
    const r = euEligibility({ rows, year: 2026, country: "DE", previousUnionCents: eur(50_000) });
    expect(r.reasons.map((x) => x.en).join(" ")).toContain(
      "Not checked: your turnover in DE in 2025 must not have been more than €25,000.00; the data hold no rows of 2025. Check this yourself.",
    );
    expect(r.reasons.map((x) => x.nl).join(" ")).toContain("Niet gecontroleerd");
  });
});

describe("a member state's limit crossed during the year, then credit notes (kor-rules.md sections 5 and 7)", () => {
  it("NL: the EU line and KOR.EUELIGIBLE's rule say over, as the KOR verdict does, when €21,000 is brought back to €19,000", () => {
    const rows = sheet(
      ["2026-03-02", 21_000, null, { country: "NL" }],
      ["2026-05-04", -2_000, null, { country: "NL" }],
    );
    const s = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 });
    expect(s.verdict).toBe("not-eligible");
    expect(s.eu?.states.map((x) => [x.country, x.cents, x.withinThreshold])).toEqual([["NL", eur(19_000), false]]);
    const r = euEligibility({ rows, year: 2026, country: "NL", previousUnionCents: 0 });
    expect(r.verdict).toBe("not-eligible");
    expect(r.reasons.map((x) => x.en)).toContain(
      "On 2 March 2026 (row 1) turnover in NL went over €20,000.00, which ended the exemption in NL as of that supply. A later credit note does not undo this, even though turnover in NL for the whole of 2026 is €19,000.00.",
    );
    expect(r.reasons.map((x) => x.nl)).toContain(
      "Op 2 maart 2026 (rij 1) kwam de omzet in NL boven € 20.000,00; daarmee is de vrijstelling in NL vanaf die levering vervallen. Een latere creditnota maakt dat niet ongedaan, ook al is de omzet in NL over heel 2026 € 19.000,00.",
    );
  });

  it("AT: over the tolerance of €60,500 at one invoice is over, though a credit note brings the year to €60,000", () => {
    const rows = sheet(
      ["2026-04-01", 61_000, "buitenland", { country: "AT" }],
      ["2026-06-01", -1_000, "buitenland", { country: "AT" }],
    );
    expect(euEligibility({ rows, year: 2026, country: "AT", previousUnionCents: 0 }).verdict).toBe("not-eligible");
    expect(summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu?.states.map((x) => x.withinThreshold)).toEqual([false]);
    // Within the tolerance all year: the exemption runs on (worked example 25).
    const within = sheet(["2026-04-01", 60_500, "buitenland", { country: "AT" }]);
    expect(euEligibility({ rows: within, year: 2026, country: "AT", previousUnionCents: 0 }).verdict).toBe("eligible");
  });

  it("BE: over €25,000 at one invoice in 2025 blocks 2026, though a credit note brings 2025 back to €24,000", () => {
    const rows = sheet(
      ["2025-03-03", 26_000, "buitenland", { country: "BE" }],
      ["2025-06-02", -2_000, "buitenland", { country: "BE" }],
      ["2026-02-02", 10_000, "buitenland", { country: "BE" }],
    );
    const r = euEligibility({ rows, year: 2026, country: "BE" });
    expect(r.verdict).toBe("not-eligible");
    expect(r.reasons.map((x) => x.en)).toContain(
      "In 2025 turnover in BE went over €25,000.00 on 3 March 2025 (row 1): the exemption in BE cannot be used in 2026 (previous-year test, Directive art. 288a(1)), even though a later credit note brings turnover in BE for 2025 back to €24,000.00.",
    );
    expect(summarizeYear(rows, { today: d("2026-03-01"), year: 2026 }).eu?.states.map((x) => [x.country, x.withinThreshold])).toEqual([["BE", false]]);
    // 2024, before the EU-KOR, is tested on its total only (nothing ended then).
    const before = rows.map((x) => ({ ...x, day: x.day - 365 }));
    expect(before.map((x) => yearOf(x.day))).toEqual([2024, 2024, 2025]);
    expect(euEligibility({ rows: before, year: 2025, country: "BE" }).verdict).toBe("eligible");
  });
});

describe("the summary's state lines (pane, report sheet, kor-check JSON)", () => {
  it("include a state with turnover only last year, so that its previous-year block shows (worked example 24 before the first 2026 sale in BE)", () => {
    const rows = sheet(["2025-05-01", 30_000, "buitenland", { country: "BE" }], ["2025-06-01", 5_000, "buitenland", { country: "DE" }], ["2026-02-02", 10_000, null, { country: "NL" }]);
    const s = summarizeYear(rows, { today: d("2026-03-01"), year: 2026 });
    expect(s.eu?.states.map((x) => [x.country, x.cents, x.previousCents, x.withinThreshold])).toEqual([
      ["BE", 0, eur(30_000), false],
      ["DE", 0, eur(5_000), true],
      ["NL", eur(10_000), 0, true],
    ]);
    // The quarterly report stays with this year's states (0 where a quarter has none).
    expect(s.eu?.quarters[0].perState.map((x) => x.country)).toEqual(["NL"]);
  });
});

describe("a state line whose status does not follow from this year's figure says why (pane, report sheet, copy text, kor-check)", () => {
  it("AT: €51,000 after a credit note is 'over' since it went over €60,500 (€55,000 plus AT's 10%) at row 1", () => {
    const rows = sheet(
      ["2026-05-12", 61_000, "buitenland", { country: "AT" }],
      ["2026-06-01", -10_000, "buitenland", { country: "AT" }],
    );
    const st = summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu?.states[0];
    expect([st?.country, st?.cents, st?.withinThreshold]).toEqual(["AT", eur(51_000), false]);
    expect(st?.statusText).toEqual({
      nl: "erboven: de omzet kwam op 12 mei 2026 (rij 1) boven € 60.500,00 (de grens van € 55.000,00 plus de marge van 10% die AT toestaat); creditnota's daarna maken dat niet ongedaan; controleer wel of een creditnota een foute factuur intrekt (geen latere korting of retour): dan is de grens misschien nooit overschreden",
      en: "over: turnover went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 12 May 2026 (row 1); credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
    });
  });

  it("BE: €0 this year is 'blocked' because 2025's €27,000 was over €25,000; a 2025 crossing undone by a credit note is dated", () => {
    const over = sheet(["2025-05-01", 27_000, "buitenland", { country: "BE" }], ["2026-02-02", 1_000, null, { country: "NL" }]);
    const be = summarizeYear(over, { today: d("2026-03-01"), year: 2026 }).eu?.states.find((x) => x.country === "BE");
    expect(be?.statusText).toEqual({
      nl: "uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00",
      en: "blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00",
    });
    const crossed = sheet(
      ["2025-03-03", 26_000, "buitenland", { country: "BE" }],
      ["2025-06-02", -2_000, "buitenland", { country: "BE" }],
      ["2026-02-02", 10_000, "buitenland", { country: "BE" }],
    );
    expect(summarizeYear(crossed, { today: d("2026-03-01"), year: 2026 }).eu?.states[0].statusText?.en).toBe(
      "blocked: turnover in BE went over €25,000.00 on 3 March 2025; credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
    );
  });

  it("BE over €25,000 last year AND crossed this year: the line says both, last year's figure and this year's crossing day and row", () => {
    // It said only "erboven" (this year's figure over): the previous-year block was not mentioned.
    const rows = sheet(
      ["2025-05-01", 27_000, "buitenland", { country: "BE" }],
      ["2026-02-02", 20_000, "buitenland", { country: "BE" }],
      ["2026-05-12", 6_000, "buitenland", { country: "BE" }],
    );
    const be = summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu?.states[0];
    expect([be?.country, be?.cents, be?.withinThreshold]).toEqual(["BE", eur(26_000), false]);
    expect(be?.statusText).toEqual({
      nl: "uitgesloten: omzet in BE in 2025 was € 27.000,00, boven de grens van € 25.000,00; in 2026 kwam de omzet ook op 12 mei 2026 (rij 3) boven € 25.000,00",
      en: "blocked: 2025 turnover in BE of €27,000.00 was over €25,000.00; in 2026 turnover also went over €25,000.00 on 12 May 2026 (row 3)",
    });
    // A credit note after this year's crossing (AT, tolerance limit), and last year's crossing undone by one too.
    const at = sheet(
      ["2025-03-03", 56_000, "buitenland", { country: "AT" }],
      ["2025-06-02", -2_000, "buitenland", { country: "AT" }],
      ["2026-05-12", 61_000, "buitenland", { country: "AT" }],
      ["2026-06-01", -10_000, "buitenland", { country: "AT" }],
    );
    expect(summarizeYear(at, { today: d("2026-07-01"), year: 2026 }).eu?.states[0].statusText?.en).toBe(
      "blocked: turnover in AT went over €55,000.00 on 3 March 2025; credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed; in 2026 turnover also went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 12 May 2026 (row 3), and credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
    );
  });

  it("AT within its tolerance above €55,000 says so; a plain figure within has no extra text, one over names its crossing", () => {
    const tol = summarizeYear(sheet(["2026-04-01", 58_000, "buitenland", { country: "AT" }]), { today: d("2026-07-01"), year: 2026 }).eu?.states[0];
    expect(tol?.withinThreshold).toBe(true);
    expect(tol?.statusText?.en).toBe("within the 10% tolerance AT allows (up to €60,500.00): exempt to the end of 2026, blocked in 2027");
    expect(tol?.statusText?.nl).toBe("binnen de marge van 10% die AT toestaat (tot € 60.500,00): vrijgesteld tot het einde van 2026, in 2027 uitgesloten");
    const plain = summarizeYear(sheet(["2026-04-01", 10_000, "buitenland", { country: "BE" }], ["2026-05-01", 10_000, "buitenland", { country: "HR" }], ["2026-05-01", 70_000, "buitenland", { country: "AT" }]), {
      today: d("2026-07-01"),
      year: 2026,
    });
    expect(plain.eu?.states.map((x) => [x.country, x.withinThreshold, x.statusText?.en ?? null])).toEqual([
      ["AT", false, "over: turnover went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 1 May 2026 (row 3); the exemption in AT ends as of that supply: VAT is due in AT from then on"],
      ["BE", true, null],
      ["HR", true, null],
    ]);
  });

  it("KOR.EUELIGIBLE's reason for AT's crossing says €60,500 is €55,000 plus AT's 10% tolerance", () => {
    const rows = sheet(["2026-05-12", 61_000, "buitenland", { country: "AT" }], ["2026-06-01", -10_000, "buitenland", { country: "AT" }]);
    const r = euEligibility({ rows, year: 2026, country: "AT", previousUnionCents: 0 });
    expect(r.reasons.map((x) => x.nl)).toContain(
      "Op 12 mei 2026 (rij 1) kwam de omzet in AT boven € 60.500,00 (de grens van € 55.000,00 plus de marge van 10% die AT toestaat); daarmee is de vrijstelling in AT vanaf die levering vervallen. Een latere creditnota maakt dat niet ongedaan, ook al is de omzet in AT over heel 2026 € 51.000,00.",
    );
    expect(r.reasons.map((x) => x.en)).toContain(
      "On 12 May 2026 (row 1) turnover in AT went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows), which ended the exemption in AT as of that supply. A later credit note does not undo this, even though turnover in AT for the whole of 2026 is €51,000.00.",
    );
  });
});

describe("AT's tolerance is explained in one wording, by KOR.EUELIGIBLE and by the state line alike", () => {
  const sameWords = (reasons: { nl: string; en: string }[], line: { nl: string; en: string } | null | undefined, part: { nl: string; en: string }) => {
    for (const lang of ["nl", "en"] as const) {
      expect(reasons.map((x) => x[lang]).join(" ")).toContain(part[lang]);
      expect(line?.[lang]).toContain(part[lang]);
    }
  };

  it("a crossing of €60,500: '(the threshold of €55,000.00 plus the 10% tolerance AT allows)' in both", () => {
    const rows = sheet(["2026-05-12", 61_000, "buitenland", { country: "AT" }], ["2026-06-01", -10_000, "buitenland", { country: "AT" }]);
    sameWords(
      euEligibility({ rows, year: 2026, country: "AT", previousUnionCents: 0 }).reasons,
      summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu?.states[0].statusText,
      { nl: " (de grens van € 55.000,00 plus de marge van 10% die AT toestaat)", en: " (the threshold of €55,000.00 plus the 10% tolerance AT allows)" },
    );
  });

  it("within it: 'within the 10% tolerance AT allows (up to €60,500.00)' in both", () => {
    const rows = sheet(["2026-04-01", 58_000, "buitenland", { country: "AT" }]);
    sameWords(
      euEligibility({ rows, year: 2026, country: "AT", previousUnionCents: 0 }).reasons,
      summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu?.states[0].statusText,
      { nl: "binnen de marge van 10% die AT toestaat (tot € 60.500,00)", en: "within the 10% tolerance AT allows (up to €60,500.00)" },
    );
  });
});

describe("findEuCrossing", () => {
  it("counts 15 working days (Mon–Fri) to notify, skipping weekends", () => {
    expect(addWorkingDays(d("2026-11-10"), 15)).toBe(d("2026-12-01"));
    expect(addWorkingDays(d("2026-11-13" /* Fri */), 1)).toBe(d("2026-11-16"));
  });

  it("is null at exactly €100,000.00 and finds the crossing at €100,000.01", () => {
    const at = sheet(["2026-01-01", 100_000, "buitenland", { country: "FR" }]);
    expect(findEuCrossing(at, 2026)).toBeNull();
    const over = sheet(["2026-01-01", 100_000, "buitenland", { country: "FR" }], ["2026-01-02", 0.01]);
    expect(findEuCrossing(over, 2026)).toMatchObject({ row: 2, day: d("2026-01-02"), runningCents: 10_000_001 });
  });

  it("is null before 2025", () => {
    expect(findEuCrossing(sheet(["2024-01-01", 200_000]), 2024)).toBeNull();
  });

  it("is named in the summary as the KOR crossing is: by the source's own row name (an auditfile's entry), with the working days to notify", () => {
    const rows = sheet(["2026-02-02", 60_000, "buitenland", { country: "BE" }], ["2026-12-15", 50_000, "buitenland", { country: "AT" }]);
    const rowName = (row: number) => ({ nl: `boeking F-${row}`, en: `entry F-${row}` });
    const s = summarizeYear(rows, { today: d("2027-01-04"), year: 2026, rowName });
    expect(s.eu?.crossing).toEqual({ row: 2, where: { nl: "boeking F-2", en: "entry F-2" }, day: d("2026-12-15"), runningCents: eur(110_000), notifyBy: d("2027-01-05"), notifyWorkingDays: 15, notifyOverdue: false });
    expect(summarizeYear(rows, { today: d("2027-01-04"), year: 2026 }).eu?.crossing?.where).toEqual({ nl: "rij 2", en: "row 2" });
  });
});

describe("EU-KOR lines say why (black-box findings of 1 Dec 2026)", () => {
  const be = sheet(
    ["2026-01-10", 20_000, "buitenland", { country: "BE" }],
    ["2026-03-10", 5_000.01, "buitenland", { country: "BE" }],
    ["2026-04-10", 3_000, "buitenland", { country: "BE" }],
  );
  it("a state over its own threshold names the crossing day and row and that VAT is due there from that supply", () => {
    const st = summarizeYear(be, { today: d("2026-07-01"), year: 2026 }).eu?.states[0];
    expect([st?.country, st?.withinThreshold]).toEqual(["BE", false]);
    expect(st?.statusText).toEqual({
      nl: "erboven: de omzet kwam op 10 maart 2026 (rij 2) boven € 25.000,00; de vrijstelling in BE vervalt vanaf die levering: vanaf dan is btw verschuldigd in BE",
      en: "over: turnover went over €25,000.00 on 10 March 2026 (row 2); the exemption in BE ends as of that supply: VAT is due in BE from then on",
    });
    const r = euEligibility({ rows: be, year: 2026, country: "BE", previousUnionCents: 0 });
    expect(r.reasons.map((x) => x.en).join(" ")).toContain(
      "Turnover in BE went over €25,000.00 on 10 March 2026 (row 2), which ended the exemption in BE as of that supply: VAT is due in BE from then on.",
    );
    expect(r.reasons.map((x) => x.nl).join(" ")).toContain(
      "De omzet in BE kwam op 10 maart 2026 (rij 2) boven € 25.000,00; daarmee is de vrijstelling in BE vanaf die levering vervallen: vanaf dan is btw verschuldigd in BE.",
    );
  });

  it("AT over its €60,500 tolerance limit names the crossing too", () => {
    const at = sheet(["2026-02-01", 60_000, "buitenland", { country: "AT" }], ["2026-05-12", 500.01, "buitenland", { country: "AT" }]);
    expect(summarizeYear(at, { today: d("2026-07-01"), year: 2026 }).eu?.states[0].statusText?.en).toBe(
      "over: turnover went over €60,500.00 (the threshold of €55,000.00 plus the 10% tolerance AT allows) on 12 May 2026 (row 2); the exemption in AT ends as of that supply: VAT is due in AT from then on",
    );
  });

  it("the Union line says why it is not within: last year's crossing undone by a credit note", () => {
    const rows = sheet(
      ["2025-03-03", 100_000.01, null, { country: "DE" }],
      ["2025-06-02", -2_000, null, { country: "DE" }],
      ["2026-02-02", 1_000, "buitenland", { country: "HR" }],
    );
    const eu = summarizeYear(rows, { today: d("2026-07-01"), year: 2026 }).eu;
    expect(eu?.withinUnion).toBe(false);
    expect(eu?.unionStatusText).toEqual({
      nl: "uitgesloten in 2026: de EU-omzet kwam op 3 maart 2025 boven € 100.000,00; creditnota's daarna maken dat niet ongedaan; controleer wel of een creditnota een foute factuur intrekt (geen latere korting of retour): dan is de grens misschien nooit overschreden",
      en: "blocked in 2026: Union turnover went over €100,000.00 on 3 March 2025; credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
    });
    // HR is within its own threshold, but the EU-KOR is not available this year: no promise of an exemption.
    expect(eu?.states.find((x) => x.country === "HR")?.statusText?.en).toBe(
      "within its own threshold, but the EU-KOR cannot be used in 2026: Union turnover went over €100,000.00 in 2025",
    );
  });

  it("the Union line says why: this year's crossing undone by a credit note, and last year's given figure over €100,000", () => {
    const undone = sheet(["2026-02-02", 100_000.01, "buitenland", { country: "BE" }], ["2026-05-02", -500, "buitenland", { country: "BE" }]);
    expect(summarizeYear(undone, { today: d("2026-07-01"), year: 2026 }).eu?.unionStatusText?.en).toBe(
      "over: Union turnover went over €100,000.00 on 2 February 2026 (row 1); credit notes after it do not undo that, but check whether a credit note cancels a wrong invoice (not a later discount or return): the limit may then never have been crossed",
    );
    const given = sheet(["2026-02-02", 100_000, null, { country: "NL" }]);
    const eu = summarizeYear(given, { today: d("2026-07-01"), year: 2026, previousUnionCents: eur(100_000.01) }).eu;
    expect(eu?.unionStatusText).toEqual({
      nl: "uitgesloten in 2026: de EU-omzet van 2025 was € 100.000,01, boven de EU-grens van € 100.000,00",
      en: "blocked in 2026: 2025 Union turnover of €100,000.01 was over €100,000.00",
    });
    expect(summarizeYear(sheet(["2026-02-02", 1_000, "buitenland", { country: "BE" }]), { today: d("2026-07-01"), year: 2026 }).eu?.unionStatusText).toBeNull();
  });

  it("worked example 19: after the Union crossing on 10 Nov 2026 no state line promises an exemption", () => {
    const rows = sheet(
      ["2025-06-01", 15_000, null, { country: "NL" }],
      ["2025-06-02", 45_000, "buitenland", { country: "AT" }],
      ["2026-02-01", 18_000, null, { country: "NL" }],
      ["2026-03-01", 24_000, "buitenland", { country: "BE" }],
      ["2026-04-01", 40_000, "buitenland", { country: "AT" }],
      ["2026-11-10", 18_500, "buitenland", { country: "AT" }],
    );
    const eu = summarizeYear(rows, { today: d("2026-11-20"), year: 2026 }).eu;
    expect(eu?.unionStatusText?.en).toBe("over: Union turnover went over €100,000.00 on 10 November 2026 (row 6)");
    const at = eu?.states.find((x) => x.country === "AT");
    expect(at?.withinThreshold).toBe(true);
    expect(at?.statusText).toEqual({
      nl: "binnen de marge van 10% die AT toestaat (tot € 60.500,00), maar de vrijstelling van de EU-KOR vervalt ook in AT vanaf de levering van 10 november 2026 (rij 6), toen de EU-omzet boven € 100.000,00 kwam",
      en: "within the 10% tolerance AT allows (up to €60,500.00), but the EU-KOR exemption ends in AT too as of the supply of 10 November 2026 (row 6), when Union turnover went over €100,000.00",
    });
    expect(eu?.states.find((x) => x.country === "BE")?.statusText?.en).toBe(
      "within its own threshold, but the EU-KOR exemption ends in BE too as of the supply of 10 November 2026 (row 6), when Union turnover went over €100,000.00",
    );
    // NL's line is the Dutch KOR, which the Union crossing does not affect.
    expect(eu?.states.find((x) => x.country === "NL")?.statusText).toBeNull();
    const r = euEligibility({ rows, year: 2026, country: "AT" });
    expect(r.verdict).toBe("not-eligible");
    expect(r.reasons.map((x) => x.en).join(" ")).not.toContain("runs to the end of 2026");
    expect(r.reasons.map((x) => x.en).join(" ")).toContain("but the EU-KOR exemption ends in AT too as of the supply of 10 November 2026 (row 6)");
  });

  it("the Union crossing is flagged overdue when the day to report it by has passed", () => {
    const rows = sheet(["2026-03-10", 100_000.01, "buitenland", { country: "BE" }]);
    expect(summarizeYear(rows, { today: d("2026-12-01"), year: 2026 }).eu?.crossing?.notifyOverdue).toBe(true);
    expect(summarizeYear(rows, { today: d("2026-03-31"), year: 2026 }).eu?.crossing?.notifyOverdue).toBe(false);
  });
});

describe("a state's own crossing after the Union test ended the EU-KOR (review of 1 Dec 2026)", () => {
  // Worked example 19 plus BE €2,000 on 20 Nov 2026: the Union crossing of 10 Nov ended the exemption in BE first.
  const rows = sheet(
    ["2025-06-01", 15_000, null, { country: "NL" }],
    ["2025-06-02", 45_000, "buitenland", { country: "AT" }],
    ["2026-02-01", 18_000, null, { country: "NL" }],
    ["2026-03-01", 24_000, "buitenland", { country: "BE" }],
    ["2026-04-01", 40_000, "buitenland", { country: "AT" }],
    ["2026-11-10", 18_500, "buitenland", { country: "AT" }],
    ["2026-11-20", 2_000, "buitenland", { country: "BE" }],
  );

  it("the BE line dates VAT from the Union crossing of 10 Nov, not from its own crossing of 20 Nov", () => {
    const be = summarizeYear(rows, { today: d("2026-12-01"), year: 2026 }).eu?.states.find((x) => x.country === "BE");
    expect(be?.withinThreshold).toBe(false);
    expect(be?.statusText).toEqual({
      nl: "erboven: de omzet in BE kwam op 20 november 2026 (rij 7) boven € 25.000,00, maar de vrijstelling van de EU-KOR was in BE al vervallen vanaf de levering van 10 november 2026 (rij 6), toen de EU-omzet boven € 100.000,00 kwam: vanaf die levering is btw verschuldigd in BE",
      en: "over: turnover in BE went over €25,000.00 on 20 November 2026 (row 7), but the EU-KOR exemption had already ended in BE as of the supply of 10 November 2026 (row 6), when Union turnover went over €100,000.00: VAT is due in BE from that supply on",
    });
  });

  it("KOR.EUELIGIBLE says the same, and not 'VAT is due in BE from then on' for 20 Nov", () => {
    const r = euEligibility({ rows, year: 2026, country: "BE" });
    expect(r.verdict).toBe("not-eligible");
    const en = r.reasons.map((x) => x.en).join(" ");
    expect(en).not.toContain("from then on");
    expect(en).toContain(
      "Turnover in BE went over €25,000.00 on 20 November 2026 (row 7), but the EU-KOR exemption had already ended in BE as of the supply of 10 November 2026 (row 6), when Union turnover went over €100,000.00: VAT is due in BE from that supply on.",
    );
    expect(r.reasons.map((x) => x.nl).join(" ")).toContain(
      "De omzet in BE kwam op 20 november 2026 (rij 7) boven € 25.000,00, maar de vrijstelling van de EU-KOR was in BE al vervallen vanaf de levering van 10 november 2026 (rij 6), toen de EU-omzet boven € 100.000,00 kwam: vanaf die levering is btw verschuldigd in BE.",
    );
  });

  it("a state's own crossing before the Union crossing still says VAT is due from that supply", () => {
    const early = sheet(
      ["2026-03-01", 26_000, "buitenland", { country: "BE" }],
      ["2026-11-10", 80_000, "buitenland", { country: "FR" }],
    );
    const be = summarizeYear(early, { today: d("2026-12-01"), year: 2026 }).eu?.states.find((x) => x.country === "BE");
    expect(be?.statusText?.en).toBe("over: turnover went over €25,000.00 on 1 March 2026 (row 1); the exemption in BE ends as of that supply: VAT is due in BE from then on");
    expect(euEligibility({ rows: early, year: 2026, country: "BE", previousUnionCents: 0 }).reasons.map((x) => x.en).join(" ")).toContain("VAT is due in BE from then on.");
  });

  it("Union blocked this year (2025 over €100,000): the BE crossing of 20 May says the EU-KOR could not be used in 2026 at all", () => {
    const blk = sheet(["2026-02-15", 24_000, "buitenland", { country: "BE" }], ["2026-05-20", 2_000, "buitenland", { country: "BE" }]);
    const eu = summarizeYear(blk, { today: d("2026-12-01"), year: 2026, previousUnionCents: eur(100_001) }).eu;
    expect(eu?.unionStatusText?.en).toBe("blocked in 2026: 2025 Union turnover of €100,001.00 was over €100,000.00");
    expect(eu?.states.find((x) => x.country === "BE")?.statusText).toEqual({
      nl: "erboven: de omzet in BE kwam op 20 mei 2026 (rij 2) boven € 25.000,00, maar de EU-KOR kon in 2026 helemaal niet worden gebruikt: de EU-omzet kwam in 2025 boven € 100.000,00",
      en: "over: turnover in BE went over €25,000.00 on 20 May 2026 (row 2), but the EU-KOR could not be used in 2026 at all: Union turnover went over €100,000.00 in 2025",
    });
    const r = euEligibility({ rows: blk, year: 2026, country: "BE", previousUnionCents: eur(100_001) });
    const en = r.reasons.map((x) => x.en).join(" ");
    expect(en).not.toContain("from then on");
    expect(en).toContain("Turnover in BE went over €25,000.00 on 20 May 2026 (row 2), but the EU-KOR could not be used in 2026 at all: Union turnover went over €100,000.00 in 2025.");
  });

  it("a crossing undone by a credit note after the Union crossing: the line still names the Union crossing", () => {
    const undone = sheet(
      ["2026-03-01", 24_000, "buitenland", { country: "BE" }],
      ["2026-04-01", 80_000, "buitenland", { country: "FR" }],
      ["2026-06-01", 2_000, "buitenland", { country: "BE" }],
      ["2026-07-01", -3_000, "buitenland", { country: "BE" }],
    );
    const be = summarizeYear(undone, { today: d("2026-12-01"), year: 2026 }).eu?.states.find((x) => x.country === "BE");
    expect(be?.statusText?.en).toBe(
      "over: turnover in BE went over €25,000.00 on 1 June 2026 (row 3), but the EU-KOR exemption had already ended in BE as of the supply of 1 April 2026 (row 2), when Union turnover went over €100,000.00: VAT is due in BE from that supply on",
    );
    const en = euEligibility({ rows: undone, year: 2026, country: "BE", previousUnionCents: 0 }).reasons.map((x) => x.en).join(" ");
    expect(en).toContain("On 1 June 2026 (row 3) turnover in BE went over €25,000.00, but the EU-KOR exemption had already ended in BE as of the supply of 1 April 2026 (row 2), when Union turnover went over €100,000.00: VAT is due in BE from that supply on.");
  });
});

describe("Greece is EL in the EU-KOR (its VAT code, as in VIES), however the country cell names it", () => {
  it("books GR and EL rows to one state line EL, in the per-state turnover and the quarterly report", () => {
    // The reading layer stores a country cell as ISO (EL and Griekenland as GR); a row may also hold EL.
    const rows = sheet(
      ["2026-01-10", 100, "buitenland", { country: "GR" }],
      ["2026-02-10", 200, "buitenland", { country: "EL" }],
      ["2026-05-10", 400, "buitenland", { country: "gr" }],
    );
    expect([...turnoverPerState(rows, 2026)]).toEqual([["EL", eur(700)]]);
    expect(euQuarterlyReport(rows, 2026).map((q) => q.perState)).toEqual([
      [{ country: "EL", cents: eur(300) }], [{ country: "EL", cents: eur(400) }], [{ country: "EL", cents: 0 }], [{ country: "EL", cents: 0 }],
    ]);
    const s = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 });
    expect(s.eu?.states.map((x) => x.country)).toEqual(["EL"]);
    expect(nationalThreshold("gr", 2026).note.en).toBe("The national threshold of EL has not been verified: look it up with EL's tax administration.");
    expect(euEligibility({ rows, year: 2026, country: "GR" }).stateCents).toBe(eur(700));
  });
});

describe("no threshold known: over the EU maximum of €85,000 is over any state's threshold (Directive art. 284(1))", () => {
  it("CZ €85,000.01 this year: not eligible, dated, with the reason; €85,000.00: still asks for the threshold", () => {
    const over = sheet(["2026-02-01", 60_000, "buitenland", { country: "CZ" }], ["2026-03-05", 25_000.01, "buitenland", { country: "CZ" }]);
    const r = euEligibility({ rows: over, year: 2026, country: "CZ" });
    expect(r.verdict).toBe("not-eligible");
    expect(r.reasons.map((x) => x.en)).toContain(
      "On 5 March 2026 (row 2) turnover in CZ went over €85,000.00, the EU maximum for any national threshold (Directive art. 284(1)): so it is over CZ's threshold, whatever that is. The exemption in CZ ended as of that supply at the latest; whether CZ allows a tolerance was not checked, and none was applied. In 2027 CZ is blocked (previous-year test).",
    );
    const at = sheet(["2026-02-01", 60_000, "buitenland", { country: "CZ" }], ["2026-03-05", 25_000, "buitenland", { country: "CZ" }]);
    expect(euEligibility({ rows: at, year: 2026, country: "CZ" }).verdict).toBe("needs-threshold");
    const s = summarizeYear(over, { today: d("2026-06-01"), year: 2026 });
    const cz = s.eu?.states.find((x) => x.country === "CZ");
    expect(cz?.withinThreshold).toBe(false);
    expect(cz?.statusText?.en).toBe(
      "over: turnover in CZ went over €85,000.00 on 5 March 2026 (row 2), the EU maximum for any national threshold, so over CZ's threshold, whatever that is; the exemption in CZ ended as of that supply at the latest (a tolerance of CZ's was not checked) and CZ is blocked in 2027",
    );
    expect(summarizeYear(at, { today: d("2026-06-01"), year: 2026 }).eu?.states.find((x) => x.country === "CZ")?.withinThreshold).toBeNull();
  });

  it("FR, DK and an unverified state (IT) over €85,000 last year: blocked this year; never 'within'", () => {
    for (const c of ["FR", "DK", "IT"]) {
      const rows = sheet(["2025-06-01", 90_000, "buitenland", { country: c }], ["2026-02-01", 1_000, "buitenland", { country: c }]);
      const r = euEligibility({ rows, year: 2026, country: c, previousUnionCents: eur(90_000) });
      expect(r.verdict).toBe("not-eligible");
      expect(r.reasons.map((x) => x.en).join(" ")).toContain(
        `In 2025 turnover in ${c} went over €85,000.00 on 1 June 2025 (row 1), the EU maximum for any national threshold (Directive art. 284(1)), so over ${c}'s threshold, whatever that is: the exemption in ${c} cannot be used in 2026`,
      );
      const line = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 }).eu?.states.find((x) => x.country === c);
      expect(line?.withinThreshold).toBe(false);
      expect(line?.statusText?.en).toMatch(new RegExp(`^blocked: turnover in ${c} went over €85,000.00 on 1 June 2025`));
    }
    // Under the cap both years: unknown, not within.
    const low = sheet(["2025-06-01", 10_000, "buitenland", { country: "IT" }], ["2026-02-01", 1_000, "buitenland", { country: "IT" }]);
    expect(euEligibility({ rows: low, year: 2026, country: "IT" }).verdict).toBe("needs-threshold");
    expect(summarizeYear(low, { today: d("2026-06-01"), year: 2026 }).eu?.states.find((x) => x.country === "IT")?.withinThreshold).toBeNull();
  });

  it("an unknown state while the Union test ends the EU-KOR says so instead of a bare 'unknown'", () => {
    const rows = sheet(["2026-02-01", 95_000, "buitenland", { country: "AT" }], ["2026-03-01", 6_000, "buitenland", { country: "IT" }]);
    const it = summarizeYear(rows, { today: d("2026-06-01"), year: 2026 }).eu?.states.find((x) => x.country === "IT");
    expect(it?.withinThreshold).toBeNull();
    expect(it?.statusText?.en).toBe(
      "unknown (no threshold in euros known), but the EU-KOR exemption ends in IT too as of the supply of 1 March 2026 (row 2), when Union turnover went over €100,000.00",
    );
  });
});
