/**
 * FHIR R4 export of a location's schedule. Cross-domain read: `getLocation` from
 * tenants/settings.service.ts (the Location resource and its time zone).
 */
import { createHash } from 'node:crypto';
import {
  type Appointment,
  type AppointmentStatus,
  MAX_EXPORT_DAYS,
  type Patient,
  type Provider,
} from '../../shared/schemas/scheduling.ts';
import { addDays } from '../../shared/time.ts';
import { strip } from '../platform/db/items.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { badRequest } from '../platform/errors.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { patientRepo } from './patients.repo.ts';
import { auditPatient } from './patients.service.ts';
import { providerRepo } from './setup.repo.ts';

type Resource = { resourceType: string; id: string } & Record<string, unknown>;

/**
 * Namespace of the name-based UUIDs below. Fixed for good: a new one would give every resource a
 * new fullUrl, and a receiver matching re-exports by fullUrl would see duplicates.
 */
const FULL_URL_NAMESPACE = Buffer.from('c05059c968284557815c641b0374729a', 'hex');

/**
 * An entry's fullUrl, which every reference to it repeats: a urn:uuid (v5) named by type and id.
 * A downloaded file has no RESTful base, and R4 resolves a relative reference ("Patient/01…")
 * inside a bundle only against one, so references are absolute; the same resource gets the same
 * uuid in every export.
 */
export function fhirFullUrl(resourceType: string, id: string): string {
  const hash = createHash('sha1').update(FULL_URL_NAMESPACE).update(`${resourceType}/${id}`).digest();
  // RFC 4122 §4.3: the version (5, SHA-1 name-based) and variant bits make it a valid UUID.
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `type` says what the opaque uuid points at, so a reader need not resolve it to know. */
const ref = (resourceType: string, id: string) => ({
  reference: fhirFullUrl(resourceType, id),
  type: resourceType,
});

const FHIR_STATUS: Record<AppointmentStatus, string> = {
  scheduled: 'booked',
  confirmed: 'booked',
  arrived: 'arrived',
  in_room: 'checked-in',
  checked_out: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
  rescheduled: 'cancelled',
};

/**
 * A FHIR R4 Bundle (type collection) of one location's days: Location, Practitioner, Schedule,
 * Slot, Appointment and Patient resources whose references all resolve inside the bundle.
 * Patient data leaves the system here, so the export is audited.
 */
export async function exportFhir(db: TenantDb, q: { locationId: string; from: string; to: string }) {
  if (q.to < q.from) throw badRequest('"to" must be on or after "from"');
  const days: string[] = [];
  for (let d = q.from; d <= q.to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_EXPORT_DAYS) throw badRequest(`Export at most ${MAX_EXPORT_DAYS} days at a time`);
  }
  const location = await getLocation(db, q.locationId);
  const appointments = (
    await Promise.all(days.map((d) => appointmentRepo.ofDay(db, q.locationId, d)))
  ).flatMap((p) => p.items.map((a) => strip<Appointment>(a as never)));
  const [providers, patients] = await Promise.all([
    Promise.all(unique(appointments.map((a) => a.providerId)).map((id) => providerRepo.get(db, id))),
    batchPatients(db, unique(appointments.map((a) => a.patientId))),
  ]);
  const resources: Resource[] = [
    {
      resourceType: 'Location',
      id: location.id,
      name: location.name,
      status: location.archived ? 'inactive' : 'active',
      address: {
        line: [location.address.line1, location.address.line2].filter(Boolean),
        city: location.address.city,
        state: location.address.state,
        postalCode: location.address.postalCode,
      },
      telecom: [{ system: 'phone', value: location.phone }],
    },
    ...providers
      .filter((p): p is Provider => Boolean(p))
      .flatMap((p) => providerResources(p, location.id, q)),
    ...patients.map(patientResource),
    ...appointments.flatMap((a) => appointmentResources(a)),
  ];
  await db.appendAudit({
    action: 'patient.exported',
    entityType: 'patient',
    entityId: '-',
    summary: `FHIR export of ${appointments.length} appointment(s), ${patients.length} patient(s), ${q.from} to ${q.to}`,
    // Each exported patient's access report names the export.
    shown: patients.map(auditPatient),
  });
  // No `total`: R4 allows it only on searchset and history bundles (bdl-1).
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: db.now().toISOString(),
    entry: resources.map((resource) => ({
      fullUrl: fhirFullUrl(resource.resourceType, resource.id),
      resource,
    })),
  };
}

const unique = (ids: string[]) => [...new Set(ids)];

async function batchPatients(db: TenantDb, ids: string[]): Promise<Patient[]> {
  const found: Patient[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = await Promise.all(ids.slice(i, i + 100).map((id) => patientRepo.get(db, id)));
    for (const p of chunk) if (p) found.push(strip<Patient>(p as never));
  }
  return found;
}

function providerResources(p: Provider, locationId: string, q: { from: string; to: string }): Resource[] {
  return [
    {
      resourceType: 'Practitioner',
      id: p.id,
      active: p.active,
      name: [{ text: p.name, ...(p.title ? { suffix: [p.title] } : {}) }],
    },
    {
      resourceType: 'Schedule',
      id: `${p.id}-${locationId}`,
      active: p.active,
      actor: [ref('Practitioner', p.id), ref('Location', locationId)],
      planningHorizon: { start: q.from, end: q.to },
    },
  ];
}

function patientResource(p: Patient): Resource {
  const telecom = [
    ...(p.phone ? [{ system: 'phone', value: p.phone }] : []),
    ...(p.email ? [{ system: 'email', value: p.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: p.id,
    name: [{ family: p.lastName, given: [p.firstName] }],
    birthDate: p.dateOfBirth,
    ...(telecom.length ? { telecom } : {}),
  };
}

function appointmentResources(a: Appointment): Resource[] {
  const slotId = `${a.id}-slot`;
  const active = !['cancelled', 'rescheduled', 'no_show'].includes(a.status);
  return [
    {
      resourceType: 'Slot',
      id: slotId,
      schedule: ref('Schedule', `${a.providerId}-${a.locationId}`),
      status: active ? 'busy' : 'free',
      start: a.start,
      end: a.end,
    },
    {
      resourceType: 'Appointment',
      id: a.id,
      status: FHIR_STATUS[a.status],
      appointmentType: { text: a.typeName },
      start: a.start,
      end: a.end,
      minutesDuration: a.durationMinutes,
      slot: [ref('Slot', slotId)],
      ...(a.note ? { comment: a.note } : {}),
      participant: [
        { actor: ref('Patient', a.patientId), status: 'accepted' },
        { actor: ref('Practitioner', a.providerId), status: 'accepted' },
        { actor: ref('Location', a.locationId), status: 'accepted' },
      ],
    },
  ];
}
