/**
 * LibreOffice round-trip: every workbook zmqd writes must open in another spreadsheet program with
 * its content intact (Chinese headers, numbers, 合计, codes as text), and the templates must print
 * on A4 landscape pages. Skipped, with the install line, where LibreOffice is missing (test/helpers/tools.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX1_FIGURES, ANNEX1_NOTES, ANNEX1_TITLE, FIGURE_KEYS } from '../../src/core/layout/annex1.js';
import { ANNEX2_COLUMNS, ANNEX2_TITLE } from '../../src/core/layout/annex2.js';
import { buildAnnex1Workbook } from '../../src/writers/annex1-template.js';
import { buildAnnex2Workbook } from '../../src/writers/annex2-template.js';
import { buildFindingsReport } from '../../src/writers/findings-report.js';
import { convertSheetsToCsv, convertWithSoffice, pdfPages, readCsv } from '../helpers/soffice.js';
import { describeWithTools } from '../helpers/tools.js';

const UNITS = ['万州区', '黔江区', '渝北区', '两江新区', '西部科学城重庆高新区', '石柱土家族自治县'];

let dir = '';
const csv = new Map<string, Map<string, string[][]>>();
const pdf = new Map<string, ReturnType<typeof pdfPages>>();

describeWithTools(['soffice'], 'LibreOffice opens the workbooks zmqd writes', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zmqd-writers-'));
    const books: Record<string, Uint8Array> = {
      a1blank: await buildAnnex1Workbook(),
      a1units: await buildAnnex1Workbook({ units: UNITS }),
      a1full: await buildAnnex1Workbook({
        unit: '重庆市生态环境局',
        date: '2024年9月30日',
        rows: UNITS.map((unit, i) => ({ unit, values: Object.fromEntries(FIGURE_KEYS.map((k, j) => [k, i * 10 + j])) })),
      }),
      a2blank: await buildAnnex2Workbook(),
      a2full: await buildAnnex2Workbook({
        unit: '渝北区生态环境局',
        rows: [
          {
            name: '重庆某某化工有限公司',
            location: '渝北区',
            uscc: '91500112MA5U7XYZ0Q',
            industry: 'C26',
            permit: '91500112MA5U7XYZ0Q001P',
            includedOn: '2021-09-30',
            validUntil: '2024-09-29',
            criterion: '二（民生保障）',
          },
          { name: '=1+1', location: '+86', uscc: '916201055811843000', permit: '-1', validUntil: '2021.09.30-2024.09.29' },
        ],
      }),
      report: await buildFindingsReport({
        lang: 'zh',
        asOf: '2024-10-01',
        files: [{ file: 'inbox/渝北区附表2.xlsx', kind: 'annex2', district: '渝北区', rows: 2, errors: 1, warnings: 0 }],
        findings: [
          {
            code: 'uscc-checksum',
            severity: 'error',
            file: 'inbox/渝北区附表2.xlsx',
            sheet: '附表2',
            cell: 'D6',
            row: 6,
            column: '统一社会信用代码',
            value: '=SUM(1,2)',
            message: '校验位错误',
          },
        ],
      }),
    };
    const jobs: Promise<void>[] = [];
    for (const [name, bytes] of Object.entries(books)) {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, bytes);
      const out = join(dir, name);
      jobs.push(
        (async () => {
          const sheets = await convertSheetsToCsv(path, dir);
          csv.set(name, new Map([...sheets].map(([s, p]) => [s, readCsv(p)])));
        })(),
      );
      if (name === 'a1blank' || name === 'a2blank' || name === 'a1full') {
        jobs.push(
          (async () => {
            const p = await convertWithSoffice(path, 'pdf', out);
            pdf.set(name, pdfPages(p));
          })(),
        );
      }
    }
    await Promise.all(jobs);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function sheet(book: string, name: string): string[][] {
    const s = csv.get(book)?.get(name);
    if (!s) throw new Error(`no CSV for ${book}/${name}: ${[...(csv.get(book)?.keys() ?? [])].join(', ')}`);
    return s;
  }

  describe('LibreOffice round-trip', () => {
    it('keeps the Annex 1 template: title, two-level header, placeholder, 合计 = 0, 说明', () => {
      const rows = sheet('a1blank', '附表1');
      expect(rows[0]![0]).toBe('附表1');
      expect(rows[1]![0]).toBe(ANNEX1_TITLE);
      expect(rows[2]!.filter(Boolean)).toEqual(['填报单位：', '填报时间：', '联系人：', '电话：']);
      expect(rows[3]![0]).toBe('地市');
      expect(rows[3]![1]).toBe('纳入清单企业数量（个）');
      expect(rows[3]![4]).toBe('清单内企业非现场检查次数（家次）');
      expect(rows[4]!.slice(4, 8)).toEqual(ANNEX1_FIGURES.slice(3, 7).map((d) => d.header));
      expect(rows[5]![0]).toBe('重庆市**区');
      expect(rows[6]).toEqual(['合计', ...FIGURE_KEYS.map(() => '0')]);
      expect(rows[8]![0]).toBe(ANNEX1_NOTES[0]);
      expect(rows[10]![0]).toBe(ANNEX1_NOTES[2]);
    });

    it('keeps a filled Annex 1 with the totals and the unit-list sheet', () => {
      const rows = sheet('a1full', '附表1');
      expect(rows[2]).toContain('重庆市生态环境局');
      expect(rows[2]).toContain('2024年9月30日');
      UNITS.forEach((u, i) => expect(rows[5 + i]).toEqual([u, ...FIGURE_KEYS.map((_, j) => String(i * 10 + j))]));
      const total = rows[5 + UNITS.length]!;
      expect(total[0]).toBe('合计');
      // Σ over i of (i·10 + j) for 6 units = 150 + 6j
      expect(total.slice(1)).toEqual(FIGURE_KEYS.map((_, j) => String(150 + 6 * j)));
      const list = sheet('a1units', '单位名单');
      expect(list.slice(1).map((r) => r[0])).toEqual(UNITS);
    });

    it('keeps Annex 2: headers, pre-numbered rows, codes as text, dates as yyyy-mm-dd', () => {
      const blank = sheet('a2blank', '附表2');
      expect(blank[1]![0]).toBe(ANNEX2_TITLE);
      expect(blank[3]).toEqual(ANNEX2_COLUMNS.map((d) => d.header));
      expect(blank.slice(4, 24).map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
      const full = sheet('a2full', '附表2');
      expect(full[2]).toContain('渝北区生态环境局');
      expect(full[4]).toEqual(['1', '重庆某某化工有限公司', '渝北区', '91500112MA5U7XYZ0Q', 'C26', '91500112MA5U7XYZ0Q001P', '2021-09-30', '2024-09-29', '二（民生保障）']);
      // the 18-digit code kept all its digits; text that looks like a formula stayed text
      expect(full[5]).toEqual(['2', '=1+1', '+86', '916201055811843000', '', '-1', '', '2021.09.30-2024.09.29', '']);
    });

    it('keeps the findings report', () => {
      const s = sheet('report', '汇总');
      expect(s[2]).toEqual(['文件', '类型', '单位', '行数', '错误', '警告']);
      expect(s[3]).toEqual(['inbox/渝北区附表2.xlsx', '附表2', '渝北区', '2', '1', '0']);
      const f = sheet('report', '问题');
      expect(f[0]).toEqual(['文件', '工作表', '单元格', '行', '列', '严重程度', '代码', '问题说明', '值', '应为']);
      expect(f[1]).toEqual(['inbox/渝北区附表2.xlsx', '附表2', 'D6', '6', '统一社会信用代码', '错误', 'uscc-checksum', '校验位错误', '=SUM(1,2)', '']);
    });

    it('prints each template on one A4 landscape page', () => {
      for (const name of ['a1blank', 'a2blank']) {
        const p = pdf.get(name)!;
        expect(p.pages, name).toBe(1);
        expect(Math.round(p.width)).toBe(842);
        expect(Math.round(p.height)).toBe(595);
      }
      expect(pdf.get('a1full')!.pages).toBe(1); // six units still fit one page
    });
  });
});
