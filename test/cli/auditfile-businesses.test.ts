/**
 * kor-check groups a business's auditfiles before reading them whole (issue 13: memory flat over thousands of
 * files). Each auditfile's header is read up to its entries (readXafHeader); the files of one business become
 * one task (checkTasks), read and combined in one worker, so no auditfile's rows wait in the main thread for
 * the rest of the run. These tests pin what that grouping decides and what a user sees of it.
 */
import * as path from "path";
import { dayFromIso } from "../../src/rules/dates";
import * as read from "../../src/cli/read";
import { readXafHeader } from "../../src/cli/read";
import { checkTasks, main, poolFailure } from "../../src/cli/main";
import { invoice, writeXaf, type GenFile, type GenTx } from "../support/xaf-generator";
import { tempDir, writeText, runCli } from "./fixtures";

const TODAY = dayFromIso("2027-01-20");
jest.setTimeout(60_000);

const H = { id: "H", perc: 21 };

/** `n` invoices of €1,500 in `year`, one on the 10th of each month (then 15 and 20 December). */
function business(year: number, n: number, who: Partial<GenFile> = {}): GenFile {
  const txs: GenTx[] = Array.from({ length: n }, (_, k) =>
    invoice({
      nr: String(k + 1),
      date: k < 12 ? `${year}-${String(k + 1).padStart(2, "0")}-10` : `${year}-12-${k === 12 ? 15 : 20}`,
      ref: `F${year}-${k + 1}`,
      customer: "C1",
      parts: [{ acc: "8000", net: 150000, vat: H }],
    }),
  );
  return {
    fiscalYear: year,
    taxRegIdent: "NL001234567B01",
    companyName: "Bakkerij Test",
    customers: [{ id: "C1", name: "Jansen", tp: "C", taxCountry: "NL" }],
    journals: [{ id: "VK", desc: "Verkoop", type: "S", txs }],
    ...who,
  };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());
const at = (name: string): string => path.join(tmp.dir, name);

describe("an auditfile's header, read before the run", () => {
  it("gives the numbers, name and period without reading the entries (what follows <transactions> may be anything)", async () => {
    const text = writeXaf(business(2026, 14, { companyIdent: "12345678" }));
    const cut = text.slice(0, text.indexOf("<transactions>") + "<transactions>".length) + "<journal><transaction><nr>1</nr> <<< not XML";
    const header = await readXafHeader(writeText(at("cut.xaf"), cut));
    expect(header).toEqual({
      companyName: "Bakkerij Test",
      taxRegIdent: "NL001234567B01",
      companyIdent: "12345678",
      startDay: dayFromIso("2026-01-01"),
      endDay: dayFromIso("2026-12-31"),
    });
  });

  it("reads an XAF 3.1 header (company name and VAT number in <header>)", async () => {
    const header = await readXafHeader(writeText(at("old.xaf"), writeXaf(business(2025, 12, { version: "3.1" }))));
    expect(header?.companyName).toBe("Bakkerij Test");
    expect(header?.taxRegIdent).toBe("NL001234567B01");
    expect(header?.startDay).toBe(dayFromIso("2025-01-01"));
  });

  it("gives nothing for a file it cannot read that far: reading it whole then says why", async () => {
    const doctype = writeText(at("doctype.xaf"), '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"/>');
    const other = writeText(at("other.xaf"), "<invoices><invoice/></invoices>");
    const empty = writeText(at("empty.xaf"), "");
    for (const file of [doctype, other, empty, at("missing.xaf")]) expect(await readXafHeader(file)).toBeNull();
  });
});

describe("the run's tasks", () => {
  it("puts the auditfiles of one business into one task, whatever their order, after the other files", async () => {
    const a2026 = { path: writeText(at("a-2026.xaf"), writeXaf(business(2026, 14))), kind: "xaf" as const };
    const csv = { path: writeText(at("b.csv"), "Datum;Bedrag;Categorie\n01-02-2026;1000,00;21\n"), kind: "csv" as const };
    const other = { path: writeText(at("c-other.xaf"), writeXaf(business(2026, 3, { taxRegIdent: "NL009999999B01", companyName: "Ander BV" }))), kind: "xaf" as const };
    // Joined to a-2026 through its VAT number; no file name or order tells that.
    const a2025 = { path: writeText(at("d-2025.xaf"), writeXaf(business(2025, 12))), kind: "xaf" as const };
    const broken = { path: writeText(at("e-broken.xaf"), "<auditfile>"), kind: "xaf" as const };
    const tasks = await checkTasks([a2026, csv, other, a2025, broken]);
    expect(tasks).toEqual([
      csv,
      { kind: "business", files: [a2026, a2025], notJoined: [] },
      { kind: "business", files: [other], notJoined: [] },
      { kind: "business", files: [broken], notJoined: [], headerUnread: true },
    ]);
  });

  it("says so on the report of a file whose header could not be read before the run but was read whole (not grouped)", async () => {
    const a = writeText(at("a-2025.xaf"), writeXaf(business(2025, 12)));
    const b = writeText(at("b-2026.xaf"), writeXaf(business(2026, 14)));
    // As a read error on a network share would: the header pass gets nothing for b-2026.xaf, reading it later works.
    const real = read.readXafHeader;
    const spy = jest.spyOn(read, "readXafHeader").mockImplementation((file, limits) => (file === b ? Promise.resolve(null) : real(file, limits)));
    try {
      const r = await runCli([a, b, "--format", "jsonl", "--lang", "en", "--jobs", "1"], TODAY);
      const items = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; previousYear: number | null; previousYearBasis: string; problems: { code: string; message: string }[] });
      expect(items.map((i) => i.file)).toEqual([a, b]);
      // b-2026.xaf alone: its 2025 (in a-2025.xaf) is missing, and it says why.
      expect(items[1].previousYearBasis).toBe("assumed-zero");
      expect(items[1].problems).toContainEqual(expect.objectContaining({ code: "xaf-not-grouped", message: expect.stringContaining("The header of b-2026.xaf could not be read before the check") }));
      expect(items[0].problems.map((p) => p.code)).not.toContain("xaf-not-grouped");
    } finally {
      spy.mockRestore();
    }
  });

  it("gives each business the warning about a file of its name it was not joined with", async () => {
    const numbered = { path: writeText(at("a.xaf"), writeXaf(business(2026, 14))), kind: "xaf" as const };
    const bare = { path: writeText(at("b.xaf"), writeXaf(business(2025, 12, { taxRegIdent: "" }))), kind: "xaf" as const };
    const tasks = await checkTasks([numbered, bare]);
    expect(tasks.map((t) => (t.kind === "business" ? t.notJoined.map((p) => p.code) : []))).toEqual([["xaf-not-joined"], ["xaf-not-joined"]]);
  });
});

describe("files of one name that cannot be joined", () => {
  it("names three of the others and counts the rest, so a folder of many such files does not give each a list of all", async () => {
    // 50 administrations of one name, none with a VAT or KvK number: none can be joined, each is told of the others.
    const text = writeXaf(business(2026, 1, { taxRegIdent: "", companyName: "Administratie" }));
    const files = Array.from({ length: 50 }, (_, i) => ({ path: writeText(at(`adm-${String(i).padStart(2, "0")}.xaf`), text), kind: "xaf" as const }));
    const tasks = await checkTasks(files);
    expect(tasks).toHaveLength(50);
    const first = tasks[0].kind === "business" ? tasks[0].notJoined : [];
    expect(first).toHaveLength(1);
    expect(first[0].message.en).toContain(
      "adm-00.xaf was not joined with adm-01.xaf, adm-02.xaf, adm-03.xaf and 46 other files of the same name (Administratie): adm-00.xaf, adm-01.xaf, adm-02.xaf and 47 other files have no VAT number",
    );
    expect(first[0].message.nl).toContain("adm-00.xaf is niet samengenomen met adm-01.xaf, adm-02.xaf, adm-03.xaf en 46 andere bestanden van dezelfde naam");
    // Before 2 Dec 2026 each message named all 49 others: 50 files gave 50 lists of 49 names.
    expect(first[0].message.en.length).toBeLessThan(700);
  });

  it("names every other file when there are three or fewer", async () => {
    const numbered = { path: writeText(at("a.xaf"), writeXaf(business(2026, 14))), kind: "xaf" as const };
    const bare = [1, 2].map((k) => ({ path: writeText(at(`b${k}.xaf`), writeXaf(business(2025, 12, { taxRegIdent: "" }))), kind: "xaf" as const }));
    const tasks = await checkTasks([numbered, ...bare]);
    const first = tasks[0].kind === "business" ? tasks[0].notJoined : [];
    expect(first[0].message.en).toContain("a.xaf was not joined with b1.xaf and b2.xaf of the same name (Bakkerij Test): b1.xaf and b2.xaf have no VAT number");
  });
});

describe("kor-check on a business whose auditfiles are checked as one task", () => {
  it("combines the files it can read and names the one it cannot, with --jobs 1 and with the pool", async () => {
    const a = writeText(at("a-2025.xaf"), writeXaf(business(2025, 12)));
    const b = writeText(at("b-2026.xaf"), writeXaf(business(2026, 14)));
    // The same business's 2024: its header is read (so it is in the task), its entries are cut off.
    const full = writeXaf(business(2024, 12));
    const c = writeText(at("c-2024.xaf"), full.slice(0, Math.floor(full.length * 0.7)));
    for (const jobs of ["1", "2"]) {
      const r = await runCli([c, b, a, "--format", "jsonl", "--lang", "en", "--jobs", jobs], TODAY);
      const items = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; error: string | null; previousYear?: number; crossing?: { reference: string } | null });
      // The business's report, then (as for any file) what could not be read.
      expect(items.map((i) => i.file)).toEqual([`${a} + ${b}`, c]);
      expect(items[1].error).toContain("The auditfile stops halfway");
      // 2025: 12 × €1,500 = €18,000 from a-2025.xaf; 2026 crossed by F2026-14 on 20 December.
      expect(items[0].previousYear).toBe(18000);
      expect(items[0].crossing?.reference).toBe("entry F2026-14 of 20 December 2026");
      expect(r.code).toBe(1);
    }
  });

  it("tells each file of a business that ran out of memory or time which files it was read with, and gives the time for all of them", () => {
    const files = ["a-2024.xaf", "b-2025.xaf", "c-2026.xaf"].map((name) => ({ path: `/klanten/${name}`, kind: "xaf" as const }));
    const task = { kind: "business" as const, files, notJoined: [] };
    const memory = poolFailure(task, { ok: false, why: "memory", detail: "ERR_WORKER_OUT_OF_MEMORY" }, 2048, 600);
    expect(memory.failures.map((f) => [f.file, f.reason.en])).toEqual([
      ["/klanten/a-2024.xaf", expect.stringContaining("not checked: read together with b-2025.xaf and c-2026.xaf (the same business), reading needed more than 2048 MB of memory")],
      ["/klanten/b-2025.xaf", expect.stringContaining("read together with a-2024.xaf and c-2026.xaf (the same business)")],
      ["/klanten/c-2026.xaf", expect.stringContaining("read together with a-2024.xaf and b-2025.xaf (the same business)")],
    ]);
    // --timeout 600 for each of three files.
    const time = poolFailure(task, { ok: false, why: "time", detail: "" }, 2048, 600);
    expect(time.failures[0].reason.nl).toContain("samen gelezen met b-2025.xaf en c-2026.xaf (dezelfde onderneming) duurde het lezen langer dan 1800 seconden");
    // One file alone keeps the plain words.
    const alone = poolFailure({ kind: "business", files: [files[0]], notJoined: [] }, { ok: false, why: "time", detail: "" }, 2048, 600);
    expect(alone.failures[0].reason.en).toBe("not checked: reading it took longer than 600 seconds; the other files were checked. Allow more time with --timeout");
  });

  it("counts files, not tasks, on the progress bar", async () => {
    const a = writeText(at("a-2025.xaf"), writeXaf(business(2025, 12)));
    const b = writeText(at("b-2026.xaf"), writeXaf(business(2026, 14)));
    const csv = writeText(at("c.csv"), "Datum;Bedrag;Categorie\n01-02-2026;1000,00;21\n");
    let tty = "";
    await main([a, b, csv, "--jobs", "1", "--lang", "en"], { stdout: { write: () => true }, stderr: { write: (t: string) => (tty += t), isTTY: true }, env: {}, today: TODAY });
    expect(tty).toContain("3/3 files");
    expect(tty).not.toContain("2/2 files");
  });
});
