import type { Lang } from '../findings/types.js';
import { en } from './en.js';
import { zh, type Labels } from './zh.js';

export type { Labels };
export { en, zh };

/** The labels of a language. */
export function labels(lang: Lang): Labels {
  return lang === 'zh' ? zh : en;
}
