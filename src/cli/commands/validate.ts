import { checkOutputPath, describeReadError, expandPaths, readHead, readInput, readOptionText, UsageError, writeAtomic } from '../io.js';
import { common, parseAsOf, parseCutover, parseDays, parseMaxFindings } from '../options.js';
import { Progress, log } from '../progress.js';
import { createLegacyConverter, findSoffice, isLegacyExcel, type Conversion } from '../legacy.js';
import { sniff } from '../../core/workbook/sniff.js';
import { validateFile, type FileResult } from '../../core/validate/validate.js';
import { MAX_FILE_BYTES, tooLargeFinding } from '../../core/validate/input.js';
import { finding, sortFindings } from '../../core/findings/make.js';
import { parseAllowList } from '../../core/ids/uscc.js';
import { DEFAULT_ALLOW_LIST } from '../../core/ids/allow-list.js';
import { resolveUnit } from '../../core/roster/resolve.js';
import { validateJson } from '../../reporters/validate-json.js';
import type { RuleOptions } from '../../core/rules/types.js';
import type { Finding } from '../../core/findings/types.js';
import { duplicatesAcrossUnits } from '../../core/report/crosscheck.js';
import { labels } from '../../core/i18n/index.js';

export { MAX_FILE_BYTES };

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
  return { asOf, expiringDays: parseDays(o.expiringDays, '--expiring-days', 90), allowList, expectedUnit: o.district, cutover, ...(maxFindings !== undefined ? { maxFindings } : {}) };
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
  for (const out of guard?.outputs ?? []) if (out !== undefined) await checkOutputPath(out, [...paths, ...files.map((f) => f.abs), ...(guard?.otherInputs ?? [])], { force: guard?.force });
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
      const fnd =
        'tooLarge' in read
          ? tooLargeFinding(f.display, read.tooLarge)
          : unreadable(f.display, read.error);
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
  const soffice = await findSoffice();
  if (!soffice) return out;
  const converter = createLegacyConverter({ soffice });
  try {
    log(quiet, `用 LibreOffice 转换 ${legacy.length} 个旧版 .xls/.et 文件…\nConverting ${legacy.length} legacy .xls/.et file(s) with LibreOffice…`);
    const results = await converter.convertAll(legacy.map((l) => l.bytes));
    legacy.forEach((l, i) => out.set(l.abs, results[i]!));
  } finally {
    await converter.dispose();
  }
  return out;
}

/** The OLE2 compound-file signature, read from the first 8 bytes only (most inputs are .xlsx); never opens a FIFO or device. */
async function startsLikeOle2(abs: string): Promise<boolean> {
  const head = await readHead(abs, 8); // null: the main pass reports a file it cannot open
  return head !== null && head.length === 8 && sniff(head) === 'ole2';
}

/** A file that could not be read at all (missing, a FIFO, a device, a dangling or looping link …). */
function unreadable(display: string, code: string) {
  const why = describeReadError(code);
  return finding('file-unreadable', { file: display }, { reason: `无法打开文件：${why.zh}`, reasonEn: `cannot open the file: ${why.en}` });
}

export async function runValidate(paths: string[], o: ValidateCliOptions): Promise<number> {
  const c = common(o);
  const opts = await ruleOptions(o);
  const { results, inputs } = await validatePaths(paths, opts, c.quiet, labels(c.lang).report.cli.validating, { outputs: [o.report], otherInputs: optionInputs(o), force: o.force });
  addAcrossUnits(results);
  const json = validateJson(results, opts.asOf, c.lang);
  if (o.report) {
    const { buildValidateReport } = await import('../../writers/findings-report.js');
    const bytes = await buildValidateReport(json, c.lang);
    await writeAtomic(o.report, bytes, [...paths, ...inputs, ...optionInputs(o)], { force: o.force });
    log(c.quiet, labels(c.lang).report.cli.findingsWritten(o.report));
  }
  // the text reporter (and its colours) is loaded only when asked for: JSON output starts faster
  const text = c.format === 'json' ? null : (await import('../../reporters/validate-text.js')).validateText;
  process.stdout.write(text ? text(json, c.lang) : JSON.stringify(json, null, 2) + '\n');
  return exitCode(json.errors, json.files.some((f) => f.warnings > 0), Boolean(o.strict));
}

/**
 * What no single file shows but a folder of several districts' lists does: the same USCC on two units'
 * lists (a warning on each entry, as check and report give it), added to each file's own findings.
 */
function addAcrossUnits(results: FileResult[]): void {
  const byFile = new Map<string, Finding[]>();
  for (const f of duplicatesAcrossUnits(results)) byFile.set(f.file!, [...(byFile.get(f.file!) ?? []), f]);
  for (const r of results) {
    const extra = byFile.get(r.file);
    if (extra) r.findings = sortFindings([...r.findings, ...extra]);
  }
}

export function exitCode(errors: number, anyWarning: boolean, strict: boolean): number {
  if (errors > 0) return 1;
  if (strict && anyWarning) return 1;
  return 0;
}
