import { describe, expect, it } from 'vitest';
import { assessEntry, judgeAt } from '../../src/core/eligibility/index.js';
import { classify, keywordsIn } from '../../src/core/eligibility/exclusions.js';
import { A, B, index, insp, mon, rating, validity, violation } from './helpers.js';
import type { Assessment } from '../../src/core/eligibility/index.js';
import { zh as ZH } from '../../src/core/i18n/zh.js';

const zh = (a: Assessment) => a.reasons.map((r) => r.zh).join('\n');

const ASOF = '2024-10-01';
const subject = (declared: 1 | 2 | 3 | 4 | 5 | null | undefined, includedOn: string | undefined = '2022-06-01', uscc: string | undefined = A) => ({
  name: '测试企业',
  uscc,
  declared,
  validity: validity(includedOn, ASOF),
});

describe('verdicts that follow unambiguously from the rules', () => {
  it('eligible only by 五: declared 二 without an inspection, but rated 环保诚信', () => {
    const data = index({ inspections: [insp(A, '2020-01-01', { method: 'offsite' })], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(2), data, ASOF);
    expect(a.eligible).toBe(true);
    expect(a.metCriteria).toEqual([5]);
    expect(a.asOf!.criteria.find((c) => c.n === 2)!.status).toBe('not-met');
    expect(zh(a)).toMatch(/情形五.*2023年度信用评价为环保诚信企业/);
  });

  it('eligible by 二: an on-site inspection within the year before inclusion and no violation since', () => {
    const data = index({ inspections: [insp(A, '2022-03-05')], credit: [rating(A, 'good', { year: 2023 })] });
    const a = assessEntry(subject(2), data, ASOF);
    expect(a.eligible).toBe(true);
    expect(a.eligibleAtInclusion).toBe(true);
    expect(a.metCriteria).toEqual([2]);
    expect(zh(a)).toContain('纳入时（2022-06-01）2021-06-02至2022-06-01 有现场执法检查：2022-03-05 现场检查');
    expect(zh(a)).toContain('纳入（2022-06-01）以来无环境违法记录');
  });

  it('二 listed without an on-site inspection in the year before inclusion: not eligible at inclusion, nor while listed', () => {
    const data = index({ inspections: [insp(A, '2024-03-05')], credit: [rating(A, 'good', { year: 2023 })] });
    const a = assessEntry(subject(2), data, ASOF);
    expect(a.eligibleAtInclusion).toBe(false);
    expect(a.eligible).toBe(false); // a later visit does not make up for it
    expect(a.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['not-eligible', 'no-longer-eligible']));
  });

  it('eligible by 四: monitoring stable and compliant, good credit, no violation', () => {
    const data = index({ inspections: [insp(A, '2024-01-10', { method: 'offsite' })], credit: [rating(A, 'good', { year: 2023 })], monitoring: [mon(A)] });
    const a = assessEntry(subject(4), data, ASOF);
    expect(a.eligible).toBe(true);
    expect(a.metCriteria).toEqual([4]);
  });

  it('eligible by 三 through monitoring alone (running and networked, not compliant: 四 fails)', () => {
    const data = index({ inspections: [insp(A, '2021-01-10', { method: 'offsite' })], credit: [rating(A, 'warning', { year: 2023 })], monitoring: [mon(A, { compliant: false })] });
    const a = assessEntry(subject(3), data, ASOF);
    expect(a.eligible).toBe(true);
    expect(a.metCriteria).toEqual([3]);
  });

  it('三 is not considered unless declared', () => {
    const data = index({ inspections: [insp(A, '2021-01-10', { method: 'offsite' })], credit: [rating(A, 'warning', { year: 2023 })], monitoring: [mon(A, { compliant: false })] });
    const a = assessEntry(subject(2), data, ASOF);
    expect(a.metCriteria).toEqual([]);
    expect(a.eligible).toBe(false);
    expect(a.notes.map((n) => n.code)).toContain('no-longer-eligible');
  });

  it('not eligible at inclusion: a violation within the year before inclusion', () => {
    const data = index({
      inspections: [violation(A, '2021-03-15', '废水排放口未规范设置'), insp(A, '2021-05-01'), insp(A, '2024-05-01')],
      credit: [rating(A, 'good', { year: 2023 })],
    });
    const a = assessEntry(subject(2, '2021-09-30'), data, ASOF);
    expect(a.eligibleAtInclusion).toBe(false);
    expect(a.metAtInclusion).toEqual([]);
    expect(a.eligible).toBe(true); // the violation is more than a year before the as-of date
    const n = a.notes.find((x) => x.code === 'not-eligible')!;
    expect(n.params.date).toBe('2021-09-30');
    expect(n.code === 'not-eligible' && n.params.reasons.zh).toContain('2021-03-15');
    expect(a.notes.map((x) => x.code)).not.toContain('never-again');
  });

  it('never again by keyword although 违法情况 says 一般', () => {
    const data = index({ inspections: [violation(A, '2019-05-06', '私设暗管偷排生产废水', '一般')], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(5), data, ASOF);
    expect(a.neverAgain).toBe(true);
    expect(a.eligible).toBe(false);
    expect(a.metCriteria).toEqual([5]); // 五 holds, but the exclusion wins
    expect(a.notes.map((n) => n.code)).toContain('never-again');
    expect(a.notes.map((n) => n.code)).not.toContain('no-longer-eligible');
    expect(a.reasons[0]).toMatchObject({ zh: expect.stringContaining('暗管') });
    expect(a.mustRemove).toBe(false); // before inclusion: not a ground that occurred while listed
  });

  it('must remove: over-limit discharge, not self-reported, while listed', () => {
    const data = index({
      inspections: [insp(A, '2024-02-01'), violation(A, '2023-05-01', '废气超标排放', '一般', { selfReported: false })],
      credit: [rating(A, 'trustworthy', { year: 2023 })],
    });
    const a = assessEntry(subject(5, '2022-06-01'), data, ASOF);
    expect(a.mustRemove).toBe(true);
    expect(a.neverAgain).toBe(false);
    expect(a.eligible).toBe(false);
    expect(a.notes.map((n) => n.code)).toContain('must-remove');
    expect(zh(a)).toContain('列入期间（截至 2024-10-01），虽符合情形五（环保诚信，所报情形）');
    expect(zh(a)).toContain('但列入期间出现应移出情形');
  });

  it('over-limit discharge that was self-reported is not a removal ground', () => {
    const data = index({ inspections: [violation(A, '2023-05-01', '废气超标排放', '一般', { selfReported: true })], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    expect(assessEntry(subject(5), data, ASOF).mustRemove).toBe(false);
  });

  it('a crime referred to the police while listed: must remove and never again', () => {
    const data = index({ inspections: [violation(A, '2023-08-01', '涉嫌污染环境罪，已移送公安机关', '严重')], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(5), data, ASOF);
    expect(a.mustRemove).toBe(true);
    expect(a.neverAgain).toBe(true);
  });

  it('criterion 一: cannot tell', () => {
    const data = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'good', { year: 2023 })] });
    const a = assessEntry(subject(1), data, ASOF);
    expect(a.eligible).toBe(null);
    expect(a.eligibleAtInclusion).toBe(null);
    expect(zh(a)).toContain('疫情防控');
  });

  it('criterion 一 but 五 holds: eligible', () => {
    const data = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'trustworthy', { year: 2021 })] });
    expect(assessEntry(subject(1), data, ASOF).eligible).toBe(true);
  });

  it('absent from the data: cannot tell, not-in-data', () => {
    const data = index({ inspections: [insp(B, '2024-01-01')], credit: [rating(B, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(2), data, ASOF);
    expect(a.eligible).toBe(null);
    expect(a.notInData).toEqual(['inspections', 'credit']);
    const n = a.notes.find((x) => x.code === 'not-in-data')!;
    expect(n.code === 'not-in-data' && n.params.sources).toEqual(['inspections', 'credit']);
    expect(n.code === 'not-in-data' && ZH.check.sources(n.params.sources)).toBe('检查记录和信用评价');
  });

  it('no declared criterion: cannot tell unless 四 or 五 holds', () => {
    const data = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'good', { year: 2023 })], monitoring: [] });
    expect(assessEntry(subject(undefined), data, ASOF).eligible).toBe(null);
    expect(assessEntry(subject(null), data, ASOF).eligible).toBe(null);
    const good = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    expect(assessEntry(subject(undefined), good, ASOF).eligible).toBe(true);
  });

  it('a missing assistance visit after half the validity', () => {
    const data = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(5, '2022-06-01'), data, ASOF);
    expect(a.notes.map((n) => n.code)).toContain('assistance-visit-missing');
    const visited = index({ inspections: [insp(A, '2023-01-01', { method: 'assistance', methodText: '体检式帮扶' })], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    expect(assessEntry(subject(5, '2022-06-01'), visited, ASOF).notes.map((n) => n.code)).not.toContain('assistance-visit-missing');
    // less than half the validity gone: not yet
    expect(assessEntry(subject(5, '2023-06-01'), data, ASOF).notes.map((n) => n.code)).not.toContain('assistance-visit-missing');
  });

  it('a visit before inclusion does not count', () => {
    const data = index({ inspections: [insp(A, '2022-05-01', { method: 'assistance' })], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    expect(assessEntry(subject(5, '2022-06-01'), data, ASOF).notes.map((n) => n.code)).toContain('assistance-visit-missing');
  });

  it('no usable USCC: nothing can be matched', () => {
    const a = assessEntry({ name: 'x', declared: 5, validity: validity('2022-06-01', ASOF) }, index({}), ASOF);
    expect(a.eligible).toBe(null);
    expect(a.notes).toEqual([]);
  });
});

describe('boundary dates', () => {
  it('exactly one year: an event on the same calendar day a year earlier is outside, the day after inside', () => {
    const out = index({ inspections: [violation(A, '2023-10-01', '噪声超标'), insp(A, '2024-09-01')], credit: [rating(A, 'good', { year: 2022 })] });
    expect(judgeAt(A, 2, out, '2024-10-01').met).toEqual([2]);
    const inside = index({ inspections: [violation(A, '2023-10-02', '噪声超标'), insp(A, '2024-09-01')], credit: [rating(A, 'good', { year: 2022 })] });
    expect(judgeAt(A, 2, inside, '2024-10-01').met).toEqual([]);
  });

  it('an on-site inspection exactly one year before does not count; one on D itself does', () => {
    const old = index({ inspections: [insp(A, '2023-10-01')], credit: [rating(A, 'good', { year: 2022 })] });
    expect(judgeAt(A, 2, old, '2024-10-01').verdict).toBe(false);
    const onD = index({ inspections: [insp(A, '2024-10-01')], credit: [rating(A, 'good', { year: 2022 })] });
    expect(judgeAt(A, 2, onD, '2024-10-01').verdict).toBe(true);
  });

  it('events after D do not count', () => {
    const data = index({ inspections: [insp(A, '2024-10-02'), violation(A, '2024-10-03', '暗管', '严重')], credit: [rating(A, 'good', { year: 2022 })] });
    const j = judgeAt(A, 2, data, '2024-10-01');
    expect(j.serious).toEqual([]);
    expect(j.verdict).toBe(false);
  });

  it('29 February: the window starts on 1 March', () => {
    const data = index({ inspections: [violation(A, '2023-02-28', '超标'), insp(A, '2023-03-01')], credit: [rating(A, 'good', { year: 2021 })] });
    expect(judgeAt(A, 2, data, '2024-02-29').met).toEqual([2]);
  });

  it('exactly three years: included 2021-09-30 is valid through 2024-09-29, expired from 2024-09-30', () => {
    expect(validity('2021-09-30', '2024-09-29')).toMatchObject({ status: 'expiring', validUntil: '2024-09-29', daysLeft: 0 });
    expect(validity('2021-09-30', '2024-09-30')).toMatchObject({ status: 'expired', validUntil: '2024-09-29' });
    const data = index({ inspections: [insp(A, '2024-01-01')], credit: [rating(A, 'trustworthy', { year: 2020 })] });
    const a = assessEntry({ name: 'x', uscc: A, declared: 5, validity: validity('2021-09-30', '2024-09-30') }, data, '2024-09-30');
    expect(a.reasons.map((r) => r.zh).join('\n')).toContain('有效期至 2024-09-29，截至 2024-09-30 已过期');
  });

  it('a rating for year Y counts from 1 January of Y+1; a dated rating from its date', () => {
    const byYear = index({ credit: [rating(A, 'trustworthy', { year: 2021 })], inspections: [insp(A, '2021-05-01')] });
    expect(judgeAt(A, 5, byYear, '2021-12-31').met).toEqual([]);
    expect(judgeAt(A, 5, byYear, '2022-01-01').met).toEqual([5]);
    const dated = index({ credit: [rating(A, 'trustworthy', { date: '2021-09-30' })], inspections: [insp(A, '2021-05-01')] });
    expect(judgeAt(A, 5, dated, '2021-09-30').met).toEqual([5]);
    expect(judgeAt(A, 5, dated, '2021-09-29').met).toEqual([]);
  });

  it('the latest rating in force wins', () => {
    const data = index({ credit: [rating(A, 'trustworthy', { year: 2021 }), rating(A, 'warning', { date: '2022-12-20' })], inspections: [insp(A, '2021-05-01')] });
    expect(judgeAt(A, 5, data, '2022-06-01').met).toEqual([5]);
    expect(judgeAt(A, 5, data, '2023-06-01').met).toEqual([]);
    // a 2022 rating known by its year only: on a date within 2022 it may or may not have been published
    const byYear = index({ credit: [rating(A, 'trustworthy', { year: 2021 }), rating(A, 'warning', { year: 2022 })], inspections: [insp(A, '2021-05-01')] });
    const j = judgeAt(A, 5, byYear, '2022-06-01');
    expect(j.verdict).toBe(null);
    expect(j.criteria.find((c) => c.n === 5)!.text.zh).toContain('请提供该评价的评价日期');
  });
});

describe('violations', () => {
  it('keywords count whatever the column says, unless negated', () => {
    expect(keywordsIn('私设暗管偷排废水')).toEqual(['偷排', '暗管']);
    expect(keywordsIn('篡改、伪造监测数据')).toEqual(['篡改', '伪造']);
    expect(keywordsIn('未发现私设暗管')).toEqual([]);
    expect(keywordsIn('现场检查未发现恶意偷排、篡改台账等行为')).toEqual([]);
    expect(keywordsIn('无暗管')).toEqual([]);
    expect(keywordsIn('未发现其他问题，企业私设暗管')).toEqual(['暗管']);
    expect(keywordsIn('无证排污，私设暗管')).toEqual(['暗管']);
  });

  it('classify: column, text, keyword', () => {
    expect(classify(violation(A, '2024-01-01', '', '无')).level).toBe('none');
    expect(classify(violation(A, '2024-01-01', '逃避监管', '无'))).toMatchObject({ level: 'serious', by: 'keyword' });
    expect(classify(violation(A, '2024-01-01', '', '严重'))).toMatchObject({ level: 'serious', by: 'column' });
    expect(classify(insp(A, '2024-01-01', { severity: null, severityText: '', violationText: '危废未规范贮存' })).level).toBe('minor');
    expect(classify(insp(A, '2024-01-01', { severity: null, severityText: '', violationText: '无' })).level).toBe('none');
    expect(classify(insp(A, '2024-01-01', { severity: null, severityText: '待定', violationText: '' })).level).toBe('unknown');
  });

  it('a serious violation fails 三 only through the inspection route; marked 严重 without a malicious act it is not never-again', () => {
    const data = index({
      inspections: [insp(A, '2024-03-01'), violation(A, '2024-03-01', '', '严重')],
      credit: [rating(A, 'good', { year: 2022 })],
      monitoring: [mon(A, { date: '2024-01-01' })],
    });
    const j = judgeAt(A, 3, data, ASOF);
    expect(j.criteria.find((c) => c.n === 3)!.status).toBe('met'); // through monitoring
    expect(j.verdict).toBe(true);
    expect(j.bars).toEqual([]);
  });

  it('a minor violation does not fail 三 but fails 二 and 四', () => {
    const data = index({ inspections: [insp(A, '2024-03-01'), violation(A, '2024-03-01', '台账不规范')], credit: [rating(A, 'good', { year: 2022 })], monitoring: [mon(A)] });
    expect(judgeAt(A, 3, data, ASOF).met).toEqual([3]);
    expect(judgeAt(A, 2, data, ASOF).met).toEqual([]);
  });
});

describe('monitoring', () => {
  it('no monitoring file: monitoring conditions cannot be told', () => {
    const data = index({ inspections: [insp(A, '2024-01-01', { method: 'offsite' })], credit: [rating(A, 'good', { year: 2023 })] }, false);
    expect(judgeAt(A, 4, data, ASOF).verdict).toBe(null);
  });

  it('monitoring file given, enterprise absent from it: no monitoring', () => {
    const data = index({ inspections: [insp(A, '2024-01-01', { method: 'offsite' })], credit: [rating(A, 'good', { year: 2023 })], monitoring: [mon(B)] });
    expect(judgeAt(A, 4, data, ASOF).verdict).toBe(false);
  });

  it('every monitoring point must pass', () => {
    const data = index({
      inspections: [insp(A, '2024-01-01', { method: 'offsite' })],
      credit: [rating(A, 'good', { year: 2023 })],
      monitoring: [mon(A), mon(A, { stable: false })],
    });
    expect(judgeAt(A, 4, data, ASOF).met).toEqual([]);
  });

  it('dated snapshots: the latest on or before D', () => {
    const data = index({
      inspections: [insp(A, '2024-01-01', { method: 'offsite' })],
      credit: [rating(A, 'good', { year: 2021 })],
      monitoring: [mon(A, { date: '2022-01-01', networked: false }), mon(A, { date: '2024-01-01' })],
    });
    expect(judgeAt(A, 4, data, '2024-06-01').met).toEqual([4]);
    expect(judgeAt(A, 4, data, '2023-06-01').met).toEqual([]);
  });
});
