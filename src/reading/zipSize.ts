/**
 * The inflated size a zip (an .xlsx) declares, read from its central directory without inflating anything,
 * so a browser can refuse a zip bomb before exceljs unpacks it whole into memory. Only the sizes are read
 * (no library reads just these without inflating; the format is fixed: PKWARE APPNOTE 4.3.12 and 4.3.16).
 * A crafted zip can declare less than it holds; docs/security.md says what guards that case.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Sum of the declared uncompressed sizes of all entries; Infinity for a ZIP64 archive (sizes past 4 GB or
 * more than 65,535 entries: never a workbook a browser should open); null when the bytes are not a zip.
 */
/**
 * The central directory of a zip: its entry count and offset, from the end-of-central-directory record (22 bytes
 * plus a comment of at most 65,535 bytes, at the very end); null when the bytes are not a zip, "zip64" when the
 * record points past 4 GB or to more than 65,535 entries.
 */
function centralDirectory(bytes: Uint8Array, view: DataView): { entries: number; offset: number } | "zip64" | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  return entries === 0xffff || offset === 0xffffffff ? "zip64" : { entries, offset };
}

export function declaredInflatedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = centralDirectory(bytes, view);
  if (dir === null) return null;
  if (dir === "zip64") return Infinity;
  const { entries, offset } = dir;
  let pos = offset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== CENTRAL) return null;
    const size = view.getUint32(pos + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    pos += 46 + view.getUint16(pos + 28, true) + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return total;
}

/**
 * The first entry name the zip's central directory lists twice (compared as OPC compares part names: without
 * regard to case), or null. Such a file is damaged: Excel refuses it, and readers disagree on which copy to
 * read (JSZip, in the browser, kept the last; kor-check read both as two sheets of the same name). null too
 * when the bytes are no zip or a ZIP64 one (declaredInflatedSize refuses those).
 */
export function duplicateEntryName(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = centralDirectory(bytes, view);
  if (dir === null || dir === "zip64") return null;
  const { entries, offset } = dir;
  const decoder = new TextDecoder("utf-8");
  const seen = new Set<string>();
  let pos = offset;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(pos + 28, true);
    const name = decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength));
    if (seen.has(name.toLowerCase())) return name;
    seen.add(name.toLowerCase());
    pos += 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return null;
}
