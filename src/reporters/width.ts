import { displayWidth } from '../core/values/width.js';

export { displayWidth };

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
