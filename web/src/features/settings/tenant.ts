import { query } from '@solidjs/router';
import type { Tenant } from '../../../../shared/schemas/tenants.ts';
import { api } from '../../lib/api.ts';

/**
 * The signed-in tenant (the shell's colors and logo). Its own module, apart from the settings
 * calls in api.ts: the app's entry imports it, and api.ts reads a constant from the tenant schemas,
 * which would bring zod and every schema into the first load (tens of ms to evaluate on a phone).
 */
export const getTenant = query(() => api<Tenant>('/tenant'), 'tenant');
