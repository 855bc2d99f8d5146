import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/schemas/common.ts';
import { type AppError, ContentionError, conflict, notFound, staleVersion, unavailable } from '../errors.ts';
import { assertCursorInRange, decodeCursor, encodeCursor } from './cursor.ts';
import type { Key } from './keys.ts';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write inside a transaction. `onFail` names the error when its condition fails. */
export type WriteOp =
  | { kind: 'create'; item: Item & Key; onFail?: () => AppError }
  | { kind: 'put'; item: Item & Key }
  | {
      kind: 'update';
      key: Key;
      set?: Item;
      /** Numeric deltas (counters), applied atomically. */
      add?: Record<string, number>;
      /** Attributes to delete (optional fields the user cleared). */
      remove?: string[];
      /** Set only where the item has no value yet (created-at, a list to keep). */
      setIfMissing?: Item;
      /** Create the item when it does not exist (no existence condition). */
      upsert?: boolean;
      expectedVersion?: number;
      /** An extra condition, e.g. `#activeOwners > :one`; its names and values are merged in. */
      condition?: Condition;
      onFail?: () => AppError;
    }
  | { kind: 'delete'; key: Key; mustExist?: boolean; onFail?: () => AppError }
  | { kind: 'check'; key: Key; exists: boolean; onFail: () => AppError };

export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Item;
}

export interface QueryOptions {
  partition: string;
  index?: 'GSI1' | 'GSI2';
  skPrefix?: string;
  skBetween?: [string, string];
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
  filter?: { expression: string; names: Record<string, string>; values: Item };
}

const INDEX_KEYS = { GSI1: ['GSI1PK', 'GSI1SK'], GSI2: ['GSI2PK', 'GSI2SK'] } as const;
/** A filtered list reads at most this many pages of this many items to fill a page (~1.5 MB of audit). */
const FILTERED_READS = 5;
const FILTERED_READ_SIZE = 1000;

/** The exclusive start key that continues a query after `item` (table keys plus the index's). */
function keyOf(item: Item, index?: keyof typeof INDEX_KEYS): Item {
  const names = ['PK', 'SK', ...(index ? INDEX_KEYS[index] : [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}
const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

/**
 * The only code that talks to DynamoDB for domain data. Bounded operations only:
 * GetItem, Query, BatchGet, TransactWrite. There is deliberately no scan method.
 */
export class Store {
  private secret?: Promise<string>;

  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    /** The cursor HMAC key, or how to load it on first use (so cold starts skip the read). */
    private readonly cursorSecret: string | (() => Promise<string>),
  ) {}

  /** The same table and cursor secret through another client (a tenant's scoped credentials). */
  withClient(doc: DynamoDBDocumentClient): Store {
    const store = new Store(doc, this.tableName, this.cursorSecret);
    store.secret = this.secret;
    return store;
  }

  private cursorKey(): Promise<string> {
    if (typeof this.cursorSecret === 'string') return Promise.resolve(this.cursorSecret);
    this.secret ??= this.cursorSecret().catch((err) => {
      this.secret = undefined;
      throw err;
    });
    return this.secret;
  }

  /** Reads one item by key (strongly consistent: read-your-writes after a form save). */
  async get<T = Item>(key: Key): Promise<T | undefined> {
    const out = await this.call(() =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })),
    );
    return out.Item as T | undefined;
  }

  /** Reads up to 100 items by key, strongly consistent; missing keys are simply absent. */
  async batchGet<T = Item>(keys: Key[]): Promise<T[]> {
    if (keys.length === 0) return [];
    const unique = [...new Map(keys.map((k) => [`${k.PK}|${k.SK}`, k])).values()].slice(0, 100);
    const out = await this.call(() =>
      this.doc.send(
        new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: unique, ConsistentRead: true } } }),
      ),
    );
    return (out.Responses?.[this.tableName] ?? []) as T[];
  }

  /**
   * Unconditional puts in batches of 25, not a transaction: for derived items a job may write
   * again with the same content (benchmark cells), where all-or-nothing is kept by a marker
   * written last. Unprocessed items are retried with a growing wait.
   */
  async putMany(items: (Item & Key)[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let pending: { PutRequest: { Item: Item } }[] = items
        .slice(i, i + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const out = await this.call(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })),
        );
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
  }

  /** One Query: a page of items and a signed cursor for the next page. */
  async query<T = Item>(opts: QueryOptions): Promise<Page<T>> {
    const [pkName, skName] = opts.index ? INDEX_KEYS[opts.index] : ['PK', 'SK'];
    const names: Record<string, string> = { '#pk': pkName, ...opts.filter?.names };
    const values: Item = { ':pk': opts.partition, ...opts.filter?.values };
    let condition = '#pk = :pk';
    if (opts.skPrefix) {
      names['#sk'] = skName;
      values[':skp'] = opts.skPrefix;
      condition += ' AND begins_with(#sk, :skp)';
    } else if (opts.skBetween) {
      names['#sk'] = skName;
      values[':a'] = opts.skBetween[0];
      values[':b'] = opts.skBetween[1];
      condition += ' AND #sk BETWEEN :a AND :b';
    }
    let start = opts.cursor ? decodeCursor(await this.cursorKey(), opts.partition, opts.cursor) : undefined;
    if (start && (opts.skPrefix || opts.skBetween)) assertCursorInRange(start, skName, opts);
    // A filter drops items after DynamoDB's Limit: read on (bounded) so a page is not left
    // sparse or empty when matches are rare, e.g. one action among hundreds of audit records.
    const reads = opts.filter ? FILTERED_READS : 1;
    const items: Item[] = [];
    let last: Item | undefined;
    for (let read = 0; read < reads && items.length < opts.limit; read++) {
      const out = await this.call(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: opts.index,
            KeyConditionExpression: condition,
            FilterExpression: opts.filter?.expression,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            Limit: opts.filter ? Math.max(opts.limit, FILTERED_READ_SIZE) : opts.limit,
            ScanIndexForward: !opts.newestFirst,
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...((out.Items ?? []) as Item[]));
      last = out.LastEvaluatedKey;
      start = last;
      if (!last) break;
    }
    if (items.length > opts.limit) {
      // More matched than a page holds: continue after the last item returned.
      items.length = opts.limit;
      last = keyOf(items[items.length - 1]!, opts.index);
    }
    return {
      items: items as T[],
      nextCursor: last ? encodeCursor(await this.cursorKey(), opts.partition, last) : null,
    };
  }

  /** Writes all ops atomically; a failed condition becomes that op's typed error. */
  async transact(ops: WriteOp[]): Promise<void> {
    const items = ops.map((op) => this.toTransactItem(op));
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons) {
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failed >= 0) throw defaultFailure(ops[failed]!);
        if (reasons.some((r) => r.Code === 'TransactionConflict')) {
          throw new ContentionError();
        }
      }
      throw mapInfraError(err);
    }
  }

  private toTransactItem(op: WriteOp): TransactItem {
    const TableName = this.tableName;
    switch (op.kind) {
      case 'create':
        return { Put: { TableName, Item: op.item, ConditionExpression: 'attribute_not_exists(PK)' } };
      case 'put':
        return { Put: { TableName, Item: op.item } };
      case 'delete':
        return {
          Delete: {
            TableName,
            Key: op.key,
            ConditionExpression: op.mustExist ? 'attribute_exists(PK)' : undefined,
          },
        };
      case 'check':
        return {
          ConditionCheck: {
            TableName,
            Key: op.key,
            ConditionExpression: op.exists ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)',
          },
        };
      case 'update':
        return { Update: { TableName, Key: op.key, ...updateExpression(op) } };
    }
  }

  /** Runs a raw call, turning throttling and connectivity failures into a 503. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapInfraError(err);
    }
  }

  /** Atomic counter on a platform item (sign-in throttling). */
  increment(key: Key, nowMs: number, ttlSeconds: number) {
    return incrementCounter(this.doc, this.tableName, key, nowMs, ttlSeconds);
  }

  /** Writes one platform item unconditionally (throttle reset, issuer key). */
  put(item: Item & Key): Promise<void> {
    return this.transact([{ kind: 'put', item }]);
  }
}

/** SET and ADD fields; with expectedVersion the write also bumps `version` and requires the old one. */
function updateExpression(op: Extract<WriteOp, { kind: 'update' }>) {
  const names: Record<string, string> = { ...op.condition?.names };
  const values: Item = { ...op.condition?.values };
  const sets: string[] = [];
  const adds: string[] = [];
  let i = 0;
  for (const [field, value] of Object.entries(op.set ?? {})) {
    if (value === undefined) continue;
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = :v${i}`);
    i++;
  }
  for (const [field, delta] of Object.entries(op.add ?? {})) {
    names[`#f${i}`] = field;
    values[`:v${i}`] = delta;
    adds.push(`#f${i} :v${i}`);
    i++;
  }
  for (const [field, value] of Object.entries(op.setIfMissing ?? {})) {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    sets.push(`#f${i} = if_not_exists(#f${i}, :v${i})`);
    i++;
  }
  const removes = (op.remove ?? []).map((field) => {
    names[`#f${i}`] = field;
    return `#f${i++}`;
  });
  const conditions: string[] = op.upsert ? [] : ['attribute_exists(PK)'];
  if (op.expectedVersion !== undefined) {
    names['#version'] = 'version';
    values[':expected'] = op.expectedVersion;
    values[':one'] = 1;
    sets.push('#version = #version + :one');
    conditions.push('#version = :expected');
  }
  if (op.condition) conditions.push(`(${op.condition.expression})`);
  const condition = conditions.length ? conditions.join(' AND ') : undefined;
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    UpdateExpression: expression,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    // DynamoDB refuses an empty map: an update that only removes fields has no values.
    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
  };
}

function defaultFailure(op: WriteOp): AppError {
  if ('onFail' in op && op.onFail) return op.onFail();
  if (op.kind === 'create') return conflict('This already exists');
  if (op.kind === 'update' && op.expectedVersion !== undefined) return staleVersion();
  return notFound();
}

/** Infra failures never leak raw text: throttling or no connection is a 503 with Retry-After. */
export function mapInfraError(err: unknown): unknown {
  const e = err as { name?: string; code?: string; $metadata?: unknown };
  if (
    e &&
    (RETRYABLE.has(e.name ?? '') || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.code ?? ''))
  ) {
    return unavailable();
  }
  if (e && (e.name === 'TimeoutError' || (e.name === 'Error' && /ECONNREFUSED/.test(String(err))))) {
    return unavailable();
  }
  return err;
}

/**
 * Atomically adds 1 to a counter item, stamping its window start and expiry on creation and the
 * time of this increment (`lastAt`) every time.
 */
export async function incrementCounter(
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: Key,
  nowMs: number,
  ttlSeconds: number,
): Promise<{ count: number; windowStart: number; lastAt: number }> {
  try {
    const out = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression:
          'ADD #c :one SET #w = if_not_exists(#w, :now), #e = if_not_exists(#e, :exp), #l = :now',
        ExpressionAttributeNames: { '#c': 'count', '#w': 'windowStart', '#e': 'expiresAt', '#l': 'lastAt' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':now': nowMs,
          ':exp': Math.floor(nowMs / 1000) + ttlSeconds,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return {
      count: Number(out.Attributes?.count ?? 1),
      windowStart: Number(out.Attributes?.windowStart ?? nowMs),
      lastAt: Number(out.Attributes?.lastAt ?? nowMs),
    };
  } catch (err) {
    throw mapInfraError(err);
  }
}
