/**
 * Deterministic benchmark inputs, generated into bench/data/ (git-ignored) and reused when
 * present: a 100,000-row Annex 2 list, a 500,000-row inspection export (.xlsx and GBK .csv)
 * with the Annex 2 list and credit ratings it is checked against, and a 41-unit quarter of
 * Annex 1 submissions.
 */
import { promises as fs, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { usccCheckChar, orgCodeCheckChar, USCC_ALPHABET } from '../src/core/ids/uscc.js';
import { DIVISIONS_2017 } from '../src/core/ids/gbt4754.js';
import { CRITERIA } from '../src/core/layout/annex2.js';
import { FIGURE_KEYS, type Figures } from '../src/core/layout/annex1.js';
import { rosterFor } from '../src/core/roster/units.js';
import { buildAnnex2Workbook, type Annex2RowInput } from '../src/writers/annex2-template.js';
import { addAnnex1Sheet } from '../src/writers/annex1-template.js';
import { newWorkbook, workbookBytes } from '../src/writers/xlsx-common.js';
import { prng as mulberry32 } from '../scripts/fixtures/random.js';

export const AS_OF = '2024-10-01';

export interface BenchData {
  list100k: string;
  inspectionsXlsx: string;
  inspectionsCsv: string;
  checkList: string;
  credit: string;
  quarterDir: string;
  quarterFiles: string[];
}

// ------------------------------------------------------------------ enterprises

const NAME_CHARS =
  '鑫源恒达华盛宏泰昌隆聚丰德瑞祥和兴旺通利嘉禾润泽天成永安金鼎博远汇能新创力合众诚信腾飞凯越锦程顺发同心鸿运佳美广厦盈科长江巴渝山城嘉陵渝州巨龙飞鹏凌云明珠晶石宝丰森茂林海';
const TRADES = ['化工', '机械制造', '汽车零部件', '食品', '建材', '印染', '电子科技', '环保科技', '包装材料', '金属制品', '医药', '塑料制品', '家具', '饲料', '水泥', '陶瓷'];
const SUFFIX = ['有限公司', '有限责任公司', '股份有限公司', '厂'];
const TOWNS = [
  '杨家坪街道',
  '谢家湾街道',
  '石坪桥街道',
  '黄桷坪街道',
  '二郎街道',
  '渝州路街道',
  '石桥铺街道',
  '中梁山街道',
  '西彭镇',
  '铜罐驿镇',
  '陶家镇',
  '白市驿镇',
  '含谷镇',
  '巴福镇',
  '金凤镇',
  '走马镇',
];
const ROADS = ['工业园路', '科技大道', '滨江路', '兴业路', '创新路', '东风路', '园区大道', '民营路'];
const DIVISIONS = Object.entries(DIVISIONS_2017).filter(([code]) => Number(code) >= 13 && Number(code) <= 43); // 制造业 (C)

export interface Enterprise {
  name: string;
  uscc: string;
  location: string;
  industry: string;
}

/** The i-th enterprise of 九龙坡区: unique name and a valid USCC (and organisation code). */
export function enterprise(i: number): Enterprise {
  const n = NAME_CHARS.length;
  const brand = NAME_CHARS[i % n]! + NAME_CHARS[Math.floor(i / n) % n]! + NAME_CHARS[Math.floor(i / (n * n)) % n]!;
  const trade = TRADES[i % TRADES.length]!;
  const name = `重庆${brand}${trade}${SUFFIX[i % SUFFIX.length]!}`;
  // organisation code: 8 characters from digits/letters, then its check character
  let org8 = '';
  let x = 1_000_000 + i * 7919;
  for (let k = 0; k < 8; k++) {
    org8 = '0123456789ABCDEFGHJKLMNPQRTUWXY'[x % 31]! + org8;
    x = Math.floor(x / 31);
  }
  org8 = org8.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0');
  const org9 = org8 + orgCodeCheckChar(org8);
  if (!org9.split('').every((ch) => USCC_ALPHABET.includes(ch))) return enterprise(i + 1_000_000);
  const first17 = `91500107${org9}`;
  const uscc = first17 + usccCheckChar(first17);
  const location = `重庆市九龙坡区${TOWNS[i % TOWNS.length]!}${ROADS[(i >> 4) % ROADS.length]!}${(i % 400) + 1}号`;
  const [code, div] = DIVISIONS[i % DIVISIONS.length]!;
  return { name, uscc, location, industry: `C${code} ${div}` };
}

function isoPlusDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function annex2Row(i: number, rand: () => number): Annex2RowInput {
  const e = enterprise(i);
  const includedOn = isoPlusDays('2022-01-01', Math.floor(rand() * 1000));
  const until = isoPlusDays(String(Number(includedOn.slice(0, 4)) + 3) + includedOn.slice(4), -1);
  return {
    name: e.name,
    location: e.location,
    uscc: e.uscc,
    industry: e.industry,
    permit: `${e.uscc}001P`,
    includedOn,
    validUntil: until,
    criterion: CRITERIA[4 - (i % 2)]!.label,
  };
}

async function annex2List(file: string, rows: number, seed: number): Promise<void> {
  const rand = mulberry32(seed);
  const list: Annex2RowInput[] = [];
  for (let i = 0; i < rows; i++) list.push(annex2Row(i, rand));
  const bytes = await buildAnnex2Workbook({ unit: '九龙坡区生态环境局', date: '2024年9月30日', rows: list });
  await fs.writeFile(file, bytes);
}

// ------------------------------------------------------------------ inspections

const METHODS = ['现场检查', '非现场检查', '体检式帮扶'];
const VIOLATIONS = ['超标排放废水', '危险废物贮存不规范', '未按规定开展自行监测', '污染防治设施未正常运行', '环评手续不全', '扬尘治理措施不到位'];

interface InspectionRow {
  uscc: string;
  name: string;
  date: string;
  method: string;
  severity: string;
  violation: string;
  selfReported: string;
}

function* inspections(n: number, enterprises: number): Generator<InspectionRow> {
  const rand = mulberry32(42);
  for (let i = 0; i < n; i++) {
    const e = enterprise(Math.floor(rand() * enterprises));
    const bad = rand() < 0.08;
    const serious = bad && rand() < 0.1;
    yield {
      uscc: e.uscc,
      name: e.name,
      date: isoPlusDays('2020-01-01', Math.floor(rand() * 1730)),
      method: METHODS[Math.floor(rand() * 3)]!,
      severity: bad ? (serious ? '严重' : '一般') : '无',
      violation: bad ? VIOLATIONS[Math.floor(rand() * VIOLATIONS.length)]! : '',
      selfReported: bad && rand() < 0.3 ? '是' : '否',
    };
  }
}

const INSPECTION_HEADERS = ['统一社会信用代码', '企业名称', '检查日期', '检查方式', '违法情况', '违法行为', '主动报告'];

async function inspectionsXlsx(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('检查记录');
  ws.columns = INSPECTION_HEADERS.map((h, i) => ({ header: h, width: 20, ...(i === 2 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  for (const r of inspections(n, 100_000)) {
    const [y, m, d] = r.date.split('-').map(Number) as [number, number, number];
    ws.addRow([r.uscc, r.name, new Date(Date.UTC(y, m - 1, d)), r.method, r.severity, r.violation || null, r.selfReported]).commit();
  }
  ws.commit(); // synchronous: a worksheet writer's commit() returns nothing
  await wb.commit();
}

async function inspectionsCsv(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string): Promise<void> => {
    if (!out.write(iconv.encode(s, 'gbk'))) await once(out, 'drain');
  };
  await write(INSPECTION_HEADERS.join(',') + '\r\n');
  let buf = '';
  for (const r of inspections(n, 100_000)) {
    buf += `${r.uscc},${r.name},${r.date},${r.method},${r.severity},${r.violation},${r.selfReported}\r\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

async function creditFile(file: string, enterprises: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信用评价');
  ws.addRow(['统一社会信用代码', '企业名称', '评价结果', '评价年度']);
  const grades = ['环保诚信企业', '环保良好企业', '环保警示企业', '环保不良企业'];
  const rand = mulberry32(7);
  for (let i = 0; i < enterprises; i++) {
    const e = enterprise(i);
    ws.addRow([e.uscc, e.name, grades[Math.floor(rand() * rand() * 4)]!, 2023]);
  }
  await wb.xlsx.writeFile(file);
}

// ------------------------------------------------------------------ Annex 1 quarter

async function quarter(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const rand = mulberry32(2024);
  const files: string[] = [];
  for (const u of rosterFor('2024-09-30')) {
    const values = {} as Figures;
    for (const k of FIGURE_KEYS) values[k] = Math.floor(rand() * (k === 'listed' ? 60 : 30));
    const wb = newWorkbook();
    addAnnex1Sheet(wb, { unit: `${u.name}生态环境局`, date: '2024年9月30日', contact: '张三', phone: '023-12345678', rows: [{ unit: u.name, values }] });
    const f = path.join(dir, `${u.name}2024年3季度落实监督执法正面清单工作情况汇总表.xlsx`);
    await fs.writeFile(f, await workbookBytes(wb));
    files.push(f);
  }
  return files;
}

async function exists(f: string): Promise<boolean> {
  try {
    await fs.access(f);
    return true;
  } catch {
    return false;
  }
}

/**
 * Make whatever is missing under `dir`; `log` reports progress on stderr. `only`: the data sets to
 * make (default all), so `--only validate` does not wait for the 500,000-row exports.
 */
export async function ensureData(dir: string, log: (s: string) => void, only?: ReadonlySet<'list100k' | 'check' | 'quarter'>): Promise<BenchData> {
  const want = (k: 'list100k' | 'check' | 'quarter') => !only || only.has(k);
  await fs.mkdir(dir, { recursive: true });
  const d: BenchData = {
    list100k: path.join(dir, '附表2-九龙坡区-100k.xlsx'),
    inspectionsXlsx: path.join(dir, 'inspections-500k.xlsx'),
    inspectionsCsv: path.join(dir, 'inspections-500k-gbk.csv'),
    checkList: path.join(dir, '附表2-九龙坡区-2000.xlsx'),
    credit: path.join(dir, 'credit.xlsx'),
    quarterDir: path.join(dir, 'quarter-2024Q3'),
    quarterFiles: [],
  };
  const step = async (f: string, what: string, make: (tmp: string) => Promise<void>) => {
    if (await exists(f)) return;
    log(`generating ${what} …`);
    const t = Date.now();
    const tmp = `${f}.tmp`;
    await make(tmp);
    await fs.rename(tmp, f);
    log(`  ${path.basename(f)}: ${((await fs.stat(f)).size / 1048576).toFixed(1)} MiB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  if (want('list100k')) await step(d.list100k, 'the 100,000-row Annex 2 list', (f) => annex2List(f, 100_000, 1));
  if (want('check')) {
    await step(d.inspectionsXlsx, 'the 500,000-row inspection export (.xlsx)', (f) => inspectionsXlsx(f, 500_000));
    await step(d.inspectionsCsv, 'the 500,000-row inspection export (GBK .csv)', (f) => inspectionsCsv(f, 500_000));
    await step(d.checkList, 'the 2,000-row Annex 2 list to check', (f) => annex2List(f, 2_000, 1));
    await step(d.credit, 'the credit ratings', (f) => creditFile(f, 100_000));
  }
  if (!want('quarter')) return d;
  const marker = path.join(d.quarterDir, '.complete');
  if (!(await exists(marker))) {
    log('generating the 41-unit quarter …');
    await fs.rm(d.quarterDir, { recursive: true, force: true });
    await quarter(d.quarterDir);
    await fs.writeFile(marker, '');
  }
  d.quarterFiles = (await fs.readdir(d.quarterDir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(d.quarterDir, f));
  return d;
}
