/**
 * 三 重大工程/重点领域 (designation as declared): (an on-site inspection within one year AND no serious
 * violation within one year) OR online monitoring installed, running normally and networked.
 */
import { all, any } from './logic.js';
import { monitoringOk, noViolation, onsiteInspection } from './conditions.js';
import type { At, Cond } from './types.js';

export function c3(at: At): Cond {
  return any([all([onsiteInspection(at), noViolation(at, 'serious')]), monitoringOk(at, 'running')]);
}
