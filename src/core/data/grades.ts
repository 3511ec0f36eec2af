/**
 * Environmental credit grades (渝环规〔2021〕7号, the national four levels), best first. They are written
 * with or without 企业, with or without 环保, or as the national cards: 绿牌 / 蓝牌 / 黄牌 / 红牌 (some
 * exports say 黑牌 for the worst). Combinations such as 环保诚信企业（绿牌） are fine; text naming two
 * different grades is not a grade.
 */
import { toHalfWidth } from '../values/text.js';
import type { Grade, Text } from './types.js';

export type { Grade };

export const GRADES: readonly Grade[] = ['trustworthy', 'good', 'warning', 'bad'];

export const GRADE_LABEL: Record<Grade, Text> = {
  trustworthy: { zh: '环保诚信企业', en: 'environmentally trustworthy (green)' },
  good: { zh: '环保良好企业', en: 'environmentally good (blue)' },
  warning: { zh: '环保警示企业', en: 'environmental warning (yellow)' },
  bad: { zh: '环保不良企业', en: 'environmentally bad (red)' },
};

/** Patterns per grade. 不良 is tested on text with 良好 removed, so 良好 never reads as 不良 and vice versa. */
const PATTERNS: Record<Grade, RegExp> = {
  trustworthy: /诚信|绿牌|绿色|^绿$|trustworthy|green/,
  good: /良好|蓝牌|蓝色|^蓝$|^good$|blue/,
  warning: /警示|黄牌|黄色|^黄$|warning|yellow/,
  bad: /不良|红牌|黑牌|红色|黑色|^红$|^黑$|^bad$|red|black/,
};

/** The grade a text names, or null when it names none or more than one. */
export function parseGrade(text: string): Grade | null {
  const t = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  if (!t) return null;
  // 不诚信 / 非诚信 would otherwise read as 诚信
  if (/(不|非)诚信/.test(t)) return null;
  const found = GRADES.filter((g) => PATTERNS[g].test(g === 'bad' ? t.replace(/良好/g, '') : t));
  return found.length === 1 ? found[0]! : null;
}

/** 环保诚信 or 环保良好: "环境信用良好" in criterion 四. */
export function isGoodCredit(g: Grade): boolean {
  return g === 'trustworthy' || g === 'good';
}
