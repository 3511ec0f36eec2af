/** Builders for enforcement records and indexes in tests. */
import type { CreditRating, Inspection, MonitoringRecord, Objection } from '../../src/core/data/types.js';
import { GRADE_LABEL, type Grade } from '../../src/core/data/grades.js';
import type { EnforcementIndex } from '../../src/core/eligibility/types.js';
import { validityOf } from '../../src/core/annex2/validity.js';

export const A = '91110000600037341L';
export const B = '91310115MA1K3BTP2B';
export const C = '9131012056010553X5';
export const D = '91620105L015101280';

let row = 1;

export function insp(uscc: string, date: string, over: Partial<Inspection> = {}): Inspection {
  return {
    uscc,
    name: 'x',
    date,
    method: 'onsite',
    methodText: '现场检查',
    severity: 'none',
    severityText: '无',
    violationText: '',
    selfReported: null,
    src: { file: 'data/检查记录.csv', row: ++row },
    ...over,
  };
}

export function violation(uscc: string, date: string, text: string, severity: '一般' | '严重' | '无' = '一般', over: Partial<Inspection> = {}): Inspection {
  return insp(uscc, date, { severity: severity === '一般' ? 'minor' : severity === '严重' ? 'serious' : 'none', severityText: severity, violationText: text, ...over });
}

export function rating(uscc: string, grade: Grade, when: { year?: number; date?: string }): CreditRating {
  const r: CreditRating = {
    uscc,
    name: 'x',
    grade,
    gradeText: GRADE_LABEL[grade].zh,
    effective: when.date ?? `${when.year! + 1}-01-01`,
    basis: when.date ? 'date' : 'year',
    src: { file: 'data/信用评价.xlsx', row: ++row },
  };
  if (when.year) r.year = when.year;
  return r;
}

export function mon(uscc: string, over: Partial<MonitoringRecord> = {}): MonitoringRecord {
  return { uscc, name: 'x', installed: true, networked: true, stable: true, compliant: true, src: { file: 'data/在线监控.csv', row: ++row }, ...over };
}

export function objection(uscc: string, result: Objection['result'], date?: string, source = '某行业协会'): Objection {
  const o: Objection = {
    uscc,
    name: 'x',
    source,
    result,
    resultText: result === 'upheld' ? '属实' : result === 'rejected' ? '不属实' : '',
    src: { file: 'data/异议复核.xlsx', row: ++row },
  };
  if (date) o.date = date;
  return o;
}

export function index(
  records: { inspections?: Inspection[]; credit?: CreditRating[]; monitoring?: MonitoringRecord[]; objections?: Objection[] },
  monitoringGiven = true,
  stableRate = 95,
): EnforcementIndex {
  const group = <T extends { uscc: string }>(rs: T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of [...rs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) m.set(r.uscc, [...(m.get(r.uscc) ?? []), r]);
    return m;
  };
  return {
    inspections: group(records.inspections ?? [], (r) => r.date),
    credit: group(records.credit ?? [], (r) => r.effective),
    monitoring: group(records.monitoring ?? [], (r) => r.date ?? ''),
    objections: group(records.objections ?? [], (r) => r.date ?? ''),
    monitoringGiven,
    objectionsGiven: records.objections !== undefined,
    stableRate,
    invalid: new Map(),
  };
}

export function validity(includedOn: string | undefined, asOf: string, statedUntil?: string) {
  return validityOf({ includedOn, statedUntil }, asOf, 90);
}
