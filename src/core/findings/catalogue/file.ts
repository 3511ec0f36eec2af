import { en } from '../../i18n/en.js';
import { zh } from '../../i18n/zh.js';
import type { TooLarge, Unreadable } from '../../workbook/reasons.js';
import { code, defineCodes, s } from '../define.js';
import type { Lang } from '../types.js';

import type { HiddenData } from '../params.js';

export type { HiddenData };

/**
 * The title of a code, for findings-omitted. The catalogue (index.ts) imports this file, so it sets
 * the lookup once it is built instead of this file importing it back.
 */
let titleOf: (code: string, lang: Lang) => string = (c) => c;
export function setTitleLookup(lookup: (code: string, lang: Lang) => string): void {
  titleOf = lookup;
}

/** Findings about a file as a whole: can it be opened at all, and is it an annex. */
export const fileCodes = defineCodes({
  'file-unreadable': code<Unreadable>({
    severity: 'error',
    title: { zh: '文件无法读取', en: 'File cannot be read' },
    message: {
      zh: (p) => `无法读取该文件（${zh.file.unreadable(p)}）。请用 Excel 或 WPS 打开确认文件完好，另存为 .xlsx 后重新报送。`,
      en: (p) => `The file cannot be read (${en.file.unreadable(p)}). Open it in Excel or WPS to check it is intact, save it as .xlsx and send it again.`,
    },
    example: { reason: 'not-workbook', kind: 'pdf' },
  }),
  'file-legacy-format': code<{ converted?: 1 }>({
    severity: 'error',
    title: { zh: '旧版 .xls/.et 格式', en: 'Legacy .xls/.et format' },
    message: {
      zh: (p) =>
        p.converted
          ? '该文件是旧版 .xls/.et 格式，已自动转换为 .xlsx 后校验；请今后直接另存为 .xlsx（Excel 工作簿）报送。'
          : '该文件是旧版 .xls/.et（或加密）格式，本工具无法直接读取。请在 Excel/WPS 中“另存为”→“Excel 工作簿(*.xlsx)”后重新校验。',
      en: (p) =>
        p.converted
          ? 'This is a legacy .xls/.et file; it was converted to .xlsx for checking. Please save it as .xlsx (Excel Workbook) in future.'
          : 'This is a legacy .xls/.et file, which cannot be read directly. In Excel/WPS use "Save As" → "Excel Workbook (*.xlsx)" and check it again.',
    },
    example: { converted: 1 },
  }),
  'file-encrypted': code<object>({
    severity: 'error',
    title: { zh: '文件已加密', en: 'Encrypted file' },
    message: {
      zh: () => '该文件设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 重新报送。',
      en: () =>
        'The workbook is password-protected (encrypted) and cannot be read. Remove the password in Excel/WPS (File → Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and send it again.',
    },
    example: {},
  }),
  'file-too-large': code<TooLarge>({
    severity: 'error',
    title: { zh: '文件过大', en: 'File too large' },
    message: {
      zh: (p) => `文件过大或解压后体积异常（${zh.file.tooLarge(p)}），为安全起见未读取。附表文件通常不超过几 MB，请检查是否误附了其他文件，删除多余的工作表或图片后另存为 .xlsx。`,
      en: (p) =>
        `The file is too large or would inflate to an abnormal size (${en.file.tooLarge(p)}), so it was not read. Annex files are normally a few MB; check the attachment, remove extra sheets or images and save as .xlsx.`,
    },
    example: { reason: 'ratio', size: 734003200, ratio: 1024, limit: 200 },
  }),
  'cell-duplicate': code<{ cell: string; row?: undefined } | { row: number; cell?: undefined }>({
    severity: 'error',
    title: { zh: '单元格或行重复出现', en: 'Cell or row written twice' },
    message: {
      zh: (p) =>
        p.row !== undefined && p.cell === undefined
          ? `第 ${s(p.row)} 行在文件中出现了两次，本工具只读取了后一次的内容；Excel 可能显示另一份内容或提示文件损坏。请在 Excel 中打开核对该行，另存为 .xlsx 后重新报送。`
          : `单元格 ${s(p.cell)} 在文件中出现了两次，本工具只读取了后一个值；Excel 可能显示另一个值或提示文件损坏。请在 Excel 中打开核对该单元格，另存为 .xlsx 后重新报送。`,
      en: (p) =>
        p.row !== undefined && p.cell === undefined
          ? `Row ${s(p.row)} is written twice in the file; only the second was read, and Excel may show the other or call the file damaged. Check the row in Excel, save as .xlsx and send it again.`
          : `Cell ${s(p.cell)} is written twice in the file; only the second value was read, and Excel may show the other or call the file damaged. Check the cell in Excel, save as .xlsx and send it again.`,
    },
    example: { cell: 'C7' },
  }),
  'cell-too-long': code<{ cell: string; length: number }>({
    severity: 'error',
    title: { zh: '单元格内容超过 Excel 上限', en: 'Cell text longer than Excel allows' },
    message: {
      zh: (p) =>
        `单元格 ${s(p.cell)} 有 ${s(p.length)} 个字符，超过 Excel 每个单元格 32,767 个字符的上限：Excel 打开时会截断或报错，看到的内容与校验的不同。请缩短该单元格的内容后另存为 .xlsx。`,
      en: (p) =>
        `Cell ${s(p.cell)} holds ${s(p.length)} characters, more than Excel's limit of 32,767 per cell: Excel truncates it or refuses the file, so what it shows differs from what was checked. Shorten the cell and save as .xlsx.`,
    },
    example: { cell: 'F12', length: 40000 },
  }),
  'sheet-not-recognised': code<{ sheets: string[] }>({
    severity: 'error',
    title: { zh: '未识别为附表1或附表2', en: 'Not recognised as Annex 1 or Annex 2' },
    message: {
      zh: (p) =>
        `在文件的${p.sheets.length ? `工作表（${p.sheets.join('、')}）` : '任何工作表'}中都没有找到附表1（地市、纳入清单企业数量……）或附表2（序号、企业名称、统一社会信用代码……）的表头。请使用 zmqd template 生成的官方模板填写，不要改动表头文字。`,
      en: (p) =>
        `No Annex 1 header (地市, 纳入清单企业数量 …) or Annex 2 header (序号, 企业名称, 统一社会信用代码 …) was found in ${p.sheets.length ? `the sheets (${p.sheets.join('、')})` : 'any sheet'}. Fill in the official template from \`zmqd template\` and keep its header text.`,
    },
    example: { sheets: ['Sheet1', '说明'] },
  }),
  'header-missing-column': code<{ column: string }>({
    severity: 'error',
    title: { zh: '缺少必填列', en: 'Required column missing' },
    message: {
      zh: (p) => `表头中缺少“${s(p.column)}”列。请按官方模板补上该列（表头文字须为“${s(p.column)}”），再填写每一行。`,
      en: (p) => `The header has no "${s(p.column)}" column. Add it as in the official template (header text "${s(p.column)}") and fill it in for every row.`,
    },
    example: { column: '统一社会信用代码' },
  }),
  'sheet-hidden-data': code<HiddenData>({
    severity: 'warning',
    title: { zh: '隐藏的行或工作表', en: 'Hidden rows or sheets' },
    message: {
      zh: (p) => `${zh.file.hidden(p)}处于隐藏状态，其中的数据已一并校验和统计。如这些数据不应报送，请删除而不是隐藏。`,
      en: (p) => `${en.file.hidden(p)} is hidden; its data was checked and counted as well. If it should not be submitted, delete it rather than hide it.`,
    },
    example: { rows: [8, 9, 15] },
  }),
  'sheet-extra-annex': code<{ sheet: string; used: string; kind: 'annex1' | 'annex2' }>({
    severity: 'warning',
    title: { zh: '文件中有多份附表', en: 'Several annex sheets in one file' },
    message: {
      zh: (p) => `工作表“${s(p.sheet)}”也是一份${zh.file.annex[p.kind]}，本工具只读取了工作表“${s(p.used)}”。每个文件请只保留一份附表（多余的工作表请删除或另存为单独文件）。`,
      en: (p) => `Sheet "${s(p.sheet)}" is another annex; only sheet "${s(p.used)}" was read. Keep one annex per file (delete the extra sheet or save it as its own file).`,
    },
    example: { sheet: '附表1 (2)', used: '附表1', kind: 'annex1' },
  }),
  'findings-omitted': code<{ code: string; count: number; max: number }>({
    // takes the severity of the findings it stands for
    severity: 'error',
    title: { zh: '同类问题过多，未逐条列出', en: 'More findings of one kind than are listed' },
    message: {
      zh: (p) =>
        `该文件另有 ${s(p.count)} 个“${titleOf(p.code, 'zh')}”（${s(p.code)}）问题未逐条列出（每个文件每种问题最多列出 ${s(p.max)} 条）。同类问题多半原因相同：请先按已列出的改正，再重新校验；需要完整清单时可用 --max-findings 提高上限。`,
      en: (p) =>
        `${s(p.count)} more "${titleOf(p.code, 'en')}" (${s(p.code)}) findings in this file are not listed (at most ${s(p.max)} of each kind per file). They usually share a cause: correct the listed ones and check again; raise the limit with --max-findings for the full list.`,
    },
    example: { code: 'uscc-checksum', count: 1234, max: 1000 },
  }),
});
