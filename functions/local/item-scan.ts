import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from '../platform/db/keys.ts';
import { mapInfraError } from '../platform/db/store.ts';

/**
 * One page of a full-table read, for operator-run data migrations only (functions/platform/migrations).
 * No deployed role may Scan (the stack grants none and tests/infra asserts it), so this runs in the
 * local host or from an operator's shell with their own credentials, never in a request or a job.
 * Only items whose `type` is one of `types` come back (the read still covers the page).
 */
export async function scanItemsPage(
  doc: DynamoDBDocumentClient,
  tableName: string,
  opts: { types: readonly string[]; startKey?: Key; limit: number },
): Promise<{ items: Record<string, unknown>[]; nextKey?: Key }> {
  const values = Object.fromEntries(opts.types.map((t, i) => [`:t${i}`, t]));
  try {
    const out = await doc.send(
      new ScanCommand({
        TableName: tableName,
        Limit: opts.limit,
        ExclusiveStartKey: opts.startKey,
        FilterExpression: `#type IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: values,
        ConsistentRead: true,
      }),
    );
    return { items: out.Items ?? [], nextKey: out.LastEvaluatedKey as Key | undefined };
  } catch (err) {
    throw mapInfraError(err);
  }
}
