/**
 * The --out workbook: the official layout read back by zmqd itself and by LibreOffice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generate } from '../../scripts/fixtures/quarters.js';
import { ruleOptions, validatePaths } from '../../src/cli/inputs.js';
import { aggregate, type AggregateResult } from '../../src/core/aggregate/aggregate.js';
import { aggregateJson } from '../../src/core/report/aggregate-json.js';
import { buildCityWorkbook, SHEET_ACTIVITY, SHEET_CHASE, SHEET_FINDINGS, SHEET_MAIN } from '../../src/writers/annex1-city.js';
import { validateFile } from '../../src/core/validate/validate.js';
import { FIGURE_KEYS, type Figures } from '../../src/core/layout/annex1.js';
import { convertSheetsToCsv, convertWithSoffice, pdfPages, readCsv } from '../helpers/soffice.js';
import { itWithTools } from '../helpers/tools.js';

let dir: string;
let out: string;
let result: AggregateResult;
let bytes: Uint8Array;
let manifest: Record<string, { units: Record<string, Figures>; total: Figures; totalIncrement: Figures }>;
const AS_OF = '2021-10-15';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zmqd-cityxlsx-'));
  await generate(join(dir, 'q'));
  manifest = JSON.parse(readFileSync(join(dir, 'q', 'manifest.json'), 'utf8'));
  const opts = await ruleOptions({ asOf: AS_OF });
  const cur = await validatePaths([join(dir, 'q', '2021Q3-problems')], opts, true);
  const prev = await validatePaths([join(dir, 'q', '2021Q2')], opts, true);
  result = aggregate(cur.results, { previous: prev.results });
  bytes = await buildCityWorkbook(result, { lang: 'zh', date: AS_OF, findings: aggregateJson(result, 'zh').findings });
  out = join(dir, '2021Q3汇总.xlsx');
  writeFileSync(out, bytes);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the city-wide workbook', () => {
  it('has the official layout with real numbers, empty (never 0) cells for uncounted units, and a 合计 formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_MAIN, SHEET_ACTIVITY, SHEET_CHASE, SHEET_FINDINGS]);
    const ws = wb.getWorksheet(SHEET_MAIN)!;
    expect(ws.getCell('A1').value).toBe('附表1');
    expect(String(ws.getCell('A2').value)).toBe('2021年第三季度落实监督执法正面清单工作情况汇总表');
    const row3 = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => ws.getCell(3, c).value ?? '').join('');
    expect(row3).toContain('填报单位：重庆市生态环境局');
    expect(row3).toContain('填报时间：2021年10月15日');
    expect(ws.getCell('A4').value).toBe('地市');
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A4:A5', 'E4:H4', 'K4:L4', 'M4:O4']));
    // one row per unit from row 6, in roster order
    expect(ws.getCell('A6').value).toBe('万州区');
    expect(ws.getCell('B6').value).toBe(manifest['2021Q3-problems']!.units['万州区']!.listed);
    expect(typeof ws.getCell('B6').value).toBe('number');
    const names = result.units.map((u) => u.unit.name);
    const chengkou = 6 + names.indexOf('城口县');
    expect(ws.getCell(chengkou, 1).value).toBe('城口县');
    for (let c = 2; c <= 15; c++) expect(ws.getCell(chengkou, c).value).toBeNull();
    expect(ws.getCell(chengkou, 1).note).toBeTruthy();
    const total = 6 + names.length;
    expect(ws.getCell(total, 1).value).toBe('合计');
    expect(ws.getCell(total, 2).value).toEqual({ formula: `SUM(B6:B${total - 1})`, result: manifest['2021Q3-problems']!.total.listed });
    // the remark under 合计 names what the total leaves out
    expect(String(ws.getCell(total + 1, 1).value)).toContain('城口县未报送');
    // frozen header, A4 landscape, all 41 units on one page (legible: test/writers/print.test.ts)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it("reads back as one Annex 1 and aggregates to the same totals (usable as next quarter's --previous)", async () => {
    const r = await validateFile({ file: out, name: '2021Q3汇总.xlsx', bytes }, { asOf: AS_OF, expiringDays: 90, allowList: new Set() });
    expect(r.kind).toBe('annex1');
    expect(r.rows).toBe(41);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const again = aggregate([r]);
    expect(again.total).toEqual(result.total);
    expect([...again.missing].sort()).toEqual([...result.missing, ...result.unreadable, ...result.duplicate].sort());
    const m = manifest['2021Q3-problems']!;
    for (const [name, v] of Object.entries(m.units)) expect(again.units.find((u) => u.unit.name === name)!.values).toEqual(v);
  });

  itWithTools(
    ['soffice'],
    'opens in LibreOffice with its content intact',
    async () => {
      const csvDir = mkdtempSync(join(dir, 'csv-'));
      const sheets = await convertSheetsToCsv(out, csvDir);
      expect([...sheets.keys()]).toEqual([SHEET_MAIN, SHEET_ACTIVITY, SHEET_CHASE, SHEET_FINDINGS]);
      const main = readCsv(sheets.get(SHEET_MAIN)!);
      const row = (name: string) => main.find((r) => r[0] === name)!;
      const m = manifest['2021Q3-problems']!;
      for (const [name, v] of Object.entries(m.units)) expect([name, row(name).slice(1, 15).map(Number)]).toEqual([name, FIGURE_KEYS.map((k) => v[k])]);
      expect(row('城口县').slice(1, 15)).toEqual(Array(14).fill(''));
      expect(row('合计').slice(1, 15).map(Number)).toEqual(FIGURE_KEYS.map((k) => m.total[k]));
      const act = readCsv(sheets.get(SHEET_ACTIVITY)!);
      expect(
        act
          .find((r) => r[0] === '合计')!
          .slice(1, 15)
          .map(Number),
      ).toEqual(FIGURE_KEYS.map((k) => m.totalIncrement[k]));
      const chase = readCsv(sheets.get(SHEET_CHASE)!).map((r) => r[1]);
      expect(chase).toEqual(expect.arrayContaining(['城口县', '忠县', '巫溪县', '永川区']));
      const problems = readCsv(sheets.get(SHEET_FINDINGS)!);
      expect(problems.length - 1).toBe(result.findings.length);
      expect(problems.some((r) => r.includes('cumulative-decrease') && r.includes('D6'))).toBe(true);

      const pdf = pdfPages(await convertWithSoffice(out, 'pdf', csvDir));
      expect(pdf.width).toBeGreaterThan(pdf.height); // landscape
      expect(Math.round(pdf.width)).toBe(842); // A4
      expect(pdf.pages).toBeGreaterThanOrEqual(4);
    },
    300_000,
  );
});
