import { CsvParser, detectSeparator, splitRecord } from "../../src/cli/csv";

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
