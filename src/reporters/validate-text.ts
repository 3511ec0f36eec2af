import chalk from 'chalk';
import type { Lang, Severity } from '../core/findings/types.js';
import type { ValidateJson } from '../core/report/validate-json.js';
import { padEnd, wrap } from './width.js';
import { count } from './plural.js';
import { printable, terminalSafe } from './safe.js';

const WIDTH = 80;
const SEV: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warn', info: 'info' },
};
const KIND: Record<Lang, Record<string, string>> = {
  zh: { annex1: '附表1', annex2: '附表2', none: '未识别' },
  en: { annex1: 'Annex 1', annex2: 'Annex 2', none: 'not recognised' },
};

function colour(sev: Severity, s: string): string {
  return sev === 'error' ? chalk.red(s) : sev === 'warning' ? chalk.yellow(s) : chalk.cyan(s);
}

/** The validate report for a terminal: grouped by file, cell · severity · code, the message wrapped to 80 columns. */
export function validateText(j: ValidateJson, lang: Lang): string {
  const out: string[] = [];
  const zh = lang === 'zh';
  out.push(chalk.bold(zh ? `zmqd 校验 · 判断日期 ${j.asOf}` : `zmqd validate · as of ${j.asOf}`), '');
  for (const f of j.files) {
    const kind = KIND[lang][f.kind ?? 'none'];
    const what = [kind];
    if (f.district) what.push(f.district);
    if (f.kind === 'annex2') what.push(zh ? `${f.rows} 家企业` : count(f.rows, 'enterprise'));
    if (f.kind === 'annex1') what.push(zh ? `${f.rows} 行数据` : `${f.rows} data rows`);
    const ok = f.errors === 0 && f.warnings === 0;
    const mark = f.errors ? chalk.red('✖') : f.warnings ? chalk.yellow('▲') : chalk.green('✔');
    out.push(`${mark} ${chalk.bold(printable(f.file))}`);
    const counts = ok ? (zh ? '没有问题' : 'no problems') : zh ? `${f.errors} 个错误，${f.warnings} 个警告` : `${count(f.errors, 'error')}, ${count(f.warnings, 'warning')}`;
    out.push(`  ${what.join(' · ')} · ${counts}`);
    for (const x of f.findings) {
      const where = x.cell ?? (x.row ? (zh ? `第${x.row}行` : `row ${x.row}`) : x.sheet ? '' : '');
      const head = `  ${padEnd(where || '—', 7)} ${colour(x.severity, SEV[lang][x.severity])} ${chalk.dim(x.code)}`;
      out.push(head);
      for (const line of wrap(x.message, WIDTH - 12)) out.push(`          ${line}`);
    }
    out.push('');
  }
  const n = j.files.length;
  const summary = zh
    ? `共 ${n} 个文件：${j.errors} 个错误，${j.warnings} 个警告。`
    : `${count(n, 'file')}: ${count(j.errors, 'error')}, ${count(j.warnings, 'warning')}.`;
  out.push(j.errors ? chalk.red.bold(summary) : j.warnings ? chalk.yellow.bold(summary) : chalk.green.bold(summary));
  return terminalSafe(out.join('\n') + '\n');
}
