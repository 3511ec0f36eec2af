import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { en, zh } from '../../src/core/i18n/index.js';
import {
  addDays,
  addYears,
  daysBetween,
  isoToSerial,
  isValidIso,
  MAX_SERIAL,
  parseDateRange,
  parseDateText,
  serialToDate,
  serialToIsoDate,
  todayInChina,
  validityEnd,
  withinOneYear,
} from '../../src/core/values/dates.js';

const ok = (date: string) => ({ ok: true, date });

describe('parseDateText: accepted forms', () => {
  it.each([
    ['2021-09-30'],
    ['2021/9/30'],
    ['2021.9.30'],
    ['2021.09.30'],
    ['2021-9-30'],
    ['2021年9月30日'],
    ['2021年09月30日'],
    ['2021年9月30号'],
    ['2021年9月30'],
    ['2021-9-30日'],
    ['20210930'],
    ['2021-09-30 00:00:00'],
    ['2021/9/30 0:00'],
    ['2021-09-30T00:00:00'],
    ['２０２１－０９－３０'],
    ['２０２１年９月３０日'],
    ['２０２１／９／３０'],
    ['２０２１．９．３０'],
    [' 2021-09-30 '],
    ['\u30002021年9月30日\u3000'],
    ['2021 年 9 月 30 日'],
    ['2021 - 09 - 30'],
    ['2021-09-30\u200b'],
    ['44469'],
    ['44469.75'],
    ['４４４６９'],
  ])('%j → 2021-09-30', (s) => {
    expect(parseDateText(s)).toEqual(ok('2021-09-30'));
  });
  it('accepts leap days in leap years only', () => {
    expect(parseDateText('2024-02-29')).toEqual(ok('2024-02-29'));
    expect(parseDateText('2000年2月29日')).toEqual(ok('2000-02-29'));
    expect(parseDateText('2023-02-29')).toMatchObject({ ok: false, reason: 'impossible', detail: '2023-02 has 28 days' });
    expect(parseDateText('1900-02-29')).toMatchObject({ ok: false, reason: 'impossible' });
  });
});

describe('parseDateText: failures', () => {
  it('empty', () => {
    expect(parseDateText('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseDateText(' \u3000 ')).toMatchObject({ ok: false, reason: 'empty' });
  });
  it('impossible dates carry the fact', () => {
    const r = parseDateText('2021-02-30');
    expect(r).toMatchObject({ ok: false, reason: 'impossible', detail: '2021-02 has 28 days' });
    if (!r.ok) {
      expect(zh.value.dateFault(r.fault)).toContain('2021年2月只有28天');
      expect(en.value.dateFault(r.fault)).toContain('2021-02 has 28 days');
    }
    expect(parseDateText('2021-13-01')).toMatchObject({ ok: false, reason: 'impossible', detail: 'month 13 does not exist' });
    expect(parseDateText('2021-00-10')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDateText('2021-04-31')).toMatchObject({ ok: false, reason: 'impossible', detail: '2021-04 has 30 days' });
    expect(parseDateText('2021-04-00')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDateText('20211301')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDateText('2021年2月30日')).toMatchObject({ ok: false, reason: 'impossible' });
    expect(parseDateText('1899-12-31')).toMatchObject({ ok: false, reason: 'impossible' });
  });
  it.each([
    ['21-9-30', 'two-digit'],
    ['21.09.30', 'two-digit'],
    ['21年9月30日', 'two-digit'],
    ['30/09/2021', 'year must come first'],
    ['9/30/2021', 'year must come first'],
    ['2021-09', 'no day'],
    ['2021年9月', 'no day'],
    ['202109', 'no day'],
    ['2021-9/30', 'mixed'],
    ['2021-09-30T00:00:00Z', 'not a recognised'],
    ['2021-09-30 (已复核)', 'not a recognised'],
    ['abc', 'not a recognised'],
    ['2021 09 30', 'not a recognised'],
    ['二〇二一年九月三十日', 'not a recognised'],
    ['12345', 'plausible'],
    ['99999', 'plausible'],
    ['2021', 'a year alone'],
    ['2021年', 'a year alone'],
  ])('%j is unreadable (%s)', (s, why) => {
    const r = parseDateText(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('unreadable');
      expect(r.detail).toContain(why);
      expect(zh.value.dateFault(r.fault)).toMatch(/^无法识别为日期/);
    }
  });
  it('5-digit serial text: window edges', () => {
    expect(parseDateText('20000')).toEqual(ok('1954-10-03'));
    expect(parseDateText('80000')).toEqual(ok('2119-01-11'));
    expect(parseDateText('19999').ok).toBe(false);
    expect(parseDateText('80001').ok).toBe(false);
  });
});

describe('parseDateRange', () => {
  const range = (from: string | undefined, to: string) => (from ? { ok: true, from, to } : { ok: true, to });
  it.each([
    ['2021.09.30-2024.09.29'],
    ['2021年9月30日至2024年9月29日'],
    ['2021-09-30~2024-09-29'],
    ['2021-09-30～2024-09-29'],
    ['2021/9/30—2024/9/29'],
    ['2021/9/30——2024/9/29'],
    ['2021-09-30-2024-09-29'],
    ['2021-09-30 - 2024-09-29'],
    ['2021-09-30 至 2024-09-29'],
    ['自2021年9月30日起至2024年9月29日止'],
    ['2021.9.30到2024.9.29'],
    ['20210930-20240929'],
    ['2021-09-30－2024-09-29'],
    ['2021.09.30 -- 2024.09.29'],
    ['2021年9月30日-2024年9月29日'],
    ['2021-9-30至2024-9-29日'],
    ['有效期：2021.09.30-2024.09.29'],
    ['2021-09-30 00:00:00至2024-09-29 00:00:00'],
    ['２０２１．０９．３０－２０２４．０９．２９'],
    ['2021-09-30–2024-09-29'],
  ])('%j', (s) => {
    expect(parseDateRange(s)).toEqual(range('2021-09-30', '2024-09-29'));
  });
  it('a single date or 至X is the end only', () => {
    expect(parseDateRange('2024-09-29')).toEqual(range(undefined, '2024-09-29'));
    expect(parseDateRange('2024年9月29日')).toEqual(range(undefined, '2024-09-29'));
    expect(parseDateRange('至2024年9月29日')).toEqual(range(undefined, '2024-09-29'));
    expect(parseDateRange('到2024-09-29')).toEqual(range(undefined, '2024-09-29'));
    expect(parseDateRange('有效期至2024-09-29')).toEqual(range(undefined, '2024-09-29'));
  });
  it('a same-day range is fine; a reversed one is impossible', () => {
    expect(parseDateRange('2021-09-30至2021-09-30')).toEqual(range('2021-09-30', '2021-09-30'));
    expect(parseDateRange('2024-09-29至2021-09-30')).toMatchObject({ ok: false, reason: 'impossible' });
  });
  it('an impossible side is reported as impossible', () => {
    expect(parseDateRange('2021-09-30至2024-02-30')).toMatchObject({ ok: false, reason: 'impossible', detail: '2024-02 has 29 days' });
    expect(parseDateRange('2021-02-30-2024-09-29')).toMatchObject({ ok: false, reason: 'impossible', detail: '2021-02 has 28 days' });
    expect(parseDateRange('2021.13.01-2024.09.29')).toMatchObject({ ok: false, reason: 'impossible' });
  });
  it('open or unreadable ends are unreadable', () => {
    expect(parseDateRange('2021-09-30至今')).toMatchObject({ ok: false, reason: 'unreadable', detail: 'no end date' });
    expect(parseDateRange('2021-09-30至长期')).toMatchObject({ ok: false, reason: 'unreadable', detail: 'no end date' });
    expect(parseDateRange('2021-09-30至2024年')).toMatchObject({ ok: false, reason: 'unreadable', detail: 'end date: a year alone, no month or day' });
    expect(parseDateRange('2021-09-30至')).toMatchObject({ ok: false, reason: 'unreadable', detail: 'no end date' });
    expect(parseDateRange('三年')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(parseDateRange('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseDateRange('-2024-09-29')).toMatchObject({ ok: false });
  });
});

describe('serials (1900 system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [44469, '2021-09-30'],
    [45564, '2024-09-29'],
    [45351, '2024-02-29'],
    [MAX_SERIAL, '9999-12-31'],
  ])('%d ↔ %s', (n, d) => {
    expect(serialToIsoDate(n)).toBe(d);
    expect(isoToSerial(d)).toBe(n);
  });
  it('ignores the time of day, rounding float noise to the millisecond', () => {
    expect(serialToIsoDate(44469.999)).toBe('2021-09-30');
    expect(serialToIsoDate(44469.99999999999)).toBe('2021-10-01');
    expect(serialToIsoDate(44469.5)).toBe('2021-09-30');
  });
  it('serial 60 (the fictitious 1900-02-29) and out-of-range serials are impossible', () => {
    expect(serialToDate(60)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(serialToDate(0)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(serialToDate(-5)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(serialToDate(MAX_SERIAL + 1)).toMatchObject({ ok: false, reason: 'impossible' });
    expect(serialToDate(Number.NaN)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(() => serialToIsoDate(60)).toThrow(RangeError);
    expect(() => serialToIsoDate(0)).toThrow(RangeError);
    expect(() => isoToSerial('1899-12-31')).toThrow(RangeError);
  });
  it('round-trips every day of 1999..2030', () => {
    for (let n = isoToSerial('1999-01-01'); n <= isoToSerial('2030-12-31'); n++) {
      expect(isoToSerial(serialToIsoDate(n))).toBe(n);
    }
  });
});

describe('calendar arithmetic', () => {
  it('isValidIso', () => {
    expect(isValidIso('2024-02-29')).toBe(true);
    expect(isValidIso('2023-02-29')).toBe(false);
    expect(isValidIso('1900-02-29')).toBe(false);
    expect(isValidIso('2000-02-29')).toBe(true);
    expect(isValidIso('2021-9-30')).toBe(false);
    expect(isValidIso('2021-09-31')).toBe(false);
    expect(isValidIso('2021-12-31')).toBe(true);
    expect(isValidIso(' 2021-09-30')).toBe(false);
    expect(isValidIso('0000-01-01')).toBe(false);
  });
  it('addDays across month, year and leap boundaries', () => {
    expect(addDays('2021-09-30', 1)).toBe('2021-10-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2021-09-30', 0)).toBe('2021-09-30');
    expect(addDays('2021-09-30', 1096)).toBe('2024-09-30');
    expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2021-09-30', 0.5)).toThrow(RangeError);
  });
  it('addYears keeps month and day; 29 February → 28 February', () => {
    expect(addYears('2021-09-30', 3)).toBe('2024-09-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2020-02-29', 3)).toBe('2023-02-28');
  });
  it('daysBetween is b − a', () => {
    expect(daysBetween('2021-09-30', '2024-09-29')).toBe(1095);
    expect(daysBetween('2024-09-29', '2021-09-30')).toBe(-1095);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('1970-01-01', '1970-01-01')).toBe(0);
  });
});

describe('withinOneYear', () => {
  it('D = 2022-06-30: 2021-07-01 .. 2022-06-30 inclusive', () => {
    expect(withinOneYear('2021-06-30', '2022-06-30')).toBe(false);
    expect(withinOneYear('2021-07-01', '2022-06-30')).toBe(true);
    expect(withinOneYear('2022-01-15', '2022-06-30')).toBe(true);
    expect(withinOneYear('2022-06-30', '2022-06-30')).toBe(true);
    expect(withinOneYear('2022-07-01', '2022-06-30')).toBe(false);
  });
  it('D = 2024-02-29: the day one year earlier is 2023-02-28', () => {
    expect(withinOneYear('2023-02-28', '2024-02-29')).toBe(false);
    expect(withinOneYear('2023-03-01', '2024-02-29')).toBe(true);
    expect(withinOneYear('2024-02-29', '2024-02-29')).toBe(true);
    expect(withinOneYear('2024-03-01', '2024-02-29')).toBe(false);
  });
  it('D = 2025-03-01 (the year before holds 2024-02-29)', () => {
    expect(withinOneYear('2024-02-29', '2025-03-01')).toBe(false);
    expect(withinOneYear('2024-03-01', '2025-03-01')).toBe(false);
    expect(withinOneYear('2024-03-02', '2025-03-01')).toBe(true);
  });
  it('rejects malformed dates', () => {
    expect(() => withinOneYear('2022-1-1', '2022-06-30')).toThrow(RangeError);
    expect(() => withinOneYear('2022-01-01', '2022-02-30')).toThrow(RangeError);
  });
});

describe('validityEnd', () => {
  it('3 years counting the inclusion day', () => {
    expect(validityEnd('2021-09-30')).toBe('2024-09-29');
    expect(validityEnd('2021-01-01')).toBe('2023-12-31');
    expect(validityEnd('2021-03-01')).toBe('2024-02-29');
    expect(validityEnd('2023-03-01')).toBe('2026-02-28');
  });
  it('29 February inclusion: documented as 2023-02-27', () => {
    expect(validityEnd('2020-02-29')).toBe('2023-02-27');
  });
});

describe('todayInChina and time-zone independence', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it('is the UTC+8 calendar date', () => {
    expect(todayInChina(new Date(Date.UTC(2024, 9, 1, 15, 59, 59, 999)))).toBe('2024-10-01');
    expect(todayInChina(new Date(Date.UTC(2024, 9, 1, 16, 0, 0)))).toBe('2024-10-02');
    expect(todayInChina(new Date(Date.UTC(2024, 8, 30, 16, 0, 0)))).toBe('2024-10-01');
    expect(todayInChina(new Date(Date.UTC(2023, 11, 31, 16, 0, 0)))).toBe('2024-01-01');
    expect(() => todayInChina(new Date(Number.NaN))).toThrow(RangeError);
  });
  it('gives the same answers whatever process.env.TZ is', () => {
    const instant = new Date(Date.UTC(2024, 1, 28, 17, 30));
    const results = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai', 'Pacific/Pago_Pago'].map((tz) => {
      process.env.TZ = tz;
      return [todayInChina(instant), serialToIsoDate(44469), parseDateText('2021/9/30').ok, addDays('2024-02-28', 1), validityEnd('2021-09-30')];
    });
    for (const r of results) expect(r).toEqual(['2024-02-29', '2021-09-30', true, '2024-02-29', '2024-09-29']);
  });
  it('src/core/values uses no local-time Date API', () => {
    const dir = new URL('../../src/core/values/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      expect(src, f).not.toMatch(/\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|Year)\(|getTimezoneOffset|toLocale\w*\(|new Date\(|Date\.parse|Date\.now/);
    }
  });
});
