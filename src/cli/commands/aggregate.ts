import * as path from 'node:path';
import { UsageError, writeAtomic } from '../io.js';
import { common } from '../options.js';
import { log } from '../progress.js';
import { exitCode, ruleOptions, validatePaths } from '../inputs.js';
import { aggregate, AggregateInputError } from '../../core/aggregate/aggregate.js';
import { formatPeriod, parsePeriod, type Period } from '../../core/roster/period.js';
import { aggregateJson } from '../../core/report/aggregate-json.js';
import { aggregateText } from '../../reporters/aggregate-text.js';
import { labels } from '../../core/i18n/index.js';

export interface AggregateCliOptions {
  period?: string;
  previous?: string[];
  out?: string;
  asOf?: string;
  cutover?: string;
  strict?: boolean;
  format?: string;
  lang?: string;
  quiet?: boolean;
  force?: boolean;
}

/** zmqd aggregate: the city-wide Annex 1 of one period. Returns the exit code. */
export async function runAggregate(paths: string[], o: AggregateCliOptions): Promise<number> {
  const c = common(o);
  let period: Period | undefined;
  if (o.period !== undefined) {
    const p = parsePeriod(o.period);
    if (!p)
      throw new UsageError(
        `--period 须为季度（如 2021Q3）或年份（如 2021，年度报送），而不是“${o.period}”。\n--period must be a quarter (e.g. 2021Q3) or a year (e.g. 2021, the annual report), not "${o.period}".`,
      );
    period = p;
  }
  if (o.out !== undefined && !/\.xlsx$/i.test(o.out)) {
    throw new UsageError(`--out 须为 .xlsx 文件，而不是“${o.out}”。\n--out must be an .xlsx file, not "${o.out}".`);
  }
  const opts = await ruleOptions(o);
  const t = labels(c.lang).report.cli;
  const cur = await validatePaths(paths, opts, c.quiet, t.readingCurrent, { outputs: [o.out], otherInputs: o.previous ?? [], force: o.force });
  const prev = o.previous ? await validatePaths(o.previous, opts, c.quiet, t.readingPrevious) : undefined;
  const inputs = [...paths, ...(o.previous ?? []), ...cur.inputs, ...(prev?.inputs ?? [])];
  if (o.out && inputs.some((i) => path.resolve(i) === path.resolve(o.out!))) {
    throw new UsageError(`拒绝覆盖输入文件：${o.out}\nRefusing to overwrite an input file: ${o.out}`);
  }
  let result;
  try {
    result = aggregate(cur.results, { period, previous: prev?.results, cutover: opts.cutover });
  } catch (err) {
    if (err instanceof AggregateInputError) throw new UsageError(err.message);
    throw err;
  }
  const json = aggregateJson(result, c.lang);
  if (o.out) {
    const { buildCityWorkbook } = await import('../../writers/annex1-city.js');
    const bytes = await buildCityWorkbook(result, { lang: c.lang, date: opts.asOf, findings: json.findings });
    await writeAtomic(o.out, bytes, inputs, { force: o.force });
    log(c.quiet, t.aggregateWritten(formatPeriod(result.period), o.out));
  }
  process.stdout.write(c.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : aggregateText(json, c.lang, cur.results.length));
  return exitCode(json.errors, json.warnings > 0, Boolean(o.strict));
}
