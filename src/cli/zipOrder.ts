/**
 * An .xlsx (a zip archive) read part by part by kor-check itself, from its central directory: each part's
 * bytes found by its local header and inflated with Node's zlib, one part at a time, in the order the
 * workbook reader needs them (relationships, workbook, shared strings, then the sheets in archive order).
 *
 * kor-check used to hand the whole file to exceljs' streaming reader, which unzips with unzipper's Parse and
 * iterates its entries with exceljs' iterate-stream. That loop ends on the unzipper's `end`, which the
 * unzipper emits as soon as it has read the last byte of the file, while entries it had already parsed could
 * still wait, unread, in the paused stream: small parts after the one being read were lost. A workbook
 * without shared strings (text as inline strings) made exceljs write its sheets to temporary files, so the
 * unzipper ran ahead to the end of the file and sheets after the first few were dropped at random, without a
 * word (1 to 4 of 12 one-invoice sheets). Reading the parts here leaves no such race: every part the central
 * directory lists is read, or the file fails.
 *
 * A part is damaged (the file refused, as Excel refuses it) when its name occurs twice, when its local header
 * is missing, when its data does not inflate, or when it inflates to another size than the directory says.
 * A part inflating to more than READ_LIMITS.compressionRatio times its compressed size is refused as too
 * large to check (a zip bomb), while it inflates.
 */
import { promises as fs } from "fs";
import { Readable, Transform, pipeline, type TransformCallback } from "stream";
import { createInflateRaw } from "zlib";
import type { Localized } from "../i18n/types";
import { TooLargeError } from "../reading/limits";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export interface Part {
  readonly name: string;
  readonly flags: number;
  /** 0 stored, 8 deflated: all an .xlsx uses. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

interface Layout {
  readonly parts: Part[];
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

/** The parts from the central directory, or null when there is none to read (not a zip, or zip64: far too large). */
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
      method: cd.readUInt16LE(at + 10),
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
  return { parts };
}


/** The .xlsx is damaged: `reason` says how (failureFromError gives it as the file's reason). */
export class DamagedXlsxError extends Error {
  readonly code = "KOR_DAMAGED";
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

const damagedFile = (nl: string, en: string): DamagedXlsxError =>
  new DamagedXlsxError({
    nl: `beschadigd .xlsx-bestand: ${nl}; Excel opent het zo niet. Open het bestand in het programma dat het maakte en sla het opnieuw op als .xlsx`,
    en: `damaged .xlsx file: ${en}; Excel does not open it like this. Open it in the program that made it and save it again as .xlsx`,
  });

/** The parts of an .xlsx, read from its central directory; `open` inflates one, `close` closes the file. */
export interface XlsxParts {
  readonly parts: readonly Part[];
  open(part: Part): Readable;
  close(): Promise<void>;
}

/**
 * Opens the .xlsx at `file`: its parts from the central directory, a name that occurs twice refused as damage.
 * Throws KOR_NOT_XLSX (code) when there is no central directory to read, a DamagedXlsxError for a duplicate name.
 */
export async function openXlsxParts(file: string, compressionRatio: number): Promise<XlsxParts> {
  const handle = await fs.open(file, "r");
  try {
    const plan = await layout(handle);
    if (plan === null) throw Object.assign(new Error("zip: no central directory"), { code: "KOR_NOT_XLSX" });
    const names = new Set<string>();
    for (const part of plan.parts) {
      // Names compare as Excel compares them: a part name is case-insensitive (OPC, ECMA-376 part 2, 9.1.1.4).
      const key = part.name.toLowerCase();
      if (names.has(key)) throw damagedFile(`het onderdeel ${part.name} staat er twee keer in`, `the part ${part.name} is in it twice`);
      names.add(key);
    }
    return { parts: plan.parts, open: (part) => openPart(handle, part, compressionRatio), close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** A part's inflated bytes as a stream; fails (an `error` event) on damage or past the compression ratio. */
function openPart(handle: Handle, part: Part, compressionRatio: number): Readable {
  const check = new PartCheck(part, compressionRatio);
  void (async (): Promise<void> => {
    try {
      if (part.method !== 0 && part.method !== 8) throw damagedFile(`het onderdeel ${part.name} is op een onbekende manier ingepakt`, `the part ${part.name} is packed in an unknown way`);
      if ((part.flags & 1) !== 0) throw Object.assign(new Error("zip: encrypted part"), { code: "KOR_NOT_XLSX" });
      const header = await readAt(handle, part.localOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damagedFile(`het onderdeel ${part.name} ontbreekt`, `the part ${part.name} is missing`);
      const start = part.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const raw = Readable.from(range(handle, start, part.compressedSize, (n) => check.packed(n)));
      const done = (e: NodeJS.ErrnoException | null): void => {
        if (e !== null && !check.destroyed) check.destroy(e);
      };
      if (part.method === 0) pipeline(raw, check, done);
      else pipeline(raw, createInflateRaw(), check, done);
    } catch (e) {
      check.destroy(e as Error);
    }
  })();
  return check;
}

/**
 * Counts a part's inflated bytes: its declared size exactly (else damage), and at every moment within the
 * compression ratio of the compressed bytes read so far (plus 1 MiB, as tiny parts compress little), so a bomb
 * is refused after its first few MB, not after the whole limit's worth of rows has been parsed.
 */
class PartCheck extends Transform {
  private seen = 0;
  private compressed = 0;
  constructor(
    private readonly part: Part,
    private readonly compressionRatio: number,
  ) {
    super();
  }
  /** Compressed bytes read from the file (ahead of the inflater by at most a chunk or two). */
  packed(bytes: number): void {
    this.compressed += bytes;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.part.size) return callback(this.sizeDiffers());
    if (this.part.method !== 0 && this.seen > RATIO_FREE_BYTES + this.compressed * this.compressionRatio) return callback(new TooLargeError("compression-ratio", this.compressionRatio));
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    callback(this.seen === this.part.size ? null : this.sizeDiffers());
  }
  private sizeDiffers(): Error {
    return damagedFile(`het onderdeel ${this.part.name} heeft een andere grootte dan de inhoudsopgave van het bestand zegt`, `the part ${this.part.name} has another size than the file's table of contents says`);
  }
}

const RATIO_FREE_BYTES = 1024 * 1024;

const READ_CHUNK = 64 * 1024;

/** `length` bytes of the file from `start`, in chunks; a file cut short is damaged. */
async function* range(handle: Handle, start: number, length: number, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const chunk = await readAt(handle, start + done, Math.min(READ_CHUNK, length - done));
    if (chunk.length === 0) throw Object.assign(new Error("zip: part cut short"), { code: "KOR_NOT_XLSX" });
    done += chunk.length;
    onRead(chunk.length);
    yield chunk;
  }
}
