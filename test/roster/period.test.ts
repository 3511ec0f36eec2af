import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  parsePeriod,
  periodEnd,
  periodFromDate,
  periodFromDateDetail,
  periodFromText,
  periodLabelEn,
  periodLabelZh,
  previousPeriod,
  samePeriod,
} from '../../src/core/roster/period.js';
import { rosterFor } from '../../src/core/roster/units.js';

describe('parsePeriod / formatPeriod', () => {
  it('parses the CLI forms', () => {
    expect(parsePeriod('2021Q3')).toEqual({ year: 2021, quarter: 3 });
    expect(parsePeriod('2021q3')).toEqual({ year: 2021, quarter: 3 });
    expect(parsePeriod('2021-Q3')).toEqual({ year: 2021, quarter: 3 });
    expect(parsePeriod('2021-q1')).toEqual({ year: 2021, quarter: 1 });
    expect(parsePeriod('2021')).toEqual({ year: 2021 });
    expect(parsePeriod(' 2025Q4 ')).toEqual({ year: 2025, quarter: 4 });
  });

  it('is strict', () => {
    for (const bad of ['2021Q5', '2021Q0', '21Q3', '2021 Q3', 'Q3', '2021-3', '2021年', '1999', '2021Q3x', '']) {
      expect([bad, parsePeriod(bad)]).toEqual([bad, null]);
    }
  });

  it('formats back', () => {
    expect(formatPeriod({ year: 2021, quarter: 3 })).toBe('2021Q3');
    expect(formatPeriod({ year: 2021 })).toBe('2021');
    for (const s of ['2021Q1', '2024Q4', '2025']) expect(formatPeriod(parsePeriod(s)!)).toBe(s);
  });
});

describe('periodEnd and labels', () => {
  it('gives the quarter end, 31 December for the annual report', () => {
    expect(periodEnd({ year: 2021, quarter: 1 })).toBe('2021-03-31');
    expect(periodEnd({ year: 2021, quarter: 2 })).toBe('2021-06-30');
    expect(periodEnd({ year: 2021, quarter: 3 })).toBe('2021-09-30');
    expect(periodEnd({ year: 2021, quarter: 4 })).toBe('2021-12-31');
    expect(periodEnd({ year: 2021 })).toBe('2021-12-31');
  });

  it('selects the roster: 41 for 2025Q3, 39 for 2025Q4 and the 2025 annual report', () => {
    expect(rosterFor(periodEnd(parsePeriod('2025Q3')!))).toHaveLength(41);
    expect(rosterFor(periodEnd(parsePeriod('2025Q4')!))).toHaveLength(39);
    expect(rosterFor(periodEnd(parsePeriod('2025')!))).toHaveLength(39);
  });

  it('labels in Chinese and English', () => {
    expect(periodLabelZh({ year: 2021, quarter: 3 })).toBe('2021年第三季度');
    expect(periodLabelZh({ year: 2021, quarter: 1 })).toBe('2021年第一季度');
    expect(periodLabelZh({ year: 2021 })).toBe('2021年度');
    expect(periodLabelEn({ year: 2021, quarter: 3 })).toBe('2021 Q3');
    expect(periodLabelEn({ year: 2021 })).toBe('2021 (annual)');
  });

  it('compares periods', () => {
    expect(samePeriod({ year: 2021, quarter: 3 }, parsePeriod('2021-Q3')!)).toBe(true);
    expect(samePeriod({ year: 2021 }, { year: 2021, quarter: 4 })).toBe(false);
  });
});

describe('previousPeriod', () => {
  it('steps back one report of the same kind', () => {
    expect(previousPeriod({ year: 2021, quarter: 3 })).toEqual({ year: 2021, quarter: 2 });
    expect(previousPeriod({ year: 2021, quarter: 2 })).toEqual({ year: 2021, quarter: 1 });
    expect(previousPeriod({ year: 2022, quarter: 1 })).toEqual({ year: 2021, quarter: 4 });
    expect(previousPeriod({ year: 2022 })).toEqual({ year: 2021 });
  });
});

describe('periodFromText', () => {
  it('reads quarters in every spelling', () => {
    for (const t of ['3季度', '三季度', '第三季度', '第3季度', 'Q3', 'q3', '三季报']) {
      expect([t, periodFromText(t)]).toEqual([t, { quarter: 3 }]);
    }
    expect(periodFromText('2021年第3季度')).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('2021年三季度')).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('2021年第四季度')).toEqual({ quarter: 4, year: 2021 });
    expect(periodFromText('2021Q1')).toEqual({ quarter: 1, year: 2021 });
    expect(periodFromText('2021-Q2')).toEqual({ quarter: 2, year: 2021 });
  });

  it('reads the annual report', () => {
    expect(periodFromText('2021年度')).toEqual({ year: 2021, annual: true });
    expect(periodFromText('年度')).toEqual({ annual: true });
    expect(periodFromText('全年')).toEqual({ annual: true });
    expect(periodFromText('渝北区2021年全年落实监督执法正面清单工作情况汇总表')).toEqual({ year: 2021, annual: true });
  });

  it('lets a quarter win over 年度', () => {
    expect(periodFromText('2021年度第三季度汇总表')).toEqual({ year: 2021, quarter: 3 });
  });

  it('reads file names', () => {
    expect(periodFromText('渝北区3季度落实监督执法正面清单工作情况汇总表.xlsx')).toEqual({ quarter: 3 });
    expect(periodFromText('两江新区分局-2021年第三季度附表1.xlsx')).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('附表1 万盛经开区 Q3.xlsx')).toEqual({ quarter: 3 });
    expect(periodFromText('附表1 2021 Q3.xlsx')).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('附表1_2021Q4.xlsx')).toEqual({ quarter: 4, year: 2021 });
  });

  it('reads cumulative forms', () => {
    expect(periodFromText('2021年1-9月')).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('前三季度')).toEqual({ quarter: 3 });
    expect(periodFromText('2022年上半年')).toEqual({ quarter: 2, year: 2022 });
    expect(periodFromText('1—3月')).toEqual({ quarter: 1 });
  });

  it('ignores dates and the annex number', () => {
    expect(periodFromText('2021年10月8日')).toBeNull();
    expect(periodFromText('2021-10-08')).toBeNull();
    expect(periodFromText('附表1.xlsx')).toBeNull();
    expect(periodFromText('渝北区附表2.xlsx')).toBeNull();
    expect(periodFromText('.xlsx')).toBeNull();
    expect(periodFromText('填报时间：2022年1月5日 第四季度')).toEqual({ quarter: 4 });
    expect(periodFromText('20211008 三季度')).toEqual({ quarter: 3 });
  });

  it('uses the fallback year only when the text names none', () => {
    expect(periodFromText('三季度', 2022)).toEqual({ quarter: 3, year: 2022 });
    expect(periodFromText('2021年三季度', 2022)).toEqual({ quarter: 3, year: 2021 });
    expect(periodFromText('附表1', 2022)).toBeNull();
    expect(periodFromText('附表1 2021.xlsx')).toEqual({ year: 2021 });
  });

  it('gives up on conflicting quarters or years', () => {
    expect(periodFromText('二季度 三季度')).toBeNull();
    expect(periodFromText('2021年 2022年 三季度')).toBeNull();
    expect(periodFromText('2021年第三季度(1-9月)')).toEqual({ quarter: 3, year: 2021 });
  });
});

describe('periodFromDate', () => {
  const cases: [string, string, boolean][] = [
    ['2021-09-30', '2021Q3', true], // quarter end
    ['2021-09-01', '2021Q3', true], // inside the last month
    ['2021-10-08', '2021Q3', true], // within 20 days after
    ['2021-10-20', '2021Q3', true],
    ['2021-10-21', '2021Q3', false], // late
    ['2021-11-15', '2021Q3', false],
    ['2021-08-15', '2021Q2', false], // middle of Q3: a late Q2 report
    ['2021-12-10', '2021Q4', true], // could be the annual report: caller reconciles
    ['2021-12-31', '2021Q4', true],
    ['2022-01-05', '2021Q4', true],
    ['2022-02-28', '2021Q4', false],
    ['2022-03-31', '2022Q1', true],
    ['2022-04-10', '2022Q1', true],
    ['2022-06-15', '2022Q2', true],
    ['2022-07-01', '2022Q2', true],
  ];
  for (const [d, p, sure] of cases) {
    it(`${d} → ${p}${sure ? '' : ' (unsure)'}`, () => {
      expect(formatPeriod(periodFromDate(d))).toBe(p);
      expect(periodFromDateDetail(d).sure).toBe(sure);
    });
  }
  it('rejects a malformed date', () => {
    expect(() => periodFromDate('2021/10/08')).toThrow(RangeError);
    expect(() => periodFromDate('2021-02-30')).toThrow(RangeError);
  });
});
