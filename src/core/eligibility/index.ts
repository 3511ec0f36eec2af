/**
 * The criteria engine: judge one listed enterprise on a date, and assess an entry on its inclusion
 * date (was the listing right?) and on the as-of date (may it stay?).
 *
 * Verdict rules (the notice's part 三, as docs/check.md sets them out):
 * - 四 and 五 are judged for every entry from the data; 二 and 三 only when declared (the designation
 *   is taken as declared, its data conditions are checked); 一 cannot be judged.
 * - eligible (true) when the declared criterion or 四 or 五 holds; not eligible (false) when none of
 *   those holds; cannot tell (null) when the answer hangs on 一 or on data the enterprise is absent from.
 * - An entry without a readable 纳入情形 may rest on a designation (一, 二 or 三) that only the district
 *   can state: unless 四 or 五 holds, its verdict is null — "cannot tell", never a false "not eligible".
 * - Two questions, two dates: at inclusion every condition is judged on the 纳入日期; while listed (the
 *   as-of date) the on-site inspection of 二/三 is carried from inclusion and their violations counted
 *   since inclusion, 四 and 五 judged afresh (docs/check.md "两个问题、两个日期").
 * - A malicious violation on record on or before the date, or an objection upheld on review, makes the
 *   verdict false whatever criterion holds (三(四) 不得再次纳入, 三(三) 不得纳入); so does a removal
 *   ground of 三(九) while listed, on the as-of date. A record marked 严重 naming no malicious act only
 *   counts as serious for the criteria, and asks a person (serious-violation-review).
 */
import type { CriterionN } from '../annex2/entries.js';
import type { Validity } from '../annex2/validity.js';
import type { DataKind, SourceRef, Text } from '../data/types.js';
import type { IsoDate } from '../values/dates.js';
import { c1 } from './c1.js';
import { c2 } from './c2.js';
import { c3 } from './c3.js';
import { c4 } from './c4.js';
import { c5 } from './c5.js';
import { describeHits, maliciousViolations, removalGrounds, seriousToReview, type Hit, type RemovalResult } from './exclusions.js';
import { assistance, type AssistanceResult } from './assistance.js';
import { inCredit, inInspections, objectionsUpTo } from './data.js';
import { criterionName, evidenceOf, list, objection, t, where } from './describe.js';
import { render } from './logic.js';
import type { At, Cond, CriterionResult, EnforcementIndex, Evidence } from './types.js';
import type { ParamsOf } from '../findings/catalogue/index.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). The orchestrator (check/check.ts) raises them at the entry's row. */
export const emits = [
  'not-eligible',
  'no-longer-eligible',
  'never-again',
  'must-remove',
  'assistance-visit-missing',
  'not-in-data',
  'serious-violation-review',
  'objection-upheld',
] as const satisfies readonly FindingCode[];

export type { EnforcementIndex, Evidence } from './types.js';
export { indexData } from './data.js';

const CRITERIA: Record<CriterionN, (at: At) => Cond> = { 1: c1, 2: c2, 3: c3, 4: c4, 5: c5 };

/** What bars an enterprise whatever criterion it meets: a malicious violation (三(四)), an objection upheld (三(三)). */
export interface Bar {
  code: 'never-again' | 'objection-upheld';
  text: Text;
  evidence: Evidence[];
}

export interface Judgement {
  date: IsoDate;
  moment: At['moment'];
  verdict: boolean | null;
  /** the criteria considered: the declared one (if 一..三), then 四 and 五 */
  criteria: CriterionResult[];
  /** criteria whose conditions hold (四/五 always considered; 二/三 only when declared) */
  met: CriterionN[];
  /** what bars it on the date, whatever it meets */
  bars: Bar[];
  /** the malicious violations among the bars */
  serious: Hit[];
}

const hitEvidence = (hits: Hit[]): Evidence[] => hits.map((h) => evidenceOf.inspection(h.inspection));

/**
 * Judge an enterprise (valid USCC) with a declared criterion (or none) on a date: `moment` 'inclusion'
 * (was the listing right? — every condition on `date`) or 'listed' (may it stay? — `date` is the as-of
 * date, and `includedOn` where "since inclusion" runs from).
 */
export function judgeAt(
  uscc: string,
  declared: CriterionN | null | undefined,
  data: EnforcementIndex,
  date: IsoDate,
  moment: At['moment'] = 'inclusion',
  includedOn?: IsoDate,
): Judgement {
  const at: At = { uscc, date, data, moment, includedOn: moment === 'inclusion' ? date : includedOn };
  const ns: CriterionN[] = declared && declared <= 3 ? [declared, 4, 5] : [4, 5];
  const criteria = ns.map((n) => ({ n, ...CRITERIA[n](at) }));
  const met = criteria
    .filter((c) => c.status === 'met')
    .map((c) => c.n)
    .sort((a, b) => a - b);
  const serious = maliciousViolations(at);
  const bars: Bar[] = [];
  if (serious.length) {
    const ev = describeHits(serious);
    bars.push({
      code: 'never-again',
      text: t(`有恶意环境违法记录，按方案三(四)不得纳入正面清单：${ev.zh}`, `a malicious violation on record; under 三(四) it may not be listed: ${ev.en}`),
      evidence: hitEvidence(serious),
    });
  }
  const upheld = objectionsUpTo(at).filter((o) => o.result === 'upheld');
  if (upheld.length) {
    const ev = list(upheld.map(objection));
    bars.push({
      code: 'objection-upheld',
      text: t(`对其纳入的异议经复核属实，按方案三(三)不得纳入正面清单：${ev.zh}`, `an objection to its listing was upheld on review; under 三(三) it may not be listed: ${ev.en}`),
      evidence: upheld.map(evidenceOf.objection),
    });
  }
  let verdict: boolean | null;
  if (bars.length) verdict = false;
  else if (met.length) verdict = true;
  else if (!declared) verdict = null;
  else verdict = criteria.some((c) => c.status === 'unknown') ? null : false;
  return { date, moment, verdict, criteria, met, bars, serious };
}

export interface EntrySubject {
  name: string;
  /** the normalised USCC when it is valid; undefined when the list's code is missing or wrong */
  uscc?: string;
  declared?: CriterionN | null;
  validity: Validity;
}

/** The codes of the findings the orchestrator raises at an entry's row. */
export type NoteCode =
  'not-eligible' | 'no-longer-eligible' | 'never-again' | 'must-remove' | 'assistance-visit-missing' | 'not-in-data' | 'serious-violation-review' | 'objection-upheld';

/** A finding the orchestrator raises at the entry's row: a code and its parameters, as the catalogue types them. */
export type Note<C extends NoteCode = NoteCode> = { [K in C]: { code: K; params: ParamsOf<K> } }[C];

export interface Assessment {
  eligible: boolean | null;
  eligibleAtInclusion: boolean | null;
  metCriteria: CriterionN[];
  metAtInclusion: CriterionN[] | null;
  neverAgain: boolean;
  mustRemove: boolean;
  objectionUpheld: boolean;
  /** an objection not reviewed yet: to follow up */
  objectionPending: boolean;
  notInData: DataKind[];
  /** the while-listed judgement, on the as-of date */
  asOf?: Judgement;
  atInclusion?: Judgement;
  removal?: RemovalResult;
  assistance?: AssistanceResult;
  /** records marked 严重 that name no malicious act: for a person to judge */
  review: Hit[];
  /** the sentence of each verdict (also among `reasons`) */
  summaries: { whileListed?: Text; atInclusion?: Text };
  reasons: Text[];
  notes: Note[];
}

export function assessEntry(e: EntrySubject, data: EnforcementIndex, asOf: IsoDate): Assessment {
  const v = e.validity;
  const out: Assessment = {
    eligible: null,
    eligibleAtInclusion: null,
    metCriteria: [],
    metAtInclusion: null,
    neverAgain: false,
    mustRemove: false,
    objectionUpheld: false,
    objectionPending: false,
    notInData: [],
    review: [],
    summaries: {},
    reasons: [],
    notes: [],
  };
  const name = e.name || '该企业';
  if (!e.uscc) {
    out.reasons.push(
      t(
        '统一社会信用代码缺失或有误，无法与执法数据比对；请先更正信用代码',
        'the USCC is missing or wrong, so the enterprise cannot be matched with the enforcement data; correct the code first',
      ),
    );
    out.reasons.push(...validityReasons(v, asOf));
    return out;
  }
  const at: At = { uscc: e.uscc, date: asOf, data, moment: 'listed', includedOn: v.includedOn };
  if (!inInspections(at)) out.notInData.push('inspections');
  if (!inCredit(at)) out.notInData.push('credit');

  const now = judgeAt(e.uscc, e.declared, data, asOf, 'listed', v.includedOn);
  out.asOf = now;
  out.eligible = now.verdict;
  out.metCriteria = now.met;
  out.neverAgain = now.serious.length > 0;
  out.objectionUpheld = now.bars.some((b) => b.code === 'objection-upheld');
  if (v.includedOn) {
    const then = judgeAt(e.uscc, e.declared, data, v.includedOn, 'inclusion');
    out.atInclusion = then;
    out.eligibleAtInclusion = then.verdict;
    out.metAtInclusion = then.met;
  }
  const removal = removalGrounds(at, v.includedOn);
  out.removal = removal;
  out.mustRemove = removal.grounds.length > 0;
  if (out.mustRemove) out.eligible = false;
  out.review = seriousToReview(at);

  // reasons: what must happen first, then the two verdicts, then validity and follow-up
  for (const b of now.bars) {
    out.reasons.push(b.text);
    out.notes.push(
      b.code === 'never-again'
        ? { code: b.code, params: { name, hits: now.serious } }
        : { code: b.code, params: { name, objections: objectionsUpTo(at).filter((o) => o.result === 'upheld') } },
    );
  }
  if (out.mustRemove) {
    const ev = describeHits(removal.grounds);
    const scope = removal.sinceInclusion ? t('', '') : t('（纳入日期不明，按截至判断日期的全部记录）', ' (inclusion date unknown: all records up to the as-of date)');
    out.reasons.push(t(`列入清单期间出现方案三(九)规定的应移出情形${scope.zh}：${ev.zh}`, `a removal ground of 三(九) occurred while listed${scope.en}: ${ev.en}`));
    out.notes.push({ code: 'must-remove', params: { name, hits: removal.grounds } });
  }
  if (removal.unclear.length) {
    const ev = describeHits(removal.unclear);
    out.reasons.push(
      t(
        `请核实是否主动报告：未主动报告的超标排放属应移出情形（三(九)）：${ev.zh}`,
        `check whether it was self-reported: an over-limit discharge not reported by the enterprise is a removal ground (三(九)): ${ev.en}`,
      ),
    );
  }
  if (out.review.length) {
    const ev = describeHits(out.review);
    out.reasons.push(
      t(
        `有标为“严重”但未写明恶意情节的违法记录，是否属于方案三(四)“不得再次纳入”的情形须人工判断：${ev.zh}`,
        `a violation marked 严重 (serious) names no malicious act; whether it bars the enterprise for ever under 三(四) is for a person to judge: ${ev.en}`,
      ),
    );
    out.notes.push({ code: 'serious-violation-review', params: { name, hits: out.review } });
  }
  out.summaries.whileListed = summary(now, e.declared, t(`列入期间（截至 ${asOf}），`, `While listed (as of ${asOf}),`), out.mustRemove);
  out.reasons.push(out.summaries.whileListed);
  if (out.atInclusion) {
    out.summaries.atInclusion = summary(out.atInclusion, e.declared, t(`纳入时（${v.includedOn!}），`, `At inclusion (${v.includedOn!}),`));
    out.reasons.push(out.summaries.atInclusion);
  } else out.reasons.push(t('纳入日期未填写，无法判断纳入时是否符合条件', 'no inclusion date, so whether the listing was right cannot be judged'));
  if (out.atInclusion && out.eligibleAtInclusion === false && out.atInclusion.met.length === 0) {
    out.notes.push({ code: 'not-eligible', params: { name, date: out.atInclusion.date, reasons: failures(out.atInclusion) } });
  }
  if (out.eligible === false && now.met.length === 0) out.notes.push({ code: 'no-longer-eligible', params: { name, date: asOf, reasons: failures(now) } });
  for (const o of objectionsUpTo(at).filter((x) => x.result !== 'upheld')) {
    const d = objection(o);
    if (o.result === 'pending') out.objectionPending = true;
    out.reasons.push(
      o.result === 'rejected'
        ? t(`${d.zh}，不影响纳入`, `${d.en}: it does not bar the listing`)
        : t(`${d.zh}：复核属实的不得纳入（三(三)），请跟进复核结果`, `${d.en}: if upheld it bars the listing (三(三)); follow up the review`),
    );
  }
  out.reasons.push(...validityReasons(v, asOf));

  if (v.includedOn && v.validUntil && inInspections(at)) {
    const a = assistance(at, v.includedOn, v.validUntil);
    out.assistance = a;
    if (a.missing) {
      out.reasons.push(
        t(
          `自纳入（${v.includedOn}）以来没有体检式现场帮扶记录，有效期（至 ${v.validUntil}）已过半`,
          `no assistance visit since inclusion (${v.includedOn}) and over half the validity (to ${v.validUntil}) has passed`,
        ),
      );
      out.notes.push({ code: 'assistance-visit-missing', params: { name, includedOn: v.includedOn, validUntil: v.validUntil } });
    }
  }
  if (out.notInData.length) {
    out.notes.push({ code: 'not-in-data', params: { name, value: e.uscc, sources: out.notInData } });
  }
  const invalid = data.invalid.get(e.uscc);
  if (invalid?.length) {
    const w = list(invalid.map(where));
    out.reasons.push(
      t(
        `执法数据中有该企业的 ${invalid.length} 行无法使用（${w.zh}），以上结论未计入这些记录`,
        `${invalid.length} row(s) of the enforcement data for this enterprise could not be used (${w.en}); the verdict leaves them out`,
      ),
    );
  }
  return out;
}

function criterionLine(c: CriterionResult, declared: CriterionN | null | undefined, seen: Set<string>): Text {
  const name = criterionName(c.n, c.n === declared);
  const text = render(c, seen);
  return t(`${name.zh}——${text.zh}`, `${name.en}: ${text.en}`);
}

/** The criteria's lines of one reason, each base condition stated once. */
function lines(cs: CriterionResult[], declared: CriterionN | null | undefined): Text {
  const seen = new Set<string>();
  const ls = cs.map((c) => criterionLine(c, declared, seen));
  return t(ls.map((l) => l.zh).join('；'), ls.map((l) => l.en).join('; '));
}

function summary(j: Judgement, declared: CriterionN | null | undefined, when: Text, removal = false): Text {
  const line = (cs: CriterionResult[]) => lines(cs, declared);
  const met = j.criteria.filter((c) => c.status === 'met');
  if (removal && j.verdict === true) {
    const l = line(met);
    return t(
      `${when.zh}虽符合${l.zh}，但列入期间出现应移出情形（见上），应移出清单。`,
      `${when.en} it meets ${l.en}, but a removal ground occurred while listed (above), so it must be removed.`,
    );
  }
  if (j.verdict === true) {
    const l = line(met);
    return t(`${when.zh}符合纳入条件：${l.zh}。`, `${when.en} it is eligible: ${l.en}.`);
  }
  if (j.verdict === false && j.bars.length) {
    const why = j.bars.map((b) => (b.code === 'never-again' ? t('有恶意环境违法记录', 'a malicious violation on record') : t('异议经复核属实', 'an objection upheld on review')));
    const w = t(why.map((x) => x.zh).join('，且'), why.map((x) => x.en).join(' and '));
    if (met.length) {
      const l = line(met);
      return t(`${when.zh}虽符合${l.zh}，但${w.zh}（见上），不得列入。`, `${when.en} it meets ${l.en}, but has ${w.en} (above), so it may not be listed.`);
    }
    const l = line(j.criteria);
    return t(`${when.zh}不符合任何纳入情形，且${w.zh}（见上）：${l.zh}。`, `${when.en} it meets no criterion and has ${w.en} (above): ${l.en}.`);
  }
  if (j.verdict === false) {
    const l = line(j.criteria);
    return t(`${when.zh}不符合任何纳入情形：${l.zh}。`, `${when.en} it meets no criterion: ${l.en}.`);
  }
  const l = line(j.criteria);
  const undeclared = declared
    ? t('', '')
    : t('纳入情形未填写或无法识别，情形一至三须由区县说明认定依据；', 'no readable 纳入情形: criteria I–III rest on a designation only the district can state; ');
  return t(`${when.zh}无法判断是否符合纳入条件：${undeclared.zh}${l.zh}。`, `${when.en} eligibility cannot be told: ${undeclared.en}${l.en}.`);
}

/** The reasons parameter of not-eligible / no-longer-eligible: why each considered criterion fails. */
function failures(j: Judgement): Text {
  return lines(j.criteria, undefined);
}

function validityReasons(v: Validity, asOf: IsoDate): Text[] {
  // expired and expiring come with validUntil and daysLeft; overThreeYears with validUntil and threeYearEnd (validityOf)
  const out: Text[] = [];
  if (v.status === 'expired')
    out.push(
      t(
        `正面清单有效期至 ${v.validUntil!}，截至 ${asOf} 已过期，须重新核实后重新纳入或移出`,
        `valid until ${v.validUntil!}: expired as of ${asOf}; re-verify and re-list or remove it`,
      ),
    );
  else if (v.status === 'expiring' && v.daysLeft === 0)
    out.push(t(`正面清单有效期至 ${v.validUntil!}，${asOf} 是最后有效日`, `valid until ${v.validUntil!}: ${asOf} is its last valid day`));
  else if (v.status === 'expiring') out.push(t(`正面清单有效期至 ${v.validUntil!}，还有 ${v.daysLeft!} 天到期`, `valid until ${v.validUntil!}: expires in ${v.daysLeft!} days`));
  else if (v.status === 'unknown') out.push(t('纳入日期和有效期均未填写，无法判断是否过期', 'neither an inclusion date nor a validity is given, so expiry cannot be judged'));
  if (v.overThreeYears)
    out.push(
      t(
        `所填有效期至 ${v.validUntil!}，超过纳入日期起 3 年（${v.threeYearEnd!}）：有效期原则为 3 年（三(四)），是否过期按所填的公布期限判断，请核实该期限的依据`,
        `the stated validity (to ${v.validUntil!}) runs past 3 years from inclusion (${v.threeYearEnd!}): validity is 3 years in principle (三(四)); expiry is judged by the published term as stated; check its grounds`,
      ),
    );
  return out;
}

export type { SourceRef };
