/** The findings cap and the no-spread rule, in process (issue 14, item 2). */
import { describe, expect, it } from 'vitest';
import { appendAll, capFindings, FindingCap, pushTo } from '../../src/core/findings/cap.js';
import { countBySeverity, finding, render } from '../../src/core/findings/make.js';
import type { Finding } from '../../src/core/findings/types.js';
import { runCheckCore } from '../../src/core/check/check.js';
import type { DataFile } from '../../src/core/data/read.js';
import { checkCsvRecords, CsvLimitError, parseCsv } from '../../src/core/data/csv.js';

const row = (file: string, code: 'data-row-invalid' | 'data-row-ragged', r: number): Finding =>
  code === 'data-row-invalid'
    ? finding(code, { file, row: r }, { kind: 'inspections', row: r, issues: [{ why: 'uscc-empty' }] })
    : finding(code, { file, row: r }, { kind: 'inspections', row: r, extra: 1 });

describe('capFindings', () => {
  it('keeps the first N of each (file, code) in order and counts the rest in one findings-omitted', () => {
    const fs = [
      ...Array.from({ length: 5 }, (_, i) => row('a.csv', 'data-row-invalid', i + 2)),
      row('a.csv', 'data-row-ragged', 9),
      ...Array.from({ length: 4 }, (_, i) => row('b.csv', 'data-row-invalid', i + 2)),
    ];
    const out = capFindings(fs, 2);
    expect(out.filter((f) => f.code === 'data-row-invalid' && f.file === 'a.csv').map((f) => f.row)).toEqual([2, 3]);
    expect(out.filter((f) => f.code === 'data-row-ragged')).toHaveLength(1);
    const omitted = out.filter((f) => f.code === 'findings-omitted');
    expect(omitted.map((f) => [f.file, f.value, f.omitted])).toEqual([
      ['a.csv', 'data-row-invalid', 3],
      ['b.csv', 'data-row-invalid', 2],
    ]);
    // the totals still count every problem
    expect(countBySeverity(out).errors).toBe(countBySeverity(fs).errors);
    expect(render(omitted[0]!, 'zh')).toMatchObject({ code: 'findings-omitted', severity: 'error', value: 'data-row-invalid', omitted: 3 });
    expect(render(omitted[0]!, 'en').message).toContain('3 more');
  });

  it('merges a findings-omitted met again (a cap applied twice) and leaves an uncut list as it is', () => {
    const once = capFindings(
      Array.from({ length: 10 }, (_, i) => row('a.csv', 'data-row-invalid', i)),
      4,
    );
    const twice = capFindings(once, 2);
    expect(twice.find((f) => f.code === 'findings-omitted')!.omitted).toBe(8);
    const small = [row('a.csv', 'data-row-invalid', 1)];
    expect(capFindings(small, 5)).toBe(small);
  });

  it('a findings-omitted is as severe as the worst finding it stands for', () => {
    const cap = new FindingCap(0);
    cap.admit('data-row-invalid', 'a', 'warning');
    cap.admit('data-row-invalid', 'a', 'error');
    expect(cap.omittedFindings()[0]!.severity).toBe('error');
  });
});

describe('no spread of unbounded arrays', () => {
  it('appendAll and pushTo take 500,000 items (a spread into push() overflows the stack)', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
    expect(appendAll([] as number[], big)).toHaveLength(500_000);
    const m = new Map<string, number[]>();
    for (const x of big) pushTo(m, 'one', x);
    expect(m.get('one')).toHaveLength(500_000);
  });

  it('check with 300,000 unusable data rows: no RangeError, 1,000 listed and the count of the rest', () => {
    const file = '检查记录.csv';
    const invalid = Array.from({ length: 300_000 }, (_, i) => ({ src: { file, row: i + 2 }, finding: row(file, 'data-row-invalid', i + 2) }));
    const data = (kind: 'inspections' | 'credit', inv: typeof invalid): DataFile =>
      ({ ok: true, kind, file, format: 'csv', sheets: [], records: [], usable: 0, invalid: inv, findings: inv.map((x) => x.finding) }) as DataFile;
    const r = runCheckCore({
      lists: [],
      data: { inspections: data('inspections', invalid) as DataFile<'inspections'>, credit: data('credit', []) as DataFile<'credit'> },
      asOf: '2024-10-01',
      expiringDays: 90,
    });
    expect(r.findings.filter((f) => f.code === 'data-row-invalid')).toHaveLength(1000);
    expect(r.findings.find((f) => f.code === 'findings-omitted')!.omitted).toBe(299_000);
    expect(r.data[0]!.invalid).toBe(300_000);
  });
});

describe('CSV limits', () => {
  const limits = { records: 3, columns: 4, recordChars: 50 };
  it('refuses more records, columns or characters in a record than allowed, with the line', () => {
    // the header is a row too (Excel's 1,048,576 rows include it)
    expect(() => parseCsv('a\n1\n2\n', ',', limits)).not.toThrow();
    expect(() => parseCsv('a\n1\n2\n3\n', ',', limits)).toThrow(/line 4 is record 4/);
    expect(() => parseCsv('a\n1,2,3,4,5\n', ',', limits)).toThrow(/too many columns on line 2/);
    expect(() => parseCsv(`a\n${'x'.repeat(60)}\n`, ',', limits)).toThrow(CsvLimitError);
  });
  it('checkCsvRecords counts line breaks first, and records exactly when there are many', () => {
    expect(() => checkCsvRecords('a\n1\n2\n', ',', limits)).not.toThrow();
    // five lines but three records: the quoted line breaks are one field's
    expect(() => checkCsvRecords('a\n"1\n2\n3"\n4\n', ',', limits)).not.toThrow();
    expect(() => checkCsvRecords('a\r1\r2\r3\r4\r', ',', limits)).toThrow(/too many rows/);
  });
  it('the unclosed-quote finding says its line', () => {
    const f = finding('data-csv-unterminated', { file: 'x.csv', row: 7 }, { kind: 'inspections', row: 7 });
    expect(render(f, 'zh').message).toContain('第 7 行的引号没有闭合');
  });
});
