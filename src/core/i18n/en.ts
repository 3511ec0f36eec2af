import type { Labels } from './zh.js';
import type { DataKind } from '../data/types.js';
import { baseName, firstOf } from './phrase.js';
import type { RowIssue } from '../data/schemas.js';

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
    list: (items, max = 3) => {
      const { shown, more } = firstOf(items, max);
      return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
    },
    method: { onsite: 'on-site inspection', offsite: 'off-site inspection', assistance: 'assistance visit' },
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
        case 'keyword': return `the violation text names "${w.keyword}"`;
        case 'column': return '违法情况 says 严重 (serious)';
        case 'crime': return 'a suspected crime referred to the police';
        case 'malicious': return `a malicious violation (${w.keyword})`;
        case 'over-limit': return 'over-limit discharge not reported by the enterprise';
        case 'over-limit-unstated': return 'over-limit discharge; whether it was self-reported is not stated';
      }
    },
    hits: (hits) => en.check.list(hits.map((h) => `${en.check.inspection(h.inspection)}; ${en.check.hitWhy(h.why)}`)),
    review: { upheld: 'upheld on review', rejected: 'rejected on review', pending: 'not reviewed yet' },
    objection: (o) => `${o.source ? `objection raised by ${o.source}` : 'objection'} ${en.check.review[o.result]}${o.date ? `, reviewed ${o.date}` : ''} (${en.check.where(o.src)})`,
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
        case 'no-blank-line': return 'no blank line between the headers and the body';
        case 'no-boundary': return 'a multipart message without a boundary parameter';
        case 'boundary-absent': return 'the declared boundary never occurs in the body';
        case 'unclosed': return 'the closing boundary is missing; the message may have been cut off';
        case 'unparsable': return `cannot be parsed (${m.error})`;
        case 'internal': return `internal error: ${m.error}`;
        case 'recorded': return m.en;
      }
    },
    archiveRefusal: (r) => {
      switch (r.why) {
        case 'nested': return 'archives nested too deep';
        case 'format': return `${r.ext || 'this'} archives are not unpacked automatically`;
        case 'zip': return r.error.errorEn;
        case 'too-many': return `it holds ${r.count} files, above the limit of ${r.limit}`;
        case 'encrypted': return 'the archive is encrypted';
        case 'entry-too-large': return `"${r.name}" inflates to ${r.size}, above the ${r.limit} limit`;
        case 'too-large': return `it inflates to ${r.size}, above the ${r.limit} limit`;
        case 'inflate': return `"${r.name}" cannot be inflated (${r.error}); the archive may be damaged`;
        case 'bomb': return `a suspected zip bomb: it inflates to ${r.atLeast ? 'at least ' : ''}${r.size}, a ratio of ${r.ratio ?? 'infinity'}, above the limit of ${r.limit}`;
        case 'recorded': return r.en;
      }
    },
  },

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {},
};

/** One bad cell of a data row, in English. */
function enRowIssue(kind: DataKind, i: RowIssue): string {
  switch (i.why) {
    case 'uscc-number': return `the USCC is stored as a number (${i.shown}) and has lost digits`;
    case 'uscc-empty': return 'the USCC is empty';
    case 'uscc-exponent': return `USCC "${i.text}" was stored as a number and lost digits`;
    case 'uscc-old15': return `"${i.text}" is an old 15-digit registration number, not a USCC`;
    case 'uscc-length': return `USCC "${i.text}" does not have 18 characters (${i.length})`;
    case 'uscc-charset': return `USCC "${i.text}" contains the character(s) "${i.bad}", which a USCC cannot`;
    case 'uscc-checksum': return `USCC "${i.text}" has a wrong check character (expected ${i.expected})`;
    case 'uscc-invalid': return `USCC "${i.text}" is not valid`;
    case 'date-empty': return `the ${en.check.dateField[kind]} is empty`;
    case 'date-unreadable': return `${en.check.dateField[kind]} "${i.text}" ${i.reason.reasonEn}`;
    case 'grade-empty': return 'the grade is empty';
    case 'grade-unknown': return `grade "${i.text}" is not a known credit grade (环保诚信/良好/警示/不良, or green/blue/yellow/red card)`;
    case 'year-invalid': return `rating year "${i.text}" is not a year`;
    case 'review-unknown': return `review result "${i.text}" is not recognised (write 属实 (upheld) or 不属实 (rejected); leave it empty when not reviewed yet)`;
    case 'credit-no-time': return 'neither a rating year nor a rating date: the rating cannot be placed in time';
    case 'other': return i.message;
  }
}
