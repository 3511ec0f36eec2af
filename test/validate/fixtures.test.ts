/**
 * Every fixture of fixtures/annex and fixtures/sample against manifest.json: kind, district, rows and
 * the exact findings (code + cell, both ways), plus messages that say what to do in both languages.
 * The manifest is written by hand in scripts/fixtures/annex.ts, not by running the validator.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFile, type FileResult } from '../../src/core/validate/validate.js';
import { messageOf, render } from '../../src/core/findings/make.js';
import { isFindingCode } from '../../src/core/findings/catalogue/index.js';
import { DEFAULT_ALLOW_LIST } from '../../src/core/ids/allow-list.js';
import { generate, type Manifest, type ManifestEntry } from '../../scripts/fixtures/annex.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'fixtures');

const manifest = JSON.parse(await fs.readFile(path.join(fixtures, 'annex', 'manifest.json'), 'utf8')) as Manifest;
const opts = { asOf: manifest.asOf, expiringDays: manifest.expiringDays, allowList: new Set(DEFAULT_ALLOW_LIST) };

async function run(entry: ManifestEntry): Promise<FileResult> {
  const bytes = new Uint8Array(await fs.readFile(path.join(fixtures, ...entry.path.split('/'))));
  return validateFile({ file: entry.path, name: path.posix.basename(entry.path), bytes }, opts);
}

/** "code@cell" keys, sorted, so a difference shows as a readable diff. */
function keys(fs: readonly { code: string; cell?: string | null }[]): string[] {
  return fs.map((x) => `${x.code}@${x.cell ?? '-'}`).sort();
}

/** Every Annex 2 date cell as read: cell → day, or `from..to` for a 有效期至 range. */
function readDates(r: FileResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of r.annex2?.entries ?? []) {
    if (e.includedOn) out[e.fields.includedOn!.ref] = e.includedOn.ok ? e.includedOn.date : `unreadable: ${e.includedOn.reason}`;
    const v = e.validUntil;
    if (v) out[e.fields.validUntil!.ref] = !v.ok ? `unreadable: ${v.reason}` : 'to' in v ? (v.from ? `${v.from}..${v.to}` : v.to) : v.date;
  }
  return out;
}

const byGroup = (g: string) => manifest.files.filter((e) => e.path.startsWith(g));

describe('fixtures/annex manifest', () => {
  it('covers every file on disk, and every file in it exists', async () => {
    const onDisk: string[] = [];
    for (const top of ['annex', 'sample']) {
      const walk = async (dir: string, rel: string): Promise<void> => {
        for (const e of await fs.readdir(dir, { withFileTypes: true })) {
          if (e.isDirectory()) await walk(path.join(dir, e.name), `${rel}/${e.name}`);
          else if (e.name !== 'manifest.json') onDisk.push(`${rel}/${e.name}`);
        }
      };
      await walk(path.join(fixtures, top), top);
    }
    expect(manifest.files.map((e) => e.path).sort()).toEqual(onDisk.sort());
  });

  it('has at least five clean workbooks, a list of 40 rows or more, and a workbook for each finding code of the reader and the rules', () => {
    expect(byGroup('annex/clean/').length).toBeGreaterThanOrEqual(5);
    expect(byGroup('annex/clean/').every((e) => e.findings.length === 0)).toBe(true);
    const codes = new Set(manifest.files.flatMap((e) => e.findings.map((x) => x.code)));
    for (const c of [
      'uscc-checksum',
      'uscc-format',
      'uscc-numeric-cell',
      'uscc-normalised',
      'uscc-duplicate',
      'uscc-org-code',
      'permit-format',
      'permit-uscc-mismatch',
      'permit-suffix',
      'date-invalid',
      'entry-expired',
      'entry-expiring',
      'validity-over-3-years',
      'criterion-invalid',
      'seq-invalid',
      'industry-unknown',
      'required-missing',
      'header-missing-column',
      'district-placeholder',
      'district-unknown',
      'district-mismatch',
      'number-invalid',
      'number-as-text',
      'formula-no-value',
      'total-mismatch',
      'number-blank',
      'file-unreadable',
      'file-legacy-format',
      'file-encrypted',
      'file-too-large',
      'sheet-not-recognised',
    ])
      expect(codes, c).toContain(c);
    // the realistic clean list is big enough to mean something
    const big = manifest.files.find((e) => e.path === 'annex/clean/渝北区-附表2-监督执法正面清单企业列表.xlsx')!;
    expect(big.rows).toBeGreaterThanOrEqual(40);
  });
});

for (const group of ['annex/clean/', 'annex/dirty/', 'annex/awkward/', 'annex/bad/', 'sample/']) {
  describe(group, () => {
    for (const entry of byGroup(group)) {
      it(`${path.posix.basename(entry.path)} — ${entry.about}`, async () => {
        const r = await run(entry);
        expect({ kind: r.kind, district: r.district, rows: r.rows }).toEqual({ kind: entry.kind, district: entry.district, rows: entry.rows });
        expect(keys(r.findings)).toEqual(keys(entry.findings));
        if (group === 'annex/awkward/') expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
        if (entry.reportDate) expect(r.reportDate).toBe(entry.reportDate);
        if (entry.dates) expect(readDates(r)).toEqual(entry.dates);
        for (const x of r.findings) {
          // every finding located in its file, and its message says what to do in both languages
          expect(x.file).toBe(entry.path);
          for (const lang of ['zh', 'en'] as const) {
            const m = messageOf(x, lang);
            expect(m.length, `${x.code} ${lang}`).toBeGreaterThan(20);
            expect(m, `${x.code} ${lang}: unfilled parameter`).not.toMatch(/undefined|\$\{|NaN|\[object/);
            expect(render(x, lang).message).toBe(m);
          }
          expect(messageOf(x, 'zh')).toMatch(/[\u4e00-\u9fff]/);
          // no English prose inside a Chinese message (quoted values and names of things excepted)
          const prose = messageOf(x, 'zh').replace(/“[^”]*”|"[^"]*"|zmqd template|Excel|WPS|GB\/T|\.xlsx?|\*\.xlsx|MB|KB|CSV|HTML|#REF!|#[A-Z0-9/]+[!?]/g, '');
          expect(prose, `${x.code}: ${messageOf(x, 'zh')}`).not.toMatch(/[A-Za-z]{3,}/);
          expect(messageOf(x, 'en')).toMatch(/\b[A-Za-z]{3,}\b.*\b[A-Za-z]{3,}\b.*\b[A-Za-z]{3,}\b/);
          expect(isFindingCode(x.code), x.code).toBe(true);
        }
      });
    }
  });
}

describe('details the manifest does not carry', () => {
  const dirty = () => run(manifest.files.find((e) => e.path === 'annex/dirty/渝北区附表2-问题清单.xlsx')!);

  it('uscc-checksum names the right check character; O/I typos get the corrected code', async () => {
    const r = await dirty();
    const sum = r.findings.find((x) => x.code === 'uscc-checksum')!;
    expect(sum.expected).toMatch(/^[0-9A-HJ-NP-RTUW-Y]$/);
    expect(messageOf(sum, 'zh')).toContain(`应为“${sum.expected}”`);
    const typos = r.findings.filter((x) => x.code === 'uscc-format' && /[OI]/.test(x.value ?? ''));
    expect(typos).toHaveLength(2);
    for (const t of typos) {
      expect(t.expected).toBe(t.value!.replace(/O/g, '0').replace(/I/g, '1'));
      expect(messageOf(t, 'zh')).toContain(t.expected);
    }
    const old = r.findings.find((x) => x.code === 'uscc-format' && x.value === '500112000123456')!;
    expect(messageOf(old, 'zh')).toContain('15 位');
  });

  it('the numeric-cell USCC shows the digits Excel kept and tells the district to format the column as text', async () => {
    const r = await dirty();
    const n = r.findings.find((x) => x.code === 'uscc-numeric-cell')!;
    expect(n.value).toMatch(/^9\d{14}000$/);
    expect(messageOf(n, 'zh')).toContain('文本');
    expect(messageOf(n, 'en')).toContain('Text');
  });

  it('the merged-away unit says where it went', async () => {
    const r = await run(manifest.files.find((e) => e.path.startsWith('annex/dirty/江北区2026'))!);
    for (const x of r.findings) expect(messageOf(x, 'zh')).toContain('两江新区');
  });

  it('findings carry row and column for a person to find them', async () => {
    const r = await dirty();
    for (const x of r.findings.filter((y) => y.cell)) {
      expect(x.row).toBe(Number(x.cell!.replace(/^[A-Z]+/, '')));
      expect(x.column).toBeTruthy();
      expect(x.sheet).toBe('附表2');
    }
  });
});

describe('scripts/fixtures/annex.ts', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'zmqd-fixtures-'));
    await generate(path.join(tmp, 'annex'));
  }, 120_000);
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('regenerates the committed fixtures byte for byte (after changing the generator or the writers: npm run build && npm run fixtures -- annex)', async () => {
    for (const e of manifest.files) {
      const a = await fs.readFile(path.join(fixtures, ...e.path.split('/')));
      const b = await fs.readFile(path.join(tmp, ...e.path.split('/')));
      expect(Buffer.compare(a, b), e.path).toBe(0);
    }
    const m1 = await fs.readFile(path.join(fixtures, 'annex', 'manifest.json'), 'utf8');
    const m2 = await fs.readFile(path.join(tmp, 'annex', 'manifest.json'), 'utf8');
    expect(m2).toBe(m1);
  });
});
