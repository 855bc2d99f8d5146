import { handle } from 'hono/aws-lambda';
import { createPlatform } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import type { Platform } from '../platform.ts';
import { createApi } from './app.ts';
import type { DomainApp } from './route.ts';

/** A domain's Lambda entry: the platform is built once per warm container, then every event reuses it. */
export async function lambdaHandler(createDomain: (p: Platform) => DomainApp) {
  const platform = await createPlatform(loadConfig());
  return handle(createApi(platform, [createDomain(platform)]));
}
