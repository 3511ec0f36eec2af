/** Enforcement data as the criteria engine sees it: one typed record per usable row, with where it came from. */
import type { IsoDate } from '../values/dates.js';

export type DataKind = 'inspections' | 'credit' | 'monitoring' | 'objections';
export const DATA_KINDS: readonly DataKind[] = ['inspections', 'credit', 'monitoring', 'objections'];

/** Environmental credit grades, best first; how each is written and read is in grades.ts. */
export type Grade = 'trustworthy' | 'good' | 'warning' | 'bad';

/** A sentence in both languages; reporters pick one. */
export interface Text {
  zh: string;
  en: string;
}

/** Where a record came from: the data file as the user named it, the sheet (xlsx) and the row a person sees. */
export interface SourceRef {
  file: string;
  sheet?: string;
  row: number;
}

export type InspectionMethod = 'onsite' | 'offsite' | 'assistance';
/** 违法情况 as written: 无 / 一般 / 严重 (null: empty or unrecognised — see `severityText`). */
export type SeverityValue = 'none' | 'minor' | 'serious';

export interface Inspection {
  uscc: string;
  name: string;
  date: IsoDate;
  /** null when 检查方式 is empty or not recognised: then the row is not an on-site inspection or a visit */
  method: InspectionMethod | null;
  methodText: string;
  severity: SeverityValue | null;
  severityText: string;
  /** 违法行为, free text */
  violationText: string;
  /** 主动报告: null when empty or not recognised */
  selfReported: boolean | null;
  src: SourceRef;
}

export interface CreditRating {
  uscc: string;
  name: string;
  grade: Grade;
  gradeText: string;
  /** the day the rating takes effect: 评价日期, else 1 January of the year after 评价年度 */
  effective: IsoDate;
  basis: 'date' | 'year';
  year?: number;
  src: SourceRef;
}

export interface MonitoringRecord {
  uscc: string;
  name: string;
  /** null = not stated or not recognised */
  installed: boolean | null;
  networked: boolean | null;
  /** 运行状态 稳定/正常 → true, 异常 → false */
  stable: boolean | null;
  /** 稳定达标 as stated (null: not stated or not recognised; then 达标率 is judged against the stable-rate setting) */
  compliant: boolean | null;
  /** 达标率 as a percentage, when given */
  rate?: number;
  /** the snapshot's date, when the export has one */
  date?: IsoDate;
  src: SourceRef;
}

/** 复核结果: 属实 (upheld: 不得纳入, 三(三)), 不属实 (rejected), or empty (not reviewed yet). */
export type ReviewResult = 'upheld' | 'rejected' | 'pending';

/** An objection to a listing raised by a department, trade association or social organisation, and its review (三(三)). */
export interface Objection {
  uscc: string;
  name: string;
  /** 异议来源, free text */
  source: string;
  result: ReviewResult;
  resultText: string;
  /** 复核日期, when given */
  date?: IsoDate;
  src: SourceRef;
}

export interface DataRowOf {
  inspections: Inspection;
  credit: CreditRating;
  monitoring: MonitoringRecord;
  objections: Objection;
}
