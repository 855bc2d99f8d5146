import type { TenantDb } from '../db/tenant-db.ts';
import type { AuthContext } from '../identity/verifier.ts';

/** Hono context variables set by the platform middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    auth?: AuthContext;
    db?: TenantDb;
  };
}
