/**
 * Header repair before MIME parsing. Many Chinese mail clients (old Foxmail, some WPS and web-mail
 * versions) put GBK bytes straight into headers — `Subject:` or `name="附表1.xlsx"` — with no RFC 2047
 * encoding. A MIME parser reads such bytes as Latin-1 and the names come out as mojibake. Here every
 * header line whose 8-bit bytes are not valid UTF-8 is re-encoded from GB18030 (a superset of GBK and
 * GB2312) to UTF-8, which parsers take as it is (RFC 6532). Bodies are left untouched.
 *
 * A "header line" is one inside a header block: from the start of the message, and after every line
 * starting with "--" (a multipart boundary), up to the next empty line. Base64 bodies never start a line
 * with "--"; a quoted-printable line that does only opens a block in which lines are rewritten when they
 * hold invalid UTF-8, which a quoted-printable body (7-bit) never does.
 */

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');
const encoder = new TextEncoder();

function has8bit(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i]! >= 0x80) return true;
  return false;
}

function isUtf8(b: Uint8Array): boolean {
  try {
    utf8Strict.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The message with its raw 8-bit GBK header lines turned into UTF-8; the same array when none needed it. */
export function repairRawHeaders(src: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let changed = false;
  let inHeader = true;
  let last = 0;
  let i = 0;
  const n = src.length;
  while (i < n) {
    let e = i;
    while (e < n && src[e] !== 0x0a) e++;
    const lineEnd = e > i && src[e - 1] === 0x0d ? e - 1 : e;
    const empty = lineEnd === i;
    if (inHeader) {
      if (empty) inHeader = false;
      else if (has8bit(src, i, lineEnd)) {
        const line = src.subarray(i, lineEnd);
        if (!isUtf8(line)) {
          out.push(src.subarray(last, i), encoder.encode(gb18030.decode(line)));
          last = lineEnd;
          changed = true;
        }
      }
    } else if (src[i] === 0x2d && src[i + 1] === 0x2d) {
      inHeader = true;
    }
    i = e + 1;
  }
  if (!changed) return src;
  out.push(src.subarray(last));
  let len = 0;
  for (const c of out) len += c.length;
  const r = new Uint8Array(len);
  let o = 0;
  for (const c of out) {
    r.set(c, o);
    o += c.length;
  }
  return r;
}

/**
 * A decoded name that still holds mojibake: UTF-8 or GBK bytes read as Latin-1 (an encoded word the
 * parser did not understand, or 8-bit bytes in a part it did not rewrite). Re-read as bytes: valid
 * UTF-8 first, else GB18030. Names with no Latin-1 high characters are returned as they are.
 */
export function fixLatin1Name(name: string): string {
  if (!/[\u0080-\u00FF]/.test(name) || /[^\u0000-\u00FF]/.test(name)) return name;
  const bytes = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) bytes[i] = name.charCodeAt(i);
  if (isUtf8(bytes)) return utf8Strict.decode(bytes);
  const g = gb18030.decode(bytes);
  return g.includes('\uFFFD') ? name : g;
}
