/** The data conditions the criteria are built from, each judged on a date with its evidence. */
import { isGoodCredit, GRADE_LABEL, type Grade } from '../data/grades.js';
import type { MonitoringRecord } from '../data/types.js';
import { classify } from './exclusions.js';
import { firstRating, inCredit, inInspections, inspectionsWithinYear, monitoringInForce, ratingInForce } from './data.js';
import { inspection, list, monitoring, rating, t, yearWindow } from './describe.js';
import { cond } from './logic.js';
import type { At, Cond } from './types.js';

/** Said once per reason (the key), then left out: every condition on inspections hangs on it alike. */
function absentFromInspections(at: At): Cond {
  const w = yearWindow(at.date);
  return cond('unknown', t(`检查记录中查无此企业，无法确认 ${w.zh} 有无现场检查和违法记录`, `the enterprise is not in the inspection records, so inspections and violations within ${w.en} cannot be told`), [], `absent-inspections:${at.date}`, t('', ''));
}

/** An on-site enforcement inspection within one year. 体检式帮扶 is assistance, not enforcement: it does not count. */
export function onsiteInspection(at: At): Cond {
  const w = yearWindow(at.date);
  const onsite = inspectionsWithinYear(at).filter((i) => i.method === 'onsite');
  const last = onsite[onsite.length - 1];
  if (last) {
    const d = inspection(last, false);
    return cond('met', t(`${w.zh} 有现场执法检查：${d.zh}`, `an on-site inspection within ${w.en}: ${d.en}`), [last.src], `onsite:${at.date}`, t(`${w.zh} 有现场执法检查（见上）`, `an on-site inspection within ${w.en} (see above)`));
  }
  if (!inInspections(at)) return absentFromInspections(at);
  return cond('not-met', t(`${w.zh} 没有现场执法检查记录`, `no on-site inspection within ${w.en}`));
}

/** No violation (any, or only serious ones) within one year. */
export function noViolation(at: At, which: 'any' | 'serious'): Cond {
  const w = yearWindow(at.date);
  const what = which === 'any' ? t('环境违法记录', 'environmental violation') : t('严重环境违法记录', 'serious environmental violation');
  const rows = inspectionsWithinYear(at).map((i) => ({ i, c: classify(i) }));
  const bad = rows.filter(({ c }) => c.level === 'serious' || (which === 'any' && c.level === 'minor'));
  if (bad.length) {
    const d = list(bad.map(({ i }) => inspection(i)));
    return cond('not-met', t(`${w.zh} 有${what.zh}：${d.zh}`, `${what.en} within ${w.en}: ${d.en}`), bad.map(({ i }) => i.src), `violations:${which}:${at.date}`, t(`${w.zh} 有${what.zh}（见上）`, `${what.en} within ${w.en} (see above)`));
  }
  const unclear = rows.filter(({ c }) => c.level === 'unknown');
  if (unclear.length) {
    const d = list(unclear.map(({ i }) => inspection(i)));
    return cond('unknown', t(`${w.zh} 的检查记录无法判断有无违法：${d.zh}`, `records within ${w.en} do not say whether there was a violation: ${d.en}`), unclear.map(({ i }) => i.src), `violations-unclear:${at.date}`, t(`${w.zh} 的检查记录无法判断有无违法（见上）`, `records within ${w.en} do not say whether there was a violation (see above)`));
  }
  if (!inInspections(at)) return absentFromInspections(at);
  return cond('met', t(`${w.zh} 无${what.zh}`, `no ${what.en} within ${w.en}`));
}

type MonitoringNeed = 'running' | 'compliant';

/**
 * Online monitoring installed, networked and running normally (三), and stably compliant too (四).
 * Several records (monitoring points) must all pass. No record → not installed; no monitoring file
 * given at all → cannot tell.
 */
export function monitoringOk(at: At, need: MonitoringNeed): Cond {
  if (!at.data.monitoringGiven) return cond('unknown', t('未提供在线监控数据（--monitoring），无法判断在线监控条件', 'no online-monitoring data was given (--monitoring), so the monitoring conditions cannot be judged'), [], 'monitoring-not-given', t('在线监控条件无法判断（见上）', 'monitoring cannot be judged (see above)'));
  const rows = monitoringInForce(at);
  if (rows.length === 0) return cond('not-met', t('在线监控数据中没有该企业的在线监控记录', 'no online-monitoring record for the enterprise'), [], 'monitoring-none', t('没有在线监控记录', 'no online-monitoring record'));
  const checks = (m: MonitoringRecord): (boolean | null)[] => [m.installed, m.networked, m.stable, ...(need === 'compliant' ? [m.compliant] : [])];
  const failing = rows.filter((m) => checks(m).includes(false));
  if (failing.length) {
    const d = list(failing.map(monitoring));
    return cond('not-met', t(`在线监控条件不满足：${d.zh}`, `monitoring conditions not met: ${d.en}`), failing.map((m) => m.src));
  }
  const unclear = rows.filter((m) => checks(m).includes(null));
  const d = list(rows.map(monitoring));
  if (unclear.length) return cond('unknown', t(`在线监控记录不完整：${d.zh}`, `incomplete monitoring record: ${d.en}`), rows.map((m) => m.src));
  return cond('met', d, rows.map((m) => m.src));
}

/** The credit grade in force on the date satisfies `ok`. */
export function creditIs(at: At, ok: (g: Grade) => boolean, wanted: { zh: string; en: string }): Cond {
  const r = ratingInForce(at);
  if (r) {
    const d = rating(r);
    if (ok(r.grade)) return cond('met', d, [r.src]);
    return cond('not-met', t(`${d.zh}，不是${wanted.zh}`, `${d.en}, not ${wanted.en}`), [r.src]);
  }
  if (!inCredit(at)) return cond('unknown', t('信用评价中查无此企业，无法确认信用等级', 'the enterprise is not in the credit ratings, so its grade cannot be told'), [], `absent-credit:${at.date}`, t('信用等级无法确认（见上）', 'credit grade unknown (see above)'));
  const first = firstRating(at)!;
  const when = first.basis === 'year' ? t(`${first.year}年度评价视为 ${first.effective} 起生效`, `the ${first.year} rating counts from ${first.effective}`) : t(`最早的评价日期为 ${first.effective}`, `the first rating is dated ${first.effective}`);
  return cond('not-met', t(`${at.date} 时尚无生效的信用评价（${when.zh}）`, `no credit rating was in force on ${at.date} (${when.en})`), [first.src]);
}

export const creditTrustworthy = (at: At): Cond => creditIs(at, (g) => g === 'trustworthy', GRADE_LABEL.trustworthy);
export const creditGood = (at: At): Cond =>
  creditIs(at, isGoodCredit, { zh: `${GRADE_LABEL.trustworthy.zh}或${GRADE_LABEL.good.zh}`, en: `${GRADE_LABEL.trustworthy.en} or ${GRADE_LABEL.good.en}` });
