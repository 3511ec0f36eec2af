/**
 * A collect state written by an earlier version keeps each message's findings with parameters that
 * were sentences in both languages. Read back, they render the messages that version rendered
 * (recorded-findings.json: its findings and messages), except where its English showed Chinese.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { upgradeRecorded } from '../../src/core/collect/recorded.js';
import { messageOf } from '../../src/core/findings/make.js';
import type { Finding } from '../../src/core/findings/types.js';
import { root } from '../helpers/cli.js';

const recorded = JSON.parse(readFileSync(path.join(root, 'test', 'collect', 'recorded-findings.json'), 'utf8')) as { f: Finding; zh: string; en: string }[];

describe('findings recorded by an earlier version', () => {
  it.each(recorded.map((r, i) => [`${i} ${r.f.code}`, r] as const))('%s renders as it did', (_, r) => {
    const f = upgradeRecorded(r.f)!;
    expect(f).not.toBeNull();
    expect([messageOf(f, 'zh'), messageOf(f, 'en')]).toEqual([r.zh, r.en]);
  });

  it('a finding of today is left as it is', () => {
    const f: Finding = { code: 'collect-winmail-dat', severity: 'error', file: 'x', params: { subject: 's', from: 'f' } };
    expect(upgradeRecorded(f)).toBe(f);
  });
});
