/**
 * The MIME adapter: raw message bytes → the core's MailMessage, with mailparser (RFC 2047 words,
 * RFC 2231 parameters, GBK/GB2312/GB18030 charsets, nested multiparts). Raw 8-bit GBK headers are
 * repaired first (core/collect/headers.ts); forwarded messages (.eml, message/rfc822) are parsed in
 * turn and their attachments taken as the outer message's.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { fixLatin1Name, repairRawHeaders } from '../../core/collect/headers.js';
import { structureProblem } from '../../core/collect/structure.js';
import type { MailAttachment, MailMessage } from '../../core/collect/types.js';

const MAX_DEPTH = 3;

function addressOf(p: ParsedMail): string {
  const v = p.from?.value?.[0]?.address ?? '';
  return v.toLowerCase();
}

export async function parseMessage(uid: number, source: Uint8Array, received: Date): Promise<MailMessage> {
  const msg: MailMessage = { uid, subject: '', from: '', received: received.toISOString(), text: '', attachments: [], forwarded: [] };
  const problem = structureProblem(source);
  if (problem) msg.corrupt = problem;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(Buffer.from(repairRawHeaders(source)), { skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true, skipTextToHtml: true });
  } catch (err) {
    msg.corrupt = { why: 'unparsable', error: (err as Error).message };
    return msg;
  }
  msg.subject = fixLatin1Name(parsed.subject ?? '');
  msg.from = addressOf(parsed);
  if (parsed.messageId) msg.messageId = parsed.messageId;
  msg.text = parsed.text ?? '';
  await collectAttachments(parsed, msg, 0);
  return msg;
}

async function collectAttachments(parsed: ParsedMail, into: MailMessage, depth: number): Promise<void> {
  for (const a of parsed.attachments) {
    const bytes = new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength);
    const ct = (a.contentType ?? 'application/octet-stream').toLowerCase();
    const name = a.filename ? fixLatin1Name(a.filename) : null;
    // a signature image or logo of an HTML body is not a submission
    if (a.related && ct.startsWith('image/')) continue;
    if ((ct === 'message/rfc822' || (name ?? '').toLowerCase().endsWith('.eml')) && depth < MAX_DEPTH) {
      try {
        const inner = await simpleParser(Buffer.from(repairRawHeaders(bytes)), { skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true, skipTextToHtml: true });
        into.forwarded.push({ subject: fixLatin1Name(inner.subject ?? ''), from: addressOf(inner) });
        if (inner.text) into.text += `\n${inner.text}`;
        await collectAttachments(inner, into, depth + 1);
        continue;
      } catch {
        /* not a message after all: kept as an attachment below */
      }
    }
    const att: MailAttachment = { filename: name, contentType: ct, bytes };
    into.attachments.push(att);
  }
}
