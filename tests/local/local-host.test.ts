import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { portIsFree, startDynamoLocal } from '../../functions/local/dynamo-local.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../functions/local/seed.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { ensureTable } from '../../functions/local/table.ts';
import { TABLE } from '../../shared/table.ts';

const endpoint = () => inject('dynamoEndpoint');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('table creation', () => {
  it('creates the table and its indexes from the shared definition, idempotently', async () => {
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: endpoint(),
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    const name = `ct-${randomUUID()}`;
    expect(await ensureTable(client, name)).toBe('created');
    expect(await ensureTable(client, name)).toBe('exists');
    const table = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(table.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLE.indexes.map((i) => i.name),
    );
    client.destroy();
  });
});

describe('local server', () => {
  it('seeds the demo once, keeps it on a second start, and the demo logins work', async () => {
    const tableName = `seed-${randomUUID()}`;
    const first = await startLocalServer({ dynamoEndpoint: endpoint(), tableName, seed: true });
    expect(first.seeded).toBe(true);
    await first.close();
    const second = await startLocalServer({ dynamoEndpoint: endpoint(), tableName, seed: true });
    cleanups.push(() => second.close());
    expect(second.seeded).toBe(false);

    const login = async (email: string) => {
      const res = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const owner = await login(DEMO_LOGINS[0].email);
    const get = (path: string, token: string) =>
      fetch(`${second.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.json() as Promise<any>,
      );
    const team = await get('/api/team?limit=100', owner);
    const roles = team.items.map((u: { role: string }) => u.role);
    expect(roles.filter((r: string) => r === 'provider')).toHaveLength(4);
    expect(team.items.length).toBe(13); // owner, 4 providers, 8 staff (manager, 5 front desk, 2 billing)
    expect((await get('/api/locations', owner)).items).toHaveLength(2);
    // The demo practice has a logo, served at its public address (no sign-in).
    const { logoUrl } = (await get('/api/tenant', owner)).branding;
    const logo = await fetch(`${second.url}${logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    const assoc = await login(DEMO_LOGINS[3].email);
    const members = await get('/api/association/members?limit=100', assoc);
    expect(members.items.length).toBeGreaterThanOrEqual(6);
    expect(members.items.map((m: { practiceName: string }) => m.practiceName)).toContain(
      'Maple Street Family Medicine',
    );
    // Two starts and a full demo seed (a year of billing imported through the API's own imports
    // among it): like the e2e files' setup, allowed 300 s on a busy machine.
  }, 300_000);

  it('describes its API: OpenAPI 3.1 with exactly the auth endpoints of the wire contract', async () => {
    const server = await startLocalServer({
      dynamoEndpoint: endpoint(),
      tableName: `oa-${randomUUID()}`,
      seed: false,
    });
    cleanups.push(() => server.close());
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    const authPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/auth/') || p === '/api/signup');
    expect(authPaths.sort()).toEqual([
      '/api/auth/login',
      '/api/auth/login/mfa',
      '/api/auth/logout',
      '/api/auth/logout-all',
      '/api/auth/mfa',
      '/api/auth/mfa/totp',
      '/api/auth/mfa/totp/confirm',
      '/api/auth/mfa/totp/disable',
      '/api/auth/password',
      '/api/auth/password-reset',
      '/api/auth/password-reset/confirm',
      '/api/auth/password-reset/{token}',
      '/api/auth/refresh',
      '/api/signup',
    ]);
    // The reset request is accepted, never "found": the same 202 whether or not the email exists.
    expect(Object.keys(doc.paths['/api/auth/password-reset'].post.responses)).toContain('202');
    expect(
      doc.paths['/api/signup'].post.requestBody.content['application/json'].schema.oneOf ??
        doc.paths['/api/signup'].post.requestBody.content['application/json'].schema.anyOf,
    ).toHaveLength(2);
    expect(
      doc.paths['/api/auth/login'].post.responses['200'].content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['accessToken', 'idToken', 'refreshToken', 'expiresIn']));
    // A browser's refresh answers from the cookie, without the refresh token in the body.
    expect(
      doc.paths['/api/auth/refresh'].post.responses['200'].content['application/json'].schema.required,
    ).not.toContain('refreshToken');
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const isPublic = op.security.length === 0;
        expect(isPublic || op['x-roles'].length > 0, `${method} ${path} declares roles`).toBe(true);
      }
    }
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/api/team/invites');
  });

  it('sends security headers and answers unknown API paths with the wire error', async () => {
    const server = await startLocalServer({
      dynamoEndpoint: endpoint(),
      tableName: `sh-${randomUUID()}`,
      seed: false,
    });
    cleanups.push(() => server.close());
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error).toMatchObject({
      code: 'not_found',
      requestId: expect.any(String),
    });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('embedded DynamoDB Local', () => {
  it('persists data in its folder across restarts and refuses a busy port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rounds-ddb-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A port the OS says is free on every interface (the JVM binds them all, not only 127.0.0.1).
    const port = await new Promise<number>((resolvePort) => {
      const probe = createServer();
      probe.listen(0, () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolvePort(free));
      });
    });
    const first = await startDynamoLocal({ port, dataDir: dir });
    await expect(startDynamoLocal({ port, dataDir: dir })).rejects.toThrow(/Port .* is busy/);
    const client = () =>
      new DynamoDBClient({
        region: 'us-east-1',
        endpoint: first.endpoint,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
    const c1 = client();
    await ensureTable(c1, 'persist');
    c1.destroy();
    await first.stop();
    expect(await portIsFree(port)).toBe(true);
    const second = await startDynamoLocal({ port, dataDir: dir });
    const c2 = client();
    expect(await ensureTable(c2, 'persist')).toBe('exists');
    c2.destroy();
    await second.stop();
  }, 60_000);
});
