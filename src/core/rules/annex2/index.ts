import type { Annex2Rule } from '../types.js';
import { headerRule } from './header.js';
import { noDataRule } from './no-data.js';
import { requiredRule } from './required.js';
import { usccRule } from './uscc.js';
import { duplicateRule } from './duplicate.js';
import { permitRule } from './permit.js';
import { validityRule } from './validity.js';
import { criterionRule } from './criterion.js';
import { seqRule } from './seq.js';
import { industryRule } from './industry.js';
import { locationRule } from './location.js';
import { hiddenRowsRule } from './hidden.js';

/** Every Annex 2 rule, in the order their findings read best. */
export const annex2Rules: readonly Annex2Rule[] = [
  headerRule,
  noDataRule,
  requiredRule,
  usccRule,
  duplicateRule,
  permitRule,
  validityRule,
  criterionRule,
  seqRule,
  industryRule,
  locationRule,
  hiddenRowsRule,
];
