import type { ColumnDef } from './types.js';

/** 附表1 落实监督执法正面清单工作情况汇总表: 地市 + 14 cumulative figures under a two-level merged header. */
export const ANNEX1_TITLE = '落实监督执法正面清单工作情况汇总表';
export const ANNEX1_LABEL = '附表1';

export const FIGURE_KEYS = [
  'listed',
  'measures',
  'onsite_inspections',
  'offsite_online_video',
  'offsite_remote_drone',
  'offsite_power_energy',
  'offsite_other',
  'offsite_problems',
  'penalty_cases',
  'relief_listed',
  'relief_unlisted',
  'service_phone_web',
  'service_onsite',
  'service_other',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

/** `listed` is a stock (can go down); every other figure is a running count to the reporting date. */
export const STOCK_KEYS: ReadonlySet<FigureKey> = new Set<FigureKey>(['listed']);

const OFFSITE = '清单内企业非现场检查次数';
const RELIEF = '减免处罚次数';
const SERVICE = '执法部门服务企业次数';

export const ANNEX1_DISTRICT_COLUMN: ColumnDef<'district'> = {
  key: 'district',
  header: '地市',
  aliases: ['区县', '单位', '地区', '区县（自治县）', '填报单位', '区县名称'],
  required: true,
  width: 14,
  en: 'Unit',
};

export const ANNEX1_FIGURES: readonly ColumnDef<FigureKey>[] = [
  { key: 'listed', header: '纳入清单企业数量', unit: '个', aliases: ['纳入正面清单企业数量', '清单企业数量'], required: true, width: 10, en: 'Listed enterprises' },
  {
    key: 'measures',
    header: '配套、细化措施（发文）数量',
    unit: '件',
    aliases: ['配套细化措施（发文）数量', '配套、细化措施数量', '配套细化措施数量'],
    required: true,
    width: 11,
    en: 'Measures issued',
  },
  {
    key: 'onsite_inspections',
    header: '对清单内企业开展现场监管执法次数',
    unit: '次',
    aliases: ['现场监管执法次数', '对清单内企业开展现场执法次数'],
    required: true,
    width: 12,
    en: 'On-site inspections',
  },
  {
    key: 'offsite_online_video',
    group: OFFSITE,
    header: '在线监控、视频监控',
    unit: '家次',
    aliases: ['在线监控视频监控', '在线监控/视频监控'],
    required: true,
    width: 11,
    en: 'Off-site: online/video',
  },
  {
    key: 'offsite_remote_drone',
    group: OFFSITE,
    header: '遥感、无人机',
    unit: '家次',
    aliases: ['遥感无人机', '遥感/无人机'],
    required: true,
    width: 10,
    en: 'Off-site: remote/drone',
  },
  {
    key: 'offsite_power_energy',
    group: OFFSITE,
    header: '用电、用能监控',
    unit: '家次',
    aliases: ['用电用能监控', '用电/用能监控'],
    required: true,
    width: 10,
    en: 'Off-site: power/energy',
  },
  { key: 'offsite_other', group: OFFSITE, header: '其他方式', unit: '家次', required: true, width: 9, en: 'Off-site: other' },
  { key: 'offsite_problems', header: '通过非现场方式发现问题数量', unit: '个', aliases: ['非现场方式发现问题数量'], required: true, width: 12, en: 'Problems found off-site' },
  { key: 'penalty_cases', header: '清单内企业环境违法立案处罚数量', unit: '件', aliases: ['环境违法立案处罚数量', '立案处罚数量'], required: true, width: 12, en: 'Penalty cases' },
  { key: 'relief_listed', group: RELIEF, header: '清单内企业', unit: '次', required: true, width: 9, en: 'Relief: listed' },
  { key: 'relief_unlisted', group: RELIEF, header: '非清单内企业', unit: '次', required: true, width: 9, en: 'Relief: not listed' },
  { key: 'service_phone_web', group: SERVICE, header: '电话、网络等', unit: '家次', aliases: ['电话网络等', '电话、网络'], required: true, width: 10, en: 'Service: phone/web' },
  { key: 'service_onsite', group: SERVICE, header: '现场帮扶', unit: '家次', required: true, width: 9, en: 'Service: on-site' },
  { key: 'service_other', group: SERVICE, header: '其他方式', unit: '家次', required: true, width: 9, en: 'Service: other' },
];

/** Group headers and their units (the seed prints the unit on the group cell for grouped columns). */
export const ANNEX1_GROUP_UNITS: Record<string, string> = { [OFFSITE]: '家次', [RELIEF]: '次', [SERVICE]: '家次' };

export const ANNEX1_NOTES = [
  '说  明：',
  '1.减免处罚次数包括对企业不予处罚、不采取强制措施、不采取限停产措施，或延长整改期限等措施的次数；',
  '2.请在清单实施期间的每季度末将电子件报送至执法总队法制处（表格中数据均为截至报送日的累计数量），电子邮箱：fgc89188806@126.com，邮件主题请注明“xx区（县）x季度落实监督执法正面清单工作情况汇总表”,联系电话：023-88521151。',
];

export function zeroFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
}
