import type { Annex1Rule } from '../types.js';
import { headerRule } from './header.js';
import { unitsRule } from './units.js';
import { numbersRule } from './numbers.js';
import { totalRule } from './total.js';
import { hiddenRowsRule } from './hidden.js';
import { recomputedRule } from './recomputed.js';

/** Every Annex 1 rule, in the order their findings read best. */
export const annex1Rules: readonly Annex1Rule[] = [headerRule, unitsRule, numbersRule, totalRule, hiddenRowsRule, recomputedRule];
