import { code, defineCodes, s, type NoParams } from '../define.js';
import { zh as ZH } from '../../i18n/zh.js';
import { en as EN } from '../../i18n/en.js';
import { fieldDef } from '../../data/aliases.js';
import type { DataKind, Inspection, Objection, Text } from '../../data/types.js';
import type { Hit } from '../../eligibility/exclusions.js';
import type { RowIssue } from '../../data/schemas.js';
import type { UnreadEffect } from '../../data/read.js';

/** An inspection record, for the examples. */
const INSPECTION: Inspection = {
  uscc: '91500000MA5U7GXX8L',
  name: '重庆某某化工有限公司',
  date: '2023-05-12',
  method: 'onsite',
  methodText: '现场检查',
  severity: 'serious',
  severityText: '严重',
  violationText: '篡改自动监测数据',
  selfReported: null,
  src: { file: '检查记录.xlsx', sheet: '检查记录', row: 18 },
};

/**
 * not-eligible, no-longer-eligible: the enterprise, the date judged, and why each criterion fails —
 * the criteria engine's sentences in both languages (src/core/eligibility: its conditions phrase
 * themselves, for the verdicts of the check JSON and workbook too).
 */
interface Judged {
  name: string;
  date: string;
  reasons: Text;
}

/** Findings of the eligibility check (三(二), 三(三), 三(四), 三(九)). */
export const checkCodes = defineCodes({
  'not-eligible': code<Judged>({
    severity: 'error',
    title: { zh: '纳入时不符合条件', en: 'Not eligible when listed' },
    message: {
      zh: (p) => `“${s(p.name)}”在纳入日期 ${s(p.date)} 不符合五种纳入情形中的任何一种：${p.reasons.zh}。请核实纳入依据，不符合的应移出清单。`,
      en: (p) =>
        `"${s(p.name)}" met none of the five criteria on its inclusion date ${s(p.date)}: ${p.reasons.en}. Check the grounds for listing; remove it if it does not qualify.`,
    },
    example: { name: '重庆某某化工有限公司', date: '2021-09-30', reasons: { zh: '情形四（在线监控）——未安装在线监控', en: 'criterion IV (online monitoring): not installed' } },
  }),
  'no-longer-eligible': code<Judged>({
    severity: 'error',
    title: { zh: '现已不符合条件', en: 'No longer eligible' },
    message: {
      zh: (p) => `“${s(p.name)}”截至 ${s(p.date)} 已不符合任何纳入情形：${p.reasons.zh}。按方案三(四)应及时移出正面清单。`,
      en: (p) => `"${s(p.name)}" no longer meets any criterion as of ${s(p.date)}: ${p.reasons.en}. Under 三(四) it should be removed from the list.`,
    },
    example: {
      name: '重庆某某化工有限公司',
      date: '2024-09-30',
      reasons: { zh: '情形五（环保诚信）——2023年度信用评价为良好', en: 'criterion V (environmental credit): 2023 credit rating: good' },
    },
  }),
  'never-again': code<{ name: string; hits: Hit[] }>({
    severity: 'error',
    title: { zh: '恶意违法，不得再次纳入', en: 'Malicious violation: may not be listed' },
    message: {
      zh: (p) => `“${s(p.name)}”有恶意偷排、篡改伪造、逃避监管或涉嫌犯罪一类的环境违法记录（${ZH.check.hits(p.hits)}），按方案三(四)不得再次纳入正面清单。请移出清单。`,
      en: (p) =>
        `"${s(p.name)}" has a malicious violation on record — secret discharge, falsified records or data, evading supervision, or a crime (${EN.check.hits(p.hits)}); under 三(四) it may not be listed again. Remove it.`,
    },
    example: { name: '重庆某某化工有限公司', hits: [{ inspection: INSPECTION, why: { why: 'keyword', keyword: '篡改' } }] },
  }),
  'serious-violation-review': code<{ name: string; hits: Hit[] }>({
    severity: 'warning',
    title: { zh: '严重违法，须人工判断能否再纳入', en: 'Serious violation: a person must judge' },
    message: {
      zh: (p) =>
        `“${s(p.name)}”有违法情况为“严重”的记录，但违法行为中没有写明恶意偷排、篡改伪造、逃避监管或涉嫌犯罪等情节（${ZH.check.hits(p.hits)}）。这类记录按严重违法计入纳入条件；是否属于方案三(四)“不得再次纳入”的情形，请查阅处罚决定后人工判断。`,
      en: (p) =>
        `"${s(p.name)}" has a violation marked 严重 (serious) whose text names no malicious act such as secret discharge, falsified data, evading supervision or a crime (${EN.check.hits(p.hits)}). It counts as serious for the criteria; whether it bars the enterprise for ever under 三(四) is for a person to judge from the penalty decision.`,
    },
    example: { name: '重庆某某化工有限公司', hits: [{ inspection: { ...INSPECTION, violationText: '未批先建' }, why: { why: 'column' } }] },
  }),
  'objection-upheld': code<{ name: string; objections: Objection[] }>({
    severity: 'error',
    title: { zh: '异议复核属实，不得纳入', en: 'Objection upheld: may not be listed' },
    message: {
      zh: (p) => `对“${s(p.name)}”纳入清单的异议经复核属实（${ZH.check.objections(p.objections)}），按方案三(三)不得纳入正面清单。请移出清单。`,
      en: (p) => `An objection to listing "${s(p.name)}" was upheld on review (${EN.check.objections(p.objections)}); under 三(三) it may not be listed. Remove it.`,
    },
    example: {
      name: '重庆某某化工有限公司',
      objections: [
        {
          uscc: '91500000MA5U7GXX8L',
          name: '重庆某某化工有限公司',
          source: '区工商联',
          result: 'upheld',
          resultText: '属实',
          date: '2022-05-20',
          src: { file: '异议复核.xlsx', row: 3 },
        },
      ],
    },
  }),
  'must-remove': code<{ name: string; hits: Hit[] }>({
    severity: 'error',
    title: { zh: '应移出清单', en: 'Must be removed' },
    message: {
      zh: (p) => `“${s(p.name)}”在清单期间出现应移出情形（${ZH.check.hits(p.hits)}），按方案三(九)应及时移出正面清单并向社会公开。`,
      en: (p) => `"${s(p.name)}" had a removal ground while listed (${EN.check.hits(p.hits)}); under 三(九) it must be removed and the removal published.`,
    },
    example: { name: '重庆某某化工有限公司', hits: [{ inspection: { ...INSPECTION, violationText: '私设暗管偷排生产废水' }, why: { why: 'malicious', keyword: '偷排' } }] },
  }),
  'assistance-visit-missing': code<{ name: string; includedOn: string; validUntil: string }>({
    severity: 'warning',
    title: { zh: '未开展体检式帮扶', en: 'No assistance visit' },
    message: {
      zh: (p) => `“${s(p.name)}”自纳入（${s(p.includedOn)}）以来没有“体检式”现场帮扶记录，有效期已过半（至 ${s(p.validUntil)}）。请在有效期内安排一次。`,
      en: (p) =>
        `"${s(p.name)}" has had no assistance visit since inclusion (${s(p.includedOn)}) and over half its validity (to ${s(p.validUntil)}) is gone. Schedule one within the validity.`,
    },
    example: { name: '重庆某某化工有限公司', includedOn: '2023-03-01', validUntil: '2026-02-28' },
  }),
  'not-in-data': code<{ name: string; value: string; sources: DataKind[] }>({
    severity: 'warning',
    title: { zh: '执法数据中查无此企业', en: 'Not in the enforcement data' },
    message: {
      zh: (p) => `“${s(p.name)}”（${s(p.value)}）在${ZH.check.sources(p.sources)}中查无记录，无法判断是否符合条件。请核实信用代码，或补充该企业的数据。`,
      en: (p) => `"${s(p.name)}" (${s(p.value)}) is not in the ${EN.check.sources(p.sources)}, so its eligibility cannot be judged. Check the USCC or supply its records.`,
    },
    example: { name: '重庆某某化工有限公司', value: '91500000MA5U7GXX8L', sources: ['inspections', 'credit'] },
  }),
  'data-row-invalid': code<{ kind: DataKind; row: number; issues: RowIssue[]; listed?: 1 }>({
    severity: 'error',
    title: { zh: '执法数据行无法使用', en: 'Unusable enforcement-data row' },
    message: {
      zh: (p) =>
        `${ZH.check.dataKind[p.kind]}第 ${s(p.row)} 行无法使用（${ZH.check.rowIssues(p.kind, p.issues)}），该行未计入核查${p.listed ? '，而该企业在清单中，其核查结论可能因此不准' : ''}。请在导出的数据中更正后重新核查。`,
      en: (p) =>
        `Row ${s(p.row)} of the ${EN.check.dataKind[p.kind]} cannot be used (${EN.check.rowIssues(p.kind, p.issues)}) and was left out of the check${p.listed ? '; the enterprise is on a list, so its verdict may be wrong' : ''}. Correct it in the export and run the check again.`,
    },
    example: { kind: 'inspections', row: 12, issues: [{ why: 'uscc-checksum', text: '91500000MA5U7GXX8X', expected: 'L' }], listed: 1 },
  }),
  'data-value-unrecognised': code<{ kind: DataKind; row: number; column: string; value: string; effect: UnreadEffect; expected: string }>({
    severity: 'warning',
    title: { zh: '执法数据中的值无法识别', en: 'Unrecognised value in the enforcement data' },
    message: {
      zh: (p) => `${ZH.check.dataKind[p.kind]}第 ${s(p.row)} 行“${s(p.column)}”的“${s(p.value)}”无法识别：${ZH.check.effect[p.effect]}。请更正数据，或按 ${s(p.expected)} 填写。`,
      en: (p) =>
        `"${s(p.value)}" in "${s(p.column)}" on row ${s(p.row)} of the ${EN.check.dataKind[p.kind]} is not recognised: ${EN.check.effect[p.effect]}. Correct the data, or write one of ${s(p.expected)}.`,
    },
    example: { kind: 'inspections', row: 8, column: '检查方式', value: '走访', effect: 'method', expected: '现场检查 / 非现场检查 / 体检式帮扶' },
  }),
  'data-row-ragged': code<{ kind: DataKind; row: number; extra: number }>({
    severity: 'warning',
    title: { zh: '数据行字段多于表头', en: 'More fields than headers' },
    message: {
      zh: (p) => `${ZH.check.dataKind[p.kind]}第 ${s(p.row)} 行比表头多出 ${s(p.extra)} 个字段，可能是内容中有未加引号的逗号，各列可能错位。请核实该行。`,
      en: (p) =>
        `Row ${s(p.row)} of the ${EN.check.dataKind[p.kind]} has ${s(p.extra)} more field(s) than the header, perhaps an unquoted comma in a value; its columns may be shifted. Check the row.`,
    },
    example: { kind: 'inspections', row: 40, extra: 1 },
  }),
  'data-encoding-invalid': code<{ kind: DataKind; encoding: string; row: number; more?: number }>({
    severity: 'error',
    title: { zh: '数据文件有乱码', en: 'Undecodable bytes in a data file' },
    message: {
      zh: (p) =>
        `${ZH.check.dataKind[p.kind]}文件按 ${s(p.encoding)} 读取，第 ${s(p.row)} 行${p.more ? `及其后另外 ${s(p.more)} 行` : ''}有无法识别的字节（乱码），该行内容可能不完整。请用 Excel/WPS 重新导出为 .xlsx 或 CSV。`,
      en: (p) =>
        `The ${EN.check.dataKind[p.kind]} file was read as ${s(p.encoding)}; line ${s(p.row)}${p.more ? ` and ${s(p.more)} more lines` : ''} holds bytes that are not valid text, so its content may be incomplete. Export it again from Excel/WPS as .xlsx or CSV.`,
    },
    example: { kind: 'credit', encoding: 'GBK/GB18030', row: 17, more: 3 },
  }),
  'data-csv-unterminated': code<{ kind: DataKind; row: number }>({
    severity: 'error',
    title: { zh: 'CSV 引号未闭合', en: 'Unclosed quote in CSV' },
    message: {
      zh: (p) => `${ZH.check.dataKind[p.kind]}文件第 ${s(p.row)} 行的引号没有闭合，其后的内容都被读成了同一个字段，这些行未能正确读取。请检查该行后重新导出。`,
      en: (p) =>
        `A quote opened on line ${s(p.row)} of the ${EN.check.dataKind[p.kind]} file is never closed, so the rest of the file was read as one field. Check that line and export again.`,
    },
    example: { kind: 'inspections', row: 233 },
  }),
  'data-column-duplicate': code<{ kind: DataKind; column: string; used: string; field: string }>({
    severity: 'warning',
    title: { zh: '数据文件中重复的列', en: 'Repeated column in a data file' },
    message: {
      zh: (p) =>
        `${ZH.check.dataKind[p.kind]}的表头“${s(p.column)}”与前面的“${s(p.used)}”是同一列（${fieldDef(p.kind, p.field).header}），只使用了前一列。如应使用这一列，请用 --map 指定。`,
      en: (p) =>
        `Header "${s(p.column)}" of the ${EN.check.dataKind[p.kind]} means the same column (${fieldDef(p.kind, p.field).en}) as "${s(p.used)}" before it; only that one is used. Use --map to choose this one instead.`,
    },
    example: { kind: 'inspections', column: '检查时间', used: '检查日期', field: 'date' },
  }),
  'data-no-rows': code<{ kind: DataKind }>({
    severity: 'warning',
    title: { zh: '数据文件没有数据', en: 'Data file without rows' },
    message: {
      zh: (p) => `${ZH.check.dataKind[p.kind]}文件中没有任何数据行，清单企业在其中都查无记录。请确认导出的是完整数据。`,
      en: (p) => `The ${EN.check.dataKind[p.kind]} file has no data rows, so no listed enterprise has records in it. Check that the export is complete.`,
    },
    example: { kind: 'monitoring' },
  }),
  'data-sheet-skipped': code<{ kind: DataKind; sheet: string }>({
    severity: 'info',
    title: { zh: '未读取的工作表', en: 'Sheet not read' },
    message: {
      zh: (p) => `${ZH.check.dataKind[p.kind]}文件的工作表“${s(p.sheet)}”中没有找到${ZH.check.dataKind[p.kind]}的表头（统一社会信用代码等），未读取。`,
      en: (p) => `Sheet "${s(p.sheet)}" of the ${EN.check.dataKind[p.kind]} file has no ${EN.check.dataKind[p.kind]} header (USCC …) and was not read.`,
    },
    example: { kind: 'credit', sheet: '说明' },
  }),
  'check-file-skipped': code<NoParams>({
    severity: 'info',
    title: { zh: '不是附表2，未核查', en: 'Not an Annex 2 list: not checked' },
    message: {
      zh: () => '该文件是附表1（工作情况汇总表），不是企业清单，核查时跳过。',
      en: () => 'This file is an Annex 1 summary, not an enterprise list; the check skips it.',
    },
    example: {},
  }),
});
