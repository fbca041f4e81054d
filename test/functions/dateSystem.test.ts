/**
 * The KOR.* functions in a workbook of the 1904 date system (Mac Excel's old default): Excel passes a day's
 * serial 1,462 lower than in the 1900 system and shows a returned serial in the workbook's system. The
 * functions ask the workbook once (src/functions/dateSystem.ts); here an Excel stand-in answers the probe
 * DATE(2000, 1, 1) as Excel would: 35064 in a 1904 workbook, 36526 in a 1900 one.
 */
import { DATE_1904_OFFSET } from "../../src/rules/dates";
import { KorFunctionError } from "../../src/functions/errors";
import { col, serial } from "./helpers";

type Functions = typeof import("../../src/functions/functions");

/** An Excel global whose RequestContext answers the date probe with `probe` (or fails its sync). */
function excelStub(probe: number | "sync-fails"): { syncs: () => number } {
  let syncs = 0;
  class RequestContext {
    workbook = {
      functions: {
        date: (): { value: number; load: () => void } => ({ value: probe === "sync-fails" ? 0 : probe, load: () => undefined }),
      },
    };
    sync(): Promise<void> {
      syncs++;
      return probe === "sync-fails" ? Promise.reject(new Error("RichApi.Error")) : Promise.resolve();
    }
  }
  (globalThis as unknown as { Excel?: unknown }).Excel = { RequestContext };
  return { syncs: () => syncs };
}

/** The functions module loaded afresh (the date system is remembered per runtime, i.e. per module instance). */
function freshFunctions(): Functions {
  let f: Functions | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    f = require("../../src/functions/functions") as Functions;
  });
  return f as Functions;
}

afterEach(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

/** A serial as a 1904 workbook holds it. */
const s1904 = (iso: string): number => serial(iso) - DATE_1904_OFFSET;

// Worked example: €19,000 on 1 Feb 2026, €1,500 on 10 May 2026 (crossing), €600 on 1 Dec 2025.
const ISO = ["2025-12-01", "2026-02-01", "2026-05-10"];
const AMOUNTS = col(600, 19000, 1500);

describe("KOR.* functions in a 1904 workbook", () => {
  it("read the dates in the workbook's system: the first call waits for the probe, later calls answer at once", async () => {
    const excel = excelStub(35064);
    const f = freshFunctions();
    const dates = col(...ISO.map(s1904));
    const first = f.countable(dates, AMOUNTS, null as unknown as unknown[][], 2026);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe(20500);
    // Known now: a plain value, and the workbook is not asked again.
    expect(f.countable(dates, AMOUNTS, null as unknown as unknown[][], 2025)).toBe(600);
    expect(f.eligible(dates, AMOUNTS, null as unknown as unknown[][], 2026, null)).toBe(false);
    expect(excel.syncs()).toBe(1);
  });

  it("return dates in the workbook's system (KOR.CROSSING, KOR.DEADLINE, KOR.START)", async () => {
    excelStub(35064);
    const f = freshFunctions();
    expect(await f.crossing(col(...ISO.map(s1904)), AMOUNTS, null as unknown as unknown[][], 2026)).toBe(s1904("2026-05-10"));
    // Start 1 Jan 2027 → deadline 3 Dec 2026 (29 days before), both as 1904 serials.
    expect(f.deadline(s1904("2027-01-01"), null)).toBe(s1904("2026-12-03"));
    expect(f.start(s1904("2026-11-20"), null)).toBe(s1904("2027-01-01"));
  });

  it("read the reading layer's way too (a text date among the serials): serials moved, a text date as written", async () => {
    excelStub(35064);
    const f = freshFunctions();
    const dates = col(s1904("2025-12-01"), "1-2-2026", s1904("2026-05-10"));
    expect(await f.countable(dates, AMOUNTS, null as unknown as unknown[][], 2026)).toBe(20500);
    expect(f.crossing(dates, AMOUNTS, null as unknown as unknown[][], 2026)).toBe(s1904("2026-05-10"));
  });

  it("read KOR.REVISION's first-use dates and KOR start date in the workbook's system", async () => {
    excelStub(35064);
    const f = freshFunctions();
    const r1904 = await f.revision(col(10000), col(s1904("2025-03-01")), col("roerend"), s1904("2026-01-01"), 2026);
    delete (globalThis as unknown as { Excel?: unknown }).Excel;
    const r1900 = freshFunctions().revision(col(10000), col(serial("2025-03-01")), col("roerend"), serial("2026-01-01"), 2026);
    expect(r1904).toBe(r1900);
    expect(r1900).toBeGreaterThan(0);
  });

  it("are unchanged in a 1900 workbook, and outside Excel (no probe, answered at once)", async () => {
    excelStub(36526);
    const f = freshFunctions();
    expect(await f.crossing(col(...ISO.map(serial)), AMOUNTS, null as unknown as unknown[][], 2026)).toBe(serial("2026-05-10"));
    delete (globalThis as unknown as { Excel?: unknown }).Excel;
    const g = freshFunctions();
    expect(g.crossing(col(...ISO.map(serial)), AMOUNTS, null as unknown as unknown[][], 2026)).toBe(serial("2026-05-10"));
  });

  it("keep the 1900 system when the probe's request fails, as before the probe", async () => {
    const excel = excelStub("sync-fails");
    const f = freshFunctions();
    expect(await f.countable(col(...ISO.map(serial)), AMOUNTS, null as unknown as unknown[][], 2026)).toBe(20500);
    expect(f.countable(col(...ISO.map(serial)), AMOUNTS, null as unknown as unknown[][], 2026)).toBe(20500);
    expect(excel.syncs()).toBe(1);
  });

  it("reject a first call's refusal as the error Excel shows", async () => {
    excelStub(35064);
    const f = freshFunctions();
    // The module loaded afresh has its own error class: compare by name and message.
    await expect(f.countable(col(s1904("2026-02-01"), "kapot"), col(100, 200), null as unknown as unknown[][], 2026)).rejects.toMatchObject({
      name: KorFunctionError.name,
      message: expect.stringContaining("kapot"),
    });
  });
});
