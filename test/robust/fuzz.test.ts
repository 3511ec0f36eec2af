/**
 * The fuzz harness in `npm test`: a few hundred mutated fixtures through validateFile, each in a
 * worker with a time bound (scripts/fuzz.ts; `npm run fuzz` runs 10,000). No crash, no hang, and a
 * file-level finding for every file our opener refuses.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest, loadSeeds, makeCase, type FuzzSummary } from '../../scripts/fuzz.js';
import { ensureBuilt, ROOT } from './cli.js';

await ensureBuilt();

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-fuzz-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fuzz(args: string[]): Promise<{ code: number | null; summary: FuzzSummary; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'fuzz.js'), '--json', '--save', tmp, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, summary: JSON.parse(out) as FuzzSummary, stderr: err });
      } catch {
        reject(new Error(`fuzz printed no JSON (exit ${code}):\n${out}\n${err}`));
      }
    });
  });
}

describe('fuzzing validateFile', () => {
  it('300 mutated fixtures and data files: no crash, no hang, every broken file its finding', async () => {
    const { code, summary } = await fuzz(['--cases', '300', '--seed', '20241001', '--workers', '2', '--timeout', '10000']);
    const problems = summary.problems.map((p) => `${p.kind} case ${p.id} (${p.seed}: ${p.mutation}): ${p.detail} → ${p.saved}`);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ ran: 300, crashed: 0, hung: 0, missing: 0 });
    expect(code).toBe(0);
    // the mutations do both: break files and leave readable-but-odd ones for the rules
    expect(summary.broken).toBeGreaterThan(50);
    expect(summary.opened).toBeGreaterThan(20);
    for (const m of ['bitflip', 'truncate', 'shuffle', 'xml', 'drop', 'duplicate', 'directory', 'prefix', 'csv', 'lines']) expect(summary.byMutation[m], m).toBeGreaterThan(0);
    // enforcement-data files (CSV, xlsx) go through check's reader too
    expect(summary.dataCases).toBeGreaterThan(20);
  }, 240_000);

  it('the harness itself notices a hang and an exception (and fails on them)', async () => {
    const hang = await fuzz(['--cases', '2', '--workers', '1', '--timeout', '1500', '--self-test', 'hang']);
    expect(hang.summary).toMatchObject({ ran: 2, hung: 1, crashed: 0 });
    expect(hang.summary.problems[0]).toMatchObject({ id: 0, kind: 'hang' });
    expect(hang.code).toBe(1);
    const thrown = await fuzz(['--cases', '2', '--workers', '1', '--self-test', 'throw']);
    expect(thrown.summary).toMatchObject({ ran: 2, crashed: 1, hung: 0 });
    expect(thrown.summary.problems[0]!.detail).toMatch(/deliberate failure/);
    expect(thrown.code).toBe(1);
  }, 120_000);

  it('a case is the same bytes for the same seed and id, and another seed gives others', () => {
    const seeds = loadSeeds(ROOT);
    expect(seeds.length).toBeGreaterThan(10);
    const a = Array.from({ length: 40 }, (_, i) => makeCase(seeds, 5, i));
    const b = Array.from({ length: 40 }, (_, i) => makeCase(seeds, 5, i));
    expect(a.map((c) => [c.mutation, digest(c.bytes)])).toEqual(b.map((c) => [c.mutation, digest(c.bytes)]));
    const other = Array.from({ length: 40 }, (_, i) => makeCase(seeds, 6, i));
    expect(other.map((c) => digest(c.bytes))).not.toEqual(a.map((c) => digest(c.bytes)));
    // every case differs from the seed it came from
    for (const c of a) expect(digest(c.bytes), c.mutation).not.toBe(digest(seeds.find((s) => s.name === c.seed)!.bytes));
  });
});
