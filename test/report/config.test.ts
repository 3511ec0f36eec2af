import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseConfig, expandOutPattern } from '../../src/core/config/schema.js';
import { loadConfig, mergeOptions } from '../../src/cli/config.js';
import { UsageError } from '../../src/cli/io.js';

describe('config file schema', () => {
  it('accepts a complete config', () => {
    const r = parseConfig(
      JSON.stringify({ inspections: 'a.csv', credit: 'b.xlsx', previous: ['q2'], out: 'reports/{period}', expiringDays: 60, cutover: '2025-10-01', lang: 'en' }),
    );
    expect(r.ok).toBe(true);
  });
  it('names every mistake with its key, in both languages', () => {
    const r = parseConfig(JSON.stringify({ inspection: 'a.csv', expiringDays: 'ninety', cutover: '2025-13-01', lang: 'fr', period: '2021Q5' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join('\n');
    expect(text).toMatch(/未知的配置项 \/ unknown key: inspection/);
    expect(text).toMatch(/expiringDays: 应为数字 \/ must be a number/);
    expect(text).toMatch(/cutover: 须为 YYYY-MM-DD/);
    expect(text).toMatch(/lang: 只能是 \/ must be one of zh, en/);
    expect(text).toMatch(/period: 须为季度/);
  });
  it('reports JSON syntax errors', () => {
    const r = parseConfig('{ "out": "x", }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/不是有效的 JSON/);
  });
  it('accepts a BOM (Notepad on Windows writes one)', () => {
    expect(parseConfig('\uFEFF{"lang":"zh"}').ok).toBe(true);
  });
  it('fills the output pattern', () => {
    expect(expandOutPattern('reports/{period}/{asOf}', { period: '2024Q3', asOf: '2024-10-08' })).toBe('reports/2024Q3/2024-10-08');
  });
});

describe('loading and merging', () => {
  it('resolves paths against the config file folder, and the command line wins', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zmqd-cfg-'));
    const file = path.join(dir, 'zmqd.config.json');
    writeFileSync(file, JSON.stringify({ inspections: 'data/检查记录.csv', previous: '2024Q2', out: 'out/{period}', lang: 'en', expiringDays: 30 }));
    const c = await loadConfig(file);
    expect(c.inspections).toBe(path.join(dir, 'data', '检查记录.csv'));
    expect(c.previous).toEqual([path.join(dir, '2024Q2')]);
    const merged = mergeOptions({ lang: 'zh', out: undefined as string | undefined }, c) as Record<string, unknown>;
    expect(merged.lang).toBe('zh');
    expect(merged.out).toBe(path.join(dir, 'out', '{period}'));
    expect(merged.expiringDays).toBe('30');
  });
  it('a bad config is a usage error (exit 2) listing the problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zmqd-cfg-'));
    const file = path.join(dir, 'zmqd.config.json');
    writeFileSync(file, JSON.stringify({ expiringDays: -1 }));
    await expect(loadConfig(file)).rejects.toBeInstanceOf(UsageError);
    await expect(loadConfig(path.join(dir, 'missing.json'))).rejects.toThrow(/无法读取配置文件/);
  });
});
