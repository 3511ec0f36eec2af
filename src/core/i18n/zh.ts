/**
 * Every label and phrase zmqd shows in Chinese, outside the finding catalogue's own templates:
 * severities, kinds of data, reasons a value was refused, headings of the text reports. The
 * English module (`en.ts`) has the same shape (`Labels`), so a label missing in English fails
 * to compile instead of showing Chinese.
 *
 * Add a label: here, under its section, then in `en.ts`. Each section is owned by the part of
 * the code that uses it; keep sections apart so that they can grow independently.
 */
export const zh = {
  /** a finding's severity, the same word everywhere (terminal, workbooks, page) */
  severity: { error: '错误', warning: '警告', info: '提示' },

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

/** The shape both languages have. */
export type Labels = typeof zh;
