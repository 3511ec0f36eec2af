import chalk from 'chalk';
import type { Lang, RenderedFinding, Severity } from '../core/findings/types.js';
import type { FigureKey, Figures } from '../core/layout/annex1.js';
import { parsePeriod, periodLabelEn, periodLabelZh } from '../core/roster/period.js';
import type { AggregateJson } from '../core/report/aggregate-json.js';
import { displayWidth, padEnd, wrap } from './width.js';
import { count } from './plural.js';
import { printable, terminalSafe } from './safe.js';

const WIDTH = 80;
/** wrap() lets closing punctuation hang past its width: leave room for two such characters */
const HANG = 4;
const NAME_W = 22;
const NUM_W = 9;

/** Key figures for an 80-column table: single figures, or the sum of a group's sub-columns. */
const KEY_COLUMNS: { zh: string; en: string; keys: FigureKey[] }[] = [
  { zh: '清单企业', en: 'Listed', keys: ['listed'] },
  { zh: '现场执法', en: 'On-site', keys: ['onsite_inspections'] },
  { zh: '非现场', en: 'Off-site', keys: ['offsite_online_video', 'offsite_remote_drone', 'offsite_power_energy', 'offsite_other'] },
  { zh: '立案处罚', en: 'Penalty', keys: ['penalty_cases'] },
  { zh: '减免处罚', en: 'Relief', keys: ['relief_listed', 'relief_unlisted'] },
  { zh: '服务企业', en: 'Service', keys: ['service_phone_web', 'service_onsite', 'service_other'] },
];

const SEV: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warn', info: 'info' },
};
const STATUS: Record<Lang, Record<string, string>> = {
  zh: { missing: '未报送', unreadable: '数字无法读取，未计入', duplicate: '重复报送，未计入' },
  en: { missing: 'not reported', unreadable: 'figures unreadable, not counted', duplicate: 'duplicate, not counted' },
};

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
  const zh = lang === 'zh';
  const out: string[] = [];
  const p = parsePeriod(j.period)!;
  const label = zh ? periodLabelZh(p) : periodLabelEn(p);
  const how = j.periodSource === 'option' ? (zh ? '由 --period 指定' : 'from --period') : j.periodSource === 'files' ? (zh ? '据文件名和填报时间推断' : 'inferred from the files') : zh ? '假定' : 'assumed';
  out.push(chalk.bold(zh ? `zmqd 汇总 · ${label}（${how}）· ${j.roster} 个报送单位，${j.reported} 个计入` : `zmqd aggregate · ${label} (${how}) · ${count(j.roster, 'unit')}, ${j.reported} counted`));
  if (j.previousPeriod) {
    const pp = parsePeriod(j.previousPeriod)!;
    const pl = zh ? periodLabelZh(pp) : periodLabelEn(pp);
    out.push(zh ? `上期：${pl}（本期新增 = 本期累计 − 上期累计${j.restart ? '；跨年度，累计数重新起算' : ''}）` : `Previous: ${pl} (own activity = this − previous${j.restart ? '; a new year: running counts restart' : ''})`);
  }
  out.push('');

  // the table
  const head = padEnd(zh ? '单位' : 'Unit', NAME_W) + KEY_COLUMNS.map((c) => padStart(zh ? c.zh : c.en, NUM_W)).join('');
  const rule = '─'.repeat(displayWidth(head));
  out.push(chalk.bold(head), rule);
  for (const u of j.units) {
    if (u.values) {
      out.push(figuresLine(u.district, u.values));
    } else {
      const st = STATUS[lang][u.status] ?? u.status;
      const mark = u.status === 'missing' ? chalk.yellow(st) : chalk.red(st);
      out.push(padEnd(fit(u.district), NAME_W) + padStart('', 2) + mark);
    }
  }
  out.push(rule);
  out.push(chalk.bold(figuresLine(zh ? '合计' : 'Total', j.total)));
  if (j.totalIncrement) out.push(figuresLine(zh ? '其中本期新增' : 'This period', j.totalIncrement, true));
  out.push('');

  // what to chase
  const list = (names: string[]) => names.join(zh ? '、' : ', ');
  const chase: string[] = [];
  if (j.missing.length) chase.push(chalk.yellow(zh ? `未报送（${j.missing.length}）：${list(j.missing)}` : `Not reported (${j.missing.length}): ${list(j.missing)}`));
  if (j.unreadable.length) chase.push(chalk.red(zh ? `数字无法读取、未计入合计（${j.unreadable.length}）：${list(j.unreadable)}` : `Figures unreadable, not in the total (${j.unreadable.length}): ${list(j.unreadable)}`));
  if (j.duplicate.length) chase.push(chalk.red(zh ? `重复报送、未计入合计（${j.duplicate.length}）：${list(j.duplicate)}` : `Duplicates not in the total (${j.duplicate.length}): ${list(j.duplicate)}`));
  if (j.previousMissing.length) chase.push(zh ? `缺少上期数据、不含在本期新增中（${j.previousMissing.length}）：${list(j.previousMissing)}` : `No previous figures, left out of the increment (${j.previousMissing.length}): ${list(j.previousMissing)}`);
  if (!chase.length) chase.push(chalk.green(zh ? `${j.roster} 个单位均已报送并计入。` : `All ${j.roster} units reported and counted.`));
  for (const c of chase) for (const line of wrap(c, WIDTH - HANG)) out.push(line);
  out.push('');

  // findings by file
  if (j.findings.length) {
    out.push(chalk.bold(zh ? '问题：' : 'Findings:'));
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
      out.push(`${worst} ${chalk.bold(printable(file) || (zh ? '（整体）' : '(overall)'))}`);
      for (const x of fs) {
        const where = x.cell ?? (x.row ? (zh ? `第${x.row}行` : `row ${x.row}`) : '');
        out.push(`  ${padEnd(where || '—', 7)} ${colour(x.severity, SEV[lang][x.severity])} ${chalk.dim(x.code)}`);
        for (const line of wrap(x.message, WIDTH - 10 - HANG)) out.push(`          ${line}`);
      }
    }
    out.push('');
  }

  const n = fileCount ?? 0;
  const summary = zh
    ? `共 ${n} 个文件：${j.errors} 个错误，${j.warnings} 个警告。`
    : `${count(n, 'file')}: ${count(j.errors, 'error')}, ${count(j.warnings, 'warning')}.`;
  out.push(j.errors ? chalk.red.bold(summary) : j.warnings ? chalk.yellow.bold(summary) : chalk.green.bold(summary));
  const foot = zh
    ? '注：“非现场”“减免处罚”“服务企业”为各分项之和；全部 14 项数字及各单位本期新增见 --out 工作簿或 --format json。'
    : 'Note: Off-site, Relief and Service add up their sub-columns; all 14 figures and each unit\'s own activity are in the --out workbook and --format json.';
  for (const line of wrap(foot, WIDTH - HANG)) out.push(chalk.dim(line));
  return terminalSafe(out.join('\n') + '\n');
}
