import chalk from 'chalk';
import type { Lang, Severity } from '../core/findings/types.js';
import type { ValidateJson } from '../core/report/validate-json.js';
import { padEnd, wrap } from './width.js';
import { printable, terminalSafe } from './safe.js';
import { labels } from '../core/i18n/index.js';

const WIDTH = 80;

function colour(sev: Severity, s: string): string {
  return sev === 'error' ? chalk.red(s) : sev === 'warning' ? chalk.yellow(s) : chalk.cyan(s);
}

/** The validate report for a terminal: grouped by file, cell · severity · code, the message wrapped to 80 columns. */
export function validateText(j: ValidateJson, lang: Lang): string {
  const out: string[] = [];
  const L = labels(lang);
  const t = L.report.validateText;
  out.push(chalk.bold(t.title(j.asOf)), '');
  for (const f of j.files) {
    const kind = f.kind ? L.report.kind[f.kind] : t.unrecognised;
    const what = [kind];
    if (f.district) what.push(f.district);
    if (f.kind === 'annex2') what.push(t.enterprises(f.rows));
    if (f.kind === 'annex1') what.push(t.dataRows(f.rows));
    const ok = f.errors === 0 && f.warnings === 0;
    const mark = f.errors ? chalk.red('✖') : f.warnings ? chalk.yellow('▲') : chalk.green('✔');
    out.push(`${mark} ${chalk.bold(printable(f.file))}`);
    const counts = ok ? t.noProblems : L.report.errorsWarnings(f.errors, f.warnings);
    out.push(`  ${what.join(' · ')} · ${counts}`);
    for (const x of f.findings) {
      const where = x.cell ?? (x.row ? L.report.row(x.row) : '');
      const head = `  ${padEnd(where || '—', 7)} ${colour(x.severity, L.severity[x.severity])} ${chalk.dim(x.code)}`;
      out.push(head);
      for (const line of wrap(x.message, WIDTH - 12)) out.push(`          ${line}`);
    }
    out.push('');
  }
  const summary = L.report.filesSummary(j.files.length, j.errors, j.warnings);
  out.push(j.errors ? chalk.red.bold(summary) : j.warnings ? chalk.yellow.bold(summary) : chalk.green.bold(summary));
  return terminalSafe(out.join('\n') + '\n');
}
