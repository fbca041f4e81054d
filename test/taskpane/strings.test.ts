import { S } from "../../src/taskpane/strings";
import type { Localized } from "../../src/i18n/types";

/** Every Localized in S (functions called with sample arguments) has a Dutch and an English text. */
function collect(node: unknown, path: string, out: { path: string; value: Localized }[]): void {
  if (typeof node === "function") {
    const args = Array.from({ length: node.length }, (_, i) => (i % 2 === 0 ? "x" : 2));
    collect((node as (...a: unknown[]) => unknown)(...args), path, out);
  } else if (node && typeof node === "object" && "nl" in node && "en" in node) {
    const v = node as { nl: unknown; en: unknown };
    if (typeof v.nl === "string") out.push({ path, value: node as Localized });
    else for (const k of Object.keys(node)) collect((node as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) collect(v, `${path}.${k}`, out);
  }
}

describe("pane strings", () => {
  const all: { path: string; value: Localized }[] = [];
  collect(S, "S", all);
  it("has many strings", () => {
    expect(all.length).toBeGreaterThan(100);
  });
  it.each(all.map((x) => [x.path, x.value] as const))("%s has nl and en", (_path, value) => {
    expect(value.nl.trim()).not.toBe("");
    expect(value.en.trim()).not.toBe("");
  });
});

describe("registration deadline in the year report", () => {
  it("says 'today' on the deadline day itself, not '0 days left'", () => {
    expect(S.registerBy("3 december 2025", 0)).toEqual({ nl: "Aanmelding moet uiterlijk 3 december 2025 binnen zijn (vandaag).", en: "Registration must be received by 3 december 2025 (today)." });
    expect(S.registerBy("3 December 2025", 1).en).toBe("Registration must be received by 3 December 2025 (1 day left).");
    expect(S.registerBy("3 december 2025", 29).nl).toBe("Aanmelding moet uiterlijk 3 december 2025 binnen zijn (nog 29 dagen).");
  });
});

describe("a client's sheet, table or file name in a pane sentence", () => {
  const name = "Omzet\u202E5202\u001B[2J";
  const shownName = "Omzet\\u202E5202\\u001B[2J";
  it.each([
    ["sourceSheet", S.sourceSheet(name)],
    ["sourceTable", S.sourceTable(name, name)],
    ["sourceFile", S.sourceFile(name)],
    ["emptySheet", S.emptySheet(name)],
    ["fileError", S.fileError(name, "kapot")],
    ["copyHeader", S.copyHeader(name, "27 november 2026")],
    ["basisFromSheet", S.basisFromSheet(name)],
  ])("%s shows its control and direction characters as \\u202E, \\u001B", (_name, text) => {
    for (const lang of ["nl", "en"] as const) {
      expect(text[lang]).not.toMatch(/[\u001B\u202E]/);
      expect(text[lang]).toContain(shownName);
    }
  });
});

describe("the progress line while a big workbook is read", () => {
  it("shows a sheet name's direction override as a visible escape and quotes the name, as the source line does", () => {
    // A sheet "Omzet<U+202E>gpj.exe" must not turn the rest of "… rijen gelezen uit blad …" around.
    const line = S.fileRowsRead(25000, "Omzet\u202Egpj.exe");
    expect(line.nl).toBe('25.000 rijen gelezen uit blad "Omzet\\u202Egpj.exe"…');
    expect(line.en).toBe('25,000 rows read from sheet "Omzet\\u202Egpj.exe"…');
  });
});

describe("the row balance under the totals", () => {
  it("does not call a skipped totals line (or a cancelled invoice) 'empty or without an amount'", () => {
    // export.csv: three invoices and "Totaal;;;20.500,00": the total line is skipped and named under Warnings.
    expect(S.rowsBalance(4, 3, 0, 1)).toEqual({
      nl: "4 rijen in het blad: 3 gelezen, 0 met fouten, 1 overgeslagen (leeg, zonder bedrag, of genoemd bij Aandachtspunten)",
      en: "4 rows in the sheet: 3 read, 0 with errors, 1 skipped (empty, without an amount, or listed under Warnings)",
    });
  });
});
