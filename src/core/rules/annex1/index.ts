import type { Annex1Rule } from '../types.js';
import { unitsRule } from './units.js';
import { numbersRule } from './numbers.js';
import { totalRule } from './total.js';
import { hiddenRowsRule } from './hidden.js';
import { recomputedRule } from './recomputed.js';

export const annex1Rules: readonly Annex1Rule[] = [unitsRule, numbersRule, totalRule, hiddenRowsRule, recomputedRule];
