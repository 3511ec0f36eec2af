/**
 * `npm run bench` (node dist/bench/run.js [--runs 5] [--only validate,check,…] [--data DIR]):
 * times each zmqd command as a whole child process, side by side in the same run with a peer
 * process doing a bare exceljs load of the same file(s), and prints medians, peak memory and
 * the ratios against the targets of issue 6 as a Markdown table (paste it into the README).
 *
 * Peak memory is the child's maximum resident set size: from `/usr/bin/time -v` when present,
 * else from `process.resourceUsage().maxRSS` written by a preloaded hook at exit. Targets are
 * judged on wall time (as issue 6 states them); CPU time (user + system) is shown beside it,
 * being steadier when other work shares the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, ensureData } from './data.js';
import { findTool } from '../src/cli/tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/bench/run.js → repository root
const root = path.resolve(here, '..', '..');
const TIME = '/usr/bin/time';

interface Args {
  runs: number;
  only: Set<string> | null;
  data: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 5, only: null, data: path.join(root, 'bench', 'data') };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = argv[i + 1];
    if (k === '--runs' && v) {
      a.runs = Math.max(1, parseInt(v, 10) || 5);
      i++;
    } else if (k === '--only' && v) {
      a.only = new Set(v.split(','));
      i++;
    } else if (k === '--data' && v) {
      a.data = path.resolve(v);
      i++;
    } else if (k === '--help' || k === '-h') {
      process.stdout.write('node dist/bench/run.js [--runs 5] [--only version,help,validate,page,read-list,check,check-csv,read-export,aggregate] [--data DIR]\n');
      process.exit(0);
    }
  }
  return a;
}

interface Sample {
  wall: number; // seconds
  /** user + system CPU seconds: steadier than wall time when other work shares the machine */
  cpu: number;
  rssMiB: number;
  code: number | null;
  stderr: string;
}

let rssHook = '';

async function measure(cmd: string[], useTime: boolean): Promise<Sample> {
  const tmp = path.join(os.tmpdir(), `zmqd-bench-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  let argv = cmd;
  const env = { ...process.env };
  if (useTime) argv = [TIME, '-v', '-o', tmp, ...cmd];
  else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${rssHook}`.trim();
    env.ZMQD_BENCH_RSS = tmp;
  }
  const t0 = process.hrtime.bigint();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 20_000) err += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMiB = NaN;
  let cpu = NaN;
  try {
    const text = await fs.readFile(tmp, 'utf8');
    if (useTime) {
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
      if (kb) rssMiB = Number(kb) / 1024;
      const user = /User time \(seconds\): ([\d.]+)/.exec(text)?.[1];
      const sys = /System time \(seconds\): ([\d.]+)/.exec(text)?.[1];
      if (user && sys) cpu = Number(user) + Number(sys);
    } else {
      const r = JSON.parse(text) as { maxRSS: number; user: number; system: number };
      rssMiB = r.maxRSS / 1024;
      cpu = (r.user + r.system) / 1e6;
    }
  } catch {
    // no report: leave NaN
  }
  await fs.rm(tmp, { force: true });
  return { wall, cpu, rssMiB, code, stderr };
}

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Case {
  id: string;
  label: string;
  cmd: string[];
  peer: string[];
  peerLabel: string;
  /** time ratio target: measured / peer ≤ this */
  ratio: number;
  /** peak memory target in MiB */
  mib?: number;
  /** a further condition: wall time below another case's median */
  fasterThan?: string;
  available: boolean;
  /** a start-up measurement (fractions of a second): run at least QUICK_RUNS times, noise dominates otherwise */
  quick?: boolean;
  /** not a target of its own: the reader's share of the command above, judged by the same numbers */
  info?: boolean;
  /** the wall time is the one the process prints on stderr (first group, seconds), not its own lifetime */
  ownWall?: RegExp;
}

const QUICK_RUNS = 15;

interface Result {
  c: Case;
  wall: number;
  cpu: number;
  rss: number;
  peerWall: number;
  peerCpu: number;
  peerRss: number;
  codes: (number | null)[];
  failed?: string;
}

const NODE = process.execPath;
const ZMQD = path.join(root, 'bin', 'zmqd.js');

/** A peer doing nothing but `new ExcelJS.Workbook().xlsx.readFile(f)` for each file, in one process. */
function exceljsPeer(files: string[]): string[] {
  const script =
    "const E=require('exceljs');(async()=>{for(const f of process.argv.slice(1)){await new E.Workbook().xlsx.readFile(f)}})().catch(e=>{console.error(e);process.exit(1)})";
  return [NODE, '-e', script, ...files];
}

/** Only the reader: `openWorkbook` (the default reader) of each file, in one process, nothing else of zmqd. */
function readerOnly(files: string[]): string[] {
  const open = path.join(root, 'dist', 'src', 'core', 'workbook', 'open.js');
  const script = `import(${JSON.stringify(pathToFileURL(open).href)}).then(async({openWorkbook})=>{const fs=await import('node:fs');for(const f of process.argv.slice(1)){const r=await openWorkbook(new Uint8Array(fs.readFileSync(f)),{maxBytes:200*1024*1024});if(!r.ok){console.error(JSON.stringify(r.findings));process.exit(1)}}})`;
  return [NODE, '-e', script, ...files];
}

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) {
    process.stderr.write('zmqd is not built: run `npm run build` first.\n');
    process.exit(2);
  }
  const useTime = existsSync(TIME);
  await fs.mkdir(args.data, { recursive: true });
  rssHook = path.join(args.data, 'rss-hook.cjs');
  await fs.writeFile(
    rssHook,
    "process.on('exit',()=>{const f=process.env.ZMQD_BENCH_RSS;if(f){const u=process.resourceUsage();require('fs').writeFileSync(f,JSON.stringify({maxRSS:u.maxRSS,user:u.userCPUTime,system:u.systemCPUTime}))}});\n",
  );
  const log = (s: string) => process.stderr.write(`${s}\n`);
  // the data the chosen cases need (all of it without --only)
  const needs = {
    version: [],
    help: [],
    validate: ['list100k'],
    page: ['list100k'],
    'read-list': ['list100k'],
    check: ['check'],
    'check-csv': ['check'],
    'read-export': ['check'],
    aggregate: ['quarter'],
  } as const;
  const only = args.only ? new Set([...args.only].flatMap((id) => (id in needs ? [...needs[id as keyof typeof needs]] : []))) : undefined;
  const d = await ensureData(args.data, log, only);
  const rel = (f: string) => path.relative(root, f);

  const checkAvailable = existsSync(path.join(root, 'dist', 'src', 'cli', 'commands', 'check.js'));
  const aggregateAvailable = existsSync(path.join(root, 'dist', 'src', 'cli', 'commands', 'aggregate.js'));
  const pageAvailable = existsSync(path.join(root, 'dist', 'page', 'zmqd-page.html')) && findTool('chromium') !== undefined;
  const checkArgs = (inspections: string) => [
    NODE,
    ZMQD,
    'check',
    rel(d.checkList),
    '--inspections',
    rel(inspections),
    '--credit',
    rel(d.credit),
    '--as-of',
    AS_OF,
    '--format',
    'json',
  ];

  const cases: Case[] = [
    { id: 'version', label: 'zmqd --version', cmd: [NODE, ZMQD, '--version'], peer: [NODE, '-e', '0'], peerLabel: 'node -e 0', ratio: 2, available: true, quick: true },
    { id: 'help', label: 'zmqd --help', cmd: [NODE, ZMQD, '--help'], peer: [NODE, '-e', '0'], peerLabel: 'node -e 0', ratio: 2, available: true, quick: true },
    {
      id: 'validate',
      label: 'zmqd validate (100k-row Annex 2)',
      cmd: [NODE, ZMQD, 'validate', rel(d.list100k), '--format', 'json', '--as-of', AS_OF],
      peer: exceljsPeer([rel(d.list100k)]),
      peerLabel: 'exceljs load',
      ratio: 0.5,
      mib: 350,
      available: true,
    },
    {
      id: 'page',
      label: 'self-check page in headless Chromium: list chosen → results shown (100k-row Annex 2)',
      cmd: [NODE, path.join(root, 'dist', 'bench', 'page.js'), rel(d.list100k), '--as-of', AS_OF],
      peer: [NODE, ZMQD, 'validate', rel(d.list100k), '--format', 'json', '--as-of', AS_OF],
      peerLabel: 'zmqd validate',
      // the issue asks for "the same order of time as the command line"; the page's process includes
      // starting the browser. Peak memory is that of the largest single process (not summed).
      ratio: 3,
      available: pageAvailable,
      // the clerk's wait: from choosing the file to the results, without starting and closing the browser
      ownWall: /checked in ([\d.]+) s/,
    },
    {
      id: 'read-list',
      label: 'reader only: openWorkbook (100k-row Annex 2)',
      cmd: readerOnly([rel(d.list100k)]),
      peer: exceljsPeer([rel(d.list100k)]),
      peerLabel: 'exceljs load',
      ratio: 0.5,
      mib: 350,
      available: true,
      info: true,
    },
    {
      id: 'check',
      label: 'zmqd check (500k-row inspections .xlsx)',
      cmd: checkArgs(d.inspectionsXlsx),
      peer: exceljsPeer([rel(d.inspectionsXlsx)]),
      peerLabel: 'exceljs load',
      ratio: 0.4,
      mib: 600,
      available: checkAvailable,
    },
    {
      id: 'check-csv',
      label: 'zmqd check (same data, GBK .csv)',
      cmd: checkArgs(d.inspectionsCsv),
      peer: exceljsPeer([rel(d.inspectionsXlsx)]),
      peerLabel: 'exceljs load (.xlsx)',
      ratio: 0.4,
      mib: 600,
      fasterThan: 'check',
      available: checkAvailable,
    },
    {
      id: 'read-export',
      label: 'reader only: openWorkbook (500k-row inspections .xlsx)',
      cmd: readerOnly([rel(d.inspectionsXlsx)]),
      peer: exceljsPeer([rel(d.inspectionsXlsx)]),
      peerLabel: 'exceljs load',
      ratio: 0.4,
      mib: 600,
      available: true,
      info: true,
    },
    {
      id: 'aggregate',
      label: `zmqd aggregate (${d.quarterFiles.length} Annex 1 files)`,
      cmd: [NODE, ZMQD, 'aggregate', ...d.quarterFiles.map(rel), '--format', 'json'],
      peer: exceljsPeer(d.quarterFiles.map(rel)),
      peerLabel: `exceljs load ×${d.quarterFiles.length}`,
      ratio: 1.2,
      available: aggregateAvailable,
    },
  ];

  const results: Result[] = [];
  for (const c of cases) {
    if (args.only && !args.only.has(c.id)) continue;
    if (!c.available) {
      results.push({ c, wall: NaN, cpu: NaN, rss: NaN, peerWall: NaN, peerCpu: NaN, peerRss: NaN, codes: [], failed: 'not available' });
      continue;
    }
    const runs = c.quick ? Math.max(args.runs, QUICK_RUNS) : args.runs;
    log(`${c.label}: ${runs} runs, with the peer (${c.peerLabel}) interleaved …`);
    const mine: Sample[] = [];
    const peer: Sample[] = [];
    // one warm-up of each (file cache), not counted
    await measure(c.cmd, useTime);
    await measure(c.peer, useTime);
    for (let i = 0; i < runs; i++) {
      // alternate the order so neither side always runs on a warmer machine
      if (i % 2 === 0) {
        mine.push(await measure(c.cmd, useTime));
        peer.push(await measure(c.peer, useTime));
      } else {
        peer.push(await measure(c.peer, useTime));
        mine.push(await measure(c.cmd, useTime));
      }
    }
    if (c.ownWall) {
      for (const s of mine) {
        const m = c.ownWall.exec(s.stderr);
        s.wall = m ? Number(m[1]) : NaN;
      }
    }
    const bad = mine.find((s) => s.code === null || s.code >= 2);
    const badPeer = peer.find((s) => s.code !== 0);
    const r: Result = {
      c,
      wall: median(mine.map((s) => s.wall)),
      cpu: median(mine.map((s) => s.cpu)),
      rss: median(mine.map((s) => s.rssMiB)),
      peerWall: median(peer.map((s) => s.wall)),
      peerCpu: median(peer.map((s) => s.cpu)),
      peerRss: median(peer.map((s) => s.rssMiB)),
      codes: mine.map((s) => s.code),
    };
    if (bad) r.failed = `exit ${String(bad.code)}: ${bad.stderr.split('\n').slice(0, 3).join(' ').slice(0, 300)}`;
    else if (badPeer) r.failed = `peer exit ${String(badPeer.code)}: ${badPeer.stderr.split('\n').slice(0, 3).join(' ').slice(0, 300)}`;
    log(
      `  median ${fmt(r.wall)} s (cpu ${fmt(r.cpu)} s), ${fmt(r.rss, 0)} MiB; peer ${fmt(r.peerWall)} s (cpu ${fmt(r.peerCpu)} s), ${fmt(r.peerRss, 0)} MiB${r.failed ? ` — ${r.failed}` : ''}`,
    );
    results.push(r);
  }

  const lines: string[] = [];
  lines.push(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)} at the end; ${args.runs} runs each (${QUICK_RUNS} for start-up), medians; each command and its peer alternate; peak memory (max RSS) from ${useTime ? '/usr/bin/time -v' : 'process.resourceUsage()'}.`,
  );
  lines.push('');
  lines.push('| command | median wall | CPU | peak MiB | peer | peer wall | peer CPU | peer MiB | ratio (wall) | ratio (CPU) | target | met? |');
  lines.push('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|:-:|');
  let allMet = true;
  for (const r of results) {
    const c = r.c;
    if (r.failed === 'not available') {
      lines.push(`| ${c.label} | not available | | | ${c.peerLabel} | | | | | | ≤ ${c.ratio}×${c.mib ? `, ≤ ${c.mib} MiB` : ''} | — |`);
      allMet = false;
      continue;
    }
    const ratio = r.wall / r.peerWall;
    const conds: string[] = [`≤ ${c.ratio}×`];
    let met = ratio <= c.ratio;
    if (c.mib) {
      conds.push(`≤ ${c.mib} MiB`);
      met &&= r.rss <= c.mib;
    }
    if (c.fasterThan) {
      const other = results.find((x) => x.c.id === c.fasterThan);
      conds.push(`faster than ${other?.c.label.replace(/^zmqd /, '') ?? c.fasterThan}`);
      met &&= other !== undefined && Number.isFinite(other.wall) && r.wall < other.wall;
    }
    if (r.failed) met = false;
    if (!c.info) allMet &&= met;
    lines.push(
      `| ${c.info ? `*${c.label}*` : c.label} | ${fmt(r.wall)} s | ${fmt(r.cpu)} s | ${fmt(r.rss, 0)} | ${c.peerLabel} | ${fmt(r.peerWall)} s | ${fmt(r.peerCpu)} s | ${fmt(r.peerRss, 0)} | ${fmt(ratio)}× | ${fmt(r.cpu / r.peerCpu)}× | ${c.info ? `(${conds.join(', ')})` : conds.join(', ')} | ${met ? 'yes' : 'no'}${r.failed ? ` (${r.failed})` : ''} |`,
    );
  }
  lines.push('');
  if (results.some((r) => r.c.id === 'page')) {
    lines.push(
      'The page’s wall time runs from choosing the file to the results shown (the browser’s start and close are not counted); its CPU and memory are those /usr/bin/time sees of the process tree, which likely misses Chromium’s renderer processes: take them as a lower bound.',
    );
    lines.push('');
  }
  lines.push(
    'Rows in italics time the reader alone (openWorkbook in a bare process) against the same peer: the share of the command above that is the reader’s; they are not targets of their own.',
  );
  process.stdout.write(lines.join('\n') + '\n');
  process.exitCode = allMet ? 0 : 1;
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as { stack?: unknown } | null)?.stack ?? err) + '\n');
  process.exit(2);
});
