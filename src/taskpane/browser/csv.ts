/**
 * A small CSV reader for invoice exports: separator `;` (Dutch Excel), `,` or tab, detected from the first
 * line outside quotes; fields in double quotes may hold separators, line breaks and "" for a quote.
 * Every cell is returned as text: the reading layer parses dates and amounts ("1.234,56") itself.
 */
export type CsvSeparator = ";" | "," | "\t";

export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch]++;
  }
  // Semicolon first: in a Dutch export "1.234,56" amounts make commas common inside unquoted fields.
  if (counts[";"] > 0 && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > 0 && counts["\t"] >= counts[","]) return "\t";
  return counts[","] > 0 ? "," : ";";
}

export function parseCsv(input: string, separator?: CsvSeparator): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
