import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cfbStreamNames, classifyCfb } from '../../src/core/workbook/cfb.js';
import { describeNonWorkbook, sniff } from '../../src/core/workbook/sniff.js';
import { inflateEntry, readZipDirectory } from '../../src/core/workbook/zipdir.js';
import { deflatedZeros, makeCfb, makeZip, xlsx } from './helpers.js';

describe('sniff', () => {
  it('decides by magic bytes', async () => {
    const book = await xlsx((wb) => wb.addWorksheet('a'));
    expect(sniff(book)).toBe('zip');
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).toBe('zip');
    expect(sniff(makeCfb(['Workbook']))).toBe('ole2');
    expect(sniff(new Uint8Array(0))).toBe('empty');
    expect(sniff(strToU8('序号,企业名称\n1,某公司\n'))).toBe('text');
    expect(sniff(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>'))).toBe('text');
    expect(sniff(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x04]))).toBe('unknown');
  });

  it('names common non-workbooks', () => {
    expect(describeNonWorkbook(strToU8('<html><head><meta charset="utf-8"></head></html>')).zh).toMatch(/网页/);
    expect(describeNonWorkbook(strToU8('a,b,c\n1,2,3\n')).zh).toMatch(/纯文本/);
    expect(describeNonWorkbook(strToU8('%PDF-1.7\n')).zh).toMatch(/PDF/);
    expect(describeNonWorkbook(strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">')).zh).toMatch(/2003 XML/);
    expect(describeNonWorkbook(new Uint8Array([1, 2, 3])).zh).toBe('不是 Excel 工作簿');
  });
});

describe('cfb', () => {
  it('lists stream names of a hand-made compound file', () => {
    expect(cfbStreamNames(makeCfb(['Workbook', '\u0005SummaryInformation']))).toEqual(['Workbook', '\u0005SummaryInformation']);
    // more entries than one directory sector holds: the directory chain is followed
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'EncryptedPackage'];
    expect(cfbStreamNames(makeCfb(many))).toEqual(many);
  });

  it('classifies encrypted OOXML, legacy xls and others', () => {
    expect(classifyCfb(makeCfb(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted-ooxml');
    expect(classifyCfb(makeCfb(['Workbook']))).toBe('legacy-excel');
    expect(classifyCfb(makeCfb(['Book']))).toBe('legacy-excel');
    expect(classifyCfb(makeCfb(['WordDocument', '1Table']))).toBe('word');
    expect(classifyCfb(makeCfb(['Contents']))).toBe('other');
  });

  it('survives garbage after the magic', () => {
    const cut = makeCfb(['Workbook']).subarray(0, 300);
    expect(cfbStreamNames(cut)).toBeNull();
    expect(classifyCfb(cut)).toBe('broken');
    const bad = makeCfb(['Workbook']);
    new DataView(bad.buffer).setUint32(0x30, 5000, true); // directory sector beyond the end
    expect(cfbStreamNames(bad)).toBeNull();
    expect(classifyCfb(bad)).toBe('other');
    const loop = makeCfb(['A', 'B', 'C', 'D', 'E']);
    new DataView(loop.buffer).setUint32(512 + 2 * 4, 1, true); // directory chain 1 → 2 → 1 …
    expect(cfbStreamNames(loop)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('readZipDirectory', () => {
  it('reads a real xlsx directory', async () => {
    const book = await xlsx((wb) => (wb.addWorksheet('a').getCell('A1').value = 'x'));
    const dir = readZipDirectory(book);
    if ('error' in dir) throw new Error(dir.error);
    const names = dir.entries.map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
    for (const e of dir.entries.filter((x) => !x.name.endsWith('/'))) {
      const r = inflateEntry(book, e, { maxBytes: e.uncompressedSize });
      expect(r.ok && !r.exceeded && r.size).toBe(e.uncompressedSize);
    }
  });

  it('reads zip64 records', () => {
    const text = strToU8('<workbook/>');
    const zip = makeZip(
      [
        { name: 'xl/workbook.xml', data: deflateSync(text), method: 8, uncompressedSize: text.length },
        { name: 'big.bin', data: new Uint8Array(10), method: 8, uncompressedSize: 5 * 2 ** 32 },
      ],
      { zip64: true },
    );
    const dir = readZipDirectory(zip);
    if ('error' in dir) throw new Error(dir.error);
    expect(dir.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', text.length],
      ['big.bin', 5 * 2 ** 32],
    ]);
    const r = inflateEntry(zip, dir.entries[0]!, { maxBytes: 100, keep: true });
    expect(r.ok && r.data && new TextDecoder().decode(r.data)).toBe('<workbook/>');
  });

  it('finds the end record behind an archive comment', async () => {
    const book = await xlsx((wb) => (wb.addWorksheet('a').getCell('A1').value = 'x'));
    const comment = strToU8('created by 某系统');
    const withComment = new Uint8Array(book.length + comment.length);
    withComment.set(book);
    withComment.set(comment, book.length);
    new DataView(withComment.buffer).setUint16(book.length - 2, comment.length, true);
    const dir = readZipDirectory(withComment);
    if ('error' in dir) throw new Error(dir.error);
    expect(dir.entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  it('reports a truncated file', async () => {
    const book = await xlsx((wb) => wb.addWorksheet('a'));
    expect(readZipDirectory(book.subarray(0, Math.floor(book.length / 2)))).toHaveProperty('error', 'broken');
    expect(readZipDirectory(new Uint8Array(10))).toHaveProperty('error');
  });

  it('stops inflating at the cap without holding the output', () => {
    const data = deflatedZeros(16);
    const zip = makeZip([{ name: 'z', data, method: 8, uncompressedSize: 1000 }]);
    const dir = readZipDirectory(zip);
    if ('error' in dir) throw new Error(dir.error);
    const r = inflateEntry(zip, dir.entries[0]!, { maxBytes: 1000 });
    expect(r.ok && r.exceeded).toBe(true);
    expect(r.ok && r.size).toBeLessThan(5 * 1024 * 1024);
    const full = inflateEntry(zip, dir.entries[0]!, { maxBytes: 100 * 1024 * 1024 });
    expect(full.ok && !full.exceeded && full.size).toBe(16 * 1024 * 1024);
  });
});
