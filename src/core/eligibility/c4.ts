/**
 * 四 在线监控: monitoring installed, networked, running stably AND data stably compliant AND good credit
 * (环保诚信 or 环保良好) AND no violation within one year. Judged for every entry.
 */
import { all } from './logic.js';
import { creditGood, monitoringOk, noViolation } from './conditions.js';
import type { At, Cond } from './types.js';

export function c4(at: At): Cond {
  return all([monitoringOk(at, 'compliant'), creditGood(at), noViolation(at, 'any')]);
}
