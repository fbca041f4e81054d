import { readRows } from "../../src/reading/rows";
import { dayFromIso, excelSerialFromDay } from "../../src/rules/dates";
import type { Problem } from "../../src/rules/types";

const serial = (iso: string) => excelSerialFromDay(dayFromIso(iso));
const col = (...values: unknown[]) => values.map((v) => [v]);
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === "error");

describe("readRows: shapes Excel passes", () => {
  it("reads a single column range into typed rows with 1-based row numbers", () => {
    const { rows, problems } = readRows({
      dates: col(serial("2026-01-15"), "1-2-2026"),
      amounts: col(100.5, "€ 1.234,56"),
      categories: col("hoog", 9),
      countries: col("NL", "Duitsland"),
      vat: col(21.11, ""),
    });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 1, day: dayFromIso("2026-01-15"), cents: 10050, category: "21", country: "NL", vatCents: 2111 },
      { row: 2, day: dayFromIso("2026-02-01"), cents: 123456, category: "9", country: "DE", vatCents: 0 },
    ]);
  });

  it("accepts a single row as a horizontal range", () => {
    const { rows } = readRows({ dates: [[serial("2026-01-01"), serial("2026-01-02")]], amounts: [[1, 2]] });
    expect(rows.map((r) => r.cents)).toEqual([100, 200]);
  });

  it("accepts scalars as a 1×1 range", () => {
    const { rows } = readRows({ dates: serial("2026-03-01"), amounts: 10, categories: "kor" });
    expect(rows).toEqual([{ row: 1, day: dayFromIso("2026-03-01"), cents: 1000, category: "kor", country: null, vatCents: null }]);
  });

  it("accepts flat lists (command line)", () => {
    const { rows } = readRows({ dates: ["2026-01-01", "2026-01-02"], amounts: ["1,00", "2,00"] });
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it("optional columns passed as null (omitted Excel arguments) give null fields", () => {
    const { rows } = readRows({ dates: col(serial("2026-01-01")), amounts: col(5), categories: null, countries: null, vat: null });
    expect(rows[0]).toMatchObject({ category: null, country: null, vatCents: null });
  });

  it("adds rowOffset so problems name sheet rows", () => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01"), "31-4-2026"), amounts: col(5, 6) }, { rowOffset: 1 });
    expect(rows[0].row).toBe(2);
    expect(problems).toHaveLength(1);
    expect(problems[0].row).toBe(3);
    expect(problems[0].message.nl).toMatch(/^Rij 3: /);
    expect(problems[0].message.en).toMatch(/^Row 3: /);
  });
});

describe("readRows: whole-input problems", () => {
  it("mismatched heights → one problem with row null and no rows", () => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01"), serial("2026-01-02")), amounts: col(1, 2, 3) });
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: null, code: "mismatched-heights", severity: "error" });
    expect(problems[0].message.nl).toContain("datum 2");
    expect(problems[0].message.nl).toContain("bedrag 3");
  });

  it("an optional column of another height is also a mismatch", () => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01")), amounts: col(1), categories: col("21", "9") });
    expect(rows).toEqual([]);
    expect(problems[0].code).toBe("mismatched-heights");
  });

  it("a block of several columns for one argument is rejected", () => {
    const { rows, problems } = readRows({ dates: [[serial("2026-01-01"), 5], [serial("2026-01-02"), 6]], amounts: col(1, 2) });
    expect(rows).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ row: null, code: "range-not-one-column", column: "date" })]);
  });

  it("missing dates or amounts argument is a problem, not a crash", () => {
    expect(readRows({ dates: null, amounts: col(1) }).problems[0]).toMatchObject({ row: null, code: "missing-range", column: "date" });
    expect(readRows({ dates: col(1), amounts: undefined }).problems[0]).toMatchObject({ row: null, code: "missing-range", column: "amount" });
  });
});

describe("readRows: empty cells and partial rows", () => {
  it.each<[string, unknown, unknown]>([
    ["0 and 0 (desktop Excel)", 0, 0],
    ["null and null (Excel on the web)", null, null],
    ['"" and ""', "", ""],
    ["undefined and spaces", undefined, "  "],
  ])("a row with date and amount both empty is skipped silently: %s", (_name, d, a) => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01"), d), amounts: col(1, a) });
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it("an amount without a date is an error naming the row", () => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01"), 0, null), amounts: col(1, 250, "12,50") });
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, "amount-without-date"],
      [3, "amount-without-date"],
    ]);
    expect(problems[0].message).toEqual({
      nl: "Rij 2: bedrag zonder datum. Vul de factuurdatum in of maak de rij leeg.",
      en: "Row 2: amount without a date. Enter the invoice date or clear the row.",
    });
  });

  it("dates without an amount add no row and one summary warning naming the first row", () => {
    const { rows, problems } = readRows({
      dates: col(serial("2026-01-01"), serial("2026-01-02"), serial("2026-01-03"), serial("2026-01-04")),
      amounts: col(10, 0, null, 20),
    });
    expect(rows.map((r) => r.row)).toEqual([1, 4]);
    expect(errors(problems)).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ row: null, severity: "warning", code: "dates-without-amount" })]);
    expect(problems[0].message.nl).toContain("2 rijen");
    expect(problems[0].message.nl).toContain("rij 2");
  });

  it("an explicit text amount of 0,00 is a €0 row", () => {
    const { rows } = readRows({ dates: col(serial("2026-01-01")), amounts: col("0,00") });
    expect(rows).toEqual([expect.objectContaining({ cents: 0 })]);
  });

  it("a category with neither date nor amount is skipped with one warning (a stray cell)", () => {
    const { rows, problems } = readRows({ dates: col(serial("2026-01-01"), 0), amounts: col(1, 0), categories: col(0, "hoog") });
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ row: null, severity: "warning", code: "stray-rows" })]);
    expect(problems[0].message.en).toContain("Row 2");
  });

  it("a text label in the date column with no amount (a heading like 'Januari') is a stray row, not an error", () => {
    const { rows, problems } = readRows({ dates: col("Januari", serial("2026-01-05")), amounts: col(null, 7) });
    expect(rows).toHaveLength(1);
    expect(errors(problems)).toEqual([]);
  });

  it("category 0 as a number is empty; text 0% is the 0% rate", () => {
    const { rows } = readRows({ dates: col(serial("2026-01-01"), serial("2026-01-02")), amounts: col(1, 2), categories: col(0, "0%") });
    expect(rows.map((r) => r.category)).toEqual([null, "0"]);
  });

  it("an empty VAT cell is 0 when there is a VAT column", () => {
    const { rows } = readRows({ dates: col(serial("2026-01-01")), amounts: col(1), vat: col(0) });
    expect(rows[0].vatCents).toBe(0);
  });
});

describe("readRows: bad cells never become numbers", () => {
  it("a row with any error gives problems and no row", () => {
    const { rows, problems } = readRows({
      dates: col(serial("2026-01-01"), 60, "31-4-2026", serial("2026-01-04"), serial("2026-01-05"), serial("2026-01-06")),
      amounts: col(1, 2, 3, "1.234", 5, 6),
      categories: col("", "", "", "", "vrijgesteld", "onzin"),
    });
    expect(rows.map((r) => r.row)).toEqual([1]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "date", "date-fictitious-leap-day"],
      [3, "date", "date-impossible"],
      [4, "amount", "amount-ambiguous"],
      [5, "category", "ambiguous-category"],
      [6, "category", "unknown-category"],
    ]);
  });

  it("an unknown category problem names the row and the value", () => {
    const { problems } = readRows({ dates: col(serial("2026-01-01")), amounts: col(5), categories: col("hoogtarief!") }, { rowOffset: 13 });
    expect(problems[0]).toMatchObject({ row: 14, value: "hoogtarief!" });
    expect(problems[0].message.nl).toMatch(/^Rij 14: onbekende categorie "hoogtarief!"/);
    expect(problems[0].message.en).toMatch(/^Row 14: unknown category "hoogtarief!"/);
  });

  it("an ambiguous category problem names the row and the choices", () => {
    const { problems } = readRows({ dates: col(serial("2026-01-01")), amounts: col(5), categories: col("Vrijgesteld") });
    expect(problems[0].message.en).toMatch(/^Row 1: category "Vrijgesteld" is ambiguous/);
    expect(problems[0].message.en).toContain("vrij-fin");
  });

  it("two bad cells in one row give two problems", () => {
    const { rows, problems } = readRows({ dates: col("x"), amounts: col("y") });
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.column)).toEqual(["date", "amount"]);
  });

  it("a date outside 2000–2100 is read with a warning for that row", () => {
    const { rows, problems } = readRows({ dates: col(1250), amounts: col(5) });
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ row: 1, severity: "warning", code: "date-year-suspicious" })]);
    expect(problems[0].message.nl).toContain("1903-06-03");
  });

  it("rounds numeric amounts half away from zero per row", () => {
    const { rows } = readRows({ dates: col(serial("2026-01-01"), serial("2026-01-01")), amounts: col(0.005, -0.005) });
    expect(rows.map((r) => r.cents)).toEqual([1, -1]);
  });
});

describe("readRows: Excel-sized input", () => {
  function inputs(n: number) {
    const dates: number[][] = new Array(n);
    const amounts: number[][] = new Array(n);
    const categories: unknown[][] = new Array(n);
    const base = serial("2026-01-01");
    for (let i = 0; i < n; i++) {
      dates[i] = [base + (i % 365)];
      amounts[i] = [(i % 1000) + 0.25];
      categories[i] = [i % 3 === 0 ? "21%" : i % 3 === 1 ? 0 : "kor"];
    }
    return { dates, amounts, categories };
  }

  it("reads all 1,048,576 rows of a full column", () => {
    const input = inputs(1_048_576);
    const { rows, problems } = readRows(input);
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575]).toMatchObject({ row: 1_048_576, cents: 57525 });
    expect(problems).toEqual([]);
  });
});

describe("readRows: problems carry their row's date (Problem.day)", () => {
  it("gives a cell error the row's date when the date was read, none when the date itself is wrong", () => {
    const { problems } = readRows({
      dates: col(serial("2026-02-01"), "31-02-2026", serial("2025-05-05"), serial("2205-01-01")),
      amounts: col(100, 50, "twaalf", 10),
      categories: col("onzin", "21%", "21%", "onzin"),
    });
    const byRow = problems.map((p) => [p.row, p.column, p.day ?? null]);
    expect(byRow).toEqual([
      [1, "category", dayFromIso("2026-02-01")],
      [2, "date", null],
      [3, "amount", dayFromIso("2025-05-05")],
      // An implausible year: the year itself is in doubt, so the problem belongs to no one year.
      [4, "category", null],
    ]);
  });
});

describe("readRows: categories that depend on the country (kor-rules.md section 3)", () => {
  it("counts 'verlegd' with another member state as 'buitenland' of that state and says so; NL, none or outside the EU stay 'verlegd'", () => {
    const { rows, problems } = readRows({
      dates: col("1-2-2026", "2-2-2026", "3-2-2026", "4-2-2026"),
      amounts: col(1000, 2000, 3000, 4000),
      categories: col("btw verlegd", "verlegd", "verlegd", "reverse charge"),
      countries: col("BE", "NL", "", "US"),
    });
    expect(rows.map((r) => [r.category, r.country])).toEqual([["buitenland", "BE"], ["verlegd", "NL"], ["verlegd", null], ["verlegd", "US"]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 1, severity: "warning", code: "reverse-charge-abroad", day: dayFromIso("2026-02-01") });
    expect(problems[0].message.en).toBe(
      "Row 1: 'verlegd' with country BE was counted as 'buitenland' (BE): a B2B service to a customer in another member state is taxed there and does not count for the Dutch KOR (it is Union turnover). If it is a supply to a Dutch customer, fill in NL.",
    );
    expect(problems[0].message.nl).toContain("'verlegd' met land BE is geteld als 'buitenland' (BE)");
  });

  it("refuses 'eu dienst' as ambiguous, naming the choices", () => {
    const { rows, problems } = readRows({ dates: col("1-2-2026"), amounts: col(1000), categories: col("EU-dienst") });
    expect(rows).toEqual([]);
    expect(problems[0]).toMatchObject({ row: 1, severity: "error", code: "ambiguous-category" });
    expect(problems[0].message.en).toContain("is ambiguous. Choose: buitenland (a B2B service to a customer in another EU member state, taxed there, does not count; fill in the country) or a rate such as 21 (a service to an EU consumer, taxed in the Netherlands, counts).");
    expect(problems[0].message.nl).toContain("is niet eenduidig. Kies: buitenland");
  });
});

describe("readRows: places in another state's VAT territory", () => {
  it("reads Monaco and MC as FR and gives one warning for both rows (the functions' reading, without grouping)", () => {
    const { rows, problems } = readRows({
      dates: [[serial("2026-03-01")], [serial("2026-03-02")], [serial("2026-03-03")]],
      amounts: [[100], [200], [300]],
      categories: [["buitenland"], ["buitenland"], ["21"]],
      countries: [["Monaco"], ["MC"], ["NL"]],
    });
    expect(rows.map((r) => r.country)).toEqual(["FR", "FR", "NL"]);
    expect(problems).toEqual([expect.objectContaining({
      code: "country-treated-as", severity: "warning", rows: [1, 2], count: 2,
      message: {
        nl: "Rijen 1 en 2: Monaco wordt voor de btw behandeld als Frankrijk (FR): het hoort bij het btw-gebied van Frankrijk (btw-richtlijn, art. 7).",
        en: "Rows 1 and 2: Monaco is treated as France (FR) for VAT: it is part of the VAT territory of France (VAT Directive, art. 7).",
      },
    })]);
  });
});
