import { describe, expect, it } from 'vitest';
import {
  USCC_ALPHABET,
  USCC_ERROR_KINDS,
  checkUscc,
  describeNumericUscc,
  isUsualAuthority,
  looksLikeExponentNumber,
  normaliseIdText,
  orgCodeCheckChar,
  parseAllowList,
  usccCheckChar,
  usccChecksumOk,
  type UsccResult,
} from '../../src/core/ids/uscc.js';
import { prng as rng } from '../../scripts/fixtures/random.js';

const KNOWN_GOOD = [
  '91110000600037341L',
  '91310115MA1K3BTP2B',
  '9131012056010553X5',
  '91620105L015101280',
  '92340603MA2PBQ16XJ',
  '121200004013590816',
  '91130200699229617X',
  '91110108551385082Q',
  '531000005000160090',
  '91350100M000100Y43',
];
const PILOT = '91350100M0001TGQXM';

/** A valid code: given prefix, random body from the alphabet, computed check character. */
function makeCode(rand: () => number, prefix = '91500112'): string {
  let s = prefix;
  while (s.length < 17) s += USCC_ALPHABET[Math.floor(rand() * 31)];
  return s + usccCheckChar(s);
}

const errors = (r: UsccResult) => r.issues.filter((i) => USCC_ERROR_KINDS.has(i.kind));

describe('usccCheckChar', () => {
  it('reproduces the check character of every published good vector', () => {
    for (const c of KNOWN_GOOD) expect(usccCheckChar(c.slice(0, 17)), c).toBe(c[17]);
  });

  it('gives 0 when the weighted sum is a multiple of 31 (531000005000160090)', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const first17 = '53100000500016009';
    const sum = [...first17].reduce((acc, ch, i) => acc + USCC_ALPHABET.indexOf(ch) * weights[i]!, 0);
    expect(sum % 31).toBe(0);
    expect(usccCheckChar(first17)).toBe('0');
    expect(checkUscc('531000005000160090').valid).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('9111000060003734O')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('matches the standard example D2143569-X', () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });
  it('matches the organisation codes inside the published vectors', () => {
    for (const c of KNOWN_GOOD) expect(orgCodeCheckChar(c.slice(8, 16)), c).toBe(c[16]);
  });
  it('maps 11 to 0 (Σ mod 11 == 0)', () => {
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('0000000B')).toBe('0'); // B = 11, weight 2: Σ = 22
    expect(orgCodeCheckChar('00000011')).toBe('5'); // Σ = 1*4 + 1*2 = 6 → 11 - 6
  });
});

describe('checkUscc — published vectors', () => {
  it.each(KNOWN_GOOD)('%s is valid with no issue at all (no org-code or authority warning either)', (c) => {
    const r = checkUscc(c);
    expect(r).toEqual({ normalised: c, valid: true, allowListed: false, issues: [] });
  });

  it('rejects the known-bad vectors and names the expected character', () => {
    expect(checkUscc('91110000600037341N')).toMatchObject({
      valid: false,
      issues: [{ kind: 'checksum', expected: 'L', actual: 'N' }],
    });
    expect(checkUscc('91110108551385082F')).toMatchObject({
      valid: false,
      issues: [{ kind: 'checksum', expected: 'Q', actual: 'F' }],
    });
    const bad = checkUscc('91110000600037341N').issues[0];
    expect(bad && 'suggestion' in bad ? bad.suggestion : undefined).toBeUndefined();
  });

  it('accepts 123456789012345678 (a correct checksum does not prove existence)', () => {
    const r = checkUscc('123456789012345678');
    expect(r.valid).toBe(true);
    expect(errors(r)).toEqual([]);
  });
});

describe('checkUscc — generated codes', () => {
  const rand = rng(20211);
  const prefixes = ['91500112', '92500103', '93500229', '12500000', '52500000', 'Y1500000', 'N2500106', 'A1500000', '91110108'];
  const codes = Array.from({ length: 300 }, (_, i) => makeCode(rand, prefixes[i % prefixes.length]));

  it('every generated code has a correct check character and no error', () => {
    for (const c of codes) {
      expect(usccChecksumOk(c), c).toBe(true);
      const r = checkUscc(c);
      expect(r.valid, c).toBe(true);
      expect(errors(r), c).toEqual([]);
      // random bodies mostly fail the GB 11714 check: that must stay a warning
      for (const i of r.issues) expect(['org-code', 'authority-unusual']).toContain(i.kind);
    }
  });

  it('any single-character substitution is caught with the right expected character', () => {
    for (const c of codes.slice(0, 60)) {
      const pos = Math.floor(rand() * 17);
      const old = USCC_ALPHABET.indexOf(c[pos]!);
      const repl = USCC_ALPHABET[(old + 1 + Math.floor(rand() * 30)) % 31]!;
      const typo = c.slice(0, pos) + repl + c.slice(pos + 1);
      const r = checkUscc(typo);
      expect(r.valid, typo).toBe(false);
      expect(r.issues, typo).toEqual([{ kind: 'checksum', expected: usccCheckChar(typo.slice(0, 17)), actual: c[17] }]);
    }
  });

  it('adjacent transpositions are caught', () => {
    for (const c of codes.slice(0, 60)) {
      for (let i = 0; i < 16; i++) {
        if (c[i] === c[i + 1]) continue;
        const t = c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2);
        expect(checkUscc(t).valid, t).toBe(false);
      }
    }
  });

  it('suggests the fix when O was typed for 0 and I for 1 in a generated code', () => {
    let tried = 0;
    for (const c of codes) {
      if (!c.includes('0') || !c.includes('1')) continue;
      const typo = c.replace(/0/g, 'O').replace(/1/g, 'I');
      const r = checkUscc(typo);
      expect(r.valid).toBe(false);
      expect(r.issues).toEqual([{ kind: 'charset', bad: [...new Set([...typo].filter((ch) => ch === 'O' || ch === 'I'))].join(''), suggestion: c }]);
      tried++;
    }
    expect(tried).toBeGreaterThan(20);
  });
});

describe('checkUscc — O/0 and I/1 typos', () => {
  it('O for 0 in a published code', () => {
    const r = checkUscc('9111OOOO6OOO37341L');
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([{ kind: 'charset', bad: 'O', suggestion: '91110000600037341L' }]);
  });

  it('I for 1 and O for 0 together', () => {
    const r = checkUscc('9III000060003734IL');
    expect(r.issues).toEqual([{ kind: 'charset', bad: 'I', suggestion: '91110000600037341L' }]);
    expect(checkUscc('9I1I0O00600037341L').issues).toEqual([{ kind: 'charset', bad: 'IO', suggestion: '91110000600037341L' }]);
  });

  it('the check character itself typed as O', () => {
    expect(checkUscc('53100000500016009O').issues).toEqual([{ kind: 'charset', bad: 'O', suggestion: '531000005000160090' }]);
  });

  it('lower-case o is read as O and still gets the suggestion', () => {
    const r = checkUscc('9111oooo6ooo37341L');
    expect(r.issues).toEqual([
      { kind: 'normalised', what: ['lowercase'], normalised: '9111OOOO6OOO37341L' },
      { kind: 'charset', bad: 'O', suggestion: '91110000600037341L' },
    ]);
  });

  it('no suggestion when the digit reading still fails the checksum', () => {
    expect(checkUscc('9111OOOO6OOO37341N').issues).toEqual([{ kind: 'charset', bad: 'O' }]);
  });

  it('no suggestion when another invalid character is present', () => {
    expect(checkUscc('9111OOOO6OOO3734SL').issues).toEqual([{ kind: 'charset', bad: 'OS' }]);
    expect(checkUscc('91110000-600037341').issues).toEqual([{ kind: 'charset', bad: '-' }]);
    expect(checkUscc('9111000060003734ZL').issues).toEqual([{ kind: 'charset', bad: 'Z' }]);
  });
});

describe('checkUscc — format errors', () => {
  it('15-digit old registration number', () => {
    expect(checkUscc('110108000000016')).toMatchObject({ valid: false, issues: [{ kind: 'old15' }] });
  });
  it('15 characters with a letter is a length error, not old15', () => {
    expect(checkUscc('11010800000001X').issues).toEqual([{ kind: 'length', length: 15 }]);
  });
  it('wrong length', () => {
    expect(checkUscc('91110000600037341').issues).toEqual([{ kind: 'length', length: 17 }]);
    expect(checkUscc('91110000600037341LL').issues).toEqual([{ kind: 'length', length: 19 }]);
    expect(checkUscc('').issues).toEqual([{ kind: 'length', length: 0 }]);
  });
  it('error kinds are exactly old15, length, charset, checksum', () => {
    expect([...USCC_ERROR_KINDS].sort()).toEqual(['charset', 'checksum', 'length', 'old15']);
  });
});

describe('checkUscc — normalisation', () => {
  it('lower case', () => {
    const r = checkUscc('91310115ma1k3btp2b');
    expect(r).toEqual({
      normalised: '91310115MA1K3BTP2B',
      valid: true,
      allowListed: false,
      issues: [{ kind: 'normalised', what: ['lowercase'], normalised: '91310115MA1K3BTP2B' }],
    });
  });
  it('full-width', () => {
    const r = checkUscc('９１１１００００６０００３７３４１Ｌ');
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([{ kind: 'normalised', what: ['fullwidth'], normalised: '91110000600037341L' }]);
  });
  it('inner spaces (ordinary, ideographic, no-break, zero-width)', () => {
    for (const raw of ['9111 0000 6000 3734 1L', '9111\u30000000600037341L', '91110000\u00a0600037341L', '9111\u200b0000600037341L']) {
      const r = checkUscc(raw);
      expect(r.valid, raw).toBe(true);
      expect(r.issues, raw).toEqual([{ kind: 'normalised', what: ['spaces'], normalised: '91110000600037341L' }]);
    }
  });
  it('all three at once, reported in a fixed order', () => {
    const r = checkUscc('９１３１０１１５ｍａ1k 3btp2b');
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([{ kind: 'normalised', what: ['lowercase', 'fullwidth', 'spaces'], normalised: '91310115MA1K3BTP2B' }]);
  });
  it('leading and trailing whitespace is dropped silently', () => {
    expect(checkUscc('  91110000600037341L\t').issues).toEqual([]);
    expect(checkUscc('\u300091110000600037341L\u3000').issues).toEqual([]);
  });
  it('normaliseIdText', () => {
    expect(normaliseIdText(' ａｂ c１ ')).toEqual({ text: 'ABC1', what: ['lowercase', 'fullwidth', 'spaces'] });
  });
});

describe('checkUscc — warnings never make a code invalid', () => {
  it('organisation-code mismatch is a warning naming the expected character', () => {
    const body = '91500112' + 'D2143569';
    const wrongOrg = body + '7'; // the GB 11714 check is X
    const code = wrongOrg + usccCheckChar(wrongOrg);
    const r = checkUscc(code);
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([{ kind: 'org-code', expected: 'X' }]);
    const good = body + 'X';
    expect(checkUscc(good + usccCheckChar(good)).issues).toEqual([]);
  });

  it('unusual authority/entity combinations are warnings', () => {
    for (const prefix of ['95', '90', '0A', 'B1', 'A5', 'N4', '10']) {
      const first17 = prefix + '500112D2143569X';
      const r = checkUscc(first17 + usccCheckChar(first17));
      expect(r.valid, prefix).toBe(true);
      expect(r.issues, prefix).toEqual([{ kind: 'authority-unusual', prefix }]);
    }
  });

  it('usual combinations, including codes beginning with a letter', () => {
    for (const p of ['11', '12', '13', '19', '21', '31', '51', '52', '53', '59', '71', '81', '91', '92', '93', 'A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1']) {
      expect(isUsualAuthority(p), p).toBe(true);
      const first17 = p + '500112D2143569X';
      expect(checkUscc(first17 + usccCheckChar(first17)).issues, p).toEqual([]);
    }
    expect(isUsualAuthority('94')).toBe(false);
    expect(isUsualAuthority('9')).toBe(false);
  });
});

describe('allow-list', () => {
  it('the pilot code fails without the list', () => {
    expect(checkUscc(PILOT)).toMatchObject({ valid: false, allowListed: false, issues: [{ kind: 'checksum', expected: '1', actual: 'M' }] });
  });

  it('the pilot code is valid when allow-listed; the checksum issue stays for the info message', () => {
    const { codes, bad } = parseAllowList(`# 2015 年试点代码\n${PILOT}\n`);
    expect(bad).toEqual([]);
    const r = checkUscc(PILOT, codes);
    expect(r).toEqual({ normalised: PILOT, valid: true, allowListed: true, issues: [{ kind: 'checksum', expected: '1', actual: 'M' }] });
  });

  it('matches the list after normalising the cell', () => {
    const { codes } = parseAllowList(PILOT);
    const r = checkUscc(PILOT.toLowerCase(), codes);
    expect(r.valid).toBe(true);
    expect(r.allowListed).toBe(true);
    expect(r.issues[0]).toEqual({ kind: 'normalised', what: ['lowercase'], normalised: PILOT });
  });

  it('a valid code on the list is not flagged as allow-listed', () => {
    const r = checkUscc(KNOWN_GOOD[0]!, new Set([KNOWN_GOOD[0]!]));
    expect(r.allowListed).toBe(false);
    expect(r.valid).toBe(true);
  });

  it('parseAllowList: comments, blanks, CRLF, BOM, normalisation, bad lines', () => {
    const text = '\uFEFF# header comment\r\n\r\n  91350100m0001tgqxm  # pilot, Fuzhou\r\n９１３５０１００Ｍ０００１ＴＧＱＸＭ\r\n12345\r\nnot a code\r\n9135 0100 M000 1TGQ XM\n';
    const { codes, bad } = parseAllowList(text);
    expect([...codes]).toEqual([PILOT]);
    expect(bad).toEqual([
      { line: 5, text: '12345' },
      { line: 6, text: 'not a code' },
    ]);
  });
});

describe('numeric cells', () => {
  it('describes an 18-digit number the way Excel shows it, without exponent', () => {
    expect(describeNumericUscc(916201055811843000)).toBe('916201055811843000');
    expect(describeNumericUscc(9.15e17)).toBe('915000000000000000');
    expect(describeNumericUscc(Number('916201055811843012'))).toBe('916201055811843000');
    // eslint-disable-next-line no-loss-of-precision -- the precision a USCC typed as a number loses is what is tested
    expect(describeNumericUscc(123456789012345678)).toBe('123456789012346000');
    expect(describeNumericUscc(1e21)).toBe('1000000000000000000000');
    expect(describeNumericUscc(110108000000016)).toBe('110108000000016');
    for (const n of [9.16201055811843e17, 5.3100000500016e17, 1.2e18]) expect(describeNumericUscc(n)).toMatch(/^\d+$/);
  });

  it('recognises exponent text copied from such a cell', () => {
    expect(looksLikeExponentNumber('9.15E+17')).toBe(true);
    expect(looksLikeExponentNumber('9.16201055811843e+17')).toBe(true);
    expect(looksLikeExponentNumber('9.15E17')).toBe(true);
    expect(looksLikeExponentNumber('91110000600037341L')).toBe(false);
    expect(looksLikeExponentNumber('E+17')).toBe(false);
  });
});
