/**
 * Auditfiles of one business checked as one: `kor-check klant-2025.xaf klant-2026.xaf` gives the 2026 report
 * with 2025 as its previous year. Files belong together when their VAT numbers (taxRegIdent) or their KvK
 * numbers (companyIdent of eight digits) are the same. Days two of them cover (overlapping periods, the same
 * period twice) count once, from one file, compared with the other (merge).
 */
import * as path from "path";
import type { Localized } from "../i18n/types";
import { duplicateDiffersText, duplicateOutsideText, invoiceName, overlapText, strayCopyText } from "../i18n/xaf-messages";
import { visibleControls } from "../i18n/safeText";
import { shortened } from "../i18n/messages";
import type { Problem } from "../rules/types";
import { coverageProblems, yearCoverage, type XafHeader, type XafInfo, type XafRow } from "../reading/xaf";
import { dayFromYmd, yearOf, type Day } from "../rules/dates";
import { countsForKor } from "../rules/categories";
import type { SheetRead } from "./read";
import { countEn, countNl } from "../rules/text";

export interface AuditfileRead {
  readonly file: string;
  readonly read: SheetRead;
}

export interface CombinedAuditfile {
  readonly file: string;
  readonly read: SheetRead;
  readonly auditfiles: readonly { file: string; info: XafInfo }[];
}

/**
 * The VAT number as compared across files: spaces, dots and hyphens ignored, a Dutch number with or without its
 * "NL" (3.2 writes the country apart, in taxRegistrationCountry). A placeholder ("-", "n.v.t.", "onbekend", a
 * number of zeros) is no VAT number: it would join the files of every business that wrote it.
 */
function vatKey(info: XafHeader | undefined): string | null {
  const id = info?.taxRegIdent;
  if (id === null || id === undefined) return null;
  const s = id.replace(/[\s.\-/]/g, "").toUpperCase();
  const nl = /^(?:NL)?(\d{9}B\d{2})$/.exec(s);
  if (nl !== null) return /^0+B\d{2}$/.test(nl[1]) ? null : `NL${nl[1]}`;
  const digits = s.replace(/\D/g, "");
  return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(s) && /[1-9]/.test(digits) && digits.length >= 2 ? s : null;
}

function prefixed(file: string, p: Problem): Problem {
  const name = path.basename(file);
  return { ...p, message: { nl: `${name}: ${p.message.nl}`, en: `${name}: ${p.message.en}` } };
}

function sameYearWarning(files: readonly AuditfileRead[]): Problem {
  const names = files.map((f) => path.basename(f.file)).join(", ");
  const message: Localized = {
    nl: `${names} zijn van dezelfde onderneming, maar niet elk heeft een periode in de header (startDate, endDate): welke dagen elk bestand bevat is niet te zeggen. Ze zijn apart gecontroleerd (samen kon de omzet dubbel tellen), dus een vorig jaar dat in een ander bestand staat ontbreekt hier. Maak de auditfiles opnieuw aan met hun periode.`,
    en: `${names} belong to the same business, but not each has a period in its header (startDate, endDate): which days each file holds cannot be told. They were checked separately (together the turnover could count twice), so a previous year in another file is missing here. Export the auditfiles again with their period.`,
  };
  return { row: null, severity: "warning", code: "xaf-overlap", column: null, value: null, message, day: null };
}

/**
 * The group with the errors for the years its header periods do not cover whole (coverageProblems), counted
 * in the years they are dated in, so only a verdict that depends on such a year is uncertain.
 */
function withCoverage(c: CombinedAuditfile, today: Day | null): CombinedAuditfile {
  if (c.auditfiles.length === 0) return c;
  const periods = c.auditfiles.map((a) => a.info);
  const extra = coverageProblems(periods, c.read.rows, today);
  if (extra.length === 0) return c;
  const base = c.read;
  return {
    ...c,
    read: {
      ...base,
      yearCoverage: yearCoverage(periods, today),
      problems: [...base.problems, ...extra],
      errorCount: base.errorCount + extra.length,
      errorCountIn: (years) => base.errorCountIn(years) + extra.filter((p) => p.day !== null && p.day !== undefined && years.includes(yearOf(p.day))).length,
    },
  };
}

/**
 * Groups the auditfiles read; a group of one is passed through. Order: as the files were given. `today`: the
 * days after it are not missing from a year's coverage. `notJoined`: warnings every report carries, from
 * grouping before the files were read (auditfileBusinesses: files of the same name in another business).
 */
export function combineAuditfiles(list: readonly AuditfileRead[], today: Day | null = null, notJoined: readonly Problem[] = []): CombinedAuditfile[] {
  return groupAuditfiles(list, notJoined).map((c) => withCoverage(c, today));
}

/** The KvK number (`companyIdent` of eight digits; a package's own "1" or administration code is no KvK number). */
function kvkKey(info: XafHeader | undefined): string | null {
  const id = info?.companyIdent?.replace(/[\s.]/g, "") ?? null;
  return id !== null && /^\d{8}$/.test(id) ? id : null;
}

/** An auditfile as it is grouped: its name and what its header says (undefined: nothing, it was not read). */
export interface KeyedAuditfile {
  readonly file: string;
  readonly xaf: XafHeader | undefined;
}

/**
 * The files of one business together (indices into `list`): the same VAT number (taxRegIdent) or the same KvK
 * number (companyIdent), also through a third file (a 2025 file with both numbers joins a 2026 file with only
 * one). Order: as given.
 */
function businesses(list: readonly KeyedAuditfile[]): number[][] {
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const seen = new Map<string, number>();
  list.forEach((a, i) => {
    const vat = vatKey(a.xaf);
    const kvk = kvkKey(a.xaf);
    for (const key of [vat === null ? null : `btw:${vat}`, kvk === null ? null : `kvk:${kvk}`]) {
      if (key === null) continue;
      const j = seen.get(key);
      if (j === undefined) seen.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  list.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [i]);
    else g.push(i);
  });
  return [...groups.values()];
}

/** A company name as compared across files: case, spaces and punctuation ignored. */
const nameKey = (info: XafHeader | undefined): string | null => {
  const n = info?.companyName?.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "") ?? "";
  return n === "" ? null : n;
};

/**
 * Files of the same company name that were not joined, when their numbers do not tell them apart: one of them has
 * no VAT or KvK number (or a placeholder), so whether they are one business cannot be told. Each is told so,
 * naming the others, as a previous year in another file is then missing from its report. Not joined on a name:
 * two businesses can share one. Files whose VAT or KvK numbers differ are apart by their numbers: nothing said.
 */
function unjoinedWarnings(list: readonly KeyedAuditfile[], groups: readonly number[][]): Map<number, Problem> {
  const out = new Map<number, Problem>();
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
  const numbered = (i: number): boolean => vatKey(list[i].xaf) !== null || kvkKey(list[i].xaf) !== null;
  // Files of one name together first: a folder of thousands of files is not compared pair by pair.
  const byName = new Map<string, number[]>();
  list.forEach((a, i) => {
    const key = a.xaf === undefined ? null : nameKey(a.xaf);
    if (key === null) return;
    const same = byName.get(key);
    if (same === undefined) byName.set(key, [i]);
    else same.push(i);
  });
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const unnumbered = same.filter((i) => !numbered(i));
    if (unnumbered.length === 0) continue;
    // Per business: how many files of this name it has, and how many of them have no number.
    const inGroup = new Map<number, { all: number; unnumbered: number }>();
    for (const i of same) {
      const c = inGroup.get(groupOf.get(i) ?? -1) ?? { all: 0, unnumbered: 0 };
      c.all++;
      if (!numbered(i)) c.unnumbered++;
      inGroup.set(groupOf.get(i) ?? -1, c);
    }
    for (const index of same) {
      const a = list[index];
      const own = inGroup.get(groupOf.get(index) ?? -1) ?? { all: 0, unnumbered: 0 };
      // A file with a number is told of the files of its name without one; a file without, of every file of its name.
      const candidates = numbered(index) ? unnumbered : same;
      const count = candidates.length - (numbered(index) ? own.unnumbered : own.all);
      if (count === 0) continue;
      const others = firstOf(candidates, NAMED_FILES, (i) => groupOf.get(i) !== groupOf.get(index)).map((i) => path.basename(list[i].file));
      // The files without a number among this one and the others.
      const withoutCount = numbered(index) ? count : unnumbered.length - own.unnumbered + 1;
      const without = numbered(index) ? others : [path.basename(a.file), ...firstOf(unnumbered, NAMED_FILES - 1, (i) => groupOf.get(i) !== groupOf.get(index)).map((i) => path.basename(list[i].file))];
      const name = visibleControls(shortened(a.xaf?.companyName ?? ""));
      const message: Localized = {
        nl: `${path.basename(a.file)} is niet samengenomen met ${namesText(others, count, "nl")} van dezelfde naam (${name}): ${namesText(without, withoutCount, "nl")} ${withoutCount === 1 ? "heeft" : "hebben"} geen btw-nummer en geen KvK-nummer (taxRegIdent, companyIdent), dus of het één onderneming is, is niet te zeggen. Een vorig jaar dat in het andere bestand staat, is hier niet gebruikt. Is het één onderneming, geef dan het vorige jaar met --previous-year-turnover of maak de auditfile opnieuw aan met het btw-nummer.`,
        en: `${path.basename(a.file)} was not joined with ${namesText(others, count, "en")} of the same name (${name}): ${namesText(without, withoutCount, "en")} ${withoutCount === 1 ? "has" : "have"} no VAT number and no KvK number (taxRegIdent, companyIdent), so whether they are one business cannot be told. A previous year in the other file was not used here. If it is one business, give the previous year with --previous-year-turnover or export the auditfile again with the VAT number.`,
      };
      out.set(index, { row: null, severity: "warning", code: "xaf-not-joined", column: null, value: null, message, day: null });
    }
  }
  return out;
}

/** Files named in a message at most; the rest are counted ("and 997 other files"), so a message stays short. */
const NAMED_FILES = 3;

/** The first `n` of `xs` that pass `keep`. */
function firstOf(xs: readonly number[], n: number, keep: (x: number) => boolean): number[] {
  const out: number[] = [];
  for (const x of xs) {
    if (out.length >= n) break;
    if (keep(x)) out.push(x);
  }
  return out;
}

/** File names for a message in both languages: the first NAMED_FILES named, the rest counted (namesText). */
export function filesText(names: readonly string[]): Localized {
  const shown = names.slice(0, NAMED_FILES);
  return { nl: namesText(shown, names.length, "nl"), en: namesText(shown, names.length, "en") };
}

/** "a.xaf", "a.xaf en b.xaf", "a.xaf, b.xaf en c.xaf", or with more than named: "a.xaf, b.xaf, c.xaf en 997 andere bestanden". */
function namesText(names: readonly string[], total: number, lang: "nl" | "en"): string {
  const and = lang === "nl" ? "en" : "and";
  if (total > names.length) {
    const rest = total - names.length;
    return `${names.join(", ")} ${and} ${rest} ${lang === "nl" ? (rest === 1 ? "ander bestand" : "andere bestanden") : rest === 1 ? "other file" : "other files"}`;
  }
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}

/**
 * For a file whose header could not be read before the run (readXafHeader gave nothing: a read error on a network
 * share, say) but which was then read whole: it was checked on its own, not with the other files of its business.
 */
export function headerUnreadWarning(file: string): Problem {
  const name = path.basename(file);
  const message: Localized = {
    nl: `De kop van ${name} kon vóór de controle niet worden gelezen, dus is het niet samengenomen met andere auditfiles van dezelfde onderneming: een vorig jaar in een ander bestand is hier niet gebruikt. Controleer opnieuw.`,
    en: `The header of ${name} could not be read before the check, so it was not joined with other auditfiles of the same business: a previous year in another file was not used here. Check again.`,
  };
  return { row: null, severity: "warning", code: "xaf-not-grouped", column: null, value: null, message, day: null };
}

/**
 * The auditfiles given, put together per business by what their headers say (readXafHeader), before any is read
 * whole: each business's files (indices into `list`) with the warnings every report of it carries (another file
 * of its name that was not joined, xaf-not-joined). combineAuditfiles of a business's files read gives its reports.
 */
export function auditfileBusinesses(list: readonly KeyedAuditfile[]): { readonly members: readonly number[]; readonly notJoined: readonly Problem[] }[] {
  const groups = businesses(list);
  const unjoined = unjoinedWarnings(list, groups);
  return groups.map((members) => ({ members, notJoined: members.map((i) => unjoined.get(i)).filter((w): w is Problem => w !== undefined) }));
}

function groupAuditfiles(list: readonly AuditfileRead[], given: readonly Problem[]): CombinedAuditfile[] {
  const out: CombinedAuditfile[] = [];
  const withProblems = (read: SheetRead, extra: readonly Problem[]): SheetRead => (extra.length === 0 ? read : { ...read, problems: [...read.problems, ...extra] });
  for (const business of auditfileBusinesses(list.map((a) => ({ file: a.file, xaf: a.read.xaf })))) {
    const g = business.members.map((i) => list[i]);
    // Said on every report of the group: another file of its name was not joined (its previous year may be there).
    const notJoined = [...given, ...business.notJoined];
    const single = (a: AuditfileRead, extra: Problem[] = []): CombinedAuditfile => ({
      file: a.file,
      read: withProblems(a.read, [...extra, ...notJoined]),
      auditfiles: a.read.xaf === undefined ? [] : [{ file: a.file, info: a.read.xaf }],
    });
    if (g.length === 1) {
      out.push(single(g[0]));
      continue;
    }
    const extra: Problem[] = [];
    // Joined on the KvK number though the VAT numbers differ: said, as it decides whose turnover counts.
    const kvkJoin = kvkJoinWarning(g);
    if (kvkJoin !== null) extra.push(kvkJoin);
    // Without a header period a file's days cannot be told apart from another's: checked apart.
    if (g.some((a) => a.read.xaf?.startDay === null || a.read.xaf?.startDay === undefined || a.read.xaf.endDay === null)) {
      const w = sameYearWarning(g);
      for (const a of g) out.push(single(a, [w, ...extra]));
      continue;
    }
    const m = merge(g);
    out.push({ ...m, read: withProblems(m.read, [...extra, ...notJoined]) });
  }
  return out;
}

/**
 * Files joined because they have the same KvK number while their VAT numbers differ (a sole trader's btw-id and
 * omzetbelastingnummer, written by two packages): said with both numbers, so a bookkeeper sees whose turnover
 * decides and can check the files one at a time when they are two businesses. Null: no such difference.
 */
function kvkJoinWarning(g: readonly AuditfileRead[]): Problem | null {
  const vats = [...new Set(g.map((a) => vatKey(a.read.xaf)).filter((v): v is string => v !== null))];
  if (vats.length < 2) return null;
  const kvks = [...new Set(g.map((a) => kvkKey(a.read.xaf)).filter((v): v is string => v !== null))];
  const names = g.map((a) => `${path.basename(a.file)} (${vatKey(a.read.xaf) ?? "-"})`);
  const list = (lang: "nl" | "en"): string => `${names.slice(0, -1).join(", ")} ${lang === "nl" ? "en" : "and"} ${names[names.length - 1]}`;
  const kvk = kvks.join(", ");
  const message: Localized = {
    nl: `${list("nl")} hebben verschillende btw-nummers maar hetzelfde KvK-nummer (${kvk}), dus zijn ze als één onderneming gecontroleerd (een eenmanszaak heeft een btw-id en een omzetbelastingnummer; pakketten schrijven soms het ene, soms het andere). Zijn het twee ondernemingen, controleer de bestanden dan elk apart.`,
    en: `${list("en")} have different VAT numbers but the same KvK number (${kvk}), so they were checked as one business (a sole trader has a VAT ID and a turnover tax number; packages write one or the other). If they are two businesses, check the files one at a time.`,
  };
  return { row: null, severity: "warning", code: "xaf-joined-kvk", column: null, value: null, message, day: null };
}

interface Part {
  readonly a: AuditfileRead;
  readonly name: string;
  readonly start: Day;
  readonly end: Day;
  /** Order among the files: by start, then as given. */
  readonly index: number;
}

/** Of the files covering a day, the one whose entries count: the one that starts last, then ends last, then the first given. */
function better(x: Part, y: Part): Part {
  if (x.start !== y.start) return x.start > y.start ? x : y;
  if (x.end !== y.end) return x.end > y.end ? x : y;
  return x.index < y.index ? x : y;
}

/** A stretch of days (within one year) that the same files cover, and the file whose entries count there. */
interface Segment {
  readonly from: Day;
  readonly to: Day;
  readonly parts: readonly Part[];
  readonly kept: Part;
}

function segmentsOf(parts: readonly Part[]): Segment[] {
  const cuts = new Set<number>();
  for (const p of parts) {
    cuts.add(p.start);
    cuts.add(p.end + 1);
    for (let y = yearOf(p.start) + 1; y <= yearOf(p.end); y++) cuts.add(dayFromYmd(y, 1, 1));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i];
    const to = sorted[i + 1] - 1;
    const covering = parts.filter((p) => p.start <= from && p.end >= to);
    if (covering.length === 0) continue;
    out.push({ from, to, parts: covering, kept: covering.reduce(better) });
  }
  return out;
}

function segmentAt(segments: readonly Segment[], day: Day): Segment | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (day < s.from) hi = mid - 1;
    else if (day > s.to) lo = mid + 1;
    else return s;
  }
  return null;
}

/** An entry row's identity across two exports of the same bookkeeping. */
const rowKey = (r: XafRow): string => `${r.ref}|${r.day}|${r.cents}|${r.category ?? ""}`;

interface Tally {
  entries: Set<string>;
  /** Each entry row (rowKey) with how often it occurs: two exports agree when these are the same. */
  rows: Map<string, number>;
  countableCents: number;
  cents: number;
}

const tally = (): Tally => ({ entries: new Set<string>(), rows: new Map<string, number>(), countableCents: 0, cents: 0 });

function add(t: Tally, r: XafRow): void {
  t.entries.add(`${r.ref}|${r.day}`);
  const k = rowKey(r);
  t.rows.set(k, (t.rows.get(k) ?? 0) + 1);
  t.cents += r.cents;
  if (countsForKor(r.category)) t.countableCents += r.cents;
}

function sameRows(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}


/** An entry's reference and day: the same entry in two exports, whatever its amount there. */
const entryKey = (r: XafRow): string => `${r.ref}|${r.day}`;

interface Pair {
  readonly other: Part;
  readonly kept: Part;
  readonly from: Day;
  to: Day;
  readonly keptTally: Tally;
  readonly otherTally: Tally;
  /** The other file's entries the kept file lacks (no entry of that reference and day), counted too. */
  readonly added: Tally;
}

function joinTally(t: Tally, u: Tally): void {
  for (const e of u.entries) t.entries.add(e);
  for (const [k, n] of u.rows) t.rows.set(k, (t.rows.get(k) ?? 0) + n);
  t.cents += u.cents;
  t.countableCents += u.countableCents;
}

/**
 * The files of one business as one: rows in order of the files' periods. Days two files cover (an overlap, or
 * the same period twice) count once, from the file that starts last there (`better`), never both copies of an
 * entry; the other file's entries of those days are compared with them, row by row (reference, day, amount,
 * category, as often as they occur): the same is a warning, else an error of that year (`xaf-overlap`). The
 * other file's entries of a reference and day the counted file lacks are counted too (two administrations of one
 * business both count; never fewer than either file holds), and said. An entry dated outside its own file's period
 * on a day another file covers, that the other holds too (same reference, day, amount, category), is counted once,
 * as often as the other holds it.
 */
function merge(g: readonly AuditfileRead[]): CombinedAuditfile {
  const sorted = [...g].sort((a, b) => ((a.read.xaf?.startDay ?? 0) - (b.read.xaf?.startDay ?? 0)));
  const parts: Part[] = sorted.map((a, index) => ({ a, name: path.basename(a.file), start: a.read.xaf?.startDay ?? 0, end: a.read.xaf?.endDay ?? 0, index }));
  const segments = segmentsOf(parts);
  // Per pair (the file not counted there, the file counted) and overlapping segment: what each holds.
  const pairs = new Map<string, Pair>();
  const pairOf = (other: Part, kept: Part, seg: Segment): Pair => {
    const key = `${other.index}|${kept.index}|${seg.from}`;
    let p = pairs.get(key);
    if (p === undefined) {
      p = { other, kept, from: seg.from, to: seg.to, keptTally: tally(), otherTally: tally(), added: tally() };
      pairs.set(key, p);
    }
    return p;
  };
  for (const seg of segments) for (const o of seg.parts) if (o !== seg.kept) pairOf(o, seg.kept, seg);
  const count = (m: Map<string, number>, k: string, by = 1): void => {
    m.set(k, (m.get(k) ?? 0) + by);
  };
  const take = (m: Map<string, number>, k: string): boolean => {
    const n = m.get(k) ?? 0;
    if (n <= 0) return false;
    m.set(k, n - 1);
    return true;
  };
  type Copies = Map<string, { file: Part; other: Part; count: number; cents: number; day: Day }>;
  const duplicates: Copies = new Map();
  const differing = new Map<string, { file: Part; other: Part; count: number; first: XafRow; otherCents: number; day: Day }>();
  const copies: Copies = new Map();
  // One more row of `file` counted once, from `other`: how many, their countable sum and the first day, per pair.
  const countedOnce = (m: Copies, file: Part, other: Part, r: XafRow): void => {
    const key = `${file.index}|${other.index}`;
    const c = m.get(key) ?? { file, other, count: 0, cents: 0, day: r.day };
    c.count++;
    if (countsForKor(r.category)) c.cents += r.cents;
    if (r.day < c.day) c.day = r.day;
    m.set(key, c);
  };
  const rows: XafRow[] = [];
  // Per overlapping segment: the kept file's rows (rowKey) and entries (reference and day), how often each, and the
  // other files' rows of those days.
  const keptRows = new Map<Segment, Map<string, number>>();
  const keptEntries = new Map<Segment, Map<string, number>>();
  const pending = new Map<Segment, { part: Part; r: XafRow }[]>();
  // Rows dated outside their own file's period, with the file counted on that day (null: no file covers it).
  const outside: { part: Part; holder: Part | null; r: XafRow }[] = [];
  let dropped = 0;
  for (const part of parts) {
    for (const r of part.a.read.rows as XafRow[]) {
      const seg = segmentAt(segments, r.day);
      const own = r.day >= part.start && r.day <= part.end;
      if (!own) {
        outside.push({ part, holder: seg === null ? null : seg.kept, r });
        dropped++;
        continue;
      }
      if (seg !== null && seg.parts.length > 1) {
        if (seg.kept === part) {
          for (const o of seg.parts) if (o !== part) add(pairOf(o, part, seg).keptTally, r);
          const m = keptRows.get(seg) ?? new Map<string, number>();
          count(m, rowKey(r));
          keptRows.set(seg, m);
          const e = keptEntries.get(seg) ?? new Map<string, number>();
          count(e, entryKey(r));
          keptEntries.set(seg, e);
        } else {
          add(pairOf(part, seg.kept, seg).otherTally, r);
          const list = pending.get(seg) ?? [];
          list.push({ part, r });
          pending.set(seg, list);
          dropped++;
          continue;
        }
      }
      rows.push({ ...r, row: rows.length + 1 });
    }
  }
  const counted = (r: XafRow): void => {
    rows.push({ ...r, row: rows.length + 1 });
    dropped--;
  };
  // The other files' entries of a reference and day the kept file lacks count too. First the rows the kept file
  // holds exactly, then those it holds with another amount (an error, said above), so a credit note with the
  // invoice's reference never takes the invoice's place. A file after the first matches those the first added as
  // well, so three files never count one entry twice.
  for (const [seg, list] of pending) {
    const baseRows = new Map(keptRows.get(seg) ?? []);
    const baseEntries = new Map(keptEntries.get(seg) ?? []);
    for (const o of seg.parts) {
      if (o === seg.kept) continue;
      const leftRows = new Map(baseRows);
      const leftEntries = new Map(baseEntries);
      const mine = list.filter((x) => x.part === o).map((x) => x.r);
      const rest = mine.filter((r) => {
        if (!take(leftRows, rowKey(r))) return true;
        take(leftEntries, entryKey(r));
        return false;
      });
      for (const r of rest) {
        if (take(leftEntries, entryKey(r))) continue;
        add(pairOf(o, seg.kept, seg).added, r);
        count(baseRows, rowKey(r));
        count(baseEntries, entryKey(r));
        counted(r);
      }
    }
  }
  // Rows dated outside their own file's period. On a day another file covers: the same entry there counts once,
  // from that file (a warning); the same reference and day with another amount counts once too, from that file, and
  // is an error (which amount is right cannot be told). The rest, and rows of days no file covers, count, but a row
  // several files hold outside their periods (two exports of 2026 with the same late 2025 booking) counts as often
  // as the file that holds it most often, not once per file.
  const byPair = new Map<string, { part: Part; holder: Part; rows: XafRow[] }>();
  const unmatched: { part: Part; r: XafRow }[] = [];
  for (const x of outside) {
    if (x.holder === null) {
      unmatched.push(x);
      continue;
    }
    const key = `${x.part.index}|${x.holder.index}`;
    const g = byPair.get(key) ?? { part: x.part, holder: x.holder, rows: [] };
    g.rows.push(x.r);
    byPair.set(key, g);
  }
  for (const [key, { part, holder, rows: mine }] of byPair) {
    const leftRows = new Map<string, number>();
    const leftEntries = new Map<string, number>();
    const holderCents = new Map<string, number>();
    for (const r of holder.a.read.rows as XafRow[]) {
      if (r.day < holder.start || r.day > holder.end) continue;
      count(leftRows, rowKey(r));
      count(leftEntries, entryKey(r));
      if (countsForKor(r.category)) count(holderCents, entryKey(r), r.cents);
    }
    const rest = mine.filter((r) => {
      if (!take(leftRows, rowKey(r))) return true;
      take(leftEntries, entryKey(r));
      countedOnce(duplicates, part, holder, r);
      return false;
    });
    for (const r of rest) {
      if (take(leftEntries, entryKey(r))) {
        const d = differing.get(key) ?? { file: part, other: holder, count: 0, first: r, otherCents: holderCents.get(entryKey(r)) ?? 0, day: r.day };
        d.count++;
        if (r.day < d.day) d.day = r.day;
        differing.set(key, d);
        continue;
      }
      unmatched.push({ part, r });
    }
  }
  const held = new Map<Part, Map<string, number>>();
  for (const part of parts) {
    const mine = new Map<string, number>();
    held.set(part, mine);
    for (const { r } of unmatched.filter((x) => x.part === part)) {
      const k = rowKey(r);
      const earlier = parts.filter((q) => q.index < part.index).map((q) => ({ q, n: held.get(q)?.get(k) ?? 0 }));
      const most = earlier.reduce((m, x) => (x.n > m.n ? x : m), { q: part, n: 0 });
      if ((mine.get(k) ?? 0) < most.n) {
        count(mine, k);
        countedOnce(copies, part, most.q, r);
        continue;
      }
      count(mine, k);
      counted(r);
    }
  }
  const problems: Problem[] = [];
  for (const part of parts) for (const p of part.a.read.problems) problems.push(prefixed(part.a.file, p));
  const overlapErrors: Problem[] = [];
  // Adjacent segments of the same pair, in one year, are said together.
  const joined: Pair[] = [];
  for (const p of [...pairs.values()].sort((x, y) => x.from - y.from)) {
    const last = joined.find((j) => j.other === p.other && j.kept === p.kept && j.to + 1 === p.from && yearOf(j.from) === yearOf(p.from));
    if (last === undefined) {
      const copy = (t: Tally): Tally => ({ ...t, entries: new Set(t.entries), rows: new Map(t.rows) });
      joined.push({ ...p, keptTally: copy(p.keptTally), otherTally: copy(p.otherTally), added: copy(p.added) });
      continue;
    }
    last.to = p.to;
    joinTally(last.keptTally, p.keptTally);
    joinTally(last.otherTally, p.otherTally);
    joinTally(last.added, p.added);
  }
  for (const j of joined) {
    const k = j.keptTally;
    const o = j.otherTally;
    const agree = sameRows(k.rows, o.rows);
    const sameFigures = k.entries.size === o.entries.size && k.countableCents === o.countableCents;
    const added = j.added.entries.size === 0 ? null : { entries: j.added.entries.size, countableCents: j.added.countableCents };
    const message = overlapText(j.kept.name, j.other.name, j.from, j.to, { entries: k.entries.size, countableCents: k.countableCents }, { entries: o.entries.size, countableCents: o.countableCents }, agree, sameFigures, added);
    const p: Problem = { row: null, severity: agree ? "warning" : "error", code: "xaf-overlap", column: null, value: null, message, day: j.from };
    problems.push(p);
    if (!agree) overlapErrors.push(p);
  }
  for (const d of duplicates.values()) {
    problems.push({ row: null, severity: "warning", code: "xaf-duplicate-entry", column: null, value: null, message: duplicateOutsideText(d.file.name, d.other.name, d.count, d.cents), day: d.day });
  }
  for (const d of differing.values()) {
    const hereCents = countsForKor(d.first.category) ? d.first.cents : 0;
    const p: Problem = {
      row: null,
      severity: "error",
      code: "xaf-duplicate-entry",
      column: null,
      value: null,
      message: duplicateDiffersText(d.file.name, d.other.name, d.count, invoiceName(d.first.ref, d.first.day), hereCents, d.otherCents),
      day: d.day,
    };
    problems.push(p);
    overlapErrors.push(p);
  }
  for (const c of copies.values()) {
    problems.push({ row: null, severity: "warning", code: "xaf-duplicate-entry", column: null, value: null, message: strayCopyText(c.file.name, c.other.name, c.count, c.cents), day: c.day });
  }
  const byRow = new Map<number, XafRow>();
  for (const r of rows) byRow.set(r.row, r);
  const first = sorted[sorted.length - 1].read;
  const read: SheetRead = {
    sheet: first.sheet,
    rows,
    problems,
    rowCount: sorted.reduce((n, a) => n + a.read.rowCount, 0) - dropped,
    errorCount: sorted.reduce((n, a) => n + a.read.errorCount, 0) + overlapErrors.length,
    errorCountIn: (years) => sorted.reduce((n, a) => n + a.read.errorCountIn(years), 0) + overlapErrors.filter((p) => p.day !== null && p.day !== undefined && years.includes(yearOf(p.day))).length,
    droppedCountry: sorted.some((a) => a.read.droppedCountry === true),
    auditfile: true,
    rowName: (row) => {
      const r = byRow.get(row);
      return r === undefined ? { nl: `boeking ${row}`, en: `entry ${row}` } : invoiceName(r.ref, r.day);
    },
  };
  return { file: sorted.map((a) => a.file).join(" + "), read, auditfiles: sorted.map((a) => ({ file: a.file, info: a.read.xaf as XafInfo })) };
}

/**
 * The year to check when none is given: the latest year the files' header periods reach, not after today's year,
 * when entries dated after it (and not after today's year) would otherwise pick a later one. A 2025 auditfile with
 * one entry dated in February 2026 is the 2025 report (before, it was a 2026 report on that one entry). With a note
 * naming those entries. Null: the usual default (the latest year with entries), also when the year before the
 * header's may not have been kept (older than today's year − 3, see readOptionsFor).
 */
export function auditfileYear(c: CombinedAuditfile, today: Day): { year: number; note: Problem } | null {
  if (c.auditfiles.length === 0 || c.auditfiles.some((a) => a.info.startDay === null || a.info.endDay === null)) return null;
  const todayYear = yearOf(today);
  const header = Math.min(todayYear, Math.max(...c.auditfiles.map((a) => yearOf(a.info.endDay as Day))));
  if (Math.min(...c.auditfiles.map((a) => yearOf(a.info.startDay as Day))) > header || header - 1 < todayYear - 3) return null;
  const later = new Map<number, Set<string>>();
  for (const r of c.read.rows as XafRow[]) {
    const y = yearOf(r.day);
    if (y <= header || y > todayYear) continue;
    const s = later.get(y) ?? new Set<string>();
    s.add(`${r.ref}|${r.day}`);
    later.set(y, s);
  }
  if (later.size === 0) return null;
  const years = [...later.keys()].sort((a, b) => a - b);
  const count = years.reduce((n, y) => n + (later.get(y)?.size ?? 0), 0);
  const last = years[years.length - 1];
  const message: Localized = {
    nl: `De auditfile(s) gaan tot en met ${header} (de periode in hun header), dus ${header} is gecontroleerd. ${countNl(count)} ${count === 1 ? "boeking is" : "boekingen zijn"} gedateerd in ${years.join(", ")}; ${count === 1 ? "die bepaalde" : "die bepaalden"} het jaar niet. Controleer ${last} met --year ${last}, samen met de auditfile van ${last}.`,
    en: `The auditfile(s) run to ${header} (the period in their header), so ${header} was checked. ${countEn(count)} ${count === 1 ? "entry is" : "entries are"} dated in ${years.join(", ")}; ${count === 1 ? "it did" : "they did"} not pick the year. Check ${last} with --year ${last}, together with the auditfile of ${last}.`,
  };
  return { year: header, note: { row: null, severity: "warning", code: "xaf-later-entries", column: null, value: null, message } };
}
