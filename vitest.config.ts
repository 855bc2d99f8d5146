import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: run files in parallel against the one DynamoDB Local, each in its own table.
    maxWorkers: 2,
    // The AWS SDK warns that Node 22 will be required from 2027; Node 20 is what this machine runs.
    execArgv: ['--disable-warning=NodeVersionSupportWarning'],
  },
});
