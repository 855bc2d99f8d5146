import { query, revalidate } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Location, LocationInput, Tenant } from '../../../../shared/schemas/tenants.ts';
import { api } from '../../lib/api.ts';

export const getTenant = query(() => api<Tenant>('/tenant'), 'tenant');

export const listLocations = query(
  (includeArchived: boolean, cursor: string | undefined, limit: number) =>
    api<Page<Location>>('/locations', {
      query: { includeArchived: includeArchived || undefined, cursor, limit },
    }),
  'locations',
);

export async function updateProfile(body: Record<string, unknown>): Promise<Tenant> {
  const tenant = await api<Tenant>('/tenant/profile', { method: 'PUT', body });
  await revalidate(getTenant.key);
  return tenant;
}

export async function updateBranding(body: Tenant['branding'] & { version: number }): Promise<Tenant> {
  const tenant = await api<Tenant>('/tenant/branding', { method: 'PUT', body });
  await revalidate(getTenant.key);
  return tenant;
}

export async function createLocation(body: LocationInput): Promise<Location> {
  const location = await api<Location>('/locations', { method: 'POST', body });
  await revalidate(listLocations.key);
  return location;
}

export async function updateLocation(
  id: string,
  body: LocationInput & { version: number },
): Promise<Location> {
  const location = await api<Location>(`/locations/${encodeURIComponent(id)}`, { method: 'PUT', body });
  await revalidate(listLocations.key);
  return location;
}

export async function archiveLocation(id: string, version: number): Promise<Location> {
  const location = await api<Location>(`/locations/${encodeURIComponent(id)}/archive`, {
    method: 'POST',
    body: { version },
  });
  await revalidate(listLocations.key);
  return location;
}
