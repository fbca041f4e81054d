import { readAmount, readCategoryCell, readCountry, readDate, readVat, cellText } from "../../src/reading/cells";
import { dayFromIso } from "../../src/rules/dates";

const day = (iso: string) => ({ kind: "ok", value: dayFromIso(iso) });
/** A date read from a two-digit year: marked, so the sheet reader can say how it was read. */
const day2 = (iso: string) => ({ kind: "ok", value: dayFromIso(iso), twoDigitYear: true });
const err = (code: string) => expect.objectContaining({ kind: "error", code });

describe("readDate", () => {
  it.each<[string, unknown, unknown]>([
    ["serial 46023 is 1 Jan 2026", 46023, day("2026-01-01")],
    ["serial with a time of day drops the time", 46023.99999, day("2026-01-01")],
    ["serial 61 is 1 Mar 1900", 61, day("1900-03-01")],
    ["serial 59 is 28 Feb 1900", 59, day("1900-02-28")],
    ["serial 1 is 1 Jan 1900", 1, day("1900-01-01")],
    ["serial 2958465 is 31 Dec 9999", 2958465, day("9999-12-31")],
    ["ISO text", "2026-09-01", day("2026-09-01")],
    ["d-m-jj as Excel reads a typed two-digit year: 24 → 2024", "9-2-24", day2("2024-02-09")],
    ["two-digit year 29 → 2029", "01/09/29", day2("2029-09-01")],
    ["two-digit year 30 → 1930", "1-9-30", day2("1930-09-01")],
    ["named month with a two-digit year", "9 feb 24", day2("2024-02-09")],
    ["ISO text with time", "2026-09-01T00:00:00", day("2026-09-01")],
    ["ISO text with time and zone keeps the written day", "2026-09-01T23:30:00+02:00", day("2026-09-01")],
    ["UTC instant late on 31 Dec is 1 Jan in the Netherlands (CET)", "2025-12-31T23:30:00Z", day("2026-01-01")],
    ["lower-case z is UTC too", "2025-12-31t23:30:00z", day("2026-01-01")],
    ["UTC instant before 23:00 stays 31 Dec in winter", "2025-12-31T22:59:59Z", day("2025-12-31")],
    ["summer (CEST, +2): 22:30Z is already the next day", "2026-07-31T22:30:00Z", day("2026-08-01")],
    ["summer (CEST, +2): 21:59Z is still the same day", "2026-07-31T21:59:00Z", day("2026-07-31")],
    ["DST start day: 22:30Z on 29 Mar 2026 is 30 Mar 00:30 CEST", "2026-03-29T22:30:00Z", day("2026-03-30")],
    ["DST end day: 23:30Z on 25 Oct 2026 is 26 Oct 00:30 CET", "2026-10-25T23:30:00Z", day("2026-10-26")],
    ["DST end day: 22:30Z on 25 Oct 2026 is 23:30 CET, same day", "2026-10-25T22:30:00Z", day("2026-10-25")],
    ["negative offset moves forward: 20:00-05:00 is 02:00 next day in NL", "2026-01-15T20:00:00-05:00", day("2026-01-16")],
    ["offset without colon", "2026-01-15T20:00:00-0500", day("2026-01-16")],
    ["positive offset moves back: 00:30+09:00 is the day before in NL", "2026-01-15T00:30+09:00", day("2026-01-14")],
    ["date-time without offset stays as written, even late", "2025-12-31T23:30:00", day("2025-12-31")],
    ["date-time with space and no offset stays as written", "2025-12-31 23:59:59", day("2025-12-31")],
    ["ISO text with space and time", "2026-09-01 13:45", day("2026-09-01")],
    ["ISO with slashes", "2026/09/01", day("2026-09-01")],
    ["Dutch d-m-yyyy", "1-9-2026", day("2026-09-01")],
    ["Dutch dd/mm/yyyy", "01/09/2026", day("2026-09-01")],
    ["Dutch d.m.yyyy", "1.9.2026", day("2026-09-01")],
    ["month-first lookalike is read day-first", "09/01/2026", day("2026-01-09")],
    ["day-first with a time", "01-09-2026 00:00", day("2026-09-01")],
    ["surrounding spaces", "  1-9-2026 ", day("2026-09-01")],
    ["Dutch month name", "1 september 2026", day("2026-09-01")],
    ["English short month name", "3 Dec 2025", day("2025-12-03")],
    ["Dutch abbreviation with dot", "15 mrt. 2026", day("2026-03-15")],
    // Excel's d-mmm-yyyy / d-mmm-yy text (a date column formatted so and saved as CSV), Dutch and English.
    ["d-mmm-yyyy, Dutch", "15-mrt-2026", day("2026-03-15")],
    ["dd-Mmm-yyyy, English", "01-Sep-2026", day("2026-09-01")],
    ["d-mmm-yy: a two-digit year, noted", "1-okt-25", day2("2025-10-01")],
    ["leap day in a leap year", "29-2-2028", day("2028-02-29")],
    ["JS Date (exceljs) by UTC date", new Date(Date.UTC(2026, 8 /* Sep */, 1)), day("2026-09-01")],
    ["exceljs formula result", { formula: "DATE(2026,9,1)", result: 46266 }, day("2026-09-01")],
  ])("%s", (_name, input, expected) => {
    expect(readDate(input)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["number 0 (desktop empty cell)", 0],
    ["null", null],
    ["undefined", undefined],
    ["empty text", ""],
    ["spaces", "   "],
  ])("%s is empty", (_name, input) => {
    expect(readDate(input)).toEqual({ kind: "empty" });
  });

  it.each<[string, unknown, string]>([
    ["serial 60 (fictitious 29 Feb 1900)", 60, "date-fictitious-leap-day"],
    ["serial 60.5", 60.5, "date-fictitious-leap-day"],
    ["negative serial", -5, "date-out-of-range"],
    ["fraction below 1 (a time only)", 0.5, "date-out-of-range"],
    ["beyond 31 Dec 9999", 2958466, "date-out-of-range"],
    ["NaN", NaN, "date-out-of-range"],
    ["Infinity", Infinity, "date-out-of-range"],
    ["31 April", "31-4-2026", "date-impossible"],
    ["29 Feb in a common year", "29-02-2025", "date-impossible"],
    ["month 13", "2026-13-01", "date-impossible"],
    ["serial as text", "46023", "date-number-as-text"],
    ["yyyymmdd text", "20260901", "date-number-as-text"],
    ["mixed separators", "1-9/2026", "date-not-a-date"],
    ["garbage", "morgen", "date-not-a-date"],
    ["impossible time", "2026-09-01 25:00", "date-not-a-date"],
    ["impossible offset", "2026-09-01T10:00:00+15:00", "date-not-a-date"],
    ["impossible date with an offset", "2026-02-30T10:00:00Z", "date-impossible"],
    ["boolean", true, "boolean"],
    ["Excel error text", "#N/A", "excel-error"],
    ["exceljs error object", { error: "#REF!" }, "excel-error"],
    ["invalid Date", new Date(NaN), "unsupported-value"],
    ["an array", [1, 2], "unsupported-value"],
  ])("%s is an error", (_name, input, code) => {
    expect(readDate(input)).toEqual(err(code));
  });

  it("names the offending text in the message, in both languages", () => {
    const r = readDate("31-4-2026");
    expect(r.kind === "error" && r.message.nl).toContain('"31-4-2026"');
    expect(r.kind === "error" && r.message.en).toContain('"31-4-2026"');
  });
});

describe("readAmount", () => {
  it.each<[unknown, number]>([
    [1234.56, 123456],
    [0.285, 29], // half away from zero on the decimal value, not binary 0.28499…
    [-0.285, -29],
    [12.345, 1235],
    // Formula results: the decimal value Excel holds and shows (15 digits) decides, not the binary one.
    [0.175 * 7, 123], // 1.2249999999999999, shown by Excel as 1.225
    [0.075 * 3, 23], // 0.22499999999999998
    [0.15 * 1.5, 23],
    [-(0.175 * 7), -123],
    [0.1 + 0.2, 30], // 0.30000000000000004
    [1.005, 101],
    [1234.565, 123457],
    [0.0049999999999999, 0], // under half a cent, also to 15 digits
    [1.5e-7, 0],
    [0, 0],
    ["1234.56", 123456],
    ["1234,56", 123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["€ 1.234,56", 123456],
    ["€1.234,56", 123456],
    ["-1.234,56", -123456],
    ["€ -1.234,56", -123456],
    ["-€ 1.234,56", -123456],
    ["−12,50", -1250], // Unicode minus
    ["(1.234,56)", -123456],
    ["(450,00)", -45000],
    ["450,00-", -45000], // a ledger's trailing minus
    ["450,00 -", -45000], // … after a space, as some ledger exports print a credit
    ["€ 450,00 -", -45000],
    ["€ 1.450,00 -", -145000],
    ["450,00\u00a0-", -45000],
    ["450,00 − ", -45000], // Unicode minus after a space
    ["450,00- €", -45000],
    ["- 450,00", -45000],
    ["-€ 450,00", -45000],
    ["€ -450,00", -45000],
    ["€ - 450,00", -45000],
    ["12-", -1200],
    ["€ 1 234,56", 123456],
    ["1 234,56", 123456],
    ["1\u00a0234,56", 123456], // no-break space
    ["1\u202f234,56", 123456], // narrow no-break space
    ["1\u2009234,56", 123456], // thin space, as some exports group thousands
    ["€\u20071\u2007234\u2007567,89", 123456789], // figure space
    ["EUR 12,50", 1250],
    ["12,50 EUR", 1250],
    ["12,50 €", 1250],
    ["1.234.567", 123456700],
    ["1,234,567.5", 123456750],
    ["1234", 123400],
    ["12,5", 1250],
    ["0,120000", 12], // extra decimals that are zeros are fine
    ["12,3400", 1234],
    ["0.12", 12],
    [",5", 50],
    ["12,-", 1200],
    ["12,--", 1200],
    // The comma before the dash is the decimal separator, so the point groups thousands.
    ["€ 1.234,-", 123400],
    ["1.234,--", 123400],
    ["12.500,-", 1250000],
    ["€ 1.234.567,-", 123456700],
    ["1,234.-", 123400],
    ["+5", 500],
    [" 7 ", 700],
  ])("%p → %p cents", (input, cents) => {
    expect(readAmount(input)).toEqual({ kind: "ok", value: cents });
  });

  it.each<[unknown, string]>([
    ["1.234", "amount-ambiguous"],
    ["1,234", "amount-ambiguous"],
    ["€ 12.345", "amount-ambiguous"],
    ["-999,999", "amount-ambiguous"],
    ["12,345", "amount-ambiguous"],
    ["12.500", "amount-ambiguous"], // without ",-" nothing says which notation
    ["1.23,-", "amount-not-a-number"], // a thousands group of 2 digits
    ["12.5000,-", "amount-not-a-number"],
    ["0.500,-", "amount-not-a-number"], // 0.500 is not five hundred
    ["1,234,-", "amount-ambiguous"], // the comma cannot be both separators
    ["1234,567", "amount-too-many-decimals"],
    ["0,125", "amount-too-many-decimals"],
    ["1.23.4", "amount-not-a-number"],
    ["1.234,56.78", "amount-not-a-number"],
    ["1,23,456.00", "amount-not-a-number"],
    ["12 34", "amount-not-a-number"],
    ["12\u200934", "amount-not-a-number"], // a thin space groups thousands too: 3 digits after it
    ["1 234.567,00", "amount-not-a-number"],
    ["12abc", "amount-not-a-number"],
    ["1e5", "amount-not-a-number"],
    ["--5", "amount-not-a-number"],
    ["- 450,00 -", "amount-not-a-number"], // two minuses: never guessed
    ["-450,00 -", "amount-not-a-number"],
    ["(450,00) -", "amount-not-a-number"],
    ["12, -", "amount-not-a-number"],
    ["(-5)", "amount-not-a-number"],
    ["€", "amount-not-a-number"],
    ["- -", "amount-not-a-number"],
    ["€ - €", "amount-not-a-number"],
    ["€ --", "amount-not-a-number"],
    ["-,-", "amount-not-a-number"],
    ["€ -,--", "amount-not-a-number"],
    ["(-)", "amount-not-a-number"],
    ["n.v.t. -", "amount-not-a-number"],
    ["–", "amount-not-a-number"], // an en dash is no accounting zero
    ["1234.", "amount-not-a-number"],
    ["-12-", "amount-not-a-number"],
    ["12--", "amount-not-a-number"],
    ["21%", "amount-percent"],
    ["#VALUE!", "excel-error"],
    [NaN, "amount-too-large"],
    [Infinity, "amount-too-large"],
    [1e15, "amount-too-large"],
    ["1000000000000000", "amount-too-large"],
    [false, "boolean"],
    [new Date(), "unsupported-value"],
    [{ foo: 1 }, "unsupported-value"],
  ])("%p is rejected (%s)", (input, code) => {
    expect(readAmount(input)).toEqual(err(code));
  });

  // Excel's accounting format shows zero as a dash ("€ -" with its padding); a CSV saved from Excel holds that text.
  // Was "amount-not-a-number": a row of an invoice without VAT was an error and not counted.
  it.each(["-", " - ", "€ -", "€-", "€ -   ", " € -   ", "\u00a0€\u00a0-\u00a0", "- €", "-€", "EUR -", "eur-"])("%p (the accounting format's zero) is 0 cents, as an amount and as VAT", (input) => {
    expect(readAmount(input)).toEqual({ kind: "ok", value: 0 });
    expect(readVat(input)).toEqual({ kind: "ok", value: 0 });
  });

  it("an ambiguous amount message tells the user what to write instead", () => {
    const r = readAmount("1.234");
    if (r.kind !== "error") throw new Error("expected an error");
    expect(r.message.nl).toContain("1.234,00");
    expect(r.message.en).toContain("1234");
  });

  it.each([null, undefined, "", "  "])("%p is empty", (input) => {
    expect(readAmount(input)).toEqual({ kind: "empty" });
  });

  it("readVat reads like an amount but its messages name the VAT column", () => {
    expect(readVat("€ 21,00")).toEqual({ kind: "ok", value: 2100 });
    const r = readVat(true);
    expect(r.kind === "error" && r.message.en).toContain("VAT");
  });

  it("a formula without a calculated value is an error, never empty; a cached 0 is 0", () => {
    // kor-check's sheet reader gives { formula } alone only for <f> without <v> (a file no program calculated);
    // <f>ROUND(E8*0,2)</f><v>0</v> arrives as { formula, result: 0 }.
    const noResult = {
      kind: "error",
      code: "formula-no-result",
      message: {
        nl: "de btw-cel bevat een formule zonder berekende waarde. Open het bestand in Excel en sla het op, dan rekent Excel de formule uit.",
        en: "the VAT cell contains a formula without a calculated value. Open the file in Excel and save it, so Excel calculates the formula.",
      },
    };
    expect(readVat({ formula: "ROUND(E8*0,2)" })).toEqual(noResult);
    expect(readAmount({ sharedFormula: "E2" })).toMatchObject({ kind: "error", code: "formula-no-result" });
    expect(readCategoryCell({ formula: "VLOOKUP(A2,Codes,2,0)" })).toMatchObject({ kind: "error", code: "formula-no-result" });
    expect(readVat({ formula: "E8*0.21", result: 0 })).toEqual({ kind: "ok", value: 0 });
    expect(readAmount({ formula: "B2>100", result: true })).toMatchObject({ kind: "error", code: "boolean" });
  });
});

describe("readCategoryCell", () => {
  it.each<[unknown, string]>([
    [21, "21"],
    [0.21, "21"],
    [9, "9"],
    [0.09, "9"],
    ["21%", "21"],
    ["0", "0"],
    ["0%", "0"],
    ["hoog", "21"],
    [" KOR ", "kor"],
    ["Verlegd", "verlegd"],
    ["vrij-og-bijkomend", "vrij-og-bijkomend"],
  ])("%p → %p", (input, code) => {
    expect(readCategoryCell(input)).toEqual({ kind: "ok", value: code });
  });

  it.each([0, null, undefined, "", " "])("%p is empty (number 0 is desktop Excel's empty cell, not the 0%% rate)", (input) => {
    expect(readCategoryCell(input)).toEqual({ kind: "empty" });
  });

  it("an unknown category names the value and the accepted codes", () => {
    const r = readCategoryCell("zomaar");
    expect(r).toEqual(err("unknown-category"));
    if (r.kind !== "error") return;
    expect(r.message.nl).toContain('"zomaar"');
    expect(r.message.nl).toContain("kor");
    expect(r.message.en).toContain("verlegd");
  });

  it("an unknown rate number is rejected, not guessed", () => {
    expect(readCategoryCell(6)).toEqual(err("unknown-category"));
    expect(readCategoryCell(0.06)).toEqual(err("unknown-category"));
  });

  it.each(["vrijgesteld", "Exempt"])("%p is ambiguous and the message names the choices", (input) => {
    const r = readCategoryCell(input);
    expect(r).toEqual(err("ambiguous-category"));
    if (r.kind !== "error") return;
    for (const choice of ["kor", "vrij", "vrij-og", "vrij-fin", "vrij-verz"]) expect(r.message.nl).toContain(choice);
  });

  it("the same text gives the same answer the second time (cache)", () => {
    expect(readCategoryCell("laag")).toEqual(readCategoryCell("laag"));
    expect(readCategoryCell("laag")).toEqual({ kind: "ok", value: "9" });
  });

  it("booleans are errors", () => {
    expect(readCategoryCell(true)).toEqual(err("boolean"));
  });
});

describe("readCountry", () => {
  it.each<[unknown, string]>([
    ["NL", "NL"],
    ["de", "DE"],
    ["EL", "GR"],
    ["UK", "GB"],
    ["US", "US"],
    ["JP", "JP"],
    ["Nederland", "NL"],
    ["the Netherlands", "NL"],
    ["Duitsland", "DE"],
    ["Germany", "DE"],
    ["België", "BE"],
    ["Belgie", "BE"],
    ["Verenigd Koninkrijk", "GB"],
    ["United States", "US"],
    ["VS", "US"],
    ["U.S.A.", "US"],
    ["Oostenrijk", "AT"],
    ["Tsjechië", "CZ"],
  ])("%p → %p", (input, code) => {
    expect(readCountry(input)).toEqual({ kind: "ok", value: code });
  });

  it.each([null, undefined, "", 0])("%p is empty", (input) => {
    expect(readCountry(input)).toEqual({ kind: "empty" });
  });

  it.each<[unknown]>([["XX"], ["Atlantis"], [31], [true]])("%p is rejected", (input) => {
    expect(readCountry(input).kind).toBe("error");
  });

  it("the message names the unknown value", () => {
    const r = readCountry("Narnia");
    expect(r.kind === "error" && r.message.nl).toContain('"Narnia"');
  });
});

describe("cellText", () => {
  it("never throws, even on cyclic objects", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(typeof cellText(cyclic)).toBe("string");
    expect(cellText(Symbol("x") as unknown)).toBe("Symbol(x)");
  });
});

describe("messages read naturally in both languages, for every column kind", () => {
  const messageOf = (r: unknown) => (r as { kind: string; message: { nl: string; en: string } }).message;

  it.each<[string, (cell: unknown) => unknown, string, string]>([
    ["date", readDate, "de datumcel bevat WAAR (een waar/onwaar-waarde, TRUE in een Engelstalige Excel), geen datum.", "the date cell contains TRUE (true/false), not a date."],
    ["amount", readAmount, "de bedragcel bevat WAAR (een waar/onwaar-waarde, TRUE in een Engelstalige Excel), geen bedrag.", "the amount cell contains TRUE (true/false), not an amount."],
    ["VAT", readVat, "de btw-cel bevat WAAR (een waar/onwaar-waarde, TRUE in een Engelstalige Excel), geen btw-bedrag.", "the VAT cell contains TRUE (true/false), not a VAT amount."],
    ["category", readCategoryCell, "de categoriecel bevat WAAR (een waar/onwaar-waarde, TRUE in een Engelstalige Excel), geen categorie.", "the category cell contains TRUE (true/false), not a category."],
    ["country", readCountry, "de landcel bevat WAAR (een waar/onwaar-waarde, TRUE in een Engelstalige Excel), geen land.", "the country cell contains TRUE (true/false), not a country."],
  ])("TRUE in the %s column", (_name, read, nl, en) => {
    expect(messageOf(read(true))).toEqual({ nl, en });
  });

  it.each<[string, (cell: unknown) => unknown, string, string]>([
    ["amount", readAmount, 'de bedragcel bevat iets wat geen bedrag is: "[1,2]".', 'the amount cell contains something that is not an amount: "[1,2]".'],
    ["VAT", readVat, 'de btw-cel bevat iets wat geen btw-bedrag is: "[1,2]".', 'the VAT cell contains something that is not a VAT amount: "[1,2]".'],
    ["date", readDate, 'de datumcel bevat iets wat geen datum is: "[1,2]".', 'the date cell contains something that is not a date: "[1,2]".'],
    ["category", readCategoryCell, 'de categoriecel bevat iets wat geen categorie is: "[1,2]".', 'the category cell contains something that is not a category: "[1,2]".'],
    ["country", readCountry, 'de landcel bevat iets wat geen land is: "[1,2]".', 'the country cell contains something that is not a country: "[1,2]".'],
  ])("an unsupported value in the %s column", (_name, read, nl, en) => {
    expect(messageOf(read([1, 2]))).toEqual({ nl, en });
  });

  it("an Excel error in the VAT column", () => {
    expect(messageOf(readVat("#N/A"))).toEqual({
      nl: "de btw-cel toont de Excel-fout #N/A (#N/B in een Nederlandstalige Excel). Herstel de formule of maak de cel leeg.",
      en: "the VAT cell shows the Excel error #N/A. Fix the formula or clear the cell.",
    });
  });

  it("text that is not a number in the VAT and amount columns", () => {
    expect(messageOf(readVat("abc"))).toEqual({
      nl: '"abc" is geen btw-bedrag. Schrijf een bedrag als 1234,56 of 1.234,56 (of 1234.56).',
      en: '"abc" is not a VAT amount. Write an amount as 1234.56 or 1,234.56 (or 1.234,56).',
    });
    expect(messageOf(readAmount("abc")).en).toBe('"abc" is not an amount. Write an amount as 1234.56 or 1,234.56 (or 1.234,56).');
  });

  it("a month that does not exist is named as the month, not the day", () => {
    const expected = {
      nl: 'de datum "31-13-2026" bestaat niet (er is geen maand 13). Datums lezen we als dag-maand-jaar.',
      en: 'the date "31-13-2026" does not exist (there is no month 13). Dates are read as day-month-year.',
    };
    expect(readDate("31-13-2026")).toEqual({ kind: "error", code: "date-impossible", message: expected });
    // A date only month/day/year ("1-13-2026" is 13 January that way) says so: never read, never only "no month 13".
    expect(readDate("1-13-2026")).toEqual({
      kind: "error",
      code: "date-impossible",
      message: {
        nl:
          'de datum "1-13-2026" bestaat niet als dag-maand-jaar (er is geen maand 13). Alleen als maand/dag/jaar (Amerikaanse volgorde) is het een datum: ' +
          "13 januari 2026. Bedoelt u die datum, schrijf hem dan als dag-maand-jaar of jaar-maand-dag, of maak er een Excel-datum van.",
        en:
          'the date "1-13-2026" does not exist as day-month-year (there is no month 13). Only as month/day/year (US order) is it a date: ' +
          "13 January 2026. If that is the date you mean, write it as day-month-year or year-month-day, or make it an Excel date.",
      },
    });
    expect(messageOf(readDate("2026-00-10")).en).toBe('the date "2026-00-10" does not exist (there is no month 0). Dates are read as day-month-year.');
  });

  it("a day that does not exist in a real month is still named as the day", () => {
    expect(messageOf(readDate("31-4-2026"))).toEqual({
      nl: `de datum "31-4-2026" bestaat niet (zo'n dag heeft die maand niet). Datums lezen we als dag-maand-jaar.`,
      en: 'the date "31-4-2026" does not exist (that month has no such day). Dates are read as day-month-year.',
    });
  });
});

describe("readCountry: Northern Ireland (XI)", () => {
  it.each<[string]>([["XI"], ["xi"], ["Northern Ireland"], ["Noord-Ierland"]])("%p is refused with a message naming Northern Ireland and how to classify it", (input) => {
    const r = readCountry(input);
    expect(r.kind).toBe("error");
    if (r.kind !== "error") return;
    expect(r.code).toBe("unknown-country");
    expect(r.message.en).toContain(`"${input}" is Northern Ireland`);
    expect(r.message.en).not.toContain("Use a two-letter country code");
    expect(r.message.en).toContain("services: enter GB");
    expect(r.message.en).toContain("Windsor Framework");
    expect(r.message.nl).toContain(`"${input}" is Noord-Ierland`);
    expect(r.message.nl).toContain("diensten: vul GB in");
  });
});
