/**
 * `zmqd check <annex2 path...> --inspections FILE --credit FILE [--monitoring FILE] [--objections FILE]
 * [--map FILE] [--stable-rate PCT] [--all]`.
 * Every list is validated (one bad list never stops the others), then the data files are read —
 * keeping the records of listed enterprises only — and the lists judged. A data file that cannot
 * be used at all (missing, unreadable, not a table, no USCC column …) is a usage error (exit 2):
 * a check against half the data would mislead.
 */
import * as path from 'node:path';
import { checkOutputPath, describeReadError, readInput, readOptionText, UsageError, writeAtomic } from '../io.js';
import { common } from '../options.js';
import { Progress, log } from '../progress.js';
import { createLegacyConverter, findSoffice, isLegacyExcel } from '../legacy.js';
import { MAX_FILE_BYTES, exitCode, ruleOptions, validatePaths, type ValidateCliOptions } from './validate.js';
import { parseHeaderMap, KIND_LABEL, type HeaderMap } from '../../core/data/aliases.js';
import { readDataFile, type DataFile } from '../../core/data/read.js';
import { COMPLIANCE_RATE_THRESHOLD } from '../../core/data/schemas.js';
import { ENCODING_NAME } from '../../core/data/decode.js';
import type { DataKind } from '../../core/data/types.js';
import type { DataFiles } from '../../core/eligibility/data.js';
import { listedUsccs, runCheckCore } from '../../core/check/check.js';
import type { Lang } from '../../core/findings/types.js';
import { checkJson } from '../../reporters/check-json.js';
import { checkText } from '../../reporters/check-text.js';

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
  const text = String(v).trim().replace(/[%％]$/, '');
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 100)) throw new UsageError(`--stable-rate 须为 0 到 100 之间的百分数（如 95 或 95.5），而不是“${v}”。\n--stable-rate must be a percentage from 0 to 100 (e.g. 95 or 95.5), not "${v}".`);
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

async function readData<K extends DataKind>(kind: K, file: string, allowList: ReadonlySet<string>, map: HeaderMap | undefined, quiet: boolean, keep: ReadonlySet<string> | undefined, lang: Lang = 'zh'): Promise<DataFile<K>> {
  const opt = OPTION[kind];
  const read = await readInput(path.resolve(file), MAX_FILE_BYTES);
  if ('tooLarge' in read) throw new UsageError(`${opt} 文件 ${file} 超过 50 MB 上限。\nThe ${opt} file ${file} is over the 50 MB limit.`);
  if ('error' in read) {
    const why = describeReadError(read.error);
    throw new UsageError(`无法读取 ${opt} 文件 ${file}：${why.zh}。\nCannot read the ${opt} file ${file}: ${why.en}.`);
  }
  const progress = new Progress(1, quiet, KIND_LABEL[kind][lang], lang);
  progress.tick(0, file);
  const r = await readDataFile(await fromLegacy(read.bytes, file, quiet), { kind, file, allowList, map, ...(keep ? { keep } : {}) }).finally(() => progress.done());
  if (!r.ok) throw new UsageError(`无法使用 ${opt} 文件 ${file}（${KIND_LABEL[kind].zh}）：${r.reason.zh}。\nCannot use the ${opt} file ${file} (${KIND_LABEL[kind].en}): ${r.reason.en}.`);
  return r;
}

/**
 * A legacy .xls/.et export (old enforcement systems still write them) converted to .xlsx when
 * LibreOffice is available; otherwise the bytes as they are, and the reader says to re-save them.
 */
async function fromLegacy(bytes: Uint8Array, file: string, quiet: boolean): Promise<Uint8Array> {
  if (!isLegacyExcel(bytes)) return bytes;
  const soffice = await findSoffice();
  if (!soffice) return bytes;
  const converter = createLegacyConverter({ soffice });
  try {
    const conv = await converter.convert(bytes);
    if (conv.ok) {
      log(quiet, `${file}：旧版 .xls 格式，已用 LibreOffice 转换后读取\n${file}: a legacy .xls file, converted with LibreOffice`);
      return conv.bytes;
    }
    log(quiet, `${file}：LibreOffice 转换失败（${conv.reason}）\n${file}: LibreOffice could not convert it (${conv.reason})`);
    return bytes;
  } finally {
    await converter.dispose();
  }
}

function requireData(o: CheckCliOptions): void {
  const missing = (['inspections', 'credit'] as const).filter((k) => !o[k]);
  if (missing.length) {
    const names = missing.map((k) => OPTION[k]).join(' ');
    throw new UsageError(`check 需要执法数据：缺少 ${names}（检查记录和信用评价必须提供，在线监控可选）。\ncheck needs the enforcement data: ${names} missing (inspections and credit are required, monitoring is optional).`);
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

function logData(data: DataFiles, lang: Lang, quiet: boolean): void {
  for (const f of [data.inspections, data.credit, data.monitoring, data.objections]) {
    if (!f) continue;
    const enc = f.encoding ? ENCODING_NAME[f.encoding] : 'xlsx';
    log(quiet, lang === 'zh'
      ? `${KIND_LABEL[f.kind].zh}：${f.file}（${enc}，${f.usable} 行可用${f.invalid.length ? `，${f.invalid.length} 行无法使用` : ''}）`
      : `${KIND_LABEL[f.kind].en}: ${f.file} (${enc}, ${f.usable} usable rows${f.invalid.length ? `, ${f.invalid.length} unusable` : ''})`);
  }
}

export async function runCheck(paths: string[], o: CheckCliOptions): Promise<number> {
  const c = common(o);
  const opts = await ruleOptions(o);
  requireData(o);
  const stableRate = parseStableRate(o.stableRate);
  // refuse a bad --out before minutes of reading large exports, not after
  const given = [...dataPaths(o), ...(o.allowUscc ? [o.allowUscc] : [])];
  if (o.out) await checkOutputPath(o.out, [...paths, ...given], { force: o.force });
  // The lists first: then only the records of listed enterprises are kept from the data (an export
  // for a whole city is mostly others); every data row is still read, checked and reported on.
  const { results, inputs } = await validatePaths(paths, opts, c.quiet, c.lang === 'zh' ? '核查' : 'checking', { outputs: [o.out], otherInputs: given.map((f) => path.resolve(f)), force: o.force });
  const data = await loadEnforcementData(o, opts.allowList, listedUsccs(results));
  logData(data, c.lang, c.quiet);
  const result = runCheckCore({ lists: results, data, asOf: opts.asOf, expiringDays: opts.expiringDays, stableRate, maxFindings: opts.maxFindings });
  const json = checkJson(result, c.lang);
  if (o.out) {
    const { buildCheckReport } = await import('../../writers/check-report.js');
    await writeAtomic(o.out, await buildCheckReport(json, c.lang), [...paths, ...inputs, ...given.map((f) => path.resolve(f))], { force: o.force });
    log(c.quiet, c.lang === 'zh' ? `核查结果已写入 ${o.out}` : `Verdicts written to ${o.out}`);
  }
  process.stdout.write(c.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : checkText(json, c.lang, { all: Boolean(o.all) }));
  return exitCode(json.errors, json.warnings > 0, Boolean(o.strict));
}
