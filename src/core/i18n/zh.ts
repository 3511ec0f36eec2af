/**
 * Every label and phrase zmqd shows in Chinese, outside the finding catalogue's own templates:
 * severities, kinds of data, reasons a value was refused, headings of the text reports. The
 * English module (`en.ts`) has the same shape (`Labels`), so a label missing in English fails
 * to compile instead of showing Chinese.
 *
 * Add a label: here, under its section, then in `en.ts`. Each section is owned by the part of
 * the code that uses it; keep sections apart so that they can grow independently.
 */
import type { DataKind, Inspection, Objection, SourceRef } from '../data/types.js';
import type { Hit, HitWhy } from '../eligibility/exclusions.js';
import { baseName, firstOf } from './phrase.js';
import type { RowIssue } from '../data/schemas.js';
import type { UnreadEffect } from '../data/read.js';
import type { MimeProblem, SubmissionKind } from '../collect/types.js';
import type { ArchiveRefusal } from '../collect/zip.js';

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
  check: {
    /** a kind of enforcement data, as a file of it is named */
    dataKind: { inspections: '检查记录', credit: '信用评价', monitoring: '在线监控', objections: '异议复核记录' } as Record<DataKind, string>,
    /** the data an enterprise is absent from (not-in-data): inspections and/or credit */
    sources: (kinds: readonly DataKind[]): string => (kinds.length === 2 ? '检查记录和信用评价' : zhDataKind(kinds[0]!)),
    /** the date column of each kind, as a row's reason names it */
    dateField: { inspections: '检查日期', credit: '评价日期', monitoring: '统计日期', objections: '复核日期' } as Record<DataKind, string>,
    /** why a data row cannot be used: each bad cell's reason, joined */
    rowIssues: (kind: DataKind, issues: readonly RowIssue[]): string => issues.map((i) => zhRowIssue(kind, i)).join('；'),
    /** what becomes of a value of a data file that cannot be read */
    effect: {
      method: '该次检查不计为现场检查或体检式帮扶，其违法记录仍计入',
      severityWithText: '按违法行为的内容判断',
      severityWithoutText: '无法判断有无违法，相关条件记为“无法判断”',
      selfReported: '视为未注明是否主动报告',
      unknown: '该项记为“无法判断”',
      rate: '达标率不计',
    } as Record<UnreadEffect, string>,
    /** where a record is: 检查记录.xlsx “Sheet1”表 第12行 */
    where: (src: SourceRef): string => `${baseName(src.file)}${src.sheet ? ` “${src.sheet}”表` : ''} 第${src.row}行`,
    /** items of evidence, up to `max`, then 等 N 条 */
    list: (items: readonly string[], max = 3): string => {
      const { shown, more } = firstOf(items, max);
      return shown.join('、') + (more > 0 ? `等 ${items.length} 条` : '');
    },
    /** 检查方式 as the engine reads it */
    method: { onsite: '现场检查', offsite: '非现场检查', assistance: '体检式帮扶' } as Record<NonNullable<Inspection['method']>, string>,
    /** an inspection record: its date, method, what was found and where it is */
    inspection: (i: Inspection, withViolation = true): string => {
      const m = i.method ? zh.check.method[i.method] : `检查（方式“${i.methodText || '未填'}”）`;
      const v = withViolation && i.violationText ? i.violationText : '';
      const sev = withViolation && i.severityText ? i.severityText : '';
      const found = v ? `发现“${v}”` : sev ? `违法情况“${sev}”` : '';
      const extra = v && sev ? `，违法情况“${sev}”` : '';
      return `${i.date} ${m}${found}（${zh.check.where(i.src)}${extra}）`;
    },
    /** why an inspection bars or removes an enterprise */
    hitWhy: (w: HitWhy): string => {
      switch (w.why) {
        case 'keyword': return `违法行为含“${w.keyword}”`;
        case 'column': return '违法情况为“严重”';
        case 'crime': return '涉嫌犯罪、移送公安机关';
        case 'malicious': return `恶意违法行为（${w.keyword}）`;
        case 'over-limit': return '超标排放且未主动报告';
        case 'over-limit-unstated': return '超标排放，未注明是否主动报告';
      }
    },
    /** the inspections that bar or remove an enterprise, each with why */
    hits: (hits: readonly Hit[]): string => zh.check.list(hits.map((h) => `${zh.check.inspection(h.inspection)}，${zh.check.hitWhy(h.why)}`)),
    /** 复核结果 */
    review: { upheld: '复核属实', rejected: '复核不属实', pending: '尚未复核' } as Record<Objection['result'], string>,
    /** an objection record: who raised it, its review and where it is */
    objection: (o: Objection): string => `${o.source ? `${o.source}提出的异议` : '异议'}${zh.check.review[o.result]}${o.date ? `，复核日期 ${o.date}` : ''}（${zh.check.where(o.src)}）`,
    /** objection records, up to three */
    objections: (os: readonly Objection[]): string => zh.check.list(os.map((o) => zh.check.objection(o))),
  },

  // ── section: mailbox collection (collect-*) ──
  collect: {
    /** what a saved file is for the tracker */
    kind: { annex1: '附表1', annex2: '附表2', article: '亮点成效稿件', case: '典型案例', summary: '年度工作总结' } as Record<SubmissionKind, string>,
    /** a saved file of none of those kinds */
    otherKind: '其他材料',
    /** kinds of submission in a sentence: 亮点成效稿件、典型案例 */
    kinds: (ks: readonly SubmissionKind[]): string => ks.map((k) => zh.collect.kind[k]).join('、'),
    /** what named the unit of a message */
    unitSource: { subject: '邮件主题', sender: '发件地址', forwarded: '转发的原邮件主题', attachment: '附件中的填报单位' } as Record<'subject' | 'sender' | 'forwarded' | 'attachment', string>,
    /** what gave the period of a message when its subject did not */
    periodSource: { attachment: '附件名称', date: '收到日期' } as Record<'attachment' | 'date', string>,
    /** what a non-standard subject lacks */
    lacks: { unit: '报送单位', period: '季度' },
    /** joins two of those: 报送单位和季度 */
    and: (parts: readonly string[]): string => parts.join('和'),
    /** why a message's structure is corrupt */
    mimeProblem: (m: MimeProblem): string => {
      switch (m.why) {
        case 'no-blank-line': return '没有邮件头与正文之间的空行';
        case 'no-boundary': return '声明为多部分邮件，却没有分隔线（boundary）参数';
        case 'boundary-absent': return '正文中找不到声明的分隔线';
        case 'unclosed': return '缺少结束分隔线，邮件可能在传输中被截断';
        case 'unparsable': return `无法解析（${m.error}）`;
        case 'internal': return `内部错误：${m.error}`;
        case 'recorded': return m.zh;
      }
    },
    /** why an archive attachment was not unpacked */
    archiveRefusal: (r: ArchiveRefusal): string => {
      switch (r.why) {
        case 'nested': return '压缩包内又套了多层压缩包';
        case 'format': return `${r.ext || '该'}格式的压缩包不能安全地自动解开`;
        case 'zip': return r.error.error;
        case 'too-many': return `含 ${r.count} 个文件，超过上限 ${r.limit}`;
        case 'encrypted': return '压缩包已加密';
        case 'entry-too-large': return `其中“${r.name}”解压后 ${r.size}，超过上限 ${r.limit}`;
        case 'too-large': return `解压后共 ${r.size}，超过上限 ${r.limit}`;
        case 'inflate': return `“${r.name}”无法解压（${r.error}），压缩包可能已损坏`;
        case 'bomb': return `疑似压缩炸弹：解压后${r.atLeast ? '至少' : ''} ${r.size}，压缩比 ${r.ratio ?? '∞'}，超过上限 ${r.limit} 倍`;
        case 'recorded': return r.zh;
      }
    },
  },

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},
};

function zhDataKind(k: DataKind): string {
  return zh.check.dataKind[k];
}

/** One bad cell of a data row, in Chinese. */
function zhRowIssue(kind: DataKind, i: RowIssue): string {
  switch (i.why) {
    case 'uscc-number': return `信用代码被存成了数字（${i.shown}），已丢失后几位`;
    case 'uscc-empty': return '统一社会信用代码为空';
    case 'uscc-exponent': return `信用代码“${i.text}”已被存成数字、丢失了后几位`;
    case 'uscc-old15': return `“${i.text}”是15位旧注册号，不是统一社会信用代码`;
    case 'uscc-length': return `信用代码“${i.text}”不是18位（${i.length}位）`;
    case 'uscc-charset': return `信用代码“${i.text}”含有不允许的字符“${i.bad}”`;
    case 'uscc-checksum': return `信用代码“${i.text}”校验位错误（应为 ${i.expected}）`;
    case 'uscc-invalid': return `信用代码“${i.text}”无效`;
    case 'date-empty': return `${zh.check.dateField[kind]}为空`;
    case 'date-unreadable': return `${zh.check.dateField[kind]}“${i.text}”${i.reason.reasonZh}`;
    case 'grade-empty': return '评价结果为空';
    case 'grade-unknown': return `评价结果“${i.text}”不是可识别的信用等级（环保诚信、良好、警示、不良，或绿牌、蓝牌、黄牌、红牌）`;
    case 'year-invalid': return `评价年度“${i.text}”不是年份`;
    case 'review-unknown': return `复核结果“${i.text}”无法识别（应为“属实”或“不属实”，尚未复核的留空）`;
    case 'credit-no-time': return '评价年度和评价日期都为空，无法确定评价何时生效';
    case 'other': return i.message;
  }
}

/** The shape both languages have. */
export type Labels = typeof zh;
