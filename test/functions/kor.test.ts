/**
 * The KOR.* functions called as Excel calls them: 2-D ranges, null for omitted arguments, 0 and "" for empty
 * cells, text dates and amounts. Worked examples from kor-rules.md section 10.
 */
import * as f from "../../src/functions/functions";
import { OMITTED, col, serial, sheet, thrown, withOffice } from "./helpers";
import { readRows } from "../../src/reading/rows";
import { summarizeYear } from "../../src/rules/summary";
import { dayFromIso } from "../../src/rules/dates";

describe("KOR.COUNTABLE", () => {
  it("skips a header row (Datum/Bedrag) at the top of whole-column ranges, in the fast path and the reading layer", () => {
    const dates = col("Datum", serial("2025-01-10"), serial("2025-02-10"));
    const amounts = col("Bedrag", 100, 200);
    expect(f.countable(dates, amounts, OMITTED, null)).toBe(300);
    // A text amount sends it to the reading layer, which skips the header too.
    expect(f.countable(dates, col("Bedrag", "100,00", 200), col("BTW %", "21", "9"), null)).toBe(300);
    expect(f.countable(col("Invoice date", serial("2025-01-10")), col("Amount", 50), OMITTED, null)).toBe(50);
  });

  it("keeps the range's row numbers in messages after skipping a header row", () => {
    const e = thrown(() => f.countable(col("Datum", serial("2025-01-10"), "kapot"), col("Bedrag", 100, 200), OMITTED, null));
    expect(e.message).toMatch(/\b3\b/);
    const at = thrown(() =>
      f.countable(col("Datum", serial("2025-01-10"), "kapot"), col("Bedrag", 100, 200), OMITTED, null, { parameterAddresses: ["A:A", "B:B"] }),
    );
    expect(at.message).toContain("A3");
  });

  it("skips a header cell at the start of one-row ranges (invoices across a row), never the invoices after it", () => {
    const d = serial("2026-02-01");
    // Dates in row 1, amounts in row 2, each led by its header: the invoices are the cells after the headers.
    expect(f.countable([["Datum", d, d]], [["Bedrag", 100, 50]], OMITTED, null)).toBe(150);
    expect(f.countable([["Datum", d, d]], [["Bedrag", 100, 50]], [["Categorie", "vrij", ""]], 2026)).toBe(50);
    // Messages keep the range's cells: the bad amount is the third cell of A2:C2, C2.
    const at = thrown(() => f.countable([["Datum", d, d]], [["Bedrag", 100, "kapot"]], OMITTED, null, { parameterAddresses: ["A1:C1", "A2:C2"] }));
    expect(at.message).toContain("C2");
  });

  it("says which header over the amounts is not turnover, instead of calling the dates' header no date", () => {
    const d = serial("2026-02-01");
    const at = { parameterAddresses: ["A:A", "B:B"] };
    const gross = thrown(() => f.countable(col("Datum", d), col("Bedrag incl. btw", 121), OMITTED, null, at));
    expect(gross.code).toBe("#VALUE!");
    expect(gross.message).toContain("B1");
    expect(gross.message).toContain('"Bedrag incl. btw"');
    expect(gross.message).toMatch(/including VAT/);
    expect(gross.message).not.toMatch(/is not a date/);
    const vat = thrown(() => f.countable(col("Datum", d), col("BTW", 21), OMITTED, null, at));
    expect(vat.message).toMatch(/"BTW".*VAT/);
    expect(vat.message).not.toMatch(/is not a date/);
    const other = withOffice("nl-NL", () => thrown(() => f.countable(col("Factuurdatum", d), col("Prijs", 100), OMITTED, null, at)));
    expect(other.message).toContain("Cel B1");
    expect(other.message).toContain('"Prijs"');
    expect(other.message).toMatch(/exclusief btw/);
    expect(other.message).not.toMatch(/geen datum/);
  });

  it("names an Excel error cell as a Dutch Excel shows it (#N/B, #WAARDE!, #DEEL/0!) when the display language is Dutch", () => {
    const d = serial("2026-02-01");
    // Excel passes an error cell as a CustomFunctions.Error with its English code, whatever the language.
    const nl = (code: string): string =>
      withOffice("nl-NL", () => thrown(() => f.countable(col(d), col({ code }), OMITTED, null, { parameterAddresses: ["A2:A2", "B2:B2"] })).message);
    expect(nl("#N/A")).toContain("#N/B");
    expect(nl("#VALUE!")).toContain("#WAARDE!");
    expect(nl("#DIV/0!")).toContain("#DEEL/0!");
    expect(nl("#REF!")).toContain("#VERW!");
    const en = thrown(() => f.countable(col(d), col({ code: "#N/A" }), OMITTED, null)).message;
    expect(en).toContain("#N/A");
    expect(en).not.toContain("#N/B");
  });

  it("sums the countable turnover of worked example 1 (2025: 19,500)", () => {
    const s = sheet([
      ["2024-05-01", 15000, "21%"],
      ["2025-02-01", 12000, "21"],
      ["2025-03-01", 3000, "9%"],
      ["2025-04-01", 2000, "export"],
      ["2025-05-01", 2500, "verlegd"],
    ]);
    expect(f.countable(s.dates, s.amounts, s.categories, null)).toBe(19500);
    expect(f.countable(s.dates, s.amounts, s.categories, 2024)).toBe(15000);
  });

  it("leaves out what does not count (worked examples 3 to 6)", () => {
    const s = sheet([
      ["2025-01-10", 15000, "21"],
      ["2025-02-10", 6000, "vrij-og-bijkomend"],
      ["2025-03-10", 30000, "medisch"],
      ["2025-04-10", 8000, "bedrijfsmiddel"],
      ["2025-05-10", 1500, "privé"],
    ]);
    expect(f.countable(s.dates, s.amounts, s.categories, null)).toBe(15000);
  });

  it("counts every row as taxed turnover when categories are omitted (null)", () => {
    const s = sheet([
      ["2025-01-10", 100.1],
      ["2025-02-10", 200.2],
    ]);
    expect(f.countable(s.dates, s.amounts, OMITTED, null)).toBe(300.3);
  });

  it("rounds each row to cents, half away from zero, and lets credit notes reduce the total", () => {
    const s = sheet([
      ["2025-01-10", 0.285],
      ["2025-01-11", 1000],
      ["2025-01-12", -250.5],
    ]);
    expect(f.countable(s.dates, s.amounts, OMITTED, 2025)).toBe(749.79);
  });

  it("rounds a formula result as Excel shows it (15 digits): =0,175*7 is 1,225 → 1,23, so 19.998,78 + it crosses €20.000", () => {
    // 0.175 * 7 is the double 1.2249999999999999, which Excel shows as 1.225 and rounds to 1.23.
    const formula = 0.175 * 7;
    const s = sheet([
      ["2025-01-10", 19_998.78],
      ["2025-03-01", formula],
    ]);
    expect(f.countable(s.dates, s.amounts, OMITTED, 2025)).toBe(20_000.01);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2025, 0)).toBe(false);
    expect(f.crossing(s.dates, s.amounts, OMITTED, 2025)).toBe(serial("2025-03-01"));
  });

  it("skips empty rows given as 0 (desktop) and as null or \"\" (web)", () => {
    const dates = col(serial("2025-01-10"), 0, null, "", serial("2025-02-10"));
    const amounts = col(100, 0, null, "", 50);
    expect(f.countable(dates, amounts, OMITTED, null)).toBe(150);
  });

  it("reads text dates and text amounts from imports", () => {
    const dates = col("2025-09-01", "1-9-2025", "01/09/2025");
    const amounts = col("1.234,56", "€ 1.000,00", "1234.56");
    expect(f.countable(dates, amounts, OMITTED, "2025")).toBe(3469.12);
  });

  it("returns 0 for empty ranges", () => {
    expect(f.countable(col(0, 0), col(0, 0), OMITTED, null)).toBe(0);
  });

  it("names the row of an unknown category and lists the accepted codes", () => {
    const s = sheet([
      ["2025-01-10", 100, "21"],
      ["2025-01-11", 100, "hoogtarief-ish"],
    ]);
    const e = thrown(() => f.countable(s.dates, s.amounts, s.categories, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Row 2 of the range: unknown category "hoogtarief-ish"/);
    expect(e.message).toContain("vrij-og-bijkomend");
  });

  it("names the cell when Excel gives the parameter addresses", () => {
    const s = sheet([
      ["2025-01-10", 100, "21"],
      ["2025-01-11", 100, "vrijgesteld"],
      ["2025-01-12", "12,345", "21"],
    ]);
    const invocation = { address: "Blad1!F1", parameterAddresses: ["Blad1!A2:A4", "Blad1!B2:B4", "'Mijn blad'!C2:C4", ""] };
    const e = thrown(() => f.countable(s.dates, s.amounts, s.categories, null, invocation as unknown as CustomFunctions.Invocation));
    expect(e.message).toMatch(/^Cell 'Mijn blad'!C3: category "vrijgesteld" is ambiguous/);
    expect(e.message).toContain("And 1 more problem");
  });

  it("shows a direction override in the sheet name of the cell address as \\u202E: the message reads as written", () => {
    const s = sheet([["2025-01-10", 100, "vrijgesteld"]]);
    const invocation = { address: "Blad1!F1", parameterAddresses: ["Blad1!A2:A2", "Blad1!B2:B2", "'Omzet\u202E5202'!C2:C2", ""] };
    const e = thrown(() => f.countable(s.dates, s.amounts, s.categories, null, invocation as unknown as CustomFunctions.Invocation));
    expect(e.message).toMatch(/^Cell 'Omzet\\u202E5202'!C2: category "vrijgesteld" is ambiguous/);
  });

  it("refuses an amount without a date", () => {
    const e = thrown(() => f.countable(col(serial("2025-01-10"), 0), col(100, 250), OMITTED, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Row 2 of the range: amount without a date/);
  });

  it("refuses ranges of different heights", () => {
    const e = thrown(() => f.countable(col(serial("2025-01-10"), serial("2025-01-11")), col(100), OMITTED, null));
    expect(e.message).toMatch(/same number of rows/);
  });

  it("refuses an ambiguous text amount instead of guessing", () => {
    const e = thrown(() => f.countable(col(serial("2025-01-10")), col("1.234"), OMITTED, null));
    expect(e.message).toMatch(/^Row 1 of the range: in "1.234" it is unclear/);
  });

  it("refuses years before 2020 with the reason", () => {
    const s = sheet([["2019-06-01", 100]]);
    expect(thrown(() => f.countable(s.dates, s.amounts, OMITTED, null)).message).toMatch(/2019 is not supported: the KOR exemption exists from 2020/);
    expect(thrown(() => f.countable(s.dates, s.amounts, OMITTED, 2019)).code).toBe("#VALUE!");
  });

  it("refuses a year that is not a year (a date serial)", () => {
    const s = sheet([["2025-06-01", 100]]);
    expect(thrown(() => f.countable(s.dates, s.amounts, OMITTED, serial("2025-01-01"))).message).toMatch(/is not a year/);
  });

  it("speaks Dutch when Office's display language is Dutch", () => {
    const s = sheet([["2025-01-10", 100, "onbekend"]]);
    const e = withOffice("nl-NL", () => thrown(() => f.countable(s.dates, s.amounts, s.categories, null)));
    expect(e.message).toMatch(/^Rij 1 van het bereik: onbekende categorie "onbekend"/);
  });
});

describe("KOR.ELIGIBLE", () => {
  it("is FALSE over €20,000 (worked example 2) and TRUE when the letting is ancillary (example 3)", () => {
    const two = sheet([
      ["2024-03-01", 10000],
      ["2025-03-01", 15000, "21"],
      ["2025-06-01", 6000, "vrij-og"],
    ]);
    expect(f.eligible(two.dates, two.amounts, two.categories, null, null)).toBe(false);
    const three = sheet([
      ["2024-03-01", 10000],
      ["2025-03-01", 15000, "21"],
      ["2025-06-01", 6000, "vrij-og bijkomend"],
    ]);
    expect(f.eligible(three.dates, three.amounts, three.categories, null, null)).toBe(true);
  });

  it("is TRUE at exactly €20,000.00 and FALSE at €20,000.01 (examples 9 and 10)", () => {
    const nine = sheet([["2025-11-30", 20000]]);
    expect(f.eligible(nine.dates, nine.amounts, OMITTED, null, null)).toBe(true);
    const ten = sheet([
      ["2025-11-30", 20000],
      ["2025-12-01", 0.01],
    ]);
    expect(f.eligible(ten.dates, ten.amounts, OMITTED, null, null)).toBe(false);
  });

  it("applies the previous-year test from 2025 (examples 12 and 13)", () => {
    const twelve = sheet([
      ["2025-05-01", 21000],
      ["2026-05-01", 15000],
    ]);
    expect(f.eligible(twelve.dates, twelve.amounts, OMITTED, null, null)).toBe(false);
    const thirteen = sheet([
      ["2022-05-01", 21000],
      ["2023-05-01", 15000],
    ]);
    expect(f.eligible(thirteen.dates, thirteen.amounts, OMITTED, null, null)).toBe(true);
  });

  it("uses previousYearTurnover when given (number or text)", () => {
    const s = sheet([["2026-05-01", 15000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(true);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, 20000.01)).toBe(false);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, "19.000,00")).toBe(true);
    expect(thrown(() => f.eligible(s.dates, s.amounts, OMITTED, 2026, "veel")).message).toMatch(/^Argument previousYearTurnover:/);
  });

  it("stays FALSE after a crossing even when a later credit note brings the total back", () => {
    const s = sheet([
      ["2025-03-01", 20001],
      ["2025-04-01", -5000],
    ]);
    expect(f.countable(s.dates, s.amounts, OMITTED, null)).toBe(15001);
    expect(f.eligible(s.dates, s.amounts, OMITTED, null, null)).toBe(false);
  });

  it("is #N/A asking for the year when there are no invoices at all", () => {
    const e = thrown(() => f.eligible(col(0), col(0), OMITTED, null, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/No invoices found/);
  });
});

describe("KOR.CROSSING", () => {
  it("gives the date of the crossing row (worked example 8)", () => {
    const s = sheet([
      ["2025-09-15", 19750],
      ["2025-09-16", 500],
      ["2025-10-01", 100],
    ]);
    expect(f.crossing(s.dates, s.amounts, OMITTED, null)).toBe(serial("2025-09-16"));
  });

  it("keeps sheet order for rows on the same date", () => {
    const s = sheet([
      ["2025-09-16", 500],
      ["2025-09-15", 19000],
      ["2025-09-16", 600],
      ["2025-09-16", -2000],
    ]);
    expect(f.crossing(s.dates, s.amounts, OMITTED, null)).toBe(serial("2025-09-16"));
  });

  it("is #N/A 'not exceeded in <year>' when the threshold is not crossed", () => {
    const s = sheet([["2025-11-30", 20000]]);
    const e = thrown(() => f.crossing(s.dates, s.amounts, OMITTED, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^Not exceeded in 2025/);
  });

  it("returns a formatted date where the client supports CustomFunctionsRuntime 1.4", () => {
    const s = sheet([["2025-12-01", 20000.01]]);
    const value = withOffice("nl-NL", () => f.crossing(s.dates, s.amounts, OMITTED, null), true);
    expect(value).toEqual({ type: "Double", basicValue: serial("2025-12-01"), numberFormat: "d-m-yyyy" });
  });
});

describe("KOR.DEADLINE and KOR.START", () => {
  it.each([
    ["2026-01-01", null, "2025-12-03"],
    ["2026-04-01", "kwartaal", "2026-03-03"],
    ["2026-07-01", "quarter", "2026-06-02"],
    ["2026-10-01", null, "2026-09-02"],
    ["2027-01-01", null, "2026-12-03"],
    ["2026-03-01", "maand", "2026-01-31"],
    ["2026-02-15", null, "2026-03-03"],
    ["2026-02-15", "jaar", "2026-12-03"],
    ["2019-12-01", null, "2019-11-20"],
  ])("DEADLINE(%s, %s) is %s", (startIso, period, expected) => {
    expect(f.deadline(serial(startIso), period)).toBe(serial(expected));
  });

  it("accepts a text date", () => {
    expect(f.deadline("1-1-2026", null)).toBe(serial("2025-12-03"));
  });

  it("refuses an empty date, an unknown period and starts before 2020", () => {
    expect(thrown(() => f.deadline(null, null)).message).toMatch(/startDate argument is missing/);
    expect(thrown(() => f.deadline(serial("2026-01-01"), "week")).message).toMatch(/Unknown filing period "week"/);
    expect(thrown(() => f.deadline(serial("2018-06-01"), "jaar")).message).toMatch(/2019 is not supported/);
  });

  it.each([
    ["2025-12-02", null, "2026-01-01"],
    ["2025-12-03", null, "2026-01-01"],
    ["2025-12-04", null, "2026-04-01"],
    ["2026-01-31", "month", "2026-03-01"],
    ["2026-02-01", "month", "2026-04-01"],
  ])("START(%s, %s) is %s (worked example 15)", (receivedIso, period, expected) => {
    expect(f.start(serial(receivedIso), period)).toBe(serial(expected));
  });

  it("says a whole number 1900–2200 looks like a year and suggests DATE(2027,1,1) / DATUM(2027;1;1)", () => {
    const e = thrown(() => f.deadline(2027, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/2027 looks like a year, not a date\. Use DATE\(2027,1,1\) for 1 January 2027/);
    expect(e.message).not.toMatch(/1905/);
    expect(thrown(() => f.start(2026, null)).message).toMatch(/2026 looks like a year.*DATE\(2026,1,1\)/);
    expect(thrown(() => f.deadline("2027", null)).message).toMatch(/looks like a year/);
    const nl = withOffice("nl-NL", () => thrown(() => f.deadline(2027, null)));
    expect(nl.message).toMatch(/2027 lijkt een jaartal, geen datum\. Gebruik DATUM\(2027;1;1\)/);
    // Real dates (serials far above 2200) still work.
    expect(f.deadline(serial("2027-01-01"), null)).toBe(serial("2026-12-03"));
  });

  it("refuses a registration received before the KOR exemption was announced", () => {
    expect(thrown(() => f.start(serial("2015-01-01"), null)).message).toMatch(/too early/);
  });
});

describe("KOR.STATUS", () => {
  it("states verdict, amount, percentage, headroom and the previous year", () => {
    const s = sheet([
      ["2024-03-01", 15000],
      ["2025-05-01", 19500],
    ]);
    expect(f.status(s.dates, s.amounts, OMITTED, null, null)).toBe(
      "2025: eligible for the KOR. Turnover that counts €19,500.00 = 97.5% of €20,000.00; €500.00 left below the turnover limit. Previous year 2024: €15,000.00 (from the data).",
    );
  });

  it("says the previous year's figure may not be the whole year when its rows start late (an export from 1 December?), as the pane does", () => {
    const s = sheet([
      ["2025-12-01", 1200],
      ["2026-02-01", 4000],
    ]);
    expect(f.status(s.dates, s.amounts, OMITTED, null, null)).toBe(
      "2026: eligible for the KOR. Turnover that counts €4,000.00 = 20.0% of €20,000.00; €16,000.00 left below the turnover limit. " +
        "Previous year 2025: €1,200.00 (from the data; incomplete? the rows only start on 1 December 2025: enter previousYearTurnover if 2025 had more turnover).",
    );
    expect(withOffice("nl-NL", () => f.status(s.dates, s.amounts, OMITTED, null, null))).toContain(
      "Vorig jaar 2025: € 1.200,00 (uit de gegevens; onvolledig? de rijen beginnen pas op 1 december 2025: vul previousYearTurnover in als 2025 meer omzet had).",
    );
    // Typed: the figure is the user's, nothing to ask.
    expect(f.status(s.dates, s.amounts, OMITTED, null, 1200)).not.toContain("incomplete");
  });

  it("states the crossing date, in Dutch", () => {
    const s = sheet([
      ["2025-09-15", 19750],
      ["2025-09-16", 500],
    ]);
    expect(withOffice("nl-BE", () => f.status(s.dates, s.amounts, OMITTED, null, null))).toBe(
      "2025: KOR niet mogelijk. Omzet die meetelt € 20.250,00 = 101,3% van € 20.000,00; omzetgrens overschreden op 16 september 2025. " +
        "Vorig jaar 2024: geen gegevens, € 0,00 aangenomen (vul previousYearTurnover in als er omzet was).",
    );
  });

  it("beside a crossing that later credit notes bring back within the limit: the year total and the invoice to check (kor-rules.md section 5)", () => {
    const s = sheet([
      ["2025-02-01", 19000],
      ["2025-05-10", 1500],
      ["2025-05-20", -1500],
    ]);
    expect(f.status(s.dates, s.amounts, OMITTED, null, 0)).toBe(
      "2025: not eligible for the KOR. Turnover that counts €19,000.00 = 95.0% of €20,000.00; turnover limit crossed on 10 May 2025. " +
        "Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice. Previous year 2024: no data, €0.00 assumed (enter previousYearTurnover if there was turnover).",
    );
    expect(withOffice("nl-NL", () => f.status(s.dates, s.amounts, OMITTED, null, 0))).toContain(
      "omzetgrens overschreden op 10 mei 2025. Latere creditnota's brengen het totaal van 2025 terug naar € 19.000,00; dat maakt de overschrijding niet ongedaan. Maar trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur. Vorig jaar 2024",
    );
    const table = f.report(s.dates, s.amounts, OMITTED, null);
    expect(table[5]).toEqual(["Total 2025", 19000, 19000, 95, "turnover limit crossed on 10 May 2025. Later credit notes bring the 2025 total back to €19,000.00; that does not undo the crossing. But if a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice."]);
    expect(table[2][4]).toBe("turnover limit crossed on 10 May 2025");
  });

  it("says the previous year is not tested before 2025", () => {
    const s = sheet([["2023-05-01", 1000]]);
    expect(f.status(s.dates, s.amounts, OMITTED, null, null)).toMatch(/The previous year is only tested from 2025\.$/);
  });

  it("before 2025 shows a typed previous year as given, saying it does not decide the year (was: 'only tested from 2025', the figure left out)", () => {
    const s = sheet([["2023-06-01", 12_000], ["2024-05-01", 1000]]);
    // €25,000 typed for 2023: 2024 stays eligible; the rows of 2023 (€12,000) are named beside it.
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2024, 25_000)).toBe(true);
    expect(f.status(s.dates, s.amounts, OMITTED, 2024, 25_000)).toMatch(
      /Previous year 2023: €25,000\.00 \(as given; the rows of 2023 add up to €12,000\.00\); it does not decide 2024: the previous year is only tested from 2025\. Over the limit: if the business was in the KOR in 2023, that participation ended in 2023\.$/,
    );
    expect(withOffice("nl-NL", () => f.status(s.dates, s.amounts, OMITTED, 2024, 15_000))).toMatch(
      /Vorig jaar 2023: € 15\.000,00 \(opgegeven; de rijen van 2023 tellen op tot € 12\.000,00\); beslist 2024 niet: vorig jaar telt pas mee vanaf 2025\.$/,
    );
  });

  it("names a previous year over the threshold as given", () => {
    const s = sheet([["2026-05-01", 15000]]);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, 25000)).toMatch(/^2026: not eligible.*Previous year 2025: €25,000.00 \(as given\), over the limit\.$/);
  });
});

describe("KOR.REPORT", () => {
  it("spills a header, four quarters and a total", () => {
    const s = sheet([
      ["2025-02-01", 5000],
      ["2025-05-01", 10000, "21"],
      ["2025-05-02", 9999, "vrij"],
      ["2025-08-01", 5500],
      ["2025-11-01", 100],
    ]);
    expect(f.report(s.dates, s.amounts, s.categories, null)).toEqual([
      ["Quarter", "Turnover (€)", "Cumulative (€)", "% of €20,000.00", "Status"],
      ["Q1 2025", 5000, 5000, 25, "within"],
      ["Q2 2025", 10000, 15000, 75, "within"],
      ["Q3 2025", 5500, 20500, 102.5, "turnover limit crossed on 1 August 2025"],
      ["Q4 2025", 100, 20600, 103, "over the limit"],
      ["Total 2025", 20600, 20600, 103, "turnover limit crossed on 1 August 2025"],
    ]);
  });

  it("after the crossing quarter says 'boven de grens' without claiming the KOR ended (kor-rules.md section 5: the functions know no participation status)", () => {
    const s = sheet([
      ["2025-02-01", 19_900],
      ["2025-05-01", 200],
      ["2025-08-01", 100],
    ]);
    const table = withOffice("nl-NL", () => f.report(s.dates, s.amounts, OMITTED, null));
    expect(table[2][4]).toBe("omzetgrens overschreden op 1 mei 2025");
    expect(table[3][4]).toBe("boven de grens");
    expect(table.flat().join(" ")).not.toMatch(/beëindigd|ended/);
  });

  it("after the crossing, a quarter whose cumulative credit notes bring back under the limit is not called 'over the limit' (kor-rules.md section 5)", () => {
    const s = sheet([
      ["2025-02-01", 15_000],
      ["2025-05-01", 6_000],
      ["2025-08-01", -2_000],
      ["2025-11-01", 500],
    ]);
    const en = f.report(s.dates, s.amounts, OMITTED, null);
    expect(en[2][4]).toBe("turnover limit crossed on 1 May 2025");
    expect(en[3].slice(2)).toEqual([19_000, 95, "after the crossing"]);
    expect(en[4].slice(2)).toEqual([19_500, 97.5, "after the crossing"]);
    const nl = withOffice("nl-NL", () => f.report(s.dates, s.amounts, OMITTED, null));
    expect(nl[3][4]).toBe("na de overschrijding");
    // Still over the limit: said so.
    const over = sheet([["2025-02-01", 21_000], ["2025-05-01", -500]]);
    expect(f.report(over.dates, over.amounts, OMITTED, null)[2][4]).toBe("over the limit");
  });

  it("never returns null cells (they would show as 0)", () => {
    const s = sheet([["2025-02-01", 5000]]);
    const table = withOffice("nl-NL", () => f.report(s.dates, s.amounts, OMITTED, null));
    expect(table.flat().every((v) => v !== null && v !== undefined)).toBe(true);
    expect(table[0][0]).toBe("Kwartaal");
    expect(table[1][0]).toBe("K1 2025");
  });
});

describe("KOR.ISCOUNTABLE", () => {
  it.each([
    ["21%", true],
    [0.21, true],
    ["export", true],
    ["vrij-og", true],
    ["vrij-og-bijkomend", false],
    ["medisch", false],
    ["privé", false],
    ["inkoop", false],
    ["", true],
    [null, true],
    [[["buitenland"]], false],
  ])("ISCOUNTABLE(%p) is %p", (category, expected) => {
    expect(f.isCountable(category)).toBe(expected);
  });

  it("is #VALUE! naming the accepted codes for an unknown category", () => {
    const e = thrown(() => f.isCountable("zwart"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Unknown category "zwart". Use one of: 21, 9, 0, kor/);
  });

  it("is #VALUE! naming the choices for a bare 'vrijgesteld'", () => {
    expect(thrown(() => f.isCountable("vrijgesteld")).message).toMatch(/^Category "vrijgesteld" is ambiguous. Choose: kor/);
  });

  it("refuses a range of several cells", () => {
    expect(thrown(() => f.isCountable([["21"], ["9"]])).message).toMatch(/must be one value or one cell/);
  });
});

describe("a negative previousYearTurnover", () => {
  it.each([-5, "-5", "-1.000,00"])("is refused with #VALUE! by KOR.ELIGIBLE and KOR.STATUS (%j)", (prev) => {
    const s = sheet([["2025-02-01", 1000]]);
    for (const call of [() => f.eligible(s.dates, s.amounts, OMITTED, 2025, prev), () => f.status(s.dates, s.amounts, OMITTED, 2025, prev)]) {
      const e = thrown(call);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/previousYearTurnover: last year's turnover cannot be negative/);
    }
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2025, 0)).toBe(true);
  });

  it("asks for an amount in euros without suggesting that 0 is taken (0 or empty: not given), in English and Dutch", () => {
    const s = sheet([["2025-02-01", 1000]]);
    expect(thrown(() => f.status(s.dates, s.amounts, OMITTED, 2025, -5)).message).toBe(
      "Argument previousYearTurnover: last year's turnover cannot be negative. Enter last year's turnover that counts, in euros; 0 or empty: not given, the rows of last year count.",
    );
    expect(withOffice("nl-NL", () => thrown(() => f.status(s.dates, s.amounts, OMITTED, 2025, -5))).message).toBe(
      "Argument previousYearTurnover (omzet vorig jaar): de omzet van vorig jaar kan niet negatief zijn. Vul de meetellende omzet van vorig jaar in euro in; 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
    );
  });
});

describe("the previous year given wins (kor-rules.md section 4, worked example 26)", () => {
  it("ELIGIBLE is FALSE with a Dec-2025 row of €500 and previousYearTurnover 25,000; STATUS names both figures", () => {
    const s = sheet([["2025-12-10", 500], ["2026-02-01", 5000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, 25000)).toBe(false);
    const text = f.status(s.dates, s.amounts, OMITTED, 2026, 25000);
    expect(text).toContain("Previous year 2025: €25,000.00 (as given; the rows of 2025 add up to €500.00), over the limit.");
    const nl = withOffice("nl-NL", () => f.status(s.dates, s.amounts, OMITTED, 2026, 25000));
    expect(nl).toContain("Vorig jaar 2025: € 25.000,00 (opgegeven; de rijen van 2025 tellen op tot € 500,00), boven de grens.");
    // Without the argument the rows are used.
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(true);
  });
});

describe("KOR.START and KOR.DEADLINE never answer past 31-12-9999", () => {
  it("refuses with #VALUE! and a message instead", () => {
    const e = thrown(() => f.start(serial("9999-12-15"), "quarter"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("The answer for 15 December 9999 would fall after 31 Dec 9999, the last date Excel knows. Check the date.");
    expect(thrown(() => f.deadline(serial("9999-12-02"), "month")).message).toMatch(/after 31 Dec 9999/);
    expect(f.start(serial("9999-09-01"), "quarter")).toBe(serial("9999-10-01"));
    expect(f.deadline(serial("9999-12-01"), "month")).toBe(serial("9999-11-02"));
  });
});

describe("KOR.EUTURNOVER and KOR.EUELIGIBLE", () => {
  const countries = (...c: unknown[]): unknown[][] => col(...c);

  it("adds B2B services taxed in another member state to Union turnover (worked example 7)", () => {
    const s = sheet([
      ["2025-03-01", 12000, "21"],
      ["2025-04-01", 10000, "buitenland"],
      ["2025-05-01", 5000, "buitenland"],
    ]);
    const c = countries("", "DE", "US");
    expect(f.euTurnover(s.dates, s.amounts, c, s.categories, null)).toBe(22000);
    expect(f.countable(s.dates, s.amounts, s.categories, null)).toBe(12000);
  });

  it("is TRUE in BE and AT for worked example 18, FALSE where the national threshold is exceeded", () => {
    const s = sheet([
      ["2025-06-01", 60000],
      ["2026-02-01", 18000, "21"],
      ["2026-03-01", 24000, "buitenland"],
      ["2026-04-01", 40000, "buitenland"],
    ]);
    const c = countries("NL", "", "BE", "Oostenrijk");
    c[1] = ["NL"];
    expect(f.euTurnover(s.dates, s.amounts, c, s.categories, 2026)).toBe(82000);
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, null, null)).toBe(true);
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, null, null)).toBe(true);
    expect(f.euEligible(s.dates, s.amounts, c, "FI", s.categories, null, null)).toBe(true);
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, null, 20000)).toBe(false);
  });

  it("is FALSE in BE in 2026 after €30,000 there in 2025 (worked example 24), TRUE in AT within its 10% tolerance (worked example 25)", () => {
    const be = sheet([["2025-05-01", 30000, "buitenland"], ["2026-02-01", 10000, "buitenland"]]);
    expect(f.euEligible(be.dates, be.amounts, countries("BE", "BE"), "BE", be.categories, 2026, null)).toBe(false);
    const at = sheet([["2025-05-01", 50000, "buitenland"], ["2026-02-01", 56000, "buitenland"], ["2027-01-10", 100, "buitenland"]]);
    const c = countries("AT", "AT", "AT");
    expect(f.euEligible(at.dates, at.amounts, c, "AT", at.categories, 2026, null)).toBe(true);
    expect(f.euEligible(at.dates, at.amounts, c, "AT", at.categories, 2027, null)).toBe(false);
  });

  it("refuses a buitenland row with country NL (taxed abroad is not Dutch turnover), naming the cell; the domestic KOR still counts it as not counting", () => {
    const s = sheet([
      ["2025-05-01", 100],
      ["2026-02-01", 16000],
      ["2026-03-01", 5000, "buitenland"],
    ]);
    const c = countries("NL", "NL", "NL");
    expect(f.eligible(s.dates, s.amounts, s.categories, 2026, null)).toBe(true);
    const e = thrown(() => f.euTurnover(s.dates, s.amounts, c, s.categories, 2026));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Row 3 of the range: 'buitenland' (taxed abroad) with country NL contradicts itself. Fill in the member state where this turnover is taxed; if it is Dutch turnover, choose another category (e.g. 21 or verlegd).",
    );
    const inv = { parameterAddresses: ["Blad1!A2:A4", "Blad1!B2:B4", "Blad1!D2:D4", "BE", "Blad1!C2:C4"] };
    const nl = withOffice("nl-NL", () => thrown(() => f.euEligible(s.dates, s.amounts, c, "NL", s.categories, 2026, null, null, inv as CustomFunctions.Invocation)));
    expect(nl.code).toBe("#VALUE!");
    expect(nl.message).toMatch(/^Cel Blad1!D4: 'buitenland' \(belast in het buitenland\) met land NL spreekt zichzelf tegen\. Vul de lidstaat in/);
  });

  it("refuses a buitenland row without a country instead of leaving it out (audit: NL €15,000 + BE €20,000 + €70,000 without country gave 35,000 and TRUE)", () => {
    const s = sheet([
      ["2025-05-01", 100],
      ["2026-02-01", 15000],
      ["2026-03-01", 20000, "buitenland"],
      ["2026-04-01", 70000, "buitenland"],
    ]);
    const c = countries("NL", "NL", "BE", "");
    const e = thrown(() => f.euTurnover(s.dates, s.amounts, c, s.categories, 2026));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Row 4 of the range: 'buitenland' (taxed abroad) without a country. Fill in the member state where this turnover is taxed (e.g. DE) in the countries column, or the country outside the EU. Without it Union turnover cannot be determined; empty means NL only for turnover that counts for the KOR.",
    );
    const inv = { parameterAddresses: ["A2:A5", "B2:B5", "D2:D5", "C2:C5"] };
    const be = withOffice("nl-NL", () => thrown(() => f.euEligible(s.dates, s.amounts, c, "BE", s.categories, 2026, null, null, inv as CustomFunctions.Invocation)));
    expect(be.code).toBe("#VALUE!");
    expect(be.message).toMatch(/^Cel D5: 'buitenland' \(belast in het buitenland\) zonder land\. Vul in de kolom landen de lidstaat in/);
    // Several such rows: the first is named, the others counted.
    const two = thrown(() => f.euTurnover(s.dates, s.amounts, countries("NL", "NL", "", "NL"), s.categories, 2026));
    expect(two.message).toMatch(/^Row 3 of the range: 'buitenland' \(taxed abroad\) without a country\..* \(And 1 more problem; fix this one first\.\)$/);
    // With the country filled in, the row is Union turnover of that state.
    expect(f.euTurnover(s.dates, s.amounts, countries("NL", "NL", "BE", "DE"), s.categories, 2026)).toBe(105000);
    expect(f.euEligible(s.dates, s.amounts, countries("NL", "NL", "BE", "DE"), "BE", s.categories, 2026, null, null)).toBe(false);
  });

  it("still reads an empty country as NL on a row that counts for the KOR, and looks only at the years the answer uses for buitenland rows", () => {
    const s = sheet([
      ["2024-05-01", 900, "buitenland"],
      ["2025-05-01", 100, "buitenland"],
      ["2026-02-01", 15000],
      ["2026-03-01", 20000, "buitenland"],
    ]);
    const c = countries("", "DE", "", "BE");
    // 2024's row without a country does not change 2026's Union turnover or the 2025/2026 tests.
    expect(f.euTurnover(s.dates, s.amounts, c, s.categories, 2026)).toBe(35000);
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, 2026, null, null)).toBe(true);
    // For 2025 (previous year 2024) it does.
    expect(thrown(() => f.euEligible(s.dates, s.amounts, c, "DE", s.categories, 2025, null, null)).message).toMatch(/^Row 1 of the range: 'buitenland' \(taxed abroad\) without a country/);
    expect(thrown(() => f.euTurnover(s.dates, s.amounts, c, s.categories, 2024)).message).toMatch(/^Row 1 of the range: 'buitenland'/);
  });

  it("is FALSE when Union turnover goes over €100,000 (worked example 19)", () => {
    const s = sheet([
      ["2026-02-01", 18000, "21"],
      ["2026-03-01", 24000, "buitenland"],
      ["2026-04-01", 40000, "buitenland"],
      ["2026-11-10", 18500, "buitenland"],
    ]);
    const c = countries("NL", "BE", "AT", "AT");
    expect(f.euEligible(s.dates, s.amounts, c, "BE", s.categories, null, null)).toBe(false);
  });

  it("takes previousYearUnionTurnover, which wins over last year's rows (kor-rules.md sections 4 and 7)", () => {
    const s = sheet([["2025-03-01", 30000, "buitenland"], ["2026-02-01", 10000, "21"], ["2026-03-01", 5000, "buitenland"]]);
    const c = countries("AT", "NL", "AT");
    // From the rows: 2025 Union €30,000, within €100,000.
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, null)).toBe(true);
    // Given €120,000 for 2025: over the Union threshold, so FALSE although the rows say €30,000.
    expect(f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, 120000)).toBe(false);
    // Given for a sheet with only this year's rows: used as well.
    const only2026 = sheet([["2026-02-01", 10000, "21"]]);
    expect(f.euEligible(only2026.dates, only2026.amounts, countries("NL"), "AT", only2026.categories, 2026, null, 100000.01)).toBe(false);
    expect(f.euEligible(only2026.dates, only2026.amounts, countries("NL"), "AT", only2026.categories, 2026, null, 100000)).toBe(true);
    const e = thrown(() => f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, -1));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/previousYearUnionTurnover: last year's Union turnover cannot be negative/);
    expect(e.message).toBe(
      "Argument previousYearUnionTurnover: last year's Union turnover cannot be negative. Enter last year's Union turnover in euros; 0 or empty: not given, the rows of last year count.",
    );
    expect(withOffice("nl-NL", () => thrown(() => f.euEligible(s.dates, s.amounts, c, "AT", s.categories, 2026, null, -1))).message).toBe(
      "Argument previousYearUnionTurnover (EU-omzet vorig jaar): de EU-omzet van vorig jaar kan niet negatief zijn. Vul de EU-omzet van vorig jaar in euro in; 0 of leeg: niet opgegeven, de rijen van vorig jaar tellen.",
    );
  });

    it("asks for the threshold in one instruction, in the language's own number format, saying what to do with CZ's koruna and France's two thresholds", () => {
    const s = sheet([["2026-02-01", 1000, "buitenland"]]);
    const ask = (state: string, locale: string): string => withOffice(locale, () => thrown(() => f.euEligible(s.dates, s.amounts, countries(state), state, s.categories, null, null))).message;
    expect(ask("CZ", "en-US")).toBe("National threshold CZ: CZK 2,000,000 (Czech koruna); that is not one amount in euros: convert it to euros. Enter that threshold in euros as the threshold argument.");
    expect(ask("CZ", "nl-NL")).toBe("Nationale omzetgrens CZ: CZK 2.000.000 (Tsjechische kronen); dat is niet één bedrag in euro: reken die om naar euro. Vul die grens in euro in als argument threshold.");
    expect(ask("FR", "en-US")).toBe("National threshold FR: €85,000 for supplies of goods, €37,500 for services; that is not one amount in euros: if you supply only goods in France, take €85,000; only services, take €37,500; if you supply both there, ask your adviser which threshold applies. Enter that threshold in euros as the threshold argument.");
    expect(ask("FR", "nl-NL")).toBe("Nationale omzetgrens FR: € 85.000 voor leveringen van goederen, € 37.500 voor diensten; dat is niet één bedrag in euro: levert u in Frankrijk alleen goederen, neem dan € 85.000; alleen diensten, neem dan € 37.500; levert u er beide, vraag dan uw adviseur welke grens geldt. Vul die grens in euro in als argument threshold.");
    expect(ask("IT", "en-US")).toBe("The national threshold of IT has not been verified: look it up with IT's tax administration. Enter that threshold in euros as the threshold argument.");
    expect(ask("IT", "nl-NL")).toBe("De nationale omzetgrens van IT is niet gecontroleerd: zoek die op bij de belastingdienst van IT. Vul die grens in euro in als argument threshold.");
  });

    it("is #N/A asking for the threshold where none is verified", () => {
    const s = sheet([["2026-02-01", 1000, "buitenland"]]);
    const e = thrown(() => f.euEligible(s.dates, s.amounts, countries("IT"), "IT", s.categories, null, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/threshold argument/);
    expect(f.euEligible(s.dates, s.amounts, countries("IT"), "IT", s.categories, null, 65000)).toBe(true);
  });

  it("refuses a country outside the EU, an unknown country cell and missing countries", () => {
    const s = sheet([["2026-02-01", 1000]]);
    expect(thrown(() => f.euEligible(s.dates, s.amounts, countries("NL"), "US", OMITTED, null, null)).message).toMatch(/US is not an EU member state/);
    const e = thrown(() => f.euTurnover(s.dates, s.amounts, countries("Atlantis"), OMITTED, null));
    expect(e.message).toMatch(/^Row 1 of the range: unknown country "Atlantis"/);
    expect(thrown(() => f.euTurnover(s.dates, s.amounts, null as unknown as unknown[][], OMITTED, null)).message).toMatch(/countries argument is missing/);
  });

  it("refuses the EU-KOR before 2025 with the reason", () => {
    const s = sheet([["2024-02-01", 1000]]);
    expect(thrown(() => f.euEligible(s.dates, s.amounts, countries("NL"), "BE", OMITTED, null, null)).message).toMatch(/EU-KOR exists from 2025/);
  });

  it("KOR.EUTURNOVER works for 2024, the previous year of 2025's test, and refuses earlier years (kor-rules.md section 7)", () => {
    const s = sheet([["2023-02-01", 700], ["2024-02-01", 1000], ["2025-02-01", 500]]);
    expect(f.euTurnover(s.dates, s.amounts, countries("DE", "DE", "DE"), OMITTED, 2024)).toBe(1000);
    expect(f.euTurnover(s.dates, s.amounts, countries("DE", "DE", "DE"), OMITTED, 2025)).toBe(500);
    const only2024 = sheet([["2024-02-01", 1000]]);
    expect(f.euTurnover(only2024.dates, only2024.amounts, countries("DE"), OMITTED, null)).toBe(1000);
    const early = thrown(() => f.euTurnover(s.dates, s.amounts, countries("DE", "DE", "DE"), OMITTED, 2023));
    expect(early.code).toBe("#VALUE!");
    expect(early.message).toBe("2023 is not supported: Union turnover is computed from 2024 (the previous year of the first EU-KOR test in 2025).");
    // EU eligibility itself still starts in 2025.
    expect(thrown(() => f.euEligible(s.dates, s.amounts, countries("DE", "DE", "DE"), "DE", OMITTED, 2024, null)).message).toMatch(/EU-KOR exists from 2025/);
  });
});

describe("the percentage of the threshold in KOR.STATUS and KOR.REPORT is the summary's (as the pane and kor-check)", () => {
  it.each([
    ["€20,010", [["2025-02-01", 10000], ["2025-05-01", 10010]]],
    ["€19,999.99", [["2025-02-01", 10000], ["2025-11-01", 9999.99]]],
    ["€20,000.01", [["2025-02-01", 19999.99], ["2025-07-01", 0.02]]],
    ["€9,999.50 in Q1", [["2025-02-01", 9999.5], ["2025-12-01", 10]]],
  ] as [string, [string, number][]][])("%s", (_what, rows) => {
    const s = sheet(rows);
    const exact = readRows({ dates: s.dates, amounts: s.amounts, categories: s.categories });
    const sum = summarizeYear(exact.rows, { today: dayFromIso("2026-11-27"), year: 2025, period: "quarter" });
    const text = f.status(s.dates, s.amounts, s.categories, 2025, null);
    expect(text).toContain(`= ${sum.percentOfThreshold.toFixed(1)}% of`);
    const table = f.report(s.dates, s.amounts, s.categories, 2025);
    expect(table.slice(1, 5).map((r) => r[3])).toEqual(sum.periods.map((p) => p.percentOfThreshold));
    expect(table[5][3]).toBe(sum.percentOfThreshold);
  });
});

describe("text dates in month/day/year order (a US export pasted as text)", () => {
  // Row 2 "09/14/2025" is a date only month-first, so the range is month/day/year: "01/12/2025" is 12 January
  // 2025 and "12/01/2025" is 1 December. Read day-first (the bug), "01/12/2025" was 1 December and the
  // crossing fell on it; and "09/14/2025" made the call refuse.
  const dates = col("01/12/2025", "09/14/2025", "12/01/2025");
  const amounts = col(15000, 4000, 2000);

  it("counts every row and finds the crossing on the right day", () => {
    expect(f.countable(dates, amounts, OMITTED, 2025)).toBe(21000);
    expect(f.crossing(dates, amounts, OMITTED, 2025)).toBe(serial("2025-12-01"));
  });

  it("refuses a range whose dates show both orders, naming the row", () => {
    const e = thrown(() => f.countable(col("14/01/2025", "09/14/2025", "03/04/2025"), col(1, 2, 3), OMITTED, 2025));
    expect(e.message).toContain("09/14/2025");
  });

  it("reads a range with one typo in the order of its other dates and names only the typo's row", () => {
    const e = thrown(() => f.countable(col("05/01/2025", "20/01/2025", "03/02/2025", "02/13/2025", "25/02/2025"), col(1, 2, 3, 4, 5), OMITTED, 2025));
    expect(e.message).toContain("02/13/2025");
    expect(e.message).toMatch(/tikfout|typo/i);
    expect(f.countable(col("05/01/2025", "20/01/2025", "03/02/2025", "25/02/2025"), col(1, 2, 3, 4), OMITTED, 2025)).toBe(10);
  });
});

describe("an empty cell in previousYearTurnover, previousYearUnionTurnover or threshold (desktop Excel passes it as 0)", () => {
  const countries = (...c: unknown[]): unknown[][] => col(...c);
  // Desktop Excel passes a referenced empty cell as 0, Excel on the web as null or "": one workbook, one answer.
  const empties: unknown[] = [null, "", 0, [[0]], [[null]]];

  it.each(empties)("KOR.ELIGIBLE and KOR.STATUS use last year's rows (2025 €25,000 → 2026 FALSE) for %j", (empty) => {
    const s = sheet([["2025-06-01", 25000], ["2026-03-01", 10000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, empty)).toBe(false);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, empty)).toContain("Previous year 2025: €25,000.00 (from the data), over the limit.");
  });

  it.each(empties)("without last year's rows, last year is assumed €0 and STATUS says so for %j", (empty) => {
    const s = sheet([["2026-03-01", 10000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, empty)).toBe(true);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, empty)).toContain("Previous year 2025: no data, €0.00 assumed (enter previousYearTurnover if there was turnover).");
  });

  it.each(empties)("KOR.EUELIGIBLE uses last year's rows for previousYearUnionTurnover %j (2025 Union €120,000 → FALSE)", (empty) => {
    const s = sheet([["2025-06-01", 120000], ["2026-03-01", 1000, "buitenland"]]);
    expect(f.euEligible(s.dates, s.amounts, countries("", "BE"), "BE", s.categories, 2026, null, empty)).toBe(false);
  });

  it.each(empties)("KOR.EUELIGIBLE uses the verified threshold, or asks for one, for threshold %j", (empty) => {
    const be = sheet([["2026-03-01", 1000, "buitenland"]]);
    expect(f.euEligible(be.dates, be.amounts, countries("BE"), "BE", be.categories, 2026, empty, null)).toBe(true);
    const e = thrown(() => f.euEligible(be.dates, be.amounts, countries("IT"), "IT", be.categories, 2026, empty, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/Enter that threshold in euros as the threshold argument\.$/);
  });

  it.each([-1, "-25.000,00"])("refuses a negative threshold (%j) with #VALUE! naming the argument", (negative) => {
    const s = sheet([["2026-03-01", 1000, "buitenland"]]);
    const e = thrown(() => f.euEligible(s.dates, s.amounts, countries("BE"), "BE", s.categories, 2026, negative, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Argument threshold: a national threshold cannot be negative\./);
    const nl = withOffice("nl-NL", () => thrown(() => f.euEligible(s.dates, s.amounts, countries("BE"), "BE", s.categories, 2026, negative, null)));
    expect(nl.message).toMatch(/^Argument threshold \(grens van dat land\): een nationale omzetgrens kan niet negatief zijn\./);
  });
});

describe("KOR.STATUS after a previous year that crossed the limit and later credit notes brought back under it (kor-rules.md section 5)", () => {
  it("gives the crossing as the reason 2026 is not eligible, with the invoice to check beside it, in English and Dutch", () => {
    const s = sheet([["2025-06-01", 20500], ["2025-12-01", -1000], ["2026-03-01", 10000]]);
    expect(f.eligible(s.dates, s.amounts, OMITTED, 2026, null)).toBe(false);
    expect(f.status(s.dates, s.amounts, OMITTED, 2026, null)).toBe(
      "2026: not eligible for the KOR. Turnover that counts €10,000.00 = 50.0% of €20,000.00; €10,000.00 left below the turnover limit. " +
        "Previous year 2025: €19,500.00 (from the data), but the turnover limit was crossed on 1 June 2025; later credit notes do not undo that. " +
        "If a credit note cancels an invoice that was wrong (not a later discount or return), the limit may never have been crossed: check that invoice.",
    );
    expect(withOffice("nl-NL", () => f.status(s.dates, s.amounts, OMITTED, 2026, null))).toBe(
      "2026: KOR niet mogelijk. Omzet die meetelt € 10.000,00 = 50,0% van € 20.000,00; nog € 10.000,00 ruimte tot de omzetgrens. " +
        "Vorig jaar 2025: € 19.500,00 (uit de gegevens), maar de omzetgrens is overschreden op 1 juni 2025; latere creditnota's maken dat niet ongedaan. " +
        "Trekt een creditnota een factuur in die fout was (geen latere korting of retour), dan is de grens misschien nooit overschreden: controleer die factuur.",
    );
  });
});

describe("KOR.EUELIGIBLE names Greece EL, its VAT code, however it is typed", () => {
  it("says EL, not GR, in the #N/A asking for the threshold", () => {
    const s = sheet([["2026-03-01", 1000, "buitenland"]]);
    const e = thrown(() => f.euEligible(s.dates, s.amounts, col("EL"), "EL", s.categories, 2026, null, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("The national threshold of EL has not been verified: look it up with EL's tax administration. Enter that threshold in euros as the threshold argument.");
    const nl = withOffice("nl-NL", () => thrown(() => f.euEligible(s.dates, s.amounts, col("el"), " el ", s.categories, 2026, null, null)));
    expect(nl.message).toBe("De nationale omzetgrens van EL is niet gecontroleerd: zoek die op bij de belastingdienst van EL. Vul die grens in euro in als argument threshold.");
    // GR (Greece's ISO code) is accepted as Greece and named EL.
    expect(thrown(() => f.euEligible(s.dates, s.amounts, col("GR"), "GR", s.categories, 2026, null, null)).message).toMatch(/^The national threshold of EL has not been verified/);
    expect(thrown(() => f.euEligible(s.dates, s.amounts, col("Griekenland"), "gr", s.categories, 2026, null, null)).message).toMatch(/^The national threshold of EL has not been verified/);
  });
});
