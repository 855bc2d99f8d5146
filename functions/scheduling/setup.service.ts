/**
 * Scheduling setup: providers, rooms and equipment, appointment types, weekly templates and
 * exceptions. Cross-domain read: `getLocation` from tenants/settings.service.ts (a location
 * named here must exist in the practice).
 */

import type { Page } from '../../shared/schemas/common.ts';
import type {
  AppointmentType,
  AppointmentTypeInput,
  ExceptionInput,
  Provider,
  ProviderInput,
  Resource,
  ResourceInput,
  ScheduleException,
  Template,
  TemplateInput,
} from '../../shared/schemas/scheduling.ts';
import { addDays } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { licenseAlertOps } from './provider-license.ts';
import { exceptionRepo, providerRepo, resourceRepo, templateRepo, typeRepo } from './setup.repo.ts';

type PageArgs = { limit: number; cursor?: string };

const stripPage = <T>(page: Page<unknown>): Page<T> => ({
  items: page.items.map((i) => strip<T>(i as Record<string, unknown>)),
  nextCursor: page.nextCursor,
});

async function requireLocations(db: TenantDb, ids: string[]) {
  await Promise.all(ids.map((id) => getLocation(db, id)));
}

// --- providers ---

export async function createProvider(db: TenantDb, input: ProviderInput): Promise<Provider> {
  await requireLocations(db, input.locationIds);
  const provider: Provider = { id: newId(), ...input, active: true, version: 1 };
  const license = await licenseAlertOps(db, provider);
  await db.writeWithPlatformItems(
    [providerRepo.createOp(db, provider), ...license.ops],
    license.platformOps,
    {
      action: 'scheduling.provider_added',
      entityType: 'provider',
      entityId: provider.id,
      summary: `Added provider ${provider.name}`,
    },
  );
  return provider;
}

export async function updateProvider(db: TenantDb, id: string, input: ProviderInput & { version: number }) {
  const current = await requireProvider(db, id);
  await requireLocations(db, input.locationIds);
  const { version, ...fields } = input;
  const cleared = ['title', 'userId', 'licenseExpires'].filter((f) => !(f in fields));
  const updated = { ...current, ...fields, version: version + 1 };
  for (const f of cleared) delete updated[f as 'title' | 'userId' | 'licenseExpires'];
  const license = await licenseAlertOps(db, updated);
  await db.writeWithPlatformItems(
    [providerRepo.updateOp(db, id, fields, version, cleared), ...license.ops],
    license.platformOps,
    {
      action: 'scheduling.provider_updated',
      entityType: 'provider',
      entityId: id,
      summary: `Updated provider ${input.name}`,
    },
  );
  return updated;
}

export async function setProviderActive(db: TenantDb, id: string, active: boolean, version: number) {
  const current = await requireProvider(db, id);
  const license = await licenseAlertOps(db, { ...current, active });
  await db.writeWithPlatformItems(
    [providerRepo.updateOp(db, id, { active }, version), ...license.ops],
    license.platformOps,
    {
      action: active ? 'scheduling.provider_reactivated' : 'scheduling.provider_deactivated',
      entityType: 'provider',
      entityId: id,
      summary: `${active ? 'Reactivated' : 'Deactivated'} provider ${current.name}`,
    },
  );
  return { ...current, active, version: version + 1 };
}

/** The provider as the API shows it: the feed's token hash stays inside. */
function toProvider(item: unknown): Provider {
  const { feedTokenHash: _hash, ...provider } = strip<Provider & { feedTokenHash?: string }>(
    item as Record<string, unknown>,
  );
  return provider;
}

export async function listProviders(db: TenantDb, page: PageArgs): Promise<Page<Provider>> {
  const found = await providerRepo.list(db, page);
  return { items: found.items.map(toProvider), nextCursor: found.nextCursor };
}

export async function requireProvider(db: TenantDb, id: string): Promise<Provider> {
  const provider = await providerRepo.get(db, id);
  if (!provider) throw notFound('Provider');
  return toProvider(provider);
}

// --- rooms and equipment ---

/** A room belongs to a location the practice still runs: not a missing (404) or archived (400) one. */
async function requireOpenLocation(db: TenantDb, id: string) {
  const location = await getLocation(db, id);
  if (location.archived) throw badRequest('This location is archived; choose one the practice still runs');
  return location;
}

export async function createResource(db: TenantDb, input: ResourceInput) {
  await requireOpenLocation(db, input.locationId);
  const resource: Resource = { id: newId(), ...input, active: true, version: 1 };
  await db.write([resourceRepo.createOp(db, resource)], {
    action: 'scheduling.resource_added',
    entityType: 'resource',
    entityId: resource.id,
    summary: `Added ${resource.kind} ${resource.name}`,
  });
  return resource;
}

/**
 * Renames a room or equipment, or changes its kind or location. Visits already booked keep it;
 * new bookings check the room's kind and location as they stand then.
 */
export async function updateResource(db: TenantDb, id: string, input: ResourceInput & { version: number }) {
  const current = await requireResource(db, id);
  await requireOpenLocation(db, input.locationId);
  const { version, ...fields } = input;
  await db.write([resourceRepo.updateOp(db, id, fields, version)], {
    action: 'scheduling.resource_updated',
    entityType: 'resource',
    entityId: id,
    summary: `Updated ${fields.kind} ${fields.name}`,
  });
  return { ...current, ...fields, version: version + 1 };
}

/** Retires (or brings back) a room or equipment: only new bookings are refused; booked visits keep it. */
export async function setResourceActive(db: TenantDb, id: string, active: boolean, version: number) {
  const current = await requireResource(db, id);
  await db.write([resourceRepo.updateOp(db, id, { active }, version)], {
    action: active ? 'scheduling.resource_reactivated' : 'scheduling.resource_deactivated',
    entityType: 'resource',
    entityId: id,
    summary: `${active ? 'Brought back' : 'Retired'} ${current.kind} ${current.name}`,
  });
  return { ...current, active, version: version + 1 };
}

export const listResources = async (db: TenantDb, page: PageArgs) =>
  stripPage<Resource>(await resourceRepo.list(db, page));

export async function requireResource(db: TenantDb, id: string): Promise<Resource> {
  const resource = await resourceRepo.get(db, id);
  if (!resource) throw notFound('Room');
  return strip<Resource>(resource as never);
}

// --- appointment types ---

export async function createType(db: TenantDb, input: AppointmentTypeInput): Promise<AppointmentType> {
  const type: AppointmentType = { id: newId(), ...input, active: true, version: 1 };
  await db.write([typeRepo.createOp(db, type)], {
    action: 'scheduling.type_added',
    entityType: 'appointment_type',
    entityId: type.id,
    summary: `Added appointment type ${type.name} (${type.durationMinutes} min)`,
  });
  return type;
}

export async function updateType(
  db: TenantDb,
  id: string,
  input: AppointmentTypeInput & { version: number },
) {
  const current = await requireType(db, id);
  const { version, ...fields } = input;
  await db.write([typeRepo.updateOp(db, id, fields, version)], {
    action: 'scheduling.type_updated',
    entityType: 'appointment_type',
    entityId: id,
    summary: `Updated appointment type ${input.name}`,
  });
  return { ...current, ...fields, version: version + 1 };
}

/**
 * Retires (or offers again) an appointment type: booking and the slot finder refuse a retired
 * one, while visits already booked with it stay on the schedule unchanged.
 */
export async function setTypeActive(db: TenantDb, id: string, active: boolean, version: number) {
  const current = await requireType(db, id);
  await db.write([typeRepo.updateOp(db, id, { active }, version)], {
    action: active ? 'scheduling.type_reactivated' : 'scheduling.type_deactivated',
    entityType: 'appointment_type',
    entityId: id,
    summary: `${active ? 'Offered again' : 'Retired'} appointment type ${current.name}`,
  });
  return { ...current, active, version: version + 1 };
}

export const listTypes = async (db: TenantDb, page: PageArgs) =>
  stripPage<AppointmentType>(await typeRepo.list(db, page));

export async function requireType(db: TenantDb, id: string): Promise<AppointmentType> {
  const type = await typeRepo.get(db, id);
  if (!type) throw notFound('Appointment type');
  return strip<AppointmentType>(type as never);
}

// --- templates and exceptions ---

export async function createTemplate(db: TenantDb, input: TemplateInput): Promise<Template> {
  const provider = await requireProvider(db, input.providerId);
  if (!provider.locationIds.includes(input.locationId)) {
    throw badRequest('This provider does not work at that location; add the location to the provider first');
  }
  assertNoOverlap(input.blocks);
  const { replaceCurrent, ...fields } = input;
  const template: Template = { id: newId(), ...fields, version: 1 };
  const ended = replaceCurrent ? await endCurrentHours(db, template) : [];
  await db.write([templateRepo.createOp(db, template), ...ended], {
    action: 'scheduling.template_added',
    entityType: 'template',
    entityId: template.id,
    summary: `Added weekly hours for ${provider.name} from ${input.effectiveFrom}${ended.length ? ' (replacing the earlier hours)' : ''}`,
  });
  return template;
}

/**
 * Ends the provider's hours at the location that are still in effect when `next` starts, the
 * day before it, in the same transaction (version-checked). Hours that start on or after that
 * day are not guessed at: the manager removes them first.
 */
async function endCurrentHours(db: TenantDb, next: Template) {
  const others = (await templateRepo.ofProvider(db, next.providerId)).items.filter(
    (t) => t.locationId === next.locationId && (!t.effectiveTo || t.effectiveTo >= next.effectiveFrom),
  );
  if (others.some((t) => t.effectiveFrom >= next.effectiveFrom)) {
    throw conflict(
      `Hours starting on or after ${next.effectiveFrom} already exist for this provider here; remove them first`,
    );
  }
  const dayBefore = addDays(next.effectiveFrom, -1);
  return others.map((t) => templateRepo.updateOp(db, t, { effectiveTo: dayBefore }));
}

function assertNoOverlap(blocks: TemplateInput['blocks']) {
  const sorted = [...blocks].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.weekday === b.weekday && b.start < a.end) throw badRequest('Two blocks of the same day overlap');
  }
}

export async function deleteTemplate(db: TenantDb, providerId: string, id: string) {
  const template = await templateRepo.get(db, providerId, id);
  if (!template) throw notFound('Template');
  await db.write([templateRepo.deleteOp(db, template)], {
    action: 'scheduling.template_removed',
    entityType: 'template',
    entityId: id,
    summary: 'Removed weekly hours',
  });
}

export const listTemplates = async (db: TenantDb, page: PageArgs) =>
  stripPage<Template>(await templateRepo.list(db, page));

export async function createException(db: TenantDb, input: ExceptionInput): Promise<ScheduleException> {
  if (input.providerId) await requireProvider(db, input.providerId);
  if (input.locationId) await getLocation(db, input.locationId);
  const exception: ScheduleException = { id: newId(), ...input };
  await db.write([exceptionRepo.createOp(db, exception)], {
    action: 'scheduling.exception_added',
    entityType: 'schedule_exception',
    entityId: exception.id,
    summary: `Added ${input.kind.replace('_', ' ')} ${input.startDate} to ${input.endDate}`,
  });
  return exception;
}

/** Removes time off, a holiday or a closure: the hours it blocked are bookable again. */
export async function deleteException(db: TenantDb, startDate: string, id: string) {
  const exception = await exceptionRepo.get(db, startDate, id);
  if (!exception) throw notFound('Time off, holiday or closure');
  await db.write([exceptionRepo.deleteOp(db, exception)], {
    action: 'scheduling.exception_removed',
    entityType: 'schedule_exception',
    entityId: id,
    summary: `Removed ${exception.kind.replace('_', ' ')} ${exception.startDate} to ${exception.endDate}`,
  });
}

export const listExceptions = async (db: TenantDb, page: PageArgs) =>
  stripPage<ScheduleException>(await exceptionRepo.list(db, page));
