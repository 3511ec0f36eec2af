/**
 * The enforcement data named by the options of `check` and `report` (--inspections, --credit,
 * --monitoring, --objections, --map, --stable-rate): read, converted when a legacy .xls, and parsed.
 * A data file that cannot be used at all is a usage error (exit 2): a check against half the data
 * would mislead.
 */
import * as path from 'node:path';
import { describeReadError, readInput, readOptionText, UsageError } from './io.js';
import { Progress, log } from './progress.js';
import { convertLegacyFiles, isLegacyExcel } from './legacy.js';
import type { ValidateCliOptions } from './inputs.js';
import { MAX_FILE_BYTES } from '../core/validate/input.js';
import { parseHeaderMap, type HeaderMap } from '../core/data/aliases.js';
import { en, labels, zh } from '../core/i18n/index.js';
import { readDataFile, type DataFile } from '../core/data/read.js';
import { COMPLIANCE_RATE_THRESHOLD } from '../core/data/schemas.js';
import type { DataKind } from '../core/data/types.js';
import type { DataFiles } from '../core/eligibility/data.js';
import type { Lang } from '../core/findings/types.js';

export interface CheckCliOptions extends ValidateCliOptions {
  inspections?: string;
  credit?: string;
  monitoring?: string;
  objections?: string;
  map?: string;
  out?: string;
  /** from the command line a string, from the config file a number */
  stableRate?: string | number;
  /** text output: every entry, not only those needing action */
  all?: boolean;
}

const OPTION: Record<DataKind, string> = { inspections: '--inspections', credit: '--credit', monitoring: '--monitoring', objections: '--objections' };

/** --stable-rate / config stableRate: a percentage from 0 to 100 (default 95). */
export function parseStableRate(v: string | number | undefined): number {
  if (v === undefined) return COMPLIANCE_RATE_THRESHOLD;
  const text = String(v)
    .trim()
    .replace(/[%％]$/, '');
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 100))
    throw new UsageError(
      `--stable-rate 须为 0 到 100 之间的百分数（如 95 或 95.5），而不是“${v}”。\n--stable-rate must be a percentage from 0 to 100 (e.g. 95 or 95.5), not "${v}".`,
    );
  return n;
}

/** The data files named by the options (for refusing to write onto one, and for the report's inputs). */
export function dataPaths(o: CheckCliOptions): string[] {
  return [o.inspections, o.credit, o.monitoring, o.objections, o.map].filter((f): f is string => f !== undefined);
}

async function readMap(file: string | undefined): Promise<HeaderMap | undefined> {
  if (!file) return undefined;
  const text = await readOptionText(file, { zh: ' --map 文件', en: 'the --map file' });
  const parsed = parseHeaderMap(text);
  if (!parsed.ok) throw new UsageError(`--map 文件 ${file} ${parsed.reason.zh}。\nThe --map file ${file}: ${parsed.reason.en}.`);
  return parsed.map;
}

async function readData<K extends DataKind>(
  kind: K,
  file: string,
  allowList: ReadonlySet<string>,
  map: HeaderMap | undefined,
  quiet: boolean,
  keep: ReadonlySet<string> | undefined,
  lang: Lang = 'zh',
): Promise<DataFile<K>> {
  const opt = OPTION[kind];
  const read = await readInput(path.resolve(file), MAX_FILE_BYTES);
  if ('tooLarge' in read)
    throw new UsageError(`${opt} 文件 ${file} 超过 ${MAX_FILE_BYTES / 1048576} MB 上限。\nThe ${opt} file ${file} is over the ${MAX_FILE_BYTES / 1048576} MB limit.`);
  if ('error' in read) {
    const why = describeReadError(read.error);
    throw new UsageError(`无法读取 ${opt} 文件 ${file}：${why.zh}。\nCannot read the ${opt} file ${file}: ${why.en}.`);
  }
  const progress = new Progress(1, quiet, labels(lang).check.dataKind[kind], lang);
  progress.tick(0, file);
  const r = await readDataFile(await fromLegacy(read.bytes, file, quiet), { kind, file, allowList, map, ...(keep ? { keep } : {}) }).finally(() => progress.done());
  if (!r.ok)
    throw new UsageError(
      `无法使用 ${opt} 文件 ${file}（${zh.check.dataKind[kind]}）：${r.reason.zh}。\nCannot use the ${opt} file ${file} (${en.check.dataKind[kind]}): ${r.reason.en}.`,
    );
  return r;
}

/**
 * A legacy .xls/.et export (old enforcement systems still write them) converted to .xlsx when
 * LibreOffice is available; otherwise the bytes as they are, and the reader says to re-save them.
 */
async function fromLegacy(bytes: Uint8Array, file: string, quiet: boolean): Promise<Uint8Array> {
  if (!isLegacyExcel(bytes)) return bytes;
  const conv = (await convertLegacyFiles([bytes]))?.[0];
  if (!conv) return bytes;
  if (conv.ok) {
    log(quiet, `${file}：旧版 .xls 格式，已用 LibreOffice 转换后读取\n${file}: a legacy .xls file, converted with LibreOffice`);
    return conv.bytes;
  }
  log(quiet, `${file}：LibreOffice 转换失败（${conv.reason}）\n${file}: LibreOffice could not convert it (${conv.reason})`);
  return bytes;
}

export function requireData(o: CheckCliOptions): void {
  const missing = (['inspections', 'credit'] as const).filter((k) => !o[k]);
  if (missing.length) {
    const names = missing.map((k) => OPTION[k]).join(' ');
    throw new UsageError(
      `check 需要执法数据：缺少 ${names}（检查记录和信用评价必须提供，在线监控可选）。\ncheck needs the enforcement data: ${names} missing (inspections and credit are required, monitoring is optional).`,
    );
  }
}

/**
 * Read the enforcement data named by the options (for `check` and `report`). Throws UsageError (exit 2).
 * `keep`: the only enterprises whose records are kept (see readDataFile).
 */
export async function loadEnforcementData(o: CheckCliOptions, allowList: ReadonlySet<string>, keep?: ReadonlySet<string>): Promise<DataFiles> {
  requireData(o);
  const map = await readMap(o.map);
  const quiet = Boolean(o.quiet);
  const lang: Lang = o.lang === 'en' ? 'en' : 'zh';
  const data: DataFiles = {
    inspections: await readData('inspections', o.inspections!, allowList, map, quiet, keep, lang),
    credit: await readData('credit', o.credit!, allowList, map, quiet, keep, lang),
  };
  if (o.monitoring) data.monitoring = await readData('monitoring', o.monitoring, allowList, map, quiet, keep, lang);
  if (o.objections) data.objections = await readData('objections', o.objections, allowList, map, quiet, keep, lang);
  return data;
}
