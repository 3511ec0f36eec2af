/**
 * docs/reference.md is what a user of a clone reads: its command and finding-code sections are
 * generated (npm run docs) and must be current; everything it promises by name exists.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regenerate } from '../../src/cli/docs-gen.js';
import { buildProgram } from '../../src/cli/main.js';
import { catalogue } from '../../src/core/findings/catalogue/index.js';

const root = path.resolve(__dirname, '..', '..');
const doc = readFileSync(path.join(root, 'docs', 'reference.md'), 'utf8');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('docs/reference.md', () => {
  it('is what npm run docs writes (run it after adding a code or an option)', () => {
    expect(regenerate(doc) === doc, 'docs/reference.md is out of date: run `npm run docs` and commit it').toBe(true);
  });

  it("names every finding code of the catalogue with its severity and both languages' text", () => {
    for (const [code, d] of Object.entries(catalogue)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row).toContain(d.severity);
      expect(row).toContain(d.title.zh);
      expect(row).toContain(d.title.en);
    }
  });

  it('names every command and every option', () => {
    for (const cmd of buildProgram().commands) {
      expect(doc).toContain(`### \`zmqd ${cmd.name()}`);
      for (const o of cmd.options) expect(doc, `${cmd.name()} ${o.flags}`).toContain(`\`${o.flags}\``);
    }
  });

  it('lists every exit code the CLI can end with', () => {
    const sources = ['src/cli/main.ts', 'bin/zmqd.js'].map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');
    const codes = new Set([0, 1, 2, ...[...sources.matchAll(/(?:return|exit\()\s*(\d{2,3})\b/g)].map((m) => Number(m[1]))]);
    for (const c of codes) expect(doc, `exit code ${c}`).toMatch(new RegExp(`^\\| ${c} \\|`, 'm'));
  });
});

describe('README.md', () => {
  it('links to the docs in the clone, not to a folder a clone does not have', () => {
    expect(readme).not.toContain('../shared');
    expect(readme).toContain('docs/reference.md');
  });

  it('says how to run zmqd as a command near the top', () => {
    const top = readme.split('\n').slice(0, 40).join('\n');
    expect(top).toMatch(/npm link/);
    expect(top).toMatch(/npx zmqd/);
  });

  it('logs one line per scheduled run (cron and systemd)', () => {
    const cron = readme.split('\n').filter((l) => /zmqd\.js report/.test(l));
    expect(cron.length).toBeGreaterThan(0);
    for (const l of cron) {
      expect(l).toContain('--format line');
      expect(l).not.toContain('--format json');
    }
  });
});
