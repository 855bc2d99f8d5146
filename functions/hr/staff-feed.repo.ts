import { systemKeys, tenantKeys } from '../platform/db/keys.ts';
import type { Store, WriteOp } from '../platform/db/store.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';

/**
 * A shift feed's two items: the platform item its token's hash opens (read without a tenant, by
 * the public calendar route) and the person's pointer to it in the directory's partition (so a
 * new feed can revoke the old one).
 */
export interface StaffFeedItem {
  tenantId: string;
  staffId: string;
  createdAt: string;
}

export const staffFeedRepo = {
  get: (store: Store, tokenHash: string) => store.get<StaffFeedItem>(systemKeys.staffFeed(tokenHash)),
  createOp: (tokenHash: string, feed: StaffFeedItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.staffFeed(tokenHash), type: 'staff_feed', ...feed },
  }),
  deleteOp: (tokenHash: string): WriteOp => ({ kind: 'delete', key: systemKeys.staffFeed(tokenHash) }),
  pointer: (db: TenantDb, staffId: string) =>
    db.get<{ tokenHash: string; createdAt: string }>(tenantKeys.staffFeedOf(db, staffId)),
  pointerOp: (db: TenantDb, staffId: string, p: { tokenHash: string; createdAt: string }): WriteOp => ({
    kind: 'put',
    item: { ...tenantKeys.staffFeedOf(db, staffId), type: 'staff_feed_pointer', staffId, ...p },
  }),
};
