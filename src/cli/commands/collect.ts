/**
 * `zmqd collect --period 2024Q3 --out 收件/2024Q3`: fetch the period's submissions from the IMAP
 * mailbox named in the config, lay them out in the inbox folder (one file per unit and kind, earlier
 * submissions under .已替代/), and write `submissions.json` — the tracker of who sent what, when.
 * Nothing is written before the mailbox has accepted the login; the mailbox itself is never changed.
 */
import { UsageError } from '../io.js';
import { common } from '../options.js';
import { loadConfig, mergeOptions } from '../config.js';
import { collect, type CollectCliOptions } from '../collect/run.js';
import type { CollectSummary } from '../../core/collect/summary.js';
import { collectText } from '../../reporters/collect-text.js';

export type { CollectCliOptions, CollectSummary };

export async function runCollect(cli: CollectCliOptions): Promise<number> {
  const o = cli.config ? mergeOptions(cli, await loadConfig(cli.config)) : cli;
  const c = common(o);
  if (!o.out) throw new UsageError('请用 --out 指定收件文件夹（如 收件/2024Q3）。\nGive the inbox folder with --out (e.g. 收件/2024Q3).');
  const s = await collect(o, o.out, c);
  process.stdout.write(c.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : collectText(s, c.lang));
  return s.errors > 0 || s.warnings > 0 ? 1 : 0;
}
