import type { Labels } from './zh.js';

/** Every label and phrase zmqd shows in English: the same shape as `zh.ts`, section by section. */
export const en: Labels = {
  severity: { error: 'error', warning: 'warning', info: 'info' },

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {},

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {},

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {},

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {},

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {},

  // ── section: mailbox collection (collect-*) ──
  collect: {},

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},
};
