import { EMPTY_GROUPING, groupOf, parseGrouping, pruneGrouping, removeGroup, serializeGrouping, setGroup } from "../../src/bulk/groups";

describe("sheet grouping", () => {
  it("keeps a sheet in one group only and drops groups of fewer than two", () => {
    let g = setGroup(EMPTY_GROUPING, " Bakker  BV ", ["a", "b"]);
    g = setGroup(g, "Jansen", ["b", "c"]);
    expect(g.groups).toEqual([{ name: "Jansen", members: ["b", "c"] }]);
    expect(groupOf(g, "c")?.name).toBe("Jansen");
    expect(groupOf(g, "a")).toBeNull();
    expect(setGroup(g, "", ["x", "y"]).groups).toHaveLength(1);
  });

  it("survives a round trip through the document and ignores damaged settings", () => {
    const g = setGroup(setGroup(EMPTY_GROUPING, "A", ["1", "2"]), "B", ["3", "4"]);
    expect(parseGrouping(serializeGrouping(g))).toEqual(g);
    expect(parseGrouping("{not json")).toEqual(EMPTY_GROUPING);
    expect(parseGrouping(JSON.stringify({ version: 2, groups: [] }))).toEqual(EMPTY_GROUPING);
    expect(parseGrouping({ version: 1, groups: [{ name: "X", members: ["1", 2, "3"] }, { name: "Y", members: ["3", "4", "5"] }] }).groups).toEqual([
      { name: "X", members: ["1", "3"] },
      { name: "Y", members: ["4", "5"] },
    ]);
  });

  it("prunes deleted sheets and returns the same object when nothing changed", () => {
    const g = setGroup(setGroup(EMPTY_GROUPING, "A", ["1", "2", "3"]), "B", ["4", "5"]);
    expect(pruneGrouping(g, ["1", "2", "3", "4", "5"])).toBe(g);
    expect(pruneGrouping(g, ["1", "3", "4"]).groups).toEqual([{ name: "A", members: ["1", "3"] }]);
    expect(removeGroup(g, "a").groups.map((x) => x.name)).toEqual(["B"]);
  });
});
