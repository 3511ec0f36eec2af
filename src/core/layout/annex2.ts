import type { ColumnDef } from './types.js';

/** 附表2 监督执法正面清单企业列表: the seed's six columns, then the three optional validity columns (docs/check.md "有效期"). */
export const ANNEX2_TITLE = '监督执法正面清单企业列表';
export const ANNEX2_LABEL = '附表2';

export type Annex2Key = 'seq' | 'name' | 'location' | 'uscc' | 'industry' | 'permit' | 'includedOn' | 'validUntil' | 'criterion';

export const ANNEX2_COLUMNS: readonly ColumnDef<Annex2Key>[] = [
  { key: 'seq', header: '序号', aliases: ['编号', '序'], required: false, width: 6, en: 'No.' },
  { key: 'name', header: '企业名称', aliases: ['单位名称', '企业（单位）名称', '排污单位名称', '名称'], required: true, width: 34, en: 'Enterprise' },
  { key: 'location', header: '所在地', aliases: ['所在地址', '企业地址', '地址', '所在区域', '所在地区'], required: true, width: 26, en: 'Location' },
  { key: 'uscc', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码', '统一社会信用代码（组织机构代码）'], required: true, width: 22, en: 'USCC' },
  { key: 'industry', header: '所属行业', aliases: ['行业', '行业类别', '所属行业类别', '行业类型'], required: true, width: 26, en: 'Industry' },
  {
    key: 'permit',
    header: '排污许可证编号（排污登记编号）',
    aliases: ['排污许可证编号', '排污许可证编号/排污登记编号', '排污许可证编号或排污登记编号', '排污许可编号', '排污登记编号', '许可证编号', '排污许可证号'],

    required: true,
    width: 28,
    en: 'Permit / registration no.',
  },
  { key: 'includedOn', header: '纳入日期', aliases: ['纳入时间', '列入时间', '列入日期'], required: false, optional: true, width: 13, en: 'Included on' },
  { key: 'validUntil', header: '有效期至', aliases: ['有效期', '有效期限', '正面清单有效期'], required: false, optional: true, width: 13, en: 'Valid until' },
  { key: 'criterion', header: '纳入情形', aliases: ['纳入条件', '纳入类别'], required: false, optional: true, width: 10, en: 'Criterion' },
];

/** The five criteria of section 三(二), as written in the 纳入情形 dropdown. */
export const CRITERIA: readonly { n: 1 | 2 | 3 | 4 | 5; zh: string; label: string; en: string }[] = [
  { n: 1, zh: '一', label: '一（疫情防控）', en: 'I (epidemic control)' },
  { n: 2, zh: '二', label: '二（民生保障）', en: 'II (livelihood)' },
  { n: 3, zh: '三', label: '三（重大工程/重点领域）', en: 'III (major project / key sector)' },
  { n: 4, zh: '四', label: '四（在线监控）', en: 'IV (online monitoring)' },
  { n: 5, zh: '五', label: '五（环保诚信）', en: 'V (environmental credit)' },
];
