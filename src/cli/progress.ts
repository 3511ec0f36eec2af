import { printable, terminalSafe } from '../reporters/safe.js';
import { readProgress } from '../core/workbook/progress.js';
import { displayWidth } from '../reporters/width.js';
import { labels } from '../core/i18n/index.js';

/** The bar being shown, so a log line can clear it first (it is redrawn at the next update). */
let shown: Progress | null = null;

/** The tail of `s` that fits in `width` display columns, '…' marking the cut (file names differ at their end). */
function fitTail(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 1) return width === 1 ? '…' : '';
  const chars = [...s];
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + displayWidth(chars[i - 1]!) <= width) w += displayWidth(chars[--i]!);
  return '…' + chars.slice(i).join('');
}

/**
 * A one-line progress display on stderr, only when stderr is a terminal and not --quiet: the files
 * done of several, and the rows read of the file being read (a 100,000-row list takes seconds).
 * The line never exceeds the terminal's width (Chinese characters count two columns), so it never
 * wraps, and it is cleared with \r and erase-to-end-of-line, so it never leaves a stale line.
 */
export class Progress {
  private readonly on: boolean;
  private last = 0;
  private started = 0;
  private done_ = 0;
  private name = '';
  private rows = 0;
  constructor(
    private readonly total: number,
    quiet: boolean,
    private readonly label: string,
    private readonly lang: 'zh' | 'en' = /[\u4e00-\u9fff]/.test(label) ? 'zh' : 'en',
  ) {
    // isTTY is undefined, not false, when stderr is not a terminal (@types/node types it boolean)
    this.on = !quiet && Boolean(process.stderr.isTTY as boolean | undefined);
  }

  /** File `done` (0-based) of the total is being read now. */
  tick(done: number, name: string): void {
    if (!this.on) return;
    this.done_ = done;
    this.name = printable(name);
    this.rows = 0;
    this.started = Date.now();
    readProgress.onRows = (n) => this.onRows(n);
    if (this.total > 1) this.draw(false);
  }

  private onRows(n: number): void {
    this.rows = n;
    // a small file is read before anyone could read the bar: nothing drawn for the first 300 ms
    if (Date.now() - this.started < 300) return;
    this.draw(false);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const cols = Math.max(20, process.stderr.columns || 80) - 1; // the last column would wrap on some terminals
    const parts: string[] = [this.label];
    if (this.total > 1) {
      const width = cols >= 70 ? 20 : 10;
      const filled = Math.round((this.done_ / this.total) * width);
      parts.push('█'.repeat(filled) + '░'.repeat(width - filled), `${this.done_}/${this.total}`);
    }
    const rows = this.rows ? labels(this.lang).report.cli.rowsRead(this.rows) : '';
    const head = parts.join(' ');
    const room = cols - displayWidth(head) - 1 - (rows ? displayWidth(rows) + 1 : 0);
    const line = [head, fitTail(this.name, room), rows].filter(Boolean).join(' ');
    process.stderr.write(`\r${fitTail(line, cols)}\x1b[K`);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module remembers which progress line is on the screen
    shown = this;
  }

  /** Remove the line from the screen (before a log line, and at the end). */
  clear(): void {
    if (shown === this) {
      process.stderr.write('\r\x1b[K');
      shown = null;
    }
  }

  done(): void {
    readProgress.onRows = null;
    this.clear();
  }
}

/** A log line on stderr (never stdout: stdout belongs to the report / JSON); a progress line is cleared first. */
export function log(quiet: boolean, msg: string): void {
  if (quiet) return;
  shown?.clear();
  process.stderr.write(terminalSafe(msg) + '\n');
}
