import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    // An e2e file's beforeAll starts the app and seeds the demo (~30 s alone, over a minute when both
    // workers seed at once on 2 cores).
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: run files in parallel against the one DynamoDB Local, each in its own table.
    maxWorkers: 2,
    // The AWS SDK warns that Node 22 will be required from 2027; Node 20 is what this machine
    // runs. The warning's type is plain "Warning", so only the SDK's own switch silences it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
