/**
 * A USCC whose cell holds invisible or control characters is read without them, and the
 * uscc-normalised warning says so (the cell's text is not the code: a look-up by it would miss).
 */
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/core/validate/validate.js';
import { addAnnex2Sheet } from '../../src/writers/annex2-template.js';
import { newWorkbook, workbookBytes } from '../../src/writers/xlsx-common.js';
import { usccCheckChar } from '../../src/core/ids/uscc.js';
import { messageOf } from '../../src/core/findings/make.js';
import { rewriteZip } from '../workbook/helpers.js';

function code(seq: number): string {
  const first = `915001115${String(seq).padStart(8, '0')}`;
  return first + usccCheckChar(first);
}

/** the USCC cells as typed, row by row */
const TYPED = [
  code(1), // clean
  code(2).slice(0, 6) + '\u200b' + code(2).slice(6), // a zero-width space inside
  code(3), // + a control character at the end, put in the file below (the writers drop them)
  ' ' + code(4) + ' ', // spaces at both ends: dropped silently, as for any cell
  '\ufeff' + code(5).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), // a BOM and full-width digits: one warning naming both
];

async function list(): Promise<Uint8Array> {
  const wb = newWorkbook();
  addAnnex2Sheet(
    wb,
    {
      unit: '大足区',
      date: '2024-09-28',
      rows: TYPED.map((uscc, i) => ({ name: `重庆大足测试${i + 1}有限公司`, location: '重庆市大足区龙岗街道', uscc, industry: 'C33 金属制品业', permit: `${code(i + 1)}001P` })),
    },
    new Set(),
  );
  // as a file from elsewhere stores a BEL character: escaped, since XML cannot carry it
  return rewriteZip(await workbookBytes(wb), (name, text) => (name === 'xl/sharedStrings.xml' ? text.replace(`>${code(3)}<`, `>${code(3)}_x0007_<`) : undefined));
}

describe('uscc-normalised for hidden characters', () => {
  it('warns for the cells with invisible or control characters, and only those', async () => {
    const r = await validateFile({ file: '大足区附表2.xlsx', name: '大足区附表2.xlsx', bytes: await list() }, { asOf: '2024-10-01', expiringDays: 90, allowList: new Set() });
    const got = r.findings.filter((f) => f.code === 'uscc-normalised');
    const byRow = new Map(got.map((f) => [f.cell, messageOf(f, 'zh')]));
    expect(got).toHaveLength(3);
    const entries = r.annex2!.entries;
    expect(entries[2]!.fields.uscc!.cell?.v).toBe(code(3) + '\u0007');
    const cellOf = (i: number): string => entries[i]!.fields.uscc!.ref;
    expect(byRow.get(cellOf(1))).toContain('看不见的字符');
    expect(byRow.get(cellOf(1))).toContain('请清空该单元格，直接键入代码');
    expect(
      messageOf(
        got.find((f) => f.cell === cellOf(1))!,
        'en',
      ),
    ).toContain('clear the cell and type the code');
    expect(byRow.get(cellOf(2))).toContain(`已按“${code(3)}”读取`);
    const both = byRow.get(cellOf(4))!;
    expect(both).toContain('全角字符');
    expect(both).toContain('看不见的字符');
    // the codes themselves are read whole and valid
    expect(entries.map((e) => e.uscc?.normalised)).toEqual([1, 2, 3, 4, 5].map(code));
    expect(entries.every((e) => e.uscc?.valid)).toBe(true);
    expect(r.findings.filter((f) => f.code.startsWith('uscc-') && f.severity === 'error')).toEqual([]);
  });
});
