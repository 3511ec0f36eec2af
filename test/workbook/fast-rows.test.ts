/**
 * The sheetData scanner (src/core/workbook/fast/rows.ts) must give the worksheet handler exactly
 * what saxes gives it, or step aside (Bail) so saxes parses the part: compared here on
 * hand-written sheets, every fixture's sheets, random chunkings and mutated documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { styleInfo } from '../../src/core/workbook/fast/compat.js';
import { SharedStringsParser } from '../../src/core/workbook/fast/parts.js';
import { SheetParser, type SharedString } from '../../src/core/workbook/fast/sheet.js';
import { Namespaces, parseSheetText, saxesFor, streamText } from '../../src/core/workbook/fast/xml.js';
import { readZipDirectory } from '../../src/core/workbook/zipdir.js';

const SST: SharedString[] = Array.from({ length: 50 }, (_, i) => `共享字符串${i}`);
const STYLES = [styleInfo(undefined), styleInfo('yyyy-mm-dd'), styleInfo('@')];

function parser(): SheetParser {
  return new SheetParser({ sst: SST, styles: STYLES, missing: styleInfo(undefined), date1904: false });
}

type Outcome = { ok: true; sheet: ReturnType<SheetParser['finish']> } | { ok: false };

/** saxes alone, fed the given chunks */
function viaSaxes(chunks: string[]): Outcome {
  try {
    const h = parser();
    const p = saxesFor(h, new Namespaces());
    for (const c of chunks) p.write(c);
    p.close();
    return { ok: true, sheet: h.finish() };
  } catch {
    return { ok: false };
  }
}

/** the hybrid path (scanner for sheetData), fed the given chunks */
function viaHybrid(chunks: string[]): { outcome: Outcome; mode?: 'fast' | 'saxes' } {
  try {
    const r = parseSheetText((sink) => chunks.forEach((c) => sink(c)), parser);
    return { outcome: { ok: true, sheet: r.handler.finish() }, mode: r.mode };
  } catch {
    return { outcome: { ok: false } };
  }
}

function plain(o: Outcome) {
  if (!o.ok) return 'error';
  return { rows: [...o.sheet.rows].map(([r, m]) => [r, [...m]]), merges: o.sheet.merges, hidden: [...o.sheet.hiddenRows] };
}

/** Split text into chunks at pseudo-random places (seeded). */
function chunked(text: string, seed: number, max: number): string[] {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < text.length;) {
    x = (x * 1103515245 + 12345) >>> 0;
    const n = 1 + (x % max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:D9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
const TAIL = '<mergeCells count="1"><mergeCell ref="A8:B8"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

const ROWS = [
  '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45352.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c></row>',
  '<row r="2" ht="30" customHeight="1" hidden="1">\n  <c r="A2" t="inlineStr"><is><t xml:space="preserve"> 行内 &amp; &lt;文本&gt; &#x4E2D;&#20013; </t></is></c>\n  <c r="B2" t="inlineStr"><is><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>富</t></r><r><t>文本_x000D_</t></r><rPh sb="0" eb="1"><t>フ</t></rPh><phoneticPr fontId="1" type="noConversion"/></is></c>\n</row>',
  "<row r='3'><c r='A3' s='2' t='str'><f>\"a\"&amp;\"b\"</f><v>ab</v></c><c r='B3'><f t='shared' ref='B3:B5' si='0'>A3*2</f><v>4</v></c></row>",
  '<row r="4"><c r="B4"><f t="shared" si="0"/><v>6</v></c><c r="C4"><f>SUM(A1:A3)</f></c><c r="D4" s="1"/></row>',
  '<row r="5"><c r="B5"><f t="shared" si="0"/><v></v></c><c r="C5"><v/></c><c r="D5" t="inlineStr"><is><t/></is></c></row>',
  '<row r="6"/><row r="7" hidden="1"/>',
  '<row r="8"><c r="A8" t="s"><v>3</v></c><c r="B8"><v>2</v></c></row>',
  '<row><c><v>1</v></c><c t="s"><v>4</v></c></row>',
];
const DOC = `${HEAD}<sheetData>${ROWS.join('')}</sheetData>${TAIL}`;

describe('sheetData scanner = saxes', () => {
  it('on a sheet using every construct it handles, whole and in random chunks', () => {
    const whole = viaHybrid([DOC]);
    expect(whole.mode).toBe('fast');
    expect(plain(whole.outcome)).toEqual(plain(viaSaxes([DOC])));
    expect(plain(whole.outcome)).not.toBe('error');
    for (let seed = 1; seed <= 60; seed++) {
      const chunks = chunked(DOC, seed, seed % 3 === 0 ? 7 : 400);
      const h = viaHybrid(chunks);
      expect(h.mode).toBe('fast');
      expect(plain(h.outcome)).toEqual(plain(viaSaxes(chunks)));
    }
  });

  it('with a namespace prefix, and steps aside for other prefixes', () => {
    const prefixed = DOC.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (m, sl: string, n: string) => `<${sl}x:${n}`);
    const h = viaHybrid([prefixed]);
    expect(h.mode).toBe('fast');
    expect(plain(h.outcome)).toEqual(plain(viaSaxes([DOC])));
    // an element of another namespace inside a cell: saxes decides
    const foreign = DOC.replace('<v>4</v></c></row>', '<v>4</v><x14ac:foo/></c></row>');
    const f = viaHybrid([foreign]);
    expect(f.mode).toBe('saxes');
    expect(plain(f.outcome)).toEqual(plain(viaSaxes([foreign])));
  });

  it('passes long text runs on in pieces without splitting an entity or ]]>', () => {
    const long = ('长文本&amp;x&#x4E2D;]]' + ' '.repeat(50)).repeat(4000);
    const doc = DOC.replace('<row r="6"/>', `<row r="6"><c r="A6" t="inlineStr"><is><t>${long}</t></is></c></row>${' '.repeat(200_000)}`);
    for (const max of [1000, 70_000, 300_000]) {
      const chunks = chunked(doc, max, max);
      const h = viaHybrid(chunks);
      expect(h.mode).toBe('fast');
      expect(plain(h.outcome)).toEqual(plain(viaSaxes(chunks)));
    }
    const bad = DOC.replace('<row r="6"/>', `<row r="6"><c r="A6" t="inlineStr"><is><t>${'x'.repeat(100_000)}]]>y</t></is></c></row>`);
    expect(viaHybrid(chunked(bad, 3, 65_000)).outcome).toEqual({ ok: false });
  });

  it('finds sheetData only where saxes does (not in a comment)', () => {
    const tricky = DOC.replace('<sheetViews>', '<!-- <sheetData> --><sheetViews>');
    const h = viaHybrid(chunked(tricky, 5, 50));
    expect(h.mode).toBe('fast');
    expect(plain(h.outcome)).toEqual(plain(viaSaxes([tricky])));
    const empty = `${HEAD}<sheetData/>${TAIL}`;
    expect(plain(viaHybrid([empty]).outcome)).toEqual(plain(viaSaxes([empty])));
  });

  it('steps aside for comments, CDATA, CR, DOCTYPE-like markup and odd names, and agrees on the result', () => {
    const variants = [
      DOC.replace('<row r="6"/>', '<!-- note --><row r="6"/>'),
      DOC.replace('<v>6</v>', '<v><![CDATA[6]]></v>'),
      DOC.replace('<row r="6"/>', '<row r="6"/>\r\n'),
      DOC.replace('<row r="6"/>', '<?pi x?><row r="6"/>'),
      DOC.replace('<row r="6"/>', '<row r="6" 名="1"/>'),
      DOC.replace('<row r="6"/>', '<row r="6" xmlns:y="urn:y"/>'),
    ];
    for (const v of variants) {
      const h = viaHybrid(chunked(v, 3, 97));
      expect(h.mode).toBe('saxes');
      expect(plain(h.outcome)).toEqual(plain(viaSaxes([v])));
    }
  });

  it('agrees with saxes on 600 mutated documents (accepting, refusing, or stepping aside)', () => {
    const start = DOC.indexOf('<sheetData>') + '<sheetData>'.length;
    const end = DOC.indexOf('</sheetData>');
    const pieces = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      '&',
      ';',
      '&amp;',
      '&bogus;',
      '&#0;',
      ' ',
      '\n',
      '\u0001',
      ']]>',
      '<c>',
      '</c>',
      '<v>',
      '</row>',
      'r="A1"',
      '\uFFFE',
      '<!--',
      '-->',
    ];
    let x = 20240301;
    const rand = (n: number) => (x = (x * 1103515245 + 12345) >>> 0) % n;
    let fast = 0;
    let refused = 0;
    for (let k = 0; k < 600; k++) {
      let doc = DOC;
      for (let m = 0; m <= rand(3); m++) {
        const at = start + rand(end - start);
        switch (rand(4)) {
          case 0:
            doc = doc.slice(0, at) + doc.slice(at + 1 + rand(4));
            break;
          case 1:
            doc = doc.slice(0, at) + pieces[rand(pieces.length)]! + doc.slice(at);
            break;
          case 2: {
            const len = 1 + rand(30);
            doc = doc.slice(0, at) + doc.slice(at, at + len) + doc.slice(at);
            break;
          }
          default:
            doc = doc.slice(0, at) + doc.slice(at + 1, at + 2) + doc.slice(at, at + 1) + doc.slice(at + 2);
        }
      }
      const chunks = chunked(doc, k + 1, 300);
      const s = viaSaxes(chunks);
      const h = viaHybrid(chunks);
      expect(plain(h.outcome)).toEqual(plain(s));
      if (h.mode === 'fast') fast++;
      if (!s.ok) refused++;
    }
    // the mutations exercise all three outcomes
    expect(fast).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});

describe('the scanner on shared strings = saxes', () => {
  const SST_DOC =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="6" uniqueCount="6">` +
    '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' +
    '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">重 </t></r><r><t>庆_x000D_</t></r></si>' +
    '<si><t>a &amp; b &lt; c &#x4E2D;</t></si><si></si><si><t/></si>\n<si><r><t>x</t></r><t>y</t></si></sst>';

  function viaSaxesSst(chunks: string[]): SharedString[] | 'error' {
    try {
      const h = new SharedStringsParser();
      const p = saxesFor(h, new Namespaces());
      for (const c of chunks) p.write(c);
      p.close();
      return h.strings;
    } catch {
      return 'error';
    }
  }
  function viaHybridSst(chunks: string[]): { r: SharedString[] | 'error'; mode?: string } {
    try {
      const x = parseSheetText(
        (sink) => chunks.forEach((c) => sink(c)),
        () => new SharedStringsParser(),
        'sst',
      );
      return { r: x.handler.strings, mode: x.mode };
    } catch {
      return { r: 'error' };
    }
  }

  it('reads every item shape the same, whole, chunked and mutated', () => {
    const whole = viaHybridSst([SST_DOC]);
    expect(whole.mode).toBe('fast');
    expect(whole.r).toEqual(['漢字', '重 庆\r', 'a & b < c 中', null, '', 'y']);
    expect(whole.r).toEqual(viaSaxesSst([SST_DOC]));
    let x = 7;
    const rand = (n: number) => (x = (x * 1103515245 + 12345) >>> 0) % n;
    for (let k = 0; k < 300; k++) {
      let doc = SST_DOC;
      if (k > 0) {
        const at = SST_DOC.indexOf('<si>') + rand(SST_DOC.length - SST_DOC.indexOf('<si>'));
        doc = rand(2) ? doc.slice(0, at) + doc.slice(at + 1) : doc.slice(0, at) + ['<', '&', '/', '"', '>', '<si>', '</t>'][rand(7)] + doc.slice(at);
      }
      const chunks = chunked(doc, k + 3, 50);
      expect(viaHybridSst(chunks).r).toEqual(viaSaxesSst(chunks));
    }
  });
});

describe('sheetData scanner = saxes on every fixture sheet', () => {
  const root = path.resolve(__dirname, '..', '..', 'fixtures');
  const files: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.xlsx$/i.test(n)) files.push(p);
    }
  };
  walk(root);

  it('reads each sheet part the same way both ways', () => {
    let sheets = 0;
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(f));
      const dir = readZipDirectory(bytes);
      if ('error' in dir) continue;
      // parts up to 8 MB: the big ones (a million empty rows) are compared with exceljs in fast-diff.test.ts
      for (const e of dir.entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name) && x.uncompressedSize <= 8 * 1024 * 1024)) {
        const chunks: string[] = [];
        try {
          streamText(bytes, e, (s) => chunks.push(s));
        } catch {
          continue; // a damaged entry: not the scanner's business
        }
        const h = viaHybrid(chunks);
        expect(plain(h.outcome), `${f} ${e.name}`).toEqual(plain(viaSaxes(chunks)));
        sheets++;
      }
    }
    expect(sheets).toBeGreaterThan(0);
  }, 120_000);
});
