/**
 * The tenant's profile, branding and locations.
 * Reads documents/logo.service.ts (`requireLogoFile`: the logo a branding save names is a checked
 * PNG or JPEG file of this tenant).
 */
import type { Page } from '../../shared/schemas/common.ts';
import type { Branding, Location, LocationInput, Tenant } from '../../shared/schemas/tenants.ts';
import {
  brandingView,
  UpdateAssociationProfileSchema,
  UpdatePracticeProfileSchema,
} from '../../shared/schemas/tenants.ts';
import { requireLogoFile } from '../documents/logo.service.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, notFound } from '../platform/errors.ts';
import type { AuthContext } from '../platform/identity/verifier.ts';
import { newId } from '../platform/ids.ts';
import { zoneListingOps } from '../platform/today/zone-listing.ts';
import { locationRepo, membershipRepo, strip, type TenantItem, tenantRepo } from './tenants.repo.ts';

/** The profile body a caller sends depends on what kind of tenant it signed in to. */
export const profileSchemaFor = (auth: AuthContext) =>
  auth.tenantKind === 'practice' ? UpdatePracticeProfileSchema : UpdateAssociationProfileSchema;

export async function getTenant(db: TenantDb): Promise<Tenant> {
  return toTenant(await requireTenant(db));
}

/** Replaces the profile fields; a stale version is refused with 409. */
export async function updateProfile(db: TenantDb, input: Record<string, unknown> & { version: number }) {
  const tenant = await requireTenant(db);
  const { version, ...fields } = input;
  const set = { ...fields, updatedAt: db.now().toISOString() };
  // Optional fields left empty in the form are absent from the body: clear them.
  const cleared = ['phone', 'website'].filter((f) => !(f in fields));
  await db.writeWithPlatformItems(
    [tenantRepo.updateOp(db, set, version, cleared)],
    [
      ...(await memberListingOps(db, fields)),
      ...(tenant.kind === 'practice' && typeof fields.timeZone === 'string'
        ? zoneListingOps(db.tenantId, fields.timeZone, tenant.timeZone)
        : []),
    ],
    {
      action: 'settings.profile_updated',
      entityType: 'tenant',
      entityId: db.tenantId,
      summary: 'Updated the profile',
    },
  );
  const updated = { ...tenant, ...(set as Partial<TenantItem>), version: version + 1 };
  for (const f of cleared) delete updated[f as 'phone' | 'website'];
  return toTenant(updated);
}

/**
 * Replaces the logo and colors. The logo is a file of this tenant, uploaded and checked (a PNG or
 * JPEG of at most 1 MB); another tenant's file id is a 404 like an unknown one.
 */
export async function updateBranding(db: TenantDb, input: Branding & { version: number }) {
  const tenant = await requireTenant(db);
  const { version, logoFileId, primaryColor, accentColor } = input;
  if (logoFileId) await requireLogoFile(db, logoFileId);
  const branding: Branding = { logoFileId, primaryColor, accentColor };
  const before = tenant.branding?.logoFileId ?? null;
  const updatedAt = db.now().toISOString();
  await db.write([tenantRepo.updateOp(db, { branding, updatedAt }, version)], {
    action: 'settings.branding_updated',
    entityType: 'tenant',
    entityId: db.tenantId,
    summary:
      logoFileId === before
        ? 'Updated branding colors'
        : logoFileId
          ? 'Updated branding and logo'
          : 'Updated branding and removed the logo',
  });
  return toTenant({ ...tenant, branding, updatedAt, version: version + 1 });
}

/** Which file is the tenant's logo now (null for none): what the public logo address serves. */
export async function currentLogoFileId(db: TenantDb): Promise<string | null> {
  const tenant = await tenantRepo.get(db);
  return tenant?.branding?.logoFileId ?? null;
}

export async function listLocations(
  db: TenantDb,
  opts: { limit: number; cursor?: string; includeArchived: boolean },
) {
  const page = await locationRepo.list(db, opts);
  return {
    items: page.items.map((l) => strip<Location>(l as never)),
    nextCursor: page.nextCursor,
  } satisfies Page<Location>;
}

export async function getLocation(db: TenantDb, id: string): Promise<Location> {
  const location = await locationRepo.get(db, id);
  if (!location) throw notFound('Location');
  return strip<Location>(location as never);
}

export async function createLocation(db: TenantDb, input: LocationInput): Promise<Location> {
  const now = db.now().toISOString();
  const location: Location = {
    id: newId(),
    ...input,
    archived: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await db.write([locationRepo.createOp(db, location)], {
    action: 'settings.location_created',
    entityType: 'location',
    entityId: location.id,
    entityName: location.name,
    summary: `Added location "${location.name}"`,
  });
  return location;
}

export async function updateLocation(db: TenantDb, id: string, input: LocationInput & { version: number }) {
  const existing = await getLocation(db, id);
  if (existing.archived) throw conflict('This location is archived');
  const { version, ...fields } = input;
  const updatedAt = db.now().toISOString();
  await db.write([locationRepo.updateOp(db, id, { ...fields, updatedAt }, version)], {
    action: 'settings.location_updated',
    entityType: 'location',
    entityId: id,
    entityName: fields.name,
    summary: `Updated location "${fields.name}"`,
  });
  return { ...existing, ...fields, updatedAt, version: version + 1 } satisfies Location;
}

/** Archives rather than deletes: later modules keep history that points at the location. */
export async function archiveLocation(db: TenantDb, id: string, version: number): Promise<Location> {
  const existing = await getLocation(db, id);
  if (existing.archived) return existing;
  const updatedAt = db.now().toISOString();
  await db.write([locationRepo.updateOp(db, id, { archived: true, updatedAt }, version)], {
    action: 'settings.location_archived',
    entityType: 'location',
    entityId: id,
    entityName: existing.name,
    summary: `Archived location "${existing.name}"`,
  });
  return { ...existing, archived: true, updatedAt, version: version + 1 };
}

/** A practice's listing in each association it belongs to follows its profile (same transaction). */
async function memberListingOps(db: TenantDb, fields: Record<string, unknown>) {
  if (!('specialty' in fields)) return [];
  const memberships = await membershipRepo.listForPractice(db, { limit: 50 });
  const listing = {
    practiceName: fields.name,
    specialty: fields.specialty,
    region: fields.region,
    size: fields.size,
  };
  return memberships.items.map((m) => membershipRepo.updateMemberOp(m.associationId, db.tenantId, listing));
}

async function requireTenant(db: TenantDb): Promise<TenantItem> {
  const tenant = await tenantRepo.get(db);
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

function toTenant(item: TenantItem): Tenant {
  const { activeOwners: _o, ...tenant } = strip<TenantItem>(item as never);
  return { ...tenant, branding: brandingView(tenant.id, tenant.branding) };
}
