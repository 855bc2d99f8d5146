import { MODULE_IDS, MODULES, type ModuleId } from '../shared/modules.ts';

/**
 * Which API Gateway routes reach which module's Lambda. Public routes carry no JWT authorizer;
 * every other path under an authenticated prefix requires a valid Cognito access token.
 * `tests/infra/api-routes.test.ts` checks this against the modules' own route specs.
 */
export interface DomainRoutes {
  /** `METHOD /api/path` with `{param}` placeholders, reachable without a token. */
  public: readonly string[];
  /** First path segments after /api served by this module (with a token). */
  prefixes: readonly string[];
}

/** Per module Lambda: its public routes and its authenticated path prefixes (from shared/modules.ts). */
export const API_ROUTES = Object.fromEntries(
  MODULE_IDS.map((id) => [id, { public: MODULES[id].publicRoutes, prefixes: MODULES[id].apiPrefixes }]),
) as Record<ModuleId, DomainRoutes>;

/** Routes API Gateway throttles harder (credential stuffing, signup spam). */
export const AUTH_ROUTES = [
  'POST /api/auth/login',
  'POST /api/auth/login/mfa',
  'POST /api/signup',
  'POST /api/invites/accept',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
];
