/**
 * Suites that need a system tool (LibreOffice, the Python producers, Chromium, Dovecot) declare it
 * here and nowhere else:
 *
 *   describeWithTools(['soffice'], 'LibreOffice opens the city table', () => { … });
 *   itWithTools(['soffice'], 'converts a legacy .xls', async () => { … });
 *   const py = tool('openpyxl');  // inside such a suite: the interpreter that has openpyxl
 *
 * When a tool is missing the suite is skipped, its reason and install line recorded, and the
 * global teardown prints one summary at the end of the run. With ZMQD_REQUIRE_TOOLS=1 (CI sets it)
 * a missing tool fails the suite instead. Nothing else in the suite is ever skipped.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { findTool, installLine, toolDef, type ToolFound, type ToolId } from '../../src/cli/tools.js';

export type { ToolId } from '../../src/cli/tools.js';

/** The environment variable under which a missing tool fails the run (CI sets it). */
export const REQUIRE_ENV = 'ZMQD_REQUIRE_TOOLS';

/** Where skipped suites are recorded for the end-of-run summary ($ZMQD_SKIP_DIR for a nested run). */
export const SKIP_DIR = process.env.ZMQD_SKIP_DIR || path.resolve(__dirname, '..', '..', '.vitest-tmp', 'skipped-suites');

export interface Gate {
  /** The tools that are missing (empty: run the suite). */
  missing: ToolId[];
}

/**
 * Decide whether a suite that needs `tools` runs. Missing tools and `require` set → throws, naming
 * each tool and its install line; otherwise the missing ones are returned (the suite is skipped).
 */
export function gate(tools: readonly ToolId[], env: NodeJS.ProcessEnv, find: (id: ToolId) => ToolFound | undefined): Gate {
  const missing = tools.filter((t) => !find(t));
  if (missing.length && env[REQUIRE_ENV] === '1') {
    throw new Error(
      `${REQUIRE_ENV}=1 and ${missing.map((m) => toolDef(m).name).join(', ')} missing — ${installLine(missing)} ` +
        '(CI must run every suite; .ci/run installs the tools with npm run setup)',
    );
  }
  return { missing };
}

function record(suite: string, missing: ToolId[]): void {
  mkdirSync(SKIP_DIR, { recursive: true });
  const line = { suite, file: path.relative(path.resolve(__dirname, '..', '..'), expectFile()), missing };
  writeFileSync(path.join(SKIP_DIR, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(line));
}

function expectFile(): string {
  // vitest sets the current test file in the worker's state; fall back to the suite name only
  const state = (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__;
  return state?.filepath ?? '';
}

/** A describe block that runs only when every tool is present (see the module comment). */
export function describeWithTools(tools: readonly ToolId[], name: string, fn: () => void): void {
  const { missing } = gate(tools, process.env, findTool);
  if (missing.length) record(name, missing);
  describe.skipIf(missing.length > 0)(name, fn);
}

/** One test that runs only when every tool is present, in a suite whose other tests need none. */
export function itWithTools(tools: readonly ToolId[], name: string, fn: () => unknown, timeout?: number): void {
  const { missing } = gate(tools, process.env, findTool);
  if (missing.length) record(name, missing);
  it.skipIf(missing.length > 0)(name, fn as () => Promise<void>, timeout);
}

/** The tool as found (its command and version); throws when absent — call it inside a gated suite. */
export function tool(id: ToolId): ToolFound {
  const t = findTool(id);
  if (!t) throw new Error(`${toolDef(id).name} is missing — ${installLine([id])}`);
  return t;
}

/** For the global teardown: the summary of skipped suites, or '' when none was skipped. */
export function skippedSummary(): string {
  let files: string[];
  try {
    files = readdirSync(SKIP_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return '';
  }
  if (!files.length) return '';
  const byTool = new Map<ToolId, Set<string>>();
  let suites = 0;
  for (const f of files.sort()) {
    const rec = JSON.parse(readFileSync(path.join(SKIP_DIR, f), 'utf8')) as { suite: string; file: string; missing: ToolId[] };
    suites++;
    for (const m of rec.missing) {
      if (!byTool.has(m)) byTool.set(m, new Set());
      byTool.get(m)!.add(rec.file ? `${rec.file} › ${rec.suite}` : rec.suite);
    }
  }
  const lines = [`${suites} suite${suites === 1 ? '' : 's'} skipped: ${[...byTool.keys()].map((t) => `${toolDef(t).name} missing — ${installLine([t])}`).join('; ')}`];
  for (const [t, names] of byTool) for (const n of names) lines.push(`  [${toolDef(t).name}] ${n}`);
  lines.push(`Install them all with: npm run setup   (or ${installLine([...byTool.keys()])})`);
  return lines.join('\n');
}

/** For the global setup: forget the previous run's skips. */
export function clearSkips(): void {
  rmSync(SKIP_DIR, { recursive: true, force: true });
}

/** For a vitest global setup: forget the previous run's skips; the returned teardown prints the summary. */
export function skipSummaryAtEnd(): () => void {
  clearSkips();
  return () => {
    const summary = skippedSummary();
    if (summary) process.stdout.write(`\n${summary}\n`);
  };
}
