/**
 * esbuild settings for every Lambda bundle: the CDK functions and `npm run bench` both use
 * these, so the measured size and cold import are what deploys.
 */
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLING: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  treeShaking: true,
  // Drops the local adapters from Lambda bundles (functions/platform/bootstrap.ts).
  define: { 'globalThis.__ROUNDS_LAMBDA__': 'true' },
  mainFields: ['module', 'main'],
  // Lambda's Node runtime ships AWS SDK v3, but bundling it pins the version we test with.
  external: [],
  banner: {
    js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
  },
};

/** Each domain with a Lambda entry (functions/<domain>/handler.ts). */
export const LAMBDA_DOMAINS = ['tenants', 'scheduling', 'today'] as const;
