/**
 * Recognises files kor-check wrote itself (its CSV, JSON or table output), so that an overview saved into a
 * scanned folder is not read back as a client's invoice list on the next run, and so that `--out` only ever
 * replaces a file that kor-check wrote before.
 */
import { promises as fs } from "fs";
import { csvColumnsBeforeEu, csvColumnsBeforeEuCrossing, csvColumnsBeforeIfInKor, csvColumnsBeforePartial, csvHeader, legacyCsvHeader } from "./output";
import { out } from "./strings";

/** Bytes read from the start of a file to recognise it. */
const HEAD_BYTES = 4096;

export async function readHead(file: string): Promise<string> {
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** True when `head` (the start of a file) is kor-check output in either language. */
export function isOwnOutput(head: string): boolean {
  const text = head.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0];
  for (const lang of ["nl", "en"] as const) {
    if (firstLine === csvHeader(lang)) return true;
    // A CSV of an earlier kor-check, before the action and note columns were added.
    if (firstLine === legacyCsvHeader(lang)) return true;
    // …and before the EU-KOR columns were added.
    if (firstLine === csvColumnsBeforeEu(lang).join(lang === "nl" ? ";" : ",")) return true;
    // …and before the participant's next start (the "als in KOR" columns) was added.
    if (firstLine === csvColumnsBeforeIfInKor(lang).join(lang === "nl" ? ";" : ",")) return true;
    // …and before the Union crossing (its day, row and the day to notify by) was added.
    if (firstLine === csvColumnsBeforeEuCrossing(lang).join(lang === "nl" ? ";" : ",")) return true;
    // …and before the previous year's incompleteness (an auditfile covering it in part) was added.
    if (firstLine === csvColumnsBeforePartial(lang).join(lang === "nl" ? ";" : ",")) return true;
    // The table starts with its column titles ("File  Sheet … Verdict …"), or, for one sheet, is a block of labelled
    // lines, "File  …" first and "Verdict  …" a few lines on (before 2 Dec 2026 not recognised, so the same check run
    // again refused to replace its own report); or it says that nothing was checked.
    if (firstLine.startsWith(`${out.file[lang]}  `) && (firstLine.includes(out.verdict[lang]) || text.split(/\r?\n/).some((line) => line.startsWith(`${out.verdict[lang]}  `)))) return true;
    if (firstLine === out.nothingChecked[lang]) return true;
  }
  // JSON lines (--format jsonl): one sheet object per line.
  if (/^\{"file":/.test(text) && firstLine.includes('"verdict":')) return true;
  // JSON: an array of the sheet objects of docs/cli.md (or an empty array).
  if (/^\[\s*\]\s*$/.test(text)) return true;
  return /^\[\s*\{\s*"file":/.test(text) && text.includes('"verdict":');
}

export async function isOwnOutputFile(file: string): Promise<boolean> {
  return isOwnOutput(await readHead(file));
}
