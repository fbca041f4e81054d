/**
 * The export fixtures pasted into a workbook (their text cells, as a paste of the CSV keeps them) and checked
 * with All sheets over the fake Excel: the same hand-worked answers as kor-check and Open file.
 */
import { readAllSheets } from "../../src/excel/allSheets";
import { buildOverview } from "../../src/bulk/overview";
import { EMPTY_GROUPING } from "../../src/bulk/groups";
import { dayFromIso, isoFromDay } from "../../src/rules/dates";
import { centsFromEuros } from "../../src/rules/money";
import { decodeBytes, readCsvText } from "../../src/reading/csv";
import { EXPORT_FIXTURES } from "../fixtures/exports/fixtures";
import { fakeContext } from "./allSheets-fake";

const TODAY = dayFromIso("2026-01-15");
const single = EXPORT_FIXTURES.filter((f) => f.bytes !== undefined && f.args === undefined && f.expected.length === 1);

describe.each(single.map((f) => [f.name, f] as const))("All sheets over %s", (_name, f) => {
  it("gives the hand-worked answer", async () => {
    const cells = readCsvText(decodeBytes(f.bytes?.() ?? Buffer.alloc(0)).text).records;
    const result = await readAllSheets(fakeContext([{ name: "Export", cells }]).context, { keepFrom: 2023 });
    const [line] = buildOverview(result.units, EMPTY_GROUPING, { today: TODAY });
    const e = f.expected[0];
    expect(line.year).toBe(e.year);
    expect(line.countableCents).toBe(centsFromEuros(e.countable));
    expect(line.verdict).toBe(e.verdict);
    expect(line.crossing === null ? null : { date: isoFromDay(line.crossing.day), row: line.crossing.row }).toEqual(e.crossing);
    expect(line.previousYearBasis).toBe(e.previousYearBasis);
  });
});
