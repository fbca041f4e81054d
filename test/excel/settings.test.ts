import { officeSettingsStore, memorySettingsStore, participationScope, participationSettingOf, type DocumentSettings } from "../../src/excel/settings";
import { GROUPING_SETTING } from "../../src/excel/allSheetsStore";
import { EMPTY_GROUPING, parseGrouping } from "../../src/bulk/groups";
import { participationResolver } from "../../src/taskpane/participation";
import { dayFromIso } from "../../src/rules/dates";

function fakeDocumentSettings(): DocumentSettings & { data: Map<string, unknown>; saves: number } {
  const data = new Map<string, unknown>();
  const s = {
    data,
    saves: 0,
    get: (name: string) => data.get(name) ?? null,
    set: (name: string, value: unknown) => void data.set(name, value),
    saveAsync: (cb?: (r: { status: unknown }) => void) => {
      s.saves++;
      cb?.({ status: "succeeded" });
    },
  };
  return s;
}

describe("per-sheet settings in the document", () => {
  it("keeps choices per worksheet id and saves them with the document", async () => {
    const doc = fakeDocumentSettings();
    const store = officeSettingsStore(doc);
    expect(store.get("{sheet-1}")).toBeNull();
    await store.set("{sheet-1}", { columns: { amount: 4, category: null }, period: "month" });
    expect(store.get("{sheet-1}")).toEqual({ columns: { amount: 4, category: null }, period: "month" });
    expect(store.get("{sheet-2}")).toBeNull();
    expect(doc.saves).toBe(1);
    expect([...doc.data.keys()]).toEqual(["kor.sheet.{sheet-1}"]);
  });
  it("rejects when saving fails", async () => {
    const doc = fakeDocumentSettings();
    doc.saveAsync = (cb) => cb?.({ status: "failed", error: { message: "read-only" } });
    await expect(officeSettingsStore(doc).set("k", {})).rejects.toThrow("read-only");
  });
  it("browser mode keeps them in memory", async () => {
    const m = memorySettingsStore();
    await m.set("file:a.csv", { year: 2025 });
    expect(m.get("file:a.csv")).toEqual({ year: 2025 });
  });
});

describe("the participation setting belongs to the business (kor-rules.md section 5)", () => {
  const grouping = (groups: { name: string; members: string[] }[]): string => JSON.stringify({ version: 1, groups });

  it("is kept per workbook: set on one sheet, every sheet reads it; the sheet keeps only its own choices", async () => {
    const doc = fakeDocumentSettings();
    const store = officeSettingsStore(doc);
    await store.set("{2025}", { year: 2025, participation: "in", inKorSince: "2024-01-01" });
    expect(doc.data.get("kor.participation")).toEqual({ participation: "in", inKorSince: "2024-01-01" });
    expect(doc.data.get("kor.sheet.{2025}")).toEqual({ year: 2025 });
    expect(store.get("{2025}")).toEqual({ year: 2025, participation: "in", inKorSince: "2024-01-01" });
    // Another sheet of the same workbook (say last year's) has the same status without setting it again.
    expect(store.get("{2024}")).toEqual({ participation: "in", inKorSince: "2024-01-01" });
    await store.set("{2024}", { participation: "out" });
    expect(store.get("{2025}")).toMatchObject({ participation: "out", inKorSince: null });
  });

  it("still reads a value an earlier version saved with the sheet, until the workbook has its own", async () => {
    const doc = fakeDocumentSettings();
    doc.data.set("kor.sheet.{old}", { period: "month", participation: "out" });
    const store = officeSettingsStore(doc);
    expect(store.get("{old}")).toEqual({ period: "month", participation: "out", inKorSince: null });
    expect(participationSettingOf(doc, "{other}")).toBeNull();
    await store.set("{other}", { participation: "in", inKorSince: "2023-07-01" });
    expect(store.get("{old}")).toMatchObject({ period: "month", participation: "in", inKorSince: "2023-07-01" });
  });

  it("is kept per group when the workbook's All-sheets grouping holds two or more businesses, and per sheet outside them", async () => {
    const doc = fakeDocumentSettings();
    doc.data.set(GROUPING_SETTING, grouping([
      { name: "Bakkerij", members: ["{b1}", "{b2}/{table}"] },
      { name: "Kapper", members: ["{k1}", "{k2}"] },
    ]));
    expect(participationScope(parseGrouping(doc.data.get(GROUPING_SETTING)), "{b2}")).toEqual({ kind: "group", name: "Bakkerij" });
    expect(participationScope(parseGrouping(doc.data.get(GROUPING_SETTING)), "{loose}")).toEqual({ kind: "sheet" });
    const store = officeSettingsStore(doc);
    await store.set("{b1}", { participation: "in", inKorSince: "2025-01-01" });
    await store.set("{k1}", { participation: "out" });
    await store.set("{loose}", { participation: "unknown" });
    expect(store.get("{b2}")).toMatchObject({ participation: "in", inKorSince: "2025-01-01" });
    expect(store.get("{k1}")).toMatchObject({ participation: "out" });
    expect(store.get("{loose}")).toMatchObject({ participation: "unknown" });
    expect(doc.data.get("kor.participation")).toBeUndefined();
    expect(doc.data.get("kor.participation.group.bakkerij")).toEqual({ participation: "in", inKorSince: "2025-01-01" });
    expect(doc.data.get("kor.sheet.{loose}")).toEqual({ participation: "unknown" });
  });

  it("All sheets tests each line with its business's status; a group whose members disagree is unknown", () => {
    const doc = fakeDocumentSettings();
    doc.data.set("kor.participation", { participation: "in", inKorSince: "2024-01-01" });
    const resolve = participationResolver(doc, EMPTY_GROUPING);
    expect(resolve(["{a}"])).toEqual({ status: "in", since: dayFromIso("2024-01-01") });
    expect(resolve(["{a}", "{b}/{t}"])).toEqual({ status: "in", since: dayFromIso("2024-01-01") });
    expect(participationResolver(null, EMPTY_GROUPING)(["{a}"])).toEqual({ status: "unknown" });
    // Several businesses, values left per sheet by an earlier version that disagree within a group.
    const two = parseGrouping(grouping([{ name: "G1", members: ["{x}", "{y}"] }, { name: "G2", members: ["{z}", "{z2}"] }]));
    const old = fakeDocumentSettings();
    old.data.set("kor.sheet.{x}", { participation: "out" });
    old.data.set("kor.sheet.{y}", { participation: "in", inKorSince: "2024-01-01" });
    old.data.set("kor.sheet.{z}", { participation: "out" });
    const r = participationResolver(old, two);
    expect(r(["{x}", "{y}"])).toEqual({ status: "unknown" });
    expect(r(["{z}"])).toEqual({ status: "out" });
  });
});
