import { describe, expect, it } from 'vitest';
import { sumFigures, sumUnits, type UnitSource } from '../../src/core/aggregate/sum.js';
import { decreases, incrementRule, unitIncrement } from '../../src/core/aggregate/increment.js';
import { FIGURE_KEYS, type Figures } from '../../src/core/layout/annex1.js';
import { rosterFor } from '../../src/core/roster/units.js';
import { messageOf } from '../../src/core/findings/make.js';

const R41 = rosterFor('2021-09-30');

function figs(n: number): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, n + i])) as Figures;
}
const src = (unit: string, file: string, values: Figures | null, extra: Partial<UnitSource> = {}): UnitSource => ({ unit, file, name: file, row: 6, cell: 'A6', values, ...extra });

describe('sumUnits', () => {
  it('lists every roster unit in official order, sums exactly, and marks the missing', () => {
    const sources = R41.filter((u) => u.name !== '城口县').map((u, i) => src(u.name, `${u.name}.xlsx`, figs(i)));
    const r = sumUnits(R41, sources);
    expect(r.slots.map((s) => s.unit.name)).toEqual(R41.map((u) => u.name));
    expect(r.slots.filter((s) => s.status === 'missing').map((s) => s.unit.name)).toEqual(['城口县']);
    const expected = sumFigures(sources.map((s) => s.values!));
    expect(r.total).toEqual(expected);
    // by hand for one figure: Σ i over 40 units (i = 0..39) + 0 offset for listed
    expect(r.total.listed).toBe((39 * 40) / 2);
    expect(r.findings).toEqual([]);
  });

  it('never counts an unreadable unit as zeros', () => {
    const r = sumUnits(R41, [src('万州区', 'a.xlsx', figs(5)), src('涪陵区', 'b.xlsx', null)]);
    expect(r.slots[1]!.status).toBe('unreadable');
    expect(r.slots[1]!.values).toBeNull();
    expect(r.total).toEqual(figs(5));
  });

  it('keeps the clearly later submission of a duplicate, and says so naming both files', () => {
    const r = sumUnits(R41, [
      src('万州区', '万州区3季度.xlsx', figs(1), { reportDate: '2021-10-08' }),
      src('万州区', '万州区3季度（更正）.xlsx', figs(2), { reportDate: '2021-10-12' }),
    ]);
    expect(r.slots[0]).toMatchObject({ status: 'ok', values: figs(2) });
    expect(r.total).toEqual(figs(2));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ code: 'district-duplicate', severity: 'error', file: '万州区3季度.xlsx' });
    const msg = messageOf(f, 'zh');
    expect(msg).toContain('万州区3季度.xlsx');
    expect(msg).toContain('万州区3季度（更正）.xlsx');
    expect(msg).toContain('2021-10-12');
    expect(messageOf(f, 'en')).toContain('the later one');
  });

  it('excludes both when neither is clearly later, and says so', () => {
    for (const dates of [
      ['2021-10-09', '2021-10-09'],
      ['2021-10-09', undefined],
    ]) {
      const r = sumUnits(R41, [src('万州区', 'a.xlsx', figs(1), { reportDate: dates[0] }), src('万州区', 'b.xlsx', figs(2), dates[1] ? { reportDate: dates[1] } : {})]);
      expect(r.slots[0]).toMatchObject({ status: 'duplicate', values: null, files: ['a.xlsx', 'b.xlsx'] });
      expect(r.total).toEqual(sumFigures([]));
      expect(r.findings[0]!.severity).toBe('error');
      expect(messageOf(r.findings[0]!, 'zh')).toContain('各份均未计入合计');
    }
  });

  it('counts an identical copy once (a warning)', () => {
    const r = sumUnits(R41, [src('万州区', 'a.xlsx', figs(3)), src('万州区', 'a(1).xlsx', figs(3))]);
    expect(r.slots[0]).toMatchObject({ status: 'ok', values: figs(3) });
    expect(r.total).toEqual(figs(3));
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['district-duplicate', 'warning']]);
  });

  it("lets a unit's own file supersede its row in a city summary — even an unreadable one, which must be chased", () => {
    const r = sumUnits(R41, [
      src('万州区', 'city.xlsx', figs(9), { summaryRow: true, row: 6 }),
      src('涪陵区', 'city.xlsx', figs(8), { summaryRow: true, row: 7 }),
      src('渝中区', 'city.xlsx', figs(7), { summaryRow: true, row: 8 }),
      src('万州区', '万州区.xlsx', figs(1)),
      src('涪陵区', '涪陵区-坏.xlsx', null, { nameOnly: true }),
    ]);
    expect(r.slots[0]).toMatchObject({ status: 'ok', values: figs(1) });
    expect(r.slots[1]).toMatchObject({ status: 'unreadable', values: null });
    expect(r.slots[2]).toMatchObject({ status: 'ok', values: figs(7) });
    expect(r.total).toEqual(sumFigures([figs(1), figs(7)]));
    expect(r.findings).toEqual([]);
    expect([...r.superseded]).toEqual([['city.xlsx', ['万州区', '涪陵区']]]);
  });

  it('lets a file readable only by its name give way to a readable one', () => {
    const r = sumUnits(R41, [src('万州区', '万州区-坏.xlsx', null, { nameOnly: true }), src('万州区', '万州区.xlsx', figs(1))]);
    expect(r.slots[0]).toMatchObject({ status: 'ok', values: figs(1) });
    expect(r.findings).toEqual([]);
  });

  it('names the rows when one file holds a unit twice', () => {
    const r = sumUnits(R41, [src('万州区', 'city.xlsx', figs(1), { row: 6 }), src('万州区', 'city.xlsx', figs(2), { row: 9 })]);
    expect(r.slots[0]!.status).toBe('duplicate');
    expect(messageOf(r.findings[0]!, 'zh')).toContain('city.xlsx 第 9 行');
  });

  it('overrides the severity for the previous period', () => {
    const r = sumUnits(R41, [src('万州区', 'a.xlsx', figs(1)), src('万州区', 'b.xlsx', figs(2))], 'warning');
    expect(r.findings[0]!.severity).toBe('warning');
  });
});

describe('increments', () => {
  const prev = figs(10);
  const cur = { ...figs(12), listed: 7 };

  it('subtracts within a year; listed is the change in the stock', () => {
    const rule = incrementRule({ year: 2021, quarter: 3 }, { year: 2021, quarter: 2 });
    expect(rule.restart).toBe(false);
    const inc = unitIncrement(cur, prev, rule);
    expect(inc.listed).toBe(-3);
    for (const k of FIGURE_KEYS.filter((k) => k !== 'listed')) expect(inc[k]).toBe(2);
    expect(decreases(cur, prev, rule)).toEqual([]);
  });

  it('flags a running count that went down (never listed)', () => {
    const rule = incrementRule({ year: 2021 }, { year: 2021, quarter: 3 });
    const down = { ...cur, onsite_inspections: 3 };
    expect(decreases(down, prev, rule)).toEqual([{ key: 'onsite_inspections', value: 3, previous: prev.onsite_inspections }]);
  });

  it('restarts running counts across a year boundary and checks nothing there', () => {
    const rule = incrementRule({ year: 2022, quarter: 1 }, { year: 2021 });
    expect(rule.restart).toBe(true);
    const low = { ...figs(0), listed: 15 };
    const inc = unitIncrement(low, prev, rule);
    expect(inc.listed).toBe(5);
    expect(inc.measures).toBe(low.measures);
    expect(decreases(low, prev, rule)).toEqual([]);
  });

  it('writes no negative zero', () => {
    const inc = unitIncrement(figs(0), figs(0), { restart: false });
    expect(Object.values(inc).every((v) => Object.is(v, 0))).toBe(true);
  });
});
