/**
 * The sum: every unit of the period's roster in official order, one source of figures each, exact
 * integer totals. Two sources for one unit are never silently summed twice or dropped.
 */
import { FIGURE_KEYS, zeroFigures, type FigureKey, type Figures } from '../layout/annex1.js';
import type { Unit, IsoDate } from '../roster/units.js';
import { finding, cmp } from '../findings/make.js';
import type { Finding, Severity } from '../findings/types.js';
import type { DuplicateDecision, Where } from '../findings/catalogue/aggregate.js';
import { sumExact } from '../values/numbers.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['district-duplicate'] as const satisfies readonly FindingCode[];

/** One unit's figures as found in one file (a district's own file, or one row of a multi-unit table). */
export interface UnitSource {
  /** canonical unit name in the period's roster */
  unit: string;
  file: string;
  /** the file's base name, for messages (the finding's `file` carries the path) */
  name?: string;
  sheet?: string;
  /** worksheet row holding the figures */
  row?: number;
  /** the 地市 cell of that row */
  cell?: string;
  /** where each figure sits (for findings at the cell) */
  refs?: Partial<Record<FigureKey, string>>;
  /** null: the figures could not all be read (never counted as zeros) */
  values: Figures | null;
  reportDate?: IsoDate;
  /** a row of a table covering several units (e.g. a city summary): a unit's own file supersedes it */
  summaryRow?: boolean;
  /** the file could not be read at all and was attributed to the unit by its name only */
  nameOnly?: boolean;
}

export type UnitStatus = 'ok' | 'missing' | 'unreadable' | 'duplicate';

export interface UnitSlot {
  unit: Unit;
  status: UnitStatus;
  /** the source counted (ok), or the one that failed to read (unreadable) */
  source?: UnitSource;
  /** every file that spoke for the unit when it is a duplicate left out of the sum */
  files?: string[];
  values: Figures | null;
}

export interface SumResult {
  slots: UnitSlot[];
  /** sum over the slots with status ok */
  total: Figures;
  findings: Finding[];
  /** multi-unit tables whose rows were superseded by units' own files: file → units */
  superseded: Map<string, string[]>;
}

export function sameFigures(a: Figures, b: Figures): boolean {
  return FIGURE_KEYS.every((k) => a[k] === b[k]);
}

export function sumFigures(list: readonly Figures[]): Figures {
  const out = zeroFigures();
  for (const k of FIGURE_KEYS) out[k] = sumExact(list.map((f) => f[k]));
  return out;
}

/** How a source is named in messages: the file name, with the row when it is one row of a table of several units. */
function namer(rows: boolean): (s: UnitSource) => Where {
  return (s) => (s.row !== undefined && (s.summaryRow || rows) ? { file: s.name ?? s.file, row: s.row } : { file: s.name ?? s.file });
}

/**
 * Choose each roster unit's source and add them up.
 * - A unit's own file beats a row of a multi-unit table (a city summary left in the inbox is not a duplicate).
 * - A file attributed only by its name (unreadable) gives way to any readable source.
 * - Several sources with identical figures: counted once (warning).
 * - Otherwise the one with a clearly later 填报时间 is counted (error, saying so); if none is clearly later,
 *   none is counted (error, saying so) and the unit is marked `duplicate`.
 * `severity` overrides the findings' severity (used for the previous period's files).
 */
export function sumUnits(roster: readonly Unit[], sources: readonly UnitSource[], severity?: Severity): SumResult {
  const findings: Finding[] = [];
  const superseded = new Map<string, string[]>();
  const byUnit = new Map<string, UnitSource[]>();
  for (const s of sources) {
    const list = byUnit.get(s.unit) ?? [];
    list.push(s);
    byUnit.set(s.unit, list);
  }
  const slots: UnitSlot[] = [];
  for (const unit of roster) {
    let cands = [...(byUnit.get(unit.name) ?? [])].sort((a, b) => cmp(a.file, b.file) || (a.row ?? 0) - (b.row ?? 0));
    if (cands.length === 0) {
      slots.push({ unit, status: 'missing', values: null });
      continue;
    }
    if (cands.some((c) => !c.summaryRow)) {
      for (const c of cands.filter((c) => c.summaryRow)) {
        const l = superseded.get(c.file) ?? [];
        l.push(unit.name);
        superseded.set(c.file, l);
      }
      cands = cands.filter((c) => !c.summaryRow);
    }
    if (cands.some((c) => !c.nameOnly)) cands = cands.filter((c) => !c.nameOnly);
    if (cands.length === 1) {
      const s = cands[0]!;
      slots.push({ unit, status: s.values ? 'ok' : 'unreadable', source: s, values: s.values });
      continue;
    }
    slots.push(resolveDuplicate(unit, cands, findings, severity));
  }
  const counted = slots.filter((s) => s.status === 'ok').map((s) => s.values!);
  return { slots, total: sumFigures(counted), findings, superseded };
}

function resolveDuplicate(unit: Unit, cands: UnitSource[], findings: Finding[], severity?: Severity): UnitSlot {
  // two rows of one file: name the rows
  const where = namer(new Set(cands.map((c) => c.file)).size < cands.length);
  const sources = cands.map(where);
  const last = cands[cands.length - 1]!;
  const report = (sev: Severity | undefined, at: UnitSource, decision: DuplicateDecision) => {
    const loc = {
      file: at.file,
      ...(at.sheet ? { sheet: at.sheet } : {}),
      ...(at.cell ? { cell: at.cell } : {}),
      ...(at.row !== undefined ? { row: at.row, column: '地市' } : {}),
    };
    findings.push(finding('district-duplicate', loc, { unit: unit.name, sources, ...decision }, { value: unit.name, ...(sev ? { severity: sev } : {}) }));
  };
  const first = cands[0]!;
  if (cands.every((c) => c.values && first.values && sameFigures(c.values, first.values))) {
    report(severity ?? 'warning', last, { decision: 'identical', counted: where(first) });
    return { unit, status: 'ok', source: first, values: first.values };
  }
  const dated = cands.filter((c) => c.reportDate);
  const latest = dated.length === cands.length ? [...dated].sort((a, b) => cmp(b.reportDate!, a.reportDate!))[0]! : undefined;
  const clearlyLater = latest && cands.every((c) => c === latest || c.reportDate! < latest.reportDate!);
  if (latest && clearlyLater) {
    const others = cands.filter((c) => c !== latest);
    // every candidate is dated here (latest is only set then)
    report(severity, others[others.length - 1]!, {
      decision: 'later',
      counted: { ...where(latest), date: latest.reportDate! },
      others: others.map((o) => ({ ...where(o), date: o.reportDate! })),
    });
    return { unit, status: latest.values ? 'ok' : 'unreadable', source: latest, values: latest.values };
  }
  report(severity, last, { decision: 'undecided', why: dated.length === cands.length ? 'same-date' : 'undated' });
  return { unit, status: 'duplicate', files: [...new Set(cands.map((c) => c.file))], values: null };
}
