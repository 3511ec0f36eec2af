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
  /** the structural problem the adapter met, if any (a corrupt message's attachments are not taken) */
  corrupt?: MimeProblem;
}

/**
 * Why a message is corrupt: its structure (structure.ts), a parser's error, or a defect of ours
 * on that message. 'recorded': the reason as a collect state written by an earlier version holds it.
 */
export type MimeProblem =
  { why: 'no-blank-line' | 'no-boundary' | 'boundary-absent' | 'unclosed' } | { why: 'unparsable' | 'internal'; error: string } | { why: 'recorded'; zh: string; en: string };

/** What a saved file is for the tracker. */
export type SubmissionKind = 'annex1' | 'annex2' | 'article' | 'case' | 'summary';

export type CollectFinding = Finding;
