import type { Appointment, Provider } from '../../shared/schemas/scheduling.ts';
import { systemKeys, tenantKeys } from '../platform/db/keys.ts';
import type { Store, WriteOp } from '../platform/db/store.ts';

/** A calendar feed's secret: which tenant and provider its token opens, and whether names show. */
export interface FeedItem {
  tenantId: string;
  providerId: string;
  showNames: boolean;
  createdAt: string;
}

export const feedRepo = {
  /** Public read by token hash, with platform credentials (the caller has no tenant). */
  get: (store: Store, tokenHash: string) => store.get<FeedItem>(systemKeys.calendarFeed(tokenHash)),
  createOp: (tokenHash: string, feed: FeedItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.calendarFeed(tokenHash), type: 'calendar_feed', ...feed },
  }),
  deleteOp: (tokenHash: string): WriteOp => ({ kind: 'delete', key: systemKeys.calendarFeed(tokenHash) }),
  /** The provider's appointments in a window, read for the feed's tenant. */
  appointments: (store: Store, feed: FeedItem, fromIso: string, toIso: string) =>
    store.query<Appointment>({
      partition: tenantKeys.appointmentsOfProvider({ tenantId: feed.tenantId }, feed.providerId),
      index: 'GSI2',
      skBetween: [fromIso, `${toIso}~`],
      limit: 1000,
    }),
  provider: (store: Store, feed: FeedItem) =>
    store.get<Provider>(tenantKeys.provider({ tenantId: feed.tenantId }, feed.providerId)),
};
