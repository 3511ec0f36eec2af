// Run only by test/tools/tools.test.ts, in a child vitest: a suite gated on LibreOffice, whose one
// test fails if it ever runs (the child points SOFFICE at a missing program).
import { expect, it } from 'vitest';
import { describeWithTools } from '../helpers/tools.js';

describeWithTools(['soffice'], 'a suite that needs LibreOffice', () => {
  it('never runs without it', () => {
    expect.unreachable('the suite ran although LibreOffice is missing');
  });
});

it('a test that needs no tool runs', () => {
  expect(1 + 1).toBe(2);
});
