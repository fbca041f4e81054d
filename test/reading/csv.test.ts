import { CsvParser, detectSeparator, parseCsv, splitRecord } from "../../src/reading/csv";

function parse(chunks: string[]): [string[], number][] {
  const out: [string[], number][] = [];
  const p = new CsvParser((fields, n) => out.push([fields, n]));
  for (const c of chunks) p.feed(c);
  p.end();
  return out;
}

describe("CsvParser", () => {
  it("detects the separator from the first record", () => {
    expect(detectSeparator("Datum;Bedrag;Omschrijving, met komma")).toBe(";");
    expect(detectSeparator('Date,Amount,"a;b"')).toBe(",");
    expect(detectSeparator("Datum\tBedrag")).toBe("\t");
  });

  it("unquotes fields with separators, doubled quotes and line breaks", () => {
    expect(splitRecord('a;"b;c";"say ""hi""";', ";")).toEqual(["a", "b;c", 'say "hi"', ""]);
    expect(parse(['x;y\n1;"two\r\nlines"\n3;4'])).toEqual([[["x", "y"], 1], [["1", "two\r\nlines"], 2], [["3", "4"], 3]]);
  });

  it("gives the same records whatever the chunk borders (CRLF split, quotes split)", () => {
    const text = '\ufeffDatum;Bedrag\r\n1-1-2025;"1.000,00"\r\n\r\n2-1-2025;"a ""b"" c"\r\n';
    const whole = parse([text]);
    expect(whole).toEqual([[["Datum", "Bedrag"], 1], [["1-1-2025", "1.000,00"], 2], [[], 3], [["2-1-2025", 'a "b" c'], 4]]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });
});

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
