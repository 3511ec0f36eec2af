/**
 * 三 重大工程/重点领域 (designation as declared). At inclusion: (an on-site inspection within one year AND
 * no serious violation within one year) OR online monitoring installed, running normally and networked.
 * While listed: no serious violation since inclusion AND (the inspection that got it listed, carried,
 * OR that monitoring still installed, running and networked on the as-of date).
 */
import { all, any } from './logic.js';
import { monitoringOk, noViolation, onsiteAtInclusion } from './conditions.js';
import type { At, Cond } from './types.js';

export function c3(at: At): Cond {
  if (at.moment === 'inclusion') return any([all([onsiteAtInclusion(at), noViolation(at, 'serious')]), monitoringOk(at, 'running')]);
  return all([noViolation(at, 'serious', 'since'), any([onsiteAtInclusion(at), monitoringOk(at, 'running')])]);
}
