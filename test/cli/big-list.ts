/**
 * A big Annex 2 list for the terminal tests, made in a second: zmqd's own one-row template with
 * its data row repeated for n distinct enterprises (inline strings, the template's cell styles).
 * exceljs would take minutes for the same file on a busy machine.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ROOT } from '../robust/cli.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function writeBigAnnex2(file: string, n: number): Promise<void> {
  const dist = (p: string) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
  const { enterprise } = (await import(dist('bench/data.js'))) as { enterprise: (i: number) => { name: string; location: string; uscc: string; industry: string } };
  const { buildAnnex2Workbook } = (await import(dist('src/writers/annex2-template.js'))) as { buildAnnex2Workbook: (o: object) => Promise<Uint8Array> };
  const row = (i: number) => {
    const e = enterprise(i);
    return {
      name: e.name,
      location: e.location,
      uscc: e.uscc,
      industry: e.industry,
      permit: `${e.uscc}001P`,
      includedOn: '2023-03-01',
      validUntil: '2026-02-28',
      criterion: '四（在线监控）',
    };
  };
  const files = unzipSync(await buildAnnex2Workbook({ unit: '九龙坡区生态环境局', date: '2024年9月30日', rows: [row(0)] }));
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[sheet]!);
  const start = xml.indexOf('<row r="5"');
  const end = xml.indexOf('</sheetData>');
  const first = xml.slice(start, xml.indexOf('</row>', start));
  const style = (col: string) => new RegExp(`<c r="${col}5" s="(\\d+)"`).exec(first)?.[1] ?? '0';
  const [sA, sB, sD, sG] = ['A', 'B', 'D', 'G'].map(style);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = row(i);
    const R = i + 5;
    const str = (col: string, s: string, v: string) => `<c r="${col}${R}" s="${s}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    parts.push(
      `<row r="${R}"><c r="A${R}" s="${sA}"><v>${i + 1}</v></c>${str('B', sB!, r.name)}${str('C', sB!, r.location)}${str('D', sD!, r.uscc)}${str('E', sB!, r.industry)}${str('F', sD!, r.permit)}` +
        `<c r="G${R}" s="${sG}"><v>44986</v></c><c r="H${R}" s="${sG}"><v>46080</v></c>${str('I', sA!, r.criterion)}</row>`,
    );
  }
  files[sheet] = strToU8(xml.slice(0, start) + parts.join('') + xml.slice(end));
  writeFileSync(file, zipSync(files, { level: 6 }));
}
