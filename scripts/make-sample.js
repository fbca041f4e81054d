/* Writes assets/sample-invoices.xlsx from the rows in src/taskpane/browser/sample.ts (the same rows the
   pane shows in browser mode), so the sample is generated from code, never edited by hand.
   Run: node scripts/make-sample.js   (test/taskpane/sample-file.test.ts checks the file is up to date) */
const path = require("path");
require("ts-node").register({ transpileOnly: true, project: path.resolve(__dirname, "..", "tsconfig.json") });
const ExcelJS = require("exceljs");
const { sampleInvoices, SAMPLE_HEADER, SAMPLE_SHEET_NAME, SAMPLE_FILE_NAME } = require("../src/taskpane/browser/sample.ts");

async function main() {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so the file only changes when the rows do.
  wb.creator = "KOR for Excel";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet(SAMPLE_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...SAMPLE_HEADER]).font = { bold: true };
  for (const inv of sampleInvoices()) {
    ws.addRow([
      inv.number,
      new Date(Date.UTC(inv.date[0], inv.date[1] - 1, inv.date[2])),
      inv.customer,
      inv.description,
      inv.amount,
      inv.vat === 0 ? null : inv.vat,
      inv.category === "" ? null : inv.category,
      inv.country,
    ]);
  }
  const widths = [14, 13, 22, 38, 16, 10, 20, 7];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(2).numFmt = "d-m-yyyy";
  ws.getColumn(5).numFmt = "#,##0.00";
  ws.getColumn(6).numFmt = "#,##0.00";
  const file = path.resolve(__dirname, "..", "assets", SAMPLE_FILE_NAME);
  await wb.xlsx.writeFile(file);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${sampleInvoices().length} invoices)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
