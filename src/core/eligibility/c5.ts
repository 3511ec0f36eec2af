/** 五 环保诚信: the credit rating in force is 环保诚信 (the highest grade). Judged for every entry. */
import { creditTrustworthy } from './conditions.js';
import type { At, Cond } from './types.js';

export function c5(at: At): Cond {
  return creditTrustworthy(at);
}
