/**
 * Every form real producers write (test/real-files/SOURCES.md), built by code: namespaces
 * declared anywhere and recognised by URI, strict namespaces, UTF-16 parts, the workbook found
 * through _rels/.rels, inline strings with a stray <v>, t="d" ISO values, _xHHHH_ escapes,
 * 1904 durations — each read as Excel shows it — and the files whose reading would be a guess
 * (duplicate zip entries, a value that is no number, a sheet that cannot be found), each
 * refused or reported with the sheet and cell. `openWorkbook` as commands call it (auto).
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOW_LIST } from '../../src/core/ids/allow-list.js';
import { messageOf } from '../../src/core/findings/make.js';
import { validateFile } from '../../src/core/validate/validate.js';
import { cellText } from '../../src/core/values/cell.js';
import { getCell, type GridCell, type GridWorkbook } from '../../src/core/workbook/grid.js';
import { openWorkbook, type OpenResult } from '../../src/core/workbook/open.js';
import { makeZip, rewriteZip, xlsx } from './helpers.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** A workbook of its parts, stored (each name once unless `dup`), as the hand-made zips of real producers. */
function pack(parts: Record<string, string | Uint8Array>, dup?: [string, string]): Uint8Array {
  const entries = Object.entries(parts).map(([name, body]) => {
    const data = typeof body === 'string' ? strToU8(body) : body;
    return { name, data, method: 0 as const, uncompressedSize: data.length };
  });
  if (dup) entries.push({ name: dup[0], data: strToU8(dup[1]), method: 0, uncompressedSize: strToU8(dup[1]).length });
  return makeZip(entries);
}

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const pkgRels = (target = 'xl/workbook.xml', ns = PKG): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>`;
const wbRels = (sheets: string[], rel = REL, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${sheets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${t}"/>`).join('')}${extra}</Relationships>`;
const sheetXml = (rows: string, ns = MAIN, mergeCells = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${rows}</sheetData>${mergeCells}</worksheet>`;

/** A minimal workbook: the given workbook.xml and sheet parts (xl/worksheets/sheetN.xml), no styles or shared strings. */
function book(workbookXml: string | Uint8Array, sheets: string[], more: Record<string, string | Uint8Array> = {}): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': pkgRels(),
    'xl/workbook.xml': workbookXml,
    'xl/_rels/workbook.xml.rels': wbRels(sheets.map((_, i) => `worksheets/sheet${i + 1}.xml`)),
  };
  sheets.forEach((x, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = x));
  return pack({ ...parts, ...more });
}

async function read(bytes: Uint8Array): Promise<Extract<OpenResult, { ok: true }>> {
  const r = await openWorkbook(bytes);
  if (!r.ok) throw new Error(`not read: ${JSON.stringify(r.findings)}`);
  return r;
}

async function refused(bytes: Uint8Array): Promise<{ zh: string; en: string }> {
  const r = await openWorkbook(bytes);
  expect(r.ok).toBe(false);
  const f = r.findings[0]!;
  expect(f.code).toBe('file-unreadable');
  return { zh: messageOf(f, 'zh'), en: messageOf(f, 'en') };
}

function cell(wb: GridWorkbook, ref: string, sheet = 0): GridCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return getCell(wb.sheets[sheet]!, Number(m[2]), c);
}

const ONE = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>一</t></is></c></row>');
const TWO = sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>');

describe('namespaces: declared on any element, scoped to it, recognised by URI', () => {
  it('xmlns:r declared on each <sheet> (openpyxl): every sheet is read', async () => {
    const wb = `<?xml version="1.0"?><workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="名单" sheetId="1" r:id="rId1"/><sheet xmlns:r="${REL}" name="二" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`;
    const { workbook } = await read(book(wb, [ONE, TWO]));
    expect(workbook.sheets.map((s) => [s.name, s.state])).toEqual([
      ['名单', 'visible'],
      ['二', 'hidden'],
    ]);
    expect(cell(workbook, 'A1', 1)).toEqual({ t: 'n', v: 2 });
  });

  it('any prefix for SpreadsheetML and relationships (x:, ns0:, relationships:), declared on the root or lower', async () => {
    const wb =
      `<?xml version="1.0"?><ns0:workbook xmlns:ns0="${MAIN}"><ns0:sheets xmlns:relationships="${REL}">` +
      `<ns0:sheet name="A" sheetId="1" relationships:id="rId1"/><sheet xmlns="${MAIN}" name="B" sheetId="2" xmlns:q="${REL}" q:id="rId2"/></ns0:sheets></ns0:workbook>`;
    const s1 = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>x前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    // a default namespace declared only from <sheetData> down
    const s2 = `<w:worksheet xmlns:w="${MAIN}"><sheetData xmlns="${MAIN}"><row r="3"><c r="C3"><v>3</v></c></row></sheetData></w:worksheet>`;
    const { workbook } = await read(book(wb, [s1, s2]));
    expect(workbook.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(cell(workbook, 'B1', 0)).toEqual({ t: 's', v: 'x前缀' });
    expect(cell(workbook, 'C3', 1)).toEqual({ t: 'n', v: 3 });
  });

  it('strict (ISO/IEC 29500) namespaces and relationship types', async () => {
    const wb = `<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><sheets><sheet name="严格" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const bytes = pack({
      '[Content_Types].xml': CT,
      '_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': wb,
      'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml'], STRICT_REL),
      'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1.5</v></c></row>', STRICT_MAIN),
    });
    const { workbook } = await read(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['严格']);
    expect(cell(workbook, 'A1')).toEqual({ t: 'n', v: 1.5 });
  });

  it('a declaration holds only inside its element: a prefix used outside it is refused, never a sheet dropped', async () => {
    const wb = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${REL}" name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>`;
    const { zh, en } = await refused(book(wb, [ONE, TWO]));
    expect(en).toMatch(/sheet "乙" has no relationship id/);
    expect(zh).toContain('乙');
    // an element whose prefix is declared nowhere is not read as anything
    const undeclared = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><x:sheets><sheet name="甲" sheetId="1" r:id="rId1"/></x:sheets></workbook>`;
    expect((await refused(book(undeclared, [ONE]))).en).toMatch(/prefix of <x:sheets> is not declared/);
  });

  it('SpreadsheetML elements in another namespace are not read as cells', async () => {
    const s = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><ext xmlns="urn:other"><sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData></ext></worksheet>`;
    const wb = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const { workbook } = await read(book(wb, [s]));
    expect([...workbook.sheets[0]!.rows.keys()]).toEqual([1]);
  });
});

describe('the package as OPC says', () => {
  const wb = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;

  it('the workbook at the zip root, found through _rels/.rels; a sheet part of any name, absolute or relative', async () => {
    const bytes = pack({
      '[Content_Types].xml': CT,
      '_rels/.rels': pkgRels('/workbook.xml'),
      'workbook.xml': wb.replace('</sheets>', '<sheet name="二" sheetId="2" r:id="rId2"/></sheets>'),
      '_rels/workbook.xml.rels': wbRels(['xl/worksheets/data.xml', '/表/第二.xml']),
      'xl/worksheets/data.xml': ONE,
      '表/第二.xml': TWO,
    });
    const { workbook } = await read(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Data', '二']);
    expect(cell(workbook, 'A1', 1)).toEqual({ t: 'n', v: 2 });
  });

  it('UTF-16 parts, little-endian with a BOM and big-endian without', async () => {
    const utf16 = (s: string, be: boolean, bom: boolean): Uint8Array => {
      const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
      const units = (bom ? '\uFEFF' : '') + s;
      for (let i = 0; i < units.length; i++) {
        const u = units.charCodeAt(i);
        out[2 * i + (be ? 0 : 1)] = u >> 8;
        out[2 * i + (be ? 1 : 0)] = u & 0xff;
      }
      return out;
    };
    const bytes = book(utf16(`<?xml version="1.0" encoding="UTF-16"?>${wb}`, true, false), [], {
      'xl/worksheets/sheet1.xml': utf16(
        `<?xml version="1.0" encoding="UTF-16"?>${sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>十六位</t></is></c></row>').replace(/^<\?xml[^>]*\?>/, '')}`,
        false,
        true,
      ),
      'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml']),
    });
    const { workbook } = await read(bytes);
    expect(cell(workbook, 'A1')).toEqual({ t: 's', v: '十六位' });
  });

  it('a UTF-8 part that declares another encoding is refused (its text would be guessed)', async () => {
    const { en } = await refused(book(`<?xml version="1.0" encoding="GB2312"?>${wb}`, [ONE]));
    expect(en).toMatch(/declares the encoding GB2312/);
  });

  it('two zip entries of one name are refused (programs differ in which they read)', async () => {
    const bytes = pack(
      {
        '[Content_Types].xml': CT,
        '_rels/.rels': pkgRels(),
        'xl/workbook.xml': wb,
        'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml']),
        'xl/worksheets/sheet1.xml': ONE,
      },
      ['xl/worksheets/sheet1.xml', TWO],
    );
    const { zh, en } = await refused(bytes);
    expect(en).toMatch(/two entries named "xl\/worksheets\/sheet1.xml"/);
    expect(zh).toContain('两个名为');
  });

  it('a sheet whose part is missing: file-unreadable naming the sheet, never "no annex header found"', async () => {
    const two = wb.replace('</sheets>', '<sheet name="附表2" sheetId="2" r:id="rId2"/></sheets>');
    const bytes = pack({
      '[Content_Types].xml': CT,
      '_rels/.rels': pkgRels(),
      'xl/workbook.xml': two,
      'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml', 'worksheets/sheet2.xml']),
      'xl/worksheets/sheet1.xml': ONE,
    });
    const { zh, en } = await refused(bytes);
    expect(en).toMatch(/sheet "附表2".*xl\/worksheets\/sheet2.xml is missing/);
    expect(zh).toContain('工作表“附表2”');
    const res = await validateFile(
      { file: 'x.xlsx', name: 'x.xlsx', bytes },
      { asOf: '2024-10-01', expiringDays: 90, allowList: new Set(DEFAULT_ALLOW_LIST), cutover: '2025-10-01' },
    );
    expect(res.findings.map((f) => f.code)).toEqual(['file-unreadable']);
  });
});

describe('cell values as Excel shows them', () => {
  const wbXml = (pr = ''): string => `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${pr}<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const styles = (fmts: string[]): string =>
    `<styleSheet xmlns="${MAIN}"><numFmts count="${fmts.length}">${fmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${f}"/>`).join('')}</numFmts>` +
    `<cellXfs count="${fmts.length + 1}"><xf numFmtId="0"/>${fmts.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join('')}</cellXfs></styleSheet>`;
  const withStyles = (wb: string, rows: string, fmts: string[], sst?: string): Uint8Array =>
    book(wb, [sheetXml(rows)], {
      'xl/_rels/workbook.xml.rels': wbRels(
        ['worksheets/sheet1.xml'],
        REL,
        `<Relationship Id="rId8" Type="${REL}/styles" Target="styles.xml"/>${sst ? `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}`,
      ),
      'xl/styles.xml': styles(fmts),
      ...(sst ? { 'xl/sharedStrings.xml': sst } : {}),
    });

  it('an inline string is its <is> text: a <v> beside it is ignored (a system export wrote both)', async () => {
    const rows =
      '<row r="2"><c r="A2" t="inlineStr"><v>15</v><is><t>258822991196</t></is></c><c r="B2" t="inlineStr"><is><r><t>扶手</t></r><r><t>二</t></r></is><v>16</v></c><c r="C2" t="inlineStr"><v>只有v</v></c></row>';
    const { workbook } = await read(book(wbXml(), [sheetXml(rows)]));
    expect(cell(workbook, 'A2')).toEqual({ t: 's', v: '258822991196' });
    expect(cell(workbook, 'B2')).toEqual({ t: 's', v: '扶手二' });
    expect(cell(workbook, 'C2')).toEqual({ t: 's', v: '只有v' }); // no <is>: the <v> is all there is (openpyxl reads it so)
  });

  for (const date1904 of [false, true]) {
    it(`t="d" ISO values: date, date-time, time alone, in the ${date1904 ? '1904' : '1900'} date system`, async () => {
      const rows =
        '<row r="1"><c r="A1" t="d" s="1"><v>2021-01-01</v></c><c r="B1" t="d" s="2"><v>2021-01-01T10:10:10</v></c><c r="C1" t="d" s="3"><v>10:10:10</v></c>' +
        '<c r="D1" t="d" s="3"><v>T23:44:51.894</v></c><c r="E1" t="d"><v>2024-03-01T18:00:00Z</v></c></row>';
      const { workbook } = await read(withStyles(wbXml(date1904 ? '<workbookPr date1904="true"/>' : ''), rows, ['yyyy-mm-dd', 'yyyy-mm-dd h:mm:ss', 'h:mm:ss']));
      expect(workbook.date1904).toBe(date1904);
      const t = (10 * 3600 + 10 * 60 + 10) / 86400;
      expect(cell(workbook, 'A1')).toEqual({ t: 'n', v: 44197, numFmt: 'yyyy-mm-dd' });
      expect(cell(workbook, 'B1')!.v).toBeCloseTo(44197 + t, 9);
      expect(cell(workbook, 'C1')!.v).toBeCloseTo(t, 9); // a time of day, not a date
      expect(cell(workbook, 'D1')!.v).toBeCloseTo((23 * 3600 + 44 * 60 + 51.894) / 86400, 9);
      expect(cell(workbook, 'E1')).toEqual({ t: 'n', v: 45352.75 });
    });
  }

  it('a t="d" value that is not ISO 8601 is refused with the cell, not guessed', async () => {
    const { zh, en } = await refused(book(wbXml(), [sheetXml('<row r="3"><c r="B3" t="d"><v>2021年1月1日</v></c></row>')]));
    expect(en).toMatch(/sheet "s" cannot be read \(cell B3: the date "2021年1月1日" is not an ISO 8601 date\)/);
    expect(zh).toContain('工作表“s”无法读取（单元格 B3');
  });

  it('1904 system: dates move to the 1900 system, a time of day and a duration do not', async () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>43830</v></c><c r="B1" s="2"><v>10.632060185185</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1"><v>43830</v></c></row>';
    const { workbook } = await read(withStyles(wbXml('<workbookPr date1904="1"/>'), rows, ['yyyy-mm-dd', '[hh]:mm:ss', 'h:mm']));
    expect(cell(workbook, 'A1')).toEqual({ t: 'n', v: 43830 + 1462, numFmt: 'yyyy-mm-dd' });
    expect(cell(workbook, 'B1')).toMatchObject({ t: 'n', numFmt: '[hh]:mm:ss' });
    expect(cell(workbook, 'B1')!.v).toBeCloseTo(10.632060185185, 8); // (rounded to the millisecond, as a time)
    expect(cell(workbook, 'C1')).toEqual({ t: 'n', v: 0.5, numFmt: 'h:mm' });
    expect(cell(workbook, 'D1')).toEqual({ t: 'n', v: 43830 });
  });

  it('_xHHHH_ escapes decoded once, either case, _x005F_ escaping the underscore, in shared and inline strings; cellText adds no second pass', async () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>SH_x005f_x000D_Z002</t></si><si><t>a_x000d_b_x000A_c</t></si><si><r><t>_x005F_x0041_</t></r></si></sst>`;
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>ABC_x000D_\nDEF</t></is></c><c r="E1" t="str"><f>"x"</f><v>_x0041_</v></c></row>';
    const { workbook } = await read(withStyles(wbXml(), rows, ['@'], sst));
    expect(cell(workbook, 'A1')!.v).toBe('SH_x000D_Z002');
    expect(cell(workbook, 'B1')!.v).toBe('a\rb\nc');
    expect(cell(workbook, 'C1')!.v).toBe('_x0041_');
    expect(cell(workbook, 'D1')!.v).toBe('ABC\r\nDEF');
    expect(cell(workbook, 'E1')!.v).toBe('_x0041_'); // a formula's cached text is not a <t>
    expect(cellText(cell(workbook, 'A1'))).toBe('SH_x000D_Z002');
    expect(cellText(cell(workbook, 'C1'))).toBe('_x0041_');
  });

  it('#N/A stays #N/A, with t="e" or written as a formula result without it', async () => {
    const rows = '<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1"><f>NA()</f><v>#N/A</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>';
    const { workbook } = await read(book(wbXml(), [sheetXml(rows)]));
    expect(cell(workbook, 'A1')).toEqual({ t: 'e', v: '#N/A' });
    expect(cell(workbook, 'B1')).toEqual({ t: 'e', v: '#N/A', formula: 'NA()' });
    expect(cell(workbook, 'C1')).toEqual({ t: 'e', v: '#DIV/0!', formula: '1/0' });
  });

  it('a number that is no number is refused with its cell (exceljs would show #NUM!)', async () => {
    const { en } = await refused(book(wbXml(), [sheetXml('<row r="4"><c r="D4"><v>12abc</v></c></row>')]));
    expect(en).toMatch(/cell D4: the number "12abc" cannot be read/);
  });
});

describe('what the clerk sees: duplicate cells and rows, over-long texts', () => {
  const wb = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;

  it('a cell reference written twice: the last is read, and a cell-duplicate finding names the cell', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="A1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row><row r="2"><c r="B2"><v>5</v></c></row>';
    const r = await read(book(wb, [sheetXml(rows)]));
    expect(cell(r.workbook, 'A1')).toEqual({ t: 'n', v: 3 });
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell, f.row])).toEqual([
      ['cell-duplicate', '名单', 'A1', undefined],
      ['cell-duplicate', '名单', undefined, 2],
    ]);
    expect(messageOf(r.findings[0]!, 'zh')).toContain('单元格 A1 在文件中出现了两次');
    expect(messageOf(r.findings[1]!, 'en')).toContain('Row 2 is written twice');
  });

  it('a text longer than 32,767 characters gets cell-too-long; 32,767 is fine', async () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>${'长'.repeat(32_768)}</t></si></sst>`;
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${'x'.repeat(32_767)}</t></is></c><c r="C1" t="inlineStr"><is><t>${'y'.repeat(40_000)}</t></is></c></row>`;
    const bytes = book(wb, [sheetXml(rows)], {
      'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml'], REL, `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`),
      'xl/sharedStrings.xml': sst,
    });
    const r = await read(bytes);
    expect(r.findings.map((f) => [f.code, f.cell, f.params.length])).toEqual([
      ['cell-too-long', 'A1', 32_768],
      ['cell-too-long', 'C1', 40_000],
    ]);
    expect(messageOf(r.findings[0]!, 'zh')).toContain('超过 Excel 每个单元格 32,767 个字符的上限');
  });
});

describe('an exceljs-written workbook with the forms grafted on reads the same (styles and shared strings of a real producer)', () => {
  it('xmlns:r moved from the root onto each <sheet>', async () => {
    const base = await xlsx((w) => {
      w.addWorksheet('一').getCell('A1').value = '甲';
      w.addWorksheet('二').getCell('B2').value = 2;
    });
    const moved = rewriteZip(base, (name, text) =>
      name === 'xl/workbook.xml' ? text.replace(/\sxmlns:r="[^"]*"/, '').replace(/<sheet /g, `<sheet xmlns:r="${REL}" `) : undefined,
    );
    expect(strFromU8(unzipSync(moved)['xl/workbook.xml']!)).toMatch(/<sheet xmlns:r=/);
    const a = await read(base);
    const b = await read(moved);
    expect(b.workbook).toStrictEqual(a.workbook);
  });
});

describe('the compression-ratio cap holds for shared strings', () => {
  it('a shared-strings part past the ratio cap is refused, whether its declared size is true or a lie', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const sst = `<sst xmlns="${MAIN}">${'<si><t>重复的文字</t></si>'.repeat(150_000)}</sst>`;
    const raw = strToU8(sst);
    const deflated = new Uint8Array(deflateRawSync(raw, { level: 9 }));
    expect(raw.length / deflated.length).toBeGreaterThan(200);
    const wb = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const make = (declared: number): Uint8Array =>
      makeZip([
        ...Object.entries({
          '[Content_Types].xml': CT,
          '_rels/.rels': pkgRels(),
          'xl/workbook.xml': wb,
          'xl/_rels/workbook.xml.rels': wbRels(['worksheets/sheet1.xml'], REL, `<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`),
          'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        }).map(([name, text]) => ({ name, data: strToU8(text), method: 0 as const, uncompressedSize: strToU8(text).length })),
        { name: 'xl/sharedStrings.xml', data: deflated, method: 8, uncompressedSize: declared },
      ]);
    for (const declared of [raw.length, 1024 * 1024, 1000]) {
      const r = await openWorkbook(make(declared));
      expect(r.ok, `declared ${declared}`).toBe(false);
      expect(r.findings[0]!.code, `declared ${declared}`).toBe('file-too-large');
    }
  });
});
