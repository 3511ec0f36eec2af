import { defineCodes, s } from '../define.js';

/** Findings of the eligibility check (三(二), 三(三), 三(四), 三(九)). */
export const checkCodes = defineCodes({
  'not-eligible': {
    severity: 'error',
    title: { zh: '纳入时不符合条件', en: 'Not eligible when listed' },
    message: {
      zh: (p) => `“${s(p.name)}”在纳入日期 ${s(p.date)} 不符合五种纳入情形中的任何一种：${s(p.reasons)}。请核实纳入依据，不符合的应移出清单。`,
      en: (p) => `"${s(p.name)}" met none of the five criteria on its inclusion date ${s(p.date)}: ${s(p.reasonsEn ?? p.reasons)}. Check the grounds for listing; remove it if it does not qualify.`,
    },
  },
  'no-longer-eligible': {
    severity: 'error',
    title: { zh: '现已不符合条件', en: 'No longer eligible' },
    message: {
      zh: (p) => `“${s(p.name)}”截至 ${s(p.date)} 已不符合任何纳入情形：${s(p.reasons)}。按方案三(四)应及时移出正面清单。`,
      en: (p) => `"${s(p.name)}" no longer meets any criterion as of ${s(p.date)}: ${s(p.reasonsEn ?? p.reasons)}. Under 三(四) it should be removed from the list.`,
    },
  },
  'never-again': {
    severity: 'error',
    title: { zh: '恶意违法，不得再次纳入', en: 'Malicious violation: may not be listed' },
    message: {
      zh: (p) => `“${s(p.name)}”有恶意偷排、篡改伪造、逃避监管或涉嫌犯罪一类的环境违法记录（${s(p.evidence)}），按方案三(四)不得再次纳入正面清单。请移出清单。`,
      en: (p) => `"${s(p.name)}" has a malicious violation on record — secret discharge, falsified records or data, evading supervision, or a crime (${s(p.evidenceEn ?? p.evidence)}); under 三(四) it may not be listed again. Remove it.`,
    },
  },
  'serious-violation-review': {
    severity: 'warning',
    title: { zh: '严重违法，须人工判断能否再纳入', en: 'Serious violation: a person must judge' },
    message: {
      zh: (p) => `“${s(p.name)}”有违法情况为“严重”的记录，但违法行为中没有写明恶意偷排、篡改伪造、逃避监管或涉嫌犯罪等情节（${s(p.evidence)}）。这类记录按严重违法计入纳入条件；是否属于方案三(四)“不得再次纳入”的情形，请查阅处罚决定后人工判断。`,
      en: (p) => `"${s(p.name)}" has a violation marked 严重 (serious) whose text names no malicious act such as secret discharge, falsified data, evading supervision or a crime (${s(p.evidenceEn ?? p.evidence)}). It counts as serious for the criteria; whether it bars the enterprise for ever under 三(四) is for a person to judge from the penalty decision.`,
    },
  },
  'objection-upheld': {
    severity: 'error',
    title: { zh: '异议复核属实，不得纳入', en: 'Objection upheld: may not be listed' },
    message: {
      zh: (p) => `对“${s(p.name)}”纳入清单的异议经复核属实（${s(p.evidence)}），按方案三(三)不得纳入正面清单。请移出清单。`,
      en: (p) => `An objection to listing "${s(p.name)}" was upheld on review (${s(p.evidenceEn ?? p.evidence)}); under 三(三) it may not be listed. Remove it.`,
    },
  },
  'must-remove': {
    severity: 'error',
    title: { zh: '应移出清单', en: 'Must be removed' },
    message: {
      zh: (p) => `“${s(p.name)}”在清单期间出现应移出情形（${s(p.evidence)}），按方案三(九)应及时移出正面清单并向社会公开。`,
      en: (p) => `"${s(p.name)}" had a removal ground while listed (${s(p.evidenceEn ?? p.evidence)}); under 三(九) it must be removed and the removal published.`,
    },
  },
  'assistance-visit-missing': {
    severity: 'warning',
    title: { zh: '未开展体检式帮扶', en: 'No assistance visit' },
    message: {
      zh: (p) => `“${s(p.name)}”自纳入（${s(p.includedOn)}）以来没有“体检式”现场帮扶记录，有效期已过半（至 ${s(p.validUntil)}）。请在有效期内安排一次。`,
      en: (p) => `"${s(p.name)}" has had no assistance visit since inclusion (${s(p.includedOn)}) and over half its validity (to ${s(p.validUntil)}) is gone. Schedule one within the validity.`,
    },
  },
  'not-in-data': {
    severity: 'warning',
    title: { zh: '执法数据中查无此企业', en: 'Not in the enforcement data' },
    message: {
      zh: (p) => `“${s(p.name)}”（${s(p.value)}）在${s(p.sources)}中查无记录，无法判断是否符合条件。请核实信用代码，或补充该企业的数据。`,
      en: (p) => `"${s(p.name)}" (${s(p.value)}) is not in the ${s(p.sourcesEn ?? p.sources)}, so its eligibility cannot be judged. Check the USCC or supply its records.`,
    },
  },
  'data-row-invalid': {
    severity: 'error',
    title: { zh: '执法数据行无法使用', en: 'Unusable enforcement-data row' },
    message: {
      zh: (p) => `${s(p.kind)}第 ${s(p.row)} 行无法使用（${s(p.reason)}），该行未计入核查${p.listed ? '，而该企业在清单中，其核查结论可能因此不准' : ''}。请在导出的数据中更正后重新核查。`,
      en: (p) => `Row ${s(p.row)} of the ${s(p.kindEn ?? p.kind)} cannot be used (${s(p.reasonEn ?? p.reason)}) and was left out of the check${p.listed ? '; the enterprise is on a list, so its verdict may be wrong' : ''}. Correct it in the export and run the check again.`,
    },
  },
  'data-value-unrecognised': {
    severity: 'warning',
    title: { zh: '执法数据中的值无法识别', en: 'Unrecognised value in the enforcement data' },
    message: {
      zh: (p) => `${s(p.kind)}第 ${s(p.row)} 行“${s(p.column)}”的“${s(p.value)}”无法识别：${s(p.effect)}。请更正数据，或按 ${s(p.expected)} 填写。`,
      en: (p) => `"${s(p.value)}" in "${s(p.column)}" on row ${s(p.row)} of the ${s(p.kindEn ?? p.kind)} is not recognised: ${s(p.effectEn ?? p.effect)}. Correct the data, or write one of ${s(p.expected)}.`,
    },
  },
  'data-row-ragged': {
    severity: 'warning',
    title: { zh: '数据行字段多于表头', en: 'More fields than headers' },
    message: {
      zh: (p) => `${s(p.kind)}第 ${s(p.row)} 行比表头多出 ${s(p.extra)} 个字段，可能是内容中有未加引号的逗号，各列可能错位。请核实该行。`,
      en: (p) => `Row ${s(p.row)} of the ${s(p.kindEn ?? p.kind)} has ${s(p.extra)} more field(s) than the header, perhaps an unquoted comma in a value; its columns may be shifted. Check the row.`,
    },
  },
  'data-encoding-invalid': {
    severity: 'error',
    title: { zh: '数据文件有乱码', en: 'Undecodable bytes in a data file' },
    message: {
      zh: (p) => `${s(p.kind)}文件按 ${s(p.encoding)} 读取，第 ${s(p.row)} 行${p.more ? `及其后另外 ${s(p.more)} 行` : ''}有无法识别的字节（乱码），该行内容可能不完整。请用 Excel/WPS 重新导出为 .xlsx 或 CSV。`,
      en: (p) => `The ${s(p.kindEn ?? p.kind)} file was read as ${s(p.encoding)}; line ${s(p.row)}${p.more ? ` and ${s(p.more)} more lines` : ''} holds bytes that are not valid text, so its content may be incomplete. Export it again from Excel/WPS as .xlsx or CSV.`,
    },
  },
  'data-csv-unterminated': {
    severity: 'error',
    title: { zh: 'CSV 引号未闭合', en: 'Unclosed quote in CSV' },
    message: {
      zh: (p) => `${s(p.kind)}文件第 ${s(p.row)} 行的引号没有闭合，其后的内容都被读成了同一个字段，这些行未能正确读取。请检查该行后重新导出。`,
      en: (p) => `A quote opened on line ${s(p.row)} of the ${s(p.kindEn ?? p.kind)} file is never closed, so the rest of the file was read as one field. Check that line and export again.`,
    },
  },
  'data-column-duplicate': {
    severity: 'warning',
    title: { zh: '数据文件中重复的列', en: 'Repeated column in a data file' },
    message: {
      zh: (p) => `${s(p.kind)}的表头“${s(p.column)}”与前面的“${s(p.used)}”是同一列（${s(p.field)}），只使用了前一列。如应使用这一列，请用 --map 指定。`,
      en: (p) => `Header "${s(p.column)}" of the ${s(p.kindEn ?? p.kind)} means the same column (${s(p.fieldEn ?? p.field)}) as "${s(p.used)}" before it; only that one is used. Use --map to choose this one instead.`,
    },
  },
  'data-no-rows': {
    severity: 'warning',
    title: { zh: '数据文件没有数据', en: 'Data file without rows' },
    message: {
      zh: (p) => `${s(p.kind)}文件中没有任何数据行，清单企业在其中都查无记录。请确认导出的是完整数据。`,
      en: (p) => `The ${s(p.kindEn ?? p.kind)} file has no data rows, so no listed enterprise has records in it. Check that the export is complete.`,
    },
  },
  'data-sheet-skipped': {
    severity: 'info',
    title: { zh: '未读取的工作表', en: 'Sheet not read' },
    message: {
      zh: (p) => `${s(p.kind)}文件的工作表“${s(p.sheet)}”中没有找到${s(p.kind)}的表头（统一社会信用代码等），未读取。`,
      en: (p) => `Sheet "${s(p.sheet)}" of the ${s(p.kindEn ?? p.kind)} file has no ${s(p.kindEn ?? p.kind)} header (USCC …) and was not read.`,
    },
  },
  'check-file-skipped': {
    severity: 'info',
    title: { zh: '不是附表2，未核查', en: 'Not an Annex 2 list: not checked' },
    message: {
      zh: () => '该文件是附表1（工作情况汇总表），不是企业清单，核查时跳过。',
      en: () => 'This file is an Annex 1 summary, not an enterprise list; the check skips it.',
    },
  },
});
