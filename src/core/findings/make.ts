import { catalogue, isFindingCode, type FindingCode, type ParamArgs } from './catalogue/index.js';
import type { FromLocation } from './define.js';
import type { Finding, Lang, Location, Params, RenderedFinding, Severity } from './types.js';
import { colNumber } from '../workbook/grid.js';

export interface FindingExtra {
  value?: string;
  expected?: string;
  /** override the catalogue's default severity (e.g. legacy-format downgraded after conversion) */
  severity?: Severity;
}

/**
 * Told the code of every finding made, when one is registered: the test run registers one to learn
 * which codes its tests produce (test/helpers/produced.ts), the CLI when ZMQD_RECORD_CODES is set.
 * Kept on globalThis so that every copy of this module (the sources and dist/) reports to it.
 */
const SINK = Symbol.for('zmqd.findingSink');
type Sink = (code: string) => void;

/** Register the sink told of every finding made (undefined: none). */
export function setFindingSink(sink: Sink | undefined): void {
  (globalThis as { [SINK]?: Sink })[SINK] = sink;
}

/** Tell the sink of a finding made without `finding()` (a findings-omitted summary). */
export function produced(code: string): void {
  (globalThis as { [SINK]?: Sink })[SINK]?.(code);
}

/** Create a finding for a catalogue code. Throws on an unknown code: that is a programming error. */
export function finding<C extends FindingCode>(code: C, loc: Location, ...[params, extra = {}]: ParamArgs<C, FindingExtra>): Finding {
  const def = catalogue[code];
  produced(code);
  const f: Finding = { code, severity: extra.severity ?? def.severity, ...loc, params: (params ?? {}) as Params };
  if (extra.value !== undefined) f.value = extra.value;
  if (extra.expected !== undefined) f.expected = extra.expected;
  return f;
}

/** The message of a finding in a language. */
export function messageOf(f: Finding, lang: Lang): string {
  if (!isFindingCode(f.code)) return f.code;
  const def = catalogue[f.code];
  // the location fills a template's row/value/expected when its parameters do not (a message never shows an empty line number)
  const p = f.params as Params & FromLocation;
  return def.message[lang]({ ...p, row: p.row ?? f.row, value: p.value ?? f.value, expected: p.expected ?? f.expected });
}

export function titleOf(code: string, lang: Lang): string {
  return isFindingCode(code) ? catalogue[code].title[lang] : code;
}

/** The shape of a finding in the JSON output (docs/reference.md "JSON output"): fields in a stable order, absent ones omitted. */
export function render(f: Finding, lang: Lang): RenderedFinding {
  const out: RenderedFinding = { code: f.code, severity: f.severity } as RenderedFinding;
  for (const k of ['file', 'sheet', 'cell', 'row', 'column', 'value', 'expected'] as const) {
    const v = f[k];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  if (f.omitted !== undefined) out.omitted = f.omitted;
  out.message = messageOf(f, lang);
  return out;
}

/** Counts of problems by severity: a findings-omitted counts as the findings it stands for. */
export function countBySeverity(fs: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0,
    warnings = 0,
    infos = 0;
  for (const f of fs) {
    const n = f.omitted ?? 1;
    if (f.severity === 'error') errors += n;
    else if (f.severity === 'warning') warnings += n;
    else infos += n;
  }
  return { errors, warnings, infos };
}

/**
 * One finding per problem: the same code at the same place (file, sheet, cell, row) with the same
 * value, as when `report` runs validate, aggregate and check over the same file, counts once.
 */
export function dedupeFindings<F extends Finding>(fs: readonly F[]): F[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = [f.code, f.file, f.sheet, f.cell, f.row, f.value].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Stable order for reports: by file, then row, then column letter, then severity. */
export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') ||
      cmp(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colIndex(a.cell) - colIndex(b.cell) ||
      order[a.severity] - order[b.severity] ||
      cmp(a.code, b.code),
  );
}

function colIndex(cell?: string): number {
  if (!cell) return 0;
  const m = /^([A-Z]+)/.exec(cell);
  return m ? colNumber(m[1]!) : 0;
}

/** Code-point comparison: independent of the machine's locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
