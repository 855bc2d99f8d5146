import { query, revalidate } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { FileDto, FileUpload } from '../../../../shared/schemas/files.ts';
import {
  type Branding,
  LOGO_MAX_BYTES,
  type Location,
  type LocationInput,
  type Tenant,
} from '../../../../shared/schemas/tenants.ts';
import { ApiError, api } from '../../lib/api.ts';
import { sendToFileStore } from '../../lib/upload.ts';
import { getTenant } from './tenant.ts';

export { getTenant };

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

/** The limit as people read it: "1 MB". */
export const LOGO_LIMIT = `${LOGO_MAX_BYTES / 1024 / 1024} MB`;

/**
 * Uploads a logo: the API starts it (a PNG or JPEG of at most 1 MB), the browser sends the bytes to
 * the file store, and the API checks them from their content. The answer is the file the branding
 * then names (`logoFileId`); it is the logo once the branding is saved.
 */
export async function uploadLogo(file: File, onProgress?: (fraction: number) => void): Promise<FileDto> {
  const tooLarge = `“${file.name}” is larger than ${LOGO_LIMIT}. Use a smaller image.`;
  if (file.size > LOGO_MAX_BYTES) throw new ApiError(413, 'payload_too_large', tooLarge);
  if (file.size === 0) throw new ApiError(400, 'bad_request', `“${file.name}” is empty.`);
  const started = await api<FileUpload>('/files/logo', {
    method: 'POST',
    body: { name: file.name, size: file.size, type: file.type || undefined },
  });
  await sendToFileStore(started.upload, file, { tooLarge, onProgress });
  return api<FileDto>(`/files/logo/${encodeURIComponent(started.id)}/complete`, { method: 'POST' });
}

export async function updateBranding(body: Branding & { version: number }): Promise<Tenant> {
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
