/**
 * The check report for a terminal, readable at 80 columns: per district, the entries needing action
 * (应移出, 已过期, 待核实, 需关注), each with its reasons; the eligible ones only counted unless `all`
 * (then one line each); districts with nothing to do on one line; then the findings not tied to an
 * entry (data files, unreadable lists) and the totals.
 */
import chalk from 'chalk';
import type { Lang, RenderedFinding, Severity } from '../core/findings/types.js';
import { ACTIONS, ACTION_LABEL, type Action } from '../core/check/check.js';
import { ENCODING_NAME } from '../core/data/decode.js';
import { labels } from '../core/i18n/index.js';
import type { CheckJson } from '../core/report/check-json.js';
import { displayWidth, padEnd, wrap } from './width.js';
import { count } from './plural.js';
import { printable, terminalSafe } from './safe.js';
import { pushTo } from '../core/findings/cap.js';

const WIDTH = 80;
/** wrap() lets closing punctuation hang past its width: leave room for two such characters */
const HANG = 2;
const NUM = ['', '一', '二', '三', '四', '五'];
/** Codes the reasons already explain: not repeated under an entry. */
const IN_REASONS = new Set(['not-eligible', 'no-longer-eligible', 'never-again', 'must-remove', 'assistance-visit-missing', 'not-in-data', 'uscc-duplicate-across-districts', 'entry-expired', 'entry-expiring', 'serious-violation-review', 'objection-upheld', 'validity-over-3-years']);
const SEV: Record<Lang, Record<Severity, string>> = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warn', info: 'info' } };

type Entry = CheckJson['entries'][number];

function colour(a: Action, s: string): string {
  return a === 'remove' ? chalk.red(s) : a === 'renew' ? chalk.magenta(s) : a === 'verify' ? chalk.yellow(s) : a === 'attention' ? chalk.cyan(s) : chalk.green(s);
}
const MARK: Record<Action, string> = { remove: '✖', renew: '⌛', verify: '?', attention: '▲', ok: '✔' };

function sevColour(sev: Severity, s: string): string {
  return sev === 'error' ? chalk.red(s) : sev === 'warning' ? chalk.yellow(s) : chalk.cyan(s);
}

function criteria(ns: number[], lang: Lang): string {
  if (!ns.length) return '—';
  return lang === 'zh' ? ns.map((n) => NUM[n]).join('、') : ns.map((n) => ['', 'I', 'II', 'III', 'IV', 'V'][n]).join(', ');
}

function verdictWord(v: boolean | null, lang: Lang): string {
  if (lang === 'zh') return v === true ? '符合' : v === false ? '不符合' : '无法判断';
  return v === true ? 'eligible' : v === false ? 'not eligible' : 'cannot tell';
}

/** Wrap plain text (colour is applied per line afterwards: an escape code must never be split). */
function push(out: string[], text: string, indent: string, first = indent, paint: (l: string, i: number) => string = (l) => l): void {
  wrap(text, WIDTH - displayWidth(indent) - HANG).forEach((l, i) => out.push((i === 0 ? first : indent) + paint(l, i)));
}

const dim = (l: string) => chalk.dim(l);

function entryBlock(e: Entry, lang: Lang, out: string[]): void {
  const zh = lang === 'zh';
  const where = zh ? `第${e.row}行` : `row ${e.row}`;
  const head = `  ${MARK[e.action]} ${padEnd(where, 7)} ${e.name || '—'}`;
  const paintHead = (s: string) => `  ${colour(e.action, MARK[e.action])}${s.slice(2 + MARK[e.action].length)}`;
  if (displayWidth(head) + 2 + e.uscc.length <= WIDTH) out.push(`${paintHead(head)}  ${chalk.dim(e.uscc)}`);
  else {
    out.push(paintHead(head));
    out.push(`            ${chalk.dim(e.uscc)}`);
  }
  if (e.action === 'ok') return;
  const facts = zh
    ? [`纳入情形 ${e.declaredCriterion ? NUM[e.declaredCriterion] : '未填'}`, `纳入 ${e.includedOn ?? '未填'}`, `有效期至 ${e.validUntil ?? '—'}`]
    : [`declared ${e.declaredCriterion ? criteria([e.declaredCriterion], lang) : '—'}`, `included ${e.includedOn ?? '—'}`, `valid to ${e.validUntil ?? '—'}`];
  const verdict = zh
    ? [`列入期间符合情形 ${criteria(e.metCriteria, lang)}`, `判断：列入期间${verdictWord(e.eligible, lang)}，纳入时${e.includedOn ? verdictWord(e.eligibleAtInclusion, lang) : '无法判断（无纳入日期）'}`]
    : [`meets ${criteria(e.metCriteria, lang)} while listed`, `verdict: while listed ${verdictWord(e.eligible, lang)}, at inclusion ${e.includedOn ? verdictWord(e.eligibleAtInclusion, lang) : 'cannot tell (no inclusion date)'}`];
  push(out, facts.join(' · '), '            ', '            ', dim);
  push(out, verdict.join(' · '), '            ', '            ', dim);
  for (const r of e.reasons) push(out, r, '              ', '            · ');
  for (const f of e.findings.filter((x) => !IN_REASONS.has(x.code))) {
    const word = SEV[lang][f.severity];
    push(out, `${word} ${f.code} ${f.message}`, '              ', '            · ', (l, i) => (i === 0 && l.startsWith(word) ? sevColour(f.severity, word) + l.slice(word.length) : l));
  }
}

function findingLine(f: RenderedFinding, lang: Lang, out: string[]): void {
  const where = [f.file && printable(f.file), f.sheet && printable(f.sheet), f.cell ?? (f.row ? (lang === 'zh' ? `第${f.row}行` : `row ${f.row}`) : undefined)].filter(Boolean).join(' ');
  out.push(`  ${sevColour(f.severity, SEV[lang][f.severity])} ${chalk.dim(f.code)} ${where}`);
  push(out, f.message, '          ');
}

export interface CheckTextOptions {
  /** list every entry; by default only those needing action are listed, the others counted */
  all?: boolean;
}

export function checkText(j: CheckJson, lang: Lang, opts: CheckTextOptions = {}): string {
  const zh = lang === 'zh';
  const out: string[] = [chalk.bold(zh ? `zmqd 核查 · 判断日期 ${j.asOf}` : `zmqd check · as of ${j.asOf}`)];
  for (const d of j.data) {
    const label = labels(lang).check.dataKind[d.kind];
    const enc = d.encoding ? `${ENCODING_NAME[d.encoding]}，` : '';
    const file = printable(d.file);
    const line = zh ? `${label}：${file}（${enc}${d.rows} 行可用${d.invalid ? `，${d.invalid} 行无法使用` : ''}）` : `${label}: ${file} (${d.encoding ? ENCODING_NAME[d.encoding] + ', ' : ''}${d.rows} usable rows${d.invalid ? `, ${d.invalid} unusable` : ''})`;
    push(out, line, '  ', '  ', dim);
  }
  if (!j.data.some((d) => d.kind === 'monitoring')) push(out, zh ? '在线监控：未提供（在线监控条件记为无法判断）' : 'online monitoring: not given (monitoring conditions cannot be told)', '  ', '  ', dim);
  else push(out, zh ? `稳定达标阈值：达标率 ${j.stableRate}%（仅用于没有“稳定达标”的记录；--stable-rate）` : `stable-rate threshold: ${j.stableRate}% (only for records without 稳定达标; --stable-rate)`, '  ', '  ', dim);
  out.push('');

  const groups = new Map<string, Entry[]>();
  for (const e of j.entries) {
    const k = e.district ?? e.file;
    pushTo(groups, k, e);
  }
  const quiet: string[] = [];
  for (const [unit, list] of groups) {
    const counts = ACTIONS.map((a) => [a, list.filter((e) => e.action === a).length] as const).filter(([, n]) => n > 0);
    if (!opts.all && list.every((e) => e.action === 'ok')) {
      quiet.push(zh ? `${unit}（${list.length} 家）` : `${unit} (${list.length})`);
      continue;
    }
    const files = [...new Set(list.map((e) => printable(e.file)))].join('、');
    out.push(chalk.bold(`■ ${unit}`));
    push(out, files, '  ', '  ', dim);
    push(out, (zh ? `${list.length} 家：` : `${count(list.length, 'entry', 'entries')}: `) + counts.map(([a, n]) => `${ACTION_LABEL[a][lang]} ${n}`).join(' · '), '  ');
    for (const a of ACTIONS) {
      const inGroup = list.filter((e) => e.action === a);
      if (!inGroup.length) continue;
      if (a === 'ok' && !opts.all) continue;
      out.push('', colour(a, chalk.bold(zh ? `  ${ACTION_LABEL[a][lang]}（${inGroup.length}）` : `  ${ACTION_LABEL[a][lang]} (${inGroup.length})`)));
      for (const e of inGroup) entryBlock(e, lang, out);
    }
    out.push('');
  }
  if (quiet.length) {
    push(out, zh ? `无需处理的区县（${quiet.length} 个，全部企业符合条件）：${quiet.join('、')}` : `Nothing to do (${quiet.length} ${quiet.length === 1 ? 'unit' : 'units'}, every entry eligible): ${quiet.join(', ')}`, '  ', '', (l) => chalk.green(l));
    out.push('');
  }
  const okCount = j.entries.filter((e) => e.action === 'ok').length;
  if (!opts.all && okCount > 0) {
    push(out, zh ? `符合条件、无需处理的 ${okCount} 家企业未逐一列出（--all 列出全部）。` : `${count(okCount, 'eligible entry', 'eligible entries')} needing nothing are not listed (--all lists every entry).`, '', '', dim);
    out.push('');
  }
  if (j.entries.length === 0) out.push(zh ? '没有读到任何附表2清单企业。' : 'No Annex 2 entries were read.', '');
  if (j.findings.length) {
    out.push(chalk.bold(zh ? '其他问题（数据文件、无法读取的清单）' : 'Other findings (data files, unreadable lists)'));
    for (const f of j.findings) findingLine(f, lang, out);
    out.push('');
  }
  const s = j.summary;
  const summary = zh
    ? `共 ${s.entries} 家企业（列入期间）：符合 ${s.eligible}，不符合 ${s.ineligible}，无法判断 ${s.unverifiable}；已过期 ${s.expired}，即将到期 ${s.expiring}；按三(九)须移出 ${s.mustRemove}，不得再纳入 ${s.neverAgain}${s.objectionUpheld ? `，异议属实 ${s.objectionUpheld}` : ''}。${j.errors} 个错误，${j.warnings} 个警告。`
    : `${count(s.entries, 'entry', 'entries')} (while listed): ${s.eligible} eligible, ${s.ineligible} not eligible, ${s.unverifiable} cannot tell; ${s.expired} expired, ${s.expiring} expiring; ${s.mustRemove} must be removed, ${s.neverAgain} may never be listed again${s.objectionUpheld ? `, ${s.objectionUpheld} with an objection upheld` : ''}. ${count(j.errors, 'error')}, ${count(j.warnings, 'warning')}.`;
  const paint = j.errors ? chalk.red.bold : j.warnings ? chalk.yellow.bold : chalk.green.bold;
  push(out, summary, '', '', (l) => paint(l));
  return terminalSafe(out.join('\n') + '\n');
}
