/** 二 民生保障 (designation as declared): an on-site inspection within one year AND no violation within one year. */
import { all } from './logic.js';
import { noViolation, onsiteInspection } from './conditions.js';
import type { At, Cond } from './types.js';

export function c2(at: At): Cond {
  return all([onsiteInspection(at), noViolation(at, 'any')]);
}
