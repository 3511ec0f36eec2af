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
const codes = {
  ...fileCodes,
  ...districtCodes,
  ...annex2Codes,
  ...annex1Codes,
  ...aggregateCodes,
  ...checkCodes,
  ...reportCodes,
  ...collectCodes,
};

/** Every code zmqd can report: a union of literal types, so a misspelt code fails to compile. */
export type FindingCode = keyof typeof codes;

export const catalogue: Readonly<Record<FindingCode, CodeDef>> = codes;

/** Whether a string read from outside (a test's manifest, a JSON file) is a catalogue code. */
export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(codes, code);
}
