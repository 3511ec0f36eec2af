import type { CodeDef } from '../define.js';
import { fileCodes } from './file.js';
import { districtCodes } from './district.js';
import { annex2Codes } from './annex2.js';
import { annex1Codes } from './annex1.js';
import { aggregateCodes } from './aggregate.js';
import { checkCodes } from './check.js';
import { reportCodes } from './report.js';
import { collectCodes } from './collect.js';

/**
 * The finding catalogue: every code zmqd can report, defined once with its default severity,
 * title and message templates (zh/en). Codes are stable: add, never rename.
 */
export const catalogue: Record<string, CodeDef> = {
  ...fileCodes,
  ...districtCodes,
  ...annex2Codes,
  ...annex1Codes,
  ...aggregateCodes,
  ...checkCodes,
  ...reportCodes,
  ...collectCodes,
};

export type FindingCode = keyof typeof catalogue;
