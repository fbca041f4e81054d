import { readTable } from "../../src/reading/headers";
import { readRows } from "../../src/reading/rows";
import { RowProblemGroups } from "../../src/reading/problemGroups";
import { TableStream } from "../../src/bulk/tableStream";
import { summarizeYear } from "../../src/rules/summary";
import { dayFromIso } from "../../src/rules/dates";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const today = dayFromIso("2026-03-01");
const byCode = (problems: readonly Problem[], code: string): Problem[] => problems.filter((p) => p.code === code);

/** A sheet: header in row 1, then one row per entry (sheet rows 2, 3, …). */
function sheet(rows: unknown[][], header: unknown[] = ["Datum", "Bedrag", "Categorie", "Land", "BTW"]): unknown[][] {
  return [header, ...rows];
}

describe("repeated row problems are given once per sheet, with their count and first rows", () => {
  it("the same unreadable cell in 12 rows is one error naming the count and the first five rows", () => {
    const rows = Array.from({ length: 12 }, (_, i) => ["1-3-2025", i % 2 === 0 ? "#N/A" : "#n/a"]);
    const t = readTable(sheet(rows, ["Datum", "Bedrag"]));
    expect(t.rows).toEqual([]);
    expect(t.problems).toHaveLength(1);
    const [p] = t.problems;
    expect(p).toMatchObject({ severity: "error", code: "excel-error", column: "amount", row: 2, count: 12, value: "#N/A" });
    expect(p.rows).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(p.message.nl).toMatch(/^12 rijen \(eerste: rij 2, 3, 4, 5, 6\): de bedragcel toont de Excel-fout #N\/A/);
    expect(p.message.en).toMatch(/^12 rows \(first: rows 2, 3, 4, 5, 6\): the amount cell shows the Excel error #N\/A/);
  });

  it("up to five rows are all named; one row reads as before", () => {
    const t = readTable(sheet([["1-3-2025", "abc"], ["2-3-2025", 5], ["3-3-2025", "abc"], ["4-3-2025", "abc"], ["5-3-2025", "xyz"]], ["Datum", "Bedrag"]));
    const [abc, xyz] = t.problems;
    expect(abc.message.nl).toMatch(/^Rijen 2, 4 en 5: "abc" is geen bedrag/);
    expect(abc.message.en).toMatch(/^Rows 2, 4 and 5: "abc" is not an amount/);
    expect(xyz).toMatchObject({ row: 6, rows: [6], count: 1 });
    expect(xyz.message.nl).toMatch(/^Rij 6: "xyz" is geen bedrag/);
  });

  it("different values stay different problems (a bookkeeper fixes each)", () => {
    const t = readTable(sheet([["31-4-2025", 10], ["1-1-2025", "1.234"], ["gisteren", 10], ["1-1-2025", "1.234"]], ["Datum", "Bedrag"]));
    expect(t.problems.map((p) => [p.code, p.rows])).toEqual([
      ["date-impossible", [2]],
      ["amount-ambiguous", [3, 5]],
      ["date-not-a-date", [4]],
    ]);
  });

  it("a bare 'vrijgesteld' in any case is one problem per sheet and year with every row, so one choice can cover them", () => {
    const t = readTable(
      sheet([
        ["1-2-2025", 100, "vrijgesteld"],
        ["2-2-2025", 100, "Vrijgesteld "],
        ["3-2-2025", 100, "21"],
        ["4-2-2025", 100, "VRIJGESTELD"],
        ["5-2-2027", 100, "vrijgesteld"],
      ]),
    );
    const amb = byCode(t.problems, "ambiguous-category");
    expect(amb.map((p) => ({ rows: p.rows, count: p.count, value: p.value }))).toEqual([
      { rows: [2, 3, 5], count: 3, value: "vrijgesteld" },
      { rows: [6], count: 1, value: "vrijgesteld" },
    ]);
    // Each year's report keeps its own rows.
    const s2025 = summarizeYear(t.rows, { today, year: 2025, problems: t.problems });
    expect(byCode(s2025.problems, "ambiguous-category").map((p) => p.rows)).toEqual([[2, 3, 5]]);
    const s2027 = summarizeYear(t.rows, { today, year: 2027, problems: t.problems });
    expect(byCode(s2027.problems, "ambiguous-category").map((p) => p.rows)).toEqual([[6]]);
  });

  it("unknown codes: one error per year listing each code, with every row of them", () => {
    const t = readTable(sheet([["1-2-2025", 100, "VV"], ["2-2-2025", 100, "A1"], ["3-2-2025", 100, "VV"]]));
    const [p] = byCode(t.problems, "unknown-category");
    expect(p).toMatchObject({ row: 2, rows: [2, 3, 4], count: 3, value: "VV, A1" });
    expect(p.message.nl).toContain('"VV" (2 rijen, eerste rij 2), "A1" (rij 3)');
  });

  it("an amount without a date in several rows is one error", () => {
    const t = readTable(sheet([["", 100], ["", 50], ["1-1-2025", 10]], ["Datum", "Bedrag"]));
    const [p] = byCode(t.problems, "amount-without-date");
    expect(p).toMatchObject({ row: 2, rows: [2, 3], count: 2 });
    expect(p.message.nl).toBe("Rijen 2 en 3: bedrag zonder datum. Vul de factuurdatums in of maak die rijen leeg.");
    expect(p.message.en).toBe("Rows 2 and 3: amount without a date. Enter the invoice dates or clear those rows.");
  });

  it("dates outside 2000–2100 are one warning naming the first date", () => {
    const t = readTable(sheet([[1500, 10], [1600, 10], ["1-1-2025", 10]], ["Datum", "Bedrag"]));
    const [p] = byCode(t.problems, "date-year-suspicious");
    expect(p).toMatchObject({ row: 2, rows: [2, 3], count: 2, severity: "warning" });
    expect(p.message.nl).toMatch(/^Rijen 2 en 3: de datums liggen niet tussen 2000 en 2100 \(de eerste is 1904-02-08\)/);
    expect(t.rows).toHaveLength(3);
  });

  it("'verlegd' with another member state: one warning per country", () => {
    const t = readTable(
      sheet([
        ["1-2-2025", 100, "verlegd", "DE"],
        ["2-2-2025", 100, "verlegd", "BE"],
        ["3-2-2025", 100, "verlegd", "DE"],
      ]),
    );
    expect(byCode(t.problems, "reverse-charge-abroad").map((p) => [p.rows, p.count])).toEqual([
      [[2, 4], 2],
      [[3], 1],
    ]);
    expect(byCode(t.problems, "reverse-charge-abroad")[0].message.nl).toMatch(/^Rijen 2 en 4: 'verlegd' met land DE is geteld als 'buitenland'/);
  });

  it("text dates with a two-digit year get one note per year saying how they were read", () => {
    const t = readTable(sheet([["9-2-24", 100], ["10-2-24", 100], ["1-3-2024", 100], ["3-1-25", 100]], ["Datum", "Bedrag"]));
    expect(t.rows.map((r) => r.day)).toEqual(["2024-02-09", "2024-02-10", "2024-03-01", "2025-01-03"].map(dayFromIso));
    const notes = byCode(t.problems, "date-two-digit-year");
    expect(notes.map((p) => ({ rows: p.rows, count: p.count, value: p.value, severity: p.severity }))).toEqual([
      { rows: [2, 3], count: 2, value: "9-2-24", severity: "warning" },
      { rows: [5], count: 1, value: "3-1-25", severity: "warning" },
    ]);
    expect(notes[0].message.nl).toBe(
      'Rijen 2 en 3: datums zoals "9-2-24" hebben een jaar van twee cijfers. Die zijn gelezen zoals Excel een getypt jaar leest: ' +
        '00–29 als 2000–2029, 30–99 als 1930–1999 ("9-2-24" is 9 februari 2024). Klopt dat niet, schrijf het jaar dan voluit, bijvoorbeeld 1-9-2026.',
    );
    expect(notes[1].message.en).toBe(
      'Row 5: the date "3-1-25" has a two-digit year. It was read as Excel reads a typed year: 00–29 as 2000–2029, 30–99 as 1930–1999 ' +
        '("3-1-25" is 3 January 2025). If that is wrong, write the full year, for example 1-9-2026.',
    );
    // A note, not an error: the verdict stays decided.
    const s = summarizeYear(t.rows, { today, year: 2024, problems: t.problems });
    expect(byCode(s.problems, "date-two-digit-year").map((p) => p.count)).toEqual([2]);
  });

  it("totals lines, dates without an amount and stray rows carry their rows too", () => {
    const t = readTable(
      sheet(
        [
          ["1-1-2025", 100, ""],
          ["Totaal", 100, ""],
          ["2-1-2025", "", ""],
          ["3-1-2025", 0, ""],
          ["", "", "21"],
          ["Subtotaal", 200, ""],
        ],
        ["Datum", "Bedrag", "Categorie"],
      ),
    );
    expect(byCode(t.problems, "totals-rows-skipped")[0]).toMatchObject({ row: 3, rows: [3, 7], count: 2 });
    expect(byCode(t.problems, "dates-without-amount")[0]).toMatchObject({ row: 4, rows: [4, 5], count: 2 });
    expect(byCode(t.problems, "dates-without-amount")[0].message.nl).toBe(
      "Rijen 4 en 5: een datum maar geen bedrag (of bedrag 0); die rijen tellen niet mee. Vul de bedragen in als ze ontbreken.",
    );
    expect(byCode(t.problems, "stray-rows")[0].message.en).toBe("Row 6: no date and no amount but something else filled in; that row was skipped.");
    expect(byCode(t.problems, "stray-rows")[0]).toMatchObject({ row: 6, rows: [6], count: 1 });
  });

  it("the custom functions keep one problem per faulty cell (they show the first)", () => {
    const { problems } = readRows({ dates: [["1-1-2025"], ["2-1-2025"]], amounts: [["#N/A"], ["#N/A"]] });
    expect(problems.map((p) => [p.row, p.rows])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });

  it("past 1,000 distinct problems the rest is counted in one line, as an error when errors are among them", () => {
    const g = new RowProblemGroups({ maxGroups: 2 });
    for (let r = 1; r <= 5; r++) {
      g.cellError(r, "amount", `bad${r}`, { kind: "error", code: "amount-not-a-number", message: { nl: `x${r}`, en: `x${r}` } }, null);
    }
    const out = g.problems();
    expect(out.map((p) => p.code)).toEqual(["amount-not-a-number", "amount-not-a-number", "more-problems"]);
    expect(out[2]).toMatchObject({ severity: "error", count: 3, row: null });
    expect(out[2].message.nl).toMatch(/^Nog 3 rijen hebben andere problemen/);
  });

  it("keeps at most maxRows rows per group but counts them all", () => {
    const g = new RowProblemGroups({ maxRows: 3 });
    for (let r = 1; r <= 10; r++) g.cellError(r, "date", "#REF!", { kind: "error", code: "excel-error", message: { nl: "m", en: "m" } }, null);
    const [p] = g.problems();
    expect(p.rows).toEqual([1, 2, 3]);
    expect(p.count).toBe(10);
    expect(p.message.nl).toBe("10 rijen (eerste: rij 1, 2, 3): m");
  });
});

describe("a sheet read in blocks (kor-check, All sheets) gives each repeated problem once, not once per block", () => {
  function stream(values: unknown[][], blockRows: number): { rows: InvoiceRow[]; problems: Problem[] } {
    const rows: InvoiceRow[] = [];
    const problems: Problem[] = [];
    const s = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, blockRows);
    values.forEach((v, i) => s.push(v, i + 1));
    s.end();
    s.end(); // a second end gives nothing twice
    return { rows, problems };
  }

  it("a header row repeated below (exports pasted under each other) is skipped with one warning, also in later blocks", () => {
    // Before: each repeat was three errors (date, amount, code) and the verdict provisional.
    const values: unknown[][] = [["Factuurdatum", "Omschrijving", "Bedrag excl. btw", "Btw-code"]];
    for (let i = 0; i < 120; i++) values.push(i === 40 || i === 99 ? ["Factuurdatum", "Omschrijving", "Bedrag excl. btw", "Btw-code"] : ["1-2-2025", "Brood", "10,00", "21"]);
    const { rows, problems } = stream(values, 16);
    expect(problems.map((p) => [p.code, p.severity, p.rows])).toEqual([["header-repeated", "warning", [42, 101]]]);
    expect(problems[0].message.en).toBe(
      "2 rows repeat the header row (rows 42, 101: the column names, of exports pasted below or page headers) and were skipped. Check that the lists below them belong on this sheet.",
    );
    expect(rows.length).toBe(118);
  });

  it("a repeated header whose amount heading starts like a total (Moneybird's \"Totaal excl. btw\") is named a header, not a totals line", () => {
    // Before: "Row 4: skipped as a totals line" for a row of column names.
    const header = ["Factuurnummer", "Factuurdatum", "Totaal excl. btw", "Btw-tarief"];
    const values: unknown[][] = [header, ["1", "1-2-2025", "10,00", "21%"], ["2", "2-2-2025", "20,00", "21%"], header, ["3", "3-2-2025", "30,00", "21%"]];
    for (const block of [2, 16]) {
      const { rows, problems } = stream(values, block);
      expect(problems.map((p) => [p.code, p.rows])).toEqual([["header-repeated", [4]]]);
      expect(rows.map((r) => r.cents)).toEqual([1_000, 2_000, 3_000]);
    }
  });

  it("a row dated years from the others (2016 among 2026's: a typo) is named, also read in blocks, and shown in every year", () => {
    // Before: the 2016 row counted in 2016 only, and the 2026 report said nothing of it.
    const values: unknown[][] = [["Factuurdatum", "Bedrag", "Btw-code"]];
    for (let i = 0; i < 60; i++) values.push([i === 37 ? "14-02-2016" : "14-02-2026", "100,00", "21"]);
    const { rows, problems } = stream(values, 16);
    expect(rows.length).toBe(60);
    expect(problems.map((p) => [p.code, p.severity, p.day, p.rows])).toEqual([["date-year-lone", "warning", null, [39]]]);
    expect(problems[0].message.nl).toBe("Rij 39: de datum 14 februari 2016 ligt jaren van de andere rijen af (2026). Klopt het jaar? Deze rij telt alleen mee in 2016, niet in 2026.");
    // Rows of a year beside the others' (a late invoice of 2024 among 2025–2026), or as many as a year of business: nothing said.
    const near: unknown[][] = [["Factuurdatum", "Bedrag", "Btw-code"], ["31-12-2024", "100,00", "21"], ...Array.from({ length: 20 }, (_, i) => [i < 10 ? "1-3-2025" : "1-3-2026", "100,00", "21"])];
    expect(stream(near, 16).problems).toEqual([]);
    const three: unknown[][] = [["Factuurdatum", "Bedrag", "Btw-code"], ...Array.from({ length: 30 }, (_, i) => [i < 3 ? "1-3-2019" : "1-3-2026", "100,00", "21"])];
    expect(stream(three, 16).problems).toEqual([]);
  });

  it("the same error, unknown codes, totals and two-digit years over 200 rows in blocks of 16", () => {
    const values: unknown[][] = [["Datum", "Bedrag", "Btw-code"]];
    for (let i = 0; i < 200; i++) {
      if (i % 50 === 49) values.push(["Subtotaal", 1, ""]);
      else if (i % 10 === 3) values.push(["1-2-25", "#N/A", "21"]);
      else if (i % 10 === 7) values.push(["1-2-2025", 10, "VV"]);
      else values.push(["1-2-25", 10, "21"]);
    }
    const { problems } = stream(values, 16);
    const codes = problems.map((p) => p.code).sort();
    expect(codes).toEqual(["date-two-digit-year", "excel-error", "totals-rows-skipped", "unknown-category"]);
    expect(byCode(problems, "excel-error")[0].count).toBe(20);
    expect(byCode(problems, "unknown-category")[0].count).toBe(20);
    expect(byCode(problems, "totals-rows-skipped")[0].rows).toEqual([51, 101, 151, 201]);
    expect(byCode(problems, "date-two-digit-year")[0].count).toBe(200 - 4 - 20 - 20);
  });
});
