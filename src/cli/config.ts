import * as path from 'node:path';
import { readOptionText, UsageError } from './io.js';
import { parseConfig, type Config } from '../core/config/schema.js';

const PATH_KEYS = ['inspections', 'credit', 'monitoring', 'objections', 'map', 'allowUscc', 'out'] as const;

/**
 * Read and validate `--config FILE`. Relative paths in it are relative to the file's own folder, so a
 * scheduled job can run from any working directory. Every problem is named; any problem is exit 2.
 */
export async function loadConfig(file: string): Promise<Config> {
  // a FIFO or device named as the config is refused, never opened (it would block forever)
  const text = await readOptionText(file, { zh: '配置文件', en: 'the config file' });
  const r = parseConfig(text);
  if (!r.ok) {
    throw new UsageError(`配置文件 ${file} 有误 / the config file ${file} is wrong:\n${r.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const base = path.dirname(path.resolve(file));
  const c: Config = { ...r.config };
  for (const k of PATH_KEYS) if (c[k] !== undefined) c[k] = path.resolve(base, c[k]!);
  if (c.mailbox)
    c.mailbox = {
      ...c.mailbox,
      ...(c.mailbox.passwordFile ? { passwordFile: path.resolve(base, c.mailbox.passwordFile) } : {}),
      ...(c.mailbox.caFile ? { caFile: path.resolve(base, c.mailbox.caFile) } : {}),
    };
  if (c.previous !== undefined) c.previous = (Array.isArray(c.previous) ? c.previous : [c.previous]).map((p) => path.resolve(base, p));
  return c;
}

/** Command-line options win over the config file; an option left unset takes the file's value. */
export function mergeOptions<T extends object>(cli: T, config: Config): T {
  const out: Record<string, unknown> = { ...(cli as Record<string, unknown>) };
  for (const [k, v] of Object.entries(config)) {
    if (out[k] !== undefined || v === undefined) continue;
    out[k] = (k === 'expiringDays' || k === 'maxFindings') && typeof v === 'number' ? String(v) : v;
  }
  return out as T;
}
