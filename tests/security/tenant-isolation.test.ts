import { beforeAll, describe, expect, it } from 'vitest';
import { forbidden } from '../../functions/platform/errors.ts';
import type { RouteSpec } from '../../functions/platform/http/route.ts';
import { ROLE_GROUPS, ROLES, type RoleGroup } from '../../shared/roles.ts';
import {
  badTokens,
  buildWorld,
  expectWireError,
  pathFor,
  routeKey,
  sampleBody,
  type World,
} from './fixture.ts';

let w: World;
let tokens: Record<string, string>;
const authed = () => w.specs.filter((s) => s.roles !== 'public');
const isAssociationRoute = (s: RouteSpec) =>
  s.roles !== 'public' && !ROLE_GROUPS[s.roles].some((r) => r === 'owner' || r === 'manager');
/** The same-kind outsider: practice B for practice routes, association Y for association-only ones. */
const outsider = (s: RouteSpec) => (isAssociationRoute(s) ? w.y : w.b);
const call = (spec: RouteSpec, token: string | undefined) =>
  w.t.call(spec.method.toUpperCase(), pathFor(spec, w.ids), { token, json: sampleBody(spec, w.ids) });

beforeAll(async () => {
  w = await buildWorld();
  tokens = await badTokens(w);
}, 120_000);

describe('another tenant’s ids', () => {
  it('every route with an id answers 404 to the other tenant and changes nothing', async () => {
    const withIds = authed().filter((s) => s.path.includes(':'));
    expect(withIds.length).toBeGreaterThanOrEqual(8);
    for (const spec of withIds) {
      const res = await call(spec, outsider(spec).token);
      expect(res.status, routeKey(spec)).toBe(404);
      expectWireError(res);
      expect(res.body.error.code).toBe('not_found');
    }
    const location = await w.t.call('GET', `/api/locations/${w.ids.locationId}`, { token: w.a.token });
    expect(location.body).toMatchObject({ version: 1, archived: false });
    const team = await w.t.call('GET', '/api/team?limit=100', { token: w.a.token });
    expect(team.body.items.find((u: { id: string }) => u.id === w.ids.staffUserId)).toMatchObject({
      status: 'active',
      role: 'staff',
    });
    const invites = await w.t.call('GET', '/api/team/invites', { token: w.a.token });
    expect(invites.body.items.find((i: { id: string }) => i.id === w.ids.inviteId).status).toBe('pending');
    const codes = await w.t.call('GET', '/api/association/codes', { token: w.x.token });
    expect(codes.body.items[0].status).toBe('active');
    const memberships = await w.t.call('GET', '/api/memberships', { token: w.a.token });
    expect(memberships.body.items).toHaveLength(1);
  }, 120_000);

  it('no list shows another tenant’s items', async () => {
    const secrets = [
      w.a.tenantId,
      w.x.tenantId,
      w.ids.locationId,
      w.ids.inviteId,
      w.ids.staffUserId,
      w.ids.code,
      w.ids.providerId,
      w.ids.patientId,
      w.ids.appointmentId,
      w.ids.typeId,
      w.ids.waitlistId,
      w.ids.recallId,
      w.ids.fileId,
      w.ids.documentId,
      w.ids.claimId,
    ];
    for (const spec of authed().filter((s) => s.method === 'get' && !s.path.includes(':'))) {
      for (const session of [w.b, w.y]) {
        // Views that name a record in their query (a day of A's location) must not find it.
        const path = pathFor(spec, w.ids);
        const res = await w.t.call('GET', path, { token: session.token });
        if (res.status === 403) continue;
        expect(res.status, routeKey(spec)).toBe(path.includes('?') ? 404 : 200);
        const text = JSON.stringify(res.body);
        for (const secret of secrets) expect(text, `${routeKey(spec)} leaks ${secret}`).not.toContain(secret);
      }
    }
  }, 120_000);

  it('a list cursor from one tenant is refused for another', async () => {
    const page = await w.t.call('GET', '/api/team?limit=1', { token: w.a.token });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const res = await w.t.call(
      'GET',
      `/api/team?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`,
      { token: w.b.token },
    );
    expectWireError(res, 400);
  });
});

describe('tokens', () => {
  it('every non-public route refuses a missing or bad token with 401', async () => {
    for (const spec of authed()) {
      const none = await call(spec, undefined);
      expectWireError(none, 401);
      for (const [name, token] of Object.entries(tokens)) {
        const res = await call(spec, token);
        expect(res.status, `${routeKey(spec)} with ${name}`).toBe(401);
        expectWireError(res);
      }
    }
  }, 120_000);
});

/** What the route layer answers a role a route does not admit. */
const ROLE_REFUSAL = forbidden().message;

describe('roles', () => {
  it('every route refuses each role it does not admit with 403, and admits the others', async () => {
    let refused = 0;
    for (const spec of authed()) {
      const admitted = ROLE_GROUPS[spec.roles as RoleGroup] as readonly string[];
      for (const role of ROLES) {
        // Destructive routes are exercised with a stale version, so an admitted role changes nothing.
        const res = await w.t.call(spec.method.toUpperCase(), pathFor(spec, w.ids), {
          token: w.roles[role].token,
          json: staleVersion(sampleBody(spec, w.ids)),
        });
        if (admitted.includes(role)) {
          expect(res.status, `${routeKey(spec)} as ${role}`).not.toBe(401);
          // A route may still refuse a person its role admits (only the person reviewed writes their
          // self-review), but never with the role refusal.
          if (res.status === 403)
            expect(res.body.error.message, `${routeKey(spec)} as ${role}`).not.toBe(ROLE_REFUSAL);
        } else {
          expect(res.status, `${routeKey(spec)} as ${role}`).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
          expect(res.body.error.message).toBe(ROLE_REFUSAL);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(50);
    // Every route × every role, one after another: the sweep grows with each module's routes.
  }, 120_000);
});

function staleVersion(body: unknown): unknown {
  if (body && typeof body === 'object' && 'version' in body) return { ...body, version: 99 };
  return body;
}
