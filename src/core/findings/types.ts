/** A finding: one thing wrong (or worth knowing) about an input, located as precisely as possible. */
export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

/** Parameters substituted into a code's message template. */
export type Params = Record<string, string | number | undefined>;

export interface Location {
  file?: string;
  sheet?: string;
  /** A1 reference */
  cell?: string;
  /** worksheet row number as seen in Excel */
  row?: number;
  /** the column's header as the user sees it (e.g. 统一社会信用代码) */
  column?: string;
}

/** A finding as the core produces it: code + location + parameters; the message is rendered per language. */
export interface Finding extends Location {
  code: string;
  severity: Severity;
  value?: string;
  expected?: string;
  params: Params;
  /** findings-omitted only: how many findings of its code (`value`) in its file were left out */
  omitted?: number;
}

/** A finding as reporters print it (the shape docs/reference.md "JSON output" documents). */
export interface RenderedFinding extends Location {
  code: string;
  severity: Severity;
  value?: string;
  expected?: string;
  /** extension, findings-omitted only: how many findings of the code in `value` were left out */
  omitted?: number;
  message: string;
}
