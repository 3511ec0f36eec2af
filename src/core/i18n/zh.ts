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

export const zh = {
  /** a finding's severity, the same word everywhere (terminal, workbooks, page) */
  severity: { error: '错误', warning: '警告', info: '提示' },

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {},

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {},

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {
    /** between the items of a list inside a sentence: rows, units, cells */
    listSep: '、',
    /** what normalising a USCC changed (uscc-normalised) */
    usccChange: { lowercase: '小写字母', fullwidth: '全角字符', spaces: '空格', hidden: '看不见的字符（零宽空格或控制字符）' } satisfies Record<NormalisedWhat, string>,
    /** why a date cannot be used, after the quoted value (date-invalid, the data files' date fields) */
    dateFault: (f: DateFault): string => {
      switch (f.fault) {
        case 'empty': return '为空';
        case 'not-a-number': return '不是有效数字';
        case 'serial-range': return '不是有效日期（超出 Excel 日期范围）';
        case 'serial-60': return '不是实际存在的日期（1900年2月29日并不存在）';
        case 'before-1900': return `不是有效日期（年份 ${f.year} 早于 1900 年）`;
        case 'no-such-month': return `不是实际存在的日期（没有 ${f.month} 月）`;
        case 'no-such-day': return `不是实际存在的日期（没有 ${f.day} 日）`;
        case 'days-in-month': return `不是实际存在的日期（${f.year}年${f.month}月只有${f.days}天）`;
        case 'range-reversed': return '不是有效的起止日期（结束日早于开始日）';
        case 'formula-no-value': return '无法识别为日期（公式没有保存计算结果）';
        case 'error-value': return `无法识别为日期（错误值 ${f.error}）`;
        case 'boolean': return '无法识别为日期（逻辑值）';
        case 'not-finite': return '无法识别为日期（不是有效数字）';
        case 'number': return `无法识别为日期（数字 ${f.number} 不是日期）`;
        case 'serial-text-range': return '无法识别为日期（五位数字不在合理的 Excel 日期序号范围内）';
        case 'two-digit-year': return '无法识别为日期（年份只有两位，请写全四位年份）';
        case 'year-last': return '无法识别为日期（年份应写在最前，如 2021-09-30）';
        case 'missing-day': return '无法识别为日期（缺少日）';
        case 'year-only': return '无法识别为日期（只有年份，缺少月、日）';
        case 'mixed-separators': return '无法识别为日期（分隔符不一致）';
        case 'unrecognised': return '无法识别为日期（不是可识别的日期格式）';
        case 'no-end': return '无法识别为日期（缺少结束日期）';
      }
    },
    /** why a figure is not a count, in number-invalid's parenthesis */
    figureFault: (f: FigureFault): string => {
      switch (f.fault) {
        case 'empty': return '空白';
        case 'negative': return '负数';
        case 'fraction': return '含小数';
        case 'not-a-number': return '不是数字';
        case 'too-large': return '数值过大';
        case 'boolean': return '是逻辑值，不是数字';
        case 'placeholder': return '“—”“/”“无”等不能代替数字，没有请填 0';
        case 'percent': return '是百分比，不是个数';
        case 'formula-no-value': return '公式没有计算结果';
        case 'error-value': return `错误值 ${f.error}`;
        case 'cell-error': return `单元格为错误值 ${f.error}，通常是公式引用出错`;
      }
    },
    /** what is wrong with a malformed permit number (permit-format) */
    permitFault: (f: PermitFault): string => {
      switch (f.fault) {
        case 'empty': return '为空';
        case 'chars': return `含有非法字符“${f.chars.slice(0, 5).join('')}${f.chars.length > 5 ? '…' : ''}”`;
        case 'length': return `长度为 ${f.length} 位，应为 22 位${f.bare ? '（缺少 3 位序号和 1 位字母）' : ''}`;
        case 'head-chars': return `前 18 位含有信用代码不使用的字符“${f.chars.join('')}”`;
        case 'sequence': return `第 19–21 位应为 3 位数字序号，现为“${f.sequence}”`;
        case 'suffix': return `第 22 位应为字母，现为“${f.suffix}”`;
      }
    },
  },

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {},

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {},

  // ── section: mailbox collection (collect-*) ──
  collect: {},

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},
};

/** The shape both languages have. */
export type Labels = typeof zh;
