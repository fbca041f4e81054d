import { detectSeparator, parseCsv } from "../../src/taskpane/browser/csv";

describe("parseCsv", () => {
  it("reads a Dutch export with ; and decimal commas", () => {
    expect(parseCsv("Datum;Bedrag excl. btw\r\n1-9-2026;1.234,56\r\n")).toEqual([
      ["Datum", "Bedrag excl. btw"],
      ["1-9-2026", "1.234,56"],
    ]);
  });
  it("reads , separated files with quoted fields holding separators, quotes and line breaks", () => {
    expect(parseCsv('date,amount,note\n2026-09-01,"1,234.56","He said ""hi""\nbye"\n')).toEqual([
      ["date", "amount", "note"],
      ["2026-09-01", "1,234.56", 'He said "hi"\nbye'],
    ]);
  });
  it("strips a byte order mark and keeps a last line without newline", () => {
    expect(parseCsv("\uFEFFa;b\n1;2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("keeps empty fields", () => {
    expect(parseCsv("a;;c\n;;\n")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });
  it("detects the separator from the header line, ignoring quoted ones", () => {
    expect(detectSeparator('"a;b",c,d\n')).toBe(",");
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator("a\tb\n")).toBe("\t");
  });
});
