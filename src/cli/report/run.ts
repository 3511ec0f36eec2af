/**
 * The reading and writing of `zmqd report`: the inbox filled from the mailbox (when the config names
 * one), the report folder refused early when it cannot be written, the inbox and the enforcement data
 * read, the pipeline run (src/core/report/run.ts), and the report folder written whole or not at all.
 */
import { promises as fs } from 'node:fs';
import { UsageError } from '../io.js';
import type { CommonOptions } from '../options.js';
import { log } from '../progress.js';
import { OutputFolder } from '../outdir.js';
import { ruleOptions, validatePaths } from '../inputs.js';
import { dataPaths, loadEnforcementData, parseStableRate, type CheckCliOptions } from '../enforcement-data.js';
import { refuseUnwritableOut } from './out.js';
import { labels } from '../../core/i18n/index.js';
import { render } from '../../core/findings/make.js';
import { formatPeriod, parsePeriod, type Period } from '../../core/roster/period.js';
import { runReportCore, type ReportRun, type ReportSummary } from '../../core/report/run.js';
import type { Lang } from '../../core/findings/types.js';

export interface ReportCliOptions extends CheckCliOptions {
  out?: string;
  config?: string;
  period?: string;
  previous?: string[] | string;
}

/**
 * The whole run, with the options merged from the config file (`configFile`: its path, an input the
 * report folder must not hold). Returns the summary; throws UsageError (exit 2) for unusable options.
 */
export async function reportRun(inbox: string, o: ReportCliOptions, c: CommonOptions, configFile: string | undefined): Promise<ReportSummary> {
  const L = labels(c.lang).reportRun;
  // collect: with a mailbox in the config, the inbox is filled from it first (src/cli/collect/report-step.ts)
  const collected = await (await import('../collect/report-step.js')).collectStep(inbox, o as Parameters<typeof import('../collect/report-step.js').collectStep>[1]);
  const st = await fs.stat(inbox).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`收件文件夹不存在或不是文件夹：${inbox}\nThe inbox does not exist or is not a folder: ${inbox}`);
  if (!o.out) throw new UsageError('请用 --out 或配置文件的 "out" 指定报告文件夹。\nGive the report folder with --out or "out" in the config file.');
  let period: Period | undefined;
  if (o.period !== undefined) {
    const p = parsePeriod(o.period);
    if (!p)
      throw new UsageError(
        `--period 须为季度（如 2021Q3）或年份（如 2021），而不是“${o.period}”。\n--period must be a quarter (e.g. 2021Q3) or a year (e.g. 2021), not "${o.period}".`,
      );
    period = p;
  }
  const opts = await ruleOptions(o);
  const previous = o.previous === undefined ? undefined : Array.isArray(o.previous) ? o.previous : [o.previous];
  // every input, by real path: the report folder never holds one (it is replaced whole) nor lies in one
  const inputs = [inbox, ...(previous ?? []), ...dataPaths(o), ...[o.allowUscc, configFile].filter((x): x is string => Boolean(x))];
  // a report folder that cannot be written is refused now, not after minutes of reading
  await refuseUnwritableOut(o.out, { asOf: opts.asOf, period: period ? formatPeriod(period) : undefined }, inputs);
  const withData = Boolean(o.inspections || o.credit || o.monitoring || o.objections);
  const stableRate = parseStableRate(o.stableRate);
  const data = withData ? await loadEnforcementData(o, opts.allowList) : undefined;

  log(c.quiet, L.readingInbox(inbox));
  const cur = await validatePaths([inbox], opts, c.quiet, L.validating);
  const prev = previous ? await validatePaths(previous, opts, c.quiet, L.readingPrevious) : undefined;
  log(c.quiet, L.inboxFiles(cur.results.length, count(cur.results, 'annex1'), count(cur.results, 'annex2'), count(cur.results, null)));

  const run = runReportCore({ inbox, out: o.out, current: cur.results, previous: prev?.results, data, period, opts, stableRate, lang: c.lang, collected });
  if (run.notAggregated !== null) log(c.quiet, L.notAggregated + run.notAggregated);
  await writeReportFolder(run, inputs, c.lang, opts.asOf);
  log(c.quiet, L.written(run.target));
  return run.summary;
}

/** The report folder, whole or not at all: the workbooks, then summary.json. */
async function writeReportFolder(run: ReportRun, inputs: string[], lang: Lang, asOf: string): Promise<void> {
  const { summary, files } = run;
  const folder = await OutputFolder.open(run.target, inputs);
  try {
    if (run.aggregated && files.city) {
      const { buildCityWorkbook } = await import('../../writers/annex1-city.js');
      await folder.write(files.city, await buildCityWorkbook(run.aggregated, { lang, date: asOf, findings: [...summary.aggregate!.findings, ...summary.crossChecks.findings] }));
    }
    const { buildReportFindings } = await import('../../writers/report-findings.js');
    await folder.write(
      files.findings,
      await buildReportFindings({
        lang,
        periodLabel: run.periodLabel,
        asOf,
        units: summary.units,
        findings: run.shown.map((f) => render(f, lang)),
        unitOfFile: run.unitOfFile,
        ...(summary.collect ? { submissions: summary.collect.tracker } : {}),
      }),
    );
    if (summary.check && files.check) {
      const { buildCheckReport } = await import('../../writers/check-report.js');
      await folder.write(files.check, await buildCheckReport(summary.check, lang));
    }
    await folder.write(files.summary, JSON.stringify(summary, null, 2) + '\n');
    await folder.commit();
  } catch (err) {
    await folder.abort();
    throw err;
  }
}

function count(results: { kind: string | null }[], kind: string | null): number {
  return results.filter((r) => r.kind === kind).length;
}
