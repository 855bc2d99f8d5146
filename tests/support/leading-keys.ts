import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { benchmarkKeys, tenantKeys } from '../../functions/platform/db/keys.ts';

/**
 * The IAM wall emulated: in the cloud, a tenant request's DynamoDB calls run with credentials
 * whose policy allows only partition keys under `T#<tenantId>#` (dynamodb:LeadingKeys).
 * DynamoDB Local has no IAM, so this client refuses what IAM would refuse. Every route must
 * work behind it, or the app breaks the day it is deployed.
 */
export function leadingKeysClient(doc: DynamoDBDocumentClient, tenantId: string, denied: string[]) {
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
        for (const t of Object.values(input.RequestItems ?? {}) as any[]) {
          // BatchGet names Keys; BatchWrite lists put and delete requests.
          if (Array.isArray(t))
            for (const r of t) check(name, (r.PutRequest?.Item ?? r.DeleteRequest?.Key)?.PK);
          else for (const k of t.Keys) check(name, k.PK);
        }
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
