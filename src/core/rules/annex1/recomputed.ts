import { defineAnnex1Rule } from '../types.js';

/** Say when formula figures were computed because the file's results were missing or stale (annex1/recompute.ts). */
export const recomputedRule = defineAnnex1Rule({
  id: 'recomputed',
  description: '程序生成的文件：公式结果按表中数字重新计算',
  codes: ['totals-recomputed'],
  check(doc, _parsed, ctx) {
    const r = doc.recomputed;
    if (!r) return;
    ctx.report('totals-recomputed', { cell: r.cells[0] }, { cells: r.cells, because: r.because });
  },
});
