import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { createPlatform } from '../platform/bootstrap.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { LocalFileStore, localFileRoutes } from '../platform/files/local.ts';
import { createApi } from '../platform/http/app.ts';
import type { AppEnv } from '../platform/http/env.ts';
import type { Platform } from '../platform/platform.ts';
import { allDomains } from './domains.ts';
import { startJobTimers } from './job-timers.ts';
import { runMigrations } from './migration-runner.ts';
import { allMigrations } from './migrations.ts';
import { isSeeded, seedDemo } from './seed.ts';
import { ensureTable } from './table.ts';

export interface LocalServerOptions {
  config?: Config;
  port?: number;
  dynamoEndpoint?: string;
  tableName?: string;
  seed?: boolean;
  webDist?: string;
  logLevel?: Config['logLevel'];
}

export interface LocalServer {
  url: string;
  platform: Platform;
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * The local host: ensures the table, seeds the demo once, and serves every domain app
 * under /api plus the built web app (SPA fallback) from one Node process.
 */
export async function startLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  const config =
    opts.config ??
    loadConfig({
      TABLE_NAME: opts.tableName,
      DYNAMODB_ENDPOINT: opts.dynamoEndpoint,
      PORT: String(opts.port ?? 0),
      LOG_LEVEL: opts.logLevel ?? 'silent',
    });
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: config.dynamoEndpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  });
  await ensureTable(client, config.tableName);
  client.destroy();
  const platform = await createPlatform(config);
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, strictTransportSecurity: false }));
  app.route('/', createApi(platform, allDomains(platform)));
  // Signed file uploads and downloads: the browser moves the bytes here, never through /api.
  if (platform.files instanceof LocalFileStore) app.route('/', localFileRoutes(platform.files));
  mountWeb(app, opts.webDist ?? resolve('web/dist'));

  const server = serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  let seeded = false;
  if ((opts.seed ?? config.seedDemo) && !(await isSeeded(platform))) {
    await seedDemo(platform, url);
    seeded = true;
  }
  await bringDataUpToDate(platform);
  const stopJobs = startJobTimers(platform);
  return {
    url,
    platform,
    seeded,
    close: () => {
      stopJobs();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const CSP = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
};

function mountWeb(app: Hono<AppEnv>, webDist: string): void {
  const root = relative(process.cwd(), webDist) || '.';
  if (!existsSync(resolve(webDist, 'index.html'))) {
    app.get('*', (c) =>
      c.text('The web app is not built yet: run `npm run build:web` (npm start does this).', 503),
    );
    return;
  }
  // Compressed as CloudFront compresses them in the cloud (the default behavior's caching policy),
  // so a phone on a slow network gets the same bytes locally as from the cloud.
  app.use('/assets/*', compress());
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
}

/**
 * Data written by an older version gets the rows this version's writes keep (search rows, listings,
 * index copies): pending migrations run before the first request. The demo seed records them as done.
 */
async function bringDataUpToDate(platform: Platform): Promise<void> {
  await runMigrations(platform.store, allMigrations(), (p) => {
    if (p.done && p.written > 0) process.stdout.write(`Updated older data: ${p.id} (${p.written} rows)\n`);
  });
}
