import type { GridCell } from '../workbook/grid.js';
import type { Annex2Key } from '../layout/annex2.js';
import type { FigureKey } from '../layout/annex1.js';

/** One cell of an annex as read: where it is, what it holds, and its cleaned text. */
export interface Field {
  ref: string;
  row: number;
  col: number;
  /** the header text the user sees for this column */
  header: string;
  cell: GridCell | undefined;
  /** cleaned display text ('' when empty) */
  text: string;
  /** Annex 1: the value of a formula computed from the sheet, because the file holds no result or says its results are stale (annex1/recompute.ts) */
  recomputed?: number;
}

export interface MetaText {
  text: string;
  ref: string;
}

/** The metadata line(s) above (or below) the table: 填报单位, 填报时间/填表时间, 联系人, 电话. */
export interface Meta {
  unit?: MetaText;
  date?: MetaText;
  contact?: MetaText;
  phone?: MetaText;
}

export interface ColumnPos {
  col: number;
  /** the header text found in the file */
  header: string;
}

export interface Annex2Row {
  row: number;
  /** By column. The reader's rows make a Field each time one is read (readAnnex2 keeps the cells
   *  column by column): read the columns you need; the object has no own keys to enumerate. */
  fields: Partial<Record<Annex2Key, Field>>;
  hidden: boolean;
}

export interface Annex2Doc {
  kind: 'annex2';
  sheet: string;
  headerRow: number;
  columns: Partial<Record<Annex2Key, ColumnPos>>;
  missing: Annex2Key[];
  meta: Meta;
  rows: Annex2Row[];
}

export interface Annex1Row {
  row: number;
  district: Field;
  figures: Partial<Record<FigureKey, Field>>;
  hidden: boolean;
}

export interface Annex1Doc {
  kind: 'annex1';
  sheet: string;
  headerRows: number[];
  districtCol: number;
  columns: Partial<Record<FigureKey, ColumnPos>>;
  missing: FigureKey[];
  meta: Meta;
  rows: Annex1Row[];
  /** the 合计 row, when present */
  total?: Annex1Row;
  /** formula figures computed from the sheet (Field.recomputed) and why: the workbook's fullCalcOnLoad, or formulas without a result */
  recomputed?: { cells: string[]; because: 'calc-on-load' | 'no-cached-value' };
}

export type AnnexDoc = Annex1Doc | Annex2Doc;
