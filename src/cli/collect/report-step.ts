/**
 * The collect step of `zmqd report`: when the config names a mailbox, the inbox folder is first filled
 * from it (the period from --period / the config, else the quarter the as-of date reports on).
 */
import { collect } from './run.js';
import type { CollectSummary } from '../../core/collect/summary.js';
import { common } from '../options.js';
import { formatPeriod, periodFromDate } from '../../core/roster/period.js';
import { parseAsOf } from '../options.js';
import type { MailboxConfig } from '../../core/config/schema.js';

export async function collectStep(
  inbox: string,
  o: { mailbox?: MailboxConfig; period?: string; asOf?: string; cutover?: string; format?: string; lang?: string; quiet?: boolean },
): Promise<CollectSummary | null> {
  if (!o.mailbox) return null;
  const period = o.period ?? formatPeriod(periodFromDate(parseAsOf(o.asOf)));
  return collect({ mailbox: o.mailbox, period, cutover: o.cutover }, inbox, common(o));
}
