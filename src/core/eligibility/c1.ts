/** 一 疫情防控: an epidemic-control supplier designated by government. No data can show it. */
import { cond } from './logic.js';
import { t } from './describe.js';
import type { At, Cond } from './types.js';

export function c1(_at: At): Cond {
  return cond(
    'unknown',
    t(
      '须有政府或疫情防控指挥部的认定，执法数据无法核实，请调取认定文件',
      'needs a designation by government or the epidemic command, which the enforcement data cannot show; ask for the designation',
    ),
  );
}
