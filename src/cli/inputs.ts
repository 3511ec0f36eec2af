/**
 * Reading the inputs every command shares (validate, aggregate, check, report): the rule options
 * from the command line, every file of the given paths validated (legacy .xls/.et converted first),
 * and the exit code from the counts.
 */
import { checkOutputPath, expandPaths, readHead, readInput, readOptionText, UsageError } from './io.js';
import { parseAsOf, parseCutover, parseDays, parseMaxFindings } from './options.js';
import { Progress, log } from './progress.js';
import { convertLegacyFiles, isLegacyExcel, type Conversion } from './legacy.js';
import { sniff } from '../core/workbook/sniff.js';
import { validateFile, type FileResult } from '../core/validate/validate.js';
import { MAX_FILE_BYTES, tooLargeFinding } from '../core/validate/input.js';
import { finding, sortFindings } from '../core/findings/make.js';
import { parseAllowList } from '../core/ids/uscc.js';
import { DEFAULT_ALLOW_LIST } from '../core/ids/allow-list.js';
import { resolveUnit } from '../core/roster/resolve.js';
import type { RuleOptions } from '../core/rules/types.js';

export interface ValidateCliOptions {
  asOf?: string;
  district?: string;
  strict?: boolean;
  allowUscc?: string;
  report?: string;
  expiringDays?: string;
  cutover?: string;
  maxFindings?: string;
  format?: string;
  lang?: string;
  quiet?: boolean;
  force?: boolean;
}

/** Inputs named by options rather than paths (the allow-list): never overwritten by an output. */
export function optionInputs(o: ValidateCliOptions): string[] {
  return o.allowUscc ? [o.allowUscc] : [];
}

/** Build the rule options shared by validate, aggregate, check and report. */
export async function ruleOptions(o: ValidateCliOptions): Promise<RuleOptions> {
  const asOf = parseAsOf(o.asOf);
  const cutover = parseCutover(o.cutover);
  const allowList = new Set(DEFAULT_ALLOW_LIST);
  if (o.allowUscc) {
    const text = await readOptionText(o.allowUscc, { zh: ' --allow-uscc 文件', en: 'the --allow-uscc file' });
    const parsed = parseAllowList(text.replace(/^\uFEFF/, ''));
    if (parsed.bad.length) {
      const b = parsed.bad[0]!;
      throw new UsageError(`--allow-uscc 文件第 ${b.line} 行“${b.text}”不是 18 位代码。\nLine ${b.line} of the --allow-uscc file ("${b.text}") is not an 18-character code.`);
    }
    for (const c of parsed.codes) allowList.add(c);
  }
  if (o.district) {
    const r = resolveUnit(o.district); // any unit of any roster: old files of merged-away units are still validated
    if (r.kind !== 'ok') throw new UsageError(`--district“${o.district}”不是可识别的报送单位。\n--district "${o.district}" is not a known reporting unit.`);
  }
  const maxFindings = parseMaxFindings(o.maxFindings);
  return {
    asOf,
    expiringDays: parseDays(o.expiringDays, '--expiring-days', 90),
    allowList,
    expectedUnit: o.district,
    cutover,
    ...(maxFindings !== undefined ? { maxFindings } : {}),
  };
}

/** Output files to refuse before any work is done (an input, a folder): not after minutes of reading. */
export interface OutputGuard {
  outputs: (string | undefined)[];
  /** inputs other than the paths validated (data files, the previous period) */
  otherInputs?: string[];
  /** --force: replace an existing output file zmqd did not write */
  force?: boolean;
}

/** Validate every file of the given paths; one bad file never stops the others. */
export async function validatePaths(paths: string[], opts: RuleOptions, quiet: boolean, label = '校验', guard?: OutputGuard): Promise<{ results: FileResult[]; inputs: string[] }> {
  const files = await expandPaths(paths);
  for (const out of guard?.outputs ?? [])
    if (out !== undefined) await checkOutputPath(out, [...paths, ...files.map((f) => f.abs), ...(guard?.otherInputs ?? [])], { force: guard?.force });
  const progress = new Progress(files.length, quiet, label);
  const results: FileResult[] = [];
  const converted = await convertLegacy(files, quiet);
  for (const [i, f] of files.entries()) {
    progress.tick(i, f.name);
    const read = await readInput(f.abs, MAX_FILE_BYTES);
    if ('bytes' in read) {
      const input = { file: f.display, name: f.name, bytes: read.bytes };
      const conv = converted.get(f.abs);
      if (conv?.ok) {
        const r = await validateFile({ ...input, bytes: conv.bytes }, { ...opts, fileName: f.name });
        r.findings = sortFindings([finding('file-legacy-format', { file: f.display }, { converted: 1 }, { severity: 'warning' }), ...r.findings]);
        results.push(r);
        continue;
      }
      if (conv) log(quiet, `${f.display}：LibreOffice 转换失败（${conv.reason}）\n${f.display}: LibreOffice could not convert it (${conv.reason})`);
      results.push(await validateFile(input, { ...opts, fileName: f.name }));
    } else {
      const fnd = 'tooLarge' in read ? tooLargeFinding(f.display, read.tooLarge) : unreadable(f.display, read.error);
      results.push({ file: f.display, name: f.name, kind: null, district: null, rows: 0, findings: [fnd] });
    }
  }
  progress.done();
  return { results, inputs: files.map((f) => f.abs) };
}

/**
 * The legacy .xls/.et files among the inputs, converted up front with one start of LibreOffice
 * (absolute path → conversion). Empty when there are none or LibreOffice is not installed (those
 * files then get the error that says how to re-save them).
 */
async function convertLegacy(files: { abs: string }[], quiet: boolean): Promise<Map<string, Conversion>> {
  const out = new Map<string, Conversion>();
  const legacy: { abs: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    if (!(await startsLikeOle2(f.abs))) continue;
    const read = await readInput(f.abs, MAX_FILE_BYTES);
    if ('bytes' in read && isLegacyExcel(read.bytes)) legacy.push({ abs: f.abs, bytes: read.bytes });
  }
  if (legacy.length === 0) return out;
  const results = await convertLegacyFiles(
    legacy.map((l) => l.bytes),
    () => log(quiet, `用 LibreOffice 转换 ${legacy.length} 个旧版 .xls/.et 文件…\nConverting ${legacy.length} legacy .xls/.et file(s) with LibreOffice…`),
  );
  results?.forEach((r, i) => out.set(legacy[i]!.abs, r));
  return out;
}

/** The OLE2 compound-file signature, read from the first 8 bytes only (most inputs are .xlsx); never opens a FIFO or device. */
async function startsLikeOle2(abs: string): Promise<boolean> {
  const head = await readHead(abs, 8); // null: the main pass reports a file it cannot open
  return head !== null && head.length === 8 && sniff(head) === 'ole2';
}

/** A file that could not be read at all (missing, a FIFO, a device, a dangling or looping link …). */
function unreadable(display: string, code: string) {
  return finding('file-unreadable', { file: display }, { reason: 'read-error', code });
}

export function exitCode(errors: number, anyWarning: boolean, strict: boolean): number {
  if (errors > 0) return 1;
  if (strict && anyWarning) return 1;
  return 0;
}
