import { cellOfRange } from "../../src/functions/location";

describe("cellOfRange", () => {
  it.each([
    ["Sheet1!B2:B500", 6, "Sheet1!B7"],
    ["Blad1!$C$10:$C$20", 1, "Blad1!C10"],
    ["'Mijn blad'!A:A", 3, "'Mijn blad'!A3"],
    ["A1:A5", 5, "A5"],
    ["Sheet1!B2:F2", 3, "Sheet1!D2"],
    ["Sheet1!Z2:AC2", 3, "Sheet1!AB2"],
    ["Sheet1!D4", 1, "Sheet1!D4"],
  ])("%s, row %i: %s", (range, row, expected) => {
    expect(cellOfRange(range, row)).toBe(expected);
  });

  it("gives null for something that is not an A1 range", () => {
    expect(cellOfRange("R1C1:R5C1", 2)).toBeNull();
    expect(cellOfRange("", 2)).toBeNull();
  });
});
