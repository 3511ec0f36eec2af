import type { FigureFault } from '../../annex1/figures.js';
import { en as EN, zh as ZH } from '../../i18n/index.js';
import { code, defineCodes, s, type NoParams } from '../define.js';

/** The formula cells named in totals-recomputed: all of them up to 6, else the first three … the last. */
const someCells = (cells: readonly string[], sep: string): string => (cells.length > 6 ? `${cells.slice(0, 3).join(sep)}…${cells[cells.length - 1]}` : cells.join(sep));

/** Findings about Annex 1 figures and its 合计 row. */
export const annex1Codes = defineCodes({
  'number-invalid': code<{ column: string } & FigureFault>({
    severity: 'error',
    title: { zh: '数字无效', en: 'Invalid figure' },
    message: {
      zh: (p) => `“${s(p.column)}”应为非负整数，现为“${s(p.value)}”（${ZH.value.figureFault(p)}）。请填写 0 或正整数（截至报送日的累计数量）。`,
      en: (p) =>
        `"${s(p.column)}" must be a non-negative whole number but is "${s(p.value)}" (${EN.value.figureFault(p)}). Enter 0 or a positive whole number (cumulative to the reporting date).`,
    },
    example: { column: '对清单内企业开展现场监管执法次数', fault: 'fraction' },
  }),
  'number-as-text': code<{ column: string; number: number }>({
    severity: 'warning',
    title: { zh: '数字存为文本', en: 'Number stored as text' },
    message: {
      zh: (p) => `“${s(p.column)}”中的“${s(p.value)}”是文本格式的数字，已按 ${s(p.number)} 读取。请将单元格改为数值格式（选中后点“转换为数字”），以免 Excel 合计时漏算。`,
      en: (p) => `"${s(p.value)}" in "${s(p.column)}" is a number stored as text; read as ${s(p.number)}. Convert the cell to a number so Excel's own sums include it.`,
    },
    example: { column: '对清单内企业开展现场监管执法次数', number: 12 },
  }),
  'number-blank': code<{ column: string }>({
    severity: 'warning',
    title: { zh: '数字为空', en: 'Blank figure' },
    message: {
      zh: (p) => `“${s(p.column)}”为空，而本行其他数字已填写，已按 0 计算。如确为 0，请填写 0。`,
      en: (p) => `"${s(p.column)}" is blank while the rest of the row is filled; counted as 0. If it is 0, enter 0.`,
    },
    example: { column: '对清单内企业开展现场监管执法次数' },
  }),
  'formula-no-value': code<{ formula: string }>({
    severity: 'error',
    title: { zh: '公式没有计算结果', en: 'Formula without a value' },
    message: {
      zh: (p) => `该单元格是公式“=${s(p.formula)}”，但文件中没有保存计算结果，无法核对。请在 Excel/WPS 中打开、按 F9 重新计算后保存，或直接填写数值。`,
      en: (p) =>
        `This cell holds the formula "=${s(p.formula)}" but the file stores no result, so it cannot be checked. Open it in Excel/WPS, recalculate (F9) and save, or type the value.`,
    },
    example: { formula: 'SUM(C5:C43)' },
  }),
  'total-mismatch': code<{ column: string; diff: number; formula?: string }>({
    severity: 'error',
    title: { zh: '合计与各行之和不符', en: '合计 differs from the sum' },
    message: {
      zh: (p) =>
        `合计行“${s(p.column)}”为 ${s(p.value)}${p.formula ? `（公式 =${s(p.formula)} 的结果）` : ''}，但各行之和为 ${s(p.expected)}（相差 ${s(p.diff)}）。` +
        `请核对各行数字或改正合计${p.formula ? '公式' : ''}。`,
      en: (p) =>
        `The 合计 row's "${s(p.column)}" is ${s(p.value)}${p.formula ? ` (the result of =${s(p.formula)})` : ''} but the rows add up to ${s(p.expected)} (difference ${s(p.diff)}). ` +
        `Check the rows or correct the total${p.formula ? "'s formula" : ''}.`,
    },
    example: { column: '对清单内企业开展现场监管执法次数', diff: 3, formula: 'SUM(C5:C42)' },
  }),
  'totals-recomputed': code<{ cells: string[]; because: 'calc-on-load' | 'no-cached-value' }>({
    severity: 'info',
    title: { zh: '已按公式重新计算', en: 'Formulas recomputed' },
    message: {
      zh: (p) =>
        `${p.because === 'calc-on-load' ? '文件注明打开时须重新计算公式（程序生成的文件常如此，保存的计算结果不可信或为 0）' : '文件中的公式没有保存计算结果（程序生成的文件常如此）'}，` +
        `已按公式从表中数字重新计算 ${p.cells.length} 个单元格（${someCells(p.cells, ZH.value.listSep)}），与 Excel 打开时显示的一致，并据此核对合计。无需处理；如需消除本提示，可在 Excel/WPS 中打开后保存。`,
      en: (p) =>
        `${p.because === 'calc-on-load' ? 'The file asks for its formulas to be recalculated on opening (as script-written files do; the results it stores are stale or 0)' : 'The file stores no results for its formulas (as script-written files do)'}; ` +
        `${p.cells.length} cell(s) (${someCells(p.cells, EN.value.listSep)}) were computed from the figures in the sheet, as Excel shows them on opening, and the totals checked with them. Nothing to do; opening and saving the file in Excel/WPS removes this note.`,
    },
    example: { cells: ['C44', 'D44', 'E44'], because: 'calc-on-load' },
  }),
  'total-missing': code<NoParams>({
    severity: 'info',
    title: { zh: '没有合计行', en: 'No 合计 row' },
    message: {
      zh: () => '表中没有“合计”行，无法与各行之和核对。官方模板在数据行下方有合计行，建议保留。',
      en: () => 'The table has no 合计 row, so the totals could not be cross-checked. The official template has one below the data rows.',
    },
    example: {},
  }),
  'annex1-no-data': code<NoParams>({
    severity: 'error',
    title: { zh: '没有数据行', en: 'No data row' },
    message: {
      zh: () => '附表1中没有填写任何区县的数据行（地市一列为空）。请在“地市”列填写本单位名称，并填写各项数字。',
      en: () => 'Annex 1 has no data row (the 地市 column is empty). Enter your unit in 地市 and fill in the figures.',
    },
    example: {},
  }),
  'annex2-no-data': code<NoParams>({
    severity: 'warning',
    title: { zh: '清单为空', en: 'Empty list' },
    message: {
      zh: () => '附表2表头下没有任何企业。如本单位确无纳入企业，请在报送邮件中说明；否则请填写企业清单。',
      en: () => 'Annex 2 lists no enterprise under its header. If there really are none, say so in the e-mail; otherwise fill in the list.',
    },
    example: {},
  }),
});
