import fc from "fast-check";
import { MAX_COLUMNS, MAX_CSV_LINES, READ_LIMITS, TooLargeError, tooLargeMessage } from "../../src/reading/limits";
import { constants as bufferConstants } from "buffer";
import { decodeBytes, detectSeparator, lineEndCount, NotTextError, notTextMessage, parseCsv, readCsvText } from "../../src/reading/csv";

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
  it("keeps empty fields and gives a blank line as an empty record", () => {
    expect(parseCsv("a;;c\n;;\n\nx;y;z\n")).toEqual([["a", "", "c"], ["", "", ""], [], ["x", "y", "z"]]);
  });
  it("reads CRLF, LF and CR line ends alike", () => {
    const want = [["Datum", "Bedrag"], ["1-1-2025", "10"], ["2-1-2025", "20"]];
    for (const nl of ["\r\n", "\n", "\r"]) expect(parseCsv(`Datum;Bedrag${nl}1-1-2025;10${nl}2-1-2025;20${nl}`)).toEqual(want);
  });
  it("ends a record at every line end outside quotes, in a file that mixes CRLF, LF and CR", () => {
    // One line saved with LF in a CRLF file (a hand edit in another editor) must not swallow the next invoice.
    const want = [["Datum", "Bedrag", "Omschrijving"], ["1-9-2025", "100,00", "a"], ["2-9-2025", "200,00", "b"], ["3-9-2025", "400,00", "c"], ["4-9-2025", "800,00", "d"]];
    expect(parseCsv("Datum;Bedrag;Omschrijving\r\n1-9-2025;100,00;a\r\n2-9-2025;200,00;b\n3-9-2025;400,00;c\r\n4-9-2025;800,00;d\r\n")).toEqual(want);
    expect(parseCsv("Datum;Bedrag;Omschrijving\n1-9-2025;100,00;a\n2-9-2025;200,00;b\r\n3-9-2025;400,00;c\n4-9-2025;800,00;d\n")).toEqual(want);
    expect(parseCsv("Datum;Bedrag;Omschrijving\r1-9-2025;100,00;a\r\n2-9-2025;200,00;b\n3-9-2025;400,00;c\r4-9-2025;800,00;d")).toEqual(want);
    // Line breaks inside a quoted field stay in the field, as written.
    expect(parseCsv('Datum;Omschrijving;Bedrag\r\n1-9-2025;"x\r\ny\nz\rw";1\n2-9-2025;b;2\r\n')).toEqual([
      ["Datum", "Omschrijving", "Bedrag"],
      ["1-9-2025", "x\r\ny\nz\rw", "1"],
      ["2-9-2025", "b", "2"],
    ]);
  });
  it("reads CRLF records whose cells hold more LF line breaks than there are records (Excel's Alt+Enter)", () => {
    const text = 'Datum;Omschrijving;Bedrag\r\n1-2-2025;"regel 1\nregel 2\nregel 3";5,00\r\n2-2-2025;"a\nb\nc";6,00\r\n';
    expect(parseCsv(text)).toEqual([
      ["Datum", "Omschrijving", "Bedrag"],
      ["1-2-2025", "regel 1\nregel 2\nregel 3", "5,00"],
      ["2-2-2025", "a\nb\nc", "6,00"],
    ]);
  });
  it('keeps a " inside an unquoted field as an ordinary character, and the rows after it', () => {
    const text = 'Datum;Omschrijving;Bedrag\n1-2-2025;Monitor 24" scherm;250,00\n2-2-2025;Kabel;10,00\n3-2-2025;Stand 27";30,00\n';
    expect(parseCsv(text)).toEqual([
      ["Datum", "Omschrijving", "Bedrag"],
      ["1-2-2025", 'Monitor 24" scherm', "250,00"],
      ["2-2-2025", "Kabel", "10,00"],
      ["3-2-2025", 'Stand 27"', "30,00"],
    ]);
  });
  it("reports the record of a quote that never closes, in linear time", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `1-1-2025;r${i};10,00`).join("\n");
    const r = readCsvText(`Datum;Omschrijving;Bedrag\n1-1-2025;"open;5\n${rows}\n`);
    expect(r.unclosedQuoteRecord).toBe(2);
    expect(r.records.length).toBe(2);
  });
});

describe("readCsvText: a quoted field that is not closed properly", () => {
  it("refuses the row it merged, names the row and the file's lines it took, and reads the rows after it", () => {
    // `""` is a quote inside the field, so the field runs on to the next quote that ends a field: lines 2–4.
    const r = readCsvText('Datum;Omschrijving;Bedrag\r\n1-9-2025;"Monitor 24"" scherm;100,00\r\n2-9-2025;b;200,00\r\n3-9-2025;"c";400,00\r\n4-9-2025;d;800,00\r\n');
    expect(r.records).toEqual([["Datum", "Omschrijving", "Bedrag"], [], ["4-9-2025", "d", "800,00"]]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, severity: "error", code: "csv-malformed-quote" })]);
    expect(r.problems[0].message.en).toBe(
      'Row 2: a field starts with a quotation mark (") that is not closed properly, so lines 2 to 4 of the file were read as this one row. It was not counted. ' +
        'In a field between quotation marks, write a quotation mark inside it twice ("") and put the separator or the end of the line right after the closing one, or remove the quotation marks; then read the file again.',
    );
    expect(r.problems[0].message.nl).toBe(
      'Rij 2: een veld begint met een aanhalingsteken (") dat niet goed wordt gesloten, daardoor zijn de regels 2 tot en met 4 van het bestand als deze ene rij gelezen. Die rij is niet meegeteld. ' +
        'Schrijf in een veld tussen aanhalingstekens een aanhalingsteken binnen het veld twee keer ("") en zet direct na het sluitende aanhalingsteken het scheidingsteken of het einde van de regel, of haal de aanhalingstekens weg; lees het bestand daarna opnieuw.',
    );
  });
  it("names the file's line when it differs from the row (a cell with a line break above it)", () => {
    const r = readCsvText('Datum;Omschrijving;Bedrag\n1-9-2025;"twee\nregels";1\n2-9-2025;"Monitor 24" scherm";2\n3-9-2025;c;3\n');
    expect(r.records).toEqual([["Datum", "Omschrijving", "Bedrag"], ["1-9-2025", "twee\nregels", "1"], [], ["3-9-2025", "c", "3"]]);
    expect(r.problems.map((p) => [p.row, p.message.en.split(":")[0]])).toEqual([[3, "Row 3 (line 4 of the file)"]]);
    expect(r.problems[0].message.en).toContain("that is not closed properly. It was not counted.");
  });
  it("names the first 20 such rows one by one and the others in one problem", () => {
    const lines = Array.from({ length: 25 }, (_, i) => `1-9-2025;"a"b";${i + 1}`);
    const r = readCsvText(`Datum;Omschrijving;Bedrag\n${lines.join("\n")}\n3-9-2025;c;3\n`);
    expect(r.records.slice(1, 26).every((rec) => rec.length === 0)).toBe(true);
    expect(r.records[26]).toEqual(["3-9-2025", "c", "3"]);
    expect(r.problems.map((p) => p.row)).toEqual([...Array.from({ length: 20 }, (_, i) => i + 2), 22]);
    expect(r.problems[20]).toMatchObject({ rows: [22, 23, 24, 25, 26], count: 5 });
    expect(r.problems[20].message.en).toMatch(/^Rows 22, 23, 24, 25 and 26: a field starts with a quotation mark \("\) that is not closed properly\. They were not counted\./);
  });
  it("gives a quote that never closes as a problem too", () => {
    const r = readCsvText('Datum;Omschrijving;Bedrag\n1-1-2025;"open;5\n2-1-2025;x;1\n');
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[2, "csv-unclosed-quote"]]);
  });
});

describe('readCsvText: a line of 4 MB of `";";";…`', () => {
  // papaparse 5.5.3 looked for the line end again at every quote of such a line: 2 MB took 5 s, 4 MB 46 s and 20 MB
  // more than 5 minutes (a hang in kor-check and in the pane). 5.7.1 reads it in a fraction of a second.
  it("reads it as one bad row and the invoice after it, without searching the rest of the text at every quote", () => {
    const r = readCsvText(`Datum;Bedrag\n${'";'.repeat(2_000_000)}\n01-03-2026;100,00\n`);
    expect(r.records).toHaveLength(3);
    expect(r.records[2]).toEqual(["01-03-2026", "100,00"]);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([["csv-extra-fields", 2]]);
  });
});

describe("readCsvText: a row with more fields than the header row", () => {
  it("refuses a comma file's row whose unquoted decimal-comma amount was split, naming the row and saying why", () => {
    const r = readCsvText("Datum,Bedrag\n1-9-2025,1234,56\n2-9-2025,100\n3-9-2025,200\n");
    expect(r.records).toEqual([["Datum", "Bedrag"], [], ["2-9-2025", "100"], ["3-9-2025", "200"]]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, severity: "error", code: "csv-extra-fields", value: "1-9-2025,1234,56" })]);
    expect(r.problems[0].message.en).toBe(
      'Row 2: this row has 3 fields where the header row has 2 ("1-9-2025,1234,56"): a value holds a comma without quotation marks, most likely an amount with a decimal comma or a thousands separator (1234,56 or 1,234.56). ' +
        'It was not counted. Put quotation marks around such values ("1234,56") or save the file with ; as the separator, and read it again.',
    );
    expect(r.problems[0].message.nl).toBe(
      'Rij 2: deze rij heeft 3 velden en de kopregel 2 ("1-9-2025,1234,56"): een waarde bevat een komma zonder aanhalingstekens, waarschijnlijk een bedrag met een decimale komma of een scheidingsteken voor duizendtallen (1234,56 of 1,234.56). ' +
        'Die rij is niet meegeteld. Zet zulke waarden tussen aanhalingstekens ("1234,56") of sla het bestand op met ; als scheidingsteken, en lees het opnieuw.',
    );
  });
  it("refuses an English thousands amount split the same way, and names several rows in one problem", () => {
    const r = readCsvText("Date,Amount,Description\n2025-09-01,1,234.56,Invoice 1\n2025-09-02,100.00,Invoice 2\n2025-09-03,2,000.00,Invoice 3\n");
    expect(r.records.map((x) => x.length)).toEqual([3, 0, 3, 0]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, code: "csv-extra-fields", rows: [2, 4], count: 2 })]);
    expect(r.problems[0].message.en).toMatch(/^Rows 2 and 4: these rows have more fields than the header row's 3 \(the first: "2025-09-01,1,234\.56,Invoice 1"\): a value holds a comma without quotation marks.* They were not counted\./);
  });
  it("says which separator a ; or tab file's value holds", () => {
    const semi = readCsvText("Datum;Omschrijving;Bedrag\n1-9-2025;a;b;100,00\n2-9-2025;c;50,00\n");
    expect(semi.problems.map((p) => [p.row, p.message.en])).toEqual([
      [2, 'Row 2: this row has 4 fields where the header row has 3 ("1-9-2025;a;b;100,00"): a value holds a semicolon without quotation marks. It was not counted. Put quotation marks around that value and read the file again.'],
    ]);
    const tab = readCsvText("Datum\tOmschrijving\tBedrag\n1-9-2025\ta\tb\t100,00\n");
    expect(tab.problems[0].message.nl).toContain("een waarde bevat een tab zonder aanhalingstekens.");
  });
  it("leaves rows alone whose extra fields are empty (a line ending in an extra separator), and everything above the header", () => {
    const text = "Verkoopboek 2025, Bakkerij Jansen, Utrecht, NL\nDatum,Bedrag,Omschrijving\n1-9-2025,100.00,a,\n2-9-2025,200.00,b,, ,\n3-9-2025,300.00\n";
    const r = readCsvText(text);
    expect(r.problems).toEqual([]);
    expect(r.records[2]).toEqual(["1-9-2025", "100.00", "a", ""]);
  });
  it("leaves a totals line alone (it is skipped as a total, not counted)", () => {
    const r = readCsvText("Date,Description,Amount\n2025-09-01,a,100.00\n2025-09-02,b,900.00\n,Total,1,000.00\n");
    expect(r.problems).toEqual([]);
  });
  it("checks nothing without a header row (a code list, columns chosen by letter)", () => {
    expect(readCsvText("VV;21\nA1;vrij;x\n").problems).toEqual([]);
  });
});

describe("readCsvText: an unquoted amount split into the next field of the header's width", () => {
  it("refuses a row whose amount 1,234.56 / 19,500.00 ran into an optional column after it, naming the row", () => {
    const r = readCsvText("Datum,Bedrag,Omschrijving,Notitie\n15-03-2026,1,234.56,Factuur 1\n16-03-2026,19,500.00,Factuur 2\n17-03-2026,300.00,Factuur 3,\n");
    expect(r.records.map((x) => x.length)).toEqual([4, 0, 0, 4]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, severity: "error", code: "csv-split-amount", rows: [2, 3], count: 2 })]);
    expect(r.problems[0].message.en).toBe(
      'Rows 2 and 3: the amount in "Bedrag" (B) is followed by a field of digits only (the first: "15-03-2026,1,234.56,Factuur 1": "1" and then "234.56"): most likely an amount with a decimal comma or a thousands separator (1234,56 or 1,234.56) written without quotation marks, split in two by the comma. They were not counted. Put quotation marks around such amounts ("1,234.56") or save the file with ; as the separator, and read it again.',
    );
    expect(r.problems[0].message.nl).toContain("Die rijen zijn niet meegeteld.");
  });
  it("refuses a decimal comma split the same way (18000,00 and 2000,50), not €20,000.00", () => {
    const r = readCsvText("Factuurdatum,Bedrag,Omschrijving,Referentie\n15-03-2026,18000,00,Factuur 1\n16-03-2026,2000,50,Factuur 2\n");
    expect(r.problems).toEqual([expect.objectContaining({ code: "csv-split-amount", rows: [2, 3] })]);
  });
  it("leaves an amount alone whose next column is a rate, a code, a number or a quantity, and a ; file", () => {
    expect(readCsvText("Datum,Bedrag,Btw %,Omschrijving\n1-3-2026,500,21,a\n").problems).toEqual([]);
    expect(readCsvText("Datum,Bedrag,Factuurnummer,Omschrijving\n1-3-2026,500,123,a\n").problems).toEqual([]);
    expect(readCsvText("Datum,Bedrag,Aantal,Omschrijving\n1-3-2026,500,100,a\n").problems).toEqual([]);
    expect(readCsvText("Datum,Bedrag,Omschrijving\n1-3-2026,500.00,12\n").problems).toEqual([]);
    expect(readCsvText("Datum;Bedrag;Omschrijving;Notitie\n1-3-2026;1;00;x\n").problems).toEqual([]);
  });
});

describe("detectSeparator", () => {
  it("chooses from the header row, not from a title line above it", () => {
    const text = "Verkoopboek 2025, Bakkerij Jansen, Utrecht\nPeriode: januari, februari, maart\n\nDatum;Factuur;Bedrag excl. btw;Btw\n1-1-2025;F1;100,00;21,00\n";
    expect(detectSeparator(text)).toBe(";");
    expect(detectSeparator("Export;Moneybird\nDate,Amount,Description\n2025-01-01,100.00,a;b\n")).toBe(",");
  });
  it("finds a tab in a .csv that is really tab-separated, and ignores quoted separators", () => {
    expect(detectSeparator("Datum\tBedrag\tOmschrijving\n1-1-2025\t1,50\ta;b\n")).toBe("\t");
    expect(detectSeparator('"Datum;x",Bedrag,Omschrijving\n2025-01-01,1,"a;b"\n')).toBe(",");
  });
  it("without a recognisable header: the separator giving the most rows of one width", () => {
    expect(detectSeparator("a;b;c\n1,5;2;3\n4;5;6")).toBe(";");
    // One field per row under the other separators is no evidence for them.
    expect(detectSeparator("code;categorie\nVV;21\nA1;vrij\n")).toBe(";");
  });
});

describe("decodeBytes", () => {
  const text = "Datum;Omschrijving;Bedrag\n1-1-2025;Café Noël € 5;5,00\n";
  it("reads UTF-8 with and without a byte order mark", () => {
    const utf8 = Buffer.from(text, "utf8");
    expect(decodeBytes(utf8)).toEqual({ text, encoding: "utf-8" });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text, encoding: "utf-8" });
  });
  it("reads UTF-16 LE and BE with a byte order mark", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeBytes(le)).toEqual({ text, encoding: "utf-16le" });
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeBytes(be)).toEqual({ text, encoding: "utf-16be" });
  });
  it("reads UTF-16 LE and BE without a byte order mark, told by the NUL bytes (Exact Online's tab text)", () => {
    const tab = "Factuurdatum\tOmschrijving\tBedrag excl. btw\n06-01-2025\tCafé Noël € 5\t5,00\n";
    const le = Buffer.from(tab, "utf16le");
    expect(decodeBytes(le)).toEqual({ text: tab, encoding: "utf-16le" });
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeBytes(be)).toEqual({ text: tab, encoding: "utf-16be" });
    // Then read as any other file: tab-separated from the header row.
    expect(readCsvText(decodeBytes(le).text).records).toEqual([
      ["Factuurdatum", "Omschrijving", "Bedrag excl. btw"],
      ["06-01-2025", "Café Noël € 5", "5,00"],
    ]);
    // A short one (two characters) is still UTF-16.
    expect(decodeBytes(Buffer.from("a;", "utf16le"))).toEqual({ text: "a;", encoding: "utf-16le" });
  });
  it("does not take UTF-8 or Windows-1252 text for UTF-16, even with a stray NUL byte", () => {
    const withNul = Buffer.from(`${text}\u0000${text}`, "utf8");
    expect(decodeBytes(withNul).encoding).toBe("utf-8");
    expect(decodeBytes(Buffer.from("ab", "utf8")).encoding).toBe("utf-8");
  });
  it("reads a UTF-8 file with a few Windows-1252 bytes (a line pasted in) as UTF-8, those bytes as Windows-1252, and says so", () => {
    // "René" with é as the single byte E9; every € stays UTF-8's three bytes.
    const bytes = Buffer.concat([
      Buffer.from("Datum;Omschrijving;Bedrag\n15-03-2026;Café Zoë;€ 1.234,56\n16-03-2026;Ren", "utf8"),
      Buffer.from([0xe9]),
      Buffer.from(";€ 10,00\n17-03-2026;Crème;€ 100,00\n", "utf8"),
    ]);
    expect(decodeBytes(bytes)).toEqual({
      text: "Datum;Omschrijving;Bedrag\n15-03-2026;Café Zoë;€ 1.234,56\n16-03-2026;René;€ 10,00\n17-03-2026;Crème;€ 100,00\n",
      encoding: "utf-8",
      mixed: { bytes: 1, line: 3 },
    });
  });
  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Café Noël € 5" in Windows-1252: é = E9, ë = EB, € = 80.
    // latin1 writes é and ë as Windows-1252 does but cannot write €: "¬" holds its place, then becomes 0x80.
    const cp = Buffer.from(text.replace("€", "\u00ac"), "latin1");
    cp[cp.indexOf(0xac)] = 0x80;
    expect(decodeBytes(cp)).toEqual({ text, encoding: "windows-1252" });
  });
});

describe("decodeBytes: files that are not text", () => {
  /** Bytes from a fixed generator (the same every run). */
  const noise = (n: number, seed: number): Uint8Array => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  };
  it("refuses random bytes, a program and a zip (an .xlsx named .csv) as not a text (CSV) file", () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), noise(4000, 7)]);
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000", "latin1"), Buffer.from("[Content_Types].xml"), noise(8000, 3)]);
    for (const bytes of [noise(200_000, 1), noise(300, 2), elf, zip]) {
      expect(() => decodeBytes(bytes)).toThrow(NotTextError);
    }
    // Also behind a byte order mark.
    expect(() => decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), noise(5000, 4)]))).toThrow(NotTextError);
    expect(notTextMessage.nl).toBe("dit is geen tekstbestand (CSV): het bevat binaire gegevens, zoals een programma, pdf of Excel-werkmap. Sla de facturenlijst op als CSV of als Excel-werkmap (.xlsx).");
    expect(notTextMessage.en).toBe("this is not a text (CSV) file: it holds binary data, as a program, a PDF or an Excel workbook does. Save the invoice list as CSV or as an Excel workbook (.xlsx).");
  });
  it("reads text with a few control characters: a stray NUL, a form feed, DOS's end-of-file mark", () => {
    const text = "Datum;Bedrag\n1-1-2025;5,00\n".repeat(20);
    for (const t of [`${text}\u0000`, `${text}\f`, `${text}\u001a`, `\u0000${text}`]) expect(decodeBytes(Buffer.from(t, "utf8")).text).toBe(t);
    // Valid UTF-8 is text, however many control characters a hostile client put in its names.
    const hostile = "Datum;Bedrag;Klant\n1-1-2025;5,00;\u001b[2J\u0000\u0007\u0008\u007f\u001b[31m\n";
    expect(decodeBytes(Buffer.from(hostile, "utf8")).text).toBe(hostile);
  });
});

/** What `f` throws, or null. */
function thrownBy(f: () => unknown): unknown {
  try {
    f();
    return null;
  } catch (e) {
    return e;
  }
}

// Each line becomes a record in one array, and an array past V8's largest is a fatal error for the whole process:
// before 2 Dec 2026, 140 MB of empty lines ended a kor-check run (its other files' workers included).
describe("readCsvText: more lines than any invoice list", () => {
  it("refuses a text with more than 20 million line ends as too large to check, before parsing it", () => {
    const tooMany = `Datum;Bedrag\n1-3-2026;5\n${"\n".repeat(MAX_CSV_LINES - 1)}`;
    const error = thrownBy(() => readCsvText(tooMany));
    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as TooLargeError).what).toBe("csv-lines");
    expect(tooLargeMessage(error as TooLargeError)).toEqual({
      nl: "te groot om te controleren: het bestand heeft meer dan 20.000.000 regels, terwijl een Excel-blad hoogstens 1.048.576 rijen heeft. Is het wel een facturenlijst? Splits het bestand of sla alleen de facturen op.",
      en: "too large to check: the file has more than 20,000,000 lines, while an Excel sheet has at most 1,048,576 rows. Is it an invoice list? Split the file or save only the invoices.",
    });
  });
  it("counts CRLF, LF and CR each as one line end, so a Windows file is not refused at half the limit", () => {
    expect(lineEndCount("Datum;Bedrag\r\n1-3-2026;5\n2-3-2026;6\r3-3-2026;7")).toBe(3);
    expect(lineEndCount(`${"x\r\n".repeat(1000)}\r`)).toBe(1001);
    expect(lineEndCount("Datum;Bedrag")).toBe(0);
  });
  it("keeps the byte limit of a CSV within the longest string the engine can decode it into", () => {
    // A longer file was decoded into one string all the same, and that was a fatal error (kor-check's pool included).
    expect(READ_LIMITS.csvBytes).toBeLessThanOrEqual(bufferConstants.MAX_STRING_LENGTH);
  });
});

describe("readCsvText: a header row wider than an Excel sheet", () => {
  const HEADER = "Factuurdatum;Bedrag excl. btw;BTW %";
  it("refuses a header row (or a row above it) with more than 16,384 columns as too large to check, quickly", () => {
    for (const text of [`${HEADER}${";".repeat(1_000_000)}\n1-3-2026;100;21\n`, `Titel${";".repeat(20_000)}\n${HEADER}\n1-3-2026;100;21\n`, `x${";x".repeat(20_000)}\n`]) {
      const started = Date.now();
      const error = thrownBy(() => readCsvText(text));
      expect(error).toBeInstanceOf(TooLargeError);
      expect((error as TooLargeError).what).toBe("columns");
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    expect(tooLargeMessage(new TooLargeError("columns", MAX_COLUMNS))).toEqual({
      nl: "te groot om te controleren: de kopregel of een rij erboven heeft meer dan 16.384 kolommen, het maximum van een Excel-blad. Is het wel een facturenlijst? Sla alleen de kolommen van de facturen op.",
      en: "too large to check: the header row or a row above it has more than 16,384 columns, the most an Excel sheet has. Is it an invoice list? Save only the invoice columns.",
    });
  });
  it("reads a header of exactly 16,384 columns, and a wide data row under a normal header (that row is refused)", () => {
    const full = readCsvText(`${HEADER}${";".repeat(MAX_COLUMNS - 3)}\n1-3-2026;100;21\n`);
    expect(full.records[0]).toHaveLength(MAX_COLUMNS);
    const wideRow = readCsvText(`${HEADER}\n1-3-2026;100;21${";x".repeat(50_000)}\n2-3-2026;50;21\n`);
    expect(wideRow.records[1]).toEqual([]);
    expect(wideRow.problems.map((p) => p.code)).toEqual(["csv-extra-fields"]);
  });
});

describe('property: a " anywhere in a field never changes the number of records', () => {
  const plain = fc.stringMatching(/^[A-Za-z0-9 .,€-]{1,12}$/);
  // A field of a well-formed file: written plainly, or quoted (with its quotes doubled) when it holds a separator.
  const record = fc.array(plain, { minLength: 2, maxLength: 6 });
  it('holds for a " inside unquoted fields and inside quoted ones', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 10 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        (records, inserts, nl) => {
          const rows = records.map((r) => r.map((f) => ({ text: f, quoted: false })));
          for (const [ri, fi, pos, quoteIt] of inserts) {
            const row = rows[ri % rows.length];
            const field = row[fi % row.length];
            // Unquoted: a " after the first character (a leading one opens a quoted field, in Excel too).
            const at = 1 + (pos % field.text.length);
            field.text = field.text.slice(0, at) + '"' + field.text.slice(at);
            if (quoteIt) field.quoted = true;
          }
          const text = rows
            .map((r) => r.map((f) => (f.quoted ? `"${f.text.replace(/"/g, '""')};"` : f.text)).join(";"))
            .join(nl);
          const parsed = readCsvText(text, ";");
          expect(parsed.unclosedQuoteRecord).toBeNull();
          expect(parsed.records.length).toBe(records.length);
          parsed.records.forEach((r, i) => expect(r.length).toBe(records[i].length));
        },
      ),
    );
  });
});

describe('property: a " anywhere in a field of a well-formed file never changes its records', () => {
  // Fields of any text: separators, line breaks, quotes, spaces, accents. The writer quotes a field as Excel
  // does (when it holds the separator or a line break, or starts with a quote) and otherwise writes it as it
  // is, a " inside included.
  const alphabet = ["a", "B", "7", " ", ".", ",", ";", "\t", "€", "é", "-", '"', "\n", "\r\n", '""'];
  const fieldText = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((parts) => parts.join(""));
  const write = (f: string, sep: string, quoteAnyway: boolean): string =>
    quoteAnyway || f.includes(sep) || f.includes("\n") || f.includes("\r") || f.startsWith('"') ? `"${f.replace(/"/g, '""')}"` : f;

  it("every record and every field reads back as written, whatever the separator and line end", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(fc.tuple(fieldText, fc.boolean()), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 15 })),
        fc.boolean(),
        (sep, nl, records, finalBreak) => {
          // A lone \r inside a field would be a line end of its own in a CR file: fields keep \r only in \r\n.
          const fields = records.map((r) => r.map(([t, q]) => ({ text: nl === "\r" ? t.replace(/\r\n/g, "\n") : t, quoted: q })));
          const text = fields.map((r) => r.map((f) => write(f.text, sep, f.quoted)).join(sep)).join(nl) + (finalBreak ? nl : "");
          const parsed = readCsvText(text, sep as ";" | "," | "\t");
          expect(parsed.unclosedQuoteRecord).toBeNull();
          expect(parsed.records).toEqual(fields.map((r) => (r.length === 1 && r[0].text.trim() === "" ? [] : r.map((f) => f.text))));
        },
      ),
      { numRuns: 500, seed: 20251130 },
    );
  });

  it("every record reads back as written when each line ends differently (CRLF, LF, CR mixed in one file)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(";", ",", "\t"),
        fc.integer({ min: 2, max: 6 }).chain((width) =>
          fc.array(fc.tuple(fc.array(fc.tuple(fieldText, fc.boolean()), { minLength: width, maxLength: width }), fc.constantFrom("\n", "\r\n", "\r")), { minLength: 1, maxLength: 15 }),
        ),
        fc.boolean(),
        (sep, records, finalBreak) => {
          const fields = records.map(([r]) => r.map(([t, q]) => ({ text: t, quoted: q })));
          const text = records.map(([, nl], i) => fields[i].map((f) => write(f.text, sep, f.quoted)).join(sep) + (i < records.length - 1 || finalBreak ? nl : "")).join("");
          const parsed = readCsvText(text, sep as ";" | "," | "\t");
          expect(parsed.unclosedQuoteRecord).toBeNull();
          expect(parsed.records).toEqual(fields.map((r) => (r.length === 1 && r[0].text.trim() === "" ? [] : r.map((f) => f.text))));
        },
      ),
      { numRuns: 500, seed: 20260301 },
    );
  });

  it("the separator is still chosen from the header row when quotes appear in the fields beneath it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(";", ",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.tuple(fieldText, fc.boolean()), { minLength: 1, maxLength: 20 }),
        (sep, nl, notes) => {
          const lines = [["Datum", "Omschrijving", "Bedrag"].join(sep)];
          notes.forEach(([t, q], i) => lines.push(["1-2-2025", write(t, sep, q), write(`${i},50`, sep, false)].join(sep)));
          const parsed = readCsvText(lines.join(nl) + nl);
          expect(parsed.separator).toBe(sep);
          expect(parsed.records.length).toBe(notes.length + 1);
          parsed.records.slice(1).forEach((r, i) => expect(r).toEqual(["1-2-2025", notes[i][0], `${i},50`]));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
