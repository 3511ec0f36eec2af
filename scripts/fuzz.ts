/**
 * `npm run fuzz [-- --cases N --seed S --timeout MS --workers W --save DIR --json --only I]`
 *
 * Mutates fixture workbooks (bit flips, overwritten and inserted bytes, truncation, shuffled,
 * dropped and duplicated zip entries, a corrupted zip directory, random XML edits re-zipped with
 * fflate, WPS `x:` prefixes, CFB damage) with a seeded PRNG, and validates each result in a worker
 * thread with a time bound. It counts:
 *   crashed  an exception out of validateFile, an "internal error" finding (an exception inside
 *            our reader or rules, caught by validateFile), or a worker that died (e.g. out of memory);
 *   hung     no answer within the time bound, nor when retried in a fresh worker with three times
 *            as long (a loaded machine can slow a case past the bound; a real hang hangs again);
 *   missing  a broken file (one openWorkbook refuses) without a file-level error finding.
 * A mutation that leaves a readable workbook may give any findings, or none. Enforcement-data
 * seeds (CSV, xlsx) go through readDataFile, as `check` reads them: it must never throw.
 * Case I of seed S is always the same bytes (`--only I` re-runs it); failing inputs are saved.
 * Exit code 1 when anything crashed, hung or went missing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { deflated, prng, writeRawZip, type RawZipEntry } from './fixtures/bad.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** scripts/fuzz.ts and dist/scripts/fuzz.js: the repository root is two levels up from dist, one from scripts */
export const ROOT = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');
export const WORKER_JS = path.join(ROOT, 'dist', 'scripts', 'fuzz.js');

// ------------------------------------------------------------------------------------------
// seeds

type DataKind = 'inspections' | 'credit' | 'monitoring';

export interface Seed {
  name: string;
  bytes: Uint8Array;
  /** an enforcement-data file (read with readDataFile as this kind) rather than an annex */
  dataKind?: DataKind;
}

function dataKindOf(name: string): DataKind | undefined {
  const base = path.basename(name);
  if (base.startsWith('检查记录')) return 'inspections';
  if (base.startsWith('信用评价')) return 'credit';
  if (base.startsWith('在线监控')) return 'monitoring';
  return undefined;
}

/**
 * The files to mutate, in a stable order: the readable files of fixtures/bad/annex (not the
 * bombs: each mutant would inflate hundreds of MB), the legacy .xls, a few quarter submissions,
 * the Annex fixtures (clean/dirty/awkward) when present, and enforcement-data files (CSV in UTF-8,
 * GBK and with a BOM, xlsx) for `check`'s reader. Case numbers hold for one set of fixtures.
 */
export function loadSeeds(root = ROOT): Seed[] {
  const out: Seed[] = [];
  const add = (rel: string, data = false) => {
    const p = path.join(root, rel);
    if (!existsSync(p)) return;
    const dataKind = data ? dataKindOf(rel) : undefined;
    out.push({ name: rel, bytes: new Uint8Array(readFileSync(p)), ...(dataKind ? { dataKind } : {}) });
  };
  const list = (rel: string, filter: (n: string) => boolean, max = Infinity, data = false) => {
    const dir = path.join(root, rel);
    if (!existsSync(dir)) return;
    const names = readdirSync(dir).filter(filter).sort();
    for (const n of names.slice(0, max)) add(`${rel}/${n}`, data);
  };
  const manifest = path.join(root, 'fixtures', 'bad', 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { files: { path: string; kind: string | null; converted?: unknown }[] };
    for (const f of m.files) if (f.path.startsWith('annex/') && (f.kind !== null || f.converted)) add(`fixtures/bad/${f.path}`);
  }
  list('fixtures/quarters/2021Q3', (n) => n.endsWith('.xlsx'), 3);
  for (const sub of ['clean', 'dirty', 'awkward']) list(`fixtures/annex/${sub}`, (n) => n.endsWith('.xlsx'), 6);
  for (const n of ['检查记录.csv', '信用评价.csv', '信用评价-GBK.csv']) add(`fixtures/bad/data/${n}`, true);
  list('fixtures/enforcement/data', (n) => /\.(csv|xlsx)$/.test(n) && dataKindOf(n) !== undefined, Infinity, true);
  return out;
}

// ------------------------------------------------------------------------------------------
// mutations

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const FIXED_TIME = new Date(2021, 8, 30, 9, 0, 0);

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;
}

/** Parts above this (as the directory claims) are not unzipped by a mutator: fflate allocates the claimed size. */
const MAX_PART = 32 * 1024 * 1024;

function unzipOrNull(b: Uint8Array): Record<string, Uint8Array> | null {
  try {
    let huge = false;
    const files = unzipSync(b, {
      filter: (f) => {
        if (f.originalSize > MAX_PART) huge = true;
        return !huge;
      },
    });
    return huge ? null : files;
  } catch {
    return null;
  }
}

function rezip(files: Record<string, Uint8Array>, order: string[], r: Rand): Uint8Array {
  const z: Zippable = {};
  for (const n of order) z[n] = [files[n]!, { level: pick(r, [0, 1, 6, 9] as const), mtime: FIXED_TIME }];
  return zipSync(z, { mtime: FIXED_TIME });
}

/** Tokens that break or stretch SpreadsheetML in interesting ways. */
const XML_TOKENS = [
  '<',
  '>',
  '&',
  '&amp',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '_x0000_',
  '_xD83D_',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  '&unknown;',
  '<row r="0"/>',
  '<row r="-1">',
  '<row r="1048577"/>',
  '<row r="4294967296"/>',
  '<row/>',
  '</row>',
  '</sheetData>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="ZZZZ0"><v>1</v></c>',
  '<c r="A1" t="e"><v>#REF!</v></c>',
  '<c r="B2" t="n"><v>1e309</v></c>',
  '<c r="B2" t="n"><v>NaN</v></c>',
  '<c r="B2" t="b"><v>2</v></c>',
  '<c r="B2" t="d"><v>not a date</v></c>',
  '<c r="C3" t="inlineStr"><is><t>x</t></is></c>',
  '<c r="D4"><f>SUM(A:A)</f></c>',
  '<c r="D4" s="99999"><v>45000</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B2:A1"/>',
  '<mergeCell ref="A1"/>',
  '<dimension ref="A1:XFD1048576"/>',
  '<sheet name="x" sheetId="9" r:id="rId999"/>',
  '<sheet name="" sheetId="0"/>',
  '<definedName name="_xlnm._FilterDatabase">#REF!</definedName>',
  '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;"/>',
  '<xf numFmtId="9999" applyNumberFormat="1"/>',
  '<si><t>',
  '</si>',
  '<si/>',
  '<rPh sb="0" eb="1"><t>ふ</t></rPh>',
  '<Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/>',
  '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>',
  'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
  ' hidden="1"',
  ' state="veryHidden"',
  ' t="s"',
  ' s="1"',
];
const NUMBERS = ['0', '-1', '1048577', '2147483648', '4294967296', '99999999999999999999', '1e308', 'NaN', '', 'x'];

function xmlEdit(xml: string, r: Rand): { xml: string; what: string } {
  const n = xml.length;
  if (n === 0) return { xml: pick(r, XML_TOKENS), what: 'fill' };
  const at = int(r, 0, n);
  switch (int(r, 0, 7)) {
    case 0: {
      const len = int(r, 1, Math.min(400, n));
      return { xml: xml.slice(0, at) + xml.slice(at + len), what: `delete ${len}@${at}` };
    }
    case 1: {
      const len = int(r, 1, Math.min(2000, n - Math.min(at, n - 1)));
      return { xml: xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at), what: `duplicate ${len}@${at}` };
    }
    case 2:
    case 3: {
      const t = pick(r, XML_TOKENS);
      // prefer a tag boundary for tags, anywhere for raw characters
      const gt = t.startsWith('<') ? xml.indexOf('>', at) + 1 || at : at;
      return { xml: xml.slice(0, gt) + t + xml.slice(gt), what: `insert ${JSON.stringify(t).slice(0, 40)}@${gt}` };
    }
    case 4: {
      const nums = [...xml.matchAll(/\d+/g)];
      if (!nums.length) return { xml: xml + '<', what: 'append <' };
      const m = pick(r, nums);
      const v = pick(r, NUMBERS);
      return { xml: xml.slice(0, m.index!) + v + xml.slice(m.index! + m[0].length), what: `number ${m[0]}→${v}@${m.index}` };
    }
    case 5: {
      const attrs = [...xml.matchAll(/\s[\w:]+="[^"]*"/g)];
      if (!attrs.length) return { xml: xml.slice(0, at), what: `cut@${at}` };
      const m = pick(r, attrs);
      return { xml: xml.slice(0, m.index!) + xml.slice(m.index! + m[0].length), what: `drop attribute ${m[0].trim().slice(0, 30)}` };
    }
    case 6: {
      const tags = [...xml.matchAll(/<[^>]{1,200}>/g)];
      if (tags.length < 2) return { xml: xml.slice(at), what: `cut head@${at}` };
      const a = pick(r, tags),
        b = pick(r, tags);
      if (a.index === b.index) return { xml, what: 'swap (same)' };
      const [x, y] = a.index! < b.index! ? [a, b] : [b, a];
      return { xml: xml.slice(0, x.index!) + y[0] + xml.slice(x.index! + x[0].length, y.index!) + x[0] + xml.slice(y.index! + y[0].length), what: 'swap tags' };
    }
    default:
      return { xml: xml.replace(/\sxmlns(:\w+)?="[^"]*"/, ''), what: 'drop xmlns' };
  }
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
function prefixX(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN_NS}"`)) return xml;
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}x:${name}`));
}

type Mutator = (b: Uint8Array, r: Rand) => { bytes: Uint8Array; what: string } | null;

const MUTATORS: Record<string, Mutator> = {
  bitflip(b, r) {
    const out = b.slice();
    const k = int(r, 1, 32);
    for (let i = 0; i < k; i++) {
      const at = int(r, 0, out.length - 1);
      out[at]! ^= 1 << int(r, 0, 7);
    }
    return { bytes: out, what: `${k} bits` };
  },
  overwrite(b, r) {
    const out = b.slice();
    const len = int(r, 1, 64);
    const at = int(r, 0, Math.max(0, out.length - len));
    for (let i = 0; i < len && at + i < out.length; i++) out[at + i] = int(r, 0, 255);
    return { bytes: out, what: `${len}@${at}` };
  },
  insert(b, r) {
    const len = int(r, 1, 32);
    const at = int(r, 0, b.length);
    const ins = Uint8Array.from({ length: len }, () => int(r, 0, 255));
    const out = new Uint8Array(b.length + len);
    out.set(b.subarray(0, at));
    out.set(ins, at);
    out.set(b.subarray(at), at + len);
    return { bytes: out, what: `${len}@${at}` };
  },
  truncate(b, r) {
    const at = int(r, 0, b.length - 1);
    return { bytes: b.slice(0, at), what: `at ${at}/${b.length}` };
  },
  shuffle(b, r) {
    const files = unzipOrNull(b);
    if (!files) return null;
    const names = Object.keys(files);
    for (let i = names.length - 1; i > 0; i--) {
      const j = int(r, 0, i);
      [names[i], names[j]] = [names[j]!, names[i]!];
    }
    return { bytes: rezip(files, names, r), what: names.slice(0, 3).join(',') };
  },
  xml(b, r) {
    const files = unzipOrNull(b);
    if (!files) return null;
    const xmlParts = Object.keys(files)
      .filter((n) => /\.(xml|rels)$/.test(n))
      .sort();
    if (!xmlParts.length) return null;
    // worksheets and shared strings hold the data: edit them more often
    const weighted = [...xmlParts, ...xmlParts.filter((n) => /worksheets\/|sharedStrings|workbook\.xml$/.test(n))];
    const part = pick(r, weighted);
    let xml = strFromU8(files[part]!);
    const edits: string[] = [];
    for (let k = int(r, 1, 3); k > 0; k--) {
      const e = xmlEdit(xml, r);
      xml = e.xml;
      edits.push(e.what);
    }
    files[part] = strToU8(xml);
    return { bytes: rezip(files, Object.keys(files), r), what: `${part}: ${edits.join('; ')}` };
  },
  prefix(b, r) {
    const files = unzipOrNull(b);
    if (!files) return null;
    for (const n of Object.keys(files)) if (/^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n)) files[n] = strToU8(prefixX(strFromU8(files[n]!)));
    const parts = Object.keys(files)
      .filter((n) => n.endsWith('.xml'))
      .sort();
    const part = pick(r, parts);
    const e = xmlEdit(strFromU8(files[part]!), r);
    files[part] = strToU8(e.xml);
    return { bytes: rezip(files, Object.keys(files), r), what: `x: prefix, ${part}: ${e.what}` };
  },
  drop(b, r) {
    const files = unzipOrNull(b);
    if (!files) return null;
    const names = Object.keys(files).sort();
    const gone = pick(r, names);
    delete files[gone];
    return { bytes: rezip(files, Object.keys(files), r), what: gone };
  },
  duplicate(b, r) {
    const files = unzipOrNull(b);
    if (!files) return null;
    const names = Object.keys(files).sort();
    const dup = pick(r, names);
    // the copy: the same part, or the same name holding another part's bytes
    const other = r() < 0.5 ? files[dup]! : files[pick(r, names)]!;
    const entries: RawZipEntry[] = names.map((n) => deflated(n, files[n]!));
    const copy = deflated(dup, other);
    entries.splice(r() < 0.5 ? entries.length : int(r, 0, entries.length), 0, copy);
    return { bytes: writeRawZip(entries), what: `${dup}${other === files[dup] ? '' : ' (other bytes)'}` };
  },
  directory(b, r) {
    // corrupt one field of one central-directory record (sizes, offsets, method, lengths, flags)
    const recs: number[] = [];
    for (let i = 0; i + 46 <= b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) recs.push(i);
    if (!recs.length) return null;
    const out = b.slice();
    const dv = new DataView(out.buffer);
    const at = pick(r, recs);
    const fields: [string, number, 2 | 4][] = [
      ['flags', 8, 2],
      ['method', 10, 2],
      ['crc', 16, 4],
      ['csize', 20, 4],
      ['usize', 24, 4],
      ['nameLen', 28, 2],
      ['extraLen', 30, 2],
      ['offset', 42, 4],
    ];
    const [name, off, w] = pick(r, fields);
    const v = pick(r, [0, 1, 8, 0xffff, 0xffffffff, int(r, 0, 0xffff), int(r, 0, b.length)]);
    if (w === 2) dv.setUint16(at + off, v & 0xffff, true);
    else dv.setUint32(at + off, v >>> 0, true);
    return { bytes: out, what: `${name}=${v} @${at}` };
  },
  cfb(b, r) {
    if (!(b[0] === 0xd0 && b[1] === 0xcf)) return null;
    const out = b.slice();
    const k = int(r, 1, 16);
    for (let i = 0; i < k; i++) out[int(r, 0, Math.min(out.length, 2048) - 1)] = int(r, 0, 255);
    return { bytes: out, what: `${k} header/FAT/directory bytes` };
  },
};

/** Characters and fragments that trouble a CSV reader. */
const CSV_TOKENS = [
  '"',
  '""',
  '"a,b"',
  ',',
  ',,,,,,,,,,',
  '\r',
  '\n',
  '\r\n',
  '\n\n\n',
  '\uFEFF',
  '\u0000',
  '\u001A',
  '\\',
  '\t',
  "=cmd|' /C calc'!A0",
  '2024-02-30',
  '9999-99-99',
  '严重',
  '否',
  '１２３',
  '\uD800',
  '统一社会信用代码',
  '检查日期,检查日期',
];

const TEXT_MUTATORS: Record<string, Mutator> = {
  csv(b, r) {
    const text = new TextDecoder('latin1').decode(b);
    const t = pick(r, CSV_TOKENS);
    const at = int(r, 0, text.length);
    const enc = new TextEncoder().encode(t);
    const out = new Uint8Array(b.length + enc.length);
    out.set(b.subarray(0, at));
    out.set(enc, at);
    out.set(b.subarray(at), at + enc.length);
    return { bytes: out, what: `${JSON.stringify(t)}@${at}` };
  },
  lines(b, r) {
    const lines: Uint8Array[] = [];
    let s0 = 0;
    for (let i = 0; i < b.length; i++)
      if (b[i] === 0x0a) {
        lines.push(b.subarray(s0, i + 1));
        s0 = i + 1;
      }
    if (s0 < b.length) lines.push(b.subarray(s0));
    if (lines.length < 2) return null;
    const i = int(r, 0, lines.length - 1);
    const op = int(r, 0, 3);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[i]!, lines[i]!);
    else if (op === 2) lines.splice(i, 1, lines[int(r, 0, lines.length - 1)]!);
    else lines.splice(1, 0, ...Array.from({ length: int(r, 1, 200) }, () => lines[i]!));
    const out = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
    let o2 = 0;
    for (const l of lines) {
      out.set(l, o2);
      o2 += l.length;
    }
    return { bytes: out, what: `${['delete', 'duplicate', 'replace', 'repeat'][op]} line ${i}` };
  },
};

const ZIP_MUTATIONS = ['bitflip', 'overwrite', 'insert', 'truncate', 'shuffle', 'xml', 'xml', 'xml', 'prefix', 'drop', 'duplicate', 'directory'];
const OTHER_MUTATIONS = ['bitflip', 'overwrite', 'insert', 'truncate', 'cfb', 'cfb'];
const TEXT_MUTATIONS = ['bitflip', 'overwrite', 'truncate', 'csv', 'csv', 'csv', 'lines', 'lines'];

export interface FuzzCase {
  id: number;
  seed: string;
  mutation: string;
  bytes: Uint8Array;
  dataKind?: DataKind;
}

/** Case `id` of run `seed`: always the same bytes. One to three stacked mutations. */
export function makeCase(seeds: Seed[], seed: number, id: number): FuzzCase {
  const r = prng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(id + 1, 0x85ebca6b)) >>> 0);
  const s = seeds[Math.floor(r() * seeds.length)]!;
  let bytes = s.bytes;
  const done: string[] = [];
  const n = r() < 0.7 ? 1 : int(r, 2, 3);
  for (let k = 0; k < n; k++) {
    const text = s.dataKind !== undefined && !isZip(s.bytes);
    const pool = isZip(bytes) ? ZIP_MUTATIONS : text ? TEXT_MUTATIONS : OTHER_MUTATIONS;
    const name = pick(r, pool);
    const fn = MUTATORS[name] ?? TEXT_MUTATORS[name]!;
    const m = (bytes.length > 0 ? fn(bytes, r) : null) ?? (bytes.length > 0 ? MUTATORS.bitflip!(bytes, r)! : { bytes, what: 'empty' });
    bytes = m.bytes;
    done.push(`${name}(${m.what})`);
  }
  return { id, seed: s.name, mutation: done.join(' + '), bytes, ...(s.dataKind ? { dataKind: s.dataKind } : {}) };
}

// ------------------------------------------------------------------------------------------
// the worker: validate one case, report what happened

const FILE_CODES = new Set(['file-unreadable', 'file-legacy-format', 'file-encrypted', 'file-too-large']);

interface WorkerResult {
  id: number;
  ms: number;
  heapMiB: number;
  /** an enforcement-data case */
  data?: boolean;
  opened: boolean;
  codes: string[];
  fileLevel: boolean;
  crash?: string;
}

async function workerMain(): Promise<void> {
  const { validateFile } = await import('../src/core/validate/validate.js');
  const { openWorkbook } = await import('../src/core/workbook/open.js');
  const { readDataFile } = await import('../src/core/data/read.js');
  const selfTest = (workerData as { selfTest?: string }).selfTest;
  // the time bound is per case: the modules' load time is not a case's
  parentPort!.postMessage({ ready: true });
  // every failure of a case is caught below and reported as its result; one escaping would end the
  // worker, which the pool notices as a crash
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  parentPort!.on('message', async (msg: { id: number; bytes: Uint8Array; name: string; dataKind?: DataKind }) => {
    const t0 = performance.now();
    const res: WorkerResult = { id: msg.id, ms: 0, heapMiB: 0, opened: false, codes: [], fileLevel: false };
    try {
      if (selfTest === 'hang' && msg.id === 0)
        for (;;) {
          /* a deliberate endless loop: the harness must notice */
        }
      if (selfTest === 'throw' && msg.id === 0) throw new TypeError('deliberate failure');
      if (msg.dataKind) {
        // check's reader: a file it cannot use is { ok: false } (exit 2), anything else findings
        const d = await readDataFile(msg.bytes, { kind: msg.dataKind, file: msg.name, allowList: new Set() });
        res.data = true;
        res.opened = d.ok;
        res.codes = d.ok ? [...new Set(d.findings.map((f) => f.code))].sort() : [];
        res.fileLevel = true;
        res.ms = performance.now() - t0;
        res.heapMiB = getHeapStatistics().used_heap_size / 1048576;
        parentPort!.postMessage(res);
        return;
      }
      const r = await validateFile({ file: msg.name, name: msg.name, bytes: msg.bytes }, { asOf: '2024-10-01', expiringDays: 90, allowList: new Set() });
      res.codes = [...new Set(r.findings.map((f) => f.code))].sort();
      res.fileLevel = r.findings.some((f) => FILE_CODES.has(f.code) && f.severity === 'error');
      const internal = r.findings.find((f) => /^内部错误|^internal error/.test(String(f.params.reason ?? '')));
      if (internal) res.crash = `internal error finding: ${String(internal.params.reasonEn ?? internal.params.reason)}`;
      // the oracle for "broken": our own opener refuses the bytes
      res.opened = (await openWorkbook(msg.bytes, { fileName: msg.name })).ok;
    } catch (err) {
      res.crash = `threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
    }
    res.ms = performance.now() - t0;
    res.heapMiB = getHeapStatistics().used_heap_size / 1048576;
    parentPort!.postMessage(res);
  });
}

// ------------------------------------------------------------------------------------------
// the pool

export interface FuzzOptions {
  cases: number;
  seed: number;
  timeoutMs: number;
  workers: number;
  /** run only this case id */
  only?: number;
  /** save crashing/hanging/missing inputs here */
  saveDir?: string;
  selfTest?: 'hang' | 'throw';
  onProgress?: (done: number) => void;
}

export interface Problem {
  id: number;
  kind: 'crash' | 'hang' | 'missing';
  seed: string;
  mutation: string;
  detail: string;
  saved?: string;
}

export interface FuzzSummary {
  seed: number;
  ran: number;
  crashed: number;
  hung: number;
  missing: number;
  /** cases our opener refused (each with its file-level finding) */
  broken: number;
  /** cases that still opened as a workbook (or, for data files, could still be used) */
  opened: number;
  /** of `ran`, the enforcement-data cases (read as check reads --inspections/--credit/--monitoring) */
  dataCases: number;
  /** cases that passed the time bound once but finished when retried with three times as long */
  slowRetried: number;
  /** those cases (to look into: a worker slowed by earlier cases, or a loaded machine) */
  slow: { id: number; seed: string; mutation: string; retryMs: number }[];
  /** the largest V8 heap a worker reported after a case, in MiB */
  maxHeapMiB: number;
  slowest: { id: number; ms: number; seed: string; mutation: string } | null;
  byMutation: Record<string, number>;
  problems: Problem[];
  ms: number;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzSummary> {
  if (!existsSync(WORKER_JS)) throw new Error(`${WORKER_JS} is missing: run npm run build first`);
  const seeds = loadSeeds();
  if (!seeds.length) throw new Error('no seed fixtures found (fixtures/bad, fixtures/quarters)');
  const ids = o.only !== undefined ? [o.only] : Array.from({ length: o.cases }, (_, i) => i);
  const summary: FuzzSummary = {
    seed: o.seed,
    ran: 0,
    crashed: 0,
    hung: 0,
    missing: 0,
    broken: 0,
    opened: 0,
    dataCases: 0,
    slowRetried: 0,
    slow: [],
    maxHeapMiB: 0,
    slowest: null,
    byMutation: {},
    problems: [],
    ms: 0,
  };
  const t0 = Date.now();
  let next = 0;

  const save = (c: FuzzCase, kind: string): string | undefined => {
    if (!o.saveDir || c.bytes.length > 256 * 1024 * 1024) return undefined;
    mkdirSync(o.saveDir, { recursive: true });
    const ext = c.bytes[0] === 0xd0 ? 'xls' : 'xlsx';
    const file = path.join(o.saveDir, `case-${o.seed}-${c.id}-${kind}.${ext}`);
    writeFileSync(file, c.bytes);
    return file;
  };
  const problem = (c: FuzzCase, kind: Problem['kind'], detail: string) => {
    summary.problems.push({ id: c.id, kind, seed: c.seed, mutation: c.mutation, detail, saved: save(c, kind) });
  };

  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    const spawnWorker = async (): Promise<Worker> => {
      // a worker's own output (a library's console.warn) must not mix into --json: drained and dropped
      const w = new Worker(WORKER_JS, {
        workerData: { role: 'zmqd-fuzz-worker', selfTest: o.selfTest },
        resourceLimits: { maxOldGenerationSizeMb: 1536 },
        stdout: true,
        stderr: true,
      });
      w.stdout.resume();
      w.stderr.resume();
      await new Promise<void>((resolve, reject) => {
        const onExit = (code: number) => reject(new Error(`fuzz worker exited with ${code} while starting`));
        w.once('message', () => {
          w.off('error', reject).off('exit', onExit);
          resolve();
        });
        w.once('error', reject);
        w.once('exit', onExit);
      });
      return w;
    };
    try {
      for (;;) {
        const i = next++;
        if (i >= ids.length) return;
        const c = makeCase(seeds, o.seed, ids[i]!);
        for (const m of c.mutation.split(' + ')) {
          const k = m.slice(0, m.indexOf('('));
          summary.byMutation[k] = (summary.byMutation[k] ?? 0) + 1;
        }
        type Outcome = { kind: 'done'; r: WorkerResult } | { kind: 'hang' } | { kind: 'died'; why: string };
        const attempt = async (timeoutMs: number): Promise<Outcome> => {
          worker ??= await spawnWorker();
          const w = worker;
          const out = await new Promise<Outcome>((resolve) => {
            const onMessage = (r: WorkerResult) => finish({ kind: 'done', r });
            const onError = (e: Error) => finish({ kind: 'died', why: `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}` });
            const onExit = (code: number) => finish({ kind: 'died', why: `worker exited with ${code}` });
            const timer = setTimeout(() => finish({ kind: 'hang' }), timeoutMs);
            function finish(v: Outcome) {
              clearTimeout(timer);
              w.off('message', onMessage).off('error', onError).off('exit', onExit);
              resolve(v);
            }
            w.on('message', onMessage).on('error', onError).on('exit', onExit);
            const copy = c.bytes.slice();
            w.postMessage({ id: c.id, bytes: copy, name: path.basename(c.seed), dataKind: c.dataKind }, [copy.buffer]);
          });
          if (out.kind !== 'done') {
            await w.terminate().catch(() => undefined);
            worker = null;
          }
          return out;
        };
        let outcome = await attempt(o.timeoutMs);
        if (outcome.kind === 'hang') {
          // wall time is not CPU time: on a loaded machine a slow case can pass the bound. A real
          // hang hangs again in a fresh worker given three times as long; a slow case finishes.
          outcome = await attempt(3 * o.timeoutMs);
          if (outcome.kind === 'done') {
            summary.slowRetried++;
            summary.slow.push({ id: c.id, seed: c.seed, mutation: c.mutation, retryMs: Math.round(outcome.r.ms) });
          }
        }
        summary.ran++;
        o.onProgress?.(summary.ran);
        if (outcome.kind === 'hang') {
          summary.hung++;
          problem(c, 'hang', `no answer within ${o.timeoutMs} ms, nor within ${3 * o.timeoutMs} ms in a fresh worker`);
          continue;
        }
        if (outcome.kind === 'died') {
          summary.crashed++;
          problem(c, 'crash', outcome.why);
          continue;
        }
        const r = outcome.r;
        summary.maxHeapMiB = Math.max(summary.maxHeapMiB, Math.round(r.heapMiB));
        if (!summary.slowest || r.ms > summary.slowest.ms) summary.slowest = { id: c.id, ms: r.ms, seed: c.seed, mutation: c.mutation };
        if (r.crash) {
          summary.crashed++;
          problem(c, 'crash', r.crash);
          continue;
        }
        if (r.data) summary.dataCases++;
        if (r.opened) summary.opened++;
        else {
          summary.broken++;
          if (!r.fileLevel) {
            summary.missing++;
            problem(c, 'missing', `openWorkbook refused it but validateFile gave ${r.codes.join(', ') || 'no finding'}`);
          }
        }
      }
    } finally {
      await (worker as Worker | null)?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.workers) }, () => lane()));
  summary.problems.sort((a, b) => a.id - b.id);
  summary.ms = Date.now() - t0;
  return summary;
}

// ------------------------------------------------------------------------------------------
// command line

function parseArgs(argv: string[]): FuzzOptions & { json: boolean } {
  const o: FuzzOptions & { json: boolean } = { cases: 10_000, seed: 1, timeoutMs: 10_000, workers: Math.min(os.availableParallelism(), 4), json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      return v;
    };
    if (a === '--cases') o.cases = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--timeout') o.timeoutMs = num();
    else if (a === '--workers') o.workers = Math.max(1, num());
    else if (a === '--only') o.only = num();
    else if (a === '--save') o.saveDir = path.resolve(val());
    else if (a === '--json') o.json = true;
    else if (a === '--self-test') {
      const v = val();
      if (v !== 'hang' && v !== 'throw') throw new Error('--self-test hang|throw');
      o.selfTest = v;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write('npm run fuzz -- [--cases N (10000)] [--seed S (1)] [--timeout MS (10000)] [--workers W] [--only ID] [--save DIR] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  o.saveDir ??= path.join(os.tmpdir(), `zmqd-fuzz-${o.seed}`);
  return o;
}

async function cli(): Promise<void> {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`fuzz: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const total = o.only !== undefined ? 1 : o.cases;
  const tty = process.stderr.isTTY && !o.json;
  if (!o.json) process.stderr.write(`zmqd fuzz: seed ${o.seed}, ${total} cases, ${o.workers} workers, ${o.timeoutMs} ms per case\n`);
  const s = await runFuzz({ ...o, onProgress: tty ? (d) => d % 50 === 0 && process.stderr.write(`\r${d}/${total}`) : undefined });
  if (tty) process.stderr.write('\r\x1b[K');
  if (o.json) process.stdout.write(JSON.stringify(s, null, 2) + '\n');
  else {
    const lines = [
      `ran ${s.ran} · crashed ${s.crashed} · hung ${s.hung} · broken without a finding ${s.missing}`,
      `refused with a file-level finding (or, data, unusable) ${s.broken} · still readable ${s.opened} · of them data files ${s.dataCases} · slow but finished on retry ${s.slowRetried} · ${(s.ms / 1000).toFixed(1)} s`,
      s.slowest ? `slowest: case ${s.slowest.id}, ${(s.slowest.ms / 1000).toFixed(2)} s — ${s.slowest.seed}: ${s.slowest.mutation.slice(0, 160)}` : 'slowest: —',
      `mutations: ${Object.entries(s.byMutation)
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} · largest worker heap ${s.maxHeapMiB} MiB`,
      ...s.slow.map((x) => `slow case ${x.id} (${x.seed}: ${x.mutation.slice(0, 120)}): over ${o.timeoutMs} ms once, ${x.retryMs} ms in a fresh worker`),
      ...s.problems.map(
        (p) =>
          `${p.kind.toUpperCase()} case ${p.id} (${p.seed}: ${p.mutation.slice(0, 120)}): ${p.detail}${p.saved ? ` → ${p.saved}` : ''}\n  re-run: node dist/scripts/fuzz.js --seed ${s.seed} --only ${p.id}`,
      ),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.exitCode = s.crashed + s.hung + s.missing > 0 ? 1 : 0;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'zmqd-fuzz-worker') {
  void workerMain();
} else if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void cli();
}

/** A stable digest of a case's bytes (for determinism tests). */
export function digest(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex').slice(0, 16);
}
