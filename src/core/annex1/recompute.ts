/**
 * Annex 1 written by a script: openpyxl, xlsx-populate, excel4node store no cached result for the
 * 合计 formulas, XlsxWriter (pandas' other engine) stores 0, and they mark the workbook
 * `fullCalcOnLoad` so that Excel recalculates on opening. What Excel then shows is the formula's
 * value, not what the file stores. For the plain sums the annex uses (`SUM(B6:B46)`, `B6+B7`,
 * `SUM(E6:H6)`), that value is computed here from the sheet's own figures.
 *
 * A formula is recomputed only when the file's cached result cannot be trusted: the workbook says
 * its results are stale (GridWorkbook.staleResults), or the formula has no cached result. A cached
 * result in a file that is not flagged stale is what Excel shows and is judged as it is.
 */
import { type GridCell, type GridSheet, parseA1 } from '../workbook/grid.js';

/** Why the file's formula results were not used. */
export type RecomputeReason = 'calc-on-load' | 'no-cached-value';

/** Does this cell's formula need computing rather than its cached result? */
export function needsRecompute(cell: GridCell | undefined, staleResults: boolean): boolean {
  return cell?.formula !== undefined && (staleResults || cell.t === 'z');
}

type Tok = { k: 'num'; v: number } | { k: 'ref'; r: number; c: number } | { k: 'op'; v: string } | { k: 'sum' };

const TOKEN = /\s*(?:(SUM)\s*\(|(\$?[A-Z]{1,3}\$?\d+)|(\d+(?:\.\d+)?)|([-+(),:]))/iy;

function tokenize(formula: string): Tok[] | undefined {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let s = formula.trim();
  if (s.startsWith('=')) s = s.slice(1);
  while (TOKEN.lastIndex < s.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m || m.index !== at) {
      // only trailing blanks may be left
      return s.slice(at).trim() === '' ? out : undefined;
    }
    if (m[1]) out.push({ k: 'sum' });
    else if (m[2]) {
      const { r, c } = parseA1(m[2]);
      out.push({ k: 'ref', r, c });
    } else if (m[3]) out.push({ k: 'num', v: Number(m[3]) });
    else out.push({ k: 'op', v: m[4]! });
  }
  return out;
}

/**
 * Evaluates plain sums on one sheet: numbers, cell references, `SUM(…)` of ranges, references and
 * sums, `+`, `-` and parentheses. Anything else (other functions, other sheets, text operands,
 * error values, circular references) is not evaluated: undefined.
 */
export class SumEvaluator {
  private readonly memo = new Map<string, number | undefined>();
  private readonly active = new Set<string>();

  constructor(
    private readonly sheet: GridSheet,
    private readonly staleResults: boolean,
  ) {}

  /** The value Excel would show for this formula cell, or undefined when it is not a plain sum. */
  cellValue(r: number, c: number): number | undefined {
    const key = `${r},${c}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.active.has(key)) return undefined; // circular
    this.active.add(key);
    const v = this.evalCell(this.sheet.rows.get(r)?.get(c), true);
    this.active.delete(key);
    this.memo.set(key, v);
    return v;
  }

  evaluate(formula: string): number | undefined {
    const toks = tokenize(formula);
    if (!toks || toks.length === 0) return undefined;
    const p = { i: 0 };
    const v = this.expr(toks, p);
    return p.i === toks.length ? v : undefined;
  }

  /** A cell as an operand: direct (`B6+B7`: text is not a number) or inside a range (SUM skips text). */
  private evalCell(cell: GridCell | undefined, direct: boolean): number | undefined {
    if (!cell) return 0;
    if (needsRecompute(cell, this.staleResults)) return cell.formula === undefined ? undefined : this.evaluate(cell.formula);
    switch (cell.t) {
      case 'n':
        return cell.v as number;
      case 's':
        if (String(cell.v ?? '').trim() === '') return 0;
        return direct ? undefined : 0;
      case 'b':
        return direct ? undefined : 0;
      default:
        return undefined;
    }
  }

  private ref(r: number, c: number, direct: boolean): number | undefined {
    const cell = this.sheet.rows.get(r)?.get(c);
    if (needsRecompute(cell, this.staleResults)) return this.cellValue(r, c);
    return this.evalCell(cell, direct);
  }

  private expr(t: Tok[], p: { i: number }): number | undefined {
    let acc = this.term(t, p);
    while (acc !== undefined && p.i < t.length) {
      const op = t[p.i]!;
      if (op.k !== 'op' || (op.v !== '+' && op.v !== '-')) break;
      p.i++;
      const rhs = this.term(t, p);
      acc = rhs === undefined ? undefined : op.v === '+' ? acc + rhs : acc - rhs;
    }
    return acc;
  }

  private term(t: Tok[], p: { i: number }): number | undefined {
    const tok = t[p.i++];
    if (!tok) return undefined;
    if (tok.k === 'num') return tok.v;
    if (tok.k === 'op' && (tok.v === '-' || tok.v === '+')) {
      const v = this.term(t, p);
      return v === undefined ? undefined : tok.v === '-' ? -v : v;
    }
    if (tok.k === 'op' && tok.v === '(') {
      const v = this.expr(t, p);
      return this.take(t, p, ')') ? v : undefined;
    }
    if (tok.k === 'ref') {
      if (this.peek(t, p, ':')) return undefined; // a range outside SUM
      return this.ref(tok.r, tok.c, true);
    }
    if (tok.k === 'sum') {
      let total = 0;
      for (;;) {
        const v = this.sumArg(t, p);
        if (v === undefined) return undefined;
        total += v;
        if (this.take(t, p, ',')) continue;
        return this.take(t, p, ')') ? total : undefined;
      }
    }
    return undefined;
  }

  private sumArg(t: Tok[], p: { i: number }): number | undefined {
    const a = t[p.i];
    const b = t[p.i + 1];
    const c = t[p.i + 2];
    if (a?.k === 'ref' && b?.k === 'op' && b.v === ':' && c?.k === 'ref') {
      p.i += 3;
      const [r1, r2, c1, c2] = [Math.min(a.r, c.r), Math.max(a.r, c.r), Math.min(a.c, c.c), Math.max(a.c, c.c)];
      let total = 0;
      // only the cells present: an empty cell adds 0, and SUM(B6:B1048576) must not walk a million rows
      for (const [r, row] of this.sheet.rows) {
        if (r < r1 || r > r2) continue;
        for (const col of row.keys()) {
          if (col < c1 || col > c2) continue;
          const v = this.ref(r, col, false);
          if (v === undefined) return undefined;
          total += v;
        }
      }
      return total;
    }
    if (a?.k === 'ref' && !(b?.k === 'op' && b.v !== ',' && b.v !== ')')) {
      // a lone reference inside SUM: text is skipped as in a range
      p.i++;
      return this.ref(a.r, a.c, false);
    }
    return this.expr(t, p);
  }

  private peek(t: Tok[], p: { i: number }, op: string): boolean {
    const x = t[p.i];
    return x?.k === 'op' && x.v === op;
  }

  private take(t: Tok[], p: { i: number }, op: string): boolean {
    if (!this.peek(t, p, op)) return false;
    p.i++;
    return true;
  }
}
