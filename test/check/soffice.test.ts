/**
 * The --out workbook opens in LibreOffice with its content intact: Chinese headers, codes as text
 * (no lost digits, no exponent), dates as dates, text starting with = + - @ kept as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCheckReport } from '../../src/writers/check-report.js';
import type { CheckJson } from '../../src/core/report/check-json.js';
import { convertSheetsToCsv, readCsv } from '../helpers/soffice.js';
import { describeWithTools, tool } from '../helpers/tools.js';

const SUMMARY = '列入期间（截至 2024-10-01），符合纳入条件：情形二（民生保障，所报情形）';
const AT_INCLUSION = '纳入时（2022-06-01），符合纳入条件：情形二（民生保障，所报情形）——2022-05-10 现场检查（检查记录.csv 第4行）';
const verdict = (date: string, eligible: boolean | null, summary: string) => ({ date, eligible, summary, criteria: [], bars: [] });
const entry = (name: string, uscc: string, eligible: boolean | null, action: string, district = '渝北区') => ({
  file: `lists/${district}-附表2.xlsx`,
  district,
  row: 5,
  name,
  uscc,
  includedOn: '2022-06-01',
  validUntil: '2025-05-31',
  validity: 'valid' as const,
  declaredCriterion: 2 as const,
  metCriteria: eligible ? [2 as const] : [],
  eligible,
  eligibleAtInclusion: true,
  mustRemove: false,
  neverAgain: false,
  reasons: [SUMMARY, AT_INCLUSION, '+86 不是公式'],
  findings: [],
  sheet: '附表2',
  metCriteriaAtInclusion: [2 as const],
  notInData: [],
  action: action as 'ok',
  objectionUpheld: false,
  verdicts: { whileListed: verdict('2024-10-01', eligible, SUMMARY), atInclusion: verdict('2022-06-01', true, AT_INCLUSION) },
});

const json: CheckJson = {
  command: 'check',
  asOf: '2024-10-01',
  entries: [
    entry('重庆甲化工有限公司', '915001120631461384', true, 'ok'),
    entry('=SUM(A1:A2)', '91500112MA5U7XYZ0Q', false, 'remove'),
    entry('-5 @x', '000000000000000001', null, 'verify', '江北区'),
  ],
  summary: { entries: 3, eligible: 1, ineligible: 1, unverifiable: 1, expired: 0, expiring: 0, mustRemove: 0, neverAgain: 0, objectionUpheld: 0 },
  errors: 1,
  warnings: 0,
  findings: [{ code: 'data-row-invalid', severity: 'error', file: 'data/检查记录.csv', row: 39, cell: 'A39', message: '检查记录第 39 行无法使用' }],
  data: [{ kind: 'inspections', file: 'data/检查记录.csv', format: 'csv', encoding: 'gb18030', sheets: [], rows: 37, invalid: 2 }],
  stableRate: 95,
} as unknown as CheckJson;

let dir = '';
let sheets = new Map<string, string>();

describeWithTools(['soffice'], 'LibreOffice opens the check workbook', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zmqd-check-soffice-'));
    const path = join(dir, 'check.xlsx');
    writeFileSync(path, await buildCheckReport(json, 'zh'));
    sheets = await convertSheetsToCsv(path, dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('check report in LibreOffice', () => {
    it('opens with every sheet and the content intact', () => {
      expect([...sheets.keys()].sort()).toEqual(['其他问题', '核查结果', '汇总', '需处理'].sort());
      const rows = readCsv(sheets.get('核查结果')!);
      expect(rows[0]!.slice(0, 5)).toEqual(['区县', '文件', '行', '企业名称', '统一社会信用代码']);
      expect(rows[1]!.slice(3, 8)).toEqual(['重庆甲化工有限公司', '915001120631461384', '2022-06-01', '2025-05-31', '有效']);
      expect(rows[2]![3]).toBe('=SUM(A1:A2)');
      expect(rows[3]![3]).toBe('-5 @x');
      expect(rows[3]![4]).toBe('000000000000000001');
      expect(rows[1]![11]).toBe('符合');
      expect(rows[1]![12]).toBe(SUMMARY);
      expect(rows[1]![14]).toBe(AT_INCLUSION);
      expect(rows[2]![17]).toBe('应移出');
      expect(rows[1]![18]).toBe('+86 不是公式'); // the verdicts' own sentences are not repeated
      // the first sheet: only the two entries needing action, under their districts' title rows
      const action = readCsv(sheets.get('需处理')!);
      const text = action.map((r) => r.join('|')).join('\n');
      expect(text).toContain('=SUM(A1:A2)');
      expect(text).toContain('-5 @x');
      expect(text).not.toContain('重庆甲化工有限公司');
      expect(action.filter((r) => /^(渝北区|江北区)　需处理 1 家/.test(r[0]!))).toHaveLength(2);
      const removeRow = action.find((r) => r[2] === '=SUM(A1:A2)')!;
      expect(removeRow[7]).toBe(`不符合\n${SUMMARY}`);
      expect(removeRow[8]).toBe(`符合\n${AT_INCLUSION}`);
      const other = readCsv(sheets.get('其他问题')!);
      expect(other[1]).toContain('data-row-invalid');
    });
  });

  describe('a legacy .xls data file', () => {
    it('is converted with LibreOffice and read like the .xlsx', async () => {
      const { generate } = await import('../../scripts/fixtures/enforcement.js');
      const { zmqd } = await import('../helpers/cli.js');
      const { spawnSync } = await import('node:child_process');
      const fx = join(dir, 'fx');
      await generate(fx);
      const conv = spawnSync(
        tool('soffice').command,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'xls',
          '--outdir',
          join(fx, 'xls'),
          join(fx, 'data', '信用评价.xlsx'),
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(conv.status, conv.stderr).toBe(0);
      const args = ['check', 'lists', '--inspections', 'data/检查记录-GBK.csv', '--as-of', '2024-10-01', '--format', 'json'];
      const xlsx = zmqd([...args, '--credit', 'data/信用评价.xlsx'], { cwd: fx });
      const xls = zmqd([...args, '--credit', 'xls/信用评价.xls'], { cwd: fx });
      expect(xls.stderr).toContain('LibreOffice');
      const pick = (s: string) => (JSON.parse(s) as { entries: { eligible: unknown; metCriteria: unknown }[] }).entries.map((e) => [e.eligible, e.metCriteria]);
      expect(pick(xls.stdout)).toEqual(pick(xlsx.stdout));
    });
  });
});
