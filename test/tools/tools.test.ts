import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installLine, TOOLS, type ToolFound, type ToolId } from '../../src/cli/tools.js';
import { gate, REQUIRE_ENV } from '../helpers/tools.js';
import { zmqd } from '../helpers/cli.js';

const ROOT = path.resolve(__dirname, '..', '..');
const none = (): ToolFound | undefined => undefined;
const all = (): ToolFound | undefined => ({ command: '/x', version: '1' });

describe('the tool gate', () => {
  it('skips a suite whose tool is missing, naming the tool', () => {
    expect(gate(['soffice', 'chromium'], {}, (id: ToolId) => (id === 'soffice' ? undefined : all()))).toEqual({ missing: ['soffice'] });
    expect(gate(['soffice'], {}, all)).toEqual({ missing: [] });
  });

  it(`under ${REQUIRE_ENV}=1 a missing tool fails instead, with the install line`, () => {
    expect(() => gate(['openpyxl', 'dovecot'], { [REQUIRE_ENV]: '1' }, none)).toThrow(/Python openpyxl, Dovecot IMAP missing — apt-get install -y python3-openpyxl dovecot-imapd/);
    expect(gate(['openpyxl'], { [REQUIRE_ENV]: '1' }, all)).toEqual({ missing: [] });
  });

  it('every tool names its Debian package once', () => {
    expect(installLine()).toBe(`apt-get install -y ${[...new Set(TOOLS.map((t) => t.debian))].join(' ')}`);
    expect(new Set(TOOLS.map((t) => t.id)).size).toBe(TOOLS.length);
  });
});

describe('a real vitest run of a gated suite with LibreOffice missing', () => {
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/tools/gated.vitest.config.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      // its own record of skips, so the nested run's skip is not summed up with this run's
      env: { ...process.env, SOFFICE: '/nonexistent/soffice', [REQUIRE_ENV]: '', NO_COLOR: '1', ZMQD_SKIP_DIR: mkdtempSync(path.join(tmpdir(), 'zmqd-skips-')), ...env },
      timeout: 120_000,
    });

  it('skips the suite and passes the rest', () => {
    const r = run({});
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 passed/);
    expect(r.stdout).toMatch(/1 skipped/);
    expect(r.stdout).toMatch(/1 suite skipped: LibreOffice missing — apt-get install -y libreoffice-calc/);
  });

  it(`fails the run under ${REQUIRE_ENV}=1 (as CI sets it)`, () => {
    const r = run({ [REQUIRE_ENV]: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/LibreOffice missing — apt-get install -y libreoffice-calc/);
  });
});

describe('zmqd doctor', () => {
  it('says which tools are present or missing, what each is for, and how to install them', () => {
    const r = zmqd(['doctor', '--format', 'json'], { env: { SOFFICE: '/nonexistent/soffice', CHROMIUM: '/nonexistent/chromium' } });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { tools: { id: string; found: boolean; usedBy: string; install?: string }[] };
    expect(j.tools.map((t) => t.id)).toEqual(TOOLS.map((t) => t.id));
    const soffice = j.tools.find((t) => t.id === 'soffice')!;
    expect(soffice).toMatchObject({ found: false, usedBy: 'users and tests', install: 'apt-get install -y libreoffice-calc' });
    expect(j.tools.find((t) => t.id === 'chromium')).toMatchObject({ found: false, usedBy: 'tests' });
    const text = zmqd(['doctor'], { env: { SOFFICE: '/nonexistent/soffice' } });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/✗ LibreOffice \[用户与测试\]: 未安装 — apt-get install -y libreoffice-calc/);
    expect(text.stdout).toMatch(/另存为 \.xlsx/);
  });
});
