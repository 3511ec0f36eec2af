import chalk from 'chalk';
import type { Lang } from '../core/findings/types.js';
import type { ReportSummary } from '../core/report/run.js';
import { labels } from '../core/i18n/index.js';
import { wrap } from './width.js';
import { parsePeriod } from '../core/roster/period.js';
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

function periodLabel(s: ReportSummary, lang: Lang): string {
  const p = s.period ? parsePeriod(s.period) : null;
  return p ? labels(lang).reportRun.period(p) : labels(lang).reportRun.noPeriod;
}

/** What the clerk (or the scheduler's log) reads after an unattended run: counts, who is missing, where the files went. */
export function reportText(s: ReportSummary, lang: Lang): string {
  const L = labels(lang).reportRun;
  const out: string[] = [];
  const v = s.validate;
  const kinds = (k: string | null) => v.files.filter((f) => f.kind === k).length;
  const sev = (x: { errors: number; warnings: number }) => L.severities(x.errors, x.warnings);
  // labels are padded so the text after them starts in one column
  const pad = L.indent;
  const under = (text: string) => {
    for (const line of wrap(text, 70)) out.push(`${pad}${line}`);
  };
  out.push(chalk.bold(L.title(periodLabel(s, lang), s.asOf)), '');
  out.push(L.inbox(v.files.length, kinds('annex1'), kinds('annex2'), kinds(null)));
  const bad = unreadableFiles(s);
  if (bad.length) {
    out.push(`${pad}${L.unreadable(bad.length)}`);
    for (const b of bad) out.push(`${pad}  - ${printable(b.file)} (${b.code})`); // a path is never broken across lines
  }
  if (s.collect) {
    const u = s.collect.tracker.units;
    const miss = u.filter((x) => x.status === 'missing').length;
    const late = u.filter((x) => x.status === 'late').length;
    out.push(L.collect(s.collect.fetched, u.length - miss, u.length, late, miss));
  }
  out.push(L.validate(sev(v)));
  const a = s.aggregate;
  if (a) {
    const reported = a.units.filter((u) => u.status === 'ok').length;
    out.push(L.aggregate(reported, a.units.length, a.total.listed, a.total.onsite_inspections, sev(a)));
    if (a.missing.length) under(L.missing(a.missing));
  } else {
    out.push(L.notAggregatedLine(s.notes));
  }
  const ch = s.check;
  if (ch) out.push(L.check(ch.summary, sev(ch)));
  else out.push(L.notChecked);
  const x = s.crossChecks;
  const codes = [...new Set(x.findings.map((f) => f.code))];
  const what = codes.map((c) => (Object.hasOwn(L.crossCheck, c) ? L.crossCheck[c]! : c));
  out.push(L.crossChecks(sev(x), what));
  // the steps repeat a problem (an unreadable file is one for validate, aggregate and check): say how the total follows
  const sumE = stages(s).reduce((n, t) => n + t.errors, 0);
  const sumW = stages(s).reduce((n, t) => n + t.warnings, 0);
  const dupE = sumE - s.errors;
  const dupW = sumW - s.warnings;
  out.push(L.total(s.errors, s.warnings, dupE || dupW ? L.repeated(sumE, sumW, dupE, dupW) : L.sumOfSteps));
  out.push('', chalk.bold(L.folder(s.out)));
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
  return labels(lang).reportRun.line({
    stamp: cstStamp(now),
    period: s.period ?? '-',
    asOf: s.asOf,
    exit,
    files: s.validate.files.length,
    unreadable: unreadableFiles(s).length,
    missing: s.aggregate?.missing.length,
    errors: s.errors,
    warnings: s.warnings,
    out: s.out,
  });
}
