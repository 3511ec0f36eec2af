import { defineConfig } from 'vitest/config';

// For test/tools/tools.test.ts only: runs the gated fixture suite in a child vitest, with the
// summary of skipped suites that the real run prints (its global setup, without the build).
export default defineConfig({
  test: { include: ['test/tools/gated-suite.fixture.ts'], pool: 'forks', maxWorkers: 1, globalSetup: ['test/tools/gated.global-setup.ts'] },
});
