import { describe, expect, it } from 'vitest';
import { findUnitInText, resolveUnit, spellingsOf, type Resolution } from '../../src/core/roster/resolve.js';
import { rosterFor } from '../../src/core/roster/units.js';

const Q3_2021 = '2021-09-30';
const Q4_2025 = '2025-12-31';

function name(r: Resolution | null): string | undefined {
  return r && r.kind === 'ok' ? r.unit.name : undefined;
}

describe('resolveUnit: canonical names', () => {
  it('resolves every unit of both rosters to itself, not normalised', () => {
    for (const end of [Q3_2021, Q4_2025]) {
      for (const u of rosterFor(end)) {
        const r = resolveUnit(u.name, end);
        expect(r).toEqual({ kind: 'ok', unit: u, normalised: false });
      }
    }
  });

  it('resolves every generated spelling of every unit back to it', () => {
    for (const end of [Q3_2021, Q4_2025]) {
      for (const u of rosterFor(end)) {
        for (const sp of spellingsOf(u)) expect([sp.text, name(resolveUnit(sp.text, end))]).toEqual([sp.text, u.name]);
      }
    }
  });
});

describe('resolveUnit: the spellings districts use for their unit', () => {
  const cases: [string, string][] = [
    ['重庆市渝北区', '渝北区'],
    ['渝北', '渝北区'],
    ['渝北区生态环境局', '渝北区'],
    ['两江新区分局', '两江新区'],
    ['两江新区生态环境局', '两江新区'],
    ['高新区', '重庆高新区'],
    ['西部（重庆）科学城重庆高新区', '重庆高新区'],
    ['西部(重庆)科学城重庆高新区', '重庆高新区'],
    ['重庆高新技术产业开发区', '重庆高新区'],
    ['万盛经济技术开发区', '万盛经开区'],
    ['万盛经开区', '万盛经开区'],
    ['石柱县', '石柱土家族自治县'],
    ['秀山县', '秀山土家族苗族自治县'],
    ['酉阳县', '酉阳土家族苗族自治县'],
    ['彭水县', '彭水苗族土家族自治县'],
    ['石柱自治县', '石柱土家族自治县'],
    ['秀山自治县', '秀山土家族苗族自治县'],
    ['酉阳自治县', '酉阳土家族苗族自治县'],
    ['彭水自治县', '彭水苗族土家族自治县'],
    ['石柱', '石柱土家族自治县'],
    ['彭水土家族苗族自治县', '彭水苗族土家族自治县'],
  ];
  for (const [raw, want] of cases) {
    it(`${raw} → ${want}`, () => {
      expect(resolveUnit(raw, Q3_2021)).toMatchObject({ kind: 'ok', unit: { name: want }, normalised: raw !== want });
    });
  }

  it('strips every bureau suffix', () => {
    for (const suffix of ['生态环境局', '环保局', '环境保护局', '分局', '执法支队', '生态环境保护综合行政执法支队']) {
      expect(name(resolveUnit(`万州区${suffix}`))).toBe('万州区');
      expect(name(resolveUnit(`重庆市南川区${suffix}`))).toBe('南川区');
      expect(name(resolveUnit(`两江新区${suffix}`))).toBe('两江新区');
    }
    expect(name(resolveUnit('重庆市生态环境局两江新区分局'))).toBe('两江新区');
    expect(name(resolveUnit('重庆高新区生态环境局'))).toBe('重庆高新区');
    expect(name(resolveUnit('万盛经开区生态环境局'))).toBe('万盛经开区');
    expect(name(resolveUnit('石柱县生态环境局'))).toBe('石柱土家族自治县');
    expect(name(resolveUnit('重庆市忠县生态环境局'))).toBe('忠县');
  });

  it('strips the 重庆市 / 重庆 prefixes', () => {
    expect(name(resolveUnit('重庆市万州区'))).toBe('万州区');
    expect(name(resolveUnit('重庆万州区'))).toBe('万州区');
    expect(name(resolveUnit('重庆市两江新区'))).toBe('两江新区');
    expect(name(resolveUnit('重庆两江新区'))).toBe('两江新区');
    expect(name(resolveUnit('重庆市石柱土家族自治县'))).toBe('石柱土家族自治县');
    expect(name(resolveUnit('重庆万盛经济技术开发区'))).toBe('万盛经开区');
  });

  it('does not let the 重庆 prefix strip eat 重庆高新区', () => {
    expect(resolveUnit('重庆高新区')).toMatchObject({ kind: 'ok', unit: { name: '重庆高新区' }, normalised: false });
    expect(name(resolveUnit('重庆市重庆高新区'))).toBe('重庆高新区');
    expect(name(resolveUnit('重庆市高新区'))).toBe('重庆高新区');
    expect(name(resolveUnit('重庆高新区管委会'))).toBe('重庆高新区');
  });

  it('handles widths, parentheses, spaces and stray punctuation', () => {
    expect(name(resolveUnit(' 渝 北 区 '))).toBe('渝北区');
    expect(name(resolveUnit('渝北区\u3000'))).toBe('渝北区');
    expect(name(resolveUnit('重庆市　渝北区'))).toBe('渝北区');
    expect(name(resolveUnit('西部 （重庆） 科学城 重庆高新区'))).toBe('重庆高新区');
    expect(name(resolveUnit('渝北区（盖章）'))).toBe('渝北区');
    expect(name(resolveUnit('填报单位：渝北区'))).toBe('渝北区');
    expect(name(resolveUnit('渝北区：'))).toBe('渝北区');
    expect(resolveUnit(' 渝北区 ')).toMatchObject({ kind: 'ok', normalised: true });
  });

  it('accepts former names and common mis-spellings', () => {
    expect(name(resolveUnit('开县'))).toBe('开州区');
    expect(name(resolveUnit('梁平县'))).toBe('梁平区');
    expect(name(resolveUnit('武隆县'))).toBe('武隆区');
    expect(name(resolveUnit('壁山区'))).toBe('璧山区');
    expect(name(resolveUnit('江津市'))).toBe('江津区');
    expect(name(resolveUnit('万盛区'))).toBe('万盛经开区');
  });

  it('gives short names for every district and county', () => {
    const pairs: [string, string][] = [
      ['万州', '万州区'],
      ['江北', '江北区'],
      ['江津', '江津区'],
      ['南川', '南川区'],
      ['南岸', '南岸区'],
      ['巫山', '巫山县'],
      ['巫溪', '巫溪县'],
      ['两江', '两江新区'],
      ['万盛', '万盛经开区'],
      ['大渡口', '大渡口区'],
    ];
    for (const [raw, want] of pairs) expect(name(resolveUnit(raw))).toBe(want);
  });
});

describe('resolveUnit: confusable pairs never bleed into each other', () => {
  const pairs: [string, string][] = [
    ['万盛', '万州'],
    ['江北', '江津'],
    ['南川', '南岸'],
    ['巫山', '巫溪'],
    ['渝北', '渝中'],
    ['合川', '永川'],
    ['黔江', '綦江'],
    ['北碚', '江北'],
    ['巴南', '南岸'],
    ['垫江', '江津'],
  ];
  for (const [a, b] of pairs) {
    it(`${a} ≠ ${b}`, () => {
      const ra = resolveUnit(a);
      const rb = resolveUnit(b);
      expect(ra.kind).toBe('ok');
      expect(rb.kind).toBe('ok');
      expect(name(ra)).not.toBe(name(rb));
      expect(name(ra)!.startsWith(a)).toBe(true);
      expect(name(rb)!.startsWith(b)).toBe(true);
    });
  }

  it('两江新区 is not 江北区 or 江津区, and 万盛经开区 is not 万州区', () => {
    expect(name(resolveUnit('两江新区'))).toBe('两江新区');
    expect(name(resolveUnit('两江新区分局'))).toBe('两江新区');
    expect(name(resolveUnit('万盛经开区'))).toBe('万盛经开区');
    expect(name(resolveUnit('重庆高新区'))).toBe('重庆高新区');
  });

  it('does not match a name by prefix or substring of another', () => {
    expect(resolveUnit('万').kind).toBe('unknown');
    expect(resolveUnit('江').kind).toBe('unknown');
    expect(resolveUnit('南').kind).toBe('unknown');
    expect(resolveUnit('忠').kind).toBe('unknown');
  });
});

describe('resolveUnit: the 2025 merger', () => {
  it('before the cut-over 两江新区 is a zone and 江北区/渝北区 ordinary units', () => {
    expect(resolveUnit('两江新区', '2025-09-30')).toMatchObject({ kind: 'ok', unit: { kind: 'zone' } });
    expect(resolveUnit('江北区', '2025-09-30')).toMatchObject({ kind: 'ok', unit: { name: '江北区' } });
    expect(resolveUnit('重庆市渝北区生态环境局', '2025-09-30')).toMatchObject({ kind: 'ok', unit: { name: '渝北区' } });
  });

  it('after the cut-over 江北区/渝北区 are merged into 两江新区', () => {
    expect(resolveUnit('江北区', Q4_2025)).toMatchObject({
      kind: 'merged',
      value: '江北区',
      unit: { name: '江北区' },
      into: '两江新区',
      since: '2025-10-01',
    });
    expect(resolveUnit('渝北', Q4_2025)).toMatchObject({ kind: 'merged', into: '两江新区' });
    expect(resolveUnit('重庆市渝北区生态环境局', Q4_2025)).toMatchObject({ kind: 'merged', unit: { name: '渝北区' } });
    expect(resolveUnit('两江新区', Q4_2025)).toMatchObject({ kind: 'ok', unit: { kind: 'district', code: '500157' } });
    expect(resolveUnit('两江新区分局', Q4_2025)).toMatchObject({ kind: 'ok', unit: { name: '两江新区' } });
    expect(name(resolveUnit('北碚区', Q4_2025))).toBe('北碚区');
  });

  it('uses a custom cut-over everywhere', () => {
    expect(resolveUnit('江北区', '2025-12-31', '2026-01-25').kind).toBe('ok');
    expect(resolveUnit('江北区', '2026-03-31', '2026-01-25')).toMatchObject({ kind: 'merged', since: '2026-01-25' });
    expect(resolveUnit('渝北区', '2025-09-30', '2025-07-01')).toMatchObject({ kind: 'merged', since: '2025-07-01' });
    expect(resolveUnit('两江新区', '2025-09-30', '2025-07-01')).toMatchObject({ kind: 'ok', unit: { kind: 'district', validFrom: '2025-07-01' } });
  });

  it('without a period, every name of the notice resolves', () => {
    expect(resolveUnit('江北区')).toMatchObject({ kind: 'ok', unit: { name: '江北区' } });
    expect(resolveUnit('两江新区')).toMatchObject({ kind: 'ok', unit: { kind: 'zone' } });
  });
});

describe('resolveUnit: placeholders', () => {
  const ph = [
    '重庆市**区',
    '**区',
    'xx区',
    'XX区',
    'XX区（县）',
    'xx区（县）',
    '重庆市XX区',
    'XX区县',
    '重庆市 区',
    '重庆市  区',
    '××区',
    '某某区',
    '重庆市**区生态环境局',
    '区（县）',
    '重庆市＊＊区',
    '**',
    '区县',
  ];
  for (const p of ph) {
    it(`${p} is a placeholder`, () => {
      expect(resolveUnit(p)).toEqual({ kind: 'placeholder', value: p.trim() });
    });
  }
  it('does not call real names or blanks placeholders', () => {
    expect(resolveUnit('').kind).toBe('unknown');
    expect(resolveUnit('重庆市').kind).toBe('unknown');
    expect(resolveUnit('-').kind).toBe('unknown');
    expect(resolveUnit('忠县').kind).toBe('ok');
  });
});

describe('resolveUnit: unknown and ambiguous', () => {
  it('rejects names that are not units', () => {
    expect(resolveUnit('成都市武侯区')).toMatchObject({ kind: 'unknown', value: '成都市武侯区' });
    expect(resolveUnit('重庆市生态环境局').kind).toBe('unknown');
    expect(resolveUnit('合计').kind).toBe('unknown');
    expect(resolveUnit('双桥区').kind).toBe('unknown');
  });

  it('is ambiguous when two units are named', () => {
    expect(resolveUnit('渝北区江北区')).toEqual({ kind: 'ambiguous', value: '渝北区江北区', candidates: ['渝北区', '江北区'] });
    expect(resolveUnit('南岸区、巴南区')).toMatchObject({ kind: 'ambiguous', candidates: ['南岸区', '巴南区'] });
  });

  it('after the cut-over a current unit named with its predecessor is that unit', () => {
    expect(resolveUnit('两江新区（原渝北区）', Q4_2025)).toMatchObject({ kind: 'ok', unit: { name: '两江新区' } });
    expect(resolveUnit('两江新区渝北区', '2025-09-30').kind).toBe('ambiguous');
  });

  it('finds a unit inside a longer cell', () => {
    expect(resolveUnit('渝北区3季度')).toMatchObject({ kind: 'ok', unit: { name: '渝北区' }, normalised: true });
    // 璧山高新区 is a park inside 璧山区, not 重庆高新区
    expect(name(resolveUnit('璧山高新区'))).toBe('璧山区');
    expect(name(resolveUnit('永川高新区'))).toBe('永川区');
  });

  it('suggests the one unit a typo is one edit away from', () => {
    expect(resolveUnit('沙平坝区')).toEqual({ kind: 'unknown', value: '沙平坝区', suggestion: '沙坪坝区' });
    expect(resolveUnit('九龙波区')).toMatchObject({ kind: 'unknown', suggestion: '九龙坡区' });
    // 渝比区 is one edit from both 渝北区 and 渝中区: no suggestion
    const r = resolveUnit('渝比区');
    expect(r.kind).toBe('unknown');
    expect(r).not.toHaveProperty('suggestion');
  });
});

describe('findUnitInText', () => {
  it('reads file names', () => {
    expect(name(findUnitInText('渝北区附表2.xlsx'))).toBe('渝北区');
    expect(name(findUnitInText('重庆市渝北区3季度落实监督执法正面清单工作情况汇总表.xlsx'))).toBe('渝北区');
    expect(name(findUnitInText('渝北区3季度落实监督执法正面清单工作情况汇总表.xlsx'))).toBe('渝北区');
    expect(name(findUnitInText('两江新区分局-2021年第三季度附表1.xlsx'))).toBe('两江新区');
    expect(name(findUnitInText('附表1 万盛经开区 Q3.xlsx'))).toBe('万盛经开区');
    expect(name(findUnitInText('附表1 高新区 Q3.xlsx'))).toBe('重庆高新区');
    expect(name(findUnitInText('石柱县附表2.xlsx'))).toBe('石柱土家族自治县');
    expect(name(findUnitInText('忠县附表1.xlsx'))).toBe('忠县');
    expect(name(findUnitInText('附表2-南川.xlsx'))).toBe('南川区');
    expect(name(findUnitInText('inbox/万州区/附表1.xlsx'))).toBe('万州区');
  });

  it('reports whether the name was canonical', () => {
    expect(findUnitInText('渝北区附表2.xlsx')).toMatchObject({ kind: 'ok', normalised: false });
    expect(findUnitInText('渝北附表2.xlsx')).toMatchObject({ kind: 'ok', normalised: true });
  });

  it('reads 填报单位 lines, ignoring the rest of the line', () => {
    expect(name(findUnitInText('填报单位：重庆市渝北区生态环境局'))).toBe('渝北区');
    expect(name(findUnitInText('填报单位：重庆市渝北区生态环境局    填报时间：2021年10月8日  联系人：梁平  电  话：123'))).toBe('渝北区');
    expect(findUnitInText('填报单位：                       填报时间：                       联系人：')).toBeNull();
    expect(findUnitInText('填报单位：重庆市**区   填报时间：')).toMatchObject({ kind: 'placeholder' });
    expect(findUnitInText('填报单位：重庆市    区   填报时间：')).toMatchObject({ kind: 'placeholder' });
    expect(findUnitInText('填报单位：某某科技公司 填报时间：')).toMatchObject({ kind: 'unknown', value: '某某科技公司' });
    expect(name(findUnitInText('填表单位：两江新区分局  填表时间：2021.10.8'))).toBe('两江新区');
  });

  it('returns null when no unit is named', () => {
    expect(findUnitInText('附表1.xlsx')).toBeNull();
    expect(findUnitInText('落实监督执法正面清单工作情况汇总表(3).xlsx')).toBeNull();
    expect(findUnitInText('')).toBeNull();
  });

  it('is ambiguous when two different units appear', () => {
    expect(findUnitInText('渝北区和江北区汇总.xlsx')).toMatchObject({ kind: 'ambiguous', candidates: ['渝北区', '江北区'] });
  });

  it('prefers a full name over a bare short name', () => {
    expect(name(findUnitInText('渝北区-江北报送.xlsx'))).toBe('渝北区');
    expect(findUnitInText('渝北-江北.xlsx')).toMatchObject({ kind: 'ambiguous' });
  });

  it('does not take 璧山高新区 for 重庆高新区', () => {
    expect(name(findUnitInText('璧山高新区附表2.xlsx'))).toBe('璧山区');
    expect(name(findUnitInText('重庆市高新区附表2.xlsx'))).toBe('重庆高新区');
  });

  it('finds the template placeholder in a subject or file name', () => {
    expect(findUnitInText('xx区（县）x季度落实监督执法正面清单工作情况汇总表')).toEqual({ kind: 'placeholder', value: 'xx区(县)' });
    expect(findUnitInText('重庆市**区附表1.xlsx')).toMatchObject({ kind: 'placeholder' });
  });

  it('applies the merger to file names', () => {
    expect(findUnitInText('渝北区附表1.xlsx', Q4_2025)).toMatchObject({ kind: 'merged', into: '两江新区' });
    expect(findUnitInText('渝北区附表1.xlsx', '2025-09-30')).toMatchObject({ kind: 'ok' });
    expect(findUnitInText('两江新区附表1.xlsx', Q4_2025)).toMatchObject({ kind: 'ok', unit: { code: '500157' } });
  });
});
