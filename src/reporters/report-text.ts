import chalk from 'chalk';
import type { Lang } from '../core/findings/types.js';
import type { ReportSummary } from '../cli/commands/report.js';
import { wrap } from './width.js';
import { parsePeriod, periodLabelEn, periodLabelZh } from '../core/roster/period.js';
import { count } from './plural.js';
import { printable, terminalSafe } from './safe.js';

/** What the clerk (or the scheduler's log) reads after an unattended run: counts, who is missing, where the files went. */
export function reportText(s: ReportSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const v = s.validate;
  const kinds = (k: string | null) => v.files.filter((f) => f.kind === k).length;
  const p = s.period ? parsePeriod(s.period) : null;
  const label = p ? (zh ? periodLabelZh(p) : periodLabelEn(p)) : zh ? '未定报送期' : 'no period';
  out.push(chalk.bold(zh ? `zmqd 季度报告 · ${label} · 判断日期 ${s.asOf}` : `zmqd report · ${label} · as of ${s.asOf}`), '');
  out.push(zh
    ? `收件    ${v.files.length} 个文件：附表1 ${kinds('annex1')} 个，附表2 ${kinds('annex2')} 个，未识别 ${kinds(null)} 个`
    : `inbox     ${count(v.files.length, 'file')}: ${kinds('annex1')} Annex 1, ${kinds('annex2')} Annex 2, ${kinds(null)} not recognised`);
  if (s.collect) {
    const u = s.collect.tracker.units;
    const miss = u.filter((x) => x.status === 'missing').length;
    const late = u.filter((x) => x.status === 'late').length;
    out.push(zh ? `收取    邮箱新邮件 ${s.collect.fetched} 封；已报送 ${u.length - miss}/${u.length}，逾期 ${late}，未报送 ${miss}（详见收件文件夹的 submissions.json）` : `collect   ${count(s.collect.fetched, 'new message')}; ${u.length - miss}/${u.length} submitted, ${late} late, ${miss} missing (see submissions.json in the inbox)`);
  }
  out.push(zh ? `校验    ${v.errors} 个错误，${v.warnings} 个警告` : `validate  ${count(v.errors, 'error')}, ${count(v.warnings, 'warning')}`);
  const a = s.aggregate;
  if (a) {
    const reported = a.units.filter((u) => u.status === 'ok').length;
    out.push(zh
      ? `汇总    ${reported}/${a.units.length} 个单位计入合计；纳入清单企业 ${a.total.listed} 家，现场执法 ${a.total.onsite_inspections} 次；${a.errors} 个错误，${a.warnings} 个警告`
      : `aggregate ${reported}/${a.units.length} units counted; ${count(a.total.listed, 'listed enterprise')}, ${count(a.total.onsite_inspections, 'on-site inspection')}; ${count(a.errors, 'error')}, ${count(a.warnings, 'warning')}`);
    if (a.missing.length) for (const line of wrap((zh ? '未报送：' : 'missing: ') + a.missing.join(zh ? '、' : ', '), 70)) out.push(`${zh ? '        ' : '          '}${line}`); // under the text after the labels
  } else {
    out.push(zh ? `汇总    未汇总：${s.notes.join('；')}` : `aggregate not done: ${s.notes.join('; ')}`);
  }
  const ch = s.check;
  if (ch) {
    const m = ch.summary;
    out.push(zh
      ? `核查    ${m.entries} 家企业：符合 ${m.eligible}，不符合 ${m.ineligible}，无法判断 ${m.unverifiable}，已过期 ${m.expired}，即将到期 ${m.expiring}，应移出 ${m.mustRemove}，不得再纳入 ${m.neverAgain}`
      : `check     ${count(m.entries, 'entry', 'entries')}: ${m.eligible} eligible, ${m.ineligible} not, ${m.unverifiable} cannot tell, ${m.expired} expired, ${m.expiring} expiring, ${m.mustRemove} must be removed, ${m.neverAgain} never again`);
  } else {
    out.push(zh ? '核查    未提供执法数据（--inspections / --credit），未核查' : 'check     no enforcement data given (--inspections / --credit): not checked');
  }
  if (s.crossChecks.findings.length) {
    const codes = [...new Set(s.crossChecks.findings.map((f) => f.code))];
    const what = codes.map((c) => (c === 'onsite-count-mismatch' ? (zh ? '现场执法次数与检查记录不符' : 'on-site counts vs records') : zh ? '企业列入多个区县清单' : 'enterprises on several lists'));
    out.push(zh ? `交叉核对 ${s.crossChecks.warnings} 个警告（${what.join('；')}）` : `cross-checks ${count(s.crossChecks.warnings, 'warning')} (${what.join('; ')})`);
  }
  out.push(zh ? `合计    ${s.errors} 个错误，${s.warnings} 个警告（同一问题在上面几步中重复出现的只计一次）` : `in all    ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} (a problem repeated by the steps above counts once)`);
  out.push('', chalk.bold(zh ? `报告文件夹：${s.out}` : `Report folder: ${s.out}`));
  for (const f of s.files) out.push(`  ${f}`);
  return terminalSafe(out.join('\n') + '\n');
}
