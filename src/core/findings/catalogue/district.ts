import { defineCodes, s } from '../define.js';

/** Findings about the reporting unit (填报单位 / 地市). */
export const districtCodes = defineCodes({
  'district-unknown': {
    severity: 'error',
    title: { zh: '填报单位无法识别', en: 'Unknown reporting unit' },
    message: {
      zh: (p) =>
        p.merged
          ? `“${s(p.value)}”已在 2025 年行政区划调整中撤销、并入${s(p.into)}，自 ${s(p.since)} 起不再单独报送。请由${s(p.into)}填报，填报单位写“${s(p.into)}”。`
          : p.candidates
            ? `“${s(p.value)}”不能确定是哪个区县（可能是：${s(p.candidates)}）。请填写完整的区县名称，如“${s(p.example)}”。`
            : `“${s(p.value)}”不是${p.period ? ` ${s(p.period)} ` : ''}重庆市报送单位名单中的区县。请填写正确的区县全称（如“渝北区”“两江新区”“石柱土家族自治县”）。`,
      en: (p) =>
        p.merged
          ? `"${s(p.value)}" was abolished in the 2025 re-division and merged into ${s(p.into)}; from ${s(p.since)} it no longer reports on its own. ${s(p.into)} reports instead: write "${s(p.into)}" as the reporting unit.`
          : p.candidates
            ? `"${s(p.value)}" is ambiguous (could be: ${s(p.candidates)}). Write the unit's full name, e.g. "${s(p.example)}".`
            : `"${s(p.value)}" is not a reporting unit of Chongqing${p.period ? ` for ${s(p.period)}` : ''}. Write the unit's full name (e.g. 渝北区, 两江新区, 石柱土家族自治县).`,
    },
  },
  'district-placeholder': {
    severity: 'error',
    title: { zh: '模板占位符未替换', en: 'Template placeholder left in' },
    message: {
      zh: (p) => `“${s(p.value)}”是模板中的占位文字，请改为本单位的区县名称（如“渝北区”）。`,
      en: (p) => `"${s(p.value)}" is the template's placeholder; replace it with your unit's name (e.g. 渝北区).`,
    },
  },
  'district-mismatch': {
    severity: 'warning',
    title: { zh: '报送单位不一致', en: 'Reporting unit disagrees' },
    message: {
      zh: (p) => `${s(p.detail)}。本工具按${s(p.winner)}处理（${s(p.why)}）。请核对并统一为同一区县。`,
      en: (p) => `${s(p.detailEn ?? p.detail)}. Taken as ${s(p.winnerEn ?? p.winner)} (${s(p.whyEn ?? p.why)}). Please check and make them agree.`,
    },
  },
});
