/**
 * What an e-mail subject says: the unit, the period and the kinds of material, per the notice's rule
 * "xx区（县）x季度落实监督执法正面清单工作情况汇总表" and its common variants (区/县 omitted,
 * 第三季度/三季度/3季度/Q3, a year, extra words, 回复/转发 prefixes).
 */
import { findUnitInText, resolveUnit, type Resolution } from '../roster/resolve.js';
import { filePeriod, type FilePeriod } from '../roster/file-period.js';
import type { IsoDate } from '../roster/units.js';
import type { SubmissionKind } from './types.js';

export interface SubjectInfo {
  /** the subject without reply/forward prefixes */
  text: string;
  /** the unit named, `unknown` with the text that looks like a unit name, or null when none is named */
  unit: Resolution | null;
  period: FilePeriod;
  /** kinds of material the subject names */
  kinds: SubmissionKind[];
  /** names the list (正面清单) — a submission rather than some other mail */
  aboutList: boolean;
}

const PREFIX = /^\s*(?:(?:re|fw|fwd|回复|答复|转发|自动回复)\s*[:：]\s*|\[[^\]]*\]\s*|【[^】]*】\s*)+/i;

/** A unit-like name just before the period or the subject's keywords: "璧南区3季度…", "XX县关于报送…". */
const UNIT_LIKE =
  /^([\u4E00-\u9FFF]{1,12}?(?:新区|开发区|经开区|高新区|自治县|区|县))(?=\s*(?:20\d{2}\s*年)?\s*(?:第?[一二三四1-4]季|[Qq][1-4]|年度|关于|落实|监督|正面|附表|附件|报送|上报|\d|$))/;

export function kindsInText(t: string): SubmissionKind[] {
  const out: SubmissionKind[] = [];
  if (/附表\s*[1一]|附件\s*[1一]|工作情况汇总表|汇总表/.test(t)) out.push('annex1');
  if (/附表\s*[2二]|附件\s*[2二]|企业列表|企业名单|清单企业/.test(t)) out.push('annex2');
  if (/亮点|成效|稿件|信息稿|经验做法/.test(t)) out.push('article');
  if (/案例/.test(t)) out.push('case');
  if (/总结/.test(t)) out.push('summary');
  return out;
}

export function stripReplyPrefix(subject: string): string {
  return subject.replace(PREFIX, '').trim();
}

/** Read a subject; `received` (Beijing date) supplies the year when the subject names only a quarter. */
export function readSubject(subject: string, received: IsoDate, periodEnd?: IsoDate, cutover?: string): SubjectInfo {
  const text = stripReplyPrefix(subject);
  let unit = findUnitInText(text, periodEnd, cutover);
  if (unit === null) {
    const m = UNIT_LIKE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
    if (m) {
      const r = resolveUnit(m[1]!, periodEnd, cutover);
      unit = r.kind === 'ok' ? r : { kind: 'unknown', value: m[1]!, ...(r.kind === 'unknown' && r.suggestion ? { suggestion: r.suggestion } : {}) };
    }
  }
  // a subject has no extension: keep a trailing ".xlsx"-like word from being cut off as one
  return { text, unit, period: filePeriod(`${text}.eml`, received), kinds: kindsInText(text), aboutList: /正面清单|清单/.test(text) };
}
