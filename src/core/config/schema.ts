import { z } from 'zod';
import { isValidIso } from '../values/dates.js';
import { parsePeriod } from '../roster/period.js';

const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidIso(s), { error: '须为 YYYY-MM-DD 形式的有效日期 / must be a valid date YYYY-MM-DD' });
const path = z.string().min(1, { error: '不能为空 / must not be empty' });

// ---- collect: the mailbox the units' submissions arrive in (docs/collect.md) ----
const mailboxSchema = z
  .object({
    host: z.string().min(1),
    /** default 993 with tls, else 143 */
    port: z.number().int().min(1).max(65535).optional(),
    /** true (default): TLS from the start (port 993); "starttls": upgrade a plain connection; false: no encryption (loopback tests only) */
    tls: z.union([z.boolean(), z.literal('starttls')]).optional(),
    /** a PEM file of the certificate authority to trust besides the system's (a self-signed server certificate) */
    caFile: path.optional(),
    user: z.string().min(1),
    /** the password is read from this environment variable … */
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: '须为环境变量名 / must be an environment variable name' })
      .optional(),
    /** … or from this file (its first line); never written in the config itself */
    passwordFile: path.optional(),
    /** the folder to read, default INBOX */
    folder: z.string().min(1).optional(),
    /** sender address → reporting unit, for messages whose subject names none */
    senders: z.record(z.string().min(3), z.string().min(1)).optional(),
    /** the quarterly deadline: days after the quarter end (default 10) */
    deadlineDays: z.number().int().min(0).max(90).optional(),
  })
  .strict()
  .refine((m) => Boolean(m.passwordEnv) !== Boolean(m.passwordFile), { error: '须且只能给出 passwordEnv 或 passwordFile 之一 / give exactly one of passwordEnv and passwordFile' });
export type MailboxConfig = z.infer<typeof mailboxSchema>;
// ---- end collect ----

/**
 * zmqd.config.json for scheduled runs. Every key is optional and every one can be overridden on the
 * command line. Unknown keys are rejected so a typo (e.g. "inspection") is caught, not silently ignored.
 * Relative paths are relative to the config file's folder.
 */
export const configSchema = z
  .object({
    inspections: path.optional(),
    credit: path.optional(),
    monitoring: path.optional(),
    /** the bureau's record of objections to listings and their review (三(三)) */
    objections: path.optional(),
    map: path.optional(),
    allowUscc: path.optional(),
    previous: z.union([path, z.array(path).min(1)]).optional(),
    /** output folder; may contain {period} and {asOf}, e.g. "reports/{period}" */
    out: path.optional(),
    period: z
      .string()
      .refine((s) => parsePeriod(s) !== null, { error: '须为季度（如 2021Q3）或年份（如 2021）/ must be a quarter (2021Q3) or a year (2021)' })
      .optional(),
    expiringDays: z.number().int().min(0).max(9999).optional(),
    /** the 达标率 (percent) that counts as stably compliant where a monitoring export has no 稳定达标 column */
    stableRate: z.number().min(0).max(100).optional(),
    /** at most this many findings of one code per file (default 1,000) */
    maxFindings: z.number().int().min(0).max(9_999_999).optional(),
    cutover: isoDate.optional(),
    asOf: isoDate.optional(),
    lang: z.enum(['zh', 'en']).optional(),
    format: z.enum(['text', 'json', 'line']).optional(),
    strict: z.boolean().optional(),
    quiet: z.boolean().optional(),
    /** collect: the mailbox; when present, `report` starts by collecting into its inbox folder */
    mailbox: mailboxSchema.optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

const TYPE_ZH: Record<string, string> = { string: '文本', number: '数字', boolean: 'true 或 false', array: '数组', object: 'JSON 对象' };

export type ConfigParse = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parse the text of a config file: JSON syntax first, then the schema; every problem named with its key. */
export function parseConfig(text: string): ConfigParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [`不是有效的 JSON / not valid JSON: ${(err as Error).message}`] };
  }
  const r = configSchema.safeParse(raw);
  if (r.success) return { ok: true, config: r.data };
  const problems = r.error.issues.map((i) => {
    const key = i.path.length ? i.path.join('.') : '(根 / root)';
    if (i.code === 'unrecognized_keys') return `未知的配置项 / unknown key: ${i.keys.join(', ')}（可用 / known: ${Object.keys(configSchema.shape).join(', ')}）`;
    if (i.code === 'invalid_type') {
      const exp = String(i.expected);
      return `${key}: 应为${TYPE_ZH[exp] ?? exp} / must be ${exp === 'object' && !i.path.length ? 'a JSON object' : `a ${exp}`}`;
    }
    if (i.code === 'too_small' || i.code === 'too_big') return `${key}: 超出允许范围 / out of range (${i.message})`;
    if (i.code === 'invalid_value') return `${key}: 只能是 / must be one of ${i.values.map(String).join(', ')}`;
    return `${key}: ${i.message}`;
  });
  return { ok: false, problems };
}

/** Fill {period} and {asOf} in the output folder pattern. */
export function expandOutPattern(pattern: string, vars: { period: string; asOf: string }): string {
  return pattern.replace(/\{period\}/g, vars.period).replace(/\{asOf\}/g, vars.asOf);
}
