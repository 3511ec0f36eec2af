/**
 * The collect core's model: messages as the MIME adapter (src/cli/collect/mime.ts) hands them over —
 * already parsed, bytes and strings only — and what the core decides about them. No Node APIs.
 */
import type { Finding } from '../findings/types.js';

export interface MailAttachment {
  /** the decoded file name, or null when the part has none */
  filename: string | null;
  /** lower-case MIME type as declared */
  contentType: string;
  bytes: Uint8Array;
  /** only the size is known: the part was too large to download (bytes is empty) */
  skippedSize?: number;
}

export interface ForwardedMessage {
  subject: string;
  from: string;
}

export interface MailMessage {
  uid: number;
  messageId?: string;
  subject: string;
  /** the sender's address, lower case */
  from: string;
  /** when the server received it (INTERNALDATE), ISO 8601 with offset */
  received: string;
  /** the plain-text body (for publication links) */
  text: string;
  attachments: MailAttachment[];
  /** the headers of messages forwarded as .eml attachments (their attachments are in `attachments`) */
  forwarded: ForwardedMessage[];
  /** structural problems the adapter met ('no-boundary', 'truncated' …), with a reason each */
  corrupt?: { zh: string; en: string };
}

/** What a saved file is for the tracker. */
export type SubmissionKind = 'annex1' | 'annex2' | 'article' | 'case' | 'summary';

export const KIND_LABEL: Record<SubmissionKind, { zh: string; en: string }> = {
  annex1: { zh: '附表1', en: 'Annex 1' },
  annex2: { zh: '附表2', en: 'Annex 2' },
  article: { zh: '亮点成效稿件', en: 'article on highlights and results' },
  case: { zh: '典型案例', en: 'typical case' },
  summary: { zh: '年度工作总结', en: 'annual summary' },
};

export type CollectFinding = Finding;
