/**
 * Counts of rows, invoices and problems in messages are grouped by thousands as each language writes them:
 * "12.345 rijen" (nl), "12,345 rows" (en), never "12345 rijen". A row number stays as Excel shows it ("rij 12345").
 */
import { atRows, datesWithoutAmount, moreRowProblems } from "../../src/i18n/messages";
import { formatCount } from "../../src/rules/text";
import { S } from "../../src/taskpane/strings";
import { out } from "../../src/cli/strings";
import { plural } from "../../src/bulk/strings";
import { xafProblem } from "../../src/i18n/xaf-messages";

describe("counts in messages", () => {
  it("formats a count with the language's thousands separator", () => {
    expect([formatCount(7, "nl"), formatCount(1234, "nl"), formatCount(12345, "nl"), formatCount(1234567, "nl")]).toEqual(["7", "1.234", "12.345", "1.234.567"]);
    expect([formatCount(999, "en"), formatCount(12345, "en"), formatCount(1234567, "en")]).toEqual(["999", "12,345", "1,234,567"]);
  });

  it("a warning about 12345 rows reads '12.345 rijen' / '12,345 rows', the first row number unchanged", () => {
    const m = datesWithoutAmount(12345, 10002);
    expect(m.nl).toMatch(/^12\.345 rijen hebben een datum maar geen bedrag .* de eerste is rij 10002;/);
    expect(m.en).toMatch(/^12,345 rows have a date but no amount .* the first is row 10002;/);
    const grouped = atRows([10002, 10003], 12345, { nl: "x", en: "x" });
    expect(grouped.nl.startsWith("12.345 rijen (eerste: rij 10002, 10003)")).toBe(true);
    expect(grouped.en.startsWith("12,345 rows (first: rows 10002, 10003)")).toBe(true);
    expect(moreRowProblems(2500).nl).toContain("Nog 2.500 rijen hebben andere problemen");
    expect(moreRowProblems(2500).en).toContain("2,500 more rows have other problems");
  });

  it("the pane, the overview and kor-check say the same", () => {
    expect(S.rowsRead(12345)).toEqual({ nl: "12.345 factuurregels gelezen", en: "12,345 invoice rows read" });
    expect(S.fileRowsRead(100000, "Blad1").nl).toBe('100.000 rijen gelezen uit blad "Blad1"…');
    expect(plural(12345, { nl: "rij", en: "row" }, { nl: "rijen", en: "rows" }, "nl")).toBe("12.345 rijen");
    expect(plural(12345, { nl: "rij", en: "row" }, { nl: "rijen", en: "rows" }, "en")).toBe("12,345 rows");
    expect(out.moreProblems(1500).nl).toBe("… en nog 1.500; gebruik --format json voor de volledige lijst.");
    expect(out.moreProblems(1500).en).toBe("… and 1,500 more; use --format json for the full list.");
  });
});

describe("counts in the pane's row balance, an auditfile's messages and the provisional advice", () => {
  it("groups the thousands there too", () => {
    expect(S.rowsBalance(12345, 12000, 1200, 145).nl).toBe("12.345 rijen in het blad: 12.000 gelezen, 1.200 met fouten, 145 overgeslagen (leeg, zonder bedrag, of genoemd bij Aandachtspunten)");
    expect(S.rowsBalance(12345, 12000, 1200, 145).en).toMatch(/^12,345 rows in the sheet: 12,000 read, 1,200 with errors, 145 skipped/);
    expect(xafProblem.uncoveredYear(2025, 1500, 0, []).nl).toMatch(/^1\.500 boekingen zijn gedateerd in 2025/);
  });
});
