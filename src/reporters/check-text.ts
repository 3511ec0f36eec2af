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
import { EXPLAINED_BY_REASONS, type CheckJson } from '../core/report/check-json.js';
import { displayWidth, padEnd, wrap } from './width.js';
import { printable, terminalSafe } from './safe.js';
import { pushTo } from '../core/findings/cap.js';

const WIDTH = 80;
/** wrap() lets closing punctuation hang past its width: leave room for two such characters */
const HANG = 2;

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
  const L = labels(lang).report;
  return ns.map((n) => L.criterion[n]).join(L.listSep);
}

/** Wrap plain text (colour is applied per line afterwards: an escape code must never be split). */
function push(out: string[], text: string, indent: string, first = indent, paint: (l: string, i: number) => string = (l) => l): void {
  wrap(text, WIDTH - displayWidth(indent) - HANG).forEach((l, i) => out.push((i === 0 ? first : indent) + paint(l, i)));
}

const dim = (l: string) => chalk.dim(l);

function entryBlock(e: Entry, lang: Lang, out: string[]): void {
  const L = labels(lang);
  const t = L.report.checkText;
  const where = L.report.row(e.row);
  const head = `  ${MARK[e.action]} ${padEnd(where, 7)} ${e.name || '—'}`;
  const paintHead = (s: string) => `  ${colour(e.action, MARK[e.action])}${s.slice(2 + MARK[e.action].length)}`;
  if (displayWidth(head) + 2 + e.uscc.length <= WIDTH) out.push(`${paintHead(head)}  ${chalk.dim(e.uscc)}`);
  else {
    out.push(paintHead(head));
    out.push(`            ${chalk.dim(e.uscc)}`);
  }
  if (e.action === 'ok') return;
  const facts = t.facts(e.declaredCriterion ? criteria([e.declaredCriterion], lang) : '', e.includedOn, e.validUntil);
  const verdict = [t.meets(criteria(e.metCriteria, lang)), t.verdicts(t.verdict(e.eligible), e.includedOn ? t.verdict(e.eligibleAtInclusion) : null)];
  push(out, facts.join(' · '), '            ', '            ', dim);
  push(out, verdict.join(' · '), '            ', '            ', dim);
  for (const r of e.reasons) push(out, r, '              ', '            · ');
  for (const f of e.findings.filter((x) => !EXPLAINED_BY_REASONS.has(x.code))) {
    const word = L.severity[f.severity];
    push(out, `${word} ${f.code} ${f.message}`, '              ', '            · ', (l, i) =>
      i === 0 && l.startsWith(word) ? sevColour(f.severity, word) + l.slice(word.length) : l,
    );
  }
}

function findingLine(f: RenderedFinding, lang: Lang, out: string[]): void {
  const L = labels(lang);
  const where = [f.file && printable(f.file), f.sheet && printable(f.sheet), f.cell ?? (f.row ? L.report.row(f.row) : undefined)].filter(Boolean).join(' ');
  out.push(`  ${sevColour(f.severity, L.severity[f.severity])} ${chalk.dim(f.code)} ${where}`);
  push(out, f.message, '          ');
}

export interface CheckTextOptions {
  /** list every entry; by default only those needing action are listed, the others counted */
  all?: boolean;
}

export function checkText(j: CheckJson, lang: Lang, opts: CheckTextOptions = {}): string {
  const L = labels(lang);
  const t = L.report.checkText;
  const out: string[] = [chalk.bold(t.title(j.asOf))];
  for (const d of j.data) {
    const line = t.dataFile(labels(lang).check.dataKind[d.kind], printable(d.file), d.encoding ? ENCODING_NAME[d.encoding] : null, d.rows, d.invalid);
    push(out, line, '  ', '  ', dim);
  }
  if (!j.data.some((d) => d.kind === 'monitoring')) push(out, t.noMonitoring, '  ', '  ', dim);
  else push(out, t.stableRate(j.stableRate), '  ', '  ', dim);
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
      quiet.push(t.quietUnit(unit, list.length));
      continue;
    }
    const files = [...new Set(list.map((e) => printable(e.file)))].join(L.report.listSep);
    out.push(chalk.bold(`■ ${unit}`));
    push(out, files, '  ', '  ', dim);
    push(out, t.unitCounts(list.length) + counts.map(([a, n]) => `${ACTION_LABEL[a][lang]} ${n}`).join(' · '), '  ');
    for (const a of ACTIONS) {
      const inGroup = list.filter((e) => e.action === a);
      if (!inGroup.length) continue;
      if (a === 'ok' && !opts.all) continue;
      out.push('', colour(a, chalk.bold(t.actionHeading(ACTION_LABEL[a][lang], inGroup.length))));
      for (const e of inGroup) entryBlock(e, lang, out);
    }
    out.push('');
  }
  if (quiet.length) {
    push(out, t.quiet(quiet.length, quiet.join(L.report.listSep)), '  ', '', (l) => chalk.green(l));
    out.push('');
  }
  const okCount = j.entries.filter((e) => e.action === 'ok').length;
  if (!opts.all && okCount > 0) {
    push(out, t.okNotListed(okCount), '', '', dim);
    out.push('');
  }
  if (j.entries.length === 0) out.push(t.noEntries, '');
  if (j.findings.length) {
    out.push(chalk.bold(t.otherFindings));
    for (const f of j.findings) findingLine(f, lang, out);
    out.push('');
  }
  const summary = t.summary(j.summary, j.errors, j.warnings);
  const paint = j.errors ? chalk.red.bold : j.warnings ? chalk.yellow.bold : chalk.green.bold;
  push(out, summary, '', '', (l) => paint(l));
  return terminalSafe(out.join('\n') + '\n');
}
