import type { Page } from '../../../shared/schemas/common.ts';
import type { Clock } from '../clock.ts';
import { type Actor, type AuditInput, auditItems } from './audit.ts';
import { benchmarkKeys } from './benchmark-keys.ts';
import { type Key, type TenantScope, tenantKeys } from './keys.ts';
import type { QueryOptions, Store, WriteOp } from './store.ts';

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;
/** Items the audit adds to every write's transaction: the record and its index copy. */
export const AUDIT_ITEMS_PER_WRITE = 2;

/**
 * A tenant-scoped view of the store, built per request from the verified token.
 * Every key it touches must start with the tenant's prefix, and every write appends
 * its audit record in the same transaction: a change without its audit line cannot exist.
 */
export class TenantDb implements TenantScope {
  readonly tenantId: string;
  private readonly prefix: string;

  constructor(
    private readonly store: Store,
    scope: TenantScope,
    readonly actor: Actor,
    readonly requestId: string,
    private readonly clock: Clock,
    /** Platform credentials for the few writes that include `SYS#` items; default: `store`. */
    private readonly platformStore: Store = store,
  ) {
    this.tenantId = scope.tenantId;
    this.prefix = tenantKeys.leadingKey(scope);
  }

  async get<T>(key: Key): Promise<T | undefined> {
    this.assertOwn(key.PK);
    return this.store.get<T>(key);
  }

  async batchGet<T>(keys: Key[]): Promise<T[]> {
    for (const k of keys) this.assertOwn(k.PK);
    return this.store.batchGet<T>(keys);
  }

  async query<T>(opts: QueryOptions): Promise<Page<T>> {
    this.assertOwn(opts.partition);
    return this.store.query<T>(opts);
  }

  /**
   * Reads the tenant's published aggregates (`A#<tenantId>#`, an association's benchmarks): the
   * cloud role may read them and never write them, so there is no write counterpart.
   */
  async queryAggregates<T>(opts: QueryOptions): Promise<Page<T>> {
    if (!opts.partition.startsWith(benchmarkKeys.aggregatesLeadingKey(this))) {
      throw new Error('Tenant isolation violation: aggregates outside the caller tenant');
    }
    return this.store.query<T>(opts);
  }

  /** Atomically applies the ops plus the audit record describing them (and its index copy). */
  async write(ops: WriteOp[], audit: AuditInput): Promise<void> {
    if (audit.shown?.length) throw new Error('Patients shown by a read are audited with appendAudit');
    for (const op of ops) this.assertOwn('item' in op ? op.item.PK : op.key.PK);
    return this.store.transact([...ops, ...this.audit(audit)]);
  }

  /**
   * Like write, with platform items (login directory, association membership) in the same
   * transaction. Only the tenants domain uses it: those items are how tenants meet.
   */
  async writeWithPlatformItems(ops: WriteOp[], platformOps: WriteOp[], audit: AuditInput): Promise<void> {
    if (audit.shown?.length) throw new Error('Patients shown by a read are audited with appendAudit');
    for (const op of ops) this.assertOwn('item' in op ? op.item.PK : op.key.PK);
    for (const op of platformOps) {
      const pk = 'item' in op ? op.item.PK : op.key.PK;
      if (!pk.startsWith('SYS#')) throw new Error('Platform ops must target SYS# items');
    }
    return this.platformStore.transact([...ops, ...platformOps, ...this.audit(audit)]);
  }

  /**
   * Appends an audit record with no data change: reads of patient data, failed sign-ins. A list
   * that showed many patients writes its per-patient copies in transactions of at most 100 items.
   */
  async appendAudit(audit: AuditInput): Promise<void> {
    const puts = this.audit(audit);
    for (let i = 0; i < puts.length; i += MAX_TRANSACTION_ITEMS) {
      await this.store.transact(puts.slice(i, i + MAX_TRANSACTION_ITEMS));
    }
  }

  now(): Date {
    return this.clock.now();
  }

  private audit(input: AuditInput): WriteOp[] {
    return auditItems(this, this.actor, this.requestId, input, this.clock.now()).map((item) => ({
      kind: 'put' as const,
      item,
    }));
  }

  private assertOwn(pk: string): void {
    if (!pk.startsWith(this.prefix)) {
      throw new Error('Tenant isolation violation: key outside the caller tenant');
    }
  }
}
