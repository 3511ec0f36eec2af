import { UsageError } from './io.js';
import { isValidIso, todayInChina } from '../core/values/dates.js';
import type { Lang } from '../core/findings/types.js';

export type Format = 'text' | 'json';

export interface CommonOptions {
  format: Format;
  lang: Lang;
  quiet: boolean;
}

export function parseFormat(v: string | undefined): Format {
  if (v === undefined || v === 'text') return 'text';
  if (v === 'json') return 'json';
  throw new UsageError(`--format 只能是 text 或 json，而不是“${v}”。\n--format must be text or json, not "${v}".`);
}

export function parseLang(v: string | undefined): Lang {
  if (v === undefined || v === 'zh' || v === 'zh-CN' || v === 'cn') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`--lang 只能是 zh 或 en，而不是“${v}”。\n--lang must be zh or en, not "${v}".`);
}

/** --as-of YYYY-MM-DD; default today in China Standard Time. */
export function parseAsOf(v: string | undefined, now: Date = new Date()): string {
  if (v === undefined) return todayInChina(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidIso(v)) {
    throw new UsageError(`--as-of 须为 YYYY-MM-DD 形式的有效日期（如 2024-10-01），而不是“${v}”。\n--as-of must be a valid date YYYY-MM-DD (e.g. 2024-10-01), not "${v}".`);
  }
  return v;
}

export function parseDays(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d{1,4}$/.test(v)) throw new UsageError(`${name} 须为 0–9999 的整数天数，而不是“${v}”。\n${name} must be a whole number of days (0–9999), not "${v}".`);
  return Number(v);
}

/** --max-findings: at most N findings of one code per file (0 lists none, only their counts). */
export function parseMaxFindings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,7}$/.test(v)) throw new UsageError(`--max-findings 须为 0–9999999 的整数，而不是“${v}”。\n--max-findings must be a whole number (0–9999999), not "${v}".`);
  return Number(v);
}

export function parseCutover(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidIso(v)) {
    throw new UsageError(`--cutover 须为 YYYY-MM-DD 形式的有效日期，而不是“${v}”。\n--cutover must be a valid date YYYY-MM-DD, not "${v}".`);
  }
  return v;
}

export function common(o: { format?: string; lang?: string; quiet?: boolean }): CommonOptions {
  return { format: parseFormat(o.format), lang: parseLang(o.lang), quiet: Boolean(o.quiet) };
}
