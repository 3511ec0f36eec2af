/**
 * A structural check of a raw message that MIME parsers forgive silently: a multipart without a
 * boundary parameter, or one whose closing boundary never comes (a message cut off in transit).
 * Returns the reason, or null when the structure holds.
 */
import type { MimeProblem } from './types.js';

const latin1 = new TextDecoder('latin1');

export function structureProblem(src: Uint8Array): MimeProblem | null {
  const text = latin1.decode(src.length > 8 * 1024 * 1024 ? src.subarray(0, 64 * 1024) : src);
  const headEnd = text.search(/\r?\n\r?\n/);
  const head = (headEnd < 0 ? text : text.slice(0, headEnd)).replace(/\r?\n[ \t]+/g, ' ');
  if (headEnd < 0 && text.length > 0) return { why: 'no-blank-line' };
  const ct = /^content-type:\s*([^\r\n]*)/im.exec(head)?.[1] ?? '';
  if (!/^\s*multipart\//i.test(ct)) return null;
  const b = /boundary\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(ct);
  const boundary = b?.[1] ?? b?.[2];
  if (!boundary) return { why: 'no-boundary' };
  if (src.length > 8 * 1024 * 1024) return null; // only the start was decoded: trust the parser for the rest
  const body = text.slice(headEnd);
  if (!body.includes(`--${boundary}`)) return { why: 'boundary-absent' };
  if (!body.includes(`--${boundary}--`)) return { why: 'unclosed' };
  return null;
}
