import type { Key, TenantScope } from './keys.ts';

/** The platform imports' key builders, spread into `tenantKeys` (keys.ts): row markers and saved sources. */
export const importKeys = {
  /** One marker per imported CSV row, by a key derived from the row: a re-import skips it. */
  importMarker: (s: TenantScope, kind: string, rowKey: string): Key => ({
    PK: `T#${s.tenantId}#IMPORT#${kind}`,
    SK: rowKey,
  }),
  /** Saved import sources (a name and its column mapping), every kind in one partition: the list is one Query. */
  importSourcePartition: (s: TenantScope) => `T#${s.tenantId}#IMPORTSRC`,
  importSource: (s: TenantScope, id: string): Key => ({
    PK: `T#${s.tenantId}#IMPORTSRC`,
    SK: `SOURCE#${id}`,
  }),
  importSourcePrefix: 'SOURCE#',
  /** Holds a source's name within its kind (compared lower-cased), so two sources never share one. */
  importSourceName: (s: TenantScope, kind: string, name: string): Key => ({
    PK: `T#${s.tenantId}#IMPORTSRC`,
    SK: `NAME#${kind}#${name.trim().toLowerCase()}`,
  }),
};
