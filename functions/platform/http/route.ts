import type { Context } from 'hono';
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { ROLE_GROUPS, type Role, type RoleGroup } from '../../../shared/roles.ts';
import { toFieldErrors } from '../../../shared/validation.ts';
import { TenantDb } from '../db/tenant-db.ts';
import { AppError, badRequest, forbidden, unauthorized, validationFailed } from '../errors.ts';
import type { AuthContext } from '../identity/verifier.ts';
import type { Platform } from '../platform.ts';
import { limitBody, MAX_BODY_BYTES } from './body-limit.ts';
import { clientIp } from './client-ip.ts';
import type { AppEnv } from './env.ts';
import { Idempotency } from './idempotency.ts';

type Schema = z.ZodMiniType;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A route's contract: it validates the request, documents the API and declares who may call it. */
export interface RouteSpec {
  method: Method;
  path: string;
  summary: string;
  /** The role group admitted (shared/roles.ts); 'public' for the few unauthenticated routes. */
  roles: RoleGroup | 'public';
  body?: Schema;
  /** When the body's shape depends on the caller (e.g. tenant kind); `body` is then what is documented. */
  bodyFor?: (auth: AuthContext) => Schema;
  query?: Schema;
  params?: Schema;
  response?: Schema;
  /**
   * The media type of an answer the handler builds itself instead of JSON (a calendar feed), so the
   * document names what the client really gets.
   */
  produces?: string;
  /** The largest body this route takes, when it needs more than MAX_BODY_BYTES (http/body-limit.ts). */
  maxBodyBytes?: number;
  status?: 200 | 201 | 202 | 204;
  tag: string;
}

type Out<S extends Schema | undefined> = S extends Schema ? z.infer<S> : undefined;

/** What a handler receives: validated input and, on authenticated routes, the caller and its tenant db. */
export interface RouteInput<S extends RouteSpec> {
  body: Out<S['body']>;
  query: Out<S['query']>;
  params: Out<S['params']>;
  auth: AuthContext;
  db: TenantDb;
  requestId: string;
  clientIp: string;
}

export type Handler<S extends RouteSpec> = (input: RouteInput<S>, c: Context<AppEnv>) => Promise<unknown>;

/** A domain's Hono sub-app plus the specs the OpenAPI document is built from. */
export interface DomainApp {
  name: string;
  app: Hono<AppEnv>;
  specs: RouteSpec[];
}

/** Starts a domain: `route(spec, handler)` registers a validated, role-checked, documented route. */
export function defineDomain(name: string, platform: Platform) {
  const app = new Hono<AppEnv>();
  const specs: RouteSpec[] = [];
  const idempotency = new Idempotency(platform.store, () => platform.clock.now().getTime());

  function route<S extends RouteSpec>(spec: S, handler: Handler<S>): void {
    specs.push(spec);
    app.on(
      spec.method.toUpperCase(),
      spec.path,
      limitBody(spec.maxBodyBytes ?? MAX_BODY_BYTES),
      async (c) => {
        const auth =
          spec.roles === 'public' ? undefined : await authorize(c, ROLE_GROUPS[spec.roles], platform);
        const input = await parseInput(c, spec, auth);
        const requestId = c.get('requestId');
        const db = auth
          ? new TenantDb(
              await platform.storeFor(auth.tenantId),
              auth,
              { userId: auth.userId, name: auth.name, role: auth.role },
              requestId,
              platform.clock,
              platform.store,
            )
          : undefined;
        const routeInput = {
          ...input,
          requestId,
          clientIp: clientIp(c),
          get auth() {
            if (!auth) throw new Error(`Route ${spec.path} is public and has no caller`);
            return auth;
          },
          get db() {
            if (!db) throw new Error(`Route ${spec.path} is public and has no tenant`);
            return db;
          },
        } as RouteInput<S>;
        const run = async () => respond(c, spec, await handler(routeInput, c));
        const key = c.req.header('idempotency-key');
        if (spec.method !== 'post' || !key) return run();
        const claim = await idempotency.begin({
          tenantId: auth?.tenantId,
          route: `${spec.method}:${spec.path}`,
          key,
          request: `${c.req.path}\n${await c.req.text()}`,
        });
        if (claim.replay) {
          return new Response(claim.replay.body || null, {
            status: claim.replay.status,
            headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
          });
        }
        try {
          const res = await run();
          await idempotency.finish(claim.key, res.status, await res.clone().text());
          return res;
        } catch (err) {
          await idempotency.finish(claim.key, err instanceof AppError ? err.status : 500, '');
          throw err;
        }
      },
    );
  }

  return { route, domain: { name, app, specs } satisfies DomainApp };
}

/** The roles a route admits, or 'public'. */
export function rolesAdmitted(spec: Pick<RouteSpec, 'roles'>): readonly Role[] | 'public' {
  return spec.roles === 'public' ? 'public' : ROLE_GROUPS[spec.roles];
}

async function authorize(
  c: Context<AppEnv>,
  roles: readonly Role[],
  platform: Platform,
): Promise<AuthContext> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  if (!match) throw unauthorized('Sign in to continue (missing Bearer token)');
  const auth = await platform.verifyToken(match[1]!);
  c.set('auth', auth);
  if (!roles.includes(auth.role)) throw forbidden();
  return auth;
}

async function parseInput(c: Context<AppEnv>, spec: RouteSpec, auth: AuthContext | undefined) {
  const issues: { path: string; message: string }[] = [];
  const check = (schema: Schema | undefined, value: unknown, prefix: string) => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const i of toFieldErrors(result.error))
      issues.push({ path: `${prefix}${i.path}`, message: i.message });
    return undefined;
  };
  const params = check(spec.params, c.req.param(), 'params.');
  const query = check(spec.query, c.req.query(), 'query.');
  const bodySchema = spec.bodyFor && auth ? spec.bodyFor(auth) : spec.body;
  const body = bodySchema ? check(bodySchema, await readJson(c), '') : undefined;
  if (issues.length) throw validationFailed(issues);
  return { params, query, body };
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json)');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

function respond(c: Context<AppEnv>, spec: RouteSpec, data: unknown): Response {
  // A handler that is not JSON (a calendar feed) builds its own response.
  if (data instanceof Response) return data;
  if (spec.status === 204) return c.body(null, 204);
  return c.json(data as object, spec.status ?? 200);
}
