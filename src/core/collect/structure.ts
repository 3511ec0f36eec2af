/**
 * A structural check of a raw message that MIME parsers forgive silently: a multipart without a
 * boundary parameter, or one whose closing boundary never comes (a message cut off in transit).
 * Returns the reason, or null when the structure holds.
 */

const latin1 = new TextDecoder('latin1');

export function structureProblem(src: Uint8Array): { zh: string; en: string } | null {
  const text = latin1.decode(src.length > 8 * 1024 * 1024 ? src.subarray(0, 64 * 1024) : src);
  const headEnd = text.search(/\r?\n\r?\n/);
  const head = (headEnd < 0 ? text : text.slice(0, headEnd)).replace(/\r?\n[ \t]+/g, ' ');
  if (headEnd < 0 && text.length > 0) return { zh: '没有邮件头与正文之间的空行', en: 'no blank line between the headers and the body' };
  const ct = /^content-type:\s*([^\r\n]*)/im.exec(head)?.[1] ?? '';
  if (!/^\s*multipart\//i.test(ct)) return null;
  const b = /boundary\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(ct);
  const boundary = b?.[1] ?? b?.[2];
  if (!boundary) return { zh: '声明为多部分邮件，却没有分隔线（boundary）参数', en: 'a multipart message without a boundary parameter' };
  if (src.length > 8 * 1024 * 1024) return null; // only the start was decoded: trust the parser for the rest
  const body = text.slice(headEnd);
  if (!body.includes(`--${boundary}`)) return { zh: '正文中找不到声明的分隔线', en: 'the declared boundary never occurs in the body' };
  if (!body.includes(`--${boundary}--`)) return { zh: '缺少结束分隔线，邮件可能在传输中被截断', en: 'the closing boundary is missing; the message may have been cut off' };
  return null;
}
