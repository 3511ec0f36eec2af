/**
 * Differential test of the row stream (fast/stream.ts, open.ts streamWorkbook) against the grid:
 * every row streamed holds exactly the cells loadFast's grid holds for it, on every .xlsx under
 * fixtures/ and on sheets built to hit each case where the stream must give up (NotStreamable).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CellRow, loadFastSync, NotStreamable, streamSheets } from '../../src/core/workbook/fast/index.js';
import type { GridCell, GridWorkbook } from '../../src/core/workbook/grid.js';
import { openWorkbook, streamWorkbook } from '../../src/core/workbook/open.js';
import { Namespaces, parseSheetText, saxesFor, Utf8Chunks } from '../../src/core/workbook/fast/xml.js';
import { SheetParser } from '../../src/core/workbook/fast/sheet.js';
import { SharedStringsParser } from '../../src/core/workbook/fast/parts.js';
import { styleInfo } from '../../src/core/workbook/fast/compat.js';
import { prng } from '../../scripts/fixtures/random.js';
import { rewriteZip, xlsx } from './helpers.js';

type Rows = [number, [number, GridCell][]][];
interface Streamed {
  name: string;
  state: string;
  rows: Rows;
  ended: boolean;
}

function gridRows(wb: GridWorkbook): { name: string; state: string; rows: Rows; ended: boolean }[] {
  return wb.sheets.map((s) => ({ name: s.name, state: s.state, rows: [...s.rows].map(([r, cells]) => [r, [...cells]] as [number, [number, GridCell][]]), ended: true }));
}

/** Every sheet's rows as streamed (copied: the stream's maps are reused). */
function collect(bytes: Uint8Array): Streamed[] {
  const out: Streamed[] = [];
  streamSheets(bytes, {
    onSheet(name, state) {
      const s: Streamed = { name, state, rows: [], ended: false };
      out.push(s);
      return {
        row: (r, cells) => {
          const last = s.rows[s.rows.length - 1];
          if (last && last[0] >= r) throw new Error(`row ${r} after ${last[0]}`);
          s.rows.push([r, [...cells]]);
        },
        end: () => {
          s.ended = true;
        },
      };
    },
  });
  return out;
}

function outcome<T>(f: () => T): { ok: true; value: T } | { ok: false; err: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (err) {
    return { ok: false, err };
  }
}

const SHEET1 = 'xl/worksheets/sheet1.xml';

/** A one-sheet workbook whose sheetData (and optionally merges) are replaced by the given XML. */
async function sheet(rowsXml: string, mergesXml = ''): Promise<Uint8Array> {
  const b = await xlsx((wb) => {
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'x';
  });
  return rewriteZip(b, (name, text) => {
    if (name !== SHEET1) return undefined;
    let t = text.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rowsXml}</sheetData>`).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '');
    if (mergesXml) t = t.replace('</sheetData>', `</sheetData><mergeCells>${mergesXml}</mergeCells>`);
    return t;
  });
}

const c = (ref: string, v: number | string) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);

describe('streamSheets = the grid, or NotStreamable', () => {
  it('rows and cells as the grid holds them: unsorted columns, a styled empty cell', async () => {
    const bytes = await sheet(`<row r="1">${c('C1', 3)}${c('A1', 1)}${c('B1', 'b')}</row>` + `<row r="5"><c r="A5" s="1"/></row>` + `<row r="7">${c('D7', 'end')}</row>`);
    const grid = gridRows(loadFastSync(bytes));
    const streamed = collect(bytes);
    expect(streamed).toStrictEqual(grid);
    expect(streamed[0]!.rows.map(([r]) => r)).toEqual([1, 7]);
    expect(streamed[0]!.rows[0]![1].map(([col]) => col)).toEqual([1, 2, 3]);
  });

  it('a cell written twice does not stream: the grid reads it, with its note (a finding of openWorkbook)', async () => {
    for (const row of [`<row r="2">${c('A2', 1)}${c('A2', 2)}</row>`, `<row r="4">${c('B4', 5)}<c r="B4" s="1"/></row>`]) {
      const bytes = await sheet(row);
      expect(() => collect(bytes)).toThrow(NotStreamable);
      expect(loadFastSync(bytes).notes?.map((n) => n.kind)).toEqual(['duplicate-cell']);
    }
  });

  it('merges over empty slave cells stream; a merge over a streamed cell or an empty row does not', async () => {
    const rows = `<row r="1">${c('A1', '标题')}</row><row r="2">${c('A2', 'a')}${c('B2', 'b')}${c('E2', 'e')}</row><row r="3">${c('B3', 'x')}${c('C3', 'y')}</row>`;
    const fine = await sheet(rows, '<mergeCell ref="A1:E1"/><mergeCell ref="A2:A3"/><mergeCell ref="C2:D2"/>');
    expect(collect(fine)).toStrictEqual(gridRows(loadFastSync(fine)));

    const over = await sheet(rows, '<mergeCell ref="A2:B2"/>');
    expect(() => collect(over)).toThrow(NotStreamable);
    const lower = await sheet(rows, '<mergeCell ref="B2:C3"/>');
    expect(() => collect(lower)).toThrow(NotStreamable);
    const emptied = await sheet(`${rows}<row r="4">${c('A4', 1)}<c r="A4" s="1"/></row>`, '<mergeCell ref="A4:A4"/>');
    expect(() => collect(emptied)).toThrow(NotStreamable);
    // and the grid did delete those cells
    expect(loadFastSync(over).sheets[0]!.rows.get(2)!.has(2)).toBe(false);
    expect(loadFastSync(emptied).sheets[0]!.rows.has(4)).toBe(false);
  });

  it('past the first hundred rows a merge is judged by the first and last column: it may give up needlessly, never wrongly', async () => {
    let rows = '';
    for (let r = 1; r <= 150; r++) rows += `<row r="${r}">${c(`A${r}`, r)}${c(`D${r}`, r)}</row>`;
    const early = await sheet(rows, '<mergeCell ref="B10:C10"/>');
    expect(collect(early)).toStrictEqual(gridRows(loadFastSync(early)));
    const late = await sheet(rows, '<mergeCell ref="B120:C120"/>');
    expect(() => collect(late)).toThrow(NotStreamable);
  });

  it('a row number again or out of order is NotStreamable (the grid keeps the last <row> of a number)', async () => {
    for (const rows of [`<row r="2">${c('A2', 1)}</row><row r="1">${c('A1', 1)}</row>`, `<row r="1">${c('A1', 1)}</row><row r="1">${c('B1', 2)}</row>`]) {
      const bytes = await sheet(rows);
      expect(() => collect(bytes)).toThrow(NotStreamable);
      expect(loadFastSync(bytes).sheets[0]!.rows.size).toBeGreaterThan(0);
    }
  });

  it('rows without r= are placed as the grid places them', async () => {
    const bytes = await sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c><v>3</v></c></row><row><c r="C4"><v>4</v></c></row>');
    expect(collect(bytes)).toStrictEqual(gridRows(loadFastSync(bytes)));
  });

  it('the scanner stepping aside: before any row the part is read again with saxes; after rows went out, NotStreamable', async () => {
    const before = await sheet(`<!-- a comment --><row r="1">${c('A1', 1)}</row>`);
    expect(collect(before)).toStrictEqual(gridRows(loadFastSync(before)));
    const after = await sheet(`<row r="1">${c('A1', 1)}</row><!-- a comment --><row r="2">${c('A2', 2)}</row>`);
    expect(() => collect(after)).toThrow(NotStreamable);
    expect(loadFastSync(after).sheets[0]!.rows.size).toBe(2);
  });

  it('skips a sheet whose visitor is null, and throws what loadFast throws', async () => {
    const b = await xlsx((wb) => {
      wb.addWorksheet('a').getCell('A1').value = 1;
      wb.addWorksheet('b').getCell('A1').value = 2;
    });
    const seen: string[] = [];
    streamSheets(b, { onSheet: (name) => (seen.push(name), name === 'a' ? null : { row: (r) => seen.push(`row ${r}`) }) });
    expect(seen).toEqual(['a', 'b', 'row 1']);
    expect(() => collect(new Uint8Array([1, 2, 3]))).toThrow();
    const overlapping = await sheet(`<row r="1">${c('A1', 1)}</row>`, '<mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/>');
    expect(() => loadFastSync(overlapping)).toThrow(/overlapping merges/);
    expect(() => collect(overlapping)).toThrow(/overlapping merges/);
  });
});

describe('streamWorkbook', () => {
  it('true: the visitors saw openWorkbook’s grid; false for what openWorkbook does not read with the fast reader without complaint', async () => {
    const good = await sheet(`<row r="1">${c('A1', 1)}</row>`);
    const rows: number[] = [];
    expect(streamWorkbook(good, () => ({ row: (r) => rows.push(r) }))).toBe(true);
    expect(rows).toEqual([1]);
    expect(streamWorkbook(new TextEncoder().encode('a,b\n1,2\n'), () => null)).toBe(false);
    expect(streamWorkbook(good, () => null, { maxBytes: 100 })).toBe(false);
    expect((await openWorkbook(good, { maxBytes: 100 })).ok).toBe(false);
    const late = await sheet(`<row r="2">${c('A2', 1)}</row><row r="1">${c('A1', 1)}</row>`);
    expect(streamWorkbook(late, () => ({ row: () => {} }))).toBe(false);
  });

  it('passes on what a visitor throws', async () => {
    const good = await sheet(`<row r="1">${c('A1', 1)}</row>`);
    expect(() =>
      streamWorkbook(good, () => ({
        row: () => {
          throw new RangeError('mine');
        },
      })),
    ).toThrow(RangeError);
  });
});

describe('whole plain cells (the scanner’s plainCell) = their events', () => {
  const ctx = { sst: ['零', '一', '二'], styles: [styleInfo(undefined), styleInfo('yyyy-mm-dd')], missing: styleInfo(undefined), date1904: false };
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const doc = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
  const grid = (h: SheetParser) => {
    const g = h.finish();
    return [...g.rows].map(([r, m]) => [r, [...m]]);
  };
  const viaSaxes = (text: string) => {
    try {
      const h = new SheetParser(ctx);
      const p = saxesFor(h, new Namespaces());
      p.write(text);
      p.close();
      return grid(h);
    } catch (err) {
      return `error ${(err as Error).message}`;
    }
  };
  const viaScanner = (chunks: string[]) => {
    try {
      const r = parseSheetText(
        (sink) => chunks.forEach((c) => sink(c)),
        () => new SheetParser(ctx),
      );
      return { mode: r.mode, grid: grid(r.handler) };
    } catch (err) {
      return { mode: 'fast', grid: `error ${(err as Error).message}` };
    }
  };
  it('in rows, out of rows, inside other elements, empty, with every type, cut anywhere', () => {
    const cases = [
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>45352</v></c><c r="C1" s="1" t="n"><v>2.5</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><v>文本</v></c></row>',
      '<row r="2"><c r="A2"><v></v></c><c r="B2" t="s"><v></v></c><c r="C2" s="0"><v>x</v></c><c r="$D$2"><v>4</v></c></row>',
      '<c r="A3"><v>1</v></c><row r="4"><c r="A4"><v>1</v></c></row>',
      '<row r="5"><foo><c r="A5"><v>1</v></c></foo><c r="B5"><v>2</v></c></row>',
      '<row r="6"><c r="A6" t="s"><v>7</v></c></row>',
      '<row r="7"><c r="a7"><v>1</v></c></row>',
      '<row r="8"><c r="A8" s="9"><v>1</v></c><c r="B8" t="inlineStr"><v>直接</v></c></row>',
      '<row r="9"><c r="A9" t="s" s="1"><v>2</v></c><c r="B9"  s="1"><v>1</v></c><c r="C9" s="1" ><v>1</v></c><c r="D9"><v>a&amp;b</v></c><c r="E9"><v>a>b</v></c></row>',
      '<row r="10"><c r="$A$10"><v>1</v></c><c r="XFD10"><v>2</v></c></row>',
      ...['A1B', 'XFE11', 'A0', 'A1048577', '11', 'AB', '$'].map((ref) => `<row r="11"><c r="${ref}"><v>1</v></c></row>`),
    ];
    for (const rows of [...cases, cases.join('')]) {
      const text = doc(rows);
      const expected = viaSaxes(text);
      for (let cut = 0; cut <= text.length; cut += 7) {
        const got = viaScanner([text.slice(0, cut), text.slice(cut)]);
        expect(got.grid, `${rows} cut at ${cut}`).toEqual(expected);
      }
    }
  });
});

describe('whole plain shared strings (the scanner’s plainString) = their events', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const doc = (items: string) => `<sst xmlns="${MAIN}" count="9">${items}</sst>`;
  const viaSaxes = (text: string) => {
    try {
      const h = new SharedStringsParser();
      const p = saxesFor(h, new Namespaces());
      p.write(text);
      p.close();
      return h.strings;
    } catch (err) {
      return `error ${(err as Error).message}`;
    }
  };
  it('plain, preserved, empty, escaped, rich, nested in something else, cut anywhere', () => {
    const items = [
      '<si><t>重庆甲公司</t></si><si><t xml:space="preserve"> 两边空格 </t></si><si><t></t></si><si><t/></si>',
      '<si><t>a_x000D_b_x005F_x0041_</t></si><si><t>x&amp;y</t></si><si><t>a>b</t></si>',
      '<si><r><t>富</t></r><r><t>文本</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si>',
      '<foo><si><t>里面</t></si></foo><si><t>后面</t></si>',
      '<si><t>x</t><t>y</t></si><si> <t>z</t></si>',
    ];
    for (const it of [...items, items.join('')]) {
      const text = doc(it);
      const expected = viaSaxes(text);
      for (let cut = 0; cut <= text.length; cut += 5) {
        let got: unknown;
        try {
          got = parseSheetText(
            (sink) => [text.slice(0, cut), text.slice(cut)].forEach((c) => sink(c)),
            () => new SharedStringsParser(),
            'sst',
          ).handler.strings;
        } catch (err) {
          got = `error ${(err as Error).message}`;
        }
        expect(got, `${it} cut at ${cut}`).toEqual(expected);
      }
    }
  });
});

describe('CellRow = a Map of column → cell', () => {
  it('under random sets, overwrites, deletes and clears', () => {
    const rand = prng(11);
    const row = new CellRow();
    let map = new Map<number, GridCell>();
    for (let k = 0; k < 5000; k++) {
      const op = rand();
      const col = 1 + Math.floor(rand() * 12);
      if (op < 0.6) {
        const cell: GridCell = { t: 'n', v: k };
        if (op < 0.3) row.set(col, cell);
        else row.setShared(col, cell, k);
        map.set(col, cell);
        expect(row.sharedIndex(col)).toBe(op < 0.3 ? -1 : k);
      } else if (op < 0.8) expect(row.delete(col)).toBe(map.delete(col));
      else if (op < 0.85) {
        row.clear();
        map = new Map();
      } else if (op < 0.9) {
        row.sortColumns();
        map = new Map([...map].sort((a, b) => a[0] - b[0]));
      }
      expect(row.size).toBe(map.size);
      expect([...row]).toEqual([...map]);
      expect([...row.keys()]).toEqual([...map.keys()]);
      expect([...row.values()]).toEqual([...map.values()]);
      expect(row.get(col)).toBe(map.get(col));
      expect(row.has(col)).toBe(map.has(col));
      if (!map.has(col)) expect(row.sharedIndex(col)).toBe(-1);
      const seen: [number, GridCell][] = [];
      row.forEach((cell, c) => seen.push([c, cell]));
      expect(seen).toEqual([...map]);
    }
  });
});

describe('Utf8Chunks = one streaming TextDecoder', () => {
  const pieces = [
    [0x61],
    [0x3c, 0x2f],
    [0xef, 0xbb, 0xbf],
    [0xe4, 0xb8, 0xad],
    [0xc3, 0xa9],
    [0xf0, 0x9f, 0x98, 0x80],
    [0x80],
    [0xbf],
    [0xc0],
    [0xc1],
    [0xe0, 0x80],
    [0xe4, 0xb8],
    [0xf0, 0x9f],
    [0xf4, 0x90, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf5],
    [0xff],
    [0xe0, 0xa0],
    [0xc2],
  ];
  it('for random valid and broken UTF-8 cut at random places, a BOM at the start or not', () => {
    const rand = prng(6);
    for (let k = 0; k < 2000; k++) {
      const bytes: number[] = rand() < 0.3 ? [0xef, 0xbb, 0xbf] : [];
      const len = Math.floor(rand() * 40);
      for (let i = 0; i < len; i++) bytes.push(...pieces[Math.floor(rand() * (rand() < 0.7 ? 6 : pieces.length))]!);
      const all = new Uint8Array(bytes);
      const expected = new TextDecoder('utf-8').decode(all);
      const d = new Utf8Chunks();
      let out = '';
      let at = 0;
      while (at < all.length) {
        const next = Math.min(all.length, at + Math.floor(rand() * 6));
        out += d.decode(all.subarray(at, next), false);
        at = next;
      }
      out += d.decode(new Uint8Array(0), true);
      expect(out, JSON.stringify(bytes)).toBe(expected);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Every fixture

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures');

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.xlsx$/i.test(n)) out.push(p);
  }
  return out;
}

/** Fixtures that cannot be streamed exactly, by path under fixtures/, and why: they are read as a grid. */
const NOT_STREAMABLE: Record<string, string> = {
  'bad/annex/巫溪县附表2-合并单元格.xlsx': 'merged cells over cells that hold values (B6:C6): the grid drops the slave cells, known only at the end of the part',
};

describe('every fixture: the stream is the grid', () => {
  const fixtures = walk(FIXTURES);
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(100));
  for (const file of fixtures) {
    const rel = path.relative(FIXTURES, file);
    it(rel, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const grid = outcome(() => gridRows(loadFastSync(bytes)));
      const stream = outcome(() => collect(bytes));
      if (!grid.ok) {
        // refused by the fast reader: refused by the stream too
        expect(stream.ok).toBe(false);
        return;
      }
      if (rel in NOT_STREAMABLE) {
        expect(stream.ok).toBe(false);
        if (!stream.ok) expect(stream.err).toBeInstanceOf(NotStreamable);
      } else {
        if (!stream.ok) throw stream.err;
        expect(stream.value).toStrictEqual(grid.value);
      }
      // and through openWorkbook's checks: true exactly when openWorkbook opens it with the fast reader
      const seen: Rows[] = [];
      const ok = streamWorkbook(bytes, () => {
        const rows: Rows = [];
        seen.push(rows);
        return { row: (r, cells) => rows.push([r, [...cells]]) };
      });
      const opened = await openWorkbook(bytes);
      if (ok) {
        expect(opened.ok).toBe(true);
        if (opened.ok) expect(seen).toStrictEqual(gridRows(opened.workbook).map((s) => s.rows));
      } else expect(!opened.ok || rel in NOT_STREAMABLE).toBe(true);
    });
  }
});
