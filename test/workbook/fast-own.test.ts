import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { own } from '../../src/core/workbook/fast/compat.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const BYTES = new TextEncoder().encode('<si><t>' + '重庆市九龙坡区某某有限公司'.repeat(40_000) + '</t></si>');

/** heap growth (MiB) from keeping one 30-character piece of each of 60 separate ~1 MiB strings */
function keptMiB(take: (s: string) => string): { mib: number; kept: string[] } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 60; i++) {
    // a flat string of its own, decoded from bytes as each chunk of XML is
    const chunk = new TextDecoder().decode(BYTES);
    kept.push(take(chunk.slice(1000, 1030)));
  }
  gc();
  return { mib: (process.memoryUsage().heapUsed - before) / 1048576, kept };
}

describe('own: a kept cell text does not keep its chunk of XML alive', () => {
  it('a bare substring keeps its chunk (what own guards against)', () => {
    expect(keptMiB((s) => s).mib).toBeGreaterThan(40);
  });
  it('own makes an independent copy, equal to the piece', () => {
    const { mib, kept } = keptMiB(own);
    expect(mib).toBeLessThan(10);
    expect(kept[7]).toBe(('<si><t>' + '重庆市九龙坡区某某有限公司'.repeat(100)).slice(1000, 1030));
  });
  it('short and empty texts come back as they are', () => {
    expect(own('')).toBe('');
    expect(own('短')).toBe('短');
    expect(own('a'.repeat(13))).toBe('a'.repeat(13));
  });
});
