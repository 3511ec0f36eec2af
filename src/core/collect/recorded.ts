/**
 * Findings as a collect state (`.zmqd-collect/state.json`) written by an earlier version holds them:
 * a message's findings are kept with its record, and their parameters were then sentences in both
 * languages (`by: '邮件主题', byEn: 'the subject'`, `period: '2024年第三季度', periodEn: '2024 Q3'`).
 * They are turned into today's parameters when the state is read, so a folder collected before
 * renders the same messages (and a later run need not fetch the messages again).
 */
import type { Finding, Params } from '../findings/types.js';
import { zh } from '../i18n/zh.js';
import type { Period } from '../roster/period.js';

type UnitSource = keyof typeof zh.collect.unitSource;

/**
 * A recorded parameter as text. Earlier versions recorded strings (or nothing); any other JSON value
 * (a number, a boolean) reads as it did with String(), an object as its JSON rather than "[object Object]".
 */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return v === undefined || v === null ? '' : JSON.stringify(v);
}

/** '2024 Q3' / '2024 (annual)' (the English label of the time) → the period. */
function periodOf(en: unknown): Period | undefined {
  const m = /^(\d{4})(?: Q([1-4])| \(annual\))$/.exec(textOf(en));
  if (!m) return undefined;
  return m[2] ? { year: Number(m[1]), quarter: Number(m[2]) as Period['quarter'] } : { year: Number(m[1]) };
}

/** '邮件主题' → 'subject' */
function sourceOf(text: unknown): UnitSource | undefined {
  return (Object.keys(zh.collect.unitSource) as UnitSource[]).find((k) => zh.collect.unitSource[k] === text);
}

/**
 * Today's parameters of a finding recorded by an earlier version; a finding of today's shape is
 * returned as it is. null: the recorded parameters cannot be read back (a state edited by hand).
 */
export function upgradeRecorded(f: Finding): Finding | null {
  const p = f.params as Record<string, unknown>;
  if (!Object.keys(p).some((k) => k.endsWith('En')) && !(f.code === 'collect-attachment-ignored' && p.type === '未知类型')) return f;
  const { subject, from, name, unit, value } = p;
  const text = (zhKey: string, enKey: string) => ({ zh: textOf(p[zhKey]), en: textOf(p[enKey] ?? p[zhKey]) });
  let params: Record<string, unknown> | undefined;
  switch (f.code) {
    case 'collect-mime-corrupt':
      params = { subject, from, reason: { why: 'recorded', ...text('reason', 'reasonEn') } };
      break;
    case 'collect-archive-refused':
      params = { subject, name, reason: { why: 'recorded', ...text('reason', 'reasonEn') } };
      break;
    case 'collect-not-workbook':
      params = { subject, name, reason: text('reason', 'reasonEn') };
      break;
    case 'collect-attachment-ignored':
      params = { subject, name };
      break;
    case 'collect-period-mismatch': {
      const period = periodOf(p.periodEn);
      const other = periodOf(p.otherEn);
      if (period && other) params = { subject, period, name, other };
      break;
    }
    case 'collect-unit-mismatch': {
      const by = sourceOf(p.by);
      const other = sourceOf(p.other);
      if (by && other) params = { subject, unit, by, other, value };
      break;
    }
    case 'collect-unit-unknown': {
      const fallback = sourceOf(p.fallback);
      params = { subject, from, value, ...(p.suggestion ? { suggestion: p.suggestion } : {}), ...(fallback ? { fallback, unit } : {}) };
      break;
    }
    case 'collect-subject-nonstandard': {
      // lacks '报送单位', '季度' or both ('报送单位和季度'); by names what gave each, in that order
      const lacks = textOf(p.lacks).split('和');
      const by = textOf(p.by).split('和');
      const unitBy = lacks.includes('报送单位') ? sourceOf(by[0]) : 'subject';
      const periodBy = lacks.includes('季度') ? (by[by.length - 1] === '附件名称' ? 'attachment' : 'date') : 'subject';
      const period = periodOf(p.periodEn);
      if (unitBy && period) params = { subject, unit, period, unitBy, periodBy };
      break;
    }
  }
  return params ? { ...f, params: params as Params } : null;
}
