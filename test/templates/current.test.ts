import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../helpers/cli.js';

const root = path.resolve(__dirname, '..', '..');

describe('committed templates', () => {
  beforeAll(() => ensureBuilt());

  for (const [annex, file] of [
    ['annex1', '附表1-落实监督执法正面清单工作情况汇总表.xlsx'],
    ['annex2', '附表2-监督执法正面清单企业列表.xlsx'],
  ] as const) {
    it(`templates/${file} is what \`zmqd template ${annex}\` writes (run npm run templates if not)`, () => {
      const committed = path.join(root, 'templates', file);
      expect(existsSync(committed)).toBe(true);
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'zmqd-tpl-')), file);
      // any date after the 2025 cut-over gives the current (39-unit) roster, as today does
      execFileSync(process.execPath, [path.join(root, 'bin', 'zmqd.js'), 'template', annex, '--out', out, '--as-of', '2026-06-30', '--quiet'], { cwd: root });
      expect(Buffer.compare(readFileSync(out), readFileSync(committed))).toBe(0);
    });
  }
});
