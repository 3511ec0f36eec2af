/** The per-unit overview of an unattended run: what each unit sent and what state it is in. */
import { countBySeverity, dedupeFindings } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import type { FileResult } from '../validate/validate.js';
import type { Unit } from '../roster/units.js';
import { findUnitInText } from '../roster/resolve.js';
import { pushTo } from '../findings/cap.js';

export interface UnitOverview {
  /** canonical unit name; null for a file whose unit could not be told */
  unit: string | null;
  /** Annex 1 / Annex 2 files received for the unit */
  annex1: string[];
  annex2: string[];
  /** no error finding in the unit's files (null when nothing was received) */
  valid: boolean | null;
  errors: number;
  warnings: number;
  /** enterprises on its Annex 2 list(s) */
  enterprises: number | null;
  /** entries past their validity on the as-of date */
  expired: number;
}

/** A file that could not be read counts as received for the annex its name suggests. */
const LIST_NAME = /附表\s*2|附件\s*2|企业列表|企业名单/;

/** The unit a file belongs to: as validated, else (an unreadable file) as its name says — 巫山县…汇总表.xlsx. */
export function unitOfResult(r: FileResult, periodEnd?: string, cutover?: string): string | null {
  if (r.district) return r.district;
  const named = findUnitInText(r.name, periodEnd, cutover);
  return named?.kind === 'ok' ? named.unit.name : null;
}

/**
 * One row per roster unit in official order, then one per file whose unit could not be told
 * (named by its file, so nothing received is left out of the overview).
 */
export function unitOverview(roster: readonly Unit[], results: readonly FileResult[], extra: readonly Finding[] = [], periodEnd?: string, cutover?: string): UnitOverview[] {
  const byUnit = new Map<string, FileResult[]>();
  const unknown: FileResult[] = [];
  for (const r of results) {
    const unit = unitOfResult(r, periodEnd, cutover);
    if (unit) pushTo(byUnit, unit, r);
    else unknown.push(r);
  }
  const row = (name: string | null, files: FileResult[]): UnitOverview => {
    const fileNames = new Set(files.map((f) => f.file));
    // aggregate repeats a file's own problems (an unreadable file): count each once
    const findings = dedupeFindings([...files.flatMap((f) => f.findings), ...extra.filter((f) => f.file && fileNames.has(f.file))]);
    const c = countBySeverity(findings);
    const lists = files.filter((f) => f.kind === 'annex2' || f.annex2 || (f.kind === null && LIST_NAME.test(f.name)));
    return {
      unit: name,
      annex1: files.filter((f) => f.annex1 || (f.kind === null && !LIST_NAME.test(f.name))).map((f) => f.file),
      annex2: lists.map((f) => f.file),
      valid: files.length ? c.errors === 0 : null,
      errors: c.errors,
      warnings: c.warnings,
      enterprises: lists.length ? lists.reduce((n, f) => n + (f.annex2?.entries.length ?? 0), 0) : null,
      expired: findings.filter((f) => f.code === 'entry-expired').length,
    };
  };
  const out = roster.map((u) => row(u.name, byUnit.get(u.name) ?? []));
  // units outside the period's roster (e.g. a merged-away unit's late file) and files of no unit
  for (const [name, files] of byUnit) if (!roster.some((u) => u.name === name)) out.push(row(name, files));
  for (const r of unknown) out.push(row(null, [r]));
  return out;
}
