import { describe, expect, it } from 'vitest';
import { locationOutsideUnit, unitsNamedIn } from '../../src/core/roster/location.js';

const names = (loc: string, end?: string, cutover?: string) => unitsNamedIn(loc, end, cutover).map((u) => u.name);
const Q3 = '2025-09-30';
const Q4 = '2025-12-31';

describe('unitsNamedIn', () => {
  it('finds the district of an address', () => {
    expect(names('重庆市渝北区双凤桥街道')).toEqual(['渝北区']);
    expect(names('重庆市江津区德感街道')).toEqual(['江津区']);
    expect(names('万盛经开区平山工业园')).toEqual(['万盛经开区']);
    expect(names('重庆市忠县新生街道')).toEqual(['忠县']);
    expect(names('石柱县南宾街道')).toEqual(['石柱土家族自治县']);
    expect(names('重庆市高新区曾家镇')).toEqual(['重庆高新区']);
    expect(names('西部（重庆）科学城重庆高新区含谷镇')).toEqual(['重庆高新区']);
  });

  it('returns [] when unsure: bare short names and town names do not count', () => {
    expect(names('渝北双凤桥街道')).toEqual([]);
    expect(names('大湾镇')).toEqual([]);
    expect(names('某某工业园区')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(names('璧山高新区')).toEqual([]);
  });

  it('does not see 江北 inside 两江新区江北嘴', () => {
    expect(names('两江新区江北嘴')).toEqual(['两江新区']);
    expect(names('重庆市两江新区鱼复工业园')).toEqual(['两江新区']);
  });

  it('does not take 江北区域 for 江北区', () => {
    expect(names('长江北区域')).toEqual([]);
  });

  it('keeps confusable names apart', () => {
    expect(names('重庆市南川区')).toEqual(['南川区']);
    expect(names('重庆市南岸区')).toEqual(['南岸区']);
    expect(names('万州区')).toEqual(['万州区']);
    expect(names('九龙坡区高新区')).toEqual(['九龙坡区']);
  });

  it('maps merged districts to their successor after the cut-over', () => {
    expect(names('重庆市渝北区双凤桥街道', Q3)).toEqual(['渝北区']);
    expect(names('重庆市渝北区双凤桥街道', Q4)).toEqual(['两江新区']);
    expect(names('重庆市江北区观音桥街道', Q4)).toEqual(['两江新区']);
    expect(names('重庆市渝北区大湾镇', Q4)).toEqual(['北碚区']);
    expect(names('重庆市渝北区茨竹镇', Q4)).toEqual(['北碚区']);
    expect(names('重庆市渝北区统景镇', Q3)).toEqual(['渝北区']);
    expect(names('重庆市渝北区大湾镇', Q4, '2026-01-25')).toEqual(['渝北区']);
    const lj = unitsNamedIn('两江新区', Q4)[0];
    expect(lj.kind).toBe('district');
  });
});

describe('locationOutsideUnit', () => {
  it('flags a location in another district', () => {
    expect(locationOutsideUnit('重庆市江津区德感街道', '渝北区')).toBe(true);
    expect(locationOutsideUnit('重庆市万州区', '万盛经开区')).toBe(true);
    expect(locationOutsideUnit('重庆市南岸区', '南川区')).toBe(true);
  });

  it('does not flag the unit itself or an unsure location', () => {
    expect(locationOutsideUnit('重庆市渝北区双凤桥街道', '渝北区')).toBe(false);
    expect(locationOutsideUnit('渝北双凤桥街道', '江津区')).toBe(false);
    expect(locationOutsideUnit('某某工业园', '江津区')).toBe(false);
    expect(locationOutsideUnit('石柱县', '石柱土家族自治县')).toBe(false);
  });

  it('treats zones as overlapping the districts they lie in', () => {
    expect(locationOutsideUnit('重庆市渝北区礼嘉街道', '两江新区', Q3)).toBe(false);
    expect(locationOutsideUnit('重庆市两江新区', '渝北区', Q3)).toBe(false);
    expect(locationOutsideUnit('重庆市北碚区水土街道', '两江新区')).toBe(false);
    expect(locationOutsideUnit('重庆市沙坪坝区西永街道', '重庆高新区')).toBe(false);
    expect(locationOutsideUnit('重庆市九龙坡区含谷镇', '重庆高新区')).toBe(false);
    expect(locationOutsideUnit('重庆市綦江区万盛街道', '万盛经开区')).toBe(false);
    expect(locationOutsideUnit('重庆市两江新区', '江津区')).toBe(true);
  });

  it('accepts the merger and the five moved towns on either side of the cut-over', () => {
    expect(locationOutsideUnit('重庆市渝北区双凤桥街道', '两江新区', Q4)).toBe(false);
    expect(locationOutsideUnit('重庆市江北区', '两江新区', Q4)).toBe(false);
    expect(locationOutsideUnit('重庆市渝北区大湾镇', '北碚区', Q4)).toBe(false);
    expect(locationOutsideUnit('重庆市渝北区大湾镇', '北碚区', Q3)).toBe(false);
    expect(locationOutsideUnit('重庆市渝北区大湾镇', '两江新区', Q4)).toBe(false);
    expect(locationOutsideUnit('重庆市北碚区统景镇', '渝北区', Q3)).toBe(false);
    expect(locationOutsideUnit('重庆市渝北区双凤桥街道', '北碚区', Q4)).toBe(false); // 北碚 overlaps 两江新区
    expect(locationOutsideUnit('重庆市渝北区双凤桥街道', '巴南区', Q4)).toBe(true);
  });
});
