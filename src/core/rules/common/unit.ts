import { findUnitInText, resolveUnit, type Resolution } from '../../roster/resolve.js';
import type { Unit } from '../../roster/units.js';
import type { RuleContext } from '../types.js';
import type { UnitSourceKind } from '../../findings/catalogue/district.js';

/** The codes of the reporting unit's decision (the district check), reported by whoever resolves a unit with these helpers. */
export const unitCodes = ['district-unknown', 'district-placeholder', 'district-mismatch'] as const;
type UnitCode = (typeof unitCodes)[number];

export interface UnitSource {
  /** 'cell' = the table's 地市 column, 'meta' = the 填报单位 line, 'file' = the file name, 'option' = --district */
  kind: UnitSourceKind;
  text: string;
  ref?: string;
}

/**
 * Resolve one unit source and report its problems at its cell (unknown, placeholder, merged-away unit).
 * File names are only hints: an unrecognisable file name is not a finding.
 */
export function resolveSource(src: UnitSource, ctx: RuleContext<UnitCode>, quiet = false, told?: Set<string>): Unit | undefined {
  const res: Resolution | null = src.kind === 'file' ? findUnitInText(src.text, ctx.rosterDate, ctx.cutover) : resolveUnit(src.text, ctx.rosterDate, ctx.cutover);
  if (!res) return undefined;
  const loc = src.ref ? { cell: src.ref, row: Number(src.ref.replace(/^[A-Z]+/, '')), column: src.kind === 'cell' ? '地市' : undefined } : {};
  switch (res.kind) {
    case 'ok':
      return res.unit;
    case 'placeholder':
      if (!quiet && src.kind !== 'file') ctx.report('district-placeholder', loc, {}, { value: src.text });
      return undefined;
    case 'merged':
      // the merger is one fact about the file: say it once, at the most specific place that names the unit
      if (!quiet && !told?.has(res.unit.name)) ctx.report('district-unknown', loc, { merged: 1, into: res.into, since: res.since }, { value: src.text });
      told?.add(res.unit.name);
      return undefined;
    case 'ambiguous':
      if (!quiet && src.kind !== 'file') ctx.report('district-unknown', loc, { candidates: res.candidates, example: res.candidates[0] ?? '' }, { value: src.text });
      return undefined;
    case 'unknown':
      if (!quiet && src.kind !== 'file') ctx.report('district-unknown', loc, { period: ctx.rosterDate }, { value: src.text });
      return undefined;
  }
}

/**
 * Decide the file's reporting unit from its sources, in priority order (the first resolvable wins), and
 * report `district-mismatch` when another source names a different unit, saying which won and why.
 */
export function decideUnit(sources: UnitSource[], ctx: RuleContext<UnitCode>): Unit | undefined {
  const resolved: { src: UnitSource; unit: Unit }[] = [];
  const told = new Set<string>();
  for (const src of sources) {
    // the option was resolved (and rejected if unknown) by the CLI already
    const unit = resolveSource(src, ctx, src.kind === 'option', told);
    if (unit) resolved.push({ src, unit });
  }
  const winner = resolved.find((r) => r.src.kind !== 'option') ?? resolved[0];
  if (!winner) return undefined;
  for (const other of resolved) {
    if (other.unit.name === winner.unit.name) continue;
    const loc = other.src.ref ? { cell: other.src.ref } : winner.src.ref ? { cell: winner.src.ref } : {};
    ctx.report(
      'district-mismatch',
      loc,
      { winner: { source: winner.src.kind, unit: winner.unit.name }, other: { source: other.src.kind, unit: other.unit.name } },
      { value: other.src.text, expected: winner.unit.name },
    );
  }
  return winner.unit;
}
