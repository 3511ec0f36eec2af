/**
 * `zmqd report <inbox> --out DIR`: the unattended quarterly run. Validates every file of the inbox once,
 * aggregates the Annex 1 files, checks the Annex 2 lists when enforcement data is given, cross-checks the
 * annexes, and writes the report folder whole or not at all. One broken file never stops the run.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../io.js';
import { common } from '../options.js';
import { log } from '../progress.js';
import { loadConfig, mergeOptions } from '../config.js';
import { OutputFolder } from '../outdir.js';
import { exitCode, ruleOptions, validatePaths } from './validate.js';
import { dataPaths, loadEnforcementData, parseStableRate, type CheckCliOptions } from './check.js';
import { aggregate, AggregateInputError, type AggregateResult } from '../../core/aggregate/aggregate.js';
import { runCheckCore, type CheckResult } from '../../core/check/check.js';
import { duplicatesAcrossUnits, onsiteCrossCheck } from '../../core/report/crosscheck.js';
import { unitOfResult, unitOverview, type UnitOverview } from '../../core/report/units.js';
import { expandOutPattern } from '../../core/config/schema.js';
import { countBySeverity, dedupeFindings, render, sortFindings } from '../../core/findings/make.js';
import { count as counted } from '../../reporters/plural.js';
import type { Finding, Lang } from '../../core/findings/types.js';
import { formatPeriod, parsePeriod, periodEnd, periodLabelEn, periodLabelZh, type Period } from '../../core/roster/period.js';
import { rosterFor } from '../../core/roster/units.js';
import { validateJson } from '../../reporters/validate-json.js';
import { aggregateJson } from '../../reporters/aggregate-json.js';
import { checkJson } from '../../reporters/check-json.js';
import { reportLine, reportText } from '../../reporters/report-text.js';

export interface ReportCliOptions extends CheckCliOptions {
  out?: string;
  config?: string;
  period?: string;
  previous?: string[] | string;
}

/** The file names written into the report folder. */
export const REPORT_FILES = {
  city: (p: string) => `全市汇总表-${p}.xlsx`,
  findings: '问题清单.xlsx',
  check: '资格核查.xlsx',
  summary: 'summary.json',
} as const;

export async function runReport(inbox: string, cli: ReportCliOptions): Promise<number> {
  const o = cli.config ? mergeOptions(cli, await loadConfig(cli.config)) : cli;
  const c = common(o, { line: true });
  const zh = c.lang === 'zh';
  // collect: with a mailbox in the config, the inbox is filled from it first (src/cli/collect/report-step.ts)
  const collected = await (await import('../collect/report-step.js')).collectStep(inbox, o as Parameters<typeof import('../collect/report-step.js').collectStep>[1]);
  const st = await fs.stat(inbox).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`收件文件夹不存在或不是文件夹：${inbox}\nThe inbox does not exist or is not a folder: ${inbox}`);
  if (!o.out) throw new UsageError('请用 --out 或配置文件的 "out" 指定报告文件夹。\nGive the report folder with --out or "out" in the config file.');
  let period: Period | undefined;
  if (o.period !== undefined) {
    const p = parsePeriod(o.period);
    if (!p) throw new UsageError(`--period 须为季度（如 2021Q3）或年份（如 2021），而不是“${o.period}”。\n--period must be a quarter (e.g. 2021Q3) or a year (e.g. 2021), not "${o.period}".`);
    period = p;
  }
  const opts = await ruleOptions(o);
  const previous = o.previous === undefined ? undefined : Array.isArray(o.previous) ? o.previous : [o.previous];
  // every input, by real path: the report folder never holds one (it is replaced whole) nor lies in one
  const inputs = [inbox, ...(previous ?? []), ...dataPaths(o), ...[o.allowUscc, cli.config].filter((x): x is string => Boolean(x))];
  // a report folder that cannot be written is refused now, not after minutes of reading
  await refuseUnwritableOut(o.out, { asOf: opts.asOf, period: period ? formatPeriod(period) : undefined }, inputs);
  const withData = Boolean(o.inspections || o.credit || o.monitoring || o.objections);
  const stableRate = parseStableRate(o.stableRate);
  const data = withData ? await loadEnforcementData(o, opts.allowList) : undefined;

  log(c.quiet, zh ? `读取收件文件夹 ${inbox}` : `Reading the inbox ${inbox}`);
  const cur = await validatePaths([inbox], opts, c.quiet, zh ? '校验' : 'validating');
  const prev = previous ? await validatePaths(previous, opts, c.quiet, zh ? '读取上期' : 'previous') : undefined;
  log(c.quiet, zh ? `共 ${cur.results.length} 个文件：附表1 ${count(cur.results, 'annex1')} 个，附表2 ${count(cur.results, 'annex2')} 个，未识别 ${count(cur.results, null)} 个` : `${counted(cur.results.length, 'file')}: ${count(cur.results, 'annex1')} Annex 1, ${count(cur.results, 'annex2')} Annex 2, ${count(cur.results, null)} not recognised`);

  let agg: AggregateResult | null = null;
  let aggProblem: string | null = null;
  try {
    agg = aggregate(cur.results, { period, previous: prev?.results, cutover: opts.cutover });
  } catch (err) {
    if (!(err instanceof AggregateInputError)) throw err;
    // no Annex 1 in the inbox, or no period to be told: the rest of the run still stands
    aggProblem = zh ? err.zh : err.en;
    log(c.quiet, (zh ? '未汇总：' : 'Not aggregated: ') + aggProblem);
  }
  const checked: CheckResult | null = data ? runCheckCore({ lists: cur.results, data, asOf: opts.asOf, expiringDays: opts.expiringDays, stableRate, maxFindings: opts.maxFindings }) : null;
  // with enforcement data the check already reports enterprises listed by two units, on their entries
  const cross: Finding[] = [...(agg && data ? onsiteCrossCheck(agg, cur.results, data.inspections.records) : []), ...(checked ? [] : duplicatesAcrossUnits(cur.results))];

  // every finding of every stage, each problem once: what the run's counts, the per-unit counts and the findings workbook all show
  const everything = dedupeFindings([...cur.results.flatMap((r) => r.findings), ...(agg?.findings ?? []), ...(checked ? [...checked.findings, ...checked.entries.flatMap((e) => e.findings)] : []), ...cross]);
  const runPeriod = agg?.period ?? period;
  const periodCode = runPeriod ? formatPeriod(runPeriod) : opts.asOf;
  const target = expandOutPattern(o.out, { period: periodCode, asOf: opts.asOf });
  const lang = c.lang;
  const summary = {
    command: 'report' as const,
    inbox,
    period: runPeriod ? formatPeriod(runPeriod) : null,
    asOf: opts.asOf,
    out: target,
    validate: validateJson(cur.results, opts.asOf, lang),
    aggregate: agg ? aggregateJson(agg, lang) : null,
    check: checked ? checkJson(checked, lang) : null,
    crossChecks: crossJson(cross, lang),
    notes: aggProblem ? [aggProblem] : [],
    ...(collected ? { collect: collected } : {}),
    files: [] as string[],
    ...runTotals(everything),
    units: [] as UnitOverview[],
  };

  const folder = await OutputFolder.open(target, inputs);
  try {
    const roster = rosterFor(runPeriod ? periodEnd(runPeriod) : opts.asOf, opts.cutover);
    if (agg) {
      const { buildCityWorkbook } = await import('../../writers/annex1-city.js');
      const name = REPORT_FILES.city(periodCode);
      await folder.write(name, await buildCityWorkbook(agg, { lang, date: opts.asOf, findings: [...summary.aggregate!.findings, ...summary.crossChecks.findings] }));
      summary.files.push(name);
    }
    const { buildReportFindings } = await import('../../writers/report-findings.js');
    const pe = runPeriod ? periodEnd(runPeriod) : opts.asOf;
    const unitOfFile = new Map(cur.results.map((r) => [r.file, unitOfResult(r, pe, opts.cutover)] as const));
    // check's note that an Annex 1 file is not a list says nothing about the file: not a finding of its unit
    const shown = sortFindings(everything.filter((f) => f.code !== 'check-file-skipped'));
    summary.units = unitOverview(roster, cur.results, shown, pe, opts.cutover);
    await folder.write(
      REPORT_FILES.findings,
      await buildReportFindings({
        lang,
        periodLabel: runPeriod ? (zh ? periodLabelZh(runPeriod) : periodLabelEn(runPeriod)) : opts.asOf,
        asOf: opts.asOf,
        units: summary.units,
        findings: shown.map((f) => render(f, lang)),
        unitOfFile,
        ...(collected ? { submissions: collected.tracker } : {}),
      }),
    );
    summary.files.push(REPORT_FILES.findings);
    if (checked) {
      const { buildCheckReport } = await import('../../writers/check-report.js');
      await folder.write(REPORT_FILES.check, await buildCheckReport(summary.check!, lang));
      summary.files.push(REPORT_FILES.check);
    }
    summary.files.push(REPORT_FILES.summary);
    await folder.write(REPORT_FILES.summary, JSON.stringify(summary, null, 2) + '\n');
    await folder.commit();
  } catch (err) {
    await folder.abort();
    throw err;
  }
  log(c.quiet, zh ? `报告已写入 ${target}` : `Reports written to ${target}`);
  const code = exitCode(summary.errors, summary.warnings > 0, Boolean(o.strict));
  process.stdout.write(c.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : c.format === 'line' ? reportLine(summary, lang, code) : reportText(summary, lang));
  return code;
}

/**
 * Before anything is read: the report folder (as far as its pattern is known before the period is: the
 * folder above a `{period}` part) must not lie in an input, must not be an existing file, and its nearest
 * existing folder must be a writable folder. OutputFolder.open checks the final path again when writing.
 */
export async function refuseUnwritableOut(pattern: string, vars: { asOf: string; period?: string }, inputs: string[]): Promise<void> {
  let known = pattern.replace(/\{asOf\}/g, vars.asOf);
  if (vars.period) known = known.replace(/\{period\}/g, vars.period);
  const complete = !known.includes('{period}');
  // with the period still unknown, only the folders above its part are known
  const fixed = complete ? path.resolve(known) : path.resolve(known.slice(0, known.indexOf('{period}')).replace(/[^\\/]*$/, '') || '.');
  // a known target is judged by the report folder's own rule below (real paths, the input named);
  // with the period still unknown, only the folders above it can be compared with the inputs
  if (!complete) for (const i of inputs) {
    const inp = path.resolve(i);
    if (fixed === inp || fixed.startsWith(inp + path.sep)) {
      throw new UsageError(`报告文件夹不能放在收件文件夹内，也不能包含它：${known}\nThe report folder must not be inside the inbox, nor contain it: ${known}`);
    }
  }
  const cannot = (code: string) => {
    const [zh, en] = OUT_PROBLEM[code] ?? ['请检查路径和权限', 'check the path and permissions'];
    return new UsageError(`无法创建报告文件夹 ${known}：${zh}（${code}）。未读取任何文件。\nCannot create the report folder ${known}: ${en} (${code}). Nothing was read.`);
  };
  const st = await fs.stat(fixed).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : err));
  if (st instanceof Error) throw cannot(st.code ?? 'error');
  if (st && !st.isDirectory()) {
    if (complete) throw new UsageError(`--out 已存在且不是文件夹：${known}\n--out exists and is not a folder: ${known}`);
    throw cannot('ENOTDIR');
  }
  // the nearest folder that exists is where the report (or the folders above it) will be created
  let dir = complete ? path.dirname(fixed) : fixed;
  for (;;) {
    const d = await fs.stat(dir).catch((err: NodeJS.ErrnoException) => err);
    if (!(d instanceof Error)) {
      if (!d.isDirectory()) throw cannot('ENOTDIR');
      break;
    }
    if (d.code !== 'ENOENT') throw cannot(d.code ?? 'error');
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  await fs.access(dir, fsConstants.W_OK | fsConstants.X_OK).catch((err: NodeJS.ErrnoException) => {
    throw cannot(err.code ?? 'EACCES');
  });
  // the same refusals as when the report is written (an input inside or around it, a folder that is not a
  // report zmqd wrote), now, before minutes of reading
  if (complete) await OutputFolder.check(known, inputs);
}

const OUT_PROBLEM: Record<string, [string, string]> = {
  ENOTDIR: ['路径中有一部分是文件而不是文件夹', 'part of the path is a file, not a folder'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['没有写入权限', 'permission denied'],
  EROFS: ['磁盘只读', 'the disk is read-only'],
};

/**
 * The run's own counts (extension): each section counts as its command would alone, so a broken file
 * appears under validate, aggregate and check; here every problem counts once.
 */
function runTotals(all: Finding[]): { errors: number; warnings: number } {
  const c = countBySeverity(all);
  return { errors: c.errors, warnings: c.warnings };
}

function count(results: { kind: string | null }[], kind: string | null): number {
  return results.filter((r) => r.kind === kind).length;
}

function crossJson(findings: Finding[], lang: Lang) {
  const c = countBySeverity(findings);
  return { findings: findings.map((f) => render(f, lang)), errors: c.errors, warnings: c.warnings };
}

/** A finding reported by two stages (e.g. validate and aggregate both naming a file) appears once. */
export type ReportSummary = {
  command: 'report';
  inbox: string;
  period: string | null;
  asOf: string;
  out: string;
  validate: ReturnType<typeof validateJson>;
  aggregate: ReturnType<typeof aggregateJson> | null;
  check: ReturnType<typeof checkJson> | null;
  crossChecks: ReturnType<typeof crossJson>;
  notes: string[];
  /** extension: the collect step, when the config names a mailbox */
  collect?: import('./collect.js').CollectSummary;
  files: string[];
  /** extension: the whole run's errors and warnings, each problem once (the sections repeat a file's problem) */
  errors: number;
  warnings: number;
  /**
   * extension: one row per roster unit (then units outside it and files of no unit), with the errors and
   * warnings of every stage on its files, each once — the counts of the findings workbook's summary and sheets
   */
  units: UnitOverview[];
};
