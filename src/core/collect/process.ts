/**
 * One message → what it submits: the unit and period (subject, else the sender mapping, else the
 * attachments' own 填报单位), the files to keep with their kind, publication links, and a finding for
 * everything that could not be taken as it is. Never throws for bad input.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import { openWorkbook, READER_LIMITS, fmtBytes } from '../workbook/open.js';
import { describeNonWorkbook, sniff } from '../workbook/sniff.js';
import { recognise } from '../reader/detect.js';
import { findUnitInText, resolveUnit } from '../roster/resolve.js';
import { filePeriod } from '../roster/file-period.js';
import { periodFromDateDetail, samePeriod, type Period } from '../roster/period.js';
import { fixLatin1Name } from './headers.js';
import { classifyAttachment, workbookKindByName } from './classify.js';
import { readSubject } from './subject.js';
import { unzipAttachment } from './zip.js';
import type { MailMessage, SubmissionKind } from './types.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = [
  'collect-mime-corrupt',
  'collect-attachment-too-large',
  'collect-winmail-dat',
  'collect-archive-refused',
  'collect-not-workbook',
  'collect-attachment-ignored',
  'collect-period-mismatch',
  'collect-unit-mismatch',
  'collect-unit-unknown',
  'collect-subject-nonstandard',
] as const satisfies readonly FindingCode[];

export interface ProcessOptions {
  /** sender address (lower case) → unit name, from the config */
  senders: Readonly<Record<string, string>>;
  cutover?: string;
  /** the period being collected: its end date chooses the roster */
  periodEnd?: string;
}

export interface KeptFile {
  /** the name as the sender gave it (inside a zip: the entry's name) */
  name: string;
  ext: string;
  kind: SubmissionKind | null;
  bytes: Uint8Array;
  /** the workbook could not be opened (it is kept: the report says why) */
  unreadable?: boolean;
  /** the same file also holds these kinds (a workbook with both annexes) */
  alsoKinds?: SubmissionKind[];
}

export type UnitSourceKind = 'subject' | 'sender' | 'forwarded' | 'attachment';

export interface Processed {
  unit: string | null;
  unitBy: UnitSourceKind | null;
  period: Period | null;
  periodBy: 'subject' | 'attachment' | 'date' | null;
  /** Beijing date and time the server received it: 'YYYY-MM-DD HH:mm' */
  received: string;
  files: KeptFile[];
  links: string[];
  findings: Finding[];
}

/** 'YYYY-MM-DD HH:mm' in Beijing time (UTC+8, no daylight saving) of an ISO instant. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '0000-00-00 00:00';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Where a message is named in findings. */
export function messageLabel(m: Pick<MailMessage, 'uid' | 'subject'>): string {
  return `邮件 #${m.uid}《${m.subject || '（无主题）'}》`;
}

interface WorkbookFacts {
  kind: 'annex1' | 'annex2' | null;
  /** a workbook holding both annexes (one sheet each) */
  both?: boolean;
  unitText?: string;
  readable: boolean;
}

async function readWorkbook(name: string, bytes: Uint8Array): Promise<WorkbookFacts> {
  const opened = await openWorkbook(bytes, { fileName: name });
  if (!opened.ok) return { kind: null, readable: false };
  try {
    const docs = recognise(opened.workbook).docs;
    const doc = docs[0];
    if (!doc) return { kind: null, readable: true };
    const both = docs.some((d) => d.kind === 'annex1') && docs.some((d) => d.kind === 'annex2');
    return { kind: both ? 'annex1' : doc.kind, ...(both ? { both } : {}), unitText: doc.meta.unit?.text, readable: true };
  } catch {
    return { kind: null, readable: false };
  }
}

const URL_RE = /https?:\/\/[^\s<>"'，。；、）)】]+/g;

export async function processMessage(msg: MailMessage, opts: ProcessOptions): Promise<Processed> {
  const findings: Finding[] = [];
  const file = messageLabel(msg);
  const subject = msg.subject;
  const base = { subject, from: msg.from };
  const received = beijingTime(msg.received);
  const receivedDate = received.slice(0, 10);
  const subj = readSubject(msg.subject, receivedDate, opts.periodEnd, opts.cutover);
  const out: Processed = { unit: null, unitBy: null, period: null, periodBy: null, received, files: [], links: [], findings };

  // a broken message's attachments may be cut short: none is taken, the unit is asked to resend
  if (msg.corrupt) findings.push(finding('collect-mime-corrupt', { file }, { ...base, reason: msg.corrupt }));

  // the attachments, zips unpacked (an archive inside an archive once more), classified
  const facts: { file: KeptFile; unitText?: string }[] = [];
  const take = async (name: string, contentType: string, bytes: Uint8Array, depth: number, skippedSize?: number): Promise<void> => {
    if (skippedSize !== undefined || bytes.length > READER_LIMITS.maxBytes) {
      findings.push(finding('collect-attachment-too-large', { file }, { subject, name, size: fmtBytes(skippedSize ?? bytes.length), limit: fmtBytes(READER_LIMITS.maxBytes) }));
      return;
    }
    const c = classifyAttachment(name, contentType, bytes, subj.kinds);
    switch (c.type) {
      case 'tnef':
        findings.push(finding('collect-winmail-dat', { file }, base));
        return;
      case 'eml':
        return; // the adapter has flattened forwarded messages already
      case 'zip': {
        if (depth >= 2) {
          findings.push(finding('collect-archive-refused', { file }, { subject, name, reason: { why: 'nested' } }));
          return;
        }
        const z = unzipAttachment(bytes);
        if (!z.ok) {
          findings.push(finding('collect-archive-refused', { file }, { subject, name, reason: z.reason }));
          return;
        }
        for (const f of z.files) await take(f.name, '', f.bytes, depth + 1);
        return;
      }
      case 'archive':
        findings.push(finding('collect-archive-refused', { file }, { subject, name, reason: { why: 'format', ext: c.ext } }));
        return;
      case 'workbook': {
        const magic = sniff(bytes);
        if (magic !== 'zip' && magic !== 'ole2') {
          const why = describeNonWorkbook(bytes);
          findings.push(finding('collect-not-workbook', { file }, { subject, name, reason: why }));
          return;
        }
        const wb = await readWorkbook(name, bytes);
        const kind = wb.kind ?? workbookKindByName(name) ?? (subj.kinds.includes('annex2') && !subj.kinds.includes('annex1') ? 'annex2' : 'annex1');
        facts.push({
          file: { name, ext: c.ext, kind, bytes, ...(wb.readable ? {} : { unreadable: true }), ...(wb.both ? { alsoKinds: ['annex2' as const] } : {}) },
          unitText: wb.unitText,
        });
        return;
      }
      case 'document':
        facts.push({ file: { name, ext: c.ext, kind: c.kind, bytes } });
        return;
      default:
        findings.push(finding('collect-attachment-ignored', { file }, { subject, name, ...(contentType || c.ext ? { type: contentType || c.ext } : {}) }));
    }
  };
  if (!msg.corrupt) for (const a of msg.attachments) await take(fixLatin1Name(a.filename ?? '') || '（无名称）', a.contentType, a.bytes, 0, a.skippedSize);
  out.files = facts.map((f) => f.file);

  // the period: the subject, else an attachment's name, else the date received
  if (subj.period.fromName && subj.period.period) {
    out.period = subj.period.period;
    out.periodBy = 'subject';
  } else {
    for (const f of out.files) {
      const p = filePeriod(f.name, receivedDate);
      if (p.fromName && p.period) {
        out.period = p.period;
        out.periodBy = 'attachment';
        break;
      }
    }
    if (!out.period && (out.files.length || subj.aboutList || findings.length)) {
      out.period = periodFromDateDetail(receivedDate).period;
      out.periodBy = 'date';
    }
  }
  if (out.period && out.periodBy === 'subject') {
    for (const f of out.files) {
      const p = filePeriod(f.name, receivedDate);
      if (p.fromName && p.period && !samePeriod(p.period, out.period) && !(f.kind === 'annex2')) {
        findings.push(finding('collect-period-mismatch', { file }, { subject, period: out.period, name: f.name, other: p.period }));
      }
    }
  }

  // the unit: subject, sender mapping, forwarded subject, the attachments' 填报单位
  const candidates: { by: UnitSourceKind; unit: string }[] = [];
  let unknownInSubject: { value: string; suggestion?: string } | null = null;
  const s = subj.unit;
  if (s?.kind === 'ok') candidates.push({ by: 'subject', unit: s.unit.name });
  else if (s?.kind === 'merged') candidates.push({ by: 'subject', unit: s.into });
  else if (s?.kind === 'unknown' || s?.kind === 'placeholder') unknownInSubject = { value: s.value, ...(s.kind === 'unknown' && s.suggestion ? { suggestion: s.suggestion } : {}) };
  const mapped = opts.senders[msg.from.toLowerCase()];
  if (mapped) {
    const r = resolveUnit(mapped, opts.periodEnd, opts.cutover);
    if (r.kind === 'ok') candidates.push({ by: 'sender', unit: r.unit.name });
  }
  for (const fw of msg.forwarded) {
    const r = findUnitInText(fw.subject, opts.periodEnd, opts.cutover);
    if (r?.kind === 'ok') {
      candidates.push({ by: 'forwarded', unit: r.unit.name });
      break;
    }
  }
  const fromAttachment: { unit: string; text: string }[] = [];
  for (const f of facts) {
    if (!f.unitText) continue;
    const r = resolveUnit(f.unitText, opts.periodEnd, opts.cutover);
    if (r.kind === 'ok') fromAttachment.push({ unit: r.unit.name, text: f.unitText });
  }
  if (fromAttachment[0]) candidates.push({ by: 'attachment', unit: fromAttachment[0].unit });
  const chosen = candidates[0];
  if (chosen) {
    out.unit = chosen.unit;
    out.unitBy = chosen.by;
    for (const c of candidates.slice(1)) {
      if (c.unit === chosen.unit || c.by === 'attachment') continue;
      findings.push(finding('collect-unit-mismatch', { file }, { subject, unit: chosen.unit, by: chosen.by, other: c.by, value: c.unit }));
    }
    for (const a of fromAttachment) {
      if (a.unit !== chosen.unit) findings.push(finding('collect-unit-mismatch', { file }, { subject, unit: chosen.unit, by: chosen.by, other: 'attachment', value: a.text }));
    }
  }
  if (unknownInSubject && (out.files.length || !chosen)) {
    findings.push(
      finding(
        'collect-unit-unknown',
        { file },
        {
          ...base,
          value: unknownInSubject.value,
          ...(unknownInSubject.suggestion ? { suggestion: unknownInSubject.suggestion } : {}),
          ...(chosen ? { fallback: chosen.by, unit: chosen.unit } : {}),
        },
      ),
    );
  } else if (chosen && out.period && out.files.length > 0 && (chosen.by !== 'subject' || out.periodBy !== 'subject')) {
    findings.push(finding('collect-subject-nonstandard', { file }, { subject, unit: chosen.unit, period: out.period, unitBy: chosen.by, periodBy: out.periodBy ?? 'date' }));
  }

  // publication links: in a message that sends Annex 2 or speaks of publishing the list
  if (out.files.some((f) => f.kind === 'annex2') || /公示|公布|发布|链接|网址/.test(msg.subject + msg.text)) {
    out.links = [...new Set([...msg.text.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;]+$/, '')))];
  }
  return out;
}
