import { en } from '../../i18n/en.js';
import { zh } from '../../i18n/zh.js';
import { code, defineCodes, s } from '../define.js';

import type { UnitSourceKind, NamedUnit } from '../params.js';

export type { UnitSourceKind, NamedUnit };

/** Findings about the reporting unit (填报单位 / 地市). The unit as written is the finding's value. */
export const districtCodes = defineCodes({
  'district-unknown': code<
    | { merged: 1; into: string; since: string; candidates?: undefined }
    | { merged?: undefined; candidates: string[]; example: string }
    | { merged?: undefined; candidates?: undefined; period?: string }
  >({
    severity: 'error',
    title: { zh: '填报单位无法识别', en: 'Unknown reporting unit' },
    message: {
      zh: (p) =>
        p.merged
          ? `“${s(p.value)}”已在 2025 年行政区划调整中撤销、并入${s(p.into)}，自 ${s(p.since)} 起不再单独报送。请由${s(p.into)}填报，填报单位写“${s(p.into)}”。`
          : p.candidates
            ? `“${s(p.value)}”不能确定是哪个区县（可能是：${p.candidates.join('、')}）。请填写完整的区县名称，如“${s(p.example)}”。`
            : `“${s(p.value)}”不是${p.period ? ` ${s(p.period)} ` : ''}重庆市报送单位名单中的区县。请填写正确的区县全称（如“渝北区”“两江新区”“石柱土家族自治县”）。`,
      en: (p) =>
        p.merged
          ? `"${s(p.value)}" was abolished in the 2025 re-division and merged into ${s(p.into)}; from ${s(p.since)} it no longer reports on its own. ${s(p.into)} reports instead: write "${s(p.into)}" as the reporting unit.`
          : p.candidates
            ? `"${s(p.value)}" is ambiguous (could be: ${p.candidates.join('、')}). Write the unit's full name, e.g. "${s(p.example)}".`
            : `"${s(p.value)}" is not a reporting unit of Chongqing${p.period ? ` for ${s(p.period)}` : ''}. Write the unit's full name (e.g. 渝北区, 两江新区, 石柱土家族自治县).`,
    },
    example: { candidates: ['江北区', '渝北区'], example: '江北区' },
  }),
  'district-placeholder': code<object>({
    severity: 'error',
    title: { zh: '模板占位符未替换', en: 'Template placeholder left in' },
    message: {
      zh: (p) => `“${s(p.value)}”是模板中的占位文字，请改为本单位的区县名称（如“渝北区”）。`,
      en: (p) => `"${s(p.value)}" is the template's placeholder; replace it with your unit's name (e.g. 渝北区).`,
    },
    example: {},
  }),
  'district-mismatch': code<{ winner: NamedUnit; other: NamedUnit }>({
    severity: 'warning',
    title: { zh: '报送单位不一致', en: 'Reporting unit disagrees' },
    message: {
      zh: ({ winner: w, other: o }) =>
        `${zh.unit.source[w.source]}为“${w.unit}”，而${zh.unit.source[o.source]}为“${o.unit}”。本工具按“${w.unit}”处理（${zh.unit.decides[w.source]}）。请核对并统一为同一区县。`,
      en: ({ winner: w, other: o }) =>
        `${en.unit.source[w.source]} says ${w.unit} but ${en.unit.source[o.source]} says ${o.unit}. Taken as ${w.unit} (${en.unit.decides[w.source]}). Please check and make them agree.`,
    },
    example: { winner: { source: 'cell', unit: '渝北区' }, other: { source: 'file', unit: '江北区' } },
  }),
});
