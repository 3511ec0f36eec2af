import { describe, expect, it } from 'vitest';
import { DEFAULT_CUTOVER, LIANGJIANG_DISTRICT_AFTER, isAfterCutover, isIsoDate, mergedUnits, rosterFor, rostersFor, unitByName } from '../../src/core/roster/units.js';

const DISTRICTS = [
  '万州区',
  '涪陵区',
  '渝中区',
  '大渡口区',
  '江北区',
  '沙坪坝区',
  '九龙坡区',
  '南岸区',
  '北碚区',
  '綦江区',
  '大足区',
  '渝北区',
  '巴南区',
  '黔江区',
  '长寿区',
  '江津区',
  '合川区',
  '永川区',
  '南川区',
  '璧山区',
  '铜梁区',
  '潼南区',
  '荣昌区',
  '开州区',
  '梁平区',
  '武隆区',
];
const COUNTIES = ['城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县'];
const AUTONOMOUS = ['石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县'];
const ZONES = ['两江新区', '重庆高新区', '万盛经开区'];

describe('rosterFor', () => {
  it('has the 41 units of the notice, in official order, up to 2025 Q3', () => {
    const r = rosterFor('2025-09-30');
    expect(r.map((u) => u.name)).toEqual([...DISTRICTS, ...COUNTIES, ...AUTONOMOUS, ...ZONES]);
    expect(r.map((u) => u.order)).toEqual(r.map((_, i) => i + 1));
    expect(r.filter((u) => u.kind === 'district')).toHaveLength(26);
    expect(r.filter((u) => u.kind === 'county')).toHaveLength(8);
    expect(r.filter((u) => u.kind === 'autonomous-county')).toHaveLength(4);
    expect(r.filter((u) => u.kind === 'zone').map((u) => u.name)).toEqual(ZONES);
    expect(rosterFor('2021-09-30')).toHaveLength(41);
  });

  it('has 39 units from 2025 Q4: 江北区/渝北区 gone, 两江新区 the last district', () => {
    const r = rosterFor('2025-12-31');
    expect(r).toHaveLength(39);
    const names = r.map((u) => u.name);
    expect(names).not.toContain('江北区');
    expect(names).not.toContain('渝北区');
    const expected = [...DISTRICTS.filter((n) => n !== '江北区' && n !== '渝北区'), '两江新区', ...COUNTIES, ...AUTONOMOUS, '重庆高新区', '万盛经开区'];
    expect(LIANGJIANG_DISTRICT_AFTER).toBe('武隆区');
    expect(names).toEqual(expected);
    expect(r.map((u) => u.order)).toEqual(r.map((_, i) => i + 1));
    const lj = r.find((u) => u.name === '两江新区')!;
    expect(lj).toMatchObject({ kind: 'district', code: '500157', validFrom: DEFAULT_CUTOVER, order: 25 });
    expect(lj.validTo).toBeUndefined();
    expect(r.filter((u) => u.kind === 'district')).toHaveLength(25);
    expect(r.filter((u) => u.kind === 'zone').map((u) => u.name)).toEqual(['重庆高新区', '万盛经开区']);
  });

  it('switches on the period end date, half-open at the cut-over', () => {
    expect(DEFAULT_CUTOVER).toBe('2025-10-01');
    expect(rosterFor('2025-09-30')).toHaveLength(41);
    expect(rosterFor('2025-10-01')).toHaveLength(39);
    expect(rosterFor('2025-12-31')).toHaveLength(39); // the 2025 annual report too
    expect(rosterFor('2026-03-31')).toHaveLength(39);
    expect(isAfterCutover('2025-09-30')).toBe(false);
    expect(isAfterCutover('2025-10-01')).toBe(true);
  });

  it('takes a custom cut-over', () => {
    expect(rosterFor('2025-12-31', '2026-01-25')).toHaveLength(41);
    expect(rosterFor('2026-03-31', '2026-01-25')).toHaveLength(39);
    expect(rosterFor('2025-09-30', '2025-07-01')).toHaveLength(39);
    const jb = rosterFor('2025-06-30', '2025-07-01').find((u) => u.name === '江北区')!;
    expect(jb).toMatchObject({ validTo: '2025-07-01', mergedInto: '两江新区', code: '500105' });
  });

  it('rejects a malformed date', () => {
    expect(() => rosterFor('2025-13-01')).toThrow(RangeError);
    expect(() => rosterFor('2025-09-30', '2025/10/01')).toThrow(RangeError);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('carries the GB/T 2260 codes; zones have none before the cut-over', () => {
    const r = rosterFor('2021-09-30');
    const code = (n: string) => r.find((u) => u.name === n)?.code;
    expect(code('万州区')).toBe('500101');
    expect(code('璧山区')).toBe('500120');
    expect(code('铜梁区')).toBe('500151');
    expect(code('武隆区')).toBe('500156');
    expect(code('城口县')).toBe('500229');
    expect(code('忠县')).toBe('500233');
    expect(code('彭水苗族土家族自治县')).toBe('500243');
    for (const z of ZONES) expect(code(z)).toBeUndefined();
    const codes = r.map((u) => u.code).filter(Boolean);
    expect(new Set(codes).size).toBe(38);
  });

  it('returns a copy: callers cannot corrupt the roster', () => {
    const a = rosterFor('2021-09-30');
    a.pop();
    expect(rosterFor('2021-09-30')).toHaveLength(41);
    expect(Object.isFrozen(a[0])).toBe(true);
  });
});

describe('merged units and lookup', () => {
  it('lists 江北区 and 渝北区 as merged into 两江新区', () => {
    expect(mergedUnits().map((u) => [u.name, u.mergedInto, u.validTo])).toEqual([
      ['江北区', '两江新区', DEFAULT_CUTOVER],
      ['渝北区', '两江新区', DEFAULT_CUTOVER],
    ]);
  });

  it('finds a unit by canonical name for a period', () => {
    expect(unitByName('两江新区', '2025-09-30')?.kind).toBe('zone');
    expect(unitByName('两江新区', '2025-12-31')?.kind).toBe('district');
    expect(unitByName('两江新区')?.kind).toBe('zone');
    expect(unitByName('渝北区', '2025-12-31')?.mergedInto).toBe('两江新区');
    expect(unitByName('沙坪坝区', '2025-12-31')?.order).toBe(5);
    expect(unitByName('沙坪坝区', '2025-09-30')?.order).toBe(6);
    expect(unitByName('渝北')).toBeUndefined();
  });

  it('keeps Unit objects stable per cut-over', () => {
    expect(rostersFor().before[0]).toBe(rosterFor('2021-03-31')[0]);
  });
});
