/**
 * `zmqd page --out FILE.html` (no browser needed): the page built from the current sources, written
 * whole, self-contained, within the size budget of a file e-mailed to every district.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, zmqd } from '../helpers/cli.js';

describe('zmqd page', () => {
  let tmp: string;
  beforeAll(() => {
    // the global setup runs tsc only: build the page as npm run build does
    execFileSync(process.execPath, [path.join(root, 'dist', 'scripts', 'build-page.js')], { cwd: root, stdio: 'pipe' });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'zmqd-page-cmd-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes one self-contained HTML file under 1.5 MB, the one npm run build made', () => {
    const out = path.join(tmp, '正面清单自查.html');
    const r = zmqd(['page', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(out);
    const html = readFileSync(out);
    expect(html.equals(readFileSync(path.join(root, 'dist', 'page', 'zmqd-page.html')))).toBe(true);
    expect(html.length).toBeLessThan(1.5 * 1024 * 1024);
    const text = html.toString('utf8');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    // nothing loaded from anywhere: no element with a source or link, one inline script, one inline style
    expect(text).not.toMatch(/<(script|img|iframe|link|source|embed|object|video|audio)\b[^>]*\b(src|href|data)\s*=/i);
    expect(text.match(/<script\b/g)).toHaveLength(1);
    expect(text.match(/<style\b/g)).toHaveLength(1);
    // and the browser is told to refuse any connection, should the code ever try
    expect(text).toMatch(/Content-Security-Policy" content="default-src 'none';[^"]*connect-src 'none'/);
  });

  it('writes to the default file name in the current folder', () => {
    const r = zmqd(['page', '--quiet'], { cwd: tmp });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(path.join(tmp, '正面清单自查.html')).length).toBeGreaterThan(500_000);
  });
});
