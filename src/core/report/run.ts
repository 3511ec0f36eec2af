/**
 * The report pipeline of `zmqd report`, without reading or writing anything: from the validated
 * files of the inbox (and of the previous period), the enforcement data when given, and the options,
 * it aggregates the Annex 1 files, checks the Annex 2 lists, cross-checks the annexes and returns
 * the run's summary (summary.json) with what the report folder's workbooks are built from. One broken
 * file never stops the run. The command line reads the inputs and writes the folder (src/cli/report/).
 */
import { aggregate, AggregateInputError, type AggregateResult } from '../aggregate/aggregate.js';
import { runCheckCore } from '../check/check.js';
import { expandOutPattern } from '../config/schema.js';
import type { DataFiles } from '../eligibility/data.js';
import { countBySeverity, dedupeFindings, render, sortFindings } from '../findings/make.js';
import type { Finding, Lang } from '../findings/types.js';
import type { CollectSummary } from '../collect/summary.js';
import { labels } from '../i18n/index.js';
import { formatPeriod, periodEnd, type Period } from '../roster/period.js';
import { rosterFor } from '../roster/units.js';
import type { RuleOptions } from '../rules/types.js';
import type { FileResult } from '../validate/validate.js';
import { aggregateJson } from './aggregate-json.js';
import { checkJson } from './check-json.js';
import { duplicatesAcrossUnits, onsiteCrossCheck } from './crosscheck.js';
import { unitOfResult, unitOverview, type UnitOverview } from './units.js';
import { validateJson } from './validate-json.js';

/** The file names written into the report folder. */
export const REPORT_FILES = {
  city: (p: string) => `全市汇总表-${p}.xlsx`,
  findings: '问题清单.xlsx',
  check: '资格核查.xlsx',
  summary: 'summary.json',
} as const;

/** What the pipeline is given: the inputs already read and validated. */
export interface ReportInput {
  /** the inbox as given (shown in the summary) */
  inbox: string;
  /** the report folder's pattern (--out / "out"), `{period}` and `{asOf}` still in it */
  out: string;
  /** the inbox's files, validated */
  current: FileResult[];
  /** the previous period's files, validated (--previous) */
  previous?: FileResult[];
  /** the enforcement data (--inspections, --credit …): without it nothing is checked */
  data?: DataFiles;
  /** --period; else the period the Annex 1 files report */
  period?: Period;
  opts: RuleOptions;
  stableRate: number;
  lang: Lang;
  /** the collect step's summary, when the config names a mailbox */
  collected: CollectSummary | null;
}

/** A finding reported by two stages (e.g. validate and aggregate both naming a file) appears once. */
export type ReportSummary = {
  command: 'report';
  inbox: string;
  period: string | null;
  asOf: string;
  out: string;
  validate: ReturnType<typeof validateJson>;
  aggregate: ReturnType<typeof aggregateJson> | null;
  check: ReturnType<typeof checkJson> | null;
  crossChecks: ReturnType<typeof crossJson>;
  notes: string[];
  /** extension: the collect step, when the config names a mailbox */
  collect?: CollectSummary;
  files: string[];
  /** extension: the whole run's errors and warnings, each problem once (the sections repeat a file's problem) */
  errors: number;
  warnings: number;
  /**
   * extension: one row per roster unit (then units outside it and files of no unit), with the errors and
   * warnings of every stage on its files, each once — the counts of the findings workbook's summary and sheets
   */
  units: UnitOverview[];
};

/** The run: its summary, and what the report folder's workbooks are built from. */
export interface ReportRun {
  summary: ReportSummary;
  /** why nothing was aggregated (no Annex 1 in the inbox, no period to be told), in the run's language */
  notAggregated: string | null;
  /** the city-wide aggregate, when there was one (the city workbook) */
  aggregated: AggregateResult | null;
  /** the report folder: the pattern with the period (or the as-of date) filled in */
  target: string;
  /** the period as the file names have it (2024Q3), or the as-of date without a period */
  periodCode: string;
  /** the period as people read it, for the findings workbook's title */
  periodLabel: string;
  /** every finding of every stage once, sorted, as the findings workbook lists them */
  shown: Finding[];
  /** each inbox file's reporting unit (the findings workbook's sheet per unit) */
  unitOfFile: Map<string, string | null>;
  /** the files the folder holds, in the order they are written (also summary.files) */
  files: { city: string | null; findings: string; check: string | null; summary: string };
}

export function runReportCore(input: ReportInput): ReportRun {
  const { opts, lang, data } = input;
  const cur = input.current;
  let agg: AggregateResult | null = null;
  let aggProblem: string | null = null;
  try {
    agg = aggregate(cur, { period: input.period, previous: input.previous, cutover: opts.cutover });
  } catch (err) {
    if (!(err instanceof AggregateInputError)) throw err;
    // no Annex 1 in the inbox, or no period to be told: the rest of the run still stands
    aggProblem = err[lang];
  }
  const checked = data ? runCheckCore({ lists: cur, data, asOf: opts.asOf, expiringDays: opts.expiringDays, stableRate: input.stableRate, maxFindings: opts.maxFindings }) : null;
  // with enforcement data the check already reports enterprises listed by two units, on their entries
  const cross: Finding[] = [...(agg && data ? onsiteCrossCheck(agg, cur, data.inspections.records) : []), ...(checked ? [] : duplicatesAcrossUnits(cur))];

  // every finding of every stage, each problem once: what the run's counts, the per-unit counts and the findings workbook all show
  const everything = dedupeFindings([
    ...cur.flatMap((r) => r.findings),
    ...(agg?.findings ?? []),
    ...(checked ? [...checked.findings, ...checked.entries.flatMap((e) => e.findings)] : []),
    ...cross,
  ]);
  const runPeriod = agg?.period ?? input.period;
  const periodCode = runPeriod ? formatPeriod(runPeriod) : opts.asOf;
  const target = expandOutPattern(input.out, { period: periodCode, asOf: opts.asOf });
  const pe = runPeriod ? periodEnd(runPeriod) : opts.asOf;
  const roster = rosterFor(pe, opts.cutover);
  const unitOfFile = new Map(cur.map((r) => [r.file, unitOfResult(r, pe, opts.cutover)] as const));
  // check's note that an Annex 1 file is not a list says nothing about the file: not a finding of its unit
  const shown = sortFindings(everything.filter((f) => f.code !== 'check-file-skipped'));
  const files = { city: agg ? REPORT_FILES.city(periodCode) : null, findings: REPORT_FILES.findings, check: checked ? REPORT_FILES.check : null, summary: REPORT_FILES.summary };
  const summary: ReportSummary = {
    command: 'report' as const,
    inbox: input.inbox,
    period: runPeriod ? formatPeriod(runPeriod) : null,
    asOf: opts.asOf,
    out: target,
    validate: validateJson(cur, opts.asOf, lang),
    aggregate: agg ? aggregateJson(agg, lang) : null,
    check: checked ? checkJson(checked, lang) : null,
    crossChecks: crossJson(cross, lang),
    notes: aggProblem ? [aggProblem] : [],
    ...(input.collected ? { collect: input.collected } : {}),
    files: [files.city, files.findings, files.check, files.summary].filter((f): f is string => f !== null),
    ...runTotals(everything),
    units: unitOverview(roster, cur, shown, pe, opts.cutover),
  };
  return {
    summary,
    notAggregated: aggProblem,
    aggregated: agg,
    target,
    periodCode,
    periodLabel: runPeriod ? labels(lang).reportRun.period(runPeriod) : opts.asOf,
    shown,
    unitOfFile,
    files,
  };
}

/**
 * The run's own counts (extension): each section counts as its command would alone, so a broken file
 * appears under validate, aggregate and check; here every problem counts once.
 */
function runTotals(all: Finding[]): { errors: number; warnings: number } {
  const c = countBySeverity(all);
  return { errors: c.errors, warnings: c.warnings };
}

function crossJson(findings: Finding[], lang: Lang) {
  const c = countBySeverity(findings);
  return { findings: findings.map((f) => render(f, lang)), errors: c.errors, warnings: c.warnings };
}
