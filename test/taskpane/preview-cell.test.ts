/**
 * The year report's row preview shows each cell as the user would see it. The panel's Open file now hands a
 * formula saved without a calculated value over as `{ formula }` (its row is an error): the preview names it
 * "=B2*2", as the problem does, never "[object Object]".
 */
import { previewCell } from "../../src/taskpane/views/YearReport";
import { DATE_1904_OFFSET, dayFromIso, excelSerialFromDay } from "../../src/rules/dates";

describe("previewCell", () => {
  it("shows a formula without a calculated value as its formula", () => {
    expect(previewCell({ formula: "B2*2" }, false, "en", 0)).toBe("=B2*2");
    expect(previewCell({ formula: "A2+1" }, true, "nl", DATE_1904_OFFSET)).toBe("=A2+1");
  });

  it("still shows date serials as dates (in the workbook's system), and text and numbers as they are", () => {
    const serial = excelSerialFromDay(dayFromIso("2026-04-01"));
    expect(previewCell(serial, true, "en", 0)).toBe("1 April 2026");
    expect(previewCell(serial - DATE_1904_OFFSET, true, "en", DATE_1904_OFFSET)).toBe("1 April 2026");
    expect(previewCell("vrijgesteld", false, "en", 0)).toBe("vrijgesteld");
    expect(previewCell(12.5, false, "en", 0)).toBe("12.5");
    expect(previewCell(undefined, false, "en", 0)).toBe("");
  });

  it("shows a cell's direction overrides and control characters as visible escapes, so they cannot reverse or hide the row", () => {
    // "Toon rij" outside Excel: a category cell "abc<U+202E>def<BEL>" must not flip what follows it in the table.
    expect(previewCell("abc\u202Edef\u0007", false, "nl", 0)).toBe("abc\\u202Edef\\u0007");
    expect(previewCell({ formula: "A1&\u202E" }, false, "en", 0)).toBe("=A1&\\u202E");
  });
});
