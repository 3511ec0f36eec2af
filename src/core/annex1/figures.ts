import { FIGURE_KEYS, type FigureKey, type Figures } from '../layout/annex1.js';
import type { Annex1Doc, Annex1Row } from '../reader/types.js';
import { cellCount } from '../values/cell.js';
import type { CountFault } from '../values/numbers.js';

/**
 * Why a figure cell is not a count, as data (number-invalid's parameters; the labels' `value.figureFault`
 * phrases it): what parsing the value found, a formula without a result, or an error value —
 * `cell-error` when the cell itself holds it, `error-value` when a count was asked of one.
 */
export type FigureFault = { fault: CountFault | 'formula-no-value' } | { fault: 'error-value' | 'cell-error'; error: string };

/** How one Annex 1 figure cell was read. */
export type FigureRead =
  | { kind: 'ok'; value: number; asText: boolean }
  | { kind: 'blank' }
  | { kind: 'absent' } // the column is missing from the header
  | { kind: 'invalid'; fault: FigureFault }
  | { kind: 'no-value'; formula: string }
  | { kind: 'error-value'; error: string };

export interface UnitFigures {
  row: Annex1Row;
  /** the 地市 text as written */
  unitText: string;
  reads: Record<FigureKey, FigureRead>;
  /** every figure as a number, when all 14 are readable (blank counts as 0 only in a wholly blank row or as a warned blank) */
  values: Figures | null;
  /** all 14 figures blank */
  blank: boolean;
}

export interface Annex1Parsed {
  rows: UnitFigures[];
  total?: UnitFigures;
}

export function readFigure(row: Annex1Row, key: FigureKey): FigureRead {
  const f = row.figures[key];
  if (!f) return { kind: 'absent' };
  if (!f.cell && f.text === '') return { kind: 'blank' };
  // a formula whose result the file does not hold (or holds stale): the value Excel will show
  if (f.recomputed !== undefined) return fromCount(cellCount({ t: 'n', v: f.recomputed }));
  const cell = f.cell!;
  if (cell.t === 'z') return { kind: 'no-value', formula: cell.formula ?? '' };
  if (cell.t === 'e') return { kind: 'error-value', error: String(cell.v) };
  if (f.text === '' && cell.t === 's') return { kind: 'blank' };
  return fromCount(cellCount(cell));
}

function fromCount(r: ReturnType<typeof cellCount>): FigureRead {
  if (r.ok) return { kind: 'ok', value: r.value, asText: r.asText };
  if ('fault' in r) return { kind: 'invalid', fault: { fault: r.fault } };
  return { kind: 'invalid', fault: r.reason === 'error-value' ? { fault: 'error-value', error: r.code ?? '' } : { fault: 'formula-no-value' } };
}

export function parseUnitRow(row: Annex1Row): UnitFigures {
  const reads = {} as Record<FigureKey, FigureRead>;
  for (const k of FIGURE_KEYS) reads[k] = readFigure(row, k);
  const blank = FIGURE_KEYS.every((k) => reads[k].kind === 'blank');
  let values: Figures | null = {} as Figures;
  for (const k of FIGURE_KEYS) {
    const r = reads[k];
    if (r.kind === 'ok') values[k] = r.value;
    else if (r.kind === 'blank') values[k] = 0;
    else {
      values = null;
      break;
    }
  }
  return { row, unitText: row.district.text, reads, values, blank };
}

export function parseAnnex1(doc: Annex1Doc): Annex1Parsed {
  return { rows: doc.rows.map(parseUnitRow), total: doc.total ? parseUnitRow(doc.total) : undefined };
}
