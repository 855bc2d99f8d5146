import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../functions/platform/clock.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { conflict } from '../../functions/platform/errors.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let db: TenantDb;
const actor = { userId: 'U1', name: 'Test Actor', role: 'owner' as const };

beforeAll(async () => {
  t = await createTestApp();
  db = new TenantDb(t.platform.store, { tenantId: 'TA' }, actor, 'req-1', systemClock);
});

const key = (sk: string) => ({ PK: 'T#TA#ORG', SK: sk });

describe('store', () => {
  it('conditional creates refuse duplicates with the op’s own error', async () => {
    await db.write([{ kind: 'create', item: { ...key('X#1'), version: 1 } }], {
      action: 'x.created',
      entityType: 'x',
      entityId: '1',
      summary: 's',
    });
    await expect(
      db.write([{ kind: 'create', item: { ...key('X#1'), version: 1 }, onFail: () => conflict('dup!') }], {
        action: 'x.created',
        entityType: 'x',
        entityId: '1',
        summary: 's',
      }),
    ).rejects.toMatchObject({ status: 409, message: 'dup!' });
  });

  it('versioned updates bump the version and refuse a stale one', async () => {
    await db.write([{ kind: 'create', item: { ...key('X#2'), name: 'a', version: 1 } }], {
      action: 'x',
      entityType: 'x',
      entityId: '2',
      summary: 's',
    });
    await db.write([{ kind: 'update', key: key('X#2'), set: { name: 'b' }, expectedVersion: 1 }], {
      action: 'x',
      entityType: 'x',
      entityId: '2',
      summary: 's',
    });
    expect(await db.get(key('X#2'))).toMatchObject({ name: 'b', version: 2 });
    await expect(
      db.write([{ kind: 'update', key: key('X#2'), set: { name: 'c' }, expectedVersion: 1 }], {
        action: 'x',
        entityType: 'x',
        entityId: '2',
        summary: 's',
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await db.get(key('X#2'))).toMatchObject({ name: 'b', version: 2 });
  });

  it('a failed transaction writes nothing, not even its audit record', async () => {
    const before = await db.query({ partition: 'T#TA#AUDIT', limit: 100 });
    await expect(
      db.write(
        [
          { kind: 'create', item: { ...key('X#3'), version: 1 } },
          { kind: 'update', key: key('X#404'), set: { name: 'missing' } },
        ],
        { action: 'x', entityType: 'x', entityId: '3', summary: 's' },
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db.get(key('X#3'))).toBeUndefined();
    const after = await db.query({ partition: 'T#TA#AUDIT', limit: 100 });
    expect(after.items).toHaveLength(before.items.length);
  });

  it('every write appends an audit record with actor, role and request id', async () => {
    await db.write([{ kind: 'create', item: { ...key('X#4'), version: 1 } }], {
      action: 'x.made',
      entityType: 'widget',
      entityId: '4',
      summary: 'Made 4',
    });
    const audit = await db.query<Record<string, unknown>>({
      partition: 'T#TA#AUDIT',
      limit: 100,
      newestFirst: true,
    });
    expect(audit.items[0]).toMatchObject({
      actorId: 'U1',
      actorName: 'Test Actor',
      actorRole: 'owner',
      requestId: 'req-1',
      action: 'x.made',
      entityId: '4',
    });
  });

  it('a tenant db refuses keys of another tenant before touching DynamoDB', async () => {
    await expect(db.get({ PK: 'T#TB#ORG', SK: 'TENANT' })).rejects.toThrow(/isolation/);
    await expect(db.query({ partition: 'SYS#LOGIN#x', limit: 1 })).rejects.toThrow(/isolation/);
    await expect(
      db.write([{ kind: 'put', item: { PK: 'T#TB#ORG', SK: 'X' } }], {
        action: 'x',
        entityType: 'x',
        entityId: 'x',
        summary: 'x',
      }),
    ).rejects.toThrow(/isolation/);
  });

  it('an unreachable DynamoDB is a 503 with Retry-After, not a crash', async () => {
    const { Store } = await import('../../functions/platform/db/store.ts');
    const { createDocumentClient } = await import('../../functions/platform/db/client.ts');
    const dead = new Store(
      createDocumentClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' }),
      'x',
      'secret-secret-secret',
    );
    await expect(dead.get({ PK: 'a', SK: 'b' })).rejects.toMatchObject({
      status: 503,
      headers: { 'Retry-After': '2' },
    });
  });
});

describe('filtered lists', () => {
  const load = async (partition: string, count: number, isMatch: (i: number) => boolean) => {
    for (let i = 0; i < count; i += 25) {
      await t.platform.store.transact(
        Array.from({ length: Math.min(25, count - i) }, (_, j) => ({
          kind: 'put' as const,
          item: {
            PK: partition,
            SK: `ROW#${String(i + j).padStart(4, '0')}`,
            kind: isMatch(i + j) ? 'match' : 'other',
          },
        })),
      );
    }
  };
  const query = (partition: string, cursor?: string) =>
    t.platform.store.query<{ SK: string }>({
      partition,
      limit: 10,
      cursor,
      filter: { expression: '#k = :m', names: { '#k': 'kind' }, values: { ':m': 'match' } },
    });

  it('a rare match deep in the partition still fills the first page', async () => {
    await load('T#TA#RARE', 400, (i) => i >= 380);
    const page = await query('T#TA#RARE');
    expect(page.items.map((i) => i.SK)).toEqual(Array.from({ length: 10 }, (_, j) => `ROW#0${380 + j}`));
  });

  it('pages through many matches without gaps or repeats', async () => {
    await load('T#TA#MANY', 300, (i) => i % 3 === 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await query('T#TA#MANY', cursor);
      seen.push(...page.items.map((i) => i.SK));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, j) => `ROW#${String(j * 3).padStart(4, '0')}`));
  });
});
