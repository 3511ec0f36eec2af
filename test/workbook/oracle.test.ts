/**
 * The reader against an independent one: every real workbook of test/real-files/ (written by
 * Excel, WPS, Google Sheets, Numbers, LibreOffice, Tencent Docs, openpyxl, POI, OpenXML SDK,
 * FlexCel, SpreadsheetGear, Go; see SOURCES.md there) is read by zmqd's reader (as `auto`
 * reads it, and with the fast reader alone) and by openpyxl in a child process
 * (openpyxl-dump.py), and the two must agree on the sheets, their visibility, merged ranges and
 * every cell value (dates as 1900-system serials). Each difference left is listed below with
 * the reason the oracle is wrong; a listed difference that goes away fails too, so the list
 * stays true.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { GridWorkbook } from '../../src/core/workbook/grid.js';
import { openWorkbook } from '../../src/core/workbook/open.js';
import { describeWithTools, tool } from '../helpers/tools.js';

const DIR = path.resolve(__dirname, '..', 'real-files');
const SCRIPT = path.resolve(__dirname, 'openpyxl-dump.py');
const FILES = readdirSync(DIR)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

type Kind = 's' | 'n' | 'b' | 'e';
interface OracleSheet {
  name: string;
  state: string;
  merges: string[];
  cells: [number, number, Kind, string | number | boolean][];
}
type Oracle = { ok: true; date1904: boolean; sheets: OracleSheet[] } | { ok: false; error: string };

/**
 * Where openpyxl (3.0) is wrong, by file: a cell ('Sheet!A1') with the value Excel shows and
 * why the oracle differs, or the whole file when openpyxl cannot read it (then the expected
 * sheets are given here, checked against the XML by hand).
 */
const ORACLE_WRONG: Record<
  string,
  { cells?: Record<string, { excel: string; why: string }>; unreadable?: { why: string; sheets: { name: string; cells: Record<string, string> }[] } }
> = {
  'wps-mac-t09-x005f.xlsx': {
    cells: {
      'Sheet1!A1': {
        excel: 'SH_x000D_Z002',
        why: 'the shared string is SH_x005f_x000D_Z002: _x005f_ escapes the underscore, so Excel shows SH_x000D_Z002; openpyxl removes only an upper-case x005F_ and decodes nothing else',
      },
    },
  },
  'x000d-inline.xlsx': {
    cells: {
      'Sheet1!A1': { excel: 'ABC\r\nDEF', why: 'the inline string is ABC_x000D_ + LF + DEF: Excel decodes _x000D_ to CR; openpyxl leaves escapes in inline strings undecoded' },
    },
  },
  'workbook-at-root.xlsx': {
    unreadable: {
      why: 'its _rels/.rels names workbook.xml at the root of the zip; openpyxl looks for it under xl/ and fails (IndexError)',
      sheets: [{ name: 'Data', cells: { A1: 'TEST CELL' } }],
    },
  },
};

function a1(r: number, c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r}`;
}

/** A grid cell as the oracle would give it, or undefined for no value (an empty cell, a formula without a cached value). */
function asOracle(cell: { t: string; v: unknown } | undefined): [Kind, string | number | boolean] | undefined {
  if (!cell || cell.t === 'z') return undefined;
  return [cell.t as Kind, cell.v as string | number | boolean];
}

/** Every difference between our workbook and the oracle's, as lines. */
function differences(ours: GridWorkbook, oracle: Extract<Oracle, { ok: true }>): string[] {
  const out: string[] = [];
  const names = ours.sheets.map((s) => s.name);
  if (names.join('\u0000') !== oracle.sheets.map((s) => s.name).join('\u0000'))
    out.push(`sheets: ours ${JSON.stringify(names)}, oracle ${JSON.stringify(oracle.sheets.map((s) => s.name))}`);
  for (const os of oracle.sheets) {
    const s = ours.sheets.find((x) => x.name === os.name);
    if (!s) continue;
    if (s.state !== os.state) out.push(`${os.name}: state ${s.state}, oracle ${os.state}`);
    const merges = [...s.merges].sort();
    if (merges.join() !== [...os.merges].sort().join()) out.push(`${os.name}: merges ${merges.join()}, oracle ${os.merges.join()}`);
    const seen = new Set<string>();
    for (const [r, c, k, v] of os.cells) {
      const ref = a1(r, c);
      seen.add(ref);
      const g = asOracle(s.rows.get(r)?.get(c));
      const same = g !== undefined && g[0] === k && (k === 'n' ? Math.abs((g[1] as number) - (v as number)) < 2e-8 : g[1] === v);
      if (!same) out.push(`${os.name}!${ref}: ours ${JSON.stringify(g)}, oracle ${JSON.stringify([k, v])}`);
    }
    for (const [r, row] of s.rows) {
      for (const [c, cell] of row) {
        const g = asOracle(cell);
        if (g && !seen.has(a1(r, c))) out.push(`${os.name}!${a1(r, c)}: ours ${JSON.stringify(g)}, oracle none`);
      }
    }
  }
  return out;
}

describeWithTools(['openpyxl'], 'real workbooks: zmqd reads what openpyxl reads (or the difference is listed)', () => {
  const oracles = new Map<string, Oracle>();

  beforeAll(() => {
    const r = spawnSync(tool('openpyxl').command, [SCRIPT, ...FILES.map((f) => path.join(DIR, f))], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
    if (r.status !== 0) throw new Error(`openpyxl-dump.py failed: ${r.stderr}`);
    for (const line of r.stdout.trim().split('\n')) {
      const o = JSON.parse(line) as Oracle & { file: string };
      oracles.set(path.basename(o.file), o);
    }
  }, 300_000);

  it('has every real file, with its row in SOURCES.md', () => {
    const sources = readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
    expect(FILES.length).toBeGreaterThanOrEqual(34);
    for (const f of FILES) expect(sources, f).toContain(`| ${f} |`);
  });

  it.each(FILES)('%s', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(DIR, file)));
    const auto = await openWorkbook(bytes);
    if (!auto.ok) throw new Error(`zmqd cannot read it: ${JSON.stringify(auto.findings)}`);
    // the fast reader alone reads every one of them: exceljs is never needed for these
    const fast = await openWorkbook(bytes, { reader: 'fast' });
    expect(fast.ok && fast.workbook).toStrictEqual(auto.workbook);
    expect(auto.findings).toEqual([]);

    const oracle = oracles.get(file)!;
    const known = ORACLE_WRONG[file];
    if (!oracle.ok) {
      expect(known?.unreadable, `openpyxl cannot read ${file} (${oracle.error}): list it`).toBeDefined();
      const want = known!.unreadable!.sheets;
      expect(auto.workbook.sheets.map((s) => s.name)).toEqual(want.map((s) => s.name));
      want.forEach((w, i) => {
        const cells: Record<string, unknown> = {};
        for (const [r, row] of auto.workbook.sheets[i]!.rows) for (const [c, cell] of row) cells[a1(r, c)] = cell.v;
        expect(cells).toEqual(w.cells);
      });
      return;
    }
    expect(known?.unreadable, 'openpyxl reads it now: take it off the list').toBeUndefined();
    const diffs = differences(auto.workbook, oracle);
    const listed = known?.cells ?? {};
    // each listed cell differs, and holds what Excel shows
    for (const [where, { excel }] of Object.entries(listed)) {
      const [sheet, ref] = where.split('!') as [string, string];
      expect(
        diffs.some((d) => d.startsWith(`${where}:`)),
        `${where} is listed but agrees with openpyxl`,
      ).toBe(true);
      const s = auto.workbook.sheets.find((x) => x.name === sheet)!;
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      let c = 0;
      for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
      expect(s.rows.get(Number(m[2]))?.get(c)?.v).toBe(excel);
    }
    expect(diffs.filter((d) => !Object.keys(listed).some((w) => d.startsWith(`${w}:`)))).toEqual([]);
  });
});
