/**
 * readDataFile reads rows one at a time (streamed xlsx, CSV record by record): the same DataFile
 * as reading the whole grid (`stream: false`), on the fixtures' data files and on workbooks built
 * to exercise sheets that cannot be streamed, several data sheets, odd rows and `keep`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDataFile, type DataRead, type ReadDataOptions } from '../../src/core/data/read.js';
import { DATA_KINDS, type DataKind } from '../../src/core/data/types.js';
import { parseHeaderMap } from '../../src/core/data/aliases.js';
import { A, B, C, D } from './helpers.js';

const ROOT = path.resolve(__dirname, '..', '..');

async function both(bytes: Uint8Array, opts: ReadDataOptions): Promise<DataRead> {
  const streamed = await readDataFile(bytes, opts);
  const grid = await readDataFile(bytes, { ...opts, stream: false });
  expect(streamed).toStrictEqual(grid);
  return streamed;
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEAD = ['统一社会信用代码', '企业名称', '检查日期', '检查方式', '违法情况', '违法行为', '主动报告'];

describe('readDataFile: streamed = whole grid', () => {
  const dirs = ['fixtures/enforcement/data', 'fixtures/inbox/data'];
  const map = parseHeaderMap(readFileSync(path.join(ROOT, 'fixtures/enforcement/data/表头映射.json'), 'utf8'));
  for (const dir of dirs) {
    for (const name of readdirSync(path.join(ROOT, dir)).filter((n) => /\.(csv|xlsx)$/.test(n))) {
      it(`${dir}/${name}, as every kind`, async () => {
        const bytes = new Uint8Array(readFileSync(path.join(ROOT, dir, name)));
        for (const kind of DATA_KINDS) {
          await both(bytes, { kind, file: name });
          if (map.ok) await both(bytes, { kind, file: name, map: map.map });
        }
      });
    }
  }

  it('a title above the header, blank and ragged rows, bad rows, dates as cells and as text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('检查');
      ws.addRow(['2024年检查记录']);
      ws.addRow([]);
      ws.addRow([...HEAD, '', '备注']);
      ws.addRow([A, '甲', new Date(Date.UTC(2024, 2, 5)), '现场检查', '无', null, '否']);
      ws.addRow([]);
      ws.addRow([' ', null, null, null, null, null, null, null, '只有备注']);
      ws.addRow([B, '乙', '2024/5/6', '走访', '一般', '超标', '是', '多余', 'x', '超出表头']);
      ws.addRow(['bad', '丙', '2024-13-01', '现场检查', '无']);
      ws.addRow([916201055811843000, '丁', 45000, '体检式帮扶', '无']);
      ws.getCell('C4').numFmt = 'yyyy-mm-dd';
    });
    const r = await both(bytes, { kind: 'inspections', file: 'x.xlsx' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.records.map((x) => x.uscc)).toEqual([A, B]);
    // (the header's width is its last filled cell, 备注 in I: only J is beyond it)
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([
      ['data-row-ragged', 7],
      ['data-value-unrecognised', 7],
      ['data-row-invalid', 8],
      ['data-row-invalid', 9],
    ]);
  });

  it('a merge over cells of the table (cannot be streamed): read as a grid, with the same result', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('检查');
      ws.addRow(HEAD);
      ws.addRow([A, '甲', '2024-03-05', '现场检查', '无']);
      ws.addRow([B, '乙', '2024-03-06', '现场检查', '无']);
      ws.getCell('B3').value = '乙';
      ws.mergeCells('A2:B2');
    });
    const r = await both(bytes, { kind: 'inspections', file: 'm.xlsx' });
    // the grid drops B2, a slave of the merge: the first row has no name
    expect(r.ok && r.records.map((x) => [x.uscc, x.name])).toEqual([
      [A, ''],
      [B, '乙'],
    ]);
  });

  it('several data sheets: the sheet is named in the evidence, a sheet without the header is reported first', async () => {
    const bytes = await workbook((wb) => {
      const a = wb.addWorksheet('一月');
      a.addRow(HEAD);
      a.addRow([A, '甲', '2024-01-05', '现场检查', '无']);
      a.addRow(['bad', '甲', '2024-01-06', '现场检查', '无']);
      wb.addWorksheet('说明').addRow(['本表说明']);
      wb.addWorksheet('空白');
      const b = wb.addWorksheet('二月');
      b.addRow(['标题']);
      b.addRow(HEAD);
      b.addRow([B, '乙', '2024-02-05', '非现场检查', '无', null, '也许']);
    });
    const r = await both(bytes, { kind: 'inspections', file: 's.xlsx' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.sheets).toEqual(['一月', '二月']);
    expect(r.records.map((x) => x.src)).toEqual([
      { file: 's.xlsx', row: 2, sheet: '一月' },
      { file: 's.xlsx', row: 3, sheet: '二月' },
    ]);
    expect(r.invalid.map((x) => x.src)).toEqual([{ file: 's.xlsx', row: 3, sheet: '一月' }]);
    expect(r.findings.map((f) => [f.code, f.sheet])).toEqual([
      ['data-sheet-skipped', '说明'],
      ['data-row-invalid', '一月'],
      ['data-value-unrecognised', '二月'],
    ]);
  });

  it('no header anywhere: refused with what the file begins with', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('空');
      wb.addWorksheet('表').addRow(['名称', '日期', 3]);
    });
    const r = await both(bytes, { kind: 'credit', file: 'n.xlsx' });
    expect(!r.ok && r.reason.zh).toContain('名称、日期、3');
  });

  it('a GBK CSV with quotes, ="…" cells, blank lines, an unterminated quote', async () => {
    const csv = `${HEAD.join(',')}\r\n="${A}",甲,2024-01-01,现场检查,无,,\r\n\r\n${B},"乙,公司",2024-01-02,现场检查,一般,"多行\r\n文本",否\r\n${C},丙,2024-01-03,现场检查,无,"未结束`;
    const r = await both(new Uint8Array(iconv.encode(csv, 'gbk')), { kind: 'inspections', file: 'g.csv' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.encoding).toBe('gb18030');
    expect(r.records.map((x) => [x.uscc, x.src.row])).toEqual([
      [A, 2],
      [B, 4],
      [C, 6],
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(['data-csv-unterminated']);
  });
});

describe('readDataFile: keep', () => {
  it('keeps the records of the given enterprises only; every row is still checked, reported and counted', async () => {
    const rows = [A, B, C, D, 'bad', A, C].map((u, i) => `${u},企业${i},2024-01-0${i + 1},${i === 2 ? '走访' : '现场检查'},无,,`);
    const bytes = new TextEncoder().encode(`${HEAD.join(',')}\n${rows.join('\n')}\n`);
    const all = await readDataFile(bytes, { kind: 'inspections', file: 'k.csv' });
    const kept = await readDataFile(bytes, { kind: 'inspections', file: 'k.csv', keep: new Set([A, C]) });
    if (!all.ok || !kept.ok) throw new Error('not read');
    expect(all.usable).toBe(6);
    expect(kept.usable).toBe(6);
    expect(kept.records).toEqual(all.records.filter((r) => r.uscc === A || r.uscc === C));
    expect(kept.records.map((r) => r.src.row)).toEqual([2, 4, 7, 8]);
    expect(kept.findings).toEqual(all.findings);
    expect(kept.invalid).toEqual(all.invalid);
    const none = await readDataFile(bytes, { kind: 'inspections', file: 'k.csv', keep: new Set() });
    // nothing kept is not "no rows"
    expect(none.ok && [none.records.length, none.usable, none.findings.map((f) => f.code)]).toEqual([0, 6, ['data-value-unrecognised', 'data-row-invalid']]);
  });

  it.each(DATA_KINDS)('%s: the same for a kind with every column', async (kind: DataKind) => {
    const head = {
      inspections: HEAD,
      credit: ['统一社会信用代码', '企业名称', '评价结果', '评价年度'],
      monitoring: ['统一社会信用代码', '企业名称', '是否安装', '达标率'],
      objections: ['统一社会信用代码', '企业名称', '异议来源', '复核结果', '复核日期'],
    }[kind];
    const row = { inspections: '2024-01-01,现场检查,无,,', credit: '良好,2023', monitoring: '是,98%', objections: '区工商联,属实,2022-05-20' }[kind];
    const bytes = new TextEncoder().encode(`${head.join(',')}\n${A},甲,${row}\n${B},乙,${row}\n`);
    const r = await readDataFile(bytes, { kind, file: 'x.csv', keep: new Set([B]) });
    expect(r.ok && [r.records.map((x) => x.uscc), r.usable]).toEqual([[B], 2]);
  });
});
