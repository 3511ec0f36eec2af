/**
 * The bundled sample inbox (fixtures/inbox, scripts/fixtures/inbox.ts) against its manifest, through
 * the built CLI: `validate` finds exactly the planted mistakes at their files and cells, `aggregate
 * --previous` gives the totals, the missing and unreadable units and the decrease, `check` gives the
 * planted verdicts and passes everything else. The manifest's numbers come from the generator's own
 * records, never from zmqd. Also: the committed inbox is exactly what the generator writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { root, zmqd } from '../helpers/cli.js';
import { generate, type InboxManifest } from '../../scripts/fixtures/inbox.js';
import { parseConfig } from '../../src/core/config/schema.js';
import { FIGURE_KEYS } from '../../src/core/layout/annex1.js';

const inbox = path.join(root, 'fixtures', 'inbox');
const manifest = JSON.parse(await fs.readFile(path.join(inbox, 'manifest.json'), 'utf8')) as InboxManifest;
const AS_OF = manifest.asOf;
const DATA = ['--inspections', 'data/检查记录.csv', '--credit', 'data/信用评价.xlsx', '--monitoring', 'data/在线监控.csv', '--objections', 'data/异议复核.xlsx'];

interface Finding {
  code: string;
  severity: string;
  file?: string;
  cell?: string;
  row?: number;
  value?: string;
  expected?: string;
  message: string;
}
interface ValidateJson {
  errors: number;
  warnings: number;
  files: { file: string; kind: string | null; district: string | null; rows: number; findings: Finding[] }[];
}
interface AggregateJson {
  period: string;
  missing: string[];
  unreadable: string[];
  errors: number;
  warnings: number;
  findings: Finding[];
  total: Record<string, number>;
  totalIncrement: Record<string, number>;
  previousTotal: Record<string, number>;
  units: { district: string; file: string | null; values: Record<string, number> | null; increment: Record<string, number> | null }[];
}
interface CheckEntry {
  file: string;
  district: string | null;
  row: number;
  name: string;
  uscc: string;
  includedOn: string | null;
  validity: string;
  declaredCriterion: number | null;
  eligible: boolean | null;
  eligibleAtInclusion: boolean | null;
  mustRemove: boolean;
  neverAgain: boolean;
  findings: Finding[];
}
interface CheckJson {
  summary: Record<string, number>;
  errors: number;
  warnings: number;
  entries: CheckEntry[];
  findings: Finding[];
  data: { kind: string; rows: number; invalid: number }[];
}

function run<T>(args: string[]): { status: number | null; json: T; stderr: string } {
  const r = zmqd([...args, '--as-of', AS_OF, '--format', 'json'], { cwd: inbox });
  return { status: r.status, json: JSON.parse(r.stdout) as T, stderr: r.stderr };
}

let validate: ReturnType<typeof run<ValidateJson>>;
let aggregate: ReturnType<typeof run<AggregateJson>>;
let check: ReturnType<typeof run<CheckJson>>;
beforeAll(() => {
  validate = run<ValidateJson>(['validate', manifest.period]);
  aggregate = run<AggregateJson>(['aggregate', manifest.period, '--previous', manifest.previousPeriod]);
  check = run<CheckJson>(['check', manifest.period, ...DATA, '--expiring-days', String(manifest.expiringDays)]);
});

const key = (f: { code: string; cell?: string | null }) => `${f.code}@${f.cell ?? '-'}`;
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

describe('the sample inbox: validate', () => {
  it('every file has its kind, unit and rows, and exactly the planted findings at their cells', () => {
    expect(validate.status).toBe(1);
    const got = validate.json.files;
    expect(got.map((f) => f.file).sort()).toEqual(manifest.files.map((f) => f.path));
    for (const exp of manifest.files) {
      const f = got.find((x) => x.file === exp.path)!;
      expect({ file: f.file, kind: f.kind, district: f.district, rows: f.rows }).toEqual({ file: exp.path, kind: exp.kind, district: exp.district, rows: exp.rows });
      expect(serious(f.findings).map(key).sort(), exp.path).toEqual(exp.findings.map(key).sort());
    }
  });

  it("clean files are clean: three errors in the whole quarter; warnings: the stated 5-year validity and the enterprise on two districts' lists", () => {
    expect(validate.json.errors).toBe(3);
    // the stated 5-year validity, and the cross-district duplicate once on each list (validate of a folder sees every list)
    expect(validate.json.warnings).toBe(3);
    const planted = manifest.planted.filter((p) => p.by === 'validate');
    expect(planted.map((p) => p.code).sort()).toEqual(['entry-expired', 'file-unreadable', 'uscc-checksum', 'validity-over-3-years']);
    for (const p of planted) {
      const f = validate.json.files.find((x) => x.file === p.file)!.findings.find((x) => x.code === p.code)!;
      expect(f.severity).toBe(p.severity);
      if (p.cell) expect(f.cell).toBe(p.cell);
      if (p.code === 'uscc-checksum') expect([f.value, f.expected]).toEqual([p.value, p.expected]);
    }
  });

  it('the previous quarter validates clean, all 41 units', () => {
    const r = run<ValidateJson>(['validate', manifest.previousPeriod]);
    expect(r.status).toBe(0);
    expect(r.json.files).toHaveLength(manifest.roster);
    expect([r.json.errors, r.json.warnings]).toEqual([0, 0]);
    expect(new Set(r.json.files.map((f) => f.district)).size).toBe(manifest.roster);
  });
});

describe('the sample inbox: aggregate --previous', () => {
  it('the period, the missing unit, the unreadable one, the totals of the units that count', () => {
    const a = aggregate.json;
    expect(aggregate.status).toBe(1);
    expect(a.period).toBe(manifest.period);
    expect(a.missing).toEqual(manifest.missing);
    expect(a.unreadable).toEqual(manifest.unreadable);
    expect(a.units).toHaveLength(manifest.roster);
    expect(a.total).toEqual(manifest.total);
    expect(a.totalIncrement).toEqual(manifest.totalIncrement);
    expect(a.previousTotal).toEqual(manifest.previousTotal);
    expect(Object.keys(a.total)).toEqual([...FIGURE_KEYS]);
  });

  it("each unit: its file, its figures and its quarter's own activity", () => {
    for (const u of aggregate.json.units) {
      const m = manifest.units[u.district]!;
      expect({ unit: u.district, values: u.values, increment: u.increment }).toEqual({ unit: u.district, values: m.values, increment: m.increment });
      if (m.values) expect(u.file).toBe(m.annex1);
    }
    expect(aggregate.json.units.filter((u) => u.values).map((u) => u.district)).toEqual(manifest.counted);
  });

  it('exactly the planted findings: listed-mismatch, the misplaced Q2 file, the truncated file, the decrease', () => {
    const expected = manifest.planted.filter((p) => p.by === 'aggregate' || p.code === 'file-unreadable');
    const got = aggregate.json.findings.filter((f) => f.severity !== 'info');
    expect(got.map((f) => `${f.code}|${f.severity}|${f.file}|${f.cell ?? '-'}`).sort()).toEqual(expected.map((p) => `${p.code}|${p.severity}|${p.file}|${p.cell ?? '-'}`).sort());
    for (const p of expected.filter((x) => x.value !== undefined && x.code !== 'period-mismatch')) {
      const f = got.find((x) => x.code === p.code)!;
      expect([f.value, f.expected]).toEqual([p.value, p.expected]);
    }
    expect([aggregate.json.errors, aggregate.json.warnings]).toEqual([3, 1]);
  });

  it('every Annex 1 `listed` equals its Annex 2 rows, except the planted mismatch', () => {
    const odd = Object.entries(manifest.units)
      .filter(([, u]) => u.values && u.listRows !== null && u.values.listed !== u.listRows)
      .map(([n]) => n);
    expect(odd).toEqual(manifest.planted.filter((p) => p.code === 'listed-mismatch').map((p) => p.unit));
  });
});

describe('the sample inbox: check against the enforcement data', () => {
  const planted = (e: CheckEntry) => manifest.check.planted.find((p) => p.file === e.file && p.row === e.row);

  it('reads the four data files whole (GBK CSV, xlsx, UTF-8 BOM CSV, the objections xlsx)', () => {
    expect(check.status).toBe(1);
    expect(check.json.data.map((d) => [d.kind, d.rows, d.invalid])).toEqual([
      ['inspections', manifest.data.inspections, 0],
      ['credit', manifest.data.credit, 0],
      ['monitoring', manifest.data.monitoring, 0],
      ['objections', manifest.data.objections, 0],
    ]);
    expect(check.stderr).toContain('GBK');
    expect(check.stderr).toContain('UTF-8 (BOM)');
  });

  it('the summary and the planted verdicts', () => {
    expect(check.json.summary).toEqual(manifest.check.summary);
    expect(check.json.entries).toHaveLength(manifest.check.entries);
    for (const p of manifest.check.planted) {
      const e = check.json.entries.find((x) => x.file === p.file && x.row === p.row);
      expect(e, `${p.key}: ${p.file} row ${p.row}`).toBeDefined();
      expect({
        key: p.key,
        district: e!.district,
        name: e!.name,
        uscc: e!.uscc,
        includedOn: e!.includedOn,
        declaredCriterion: e!.declaredCriterion,
        validity: e!.validity,
        eligible: e!.eligible,
        eligibleAtInclusion: e!.eligibleAtInclusion,
        neverAgain: e!.neverAgain,
        mustRemove: e!.mustRemove,
        codes: [...new Set(serious(e!.findings).map((f) => f.code))].sort(),
      }).toEqual({
        key: p.key,
        district: p.district,
        name: p.name,
        uscc: p.uscc,
        includedOn: p.includedOn,
        declaredCriterion: p.declaredCriterion,
        validity: p.validity,
        eligible: p.eligible,
        eligibleAtInclusion: p.eligibleAtInclusion,
        neverAgain: p.neverAgain,
        mustRemove: p.mustRemove,
        codes: [...p.codes].sort(),
      });
    }
  });

  it('every other entry is eligible, with no warning or error', () => {
    const six = new Set(manifest.quirks.find((q) => q.what === 'six-columns')!.units);
    const odd = check.json.entries
      .filter((e) => !planted(e))
      .filter((e) => {
        const dated = !six.has(e.district!);
        const ok =
          e.eligible === true &&
          !e.mustRemove &&
          !e.neverAgain &&
          serious(e.findings).length === 0 &&
          (dated ? e.validity === 'valid' && e.eligibleAtInclusion === true : e.validity === 'unknown' && e.eligibleAtInclusion === null);
        return !ok;
      })
      .map((e) => `${e.file} row ${e.row}`);
    expect(odd).toEqual([]);
  });

  it('no entry the notice would keep is told to be removed: every removal is planted and proven by its records', () => {
    const REMOVE = new Set(['no-longer-eligible', 'never-again', 'must-remove', 'objection-upheld']);
    const told = check.json.entries.filter((e) => e.findings.some((f) => REMOVE.has(f.code)));
    expect(told.map((e) => planted(e)?.key).sort()).toEqual(
      manifest.check.planted
        .filter((p) => p.eligible === false)
        .map((p) => p.key)
        .sort(),
    );
    // the 364-day inspection, the 严重 record without a malicious act, the rating of its own year: kept
    for (const key of ['inspection-364-days', 'serious-not-malicious', 'rating-within-its-year', 'five-year-validity', 'objection-rejected']) {
      const p = manifest.check.planted.find((x) => x.key === key)!;
      expect(
        told.map((e) => `${e.file}#${e.row}`),
        key,
      ).not.toContain(`${p.file}#${p.row}`);
    }
  });

  it("the enterprise on two districts' lists is flagged on both", () => {
    const dup = manifest.planted.filter((p) => p.code === 'uscc-duplicate-across-districts');
    expect(dup).toHaveLength(2);
    for (const p of dup) {
      const e = check.json.entries.find((x) => x.file === p.file && `D${x.row}` === p.cell)!;
      expect(e.uscc).toBe(p.value);
      const f = e.findings.find((x) => x.code === p.code)!;
      expect(f.severity).toBe('warning');
      const other = dup.find((x) => x !== p)!.unit!;
      expect(f.message).toContain(other);
    }
  });

  it('outside the entries: only the truncated file is an error (Annex 1 files are skipped)', () => {
    const other = check.json.findings.filter((f) => f.code !== 'check-file-skipped');
    expect(other.map((f) => [f.code, f.file])).toEqual([['file-unreadable', manifest.units[manifest.unreadable[0]!]!.annex1]]);
    const skipped = check.json.findings.filter((f) => f.code === 'check-file-skipped');
    expect(skipped.every((f) => f.severity === 'info')).toBe(true);
  });
});

/** Dates as the inspection export spells them: 2024-03-05, 2024/3/5, 2024年3月5日. */
function isoOf(text: string): string {
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(text)!;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

describe('the sample inbox: on-site inspections reported against the records', () => {
  it("every unit's Annex 1 count equals the 现场检查 of its listed enterprises in 2024, except the planted one", async () => {
    const text = iconv.decode(await fs.readFile(path.join(inbox, 'data', '检查记录.csv')), 'gbk');
    const lines = text
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split(','));
    expect(lines.every((l) => l.length === 7)).toBe(true); // no quoted commas in this export
    const onsite = lines.filter((l) => l[3] === '现场检查').map((l) => ({ uscc: l[0]!, date: isoOf(l[2]!) }));
    // the lists as `check` read them: each unit's valid codes and inclusion dates
    const counted = new Map<string, number>();
    for (const e of check.json.entries) {
      if (!e.district || !/^[0-9A-Z]{18}$/.test(e.uscc) || serious(e.findings).some((f) => f.code === 'uscc-checksum')) continue;
      const from = e.includedOn && e.includedOn > '2024-01-01' ? e.includedOn : '2024-01-01';
      const n = onsite.filter((i) => i.uscc === e.uscc && i.date >= from && i.date <= '2024-09-30').length;
      counted.set(e.district, (counted.get(e.district) ?? 0) + n);
    }
    const mismatches: string[] = [];
    for (const u of aggregate.json.units) {
      if (!u.values) continue;
      const m = manifest.units[u.district]!;
      expect(counted.get(u.district) ?? 0, u.district).toBe(m.onsiteRecords);
      if (u.values.onsite_inspections !== m.onsiteRecords) mismatches.push(u.district);
    }
    const p = manifest.planted.find((x) => x.code === 'onsite-count-mismatch')!;
    expect(mismatches).toEqual([p.unit]);
    const unit = aggregate.json.units.find((u) => u.district === p.unit)!;
    expect([String(unit.values!.onsite_inspections), String(counted.get(p.unit!))]).toEqual([p.value, p.expected]);
    expect(unit.file).toBe(p.file);
  });
});

describe('the sample inbox: config and bytes', () => {
  it('zmqd.config.json is a valid config whose paths lie in the inbox', async () => {
    const parsed = parseConfig(await fs.readFile(path.join(inbox, 'zmqd.config.json'), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const c = parsed.config;
    for (const p of [c.inspections!, c.credit!, c.monitoring!, c.objections!, c.previous as string]) await expect(fs.stat(path.join(inbox, p))).resolves.toBeTruthy();
    expect(c.out).toContain('{period}');
    expect(c.expiringDays).toBe(manifest.expiringDays);
  });

  describe('regenerating', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zmqd-inbox-'));
      await generate(dir);
    }, 120_000);
    afterAll(async () => {
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    async function walk(d: string, base = ''): Promise<string[]> {
      const out: string[] = [];
      for (const e of await fs.readdir(path.join(d, base), { withFileTypes: true })) {
        const rel = base ? `${base}/${e.name}` : e.name;
        if (e.isDirectory()) out.push(...(await walk(d, rel)));
        else out.push(rel);
      }
      return out.sort();
    }

    it('gives the committed inbox byte for byte (deterministic), under 3 MB', async () => {
      const files = await walk(dir);
      expect(await walk(inbox)).toEqual(files);
      let size = 0;
      for (const f of files) {
        const [a, b] = await Promise.all([fs.readFile(path.join(dir, f)), fs.readFile(path.join(inbox, f))]);
        expect(a.equals(b), f).toBe(true);
        size += a.length;
      }
      expect(size).toBeLessThan(3 * 1024 * 1024);
    });
  });
});
