import { handle } from 'hono/aws-lambda';
import { createPlatform } from '../platform/bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { createApi } from '../platform/http/app.ts';
import { createTenantsApp } from './tenants.routes.ts';

/** Lambda entry for the tenants domain; the platform is built once per warm container. */
const platform = await createPlatform(loadConfig());
export const handler = handle(createApi(platform, [createTenantsApp(platform)]));
