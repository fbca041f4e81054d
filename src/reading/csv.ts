/**
 * A streaming CSV parser: text in chunks, records out, with RFC 4180 quoting ("a ""quoted"" field", line
 * breaks inside quotes). The separator is detected from the first record: a semicolon (what Dutch Excel
 * writes), a comma or a tab, whichever occurs most outside quotes.
 */
export type CsvRecordHandler = (fields: string[], recordNumber: number) => void;

export class CsvParser {
  private buffer = "";
  private separator: string | null;
  private record = 0;
  private first = true;

  constructor(
    private readonly onRecord: CsvRecordHandler,
    separator: string | null = null,
  ) {
    this.separator = separator;
  }

  feed(text: string): void {
    if (text.length === 0) return;
    this.buffer += text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    let pos = 0;
    const buf = this.buffer;
    // Next positions of LF, CR and a quote at or after `pos`; searched again only when passed, so a chunk
    // of thousands of lines is scanned once, not once per line.
    let lf = -2;
    let cr = -2;
    let quote = -2;
    for (;;) {
      if (lf !== -1 && lf < pos) lf = buf.indexOf("\n", pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf("\r", pos);
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      const nl = cr === -1 ? lf : lf === -1 ? cr : Math.min(lf, cr);
      const end = quote === -1 || (nl !== -1 && quote > nl) ? nl : quotedRecordEnd(buf, pos);
      if (end === -1) {
        if (final && pos < buf.length) {
          this.emit(buf.slice(pos));
          pos = buf.length;
        }
        break;
      }
      // A CR at the very end of a chunk may be followed by LF in the next chunk: wait for it.
      if (!final && buf.charCodeAt(end) === 13 && end + 1 >= buf.length) break;
      this.emit(buf.slice(pos, end));
      pos = buf.charCodeAt(end) === 13 && buf.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    this.buffer = buf.slice(pos);
  }

  private emit(line: string): void {
    let text = line;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (this.separator === null) this.separator = detectSeparator(text);
    }
    this.record++;
    if (text.trim() === "") {
      this.onRecord([], this.record);
      return;
    }
    this.onRecord(splitRecord(text, this.separator ?? ";"), this.record);
  }
}

/** Index of the line break ending the record at `pos` when it has quotes, or -1 when it is not complete yet. */
function quotedRecordEnd(buf: string, pos: number): number {
  let inQuotes = false;
  for (let i = pos; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) return i;
  }
  return -1;
}

export function detectSeparator(line: string): string {
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ";";
  let bestCount = 0;
  for (const [sep, n] of counts) {
    if (n > bestCount) {
      best = sep;
      bestCount = n;
    }
  }
  return best;
}

/** Splits one record (without its line break) into fields, unquoting quoted fields. */
export function splitRecord(line: string, separator: string): string[] {
  if (line.indexOf('"') === -1) return line.split(separator);
  const fields: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
      i++;
      continue;
    }
    if (ch === separator) {
      fields.push(field);
      field = "";
      i++;
      continue;
    }
    field += ch;
    i++;
  }
  fields.push(field);
  return fields;
}

/**
 * A whole CSV text (a file opened in the browser) to records of text cells, with the same quoting and
 * separator detection as the streaming parser. Blank lines become empty records.
 */
export function parseCsv(text: string, separator: string | null = null): string[][] {
  const records: string[][] = [];
  const parser = new CsvParser((fields) => records.push(fields), separator);
  parser.feed(text);
  parser.end();
  return records;
}
