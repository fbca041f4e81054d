/**
 * Auditfiles of one business checked as one: `kor-check klant-2025.xaf klant-2026.xaf` gives the 2026 report
 * with 2025 as its previous year. Files belong together when their VAT numbers (taxRegIdent) are the same
 * and their periods do not overlap (two exports of the same year would count its turnover twice).
 */
import * as path from "path";
import type { Localized } from "../i18n/types";
import { invoiceName } from "../i18n/xaf-messages";
import type { Problem } from "../rules/types";
import { coverageProblems, yearCoverage, type XafInfo, type XafRow } from "../reading/xaf";
import { yearOf, type Day } from "../rules/dates";
import type { SheetRead } from "./read";

export interface AuditfileRead {
  readonly file: string;
  readonly read: SheetRead;
}

export interface CombinedAuditfile {
  readonly file: string;
  readonly read: SheetRead;
  readonly auditfiles: readonly { file: string; info: XafInfo }[];
}

function vatKey(info: XafInfo | undefined): string | null {
  const id = info?.taxRegIdent;
  return id === null || id === undefined ? null : id.replace(/[\s.-]/g, "").toUpperCase();
}

function overlaps(a: XafInfo, b: XafInfo): boolean {
  if (a.startDay === null || a.endDay === null || b.startDay === null || b.endDay === null) return true;
  return a.startDay <= b.endDay && b.startDay <= a.endDay;
}

function prefixed(file: string, p: Problem): Problem {
  const name = path.basename(file);
  return { ...p, message: { nl: `${name}: ${p.message.nl}`, en: `${name}: ${p.message.en}` } };
}

function sameYearWarning(files: readonly AuditfileRead[]): Problem {
  const names = files.map((f) => path.basename(f.file)).join(", ");
  const message: Localized = {
    nl: `${names} zijn van dezelfde onderneming maar hun perioden overlappen; ze zijn apart gecontroleerd (samen zou de omzet dubbel tellen). Geef per jaar één auditfile.`,
    en: `${names} belong to the same business but their periods overlap; they were checked separately (together the turnover would count twice). Give one auditfile per year.`,
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
 * days after it are not missing from a year's coverage.
 */
export function combineAuditfiles(list: readonly AuditfileRead[], today: Day | null = null): CombinedAuditfile[] {
  return groupAuditfiles(list).map((c) => withCoverage(c, today));
}

function groupAuditfiles(list: readonly AuditfileRead[]): CombinedAuditfile[] {
  const groups = new Map<string, AuditfileRead[]>();
  const order: (AuditfileRead[])[] = [];
  for (const a of list) {
    const key = vatKey(a.read.xaf);
    const g = key === null ? undefined : groups.get(key);
    if (g !== undefined) g.push(a);
    else {
      const ng = [a];
      if (key !== null) groups.set(key, ng);
      order.push(ng);
    }
  }
  const out: CombinedAuditfile[] = [];
  for (const g of order) {
    const single = (a: AuditfileRead, extra: Problem[] = []): CombinedAuditfile => ({
      file: a.file,
      read: extra.length === 0 ? a.read : { ...a.read, problems: [...a.read.problems, ...extra] },
      auditfiles: a.read.xaf === undefined ? [] : [{ file: a.file, info: a.read.xaf }],
    });
    if (g.length === 1) {
      out.push(single(g[0]));
      continue;
    }
    const infos = g.map((a) => a.read.xaf as XafInfo);
    let clash = false;
    for (let i = 0; i < infos.length && !clash; i++) for (let j = i + 1; j < infos.length; j++) if (overlaps(infos[i], infos[j])) clash = true;
    if (clash) {
      const w = sameYearWarning(g);
      for (const a of g) out.push(single(a, [w]));
      continue;
    }
    out.push(merge(g));
  }
  return out;
}

function merge(g: readonly AuditfileRead[]): CombinedAuditfile {
  const sorted = [...g].sort((a, b) => ((a.read.xaf?.startDay ?? 0) - (b.read.xaf?.startDay ?? 0)));
  const rows: XafRow[] = [];
  const problems: Problem[] = [];
  for (const a of sorted) {
    for (const r of a.read.rows as XafRow[]) rows.push({ ...r, row: rows.length + 1 });
    for (const p of a.read.problems) problems.push(prefixed(a.file, p));
  }
  const byRow = new Map<number, XafRow>();
  for (const r of rows) byRow.set(r.row, r);
  const first = sorted[sorted.length - 1].read;
  const read: SheetRead = {
    sheet: first.sheet,
    rows,
    problems,
    rowCount: sorted.reduce((n, a) => n + a.read.rowCount, 0),
    errorCount: sorted.reduce((n, a) => n + a.read.errorCount, 0),
    errorCountIn: (years) => sorted.reduce((n, a) => n + a.read.errorCountIn(years), 0),
    droppedCountry: sorted.some((a) => a.read.droppedCountry === true),
    auditfile: true,
    rowName: (row) => {
      const r = byRow.get(row);
      return r === undefined ? { nl: `boeking ${row}`, en: `entry ${row}` } : invoiceName(r.ref, r.day);
    },
  };
  return { file: sorted.map((a) => a.file).join(" + "), read, auditfiles: sorted.map((a) => ({ file: a.file, info: a.read.xaf as XafInfo })) };
}
