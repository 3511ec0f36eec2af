/**
 * What the clerk prints: the city table (附表1 with every unit) on one A4 landscape page, the 附表1
 * template without its helper 单位名单 sheet, and every data validation written once (overlapping
 * duplicates such as D10:D24 and D5:D24 are what Excel "repairs").
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { root, zmqd } from '../helpers/cli.js';
import { describeWithTools } from '../helpers/tools.js';
import { convertWithSoffice, pdfPages } from '../helpers/soffice.js';
import { hygieneProblems, parts } from './inspect.js';
import { FIGURE_KEYS } from '../../src/core/layout/annex1.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { LEGIBLE_PT, onePageScale } from '../../src/writers/xlsx-common.js';
import { rosterFor } from '../../src/core/roster/units.js';

const inbox = join(root, 'fixtures', 'inbox');
let dir = '';
let city = '';
let template1 = '';
let template2 = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zmqd-print-'));
  city = join(dir, '全市汇总表.xlsx');
  const r = zmqd(['aggregate', join(inbox, '2024Q3'), '--previous', join(inbox, '2024Q2'), '--as-of', '2024-10-01', '--out', city, '--quiet']);
  expect(r.status, r.stderr).toBe(1); // the sample inbox has planted errors
  template1 = join(dir, 'a1.xlsx');
  template2 = join(dir, 'a2.xlsx');
  for (const [annex, out] of [
    ['annex1', template1],
    ['annex2', template2],
  ] as const) {
    expect(zmqd(['template', annex, '--as-of', '2024-10-01', '--out', out, '--quiet']).status).toBe(0);
  }
}, 240_000);

/** The sqref ranges of every dataValidation of every sheet, as [sheet, sqref]. */
function validations(bytes: Uint8Array): [string, string][] {
  const p = parts(bytes);
  const out: [string, string][] = [];
  for (const [name, xml] of p.sheetXml) for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) out.push([name, m[1]!]);
  return out;
}

function cellsOf(sqref: string): string[] {
  const out: string[] = [];
  for (const part of sqref.split(/\s+/)) {
    const [a, b = a] = part.split(':') as [string, string?];
    const p = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return { c: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), r: Number(m[2]) };
    };
    const x = p(a),
      y = p(b!);
    for (let r = x.r; r <= y.r; r++) for (let c = x.c; c <= y.c; c++) out.push(`${c},${r}`);
  }
  return out;
}

describe('page setup and validations as written', () => {
  it('the city table and its 本期新增 fit one page tall and wide; the other sheets one page wide', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(city);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附表1', '本期新增', '未报送', '问题']);
    for (const name of ['附表1', '本期新增']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getCell('A46').value).toBe('万盛经开区'); // all 41 units
      expect([name, ws.pageSetup]).toMatchObject([name, { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '4:5' }]);
      // and at a legible size: 11-pt text printed at LEGIBLE_PT or more
      expect(11 * onePageScale(ws)).toBeGreaterThanOrEqual(LEGIBLE_PT);
    }
    for (const name of ['未报送', '问题']) expect(wb.getWorksheet(name)!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
  });

  it('a table too long to print legibly on one page runs over several pages instead', async () => {
    const units = Array.from({ length: 3 }, () => rosterFor('2024-09-30').map((u) => u.name)).flat();
    const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 1]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildAnnex1Workbook({ rows: units.map((unit) => ({ unit, values })) })) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
  });

  it('the 附表1 template keeps its 单位名单 helper sheet hidden (the dropdown still refers to it)', async () => {
    const p = parts(readFileSync(template1));
    expect(p.workbookXml).toMatch(/<sheet [^>]*name="单位名单" state="hidden"/);
    expect(p.workbookXml).toMatch(/<sheet [^>]*name="附表1" state="visible"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template1);
    expect(wb.getWorksheet('单位名单')!.state).toBe('hidden');
    expect(wb.getWorksheet('附表1')!.getCell('A6').dataValidation).toMatchObject({ type: 'list', formulae: ["'单位名单'!$A$2:$A$42"] }); // the 41 units of 2024
  });

  it('writes every data validation once: no two ranges of a sheet overlap (templates and city table)', () => {
    for (const file of [template1, template2, city]) {
      const bytes = readFileSync(file);
      expect(hygieneProblems(bytes)).toEqual([]);
      const dvs = validations(bytes);
      expect(dvs.length).toBeGreaterThan(0);
      const seen = new Map<string, string>();
      for (const [sheet, sqref] of dvs) {
        for (const c of cellsOf(sqref)) {
          const k = `${sheet}!${c}`;
          expect([file, k, seen.get(k)]).toEqual([file, k, undefined]);
          seen.set(k, sqref);
        }
      }
    }
    // the Annex 2 template's columns, one range each from the first data row
    expect(validations(readFileSync(template2)).map(([, s]) => s)).toEqual(['D5:D24', 'F5:F24', 'G5:G24', 'H5:H24', 'I5:I24']);
    expect(validations(readFileSync(city)).map(([s, r]) => `${s}!${r}`)).toEqual(['附表1!B6:O46', '本期新增!B6:O46']);
  });
});

describeWithTools(['soffice'], 'printed by LibreOffice', () => {
  it('the city table prints all 41 units on one A4 landscape page', async () => {
    // the 附表1 sheet alone (the workbook's other sheets print on their own pages)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(city);
    for (const name of ['本期新增', '未报送', '问题']) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    const only = join(dir, '附表1-only.xlsx');
    writeFileSync(only, new Uint8Array(await wb.xlsx.writeBuffer()));
    const pdf = pdfPages(await convertWithSoffice(only, 'pdf', join(dir, 'pdf-city')));
    expect(pdf.pages).toBe(1);
    expect(Math.round(pdf.width)).toBe(842);
    expect(Math.round(pdf.height)).toBe(595);
  }, 240_000);

  it('the 附表1 template prints one page: its helper sheet does not print', async () => {
    const pdf = pdfPages(await convertWithSoffice(template1, 'pdf', join(dir, 'pdf-a1')));
    expect(pdf.pages).toBe(1);
    expect(Math.round(pdf.width)).toBe(842);
  }, 240_000);
});
