import { officeSettingsStore, memorySettingsStore, type DocumentSettings } from "../../src/excel/settings";

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
