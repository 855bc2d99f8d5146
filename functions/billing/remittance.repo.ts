import type { Page } from '../../shared/schemas/common.ts';
import type { Remittance835 } from '../../shared/x12/x12-types.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict } from '../platform/errors.ts';

/** An imported (or importing) remittance: its header, not its claims (those live with the claims). */
export interface StoredRemittance {
  id: string;
  traceNumber: string;
  payerId: string;
  payerName: string;
  paymentDate: string;
  paymentCents: number;
  paymentMethod: string;
  claims: number;
  providerAdjustmentsCents: number;
  fileName?: string;
  status: 'importing' | 'imported';
  /** Where each chunk of claims starts (remittances.service.ts): a resumed import keeps them. */
  chunkStarts?: number[];
  importedAt: string;
  importedBy: string;
}

const idOf = (payerId: string, trace: string) => `${payerId}#${trace}`;

const strip = (item: StoredRemittance): StoredRemittance => {
  const { PK, SK, GSI1PK, GSI1SK, ...rest } = item as StoredRemittance & Record<string, unknown>;
  return rest as StoredRemittance;
};

/** The payers and rendering providers these claims name, for filters and labels (idempotent puts). */
export function directoryOps(
  db: TenantDb,
  payers: readonly { id: string; name: string }[],
  claims: readonly { renderingProvider?: { npi?: string; name?: string } }[],
): WriteOp[] {
  const providers = new Map<string, string>();
  for (const c of claims) {
    const p = c.renderingProvider;
    if (p?.npi && !providers.has(p.npi)) providers.set(p.npi, p.name ?? `NPI ${p.npi}`);
  }
  const uniquePayers = new Map(payers.map((p) => [p.id, p.name]));
  return [
    ...[...uniquePayers].map(
      ([id, name]): WriteOp => ({
        kind: 'put',
        item: { ...tenantKeys.billingPayer(db, id), payerId: id, name },
      }),
    ),
    ...[...providers].map(
      ([npi, name]): WriteOp => ({
        kind: 'put',
        item: { ...tenantKeys.billingProvider(db, npi), npi, name },
      }),
    ),
  ];
}

export const remittanceRepo = {
  async get(db: TenantDb, payerId: string, trace: string): Promise<StoredRemittance | undefined> {
    const item = await db.get<StoredRemittance>(tenantKeys.remittance(db, payerId, trace));
    return item ? strip(item) : undefined;
  },

  /** The stored records of these remittances, keyed `payer#trace`. */
  async getMany(db: TenantDb, rs: readonly Remittance835[]): Promise<Map<string, StoredRemittance>> {
    const out = new Map<string, StoredRemittance>();
    for (let i = 0; i < rs.length; i += 100) {
      const keys = rs.slice(i, i + 100).map((r) => tenantKeys.remittance(db, r.payer.id, r.traceNumber));
      for (const item of await db.batchGet<StoredRemittance>(keys)) out.set(item.id, strip(item));
    }
    return out;
  },

  /** Records the remittance (in its first chunk's transaction); a second importer of it fails whole. */
  createOp(
    db: TenantDb,
    r: Remittance835,
    status: StoredRemittance['status'],
    chunkStarts: number[],
    fileName?: string,
  ): WriteOp {
    const record: StoredRemittance = {
      id: idOf(r.payer.id, r.traceNumber),
      traceNumber: r.traceNumber,
      payerId: r.payer.id,
      payerName: r.payer.name,
      paymentDate: r.paymentDate,
      paymentCents: r.paymentCents,
      paymentMethod: r.paymentMethod,
      claims: r.claims.length,
      providerAdjustmentsCents: r.providerAdjustments.reduce((s, a) => s + a.amountCents, 0),
      ...(fileName ? { fileName } : {}),
      status,
      chunkStarts,
      importedAt: db.now().toISOString(),
      importedBy: db.actor.name,
    };
    return {
      kind: 'create',
      item: {
        ...tenantKeys.remittance(db, r.payer.id, r.traceNumber),
        ...record,
        GSI1PK: tenantKeys.remittancesByDate(db),
        GSI1SK: tenantKeys.remittanceDateSort(r.paymentDate, r.payer.id, r.traceNumber),
      },
      onFail: () => conflict('This remittance is being imported right now; try again in a minute'),
    };
  },

  /** The chunk numbers already written for this remittance. */
  async chunksDone(db: TenantDb, payerId: string, trace: string): Promise<Set<number>> {
    const done = new Set<number>();
    const prefix = tenantKeys.remittanceChunkPrefix(payerId, trace);
    let cursor: string | undefined;
    do {
      const page = await db.query<{ SK: string }>({
        partition: tenantKeys.remittanceChunkPartition(db),
        skPrefix: prefix,
        limit: 100,
        cursor,
      });
      for (const item of page.items) done.add(Number(item.SK.slice(prefix.length)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return done;
  },

  /** The marker a chunk's transaction creates: a second writer of the same chunk fails whole. */
  chunkMarkerOp(db: TenantDb, r: Remittance835, n: number): WriteOp {
    return {
      kind: 'create',
      item: { ...tenantKeys.remittanceChunk(db, r.payer.id, r.traceNumber, n), at: db.now().toISOString() },
      onFail: () => conflict('This remittance is being imported right now; try again in a minute'),
    };
  },

  /** Marks the remittance imported (in its last chunk's transaction). */
  finishOp(db: TenantDb, r: Remittance835): WriteOp {
    return {
      kind: 'update',
      key: tenantKeys.remittance(db, r.payer.id, r.traceNumber),
      set: { status: 'imported' },
    };
  },

  /** Remittances by payment date, newest first. */
  async list(db: TenantDb, limit: number, cursor?: string): Promise<Page<StoredRemittance>> {
    const page = await db.query<StoredRemittance>({
      partition: tenantKeys.remittancesByDate(db),
      index: 'GSI1',
      limit,
      cursor,
      newestFirst: true,
    });
    return { items: page.items.map(strip), nextCursor: page.nextCursor };
  },
};

/** The payers and providers seen on claims, for filters and labels. */
export async function billingDirectory(
  db: TenantDb,
): Promise<{ payers: { id: string; name: string }[]; providers: { npi: string; name: string }[] }> {
  const payers: { id: string; name: string }[] = [];
  const providers: { npi: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await db.query<{ SK: string; payerId?: string; npi?: string; name: string }>({
      partition: tenantKeys.billingDirectoryPartition(db),
      limit: 100,
      cursor,
    });
    // The partition also holds each payer's rules and the credentialing of providers: by prefix.
    const payerPrefix = tenantKeys.billingPayer(db, '').SK;
    const providerPrefix = tenantKeys.billingProvider(db, '').SK;
    for (const i of page.items) {
      if (i.SK.startsWith(payerPrefix) && i.payerId) payers.push({ id: i.payerId, name: i.name });
      else if (i.SK.startsWith(providerPrefix) && i.npi) providers.push({ npi: i.npi, name: i.name });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && payers.length + providers.length < 1000);
  return {
    payers: payers.sort((a, b) => a.name.localeCompare(b.name)),
    providers: providers.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
