import chalk from 'chalk';
import type { Lang } from '../core/findings/types.js';
import type { CollectSummary } from '../cli/commands/collect.js';
import type { Receipt, TrackerUnit } from '../core/collect/tracker.js';
import { parsePeriod, periodLabelEn, periodLabelZh } from '../core/roster/period.js';
import { displayWidth } from './width.js';

/** Pad to a display width, colour codes not counted. */
function padEndWidth(s: string, width: number): string {
  const w = displayWidth(s.replace(/\x1b\[[0-9;]*m/g, ''));
  return w >= width ? `${s} ` : s + ' '.repeat(width - w);
}

/** The clerk's tick-list after `zmqd collect`: one line per unit, then the findings. */
export function collectText(s: CollectSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const p = parsePeriod(s.period)!;
  const out: string[] = [];
  out.push(chalk.bold(zh ? `zmqd 收取 · ${periodLabelZh(p)} · 截止 ${s.deadline} · ${s.mailbox.user}@${s.mailbox.host}/${s.mailbox.folder}` : `zmqd collect · ${periodLabelEn(p)} · deadline ${s.deadline} · ${s.mailbox.user}@${s.mailbox.host}/${s.mailbox.folder}`));
  out.push(zh ? `本次新收取 ${s.fetched} 封；本期邮件共 ${s.messages} 封` : `${s.fetched} messages fetched now; ${s.messages} of this period in all`, '');
  const t = s.tracker;
  const cell = (r: Receipt | null | undefined) => (r ? (r.onTime ? r.received.slice(5, 16) : chalk.yellow(`${r.received.slice(5, 16)}${zh ? '逾期' : ' late'}`)) + (r.superseded.length ? (zh ? ` 重报${r.superseded.length}` : ` +${r.superseded.length}`) : '') : chalk.dim('—'));
  const head = zh ? ['单位', '附表1', '附表2', '稿件', '案例'] : ['Unit', 'Annex 1', 'Annex 2', 'Article', 'Case'];
  const q4 = t.units.some((u) => u.summary !== undefined);
  if (q4) head.push(zh ? '年度总结' : 'Summary');
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
  out.push(zh ? `已报送 ${t.units.length - missing.length}/${t.units.length}，逾期 ${late.length}，未报送 ${missing.length}${missing.length ? `：${missing.join('、')}` : ''}` : `${t.units.length - missing.length}/${t.units.length} submitted, ${late.length} late, ${missing.length} missing${missing.length ? `: ${missing.join(', ')}` : ''}`);
  if (t.unassigned.length) out.push(zh ? `未识别单位的邮件 ${t.unassigned.length} 封（附件以“未识别单位-”开头保存）` : `${t.unassigned.length} messages of unknown unit (attachments saved as 未识别单位-…)`);
  const shown = s.findings.filter((f) => f.code !== 'collect-missing' && f.code !== 'collect-late');
  if (shown.length) {
    out.push('', chalk.bold(zh ? '问题' : 'Findings'));
    for (const f of shown) {
      const sev = f.severity === 'error' ? chalk.red(zh ? '错误' : 'error') : f.severity === 'warning' ? chalk.yellow(zh ? '警告' : 'warning') : chalk.blue(zh ? '提示' : 'info');
      out.push(`  ${sev} ${f.code}`, `    ${f.message}`);
    }
  }
  out.push('', zh ? `合计 ${s.errors} 个错误，${s.warnings} 个警告。收件文件夹：${s.out}` : `${s.errors} errors, ${s.warnings} warnings. Inbox folder: ${s.out}`);
  return out.join('\n') + '\n';
}
