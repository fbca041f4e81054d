/**
 * Day/month or month/day: a date column's text dates are read in the order the column shows (src/reading/dateOrder.ts).
 * Found by an audit: "09/01/2026" was always 9 January, so in a US (month-first) export every date whose day is 12 or
 * less was silently moved (1 September → 9 January) and only the others gave an error.
 */
import { TableStream } from "../../src/bulk/tableStream";
import { readDate } from "../../src/reading/cells";
import { readTable } from "../../src/reading/headers";
import { readRows } from "../../src/reading/rows";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import type { InvoiceRow, Problem } from "../../src/rules/types";

const isoDays = (rows: readonly InvoiceRow[]): string[] => rows.map((r) => isoFromDay(r.day));
const codes = (problems: readonly Problem[]): string[] => problems.map((p) => p.code);
const table = (dates: readonly unknown[]): unknown[][] => [["Datum", "Bedrag"], ...dates.map((d, i) => [d, 100 * (i + 1)])];

describe("a column whose text dates show month/day/year", () => {
  it("reads every date month-first and says so, naming the row that shows it (US export)", () => {
    // Row 3 "09/14/2026" is only a date month-first; none is only a date day-first.
    const t = readTable(table(["09/01/2026", "09/14/2026", "12/01/2025", "01/12/2026", "05/05/2026", "2026-03-04"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-01", "2026-09-14", "2025-12-01", "2026-01-12", "2026-05-05", "2026-03-04"]);
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
    const note = t.problems.find((p) => p.code === "date-order-month-first");
    expect(note?.severity).toBe("warning");
    expect(note?.row).toBe(3);
    expect(note?.message.nl).toBe(
      'De datums in kolom A zijn gelezen als maand/dag/jaar (Amerikaanse volgorde), omdat rij 3 "09/14/2026" alleen zo een datum is ' +
        'en geen datum in de kolom alleen als dag/maand/jaar een datum is. Zo is "09/01/2026" 1 september 2026.',
    );
    expect(note?.message.en).toContain('The dates in column A were read as month/day/year (US order), because row 3 "09/14/2026"');
  });

  it("moves the crossing to the right day: the functions' ranges decide over the range", () => {
    const r = readRows({ dates: [["01/12/2026"], ["02/13/2026"], ["03/01/2026"]], amounts: [[1], [2], [3]] });
    expect(isoDays(r.rows)).toEqual(["2026-01-12", "2026-02-13", "2026-03-01"]);
    expect(codes(r.problems)).toEqual(["date-order-month-first"]);
    expect(r.problems[0].message.nl).toContain("De datums in de datumkolom zijn gelezen als maand/dag/jaar");
  });

  it("leaves serial dates and date cells alone", () => {
    const t = readTable([["Datum", "Bedrag"], [46023, 1], [new Date(Date.UTC(2026, 1, 3)), 2], ["09/14/2026", 3], ["02/03/2026", 4]]);
    expect(isoDays(t.rows)).toEqual(["2026-01-01", "2026-02-03", "2026-09-14", "2026-02-03"]);
  });
});

describe("a column whose text dates show day/month/year, or nothing", () => {
  it("reads a Dutch column with '/' day-first without a note", () => {
    const t = readTable(table(["14/09/2026", "01/09/2026", "3/4/2026"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-14", "2026-09-01", "2026-04-03"]);
    expect(t.problems).toEqual([]);
  });

  it("reads a column where every date reads both ways day-first, and notes it when the dates use '/'", () => {
    const t = readTable(table(["01/09/2026", "05/03/2026"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-01", "2026-03-05"]);
    expect(codes(t.problems)).toEqual(["date-order-undecided"]);
    expect(t.problems[0].severity).toBe("warning");
    expect(t.problems[0].message.nl).toContain('De datums in kolom A zijn gelezen als dag/maand/jaar: rij 2 "01/09/2026" is 1 september 2026.');
    expect(t.problems[0].message.nl).toContain("(2026-01-09)");
  });

  it("gives no note for the Dutch '1-9-2026' or '1.9.2026'", () => {
    const t = readTable(table(["1-9-2026", "5.3.2026"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-01", "2026-03-05"]);
    expect(t.problems).toEqual([]);
  });
});

describe("a column with both orders, one a clear minority (a typo or two)", () => {
  // Review: one typo made every Dutch date with a day of 1–12 (about 36% of a year's invoices) an error.
  const typo = ["05/01/2026", "20/01/2026", "03/02/2026", "02/13/2026", "25/02/2026", "11/03/2026"];

  it("reads a Dutch column with one month-first typo day-first, and refuses only the typo's row", () => {
    const t = readTable(table(typo));
    expect(isoDays(t.rows)).toEqual(["2026-01-05", "2026-01-20", "2026-02-03", "2026-02-25", "2026-03-11"]);
    expect(codes(t.problems)).toEqual(["date-order-contradicts"]);
    const e = t.problems[0];
    expect(e.row).toBe(5);
    expect(e.severity).toBe("error");
    expect(e.message.nl).toBe(
      'Rij 5: de datum "02/13/2026" is alleen als maand/dag/jaar (Amerikaanse volgorde) een datum ("02/13/2026" is 13 februari 2026), ' +
        'maar kolom A is gelezen als dag/maand/jaar, zoals de andere datums laten zien (rij 3 "20/01/2026" is alleen zo een datum). ' +
        "Waarschijnlijk een tikfout: deze datum is niet meegeteld. Verbeter hem naar dag/maand/jaar of schrijf hem als jaar-maand-dag (2026-09-14).",
    );
    expect(e.message.en).toContain("but column A is read as day/month/year, as its other dates show");
  });

  it("reads the same when read in blocks", () => {
    const rows: InvoiceRow[] = [];
    const problems: Problem[] = [];
    const s = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, 1000);
    s.push(["Datum", "Bedrag"]);
    for (const d of typo) s.push([d, 1]);
    s.end();
    expect(isoDays(rows)).toEqual(["2026-01-05", "2026-01-20", "2026-02-03", "2026-02-25", "2026-03-11"]);
    expect(problems.map((p) => [p.code, p.rows])).toEqual([["date-order-contradicts", [5]]]);
  });

  it("reads a US column with one day-first typo month-first", () => {
    const t = readTable(table(["09/14/2026", "01/02/2026", "14/09/2026", "09/15/2026"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-14", "2026-01-02", "2026-09-15"]);
    expect(codes(t.problems)).toEqual(["date-order-contradicts"]);
    expect(t.problems[0].row).toBe(4);
    expect(t.problems[0].message.en).toContain("but column A is read as month/day/year (US order)");
  });
});

describe("a column with both orders, near-balanced", () => {
  it("refuses the dates that read both ways and those of the smaller kind; reads the rest as they can only be read", () => {
    // Day-first only: rows 2, 3, 8. Month-first only: rows 4, 9. Both ways: row 5. The same either way: row 6; ISO row 7.
    const t = readTable(table(["14/09/2026", "15/09/2026", "09/16/2026", "03/04/2026", "05/05/2026", "2026-09-20", "16/09/2026", "09/17/2026"]));
    expect(isoDays(t.rows)).toEqual(["2026-09-14", "2026-09-15", "2026-05-05", "2026-09-20", "2026-09-16"]);
    expect(t.rows.map((r) => r.cents)).toEqual([10000, 20000, 50000, 60000, 70000]);
    const contradicts = t.problems.find((p) => p.code === "date-order-contradicts");
    expect(contradicts?.row).toBe(4);
    expect(contradicts?.severity).toBe("error");
    expect(contradicts?.message.nl).toBe(
      'Rijen 4 en 9: datums zoals "09/16/2026" zijn alleen als maand/dag/jaar (Amerikaanse volgorde) een datum ("09/16/2026" is 16 september 2026), ' +
        'maar kolom A heeft datums die alleen als dag/maand/jaar een datum zijn (zoals rij 2 "14/09/2026"). ' +
        "Deze datums zijn niet meegeteld. Schrijf de datums als jaar-maand-dag (2026-09-14) of maak er Excel-datums van.",
    );
    const mixed = t.problems.find((p) => p.code === "date-order-mixed");
    expect(mixed?.row).toBe(5);
    expect(mixed?.message.nl).toContain('Rij 5: de datum "03/04/2026" kan op twee manieren gelezen worden ("03/04/2026" is 3 april 2026 of 4 maart 2026)');
    expect(mixed?.message.nl).toContain('rij 2 "14/09/2026" is alleen als dag/maand/jaar een datum, rij 4 "09/16/2026" alleen als maand/dag/jaar');
  });

  it("lists the refused rows once per sheet when read in blocks", () => {
    const rows: InvoiceRow[] = [];
    const problems: Problem[] = [];
    const s = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, 1000);
    s.push(["Datum", "Bedrag"]);
    for (const d of ["14/09/2026", "15/09/2026", "09/16/2026", "03/04/2026", "04/03/2026", "16/09/2026", "09/17/2026"]) s.push([d, 1]);
    s.end();
    expect(isoDays(rows)).toEqual(["2026-09-14", "2026-09-15", "2026-09-16"]);
    const mixed = problems.find((p) => p.code === "date-order-mixed");
    expect(mixed?.rows).toEqual([5, 6]);
    expect(mixed?.count).toBe(2);
    expect(mixed?.message.nl).toContain('Rijen 5 en 6: datums zoals "03/04/2026" kunnen op twee manieren gelezen worden');
  });
});

describe("a list read in blocks (kor-check's files, All sheets)", () => {
  function stream(dates: readonly string[], blockRows: number): { rows: InvoiceRow[]; problems: Problem[] } {
    const rows: InvoiceRow[] = [];
    const problems: Problem[] = [];
    const s = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, blockRows);
    s.push(["Datum", "Bedrag"]);
    for (const d of dates) s.push([d, 1]);
    s.end();
    return { rows, problems };
  }

  it("keeps a month-first decision of the first block for the later ones", () => {
    // The first block is the header search and probe rows (65): rows 2–66; the rest come in blocks of 20.
    const dates = ["09/14/2026", ...Array.from({ length: 100 }, () => "10/01/2026"), "11/02/2026"];
    const { rows, problems } = stream(dates, 20);
    expect(rows).toHaveLength(102);
    expect(isoDays(rows).slice(-2)).toEqual(["2026-10-01", "2026-11-02"]);
    expect(codes(problems)).toEqual(["date-order-month-first"]);
  });

  it("reports a later date that contradicts the order the rows above were read in", () => {
    // The first block (rows 2–66) reads both ways (day-first, the default); row 102's "09/14/2026" is only a date month-first.
    const dates = [...Array.from({ length: 100 }, () => "10/01/2026"), "09/14/2026"];
    const { rows, problems } = stream(dates, 20);
    expect(rows).toHaveLength(100);
    expect(isoDays(rows)[0]).toBe("2026-01-10");
    const e = problems.find((p) => p.code === "date-order-contradicts");
    expect(e?.row).toBe(102);
    expect(e?.severity).toBe("error");
    expect(e?.message.nl).toContain("maar de datums boven deze rij in kolom A zijn al gelezen als dag/maand/jaar");
  });
});

describe("a text date alone (a function's argument, kor-check --since)", () => {
  it("stays day-first", () => {
    expect(readDate("09/01/2026")).toEqual({ kind: "ok", value: dayFromIso("2026-01-09") });
    expect(readDate("09/01/2026", "mdy")).toEqual({ kind: "ok", value: dayFromIso("2026-09-01") });
  });

  it("says that a date only month-first is one, instead of only 'no month 14'", () => {
    const r = readDate("09/14/2026");
    expect(r.kind).toBe("error");
    if (r.kind !== "error") return;
    expect(r.message.nl).toContain("Alleen als maand/dag/jaar (Amerikaanse volgorde) is het een datum: 14 september 2026.");
    expect(r.message.en).toContain("Only as month/day/year (US order) is it a date: 14 September 2026.");
  });
});
