import { describe, expect, it } from 'vitest';
import { compatible, decidePeriod, endsBefore, filePeriod, hasEvidence } from '../../src/core/roster/file-period.js';

const NAME = (q: string) => `渝北区${q}落实监督执法正面清单工作情况汇总表.xlsx`;

describe('filePeriod', () => {
  it('reads the quarter from every spelling of the file name, the year from the 填报时间', () => {
    for (const q of ['3季度', '三季度', '第三季度', 'Q3', '（第3季度）']) {
      const fp = filePeriod(NAME(q), '2021-10-08');
      expect([q, fp.period, fp.fromName, fp.fromDate]).toEqual([q, { year: 2021, quarter: 3 }, true, true]);
    }
  });

  it("takes the year of the nearest quarter end: a Q4 report dated in January is last year's", () => {
    expect(filePeriod(NAME('4季度'), '2022-01-10').period).toEqual({ year: 2021, quarter: 4 });
    expect(filePeriod(NAME('3季度'), '2021-07-05').period).toEqual({ year: 2021, quarter: 3 }); // early, not 2020
    expect(filePeriod(NAME('3季度'), '2022-02-20').period).toEqual({ year: 2021, quarter: 3 }); // very late
    expect(filePeriod('渝北区年度汇总表.xlsx', '2022-01-05').period).toEqual({ year: 2021 });
  });

  it('a year in the name wins over the date', () => {
    expect(filePeriod('渝北区2021Q3汇总表.xlsx', '2022-10-08').period).toEqual({ year: 2021, quarter: 3 });
    expect(filePeriod('渝北区2021年度汇总表.xlsx').period).toEqual({ year: 2021 });
  });

  it('falls back on the 填报时间 alone, loosely outside the reporting window', () => {
    const sure = filePeriod('渝北区汇总表.xlsx', '2021-10-08');
    expect(sure).toMatchObject({ period: { year: 2021, quarter: 3 }, fromName: false, fromDate: true, loose: false });
    const late = filePeriod('渝北区汇总表.xlsx', '2021-11-25');
    expect(late).toMatchObject({ period: { year: 2021, quarter: 3 }, loose: true });
  });

  it('knows nothing without name or date', () => {
    const fp = filePeriod('渝北区汇总表.xlsx');
    expect(fp.period).toBeNull();
    expect(hasEvidence(fp)).toBe(false);
    // a quarter without any year is evidence, but not a whole period
    const q = filePeriod(NAME('3季度'));
    expect(q.period).toBeNull();
    expect(hasEvidence(q)).toBe(true);
  });
});

describe('compatible', () => {
  const Q3 = { year: 2021, quarter: 3 as const };
  it('holds a named quarter to its quarter and year', () => {
    expect(compatible(filePeriod(NAME('3季度'), '2021-10-08'), Q3)).toBe(true);
    expect(compatible(filePeriod(NAME('2季度'), '2021-07-02'), Q3)).toBe(false);
    expect(compatible(filePeriod(NAME('3季度'), '2022-10-08'), Q3)).toBe(false);
    expect(compatible(filePeriod(NAME('3季度')), Q3)).toBe(true); // no year known: any Q3
    expect(compatible(filePeriod(NAME('3季度')), { year: 2021 })).toBe(false);
  });

  it('lets a December date stand for the annual report or Q4, but a named Q4 is not the annual report', () => {
    const dec = filePeriod('渝北区汇总表.xlsx', '2021-12-08');
    expect(compatible(dec, { year: 2021 })).toBe(true);
    expect(compatible(dec, { year: 2021, quarter: 4 })).toBe(true);
    expect(compatible(filePeriod(NAME('4季度'), '2021-12-28'), { year: 2021 })).toBe(false);
    expect(compatible(filePeriod('渝北区2021年度汇总表.xlsx', '2021-12-08'), { year: 2021, quarter: 4 })).toBe(false);
  });

  it('a loose date also allows the next quarter', () => {
    const aug = filePeriod('渝北区汇总表.xlsx', '2021-08-20'); // Q2 reported late, or Q3 early
    expect(compatible(aug, { year: 2021, quarter: 2 })).toBe(true);
    expect(compatible(aug, Q3)).toBe(true);
    expect(compatible(aug, { year: 2021, quarter: 4 })).toBe(false);
  });
});

describe('decidePeriod', () => {
  it('uses --period when given', () => {
    const d = decidePeriod([filePeriod(NAME('2季度'), '2021-07-02')], { year: 2021, quarter: 3 });
    expect(d).toMatchObject({ period: { year: 2021, quarter: 3 }, source: 'option', votes: 0, evidence: 1 });
  });

  it('takes the majority of the files', () => {
    const fps = [
      filePeriod(NAME('3季度'), '2021-10-08'),
      filePeriod(NAME('三季度'), '2021-09-28'),
      filePeriod('渝北区汇总表.xlsx', '2021-10-03'),
      filePeriod(NAME('2季度'), '2021-07-02'),
      filePeriod('no evidence.xlsx'),
    ];
    expect(decidePeriod(fps)).toEqual({ period: { year: 2021, quarter: 3 }, source: 'files', votes: 3, evidence: 4 });
  });

  it('prefers the annual report when December dates and 年度 names meet', () => {
    const fps = [filePeriod('甲2021年度汇总.xlsx', '2021-12-06'), filePeriod('乙汇总.xlsx', '2021-12-07'), filePeriod('丙汇总.xlsx', '2021-12-09')];
    expect(decidePeriod(fps)?.period).toEqual({ year: 2021 });
  });

  it('breaks ties by names, then by the later period', () => {
    expect(decidePeriod([filePeriod(NAME('2季度'), '2021-07-02'), filePeriod(NAME('3季度'), '2021-10-02')])?.period).toEqual({ year: 2021, quarter: 3 });
    expect(decidePeriod([filePeriod(NAME('2季度'), '2021-07-02'), filePeriod('x.xlsx', '2021-10-02')])?.period).toEqual({ year: 2021, quarter: 2 });
  });

  it('falls back, or gives up', () => {
    expect(decidePeriod([filePeriod('x.xlsx')])).toBeNull();
    expect(decidePeriod([filePeriod('x.xlsx')], undefined, { year: 2021, quarter: 2 })).toMatchObject({ period: { year: 2021, quarter: 2 }, source: 'assumed' });
  });
});

describe('endsBefore', () => {
  it('orders periods by their end', () => {
    expect(endsBefore({ year: 2021, quarter: 3 }, { year: 2021 })).toBe(true);
    expect(endsBefore({ year: 2021, quarter: 4 }, { year: 2021 })).toBe(false);
    expect(endsBefore({ year: 2021 }, { year: 2022, quarter: 1 })).toBe(true);
    expect(endsBefore({ year: 2021, quarter: 3 }, { year: 2021, quarter: 3 })).toBe(false);
  });
});
