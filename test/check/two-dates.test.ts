/**
 * The notice's two questions (docs/check.md "两个问题、两个日期", "不得纳入、应移出、须人工判断"): was the
 * listing right on the 纳入日期, and may the entry stay on the as-of date — each boundary of issue 12,
 * on the criteria engine. The same cases run through the CLI in cli.test.ts (fixtures/enforcement).
 */
import { describe, expect, it } from 'vitest';
import { assessEntry, judgeAt } from '../../src/core/eligibility/index.js';
import { validityOf } from '../../src/core/annex2/validity.js';
import { A, index, insp, mon, objection, rating, validity, violation } from './helpers.js';
import type { Assessment } from '../../src/core/eligibility/index.js';
import { zh as ZH } from '../../src/core/i18n/zh.js';

const zh = (a: Assessment) => a.reasons.map((r) => r.zh).join('\n');
const codes = (a: Assessment) => a.notes.map((n) => n.code);
const subject = (declared: 1 | 2 | 3 | 4 | 5 | null, includedOn: string, asOf: string, statedUntil?: string) => ({
  name: '测试企业',
  uscc: A,
  declared,
  validity: validity(includedOn, asOf, statedUntil),
});

describe('二 and 三 while listed: the inspection is a condition of getting on the list, not of staying on it', () => {
  // listed on 2023-09-30 on the strength of an inspection 364 days earlier, checked a year and a day later
  const data = index({ inspections: [insp(A, '2022-10-01'), insp(A, '2024-01-10', { method: 'offsite' })], credit: [rating(A, 'good', { year: 2023 })] });

  it('the 364-day inspection: eligible at inclusion and, a year and a day later, while listed', () => {
    const a = assessEntry(subject(2, '2023-09-30', '2024-10-01'), data, '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, true]);
    expect(a.metCriteria).toEqual([2]);
    expect(codes(a)).not.toContain('no-longer-eligible');
    // the evidence of both verdicts: the record and its date
    const ev = (j: typeof a.asOf) => j!.criteria.find((c) => c.n === 2)!.evidence;
    expect(ev(a.atInclusion)).toEqual([{ kind: 'inspections', file: 'data/检查记录.csv', row: expect.any(Number), date: '2022-10-01' }]);
    expect(ev(a.asOf)).toEqual(ev(a.atInclusion));
    expect(zh(a)).toContain('纳入时（2023-09-30）2022-10-01至2023-09-30 有现场执法检查：2022-10-01 现场检查');
  });

  it('365 days earlier is outside the year: not eligible at inclusion', () => {
    const late = index({ inspections: [insp(A, '2022-09-30')], credit: [rating(A, 'good', { year: 2023 })] });
    const a = assessEntry(subject(2, '2023-09-30', '2024-10-01'), late, '2024-10-01');
    expect(a.eligibleAtInclusion).toBe(false);
    expect(codes(a)).toContain('not-eligible');
  });

  it('二 falls with a violation since inclusion, however minor; one before inclusion only matters at inclusion', () => {
    const since = index({ inspections: [insp(A, '2022-10-01'), violation(A, '2024-05-01', '危险废物贮存不规范')], credit: [rating(A, 'good', { year: 2023 })] });
    const a = assessEntry(subject(2, '2023-09-30', '2024-10-01'), since, '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, false]);
    expect(codes(a)).toContain('no-longer-eligible');
    expect(a.asOf!.criteria.find((c) => c.n === 2)!.evidence.map((e) => e.date)).toEqual(['2024-05-01']);
  });

  it('三 by monitoring alone stays while the monitoring still runs, and falls when it no longer does', () => {
    const running = index({
      inspections: [insp(A, '2021-01-10', { method: 'offsite' })],
      credit: [rating(A, 'warning', { year: 2022 })],
      monitoring: [mon(A, { date: '2022-05-01', compliant: false }), mon(A, { date: '2024-09-01', compliant: false })],
    });
    expect(assessEntry(subject(3, '2022-06-01', '2024-10-01'), running, '2024-10-01')).toMatchObject({ eligibleAtInclusion: true, eligible: true });
    const stopped = index({
      inspections: [insp(A, '2021-01-10', { method: 'offsite' })],
      credit: [rating(A, 'warning', { year: 2022 })],
      monitoring: [mon(A, { date: '2022-05-01' }), mon(A, { date: '2024-09-01', networked: false })],
    });
    const a = assessEntry(subject(3, '2022-06-01', '2024-10-01'), stopped, '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, false]);
    expect(a.asOf!.criteria.find((c) => c.n === 3)!.text.zh).toContain('未联网');
  });

  it('三 falls with a serious violation since inclusion, whatever route it came by', () => {
    const data3 = index({
      inspections: [insp(A, '2022-03-01'), violation(A, '2024-02-01', '未批先建', '严重')],
      credit: [rating(A, 'warning', { year: 2022 })],
      monitoring: [mon(A, { date: '2024-09-01' })],
    });
    const a = assessEntry(subject(3, '2022-06-01', '2024-10-01'), data3, '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, false]);
  });
});

describe('never again is for malicious violations only', () => {
  it('a record marked 严重 for 未批先建: a warning for a person to judge, not never-again', () => {
    const data = index({
      inspections: [violation(A, '2020-04-01', '未批先建', '严重'), insp(A, '2023-01-01', { method: 'assistance' })],
      credit: [rating(A, 'trustworthy', { year: 2021 }), rating(A, 'trustworthy', { year: 2023 })],
    });
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), data, '2024-10-01');
    expect(a.neverAgain).toBe(false);
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, true]);
    expect(codes(a)).toEqual(['serious-violation-review']);
    const n = a.notes[0]!;
    expect(n.code === 'serious-violation-review' && ZH.check.hits(n.params.hits)).toContain('2020-04-01');
  });

  it('a 偷排 record from years before the list: never again, with no time limit', () => {
    const data = index({
      inspections: [violation(A, '2016-07-12', '夜间偷排生产废水', '一般'), insp(A, '2023-01-01')],
      credit: [rating(A, 'trustworthy', { year: 2021 }), rating(A, 'trustworthy', { year: 2023 })],
    });
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), data, '2024-10-01');
    expect(a.neverAgain).toBe(true);
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([false, false]);
    expect(codes(a)).toContain('never-again');
    expect(codes(a)).not.toContain('serious-violation-review');
    expect(a.asOf!.bars).toEqual([expect.objectContaining({ code: 'never-again', evidence: [expect.objectContaining({ kind: 'inspections', date: '2016-07-12' })] })]);
    expect(a.mustRemove).toBe(false); // before inclusion: not a ground that occurred while listed
  });

  it('不正常运行防治污染设施 to dodge monitoring counts as evading supervision', () => {
    const data = index({ inspections: [violation(A, '2019-03-01', '不正常运行防治污染设施', '一般')], credit: [rating(A, 'trustworthy', { year: 2023 })] });
    expect(assessEntry(subject(5, '2022-06-01', '2024-10-01'), data, '2024-10-01').neverAgain).toBe(true);
  });
});

describe('cannot tell where the data cannot settle it', () => {
  const data = index({ inspections: [insp(A, '2023-01-01', { method: 'offsite' })], credit: [rating(A, 'trustworthy', { year: 2023 })] });

  it('a rating of 2023 on 2023-06-30: cannot tell, give the 评价日期', () => {
    const j = judgeAt(A, 5, data, '2023-06-30');
    expect(j.verdict).toBe(null);
    const c5 = j.criteria.find((c) => c.n === 5)!;
    expect(c5.status).toBe('unknown');
    expect(c5.text.zh).toContain('2023年度信用评价为环保诚信企业');
    expect(c5.text.zh).toContain('请提供该评价的评价日期');
    expect(c5.evidence[0]).toMatchObject({ kind: 'credit', year: 2023 });
  });

  it('the same rating on 2024-03-01: it counts', () => {
    const j = judgeAt(A, 5, data, '2024-03-01');
    expect(j.verdict).toBe(true);
    expect(j.met).toEqual([5]);
  });

  it('an entry listed on 2023-06-30 by that rating: cannot tell at inclusion, eligible while listed', () => {
    const a = assessEntry(subject(5, '2023-06-30', '2024-10-01'), data, '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([null, true]);
    expect(codes(a)).not.toContain('not-eligible');
  });

  it('达标率 94.9 and 95 against the default threshold of 95, and against --stable-rate 90', () => {
    const at = (rate: number, stableRate?: number) => {
      const d = index(
        { inspections: [insp(A, '2024-01-10', { method: 'offsite' })], credit: [rating(A, 'good', { year: 2023 })], monitoring: [mon(A, { compliant: null, rate })] },
        true,
        stableRate,
      );
      return judgeAt(A, 4, d, '2024-10-01', 'listed', '2023-06-01');
    };
    expect(at(94.9).verdict).toBe(false);
    expect(at(94.9).criteria.find((c) => c.n === 4)!.text.zh).toContain('达标率 94.9%，低于稳定达标阈值 95%');
    expect(at(95).verdict).toBe(true);
    expect(at(95).criteria.find((c) => c.n === 4)!.text.zh).toContain('达到稳定达标阈值 95%');
    expect(at(94.9, 90).verdict).toBe(true);
    expect(at(94.9, 90).criteria.find((c) => c.n === 4)!.text.zh).toContain('达到稳定达标阈值 90%');
  });

  it('a stated 稳定达标 wins over the rate', () => {
    const d = index({
      inspections: [insp(A, '2024-01-10', { method: 'offsite' })],
      credit: [rating(A, 'good', { year: 2023 })],
      monitoring: [mon(A, { compliant: true, rate: 80 })],
    });
    expect(judgeAt(A, 4, d, '2024-10-01', 'listed', '2023-06-01').verdict).toBe(true);
  });

  it('an undated monitoring row judges while listed only, never the inclusion date', () => {
    const d = index({
      inspections: [insp(A, '2021-01-10', { method: 'offsite' })],
      credit: [rating(A, 'good', { year: 2021 }), rating(A, 'good', { year: 2023 })],
      monitoring: [mon(A)],
    });
    const a = assessEntry(subject(4, '2022-06-01', '2024-10-01'), d, '2024-10-01');
    expect(a.eligible).toBe(true);
    expect(a.eligibleAtInclusion).toBe(null);
    expect(a.atInclusion!.criteria.find((c) => c.n === 4)!.text.zh).toContain('在线监控记录没有统计日期');
    expect(codes(a)).not.toContain('not-eligible');
  });
});

describe('validity: 3 years in principle', () => {
  it('a stated 5-year validity is the published term: no expiry until its date, with the over-3-years flag', () => {
    const v = validityOf({ includedOn: '2021-06-01', statedUntil: '2026-05-31' }, '2024-10-01', 90);
    expect(v).toMatchObject({ status: 'valid', validUntil: '2026-05-31', threeYearEnd: '2024-05-31', overThreeYears: true });
    expect(validityOf({ includedOn: '2021-06-01', statedUntil: '2026-05-31' }, '2026-05-31', 90).status).toBe('expiring');
    expect(validityOf({ includedOn: '2021-06-01', statedUntil: '2026-05-31' }, '2026-06-01', 90).status).toBe('expired');
  });

  it('an earlier stated end still wins', () => {
    expect(validityOf({ includedOn: '2021-06-01', statedUntil: '2023-12-31' }, '2024-01-01', 90)).toMatchObject({
      status: 'expired',
      validUntil: '2023-12-31',
      overThreeYears: false,
    });
  });

  it('the check says which term it judged by', () => {
    const data = index({ inspections: [insp(A, '2023-01-01')], credit: [rating(A, 'trustworthy', { year: 2020 }), rating(A, 'trustworthy', { year: 2023 })] });
    const a = assessEntry(subject(5, '2021-06-01', '2024-10-01', '2026-05-31'), data, '2024-10-01');
    expect(zh(a)).toContain('所填有效期至 2026-05-31，超过纳入日期起 3 年（2024-05-31）');
    expect(zh(a)).not.toContain('已过期');
  });
});

describe('objections (三(三))', () => {
  const base = { inspections: [insp(A, '2023-01-01', { method: 'assistance' })], credit: [rating(A, 'trustworthy', { year: 2021 }), rating(A, 'trustworthy', { year: 2023 })] };

  it('an objection upheld on review: 不得纳入, with its evidence', () => {
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), index({ ...base, objections: [objection(A, 'upheld', '2022-05-20', '区工商联')] }), '2024-10-01');
    expect(a.objectionUpheld).toBe(true);
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([false, false]);
    expect(codes(a)).toContain('objection-upheld');
    const n = a.notes.find((x) => x.code === 'objection-upheld')!;
    expect(n.code === 'objection-upheld' && ZH.check.objections(n.params.objections)).toContain('区工商联提出的异议复核属实，复核日期 2022-05-20');
    expect(a.asOf!.bars[0]!.evidence).toEqual([expect.objectContaining({ kind: 'objections', date: '2022-05-20' })]);
  });

  it('upheld after inclusion: bars it while listed; the listing itself is judged on its own date', () => {
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), index({ ...base, objections: [objection(A, 'upheld', '2023-03-01')] }), '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible]).toEqual([true, false]);
  });

  it('an objection rejected on review does not bar it, and is said', () => {
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), index({ ...base, objections: [objection(A, 'rejected', '2022-05-20')] }), '2024-10-01');
    expect([a.eligibleAtInclusion, a.eligible, a.objectionUpheld]).toEqual([true, true, false]);
    expect(codes(a)).toEqual([]);
    expect(zh(a)).toContain('复核不属实，复核日期 2022-05-20');
  });

  it('an objection reviewed after the as-of date does not count yet', () => {
    const a = assessEntry(subject(5, '2022-06-01', '2024-10-01'), index({ ...base, objections: [objection(A, 'upheld', '2024-12-01')] }), '2024-10-01');
    expect(a.objectionUpheld).toBe(false);
  });
});
