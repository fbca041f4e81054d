/** Column and row reading of the shapes the bookkeeping packages export (docs/exports.md). */
import { detectColumns, headerRole, readTable } from "../../src/reading/headers";
import { readCategoryCell } from "../../src/reading/cells";
import { codeKey } from "../../src/reading/packageCodes";
import { TableStream } from "../../src/bulk/tableStream";
import type { InvoiceRow, Problem } from "../../src/rules/types";
import { dayFromYmd } from "../../src/rules/dates";

const cents = (rows: { cents: number }[]): number => rows.reduce((s, r) => s + r.cents, 0);

/** `values` read as kor-check and All sheets read them: pushed row by row into a TableStream of `block` rows. */
function streamed(values: readonly unknown[][], block?: number): { rows: InvoiceRow[]; problems: Problem[]; stream: TableStream } {
  const rows: InvoiceRow[] = [];
  const problems: Problem[] = [];
  const stream = new TableStream({ rows: (r) => rows.push(...r), problems: (p) => problems.push(...p) }, block);
  values.forEach((v) => stream.push(v));
  stream.end();
  return { rows, problems, stream };
}

describe("amount headers the packages use", () => {
  it.each([
    ["Bedrag", "amount"],
    ["Bedrag (Excl)", "amount"],
    ["Totaal excl. btw", "amount"],
    ["Excl. btw", "amount"],
    ["Netto", "amount"],
    ["Omzet", "amount"],
    ["Bedrag exclusief", "amount"],
    ["Subtotaal", "amount"],
    ["Totaal incl. btw", "gross"],
    ["Bedrag (Incl)", "gross"],
    ["Totaalbedrag", "gross"],
    ["Btw-bedrag", "vat"],
    ["Totaal btw", "vat"],
    ["Debet", "debit"],
    ["Credit", "credit"],
    ["Btw-soort", "category"],
    ["Tarief", "category"],
    // One-word compounds, as the packages write them: "bedrag" in them is not the amount excluding VAT.
    ["Brutobedrag", "gross"],
    ["Brutoomzet", "gross"],
    ["Nettobedrag", "amount"],
    ["Debetbedrag", "debit"],
    ["Creditbedrag", "credit"],
    ["Creditnota", null],
    // Amounts beside the invoice's own: never the turnover.
    ["Openstaand bedrag", null],
    ["Betaald bedrag", null],
    ["Amount due", null],
    ["Amount paid", null],
    ["Kortingsbedrag", null],
    ["Bedrag per stuk", null],
    ["Stuksprijs excl. btw", null],
    ["Total paid", null],
    ["Korting", null],
    ["Discount amount", null],
    // After the discount it is the invoice's amount.
    ["Bedrag na korting", "amount"],
    ["Net after discount", "amount"],
    ["Totaal incl. korting", "gross"],
  ])("%p → %p", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it("prefers the amount excl. VAT over a bare Bedrag, and a VAT rate column over a generic Soort", () => {
    expect(detectColumns(["Datum", "Soort", "Bedrag", "Bedrag excl. btw", "Btw-tarief"])).toMatchObject({ amount: 3, category: 4 });
    expect(detectColumns(["Datum", "Type", "Omzet", "Status", "BTW-code"])).toMatchObject({ amount: 2, category: 4 });
  });
});

describe("readTable on package exports", () => {
  it("works out turnover as gross − VAT per row when only those are given, and says so", () => {
    const t = readTable([
      ["Factuurdatum", "Factuurnummer", "Totaal incl. btw", "Btw-bedrag"],
      ["9-2-24", "F1", "121,00", "21,00"],
      ["10-2-24", "F2", "€ 1.090,00", "90,00"],
    ]);
    expect(t.derived).toBe("gross-minus-vat");
    expect(t.rows.map((r) => r.cents)).toEqual([10000, 100000]);
    expect(t.rows[0].day).toBe(dayFromYmd(2024, 2, 9));
    expect(t.problems.find((p) => p.code === "amount-derived")?.message.en).toContain('"Totaal incl. btw" (C) minus "Btw-bedrag" (D)');
  });

  it("refuses a row with a VAT amount but no gross amount, naming the row, instead of counting −VAT", () => {
    const t = readTable([
      ["Datum", "Bedrag incl. btw", "BTW-bedrag"],
      ["1-9-2025", "1.210,00", "210,00"],
      ["2-9-2025", "", "21,00"], // was counted as a credit note of −€21
      ["3-9-2025", "121,00", ""], // no VAT on the invoice: gross is the turnover
      ["4-9-2025", null, 9], // a workbook's empty cell and number
      ["", "", ""], // a blank row stays harmless
      ["5-9-2025", "  ", "0,00"], // no amount at all: a date without an amount, as elsewhere
    ]);
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000], [4, 12100]]);
    const errors = t.problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "vat-without-gross", column: "amount", row: 3, rows: [3, 5], count: 2 });
    expect(errors[0].message.en).toBe(
      "Rows 3 and 5: VAT amount without an amount including VAT, so the turnover (including VAT minus VAT) cannot be worked out. Enter the amount including VAT, or clear the row if it is not an invoice.",
    );
    expect(errors[0].message.nl).toMatch(/^Rijen 3 en 5: btw-bedrag zonder bedrag inclusief btw/);
    expect(t.problems.find((p) => p.code === "dates-without-amount")?.message.en).toContain("7");
    expect(cents(t.rows)).toBe(112100);
  });

  it("reads one-word compound headers as their two words: Brutobedrag is gross, Debetbedrag / Creditbedrag a ledger card", () => {
    // Read as "bedrag" (the amount excluding VAT), these counted the gross amount, or the credit lines only.
    const gross = readTable([["Factuurdatum", "Brutobedrag", "Btw"], ["1-9-2025", "1.210,00", "210,00"], ["2-9-2025", "-121,00", "-21,00"]]);
    expect(gross.derived).toBe("gross-minus-vat");
    expect(gross.rows.map((r) => r.cents)).toEqual([100000, -10000]);
    expect(readTable([["Datum", "Omschrijving", "Brutobedrag"], ["1-9-2025", "x", "1.210,00"]]).problems[0]).toMatchObject({ code: "gross-only" });
    const ledger = readTable([["Boekdatum", "Omschrijving", "Debetbedrag", "Creditbedrag"], ["5-1-2025", "Factuur 1", "", "1.000,00"], ["6-1-2025", "Creditnota 1", "200,00", ""]]);
    expect(ledger.derived).toBe("credit-minus-debit");
    expect(ledger.rows.map((r) => r.cents)).toEqual([100000, -20000]);
    expect(detectColumns(["Datum", "Bedrag", "Nettobedrag"])).toMatchObject({ amount: 2 });
  });

  it("never reads an outstanding, paid, discount or unit amount as the turnover", () => {
    // Read as "bedrag", the outstanding amounts were the turnover: €0 for a paid year, within the limit.
    const t = readTable([
      ["Factuurdatum", "Klant", "Totaal incl. btw", "Btw", "Openstaand bedrag"],
      ["1-3-2025", "A", "12.100,00", "2.100,00", "0,00"],
      ["1-6-2025", "B", "14.520,00", "2.520,00", "0,00"],
    ]);
    expect(t.derived).toBe("gross-minus-vat");
    expect(cents(t.rows)).toBe(2_200_000);
    const lines = readTable([
      ["Factuurdatum", "Bedrag per stuk", "Aantal", "Bedrag"],
      ["1-4-2025", "25,00", "12", "300,00"],
    ]);
    expect(lines.rows.map((r) => r.cents)).toEqual([30000]);
    const ledger = readTable([["Datum", "Betaald bedrag", "Debet", "Credit"], ["5-1-2025", "500,00", "", "1.000,00"]]);
    expect(ledger.derived).toBe("credit-minus-debit");
    expect(ledger.rows.map((r) => r.cents)).toEqual([100000]);
  });

  it("a bare BTW column of rate names is the category and leaves the VAT amount column beside it the VAT", () => {
    // It hid "Btw-bedrag": the list was refused as gross only ("add the VAT amount"), which it has.
    const gross = readTable([
      ["Datum", "Klant", "BTW", "Totaal incl. btw", "Btw-bedrag"],
      ["1-3-2025", "A", "Hoog", "121,00", "21,00"],
      ["2-3-2025", "B", "Vrijgesteld overig", "100,00", ""],
    ]);
    expect(gross.derived).toBe("gross-minus-vat");
    expect(gross.rows.map((r) => [r.cents, r.category])).toEqual([[10000, "21"], [10000, "vrij"]]);
    expect(gross.problems.filter((p) => p.severity === "error")).toEqual([]);
    // With the VAT amount first, the rate names were not read at all: a "vrij" row counted as turnover.
    const after = readTable([
      ["Datum", "Klant", "Totaal incl. btw", "Btw-bedrag", "BTW"],
      ["1-3-2025", "A", "121,00", "21,00", "Hoog"],
      ["2-3-2025", "B", "100,00", "", "Vrijgesteld overig"],
    ]);
    expect(after.rows.map((r) => [r.cents, r.vatCents, r.category])).toEqual([[10000, 2100, "21"], [10000, 0, "vrij"]]);
    // Beside an amount excluding VAT the VAT shown is read (the warning for a business in the KOR needs it).
    const net = readTable([["Datum", "BTW", "Bedrag excl. btw", "Btw-bedrag"], ["1-3-2025", "Hoog", "100,00", "21,00"]]);
    expect(net.rows.map((r) => [r.cents, r.vatCents, r.category])).toEqual([[10000, 2100, "21"]]);
  });

  it("takes a named VAT amount column over a bare BTW column before it, even when that one is empty", () => {
    // The empty "BTW" (a code column nobody filled in) was the VAT: gross − 0, €121 counted for €100.
    const t = readTable([
      ["Datum", "Klant", "BTW", "Totaal incl. btw", "Btw-bedrag"],
      ["1-3-2025", "A", "", "121,00", "21,00"],
      ["2-3-2025", "B", "", "109,00", "9,00"],
    ]);
    expect(t.columns.vat).toBe(4);
    expect(t.rows.map((r) => r.cents)).toEqual([10000, 10000]);
    expect(detectColumns(["Datum", "BTW", "Bedrag excl. btw", "BTW-bedrag"])).toMatchObject({ vat: 3 });
  });

  it("decides a bare BTW column from the same rows whether the sheet is read at once (the pane) or in blocks (kor-check, All sheets)", () => {
    // Rate names only from the 71st invoice on: the pane read them as the category ("vrij", not counted), kor-check
    // and All sheets decided on the first 65 rows and read them as VAT amounts (20 errors, verdict undecided).
    const values: unknown[][] = [["Datum", "Klant", "Bedrag", "BTW"]];
    for (let i = 0; i < 90; i++) values.push([`${(i % 28) + 1}-3-2025`, `K${i}`, "100,00", i < 70 ? "" : "vrijgesteld overig"]);
    const whole = readTable(values);
    const { rows, problems, stream } = streamed(values);
    expect(stream.detectedColumns).toEqual(whole.columns);
    expect(rows.map((r) => [r.row, r.cents, r.category])).toEqual(whole.rows.map((r) => [r.row, r.cents, r.category]));
    expect(problems.map((p) => p.code)).toEqual(whole.problems.map((p) => p.code));
    // Decided from the first 50 rows beneath the header: here empty, so the column holds no codes (VAT, all empty).
    expect(whole.columns).toMatchObject({ vat: 3 });
  });

  it("refuses gross amounts without a VAT column, naming the column", () => {
    const t = readTable([["Datum", "Omschrijving", "Totaal incl. btw"], ["1-1-2025", "x", 121]]);
    expect(t.rows).toEqual([]);
    expect(t.problems[0]).toMatchObject({ code: "gross-only", severity: "error" });
    expect(t.problems[0].message.nl).toContain('"Totaal incl. btw" (C)');
  });

  it("reads a revenue ledger card as credit − debit and skips its balance lines", () => {
    const t = readTable([
      ["Grootboekkaart 8000 Omzet"],
      ["Datum", "Omschrijving", "Debet", "Credit"],
      ["", "Beginsaldo", "", ""],
      ["5-1-2025", "Factuur 1", "", "1.000,00"],
      ["6-1-2025", "Creditnota 1", "200,00", ""],
      ["", "Totaal mutaties", "200,00", "1.000,00"],
      ["", "Eindsaldo", "", "800,00"],
    ]);
    expect(t.derived).toBe("credit-minus-debit");
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[4, 100000], [5, -20000]]);
    expect(t.totalsRows).toEqual([3, 6, 7]);
    const w = t.problems.find((p) => p.code === "totals-rows-skipped");
    expect(w?.message.en).toContain("3 total and balance lines were skipped (rows 3, 6, 7)");
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  describe("a ledger card with a Bedrag column beside Debet and Credit", () => {
    // An invoice of 1.000 (credit) and its credit note of 200 (debit): 800 turnover, whichever way the package
    // writes Bedrag (Twinfield / the auditfile: unsigned with the side apart; Exact Online: debit plus, credit minus).
    const card = (bedrag: readonly [unknown, unknown]): unknown[][] => [
      ["Datum", "Omschrijving", "Bedrag", "Debet", "Credit"],
      ["5-1-2025", "Factuur 1", bedrag[0], "", "1.000,00"],
      ["6-1-2025", "Creditnota 1", bedrag[1], "200,00", ""],
    ];

    it.each([
      ["unsigned (the direction only in Debet / Credit)", ["1.000,00", "200,00"]],
      ["signed credit minus debit", ["1.000,00", "-200,00"]],
      ["signed debit minus credit (Exact Online)", ["-1.000,00", "200,00"]],
      ["numbers, unsigned", [1000, 200]],
    ] as const)("Bedrag %s: turnover is credit − debit, 800", (_what, bedrag) => {
      const t = readTable(card(bedrag));
      expect(t.derived).toBe("credit-minus-debit");
      expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000], [3, -20000]]);
      expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(t.problems.find((p) => p.code === "amount-derived")?.message.en).toContain('"Credit" (column E) minus "Debet" (column D) (credit minus debit). "Bedrag" (column C) was only compared in size');
    });

    it("a line whose Bedrag differs from credit − debit is an error naming its rows, not counted", () => {
      const t = readTable([
        ["Datum", "Omschrijving", "Bedrag", "Debet", "Credit"],
        ["5-1-2025", "Factuur 1", "1.000,00", "", "1.000,00"],
        ["6-1-2025", "Factuur 2", "1.500,00", "", "1.000,00"],
        ["7-1-2025", "Memoriaal", "300,00", "", ""],
        ["8-1-2025", "Factuur 3", "", "", "400,00"],
      ]);
      expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000], [5, 40000]]);
      const errors = t.problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => p.code)).toEqual(["ledger-amount-mismatch"]);
      expect(errors[0].message.en).toMatch(/^Rows 3 and 4: the amount in "Bedrag" \(column C\) differs in size from "Credit" \(column E\) minus "Debet" \(column D\)/);
      expect(errors[0].message.nl).toMatch(/^Rijen 3 en 4: het bedrag in "Bedrag" \(kolom C\) verschilt in grootte van "Credit" \(kolom E\) min "Debet" \(kolom D\)/);
    });

    it("the amount column chosen by the user is read alone, as chosen", () => {
      const t = readTable(card(["1.000,00", "-200,00"]), { columns: { amount: 2 } });
      expect(t.derived).toBeNull();
      expect(t.rows.map((r) => r.cents)).toEqual([100000, -20000]);
      expect(t.columns.debit).toBeUndefined();
    });

    it("kor-check and All sheets (read in blocks) give the same rows and errors as the whole sheet", () => {
      const values = [
        ["Datum", "Omschrijving", "Bedrag", "Debet", "Credit"],
        ...Array.from({ length: 120 }, (_, i) => [`${(i % 28) + 1}-${(i % 12) + 1}-2025`, `r${i}`, i === 100 ? "5,00" : "10,00", i % 3 === 0 ? "10,00" : "", i % 3 === 0 ? "" : "10,00"]),
      ];
      const whole = readTable(values);
      const { rows, problems } = streamed(values, 40);
      expect(rows.map((r) => [r.row, r.cents])).toEqual(whole.rows.map((r) => [r.row, r.cents]));
      expect(problems.filter((p) => p.severity === "error").map((p) => [p.code, p.row])).toEqual([["ledger-amount-mismatch", 102]]);
      expect(cents(rows)).toBe((80 - 40) * 1000 - 1000);
    });
  });

  describe("a ledger with a Bedrag and a D/C column (Twinfield's transaction browse: Bedrag signed, D/C beside it)", () => {
    it.each([
      ["signed debit plus (Twinfield)", ["-1.000,00", "200,00"], ["C", "D"], "credit amounts (C) are minus and debit amounts (D) plus"],
      ["unsigned", ["1.000,00", "200,00"], ["credit", "debet"], "the amounts carry no minus"],
      ["signed credit plus", [1000, -200], ["Cr", "Dr"], "credit amounts (C) are plus and debit amounts (D) minus"],
    ] as const)("Bedrag %s: turnover is the amount on the credit side, minus it on the debit side: 800", (_what, bedrag, side, signs) => {
      for (const header of ["D/C", "Debet/Credit", "DC"]) {
        const t = readTable([
          ["Datum", "Omschrijving", "Bedrag", header],
          ["5-1-2025", "Factuur 1", bedrag[0], side[0]],
          ["6-1-2025", "Creditnota 1", bedrag[1], side[1]],
        ]);
        expect(t.columns).toMatchObject({ amount: 2, side: 3 });
        expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000], [3, -20000]]);
        expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(t.problems.find((p) => p.code === "amount-derived")?.message.en).toContain(`"Bedrag" (column C) per line where "${header}" (column D) says credit (C), and minus that amount where it says debit (D). In this file ${signs}`);
      }
    });

    it("a line whose side is empty or neither D nor C is an error naming its rows, not counted", () => {
      const t = readTable([
        ["Datum", "Omschrijving", "Bedrag", "D/C"],
        ["5-1-2025", "Factuur 1", "1.000,00", "C"],
        ["6-1-2025", "Factuur 2", "500,00", ""],
        ["7-1-2025", "Factuur 3", "300,00", "X"],
      ]);
      expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000]]);
      const errors = t.problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => [p.code, p.rows])).toEqual([["ledger-side-unknown", [3, 4]]]);
      expect(errors[0].message.en).toMatch(/^Rows 3 and 4: "D\/C" \(column D\) does not say whether the amount in "Bedrag" \(column C\) is debit \(D\) or credit \(C\)/);
    });

    it("the amount column chosen by the user is read alone, as chosen", () => {
      const t = readTable([["Datum", "Bedrag", "D/C"], ["5-1-2025", "1.000,00", "C"], ["6-1-2025", "200,00", "D"]], { columns: { amount: 1 } });
      expect(t.rows.map((r) => r.cents)).toEqual([100000, 20000]);
      expect(t.columns.side).toBeUndefined();
    });

    it("read in blocks (kor-check, All sheets) as a whole sheet", () => {
      const values = [["Datum", "Bedrag", "D/C"], ...Array.from({ length: 90 }, (_, i) => [`${(i % 28) + 1}-5-2025`, i % 4 === 0 ? "10,00" : "-10,00", i % 4 === 0 ? "D" : i === 70 ? "" : "C"])];
      const whole = readTable(values);
      const { rows, problems } = streamed(values, 25);
      expect(rows.map((r) => [r.row, r.cents])).toEqual(whole.rows.map((r) => [r.row, r.cents]));
      expect(problems.filter((p) => p.severity === "error").map((p) => [p.code, p.row])).toEqual([["ledger-side-unknown", 72]]);
      expect(cents(rows)).toBe((66 - 23) * 1000);
    });

    it("a storno booked as a negative credit in an unsigned file is an error naming its row, never counted by its size", () => {
      // 1.000 C and -200 C: read by size this was € 1.200,00 of turnover.
      const t = readTable([["Datum", "Bedrag", "D/C"], ["5-1-2025", 1000, "C"], ["6-1-2025", -200, "C"]]);
      expect(t.sideSigns).toEqual({ credit: "plus", debit: "open" });
      expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000]]);
      const errors = t.problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => [p.code, p.rows ?? [p.row]])).toEqual([["ledger-sign-contradicts-side", [3]]]);
      expect(errors[0].message.en).toBe(
        'Row 3: the sign of the amount in "Bedrag" (column B) contradicts the side in "D/C" (column C): how this file signs its credit lines (C) was inferred from its other credit lines (C), which are plus, and this line is minus. ' +
          "So whether the line is turnover or a correction is not certain, and it is not counted. " +
          'Check the line (is it a storno?), or choose the amount column yourself: then the amount\'s sign counts, not "D/C" (column C).',
      );
      expect(errors[0].message.nl).toMatch(/^Rij 3: het teken van het bedrag in "Bedrag" \(kolom B\) spreekt de kant in "D\/C" \(kolom C\) tegen: hoe dit bestand creditregels \(C\) tekent, is afgeleid uit zijn andere creditregels \(C\), die plus staan, en deze regel staat min\./);
      expect(t.problems.find((p) => p.code === "amount-derived")?.message.en).toContain("In this file credit amounts (C) are plus; no debit line (D) is among the first 50 lines, so the first one decides how they are signed; a line whose sign contradicts its side is not counted");
    });

    it.each([
      // The convention fewest of the first rows contradict; every other line reads by its side.
      ["debit plus: a plus credit line", [["C", -1000], ["C", -500], ["D", 200], ["C", 300]], { credit: "minus", debit: "plus" }, [5], 1300],
      ["credit minus, debit first seen minus", [["C", -1000], ["C", -500], ["D", -200]], { credit: "minus", debit: "minus" }, [], 1300],
      ["credit plus: a plus debit line", [["C", 1000], ["D", -200], ["D", -100], ["D", 50]], { credit: "plus", debit: "minus" }, [5], 700],
    ] as const)("signed, %s: that line is an error, the rest read by side", (_what, lines, signs, errorRows, euros) => {
      const t = readTable([["Datum", "Bedrag", "D/C"], ...lines.map(([side, a], i) => [`${i + 5}-1-2025`, a, side])]);
      expect(t.sideSigns).toEqual(signs);
      expect(t.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.rows ?? [p.row]])).toEqual(errorRows.length === 0 ? [] : [["ledger-sign-contradicts-side", errorRows]]);
      expect(cents(t.rows)).toBe(euros * 100);
    });

    it("a row past the first 50 that contradicts the file's signing is an error, read in blocks as a whole sheet", () => {
      // Exact-style: credit minus, debit plus; from row 62 on credit lines with a plus amount, which a block of
      // those lines alone would take for an unsigned file.
      const values = [["Datum", "Bedrag", "D/C"], ...Array.from({ length: 90 }, (_, i) => [`${(i % 28) + 1}-5-2025`, i >= 60 || i % 4 === 0 ? "10,00" : "-10,00", i < 60 && i % 4 === 0 ? "D" : "C"])];
      const whole = readTable(values);
      expect(whole.sideSigns).toEqual({ credit: "minus", debit: "plus" });
      for (const block of [25, 40, 1000]) {
        const { rows, problems } = streamed(values, block);
        expect(rows.map((r) => [r.row, r.cents])).toEqual(whole.rows.map((r) => [r.row, r.cents]));
        expect(problems.filter((p) => p.severity === "error").map((p) => [p.code, p.rows])).toEqual([["ledger-sign-contradicts-side", Array.from({ length: 30 }, (_, i) => 62 + i)]]);
        expect(cents(rows)).toBe((45 - 15) * 1000);
      }
    });
    it.each([
      // Signed debit plus (Exact, Twinfield): 50 debit lines, then credit lines signed minus; a plus credit is the error.
      ["50 debit lines, then minus credits (debit plus)", "D", 100, "C", [-4000, -1000, 5000], { credit: "open", debit: "plus" }, { credit: "minus", debit: "plus" }, 54, -5000 + 4000 + 1000],
      // Signed credit plus: 50 credit lines, then a storno on the debit side signed minus; a plus debit is the error.
      ["50 credit lines, then a minus debit storno (credit plus)", "C", 100, "D", [-40, -10, 30], { credit: "plus", debit: "open" }, { credit: "plus", debit: "minus" }, 54, 5000 - 40 - 10],
    ] as const)("%s: the side the first 50 lines do not show is decided by its own first line, whole and in blocks", (_what, firstSide, firstAmount, laterSide, later, decided, after, errorRow, euros) => {
      const values = [
        ["Datum", "Bedrag", "D/C"],
        ...Array.from({ length: 50 }, (_, i) => [`${(i % 28) + 1}-3-2025`, firstAmount, firstSide]),
        ...later.map((a, i) => [`${i + 1}-4-2025`, a, laterSide]),
      ];
      const whole = readTable(values);
      expect(whole.sideSignsDecided).toEqual(decided);
      expect(whole.sideSigns).toEqual(after);
      expect(whole.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.rows ?? [p.row]])).toEqual([["ledger-sign-contradicts-side", [errorRow]]]);
      expect(cents(whole.rows)).toBe(euros * 100);
      for (const block of [7, 25, 51, 1000]) {
        const { rows, problems } = streamed(values, block);
        expect(rows.map((r) => [r.row, r.cents])).toEqual(whole.rows.map((r) => [r.row, r.cents]));
        expect(problems.map((p) => [p.code, p.severity, p.rows ?? [p.row], p.message.en])).toEqual(whole.problems.map((p) => [p.code, p.severity, p.rows ?? [p.row], p.message.en]));
      }
    });
  });

  it("skips a Totaal line even with an amount, and a SUM formula row", () => {
    const t = readTable([
      ["Datum", "Bedrag", "Omschrijving"],
      ["1-1-2025", 100, "Totaalpakket website"],
      ["", 100, "Totaal"],
      ["31-1-2025", { formula: "SUM(B2:B3)", result: 200 }, ""],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.totalsRows).toEqual([3, 4]);
  });

  it("reads a dated row to a customer named Balance … or Saldo … as an invoice; a bare balance word on a dated row stays a balance line", () => {
    const t = readTable([
      ["Datum", "Klant", "Bedrag"],
      ["1-9-2025", "Balance Yoga Studio", "1.000,00"],
      ["2-9-2025", "Saldo B.V.", "500,00"],
      ["3-9-2025", "Total Energies", "300,00"],
      ["4-9-2025", "Totaal", "1.800,00"],
      ["30-9-2025", "Saldo", "1.800,00"],
      ["30-9-2025", "Saldo per 30-9-2025", "1.800,00"],
      ["30-9-2025", "Balance:", "1.800,00"],
      ["30-9-2025", "Eindsaldo september", "1.800,00"],
    ]);
    expect(t.rows.map((r) => [r.row, r.cents])).toEqual([[2, 100000], [3, 50000], [4, 30000]]);
    expect(t.totalsRows).toEqual([5, 6, 7, 8, 9]);
    expect(t.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("skips a dated subtotal line (a totals word with only a period or a colon after it) with the totals warning naming its row", () => {
    const labels = [
      "Totaal september", "TOTAAL Q3", "Total:", "Subtotaal kwartaal 3", "Totaal 3e kwartaal", "Totaal jan t/m mrt 2025",
      "Total for March 2025", "Totaal 2025", "Totaal: 30-9-2025", "Eindtotaal", "Saldo september", "Subtotal Q3 2025",
    ];
    const t = readTable([["Datum", "Omschrijving", "Bedrag"], ["1-9-2025", "a", "1.000,00"], ["2-9-2025", "b", "500,00"], ...labels.map((l) => ["30-9-2025", l, "1.500,00"])]);
    expect(cents(t.rows)).toBe(150000);
    expect(t.totalsRows).toEqual(labels.map((_, i) => i + 4));
    expect(t.problems.map((p) => p.code)).toEqual(["totals-rows-skipped"]);
    const one = readTable([["Datum", "Omschrijving", "Bedrag"], ["1-9-2025", "a", "1.000,00"], ["2-9-2025", "b", "500,00"], ["30-9-2025", "Totaal september", "1.500,00"]]);
    expect(cents(one.rows)).toBe(150000);
    expect(one.problems.map((p) => [p.severity, p.message.en])).toEqual([
      ["warning", "Row 4 is a total or balance line and was skipped; it does not count as turnover."],
    ]);
  });

  it("counts a dated row whose label only starts like a total, and warns naming the row", () => {
    const t = readTable([
      ["Datum", "Klant", "Bedrag"],
      ["1-9-2025", "Total Energies", "1.000,00"],
      ["2-9-2025", "a", "500,00"],
      ["3-9-2025", "Totaalbouw B.V.", "300,00"],
      ["4-9-2025", "Totaal september B.V.", "200,00"],
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(cents(t.rows)).toBe(200000);
    expect(t.totalsRows).toEqual([]);
    const w = t.problems.filter((p) => p.code === "total-label-counted");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", row: 2, rows: [2, 4, 5], count: 3 });
    expect(w[0].message.en).toBe(
      'Rows 2, 4 and 5: these rows start like a total line (first: "Total Energies"), but have a date and were counted as invoices. If one of them is a subtotal line, remove it.',
    );
    expect(w[0].message.nl).toMatch(/^Rijen 2, 4 en 5: deze rijen beginnen als een totaalregel \(eerste: "Total Energies"\)/);
    const one = readTable([["Datum", "Klant", "Bedrag"], ["1-9-2025", "Totaal pakket", "100,00"]]);
    expect(one.problems.map((p) => [p.severity, p.message.nl])).toEqual([
      ["warning", 'Rij 2: "Totaal pakket" begint als een totaalregel, maar de rij heeft een datum en is als factuur meegeteld. Is het een subtotaalregel, haal die dan weg.'],
    ]);
  });

  it("decides a column headed BTW from its values: rates and codes are the category, money is the VAT", () => {
    const rates = readTable([["Datum", "Bedrag", "BTW"], ["1-1-2025", 100, "21%"], ["2-1-2025", 50, "hoog"]]);
    expect(rates.columns).toMatchObject({ category: 2 });
    expect(rates.columns.vat).toBeUndefined();
    expect(rates.rows.map((r) => r.category)).toEqual(["21", "21"]);
    const money = readTable([["Datum", "Bedrag", "BTW"], ["1-1-2025", 100, 21], ["2-1-2025", 50, "10,50"]]);
    expect(money.columns).toMatchObject({ vat: 2 });
    expect(money.rows.map((r) => r.vatCents)).toEqual([2100, 1050]);
  });

  it("reads rates typed as text under BTW as the rates a workbook's numbers are, never as VAT money", () => {
    // A CSV holds every cell as text: "21", "9", "0" under a bare BTW are rates, as the numbers 21, 9, 0 are.
    for (const [r21, r9, r0] of [["21", "9", "0"], [21, 9, 0], ["0,21", "0.09", "0"]]) {
      const t = readTable([["Datum", "Bedrag", "BTW"], ["1-9-2025", "1.000,00", r21], ["2-9-2025", "100,00", r9], ["3-9-2025", "500,00", r0]]);
      expect(t.columns.vat).toBeUndefined();
      expect(t.rows.map((r) => [r.row, r.cents, r.category, r.vatCents])).toEqual([
        [2, 100000, "21", null],
        [3, 10000, "9", null],
        // The number 0 is an empty category (desktop Excel's empty cell); both count the same.
        [4, 50000, typeof r0 === "number" ? null : "0", null],
      ]);
      expect(cents(t.rows)).toBe(160000);
    }
    // With only a gross "Totaal" beside it there is no amount excluding VAT: refused, not gross − "21" euros.
    const gross = readTable([["Datum", "Totaal", "BTW"], ["1-9-2025", "1.210,00", "21"], ["2-9-2025", "109,00", "9"], ["3-9-2025", "500,00", "0"]]);
    expect(gross.rows).toEqual([]);
    expect(gross.problems.map((p) => p.code)).toEqual(["gross-only"]);
    // VAT money as text has cents, and stays the VAT amount.
    const money = readTable([["Datum", "Totaal", "BTW"], ["1-9-2025", "1.210,00", "210,00"], ["2-9-2025", "109,00", "9,00"]]);
    expect(money.derived).toBe("gross-minus-vat");
    expect(money.rows.map((r) => r.cents)).toEqual([100000, 10000]);
  });

  describe("a bare BTW column of whole numbers that are also rates (21, 9) is decided by the amounts beside it", () => {
    it("amounts signed credit minus decide it as their sizes do: with a D/C column, and without one", () => {
      // 21 beside 100 (either), 233,33 (9% of it: an amount) and 500 (a rate only): the rows disagree.
      for (const sign of [1, -1]) {
        const t = readTable([["Datum", "Bedrag", "D/C", "BTW"], ["1-9-2025", 100 * sign, "C", 21], ["2-9-2025", 233.33 * sign, "C", 21], ["3-9-2025", 500 * sign, "C", 21]]);
        expect({ sign, codes: t.problems.map((p) => p.code) }).toEqual({ sign, codes: ["vat-column-ambiguous"] });
        expect(t.problems[0].message.en).toContain("on row 4 the number only fits as a rate, on row 3 only as a VAT amount");
      }
      // Invoices of 100 as credit minus with 21 beside them: either reading gives the same VAT.
      for (const header of [["Datum", "Bedrag", "D/C", "BTW"], ["Datum", "Bedrag", "BTW"]]) {
        const line = (d: string): unknown[] => (header.length === 4 ? [d, -100, "C", 21] : [d, -100, 21]);
        const t = readTable([header, line("1-9-2025"), line("2-9-2025")]);
        expect({ header, codes: t.problems.map((p) => p.code) }).toEqual({ header, codes: ["vat-column-ambiguous"] });
      }
      const sided = readTable([["Datum", "Bedrag", "D/C", "BTW"], ["1-9-2025", -100, "C", 21]]);
      expect(sided.problems[0].message.en).toContain("(row 2: 21% of €100.00 is €21.00)");
    });

    it("€ 21,00 of VAT on invoices of € 100,00 at 21% may be either: refused with the reason and a row, not read as rates", () => {
      const t = readTable([["Datum", "Bedrag", "BTW"], ["1-9-2025", 100, 21], ["2-9-2025", 100, 21], ["3-9-2025", 100, 9]]);
      expect(t.rows).toEqual([]);
      expect(t.problems).toHaveLength(1);
      expect(t.problems[0]).toMatchObject({ code: "vat-column-ambiguous", severity: "error", row: null });
      expect(t.problems[0].message.en).toBe(
        'Column "BTW" (C) holds only whole numbers that are also VAT rates (such as 21 and 9): they may be rates or VAT amounts in whole euros. ' +
          "With the amounts beside it that comes to the same (row 2: 21% of €100.00 is €21.00), so the values do not decide it. " +
          "Choose what the column is: in the pane under Columns as 'VAT on the invoice' (amounts) or 'Category / VAT rate' (rates); with kor-check, --vat-column (amounts) or --category-column (rates). " +
          "For a CSV export, exporting the VAT amounts with cents (21.00) also works; in an .xlsx it does not, as 21.00 is the number 21 there.",
      );
      expect(t.problems[0].message.nl).toContain("rij 2: 21% van € 100,00 is € 21,00");
    });

    it("the user's choice decides: the VAT column (amounts) or the category column (rates)", () => {
      const values = [["Datum", "Bedrag", "BTW"], ["1-9-2025", 100, 21], ["2-9-2025", 100, 9]];
      expect(readTable(values, { columns: { vat: 2 } }).rows.map((r) => [r.vatCents, r.category])).toEqual([[2100, null], [900, null]]);
      const rates = readTable(values, { columns: { category: 2 } });
      expect(rates.columns.vat).toBeUndefined();
      expect(rates.rows.map((r) => [r.vatCents, r.category])).toEqual([[null, "21"], [null, "9"]]);
    });

    it("VAT amounts that fit a rate of their row's amount, but not as the rate they look like, are the VAT amount", () => {
      // € 21,00 is 9% of € 233,33; as a rate 21% of it would be € 49,00.
      const t = readTable([["Datum", "Bedrag", "BTW"], ["1-9-2025", 233.33, 21], ["2-9-2025", 100, 21]]);
      expect(t.columns.vat).toBe(2);
      expect(t.rows.map((r) => r.vatCents)).toEqual([2100, 2100]);
    });

    it("rows that disagree (one fits a rate only, another a VAT amount only) are refused naming both rows", () => {
      const t = readTable([["Datum", "Bedrag", "BTW"], ["1-9-2025", 1000, 21], ["2-9-2025", 233.33, 21]]);
      expect(t.problems.map((p) => p.code)).toEqual(["vat-column-ambiguous"]);
      expect(t.problems[0].message.en).toContain("on row 2 the number only fits as a rate, on row 3 only as a VAT amount");
    });

    it("beside gross amounts both readings give the same turnover: € 121,00 with 21 is € 100,00", () => {
      const t = readTable([["Datum", "Totaal incl. btw", "BTW"], ["1-9-2025", "121,00", "21"], ["2-9-2025", "109,00", "9"]]);
      expect(t.derived).toBe("gross-minus-vat");
      expect(t.rows.map((r) => r.cents)).toEqual([10000, 10000]);
    });

    it("beside a named rate column the bare BTW holds the VAT amounts", () => {
      const t = readTable([["Datum", "Bedrag", "BTW", "Btw %"], ["1-9-2025", 100, 21, "21%"], ["2-9-2025", 100, 9, "9%"]]);
      expect(t.columns).toMatchObject({ vat: 2, category: 3 });
      expect(t.rows.map((r) => [r.vatCents, r.category])).toEqual([[2100, "21"], [900, "9"]]);
    });

    it("kor-check and All sheets (read in blocks) refuse the sheet with the same reason", () => {
      const values = [["Datum", "Bedrag", "BTW"], ...Array.from({ length: 80 }, (_, i) => [`${(i % 28) + 1}-9-2025`, 100, 21])];
      const stream = new TableStream({ rows: () => undefined, problems: () => undefined }, 30);
      values.forEach((v) => stream.push(v));
      stream.end();
      expect(stream.state).toBe("rejected");
      expect(stream.rejection?.code).toBe("vat-column-ambiguous");
      expect(stream.rejection?.message).toEqual(readTable(values).problems[0].message);
    });
  });

  it("lists unknown codes once per sheet with their count and first row, and reads them with a mapping", () => {
    const values = [
      ["Datum", "Bedrag", "BTW-code"],
      ["1-1-2025", 100, "VV"],
      ["2-1-2025", 100, "VH"],
      ["3-1-2025", 100, "VV"],
      ["4-1-2025", 100, "HOOG_VERK_21"],
    ];
    const t = readTable(values);
    const unknown = t.problems.filter((p) => p.code === "unknown-category");
    expect(unknown).toHaveLength(1);
    expect(unknown[0].row).toBe(2);
    expect(unknown[0].message.en).toContain('"VV" (2 rows, first row 2), "VH" (row 3)');
    expect(t.rows.map((r) => r.category)).toEqual(["21"]);
    const mapped = readTable(values, { codes: new Map([[codeKey("vv"), "21"], [codeKey("VH"), "vrij"]]) });
    expect(mapped.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(mapped.rows.map((r) => r.category)).toEqual(["21", "vrij", "21", "21"]);
  });

  it("maps the user's own codes in number cells as their text: a workbook's 1, 2 and 0", () => {
    const values = [
      ["Datum", "Bedrag", "BTW-code"],
      ["1-1-2025", 100, 1],
      ["2-1-2025", 200, 2],
      ["3-1-2025", 15000, 0], // mapped to vrij: does not count (it was read as an empty category and counted)
      ["4-1-2025", 400, "0"],
      ["5-1-2025", 500, { formula: "VLOOKUP(A6,Codes,2)", result: 2 }],
      ["6-1-2025", 600, null], // an empty cell stays empty
      ["7-1-2025", 700, 1.5], // not code "15"
      ["8-1-2025", 800, -1], // not code "1"
    ];
    const codes = new Map([[codeKey("1"), "21"], [codeKey("2"), "vrij"], [codeKey("0"), "vrij"], [codeKey("15"), "21"]] as const);
    const t = readTable(values, { codes });
    expect(t.rows.map((r) => [r.row, r.category])).toEqual([[2, "21"], [3, "vrij"], [4, "vrij"], [5, "vrij"], [6, "vrij"], [7, null]]);
    const unknown = t.problems.filter((p) => p.severity === "error");
    expect(unknown.map((p) => p.code)).toEqual(["unknown-category"]);
    expect(unknown[0].message.en).toContain('"1.5" (row 8), "-1" (row 9)');
    // Without a mapping, beside the unknown own codes 1 and 2, a 0 (number or text) may be one of those codes too:
    // read as 0% (a number 0 as the empty cell Excel gives for one), with one error naming its rows to be mapped.
    const unmapped = readTable(values.slice(0, 5));
    expect(unmapped.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(unmapped.problems.find((p) => p.code === "unknown-category")?.message.en).toContain('"1" (row 2), "2" (row 3).');
    expect(unmapped.problems.filter((p) => p.code === "zero-code-read-as-rate").map((p) => [p.severity, p.rows])).toEqual([["error", [4, 5]]]);
  });

  it("adds up several lines of one invoice (one per VAT rate)", () => {
    const t = readTable([["Factuurdatum", "Factuurnummer", "Bedrag excl. btw", "Btw %"], ["1-3-2025", "F7", 100, "21%"], ["1-3-2025", "F7", 50, "9%"]]);
    expect(cents(t.rows)).toBe(15000);
  });

  it("names the most header-like row when no header is found", () => {
    const t = readTable([["Rapport"], ["Nummer", "Klant", "Datum"], ["1", "A", "1-1-2025"]]);
    expect(t.problems[0].message.en).toContain('The row most like a header is row 2: "Nummer", "Klant", "Datum"');
  });

  it("reads chosen columns by header text", () => {
    const t = readTable([["Wanneer", "Hoeveel"], ["1-1-2025", 10]], { columnNames: { date: "wanneer", amount: "HOEVEEL" } });
    expect(t.rows.map((r) => r.cents)).toEqual([1000]);
  });
});

describe("package VAT codes", () => {
  it.each([
    ["HOOG_VERK_21", "21"],
    ["LAAG_VERK_9", "9"],
    ["VERL_VERK", "verlegd"],
    ["BI_EU_VERK", "icp"],
    ["BI_EU_VERK_D", "buitenland"],
    ["BU_EU_VERK", "export"],
    ["21% btw", "21"],
    ["Btw verlegd", "verlegd"],
    ["Hoog", "21"],
    ["Laag", "9"],
    ["vat_high", "21"],
    ["vat_low_new", "9"],
    ["vat_reverse_charged", "verlegd"],
    ["vat_zero", "0"],
    ["0%", "0"],
    // The ICP listing's goods and services apart: were refused as unknown codes ("ICP leveringen" not counted).
    ["ICP leveringen", "icp"],
    ["ICP levering", "icp"],
    ["ICP goederen", "icp"],
    ["ICP diensten", "buitenland"],
    ["ICP dienst", "buitenland"],
  ])("%p reads as %p", (code, category) => {
    expect(readCategoryCell(code)).toEqual({ kind: "ok", value: category });
  });
  it.each(["GEEN", "Geen btw", "Vrijgesteld", "vat_none"])("%p stays ambiguous", (code) => {
    expect(readCategoryCell(code)).toMatchObject({ kind: "error", code: "ambiguous-category" });
  });
  // "0% EU" (Moneybird) / "Binnen EU" (SnelStart) are the 0% rate for any supply to an EU business: goods (icp,
  // counts) or a B2B service taxed in the customer's state (buitenland, does not count). Were read as icp.
  it.each(["0% EU", "Binnen EU", "binnen-eu", "0 % EU"])("%p is refused naming goods (icp) and services abroad (buitenland), not read as icp", (code) => {
    const r = readCategoryCell(code);
    expect(r).toMatchObject({ kind: "error", code: "ambiguous-category" });
    if (r.kind !== "error") return;
    expect(r.message.en).toContain("icp (goods to a business in another EU member state, counts)");
    expect(r.message.en).toContain("buitenland (a service to a business in another EU member state, taxed there, does not count; fill in the country)");
    expect(r.message.nl).toContain("icp (goederen aan een bedrijf in een andere EU-lidstaat, telt mee)");
    expect(r.message.nl).toContain("buitenland (een dienst aan een bedrijf in een andere EU-lidstaat, daar belast, telt niet mee; vul het land in)");
  });
  it("names the rows of a 0% EU code in a sheet, and reads them as the user maps them", () => {
    const sheet = [
      ["Factuurdatum", "Bedrag excl. btw", "Btw-tarief", "Land"],
      ["10-01-2025", "1.000,00", "21% btw", "NL"],
      ["11-02-2025", "4.000,00", "0% EU", "DE"],
      ["12-03-2025", "2.000,00", "Binnen EU", "BE"],
    ];
    const t = readTable(sheet);
    expect(cents(t.rows)).toBe(100000);
    const errors = t.problems.filter((p) => p.code === "ambiguous-category");
    expect(errors.map((p) => p.row)).toEqual([3, 4]);
    expect(errors[0].message.en).toMatch(/^Row 3: category "0% EU" is ambiguous/);
    expect(errors[1].message.nl).toMatch(/^Rij 4: categorie "Binnen EU" is niet eenduidig/);
    const mapped = readTable(sheet, { codes: new Map([["0%eu", "buitenland" as const], ["binneneu", "icp" as const]]) });
    expect(mapped.rows.map((r) => r.category)).toEqual(["21", "buitenland", "icp"]);
  });
});
