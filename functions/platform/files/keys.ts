import type { TenantScope } from '../db/keys.ts';

/**
 * Object keys of file bytes, built only here. Every key starts with `t/<tenantId>/`, so an IAM
 * policy (or the local host's folder) can confine a tenant to its own prefix.
 */
export const objectKeys = {
  tenantPrefix: (s: TenantScope) => `t/${s.tenantId}/`,
  file: (s: TenantScope, fileId: string) => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(s.tenantId) || !/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) {
      throw new Error('Invalid tenant or file id in an object key');
    }
    return `t/${s.tenantId}/files/${fileId}`;
  },
};

/** The tag every upload arrives with; the bucket's lifecycle drops objects still carrying it (infra/constructs/files.ts). */
export const PENDING_TAG = { key: 'rounds-upload', value: 'pending' } as const;
