import type { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/platform/db/client.ts';
import { Store } from '../../functions/platform/db/store.ts';
import {
  plainCredentials,
  type ScopedCredentials,
  stsTenantCredentials,
  TENANT_TAG,
} from '../../functions/platform/db/tenant-credentials.ts';
import { TenantStores } from '../../functions/platform/db/tenant-stores.ts';

const ROLE = 'arn:aws:iam::123456789012:role/rounds-dev-TenantDataRole';
const HOUR = 3600_000;

/** A fake STS that hands out numbered credentials valid for one hour from "now". */
function fakeSts(now: () => number) {
  const calls: AssumeRoleCommand[] = [];
  const client = {
    async send(command: AssumeRoleCommand) {
      calls.push(command);
      return {
        Credentials: {
          AccessKeyId: `AKIA${calls.length}`,
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(now() + HOUR),
        },
      };
    },
  };
  return { client: client as never, calls };
}

const base = new Store(createDocumentClient({ region: 'us-east-1' }), 'rounds', 'cursor-secret-for-tests');

function setup(max?: number) {
  let now = Date.parse('2026-11-23T09:00:00Z');
  const sts = fakeSts(() => now);
  const made: ScopedCredentials[] = [];
  const stores = new TenantStores(
    base,
    stsTenantCredentials(sts.client, ROLE),
    (c) => {
      made.push(c);
      return base.withClient(createDocumentClient({ region: 'us-east-1', credentials: c }));
    },
    () => now,
    max,
  );
  return { stores, sts, made, advance: (ms: number) => (now += ms) };
}

describe('STS tenant credentials (cloud adapter)', () => {
  it('assumes the tenant role with the tenant id as session tag and a traceable session name', async () => {
    const { stores, sts } = setup();
    await stores.forTenant('01JTENANTA');
    expect(sts.calls[0]!.input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'tenant-01JTENANTA',
      DurationSeconds: 3600,
      Tags: [{ Key: TENANT_TAG, Value: '01JTENANTA' }],
    });
  });

  it('refuses to go on when STS returns no credentials', async () => {
    const source = stsTenantCredentials({ send: async () => ({}) } as never, ROLE);
    await expect(source('01JTENANTA')).rejects.toThrow(/no credentials/);
  });
});

describe('per-tenant store cache', () => {
  it('assumes the role once per tenant while the credentials are fresh, even under concurrency', async () => {
    const { stores, sts } = setup();
    const [a1, a2] = await Promise.all([stores.forTenant('A'), stores.forTenant('A')]);
    const a3 = await stores.forTenant('A');
    expect(a1).toBe(a2);
    expect(a3).toBe(a1);
    expect(sts.calls).toHaveLength(1);
    expect(a1).not.toBe(base);
  });

  it('gives each tenant its own store and credentials', async () => {
    const { stores, made } = setup();
    const a = await stores.forTenant('A');
    const b = await stores.forTenant('B');
    expect(a).not.toBe(b);
    expect(made.map((c) => c.accessKeyId)).toEqual(['AKIA1', 'AKIA2']);
  });

  it('renews five minutes before the credentials expire', async () => {
    const { stores, sts, advance } = setup();
    const first = await stores.forTenant('A');
    advance(HOUR - 6 * 60_000);
    expect(await stores.forTenant('A')).toBe(first);
    advance(2 * 60_000);
    expect(await stores.forTenant('A')).not.toBe(first);
    expect(sts.calls).toHaveLength(2);
  });

  it('does not cache a failed AssumeRole: the next request tries again', async () => {
    let fail = true;
    const source = async () => {
      if (fail) throw new Error('AccessDenied');
      return {
        accessKeyId: 'A',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date(Date.now() + HOUR),
      };
    };
    const stores = new TenantStores(base, source, () => base, Date.now);
    await expect(stores.forTenant('A')).rejects.toThrow('AccessDenied');
    fail = false;
    await expect(stores.forTenant('A')).resolves.toBe(base);
  });

  it('keeps at most the configured number of tenants, evicting the least recently used', async () => {
    const { stores, sts } = setup(2);
    await stores.forTenant('A');
    await stores.forTenant('B');
    await stores.forTenant('A');
    await stores.forTenant('C');
    expect(stores.size).toBe(2);
    await stores.forTenant('A');
    expect(sts.calls).toHaveLength(3);
    await stores.forTenant('B');
    expect(sts.calls).toHaveLength(4);
  });
});

describe('plain credentials (local adapter)', () => {
  it('serves every tenant the platform store through the same cache path', async () => {
    const stores = new TenantStores(
      base,
      plainCredentials,
      () => {
        throw new Error('no scoped store is made locally');
      },
      Date.now,
    );
    expect(await stores.forTenant('A')).toBe(base);
    expect(await stores.forTenant('B')).toBe(base);
  });
});
