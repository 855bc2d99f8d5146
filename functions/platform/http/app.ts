import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { limitBody, MAX_BODY_BYTES } from './body-limit.ts';
import { docsPage } from './docs-page.ts';
import type { AppEnv } from './env.ts';
import { errorHandler } from './errors.ts';
import { buildOpenApi } from './openapi.ts';
import type { DomainApp } from './route.ts';

export { MAX_BODY_BYTES } from './body-limit.ts';

/**
 * The app factory: request id, one log line per request, body limit, the domains under /api,
 * the self-description, and the one error mapper. The local host passes every domain;
 * each Lambda passes its own.
 */
export function createApi(platform: Platform, domains: DomainApp[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : newId();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const auth = c.get('auth');
    const ms = performance.now() - started;
    const status = c.res.status;
    platform.metrics.record(
      {
        Requests: { value: 1, unit: 'Count', perTenant: true },
        Latency: { value: ms, unit: 'Milliseconds' },
        ClientErrors: { value: status >= 400 && status < 500 ? 1 : 0, unit: 'Count' },
        ServerErrors: { value: status >= 500 ? 1 : 0, unit: 'Count', perTenant: true },
      },
      { tenantId: auth?.tenantId },
    );
    platform.logger.info('request', {
      requestId,
      method: c.req.method,
      route: routePath(c),
      status,
      ms: Math.round(ms * 10) / 10,
      tenant: auth?.tenantId,
      user: auth?.userId,
    });
  });
  const specs = domains.flatMap((d) => d.specs);
  // Every route refuses a body over its own limit (route.ts); this outer bound, the largest of this
  // app's routes, also covers paths no route serves.
  app.use('/api/*', limitBody(Math.max(MAX_BODY_BYTES, ...specs.map((s) => s.maxBodyBytes ?? 0))));
  app.get('/api/health', (c) => c.json({ ok: true }));
  // Built on first request: converting every schema at start would cost each cold start ~10 ms.
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  const describe = () => {
    openapi ??= buildOpenApi(specs, { title: 'Rounds API', version: '1.0.0' });
    return openapi;
  };
  app.get('/api/openapi.json', (c) => c.json(describe()));
  app.get('/api/docs', (c) => c.html(docsPage(describe())));
  for (const domain of domains) app.route('/api', domain.app);
  app.all('/api/*', () => {
    throw notFound('Endpoint');
  });
  app.onError(errorHandler(platform.logger));
  return app;
}
