/**
 * Sentences about records, for reasons a clerk can paste into a reply: dates, what was found, where
 * it is written — in both languages, for the verdicts of the check JSON and workbook. The records'
 * phrasing is the check labels' (src/core/i18n), which findings use directly.
 */
import type { CreditRating, Inspection, MonitoringRecord, Objection, SourceRef, Text } from '../data/types.js';
import type { Evidence } from './types.js';
import { GRADE_LABEL } from '../data/grades.js';
import { addDays, addYears, type IsoDate } from '../values/dates.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
export { baseName } from '../i18n/phrase.js';

export const t = (zh: string, en: string): Text => ({ zh, en });

export function where(src: SourceRef): Text {
  return t(zh.check.where(src), en.check.where(src));
}

/** "Within one year" of D as dates: the day after the same calendar day one year earlier, through D. */
export function yearWindow(d: IsoDate): Text {
  const from = addDays(addYears(d, -1), 1);
  return t(`${from}至${d}`, `${from} to ${d}`);
}

export function inspection(i: Inspection, withViolation = true): Text {
  return t(zh.check.inspection(i, withViolation), en.check.inspection(i, withViolation));
}

export function rating(r: CreditRating): Text {
  const w = where(r.src);
  const g = GRADE_LABEL[r.grade];
  const when = r.basis === 'date' ? t(`${r.effective} 信用评价`, `credit rating of ${r.effective}`) : t(`${r.year!}年度信用评价`, `${r.year!} credit rating`);
  const text = r.gradeText && r.gradeText !== g.zh ? `“${r.gradeText}”（${g.zh}）` : g.zh;
  return t(`${when.zh}为${text}（${w.zh}）`, `${when.en}: ${g.en} (${w.en})`);
}

/** 稳定达标 as stated, else the 达标率 against the stable-rate setting, else unknown. */
export function compliance(m: MonitoringRecord, stableRate: number): boolean | null {
  return m.compliant ?? (m.rate !== undefined ? m.rate >= stableRate : null);
}

export function monitoring(m: MonitoringRecord, stableRate: number): Text {
  const w = where(m.src);
  const yn = (v: boolean | null, yes: Text, no: Text, unk: Text) => (v === true ? yes : v === false ? no : unk);
  const byRate = m.compliant === null && m.rate !== undefined;
  const parts = [
    yn(m.installed, t('已安装', 'installed'), t('未安装', 'not installed'), t('是否安装不明', 'installation unknown')),
    yn(m.networked, t('已联网', 'networked'), t('未联网', 'not networked'), t('是否联网不明', 'networking unknown')),
    yn(m.stable, t('运行稳定', 'running stably'), t('运行异常', 'not running stably'), t('运行状态不明', 'running state unknown')),
    byRate
      ? m.rate! >= stableRate
        ? t(
            `达标率 ${m.rate!}%，达到稳定达标阈值 ${stableRate}%（--stable-rate）`,
            `compliance rate ${m.rate!}%, at or above the stable-rate threshold of ${stableRate}% (--stable-rate)`,
          )
        : t(
            `达标率 ${m.rate!}%，低于稳定达标阈值 ${stableRate}%（--stable-rate）`,
            `compliance rate ${m.rate!}%, below the stable-rate threshold of ${stableRate}% (--stable-rate)`,
          )
      : yn(
          m.compliant,
          t('稳定达标', 'stably compliant'),
          t('未稳定达标', 'not stably compliant'),
          t('是否达标不明（没有稳定达标或达标率）', 'compliance unknown (neither 稳定达标 nor 达标率)'),
        ),
  ];
  const rate = m.rate !== undefined && !byRate ? t(`，达标率 ${m.rate}%`, `, compliance rate ${m.rate}%`) : t('', '');
  const date = m.date ? t(`${m.date} `, `${m.date}: `) : t('', '');
  return t(`${date.zh}在线监控${parts.map((p) => p.zh).join('、')}${rate.zh}（${w.zh}）`, `${date.en}online monitoring ${parts.map((p) => p.en).join(', ')}${rate.en} (${w.en})`);
}

export function objection(o: Objection): Text {
  return t(zh.check.objection(o), en.check.objection(o));
}

/** The records behind a sentence, as evidence: each with its kind, place and date. */
export const evidenceOf = {
  inspection: (i: Inspection): Evidence => ({ kind: 'inspections', ...i.src, date: i.date }),
  rating: (r: CreditRating): Evidence => (r.basis === 'date' ? { kind: 'credit', ...r.src, date: r.effective } : { kind: 'credit', ...r.src, year: r.year! }),
  monitoring: (m: MonitoringRecord): Evidence => ({ kind: 'monitoring', ...m.src, ...(m.date ? { date: m.date } : {}) }),
  objection: (o: Objection): Evidence => ({ kind: 'objections', ...o.src, ...(o.date ? { date: o.date } : {}) }),
};

/** Up to `max` items, then "等 N 条". */
export function list(items: Text[], max = 3): Text {
  return t(
    zh.check.list(
      items.map((x) => x.zh),
      max,
    ),
    en.check.list(
      items.map((x) => x.en),
      max,
    ),
  );
}

/** 情形二（民生保障） → 情形二（民生保障，所报情形） */
export function criterionName(n: number, declared: boolean): Text {
  const c = CRITERION_NAME[n]!;
  return declared ? t(c.zh.replace(/）$/, '，所报情形）'), c.en.replace(/\)$/, ', declared)')) : c;
}

export const CRITERION_NAME: Record<number, Text> = {
  1: t('情形一（疫情防控）', 'criterion I (epidemic control)'),
  2: t('情形二（民生保障）', 'criterion II (livelihood)'),
  3: t('情形三（重大工程/重点领域）', 'criterion III (major project / key sector)'),
  4: t('情形四（在线监控）', 'criterion IV (online monitoring)'),
  5: t('情形五（环保诚信）', 'criterion V (environmental credit)'),
};
