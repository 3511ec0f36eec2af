/**
 * Hand-built packages: the same book spec written part by part, in each of the forms the file
 * format allows and some producer uses (issue 11, items 1–2): namespace prefixes other than the
 * usual ones, `xmlns:r` declared on each <sheet> (openpyxl), strict namespaces, the workbook part
 * found through _rels/.rels under another name with absolute targets, UTF-16 parts, inline strings,
 * `t="d"` ISO dates, `_xHHHH_` escapes. Formulas carry the result Excel would have saved.
 */
import { zipSync } from 'fflate';
import { isoToSerial } from '../../src/core/workbook/dates.js';
import type { BookSpec, SpecCell, SpecSheet } from './spec.js';

export const HAND_VARIANTS = ['plain', 'prefixed', 'sheet-xmlns-r', 'strict', 'moved', 'utf16', 'inline', 'iso-dates', 'escaped'] as const;
export type HandVariant = (typeof HAND_VARIANTS)[number];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Excel's escape of a character in a string: _xHHHH_ (hex case varies by producer). */
function escapeSome(s: string): string {
  return s.replace(/渝/g, '_x6E1D_').replace(/区/g, '_x533a_');
}

function colLetters(c: number): string {
  let s = '';
  for (; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

interface Names {
  /** element prefix for SpreadsheetML ('' = default namespace) */
  x: string;
  /** prefix of the relationships namespace for r:id */
  r: string;
  main: string;
  rel: string;
  relType: (kind: string) => string;
}

function names(v: HandVariant): Names {
  if (v === 'strict') return { x: '', r: 'r', main: STRICT_MAIN, rel: STRICT_REL, relType: (k) => `${STRICT_REL}/${k}` };
  if (v === 'prefixed') return { x: 'x:', r: 'rel', main: MAIN, rel: REL, relType: (k) => `${REL}/${k}` };
  return { x: '', r: 'r', main: MAIN, rel: REL, relType: (k) => `${REL}/${k}` };
}

function rootNs(n: Names, withR: boolean): string {
  const main = n.x ? `xmlns:${n.x.slice(0, -1)}="${n.main}"` : `xmlns="${n.main}"`;
  return withR ? `${main} xmlns:${n.r}="${n.rel}"` : main;
}

class Styles {
  private readonly fmts: string[] = [];
  xf(fmt: string | undefined): number {
    if (!fmt) return 0;
    let i = this.fmts.indexOf(fmt);
    if (i < 0) i = this.fmts.push(fmt) - 1;
    return i + 1;
  }
  xml(n: Names): string {
    const x = n.x;
    const numFmts = this.fmts.map((f, i) => `<${x}numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('');
    const xfs = this.fmts.map((_, i) => `<${x}xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    return (
      `<${x}styleSheet ${rootNs(n, false)}>` +
      (this.fmts.length ? `<${x}numFmts count="${this.fmts.length}">${numFmts}</${x}numFmts>` : '') +
      `<${x}fonts count="1"><${x}font><${x}sz val="11"/><${x}name val="宋体"/></${x}font></${x}fonts>` +
      `<${x}fills count="2"><${x}fill><${x}patternFill patternType="none"/></${x}fill><${x}fill><${x}patternFill patternType="gray125"/></${x}fill></${x}fills>` +
      `<${x}borders count="1"><${x}border><${x}left/><${x}right/><${x}top/><${x}bottom/><${x}diagonal/></${x}border></${x}borders>` +
      `<${x}cellStyleXfs count="1"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${x}cellStyleXfs>` +
      `<${x}cellXfs count="${this.fmts.length + 1}"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</${x}cellXfs>` +
      `</${x}styleSheet>`
    );
  }
}

function cellXml(cell: SpecCell, v: HandVariant, n: Names, styles: Styles, sst: string[]): string {
  const x = n.x;
  const ref = `${colLetters(cell.c)}${cell.r}`;
  const fmt = cell.fmt ?? (cell.t === 'd' ? 'yyyy-mm-dd' : undefined);
  const s = styles.xf(fmt);
  const sAttr = s ? ` s="${s}"` : '';
  switch (cell.t) {
    case 's': {
      const text = v === 'escaped' ? escapeSome(cell.v as string) : (cell.v as string);
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      if (v === 'inline') return `<${x}c r="${ref}"${sAttr} t="inlineStr"><${x}is><${x}t${space}>${esc(text)}</${x}t></${x}is></${x}c>`;
      let i = sst.indexOf(text);
      if (i < 0) i = sst.push(text) - 1;
      return `<${x}c r="${ref}"${sAttr} t="s"><${x}v>${i}</${x}v></${x}c>`;
    }
    case 'n':
      return `<${x}c r="${ref}"${sAttr}><${x}v>${String(cell.v)}</${x}v></${x}c>`;
    case 'b':
      return `<${x}c r="${ref}"${sAttr} t="b"><${x}v>${cell.v ? 1 : 0}</${x}v></${x}c>`;
    case 'd':
      if (v === 'iso-dates') return `<${x}c r="${ref}"${sAttr} t="d"><${x}v>${String(cell.v)}</${x}v></${x}c>`;
      return `<${x}c r="${ref}"${sAttr}><${x}v>${isoToSerial(cell.v as string)}</${x}v></${x}c>`;
    case 'f':
      return `<${x}c r="${ref}"${sAttr}><${x}f>${esc(cell.v as string)}</${x}f><${x}v>${cell.cached ?? 0}</${x}v></${x}c>`;
  }
}

function sheetXml(sheet: SpecSheet, v: HandVariant, n: Names, styles: Styles, sst: string[]): string {
  const x = n.x;
  const byRow = new Map<number, SpecCell[]>();
  for (const c of sheet.cells) byRow.set(c.r, [...(byRow.get(c.r) ?? []), c]);
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map(
      (r) =>
        `<${x}row r="${r}">${byRow
          .get(r)!
          .sort((a, b) => a.c - b.c)
          .map((c) => cellXml(c, v, n, styles, sst))
          .join('')}</${x}row>`,
    )
    .join('');
  const merges = sheet.merges.length ? `<${x}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${x}mergeCell ref="${m}"/>`).join('')}</${x}mergeCells>` : '';
  return `<${x}worksheet ${rootNs(n, true)}><${x}sheetData>${rows}</${x}sheetData>${merges}</${x}worksheet>`;
}

function sstXml(sst: string[], n: Names): string {
  const x = n.x;
  const items = sst.map((t) => `<${x}si><${x}t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${esc(t)}</${x}t></${x}si>`).join('');
  return `<${x}sst ${rootNs(n, false)} count="${sst.length}" uniqueCount="${sst.length}">${items}</${x}sst>`;
}

function encode(xml: string, v: HandVariant): Uint8Array {
  if (v !== 'utf16') return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  const text = `\uFEFF<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${xml}`;
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 * i] = u & 0xff;
    out[2 * i + 1] = u >> 8;
  }
  return out;
}

/** The spec as one hand-built .xlsx package in the given form. */
export function handBuild(spec: BookSpec, v: HandVariant): Uint8Array {
  const n = names(v);
  const x = n.x;
  const moved = v === 'moved';
  // part names: the usual ones, or (moved) another folder and names, reached through absolute targets
  const wbPart = moved ? 'book/main.xml' : 'xl/workbook.xml';
  const wbRels = moved ? 'book/_rels/main.xml.rels' : 'xl/_rels/workbook.xml.rels';
  const dir = moved ? 'book/' : 'xl/';
  const sheetPart = (i: number) => (moved ? `book/data/table-${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`);
  const target = (part: string) => (moved ? `/${part}` : part.slice(dir.length));

  const styles = new Styles();
  const sst: string[] = [];
  const files: Record<string, Uint8Array> = {};
  spec.sheets.forEach((s, i) => (files[sheetPart(i)] = encode(sheetXml(s, v, n, styles, sst), v)));
  files[`${dir}styles.xml`] = encode(styles.xml(n), v);
  const withSst = sst.length > 0;
  if (withSst) files[`${dir}sharedStrings.xml`] = encode(sstXml(sst, n), v);

  const sheetOpen = v === 'sheet-xmlns-r';
  const sheets = spec.sheets.map((s, i) => `<${x}sheet${sheetOpen ? ` xmlns:r="${n.rel}"` : ''} name="${esc(s.name)}" sheetId="${i + 1}" ${n.r}:id="rId${i + 1}"/>`).join('');
  files[wbPart] = encode(`<${x}workbook ${rootNs(n, !sheetOpen)}><${x}workbookPr/><${x}sheets>${sheets}</${x}sheets><${x}calcPr calcId="191029"/></${x}workbook>`, v);

  const k = spec.sheets.length;
  const rels = [
    ...spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${n.relType('worksheet')}" Target="${target(sheetPart(i))}"/>`),
    `<Relationship Id="rId${k + 1}" Type="${n.relType('styles')}" Target="${target(`${dir}styles.xml`)}"/>`,
    ...(withSst ? [`<Relationship Id="rId${k + 2}" Type="${n.relType('sharedStrings')}" Target="${target(`${dir}sharedStrings.xml`)}"/>`] : []),
  ];
  files[wbRels] = encode(`<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`, v);
  files['_rels/.rels'] = encode(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${n.relType('officeDocument')}" Target="/${wbPart}"/></Relationships>`, v);

  const overrides = [
    `<Override PartName="/${wbPart}" ContentType="${CT}.sheet.main+xml"/>`,
    ...spec.sheets.map((_, i) => `<Override PartName="/${sheetPart(i)}" ContentType="${CT}.worksheet+xml"/>`),
    `<Override PartName="/${dir}styles.xml" ContentType="${CT}.styles+xml"/>`,
    ...(withSst ? [`<Override PartName="/${dir}sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`] : []),
  ];
  files['[Content_Types].xml'] = encode(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join('')}</Types>`,
    v,
  );
  return zipSync(files, { level: 6 });
}
