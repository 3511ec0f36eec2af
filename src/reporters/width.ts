import { displayWidth } from '../core/values/width.js';

export { displayWidth };

/** Characters that never start a line (Chinese line-breaking rules, GB/T 15834 and W3C clreq). */
const CLOSING = /^[。，、；：！？）」』”’》〉】.,;:!?)\]}%]$/u;
/** Characters that never end a line. */
const OPENING = /^[（「『“‘《〈【([{]$/u;

/**
 * Tokens: a run of printable ASCII (a word, a number, a path), a dash or ellipsis pair (—— ……,
 * never split), whitespace, or one other character. A straight quote standing alone is closing
 * when it follows text and opening when it follows a space, as in English prose.
 */
const TOKEN = /[\x21-\x7e]+|——|……|\s+|./gsu;

/**
 * Break text into lines of at most `width` display columns (closing punctuation may hang one
 * column-pair past it, as in print). Breaks between CJK characters or at spaces; never before
 * closing punctuation (the character before it moves down with it when it cannot hang), never
 * after opening punctuation, never inside —— or …….
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let toks: string[] = [];
  let w = 0;
  let hung = false;
  const flush = (): void => {
    const line = toks.join('').trimEnd();
    if (line) lines.push(line);
    toks = [];
    w = 0;
    hung = false;
  };
  const closing = (tok: string): boolean =>
    CLOSING.test(tok) || (/^"[.,;:!?)\]]*$/.test(tok) && toks.length > 0 && !/\s$/.test(toks[toks.length - 1]!)) || /^[.,;:!?)\]}%]/.test(tok);
  for (const tok of text.match(TOKEN) ?? []) {
    if (/^\s+$/.test(tok)) {
      // kept even at the margin, so that what follows knows it follows a space (and breaks there)
      if (w > 0) {
        toks.push(' ');
        w += 1;
      }
      continue;
    }
    const tw = displayWidth(tok);
    if (w + tw > width && w > 0) {
      if (closing(tok) && tw <= 2 && !hung && w <= width) {
        // closing punctuation hangs past the margin rather than starting a line
        toks.push(tok);
        w += tw;
        hung = true;
        continue;
      }
      // what moves down: opening punctuation at the end of the line, and — before a closing mark
      // that cannot hang — the last character, so that the mark does not start a line
      const carry: string[] = [];
      if (closing(tok)) {
        while (toks.length > 1 && closing(toks[toks.length - 1]!)) carry.unshift(toks.pop()!);
        if (toks.length > 1 && !/^\s+$/.test(toks[toks.length - 1]!)) carry.unshift(toks.pop()!);
      }
      const opening = (i: number): boolean => OPENING.test(toks[i]!) || (toks[i] === '"' && (i === 0 || /\s$/.test(toks[i - 1]!)));
      while (toks.length > 1 && opening(toks.length - 1)) carry.unshift(toks.pop()!);
      flush();
      for (const c of carry) {
        toks.push(c);
        w += displayWidth(c);
      }
    }
    if (tw > width) {
      // a very long ASCII token (a path, a code): hard-break it
      for (const ch of tok) {
        const cw = displayWidth(ch);
        if (w + cw > width) flush();
        toks.push(ch);
        w += cw;
      }
      continue;
    }
    toks.push(tok);
    w += tw;
  }
  flush();
  return lines;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}
