import { defineConfig } from 'vitest/config';
import E2eLastSequencer from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    // The e2e files last: the global set-up seeds the demo they copy while the others run.
    sequence: { sequencer: E2eLastSequencer },
    testTimeout: 30_000,
    // expect.poll waits 1 s by default; a page's refetch on a loaded 2-core machine can take longer.
    expect: { poll: { timeout: 10_000 } },
    // An e2e file's beforeAll starts the app and copies the demo, which the first file to ask seeds
    // once per run (~30 s alone, two minutes and more on a loaded 2-core machine) while others wait.
    hookTimeout: 300_000,
    pool: 'forks',
    // Two cores: run files in parallel against the one DynamoDB Local, each in its own table.
    maxWorkers: 2,
    // The AWS SDK warns that Node 22 will be required from 2027; Node 20 is what this machine
    // runs. The warning's type is plain "Warning", so only the SDK's own switch silences it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
