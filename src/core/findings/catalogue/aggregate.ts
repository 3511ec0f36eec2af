import { en } from '../../i18n/en.js';
import { zh } from '../../i18n/zh.js';
import type { Period } from '../../roster/period.js';
import { code, defineCodes, s } from '../define.js';

import type { Where, DuplicateDecision, FilePeriodShown, PeriodEvidence, PeriodWhy, PreviousMissingWhy } from '../params.js';

export type { Where, DuplicateDecision, FilePeriodShown, PeriodEvidence, PeriodWhy, PreviousMissingWhy };

/** The submissions of district-duplicate: two rows of one table, or files (and rows). */
type DuplicateSources = { rows: [number, number]; sources?: undefined } | { sources: Where[]; rows?: undefined };

/** Findings that only appear when several submissions are put together. */
export const aggregateCodes = defineCodes({
  'district-duplicate': code<
    { unit: string; /** set on the previous period's findings */ previousPeriod?: string } & DuplicateSources & (DuplicateDecision | { decision?: undefined })
  >({
    severity: 'error',
    title: { zh: '同一单位重复报送', en: 'Unit submitted twice' },
    message: {
      zh: (p) =>
        `${s(p.unit)}在${p.previousPeriod !== undefined ? `上期（${p.previousPeriod}）` : '本期'}有多份报送（${p.rows ? `第 ${p.rows[0]} 行与第 ${p.rows[1]} 行` : p.sources.map(zh.aggregate.where).join('、')}）。${p.decision ? zh.aggregate.decision(p) : '请确认以哪一份为准，删除另一份后重新汇总。'}`,
      en: (p) =>
        `${s(p.unit)} has more than one submission for ${p.previousPeriod !== undefined ? `the previous period (${p.previousPeriod})` : 'this period'} (${p.rows ? `rows ${p.rows[0]} and ${p.rows[1]}` : p.sources.map(en.aggregate.where).join(', ')}). ${p.decision ? en.aggregate.decision(p) : 'Decide which one stands, remove the other and aggregate again.'}`,
    },
    example: {
      unit: '渝北区',
      sources: [{ file: '渝北区3季度.xlsx' }, { file: '渝北区3季度（修改）.xlsx' }],
      decision: 'later',
      counted: { file: '渝北区3季度（修改）.xlsx', date: '2025-10-09' },
      others: [{ file: '渝北区3季度.xlsx', date: '2025-10-05' }],
    },
  }),
  'period-mismatch': code<{
    /** the file's own period */
    own: FilePeriodShown;
    evidence: PeriodEvidence;
    /** the period aggregated */
    period: Period;
    why: PeriodWhy;
    /** the file is one of the previous period's (--previous) */
    previous?: 1;
    /** a 填报时间 alone points elsewhere: counted all the same (the date is the file's) */
    counted?: 1;
    date?: string;
  }>({
    severity: 'error',
    title: { zh: '报送期不一致', en: 'Period disagrees' },
    message: {
      zh: (p) =>
        p.counted
          ? `该文件的填报时间（${s(p.date)}）看似 ${zh.aggregate.filePeriod(p.own)}的报送，而${p.previous ? zh.aggregate.previousSet : '本次汇总'}的是 ${zh.aggregate.period(p.period)}（${zh.aggregate.periodWhy(p.why)}）。文件名中没有写明季度，仅凭填报时间不能断定，已按 ${zh.aggregate.period(p.period)}计入。请核实该文件确为本期报送。`
          : `该文件（${zh.aggregate.evidence(p.evidence)}）为 ${zh.aggregate.filePeriod(p.own)}的报送，而${p.previous ? zh.aggregate.previousSet : '本次汇总'}的是 ${zh.aggregate.period(p.period)}（${zh.aggregate.periodWhy(p.why)}），未计入汇总。请确认文件是否放错了文件夹，或用 --period 指定汇总期。`,
      en: (p) =>
        p.counted
          ? `This file's 填报时间 (${s(p.date)}) suggests ${en.aggregate.filePeriod(p.own)}, but ${p.previous ? en.aggregate.previousSet : 'the aggregation'} is for ${en.aggregate.period(p.period)} (${en.aggregate.periodWhy(p.why)}). Its name gives no quarter and a date alone does not settle it, so it was counted for ${en.aggregate.period(p.period)}. Check that it belongs to this period.`
          : `This file reports ${en.aggregate.filePeriod(p.own)} (${en.aggregate.evidence(p.evidence)}) but ${p.previous ? en.aggregate.previousSet : 'the aggregation'} is for ${en.aggregate.period(p.period)} (${en.aggregate.periodWhy(p.why)}); it was not counted. Check whether the file is in the wrong folder, or give --period.`,
    },
    example: {
      own: { year: 2025, quarter: 2 },
      evidence: { from: 'name', name: '渝北区2025年2季度.xlsx' },
      period: { year: 2025, quarter: 3 },
      why: { by: 'majority', votes: 38, of: 40 },
    },
  }),
  'cumulative-decrease': code<{ unit: string; column: string; diff: number; previousPeriod: string }>({
    severity: 'error',
    title: { zh: '累计数比上期减少', en: 'Running count went down' },
    message: {
      zh: (p) =>
        `${s(p.unit)}“${s(p.column)}”本期累计为 ${s(p.value)}，比上期（${s(p.previousPeriod)}）的 ${s(p.expected)} 少 ${s(p.diff)}。表中数据是截至报送日的累计数，同一年内不应减少。请核实本期或上期数字。`,
      en: (p) =>
        `${s(p.unit)} "${s(p.column)}" is ${s(p.value)} this period, ${s(p.diff)} less than the previous report (${s(p.previousPeriod)}: ${s(p.expected)}). Figures are cumulative and must not go down within a year; check this or the previous report.`,
    },
    example: { unit: '渝北区', column: '纳入清单企业数量', diff: 3, previousPeriod: '2025Q2' },
  }),
  'listed-mismatch': code<{ unit: string; list: string }>({
    severity: 'warning',
    title: { zh: '清单企业数与附表2不符', en: 'Listed count differs from Annex 2' },
    message: {
      zh: (p) => `${s(p.unit)}附表1“纳入清单企业数量”为 ${s(p.value)}，但其附表2清单（${s(p.list)}）有 ${s(p.expected)} 家企业。请核对两表。`,
      en: (p) => `${s(p.unit)} reports ${s(p.value)} listed enterprises in Annex 1, but its Annex 2 list (${s(p.list)}) has ${s(p.expected)}. Please reconcile the two.`,
    },
    example: { unit: '渝北区', list: '渝北区附表2.xlsx' },
  }),
  'period-unknown': code<{ assumed?: Period }>({
    severity: 'warning',
    title: { zh: '无法判断报送期', en: 'Period unknown' },
    message: {
      zh: (p) =>
        `无法从文件名或“填报时间”判断该文件报送的是哪一季度${p.assumed ? `，已按 ${zh.aggregate.period(p.assumed)} 计入` : ''}。请在文件名中注明（如“3季度”），或汇总时用 --period 指定。`,
      en: (p) =>
        `The file name and 填报时间 do not say which quarter this file reports${p.assumed ? `; counted as ${en.aggregate.period(p.assumed)}` : ''}. Name it in the file name (e.g. 3季度), or give --period.`,
    },
    example: { assumed: { year: 2025, quarter: 3 } },
  }),
  'unit-missing-in-file': code<{ row?: number }>({
    severity: 'error',
    title: { zh: '无法判断报送单位', en: 'Reporting unit unknown' },
    message: {
      zh: (p) =>
        p.row
          ? `第 ${s(p.row)} 行的数字无法确定属于哪个区县（“地市”为“${s(p.value)}”），未计入汇总。请在“地市”一栏填写正确的单位名称。`
          : '无法从“地市”、“填报单位”或文件名判断这是哪个区县的报送，未计入汇总。请在“地市”一栏填写本单位名称。',
      en: (p) =>
        p.row
          ? `The figures in row ${s(p.row)} cannot be attributed to a unit (地市 is "${s(p.value)}"), so they were not counted. Enter the right unit in 地市.`
          : 'Neither 地市, 填报单位 nor the file name says which unit this is, so it was not counted. Enter the unit in the 地市 column.',
    },
    example: {},
  }),
  'previous-missing': code<{ unit: string; previousPeriod: string; why?: PreviousMissingWhy }>({
    severity: 'info',
    title: { zh: '缺少上期数据', en: 'No previous figures' },
    message: {
      zh: (p) =>
        `${s(p.unit)}没有可用的上期（${s(p.previousPeriod)}）数据${p.why ? `（${zh.aggregate.previousMissing[p.why]}）` : ''}，无法计算其本期新增，也未做累计数不减少检查；全市“本期新增”不含该单位。`,
      en: (p) =>
        `${s(p.unit)} has no usable figures for the previous period (${s(p.previousPeriod)})${p.why ? ` (${en.aggregate.previousMissing[p.why]})` : ''}, so its own activity is unknown and was not checked; the city's increment leaves it out.`,
    },
    example: { unit: '渝北区', previousPeriod: '2025Q2', why: 'unreadable' },
  }),
  'previous-other-year': code<{ previousPeriod: string; period: string }>({
    severity: 'info',
    title: { zh: '上期为上一年度', en: 'Previous report of an earlier year' },
    message: {
      zh: (p) =>
        `上期（${s(p.previousPeriod)}）与本期（${s(p.period)}）不在同一年。累计数按年度重新起算，本期新增即本期累计数（“纳入清单企业数量”仍按与上期之差计算），不做累计数不减少检查。`,
      en: (p) =>
        `The previous report (${s(p.previousPeriod)}) is of an earlier year than ${s(p.period)}. Running counts restart each year, so this period's activity is its own cumulative figure (the listed count is still compared with the previous one), and no decrease check is made.`,
    },
    example: { previousPeriod: '2024Q4', period: '2025Q1' },
  }),
  'previous-not-adjacent': code<{ previousPeriod: string; period: string; expected: string }>({
    severity: 'info',
    title: { zh: '上期不是紧邻的上一期', en: 'Previous period not the one before' },
    message: {
      zh: (p) => `--previous 的文件为 ${s(p.previousPeriod)} 的报送，而紧邻本期（${s(p.period)}）的上一期是 ${s(p.expected)}。“本期新增”为这两期之间的变化。`,
      en: (p) => `The --previous files report ${s(p.previousPeriod)}, but the report before ${s(p.period)} is ${s(p.expected)}. The increments are the change between the two.`,
    },
    example: { previousPeriod: '2025Q1', period: '2025Q3', expected: '2025Q2' },
  }),
  'roster-changed': code<{ previousPeriod: string; before: number; after: number; merged: string[]; into: string; changed: string[] }>({
    severity: 'info',
    title: { zh: '报送单位名单有调整', en: 'The roster changed' },
    message: {
      zh: (p) =>
        `上期（${s(p.previousPeriod)}）按 ${s(p.before)} 个单位报送，本期按 ${s(p.after)} 个单位。${zh.unit.list(p.merged)}的上期数并入${s(p.into)}计算本期新增；${zh.unit.list(p.changed)}辖区有调整，不做累计数不减少检查。全市合计不受影响。`,
      en: (p) =>
        `The previous period (${s(p.previousPeriod)}) had ${s(p.before)} reporting units, this one ${s(p.after)}. The previous figures of ${en.unit.list(p.merged)} are added to ${s(p.into)} for its increment; ${en.unit.list(p.changed)} changed territory, so they are not checked for decreases. City totals are unaffected.`,
    },
    example: { previousPeriod: '2025Q3', before: 41, after: 39, merged: ['江北区', '渝北区'], into: '两江新区', changed: ['两江新区', '北碚区'] },
  }),
  'summary-superseded': code<{ units: string[] }>({
    severity: 'info',
    title: { zh: '汇总表中的行未重复计入', en: 'Summary rows not counted twice' },
    message: {
      zh: (p) => `该表含多个单位的数据，其中 ${p.units.join('、')} 另有本单位的报送文件，已按本单位文件计入，本表中这些行未重复计入。`,
      en: (p) => `This table holds several units' figures; ${p.units.join('、')} also sent their own files, which were counted instead of these rows.`,
    },
    example: { units: ['渝北区', '北碚区'] },
  }),
});
