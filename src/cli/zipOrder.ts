/**
 * An .xlsx (a zip archive) as a byte stream that exceljs' streaming reader can read in one pass, without
 * temporary files and without guessing where a part ends:
 *  - the parts it needs before the sheets (relationships, workbook, shared strings, styles) come first, so a
 *    sheet stored before the shared strings (exceljs' own writer, many other tools) is not written to a
 *    temporary file and read back (exceljs' fallback, which once in a few thousand files read a sheet as
 *    empty: a spurious "no header row");
 *  - every part's local header carries the sizes from the zip's central directory, so the unzipper does not
 *    look for the end of a streamed part by scanning its compressed bytes for the data-descriptor signature
 *    (bytes that may occur inside the compressed data by chance).
 * The parts are copied byte for byte (nothing is inflated here). A zip this does not understand (zip64, a
 * damaged central directory) is streamed as it is, as before.
 */
import { promises as fs } from "fs";
import { Readable } from "stream";

/** Parts exceljs must have seen before a sheet, in this order. */
const FIRST = ["_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const READ_CHUNK = 64 * 1024;

interface Part {
  readonly name: string;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

interface Layout {
  readonly parts: Part[];
  /** Central directory and end record: copied after the parts, so the unzipper ends as on the original. */
  readonly tailStart: number;
  readonly fileSize: number;
}

type Handle = Awaited<ReturnType<typeof fs.open>>;

async function readAt(handle: Handle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** The parts from the central directory, or null for a zip this does not handle (then: as it is). */
async function layout(handle: Handle): Promise<Layout | null> {
  const fileSize = (await handle.stat()).size;
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null; // zip64
  if (cdOffset + cdSize > fileSize) return null;
  const cd = await readAt(handle, cdOffset, cdSize);
  const parts: Part[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = cd.readUInt16LE(at + 28);
    const part: Part = {
      flags: cd.readUInt16LE(at + 8),
      crc: cd.readUInt32LE(at + 16),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      name: cd.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if (part.compressedSize === 0xffffffff || part.size === 0xffffffff || part.localOffset === 0xffffffff) return null;
    if (part.localOffset + 30 > cdOffset) return null;
    parts.push(part);
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return { parts, tailStart: cdOffset, fileSize };
}

function ordered(parts: readonly Part[]): Part[] {
  const rank = (p: Part): number => {
    const i = FIRST.indexOf(p.name);
    return i < 0 ? FIRST.length : i;
  };
  // Stable: the other parts keep the archive's order.
  return parts.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
}

async function* reordered(handle: Handle, plan: Layout): AsyncGenerator<Buffer> {
  for (const part of ordered(plan.parts)) {
    const header = await readAt(handle, part.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw Object.assign(new Error("zip: bad local header"), { code: "KOR_NOT_XLSX" });
    const nameAndExtra = header.readUInt16LE(26) + header.readUInt16LE(28);
    // The sizes are known: no data descriptor after the data (bit 3 off), sizes and checksum in the header.
    const patched = Buffer.from(header);
    patched.writeUInt16LE(part.flags & ~0x0008 & 0xffff, 6);
    patched.writeUInt32LE(part.crc, 14);
    patched.writeUInt32LE(part.compressedSize, 18);
    patched.writeUInt32LE(part.size, 22);
    yield patched;
    yield await readAt(handle, part.localOffset + 30, nameAndExtra);
    yield* range(handle, part.localOffset + 30 + nameAndExtra, part.compressedSize);
  }
  yield* range(handle, plan.tailStart, plan.fileSize - plan.tailStart);
}

async function* range(handle: Handle, start: number, length: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const chunk = await readAt(handle, start + done, Math.min(READ_CHUNK, length - done));
    if (chunk.length === 0) throw Object.assign(new Error("zip: part cut short"), { code: "KOR_NOT_XLSX" });
    done += chunk.length;
    yield chunk;
  }
}

export interface XlsxInput {
  readonly stream: Readable;
  /** An error met while reading the file (the stream then ends early, so the unzipper fails too). */
  readonly error: () => unknown;
}

/**
 * The .xlsx at `file` as a stream for exceljs' WorkbookReader: reordered and with known sizes when its
 * central directory can be read, else the file as it is. Nothing is opened until the stream is read.
 */
export function xlsxInput(file: string): XlsxInput {
  let failure: unknown = null;
  async function* bytes(): AsyncGenerator<Buffer> {
    const handle = await fs.open(file, "r");
    try {
      const plan = await layout(handle);
      if (plan === null) yield* range(handle, 0, (await handle.stat()).size);
      else yield* reordered(handle, plan);
    } catch (e) {
      // Ending the stream makes the unzipper stop; readXlsx reports this error rather than the unzipper's.
      failure = e;
    } finally {
      await handle.close();
    }
  }
  return { stream: Readable.from(bytes(), { objectMode: false }), error: () => failure };
}
