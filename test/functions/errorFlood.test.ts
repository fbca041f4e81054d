/**
 * A column of a million Excel error values: the function still names the first error and counts the rest,
 * but builds a message for only the first few hundred (the rest cost a count, not a Problem each).
 */
import * as f from "../../src/functions/functions";
import { MAX_FUNCTION_PROBLEMS } from "../../src/functions/ledger";
import { readRows } from "../../src/reading/rows";
import { OMITTED, thrown } from "./helpers";

// A million rows on a shared machine: give the test room (the speed itself is measured in npm run bench).
jest.setTimeout(120_000);

const N = 1_048_576;

describe("error values in every row", () => {
  const dates = Array.from({ length: N }, () => ["#N/A"]);
  const amounts = Array.from({ length: N }, () => [10]);

  it("KOR.COUNTABLE refuses with the first error and the count of the others", () => {
    const e = thrown(() => f.countable(dates, amounts, OMITTED, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^Row 1 of the range: /);
    expect(e.message).toContain("And 1,048,575 more problems");
  });

  it("builds at most MAX_FUNCTION_PROBLEMS problems and counts the rest", () => {
    const read = readRows({ dates, amounts }, { maxProblems: MAX_FUNCTION_PROBLEMS });
    expect(read.problems).toHaveLength(MAX_FUNCTION_PROBLEMS);
    expect(read.omittedErrors).toBe(N - MAX_FUNCTION_PROBLEMS);
  });

  it("keeps every problem without a cap (the pane and kor-check cap elsewhere)", () => {
    const read = readRows({ dates: dates.slice(0, 1000), amounts: amounts.slice(0, 1000) });
    expect(read.problems).toHaveLength(1000);
    expect(read.omittedErrors).toBeUndefined();
  });
});
