import chalk from 'chalk';
import type { Lang } from '../core/findings/types.js';
import type { ReportSummary } from '../cli/commands/report.js';
import { wrap } from './width.js';
import { parsePeriod, periodLabelEn, periodLabelZh } from '../core/roster/period.js';
import { count } from './plural.js';
import { printable, terminalSafe } from './safe.js';

/** Findings that mean a file could not be read at all: the clerk must ask for it again. */
const UNREADABLE = new Set(['file-unreadable', 'file-too-large', 'file-encrypted', 'file-legacy-format', 'sheet-not-recognised']);

/** The inbox files that could not be read (or not as an annex), with the first such finding's code. */
export function unreadableFiles(s: ReportSummary): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  for (const f of s.validate.files) {
    const bad = f.findings.find((x) => x.severity === 'error' && UNREADABLE.has(x.code));
    if (bad) out.push({ file: f.file, code: bad.code });
  }
  return out;
}

/** Each step's errors and warnings, as summary.json has them, in the order they ran. */
function stages(s: ReportSummary): { errors: number; warnings: number }[] {
  return [s.validate, s.aggregate, s.check, s.crossChecks].filter((x): x is NonNullable<typeof x> => x !== null);
}

function periodLabel(s: ReportSummary, zh: boolean): string {
  const p = s.period ? parsePeriod(s.period) : null;
  return p ? (zh ? periodLabelZh(p) : periodLabelEn(p)) : zh ? '未定报送期' : 'no period';
}

/** What the clerk (or the scheduler's log) reads after an unattended run: counts, who is missing, where the files went. */
export function reportText(s: ReportSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const v = s.validate;
  const kinds = (k: string | null) => v.files.filter((f) => f.kind === k).length;
  const sev = (x: { errors: number; warnings: number }) => (zh ? `${x.errors} 个错误，${x.warnings} 个警告` : `${count(x.errors, 'error')}, ${count(x.warnings, 'warning')}`);
  // labels are padded so the text after them starts in one column: 8 columns in Chinese, 13 in English
  const pad = zh ? '        ' : '             ';
  const under = (text: string) => {
    for (const line of wrap(text, 70)) out.push(`${pad}${line}`);
  };
  out.push(chalk.bold(zh ? `zmqd 季度报告 · ${periodLabel(s, zh)} · 判断日期 ${s.asOf}` : `zmqd report · ${periodLabel(s, zh)} · as of ${s.asOf}`), '');
  out.push(zh
    ? `收件    ${v.files.length} 个文件：附表1 ${kinds('annex1')} 个，附表2 ${kinds('annex2')} 个，未识别 ${kinds(null)} 个`
    : `inbox        ${count(v.files.length, 'file')}: ${kinds('annex1')} Annex 1, ${kinds('annex2')} Annex 2, ${kinds(null)} not recognised`);
  const bad = unreadableFiles(s);
  if (bad.length) {
    out.push(`${pad}${zh ? `无法读取或未识别 ${bad.length} 个（请区县重新报送）：` : `${bad.length} could not be read or recognised (ask the district to send it again):`}`);
    for (const b of bad) out.push(`${pad}  - ${printable(b.file)} (${b.code})`); // a path is never broken across lines
  }
  if (s.collect) {
    const u = s.collect.tracker.units;
    const miss = u.filter((x) => x.status === 'missing').length;
    const late = u.filter((x) => x.status === 'late').length;
    out.push(zh ? `收取    邮箱新邮件 ${s.collect.fetched} 封；已报送 ${u.length - miss}/${u.length}，逾期 ${late}，未报送 ${miss}（详见收件文件夹的 submissions.json）` : `collect      ${count(s.collect.fetched, 'new message')}; ${u.length - miss}/${u.length} submitted, ${late} late, ${miss} missing (see submissions.json in the inbox)`);
  }
  out.push(zh ? `校验    ${sev(v)}` : `validate     ${sev(v)}`);
  const a = s.aggregate;
  if (a) {
    const reported = a.units.filter((u) => u.status === 'ok').length;
    out.push(zh
      ? `汇总    ${reported}/${a.units.length} 个单位计入合计；纳入清单企业 ${a.total.listed} 家，现场执法 ${a.total.onsite_inspections} 次；${sev(a)}`
      : `aggregate    ${reported}/${a.units.length} units counted; ${count(a.total.listed, 'listed enterprise')}, ${count(a.total.onsite_inspections, 'on-site inspection')}; ${sev(a)}`);
    if (a.missing.length) under((zh ? '未报送：' : 'missing: ') + a.missing.join(zh ? '、' : ', '));
  } else {
    out.push(zh ? `汇总    未汇总：${s.notes.join('；')}` : `aggregate    not done: ${s.notes.join('; ')}`);
  }
  const ch = s.check;
  if (ch) {
    const m = ch.summary;
    out.push(zh
      ? `核查    ${m.entries} 家企业：符合 ${m.eligible}，不符合 ${m.ineligible}，无法判断 ${m.unverifiable}，已过期 ${m.expired}，即将到期 ${m.expiring}，应移出 ${m.mustRemove}，不得再纳入 ${m.neverAgain}；${sev(ch)}`
      : `check        ${count(m.entries, 'entry', 'entries')}: ${m.eligible} eligible, ${m.ineligible} not, ${m.unverifiable} cannot tell, ${m.expired} expired, ${m.expiring} expiring, ${m.mustRemove} must be removed, ${m.neverAgain} never again; ${sev(ch)}`);
  } else {
    out.push(zh ? '核查    未提供执法数据（--inspections / --credit），未核查' : 'check        no enforcement data given (--inspections / --credit): not checked');
  }
  const x = s.crossChecks;
  const codes = [...new Set(x.findings.map((f) => f.code))];
  const what = codes.map((c) => (c === 'onsite-count-mismatch' ? (zh ? '现场执法次数与检查记录不符' : 'on-site counts vs records') : c === 'uscc-duplicate-across-districts' ? (zh ? '企业列入多个区县清单' : 'enterprises on several lists') : c));
  out.push(zh ? `交叉核对 ${sev(x)}${what.length ? `（${what.join('；')}）` : ''}` : `cross-checks ${sev(x)}${what.length ? ` (${what.join('; ')})` : ''}`);
  // the steps repeat a problem (an unreadable file is one for validate, aggregate and check): say how the total follows
  const sumE = stages(s).reduce((n, t) => n + t.errors, 0);
  const sumW = stages(s).reduce((n, t) => n + t.warnings, 0);
  const dupE = sumE - s.errors;
  const dupW = sumW - s.warnings;
  const repeated = dupE || dupW
    ? zh
      ? `（各步骤之和 ${sumE} 个错误、${sumW} 个警告，减去在几个步骤中重复出现的 ${dupE} 个错误、${dupW} 个警告）`
      : ` (the steps above add up to ${count(sumE, 'error')} and ${count(sumW, 'warning')}, less ${dupE} and ${dupW} reported by more than one step)`
    : zh
      ? '（即以上各步骤之和）'
      : ' (the sum of the steps above)';
  out.push(zh ? `合计    ${s.errors} 个错误，${s.warnings} 个警告${repeated}` : `in all       ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')}${repeated}`);
  out.push('', chalk.bold(zh ? `报告文件夹：${s.out}` : `Report folder: ${s.out}`));
  for (const f of s.files) out.push(`  ${f}`);
  return terminalSafe(out.join('\n') + '\n');
}

/** The time of the run in China Standard Time, for a log line: 2024-10-08 02:00:03 +08:00. */
function cstStamp(now: Date): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)} +08:00`;
}

/**
 * One line per run for a scheduler's log (`--format line`): when, which period, the exit code,
 * the files and how many could not be read, the totals, and where the report went.
 */
export function reportLine(s: ReportSummary, lang: Lang, exit: number, now: Date = new Date()): string {
  const zh = lang === 'zh';
  const bad = unreadableFiles(s).length;
  const missing = s.aggregate?.missing.length;
  if (zh) {
    return `${cstStamp(now)} zmqd report ${s.period ?? '-'} 判断日期 ${s.asOf} 退出码 ${exit}：${s.validate.files.length} 个文件（${bad} 个无法读取）` +
      `${missing !== undefined ? `，未报送 ${missing} 个单位` : ''}，${s.errors} 个错误，${s.warnings} 个警告 → ${s.out}\n`;
  }
  return `${cstStamp(now)} zmqd report ${s.period ?? '-'} as of ${s.asOf} exit ${exit}: ${count(s.validate.files.length, 'file')} (${bad} unreadable)` +
    `${missing !== undefined ? `, ${count(missing, 'unit', 'units')} missing` : ''}, ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} -> ${s.out}\n`;
}
