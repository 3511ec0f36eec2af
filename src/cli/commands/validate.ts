import { writeAtomic } from '../io.js';
import { common } from '../options.js';
import { log } from '../progress.js';
import { exitCode, optionInputs, ruleOptions, validatePaths, type ValidateCliOptions } from '../inputs.js';
import { sortFindings } from '../../core/findings/make.js';
import type { FileResult } from '../../core/validate/validate.js';
import { validateJson } from '../../core/report/validate-json.js';
import type { Finding } from '../../core/findings/types.js';
import { duplicatesAcrossUnits } from '../../core/report/crosscheck.js';
import { labels } from '../../core/i18n/index.js';

export type { ValidateCliOptions };

export async function runValidate(paths: string[], o: ValidateCliOptions): Promise<number> {
  const c = common(o);
  const opts = await ruleOptions(o);
  const { results, inputs } = await validatePaths(paths, opts, c.quiet, labels(c.lang).report.cli.validating, {
    outputs: [o.report],
    otherInputs: optionInputs(o),
    force: o.force,
  });
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
  return exitCode(
    json.errors,
    json.files.some((f) => f.warnings > 0),
    Boolean(o.strict),
  );
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
