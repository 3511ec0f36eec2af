import { a1, type GridSheet } from '../workbook/grid.js';
import { ANNEX1_DISTRICT_COLUMN, ANNEX1_FIGURES, type FigureKey } from '../layout/annex1.js';
import { cellText } from '../values/cell.js';
import { cleanText } from '../values/text.js';
import { MergeIndex, colNumbers, mergedTextAt, rowNumbers, textAt } from './cells.js';
import { keyIndex, keysOf, matchKey } from './headers.js';
import { metaRows, readMeta } from './meta.js';
import type { Annex1Doc, Annex1Row, ColumnPos, Field } from './types.js';
import { needsRecompute, SumEvaluator } from '../annex1/recompute.js';

const HEADER_SCAN_ROWS = 25;
const DISTRICT_KEYS = new Set(keysOf(ANNEX1_DISTRICT_COLUMN));
const SINGLE = keyIndex(ANNEX1_FIGURES.filter((d) => !d.group));
/** group key → (sub-header key → figure) */
const GROUPS = new Map<string, Map<string, FigureKey>>();
for (const d of ANNEX1_FIGURES) {
  if (!d.group) continue;
  const g = matchKey(d.group);
  const subs = GROUPS.get(g) ?? new Map<string, FigureKey>();
  for (const k of keysOf(d)) subs.set(k, d.key);
  GROUPS.set(g, subs);
}
const TOTAL = /^(合\s*计|总\s*计|全市合计|小\s*计)$/;
const STOP = /^(说\s*明|注\s*[:：]|备\s*注|填表说明)/;

export interface Annex1Header {
  row: number;
  headerRows: number[];
  districtCol: number;
  columns: Partial<Record<FigureKey, ColumnPos>>;
  score: number;
}

/** Find Annex 1's (usually two-level, merged) header. */
export function findAnnex1Header(sheet: GridSheet): Annex1Header | null {
  const merges = new MergeIndex(sheet);
  let best: Annex1Header | null = null;
  for (const r of rowNumbers(sheet, HEADER_SCAN_ROWS)) {
    const districtCol = colNumbers(sheet, r).find((c) => DISTRICT_KEYS.has(matchKey(textAt(sheet, r, c))));
    if (districtCol === undefined) continue;
    const cand = matchFigures(sheet, merges, r, districtCol);
    const score = Object.keys(cand.columns).length;
    if (score >= 3 && (!best || score > best.score)) best = { row: r, districtCol, ...cand, score };
  }
  return best;
}

function matchFigures(sheet: GridSheet, merges: MergeIndex, r: number, districtCol: number) {
  const columns: Partial<Record<FigureKey, ColumnPos>> = {};
  const cols = new Set([...colNumbers(sheet, r), ...colNumbers(sheet, r + 1)]);
  // merged group cells may read back as blanks without merge info (exceljs #1532): carry the group right
  let carried = '';
  let twoLevel = false;
  const sorted = [...cols].filter((c) => c > districtCol).sort((a, b) => a - b);
  const maxC = sorted.length ? sorted[sorted.length - 1]! : districtCol;
  for (let c = districtCol + 1; c <= maxC; c++) {
    const upper = mergedTextAt(sheet, merges, r, c);
    const upperKey = matchKey(upper);
    const lowerMaster = merges.masterOf(r + 1, c);
    const lower = lowerMaster && lowerMaster.r <= r ? '' : mergedTextAt(sheet, merges, r + 1, c);
    if (upper) carried = GROUPS.has(upperKey) ? upperKey : '';
    const group = upper ? (GROUPS.has(upperKey) ? upperKey : '') : carried;
    let key: FigureKey | undefined;
    let header = upper;
    if (group && lower) {
      key = GROUPS.get(group)!.get(matchKey(lower));
      header = `${upper || group}/${lower}`;
      if (key) twoLevel = true;
    } else if (upper) {
      key = SINGLE.get(upperKey)?.[0] ?? flattened(upperKey);
    }
    if (key && !columns[key]) columns[key] = { col: c, header: header.replace(/\s+/g, '') };
  }
  const headerRows = twoLevel || hasVerticalMerge(merges, r, districtCol) ? [r, r + 1] : [r];
  return { columns, headerRows };
}

/** A one-row header that spells group and sub together, e.g. 减免处罚次数（清单内企业）. */
function flattened(key: string): FigureKey | undefined {
  for (const [g, subs] of GROUPS) {
    const stem = g.replace(/次数$/, '');
    if (!key.startsWith(stem)) continue;
    const rest = key
      .slice(stem.length)
      .replace(/^次数/, '')
      .replace(/^[-/_(]|\)$/g, '');
    const hit = subs.get(rest);
    if (hit) return hit;
  }
  return undefined;
}

function hasVerticalMerge(merges: MergeIndex, r: number, c: number): boolean {
  const m = merges.masterOf(r + 1, c);
  return m !== undefined && m.r === r;
}

function field(sheet: GridSheet, r: number, c: number, header: string): Field {
  const cell = sheet.rows.get(r)?.get(c);
  return { ref: a1(r, c), row: r, col: c, header, cell, text: cleanText(cellText(cell)).text };
}

/**
 * Read the Annex 1 rows below a found header, up to 合计 / 说明. `staleResults`: the workbook says
 * its formula results are stale (their figures are then computed, see annex1/recompute.ts).
 */
export function readAnnex1(sheet: GridSheet, h: Annex1Header, staleResults = false): Annex1Doc {
  const missing = ANNEX1_FIGURES.filter((d) => !h.columns[d.key]).map((d) => d.key);
  const firstData = h.headerRows[h.headerRows.length - 1]! + 1;
  const rows: Annex1Row[] = [];
  let total: Annex1Row | undefined;
  let lastRow = firstData - 1;
  const keys = Object.keys(h.columns) as FigureKey[];
  for (const r of rowNumbers(sheet)) {
    if (r < firstData) continue;
    const label = textAt(sheet, r, h.districtCol);
    const lead = label || firstTextBefore(sheet, r, h.districtCol);
    if (STOP.test(lead)) break;
    const figures: Partial<Record<FigureKey, Field>> = {};
    let filled = false;
    for (const k of keys) {
      const pos = h.columns[k]!;
      const f = field(sheet, r, pos.col, pos.header);
      figures[k] = f;
      if (f.text !== '' || f.cell?.t === 'z') filled = true;
    }
    const row: Annex1Row = { row: r, district: field(sheet, r, h.districtCol, '地市'), figures, hidden: sheet.hiddenRows.has(r) };
    lastRow = r;
    if (TOTAL.test(lead.replace(/\s+/g, ''))) {
      total = row;
      break;
    }
    if (!label && !filled) continue;
    rows.push(row);
  }
  const doc: Annex1Doc = {
    kind: 'annex1',
    sheet: sheet.name,
    headerRows: h.headerRows,
    districtCol: h.districtCol,
    columns: h.columns,
    missing,
    meta: readMeta(sheet, metaRows(sheet, h.row, lastRow, 8)),
    rows,
    total,
  };
  recompute(sheet, doc, staleResults);
  return doc;
}

/**
 * Figures whose formula results the file does not hold (or says are stale) get the value Excel would show:
 * in a workbook flagged stale every formula figure (a script's cached 0 is no figure); otherwise only the
 * 合计 row's formulas without a result — a district's own figure whose formula has no result stays
 * `formula-no-value` for the district to fill in.
 */
function recompute(sheet: GridSheet, doc: Annex1Doc, staleResults: boolean): void {
  let evaluator: SumEvaluator | undefined;
  const cells: string[] = [];
  const rows = staleResults ? [...doc.rows, ...(doc.total ? [doc.total] : [])] : doc.total ? [doc.total] : [];
  for (const row of rows) {
    for (const f of Object.values(row.figures)) {
      if (!f || !needsRecompute(f.cell, staleResults)) continue;
      evaluator ??= new SumEvaluator(sheet, staleResults);
      const v = evaluator.cellValue(f.row, f.col);
      if (v === undefined) continue;
      f.recomputed = v;
      cells.push(f.ref);
    }
  }
  if (cells.length) doc.recomputed = { cells, because: staleResults ? 'calc-on-load' : 'no-cached-value' };
}

function firstTextBefore(sheet: GridSheet, r: number, col: number): string {
  for (const c of colNumbers(sheet, r)) {
    if (c > col) break;
    const t = textAt(sheet, r, c);
    if (t) return t;
  }
  return '';
}
