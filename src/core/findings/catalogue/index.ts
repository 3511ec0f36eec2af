import type { CodeDef } from '../define.js';
import { fileCodes, setTitleLookup } from './file.js';
import { districtCodes } from './district.js';
import { annex2Codes } from './annex2.js';
import { annex1Codes } from './annex1.js';
import { aggregateCodes } from './aggregate.js';
import { checkCodes } from './check.js';
import { reportCodes } from './report.js';
import { collectCodes } from './collect.js';

/**
 * The finding catalogue: every code zmqd can report, defined once with its default severity,
 * title, message templates (zh/en) and the type of its parameters. Codes are stable: add, never
 * rename.
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

type Codes = typeof codes;

/** Every code zmqd can report: a union of literal types, so a misspelt code fails to compile. */
export type FindingCode = keyof Codes;

/** The parameters a code's messages take, as its catalogue entry declares them. */
export type ParamsOf<C extends FindingCode> = Codes[C] extends CodeDef<infer P> ? P : never;

/**
 * The arguments after the location of `finding(code, loc, …)` and a rule's `report(code, loc, …)`:
 * the parameters are required when the code declares a required one.
 */
export type ParamArgs<C extends FindingCode, X> = object extends ParamsOf<C> ? [params?: ParamsOf<C>, extra?: X] : [params: ParamsOf<C>, extra?: X];

export const catalogue: Readonly<Record<FindingCode, CodeDef>> = codes as unknown as Readonly<Record<FindingCode, CodeDef>>;

// findings-omitted names the title of the code it stands for
setTitleLookup((code, lang) => (isFindingCode(code) ? catalogue[code].title[lang] : code));

/** Whether a string read from outside (a test's manifest, a JSON file) is a catalogue code. */
export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(codes, code);
}
