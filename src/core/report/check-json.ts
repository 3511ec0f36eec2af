import type { FindingCode } from '../findings/catalogue/index.js';
import type { Lang } from '../findings/types.js';
import { countBySeverity, render } from '../findings/make.js';
import type { CheckResult, VerdictDetail } from '../check/check.js';

/** A verdict with its evidence, in one language (docs/check.md "verdicts"). */
function verdictJson(v: VerdictDetail | null, lang: Lang) {
  if (!v) return null;
  return {
    date: v.date,
    eligible: v.eligible,
    summary: v.summary[lang],
    criteria: v.criteria.map((c) => ({ criterion: c.criterion, declared: c.declared, status: c.status, reason: c.reason[lang], evidence: c.evidence })),
    bars: v.bars.map((b) => ({ code: b.code, reason: b.reason[lang], evidence: b.evidence })),
  };
}

/**
 * The `check` JSON object (docs/reference.md "JSON output", docs/check.md "输出"). Extensions after the documented fields: per entry `sheet`,
 * `metCriteriaAtInclusion`, `notInData`, `action`, `objectionUpheld` and `verdicts` (each verdict's
 * criteria, reasons and records); `summary.objectionUpheld`; top level `stableRate`, `findings` (files
 * and data rows not tied to an entry) and `data` (what was read from each enforcement-data file).
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
    objectionUpheld: e.objectionUpheld,
    verdicts: { whileListed: verdictJson(e.verdicts.whileListed, lang), atInclusion: verdictJson(e.verdicts.atInclusion, lang) },
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
    stableRate: r.stableRate,
  };
}
export type CheckJson = ReturnType<typeof checkJson>;

/**
 * Codes an entry's reasons already explain: the text report and the check workbook do not repeat
 * them among the entry's other findings.
 */
export const EXPLAINED_BY_REASONS: ReadonlySet<string> = new Set<FindingCode>([
  'not-eligible',
  'no-longer-eligible',
  'never-again',
  'must-remove',
  'assistance-visit-missing',
  'not-in-data',
  'uscc-duplicate-across-districts',
  'entry-expired',
  'entry-expiring',
  'serious-violation-review',
  'objection-upheld',
  'validity-over-3-years',
]);
