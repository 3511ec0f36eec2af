import type { DuplicateDecision, FilePeriodShown, PeriodEvidence, PeriodWhy, Where } from '../findings/params.js';
import type { HiddenData } from '../findings/params.js';
import { periodLabelEn, type Period } from '../roster/period.js';
import { fmtBytes } from '../workbook/bytes.js';
import type { FallbackRefusal, FastCause, FastFailure, NotWorkbook, TooLarge, Unreadable, ZipFailure } from '../workbook/reasons.js';
import type { Labels } from './zh.js';
import { enPage, enSeverity } from './en-page.js';
import { count } from './plural.js';
// ── phrases of the section `file` (the reader's reasons, as data in workbook/reasons.ts) ──

const BROKEN = 'the file is incomplete or damaged';

const NOT_WORKBOOK: Record<NotWorkbook, string> = {
  pdf: 'the file is a PDF, not an Excel workbook',
  archive: 'the file is an archive (RAR/7z/gzip), not an Excel workbook',
  image: 'the file is an image, not an Excel workbook',
  'xml-2003': 'the file is an Excel 2003 XML spreadsheet, not an .xlsx workbook',
  html: 'the file is a web page (HTML), not an Excel workbook',
  text: 'the file is plain text (e.g. CSV), not an Excel workbook',
  unknown: 'not an Excel workbook',
  doc: 'the file is a Word document (.doc), not an Excel workbook',
  ppt: 'the file is a PowerPoint presentation, not an Excel workbook',
  docx: 'the file is a Word document (.docx), not an Excel workbook',
  pptx: 'the file is a PowerPoint presentation (.pptx), not an Excel workbook',
  xlsb: 'the file is an Excel binary workbook (.xlsb); save it as .xlsx',
  ods: 'the file is an OpenDocument file (e.g. .ods), not an .xlsx workbook',
  'empty-zip': 'an empty zip archive, not an Excel workbook',
  zip: 'a zip archive but not an Excel workbook (no xl/workbook.xml)',
  'spanned-zip': 'a multi-part (spanned) zip, not an Excel workbook',
};

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (or the link points to nothing)',
  ELOOP: 'a symbolic link that loops',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  FIFO: 'it is a named pipe (FIFO), not a regular file',
  SOCKET: 'it is a socket, not a regular file',
  DEVICE: 'it is a device, not a regular file',
  NOTREG: 'not a regular file',
  EIO: 'an input/output error (disk or network)',
  ENAMETOOLONG: 'the path is too long',
};

function fastCause(c: FastCause): string {
  switch (c.kind) {
    case 'cell-value':
      return `cell ${c.ref}: ${c.type === 'boolean' ? `the boolean "${c.text}" cannot be read` : c.type === 'date' ? `the date "${c.text}" is not an ISO 8601 date` : `the number "${c.text}" cannot be read`}`;
    case 'cell-type':
      return `cell ${c.ref}: the cell type t="${c.type}" is not one Excel writes`;
    case 'duplicate-entry':
      return `the zip holds two entries named ${c.name}`;
    case 'too-deep':
      return `the sheet's XML elements nest more than ${c.depth} deep (many elements are never closed); the file is damaged`;
    case 'too-many-cells':
      return `too many cells: more than ${c.cells.toLocaleString('en-US')}, far beyond any annex`;
  }
}

function fastFailure(f: FastFailure): string {
  const why = f.cause ? fastCause(f.cause) : f.detail;
  return f.sheet === undefined ? `the workbook structure was not recognised (${why})` : `sheet "${f.sheet}" cannot be read (${why})`;
}

function refusal(r: FallbackRefusal): string {
  switch (r.kind) {
    case 'workbook-part':
      return `the fallback reader reads only xl/workbook.xml, and this workbook is ${r.part}`;
    case 'iso-dates':
      return `sheet "${r.sheet}" has ISO date cells (t="d"), which the fallback reader would read as years`;
    case 'lost-sheets':
      return `the fallback reader left out the sheet${r.sheets.length > 1 ? 's' : ''} "${r.sheets.join('", "')}"`;
  }
}

function unreadable(r: Unreadable): string {
  switch (r.reason) {
    case 'empty':
      return 'the file is empty (0 bytes)';
    case 'not-workbook':
      return NOT_WORKBOOK[r.kind];
    case 'broken':
      return BROKEN;
    case 'zip-password':
      return 'the zip archive is password-protected';
    case 'zip-method':
      return 'it uses an unsupported compression method';
    case 'zip-duplicate-entry':
      return `the zip holds two entries named "${r.name}", and programs differ in which one they read, so what Excel shows cannot be known; open it in Excel, check it and save as .xlsx`;
    case 'beyond-excel-limits':
      return `${r.sheet !== undefined ? `sheet "${r.sheet}": ` : ''}the sheet structure is beyond Excel's limits (${r.detail}); the file may be damaged`;
    case 'huge-merge':
      return `a merged range covers ${r.cells} cells (${r.ref}) and the file is damaged; it cannot be read`;
    case 'sheet-xml':
      return `sheet "${r.sheet}" cannot be read (its XML is damaged: ${r.detail})`;
    case 'fast':
      return fastFailure(r.failure);
    case 'fallback-refused':
      return `${fastFailure(r.failure)}; ${refusal(r.refusal)}`;
    case 'too-deep':
      return fastCause({ kind: 'too-deep', depth: r.depth });
    case 'not-a-number':
      return 'a cell holds a value that is neither a number nor an error value; what Excel shows cannot be known';
    case 'structure':
      return `the workbook structure was not recognised, possibly written by WPS or another program (${r.detail})`;
    case 'xml':
      return `the workbook's XML is damaged: ${r.detail}`;
    case 'other':
      return r.detail;
    case 'internal':
      return `internal error: ${r.detail}`;
    case 'open-failed':
      return `cannot open the file (${r.detail})`;
    case 'read-error':
      return `cannot open the file: ${en.file.readError(r.code)}`;
  }
}

function tooLarge(r: TooLarge): string {
  switch (r.reason) {
    case 'input':
      return `${(r.size / 1048576).toFixed(1)} MB, over the 50 MB limit`;
    case 'file':
      return `the file is ${fmtBytes(r.size)}, above the ${fmtBytes(r.limit)} limit`;
    case 'ratio':
      return `it inflates to at least ${fmtBytes(r.size)}, a compression ratio of ${r.ratio !== null ? r.ratio : 'infinity'}, above the limit of ${r.limit}`;
    case 'inflated':
      return `it inflates to ${r.atLeast ? 'at least' : 'about'} ${fmtBytes(r.size)}, above the ${fmtBytes(r.limit)} limit`;
    case 'too-many-cells':
      return fastCause({ kind: 'too-many-cells', cells: r.cells });
  }
}
import type { DataKind } from '../data/types.js';
import { baseName, firstOf } from './phrase.js';
import type { RowIssue } from '../data/schemas.js';

/** Every label and phrase zmqd shows in English: the same shape as `zh.ts`, section by section. */
export const en: Labels = {
  severity: enSeverity,

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {
    notWorkbook: NOT_WORKBOOK,
    zipError: (z: ZipFailure): string => (z === 'broken' ? BROKEN : NOT_WORKBOOK[z]),
    unreadable,
    /** a cause of a fast-reader failure (in English also the reader's error message) */
    fastCause,
    tooLarge,
    /** what an errno-style code of a path that cannot be opened means */
    readErrors: READ_ERRORS,
    readError: (code: string): string => {
      const r = READ_ERRORS[code];
      return r ? `${r}, ${code}` : code;
    },
    annex: { annex1: 'Annex 1', annex2: 'Annex 2' },
    hidden: (h: HiddenData): string =>
      h.sheet !== undefined ? `Sheet "${h.sheet}"` : `Row(s) ${h.rows.slice(0, h.shown).join(', ')}${h.shown !== undefined && h.rows.length > h.shown ? ' …' : ''}`,
  },

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {
    source: { cell: 'the 地市 cell', meta: 'the 填报单位 line', file: 'the file name', option: 'the --district option' },
    decides: {
      cell: 'the row holding the figures decides',
      meta: 'the 填报单位 line decides',
      file: 'the file names no unit inside, so the file name decides',
      option: 'the unit given on the command line',
    },
    list: (units: readonly string[]): string => units.join(', '),
  },

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {
    listSep: ', ',
    usccChange: { lowercase: 'lower-case letters', fullwidth: 'full-width characters', spaces: 'spaces', hidden: 'invisible characters (zero-width spaces or control characters)' },
    dateFault: (f) => {
      switch (f.fault) {
        case 'empty':
          return 'is empty';
        case 'not-a-number':
          return 'is not a number';
        case 'serial-range':
          return "is not a valid date (outside Excel's date range)";
        case 'serial-60':
          return 'is not a real date (1900-02-29 does not exist)';
        case 'before-1900':
          return `is not a valid date (year ${f.year} is before 1900)`;
        case 'no-such-month':
          return `is not a real date (there is no month ${f.month})`;
        case 'no-such-day':
          return `is not a real date (day ${f.day} does not exist)`;
        case 'days-in-month':
          return `is not a real date (${f.year}-${String(f.month).padStart(2, '0')} has ${f.days} days)`;
        case 'range-reversed':
          return 'is not a valid range (it ends before it starts)';
        case 'formula-no-value':
          return 'cannot be read as a date (a formula without a saved value)';
        case 'error-value':
          return `cannot be read as a date (the error value ${f.error})`;
        case 'boolean':
          return 'cannot be read as a date (a TRUE/FALSE value)';
        case 'not-finite':
          return 'cannot be read as a date (not a finite number)';
        case 'number':
          return `cannot be read as a date (the number ${f.number} is not a date)`;
        case 'serial-text-range':
          return 'cannot be read as a date (a 5-digit number outside the plausible Excel serial range)';
        case 'two-digit-year':
          return 'cannot be read as a date (two-digit year; write the year in full)';
        case 'year-last':
          return 'cannot be read as a date (the year must come first)';
        case 'missing-day':
          return 'cannot be read as a date (no day of the month)';
        case 'year-only':
          return 'cannot be read as a date (a year alone, no month or day)';
        case 'mixed-separators':
          return 'cannot be read as a date (mixed separators)';
        case 'unrecognised':
          return 'cannot be read as a date (not a recognised date form)';
        case 'no-end':
          return 'cannot be read as a date (no end date)';
      }
    },
    figureFault: (f) => {
      switch (f.fault) {
        case 'empty':
          return 'blank';
        case 'negative':
          return 'negative';
        case 'fraction':
          return 'not a whole number';
        case 'not-a-number':
          return 'not a number';
        case 'too-large':
          return 'too large';
        case 'boolean':
          return 'a TRUE/FALSE value, not a number';
        case 'placeholder':
          return 'a dash, slash or 无 is not a number; write 0 for none';
        case 'percent':
          return 'a percentage, not a count';
        case 'formula-no-value':
          return 'formula without a saved value';
        case 'error-value':
          return `error value ${f.error}`;
        case 'cell-error':
          return `the cell holds the error ${f.error}`;
      }
    },
    permitFault: (f) => {
      switch (f.fault) {
        case 'empty':
          return 'empty';
        case 'chars':
          return `contains the invalid character${f.chars.length > 1 ? 's' : ''} "${f.chars.slice(0, 5).join('')}${f.chars.length > 5 ? '…' : ''}"`;
        case 'length':
          return `${f.length} characters instead of 22${f.bare ? ' (the 3-digit sequence and the letter are missing)' : ''}`;
        case 'head-chars':
          return `the first 18 characters contain "${f.chars.join('')}", which a USCC never uses`;
        case 'sequence':
          return `characters 19–21 should be a 3-digit sequence, not "${f.sequence}"`;
        case 'suffix':
          return `the 22nd character should be a letter, not "${f.suffix}"`;
      }
    },
  },

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {
    period: (p: Period): string => periodLabelEn(p),
    filePeriod: (p: FilePeriodShown): string =>
      p.year !== undefined && p.quarter !== undefined
        ? periodLabelEn({ year: p.year, quarter: p.quarter })
        : p.annual
          ? p.year !== undefined
            ? `${p.year} (annual)`
            : 'an annual report'
          : p.quarter !== undefined
            ? `Q${p.quarter}`
            : p.year !== undefined
              ? String(p.year)
              : 'unknown',
    evidence: (e: PeriodEvidence): string => {
      switch (e.from) {
        case 'name+date':
          return `from the file name "${e.name}" and 填报时间 ${e.date}`;
        case 'name':
          return `from the file name "${e.name}"`;
        case 'date':
          return `from 填报时间 ${e.date}`;
        case 'name-year':
          return `from the year ${e.year} in the file name`;
        case 'none':
          return 'unknown';
      }
    },
    periodWhy: (w: PeriodWhy): string =>
      w.by === 'option'
        ? 'given by --period'
        : w.by === 'previous'
          ? `most previous files (${w.votes} of ${w.of}) report it`
          : `inferred from the names and 填报时间 of most files (${w.votes} of ${w.of})`,
    previousSet: 'the previous period (--previous)',
    where: (w: Where): string => (w.row !== undefined ? `${w.file} row ${w.row}` : w.file),
    decision: (d: DuplicateDecision): string => {
      switch (d.decision) {
        case 'identical':
          return `The figures are identical; counted once, from ${en.aggregate.where(d.counted)}. Remove the extra file.`;
        case 'later':
          return `Counted ${en.aggregate.where(d.counted)} (填报时间 ${d.counted.date}, the later one); ${d.others.map((o) => `${en.aggregate.where(o)} (${o.date})`).join(', ')} not counted. If that is wrong, remove the later file and aggregate again.`;
        case 'undecided':
          return `Which one stands cannot be told (${d.why === 'same-date' ? 'they bear the same 填报时间' : 'not every file has a readable 填报时间'}), so none of them is counted. Decide which one stands, remove the others and aggregate again.`;
      }
    },
    previousMissing: { missing: 'no previous submission', unreadable: 'the previous file could not be read', duplicate: 'the previous period had duplicate submissions' },
  },

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {
    dataKind: { inspections: 'inspection records', credit: 'credit ratings', monitoring: 'online monitoring', objections: 'objection records' },
    sources: (kinds) => (kinds.length === 2 ? 'inspection records and credit ratings' : en.check.dataKind[kinds[0]!]),
    dateField: { inspections: 'inspection date', credit: 'rating date', monitoring: 'date', objections: 'review date' },
    rowIssues: (kind, issues) => issues.map((i) => enRowIssue(kind, i)).join('; '),
    effect: {
      method: 'the inspection is not counted as on-site or as an assistance visit; its violation record still counts',
      severityWithText: 'judged from the violation text',
      severityWithoutText: 'whether there was a violation cannot be told',
      selfReported: 'treated as not stated',
      unknown: 'that condition cannot be told',
      rate: 'the rate is ignored',
    },
    where: (src) => `${baseName(src.file)}${src.sheet ? ` sheet "${src.sheet}"` : ''} row ${src.row}`,
    // eslint-disable-next-line @typescript-eslint/no-useless-default-assignment -- max is optional in Labels (zh's `max = 3`); callers pass undefined
    list: (items, max = 3) => {
      const { shown, more } = firstOf(items, max);
      return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
    },
    method: { onsite: 'on-site inspection', offsite: 'off-site inspection', assistance: 'assistance visit' },
    // eslint-disable-next-line @typescript-eslint/no-useless-default-assignment -- withViolation is optional in Labels (zh's `= true`)
    inspection: (i, withViolation = true) => {
      const m = i.method ? en.check.method[i.method] : `inspection (method "${i.methodText || 'blank'}")`;
      const v = withViolation && i.violationText ? i.violationText : '';
      const sev = withViolation && i.severityText ? i.severityText : '';
      const found = v ? ` found "${v}"` : sev ? ` violation: ${sev}` : '';
      const extra = v && sev ? `, violation: ${sev}` : '';
      return `${m} on ${i.date}${found} (${en.check.where(i.src)}${extra})`;
    },
    hitWhy: (w) => {
      switch (w.why) {
        case 'keyword':
          return `the violation text names "${w.keyword}"`;
        case 'column':
          return '违法情况 says 严重 (serious)';
        case 'crime':
          return 'a suspected crime referred to the police';
        case 'malicious':
          return `a malicious violation (${w.keyword})`;
        case 'over-limit':
          return 'over-limit discharge not reported by the enterprise';
        case 'over-limit-unstated':
          return 'over-limit discharge; whether it was self-reported is not stated';
      }
    },
    hits: (hits) => en.check.list(hits.map((h) => `${en.check.inspection(h.inspection)}; ${en.check.hitWhy(h.why)}`)),
    review: { upheld: 'upheld on review', rejected: 'rejected on review', pending: 'not reviewed yet' },
    objection: (o) =>
      `${o.source ? `objection raised by ${o.source}` : 'objection'} ${en.check.review[o.result]}${o.date ? `, reviewed ${o.date}` : ''} (${en.check.where(o.src)})`,
    objections: (os) => en.check.list(os.map((o) => en.check.objection(o))),
  },

  // ── section: mailbox collection (collect-*) ──
  collect: {
    kind: { annex1: 'Annex 1', annex2: 'Annex 2', article: 'article on highlights and results', case: 'typical case', summary: 'annual summary' },
    otherKind: 'other material',
    kinds: (ks) => ks.map((k) => en.collect.kind[k]).join(', '),
    unitSource: { subject: 'the subject', sender: 'the sender address', forwarded: "the forwarded message's subject", attachment: "the attachment's 填报单位" },
    periodSource: { attachment: 'the attachment name', date: 'the date received' },
    lacks: { unit: 'the unit', period: 'the quarter' },
    and: (parts) => parts.join(' and '),
    mimeProblem: (m) => {
      switch (m.why) {
        case 'no-blank-line':
          return 'no blank line between the headers and the body';
        case 'no-boundary':
          return 'a multipart message without a boundary parameter';
        case 'boundary-absent':
          return 'the declared boundary never occurs in the body';
        case 'unclosed':
          return 'the closing boundary is missing; the message may have been cut off';
        case 'unparsable':
          return `cannot be parsed (${m.error})`;
        case 'internal':
          return `internal error: ${m.error}`;
        case 'recorded':
          return m.en;
      }
    },
    archiveRefusal: (r) => {
      switch (r.why) {
        case 'nested':
          return 'archives nested too deep';
        case 'format':
          return `${r.ext || 'this'} archives are not unpacked automatically`;
        case 'zip':
          return r.error.error === 'broken' ? BROKEN : NOT_WORKBOOK[r.error.error];
        case 'too-many':
          return `it holds ${r.count} files, above the limit of ${r.limit}`;
        case 'encrypted':
          return 'the archive is encrypted';
        case 'entry-too-large':
          return `"${r.name}" inflates to ${r.size}, above the ${r.limit} limit`;
        case 'too-large':
          return `it inflates to ${r.size}, above the ${r.limit} limit`;
        case 'inflate':
          return `"${r.name}" cannot be inflated (${r.error}); the archive may be damaged`;
        case 'bomb':
          return `a suspected zip bomb: it inflates to ${r.atLeast ? 'at least ' : ''}${r.size}, a ratio of ${r.ratio ?? 'infinity'}, above the limit of ${r.limit}`;
        case 'recorded':
          return r.en;
      }
    },
  },

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
      dataRows: (n: number) => count(n, 'data row'),
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
      foot: "Note: Off-site, Relief and Service add up their sub-columns; all 14 figures and each unit's own activity are in the --out workbook and --format json.",
    },

    checkText: {
      title: (asOf: string) => `zmqd check · as of ${asOf}`,
      verdict: (v: boolean | null) => (v === true ? 'eligible' : v === false ? 'not eligible' : 'cannot tell'),
      facts: (declared: string, includedOn: string | null, validUntil: string | null) => [
        `declared ${declared || '—'}`,
        `included ${includedOn ?? '—'}`,
        `valid to ${validUntil ?? '—'}`,
      ],
      meets: (criteria: string) => `meets ${criteria} while listed`,
      verdicts: (whileListed: string, atInclusion: string | null) => `verdict: while listed ${whileListed}, at inclusion ${atInclusion ?? 'cannot tell (no inclusion date)'}`,
      dataFile: (label: string, file: string, encoding: string | null, rows: number, invalid: number) =>
        `${label}: ${file} (${encoding ? `${encoding}, ` : ''}${rows} usable rows${invalid ? `, ${invalid} unusable` : ''})`,
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
      summary: (
        s: {
          entries: number;
          eligible: number;
          ineligible: number;
          unverifiable: number;
          expired: number;
          expiring: number;
          mustRemove: number;
          neverAgain: number;
          objectionUpheld: number;
        },
        e: number,
        w: number,
      ) =>
        `${count(s.entries, 'entry', 'entries')} (while listed): ${s.eligible} eligible, ${s.ineligible} not eligible, ${s.unverifiable} cannot tell; ${s.expired} expired, ${s.expiring} expiring; ${s.mustRemove} must be removed, ${s.neverAgain} may never be listed again${s.objectionUpheld ? `, ${s.objectionUpheld} with an objection upheld` : ''}. ${count(e, 'error')}, ${count(w, 'warning')}.`,
    },

    collectText: {
      title: (period: string, deadline: string, mailbox: string) => `zmqd collect · ${period} · deadline ${deadline} · ${mailbox}`,
      fetched: (now: number, all: number) => `${now} messages fetched now; ${all} of this period in all`,
      late: ' late',
      resent: (n: number) => ` +${n}`,
      head: ['Unit', 'Annex 1', 'Annex 2', 'Article', 'Case'],
      summaryColumn: 'Summary',
      tally: (submitted: number, all: number, late: number, missing: string[]) =>
        `${submitted}/${all} submitted, ${late} late, ${missing.length} missing${missing.length ? `: ${missing.join(', ')}` : ''}`,
      // 未识别单位- is the prefix of the saved files' names, which are Chinese in both languages
      unassigned: (n: number) => `${n} messages of unknown unit (attachments saved as 未识别单位-…)`,
      findings: 'Findings',
      total: (e: number, w: number, out: string) => `${e} errors, ${w} warnings. Inbox folder: ${out}`,
    },

    checkWorkbook: {
      action: 'Action needed',
      results: 'Verdicts',
      summary: 'Summary',
      other: 'Other findings',
      headers: [
        'District',
        'File',
        'Row',
        'Enterprise',
        'USCC',
        'Included on',
        'Valid until',
        'Validity',
        'Declared',
        'Meets while listed',
        'Met at inclusion',
        'May stay',
        'Grounds (while listed)',
        'Rightly listed',
        'Grounds (at inclusion)',
        'Never again',
        'Must remove',
        'Action',
        'Other reasons',
        'Other findings',
      ],
      actionHeaders: [
        'Action',
        'Row',
        'Enterprise',
        'USCC',
        'Declared',
        'Included on',
        'Valid until',
        'May stay (and why)',
        'Rightly listed (and why)',
        'Other reasons and findings',
      ],
      validity: { valid: 'valid', expiring: 'expiring', expired: 'expired', unknown: 'unknown' } as Record<string, string>,
      verdict: (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'cannot tell'),
      noDate: 'no inclusion date: cannot tell',
      yes: 'yes',
      no: 'no',
      none: '—',
      summaryRows: {
        asOf: 'As of',
        entries: 'Entries',
        action: 'Action needed',
        eligible: 'Eligible while listed',
        ineligible: 'Not eligible while listed',
        unverifiable: 'Cannot tell',
        ineligibleAtInclusion: 'Not eligible at inclusion',
        expired: 'Expired',
        expiring: 'Expiring',
        // the clauses of the notice are cited as the notice numbers them
        mustRemove: 'Must remove (三(九))',
        neverAgain: 'Never again (malicious violation, 三(四))',
        objectionUpheld: 'Objection upheld (三(三))',
        // 达标率 and 稳定达标 are the columns of the monitoring export
        stableRate: 'Stable-rate threshold (达标率 without 稳定达标)',
        errors: 'Errors',
        warnings: 'Warnings',
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
      sub: (a: string) =>
        `As of ${a}. Each unit's errors and warnings cover every step (validation, aggregation, eligibility check, cross-checks), each problem once, and match the unit's own sheet.`,
      unitTitle: (u: string, p: string) => `${u}: positive-list findings, ${p}`,
      unitCounts: (a: string, e: number, w: number, i: number) =>
        `As of ${a}: ${e} error(s), ${w} warning(s)${i ? `, ${i} note(s)` : ''}. Correct the errors and submit again; check the warnings and keep what is right.`,
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

    page: enPage,

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
    collect: (fetched, submitted, units, late, missing) =>
      `collect      ${count(fetched, 'new message')}; ${submitted}/${units} submitted, ${late} late, ${missing} missing (see submissions.json in the inbox)`,
    validate: (sev) => `validate     ${sev}`,
    aggregate: (reported, units, listed, onsite, sev) =>
      `aggregate    ${reported}/${units} units counted; ${count(listed, 'listed enterprise')}, ${count(onsite, 'on-site inspection')}; ${sev}`,
    missing: (units) => 'missing: ' + units.join(', '),
    notAggregatedLine: (notes) => `aggregate    not done: ${notes.join('; ')}`,
    check: (m, sev) =>
      `check        ${count(m.entries, 'entry', 'entries')}: ${m.eligible} eligible, ${m.ineligible} not, ${m.unverifiable} cannot tell, ${m.expired} expired, ${m.expiring} expiring, ${m.mustRemove} must be removed, ${m.neverAgain} never again; ${sev}`,
    notChecked: 'check        no enforcement data given (--inspections / --credit): not checked',
    crossCheck: { 'onsite-count-mismatch': 'on-site counts vs records', 'uscc-duplicate-across-districts': 'enterprises on several lists' },
    crossChecks: (sev, what) => `cross-checks ${sev}${what.length ? ` (${what.join('; ')})` : ''}`,
    repeated: (sumErrors, sumWarnings, dupErrors, dupWarnings) =>
      ` (the steps above add up to ${count(sumErrors, 'error')} and ${count(sumWarnings, 'warning')}, less ${dupErrors} and ${dupWarnings} reported by more than one step)`,
    sumOfSteps: ' (the sum of the steps above)',
    total: (errors, warnings, how) => `in all       ${count(errors, 'error')}, ${count(warnings, 'warning')}${how}`,
    folder: (out) => `Report folder: ${out}`,
    line: (l) =>
      `${l.stamp} zmqd report ${l.period} as of ${l.asOf} exit ${l.exit}: ${count(l.files, 'file')} (${l.unreadable} unreadable)` +
      `${l.missing !== undefined ? `, ${count(l.missing, 'unit', 'units')} missing` : ''}, ${count(l.errors, 'error')}, ${count(l.warnings, 'warning')} -> ${l.out}\n`,
  },
};

/** One bad cell of a data row, in English. */
function enRowIssue(kind: DataKind, i: RowIssue): string {
  switch (i.why) {
    case 'uscc-number':
      return `the USCC is stored as a number (${i.shown}) and has lost digits`;
    case 'uscc-empty':
      return 'the USCC is empty';
    case 'uscc-exponent':
      return `USCC "${i.text}" was stored as a number and lost digits`;
    case 'uscc-old15':
      return `"${i.text}" is an old 15-digit registration number, not a USCC`;
    case 'uscc-length':
      return `USCC "${i.text}" does not have 18 characters (${i.length})`;
    case 'uscc-charset':
      return `USCC "${i.text}" contains the character(s) "${i.bad}", which a USCC cannot`;
    case 'uscc-checksum':
      return `USCC "${i.text}" has a wrong check character (expected ${i.expected})`;
    case 'uscc-invalid':
      return `USCC "${i.text}" is not valid`;
    case 'date-empty':
      return `the ${en.check.dateField[kind]} is empty`;
    case 'date-unreadable':
      return `${en.check.dateField[kind]} "${i.text}" ${en.value.dateFault(i.fault)}`;
    case 'grade-empty':
      return 'the grade is empty';
    case 'grade-unknown':
      return `grade "${i.text}" is not a known credit grade (环保诚信/良好/警示/不良, or green/blue/yellow/red card)`;
    case 'year-invalid':
      return `rating year "${i.text}" is not a year`;
    case 'review-unknown':
      return `review result "${i.text}" is not recognised (write 属实 (upheld) or 不属实 (rejected); leave it empty when not reviewed yet)`;
    case 'credit-no-time':
      return 'neither a rating year nor a rating date: the rating cannot be placed in time';
    case 'other':
      return i.message;
  }
}
