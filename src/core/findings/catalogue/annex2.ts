import type { PermitFault } from '../../ids/permit.js';
import type { NormalisedWhat } from '../../ids/uscc.js';
import { en as EN, zh as ZH } from '../../i18n/index.js';
import type { DateFault } from '../../values/dates.js';
import { code, defineCodes, s, type NoParams } from '../define.js';

/** Findings about Annex 2 rows: identifiers, dates, validity, criteria. */
export const annex2Codes = defineCodes({
  'required-missing': code<{ column: string; name?: string }>({
    severity: 'error',
    title: { zh: '必填项为空', en: 'Required cell empty' },
    message: {
      zh: (p) => `“${s(p.column)}”为必填项，本行为空。请补填${p.name ? `“${s(p.name)}”的` : ''}${s(p.column)}。`,
      en: (p) => `"${s(p.column)}" is required but empty in this row. Fill it in${p.name ? ` for "${s(p.name)}"` : ''}.`,
    },
    example: { column: '统一社会信用代码', name: '重庆某某化工有限公司' },
  }),
  'uscc-format': code<{ reason: 'old15' } | { reason: 'length'; length: number } | { reason: 'charset'; bad: string; suggestion?: string }>({
    severity: 'error',
    title: { zh: '统一社会信用代码格式错误', en: 'Malformed USCC' },
    message: {
      zh: (p) =>
        p.reason === 'old15'
          ? `“${s(p.value)}”是 15 位的旧工商注册号，不是统一社会信用代码。请查询企业营业执照，改填 18 位统一社会信用代码。`
          : p.reason === 'length'
            ? `统一社会信用代码应为 18 位，“${s(p.value)}”为 ${s(p.length)} 位。请对照营业执照重新录入。`
            : `统一社会信用代码“${s(p.value)}”含有不允许的字符“${s(p.bad)}”（代码中不使用 I、O、S、V、Z 和标点）。请对照营业执照重新录入。${p.suggestion ? `疑似把数字写成了字母，应为“${p.suggestion}”。` : ''}`,
      en: (p) =>
        p.reason === 'old15'
          ? `"${s(p.value)}" is a 15-digit old business registration number, not a USCC. Look up the 18-character USCC on the business licence.`
          : p.reason === 'length'
            ? `A USCC has 18 characters; "${s(p.value)}" has ${s(p.length)}. Re-type it from the business licence.`
            : `USCC "${s(p.value)}" contains the invalid character "${s(p.bad)}" (I, O, S, V, Z and punctuation are never used). Re-type it from the business licence.${p.suggestion ? ` A digit was probably typed as a letter: "${p.suggestion}".` : ''}`,
    },
    example: { reason: 'charset', bad: 'O', suggestion: '91500112MA5U000009' },
  }),
  'uscc-checksum': code<{ actual: string; suggestion?: string }>({
    severity: 'error',
    title: { zh: '统一社会信用代码校验位错误', en: 'USCC check character wrong' },
    message: {
      zh: (p) =>
        p.suggestion
          ? `统一社会信用代码“${s(p.value)}”校验位不正确。疑似把数字与字母混淆，应为“${s(p.suggestion)}”。请对照营业执照核实后更正。`
          : `统一社会信用代码“${s(p.value)}”第 18 位（校验位）应为“${s(p.expected)}”，现为“${s(p.actual)}”，说明代码中有录入错误。请对照营业执照逐位核对后更正。`,
      en: (p) =>
        p.suggestion
          ? `USCC "${s(p.value)}" fails its check. A digit/letter mix-up is likely: it should probably be "${s(p.suggestion)}". Check the business licence and correct it.`
          : `USCC "${s(p.value)}": the 18th (check) character should be "${s(p.expected)}" but is "${s(p.actual)}", so a character was mistyped. Compare it with the business licence and correct it.`,
    },
    example: { actual: '1' },
  }),
  'uscc-org-code': code<NoParams>({
    severity: 'warning',
    title: { zh: '组织机构代码校验位不符', en: 'Embedded organisation code check fails' },
    message: {
      zh: (p) => `统一社会信用代码“${s(p.value)}”中的组织机构代码（第 9–17 位）校验位应为“${s(p.expected)}”。部分合法代码也会出现此情况，请对照营业执照核实一次。`,
      en: (p) =>
        `In USCC "${s(p.value)}" the embedded organisation code (characters 9–17) should end in "${s(p.expected)}". Some legal codes do this too; please check it once against the licence.`,
    },
    example: {},
  }),
  'uscc-numeric-cell': code<NoParams>({
    severity: 'error',
    title: { zh: '统一社会信用代码被存为数字', en: 'USCC stored as a number' },
    message: {
      zh: (p) => `统一社会信用代码被存成了数字（显示为 ${s(p.value)}），Excel 只保留 15 位有效数字，后几位已丢失。请把该列设置为“文本”格式，再按营业执照重新录入完整的 18 位代码。`,
      en: (p) =>
        `The USCC was stored as a number (${s(p.value)}); Excel keeps only 15 significant digits, so the last digits are lost. Format the column as Text and re-type the full 18-character code from the licence.`,
    },
    example: {},
  }),
  'uscc-normalised': code<{ what: NormalisedWhat[]; normalised: string }>({
    severity: 'warning',
    title: { zh: '统一社会信用代码已规范化', en: 'USCC normalised' },
    message: {
      zh: (p) =>
        `统一社会信用代码“${s(p.value)}”含有${p.what.map((w) => ZH.value.usccChange[w]).join(ZH.value.listSep)}，已按“${s(p.normalised)}”读取。` +
        (p.what.includes('hidden') ? '看不见的字符会让按代码查找、比对失败：请清空该单元格，直接键入代码（不要粘贴）。' : '请在表中改为规范写法（大写、半角、无空格）。'),
      en: (p) =>
        `USCC "${s(p.value)}" contains ${p.what.map((w) => EN.value.usccChange[w]).join(EN.value.listSep)}; it was read as "${s(p.normalised)}". ` +
        (p.what.includes('hidden')
          ? 'Invisible characters make look-ups and comparisons by the code fail: clear the cell and type the code (do not paste it).'
          : 'Please write it in the normal form (upper case, half-width, no spaces).'),
    },
    example: { what: ['fullwidth', 'spaces'], normalised: '91500112MA5U000009' },
  }),
  'uscc-authority-unusual': code<{ prefix: string }>({
    severity: 'warning',
    title: { zh: '登记管理部门/机构类别少见', en: 'Unusual authority/entity type' },
    message: {
      zh: (p) => `统一社会信用代码“${s(p.value)}”的第 1–2 位“${s(p.prefix)}”不是常见的登记管理部门与机构类别组合。代码校验位正确，请核实一次。`,
      en: (p) => `USCC "${s(p.value)}" starts with "${s(p.prefix)}", an unusual authority/entity-type combination. Its check character is right; please verify it once.`,
    },
    example: { prefix: 'A1' },
  }),
  'uscc-allowed': code<NoParams>({
    severity: 'info',
    title: { zh: '已在允许名单中', en: 'On the allow-list' },
    message: {
      zh: (p) => `统一社会信用代码“${s(p.value)}”未通过校验位检查，但在允许名单中（2015 年试点代码等），已按有效处理。`,
      en: (p) => `USCC "${s(p.value)}" fails the check-character test but is on the allow-list (e.g. 2015 pilot codes), so it was accepted.`,
    },
    example: {},
  }),
  'uscc-duplicate': code<{ rows: number[] }>({
    severity: 'error',
    title: { zh: '统一社会信用代码重复', en: 'Duplicate USCC' },
    message: {
      zh: (p) => `统一社会信用代码“${s(p.value)}”在本表中重复出现（第 ${p.rows.join(ZH.value.listSep)} 行）。同一企业只应列一次；如有多个厂区，请合并为一行。`,
      en: (p) => `USCC "${s(p.value)}" appears more than once in this list (rows ${p.rows.join(EN.value.listSep)}). List each enterprise once; merge several sites into one row.`,
    },
    example: { rows: [5, 12] },
  }),
  'uscc-duplicate-across-districts': code<{ name: string; others: string[] }>({
    severity: 'warning',
    title: { zh: '企业出现在多个区县清单中', en: "Enterprise on several districts' lists" },
    message: {
      zh: (p) => `统一社会信用代码“${s(p.value)}”（${s(p.name)}）同时出现在${p.others.join(ZH.value.listSep)}的清单中。请与相关区县核实企业归属，只由一个区县纳入。`,
      en: (p) => `USCC "${s(p.value)}" (${s(p.name)}) is also on the list of ${p.others.join(EN.value.listSep)}. Agree with those units which one lists it.`,
    },
    example: { name: '重庆某某化工有限公司', others: ['江北区'] },
  }),
  'permit-format': code<PermitFault>({
    severity: 'error',
    title: { zh: '排污许可证编号格式错误', en: 'Malformed permit number' },
    message: {
      zh: (p) =>
        `排污许可证编号（排污登记编号）“${s(p.value)}”格式不正确：${ZH.value.permitFault(p)}。正确格式为 18 位统一社会信用代码 + 3 位序号 + 1 位字母，共 22 位，如“91500112MA5U000000001P”。请对照排污许可证或登记回执重新录入。`,
      en: (p) =>
        `Permit/registration number "${s(p.value)}" is malformed: ${EN.value.permitFault(p)}. It should be the 18-character USCC + a 3-digit sequence + one letter, 22 characters (e.g. 91500112MA5U000000001P). Re-type it from the permit or registration receipt.`,
    },
    example: { fault: 'length', length: 18, bare: true },
  }),
  'permit-uscc-mismatch': code<{ prefix: string; uscc?: string }>({
    severity: 'error',
    title: { zh: '排污许可证编号与信用代码不符', en: 'Permit number does not match the USCC' },
    message: {
      zh: (p) => `排污许可证编号“${s(p.value)}”的前 18 位“${s(p.prefix)}”与本行统一社会信用代码“${s(p.uscc)}”不一致。请核实是否填错了企业的许可证编号或信用代码。`,
      en: (p) =>
        `Permit number "${s(p.value)}" begins with "${s(p.prefix)}", which is not this row's USCC "${s(p.uscc)}". Check whether the permit number or the USCC belongs to another enterprise.`,
    },
    example: { prefix: '91500112MA5U000009', uscc: '91500112MA5U00010X' },
  }),
  'permit-suffix': code<{ suffix: string }>({
    severity: 'warning',
    title: { zh: '排污许可证编号末位字母少见', en: 'Unusual permit suffix letter' },
    message: {
      zh: (p) => `排污许可证编号“${s(p.value)}”末位为“${s(p.suffix)}”，常见为 P（许可证）或 W（登记）。请核实一次。`,
      en: (p) => `Permit number "${s(p.value)}" ends in "${s(p.suffix)}"; usually P (permit) or W (registration). Please verify it.`,
    },
    example: { suffix: 'Q' },
  }),
  'permit-legacy': code<NoParams>({
    severity: 'warning',
    title: { zh: '旧式排污许可证编号', en: 'Older permit number form' },
    message: {
      zh: (p) => `排污许可证编号“${s(p.value)}”为旧式编号，无法与统一社会信用代码核对。如企业已取得新版排污许可证或登记编号，请更新。`,
      en: (p) => `Permit number "${s(p.value)}" is an older form that cannot be matched to the USCC. Update it if the enterprise has a current permit or registration number.`,
    },
    example: {},
  }),
  'date-invalid': code<{ column: string; range?: boolean } & DateFault>({
    severity: 'error',
    title: { zh: '日期无法识别', en: 'Unreadable date' },
    message: {
      zh: (p) =>
        `“${s(p.column)}”中的“${s(p.value)}”${ZH.value.dateFault(p)}。请填写为如“2021-09-30”或“2021年9月30日”的日期${p.range ? '，或“2021.09.30-2024.09.29”形式的起止日期' : ''}。`,
      en: (p) =>
        `"${s(p.value)}" in "${s(p.column)}" ${EN.value.dateFault(p)}. Write a date such as 2021-09-30 or 2021年9月30日${p.range ? ', or a range such as 2021.09.30-2024.09.29' : ''}.`,
    },
    example: { column: '有效期至', fault: 'days-in-month', year: 2024, month: 2, days: 29, range: true },
  }),
  'validity-over-3-years': code<{ validUntil: string; includedOn: string }>({
    severity: 'warning',
    title: { zh: '有效期超过 3 年', en: 'Validity over 3 years' },
    message: {
      zh: (p) =>
        `有效期至 ${s(p.validUntil)}，超过了纳入日期 ${s(p.includedOn)} 起 3 年（${s(p.expected)}）。正面清单有效期原则为 3 年（方案三(四)）；所填有效期是公布的期限，是否过期按它判断。请核实这一期限有无依据，没有的改为不晚于 ${s(p.expected)}。`,
      en: (p) =>
        `Valid until ${s(p.validUntil)}, more than 3 years after inclusion on ${s(p.includedOn)} (${s(p.expected)}). Validity is 3 years in principle (三(四)); the stated term is the published one and expiry is judged by it. Check that the longer term has grounds; if not, end it no later than ${s(p.expected)}.`,
    },
    example: { validUntil: '2026-12-31', includedOn: '2022-06-30' },
  }),
  'entry-expired': code<{ name?: string; validUntil: string; asOf: string; from?: string }>({
    severity: 'error',
    title: { zh: '已过有效期', en: 'Entry expired' },
    message: {
      zh: (p) =>
        `“${p.name || `第 ${s(p.row)} 行企业`}”的正面清单有效期已于 ${s(p.validUntil)} 届满（${p.from ? `自纳入日期 ${s(p.from)} 起按 3 年计；` : ''}截至 ${s(p.asOf)}）。请重新核实其是否仍符合纳入条件：符合的重新公示纳入并更新纳入日期，不符合的移出清单。`,
      en: (p) =>
        `${p.name ? `"${p.name}"` : `The enterprise in row ${s(p.row)}`} expired on ${s(p.validUntil)} (${p.from ? `3 years from its inclusion on ${s(p.from)}; ` : ''}as of ${s(p.asOf)}). Re-verify it: re-list it with a new inclusion date if it still qualifies, otherwise remove it.`,
    },
    example: { name: '重庆某某化工有限公司', validUntil: '2024-09-29', asOf: '2024-10-01', from: '2021-09-30' },
  }),
  'entry-expiring': code<{ name?: string; validUntil: string; days: number; from?: string }>({
    severity: 'warning',
    title: { zh: '即将到期', en: 'Entry expiring soon' },
    message: {
      zh: (p) =>
        `“${p.name || `第 ${s(p.row)} 行企业`}”的有效期至 ${s(p.validUntil)}${p.from ? `（自纳入日期 ${s(p.from)} 起按 3 年计）` : ''}，还剩 ${s(p.days)} 天。请提前安排复核与重新公示。`,
      en: (p) =>
        `${p.name ? `"${p.name}"` : `The enterprise in row ${s(p.row)}`} is valid until ${s(p.validUntil)}${p.from ? ` (3 years from its inclusion on ${s(p.from)})` : ''}, ${s(p.days)} days from now. Plan its review and re-publication.`,
    },
    example: { name: '重庆某某化工有限公司', validUntil: '2024-12-15', days: 75 },
  }),
  'criterion-invalid': code<NoParams>({
    severity: 'error',
    title: { zh: '纳入情形无法识别', en: 'Unknown inclusion criterion' },
    message: {
      zh: (p) =>
        `纳入情形“${s(p.value)}”无法识别。请填写方案第三(二)条的五种情形之一：一（疫情防控）、二（民生保障）、三（重大工程/重点领域）、四（在线监控）、五（环保诚信），可写“一”或“1”。`,
      en: (p) => `Inclusion criterion "${s(p.value)}" is not recognised. Write one of the five criteria of section 三(二): 一..五 or 1..5.`,
    },
    example: {},
  }),
  'seq-invalid': code<{ reason: 'blank' | 'not-number' | 'out-of-sequence' }>({
    severity: 'warning',
    title: { zh: '序号不连续', en: 'Row number out of sequence' },
    message: {
      zh: (p) => `序号“${s(p.value)}”${p.reason === 'out-of-sequence' ? `与上下文不连续（应为 ${s(p.expected)}）` : '不是正整数'}。请重新编排序号。`,
      en: (p) =>
        p.reason === 'blank'
          ? 'The row number is empty; it should be a positive whole number. Please renumber.'
          : `Row number "${s(p.value)}" ${p.reason === 'not-number' ? 'is not a positive whole number' : `is out of sequence (expected ${s(p.expected)})`}. Please renumber.`,
    },
    example: { reason: 'out-of-sequence' },
  }),
  'industry-unknown': code<{ suggestion?: string }>({
    severity: 'warning',
    title: { zh: '所属行业不规范', en: 'Industry not standard' },
    message: {
      zh: (p) =>
        `所属行业“${s(p.value)}”不是《国民经济行业分类》(GB/T 4754-2017) 的门类或大类名称。` +
        (p.suggestion ? `可能是“${s(p.suggestion)}”，建议按此规范填写。` : '建议填写规范名称，如“C26 化学原料和化学制品制造业”。'),
      en: (p) =>
        `Industry "${s(p.value)}" is not a GB/T 4754-2017 section or division.` +
        (p.suggestion ? ` Perhaps "${s(p.suggestion)}"; please write it that way.` : ' Prefer a standard name, e.g. "C26 化学原料和化学制品制造业".'),
    },
    example: { suggestion: 'C26 化学原料和化学制品制造业' },
  }),
  'industry-code-mismatch': code<{ code: string; codeName: string; name: string; nameCode: string }>({
    severity: 'warning',
    title: { zh: '行业代码与名称不符', en: 'Industry code and name disagree' },
    message: {
      zh: (p) => `所属行业“${s(p.value)}”中代码 ${s(p.code)} 对应“${s(p.codeName)}”，与名称“${s(p.name)}”（${s(p.nameCode)}）不符。请核实并统一。`,
      en: (p) => `In industry "${s(p.value)}" the code ${s(p.code)} means "${s(p.codeName)}", not "${s(p.name)}" (${s(p.nameCode)}). Please make them agree.`,
    },
    example: { code: 'C26', codeName: '化学原料和化学制品制造业', name: '医药制造业', nameCode: 'C27' },
  }),
  'location-outside-district': code<{ other: string[]; district: string }>({
    severity: 'warning',
    title: { zh: '所在地不在本区县', en: 'Location outside the district' },
    message: {
      zh: (p) => `所在地“${s(p.value)}”似乎属于${p.other.join(ZH.value.listSep)}，而不是填报单位${s(p.district)}。请核实企业所在地或填报单位。`,
      en: (p) => `Location "${s(p.value)}" seems to lie in ${p.other.join(EN.value.listSep)}, not in the reporting unit ${s(p.district)}. Please check.`,
    },
    example: { other: ['江北区'], district: '渝北区' },
  }),
});
