import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { expect } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { systemKeys } from '../../functions/platform/db/keys.ts';
import type { RouteSpec } from '../../functions/platform/http/route.ts';
import type { Role } from '../../shared/roles.ts';
import { addMember, createTestApp, type Session, signUpAssociation, signUpPractice } from '../support/app.ts';
import { bodiesFor, idFor, queriesFor, seedModules } from './modules/index.ts';
import type { WorldIds } from './modules/module-fixture.ts';

export { SCHEDULING } from './modules/scheduling.ts';
export { LOCATION } from './modules/tenants.ts';

export const routeKey = (s: Pick<RouteSpec, 'method' | 'path'>) => `${s.method.toUpperCase()} ${s.path}`;

/**
 * Two practices (A, B) and two associations (X, Y), A a member of X, with one entity of each
 * kind in A and X, and a session for every role.
 */
export async function buildWorld(overrides: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(overrides);
  const specs = allDomains(t.platform).flatMap((d) => d.specs);
  const a = await signUpPractice(t, 'Practice A');
  const b = await signUpPractice(t, 'Practice B');
  const x = await signUpAssociation(t, 'Association X');
  const y = await signUpAssociation(t, 'Association Y');
  const roles: Record<Role, Session> = {
    owner: a,
    manager: await addMember(t, a, 'manager', 'Manny Manager'),
    staff: await addMember(t, a, 'staff', 'Stella Staff'),
    provider: await addMember(t, a, 'provider', 'Dr. Pro Vider'),
    billing: await addMember(t, a, 'billing', 'Bill Ing'),
    assoc_admin: x,
    analyst: await addMember(t, x, 'analyst', 'Ana Lyst'),
  };
  const ids = await seedModules({ t, a, x, roles });
  return { t, specs, a, b, x, y, roles, ids };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The concrete path of a route, with tenant A's (or association X's) ids in it. */
export function pathFor(spec: RouteSpec, ids: WorldIds): string {
  const path = spec.path
    .replace(':providerId', ids.providerId)
    .replace(':staffId', ids.staffId)
    .replace(':locationId', ids.locationId)
    .replace(':startDate', '2027-12-24')
    .replace(':id', idFor(spec.path, ids))
    // Billing's credentialing: the remittance's rendering provider and payer (before ':n').
    .replace(':npi', '1987654321')
    .replace(':payerId', 'HHP01')
    .replace(':n', '1')
    .replace(':userId', ids.staffUserId)
    .replace(':code', ids.code)
    .replace(':associationId', ids.associationId)
    .replace(':token', ids.inviteToken);
  return `/api${path}${queriesFor(ids)[spec.path] ?? ''}`;
}

/** A valid body for every route that takes one; a test fails when a new route has none here. */
export function sampleBody(spec: RouteSpec, ids: WorldIds): unknown {
  const samples = bodiesFor(ids);
  const key = routeKey(spec);
  if (!spec.body) return undefined;
  expect(samples, `sample body for ${key}`).toHaveProperty([key]);
  return samples[key];
}

/** Tokens that must all be refused: tampered, unsigned, foreign-signed, wrong client, expired. */
export async function badTokens(w: World): Promise<Record<string, string>> {
  const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const alter = (token: string, change: Record<string, unknown>) => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    return `${header}.${encode({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...change })}.${signature}`;
  };
  const claims = JSON.parse(Buffer.from(w.a.token.split('.')[1]!, 'base64url').toString());
  const key = await w.t.platform.store.get<{ kid: string; privateJwk: JWK }>(systemKeys.issuerKey());
  const realKey = await importJWK(key!.privateJwk, 'RS256');
  const foreign = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  const sign = (body: Record<string, unknown>, k: CryptoKey | Uint8Array, kid = key!.kid) =>
    new SignJWT(body).setProtectedHeader({ alg: 'RS256', kid }).sign(k);
  return {
    'altered tenant claim': alter(w.a.token, { tenant_id: w.b.tenantId }),
    'altered role claim': alter(w.roles.staff.token, { role: 'owner' }),
    'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`,
    'signed by another key': await sign(claims, foreign.privateKey),
    'wrong client': await sign({ ...claims, client_id: 'some-other-app' }, realKey),
    'id token instead of access token': w.a.tokens.idToken,
    expired: await sign({ ...claims, iat: now - 3600, exp: now - 1800 }, realKey),
    garbage: 'not.a.jwt',
  };
}

/** Asserts the wire error shape with no stack trace or raw exception text. */
export function expectWireError(res: { status: number; body: any }, status?: number) {
  if (status) expect(res.status).toBe(status);
  expect(res.status).toBeLessThan(500);
  expect(res.body?.error).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  );
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|TypeError|SyntaxError|Exception/);
}
