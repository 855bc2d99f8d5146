import { handle } from 'hono/aws-lambda';
import { createPlatform, type PlatformOverrides } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import type { Platform } from '../platform.ts';
import { createApi } from './app.ts';
import type { DomainApp } from './route.ts';

/**
 * A domain's Lambda entry: the platform is built once per warm container, then every event reuses it.
 * `overrides` are adapters only this entry bundles (the documents function's S3 file store).
 */
export async function lambdaHandler(
  createDomain: (p: Platform) => DomainApp,
  overrides: PlatformOverrides = {},
) {
  const platform = await createPlatform(loadConfig(), overrides);
  return handle(createApi(platform, [createDomain(platform)]));
}
