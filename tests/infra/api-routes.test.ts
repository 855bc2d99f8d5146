import { describe, expect, it } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { API_ROUTES } from '../../infra/api-routes.ts';
import { LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';
import { createTestApp } from '../support/app.ts';

/** `/invites/:token` → `/api/invites/{token}`, API Gateway's path syntax. */
const gatewayPath = (path: string) => `/api${path.replace(/:(\w+)/g, '{$1}')}`;

describe('API Gateway route manifest', () => {
  it('matches every domain’s own routes: public ones open, the rest behind the authorizer', async () => {
    const t = await createTestApp();
    for (const domain of allDomains(t.platform)) {
      expect(LAMBDA_DOMAINS).toContain(domain.name);
      const manifest = API_ROUTES[domain.name as keyof typeof API_ROUTES];
      for (const spec of domain.specs) {
        const key = `${spec.method.toUpperCase()} ${gatewayPath(spec.path)}`;
        if (spec.roles === 'public') expect(manifest.public, key).toContain(key);
        else expect(manifest.prefixes, key).toContain(spec.path.split('/')[1]);
      }
      const publicKeys = domain.specs
        .filter((s) => s.roles === 'public')
        .map((s) => `${s.method.toUpperCase()} ${gatewayPath(s.path)}`);
      // The platform's own public routes are served by the tenants Lambda.
      const platformRoutes =
        domain.name === 'tenants' ? ['GET /api/health', 'GET /api/openapi.json', 'GET /api/docs'] : [];
      expect([...manifest.public].sort()).toEqual([...publicKeys, ...platformRoutes].sort());
    }
  });

  it('no authenticated prefix of one domain is claimed by another', () => {
    const prefixes = Object.values(API_ROUTES).flatMap((d) => d.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
