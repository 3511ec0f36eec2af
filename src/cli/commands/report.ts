/**
 * `zmqd report <inbox> --out DIR`: the unattended quarterly run. Validates every file of the inbox once,
 * aggregates the Annex 1 files, checks the Annex 2 lists when enforcement data is given, cross-checks the
 * annexes, and writes the report folder whole or not at all. One broken file never stops the run.
 * The pipeline is src/core/report/run.ts; its reading and writing src/cli/report/run.ts.
 */
import { common } from '../options.js';
import { loadConfig, mergeOptions } from '../config.js';
import { exitCode } from '../inputs.js';
import { reportRun, type ReportCliOptions } from '../report/run.js';
import { reportLine, reportText } from '../../reporters/report-text.js';

export type { ReportCliOptions };

export async function runReport(inbox: string, cli: ReportCliOptions): Promise<number> {
  const o = cli.config ? mergeOptions(cli, await loadConfig(cli.config)) : cli;
  const c = common(o, { line: true });
  const summary = await reportRun(inbox, o, c, cli.config);
  const code = exitCode(summary.errors, summary.warnings > 0, Boolean(o.strict));
  process.stdout.write(c.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : c.format === 'line' ? reportLine(summary, c.lang, code) : reportText(summary, c.lang));
  return code;
}
