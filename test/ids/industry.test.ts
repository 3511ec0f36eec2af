import { describe, expect, it } from 'vitest';
import { NO_SUCH_CODE, checkIndustry, divisionLabel } from '../../src/core/ids/industry.js';
import { DIVISIONS_2011, DIVISIONS_2017, INDUSTRY_KEYWORDS, SECTIONS_2011, SECTIONS_2017, division2011To2017 } from '../../src/core/ids/gbt4754.js';

const C26 = { kind: 'ok', section: 'C', division: '26', name: '化学原料和化学制品制造业' };

describe('GB/T 4754 tables', () => {
  it('2017: 20 sections A-T covering 97 divisions 01-97 without gaps', () => {
    expect(SECTIONS_2017.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const codes = Object.keys(DIVISIONS_2017).sort();
    expect(codes.length).toBe(97);
    expect(codes[0]).toBe('01');
    expect(codes[96]).toBe('97');
    let next = 1;
    for (const s of SECTIONS_2017) {
      expect(Number(s.first), s.code).toBe(next);
      next = Number(s.last) + 1;
    }
    expect(next).toBe(98);
  });

  it('2011: 96 divisions, sections covering 01-96', () => {
    expect(Object.keys(DIVISIONS_2011).length).toBe(96);
    let next = 1;
    for (const s of SECTIONS_2011) {
      expect(Number(s.first), s.code).toBe(next);
      next = Number(s.last) + 1;
    }
    expect(next).toBe(97);
    expect(SECTIONS_2011.map((s) => s.name)).toEqual(SECTIONS_2017.map((s) => s.name));
  });

  it('2011 codes from 79 up are 2017 codes minus one; only the known names differ', () => {
    const renamed = new Set(['05', '11', '25', '50', '58', '59', '86', '95']);
    for (const [code, name] of Object.entries(DIVISIONS_2011)) {
      const c17 = division2011To2017(code);
      expect(Number(c17) - Number(code), code).toBe(Number(code) >= 79 ? 1 : 0);
      if (renamed.has(code)) expect(DIVISIONS_2017[c17], code).not.toBe(name);
      else expect(DIVISIONS_2017[c17], code).toBe(name);
    }
    expect(DIVISIONS_2017['79']).toBe('土地管理业');
  });

  it('spot checks of official names', () => {
    expect(DIVISIONS_2017['26']).toBe('化学原料和化学制品制造业');
    expect(DIVISIONS_2017['44']).toBe('电力、热力生产和供应业');
    expect(DIVISIONS_2017['46']).toBe('水的生产和供应业');
    expect(DIVISIONS_2017['77']).toBe('生态保护和环境治理业');
    expect(DIVISIONS_2011['25']).toBe('石油加工、炼焦和核燃料加工业');
  });

  it('every keyword points at an existing division', () => {
    for (const [kw, div] of INDUSTRY_KEYWORDS) expect(DIVISIONS_2017[div], kw).toBeDefined();
  });

  it('every 2017 name and every section name is recognised on its own', () => {
    for (const [code, name] of Object.entries(DIVISIONS_2017)) {
      expect(checkIndustry(name), name).toMatchObject({ kind: 'ok', division: code });
    }
    for (const s of SECTIONS_2017) {
      const r = checkIndustry(s.name);
      expect(r.kind, s.name).toBe('ok');
      expect(r.kind === 'ok' && r.section, s.name).toBe(s.code);
    }
  });

  it('every 2017 division code is recognised alone and with its section letter', () => {
    for (const code of Object.keys(DIVISIONS_2017)) {
      const sec = SECTIONS_2017.find((s) => code >= s.first && code <= s.last)!.code;
      expect(checkIndustry(code), code).toMatchObject({ kind: 'ok', section: sec, division: code });
      expect(checkIndustry(sec + code), sec + code).toMatchObject({ kind: 'ok', section: sec, division: code });
      expect(checkIndustry(divisionLabel(code)), divisionLabel(code)).toEqual({ kind: 'ok', section: sec, division: code, name: DIVISIONS_2017[code] });
    }
  });
});

describe('checkIndustry — accepted forms', () => {
  it.each([
    '化学原料和化学制品制造业',
    'C26',
    '26',
    'c26',
    'Ｃ２６',
    'C26 化学原料和化学制品制造业',
    'C26化学原料和化学制品制造业',
    '26-化学原料和化学制品制造业',
    '26 化学原料和化学制品制造业',
    'C-26 化学原料和化学制品制造业',
    'C26：化学原料和化学制品制造业',
    'Ｃ２６　化学原料和化学制品制造业',
    '化学原料和化学制品制造业(C26)',
    '化学原料和化学制品制造业（C26）',
    '化学原料和化学制品制造业 C26',
    '化学原料和化学制品制造',
    '化学原料和化学制品制造行业',
    ' 化学原料和化学制品制造业 ',
    '制造业/化学原料和化学制品制造业',
    '制造业-化学原料和化学制品制造业',
    'C2614',
    'C2614 有机化学原料制造',
  ])('%s → C26', (raw) => {
    expect(checkIndustry(raw)).toEqual(C26);
  });

  it('a section letter or name alone', () => {
    expect(checkIndustry('C')).toEqual({ kind: 'ok', section: 'C', name: '制造业' });
    expect(checkIndustry('制造业')).toEqual({ kind: 'ok', section: 'C', name: '制造业' });
    expect(checkIndustry('C 制造业')).toEqual({ kind: 'ok', section: 'C', name: '制造业' });
    expect(checkIndustry('D')).toEqual({ kind: 'ok', section: 'D', name: '电力、热力、燃气及水生产和供应业' });
  });

  it('names without 、 or with other list punctuation', () => {
    expect(checkIndustry('电力热力生产和供应业')).toMatchObject({ kind: 'ok', division: '44' });
    expect(checkIndustry('电力,热力生产和供应业')).toMatchObject({ kind: 'ok', division: '44' });
    expect(checkIndustry('农林牧渔业')).toEqual({ kind: 'ok', section: 'A', name: '农、林、牧、渔业' });
    expect(checkIndustry('计算机通信和其他电子设备制造业')).toMatchObject({ kind: 'ok', division: '39' });
  });

  it('a name that is both a section and a division reads as the division', () => {
    expect(checkIndustry('房地产业')).toEqual({ kind: 'ok', section: 'K', division: '70', name: '房地产业' });
    expect(checkIndustry('教育')).toEqual({ kind: 'ok', section: 'P', division: '83', name: '教育' });
    expect(checkIndustry('P 教育')).toEqual({ kind: 'ok', section: 'P', division: '83', name: '教育' });
  });

  it('code and section name together', () => {
    expect(checkIndustry('44 电力、热力、燃气及水生产和供应业')).toEqual({ kind: 'ok', section: 'D', division: '44', name: '电力、热力生产和供应业' });
  });
});

describe('checkIndustry — 2011 edition', () => {
  it('2011 names map to the 2017 division', () => {
    expect(checkIndustry('石油加工、炼焦和核燃料加工业')).toEqual({ kind: 'ok', section: 'C', division: '25', name: '石油、煤炭及其他燃料加工业', edition: 2011 });
    expect(checkIndustry('建筑装饰和其他建筑业')).toMatchObject({ kind: 'ok', division: '50', edition: 2011 });
    expect(checkIndustry('广播、电视、电影和影视录音制作业')).toMatchObject({ kind: 'ok', division: '87', edition: 2011 });
    expect(checkIndustry('基层群众自治组织')).toMatchObject({ kind: 'ok', division: '96', edition: 2011 });
    expect(checkIndustry('仓储业')).toMatchObject({ kind: 'ok', division: '59', edition: 2011 });
  });

  it('2011 codes from 79 up, recognised through the section letter or the name', () => {
    expect(checkIndustry('O79 居民服务业')).toEqual({ kind: 'ok', section: 'O', division: '80', name: '居民服务业', edition: 2011 });
    expect(checkIndustry('79 居民服务业')).toMatchObject({ kind: 'ok', division: '80', edition: 2011 });
    expect(checkIndustry('O79')).toMatchObject({ kind: 'ok', division: '80', edition: 2011 });
    expect(checkIndustry('S95 基层群众自治组织')).toMatchObject({ kind: 'ok', section: 'S', division: '96', edition: 2011 });
    expect(checkIndustry('R86 广播、电视、电影和影视录音制作业')).toMatchObject({ kind: 'ok', division: '87', edition: 2011 });
    expect(checkIndustry('T96')).toMatchObject({ kind: 'ok', section: 'T', division: '97', edition: 2011 });
    expect(checkIndustry('C25 石油加工、炼焦和核燃料加工业')).toMatchObject({ kind: 'ok', division: '25', edition: 2011 });
  });

  it('a bare code is read as 2017', () => {
    expect(checkIndustry('79')).toEqual({ kind: 'ok', section: 'N', division: '79', name: '土地管理业' });
    expect(checkIndustry('N79')).toEqual({ kind: 'ok', section: 'N', division: '79', name: '土地管理业' });
    expect(checkIndustry('O80 居民服务业')).toEqual({ kind: 'ok', section: 'O', division: '80', name: '居民服务业' });
  });
});

describe('checkIndustry — code and name disagree (warning)', () => {
  it('division code of another division', () => {
    expect(checkIndustry('C44 化学原料和化学制品制造业')).toEqual({
      kind: 'mismatch',
      code: 'C44',
      codeName: '电力、热力生产和供应业',
      name: '化学原料和化学制品制造业',
      nameCode: 'C26',
    });
    expect(checkIndustry('30 化学原料和化学制品制造业')).toMatchObject({ kind: 'mismatch', code: '30', codeName: '非金属矿物制品业', nameCode: 'C26' });
  });

  it('right division digits, wrong section letter', () => {
    expect(checkIndustry('D26 化学原料和化学制品制造业')).toEqual({
      kind: 'mismatch',
      code: 'D',
      codeName: '电力、热力、燃气及水生产和供应业',
      name: '化学原料和化学制品制造业',
      nameCode: 'C26',
    });
  });

  it('section letter against a division name', () => {
    expect(checkIndustry('D 化学原料和化学制品制造业')).toMatchObject({ kind: 'mismatch', code: 'D', nameCode: 'C26' });
  });

  it('a code that does not exist next to a real name', () => {
    expect(checkIndustry('C99 化学原料和化学制品制造业')).toEqual({
      kind: 'mismatch',
      code: 'C99',
      codeName: NO_SUCH_CODE,
      name: '化学原料和化学制品制造业',
      nameCode: 'C26',
    });
  });

  it('section letter and division digits that disagree', () => {
    expect(checkIndustry('C44')).toEqual({ kind: 'mismatch', code: '44', codeName: '电力、热力生产和供应业', name: '制造业', nameCode: 'C' });
  });

  it('a division code against a section name', () => {
    expect(checkIndustry('44 制造业')).toMatchObject({ kind: 'mismatch', code: '44', nameCode: 'C' });
    expect(checkIndustry('26 制造业')).toEqual(C26);
    expect(checkIndustry('C26 制造业')).toEqual(C26);
    expect(checkIndustry('O79 居民服务、修理和其他服务业')).toMatchObject({ kind: 'ok', division: '80', edition: 2011 });
  });
});

describe('checkIndustry — free text (warning with a suggestion)', () => {
  it.each([
    ['化工', 'C26 化学原料和化学制品制造业'],
    ['精细化工', 'C26 化学原料和化学制品制造业'],
    ['化工行业', 'C26 化学原料和化学制品制造业'],
    ['火电', 'D44 电力、热力生产和供应业'],
    ['电力', 'D44 电力、热力生产和供应业'],
    ['污水处理', 'D46 水的生产和供应业'],
    ['水泥', 'C30 非金属矿物制品业'],
    ['医药', 'C27 医药制造业'],
    ['制药', 'C27 医药制造业'],
    ['汽车零部件', 'C36 汽车制造业'],
    ['汽车维修', 'O81 机动车、电子产品和日用产品修理业'],
    ['危废处置', 'N77 生态保护和环境治理业'],
    ['生猪养殖', 'A03 畜牧业'],
    ['水产养殖', 'A04 渔业'],
    ['化学原料和化学制品制造业（有机化学原料制造）', 'C26 化学原料和化学制品制造业'],
    ['C 化工', 'C26 化学原料和化学制品制造业'],
    ['C99 化工', 'C26 化学原料和化学制品制造业'],
  ])('%s → %s', (raw, suggestion) => {
    expect(checkIndustry(raw)).toEqual({ kind: 'unknown', suggestion });
  });

  it('no suggestion when nothing fits', () => {
    expect(checkIndustry('综合')).toEqual({ kind: 'unknown' });
    expect(checkIndustry('XYZ')).toEqual({ kind: 'unknown' });
    expect(checkIndustry('99')).toEqual({ kind: 'unknown' });
    expect(checkIndustry('12345')).toEqual({ kind: 'unknown' });
    expect(checkIndustry('')).toEqual({ kind: 'unknown' });
    expect(checkIndustry('   ')).toEqual({ kind: 'unknown' });
  });

  it('a letter followed by ordinary text is not a section code', () => {
    expect(checkIndustry('T恤加工').kind).toBe('unknown');
    expect(checkIndustry('IT服务').kind).toBe('unknown');
    expect(checkIndustry('PCB线路板')).toEqual({ kind: 'unknown', suggestion: 'C39 计算机、通信和其他电子设备制造业' });
  });

  it('never throws and never returns anything but ok, mismatch or unknown', () => {
    const samples = ['(', ')', 'C(', '【C】', '化学原料和化学制品制造业(C)', '-', '26-', 'A01A02', '业', '行业', '\u0000', 'C26'.repeat(50)];
    for (const s of samples) expect(['ok', 'mismatch', 'unknown'], s).toContain(checkIndustry(s).kind);
    expect(checkIndustry('化学原料和化学制品制造业(C)')).toEqual(C26);
    expect(checkIndustry('C(26)')).toEqual(C26);
    expect(checkIndustry('【C26】化学原料和化学制品制造业')).toEqual(C26);
    expect(checkIndustry('(26)化学原料和化学制品制造业')).toEqual(C26);
    expect(checkIndustry('(C)化学原料和化学制品制造业')).toEqual(C26);
  });
});
