import { buildOverview, cellText, sortOverview, type CheckedUnit, type OverviewRow } from "../../src/bulk/overview";
import { buildOverviewContent } from "../../src/excel/overviewContent";
import { EMPTY_GROUPING, setGroup } from "../../src/bulk/groups";
import { YearWindow } from "../../src/bulk/yearWindow";
import { dayFromIso } from "../../src/rules/dates";
import type { InvoiceRow, Participation } from "../../src/rules/types";

const TODAY = dayFromIso("2026-11-27");
const r = (row: number, iso: string, euros: number, vat: number | null = null): InvoiceRow => ({
  row, day: dayFromIso(iso), cents: Math.round(euros * 100), category: null, country: null, vatCents: vat === null ? null : vat * 100,
});
const unit = (id: string, rows: InvoiceRow[]): CheckedUnit => ({ id, sheet: id, table: null, rows, problems: [] });

describe("buildOverview", () => {
  const a = unit("A", [r(2, "2025-01-10", 15000), r(3, "2025-09-16", 6000)]);
  const b = unit("B", [r(2, "2025-02-01", 5000)]);
  const c = unit("C", [r(2, "2024-02-01", 25000), r(3, "2025-02-01", 100)]);

  it("gives each sheet its verdict, crossing row and next chance", () => {
    const lines = buildOverview([a, b, c], EMPTY_GROUPING, { today: TODAY });
    expect(lines.map((l) => [l.label, l.verdict, l.crossing?.row ?? null])).toEqual([
      ["A", "not-eligible", 3],
      ["B", "eligible", null],
      ["C", "not-eligible", null],
    ]);
    expect(cellText(lines[0], "crossing", "nl")).toBe("16 september 2025 (rij 3)");
    expect(cellText(lines[0], "countable", "en")).toBe("€21,000.00");
    expect(cellText(lines[2], "previousYear", "en")).toBe("€25,000.00 (from the data)");
  });

  it("beside a crossing that later credit notes bring back within the limit: the year total and what to check, in the pane and the overview sheet", () => {
    const u = unit("K", [r(2, "2025-02-01", 19000), r(3, "2025-05-10", 1500), r(4, "2025-05-20", -1500)]);
    const [line] = buildOverview([u], EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect(cellText(line, "crossing", "en")).toBe("10 May 2025 (row 3); credit notes bring 2025 back to €19,000.00: check whether they cancel a wrong invoice");
    expect(cellText(line, "crossing", "nl")).toBe("10 mei 2025 (rij 3); creditnota's brengen 2025 terug naar € 19.000,00: controleer of er een foute factuur mee is ingetrokken");
    const sheet = buildOverviewContent([line], "en", TODAY);
    expect(sheet.values[sheet.headerRow + 1][7]).toBe("K row 3; credit notes bring 2025 back to €19,000.00: check whether they cancel a wrong invoice");
    // A crossing that stands shows only date and row.
    const [plain] = buildOverview([unit("P", [r(2, "2025-02-01", 19000), r(3, "2025-05-10", 1500)])], EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect(cellText(plain, "crossing", "en")).toBe("10 May 2025 (row 3)");
  });

  it("says beside last year's figure, in the pane and the overview sheet, when its rows start late (an export from 1 December?)", () => {
    const late = unit("L", [r(2, "2025-12-01", 1200), r(3, "2026-02-01", 4000)]);
    const [line] = buildOverview([late], EMPTY_GROUPING, { today: TODAY });
    expect(line.verdict).toBe("eligible");
    expect(cellText(line, "previousYear", "nl")).toBe("€ 1.200,00 (uit de gegevens; onvolledig? de rijen beginnen pas op 1 december 2025)");
    expect(line.problems.map((p) => p.code)).toContain("previous-year-starts-late");
    const sheet = buildOverviewContent([line], "en", TODAY);
    expect(sheet.values[sheet.headerRow + 1][5]).toBe("Within the turnover limit (previous year incomplete? the rows only start on 1 December 2025)");
    // A sheet whose last year starts in January: the figure alone.
    expect(cellText(buildOverview([unit("F", [r(2, "2025-01-02", 1200), r(3, "2026-02-01", 4000)])], EMPTY_GROUPING, { today: TODAY })[0], "previousYear", "nl")).toBe("€ 1.200,00 (uit de gegevens)");
  });

  it("tests a group as one business at the place of its first member", () => {
    const g = setGroup(EMPTY_GROUPING, "Samen", ["B", "C"]);
    const lines = buildOverview([b, a, c], g, { today: TODAY });
    expect(lines.map((l) => l.label)).toEqual(["Samen", "A"]);
    expect(lines[0]).toMatchObject({ countableCents: 510_000, previousYearCents: 2_500_000, verdict: "not-eligible" });
  });

  it("keeps VAT-shown warnings of a group only while the group is within the KOR", () => {
    const x = unit("X", [r(2, "2025-01-10", 1000, 210)]);
    const y = unit("Y", [r(2, "2025-01-11", 25000)]);
    const within = buildOverview([x, unit("Z", [r(2, "2025-01-12", 10)])], setGroup(EMPTY_GROUPING, "G", ["X", "Z"]), { today: TODAY });
    expect(within[0].problems.map((p) => [p.sheet, p.row, p.code])).toEqual([["X", 2, "vat-shown-in-kor"]]);
    const over = buildOverview([x, y], setGroup(EMPTY_GROUPING, "G", ["X", "Y"]), { today: TODAY });
    expect(over[0].problems).toEqual([]);
  });

  it("lists a category that contradicts its country (export within the EU, icp outside it) on the sheet's line, with its sheet and row", () => {
    const rows: InvoiceRow[] = [
      { ...r(2, "2025-02-01", 1000), category: "export", country: "DE" },
      { ...r(3, "2025-02-02", 1000), category: "export", country: "US" },
      { ...r(4, "2025-02-03", 1000), category: "icp", country: "CH" },
    ];
    const [line] = buildOverview([unit("S", rows)], EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect(line.countableCents).toBe(300_000);
    expect(line.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([
      ["S", 2, "export-country-in-eu"],
      ["S", 4, "icp-country-outside-eu"],
    ]);
    const grouped = buildOverview([unit("S", rows), unit("T", [r(2, "2025-03-01", 100)])], setGroup(EMPTY_GROUPING, "G", ["T", "S"]), { today: TODAY, year: 2025 });
    expect(grouped[0].problems.map((p) => [p.sheet, p.row, p.code])).toEqual([
      ["S", 2, "export-country-in-eu"],
      ["S", 4, "icp-country-outside-eu"],
    ]);
  });

  it("names the sheet and the sheet row in every row reference of a group line, never an internal row", () => {
    // Internal rows when concatenated: A2→1, A3→2, B5→3, B6→4. The crossing is B's row 6 (internal 4).
    const ga = unit("A", [r(2, "2025-01-10", 15000), r(3, "2025-03-01", 3000)]);
    const gb: CheckedUnit = {
      ...unit("B", [r(5, "2025-02-01", 1000), r(6, "2025-04-01", 2000)]),
      problems: [
        { row: 9, severity: "error", code: "unknown-category", column: "category", value: "x", message: { nl: "Rij 9: onbekende categorie", en: "Row 9: unknown category" } },
      ],
    };
    const [line] = buildOverview([ga, gb], setGroup(EMPTY_GROUPING, "Samen", ["A", "B"]), { today: TODAY });
    expect(line.isGroup).toBe(true);
    expect(line.crossing).toMatchObject({ sheet: "B", row: 6 });
    const crossingReason = line.summary.reasons.find((x) => x.en.includes("crossed"))!;
    expect(crossingReason.nl).toContain('(blad "B", rij 6, lopend totaal');
    expect(crossingReason.en).toContain('(sheet "B", row 6, running total');
    const texts = [...line.summary.reasons, ...line.problems.map((p) => p.message)].flatMap((m) => [m.nl, m.en]);
    for (const text of texts) expect(text).not.toMatch(/\b(rij|row) 4\b/i);
    expect(line.problems.map((p) => p.message)).toEqual([{ nl: 'Blad "B": Rij 9: onbekende categorie', en: 'Sheet "B": Row 9: unknown category' }]);
    // A sheet on its own keeps the plain row name.
    const single = buildOverview([ga], EMPTY_GROUPING, { today: TODAY })[0];
    expect(single.summary.reasons.map((x) => x.nl).join(" ")).not.toContain("blad");
  });

  it("shows a reading problem only on the line of its row's year", () => {
    const bad = { row: 3, severity: "error" as const, code: "unknown-category", column: "category" as const, value: "x", message: { nl: "Rij 3: onbekend", en: "Row 3: unknown" }, day: dayFromIso("2026-02-01") };
    const u: CheckedUnit = { ...unit("U", [r(2, "2025-03-01", 1000)]), problems: [bad] };
    const [l2025] = buildOverview([u], EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect([l2025.problems, l2025.errorCount, cellText(l2025, "problems", "en")]).toEqual([[], 0, "0"]);
    const [l2026] = buildOverview([u], EMPTY_GROUPING, { today: TODAY, year: 2026 });
    expect(l2026.problems.map((p) => [p.row, p.code])).toEqual([[3, "unknown-category"]]);
    expect(l2026.errorCount).toBe(1);
    const other = unit("V", [r(2, "2025-04-01", 10)]);
    const [g2025] = buildOverview([u, other], setGroup(EMPTY_GROUPING, "G", ["U", "V"]), { today: TODAY, year: 2025 });
    expect(g2025.problems).toEqual([]);
  });

  it("sorts by any column, stably", () => {
    const lines = buildOverview([a, b, c], EMPTY_GROUPING, { today: TODAY });
    expect(sortOverview(lines, "countable", "descending").map((l) => l.label)).toEqual(["A", "B", "C"]);
    expect(sortOverview(lines, "crossing", "ascending").map((l) => l.label)).toEqual(["A", "B", "C"]);
    expect(sortOverview(lines, "verdict", "descending").map((l) => l.label)).toEqual(["B", "A", "C"]);
  });
});

describe("All sheets follows the participation setting (kor-rules.md section 5, worked example 23)", () => {
  // 2023: €25,000, crossed on 1 Oct 2023; 2024: €5,000 so far; asked on 1 June 2024.
  const we23 = unit("W", [r(2, "2023-03-01", 19000), r(3, "2023-10-01", 6000), r(4, "2024-02-01", 5000)]);
  const today = dayFromIso("2024-06-01");
  const line = (p: Participation, units: CheckedUnit[] = [we23], grouping = EMPTY_GROUPING): OverviewRow =>
    buildOverview(units, grouping, { today, participationOf: () => p })[0];

  it("unknown: the next start for a business not in the KOR, with the participant's outcome beside it (as the year report)", () => {
    const l = line({ status: "unknown" });
    expect(l).toMatchObject({ verdict: "eligible", nextStart: dayFromIso("2024-07-01"), ifInKor: { start: dayFromIso("2026-10-01"), deadline: dayFromIso("2026-09-02"), endedOn: dayFromIso("2023-10-01") } });
    expect(cellText(l, "deadline", "en")).toBe("if not in the KOR: 1 July 2024 (2 June 2024)");
    expect(cellText(l, "participation", "en")).toBe(
      "Unknown. If the business was in the KOR, participation ended on 1 October 2023, when turnover went over the turnover limit (not deregistered yet? Then deregister with that day as end date); it can then rejoin at the earliest on 1 October 2026 (register by 2 September 2026)",
    );
    // The day it ended, as the year report's action names it: which crossing, and what to deregister with.
    expect(cellText(l, "participation", "nl")).toBe(
      "Onbekend. Zat de onderneming in de KOR, dan eindigde de deelname op 1 oktober 2023, toen de omzet over de omzetgrens ging (nog niet afgemeld? Meld u dan af met die dag als beëindigingsdatum); opnieuw meedoen kan dan op zijn vroegst per 1 oktober 2026 (aanmelden uiterlijk 2 september 2026)",
    );
    expect(cellText(l, "deadline", "nl")).toBe("zo niet in de KOR: 1 juli 2024 (2 juni 2024)");
    // Without the option the line is unknown too (the default).
    expect(buildOverview([we23], EMPTY_GROUPING, { today })[0].ifInKor).toEqual(l.ifInKor);
  });

  it("not in the KOR: the crossing excludes nothing by itself; no conditional text", () => {
    const l = line({ status: "out" });
    expect(l).toMatchObject({ nextStart: dayFromIso("2024-07-01"), registrationDeadline: dayFromIso("2024-06-02"), ifInKor: null });
    expect(cellText(l, "deadline", "en")).toBe("1 July 2024 (2 June 2024)");
    expect(cellText(l, "participation", "nl")).toBe("Niet in de KOR");
  });

  it("in the KOR since 2022: the 2023 crossing ended participation; the next start is the re-entry", () => {
    const l = line({ status: "in", since: dayFromIso("2022-01-01") });
    expect(l).toMatchObject({ nextStart: dayFromIso("2026-10-01"), registrationDeadline: dayFromIso("2026-09-02"), ifInKor: null });
    expect(cellText(l, "participation", "en")).toBe("In the KOR until 1 October 2023: the turnover limit was crossed; deregister with 1 October 2023 as the end date");
  });

  it("in the KOR since 2024, crossed 16 Sep 2025 and again 20 Feb 2026: the 2026 line says 'until 16 September 2025' (the first crossing ended it)", () => {
    // Before: "In the KOR until 20 February 2026", a later end date for a business already out since 2025.
    const grows = unit("G", [r(2, "2025-01-10", 19750), r(3, "2025-09-16", 500), r(4, "2026-01-10", 19000), r(5, "2026-02-20", 2000)]);
    const l = buildOverview([grows], EMPTY_GROUPING, { today: dayFromIso("2026-03-01"), participationOf: () => ({ status: "in", since: dayFromIso("2024-01-01") }) })[0];
    expect(l.year).toBe(2026);
    expect(cellText(l, "participation", "en")).toBe(
      "In the KOR until 16 September 2025: the turnover limit was crossed; deregister with 16 September 2025 as the end date",
    );
    expect(cellText(l, "deadline", "en")).toBe("1 January 2028 (3 December 2027)");
  });

  it("unknown, a 2025 crossing looked at on 10 Dec 2026: no stale 'rejoin 1 January 2027 (register by 3 December 2026)' beside the next start", () => {
    const crossed = unit("S", [r(2, "2025-01-10", 19750), r(3, "2025-09-16", 500), r(4, "2026-03-01", 8000)]);
    const l = buildOverview([crossed], EMPTY_GROUPING, { today: dayFromIso("2026-12-10"), year: 2025 })[0];
    expect(l.ifInKor).toBeNull();
    expect(cellText(l, "participation", "en")).toBe("Unknown");
    expect(cellText(l, "deadline", "en")).toBe("1 April 2027 (3 March 2027)");
  });

  it("in the KOR since after the crossing, no crossing since: nothing to register", () => {
    const l = line({ status: "in", since: dayFromIso("2024-01-01") });
    expect(cellText(l, "deadline", "nl")).toBe("in de KOR: niets aan te melden");
    expect(cellText(l, "participation", "nl")).toBe("In de KOR sinds 1 januari 2024");
  });

  it("in the KOR 'since' a start that could not take effect (2024 crossed, since 2025): not in the KOR, the dates given; the overview sheet agrees", () => {
    const u = unit("B", [r(2, "2024-03-01", 19000), r(3, "2024-09-16", 1500), r(4, "2025-03-01", 1000), r(5, "2026-03-01", 1000)]);
    const [l] = buildOverview([u], EMPTY_GROUPING, { today: dayFromIso("2026-12-01"), participationOf: () => ({ status: "in", since: dayFromIso("2025-01-01") }) });
    expect(cellText(l, "participation", "nl")).toBe("Niet in de KOR: de deelname per 1 januari 2025 kon niet ingaan (zie de waarschuwing); is de aanmelding toch aangenomen, meld u dan af");
    expect(cellText(l, "deadline", "en")).toBe("1 January 2027 (3 December 2026)");
    expect(l.problems.map((p) => p.code)).toContain("participation-could-not-start");
    const sheet = buildOverviewContent([l], "en", dayFromIso("2026-12-01"));
    expect(typeof sheet.values[sheet.headerRow + 1][9]).toBe("number");
  });

  it("the overview sheet of a business in the KOR: 'nothing to register' where a next start would be, no registration date", () => {
    const u = unit("K", [r(2, "2025-03-01", 1000), r(3, "2026-03-01", 1000)]);
    const [l] = buildOverview([u], EMPTY_GROUPING, { today: dayFromIso("2026-12-01"), participationOf: () => ({ status: "in", since: dayFromIso("2025-01-01") }) });
    const sheet = buildOverviewContent([l], "nl", dayFromIso("2026-12-01"));
    expect(sheet.values[sheet.headerRow + 1].slice(9, 11)).toEqual(["in de KOR: niets aan te melden", ""]);
    expect(sheet.formats[sheet.headerRow + 1][9]).toBe("@");
  });

  it("a group is tested with its business's status, asked with every member's id", () => {
    const asked: string[][] = [];
    const other = unit("V", [r(5, "2024-03-01", 100)]);
    const [g] = buildOverview([we23, other], setGroup(EMPTY_GROUPING, "Samen", ["W", "V"]), {
      today,
      participationOf: (ids) => {
        asked.push([...ids]);
        return { status: "out" };
      },
    });
    expect(asked).toEqual([["W", "V"]]);
    expect(g).toMatchObject({ isGroup: true, participation: { status: "out" }, ifInKor: null, nextStart: dayFromIso("2024-07-01") });
  });

  it("the overview sheet has the participation column", () => {
    const content = buildOverviewContent([line({ status: "unknown" })], "en", today);
    expect(content.values[content.headerRow].at(-1)).toBe("KOR participation");
    expect(String(content.values[content.headerRow + 1].at(-1))).toMatch(/^Unknown\. If the business was in the KOR/);
  });
});

describe("YearWindow", () => {
  it("keeps only the latest year and the one before, in row order", () => {
    const w = new YearWindow(null);
    w.addRows([r(2, "2021-01-01", 1), r(3, "2024-05-01", 2), r(4, "2023-01-01", 3), r(5, "2025-01-01", 4), r(6, "2022-01-01", 5), r(7, "2024-01-01", 6)]);
    expect(w.rows().map((x) => x.row)).toEqual([3, 5, 7]);
    expect(w.rowCount).toBe(6);
  });

  it("caps problems and counts the rest", () => {
    const w = new YearWindow(2025, 2);
    const p = { row: 1, severity: "error" as const, code: "x", column: null, value: null, message: { nl: "x", en: "x" } };
    w.addProblems([p, p, p, p]);
    expect(w.errorCount).toBe(4);
    const list = w.problems();
    expect(list).toHaveLength(3);
    expect(list[2].message.en).toMatch(/^2 more problems are not shown here/);
  });
});

describe("a sheet name with a direction override or an escape sequence", () => {
  const name = "Omzet\u202E5202\u001B[2J";
  const shown = "Omzet\\u202E5202\\u001B[2J";
  const hostile: CheckedUnit = {
    id: "H", sheet: name, table: null,
    rows: [r(2, "2025-01-10", 15000), r(3, "2025-09-16", 6000)],
    problems: [{ row: 4, severity: "error", code: "bad-amount", column: "amount", value: "x", message: { nl: "Rij 4: kapot", en: "Row 4: broken" } }],
  };

  it("is shown as \\u202E, \\u001B in the pane's label cell, and in a group line's crossing and problems that name it", () => {
    const [line] = buildOverview([hostile], EMPTY_GROUPING, { today: TODAY, year: 2025 });
    expect(line.label).toBe(name); // the name itself stays exact (groups and navigation use it)
    expect(cellText(line, "label", "en")).toBe(shown);
    const [group] = buildOverview([hostile, unit("B", [r(2, "2025-02-01", 100)])], setGroup(EMPTY_GROUPING, "Klant", ["H", "B"]), { today: TODAY, year: 2025 });
    expect(cellText(group, "crossing", "en")).toBe(`16 September 2025 (${shown} row 3)`);
    const messages = group.problems.map((p) => p.message.en).join("\n");
    expect(messages).toContain(`Sheet "${shown}": Row 4: broken`);
    expect(messages + cellText(group, "crossing", "en")).not.toMatch(/[\u001B\u202E]/);
  });
});

describe("buildOverview: a previous year typed for a 2024 sheet", () => {
  it("shows it as given and that it does not decide 2024 (was 'niet nodig (vóór 2025)')", () => {
    const u: CheckedUnit = { ...unit("Omzet 2024", [r(2, "2024-03-01", 5000)]), settingsKey: "k" };
    const lines = buildOverview([u], EMPTY_GROUPING, { today: TODAY, previousYearOf: (key, year) => (key === "k" && year === 2024 ? 2_500_000 : null) });
    expect(lines[0].verdict).toBe("eligible");
    expect(cellText(lines[0], "previousYear", "nl")).toBe("€ 25.000,00 (opgegeven; beslist 2024 niet)");
    expect(cellText(lines[0], "previousYear", "en")).toBe("€25,000.00 (as given; it does not decide 2024)");
  });
});
