import chalk from 'chalk';
import type { Lang } from '../core/findings/types.js';
import type { CollectSummary } from '../core/collect/summary.js';
import type { Receipt, TrackerUnit } from '../core/collect/tracker.js';
import { parsePeriod } from '../core/roster/period.js';
import { labels } from '../core/i18n/index.js';
import { displayWidth } from './width.js';

/** Pad to a display width, colour codes not counted. */
function padEndWidth(s: string, width: number): string {
  const w = displayWidth(s.replace(/\x1b\[[0-9;]*m/g, ''));
  return w >= width ? `${s} ` : s + ' '.repeat(width - w);
}

/** The clerk's tick-list after `zmqd collect`: one line per unit, then the findings. */
export function collectText(s: CollectSummary, lang: Lang): string {
  const L = labels(lang);
  const x = L.report.collectText;
  const out: string[] = [];
  out.push(chalk.bold(x.title(L.report.period(parsePeriod(s.period)!), s.deadline, `${s.mailbox.user}@${s.mailbox.host}/${s.mailbox.folder}`)));
  out.push(x.fetched(s.fetched, s.messages), '');
  const t = s.tracker;
  const cell = (r: Receipt | null | undefined) =>
    r ? (r.onTime ? r.received.slice(5, 16) : chalk.yellow(`${r.received.slice(5, 16)}${x.late}`)) + (r.superseded.length ? x.resent(r.superseded.length) : '') : chalk.dim('—');
  const head = [...x.head];
  const q4 = t.units.some((u) => u.summary !== undefined);
  if (q4) head.push(x.summaryColumn);
  const widths = [24, 20, 20, 20, 20, 20];
  out.push(head.map((h, i) => padEndWidth(h, widths[i]!)).join(''));
  const line = (u: TrackerUnit) => {
    const mark = u.status === 'missing' ? chalk.red('✖') : u.status === 'late' ? chalk.yellow('!') : chalk.green('✔');
    const cols = [`${mark} ${u.unit}`, cell(u.annex1), cell(u.annex2), cell(u.article), cell(u.case)];
    if (q4) cols.push(cell(u.summary));
    return cols.map((c, i) => padEndWidth(c, widths[i]!)).join('');
  };
  for (const u of t.units) out.push(line(u));
  const missing = t.units.filter((u) => u.status === 'missing').map((u) => u.unit);
  const late = t.units.filter((u) => u.status === 'late').map((u) => u.unit);
  out.push('');
  out.push(x.tally(t.units.length - missing.length, t.units.length, late.length, missing));
  if (t.unassigned.length) out.push(x.unassigned(t.unassigned.length));
  const shown = s.findings.filter((f) => f.code !== 'collect-missing' && f.code !== 'collect-late');
  if (shown.length) {
    out.push('', chalk.bold(x.findings));
    for (const f of shown) {
      const word = L.severity[f.severity];
      const sev = f.severity === 'error' ? chalk.red(word) : f.severity === 'warning' ? chalk.yellow(word) : chalk.blue(word);
      out.push(`  ${sev} ${f.code}`, `    ${f.message}`);
    }
  }
  out.push('', x.total(s.errors, s.warnings, s.out));
  return out.join('\n') + '\n';
}
