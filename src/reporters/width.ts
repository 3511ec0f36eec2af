/** Display width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

const CLOSING = /^[。，、；：！？）」』”’》〉】.,;:!?)]$/;
const OPENING = /^[（「『“‘《〈【(]$/;

/** Break text into lines of at most `width` display columns; breaks between CJK characters or at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const tokens = text.match(/[\x21-\x7e]+|\s+|./gsu) ?? [];
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (w > 0 && w + 1 <= width) {
        line += ' ';
        w += 1;
      }
      continue;
    }
    const tw = displayWidth(tok);
    // closing punctuation hangs past the margin rather than starting a line (Chinese line-breaking rule)
    if (w + tw > width && w > 0 && !(CLOSING.test(tok) && w <= width)) {
      // no line ends with opening punctuation: carry it to the next line
      let carry = '';
      while (line && OPENING.test(line.slice(-1))) {
        carry = line.slice(-1) + carry;
        line = line.slice(0, -1);
      }
      lines.push(line.trimEnd());
      line = carry;
      w = displayWidth(carry);
    }
    if (tw > width) {
      // a very long ASCII token (a path, a code): hard-break it
      for (const ch of tok) {
        const cw = displayWidth(ch);
        if (w + cw > width) {
          lines.push(line);
          line = '';
          w = 0;
        }
        line += ch;
        w += cw;
      }
      continue;
    }
    line += tok;
    w += tw;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}
