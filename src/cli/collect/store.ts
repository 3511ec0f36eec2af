/**
 * The collect state of an inbox folder: `.zmqd-collect/state.json` (mailbox, UIDVALIDITY, one record
 * per message fetched, the files zmqd placed with their SHA-256) and `.zmqd-collect/files/` (every
 * attachment kept, as received). The visible folder is laid out from them on every run, so a second
 * run writes the same folder and a run cut short is completed by the next. Every write is temp +
 * rename (writeAtomic); only files recorded as zmqd's own are ever replaced or removed.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { writeAtomic, UsageError } from '../io.js';
import type { MessageRecord, Placement } from '../../core/collect/tracker.js';
import { upgradeRecorded } from '../../core/collect/recorded.js';
import type { Finding } from '../../core/findings/types.js';

export const STATE_DIR = '.zmqd-collect';

export interface CollectState {
  version: 1;
  host: string;
  user: string;
  folder: string;
  uidValidity: string;
  records: MessageRecord[];
  /** inbox-relative path → SHA-256 of what zmqd wrote there */
  written: Record<string, string>;
}

const stateSchema = z.object({
  version: z.literal(1),
  host: z.string(),
  user: z.string(),
  folder: z.string(),
  uidValidity: z.string(),
  records: z.array(z.any()),
  written: z.record(z.string(), z.string()),
});

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

export class Store {
  constructor(readonly dir: string) {}

  get statePath(): string {
    return path.join(this.dir, STATE_DIR, 'state.json');
  }

  async load(): Promise<CollectState | null> {
    let text: string;
    try {
      text = await fs.readFile(this.statePath, 'utf8');
    } catch {
      return null;
    }
    try {
      const r = stateSchema.safeParse(JSON.parse(text));
      if (r.success) {
        const state = r.data as CollectState;
        // findings recorded by an earlier version: today's parameters (one that cannot be read back is left out)
        for (const rec of state.records) rec.findings = (rec.findings ?? []).map(upgradeRecorded).filter((f): f is Finding => f !== null);
        return state;
      }
    } catch {
      /* below */
    }
    throw new UsageError(
      `收取记录 ${this.statePath} 已损坏。请把它改名备份后重新运行（将重新收取本期邮件）。\nThe collect record ${this.statePath} is damaged; rename it and run again (the period's mail is fetched again).`,
    );
  }

  async save(state: CollectState): Promise<void> {
    // the store decides what is its own (state.written); the document-properties test of
    // checkOutputPath is for workbooks a person may have filled in, not for collect's own files
    await writeAtomic(this.statePath, JSON.stringify(state, null, 1) + '\n', [], { force: true });
  }

  async keep(rel: string, bytes: Uint8Array): Promise<void> {
    await writeAtomic(path.join(this.dir, STATE_DIR, 'files', rel), bytes, [], { force: true });
  }

  async read(rel: string): Promise<Uint8Array> {
    const b = await fs.readFile(path.join(this.dir, STATE_DIR, 'files', rel));
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }

  /**
   * Lay the inbox folder out as planned. A target held by a file zmqd did not write is left alone and
   * the attachment goes beside it (returned, for a finding). zmqd's own files no longer planned (moved
   * to .已替代/) are removed.
   */
  async layOut(placements: Placement[], state: CollectState): Promise<{ clashes: { placement: Placement; saved: string }[] }> {
    const written: Record<string, string> = {};
    const clashes: { placement: Placement; saved: string }[] = [];
    for (const p of placements) {
      const bytes = await this.read(p.store);
      const hash = sha256(bytes);
      let target = p.target;
      const abs = (t: string) => path.join(this.dir, t);
      const existing = await fs.readFile(abs(target)).catch(() => null);
      if (existing && state.written[target] === undefined && sha256(existing) !== hash) {
        target = target.replace(/(\.[^./]*)?$/, (ext) => `（邮件收取）${ext}`);
        clashes.push({ placement: p, saved: target });
      }
      const now = target === p.target ? existing : await fs.readFile(abs(target)).catch(() => null);
      // a file not recorded as collect's own was given another name above: this target is collect's
      if (!now || sha256(now) !== hash) await writeAtomic(abs(target), bytes, [], { force: true });
      written[target] = hash;
    }
    for (const [rel, hash] of Object.entries(state.written)) {
      if (written[rel] !== undefined) continue;
      const abs = path.join(this.dir, rel);
      const cur = await fs.readFile(abs).catch(() => null);
      // only what is still exactly as zmqd wrote it
      if (cur && sha256(cur) === hash) await fs.rm(abs, { force: true });
    }
    state.written = written;
    return { clashes };
  }
}
