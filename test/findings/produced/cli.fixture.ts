import * as path from 'node:path';
import { expect, it } from 'vitest';
import { root, zmqd } from '../../helpers/cli.js';

it('a password-protected list (in the CLI process)', () => {
  const r = zmqd(['validate', path.join(root, 'fixtures', 'annex', 'bad', '加密的附表2.xlsx'), '--format', 'json', '--as-of', '2024-10-01']);
  expect(r.stdout).toContain('"code": "file-encrypted"');
});
