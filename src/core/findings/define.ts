import type { Lang, Params, Severity } from './types.js';

/** A message template: a function of the finding's parameters, one per language. */
export type Template = (p: Params) => string;

export interface CodeDef {
  severity: Severity;
  title: Record<Lang, string>;
  message: Record<Lang, Template>;
}

/** Helper so each catalogue file gets type checking without repeating the type. */
export function defineCodes<T extends Record<string, CodeDef>>(codes: T): T {
  return codes;
}

/** Render a parameter for a message: undefined becomes an empty string. */
export const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
