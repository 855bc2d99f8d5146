import type { Key, TenantScope } from './keys.ts';

/**
 * Shift swap requests' key builders, spread into `tenantKeys` (keys.ts): one partition per
 * practice holding each request (sort keys in asking order: ids are ULIDs) and a marker per shift
 * while a request for it is pending, so a second one is refused; and the practice's swap settings.
 */
export const hrSwapKeys = {
  swapPartition: (s: TenantScope) => `T#${s.tenantId}#HR#SWAP`,
  /** Sort keys order requests by when they were asked (the id is a ULID). */
  swapRequest: (s: TenantScope, id: string): Key => ({ PK: `T#${s.tenantId}#HR#SWAP`, SK: `REQ#${id}` }),
  swapRequestPrefix: 'REQ#',
  swapPendingShift: (s: TenantScope, shiftId: string): Key => ({
    PK: `T#${s.tenantId}#HR#SWAP`,
    SK: `PENDING#${shiftId}`,
  }),
  /** The practice's swap settings (whether the colleague accepts first). */
  swapSettings: (s: TenantScope): Key => ({ PK: `T#${s.tenantId}#HR#SWAP`, SK: 'SETTINGS' }),
};
