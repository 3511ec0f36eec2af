/**
 * Header spellings of the enforcement exports (inspections, credit ratings, online monitoring, objections), and the user's own
 * mapping for exports that spell them otherwise (`--map FILE`):
 *   { "inspections": { "检查时间": "检查日期" }, "credit": { "信用等级": "评价结果" }, "monitoring": { … }, "objections": { … } }
 * Each key is a header as it appears in the file; each value names one of our columns by its
 * canonical header, any accepted spelling, or its key (e.g. "date").
 */
import { z } from 'zod';
import { headerKey } from '../values/text.js';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import type { DataKind, Text } from './types.js';

export interface DataField {
  key: string;
  /** canonical header */
  header: string;
  aliases: string[];
  en: string;
}

const USCC: DataField = {
  key: 'uscc',
  header: '统一社会信用代码',
  aliases: ['社会信用代码', '信用代码', '统一信用代码', '统一代码', '企业统一社会信用代码', '单位统一社会信用代码', '统一社会信用代码（组织机构代码）', 'uscc'],
  en: 'USCC',
};
const NAME: DataField = {
  key: 'name',
  header: '企业名称',
  aliases: ['单位名称', '企业（单位）名称', '排污单位名称', '被检查单位', '被检查单位名称', '被检查对象', '检查对象', '企业', '单位', '名称'],
  en: 'enterprise',
};

export const DATA_FIELDS: Record<DataKind, DataField[]> = {
  inspections: [
    USCC,
    NAME,
    { key: 'date', header: '检查日期', aliases: ['检查时间', '执法日期', '执法时间', '检查开始时间', '现场检查日期', '日期'], en: 'inspection date' },
    { key: 'method', header: '检查方式', aliases: ['检查类型', '检查类别', '检查形式', '执法方式', '方式'], en: 'method' },
    { key: 'severity', header: '违法情况', aliases: ['违法程度', '违法情形', '违法等级', '是否违法', '违法性质'], en: 'violation' },
    { key: 'violation', header: '违法行为', aliases: ['违法事实', '违法内容', '违法行为描述', '主要违法行为', '存在问题', '发现问题', '问题描述'], en: 'violation text' },
    { key: 'selfReported', header: '主动报告', aliases: ['是否主动报告', '自行报告', '是否自行报告', '主动报告情况'], en: 'self-reported' },
  ],
  credit: [
    USCC,
    NAME,
    { key: 'grade', header: '评价结果', aliases: ['评价等级', '信用等级', '环境信用等级', '环保信用等级', '信用评价结果', '评定结果', '评价级别', '等级'], en: 'grade' },
    { key: 'year', header: '评价年度', aliases: ['年度', '评价年份', '信用评价年度', '考核年度'], en: 'rating year' },
    { key: 'date', header: '评价日期', aliases: ['评定日期', '发布日期', '评价时间', '公布日期', '评价结果发布日期'], en: 'rating date' },
  ],
  monitoring: [
    USCC,
    NAME,
    { key: 'installed', header: '是否安装', aliases: ['已安装', '安装情况', '是否安装在线监控', '安装在线监控'], en: 'installed' },
    { key: 'networked', header: '是否联网', aliases: ['联网情况', '已联网', '是否与生态环境部门联网', '联网状态'], en: 'networked' },
    { key: 'status', header: '运行状态', aliases: ['运行情况', '设备运行状态', '运行是否稳定'], en: 'running state' },
    { key: 'compliant', header: '稳定达标', aliases: ['是否稳定达标', '是否达标', '达标情况', '数据是否达标'], en: 'stably compliant' },
    { key: 'rate', header: '达标率', aliases: ['数据达标率', '监测数据达标率', '排放达标率'], en: 'compliance rate' },
    { key: 'date', header: '统计日期', aliases: ['数据日期', '截至日期', '更新日期', '监测日期'], en: 'as of' },
  ],
  objections: [
    USCC,
    NAME,
    { key: 'source', header: '异议来源', aliases: ['提出单位', '异议提出单位', '异议人', '提出部门', '反映单位', '异议单位', '来源'], en: 'raised by' },
    { key: 'result', header: '复核结果', aliases: ['复核结论', '核查结果', '核实结果', '是否属实', '复核情况', '处理结果'], en: 'review result' },
    { key: 'date', header: '复核日期', aliases: ['复核时间', '核查日期', '核实日期', '办结日期', '日期'], en: 'review date' },
  ],
};

/** The user's mapping, per kind: header key (headerKey of the file's header) → field key. */
export type HeaderMap = Partial<Record<DataKind, Map<string, string>>>;

const MapSchema = z
  .object({
    inspections: z.record(z.string(), z.string()).optional(),
    credit: z.record(z.string(), z.string()).optional(),
    monitoring: z.record(z.string(), z.string()).optional(),
    objections: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** The field key a name designates: a key, the canonical header or any alias. */
export function fieldByName(kind: DataKind, name: string): string | undefined {
  const k = headerKey(name);
  for (const f of DATA_FIELDS[kind]) {
    if (f.key.toLowerCase() === k || headerKey(f.header) === k || f.aliases.some((a) => headerKey(a) === k)) return f.key;
  }
  return undefined;
}

/** Parse and check the --map JSON. Errors name the offending entry so the user can fix the file. */
export function parseHeaderMap(json: string): { ok: true; map: HeaderMap } | { ok: false; reason: Text } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: { zh: `不是有效的 JSON（${m}）`, en: `not valid JSON (${m})` } };
  }
  const parsed = MapSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '（顶层）';
    return {
      ok: false,
      reason: {
        zh: `格式不对（${where}：${issue.message}）；应为 {"inspections": {"文件中的表头": "检查日期"}, "credit": {…}, "monitoring": {…}, "objections": {…}}`,
        en: `wrong shape (${where}: ${issue.message}); expected {"inspections": {"header in the file": "检查日期"}, "credit": {…}, "monitoring": {…}, "objections": {…}}`,
      },
    };
  }
  const map: HeaderMap = {};
  for (const kind of ['inspections', 'credit', 'monitoring', 'objections'] as const) {
    const entries = parsed.data[kind];
    if (!entries) continue;
    const m = new Map<string, string>();
    for (const [from, to] of Object.entries(entries)) {
      const key = fieldByName(kind, to);
      if (!key) {
        const names = DATA_FIELDS[kind].map((f) => f.header).join('、');
        return {
          ok: false,
          reason: {
            zh: `${kind}.“${from}”映射到的“${to}”不是${zh.check.dataKind[kind]}的列；可用的列：${names}`,
            en: `${kind}."${from}" maps to "${to}", which is not a column of the ${en.check.dataKind[kind]}; columns: ${names}`,
          },
        };
      }
      m.set(headerKey(from), key);
    }
    map[kind] = m;
  }
  return { ok: true, map };
}

/** The field a header cell stands for: the user's mapping first, then our spellings. */
export function resolveHeader(kind: DataKind, text: string, map?: HeaderMap): string | undefined {
  const k = headerKey(text);
  if (!k) return undefined;
  const mapped = map?.[kind]?.get(k);
  if (mapped) return mapped;
  const direct = fieldByName(kind, text);
  if (direct) return direct;
  // extra words in brackets: 检查日期（年月日）, 统一社会信用代码(18位)
  const m = /^(.+?)\(.*\)$/.exec(k);
  return m ? fieldByName(kind, m[1]!) : undefined;
}

/**
 * Columns a file of each kind must have, as alternatives: every group needs one of its fields.
 * Without them no row could be judged, so the file is refused (exit 2) rather than read.
 */
export const REQUIRED: Record<DataKind, string[][]> = {
  inspections: [['uscc'], ['date'], ['method'], ['severity', 'violation']],
  credit: [['uscc'], ['grade'], ['date', 'year']],
  monitoring: [['uscc'], ['installed', 'networked', 'status', 'compliant', 'rate']],
  objections: [['uscc'], ['result']],
};

export function fieldDef(kind: DataKind, key: string): DataField {
  return DATA_FIELDS[kind].find((f) => f.key === key)!;
}
