import { describe, expect, it } from 'vitest';
import { checkPermit, isLegacyPermit, type PermitIssue } from '../../src/core/ids/permit.js';
import { en, zh } from '../../src/core/i18n/index.js';
import { USCC_ALPHABET, usccCheckChar } from '../../src/core/ids/uscc.js';

const USCC = '91130200699229617X'; // HJ 608-2017 annex A example (河钢唐山分公司)
const PERMIT = `${USCC}001P`;

/** A format issue as its reason and the message's phrase in Chinese and English. */
const phrased = (i: PermitIssue | undefined) => (i?.kind === 'format' ? [i.reason, zh.value.permitFault(i.fault), en.value.permitFault(i.fault)] : i?.kind);

describe('checkPermit — well-formed numbers', () => {
  it('the HJ 608-2017 examples', () => {
    expect(checkPermit(PERMIT, USCC)).toEqual({ normalised: PERMIT, issues: [] });
    expect(checkPermit(`${USCC}002P`, USCC).issues).toEqual([]);
  });

  it('a registration number ending in W', () => {
    expect(checkPermit(`${USCC}001W`, USCC).issues).toEqual([]);
  });

  it('generated codes with their own permit numbers', () => {
    let s = 'Y1500112';
    for (let i = 0; i < 9; i++) s += USCC_ALPHABET[(i * 7 + 3) % 31];
    const uscc = s + usccCheckChar(s);
    expect(checkPermit(`${uscc}013P`, uscc).issues).toEqual([]);
  });

  it('normalises like the USCC: lower case, full-width, spaces', () => {
    const r = checkPermit(' 91130200699229617x 001p ', '91130200699229617x');
    expect(r).toEqual({ normalised: PERMIT, issues: [] });
    expect(checkPermit('９１１３０２００６９９２２９６１７Ｘ００１Ｐ', USCC)).toEqual({ normalised: PERMIT, issues: [] });
  });

  it('without a row USCC only the format is checked', () => {
    expect(checkPermit(PERMIT).issues).toEqual([]);
  });
});

describe('checkPermit — format errors', () => {
  it('wrong length, with short Chinese and English reasons', () => {
    const r = checkPermit('91130200699229617X01', USCC);
    expect(r.issues).toEqual([{ kind: 'format', reason: 'length', fault: { fault: 'length', length: 20, bare: false } }]);
    expect(phrased(r.issues[0])).toEqual(['length', '长度为 20 位，应为 22 位', '20 characters instead of 22']);
    expect(phrased(checkPermit(`${PERMIT}1`).issues[0])).toEqual(['length', '长度为 23 位，应为 22 位', '23 characters instead of 22']);
  });

  it('the bare USCC in the permit column says what is missing', () => {
    expect(checkPermit(USCC, USCC).issues.map(phrased)).toEqual([
      ['length', '长度为 18 位，应为 22 位（缺少 3 位序号和 1 位字母）', '18 characters instead of 22 (the 3-digit sequence and the letter are missing)'],
    ]);
  });

  it('empty', () => {
    expect(checkPermit('   ').issues).toEqual([{ kind: 'format', reason: 'length', fault: { fault: 'empty' } }]);
    expect(phrased(checkPermit('   ').issues[0])).toEqual(['length', '为空', 'empty']);
  });

  it('punctuation inside the number', () => {
    expect(checkPermit('91130200699229617X-001P', USCC).issues.map(phrased)).toEqual([['charset', '含有非法字符“-”', 'contains the invalid character "-"']]);
  });

  it('a letter the USCC never uses in the first 18 characters', () => {
    const r = checkPermit('9113O200699229617X001P', USCC);
    expect(r.issues.map(phrased)).toEqual([['charset', '前 18 位含有信用代码不使用的字符“O”', 'the first 18 characters contain "O", which a USCC never uses']]);
  });

  it('a sequence that is not three digits', () => {
    expect(checkPermit(`${USCC}0A1P`, USCC).issues.map(phrased)).toEqual([
      ['sequence', '第 19–21 位应为 3 位数字序号，现为“0A1”', 'characters 19–21 should be a 3-digit sequence, not "0A1"'],
    ]);
  });

  it('a final character that is not a letter', () => {
    expect(checkPermit(`${USCC}0011`, USCC).issues.map(phrased)).toEqual([['suffix-not-letter', '第 22 位应为字母，现为“1”', 'the 22nd character should be a letter, not "1"']]);
  });

  it('unknown shapes are errors, not legacy', () => {
    for (const raw of ['1234567890', '5001122025000123', '9901122016000123', 'H9ABC', '排污许可证', '渝环排证2016']) {
      const r = checkPermit(raw);
      expect(r.issues.length, raw).toBe(1);
      expect(r.issues[0]!.kind, raw).toBe('format');
    }
  });

  it('long lists of foreign characters are cut short', () => {
    const r = checkPermit('某某某公司的排污许可证编号待补');
    expect(r.issues[0]).toMatchObject({ kind: 'format', reason: 'charset' });
    const [, inZh, inEn] = phrased(r.issues[0]) as string[];
    expect(inZh!.endsWith('…”')).toBe(true);
    expect(inEn).toMatch(/^contains the invalid characters ".{5}…"$/u);
  });
});

describe('checkPermit — USCC comparison', () => {
  const OTHER = '91110000600037341L';

  it('reports a mismatch with the row USCC', () => {
    expect(checkPermit(`${OTHER}001P`, USCC).issues).toEqual([{ kind: 'uscc-mismatch', prefix: OTHER }]);
  });

  it('compares after normalising the row USCC', () => {
    expect(checkPermit(PERMIT, ' 91130200699229617x ').issues).toEqual([]);
    expect(checkPermit(PERMIT, '９１１３０２００６９９２２９６１７Ｘ').issues).toEqual([]);
  });

  it('does not compare with a malformed row USCC', () => {
    expect(checkPermit(PERMIT, '91130200699229617').issues).toEqual([]);
    expect(checkPermit(PERMIT, '9113O200699229617X').issues).toEqual([]);
    expect(checkPermit(PERMIT, '').issues).toEqual([]);
  });

  it('does compare with a well-formed row USCC whose checksum fails (one of the two is wrong)', () => {
    expect(checkPermit(PERMIT, '91130200699229617Y').issues).toEqual([{ kind: 'uscc-mismatch', prefix: USCC }]);
  });

  it('mismatch and unusual suffix together', () => {
    expect(checkPermit(`${OTHER}001Q`, USCC).issues).toEqual([
      { kind: 'uscc-mismatch', prefix: OTHER },
      { kind: 'suffix', suffix: 'Q' },
    ]);
  });
});

describe('checkPermit — suffix', () => {
  it('a final letter other than P or W is a warning', () => {
    expect(checkPermit(`${USCC}001U`, USCC).issues).toEqual([{ kind: 'suffix', suffix: 'U' }]);
    expect(checkPermit(`${USCC}001X`).issues).toEqual([{ kind: 'suffix', suffix: 'X' }]);
  });
});

describe('checkPermit — legacy forms', () => {
  it('H9 codes for units without a USCC (2016 trial coding rules), no org code', () => {
    const h9 = 'H9500112000000012a001P';
    expect(h9.length).toBe(22);
    expect(checkPermit(h9, USCC)).toEqual({ normalised: h9.toUpperCase(), issues: [{ kind: 'legacy' }] });
  });

  it('H9 codes embedding an organisation code', () => {
    expect(checkPermit('H9500112D2143569Xb001P').issues).toEqual([{ kind: 'legacy' }]);
  });

  it('old local certificate numbers in document-number style', () => {
    for (const raw of ['渝(沙)环排证〔2016〕35号', '渝（沙）环排证［2015］0035号', '渝环排证【2014】12号', '渝(江北)环排证(2016)第012号']) {
      expect(checkPermit(raw).issues, raw).toEqual([{ kind: 'legacy' }]);
    }
  });

  it('all-digit local numbers: division + year + sequence', () => {
    expect(checkPermit('5001122016000123').issues).toEqual([{ kind: 'legacy' }]);
    expect(isLegacyPermit('500112201701')).toBe(false); // sequence too short
    expect(isLegacyPermit('5001122017001')).toBe(true);
  });

  it('a legacy number is never compared with the USCC', () => {
    const r = checkPermit('H9500112000000012a001P', USCC);
    expect(r.issues.map((i) => i.kind)).toEqual(['legacy']);
  });
});
