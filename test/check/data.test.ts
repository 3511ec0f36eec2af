import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { decodeText } from '../../src/core/data/decode.js';
import { parseCsv, detectDelimiter } from '../../src/core/data/csv.js';
import { parseGrade } from '../../src/core/data/grades.js';
import { parseHeaderMap } from '../../src/core/data/aliases.js';
import { readDataFile } from '../../src/core/data/read.js';
import { parseMethod, parseRate, parseSeverity, parseYesNo } from '../../src/core/data/values.js';
import { messageOf } from '../../src/core/findings/make.js';
import { A, B } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const INSPECTIONS = `统一社会信用代码,企业名称,检查日期,检查方式,违法情况,违法行为,主动报告\r\n${A},重庆甲化工有限公司,2024-03-05,现场检查,无,,\r\n${B},重庆乙材料有限公司,2024/5/6,现场检查,一般,"废水超标排放，未主动报告",否\r\n`;

describe('decode', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeText(enc('检查日期'))).toMatchObject({ text: '检查日期', encoding: 'utf-8', badLines: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('检查日期')]))).toMatchObject({ text: '检查日期', encoding: 'utf-8-bom' });
  });

  it('GBK is detected, not assumed', () => {
    expect(decodeText(new Uint8Array(iconv.encode('检查日期,恶意偷排', 'gbk')))).toMatchObject({ text: '检查日期,恶意偷排', encoding: 'gb18030', badLines: [] });
  });

  it('UTF-16 LE and BE, with a BOM and without', () => {
    const le = iconv.encode('\uFEFF统一社会信用代码\t评价结果', 'utf16le');
    expect(decodeText(new Uint8Array(le))).toMatchObject({ text: '统一社会信用代码\t评价结果', encoding: 'utf-16le' });
    const be = iconv.encode('\uFEFFabc,检查', 'utf16-be');
    expect(decodeText(new Uint8Array(be))).toMatchObject({ text: 'abc,检查', encoding: 'utf-16be' });
    const bare = iconv.encode('uscc,date\r\n1,2', 'utf16le');
    expect(decodeText(new Uint8Array(bare))).toMatchObject({ text: 'uscc,date\r\n1,2', encoding: 'utf-16le' });
  });

  it('invalid bytes are reported by line, not a crash', () => {
    const good = iconv.encode('检查记录\n第二行\n', 'gbk');
    const bytes = new Uint8Array([...good, 0x81, 0x20, 0x0a, ...iconv.encode('第四行', 'gbk')]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.badLines).toEqual([3]);
    expect(d.text).toContain('第四行');
  });
});

describe('csv', () => {
  it('quotes, doubled quotes, line breaks in quotes, mixed line endings, no final newline', () => {
    const r = parseCsv('a,b\r\n"x,1","say ""hi"""\n"two\r\nlines",z\rlast,row');
    expect(r.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x,1', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });

  it('a BOM, blank lines and a trailing newline', () => {
    const r = parseCsv('\uFEFFa,b\n\n1,2\n');
    expect(r.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it('an unterminated quote is reported', () => {
    const r = parseCsv('a,b\n"open,1\n2,3');
    expect(r.unterminatedQuoteLine).toBe(2);
    expect(r.records[1]!.cells[0]).toBe('open,1\n2,3');
  });

  it('empty fields and a truncated last line', () => {
    expect(parseCsv('a,,c\n1,').records).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['1', ''] },
    ]);
  });

  it('detects tab and semicolon delimiters from the header', () => {
    expect(detectDelimiter('统一社会信用代码\t评价结果\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('values', () => {
  it('credit grades in every spelling', () => {
    for (const s of ['环保诚信企业', '环保诚信', '诚信', '绿牌', '诚信企业', '环保诚信企业（绿牌）']) expect(parseGrade(s)).toBe('trustworthy');
    for (const s of ['环保良好企业', '环保良好', '良好', '蓝牌']) expect(parseGrade(s)).toBe('good');
    for (const s of ['环保警示企业', '警示', '黄牌']) expect(parseGrade(s)).toBe('warning');
    for (const s of ['环保不良企业', '不良', '红牌', '黑牌']) expect(parseGrade(s)).toBe('bad');
    for (const s of ['', 'A级', '优秀', '诚信/不良', '不诚信']) expect(parseGrade(s)).toBe(null);
  });

  it('methods, severities, yes/no, rates', () => {
    expect(parseMethod('现场检查')).toBe('onsite');
    expect(parseMethod('双随机现场检查')).toBe('onsite');
    expect(parseMethod('非现场检查')).toBe('offsite');
    expect(parseMethod('体检式帮扶')).toBe('assistance');
    expect(parseMethod('体检式现场帮扶')).toBe('assistance');
    expect(parseMethod('座谈')).toBe(null);
    expect(parseSeverity('无')).toBe('none');
    expect(parseSeverity('一般')).toBe('minor');
    expect(parseSeverity('较重')).toBe('minor');
    expect(parseSeverity('严重')).toBe('serious');
    expect(parseSeverity('？')).toBe(null);
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('未联网')).toBe(false);
    expect(parseYesNo('已安装')).toBe(true);
    expect(parseYesNo('不详')).toBe(false);
    expect(parseRate('98.5%')).toBe(98.5);
    expect(parseRate('0.96')).toBeCloseTo(96);
    expect(parseRate('99')).toBe(99);
    expect(parseRate('很好')).toBeNaN();
  });
});

describe('--map', () => {
  it('maps file headers to our columns, by header, alias or key', () => {
    const r = parseHeaderMap('{"inspections": {"执法检查时间": "检查日期", "检查形式X": "method"}, "credit": {"信用结论": "评价等级"}}');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.map.inspections!.get('执法检查时间')).toBe('date');
      expect(r.map.inspections!.get('检查形式x')).toBe('method');
      expect(r.map.credit!.get('信用结论')).toBe('grade');
    }
  });

  it('refuses bad JSON, unknown kinds and unknown targets with a reason', () => {
    const bad = parseHeaderMap('{');
    expect(bad.ok).toBe(false);
    const kind = parseHeaderMap('{"inspection": {}}');
    expect(!kind.ok && kind.reason.zh).toMatch(/格式不对/);
    const target = parseHeaderMap('{"credit": {"x": "检查日期"}}');
    expect(!target.ok && target.reason.zh).toContain('“检查日期”不是信用评价的列');
  });
});

describe('readDataFile', () => {
  it('reads a GBK CSV', async () => {
    const r = await readDataFile(new Uint8Array(iconv.encode(INSPECTIONS, 'gbk')), { kind: 'inspections', file: 'in/检查记录.csv' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('gb18030');
    expect(r.records).toHaveLength(2);
    expect(r.records[1]).toMatchObject({
      uscc: B,
      date: '2024-05-06',
      method: 'onsite',
      severity: 'minor',
      violationText: '废水超标排放，未主动报告',
      selfReported: false,
      src: { file: 'in/检查记录.csv', row: 3 },
    });
    expect(r.findings).toEqual([]);
  });

  it('reads a UTF-8-BOM CSV the same way', async () => {
    const r = await readDataFile(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(INSPECTIONS)]), { kind: 'inspections', file: 'x.csv' });
    expect(r.ok && r.encoding).toBe('utf-8-bom');
    expect(r.ok && r.records.map((x) => x.uscc)).toEqual([A, B]);
  });

  it('reads Excel "Unicode text" (UTF-16 LE, tab-separated)', async () => {
    const text = INSPECTIONS.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t');
    const r = await readDataFile(new Uint8Array(iconv.encode('\uFEFF' + text, 'utf16le')), { kind: 'inspections', file: 'x.txt' });
    expect(r.ok && r.records.length).toBe(2);
  });

  it('bad rows become findings with file, row and cell; nothing is dropped silently', async () => {
    const csv = [
      '统一社会信用代码,检查日期,检查方式,违法情况',
      `${A},2024-02-30,现场检查,无`,
      `91110000600037341N,2024-03-01,现场检查,无`,
      `9.1110000600037E+17,2024-03-01,现场检查,无`,
      `,2024-03-01,现场检查,无`,
      `${B},2024-03-01,座谈,待定`,
      `${B},2024-03-02,现场检查,无,多余`,
    ].join('\n');
    const r = await readDataFile(enc(csv), { kind: 'inspections', file: 'd.csv' });
    if (!r.ok) throw new Error('not ok');
    expect(r.records.map((x) => x.date)).toEqual(['2024-03-01', '2024-03-02']);
    expect(r.invalid.map((x) => x.src.row)).toEqual([2, 3, 4, 5]);
    expect(r.invalid[0]!.uscc).toBe(A);
    const inv = r.findings.filter((f) => f.code === 'data-row-invalid');
    expect(inv.map((f) => f.cell)).toEqual(['B2', 'A3', 'A4', 'A5']);
    expect(messageOf(inv[0]!, 'zh')).toContain('2024年2月只有29天');
    expect(messageOf(inv[1]!, 'zh')).toContain('校验位错误（应为 L）');
    expect(messageOf(inv[2]!, 'zh')).toContain('存成数字');
    const unrec = r.findings.filter((f) => f.code === 'data-value-unrecognised');
    expect(unrec.map((f) => f.cell)).toEqual(['C6', 'D6']);
    expect(r.findings.filter((f) => f.code === 'data-row-ragged').map((f) => f.row)).toEqual([7]);
  });

  it('an export with unusual headers: refused with the reason, read once mapped', async () => {
    const csv = `纳税人识别号,单位,执法检查时间,检查形式,是否违法,违法事实\n${A},甲,2024-03-05,现场,否,\n`;
    const refused = await readDataFile(enc(csv), { kind: 'inspections', file: 'odd.csv' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason.zh).toContain('统一社会信用代码');
    const map = parseHeaderMap('{"inspections": {"纳税人识别号": "统一社会信用代码", "执法检查时间": "检查日期"}}');
    if (!map.ok) throw new Error('map');
    const r = await readDataFile(enc(csv), { kind: 'inspections', file: 'odd.csv', map: map.map });
    expect(r.ok && r.records[0]).toMatchObject({ uscc: A, date: '2024-03-05', method: 'onsite', severity: 'none', name: '甲' });
  });

  it('a missing required column is refused with what is missing', async () => {
    const r = await readDataFile(enc(`统一社会信用代码,检查日期\n${A},2024-01-01\n`), { kind: 'inspections', file: 'x.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/缺少 “检查方式”、“违法情况”或“违法行为” 列/);
  });

  it('binary and empty files are refused', async () => {
    expect((await readDataFile(new Uint8Array(0), { kind: 'credit', file: 'x' })).ok).toBe(false);
    expect((await readDataFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), { kind: 'credit', file: 'x' })).ok).toBe(false);
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await readDataFile(ole, { kind: 'credit', file: 'x.xls' });
    expect(r.ok).toBe(false);
  });

  it('reads credit ratings from xlsx: header below a title, dates as cells, years as numbers, every spelling', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2023年度');
    ws.addRow(['重庆市企业环境信用评价结果']);
    ws.addRow(['序号', '统一社会信用代码', '企业名称', '信用等级', '评价年度', '评价日期']);
    ws.addRow([1, A, '甲', '环保诚信企业', 2023, null]);
    ws.addRow([2, B, '乙', '蓝牌', '2022年度', new Date(Date.UTC(2023, 4, 20))]);
    ws.addRow([3, '91620105L015101280', '丙', '优秀', 2023, null]);
    ws.addRow([4, 916201055811843000, '丁', '红牌', 2023, null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readDataFile(bytes, { kind: 'credit', file: 'credit.xlsx' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({ uscc: A, grade: 'trustworthy', effective: '2024-01-01', basis: 'year', year: 2023, src: { row: 3 } });
    expect(r.records[1]).toMatchObject({ uscc: B, grade: 'good', effective: '2023-05-20', basis: 'date' });
    const inv = r.findings.filter((f) => f.code === 'data-row-invalid');
    expect(inv.map((f) => [f.sheet, f.cell])).toEqual([
      ['2023年度', 'D5'],
      ['2023年度', 'B6'],
    ]);
    expect(messageOf(inv[0]!, 'zh')).toContain('“优秀”不是可识别的信用等级');
  });

  it('monitoring: 达标率 kept for the engine (judged against --stable-rate there), missing 是否安装 column means installed', async () => {
    const csv = `统一社会信用代码,是否联网,运行状态,达标率\n${A},是,稳定,98.5%\n${B},是,异常,90%\n`;
    const r = await readDataFile(enc(csv), { kind: 'monitoring', file: 'm.csv' });
    if (!r.ok) throw new Error('x');
    expect(r.records[0]).toMatchObject({ installed: true, networked: true, stable: true, compliant: null, rate: 98.5 });
    expect(r.records[1]).toMatchObject({ stable: false, compliant: null, rate: 90 });
  });

  it('a data file with a header and no rows warns', async () => {
    const r = await readDataFile(enc('统一社会信用代码,评价结果,评价年度\n'), { kind: 'credit', file: 'c.csv' });
    expect(r.ok && r.findings.map((f) => f.code)).toEqual(['data-no-rows']);
  });

  it('undecodable bytes are an error finding on their line', async () => {
    const bytes = new Uint8Array([...iconv.encode(`统一社会信用代码,评价结果,评价年度\n${A},诚信,2023\n`, 'gbk'), 0x81, 0x0a, ...iconv.encode(`${B},良好,2023\n`, 'gbk')]);
    const r = await readDataFile(bytes, { kind: 'credit', file: 'c.csv' });
    if (!r.ok) throw new Error('x');
    // the garbled line is reported twice: as bytes that are not text, and as a row that cannot be used
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([
      ['data-encoding-invalid', 3],
      ['data-row-invalid', 3],
    ]);
    expect(r.records.map((x) => x.uscc)).toEqual([A, B]);
  });
});

describe('objections: read like the other data files', () => {
  const HEAD = '统一社会信用代码,企业名称,异议来源,复核结果,复核日期';

  it('GBK CSV: upheld, rejected, not yet reviewed; the review date optional', async () => {
    const csv = `${HEAD}\r\n${A},重庆甲化工有限公司,区工商联,属实,2022年5月20日\r\n${B},重庆乙材料有限公司,某行业协会,不属实,2022/5/21\r\n${A},重庆甲化工有限公司,区住建委,,\r\n`;
    const r = await readDataFile(new Uint8Array(iconv.encode(csv, 'gbk')), { kind: 'objections', file: 'o.csv' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.encoding).toBe('gb18030');
    expect(r.records.map((o) => [o.uscc, o.source, o.result, o.date])).toEqual([
      [A, '区工商联', 'upheld', '2022-05-20'],
      [B, '某行业协会', 'rejected', '2022-05-21'],
      [A, '区住建委', 'pending', undefined],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('xlsx under other spellings of the headers, with a title row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('异议');
    ws.addRow(['2022年正面清单公示期异议复核情况']);
    ws.addRow(['社会信用代码', '单位名称', '异议提出单位', '复核结论', '复核时间']);
    ws.addRow([A, '甲', '区工商联', '经复核属实', new Date(Date.UTC(2022, 4, 20))]);
    const r = await readDataFile(new Uint8Array(await wb.xlsx.writeBuffer()), { kind: 'objections', file: 'o.xlsx' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.records).toMatchObject([{ uscc: A, source: '区工商联', result: 'upheld', date: '2022-05-20', src: { row: 3 } }]);
  });

  it('--map names an unusual header', async () => {
    const map = parseHeaderMap(JSON.stringify({ objections: { 核实情况: '复核结果' } }));
    if (!map.ok) throw new Error(map.reason.zh);
    const r = await readDataFile(enc(`统一社会信用代码,核实情况\n${A},属实\n`), { kind: 'objections', file: 'o.csv', map: map.map });
    expect(r.ok && r.records.map((o) => o.result)).toEqual(['upheld']);
  });

  it('a bad row is a finding on that row, and the rest is used: an unknown 复核结果, an impossible date', async () => {
    const csv = `${HEAD}\n${A},甲,区工商联,部分采纳,2022-05-20\n${B},乙,某协会,属实,2022-02-30\n${A},甲,区住建委,不属实,2022-06-01\n`;
    const r = await readDataFile(enc(csv), { kind: 'objections', file: 'o.csv' });
    if (!r.ok) throw new Error(r.reason.zh);
    expect(r.records.map((o) => o.result)).toEqual(['rejected']);
    const inv = r.findings.filter((f) => f.code === 'data-row-invalid');
    expect(inv.map((f) => f.cell)).toEqual(['D2', 'E3']);
    expect(messageOf(inv[0]!, 'zh')).toContain('复核结果“部分采纳”无法识别');
    expect(messageOf(inv[1]!, 'zh')).toContain('复核日期“2022-02-30”');
    expect(r.invalid.map((i) => i.uscc)).toEqual([A, B]);
  });

  it('no recognisable header: the file is refused with the reason', async () => {
    const r = await readDataFile(enc('单位,意见\n甲,反对\n'), { kind: 'objections', file: 'o.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toContain('异议复核记录的表头');
    const lacking = await readDataFile(enc(`统一社会信用代码,企业名称\n${A},甲\n`), { kind: 'objections', file: 'o.csv' });
    expect(!lacking.ok && lacking.reason.zh).toContain('缺少 “复核结果” 列');
  });
});
