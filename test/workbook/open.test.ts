import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src/core/findings/make.js';
import type { Finding } from '../../src/core/findings/types.js';
import { openWorkbook, type OpenResult } from '../../src/core/workbook/open.js';
import { concat, deflatedZeros, makeCfb, makeZip, reasonOf, rewriteZip, xlsx, type RawEntry } from './helpers.js';

function failure(r: OpenResult): Finding {
  expect(r.ok).toBe(false);
  expect(r.findings).toHaveLength(1);
  const f = r.findings[0]!;
  expect(f.severity).toBe('error');
  expect(f.file).toBeUndefined();
  return f;
}

const wbXml = strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');

describe('openWorkbook: not a workbook', () => {
  it('empty file', async () => {
    const f = failure(await openWorkbook(new Uint8Array(0), { fileName: 'a.xlsx' }));
    expect(f.code).toBe('file-unreadable');
    expect(reasonOf(f)).toBe('文件为空（0 字节）');
    expect(messageOf(f, 'zh')).toContain('文件为空（0 字节）');
    expect(messageOf(f, 'en')).toContain('empty');
  });

  it('text, HTML and random bytes', async () => {
    const csv = failure(await openWorkbook(strToU8('序号,企业名称\n1,重庆某公司\n')));
    expect(csv.code).toBe('file-unreadable');
    expect(reasonOf(csv)).toMatch(/不是 Excel 工作簿/);
    const html = failure(await openWorkbook(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>')));
    expect(html.code).toBe('file-unreadable');
    expect(reasonOf(html)).toMatch(/HTML/);
    const random = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    random[0] = 0; // make sure it is not accidentally text
    const rnd = failure(await openWorkbook(random));
    expect(rnd.code).toBe('file-unreadable');
    expect(reasonOf(rnd)).toBe('不是 Excel 工作簿');
  });

  it('decides by bytes, not by the file name', async () => {
    const good = await xlsx((wb) => (wb.addWorksheet('s').getCell('A1').value = 1));
    const r = await openWorkbook(good, { fileName: '附表2.xls' });
    expect(r.ok).toBe(true);
    const bad = failure(await openWorkbook(strToU8('a,b\n'), { fileName: '附表2.xlsx' }));
    expect(bad.code).toBe('file-unreadable');
  });
});

describe('openWorkbook: OLE2 files', () => {
  it('encrypted OOXML', async () => {
    const f = failure(await openWorkbook(makeCfb(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])));
    expect(f.code).toBe('file-encrypted');
  });

  it('legacy .xls / .et', async () => {
    const f = failure(await openWorkbook(makeCfb(['Workbook', '\u0005SummaryInformation'])));
    expect(f.code).toBe('file-legacy-format');
    const book = failure(await openWorkbook(makeCfb(['Book'])));
    expect(book.code).toBe('file-legacy-format');
  });

  it('other compound files', async () => {
    expect(failure(await openWorkbook(makeCfb(['WordDocument']))).code).toBe('file-unreadable');
    expect(failure(await openWorkbook(makeCfb(['Contents']))).code).toBe('file-legacy-format');
    expect(failure(await openWorkbook(makeCfb(['Workbook']).subarray(0, 100))).code).toBe('file-unreadable');
  });
});

describe('openWorkbook: broken or foreign zips', () => {
  it('truncated xlsx', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      for (let r = 1; r <= 200; r++) ws.getRow(r).values = [r, `企业${r}`, r * 1.5];
    });
    const f = failure(await openWorkbook(good.subarray(0, Math.floor(good.length / 2))));
    expect(f.code).toBe('file-unreadable');
    expect(reasonOf(f)).toBe('文件不完整或已损坏');
  });

  it('a .docx-like zip and a plain zip', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    const d = failure(await openWorkbook(docx));
    expect(d.code).toBe('file-unreadable');
    expect(reasonOf(d)).toMatch(/Word/);
    const plain = failure(await openWorkbook(zipSync({ 'readme.txt': strToU8('hello') })));
    expect(plain.code).toBe('file-unreadable');
    expect(reasonOf(plain)).toMatch(/xl\/workbook\.xml/);
    const empty = failure(await openWorkbook(zipSync({})));
    expect(empty.code).toBe('file-unreadable');
  });

  it('damaged XML inside a valid zip', async () => {
    const good = await xlsx((wb) => (wb.addWorksheet('s').getCell('A1').value = 1));
    const bad = rewriteZip(good, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace('</sheetData>', '') : undefined));
    const f = failure(await openWorkbook(bad));
    expect(f.code).toBe('file-unreadable');
    expect(reasonOf(f).length).toBeGreaterThan(0);
  });

  it('a part exceljs needs is missing (its TypeError is mapped, not thrown)', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = 1;
      ws.getCell('A1').note = '批注';
    });
    const bad = rewriteZip(good, (name) => (/^xl\/comments\d*\.xml$/.test(name) ? null : undefined));
    const f = failure(await openWorkbook(bad, { reader: 'exceljs' }));
    expect(f.code).toBe('file-unreadable');
    expect(reasonOf(f)).toMatch(/^工作簿结构无法识别/);
    // the fast reader needs no comments part: the cells are read (the default reader)
    const r = await openWorkbook(bad);
    expect(r.ok && r.workbook.sheets[0]!.rows.get(1)!.get(1)).toEqual({ t: 'n', v: 1 });
  });

  it('a corrupted deflate stream', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      for (let r = 1; r <= 300; r++) ws.getRow(r).values = [r, `企业${r}`];
    });
    const bad = good.slice();
    // flip bytes in the middle of the file (inside some entry's compressed data)
    for (let i = 0; i < 64; i++) bad[Math.floor(bad.length / 3) + i] ^= 0x5a;
    const f = failure(await openWorkbook(bad));
    expect(f.code).toBe('file-unreadable');
  });

  it('never throws on mutated workbooks', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = '序号';
      ws.mergeCells('B1:C1');
      for (let r = 2; r <= 50; r++) ws.getRow(r).values = [r, `企业${r}`, new Date(Date.UTC(2024, 0, r))];
    });
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let k = 0; k < 40; k++) {
      const m = good.slice();
      for (let j = 0; j < 1 + rand(8); j++) m[rand(m.length)] = rand(256);
      const r = await openWorkbook(m);
      if (!r.ok) expect(r.findings).toHaveLength(1);
      else expect(Array.isArray(r.workbook.sheets)).toBe(true);
    }
  });
});

describe('openWorkbook: size limits', () => {
  it('file size cap', async () => {
    const good = await xlsx((wb) => (wb.addWorksheet('s').getCell('A1').value = 1));
    const f = failure(await openWorkbook(good, { maxBytes: 1000 }));
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toMatch(/超过上限 1 KB/);
  });

  it('a zip bomb: ~1 GB of zeros in one entry', async () => {
    const data = deflatedZeros(1024); // about 1 MB of deflate
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: 1024 * 1024 * 1024 },
    ]);
    const t = Date.now();
    const f = failure(await openWorkbook(bomb));
    expect(Date.now() - t).toBeLessThan(1000); // refused from the directory, nothing inflated
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toMatch(/1024 倍|1\.0 GB/);
  });

  it('total size cap applied to the real sizes too', async () => {
    const data = deflatedZeros(8);
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
      { name: 'a.bin', data, method: 8, uncompressedSize: 1000 },
    ]);
    const f = failure(await openWorkbook(zip, { maxInflatedBytes: 4 * 1024 * 1024, maxRatio: 10_000 }));
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toMatch(/^解压后至少 \d+\.\d MB，超过上限 4\.0 MB$/);
  });

  it('total inflated size cap', async () => {
    const data = deflatedZeros(8);
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
      { name: 'a.bin', data, method: 8, uncompressedSize: 8 * 1024 * 1024 },
    ]);
    const f = failure(await openWorkbook(zip, { maxInflatedBytes: 4 * 1024 * 1024, maxRatio: 10_000 }));
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toBe('解压后约 8.0 MB，超过上限 4.0 MB');
  });

  it('a directory that understates the size (lying central directory)', async () => {
    const data = deflatedZeros(64);
    const liar = makeZip([
      { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: 4000 },
    ]);
    const t = Date.now();
    const f = failure(await openWorkbook(liar));
    expect(Date.now() - t).toBeLessThan(3000);
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toMatch(/^解压后至少 .*压缩比 \d+ 倍，超过上限 200 倍$/);
    // within the caps, a size that differs from the directory means a damaged file
    const small = deflateSync(new Uint8Array(5000));
    const off = makeZip([
      { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
      { name: 'xl/worksheets/sheet1.xml', data: small, method: 8, uncompressedSize: 4000 },
    ]);
    const g = failure(await openWorkbook(off));
    expect(g.code).toBe('file-unreadable');
    expect(reasonOf(g)).toBe('文件不完整或已损坏');
  });

  it('a zip64 archive is read, then judged by its real sizes', async () => {
    const sheet = strToU8('<worksheet/>');
    const zip = makeZip(
      [
        { name: 'xl/workbook.xml', data: deflateSync(wbXml), method: 8, uncompressedSize: wbXml.length },
        { name: 'xl/worksheets/sheet1.xml', data: deflateSync(sheet), method: 8, uncompressedSize: 6 * 1024 ** 3 },
      ],
      { zip64: true },
    );
    const f = failure(await openWorkbook(zip));
    expect(f.code).toBe('file-too-large');
    expect(reasonOf(f)).toMatch(/6\.0 GB/);
  });
});

describe('openWorkbook: success', () => {
  it('returns the workbook and no findings', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('附表1').getCell('A1').value = '地市';
    });
    const r = await openWorkbook(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings).toEqual([]);
    expect(r.workbook.sheets[0]!.rows.get(1)!.get(1)).toEqual({ t: 's', v: '地市' });
  });

  it('reads a workbook stored without compression', async () => {
    const bytes = await xlsx((wb) => (wb.addWorksheet('s').getCell('A1').value = '未压缩'));
    const stored = zipSync(Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([n]) => !n.endsWith('/'))), { level: 0 });
    const r = await openWorkbook(stored);
    expect(r.ok && r.workbook.sheets[0]!.rows.get(1)!.get(1)).toEqual({ t: 's', v: '未压缩' });
  });

  it('accepts a Uint8Array view into a larger buffer', async () => {
    const bytes = await xlsx((wb) => (wb.addWorksheet('s').getCell('B2').value = 42));
    const padded = concat([new Uint8Array(100), bytes, new Uint8Array(50)]);
    const view = padded.subarray(100, 100 + bytes.length);
    const r = await openWorkbook(view);
    expect(r.ok && r.workbook.sheets[0]!.rows.get(2)!.get(2)).toEqual({ t: 'n', v: 42 });
  });
});

describe('openWorkbook: the reader option', () => {
  it('auto uses the fast reader and falls back to exceljs when it throws; fast alone reports the failure', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = '企业';
      ws.getCell('B1').value = 2;
    });
    // a shared-strings part whose root is never closed: saxes (the fast reader) refuses it,
    // exceljs reads the items it got
    const truncated = rewriteZip(good, (name, text) => (name === 'xl/sharedStrings.xml' ? text.replace('</sst>', '') : undefined));
    const viaExceljs = await openWorkbook(truncated, { reader: 'exceljs' });
    expect(viaExceljs.ok && viaExceljs.workbook.sheets[0]!.rows.get(1)!.get(1)).toEqual({ t: 's', v: '企业' });
    expect(await openWorkbook(truncated)).toEqual(viaExceljs);
    const f = failure(await openWorkbook(truncated, { reader: 'fast' }));
    expect(f.code).toBe('file-unreadable');
    // on a sound file all three agree
    const a = await openWorkbook(good);
    expect(a).toEqual(await openWorkbook(good, { reader: 'fast' }));
    expect(a).toEqual(await openWorkbook(good, { reader: 'exceljs' }));
  });

  it('a bomb in a part the fast reader never reads is refused exactly as before', async () => {
    const good = await xlsx((wb) => (wb.addWorksheet('s').getCell('A1').value = 1));
    const files = unzipSync(good);
    const entries: RawEntry[] = Object.entries(files)
      .filter(([n]) => !n.endsWith('/'))
      .map(([name, data]) => ({ name, data: deflateSync(data), method: 8 as const, uncompressedSize: data.length }));
    // xl/media/big.bin claims 4000 bytes and inflates to 64 MB
    entries.push({ name: 'xl/media/big.bin', data: deflatedZeros(64), method: 8, uncompressedSize: 4000 });
    const zip = makeZip(entries);
    const auto = failure(await openWorkbook(zip));
    expect(auto.code).toBe('file-too-large');
    expect(await openWorkbook(zip)).toEqual(await openWorkbook(zip, { reader: 'exceljs' }));
    expect(await openWorkbook(zip, { reader: 'fast' })).toEqual(await openWorkbook(zip, { reader: 'exceljs' }));
    // and a damaged one (inflates to other than its declared size, within the caps)
    entries[entries.length - 1] = { name: 'xl/media/big.bin', data: deflateSync(new Uint8Array(5000)), method: 8, uncompressedSize: 4000 };
    const damaged = makeZip(entries);
    expect(reasonOf(failure(await openWorkbook(damaged)))).toBe('文件不完整或已损坏');
    expect(await openWorkbook(damaged)).toEqual(await openWorkbook(damaged, { reader: 'exceljs' }));
  });

  it('namespace-prefixed files read the same with every reader', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('附表1');
      ws.getCell('A1').value = '地市';
      ws.getCell('B2').value = 3;
    });
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = rewriteZip(good, (name, text) =>
      /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)
        ? text.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (m, sl: string, n: string) => (n.includes(':') ? m : `<${sl}x:${n}`))
        : undefined,
    );
    const a = await openWorkbook(prefixed);
    expect(a.ok && a.workbook.sheets[0]!.rows.get(2)!.get(2)).toEqual({ t: 'n', v: 3 });
    expect(a).toEqual(await openWorkbook(prefixed, { reader: 'exceljs' }));
  });
});

// cases `npm run fuzz -- --seed 3` found hanging exceljs after the fast reader had given up on them
describe('openWorkbook: damaged files exceljs would hang on are refused at once', () => {
  const merged = new Uint8Array(readFileSync(new URL('../../fixtures/bad/annex/梁平区3季度汇总表-整列整表合并.xlsx', import.meta.url)));

  it('a whole-column merge in a file the fast reader cannot take (its shared strings are missing)', async () => {
    const broken = rewriteZip(merged, (name) => (name === 'xl/sharedStrings.xml' ? null : undefined));
    const t0 = Date.now();
    const r = await openWorkbook(broken);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(['file-unreadable']);
    expect(messageOf(r.findings[0]!, 'en')).toMatch(/merged range covers \d+ cells/);
  });

  it('a merge or a cell reference off the sheet', async () => {
    const cases = [
      rewriteZip(merged, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace(/<mergeCell ref="[^"]+"/, '<mergeCell ref="J4:J1048577"') : undefined)),
      rewriteZip(merged, (name, text) => (name === 'xl/worksheets/sheet1.xml' ? text.replace(/<c r="B(\d+)"/, '<c r="B2147483648"') : undefined)),
    ];
    for (const bytes of cases) {
      const r = await openWorkbook(bytes);
      expect(r.ok).toBe(false);
      expect(messageOf(r.findings[0]!, 'en')).toMatch(/beyond Excel's limits/);
    }
  });
});
