import type { LAMBDA_DOMAINS } from './lambda-bundling.ts';

/**
 * Which API Gateway routes reach which domain Lambda. Public routes carry no JWT authorizer;
 * every other path under an authenticated prefix requires a valid Cognito access token.
 * `tests/infra/api-routes.test.ts` checks this against the domains' own route specs.
 */
export interface DomainRoutes {
  /** `METHOD /api/path` with `{param}` placeholders, reachable without a token. */
  public: string[];
  /** First path segments after /api served by this domain (with a token). */
  prefixes: string[];
}

/** Per domain Lambda: its public routes and its authenticated path prefixes. */
export const API_ROUTES: Record<(typeof LAMBDA_DOMAINS)[number], DomainRoutes> = {
  tenants: {
    public: [
      'POST /api/signup',
      'POST /api/auth/login',
      'POST /api/auth/login/mfa',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'POST /api/auth/password-reset',
      'GET /api/auth/password-reset/{token}',
      'POST /api/auth/password-reset/confirm',
      'GET /api/invites/{token}',
      'POST /api/invites/accept',
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/docs',
    ],
    // `auth` holds the signed-in account routes (change password, two-factor set-up, sign out everywhere); its
    // public routes above are more specific, so API Gateway matches them first.
    prefixes: ['auth', 'me', 'tenant', 'locations', 'team', 'outbox', 'association', 'memberships', 'audit'],
  },
  scheduling: {
    public: [
      'GET /api/scheduling/feeds/{token}',
      'GET /api/scheduling/reminder-links/{token}',
      'POST /api/scheduling/reminder-links/{token}',
    ],
    prefixes: ['scheduling'],
  },
  today: { public: [], prefixes: ['today'] },
};

/** Routes API Gateway throttles harder (credential stuffing, signup spam). */
export const AUTH_ROUTES = [
  'POST /api/auth/login',
  'POST /api/auth/login/mfa',
  'POST /api/signup',
  'POST /api/invites/accept',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
];
