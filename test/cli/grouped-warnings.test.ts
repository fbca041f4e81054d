/**
 * kor-check gives a problem that repeats per row once per sheet, with its count and first rows: in the table,
 * the CSV (one problem counted) and the JSON (with code, rows and count), also when the file is read in blocks.
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import { runCli, tempDir, writeText } from "./fixtures";

const TODAY = dayFromIso("2026-01-15");
jest.setTimeout(60_000);

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("kor-grouped-");
});
afterEach(() => tmp.cleanup());

/** 40 invoices of 2025 with two-digit years, 12 of them with #N/A as the amount, 3 'vrijgesteld'. */
function exportCsv(): string {
  const lines = ["Factuurdatum;Omschrijving;Bedrag excl. btw;Btw-tarief"];
  for (let i = 0; i < 40; i++) {
    const date = `${(i % 28) + 1}-${(i % 12) + 1}-25`;
    if (i % 3 === 1 && i < 36) lines.push(`${date};Levering ${i};#N/A;21%`);
    else if (i >= 37) lines.push(`${date};Zorg ${i};100,00;vrijgesteld`);
    else lines.push(`${date};Levering ${i};100,00;21%`);
  }
  return writeText(path.join(tmp.dir, "verkoop.csv"), `${lines.join("\r\n")}\r\n`);
}

describe("kor-check: repeated warnings once per sheet", () => {
  it("JSON: one problem per kind with code, rows and count", async () => {
    const file = exportCsv();
    const r = await runCli([file, "--format", "json", "--lang", "nl"], TODAY);
    expect(r.code).toBe(1); // rows in error: no verdict
    const [item] = JSON.parse(r.stdout) as { problems: { row: number; code: string; message: string; rows?: number[]; count?: number }[] }[];
    const byCode = (c: string) => item.problems.filter((p) => p.code === c);
    expect(byCode("excel-error")).toHaveLength(1);
    expect(byCode("excel-error")[0]).toMatchObject({ row: 3, count: 12, rows: [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36] });
    expect(byCode("excel-error")[0].message).toMatch(/^12 rijen \(eerste: rij 3, 6, 9, 12, 15\): de bedragcel toont de Excel-fout #N\/A/);
    expect(byCode("ambiguous-category")).toHaveLength(1);
    expect(byCode("ambiguous-category")[0]).toMatchObject({ row: 39, rows: [39, 40, 41], count: 3 });
    expect(byCode("date-two-digit-year")).toHaveLength(1);
    expect(byCode("date-two-digit-year")[0].count).toBe(40 - 12 - 3);
    expect(byCode("date-two-digit-year")[0].message).toContain("een jaar van twee cijfers");
  });

  it("the same file read in blocks of 7 rows gives the same problems", async () => {
    const file = exportCsv();
    const whole = JSON.parse((await runCli([file, "--format", "json"], TODAY)).stdout) as { problems: unknown[] }[];
    const { readCsv } = await import("../../src/cli/read");
    const blocks = await readCsv(file, { year: null, blockRows: 7 });
    expect(blocks.sheets[0].problems.map((p) => p.code)).toEqual(["date-two-digit-year", "excel-error", "ambiguous-category"]);
    expect(blocks.sheets[0].errorCount).toBe(15); // 12 + 3 rows, not 2 problems
    expect(whole[0].problems).toHaveLength(3);
  });

  it("table and CSV: one line per kind naming the count", async () => {
    const file = exportCsv();
    const table = await runCli([file, "--lang", "nl"], TODAY, { env: { COLUMNS: "200" } });
    const lines = table.stdout.split("\n").filter((l) => l.includes("#N/A"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("12 rijen (eerste: rij 3, 6, 9, 12, 15)");
    expect(table.stdout).toContain("Voorlopig: eerst 15 fouten oplossen");
    const csv = await runCli([file, "--format", "csv", "--lang", "nl"], TODAY);
    const [header, row] = csv.stdout.trim().split(/\r?\n/);
    const cells = row.split(";");
    expect(cells[header.split(";").indexOf("problemen")]).toBe("3");
  });
});
