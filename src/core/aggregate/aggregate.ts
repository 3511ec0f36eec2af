/**
 * `zmqd aggregate`, the pure part: validated files in, the city-wide Annex 1 for one period out.
 *
 * Steps: decide the period (--period, else the files' majority) → drop files of another period →
 * resolve every unit row against the period's roster → one source per unit (sum.ts) → exact totals →
 * with --previous, the same for the previous period and each unit's own activity (increment.ts).
 */
import { ANNEX1_FIGURES, FIGURE_KEYS, STOCK_KEYS, type FigureKey, type Figures } from '../layout/annex1.js';
import { finding, sortFindings, countBySeverity } from '../findings/make.js';
import { appendAll } from '../findings/cap.js';
import type { Finding } from '../findings/types.js';
import type { FileResult } from '../validate/validate.js';
import type { RuleContext } from '../rules/types.js';
import { unitCodes, decideUnit, resolveSource, type UnitSource as NameSource } from '../rules/common/unit.js';
import { findUnitInText } from '../roster/resolve.js';
import { formatPeriod, periodEnd, periodLabelEn, periodLabelZh, samePeriod, type Period } from '../roster/period.js';
import { DEFAULT_CUTOVER, LIANGJIANG, TOWNS_TO_BEIBEI_2025, isAfterCutover, mergedUnits, rosterFor, type IsoDate, type Unit } from '../roster/units.js';
import { compatible, decidePeriod, endsBefore, filePeriod, filePeriodCode, hasEvidence, periodEvidence, shownPeriod, type PeriodDecision } from '../roster/file-period.js';
import type { PeriodWhy } from '../findings/catalogue/aggregate.js';
import { sumFigures, sumUnits, type SumResult, type UnitSource, type UnitStatus } from './sum.js';
import { decreases, incrementRule, unitIncrement } from './increment.js';
import { isCityBureau } from '../roster/city.js';
import { addDays, daysBetween } from '../values/dates.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = [
  'period-mismatch',
  'period-unknown',
  'unit-missing-in-file',
  'summary-superseded',
  'listed-mismatch',
  'previous-other-year',
  'previous-not-adjacent',
  'roster-changed',
  'previous-missing',
  'cumulative-decrease',
  ...unitCodes,
] as const satisfies readonly FindingCode[];

export interface AggregateOptions {
  /** --period */
  period?: Period;
  /** --previous: the previous period's files, validated; undefined without --previous */
  previous?: readonly FileResult[];
  cutover?: IsoDate;
}

export interface AggregateUnit {
  unit: Unit;
  status: UnitStatus;
  /** the file counted (ok) or that failed (unreadable); null when missing or a duplicate left out */
  file: string | null;
  /** the files of a duplicate left out of the sum */
  files?: string[];
  sheet?: string;
  row?: number;
  reportDate?: IsoDate;
  values: Figures | null;
  /** the previous period's figures (for 两江新区 across the 2025 cut-over: with 江北区 and 渝北区) */
  previous: Figures | null;
  previousFile: string | null;
  increment: Figures | null;
}

export interface AggregateResult {
  period: Period;
  periodSource: PeriodDecision['source'];
  previousPeriod: Period | null;
  previousSource?: PeriodDecision['source'];
  roster: Unit[];
  units: AggregateUnit[];
  total: Figures;
  /** sum of the units' increments (units without previous figures left out); null without --previous */
  totalIncrement: Figures | null;
  /** the previous period's own city total; null without --previous */
  previousTotal: Figures | null;
  /** running counts restart: the previous report is of an earlier year */
  restart: boolean;
  missing: string[];
  unreadable: string[];
  duplicate: string[];
  /** units counted this period but without previous figures (not in totalIncrement) */
  previousMissing: string[];
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** The command itself is wrong (exit 2), e.g. no period can be inferred, or --previous is not earlier. */
export class AggregateInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'AggregateInputError';
  }
}

/** Unit findings that validate judged against the 填报时间's roster; recomputed here against the period's. */
const UNIT_CODES = new Set(['district-unknown', 'district-placeholder', 'district-mismatch', 'district-duplicate']);
const ANNEX2_NAME = /附表\s*2|附件\s*2|企业列表|企业名单|清单企业/;

const LABEL: Record<FigureKey, string> = Object.fromEntries(ANNEX1_FIGURES.map((d) => [d.key, d.group ? `${d.group}/${d.header}` : d.header])) as Record<FigureKey, string>;

interface Prepared {
  sources: UnitSource[];
  findings: Finding[];
  /** Annex 2 lists by unit: file and number of enterprises */
  annex2: Map<string, { file: string; name: string; count: number }[]>;
}

interface SetContext {
  period: Period;
  decision: PeriodDecision;
  cutover: IsoDate;
  /** 'current' or 'previous': what period-mismatch calls the set */
  which: 'current' | 'previous';
}

export function aggregate(current: readonly FileResult[], opts: AggregateOptions = {}): AggregateResult {
  const cutover = opts.cutover ?? DEFAULT_CUTOVER;
  const decision = decidePeriod(current.filter(votes).map(fpOf), opts.period);
  if (!decision && !current.some(votes)) {
    throw new AggregateInputError(
      '没有找到任何附表1文件（.xlsx/.xls/.et/.csv），无法汇总。请检查路径，或用 --period 指定汇总期（将列出全部未报送单位）。',
      'No Annex 1 file (.xlsx/.xls/.et/.csv) was found to aggregate. Check the path, or give --period (every unit is then listed as not reported).',
    );
  }
  if (!decision) {
    throw new AggregateInputError(
      '无法从文件名或填报时间判断汇总的是哪一期，请用 --period 指定（如 --period 2021Q3 或 --period 2021）。',
      'Cannot tell the period from the file names or 填报时间; give --period (e.g. --period 2021Q3 or --period 2021).',
    );
  }
  const period = decision.period;
  const roster = rosterFor(periodEnd(period), cutover);
  const cur = prepare(current, { period, decision, cutover, which: 'current' });
  const summed = sumUnits(roster, cur.sources);
  const findings: Finding[] = [...cur.findings, ...summed.findings, ...supersededFindings(summed)];
  appendAll(findings, listedFindings(summed, cur.annex2));

  const units: AggregateUnit[] = summed.slots.map((s) => ({
    unit: s.unit,
    status: s.status,
    file: s.status === 'duplicate' || s.status === 'missing' ? null : s.source!.file,
    ...(s.files ? { files: s.files } : {}),
    ...(s.source?.sheet && s.status !== 'duplicate' ? { sheet: s.source.sheet } : {}),
    ...(s.source?.row !== undefined && s.status !== 'duplicate' ? { row: s.source.row } : {}),
    ...(s.source?.reportDate && s.status !== 'duplicate' ? { reportDate: s.source.reportDate } : {}),
    values: s.values,
    previous: null,
    previousFile: null,
    increment: null,
  }));

  const result: AggregateResult = {
    period,
    periodSource: decision.source,
    previousPeriod: null,
    roster,
    units,
    total: summed.total,
    totalIncrement: null,
    previousTotal: null,
    restart: false,
    missing: units.filter((u) => u.status === 'missing').map((u) => u.unit.name),
    unreadable: units.filter((u) => u.status === 'unreadable').map((u) => u.unit.name),
    duplicate: units.filter((u) => u.status === 'duplicate').map((u) => u.unit.name),
    previousMissing: [],
    findings: [],
    errors: 0,
    warnings: 0,
  };

  if (opts.previous) {
    applyPrevious(result, summed, opts.previous, cutover, findings);
  }
  result.findings = sortFindings(findings);
  const c = countBySeverity(result.findings);
  result.errors = c.errors;
  result.warnings = c.warnings;
  return result;
}

/** Files whose names/dates vote on the period: Annex 1 and unreadable files (not Annex 2 lists). */
function votes(r: FileResult): boolean {
  return r.annex1 !== undefined || (r.kind === null && !ANNEX2_NAME.test(r.name));
}

function fpOf(r: FileResult) {
  return filePeriod(r.name, r.reportDate);
}

function labelOf(p: Period) {
  return { zh: periodLabelZh(p), en: periodLabelEn(p), code: formatPeriod(p) };
}

/** Each file's sources of unit figures, after the period check and unit resolution against the period's roster. */
function prepare(results: readonly FileResult[], sc: SetContext): Prepared {
  const pe = periodEnd(sc.period);
  const out: Prepared = { sources: [], findings: [], annex2: new Map() };
  for (const r of results) {
    const fp = fpOf(r);
    const voting = votes(r);
    // a workbook may hold both annexes (one sheet each): its list and its figures both count
    if (r.annex2 && !(hasEvidence(fp) && !compatible(fp, sc.period))) {
      const unit = listUnit(r, pe, sc.cutover);
      if (unit) {
        const l = out.annex2.get(unit.name) ?? [];
        l.push({ file: r.file, name: r.name, count: r.annex2.entries.length });
        out.annex2.set(unit.name, l);
      }
    }
    if (!r.annex1 && r.kind === 'annex2') continue;
    if (voting && hasEvidence(fp) && !compatible(fp, sc.period)) {
      // a name that says another period settles it: not counted. A 填报时间 alone is circumstantial
      // (a late report, a typo): counted, with a warning to check — unless it lies where no report of
      // the period can be dated (before the period began, or over half a year after it ended).
      const dateOnly = !fp.fromName && fp.nameYear === undefined && plausibleReportDate(fp.date, sc.period);
      out.findings.push(mismatchFinding(r, fp, sc, dateOnly));
      if (!dateOnly) {
        appendAll(out.findings, r.findings);
        continue;
      }
    }
    if (voting && !hasEvidence(fp) && sc.decision.source !== 'option') {
      out.findings.push(finding('period-unknown', { file: r.file }, { assumed: sc.period }));
    }
    if (r.kind === null) {
      appendAll(out.findings, r.findings);
      // an unreadable file still tells whose it is by its name: list the unit as unreadable, not missing
      if (!ANNEX2_NAME.test(r.name)) {
        const res = findUnitInText(r.name, pe, sc.cutover);
        if (res?.kind === 'ok') out.sources.push({ unit: res.unit.name, file: r.file, name: r.name, values: null, nameOnly: true });
      }
      continue;
    }
    for (const f of r.findings) if (!UNIT_CODES.has(f.code)) out.findings.push(f);
    annex1Sources(r, pe, sc.cutover, out);
  }
  return out;
}

/** How long after its period a report may plausibly be dated (a late report; beyond it, another period's). */
const LATE_REPORT_DAYS = 183;

/** Whether a 填报时间 can be that of a report for `p`: from the period's first day to half a year after its end. */
function plausibleReportDate(date: IsoDate | undefined, p: Period): boolean {
  if (!date) return true;
  const end = periodEnd(p);
  const start = p.quarter
    ? addDays(periodEnd(p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 }), 1)
    : `${String(p.year).padStart(4, '0')}-01-01`;
  return date >= start && daysBetween(end, date) <= LATE_REPORT_DAYS;
}

function mismatchFinding(r: FileResult, fp: ReturnType<typeof filePeriod>, sc: SetContext, counted: boolean): Finding {
  const d = sc.decision;
  const why: PeriodWhy = d.source === 'option' ? { by: 'option' } : { by: sc.which === 'previous' ? 'previous' : 'majority', votes: d.votes, of: d.evidence };
  return finding(
    'period-mismatch',
    { file: r.file },
    {
      own: shownPeriod(fp),
      evidence: periodEvidence(fp, r.name),
      period: sc.period,
      why,
      ...(sc.which === 'previous' ? { previous: 1 as const } : {}),
      ...(counted ? { counted: 1 as const, ...(fp.date !== undefined ? { date: fp.date } : {}) } : {}),
    },
    { value: filePeriodCode(fp), expected: formatPeriod(sc.period), ...(counted ? { severity: 'warning' as const } : {}) },
  );
}

function scratchContext(r: FileResult, sheet: string, pe: IsoDate, cutover: IsoDate, sink: Finding[]): RuleContext<(typeof emits)[number]> {
  return {
    asOf: pe,
    expiringDays: 0,
    allowList: new Set(),
    cutover,
    fileName: r.name,
    file: r.file,
    sheet,
    rosterDate: pe,
    findings: sink,
    report(code, loc, ...rest) {
      sink.push(finding(code, { file: r.file, sheet, ...loc }, ...rest));
    },
  };
}

function nameSources(r: FileResult, withCell: boolean): NameSource[] {
  const out: NameSource[] = [];
  const a1 = r.annex1;
  if (withCell && a1 && a1.parsed.rows.length === 1) {
    const u = a1.parsed.rows[0]!;
    if (u.unitText) out.push({ kind: 'cell', text: u.unitText, ref: u.row.district.ref });
  }
  const meta = (a1?.doc ?? r.annex2?.doc)?.meta.unit;
  if (meta && !isCityBureau(meta.text)) out.push({ kind: 'meta', text: meta.text, ref: meta.ref });
  out.push({ kind: 'file', text: r.name });
  return out;
}

/** The unit of an Annex 2 list, against the period's roster (its findings belong to validate). */
function listUnit(r: FileResult, pe: IsoDate, cutover: IsoDate): Unit | undefined {
  return decideUnit(nameSources(r, false), scratchContext(r, r.annex2!.doc.sheet, pe, cutover, []));
}

function annex1Sources(r: FileResult, pe: IsoDate, cutover: IsoDate, out: Prepared): void {
  const a1 = r.annex1;
  if (!a1) return;
  const { doc, parsed } = a1;
  const ctx = scratchContext(r, doc.sheet, pe, cutover, out.findings);
  const base = { file: r.file, name: r.name, sheet: doc.sheet, ...(r.reportDate ? { reportDate: r.reportDate } : {}) };
  const refsOf = (u: (typeof parsed.rows)[number]) => {
    const refs: Partial<Record<FigureKey, string>> = {};
    for (const k of FIGURE_KEYS) {
      const f = u.row.figures[k];
      if (f) refs[k] = f.ref;
    }
    return refs;
  };
  if (parsed.rows.length <= 1) {
    const unit = decideUnit(nameSources(r, true), ctx);
    if (!unit) {
      ctx.report('unit-missing-in-file', {});
      return;
    }
    const u = parsed.rows[0];
    if (!u) {
      out.sources.push({ unit: unit.name, ...base, values: null, nameOnly: true });
      return;
    }
    out.sources.push({ unit: unit.name, ...base, row: u.row.row, cell: u.row.district.ref, refs: refsOf(u), values: u.values });
    return;
  }
  // several unit rows: a city summary, or a district's copy of a template listing every unit
  const own = decideUnit(nameSources(r, false), ctx);
  for (const u of parsed.rows) {
    const f = u.row.district;
    const loc = { cell: f.ref, row: f.row, column: '地市' };
    if (!u.unitText) {
      if (!u.blank) ctx.report('unit-missing-in-file', loc, { row: f.row }, { value: '' });
      continue;
    }
    const unit = resolveSource({ kind: 'cell', text: u.unitText, ref: f.ref }, ctx, u.blank);
    if (!unit) {
      if (!u.blank) ctx.report('unit-missing-in-file', loc, { row: f.row }, { value: u.unitText });
      continue;
    }
    // an unfilled line for another unit is no submission for it
    if (u.blank && unit.name !== own?.name) continue;
    out.sources.push({ unit: unit.name, ...base, row: f.row, cell: f.ref, refs: refsOf(u), values: u.values, summaryRow: unit.name !== own?.name });
  }
}

function supersededFindings(s: SumResult): Finding[] {
  return [...s.superseded].map(([file, units]) => finding('summary-superseded', { file }, { units }));
}

function listedFindings(s: SumResult, annex2: Prepared['annex2']): Finding[] {
  const out: Finding[] = [];
  for (const slot of s.slots) {
    if (slot.status !== 'ok' || !slot.values) continue;
    const lists = annex2.get(slot.unit.name);
    if (!lists || lists.length !== 1) continue;
    const l = lists[0]!;
    if (l.count === slot.values.listed) continue;
    const src = slot.source!;
    const ref = src.refs?.listed;
    out.push(
      finding(
        'listed-mismatch',
        { file: src.file, ...(src.sheet ? { sheet: src.sheet } : {}), ...(ref ? { cell: ref, row: src.row, column: LABEL.listed } : {}) },
        { unit: slot.unit.name, list: l.name },
        { value: String(slot.values.listed), expected: String(l.count) },
      ),
    );
  }
  return out;
}

/** The previous period: its own sum, each unit's increment, decreases. */
function applyPrevious(result: AggregateResult, summed: SumResult, previous: readonly FileResult[], cutover: IsoDate, findings: Finding[]): void {
  const period = result.period;
  // the report before an annual one is the year's Q3 report (the annual figures are due 10 December)
  const fallback: Period = period.quarter
    ? period.quarter === 1
      ? { year: period.year - 1, quarter: 4 }
      : { year: period.year, quarter: (period.quarter - 1) as 1 | 2 | 3 }
    : { year: period.year, quarter: 3 };
  const decision = decidePeriod(previous.filter(votes).map(fpOf), undefined, fallback)!;
  const prevPeriod = decision.period;
  if (!endsBefore(prevPeriod, period)) {
    const p = labelOf(prevPeriod),
      c = labelOf(period);
    throw new AggregateInputError(
      `--previous 的文件是 ${p.zh} 的报送，不早于本期 ${c.zh}。请给出上一期的报送文件夹。`,
      `The --previous files report ${p.en}, which is not earlier than ${c.en}. Give the previous period's submissions.`,
    );
  }
  const prevRoster = rosterFor(periodEnd(prevPeriod), cutover);
  const prep = prepare(previous, { period: prevPeriod, decision, cutover, which: 'previous' });
  const prevSum = sumUnits(prevRoster, prep.sources, 'warning');
  // the previous files' own validation problems were reported last period; keep only what affects this run
  const keep = new Set(['period-mismatch', 'unit-missing-in-file', 'period-unknown']);
  for (const f of prep.findings) if (keep.has(f.code)) findings.push({ ...f, severity: f.code === 'period-unknown' ? 'info' : 'warning' });
  // (district-duplicate findings, which then say they are of the previous period)
  for (const f of prevSum.findings) findings.push({ ...f, params: { ...f.params, previousPeriod: formatPeriod(prevPeriod) } });

  const rule = incrementRule(period, prevPeriod);
  const prevLabel = formatPeriod(prevPeriod);
  result.previousPeriod = prevPeriod;
  result.previousSource = decision.source;
  result.previousTotal = prevSum.total;
  result.restart = rule.restart;
  if (rule.restart) findings.push(finding('previous-other-year', {}, { previousPeriod: prevLabel, period: formatPeriod(period) }));
  // the report before Q1 may be last year's Q4 or annual report; before an annual one, the year's Q3 (or Q4)
  const adjacent =
    samePeriod(prevPeriod, fallback) ||
    (period.quarter === 1 && !prevPeriod.quarter && prevPeriod.year === period.year - 1) ||
    (!period.quarter && prevPeriod.year === period.year && prevPeriod.quarter === 4);
  if (!adjacent) findings.push(finding('previous-not-adjacent', {}, { previousPeriod: prevLabel, period: formatPeriod(period), expected: formatPeriod(fallback) }));

  const bySlot = new Map(prevSum.slots.map((s) => [s.unit.name, s]));
  const changed = isAfterCutover(periodEnd(prevPeriod), cutover) !== isAfterCutover(periodEnd(period), cutover);
  const territoryChanged = new Set<string>();
  if (changed) {
    const merged = mergedUnits(cutover).map((u) => u.name);
    // 两江新区 took over 江北区 and 渝北区; five towns of 渝北区 went to 北碚区 (the 2025 re-division)
    territoryChanged.add(LIANGJIANG);
    if (TOWNS_TO_BEIBEI_2025.length) territoryChanged.add('北碚区');
    findings.push(
      finding(
        'roster-changed',
        {},
        {
          previousPeriod: prevLabel,
          before: prevRoster.length,
          after: result.roster.length,
          merged,
          into: LIANGJIANG,
          changed: [...territoryChanged],
        },
      ),
    );
  }

  const increments: Figures[] = [];
  for (const u of result.units) {
    const prevSlots = [bySlot.get(u.unit.name)];
    if (changed && u.unit.name === LIANGJIANG) for (const m of mergedUnits(cutover)) prevSlots.push(bySlot.get(m.name));
    const usable = prevSlots.every((s) => s && s.status === 'ok' && s.values);
    const prevValues = usable ? sumFigures(prevSlots.map((s) => s!.values!)) : null;
    const first = prevSlots.find((s) => s?.source);
    u.previous = prevValues;
    u.previousFile = usable && first?.source ? first.source.file : null;
    if (u.status !== 'ok' || !u.values) continue;
    if (!prevValues) {
      result.previousMissing.push(u.unit.name);
      const why = prevSlots.map((s) => s?.status ?? 'missing').find((st) => st !== 'ok') ?? 'missing';
      findings.push(finding('previous-missing', { file: u.file! }, { unit: u.unit.name, previousPeriod: prevLabel, why }));
      continue;
    }
    u.increment = unitIncrement(u.values, prevValues, rule);
    increments.push(u.increment);
    if (territoryChanged.has(u.unit.name)) continue;
    const slot = summed.slots.find((s) => s.unit.name === u.unit.name)!;
    for (const d of decreases(u.values, prevValues, rule)) {
      const src = slot.source!;
      const ref = src.refs?.[d.key];
      findings.push(
        finding(
          'cumulative-decrease',
          { file: src.file, ...(src.sheet ? { sheet: src.sheet } : {}), ...(ref ? { cell: ref } : {}), ...(src.row !== undefined ? { row: src.row } : {}), column: LABEL[d.key] },
          { unit: u.unit.name, column: LABEL[d.key], diff: d.previous - d.value, previousPeriod: prevLabel },
          { value: String(d.value), expected: String(d.previous) },
        ),
      );
    }
  }
  result.totalIncrement = sumFigures(increments);
  // a stock's change is the change of the city's stock: this total minus the previous total (the sum of the
  // units' changes would leave out every unit that reported only one of the two periods)
  for (const k of STOCK_KEYS) result.totalIncrement[k] = result.total[k] - prevSum.total[k] || 0;
}
