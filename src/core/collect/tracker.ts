/**
 * The submissions tracker: from the record of every message fetched, which file goes where in the
 * inbox folder (a unit's latest submission of a kind is current, the earlier ones are kept under
 * `.已替代/`, marked), and for each unit of the roster what arrived when, against the deadline.
 * Pure: records in, placements + tracker + findings out.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import { addDays, daysBetween } from '../values/dates.js';
import { formatPeriod, periodEnd, periodLabelZh, type Period } from '../roster/period.js';
import type { Unit } from '../roster/units.js';
import { zh } from '../i18n/zh.js';
import type { SubmissionKind } from './types.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['collect-superseded', 'collect-missing', 'collect-late', 'collect-part-missing'] as const satisfies readonly FindingCode[];

/** A kept file as recorded in the state: its bytes are in the store. */
export interface StoredFile {
  name: string;
  ext: string;
  kind: SubmissionKind | null;
  /** path inside the store folder */
  store: string;
  size: number;
  unreadable?: boolean;
  /** the same file also holds these kinds (a workbook with both annexes) */
  alsoKinds?: SubmissionKind[];
}

/** What a message gave, as recorded (JSON) so a later run need not fetch it again. */
export interface MessageRecord {
  uid: number;
  messageId?: string;
  subject: string;
  from: string;
  /** Beijing time 'YYYY-MM-DD HH:mm' */
  received: string;
  unit: string | null;
  unitBy: string | null;
  /** '2024Q3', '2024' (annual), or null */
  period: string | null;
  files: StoredFile[];
  links: string[];
  findings: Finding[];
}

export interface Placement {
  store: string;
  /** relative to the inbox folder */
  target: string;
  uid: number;
  unit: string | null;
  kind: SubmissionKind | null;
  superseded: boolean;
}

export interface Receipt {
  received: string;
  onTime: boolean;
  file: string;
  uid: number;
  /** earlier submissions of the same kind, kept under .已替代/ */
  superseded: { received: string; file: string; uid: number }[];
}

export interface TrackerUnit {
  unit: string;
  order: number;
  annex1: Receipt | null;
  annex2: Receipt | null;
  article: Receipt | null;
  case: Receipt | null;
  /** Q4 only: the annual Annex 1 and the written annual summary, due 10 December */
  annualAnnex1?: Receipt | null;
  summary?: Receipt | null;
  links: string[];
  status: 'on-time' | 'late' | 'missing';
}

export interface Tracker {
  period: string;
  deadline: string;
  annualDeadline?: string;
  units: TrackerUnit[];
  /** messages of the period whose unit could not be told */
  unassigned: { uid: number; subject: string; from: string; received: string; files: string[] }[];
}

/** Default: the 10th day after the quarter end (docs/collect.md, `deadlineDays`); the annual report is due 10 December. */
export const DEFAULT_DEADLINE_DAYS = 10;

export function quarterDeadline(p: Period, days: number = DEFAULT_DEADLINE_DAYS): string {
  return p.quarter ? addDays(periodEnd(p), days) : `${p.year}-12-10`;
}

export interface PlanOptions {
  period: Period;
  roster: readonly Unit[];
  /** YYYY-MM-DD, inclusive (Beijing date) */
  deadline: string;
}

export interface Plan {
  placements: Placement[];
  tracker: Tracker;
  findings: Finding[];
}

const SUPERSEDED_DIR = '.已替代';
export const UNASSIGNED_PREFIX = '未识别单位';

function safeName(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
}

/** A kind as the saved files are named (in Chinese, whatever the language of the run). */
function labelOf(kind: SubmissionKind | null): string {
  return kind ? zh.collect.kind[kind] : zh.collect.otherKind;
}

/** Which records belong to the collected period: its own, and for Q4 the year's annual report. */
export function inPeriod(r: MessageRecord, p: Period): boolean {
  if (!r.period) return false;
  if (r.period === formatPeriod(p)) return true;
  return p.quarter === 4 && r.period === String(p.year);
}

export function plan(records: readonly MessageRecord[], o: PlanOptions): Plan {
  const findings: Finding[] = [];
  const ordered = records.filter((r) => inPeriod(r, o.period)).sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.uid - b.uid));
  const annualDeadline = o.period.quarter === 4 ? `${o.period.year}-12-10` : undefined;

  // group the kept files by unit, period and kind; the latest message's files are current
  type Item = { r: MessageRecord; f: StoredFile; annual: boolean };
  const groups = new Map<string, Item[]>();
  const placements: Placement[] = [];
  const unassigned: Tracker['unassigned'] = [];
  const used = new Set<string>();
  const claim = (name: string): string => {
    let n = name;
    for (let i = 2; used.has(n.toLowerCase()); i++) n = name.replace(/(\.[^.]*)?$/, (ext) => `-${i}${ext}`);
    used.add(n.toLowerCase());
    return n;
  };
  for (const r of ordered) {
    if (!r.unit) {
      if (r.files.length) unassigned.push({ uid: r.uid, subject: r.subject, from: r.from, received: r.received, files: r.files.map((f) => f.name) });
      for (const f of r.files)
        placements.push({ store: f.store, target: claim(safeName(`${UNASSIGNED_PREFIX}-邮件${r.uid}-${f.name}`)), uid: r.uid, unit: null, kind: f.kind, superseded: false });
      continue;
    }
    for (const f of r.files) {
      const annual = r.period === String(o.period.year) && o.period.quarter === 4;
      const key = `${r.unit}\u0000${annual ? 'Y' : 'Q'}\u0000${f.kind ?? `other:${f.name}`}`;
      const list = groups.get(key) ?? [];
      list.push({ r, f, annual });
      groups.set(key, list);
    }
  }

  const receipts = new Map<string, Receipt>();
  for (const [key, items] of groups) {
    const latestUid = items[items.length - 1]!.r.uid;
    const current = items.filter((i) => i.r.uid === latestUid);
    const earlier = items.filter((i) => i.r.uid !== latestUid);
    const { r: last, annual } = current[0]!;
    const unit = last.unit!;
    const periodLabel = annual ? periodLabelZh({ year: o.period.year }) : periodLabelZh(o.period);
    const kind = current[0]!.f.kind;
    const deadline = annual ? annualDeadline! : o.deadline;
    const kept: Receipt['superseded'] = [];
    for (const e of earlier) {
      const target = claim(
        `${SUPERSEDED_DIR}/${safeName(`${unit}-${periodLabel}-${labelOf(kind)}-${e.r.received.slice(5, 10).replace('-', '月')}日收-邮件${e.r.uid}（已替代）${kind ? '' : `-${e.f.name}`}`)}${kind ? e.f.ext : ''}`,
      );
      placements.push({ store: e.f.store, target, uid: e.r.uid, unit, kind, superseded: true });
      if (!kept.some((k) => k.uid === e.r.uid)) kept.push({ received: e.r.received, file: target, uid: e.r.uid });
    }
    let first = '';
    for (const c of current) {
      const target = claim(safeName(kind ? `${unit}-${periodLabel}-${labelOf(kind)}${c.f.ext}` : `${unit}-${periodLabel}-${labelOf(kind)}-${c.f.name}`));
      placements.push({ store: c.f.store, target, uid: c.r.uid, unit, kind, superseded: false });
      first ||= target;
    }
    if (earlier.length) {
      const prev = kept[kept.length - 1]!;
      findings.push(finding('collect-superseded', { file: first }, { unit, received: last.received, what: kind, earlier: prev.received, kept: prev.file }));
    }
    // on time is judged by the first submission of the kind: a correction after the deadline is not late
    const firstReceived = items[0]!.r.received;
    receipts.set(key, { received: last.received, onTime: firstReceived.slice(0, 10) <= deadline, file: first, uid: last.uid, superseded: kept });
  }

  // a workbook holding both annexes counts for Annex 2 too, unless a later message sent Annex 2 apart
  for (const r of ordered) {
    if (!r.unit) continue;
    const annual = r.period === String(o.period.year) && o.period.quarter === 4;
    for (const f of r.files) {
      for (const k of f.alsoKinds ?? []) {
        const key = `${r.unit}\u0000${annual ? 'Y' : 'Q'}\u0000${k}`;
        const had = receipts.get(key);
        if (had && had.received > r.received) continue;
        const target = placements.find((p) => p.store === f.store)?.target ?? f.name;
        const deadline = annual ? annualDeadline! : o.deadline;
        receipts.set(key, {
          received: r.received,
          onTime: (had?.received ?? r.received).slice(0, 10) <= deadline,
          file: target,
          uid: r.uid,
          superseded: had ? [...had.superseded, { received: had.received, file: had.file, uid: had.uid }] : [],
        });
      }
    }
  }

  const get = (unit: string, annual: boolean, kind: SubmissionKind) => receipts.get(`${unit}\u0000${annual ? 'Y' : 'Q'}\u0000${kind}`) ?? null;
  const p = o.period;
  const units: TrackerUnit[] = o.roster.map((u) => {
    const row: TrackerUnit = {
      unit: u.name,
      order: u.order,
      annex1: get(u.name, !p.quarter, 'annex1'),
      annex2: get(u.name, !p.quarter, 'annex2'),
      article: get(u.name, !p.quarter, 'article'),
      case: get(u.name, !p.quarter, 'case'),
      links: [...new Set(ordered.filter((r) => r.unit === u.name).flatMap((r) => r.links))],
      status: 'missing',
    };
    if (p.quarter === 4) {
      row.annualAnnex1 = get(u.name, true, 'annex1');
      row.summary = get(u.name, true, 'summary');
    }
    const a1 = row.annex1;
    if (!a1) {
      findings.push(finding('collect-missing', { file: u.name }, { unit: u.name, period: p, deadline: o.deadline }));
      return row;
    }
    row.status = a1.onTime ? 'on-time' : 'late';
    const late = (rc: Receipt | null | undefined, kind: SubmissionKind, deadline: string) => {
      if (!rc || rc.onTime) return;
      const firstDate = (rc.superseded[0]?.received ?? rc.received).slice(0, 10);
      findings.push(finding('collect-late', { file: rc.file }, { unit: u.name, what: kind, received: firstDate, deadline, days: daysBetween(deadline, firstDate) }));
    };
    late(a1, 'annex1', o.deadline);
    const lacking: SubmissionKind[] = (['article', 'case'] as const).filter((k) => !row[k]);
    if (p.quarter === 4 && !row.summary) lacking.push('summary');
    if (lacking.length) {
      findings.push(finding('collect-part-missing', { file: a1.file }, { unit: u.name, what: lacking }));
    }
    return row;
  });

  const tracker: Tracker = { period: formatPeriod(p), deadline: o.deadline, ...(annualDeadline ? { annualDeadline } : {}), units, unassigned };
  return { placements, tracker, findings };
}
