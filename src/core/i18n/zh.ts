/**
 * Every label and phrase zmqd shows in Chinese, outside the finding catalogue's own templates:
 * severities, kinds of data, reasons a value was refused, headings of the text reports. The
 * English module (`en.ts`) has the same shape (`Labels`), so a label missing in English fails
 * to compile instead of showing Chinese.
 *
 * Add a label: here, under its section, then in `en.ts`. Each section is owned by the part of
 * the code that uses it; keep sections apart so that they can grow independently.
 */
import { periodLabelZh, type Period } from '../roster/period.js';

export const zh = {
  /** a finding's severity, the same word everywhere (terminal, workbooks, page) */
  severity: { error: '错误', warning: '警告', info: '提示' },

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {},

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {},

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {},

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {},

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {},

  // ── section: mailbox collection (collect-*) ──
  collect: {},

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},

  // ── section: the unattended run of `zmqd report` (its progress lines and its text report) ──
  reportRun: {
    readingInbox: (inbox: string) => `读取收件文件夹 ${inbox}`,
    /** the progress bar's label while the inbox / the previous period is read */
    validating: '校验',
    readingPrevious: '读取上期',
    inboxFiles: (files: number, annex1: number, annex2: number, none: number) => `共 ${files} 个文件：附表1 ${annex1} 个，附表2 ${annex2} 个，未识别 ${none} 个`,
    notAggregated: '未汇总：',
    written: (dir: string) => `报告已写入 ${dir}`,
    period: (p: Period) => periodLabelZh(p),
    // the text report: labels are padded so the text after them starts in one column (8 columns here)
    title: (period: string, asOf: string) => `zmqd 季度报告 · ${period} · 判断日期 ${asOf}`,
    noPeriod: '未定报送期',
    indent: '        ',
    severities: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
    inbox: (files: number, annex1: number, annex2: number, none: number) => `收件    ${files} 个文件：附表1 ${annex1} 个，附表2 ${annex2} 个，未识别 ${none} 个`,
    unreadable: (n: number) => `无法读取或未识别 ${n} 个（请区县重新报送）：`,
    collect: (fetched: number, submitted: number, units: number, late: number, missing: number) => `收取    邮箱新邮件 ${fetched} 封；已报送 ${submitted}/${units}，逾期 ${late}，未报送 ${missing}（详见收件文件夹的 submissions.json）`,
    validate: (sev: string) => `校验    ${sev}`,
    aggregate: (reported: number, units: number, listed: number, onsite: number, sev: string) => `汇总    ${reported}/${units} 个单位计入合计；纳入清单企业 ${listed} 家，现场执法 ${onsite} 次；${sev}`,
    missing: (units: string[]) => '未报送：' + units.join('、'),
    notAggregatedLine: (notes: string[]) => `汇总    未汇总：${notes.join('；')}`,
    check: (m: { entries: number; eligible: number; ineligible: number; unverifiable: number; expired: number; expiring: number; mustRemove: number; neverAgain: number }, sev: string) =>
      `核查    ${m.entries} 家企业：符合 ${m.eligible}，不符合 ${m.ineligible}，无法判断 ${m.unverifiable}，已过期 ${m.expired}，即将到期 ${m.expiring}，应移出 ${m.mustRemove}，不得再纳入 ${m.neverAgain}；${sev}`,
    notChecked: '核查    未提供执法数据（--inspections / --credit），未核查',
    /** what each cross-check finds, by its code */
    crossCheck: { 'onsite-count-mismatch': '现场执法次数与检查记录不符', 'uscc-duplicate-across-districts': '企业列入多个区县清单' } as Record<string, string>,
    crossChecks: (sev: string, what: string[]) => `交叉核对 ${sev}${what.length ? `（${what.join('；')}）` : ''}`,
    /** how the total follows from the steps, which repeat a problem (an unreadable file is one for validate, aggregate and check) */
    repeated: (sumErrors: number, sumWarnings: number, dupErrors: number, dupWarnings: number) => `（各步骤之和 ${sumErrors} 个错误、${sumWarnings} 个警告，减去在几个步骤中重复出现的 ${dupErrors} 个错误、${dupWarnings} 个警告）`,
    sumOfSteps: '（即以上各步骤之和）',
    total: (errors: number, warnings: number, how: string) => `合计    ${errors} 个错误，${warnings} 个警告${how}`,
    folder: (out: string) => `报告文件夹：${out}`,
    /** `--format line`: one line per run for a scheduler's log */
    line: (l: { stamp: string; period: string; asOf: string; exit: number; files: number; unreadable: number; missing: number | undefined; errors: number; warnings: number; out: string }) =>
      `${l.stamp} zmqd report ${l.period} 判断日期 ${l.asOf} 退出码 ${l.exit}：${l.files} 个文件（${l.unreadable} 个无法读取）` +
      `${l.missing !== undefined ? `，未报送 ${l.missing} 个单位` : ''}，${l.errors} 个错误，${l.warnings} 个警告 → ${l.out}\n`,
  },
};

/** The shape both languages have. */
export type Labels = typeof zh;
