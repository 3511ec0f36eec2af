import type { Lang } from '../core/findings/types.js';
import { countBySeverity, render } from '../core/findings/make.js';
import type { CheckResult } from '../core/check/check.js';

/**
 * The `check` JSON object of CONTRACT.md. Extensions after the contract's fields: per entry `sheet`,
 * `metCriteriaAtInclusion`, `notInData`, `action`; top level `findings` (files and data rows not tied to
 * an entry) and `data` (what was read from each enforcement-data file).
 */
export function checkJson(r: CheckResult, lang: Lang) {
  const entries = r.entries.map((e) => ({
    file: e.file,
    district: e.district,
    row: e.row,
    name: e.name,
    uscc: e.uscc,
    includedOn: e.includedOn,
    validUntil: e.validUntil,
    validity: e.validity,
    declaredCriterion: e.declaredCriterion,
    metCriteria: e.metCriteria,
    eligible: e.eligible,
    eligibleAtInclusion: e.eligibleAtInclusion,
    mustRemove: e.mustRemove,
    neverAgain: e.neverAgain,
    reasons: e.reasons.map((x) => x[lang]),
    findings: e.findings.map((f) => render(f, lang)),
    sheet: e.sheet,
    metCriteriaAtInclusion: e.metCriteriaAtInclusion,
    notInData: e.notInData,
    action: e.action,
  }));
  const all = [...r.entries.flatMap((e) => e.findings), ...r.findings];
  const c = countBySeverity(all);
  return {
    command: 'check' as const,
    asOf: r.asOf,
    entries,
    summary: r.summary,
    errors: c.errors,
    warnings: c.warnings,
    findings: r.findings.map((f) => render(f, lang)),
    data: r.data,
  };
}
export type CheckJson = ReturnType<typeof checkJson>;
