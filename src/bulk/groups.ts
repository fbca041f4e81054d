/**
 * Grouping sheets into one business. The KOR is tested per entrepreneur on all of its turnover together,
 * so an accountant who keeps one client's invoices on several sheets (a sheet per shop, per year, per
 * activity) groups them and the group is tested as one.
 *
 * A grouping is plain data, stored in the document as JSON (see src/excel/allSheetsStore.ts). Members are
 * the stable ids of checked units (worksheet ids, table ids), never display names, so renaming a sheet
 * keeps it in its group.
 */

export interface SheetGroup {
  /** The business's name as the user typed it; unique (case-insensitive) within a grouping. */
  readonly name: string;
  /** Unit ids, in the order the user added them (rows of one day keep this order). */
  readonly members: readonly string[];
}

export interface Grouping {
  readonly version: 1;
  readonly groups: readonly SheetGroup[];
}

export const EMPTY_GROUPING: Grouping = { version: 1, groups: [] };

/** Longest group name kept; longer input is cut (it is shown in a narrow pane and in a sheet cell). */
export const MAX_GROUP_NAME = 80;

function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim().slice(0, MAX_GROUP_NAME);
}

/**
 * Reads a stored grouping. Anything unreadable (another version, hand-edited JSON, nothing stored) gives
 * the empty grouping rather than an error: losing a grouping must never stop the check. Invalid entries are
 * dropped; a unit listed in two groups stays only in the first.
 */
export function parseGrouping(stored: unknown): Grouping {
  let data: unknown = stored;
  if (typeof stored === "string") {
    try {
      data = JSON.parse(stored);
    } catch {
      return EMPTY_GROUPING;
    }
  }
  if (data === null || typeof data !== "object") return EMPTY_GROUPING;
  const groups = (data as { groups?: unknown }).groups;
  if ((data as { version?: unknown }).version !== 1 || !Array.isArray(groups)) return EMPTY_GROUPING;
  let result: Grouping = EMPTY_GROUPING;
  for (const g of groups) {
    if (g === null || typeof g !== "object") continue;
    const name = (g as { name?: unknown }).name;
    const members = (g as { members?: unknown }).members;
    if (typeof name !== "string" || !Array.isArray(members)) continue;
    const ids = members.filter((m): m is string => typeof m === "string");
    const taken = new Set(result.groups.flatMap((x) => x.members));
    result = setGroup(result, name, ids.filter((id) => !taken.has(id)));
  }
  return result;
}

export function serializeGrouping(grouping: Grouping): string {
  return JSON.stringify({ version: 1, groups: grouping.groups.map((g) => ({ name: g.name, members: [...g.members] })) });
}

/**
 * Creates or replaces the group `name` with `members`. Each member leaves any other group first (a sheet
 * belongs to one business). Groups left with fewer than two members are removed: a group of one is just
 * the sheet. An empty name, or fewer than two distinct members, removes the group.
 */
export function setGroup(grouping: Grouping, name: string, members: readonly string[]): Grouping {
  const clean = cleanName(name);
  const unique = [...new Set(members)];
  const key = clean.toLowerCase();
  const others = grouping.groups
    .filter((g) => g.name.toLowerCase() !== key)
    .map((g) => ({ name: g.name, members: g.members.filter((m) => !unique.includes(m)) }))
    .filter((g) => g.members.length >= 2);
  if (clean === "" || unique.length < 2) return { version: 1, groups: others };
  const existing = grouping.groups.findIndex((g) => g.name.toLowerCase() === key);
  const groups = [...others];
  // Keep the group's place in the list when it is edited.
  const at = existing < 0 ? groups.length : Math.min(existing, groups.length);
  groups.splice(at, 0, { name: clean, members: unique });
  return { version: 1, groups };
}

export function removeGroup(grouping: Grouping, name: string): Grouping {
  const key = name.trim().toLowerCase();
  return { version: 1, groups: grouping.groups.filter((g) => g.name.toLowerCase() !== key) };
}

/**
 * Drops members that no longer exist (a deleted sheet) and groups left with fewer than two members.
 * Returns the same object when nothing changed, so callers can skip a needless save.
 */
export function pruneGrouping(grouping: Grouping, existingIds: Iterable<string>): Grouping {
  const exists = new Set(existingIds);
  let changed = false;
  const groups: SheetGroup[] = [];
  for (const g of grouping.groups) {
    const members = g.members.filter((m) => exists.has(m));
    if (members.length !== g.members.length) changed = true;
    if (members.length >= 2) groups.push(members.length === g.members.length ? g : { name: g.name, members });
    else changed = true;
  }
  return changed ? { version: 1, groups } : grouping;
}

/** The group a unit belongs to, or null. */
export function groupOf(grouping: Grouping, id: string): SheetGroup | null {
  return grouping.groups.find((g) => g.members.includes(id)) ?? null;
}
