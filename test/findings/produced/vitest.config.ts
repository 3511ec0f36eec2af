import { defineConfig } from 'vitest/config';

// For test/findings/produced.test.ts only: a child vitest run of two small test files with the
// recording of the real run (its setup file, and a global setup judging against ZMQD_EXPECT_CODES).
export default defineConfig({
  test: {
    include: ['test/findings/produced/*.fixture.ts'],
    pool: 'forks',
    maxWorkers: 1,
    globalSetup: ['test/findings/produced/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
