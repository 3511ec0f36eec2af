import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // records the finding codes each test file produces (test/helpers/produced.ts)
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores: run files in two forks; LibreOffice tests serialise themselves
    pool: 'forks',
    maxWorkers: 2,
    env: { TZ: 'Pacific/Kiritimati' }, // a far-off zone: any local-time bug shows up as a wrong day
  },
});
