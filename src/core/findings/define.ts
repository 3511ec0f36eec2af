import type { Lang, Params, Severity } from './types.js';

/**
 * What a template gets besides its own parameters: the finding's location fills `row`, `value`
 * and `expected` when the parameters do not (a message never shows an empty line number).
 */
export interface FromLocation {
  row?: number;
  value?: string;
  expected?: string;
}

/**
 * The parameters of a code whose messages take nothing but the finding's location: `code<NoParams>()`.
 * (`object` rather than `{}`/`Record<never, never>`, which would accept any value, strings included.)
 */
export type NoParams = object;

/** A message template: a function of the finding's parameters, one per language. */
export type Template<P extends object = Params> = (p: P & FromLocation) => string;

/**
 * One finding code: its default severity, its title and message templates in both languages,
 * and the parameters its messages take (`P`, declared with `code<P>()`), with an example of
 * them that the catalogue test and the generated reference render.
 */
export interface CodeDef<P extends object = Params> {
  severity: Severity;
  title: Record<Lang, string>;
  message: Record<Lang, Template<P>>;
  /** parameters that render both messages (checked against `P` by tsc) */
  example: P;
}

/**
 * Declare a code with the type of its parameters: `code<{ column: string }>({ … })`. The type is
 * what `finding('…', loc, params)` and a rule's `report` accept for this code — a missing or
 * misspelt parameter fails to compile.
 */
export function code<P extends object>(def: CodeDef<P>): CodeDef<P> {
  return def;
}

/** Helper so each catalogue file gets type checking without repeating the type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own parameter type
export function defineCodes<T extends Record<string, CodeDef<any>>>(codes: T): T {
  return codes;
}

/** Render a parameter for a message: undefined becomes an empty string. */
export const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
