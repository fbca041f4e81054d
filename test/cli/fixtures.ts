/** Invoice files for the kor-check tests, generated with exceljs into a temp dir (never committed). */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import type { Day } from "../../src/rules/dates";

export type Cell = string | number | Date | null | { formula: string; result: number };

export function tempDir(prefix = "kor-check-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A date as exceljs writes it: a UTC midnight Date. */
export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function writeXlsx(file: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export function writeText(file: string, text: string | Buffer): string {
  writeFileSync(file, text);
  return file;
}

export const HEADER: Cell[] = ["Factuurdatum", "Klant", "Bedrag excl. btw", "BTW %"];

/** Worked example 8 of kor-rules.md: €19,750 by 15 Sep 2025, €500 on 16 Sep 2025 → crossing on row 4. */
export const CROSSING_2025: Cell[][] = [
  HEADER,
  [d("2025-03-01"), "Jansen", 10000, "21"],
  [d("2025-09-15"), "De Vries", 9750, "21"],
  [d("2025-09-16"), "Bakker", 500, "21"],
];

/** Within the limit: 2024 €15,000, 2025 €19,500 (worked example 1). */
export const WITHIN_2025: Cell[][] = [
  HEADER,
  [d("2024-06-01"), "A", 15000, "21"],
  [d("2025-02-01"), "B", 12000, "21"],
  [d("2025-03-01"), "C", 3000, "9"],
  [d("2025-04-01"), "D", 2000, "export"],
  [d("2025-05-01"), "E", 2500, "verlegd"],
];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kor-check in-process with its output captured: no terminal, no environment, a fixed today. */
export async function runCli(args: string[], today: Day, extra: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: {},
    today,
    ...extra,
  });
  return { code, stdout, stderr };
}
