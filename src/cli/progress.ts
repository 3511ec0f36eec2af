import { printable, terminalSafe } from '../reporters/safe.js';
/** A one-line progress bar on stderr, only when stderr is a terminal and not --quiet. */
export class Progress {
  private readonly on: boolean;
  private last = 0;
  constructor(private readonly total: number, quiet: boolean, private readonly label: string) {
    this.on = !quiet && Boolean(process.stderr.isTTY) && total > 1;
  }
  tick(done: number, name: string): void {
    if (!this.on) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const safe = printable(name);
    const shown = safe.length > 30 ? '…' + safe.slice(-29) : safe;
    process.stderr.write(`\r${this.label} ${bar} ${done}/${this.total} ${shown}\x1b[K`);
  }
  done(): void {
    if (this.on) process.stderr.write('\r\x1b[K');
  }
}

/** A log line on stderr (never stdout: stdout belongs to the report / JSON). */
export function log(quiet: boolean, msg: string): void {
  if (!quiet) process.stderr.write(terminalSafe(msg) + '\n');
}
