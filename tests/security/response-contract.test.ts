import { Ajv2020, type AnySchema, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteSpec, rolesAdmitted } from '../../functions/platform/http/route.ts';
import { testClock } from '../support/app.ts';
import { brief, type Call, PREPARE, useContractWorld } from './contract-prepare.ts';
import { buildWorld, pathFor, routeKey, sampleBody, type World } from './fixture.ts';

/**
 * The published contract is true: every route is called (with the fixture's sample request, or with
 * what it needs set up first) and each 2xx answer is checked against the response that
 * GET /api/openapi.json documents for that status, as a client generated from the document would
 * read it. The JSON Schema comes from the document, not from the zod schemas it is built from.
 *
 * Closed objects: zod strips unknown keys when it parses, so its output JSON Schema marks every
 * `z.object` `additionalProperties: false`. The document therefore promises that an answer carries
 * only the fields it lists, and the validator holds the answers to that: a leaked internal key (a
 * key attribute, a denormalised field the DTO forgot) fails here. Loose objects (`z.looseObject`,
 * records) are documented open and may carry more.
 */

const clock = testClock();
let w: World;
let doc: OpenApi;
const answers: Answer[] = [];

interface Answer {
  key: string;
  status: number;
  contentType: string;
  body: unknown;
  documented?: { content?: Record<string, { schema?: AnySchema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, Answer['documented']> }>>;
}

/** Routes that cannot answer 2xx in a test world, each with why. None so far. */
const NEVER_2XX: Record<string, string> = {};

beforeAll(async () => {
  w = await buildWorld({ clock });
  useContractWorld(w, clock);
  const res = await w.t.call('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
  for (const spec of w.specs) answers.push(await exercise(spec));
  // Every read again once the writes are done: lists and views now hold cancelled, rescheduled and
  // no-show visits, closed entries, revoked invites, archived and deactivated records.
  for (const spec of w.specs.filter((s) => s.method === 'get')) {
    answers.push({ ...(await exercise(spec)), key: `${routeKey(spec)} (after the writes)` });
  }
}, 240_000);

describe('the published response contract', () => {
  it('every route answers 2xx at least once', () => {
    const ok = new Set(answers.filter((a) => a.status < 300).map((a) => a.key));
    const never = answers
      .filter((a) => !ok.has(a.key) && !a.key.endsWith('(after the writes)'))
      .map((a) => `${a.key} → ${a.status} ${brief(a.body)}`);
    expect(never.filter((line) => !(line.split(' → ')[0]! in NEVER_2XX))).toEqual([]);
    // The allow-list names only real routes that really cannot.
    for (const key of Object.keys(NEVER_2XX)) expect(ok.has(key), key).toBe(false);
  });

  it('every 2xx status is one the route documents', () => {
    const undocumented = answers
      .filter((a) => a.status < 300 && !a.documented)
      .map((a) => `${a.key} ${a.status}`);
    expect(undocumented).toEqual([]);
  });

  it('every 2xx JSON body matches the documented schema, with no undeclared fields', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const failures: string[] = [];
    for (const a of answers.filter((x) => x.status < 300 && x.contentType === 'application/json')) {
      const schema = a.documented?.content?.['application/json']?.schema;
      if (!schema) {
        failures.push(`${a.key}: answers JSON but documents no JSON body`);
        continue;
      }
      const validate: ValidateFunction = ajv.compile(schema);
      if (!validate(a.body)) {
        for (const e of validate.errors ?? []) {
          const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"` : '';
          failures.push(`${a.key}: ${e.instancePath || '/'} ${e.message}${extra}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('2xx answers that are not JSON carry the documented content type; 204 carries nothing', () => {
    const failures: string[] = [];
    for (const a of answers.filter((x) => x.status < 300 && x.contentType !== 'application/json')) {
      if (a.status === 204) {
        if (a.body !== null || a.documented?.content)
          failures.push(`${a.key}: 204 with a body or documented content`);
        continue;
      }
      const documented = Object.keys(a.documented?.content ?? {});
      if (!documented.includes(a.contentType))
        failures.push(
          `${a.key}: answers ${a.contentType || 'no content type'}, documents ${documented.join(', ')}`,
        );
      if (typeof a.body !== 'string' || !a.body) failures.push(`${a.key}: empty ${a.contentType} body`);
    }
    expect(failures).toEqual([]);
    // The feed is the one non-JSON answer so far; the check above must have seen it.
    expect(answers.find((a) => a.key === 'GET /scheduling/feeds/:token')?.contentType).toBe('text/calendar');
  });
});

/** Calls a route as a role it admits; a stale `version` (an earlier route changed the item) moves on. */
async function exercise(spec: RouteSpec): Promise<Answer> {
  const key = routeKey(spec);
  const call: Call = {
    path: pathFor(spec, w.ids),
    body: sampleBody(spec, w.ids),
    token: tokenFor(spec),
    ...(await PREPARE[key]?.()),
  };
  let res = await send(spec, call);
  for (let version = 2; res.body?.error?.code === 'stale_version' && version < 10; version++) {
    res = await send(spec, { ...call, body: { ...(call.body as object), version } });
  }
  const apiPath = `/api${spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
  return {
    key,
    status: res.status,
    contentType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(),
    body: res.body,
    documented: doc.paths[apiPath]?.[spec.method]?.responses[String(res.status)],
  };
}

const send = (spec: RouteSpec, call: Call) =>
  w.t.call(spec.method.toUpperCase(), call.path!, { token: call.token, json: call.body });

/** A session the route admits: practice A's owner, association X's admin, or the one role it names. */
function tokenFor(spec: RouteSpec): string | undefined {
  const admitted = rolesAdmitted(spec);
  if (admitted === 'public') return undefined;
  if (admitted.includes('owner')) return w.a.token;
  if (admitted.includes('assoc_admin')) return w.x.token;
  return w.roles[admitted[0]!].token;
}
