/**
 * `zmqd check <annex2 path...> --inspections FILE --credit FILE [--monitoring FILE] [--objections FILE]
 * [--map FILE] [--stable-rate PCT] [--all]`.
 * Every list is validated (one bad list never stops the others), then the data files are read —
 * keeping the records of listed enterprises only — and the lists judged. A data file that cannot
 * be used at all (missing, unreadable, not a table, no USCC column …) is a usage error (exit 2):
 * a check against half the data would mislead.
 */
import * as path from 'node:path';
import { checkOutputPath, writeAtomic } from '../io.js';
import { common } from '../options.js';
import { log } from '../progress.js';
import { exitCode, ruleOptions, validatePaths } from '../inputs.js';
import { dataPaths, loadEnforcementData, parseStableRate, requireData, type CheckCliOptions } from '../enforcement-data.js';
import { ENCODING_NAME } from '../../core/data/decode.js';
import type { DataFiles } from '../../core/eligibility/data.js';
import { listedUsccs, runCheckCore } from '../../core/check/check.js';
import type { Lang } from '../../core/findings/types.js';
import { checkJson } from '../../core/report/check-json.js';
import { checkText } from '../../reporters/check-text.js';
import { labels } from '../../core/i18n/index.js';

export type { CheckCliOptions };

function logData(data: DataFiles, lang: Lang, quiet: boolean): void {
  for (const f of [data.inspections, data.credit, data.monitoring, data.objections]) {
    if (!f) continue;
    const enc = f.encoding ? ENCODING_NAME[f.encoding] : 'xlsx';
    log(quiet, labels(lang).report.checkText.dataFile(labels(lang).check.dataKind[f.kind], f.file, enc, f.usable, f.invalid.length));
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
  const { results, inputs } = await validatePaths(paths, opts, c.quiet, labels(c.lang).report.cli.checking, {
    outputs: [o.out],
    otherInputs: given.map((f) => path.resolve(f)),
    force: o.force,
  });
  const data = await loadEnforcementData(o, opts.allowList, listedUsccs(results));
  logData(data, c.lang, c.quiet);
  const result = runCheckCore({ lists: results, data, asOf: opts.asOf, expiringDays: opts.expiringDays, stableRate, maxFindings: opts.maxFindings });
  const json = checkJson(result, c.lang);
  if (o.out) {
    const { buildCheckReport } = await import('../../writers/check-report.js');
    await writeAtomic(o.out, await buildCheckReport(json, c.lang), [...paths, ...inputs, ...given.map((f) => path.resolve(f))], { force: o.force });
    log(c.quiet, labels(c.lang).report.cli.verdictsWritten(o.out));
  }
  process.stdout.write(c.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : checkText(json, c.lang, { all: Boolean(o.all) }));
  return exitCode(json.errors, json.warnings > 0, Boolean(o.strict));
}
