import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import type { Store } from '../../functions/platform/db/store.ts';
import { ROLE_GROUPS, type RoleGroup } from '../../shared/roles.ts';
import { leadingKeysClient } from '../support/leading-keys.ts';
import { buildWorld, pathFor, routeKey, sampleBody, type World } from './fixture.ts';

let w: World;
const denied: string[] = [];
const scopedCalls: string[] = [];

beforeAll(async () => {
  w = await buildWorld();
  const platformStore = w.t.platform.store;
  w.t.platform.storeFor = async (tenantId: string): Promise<Store> => {
    scopedCalls.push(tenantId);
    return platformStore.withClient(leadingKeysClient(platformStore.doc, tenantId, denied));
  };
}, 120_000);

describe('the IAM wall (tenant-scoped credentials)', () => {
  it('every authenticated route works with credentials confined to the caller’s partitions', async () => {
    const failures: string[] = [];
    for (const spec of w.specs.filter((s) => s.roles !== 'public')) {
      const role = ROLE_GROUPS[spec.roles as RoleGroup][0];
      const res = await w.t.call(spec.method.toUpperCase(), pathFor(spec, w.ids), {
        token: w.roles[role].token,
        json: sampleBody(spec, w.ids),
      });
      if (res.status >= 500) failures.push(`${routeKey(spec)} → ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(denied).toEqual([]);
  }, 120_000);

  it('each request asks for its own tenant’s credentials', async () => {
    scopedCalls.length = 0;
    await w.t.call('GET', '/api/tenant', { token: w.a.token });
    await w.t.call('GET', '/api/tenant', { token: w.b.token });
    expect(scopedCalls).toEqual([w.a.tenantId, w.b.tenantId]);
  });

  it('a key outside the tenant is refused by the emulated policy, as IAM would', async () => {
    const scoped = await w.t.platform.storeFor(w.a.tenantId);
    const before = denied.length;
    await expect(scoped.get(tenantKeys.tenant({ tenantId: w.b.tenantId }))).rejects.toThrow();
    expect(denied.length).toBe(before + 1);
    denied.length = before;
  });
});
