/**
 * The big hostile inputs of issue 14, generated at test time (never committed): each is a few to
 * 50 MB, written in seconds. Shared by the robustness tests and by `node dist/test/robust/big.js DIR`
 * (the before/after measurements).
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync, zipSync, strToU8, type Zippable } from 'fflate';
import { usccCheckChar } from '../../src/core/ids/uscc.js';

const TEMPLATE_NAME = path.join('templates', '附表2-监督执法正面清单企业列表.xlsx');
/** The template from the checkout: beside this module's test/robust (vitest), else the working folder. */
function templatePath(): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  for (const p of [path.resolve(here, '..', '..', TEMPLATE_NAME), path.resolve(TEMPLATE_NAME)]) if (existsSync(p)) return p;
  throw new Error(`template ${TEMPLATE_NAME} not found`);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number) => String.fromCharCode(65 + i);

/** A valid USCC numbered i (Yubei district division code). */
export function uscc(i: number): string {
  const body = `91500112${String(i).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/** The official Annex 2 template with `sheetData` rows from row 5 on replaced by `body` (raw XML of <row> elements). */
function annex2WithRows(body: string, level: 0 | 1 | 6 = 6): Uint8Array {
  const files = unzipSync(readFileSync(templatePath()));
  const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']!);
  const start = xml.indexOf('<row r="5"');
  const end = xml.indexOf('</sheetData>');
  const head = xml
    .slice(0, start)
    .replace(/<dimension ref="[^"]*"\/>/, '')
    .replace('<c r="A3" s="3" t="s"><v>2</v></c>', '<c r="A3" s="3" t="inlineStr"><is><t>填报单位：重庆市渝北区生态环境局</t></is></c>');
  // the template's merged note rows would swallow data rows placed there
  const sheet = head + body + xml.slice(end).replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, '');
  const out: Zippable = {};
  for (const [k, v] of Object.entries(files)) out[k] = [v, { level: 6 }];
  out['xl/worksheets/sheet1.xml'] = [strToU8(sheet), { level }];
  return zipSync(out, { mtime: new Date(2021, 8, 30, 9, 0, 0) });
}

function inlineRow(r: number, cells: string[]): string {
  let s = `<row r="${r}">`;
  cells.forEach((v, i) => {
    if (v !== '') s += `<c r="${col(i)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  });
  return s + '</row>';
}

/** An Annex 2 list of `n` rows, every one wrong: a bad checksum, a bad date, an unknown criterion. */
export function invalidAnnex2(n: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = uscc(i);
    const bad = u.slice(0, 17) + (u[17] === '0' ? '1' : '0');
    rows.push(
      inlineRow(5 + i, [String(i + 1), `重庆渝北第${i + 1}号企业有限公司`, '重庆市渝北区', bad, '化学原料和化学制品制造业', `${bad}001P`, '2024年13月1日', '2027-13-01', '六']),
    );
  }
  return annex2WithRows(rows.join(''));
}

/** An Annex 2 list of `n` valid rows (the enterprises uscc(0..n-1)). */
export function validAnnex2(n: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < n; i++)
    rows.push(
      inlineRow(5 + i, [
        String(i + 1),
        `重庆渝北第${i + 1}号企业有限公司`,
        '重庆市渝北区',
        uscc(i),
        'C26 化学原料和化学制品制造业',
        `${uscc(i)}001P`,
        '2023-01-01',
        '2025-12-31',
        '五',
      ]),
    );
  return annex2WithRows(rows.join(''));
}

/**
 * `cells` numeric cells under the Annex 2 header, 20 to a row (10 million: 500,000 rows, within Excel's
 * row limit). Cells carry no `r` (placed by position) and rows cycle through 997 variants of pseudo-random
 * numbers, so building it is quick and it deflates at a normal ratio (not a zip bomb).
 */
export function manyCellsAnnex2(cells: number): Uint8Array {
  const perRow = 20;
  let seed = 12345;
  const variants: string[] = [];
  for (let v = 0; v < 997; v++) {
    let s = '<row>';
    for (let c = 0; c < perRow; c++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      s += `<c><v>${seed % 100000}</v></c>`;
    }
    variants.push(s + '</row>');
  }
  const rowCount = Math.ceil(cells / perRow);
  const parts: string[] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) parts[r] = variants[(r * 7919) % 997]!;
  return annex2WithRows(parts.join(''), 1);
}

/** A sheet part of about `mb` MB of elements that are never closed (`<row><c><is><t>1`…), stored uncompressed (no ratio cap applies). */
export function unclosedAnnex2(mb: number): Uint8Array {
  const unit = '<row><c><is><t>1';
  return annex2WithRows(unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length)), 0);
}

const INSPECTION_HEADER = '统一社会信用代码,企业名称,检查日期,检查方式,违法情况,违法行为,主动报告';

/** An inspections export of `n` rows with impossible dates (每行 "2024年13月1日"). */
export function unusableInspectionsCsv(n: number): string {
  const lines = [INSPECTION_HEADER];
  for (let i = 0; i < n; i++) lines.push(`${uscc(i)},重庆渝北第${i + 1}号企业有限公司,2024年13月1日,现场检查,无,,否`);
  return lines.join('\r\n') + '\r\n';
}

/** A credit export for uscc(0..n-1). */
export function creditCsv(n: number): string {
  const lines = ['统一社会信用代码,企业名称,评价年度,信用等级'];
  for (let i = 0; i < n; i++) lines.push(`${uscc(i)},重庆渝北第${i + 1}号企业有限公司,2023,环保诚信企业`);
  return lines.join('\r\n') + '\r\n';
}

/** A CSV whose data is one line of about `mb` MB: the header, then one record of ever more fields. */
export function oneLineCsv(mb: number): string {
  const unit = '91500112000000001X,';
  return INSPECTION_HEADER + '\r\n' + unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length)) + '\r\n';
}

/** A CSV of the header and `n` one-character rows. */
export function oneCharRowsCsv(n: number): string {
  return INSPECTION_HEADER + '\n' + 'x\n'.repeat(n);
}

export interface BigCase {
  name: string;
  write: (file: string) => Promise<void>;
}

export const BIG_FILES = {
  'invalid-100k.xlsx': () => invalidAnnex2(100_000),
  'valid-1k.xlsx': () => validAnnex2(1000),
  'cells-10m.xlsx': () => manyCellsAnnex2(10_000_000),
  'unclosed-29mb.xlsx': () => unclosedAnnex2(29),
  'inspections-unusable-125k.csv': () => unusableInspectionsCsv(125_000),
  'credit-1k.csv': () => creditCsv(1000),
  'one-line-49mb.csv': () => oneLineCsv(49),
  'one-char-10m.csv': () => oneCharRowsCsv(10_000_000),
} as const;

export async function writeBig(dir: string, name: keyof typeof BIG_FILES): Promise<string> {
  const file = path.join(dir, name);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, BIG_FILES[name]());
  return file;
}

// node dist/test/robust/big.js DIR: write them all (for measuring by hand)
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const dir = process.argv[2] ?? 'big';
  for (const name of Object.keys(BIG_FILES) as (keyof typeof BIG_FILES)[]) {
    const t = Date.now();
    const f = await writeBig(dir, name);
    console.log(`${f}  ${(await fs.stat(f)).size} bytes  ${Date.now() - t} ms`);
  }
}
