/**
 * npm run docs: rewrite the generated parts of docs/reference.md (every command's options from the
 * command-line definition, every finding code from the catalogue). test/cli/docs.test.ts fails
 * when the committed file differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regenerate } from '../src/cli/docs-gen.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = path.join(root, 'docs', 'reference.md');
const before = readFileSync(file, 'utf8');
const after = regenerate(before);
if (after === before) process.stdout.write('docs/reference.md is up to date\n');
else {
  writeFileSync(file, after);
  process.stdout.write('docs/reference.md regenerated\n');
}
