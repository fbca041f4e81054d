/**
 * What a zip (an .xlsx) really inflates to, counted while inflating, before a reader unpacks it whole.
 *
 * A zip's headers declare each entry's inflated size, but nothing makes them true: a crafted file can declare
 * 1 KB and inflate to gigabytes. The browser's exceljs (JSZip inside) inflates every entry whole into memory
 * and compares with the declared size only at the end, after the memory is spent. So the browser first
 * streams every entry through the same inflater (JSZip, which locates the entries exactly as exceljs' copy
 * does), keeps nothing, and stops as soon as the running count passes the limit. It also watches the shared
 * strings and sheets for one text larger than any cell can hold (XmlTextScan), which a reader would otherwise join
 * into one string before counting anything.
 *
 * Pure: no DOM or Office global; works in the page and in a Web Worker alike.
 */
import { TooLargeError, type ReadLimits } from "./limits";

/** The entries holding a workbook's shared strings and its sheets (where a cell's text is). */
const SHARED_STRINGS = /(^|\/)sharedstrings\.xml$/i;
const WORKSHEET = /(^|\/)worksheets\/[^/]*\.xml$/i;

/**
 * JSZip's documented `internalStream` (a StreamHelper: chunks as they inflate, pausable), which its typings
 * leave out. An adapter boundary: jszip is pinned, and test/taskpane/hostile-file.test.ts fails if it changes.
 */
interface StreamHelper {
  on(event: "data", listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", listener: (e: Error) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}
interface StreamingEntry {
  internalStream(type: "uint8array"): StreamHelper;
}

/**
 * Streams every entry of `bytes` through the inflater with a running count of the real inflated bytes, and
 * the shared strings and sheets through XmlTextScan. Rejects with a TooLargeError ("inflated-bytes" or
 * "one-text-bytes") past a limit, having kept at most one inflated chunk; rejects with the inflater's own
 * error for a damaged zip (an entry whose real size differs from its header is damaged, too). Resolves when
 * the whole zip inflates within the limits.
 */
export async function checkRealInflation(bytes: Uint8Array, limits: Pick<ReadLimits, "browserInflatedBytes" | "sharedStringBytes">): Promise<void> {
  const jszip = await import(/* webpackChunkName: "exceljs" */ "jszip");
  const JSZip = (jszip.default ?? jszip) as typeof jszip.default;
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const scan = SHARED_STRINGS.test(entry.name)
      ? new XmlTextScan(limits.sharedStringBytes, "si")
      : WORKSHEET.test(entry.name)
        ? new XmlTextScan(limits.sharedStringBytes, null)
        : null;
    await new Promise<void>((resolve, reject) => {
      const stream = (entry as unknown as StreamingEntry).internalStream("uint8array");
      let stopped = false;
      const stop = (e: unknown): void => {
        if (stopped) return;
        stopped = true;
        stream.pause(); // the inflater stops after the chunk in hand: nothing more is inflated
        reject(e);
      };
      stream
        .on("data", (chunk: Uint8Array) => {
          if (stopped) return;
          total += chunk.length;
          if (total > limits.browserInflatedBytes) return stop(new TooLargeError("inflated-bytes", limits.browserInflatedBytes));
          try {
            scan?.feed(chunk);
          } catch (e) {
            stop(e);
          }
        })
        .on("error", (e: Error) => stop(e))
        .on("end", () => {
          if (!stopped) resolve();
        })
        .resume();
    });
  }
}

/**
 * Watches inflated XML for one text larger than `limit` bytes and throws a TooLargeError("one-text-bytes")
 * as soon as one passes it: before any XML parser has joined it into a string. With `element` "si" (the
 * shared strings) a text is everything from one `<si>` or `</si>` to the next, so a shared string made of many
 * formatted runs counts whole; with null (a sheet) a text is what lies between two tags. An Excel cell holds
 * at most 32,767 characters, so a real one is at most a few MB even with formatting on every character.
 * Namespace prefixes (`</x:si>`) are allowed. Works on chunks split anywhere, even inside a tag.
 */
export class XmlTextScan {
  /** Bytes of the current text so far. */
  private run = 0;
  /** Where the scanner is: in text (or a tag's attributes), just after '<', or in a tag's name. */
  private state: "text" | "open" | "name" = "text";
  /** How much of the tag name matches "si": 0 nothing yet, 1 "s", 2 "si", 3 something else. */
  private match = 0;

  constructor(
    private readonly limit: number,
    private readonly element: "si" | null,
  ) {}

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === "text") {
        // Text between tags: jump to the next '<' (a native search, not a byte loop).
        const lt = chunk.indexOf(0x3c /* < */, i);
        this.run += (lt < 0 ? chunk.length : lt) - i;
        if (this.run > this.limit) throw new TooLargeError("one-text-bytes", this.limit);
        if (lt < 0) return;
        i = lt + 1;
        if (this.element === null) {
          this.run = 0; // a sheet: a text ends at any tag
        } else {
          this.run++;
          this.state = "open";
          this.match = 0;
        }
        continue;
      }
      const b = chunk[i++];
      this.run++;
      if (b === 0x3c /* < */) {
        this.state = "open";
        this.match = 0;
      } else if (this.state === "open" && b === 0x2f /* / */) {
        this.state = "name";
      } else if (b === 0x3e /* > */ || b === 0x2f /* / */ || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) {
        if (this.match === 2) this.run = 0; // <si>, </si> or <si/>: a shared string begins or ends
        this.state = "text";
      } else {
        this.state = "name";
        // A namespace prefix (x:si) starts the match again.
        this.match = b === 0x3a /* : */ ? 0 : this.match === 0 && b === 0x73 /* s */ ? 1 : this.match === 1 && b === 0x69 /* i */ ? 2 : 3;
      }
      if (this.run > this.limit) throw new TooLargeError("one-text-bytes", this.limit);
    }
  }
}
