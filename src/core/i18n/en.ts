import type { Labels } from './zh.js';
import { count } from './plural.js';
import { periodLabelEn } from '../roster/period.js';

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

  // ── section: the unattended run of `zmqd report` (its progress lines and its text report) ──
  reportRun: {
    readingInbox: (inbox) => `Reading the inbox ${inbox}`,
    validating: 'validating',
    readingPrevious: 'previous',
    inboxFiles: (files, annex1, annex2, none) => `${count(files, 'file')}: ${annex1} Annex 1, ${annex2} Annex 2, ${none} not recognised`,
    notAggregated: 'Not aggregated: ',
    written: (dir) => `Reports written to ${dir}`,
    period: (p) => periodLabelEn(p),
    // the text report: labels are padded so the text after them starts in one column (13 columns here)
    title: (period, asOf) => `zmqd report · ${period} · as of ${asOf}`,
    noPeriod: 'no period',
    indent: '             ',
    severities: (errors, warnings) => `${count(errors, 'error')}, ${count(warnings, 'warning')}`,
    inbox: (files, annex1, annex2, none) => `inbox        ${count(files, 'file')}: ${annex1} Annex 1, ${annex2} Annex 2, ${none} not recognised`,
    unreadable: (n) => `${n} could not be read or recognised (ask the district to send it again):`,
    collect: (fetched, submitted, units, late, missing) => `collect      ${count(fetched, 'new message')}; ${submitted}/${units} submitted, ${late} late, ${missing} missing (see submissions.json in the inbox)`,
    validate: (sev) => `validate     ${sev}`,
    aggregate: (reported, units, listed, onsite, sev) => `aggregate    ${reported}/${units} units counted; ${count(listed, 'listed enterprise')}, ${count(onsite, 'on-site inspection')}; ${sev}`,
    missing: (units) => 'missing: ' + units.join(', '),
    notAggregatedLine: (notes) => `aggregate    not done: ${notes.join('; ')}`,
    check: (m, sev) =>
      `check        ${count(m.entries, 'entry', 'entries')}: ${m.eligible} eligible, ${m.ineligible} not, ${m.unverifiable} cannot tell, ${m.expired} expired, ${m.expiring} expiring, ${m.mustRemove} must be removed, ${m.neverAgain} never again; ${sev}`,
    notChecked: 'check        no enforcement data given (--inspections / --credit): not checked',
    crossCheck: { 'onsite-count-mismatch': 'on-site counts vs records', 'uscc-duplicate-across-districts': 'enterprises on several lists' },
    crossChecks: (sev, what) => `cross-checks ${sev}${what.length ? ` (${what.join('; ')})` : ''}`,
    repeated: (sumErrors, sumWarnings, dupErrors, dupWarnings) => ` (the steps above add up to ${count(sumErrors, 'error')} and ${count(sumWarnings, 'warning')}, less ${dupErrors} and ${dupWarnings} reported by more than one step)`,
    sumOfSteps: ' (the sum of the steps above)',
    total: (errors, warnings, how) => `in all       ${count(errors, 'error')}, ${count(warnings, 'warning')}${how}`,
    folder: (out) => `Report folder: ${out}`,
    line: (l) =>
      `${l.stamp} zmqd report ${l.period} as of ${l.asOf} exit ${l.exit}: ${count(l.files, 'file')} (${l.unreadable} unreadable)` +
      `${l.missing !== undefined ? `, ${count(l.missing, 'unit', 'units')} missing` : ''}, ${count(l.errors, 'error')}, ${count(l.warnings, 'warning')} -> ${l.out}\n`,
  },
};
