/**
 * The layers of src/ point one way: the command line (src/cli) uses the reporters, the writers and
 * the core; the reporters and writers use the core; the core uses none of them and no Node API
 * (it also runs in the self-check page, in a browser). Read from the source text itself — every
 * `import … from`, `export … from`, `import '…'` and `import('…')`, type-only ones included (but for
 * cycles, which only matter among modules loaded at run time) — so a
 * wrong import fails here, naming the file and the import, before anyone has to find it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

interface Edge {
  /** the importing file, relative to the repository: src/core/x.ts */
  from: string;
  /** the specifier as written */
  spec: string;
  /** the imported file (relative to the repository) when the specifier is relative, else null */
  to: string | null;
  /** `import type …` (or every name `type`): erased by tsc, so no module is loaded at run time */
  typeOnly: boolean;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Comments removed (a comment may quote an import); strings and code are kept as they are. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const STATIC = /(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:([\w*${},\s]+?)\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): Edge[] {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const from = path.relative(ROOT, file).split(path.sep).join('/');
  // a specifier imported both ways counts as a run-time import
  const specs = new Map<string, boolean>();
  const note = (spec: string, typeOnly: boolean) => specs.set(spec, (specs.get(spec) ?? true) && typeOnly);
  for (const m of text.matchAll(STATIC)) {
    const names = /^\s*\{([^}]*)\}\s*$/
      .exec(m[2] ?? '')?.[1]
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    note(m[3]!, m[1] !== undefined || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '))));
  }
  for (const m of text.matchAll(DYNAMIC)) note(m[1]!, false);
  return [...specs].map(([spec, typeOnly]) => {
    if (!spec.startsWith('.')) return { from, spec, to: null, typeOnly };
    const abs = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
    return { from, spec, to: path.relative(ROOT, abs).split(path.sep).join('/'), typeOnly };
  });
}

const files = tsFiles(SRC);
const edges = files.flatMap(edgesOf);
const under = (dir: string) => (f: string | null) => f !== null && f.startsWith(`src/${dir}/`);
const show = (e: Edge) => `${e.from} imports '${e.spec}'`;

/** Node's own modules, with or without the node: prefix. */
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNode = (spec: string) => spec.startsWith('node:') || NODE.has(spec) || NODE.has(spec.split('/')[0]!);

/**
 * Import cycles among src's files, as a depth-first walk meets them: at least one in every group of files
 * that import each other round a ring, each as the files on it from the first in sorted order.
 */
export function cycles(all: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of all) if (e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') {
        const loop = stack.slice(stack.indexOf(t));
        const first = loop.indexOf([...loop].sort()[0]!);
        const canonical = [...loop.slice(first), ...loop.slice(0, first)];
        found.set(canonical.join(' → '), canonical);
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...next.keys()].sort()) if (!state.has(f)) visit(f);
  return [...found.values()];
}

describe('the import graph of src', () => {
  it('is read: every relative import names a file that exists', () => {
    const known = new Set(files.map((f) => path.relative(ROOT, f).split(path.sep).join('/')));
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.filter((e) => e.to !== null && !known.has(e.to)).map(show)).toEqual([]);
  });

  it('the core imports nothing from the command line, the reporters, the writers or the page', () => {
    const bad = edges.filter((e) => under('core')(e.from) && ['cli', 'reporters', 'writers', 'page'].some((d) => under(d)(e.to)));
    expect(bad.map(show)).toEqual([]);
  });

  it('the core uses no Node module (it also runs in a browser)', () => {
    const bad = edges.filter((e) => under('core')(e.from) && isNode(e.spec));
    expect(bad.map(show)).toEqual([]);
  });

  it('the reporters and the writers import nothing from the command line', () => {
    const bad = edges.filter((e) => (under('reporters')(e.from) || under('writers')(e.from)) && under('cli')(e.to));
    expect(bad.map(show)).toEqual([]);
  });

  it('no command imports another command: what two commands share lives outside src/cli/commands', () => {
    const bad = edges.filter((e) => under('cli/commands')(e.from) && under('cli/commands')(e.to));
    expect(bad.map(show)).toEqual([]);
  });

  it('a command module is imported only by the program (src/cli/main.ts), which runs it', () => {
    const bad = edges.filter((e) => under('cli/commands')(e.to) && e.from !== 'src/cli/main.ts' && !under('cli/commands')(e.from));
    expect(bad.map(show)).toEqual([]);
  });

  it('has no import cycles among the modules loaded at run time (type-only imports are erased by tsc)', () => {
    expect(cycles(edges.filter((e) => !e.typeOnly)).map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });

  it('tells a type-only import from one that loads the module', () => {
    const typeOnly = (from: string, spec: string) => edges.find((e) => e.from === from && e.spec === spec)?.typeOnly;
    // the labels phrase the reader's reasons (types only); the catalogue renders with the labels (run time)
    expect(typeOnly('src/core/i18n/zh.ts', '../workbook/reasons.js')).toBe(true);
    expect(typeOnly('src/core/findings/catalogue/file.ts', '../../i18n/zh.js')).toBe(false);
  });

  it('finds a cycle when there is one', () => {
    const e = (from: string, to: string): Edge => ({ from, spec: to, to, typeOnly: false });
    expect(cycles([e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cycles([e('a', 'b'), e('b', 'c')])).toEqual([]);
  });
});
