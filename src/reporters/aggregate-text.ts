import chalk from 'chalk';
import type { Lang, RenderedFinding, Severity } from '../core/findings/types.js';
import type { FigureKey, Figures } from '../core/layout/annex1.js';
import { parsePeriod } from '../core/roster/period.js';
import type { AggregateJson } from '../core/report/aggregate-json.js';
import { displayWidth, padEnd, wrap } from './width.js';
import { printable, terminalSafe } from './safe.js';
import { labels, type Labels } from '../core/i18n/index.js';

const WIDTH = 80;
/** wrap() lets closing punctuation hang past its width: leave room for two such characters */
const HANG = 4;
const NAME_W = 22;
const NUM_W = 9;

/** Key figures for an 80-column table: single figures, or the sum of a group's sub-columns. */
const KEY_COLUMNS: { label: keyof Labels['report']['aggregateText']['columns']; keys: FigureKey[] }[] = [
  { label: 'listed', keys: ['listed'] },
  { label: 'onsite', keys: ['onsite_inspections'] },
  { label: 'offsite', keys: ['offsite_online_video', 'offsite_remote_drone', 'offsite_power_energy', 'offsite_other'] },
  { label: 'penalty', keys: ['penalty_cases'] },
  { label: 'relief', keys: ['relief_listed', 'relief_unlisted'] },
  { label: 'service', keys: ['service_phone_web', 'service_onsite', 'service_other'] },
];

function colour(sev: Severity, s: string): string {
  return sev === 'error' ? chalk.red(s) : sev === 'warning' ? chalk.yellow(s) : chalk.cyan(s);
}

function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

function fit(name: string): string {
  if (displayWidth(name) <= NAME_W - 1) return name;
  let out = '';
  for (const ch of name) {
    if (displayWidth(out + ch) > NAME_W - 2) break;
    out += ch;
  }
  return out + '…';
}

function keyValue(f: Figures, keys: FigureKey[]): number {
  return keys.reduce((a, k) => a + f[k], 0);
}

function figuresLine(label: string, f: Figures, signed = false): string {
  const cells = KEY_COLUMNS.map((c) => {
    const v = keyValue(f, c.keys);
    return padStart(signed && v > 0 ? `+${v}` : String(v), NUM_W);
  });
  return padEnd(fit(label), NAME_W) + cells.join('');
}

/** The aggregation for a terminal: the units table with key figures and 合计, then what to chase, then the findings by file. */
export function aggregateText(j: AggregateJson, lang: Lang, fileCount?: number): string {
  const L = labels(lang);
  const t = L.report.aggregateText;
  const out: string[] = [];
  const label = L.report.period(parsePeriod(j.period)!);
  const how = t.periodFrom[j.periodSource === 'option' ? 'option' : j.periodSource === 'files' ? 'files' : 'assumed'];
  out.push(chalk.bold(t.title(label, how, j.roster, j.reported)));
  if (j.previousPeriod) out.push(t.previous(L.report.period(parsePeriod(j.previousPeriod)!), j.restart));
  out.push('');

  // the table
  const head = padEnd(L.report.unit, NAME_W) + KEY_COLUMNS.map((c) => padStart(t.columns[c.label], NUM_W)).join('');
  const rule = '─'.repeat(displayWidth(head));
  out.push(chalk.bold(head), rule);
  for (const u of j.units) {
    if (u.values) {
      out.push(figuresLine(u.district, u.values));
    } else {
      const st = t.status[u.status] ?? u.status;
      const mark = u.status === 'missing' ? chalk.yellow(st) : chalk.red(st);
      out.push(padEnd(fit(u.district), NAME_W) + padStart('', 2) + mark);
    }
  }
  out.push(rule);
  out.push(chalk.bold(figuresLine(t.total, j.total)));
  if (j.totalIncrement) out.push(figuresLine(t.thisPeriod, j.totalIncrement, true));
  out.push('');

  // what to chase
  const list = (names: string[]) => names.join(L.report.listSep);
  const chase: string[] = [];
  if (j.missing.length) chase.push(chalk.yellow(t.missing(j.missing.length, list(j.missing))));
  if (j.unreadable.length) chase.push(chalk.red(t.unreadable(j.unreadable.length, list(j.unreadable))));
  if (j.duplicate.length) chase.push(chalk.red(t.duplicate(j.duplicate.length, list(j.duplicate))));
  if (j.previousMissing.length) chase.push(t.previousMissing(j.previousMissing.length, list(j.previousMissing)));
  if (!chase.length) chase.push(chalk.green(t.allCounted(j.roster)));
  for (const c of chase) for (const line of wrap(c, WIDTH - HANG)) out.push(line);
  out.push('');

  // findings by file
  if (j.findings.length) {
    out.push(chalk.bold(t.findings));
    const groups = new Map<string, RenderedFinding[]>();
    for (const f of j.findings) {
      const k = f.file ?? '';
      const g = groups.get(k) ?? [];
      g.push(f);
      groups.set(k, g);
    }
    for (const [file, fs] of groups) {
      const worst = fs.some((f) => f.severity === 'error') ? chalk.red('✖') : fs.some((f) => f.severity === 'warning') ? chalk.yellow('▲') : chalk.cyan('ℹ');
      // a path is never broken across lines: it is copied into a file manager or a shell as it is
      out.push(`${worst} ${chalk.bold(printable(file) || t.overall)}`);
      for (const x of fs) {
        const where = x.cell ?? (x.row ? L.report.row(x.row) : '');
        out.push(`  ${padEnd(where || '—', 7)} ${colour(x.severity, L.severity[x.severity])} ${chalk.dim(x.code)}`);
        for (const line of wrap(x.message, WIDTH - 10 - HANG)) out.push(`          ${line}`);
      }
    }
    out.push('');
  }

  const summary = L.report.filesSummary(fileCount ?? 0, j.errors, j.warnings);
  out.push(j.errors ? chalk.red.bold(summary) : j.warnings ? chalk.yellow.bold(summary) : chalk.green.bold(summary));
  for (const line of wrap(t.foot, WIDTH - HANG)) out.push(chalk.dim(line));
  return terminalSafe(out.join('\n') + '\n');
}
