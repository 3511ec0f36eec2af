/** Readings of the enforcement exports' cell values: yes/no, 检查方式, 违法情况, 运行状态, 达标率, 评价年度. */
import { toHalfWidth } from '../values/text.js';
import type { InspectionMethod, ReviewResult, SeverityValue } from './types.js';

function norm(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
}

/** 是/否 and its many spellings; null when neither. */
export function parseYesNo(text: string): boolean | null {
  const t = norm(text);
  if (!t) return null;
  if (/^(是|有|已|对|y|yes|true|1|√|✓|✔)$/.test(t)) return true;
  if (/^(否|无|没有|未|不|n|no|false|0|×|✗|✘|x)$/.test(t)) return false;
  if (/^(未|没有|不|非|无)/.test(t)) return false; // 未安装, 未联网, 没有报告, 不达标
  if (/^(已|是|有)/.test(t) || /^(安装|联网|达标|报告|主动报告|正常)/.test(t)) return true; // 已安装, 已联网, 达标
  if (/超标|异常/.test(t)) return false;
  return null;
}

/**
 * 检查方式: 体检式帮扶 (an assistance visit), 非现场检查 (remote: online/video monitoring, drones,
 * power data), 现场检查 (on-site). The order matters: 非现场 contains 现场, and 体检式现场帮扶 contains 现场.
 */
export function parseMethod(text: string): InspectionMethod | null {
  const t = norm(text);
  if (!t) return null;
  if (/体检|帮扶/.test(t)) return 'assistance';
  if (/非现场|远程|在线|视频|无人机|遥感|卫星|用电|用能|走航|书面|offsite|off-site|remote/.test(t)) return 'offsite';
  if (/现场|双随机|日常|专项|执法检查|突击|夜查|onsite|on-site/.test(t)) return 'onsite';
  return null;
}

/**
 * 违法情况: 无 / 一般 / 严重. 轻微, 较轻 and 较重 are violations that are not 严重; 是/有 (a 是否违法 column)
 * is a violation of unstated gravity, read as 一般 — the violation text may still make it serious.
 */
export function parseSeverity(text: string): SeverityValue | null {
  const t = norm(text);
  if (!t) return null;
  if (/^(无|否|没有|未发现|未发现违法|未发现问题|无违法|无违法行为|正常|合格|不违法|none|no|n|0)$/.test(t)) return 'none';
  if (/严重|重大|serious/.test(t)) return 'serious';
  if (/一般|轻微|较轻|较重|违法|^是$|^有$|^y$|^yes$|minor|general/.test(t)) return 'minor';
  return null;
}

/** 运行状态: 稳定/正常 → true, 异常/故障/停运 → false. */
export function parseRunning(text: string): boolean | null {
  const t = norm(text);
  if (!t) return null;
  if (/不稳定|异常|故障|停运|停用|离线|中断|损坏|未运行|abnormal|unstable|fault|offline/.test(t)) return false;
  if (/稳定|正常|良好|运行|在线|stable|normal|ok/.test(t)) return true;
  return parseYesNo(t);
}

/** 达标率 as a percentage: '98.5%', '98.5', '0.985' (a fraction up to 1). NaN when unreadable. */
export function parseRate(text: string): number {
  const t = norm(text).replace(/,/g, '');
  const m = /^(\d+(?:\.\d+)?)(%|％)?$/.exec(t);
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[2]) return n <= 100 ? n : NaN;
  if (n <= 1) return n * 100;
  return n <= 100 ? n : NaN;
}

/** 评价年度: 2023, '2023', '2023年', '2023年度'; null when not a plausible year. */
export function parseYear(text: string): number | null {
  const t = norm(text);
  const m = /^(\d{4})(?:\.0+)?(?:年度?|年)?$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : null;
}

/**
 * 复核结果: 属实 → upheld, 不属实 → rejected, empty → pending (not reviewed yet); null when it says
 * something else (the row cannot be used: an objection's outcome must not be guessed).
 */
export function parseReview(text: string): ReviewResult | null {
  const t = norm(text);
  if (!t || /^(待复核|未复核|复核中|正在复核|尚未复核|待定|—|-|\/|／)$/.test(t)) return 'pending';
  if (/^(不属实|不成立|未查实|查无实据|异议不成立|复核不属实|经复核不属实|驳回|不予采纳|否|rejected)$/.test(t)) return 'rejected';
  if (/^(属实|成立|查实|异议成立|复核属实|经复核属实|基本属实|部分属实|是|upheld)$/.test(t)) return 'upheld';
  return null;
}
