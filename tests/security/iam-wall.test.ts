import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkKeys, tenantKeys } from '../../functions/platform/db/keys.ts';
import type { Store } from '../../functions/platform/db/store.ts';
import { ROLE_GROUPS, type RoleGroup } from '../../shared/roles.ts';
import { buildWorld, pathFor, routeKey, sampleBody, type World } from './fixture.ts';

/**
 * The IAM wall emulated: in the cloud, a tenant request's DynamoDB calls run with credentials
 * whose policy allows only partition keys under `T#<tenantId>#` (dynamodb:LeadingKeys).
 * DynamoDB Local has no IAM, so this client refuses what IAM would refuse. Every route must
 * work behind it, or the app breaks the day it is deployed.
 */
function leadingKeysClient(doc: DynamoDBDocumentClient, tenantId: string, denied: string[]) {
  const prefix = tenantKeys.leadingKey({ tenantId });
  const aggregates = benchmarkKeys.aggregatesLeadingKey({ tenantId });
  const reads = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand']);
  const check = (command: string, pk: unknown) => {
    const readable = reads.has(command) && typeof pk === 'string' && pk.startsWith(aggregates);
    if (readable) return; // OwnAggregatesReadOnly: an association reads its benchmarks, never writes them
    if (typeof pk !== 'string' || !pk.startsWith(prefix)) denied.push(`${command} ${String(pk)}`);
  };
  return new Proxy(doc, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: Record<string, any> }) => {
        const name = command.constructor.name;
        const input = command.input;
        const before = denied.length;
        if (name === 'ScanCommand') denied.push('Scan');
        if (input.Key) check(name, input.Key.PK);
        if (name === 'QueryCommand') check(name, input.ExpressionAttributeValues?.[':pk']);
        for (const t of Object.values(input.RequestItems ?? {}) as { Keys: { PK: string }[] }[])
          for (const k of t.Keys) check(name, k.PK);
        for (const item of input.TransactItems ?? []) {
          const op = item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck;
          check(name, op.Item?.PK ?? op.Key?.PK);
        }
        if (denied.length > before)
          throw Object.assign(new Error('AccessDenied'), { name: 'AccessDeniedException' });
        return target.send(command as never);
      };
    },
  });
}

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
