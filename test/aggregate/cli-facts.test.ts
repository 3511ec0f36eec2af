/**
 * Small facts of `zmqd aggregate` on the sample inbox, through the CLI: every file's period is checked
 * against --period (a 填报时间 years away is no late report), and the city's change of a stock (listed)
 * is the difference of the two city totals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, zmqd } from '../helpers/cli.js';

const inbox = join(root, 'fixtures', 'inbox');

describe('zmqd aggregate --period', () => {
  it('checks every file: on the 2024 Q3 inbox, --period 2022Q1 counts no file and says why for each', () => {
    const r = zmqd(['aggregate', join(inbox, '2024Q3'), '--period', '2022Q1', '--as-of', '2024-10-01', '--format', 'json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.units.filter((u: any) => u.values)).toEqual([]);
    const annex1 = JSON.parse(zmqd(['validate', join(inbox, '2024Q3'), '--as-of', '2024-10-01', '--format', 'json']).stdout).files.filter((f: any) => f.kind === 'annex1');
    const mismatch = new Map(j.findings.filter((f: any) => f.code === 'period-mismatch').map((f: any) => [f.file, f]));
    for (const f of annex1) expect([f.file, (mismatch.get(f.file) as any)?.severity]).toEqual([f.file, 'error']);
    // the files that say nothing of their period but a 填报时间 of 2024年10月3日
    const dated = j.findings.filter((f: any) => f.code === 'period-mismatch' && /^附表1-/.test(f.file.split('/').pop()));
    expect(dated).toHaveLength(8);
    for (const f of dated) expect(f.message).toContain('据填报时间 2024-10-03');
  });

  it('a 填报时间 a little late still counts, with a warning to check', () => {
    // 2024-10-03 is three months after 2024 Q2: a late Q2 report as much as an early Q3 one
    const j = JSON.parse(zmqd(['aggregate', join(inbox, '2024Q3'), '--period', '2024Q2', '--as-of', '2024-10-01', '--format', 'json']).stdout);
    expect(j.units.find((u: any) => u.district === '奉节县').values).not.toBeNull();
    const f = j.findings.find((x: any) => x.code === 'period-mismatch' && x.file.endsWith('附表1-奉节县.xlsx'));
    expect(f.severity).toBe('warning');
  });
});

describe('zmqd aggregate --previous', () => {
  it('本期新增 of the stock 清单企业 is this total minus the previous total (a stock, not a sum of flows)', () => {
    const r = zmqd(['aggregate', join(inbox, '2024Q3'), '--previous', join(inbox, '2024Q2'), '--as-of', '2024-10-01', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const manifest = JSON.parse(readFileSync(join(inbox, 'manifest.json'), 'utf8'));
    expect(j.total.listed).toBe(manifest.total.listed);
    expect(j.previousTotal.listed).toBe(manifest.previousTotal.listed);
    expect(j.totalIncrement.listed).toBe(manifest.total.listed - manifest.previousTotal.listed);
    // not the sum of the units' changes: units that reported only one of the two periods are in the totals
    const units = j.units.reduce((a: number, u: any) => a + (u.increment?.listed ?? 0), 0);
    expect(units).not.toBe(j.totalIncrement.listed);
    // the running counts are the units' own activity summed, as before
    const sum = j.units.reduce((a: number, u: any) => a + (u.increment?.onsite_inspections ?? 0), 0);
    expect(j.totalIncrement.onsite_inspections).toBe(sum);
    const text = zmqd(['aggregate', join(inbox, '2024Q3'), '--previous', join(inbox, '2024Q2'), '--as-of', '2024-10-01']).stdout;
    const signed = (n: number) => (n > 0 ? `\\+${n}` : String(n));
    expect(text).toMatch(new RegExp(`其中本期新增\\s+${signed(j.totalIncrement.listed)}\\s+${signed(j.totalIncrement.onsite_inspections)}\\s`));
  });
});
