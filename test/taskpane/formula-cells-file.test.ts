/**
 * The counting pass's watch for formula cells whose cached value is an empty text (src/reading/zipInflate.ts).
 */
import { EmptyTextFormulaWatch } from "../../src/reading/zipInflate";

describe("EmptyTextFormulaWatch", () => {
  it("finds the formula cells with a cached empty text however the XML arrives in chunks", () => {
    const xml =
      `<sheetData><row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>Z1</f></c><c r="C1" t="str"><f>IF(A1&gt;0,"","x")</f><v>x</v></c>` +
      `<c r="D1" s="2" t = 'str'><f t="shared" si="0"/><v/></c><c r="E1" t="str"><v></v></c><c r="F1"><f>1</f><v></v></c><cols/><c r="g1" t="str"><f>""</f><v></v></c></row></sheetData>`;
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 5, 33, bytes.length]) {
      const watch = new EmptyTextFormulaWatch();
      for (let i = 0; i < bytes.length; i += size) watch.feed(bytes.subarray(i, i + size));
      expect([...watch.refs].sort()).toEqual(["A1", "D1", "G1"]);
    }
  });
});
