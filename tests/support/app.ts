import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { createPlatform } from '../../functions/platform/bootstrap.ts';
import { loadConfig } from '../../functions/platform/config.ts';
import { createApi } from '../../functions/platform/http/app.ts';
import type { Platform } from '../../functions/platform/platform.ts';
import type { TokenResponse } from '../../shared/schemas/auth.ts';

export const PASSWORD = 'Correct-Horse-Staple-42';

/** A clock that runs with real time plus an offset tests can move (throttle windows, expiry). */
export function testClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
    set: (ms: number) => {
      offset = ms - Date.now();
    },
  };
}

export interface TestApp {
  platform: Platform;
  tableName: string;
  /** Sends a request in-process; `token` adds the Bearer header, `json` the body. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; json?: unknown; body?: string; headers?: Record<string, string>; ip?: string },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/** A fresh table in the shared DynamoDB Local and the full API over it, in-process. */
export async function createTestApp(overrides: Parameters<typeof createPlatform>[1] = {}): Promise<TestApp> {
  const tableName = `t-${randomUUID()}`;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: tableName,
    LOG_LEVEL: 'silent',
    // Uploaded files go to a folder per table under the system's temp dir, never the local data dir.
    DATA_DIR: join(tmpdir(), 'rounds-test-data'),
  });
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  const platform = await createPlatform(config, overrides);
  const app = createApi(platform, allDomains(platform));
  return {
    platform,
    tableName,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body = opts.body;
      if (opts.json !== undefined) {
        body = JSON.stringify(opts.json);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.request(
        `http://localhost${path}`,
        { method, headers, body },
        { incoming: { socket: { remoteAddress: opts.ip ?? '10.0.0.1' } } },
      );
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (docs page)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}

let counter = 0;
/** A unique, valid email for this run. */
export const uniqueEmail = (prefix = 'user') =>
  `${prefix}.${Date.now().toString(36)}${counter++}@example.test`;

export interface Session {
  tenantId: string;
  userId: string;
  email: string;
  token: string;
  tokens: TokenResponse;
}

/** Signs up a practice and signs its owner in. */
export async function signUpPractice(t: TestApp, name = 'Test Family Practice'): Promise<Session> {
  const email = uniqueEmail('owner');
  const res = await t.call('POST', '/api/signup', {
    json: {
      kind: 'practice',
      practice: {
        name,
        specialty: 'family_medicine',
        region: 'pacific',
        size: 'small',
        timeZone: 'America/Los_Angeles',
      },
      owner: { name: 'Olivia Owner', email, password: PASSWORD },
    },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${JSON.stringify(res.body)}`);
  return { ...(await logIn(t, email)), tenantId: res.body.tenantId, userId: res.body.userId };
}

/** Signs up an association and signs its admin in. */
export async function signUpAssociation(t: TestApp, name = 'Test Regional Association'): Promise<Session> {
  const email = uniqueEmail('assoc');
  const res = await t.call('POST', '/api/signup', {
    json: {
      kind: 'association',
      association: { name, region: 'pacific', timeZone: 'America/Los_Angeles' },
      owner: { name: 'Ada Admin', email, password: PASSWORD },
    },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${JSON.stringify(res.body)}`);
  return { ...(await logIn(t, email)), tenantId: res.body.tenantId, userId: res.body.userId };
}

export async function logIn(t: TestApp, email: string, password = PASSWORD) {
  const res = await t.call('POST', '/api/auth/login', {
    json: { email, password },
    ip: `10.1.${counter++ % 250}.1`,
  });
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  const me = await t.call('GET', '/api/me', { token: res.body.accessToken });
  return {
    tenantId: me.body.tenant.id as string,
    userId: me.body.user.id as string,
    email,
    token: res.body.accessToken as string,
    tokens: res.body as TokenResponse,
  };
}

/** Invites a user with a role, accepts from the outbox link and signs them in. */
export async function addMember(
  t: TestApp,
  admin: Session,
  role: string,
  name = 'Sam Member',
): Promise<Session> {
  const email = uniqueEmail(role);
  const invite = await t.call('POST', '/api/team/invites', {
    token: admin.token,
    json: { email, role, name },
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = await inviteTokenFor(t, admin, email);
  const accepted = await t.call('POST', '/api/invites/accept', { json: { token, name, password: PASSWORD } });
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return logIn(t, email);
}

/** Reads the accept token from the invite message in the outbox, as the invitee would from mail. */
export async function inviteTokenFor(t: TestApp, admin: Session, email: string): Promise<string> {
  const outbox = await t.call('GET', '/api/outbox?limit=100', { token: admin.token });
  const message = outbox.body.items.find((m: { to: string }) => m.to === email);
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(message?.text ?? '');
  if (!match) throw new Error(`no invite for ${email}`);
  return match[1]!;
}

/** Number of audit records in a tenant (to prove a refused request wrote nothing). */
export async function auditCount(t: TestApp, admin: Session): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await t.call('GET', `/api/audit?limit=100${q}`, { token: admin.token });
    count += res.body.items.length;
    cursor = res.body.nextCursor;
  } while (cursor);
  return count;
}
