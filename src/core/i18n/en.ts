import { periodLabelEn } from '../roster/period.js';
import type { Labels } from './zh.js';

/** An English count: "1 error", "2 errors", "1 entry", "3 entries". */
function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

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
  report: {
    /** a reporting period as words (2024年第三季度, 2024 Q3) */
    period: periodLabelEn,
    listSep: ', ',
    row: (n: number) => `row ${n}`,
    errorsWarnings: (e: number, w: number) => `${count(e, 'error')}, ${count(w, 'warning')}`,
    filesSummary: (files: number, e: number, w: number) => `${count(files, 'file')}: ${count(e, 'error')}, ${count(w, 'warning')}.`,
    kind: { annex1: 'Annex 1', annex2: 'Annex 2' },
    unit: 'Unit',
    criterion: ['', 'I', 'II', 'III', 'IV', 'V'],

    validateText: {
      title: (asOf: string) => `zmqd validate · as of ${asOf}`,
      unrecognised: 'not recognised',
      enterprises: (n: number) => count(n, 'enterprise'),
      dataRows: (n: number) => `${n} data rows`,
      noProblems: 'no problems',
    },

    aggregateText: {
      columns: { listed: 'Listed', onsite: 'On-site', offsite: 'Off-site', penalty: 'Penalty', relief: 'Relief', service: 'Service' },
      status: { missing: 'not reported', unreadable: 'figures unreadable, not counted', duplicate: 'duplicate, not counted' } as Record<string, string>,
      periodFrom: { option: 'from --period', files: 'inferred from the files', assumed: 'assumed' },
      title: (period: string, how: string, roster: number, reported: number) => `zmqd aggregate · ${period} (${how}) · ${count(roster, 'unit')}, ${reported} counted`,
      previous: (period: string, restart: boolean) => `Previous: ${period} (own activity = this − previous${restart ? '; a new year: running counts restart' : ''})`,
      total: 'Total',
      thisPeriod: 'This period',
      missing: (n: number, list: string) => `Not reported (${n}): ${list}`,
      unreadable: (n: number, list: string) => `Figures unreadable, not in the total (${n}): ${list}`,
      duplicate: (n: number, list: string) => `Duplicates not in the total (${n}): ${list}`,
      previousMissing: (n: number, list: string) => `No previous figures, left out of the increment (${n}): ${list}`,
      allCounted: (roster: number) => `All ${roster} units reported and counted.`,
      findings: 'Findings:',
      overall: '(overall)',
      foot: 'Note: Off-site, Relief and Service add up their sub-columns; all 14 figures and each unit\'s own activity are in the --out workbook and --format json.',
    },

    checkText: {
      title: (asOf: string) => `zmqd check · as of ${asOf}`,
      verdict: (v: boolean | null) => (v === true ? 'eligible' : v === false ? 'not eligible' : 'cannot tell'),
      facts: (declared: string, includedOn: string | null, validUntil: string | null) => [`declared ${declared || '—'}`, `included ${includedOn ?? '—'}`, `valid to ${validUntil ?? '—'}`],
      meets: (criteria: string) => `meets ${criteria} while listed`,
      verdicts: (whileListed: string, atInclusion: string | null) => `verdict: while listed ${whileListed}, at inclusion ${atInclusion ?? 'cannot tell (no inclusion date)'}`,
      dataFile: (label: string, file: string, encoding: string | null, rows: number, invalid: number) => `${label}: ${file} (${encoding ? `${encoding}, ` : ''}${rows} usable rows${invalid ? `, ${invalid} unusable` : ''})`,
      noMonitoring: 'online monitoring: not given (monitoring conditions cannot be told)',
      // 稳定达标 is the name of the column in the monitoring export
      stableRate: (pct: number) => `stable-rate threshold: ${pct}% (only for records without 稳定达标; --stable-rate)`,
      quietUnit: (unit: string, n: number) => `${unit} (${n})`,
      unitCounts: (n: number) => `${count(n, 'entry', 'entries')}: `,
      actionHeading: (action: string, n: number) => `  ${action} (${n})`,
      quiet: (n: number, units: string) => `Nothing to do (${n} ${n === 1 ? 'unit' : 'units'}, every entry eligible): ${units}`,
      okNotListed: (n: number) => `${count(n, 'eligible entry', 'eligible entries')} needing nothing are not listed (--all lists every entry).`,
      noEntries: 'No Annex 2 entries were read.',
      otherFindings: 'Other findings (data files, unreadable lists)',
      summary: (s: { entries: number; eligible: number; ineligible: number; unverifiable: number; expired: number; expiring: number; mustRemove: number; neverAgain: number; objectionUpheld: number }, e: number, w: number) =>
        `${count(s.entries, 'entry', 'entries')} (while listed): ${s.eligible} eligible, ${s.ineligible} not eligible, ${s.unverifiable} cannot tell; ${s.expired} expired, ${s.expiring} expiring; ${s.mustRemove} must be removed, ${s.neverAgain} may never be listed again${s.objectionUpheld ? `, ${s.objectionUpheld} with an objection upheld` : ''}. ${count(e, 'error')}, ${count(w, 'warning')}.`,
    },

    collectText: {
      title: (period: string, deadline: string, mailbox: string) => `zmqd collect · ${period} · deadline ${deadline} · ${mailbox}`,
      fetched: (now: number, all: number) => `${now} messages fetched now; ${all} of this period in all`,
      late: ' late',
      resent: (n: number) => ` +${n}`,
      head: ['Unit', 'Annex 1', 'Annex 2', 'Article', 'Case'],
      summaryColumn: 'Summary',
      tally: (submitted: number, all: number, late: number, missing: string[]) => `${submitted}/${all} submitted, ${late} late, ${missing.length} missing${missing.length ? `: ${missing.join(', ')}` : ''}`,
      // 未识别单位- is the prefix of the saved files' names, which are Chinese in both languages
      unassigned: (n: number) => `${n} messages of unknown unit (attachments saved as 未识别单位-…)`,
      findings: 'Findings',
      total: (e: number, w: number, out: string) => `${e} errors, ${w} warnings. Inbox folder: ${out}`,
    },

    checkWorkbook: {
      action: 'Action needed', results: 'Verdicts', summary: 'Summary', other: 'Other findings',
      headers: ['District', 'File', 'Row', 'Enterprise', 'USCC', 'Included on', 'Valid until', 'Validity', 'Declared', 'Meets while listed', 'Met at inclusion', 'May stay', 'Grounds (while listed)', 'Rightly listed', 'Grounds (at inclusion)', 'Never again', 'Must remove', 'Action', 'Other reasons', 'Other findings'],
      actionHeaders: ['Action', 'Row', 'Enterprise', 'USCC', 'Declared', 'Included on', 'Valid until', 'May stay (and why)', 'Rightly listed (and why)', 'Other reasons and findings'],
      validity: { valid: 'valid', expiring: 'expiring', expired: 'expired', unknown: 'unknown' } as Record<string, string>,
      verdict: (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'cannot tell'),
      noDate: 'no inclusion date: cannot tell',
      yes: 'yes', no: 'no', none: '—',
      summaryRows: {
        asOf: 'As of', entries: 'Entries', action: 'Action needed',
        eligible: 'Eligible while listed', ineligible: 'Not eligible while listed', unverifiable: 'Cannot tell',
        ineligibleAtInclusion: 'Not eligible at inclusion',
        expired: 'Expired', expiring: 'Expiring',
        // the clauses of the notice are cited as the notice numbers them
        mustRemove: 'Must remove (三(九))', neverAgain: 'Never again (malicious violation, 三(四))', objectionUpheld: 'Objection upheld (三(三))',
        // 达标率 and 稳定达标 are the columns of the monitoring export
        stableRate: 'Stable-rate threshold (达标率 without 稳定达标)', errors: 'Errors', warnings: 'Warnings',
      },
      dataHeaders: ['Data', 'File', 'Format', 'Encoding', 'Usable rows', 'Unusable rows'],
      otherHeaders: ['File', 'Sheet', 'Cell', 'Row', 'Severity', 'Code', 'Message'],
      title: (d: string) => `Positive-list check (as of ${d})`,
      actionTitle: (d: string, n: number, all: number) => `Listed enterprises needing action (as of ${d}): ${n} of ${all}`,
      districtLine: (unit: string, files: string, n: number, all: number) => `${unit}   ${n} of ${all} need action   ${files}`,
      nothing: 'No listed enterprise needs action.',
      files: (n: number, list: string) => ` (${n} files of this kind: ${list})`,
      nFiles: (n: number) => `${n} files`,
      more: ' …',
    },

    findingsWorkbook: {
      title: 'Positive-list annex validation findings',
      asOf: 'As of: ',
      counts: (f: number, e: number, w: number, i: number) => `${f} file(s); ${e} error(s), ${w} warning(s), ${i} note(s)`,
      summary: 'Summary',
      findings: 'Findings',
      byCode: 'By code',
      summaryHeaders: ['File', 'Kind', 'Unit', 'Rows', 'Errors', 'Warnings'],
      findingHeaders: ['File', 'Sheet', 'Cell', 'Row', 'Column', 'Severity', 'Code', 'Message', 'Value', 'Expected'],
      codeHeaders: ['Code', 'Title', 'Severity', 'Count'],
      total: 'Total',
      none: 'No findings.',
      kind: { annex1: 'Annex 1', annex2: 'Annex 2', null: 'not recognised' } as Record<string, string>,
    },

    reportWorkbook: {
      title: (p: string) => `Positive-list submissions and findings, ${p}`,
      sub: (a: string) => `As of ${a}. Each unit's errors and warnings cover every step (validation, aggregation, eligibility check, cross-checks), each problem once, and match the unit's own sheet.`,
      unitTitle: (u: string, p: string) => `${u}: positive-list findings, ${p}`,
      unitCounts: (a: string, e: number, w: number, i: number) => `As of ${a}: ${e} error(s), ${w} warning(s)${i ? `, ${i} note(s)` : ''}. Correct the errors and submit again; check the warnings and keep what is right.`,
      unitFiles: (f: string[]) => `Files: ${f.join('; ')}`,
      otherTitle: (p: string) => `Findings of no unit, ${p}`,
      otherSub: (a: string) => `As of ${a}: problems in the enforcement-data files and in files whose unit could not be told.`,
      summary: 'Summary',
      other: 'Other findings',
      unknown: '(unknown unit)',
      headers: ['No.', 'Unit', 'Annex 1', 'Annex 2', 'Result', 'Errors', 'Warnings', 'Enterprises', 'Expired'],
      yes: 'received',
      no: 'missing',
      ok: 'passed',
      bad: 'errors',
      none: '—',
    },

    submissionsSheet: {
      sheet: 'Submissions',
      title: (p: string, d: string) => `Submissions, ${p} (deadline ${d})`,
      headers: ['No.', 'Unit', 'Annex 1 received', 'Status', 'Annex 2', 'Article', 'Typical case', 'Resubmitted', 'Publication link'],
      annual: ['Annual Annex 1', 'Annual summary'],
      onTime: 'on time',
      late: 'late',
      missing: 'missing',
      none: '—',
    },

    page: {
      title: 'Positive-list annex self-check',
      offline: 'This page works offline: your files are checked in this browser and never uploaded. The rules are exactly those of the city bureau\'s zmqd validate.',
      switchLang: '中文',
      asOf: 'As-of date (for validity)',
      district: 'Your reporting unit',
      anyUnit: '(not specified)',
      // 两江新区 is the unit's name as the roster spells it
      former: 'Merged into 两江新区 (last quarter\'s reports only)',
      drop: 'Drop your Annex 1 and Annex 2 files here, or press here to choose them',
      dropHint: 'Several .xlsx files at once; save a legacy .xls/.et as .xlsx in Excel/WPS first',
      chosen: 'Files to check:',
      clear: 'Clear',
      working: (i: number, n: number, name: string) => `Checking file ${i} of ${n}: ${name}`,
      elapsed: (s: number) => `${s} s so far`,
      failed: (m: string) => `An internal error occurred; please send this to the city bureau: ${m}`,
      noWorker: 'This browser does not let the page start its background checker (Web Worker); open it in a current Chrome, Edge, Firefox, 360 or QQ browser.',
      report: 'Download the findings (Excel)',
      reportFile: 'findings.xlsx',
      template1: 'Blank template: Annex 1',
      template2: 'Blank template: Annex 2',
      sumBad: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''}: fix them as described below and check again.`,
      sumWarn: (w: number) => `No errors; ${w} warning${w === 1 ? '' : 's'}: check each one, and keep what is right.`,
      sumGood: 'No problems found: ready to submit.',
      sumFiles: (n: number, ms: number) => `${n} file${n === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)} s; as of `,
      kind: { annex1: 'Annex 1', annex2: 'Annex 2', null: 'Not recognised' } as Record<string, string>,
      rows: (k: string | null, n: number) => (k === 'annex2' ? `${n} enterprise${n === 1 ? '' : 's'}` : k === 'annex1' ? `${n} row${n === 1 ? '' : 's'}` : ''),
      counts: (e: number, w: number) => (e || w ? `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` : 'no problems'),
      thSev: 'Severity',
      thCell: 'Cell',
      thMsg: 'Problem and what to do',
      wholeFile: 'whole file',
      showCell: (c: string) => `Show ${c} in the preview`,
      more: (n: number) => `${n} more not listed here: download the findings workbook for all of them.`,
      preview: (sheet: string) => `Sheet preview: ${sheet}`,
      rowsOf: (a: number, b: number, n: number) => `data rows ${a}–${b} of ${n}`,
      prev: 'Previous',
      next: 'Next',
      row: 'Row',
      legend: { error: 'error', warning: 'warning' },
      footer: (version: string) => `Self-check page for the annexes of Chongqing's environmental-enforcement positive list · zmqd ${version}`,
    },

    cli: {
      rowsRead: (n: number) => `${n.toLocaleString('en-US')} rows read`,
      validating: 'validating',
      checking: 'checking',
      readingCurrent: 'reading',
      readingPrevious: 'previous',
      findingsWritten: (out: string) => `Findings written to ${out}`,
      verdictsWritten: (out: string) => `Verdicts written to ${out}`,
      aggregateWritten: (period: string, out: string) => `City-wide Annex 1 for ${period} written to ${out}`,
      connecting: (mailbox: string, folder: string) => `Connecting to ${mailbox} (${folder}, read-only)`,
      mailboxChanged: 'The mailbox UIDVALIDITY or account changed: fetching everything again',
      newMessages: (n: number, known: number) => `${n} new messages (${known} fetched before are not downloaded again)`,
      fetchedBeforeFailure: (n: number) => `${n} messages were fetched and recorded; the next run continues from there.`,
      inbox: (out: string, file: string) => `Inbox folder: ${out} (${file})`,
    },
  },
};
