/**
 * Cross-checks between the two annexes and the enforcement data — what no single file can show.
 * (Annex 1 `listed` against the Annex 2 rows is done by the aggregation, which sees both annexes.)
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import type { FileResult } from '../validate/validate.js';
import type { AggregateResult } from '../aggregate/aggregate.js';
import type { Inspection } from '../data/types.js';
import { periodEnd } from '../roster/period.js';
import { a1 } from '../workbook/grid.js';
import { othersListing } from './across.js';
import { pushTo } from '../findings/cap.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['onsite-count-mismatch', 'uscc-duplicate-across-districts'] as const satisfies readonly FindingCode[];

/** The listed enterprises of each unit, from its Annex 2 file(s): USCC → inclusion date (when known). */
export function listsByUnit(results: readonly FileResult[]): Map<string, Map<string, string | undefined>> {
  const out = new Map<string, Map<string, string | undefined>>();
  for (const r of results) {
    if (!r.annex2 || !r.district) continue;
    const list = out.get(r.district) ?? new Map<string, string | undefined>();
    for (const e of r.annex2.entries) {
      if (!e.uscc?.valid) continue;
      list.set(e.uscc.normalised, e.includedOn?.ok ? e.includedOn.date : undefined);
    }
    out.set(r.district, list);
  }
  return out;
}

/**
 * Each unit's reported on-site inspections of listed enterprises (Annex 1, cumulative to the report date
 * within the year) against the inspection records: 现场检查 of the enterprises on its Annex 2 list, from
 * 1 January of the period's year (or the enterprise's inclusion, if later) to the period's end.
 * A warning with both numbers when they differ; units without an Annex 2 list are not judged.
 */
export function onsiteCrossCheck(agg: AggregateResult, results: readonly FileResult[], inspections: readonly Inspection[]): Finding[] {
  const lists = listsByUnit(results);
  const from = `${agg.period.year}-01-01`;
  const to = periodEnd(agg.period);
  const byUscc = new Map<string, string[]>();
  for (const i of inspections) {
    if (i.method !== 'onsite' || i.date < from || i.date > to) continue;
    pushTo(byUscc, i.uscc, i.date);
  }
  const findings: Finding[] = [];
  for (const u of agg.units) {
    if (u.status !== 'ok' || !u.values || !u.file) continue;
    const list = lists.get(u.unit.name);
    if (!list) continue;
    let counted = 0;
    for (const [uscc, includedOn] of list) {
      for (const d of byUscc.get(uscc) ?? []) if (!includedOn || d >= includedOn) counted++;
    }
    const reported = u.values.onsite_inspections;
    if (reported === counted) continue;
    const col = results.find((r) => r.file === u.file)?.annex1?.doc.columns.onsite_inspections?.col;
    findings.push(
      finding(
        'onsite-count-mismatch',
        { file: u.file, sheet: u.sheet, row: u.row, cell: col && u.row ? a1(u.row, col) : undefined, column: '对清单内企业开展现场监管执法次数' },
        { unit: u.unit.name, from, to },
        { value: String(reported), expected: String(counted) },
      ),
    );
  }
  return findings;
}

/** The same USCC on two units' Annex 2 lists, from the validated lists alone (no enforcement data needed). */
export function duplicatesAcrossUnits(results: readonly FileResult[]): Finding[] {
  const items = results.flatMap((r) => (r.annex2?.entries ?? []).map((e) => ({ r, e, uscc: e.uscc?.valid ? e.uscc.normalised : null, unit: r.district ?? r.file })));
  const findings: Finding[] = [];
  for (const [it, others] of othersListing(
    items,
    (x) => x.uscc,
    (x) => x.unit,
  )) {
    const f = it.e.fields.uscc!;
    findings.push(
      finding(
        'uscc-duplicate-across-districts',
        { file: it.r.file, sheet: it.r.annex2!.doc.sheet, cell: f.ref, row: f.row, column: f.header },
        { name: it.e.name, others },
        { value: it.uscc! },
      ),
    );
  }
  return findings;
}
