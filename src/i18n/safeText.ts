/**
 * Text from client files (cell values, sheet and file names, group names) on its way out: into a CSV that
 * Excel opens, into a sheet the add-in writes, onto a terminal or into the pane. Two rules, one place:
 *
 * - `formulaSafe`: a text that starts with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a line break gets a leading `'`
 *   (the OWASP CSV-injection rule), so a spreadsheet shows it as text and never runs it as a formula.
 *   Quoting a CSV field does not help: Excel strips the quotes and then reads the formula.
 * - `visibleControls`: control characters (an ESC that clears the terminal) and the invisible direction
 *   marks and overrides (U+202E reverses the rest of a line) are shown as `\u001B`, `\u202E`, … so they can
 *   neither act nor hide what follows.
 *
 * Pure string functions: no Office, DOM or Node global.
 */

/**
 * First characters that make a spreadsheet read a cell as a formula (or, for tab/CR/LF, shift it into one),
 * and their full-width forms `＝`, `＋`, `－`, `＠`, which OWASP's testing guide lists as formula starts in some
 * locales (a leading `'` costs nothing where they are not). A space before them stays text in Excel.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** `text` as a spreadsheet shows it as text: a leading `'` when it could start a formula. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * C0 and C1 controls (tab and line breaks included: inside one message or name they only break the layout),
 * DEL, the bidirectional embeddings, overrides, isolates and marks, the line/paragraph separators, and
 * invisible characters that can hide text: the soft hyphen (U+00AD), the combining grapheme joiner (U+034F),
 * the Mongolian vowel separator (U+180E), zero-width characters, the invisible maths operators (U+2061–U+2064),
 * the deprecated shaping controls (U+206A–U+206F), the interlinear annotation marks (U+FFF9–U+FFFB) and the
 * tag characters (U+E0001–U+E007F, invisible letters). The zero-width joiner (U+200D) stays: emoji need it.
 * And a lone surrogate (half of a UTF-16 pair, which a workbook can hold): no character at all, shown as the
 * replacement sign or not at all, and written as U+FFFD into a UTF-8 output (the regular expressions use the
 * `u` flag, so a surrogate pair is one character and never matches).
 */
const BEYOND_C0 = "\\uD800-\\uDFFF\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u180E\\u200B\\u200C\\u200E\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\u{E0001}-\\u{E007F}";
const INVISIBLE = new RegExp(`[\\u0000-\\u001F${BEYOND_C0}]`, "gu");
/** The same characters but the C0 controls, which JSON.stringify escapes in strings and uses (line breaks) between them. */
const INVISIBLE_IN_JSON = new RegExp(`[${BEYOND_C0}]`, "gu");

/**
 * `text` with every control, direction or invisible character written as a visible escape: `\uXXXX`, and
 * `\u{E0041}` for a character beyond U+FFFF (a tag character), as JavaScript writes it.
 */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.codePointAt(0) as number;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
  });
}

/**
 * JSON text (from JSON.stringify) with every character visibleControls shows as an escape written as a JSON
 * `\uXXXX` escape (a character beyond U+FFFF as its two surrogates, `\uDB40\uDC68`). JSON.stringify escapes
 * the C0 controls in strings but leaves DEL, the C1 controls, U+2028, U+202E and the other direction and
 * invisible characters raw; those only occur inside strings, so the text parses to exactly the same values,
 * but holds none of them raw: a terminal, an editor or a log viewer that shows it cannot be made to reverse or
 * hide a line.
 */
export function jsonEscapedControls(json: string): string {
  return json.replace(INVISIBLE_IN_JSON, (ch) => {
    let out = "";
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
    return out;
  });
}

/** Both rules: for a text field written into a CSV or sheet that a person reads in a spreadsheet. */
export function safeCellText(text: string): string {
  return formulaSafe(visibleControls(text));
}
