import { code, defineCodes, s } from '../define.js';

/** Cross-checks of the unattended run that no single file can show. */
export const reportCodes = defineCodes({
  'onsite-count-mismatch': code<{ unit: string; from: string; to: string }>({
    severity: 'warning',
    title: { zh: '现场执法次数与检查记录不符', en: 'On-site inspections differ from the records' },
    message: {
      zh: (p) =>
        `${s(p.unit)}附表1“对清单内企业开展现场监管执法次数”为 ${s(p.value)}，而检查记录中 ${s(p.from)} 至 ${s(p.to)} 对其附表2清单内企业的现场检查为 ${s(p.expected)} 次。请核对附表1的数字或检查记录是否完整。`,
      en: (p) =>
        `${s(p.unit)} reports ${s(p.value)} on-site inspections of listed enterprises in Annex 1, but the inspection records show ${s(p.expected)} on-site inspections of the enterprises on its Annex 2 list from ${s(p.from)} to ${s(p.to)}. Check the Annex 1 figure or whether the records are complete.`,
    },
    example: { unit: '渝北区', from: '2025-01-01', to: '2025-09-30' },
  }),
});
