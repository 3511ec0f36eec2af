/**
 * The system tools zmqd and its tests use, declared once: what each is for, the Debian package
 * that provides it, and how to find it and its version. `zmqd doctor` lists them, `npm run setup`
 * installs them, and the test suites that need one gate on it (test/helpers/tools.ts).
 *
 * Only LibreOffice serves users (converting legacy .xls/.et); the others are test-time producers,
 * oracles and servers. Each can be pointed at a program by an environment variable — SOFFICE,
 * ZMQD_PYTHON (the interpreter with the Python modules), CHROMIUM, DOVECOT — and one that names a
 * missing program means the tool is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ToolId = 'soffice' | 'openpyxl' | 'xlsxwriter' | 'pandas' | 'chromium' | 'dovecot' | 'script' | 'tmpfs';

export interface ToolDef {
  id: ToolId;
  /** A short name for people. */
  name: string;
  /** The Debian package that provides it. */
  debian: string;
  /** Who needs it: users of the command, or only the test suite. */
  usedBy: 'users and tests' | 'tests';
  /** What it is used for (zh, en). */
  purpose: { zh: string; en: string };
  /** Finds the tool: its command (or python interpreter) and version, or undefined when absent. */
  probe(): ToolFound | undefined;
}

export interface ToolFound {
  /** The executable to run (for the Python modules: the interpreter that has them). */
  command: string;
  version: string;
}

function run(cmd: string, args: string[]): string | undefined {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) return undefined;
    return `${r.stdout ?? ''}${r.stderr ?? ''}`;
  } catch {
    return undefined;
  }
}

/**
 * The candidates to try: only the environment variable's value when it is set (a variable naming
 * a missing program means the tool is absent, as for the legacy converter), else the defaults.
 */
function candidatesFor(envVar: string, defaults: string[]): string[] {
  const v = process.env[envVar];
  return v ? [v] : defaults;
}

/** The first candidate that answers `--version` with output matching `re`. */
function probeCommand(candidates: string[], re: RegExp): ToolFound | undefined {
  for (const c of candidates) {
    if (c.includes('/') && !existsSync(c)) continue;
    const out = run(c, ['--version']);
    const m = out === undefined ? null : re.exec(out);
    if (m) return { command: c, version: (m[1] ?? m[0]).trim() };
  }
  return undefined;
}

/**
 * A Python interpreter that can import `mod`. Debian's python3-* packages install into
 * /usr/bin/python3, which need not be the `python3` first on the PATH (pyenv, venvs).
 */
function probePython(mod: string): ToolFound | undefined {
  for (const c of candidatesFor('ZMQD_PYTHON', ['/usr/bin/python3', 'python3'])) {
    if (c.includes('/') && !existsSync(c)) continue;
    const out = run(c, ['-c', `import ${mod}; print(${mod}.__version__)`]);
    if (out !== undefined && out.trim()) return { command: c, version: out.trim().split('\n').pop()! };
  }
  return undefined;
}

/** Whether this process may mount a small tmpfs (root, in a mount namespace that allows it). */
function probeTmpfs(): ToolFound | undefined {
  if (process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zmqd-tmpfs-probe-'));
  try {
    if (run('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]) === undefined) return undefined;
    run('umount', [dir]);
    return { command: 'mount', version: 'tmpfs' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const TOOLS: readonly ToolDef[] = [
  {
    id: 'soffice',
    name: 'LibreOffice',
    debian: 'libreoffice-calc',
    usedBy: 'users and tests',
    purpose: {
      zh: '把旧版 .xls/.et 文件转换为 .xlsx 后校验；测试中用它打开并打印本工具写出的工作簿',
      en: 'converts legacy .xls/.et files to .xlsx before validating; tests open and print the workbooks zmqd writes',
    },
    probe: () => probeCommand(candidatesFor('SOFFICE', ['soffice', 'libreoffice']), /LibreOffice\s+(\S+)/i),
  },
  {
    id: 'openpyxl',
    name: 'Python openpyxl',
    debian: 'python3-openpyxl',
    usedBy: 'tests',
    purpose: { zh: '测试：写出工作簿（pandas 默认引擎），并作为独立的读取对照', en: "tests: writes workbooks (pandas' default engine) and is the independent reader oracle" },
    probe: () => probePython('openpyxl'),
  },
  {
    id: 'xlsxwriter',
    name: 'Python XlsxWriter',
    debian: 'python3-xlsxwriter',
    usedBy: 'tests',
    purpose: { zh: '测试：写出工作簿（pandas 的另一引擎）', en: "tests: writes workbooks (pandas' other engine)" },
    probe: () => probePython('xlsxwriter'),
  },
  {
    id: 'pandas',
    name: 'Python pandas',
    debian: 'python3-pandas',
    usedBy: 'tests',
    purpose: { zh: '测试：用 to_excel 写出工作簿，如区县信息科常做的那样', en: "tests: writes workbooks with to_excel, as a district's IT colleague would" },
    probe: () => probePython('pandas'),
  },
  {
    id: 'chromium',
    name: 'Chromium',
    debian: 'chromium',
    usedBy: 'tests',
    purpose: { zh: '测试：在真实浏览器中打开自查页', en: 'tests: opens the self-check page in a real browser' },
    probe: () => probeCommand(candidatesFor('CHROMIUM', ['/usr/bin/chromium', 'chromium']), /Chromium\s+(\S+)/i),
  },
  {
    id: 'dovecot',
    name: 'Dovecot IMAP',
    debian: 'dovecot-imapd',
    usedBy: 'tests',
    purpose: { zh: '测试：在本机回环地址上运行真实的 IMAP 邮箱，供 collect 收取', en: 'tests: a real IMAP server on loopback for collect' },
    probe: () => probeCommand(candidatesFor('DOVECOT', ['/usr/sbin/dovecot', 'dovecot']), /^(\d[\w.\- ()]*)/m),
  },
  {
    id: 'script',
    name: 'script (util-linux)',
    debian: 'bsdutils',
    usedBy: 'tests',
    purpose: { zh: '测试：在伪终端中运行 zmqd，检查进度条和颜色', en: 'tests: runs zmqd on a pseudo-terminal to check the progress line and colours' },
    probe: () => probeCommand(['script'], /script from util-linux ([\d.]+)/),
  },
  {
    id: 'tmpfs',
    name: 'tmpfs mounts (root)',
    debian: 'mount',
    usedBy: 'tests',
    purpose: {
      zh: '测试：挂载很小的 tmpfs，模拟磁盘已满和只读磁盘（需 root 权限）',
      en: 'tests: mounts tiny tmpfs file systems to simulate a full and a read-only disk (needs root)',
    },
    probe: probeTmpfs,
  },
];

/**
 * How the tests and the benchmark start Chromium (headless, with a fresh profile of their own): no
 * sandbox (CI runs as root), no GPU, and nothing the browser would fetch on its own, so a request
 * seen is the page's.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function toolDef(id: ToolId): ToolDef {
  const t = TOOLS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown tool ${id}`);
  return t;
}

const cache = new Map<ToolId, ToolFound | null>();

/** The tool as found on this machine (cached per process), or undefined. */
export function findTool(id: ToolId): ToolFound | undefined {
  if (!cache.has(id)) cache.set(id, toolDef(id).probe() ?? null);
  return cache.get(id) ?? undefined;
}

/** The apt-get line that installs these tools. */
export function installLine(ids: readonly ToolId[] = TOOLS.map((t) => t.id)): string {
  const pkgs = [...new Set(ids.map((id) => toolDef(id).debian))];
  return `apt-get install -y ${pkgs.join(' ')}`;
}
