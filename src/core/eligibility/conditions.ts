/** The data conditions the criteria are built from, each judged on a date with its evidence. */
import { isGoodCredit, GRADE_LABEL, type Grade } from '../data/grades.js';
import type { CreditRating, MonitoringRecord } from '../data/types.js';
import { classify } from './exclusions.js';
import { firstRating, inCredit, inInspections, inspectionsSince, inspectionsWithinYear, monitoringInForce, pendingRatings, ratingInForce, worstRating } from './data.js';
import { compliance, evidenceOf, inspection, list, monitoring, rating, t, yearWindow } from './describe.js';
import { cond } from './logic.js';
import type { At, Cond } from './types.js';

/** Said once per reason (the key), then left out: every condition on inspections hangs on it alike. */
function absentFromInspections(at: At): Cond {
  const w = yearWindow(at.date);
  return cond(
    'unknown',
    t(
      `检查记录中查无此企业，无法确认 ${w.zh} 有无现场检查和违法记录`,
      `the enterprise is not in the inspection records, so inspections and violations within ${w.en} cannot be told`,
    ),
    [],
    `absent-inspections:${at.date}`,
    t('', ''),
  );
}

/** An on-site enforcement inspection within one year. 体检式帮扶 is assistance, not enforcement: it does not count. */
export function onsiteInspection(at: At): Cond {
  const w = yearWindow(at.date);
  const onsite = inspectionsWithinYear(at).filter((i) => i.method === 'onsite');
  const last = onsite[onsite.length - 1];
  if (last) {
    const d = inspection(last, false);
    return cond(
      'met',
      t(`${w.zh} 有现场执法检查：${d.zh}`, `an on-site inspection within ${w.en}: ${d.en}`),
      [evidenceOf.inspection(last)],
      `onsite:${at.date}`,
      t(`${w.zh} 有现场执法检查（见上）`, `an on-site inspection within ${w.en} (see above)`),
    );
  }
  if (!inInspections(at)) return absentFromInspections(at);
  return cond('not-met', t(`${w.zh} 没有现场执法检查记录`, `no on-site inspection within ${w.en}`));
}

/**
 * While listed, the on-site inspection of 二 and 三 is the one that got the entry on the list: judged on
 * the inclusion date and carried (三(六): listed enterprises are inspected off-site, visits are cut).
 */
export function onsiteAtInclusion(at: At): Cond {
  if (at.moment === 'inclusion') return onsiteInspection(at);
  if (!at.includedOn) {
    return cond(
      'unknown',
      t(
        '纳入日期未填写，无法确认纳入前一年内有无现场执法检查；请补填纳入日期',
        'no inclusion date, so whether there was an on-site inspection in the year before inclusion cannot be told; fill in the inclusion date',
      ),
      [],
      'no-inclusion-date',
      t('', ''),
    );
  }
  const c = onsiteInspection({ ...at, date: at.includedOn, moment: 'inclusion' });
  if (c.status !== 'met') return c;
  return {
    ...c,
    text: t(
      `纳入时（${at.includedOn}）${c.text.zh}（列入后以非现场检查为主，不要求再有现场检查）`,
      `at inclusion (${at.includedOn}), ${c.text.en} (once listed, inspections are mainly off-site: no further visit is required)`,
    ),
  };
}

/**
 * No violation (any, or only serious ones) in a window: within one year of the date ('year'), or since
 * the inclusion date ('since', the while-listed test of 二 and 三).
 */
export function noViolation(at: At, which: 'any' | 'serious', window: 'year' | 'since' = 'year'): Cond {
  const since = window === 'since' && at.moment === 'listed';
  const w = since ? (at.includedOn ? t(`纳入（${at.includedOn}）以来`, `since inclusion (${at.includedOn})`) : t(`截至 ${at.date}`, `up to ${at.date}`)) : yearWindow(at.date);
  const what = which === 'any' ? t('环境违法记录', 'environmental violation') : t('严重环境违法记录', 'serious environmental violation');
  // the year window's dates are followed by a space, 纳入以来 is not
  const sp = since ? '' : ' ';
  const rows = (since ? inspectionsSince(at) : inspectionsWithinYear(at)).map((i) => ({ i, c: classify(i) }));
  const bad = rows.filter(({ c }) => c.level === 'serious' || (which === 'any' && c.level === 'minor'));
  const key = `violations:${which}:${since ? 'since' : 'year'}:${at.date}`;
  if (bad.length) {
    const d = list(bad.map(({ i }) => inspection(i)));
    const ev = bad.map(({ i }) => evidenceOf.inspection(i));
    if (since && !at.includedOn) {
      return cond(
        'unknown',
        t(
          `纳入日期未填写，无法判断以下${what.zh}是否在列入期间：${d.zh}；请补填纳入日期`,
          `no inclusion date, so whether this ${what.en} fell while listed cannot be told: ${d.en}; fill in the inclusion date`,
        ),
        ev,
        key,
        t(`${w.zh}${sp}有${what.zh}（见上）`, `${what.en} ${w.en} (see above)`),
      );
    }
    return cond(
      'not-met',
      t(`${w.zh}${sp}有${what.zh}：${d.zh}`, `${what.en} ${since ? '' : 'within '}${w.en}: ${d.en}`),
      ev,
      key,
      t(`${w.zh}${sp}有${what.zh}（见上）`, `${what.en} ${since ? '' : 'within '}${w.en} (see above)`),
    );
  }
  const unclear = rows.filter(({ c }) => c.level === 'unknown');
  if (unclear.length) {
    const d = list(unclear.map(({ i }) => inspection(i)));
    return cond(
      'unknown',
      t(`${w.zh}${sp}的检查记录无法判断有无违法：${d.zh}`, `records ${since ? '' : 'within '}${w.en} do not say whether there was a violation: ${d.en}`),
      unclear.map(({ i }) => evidenceOf.inspection(i)),
      `violations-unclear:${since ? 'since' : 'year'}:${at.date}`,
      t(`${w.zh}${sp}的检查记录无法判断有无违法（见上）`, `records ${since ? '' : 'within '}${w.en} do not say whether there was a violation (see above)`),
    );
  }
  if (!inInspections(at)) return absentFromInspections(at);
  return cond('met', t(`${w.zh}${sp}无${what.zh}`, `no ${what.en} ${since ? '' : 'within '}${w.en}`));
}

type MonitoringNeed = 'running' | 'compliant';

/**
 * Online monitoring installed, networked and running normally (三), and stably compliant too (四).
 * Several records (monitoring points) must all pass. No record → not installed; no monitoring file
 * given at all → cannot tell; on the inclusion date, undated rows (the present) cannot tell either.
 */
export function monitoringOk(at: At, need: MonitoringNeed): Cond {
  if (!at.data.monitoringGiven)
    return cond(
      'unknown',
      t('未提供在线监控数据（--monitoring），无法判断在线监控条件', 'no online-monitoring data was given (--monitoring), so the monitoring conditions cannot be judged'),
      [],
      'monitoring-not-given',
      t('在线监控条件无法判断（见上）', 'monitoring cannot be judged (see above)'),
    );
  const every = at.data.monitoring.get(at.uscc) ?? [];
  if (every.length === 0)
    return cond(
      'not-met',
      t('在线监控数据中没有该企业的在线监控记录', 'no online-monitoring record for the enterprise'),
      [],
      'monitoring-none',
      t('没有在线监控记录', 'no online-monitoring record'),
    );
  const rate = at.data.stableRate;
  const rows = monitoringInForce(at);
  if (rows.length === 0) {
    const undated = every.filter((m) => m.date === undefined);
    if (undated.length) {
      const d = list(undated.map((m) => monitoring(m, rate)));
      return cond(
        'unknown',
        t(
          `在线监控记录没有统计日期，只说明现状，不能说明 ${at.date} 时的情况：${d.zh}；请提供当时的在线监控记录（带统计日期）`,
          `the monitoring records carry no date: they describe the present, not ${at.date}: ${d.en}; supply the records of that time (with their date)`,
        ),
        undated.map(evidenceOf.monitoring),
        `monitoring-undated:${at.date}`,
        t(`${at.date} 时的在线监控情况无法判断（见上）`, `monitoring on ${at.date} cannot be told (see above)`),
      );
    }
    const first = every.find((m): m is MonitoringRecord & { date: string } => m.date !== undefined)!;
    return cond(
      'not-met',
      t(`${at.date} 前没有在线监控记录（最早的记录为 ${first.date}）`, `no online-monitoring record on or before ${at.date} (the first is of ${first.date})`),
      [evidenceOf.monitoring(first)],
      `monitoring-later:${at.date}`,
      t(`${at.date} 前没有在线监控记录`, `no online-monitoring record on or before ${at.date}`),
    );
  }
  const checks = (m: MonitoringRecord): (boolean | null)[] => [m.installed, m.networked, m.stable, ...(need === 'compliant' ? [compliance(m, rate)] : [])];
  const failing = rows.filter((m) => checks(m).includes(false));
  if (failing.length) {
    const d = list(failing.map((m) => monitoring(m, rate)));
    return cond('not-met', t(`在线监控条件不满足：${d.zh}`, `monitoring conditions not met: ${d.en}`), failing.map(evidenceOf.monitoring));
  }
  const unclear = rows.filter((m) => checks(m).includes(null));
  const d = list(rows.map((m) => monitoring(m, rate)));
  if (unclear.length) return cond('unknown', t(`在线监控记录不完整：${d.zh}`, `incomplete monitoring record: ${d.en}`), rows.map(evidenceOf.monitoring));
  return cond('met', d, rows.map(evidenceOf.monitoring));
}

/** The outcome of the rating in force (or of none), without the ratings whose publication date is unknown. */
function creditOutcome(at: At, r: CreditRating | undefined, ok: (g: Grade) => boolean, wanted: { zh: string; en: string }): Cond {
  if (r) {
    const d = rating(r);
    if (ok(r.grade)) return cond('met', d, [evidenceOf.rating(r)]);
    return cond('not-met', t(`${d.zh}，不是${wanted.zh}`, `${d.en}, not ${wanted.en}`), [evidenceOf.rating(r)]);
  }
  const first = firstRating(at)!;
  const when =
    first.basis === 'year'
      ? t(`${first.year!}年度评价视为 ${first.effective} 起生效`, `the ${first.year!} rating counts from ${first.effective}`)
      : t(`最早的评价日期为 ${first.effective}`, `the first rating is dated ${first.effective}`);
  return cond('not-met', t(`${at.date} 时尚无生效的信用评价（${when.zh}）`, `no credit rating was in force on ${at.date} (${when.en})`), [evidenceOf.rating(first)]);
}

/**
 * The credit grade in force on the date satisfies `ok`. A rating known only by its 评价年度 Y counts from
 * Y+1; on a date within Y it may or may not have been published yet: when that would change the answer,
 * the answer is "cannot tell", naming the 评价日期 that would settle it.
 */
export function creditIs(at: At, ok: (g: Grade) => boolean, wanted: { zh: string; en: string }): Cond {
  if (!inCredit(at))
    return cond(
      'unknown',
      t('信用评价中查无此企业，无法确认信用等级', 'the enterprise is not in the credit ratings, so its grade cannot be told'),
      [],
      `absent-credit:${at.date}`,
      t('信用等级无法确认（见上）', 'credit grade unknown (see above)'),
    );
  const known = creditOutcome(at, ratingInForce(at), ok, wanted);
  const pending = pendingRatings(at);
  if (!pending.length) return known;
  const p = worstRating(pending);
  const ifPublished = ok(p.grade) ? 'met' : 'not-met';
  if (ifPublished === known.status) return known;
  const d = rating(p);
  return cond(
    'unknown',
    t(
      `${d.zh}，只知评价年度、不知评价日期，${at.date} 时是否已公布生效无法确定（已生效则${ifPublished === 'met' ? '符合' : '不符合'}；未生效则${known.text.zh}）；请提供该评价的评价日期`,
      `${d.en}: only its year is known, so whether it was already published on ${at.date} cannot be told (if it was, the condition ${ifPublished === 'met' ? 'holds' : 'fails'}; if not: ${known.text.en}); supply its rating date (评价日期)`,
    ),
    [evidenceOf.rating(p), ...known.evidence.filter((x) => x.file !== p.src.file || x.row !== p.src.row || x.sheet !== p.src.sheet)],
  );
}

export const creditTrustworthy = (at: At): Cond => creditIs(at, (g) => g === 'trustworthy', GRADE_LABEL.trustworthy);
export const creditGood = (at: At): Cond =>
  creditIs(at, isGoodCredit, { zh: `${GRADE_LABEL.trustworthy.zh}或${GRADE_LABEL.good.zh}`, en: `${GRADE_LABEL.trustworthy.en} or ${GRADE_LABEL.good.en}` });
