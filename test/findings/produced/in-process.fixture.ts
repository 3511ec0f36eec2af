import { expect, it } from 'vitest';
import { validateFile } from '../../../src/core/validate/validate.js';

it('an empty file is unreadable (in this process)', async () => {
  const r = await validateFile({ file: 'empty.xlsx', name: 'empty.xlsx', bytes: new Uint8Array() }, { asOf: '2024-10-01', expiringDays: 30, allowList: new Set() });
  expect(r.findings.map((f) => f.code)).toEqual(['file-unreadable']);
});
