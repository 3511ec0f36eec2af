import { zhPage, zhSeverity } from './zh-page.js';
import type { DuplicateDecision, FilePeriodShown, PeriodEvidence, PeriodWhy, PreviousMissingWhy, Where } from '../findings/params.js';
import type { UnitSourceKind } from '../findings/params.js';
import type { HiddenData } from '../findings/params.js';
import { periodLabelZh, type Period } from '../roster/period.js';
import { fmtBytes } from '../workbook/bytes.js';
import type { FallbackRefusal, FastCause, FastFailure, NotWorkbook, TooLarge, Unreadable, ZipFailure } from '../workbook/reasons.js';
// ── phrases of the section `file` (the reader's reasons, as data in workbook/reasons.ts) ──

const BROKEN = '文件不完整或已损坏';

const NOT_WORKBOOK: Record<NotWorkbook, string> = {
  pdf: '文件是 PDF，不是 Excel 工作簿',
  archive: '文件是压缩包（RAR/7z/gzip），不是 Excel 工作簿',
  image: '文件是图片，不是 Excel 工作簿',
  'xml-2003': '文件是 Excel 2003 XML 表格，不是 .xlsx 工作簿',
  html: '文件内容是网页（HTML），不是 Excel 工作簿',
  text: '文件内容是纯文本（如 CSV），不是 Excel 工作簿',
  unknown: '不是 Excel 工作簿',
  doc: '文件是 Word 文档（.doc），不是 Excel 工作簿',
  ppt: '文件是 PowerPoint 演示文稿，不是 Excel 工作簿',
  docx: '文件是 Word 文档（.docx），不是 Excel 工作簿',
  pptx: '文件是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿',
  xlsb: '文件是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx',
  ods: '文件是 OpenDocument 文档（如 .ods），不是 .xlsx 工作簿',
  'empty-zip': '空的 ZIP 压缩包，不是 Excel 工作簿',
  zip: '是 ZIP 压缩包但不是 Excel 工作簿（缺少 xl/workbook.xml）',
  'spanned-zip': '分卷压缩文件，不是 Excel 工作簿',
};

const READ_ERRORS: Record<string, string> = {
  ENOENT: '文件不存在（或链接指向的文件不存在）',
  ELOOP: '符号链接循环指向自身',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是文件夹，不是文件',
  FIFO: '这是命名管道（FIFO），不是普通文件',
  SOCKET: '这是套接字，不是普通文件',
  DEVICE: '这是设备文件，不是普通文件',
  NOTREG: '不是普通文件',
  EIO: '读取出错（磁盘或网络故障）',
  ENAMETOOLONG: '路径过长',
};

function fastCause(c: FastCause): string {
  switch (c.kind) {
    case 'cell-value':
      return `单元格 ${c.ref}：${c.type === 'boolean' ? `逻辑值“${c.text}”无法识别` : c.type === 'date' ? `日期“${c.text}”不是 ISO 8601 格式` : `数字“${c.text}”无法识别`}`;
    case 'cell-type':
      return `单元格 ${c.ref}：单元格类型 t="${c.type}" 不是 Excel 使用的类型`;
    case 'duplicate-entry':
      return `压缩包中有两个名为 ${c.name} 的部件`;
    case 'too-deep':
      return `工作表的 XML 元素嵌套超过 ${c.depth} 层（大量元素没有闭合），文件已损坏`;
    case 'too-many-cells':
      return `单元格过多：超过 ${c.cells.toLocaleString('en-US')} 个，远超任何附表`;
  }
}

function fastFailure(f: FastFailure): string {
  const why = f.cause ? fastCause(f.cause) : f.detail;
  return f.sheet === undefined ? `工作簿结构无法识别（${why}）` : `工作表“${f.sheet}”无法读取（${why}）`;
}

function refusal(r: FallbackRefusal): string {
  switch (r.kind) {
    case 'workbook-part':
      return `备用读取方式只能读取 xl/workbook.xml，而本文件的工作簿是 ${r.part}`;
    case 'iso-dates':
      return `工作表“${r.sheet}”有 ISO 格式的日期单元格（t="d"），备用读取方式会把它们读成年份`;
    case 'lost-sheets':
      return `备用读取方式未能读出工作表“${r.sheets.join('”“')}”`;
  }
}

function unreadable(r: Unreadable): string {
  switch (r.reason) {
    case 'empty':
      return '文件为空（0 字节）';
    case 'not-workbook':
      return NOT_WORKBOOK[r.kind];
    case 'broken':
      return BROKEN;
    case 'zip-password':
      return 'ZIP 压缩包设置了密码';
    case 'zip-method':
      return '使用了不支持的压缩方式';
    case 'zip-duplicate-entry':
      return `压缩包中有两个名为“${r.name}”的部件，不同软件会读取不同的一个，无法确定 Excel 显示的内容；请在 Excel 中打开核对后另存为 .xlsx`;
    case 'beyond-excel-limits':
      return `${r.sheet !== undefined ? `工作表“${r.sheet}”：` : ''}工作表结构超出 Excel 的限制（${r.detail}），文件可能已损坏`;
    case 'huge-merge':
      return `工作表有覆盖 ${r.cells} 个单元格的合并区域（${r.ref}），且文件已损坏，无法读取`;
    case 'sheet-xml':
      return `工作表“${r.sheet}”无法读取（XML 内容已损坏：${r.detail}）`;
    case 'fast':
      return fastFailure(r.failure);
    case 'fallback-refused':
      return `${fastFailure(r.failure)}；${refusal(r.refusal)}`;
    case 'too-deep':
      return fastCause({ kind: 'too-deep', depth: r.depth });
    case 'not-a-number':
      return '有单元格的值不是数字（也不是错误值），无法确定 Excel 显示的内容';
    case 'structure':
      return `工作簿结构无法识别，可能由 WPS 或其他软件生成（${r.detail}）`;
    case 'xml':
      return `工作簿中的 XML 内容已损坏：${r.detail}`;
    case 'other':
      return r.detail;
    case 'internal':
      return `内部错误：${r.detail}`;
    case 'open-failed':
      return `无法打开文件（${r.detail}）`;
    case 'read-error':
      return `无法打开文件：${zh.file.readError(r.code)}`;
  }
}

function tooLarge(r: TooLarge): string {
  switch (r.reason) {
    case 'input':
      return `${(r.size / 1048576).toFixed(1)} MB，超过 50 MB 上限`;
    case 'file':
      return `文件大小 ${fmtBytes(r.size)}，超过上限 ${fmtBytes(r.limit)}`;
    case 'ratio':
      return `解压后至少 ${fmtBytes(r.size)}，压缩比 ${r.ratio !== null ? `${r.ratio} 倍` : '无穷大'}，超过上限 ${r.limit} 倍`;
    case 'inflated':
      return `解压后${r.atLeast ? '至少' : '约'} ${fmtBytes(r.size)}，超过上限 ${fmtBytes(r.limit)}`;
    case 'too-many-cells':
      return fastCause({ kind: 'too-many-cells', cells: r.cells });
  }
}

/**
 * Every label and phrase zmqd shows in Chinese, outside the finding catalogue's own templates:
 * severities, kinds of data, reasons a value was refused, headings of the text reports. The
 * English module (`en.ts`) has the same shape (`Labels`), so a label missing in English fails
 * to compile instead of showing Chinese.
 *
 * Add a label: here, under its section, then in `en.ts`. Each section is owned by the part of
 * the code that uses it; keep sections apart so that they can grow independently.
 */
import type { FigureFault } from '../annex1/figures.js';
import type { PermitFault } from '../ids/permit.js';
import type { NormalisedWhat } from '../ids/uscc.js';
import type { DateFault } from '../values/dates.js';
import type { DataKind, Inspection, Objection, SourceRef } from '../data/types.js';
import type { Hit, HitWhy } from '../eligibility/exclusions.js';
import { baseName, firstOf } from './phrase.js';
import type { RowIssue } from '../data/schemas.js';
import type { UnreadEffect } from '../data/read.js';
import type { MimeProblem, SubmissionKind } from '../collect/types.js';
import type { ArchiveRefusal } from '../collect/zip.js';

export const zh = {
  /** a finding's severity, the same word everywhere (terminal, workbooks, page) */
  severity: zhSeverity,

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {
    /** what a file that is not a workbook appears to be */
    notWorkbook: NOT_WORKBOOK,
    /** why a zip's directory cannot be read */
    zipError: (z: ZipFailure): string => (z === 'broken' ? BROKEN : NOT_WORKBOOK[z]),
    /** why a file cannot be read (file-unreadable) */
    unreadable,
    /** a cause of a fast-reader failure (in English also the reader's error message) */
    fastCause,
    /** which size went past which limit (file-too-large) */
    tooLarge,
    /** a path the command line could not open, by its errno-style code */
    /** what an errno-style code of a path that cannot be opened means */
    readErrors: READ_ERRORS,
    readError: (code: string): string => {
      const r = READ_ERRORS[code];
      return r ? `${r}，${code}` : code;
    },
    annex: { annex1: '附表1', annex2: '附表2' },
    /** what is hidden (sheet-hidden-data) */
    hidden: (h: HiddenData): string =>
      h.sheet !== undefined
        ? `工作表“${h.sheet}”`
        : `第 ${h.shown !== undefined && h.rows.length > h.shown ? `${h.rows.slice(0, h.shown).join('、')} 等 ${h.rows.length} 行` : h.rows.join('、')} 行`,
  },

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {
    /** where a file names its unit */
    source: { cell: '表内“地市”', meta: '“填报单位”', file: '文件名', option: '--district 参数' } as Record<UnitSourceKind, string>,
    /** why the unit from that source was taken */
    decides: {
      cell: '以数据所在行的“地市”为准',
      meta: '以表头“填报单位”为准',
      file: '表内没有可用的单位名称，只能依据文件名',
      option: '依据命令行指定的单位',
    } as Record<UnitSourceKind, string>,
    /** a list of units */
    list: (units: readonly string[]): string => units.join('、'),
  },

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {
    /** between the items of a list inside a sentence: rows, units, cells */
    listSep: '、',
    /** what normalising a USCC changed (uscc-normalised) */
    usccChange: { lowercase: '小写字母', fullwidth: '全角字符', spaces: '空格', hidden: '看不见的字符（零宽空格或控制字符）' } satisfies Record<NormalisedWhat, string>,
    /** why a date cannot be used, after the quoted value (date-invalid, the data files' date fields) */
    dateFault: (f: DateFault): string => {
      switch (f.fault) {
        case 'empty':
          return '为空';
        case 'not-a-number':
          return '不是有效数字';
        case 'serial-range':
          return '不是有效日期（超出 Excel 日期范围）';
        case 'serial-60':
          return '不是实际存在的日期（1900年2月29日并不存在）';
        case 'before-1900':
          return `不是有效日期（年份 ${f.year} 早于 1900 年）`;
        case 'no-such-month':
          return `不是实际存在的日期（没有 ${f.month} 月）`;
        case 'no-such-day':
          return `不是实际存在的日期（没有 ${f.day} 日）`;
        case 'days-in-month':
          return `不是实际存在的日期（${f.year}年${f.month}月只有${f.days}天）`;
        case 'range-reversed':
          return '不是有效的起止日期（结束日早于开始日）';
        case 'formula-no-value':
          return '无法识别为日期（公式没有保存计算结果）';
        case 'error-value':
          return `无法识别为日期（错误值 ${f.error}）`;
        case 'boolean':
          return '无法识别为日期（逻辑值）';
        case 'not-finite':
          return '无法识别为日期（不是有效数字）';
        case 'number':
          return `无法识别为日期（数字 ${f.number} 不是日期）`;
        case 'serial-text-range':
          return '无法识别为日期（五位数字不在合理的 Excel 日期序号范围内）';
        case 'two-digit-year':
          return '无法识别为日期（年份只有两位，请写全四位年份）';
        case 'year-last':
          return '无法识别为日期（年份应写在最前，如 2021-09-30）';
        case 'missing-day':
          return '无法识别为日期（缺少日）';
        case 'year-only':
          return '无法识别为日期（只有年份，缺少月、日）';
        case 'mixed-separators':
          return '无法识别为日期（分隔符不一致）';
        case 'unrecognised':
          return '无法识别为日期（不是可识别的日期格式）';
        case 'no-end':
          return '无法识别为日期（缺少结束日期）';
      }
    },
    /** why a figure is not a count, in number-invalid's parenthesis */
    figureFault: (f: FigureFault): string => {
      switch (f.fault) {
        case 'empty':
          return '空白';
        case 'negative':
          return '负数';
        case 'fraction':
          return '含小数';
        case 'not-a-number':
          return '不是数字';
        case 'too-large':
          return '数值过大';
        case 'boolean':
          return '是逻辑值，不是数字';
        case 'placeholder':
          return '“—”“/”“无”等不能代替数字，没有请填 0';
        case 'percent':
          return '是百分比，不是个数';
        case 'formula-no-value':
          return '公式没有计算结果';
        case 'error-value':
          return `错误值 ${f.error}`;
        case 'cell-error':
          return `单元格为错误值 ${f.error}，通常是公式引用出错`;
      }
    },
    /** what is wrong with a malformed permit number (permit-format) */
    permitFault: (f: PermitFault): string => {
      switch (f.fault) {
        case 'empty':
          return '为空';
        case 'chars':
          return `含有非法字符“${f.chars.slice(0, 5).join('')}${f.chars.length > 5 ? '…' : ''}”`;
        case 'length':
          return `长度为 ${f.length} 位，应为 22 位${f.bare ? '（缺少 3 位序号和 1 位字母）' : ''}`;
        case 'head-chars':
          return `前 18 位含有信用代码不使用的字符“${f.chars.join('')}”`;
        case 'sequence':
          return `第 19–21 位应为 3 位数字序号，现为“${f.sequence}”`;
        case 'suffix':
          return `第 22 位应为字母，现为“${f.suffix}”`;
      }
    },
  },

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {
    /** a reporting period: 2021年第三季度, 2021年度 */
    period: (p: Period): string => periodLabelZh(p),
    /** a file's period as far as its name and date tell it */
    filePeriod: (p: FilePeriodShown): string =>
      p.year !== undefined && p.quarter !== undefined
        ? periodLabelZh({ year: p.year, quarter: p.quarter })
        : p.annual
          ? p.year !== undefined
            ? `${p.year}年度`
            : '年度'
          : p.quarter !== undefined
            ? `第${'一二三四'[p.quarter - 1]}季度`
            : p.year !== undefined
              ? `${p.year}年`
              : '未知',
    /** how a file's period was found */
    evidence: (e: PeriodEvidence): string => {
      switch (e.from) {
        case 'name+date':
          return `据文件名“${e.name}”和填报时间 ${e.date}`;
        case 'name':
          return `据文件名“${e.name}”`;
        case 'date':
          return `据填报时间 ${e.date}`;
        case 'name-year':
          return `据文件名中的年份 ${e.year}`;
        case 'none':
          return '无法判断';
      }
    },
    /** how the aggregation's period was decided */
    periodWhy: (w: PeriodWhy): string =>
      w.by === 'option' ? '由 --period 指定' : w.by === 'previous' ? `多数上期文件（${w.votes}/${w.of}）为该期` : `按多数文件（${w.votes}/${w.of}）的文件名和填报时间推断`,
    previousSet: '上期（--previous）',
    /** a submission: a file, or a row of one */
    where: (w: Where): string => (w.row !== undefined ? `${w.file} 第 ${w.row} 行` : w.file),
    /** how a unit's several submissions were settled (district-duplicate) */
    decision: (d: DuplicateDecision): string => {
      switch (d.decision) {
        case 'identical':
          return `各份数字完全相同，只按“${zh.aggregate.where(d.counted)}”计入一次。请删除多余的文件。`;
        case 'later':
          return `已按填报时间较晚的“${zh.aggregate.where(d.counted)}”（${d.counted.date}）计入，${d.others.map((o) => `“${zh.aggregate.where(o)}”（${o.date}）`).join('、')}未计入。如不对，请删除较晚的一份后重新汇总。`;
        case 'undecided':
          return `无法判断以哪一份为准（${d.why === 'same-date' ? '填报时间相同' : '有的文件没有可读的填报时间'}），各份均未计入合计。请确认以哪一份为准，删除其余的文件后重新汇总。`;
      }
    },
    /** why a unit has no previous figures (previous-missing) */
    previousMissing: { missing: '上期未报送', unreadable: '上期文件无法读取', duplicate: '上期重复报送、未计入' } as Record<PreviousMissingWhy, string>,
  },

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
        case 'keyword':
          return `违法行为含“${w.keyword}”`;
        case 'column':
          return '违法情况为“严重”';
        case 'crime':
          return '涉嫌犯罪、移送公安机关';
        case 'malicious':
          return `恶意违法行为（${w.keyword}）`;
        case 'over-limit':
          return '超标排放且未主动报告';
        case 'over-limit-unstated':
          return '超标排放，未注明是否主动报告';
      }
    },
    /** the inspections that bar or remove an enterprise, each with why */
    hits: (hits: readonly Hit[]): string => zh.check.list(hits.map((h) => `${zh.check.inspection(h.inspection)}，${zh.check.hitWhy(h.why)}`)),
    /** 复核结果 */
    review: { upheld: '复核属实', rejected: '复核不属实', pending: '尚未复核' } as Record<Objection['result'], string>,
    /** an objection record: who raised it, its review and where it is */
    objection: (o: Objection): string =>
      `${o.source ? `${o.source}提出的异议` : '异议'}${zh.check.review[o.result]}${o.date ? `，复核日期 ${o.date}` : ''}（${zh.check.where(o.src)}）`,
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
    unitSource: { subject: '邮件主题', sender: '发件地址', forwarded: '转发的原邮件主题', attachment: '附件中的填报单位' } as Record<
      'subject' | 'sender' | 'forwarded' | 'attachment',
      string
    >,
    /** what gave the period of a message when its subject did not */
    periodSource: { attachment: '附件名称', date: '收到日期' } as Record<'attachment' | 'date', string>,
    /** what a non-standard subject lacks */
    lacks: { unit: '报送单位', period: '季度' },
    /** joins two of those: 报送单位和季度 */
    and: (parts: readonly string[]): string => parts.join('和'),
    /** why a message's structure is corrupt */
    mimeProblem: (m: MimeProblem): string => {
      switch (m.why) {
        case 'no-blank-line':
          return '没有邮件头与正文之间的空行';
        case 'no-boundary':
          return '声明为多部分邮件，却没有分隔线（boundary）参数';
        case 'boundary-absent':
          return '正文中找不到声明的分隔线';
        case 'unclosed':
          return '缺少结束分隔线，邮件可能在传输中被截断';
        case 'unparsable':
          return `无法解析（${m.error}）`;
        case 'internal':
          return `内部错误：${m.error}`;
        case 'recorded':
          return m.zh;
      }
    },
    /** why an archive attachment was not unpacked */
    archiveRefusal: (r: ArchiveRefusal): string => {
      switch (r.why) {
        case 'nested':
          return '压缩包内又套了多层压缩包';
        case 'format':
          return `${r.ext || '该'}格式的压缩包不能安全地自动解开`;
        case 'zip':
          return r.error.error === 'broken' ? BROKEN : NOT_WORKBOOK[r.error.error];
        case 'too-many':
          return `含 ${r.count} 个文件，超过上限 ${r.limit}`;
        case 'encrypted':
          return '压缩包已加密';
        case 'entry-too-large':
          return `其中“${r.name}”解压后 ${r.size}，超过上限 ${r.limit}`;
        case 'too-large':
          return `解压后共 ${r.size}，超过上限 ${r.limit}`;
        case 'inflate':
          return `“${r.name}”无法解压（${r.error}），压缩包可能已损坏`;
        case 'bomb':
          return `疑似压缩炸弹：解压后${r.atLeast ? '至少' : ''} ${r.size}，压缩比 ${r.ratio ?? '∞'}，超过上限 ${r.limit} 倍`;
        case 'recorded':
          return r.zh;
      }
    },
  },

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {
    /** a reporting period as words (2024年第三季度, 2024 Q3) */
    period: periodLabelZh,
    /** between the items of a list in running text */
    listSep: '、',
    /** a finding's row when it has no cell */
    row: (n: number) => `第${n}行`,
    /** errors and warnings of a file or a run */
    errorsWarnings: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
    /** the last line of validate and aggregate */
    filesSummary: (files: number, e: number, w: number) => `共 ${files} 个文件：${e} 个错误，${w} 个警告。`,
    /** kind of workbook, as the terminal and the page name it */
    kind: { annex1: '附表1', annex2: '附表2' },
    unit: '单位',
    /** the roman numerals of the five criteria (一 … 五) */
    criterion: ['', '一', '二', '三', '四', '五'],

    validateText: {
      title: (asOf: string) => `zmqd 校验 · 判断日期 ${asOf}`,
      unrecognised: '未识别',
      enterprises: (n: number) => `${n} 家企业`,
      dataRows: (n: number) => `${n} 行数据`,
      noProblems: '没有问题',
    },

    aggregateText: {
      /** the key figures' column headings */
      columns: { listed: '清单企业', onsite: '现场执法', offsite: '非现场', penalty: '立案处罚', relief: '减免处罚', service: '服务企业' },
      status: { missing: '未报送', unreadable: '数字无法读取，未计入', duplicate: '重复报送，未计入' } as Record<string, string>,
      periodFrom: { option: '由 --period 指定', files: '据文件名和填报时间推断', assumed: '假定' },
      title: (period: string, how: string, roster: number, reported: number) => `zmqd 汇总 · ${period}（${how}）· ${roster} 个报送单位，${reported} 个计入`,
      previous: (period: string, restart: boolean) => `上期：${period}（本期新增 = 本期累计 − 上期累计${restart ? '；跨年度，累计数重新起算' : ''}）`,
      total: '合计',
      thisPeriod: '其中本期新增',
      missing: (n: number, list: string) => `未报送（${n}）：${list}`,
      unreadable: (n: number, list: string) => `数字无法读取、未计入合计（${n}）：${list}`,
      duplicate: (n: number, list: string) => `重复报送、未计入合计（${n}）：${list}`,
      previousMissing: (n: number, list: string) => `缺少上期数据、不含在本期新增中（${n}）：${list}`,
      allCounted: (roster: number) => `${roster} 个单位均已报送并计入。`,
      findings: '问题：',
      overall: '（整体）',
      foot: '注：“非现场”“减免处罚”“服务企业”为各分项之和；全部 14 项数字及各单位本期新增见 --out 工作簿或 --format json。',
    },

    checkText: {
      title: (asOf: string) => `zmqd 核查 · 判断日期 ${asOf}`,
      verdict: (v: boolean | null): string => (v === true ? '符合' : v === false ? '不符合' : '无法判断'),
      facts: (declared: string, includedOn: string | null, validUntil: string | null) => [
        `纳入情形 ${declared || '未填'}`,
        `纳入 ${includedOn ?? '未填'}`,
        `有效期至 ${validUntil ?? '—'}`,
      ],
      meets: (criteria: string) => `列入期间符合情形 ${criteria}`,
      verdicts: (whileListed: string, atInclusion: string | null) => `判断：列入期间${whileListed}，纳入时${atInclusion ?? '无法判断（无纳入日期）'}`,
      dataFile: (label: string, file: string, encoding: string | null, rows: number, invalid: number) =>
        `${label}：${file}（${encoding ? `${encoding}，` : ''}${rows} 行可用${invalid ? `，${invalid} 行无法使用` : ''}）`,
      noMonitoring: '在线监控：未提供（在线监控条件记为无法判断）',
      stableRate: (pct: number) => `稳定达标阈值：达标率 ${pct}%（仅用于没有“稳定达标”的记录；--stable-rate）`,
      quietUnit: (unit: string, n: number) => `${unit}（${n} 家）`,
      unitCounts: (n: number) => `${n} 家：`,
      actionHeading: (action: string, n: number) => `  ${action}（${n}）`,
      quiet: (n: number, units: string) => `无需处理的区县（${n} 个，全部企业符合条件）：${units}`,
      okNotListed: (n: number) => `符合条件、无需处理的 ${n} 家企业未逐一列出（--all 列出全部）。`,
      noEntries: '没有读到任何附表2清单企业。',
      otherFindings: '其他问题（数据文件、无法读取的清单）',
      summary: (
        s: {
          entries: number;
          eligible: number;
          ineligible: number;
          unverifiable: number;
          expired: number;
          expiring: number;
          mustRemove: number;
          neverAgain: number;
          objectionUpheld: number;
        },
        e: number,
        w: number,
      ) =>
        `共 ${s.entries} 家企业（列入期间）：符合 ${s.eligible}，不符合 ${s.ineligible}，无法判断 ${s.unverifiable}；已过期 ${s.expired}，即将到期 ${s.expiring}；按三(九)须移出 ${s.mustRemove}，不得再纳入 ${s.neverAgain}${s.objectionUpheld ? `，异议属实 ${s.objectionUpheld}` : ''}。${e} 个错误，${w} 个警告。`,
    },

    collectText: {
      title: (period: string, deadline: string, mailbox: string) => `zmqd 收取 · ${period} · 截止 ${deadline} · ${mailbox}`,
      fetched: (now: number, all: number) => `本次新收取 ${now} 封；本期邮件共 ${all} 封`,
      late: '逾期',
      resent: (n: number) => ` 重报${n}`,
      head: ['单位', '附表1', '附表2', '稿件', '案例'],
      summaryColumn: '年度总结',
      tally: (submitted: number, all: number, late: number, missing: string[]) =>
        `已报送 ${submitted}/${all}，逾期 ${late}，未报送 ${missing.length}${missing.length ? `：${missing.join('、')}` : ''}`,
      unassigned: (n: number) => `未识别单位的邮件 ${n} 封（附件以“未识别单位-”开头保存）`,
      findings: '问题',
      total: (e: number, w: number, out: string) => `合计 ${e} 个错误，${w} 个警告。收件文件夹：${out}`,
    },

    /** the workbook of `zmqd check --out` */
    checkWorkbook: {
      action: '需处理',
      results: '核查结果',
      summary: '汇总',
      other: '其他问题',
      headers: [
        '区县',
        '文件',
        '行',
        '企业名称',
        '统一社会信用代码',
        '纳入日期',
        '有效期至',
        '有效期',
        '纳入情形',
        '列入期间符合情形',
        '纳入时符合情形',
        '列入期间可否保留',
        '依据（列入期间）',
        '纳入时是否符合',
        '依据（纳入时）',
        '不得再纳入',
        '应移出',
        '处理',
        '其他理由',
        '其他问题',
      ],
      actionHeaders: ['处理', '行', '企业名称', '统一社会信用代码', '纳入情形', '纳入日期', '有效期至', '列入期间可否保留（及依据）', '纳入时是否符合（及依据）', '其他理由与问题'],
      validity: { valid: '有效', expiring: '即将到期', expired: '已过期', unknown: '无法判断' } as Record<string, string>,
      verdict: (v: boolean | null): string => (v === true ? '符合' : v === false ? '不符合' : '无法判断'),
      noDate: '无纳入日期，无法判断',
      yes: '是',
      no: '否',
      none: '—',
      /** the rows of the summary sheet, in order */
      summaryRows: {
        asOf: '判断日期',
        entries: '清单企业',
        action: '需处理',
        eligible: '列入期间符合条件',
        ineligible: '列入期间不符合条件',
        unverifiable: '无法判断',
        ineligibleAtInclusion: '纳入时不符合条件',
        expired: '已过期',
        expiring: '即将到期',
        mustRemove: '应移出（三(九)）',
        neverAgain: '不得再纳入（恶意违法，三(四)）',
        objectionUpheld: '异议复核属实（三(三)）',
        stableRate: '稳定达标阈值（无“稳定达标”列时的达标率）',
        errors: '错误',
        warnings: '警告',
      },
      dataHeaders: ['数据', '文件', '格式', '编码', '可用行数', '无法使用的行'],
      otherHeaders: ['文件', '工作表', '单元格', '行', '严重程度', '代码', '说明'],
      title: (d: string) => `正面清单企业核查结果（判断日期 ${d}）`,
      actionTitle: (d: string, n: number, all: number) => `需要处理的清单企业（判断日期 ${d}）：${n} 家，共 ${all} 家`,
      districtLine: (unit: string, files: string, n: number, all: number) => `${unit}　需处理 ${n} 家，清单共 ${all} 家　${files}`,
      nothing: '没有需要处理的清单企业。',
      files: (n: number, list: string) => `（同类 ${n} 个文件：${list}）`,
      nFiles: (n: number) => `${n} 个文件`,
      /** after the first twelve files of a list */
      more: ' 等',
    },

    /** the findings workbook of validate (and the page) */
    findingsWorkbook: {
      title: '正面清单附表校验问题清单',
      asOf: '判定日期：',
      counts: (f: number, e: number, w: number, i: number) => `文件 ${f} 个；错误 ${e} 条，警告 ${w} 条，提示 ${i} 条`,
      summary: '汇总',
      findings: '问题',
      byCode: '问题分类',
      summaryHeaders: ['文件', '类型', '单位', '行数', '错误', '警告'],
      findingHeaders: ['文件', '工作表', '单元格', '行', '列', '严重程度', '代码', '问题说明', '值', '应为'],
      codeHeaders: ['代码', '问题类型', '严重程度', '条数'],
      total: '合计',
      none: '未发现问题。',
      kind: { annex1: '附表1', annex2: '附表2', null: '未识别' } as Record<string, string>,
    },

    /** the findings workbook of `zmqd report` */
    reportWorkbook: {
      title: (p: string) => `${p}正面清单报送情况与问题汇总`,
      sub: (a: string) => `判定日期：${a}。各单位的错误、警告数含校验、汇总、资格核查和交叉核对的全部问题（同一问题只计一次），与该单位工作表逐条对应。`,
      unitTitle: (u: string, p: string) => `${u}正面清单报送问题清单（${p}）`,
      unitCounts: (a: string, e: number, w: number, i: number) =>
        `判定日期：${a}；错误 ${e} 条，警告 ${w} 条${i ? `，提示 ${i} 条` : ''}。错误须更正后重新报送；警告请核实，确认无误的可保留。`,
      unitFiles: (f: string[]) => `来源文件：${f.join('；')}`,
      otherTitle: (p: string) => `不属于任何区县的问题（${p}）`,
      otherSub: (a: string) => `判定日期：${a}；执法数据文件及无法确定所属单位的文件中的问题。`,
      summary: '汇总',
      other: '其他问题',
      unknown: '（未识别单位）',
      headers: ['序号', '报送单位', '附表1', '附表2', '校验结果', '错误', '警告', '清单企业数', '已过期'],
      yes: '已报送',
      no: '未报送',
      ok: '通过',
      bad: '有错误',
      none: '—',
    },

    /** the 报送情况 sheet of the report workbook */
    submissionsSheet: {
      sheet: '报送情况',
      title: (p: string, d: string) => `${p}报送情况（截止日期 ${d}）`,
      headers: ['序号', '报送单位', '附表1收到时间', '状态', '附表2', '亮点成效稿件', '典型案例', '重新报送', '公示链接'],
      annual: ['年度附表1', '年度工作总结'],
      onTime: '按时',
      late: '逾期',
      missing: '未报送',
      none: '—',
    },

    /** the self-check page */
    page: zhPage,

    /** what the commands say on stderr while they work */
    cli: {
      rowsRead: (n: number) => `已读 ${n.toLocaleString('en-US')} 行`,
      validating: '校验',
      checking: '核查',
      readingCurrent: '读取本期',
      readingPrevious: '读取上期',
      findingsWritten: (out: string) => `问题清单已写入 ${out}`,
      verdictsWritten: (out: string) => `核查结果已写入 ${out}`,
      aggregateWritten: (period: string, out: string) => `${period} 全市汇总表已写入 ${out}`,
      connecting: (mailbox: string, folder: string) => `连接邮箱 ${mailbox}（${folder}，只读）`,
      mailboxChanged: '邮箱的 UIDVALIDITY 或账户已变，重新收取全部邮件',
      newMessages: (n: number, known: number) => `新邮件 ${n} 封（已收取过的 ${known} 封不再下载）`,
      fetchedBeforeFailure: (n: number) => `已收取 ${n} 封并记录；再次运行将从中断处继续。`,
      inbox: (out: string, file: string) => `收件文件夹：${out}（${file}）`,
    },
  },

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
    // the text report: labels are padded so the text after them starts in one column (10 columns here: 交叉核对 is 8 wide)
    title: (period: string, asOf: string) => `zmqd 季度报告 · ${period} · 判断日期 ${asOf}`,
    noPeriod: '未定报送期',
    indent: '          ',
    severities: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
    inbox: (files: number, annex1: number, annex2: number, none: number) => `收件      ${files} 个文件：附表1 ${annex1} 个，附表2 ${annex2} 个，未识别 ${none} 个`,
    unreadable: (n: number) => `无法读取或未识别 ${n} 个（请区县重新报送）：`,
    collect: (fetched: number, submitted: number, units: number, late: number, missing: number) =>
      `收取      邮箱新邮件 ${fetched} 封；已报送 ${submitted}/${units}，逾期 ${late}，未报送 ${missing}（详见收件文件夹的 submissions.json）`,
    validate: (sev: string) => `校验      ${sev}`,
    aggregate: (reported: number, units: number, listed: number, onsite: number, sev: string) =>
      `汇总      ${reported}/${units} 个单位计入合计；纳入清单企业 ${listed} 家，现场执法 ${onsite} 次；${sev}`,
    missing: (units: string[]) => '未报送：' + units.join('、'),
    notAggregatedLine: (notes: string[]) => `汇总      未汇总：${notes.join('；')}`,
    check: (
      m: { entries: number; eligible: number; ineligible: number; unverifiable: number; expired: number; expiring: number; mustRemove: number; neverAgain: number },
      sev: string,
    ) =>
      `核查      ${m.entries} 家企业：符合 ${m.eligible}，不符合 ${m.ineligible}，无法判断 ${m.unverifiable}，已过期 ${m.expired}，即将到期 ${m.expiring}，应移出 ${m.mustRemove}，不得再纳入 ${m.neverAgain}；${sev}`,
    notChecked: '核查    未提供执法数据（--inspections / --credit），未核查',
    /** what each cross-check finds, by its code */
    crossCheck: { 'onsite-count-mismatch': '现场执法次数与检查记录不符', 'uscc-duplicate-across-districts': '企业列入多个区县清单' } as Record<string, string>,
    crossChecks: (sev: string, what: string[]) => `交叉核对  ${sev}${what.length ? `（${what.join('；')}）` : ''}`,
    /** how the total follows from the steps, which repeat a problem (an unreadable file is one for validate, aggregate and check) */
    repeated: (sumErrors: number, sumWarnings: number, dupErrors: number, dupWarnings: number) =>
      `（各步骤之和 ${sumErrors} 个错误、${sumWarnings} 个警告，减去在几个步骤中重复出现的 ${dupErrors} 个错误、${dupWarnings} 个警告）`,
    sumOfSteps: '（即以上各步骤之和）',
    total: (errors: number, warnings: number, how: string) => `合计      ${errors} 个错误，${warnings} 个警告${how}`,
    folder: (out: string) => `报告文件夹：${out}`,
    /** `--format line`: one line per run for a scheduler's log */
    line: (l: {
      stamp: string;
      period: string;
      asOf: string;
      exit: number;
      files: number;
      unreadable: number;
      missing: number | undefined;
      errors: number;
      warnings: number;
      out: string;
    }) =>
      `${l.stamp} zmqd report ${l.period} 判断日期 ${l.asOf} 退出码 ${l.exit}：${l.files} 个文件（${l.unreadable} 个无法读取）` +
      `${l.missing !== undefined ? `，未报送 ${l.missing} 个单位` : ''}，${l.errors} 个错误，${l.warnings} 个警告 → ${l.out}\n`,
  },
};

function zhDataKind(k: DataKind): string {
  return zh.check.dataKind[k];
}

/** One bad cell of a data row, in Chinese. */
function zhRowIssue(kind: DataKind, i: RowIssue): string {
  switch (i.why) {
    case 'uscc-number':
      return `信用代码被存成了数字（${i.shown}），已丢失后几位`;
    case 'uscc-empty':
      return '统一社会信用代码为空';
    case 'uscc-exponent':
      return `信用代码“${i.text}”已被存成数字、丢失了后几位`;
    case 'uscc-old15':
      return `“${i.text}”是15位旧注册号，不是统一社会信用代码`;
    case 'uscc-length':
      return `信用代码“${i.text}”不是18位（${i.length}位）`;
    case 'uscc-charset':
      return `信用代码“${i.text}”含有不允许的字符“${i.bad}”`;
    case 'uscc-checksum':
      return `信用代码“${i.text}”校验位错误（应为 ${i.expected}）`;
    case 'uscc-invalid':
      return `信用代码“${i.text}”无效`;
    case 'date-empty':
      return `${zh.check.dateField[kind]}为空`;
    case 'date-unreadable':
      return `${zh.check.dateField[kind]}“${i.text}”${zh.value.dateFault(i.fault)}`;
    case 'grade-empty':
      return '评价结果为空';
    case 'grade-unknown':
      return `评价结果“${i.text}”不是可识别的信用等级（环保诚信、良好、警示、不良，或绿牌、蓝牌、黄牌、红牌）`;
    case 'year-invalid':
      return `评价年度“${i.text}”不是年份`;
    case 'review-unknown':
      return `复核结果“${i.text}”无法识别（应为“属实”或“不属实”，尚未复核的留空）`;
    case 'credit-no-time':
      return '评价年度和评价日期都为空，无法确定评价何时生效';
    case 'other':
      return i.message;
  }
}

/** The shape both languages have. */
export type Labels = typeof zh;
