import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http/body-limit.ts';
import { type RouteSpec, rolesAdmitted } from '../../functions/platform/http/route.ts';
import { auditCount, uniqueEmail } from '../support/app.ts';
import { buildWorld, expectWireError, pathFor, routeKey, sampleBody, type World } from './fixture.ts';

let w: World;
let auditBefore: { a: number; x: number };

beforeAll(async () => {
  w = await buildWorld();
  auditBefore = { a: await auditCount(w.t, w.a), x: await auditCount(w.t, w.x) };
}, 120_000);

const withBody = () => w.specs.filter((s) => s.body);
/**
 * Bodies whose every field is optional: browsers send `{}` to refresh and log out, their refresh
 * token being the httpOnly cookie. Without a cookie, `{}` is "signed out", never a 5xx.
 */
const EMPTY_BODY_ALLOWED: Record<string, number> = { 'POST /auth/refresh': 401, 'POST /auth/logout': 204 };
/** A session the route admits (so validation, not the role check, answers). */
const tokenFor = (spec: RouteSpec) => {
  const admitted = rolesAdmitted(spec);
  if (admitted === 'public') return undefined;
  if (admitted.includes('owner')) return w.a.token;
  // A route for one practice role alone (a provider's own production) gets that role in practice A.
  return admitted.includes('assoc_admin') ? w.x.token : w.roles[admitted[0]!].token;
};
const send = (spec: RouteSpec, init: { json?: unknown; body?: string; headers?: Record<string, string> }) =>
  w.t.call(spec.method.toUpperCase(), pathFor(spec, w.ids), { token: tokenFor(spec), ...init });

/** Every leaf of a sample body, as [path, value]. */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path, value]];
}
function setPath(obj: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

describe('bad bodies on every route', () => {
  it('malformed JSON → 400, wrong content type → 415, empty object → 400 with field paths', async () => {
    for (const spec of withBody()) {
      const key = routeKey(spec);
      const malformed = await send(spec, {
        body: '{"broken": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status, key).toBe(400);
      expectWireError(malformed);
      const text = await send(spec, { body: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(text.status, key).toBe(415);
      expectWireError(text);
      const empty = await send(spec, { json: {} });
      if (key in EMPTY_BODY_ALLOWED) {
        expect(empty.status, key).toBe(EMPTY_BODY_ALLOWED[key]);
      } else {
        expect(empty.status, key).toBe(400);
        expect(empty.body.error.details.length, key).toBeGreaterThan(0);
      }
      const array = await send(spec, { json: [1, 2] });
      expect(array.status, key).toBe(400);
    }
  });

  /** Free-text fields that take more than 10,000 characters, each with the length just past its limit. */
  const LONG_TEXT: Record<string, number> = { 'PUT /hr/meetings/:id minutes': 20_001 };

  it('a wrong type, a huge string or an unknown field in any field → 400 naming the field', async () => {
    for (const spec of withBody()) {
      const sample = sampleBody(spec, w.ids);
      for (const [path, value] of leaves(sample)) {
        const field = path.join('.');
        // A list field may be valid empty (no tags): it gets a list of wrong items instead of [].
        const wrongs = [
          typeof value === 'string' ? 12345 : 'not-a-valid-value',
          Array.isArray(value) ? [12345] : [],
          { nested: true },
        ];
        if (typeof value === 'string')
          wrongs.push('x'.repeat(LONG_TEXT[`${routeKey(spec)} ${field}`] ?? 10_000));
        for (const wrong of wrongs) {
          const res = await send(spec, { json: setPath(sample, path, wrong) });
          expect(res.status, `${routeKey(spec)} ${field}=${JSON.stringify(wrong).slice(0, 20)}`).toBe(400);
          expectWireError(res);
          const paths = res.body.error.details.map((d: { path: string }) => d.path);
          expect(
            paths.some((p: string) => p === field || p.startsWith(`${field}.`) || field.startsWith(p)),
            `${routeKey(spec)} ${field}`,
          ).toBe(true);
        }
      }
      const extra = await send(spec, { json: { ...(sample as object), isAdmin: true } });
      expect(extra.status, `${routeKey(spec)} extra field`).toBe(400);
    }
  }, 120_000);

  it('a body over the route’s limit → 413', async () => {
    for (const spec of withBody()) {
      const limit = spec.maxBodyBytes ?? MAX_BODY_BYTES;
      const res = await send(spec, { json: { padding: 'x'.repeat(limit) } });
      expect(res.status, routeKey(spec)).toBe(413);
      expectWireError(res);
      expect(res.body.error.message, routeKey(spec)).toContain(`${Math.floor(limit / 1024)} KB`);
    }
  });

  it('wrote nothing: no audit record, no login for a refused sign-up', async () => {
    expect(await auditCount(w.t, w.a)).toBe(auditBefore.a);
    expect(await auditCount(w.t, w.x)).toBe(auditBefore.x);
    const email = uniqueEmail('weak');
    const res = await w.t.call('POST', '/api/signup', {
      json: {
        kind: 'practice',
        practice: {
          name: 'Weak Password Practice',
          specialty: 'other',
          region: 'pacific',
          size: 'solo',
          timeZone: 'UTC',
        },
        owner: { name: 'Wes Weak', email, password: 'password1234' },
      },
    });
    expect(res.status).toBe(400);
    expect(await w.t.platform.store.get({ PK: `SYS#LOGIN#${email}`, SK: 'LOGIN' })).toBeUndefined();
    expect(await w.t.platform.store.get({ PK: `SYS#CRED#${email}`, SK: 'CRED' })).toBeUndefined();
  });
});

describe('bad query strings and path ids', () => {
  it('list routes refuse bad limits and forged cursors with 400', async () => {
    for (const spec of w.specs.filter((s) => s.query)) {
      for (const q of [
        'limit=0',
        'limit=101',
        'limit=abc',
        'cursor=garbage',
        'cursor=eyJwIjoiVCN4In0.forged',
      ]) {
        const res = await w.t.call('GET', `/api${spec.path}?${q}`, { token: tokenFor(spec) });
        expect(res.status, `${routeKey(spec)}?${q}`).toBe(400);
        expectWireError(res);
      }
    }
  }, 120_000);

  it('odd ids in paths → 400 or 404, never 5xx', async () => {
    const odd = ['%00', '..%2F..%2Fetc', 'x'.repeat(300), '%F0%9F%92%A9', "1'%20OR%201=1", 'T%23other%23ORG'];
    for (const spec of w.specs.filter((s) => s.path.includes(':'))) {
      for (const id of odd) {
        const path = `/api${spec.path.replace(/:[A-Za-z]+/, id)}`;
        const res = await w.t.call(spec.method.toUpperCase(), path, {
          token: tokenFor(spec),
          json: sampleBody(spec, w.ids),
        });
        expect([400, 404], `${spec.method} ${path}`).toContain(res.status);
        expectWireError(res);
      }
    }
  }, 120_000);
});
