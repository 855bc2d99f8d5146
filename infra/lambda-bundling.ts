/**
 * esbuild settings for every Lambda bundle: the CDK functions and `npm run bench` both use
 * these, so the measured size and cold import are what deploys.
 */
import type { BuildOptions } from 'esbuild';
import { MODULE_IDS } from '../shared/modules.ts';

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
  // The SDK's default credential chain reads SSO, profiles, IMDS...; a Lambda only ever has its role's
  // credentials in the environment (functions/platform/aws/lambda-credentials.ts). Saves ~80 KB each.
  alias: { '@aws-sdk/credential-provider-node': './functions/platform/aws/lambda-credentials.ts' },
  banner: {
    js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
  },
};

/** Each module has a Lambda entry, functions/<module>/handler.ts (the list is shared/modules.ts). */
export const LAMBDA_DOMAINS = MODULE_IDS;
