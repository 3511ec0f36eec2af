/**
 * What an attachment is, by its name, declared type and first bytes: a workbook (an annex), a
 * document (article, typical case, annual summary), a zip to unpack, another archive, Outlook's
 * winmail.dat, a forwarded message, or something else.
 */
import { sniff } from '../workbook/sniff.js';
import { kindsInText } from './subject.js';
import type { SubmissionKind } from './types.js';

export type AttachmentClass =
  | { type: 'workbook'; ext: string }
  | { type: 'document'; ext: string; kind: SubmissionKind | null }
  | { type: 'zip' }
  | { type: 'archive'; ext: string }
  | { type: 'tnef' }
  | { type: 'eml' }
  | { type: 'other'; ext: string };

const WORKBOOK_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ett']);
const DOCUMENT_EXT = new Set(['.doc', '.docx', '.wps', '.wpt', '.pdf', '.ofd', '.rtf', '.txt']);
const ARCHIVE_EXT = new Set(['.rar', '.7z', '.gz', '.tgz', '.bz2', '.xz', '.tar']);

export function extOf(name: string): string {
  const m = /\.[A-Za-z0-9]{1,5}$/.exec(name.trim());
  return m ? m[0].toLowerCase() : '';
}

/** The kind of a workbook judged by its name alone (the content decides when it can be read). */
export function workbookKindByName(name: string): 'annex1' | 'annex2' | null {
  const k = kindsInText(name);
  if (k.includes('annex2')) return 'annex2';
  if (k.includes('annex1')) return 'annex1';
  return null;
}

/** The document kind by its name; the subject's kinds decide when the name says nothing and the subject names one. */
export function documentKind(name: string, subjectKinds: readonly SubmissionKind[]): SubmissionKind | null {
  const docKinds = (ks: readonly SubmissionKind[]) => ks.filter((k) => k === 'article' || k === 'case' || k === 'summary');
  const byName = docKinds(kindsInText(name));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) return byName.includes('case') ? 'case' : byName[0]!;
  const bySubject = docKinds(subjectKinds);
  return bySubject.length === 1 ? bySubject[0]! : null;
}

export function classifyAttachment(name: string, contentType: string, bytes: Uint8Array, subjectKinds: readonly SubmissionKind[]): AttachmentClass {
  const lower = name.toLowerCase();
  const ext = extOf(name);
  const ct = contentType.toLowerCase();
  if (lower === 'winmail.dat' || ct === 'application/ms-tnef' || ct === 'application/vnd.ms-tnef') return { type: 'tnef' };
  if (ct === 'message/rfc822' || ext === '.eml') return { type: 'eml' };
  const magic = sniff(bytes);
  if (ext === '.zip' || ct === 'application/zip' || ct === 'application/x-zip-compressed') {
    return magic === 'zip' ? { type: 'zip' } : { type: 'archive', ext: ext || '.zip' };
  }
  if (ARCHIVE_EXT.has(ext) || ct.includes('rar') || ct.includes('7z')) return { type: 'archive', ext };
  if (WORKBOOK_EXT.has(ext) || ct.includes('spreadsheet') || ct.includes('ms-excel')) return { type: 'workbook', ext: WORKBOOK_EXT.has(ext) ? ext : '.xlsx' };
  if (DOCUMENT_EXT.has(ext) || ct.includes('msword') || ct.includes('wordprocessing') || ct === 'application/pdf') {
    return { type: 'document', ext: ext || (ct === 'application/pdf' ? '.pdf' : '.docx'), kind: documentKind(name, subjectKinds) };
  }
  return { type: 'other', ext };
}
