/**
 * Legacy .xls/.et: converted with LibreOffice when it is there (a warning), an error saying how
 * to re-save when it is not. A real .xls is made from an xlsx fixture with soffice itself.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyConverter, findSoffice, isLegacyExcel } from '../../src/cli/legacy.js';
import { validatePaths } from '../../src/cli/inputs.js';
import { SOFFICE_TIMEOUT_MS } from '../helpers/soffice.js';
import { describeWithTools, tool } from '../helpers/tools.js';
import { makeCfb } from '../workbook/helpers.js';
import { crashLines, ensureBuilt, ROOT, runCli } from './cli.js';

const GOOD_LIST = path.join(ROOT, 'fixtures', 'bad', 'annex', '渝北区附表2监督执法正面清单企业列表.xlsx');
const LEGACY = path.join(ROOT, 'fixtures', 'bad', 'annex', '九龙坡区附表2-旧版格式.xls');
const OPTS = { asOf: '2024-10-01', expiringDays: 90, allowList: new Set<string>() };

const tmp = mkdtempSync(path.join(tmpdir(), 'zmqd-legacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A stand-in `soffice`: copies $FAKE_XLSX to <outdir>/<input name>.xlsx for each input, or sleeps, or
 * writes nothing; 'hang-batch' converts a single input but hangs when given several.
 */
function fakeSoffice(mode: 'copy' | 'sleep' | 'nothing' | 'hang-batch'): string {
  const file = path.join(tmp, `soffice-${mode}`);
  writeFileSync(
    file,
    `#!${process.execPath}
const fs = require('node:fs'), path = require('node:path');
const a = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(path.join(tmp, 'calls.log'))}, JSON.stringify(a) + '\\n');
const out = a[a.indexOf('--outdir') + 1], inputs = a.slice(a.indexOf('--outdir') + 2);
const mode = ${JSON.stringify(mode)};
if (mode === 'sleep' || (mode === 'hang-batch' && inputs.length > 1)) setTimeout(() => {}, 60000);
else if (mode === 'copy' || mode === 'hang-batch') {
  fs.mkdirSync(out, { recursive: true });
  for (const input of inputs) fs.copyFileSync(process.env.FAKE_XLSX, path.join(out, path.basename(input).replace(/\\.[^.]+$/, '') + '.xlsx'));
}
`,
  );
  chmodSync(file, 0o755);
  return file;
}

function withEnv<T>(env: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(env)) {
    saved[k] = process.env[k];
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  return f().finally(() => {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
}

describe('deciding by bytes', () => {
  it('a legacy Excel/WPS compound file, not an encrypted xlsx, a .doc or an xlsx', () => {
    expect(isLegacyExcel(makeCfb(['Workbook']))).toBe(true);
    expect(isLegacyExcel(makeCfb(['Book']))).toBe(true);
    expect(isLegacyExcel(new Uint8Array(readFileSync(LEGACY)))).toBe(true);
    expect(isLegacyExcel(makeCfb(['EncryptionInfo', 'EncryptedPackage']))).toBe(false);
    expect(isLegacyExcel(makeCfb(['WordDocument']))).toBe(false);
    expect(isLegacyExcel(new Uint8Array(readFileSync(GOOD_LIST)))).toBe(false);
    expect(isLegacyExcel(new Uint8Array(0))).toBe(false);
  });

  it('finds soffice on the PATH, or as $SOFFICE; a $SOFFICE that is not there means none', async () => {
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    copyFileSync(fakeSoffice('nothing'), path.join(bin, 'soffice'));
    chmodSync(path.join(bin, 'soffice'), 0o755);
    expect(await findSoffice({ PATH: `/nonexistent${path.delimiter}${bin}` })).toBe(path.join(bin, 'soffice'));
    expect(await findSoffice({ PATH: '/nonexistent' })).toBeNull();
    expect(await findSoffice({ PATH: bin, SOFFICE: '/nonexistent/soffice' })).toBeNull();
    expect(await findSoffice({ PATH: '', SOFFICE: path.join(bin, 'soffice') })).toBe(path.join(bin, 'soffice'));
  });
});

describe('the converter', () => {
  it('converts in a private folder, with its own profile, and removes both', async () => {
    rmSync(path.join(tmp, 'calls.log'), { force: true });
    const conv = createLegacyConverter({ soffice: fakeSoffice('copy') });
    const r = await withEnv({ FAKE_XLSX: GOOD_LIST }, () => conv.convert(new Uint8Array(readFileSync(LEGACY))));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from(r.bytes).equals(readFileSync(GOOD_LIST))).toBe(true);
    const args = JSON.parse(readFileSync(path.join(tmp, 'calls.log'), 'utf8').trim()) as string[];
    const profile = args.find((a) => a.startsWith('-env:UserInstallation='))!;
    expect(profile).toBe(`-env:UserInstallation=${pathToFileURL(path.join(tmpdir(), `zmqd-lo-${process.pid}`)).href}`);
    expect(args).toContain('--headless');
    const input = args[args.length - 1]!;
    expect(path.dirname(input).startsWith(tmpdir())).toBe(true);
    expect(path.dirname(input)).not.toBe(path.dirname(LEGACY));
    expect(existsSync(path.dirname(input)), 'the conversion folder is removed').toBe(false);
    await conv.dispose();
    expect(existsSync(path.join(tmpdir(), `zmqd-lo-${process.pid}`))).toBe(false);
  });

  it('several files: one start of LibreOffice converts them all, each result in its place', async () => {
    rmSync(path.join(tmp, 'calls.log'), { force: true });
    const conv = createLegacyConverter({ soffice: fakeSoffice('copy') });
    const legacy = new Uint8Array(readFileSync(LEGACY));
    const rs = await withEnv({ FAKE_XLSX: GOOD_LIST }, () => conv.convertAll([legacy, legacy, legacy]));
    await conv.dispose();
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    const calls = readFileSync(path.join(tmp, 'calls.log'), 'utf8').trim().split('\n');
    expect(calls).toHaveLength(1);
    const args = JSON.parse(calls[0]!) as string[];
    expect(args.slice(-3).map((a) => path.basename(a))).toEqual(['input-0.xls', 'input-1.xls', 'input-2.xls']);
  });

  it('a batch that hangs is killed, and its files are converted one by one', async () => {
    rmSync(path.join(tmp, 'calls.log'), { force: true });
    const conv = createLegacyConverter({ soffice: fakeSoffice('hang-batch'), timeoutMs: 1500, perFileMs: 0 });
    const legacy = new Uint8Array(readFileSync(LEGACY));
    const rs = await withEnv({ FAKE_XLSX: GOOD_LIST }, () => conv.convertAll([legacy, legacy]));
    await conv.dispose();
    expect(rs.map((r) => r.ok)).toEqual([true, true]);
    expect(readFileSync(path.join(tmp, 'calls.log'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('a soffice that hangs is killed after the timeout; one that writes nothing is a failure, not a crash', async () => {
    const slow = createLegacyConverter({ soffice: fakeSoffice('sleep'), timeoutMs: 1500 });
    const t0 = Date.now();
    const r = await slow.convert(new Uint8Array(readFileSync(LEGACY)));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/timed out/);
    expect(Date.now() - t0).toBeLessThan(20_000);
    await slow.dispose();
    const none = createLegacyConverter({ soffice: fakeSoffice('nothing') });
    const n = await none.convert(new Uint8Array(readFileSync(LEGACY)));
    expect(n).toMatchObject({ ok: false });
    await none.dispose();
    const missing = createLegacyConverter({ soffice: path.join(tmp, 'no-such-soffice') });
    expect(await missing.convert(new Uint8Array(readFileSync(LEGACY)))).toMatchObject({ ok: false });
  }, 60_000);
});

describe('validatePaths with a legacy file', () => {
  it('converted: the converted workbook is validated, with a file-legacy-format warning', async () => {
    // the stand-in "converts" any .xls into the 渝北区 list: name the legacy file after 渝北区 too
    const legacy = path.join(tmp, '渝北区附表2-旧版.xls');
    copyFileSync(LEGACY, legacy);
    const r = await withEnv({ SOFFICE: fakeSoffice('copy'), FAKE_XLSX: GOOD_LIST }, () => validatePaths([legacy], OPTS, true));
    const f = r.results[0]!;
    expect(f.kind).toBe('annex2');
    expect(f.rows).toBe(6);
    expect(f.district).toBe('渝北区');
    expect(f.findings.map((x) => [x.code, x.severity, x.params.converted])).toEqual([['file-legacy-format', 'warning', 1]]);
    expect(f.findings[0]!.file).toBe(legacy);
  });

  it('conversion failed, or no LibreOffice: the error that says how to re-save', async () => {
    for (const soffice of [fakeSoffice('nothing'), '/nonexistent/soffice']) {
      const r = await withEnv({ SOFFICE: soffice }, () => validatePaths([LEGACY], OPTS, true));
      const f = r.results[0]!;
      expect(f.kind, soffice).toBeNull();
      expect(
        f.findings.map((x) => [x.code, x.severity]),
        soffice,
      ).toEqual([['file-legacy-format', 'error']]);
    }
  });
});

describeWithTools(['soffice'], 'a real .xls made by LibreOffice', () => {
  let xls: string;
  beforeAll(async () => {
    await ensureBuilt();
    const out = path.join(tmp, 'real');
    const profile = mkdtempSync(path.join(tmpdir(), 'zmqd-soffice-'));
    try {
      const r = spawnSync(
        tool('soffice').command,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xls', '--outdir', out, GOOD_LIST],
        { encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS },
      );
      const made = existsSync(out) ? readdirSync(out).find((n) => n.endsWith('.xls')) : undefined;
      if (!made) throw new Error(`soffice made no .xls: ${r.stdout}${r.stderr}`);
      xls = path.join(out, '渝北区附表2监督执法正面清单企业列表.xls');
      if (path.join(out, made) !== xls) copyFileSync(path.join(out, made), xls);
      copyFileSync(xls, path.join(out, '渝北区附表2-WPS.et'));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, SOFFICE_TIMEOUT_MS);

  it(
    'zmqd validate converts it (.xls and .et) and checks it: the warning, the data, exit 0',
    async () => {
      expect(isLegacyExcel(new Uint8Array(readFileSync(xls)))).toBe(true);
      const before = readdirSync(path.dirname(xls)).sort();
      const r = await runCli(['validate', path.dirname(xls), '--as-of', '2024-10-01', '--format', 'json'], { timeoutMs: 2 * SOFFICE_TIMEOUT_MS });
      expect(crashLines(r.stderr)).toEqual([]);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as { files: { file: string; kind: string; rows: number; findings: { code: string; severity: string }[] }[] };
      expect(j.files).toHaveLength(2);
      for (const f of j.files) {
        expect({ file: f.file, kind: f.kind, rows: f.rows }).toEqual({ file: f.file, kind: 'annex2', rows: 6 });
        expect(f.findings.map((x) => [x.code, x.severity])).toEqual([['file-legacy-format', 'warning']]);
      }
      expect(readdirSync(path.dirname(xls)).sort(), 'nothing written beside the input').toEqual(before);
      const strict = await runCli(['validate', xls, '--as-of', '2024-10-01', '--strict'], { timeoutMs: SOFFICE_TIMEOUT_MS });
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('file-legacy-format');
    },
    3 * SOFFICE_TIMEOUT_MS,
  );

  it('without LibreOffice: an error that says how to re-save, exit 1', async () => {
    const r = await runCli(['validate', xls, '--as-of', '2024-10-01'], { env: { SOFFICE: '/nonexistent/soffice' } });
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/另存为/);
  });
});
