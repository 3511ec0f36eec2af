/**
 * The self-check page's worker-side logic without a browser: the files it cannot read, the district
 * select's roster, and the sheet preview's windows (the browser suite checks the rest end to end).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewsOf, validatePageFiles, type PageFile } from '../../src/page/engine.js';
import { rosterOn } from '../../src/page/roster.js';
import { MAX_FILE_BYTES } from '../../src/core/validate/input.js';
import { messageOf } from '../../src/core/findings/make.js';
import { root } from '../helpers/cli.js';

const AS_OF = '2024-10-01';

function fixture(rel: string): PageFile {
  const abs = path.join(root, rel);
  const bytes = readFileSync(abs);
  return { name: path.basename(abs), size: bytes.length, bytes: () => Promise.resolve(new Uint8Array(bytes)) };
}

describe('page engine', () => {
  it('refuses a file over the size limit without reading it, and reports one it cannot read', async () => {
    let read = false;
    const big: PageFile = { name: '大文件.xlsx', size: MAX_FILE_BYTES + 1, bytes: () => ((read = true), Promise.resolve(new Uint8Array())) };
    const gone: PageFile = { name: '已移走.xlsx', size: 10, bytes: async () => Promise.reject(new Error('NotFoundError')) };
    const seen: string[] = [];
    const [a, b] = await validatePageFiles([big, gone], { asOf: AS_OF }, (i, name) => seen.push(`${i}:${name}`));
    expect(read).toBe(false);
    expect(seen).toEqual(['0:大文件.xlsx', '1:已移走.xlsx']);
    expect(a!.findings.map((f) => [f.code, f.file])).toEqual([['file-too-large', '大文件.xlsx']]);
    expect(messageOf(a!.findings[0]!, 'zh')).toContain('（50.0 MB，超过 50 MB 上限）');
    expect(b!.findings.map((f) => f.code)).toEqual(['file-unreadable']);
    expect(messageOf(b!.findings[0]!, 'en')).toContain('(cannot open the file (NotFoundError))');
  });

  it('offers the roster of the quarter of the as-of date, and the merged units in the quarter after the cut-over', () => {
    const q3 = rosterOn('2025-09-30');
    expect(q3.units).toHaveLength(41);
    expect(q3.former).toEqual([]);
    const q4 = rosterOn('2025-10-09');
    expect(q4.units).toHaveLength(39);
    expect(q4.units).not.toContain('渝北区');
    expect(q4.former).toEqual(['江北区', '渝北区']);
    expect(rosterOn('2026-01-05')).toEqual({ units: q4.units, former: [] });
  });

  it('previews the table as read, a window at a time, around the row of a finding', async () => {
    const [r] = await validatePageFiles([fixture('fixtures/annex/dirty/渝北区附表2-问题清单.xlsx')], { asOf: AS_OF });
    const [p] = previewsOf([r!]);
    expect(p).not.toBeNull();
    const info = p!.info;
    expect(info.rowCount).toBe(r!.rows);
    expect(info.columns.map((c) => c.header)).toContain('统一社会信用代码');
    const usccCol = info.columns.findIndex((c) => c.header === '统一社会信用代码');
    // every finding on a data cell falls in a column of the preview
    const letters = new Set(info.columns.map((c) => c.letter));
    for (const f of r!.findings) if (f.cell && f.row! > info.headerRow) expect(letters.has(f.cell.replace(/\d+$/, ''))).toBe(true);
    const last = r!.findings.filter((f) => f.row !== undefined).at(-1)!;
    const w = p!.around(last.row!, 10);
    expect(w.rows.map((x) => x.row)).toContain(last.row);
    expect(w.rows.length).toBeLessThanOrEqual(10);
    const first = p!.rows(0, 3);
    expect(first[0]!.row).toBe(info.headerRow + 1);
    const usccFinding = r!.findings.find((f) => f.code === 'uscc-checksum')!;
    const row = p!.around(usccFinding.row!, 5).rows.find((x) => x.row === usccFinding.row)!;
    expect(row.cells[usccCol]).toBe(usccFinding.value);
  });
});
