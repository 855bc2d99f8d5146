import type { ClaimListQuery, ClaimState } from '../../shared/schemas/billing.ts';
import type { Page } from '../../shared/schemas/common.ts';
import type { Adjustment } from '../../shared/x12/x12-types.ts';
import { tenantKeys } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';
import { claimState, type StoredClaim } from './claim-effects.ts';

/** A claim as stored: the claim, where it stands, and the keys that list it. */
export type ClaimItem = StoredClaim & { state: ClaimState };

/** One remittance's part in a claim, kept beside the claim. */
export interface StoredClaimPayment {
  claimId: string;
  traceNumber: string;
  paymentDate: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber?: string;
  adjustments: Adjustment[];
  remarks: string[];
}

/** What a claim is found by: patient name, member id and claim id, lower-case, space-separated. */
function findText(c: StoredClaim): string {
  const words = [c.id, c.patient.lastName, c.patient.firstName ?? '', c.patient.memberId ?? ''];
  return ` ${words.join(' ').toLowerCase()} `;
}

function claimRecord(db: TenantDb, c: StoredClaim) {
  const state = claimState(c);
  const sort = tenantKeys.claimServiceSort(c.serviceDate, c.id);
  return {
    ...c,
    state,
    findText: findText(c),
    GSI1PK: tenantKeys.claimsInState(db, state),
    GSI1SK: sort,
    GSI2PK: tenantKeys.claimsOpen(db, state !== 'closed'),
    GSI2SK: sort,
  };
}

/** Creates the claim (version 1) or replaces it when still at the version read. */
export function claimWriteOp(db: TenantDb, c: StoredClaim): WriteOp {
  const key = tenantKeys.claim(db, c.id);
  if (c.version === 0)
    return {
      kind: 'create',
      item: { ...key, ...claimRecord(db, { ...c, version: 1 }) },
      onFail: staleVersion,
    };
  const { version, ...rest } = claimRecord(db, c);
  const cleared = (['followUpDate', 'assignee', 'appealed', 'appealDue'] as const).filter(
    (f) => c[f] === undefined,
  );
  return { kind: 'update', key, set: rest, remove: cleared, expectedVersion: version, onFail: staleVersion };
}

export function claimPaymentOp(db: TenantDb, p: StoredClaimPayment, n: number): WriteOp {
  return {
    kind: 'put',
    item: { ...tenantKeys.claimPayment(db, p.claimId, p.paymentDate, p.traceNumber, n), ...p },
  };
}

const strip = <T extends object>(item: T): T => {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, findText: _f, ...rest } = item as Record<string, unknown>;
  return rest as T;
};

export const claimsRepo = {
  async get(db: TenantDb, id: string): Promise<ClaimItem | undefined> {
    const item = await db.get<ClaimItem>(tenantKeys.claim(db, id));
    return item ? strip(item) : undefined;
  },

  /** The claims with these ids that exist, by id (BatchGet in pages of 100). */
  async getMany(db: TenantDb, ids: readonly string[]): Promise<Map<string, ClaimItem>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, ClaimItem>();
    for (let i = 0; i < unique.length; i += 100) {
      const items = await db.batchGet<ClaimItem>(
        unique.slice(i, i + 100).map((id) => tenantKeys.claim(db, id)),
      );
      for (const item of items) out.set(item.id, strip(item));
    }
    return out;
  },

  /** The claim's remittance parts, oldest first. */
  async payments(db: TenantDb, id: string): Promise<StoredClaimPayment[]> {
    const page = await db.query<StoredClaimPayment>({
      partition: tenantKeys.claimPartition(db, id),
      skPrefix: tenantKeys.claimPaymentPrefix,
      limit: 100,
    });
    return page.items.map(strip);
  },

  /**
   * One page of claims in a state (or all open ones), by date of service, within the service dates
   * given, filtered by payer, provider, location and text.
   */
  async list(db: TenantDb, q: ClaimListQuery, limit: number): Promise<Page<ClaimItem>> {
    const state = q.state ?? 'open';
    const parts: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (q.payer) {
      parts.push('#payer.#id = :payer');
      Object.assign(names, { '#payer': 'payer', '#id': 'id' });
      values[':payer'] = q.payer;
    }
    if (q.provider === '-') {
      parts.push('attribute_not_exists(#provider)');
      names['#provider'] = 'provider';
    } else if (q.provider) {
      parts.push('#provider.#npi = :npi');
      Object.assign(names, { '#provider': 'provider', '#npi': 'npi' });
      values[':npi'] = q.provider;
    }
    if (q.location === '-') {
      parts.push('attribute_not_exists(#locationId)');
      names['#locationId'] = 'locationId';
    } else if (q.location) {
      parts.push('#locationId = :location');
      names['#locationId'] = 'locationId';
      values[':location'] = q.location;
    }
    if (q.q) {
      parts.push('contains(#findText, :q)');
      names['#findText'] = 'findText';
      values[':q'] = ` ${q.q.trim().toLowerCase()}`;
    }
    const page = await db.query<ClaimItem>({
      ...(state === 'open'
        ? { partition: tenantKeys.claimsOpen(db, true), index: 'GSI2' as const }
        : { partition: tenantKeys.claimsInState(db, state), index: 'GSI1' as const }),
      // The service dates bound the index's sort key: a month of claims reads that month only.
      ...(q.serviceFrom || q.serviceTo
        ? { skBetween: tenantKeys.claimServiceRange(q.serviceFrom, q.serviceTo) }
        : {}),
      limit,
      cursor: q.cursor,
      newestFirst: q.sort === 'newest',
      ...(parts.length ? { filter: { expression: parts.join(' AND '), names, values } } : {}),
    });
    return { items: page.items.map(strip), nextCursor: page.nextCursor };
  },
};
