/**
 * 二 民生保障 (designation as declared). At inclusion: an on-site inspection within one year AND no
 * violation within one year. While listed: that inspection (carried from inclusion) AND no violation
 * since the inclusion date.
 */
import { all } from './logic.js';
import { noViolation, onsiteAtInclusion } from './conditions.js';
import type { At, Cond } from './types.js';

export function c2(at: At): Cond {
  return all([onsiteAtInclusion(at), noViolation(at, 'any', 'since')]);
}
